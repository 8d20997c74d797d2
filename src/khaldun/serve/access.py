"""The server's hold on the store, the coder and the knowledge base.

DuckDB lets one process open a file, so the server opens it **read-only**
(unless ``--writable``) and keeps it open while it runs: ``khaldun ingest``
on the same file must wait until the server stops (or use PostgreSQL, where
both can run at once; the server then sets its session read-only). One
connection serves every request, one query at a time (a lock), which DuckDB
needs and which is fast enough for a dashboard.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from khaldun.errors import ServeError
from khaldun.serve.settings import ServeSettings
from khaldun.store import Store, open_store


def open_for_serving(settings: ServeSettings) -> Store:
    """The store of ``settings.db``: read-only (its schema must be current) unless ``writable``."""
    return open_store(settings.db, read_only=not settings.writable)


class Resources:
    """The open store (one query at a time), the coder and the knowledge base (both loaded on first use)."""

    def __init__(
        self,
        settings: ServeSettings,
        *,
        pipeline_factory: Callable[[], Any] | None = None,
    ) -> None:
        self.settings = settings
        self.store: Store | None = None
        self._store_lock = threading.Lock()
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._pipeline_lock = threading.Lock()
        self._kb: Any = None
        self._kb_lock = threading.Lock()

    def open(self) -> None:
        self.store = open_for_serving(self.settings)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    @contextmanager
    def reading(self) -> Iterator[Store]:
        if self.store is None:
            raise ServeError("the store is not open")
        with self._store_lock:
            yield self.store

    def code(self, text: str, published: Any) -> list[Any]:
        """Code a text with the pipeline, loaded once on first use; one text at a time."""
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = (self._pipeline_factory or self._default_pipeline)()
            return self._pipeline.code(text, published=published)

    def _default_pipeline(self) -> Any:
        from khaldun.coding.pipeline import Pipeline
        from khaldun.config import load_config

        return Pipeline(load_config(self.settings.config_path))

    def kb_record(self, ident: str) -> dict[str, Any] | None:
        """The knowledge-base entry of an actor id (``person:...``, ``country:IRQ``), if the KB has it."""
        from khaldun.knowledge.actors.records import show_record

        with self._kb_lock:
            if self._kb is None:
                if self._pipeline is not None:
                    self._kb = self._pipeline.kb
                else:
                    from khaldun.config import load_config
                    from khaldun.knowledge.actors import load_kb

                    self._kb = load_kb(load_config(self.settings.config_path))
            return show_record(self._kb, ident, day=None)
