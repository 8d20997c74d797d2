"""Ingest throughput: one worker vs all cores, on the same corpus, in one run.

Writes a JSON Lines corpus assembled from the sentences of the English dev
sets under ../shared/eval (documents of ``--sentences`` sentences; for
throughput only, the sets are not used for scoring here), then runs
``khaldun ingest`` into a fresh DuckDB file once with 1 worker and once with
every core, each in its own process so that peak memory is measured per run.
Prints documents, events, docs/s and peak memory (RSS high-water mark of the
main process, and of the largest worker).

    python benchmarks/ingest.py [--docs 300] [--sentences 8]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("conflibert_cameo", "petr2_gsr", "plover_gsr", "cameo_codebook_examples", "tabari_validation")


def write_corpus(path: Path, n_docs: int, per_doc: int) -> None:
    sentences: list[str] = []
    for name in SETS:
        source = SHARED / name / "dev.jsonl"
        if source.exists():
            sentences += [json.loads(line)["text"] for line in source.open(encoding="utf-8") if line.strip()]
    if not sentences:
        sys.exit(f"no dev sets under {SHARED}: the benchmark assembles its corpus from them")
    with path.open("w", encoding="utf-8") as out:
        for i in range(n_docs):
            start = (i * per_doc) % len(sentences)
            body = " ".join(sentences[(start + k) % len(sentences)] for k in range(per_doc))
            # A serial number keeps documents distinct when the sentences wrap around.
            out.write(
                json.dumps({"id": f"bench-{i}", "text": f"Report {i}. {body}", "published": "2021-01-01"})
            )
            out.write("\n")


def run_one(corpus: str, workers: int) -> None:
    """Child process: ingest the corpus into a fresh store and print the figures as JSON."""
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import load_config
    from khaldun.corpus.ingest import IngestOptions, ingest
    from khaldun.corpus.readers import ReadOptions, read_corpus
    from khaldun.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(os.path.join(tmp, "bench.duckdb"))
        pipeline = Pipeline(load_config())
        pipeline.nlp  # noqa: B018 - load the model before timing
        start = time.perf_counter()
        report = ingest(
            read_corpus([corpus], ReadOptions()), store, pipeline, options=IngestOptions(workers=workers)
        )
        seconds = time.perf_counter() - start
        store.close()
        pipeline.close()  # workers end here, so their peak memory is counted below
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "workers": workers,
                "docs": report.read,
                "events": report.events,
                "seconds": seconds,
                "main_mb": own,
                "worker_mb": kids,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--sentences", type=int, default=8)
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(args.child[0], int(args.child[1]))
        return
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_corpus(corpus, args.docs, args.sentences)
        print(
            f"corpus: {args.docs} documents of {args.sentences} sentences ({corpus.stat().st_size:,} bytes); "
            f"{cores} cores"
        )
        heads = ("workers", "docs", "events", "seconds", "docs/s", "main MB", "worker MB")
        print(" ".join(f"{h:>{w}}" for h, w in zip(heads, (8, 6, 7, 8, 8, 8, 10), strict=True)))
        for workers in dict.fromkeys((1, cores)):
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(corpus), str(workers)],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            worker = f"{r['worker_mb']:.0f}" if workers > 1 else "-"
            print(
                f"{r['workers']:>8} {r['docs']:>6} {r['events']:>7} {r['seconds']:>8.1f} "
                f"{r['docs'] / r['seconds']:>8.1f} {r['main_mb']:>8.0f} {worker:>10}"
            )


if __name__ == "__main__":
    main()
