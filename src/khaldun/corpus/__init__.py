"""Corpora: ``readers`` (documents from files, folders, feeds and stdin), ``dedup`` (duplicates),
``ingest`` (into a store) and ``clusters`` (one event per happening)."""
