"""Stores for ingested documents and events: DuckDB (default) and PostgreSQL.

``open_store(url)`` picks the store from the URL and brings its schema up to
date (named migrations, :mod:`khaldun.store.schema`);
``open_store(url, read_only=True)`` is how every reader opens one (the
server, ``khaldun query``, ``export``, ``dyads``, ``network``):

- ``events.duckdb``, ``path/to/file.db``, ``duckdb:///path`` or ``:memory:`` → DuckDB;
- ``postgresql://user@host:port/dbname`` (or ``postgres://``) → PostgreSQL.

The questions asked of a store: :mod:`khaldun.store.filters` (what to
select), :mod:`khaldun.store.queries` (events and documents) and
:mod:`khaldun.store.aggregates` (dyads, the network, actors, places).
"""

from __future__ import annotations

from collections.abc import Callable

from khaldun.errors import RegistryError, StoreError
from khaldun.store.base import Batch, SqlStore, Store
from khaldun.store.schema import SCHEMA_VERSION


def _duckdb(url: str, *, read_only: bool, create: bool = True) -> Store:
    from khaldun.store.duckdb_store import DuckDBStore

    return DuckDBStore(url.removeprefix("duckdb://"), read_only=read_only, create=create)


def _postgres(url: str, *, read_only: bool, create: bool = True) -> Store:
    from khaldun.store.postgres_store import PostgresStore

    return PostgresStore(url, read_only=read_only)  # a database is made by its server, never here


# Each store by name: ``factory(url, read_only=..., create=...)`` opens it (no migration).
STORES: dict[str, Callable[..., Store]] = {"duckdb": _duckdb, "postgres": _postgres}

_SCHEMES = {"duckdb": "duckdb", "postgresql": "postgres", "postgres": "postgres"}


def store_kind(url: str) -> str:
    """The registered store for a URL (a plain path is a DuckDB file)."""
    if "://" not in url:
        return "duckdb"
    scheme = url.split("://", 1)[0].lower()
    try:
        return _SCHEMES[scheme]
    except KeyError:
        raise RegistryError(
            f"No store for {scheme}:// URLs. Available: {', '.join(sorted(STORES))} "
            "(a file path for DuckDB, postgresql://... for PostgreSQL)."
        ) from None


def open_store(url: str, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the store at ``url``. Close it when done (or use it as a context manager).

    Read-write (the default), a missing DuckDB file is created (unless
    ``create`` is false: then the store must exist, a khaldun store of any
    schema version) and missing migrations are applied. Read-only, the store
    must exist with a current schema (a :class:`StoreError` says what to run
    otherwise) and every write fails in the database itself: DuckDB opens the
    file read-only, PostgreSQL makes the session's transactions read-only.
    Only ``khaldun ingest`` creates a store: a mistyped ``--db`` elsewhere is
    an error naming the path, never a new empty store.
    """
    store = STORES[store_kind(url)](url, read_only=read_only, create=create)
    try:
        if read_only:
            _check_schema(store, url)
        else:
            if not create:
                _schema_version(store, url)
            store.migrate()
    except BaseException:
        store.close()
        raise
    return store


def _schema_version(store: Store, url: str) -> int:
    """The store's schema version; a :class:`StoreError` when it is no khaldun store."""
    try:
        versions = [v for v, _ in store.applied_migrations()]
    except Exception as exc:  # noqa: BLE001 - any driver error here means "not a khaldun store"
        raise StoreError(
            f"{_shown(url)} is not a khaldun store (no schema_migrations table: {_first_line(exc)}): "
            "check the --db path, or build a store with `khaldun ingest FILES --db URL`"
        ) from None
    return max(versions, default=0)


def _shown(url: str) -> str:
    """The URL as messages show it: without a password."""
    from khaldun.store.postgres_store import _redact

    return _redact(url) if store_kind(url) == "postgres" else url


def _first_line(exc: Exception) -> str:
    """A driver's message without the SQL excerpt PostgreSQL adds on later lines."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _check_schema(store: Store, url: str) -> None:
    """A store opened read-only cannot migrate: its schema must be current already."""
    version = _schema_version(store, url)
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"{_shown(url)} has schema version {version}, older than {SCHEMA_VERSION}: "
            f"run `khaldun cluster --db {_shown(url)}` once to migrate it, then read it"
        )


__all__ = ["SCHEMA_VERSION", "STORES", "Batch", "SqlStore", "Store", "StoreError", "open_store", "store_kind"]
