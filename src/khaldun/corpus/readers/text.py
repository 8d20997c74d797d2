"""Plain text and JSON Lines: a document a text file (or stdin), a document a JSON line.

``khaldun code`` reads one file, stdin or a JSON Lines batch
(:func:`read_text_document`, :func:`read_jsonl_documents`: ids as given, the
file name, or :class:`~khaldun.model.Document`'s own); ingest reads the
files of a corpus (:func:`read_text`, :func:`read_jsonl`: ids as given or
from content, see :func:`~khaldun.corpus.readers.base.make_document`). Both
read JSON lines with :func:`jsonl_documents`: a bad line yields its error,
with its line number, in place of its document, and the rest are read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from khaldun.corpus.readers.base import (
    BYTES_PER_CHAR,
    ReadOptions,
    check_length,
    check_size,
    decode_text,
    file_errors,
    make_document,
    parse_date,
    read_text_file,
)
from khaldun.errors import InputError
from khaldun.model import Document

# -- khaldun code: one file, stdin, a JSON Lines batch ------------------------------


def read_text_document(
    path: str, *, max_chars: int, published: dt.date | None = None, stdin: IO[bytes] | None = None
) -> Document:
    """One document from a text file, or from stdin when ``path`` is ``-``."""
    if path == "-":
        assert stdin is not None
        data = stdin.read(max_chars * BYTES_PER_CHAR + 1)
        check_size(len(data), "<stdin>", max_chars)
        return Document(text=decode_text(data, "<stdin>"), id="stdin", published=published)
    text = read_text_file(path, max_chars=max_chars)
    check_length(text, path, max_chars)
    return Document(text=text, id=Path(path).stem, source=None, published=published)


def read_jsonl_documents(
    path: str, *, default_published: dt.date | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Document | InputError]:
    """Documents from a JSON Lines file (stdin when ``path`` is ``-``), one per line.

    A bad line yields its error; an input with no line at all yields one error.
    """
    name = "<stdin>" if path == "-" else path
    if path == "-":
        assert stdin is not None
        stream = stdin
    else:
        try:
            with file_errors(path):
                stream = open(path, "rb")  # noqa: SIM115 - closed below
        except InputError as exc:
            yield exc
            return

    def to_document(record: Any, where: str) -> Document:
        return document_from_record(record, where, default_published=default_published)

    try:
        empty = True
        for item in jsonl_documents(stream, name, to_document):
            empty = False
            yield item
        if empty:
            yield InputError(f"{name}: the input is empty; expected one JSON document a line")
    finally:
        if path != "-":
            stream.close()


def document_from_record(record: Any, where: str, *, default_published: dt.date | None) -> Document:
    """A document from one JSON object with ``id``, ``text`` and optional metadata."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: missing or empty "text"')
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError(f'{where}: "id" must be a string')
    return Document(
        text=text,
        id=str(doc_id) if doc_id is not None else "",
        title=record.get("title"),
        source=record.get("source"),
        url=record.get("url"),
        published=parse_date(record.get("published"), where) or default_published,
    )


def jsonl_documents(
    stream: IO[bytes], name: str, to_document: Callable[[Any, str], Document]
) -> Iterator[Document | InputError]:
    """``to_document(record, where)`` of each non-blank line; a bad line yields its error."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{name} line {number}"
        try:
            record = json.loads(raw.decode("utf-8"))
            yield to_document(record, where)
        except UnicodeDecodeError:
            yield InputError(f"{where}: not valid UTF-8")
        except ValueError as exc:  # json.JSONDecodeError, or a number too long to convert
            reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else exc
            yield InputError(f"{where}: not valid JSON ({reason})")
        except InputError as exc:
            yield exc


# -- ingest: files of a corpus ------------------------------------------------------


def read_text(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per text file."""
    try:
        yield make_document(read_text_file(path), options, where=str(path))
    except InputError as exc:
        yield exc


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per line: ``{"id"?, "text", "published"?, "title"?, "source"?, "url"?}``."""
    try:
        with file_errors(path):
            stream = path.open("rb")
    except InputError as exc:
        yield exc
        return

    def to_document(record: Any, where: str) -> Document:
        doc = document_from_record(record, where, default_published=None)
        return make_document(
            doc.text,
            options,
            where=where,
            id=record.get("id"),
            title=doc.title,
            source=doc.source,
            url=doc.url,
            published=doc.published,
        )

    with stream:
        yield from jsonl_documents(stream, str(path), to_document)
