"""Resolution stage: one identity per actor in a document.

Reads the cues of each noun phrase (:mod:`khaldun.coding.mentions`) in document
order and decides which actor it names:

* a person name: the known person it matches (transliteration-aware, so
  Al-Kazemi and Al-Kazimi are one man), else an unknown person kept with the
  country and sector the phrase gives, one identity per name in a document;
* a role nominal ("the Iraqi Prime Minister", "Iran's Supreme Leader"): the
  person this document introduced with that role, else the office holder on
  the document's date from the knowledge base;
* a pronoun (he, his): the most recent person, preferring subjects;
  "his country" is that person's country;
* "the two countries": the two countries the document has named most;
* an organisation, a country (by name, or by its capital as a metonym for its
  government), or a sector phrase ("Iranian officials" → IRNGOV).

Codes are the ones valid on the document's date (``day``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from khaldun.coding.mentions import (
    FIRST_PERSON_PRONOUNS,
    PERSON_LABELS,
    STORY_COUNTRY,
    Cue,
    PhraseCues,
    bare_number_subject,
    names_people,
    phrase_heads,
    read_phrase,
)
from khaldun.coding.places import place_at
from khaldun.coding.resolve.countries import TITLE_AT_HOME, CountryContext
from khaldun.coding.resolve.quotes import Quotes
from khaldun.coding.resolve.references import References
from khaldun.coding.resolve.state import SUBJECT_DEPS
from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.base import HitKind, PersonMatch
from khaldun.knowledge.actors.coded import (
    UNKNOWN_COUNTRY,
    country_actor,
    organisation_actor,
    person_actor,
    sector_actor,
)
from khaldun.knowledge.actors.names import name_key, name_parts, surname_key
from khaldun.model import Actor, ActorKind, ActorMention, Mention, stable_id
from khaldun.nlp.base import ParsedDoc, Token

# Entity labels of names that may contain a country or city without naming it.
_OTHER_NAME_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})


def _lone_unknown_group(mentions: tuple[ActorMention, ...] | None) -> bool:
    """One mention, of a group the knowledge base lacks and no country is given for."""
    if not mentions or len(mentions) != 1:
        return False
    actor = mentions[0].actor
    return not actor.known and actor.kind is not ActorKind.PERSON and not actor.country


def _stands_for_country(kn: Knowledge, doc: ParsedDoc, head: Token) -> bool:
    """A noun after a country cue stands for the country, except sport, culture, weather;
    so does a named event held there ("the Beijing Olympics"), and a team at a state's work
    ("a Japanese rescue team")."""
    named_event = head.pos == "PROPN" and head.ent_type == "EVENT"
    if not (head.pos == "NOUN" or named_event):
        return False
    if head.lower not in kn.groups.not_for_country:
        return True
    kinds = {c.lemma.lower() for c in doc.children(head.i) if c.dep in ("compound", "amod")}
    return head.lemma.lower() == "team" and bool(kinds & kn.groups.working_teams)


def _named_only_by_a_people(cues: PhraseCues) -> bool:
    """True when a people ("Tigrayan"), and no state, names whose the phrase's people are."""
    kinds = {c.hit.kind for c in cues.cues}
    return HitKind.PEOPLE in kinds and not kinds & {HitKind.COUNTRY, HitKind.ADJECTIVE, HitKind.CAPITAL}


def _looks_like_a_name(name: str, cues: PhraseCues) -> bool:
    """A person name has a part of three letters or more that is not a title or an article,
    and is not a people's name ("Bosnian Serbs")."""
    if any(c.hit.kind is HitKind.ADJECTIVE and c.start >= (cues.name or (0, 0))[0] for c in cues.cues):
        return False
    return any(len(part) >= 3 for part in name_parts(name))


# Entity labels of places, whose names are no one's.
_PLACE_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


@dataclass
class DocumentResolver(References, Quotes, CountryContext):
    """Resolves the actor phrases of one document, in order, keeping its identities."""

    def resolve_sentence(self, sent_index: int) -> dict[int, tuple[ActorMention, ...]]:
        """Actor mentions of a sentence, keyed by the token index of each phrase head."""
        found: dict[int, tuple[ActorMention, ...]] = {}
        self._note_lede_place(sent_index)
        self._story_country = self._leading_country(sent_index)
        self._first_sentence_place = self._lede_place_country if sent_index == 0 else None
        first_person = []
        for head in phrase_heads(self.doc, sent_index):
            if head.pos == "PRON" and head.lower in FIRST_PERSON_PRONOUNS:
                first_person.append(head)  # the speaker may be named after the quote
                continue
            mentions = self._resolve_head(head)
            if mentions:
                found[head.i] = self._in_the_role_apposed(head, mentions, found)
                self._organisation_described(head, mentions, found)
        found.update(self._first_person_in_quotes(sent_index, first_person, found))
        return found

    def _remember_the_name_of_the_group(self, head: Token, actor: Actor) -> None:
        """The name before a common noun that says what kind of group it is ("the ruling
        Georgian Dream party"): the name alone later ("Georgian Dream said") is that group."""
        if head.pos != "NOUN" or actor.kind is ActorKind.PERSON:
            return
        start = head.i
        while (
            start > 0
            and self._name_word(self.doc.tokens[start - 1])
            and self.doc.tokens[start - 1].head <= head.i
        ):
            start -= 1
        words = list(self.doc.tokens[start : head.i])
        if len(words) >= 2:
            self._group_names[name_key(" ".join(t.text for t in words))] = actor

    @staticmethod
    def _name_word(token: Token) -> bool:
        return token.dep == "compound" and token.text[:1].isupper() and token.pos in ("PROPN", "ADJ")

    def _group_named_before(self, head: Token) -> tuple[Actor | None, str]:
        """A group called again by the name it was given with its kind ("Georgian Dream")."""
        if head.pos != "PROPN" or not self._group_names:
            return None, ""
        start = head.i
        while start > 0 and self._name_word(self.doc.tokens[start - 1]):
            start -= 1
        actor = self._group_names.get(name_key(self.doc.span_text(start, head.i + 1)))
        return (actor, f"{actor.name}, the group named so before") if actor else (None, "")

    def _remember_the_name_of_the_role(self, cues: PhraseCues, actor: Actor) -> None:
        """A name the phrase gives to a role it is read by ("Mongolian President Ukhnaagiin
        Khurelsukh", read as Mongolia's government): kept as a person of that code, so that
        the surname alone later ("Khurelsukh") is that person, and "he" may be."""
        if cues.name is None or actor.kind is ActorKind.PERSON or not actor.country:
            return
        covered = {i for c in cues.cues for i in range(c.start, c.end)}
        words = [t for t in self.doc.tokens[cues.name[0] : cues.name[1]] if t.i not in covered]
        if not words or any(t.pos != "PROPN" or t.ent_type in _PLACE_NAME_LABELS for t in words):
            return  # a person's name, not a place's ("Port Sudan")
        name = " ".join(t.text for t in words)
        person = Actor(
            id=f"unknown:{stable_id(name_key(name), length=12)}",
            name=name,
            code=actor.code,
            country=actor.country,
            sector=actor.sector,
            kind=ActorKind.PERSON,
            known=False,
        )
        self._people.append((cues.head, person, self.doc.tokens[cues.head].dep in SUBJECT_DEPS))

    def _hyphenated_pair(self, head: Token, cues: PhraseCues) -> tuple[ActorMention, ...]:
        """Two states joined by a hyphen before an event noun or a word for what binds
        states ("US-China talks", "the Iran-Iraq war", "Sino-Russian ties") are both its
        parties; a person of two nationalities ("a British-Iranian aid worker") is one."""
        lemma, words = head.lemma.lower(), self.kn.words
        bond = lemma in words["bond_nouns"] or lemma in words["agreement_nouns"]
        if head.pos != "NOUN" or not (lemma in self.kn.lexicon.nouns or bond):
            return ()
        kinds = (HitKind.COUNTRY, HitKind.ADJECTIVE)
        states = [c for c in cues.cues if c.hit.country and c.hit.kind in kinds and c.end <= head.i]
        for first, second in zip(states, states[1:], strict=False):
            joined = [t.text for t in self.doc.tokens[first.end : second.start]] in (["-"], ["–"])
            iso = (first.hit.country.iso3, second.hit.country.iso3)  # type: ignore[union-attr]
            if joined and iso[0] != iso[1]:
                mentions = []
                for code in iso:
                    actor = country_actor(self.kb, code)
                    self._country_counts[code] += 1
                    how = f"{actor.name}, one of the pair {cues.text!r} names"
                    mentions.append(self._mention(first.start, second.end, head, actor, how))
                return tuple(mentions)
        return ()

    def _in_the_role_apposed(
        self, head: Token, people: tuple[ActorMention, ...], found: dict[int, tuple[ActorMention, ...]]
    ) -> tuple[ActorMention, ...]:
        """An unknown person in apposition to a role ("Panama's trade minister, Ramon
        Castillero") holds that role: the name is kept with the role's code, so that "his
        government" next and the surname alone later ("Castillero said") are Panama's."""
        role = found.get(self.doc.head(head.i).i, ()) if head.dep == "appos" else ()
        if len(people) != 1 or len(role) != 1 or role[0].actor.kind is ActorKind.PERSON:
            return people
        person, office = people[0].actor, role[0].actor
        if person.known or person.kind is not ActorKind.PERSON or person.country or not office.country:
            return people
        actor = replace(person, code=office.code, country=office.country, sector=office.sector)
        self._known_better(actor)
        return (replace(people[0], actor=actor),)

    def _known_better(self, actor: Actor) -> None:
        """An unknown actor (same id) learnt to be of a country and sector: every name and
        every earlier naming of it now stands for the fuller actor."""
        self._unknown = {k: actor if a.id == actor.id else a for k, a in self._unknown.items()}
        self._people = [(j, actor if a.id == actor.id else a, subj) for j, a, subj in self._people]
        self._groups = [(j, actor if a.id == actor.id else a, subj, one) for j, a, subj, one in self._groups]

    def _organisation_described(
        self, head: Token, description: tuple[ActorMention, ...], found: dict[int, tuple[ActorMention, ...]]
    ) -> None:
        """An organisation the knowledge base lacks, described in apposition ("ASGI, an
        Italian association of lawyers", "Kontras, an Indonesian rights group"), is of the
        country (and sector) the description gives; "the group" later is so too."""
        if head.dep != "appos" or len(description) != 1:
            return
        # The parser may hang the description on the clause's subject instead: the name is
        # then the word before the comma that opens it.
        start = min(t.i for t in self.doc.subtree(head.i))
        before_comma = start - 2 if start >= 2 and self.doc.tokens[start - 1].text == "," else None
        candidates = (self.doc.head(head.i).i, before_comma)
        owner = next((i for i in candidates if i is not None and _lone_unknown_group(found.get(i))), None)
        if owner is None:
            return
        named = found[owner]
        group, kind = named[0].actor, description[0].actor
        if not kind.country or kind.kind is ActorKind.PERSON:
            return
        code = kind.country + (kind.sector_code or "")
        actor = replace(group, code=code, country=kind.country, sector=kind.sector)
        self._known_better(actor)
        found[owner] = (replace(named[0], actor=actor),)

    def _followers_of(self, cues: PhraseCues) -> tuple[Actor, str] | None:
        """ "His supporters", "her followers": a leader's people are of the leader's country and
        side (an opposition leader's supporters are the opposition)."""
        head = self.doc.tokens[cues.head]
        if head.lemma.lower() not in self.kn.words["follower_nouns"]:
            return None
        if not any(k.dep == "poss" and k.pos == "PRON" for k in self.doc.children(head.i)):
            return None
        owner = self._owner(cues)
        if owner is None or owner.kind is not ActorKind.PERSON or not owner.country:
            return None
        sector = owner.sector_code if owner.sector_code in self.kn.words["home_title_sectors"] else None
        return country_actor(self.kb, owner.country, sector), f"{cues.text!r}: the people of {owner.name}"

    def _party_name_of_the_story(self, actor: Actor, cues: PhraseCues) -> bool:
        """ "The opposition Democratic Party" in a story about Italy is no American party: a
        party name many states' parties bear (``shared_party_names``), in a story about another
        country, with no country named in the phrase."""
        story = self._story_country
        if not actor.id.startswith("org:") or not actor.country or not story or story == actor.country:
            return False
        named = {c.text.lower() for c in cues.cues if c.hit.kind is HitKind.ORGANISATION}
        if not named & self.kn.groups.shared_party_names:
            return False
        return not any(c.hit.kind in (HitKind.COUNTRY, HitKind.ADJECTIVE) for c in cues.cues)

    @property
    def story_country(self) -> str | None:
        """The country the sentences before the one last resolved are about, if one leads."""
        return self._story_country

    def _in_subject(self, head: Token) -> bool:
        """Whether the actor is the subject, or what the subject is a group of ("a group of
        elders said they ...", "a delegation of officials")."""
        if head.dep in SUBJECT_DEPS:
            return True
        if head.dep == "pobj" and self.doc.head(head.i).dep == "agent":
            return self._doer_of_a_passive_about_no_actor(head)
        if head.dep != "pobj" or self.doc.head(head.i).lower != "of":
            return False
        collective = self.doc.head(self.doc.head(head.i).i)
        collectives = self.kn.words["collective_nouns"]
        return collective.dep in SUBJECT_DEPS and collective.lemma.lower() in collectives

    def _people_a_number_counts(self, number: Token) -> tuple[ActorMention, ...]:
        """ "Police fired tear gas at students ... At least 20 were arrested": some of the
        latest plural group named, in this sentence or the one before, as one acted on (the
        doers are not who suffered: "Rebels attacked a village. At least 20 were killed")."""
        for i, actor, _, singular in self._named_before(number, sentences_back=1):
            if self.doc.tokens[i].dep == "nsubj":
                return ()  # a doer ("Several students were injured and 20 were arrested" suffer)
            if not singular and actor.sector and actor.kind is not ActorKind.PERSON:
                how = f"{number.text} of {actor.name}, the group named before"
                return (self._mention(number.i, number.i + 1, number, actor, how),)
        return ()

    def _doer_of_a_passive_about_no_actor(self, head: Token) -> bool:
        """ "The protest was rejected by Niger's government. It said ...": the doer of a passive
        whose subject is no actor is what the clause is about, as a subject is."""
        verb = self.doc.head(self.doc.head(head.i).i)
        named = {i for i, _, _, _ in self._groups} | {i for i, _, _ in self._people}
        subjects = [k.i for k in self.doc.children(verb.i) if k.dep in SUBJECT_DEPS]
        return bool(subjects) and not any(i in named for i in subjects)

    def _resolve_head(self, head: Token) -> tuple[ActorMention, ...]:
        if head.pos == "PRON":
            return self._resolve_pronoun(head)
        if bare_number_subject(head):
            return self._people_a_number_counts(head)
        crowd = head.lower in self.kn.words["crowd_numbers"]
        if crowd and any(k.dep == "prep" and k.lower == "of" for k in self.doc.children(head.i)):
            return ()  # "hundreds of soldiers": the soldiers say who
        named = self._organisation_by_its_head_noun(head)
        if named is not None:
            # Named again, it is named as any organisation is: "it" and "the agency" may follow.
            self._groups.append((head.i, named, self._in_subject(head), True))
            how = f"{head.text!r} → {named.name}, named before"
            return (self._mention(head.i, head.i + 1, head, named, how),)
        cues = read_phrase(self.doc, head, self.kb)
        pair = self._hyphenated_pair(head, cues)
        if pair:
            return pair
        if head.lemma.lower() in self.kn.groups.state_nouns:
            pair = self._resolve_country_reference(head, cues)
            if pair:
                return pair
        actor, how = self._group_named_before(head)
        if actor is None:
            actor, how = self._actor_of(cues)
        if actor is not None and self._party_name_of_the_story(actor, cues):
            assert self._story_country is not None
            sectors = cues.of_kind(HitKind.SECTOR)  # "the opposition Democratic Party": OPP
            sector = sectors[-1].hit.sector.code if sectors else "PTY"  # type: ignore[union-attr]
            how = f"{cues.text!r}: a party name many states share, of the country the story is about"
            actor = country_actor(self.kb, self._story_country, sector)
        if actor is not None:
            self._remember_the_name_of_the_role(cues, actor)
            self._remember_the_name_of_the_group(head, actor)
        if actor is None and head.lemma.lower() in self.kn.words["group_reference_nouns"] and not cues.cues:
            actor = self._named_group_before(head, None) or self._unnamed_group_before(head)
            how = f"{head.text!r} → {actor.name}, the group named before" if actor else ""
        if actor is None and head.lemma.lower() in self.kn.words["igo_reference_nouns"] and not cues.cues:
            actor = self._intergovernmental_body_before(head)
            how = f"{head.text!r} → {actor.name}, the body named before" if actor else ""
        if actor is None:
            return ()
        if actor.country:
            self._country_counts[actor.country] += 1
        if actor.kind is ActorKind.PERSON:
            self._people.append((head.i, actor, head.dep in SUBJECT_DEPS))
        else:
            self._groups.append((head.i, actor, self._in_subject(head), head.tag in ("NN", "NNP")))
        actors = [actor]
        if actor.sector and actor.kind is not ActorKind.PERSON and actor.id.startswith("group:"):
            # "the foreign ministers of the two countries", "border guards of both nations",
            # "negotiators from Ethiopia and Egypt": the sector of each of the pair.
            pair = self._pair_of_complement(head)
            if pair and (actor.country is None or actor.country in pair):
                how = f"{how}; of each of the two countries ({', '.join(pair)})"
                each = [country_actor(self.kb, c, actor.sector_code) for c in pair]
                return tuple(self._mention(cues.start, cues.end, head, a, how) for a in each)
        countries = cues.countries()
        coordinated = any(t.dep == "cc" for t in self.doc.tokens[cues.start : cues.end])
        if (
            coordinated
            and len(countries) > 1
            and actor.id
            in (
                f"group:{countries[0]}{actor.sector}",
                f"country:{countries[0]}",
            )
        ):
            # "Czech and Slovak officials", "the Ethiopian and Eritrean sides": one a country.
            actors = [country_actor(self.kb, c, actor.sector) for c in countries]
        return tuple(self._mention(cues.start, cues.end, head, a, how) for a in actors)

    def _actor_of(self, cues: PhraseCues) -> tuple[Actor | None, str]:
        countries = cues.countries()
        country = countries[0] if countries else self._state_of_people(cues)
        if cues.name is not None:
            actor, how = self._person(cues, country)
            if actor is not None:
                return actor, how
        orgs = cues.of_kind(HitKind.ORGANISATION)
        head_cues = [c for c in cues.cues if cues.covers_head(c)]
        named_state = bool(head_cues) and head_cues[0].hit.kind is HitKind.COUNTRY
        modifier = named_state and not cues.covers_head(orgs[-1]) if orgs else False
        if orgs and not modifier and not self._envoy_to(cues, orgs[-1]):
            # "NATO-member Norway" is Norway: an organisation named as a modifier yields to the head.
            return organisation_actor(orgs[-1].hit.organisation), f"organisation alias {orgs[-1].text!r}"  # type: ignore[arg-type]
        sectors = self._telling_sectors(cues.of_kind(HitKind.SECTOR))
        followers = self._followers_of(cues) if not cues.cues else None
        if followers is not None:
            return followers
        if sectors:
            sector = sectors[-1].hit.sector.code  # type: ignore[union-attr]
            owner = self._owner(cues) or (None if country else self._organisation_of_complement(cues.head))
            if (
                owner is not None
                and country is None
                and owner.country is None
                and owner.id.startswith("org:")
            ):
                # "its peacekeeping forces" after the UN: the organisation's own forces; its
                # officials ("the agency's director general") are the organisation itself.
                if sector == "GOV":
                    return owner, f"an official of {owner.name}"
                return replace(
                    owner, id=f"{owner.id}:{sector}", code=owner.code + sector
                ), f"sector of {owner.name}"
            armed = self.kn.words["armed_group_sectors"]
            armed_owner = owner is not None and owner.sector_code in armed
            if armed_owner and sector in armed | {"MIL"} and country is None:
                # "the Houthis said their forces attacked a ship": an armed group's own forces.
                return owner, f"the forces of {owner.name}"
            country = (
                country
                or (owner.country if owner else None)
                or self._country_of_complement(cues.head)
                or self._misspelt_modifier(cues)
                or self._country_of_the_same_group_before(self.doc.tokens[cues.head], sector)
            )
            if country is None and sectors[-1].text.lower() in self.kn.words["mass_noun_sectors"]:
                return None, ""  # "agreed to share intelligence": information, not an agency
            if country is None and sectors[-1].text.lower() in self.kn.words["delegation_words"]:
                # "A Pakistani official said a delegation would meet ...": a delegation of no
                # country is the state body just named, as a spokesman is.
                body = self._state_body_just_named(self.doc.tokens[cues.head])
                country = body.country if body is not None else None
            if country is None and cues.name is None:
                # "The judges" after the European Court of Human Rights: the court.
                kind = sectors[-1].hit.sector.plover_sector  # type: ignore[union-attr]
                body = self._international_body_of_sector_before(self.doc.tokens[cues.head], kind)
                if body is not None:
                    return (
                        body,
                        f"{cues.text!r} → {body.name}, the international body of that kind named before",
                    )
            # A named person with a title may be a visitor: not placed by where the story is;
            # a party's or a court's ("party chairman Kubanychbek Asanov") is at home.
            where = cues.name is None or sector in self.kn.words["home_title_sectors"]
            story = None if country else self._country_of_the_story(cues, sector, where=where)
            story_how = STORY_COUNTRY
            if not country and not story and cues.name is None and sector in self.kn.words["state_sectors"]:
                # "summoned to the foreign ministry" in a story filed from Berlin: a state body
                # the text leaves unmarked is the local one, as an unmarked official is.
                # (Not where a story between two countries opens: a visit to Hanoi.)
                home = self._where_an_unmarked_official_serves(cues, lede=False)
                story, story_how = home if home else (None, STORY_COUNTRY)
            if _named_only_by_a_people(cues):
                sector = self.kn.groups.people_sectors.get(
                    sector, sector
                )  # "Tigrayan forces" are not the state's
            actor, how = self._sector_phrase(cues, sectors[-1].text, sector, country or story)
            return actor, f"{how}; {story_how}" if story else how
        if head_cues and self._inside_larger_name(head_cues[0], cues):
            return None, ""  # "Madrid" in "Real Madrid", "Iraq" in "Bank of Iraq" name something else
        if head_cues and head_cues[0].hit.kind is HitKind.PEOPLE:
            # "Chechens", "Iraqi Kurds": people of a state the phrase or the context names.
            people = head_cues[0].hit.people.name  # type: ignore[union-attr]
            if country is None:
                return sector_actor("CVL", cues.text), f"people {people}: no state named"
            return country_actor(self.kb, country, "CVL"), f"people {people} of {country}"
        if head_cues and head_cues[0].hit.country is not None:
            cue = head_cues[0]
            iso3 = cue.hit.country.iso3
            if cue.hit.kind in (HitKind.CAPITAL, HitKind.SEAT):
                story = self._story_for_a_seat_word(cues, cue)
                if story is not None and story != iso3:
                    # "Congress" is the US legislature's seat and any country's congress: in
                    # a story about India, India's.
                    how = f"{cue.text!r}, of {story}, the country of the story"
                    return country_actor(self.kb, story, cue.hit.seat_sector), how
                return country_actor(self.kb, iso3, cue.hit.seat_sector), f"{cue.hit.kind.value} {cue.text!r}"
            residents = self._people_of_another_state(cues, cue)
            if residents:
                return country_actor(self.kb, residents), f"people of {residents}: {cues.text!r}"
            return country_actor(self.kb, iso3), f"{cue.hit.kind.value} {cue.text!r}"
        actor, how = self._city(cues)
        head = self.doc.tokens[cues.head]
        if actor is None and country is not None and _stands_for_country(self.kn, self.doc, head):
            # "Serbian nationalists", "a US offer", "an Israeli base" stand for the country.
            what = "people" if names_people(self.kn, head) else "country"
            actor, how = country_actor(self.kb, country), f"{what} of {country}: {cues.text!r}"
        if (
            actor is None
            and head.i > 0
            and self.doc.tokens[head.i - 1].lower == "ethnic"
            and head.lemma.lower() not in self.kn.lexicon.nouns  # "ethnic cleansing" is an act
        ):
            # "three ethnic Albanians": people, whose state the place of the event tells.
            actor, how = sector_actor("CVL", cues.text), "an ethnic group: people of no stated state"
        if actor is None:
            actor, how = self._scrambled_country(head)
        if actor is None:
            actor, how = self._misspelt_country(head)
        if actor is None:
            actor, how = self._unknown_group(cues, country)
        return actor, how

    def _envoy_to(self, cues: PhraseCues, org: Cue) -> bool:
        """ "Sudan's U.N. ambassador", "Kenya's AU envoy": a state's envoy to an organisation the
        phrase names as a modifier is the state's, not the organisation's."""
        if not cues.countries() or cues.covers_head(org):
            return False
        return self.doc.tokens[cues.head].lemma.lower() in self.kn.words["envoy_nouns"]

    def _unknown_group(self, cues: PhraseCues, country: str | None) -> tuple[Actor | None, str]:
        """A named organisation or people the knowledge base lacks ("the Kurdistan Workers'
        Union", "Chechens"): kept, flagged unknown, with the country the phrase gives."""
        head = self.doc.tokens[cues.head]
        ent = next((e for e in self.doc.entities if e.start <= head.i < e.end), None)
        if ent is None or ent.label not in ("ORG", "NORP") or head.pos not in ("PROPN", "NOUN"):
            return None, ""
        name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        key = name_key(name) or name.lower()
        if key not in self._unknown:
            self._unknown[key] = Actor(
                id=f"unknown:{stable_id(key, length=12)}",
                name=name,
                code=country or UNKNOWN_COUNTRY,
                country=country,
                sector=None,
                kind=ActorKind.GROUP,
                known=False,
            )
        return self._unknown[key], f"unknown {ent.label} entity (not in the knowledge base)"

    def _inside_larger_name(self, cue: Cue, cues: PhraseCues) -> bool:
        """True when the tagger marks the cue as part of a longer organisation or facility
        name ("Madrid" in "Real Madrid"); not when the rest of the name is other cues or
        articles ("the US State Department")."""
        covered = {i for c in cues.cues for i in range(c.start, c.end)}
        for ent in self.doc.entities:
            if ent.start <= cue.start < ent.end and ent.label in _OTHER_NAME_LABELS:
                rest = [t for t in self.doc.tokens[ent.start : ent.end] if t.i not in covered]
                return any(t.pos not in ("DET", "PUNCT", "PART") for t in rest)
        return False

    def _city(self, cues: PhraseCues) -> tuple[Actor | None, str]:
        """A city named as an actor or a destination stands for its country ("visit Erbil")."""
        head = self.doc.tokens[cues.head]
        # The tagger sometimes calls a city NORP ("shelled Aleppo"); demonyms never get here.
        labels = ("GPE", "LOC", "ORG", "NORP", "")
        if head.pos != "PROPN" or head.ent_type not in labels or self._heads_a_longer_name(head):
            return None, ""
        place = place_at(self.kn, self.doc, head)
        if place is None or not place.country:
            return None, ""
        return country_actor(self.kb, place.country), f"city {place.name!r} in {place.country}"

    def _heads_a_longer_name(self, head: Token) -> bool:
        """ "The Confederation of Indonesian Workers' Unions": the head starts an organisation's
        name that runs on past it, and is no town of that name."""
        return any(
            e.label == "ORG" and e.start <= head.i < e.end and e.end > head.i + 1 for e in self.doc.entities
        )

    def _owner(self, cues: PhraseCues) -> Actor | None:
        """Whose the phrase's people are: a possessive pronoun's antecedent ("its forces",
        "their leaders"), an organisation named before and called again ("the agency's
        director"), or a known person named before the head ("the Bush administration")."""
        head = self.doc.tokens[cues.head]
        for kid in self.doc.children(head.i):
            if kid.dep == "poss" and kid.pos == "PRON":
                found = self._resolve_pronoun(kid)
                return found[0].actor if found else None
            if kid.dep == "poss" and kid.pos == "NOUN":  # "the agency's director general"
                organisation = self._organisation_by_its_head_noun(kid)
                if organisation is not None:
                    return organisation
        named = {i for c in cues.cues if c.hit.kind is not HitKind.PERSON for i in range(c.start, c.end)}
        for i in range(cues.start, cues.head):
            tok = self.doc.tokens[i]
            # "the UN envoy" is the UN's, not Kim Jong Un's: a word the phrase already reads
            # as an organisation or a country is no person's name.
            if tok.pos == "PROPN" and tok.dep == "compound" and i not in named and len(tok.text) > 2:
                match = self.kb.find_person(tok.text, day=self.day)
                if match is not None:
                    return person_actor(match.person, self.day, seniority=self.kn.office_seniority)
                shared = self._shared_country(tok.text)
                if shared:  # "the Bush administration": either Bush, the US government
                    return country_actor(self.kb, shared, "GOV")
        return None

    def _after_the(self, start: int) -> bool:
        return start > 0 and self.doc.tokens[start - 1].lower == "the"

    def _person_by_context(self, name: str, sent_index: int) -> PersonMatch | None:
        """A name several known people share ("Ghani": Ashraf Ghani, Esmail Qaani) is the one
        of a state the sentence names, else of the state the document has named most."""
        namesakes = getattr(self.kb, "namesakes", lambda _: ())(name)
        states = {p.country for p in namesakes}
        if len(namesakes) < 2:
            return None  # not a shared name: nothing for the context to choose between
        for iso3 in self._states_in_context(sent_index, states):
            match = self.kb.find_person(name, country=iso3, day=self.day)
            if match is not None:
                return replace(match, why=f"{match.why}; context {iso3}".lstrip("; "))
        return None

    def _person(self, cues: PhraseCues, country: str | None) -> tuple[Actor | None, str]:
        assert cues.name is not None
        name = self.doc.span_text(*cues.name)
        earlier = self._named_in_full_before(name)
        if earlier is not None:
            return earlier, f"person named in full earlier in the document, {earlier.name!r}"
        match = self.kb.find_person(name, country=country, day=self.day)
        if match is None and country is None:
            match = self._person_by_context(name, self.doc.tokens[cues.head].sent)
        if match is not None and match.how == "surname" and self._after_the(cues.name[0]):
            match = None  # "in The Hague": a surname with "the" before it names no person
        if match is not None:
            titles = cues.of_kind(HitKind.SECTOR)
            actor = person_actor(
                match.person,
                self.day,
                titles[-1].text if titles else None,
                seniority=self.kn.office_seniority,
            )
            how = f"person {match.how} match {name!r} ({match.score:.0f})"
            actor, how = self._title_in_text(actor, how, cues, country)
        elif name.split()[0].lower() in self.kn.words["natural_forces"]:
            return None, ""  # "Cyclone Nesta", "Hurricane Maria": a storm's name, no one's
        elif self.doc.tokens[cues.head].ent_type in PERSON_LABELS and _looks_like_a_name(name, cues):
            actor, how = self._unknown_person(name, cues, country)
        else:
            return None, ""  # a proper noun that is neither a known person nor tagged as one
        self._words_naming.setdefault(actor.id, set()).update(name_key(name).split())
        for title_cue in cues.of_kind(HitKind.SECTOR):
            # Remember the titles a person was introduced with, so that "the prime
            # minister" or "the Turkish minister" later refers back to them.
            term = title_cue.text.lower()
            for key in {term, term.split()[-1], self.kb.office_of(term) or term}:
                self._by_title[(country or actor.country, key)] = actor
                self._by_title[(None, key)] = actor
        return actor, how

    def _named_in_full_before(self, name: str) -> Actor | None:
        """A short form of a person the document has already named in full ("Abe" after
        "Shinzo Abe") is that person, before the knowledge base is asked: a surname alone
        may fit a better-known namesake. The latest such person wins."""
        parts = name_key(name).split()
        if not parts:
            return None
        for _, actor, _ in reversed(self._people):
            full = set(name_key(actor.name).split()) | self._words_naming.get(actor.id, set())
            if len(full) > len(parts) and set(parts) <= full:
                return actor
        return None

    def _title_in_text(
        self, actor: Actor, how: str, cues: PhraseCues, country: str | None
    ) -> tuple[Actor, str]:
        """A known person with no role on the date (or no date) whom the text gives a title
        ("Iraqi President Saddam Hussein") takes the code the text states."""
        if actor.sector is not None:
            return actor, how
        titles = cues.of_kind(HitKind.SECTOR)
        nation = country or actor.country
        if not titles or not nation:
            return actor, how
        sector = titles[-1].hit.sector.code  # type: ignore[union-attr]
        code = f"{nation}{sector}"
        return replace(
            actor, code=code, country=nation, sector=sector
        ), f"{how}; code from the title {titles[-1].text!r}"

    def _unknown_person(self, name: str, cues: PhraseCues, country: str | None) -> tuple[Actor, str]:
        key = name_key(name)
        if key in self._unknown:
            return self._unknown[key], f"unknown person, same name as before {name!r}"
        short = surname_key(name)
        for earlier_key, actor in self._unknown.items():
            if " " not in key and earlier_key.rsplit(" ", 1)[-1] == short:
                return actor, f"unknown person, surname of {actor.name!r}"
        sectors = cues.of_kind(HitKind.SECTOR)
        title_sector = sector = sectors[-1].hit.sector.code if sectors else None  # type: ignore[union-attr]
        orgs = cues.of_kind(HitKind.ORGANISATION)
        if (
            sectors
            and self._speaks_for_others(sectors[-1].text)
            and self._unknown_name_before(cues, sectors[-1])
        ):
            # "CONAIE leader Marlon Vargas": the leader of a group the knowledge base lacks, not
            # a government's; a domestic title all the same.
            sector = None
        country = country or self._shared_country(name)
        how = "unknown person (not in the knowledge base)"
        state_side = sector is None or sector in self.kn.words["state_sectors"]
        if (
            country is None
            and not orgs
            and sectors
            and state_side
            and self._speaks_for_others(sectors[-1].text)
        ):
            # "China's foreign ministry criticised ... Spokesman Lin Jian warned": a spokesman
            # or aide with no country of their own speaks for the state body just named (an
            # "opposition leader" does not).
            body = self._state_body_just_named(self.doc.tokens[cues.head])
            if body is not None:
                country, how = body.country, f"{how}; speaks for {body.name}, named just before"
        story = self._country_of_the_story(cues, title_sector, where=False)
        if country is None and not orgs and story:
            # "President Salome Zourabichvili" in a story about Georgia: a domestic title
            # with no country of its own is the story's country's, as "the government" is.
            country, how = story, f"{how}; {TITLE_AT_HOME} {story}"
        if country is None and not orgs and title_sector in self.kn.words["state_sectors"]:
            home = self._where_an_unmarked_official_serves(cues)
            if home is not None:
                country, how = home[0], f"{how}; {home[1]}"
        if country is None and orgs:
            # "OPEC Secretary General Haitham al-Ghais": an official of the organisation.
            org = orgs[-1].hit.organisation
            assert org is not None
            country, sector = org.country, None
            code = org.code
        else:
            code = (country or UNKNOWN_COUNTRY) + (sector or "")
        actor = Actor(
            id=f"unknown:{stable_id(key or name, length=12)}",
            name=name,
            code=code,
            country=country,
            sector=sector,
            kind=ActorKind.PERSON,
            known=False,
        )
        self._unknown[key] = actor
        return actor, how

    def _unknown_name_before(self, cues: PhraseCues, title: Cue) -> bool:
        """A proper noun before the title that names nothing known: an organisation the
        knowledge base lacks."""
        known = {i for c in cues.cues for i in range(c.start, c.end)}
        name = range(*cues.name) if cues.name else range(0)
        tokens = self.doc.tokens
        return any(
            # An acronym the tagger may call an adjective ("FSTMB leader").
            (tokens[i].pos == "PROPN" or (len(tokens[i].text) > 1 and tokens[i].text.isupper()))
            and i not in known
            and i not in name
            for i in range(cues.start, title.start)
        )

    def _speaks_for_others(self, title: str) -> bool:
        """A title that names no office of its own ("spokesman", "government spokesman", "aide")."""
        return title.lower().split()[-1] in self.kn.words["generic_role_words"]

    def _telling_sectors(self, sectors: list[Cue]) -> list[Cue]:
        """The sector cues of a phrase without a last role word that another sector word
        before it qualifies ("the army delegation": the army's)."""
        generic = self.kn.words["generic_role_words"]
        if len(sectors) > 1 and sectors[-1].text.lower() in generic:
            return sectors[:-1]
        return sectors

    def _sector_phrase(
        self, cues: PhraseCues, term: str, sector: str, country: str | None
    ) -> tuple[Actor, str]:
        head = self.doc.tokens[cues.head]
        singular = head.tag not in ("NNS", "NNPS") and not head.text.lower().endswith("s")
        if singular:
            office = self.kb.office_of(term)
            for key in (office, term.lower()):
                earlier = self._by_title.get((country, key)) if key else None
                if earlier is not None:
                    return earlier, f"role nominal {cues.text!r} → {earlier.name}, named earlier"
            if office and country:
                holder = self.kb.office_holder(country, term, self.day)
                if holder is not None:
                    actor = person_actor(holder, self.day, seniority=self.kn.office_seniority)
                    self._by_title[(country, office)] = actor
                    return actor, f"role nominal {cues.text!r} → office holder on {self.day}"
        if country:
            return country_actor(self.kb, country, sector), f"sector {term!r} of {country}"
        named = self._named_group_before(head, sector) if not singular else None
        if named is not None:
            return named, f"{cues.text!r} → {named.name}, the group of that kind named before"
        return sector_actor(sector, term), f"sector {term!r}, country unknown"

    def _pair_of_complement(self, head: Token) -> list[str]:
        """The countries an "of (or from) the two countries" complement of ``head`` names, or
        an "of" or "from" complement of coordinated countries ("from Ethiopia and Egypt")."""
        states = self.kn.words["pair_state_nouns"]
        for prep in self.doc.children(head.i):
            if prep.dep != "prep" or prep.lower not in ("of", "from"):
                continue
            for pobj in self.doc.children(prep.i):
                if pobj.dep != "pobj":
                    continue
                if pobj.lemma.lower() in states:
                    mentions = self._resolve_country_reference(pobj, read_phrase(self.doc, pobj, self.kb))
                    if len(mentions) == 2:
                        return [m.actor.country for m in mentions if m.actor.country]
                members = [pobj, *(k for k in self.doc.children(pobj.i) if k.dep == "conj")]
                countries = [read_phrase(self.doc, m, self.kb).countries() for m in members]
                if len(members) > 1 and all(len(c) == 1 for c in countries):
                    return list(dict.fromkeys(c[0] for c in countries))
        return []

    def _story_for_a_seat_word(self, cues: PhraseCues, cue: Cue) -> str | None:
        """The country of the story, for a seat named by a common word ("congress")."""
        if cue.hit.kind is not HitKind.SEAT or not cue.hit.seat_sector:
            return None
        if not any(h.kind is HitKind.SECTOR for h in self.kb.lookup(cue.text)):
            return None
        return self._country_of_the_story(cues, cue.hit.seat_sector)

    def _mention(self, start: int, end: int, head: Token, actor: Actor, how: str) -> ActorMention:
        text = self.doc.span_text(start, end)
        first = self.doc.tokens[start]
        mention = Mention(first.idx, first.idx + len(text), text, sentence=head.sent, head=head.i, how=how)
        return ActorMention(mention, actor)
