"""Web pages and feeds: the main text of an HTML page, one document an RSS/Atom entry."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

from khaldun.corpus.readers.base import (
    ReadOptions,
    lenient_date,
    make_document,
    read_bytes,
    read_text_file,
    unreadable,
)
from khaldun.errors import InputError
from khaldun.model import Document

# Fewer words than this extracted from a page is a menu or a stub, not an article.
MIN_WORDS = 4


def read_html(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    """The main text of a web page (trafilatura), with its title, date, site and url."""
    try:
        yield html_document(read_text_file(path), str(path), options)
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
    if len(text.split()) < MIN_WORDS:
        found = f" (only {text!r})" if text else ""
        raise InputError(f"{where}: no main text found in the HTML page{found}")
    return make_document(
        text,
        options,
        where=where,
        title=data.get("title"),
        source=data.get("sitename") or data.get("hostname"),
        url=data.get("url") or url,
        published=lenient_date(data.get("date")),
    )


def read_feed(path: Path | str, options: ReadOptions) -> Iterator[Document | InputError]:
    """One document per RSS/Atom entry: its content (or summary) as text, link, title, date.

    An empty file, and a feed with no entry, are reported: they give no document.
    """
    import feedparser

    where = str(path)
    if isinstance(path, Path):
        try:
            data = read_bytes(path)
        except InputError as exc:
            yield exc
            return
        if not data.strip():
            yield InputError(f"{where}: the input is empty; expected an RSS or Atom feed")
            return
        feed = feedparser.parse(data)
    else:
        feed = feedparser.parse(path)  # a URL: fetched by feedparser where the network allows
    if feed.bozo and not feed.entries:
        reason = getattr(feed, "bozo_exception", "unknown error")
        yield InputError(f"{where}: not an RSS/Atom feed (not well-formed XML: {reason})")
        return
    if not feed.entries:
        yield InputError(f"{where}: the feed has no entries; there is no text to code")
        return
    source = options.source or feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        entry_where = f"{where} entry {number}"
        try:
            yield _feed_document(entry, entry_where, source, options)
        except InputError as exc:
            yield exc
        except Exception as exc:  # noqa: BLE001 - one odd entry must not end the run: it is reported instead
            yield unreadable(entry_where, exc)


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
    return make_document(
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
