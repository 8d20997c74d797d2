"""Read-layer functions added for the API and dashboard, on DuckDB and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from khaldun.errors import QueryError
from khaldun.store import aggregates, queries
from khaldun.store.filters import EventFilter
from tests.serve.test_serve_support import fill
from tests.store.test_store_support import any_store, store_url  # noqa: F401


def test_sorting(any_store) -> None:  # noqa: F811
    fill(any_store)
    raw = queries.events(any_store, sort="-goldstein")
    assert [e["goldstein"] for e in raw] == sorted((e["goldstein"] for e in raw), reverse=True)
    clustered = queries.events(any_store, level="clustered", sort="-mentions")
    assert clustered[0]["num_mentions"] == 2
    assert queries.events(any_store) == queries.events(any_store, sort=None)  # default order kept
    with pytest.raises(QueryError, match="choose one of"):
        queries.events(any_store, sort="mentions")  # raw events have no mentions
    with pytest.raises(QueryError):
        queries.events(any_store, sort="date; DROP TABLE events")


def test_event_cluster_and_document(any_store) -> None:  # noqa: F811
    fill(any_store)
    level, raw = queries.event(any_store, "d1-e1")
    assert level == "raw" and raw["cluster_id"]
    level, cluster = queries.event(any_store, raw["cluster_id"])
    assert level == "clustered" and cluster["num_mentions"] == 2
    assert [e["event_id"] for e in queries.cluster_events(any_store, raw["cluster_id"])] == ["d1-e1", "d2-e1"]
    assert queries.event(any_store, "nope") is None
    doc = queries.document(any_store, "d1")
    assert doc["text"] == "text of d1" and [d["id"] for d in doc["duplicates"]] == ["d1copy"]
    assert queries.document(any_store, "' OR 1=1 --") is None
    assert queries.count_documents(any_store) == 7
    assert [d["id"] for d in queries.documents(any_store, limit=2, offset=1)] == ["d1copy", "d2"]


def test_dyad_events_are_those_the_series_counts(any_store) -> None:  # noqa: F811
    fill(any_store)
    f = EventFilter(modality="asserted")
    for by in ("week", "month"):
        for row in aggregates.dyad_series(any_store, "IRQ", "IRN", by=by, f=f):
            first, last = aggregates.period_range(dt.date.fromisoformat(row["period"]), by)
            behind = queries.dyad_events(
                any_store, "IRQ", "IRN", f=EventFilter(modality="asserted", since=first, until=last)
            )
            assert len(behind) == row["events"]
            assert sum(e["goldstein"] for e in behind) == pytest.approx(row["goldstein_sum"])
    period_range = aggregates.period_range
    assert period_range(dt.date(2024, 2, 1), "month") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period_range(dt.date(2021, 1, 13), "week") == (dt.date(2021, 1, 11), dt.date(2021, 1, 17))


def test_actors_and_profile(any_store) -> None:  # noqa: F811
    fill(any_store)
    found = aggregates.actors(any_store, "irq")
    assert {a["id"] for a in found} == {"test:IRQ", "test:IRQGOV"}
    assert aggregates.actors(any_store, "%") == [] and aggregates.actors(any_store, "_") == []
    assert aggregates.actors(any_store, limit=1)[0]["id"] == "test:IRN"
    profile = aggregates.actor_profile(any_store, "IRQGOV")
    assert profile["identities"][0]["code"] == "IRQGOV" and profile["identities"][0]["events"] == 4
    assert profile["codes"] == [{"period": "2021-01-01", "code": "IRQGOV", "events": 4}]
    assert profile["aliases"] == [{"text": "IRQGOV", "events": 4}]
    assert profile["partners"][0]["code"] == "IRNGOV" and profile["partners"][0]["as_source"] == 4
    assert aggregates.actor_profile(any_store, "nobody' OR '1'='1") is None


def test_locations(any_store) -> None:  # noqa: F811
    fill(any_store)
    places = aggregates.locations(any_store, level="raw")
    assert {(p["name"], p["quad_class"], p["events"]) for p in places} == {("Tehran", 1, 3), ("Basra", 3, 1)}
    assert (
        aggregates.locations(any_store, EventFilter(since=dt.date(2021, 3, 1)), level="clustered")[0]["name"]
        == "Basra"
    )
