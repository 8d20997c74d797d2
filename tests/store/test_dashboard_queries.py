"""The read layer's dashboard questions (span, QuadClass series, top actors and dyads, modalities,
countries, the network by QuadClass, code names and search), on DuckDB and PostgreSQL.

The hand-made sample of the store tests, plus an actor of no country (``---GOV``) and a person coded
``SYRGOV``, counted by hand at the raw level.
"""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.errors import QueryError
from khaldun.store import aggregates
from khaldun.store.filters import EventFilter
from tests.store.test_store_support import any_store, document_row, event, sample, store_events, store_url  # noqa: F401


def _extra() -> list[dict]:
    """An unnamed official of no country accusing Iraq, and a Syrian minister (a person) praising Iraq."""
    officials = copy.deepcopy(event("d6", 1, "---GOV", "IRQ", "111", "2021-02-21", goldstein=-2.0))
    officials["source"].update(id="group:---GOV", name="officials", country=None)
    minister = copy.deepcopy(event("d6", 2, "SYRGOV", "IRQ", "051", "2021-02-22", goldstein=3.4))
    minister["source"].update(id="person:some_minister", name="Some Minister")
    return [officials, minister]


@pytest.fixture
def store(any_store):  # noqa: F811
    sample(any_store)
    store_events(any_store, _extra(), [document_row("d6", n_events=2)])
    rebuild_clusters(any_store)
    return any_store


def test_span_and_auto_period(store) -> None:
    assert aggregates.date_span(store, level="raw") == {
        "first": "2021-01-11",
        "last": "2021-02-22",
        "dated": 11,
        "undated": 1,
    }
    span = aggregates.date_span(store, EventFilter(actor="USA"), level="raw")
    assert span == {"first": "2021-02-03", "last": "2021-02-20", "dated": 2, "undated": 0}
    nothing = aggregates.date_span(store, EventFilter(since=dt.date(2030, 1, 1)), level="raw")
    assert nothing == {"first": None, "last": None, "dated": 0, "undated": 0}
    day = dt.date(2021, 1, 1)
    assert aggregates.auto_period(day, day + dt.timedelta(days=100)) == "day"
    assert aggregates.auto_period(day, day + dt.timedelta(days=700)) == "week"
    assert aggregates.auto_period(day, day + dt.timedelta(days=4000)) == "month"
    assert (
        aggregates.auto_period(dt.date(1000, 1, 1), day) == "year"
    )  # a stray old date asks for no 12,000 months
    assert aggregates.auto_period(None, day) == "month"


def test_quad_series_is_continuous_with_zeros(store) -> None:
    rows = aggregates.quad_series(store, level="raw", by="month")
    table = {(r["period"], r["quad_class"]): r["events"] for r in rows}
    assert len(rows) == 8  # two months, four classes each
    assert table == {
        ("2021-01-01", 1): 5,
        ("2021-01-01", 2): 0,
        ("2021-01-01", 3): 0,
        ("2021-01-01", 4): 0,
        ("2021-02-01", 1): 1,  # the minister's praise
        ("2021-02-01", 2): 0,  # the only material cooperation is undated
        ("2021-02-01", 3): 4,
        ("2021-02-01", 4): 1,
    }
    wider = aggregates.quad_series(store, EventFilter(since=dt.date(2020, 12, 5)), level="raw", by="month")
    assert [r["events"] for r in wider[:4]] == [0, 0, 0, 0] and wider[0]["period"] == "2020-12-01"
    weeks = aggregates.quad_series(store, level="raw", by="week")
    assert {r["period"] for r in weeks} >= {"2021-01-11", "2021-01-25"}  # Mondays, a quiet week included
    with pytest.raises(QueryError, match="unknown period 'fortnight'"):
        aggregates.quad_series(store, by="fortnight")


def test_top_codes_leave_out_actors_of_no_country(store) -> None:
    top = aggregates.top_codes(store, level="raw", limit=4)
    assert top == [
        {"code": "IRQ", "events": 6, "as_source": 3, "as_target": 3},
        {"code": "IRN", "events": 5, "as_source": 3, "as_target": 2},
        {"code": "IRNGOV", "events": 4, "as_source": 0, "as_target": 4},
        {"code": "IRQGOV", "events": 4, "as_source": 4, "as_target": 0},
    ]
    every = {r["code"]: r["events"] for r in aggregates.top_codes(store, level="raw", limit=50, unknown=True)}
    assert every["---GOV"] == 1 and "---GOV" not in {
        r["code"] for r in aggregates.top_codes(store, level="raw", limit=50)
    }
    assert aggregates.top_codes(store, EventFilter(modality="planned"), level="raw") == [
        {"code": "IRNGOV", "events": 1, "as_source": 0, "as_target": 1},
        {"code": "IRQGOV", "events": 1, "as_source": 1, "as_target": 0},
    ]


def test_top_dyads_either_way(store) -> None:
    dyads = aggregates.top_dyads(store, level="raw", limit=3)
    assert [({d["a"], d["b"]}, d["events"]) for d in dyads] == [
        ({"IRNGOV", "IRQGOV"}, 4),
        ({"IRN", "IRQ"}, 3),
        ({"IRN", "USA"}, 1),  # ties by code
    ]
    iran_iraq = dyads[1]
    assert iran_iraq["a_to_b"] + iran_iraq["b_to_a"] == 3 and iran_iraq["cooperation"] == 2
    assert iran_iraq["conflict"] == 1
    forward = iran_iraq["a_to_b"] if iran_iraq["a"] == "IRN" else iran_iraq["b_to_a"]
    assert forward == 1  # Iran -> Iraq: the criticism
    unknown = aggregates.top_dyads(store, level="raw", limit=20, unknown=True)
    assert {"---GOV", "IRQ"} in [{d["a"], d["b"]} for d in unknown]
    countries = aggregates.top_dyads(store, level="raw", node="country")
    assert [({d["a"], d["b"]}, d["events"]) for d in countries] == [
        ({"IRN", "IRQ"}, 7),  # what a dyad of IRQ and IRN counts: every Iraqi and Iranian actor
        ({"IRN", "USA"}, 2),
        ({"IRQ", "SYR"}, 1),
    ]
    clustered = {frozenset((d["a"], d["b"])): d["events"] for d in aggregates.top_dyads(store)}
    assert clustered[frozenset(("IRNGOV", "IRQGOV"))] == 3  # the Tehran meeting reported twice: one happening


def test_modalities_and_countries(store) -> None:
    assert aggregates.modality_counts(store, level="raw") == [
        {"modality": "asserted", "events": 11, "share": 0.9167},
        {"modality": "planned", "events": 1, "share": 0.0833},
    ]
    places = aggregates.country_counts(store, level="raw")
    assert places == [
        {
            "country": "IRN",
            "events": 3,
            "verbal_cooperation": 3,
            "material_cooperation": 0,
            "verbal_conflict": 0,
            "material_conflict": 0,
        }
    ]
    actors = {r["country"]: r["events"] for r in aggregates.country_counts(store, level="raw", by="actor")}
    assert actors == {"IRQ": 10, "IRN": 9, "USA": 2, "SYR": 1}
    with pytest.raises(QueryError, match="unknown country count 'people'"):
        aggregates.country_counts(store, by="people")


def test_network_by_quad_adds_up_to_the_network(store) -> None:
    whole = {(e["source"], e["target"]): e["weight"] for e in aggregates.network(store, level="raw")}
    parts: dict[tuple[str, str], int] = {}
    for e in aggregates.network_by_quad(store, level="raw"):
        parts[(e["source"], e["target"])] = parts.get((e["source"], e["target"]), 0) + e["weight"]
    assert parts == whole
    quads = {
        (e["source"], e["target"], e["quad_class"]) for e in aggregates.network_by_quad(store, level="raw")
    }
    assert ("IRN", "USAMIL", 4) in quads and ("IRQGOV", "IRNGOV", 1) in quads


def test_code_names_are_never_a_persons_name(store) -> None:
    names = aggregates.code_names(store, ["IRQ", "---GOV", "SYRGOV", "NOPE"])
    assert names == {"IRQ": "IRQ", "---GOV": "officials"}  # SYRGOV is only ever a person here


def test_code_search_by_code_or_name(store) -> None:
    assert aggregates.code_search(store, "irq") == [
        {"code": "IRQ", "events": 6},
        {"code": "IRQGOV", "events": 4},
    ]
    assert aggregates.code_search(store, "minister") == [{"code": "SYRGOV", "events": 1}]
    assert aggregates.code_search(store, "%") == []  # a wildcard character is a character
