"""Data files shipped with khaldun: ontology tables, actors, lexicon, gazetteer.

``read_tsv`` reads the project's TSV format, shared by every stage's data files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from importlib.abc import Traversable

from khaldun.errors import DataFileError


def bundled_data(path: str) -> Traversable:
    """A file or folder of the bundled data, by its path under ``khaldun/data`` ("lexicon/verbs.yaml")."""
    return resources.files("khaldun.data").joinpath(path)


def read_tsv(file: Traversable) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV data file with ``#`` comment lines, as (line number, row)."""
    lines = file.read_text("utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        return
    header = numbered[0][1].split("\t")
    for n, line in numbered[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise DataFileError(
                f"{file.name} line {n}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), found {len(cells)}"
            )
        yield n, dict(zip(header, cells, strict=True))
