"""The store contract: one suite, run against DuckDB and the real PostgreSQL server."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.corpus.dedup import Fingerprint
from khaldun.errors import QueryError, RegistryError, StoreError
from khaldun.export.exporters import EXPORTERS, GDELT_COLUMNS, write_graphml
from khaldun.store import SCHEMA_VERSION, Batch, aggregates, open_store, queries, store_kind
from khaldun.store.filters import EventFilter
from khaldun.store.schema import MIGRATIONS
from tests.store.test_store_support import any_store, document_row, event, sample, store_events, store_url  # noqa: F401


def test_migrations_are_named_recorded_and_applied_once(store_url: str) -> None:  # noqa: F811
    with open_store(store_url) as store:
        assert store.applied_migrations() == [(m.version, m.name) for m in MIGRATIONS]
        assert store.applied_migrations()[-1][0] == SCHEMA_VERSION
    with open_store(store_url) as store:
        assert store.migrate() == []


def test_readers_open_the_store_read_only(store_url: str) -> None:  # noqa: F811
    """Read-only: writes fail in the database itself, and there is no migrating (the schema must be current)."""
    if store_url.startswith("postgresql"):
        with pytest.raises(StoreError, match="not a khaldun store"):
            open_store(store_url, read_only=True)
    else:
        with pytest.raises(StoreError, match="no DuckDB database"):
            open_store(store_url, read_only=True)
    with open_store(store_url) as store:
        sample(store)
    with open_store(store_url, read_only=True) as store:
        assert store.read_only and queries.count_events(store) == 10
        assert len(list(queries.iter_events(store))) == 10
        with pytest.raises(Exception, match="read-only|read only"):
            store.fetch("DELETE FROM events")
    with open_store(store_url) as store:
        assert not store.read_only
        store.fetch(f"DELETE FROM schema_migrations WHERE version = {SCHEMA_VERSION} RETURNING version")
    with pytest.raises(StoreError, match="older than .* run `khaldun cluster"):
        open_store(store_url, read_only=True)


def test_store_is_chosen_by_url() -> None:
    assert store_kind("events.duckdb") == "duckdb"
    assert store_kind("postgresql://u@h/db") == "postgres"
    with pytest.raises(RegistryError, match="Available: duckdb, postgres"):
        store_kind("mysql://u@h/db")


def test_event_round_trip(any_store) -> None:  # noqa: F811
    original = event("d1", 1, "IRQGOV", "IRNGOV", "042", "2021-01-11", place="Tehran")
    original["amount"] = {"value": 20000000000, "currency": "USD", "text": "$20 billion"}
    original["date"] = {"value": "2021-01", "precision": "month", "text": "in January"}
    store_events(any_store, [original], [document_row("d1")])
    [back] = queries.events(any_store)
    back.pop("cluster_id")
    # The read layer adds what the store knows besides the event (its document, counts).
    assert {k: back[k] for k in original} == original


def test_batches_are_idempotent(any_store) -> None:  # noqa: F811
    events = [event("d1", 1, "IRQ", "IRN", "040", "2021-01-11")]
    for _ in range(2):
        store_events(any_store, events, [document_row("d1")])
    assert queries.summary(any_store)["documents"] == 1
    assert queries.count_events(any_store) == 1
    assert any_store.existing_documents(["d1", "d9"]) == {"d1"}


def test_dedup_lookups(any_store) -> None:  # noqa: F811
    fp = Fingerprint.of("Iraq and Iran signed an agreement on electricity trade in Baghdad on Monday.")
    row = list(document_row("d1"))
    row[1], row[10] = fp.text_hash, fp.signature.tobytes()
    any_store.write_batch(Batch(documents=[tuple(row)], bands=[(b, h, "d1") for b, h in enumerate(fp.bands)]))
    assert any_store.canonical_by_text_hash([fp.text_hash, "nope"]) == {fp.text_hash: "d1"}
    assert sorted(any_store.band_matches(list(fp.bands))) == sorted(
        (b, h, "d1") for b, h in enumerate(fp.bands)
    )
    blob, dup = any_store.signatures(["d1"])["d1"]
    assert blob == fp.signature.tobytes() and dup is None


def test_clusters_count_mentions_articles_and_sources(any_store) -> None:  # noqa: F811
    sample(any_store)
    assert rebuild_clusters(any_store) == 9
    assert rebuild_clusters(any_store) == 9  # re-runnable: same result
    clusters = queries.events(
        any_store, EventFilter(dyad=("IRQGOV", "IRNGOV"), modality="asserted"), level="clustered"
    )
    assert [
        (c["date"]["value"], c["cameo"], c["num_mentions"], c["num_articles"], c["num_sources"])
        for c in clusters
    ] == [("2021-01-11", "040", 2, 3, 3), ("2021-01-17", "040", 1, 1, 1)]
    assert clusters[0]["last_date"] == "2021-01-12"
    raw = queries.events(any_store, EventFilter(doc_id="d2"))
    assert {e["cluster_id"] for e in raw[:2]} == {clusters[0]["cluster_id"], clusters[1]["cluster_id"]}


def test_dyad_series_by_month(any_store) -> None:  # noqa: F811
    sample(any_store)
    rebuild_clusters(any_store)
    rows = aggregates.dyad_series(any_store, "IRQ", "IRN", by="month", f=EventFilter(modality="asserted"))
    assert [(r["period"], r["events"], r["a_to_b"], r["b_to_a"]) for r in rows] == [
        ("2021-01-01", 3, 3, 0),
        ("2021-02-01", 1, 0, 1),
    ]
    jan, feb = rows
    assert jan["verbal_cooperation"] == 3 and jan["cooperation"] == 3 and jan["conflict"] == 0
    assert jan["goldstein_sum"] == pytest.approx(1.0 + 1.0 + 3.4)  # clusters take their most frequent code
    assert jan["plover"] == {"CONSULT": 2, "SUPPORT": 1}
    assert feb["verbal_conflict"] == 1 and feb["goldstein_mean"] == -2.0
    raw = aggregates.dyad_series(any_store, "IRQ", "IRN", by="month", level="raw")
    assert [r["events"] for r in raw] == [5, 1]  # every report, planned visit included
    weekly = aggregates.dyad_series(any_store, "IRQ", "IRN", by="week", f=EventFilter(modality="asserted"))
    # a continuous axis: the weeks without events are rows of zeros
    assert [(r["period"], r["events"]) for r in weekly] == [
        ("2021-01-11", 3),
        ("2021-01-18", 0),
        ("2021-01-25", 0),
        ("2021-02-01", 1),
    ]
    directed = aggregates.dyad_series(
        any_store, "IRQ", "IRN", directed=True, f=EventFilter(modality="asserted")
    )
    assert [r["events"] for r in directed] == [3]


def test_network_edges(any_store) -> None:  # noqa: F811
    sample(any_store)
    rebuild_clusters(any_store)
    edges = aggregates.network(any_store, EventFilter(modality="asserted"))
    assert [(e["source"], e["target"], e["weight"]) for e in edges] == [
        ("IRQ", "IRN", 2),
        ("IRQGOV", "IRNGOV", 2),
        ("IRN", "IRQ", 1),
        ("IRN", "USA", 1),
        ("IRN", "USAMIL", 1),
    ]
    february = aggregates.network(
        any_store,
        EventFilter(since=dt.date(2021, 2, 1), until=dt.date(2021, 2, 28)),
        node="country",
        level="raw",
    )
    assert {
        (e["source"], e["target"]): (e["weight"], e["conflict"], e["goldstein_sum"]) for e in february
    } == {("IRN", "IRQ"): (1, 1, -2.0), ("IRN", "USA"): (2, 2, -14.4)}
    out = io.StringIO()
    write_graphml(edges, out)
    assert out.getvalue().count("<edge ") == 5 and 'source="IRQGOV" target="IRNGOV"' in out.getvalue()


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (EventFilter(actor="IRQGOV"), 4),
        (EventFilter(actor="irq"), 8),
        (EventFilter(source="IRN"), 3),
        (EventFilter(target="USAMIL"), 1),
        (EventFilter(dyad=("IRN", "IRQ")), 1),
        (EventFilter(country="USA"), 2),
        (EventFilter(code="04"), 4),
        (EventFilter(code="042"), 2),
        (EventFilter(root="19"), 1),
        (EventFilter(plover="consult"), 4),
        (EventFilter(modality="planned"), 1),
        (EventFilter(since=dt.date(2021, 2, 1)), 4),
        (EventFilter(until=dt.date(2021, 1, 12)), 3),
        (EventFilter(place="tehr"), 3),
        (EventFilter(text="criticized"), 1),
        (EventFilter(doc_id="d4"), 2),
        (EventFilter(actor="IRQ", since=dt.date(2021, 1, 12), until=dt.date(2021, 1, 31)), 3),
    ],
)
def test_filters(any_store, f: EventFilter, expected: int) -> None:  # noqa: F811
    sample(any_store)
    assert len(queries.events(any_store, f)) == expected
    assert queries.count_events(any_store, f) == expected


@pytest.mark.parametrize(
    "evil",
    [
        "'; DROP TABLE events; --",
        "x' OR '1'='1",
        "%",
        "_",
        "\\",
        'IRQ" OR 1=1 --',
        "'); DELETE FROM documents; --",
    ],
)
def test_filter_values_are_parameters_not_sql(any_store, evil: str) -> None:  # noqa: F811
    """Free text finds nothing; an actor or a code no event has is refused, by the checks, not by SQL."""
    sample(any_store)
    rebuild_clusters(any_store)
    for level in ("raw", "clustered"):
        for f in (EventFilter(text=evil), EventFilter(place=evil), EventFilter(doc_id=evil)):
            assert queries.events(any_store, f, level=level) == []
        for f in (EventFilter(actor=evil), EventFilter(code=evil), EventFilter(dyad=(evil, evil))):
            with pytest.raises(QueryError, match="unknown CAMEO code|no stored event names the actor"):
                queries.events(any_store, f, level=level)
    with pytest.raises(QueryError, match="no stored event names the actor"):
        aggregates.dyad_series(any_store, evil, evil)
    assert queries.summary(any_store)["events"] == 10  # nothing dropped or deleted


def test_limit_offset_and_levels(any_store) -> None:  # noqa: F811
    sample(any_store)
    rebuild_clusters(any_store)
    everything = queries.events(any_store)
    assert queries.events(any_store, limit=3, offset=2) == everything[2:5]
    assert len(list(queries.iter_events(any_store, level="clustered"))) == 9
    with pytest.raises(QueryError, match="choose one of raw, clustered"):
        queries.events(any_store, level="cooked")


def test_exports(any_store, tmp_path) -> None:  # noqa: F811
    import pyarrow.parquet as pq

    sample(any_store)
    rebuild_clusters(any_store)
    for name in ("csv", "jsonl", "plover"):
        out = io.StringIO()
        assert EXPORTERS[name](queries.iter_events(any_store), out) == 10
    plover = json.loads(out.getvalue().splitlines()[0])
    assert {"id", "date", "event", "mode", "context", "source", "target", "eventText", "eventLoc"} <= set(
        plover
    )
    assert plover["source"][0]["code"] == "IRQ" and plover["source"][0]["sector"] == "GOV"
    path = tmp_path / "events.parquet"
    assert EXPORTERS["parquet"](queries.iter_events(any_store, level="clustered"), str(path)) == 9
    table = pq.read_table(path)
    assert table.num_rows == 9 and "num_articles" in table.column_names
    out = io.StringIO()
    EXPORTERS["gdelt"](queries.iter_events(any_store, level="clustered"), out)
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert lines[0] == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    rows = [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]
    meeting = next(r for r in rows if r["SQLDATE"] == "20210111" and r["EventRootCode"] == "04")
    assert (meeting["Actor1Code"], meeting["Actor2Code"], meeting["NumMentions"], meeting["NumArticles"]) == (
        "IRQGOV",
        "IRNGOV",
        "2",
        "3",
    )
    assert meeting["ActionGeo_FullName"] == "Tehran" and meeting["SOURCEURL"] == "https://example.org/d1"
