"""The dashboard's charts in Chromium, on a generated store of 400 articles (tests/serve/synthetic.py):
the overview draws its charts as SVG, the map draws country outlines as SVG paths, the dyads page shows
the busiest dyad with no input, the network's default draws at most 40 actors, each chart has its data
beside it, and an actor name carrying markup shows as text. No request leaves localhost and no page
logs an error (see the ``page`` fixture).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.serve.browser_support import needs_chromium, open_page, serving
from tests.serve.synthetic import MARKUP_NAME, build_synthetic

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = str(tmp_path_factory.mktemp("dashboard") / "events.duckdb")
    build_synthetic(db, 400, markup=True)
    with serving(db) as url:
        yield url


def api(pg, url: str) -> dict:
    response = pg.request.get(url)
    assert response.ok, response.text()
    return response.json()


def csv_text(pg, figure: str) -> str:
    """The CSV a figure's download link gives, downloaded as a person would."""
    link = pg.locator(f"#{figure} a.csv")
    assert link.get_attribute("href").startswith("blob:") and link.get_attribute("download").endswith(".csv")
    with pg.expect_download() as download:
        link.click()
    return Path(download.value.path()).read_bytes().decode("utf-8")


def test_overview_draws_its_charts_as_svg(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/")
    d = api(pg, server + "/api/overview")["data"]
    stacked = pg.locator("#timeline svg.kplot rect")
    assert stacked.count() >= sum(1 for r in d["series"] if r["events"])  # a bar piece per period and class
    assert pg.locator("#timeline svg.kplot g[aria-label='x-axis tick label'] text").count() >= 4
    assert d["span"]["first"] in pg.locator("#span").inner_text()
    actors = pg.locator("#top-actors svg a")
    assert (
        actors.count() == 10 and actors.first.get_attribute("href") == f"/actors/{d['top_actors'][0]['code']}"
    )
    assert "Iraq (GOV)" in pg.locator("#top-actors svg").inner_html()  # names, not only codes
    dyads = pg.locator("#top-dyads svg a")
    assert dyads.count() == 10 and dyads.first.get_attribute("href").startswith("/dyads?a=")
    assert pg.locator("#modalities svg rect").count() >= len(d["modalities"])
    # Beside each chart, its data: a CSV download and a table.
    text = csv_text(pg, "timeline")
    assert text.endswith("\r\n")  # RFC 4180 line ends
    lines = text.strip().split("\r\n")
    assert lines[0] == "period,quad_class,events" and len(lines) == len(d["series"]) + 1
    pg.locator("#top-actors .chart-data summary").click()  # the table, beside the chart, built when opened
    table = pg.locator("#top-actors .chart-data table tbody tr")
    table.nth(9).wait_for()
    assert table.count() == 10 and table.first.locator("td").first.inner_text() == d["top_actors"][0]["code"]
    # Periods and counts come from the API: the first non-empty period's rows add up.
    total = sum(int(line.rsplit(",", 1)[1]) for line in lines[1:])
    assert total == d["span"]["dated"]


def test_overview_chart_links_open_pages(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/")
    pg.locator("#top-dyads svg a").first.click()
    pg.wait_for_url("**/dyads?a=*")
    pg.wait_for_selector("html[data-ready=true]")
    assert pg.locator("#dyad-chart rect.point").count() > 0


def test_map_draws_country_outlines_as_svg_paths(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/map")
    countries = pg.locator("#map svg path.country")
    assert countries.count() == 177  # Natural Earth 1:110m
    assert pg.locator("#map path.country[data-name='Iraq']").get_attribute("d").startswith("M")
    shaded = api(pg, server + "/api/map/countries")["data"]
    outlines = api(pg, server + "/static/vendor/countries-110m.json")["objects"]["countries"]["geometries"]
    ids = {o.get("id") for o in outlines}
    drawn = pg.locator("#map path.country[data-events]:not([data-events='0'])").count()
    assert drawn == len([r for r in shaded if r["numeric"] in ids])
    if any(r["country"] == "BHR" for r in shaded):  # too small for 1:110m: named, not lost
        assert "too small to outline at this scale: Bahrain" in pg.locator("#status").inner_text()
    iraq = next(r for r in shaded if r["country"] == "IRQ")
    assert pg.locator("#map path.country[data-name='Iraq']").get_attribute("data-events") == str(
        iraq["events"]
    )
    places = {(p["name"], p["lat"], p["lon"]) for p in api(pg, server + "/api/map")["data"]}
    assert pg.locator("#map circle.place").count() == len(places)
    # Zoom and pan: the wheel zooms the map, and circles keep their size on screen.
    layer = pg.locator("#map svg > g").first
    before, radius = (
        layer.get_attribute("transform"),
        float(pg.locator("#map circle.place").first.get_attribute("r")),
    )
    pg.locator("#map svg").hover()
    pg.mouse.wheel(0, -600)
    pg.wait_for_function(
        "(t) => document.querySelector('#map svg > g').getAttribute('transform') !== t", arg=before
    )
    assert float(pg.locator("#map circle.place").first.get_attribute("r")) < radius
    # A country lists its events; so does a circle.
    pg.locator("#zoom-world").click()
    pg.locator("#map path.country[data-name='Iraq']").dispatch_event("click")
    pg.locator("#place-events tbody tr").first.wait_for()
    assert "Iraq" in pg.locator("#map-title").inner_text()
    pg.locator("#map circle.place").first.dispatch_event("click")
    pg.wait_for_function(
        "() => !document.querySelector('#map-title').textContent.includes('Iraq (events there)')"
    )
    assert pg.locator("#place-events tbody tr").count() > 0
    assert pg.locator("#countries svg a").count() == 12 and pg.locator("#map a.csv").count() == 1


def test_dyads_page_shows_the_busiest_dyad_with_no_input(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/dyads")
    top = api(pg, server + "/api/dyads/top?limit=15")["data"]
    assert pg.locator("input[name=a]").input_value() == top[0]["a"]
    assert pg.locator("input[name=b]").input_value() == top[0]["b"]
    series = api(pg, server + f"/api/dyads?a={top[0]['a']}&b={top[0]['b']}")["data"]
    assert pg.locator("#dyad-chart rect.point").count() == len(series)  # one target per period, zeros too
    assert (
        pg.locator("#dyad-chart svg.kplot").count() == 1
        and pg.locator("#goldstein-chart svg.kplot").count() == 1
    )
    assert (
        pg.locator("#top-dyads li").count() == len(top) and pg.locator("#top-dyads li.current").count() == 1
    )
    assert top[0]["a_name"] in pg.locator("#dyad-title").inner_text()
    # A continuous time axis with readable (non-overlapping) tick labels.
    ticks = pg.locator("#dyad-chart g[aria-label='x-axis tick label'] text")
    boxes = [ticks.nth(i).bounding_box() for i in range(ticks.count())]
    rows = [b for b in boxes if b]
    assert len(rows) >= 3
    for left, right in zip(rows, rows[1:], strict=False):
        assert left["x"] + left["width"] <= right["x"] + 1
    # Another dyad from the list.
    pg.locator("#top-dyads li a").nth(1).click()
    pg.wait_for_function(
        "() => document.querySelectorAll('#top-dyads li.current')[0] === document.querySelectorAll('#top-dyads li')[1]"
    )
    assert pg.locator("input[name=a]").input_value() == top[1]["a"]


def test_dyad_inputs_autocomplete_from_the_stores_actors(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/dyads")
    pg.locator("input[name=a]").fill("")
    pg.locator("input[name=a]").type("Leban")
    pg.wait_for_function("() => document.querySelector('#actor-list-a option[value=LBN]') !== null")
    options = pg.locator("#actor-list-a option")
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    labels = [options.nth(i).get_attribute("label") for i in range(options.count())]
    assert "LBN" in values and any(label.startswith("Lebanon") for label in labels)


def test_network_default_is_readable_and_stays_put(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/network")
    nodes = pg.locator("#network g.node")
    assert 10 <= nodes.count() <= 40
    ids = [nodes.nth(i).get_attribute("data-id") for i in range(nodes.count())]
    assert not any(i.startswith("---") for i in ids) and pg.locator("#network g.node.unknown").count() == 0
    labels = pg.locator("#network g.node text").all_text_contents()
    assert "Iraq (GOV)" in labels and "IRQGOV" not in labels  # names as labels
    assert re.search(r"40 of \d+ actors", pg.locator("#status").inner_text())
    first = [nodes.nth(i).get_attribute("transform") for i in range(nodes.count())]
    pg.reload()
    pg.wait_for_selector("html[data-ready=true]")
    again = [nodes.nth(i).get_attribute("transform") for i in range(nodes.count())]
    assert again == first  # the same layout on every load
    assert pg.locator("#network a.csv").count() == 1


def test_network_controls(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/network?unknown=group&top=60&modality=any")
    assert pg.locator("#network g.node").count() <= 60
    grouped = pg.locator("#network g.node.unknown")
    assert grouped.count() == 1 and grouped.get_attribute("data-id") == "---"
    open_page(pg, server + "/network?quad=4&modality=any")
    colours = {pg.locator("#network path.edge").nth(i).get_attribute("stroke") for i in range(5)}
    assert all(c != "rgb(46, 139, 87)" for c in colours)  # material conflict only: no cooperative green
    assert "QuadClass 4." in pg.locator("#status").inner_text()
    assert pg.locator("fieldset.quads input:checked").count() == 1


def test_actor_page(server: str, page) -> None:
    pg, _ = page
    open_page(pg, server + "/actors/IRQGOV")
    assert pg.locator("#actor-name").inner_text() == "Iraq (GOV)"
    assert re.search(r"\d+ as source, \d+ as target", pg.locator("#actor-roles").inner_text())
    assert pg.locator("#timeline svg.kplot rect").count() > 10
    assert (
        pg.locator("#codes-chart svg.kplot").count() == 1
        and pg.locator("#codes-chart .swatches").count() == 1
    )
    partners = pg.locator("#partners-chart svg a")
    assert partners.count() > 0 and partners.first.get_attribute("href").startswith("/dyads?a=IRQGOV")
    assert pg.locator("#identities tbody tr").count() >= 1
    assert csv_text(pg, "partners-chart").startswith("code,events,as_source")


def test_markup_in_an_actor_name_shows_as_text(server: str, page) -> None:
    pg, watch = page
    for path in ("/", "/network?top=80", "/dyads?nodes=code"):
        open_page(pg, server + path)
        assert pg.locator("img").count() == 0
    open_page(pg, server + "/network?top=80")
    assert any(MARKUP_NAME[:20] in t for t in pg.locator("#network g.node text").all_text_contents())
    pg.wait_for_timeout(200)
    assert watch.dialogs == []
