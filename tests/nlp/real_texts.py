"""Real text for the tests that compare khaldun's spaCy components with the stock ones."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def real_texts() -> list[str]:
    """The documents of the test corpus (news-like, several formats) and the example article."""
    from khaldun.corpus.readers import ReadOptions, read_corpus
    from khaldun.model import Document

    texts = [d.text for d in read_corpus([str(CORPUS)], ReadOptions()) if isinstance(d, Document)]
    texts.append(resources.files("khaldun").joinpath("examples/visit.txt").read_text("utf-8"))
    return texts
