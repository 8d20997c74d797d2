"""Scaling on a Dask cluster: docs/s with 1 and 2 workers, the single writer's own rate, a projection.

Writes the corpus of ``benchmarks/ingest.py`` (documents assembled from the
sentences of the English dev sets under ../shared/eval), then, each run in its
own process on a fresh DuckDB store:

1. the plain ingest in one process (the baseline);
2. ``--scheduler local:1`` and ``local:2``: docs/s over the whole run and in
   the steady state (from the moment every worker holds the coder to the
   last partition written: start-up and model loading left out), scaling efficiency (rate with 2 workers
   over twice the rate with 1), and memory per worker (RSS at the end and
   peak) and of the client;
3. ``local:2 --parquet``: the same run writing Parquet part files.

Then the writer alone (``--replay``): the rows of the 2-worker run are written
again and again under new ids into a fresh store, partition by partition, as
the client does on a cluster (decide, then write), so the store grows to tens
of thousands of documents; the writer's rate is measured with rows
(``write_batch``) and with Parquet parts (``load_parts``; writing the parts is
the workers' work and is not counted), and for deciding alone. From these
rates and the per-worker coding rate: the number of worker processes (and
machines) at which the single writer saturates, for each path.

    python benchmarks/scaling.py [--docs 300] [--sentences 8] [--partition-size 32kB] [--replay 60]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def write_corpus(path: Path, docs: int, sentences: int) -> None:
    """The corpus of benchmarks/ingest.py (the same documents, for comparable figures)."""
    spec = importlib.util.spec_from_file_location("ingest_benchmark", HERE / "ingest.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_corpus(path, docs, sentences)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- the runs, each in a process of its own -------------------------------------------------


def run_plain(corpus: str, db: str) -> dict[str, Any]:
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import load_config
    from khaldun.corpus.ingest import IngestOptions, ingest
    from khaldun.corpus.readers import ReadOptions, read_corpus
    from khaldun.store import open_store

    pipeline = Pipeline(load_config())
    pipeline.nlp  # noqa: B018 - the model is loaded before timing
    with open_store(db) as store:
        start = time.perf_counter()
        docs = read_corpus([corpus], ReadOptions())
        report = ingest(docs, store, pipeline, options=IngestOptions(workers=1))
        seconds = time.perf_counter() - start
    return {"docs": report.read, "events": report.events, "wall": seconds, "steady": report.read / seconds}


def run_cluster(corpus: str, db: str, workers: int, partition: int, parquet: str | None) -> dict[str, Any]:
    from khaldun.config import load_config
    from khaldun.corpus.distributed.session import cluster_client, cluster_ingest
    from khaldun.corpus.readers import ReadOptions
    from khaldun.store import open_store

    start = time.perf_counter()
    with cluster_client(f"local:{workers}") as client, open_store(db) as store:
        report = cluster_ingest(
            [corpus],
            store,
            client,
            load_config(),
            read_options=ReadOptions(),
            partition_bytes=partition,
            parquet_dir=parquet,
        )
        coding = time.monotonic() - report.coding_from
    wall = time.perf_counter() - start
    facts = list(report.workers.values())
    return {
        "docs": report.read,
        "events": report.events,
        "partitions": report.partitions,
        "wall": wall,
        "steady": report.done / coding,
        "decide_s": report.decide_seconds,
        "write_s": report.write_seconds,
        "worker_mb": max(f["rss"] for f in facts) / 2**20,
        "worker_peak_mb": max(f["peak_rss"] for f in facts) / 2**20,
        "client_peak_mb": _peak_mb(),
    }


def run_writer(source: str, folder: str, replicas: int, per_partition: int) -> dict[str, Any]:
    """The writer alone: the rows of ``source`` written ``replicas`` times under new ids, a partition
    of ``per_partition`` documents at a time; Parquet parts loaded in groups, as the client does."""
    import numpy as np

    from khaldun.corpus.dedup import Fingerprint, band_hashes, signature_bytes, signature_from_bytes
    from khaldun.corpus.distributed.parquet import load_parts, write_parts
    from khaldun.corpus.distributed.runner import ClusterOptions
    from khaldun.corpus.ingest import DuplicateFinder, IngestReport, fresh_ids
    from khaldun.store import Batch, open_store
    from khaldun.store.schema import DOCUMENT_NAMES, EVENT_NAMES

    with open_store(source, read_only=True) as store:
        docs = [tuple(r.values()) for r in store.fetch(f"SELECT {', '.join(DOCUMENT_NAMES)} FROM documents")]
        events = [tuple(r.values()) for r in store.fetch(f"SELECT {', '.join(EVENT_NAMES)} FROM events")]
    by_doc: dict[str, list[tuple[Any, ...]]] = {}
    for row in events:
        by_doc.setdefault(row[1], []).append(row)
    parts = [docs[i : i + per_partition] for i in range(0, len(docs), per_partition)]
    timings: dict[str, list[tuple[int, float]]] = {"decide": [], "rows": [], "parquet": []}
    rows_store, parquet_store = open_store(f"{folder}/rows.duckdb"), open_store(f"{folder}/parquet.duckdb")
    rng = np.random.default_rng(7)
    unloaded: list[dict[str, str]] = []
    load_every = ClusterOptions().load_every
    for k in range(replicas):
        mask = rng.integers(0, 2**32, size=64, dtype=np.uint32)  # new signatures: no false duplicates
        for number, part in enumerate(parts):
            batch, fps = Batch(), {}
            for row in part:
                doc_id, sig = f"{row[0]}~{k}", signature_from_bytes(row[10]) ^ mask
                fps[doc_id] = Fingerprint(f"{row[1]}~{k}", sig, tuple(band_hashes(sig)))
                batch.documents.append((doc_id, f"{row[1]}~{k}", *row[2:10], signature_bytes(sig), *row[11:]))
                batch.bands.extend((b, h, doc_id) for b, h in enumerate(fps[doc_id].bands))
                batch.events.extend((f"{e[0]}~{k}", doc_id, *e[2:]) for e in by_doc.get(row[0], ()))
            start = time.perf_counter()
            fresh = fresh_ids(list(fps), rows_store, IngestReport())
            DuplicateFinder(rows_store, {d: fps[d] for d in fresh}, 0.8).verdicts()
            decided = time.perf_counter()
            rows_store.write_batch(batch)
            timings["decide"].append((len(part), decided - start))
            timings["rows"].append((len(part), time.perf_counter() - decided))
            unloaded.append(write_parts(batch, f"{folder}/parts", k * len(parts) + number))  # workers' work
            if len(unloaded) * per_partition >= load_every or (k, number) == (replicas - 1, len(parts) - 1):
                start = time.perf_counter()
                load_parts(parquet_store, unloaded)
                timings["parquet"].append((len(unloaded) * per_partition, time.perf_counter() - start))
                unloaded = []
    rows_store.close()
    parquet_store.close()
    with open_store(f"{folder}/bulk.duckdb") as bulk:  # every part at once, as a deferred load would
        start = time.perf_counter()
        load_parts(bulk, [{t: f"{folder}/parts/{t}/*.parquet" for t in ("documents", "doc_bands", "events")}])
        bulk_rate = len(docs) * replicas / (time.perf_counter() - start)

    def rate(kind: str, last: bool) -> float:
        items = timings[kind]
        share = items[len(items) * 4 // 5 :] if last else items[: max(len(items) // 5, 1)]
        return sum(n for n, _ in share) / sum(s for _, s in share)

    return {
        "stored": len(docs) * replicas,
        "per_partition": per_partition,
        "bulk": bulk_rate,
        **{f"{kind}_{when}": rate(kind, when == "last") for kind in timings for when in ("first", "last")},
    }


# -- the parent: run, print, project ---------------------------------------------------------


def _burn(n: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i
    return time.perf_counter() - start


def cpu_check() -> float:
    """How much faster two busy processes go than one: 2.0 with two free cores (others' work on a
    shared machine takes its share, and a scaling efficiency measured then is low for that reason)."""
    import multiprocessing

    n = 5_000_000
    one = _burn(n)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        start = time.perf_counter()
        pool.map(_burn, [n, n])
        two = time.perf_counter() - start
    return 2 * one / two


def child(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"child {args[0]} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=8)
    parser.add_argument("--partition-size", default="32kB", help="bytes of input a task codes")
    parser.add_argument("--replay", type=int, default=60, help="times the writer writes the corpus again")
    parser.add_argument("--cores", type=int, default=16, help="worker processes a machine, in the projection")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {
            "plain": lambda: run_plain(*rest),
            "cluster": lambda: run_cluster(rest[0], rest[1], int(rest[2]), int(rest[3]), rest[4] or None),
            "writer": lambda: run_writer(rest[0], rest[1], int(rest[2]), int(rest[3])),
        }[kind]()
        print(json.dumps(result))
        return
    from khaldun.corpus.distributed.partitions import DEFAULT_PARTITION_BYTES, parse_size

    partition = parse_size(args.partition_size)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.docs, args.sentences)
        size = corpus.stat().st_size
        print(
            f"corpus: {args.docs} documents of {args.sentences} sentences ({size:,} bytes), "
            f"partitions of {partition:,} bytes; {os.cpu_count()} cores, "
            f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
        )
        print(f"CPU check: two busy processes do {cpu_check():.2f}x the work of one (2.00: two free cores)")
        runs = {"plain, 1 process": child("plain", str(corpus), f"{tmp}/plain.duckdb")}
        for name, workers, parquet in (("local:1", 1, ""), ("local:2", 2, ""), ("local:2 parquet", 2, "pq")):
            db = f"{tmp}/{name.replace(' ', '-').replace(':', '')}.duckdb"
            folder = f"{tmp}/{parquet}" if parquet else ""
            runs[name] = child("cluster", str(corpus), db, str(workers), str(partition), folder)
        print_runs(runs)
        # The writer's partitions are as large as by default (ours are small, to have a dozen here).
        per_partition = max(round(DEFAULT_PARTITION_BYTES / (size / args.docs)), 1)
        writer = child("writer", f"{tmp}/local2.duckdb", tmp, str(args.replay), str(per_partition))
        project(runs, writer, args.cores)


def print_runs(runs: dict[str, dict[str, Any]]) -> None:
    head = ("run", "docs", "events", "wall s", "docs/s", "steady", "writer s", "worker MB", "peak MB")
    print(" ".join(f"{h:>{w}}" for h, w in zip(head, (16, 5, 7, 7, 7, 7, 9, 10, 8), strict=True)))
    for name, r in runs.items():
        rate = r["docs"] / r["wall"]
        writer = f"{r['decide_s'] + r['write_s']:.2f}" if "decide_s" in r else "-"
        worker = f"{r['worker_mb']:.0f}" if "worker_mb" in r else "-"
        peak = f"{r['worker_peak_mb']:.0f}" if "worker_peak_mb" in r else "-"
        print(
            f"{name:>16} {r['docs']:>5} {r['events']:>7} {r['wall']:>7.1f} {rate:>7.2f} {r['steady']:>7.2f} "
            f"{writer:>9} {worker:>10} {peak:>8}"
        )
    one, two = runs["local:1"]["steady"], runs["local:2"]["steady"]
    print(f"scaling efficiency, 2 workers over 1 (steady rates): {two / (2 * one):.0%}")
    print(f"client peak memory (with the scheduler): {runs['local:2']['client_peak_mb']:.0f} MB")


def project(runs: dict[str, dict[str, Any]], writer: dict[str, Any], cores: int) -> None:
    # One worker on a core of its own; on a shared machine local:2 / 2 is lower than that.
    per_worker = max(runs["local:1"]["steady"], runs["local:2"]["steady"] / 2)
    print(
        f"\nwriter alone, {writer['per_partition']} documents a partition, store grown to "
        f"{writer['stored']:,} documents (rate at the start -> at the end):"
    )
    capacities = {}
    for kind, label in (
        ("rows", "decide + write rows"),
        ("parquet", "decide + load Parquet parts"),
        ("decide", "decide only (parts queried in place)"),
    ):
        if kind == "decide":
            first, last = writer["decide_first"], writer["decide_last"]
        else:  # a partition costs its decision and its write
            first = 1 / (1 / writer["decide_first"] + 1 / writer[f"{kind}_first"])
            last = 1 / (1 / writer["decide_last"] + 1 / writer[f"{kind}_last"])
        capacities[label] = last
        print(f"  {label:<38} {first:>9,.0f} -> {last:>9,.0f} docs/s")
    print(
        f"\nprojection: a worker process codes {per_worker:.1f} docs/s "
        "(steady; the better of local:1 and local:2 / 2)"
    )
    for label, capacity in capacities.items():
        workers = capacity / per_worker
        print(
            f"  {label:<38} saturates at ~{workers:,.0f} worker processes "
            f"(~{workers / cores:,.0f} machines of {cores} cores); 10^7 articles in "
            f"{1e7 / capacity / 3600:.1f} h at that point"
        )


if __name__ == "__main__":
    main()
