"""Property-based fuzzing of the corpus readers (issue 15): whatever the bytes, a reader never raises.

Arbitrary bytes under every extension, arbitrary JSON lines and arbitrary CSV
rows give documents and :class:`~khaldun.errors.InputError` values that name
their input, nothing else. The number of examples is bounded so that CI runs
it every time (and the database of found examples stays off: no state).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khaldun.corpus.readers import (
    EXTENSIONS,
    ReadOptions,
    read_corpus,
    read_jsonl_documents,
    read_text_document,
)
from khaldun.errors import InputError
from khaldun.model import Document

# feedparser warns of its own updated/published fallback on every entry without a date.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:feedparser")

FUZZ = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run: CI does not flicker
    suppress_health_check=[HealthCheck.too_slow],
)
MAX_CHARS = 5_000
OPTIONS = ReadOptions(max_chars=MAX_CHARS)

# Bytes that look like text, with the pieces that have broken readers before: marks, NULs, nesting.
TRICKY = st.sampled_from(
    [
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\x00",
        b"\r\n",
        b'"',
        b",",
        b"\t",
        b"[" * 1200,
        b"<",
        b"\xc3",
    ]
)
TEXTISH = st.lists(
    st.one_of(st.binary(max_size=40), st.text(max_size=40).map(str.encode), TRICKY), max_size=12
).map(b"".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELD = st.one_of(JSON, st.text(max_size=60), st.sampled_from(["2021-03-08", "08/03/2021", "Iraqâ€™s", ""]))
RECORD = st.fixed_dictionaries(
    {},
    optional={k: FIELD for k in ("id", "text", "title", "source", "url", "published")},
)
CELL = st.text(max_size=40) | st.sampled_from(
    ["", " ", "Iraq met Iran.", "\x00", "\"'", "2021-03-08", "a\nb"]
)


@contextmanager
def _file(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path


def _check(items: list[Document | InputError], path: Path) -> None:
    """Every item is a sound document, or an error that names the input."""
    assert items, "an input must give a document or an error, never nothing"
    for item in items:
        if isinstance(item, InputError):
            assert str(item).startswith(str(path)), item
            continue
        assert isinstance(item, Document)
        assert item.text.strip() and "\x00" not in item.text and len(item.text) <= MAX_CHARS
        assert isinstance(item.id, str) and item.id
        for value in (item.title, item.source, item.url):
            assert value is None or isinstance(value, str)
        assert item.published is None or isinstance(item.published, dt.date)


@FUZZ
@given(data=TEXTISH, suffix=st.sampled_from(sorted(EXTENSIONS) + ["", ".bin"]))
def test_any_bytes_under_any_extension(data: bytes, suffix: str) -> None:
    with _file(f"input{suffix}", data) as path:
        _check(list(read_corpus([str(path)], OPTIONS)), path)
        if suffix in (".txt", ""):
            try:
                doc = read_text_document(str(path), max_chars=MAX_CHARS)  # khaldun code FILE
            except InputError as exc:
                assert str(exc).startswith(str(path))
            else:
                _check([doc], path)


@FUZZ
@given(
    lines=st.lists(
        st.one_of(RECORD.map(json.dumps).map(str.encode), JSON.map(json.dumps).map(str.encode), TEXTISH),
        max_size=8,
    )
)
def test_any_json_lines(lines: list[bytes]) -> None:
    data = b"\n".join(line.replace(b"\n", b" ") for line in lines)
    with _file("docs.jsonl", data) as path:
        for items in (list(read_corpus([str(path)], OPTIONS)), list(read_jsonl_documents(str(path)))):
            _check(items, path)
            if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
                assert len(items) == 1  # UTF-16/32: one error for the file
                continue
            with_text = sum(bool(raw.strip()) for raw in data.removeprefix(b"\xef\xbb\xbf").split(b"\n"))
            assert len(items) == max(with_text, 1)  # one item a line: a bad line loses only itself


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["id", "text", "title", "published", "url", "source", "x"]), min_size=1, max_size=5
    ),
    rows=st.lists(st.lists(CELL, max_size=6), max_size=6),
    delimiter=st.sampled_from([",", "\t", ";"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le"]),
)
def test_any_csv(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerows([header, *rows])
    suffix = ".tsv" if delimiter == "\t" else ".csv"
    with _file(f"table{suffix}", out.getvalue().encode(encoding, errors="surrogatepass")) as path:
        options = ReadOptions(max_chars=MAX_CHARS, delimiter=delimiter)
        _check(list(read_corpus([str(path)], options)), path)


MARKUP = st.text(max_size=60) | st.sampled_from(
    ["<p>Iraq met Iran.</p>", "&amp;", "]]>", "<![CDATA[x", "&#0;", "<"]
)
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{0}</title>{1}</channel></rss>"""
ITEM = "<item><title>{0}</title><link>{1}</link><pubDate>{2}</pubDate><description>{3}</description></item>"
PAGE = "<html><head><title>{0}</title><meta name='date' content='{1}'></head><body><article>{2}</article></body></html>"


@FUZZ
@given(title=MARKUP, entries=st.lists(st.tuples(MARKUP, MARKUP, MARKUP, MARKUP), max_size=4))
def test_any_feed(title: str, entries: list[tuple[str, str, str, str]]) -> None:
    items = "".join(ITEM.format(*entry) for entry in entries)
    data = FEED.format(title, items).encode("utf-8", errors="surrogatepass")
    with _file("wire.rss", data) as path:
        _check(list(read_corpus([str(path)], OPTIONS)), path)


@FUZZ
@given(title=MARKUP, date=MARKUP, paragraphs=st.lists(MARKUP, max_size=6))
def test_any_page(title: str, date: str, paragraphs: list[str]) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    with _file("page.html", PAGE.format(title, date, body).encode("utf-8", errors="surrogatepass")) as path:
        _check(list(read_corpus([str(path)], OPTIONS)), path)
