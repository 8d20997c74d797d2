"""Corpus readers: plain text, JSON Lines, CSV, HTML, RSS/Atom feeds and folders; stdin.

Every reader yields :class:`~khaldun.model.Document` or, in place of a
document it cannot read, an :class:`~khaldun.errors.InputError` that names
the input (file, line or row, feed entry) and the reason, then goes on with
the rest. Readers are chosen by file extension (``READERS`` maps a format
name to its reader; :func:`format_for` the extension to the format), or by
name with ``khaldun ingest --format``; :func:`read_corpus` reads files,
folders and feed URLs with them.

Document ids come from content: a given ``id`` (JSON Lines ``id``, the CSV
id column) is kept; otherwise the id is a hash of the url and the text, so
the same article ingested twice has the same id and is stored once.

``khaldun code`` reads one text file, stdin or a JSON Lines batch with
:func:`read_text_document` and :func:`read_jsonl_documents`.

Modules: ``base`` (options, bytes, decoding, limits, ids), ``text`` (text,
JSON Lines, stdin), ``tables`` (CSV/TSV), ``web`` (HTML pages, feeds).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from khaldun.corpus.readers.base import ReadOptions, content_id
from khaldun.corpus.readers.tables import read_csv
from khaldun.corpus.readers.text import read_jsonl, read_jsonl_documents, read_text, read_text_document
from khaldun.corpus.readers.web import read_feed, read_html
from khaldun.errors import InputError, RegistryError
from khaldun.model import Document

__all__ = [
    "EXTENSIONS",
    "READERS",
    "ReadOptions",
    "Reader",
    "content_id",
    "format_for",
    "iter_files",
    "read_corpus",
    "read_jsonl_documents",
    "read_text_document",
    "reader_named",
    "total_size",
]

Reader = Callable[[Path, ReadOptions], Iterator[Document | InputError]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
}

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}


def format_for(path: Path) -> str | None:
    """The reader for a file by its extension; a file with no extension is read as text."""
    if not path.suffix:
        return "text"
    return EXTENSIONS.get(path.suffix.lower())


def reader_named(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise RegistryError(f"No reader named {name!r}. Available: {', '.join(sorted(READERS))}.") from None


def iter_files(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Files under the given paths (folders recursively, sorted), URLs as they are."""
    for item in paths:
        if item.startswith(("http://", "https://")):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.exists():
            yield path
        else:
            yield InputError(f"{item}: no such file or folder")


def read_corpus(
    paths: Iterable[str],
    options: ReadOptions,
    *,
    fmt: str = "auto",
    on_file: Callable[[Path | str, int], None] | None = None,
) -> Iterator[Document | InputError]:
    """Every document under ``paths``, streaming; unreadable inputs yield their error.

    ``on_file(path, size)`` is called as each file (or URL, size 0) is opened,
    for progress reports.
    """
    forced = None if fmt == "auto" else reader_named(fmt)
    for path in iter_files(paths):
        if isinstance(path, InputError):
            yield path
            continue
        if on_file is not None:
            on_file(path, 0 if isinstance(path, str) else _size(path))
        if isinstance(path, str):
            yield from read_feed(path, options)
        else:
            name = format_for(path)
            reader = forced or (READERS[name] if name else None)
            if reader is None:
                yield InputError(
                    f"{path}: unknown file type {path.suffix or '(no extension)'!r}; "
                    f"known: {', '.join(sorted(EXTENSIONS))} (or choose with --format)"
                )
                continue
            yield from reader(path, options)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def total_size(paths: Iterable[str]) -> int | None:
    """Bytes of all files under ``paths`` (None when a URL is among them), for time-left estimates."""
    total = 0
    for path in iter_files(paths):
        if isinstance(path, str):
            return None
        if isinstance(path, Path):
            total += _size(path)
    return total
