"""A claim that someone did something is the claimant's accusation, not the deed itself."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_claim_about_another_party_accuses_it(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = model_pipeline.code(
        "Venezuela claimed that Colombia attacked its border guards.", published="2021-05-04"
    )
    coded = [
        (e.source.actor.country, e.target.actor.country, e.cameo[:2]) for e in events if e.source and e.target
    ]
    assert ("VEN", "COL", "11") in coded
    assert not [c for c in coded if c[2] == "19"]  # the attack is only claimed


def test_a_claim_about_oneself_accuses_no_one(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    events = model_pipeline.code(
        "The ruling party claimed that it had won the election.", published="2021-05-04"
    )
    assert not [e for e in events if e.cameo.startswith("11")]
