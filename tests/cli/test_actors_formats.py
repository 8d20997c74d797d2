"""``actors resolve`` and ``actors show`` give every format their help offers: jsonl and csv too."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main


@pytest.mark.parametrize("command", [["resolve", "Hakan Fidan"], ["show", "country:IRQ"]])
def test_one_record_as_jsonl_and_csv(command: list[str]) -> None:
    as_json = CliRunner().invoke(main, ["actors", *command, "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    record = json.loads(as_json.stdout)

    jsonl = CliRunner().invoke(main, ["actors", *command, "--format", "jsonl"])
    assert jsonl.exit_code == 0, jsonl.output
    assert [json.loads(line) for line in jsonl.stdout.splitlines()] == [record]

    as_csv = CliRunner().invoke(main, ["actors", *command, "--format", "csv"])
    assert as_csv.exit_code == 0, as_csv.output
    [row] = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(row) == list(record)
    assert (row["id"], row["code"]) == (record["id"], record["code"])


@pytest.mark.parametrize("command", ["resolve", "show"])
def test_the_help_offers_the_formats_that_work(command: str) -> None:
    help_text = CliRunner().invoke(main, ["actors", command, "--help"]).stdout
    assert "[table|json|jsonl|csv]" in help_text
