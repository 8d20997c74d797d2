"""Parquet part files: a partition's rows written by the worker that coded it, loaded by the client.

With ``--parquet DIR`` a worker writes its partition's rows, one file a table,
as ``DIR/{documents,doc_bands,events}/part-{partition:06d}-{hash}.parquet``,
where ``hash`` is a hash of the rows' keys (document and event ids): a task
that runs twice (its worker died after writing) writes the same name again,
and a file is written under a temporary name and renamed, so no reader ever
sees half a file. The column names and types are the store's
(:mod:`khaldun.store.schema`), so DuckDB can query the parts in place::

    SELECT cameo, COUNT(*) FROM 'DIR/events/*.parquet' GROUP BY cameo

The client loads the parts into the store in partition order, many
partitions in one statement and transaction (:func:`load_parts`): a DuckDB
store reads the files itself (``INSERT OR IGNORE ... SELECT FROM
read_parquet``), so the rows never pass through Python on the client, and a
large load costs far less a row than one partition's; any other store gets
them as a :class:`Batch`. Loading is idempotent by the tables' keys, like
every write of the ingest.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khaldun.store.base import Batch, Store
from khaldun.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

BAND_COLUMNS = (("band", "SMALLINT"), ("hash", "BIGINT"), ("doc_id", "TEXT"))
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "doc_bands": BAND_COLUMNS,
    "events": EVENT_COLUMNS,
}
_FIELD = {"documents": "documents", "doc_bands": "bands", "events": "events"}  # Batch attributes


@cache
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a table, from the SQL types of the store's schema."""
    import pyarrow as pa

    types = {
        "TEXT": pa.string(),
        "INTEGER": pa.int32(),
        "SMALLINT": pa.int16(),
        "BIGINT": pa.int64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
        "{double}": pa.float64(),
        "{blob}": pa.binary(),
    }
    return pa.schema([(name, types[sql.split()[0]]) for name, sql in TABLES[table]])


def rows_hash(batch: Batch) -> str:
    """A hash of the keys of a partition's rows: the same rows, the same file names."""
    digest = hashlib.sha256()
    for row in batch.documents:
        digest.update(f"d{row[0]}\x1f".encode())
    for row in batch.events:
        digest.update(f"e{row[0]}\x1f".encode())
    return digest.hexdigest()[:16]


def write_parts(batch: Batch, folder: str, index: int) -> dict[str, str]:
    """Write the batch's rows as one Parquet file a table (none for a table with no rows)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    name = f"part-{index:06d}-{rows_hash(batch)}.parquet"
    parts: dict[str, str] = {}
    for table in TABLES:
        rows: list[tuple[Any, ...]] = getattr(batch, _FIELD[table])
        if not rows:
            continue
        schema = arrow_schema(table)
        columns = list(zip(*rows, strict=True))
        arrow = pa.table([pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)], schema)
        target = Path(folder, table, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{name}.{uuid.uuid4().hex}.tmp")
        pq.write_table(arrow, temporary)
        os.replace(temporary, target)
        parts[table] = str(target)
    return parts


def load_parts(store: Store, partitions: list[dict[str, str]]) -> None:
    """Load the part files of some partitions (table -> file, each) into the store, in one transaction."""
    files = {table: [parts[table] for parts in partitions if table in parts] for table in TABLES}
    if store.dialect == "duckdb":
        _load_in_duckdb(store, files)
    else:
        store.write_batch(read_batch(files))


def read_batch(files: dict[str, list[str]]) -> Batch:
    """The rows of part files (by table) as a :class:`Batch`."""
    import pyarrow.parquet as pq

    batch = Batch()
    for table, paths in files.items():
        for path in paths:
            arrow = pq.read_table(path)
            columns = [arrow.column(name).to_pylist() for name, _ in TABLES[table]]
            getattr(batch, _FIELD[table]).extend(zip(*columns, strict=True))
    return batch


def _load_in_duckdb(store: Any, files: dict[str, list[str]]) -> None:
    # The store's own transaction and statements (DuckDBStore): DuckDB reads the files itself.
    with store._transaction():
        for table, paths in files.items():
            if paths:
                names = ", ".join(name for name, _ in TABLES[table])
                store._execute(
                    f"INSERT OR IGNORE INTO {table} ({names}) SELECT {names} FROM read_parquet(?)", [paths]
                )
