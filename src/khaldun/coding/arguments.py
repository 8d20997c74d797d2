"""How the source and target of a trigger are read off the dependency parse.

* verbs: the subject is the source, the direct object or a given
  preposition's object the target; in the passive, the "by" agent is the
  source and the subject the target; an infinitive or coordinated verb with
  no subject of its own takes its governor's ("X is scheduled to meet Y",
  "X met Y and signed ..."), or its governor's object ("urged Iran to release");
* nouns: the possessor ("his visit"), a "by" phrase, or the subject of the
  light verb that governs it ("held talks", "there is a will");
* a relative pronoun stands for the noun it modifies, an apposition for its
  head, coordinated actors ("Iran and Iraq") for each of them;
* a thing in an actor's slot stands for whose it is: "Reagan's statement",
  "an offer from Quito", "abuses committed by Moldovan guards";
* with no target in its slots, an event may take one from the action it
  introduces ("agreed to provide aid for Romania"), an "against X" in its own
  phrase (conflict), or the condition it sets ("... unless the Kremlin closes
  its base").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from khaldun.coding.mentions import (
    OWN_POSSESSIVES,
    PARTITIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    STORY_COUNTRY,
    is_a_date,
    name_before_and,
    names_people,
)
from khaldun.coding.modality import condition_clause
from khaldun.coding.places import place_at
from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.coded import UNKNOWN_COUNTRY, country_actor, group_actor
from khaldun.knowledge.lexicon import TriggerRule
from khaldun.model import Actor, ActorKind, ActorMention, Mention
from khaldun.nlp.base import ParsedDoc, Token

MentionIndex = Mapping[int, tuple[ActorMention, ...]]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb without a subject of its own borrows its governor's through these relations.
_INHERIT_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"})
_MAX_HOPS = 5
# A verb in one of these tags is finite: "called" as a past tense, not a participle.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True)
class Argument:
    mentions: tuple[ActorMention, ...]
    how: str
    inferred: bool = False
    place: bool = False  # found as a place ("exercises in the Sea of Japan"), not a party


# The source slot is filled by words that name no actor ("the football team arrived"):
# another sense of the trigger, or an event between non-political parties.
NOT_AN_ACTOR = Argument((), "the subject names no actor")


def is_support_verb(kn: Knowledge, verb: Token) -> bool:
    """A light or support verb ("held talks", "staged rallies"). The lemma is checked with
    the plain word's stems too: the tagger sometimes lemmatises oddly ("staged" → "stag")."""
    if verb.pos not in ("VERB", "AUX"):
        return False
    word = verb.lower
    stems = {verb.lemma.lower(), word, word[:-1], word[:-2], word[:-3]}
    return bool(stems & kn.words.support_verbs)


def object_words(kn: Knowledge, doc: ParsedDoc, dobj: Token) -> dict[str, Token]:
    """Lemmas that name a verb's object, each with the token it sits on: the object itself,
    its compound modifiers ("aid deliveries"), nouns coordinated with it, and the noun a
    measure word is "of"."""
    # The word as written too: the tagger lemmatises "arms" (weapons) as "arm".
    words: dict[str, Token] = {dobj.lemma.lower(): dobj, dobj.lower: dobj}
    if dobj.pos == "PROPN" and dobj.lower.endswith("s"):
        # A name the tagger leaves unlemmatised: "signed the Abraham Accords" signs accords.
        words.setdefault(dobj.lower[:-1], dobj)
    for child in doc.children(dobj.i):
        if child.dep == "amod" and child.i > dobj.i and dobj.dep == "dobj":
            # An adjective after the object is its complement the parser hung on it: "found
            # a former commander guilty".
            words.setdefault(child.lemma.lower(), child)
        # A title before a name too: "summoned Ambassador Oleg Ivanov".
        if child.dep == "compound" and (child.pos == "NOUN" or (dobj.pos == "PROPN" and child.i < dobj.i)):
            words.setdefault(child.lemma.lower(), dobj)
            if child.i == dobj.i - 2 and doc.tokens[child.i + 1].text == "-":
                # "cease-fire", which the tokenizer splits in three: the whole word too.
                words.setdefault(f"{child.lemma.lower()}-{dobj.lemma.lower()}", dobj)
    before = doc.tokens[dobj.i - 1] if dobj.i > 0 else None
    if before is not None and before.head == dobj.i and before.dep in ("amod", "compound"):
        # Two-word names the tagger splits oddly: "alert level" (alert as an adjective).
        words.setdefault(f"{before.lower} {dobj.lemma.lower()}", dobj)
    # "satellite images and other intelligence"; "tank, mortar and rocket fire" chains its conjuncts.
    for conj in list(_coordinated(doc, dobj))[1:]:
        if conj.pos == "NOUN":
            words.setdefault(conj.lemma.lower(), conj)
            words.setdefault(conj.lower, conj)
    if dobj.lemma.lower() in kn.words["measure_words"] or dobj.ent_type in ("MONEY", "QUANTITY", "CARDINAL"):
        # "3 million euros of aid"; for money also "$90 million in flood relief" (the
        # tagger may call "500 million euros" a cardinal).
        money = dobj.ent_type in ("MONEY", "CARDINAL") or dobj.lemma.lower() in kn.amounts.currencies
        preps = ("of", "in") if money else ("of",)
        of = next((c for c in doc.children(dobj.i) if c.dep == "prep" and c.lower in preps), None)
        if of is None and money and dobj.i + 1 < len(doc.tokens) and doc.tokens[dobj.i + 1].lower == "in":
            # "provide 100 million yuan in emergency assistance": the parser may hang the
            # "in" on the verb; right after the amount, it still says what the amount is of.
            after = doc.tokens[dobj.i + 1]
            of = after if after.dep == "prep" and after.head == dobj.head else None
        inner = child_of(doc, of, "pobj") if of is not None else None
        if inner is not None:
            for word, token in object_words(kn, doc, inner).items():
                words.setdefault(word, token)
    if dobj.lemma.lower() in kn.words["cargo_carriers"]:
        for load in _cargo(kn, doc, dobj):
            for word, token in object_words(kn, doc, load).items():
                words.setdefault(word, token)
    return words


def _names_the_gift(kn: Knowledge, doc: ParsedDoc, dobj: Token, gift: Token) -> bool:
    """True when a giving verb's direct object is the gift a rule matched, or its amount."""
    return dobj.i == gift.i or any(t.i == gift.i for t in object_words(kn, doc, dobj).values())


def _cargo(kn: Knowledge, doc: ParsedDoc, vehicle: Token) -> Iterator[Token]:
    """What a vehicle carries: "planes carrying tents", "trucks loaded with food", "a convoy
    of aid", "ships with grain"."""
    for child in doc.children(vehicle.i):
        if child.dep == "prep" and child.lower in ("of", "with"):
            yield from (o for o in doc.children(child.i) if o.dep == "pobj")
        elif child.dep == "acl" and child.lemma.lower() in kn.words["cargo_verbs"]:
            yield from (o for o in doc.children(child.i) if o.dep == "dobj")
            for prep in (p for p in doc.children(child.i) if p.dep == "prep" and p.lower == "with"):
                yield from (o for o in doc.children(prep.i) if o.dep == "pobj")


def is_passive(kn: Knowledge, doc: ParsedDoc, verb: Token) -> bool:
    """A passive verb; "is opposed to", "were engaged in" (a state of the subject) are not."""
    if verb.lemma.lower() in kn.words["stative_participles"] and child_of(doc, verb, "agent") is None:
        return False
    return any(c.dep in ("nsubjpass", "auxpass") for c in doc.children(verb.i)) or _gapped_passive(doc, verb)


def _gapped_passive(doc: ParsedDoc, verb: Token) -> bool:
    """ "six people were killed and dozens wounded", "left one dead and hundreds injured": a
    past participle with a subject and no auxiliary is a passive whose "were" is left out
    (an active one needs "have"); the parser calls its subject active."""
    if verb.tag != "VBN" or verb.head == verb.i:
        return False
    kids = list(doc.children(verb.i))
    if any(c.dep == "dobj" for c in kids):
        return False  # "a move that Jordan condemned": with an object, an active verb
    return not any(c.dep in ("aux", "auxpass") for c in kids) and any(c.dep == "nsubj" for c in kids)


def mediator_of(kn: Knowledge, doc: ParsedDoc, verb: Token) -> Token | None:
    """The agent of a participle of mediation hung on what was mediated ("a deal brokered
    by China"), or on the clause's verb where the parser put it ("agreed on a truce after
    talks mediated by the AU"); None for any other verb."""
    if verb.pos == "NOUN":
        return _mediating_party(kn, doc, verb)
    hung = verb.dep in ("acl", "advcl")
    agent = child_of(doc, verb, "agent")
    participle = verb.tag == "VBN" or agent is not None  # "mediated by" the tagger calls past
    if not hung or not participle or verb.lemma.lower() not in kn.words["mediation_verbs"]:
        return None
    return child_of(doc, agent, "pobj")


def _mediating_party(kn: Knowledge, doc: ParsedDoc, noun: Token) -> Token | None:
    """Who mediated, where a clause's act was done under a mediation: "agreed on a truce
    under the mediation of Qatar", "signed the deal with Egypt's mediation"."""
    if noun.lemma.lower() not in kn.words["mediation_nouns"] or noun.dep != "pobj":
        return None
    if doc.head(noun.i).lower not in ("under", "with", "through"):
        return None
    of = next((c for c in doc.children(noun.i) if c.dep == "prep" and c.lower == "of"), None)
    return child_of(doc, of, "pobj") if of is not None else child_of(doc, noun, "poss")


def _sides_of_the_mediated(
    kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex
) -> tuple[Argument | None, Token | None] | None:
    """The sides of what a participle of mediation hangs on: the subjects of the clause it is
    in ("Armenia and Azerbaijan signed a deal brokered by Russia"), and whom they met or
    dealt with ("X met Y for talks hosted by Z", "signed a deal with Y brokered by Z")."""
    if mediator_of(kn, doc, verb) is None:
        return None
    clause = doc.governing_verb(doc.head(verb.i).i)
    subject = next((c for c in doc.children(clause.i) if c.dep in _SUBJECTS), None)
    if subject is None:
        return None
    arg = argument(doc, subject, mentions, f"the sides of what was mediated, subject of {clause.text!r}")
    if arg is None:
        return None
    others = [child_of(doc, clause, "dobj"), *prepositional_objects(doc, clause, "with")]
    found = [
        argument(doc, o, mentions, "whom the sides met") for o in others if o is not None and o.i != verb.i
    ]
    more = tuple(m for a in found if a is not None for m in a.mentions)
    return (replace(arg, mentions=arg.mentions + more) if more else arg), subject


def passive_subject(doc: ParsedDoc, verb: Token) -> Token | None:
    """The subject of a passive verb: the one done to."""
    gapped = _gapped_passive(doc, verb)
    return child_of(doc, verb, "nsubjpass") or (child_of(doc, verb, "nsubj") if gapped else None)


def verb_source(kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    mediator = mediator_of(kn, doc, verb)
    if mediator is not None:
        # "a truce brokered by Egypt", "talks mediated by Qatar": the agent mediates.
        return argument(doc, mediator, mentions, "by-agent of the participle") or NOT_AN_ACTOR
    if is_passive(kn, doc, verb):
        agent = child_of(doc, verb, "agent")
        pobj = child_of(doc, agent, "pobj") if agent else None
        if pobj is None:
            # The parser sometimes makes the agent a plain "by" phrase ("abducted ... by
            # suspected Boko Haram militants"): an actor there is the agent all the same.
            by = next((c for c in doc.children(verb.i) if c.dep == "prep" and c.lower == "by"), None)
            by_actor = child_of(doc, by, "pobj") if by is not None else None
            arg = argument(doc, by_actor, mentions, "by-phrase of the passive") if by_actor else None
            if arg is not None:
                return arg
            return (
                _doer_in_when_clause(doc, verb, mentions)
                or _doer_of_the_means(kn, doc, verb, mentions)
                or _summoner(kn, doc, verb, mentions)
                or _authority_reporting(kn, doc, verb, mentions)
            )
        return argument(doc, pobj, mentions, "by-agent of the passive") or NOT_AN_ACTOR
    subjects = [c for c in doc.children(verb.i) if c.dep in _SUBJECTS]
    if subjects:
        # The parser may split a name from its description into two subjects ("The West
        # African bloc ECOWAS condemned"): the one that names an actor.
        found = (argument(doc, subject, mentions, "subject") for subject in subjects)
        return next((arg for arg in found if arg is not None), NOT_AN_ACTOR)
    finite_acl = verb.dep == "acl" and verb.tag in _FINITE_TAGS and doc.head(verb.i).dep == "appos"
    root_noun = _root_noun_of_main_verb(doc, verb)
    if root_noun is None and verb.dep == "conj":  # "... collected and delivered food"
        root_noun = _root_noun_of_main_verb(doc, doc.head(verb.i))
    if root_noun is not None:
        arg = argument(doc, root_noun, mentions, "the noun the parser made the sentence's root")
        if arg is not None:
            return arg
    if (verb.dep == "relcl" or finite_acl) and verb.pos == "VERB" and doc.head(verb.i).i < verb.i:
        # "Lavrov, speaking after talks ..., accused Washington": the parser makes the main
        # verb a relative clause of the name; with no subject of its own, the name is it.
        # Likewise "Russia, Assad's main ally, called on Ankara ..." hung on the apposition.
        named = doc.head(verb.i)
        named = doc.head(named.i) if finite_acl else named
        arg = argument(doc, named, mentions, "the noun the clause hangs on")
        if arg is not None:
            return arg
    return _borrowed_subject(kn, doc, verb, mentions)


def _root_noun_of_main_verb(doc: ParsedDoc, verb: Token) -> Token | None:
    """The subject of a sentence whose root the parser made a noun, with the real main
    verb hung inside its phrase as a participle, as it shows by having its own that-clause
    or object ("Zimbabwe's opposition party alleged on Monday that ...", "Doctors from two
    aid groups donated and delivered goods to ..."); None for a real participle."""
    if verb.dep != "acl":
        return None
    root = doc.head(verb.i)
    while root.head != root.i:
        if root.pos in ("VERB", "AUX"):
            return None  # "condemned the decision to recognize ...": another clause's
        root = doc.head(root.i)
    if root.pos not in ("NOUN", "PROPN") or root.i > verb.i:
        return None
    deps = {c.dep for c in doc.children(verb.i)}
    deps |= {g.dep for c in doc.children(verb.i) if c.dep == "conj" for g in doc.children(c.i)}
    return root if deps & {"ccomp", "dobj"} else None


def _doer_in_when_clause(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    """ "Hundreds were injured when Israeli police stormed the compound": a passive harm with
    no agent, done by the subject of the "when" clause that says how it happened."""
    for clause in doc.children(verb.i):
        if clause.dep != "advcl" or not any(
            c.dep in ("mark", "advmod") and c.lower == "when" for c in doc.children(clause.i)
        ):
            continue
        subject = next((c for c in doc.children(clause.i) if c.dep == "nsubj"), None)
        if subject is None or subject.i not in mentions:
            continue  # "when their vehicle hit a mine": a thing did it, whoever owns it
        arg = argument(doc, subject, mentions, f"subject of the 'when' clause {clause.text!r}")
        if arg is not None:
            return Argument(arg.mentions, arg.how, True)
    return None


def _doer_of_the_means(kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    """ "Two men were killed in Israeli shelling", "wounded in a Saudi air strike": a passive
    harm with no agent, done by whoever the means of attack belongs to."""
    for means in _means_of_attack(kn, doc, verb):
        owner = noun_owner(doc, means, mentions)
        if owner is not None and owner is not NOT_AN_ACTOR:
            return Argument(owner.mentions, f"whose the means is: {owner.how}", True)
    return None


def _summoner(kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    """ "The ambassador was summoned to the foreign ministry": whoever one is summoned to
    summons."""
    if verb.lemma.lower() not in kn.words["summons_verbs"]:
        return None
    for host in prepositional_objects(doc, verb, "to"):
        arg = argument(doc, host, mentions, "whom the envoy was summoned to")
        if arg is not None:
            return arg
    return None


def _authority_reporting(
    kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex
) -> Argument | None:
    """ "The interior ministry said 66 people had been detained": coercion with no doer,
    reported by the state's own police or ministry, is theirs."""
    if verb.lemma.lower() not in kn.words["holding_verbs"] or verb.dep != "ccomp":
        return None
    said = doc.head(verb.i)
    if said.lemma.lower() not in kn.modality.reporting:
        return None
    speaker = argument(doc, child_of(doc, said, "nsubj"), mentions, "the authority that reported it")
    if speaker is None or not all(m.actor.sector_code in kn.words["state_sectors"] for m in speaker.mentions):
        return None
    return replace(speaker, inferred=True)


def _means_of_attack(kn: Knowledge, doc: ParsedDoc, head: Token) -> list[Token]:
    """Means of attack in a phrase on ``head`` ("in a drone strike"); the tagger may split a
    compound ("tank shelling" as a noun and a verb), so the word after the object counts too."""
    means = kn.words["attack_means"]
    found = []
    for prep in doc.children(head.i):
        if prep.dep != "prep" or prep.lower not in kn.words["means_prepositions"]:
            continue
        for pobj in doc.children(prep.i):
            after = doc.tokens[pobj.i + 1] if pobj.i + 1 < len(doc.tokens) else None
            if pobj.dep == "pobj" and (
                pobj.lemma.lower() in means or (after is not None and after.lower in means)
            ):
                found.append(pobj)
    return found


def _borrowed_subject(kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    """The subject of the verb this one depends on ("X is scheduled to meet", "X met and signed")."""
    current = verb
    for _ in range(_MAX_HOPS):
        if current.head == current.i or not (
            current.dep in _INHERIT_SUBJECT or _adjective_complement(doc, current)
        ):
            return None
        came_from, current = current, doc.head(current.i)
        if came_from.dep == "conj" and came_from.tag == "VBD" and current.dep == "amod":
            # "Police baton-charged and detained dozens": the parser reads the first verb as a
            # modifier of "Police"; a past tense joined to it says it was a verb of that noun.
            doer = doc.head(current.i)
            how = f"{doer.text!r}, the noun the parser hung {current.text!r} on"
            arg = argument(doc, doer, mentions, how)
            return Argument(arg.mentions, arg.how, True) if arg else None
        if came_from.dep == "pcomp" and current.lower in kn.words["manner_prepositions"]:
            # "Moscow responded by expelling two diplomats": the one who responded expels.
            current = doc.head(current.i)
        elif came_from.dep == "pcomp" and current.lower == "of" and doc.head(current.i).dep == "dobj":
            # "began the process of returning the gorillas": whoever began the process returns.
            current = doc.head(doc.head(current.i).i)
        controller = child_of(doc, current, "dobj") if came_from.dep == "xcomp" else None
        if controller is not None and controller.i < came_from.i:
            # Object control: in "urged Iran to release them" Iran does the releasing; a
            # thing does nothing ("used force to disperse the crowd": the user disperses).
            arg = argument(doc, controller, mentions, f"object of {current.text!r}")
            if arg is not None:
                return Argument(arg.mentions, arg.how, True)
            if names_people(kn, controller):
                return NOT_AN_ACTOR  # "trained hackers to attack": the hackers, whoever they are
        agent = child_of(doc, child_of(doc, current, "agent"), "pobj")
        if came_from.dep == "advcl" and agent is not None and is_passive(kn, doc, current):
            # "the convoy was ambushed by gunmen, leaving nine dead": the gunmen are the agent.
            arg = argument(doc, agent, mentions, f"by-agent of {current.text!r}")
            return Argument(arg.mentions, arg.how, True) if arg else None
        subject = next((c for c in doc.children(current.i) if c.dep in _SUBJECTS), None)
        if subject is not None:
            arg = argument(doc, subject, mentions, f"subject of {current.text!r}")
            speaker = doc.head(current.i)
            if arg is None and came_from.dep == "conj" and current.dep == "ccomp" and speaker.i < current.i:
                # "X said the vote was not fair and urged Y to ...": the parser joins the act
                # to what was said; a vote urges no one, the speaker does (not so in "a bomb
                # killed one and wounded two, the military said").
                subject = next((c for c in doc.children(speaker.i) if c.dep in _SUBJECTS), None)
                arg = argument(doc, subject, mentions, f"subject of {speaker.text!r}") if subject else None
            return Argument(arg.mentions, arg.how, True) if arg else NOT_AN_ACTOR
        if current.pos in ("NOUN", "PROPN"):
            return _author_of_document(kn, doc, current, mentions) if came_from.dep == "acl" else None
    return None


def _author_of_document(
    kn: Knowledge, doc: ParsedDoc, noun: Token, mentions: MentionIndex
) -> Argument | None:
    """ "issued a statement condemning X", "sent a letter urging Y": what a document says is
    said by whoever issued it (the subject of the verb the document is the object of)."""
    if noun.lemma.lower() not in kn.words["document_nouns"] or noun.dep != "dobj":
        return None
    verb = doc.head(noun.i)
    subject = next((c for c in doc.children(verb.i) if c.dep in _SUBJECTS), None)
    arg = argument(doc, subject, mentions, f"who issued the {noun.text!r}") if subject else None
    return Argument(arg.mentions, arg.how, True) if arg else None


def _adjective_complement(doc: ParsedDoc, token: Token) -> bool:
    """The preposition of "guilty of violating", "responsible for shelling": the adjective's
    subject does the verb."""
    return token.dep == "prep" and token.pos == "ADP" and doc.head(token.i).pos == "ADJ"


# -- nouns ---------------------------------------------------------------------


def noun_owner(doc: ParsedDoc, noun: Token, mentions: MentionIndex) -> Argument | None:
    """Whose an event noun is, by its own words: the possessor ("Turkey's offensive"), a
    "by" phrase ("the attack by rebels"), or its own country word ("the Turkish attack",
    "US sanctions"). ``NOT_AN_ACTOR`` when the possessor names no actor."""
    possessor = child_of(doc, noun, "poss")
    if possessor is not None:
        return argument(doc, possessor, mentions, "possessor") or NOT_AN_ACTOR
    by = next((c for c in doc.children(noun.i) if c.dep == "prep" and c.lower == "by"), None)
    if by is None:
        # "the arrest of the opposition leader by police": the parser may hang the "by" on
        # the "of" object.
        of = prepositional_objects(doc, noun, "of")
        by = next((c for o in of for c in doc.children(o.i) if c.dep == "prep" and c.lower == "by"), None)
    if by is not None and child_of(doc, by, "pobj"):
        return argument(doc, child_of(doc, by, "pobj"), mentions, "by-phrase")
    if noun.i in mentions:  # "Palestinian riots", "US sanctions": the demonym says whose
        return Argument(mentions[noun.i], "the event noun's own country word")
    return None


def noun_source(kn: Knowledge, doc: ParsedDoc, noun: Token, mentions: MentionIndex) -> Argument | None:
    mediator = mediator_of(kn, doc, noun)
    if mediator is not None:  # "under the mediation of Qatar": Qatar mediates
        return argument(doc, mediator, mentions, "who mediated, by the 'of' or possessor") or NOT_AN_ACTOR
    owner = noun_owner(doc, noun, mentions)
    if owner is not None:
        return owner
    # The noun is the object or attribute of a verb ("began talks", "there is a will"),
    # or a purpose phrase of one ("arrived for talks"): the source is that verb's
    # subject, or that of the verb whose statement it is in.
    current = noun
    for hop in range(_MAX_HOPS):
        current = _governing_word(kn, doc, current)
        if current is None:
            return None
        if hop == 0 and current.pos in ("VERB", "AUX") and not _own_event_verb(kn, current):
            return None  # "called for sanctions": the sanctions are not the caller's
        subject = next((c for c in doc.children(current.i) if c.dep == "nsubj"), None)
        if subject is not None and subject.i != noun.i:
            arg = argument(doc, subject, mentions, f"subject of {current.text!r}")
            return Argument(arg.mentions, arg.how, True) if arg else None
        if hop == 0 and not is_support_verb(kn, current):
            return None  # "pressured workers to cancel the strike": whose strike is not said
        if current.dep not in ("ccomp", "conj", "xcomp", "acomp"):
            return None  # ("acomp": "was ready to take steps", the copula's subject)
    return None


def _own_event_verb(kn: Knowledge, verb: Token) -> bool:
    """A verb whose object is the subject's own event: a support verb ("held talks") or one
    that says what became of it ("cancelled a planned visit", "postponed the talks")."""
    return is_support_verb(kn, verb) or verb.lemma.lower() in kn.modality.verbs


def _governing_word(kn: Knowledge, doc: ParsedDoc, token: Token) -> Token | None:
    """The verb a noun (or clause) depends on, through a preposition if need be, and
    through a word that measures it out ("began a campaign of air strikes", "launched a
    wave of attacks": the launcher's); None at a subject."""
    if token.head == token.i or token.dep in ("nsubj", "nsubjpass"):
        return None
    head = doc.head(token.i)
    if token.dep == "pobj":
        verb = doc.head(head.i)
        if head.lower == "of" and verb.pos == "NOUN" and verb.lemma.lower() in kn.words["series_nouns"]:
            return _governing_word(kn, doc, verb)
        toward = head.lower in ("towards", "toward") and verb.pos == "NOUN"
        if toward and verb.lemma.lower() in kn.words["approach_nouns"]:
            return _governing_word(kn, doc, verb)  # "took steps towards normalisation": the taker's
        if head.dep == "prep" and verb.pos == "ADJ" and verb.dep == "acomp":
            verb = doc.head(verb.i)  # "is guilty of shelling the port": the copula's subject
        if head.lower in kn.words["scene_prepositions"]:
            return None  # "imposed a curfew after clashes": the scene is not the imposer's
        return verb if head.dep == "prep" and verb.pos in ("VERB", "AUX") else None
    return head


# -- targets -----------------------------------------------------------------


def targets(
    kn: Knowledge,
    doc: ParsedDoc,
    trigger: Token,
    rule: TriggerRule,
    mentions: MentionIndex,
    obj: Token | None,
) -> tuple[Argument | None, Token | None]:
    """The target, and the word that fills the target slot (an actor or not)."""
    mediated = _sides_of_the_mediated(kn, doc, trigger, mentions)
    if mediated is not None:
        return mediated
    passive = trigger.pos in ("VERB", "AUX") and is_passive(kn, doc, trigger)
    subject = passive_subject(doc, trigger) if passive else None
    if subject is not None and not obj:
        return argument(doc, subject, mentions, "subject of the passive"), subject
    given = rule.code[:2] in kn.words["giving_roots"]
    if given and subject is not None and obj is not None and obj.dep == "dobj" and obj.head == trigger.i:
        # "Assad was granted asylum by Russia": a passive of giving that keeps its direct
        # object made its subject of the indirect one, the party given to.
        arg = argument(doc, subject, mentions, "subject of the passive, given to")
        if arg is not None:
            return arg, subject
    # "The call was rejected by Uganda": the object rule's noun is the passive's subject;
    # it stands in the object's slot, and "by" names the doer, not whose the call was.
    object_as_subject = subject is not None and obj is not None and obj.i == subject.i
    # "praised its ties with Azerbaijan": a bond's other party, before whose the bond is.
    if rule.code[:2] in kn.words["bond_act_roots"]:
        bond = obj if obj is not None else child_of(doc, trigger, "dobj")
        bonded = _party_of_a_bond(kn, doc, bond, mentions)
        if bonded is not None:
            return bonded
    filler = None
    for slot in rule.target:
        if object_as_subject and slot == "by":
            continue
        in_slot = [obj] if object_as_subject and slot == "dobj" else _slot_tokens(kn, doc, trigger, slot, obj)
        for token in in_slot:
            arg = argument(doc, token, mentions, f"target slot {slot!r}")
            if arg is not None:
                at_a_place = rule.place_target and slot in kn.words["place_prepositions"]
                return replace(arg, place=at_a_place), token
            placed = _country_of_the_place(kn, doc, token, mentions) if rule.place_target else None
            if placed is not None and rule.target_required and rule.code[:2] not in kn.words["attack_roots"]:
                # "will deploy troops to a base in Syria": the place's country. (An attack on
                # a thing keeps its victims to the place's inference: "a market in Baghdad".)
                return placed
            if placed is not None:
                # "contributed troops to a force in Liberia": a thing at a place leaves the
                # target to the place, as no filler at all would.
                continue
            if given and slot == "dobj" and obj is not None and _names_the_gift(kn, doc, token, obj):
                # "would provide aid", "provide $5 million in aid": what is given is not whom
                # it is given to; the target is left to the text around, as when the object
                # slot is empty.
                continue
            filler = filler or token
    if rule.target_required:
        return None, filler  # only its own slots: "wants to attack X" is no appeal to X
    dative = child_of(doc, trigger, "dative") if trigger.pos in ("VERB", "AUX") else None
    if dative is not None:  # "granted Malawi two million euros"
        arg = argument(doc, dative, mentions, "indirect object")
        if arg is not None:
            return arg, dative
    if filler is None and trigger.pos in ("VERB", "AUX"):
        embedded = _embedded_target(kn, doc, trigger, mentions)
        if embedded is not None:
            return embedded
    if rule.code[:2] in kn.words["against_target_roots"]:
        against = _against_in_phrase(doc, trigger, mentions)
        if against is not None:
            return against
    if rule.code[:2] in kn.words["conditional_target_roots"]:
        conditioned = _conditioned_party(kn, doc, trigger, mentions)
        if conditioned is not None:
            return conditioned
    if rule.code[:2] in kn.words["criticism_roots"] and trigger.pos in ("VERB", "AUX"):
        accused = _accused_in_participle(kn, doc, trigger, mentions)
        if accused is not None:
            return accused
    return None, filler


def _accused_in_participle(
    kn: Knowledge, doc: ParsedDoc, trigger: Token, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """Whom criticism of a thing is aimed at, when a participle on it names them: "condemned
    the decision, accusing Paris of bad faith" is aimed at Paris."""
    accusing = kn.words["accusing_verbs"]
    clauses = [
        c
        for c in doc.children(trigger.i)
        if c.dep == "advcl" and c.tag == "VBG" and c.lemma.lower() in accusing
    ]
    return _first_actor_below(doc, clauses, "dobj", mentions, "whom the participle {} names")


def _first_actor_below(
    doc: ParsedDoc, clauses: list[Token], dep: str, mentions: MentionIndex, how: str
) -> tuple[Argument, Token] | None:
    """The first actor among the ``dep`` children of ``clauses`` (``how`` names the clause)."""
    for clause in clauses:
        word = child_of(doc, clause, dep)
        arg = argument(doc, word, mentions, how.format(repr(clause.text)))
        if arg is not None and word is not None:
            return arg, word
    return None


def _country_of_the_place(
    kn: Knowledge, doc: ParsedDoc, filler: Token, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """The country of the named place an "in" phrase puts a thing in the target slot in
    ("a hotel in Mogadishu": Somalia, the state, not the capital's government)."""
    for word in prepositional_objects(doc, filler, "in"):
        if word.i not in mentions:
            continue  # named as an actor too: a place the knowledge base knows
        place = place_at(kn, doc, word)
        if place is None or not place.country:
            continue
        how = f"the country of {place.name}, where the {filler.text!r} is"
        mention = Mention(
            word.idx, word.idx + len(word.text), word.text, sentence=word.sent, head=word.i, how=how
        )
        return Argument((ActorMention(mention, country_actor(kn.kb, place.country)),), how, place=True), word
    return None


def _party_of_a_bond(
    kn: Knowledge, doc: ParsedDoc, noun: Token | None, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """The other party of a bond the act is done to: "rejected a truce with the army",
    "hailed the alliance with the United States" aim at the army and the United States."""
    if noun is None or noun.lemma.lower() not in kn.words["bond_nouns"] | kn.words["agreement_nouns"]:
        return None
    if noun.dep not in ("dobj", "nsubjpass"):
        return None  # "visiting forces agreements with X": no act done to the bond
    # The parser hangs the "with" on the noun or on the verb ("rejected a truce | with X").
    heads = [noun, doc.head(noun.i)] if noun.dep == "dobj" else [noun]
    for prep in (c for h in heads for c in doc.children(h.i)):
        if prep.dep != "prep" or prep.lower not in kn.words["bond_prepositions"]:
            continue
        for pobj in doc.children(prep.i):
            arg = argument(doc, pobj, mentions, f"party of the {noun.text!r}") if pobj.dep == "pobj" else None
            if arg is not None:
                return arg, pobj
    return None


def _conditioned_party(
    kn: Knowledge, doc: ParsedDoc, trigger: Token, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """Whom a threat or demand is made of, when only its condition names them: "threatened
    to stop the talks if the United States goes ahead", "... unless the Kremlin closes its base"."""
    heads = [trigger, *(c for c in doc.children(trigger.i) if c.dep == "xcomp")]
    clauses = [c for h in heads for c in doc.children(h.i) if condition_clause(kn.modality, doc, c)]
    return _first_actor_below(doc, clauses, "nsubj", mentions, "who must meet the condition {}")


def _embedded_target(
    kn: Knowledge, doc: ParsedDoc, verb: Token, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """The target of the action a verb introduces: "threatened to strike Israel",
    "agreed to meet Rouhani", "vowed to punish those responsible"."""
    action = next((c for c in doc.children(verb.i) if c.dep == "xcomp"), None)
    subjects = [c for c in doc.children(verb.i) if c.dep == "nsubj"]
    joint = any(c.dep == "conj" for s in subjects for c in doc.children(s.i))
    for _ in range(2):
        # "pledged to keep arming Ukraine": the action is what is kept up (two parties who
        # "agreed to start returning refugees" agree with each other, not with the refugees).
        if joint or action is None or action.lemma.lower() not in kn.words["aspect_verbs"]:
            break
        inner = next((c for c in doc.children(action.i) if c.dep == "xcomp"), None)
        if inner is None:
            break
        action = inner
    if action is None:
        # "warned that the army would answer any raid by X": a warning's content.
        action = next((c for c in doc.children(verb.i) if c.dep == "ccomp"), None)
        if action is None or not _speaks_of_others(kn, verb):
            return None
    objects = [c for c in doc.children(action.i) if c.dep in ("dobj", "dative")]
    # "to provide equipment and training to the Malian army": the objects' conjuncts too.
    objects += [c for o in objects for c in doc.children(o.i) if c.dep == "conj"]
    candidates = list(objects)
    # "to send 12 million euros of aid for Malawi": the action's object may carry the target;
    # so may the object of its own phrase ("to pull out of talks with the United States").
    holders = [action, *objects, *(t for o in objects for t in _measured(kn, doc, o))]
    preps = [c for c in doc.children(action.i) if c.dep == "prep"]
    preps += [c for p in preps for c in doc.children(p.i) if c.dep == "prep"]  # "out" + "of"
    holders += [
        pobj for prep in preps for pobj in doc.children(prep.i) if pobj.dep == "pobj" and pobj.pos == "NOUN"
    ]
    prepositions = kn.words["embedded_target_prepositions"]
    for holder in holders:
        for prep in doc.children(holder.i):
            if prep.dep == "prep" and prep.lower in prepositions:
                candidates += [c for c in doc.children(prep.i) if c.dep == "pobj"]
            elif prep.dep == "prep" and prep.lower == "out":
                # "to pull its observers out of Mozambique": the place left is the target's.
                of = [c for c in doc.children(prep.i) if c.dep == "prep" and c.lower == "of"]
                candidates += [c for o in of for c in doc.children(o.i) if c.dep == "pobj"]
    found = []
    for token in candidates:
        if any(c.dep == "poss" and c.lower in OWN_POSSESSIVES for c in doc.children(token.i)):
            continue  # "agreed to pull back their forces": their own, no other party
        arg = argument(doc, token, mentions, f"target of the action {action.text!r}")
        if arg is not None:
            found.append((arg, token))
    if not found and action.dep == "ccomp":
        # "warned that the Houthis would bear the consequences": whom the warning is about,
        # when the clause names no other party; a pronoun there is the speaker's own side.
        subject = child_of(doc, action, "nsubj")
        own = subject is not None and any(
            c.dep == "poss" and c.lower in OWN_POSSESSIVES for c in doc.children(subject.i)
        )
        if subject is not None and subject.pos != "PRON" and not own:
            arg = argument(doc, subject, mentions, f"subject of the warning's content {action.text!r}")
            if arg is not None:
                found.append((arg, subject))
    # A party of a named country before a group of none ("to deploy a peacekeeping force to
    # Chad": the force is the actor's own).
    stated = [(arg, token) for arg, token in found if any(m.actor.country for m in arg.mentions)]
    return (stated or found or [None])[0]


def _speaks_of_others(kn: Knowledge, verb: Token) -> bool:
    """Verbs whose content clause names whom they are aimed at (warnings, threats)."""
    return verb.lemma.lower() in kn.words["content_target_verbs"]


def _against_in_phrase(
    doc: ParsedDoc, trigger: Token, mentions: MentionIndex
) -> tuple[Argument, Token] | None:
    """For conflict events, an "against X" anywhere in the trigger's own phrase: "called up
    its reserves for a campaign against Chad", "a unit able to wage cyber war against
    Estonia"."""
    queue = [c for c in doc.children(trigger.i) if c.dep in ("dobj", "prep", "acl", "amod")]
    while queue:
        token = queue.pop(0)
        if token.dep == "prep" and token.lower == "against":
            for pobj in (c for c in doc.children(token.i) if c.dep == "pobj"):
                arg = argument(doc, pobj, mentions, "'against' in the event's phrase")
                if arg is not None:
                    return arg, pobj
        queue += [c for c in doc.children(token.i) if c.dep not in ("nsubj", "nsubjpass", "relcl", "ccomp")]
    return None


def _measured(kn: Knowledge, doc: ParsedDoc, noun: Token) -> list[Token]:
    """What a measure word measures: "aid" in "12 million euros of aid"."""
    if noun.lemma.lower() not in kn.words["measure_words"] and noun.ent_type not in ("MONEY", "QUANTITY"):
        return []
    return prepositional_objects(doc, noun, "of")


def _slot_tokens(kn: Knowledge, doc: ParsedDoc, trigger: Token, slot: str, obj: Token | None) -> list[Token]:
    """The words that fill a target slot, in order (every "on" of "sanctions on Iran on Tuesday")."""
    if slot == "dobj" and obj is not None and obj.dep == "nsubj" and doc.head(obj.i).dep == "ccomp":
        return [obj]  # "allowed inspectors to return": the parse makes the object a subject
    if slot == "dobj":
        doer = _doer_of_the_move(kn, doc, trigger)
        if doer is not None:
            return [doer]
    if slot in ("dobj", "npadvmod", "attr", "dative"):
        return [c for c in doc.children(trigger.i) if c.dep == slot]
    if slot == "owner":  # "condemned the Turkish attack": whose the event noun is
        noun = obj if obj is not None else child_of(doc, trigger, "dobj")
        return _owner_tokens(kn, doc, noun) if noun is not None else []
    if slot == "victim":  # "apologised for the massacre of civilians": whom the act harmed
        acts = [p for p in _slot_tokens(kn, doc, trigger, "for", obj) if p.lemma.lower() in kn.lexicon.nouns]
        return [
            v
            for act in acts
            for word in ("of", "against", "on")
            for v in prepositional_objects(doc, act, word)
        ]
    if slot == "helped":  # "pledged $60 million to help Somalia (recover)": Somalia
        helps = [c for c in doc.children(trigger.i) if c.dep in ("xcomp", "advcl")]
        helps = [c for c in helps if c.lemma.lower() in kn.words["help_verbs"]]
        whom = [o for h in helps for o in doc.children(h.i) if o.dep == "dobj"]
        return whom + [
            s
            for h in helps
            for c in doc.children(h.i)
            if c.dep == "ccomp"
            for s in doc.children(c.i)
            if s.dep == "nsubj"
        ]
    if slot == "clause_subject":  # "insisted that Chile withdraw ...": Chile
        clauses = [c for c in doc.children(trigger.i) if c.dep in ("ccomp", "xcomp")]
        return [s for c in clauses for s in doc.children(c.i) if s.dep == "nsubj"]
    # A preposition: on the trigger, on its object ("endorsed an agreement with the EU"),
    # or one clause down ("readiness to stand with X").
    obj = obj if obj is not None else child_of(doc, trigger, "dobj")
    heads = [trigger] + ([obj] if obj is not None else [])
    # "sent a team of rescuers and 50 tonnes of supplies to Pakistan": on the direct object's
    # conjuncts too.
    dobj = child_of(doc, trigger, "dobj")
    heads += [c for c in doc.children(dobj.i) if c.dep == "conj"] if dobj is not None else []
    # A particle with no object of its own may carry the preposition: "pulled out of the talks".
    heads += [
        c
        for c in doc.children(trigger.i)
        if c.dep in ("prt", "prep") and c.lower in kn.words["verb_particles"]
    ]
    # The object found inside a measure phrase: the parser may hang the preposition on the
    # measure word ("delivered $5,000 worth of medicine to X", "sent 3 tons of food to X").
    heads += _between(doc, trigger, obj) if obj is not None else []
    if trigger.pos in ("NOUN", "PROPN"):  # "a halt of rail traffic with Belarus"
        heads += prepositional_objects(doc, trigger, "of")
    if trigger.dep == "dobj" and is_support_verb(kn, doc.head(trigger.i)):
        heads.append(doc.head(trigger.i))  # "staged rallies ... against the leader"
    if trigger.dep == "nsubj" and doc.head(trigger.i).lemma.lower() in kn.words["occurrence_verbs"]:
        heads.append(doc.head(trigger.i))  # "fighting broke out between the army and the RSF"
    heads += [c for h in list(heads) for c in doc.children(h.i) if c.dep in ("acl", "xcomp", "relcl")]
    # "dispatched a Hercules carrying tarpaulins to Tonga": the load's participle has the "to".
    heads += loads_carried(kn, doc, trigger, dobj)
    found = [
        pobj
        for head in heads
        for child in doc.children(head.i)
        # spaCy labels the "to" of "gives equipment to Nicaragua" a dative, not a prep.
        if child.dep in ("prep", "agent", "dative") and child.lower == slot
        for pobj in doc.children(child.i)
        if pobj.dep == "pobj" and not _only_a_date(kn, doc, pobj)  # "called on Tuesday for"
    ]
    # "called for Britain to stay": the subject of a "for ... to" clause fills the "for" slot.
    for clause in doc.children(trigger.i):
        if clause.dep == "advcl" and any(m.dep == "mark" and m.lower == slot for m in doc.children(clause.i)):
            found += [s for s in doc.children(clause.i) if s.dep == "nsubj"]
    return found


def _doer_of_the_move(kn: Knowledge, doc: ParsedDoc, verb: Token) -> Token | None:
    """Whose act a relative clause judges ("Israel passed a law, a move that Jordan
    condemned"): its object is the relative pronoun, whose antecedent is an act noun set in
    apposition to what the main clause did; the act is the main clause's subject's."""
    relative = any(c.dep == "dobj" and c.lower in ("that", "which") for c in doc.children(verb.i))
    if verb.dep != "relcl" or not relative:
        return None
    move = doc.head(verb.i)
    if move.dep != "appos" or move.lemma.lower() not in kn.words["decision_nouns"]:
        return None
    clause = doc.governing_verb(doc.head(move.i).i)
    return next((c for c in doc.children(clause.i) if c.dep in ("nsubj", "nsubjpass")), None)


def _between(doc: ParsedDoc, trigger: Token, obj: Token) -> list[Token]:
    """The nouns on the path from ``obj`` up to ``trigger`` (none when ``obj`` is not under it)."""
    path, current = [], obj
    for _ in range(4):
        if current.head == current.i:
            return []
        current = doc.head(current.i)
        if current.i == trigger.i:
            return path
        if current.pos in ("NOUN", "PROPN", "NUM"):
            path.append(current)
    return []


def _owner_tokens(kn: Knowledge, doc: ParsedDoc, noun: Token) -> list[Token]:
    """The words that may say whose an event noun is, in the order :func:`noun_owner` reads
    them: its possessor, the object of its "by", the noun itself (its own country word),
    then the means it was done with ("the killing of civilians in a U.S. drone strike")."""
    found = [c for c in doc.children(noun.i) if c.dep == "poss"]
    found += prepositional_objects(doc, noun, "by")
    return [*found, noun, *_means_of_attack(kn, doc, noun)]


def _only_a_date(kn: Knowledge, doc: ParsedDoc, token: Token) -> bool:
    return all(is_a_date(kn.kb, t) or t.pos in ("DET", "PUNCT") for t in doc.subtree(token.i))


# -- arguments ---------------------------------------------------------------


def argument(doc: ParsedDoc, token: Token | None, mentions: MentionIndex, how: str) -> Argument | None:
    """The actors a token stands for, following relative pronouns, appositions and coordination."""
    if token is None:
        return None
    inferred = False
    if token.lower in RELATIVE_PRONOUNS:
        antecedent = _antecedent_of_relative(doc, token)
        if antecedent is None:
            return None
        token, how, inferred = antecedent, f"{how} (relative pronoun → {antecedent.text!r})", True
    found: list[ActorMention] = []
    for member in _coordinated(doc, token):
        found.extend(_actors_at(doc, member, mentions))
    if not found:
        return None
    if token.dep == "dobj" and all(_no_country_of_its_own(m) for m in found):
        # "received observers from the OSCE", "hosted a delegation from Iran": the parser
        # hangs the people's origin on the verb; the people are the origin's.
        origin = _origin_on_verb(doc, doc.head(token.i), mentions)
        if origin:
            found = [_people_of(m, origin[0].actor) for m in found]
            how = f"{how} (people from {origin[0].actor.name})"
    if any(m.mention.how.startswith("pronoun") for m in found):
        inferred = True
    # One mention per actor: "Kuwait and its allies" must not read as Kuwait twice.
    unique = {m.actor.id: m for m in reversed(found)}
    return Argument(tuple(m for m in found if unique[m.actor.id] is m), how, inferred)


def _no_country_of_its_own(am: ActorMention) -> bool:
    """A group of no country, or of only the story's ("protesters" in a story about Turkey)."""
    return am.actor.id.startswith(f"group:{UNKNOWN_COUNTRY}") or am.mention.how.endswith(STORY_COUNTRY)


def _people_of(people: ActorMention, origin: Actor) -> ActorMention:
    """A sector group of no country ("observers", "a delegation") as the origin's own: an
    organisation's members are the organisation, a state's are that sector of the state."""
    sector = people.actor.sector
    if origin.kind in (ActorKind.ORGANISATION, ActorKind.PERSON) or not origin.country or not sector:
        return replace(people, actor=origin)
    actor = group_actor(origin.country, sector, f"{people.actor.name} of {origin.name}")
    return replace(people, actor=actor)


def _origin_on_verb(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> tuple[ActorMention, ...]:
    """The actor of a "from" phrase on a verb ("received observers from the OSCE")."""
    for prep in doc.children(verb.i):
        if prep.dep == "prep" and prep.lower == "from":
            for pobj in doc.children(prep.i):
                if pobj.dep == "pobj" and pobj.i in mentions:
                    return mentions[pobj.i]
    return ()


# Prepositions through which a thing names whose it is: "the leaders of Peru", "an offer
# from Quito", "abuses by Moldovan guards", "contact with the Vatican", "a camp for
# Eritrean refugees".
_OWNER_PREPOSITIONS = ("of", "from", "by", "with", "for")


def _actors_at(doc: ParsedDoc, token: Token, mentions: MentionIndex) -> tuple[ActorMention, ...]:
    """Actors named at a token: an apposed person first ("the minister, Zarif"), then the token;
    for a thing, whose it is."""
    apposed = [mentions[c.i] for c in doc.children(token.i) if c.dep == "appos" and c.i in mentions]
    for found in apposed:
        if any(m.actor.kind is ActorKind.PERSON for m in found):
            return _with_role_of(found, mentions.get(token.i, ()))
    if apposed and token.pos == "NOUN" and _names_a_known_group(apposed[0]):
        return apposed[0]  # "the armed group Boko Haram": the name says who
    if token.i in mentions:
        own = mentions[token.i]
        guessed = all(not m.actor.known or m.mention.how.startswith("city") for m in own)
        if apposed and guessed and any(m.actor.known for m in apposed[0]):
            return apposed[0]  # "Kenzo Oshima, the UN relief coordinator": the role says who
        return own
    if apposed:
        return apposed[0]  # "the states The United": the apposition names it
    if token.pos in ("PRON", "DET") and token.lower in PARTITIVE_PRONOUNS:
        # "Some of the protesters blocked the road": those the "of" phrase names.
        return next((mentions[p.i] for p in prepositional_objects(doc, token, "of") if p.i in mentions), ())
    if token.pos not in ("NOUN", "NUM"):  # a thing, or an amount of one ("$120 billion of ...")
        return ()
    possessor = child_of(doc, token, "poss")
    if possessor is not None and possessor.i in mentions:
        return mentions[possessor.i]  # "welcomed Reagan's statement": the statement's author
    for word in _OWNER_PREPOSITIONS:
        for pobj in prepositional_objects(doc, token, word):
            if pobj.i in mentions:
                # "relations with Congo and Costa Rica": every party of the phrase.
                return tuple(m for member in _coordinated(doc, pobj) for m in mentions.get(member.i, ()))
    return ()


def _names_a_known_group(found: tuple[ActorMention, ...]) -> bool:
    return any(m.actor.known and m.actor.kind in (ActorKind.ORGANISATION, ActorKind.GROUP) for m in found)


def _with_role_of(
    people: tuple[ActorMention, ...], role: tuple[ActorMention, ...]
) -> tuple[ActorMention, ...]:
    """An unknown person in apposition to a role ("the Iranian ambassador, Kazem Jalali")
    takes the role's code: the name says who, the role says for whom."""
    if len(people) != 1 or len(role) != 1 or people[0].actor.known or people[0].actor.country:
        return people
    person, office = people[0], role[0].actor
    if not office.country and not (office.sector and not person.actor.sector):
        return people
    # With no country, the role still says what the name is ("the opposition newspaper La
    # Prensa": media); whose it is may come from the event's other side.
    actor = replace(person.actor, code=office.code, country=office.country, sector=office.sector)
    return (replace(person, actor=actor),)


def named_by_what(kn: Knowledge, doc: ParsedDoc, clause: Token) -> Token | None:
    """The noun a free relative names: in "condemned what he called a cowardly attack" the
    clause "what he called ..." names the attack (the parser makes "what" the naming verb's
    object and the noun its predicate)."""
    if clause.lemma.lower() not in kn.words["naming_verbs"]:
        return None
    if not any(c.dep == "dobj" and c.lower == "what" for c in doc.children(clause.i)):
        return None
    return child_of(doc, clause, "oprd") or child_of(doc, clause, "attr")


def loads_carried(kn: Knowledge, doc: ParsedDoc, verb: Token, obj: Token | None) -> list[Token]:
    """The participles of what a carrier sent carries: "sent an air force Hercules loaded
    with equipment" (on the object or its name), "dispatched a ship carrying tents to Tonga"
    (which the parser may hang on the verb)."""
    loads = kn.words["carrying_verbs"]
    found = [c for c in doc.children(verb.i) if c.dep == "advcl" and c.lemma.lower() in loads]
    if obj is not None:
        named = [obj, *(a for a in doc.children(obj.i) if a.dep == "appos")]
        found += [a for n in named for a in doc.children(n.i) if a.dep == "acl" and a.lemma.lower() in loads]
    return found


def prepositional_objects(doc: ParsedDoc, token: Token, word: str) -> list[Token]:
    """Objects of ``word`` on a noun, or of a participle on it ("crimes committed by X")."""
    heads = [token] + [c for c in doc.children(token.i) if c.dep == "acl"]
    preps = [c for h in heads for c in doc.children(h.i) if c.dep in ("prep", "agent") and c.lower == word]
    return [c for p in preps for c in doc.children(p.i) if c.dep == "pobj"]


def _coordinated(doc: ParsedDoc, token: Token) -> Iterator[Token]:
    yield token
    for child in doc.children(token.i):
        if child.dep == "conj":
            yield from _coordinated(doc, child)
    first = name_before_and(doc, token)
    if first is not None:
        yield first  # "Prime Minister Fumio Kishida and President Yoon Suk Yeol"


def _antecedent_of_relative(doc: ParsedDoc, pronoun: Token) -> Token | None:
    for ancestor in doc.ancestors(pronoun.i):
        if ancestor.dep == "relcl":
            return doc.head(ancestor.i)
    return None


def child_of(doc: ParsedDoc, token: Token | None, dep: str) -> Token | None:
    if token is None:
        return None
    return next((c for c in doc.children(token.i) if c.dep == dep), None)
