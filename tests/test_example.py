"""The README's first command: the bundled example article codes as a reader expects."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main

pytestmark = pytest.mark.model


def test_the_bundled_example_codes_its_main_events() -> None:
    path = resources.files("khaldun").joinpath("examples/visit.txt")
    result = CliRunner().invoke(main, ["code", str(path), "--published", "2024-05-13", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    found = {
        (e["source"]["code"], (e["target"] or {}).get("code"), e["cameo"][:2], e["modality"]) for e in events
    }
    assert ("TURGOV", "IRQGOV", "04", "asserted") in found  # Fidan arrived in Baghdad / met al-Sudani
    assert ("IRQGOV", "TUR", "05", "asserted") in found  # al-Sudani praised Turkey
    assert ("TURGOV", "IRQ", "03", "planned") in found  # Fidan pledged economic support
    assert ("TURGOV", "IRQ", "04", "planned") in found  # scheduled to visit Erbil
    pledge = next(e for e in events if e["cameo"].startswith("03"))
    assert pledge["amount"]["value"] == 2_000_000_000 and pledge["amount"]["currency"] == "USD"
    visit = next(e for e in events if e["modality"] == "planned" and e["cameo"] == "042")
    assert visit["date"]["value"] == "2024-05-15" and visit["location"]["name"] == "Erbil"
