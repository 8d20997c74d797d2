"""PostgreSQL store (psycopg 3), for a team sharing one database.

``--db postgresql://user@host:5432/dbname`` (any libpq URL). A ``schema``
query parameter (``...?options=-csearch_path%3Dmyschema``) or the libpq
``options`` keep several khaldun databases apart in one PostgreSQL database.
Inserts use ``ON CONFLICT DO NOTHING`` and every table has a key, so two
ingests writing the same article at once store it once; migrations take a
lock, so two commands opening a new store at once create it once. Opened
read-only, the session's transactions are read-only (``SET SESSION
CHARACTERISTICS AS TRANSACTION READ ONLY``), so PostgreSQL itself refuses
every write.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from khaldun.errors import StoreError
from khaldun.store.base import SqlStore

_READ_ONLY = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
# One migrating session per schema at a time (held until the transaction ends).
_MIGRATION_LOCK = (
    "SELECT pg_advisory_xact_lock(hashtext('khaldun migrate ' || COALESCE(current_schema(), '')))"
)


def _pg_sql(sql: str) -> str:
    """``?`` placeholders (the read layer's style) as psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    """A store in a PostgreSQL database."""

    dialect = "postgres"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        """Connect to the database at ``url``; ``read_only`` makes the session's transactions read-only."""
        import psycopg

        self.url, self.read_only = url, read_only
        try:
            self.conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {_redact(url)}: {str(exc).strip()}. "
                "Check that the server runs and the URL (postgresql://user@host:port/dbname) is right"
            ) from None
        if read_only:
            self.conn.execute(_READ_ONLY)
        self._tx: Any = None

    def close(self) -> None:
        self.conn.close()

    def migrate(self) -> list[str]:
        """Apply missing migrations under a lock: two commands opening a new store at once must not
        both create its tables. One transaction, so a failed migration leaves the schema as it was."""
        with self.conn.transaction():
            self.conn.execute(_MIGRATION_LOCK)
            return super().migrate()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(_pg_sql(sql), list(params))

    def _query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.conn.execute(_pg_sql(sql), list(params))
        names = [d.name for d in cur.description] if cur.description else []
        return names, cur.fetchall()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _insert(self, table: str, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        cols = ", ".join(names)
        marks = ", ".join("%s" for _ in names)
        with self.conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT DO NOTHING", rows)

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 1000) -> Iterator[dict[str, Any]]:
        """Rows one batch at a time from a server-side cursor on a second connection."""
        import psycopg

        with psycopg.connect(self.url) as conn:
            if self.read_only:
                conn.read_only = True  # its transaction starts READ ONLY
            with conn.cursor(name=f"khaldun_{uuid.uuid4().hex}") as cur:
                cur.execute(_pg_sql(sql), list(params))
                while rows := cur.fetchmany(size):
                    names = [d.name for d in cur.description]
                    for row in rows:
                        yield dict(zip(names, row, strict=True))


def _redact(url: str) -> str:
    """The URL without a password."""
    if "@" in url and ":" in url.split("@", 1)[0].split("//", 1)[-1]:
        scheme, rest = url.split("//", 1) if "//" in url else ("", url)
        user = rest.split("@", 1)[0].split(":", 1)[0]
        return f"{scheme}//{user}:***@{rest.split('@', 1)[1]}"
    return url
