"""Events are the same with the knowledge built from the data files and loaded from the cache."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.model import Document

pytestmark = pytest.mark.model

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _code(documents: Path, cache: str, workers: int = 1) -> tuple[str, str]:
    """``khaldun code --explain`` on the documents in a process of its own: (events, notes)."""
    run = subprocess.run(
        [sys.executable, "-m", "khaldun", "code", "--input", str(documents), "--format", "jsonl"]
        + ["--explain", "--workers", str(workers), "--no-progress"],
        env={**os.environ, "KHALDUN_CACHE_DIR": cache},
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout, run.stderr


def test_the_corpus_codes_the_same_without_cache_cold_and_warm(tmp_path: Path) -> None:
    documents = tmp_path / "corpus.jsonl"
    with documents.open("w", encoding="utf-8") as out:
        for doc in read_corpus([str(CORPUS)], ReadOptions()):
            assert isinstance(doc, Document), doc
            published = doc.published.isoformat() if doc.published else None
            out.write(json.dumps({"id": doc.id, "text": doc.text, "published": published}) + "\n")
    cache = tmp_path / "cache"
    uncached = _code(documents, "off")
    assert uncached[0].count("\n") >= 10  # the corpus gives events: the comparison means something
    assert _code(documents, str(cache)) == uncached  # builds the entries
    assert {p.name.split("-")[0] for p in cache.glob("*.pickle")} == {"knowledge", "cities"}
    assert _code(documents, str(cache)) == uncached  # loads them
    assert _code(documents, str(cache), workers=2) == uncached  # in workers forked with them
