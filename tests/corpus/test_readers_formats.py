"""What the readers take and report (issue 15, finding 8).

A UTF-8 byte-order mark, a stray NUL byte, UTF-16, long CSV fields and mojibake
are read; empty JSON Lines and feed files are reported; the unknown-type message
names the option that exists.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.corpus.readers import ReadOptions, read_corpus, read_jsonl_documents, read_text_document
from khaldun.errors import InputError
from khaldun.model import Document

CSV = 'id,title,text,published\nr1,Riyadh visit,"Saudi Arabia hosted Iraq’s prime minister.",2021-03-08\n'


def _read(*paths: Path, **options) -> tuple[list[Document], list[str]]:  # noqa: ANN003
    docs, errors = [], []
    for item in read_corpus([str(p) for p in paths], ReadOptions(**options)):
        (errors.append(str(item)) if isinstance(item, InputError) else docs.append(item))
    return docs, errors


def test_a_utf8_byte_order_mark_before_line_1_of_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    lines = [{"id": "b1", "text": "Iraq criticized Iran."}, {"id": "b2", "text": "Iran praised Iraq."}]
    path.write_bytes("\n".join(json.dumps(d) for d in lines).encode("utf-8-sig"))
    docs, errors = _read(path)
    assert errors == [] and [d.id for d in docs] == ["b1", "b2"]
    assert [d.id for d in read_jsonl_documents(str(path))] == ["b1", "b2"]  # khaldun code --input


def test_one_nul_byte_does_not_make_a_csv_binary(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes((CSV + "r2,Ankara,Turkey met\x00 Syria.,2021-03-09\n").encode("utf-8"))
    docs, errors = _read(path)
    assert errors == []
    assert [(d.id, d.text) for d in docs] == [
        ("r1", "Saudi Arabia hosted Iraq’s prime minister."),
        ("r2", "Turkey met Syria."),  # the NUL is dropped, not stored (PostgreSQL refuses it)
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(CSV.encode(encoding))  # "utf-16" writes a byte-order mark, the others do not
    docs, errors = _read(path)
    assert errors == []
    [doc] = docs
    assert (doc.id, doc.title, doc.text) == (
        "r1",
        "Riyadh visit",
        "Saudi Arabia hosted Iraq’s prime minister.",
    )


def test_binary_files_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20)
    _, [error] = _read(path)
    assert "looks like a binary file" in error


def test_empty_json_lines_and_feed_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n  \n")
    (tmp_path / "empty.rss").write_bytes(b"")
    (tmp_path / "none.rss").write_text('<rss version="2.0"><channel><title>Wire</title></channel></rss>')
    (tmp_path / "header.csv").write_text("id,text\n")
    docs, errors = _read(tmp_path)
    assert docs == []
    assert errors == [
        f"{tmp_path / 'blank.jsonl'}: the input is empty; expected one JSON document a line",
        f"{tmp_path / 'empty.jsonl'}: the input is empty; expected one JSON document a line",
        f"{tmp_path / 'empty.rss'}: the input is empty; expected an RSS or Atom feed",
        f"{tmp_path / 'header.csv'}: no rows under the CSV header; there is no text to code",
        f"{tmp_path / 'none.rss'}: the feed has no entries; there is no text to code",
    ]


def test_csv_fields_are_limited_by_max_chars_alone(tmp_path: Path) -> None:
    long_text = "Iraq criticized Iran. " * 10_000  # 220,000 characters: over the csv module's 131,072
    path = tmp_path / "long.csv"
    path.write_text(f'id,text\nlong,"{long_text}"\nshort,Iran praised Iraq.\n', encoding="utf-8")
    docs, errors = _read(path)
    assert errors == [] and [len(d.text) for d in docs] == [len(long_text), 18]
    docs, [error] = _read(path, max_chars=200_000)
    assert [d.id for d in docs] == ["short"]
    assert error == (
        f"{path} line 2: 220,000 characters is over the limit of 200,000; "
        "split it, or raise limits.max_document_chars (--max-chars)"
    )


def test_unknown_file_type_names_the_input_format_option(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Iraq criticized Iran.")
    _, [error] = _read(path)
    assert error.endswith("(or choose with --input-format)")
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert "--input-format" in result.output


MOJIBAKE = "Iraqâ€™s prime minister met Zorba NÃºÃ±ez in Baghdad."
REPAIRED = "Iraq’s prime minister met Zorba Núñez in Baghdad."


def test_mojibake_is_repaired_on_read_in_every_reader(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MOJIBAKE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j", "title": "NÃºÃ±ez visit", "text": MOJIBAKE}))
    (tmp_path / "c.csv").write_text(f"id,title,text\nc,NÃºÃ±ez visit,{MOJIBAKE}\n", encoding="utf-8")
    docs, errors = _read(tmp_path)
    assert errors == [] and [d.text for d in docs] == [REPAIRED] * 3
    assert [d.title for d in docs] == [None, "Núñez visit", "Núñez visit"]
    [coded] = read_jsonl_documents(str(tmp_path / "b.jsonl"))  # khaldun code --input, actors unknown
    assert (coded.text, coded.title) == (REPAIRED, "Núñez visit")
    assert read_text_document(str(tmp_path / "a.txt"), max_chars=1000).text == REPAIRED
    stdin = io.BytesIO(MOJIBAKE.encode("utf-8"))
    assert read_text_document("-", max_chars=1000, stdin=stdin).text == REPAIRED


def test_ids_come_from_the_text_as_given(tmp_path: Path) -> None:
    """A corpus ingested before repair keeps its ids: re-ingesting it adds nothing."""
    from khaldun.corpus.readers import content_id

    (tmp_path / "a.txt").write_text(MOJIBAKE, encoding="utf-8")
    [doc], _ = _read(tmp_path / "a.txt")
    assert doc.id == content_id(MOJIBAKE, None)


@pytest.mark.model
def test_actors_unknown_lists_repaired_names(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("Zorba NÃºÃ±ez met Iraqi officials in Baghdad on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["actors", "unknown", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    names = [json.loads(line)["name"] for line in result.output.splitlines() if line.startswith("{")]
    assert "Zorba Núñez" in names
    assert "Ã" not in result.output
