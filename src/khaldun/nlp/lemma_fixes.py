"""Lemmas the model's rule lemmatizer gets wrong, and the right ones.

The English rule lemmatizer strips suffixes and keeps the first form its word lists
know, so "hoped" becomes "hop" and "staged" becomes "stag": the lexicon's "stage"
rules and the modality cue "hope" would never see them. The corrections are data
(``data/text/lemmas.tsv``), applied by :mod:`khaldun.nlp.lemma_memo` where it would ask
the lemmatizer (whose exception table cannot override a form its rules also find);
every other lemma stays the model's own.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from functools import cache
from importlib import resources

from khaldun.errors import DataFileError


@cache
def lemma_fixes() -> dict[str, dict[str, str]]:
    """The corrections by part of speech: {"verb": {"hoped": "hope", ...}}."""
    fixes: dict[str, dict[str, str]] = {}
    for line_no, (pos, form, lemma) in _rows():
        if not (pos and form and lemma) or form != form.lower():
            raise DataFileError(
                f"data/text/lemmas.tsv line {line_no}: expected pos, a lower-case form and a lemma"
            )
        fixes.setdefault(pos, {})[form] = lemma
    return fixes


def _rows() -> Iterator[tuple[int, tuple[str, str, str]]]:
    file = resources.files("khaldun.data").joinpath("text/lemmas.tsv")
    lines = [(n, line) for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)]
    body = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")][1:]  # header
    for n, line in body:
        cells = next(csv.reader([line], delimiter="\t"))
        if len(cells) != 3:
            raise DataFileError(
                f"data/text/lemmas.tsv line {n}: expected 3 tab-separated columns, got {len(cells)}"
            )
        yield n, (cells[0], cells[1], cells[2])
