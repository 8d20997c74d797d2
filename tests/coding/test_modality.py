"""Modality from the parse: planned, postponed, cancelled, negated, hypothetical."""

from __future__ import annotations

import pytest

from khaldun.coding.modality import decide_modality
from khaldun.knowledge import Knowledge
from khaldun.model import Modality
from khaldun.nlp.handmade import parse_table

SCHEDULED = """
Kadhimi    Kadhimi   PROPN nsubjpass 3 PERSON
is         be        AUX   auxpass   3
scheduled  schedule  VERB  ROOT      0
to         to        PART  aux       5
meet       meet      VERB  xcomp     3
Khamenei   Khamenei  PROPN dobj      5 PERSON
"""

WILL_NOT = """
Iraq       Iraq      PROPN nsubj     4 GPE
will       will      AUX   aux       4
not        not       PART  neg       4
attack     attack    VERB  ROOT      0
Iran       Iran      PROPN dobj      4 GPE
"""

CANCELLED = """
Iran       Iran      PROPN nsubj     2 GPE
cancelled  cancel    VERB  ROOT      0
the        the       DET   det       4
visit      visit     NOUN  dobj      2
"""

COULD = """
talks      talk      NOUN  nsubj     3
could      could     AUX   aux       3
resume     resume    VERB  ROOT      0
"""

SHOULD = """
Israel     Israel    PROPN nsubj     3 GPE
should     should    AUX   aux       3
release    release   VERB  ROOT      0
prisoners  prisoner  NOUN  dobj      3
"""

PLAIN = """
Rouhani    Rouhani   PROPN nsubj     2 PERSON
met        meet      VERB  ROOT      0
Kadhimi    Kadhimi   PROPN dobj      2 PERSON
"""


@pytest.mark.parametrize(
    ("table", "trigger", "expected"),
    [
        (SCHEDULED, "meet", Modality.PLANNED),
        (WILL_NOT, "attack", Modality.NEGATED),
        (CANCELLED, "visit", Modality.CANCELLED),
        (COULD, "resume", Modality.HYPOTHETICAL),
        (SHOULD, "release", Modality.HYPOTHETICAL),  # an obligation has not happened
        (PLAIN, "met", Modality.ASSERTED),
    ],
)
def test_modality_cues(knowledge: Knowledge, table: str, trigger: str, expected: Modality) -> None:
    doc = parse_table(table)
    token = next(t for t in doc.tokens if t.text == trigger)
    modality, why = decide_modality(knowledge, doc, token)
    assert modality is expected, why


def test_rule_default_applies_when_no_cue_overrides(knowledge: Knowledge) -> None:
    doc = parse_table(PLAIN)
    token = next(t for t in doc.tokens if t.text == "met")
    assert decide_modality(knowledge, doc, token, default=Modality.PLANNED)[0] is Modality.PLANNED
