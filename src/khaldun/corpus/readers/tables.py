"""CSV and TSV: one document a row, with the columns named by the read options."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from khaldun.corpus.readers.base import ReadOptions, make_document, parse_date, read_text_file, unreadable
from khaldun.errors import InputError
from khaldun.model import Document

# The csv module refuses fields over 131,072 characters by default, far below --max-chars; the
# length of a text is checked against --max-chars itself, with its own message. (A C long.)
FIELD_SIZE_LIMIT = 2**31 - 1


def read_csv(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per row; columns named by the options (``--text-column`` ...)."""
    try:
        text = read_text_file(path)
    except InputError as exc:
        yield exc
        return
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    delimiter = options.delimiter or ("\t" if path.suffix.lower() == ".tsv" else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        yield InputError(f"{path}: no CSV header row ({exc or 'empty file'})")
        return
    if options.text_column not in header:
        yield InputError(
            f"{path}: no column {options.text_column!r} for the text; columns are {', '.join(header)} "
            "(choose one with --text-column)"
        )
        return
    empty = True
    for item in csv_rows(path, reader, header, options):
        empty = False
        yield item
    if empty:
        yield InputError(f"{path}: no rows under the CSV header; there is no text to code")


def csv_rows(
    path: Path, reader: Iterator[list[str]], header: list[str], options: ReadOptions
) -> Iterator[Document | InputError]:
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"{path} line {getattr(reader, 'line_num', '?')}: malformed CSV ({exc})")
            continue
        where = f"{path} line {getattr(reader, 'line_num', '?')}"
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield InputError(f"{where}: malformed CSV row: {len(row)} fields, the header has {len(header)}")
            continue
        yield _row_document(dict(zip(header, row, strict=True)), where, options)


def _row_document(record: dict[str, str], where: str, options: ReadOptions) -> Document | InputError:
    try:
        body = record.get(options.text_column, "")
        if not body.strip():
            raise InputError(f"{where}: empty {options.text_column!r} column")
        return make_document(
            body,
            options,
            where=where,
            id=record.get(options.id_column),
            title=record.get(options.title_column),
            source=record.get(options.source_column),
            url=record.get(options.url_column),
            published=parse_date(record.get(options.date_column), where),
        )
    except InputError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - one odd row must not end the run: it is reported instead
        return unreadable(where, exc)
