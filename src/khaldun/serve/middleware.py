"""Request size limits and security headers, as plain ASGI middleware (it sees every byte)."""

from __future__ import annotations

import json
from typing import Any

Scope = dict[str, Any]

# The dashboard loads only its own files: no inline script, nothing from another origin.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
MAX_QUERY_BYTES = 8 * 1024


def _error(status: int, code: str, message: str) -> tuple[dict[str, Any], dict[str, Any]]:
    body = json.dumps({"ok": False, "error": {"code": code, "message": message, "detail": None}}).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        + SECURITY_HEADERS,
    }
    return start, {"type": "http.response.body", "body": body}


class LimitsMiddleware:
    """413 for bodies over ``max_body`` bytes (declared or streamed), 414 for long query strings."""

    def __init__(self, app: Any, *, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
            for message in _error(414, "uri_too_long", f"query string over {MAX_QUERY_BYTES} bytes"):
                await send(message)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            for message in _error(413, "too_large", f"request body over {self.max_body} bytes"):
                await send(message)
            return
        received = 0
        too_large = False

        async def limited_receive() -> dict[str, Any]:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    too_large = True
                    raise _TooLarge
            return message

        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": list(message.get("headers", [])) + SECURITY_HEADERS}
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                for message in _error(413, "too_large", f"request body over {self.max_body} bytes"):
                    await send(message)


class _TooLarge(Exception):
    pass
