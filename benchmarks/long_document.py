"""One very long document: time and peak memory to code it, parsed in sections or whole.

The document is the project's example (``src/khaldun/examples/visit.txt``)
repeated, paragraphs apart, up to ``--chars`` characters. Each size is coded
(parse and every later stage, as ``khaldun code`` does) in its own process,
so the peak RSS it prints is that document's alone (the model included:
``baseline`` is the peak after loading the model and parsing one sentence).

    python benchmarks/long_document.py [--chars 975000 ...] [--whole]

``--whole`` parses each document in one piece, as khaldun did before it
parsed long documents in sections (the figures to compare with).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "src" / "khaldun" / "examples" / "visit.txt"


def long_text(chars: int) -> str:
    """The example story repeated, a blank line between copies, cut to ``chars`` characters."""
    story = EXAMPLE.read_text(encoding="utf-8").strip()
    copies = chars // (len(story) + 2) + 1
    return "\n\n".join([story] * copies)[:chars]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def measure(chars: int, whole: bool) -> dict[str, float]:
    """Code one document of ``chars`` characters in this process; its time and peak memory."""
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import load_config
    from khaldun.model import Document

    text = long_text(chars)
    pipeline = Pipeline(load_config().with_overrides(max_document_chars=max(chars, 1)))
    if whole and hasattr(pipeline.nlp, "section_chars"):
        pipeline.nlp.section_chars = len(text) + 1  # type: ignore[attr-defined]
    pipeline.code("The minister met the president.")
    baseline = peak_mb()
    start = time.perf_counter()
    coded = pipeline.code_document(Document(text=text, id="long"))
    return {
        "chars": chars,
        "seconds": round(time.perf_counter() - start, 1),
        "peak_mb": round(peak_mb()),
        "baseline_mb": round(baseline),
        "events": len(coded.events),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, nargs="+", default=[975_000], help="document sizes to code")
    parser.add_argument("--whole", action="store_true", help="parse each document in one piece")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a child: one size, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.chars[0], args.whole)))
        return
    mode = "whole" if args.whole else "sections"
    print(f"{'chars':>10} {'mode':>9} {'seconds':>8} {'peak MB':>8} {'baseline MB':>12} {'events':>7}")
    for chars in args.chars:
        cmd = [sys.executable, __file__, "--one", "--chars", str(chars)] + (["--whole"] if args.whole else [])
        row = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        print(
            f"{row['chars']:>10,} {mode:>9} {row['seconds']:>8} {row['peak_mb']:>8,} "
            f"{row['baseline_mb']:>12,} {row['events']:>7}"
        )


if __name__ == "__main__":
    main()
