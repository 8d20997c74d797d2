"""Events that have not happened keep their action code and get the codebook's code too."""

from __future__ import annotations

import pytest

from khaldun.coding.modality import decide_modality, unrealised_kind
from khaldun.knowledge import Knowledge
from khaldun.knowledge.ontology import load_ontology
from khaldun.model import Modality
from khaldun.nlp.handmade import parse_table

REFUSED = """
Iran       Iran      PROPN nsubj     2 GPE
refused    refuse    VERB  ROOT      0
to         to        PART  aux       4
release    release   VERB  xcomp     2
the        the       DET   det       6
prisoners  prisoner  NOUN  dobj      4
"""


@pytest.mark.parametrize(
    ("code", "kind", "standard"),
    [
        ("042", "planned", "036"),
        ("0332", "planned", "0332"),  # already an intent: unchanged
        ("190", "planned", "138"),
        ("084", "refused", "1243"),  # refuse to release persons or property
        ("0841", "refused", "1243"),
        ("042", "cancelled", "160"),
        ("040", "cancelled", "164"),  # talks called off or broken down halt negotiations
        ("046", "cancelled", "164"),
        ("194", "prepared", "150"),  # "got ready to shell the coast": military posture
        ("042", "prepared", "036"),  # other preparations are plans
        ("042", None, "042"),
        ("042", "scheduled", "042"),  # "the king is due to open the forum": no intent stated
        ("072", "scheduled", "072"),  # "Oslo will send rifles to the militia"
        ("190", "scheduled", "150"),  # force the narrator announces: military posture
        ("072", "denied", "016"),  # "denied that it had supplied drones": a denial of responsibility
        ("161", "threatened", "1313"),  # "threatened to break relations"
        ("165", "threatened", "135"),  # "may halt mediation if ..."
        ("190", "threatened", "138"),  # no row of its own: read as planned
        ("073", "threatened", "0333"),  # a conditional offer of aid is an intent
    ],
)
def test_standard_codes(code: str, kind: str | None, standard: str) -> None:
    assert load_ontology().standard_code(code, unrealised=kind) == standard


def test_a_refusal_negates_the_action_and_reads_as_a_rejection(knowledge: Knowledge) -> None:
    doc = parse_table(REFUSED)
    release = next(t for t in doc.tokens if t.text == "release")
    modality, why = decide_modality(knowledge, doc, release)
    assert modality is Modality.NEGATED, why
    assert unrealised_kind(knowledge, doc, release, modality) == "refused"


CONDITIONAL = """
Greece     Greece    PROPN nsubj     3 GPE
may        may       AUX   aux       3
halt       halt      VERB  ROOT      0
aid        aid       NOUN  dobj      3
if         if        SCONJ mark      7
talks      talk      NOUN  nsubj     7
fail       fail      VERB  advcl     3
"""


def test_a_conditional_harm_reads_as_a_threat(knowledge: Knowledge) -> None:
    doc = parse_table(CONDITIONAL)
    halt = next(t for t in doc.tokens if t.text == "halt")
    modality, why = decide_modality(knowledge, doc, halt)
    assert modality is Modality.HYPOTHETICAL, why
    assert unrealised_kind(knowledge, doc, halt, modality) == "threatened"


SCHEDULED = """
Obama      Obama     PROPN nsubjpass 3 PERSON
is         be        AUX   auxpass   3
scheduled  schedule  VERB  ROOT      0
to         to        PART  aux       5
attend     attend    VERB  xcomp     3
a          a         DET   det       7
summit     summit    NOUN  dobj      5
"""

STATED = """
Bouteflika Bouteflika PROPN nsubj    2 PERSON
said       say       VERB  ROOT      0
he         he        PRON  nsubj     4
is         be        AUX   ccomp     2
prepared   prepared  ADJ   acomp     4
to         to        PART  aux       7
lift       lift      VERB  xcomp     5
the        the       DET   det       9
ban        ban       NOUN  dobj      7
"""

REPORTED_AFTER = """
Iran       Iran      PROPN nsubj     3 GPE
will       will      AUX   aux       3
release    release   VERB  ROOT      0
the        the       DET   det       5
sailors    sailor    NOUN  dobj      3
,          ,         PUNCT punct     3
officials  official  NOUN  nsubj     8
said       say       VERB  conj      3
"""


@pytest.mark.parametrize(
    ("table", "trigger", "kind"),
    [
        (SCHEDULED, "attend", "scheduled"),  # only the narrator says so
        (STATED, "lift", "prepared"),  # his own statement, through "is prepared"
        (REPORTED_AFTER, "release", "planned"),  # "..., officials said" parsed as a conjunct
    ],
)
def test_a_plan_is_an_intent_only_when_somebody_states_it(
    knowledge: Knowledge, table: str, trigger: str, kind: str
) -> None:
    doc = parse_table(table)
    token = next(t for t in doc.tokens if t.text == trigger)
    modality, why = decide_modality(knowledge, doc, token)
    assert modality is Modality.PLANNED, why
    assert unrealised_kind(knowledge, doc, token, modality) == kind


SWORN = """
Rebels     rebel     NOUN  nsubj     3
have       have      AUX   aux       3
sworn      swear     VERB  ROOT      0
to         to        PART  aux       5
fight      fight     VERB  advcl     3
on         on        ADP   prt       5
"""


def test_an_infinitive_parsed_as_an_adverbial_clause_still_hangs_on_its_cue(knowledge: Knowledge) -> None:
    # "have sworn to fight": the parser makes "fight" an advcl; the vow still governs it.
    doc = parse_table(SWORN)
    fight = next(t for t in doc.tokens if t.text == "fight")
    modality, why = decide_modality(knowledge, doc, fight)
    assert modality is Modality.PLANNED, why
    assert (
        unrealised_kind(knowledge, doc, fight, modality) == "planned"
    )  # a stated intent: a threat for force
    assert load_ontology().standard_code("190", unrealised="planned") == "138"
