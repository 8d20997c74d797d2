"""Territories CAMEO codes on their own are countries of the knowledge base."""

from __future__ import annotations

import pytest

from khaldun.knowledge.actors.base import HitKind
from khaldun.knowledge.actors.builtin import load_builtin_kb


@pytest.mark.parametrize(("name", "iso3"), [("Hong Kong", "HKG"), ("Macau", "MAC"), ("Macao", "MAC")])
def test_cameo_territories_are_their_own_countries(name: str, iso3: str) -> None:
    hits = [h for h in load_builtin_kb().lookup(name) if h.kind in (HitKind.COUNTRY, HitKind.CAPITAL)]
    assert hits and hits[0].country is not None and hits[0].country.iso3 == iso3
