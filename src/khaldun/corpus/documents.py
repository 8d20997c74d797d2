"""Ingest stage: read documents from files, stdin and JSON Lines, with clear errors.

Every problem is an :class:`~khaldun.errors.InputError` that names the input
and what is wrong with it: an empty file, binary content, invalid UTF-8, a
malformed JSON line (with its line number), a file over the size limit.
Readers of many documents yield the error in place of the bad document and
go on with the rest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.model import Document

# Bytes that never occur in text files; their presence means binary content.
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
# UTF-8 needs at most 4 bytes a character: a file larger than this is surely over the limit.
_BYTES_PER_CHAR = 4


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text, refusing empty, binary and mis-encoded input."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty; there is no text to code")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in _BINARY_BYTES for b in sample) > len(sample) // 100:
        raise InputError(f"{name}: this looks like a binary file, not text (found control bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    return text.replace("\r\n", "\n")


def _check_size(size: int, name: str, max_chars: int) -> None:
    if size > max_chars * _BYTES_PER_CHAR:
        raise DocumentTooLargeError(
            f"{name}: {size:,} bytes is over the limit of {max_chars:,} characters a document; "
            "split it, or raise limits.max_document_chars (--max-chars)"
        )


def read_text_document(
    path: str, *, max_chars: int, published: dt.date | None = None, stdin: IO[bytes] | None = None
) -> Document:
    """One document from a text file, or from stdin when ``path`` is ``-``."""
    if path == "-":
        assert stdin is not None
        data = stdin.read(max_chars * _BYTES_PER_CHAR + 1)
        _check_size(len(data), "<stdin>", max_chars)
        return Document(text=decode_text(data, "<stdin>"), id="stdin", published=published)
    file = Path(path)
    try:
        _check_size(file.stat().st_size, path, max_chars)
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(
            f"{path}: is a directory; give a file, or use --input for a JSON Lines file"
        ) from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    text = decode_text(data, path)
    if len(text) > max_chars:
        raise DocumentTooLargeError(
            f"{path}: {len(text):,} characters is over the limit of {max_chars:,}; "
            "split it, or raise limits.max_document_chars (--max-chars)"
        )
    return Document(text=text, id=file.stem, source=None, published=published)


def parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: published date {value!r} is not an ISO date (YYYY-MM-DD)") from None


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


def read_jsonl_documents(
    path: str, *, default_published: dt.date | None = None, stdin: IO[bytes] | None = None
) -> Iterator[Document | InputError]:
    """Documents from a JSON Lines file, one per line; a bad line yields its error."""
    name = "<stdin>" if path == "-" else path
    try:
        stream = stdin if path == "-" else open(path, "rb")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        yield InputError(f"{path}: no such file")
        return
    assert stream is not None
    try:
        yield from _jsonl_lines(stream, name, default_published)
    finally:
        if path != "-":
            stream.close()


def _jsonl_lines(
    stream: IO[bytes], name: str, default_published: dt.date | None
) -> Iterator[Document | InputError]:
    seen_any = False
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        seen_any = True
        where = f"{name} line {number}"
        try:
            record = json.loads(raw.decode("utf-8"))
            yield document_from_record(record, where, default_published=default_published)
        except UnicodeDecodeError:
            yield InputError(f"{where}: not valid UTF-8")
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield exc
    if not seen_any:
        yield InputError(f"{name}: the input is empty; expected one JSON document a line")
