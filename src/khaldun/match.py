"""Match stage: find event triggers in a parsed sentence and their source and target.

For each verb or noun in the lexicon, the source and target are read off the
dependency parse:

* verbs: the subject is the source, the direct object or a given
  preposition's object the target; in the passive, the "by" agent is the
  source and the subject the target; an infinitive or coordinated verb with
  no subject of its own takes its governor's ("X is scheduled to meet Y",
  "X met Y and signed ..."); a relative pronoun stands for the noun it
  modifies ("X, who was received by Y");
* nouns: the possessor ("his visit"), a "by" phrase, or the subject of the
  governing verb is the source;
* coordinated actors ("Iran and Iraq") give one event per actor.

The result is a list of :class:`Candidate` events, to which later stages
add modality, date, place and amount.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from khaldun.lexicon import Lexicon, TriggerRule, support_verbs
from khaldun.mentions import RELATIVE_PRONOUNS
from khaldun.model import ActorKind, ActorMention
from khaldun.nlp.base import ParsedDoc, Token

MentionIndex = Mapping[int, tuple[ActorMention, ...]]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A verb without a subject of its own borrows its governor's through these relations.
_INHERIT_SUBJECT = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl", "acomp"})
_MAX_HOPS = 5


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


@dataclass(frozen=True)
class Argument:
    mentions: tuple[ActorMention, ...]
    how: str
    inferred: bool = False


# The source slot is filled by words that name no actor ("the football team arrived"):
# another sense of the trigger, or an event between non-political parties.
NOT_AN_ACTOR = Argument((), "the subject names no actor")


def match_sentence(
    doc: ParsedDoc,
    sent_index: int,
    lexicon: Lexicon,
    mentions: MentionIndex,
    *,
    misses: list[str] | None = None,
) -> list[Candidate]:
    """All candidate events of one sentence, without duplicates.

    Triggers that give no event append the reason to ``misses`` when given.
    """
    misses = misses if misses is not None else []
    sent = doc.sentences[sent_index]
    used_objects: set[int] = set()
    found: list[Candidate] = []
    for tok in doc.tokens[sent.start : sent.end]:
        if tok.pos in ("VERB", "AUX") and tok.lemma.lower() in lexicon.verbs:
            found.extend(
                _match_verb(doc, tok, lexicon.verbs[tok.lemma.lower()], mentions, used_objects, misses)
            )
    for tok in doc.tokens[sent.start : sent.end]:
        rule = lexicon.nouns.get(tok.lemma.lower())
        if rule and tok.pos in ("NOUN", "PROPN") and tok.i not in used_objects:
            found.extend(_match_noun(doc, tok, rule, mentions, misses))
    found = _drop_embedded(doc, found)
    complete = [c for c in found if c.source is not None and c.target is not None]
    # An event with an unknown side is a weaker reading; a sentence that has an
    # event with both sides does not need it.
    found = complete or found
    foreground = [c for c in found if not _background(doc, c.trigger)]
    return _dedupe(foreground or found)


def _drop_embedded(doc: ParsedDoc, candidates: list[Candidate]) -> list[Candidate]:
    """Drop events that are the content of another event's trigger: in "threatened to
    shell Iraqi towns" or "bombarded the city, killing eight", one event is coded."""
    fired = {c.trigger.i for c in candidates if c.target is not None}
    # A noun event under a light verb ("continued their hunger strike to demand ...")
    # governs what the verb's clause says next, as the verb itself would.
    fired |= {doc.head(c.trigger.i).i for c in candidates if c.trigger.dep == "dobj" and c.target is not None}
    fired |= {c.trigger.i for c in candidates if c.trigger.pos in ("NOUN", "PROPN")}
    kept = []
    for cand in candidates:
        current, governed = cand.trigger, False
        for _ in range(3):
            if current.dep not in ("xcomp", "advcl", "acl") or current.head == current.i:
                break
            current = doc.head(current.i)
            if current.i in fired:
                governed = True
                break
        if not governed:
            kept.append(cand)
    return kept


_BACKGROUND_MARKS = frozenset(
    {"after", "since", "before", "following", "because", "as", "while", "when", "until"}
)


def _background(doc: ParsedDoc, trigger: Token) -> bool:
    """A trigger that sets the scene rather than reports the news: a noun under a
    preposition ("in retaliation for an air raid"), or a clause opened by "after",
    "since", "because"..."""
    if trigger.pos in ("NOUN", "PROPN") and trigger.dep == "pobj":
        return True
    if trigger.dep == "advcl":
        return any(c.dep == "mark" and c.lower in _BACKGROUND_MARKS for c in doc.children(trigger.i))
    return False


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for cand in candidates:
        key = (
            cand.source.actor.id if cand.source else "",
            cand.target.actor.id if cand.target else "",
            cand.code,
        )
        if key not in seen:
            seen.add(key)
            out.append(cand)
    return out


# -- verbs -------------------------------------------------------------------


def _match_verb(
    doc: ParsedDoc,
    verb: Token,
    rules: tuple[TriggerRule, ...],
    mentions: MentionIndex,
    used: set[int],
    misses: list[str],
) -> list[Candidate]:
    dobj = _child(doc, verb, "dobj")
    object_words = _object_words(doc, dobj) if dobj is not None else {}
    attached = {c.lower for c in doc.children(verb.i) if c.dep in ("prt", "prep", "agent", "advmod")}
    for rule in rules:
        if rule.particle and not set(rule.particle) <= attached:
            continue
        if rule.object_nouns:
            hit = next((object_words[w] for w in object_words if w in rule.object_nouns), None)
            if dobj is None or hit is None:
                continue
            dobj = hit
            used.add(dobj.i)
            target, filler = _targets(doc, verb, rule, mentions, dobj)
            return _emit(doc, verb, dobj, rule, _verb_source(doc, verb, mentions), target, filler, misses)
        target, filler = _targets(doc, verb, rule, mentions, None)
        return _emit(doc, verb, verb, rule, _verb_source(doc, verb, mentions), target, filler, misses)
    return []


# Heads that measure or part out the real object: "5 million dollars of aid", "part of a
# military aid programme", "tons of food aid".
_MEASURE_WORDS = frozenset(
    {
        "dollar",
        "euro",
        "pound",
        "ton",
        "tonne",
        "kg",
        "kilogram",
        "barrel",
        "million",
        "billion",
        "part",
        "portion",
        "share",
        "number",
        "lot",
        "batch",
        "shipment",
        "package",
        "wave",
        "round",
        "series",
        "kind",
        "type",
        "worth",
        "amount",
        "sum",
        "total",
    }
)


def _object_words(doc: ParsedDoc, dobj: Token) -> dict[str, Token]:
    """Lemmas that name a verb's object, each with the token it sits on: the object itself,
    its compound modifiers ("aid deliveries"), and the noun a measure word is "of"."""
    words: dict[str, Token] = {dobj.lemma.lower(): dobj}
    for child in doc.children(dobj.i):
        if child.dep == "compound" and child.pos == "NOUN":
            words.setdefault(child.lemma.lower(), dobj)
    if dobj.lemma.lower() in _MEASURE_WORDS or dobj.ent_type in ("MONEY", "QUANTITY", "CARDINAL"):
        of = next((c for c in doc.children(dobj.i) if c.dep == "prep" and c.lower == "of"), None)
        inner = _child(doc, of, "pobj") if of is not None else None
        if inner is not None:
            for word, token in _object_words(doc, inner).items():
                words.setdefault(word, token)
    return words


def _is_passive(doc: ParsedDoc, verb: Token) -> bool:
    return any(c.dep in ("nsubjpass", "auxpass") for c in doc.children(verb.i))


def _verb_source(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    if _is_passive(doc, verb):
        agent = _child(doc, verb, "agent")
        pobj = _child(doc, agent, "pobj") if agent else None
        return (_argument(doc, pobj, mentions, "by-agent of the passive") or NOT_AN_ACTOR) if pobj else None
    subject = next((c for c in doc.children(verb.i) if c.dep in _SUBJECTS), None)
    if subject is not None:
        return _argument(doc, subject, mentions, "subject") or NOT_AN_ACTOR
    return _borrowed_subject(doc, verb, mentions)


def _borrowed_subject(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    """The subject of the verb this one depends on ("X is scheduled to meet", "X met and signed")."""
    current = verb
    for _ in range(_MAX_HOPS):
        if current.dep not in _INHERIT_SUBJECT or current.head == current.i:
            return None
        came_from, current = current, doc.head(current.i)
        controller = _child(doc, current, "dobj") if came_from.dep == "xcomp" else None
        if controller is not None and controller.i < came_from.i:
            # Object control: in "urged Iran to release them" Iran does the releasing.
            arg = _argument(doc, controller, mentions, f"object of {current.text!r}")
            return Argument(arg.mentions, arg.how, True) if arg else NOT_AN_ACTOR
        subject = next((c for c in doc.children(current.i) if c.dep in _SUBJECTS), None)
        if subject is not None:
            arg = _argument(doc, subject, mentions, f"subject of {current.text!r}")
            return Argument(arg.mentions, arg.how, True) if arg else NOT_AN_ACTOR
        if current.pos in ("NOUN", "PROPN"):
            return None
    return None


# -- nouns -------------------------------------------------------------------


def _match_noun(
    doc: ParsedDoc, noun: Token, rule: TriggerRule, mentions: MentionIndex, misses: list[str]
) -> list[Candidate]:
    if rule.requires_child and not any(c.dep in rule.requires_child for c in doc.children(noun.i)):
        return []
    target, filler = _targets(doc, noun, rule, mentions, None)
    return _emit(doc, noun, noun, rule, _noun_source(doc, noun, mentions), target, filler, misses)


def _noun_source(doc: ParsedDoc, noun: Token, mentions: MentionIndex) -> Argument | None:
    possessor = _child(doc, noun, "poss")
    if possessor is not None:
        return _argument(doc, possessor, mentions, "possessor") or NOT_AN_ACTOR
    by = next((c for c in doc.children(noun.i) if c.dep == "prep" and c.lower == "by"), None)
    if by is not None and _child(doc, by, "pobj"):
        return _argument(doc, _child(doc, by, "pobj"), mentions, "by-phrase")
    # The noun is the object or attribute of a verb ("began talks", "there is a will"),
    # or a purpose phrase of one ("arrived for talks"): the source is that verb's
    # subject, or that of the verb whose statement it is in.
    current = noun
    for hop in range(_MAX_HOPS):
        current = _governing_word(doc, current)
        if current is None:
            return None
        if hop == 0 and current.pos in ("VERB", "AUX") and current.lemma.lower() not in support_verbs():
            return None  # "called for sanctions": the sanctions are not the caller's
        subject = next((c for c in doc.children(current.i) if c.dep == "nsubj"), None)
        if subject is not None and subject.i != noun.i:
            arg = _argument(doc, subject, mentions, f"subject of {current.text!r}")
            return Argument(arg.mentions, arg.how, True) if arg else None
        if current.dep not in ("ccomp", "conj", "xcomp"):
            return None
    return None


def _governing_word(doc: ParsedDoc, token: Token) -> Token | None:
    """The verb a noun (or clause) depends on, through a preposition if need be; None at a subject."""
    if token.head == token.i or token.dep in ("nsubj", "nsubjpass"):
        return None
    head = doc.head(token.i)
    if token.dep == "pobj":
        verb = doc.head(head.i)
        return verb if head.dep == "prep" and verb.pos in ("VERB", "AUX") else None
    return head


# -- targets -----------------------------------------------------------------


def _targets(
    doc: ParsedDoc, trigger: Token, rule: TriggerRule, mentions: MentionIndex, obj: Token | None
) -> tuple[Argument | None, Token | None]:
    """The target, and the word that fills the target slot (an actor or not)."""
    if trigger.pos in ("VERB", "AUX") and _is_passive(doc, trigger) and not obj:
        subject = _child(doc, trigger, "nsubjpass")
        if subject is not None:
            return _argument(doc, subject, mentions, "subject of the passive"), subject
    filler = None
    for slot in rule.target:
        for token in _slot_tokens(doc, trigger, slot, obj):
            arg = _argument(doc, token, mentions, f"target slot {slot!r}")
            if arg is not None:
                return arg, token
            filler = filler or token
    dative = _child(doc, trigger, "dative") if trigger.pos in ("VERB", "AUX") else None
    if dative is not None:  # "gave the Ivory Coast 5 million dollars"
        arg = _argument(doc, dative, mentions, "indirect object")
        if arg is not None:
            return arg, dative
    if filler is None and trigger.pos in ("VERB", "AUX"):
        embedded = _embedded_target(doc, trigger, mentions)
        if embedded is not None:
            return embedded
    return None, filler


def _embedded_target(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> tuple[Argument, Token] | None:
    """The target of the action a verb introduces: "threatened to strike Israel",
    "agreed to meet Rouhani", "vowed to punish those responsible"."""
    action = next((c for c in doc.children(verb.i) if c.dep == "xcomp"), None)
    if action is None:
        return None
    candidates = [c for c in doc.children(action.i) if c.dep in ("dobj", "dative")]
    for prep in doc.children(action.i):
        if prep.dep == "prep" and prep.lower in _EMBEDDED_PREPS:
            candidates += [c for c in doc.children(prep.i) if c.dep == "pobj"]
    for token in candidates:
        arg = _argument(doc, token, mentions, f"target of the action {action.text!r}")
        if arg is not None:
            return arg, token
    return None


_EMBEDDED_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "for", "between"})


def _slot_tokens(doc: ParsedDoc, trigger: Token, slot: str, obj: Token | None) -> list[Token]:
    """The words that fill a target slot, in order (every "on" of "sanctions on Iran on Tuesday")."""
    if slot in ("dobj", "npadvmod", "attr", "dative"):
        return [c for c in doc.children(trigger.i) if c.dep == slot]
    if slot == "clause_subject":  # "demanded that the US cancel ...": the US
        clauses = [c for c in doc.children(trigger.i) if c.dep in ("ccomp", "xcomp")]
        return [s for c in clauses for s in doc.children(c.i) if s.dep == "nsubj"]
    # A preposition: on the trigger, on its object ("endorsed an agreement with the EU"),
    # or one clause down ("readiness to stand with X").
    obj = obj if obj is not None else _child(doc, trigger, "dobj")
    heads = [trigger] + ([obj] if obj is not None else [])
    heads += [c for h in list(heads) for c in doc.children(h.i) if c.dep in ("acl", "xcomp", "relcl")]
    return [
        pobj
        for head in heads
        for child in doc.children(head.i)
        if child.dep in ("prep", "agent") and child.lower == slot
        for pobj in doc.children(child.i)
        if pobj.dep == "pobj" and not _only_a_date(doc, pobj)  # "called on Tuesday for"
    ]


def _only_a_date(doc: ParsedDoc, token: Token) -> bool:
    return all(t.ent_type in ("DATE", "TIME") or t.pos in ("DET", "PUNCT") for t in doc.subtree(token.i))


# -- arguments ---------------------------------------------------------------


def _argument(doc: ParsedDoc, token: Token | None, mentions: MentionIndex, how: str) -> Argument | None:
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
    if any(m.mention.how.startswith("pronoun") for m in found):
        inferred = True
    return Argument(tuple(dict.fromkeys(found)), how, inferred)


def _actors_at(doc: ParsedDoc, token: Token, mentions: MentionIndex) -> tuple[ActorMention, ...]:
    """Actors named at a token: an apposed person first ("the minister, Zarif"), then the token."""
    for child in doc.children(token.i):
        if child.dep == "appos" and child.i in mentions:
            apposed = mentions[child.i]
            if any(m.actor.kind is ActorKind.PERSON for m in apposed):
                return apposed
    if token.i in mentions:
        return mentions[token.i]
    for child in doc.children(token.i):
        if child.dep == "appos" and child.i in mentions:
            return mentions[child.i]  # "the states The United": the apposition names it
    possessor = _child(doc, token, "poss")
    if possessor is not None and possessor.i in mentions and token.pos == "NOUN":
        return mentions[possessor.i]  # "welcomed Reagan's statement": the statement's author
    of = next((c for c in doc.children(token.i) if c.dep == "prep" and c.lower == "of"), None)
    pobj = _child(doc, of, "pobj") if of is not None else None
    if pobj is not None and pobj.i in mentions and token.pos == "NOUN":
        return mentions[pobj.i]  # "the leaders of Iran"
    return ()


def _coordinated(doc: ParsedDoc, token: Token) -> Iterator[Token]:
    yield token
    for child in doc.children(token.i):
        if child.dep == "conj":
            yield from _coordinated(doc, child)


def _antecedent_of_relative(doc: ParsedDoc, pronoun: Token) -> Token | None:
    for ancestor in doc.ancestors(pronoun.i):
        if ancestor.dep == "relcl":
            return doc.head(ancestor.i)
    return None


def _child(doc: ParsedDoc, token: Token | None, dep: str) -> Token | None:
    if token is None:
        return None
    return next((c for c in doc.children(token.i) if c.dep == dep), None)


# -- events ------------------------------------------------------------------


def _emit(
    doc: ParsedDoc,
    trigger: Token,
    trigger_end: Token,
    rule: TriggerRule,
    source: Argument | None,
    target: Argument | None,
    filler: Token | None,
    misses: list[str],
) -> list[Candidate]:
    if target is None and filler is not None and not (rule.target_optional or rule.thing_target):
        # "received weapons": the slot is taken by something that is not an actor,
        # which usually means another sense of the word.
        misses.append(
            f"trigger {trigger.text!r} (rule {rule.name}): target slot holds {filler.text!r}, not an actor"
        )
        return []
    if source is NOT_AN_ACTOR and not rule.thing_target:
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): the subject names no actor")
        return []
    if source is NOT_AN_ACTOR:
        source = None  # "a roadside bomb killed two soldiers": the doer is unknown
    if rule.reverse:  # "received aid from X": X is the one who gives
        source, target = target, source
    if source is None and target is None:
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): no source and target actor found")
        return []
    partial = source is None or (target is None and not rule.target_optional)
    if partial:
        missing = "source" if source is None else "target"
        misses.append(f"trigger {trigger.text!r} (rule {rule.name}): no {missing} actor found")
    code = _refined_code(doc, trigger, trigger_end, rule)
    inferred = int(bool(source and source.inferred)) + int(bool(target and target.inferred))
    notes = (
        f"source: {source.how}" if source else "source: none",
        f"target: {target.how}" if target else "target: none",
    )
    if target is None and source is not None and len(source.mentions) > 1 and _reciprocal(code):
        return _reciprocal_events(trigger, trigger_end, rule, code, source, inferred, notes)
    if source is not None and target is not None:
        others = tuple(t for t in target.mentions if not any(_same_party(s, t) for s in source.mentions))
        if not others and (rule.target_optional or rule.thing_target):
            target = None  # "Kenya deployed troops along its border": no other party
    out = []
    for src in source.mentions if source else (None,):
        for tgt in target.mentions if target else (None,):
            if src is not None and tgt is not None and _same_party(src, tgt):
                continue
            if not any(_political(m) for m in (src, tgt) if m is not None):
                continue
            out.append(Candidate(trigger, trigger_end, rule, code, src, tgt, inferred, notes, partial))
            if rule.reciprocal and src is not None and tgt is not None:
                back = (f"source: the other party ({notes[1]})", f"target: the other party ({notes[0]})")
                out.append(Candidate(trigger, trigger_end, rule, code, tgt, src, inferred, back, partial))
    return out


# Roots whose events between coordinated subjects run both ways ("Iran and Iraq held
# talks", "signed an agreement", "agreed to a ceasefire", "clashed"): intent,
# consult, cooperate, yield, fight.
_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06", "08", "19"})


def _reciprocal(code: str) -> bool:
    return code[:2] in _RECIPROCAL_ROOTS


def _reciprocal_events(
    trigger: Token,
    trigger_end: Token,
    rule: TriggerRule,
    code: str,
    parties: Argument,
    inferred: int,
    notes: tuple[str, str],
) -> list[Candidate]:
    """One event each way between every two coordinated parties."""
    note = (notes[0], "target: the other coordinated party (a reciprocal event)")
    return [
        Candidate(trigger, trigger_end, rule, code, a, b, inferred, note)
        for a in parties.mentions
        for b in parties.mentions
        if not _same_party(a, b) and a.actor.country != b.actor.country
    ]


def _political(am: ActorMention) -> bool:
    """An actor the knowledge base knows, or one the text places in a country or sector;
    events between names that are neither ("Real Madrid beat Barcelona") are not coded."""
    return am.actor.known or am.actor.country is not None or am.actor.sector is not None


def _same_party(source: ActorMention, target: ActorMention) -> bool:
    """An actor does not act on itself, nor on its own state named in passing."""
    if source.actor.id == target.actor.id:
        return True
    return target.actor.kind is ActorKind.STATE and target.actor.country == source.actor.country


def _refined_code(doc: ParsedDoc, trigger: Token, trigger_end: Token, rule: TriggerRule) -> str:
    if not rule.refine:
        return rule.code
    words = {w for t in doc.clause(trigger.i) for w in (t.lemma.lower(), t.lower)}
    for word, code in rule.refine.items():
        if word in words:
            return code
    return rule.code
