"""A surname after the full name is that person; a foreign group is not the place's."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _sides(pipeline, text: str) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (e.source.mention.text, e.source.actor.id, e.target.mention.text, e.target.actor.code)
        for e in pipeline.code(text, published="2015-06-01")
        if e.source and e.target
    ]


def test_a_surname_links_to_the_full_name_named_before(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Japanese Prime Minister Shinzo Abe visited Ethiopia on Sunday. "
        "Abe met officials in Addis Ababa and praised their reforms."
    )
    sides = _sides(model_pipeline, text)
    full = next(s for s in sides if s[0].endswith("Shinzo Abe"))
    short = next(s for s in sides if s[0] == "Abe")
    assert short[1] == full[1]  # one identity, not a namesake the knowledge base knows better


def test_a_foreign_group_does_not_take_the_country_of_the_place(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    sides = _sides(model_pipeline, "Iran criticised the presence of foreign troops in Iraq.")
    assert [(s[2], s[3]) for s in sides] == [("foreign troops", "---MIL")]
    plain = _sides(model_pipeline, "Iran criticised the presence of troops in Iraq.")
    assert [s[3] for s in plain] == ["IRQMIL"]  # without "foreign", the place tells whose
