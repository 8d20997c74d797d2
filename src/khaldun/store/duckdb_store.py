"""The default store: one embedded DuckDB file, no server.

A DuckDB file has one writer at a time, and no reader beside it (several
read-only processes may share it: ``khaldun query`` runs beside ``khaldun
serve``): commands open it, do their work and close it. Bulk inserts go
through Arrow tables (``executemany`` is ~1,000 times slower in DuckDB).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from khaldun.errors import StoreError
from khaldun.store.base import SqlStore
from khaldun.store.schema import KEYED_TABLES


def missing_store(path: str) -> str:
    """The message for a store that is not there (only ``khaldun ingest`` creates one)."""
    return (
        f"no DuckDB database at {path} (no such file): check the --db path, "
        f"or build one with `khaldun ingest FILES --db {path}`"
    )


def _open_error(path: str, message: str) -> str:
    """DuckDB's open error in khaldun's terms: its hint about a CLI ``-readonly`` flag is not ours."""
    if "lock" not in message.lower():
        return f"cannot open the DuckDB database {path}: {message}"
    pid = re.search(r"\(PID (\d+)\)", message)
    holder = f"another process (PID {pid.group(1)})" if pid else "another process"
    return (
        f"the DuckDB store {path} is in use by {holder}. Only one process may use a DuckDB file "
        "that is open for writing: stop the other khaldun command (a `khaldun ingest`, or "
        "`khaldun serve`) and run this again, or keep the store in PostgreSQL "
        "(--db postgresql://...) to ingest while serving"
    )


class DuckDBStore(SqlStore):
    """A store in a DuckDB file (``:memory:`` for a throw-away one)."""

    dialect = "duckdb"

    def __init__(self, path: str, *, read_only: bool = False, create: bool = True) -> None:
        """Open (or, when ``create``, create) the database at ``path``.

        Read-only, every write fails in DuckDB itself, and the file must exist.
        """
        import duckdb

        self.url, self.read_only = path, read_only
        if (read_only or not create) and (path == ":memory:" or not Path(path).is_file()):
            raise StoreError(missing_store(path))
        if path != ":memory:" and not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(_open_error(path, str(exc))) from None
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the DuckDB database {path}: {exc}") from None
        self._depth = 0

    def close(self) -> None:
        self.con.close()

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.con.execute(sql, list(params))

    def _query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description] if cur.description else []
        return names, cur.fetchall()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.con.begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
        finally:
            self._depth = 0

    def _insert(self, table: str, names: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        import pyarrow as pa

        columns = list(zip(*rows, strict=True))
        arrow = pa.table({name: list(col) for name, col in zip(names, columns, strict=True)})
        view = f"_khaldun_insert_{table}"
        self.con.register(view, arrow)
        try:
            cols = ", ".join(names)
            verb = "INSERT OR IGNORE" if table in KEYED_TABLES else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {view}")
        finally:
            self.con.unregister(view)

    def stream(self, sql: str, params: Sequence[Any] = (), *, size: int = 1000) -> Iterator[dict[str, Any]]:
        """Rows one batch at a time, on a second connection so writes can go on meanwhile."""
        cur = self.con.cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(size):
                for row in rows:
                    yield dict(zip(names, row, strict=True))
        finally:
            cur.close()
