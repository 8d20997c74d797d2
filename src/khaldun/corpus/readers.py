"""Corpus readers: plain text, JSON Lines, CSV, HTML, RSS/Atom feeds and folders.

Every reader yields :class:`~khaldun.model.Document` or, in place of a
document it cannot read, an :class:`~khaldun.errors.InputError` that names
the input (file, line or row, feed entry) and the reason, then goes on with
the rest. Readers are chosen by file extension (``READERS`` maps a format
name to its reader; :func:`format_for` the extension to the format), or by
name with ``khaldun ingest --format``.

Document ids come from content: a given ``id`` (JSON Lines ``id``, the CSV
id column) is kept; otherwise the id is a hash of the url and the text, so
the same article ingested twice has the same id and is stored once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from khaldun.corpus.documents import decode_text, document_from_record, parse_date
from khaldun.errors import InputError, RegistryError
from khaldun.model import Document, stable_id

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


# Fewer words than this extracted from a page is a menu or a stub, not an article.
_MIN_WORDS = 4


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


def content_id(text: str, url: str | None) -> str:
    """A document id from its url and text: re-reading the same article gives the same id."""
    return stable_id("doc", url or "", text)


def with_content_id(doc: Document) -> Document:
    if doc.id:
        return doc
    return replace(doc, id=content_id(doc.text, doc.url))


def _make(text: str, options: ReadOptions, **meta: object) -> Document:
    doc = Document(
        text=text,
        id=str(meta.get("id") or "") or content_id(text, meta.get("url")),  # type: ignore[arg-type]
        title=meta.get("title") or None,  # type: ignore[arg-type]
        source=meta.get("source") or options.source,  # type: ignore[arg-type]
        url=meta.get("url") or None,  # type: ignore[arg-type]
        published=meta.get("published") or None,  # type: ignore[arg-type]
    )
    if len(doc.text) > options.max_chars:
        raise InputError(
            f"{meta.get('where')}: {len(doc.text):,} characters is over the limit of {options.max_chars:,}; "
            "split it, or raise limits.max_document_chars (--max-chars)"
        )
    return doc


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied (unreadable file)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None


# -- one reader per format -----------------------------------------------------


def read_text(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per text file (title: the file name)."""
    try:
        text = decode_text(_read_bytes(path), str(path))
        yield _make(text, options, where=str(path))
    except InputError as exc:
        yield exc


def read_jsonl(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per line: ``{"id"?, "text", "published"?, "title"?, "source"?, "url"?}``."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot be read ({exc.strerror})")
        return
    with stream:
        for number, raw in enumerate(stream, 1):
            if not raw.strip():
                continue
            where = f"{path} line {number}"
            try:
                record = json.loads(raw.decode("utf-8"))
                doc = document_from_record(record, where, default_published=None)
                yield _make(
                    doc.text,
                    options,
                    where=where,
                    id=record.get("id"),
                    title=doc.title,
                    source=doc.source,
                    url=doc.url,
                    published=doc.published,
                )
            except UnicodeDecodeError:
                yield InputError(f"{where}: not valid UTF-8")
            except ValueError as exc:  # json.JSONDecodeError
                yield InputError(f"{where}: not valid JSON ({exc})")
            except InputError as exc:
                yield exc


def read_csv(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per row; columns named by the options (``--text-column`` ...)."""
    try:
        text = decode_text(_read_bytes(path), str(path))
    except InputError as exc:
        yield exc
        return
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
    yield from _csv_rows(path, reader, header, options)


def _csv_rows(
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
        record = dict(zip(header, row, strict=True))
        try:
            body = record.get(options.text_column, "")
            if not body.strip():
                raise InputError(f"{where}: empty {options.text_column!r} column")
            yield _make(
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
            yield exc


def read_html(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """The main text of a web page (trafilatura), with its title, date, site and url."""
    try:
        html = decode_text(_read_bytes(path), str(path))
        yield html_document(html, str(path), options)
    except InputError as exc:
        yield exc


def html_document(html: str, where: str, options: ReadOptions, *, url: str | None = None) -> Document:
    import trafilatura

    result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (data.get("text") or "").strip()
    title = data.get("title")
    first, _, rest = text.partition("\n")
    if title and rest and first.strip() == title.strip():
        text = rest.strip()  # the headline is kept as the title, not run into the first sentence
    if len(text.split()) < _MIN_WORDS:
        found = f" (only {text!r})" if text else ""
        raise InputError(f"{where}: no main text found in the HTML page{found}")
    return _make(
        text,
        options,
        where=where,
        title=data.get("title"),
        source=data.get("sitename") or data.get("hostname"),
        url=data.get("url") or url,
        published=_lenient_date(data.get("date")),
    )


def read_feed(path: Path | str, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per RSS/Atom entry: its content (or summary) as text, link, title, date."""
    import feedparser

    where = str(path)
    if isinstance(path, Path):
        try:
            data = _read_bytes(path)
        except InputError as exc:
            yield exc
            return
        feed = feedparser.parse(data)
    else:
        feed = feedparser.parse(path)  # a URL: fetched by feedparser where the network allows
    if feed.bozo and not feed.entries:
        reason = getattr(feed, "bozo_exception", "unknown error")
        yield InputError(f"{where}: not an RSS/Atom feed (not well-formed XML: {reason})")
        return
    source = options.source or feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        entry_where = f"{where} entry {number}"
        try:
            yield _feed_document(entry, entry_where, source, options)
        except InputError as exc:
            yield exc


def _feed_document(entry: dict, where: str, source: str | None, options: ReadOptions) -> Document:
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    body = body or entry.get("summary", "")
    text = _strip_markup(body)
    if not text:
        raise InputError(f"{where}: the entry has no text (no content or summary)")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    published = dt.date(*parsed[:3]) if isinstance(parsed, time.struct_time) else None
    return _make(
        text,
        options,
        where=where,
        id=None,
        title=entry.get("title"),
        source=source,
        url=entry.get("link"),
        published=published,
    )


def _strip_markup(body: str) -> str:
    if "<" not in body:
        return body.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(f"<div>{body}</div>").text_content().split())
    except Exception:  # noqa: BLE001 - lxml raises many kinds on garbage; the text is then unusable
        return ""


def _lenient_date(value: object) -> dt.date | None:
    try:
        return parse_date(value, "")
    except InputError:
        return None


READERS: dict[str, Callable[[Path, ReadOptions], Iterator[Document | InputError]]] = {
    "text": read_text,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "html": read_html,
    "feed": read_feed,
}


def format_for(path: Path) -> str | None:
    """The reader for a file by its extension; a file with no extension is read as text."""
    if not path.suffix:
        return "text"
    return EXTENSIONS.get(path.suffix.lower())


def reader_named(name: str) -> Callable[[Path, ReadOptions], Iterator[Document | InputError]]:
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
