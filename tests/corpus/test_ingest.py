"""Bad input gets a clear error naming the input and the problem."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from khaldun.corpus.readers import read_jsonl_documents, read_text_document
from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.model import Document


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(InputError, match=r"empty\.txt: the input is empty"):
        read_text_document(str(path), max_chars=1000)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InputError, match=r"junk\.bin: this looks like a binary file"):
        read_text_document(str(path), max_chars=100_000)


def test_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le président a visité Téhéran.".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt: not valid UTF-8 \(byte 0xe9 at offset 5\)"):
        read_text_document(str(path), max_chars=1000)


def test_too_large_file_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 2000)
    with pytest.raises(DocumentTooLargeError, match=r"over the limit of 1,000 characters"):
        read_text_document(str(path), max_chars=1000)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text_document("/nonexistent/x.txt", max_chars=10)


def test_stdin_document() -> None:
    doc = read_text_document("-", max_chars=100, stdin=io.BytesIO(b"Iran met Iraq."))
    assert doc.text == "Iran met Iraq." and doc.id == "stdin"


def test_jsonl_bad_lines_are_reported_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Iran met Iraq.", "published": "2020-07-21"}),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Iraq met Iran.", "published": "21/07/2020"}),
        json.dumps({"id": "e", "text": "Iraq met Iran."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_jsonl_documents(str(path)))
    assert [type(i).__name__ for i in items] == [
        "Document",
        "InputError",
        "InputError",
        "InputError",
        "Document",
    ]
    assert "line 2: not valid JSON" in str(items[1])
    assert 'line 3: missing or empty "text"' in str(items[2])
    assert "line 4: published date '21/07/2020'" in str(items[3])
    first = items[0]
    assert isinstance(first, Document) and first.id == "a" and first.published.isoformat() == "2020-07-21"


def test_document_ids_are_stable() -> None:
    assert Document(text="same text").id == Document(text="same text").id
    assert Document(text="a", url="http://x", source="s").id != Document(text="a").id
