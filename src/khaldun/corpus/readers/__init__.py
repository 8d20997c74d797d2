"""Corpus readers: plain text, JSON Lines, CSV, HTML, RSS/Atom feeds and folders; stdin.

Every reader yields :class:`~khaldun.model.Document` or, in place of a
document it cannot read, an :class:`~khaldun.errors.InputError` that names
the input (file, line or row, feed entry) and the reason, then goes on with
the rest. Readers are chosen by file extension (``READERS`` maps a format
name to its reader; :func:`format_for` the extension to the format), or by
name with ``khaldun ingest --input-format``; :func:`read_corpus` reads files,
folders and feed URLs with them. A reader that fails in a way no check
foresaw reports its input and the rest are read; an input that gives no
document at all is reported too.

A folder is read recursively, hidden files and folders left out. A symbolic
link in it that leads out of the folder is not followed (it is reported)
unless ``ReadOptions.follow_links`` (``--follow-links``) says so; one that
stays inside is skipped, its target being read under its own name.

Document ids come from content: a given ``id`` (JSON Lines ``id``, the CSV
id column) is kept; otherwise the id is a hash of the url and the text, so
the same article ingested twice has the same id and is stored once.

``khaldun code`` reads one text file, stdin or a JSON Lines batch with
:func:`read_text_document` and :func:`read_jsonl_documents`.

Modules: ``base`` (options, bytes, decoding, limits, ids), ``text`` (text,
JSON Lines, stdin), ``tables`` (CSV/TSV), ``web`` (HTML pages, feeds).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from khaldun.corpus.readers.base import ReadOptions, content_id, unreadable
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


def iter_files(paths: Iterable[str], *, follow_links: bool = False) -> Iterator[Path | str | InputError]:
    """Files under the given paths (folders recursively, sorted), URLs as they are.

    In a folder, a symbolic link out of it yields an error unless ``follow_links``.
    """
    for item in paths:
        if item.startswith(("http://", "https://")):
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for _, found in sorted(_folder_files(path, follow_links), key=lambda pair: pair[0].parts):
                yield found
        elif path.exists():
            yield path
        else:
            yield InputError(f"{item}: no such file or folder")


def _folder_files(root: Path, follow_links: bool) -> Iterator[tuple[Path, Path | InputError]]:
    """``(path, file or error)`` under ``root``, hidden ones left out; links out reported unless followed."""
    inside = root.resolve()
    seen: set[str] = set()  # folders walked, by real path: a followed link may loop back
    for folder, dirs, files in os.walk(root, followlinks=follow_links):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in dirs if not follow_links else ():
            if os.path.islink(os.path.join(folder, name)):
                yield from _link_out(Path(folder, name), inside)
        for name in files:
            if not name.startswith("."):
                yield from _entry(Path(folder, name), inside, follow_links)


def _entry(path: Path, inside: Path, follow_links: bool) -> Iterator[tuple[Path, Path | InputError]]:
    """A file of a folder to read; a link out of it, or a broken one, reported; a link in it, nothing."""
    if path.is_symlink() and not path.exists():
        yield path, InputError(f"{path}: a broken symbolic link (to {os.readlink(path)}); fix or remove it")
    elif path.is_symlink() and not follow_links:
        yield from _link_out(path, inside)
    elif path.is_file():
        yield path, path


def _link_out(link: Path, inside: Path) -> Iterator[tuple[Path, InputError]]:
    """An error for a link that leads out of the folder; nothing for one that stays in it."""
    target = link.resolve()
    if not target.is_relative_to(inside):
        why = f"{link}: a symbolic link out of the folder (to {target}); not followed: give --follow-links"
        yield link, InputError(f"{why} to read it")


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
    for path in iter_files(paths, follow_links=options.follow_links):
        if isinstance(path, InputError):
            yield path
            continue
        if on_file is not None:
            on_file(path, 0 if isinstance(path, str) else _size(path))
        if isinstance(path, str):
            yield from _guarded(read_feed, path, options)
            continue
        name = format_for(path)
        reader = forced or (READERS[name] if name else None)
        if reader is None:
            yield InputError(
                f"{path}: unknown file type {path.suffix or '(no extension)'!r}; "
                f"known: {', '.join(sorted(EXTENSIONS))} (or choose with --input-format)"
            )
            continue
        yield from _guarded(reader, path, options)


def _guarded(reader: Reader, path: Path | str, options: ReadOptions) -> Iterator[Document | InputError]:
    """What ``reader`` yields for ``path``; an error in place of a failure, or of nothing at all."""
    count = 0
    try:
        for item in reader(path, options):  # type: ignore[arg-type] - read_feed also takes a URL
            count += 1
            yield item
    except Exception as exc:  # noqa: BLE001 - one input must not end the run: it is reported instead
        yield unreadable(f"{path} (stopped after {count} documents and errors)", exc)
        return
    if count == 0:
        yield InputError(f"{path}: no document found in it; there is no text to code")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def total_size(paths: Iterable[str], *, follow_links: bool = False) -> int | None:
    """Bytes of all files under ``paths`` (None when a URL is among them), for time-left estimates."""
    total = 0
    for path in iter_files(paths, follow_links=follow_links):
        if isinstance(path, str):
            return None
        if isinstance(path, Path):
            total += _size(path)
    return total
