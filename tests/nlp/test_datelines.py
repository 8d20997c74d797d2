"""A wire story's dateline is no part of its first sentence."""

from __future__ import annotations

import pytest

from khaldun.nlp.datelines import dateline_end, dateline_place, dateline_regions


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("OSLO, June 2 (Khaldun Wire) - Norway said", "Norway said"),
        ("UNITED NATIONS, Nov. 4, 2025 (Khaldun Wire) — The council voted", "The council voted"),
        ("PORT-AU-PRINCE, Haiti, Jan 9 - Gangs blocked", "Gangs blocked"),
        ("DAKAR (Khaldun Wire) – Senegal closed", "Senegal closed"),
        ("Lusaka (Khaldun Wire) - Zambia asked", "Zambia asked"),
        ("THE HAGUE, June 25 (Khaldun Wire) - Allied leaders met", "Allied leaders met"),
    ],
)
def test_a_dateline_ends_before_the_story(text: str, story: str) -> None:
    assert text[dateline_end(text) :] == story


@pytest.mark.parametrize(
    "text",
    [
        "Norway said on Monday - in a statement - that it would help.",
        "US - China trade talks resume in Geneva",  # a headline: a place in capitals alone is no dateline
        "THE TALKS (Khaldun Wire) - a headline in capitals",
        "GENEVA - talks resumed",  # no date and no agency: left as it is
        "Kenya and Uganda sign border pact",
    ],
)
def test_text_without_a_dateline_is_untouched(text: str) -> None:
    assert dateline_end(text) == 0


@pytest.mark.model
def test_the_dateline_place_is_not_the_actor_of_the_first_sentence(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "UNITED NATIONS, Nov 4 (Khaldun Wire) - Chile condemned Bolivia's closure of the border crossing "
        "on Monday.\n\nThe council did not meet."
    )
    parsed = model_pipeline.nlp.parse(text)
    assert parsed.text == text  # the document keeps its dateline; only the parse starts after it
    assert parsed.sentences[0].text.startswith("Chile condemned")
    events = model_pipeline.code(text, published="2025-11-04")
    assert [
        (e.source.actor.country, e.cameo_standard[:2])
        for e in events
        if e.evidence.trigger.startswith("condemned")
    ] == [("CHL", "11")]
    assert all(not e.evidence.sentence.startswith("UNITED") for e in events)


def test_the_dateline_place_names_no_place_when_there_is_no_dateline() -> None:
    assert dateline_place("Police fired tear gas in Lima.") is None
    assert dateline_place("PORT-AU-PRINCE, Haiti, Jan 9 - Gangs blocked") == "PORT-AU-PRINCE"


@pytest.mark.model
def test_groups_of_no_country_are_of_the_place_the_story_was_filed_from(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LIMA, May 2 (Khaldun Wire) - Police fired tear gas at protesters who blocked a highway on Tuesday."
    )
    events = model_pipeline.code(text, published="2024-05-02")
    assert [(e.source.actor.code, e.cameo_standard) for e in events] == [("PERCOP", "175")]


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("PORT-AU-PRINCE, Haiti, Jan 9 - Gangs blocked", ("Haiti",)),
        ("SPRINGFIELD, Illinois, May 2, 2024 (Khaldun Wire) - The governor", ("Illinois",)),
        ("OSLO, June 2 (Khaldun Wire) - Norway said", ()),
        ("DAKAR (Khaldun Wire) – Senegal closed", ()),
        ("Police fired tear gas in Lima.", ()),
    ],
)
def test_the_dateline_regions_are_the_places_named_after_its_own(text: str, regions: tuple[str, ...]) -> None:
    assert dateline_regions(text) == regions
