"""A blank line ends a sentence, so evidence never spans two paragraphs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_headline_without_a_stop_is_its_own_sentence(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Kenya and Uganda sign border pact\n\n"
        "The presidents of Kenya and Uganda signed a border agreement in Nairobi on Friday."
    )
    parsed = model_pipeline.nlp.parse(text)
    assert [s.text for s in parsed.sentences] == [
        "Kenya and Uganda sign border pact",
        "The presidents of Kenya and Uganda signed a border agreement in Nairobi on Friday.",
    ]
    for event in model_pipeline.code(text, published="2024-03-01"):
        assert "\n\n" not in event.evidence.sentence
