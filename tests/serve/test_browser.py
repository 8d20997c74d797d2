"""The dashboard in a real browser: Debian's /usr/bin/chromium driven by playwright.

A store is built from the project's corpus (tests/data/corpus, coded with
the real model) plus one article carrying markup; the server runs in a
thread on a free localhost port. Every test checks that no request leaves
localhost and that no dialog opens. Screenshots go to a temporary folder
(``KHALDUN_SCREENSHOTS=DIR`` saves them there instead, e.g. docs/screenshots).
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.corpus.ingest import IngestOptions, ingest
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.serve import ServeSettings, create_app
from khaldun.store import open_store
from tests.serve.test_serve_support import XSS_TEXT, xss_event
from tests.store.test_store_support import document_row, store_events

CHROMIUM = "/usr/bin/chromium"
CORPUS = Path(__file__).parents[1] / "data" / "corpus"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent: apt-get install -y chromium"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, model_pipeline) -> Iterator[str]:
    import uvicorn

    db = str(tmp_path_factory.mktemp("browser") / "events.duckdb")
    with open_store(db) as store:
        ingest(
            read_corpus([str(CORPUS)], ReadOptions()), store, model_pipeline, options=IngestOptions(workers=1)
        )
        store_events(
            store, [xss_event()], [document_row("dxss", source="Odd Wire", text=XSS_TEXT, n_events=1)]
        )
        rebuild_clusters(store)
    app = create_app(ServeSettings(db=db), pipeline_factory=lambda: model_pipeline)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots() -> Iterator[Path]:
    keep = os.environ.get("KHALDUN_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    folder = Path(tempfile.mkdtemp(prefix="khaldun-shots-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


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


@pytest.fixture
def page(browser) -> Iterator[tuple[object, Watch]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    watch = Watch(pg)
    yield pg, watch
    context.close()
    watch.check()


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/", "ul.stats"),
        ("/events", "#events tbody tr"),
        ("/dyads?a=IRQ&b=IRN&modality=any", "#chart g.point"),
        ("/network?modality=any", "#graph g.node"),
        ("/map?level=raw", "#map circle.place"),
        ("/actors", "#actors tbody tr"),
        ("/actors/person:mustafa_al_kadhimi", "#codes-chart svg"),
        ("/code", "#code-text"),
    ],
)
def test_page_loads_locally(server: str, page, shots: Path, path: str, ready: str) -> None:
    pg, _ = page
    pg.goto(server + path)
    pg.wait_for_selector(ready)
    pg.wait_for_load_state("networkidle")
    name = path.strip("/").split("?")[0].replace("/", "-").replace(":", "-") or "home"
    pg.screenshot(path=str(shots / f"{name}.png"), full_page=True)


def test_event_row_opens_the_evidence(server: str, page, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/events?text=met")
    row = pg.locator("#events tbody tr").first
    row.wait_for()
    row.click()
    pg.wait_for_url("**/events/*")
    assert pg.locator("#sentence mark.k-trigger").inner_text() == "met"
    assert pg.locator("#sentence mark.k-source").inner_text() == "Iraqi Prime Minister Mustafa al-Kadhimi"
    assert pg.locator("#sentence mark.k-date").inner_text() == "Monday"
    assert pg.locator("#reports tbody tr").count() == 2  # the Tehran meeting, reported twice
    assert pg.locator("#articles li").count() == 4  # and two duplicate articles
    pg.screenshot(path=str(shots / "event.png"), full_page=True)


def test_dyad_point_lists_its_events(server: str, page, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/dyads?a=IRQ&b=IRN")
    first = pg.locator("#chart g.point").first
    first.wait_for()
    first.click()
    rows = pg.locator("#point-events tbody tr")
    rows.first.wait_for()
    series = pg.request.get(server + "/api/dyads?a=IRQ&b=IRN").json()["data"]
    assert rows.count() == series[0]["events"] >= 2  # January: the Tehran meeting, Iraq's praise, ...
    assert "2021-01-01 to 2021-01-31" in pg.locator("#point-title").inner_text()
    pg.screenshot(path=str(shots / "dyads.png"), full_page=True)
    rows.first.click()
    pg.wait_for_url("**/events/*")
    pg.locator("#sentence").wait_for()


def test_script_in_an_article_shows_as_text(server: str, page, shots: Path) -> None:
    pg, watch = page
    pg.goto(server + "/events/dxss-e1")
    article = pg.locator("#article").inner_text()
    assert "<script>alert(1)</script>" in article and '<img src=x onerror="alert(2)">' in article
    assert pg.locator("#article script, #article img").count() == 0
    pg.goto(server + "/events?text=summit")
    cell = pg.locator("#events tbody td.evidence").first
    cell.wait_for()
    assert "<script>alert(1)</script>" in cell.inner_text()
    assert pg.locator("#events script").count() == 0
    pg.wait_for_timeout(300)
    assert watch.dialogs == []


def test_code_page_highlights_evidence(server: str, page, shots: Path) -> None:
    pg, _ = page
    pg.goto(server + "/code")
    pg.fill(
        "#code-text",
        "Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran on Monday. <script>alert(3)</script>",
    )
    pg.fill("input[name=published]", "2021-01-12")
    pg.click("#code-button")
    pg.locator("li.coded-event").first.wait_for(timeout=30_000)
    assert pg.locator("li.coded-event mark.k-trigger").first.inner_text() == "met"
    assert "IRQGOV" in pg.locator("li.coded-event .dyad").first.inner_text()
    pg.screenshot(path=str(shots / "code.png"), full_page=True)


def test_map_and_network_clicks_list_events(server: str, page) -> None:
    pg, _ = page
    pg.goto(server + "/map?level=raw")
    pg.locator("#map circle.place").first.wait_for()
    pg.locator("#map circle.place").first.click()
    pg.locator("#place-events tbody tr").first.wait_for()
    pg.goto(server + "/network?modality=any")
    edge = pg.locator("#graph line.edge").first
    edge.wait_for(state="attached")
    edge.dispatch_event("click")  # a vertical line has no width to click at
    pg.locator("#edge-events tbody tr").first.wait_for()
