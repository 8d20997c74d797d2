"""The database schema, version ``SCHEMA_VERSION``, and its named migrations.

The same tables in DuckDB and PostgreSQL (types differ only where the
dialects do: ``BLOB``/``BYTEA``). Each migration has a number and a name; a
store applies the ones it lacks, in order, each in its own transaction, and
records it in ``schema_migrations`` (version, name, applied_at). Migrations
are append-only: a released migration is never edited, a change is a new one.

Tables
------

``schema_migrations``
    version, name, applied_at: what was applied and when.

``documents`` — one row per ingested article, stored once (primary key ``id``).
    id (content id: a hash of url and text, or the id the input gave),
    text_hash (hash of the normalised text, equal for exact duplicates),
    title, source, url, published (DATE or NULL),
    date_status (``input``: the article's own date; ``default``: the date the
    user gave with ``--published``; ``missing``: none, so its events are
    dated only by their own expressions — flagged),
    language, n_chars, text,
    minhash (MinHash signature, 64 little-endian uint32, see :mod:`khaldun.corpus.dedup`),
    status (``coded``; ``duplicate``: not coded, see duplicate_of),
    duplicate_of (id of the canonical article this one repeats), similarity
    (estimated Jaccard to it, 1.0 for an exact duplicate), n_events,
    ingested_at.

``doc_bands`` — LSH band hashes of coded articles (band, hash, doc_id; primary key
    hash, band, doc_id since migration 5), to find near-duplicates of earlier articles.

``events`` — raw events, one per mention in a report (primary key ``id``, the
    event id of :meth:`khaldun.model.Event.make_id`): the columns of the event
    JSON (:meth:`khaldun.model.Event.to_dict`, schema version 1) flattened:
    source_* and target_* (text, id, name, code, country, sector, known),
    cameo, cameo_name, root, plover, plover_mode, quad_class, goldstein,
    modality, date (DATE: first day of the period), date_precision, date_text,
    location_* (name, country, admin1, lat, lon, gazetteer_id, text),
    amount_value, amount_currency, amount_text, sentence, sentence_start,
    sentence_end, trigger, trigger_start, trigger_end, confidence, rule, and (migration 4)
    cameo_standard, plover_standard (NULL for events stored before it).

``clusters`` — events clustered into happenings by the rule of
    :mod:`khaldun.corpus.clusters` (rule version in ``rule``): id, the shared key
    (source/target code and country, root, modality, location), date (first
    report's date) and last_date, the representative cameo, cameo_name,
    plover, plover_mode, quad_class and goldstein (the most frequent code),
    num_mentions (raw events), num_articles (articles reporting it, near and
    exact duplicates included), num_sources (distinct sources of those
    articles), first_event.

``event_clusters`` — event_id → cluster_id.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 5

BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""

ACTOR_FIELDS = ("text", "id", "name", "code", "country", "sector", "known")

# (column, SQL type) of the events table as migration 1 made it; {double} and {blob} per dialect.
_EVENT_COLUMNS_1: tuple[tuple[str, str], ...] = (
    ("id", "TEXT PRIMARY KEY"),
    ("doc_id", "TEXT NOT NULL"),
    *((f"source_{f}", "BOOLEAN" if f == "known" else "TEXT") for f in ACTOR_FIELDS),
    *((f"target_{f}", "BOOLEAN" if f == "known" else "TEXT") for f in ACTOR_FIELDS),
    ("cameo", "TEXT NOT NULL"),
    ("cameo_name", "TEXT"),
    ("root", "TEXT NOT NULL"),
    ("plover", "TEXT"),
    ("plover_mode", "TEXT"),
    ("quad_class", "INTEGER"),
    ("goldstein", "{double}"),
    ("modality", "TEXT"),
    ("date", "DATE"),
    ("date_precision", "TEXT"),
    ("date_text", "TEXT"),
    ("location_name", "TEXT"),
    ("location_country", "TEXT"),
    ("location_admin1", "TEXT"),
    ("location_lat", "{double}"),
    ("location_lon", "{double}"),
    ("location_gazetteer_id", "TEXT"),
    ("location_text", "TEXT"),
    ("amount_value", "{double}"),
    ("amount_currency", "TEXT"),
    ("amount_text", "TEXT"),
    ("sentence", "TEXT"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("trigger", "TEXT"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("confidence", "{double}"),
    ("rule", "TEXT"),
)

# Added by migration 4: the codebook's code of an unrealised event (NULL in rows stored before it).
_EVENT_COLUMNS_4: tuple[tuple[str, str], ...] = (("cameo_standard", "TEXT"), ("plover_standard", "TEXT"))

# Every column of the events table, in order.
EVENT_COLUMNS = _EVENT_COLUMNS_1 + _EVENT_COLUMNS_4

DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "TEXT PRIMARY KEY"),
    ("text_hash", "TEXT NOT NULL"),
    ("title", "TEXT"),
    ("source", "TEXT"),
    ("url", "TEXT"),
    ("published", "DATE"),
    ("date_status", "TEXT NOT NULL"),
    ("language", "TEXT"),
    ("n_chars", "INTEGER"),
    ("text", "TEXT"),
    ("minhash", "{blob}"),
    ("status", "TEXT NOT NULL"),
    ("duplicate_of", "TEXT"),
    ("similarity", "{double}"),
    ("n_events", "INTEGER"),
    ("ingested_at", "TIMESTAMP"),
)

CLUSTER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "TEXT PRIMARY KEY"),
    ("rule", "TEXT NOT NULL"),
    ("source_code", "TEXT"),
    ("source_country", "TEXT"),
    ("source_id", "TEXT"),
    ("source_name", "TEXT"),
    ("target_code", "TEXT"),
    ("target_country", "TEXT"),
    ("target_id", "TEXT"),
    ("target_name", "TEXT"),
    ("root", "TEXT NOT NULL"),
    ("cameo", "TEXT NOT NULL"),
    ("cameo_name", "TEXT"),
    ("plover", "TEXT"),
    ("plover_mode", "TEXT"),
    ("quad_class", "INTEGER"),
    ("goldstein", "{double}"),
    ("modality", "TEXT"),
    ("date", "DATE"),
    ("last_date", "DATE"),
    ("location_name", "TEXT"),
    ("location_country", "TEXT"),
    ("location_lat", "{double}"),
    ("location_lon", "{double}"),
    ("num_mentions", "INTEGER NOT NULL"),
    ("num_articles", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("first_event", "TEXT"),
    ("first_doc", "TEXT"),
)


def _table(name: str, columns: tuple[tuple[str, str], ...]) -> str:
    return f"CREATE TABLE {name} (\n    " + ",\n    ".join(f"{c} {t}" for c, t in columns) + "\n)"


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]  # may use {double} and {blob}
    dialects: tuple[str, ...] = ("duckdb", "postgres")  # others record it without running it


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "create_documents_and_events",
        (
            _table("documents", DOCUMENT_COLUMNS),
            "CREATE TABLE doc_bands (band SMALLINT NOT NULL, hash BIGINT NOT NULL, doc_id TEXT NOT NULL)",
            _table("events", _EVENT_COLUMNS_1),
        ),
    ),
    Migration(
        2,
        "create_clusters",
        (
            _table("clusters", CLUSTER_COLUMNS),
            "CREATE TABLE event_clusters (event_id TEXT PRIMARY KEY, cluster_id TEXT NOT NULL)",
        ),
    ),
    # DuckDB scans columns fast and its indexes slow bulk inserts: indexes for PostgreSQL only.
    Migration(
        3,
        "index_lookups",
        (
            "CREATE INDEX doc_bands_hash ON doc_bands (hash)",
            "CREATE INDEX documents_text_hash ON documents (text_hash)",
            "CREATE INDEX events_doc ON events (doc_id)",
            "CREATE INDEX events_dyad ON events (source_code, target_code, date)",
            "CREATE INDEX event_clusters_cluster ON event_clusters (cluster_id)",
        ),
        dialects=("postgres",),
    ),
    Migration(
        4,
        "event_standard_codes",
        tuple(f"ALTER TABLE events ADD COLUMN {c} {t}" for c, t in _EVENT_COLUMNS_4),
    ),
    # doc_bands had no key, so two ingests at once stored every band twice: keep one row of each,
    # then key the table. The key starts with hash, so it also serves the lookup by hash (the
    # PostgreSQL index doc_bands_hash goes with the old table).
    Migration(
        5,
        "key_doc_bands",
        (
            "ALTER TABLE doc_bands RENAME TO doc_bands_unkeyed",
            "CREATE TABLE doc_bands (band SMALLINT NOT NULL, hash BIGINT NOT NULL, doc_id TEXT NOT NULL, "
            "PRIMARY KEY (hash, band, doc_id))",
            "INSERT INTO doc_bands (band, hash, doc_id) "
            "SELECT DISTINCT band, hash, doc_id FROM doc_bands_unkeyed",
            "DROP TABLE doc_bands_unkeyed",
        ),
    ),
)

# Every table has a primary key: inserts skip rows already there.
KEYED_TABLES = frozenset({"documents", "doc_bands", "events", "clusters", "event_clusters"})

TYPES = {
    "duckdb": {"double": "DOUBLE", "blob": "BLOB"},
    "postgres": {"double": "DOUBLE PRECISION", "blob": "BYTEA"},
}


def statements_for(migration: Migration, dialect: str) -> list[str]:
    if dialect not in migration.dialects:
        return []
    return [s.format(**TYPES[dialect]) for s in migration.statements]


EVENT_NAMES = tuple(c for c, _ in EVENT_COLUMNS)
DOCUMENT_NAMES = tuple(c for c, _ in DOCUMENT_COLUMNS)
CLUSTER_NAMES = tuple(c for c, _ in CLUSTER_COLUMNS)
