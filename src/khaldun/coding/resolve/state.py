"""What a :class:`~khaldun.coding.resolve.DocumentResolver` keeps while it reads a document."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.model import Actor
from khaldun.nlp.base import ParsedDoc

# Relations of a phrase that is the subject of its clause (a preferred antecedent).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass
class ResolverState:
    """The document, its date, and the identities found so far (in document order)."""

    kn: Knowledge
    doc: ParsedDoc
    day: dt.date | None
    _people: list[tuple[int, Actor, bool]] = field(default_factory=list)  # (token, actor, is subject)
    _groups: list[tuple[int, Actor, bool, bool]] = field(default_factory=list)  # (..., singular noun)
    _by_title: dict[tuple[str | None, str], Actor] = field(default_factory=dict)
    _unknown: dict[str, Actor] = field(default_factory=dict)
    _country_counts: Counter[str] = field(default_factory=Counter)
    _story_country: str | None = None  # the country the sentences before are about, if one leads
    _first_sentence_place: str | None = None  # in the first sentence, the country it happens in
    _lede_place_country: str | None = None  # the country of the first place the first sentence names
    _words_naming: dict[str, set[str]] = field(default_factory=dict)  # actor id -> name keys the text used

    @property
    def kb(self) -> KnowledgeBase:
        return self.kn.kb
