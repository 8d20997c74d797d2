"""The event lexicon on short news sentences written for this test (real model).

Each case names one event the sentence must give: (source code, target code,
CAMEO code). Other events may come with it; the negative cases list roots the
sentence must not give (a statement verb governing an event noun, another
sense of a trigger word).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

CASES = [
    ("Syrian troops shelled rebel positions near Aleppo on Monday.", ("SYRMIL", "SYRREB", "194")),
    ("The United States imposed sanctions on Iran.", ("USA", "IRN", "163")),
    ("The European Union lifted sanctions against Myanmar.", ("IGOEUREEC", "MMR", "085")),
    ("Egypt called on Israel to release Palestinian prisoners.", ("EGY", "ISR", "0253")),
    ("Russia accused Ukraine of violating the ceasefire.", ("RUS", "UKR", "112")),
    ("China rejected a proposal by Japan to hold talks.", ("CHN", "JPN", "125")),
    ("Iraqi police arrested dozens of protesters in Basra on Friday.", ("IRQCOP", "IRQCVL", "173")),
    ("Israel launched airstrikes on Gaza.", ("ISR", "PSE", "195")),
    ("Japan pledged humanitarian aid to Afghanistan.", ("JPN", "AFG", "0333")),
    ("Germany sent humanitarian aid to Turkey after the earthquake.", ("DEU", "TUR", "073")),
    ("Saudi Arabia cut diplomatic ties with Qatar.", ("SAU", "QAT", "161")),
    ("France praised Germany for its handling of the crisis.", ("FRA", "DEU", "051")),
    ("Egypt and Israel signed an agreement on gas exports.", ("ISR", "EGY", "057")),
    ("Gunmen kidnapped two Turkish engineers in Iraq.", ("IRQUAF", "TUR", "181")),
    ("The Iraqi government demanded that Turkey withdraw its troops.", ("IRQGOV", "TUR", "100")),
    (
        "Russian President Vladimir Putin spoke by telephone with Turkish President Recep Tayyip Erdogan.",
        ("RUSGOV", "TURGOV", "041"),
    ),
    ("Thousands of Iraqis protested against the government in Baghdad on Friday.", ("IRQ", "IRQGOV", "141")),
    # An offer to mediate is the intent (039), not the mediation (045).
    ("Qatar offered to mediate between Hamas and Israel.", ("QAT", "ISR", "039")),
]

NOT_GIVEN = [
    # The condemner is not the attacker.
    ("Turkey condemned the attack on its embassy in Kabul.", "19"),
    # A statement released is not a prisoner released.
    ("The Iranian foreign ministry released a statement on Monday.", "08"),
    # "strike a deal" is not a military strike.
    ("Iran and Iraq struck a deal on electricity imports.", "19"),
]


def _dyads(model_pipeline, text: str) -> list[tuple[str | None, str | None, str]]:
    events = model_pipeline.code(text, published="2020-06-01")
    return [
        (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None, e.cameo)
        for e in events
    ]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_gives_the_event(model_pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _dyads(model_pipeline, text)


@pytest.mark.parametrize(("text", "root"), NOT_GIVEN)
def test_sentence_does_not_give_the_root(model_pipeline, text: str, root: str) -> None:
    assert [d for d in _dyads(model_pipeline, text) if d[2].startswith(root)] == []
