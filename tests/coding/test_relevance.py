"""Texts with no political event give no events, and say why."""

from __future__ import annotations

import pytest

from khaldun import Document

pytestmark = pytest.mark.model

NOT_POLITICAL = [
    "Real Madrid beat Barcelona 2-1 on Sunday to go top of the Spanish league.",
    "Oil prices rose 3 percent on Monday as traders bet on lower supplies from Saudi Arabia.",
    "Heavy rain and strong winds hit northern Iraq on Tuesday, flooding roads around Mosul.",
    "The Tehran stock exchange fell sharply after the central bank raised interest rates.",
    "The Iraqi national football team arrived in Doha for the Asian Cup on Friday.",
]


@pytest.mark.parametrize("text", NOT_POLITICAL)
def test_no_events_in_non_political_news(model_pipeline, text: str) -> None:
    coded = model_pipeline.code_document(Document(text=text, id="t", published=None))
    assert [e.to_dict()["cameo"] for e in coded.events] == []


def test_a_political_sentence_still_codes(model_pipeline) -> None:
    events = model_pipeline.code(
        "Iranian President Hassan Rouhani met Iraqi Prime Minister Mustafa al-Kadhimi in Tehran on Tuesday.",
        published="2020-07-21",
    )
    assert [(e.source.actor.code, e.target.actor.code, e.cameo) for e in events] == [
        ("IRNGOV", "IRQGOV", "040")
    ]
