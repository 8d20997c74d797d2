"""What every reader shares: options, file bytes, text decoding, dates, limits and document ids.

Every problem is an :class:`~khaldun.errors.InputError` that names the input
and what is wrong with it: an empty file, binary content, invalid UTF-8, a
file over the size limit, a bad date.

Text is read as UTF-8 (a byte-order mark is dropped), or as UTF-16/32 when a
byte-order mark or the pattern of its zero bytes says so, and is repaired on
read by ftfy (:func:`repair`): mojibake such as ``â€™`` becomes ``’`` and
control characters (a stray NUL) are dropped.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.model import Document, stable_id

if TYPE_CHECKING:
    import ftfy

# Bytes that never occur in text files; their presence means binary content.
BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 32)) - {27}
# UTF-8 needs at most 4 bytes a character: a file larger than this is surely over the limit.
BYTES_PER_CHAR = 4
# Byte-order marks, the longest first: UTF-32 LE's mark begins with UTF-16 LE's.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


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
    follow_links: bool = False  # follow symbolic links in a folder that lead out of it


def decode_text(data: bytes, name: str) -> str:
    """Decode bytes as text (UTF-8, or UTF-16/32 so marked), refusing empty, binary and mis-encoded input."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty; there is no text to code")
    encoding = sniff_encoding(data)
    sample = data[:8192]
    # One stray control byte (a NUL from a broken export) does not make a text binary; many do.
    if encoding == "utf-8" and sum(b in BINARY_BYTES for b in sample) > max(len(sample) // 100, 1):
        raise InputError(f"{name}: this looks like a binary file, not text (found control bytes)")
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        if encoding != "utf-8":
            raise InputError(
                f"{name}: not valid {encoding.upper()} (at byte {exc.start}); convert it to UTF-8 first, "
                f"e.g. `iconv -f {encoding} -t utf-8`"
            ) from None
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`"
        ) from None
    if not text.strip():
        raise InputError(f"{name}: the input is empty; there is no text to code")
    # NUL is never text, and the csv module refuses a line that holds one; ftfy would drop it later.
    return text.replace("\r\n", "\n").replace("\x00", "")


def sniff_encoding(data: bytes) -> str:
    """The codec of ``data``: by its byte-order mark, else UTF-16 by its zero bytes, else UTF-8.

    Text in UTF-16 without a mark still shows itself: mostly-ASCII text has a zero
    in every other byte, on one side only (the low side for little-endian).
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return "utf-8" if encoding == "utf-8-sig" else encoding
    sample = data[:8192]
    pairs = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if pairs >= 2 and len(data) % 2 == 0:
        if odd >= pairs * 0.4 and even <= pairs * 0.01:
            return "utf-16-le"
        if even >= pairs * 0.4 and odd <= pairs * 0.01:
            return "utf-16-be"
    return "utf-8"


def repair(text: str) -> str:
    """Text as it was meant: mojibake (``â€™`` for ``’``) undone, control characters dropped (ftfy).

    Only repairs: quotes, widths, ligatures, line breaks and HTML entities are left as written.
    """
    import ftfy

    return ftfy.fix_text(text, _repair_config())


def repaired_text(text: str, where: str) -> str:
    """:func:`repair` of a document's text, refusing one that only held control characters."""
    repaired = repair(text)
    if not repaired.strip():
        raise InputError(f"{where}: no text left once control characters are dropped")
    return repaired


@lru_cache(maxsize=1)
def _repair_config() -> ftfy.TextFixerConfig:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )


def unreadable(where: str, exc: BaseException) -> InputError:
    """The error of an input that made a reader fail in a way no check foresaw: it names the input."""
    return InputError(
        f"{where}: could not be read ({type(exc).__name__}: {exc}); it was skipped, the rest are read "
        "(please report this input if it looks right)"
    )


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
    """A corpus document, repaired: a given id or one from its content, ``options.source`` by default.

    The id comes from the text as given, so a document keeps the id it had
    before text was repaired on read (re-ingesting adds nothing).
    """
    check_length(text, where, options.max_chars)
    return Document(
        text=repaired_text(text, where),
        id=str(id or "") or content_id(text, url),
        title=repair(title) if title else None,
        source=repair(source) if source else options.source,
        url=url or None,
        published=published or None,
    )
