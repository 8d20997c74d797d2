"""The read layer: every question asked of a store, for the CLI and a later REST API.

All SQL that reads the store is here. Filter values are always passed as
query parameters (``?``), never spliced into SQL text; only names chosen
from fixed tables (a level, a period, a node kind) shape the SQL.

Two levels answer every question: ``raw`` (one event per mention in a
report, table ``events``) and ``clustered`` (one event per happening, table
``clusters``, see :mod:`khaldun.aggregate`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from khaldun.errors import KhaldunError
from khaldun.store.base import Store
from khaldun.store.rows import event_dict

LEVELS = ("raw", "clustered")
PERIODS = ("day", "week", "month", "year")
NODES = ("code", "country")
QUAD_NAMES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


class QueryError(KhaldunError):
    """A query was asked with an invalid value."""


@dataclass(frozen=True)
class EventFilter:
    """What to select. Every field is optional; all given ones must hold.

    An actor value matches an actor's code (``IRQGOV``), its country
    (``IRQ``) or its id (``person:mustafa_al_kadhimi``).
    """

    actor: str | None = None  # source or target
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None  # source → target
    country: str | None = None  # either actor's country
    code: str | None = None  # CAMEO code and its sub-codes (prefix)
    root: str | None = None  # CAMEO root, two digits
    plover: str | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # location name (case-insensitive) or location country
    text: str | None = None  # words in the evidence sentence
    doc_id: str | None = None


def _actor_clause(role: str, value: str) -> tuple[str, list[Any]]:
    return (
        f"(x.{role}_code = ? OR x.{role}_country = ? OR x.{role}_id = ?)",
        [value.upper(), value.upper(), value],
    )


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(f: EventFilter, level: str) -> tuple[str, list[Any]]:
    """The WHERE clause (on alias ``x``) and its parameters for a filter."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        parts.append(sql)
        params.extend(values)

    if f.actor:
        src, p1 = _actor_clause("source", f.actor)
        tgt, p2 = _actor_clause("target", f.actor)
        add(f"({src} OR {tgt})", *p1, *p2)
    for role, value in (("source", f.source), ("target", f.target)):
        if value:
            sql, values = _actor_clause(role, value)
            add(sql, *values)
    if f.dyad:
        src, p1 = _actor_clause("source", f.dyad[0])
        tgt, p2 = _actor_clause("target", f.dyad[1])
        add(f"({src} AND {tgt})", *p1, *p2)
    if f.country:
        add("(x.source_country = ? OR x.target_country = ?)", f.country.upper(), f.country.upper())
    if f.code:
        add("x.cameo LIKE ? ESCAPE '\\'", _like(f.code)[1:])
    if f.root:
        add("x.root = ?", f.root)
    if f.plover:
        add("x.plover = ?", f.plover.upper())
    if f.modality:
        add("x.modality = ?", f.modality.lower())
    if f.since:
        add("x.date >= ?", f.since)
    if f.until:
        add("x.date <= ?", f.until)
    if f.place:
        add(
            "(x.location_name ILIKE ? ESCAPE '\\' OR x.location_country = ?)", _like(f.place), f.place.upper()
        )
    if f.doc_id:
        if level == "clustered":
            add(
                "x.id IN (SELECT m.cluster_id FROM event_clusters m JOIN events e ON e.id = m.event_id "
                "WHERE e.doc_id = ?)",
                f.doc_id,
            )
        else:
            add("x.doc_id = ?", f.doc_id)
    if f.text:
        if level == "clustered":
            add(
                "x.id IN (SELECT m.cluster_id FROM event_clusters m JOIN events e ON e.id = m.event_id "
                "WHERE e.sentence ILIKE ? ESCAPE '\\')",
                _like(f.text),
            )
        else:
            add("x.sentence ILIKE ? ESCAPE '\\'", _like(f.text))
    return (" AND ".join(parts) or "TRUE"), params


def _check(value: str, valid: tuple[str, ...], what: str) -> str:
    if value not in valid:
        raise QueryError(f"unknown {what} {value!r}; choose one of {', '.join(valid)}")
    return value


# -- events -----------------------------------------------------------------------

_CLUSTER_SELECT = """
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
       d.url AS source_url, d.ingested_at AS added
FROM clusters x LEFT JOIN events e ON e.id = x.first_event LEFT JOIN documents d ON d.id = x.first_doc
"""


def _events_sql(f: EventFilter, level: str) -> tuple[str, list[Any]]:
    clause, params = where(f, _check(level, LEVELS, "level"))
    if level == "raw":
        sql = (
            "SELECT x.*, m.cluster_id FROM events x LEFT JOIN event_clusters m ON m.event_id = x.id "
            f"WHERE {clause} ORDER BY x.date NULLS LAST, x.doc_id, x.sentence_start, x.trigger_start, x.id"
        )
    else:
        sql = f"{_CLUSTER_SELECT} WHERE {clause} ORDER BY x.date NULLS LAST, x.id"
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
) -> list[dict[str, Any]]:
    """Events (as ``Event.to_dict()`` JSON; clusters add their counts) matching a filter."""
    sql, params = _events_sql(f or EventFilter(), level)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(limit), int(offset)]
    return [_as_event(r, level) for r in store.fetch(sql, params)]


def iter_events(
    store: Store, f: EventFilter | None = None, *, level: str = "raw"
) -> Iterator[dict[str, Any]]:
    """Like :func:`events`, streaming (for exports of any size)."""
    sql, params = _events_sql(f or EventFilter(), level)
    for row in store.stream(sql, params):
        yield _as_event(row, level)


def count_events(store: Store, f: EventFilter | None = None, *, level: str = "raw") -> int:
    clause, params = where(f or EventFilter(), _check(level, LEVELS, "level"))
    table = "events" if level == "raw" else "clusters"
    [row] = store.fetch(f"SELECT COUNT(*) AS n FROM {table} x WHERE {clause}", params)
    return int(row["n"])


# -- dyads ------------------------------------------------------------------------


def _dyad_clause(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    ab_s, p1 = _actor_clause("source", a)
    ab_t, p2 = _actor_clause("target", b)
    forward = f"({ab_s} AND {ab_t})"
    if directed:
        return forward, p1 + p2
    ba_s, p3 = _actor_clause("source", b)
    ba_t, p4 = _actor_clause("target", a)
    return f"({forward} OR ({ba_s} AND {ba_t}))", p1 + p2 + p3 + p4


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    f: EventFilter | None = None,
    level: str = "clustered",
    directed: bool = False,
) -> list[dict[str, Any]]:
    """Counts by period for the dyad A–B (both directions unless ``directed``).

    Each row: period (first day), events, a_to_b, b_to_a, one count per
    QuadClass, cooperation (QuadClass 1–2) and conflict (3–4), Goldstein sum
    and mean, and counts by PLOVER type. Undated events are left out.
    """
    _check(by, PERIODS, "period")
    table = {"raw": "events", "clustered": "clusters"}[_check(level, LEVELS, "level")]
    clause, params = where(f or EventFilter(), level)
    dyad, dyad_params = _dyad_clause(a, b, directed)
    fwd, fwd_params = _dyad_clause(a, b, True)
    period = "CAST(date_trunc(CAST(? AS TEXT), CAST(x.date AS TIMESTAMP)) AS DATE)"
    quads = ", ".join(
        f"SUM(CASE WHEN x.quad_class = {q} THEN 1 ELSE 0 END) AS {name}" for q, name in QUAD_NAMES.items()
    )
    base = f"FROM {table} x WHERE x.date IS NOT NULL AND {dyad} AND {clause}"
    sql = f"""
        SELECT {period} AS period, COUNT(*) AS events,
               SUM(CASE WHEN {fwd} THEN 1 ELSE 0 END) AS a_to_b,
               {quads},
               SUM(CASE WHEN x.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
               SUM(CASE WHEN x.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict,
               SUM(x.goldstein) AS goldstein_sum, AVG(x.goldstein) AS goldstein_mean
        {base} GROUP BY 1 ORDER BY 1"""
    rows = store.fetch(sql, [by, *fwd_params, *dyad_params, *params])
    plover_sql = f"SELECT {period} AS period, x.plover, COUNT(*) AS n {base} GROUP BY 1, 2 ORDER BY 1, 2"
    by_type: dict[Any, dict[str, int]] = {}
    for r in store.fetch(plover_sql, [by, *dyad_params, *params]):
        by_type.setdefault(r["period"], {})[r["plover"] or "-"] = int(r["n"])
    out = []
    for r in rows:
        events = int(r["events"])
        a_to_b = int(r["a_to_b"] or 0)
        row: dict[str, Any] = {
            "period": r["period"].isoformat(),
            "events": events,
            "a_to_b": a_to_b,
            "b_to_a": events - a_to_b,
        }
        row.update({name: int(r[name] or 0) for name in QUAD_NAMES.values()})
        row["cooperation"] = int(r["cooperation"] or 0)
        row["conflict"] = int(r["conflict"] or 0)
        row["goldstein_sum"] = round(float(r["goldstein_sum"] or 0), 3)
        row["goldstein_mean"] = round(float(r["goldstein_mean"] or 0), 3)
        row["plover"] = by_type.get(r["period"], {})
        out.append(row)
    return out


# -- network ----------------------------------------------------------------------


def network(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered", node: str = "code"
) -> list[dict[str, Any]]:
    """Weighted directed edges source → target: event count, Goldstein sum and mean, cooperation, conflict."""
    col = {"code": "code", "country": "country"}[_check(node, NODES, "node kind")]
    table = {"raw": "events", "clustered": "clusters"}[_check(level, LEVELS, "level")]
    clause, params = where(f or EventFilter(), level)
    sql = f"""
        SELECT x.source_{col} AS source, x.target_{col} AS target, COUNT(*) AS weight,
               SUM(x.goldstein) AS goldstein_sum, AVG(x.goldstein) AS goldstein_mean,
               SUM(CASE WHEN x.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
               SUM(CASE WHEN x.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict
        FROM {table} x
        WHERE x.source_{col} IS NOT NULL AND x.target_{col} IS NOT NULL AND {clause}
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"""
    out = []
    for r in store.fetch(sql, params):
        out.append(
            {
                "source": r["source"],
                "target": r["target"],
                "weight": int(r["weight"]),
                "goldstein_sum": round(float(r["goldstein_sum"] or 0), 3),
                "goldstein_mean": round(float(r["goldstein_mean"] or 0), 3),
                "cooperation": int(r["cooperation"]),
                "conflict": int(r["conflict"]),
            }
        )
    return out


# -- documents and the store ------------------------------------------------------


def documents(store: Store, *, status: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored articles without their text: id, title, source, url, date, status, duplicate link."""
    sql = (
        "SELECT id, title, source, url, published, date_status, status, duplicate_of, similarity, n_events "
        "FROM documents x WHERE (CAST(? AS TEXT) IS NULL OR x.status = ?) ORDER BY x.id"
    )
    params: list[Any] = [status, status]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return store.fetch(sql, params)


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
