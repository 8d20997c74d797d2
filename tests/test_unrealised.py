"""Events that have not happened keep their action code and get the codebook's code too."""

from __future__ import annotations

import pytest

from khaldun.modality import decide_modality, unrealised_kind
from khaldun.model import Modality
from khaldun.nlp.handmade import parse_table
from khaldun.ontology import load_ontology

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
        ("194", "prepared", "150"),  # "prepared to resume shelling": military posture
        ("042", "prepared", "036"),  # other preparations are plans
        ("042", None, "042"),
        ("161", "threatened", "1313"),  # "threatened to break relations"
        ("165", "threatened", "135"),  # "may halt mediation if ..."
        ("190", "threatened", "138"),  # no row of its own: read as planned
        ("073", "threatened", "0333"),  # a conditional offer of aid is an intent
    ],
)
def test_standard_codes(code: str, kind: str | None, standard: str) -> None:
    assert load_ontology().standard_code(code, unrealised=kind) == standard


def test_a_refusal_negates_the_action_and_reads_as_a_rejection() -> None:
    doc = parse_table(REFUSED)
    release = next(t for t in doc.tokens if t.text == "release")
    modality, why = decide_modality(doc, release)
    assert modality is Modality.NEGATED, why
    assert unrealised_kind(doc, release, modality) == "refused"


CONDITIONAL = """
Greece     Greece    PROPN nsubj     3 GPE
may        may       AUX   aux       3
halt       halt      VERB  ROOT      0
aid        aid       NOUN  dobj      3
if         if        SCONJ mark      7
talks      talk      NOUN  nsubj     7
fail       fail      VERB  advcl     3
"""


def test_a_conditional_harm_reads_as_a_threat() -> None:
    doc = parse_table(CONDITIONAL)
    halt = next(t for t in doc.tokens if t.text == "halt")
    modality, why = decide_modality(doc, halt)
    assert modality is Modality.HYPOTHETICAL, why
    assert unrealised_kind(doc, halt, modality) == "threatened"
