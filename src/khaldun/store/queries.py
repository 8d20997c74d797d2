"""The read layer for events and documents: every such question asked of a store.

The CLI and the REST API both ask through here (and through
:mod:`khaldun.store.aggregates` for counts over time, the network, places and
actors), so both give the same answers. Filters become SQL in
:mod:`khaldun.store.filters`; their values are always passed as query
parameters (``?``), never spliced into SQL text.

Two levels answer every question: ``raw`` (one event per mention in a
report, table ``events``) and ``clustered`` (one event per happening, table
``clusters``, see :mod:`khaldun.corpus.clusters`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from khaldun.errors import QueryError
from khaldun.store.base import Store
from khaldun.store.checks import check_actors, check_filter
from khaldun.store.filters import LEVELS, EventFilter, check_choice, dyad_clause, where
from khaldun.store.rows import event_dict

# -- events -----------------------------------------------------------------------

# The article of each event (its document object), as rows.event_dict reads it.
_DOC_COLUMNS = "d.title AS doc_title, d.source AS doc_source, d.url AS doc_url, d.published AS doc_published"


def _standard(column: str) -> str:
    """A cluster's codebook code: that of its first report coded with the cluster's own code."""
    return (
        f"(SELECT r.{column} FROM event_clusters c JOIN events r ON r.id = c.event_id "
        "WHERE c.cluster_id = x.id AND r.cameo = x.cameo "
        f"ORDER BY r.date NULLS LAST, r.id LIMIT 1) AS {column}"
    )


_CLUSTER_SELECT = f"""
SELECT x.id, x.first_doc AS doc_id,
       e.source_text, x.source_id, x.source_name, x.source_code, x.source_country, e.source_sector,
       e.source_known,
       e.target_text, x.target_id, x.target_name, x.target_code, x.target_country, e.target_sector,
       e.target_known,
       x.cameo, x.cameo_name, x.root, x.plover, x.plover_mode, x.quad_class, x.goldstein, x.modality,
       x.date, e.date_precision, e.date_text,
       x.location_name, x.location_country, e.location_admin1, x.location_lat, x.location_lon,
       e.location_gazetteer_id, e.location_text,
       e.amount_value, e.amount_currency, e.amount_text,
       e.sentence, e.sentence_start, e.sentence_end, e.trigger, e.trigger_start, e.trigger_end,
       e.confidence, e.rule,
       x.last_date, x.num_mentions, x.num_articles, x.num_sources,
       d.url AS source_url, d.ingested_at AS added, {_DOC_COLUMNS},
       {_standard("cameo_standard")}, {_standard("plover_standard")}
FROM clusters x LEFT JOIN events e ON e.id = x.first_event LEFT JOIN documents d ON d.id = x.first_doc
"""


# Orders events can be sorted by (``-`` first: descending), as SQL per level; ties keep the default order.
SORTS: dict[str, dict[str, str]] = {
    "date": {"raw": "x.date", "clustered": "x.date"},
    "goldstein": {"raw": "x.goldstein", "clustered": "x.goldstein"},
    "cameo": {"raw": "x.cameo", "clustered": "x.cameo"},
    "confidence": {"raw": "x.confidence", "clustered": "e.confidence"},
    "source": {"raw": "x.source_code", "clustered": "x.source_code"},
    "target": {"raw": "x.target_code", "clustered": "x.target_code"},
    "mentions": {"clustered": "x.num_mentions"},
}
SORT_CHOICES = tuple(k for name in SORTS for k in (name, f"-{name}"))

_DEFAULT_ORDER = {
    "raw": "x.date NULLS LAST, x.doc_id, x.sentence_start, x.trigger_start, x.id",
    "clustered": "x.date NULLS LAST, x.id",
}


def _order(sort: str | None, level: str) -> str:
    if not sort:
        return _DEFAULT_ORDER[level]
    name = sort.removeprefix("-")
    column = SORTS.get(name, {}).get(level)
    if column is None:
        valid = [k for k in SORT_CHOICES if level in SORTS[k.removeprefix("-")]]
        raise QueryError(f"cannot sort {level} events by {sort!r}; choose one of {', '.join(valid)}")
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{column} {direction} NULLS LAST, {_DEFAULT_ORDER[level]}"


def _events_sql(
    f: EventFilter,
    level: str,
    *,
    sort: str | None = None,
    extra: tuple[str, list[Any]] | None = None,
) -> tuple[str, list[Any]]:
    clause, params = where(f, check_choice(level, LEVELS, "level"))
    if extra:
        clause, params = f"{clause} AND {extra[0]}", params + extra[1]
    order = _order(sort, level)
    if level == "raw":
        sql = (
            f"SELECT x.*, m.cluster_id, {_DOC_COLUMNS} FROM events x "
            "LEFT JOIN event_clusters m ON m.event_id = x.id LEFT JOIN documents d ON d.id = x.doc_id "
            f"WHERE {clause} ORDER BY {order}"
        )
    else:
        sql = f"{_CLUSTER_SELECT} WHERE {clause} ORDER BY {order}"
    return sql, params


def _as_event(row: dict[str, Any], level: str) -> dict[str, Any]:
    event = event_dict(row)
    if level == "clustered":
        event["cluster_id"] = event["event_id"]
        last = row.get("last_date")
        event["last_date"] = last.isoformat() if last else None
        for key in ("num_mentions", "num_articles", "num_sources"):
            event[key] = row.get(key)
        event["source_url"] = row.get("source_url")
        added = row.get("added")
        event["added"] = added.strftime("%Y%m%d%H%M%S") if added else None
    return event


def events(
    store: Store,
    f: EventFilter | None = None,
    *,
    level: str = "raw",
    limit: int | None = None,
    offset: int = 0,
    sort: str | None = None,
) -> list[dict[str, Any]]:
    """Events (as ``Event.to_dict()`` JSON; clusters add their counts) matching a filter.

    ``sort`` is one of :data:`SORT_CHOICES` (a leading ``-`` sorts descending);
    by default events come by date.
    """
    check_filter(store, f or EventFilter())
    sql, params = _events_sql(f or EventFilter(), level, sort=sort)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    elif offset:
        sql += " OFFSET ?"
        params.append(int(offset))
    return [_as_event(r, level) for r in store.fetch(sql, params)]


def iter_events(
    store: Store, f: EventFilter | None = None, *, level: str = "raw"
) -> Iterator[dict[str, Any]]:
    """Like :func:`events`, streaming (for exports of any size). The filter is checked at the call,
    before an exporter opens its output."""
    check_filter(store, f or EventFilter())
    sql, params = _events_sql(f or EventFilter(), level)
    return (_as_event(row, level) for row in store.stream(sql, params))


def count_events(store: Store, f: EventFilter | None = None, *, level: str = "raw") -> int:
    check_filter(store, f or EventFilter())
    clause, params = where(f or EventFilter(), check_choice(level, LEVELS, "level"))
    table = "events" if level == "raw" else "clusters"
    [row] = store.fetch(f"SELECT COUNT(*) AS n FROM {table} x WHERE {clause}", params)
    return int(row["n"])


# -- documents and the store ------------------------------------------------------


def documents(
    store: Store, *, status: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Stored articles without their text: id, title, source, url, date, status, duplicate link."""
    sql = (
        "SELECT id, title, source, url, published, date_status, status, duplicate_of, similarity, n_events "
        "FROM documents x WHERE (CAST(? AS TEXT) IS NULL OR x.status = ?) ORDER BY x.id"
    )
    params: list[Any] = [status, status]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return store.fetch(sql, params)


def count_documents(store: Store, *, status: str | None = None) -> int:
    [row] = store.fetch(
        "SELECT COUNT(*) AS n FROM documents x WHERE (CAST(? AS TEXT) IS NULL OR x.status = ?)",
        [status, status],
    )
    return int(row["n"])


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """One article with its text, and the ids, titles and sources of the articles duplicating it."""
    rows = store.fetch(
        "SELECT id, title, source, url, published, date_status, language, n_chars, text, status, "
        "duplicate_of, similarity, n_events FROM documents WHERE id = ?",
        [doc_id],
    )
    if not rows:
        return None
    doc = rows[0]
    doc["duplicates"] = store.fetch(
        "SELECT id, title, source, url, published, similarity FROM documents "
        "WHERE duplicate_of = ? ORDER BY id",
        [doc_id],
    )
    return doc


def summary(store: Store) -> dict[str, Any]:
    """Counts of the whole store."""
    [docs] = store.fetch(
        "SELECT COUNT(*) AS documents, "
        "SUM(CASE WHEN status = 'duplicate' THEN 1 ELSE 0 END) AS duplicates, "
        "SUM(CASE WHEN date_status = 'missing' THEN 1 ELSE 0 END) AS undated FROM documents"
    )
    [ev] = store.fetch("SELECT COUNT(*) AS n FROM events")
    [cl] = store.fetch("SELECT COUNT(*) AS n FROM clusters")
    return {
        "documents": int(docs["documents"] or 0),
        "duplicates": int(docs["duplicates"] or 0),
        "undated": int(docs["undated"] or 0),
        "events": int(ev["n"]),
        "clusters": int(cl["n"]),
    }


# -- one event, its cluster, the events behind a dyad point ------------------------


def event(store: Store, event_id: str) -> tuple[str, dict[str, Any]] | None:
    """The event with this id, as ``(level, event)``: a raw event id, else a cluster id; None if neither."""
    for level in LEVELS:
        sql, params = _events_sql(EventFilter(), level, extra=("x.id = ?", [event_id]))
        rows = store.fetch(sql, params)
        if rows:
            return level, _as_event(rows[0], level)
    return None


def cluster_events(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """The raw events (one per report) of a clustered event, in date order."""
    sql, params = _events_sql(
        EventFilter(),
        "raw",
        extra=("x.id IN (SELECT c.event_id FROM event_clusters c WHERE c.cluster_id = ?)", [cluster_id]),
    )
    return [_as_event(r, "raw") for r in store.fetch(sql, params)]


def dyad_events(
    store: Store,
    a: str,
    b: str,
    *,
    f: EventFilter | None = None,
    level: str = "clustered",
    directed: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """The events :func:`~khaldun.store.aggregates.dyad_series` counts for A–B (dated ones; both
    directions unless ``directed``).

    With ``f.since``/``f.until`` set to :func:`~khaldun.store.aggregates.period_range` of a row's
    period, these are exactly the events behind that row.
    """
    check_actors(store, a, b)
    check_filter(store, f or EventFilter())
    clause, params = dyad_clause(a, b, directed)
    sql, all_params = _events_sql(
        f or EventFilter(), level, extra=(f"x.date IS NOT NULL AND {clause}", params)
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        all_params += [int(limit), int(offset)]
    return [_as_event(r, level) for r in store.fetch(sql, all_params)]
