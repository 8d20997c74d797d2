"""Mangled typography is repaired before parsing, without moving any offset."""

from __future__ import annotations

import pytest

from khaldun.nlp.repair import repair_text

MANGLED = "Germany praised HaitiÄôs efforts and urged Arabs to ÄúuniteÄù."


def test_repairs_keep_the_length_and_fix_the_typography() -> None:
    repaired = repair_text(MANGLED)
    assert len(repaired) == len(MANGLED)
    assert "’s efforts" in repaired and "“unite”" in repaired
    assert "Ä" not in repaired


def test_clean_text_is_left_alone() -> None:
    text = "Ägypten’s “Äther” and Äbo stay as they are."
    assert repair_text(text) == text


@pytest.mark.model
def test_evidence_offsets_point_into_the_text_as_given(model_pipeline) -> None:
    events = model_pipeline.code(MANGLED, published="2020-01-01")
    praise = next(e for e in events if e.cameo == "051")
    assert praise.target is not None and praise.target.actor.code == "HTI"
    ev = praise.evidence
    # The offsets are the given text's; the trigger reads as repaired ("praised Haiti’s efforts").
    assert MANGLED[ev.trigger_start : ev.trigger_start + len("praised")] == "praised"
    assert ev.trigger == repair_text(MANGLED)[ev.trigger_start : ev.trigger_end]
    assert MANGLED[ev.start : ev.end].startswith("Germany praised")
