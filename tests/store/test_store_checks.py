"""Filter values are checked, and dyads have a continuous axis (the read layer, and the API over it).

A mistyped modality, code, root or PLOVER type is an error listing the valid
values; an actor no stored event names is an error with the closest known
codes. A valid value that matches nothing is still an honest empty answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.errors import QueryError
from khaldun.serve import ServeSettings, create_app
from khaldun.store import aggregates, open_store, queries
from khaldun.store.filters import EventFilter
from tests.store.test_store_support import any_store, document_row, event, sample, store_events, store_url  # noqa: F401

BAD_VALUES = [
    (
        EventFilter(modality="planed"),
        "unknown modality 'planed'; choose one of asserted, planned, postponed, cancelled, denied, "
        "negated, hypothetical",
    ),
    (EventFilter(root="99"), r"unknown CAMEO root '99' \(two digits\); choose one of 01, 02, .*, 19, 20"),
    (EventFilter(code="999"), r"unknown CAMEO code '999'; close codes: .*090 \(Investigate\)"),
    (EventFilter(code="42"), r"unknown CAMEO code '42'; close codes: 042 \(Make a visit\)"),
    (
        EventFilter(plover="NOTATYPE"),
        "unknown PLOVER type 'NOTATYPE'; choose one of AGREE, CONSULT, .*ASSAULT",
    ),
    (
        EventFilter(actor="XYZGOV"),
        r"no stored event names the actor 'XYZGOV' \(as a code, country or actor id\); "
        "closest known: IRNGOV, IRQGOV",
    ),
    (EventFilter(actor="IRK"), "no stored event names the actor 'IRK'.*closest known: IRN, IRQ"),
    (EventFilter(source="IRQGOVT"), "no stored event names the actor 'IRQGOVT'.*closest known: IRQGOV"),
    (EventFilter(dyad=("IRQ", "XYZ")), "no stored event names the actor 'XYZ'.*most frequent are: IRN, IRQ"),
]


@pytest.mark.parametrize(("f", "message"), BAD_VALUES)
def test_unknown_filter_values_are_errors(any_store, f: EventFilter, message: str) -> None:  # noqa: F811
    sample(any_store)
    for level in ("raw", "clustered"):
        with pytest.raises(QueryError, match=message):
            queries.events(any_store, f, level=level)
        with pytest.raises(QueryError, match=message):
            queries.count_events(any_store, f, level=level)
        with pytest.raises(QueryError, match=message):
            queries.iter_events(any_store, f, level=level)  # at the call, before any output is opened
        with pytest.raises(QueryError, match=message):
            aggregates.locations(any_store, f, level=level)
        with pytest.raises(QueryError, match=message):
            aggregates.network(any_store, f, level=level)


def test_dyads_refuse_an_actor_no_event_names(any_store) -> None:  # noqa: F811
    sample(any_store)
    with pytest.raises(QueryError, match="no stored event names the actor 'XYZ'"):
        aggregates.dyad_series(any_store, "IRQ", "XYZ")
    with pytest.raises(QueryError, match="no stored event names the actor 'IRK'.*closest known: IRN, IRQ"):
        queries.dyad_events(any_store, "IRK", "IRN")
    with pytest.raises(QueryError, match="unknown modality 'planed'"):
        aggregates.dyad_series(any_store, "IRQ", "IRN", f=EventFilter(modality="planed"))


def test_valid_values_that_match_nothing_are_empty_answers(any_store) -> None:  # noqa: F811
    sample(any_store)
    later = dt.date(2030, 1, 1)
    assert queries.events(any_store, EventFilter(modality="denied")) == []
    assert queries.events(any_store, EventFilter(actor="irq", since=later)) == []  # any case, as matched
    assert queries.events(any_store, EventFilter(root="20", plover="assault")) == []
    assert aggregates.dyad_series(any_store, "IRQ", "USA") == []  # both known, never together
    assert len(queries.events(any_store, EventFilter(source="test:IRQGOV"))) == 4  # an actor id


def test_an_empty_store_says_it_has_no_events(any_store) -> None:  # noqa: F811
    with pytest.raises(QueryError, match="names the actor 'IRQ'.*the store has no events yet"):
        queries.events(any_store, EventFilter(actor="IRQ"))


def test_dyad_series_have_a_continuous_axis(any_store) -> None:  # noqa: F811
    sample(any_store)  # IRQ–IRN events in January and February 2021
    store_events(
        any_store, [event("d6", 1, "IRQ", "IRN", "042", "2021-04-14", goldstein=1.9)], [document_row("d6")]
    )
    rows = aggregates.dyad_series(any_store, "IRQ", "IRN", level="raw", f=EventFilter(modality="asserted"))
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2021-01-01", 4),
        ("2021-02-01", 1),
        ("2021-03-01", 0),  # no event in March: a row of zeros, not a gap
        ("2021-04-01", 1),
    ]
    march = rows[2]
    assert march["cooperation"] == march["conflict"] == march["a_to_b"] == march["verbal_conflict"] == 0
    assert march["goldstein_sum"] == 0.0 and march["goldstein_mean"] is None and march["plover"] == {}
    framed = aggregates.dyad_series(
        any_store,
        "IRQ",
        "IRN",
        by="year",
        level="raw",
        f=EventFilter(since=dt.date(2019, 6, 1), until=dt.date(2022, 2, 1)),
    )
    assert [(r["period"], r["events"]) for r in framed] == [
        ("2019-01-01", 0),
        ("2020-01-01", 0),
        ("2021-01-01", 7),
        ("2022-01-01", 0),
    ]
    with pytest.raises(QueryError, match="over 36,600 periods: count by a longer period"):
        aggregates.dyad_series(
            any_store,
            "IRQ",
            "IRN",
            by="day",
            f=EventFilter(since=dt.date(1900, 1, 1), until=dt.date(2100, 1, 1)),
        )


# -- the same checks through the API (its parameters are built from the same filters) -------------


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("checks") / "events.duckdb")
    with open_store(db) as store:
        sample(store)
        rebuild_clusters(store)
    with TestClient(create_app(ServeSettings(db=db))) as c:
        yield c


@pytest.mark.parametrize(
    ("path", "params", "message"),
    [
        ("/api/events", {"modality": "planed"}, "unknown modality 'planed'; choose one of asserted"),
        ("/api/events", {"root": "99"}, "unknown CAMEO root '99'"),
        ("/api/events", {"code": "999"}, "unknown CAMEO code '999'"),
        ("/api/events", {"plover": "NOTATYPE"}, "unknown PLOVER type 'NOTATYPE'; choose one of AGREE"),
        ("/api/events", {"actor": "XYZGOV"}, "no stored event names the actor 'XYZGOV'"),
        ("/api/map", {"target": "IRQGOVT"}, "closest known: IRQGOV"),
        ("/api/dyads", {"a": "IRQ", "b": "XYZ"}, "no stored event names the actor 'XYZ'"),
        ("/api/dyads", {"a": "IRQ", "b": "IRN", "modality": "planed"}, "unknown modality 'planed'"),
        ("/api/dyads/events", {"a": "IRK", "b": "IRN", "period": "2021-01-01"}, "closest known: IRN, IRQ"),
        ("/api/network", {"modality": "planed"}, "unknown modality 'planed'"),
    ],
)
def test_the_api_answers_unknown_values_with_a_400(
    client: TestClient, path: str, params: dict[str, str], message: str
) -> None:
    response = client.get(path, params=params)
    body = response.json()
    assert response.status_code == 400 and body["ok"] is False, body
    assert body["error"]["code"] == "invalid_query" and message in body["error"]["message"]


def test_the_api_gives_the_continuous_axis(client: TestClient) -> None:
    body = client.get("/api/dyads", params={"a": "IRQ", "b": "IRN", "by": "week"}).json()
    assert [(r["period"], r["events"]) for r in body["data"]] == [
        ("2021-01-11", 3),
        ("2021-01-18", 0),
        ("2021-01-25", 0),
        ("2021-02-01", 1),
    ]
    assert client.get("/api/events", params={"modality": "denied"}).json()["data"] == []


def test_a_store_path_in_the_message_is_never_a_new_file(tmp_path: Path) -> None:
    """Reading a store that is not there is an error naming the path, and creates nothing."""
    from khaldun.errors import StoreError

    missing = tmp_path / "typo.duckdb"
    with pytest.raises(StoreError, match=f"no DuckDB database at {missing} .*check the --db path"):
        open_store(str(missing), create=False)
    with pytest.raises(StoreError, match=f"no DuckDB database at {missing}"):
        open_store(str(missing), read_only=True)
    assert not missing.exists()
