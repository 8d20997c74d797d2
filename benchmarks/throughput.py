"""Throughput: raw spaCy parsing vs the full khaldun pipeline, side by side in one run.

Two modes.

In-process (the default): codes the same texts twice in one process — once with
spaCy alone (the floor: parsing), once with the whole pipeline — and prints
docs/s, words/s, their ratio and peak memory (RSS high-water mark of this process
and, with --workers, of the workers). Loading is left out of the timing.

Whole process (--whole): writes the texts to a JSON Lines file and times, for each
number of processes, three commands from start to exit, start-up and model load
included: a bare ``python -c "spacy.load(...); nlp.pipe(..., n_process=N)"`` over
the same texts (the floor), the same with khaldun's spaCy pipeline (the parse
khaldun runs: the same annotations, two components made faster), and
``khaldun code --input FILE --workers N --format jsonl``. Each is run --repeat
times, in turn, and the fastest run of each counts (the machine is shared; the
fastest is the least disturbed). Prints the rates, khaldun's ratio to each parse
and the peak RSS of the largest process of the spaCy and khaldun commands.

Texts: the sentences of the English dev sets under ../shared/eval (grouped
into documents of ~20 sentences), or the project's bundled example article
repeated when ../shared is absent.

    python benchmarks/throughput.py [--docs 120] [--workers 1] [--model-cost]
    python benchmarks/throughput.py --whole [--docs 150] [--processes 1 2] [--repeat 3]

--model-cost also codes the texts with the learned second opinion turned on
([model] enabled = true; off by default), right after the default pipeline, and prints
the ratio of the two and what loading the model file adds to memory.
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
from importlib import resources
from pathlib import Path
from typing import Any

from khaldun.config import load_config

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
    parser.add_argument("--docs", type=int, help="documents to code (default 120; 150 with --whole)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--model-cost", action="store_true", help="also time it with the opt-in model")
    parser.add_argument("--whole", action="store_true", help="time whole processes, start-up included")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="with --whole")
    parser.add_argument("--repeat", type=int, default=3, help="with --whole: runs of each command")
    args = parser.parse_args()
    if args.whole:
        whole_processes(corpus(args.docs or 150), args.processes, args.repeat)
    else:
        in_process(corpus(args.docs or 120), args.workers, args.model_cost)


def in_process(texts: list[str], workers: int, with_model_cost: bool) -> None:
    """spaCy alone (stock, then with khaldun's components), then the pipeline, in this process,
    loading left out of the timing."""
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words:,} words", flush=True)

    from khaldun import Document, Pipeline
    from khaldun.nlp.spacy_backend import load_spacy_model

    stock = parse_seconds(load_spacy_model(stock=True), texts)
    ours = parse_seconds(load_spacy_model(), texts)
    rss_raw = peak_rss_mb()

    pipeline = Pipeline()
    warm_up(pipeline, workers)
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    events = sum(len(c.events) for c in pipeline.pipe(docs, n_process=workers) if hasattr(c, "events"))
    full = time.perf_counter() - t0
    pipeline.close()  # the workers end here, so their peak memory is counted below

    print(f"{'':<34}{'docs/s':>10}{'words/s':>12}{'seconds':>10}")
    for label, seconds in (
        ("spaCy parse only (stock)", stock),
        ("spaCy parse only (khaldun's)", ours),
        (f"khaldun ({workers} worker{'s' if workers != 1 else ''})", full),
    ):
        print(f"{label:<34}{len(texts) / seconds:>10.1f}{words / seconds:>12,.0f}{seconds:>10.2f}")
    print(f"ratio pipeline/parse (throughput): {stock / full:.2f} against the stock parse, ", end="")
    print(f"{ours / full:.2f} against khaldun's parse")
    print("khaldun's parse: the same annotations, its attribute ruler and lemmatizer faster (khaldun.nlp)")
    print(f"events coded: {events}")
    if with_model_cost:
        model_cost(docs, workers, full)
    print(f"peak RSS: this process {peak_rss_mb():.0f} MB (after parse only: {rss_raw:.0f} MB)", end="")
    if workers != 1:
        print(f", largest worker {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB", end="")
    print()
    sys.stdout.flush()


WARM_UP = "Warm-up: Iran's president met Iraq's prime minister in Basra."


def warm_up(pipeline: Any, workers: int) -> None:
    """Load the lazily read data (GeoNames cities) and, with workers, their models, outside
    the timing."""
    from khaldun import Document

    pipeline.code(WARM_UP, published="2020-07-21")
    if workers != 1:
        docs = [Document(text=WARM_UP, id=str(i)) for i in range(4 * workers * pipeline.config.batch_size)]
        list(pipeline.pipe(docs, n_process=workers))


def parse_seconds(nlp: Any, texts: list[str]) -> float:
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0


def model_cost(docs: list[Any], workers: int, without: float) -> None:
    """The same documents with the opt-in second opinion ([model] enabled = true), against
    the default pipeline just timed, and the model file's memory."""
    from dataclasses import replace

    from khaldun import Pipeline
    from khaldun.learning.opinion import BUNDLED_MODEL, SecondOpinion

    with_opinion = Pipeline(replace(load_config(), model_enabled=True))
    warm_up(with_opinion, workers)
    t0 = time.perf_counter()
    for _ in with_opinion.pipe(docs, n_process=workers):
        pass
    with_model = time.perf_counter() - t0
    with_opinion.close()
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


# -- whole processes -------------------------------------------------------------

# The floor: a bare process that loads the model and parses the same file, nothing else.
RAW_SPACY = """
import json, sys
import spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[4])):
    pass
"""
# The same with khaldun's spaCy pipeline: the parse khaldun itself runs (same annotations).
KHALDUN_PARSE = RAW_SPACY.replace(
    "nlp = spacy.load(sys.argv[2])",
    "from khaldun.nlp.spacy_backend import load_spacy_model\nnlp = load_spacy_model(sys.argv[2])",
)


def whole_processes(texts: list[str], processes: list[int], repeat: int) -> None:
    """The three commands from start to exit, at each number of processes."""
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(texts)} documents, {words:,} words; best of {repeat} runs each", flush=True)
    header = ("processes", "spaCy docs/s", "parse docs/s", "khaldun docs/s", "ratio", "(to parse)")
    print("".join(f"{h:>{w}}" for h, w in zip(header, WIDTHS, strict=True)) + "   peak MB: spaCy, khaldun")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": f"bench-{i}", "text": text}) + "\n")
        events = Path(tmp) / "events.jsonl"
        for n in processes:
            raw, parse, ours = [], [], []
            for _ in range(repeat):
                raw.append(timed(parse_command(RAW_SPACY, path, n)))
                parse.append(timed(parse_command(KHALDUN_PARSE, path, n)))
                ours.append(timed(khaldun_command(path, n), stdout=events))
            (raw_s, raw_mb), (parse_s, _), (our_s, our_mb) = min(raw), min(parse), min(ours)
            rates = (len(texts) / raw_s, len(texts) / parse_s, len(texts) / our_s)
            row = (n, *rates, raw_s / our_s, parse_s / our_s)
            line = "".join(f"{v:>{w}{f}}" for v, w, f in zip(row, WIDTHS, FORMATS, strict=True))
            print(f"{line}   {raw_mb:.0f}, {our_mb:.0f}", flush=True)
        with events.open(encoding="utf-8") as f:
            print(f"events coded by khaldun: {sum(1 for _ in f)}")
    print("spaCy: spacy.load + nlp.pipe (stock); parse: the same with khaldun's spaCy pipeline, whose")
    print("attribute ruler and lemmatizer give the same annotations faster (khaldun.nlp)")
    print("ratio: khaldun's rate over stock spaCy's (whole processes, start-up and model load included);")
    print("(to parse): over the parse khaldun runs, i.e. what coding adds")
    print("peak MB: RSS of the largest process of the command (the main process or one worker)")


WIDTHS = (9, 14, 14, 16, 8, 12)
FORMATS = ("d", ".1f", ".1f", ".1f", ".2f", ".2f")


def parse_command(script: str, path: Path, processes: int) -> list[str]:
    config = load_config()
    settings = (config.nlp_model, str(config.batch_size), str(processes))
    return [sys.executable, "-c", script, str(path), *settings]


def khaldun_command(path: Path, processes: int) -> list[str]:
    return [
        *(sys.executable, "-m", "khaldun", "code", "--input", str(path)),
        *("--workers", str(processes), "--format", "jsonl", "--no-progress"),
    ]


def timed(command: list[str], stdout: Path | None = None) -> tuple[float, float]:
    """Seconds from start to exit, and the peak RSS (MB) of the command's largest process
    (``wait4`` reports the maximum over the process and the children it waited for)."""
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode(errors="replace")[-2000:]
            sys.exit(f"{' '.join(command[:4])} ... failed ({proc.returncode}): {message}")
    return seconds, usage.ru_maxrss / 1024


if __name__ == "__main__":
    main()
