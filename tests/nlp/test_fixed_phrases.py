"""Foreign phrases English uses as one noun are one token for the parser."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_persona_non_grata_is_one_token_and_the_text_keeps_its_offsets(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Chile declared two Peruvian diplomats Persona Non Grata on Monday."
    parsed = model_pipeline.nlp.parse(text)
    phrase = next(t for t in parsed.tokens if t.lower == "persona non grata")
    assert text[phrase.idx : phrase.idx + len(phrase.text)] == "Persona Non Grata"
    assert phrase.pos in ("NOUN", "PROPN")
    assert not any(t.lower in ("persona", "grata") for t in parsed.tokens)


def test_a_diplomat_declared_persona_non_grata_is_expelled(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Chile declared two Peruvian diplomats persona non grata on Monday.",
        "The Peruvian consul was declared persona non grata by the Chilean government.",
    ):
        dyads = {
            (e.source.actor.country if e.source else None, e.target.actor.country, e.cameo)
            for e in model_pipeline.code(text)
            if e.target
        }
        assert ("CHL", "PER", "161") in dyads, text
