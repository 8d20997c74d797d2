"""Triggers, arguments, compounds and passives on hand-built parses."""

from __future__ import annotations

from khaldun.model import Document, Modality
from tests.conftest import code_table, handmade_pipeline

MEETING = """
Iranian        iranian   ADJ   amod      2 NORP
President      President PROPN compound  4
Hassan         Hassan    PROPN compound  4 PERSON
Rouhani        Rouhani   PROPN nsubj     5 PERSON
met            meet      VERB  ROOT      0
with           with      ADP   prep      5
Iraqi          iraqi     ADJ   amod      10 NORP
Prime          Prime     PROPN compound  9
Minister       Minister  PROPN compound  12
Mustafa        Mustafa   PROPN compound  12 PERSON
al-            al        PROPN compound  12 PERSON
Kadhimi        Kadhimi   PROPN pobj      6 PERSON
in             in        ADP   prep      5
Tehran         Tehran    PROPN pobj      13 GPE
on             on        ADP   prep      5
Sunday         Sunday    PROPN pobj      15 DATE
.              .         PUNCT punct     5
"""

PASSIVE_AND_RELATIVE = """
Kazemi         Kazemi    PROPN nsubj     9 PERSON
,              ,         PUNCT punct     1
who            who       PRON  nsubjpass 5
was            be        AUX   auxpass   5
received       receive   VERB  relcl     1
by             by        ADP   agent     5
Saudi          saudi     ADJ   amod      8 NORP
officials      official  NOUN  pobj      6
met            meet      VERB  ROOT      0
Iran           Iran      PROPN pobj      9 GPE
"""

COMPOUND = """
Iran           Iran      PROPN nsubj     4 GPE
and            and       CCONJ cc        1
Iraq           Iraq      PROPN conj      1 GPE
accused        accuse    VERB  ROOT      0
Israel         Israel    PROPN dobj      4 GPE
.              .         PUNCT punct     4
"""

POSTPONED = """
his            his       PRON  poss      2
visit          visit     NOUN  nsubjpass 7
to             to        ADP   prep      2
Saudi          Saudi     PROPN compound  5 GPE
Arabia         Arabia    PROPN pobj      3 GPE
was            be        AUX   auxpass   7
postponed      postpone  VERB  ROOT      0
"""


def test_meeting_codes_the_dyad_with_date_and_place() -> None:
    [event] = code_table(MEETING)
    assert event.cameo == "040"
    assert event.source is not None and event.source.actor.code == "IRNGOV"
    assert event.target is not None and event.target.actor.code == "IRQGOV"
    assert event.target.actor.name == "Mustafa al-Kadhimi"
    assert event.modality is Modality.ASSERTED
    assert event.date is not None and event.date.value.isoformat() == "2020-07-19"
    assert event.location is not None and event.location.country == "IRN"
    assert event.evidence.trigger == "met"


def test_passive_relative_clause_takes_the_agent_as_source() -> None:
    events = {e.cameo: e for e in code_table(PASSIVE_AND_RELATIVE)}
    received = events["043"]
    assert received.source.actor.code == "SAUGOV"
    assert received.target.actor.country == "IRQ" or received.target.actor.known is False
    assert received.target.mention.text == "Kazemi"


def test_compound_subject_gives_one_event_per_actor() -> None:
    events = code_table(COMPOUND)
    dyads = sorted((e.source.actor.code, e.target.actor.code, e.cameo) for e in events)
    assert dyads == [("IRN", "ISR", "112"), ("IRQ", "ISR", "112")]


def test_postponed_visit_is_not_asserted() -> None:
    pipeline = handmade_pipeline(
        """
Kadhimi        Kadhimi   PROPN nsubj     2 PERSON
spoke          speak     VERB  ROOT      0
.              .         PUNCT punct     2
"""
        + "\n"
        + POSTPONED
    )
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    [event] = [
        e for e in pipeline.code(text, published="2020-07-21") if e.cameo.startswith("04") and e.target
    ]
    assert event.cameo == "042"
    assert event.target.actor.code == "SAU"
    assert event.modality is Modality.POSTPONED
    assert event.source.actor.name == "Mustafa al-Kadhimi"  # "his" resolved to the earlier subject


def test_document_without_triggers_gives_no_events_and_says_why() -> None:
    pipeline = handmade_pipeline("""
Oil            oil       NOUN  nsubj     2
rose           rise      VERB  ROOT      0
.              .         PUNCT punct     2
""")
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    coded = pipeline.code_document(Document(text=text, id="d1"))
    assert coded.events == ()
    assert coded.notes == ()


OBLIGATION = """
Britain      Britain    PROPN nsubj     2 GPE
said         say        VERB  ROOT      0
that         that       SCONJ mark      8
the          the        DET   det       6
Sudanese     sudanese   ADJ   amod      6 NORP
government   government NOUN  nsubj     8
must         must       AUX   aux       8
release      release    VERB  ccomp     2
the          the        DET   det       10
prisoners    prisoner   NOUN  dobj      8
"""


def test_a_reported_obligation_is_a_demand_of_the_obliged() -> None:
    events = code_table(OBLIGATION)
    assert [(e.source.actor.code, e.target.actor.code, e.cameo) for e in events] == [
        ("GBR", "SDNGOV", "1053")
    ]
    assert events[0].evidence.trigger.startswith("said")
