"""One event schema: `khaldun code` and `khaldun export` (after `ingest`) write the same JSON for
the same article, codebook codes included (real model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main

pytestmark = pytest.mark.model

ARTICLE = {
    "id": "a1",
    "text": "Iran denied that it had supplied drones to Russia. "
    "Iraqi Prime Minister Mustafa al-Kadhimi visited Tehran on Sunday.",
    "published": "2021-07-21",
    "title": "Drones and visits",
    "source": "Tigris Herald",
    "url": "https://example.org/a1",
}


def _jsonl(result) -> dict[str, dict]:
    assert result.exit_code == 0, result.output
    return {e["event_id"]: e for e in map(json.loads, result.stdout.splitlines())}


def test_export_jsonl_is_code_jsonl_with_the_store_s_additions(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = str(tmp_path / "events.duckdb")
    runner = CliRunner()
    coded = _jsonl(runner.invoke(main, ["code", "--input", str(docs), "--format", "jsonl"]))
    ingest = runner.invoke(main, ["ingest", str(docs), "--db", db, "--workers", "1", "--quiet"])
    assert ingest.exit_code == 0, ingest.output
    exported = _jsonl(runner.invoke(main, ["export", "--db", db, "--format", "jsonl"]))
    assert set(exported) == set(coded) and len(coded) == 2
    for event_id, event in coded.items():
        stored = dict(exported[event_id])
        assert stored.pop("cluster_id")
        assert stored.pop("document") == {
            "title": "Drones and visits",
            "source": "Tigris Herald",
            "url": "https://example.org/a1",
            "published": "2021-07-21",
        }
        event.pop("document")  # the article as `code` read it, compared apart
        assert stored == event
    denial = next(e for e in exported.values() if e["modality"] == "denied")
    assert (denial["cameo"], denial["cameo_standard"]) == ("072", "016")
