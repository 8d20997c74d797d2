"""Every table has a key, and two ingests at once store every row once (both stores).

PostgreSQL takes two ingests at once: both look up what is stored before either
writes (a barrier in the parser holds them there), so both write the same rows.
A DuckDB file takes one writer: the second ingest gets a clear error, and the
first stores everything once.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import khaldun.store.base
from khaldun.cli.main import main
from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.corpus.ingest import IngestReport, ingest
from khaldun.model import Document
from khaldun.nlp.base import ParsedDoc
from khaldun.store import Batch, Store, open_store
from khaldun.store.schema import MIGRATIONS
from tests.store.test_store_support import (  # noqa: F401
    document_row,
    null_pipeline,
    postgres_schema_url,
    store_url,
)

ROOT = Path(__file__).resolve().parents[2]

# Hand-written reports, different enough that none is a near-duplicate of another.
TEXTS = [
    "Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran on Monday.",
    "Iran's foreign minister accused Washington of sabotaging the nuclear talks in Vienna.",
    "Saudi Arabia pledged two billion dollars in aid to rebuild the port of Basra.",
    "Turkish troops shelled villages near Dohuk, the Kurdistan Regional Government said.",
    "The United Nations envoy urged Baghdad and Erbil to settle their dispute over oil revenues.",
    "Protesters in Nasiriyah demanded jobs and electricity outside the provincial council.",
    "Jordan and Egypt signed an agreement to link their power grids with Iraq by next year.",
    "The Iraqi parliament postponed a vote on the budget after a row over Kurdish salaries.",
]


def corpus() -> list[Document]:
    return [Document(text=t, url=f"https://news.example/{i}") for i, t in enumerate(TEXTS)]


def row_counts(store: Store) -> dict[str, int]:
    """Rows of documents and doc_bands, and distinct rows of doc_bands."""
    [docs] = store.fetch("SELECT COUNT(*) AS n FROM documents")
    [bands] = store.fetch("SELECT COUNT(*) AS n FROM doc_bands")
    [distinct] = store.fetch(
        "SELECT COUNT(*) AS n FROM (SELECT DISTINCT band, hash, doc_id FROM doc_bands) d"
    )
    return {"documents": int(docs["n"]), "bands": int(bands["n"]), "distinct_bands": int(distinct["n"])}


def test_every_table_has_a_primary_key(store_url: str) -> None:  # noqa: F811
    with open_store(store_url) as store:
        tables = {
            r["table_name"]
            for r in store.fetch(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            )
        }
        keyed = {
            r["table_name"]
            for r in store.fetch(
                "SELECT table_name FROM information_schema.table_constraints "
                "WHERE table_schema = current_schema() AND constraint_type = 'PRIMARY KEY'"
            )
        }
    assert "doc_bands" in tables
    assert tables - keyed == set()


def test_the_key_migration_keeps_one_row_of_each_band(
    store_url: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A store doubled by two ingests before the key existed is repaired: nothing else is lost."""
    monkeypatch.setattr(
        khaldun.store.base, "MIGRATIONS", tuple(m for m in MIGRATIONS if m.name != "key_doc_bands")
    )
    with open_store(store_url) as store:  # the schema as it was before the key
        store.write_batch(Batch(documents=[document_row("d1"), document_row("d2")]))
        store.fetch(
            "INSERT INTO doc_bands (band, hash, doc_id) VALUES "
            "(0, 11, 'd1'), (1, 12, 'd1'), (0, 11, 'd1'), (0, 21, 'd2'), (0, 21, 'd2') RETURNING band"
        )
    monkeypatch.undo()
    with open_store(store_url) as store:
        assert store.applied_migrations()[-1] == (MIGRATIONS[-1].version, MIGRATIONS[-1].name)
        bands = store.fetch("SELECT band, hash, doc_id FROM doc_bands ORDER BY doc_id, band")
        assert [tuple(r.values()) for r in bands] == [(0, 11, "d1"), (1, 12, "d1"), (0, 21, "d2")]
        assert row_counts(store)["documents"] == 2
        assert sorted(store.band_matches([11, 21])) == [(0, 11, "d1"), (0, 21, "d2")]


class MeetingBackend:
    """Parses nothing, but each ingest's first parse waits for the other ingest to get there too:
    by then both have looked up what is stored, and neither has written."""

    name = "meeting"

    def __init__(self, barrier: threading.Barrier) -> None:
        self.barrier = barrier
        self.met = False

    def parse(self, text: str) -> ParsedDoc:
        return ParsedDoc(text, (), (), ())

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
        if not self.met:
            self.met = True
            self.barrier.wait()
        return (self.parse(t) for t in texts)


@pytest.mark.parametrize("new_store", [False, True], ids=["existing-store", "new-store"])
def test_two_postgres_ingests_at_once_store_every_row_once(new_store: bool) -> None:
    """On a store that exists, and on a new one (both ingests then create its tables at once)."""
    url, admin, schema = postgres_schema_url()
    if not new_store:
        open_store(url).close()
    barrier = threading.Barrier(2, timeout=120)  # the timeout only ends a test that would hang
    reports: list[IngestReport] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(url) as store:
                pipeline = Pipeline(load_config(), nlp=MeetingBackend(barrier))
                reports.append(ingest(corpus(), store, pipeline))
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            barrier.abort()
            failures.append(exc)

    try:
        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert [r.coded for r in reports] == [len(TEXTS), len(TEXTS)]  # both wrote every document
        with open_store(url, read_only=True) as store:
            counts = row_counts(store)
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()
    assert counts["documents"] == len(TEXTS)
    assert counts["bands"] == counts["distinct_bands"] > 0


# A first ingest into a DuckDB file that stops after its lookups until told to go on.
HOLDER = textwrap.dedent(
    """
    import sys
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import load_config
    from khaldun.corpus.ingest import ingest
    from khaldun.nlp.base import ParsedDoc
    from khaldun.store import open_store
    from tests.store.test_store_keys import corpus

    class Held:
        name = "held"
        met = False
        def parse(self, text):
            return ParsedDoc(text, (), (), ())
        def parse_many(self, texts, *, batch_size=16):
            if not self.met:
                self.met = True
                print("ready", flush=True)
                sys.stdin.readline()
            return (self.parse(t) for t in texts)

    with open_store(sys.argv[1]) as store:
        report = ingest(corpus(), store, Pipeline(load_config(), nlp=Held()))
    print("coded", report.coded, flush=True)
    """
)


def test_a_second_duckdb_ingest_gets_a_clear_error_and_nothing_is_stored_twice(tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    inputs = tmp_path / "reports.txt"
    inputs.write_text(TEXTS[0] + "\n", encoding="utf-8")
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert first.stdout is not None and first.stdin is not None
        assert first.stdout.readline().strip() == "ready"
        second = CliRunner().invoke(main, ["ingest", str(inputs), "--db", db, "--quiet"])
        first.stdin.write("go\n")
        first.stdin.flush()
        assert first.stdout.readline().split() == ["coded", str(len(TEXTS))]
    finally:
        first.kill()
        first.wait()
    assert second.exit_code == 1
    assert f"the DuckDB store {db} is in use by another process (PID {first.pid})" in second.output
    assert "khaldun serve" in second.output and "PostgreSQL" in second.output
    assert "-readonly" not in second.output and "duckdb.org" not in second.output
    with open_store(db) as store:
        again = ingest(corpus(), store, null_pipeline())
        assert (again.existing, again.coded) == (len(TEXTS), 0)
        counts = row_counts(store)
    assert counts["documents"] == len(TEXTS) and counts["bands"] == counts["distinct_bands"] > 0
