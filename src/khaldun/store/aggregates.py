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
