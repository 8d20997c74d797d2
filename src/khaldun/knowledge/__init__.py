"""Everything khaldun knows, read from ``data/``: the ontology, the event lexicon, word lists,
the gazetteer and the actor knowledge base (``actors/``)."""
