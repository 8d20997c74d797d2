"""What the coding stages pass along: a :class:`Candidate` event from matching, and the
:class:`Draft` each later stage takes and returns with its own part filled in.

The stages after matching share one contract (declared in order in
:mod:`khaldun.coding.pipeline`)::

    stage(kn: Knowledge, parsed: ParsedDoc, draft: Draft) -> Draft
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from khaldun.knowledge.lexicon import TriggerRule
from khaldun.model import ActorMention, Amount, Document, Event, Modality, Place, When
from khaldun.nlp.base import Token


@dataclass(frozen=True)
class Candidate:
    """An event before modality, date and place: a trigger, a rule, and the dyad."""

    trigger: Token
    trigger_end: Token  # last token of the trigger phrase ("pledged support")
    rule: TriggerRule
    code: str
    source: ActorMention | None
    target: ActorMention | None
    inferred: int = 0  # how many arguments came from inference (coreference, borrowed subject)
    notes: tuple[str, ...] = field(default=(), compare=False)
    partial: bool = False  # one side unknown: kept only when the sentence has no complete event
    mirrored: bool = False  # the other party's side of a reciprocal event ("talks with X": X's)


@dataclass(frozen=True)
class Draft:
    """An event on its way through the stages after matching: the document, the candidate
    (whose sides a stage may complete), and what each stage found, with how it found it."""

    doc: Document
    cand: Candidate
    story_country: str | None = None  # the country the sentences before are about, if one leads
    earlier: Sequence[Event] = ()  # the events of the sentences before, in order
    modality: Modality = Modality.ASSERTED
    modality_how: str = ""
    unrealised: str | None = None  # the kind of unrealised event the codebook codes apart
    when: When | None = None
    date_how: str = ""
    place: Place | None = None
    place_how: str = ""
    amount: Amount | None = None
