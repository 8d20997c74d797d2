"""Whose an event is when the words say it of the event noun or of the means of attack,
and stances stated by predicate adjectives. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _events(pipeline, text: str) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    return [
        (e.source.actor.country if e.source else None, e.target.actor.country if e.target else None, e.cameo)
        for e in pipeline.code(text, published="2021-05-04")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt condemned the Turkish attack on Kurdish fighters in Syria.", ("EGY", "TUR", "111")),
        ("France condemned Russia's bombing of the hospital.", ("FRA", "RUS", "111")),
        ("Chile denounced the raid by Bolivian police on the border post.", ("CHL", "BOL", "111")),
        (
            "Pakistan condemned the killing of two of its citizens in a U.S. drone strike.",
            ("PAK", "USA", "111"),
        ),
    ],
)
def test_a_condemned_event_targets_whose_it_is(model_pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert expected in _events(model_pipeline, text)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Two Palestinians were killed in Israeli tank shelling in Gaza on Tuesday.", "ISR", "PSE"),
        ("Three villagers were wounded in a Saudi air strike on Saada.", "SAU", None),
    ],
)
def test_a_passive_harm_is_done_by_whose_means_it_was(
    model_pipeline, text: str, source: str, target: str | None
) -> None:  # type: ignore[no-untyped-def]
    sides = [(s, t) for s, t, code in _events(model_pipeline, text) if code[:2] in ("18", "19", "20")]
    assert sides and sides[0][0] == source
    if target:
        assert sides[0][1] == target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungary was skeptical of the European Commission's migration plan.", ("HUN", None, "012")),
        (
            "The Kenyan foreign minister remained optimistic about the talks with Somalia.",
            ("KEN", "SOM", "013"),
        ),
        ("Brazil has been critical of Argentina's trade policy.", ("BRA", "ARG", "111")),
    ],
)
def test_a_predicate_adjective_states_a_stance(model_pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    found = [(s, t if expected[1] else None, c) for s, t, c in _events(model_pipeline, text)]
    assert expected in found


def test_an_attributive_adjective_is_no_stance(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert not [
        c for _, _, c in _events(model_pipeline, "A critical report on Ghana was published.") if c == "111"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Arab intellectuals issued a declaration demanding political reforms from the Egyptian government.",
            (None, "EGY", "10"),
        ),
        (
            "The Kenyan parliament adopted a resolution condemning the Ugandan incursion.",
            ("KEN", "UGA", "11"),
        ),
    ],
)
def test_what_a_document_says_its_issuer_says(model_pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    events = model_pipeline.code(text, published="2021-05-04")
    found = [
        (
            e.source.actor.country if e.source else "none",
            e.target.actor.country if e.target else None,
            e.cameo[:2],
        )
        for e in events
    ]
    # The issuer is the source: never an event with no source for what the document says.
    assert any(f[1:] == expected[1:] and f[0] != "none" for f in found)
    if expected[0]:
        assert (expected[0], expected[1], expected[2]) in found


def test_an_object_is_matched_as_written_too(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    # The tagger lemmatises "arms" as "arm"; the lexicon lists the weapons as "arms".
    events = _events(model_pipeline, "Iran delivered arms to the Houthis in Yemen.")
    assert [(s, c) for s, _, c in events] == [("IRN", "072")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Italian police returned the stolen paintings to the Greek government.", ("ITA", "GRC", "0842")),
        ("The prime minister of Peru resigned on Thursday.", ("PER", "PER", "0831")),
    ],
)
def test_giving_back_and_stepping_down_are_yielding(model_pipeline, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def,type-arg]
    assert expected in _events(model_pipeline, text)


def test_a_person_returning_somewhere_returns_nothing(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _events(model_pipeline, "The ambassador returned to Ankara on Monday.") == []


def test_hoping_that_something_happens_is_an_optimistic_comment(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The Kenyan foreign minister said he hoped the border talks would succeed."
    assert ("KEN", None, "013") in _events(model_pipeline, text)
    # Hoping to do something is a plan, not a comment.
    assert not [c for _, _, c in _events(model_pipeline, "Japan hopes to host the summit.") if c == "013"]
