"""Start-up: ``khaldun code`` on one sentence against a bare ``spacy.load`` of the same model.

Both are whole processes, timed from start to exit:

- spaCy: ``python -c "import spacy; nlp = spacy.load(MODEL); nlp(SENTENCE)"``;
- khaldun: ``python -m khaldun code FILE --format jsonl`` on a file holding the sentence.

Each is run --repeat times, alternating, after one unmeasured run of each (which also
builds the compiled knowledge cache if it is not there yet); the median and the fastest
run of each are printed, with their ratios. --cold also times khaldun with an empty
cache folder each run (the first run on a machine), and --imports prints the modules
whose import costs khaldun's process most (``python -X importtime``).

    python benchmarks/startup.py [--repeat 7] [--cold] [--imports]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khaldun.config import load_config

SENTENCE = "Iran's president met Iraq's prime minister in Basra on Sunday."
BARE_SPACY = "import sys, spacy; nlp = spacy.load(sys.argv[1]); nlp(sys.argv[2])"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cold", action="store_true", help="also time khaldun with an empty cache")
    parser.add_argument("--imports", action="store_true", help="print khaldun's costliest imports")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "one.txt"
        text.write_text(SENTENCE + "\n", encoding="utf-8")
        spacy_cmd = [sys.executable, "-c", BARE_SPACY, load_config().nlp_model, SENTENCE]
        khaldun_cmd = [sys.executable, "-m", "khaldun", "code", str(text), "--format", "jsonl"]
        timed(spacy_cmd), timed(khaldun_cmd)  # warm the file cache and the knowledge cache
        bare, ours, cold = [], [], []
        for n in range(args.repeat):
            bare.append(timed(spacy_cmd))
            ours.append(timed(khaldun_cmd))
            if args.cold:
                cold.append(timed(khaldun_cmd, {"KHALDUN_CACHE_DIR": str(Path(tmp) / f"cold{n}")}))
        report("bare spacy.load + one sentence", bare, bare)
        report("khaldun code, one sentence", ours, bare)
        if cold:
            report("khaldun code, empty cache", cold, bare)
        if args.imports:
            print_imports(khaldun_cmd)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def report(label: str, seconds: list[float], baseline: list[float]) -> None:
    median, best = statistics.median(seconds), min(seconds)
    ratio = f"{median / statistics.median(baseline):.2f} (fastest {best / min(baseline):.2f})"
    print(f"{label:<34} median {median:5.2f} s  fastest {best:5.2f} s  ratio to bare spaCy {ratio}")


def print_imports(command: list[str], top: int = 15) -> None:
    """The modules with the largest cumulative import time in khaldun's process."""
    run = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]], capture_output=True, text=True, check=True
    )
    rows = []
    for line in run.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line.split("|")
            rows.append((int(cumulative), name.strip()))
    total = sum(c for c, name in rows if not name.startswith(" ") and "." not in name.strip())
    print(f"imports, cumulative (top {top}; top-level packages {total / 1e6:.2f} s in all):")
    for cumulative, name in sorted(rows, reverse=True)[:top]:
        print(f"  {cumulative / 1e6:6.3f} s  {name}")


if __name__ == "__main__":
    main()
