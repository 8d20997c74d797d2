"""What a server runs with, and the rules it refuses to start without."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from khaldun.errors import ServeError


@dataclass(frozen=True)
class ServeSettings:
    """Settings of one server. Defaults are the safe ones: read-only, loopback, small requests."""

    db: str
    host: str = "127.0.0.1"
    token: str | None = None  # guards write/admin endpoints (and POST /api/code on an exposed host)
    writable: bool = False  # open the store read-write and allow the admin endpoints
    max_body_bytes: int = 256 * 1024  # larger request bodies get 413
    max_code_chars: int = 20_000  # longest text POST /api/code accepts
    max_page_size: int = 500  # largest `limit` of a list endpoint
    config_path: str | None = None  # a TOML config for the coder of POST /api/code

    @property
    def exposed(self) -> bool:
        return not is_loopback(self.host)


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Refuse to serve on a non-loopback host without a token."""
    if not is_loopback(host) and not token:
        raise ServeError(
            f"refusing to serve on {host!r}, which is not a loopback address, without a token: "
            "set KHALDUN_SERVE_TOKEN or give --token-file FILE, or serve on 127.0.0.1"
        )
    if token is not None and len(token) < 16:
        raise ServeError("the token is too short: use at least 16 characters (e.g. `openssl rand -hex 16`)")
