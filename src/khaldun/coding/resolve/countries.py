"""The countries a phrase belongs to when it does not say: the state of a people, the
countries a sentence names, a misspelt or scrambled country name, the country of a
complement ("the police of Sindh")."""

from __future__ import annotations

from khaldun.coding.mentions import (
    Cue,
    PhraseCues,
    done_by_nature,
    read_phrase,
)
from khaldun.coding.places import place_at, story_home
from khaldun.coding.resolve.state import ResolverState
from khaldun.knowledge.actors.base import HitKind
from khaldun.knowledge.actors.coded import (
    country_actor,
    organisation_actor,
)
from khaldun.model import Actor, Mention
from khaldun.nlp.base import Token
from khaldun.nlp.datelines import dateline_place

# How an official of no stated country placed by the story says so: by its dateline ("the
# story was filed from Jaffna") or by the country it is about. Later stages may find the
# text says otherwise (inferred.official_not_of_the_state_addressed).
FILED_FROM = "the story was filed from"
TITLE_AT_HOME = "a domestic title in a story about"


def placed_by_the_story(mention: Mention) -> bool:
    """A side given its country by the story (dateline or topic), not by its own words."""
    return any(mark in mention.how for mark in (FILED_FROM, TITLE_AT_HOME))


class CountryContext(ResolverState):
    """Country context of phrases; mixed into :class:`DocumentResolver`."""

    def _state_of_people(self, cues: PhraseCues) -> str | None:
        """For a people of several states ("Kurdish rebels", "Hutu militias"), the one of
        them the sentence names ("... attacked a Turkish army post"), else the one the
        document has named most so far; None when neither tells."""
        peoples = [c.hit.people for c in cues.of_kind(HitKind.PEOPLE) if c.hit.people is not None]
        if not peoples:
            return None
        context = self._states_in_context(self.doc.tokens[cues.head].sent, set(peoples[-1].countries))
        return context[0] if context else None

    def _states_in_context(self, sent_index: int, among: set[str | None]) -> list[str]:
        """Those of ``among`` the sentence names, in order, then those the document has
        named so far, the most named first: the context's candidates for a choice."""
        named = [c for c in self._countries_named_in(sent_index) if c in among]
        counted = sorted(
            (c for c in among if c and c not in named and self._country_counts[c]),
            key=lambda c: (self._country_counts[c], c),
            reverse=True,
        )
        return [*named, *counted]

    def _countries_named_in(self, sent_index: int, end: int | None = None) -> list[str]:
        """States a sentence (up to token ``end``) names by name, adjective, capital, seat or
        a national organisation ("the Taliban"), in order."""
        sent = self.doc.sentences[sent_index]
        found: dict[str, None] = {}
        tokens = self.doc.tokens
        for i in range(sent.start, sent.end if end is None else min(end, sent.end)):
            if tokens[i].pos not in ("PROPN", "ADJ", "NOUN"):
                continue
            for size in (3, 2, 1):
                if i + size > sent.end:
                    continue
                hits = self.kb.lookup(self.doc.span_text(i, i + size))
                states = [h.country.iso3 for h in hits if h.country and h.kind is not HitKind.PEOPLE]
                states += [h.organisation.country for h in hits if h.organisation and h.organisation.country]
                if states:
                    found.setdefault(states[0], None)
                    break
        return list(found)

    def _people_of_another_state(self, cues: PhraseCues, head_cue: Cue) -> str | None:
        """ "Bosnian Serbs", "Iraqi Kurds": a people named by one demonym and living in the state
        the modifying demonym names; the state is the modifier's."""
        plural = self.doc.tokens[cues.head].tag in ("NNS", "NNPS")
        if head_cue.hit.kind is not HitKind.ADJECTIVE or not plural:
            return None
        for cue in cues.cues:
            if (
                cue.hit.kind is HitKind.ADJECTIVE
                and cue.end <= head_cue.start
                and cue.hit.country is not None
                and head_cue.hit.country is not None
                and cue.hit.country.iso3 != head_cue.hit.country.iso3
            ):
                return cue.hit.country.iso3
        return None

    def _scrambled_country(self, head: Token) -> tuple[Actor | None, str]:
        """A country name with its words out of order, ending at ``head``."""
        lookup = getattr(self.kb, "lookup_unordered", None)
        if lookup is None or head.pos not in ("PROPN", "NOUN"):
            return None, ""
        sent = self.doc.sentences[head.sent]
        words = [t for t in self.doc.tokens[max(sent.start, head.i - 4) : head.i + 1] if t.pos != "DET"]
        for size in (2, 3):
            if len(words) >= size and words[-size].pos in ("PROPN", "NOUN"):
                hits = lookup([t.text for t in words[-size:]])
                if hits and hits[0].country is not None:
                    text = " ".join(t.text for t in words[-size:])
                    return country_actor(self.kb, hits[0].country.iso3), f"country name out of order {text!r}"
        return None, ""

    def _misspelt_modifier(self, cues: PhraseCues) -> str | None:
        """The country of a misspelt name modifying a sector word ("the Phillippines military")."""
        for i in range(cues.start, cues.head):
            actor, _ = self._misspelt_country(self.doc.tokens[i])
            if actor is not None:
                return actor.country
        return None

    def _misspelt_country(self, head: Token) -> tuple[Actor | None, str]:
        """A country name misspelt in the text ("Afganistan", "Ethopia")."""
        lookup = getattr(self.kb, "lookup_misspelt_country", None)
        if lookup is None or head.pos != "PROPN" or head.ent_type not in ("GPE", "NORP", "LOC", ""):
            return None, ""
        hit = lookup(head.text)
        if hit is None or hit.country is None:
            return None, ""
        return country_actor(self.kb, hit.country.iso3), f"country name misspelt {head.text!r}"

    def _country_of_the_story(
        self, cues: PhraseCues, sector: str | None, *, where: bool = True
    ) -> str | None:
        """The country a story is about, for an institution it names with no country of its
        own ("the government", "parliament", "the opposition"): the one
        the sentences before have named at least twice, and three times as often as any
        other; in a story's first sentence, the country it happens in (``where``: for
        groups, not for a titled person, who may be visiting); none in a story between two
        countries (a visit names the visitor's country twice as often as the host's), or for
        a group that says it is foreign."""
        # In the first sentence, groups are of where it happens ("Police in Nairobi fired tear
        # gas at protesters who marched on parliament"); a titled person may be a visitor.
        story = self._story_country or (self._first_sentence_place if where else None)
        if story is None or sector not in self.kn.words["domestic_sectors"]:
            return None
        # "foreign troops" say they are foreign; a "Foreign Minister" is a title.
        titled = {i for c in cues.of_kind(HitKind.SECTOR) for i in range(c.start, c.end)}
        words = {t.lower for t in self.doc.tokens[cues.start : cues.end] if t.i not in titled}
        if words & self.kn.groups.foreign_modifiers:
            return None
        return story

    def _where_an_unmarked_official_serves(
        self, cues: PhraseCues, *, lede: bool = True
    ) -> tuple[str, str] | None:
        """The country of a state official the text gives none ("foreign ministry spokesman Lin
        Jian", "Foreign Minister Sean Sobers"): news marks a foreign official's nationality
        ("French Foreign Minister ...") and leaves the local one's unmarked, so the official
        is of the place the sentence opens in ("In Beijing, ..."), else of the place the
        story was filed from ("SUVA, Feb 19 (Reuters) -")."""
        sent = self.doc.sentences[self.doc.tokens[cues.head].sent]
        opener = self.doc.tokens[sent.start]
        if opener.lower == "in" and opener.i < cues.start:
            for word in self.doc.children(opener.i):
                place = place_at(self.kn, self.doc, word) if word.dep == "pobj" else None
                if place is not None and place.country:
                    return place.country, f"the sentence is set in {place.name}"
        filed_from = dateline_place(self.doc.text)
        home = self._home_of_its_officials()
        if filed_from and home:
            return home, f"{FILED_FROM} {filed_from.title()}"
        if lede and self._lede_place_country and self.doc.tokens[cues.head].sent > 0:
            return self._lede_place_country, "the story opened in that country"
        return None

    def _home_of_its_officials(self) -> str | None:
        """The country of the place the story was filed from, whose officials and institutions
        it need not mark; none from a seat of international bodies ("GENEVA", "UNITED
        NATIONS"), where stories are filed about a conference, not about the host."""
        filed_from = dateline_place(self.doc.text)
        if filed_from is None or filed_from.lower() in self.kn.words["venue_cities"]:
            return None
        return story_home(self.kn, self.doc)

    def _leading_country(self, sent_index: int) -> str | None:
        """The country named so far at least twice and three times as often as any other,
        or more often than any other when the story's first sentence happens in it ("...
        protested outside parliament in Tbilisi against a law modelled on Russian
        legislation"), or, after the first sentence, where it happens when no country has
        been named at all; read at the start of each sentence, so only the sentences before
        count."""
        ranked = self._country_counts.most_common(2)
        if not ranked:
            # A story of one place's own people ("Miners blocked a highway south of Lima ...
            # Riot police used tear gas"): where its first sentence happens. (Within the first
            # sentence, only groups are of its place: a titled person may be visiting.)
            return self._lede_place_country if sent_index > 0 else None
        leader, count = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if leader == self._lede_place_country and count > runner_up:
            return leader  # named once, where the story happens, and no other as often
        if len(ranked) == 1 and sent_index > 0:
            return leader  # the only country named so far
        if count >= 2 and count >= 3 * runner_up:
            return leader
        return None

    def _note_lede_place(self, sent_index: int) -> None:
        """Keep the country of the first place the story's first sentence happens in, else
        of the place its dateline was filed from ("LIMA, May 2 (Reuters) - Police fired")."""
        if sent_index != 0:
            return
        sent = self.doc.sentences[0]
        places = self.kn.words["place_prepositions"]
        for tok in self.doc.tokens[sent.start : sent.end]:
            # A place the news happens in ("in Tbilisi", "south of Lima"), not a party
            # ("pressed to help Iran").
            at = tok.dep == "pobj" and self._places_an_event(self.doc.head(tok.i), places)
            at = at or self._struck_by_nature(tok)
            named = tok.ent_type in ("GPE", "LOC", "") and tok.pos == "PROPN"
            area = tok.pos == "NOUN" and tok.lemma.lower() in self.kn.words["area_nouns"]
            if at and (named or area):
                country = self._country_of_place_phrase(tok)
                if country:
                    self._lede_place_country = country
                    return
        home = self._home_of_its_officials()
        if home:
            self._lede_place_country = home

    def _country_of_place_phrase(self, tok: Token) -> str | None:
        """ "Tbilisi", "Central Sulawesi province", "Indonesia's Central Sulawesi province"."""
        place = place_at(self.kn, self.doc, tok)
        if place is not None and place.country:
            return place.country
        owners = (k for k in self.doc.children(tok.i) if k.dep == "poss")
        return next((c for k in owners for c in read_phrase(self.doc, k, self.kb).countries()), None)

    def _struck_by_nature(self, tok: Token) -> bool:
        """The place a force of nature struck ("an earthquake struck western Nepal", "floods
        hit Kerala"): where the story happens, as a place after "in" is."""
        return tok.dep == "dobj" and done_by_nature(self.kn, self.doc, self.doc.head(tok.i))

    def _places_an_event(self, prep: Token, places: frozenset[str]) -> bool:
        """ "in", "at", "near" ...; "of" after a bearing or a kind of place ("south of Lima",
        "the outskirts of Kabul", "into the besieged town of Sittwe")."""
        if prep.lower in places:
            return True
        head = self.doc.head(prep.i)
        kinds = self.kn.words["bearing_words"] | self.kn.words["area_nouns"]
        return prep.lower == "of" and head.i != prep.i and head.lower in kinds

    def _shared_country(self, name: str) -> str | None:
        shared_country = getattr(self.kb, "shared_country", None)
        return shared_country(name) if shared_country is not None else None

    def _organisation_of_complement(self, head_index: int, depth: int = 0) -> Actor | None:
        """The organisation in "monitors from the OSCE", "a team of inspectors from the IAEA",
        "activists of the Fatah party": the people are its own."""
        prepositions = self._complement_prepositions(head_index, ("of", "from"))
        for prep in self.doc.children(head_index):
            if prep.dep != "prep" or prep.lower not in prepositions:
                continue
            for pobj in self.doc.children(prep.i):
                if pobj.dep != "pobj":
                    continue
                orgs = read_phrase(self.doc, pobj, self.kb).of_kind(HitKind.ORGANISATION)
                if orgs:
                    return organisation_actor(orgs[-1].hit.organisation)  # type: ignore[arg-type]
                again = self._organisation_named_again(pobj)
                if again is not None:
                    return again  # "fighters from the group", "experts of the agency"
                if depth == 0 and pobj.pos == "NOUN":
                    nested = self._organisation_of_complement(pobj.i, depth + 1)
                    if nested is not None:
                        return nested
        return None

    def _complement_prepositions(self, head_index: int, usual: tuple[str, ...]) -> tuple[str, ...]:
        """Prepositions whose object says whose people are: "for" too after a word for one who
        speaks or acts for others ("a spokesman for the Iranian government"), not after any
        noun ("a fund for Iraqi refugees")."""
        speaks_for = self.doc.tokens[head_index].lower in self.kn.words["generic_role_words"]
        return (*usual, "for") if speaks_for else usual

    def _country_of_complement(self, head_index: int, depth: int = 0) -> str | None:
        """The country in "officials from Iran", "the ministers of Iraq", "police in Basra",
        "the governor of the province of Herat"."""
        prepositions = self._complement_prepositions(head_index, ("of", "from", "in"))
        for prep in self.doc.children(head_index):
            if prep.dep != "prep" or prep.lower not in prepositions:
                continue
            for pobj in self.doc.children(prep.i):
                if pobj.dep != "pobj":
                    continue
                countries = read_phrase(self.doc, pobj, self.kb).countries()
                if countries:
                    return countries[0]
                if pobj.pos in ("PROPN", "NOUN"):
                    place = place_at(self.kn, self.doc, pobj)  # "of Sindh province" too
                    if place is not None and place.country:
                        return place.country
                if depth == 0 and pobj.pos == "NOUN":
                    nested = self._country_of_complement(pobj.i, depth + 1)
                    if nested:
                        return nested
        return None
