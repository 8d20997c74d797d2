"""Reading a partition on a worker: whole files with the corpus readers, byte ranges of JSON Lines
and CSV files record by record, with the same documents and the same errors (line numbers
included) as the plain readers give for the whole file.

A whole file goes through :func:`~khaldun.corpus.readers.read_corpus`, as in the
plain ingest. A range is read here: its JSON lines with the JSON Lines reader's
own line parser, its CSV rows with the CSV reader's own row loop, under the
header row read from the head of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from khaldun.corpus.distributed.partitions import Partition, Segment
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.corpus.readers.tables import FIELD_SIZE_LIMIT, csv_rows
from khaldun.corpus.readers.text import jsonl_document, line_document
from khaldun.errors import InputError
from khaldun.model import Document

Item = Document | InputError
# A JSON object of one line into a document; ``where`` names the line in errors.
ToDocument = Callable[[Any, str], Document]


def read_partition(partition: Partition, options: ReadOptions) -> list[Item]:
    """Every document of ``partition`` in reading order, an error in place of what cannot be read."""
    items: list[Item] = []
    for segment in partition.segments:
        if missing := _missing_here(segment):
            items.append(missing)
        elif segment.whole:
            items.extend(read_corpus([segment.path], options, fmt=segment.fmt))
        elif segment.fmt == "jsonl":
            items.extend(read_jsonl_range(segment, jsonl_document(options)))
        else:
            items.extend(read_csv_range(segment, options))
    return items


def _missing_here(segment: Segment) -> InputError | None:
    """A file the client saw and this worker does not: the inputs are not on shared storage."""
    if segment.path.startswith(("http://", "https://")) or Path(segment.path).exists():
        return None
    return InputError(
        f"{segment.path}: no such file on the Dask worker at {socket.gethostname()}; every worker must "
        "see the inputs at the path the client gives (shared storage, or the same copy on each machine)"
    )


def read_range(segment: Segment) -> bytes:
    with open(segment.path, "rb") as stream:
        stream.seek(segment.start)
        return stream.read((segment.end or 0) - segment.start)


def read_jsonl_range(segment: Segment, to_document: ToDocument) -> Iterator[Item]:
    """The documents of the JSON lines in a range, each error naming its line in the whole file."""
    try:
        data = read_range(segment)
    except OSError as exc:
        yield InputError(f"{segment.path}: cannot be read ({exc.strerror})")
        return
    if segment.start == 0:
        data = data.removeprefix(codecs.BOM_UTF8)
    # Lines end at b"\n" only, as when the plain reader iterates over the file.
    for number, raw in enumerate(io.BytesIO(data), segment.first_line):
        if raw.strip():
            yield line_document(raw, f"{segment.path} line {number}", to_document)


def read_csv_range(segment: Segment, options: ReadOptions) -> Iterator[Item]:
    """The documents of the CSV rows in a range, under the file's header row."""
    try:
        data = read_range(segment)
        head = read_range(Segment(segment.path, "csv", 0, 0, segment.header_end))
    except OSError as exc:
        yield InputError(f"{segment.path}: cannot be read ({exc.strerror})")
        return
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    delimiter = options.delimiter or ("\t" if Path(segment.path).suffix.lower() == ".tsv" else ",")
    reader = csv.reader(io.StringIO(_csv_text(data), newline=""), delimiter=delimiter, strict=True)
    if segment.start == 0:
        header = next(reader)
    else:
        header = next(csv.reader(io.StringIO(_csv_text(head), newline=""), delimiter=delimiter))
    path = Path(segment.path)
    yield from csv_rows(path, _Numbered(reader, segment.first_line - 1), header, options)


def _csv_text(data: bytes) -> str:
    """Bytes of a CSV file as its reader decodes the whole file (the client checked they are UTF-8)."""
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\x00", "")


class _Numbered:
    """A csv reader whose ``line_num`` counts from the range's first line in the whole file."""

    def __init__(self, reader: Any, before: int) -> None:
        self.reader, self.before = reader, before

    def __iter__(self) -> _Numbered:
        return self

    def __next__(self) -> list[str]:
        return next(self.reader)

    @property
    def line_num(self) -> int:
        return self.reader.line_num + self.before
