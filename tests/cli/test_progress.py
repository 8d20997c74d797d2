"""Progress by bytes of input, moved as documents are coded, drawn by tqdm on stderr."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.cli.progress import Progress
from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.corpus.readers import read_jsonl_documents
from khaldun.nlp.handmade import HandmadeBackend

VISIT = """
Erdogan  Erdogan PROPN nsubj 2 PERSON
visited  visit   VERB  ROOT  0
Baghdad  Baghdad PROPN dobj  2 GPE
.        .       PUNCT punct 2
"""

STORIES = [
    "Turkish Foreign Minister Hakan Fidan arrived in Baghdad on Monday for talks with Iraqi leaders.",
    "Fidan met with Iraqi Prime Minister Mohammed Shia al-Sudani at the government palace in Baghdad.",
    "Al-Sudani praised Turkey for its cooperation, while Fidan pledged economic support to Iraq.",
    "Iraqi officials accused Kurdish rebels of attacking a border post in Duhok province last week.",
]


def write_docs(path: Path, texts: list[str]) -> Path:
    lines = [{"id": f"doc-{n}", "text": t, "published": "2024-05-06"} for n, t in enumerate(texts)]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_one_large_file_moves_with_each_document_done_not_at_once(tmp_path: Path) -> None:
    path = write_docs(tmp_path / "docs.jsonl", STORIES * 25)
    size = path.stat().st_size
    out = io.StringIO()
    progress = Progress(total_bytes=size, enabled=True, file=out)
    progress.on_file(path, size)
    positions = []
    for doc in progress.read(read_jsonl_documents(str(path))):
        progress.done(doc.id, 2)
        positions.append(progress.bar.n)
    # Opening the file is not reading it: each document moves the line by its share of the bytes.
    assert positions[0] == round(size / 100)
    assert positions == sorted(positions) and len(set(positions)) == 100
    assert abs(positions[49] - size / 2) <= 100
    progress.close()
    assert progress.bar.n == size
    last = out.getvalue().replace("\r", "\n").strip().splitlines()[-1]
    assert "100%" in last and "100 documents, 200 events" in last and "B/s" in last


def test_a_batch_coded_after_it_is_read_moves_as_it_is_coded(tmp_path: Path) -> None:
    path = write_docs(tmp_path / "docs.jsonl", ["Erdogan visited Baghdad ."] * 4)
    size = path.stat().st_size
    progress = Progress(total_bytes=size, enabled=True, file=io.StringIO())
    progress.on_file(path, size)
    batch = list(progress.read(read_jsonl_documents(str(path))))  # ingest reads a whole batch first
    assert progress.bar.n == 0
    pipeline = progress.watch(Pipeline(load_config(), nlp=HandmadeBackend([VISIT])))
    positions = [progress.bar.n for _ in pipeline.pipe(batch)]
    assert positions == [round(size / 4) * k for k in range(1, 5)]
    assert progress.events == 4  # one visit a document
    progress.sync(4, 4, detail=" (4 coded)")
    progress.close()
    assert progress.bar.n == size


def test_no_progress_when_stderr_is_not_a_terminal_unless_asked(tmp_path: Path) -> None:
    piped = io.StringIO()
    progress = Progress(total_bytes=100, file=piped)
    progress.on_file(tmp_path / "x.jsonl", 100)
    progress.done("a", 1)
    progress.close()
    assert piped.getvalue() == ""


@pytest.mark.model
@pytest.mark.parametrize(
    "command",
    [
        ["code", "--input", "{docs}", "--format", "jsonl"],
        ["actors", "unknown", "{docs}", "--format", "jsonl"],
        ["ingest", "{docs}", "--db", "{db}"],
    ],
    ids=["code --input", "actors unknown", "ingest"],
)
def test_commands_show_progress_by_bytes_when_asked(tmp_path: Path, command: list[str]) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", STORIES)
    args = [a.format(docs=docs, db=tmp_path / "events.duckdb") for a in command]
    quiet = CliRunner().invoke(main, args)
    assert quiet.exit_code == 0, quiet.output
    assert "100%" not in quiet.stderr  # piped: none by default
    (tmp_path / "events.duckdb").unlink(missing_ok=True)
    result = CliRunner().invoke(main, [*args, "--progress"])
    assert result.exit_code == 0, result.output
    last = [line for line in result.stderr.replace("\r", "\n").splitlines() if "%|" in line][-1]
    size = docs.stat().st_size
    assert "100%" in last and f"{size}/{size} " in last  # bytes of the file
    assert "4 documents" in last


@pytest.mark.model
def test_evaluate_shows_documents_coded_when_asked(tmp_path: Path) -> None:
    gold = tmp_path / "dev.jsonl"
    records = [
        {"id": f"toy:{n}", "dataset": "toy", "text": t, "date": "2024-05-06", "events": [], "no_event": True}
        for n, t in enumerate(STORIES)
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(gold), "--progress"])
    assert result.exit_code == 0, result.output
    assert "toy: 100%" in result.stderr and "4/4" in result.stderr
