"""Words that refer back: pronouns ("he", "they", "his country") and state nouns
("the kingdom") resolved to the actors a document has named before them."""

from __future__ import annotations

from itertools import takewhile

from khaldun.coding.mentions import (
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    PhraseCues,
)
from khaldun.coding.resolve.state import SUBJECT_DEPS, ResolverState
from khaldun.knowledge.actors.coded import (
    country_actor,
)
from khaldun.model import Actor, ActorKind, ActorMention
from khaldun.nlp.base import Token

# "the two countries", "both sides": the two most named.
PAIR_WORDS = frozenset({"two", "both"})
_SMALL_NUMBERS = {"three": 3, "four": 4, "five": 5}
_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})


class References(ResolverState):
    """Resolution of referring words; mixed into :class:`DocumentResolver`."""

    def _resolve_pronoun(self, head: Token) -> tuple[ActorMention, ...]:
        if head.lower in GROUP_PRONOUNS:
            return self._resolve_group_pronoun(head)
        if head.lower not in PERSONAL_PRONOUNS:
            return ()
        antecedent = self._object_of_the_act_before(head) if head.lower in ("him", "her") else None
        antecedent = antecedent or self._antecedent(head)
        if antecedent is None:
            return ()
        return (self._mention(head.i, head.i + 1, head, antecedent, f"pronoun → {antecedent.name}"),)

    def _resolve_group_pronoun(self, head: Token) -> tuple[ActorMention, ...]:
        """ "it", "they": the latest state, organisation or group named as a subject in this
        sentence or the one before ("Chile says it is ready to sign"); "they" after states
        or groups named together is all of them."""
        it = head.lower in ("it", "its", "itself")
        if head.lower == "them":
            acted_on = self._object_of_the_act_before(head)
            if acted_on is not None:
                return (self._mention(head.i, head.i + 1, head, acted_on, f"pronoun → {acted_on.name}"),)
        for i, actor, singular in self._subjects_before(head):
            together = [] if it else self._coordinated_with(i)
            if together:
                # "Cairo and Tehran said they had decided ...": every one of them.
                return tuple(
                    self._mention(head.i, head.i + 1, head, member, f"pronoun → {member.name}")
                    for member in (actor, *together)
                )
            # "it" is a state, an organisation or "the party"; "Iranian officials" are "they",
            # and so is a named armed group, whatever its number ("the Taliban ... their").
            armed_groups = self.kn.words["armed_group_sectors"]
            armed = actor.kind is ActorKind.GROUP and actor.sector_code in armed_groups
            if singular == it or (not it and armed):
                return (self._mention(head.i, head.i + 1, head, actor, f"pronoun → {actor.name}"),)
        if head.lower not in ("it", "its", "itself"):
            return self._coordinated_people(head)
        return ()

    def _object_of_the_act_before(self, pronoun: Token) -> Actor | None:
        """ "Poland expelled three Russian diplomats after accusing them of spying", "Baku
        expelled a British journalist, accusing him of lies", "police arrested a reporter and
        charged her": the object pronoun of a participle or of a verb conjoined to an act,
        which shares the act's subject and so cannot be it, is the act's object of its number
        ("him" a singular role noun; a named person is found as people are)."""
        verb = self.doc.head(pronoun.i)
        if pronoun.dep not in _OBJECT_DEPS:
            return None
        participle = verb.tag == "VBG" and verb.dep in ("advcl", "pcomp")
        conjoined = verb.dep == "conj" and not any(k.dep in SUBJECT_DEPS for k in self.doc.children(verb.i))
        if not participle and not conjoined:
            return None
        act = self.doc.head(verb.i)
        if act.dep == "prep":  # "after accusing them"
            act = self.doc.head(act.i)
        obj = next((k for k in self.doc.children(act.i) if k.dep == "dobj"), None)
        number = ("NNS",) if pronoun.lower == "them" else ("NN",)
        if obj is None or obj.tag not in number or obj.i >= pronoun.i:
            return None
        return next((actor for i, actor, _, _ in self._groups if i == obj.i), None)

    def _subjects_before(self, head: Token) -> list[tuple[int, Actor, bool]]:
        """The groups named as subjects before ``head`` in its sentence, latest first, then
        those of the sentence before, the main clause's first: in "The ministry said the
        Greek boat had entered its waters. It accused Athens", "it" is the ministry."""
        tokens = self.doc.tokens
        found = [
            (i, actor, singular)
            for i, actor, is_subject, singular in self._named_before(head, sentences_back=1)
            if is_subject
        ]
        same = [f for f in found if tokens[f[0]].sent == head.sent]
        before = [f for f in found if tokens[f[0]].sent < head.sent]
        main = [f for f in before if self._subject_of_the_main_clause(f[0])]
        return [*same, *main, *(f for f in before if f not in main)]

    def _subject_of_the_main_clause(self, subject: int) -> bool:
        verb = self.doc.head(subject)
        while verb.dep == "conj" and verb.head != verb.i:
            verb = self.doc.head(verb.i)
        return verb.dep == "ROOT"

    def _coordinated_with(self, subject: int) -> list[Actor]:
        """The states and groups coordinated with the subject at ``subject`` ("Cairo and
        Tehran", "Kenya, Uganda and Tanzania"), in order; none when it stands alone."""
        groups = {i: actor for i, actor, _, _ in self._groups}
        members: list[int] = []
        heads = [subject]
        while heads:  # "Kenya, Uganda and Tanzania": the parser may chain the conjuncts
            found = [k.i for k in self.doc.children(heads.pop()) if k.dep == "conj" and k.i in groups]
            members += found
            heads += found
        return [groups[m] for m in sorted(members) if groups[m].id != groups[subject].id]

    def _coordinated_people(self, head: Token) -> tuple[ActorMention, ...]:
        """ "they" after coordinated people as a subject: "Obama and Putin said they will ..."."""
        people = {i: actor for i, actor, _ in self._people if i < head.i}
        for i in sorted(people, reverse=True):
            token = self.doc.tokens[i]
            if token.dep not in SUBJECT_DEPS or token.sent < head.sent - 1:
                continue
            members = [k.i for k in self.doc.children(i) if k.dep == "conj" and k.i in people]
            if members:
                return tuple(
                    self._mention(head.i, head.i + 1, head, people[m], f"pronoun → {people[m].name}")
                    for m in (i, *members)
                )
        return ()

    def _antecedent(self, head: Token) -> Actor | None:
        """The person a pronoun refers to.

        Within its own sentence, the latest earlier subject, else the latest
        earlier person; failing that, the latest subject person of the
        previous sentence, else the latest person named before.
        """
        current = head.sent
        # An object pronoun is never its own verb's subject: in "the attorney general accused
        # her", "her" is someone else (a reflexive would say "herself").
        bound = self._subject_of_own_verb(head)
        earlier = [(i, actor, subj) for i, actor, subj in self._people if i < head.i and i not in bound]
        same = [(i, a, s) for i, a, s in earlier if self.doc.tokens[i].sent == current]
        if not same and not bound:
            # "The Kenyan foreign minister said he ...": a named office with no name is the
            # person, when no named person comes before it in the sentence.
            role = self._office_subject_before(head)
            if role is not None:
                return role
        previous = [(i, a, s) for i, a, s in earlier if self.doc.tokens[i].sent == current - 1]
        if not same and not previous and not bound:
            # "Kenya's foreign minister spoke to reporters. He criticised ...": the office
            # that was the subject of the sentence before, when it names no person.
            role = self._office_subject_before(head, sentences_back=1)
            if role is not None:
                return role
        if not earlier:
            return None
        for group in (same, previous):
            subjects = [a for _, a, is_subject in group if is_subject]
            if subjects:
                return subjects[-1]
            if group and group is same:
                return group[-1][1]
        return earlier[-1][1]

    def _subject_of_own_verb(self, pronoun: Token) -> set[int]:
        """The subject of the verb an object pronoun is the object of."""
        if pronoun.dep not in _OBJECT_DEPS:
            return set()
        verb = self.doc.head(pronoun.i)
        subjects = {c.i for c in self.doc.children(verb.i) if c.dep in SUBJECT_DEPS}
        # "the king thanked Macron and invited him": a conjoined verb shares its first
        # verb's subject, so "him" is not the king.
        while not subjects and verb.dep == "conj" and verb.head != verb.i:
            verb = self.doc.head(verb.i)
            subjects = {c.i for c in self.doc.children(verb.i) if c.dep in SUBJECT_DEPS}
        return subjects

    def _office_subject_before(self, head: Token, sentences_back: int = 0) -> Actor | None:
        """The latest singular office ("the foreign minister", sector and all) that is the
        subject of a clause before ``head`` in its sentence (or the ``sentences_back`` before):
        an office a person holds ("WFP's country director"), not an organisation's name ("the
        European Court of Human Rights ruled ... jailing him")."""
        return next(
            (
                actor
                for i, actor, is_subject, singular in self._named_before(head, sentences_back)
                if is_subject and singular and actor.sector and self.doc.tokens[i].pos == "NOUN"
            ),
            None,
        )

    def _resolve_country_reference(self, head: Token, cues: PhraseCues) -> tuple[ActorMention, ...]:
        """ "his country" → that person's country; "the two countries" → the document's main pair."""
        kids = self.doc.children(head.i)
        possessor = next((k for k in kids if k.dep == "poss" and k.lower in PERSONAL_PRONOUNS), None)
        if possessor is not None:
            person = self._antecedent(possessor)
            if person is not None and person.country:
                actor = country_actor(self.kb, person.country)
                return (self._mention(cues.start, cues.end, head, actor, f"country of {person.name}"),)
        if head.tag == "NN" and any(k.dep == "det" and k.lower == "the" for k in kids) and not cues.cues:
            # "The Saudi foreign minister said the kingdom would ...": the state just named.
            state = self._state_just_named(head)
            if state is not None:
                actor = country_actor(self.kb, state)
                return (self._mention(cues.start, cues.end, head, actor, f"the state just named, {state}"),)
        counted = next((_SMALL_NUMBERS[k.lower] for k in kids if k.lower in _SMALL_NUMBERS), 0)
        if counted and head.tag == "NNS":
            # "thanked the three countries for their help": the three others the story named,
            # when it has named exactly so many besides the speaker's own.
            speaker = self._country_of_clause_subject(head)
            others = [iso3 for iso3 in self._country_counts if iso3 != speaker]
            if len(others) == counted:
                how = f"the {counted} other countries the document named"
                return tuple(
                    self._mention(cues.start, cues.end, head, country_actor(self.kb, c), how) for c in others
                )
        if any(k.lower in PAIR_WORDS for k in kids) and head.tag in ("NNS", "NNPS", "NN"):
            # "Sudan called on both countries": not the speaker's own.
            speaker = self._country_of_clause_subject(head)
            ranked = [iso3 for iso3, _ in self._country_counts.most_common(3) if iso3 != speaker]
            pair = ranked[:2]
            if len(pair) == 2:
                how = "the document's two most named countries"
                return tuple(
                    self._mention(cues.start, cues.end, head, country_actor(self.kb, c), how) for c in pair
                )
        return ()

    def _country_of_clause_subject(self, head: Token) -> str | None:
        """The country of the subject of the verb ``head`` hangs from, if named before it."""
        verb = self.doc.governing_verb(head.i)
        below = (
            [head, *takewhile(lambda t: t.i != verb.i, self.doc.ancestors(head.i))]
            if verb.i != head.i
            else []
        )
        if any(t.dep in SUBJECT_DEPS for t in below):
            return None  # "the ministers of the two countries spoke": inside the subject
        subject = next((k for k in self.doc.children(verb.i) if k.dep == "nsubj"), None)
        if subject is None or subject.i > head.i:
            return None
        actors = [actor for i, actor, _, _ in self._groups if i == subject.i]
        actors += [actor for i, actor, _ in self._people if i == subject.i]
        return actors[-1].country if actors else None

    def _state_just_named(self, head: Token) -> str | None:
        """The state named last before ``head`` in its sentence, else the document's most named."""
        before = self._countries_named_in(head.sent, end=head.i)
        if before:
            return before[-1]
        counted = self._country_counts.most_common(1)
        return counted[0][0] if counted else None
