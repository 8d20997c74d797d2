"""The REST API under ``/api``: every answer in the envelope of :mod:`khaldun.serve.envelope`.

Each route is a thin shell over one function of the read layer the CLI uses
(:mod:`khaldun.store.queries`, :mod:`khaldun.store.aggregates`), so both give
the same numbers; the event filters are the query parameters built from
:data:`khaldun.store.filters.FILTER_FIELDS`, as the CLI's options are. The
dashboard's chart endpoints (overview, network, countries, ...) are in
:mod:`khaldun.serve.dashboard_api`.
"""

from __future__ import annotations

import datetime as dt
import hmac
import inspect
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from khaldun import __version__
from khaldun.errors import ApiError, KhaldunError, QueryError
from khaldun.serve import highlight
from khaldun.serve.access import Resources
from khaldun.serve.envelope import ERROR_RESPONSES, Envelope, ok
from khaldun.store import aggregates, queries
from khaldun.store.filters import FILTER_FIELDS, EventFilter, FilterField

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

Level = Literal["raw", "clustered"]
Period = Literal["day", "week", "month", "year"]
Sort = Literal[queries.SORT_CHOICES]  # type: ignore[valid-type]
Actor = Annotated[str, Query(min_length=1, max_length=200)]


def resources(request: Request) -> Resources:
    return request.app.state.resources  # type: ignore[no-any-return]


Res = Annotated[Resources, Depends(resources)]


def page_limit(request: Request, limit: int = Query(50, ge=1, description="Items per page")) -> int:
    largest = resources(request).settings.max_page_size
    if limit > largest:
        raise ApiError(422, "invalid_request", f"limit {limit} is over the largest page size, {largest}")
    return limit


Limit = Annotated[int, Depends(page_limit)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def _filter_parameter(field: FilterField) -> inspect.Parameter:
    """The query parameter of one event filter (``?param=``), described by the filter's help."""
    if field.kind == "date":
        annotation: Any = Annotated[dt.date | None, Query(description=field.help)]
    elif field.kind == "pair":
        a, b = field.example
        help = f"Two values, source then target: {field.param}={a}&{field.param}={b}"
        annotation = Annotated[list[str] | None, Query(description=help)]
    else:
        annotation = Annotated[str | None, Query(max_length=200, description=field.help)]
    return inspect.Parameter(field.param, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=annotation)


def event_filter(**params: Any) -> EventFilter:
    """The filters of ``khaldun query`` as query parameters (the signature comes from ``FILTER_FIELDS``)."""
    values: dict[str, Any] = {}
    for field in FILTER_FIELDS:
        value = params.get(field.param)
        if field.kind == "pair" and value is not None:
            if len(value) != 2 or any(len(v) > 200 for v in value):
                message = f"{field.param} takes exactly two actors: {field.param}=A&{field.param}=B"
                raise ApiError(422, "invalid_request", message, value)
            value = (value[0], value[1])
        values[field.name] = value
    return EventFilter(**values)


event_filter.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [_filter_parameter(field) for field in FILTER_FIELDS], return_annotation=EventFilter
)
Filters = Annotated[EventFilter, Depends(event_filter)]


def query_store(res: Resources, fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the read layer under the store lock; its value errors are the request's fault (400)."""
    with res.reading() as store:
        try:
            return fn(store, *args, **kwargs)
        except QueryError as exc:
            raise ApiError(400, "invalid_query", str(exc)) from None


def _modality(value: str) -> str | None:
    return None if value == "any" else value


# -- store ---------------------------------------------------------------------------------


@router.get("/health", response_model=Envelope, summary="Server and store status, with store counts")
def health(res: Res) -> JSONResponse:
    summary = query_store(res, queries.summary)
    store = res.store
    return ok(
        {"version": __version__, "store": getattr(store, "dialect", None), "summary": summary},
        read_only=not res.settings.writable,
    )


@router.get("/documents", response_model=Envelope, summary="Stored articles (without their text)")
def documents(
    res: Res, limit: Limit, offset: Offset = 0, status: Literal["coded", "duplicate"] | None = None
) -> JSONResponse:
    rows = query_store(res, queries.documents, status=status, limit=limit, offset=offset)
    total = query_store(res, queries.count_documents, status=status)
    return ok(rows, total=total, limit=limit, offset=offset)


@router.get("/documents/{doc_id}", response_model=Envelope, summary="One article: text, duplicates, events")
def document(res: Res, doc_id: str) -> JSONResponse:
    doc = query_store(res, queries.document, doc_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no document {doc_id!r}")
    events = query_store(res, queries.events, EventFilter(doc_id=doc_id))
    return ok({**doc, "events": events})


# -- events --------------------------------------------------------------------------------


@router.get("/events", response_model=Envelope, summary="Events matching the filters of `khaldun query`")
def events(
    res: Res,
    limit: Limit,
    filters: Filters,
    offset: Offset = 0,
    level: Level = "raw",
    sort: Sort | None = None,
) -> JSONResponse:
    rows = query_store(res, queries.events, filters, level=level, limit=limit, offset=offset, sort=sort)
    total = query_store(res, queries.count_events, filters, level=level)
    return ok(rows, total=total, limit=limit, offset=offset, level=level, sort=sort or "date")


@router.get(
    "/events/{event_id}",
    response_model=Envelope,
    summary="One event with its evidence and cluster of reports",
)
def event(res: Res, event_id: str) -> JSONResponse:
    return ok(event_detail(res, event_id))


def event_detail(res: Resources, event_id: str) -> dict[str, Any]:
    """An event (raw or clustered), its document and highlight spans, its cluster and that one's reports."""
    found = query_store(res, queries.event, event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event or clustered event {event_id!r}")
    level, ev = found
    cluster_id = ev.get("cluster_id")
    cluster = None
    if cluster_id:
        hit = query_store(res, queries.event, cluster_id) if level == "raw" else found
        reports = query_store(res, queries.cluster_events, cluster_id)
        cluster = {"event": hit[1] if hit else None, "reports": reports, "articles": _articles(res, reports)}
    doc = query_store(res, queries.document, ev["doc_id"])
    return {
        "level": level,
        "event": ev,
        "highlights": highlight.highlights(ev),
        "document": doc,
        "cluster": cluster,
    }


def _articles(res: Resources, reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Articles reporting a cluster: each report's article, then the articles duplicating it."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for report in reports:
        if report["doc_id"] in seen:
            continue
        seen.add(report["doc_id"])
        doc = query_store(res, queries.document, report["doc_id"])
        if doc is None:
            continue
        duplicates = doc.pop("duplicates")
        doc.pop("text", None)
        out.append({**doc, "duplicate_of": None})
        out.extend({**d, "duplicate_of": doc["id"]} for d in duplicates)
    return out


# -- actors --------------------------------------------------------------------------------


@router.get("/actors", response_model=Envelope, summary="Actors seen in the events, searched by name or code")
def actors(
    res: Res, q: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 20
) -> JSONResponse:
    return ok(query_store(res, aggregates.actors, q, limit=limit), q=q, limit=limit)


@router.get(
    "/actors/{actor:path}",
    response_model=Envelope,
    summary="One actor: identity, codes over time, aliases seen, top partners",
)
def actor(res: Res, actor: str, by: Period = "month") -> JSONResponse:
    return ok(actor_detail(res, actor, by=by))


def actor_detail(res: Resources, actor: str, *, by: str = "month") -> dict[str, Any]:
    if not actor or len(actor) > 200:
        raise ApiError(
            422, "invalid_request", "an actor is a code, a country or an id of up to 200 characters"
        )
    profile = query_store(res, aggregates.actor_profile, actor, by=by)
    if profile is None:
        raise ApiError(404, "not_found", f"no event names the actor {actor!r}")
    ident = profile["identities"][0]["id"]
    try:
        profile["knowledge_base"] = res.kb_record(ident) if ":" in actor else None
    except KhaldunError:
        profile["knowledge_base"] = None
    return profile


# -- dyads and places -----------------------------------------------------------------------


@router.get("/dyads", response_model=Envelope, summary="Two actors over time (as `khaldun dyads`)")
def dyads(
    res: Res,
    a: Actor,
    b: Actor,
    by: Period = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
    modality: Annotated[str, Query(max_length=40)] = "asserted",
    level: Level = "clustered",
    directed: bool = False,
) -> JSONResponse:
    f = EventFilter(since=since, until=until, modality=_modality(modality))
    rows = query_store(res, aggregates.dyad_series, a, b, by=by, f=f, level=level, directed=directed)
    return ok(rows, a=a, b=b, by=by, level=level, modality=modality, directed=directed)


@router.get("/dyads/events", response_model=Envelope, summary="The events behind one period of a dyad series")
def dyad_events(
    res: Res,
    a: Actor,
    b: Actor,
    period: dt.date,
    limit: Limit,
    offset: Offset = 0,
    by: Period = "month",
    modality: Annotated[str, Query(max_length=40)] = "asserted",
    level: Level = "clustered",
    directed: bool = False,
) -> JSONResponse:
    first, last = aggregates.period_range(period, by)
    f = EventFilter(since=first, until=last, modality=_modality(modality))
    rows = query_store(
        res, queries.dyad_events, a, b, f=f, level=level, directed=directed, limit=limit, offset=offset
    )
    return ok(rows, a=a, b=b, since=first, until=last, level=level, limit=limit, offset=offset)


@router.get("/map", response_model=Envelope, summary="Placed events by place and QuadClass")
def places(res: Res, filters: Filters, level: Level = "clustered") -> JSONResponse:
    return ok(query_store(res, aggregates.locations, filters, level=level), level=level)


# -- coding on the fly, and admin ----------------------------------------------------------


class CodeRequest(BaseModel):
    """A text to code. Nothing is stored."""

    text: str = Field(min_length=1, description="The news text (UTF-8)")
    published: dt.date | None = Field(None, description="Publication date anchoring relative dates")


def _check_token(res: Resources, authorization: str | None) -> None:
    token = res.settings.token
    if not token:
        raise ApiError(403, "forbidden", "this endpoint needs a token; start the server with one")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(
            401, "unauthorized", "missing or wrong token: send the header Authorization: Bearer TOKEN"
        )


@router.post(
    "/code", response_model=Envelope, summary="Code a text on the fly (size-limited; nothing stored)"
)
def code(res: Res, body: CodeRequest, authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    if res.settings.exposed:
        _check_token(res, authorization)
    limit = res.settings.max_code_chars
    if len(body.text) > limit:
        raise ApiError(
            413, "too_large", f"the text has {len(body.text):,} characters, over the limit of {limit:,}"
        )
    if not body.text.strip():
        raise ApiError(422, "invalid_request", "the text is empty")
    try:
        coded = res.code(body.text, body.published)
    except KhaldunError as exc:
        raise ApiError(422, "cannot_code", str(exc)) from None
    out = []
    for item in coded:
        ev = item.to_dict()
        out.append({**ev, "highlights": highlight.highlights(ev)})
    return ok(out, chars=len(body.text), events=len(out))


@router.post(
    "/admin/cluster", response_model=Envelope, summary="Rebuild the clustered events (token, --writable)"
)
def admin_cluster(
    res: Res,
    authorization: Annotated[str | None, Header()] = None,
    window: Annotated[int, Query(ge=0, le=365)] = 2,
) -> JSONResponse:
    _check_token(res, authorization)
    if not res.settings.writable:
        raise ApiError(403, "read_only", "the server opened the store read-only; start it with --writable")
    from khaldun.corpus.clusters import rebuild_clusters

    with res.reading() as store:
        count = rebuild_clusters(store, window=window)
    return ok({"clusters": count}, window=window)
