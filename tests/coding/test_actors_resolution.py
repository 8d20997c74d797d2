"""Actor resolution on sentences written for these tests (hand-built parses, no model)."""

from __future__ import annotations

import datetime as dt

from khaldun.coding.resolve import DocumentResolver
from khaldun.knowledge import load_knowledge
from khaldun.knowledge.actors.builtin import load_builtin_kb
from khaldun.model import Actor
from khaldun.nlp.handmade import parse_table
from tests.conftest import code_table

ROUHANI = """
Former         former    ADJ   amod      3
President      President PROPN compound  4
Hassan         Hassan    PROPN compound  4 PERSON
Rouhani        Rouhani   PROPN nsubj     5 PERSON
criticised     criticise VERB  ROOT      0
the            the       DET   det       7
government     government NOUN dobj      5
.              .         PUNCT punct     5
"""

ABDULLAH = """
Jordan         Jordan    PROPN poss      3 GPE
's             's        PART  case      1
King           King      PROPN compound  4
Abdullah       Abdullah  PROPN nsubj     5 PERSON
met            meet      VERB  ROOT      0
Iraqi          iraqi     ADJ   amod      7 NORP
officials      official  NOUN  dobj      5
.              .         PUNCT punct     5
"""

KAZMI = """
Kazmi          Kazmi     PROPN nsubj     2 PERSON
praised        praise    VERB  ROOT      0
Iraqi          iraqi     ADJ   amod      4 NORP
police         police    NOUN  dobj      2
.              .         PUNCT punct     2
"""

SEATS = """
The            the       DET   det       3
White          White     PROPN compound  3 ORG
House          House     PROPN nsubj     4 ORG
warned         warn      VERB  ROOT      0
the            the       DET   det       6
Kremlin        Kremlin   PROPN dobj      4 ORG
.              .         PUNCT punct     4

Syrian         syrian    ADJ   amod      2 NORP
rebels         rebel     NOUN  nsubj     3
attacked       attack    VERB  ROOT      0
the            the       DET   det       5
Pentagon       Pentagon  PROPN dobj      3 ORG
.              .         PUNCT punct     3
"""


_KNOWLEDGE = load_knowledge(kb=load_builtin_kb())


def _actors(table: str, day: dt.date) -> dict[str, Actor]:
    doc = parse_table(table)
    resolver = DocumentResolver(_KNOWLEDGE, doc, day)
    found: dict[str, Actor] = {}
    for sent in doc.sentences:
        for mentions in resolver.resolve_sentence(sent.index).values():
            for mention in mentions:
                found[mention.mention.text] = mention.actor
    return found


def test_rouhani_in_office_and_after() -> None:
    [in_office] = [a for a in _actors(ROUHANI, dt.date(2020, 7, 21)).values() if a.kind == "person"]
    assert in_office.id == "person:hassan_rouhani" and in_office.code == "IRNGOV"
    [former] = [a for a in _actors(ROUHANI, dt.date(2023, 5, 1)).values() if a.kind == "person"]
    # Out of office he keeps his identity and country, without a government sector.
    assert former.id == "person:hassan_rouhani" and former.code == "IRN" and former.country == "IRN"
    assert former.sector is None and former.known


def test_rouhani_event_codes_by_date() -> None:
    table = ROUHANI.replace("criticised     criticise", "met            meet     ")
    for published, code in (("2020-07-21", "IRNGOV"), ("2023-05-01", "IRN")):
        events = code_table(table, published=published)
        assert events and events[0].source.actor.code == code


def test_jordans_abdullah_is_not_the_saudi_king() -> None:
    actors = _actors(ABDULLAH, dt.date(2010, 3, 1))
    king = next(a for a in actors.values() if a.kind == "person")
    assert king.id == "person:abdullah_ii" and king.code == "JORGOV"
    assert any(a.code == "IRQGOV" for a in actors.values())


def test_unknown_person_is_kept_not_merged() -> None:
    actors = _actors(KAZMI, dt.date(2020, 7, 21))
    kazmi = actors["Kazmi"]
    assert kazmi.known is False and kazmi.id.startswith("unknown:")
    assert actors["Iraqi police"].code == "IRQCOP"


def test_seats_of_power_and_sector_phrases() -> None:
    actors = _actors(SEATS, dt.date(2020, 7, 21))
    codes = {text: a.code for text, a in actors.items()}
    assert codes["White House"] == "USAGOV"
    assert codes["Kremlin"] == "RUSGOV"
    assert codes["Syrian rebels"] == "SYRREB"
    assert codes["Pentagon"] == "USAMIL"
