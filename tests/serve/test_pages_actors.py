"""Actor pages for every kind of actor id the events carry: countries, people, organisations.

Event pages link to ``/actors/<id>``; each such page renders (200) with the
knowledge-base entry when the knowledge base has it, and an id no event names
is a 404 page, never a server error.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.serve import ServeSettings, create_app
from khaldun.store import open_store
from tests.conftest import handmade_pipeline
from tests.store.test_store_support import document_row, event, store_events


def _with_actor(ev: dict[str, Any], side: str, ident: str, name: str, code: str) -> dict[str, Any]:
    ev = copy.deepcopy(ev)
    ev[side].update(id=ident, name=name, code=code, country=code[:3], sector=code[3:] or None, text=name)
    return ev


def _events() -> list[dict[str, Any]]:
    """A country, a person with dated roles and an organisation, as the coder writes their ids."""
    meeting = event("p1", 1, "IRQ", "IRN", "040", "2021-01-11")
    meeting = _with_actor(meeting, "source", "person:barham_salih", "Barham Salih", "IRQGOV")
    meeting = _with_actor(meeting, "target", "country:IRN", "Iran", "IRN")
    appeal = event("p1", 2, "IRQ", "IRN", "040", "2021-01-12")
    appeal = _with_actor(appeal, "source", "country:IRQ", "Iraq", "IRQ")
    appeal = _with_actor(appeal, "target", "org:united_nations", "United Nations", "IGOUNO")
    return [meeting, appeal]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("pages") / "events.duckdb")
    with open_store(db) as store:
        store_events(store, _events(), [document_row("p1", n_events=2)])
        rebuild_clusters(store)
    app = create_app(ServeSettings(db=db), pipeline_factory=lambda: handmade_pipeline())
    with TestClient(app) as c:
        yield c


@pytest.mark.parametrize(
    ("ident", "name", "kb_text"),
    [
        ("country:IRQ", "Iraq", "state · Iraq"),
        ("country:IRN", "Iran", "state · Iran"),
        ("person:barham_salih", "Barham Salih", "President"),
        ("org:united_nations", "United Nations", "United Nations"),
    ],
)
def test_actor_page_of_every_id_kind_renders(client: TestClient, ident: str, name: str, kb_text: str) -> None:
    response = client.get(f"/actors/{ident}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert f'<h1 id="actor-name">{name}</h1>' in response.text
    assert "In the knowledge base" in response.text and kb_text in response.text


def test_person_page_lists_the_dated_roles(client: TestClient) -> None:
    page = client.get("/actors/person:barham_salih").text
    assert 'id="roles"' in page and "2018-10-02" in page and "IRQGOV" in page


def test_event_page_links_reach_the_actor_pages(client: TestClient) -> None:
    page = client.get("/events/p1-e2").text
    assert 'href="/actors/country%3AIRQ"' in page
    assert client.get("/actors/country%3AIRQ").status_code == 200


@pytest.mark.parametrize("ident", ["person:nobody_at_all", "country:XYZ", "org:no_such_org", "NOBODY"])
def test_unknown_actor_is_a_404_page(client: TestClient, ident: str) -> None:
    response = client.get(f"/actors/{ident}")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no event names the actor" in response.text and ident in response.text
