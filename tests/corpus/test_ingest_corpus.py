"""Ingesting a corpus: readers, bad input, idempotence, duplicates, a killed run, real figures."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.corpus.ingest import IngestOptions, ingest
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.errors import InputError
from khaldun.model import Document
from khaldun.store import open_store, queries
from khaldun.store.filters import EventFilter
from tests.store.test_store_support import any_store, null_pipeline, store_url  # noqa: F401

DATA = Path(__file__).parents[1] / "data"
CORPUS = DATA / "corpus"
BAD = DATA / "corpus_bad"
ROOT = Path(__file__).resolve().parents[2]


def _read(*paths: Path) -> tuple[list[Document], list[InputError]]:
    docs, errors = [], []
    for item in read_corpus([str(p) for p in paths], ReadOptions()):
        (errors if isinstance(item, InputError) else docs).append(item)
    return docs, errors


def test_readers_take_metadata_from_every_format() -> None:
    docs, errors = _read(CORPUS)
    assert errors == []
    by_title = {d.title: d for d in docs}
    assert len(docs) == 10
    assert by_title["Kadhimi meets Rouhani in Tehran"].id == "tigris-0112"  # JSONL id kept
    csv_doc = by_title["Riyadh visit"]
    assert (csv_doc.source, csv_doc.url, csv_doc.published) == (
        "Gulf Ledger",
        "https://ledger.example/riyadh",
        dt.date(2021, 3, 8),
    )
    feed_doc = by_title["Zarif in Baghdad"]
    assert (feed_doc.source, feed_doc.published) == ("Levant Wire", dt.date(2021, 2, 3))
    assert feed_doc.text.startswith("Iranian Foreign Minister") and "<p>" not in feed_doc.text
    page = by_title["Tehran accuses Washington"]
    assert page.source == "Mesopotamia Monitor" and page.published == dt.date(2021, 3, 15)
    assert page.text.startswith("Iran accused") and "All rights reserved" not in page.text
    [note] = [d for d in docs if d.title is None]
    assert note.published is None and note.text.startswith("Iraqi President")
    again, _ = _read(CORPUS)
    assert [d.id for d in again] == [d.id for d in docs]  # ids come from content: stable


def test_bad_input_is_reported_per_document_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    docs, errors = _read(BAD, tmp_path / "binary.txt", tmp_path / "missing.txt")
    reasons = "\n".join(str(e) for e in errors)
    assert "broken.rss: not an RSS/Atom feed" in reasons
    assert "empty.html: no main text found" in reasons
    assert "fields.csv line 3: malformed CSV row: 3 fields, the header has 2" in reasons
    assert "rows.csv line" in reasons and "malformed CSV" in reasons
    assert "empty.txt: the input is empty" in reasons
    assert "binary.txt: this looks like a binary file" in reasons
    assert "missing.txt: no such file" in reasons
    assert len(errors) == 7
    assert [d.text for d in docs] == [
        "Iraq criticized Iran.",
        "Iraq criticized Iran.",
    ]  # good rows of both CSVs


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Iraq criticized Iran.")
    path.chmod(0)
    _, [error] = _read(path)
    assert "permission denied" in str(error)


def _ingest(store, paths, **options):  # noqa: ANN001, ANN202
    errors: list[InputError] = []
    report = ingest(
        read_corpus([str(p) for p in paths], ReadOptions()),
        store,
        null_pipeline(),
        options=IngestOptions(**options),
        on_error=errors.append,
    )
    return report, errors


def test_ingest_twice_stores_once_and_links_duplicates(any_store) -> None:  # noqa: F811
    report, errors = _ingest(any_store, [CORPUS], chunk_size=3)
    assert errors == []
    assert (report.read, report.coded, report.duplicates, report.existing) == (10, 8, 2, 0)
    assert report.undated == 1
    again, _ = _ingest(any_store, [CORPUS])
    assert (again.coded, again.duplicates, again.existing) == (0, 0, 10)
    summary = queries.summary(any_store)
    assert (summary["documents"], summary["duplicates"], summary["undated"]) == (10, 2, 1)
    dups = {d["source"]: d for d in queries.documents(any_store, status="duplicate")}
    assert dups["Euphrates Daily"]["duplicate_of"] == "tigris-0112"
    assert dups["Euphrates Daily"]["similarity"] == 1.0  # exact copy
    assert dups["Gulf Ledger"]["duplicate_of"] == "tigris-0112"  # the same story with a byline
    assert 0.8 <= dups["Gulf Ledger"]["similarity"] < 1.0


def test_default_date_and_bad_input_in_a_run(any_store) -> None:  # noqa: F811
    report, errors = _ingest(any_store, [CORPUS / "notes", BAD], default_published=dt.date(2021, 4, 1))
    # The good rows of the two CSV files are the same text with no url: one document.
    assert (report.coded, report.existing, report.undated, len(errors)) == (2, 1, 0, 5)
    [note] = [d for d in queries.documents(any_store) if d["title"] is None and d["date_status"] == "default"]
    assert note["published"] == dt.date(2021, 4, 1)


_KILLED_SCRIPT = """
import sys, time
from khaldun.config import load_config
from khaldun.corpus.ingest import IngestOptions, ingest
from khaldun.model import Document
from khaldun.nlp.base import ParsedDoc
from khaldun.coding.pipeline import Pipeline
from khaldun.store import open_store

class Slow:
    name = "slow"
    def parse(self, text):
        time.sleep(0.01)
        return ParsedDoc(text, (), (), ())
    def parse_many(self, texts, *, batch_size=16):
        return (self.parse(t) for t in texts)

def docs(n):
    import random
    rng = random.Random(7)
    for i in range(n):
        yield Document(text=" ".join(f"w{rng.randrange(5000)}" for _ in range(60)), url=f"https://x.example/{i}")

def tick(report):
    print("batch", report.read, flush=True)

store = open_store(sys.argv[1])
ingest(docs(int(sys.argv[2])), store, Pipeline(load_config(), nlp=Slow()),
       options=IngestOptions(chunk_size=10), on_batch=tick)
store.close()
print("done", flush=True)
"""


def test_a_killed_ingest_resumed_stores_every_document_once(store_url: str, tmp_path: Path) -> None:  # noqa: F811
    script = tmp_path / "ingest_slowly.py"
    script.write_text(textwrap.dedent(_KILLED_SCRIPT))
    total = 300
    proc = subprocess.Popen(
        [sys.executable, str(script), store_url, str(total)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert proc.stdout is not None
    batches = 0
    for line in proc.stdout:
        batches += line.startswith("batch")
        if batches == 5:
            break
    proc.send_signal(signal.SIGKILL)  # no clean-up of any kind: as kill -9
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with open_store(store_url) as store:
        stored = queries.summary(store)["documents"]
        assert 50 <= stored < total  # killed half-way: whole batches only
    resumed = subprocess.run(
        [sys.executable, str(script), store_url, str(total)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert resumed.returncode == 0, resumed.stderr
    with open_store(store_url) as store:
        [row] = store.fetch("SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids FROM documents")
        assert (row["n"], row["ids"]) == (total, total)
        assert store.fetch("SELECT COUNT(*) AS n FROM documents WHERE status = 'duplicate'")[0]["n"] == 0


# -- the project's corpus, coded with the real model ------------------------------------


@pytest.mark.model
def test_corpus_figures(tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--workers", "2", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "10 documents read: 8 coded, 2 duplicates linked, 0 already stored" in result.output
    again = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--quiet"])
    assert "0 coded, 0 duplicates linked, 10 already stored" in again.output

    dyads = json.loads(
        runner.invoke(main, ["dyads", "IRQ", "IRN", "--db", db, "--by", "month", "--format", "json"]).output
    )
    assert [
        (r["period"], r["events"], r["a_to_b"], r["b_to_a"], r["cooperation"], r["conflict"]) for r in dyads
    ] == [
        # the Tehran meeting (3 reports, 2 duplicates), its talks both ways, and praise
        ("2021-01-01", 3, 2, 1, 3, 0),
        # Zarif's visit to Baghdad, "the two sides discussed" both ways, Iraq's criticism
        ("2021-02-01", 4, 2, 2, 3, 1),
        ("2021-03-01", 2, 1, 1, 2, 0),  # the electricity agreement, both ways
    ]
    assert dyads[0]["plover"] == {"CONSULT": 2, "SUPPORT": 1}
    assert dyads[1]["goldstein_sum"] == pytest.approx(1.9 + 2 * 1.0 - 2.0)

    with open_store(db) as store:
        [meeting] = queries.events(
            store,
            EventFilter(dyad=("IRQGOV", "IRNGOV"), modality="asserted", place="Tehran"),
            level="clustered",
        )
        assert (meeting["num_mentions"], meeting["num_articles"], meeting["num_sources"]) == (2, 4, 4)

    edges = json.loads(
        runner.invoke(
            main,
            ["network", "--db", db, "--since", "2021-02-01", "--until", "2021-02-28", "--format", "json"],
        ).output
    )
    assert {(e["source"], e["target"]): e["weight"] for e in edges} == {
        ("IRNGOV", "IRQGOV"): 2,  # the visit, and the talks of "the two sides"
        ("IRQGOV", "IRNGOV"): 1,
        ("IRN", "USAMIL"): 1,
        ("USA", "IRN"): 1,
        ("IRQ", "IRN"): 1,
    }
    graphml = runner.invoke(main, ["network", "--db", db, "--format", "graphml"]).output
    assert graphml.count("<edge ") == 9  # with the Iraqi PM's visit to his Saudi hosts

    bad = runner.invoke(main, ["ingest", str(BAD), "--db", db, "--quiet"])
    assert bad.exit_code == 1
    assert "broken.rss: not an RSS/Atom feed" in bad.output and "empty.html: no main text" in bad.output


@pytest.mark.model
def test_query_and_export_commands(tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    runner = CliRunner()
    runner.invoke(main, ["ingest", str(CORPUS / "articles.jsonl"), "--db", db, "--workers", "1", "--quiet"])
    out = runner.invoke(main, ["query", "--db", db, "--actor", "IRQGOV", "--format", "jsonl"]).output
    assert {json.loads(line)["cameo"] for line in out.splitlines()} == {"040", "042"}
    table = runner.invoke(main, ["query", "--db", db, "--text", "praised", "--format", "table"]).output
    assert "051" in table and "1 event." in table
    for fmt in ("csv", "jsonl", "plover", "gdelt"):
        result = runner.invoke(main, ["export", "--db", db, "--format", fmt])
        assert result.exit_code == 0, result.output
    parquet = tmp_path / "events.parquet"
    assert (
        runner.invoke(main, ["export", "--db", db, "--format", "parquet", "--output", str(parquet)]).exit_code
        == 0
    )
    assert parquet.stat().st_size > 0
    assert runner.invoke(main, ["cluster", "--db", db, "--window", "3"]).exit_code == 0
