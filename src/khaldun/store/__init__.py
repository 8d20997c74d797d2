"""Stores for ingested documents and events: DuckDB (default) and PostgreSQL.

``open_store(url)`` picks the store from the URL and brings its schema up to
date (named migrations, :mod:`khaldun.store.schema`):

- ``events.duckdb``, ``path/to/file.db``, ``duckdb:///path`` or ``:memory:`` → DuckDB;
- ``postgresql://user@host:port/dbname`` (or ``postgres://``) → PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable

from khaldun.errors import RegistryError, StoreError
from khaldun.store.base import Batch, SqlStore, Store
from khaldun.store.schema import SCHEMA_VERSION


def _duckdb(url: str) -> Store:
    from khaldun.store.duckdb_store import DuckDBStore

    return DuckDBStore(url.removeprefix("duckdb://") if url.startswith("duckdb://") else url)


def _postgres(url: str) -> Store:
    from khaldun.store.postgres_store import PostgresStore

    return PostgresStore(url)


STORES: dict[str, Callable[[str], Store]] = {"duckdb": _duckdb, "postgres": _postgres}

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


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Open the store at ``url``, applying any missing migrations. Close it when done."""
    store = STORES[store_kind(url)](url)
    if migrate:
        try:
            store.migrate()
        except BaseException:
            store.close()
            raise
    return store


__all__ = ["SCHEMA_VERSION", "STORES", "Batch", "SqlStore", "Store", "StoreError", "open_store", "store_kind"]
