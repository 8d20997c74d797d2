"""The read layer's aggregates: dyads over time, the actor network, actors, places.

Counts over the events :mod:`khaldun.store.queries` lists, with the same
filters (:mod:`khaldun.store.filters`) and the same two levels, ``raw`` and
``clustered``. Filter values are always query parameters; only names chosen
from fixed tables (a level, a period, a node kind) shape the SQL.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from khaldun.errors import QueryError
from khaldun.store.base import Store
from khaldun.store.checks import check_actors, check_filter
from khaldun.store.filters import (
    LEVELS,
    NODES,
    PERIODS,
    EventFilter,
    actor_clause,
    check_choice,
    dyad_clause,
    like_pattern,
    where,
)

QUAD_NAMES = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}


# -- dyads ------------------------------------------------------------------------


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
    and mean, and counts by PLOVER type. Undated events are left out. The
    periods are continuous (see :func:`_axis`): one without events has zero
    counts and a ``goldstein_mean`` of None.
    """
    check_choice(by, PERIODS, "period")
    table = {"raw": "events", "clustered": "clusters"}[check_choice(level, LEVELS, "level")]
    f = f or EventFilter()
    check_actors(store, a, b)
    check_filter(store, f)
    clause, params = where(f, level)
    dyad, dyad_params = dyad_clause(a, b, directed)
    fwd, fwd_params = dyad_clause(a, b, True)
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
    counted = {r["period"]: _dyad_row(r, by_type.get(r["period"], {})) for r in rows}
    return [counted.get(day) or _empty_row(day) for day in _axis(list(counted), f, by)]


def _dyad_row(r: dict[str, Any], plover: dict[str, int]) -> dict[str, Any]:
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
    row["plover"] = plover
    return row


def _empty_row(day: dt.date) -> dict[str, Any]:
    """A period without events: zero counts, and no Goldstein mean (a mean of nothing is not 0)."""
    row: dict[str, Any] = {"period": day.isoformat(), "events": 0, "a_to_b": 0, "b_to_a": 0}
    row.update({name: 0 for name in QUAD_NAMES.values()})
    row.update({"cooperation": 0, "conflict": 0, "goldstein_sum": 0.0, "goldstein_mean": None, "plover": {}})
    return row


# The most periods one series may have (a century of days); a longer one is asked by a longer period.
_MAX_PERIODS = 36_600


def _axis(periods: list[dt.date], f: EventFilter, by: str) -> list[dt.date]:
    """Every period from ``--since`` (else the first counted one) to ``--until`` (else the last):
    a continuous axis, so a period without events is a row of zeros, not a gap."""
    first = period_range(f.since, by)[0] if f.since else min(periods, default=None)
    last = period_range(f.until, by)[0] if f.until else max(periods, default=None)
    axis: list[dt.date] = []
    day = first
    while day is not None and last is not None and day <= last:
        if len(axis) == _MAX_PERIODS:
            raise QueryError(
                f"a series by {by} from {first} to {last} has over {_MAX_PERIODS:,} periods: "
                "count by a longer period, or narrow it with since and until"
            )
        axis.append(day)
        day = period_range(day, by)[1] + dt.timedelta(days=1)
    return axis


def period_range(start: dt.date, by: str) -> tuple[dt.date, dt.date]:
    """First and last day of the period (as :func:`dyad_series` counts it) that starts on ``start``."""
    check_choice(by, PERIODS, "period")
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


# -- network ----------------------------------------------------------------------


def network(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered", node: str = "code"
) -> list[dict[str, Any]]:
    """Weighted directed edges source → target: event count, Goldstein sum and mean, cooperation, conflict."""
    col = {"code": "code", "country": "country"}[check_choice(node, NODES, "node kind")]
    table = {"raw": "events", "clustered": "clusters"}[check_choice(level, LEVELS, "level")]
    check_filter(store, f or EventFilter())
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


# -- actors -----------------------------------------------------------------------

_ROLE_COLUMNS = "{r}_id AS id, {r}_name AS name, {r}_code AS code, {r}_country AS country, {r}_text AS text"


def actors(store: Store, text: str | None = None, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors seen in raw events whose id, name, code, country or words contain ``text``, most events first.

    Each: id, name, the codes and countries it had, and its events (as source or target).
    """
    union = " UNION ALL ".join(
        f"SELECT {_ROLE_COLUMNS.format(r=role)} FROM events" for role in ("source", "target")
    )
    like = like_pattern(text or "")
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
    check_choice(by, PERIODS, "period")
    period = "CAST(date_trunc(CAST(? AS TEXT), CAST(a.date AS TIMESTAMP)) AS DATE)"
    parts, params = [], []
    for role, other in (("source", "target"), ("target", "source")):
        clause, values = actor_clause(role, actor)
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
    table = {"raw": "events", "clustered": "clusters"}[check_choice(level, LEVELS, "level")]
    check_filter(store, f or EventFilter())
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


# -- the dashboard: span, QuadClass series, top actors and dyads, modalities, countries -------------

# How a CAMEO actor code starts when the actor's country is unknown ("---", "---GOV", "---CVL").
UNKNOWN_COUNTRY = "---"
_KNOWN_ONLY = {"source": "x.source_code NOT LIKE '---%'", "target": "x.target_code NOT LIKE '---%'"}
_PERIOD_SQL = "CAST(date_trunc(CAST(? AS TEXT), CAST(x.date AS TIMESTAMP)) AS DATE)"


def _filtered(store: Store, f: EventFilter | None, level: str) -> tuple[str, str, list[Any]]:
    """The table of ``level`` and the checked filter's WHERE clause (alias ``x``) and parameters."""
    table = {"raw": "events", "clustered": "clusters"}[check_choice(level, LEVELS, "level")]
    f = f or EventFilter()
    check_filter(store, f)
    clause, params = where(f, level)
    return table, clause, params


def date_span(store: Store, f: EventFilter | None = None, *, level: str = "clustered") -> dict[str, Any]:
    """First and last event date (ISO, None without dated events), and the dated and undated counts."""
    table, clause, params = _filtered(store, f, level)
    [r] = store.fetch(
        f"SELECT MIN(x.date) AS first, MAX(x.date) AS last, COUNT(x.date) AS dated, COUNT(*) AS events "
        f"FROM {table} x WHERE {clause}",
        params,
    )
    dated = int(r["dated"] or 0)
    return {
        "first": _iso(r["first"]),
        "last": _iso(r["last"]),
        "dated": dated,
        "undated": int(r["events"] or 0) - dated,
    }


# The period that shows a span of days best: up to four months by day, three years by week,
# thirty years by month, longer by year (so a stray old date cannot ask for thousands of periods).
_AUTO_PERIODS = ((120, "day"), (3 * 366, "week"), (30 * 366, "month"))


def auto_period(first: dt.date | None, last: dt.date | None) -> str:
    """The period to count a span from ``first`` to ``last`` by (``month`` when either is missing)."""
    if first is None or last is None:
        return "month"
    days = (last - first).days
    return next((by for most, by in _AUTO_PERIODS if days <= most), "year")


def quad_series(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered", by: str = "month"
) -> list[dict[str, Any]]:
    """Dated events by period and QuadClass in long form (period, quad_class, events), for a stacked chart.

    Every period of the span (continuous, as :func:`dyad_series`) has a row for each of the four
    classes, zeros included.
    """
    check_choice(by, PERIODS, "period")
    table, clause, params = _filtered(store, f, level)
    rows = store.fetch(
        f"SELECT {_PERIOD_SQL} AS period, x.quad_class, COUNT(*) AS n FROM {table} x "
        f"WHERE x.date IS NOT NULL AND x.quad_class IS NOT NULL AND {clause} GROUP BY 1, 2",
        [by, *params],
    )
    counts = {(r["period"], int(r["quad_class"])): int(r["n"]) for r in rows}
    periods = sorted({period for period, _ in counts})
    return [
        {"period": day.isoformat(), "quad_class": quad, "events": counts.get((day, quad), 0)}
        for day in _axis(periods, f or EventFilter(), by)
        for quad in QUAD_NAMES
    ]


def top_codes(
    store: Store,
    f: EventFilter | None = None,
    *,
    level: str = "clustered",
    limit: int = 10,
    unknown: bool = False,
) -> list[dict[str, Any]]:
    """Actor codes in the most events (as source or target), most first: code, events, as_source,
    as_target. Codes of actors with no country (``---``, ``---GOV``) are left out unless ``unknown``."""
    table, clause, params = _filtered(store, f, level)
    sides = []
    for role, flag in (("source", 1), ("target", 0)):
        known = "" if unknown else f"AND {_KNOWN_ONLY[role]}"
        sides.append(
            f"SELECT x.id, x.{role}_code AS code, {flag} AS is_source FROM {table} x "
            f"WHERE x.{role}_code IS NOT NULL {known} AND {clause}"
        )
    sql = (
        "SELECT a.code, COUNT(DISTINCT a.id) AS events, SUM(a.is_source) AS as_source, "
        f"COUNT(*) - SUM(a.is_source) AS as_target FROM ({' UNION ALL '.join(sides)}) a "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?"
    )
    return [
        {k: r[k] if k == "code" else int(r[k]) for k in ("code", "events", "as_source", "as_target")}
        for r in store.fetch(sql, [*params, *params, max(int(limit), 0)])
    ]


def top_dyads(
    store: Store,
    f: EventFilter | None = None,
    *,
    level: str = "clustered",
    limit: int = 10,
    unknown: bool = False,
    node: str = "code",
) -> list[dict[str, Any]]:
    """Pairs of actors with the most events between them, either way, most first: a and b (a before
    b), events, a_to_b, b_to_a, cooperation, conflict. ``node`` pairs actor codes or countries. An
    actor with itself is no dyad; code pairs with an actor of no country are left out unless ``unknown``."""
    col = {"code": "code", "country": "country"}[check_choice(node, NODES, "node kind")]
    table, clause, params = _filtered(store, f, level)
    src, tgt = f"x.source_{col}", f"x.target_{col}"
    known = "" if unknown or node == "country" else f"AND {_KNOWN_ONLY['source']} AND {_KNOWN_ONLY['target']}"
    sql = f"""
        SELECT LEAST({src}, {tgt}) AS a, GREATEST({src}, {tgt}) AS b, COUNT(*) AS events,
               SUM(CASE WHEN {src} = LEAST({src}, {tgt}) THEN 1 ELSE 0 END) AS a_to_b,
               SUM(CASE WHEN x.quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation,
               SUM(CASE WHEN x.quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict
        FROM {table} x
        WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt} {known} AND {clause}
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?"""
    out = []
    for r in store.fetch(sql, [*params, max(int(limit), 0)]):
        events, a_to_b = int(r["events"]), int(r["a_to_b"])
        out.append(
            {
                "a": r["a"],
                "b": r["b"],
                "events": events,
                "a_to_b": a_to_b,
                "b_to_a": events - a_to_b,
                "cooperation": int(r["cooperation"]),
                "conflict": int(r["conflict"]),
            }
        )
    return out


def modality_counts(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered"
) -> list[dict[str, Any]]:
    """Events by modality, most first: modality, events, share of all the filter selects (0-1)."""
    table, clause, params = _filtered(store, f, level)
    rows = store.fetch(
        f"SELECT x.modality, COUNT(*) AS n FROM {table} x WHERE {clause} GROUP BY 1 ORDER BY 2 DESC, 1",
        params,
    )
    total = sum(int(r["n"]) for r in rows)
    return [
        {"modality": r["modality"], "events": int(r["n"]), "share": round(int(r["n"]) / total, 4)}
        for r in rows
    ]


def country_counts(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered", by: str = "place"
) -> list[dict[str, Any]]:
    """Events by country (ISO-3), most first: country, events and a count per QuadClass.

    ``by="place"`` counts where the event happened (its location's country); ``by="actor"`` counts
    each country among its source's and target's (an event between two countries counts for both).
    """
    check_choice(by, ("place", "actor"), "country count")
    table, clause, params = _filtered(store, f, level)
    if by == "place":
        rows_sql = (
            f"SELECT x.id, x.location_country AS country, x.quad_class FROM {table} x "
            f"WHERE x.location_country IS NOT NULL AND {clause}"
        )
    else:
        rows_sql = " UNION ALL ".join(
            f"SELECT x.id, x.{role}_country AS country, x.quad_class FROM {table} x "
            f"WHERE x.{role}_country IS NOT NULL AND {clause}"
            for role in ("source", "target")
        )
        params = [*params, *params]
    rows = store.fetch(
        f"SELECT c.country, c.quad_class, COUNT(DISTINCT c.id) AS n FROM ({rows_sql}) c GROUP BY 1, 2",
        params,
    )
    merged: dict[str, dict[str, Any]] = {}
    for r in rows:
        entry = merged.setdefault(
            r["country"], {"country": r["country"], "events": 0, **{q: 0 for q in QUAD_NAMES.values()}}
        )
        entry["events"] += int(r["n"])
        if r["quad_class"] in QUAD_NAMES:
            entry[QUAD_NAMES[r["quad_class"]]] += int(r["n"])
    return sorted(merged.values(), key=lambda e: (-e["events"], e["country"]))


# -- the dashboard: the network by QuadClass, actor names and search -------------------------------


def network_by_quad(
    store: Store, f: EventFilter | None = None, *, level: str = "clustered", node: str = "code"
) -> list[dict[str, Any]]:
    """The edges of :func:`network` split by QuadClass: source, target, quad_class, weight, goldstein_sum."""
    col = {"code": "code", "country": "country"}[check_choice(node, NODES, "node kind")]
    table, clause, params = _filtered(store, f, level)
    sql = f"""
        SELECT x.source_{col} AS source, x.target_{col} AS target, x.quad_class, COUNT(*) AS weight,
               SUM(x.goldstein) AS goldstein_sum
        FROM {table} x
        WHERE x.source_{col} IS NOT NULL AND x.target_{col} IS NOT NULL AND {clause}
        GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3"""
    return [
        {
            "source": r["source"],
            "target": r["target"],
            "quad_class": r["quad_class"],
            "weight": int(r["weight"]),
            "goldstein_sum": float(r["goldstein_sum"] or 0),  # unrounded: parts are added up
        }
        for r in store.fetch(sql, params)
    ]


# Codes named per query: well under every backend's parameter limit.
_NAMES_CHUNK = 1000


def code_names(store: Store, codes: list[str]) -> dict[str, str]:
    """The name the raw events give each actor code: that of its most frequent actor who is not a
    person (a state, group or organisation: "Iran (GOV)"), for labels. Codes no such actor has are
    left out, so a code is never labelled with one person's name."""
    names: dict[str, str] = {}
    wanted = list(dict.fromkeys(c for c in codes if c))
    for i in range(0, len(wanted), _NAMES_CHUNK):
        part = wanted[i : i + _NAMES_CHUNK]
        marks = ", ".join("?" for _ in part)
        sides = " UNION ALL ".join(
            f"SELECT x.{role}_code AS code, x.{role}_name AS name FROM events x "
            f"WHERE x.{role}_code IN ({marks}) AND x.{role}_name IS NOT NULL "
            f"AND (x.{role}_id IS NULL OR x.{role}_id NOT LIKE 'person:%')"
            for role in ("source", "target")
        )
        rows = store.fetch(
            f"SELECT a.code, a.name, COUNT(*) AS n FROM ({sides}) a GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2",
            [*part, *part],
        )
        for r in rows:
            names.setdefault(r["code"], r["name"])
    return names


def code_search(store: Store, text: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actor codes (in raw events) whose code, or the name of an actor coded so, contains ``text``,
    most events first: code, events."""
    like = like_pattern(text)
    sides = " UNION ALL ".join(
        f"SELECT x.id, x.{role}_code AS code, x.{role}_name AS name FROM events x "
        f"WHERE x.{role}_code IS NOT NULL"
        for role in ("source", "target")
    )
    matches = "a.code ILIKE ? ESCAPE '\\' OR a.name ILIKE ? ESCAPE '\\'"
    sql = (
        f"SELECT a.code, COUNT(DISTINCT a.id) AS events FROM ({sides}) a GROUP BY 1 "
        f"HAVING MAX(CASE WHEN {matches} THEN 1 ELSE 0 END) = 1 ORDER BY 2 DESC, 1 LIMIT ?"
    )
    return [
        {"code": r["code"], "events": int(r["events"])}
        for r in store.fetch(sql, [like, like, max(int(limit), 0)])
    ]
