"""The read layer: every question asked of a store, for the CLI and a later REST API.

All SQL that reads the store is here. Filter values are always passed as
query parameters (``?``), never spliced into SQL text; only names chosen
from fixed tables (a level, a period, a node kind) shape the SQL.

Two levels answer every question: ``raw`` (one event per mention in a
report, table ``events``) and ``clustered`` (one event per happening, table
``clusters``, see :mod:`khaldun.corpus.clusters`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from khaldun.errors import QueryError
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
    clause, params = where(f, _check(level, LEVELS, "level"))
    if extra:
        clause, params = f"{clause} AND {extra[0]}", params + extra[1]
    order = _order(sort, level)
    if level == "raw":
        sql = (
            "SELECT x.*, m.cluster_id FROM events x LEFT JOIN event_clusters m ON m.event_id = x.id "
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
    sql, params = _events_sql(f or EventFilter(), level, sort=sort)
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


def period_range(start: dt.date, by: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period (as :func:`dyad_series` counts it) that starts on ``start``."""
    _check(by, PERIODS, "period")
    if by == "day":
        return start, start
    if by == "week":
        first = start - dt.timedelta(days=start.weekday())
        return first, first + dt.timedelta(days=6)
    if by == "month":
        first = start.replace(day=1)
        after = (first + dt.timedelta(days=32)).replace(day=1)
        return first, after - dt.timedelta(days=1)
    return start.replace(month=1, day=1), start.replace(month=12, day=31)


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
    """The events :func:`dyad_series` counts for A–B (dated ones; both directions unless ``directed``).

    With ``f.since``/``f.until`` set to :func:`period_range` of a row's period,
    these are exactly the events behind that row.
    """
    clause, params = _dyad_clause(a, b, directed)
    sql, all_params = _events_sql(
        f or EventFilter(), level, extra=(f"x.date IS NOT NULL AND {clause}", params)
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        all_params += [int(limit), int(offset)]
    return [_as_event(r, level) for r in store.fetch(sql, all_params)]


# -- actors -----------------------------------------------------------------------

_ROLE_COLUMNS = "{r}_id AS id, {r}_name AS name, {r}_code AS code, {r}_country AS country, {r}_text AS text"


def actors(store: Store, text: str | None = None, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors seen in raw events whose id, name, code, country or words contain ``text``, most events first.

    Each: id, name, the codes and countries it had, and its events (as source or target).
    """
    union = " UNION ALL ".join(
        f"SELECT {_ROLE_COLUMNS.format(r=role)} FROM events" for role in ("source", "target")
    )
    like = _like(text or "")
    sql = f"""
        SELECT a.id, a.name, a.code, a.country, COUNT(*) AS n
        FROM ({union}) a
        WHERE a.id IS NOT NULL AND (CAST(? AS TEXT) IS NULL OR a.id ILIKE ? ESCAPE '\\'
              OR a.name ILIKE ? ESCAPE '\\' OR a.code ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')
        GROUP BY 1, 2, 3, 4"""
    merged: dict[str, dict[str, Any]] = {}
    for r in store.fetch(sql, [text or None, like, like, like, like]):
        entry = merged.setdefault(
            r["id"], {"id": r["id"], "name": r["name"], "codes": [], "countries": [], "events": 0}
        )
        entry["events"] += int(r["n"])
        for key, value in (("codes", r["code"]), ("countries", r["country"])):
            if value and value not in entry[key]:
                entry[key].append(value)
    ranked = sorted(merged.values(), key=lambda e: (-e["events"], e["id"]))[: max(int(limit), 0)]
    for entry in ranked:
        entry["codes"].sort()
        entry["countries"].sort()
    return ranked


def actor_profile(store: Store, actor: str, *, by: str = "month") -> dict[str, Any] | None:
    """What the raw events say of one actor (a code, country or id, as in :class:`EventFilter`).

    identities (id, name, code, country, sector, events), codes over time
    (its codes per period), aliases seen (the words that named it), and top
    partners (the other side's code: events both ways, cooperation, conflict,
    mean Goldstein). None when no event names it.
    """
    _check(by, PERIODS, "period")
    period = "CAST(date_trunc(CAST(? AS TEXT), CAST(a.date AS TIMESTAMP)) AS DATE)"
    parts, params = [], []
    for role, other in (("source", "target"), ("target", "source")):
        clause, values = _actor_clause(role, actor)
        parts.append(
            f"SELECT x.date, x.{role}_id AS id, x.{role}_name AS name, x.{role}_code AS code, "
            f"x.{role}_country AS country, x.{role}_sector AS sector, x.{role}_text AS text, "
            f"x.{other}_code AS partner, x.quad_class, x.goldstein, "
            f"'{role}' AS role FROM events x WHERE {clause}"
        )
        params += values
    base = " UNION ALL ".join(parts)
    identities = store.fetch(
        f"SELECT a.id, a.name, a.code, a.country, a.sector, COUNT(*) AS events, MIN(a.date) AS first, "
        f"MAX(a.date) AS last FROM ({base}) a GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC, 1, 3",
        params,
    )
    if not identities:
        return None
    codes = store.fetch(
        f"SELECT {period} AS period, a.code, COUNT(*) AS events FROM ({base}) a WHERE a.date IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        [by, *params],
    )
    aliases = store.fetch(
        f"SELECT a.text, COUNT(*) AS events FROM ({base}) a WHERE a.text IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    )
    partners = store.fetch(
        "SELECT a.partner AS code, COUNT(*) AS events, "
        "SUM(CASE WHEN a.role = 'source' THEN 1 ELSE 0 END) AS as_source, "
        "SUM(CASE WHEN a.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
        "SUM(CASE WHEN a.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict, "
        f"AVG(a.goldstein) AS goldstein_mean FROM ({base}) a WHERE a.partner IS NOT NULL "
        "GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT 20",
        params,
    )
    return {
        "actor": actor,
        "identities": [
            {**r, "events": int(r["events"]), "first": _iso(r["first"]), "last": _iso(r["last"])}
            for r in identities
        ],
        "codes": [
            {"period": r["period"].isoformat(), "code": r["code"], "events": int(r["events"])} for r in codes
        ],
        "aliases": [{"text": r["text"], "events": int(r["events"])} for r in aliases],
        "partners": [
            {
                "code": r["code"],
                "events": int(r["events"]),
                "as_source": int(r["as_source"]),
                "as_target": int(r["events"]) - int(r["as_source"]),
                "cooperation": int(r["cooperation"]),
                "conflict": int(r["conflict"]),
                "goldstein_mean": round(float(r["goldstein_mean"] or 0), 3),
            }
            for r in partners
        ],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- places -----------------------------------------------------------------------


def locations(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered"
) -> list[dict[str, Any]]:
    """Placed events by place and QuadClass: name, country, lat, lon, quad_class, events, Goldstein mean."""
    table = {"raw": "events", "clustered": "clusters"}[_check(level, LEVELS, "level")]
    clause, params = where(f or EventFilter(), level)
    sql = f"""
        SELECT x.location_name AS name, x.location_country AS country, x.location_lat AS lat,
               x.location_lon AS lon, x.quad_class, COUNT(*) AS events, AVG(x.goldstein) AS goldstein_mean
        FROM {table} x
        WHERE x.location_lat IS NOT NULL AND x.location_lon IS NOT NULL AND {clause}
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 6 DESC, 1, 5"""
    return [
        {
            **r,
            "events": int(r["events"]),
            "goldstein_mean": round(float(r["goldstein_mean"] or 0), 3),
        }
        for r in store.fetch(sql, params)
    ]
