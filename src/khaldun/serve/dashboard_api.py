"""The API the dashboard's charts ask: the overview, QuadClass series, top dyads, the readable network,
countries for the map, and actor codes to autocomplete. Every number comes from the read layer
(:mod:`khaldun.store.aggregates`), under the same filters and levels as the rest of the API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import Field

from khaldun.serve import labels
from khaldun.serve.access import Resources
from khaldun.serve.api import Filters, Level, Res, query_store
from khaldun.serve.envelope import ERROR_RESPONSES, Envelope, ok
from khaldun.serve.network_view import Unknown, readable
from khaldun.store import aggregates, queries
from khaldun.store.filters import EventFilter

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

AutoPeriod = Literal["auto", "day", "week", "month", "year"]
Top = Annotated[int, Query(ge=1, le=100, description="How many actors or dyads to list")]
QuadClass = Annotated[int, Field(ge=1, le=4)]
Modality = Annotated[str, Query(max_length=40, description="A modality, or `any`")]


def _series(res: Resources, f: EventFilter, level: str, by: str) -> dict[str, Any]:
    """The date span of the filter's events and their QuadClass series by ``by`` (``auto``: by span)."""
    span = query_store(res, aggregates.date_span, f, level=level)
    if by == "auto":
        first, last = (f.since or _day(span["first"])), (f.until or _day(span["last"]))
        by = aggregates.auto_period(first, last)
    series = query_store(res, aggregates.quad_series, f, level=level, by=by)
    return {"span": span, "by": by, "series": series}


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _labelled_codes(res: Resources, rows: list[dict[str, Any]], *keys: str) -> list[dict[str, Any]]:
    """Rows with a ``{key}_name`` label beside each code field (``name`` for ``code``)."""
    codes = [r[k] for r in rows for k in keys]
    with res.reading() as store:
        names = labels.code_labels(store, codes)
    return [{**r, **{("name" if k == "code" else f"{k}_name"): names[r[k]] for k in keys}} for r in rows]


@router.get(
    "/overview",
    response_model=Envelope,
    summary="The overview: counts, date span, QuadClass series, top lists",
)
def overview(
    res: Res, filters: Filters, level: Level = "clustered", by: AutoPeriod = "auto", top: Top = 10
) -> JSONResponse:
    """Store counts, the span and QuadClass series of the events the filters select (by day, week or
    month as the span asks, unless ``by``), their top actors and dyads (actors of no country left out)
    and the share of each modality (over every modality, whatever ``modality`` says)."""
    body = _series(res, filters, level, by)
    body["summary"] = query_store(res, queries.summary)
    actors = query_store(res, aggregates.top_codes, filters, level=level, limit=top)
    dyads = query_store(res, aggregates.top_dyads, filters, level=level, limit=top, node="country")
    body["top_actors"] = _labelled_codes(res, actors, "code")
    body["top_dyads"] = _labelled_codes(res, dyads, "a", "b")
    every_modality = dataclasses.replace(filters, modality=None)
    body["modalities"] = query_store(res, aggregates.modality_counts, every_modality, level=level)
    return ok(body, level=level, by=body["by"])


@router.get("/series", response_model=Envelope, summary="Events by period and QuadClass (stacked-chart rows)")
def series(res: Res, filters: Filters, level: Level = "clustered", by: AutoPeriod = "auto") -> JSONResponse:
    body = _series(res, filters, level, by)
    return ok(body, level=level, by=body["by"])


@router.get("/dyads/top", response_model=Envelope, summary="The dyads with the most events, either way")
def top_dyads(
    res: Res,
    level: Level = "clustered",
    modality: Modality = "asserted",
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: Top = 15,
    unknown: bool = False,
    nodes: Literal["country", "code"] = "country",
) -> JSONResponse:
    """Country pairs (``nodes=country``, what a dyad of two country codes counts) or actor-code pairs;
    code pairs with an actor of no country are left out unless ``unknown``."""
    f = EventFilter(since=since, until=until, modality=None if modality == "any" else modality)
    rows = query_store(res, aggregates.top_dyads, f, level=level, limit=limit, unknown=unknown, node=nodes)
    return ok(_labelled_codes(res, rows, "a", "b"), level=level, modality=modality, limit=limit, nodes=nodes)


@router.get("/network", response_model=Envelope, summary="The actor network: nodes and weighted edges")
def network(
    res: Res,
    since: dt.date | None = None,
    until: dt.date | None = None,
    modality: Modality = "asserted",
    level: Level = "clustered",
    nodes: Literal["code", "country"] = "code",
    top: Annotated[int | None, Query(ge=1, le=2000, description="Keep the busiest N actors")] = None,
    unknown: Annotated[Unknown, Query(description="Actors of no country: hide, group or show")] = "show",
    quad: Annotated[list[QuadClass] | None, Query(description="QuadClasses to count (all if none)")] = None,
) -> JSONResponse:
    """Nodes (``id``, ``name``, events ``out`` and ``in``) and directed edges (weight, Goldstein, cooperation,
    conflict) of the events the filters select; ``meta`` says how many the whole network had."""
    f = EventFilter(since=since, until=until, modality=None if modality == "any" else modality)
    by_quad = query_store(res, aggregates.network_by_quad, f, level=level, node=nodes)
    view = readable(by_quad, quads=set(quad) if quad else None, unknown=unknown, top=top)
    names = _node_names(res, [n["id"] for n in view["nodes"]], nodes)
    if unknown == "group":
        names[labels.UNKNOWN] = "actors of no country"
    for node in view["nodes"]:
        node["name"] = names[node["id"]]
        node["unknown"] = labels.is_unknown(node["id"])
    meta = {"total_nodes": view["total_nodes"], "total_edges": view["total_edges"], "top": top}
    return ok(
        {"nodes": view["nodes"], "edges": view["edges"]},
        level=level,
        modality=modality,
        since=since,
        until=until,
        unknown=unknown,
        quad=sorted(quad) if quad else [1, 2, 3, 4],
        **meta,
    )


def _node_names(res: Resources, ids: list[str], kind: str) -> dict[str, str]:
    if kind == "country":
        return {i: labels.country_label(i) for i in ids}
    with res.reading() as store:
        return labels.code_labels(store, ids)


@router.get("/map/countries", response_model=Envelope, summary="Events by country, for the map's shading")
def countries(
    res: Res, filters: Filters, level: Level = "clustered", by: Literal["place", "actor"] = "place"
) -> JSONResponse:
    """Each country's events (and per QuadClass) with its name and ISO numeric code (the id of its
    outline): where they happened (``by=place``) or whose actors they involve (``by=actor``)."""
    rows = query_store(res, aggregates.country_counts, filters, level=level, by=by)
    return ok(labels.with_country_labels(rows), level=level, by=by)


@router.get("/actor-codes", response_model=Envelope, summary="Actor codes and ids to pick, by code or name")
def actor_codes(
    res: Res, q: Annotated[str, Query(max_length=200)] = "", limit: Annotated[int, Query(ge=1, le=50)] = 15
) -> JSONResponse:
    """Codes whose code or actors' names contain ``q`` (with their label), then the actor ids (people,
    organisations) that match: what the dyad and filter inputs take."""
    codes = _labelled_codes(res, query_store(res, aggregates.code_search, q, limit=limit), "code")
    out = [{"value": c["code"], "label": c["name"], "events": c["events"], "kind": "code"} for c in codes]
    for actor in query_store(res, aggregates.actors, q or None, limit=limit):
        if actor["id"].startswith(("person:", "org:")):
            label = f"{actor['name']} ({', '.join(actor['codes'])})"
            out.append({"value": actor["id"], "label": label, "events": actor["events"], "kind": "id"})
    return ok(out, q=q, limit=limit)
