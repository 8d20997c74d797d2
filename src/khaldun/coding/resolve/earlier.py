"""Words that refer back to events the document has already reported.

News reports an event, then the reactions to it, naming the event and not its author:
"Russian forces shelled Kharkiv ... Zelensky denounced the attack", "The EU imposed
sanctions on Belarus ... Belarus condemned the decision". The reaction's target is the
author of that earlier event. Likewise "the two sides" and "both parties" are the two
sides of the latest event that had two (of the latest hostile one, when they are urged or
called on), and calm urged of no one ("China urged restraint") is urged of them. An act
that is no event of its own, named again ("Saudi Arabia condemned the law"), is the act of
whoever a sentence before told did it ("Israel's parliament passed a law"); "them" freed
are those held before.

Runs once per sentence, before its events are matched, with the events of the sentences
before it; what it finds is added to the sentence's actor mentions, so the argument
rules read it as they read a country word on the noun ("the Russian attack").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from khaldun.coding.arguments import named_by_what
from khaldun.coding.resolve.references import PAIR_WORDS
from khaldun.coding.resolve.state import SUBJECT_DEPS
from khaldun.knowledge import Knowledge
from khaldun.knowledge.lexicon import TriggerRule
from khaldun.model import Actor, ActorMention, Event, Mention
from khaldun.nlp.base import ParsedDoc, Sentence, Token

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "the two sides", "both parties", and "the warring parties", which are two as well.
_PAIR_WORDS = PAIR_WORDS | {"warring"}


def refer_to_earlier_events(
    kn: Knowledge,
    doc: ParsedDoc,
    sent: Sentence,
    mentions: Mapping[int, tuple[ActorMention, ...]],
    earlier: Sequence[Event],
    told: Mapping[int, tuple[ActorMention, ...]] | None = None,
) -> tuple[dict[int, tuple[ActorMention, ...]], frozenset[int]]:
    """``mentions`` with the nouns of ``sent`` that refer back to ``earlier`` events, and
    the token indices of the event nouns among them: "the talks" reported again is not
    a new event ("The talks focused on trade"). ``told`` holds the actor mentions of the
    sentences before, where an act that is no event was told ("passed a law")."""
    found = dict(mentions)
    for tok in doc.tokens[sent.start : sent.end]:
        lemma = tok.lemma.lower()
        # Only nouns, pronouns and a calm word the tagger may call an adjective name anything.
        if tok.pos in ("NOUN", "PRON", "ADJ") and (tok.i not in found or (tok.pos == "PRON" and earlier)):
            named = _named_apart_from_events(kn, doc, tok, sent, mentions, earlier, told or {})
            if named:
                found[tok.i] = named
                continue
        if not earlier or tok.pos != "NOUN" or not _may_refer_back(kn, lemma):
            continue  # most nouns: decided without looking at the parse
        if _names_a_pair(kn, doc, tok) and _generic(found.get(tok.i, ())):
            pair = _latest_pair(kn, earlier, hostile=_appealed_to(kn, doc, tok))
            if pair is not None:
                how = f"the two sides of the latest event with two ({pair[0].name}, {pair[1].name})"
                found[tok.i] = tuple(_mention(doc, tok, actor, how) for actor in pair)
        elif tok.i not in found and _definite_without_owner(kn, doc, tok):
            event = _event_referred_to(kn, doc, tok, earlier, _speakers(kn, doc, mentions, tok))
            if event is not None:
                how = f"author of the {tok.lemma.lower()} reported before ({event.cameo})"
                found[tok.i] = tuple(_mention(doc, tok, author, how) for author in _authors(event, earlier))
        if tok.i not in found and release_without_holder(kn, doc, tok):
            event = _latest_holding(kn, earlier, _speakers(kn, doc, mentions, tok))
            if event is not None:
                how = f"who held them before ({event.cameo})"
                found[tok.i] = tuple(_mention(doc, tok, author, how) for author in _authors(event, earlier))
        if tok.i not in found and _denied_without_owner(kn, doc, tok):
            # "Beijing denied the accusations", "denied any involvement": what was said or done
            # against the denier before, by whoever said or did it.
            event = latest_against(kn, earlier, _speakers(kn, doc, mentions, tok))
            if event is not None:
                how = f"who acted against the denier before ({event.cameo})"
                found[tok.i] = tuple(_mention(doc, tok, author, how) for author in _authors(event, earlier))
    referring = frozenset(
        i for i in found.keys() - mentions.keys() if kn.lexicon.nouns.get(doc.tokens[i].lemma.lower())
    )
    return found, referring


def _named_apart_from_events(
    kn: Knowledge,
    doc: ParsedDoc,
    tok: Token,
    sent: Sentence,
    mentions: Mapping[int, tuple[ActorMention, ...]],
    earlier: Sequence[Event],
    told: Mapping[int, tuple[ActorMention, ...]],
) -> tuple[ActorMention, ...]:
    """The actors a word names through what came before, not through an event it names:
    the author of an act told before ("the law"), those held before ("released them"), the
    sides of the latest hostile event ("urged restraint")."""
    lemma = tok.lemma.lower()
    antecedents = _act_antecedents(kn)
    if tok.pos == "NOUN" and lemma in antecedents and told and _definite_without_owner(kn, doc, tok):
        speakers = _speakers(kn, doc, mentions, tok)
        authors = _author_of_the_act_told(kn, doc, tok, sent, told, antecedents[lemma], speakers)
        if authors:
            return tuple(_mention(doc, tok, a.actor, f"author of the {lemma} told before") for a in authors)
    if earlier and tok.pos == "PRON" and tok.lower == "them" and _freed(kn, doc, tok):
        event = _latest_holding(kn, earlier, set())  # the holder often frees them itself
        if event is not None and event.target is not None:
            return (_mention(doc, tok, event.target.actor, f"those held before ({event.cameo})"),)
    if earlier and lemma in kn.words["calm_nouns"] and _appealed_to(kn, doc, tok):
        # "China urged restraint": calm is asked of the sides of the latest hostile event.
        pair = _latest_hostile_pair(kn, earlier)
        if pair is not None:
            how = f"the sides asked for calm, of the latest hostile event ({pair[0].name}, {pair[1].name})"
            return tuple(_mention(doc, tok, actor, how) for actor in pair)
    return ()


def _act_antecedents(kn: Knowledge) -> dict[str, frozenset[str]]:
    """Nouns for an act that is no event, each with the verbs that tell it (act_antecedents)."""
    return _antecedent_table(kn.words["act_antecedents"])


@lru_cache(maxsize=8)
def _antecedent_table(entries: frozenset[str]) -> dict[str, frozenset[str]]:
    # Read once per list, not per sentence.
    return {noun: frozenset(verbs) for noun, *verbs in (entry.split() for entry in entries)}


def _author_of_the_act_told(
    kn: Knowledge,
    doc: ParsedDoc,
    noun: Token,
    sent: Sentence,
    told: Mapping[int, tuple[ActorMention, ...]],
    verbs: frozenset[str],
    speakers: set[str],
) -> tuple[ActorMention, ...]:
    """Who did the act ``noun`` names, as a sentence before told it: the owner of the same
    noun ("Hungary's decision"), else the doer of the clause it is told in ("Israel's
    parliament passed a law", "the court ruled"), the latest such of a party other than
    the speakers'."""
    lemma = noun.lemma.lower()
    for tok in reversed(doc.tokens[: sent.start]):
        same_noun = tok.pos == "NOUN" and tok.lemma.lower() == lemma
        telling_verb = tok.pos == "VERB" and tok.lemma.lower() in verbs
        if not (same_noun or telling_verb):
            continue
        doers = _doers_of(doc, tok, told)
        if doers and not {party(kn, m.actor) for m in doers} & speakers:
            return doers
    return ()


def _doers_of(
    doc: ParsedDoc, tok: Token, told: Mapping[int, tuple[ActorMention, ...]]
) -> tuple[ActorMention, ...]:
    """The actors of a noun's possessor, else of its clause's subject or passive agent."""
    if tok.pos == "NOUN":
        owner = next((k for k in doc.children(tok.i) if k.dep == "poss"), None)
        if owner is not None and told.get(owner.i):
            return told[owner.i]
        tok = doc.governing_verb(tok.i)
    for kid in doc.children(tok.i):
        if kid.dep == "nsubj" and told.get(kid.i):
            return told[kid.i]
        if kid.dep == "agent":
            by = next((k for k in doc.children(kid.i) if k.dep == "pobj" and told.get(k.i)), None)
            if by is not None:
                return told[by.i]
    return ()


def _authors(event: Event, earlier: Sequence[Event]) -> list[Actor]:
    """The source of ``event``, and of the events coded from the same trigger with other
    sources: both parties of talks, of an agreement they reached, of a visit (the host's
    043 and the guest's 042)."""
    authors: dict[str, Actor] = {}
    for other in earlier:
        if other.evidence.trigger_start == event.evidence.trigger_start and other.source is not None:
            authors.setdefault(other.source.actor.id, other.source.actor)
    return list(authors.values())


def _may_refer_back(kn: Knowledge, lemma: str) -> bool:
    words = kn.words
    return (
        lemma in kn.lexicon.nouns
        or lemma in words["appeal_nouns"]
        or lemma in words["pair_nouns"]
        or lemma in words["agreement_nouns"]
        or lemma in words["reported_act_nouns"]
        or lemma in words["denied_nouns"]
    )


def _event_referred_to(
    kn: Knowledge, doc: ParsedDoc, noun: Token, earlier: Sequence[Event], speakers: set[str]
) -> Event | None:
    """The latest earlier event ``noun`` names, by a party other than this sentence's
    subject: one of the noun's own root for an event noun ("the attack" after a shelling),
    an accord for an agreement noun, any event for a word that names any act ("the
    decision", "the move")."""
    lemma = noun.lemma.lower()
    rule = kn.lexicon.nouns.get(lemma)
    what = _act_named_by_of(kn, doc, noun)
    if what is not None:
        # "welcomed the resumption of talks": the talks, whoever spoke since; first those
        # coded from the word itself ("resumed talks"), then any of its kind ("met").
        roots = frozenset(code[:2] for code in what.codes())
        of_kind = [e for e in reversed(earlier) if _by_another(kn, e, speakers) and e.cameo[:2] in roots]
        return next((e for e in of_kind if what.lemma in _rule_words(e)), next(iter(of_kind), None))
    if lemma in kn.words["appeal_nouns"]:
        roots = kn.words["appeal_codes"]
    elif rule is not None:
        # Of any root the noun can code: "the expulsions" after diplomats expelled (161), not
        # only after people deported (174).
        roots = frozenset(code[:2] for code in rule.codes())
        force = kn.words["force_roots"]
        if roots & force:
            # "Protesters stormed the embassy ... Italy condemned the attack": a riot (145)
            # is an attack too. A force noun's other senses name only their own code ("a
            # cyber attack", 176), not their whole root (an arrest is no attack).
            own = frozenset(code if code[:2] not in force else code[:2] for code in rule.codes())
            roots = own | kn.words["violent_protest_codes"]
    elif lemma in kn.words["agreement_nouns"]:
        roots = kn.words["agreement_codes"]
    elif lemma in kn.words["voting_nouns"] and _described(noun):
        # "the vote was not free": a vote described names a vote told before ("the council
        # voted to ..."), not the latest act of anyone ("India congratulated the winner").
        votes = (e for e in reversed(earlier) if _told_with_word(e, lemma) and _by_another(kn, e, speakers))
        return next(votes, None)
    elif lemma in kn.words["reported_act_nouns"]:
        roots = None
    else:
        return None
    spoken = kn.words["spoken_roots"] if lemma in kn.words["decision_nouns"] else frozenset()
    said = _roots_of_words_named(kn, lemma)

    def named(event: Event) -> bool:
        if not _by_another(kn, event, speakers):
            return False  # "Ukraine shot down missiles ... Zelensky denounced the attack": not its own
        if event.cameo.startswith(tuple(spoken)):
            return False  # "welcomed the decision": what was decided, not what critics said of it
        # "Vietnam protested the seizure ... Jakarta rejected the protest": the noun of the verb.
        return roots is None or event.cameo.startswith(tuple(roots)) or _trigger_lemma(event) == lemma

    if said:
        # "Nicaragua rejected the criticism" after Washington condemned the verdict and the EU
        # called for releases: a word for words of a kind names the latest of that kind
        # aimed at the speaker, not the latest word said; whatever the noun's own root
        # ("lodged a protest with Beijing ... Beijing rejected the protest": no rally).
        of_kind = next(
            (
                e
                for e in reversed(earlier)
                if _by_another(kn, e, speakers) and _of_kind_against(kn, e, said, speakers)
            ),
            None,
        )
        if of_kind is not None:
            return of_kind
    if roots is None and lemma in kn.words["decision_nouns"]:
        # A word for any act ("the move", "the decision") names the news the story opened
        # with, when it is another party's: the reactions follow it. Words for words ("the
        # remarks", "the criticism") answer the latest.
        lede = [e for e in earlier if e.evidence.start == earlier[0].evidence.start]
        found = next((e for e in lede if named(e)), None)
        if found is not None:
            return found
    return next((e for e in reversed(earlier) if named(e)), None)


def _roots_of_words_named(kn: Knowledge, lemma: str) -> frozenset[str]:
    """The roots of what a word for words names: criticism or an accusation (11), a threat
    or a warning (13)."""
    if lemma in kn.words["criticism_nouns"]:
        return kn.words["criticism_roots"]
    if lemma in kn.words["threat_nouns"]:
        return kn.words["threat_roots"]
    return frozenset()


def _of_kind_against(kn: Knowledge, event: Event, roots: frozenset[str], speakers: set[str]) -> bool:
    """``event`` is of one of ``roots`` and aimed at one of ``speakers`` (or their country)."""
    if event.target is None or not event.cameo.startswith(tuple(roots)):
        return False
    return bool({party(kn, event.target.actor), event.target.actor.country} & speakers)


def _by_another(kn: Knowledge, event: Event, speakers: set[str]) -> bool:
    return event.source is not None and party(kn, event.source.actor) not in speakers


def _trigger_lemma(event: Event) -> str:
    """The word of the rule that coded ``event`` ("protest" of "verb+object:protest+...")."""
    return event.rule.partition(":")[2].partition("+")[0].partition("_")[0]


def _described(noun: Token) -> bool:
    """The subject of a copula ("the vote was not free"): described, not reacted to ("welcomed
    the vote", "the vote was rejected")."""
    return noun.dep == "nsubj"


def _told_with_word(event: Event, lemma: str) -> bool:
    """Whether the sentence that told ``event`` has ``lemma`` as a word, in any inflection
    ("voted to end the mission" tells a vote, whatever its trigger)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    return any(w.startswith(stem) for w in event.evidence.sentence.lower().split())


def _rule_words(event: Event) -> set[str]:
    """The words of the rule that coded ``event``: its verb, particles and object nouns."""
    return set(event.rule.partition(":")[2].replace("+", "|").replace("_", "|").split("|"))


def _act_named_by_of(kn: Knowledge, doc: ParsedDoc, noun: Token) -> TriggerRule | None:
    """The event noun of a word for a stage of an act: "the resumption of talks"."""
    if noun.lemma.lower() not in kn.words["decision_nouns"]:
        return None
    for prep in doc.children(noun.i):
        if prep.dep == "prep" and prep.lower == "of":
            for pobj in doc.children(prep.i):
                rule = kn.lexicon.nouns.get(pobj.lemma.lower()) if pobj.dep == "pobj" else None
                if rule is not None:
                    return rule
    return None


def _latest_pair(
    kn: Knowledge, earlier: Sequence[Event], hostile: bool = False
) -> tuple[Actor, Actor] | None:
    """The sides of the latest two-way event (talks, an agreement: coded both ways from one
    trigger), else of the latest event between two parties. Those appealed to ("urged both
    sides to exercise restraint") are the sides of the latest hostile event, when there is
    one: the appeal is for calm between them."""
    pair = _latest_hostile_pair(kn, earlier) if hostile else None
    if pair is not None:
        return pair
    sides = [
        (e.evidence.trigger_start, e.source.actor, e.target.actor)
        for e in earlier
        if e.source and e.target and e.source.actor.id != e.target.actor.id
    ]
    ways = {(at, a.id, b.id) for at, a, b in sides}
    both_ways = [(a, b) for at, a, b in sides if (at, b.id, a.id) in ways]
    between = [(a, b) for _, a, b in sides if party(kn, a) != party(kn, b)]
    return (both_ways or between or [None])[-1]


def _freed(kn: Knowledge, doc: ParsedDoc, pronoun: Token) -> bool:
    """ "released them", "freed three of them": the object of a release, or a part of it."""
    head = doc.head(pronoun.i)
    if pronoun.dep == "pobj" and head.lower == "of":
        part = doc.head(head.i)  # "three", the object the "of" hangs on
        if part.dep != "dobj":
            return False
        head = doc.head(part.i)
        return head.pos == "VERB" and head.lemma.lower() in kn.words["release_verbs"]
    return pronoun.dep == "dobj" and head.lemma.lower() in kn.words["release_verbs"]


def _latest_hostile_pair(kn: Knowledge, earlier: Sequence[Event]) -> tuple[Actor, Actor] | None:
    roots = tuple(kn.words["hostile_pair_roots"])
    return _latest_pair(kn, [e for e in earlier if e.cameo.startswith(roots)])


def _appealed_to(kn: Knowledge, doc: ParsedDoc, noun: Token) -> bool:
    """ "urged both sides", "called on the two sides", "appealed to both parties"."""
    verb = doc.governing_verb(noun.i)
    return verb.lemma.lower() in kn.words["appeal_verbs"]


def _names_a_pair(kn: Knowledge, doc: ParsedDoc, noun: Token) -> bool:
    """ "the two sides", "both parties", "the two leaders", "the warring parties"."""
    return noun.lemma.lower() in kn.words["pair_nouns"] and any(
        k.lower in _PAIR_WORDS for k in doc.children(noun.i)
    )


def _generic(mentions: tuple[ActorMention, ...]) -> bool:
    """No mention, or only sector words ("leaders", "the warring parties"), whose country,
    if any, the context lent them."""
    return all(m.actor.id.startswith("group:") for m in mentions)


def _denied_without_owner(kn: Knowledge, doc: ParsedDoc, noun: Token) -> bool:
    """The object of a denial ("denied the accusations", "rejected any involvement") that
    names no accuser of its own."""
    if noun.dep != "dobj" or noun.lemma.lower() not in kn.words["denied_nouns"]:
        return False
    if doc.head(noun.i).lemma.lower() not in kn.words["denial_verbs"]:
        return False
    kids = doc.children(noun.i)
    return not any(k.dep == "poss" or (k.dep == "prep" and k.lower in ("by", "of", "from")) for k in kids)


def release_without_holder(kn: Knowledge, doc: ParsedDoc, noun: Token) -> bool:
    """ "the release of the crew", "her immediate release": a release that names who is freed
    (or no one) and not who frees them ("the release by the rebels")."""
    if noun.lemma.lower() not in kn.words["release_nouns"]:
        return False
    return not any(k.dep == "prep" and k.lower == "by" for k in doc.children(noun.i))


def _latest_holding(kn: Knowledge, earlier: Sequence[Event], speakers: set[str]) -> Event | None:
    """The latest earlier seizure, arrest or abduction by a party other than ``speakers``."""
    holding = tuple(kn.words["holding_codes"])
    for event in reversed(earlier):
        if event.source is None or not event.cameo.startswith(holding):
            continue
        if party(kn, event.source.actor) not in speakers:
            return event
    return None


def latest_against(kn: Knowledge, earlier: Sequence[Event], speakers: set[str]) -> Event | None:
    """The latest earlier event aimed at one of ``speakers`` by another party."""
    for event in reversed(earlier):
        if event.source is None or event.target is None:
            continue
        source, target = party(kn, event.source.actor), party(kn, event.target.actor)
        target_state = event.target.actor.country
        if source not in speakers and (target in speakers or target_state in speakers):
            return event
    return None


def _definite_without_owner(kn: Knowledge, doc: ParsedDoc, noun: Token) -> bool:
    """ "the attack", "Friday's attack", "what he called a cowardly attack", not "an
    attack", "Russia's attack" or "the attack by rebels"."""
    kids = doc.children(noun.i)
    named = noun.dep in ("oprd", "attr") and named_by_what(kn, doc, doc.head(noun.i)) == noun
    if not named and not any((k.dep == "det" and k.lower in _DEFINITE) or _dated(k) for k in kids):
        return False
    owned = any(k.dep == "poss" and not _dated(k) for k in kids)
    return not owned and not any(k.dep == "prep" and k.lower == "by" for k in kids)


def _dated(kid: Token) -> bool:
    """A possessive that says when, not whose: "Friday's vote", "last week's attack"."""
    return kid.dep == "poss" and kid.ent_type in ("DATE", "TIME")


def _speakers(
    kn: Knowledge, doc: ParsedDoc, mentions: Mapping[int, tuple[ActorMention, ...]], noun: Token
) -> set[str]:
    """The parties of the subject of the verb ``noun`` hangs on (and of the verb it is
    conjoined to or completes): "Azerbaijan's president rejected the criticism and said ...
    it chose" is Azerbaijan's, whoever "it" is. The sentence's subjects when none is found."""
    verb = doc.governing_verb(noun.i)
    verbs = [verb]
    while verb.dep in ("conj", "xcomp") and verb.head != verb.i:
        verb = doc.head(verb.i)
        verbs.append(verb)
    subjects = [c.i for v in verbs for c in doc.children(v.i) if c.dep in SUBJECT_DEPS]
    found = {party(kn, m.actor) for i in subjects for m in mentions.get(i, ())}
    return found or _subject_parties(kn, doc, mentions)


def _subject_parties(
    kn: Knowledge, doc: ParsedDoc, mentions: Mapping[int, tuple[ActorMention, ...]]
) -> set[str]:
    return {
        party(kn, m.actor)
        for head, found in mentions.items()
        if doc.tokens[head].dep in SUBJECT_DEPS
        for m in found
    }


def party(kn: Knowledge, actor: Actor) -> str:
    """Who an actor speaks for: its state (a government, its army and police alike), else
    its own side within its country ("the opposition" condemns the police's arrests)."""
    if actor.country is None:
        return actor.id
    # The sector's code: a group's "Rebels" and its leader's REB are one side.
    sector = actor.sector_code
    if not sector or sector in kn.words["state_sectors"]:
        return actor.country
    return f"{actor.country}{sector}"


def _mention(doc: ParsedDoc, noun: Token, actor: Actor, how: str) -> ActorMention:
    det = [k for k in doc.children(noun.i) if k.dep in ("det", "nummod", "predet") and k.i < noun.i]
    first = doc.tokens[min([noun.i, *(k.i for k in det)])]
    text = doc.text[first.idx : noun.idx + len(noun.text)]
    mention = Mention(first.idx, noun.idx + len(noun.text), text, sentence=noun.sent, head=noun.i, how=how)
    return ActorMention(mention, actor)
