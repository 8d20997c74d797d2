"""``khaldun evaluate --events``: events for no gold record are an error, not all-zero scores;
the scores come as table, json, jsonl or csv (one row per set and level)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from khaldun.cli.main import main


def gold_record(rid: str, source: str, target: str, code: str) -> dict[str, Any]:
    event = {"source": source, "target": target, "code": code, "code_scheme": "CAMEO", "root_code": code[:2]}
    return {
        "id": rid,
        "dataset": "toy",
        "text": f"text of {rid}",
        "date": "2008-08-04",
        "events": [event],
        "no_event": False,
        "score": True,
    }


def coded_event(doc_id: str, source: str, target: str, cameo: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "source": {"code": source},
        "target": {"code": target},
        "cameo": cameo,
        "modality": "asserted",
    }


def write_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def evaluate(tmp_path: Path, events: list[dict[str, Any]], *extra: str) -> Any:
    gold = write_lines(
        tmp_path / "dev.jsonl",
        [gold_record("toy:1", "IRN", "IRQ", "042"), gold_record("toy:2", "USA", "RUS", "111")],
    )
    predicted = write_lines(tmp_path / "events.jsonl", events)
    return CliRunner().invoke(main, ["evaluate", str(gold), "--events", str(predicted), *extra])


def test_events_whose_ids_match_no_record_are_an_error_not_zero_scores(tmp_path: Path) -> None:
    result = evaluate(tmp_path, [coded_event("article-1", "IRN", "IRQ", "042")])
    assert result.exit_code == 1
    assert result.stdout == ""  # no table of zeros that could be read as the coder's score
    assert "events.jsonl: none of its 1 events has the doc_id of a scored gold record" in result.stderr
    assert "'article-1'" in result.stderr and "'toy:1'" in result.stderr


def test_events_of_the_records_are_scored(tmp_path: Path) -> None:
    result = evaluate(tmp_path, [coded_event("toy:1", "IRN", "IRQ", "042")])
    assert result.exit_code == 0, result.output
    assert "toy" in result.stdout


def test_an_empty_events_file_is_scored_with_a_warning(tmp_path: Path) -> None:
    result = evaluate(tmp_path, [])
    assert result.exit_code == 0
    assert "warning:" in result.stderr and "holds no events" in result.stderr


def test_csv_and_jsonl_give_one_row_per_set_and_level(tmp_path: Path) -> None:
    events = [coded_event("toy:1", "IRN", "IRQ", "042"), coded_event("toy:2", "USA", "CHN", "111")]
    as_json = json.loads(evaluate(tmp_path, events, "--format", "json").stdout)
    levels = [s["level"] for s in as_json[0]["levels"]]

    result = evaluate(tmp_path, events, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["level"] for r in rows] == levels
    exact = next(r for r in rows if r["level"] == "exact")
    assert (exact["set"], exact["gold"], exact["predicted"], exact["matched"]) == ("toy", "2", "2", "1")
    assert float(exact["precision"]) == 0.5

    result = evaluate(tmp_path, events, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["level"] for line in lines] == levels
    assert next(x for x in lines if x["level"] == "exact")["matched"] == 1


def test_the_help_offers_only_formats_that_work() -> None:
    help_text = CliRunner().invoke(main, ["evaluate", "--help"]).stdout
    assert "[table|json|jsonl|csv]" in help_text
