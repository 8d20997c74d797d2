"""Fixtures and builders shared by the store, aggregate and corpus tests (no tests here).

``any_store`` runs a test against every store: DuckDB in a temporary file,
and the real PostgreSQL server in a schema made for the test and dropped
after. PostgreSQL must be reachable (``KHALDUN_TEST_POSTGRES``, default
``postgresql://postgres@127.0.0.1:5432/test``); a test fails loudly when it is
not, unless ``KHALDUN_SKIP_POSTGRES=1``.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.nlp.base import ParsedDoc
from khaldun.store import Batch, Store, open_store
from khaldun.store.rows import event_row

PG_URL = os.environ.get("KHALDUN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def postgres_schema_url() -> tuple[str, Any, str]:
    """A fresh schema in the test database: (url using it, admin connection, schema name)."""
    import psycopg

    if os.environ.get("KHALDUN_SKIP_POSTGRES") == "1":
        pytest.skip("KHALDUN_SKIP_POSTGRES=1: PostgreSQL store tests skipped on purpose")
    try:
        admin = psycopg.connect(PG_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(
            f"PostgreSQL is not reachable at {PG_URL} ({exc}). The store tests need it; start it, point "
            "KHALDUN_TEST_POSTGRES at one, or set KHALDUN_SKIP_POSTGRES=1 to skip them on purpose."
        )
    schema = f"khaldun_test_{uuid.uuid4().hex[:12]}"
    admin.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}", admin, schema


@pytest.fixture(params=["duckdb", "postgres"])
def store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    if request.param == "duckdb":
        yield str(tmp_path / "events.duckdb")
        return
    url, admin, schema = postgres_schema_url()
    try:
        yield url
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


@pytest.fixture
def any_store(store_url: str) -> Iterator[Store]:
    store = open_store(store_url)
    try:
        yield store
    finally:
        store.close()


class NullBackend:
    """Parses every text into nothing: ingest runs without a model and codes no events."""

    name = "null"

    def parse(self, text: str) -> ParsedDoc:
        return ParsedDoc(text, (), (), ())

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
        return (self.parse(t) for t in texts)


def null_pipeline() -> Pipeline:
    return Pipeline(load_config(), nlp=NullBackend())


def actor(code: str, country: str | None = None, *, ident: str | None = None) -> dict[str, Any]:
    return {
        "text": code,
        "id": ident or f"test:{code}",
        "name": code,
        "code": code,
        "country": country or code[:3],
        "sector": code[3:] or None,
        "known": True,
    }


QUAD = {
    "04": (1, "CONSULT"),
    "05": (1, "SUPPORT"),
    "06": (2, "COOPERATE"),
    "11": (3, "ACCUSE"),
    "13": (3, "THREATEN"),
    "19": (4, "ASSAULT"),
}


def event(
    doc_id: str,
    n: int,
    source: str,
    target: str | None,
    cameo: str,
    day: str | None,
    *,
    goldstein: float = 1.0,
    modality: str = "asserted",
    place: str | None = None,
    sentence: str = "A sentence.",
) -> dict[str, Any]:
    """An event JSON (as Event.to_dict()) built by hand."""
    quad, plover = QUAD[cameo[:2]]
    return {
        "doc_id": doc_id,
        "event_id": f"{doc_id}-e{n}",
        "source": actor(source),
        "target": actor(target) if target else None,
        "cameo": cameo,
        "cameo_name": f"code {cameo}",
        "root": cameo[:2],
        "plover": plover,
        "plover_mode": None,
        "quad_class": quad,
        "goldstein": goldstein,
        "modality": modality,
        "date": {"value": day, "precision": "day", "text": None} if day else None,
        "location": {
            "name": place,
            "country": "IRN",
            "admin1": None,
            "lat": 35.7,
            "lon": 51.4,
            "gazetteer_id": "112931",
            "text": place,
        }
        if place
        else None,
        "amount": None,
        "evidence": {
            "sentence": sentence,
            "start": 10 * n,
            "end": 10 * n + len(sentence),
            "trigger": {"text": "met", "start": 10 * n + 2, "end": 10 * n + 5},
        },
        "confidence": 0.9,
        "rule": "test",
    }


def document_row(
    doc_id: str,
    *,
    source: str = "Test Wire",
    published: dt.date | None = dt.date(2021, 1, 1),
    duplicate_of: str | None = None,
    n_events: int = 0,
    text: str | None = None,
) -> tuple[Any, ...]:
    return (
        doc_id,
        f"hash-{doc_id}",
        f"title {doc_id}",
        source,
        f"https://example.org/{doc_id}",
        published,
        "input" if published else "missing",
        "en",
        10,
        text or f"text of {doc_id}",
        b"\x00" * 256,
        "duplicate" if duplicate_of else "coded",
        duplicate_of,
        0.9 if duplicate_of else None,
        n_events,
        dt.datetime(2021, 1, 2, 3, 4, 5),
    )


def store_events(store: Store, events: list[dict[str, Any]], docs: list[tuple[Any, ...]]) -> None:
    store.write_batch(Batch(documents=docs, events=[event_row(e) for e in events]))


def sample(store: Store) -> list[dict[str, Any]]:
    """A small hand-made store: IRQ–IRN meetings reported twice, a duplicate article, conflict in February."""
    events = [
        # One meeting in Tehran reported by two articles (d1, d2) a day apart: one happening.
        event("d1", 1, "IRQGOV", "IRNGOV", "040", "2021-01-11", goldstein=1.0, place="Tehran"),
        event("d2", 1, "IRQGOV", "IRNGOV", "042", "2021-01-12", goldstein=1.9, place="Tehran"),
        # Same dyad and root but five days later: another happening.
        event("d2", 2, "IRQGOV", "IRNGOV", "040", "2021-01-17", goldstein=1.0, place="Tehran"),
        # A planned visit is not the visit.
        event("d2", 3, "IRQGOV", "IRNGOV", "042", "2021-01-20", goldstein=1.9, modality="planned"),
        event("d1", 2, "IRQ", "IRN", "051", "2021-01-11", goldstein=3.4),
        event("d3", 1, "IRN", "IRQ", "111", "2021-02-03", goldstein=-2.0, sentence="Iran criticized Iraq."),
        event("d3", 2, "IRN", "USA", "130", "2021-02-03", goldstein=-4.4),
        event("d4", 1, "IRN", "USAMIL", "190", "2021-02-20", goldstein=-10.0),
        event("d4", 2, "IRQ", None, "111", "2021-02-20", goldstein=-2.0),
        event("d5", 1, "IRQ", "IRN", "060", None, goldstein=6.0),
    ]
    docs = [
        document_row("d1", source="Tigris Herald", n_events=2),
        document_row("d2", source="Basra Times", n_events=3),
        document_row("d1copy", source="Gulf Ledger", duplicate_of="d1"),
        document_row("d3", source="Tigris Herald", n_events=2),
        document_row("d4", source="Levant Wire", n_events=2),
        document_row("d5", source="Levant Wire", published=None, n_events=1),
    ]
    store_events(store, events, docs)
    return events
