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

# A subjectless conjunct shares the auxiliary and the governors of its verb ...
WILL_AND = """
Germany    Germany   PROPN nsubj     3 GPE
will       will      AUX   aux       3
send       send      VERB  ROOT      0
tanks      tank      NOUN  dobj      3
and        and       CCONJ cc        3
deliver    deliver   VERB  conj      3
shells     shell     NOUN  dobj      6
"""

SCHEDULED_AND = """
pope       pope      NOUN  nsubjpass 3
is         be        AUX   auxpass   3
scheduled  schedule  VERB  ROOT      0
to         to        PART  aux       5
celebrate  celebrate VERB  xcomp     3
mass       mass      NOUN  dobj      5
and        and       CCONJ cc        5
to         to        PART  aux       9
meet       meet      VERB  conj      5
Aoun       Aoun      PROPN dobj      9 PERSON
"""

# ... but not its negation, nor its own sense.
NOT_AND = """
minister   minister  NOUN  nsubj     4
did        do        AUX   aux       4
not        not       PART  neg       4
attend     attend    VERB  ROOT      0
summit     summit    NOUN  dobj      4
and        and       CCONJ cc        4
sent       send      VERB  conj      4
deputy     deputy    NOUN  dobj      7
"""

DENIED_AND = """
Korea      Korea     PROPN nsubj     2 GPE
denied     deny      VERB  ROOT      0
involvement involvement NOUN dobj    2
and        and       CCONJ cc        2
urged      urge      VERB  conj      2
talks      talk      NOUN  dobj      5
"""

# What one party urges another to do has not happened.
PUSHED = """
Washington Washington PROPN nsubj     2 GPE
pushed     push      VERB  ROOT      0
Seoul      Seoul     PROPN dobj      2 GPE
to         to        PART  aux       5
ease       ease      VERB  xcomp     2
curbs      curb      NOUN  dobj      5
"""

# A campaign's aim is a plan, not an event that happened.
CAMPAIGN = """
they       they      PRON  nsubj     2
launched   launch    VERB  ROOT      0
a          a         DET   det       4
campaign   campaign  NOUN  dobj      2
to         to        PART  aux       6
oust       oust      VERB  acl       4
the        the       DET   det       8
president  president NOUN  dobj      6
"""

# A decision reversed is a plan cancelled.
REVERSED = """
they       they      PRON  nsubj     2
reversed   reverse   VERB  ROOT      0
the        the       DET   det       4
decision   decision  NOUN  dobj      2
to         to        PART  aux       6
ban        ban       VERB  acl       4
the        the       DET   det       8
paper      paper     NOUN  dobj      6
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
        (WILL_AND, "deliver", Modality.PLANNED),
        (SCHEDULED_AND, "meet", Modality.PLANNED),
        (NOT_AND, "sent", Modality.ASSERTED),
        (DENIED_AND, "urged", Modality.ASSERTED),
        (PUSHED, "ease", Modality.HYPOTHETICAL),
        (PUSHED, "pushed", Modality.ASSERTED),
        (CAMPAIGN, "oust", Modality.PLANNED),
        (REVERSED, "ban", Modality.CANCELLED),
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
