"""Data files shipped with khaldun: ontology tables, actors, lexicon, gazetteer."""
