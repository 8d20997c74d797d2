"""Driving Debian's /usr/bin/chromium with playwright, and serving a store on a free port (no tests here).

Flags and set-up as ``../shared/STACK.md`` gives them: ``playwright install`` cannot download a browser
here, so the system's Chromium runs headless with no network beyond localhost.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse

import pytest

from khaldun.serve import ServeSettings, create_app

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
needs_chromium = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent: apt-get install -y chromium"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: str, pipeline_factory: Callable[[], Any] | None = None) -> Iterator[str]:
    """The dashboard over the store ``db``, on a free localhost port in a thread: its base URL."""
    import uvicorn

    app = create_app(ServeSettings(db=db), pipeline_factory=pipeline_factory)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


class Watch:
    """What a page did: requests outside localhost, dialogs, console errors (CSP violations land there)."""

    def __init__(self, page) -> None:
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.hostname not in ("127.0.0.1", "localhost"):
            self.outside.append(request.url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def check(self) -> None:
        assert self.outside == [], f"requests left localhost: {self.outside}"
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"
        assert self.errors == [], f"errors in the page: {self.errors}"


def open_page(pg, url: str) -> None:
    """Go to a dashboard page and wait until its script says it has drawn what it loads first."""
    pg.goto(url)
    pg.wait_for_selector("html[data-ready=true]")
