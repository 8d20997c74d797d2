"""Corpora: reading documents, finding duplicates, ingesting into a store, clustering events."""
