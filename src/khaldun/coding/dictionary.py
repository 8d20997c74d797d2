"""Match stage for a user's PETRARCH verb dictionary (``[petrarch] verbs``).

Each verb of a sentence that the dictionary lists (by its word form, "LEFT", else by
its lemma, "LEAVE") tries the patterns of its verb blocks, heaviest first. A pattern
matches when its words before ``*`` stand in the sentence before the verb, in order,
and its words after ``*`` after it (``_`` joins words that must be adjacent; a word not
written with a closing ``_`` also matches longer words it starts, as the old coders
matched stems). The first pattern that matches gives the code; with none, the verb's
or its block's code does; a null code (``---``) codes nothing.

The pattern's ``$`` and ``+`` name the source and target (the first actor from that
point on); ``%`` a compound actor: before the verb its members act on each other ("A
and B met"), after it they are the targets. A side the pattern leaves open is read
from the parse as khaldun reads it (:mod:`khaldun.coding.arguments`), the target
falling back to the first actor in the verb's own phrase. ``[A:B]`` codes the event
both ways: A from source to target, B back.

:func:`sentence_candidates` is what the pipeline calls: khaldun's own matching when no
verb dictionary is configured, the dictionary alone with ``[petrarch] only``, else
khaldun's candidates, and the dictionary's (between known actors) in sentences where
khaldun's lexicon finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from khaldun.coding.arguments import (
    NOT_AN_ACTOR,
    Argument,
    MentionIndex,
    argument,
    targets,
    verb_source,
)
from khaldun.coding.candidate import Candidate
from khaldun.coding.match import match_sentence
from khaldun.knowledge import Knowledge
from khaldun.knowledge.dictionaries.verbs import (
    COMPOUND,
    SKIP,
    SOURCE,
    SYNSET,
    TARGET,
    WORD,
    Element,
    EventCode,
    Pattern,
    Verb,
    VerbBlock,
    VerbDictionary,
)
from khaldun.knowledge.lexicon import TriggerRule
from khaldun.model import ActorMention
from khaldun.nlp.base import ParsedDoc, Token

# Where a target is looked for when the pattern does not mark it: the object and the
# prepositions PETRARCH reads a verb phrase's target from.
TARGET_SLOTS = (
    "dobj",
    "dative",
    "attr",
    "with",
    "to",
    "against",
    "on",
    "at",
    "from",
    "for",
    "into",
    "toward",
    "towards",
    "over",
    "about",
    "upon",
    "in",
    "of",
)
# Dependents through which a verb's own phrase runs (not its clauses with subjects of their own).
_PHRASE_DEPS = frozenset(
    {
        "dobj",
        "dative",
        "attr",
        "prep",
        "pobj",
        "prt",
        "npadvmod",
        "oprd",
        "xcomp",
        "acomp",
        "advmod",
        "acl",
        "advcl",
    }
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# A word of a pattern shorter than this matches only itself, not longer words it starts.
_MIN_STEM = 4


def sentence_candidates(
    kn: Knowledge, doc: ParsedDoc, sent_index: int, mentions: MentionIndex, *, misses: list[str]
) -> list[Candidate]:
    """The candidate events of a sentence, from khaldun's lexicon and/or the user's verb dictionary."""
    petrarch = kn.petrarch
    if petrarch is None or petrarch.verbs is None:
        return match_sentence(kn, doc, sent_index, mentions, misses=misses)
    if petrarch.only:
        return dictionary_candidates(kn, petrarch.verbs, doc, sent_index, mentions, misses)
    own = match_sentence(kn, doc, sent_index, mentions, misses=misses)
    if own:
        return own
    found = dictionary_candidates(kn, petrarch.verbs, doc, sent_index, mentions, misses)
    # Beside the lexicon, the dictionary fills sentences the lexicon codes nothing in, with
    # events between two known actors: added to sentences that have an event, or with a
    # side khaldun does not know, broad dictionaries (CAMEO.2.0) cost far more precision
    # than they bring recall.
    return [c for c in found if _known(c.source) and _known(c.target)]


def _known(am: ActorMention | None) -> bool:
    return am is not None and am.actor.known


def dictionary_candidates(
    kn: Knowledge,
    verbs: VerbDictionary,
    doc: ParsedDoc,
    sent_index: int,
    mentions: MentionIndex,
    misses: list[str],
) -> list[Candidate]:
    sent = doc.sentences[sent_index]
    out: list[Candidate] = []
    seen: set[tuple[str, str, str]] = set()
    for tok in doc.tokens[sent.start : sent.end]:
        if not _verb_like(doc, tok):
            continue
        hit = _best_match(kn, verbs, doc, tok, mentions)
        if hit is None:
            continue
        for cand in _candidates(kn, doc, tok, hit, mentions, misses):
            key = (_id(cand.source), _id(cand.target), cand.code)
            if key not in seen:
                seen.add(key)
                out.append(cand)
    return out


def _verb_like(doc: ParsedDoc, tok: Token) -> bool:
    """A verb, or a word the tagger took for a noun that heads a clause ("Estonia actxd from")."""
    if tok.pos in ("VERB", "AUX") or tok.tag.startswith("VB"):
        return True
    return tok.dep == "ROOT" and any(c.dep in ("nsubj", "prep", "dobj") for c in doc.children(tok.i))


def _id(am: ActorMention | None) -> str:
    return am.actor.id if am else ""


# -- which verb, which pattern ---------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    """A dictionary verb found in the text, the pattern that matched (if any) and its bindings."""

    verb: Verb
    block: VerbBlock
    first: int  # token span of the verb's words
    last: int
    pattern: Pattern | None
    bound: dict[str, int]  # SOURCE/TARGET/COMPOUND -> token index of the actor's head

    @property
    def code(self) -> EventCode:
        if self.pattern is not None and self.pattern.code is not None:
            return self.pattern.code
        return self.verb.code or self.block.code


def _entries(verbs: VerbDictionary, tok: Token) -> tuple[tuple[Verb, VerbBlock], ...]:
    return verbs.by_form(tok.text.upper()) or verbs.by_base(tok.lemma.upper())


def _best_match(
    kn: Knowledge, verbs: VerbDictionary, doc: ParsedDoc, tok: Token, mentions: MentionIndex
) -> _Hit | None:
    sent = doc.sentences[tok.sent]
    spans = [(v, b, _verb_span(doc, sent.start, sent.end, tok, v)) for v, b in _entries(verbs, tok)]
    found = [(v, b, s) for v, b, s in spans if s is not None]
    if not found:
        return None
    # A multi-word verb ("break down") is more specific than its single word.
    longest = max(len(v.words) for v, _, _ in found)
    found = [(v, b, s) for v, b, s in found if len(v.words) == longest]
    best: _Hit | None = None
    for verb, block, (first, last) in found:
        for pattern in block.patterns:
            if best is not None and best.pattern is not None and pattern.weight <= best.pattern.weight:
                break
            bound = _match_pattern(verbs, doc, sent.start, sent.end, first, last, pattern, mentions)
            if bound is not None:
                best = _Hit(verb, block, first, last, pattern, bound)
                break
        if best is None:
            best = _Hit(verb, block, first, last, None, {})
    return best


def _verb_span(doc: ParsedDoc, start: int, end: int, tok: Token, verb: Verb) -> tuple[int, int] | None:
    """Token span of a verb's words around the verb token, or None when they are not there."""
    before = verb.words[: verb.verb_at]
    first = tok.i - len(before)
    if first < start or any(not _word_at(doc, first + k, w, exact=True) for k, w in enumerate(before)):
        return None
    last = tok.i
    for word in verb.words[verb.verb_at + 1 :]:
        # A particle may stand after the object: "broke the talks off".
        nxt = next(
            (j for j in range(last + 1, min(end, last + 4)) if _word_at(doc, j, word, exact=True)), None
        )
        if nxt is None:
            return None
        last = nxt
    return first, last


def _word_at(doc: ParsedDoc, i: int, word: str, *, exact: bool) -> bool:
    tok = doc.tokens[i]
    text = tok.text.upper()
    if text == word or tok.lemma.upper() == word:
        return True
    return not exact and len(word) >= _MIN_STEM and text.startswith(word)


# -- pattern matching ------------------------------------------------------------------------


def _match_pattern(
    verbs: VerbDictionary,
    doc: ParsedDoc,
    start: int,
    end: int,
    first: int,
    last: int,
    pattern: Pattern,
    mentions: MentionIndex,
) -> dict[str, int] | None:
    """The bindings of a pattern's markers when it matches around the verb, else None."""
    bound: dict[str, int] = {}
    before = _Seq(verbs, doc, mentions, pattern.before, start, first, bound)
    if not before.match(0, start, None, must_end=first if pattern.verb_joined else None):
        return None
    after = _Seq(verbs, doc, mentions, pattern.after, last + 1, end, bound)
    if not after.match(0, last + 1, last + 1 if pattern.after and pattern.after[0].joined else None):
        return None
    return bound


class _Seq:
    """Elements of one side of a pattern, matched in order over tokens ``lo``..``hi``."""

    def __init__(
        self,
        verbs: VerbDictionary,
        doc: ParsedDoc,
        mentions: MentionIndex,
        elements: Sequence[Element],
        lo: int,
        hi: int,
        bound: dict[str, int],
    ) -> None:
        self.verbs, self.doc, self.mentions = verbs, doc, mentions
        self.elements, self.lo, self.hi, self.bound = elements, lo, hi, bound

    def match(self, k: int, pos: int, at: int | None, must_end: int | None = None) -> bool:
        """Match elements ``k``.. from ``pos`` (exactly at ``at`` when given)."""
        if k == len(self.elements):
            return must_end is None or pos == must_end
        element = self.elements[k]
        nxt = self.elements[k + 1] if k + 1 < len(self.elements) else None
        if element.kind == SKIP:
            return self.match(k + 1, pos, None, must_end)
        starts = [at] if at is not None else range(pos, self.hi)
        for i in starts:
            if i >= self.hi:
                return False
            for stop in self._ends(element, i):
                if element.kind in (SOURCE, TARGET, COMPOUND):
                    self.bound[element.kind] = stop - 1
                if self.match(k + 1, stop, stop if nxt is not None and nxt.joined else None, must_end):
                    return True
            if element.kind in (SOURCE, TARGET, COMPOUND):
                return False  # a marker takes the first actor from here, no later one
        return False

    def _ends(self, element: Element, i: int) -> Iterator[int]:
        """Where an element starting at token ``i`` ends (one past its last token)."""
        if element.kind == WORD:
            if _word_at(self.doc, i, element.value, exact=element.exact):
                yield i + 1
        elif element.kind == SYNSET:
            phrases = sorted(self.verbs.synsets[element.value].phrases, key=len, reverse=True)
            for phrase in phrases:
                if i + len(phrase) <= self.hi and all(
                    _word_at(self.doc, i + k, w, exact=False) for k, w in enumerate(phrase)
                ):
                    yield i + len(phrase)
        else:  # an actor marker: the first actor at or after i
            head = next((j for j in range(i, self.hi) if j in self.mentions), None)
            if head is not None:
                yield head + 1


# -- events ----------------------------------------------------------------------------------


def _candidates(
    kn: Knowledge, doc: ParsedDoc, verb: Token, hit: _Hit, mentions: MentionIndex, misses: list[str]
) -> list[Candidate]:
    code = hit.code
    where = f"trigger {verb.text!r} (dictionary {hit.block.name}"
    where += f", pattern line {hit.pattern.line})" if hit.pattern else f", verb line {hit.verb.line})"
    if code.blocks or code.empty:
        misses.append(f"{where}: the dictionary codes nothing here")
        return []
    # The rule's name says which line coded: "petrarch:restore/p991" (pattern), "/v987" (verb).
    line = f"p{hit.pattern.line}" if hit.pattern else f"v{hit.verb.line}"
    rule = TriggerRule(
        lemma=f"{hit.verb.base.lower()}/{line}",
        code=code.forward or code.reverse or "",
        pos="petrarch",
        target=TARGET_SLOTS,
        target_optional=True,
    )
    pairs = list(_pairs(kn, doc, verb, hit, rule, mentions))
    if not pairs:
        misses.append(f"{where}: no source and target actor found")
    out = []
    end = doc.tokens[hit.last]
    for source, target, how in pairs:
        for src in source.mentions:
            for tgt in target.mentions:
                if src.actor.id == tgt.actor.id:
                    continue
                notes = (f"source: {how[0]}", f"target: {how[1]}")
                if code.forward:
                    out.append(Candidate(verb, end, rule, code.forward, src, tgt, 0, notes))
                if code.reverse:
                    back = (f"source: the target ({how[1]})", f"target: the source ({how[0]})")
                    out.append(Candidate(verb, end, rule, code.reverse, tgt, src, 0, back, mirrored=True))
    return out


def _pairs(
    kn: Knowledge, doc: ParsedDoc, verb: Token, hit: _Hit, rule: TriggerRule, mentions: MentionIndex
) -> Iterator[tuple[Argument, Argument, tuple[str, str]]]:
    """(source, target, how each was found) for the event of a verb."""
    compound = hit.bound.get(COMPOUND)
    if compound is not None:
        members = argument(doc, doc.tokens[compound], mentions, "compound actor ('%')")
        if members is None:
            return
        if compound < verb.i:  # "A and B met": each with each other
            for m in members.mentions:
                one = Argument((m,), members.how)
                others = Argument(tuple(o for o in members.mentions if o is not m), members.how)
                if others.mentions:
                    yield one, others, ("a member of the compound", "the other members")
            return
        source = _source(kn, doc, verb, hit, mentions)
        if source is not None:
            yield source, members, (source.how, "the compound actor ('%')")
        return
    source = _source(kn, doc, verb, hit, mentions)
    target = _target(kn, doc, verb, hit, rule, mentions, source)
    if source is not None and target is not None:
        yield source, target, (source.how, target.how)
    elif source is not None and len(source.mentions) > 1 and hit.code.forward == hit.code.reverse:
        # A code given both ways ([064:064]) is a reciprocal event: "A and B renewed ties".
        for m in source.mentions:
            others = tuple(o for o in source.mentions if o is not m)
            yield Argument((m,), source.how), Argument(others, source.how), (source.how, "the other parties")


def _source(kn: Knowledge, doc: ParsedDoc, verb: Token, hit: _Hit, mentions: MentionIndex) -> Argument | None:
    if SOURCE in hit.bound:
        return argument(doc, doc.tokens[hit.bound[SOURCE]], mentions, "the pattern's '$'")
    found = verb_source(kn, doc, verb, mentions)
    if found is None:
        # The parser found no subject ("Estonia armed Libya" read "Estonia" as a modifier):
        # the actor right before the verb, as PETRARCH reads the sentence left to right.
        return _actor_before(doc, verb, mentions)
    return None if found is NOT_AN_ACTOR else found


def _actor_before(doc: ParsedDoc, verb: Token, mentions: MentionIndex) -> Argument | None:
    start = doc.sentences[verb.sent].start
    for i in range(verb.i - 1, start - 1, -1):
        tok = doc.tokens[i]
        if tok.pos == "VERB" or tok.text in (",", ";", ":"):
            return None
        if (
            i in mentions
            and tok.dep not in ("pobj", "poss")
            and not mentions[i][0].mention.how.startswith("pronoun")
        ):
            return argument(doc, tok, mentions, f"the actor before the verb, {tok.text!r}")
    return None


def _target(
    kn: Knowledge,
    doc: ParsedDoc,
    verb: Token,
    hit: _Hit,
    rule: TriggerRule,
    mentions: MentionIndex,
    source: Argument | None,
) -> Argument | None:
    if TARGET in hit.bound:
        return argument(doc, doc.tokens[hit.bound[TARGET]], mentions, "the pattern's '+'")
    own = {m.actor.id for m in source.mentions} if source else set()
    found, _ = targets(kn, doc, verb, rule, mentions, None)
    if found is not None and not found.place and any(m.actor.id not in own for m in found.mentions):
        return _with_conjuncts(doc, found, mentions)
    # "welcomed memos from X on its role": the first other actor of the verb's phrase.
    return _first_in_phrase(doc, verb, mentions, own)


def _with_conjuncts(doc: ParsedDoc, found: Argument, mentions: MentionIndex) -> Argument:
    """A target with the actors coordinated with it ("ties with Mordor, Rohan and Bree")."""
    extra: list[ActorMention] = []
    known = {m.actor.id for m in found.mentions}
    for m in found.mentions:
        if m.mention.head < 0:
            continue
        for conj in _conjuncts(doc, doc.tokens[m.mention.head]):
            for other in mentions.get(conj.i, ()):
                if other.actor.id not in known:
                    known.add(other.actor.id)
                    extra.append(other)
    return Argument((*found.mentions, *extra), found.how, found.inferred, found.place) if extra else found


def _conjuncts(doc: ParsedDoc, token: Token) -> Iterator[Token]:
    for child in doc.children(token.i):
        if child.dep == "conj":
            yield child
            yield from _conjuncts(doc, child)


def _first_in_phrase(doc: ParsedDoc, verb: Token, mentions: MentionIndex, own: set[str]) -> Argument | None:
    """The first actor in the verb's own phrase after it (its objects and prepositional
    phrases, not a clause with a subject of its own) that is not the source."""
    queue = [c for c in doc.children(verb.i) if c.i > verb.i and c.dep in _PHRASE_DEPS]
    seen: list[Token] = []
    while queue:
        token = queue.pop(0)
        if token.dep in ("advcl", "acl") and any(c.dep in _SUBJECTS for c in doc.children(token.i)):
            continue
        seen.append(token)
        queue += [c for c in doc.children(token.i) if c.dep in _PHRASE_DEPS or c.dep in ("conj", "appos")]
    for token in sorted(seen, key=lambda t: t.i):
        if token.i in mentions and any(m.actor.id not in own for m in mentions[token.i]):
            return argument(doc, token, mentions, f"first actor in the verb's phrase, {token.text!r}")
    return None
