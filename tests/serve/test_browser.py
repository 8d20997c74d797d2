"""The dashboard in a real browser, over a store of the project's corpus coded with the real model.

A store is built from tests/data/corpus (coded with the real model) plus one article carrying markup;
the server runs in a thread on a free localhost port. Every test checks that no request leaves
localhost, that no dialog opens and that the page logs no error (a Content-Security-Policy violation
is one). The charts on a store of several hundred documents are checked by
``test_dashboard_browser.py``; screenshots are made by ``benchmarks/dashboard.py``, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.corpus.ingest import IngestOptions, ingest
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.store import open_store
from tests.serve.browser_support import needs_chromium, serving
from tests.serve.test_serve_support import XSS_TEXT, xss_event
from tests.store.test_store_support import document_row, store_events

CORPUS = Path(__file__).parents[1] / "data" / "corpus"

pytestmark = [pytest.mark.browser, pytest.mark.model, needs_chromium]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, model_pipeline) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("browser") / "events.duckdb")
    with open_store(db) as store:
        ingest(
            read_corpus([str(CORPUS)], ReadOptions()), store, model_pipeline, options=IngestOptions(workers=1)
        )
        store_events(
            store, [xss_event()], [document_row("dxss", source="Odd Wire", text=XSS_TEXT, n_events=1)]
        )
        rebuild_clusters(store)
    with serving(db, pipeline_factory=lambda: model_pipeline) as url:
        yield url


@pytest.mark.parametrize(
    ("path", "ready"),
    [
        ("/", "#timeline svg"),
        ("/events", "#events tbody tr"),
        ("/dyads?a=IRQ&b=IRN&modality=any", "#dyad-chart rect.point"),
        ("/network?modality=any", "#network g.node"),
        ("/map?level=raw", "#map circle.place"),
        ("/actors", "#actors tbody tr"),
        ("/actors/person:mustafa_al_kadhimi", "#codes-chart svg"),
        ("/code", "#code-text"),
    ],
)
def test_page_loads_locally(server: str, page, path: str, ready: str) -> None:
    pg, _ = page
    pg.goto(server + path)
    pg.wait_for_selector(ready)
    pg.wait_for_load_state("networkidle")


def test_events_open_on_real_dates(server: str, page) -> None:
    """No event is dated before 1900 (a number such as "1000 soldiers" was once read as the year 1000)."""
    pg, _ = page
    pg.goto(server + "/events")
    first = pg.locator("#events tbody tr td").first
    first.wait_for()
    assert dt.date.fromisoformat(first.inner_text()[:10]).year >= 1900
    pg.goto(server + "/events?sort=date&level=clustered")
    pg.locator("#events tbody tr").first.wait_for()
    assert int(pg.locator("#events tbody tr td").first.inner_text()[:4]) >= 1900


def test_event_row_opens_the_evidence(server: str, page) -> None:
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


def test_dyad_point_lists_its_events(server: str, page) -> None:
    pg, _ = page
    pg.goto(server + "/dyads?a=IRQ&b=IRN")
    first = pg.locator("#dyad-chart rect.point").first
    first.wait_for()
    first.click()
    rows = pg.locator("#point-events tbody tr")
    rows.first.wait_for()
    series = pg.request.get(server + "/api/dyads?a=IRQ&b=IRN").json()["data"]
    assert rows.count() == series[0]["events"] >= 2  # January: the Tehran meeting, Iraq's praise, ...
    assert "2021-01-01 to 2021-01-31" in pg.locator("#point-title").inner_text()
    rows.first.click()
    pg.wait_for_url("**/events/*")
    pg.locator("#sentence").wait_for()


def test_script_in_an_article_shows_as_text(server: str, page) -> None:
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


def test_code_page_highlights_evidence(server: str, page) -> None:
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


def test_map_and_network_clicks_list_events(server: str, page) -> None:
    pg, _ = page
    pg.goto(server + "/map?level=raw")
    pg.locator("#map circle.place").first.wait_for()
    pg.locator("#map circle.place").first.click()
    pg.locator("#place-events tbody tr").first.wait_for()
    pg.goto(server + "/network?modality=any")
    edge = pg.locator("#network path.edge").first
    edge.wait_for(state="attached")
    edge.dispatch_event("click")  # a thin curve is hard to hit with the pointer
    pg.locator("#edge-events tbody tr").first.wait_for()
