"""What a :class:`~khaldun.coding.resolve.DocumentResolver` keeps while it reads a document."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.model import Actor, ActorKind
from khaldun.nlp.base import ParsedDoc, Token

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
    _last_speaker: Actor | None = None  # who said the latest quoted words, for a quote going on
    _group_names: dict[str, Actor] = field(default_factory=dict)  # name key -> group ("Georgian Dream")

    @property
    def kb(self) -> KnowledgeBase:
        return self.kn.kb

    # -- organisations and groups named before ----------------------------------

    def _with_the(self, head: Token) -> bool:
        """ "the rebels", "the group": a noun called again with "the" ("some rebels" is not)."""
        return any(k.dep == "det" and k.lower == "the" for k in self.doc.children(head.i))

    def _named_before(
        self, head: Token, sentences_back: int | None = None
    ) -> Iterator[tuple[int, Actor, bool, bool]]:
        """The groups named before ``head``, latest first, as kept (token, actor, is subject,
        singular noun); only those of its sentence and the ``sentences_back`` before, when given."""
        for named in reversed(self._groups):
            i = named[0]
            if i >= head.i:
                continue
            if sentences_back is not None and self.doc.tokens[i].sent < head.sent - sentences_back:
                continue
            yield named

    def _groups_before(self, head: Token, sentences_back: int | None = None) -> Iterator[tuple[Actor, bool]]:
        """The groups named before ``head``, latest first, each with whether it was a subject."""
        for _, actor, is_subject, _ in self._named_before(head, sentences_back):
            yield actor, is_subject

    def _state_body_just_named(self, head: Token) -> Actor | None:
        """The latest state body (a government, ministry, army or police of a named country)
        that is the subject of a clause before ``head``, in its sentence or the one before."""
        state = self.kn.words["state_sectors"]
        for actor, is_subject in self._groups_before(head, sentences_back=1):
            if is_subject and actor.country and actor.sector_code in state:
                return actor
        return None

    def _organisation_by_its_head_noun(self, head: Token) -> Actor | None:
        """An organisation named before, called again by "the" and the last word of its name:
        "the agency" after the International Atomic Energy Agency, "the court" after the
        International Criminal Court. Only a bare "the" noun ("the Iranian agency" is
        another), and only the latest organisation whose name ends so."""
        if head.pos != "NOUN" or not head.text.islower():
            return None
        kids = list(self.doc.children(head.i))
        if [k.lower for k in kids if k.dep not in ("case", "punct", "prep", "relcl", "acl")] != ["the"]:
            return None
        word = head.lemma.lower()
        for i, actor, _, _ in self._named_before(head, None):
            if actor.id.startswith("org:") and actor.name.lower().split()[-1] == word:
                return actor
            # A body the knowledge base lacks, named by its country and a name of its own
            # ("Tajikistan's State Committee for National Security" ... "the committee").
            named_head = self.doc.tokens[i]
            if named_head.pos == "PROPN" and named_head.lower == word and actor.country:
                return actor
        return None

    def _organisation_named_again(self, head: Token) -> Actor | None:
        """The organisation named before that "the agency" or "the group" is."""
        named = self._organisation_by_its_head_noun(head)
        if named is None and head.lemma.lower() in self.kn.words["group_reference_nouns"]:
            named = self._named_group_before(head, None)
        return named

    def _intergovernmental_body_before(self, head: Token) -> Actor | None:
        """ "the bloc" after the European Union or ASEAN: the latest intergovernmental body
        named before, in this sentence or the two before; further back, the one body the
        story has named ("the alliance" paragraphs after a NATO summit's lede)."""
        if not self._with_the(head):
            return None
        for actor, _ in self._groups_before(head, sentences_back=2):
            if _intergovernmental(actor):
                return actor
        bodies = {actor.id: actor for actor, _ in self._groups_before(head) if _intergovernmental(actor)}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def _international_body_of_sector_before(self, head: Token, kind: str) -> Actor | None:
        """ "The court", "the judges" after the European Court of Human Rights: the latest
        body of no country and of that kind ("Judiciary") named before, in this sentence or
        the two before."""
        if not self._with_the(head):
            return None
        for actor, _ in self._groups_before(head, sentences_back=2):
            if actor.id.startswith("org:") and not actor.country and actor.sector == kind:
                return actor
        return None

    def _named_group_before(self, head: Token, sector: str | None) -> Actor | None:
        """A group the story named before, called again by "the" and a common noun: "the
        rebels", "the militants" (``sector``) after a group of their kind ("the M23",
        "Hamas"), or "the group", "the movement" (no sector) after any named group (al-Qaeda
        too, of no one country), not a state or an intergovernmental body. The latest such
        group; none for "some rebels"."""
        if not self._with_the(head):
            return None
        armed, named_armed = self.kn.words["armed_group_sectors"], self.kn.words["named_armed_group_sectors"]
        for actor, _ in self._groups_before(head):
            if sector is None and actor.id.startswith("group:") and actor.sector_code in named_armed:
                return actor  # "the group" after "guerrillas of a People's Army" the base lacks
            if not actor.id.startswith("org:"):
                continue
            kind = actor.sector_code
            if not actor.country and actor.kind is not ActorKind.GROUP:
                continue  # an intergovernmental body; a group across borders is a group
            if sector is None and actor.kind is ActorKind.GROUP:
                return actor
            if sector is not None and (kind == sector or {kind, sector} <= armed):
                return actor
        if sector is None:
            # "the group" after "ASGI, an Italian association of lawyers", of a country the
            # knowledge base could not give it; only when no group it knows came before.
            unknown = (a for a, _ in self._groups_before(head) if a.id.startswith("unknown:") and a.country)
            return next(unknown, None)
        return None

    def _country_of_the_same_group_before(self, head: Token, sector: str) -> str | None:
        """ "the reporters" after "five Turkish journalists", "the charity" after "a German
        charity": a group called again by "the" and a word of its kind is the group named
        before, of its country."""
        kids = list(self.doc.children(head.i))
        if head.pos != "NOUN" or [k.lower for k in kids if k.dep == "det"] != ["the"]:
            return None
        office = self._office_named_before(head)
        if office is not None:
            return office
        if head.tag == "NN" and sector in self.kn.words["domestic_sectors"]:
            return None  # "the government", "the opposition": the story's, not the last named
        for actor, _ in self._groups_before(head):
            if actor.id.startswith("group:") and actor.sector_code == sector:
                return actor.country
        return None

    def _office_named_before(self, head: Token) -> str | None:
        """ "the ambassador" after "Canada's ambassador", "the minister" after "Kenyan Foreign
        Minister Jane Mwangi": a title of one office holder, called again by "the" alone, is the
        holder the story last named by that title, of that holder's country (not the country
        the story is about, as "the government" is)."""
        word = head.lemma.lower()
        if word not in self.kn.words["office_nouns"] or head.tag != "NN":
            return None
        if any(k.dep in ("amod", "compound", "poss", "nmod") for k in self.doc.children(head.i)):
            return None  # "the Iranian ambassador", "the foreign minister": a phrase of its own
        named: list[tuple[int, Actor]] = [(i, a) for i, a, _, _ in self._named_before(head)]
        named += [(i, a) for i, a, _ in self._people if i < head.i]
        for i, actor in sorted(named, key=lambda pair: pair[0], reverse=True):
            if actor.country and self._titled(self.doc.tokens[i], word):
                return actor.country
        return None

    def _titled(self, named: Token, word: str) -> bool:
        """Whether the phrase headed by ``named`` calls it by the title ``word`` ("Canada's
        ambassador", "Foreign Minister Jane Mwangi")."""
        if named.lemma.lower() == word:
            return True
        # The parser may chain a long title's words ("Omani Labour Minister Mahad bin Said
        # Baowain"): any compound word before the name counts.
        before = (t for t in self.doc.subtree(named.i) if t.i < named.i and t.dep == "compound")
        return any(t.lemma.lower() == word for t in before)

    def _unnamed_group_before(self, head: Token) -> Actor | None:
        """ "the group" after a group named by its kind and country ("a coalition of Iraqi
        militias ... The group claimed"): the latest such group that was a subject, in this
        sentence or the one before; not a state's own forces or officials."""
        if not self._with_the(head):
            return None
        state = self.kn.words["state_sectors"]
        for actor, is_subject in self._groups_before(head, sentences_back=1):
            if (
                is_subject
                and actor.id.startswith("group:")
                and actor.country
                and actor.sector_code not in state
            ):
                return actor
        return None


def _intergovernmental(actor: Actor) -> bool:
    return actor.id.startswith("org:") and not actor.country and actor.code.startswith("IGO")
