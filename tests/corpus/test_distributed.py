"""Ingest on a Dask cluster stores exactly what the plain ingest stores, whatever dies on the way.

Runs the real coder on a small corpus written here (articles built from
sentences about known leaders, with copies placed in other files and at the
far end of a large JSON Lines file) plus ``tests/data/corpus``, cut into many
partitions. Clusters: a ``LocalCluster`` of 2 workers started by the
command (``--scheduler local:2``), and a real one started as a user would,
with ``dask scheduler`` and ``dask worker --nworkers 2`` processes.
"""

from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip(
    "distributed", reason="Dask distributed is not installed: pip install -e '.[dask]'"
)

from khaldun.cli.main import main  # noqa: E402
from khaldun.coding.pipeline import Pipeline  # noqa: E402
from khaldun.config import load_config  # noqa: E402
from khaldun.corpus.distributed.partitions import parse_size, plan_partitions  # noqa: E402
from khaldun.corpus.distributed.ranges import read_partition  # noqa: E402
from khaldun.corpus.readers import ReadOptions  # noqa: E402
from khaldun.model import Document  # noqa: E402
from khaldun.store import open_store  # noqa: E402

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
BAD = ROOT / "tests" / "data" / "corpus_bad"  # unreadable files and rows: reported, the rest stored
PARTITION = "1500"  # bytes: about 5 articles, a dozen partitions

LEADERS = (
    ("Iraqi Prime Minister Mustafa al-Kadhimi", "Baghdad"),
    ("Iranian President Hassan Rouhani", "Tehran"),
    ("Turkish President Recep Tayyip Erdogan", "Ankara"),
    ("Egyptian President Abdel Fattah el-Sisi", "Cairo"),
    ("Jordan's King Abdullah", "Amman"),
    ("French President Emmanuel Macron", "Paris"),
)
ACTS = (
    "met {b} in {city} on Sunday to discuss trade and security.",
    "praised {b} for his efforts to end the crisis.",
    "accused {b} of supporting armed groups near the border.",
    "signed an agreement with {b} on electricity supplies.",
    "visited {city}, where he was received by {b}.",
    "criticized {b} over the detention of journalists.",
)


def article(i: int) -> str:
    """Article ``i``: two sentences, each one leader doing something to another."""
    import random

    rng = random.Random(i)
    sentences = []
    for _ in range(2):
        (a, _), (b, city) = rng.sample(LEADERS, 2)
        sentences.append(f"{a} " + rng.choice(ACTS).format(b=b, city=city))
    return f"Report {i}. {' '.join(sentences)} Officials said talks would continue next month."


def write_corpus(folder: Path) -> None:
    """21 JSON lines, 7 CSV rows, 5 notes; three of them repeat an article of another partition."""
    import csv

    folder.mkdir(parents=True)
    with (folder / "wire.jsonl").open("w", encoding="utf-8") as out:
        for i in range(20):
            record = {"id": f"wire-{i}", "text": article(i), "published": f"2021-0{1 + i % 9}-1{i % 10}"}
            out.write(json.dumps(record) + "\n")
        # wire-3 again with a byline, at the far end of the file: another byte range
        out.write(json.dumps({"id": "wire-3-byline", "text": "By our correspondent. " + article(3)}) + "\n")
    with (folder / "outlets.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "title", "text", "published"])
        for i in range(30, 36):
            writer.writerow([f"csv-{i}", f"Story {i}", article(i), "2021-05-01"])
        writer.writerow(["csv-copy-7", "Copied", article(7), "2021-05-02"])  # wire-7 word for word
    (folder / "notes").mkdir()
    for i in range(40, 44):
        (folder / "notes" / f"note-{i}.txt").write_text(article(i), encoding="utf-8")
    (folder / "notes" / "copy-of-32.txt").write_text(article(32) + " Reuters contributed.", encoding="utf-8")


# -- a coder slowed down, so that a run can be stopped half-way ------------------------


class SlowPipeline:
    """The real pipeline, waiting ``seconds`` after each document it codes."""

    def __init__(self, seconds: float) -> None:
        self.pipeline = Pipeline(load_config())
        self.seconds = seconds

    @property
    def nlp(self) -> Any:
        return self.pipeline.nlp

    def pipe(self, docs: Any, *, n_process: int = 1) -> Iterator[Any]:
        for result in self.pipeline.pipe(docs):
            time.sleep(self.seconds)
            yield result

    def close(self) -> None:
        self.pipeline.close()


def slow_pipeline(seconds: float) -> Any:
    return SlowPipeline(seconds)


# -- what a store holds ------------------------------------------------------------------


def snapshot(db: str) -> dict[str, list[dict[str, Any]]]:
    """Every stored row that an ingest decides (not the time it ran)."""
    with open_store(db, read_only=True) as store:
        return {
            "documents": store.fetch(
                "SELECT * EXCLUDE (ingested_at) FROM documents ORDER BY id",
            ),
            "events": store.fetch("SELECT * FROM events ORDER BY id"),
            "doc_bands": store.fetch("SELECT * FROM doc_bands ORDER BY hash, band, doc_id"),
        }


def assert_same(got: dict[str, list[dict[str, Any]]], expected: dict[str, list[dict[str, Any]]]) -> None:
    for table, rows in expected.items():
        assert len(got[table]) == len(rows), table
        assert got[table] == rows, table


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("distributed") / "corpus"
    write_corpus(folder)
    return [str(folder), str(CORPUS), str(BAD)]


@pytest.fixture(scope="module")
def plain(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The plain ingest of the corpus: what every run on a cluster must store."""
    db = str(tmp_path_factory.mktemp("plain") / "plain.duckdb")
    result = CliRunner().invoke(main, ["ingest", *corpus, "--db", db, "--workers", "1", "--quiet"])
    assert result.exit_code == 1, result.output  # the bad inputs
    with open_store(db, read_only=True) as store:
        clusters = store.fetch("SELECT * FROM clusters ORDER BY id")
    return {"rows": snapshot(db), "clusters": clusters, "errors": _errors(result.output)}


def _errors(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("error: "))


# -- local:2, through the command --------------------------------------------------------


@pytest.fixture(scope="module")
def local_run(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    db = str(tmp_path_factory.mktemp("local") / "cluster.duckdb")
    args = ["ingest", *corpus, "--db", db, "--scheduler", "local:2", "--partition-size", PARTITION]
    result = CliRunner().invoke(main, [*args, "--quiet"])
    assert result.exit_code == 1, result.output
    return db, result.output


def test_ingest_on_local_cluster_stores_what_plain_ingest_stores(
    plain: dict[str, Any], local_run: tuple[str, str]
) -> None:
    db, output = local_run
    assert_same(snapshot(db), plain["rows"])
    with open_store(db, read_only=True) as store:
        assert store.fetch("SELECT * FROM clusters ORDER BY id") == plain["clusters"]
    docs = len(plain["rows"]["documents"])
    failed = len(plain["errors"])
    # The good rows of corpus_bad's two CSV files are one text with no url: one document, read twice.
    assert f"{docs + 1} documents read: {docs - 5} coded, 5 duplicates linked, 1 already stored" in output
    assert f"; {failed} failed;" in output and _errors(output) == plain["errors"]
    assert "partitions on 2 workers; dashboard at http://" in output


def test_duplicates_in_other_partitions_are_linked(corpus: list[str], local_run: tuple[str, str]) -> None:
    plan = plan_partitions(corpus, ReadOptions(), target=parse_size(PARTITION))
    partition_of = {
        item.id: partition.index
        for partition in plan.partitions
        for item in read_partition(partition, ReadOptions())
        if isinstance(item, Document)
    }
    assert len(plan.partitions) >= 10
    with open_store(local_run[0], read_only=True) as store:
        links = {
            row["id"]: row["duplicate_of"]
            for row in store.fetch("SELECT id, duplicate_of FROM documents WHERE status = 'duplicate'")
        }
    # Read in order: notes/, outlets.csv, wire.jsonl; the later of two copies is the duplicate.
    assert links["wire-3-byline"] == "wire-3"  # near: a byline more, from the far end of the file
    assert links["wire-7"] == "csv-copy-7"  # exact: the CSV row came first
    assert links["csv-32"] not in ("csv-32", None)  # near: the note with a credit line came first
    assert len(links) == 5  # with the two of tests/data/corpus
    for copy, original in links.items():
        assert partition_of[copy] != partition_of[original], copy


# -- a real cluster: `dask scheduler` and `dask worker` ----------------------------------


def _env() -> dict[str, str]:
    """Workers and clients import this module (for the slowed coder): the checkout is on their path."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and 2 single-threaded worker processes, started as the README says."""
    folder = tmp_path_factory.mktemp("cluster")
    info = folder / "scheduler.json"
    dask = str(Path(sys.executable).with_name("dask"))
    quiet = {
        "stdout": subprocess.DEVNULL,
        "stderr": subprocess.DEVNULL,
        "cwd": folder,
        "env": _env(),
        "start_new_session": True,  # a process group each: stopped with every process it started
    }
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--port", "0", "--dashboard-address", ":0", "--scheduler-file", str(info)],
            **quiet,  # type: ignore[call-overload]
        )
    ]
    try:
        deadline = time.monotonic() + 30
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(info.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [dask, "worker", address, "--nworkers", "2", "--nthreads", "1"],
                **quiet,  # type: ignore[call-overload]
            )
        )
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    corpus: list[str], plain: dict[str, Any], scheduler: str, tmp_path: Path
) -> None:
    from khaldun.corpus.distributed.session import cluster_ingest

    db = str(tmp_path / "cluster.duckdb")
    killed: list[int] = []
    with distributed.Client(scheduler) as client, open_store(db) as store:
        pids = client.run(os.getpid)

        def kill_one(report: Any, partition: Any) -> None:
            if not killed:  # the first partition is written: the others are on their way
                victim = sorted(pids.values())[0]
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        report = cluster_ingest(
            corpus,
            store,
            client,
            load_config(),
            read_options=ReadOptions(),
            partition_bytes=parse_size(PARTITION),
            factory=functools.partial(slow_pipeline, 0.05),
            on_partition=kill_one,
        )
        after = client.run(os.getpid)
    assert killed and killed[0] not in after.values()  # the nanny started a new worker in its place
    assert report.failed == len(plain["errors"]) and report.done == len(plain["rows"]["documents"]) + 1
    # Once per worker process that coded (the replacement may or may not have been given a task).
    loads = [facts["loads"] for facts in report.workers.values()]
    assert loads and set(loads) == {1}, loads
    assert_same(snapshot(db), plain["rows"])


_CLIENT = """
import functools, sys
from khaldun.config import load_config
from khaldun.corpus.distributed.session import cluster_client, cluster_ingest
from khaldun.corpus.readers import ReadOptions
from khaldun.store import open_store
from tests.corpus.test_distributed import slow_pipeline

scheduler, db, size, *paths = sys.argv[1:]
with cluster_client(scheduler) as client, open_store(db) as store:
    cluster_ingest(paths, store, client, load_config(), read_options=ReadOptions(), partition_bytes=int(size),
                   factory=functools.partial(slow_pipeline, 0.2),
                   on_partition=lambda report, partition: print("written", report.done, flush=True))
"""


def test_a_client_stopped_and_run_again_stores_everything_once(
    corpus: list[str], plain: dict[str, Any], scheduler: str, tmp_path: Path
) -> None:
    db = str(tmp_path / "cluster.duckdb")
    client = subprocess.Popen(
        [sys.executable, "-c", _CLIENT, scheduler, db, PARTITION, *corpus],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=_env(),
    )
    assert client.stdout is not None
    written = [line for line, _ in zip(client.stdout, range(3), strict=False)]
    client.send_signal(signal.SIGKILL)  # no clean-up of any kind: as kill -9, or the machine gone
    client.wait(timeout=30)
    assert all(line.startswith("written") for line in written)
    stored = len(snapshot(db)["documents"])
    assert 0 < stored < len(plain["rows"]["documents"])

    parts = tmp_path / "parts"
    args = ["ingest", *corpus, "--db", db, "--scheduler", scheduler, "--partition-size", PARTITION]
    result = CliRunner().invoke(main, [*args, "--parquet", str(parts), "--quiet"])
    assert result.exit_code == 1 and _errors(result.output) == plain["errors"], result.output
    assert f"{stored + 1} already stored" in result.output  # + the repeated row of corpus_bad
    rows = snapshot(db)
    assert_same(rows, plain["rows"])
    # The rows of the second run are in Parquet part files, which DuckDB reads in place.
    import duckdb

    in_parts = duckdb.sql(f"SELECT COUNT(*) FROM '{parts}/documents/*.parquet'").fetchall()
    assert in_parts == [(len(rows["documents"]) - stored,)]
    names = sorted(p.name for p in (parts / "events").iterdir())
    assert all(n.startswith("part-") and n.endswith(".parquet") for n in names)


def test_code_input_on_a_cluster_prints_what_it_prints_here(
    corpus: list[str], scheduler: str, tmp_path: Path
) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = (Path(corpus[0]) / "wire.jsonl").read_text(encoding="utf-8").splitlines()
    batch.write_text("\n".join([*lines[:9], "{not json", *lines[9:]]) + "\n", encoding="utf-8")
    args = ["code", "--input", str(batch), "--format", "jsonl", "--published", "2021-06-01"]
    runner = CliRunner()
    here = runner.invoke(main, args)
    there = runner.invoke(main, [*args, "--scheduler", scheduler, "--partition-size", "1kB"])
    assert (here.exit_code, there.exit_code) == (1, 1)  # the bad line
    assert there.stdout == here.stdout and len(here.stdout.splitlines()) > 30
    error = f"error: {batch} line 10: not valid JSON"
    assert error in here.stderr and error in there.stderr
    assert "Dask: 7 partitions; dashboard at http://" in there.stderr  # 1kB ranges
