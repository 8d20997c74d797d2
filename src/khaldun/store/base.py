"""The store protocol, and the SQL both built-in stores share.

A store holds ingested documents, their raw events and the event clusters
(schema in :mod:`khaldun.store.schema`). It is opened by
:func:`khaldun.store.open_store` and must be closed (``close()``, or use it
as a context manager): that releases the connection and, for DuckDB, the
file lock (only one process may open a DuckDB file at a time). A store
opened ``read_only`` refuses every write in the database itself.

Writes come in batches, each batch one transaction (:meth:`Store.write_batch`):
a process killed mid-way leaves whole batches only, so a restarted ingest
skips what is stored and stores the rest exactly once. Reads go through
:meth:`Store.fetch` and :meth:`Store.stream` with SQL written with ``?``
placeholders and values passed separately, never spliced into the SQL; the
read queries themselves live in :mod:`khaldun.store.queries` and
:mod:`khaldun.store.aggregates`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from khaldun.store.schema import (
    BOOTSTRAP,
    CLUSTER_NAMES,
    DOCUMENT_NAMES,
    EVENT_NAMES,
    MIGRATIONS,
    statements_for,
)

# Values per IN (...) list: well under every backend's parameter limit.
_IN_CHUNK = 2000


@dataclass
class Batch:
    """Rows written together in one transaction."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)  # DOCUMENT_NAMES order
    bands: list[tuple[int, int, str]] = field(default_factory=list)  # (band, hash, doc_id)
    events: list[tuple[Any, ...]] = field(default_factory=list)  # EVENT_NAMES order

    def __len__(self) -> int:
        return len(self.documents)


@runtime_checkable
class Store(Protocol):
    """Where documents, events and clusters live. Close it when done."""

    dialect: str
    url: str
    read_only: bool  # opened read-only: every write fails

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

    def migrate(self) -> list[str]:
        """Apply missing migrations; returns the names applied."""
        ...

    def applied_migrations(self) -> list[tuple[int, str]]: ...
    def existing_documents(self, ids: Sequence[str]) -> set[str]: ...
    def canonical_by_text_hash(self, hashes: Sequence[str]) -> dict[str, str]: ...
    def band_matches(self, hashes: Sequence[int]) -> list[tuple[int, int, str]]: ...
    def signatures(self, doc_ids: Sequence[str]) -> dict[str, tuple[bytes, str | None]]: ...
    def write_batch(self, batch: Batch) -> None: ...
    def replace_clusters(self, clusters: Iterable[tuple[tuple[Any, ...], list[str]]]) -> None: ...
    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...
    def stream(
        self, sql: str, params: Sequence[Any] = (), *, size: int = 1000
    ) -> Iterator[dict[str, Any]]: ...


class SqlStore:
    """The shared SQL of the built-in stores; subclasses supply the connection primitives."""

    dialect = "sql"
    url = ""
    read_only = False

    # -- primitives a subclass provides -------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[Any]:
        raise NotImplementedError

    def _insert(self, table: str, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """Insert rows, skipping rows whose primary key is already there."""
        raise NotImplementedError

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 1000) -> Iterator[dict[str, Any]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- lifecycle -------------------------------------------------------------------

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def migrate(self) -> list[str]:
        self._execute(BOOTSTRAP)
        done = {v for v, _ in self.applied_migrations()}
        applied = []
        for migration in MIGRATIONS:
            if migration.version in done:
                continue
            with self._transaction():
                for statement in statements_for(migration, self.dialect):
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (migration.version, migration.name, dt.datetime.now(dt.UTC).replace(tzinfo=None)),
                )
            applied.append(migration.name)
        return applied

    def applied_migrations(self) -> list[tuple[int, str]]:
        _, rows = self._query("SELECT version, name FROM schema_migrations ORDER BY version")
        return [(int(v), str(n)) for v, n in rows]

    # -- ingest lookups --------------------------------------------------------------

    def _in_lookup(self, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        out: list[tuple[Any, ...]] = []
        values = list(dict.fromkeys(values))
        for i in range(0, len(values), _IN_CHUNK):
            part = values[i : i + _IN_CHUNK]
            marks = ", ".join("?" for _ in part)
            out.extend(self._query(sql.replace("(?*)", f"({marks})"), part)[1])
        return out

    def existing_documents(self, ids: Sequence[str]) -> set[str]:
        return {r[0] for r in self._in_lookup("SELECT id FROM documents WHERE id IN (?*)", ids)}

    def canonical_by_text_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        rows = self._in_lookup(
            "SELECT text_hash, MIN(COALESCE(duplicate_of, id)) FROM documents "
            "WHERE text_hash IN (?*) GROUP BY text_hash",
            hashes,
        )
        return {h: d for h, d in rows}

    def band_matches(self, hashes: Sequence[int]) -> list[tuple[int, int, str]]:
        rows = self._in_lookup("SELECT band, hash, doc_id FROM doc_bands WHERE hash IN (?*)", hashes)
        return [(int(b), int(h), str(d)) for b, h, d in rows]

    def signatures(self, doc_ids: Sequence[str]) -> dict[str, tuple[bytes, str | None]]:
        rows = self._in_lookup("SELECT id, minhash, duplicate_of FROM documents WHERE id IN (?*)", doc_ids)
        return {d: (bytes(m), dup) for d, m, dup in rows if m is not None}

    # -- writes -----------------------------------------------------------------------

    def write_batch(self, batch: Batch) -> None:
        with self._transaction():
            if batch.documents:
                self._insert("documents", DOCUMENT_NAMES, batch.documents)
            if batch.bands:
                self._insert("doc_bands", ("band", "hash", "doc_id"), batch.bands)
            if batch.events:
                self._insert("events", EVENT_NAMES, batch.events)

    def replace_clusters(self, clusters: Iterable[tuple[tuple[Any, ...], list[str]]]) -> None:
        """Replace every cluster (row, member event ids) in one transaction, then count articles."""
        with self._transaction():
            self._execute("DELETE FROM event_clusters")
            self._execute("DELETE FROM clusters")
            rows: list[tuple[Any, ...]] = []
            members: list[tuple[str, str]] = []
            for row, ids in clusters:
                rows.append(row)
                members.extend((event_id, row[0]) for event_id in ids)
                if len(members) >= 5000:
                    self._insert("clusters", CLUSTER_NAMES, rows)
                    self._insert("event_clusters", ("event_id", "cluster_id"), members)
                    rows, members = [], []
            if rows:
                self._insert("clusters", CLUSTER_NAMES, rows)
                self._insert("event_clusters", ("event_id", "cluster_id"), members)
            self._execute(_COUNT_ARTICLES)

    # -- reads ------------------------------------------------------------------------

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        names, rows = self._query(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]


# Articles reporting a cluster: the articles of its events and their duplicates.
_COUNT_ARTICLES = """
UPDATE clusters SET num_articles = counts.articles, num_sources = counts.sources
FROM (
    SELECT m.cluster_id,
           COUNT(DISTINCT a.article) AS articles,
           COUNT(DISTINCT a.outlet) AS sources
    FROM event_clusters m
    JOIN events e ON e.id = m.event_id
    JOIN (
        SELECT COALESCE(duplicate_of, id) AS canonical, id AS article,
               COALESCE(source, url, id) AS outlet
        FROM documents
    ) a ON a.canonical = e.doc_id
    GROUP BY m.cluster_id
) counts
WHERE clusters.id = counts.cluster_id
"""
