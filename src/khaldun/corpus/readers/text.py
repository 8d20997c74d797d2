"""Plain text and JSON Lines: a document a text file (or stdin), a document a JSON line.

``khaldun code`` reads one file, stdin or a JSON Lines batch
(:func:`read_text_document`, :func:`read_jsonl_documents`: ids as given, the
file name, or :class:`~khaldun.model.Document`'s own); ingest reads the
files of a corpus (:func:`read_text`, :func:`read_jsonl`: ids as given or
from content, see :func:`~khaldun.corpus.readers.base.make_document`). Both
read JSON lines with :func:`jsonl_documents`: a bad line yields its error,
with its line number, in place of its document, and the rest are read; a
line that makes the JSON parser fail in any way (nesting too deep for it, say)
is such a bad line. A UTF-8 byte-order mark before line 1 is allowed.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import sys
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
    repair,
    repaired_text,
    unreadable,
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
        text = repaired_text(decode_text(data, "<stdin>"), "<stdin>")
        return Document(text=text, id="stdin", published=published)
    text = read_text_file(path, max_chars=max_chars)
    check_length(text, path, max_chars)
    return Document(text=repaired_text(text, path), id=Path(path).stem, source=None, published=published)


def read_jsonl_documents(
    path: str, *, default_published: dt.date | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Document | InputError]:
    """Documents from a JSON Lines file (stdin when ``path`` is ``-``), one per line.

    A bad line yields its error; an input with no line at all yields one error.
    Text is repaired on read (:func:`~khaldun.corpus.readers.base.repair`).
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
        yield from jsonl_documents(stream, name, to_document)
    finally:
        if path != "-":
            stream.close()


def document_from_record(record: Any, where: str, *, default_published: dt.date | None) -> Document:
    """A document from one JSON object with ``id``, ``text`` and optional metadata, repaired."""
    fields = record_fields(record, where)
    return Document(
        text=repaired_text(fields["text"], where),
        id=str(fields["id"]) if fields["id"] is not None else "",
        title=repair(fields["title"]) if fields["title"] else None,
        source=repair(fields["source"]) if fields["source"] else None,
        url=fields["url"],
        published=fields["published"] or default_published,
    )


def record_fields(record: Any, where: str) -> dict[str, Any]:
    """The checked fields of one JSON document: ``text`` a non-blank string, the others strings or null."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, found {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f'{where}: missing or empty "text"')
    doc_id = record.get("id")
    if doc_id is not None and not isinstance(doc_id, str | int):
        raise InputError(f'{where}: "id" must be a string')
    fields = {"text": text, "id": doc_id, "published": parse_date(record.get("published"), where)}
    for key in ("title", "source", "url"):
        value = record.get(key)
        # Anything else would reach the store as a list or a number where text is expected.
        if value is not None and not isinstance(value, str):
            raise InputError(f'{where}: "{key}" must be a string, found {type(value).__name__}')
        fields[key] = value
    return fields


def jsonl_documents(
    stream: IO[bytes], name: str, to_document: Callable[[Any, str], Document]
) -> Iterator[Document | InputError]:
    """``to_document(record, where)`` of each non-blank line; a bad line yields its error.

    An input with no JSON line at all yields one error, as does one in UTF-16/32.
    """
    empty = True
    for number, raw in enumerate(stream, 1):
        if number == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)):
                yield InputError(
                    f"{name}: UTF-16 or UTF-32 text; JSON Lines must be UTF-8: convert it first, "
                    "e.g. `iconv -f utf-16 -t utf-8`"
                )
                return
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if raw.strip():
            empty = False
            yield line_document(raw, f"{name} line {number}", to_document)
    if empty:
        yield InputError(f"{name}: the input is empty; expected one JSON document a line")


def line_document(
    raw: bytes, where: str, to_document: Callable[[Any, str], Document]
) -> Document | InputError:
    try:
        return to_document(json.loads(raw.decode("utf-8")), where)
    except UnicodeDecodeError:
        return InputError(f"{where}: not valid UTF-8")
    except ValueError as exc:  # json.JSONDecodeError, or a number too long to convert
        reason = f"{exc.msg} at column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else exc
        return InputError(f"{where}: not valid JSON ({reason})")
    except InputError as exc:
        return exc
    except RecursionError:
        return InputError(
            f"{where}: JSON nested too deeply for the parser (about {sys.getrecursionlimit():,} levels "
            "or more); a document is one object of strings: flatten the line"
        )
    except Exception as exc:  # noqa: BLE001 - one odd line must not end the run: it is reported instead
        return unreadable(where, exc)


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

    with stream:
        yield from jsonl_documents(stream, str(path), jsonl_document(options))


def jsonl_document(options: ReadOptions) -> Callable[[Any, str], Document]:
    """What makes a document of one JSON line's record (``where`` names the line in errors):
    the ingest's JSON Lines reader and a Dask worker's byte range read records alike."""

    def to_document(record: Any, where: str) -> Document:
        fields = record_fields(record, where)
        return make_document(
            fields["text"],
            options,
            where=where,
            id=fields["id"],
            title=fields["title"],
            source=fields["source"],
            url=fields["url"],
            published=fields["published"],
        )

    return to_document
