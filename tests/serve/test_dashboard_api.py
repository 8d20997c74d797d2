"""The dashboard's API (overview, series, top dyads, the readable network, countries, actor codes) and
its assets, through FastAPI's TestClient on a synthetic store: the API gives the read layer's numbers
with readable labels, and every script and data file a page names is served from the package."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khaldun.serve import ServeSettings, create_app
from khaldun.store import aggregates, open_store
from khaldun.store.filters import EventFilter
from tests.serve.synthetic import build_synthetic

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("dashboard") / "events.duckdb")
    build_synthetic(db, 150)
    with TestClient(create_app(ServeSettings(db=db))) as c:
        yield c


def data(response) -> dict:
    body = response.json()
    assert response.status_code == 200, body
    return body


def store_of(client: TestClient):
    return client.app.state.resources.store  # type: ignore[attr-defined]


def test_overview_gives_the_read_layers_numbers(client: TestClient) -> None:
    body = data(client.get("/api/overview", params={"level": "raw"}))
    d, store = body["data"], store_of(client)
    assert d["span"] == aggregates.date_span(store, level="raw")
    first, last = (aggregates.dt.date.fromisoformat(d["span"][k]) for k in ("first", "last"))
    assert d["by"] == body["meta"]["by"] == aggregates.auto_period(first, last) == "week"  # two years
    assert d["series"] == aggregates.quad_series(store, level="raw", by="week")
    assert sum(r["events"] for r in d["series"]) == d["span"]["dated"]
    assert [(a["code"], a["events"]) for a in d["top_actors"]] == [
        (a["code"], a["events"]) for a in aggregates.top_codes(store, level="raw")
    ]
    assert not any(a["code"].startswith("---") for a in d["top_actors"])
    names = {a["code"]: a["name"] for a in d["top_actors"]}
    assert names["IRQ"] == "Iraq" and names["IRQGOV"] == "Iraq (GOV)"
    assert all(r["a_name"] and r["b_name"] for r in d["top_dyads"])
    assert d["summary"]["documents"] == 150
    assert abs(sum(m["share"] for m in d["modalities"]) - 1) < 0.01


def test_overview_filters_and_the_modality_shares(client: TestClient) -> None:
    planned = data(client.get("/api/overview", params={"modality": "planned", "level": "raw"}))["data"]
    every = data(client.get("/api/overview", params={"level": "raw"}))["data"]
    assert planned["modalities"] == every["modalities"]  # shares always over every modality
    assert planned["span"]["dated"] < every["span"]["dated"]
    month = data(client.get("/api/overview", params={"by": "month", "actor": "IRQ"}))
    assert month["meta"]["by"] == "month" and len(month["data"]["series"]) % 4 == 0
    bad = client.get("/api/overview", params={"actor": "NOWHERE"})
    assert bad.status_code == 400 and "NOWHERE" in bad.json()["error"]["message"]
    assert client.get("/api/overview", params={"by": "fortnight"}).status_code == 422


def test_series_of_one_actor(client: TestClient) -> None:
    body = data(client.get("/api/series", params={"actor": "IRQGOV", "level": "raw"}))["data"]
    f = EventFilter(actor="IRQGOV")
    assert body["series"] == aggregates.quad_series(store_of(client), f, level="raw", by=body["by"])


def test_top_dyads_count_what_the_dyad_series_counts(client: TestClient) -> None:
    dated = {"since": "2020-01-01"}  # the series counts dated events only
    top = data(client.get("/api/dyads/top", params={"limit": 5, **dated}))["data"]
    assert len(top) == 5 and [r["events"] for r in top] == sorted((r["events"] for r in top), reverse=True)
    for pair in top[:3]:
        series = data(client.get("/api/dyads", params={"a": pair["a"], "b": pair["b"], **dated}))["data"]
        assert sum(r["events"] for r in series) == pair["events"]
        assert sum(r["cooperation"] for r in series) == pair["cooperation"]
    codes = data(client.get("/api/dyads/top", params={"nodes": "code", "limit": 50}))["data"]
    assert not any(c.startswith("---") for r in codes for c in (r["a"], r["b"]))
    with_unknown = data(
        client.get("/api/dyads/top", params={"nodes": "code", "limit": 100, "unknown": "true"})
    )
    assert any(c.startswith("---") for r in with_unknown["data"] for c in (r["a"], r["b"]))


def test_network_default_is_readable(client: TestClient) -> None:
    whole = data(client.get("/api/network", params={"modality": "any"}))
    top = data(client.get("/api/network", params={"modality": "any", "top": 40, "unknown": "hide"}))
    nodes, edges = top["data"]["nodes"], top["data"]["edges"]
    assert len(nodes) == 40 < whole["meta"]["total_nodes"] == len(whole["data"]["nodes"])
    assert not any(n["unknown"] or n["id"].startswith("---") for n in nodes)
    kept = {n["id"] for n in nodes}
    assert edges and all(e["source"] in kept and e["target"] in kept for e in edges)
    weights: dict[str, int] = {}  # events with actors of a known country only
    for e in whole["data"]["edges"]:
        if not e["source"].startswith("---") and not e["target"].startswith("---"):
            for end in (e["source"], e["target"]):
                weights[end] = weights.get(end, 0) + e["weight"]
    busiest = sorted(weights, key=lambda n: (-weights[n], n))[:40]
    assert [n["id"] for n in nodes] == busiest
    names = {n["id"]: n["name"] for n in nodes}
    assert names.get("IRQGOV") == "Iraq (GOV)" and names.get("IRQ") == "Iraq"


def test_network_whole_is_the_cli_network(client: TestClient) -> None:
    body = data(client.get("/api/network", params={"modality": "any", "level": "raw"}))["data"]
    cli = {(e["source"], e["target"]): e for e in aggregates.network(store_of(client), level="raw")}
    assert len(body["edges"]) == len(cli)
    for edge in body["edges"]:
        same = cli[(edge["source"], edge["target"])]
        assert [edge[k] for k in ("weight", "cooperation", "conflict")] == [
            same[k] for k in ("weight", "cooperation", "conflict")
        ]
        assert edge["goldstein_mean"] == pytest.approx(same["goldstein_mean"], abs=0.0011)  # both rounded


def test_network_groups_actors_of_no_country_and_filters_quadclass(client: TestClient) -> None:
    grouped = data(client.get("/api/network", params={"modality": "any", "unknown": "group"}))["data"]
    unknown = [n for n in grouped["nodes"] if n["unknown"]]
    assert [(n["id"], n["name"]) for n in unknown] == [("---", "actors of no country")]
    shown = data(client.get("/api/network", params={"modality": "any", "unknown": "show"}))["data"]
    apart = [n for n in shown["nodes"] if n["unknown"]]
    assert len(apart) > 1
    assert unknown[0]["out"] + unknown[0]["in"] == sum(n["out"] + n["in"] for n in apart)  # nothing lost
    assert sum(e["weight"] for e in grouped["edges"]) == sum(e["weight"] for e in shown["edges"])
    conflict = data(client.get("/api/network", params=[("modality", "any"), ("quad", 3), ("quad", 4)]))
    assert conflict["meta"]["quad"] == [3, 4]
    assert all(e["conflict"] == e["weight"] and e["cooperation"] == 0 for e in conflict["data"]["edges"])
    assert client.get("/api/network", params={"quad": 5}).status_code == 422
    assert client.get("/api/network", params={"unknown": "maybe"}).status_code == 422


def test_map_countries_carry_the_outline_ids(client: TestClient) -> None:
    rows = data(client.get("/api/map/countries", params={"level": "raw"}))["data"]
    iraq = next(r for r in rows if r["country"] == "IRQ")
    assert iraq["numeric"] == "368" and iraq["name"] == "Iraq"
    assert iraq["events"] == sum(iraq[q] for q in aggregates.QUAD_NAMES.values())
    assert rows == sorted(rows, key=lambda r: -r["events"])
    actors = data(client.get("/api/map/countries", params={"level": "raw", "by": "actor"}))["data"]
    assert sum(r["events"] for r in actors) > sum(r["events"] for r in rows)  # two countries an event


def test_actor_codes_autocomplete_by_code_and_name(client: TestClient) -> None:
    found = data(client.get("/api/actor-codes", params={"q": "iraq"}))["data"]
    assert {"value": "IRQGOV", "label": "Iraq (GOV)"}.items() <= next(
        f for f in found if f["value"] == "IRQGOV"
    ).items()
    [person] = store_of(client).fetch(
        "SELECT source_id, source_name FROM events WHERE source_id LIKE 'person:%' LIMIT 1"
    )
    surname = person["source_name"].split()[-1]
    people = data(client.get("/api/actor-codes", params={"q": surname}))["data"]
    assert any(p["value"] == person["source_id"] and p["kind"] == "id" for p in people)
    assert data(client.get("/api/actor-codes", params={"q": "zzzz-nothing"}))["data"] == []


def test_an_empty_store_gives_empty_charts_not_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.duckdb")
    open_store(db).close()
    with TestClient(create_app(ServeSettings(db=db))) as empty:
        overview = data(empty.get("/api/overview"))["data"]
        assert overview["series"] == [] and overview["top_actors"] == [] and overview["modalities"] == []
        assert overview["span"] == {"first": None, "last": None, "dated": 0, "undated": 0}
        assert data(empty.get("/api/network", params={"top": 40}))["data"] == {"nodes": [], "edges": []}
        assert data(empty.get("/api/map/countries"))["data"] == []
        assert data(empty.get("/api/dyads/top"))["data"] == []
        assert empty.get("/").status_code == 200


@pytest.mark.parametrize("path", ["/", "/dyads", "/network", "/map", "/actors/IRQGOV", "/events", "/code"])
def test_pages_load_only_the_packages_own_files(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
    assert "/static/common.js" in assets
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
    if path in ("/", "/dyads", "/actors/IRQGOV"):
        assert "/static/vendor/plot.umd.min.js" in assets and "/static/vendor/d3.min.js" in assets


def test_the_world_outlines_ship_in_the_package(client: TestClient) -> None:
    topo = client.get("/static/vendor/countries-110m.json").json()
    countries = topo["objects"]["countries"]["geometries"]
    assert topo["type"] == "Topology" and len(countries) == 177
    assert {"368", "364", "840"} <= {c.get("id") for c in countries}  # Iraq, Iran, the United States


def test_vendored_files_match_their_manifest() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "vendor_assets.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    vendor = ROOT / "src" / "khaldun" / "serve" / "static" / "vendor"
    assert "public domain" in (vendor / "README.md").read_text("utf-8")
    for name in ("d3", "observablehq-plot", "topojson-client", "world-atlas"):
        assert "Permission to use, copy, modify" in (vendor / f"LICENSE-{name}.txt").read_text("utf-8")


def test_the_wheel_carries_every_dashboard_file() -> None:
    """setuptools copies the package-data globs of pyproject.toml: a file they miss (the vendored
    libraries in static/vendor/, say) would be missing from an installed dashboard."""
    import glob
    import tomllib

    package = ROOT / "src" / "khaldun"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
        "package-data"
    ]
    shipped = {
        Path(p).resolve()
        for pattern in patterns["khaldun"]
        for p in glob.glob(str(package / pattern), recursive=True)
    }
    needed = [
        p
        for folder in ("serve/static", "serve/templates")
        for p in (package / folder).rglob("*")
        if p.is_file()
    ]
    missing = sorted(str(p.relative_to(package)) for p in needed if p.resolve() not in shipped)
    assert not missing, f"not in the wheel (package-data needs 'serve/static/**/*'): {missing}"
