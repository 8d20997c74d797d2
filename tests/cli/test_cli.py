"""The command line: formats, errors without tracebacks, batch coding."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the input is empty"),
        (b"\x00\x01\x02binary\x00" * 50, "looks like a binary file"),
        ("Téhéran".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files_give_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("code", str(path))
    assert result.exit_code == 1
    assert f"error: {path}: " in result.output and message in result.output
    assert "Traceback" not in result.output


def test_large_document_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Iran met Iraq. " * 100)
    result = run("code", str(path), "--max-chars", "500")
    assert result.exit_code == 1
    assert "over the limit of 500" in result.output


def test_usage_errors() -> None:
    assert run("code").exit_code == 2
    result = run("code", "x.txt", "--published", "21/07/2020")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_unknown_config_key_is_named(tmp_path: Path) -> None:
    cfg = tmp_path / "k.toml"
    cfg.write_text("[nlp]\nmodle = 'x'\n")
    doc = tmp_path / "a.txt"
    doc.write_text("Iran met Iraq.")
    result = run("code", str(doc), "--config", str(cfg))
    assert result.exit_code == 1
    assert "unknown key nlp.modle" in result.output and "nlp.model" in result.output


@pytest.mark.model
def test_jsonl_batch_reports_bad_lines_and_codes_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "a1",
                        "text": "Iranian President Hassan Rouhani met Iraqi Prime Minister Mustafa al-Kadhimi in Tehran on Tuesday.",
                        "published": "2020-07-21",
                    }
                ),
                "{broken",
                json.dumps(
                    {
                        "id": "b2",
                        "text": "Saudi Arabia accused Iran of attacking its oil facilities.",
                        "published": "2019-09-16",
                    }
                ),
            ]
        )
        + "\n"
    )
    result = run("code", "--input", str(path), "--format", "jsonl")
    assert result.exit_code == 1
    assert "line 2: not valid JSON" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert {e["doc_id"] for e in events} == {"a1", "b2"}
    meeting = next(e for e in events if e["doc_id"] == "a1")
    for key in (
        "event_id",
        "source",
        "target",
        "cameo",
        "plover",
        "quad_class",
        "goldstein",
        "modality",
        "date",
        "location",
        "amount",
        "evidence",
        "confidence",
        "rule",
    ):
        assert key in meeting
    assert meeting["source"]["code"] == "IRNGOV" and meeting["target"]["code"] == "IRQGOV"
    assert set(meeting["source"]) >= {"text", "id", "name", "code", "country", "sector"}
