"""The FastAPI application: API routes, pages, static files, error envelope, limits."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from khaldun import __version__
from khaldun.errors import ApiError
from khaldun.serve import api, dashboard_api, pages
from khaldun.serve.access import Resources
from khaldun.serve.envelope import error_response
from khaldun.serve.middleware import LimitsMiddleware
from khaldun.serve.settings import ServeSettings

log = logging.getLogger("khaldun.serve")

_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found"}
_STATUS_CODES |= {405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}


def create_app(settings: ServeSettings, *, pipeline_factory: Callable[[], Any] | None = None) -> FastAPI:
    """The application for ``settings``; the store opens when it starts and closes when it stops.

    ``pipeline_factory`` makes the coder of ``POST /api/code`` (default: a
    :class:`khaldun.Pipeline` from the config), called once, on first use.
    """
    resources = Resources(settings, pipeline_factory=pipeline_factory)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        resources.open()
        try:
            yield
        finally:
            resources.close()

    app = FastAPI(
        title="khaldun",
        version=__version__,
        description="Political event data: events with their evidence, dyads, the actor network. "
        "Every answer is an envelope: {ok, data, meta} or {ok: false, error: {code, message, detail}}.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN: not here
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.resources = resources
    app.state.templates = pages.templates()
    app.include_router(api.router)
    app.include_router(dashboard_api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.HERE / "static"), name="static")
    app.add_middleware(LimitsMiddleware, max_body=settings.max_body_bytes)
    _install_error_handlers(app)
    return app


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api")


def _error(request: Request, status: int, code: str, message: str, detail: Any = None) -> Response:
    if _wants_html(request):
        tpl = request.app.state.templates
        return tpl.TemplateResponse(
            request,
            "error.html",
            {"active": "", "status": status, "code": code, "message": message},
            status_code=status,
        )
    return error_response(status, code, message, detail)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return _error(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg")}
            for e in exc.errors()
        ]
        message = "; ".join(f"{d['where']}: {d['problem']}" for d in detail) or "malformed request"
        return _error(request, 422, "invalid_request", message, detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(exc.status_code, "error")
        return _error(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s", request.url.path)
        return _error(request, 500, "internal", "internal server error (see the server log)")
