"""Gold-standard sets and scoring against them (``khaldun evaluate``)."""
