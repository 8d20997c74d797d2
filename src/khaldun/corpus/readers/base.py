"""What every reader shares: options, file bytes, text decoding, dates, limits and document ids.

Every problem is an :class:`~khaldun.errors.InputError` that names the input
and what is wrong with it: an empty file, binary content, invalid UTF-8, a
file over the size limit, a bad date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.model import Document, stable_id

# Bytes that never occur in text files; their presence means binary content.
BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
# UTF-8 needs at most 4 bytes a character: a file larger than this is surely over the limit.
BYTES_PER_CHAR = 4


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: CSV columns, defaults, limits."""

    source: str | None = None  # for documents with no source of their own
    text_column: str = "text"
    id_column: str = "id"
    title_column: str = "title"
    date_column: str = "published"
    url_column: str = "url"
    source_column: str = "source"
    delimiter: str | None = None  # None: "," (tab for .tsv)
    max_chars: int = 1_000_000


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 text, refusing empty, binary and mis-encoded input."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty; there is no text to code")
    sample = data[:8192]
    if b"\x00" in sample or sum(b in BINARY_BYTES for b in sample) > len(sample) // 100:
        raise InputError(f"{name}: this looks like a binary file, not text (found control bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    return text.replace("\r\n", "\n")


def check_size(size: int, name: str, max_chars: int) -> None:
    """Refuse ``size`` bytes that cannot hold fewer than ``max_chars`` characters."""
    if size > max_chars * BYTES_PER_CHAR:
        raise DocumentTooLargeError(
            f"{name}: {size:,} bytes is over the limit of {max_chars:,} characters a document; "
            "split it, or raise limits.max_document_chars (--max-chars)"
        )


def check_length(text: str, where: str, max_chars: int) -> None:
    """Refuse a text of more than ``max_chars`` characters."""
    if len(text) > max_chars:
        raise DocumentTooLargeError(
            f"{where}: {len(text):,} characters is over the limit of {max_chars:,}; "
            "split it, or raise limits.max_document_chars (--max-chars)"
        )


@contextmanager
def file_errors(path: Path | str) -> Iterator[None]:
    """Turn the errors of opening or reading ``path`` into an :class:`InputError` naming it."""
    try:
        yield
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(
            f"{path}: is a directory; give a file, or use --input for a JSON Lines file"
        ) from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


def read_bytes(path: Path | str, *, max_chars: int | None = None) -> bytes:
    """The bytes of a file; with ``max_chars``, a file surely over the limit is refused unread."""
    file = Path(path)
    with file_errors(path):
        if max_chars is not None:
            check_size(file.stat().st_size, str(path), max_chars)
        return file.read_bytes()


def read_text_file(path: Path | str, *, max_chars: int | None = None) -> str:
    """The text of a file (see :func:`read_bytes` and :func:`decode_text`)."""
    return decode_text(read_bytes(path, max_chars=max_chars), str(path))


def parse_date(value: Any, where: str) -> dt.date | None:
    """An ISO date (its first 10 characters); None for none or ""."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise InputError(f"{where}: published date {value!r} is not an ISO date (YYYY-MM-DD)") from None


def lenient_date(value: object) -> dt.date | None:
    """An ISO date, or None for anything else (dates found by extraction, not given)."""
    try:
        return parse_date(value, "")
    except InputError:
        return None


def content_id(text: str, url: str | None) -> str:
    """A document id from its url and text: re-reading the same article gives the same id."""
    return stable_id("doc", url or "", text)


def make_document(
    text: str,
    options: ReadOptions,
    *,
    where: str,
    id: Any = None,  # noqa: A002 - the field's name
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
) -> Document:
    """A corpus document: a given id or one from its content, ``options.source`` by default."""
    check_length(text, where, options.max_chars)
    return Document(
        text=text,
        id=str(id or "") or content_id(text, url),
        title=title or None,
        source=source or options.source,
        url=url or None,
        published=published or None,
    )
