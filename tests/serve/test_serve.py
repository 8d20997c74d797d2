"""The REST API and the pages, through FastAPI's TestClient: no browser, no model, no port."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from khaldun.cli.main import main
from khaldun.serve import ServeError, ServeSettings, check_exposure, create_app, is_loopback
from khaldun.store import aggregates, queries
from khaldun.store.filters import FILTER_FIELDS, EventFilter
from tests.coding.test_match import COMPOUND
from tests.conftest import handmade_pipeline
from tests.serve.test_serve_support import XSS_SENTENCE, build_store

TOKEN = "s3cret-token-0123456789"
INJECTIONS = [
    "'; DROP TABLE events; --",
    "IRQ' OR '1'='1",
    "%",
    "_",
    "\\",
    '" OR ""="',
    "1) UNION SELECT * FROM documents --",
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(str(tmp_path_factory.mktemp("serve") / "events.duckdb"))


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    app = create_app(
        ServeSettings(db=db, max_page_size=100), pipeline_factory=lambda: handmade_pipeline(COMPOUND)
    )
    with TestClient(app) as c:
        yield c


def store_of(client: TestClient):
    """The server's own store (DuckDB will not open the file twice in one process)."""
    return client.app.state.resources.store  # type: ignore[attr-defined]


def data(response) -> object:
    body = response.json()
    assert response.status_code == 200, body
    assert body["ok"] is True and set(body) == {"ok", "data", "meta"}
    return body["data"]


def error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and set(body["error"]) == {"code", "message", "detail"}
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# -- the API gives the read layer's answers ------------------------------------------------


def test_health_and_documents(client: TestClient, db: str) -> None:
    health = client.get("/api/health").json()
    assert health["data"]["summary"]["events"] == 11 and health["meta"]["read_only"] is True
    docs = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert [d["id"] for d in docs["data"]] == ["d1copy", "d2"] and docs["meta"]["total"] == 7
    one = data(client.get("/api/documents/d1"))
    assert one["text"] == "text of d1" and one["duplicates"][0]["id"] == "d1copy"
    assert [e["event_id"] for e in one["events"]] == ["d1-e1", "d1-e2"]
    error(client.get("/api/documents/nope"), 404, "not_found")


def test_events_filters_pagination_sorting(client: TestClient, db: str) -> None:
    expected = queries.events(store_of(client), EventFilter(actor="IRQ"), level="raw")
    page1 = client.get("/api/events", params={"actor": "IRQ", "limit": 3}).json()
    page2 = client.get("/api/events", params={"actor": "IRQ", "limit": 3, "offset": 3}).json()
    assert page1["meta"]["total"] == len(expected) == 9
    assert page1["data"] + page2["data"] == expected[:6]  # the CLI's read layer, same answer
    dyad = data(
        client.get("/api/events", params=[("dyad", "IRQGOV"), ("dyad", "IRNGOV"), ("level", "clustered")])
    )
    assert {e["num_mentions"] for e in dyad} == {1, 2}
    by = data(client.get("/api/events", params={"sort": "-goldstein", "limit": 100}))
    assert [e["goldstein"] for e in by] == sorted((e["goldstein"] for e in by), reverse=True)
    assert len(data(client.get("/api/events", params={"since": "2021-02-01", "until": "2021-02-28"}))) == 4
    assert len(data(client.get("/api/events", params={"code": "04", "modality": "planned"}))) == 1
    assert len(data(client.get("/api/events", params={"place": "tehr"}))) == 3
    assert len(data(client.get("/api/events", params={"text": "criticized"}))) == 2
    assert len(data(client.get("/api/events", params={"doc": "d2"}))) == 3


def test_one_event_with_evidence_and_cluster(client: TestClient) -> None:
    raw = data(client.get("/api/events/d1-e1"))
    assert raw["level"] == "raw" and raw["document"]["id"] == "d1"
    assert [h["kind"] for h in raw["highlights"]] == ["trigger"]
    cluster = raw["cluster"]
    assert cluster["event"]["num_mentions"] == 2
    assert [r["event_id"] for r in cluster["reports"]] == ["d1-e1", "d2-e1"]
    assert [(a["id"], a["duplicate_of"]) for a in cluster["articles"]] == [
        ("d1", None),
        ("d1copy", "d1"),
        ("d2", None),
    ]
    again = data(client.get(f"/api/events/{cluster['event']['event_id']}"))
    assert again["level"] == "clustered" and again["cluster"]["reports"] == cluster["reports"]
    xss = data(client.get("/api/events/dxss-e1"))
    assert {h["kind"] for h in xss["highlights"]} == {"trigger", "source", "target"}
    error(client.get("/api/events/none-such"), 404, "not_found")


def test_actors(client: TestClient) -> None:
    found = data(client.get("/api/actors", params={"q": "irn"}))
    assert {a["id"] for a in found} == {"test:IRN", "test:IRNGOV"}
    profile = data(client.get("/api/actors/IRQGOV"))
    assert profile["identities"][0]["events"] == 4 and profile["partners"][0]["code"] == "IRNGOV"
    assert profile["knowledge_base"] is None  # a code, not an id
    assert data(client.get("/api/actors/test:IRQ"))["knowledge_base"] is None  # an id the KB lacks
    error(client.get("/api/actors/NOBODY"), 404)


def test_dyads_and_the_events_behind_a_point(client: TestClient, db: str) -> None:
    series = data(client.get("/api/dyads", params={"a": "IRQ", "b": "IRN", "by": "month"}))
    f = EventFilter(modality="asserted")
    assert series == aggregates.dyad_series(store_of(client), "IRQ", "IRN", by="month", f=f)
    for row in series:
        behind = client.get(
            "/api/dyads/events", params={"a": "IRQ", "b": "IRN", "period": row["period"]}
        ).json()
        assert len(behind["data"]) == row["events"]
    assert behind["meta"]["since"] == "2021-03-01" and behind["meta"]["until"] == "2021-03-31"
    raw = data(client.get("/api/dyads", params={"a": "IRQ", "b": "IRN", "level": "raw", "modality": "any"}))
    assert sum(r["events"] for r in raw) == 7


def test_network_and_map(client: TestClient) -> None:
    net = data(client.get("/api/network", params={"since": "2021-02-01", "until": "2021-02-28"}))
    assert {(e["source"], e["target"]) for e in net["edges"]} == {
        ("IRN", "IRQ"),
        ("IRN", "USA"),
        ("IRN", "USAMIL"),
    }
    assert net["nodes"][0] == {"id": "IRN", "out": 3, "in": 0, "name": "IRN", "unknown": False}
    assert data(client.get("/api/network", params={"nodes": "country", "modality": "any"}))["edges"]
    places = data(client.get("/api/map", params={"level": "raw"}))
    assert {(p["name"], p["quad_class"]) for p in places} == {("Tehran", 1), ("Basra", 3)}
    # The map's outlines are a vendored file now (Natural Earth), not an endpoint.
    assert client.get("/api/basemap").status_code == 404


def test_code_on_the_fly(client: TestClient) -> None:
    text = handmade_pipeline(COMPOUND).nlp.texts[0]  # type: ignore[attr-defined]
    coded = client.post("/api/code", json={"text": text, "published": "2021-01-02"}).json()
    assert coded["ok"] and coded["meta"]["events"] == len(coded["data"]) >= 2
    assert {e["target"]["code"] for e in coded["data"]} == {"ISR"}
    assert all(e["highlights"][0]["kind"] in {"trigger", "source"} for e in coded["data"])
    error(client.post("/api/code", json={"text": "x" * 20_001}), 413, "too_large")
    error(client.post("/api/code", json={"text": "   "}), 422)
    error(client.post("/api/code", json={"published": "2021-01-01"}), 422, "invalid_request")
    error(client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"}), 422)
    error(client.post("/api/code", json={"text": "a", "published": "yesterday"}), 422)
    error(client.post("/api/code", content=b"x" * 300_000, headers={"content-type": "application/json"}), 413)


# -- malformed requests are 4xx in the error envelope --------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?limit=0",
        "/api/events?limit=101",
        "/api/events?limit=ten",
        "/api/events?offset=-1",
        "/api/events?level=cooked",
        "/api/events?sort=date;drop",
        "/api/events?sort=mentions",  # raw events have no mentions
        "/api/events?since=2021-13-01",
        "/api/events?dyad=IRQ",
        "/api/events?actor=" + "x" * 201,
        "/api/dyads?a=IRQ",
        "/api/dyads?a=IRQ&b=IRN&by=fortnight",
        "/api/dyads/events?a=IRQ&b=IRN&period=soon",
        "/api/network?nodes=people",
        "/api/documents?status=lost",
        "/api/nowhere",
        "/api/events?" + "actor=IRQ&" * 1000,
    ],
)
def test_malformed_requests(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, (url, response.status_code)
    assert response.json()["ok"] is False


def test_wrong_method_and_types(client: TestClient) -> None:
    error(client.delete("/api/events"), 405)
    error(client.post("/api/code", content=b"text=hello", headers={"content-type": "text/plain"}), 422)


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_values(client: TestClient, value: str, db: str) -> None:
    for name in (
        "actor",
        "source",
        "target",
        "country",
        "code",
        "root",
        "plover",
        "modality",
        "place",
        "text",
        "doc",
    ):
        response = client.get("/api/events", params={name: value})
        body = response.json()
        # A value is a value: it matches nothing, or it is refused as an unknown value (4xx);
        # never a server error, never data it should not select.
        if body["ok"]:
            assert body["data"] == [], (name, value)
        else:
            assert 400 <= response.status_code < 500 and body["error"]["message"], (name, value)
    assert data(client.get("/api/actors", params={"q": value})) == []
    dyads = client.get("/api/dyads", params={"a": value, "b": "IRN"})
    assert dyads.status_code == 400 or data(dyads) == []  # an actor no event names is refused
    error(client.get(f"/api/events/{value}"), 404)
    assert data(client.get("/api/health"))["summary"]["events"] == 11  # nothing was dropped


# -- pages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/", "/events", "/dyads", "/network", "/map", "/actors", "/code", "/actors/IRQ"]
)
def test_pages_render(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "http://" not in response.text.replace("http://www.w3.org", "") and "https://" not in response.text


def test_markup_in_article_text_is_inert_in_html(client: TestClient) -> None:
    page = client.get("/events/dxss-e1").text
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
    assert '<mark class="k-trigger">criticized</mark>' in page
    # JSON for the scripts is escaped too: no closing tag can end the data block
    actor_page = client.get("/actors/IRQ").text
    assert "</script><script>" not in actor_page
    assert XSS_SENTENCE in data(client.get("/api/events/dxss-e1"))["event"]["evidence"]["sentence"]


def test_missing_pages_are_html_errors(client: TestClient) -> None:
    response = client.get("/events/nope")
    assert response.status_code == 404 and "no event or clustered event" in response.text
    assert client.get("/nowhere").status_code == 404


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/health",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/actors",
        "/api/actors/{actor}",
        "/api/dyads",
        "/api/dyads/events",
        "/api/network",
        "/api/map",
        "/api/code",
        "/api/admin/cluster",
    } <= paths
    assert not any(p.startswith("/events") for p in paths)  # pages are not API
    assert client.get("/docs").status_code == 404  # FastAPI's docs page would load a CDN


# -- tokens, read-only, exposure -----------------------------------------------------------


def test_event_filters_are_the_same_options_in_the_cli_and_the_api(client: TestClient) -> None:
    """One declaration (FILTER_FIELDS) gives `khaldun query`'s options and the API's parameters."""
    schema = client.get("/api/openapi.json").json()
    wanted = [f.param for f in FILTER_FIELDS]
    for path in ("/api/events", "/api/map"):
        params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert [name for name in params if name in wanted] == wanted
        assert params["country"]["description"] == "Either actor's country (ISO-3)."
    for command in ("query", "export"):
        flags = [o for p in main.commands[command].params for o in p.opts]  # type: ignore[attr-defined]
        assert [flag.removeprefix("--") for flag in flags if flag.removeprefix("--") in wanted] == wanted


def test_admin_needs_token_and_writable(db: str, tmp_path: Path) -> None:
    with TestClient(create_app(ServeSettings(db=db))) as c:
        error(c.post("/api/admin/cluster"), 403, "forbidden")  # no token configured: disabled
    with TestClient(create_app(ServeSettings(db=db, token=TOKEN))) as c:
        error(c.post("/api/admin/cluster"), 401, "unauthorized")
        error(c.post("/api/admin/cluster", headers={"Authorization": "Bearer wrong"}), 401)
        error(c.post("/api/admin/cluster", headers={"Authorization": f"Bearer {TOKEN}"}), 403, "read_only")
    copy = build_store(str(tmp_path / "w.duckdb"))
    with TestClient(create_app(ServeSettings(db=copy, token=TOKEN, writable=True))) as c:
        done = data(c.post("/api/admin/cluster", headers={"Authorization": f"Bearer {TOKEN}"}))
        assert done == {"clusters": 10}


def test_exposed_host_needs_token_for_code(db: str) -> None:
    settings = ServeSettings(db=db, host="0.0.0.0", token=TOKEN)
    with TestClient(create_app(settings, pipeline_factory=lambda: handmade_pipeline(COMPOUND))) as c:
        error(c.post("/api/code", json={"text": "Iran"}), 401)
        assert 'type="password"' in c.get("/code").text


def test_store_is_read_only(db: str) -> None:
    app = create_app(ServeSettings(db=db))
    with TestClient(app):
        store = app.state.resources.store
        with pytest.raises(Exception, match="read-only"):
            store.fetch("DELETE FROM events")


def test_exposure_rules() -> None:
    assert (
        is_loopback("127.0.0.1")
        and is_loopback("localhost")
        and is_loopback("::1")
        and is_loopback("127.0.0.2")
    )
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")
    check_exposure("127.0.0.1", None)
    check_exposure("0.0.0.0", TOKEN)
    with pytest.raises(ServeError, match="without a token"):
        check_exposure("0.0.0.0", None)
    with pytest.raises(ServeError, match="too short"):
        check_exposure("0.0.0.0", "short")


def test_serve_command_refuses(tmp_path: Path, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KHALDUN_SERVE_TOKEN", raising=False)
    runner = CliRunner()
    exposed = runner.invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert exposed.exit_code == 2 and "without a token" in exposed.output
    missing = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no DuckDB database" in missing.output
    empty = tmp_path / "token"
    empty.write_text("\n")
    blank = runner.invoke(main, ["serve", "--db", db, "--host", "0.0.0.0", "--token-file", str(empty)])
    assert blank.exit_code == 2
    not_khaldun = tmp_path / "other.duckdb"
    import duckdb

    duckdb.connect(str(not_khaldun)).close()
    other = runner.invoke(main, ["serve", "--db", str(not_khaldun)])
    assert other.exit_code == 1 and "not a khaldun store" in other.output


def test_locked_store_gives_a_clear_message(tmp_path: Path) -> None:
    """An ingest (a read-write process) holds the file: the server says so and exits."""
    import subprocess
    import sys

    db = build_store(str(tmp_path / "locked.duckdb"))

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({db!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        result = CliRunner().invoke(main, ["serve", "--db", db])
        assert result.exit_code == 1
        assert "Only one process may use a DuckDB file" in result.output and "khaldun ingest" in result.output
    finally:
        holder.kill()
        holder.wait()


def test_json_envelope_for_validation_detail(client: TestClient) -> None:
    err = error(client.get("/api/events", params={"limit": "ten"}), 422, "invalid_request")
    assert err["detail"][0]["where"] == "query.limit" and "limit" in err["message"]
    assert json.loads(json.dumps(err))
