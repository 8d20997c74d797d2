"""Sides an event's words leave open, inferred after its place is known, from the place,
the story and the events before it.

* coercion with no doer named is by the authorities of the place ("a missionary was
  arrested in Lebanon": LBNGOV), else of the country the story is about;
* a conflict event with no target targets the country where it happened, a protest its
  protesters' own country;
* sector groups of no stated country belong to the country of the place ("killed 23
  people in Tel Aviv": ISRCVL), or in domestic kinds of event to the other side's;
* a threat that names no one is aimed at whoever acted against the speaker last, and so
  is criticism, at whoever last acted or spoke against the critic in hostility; a claim of
  responsibility at whom the attack claimed struck; a response that names no one, where
  the same kind of response went before, else at the country the story is about;
* words to the other side that name no one (an appeal, a promise, a demand, a rejection)
  are addressed to the party the speaker last dealt with in the story;
* an official or state body of no stated country facing a foreign party is of the
  country that party's country last faced in the story.

Each inference is written into the side's ``how`` and counts against the event's confidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from khaldun.coding.candidate import Candidate, Draft
from khaldun.coding.resolve.countries import placed_by_the_story
from khaldun.coding.resolve.earlier import latest_against, party
from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.coded import country_actor
from khaldun.model import Actor, ActorKind, ActorMention, Event, Mention, Place
from khaldun.nlp.base import ParsedDoc


def infer_sides(kn: Knowledge, doc: ParsedDoc, draft: Draft) -> Draft:
    """Stage: complete the candidate's sides from the event's place and its other side."""
    cand, place = draft.cand, draft.place
    cand = source_from_earlier_coercion(kn, cand, draft.earlier)
    cand = source_from_place(kn, cand, place, draft.story_country)
    cand = countries_from_place(kn, target_from_place(kn, cand, place), place)
    # What the codebook codes it as: "said it would retaliate" is a threat (138), not force.
    standard = kn.ontology.standard_code(cand.code, unrealised=draft.unrealised)
    cand = target_of_reprisal(kn, cand, draft.earlier, standard)
    cand = target_of_claimed_attack(kn, cand, draft.earlier)
    cand = target_of_the_same_response(kn, cand, draft.earlier)
    cand = target_from_story(kn, cand, draft.story_country)
    cand = target_the_speaker_last_dealt_with(kn, cand, draft.earlier)
    cand = country_from_counterpart(kn, cand)
    cand = official_not_of_the_state_addressed(kn, cand, draft.earlier)
    return replace(draft, cand=country_from_the_story_dyad(kn, cand, draft.earlier))


def countries_from_place(kn: Knowledge, cand: Candidate, place: Place | None) -> Candidate:
    """Sector actors of no stated country ("23 people", "soldiers") belong to the country
    where the event happened ("killed 23 people in Tel Aviv": ISRCVL)."""
    if place is None or not place.country:
        return cand
    sides = {}
    for side, other in (("source", cand.target), ("target", cand.source)):
        am: ActorMention | None = getattr(cand, side)
        if _held_at_a_venue(kn, cand) and other is not None and other.actor.country:
            # Talks are held where the parties meet, often abroad ("Ethiopia's government and
            # the Fano militia opened talks in Dar es Salaam"): the other side says whose;
            # an official the visitor met abroad is the host's ("Modi held talks with Prime
            # Minister X in Hanoi").
            if not _host_official(kn, am, other.actor, place.country):
                continue
            assert am is not None
            code = place.country + (am.actor.sector or "")
            how = f"{am.mention.how}; the host, of the event's place, {place.name}"
            host = replace(am.actor, country=place.country, code=code)
            sides[side] = ActorMention(replace(am.mention, how=how), host)
            continue
        stateless = am is not None and am.actor.country is None and am.actor.id.startswith("group:---")
        if am is not None and stateless and not _foreign(kn, am):
            actor = country_actor(kn.kb, place.country, am.actor.sector)
            how = f"{am.mention.how}; country of the event's place, {place.name}"
            sides[side] = ActorMention(replace(am.mention, how=how), actor)
    return replace(cand, **sides) if sides else cand


def country_from_counterpart(kn: Knowledge, cand: Candidate) -> Candidate:
    """In domestic kinds of event (a concession, an investigation, a protest, an arrest),
    a side of no stated country belongs to the other side's: "Judge Rivera opened
    investigations against 28 Chilean officials" is a Chilean judge."""
    if cand.source is None or cand.target is None:
        return cand
    domestic_event = cand.code[:2] in kn.words.own_country_target_roots
    talks = _held_at_a_venue(kn, cand)
    sides = {}
    for side, other in (("source", cand.target), ("target", cand.source)):
        am: ActorMention = getattr(cand, side)
        # Rebels in talks with a state's government or forces fight in that state (CAMEO
        # codes an armed group by the country it fights in).
        armed_party = talks and _armed_facing_a_state(kn, am.actor, other.actor)
        if (
            not domestic_event
            and not armed_party
            and not _institutions_of_one_state(kn, am.actor, other.actor)
        ):
            continue
        # Sector groups ("police") and unknown people with a title ("Judge Rivera"); not
        # unknown named groups, whose name may well say they are foreign ("West Africans").
        titled = not am.actor.known and am.actor.kind is ActorKind.PERSON and am.actor.sector
        stateless = am.actor.id.startswith("group:---") or bool(titled)
        if am.actor.country is None and stateless and other.actor.country and not _foreign(kn, am):
            actor = _of_country(kn, am.actor, other.actor.country)
            if actor.code == other.actor.code:
                continue  # "its air defences destroyed 24 drones": not its own drones
            how = f"{am.mention.how}; country of the other side, {other.actor.name}"
            sides[side] = ActorMention(replace(am.mention, how=how), actor)
    return replace(cand, **sides) if len(sides) == 1 else cand


def country_from_the_story_dyad(kn: Knowledge, cand: Candidate, earlier: Sequence[Event]) -> Candidate:
    """An official or state body of no stated country acting on a foreign party ("Foreign
    Ministry spokesman X accused Pakistani troops"), or acted on by one ("Pakistan accused
    the government"), is of the country that party's country last faced in the story: the
    other side of the story's dyad."""
    if cand.source is None or cand.target is None:
        return cand
    for side, other in (("source", cand.target), ("target", cand.source)):
        am: ActorMention = getattr(cand, side)
        actor = am.actor
        if actor.country is not None or other.actor.country is None or _foreign(kn, am):
            continue
        if actor.sector_code not in kn.words["state_sectors"] or (
            actor.known and actor.kind is ActorKind.PERSON
        ):
            continue  # a known person of no country is known as such
        them = other.actor.country
        faced = _country_last_facing(earlier, them)
        if faced is None:
            continue
        how = f"{am.mention.how}; the other side of the story's {them} dyad"
        return replace(
            cand, **{side: ActorMention(replace(am.mention, how=how), _of_country(kn, actor, faced))}
        )
    return cand


def official_not_of_the_state_addressed(
    kn: Knowledge, cand: Candidate, earlier: Sequence[Event]
) -> Candidate:
    """An official the story placed (by its dateline, "Agriculture Minister X" in a story
    filed from Gaborone, or by its topic) who appeals to or demands of that very state by
    name ("called on Botswana to lift the ban": ``addressed_roots``) is no official of it:
    one names the state one asks, not one's own. They are of the country that state last
    faced in the story."""
    if cand.source is None or cand.target is None or not placed_by_the_story(cand.source.mention):
        return cand
    if not cand.code.startswith(tuple(kn.words["addressed_roots"])):
        return cand
    source, target = cand.source.actor, cand.target.actor
    if source.country is None or party(kn, source) != party(kn, target) or target.kind is ActorKind.PERSON:
        return cand
    faced = _country_last_facing(earlier, source.country)
    if faced is None:
        return cand
    how = f"{cand.source.mention.how}, but addresses that state; of the country it faced, {faced}"
    return replace(
        cand, source=ActorMention(replace(cand.source.mention, how=how), _of_country(kn, source, faced))
    )


def _of_country(kn: Knowledge, actor: Actor, country: str) -> Actor:
    """``actor``, of no stated country, as one of ``country``: an unknown person keeps their
    own identity; a group becomes that country's sector."""
    if actor.kind is ActorKind.PERSON:
        return replace(actor, country=country, code=country + (actor.sector or ""))
    return country_actor(kn.kb, country, actor.sector)


def _country_last_facing(earlier: Sequence[Event], country: str) -> str | None:
    """The country of the other side of the latest event between ``country`` and another."""
    found = _last_counterpart(earlier, country, lambda a: a.country)
    return found[1].country if found is not None else None


def _last_counterpart(
    earlier: Sequence[Event], side: str, side_of: Callable[[Actor], str | None]
) -> tuple[Event, Actor] | None:
    """The latest earlier event between ``side`` and another side (sides told apart by
    ``side_of``: a country, a party; None for an actor of no side), with that other side."""
    for event in reversed(earlier):
        if event.source is None or event.target is None:
            continue
        first, second = event.source.actor, event.target.actor
        one, other = side_of(first), side_of(second)
        if one is None or other is None or one == other:
            continue
        if one == side:
            return event, second
        if other == side:
            return event, first
    return None


def _host_official(kn: Knowledge, am: ActorMention | None, other: Actor, place_country: str) -> bool:
    """A person of a state's office, of no stated country, meeting a party from another
    country than the place's."""
    if am is None or am.actor.kind is not ActorKind.PERSON or am.actor.country is not None:
        return False
    return am.actor.sector_code in kn.words["state_sectors"] and other.country != place_country


def _held_at_a_venue(kn: Knowledge, cand: Candidate) -> bool:
    """Meetings, mediation and talks: held where the parties meet, often abroad."""
    return cand.code.startswith(tuple(kn.words["venue_codes"]))


def _armed_facing_a_state(kn: Knowledge, stateless: Actor, other: Actor) -> bool:
    """An armed group facing the government or forces of a named state."""
    state = kn.words["state_sectors"]
    armed = stateless.sector_code in kn.words["armed_group_sectors"]
    return armed and bool(other.country) and other.sector_code in state


def _institutions_of_one_state(kn: Knowledge, stateless: Actor, other: Actor) -> bool:
    """In any kind of event, a group of a state's society of no stated country facing an
    institution of a named state is of that state ("the Kenyan government rejected
    opposition demands"), and so is an institution facing a named political group
    ("Thailand's opposition called on the government"). Not facing a state itself or a
    body of the same kind ("Pakistan urged the government", "the US State Department
    criticised the government" may be of any country), and not for civilians, whom a
    state's aid, condolences or sanctions often reach in another state."""
    if not other.country:
        return False
    institutions = kn.words["institution_sectors"]
    society = kn.words["domestic_sectors"] - institutions - kn.words["people_at_large_sectors"]
    sector, other_sector = stateless.sector_code, other.sector_code
    if sector in society:
        return other_sector in institutions
    # Not facing the press: "French media" report on every state.
    return sector in institutions and other_sector in society - kn.words["press_sectors"]


def source_from_earlier_coercion(kn: Knowledge, cand: Candidate, earlier: Sequence[Event]) -> Candidate:
    """Coercion with no doer named, of a party another party coerced before ("Argentina's
    coast guard seized a Chinese trawler ... The 36 Chinese crew members were detained"), is
    by that party: the latest coercion (place_authority_roots) aimed at the same side."""
    roots = tuple(kn.words["place_authority_roots"])
    if cand.source is not None or cand.target is None or cand.code[:2] not in roots:
        return cand
    side, country = party(kn, cand.target.actor), cand.target.actor.country
    for event in reversed(earlier):
        if event.source is None or event.target is None or not event.cameo.startswith(roots):
            continue
        if party(kn, event.source.actor) == party(kn, event.target.actor):
            continue  # a state acting on its own forces ("the army put down the mutiny")
        # The same party; of a foreign state's coercion, anyone of the coerced country (the
        # trawler's crew); a group of the same kind of no country yet ("15 of the nurses").
        target_country = event.target.actor.country
        foreign = country is not None and target_country == country and event.source.actor.country != country
        same_kind = country is None and event.target.actor.sector_code == cand.target.actor.sector_code
        if party(kn, event.target.actor) == side or foreign or same_kind:
            actor = event.source.actor
            how = f"who coerced that side before, {actor.name} ({event.cameo})"
            return _with_inferred_side(cand, "source", actor, how)
    return cand


def source_from_place(
    kn: Knowledge, cand: Candidate, place: Place | None, story_country: str | None = None
) -> Candidate:
    """Coercion with no doer named ("a missionary was arrested in Lebanon") is by the
    authorities of the country where it happened, or, with no place named, of the country
    the story is about ("Colonel Sanca was arrested with 11 other officers")."""
    if cand.source is not None or cand.code[:2] not in kn.words["place_authority_roots"]:
        return cand
    if place is not None and place.country:
        country, how = place.country, f"the authorities of the event's place, {place.name}"
    elif story_country:
        country, how = story_country, "the authorities of the country the story is about"
    else:
        return cand
    return _with_inferred_side(cand, "source", country_actor(kn.kb, country, "GOV"), how)


def target_from_place(kn: Knowledge, cand: Candidate, place: Place | None) -> Candidate:
    """A conflict event with no target actor targets the country where it happened
    ("Russia is conducting exercises in Alaska", "authorities imposed a curfew in Cizre");
    a protest with neither targets the protesters' own country."""
    if cand.target is not None or cand.source is None:
        return cand
    source = cand.source.actor
    # Also an act aimed at a place that named a thing there ("contributed troops to a
    # force in Liberia").
    at_a_place = cand.rule.thing_target or cand.rule.place_target
    country = place.country if place is not None and at_a_place else None
    how = f"the country of the event's place, {place.name}" if country and place else ""
    own_country = kn.words.own_country_target_roots
    if country is None and cand.code[:2] in own_country and source.country:
        # Protests, strikes, investigations, bans and concessions at home (own_country_target_roots).
        doers = "the protesters'" if cand.code[:2] in kn.words["protest_roots"] else "the doer's"
        country, how = source.country, f"{doers} own country"
    if country is None or (country == source.country and source.kind is ActorKind.STATE):
        return cand
    return _with_inferred_side(cand, "target", country_actor(kn.kb, country), how)


def target_of_reprisal(kn: Knowledge, cand: Candidate, earlier: Sequence[Event], standard: str) -> Candidate:
    """A threat or a criticism that names no one ("Moscow vowed to retaliate", "called the
    incursion a violation of our sovereignty"), or a threat that names only the speaker's
    own side ("warned that Amman would review all options"), is aimed at whoever acted
    against the speaker last."""
    if cand.source is None or standard[:2] not in kn.words["answering_roots"]:
        return cand
    threat = standard[:2] in kn.words["threat_roots"]
    own_side = cand.target is not None and party(kn, cand.target.actor) == party(kn, cand.source.actor)
    if cand.target is not None and not (own_side and threat):
        # Criticism of one's own side is common ("the president condemned the bombing" by
        # his own country's insurgents); a threat at one's own country is a misread clause.
        return cand
    if not threat:
        # Criticism answers a hostile act or words, not an appeal or aid ("urged Islamabad to
        # exercise restraint ... Pakistan blaming militants").
        earlier = [e for e in earlier if e.cameo.startswith(tuple(kn.words["answered_roots"]))]
    event = latest_against(kn, earlier, {party(kn, cand.source.actor)})
    if event is None or event.source is None:
        return cand
    actor = event.source.actor
    how = f"who acted against the speaker before, {actor.name} ({event.cameo})"
    return _with_inferred_side(cand, "target", actor, how)


def target_of_claimed_attack(kn: Knowledge, cand: Candidate, earlier: Sequence[Event]) -> Candidate:
    """A claim of responsibility ("Al-Shabaab claimed responsibility (for the attack)") is
    aimed at whom the latest attack struck, not at its author, whom "the attack" names."""
    if cand.source is None or not cand.code.startswith(tuple(kn.words["claim_codes"])):
        return cand
    attacks = (e for e in reversed(earlier) if e.cameo.startswith(tuple(kn.words["attack_roots"])))
    attack = next(attacks, None)
    if attack is None or attack.target is None:
        return cand
    if cand.target is not None and (attack.source is None or cand.target.actor.id != attack.source.actor.id):
        return cand  # a victim of its own ("responsibility for the attack on the embassy")
    actor = attack.target.actor
    how = f"whom the attack claimed struck, {actor.name} ({attack.cameo})"
    return _with_inferred_side(cand, "target", actor, how)


def target_of_the_same_response(kn: Knowledge, cand: Candidate, earlier: Sequence[Event]) -> Candidate:
    """A response that names no one, of a kind another party gave before, goes where that one
    went: "Japan pledged relief to the Philippines ... South Korea sent a team of rescue
    workers", "Jordan condemned the law ... Saudi Arabia also condemned it". Responses are
    the kinds of story_target_roots (aid given and aid promised are one); the earlier one
    must be of the same kind and another party's."""
    if cand.target is not None or cand.source is None:
        return cand
    kinds = tuple(k for k in kn.words["story_target_roots"] if cand.code.startswith(k))
    if not kinds:
        return cand
    aid = tuple(kn.words["aid_response_codes"])
    if cand.code.startswith(aid):
        kinds = aid
    speaker = party(kn, cand.source.actor)
    for event in reversed(earlier):
        if event.source is None or event.target is None or not event.cameo.startswith(kinds):
            continue
        if party(kn, event.source.actor) == speaker or party(kn, event.target.actor) == speaker:
            continue
        if event.target.actor.country is None:
            continue  # "to help flood victims": no party to share
        actor = event.target.actor
        how = f"where the same response went before, {actor.name} ({event.cameo})"
        return _with_inferred_side(cand, "target", actor, how)
    return cand


def target_from_story(kn: Knowledge, cand: Candidate, story_country: str | None) -> Candidate:
    """A reaction to what happened that names no party ("Portugal condemned the violence")
    is aimed at the country the story is about; not a state's (its government, its
    ministries, its forces) at itself, while its opposition's or unions' are at home."""
    if cand.target is not None or cand.source is None or not story_country:
        return cand
    if not cand.code.startswith(tuple(kn.words["story_target_roots"])):
        return cand
    source = cand.source.actor
    of_the_state = source.kind is ActorKind.STATE or source.sector_code in kn.words["state_sectors"]
    if source.country == story_country and of_the_state:
        return cand
    actor = country_actor(kn.kb, story_country)
    return _with_inferred_side(cand, "target", actor, f"the country the story is about, {actor.name}")


def target_the_speaker_last_dealt_with(kn: Knowledge, cand: Candidate, earlier: Sequence[Event]) -> Candidate:
    """Words to the other side that name no one (an appeal, a promise, a demand, a
    rejection: ``counterpart_roots``) are addressed to the party the speaker last dealt
    with: "Spain's minister arrived in Nouakchott ... Mauritania agreed to step up patrols"."""
    if cand.target is not None or cand.source is None or cand.source.actor.country is None:
        return cand
    if not cand.code.startswith(tuple(kn.words["counterpart_roots"])):
        return cand
    # Sides of no country are no party to deal with ("to help flood victims").
    found = _last_counterpart(
        earlier, party(kn, cand.source.actor), lambda a: party(kn, a) if a.country else None
    )
    if found is None:
        return cand
    event, actor = found
    how = f"the party the speaker last dealt with, {actor.name} ({event.cameo})"
    return _with_inferred_side(cand, "target", actor, how)


def _with_inferred_side(cand: Candidate, side: str, actor: Actor, how: str) -> Candidate:
    """``cand`` with ``actor`` as its missing ``side``, found by inference as ``how`` says.
    The inference has no words of its own: the mention sits at the trigger."""
    trigger = cand.trigger
    mention = Mention(trigger.idx, trigger.idx, actor.name, sentence=trigger.sent, how=how)
    notes = ("source: inferred", cand.notes[1]) if side == "source" else (cand.notes[0], f"target: {how}")
    return replace(cand, **{side: ActorMention(mention, actor)}, notes=notes, inferred=cand.inferred + 1)


def _foreign(kn: Knowledge, am: ActorMention) -> bool:
    """ "Foreign troops", "international observers": a group that says it is not the place's."""
    return any(word in kn.groups.foreign_modifiers for word in am.mention.text.lower().split())
