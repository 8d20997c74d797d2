"""The REST API and the dashboard (``khaldun serve``): thin shells over :mod:`khaldun.store.queries`.

``create_app(ServeSettings(db=...))`` builds the FastAPI application. The
API lives under ``/api`` (OpenAPI schema at ``/api/openapi.json``), the
dashboard pages at ``/``. Every answer of the API is one JSON envelope:
``{"ok": true, "data": ..., "meta": {...}}`` or
``{"ok": false, "error": {"code", "message", "detail"}}``.
"""

from __future__ import annotations

from khaldun.errors import ServeError
from khaldun.serve.app import create_app
from khaldun.serve.settings import ServeSettings, check_exposure, is_loopback

__all__ = ["ServeError", "ServeSettings", "check_exposure", "create_app", "is_loopback"]
