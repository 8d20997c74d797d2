"""The browser and a watched page for the browser tests (tests/serve/browser_support.py has the rest)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.serve.browser_support import CHROMIUM, FLAGS, Watch


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    watch = Watch(pg)
    yield pg, watch
    context.close()
    watch.check()
