"""The dashboard's HTML pages. The event and actor pages are rendered here (Jinja2, autoescaped);
the others are shells whose scripts ask the API and draw its numbers with the vendored charting
libraries (``static/vendor``), so every page shows the API's numbers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from khaldun import __version__
from khaldun.serve import highlight
from khaldun.serve.api import actor_detail, event_detail, query_store, resources
from khaldun.store import queries
from khaldun.store.filters import EventFilter

HERE = Path(__file__).parent

PAGES = [
    ("/", "Overview"),
    ("/events", "Events"),
    ("/dyads", "Dyads"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/actors", "Actors"),
    ("/code", "Code a text"),
]


def templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every value is escaped: article text is untrusted
        undefined=jinja2.StrictUndefined,
    )
    env.globals.update(pages=PAGES, version=__version__)
    return Jinja2Templates(env=env)


router = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, **context: Any) -> HTMLResponse:
    tpl: Jinja2Templates = request.app.state.templates
    return tpl.TemplateResponse(request, name, {"active": f"/{name.split('.')[0]}", **context})


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    summary = query_store(resources(request), queries.summary)
    return _page(request, "home.html", active="/", summary=summary)


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    return _page(request, "events.html", sorts=queries.SORT_CHOICES)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    detail = event_detail(resources(request), event_id)
    doc = detail["document"] or {}
    text = doc.get("text") or ""
    return _page(
        request,
        "event.html",
        active="/events",
        d=detail,
        ev=detail["event"],
        doc=doc,
        article=highlight.article(text, detail["event"]),
    )


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(request: Request) -> HTMLResponse:
    return _page(request, "dyads.html")


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> HTMLResponse:
    return _page(request, "network.html")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    return _page(request, "map.html")


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    return _page(request, "actors.html")


@router.get("/actors/{actor:path}", response_class=HTMLResponse)
def actor_page(request: Request, actor: str) -> HTMLResponse:
    res = resources(request)
    profile = actor_detail(res, actor)
    sides = {
        role: query_store(res, queries.count_events, EventFilter(**{role: actor}))
        for role in ("source", "target")
    }
    return _page(request, "actor.html", active="/actors", p=profile, sides=sides)


@router.get("/code", response_class=HTMLResponse)
def code_page(request: Request) -> HTMLResponse:
    res = resources(request)
    return _page(
        request, "code.html", max_chars=res.settings.max_code_chars, needs_token=res.settings.exposed
    )
