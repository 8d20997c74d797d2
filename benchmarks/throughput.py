"""Throughput: raw spaCy parsing vs the full khaldun pipeline, side by side in one run.

Codes the same texts twice in one process — once with spaCy alone (the
floor: parsing), once with the whole pipeline — and prints docs/s, words/s,
their ratio and peak memory (RSS high-water mark of this process and,
with --workers, of the workers).

Texts: the sentences of the English dev sets under ../shared/eval (grouped
into documents of ~20 sentences), or the project's bundled example article
repeated when ../shared is absent.

    python benchmarks/throughput.py [--docs 200] [--workers 1] [--model-cost]

--model-cost also codes the texts with the learned second opinion turned off
([model] enabled = false), right after the full pipeline, and prints the ratio of the
two and what loading the model file adds to memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from importlib import resources
from pathlib import Path

from khaldun import Document, Pipeline
from khaldun.config import load_config
from khaldun.nlp.spacy_backend import load_spacy_model

SHARED = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("conflibert_cameo", "petr2_gsr", "plover_gsr", "cameo_codebook_examples")


def corpus(n_docs: int, sentences_per_doc: int = 20) -> list[str]:
    sentences: list[str] = []
    for name in SETS:
        path = SHARED / name / "dev.jsonl"
        if path.exists():
            sentences += [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    if not sentences:
        example = resources.files("khaldun").joinpath("examples/visit.txt").read_text("utf-8")
        return [example] * n_docs
    docs = [
        " ".join(sentences[i : i + sentences_per_doc]) for i in range(0, len(sentences), sentences_per_doc)
    ]
    return (docs * (n_docs // len(docs) + 1))[:n_docs]


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model-cost", action="store_true", help="also time the pipeline without the model")
    args = parser.parse_args()

    texts = corpus(args.docs)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words:,} words", flush=True)

    nlp = load_spacy_model()
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    raw = time.perf_counter() - t0
    rss_raw = peak_rss_mb()

    pipeline = Pipeline()
    # Warm-up, which loads the lazily read data (GeoNames cities) outside the timing.
    pipeline.code("Warm-up: Iran's president met Iraq's prime minister in Basra.", published="2020-07-21")
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    events = sum(len(c.events) for c in pipeline.pipe(docs, n_process=args.workers) if hasattr(c, "events"))
    full = time.perf_counter() - t0
    pipeline.close()  # the workers end here, so their peak memory is counted below

    print(f"{'':<22}{'docs/s':>10}{'words/s':>12}{'seconds':>10}")
    print(f"{'spaCy parse only':<22}{len(texts) / raw:>10.1f}{words / raw:>12,.0f}{raw:>10.2f}")
    label = f"khaldun ({args.workers} worker{'s' if args.workers != 1 else ''})"
    print(f"{label:<22}{len(texts) / full:>10.1f}{words / full:>12,.0f}{full:>10.2f}")
    print(f"ratio pipeline/parse (throughput): {raw / full:.2f}")
    print(f"events coded: {events}")
    if args.model_cost:
        model_cost(docs, args.workers, full)
    print(f"peak RSS: this process {peak_rss_mb():.0f} MB (after parse only: {rss_raw:.0f} MB)", end="")
    if args.workers != 1:
        print(f", largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB", end="")
    print()
    sys.stdout.flush()


def model_cost(docs: list[Document], workers: int, with_model: float) -> None:
    """The same documents without the second opinion, and the model file's memory."""
    from dataclasses import replace

    from khaldun.learning.opinion import BUNDLED_MODEL, SecondOpinion

    rules_only = Pipeline(replace(load_config(), model_enabled=False))
    rules_only.code("Warm-up: Iran's president met Iraq's prime minister in Basra.", published="2020-07-21")
    t0 = time.perf_counter()
    for _ in rules_only.pipe(docs, n_process=workers):
        pass
    without = time.perf_counter() - t0
    rules_only.close()
    before = _current_rss_mb()
    SecondOpinion(BUNDLED_MODEL)
    print(f"rules only: {len(docs) / without:.1f} docs/s; with the model {len(docs) / with_model:.1f} docs/s")
    print(f"ratio with/without the model (throughput): {without / with_model:.2f}")
    print(
        f"model file {BUNDLED_MODEL.stat().st_size / 2**20:.1f} MB; loading it adds "
        f"{_current_rss_mb() - before:.0f} MB to this process"
    )


def _current_rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


if __name__ == "__main__":
    main()
