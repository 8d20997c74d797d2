"""One JSON envelope for every API answer, and the errors the API raises.

Success: ``{"ok": true, "data": ..., "meta": {...}}``.
Error: ``{"ok": false, "error": {"code": "...", "message": "...", "detail": ...}}`` with a 4xx
status for anything the request got wrong (validation errors included) and 5xx only for
faults of the server.
"""

from __future__ import annotations

from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: Any = None


class ErrorEnvelope(BaseModel):
    """What every failed API request answers."""

    ok: bool = False
    error: ErrorBody


class Envelope(BaseModel):
    """What every successful API request answers."""

    ok: bool = True
    data: Any = None
    meta: dict[str, Any] = {}


def ok(data: Any, **meta: Any) -> JSONResponse:
    return JSONResponse({"ok": True, "data": jsonable_encoder(data), "meta": jsonable_encoder(meta)})


def error_response(
    status: int, code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"ok": False, "error": {"code": code, "message": message, "detail": jsonable_encoder(detail)}}
    return JSONResponse(body, status_code=status, headers=headers)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorEnvelope, "description": "A value the store cannot use"},
    404: {"model": ErrorEnvelope, "description": "No such item"},
    413: {"model": ErrorEnvelope, "description": "Request too large"},
    422: {"model": ErrorEnvelope, "description": "Malformed request"},
}
