"""Mention stage: find the noun phrases that may name actors and read their cues.

For every noun-phrase head in a sentence, the phrase (the head and its
left-hand modifiers: compounds, adjectives, possessors) is scanned against
the knowledge base. The result is a :class:`PhraseCues`: the person name in
the phrase, the countries, sectors and organisations it names. Turning cues
into one identity per actor is the job of :mod:`khaldun.coding.resolve`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.base import Hit, HitKind, KnowledgeBase
from khaldun.nlp.base import ParsedDoc, Token

# Dependents that belong to a noun phrase's own words (not its clauses or PPs).
_PHRASE_DEPS = frozenset(
    # npadvmod: "Vietnamese-led forces" hangs "Vietnamese" on "led"
    {"compound", "amod", "poss", "nmod", "flat", "case", "punct", "det", "nummod", "quantmod", "npadvmod"}
)
# Heads of actor phrases: nouns, proper nouns and pronouns.
_HEAD_POS = frozenset({"NOUN", "PROPN", "PRON"})
PERSON_LABELS = frozenset({"PERSON"})
# Entity labels that rule out a person name (the tagger often calls a name NORP or GPE, so
# those stay open; a KB match still decides).
NOT_PERSON_LABELS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "FAC", "LAW", "EVENT"}
)
# How a side given the story's country (it named none of its own) says so: a country the
# sentence names after all ("protesters from Syria") still wins.
STORY_COUNTRY = "the country the story has named most"
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
# Pronouns for a part of a group the "of" phrase names ("some of the protesters").
PARTITIVE_PRONOUNS = frozenset(
    {"some", "many", "most", "several", "all", "few", "none", "each", "both", "one"}
)
# The speaker's own words: in a quote, who says them.
FIRST_PERSON_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our"})
# Possessives by which doers name what is their own ("pull back their forces").
OWN_POSSESSIVES = frozenset({"their", "its", "his", "her", "our"})


def is_a_date(kb: KnowledgeBase, token: Token) -> bool:
    """Whether a token the tagger labels a date or time is one: "in March" is, "in Niger"
    (which the small English model labels DATE) is a country."""
    if token.ent_type not in ("DATE", "TIME"):
        return False
    return token.pos != "PROPN" or not any(h.kind is HitKind.COUNTRY for h in kb.lookup(token.text))


@dataclass(frozen=True)
class Cue:
    """A knowledge-base hit on tokens ``start``..``end`` (exclusive) of the document."""

    start: int
    end: int
    text: str
    hit: Hit


@dataclass(frozen=True)
class PhraseCues:
    """What a noun phrase says about the actor it names."""

    head: int
    start: int  # first token of the phrase
    end: int  # one past the head
    text: str
    name: tuple[int, int] | None  # token span of a person name
    cues: tuple[Cue, ...]

    def of_kind(self, *kinds: HitKind) -> list[Cue]:
        return [c for c in self.cues if c.hit.kind in kinds]

    def countries(self) -> list[str]:
        """ISO3 codes the phrase names (by name, adjective, capital or seat), in order."""
        seen: dict[str, None] = {}
        for cue in self.cues:
            if cue.hit.country is not None:
                seen[cue.hit.country.iso3] = None
        return list(seen)

    def covers_head(self, cue: Cue) -> bool:
        return cue.start <= self.head < cue.end


def done_by_nature(kn: Knowledge, doc: ParsedDoc, trigger: Token) -> bool:
    """True when the verb's doer (its subject, or the "by" of its passive) is a force of
    nature or a disease (``natural_forces``); a participle or conjunct with no doer of its
    own has its verb's ("the quake struck Lombok, killing two people")."""
    verb = trigger
    for _ in range(3):
        doers = []
        for child in doc.children(verb.i):
            if child.dep == "nsubj":
                doers.append(child)
            elif child.dep == "agent":
                doers += [p for p in doc.children(child.i) if p.dep == "pobj"]
        if doers or verb.dep not in ("advcl", "conj", "xcomp") or verb.head == verb.i:
            break
        verb = doc.head(verb.i)
    # A named storm is named by its kind too: "Cyclone Nesta", "Hurricane Maria".
    words = [d.lemma.lower() for d in doers]
    words += [c.lemma.lower() for d in doers for c in doc.children(d.i) if c.dep == "compound"]
    return any(w in kn.words["natural_forces"] for w in words)


def names_people(kn: Knowledge, head: Token) -> bool:
    """True for nouns of groups of people ("nationalists", "hackers", "the Turkish side")."""
    words, endings = kn.groups.words, kn.groups.plural_endings
    low = head.lower
    return head.pos == "NOUN" and (low in words or (head.tag == "NNS" and low.endswith(endings)))


def phrase_heads(doc: ParsedDoc, sent_index: int) -> Iterator[Token]:
    """Tokens of a sentence that head a noun phrase (not themselves inside a compound)."""
    sent = doc.sentences[sent_index]
    for tok in doc.tokens[sent.start : sent.end]:
        if (tok.pos in _HEAD_POS or _acronym_argument(tok)) and tok.dep not in ("compound", "flat"):
            yield tok
        elif bare_number_subject(tok):
            yield tok


def bare_number_subject(tok: Token) -> bool:
    """A number that stands alone for people, as a passive's subject: "at least 20 were
    arrested" (the people just named), not a date or an amount."""
    return tok.pos == "NUM" and tok.dep == "nsubjpass" and tok.ent_type in ("CARDINAL", "")


def _acronym_argument(tok: Token) -> bool:
    """An acronym the tagger took for a verb where the parse wants a noun ("The West
    African bloc ECOWAS condemned": a subject)."""
    return tok.dep in ("nsubj", "nsubjpass", "dobj", "pobj") and len(tok.text) > 2 and tok.text.isupper()


def name_before_and(doc: ParsedDoc, head: Token) -> Token | None:
    """The first of two coordinated titled names that the parser hung on the second as a
    modifier carrying the "and" ("Prime Minister Fumio Kishida and President Yoon Suk
    Yeol": Kishida on Yeol); a name of several words, so "Bosnia and Herzegovina" is none."""
    if head.pos != "PROPN":
        return None
    for child in doc.children(head.i):
        kids = doc.children(child.i)
        if (
            child.dep == "nmod"
            and child.pos == "PROPN"
            and child.i < head.i
            and any(c.dep == "cc" and c.lower == "and" for c in kids)
            and any(c.dep == "compound" and c.pos == "PROPN" for c in kids)
        ):
            return child
    return None


def phrase_span(doc: ParsedDoc, head: Token) -> tuple[int, int]:
    """Token span of the head with its left-hand phrase modifiers (not those of a first
    conjunct the parser hung on it)."""
    start = head.i
    stack = [head.i]
    while stack:
        for child in doc.children(stack.pop()):
            if child.i < head.i and child.dep in _PHRASE_DEPS:
                start = min(start, child.i)
                stack.append(child.i)
    first = name_before_and(doc, head)
    if first is not None:
        start = 1 + next(c.i for c in doc.children(first.i) if c.dep == "cc" and c.lower == "and")
    # A leading determiner or possessive marker adds nothing to lookups.
    while start < head.i and doc.tokens[start].pos in ("DET", "PUNCT", "PART"):
        start += 1
    if _place_preposition_taken_for_a_modifier(doc, start, head):
        start += 1
    return start, head.i + 1


# Words that are prepositions of place before a bare singular noun ("protested outside
# parliament") and modifiers before a plural or after a determiner ("outside powers").
_PLACE_WORDS = frozenset({"outside", "inside"})


def _place_preposition_taken_for_a_modifier(doc: ParsedDoc, start: int, head: Token) -> bool:
    """ "outside parliament" parsed as one noun phrase: the place word is no part of it."""
    word = doc.tokens[start]
    if start >= head.i or word.lower not in _PLACE_WORDS or head.tag in ("NNS", "NNPS"):
        return False
    return not (start > 0 and doc.tokens[start - 1].pos == "DET" and doc.tokens[start - 1].head == head.i)


def read_phrase(doc: ParsedDoc, head: Token, kb: KnowledgeBase) -> PhraseCues:
    """Scan a noun phrase for knowledge-base cues and a person name."""
    start, end = phrase_span(doc, head)
    long_name = _name_with_complement(doc, head, start, kb)
    if long_name is not None:
        # "the Organisation of Islamic Cooperation": the whole name, past the head.
        before = _phrase_cues(doc, start, long_name.start, head, kb)
        text = doc.span_text(start, long_name.end)
        return PhraseCues(head.i, start, long_name.end, text, None, (*before, long_name))
    name = _name_span(doc, start, end) or _known_name_mislabelled(doc, start, end, kb)
    cues = _phrase_cues(doc, start, end, head, kb)
    if name is not None and any(c.start <= name[0] and c.end >= name[1] for c in cues):
        name = None  # the "name" is a known phrase: a country, organisation, title
    return PhraseCues(head.i, start, end, doc.span_text(start, end), name, cues)


def _phrase_cues(doc: ParsedDoc, start: int, end: int, head: Token, kb: KnowledgeBase) -> tuple[Cue, ...]:
    return tuple(c for c in _scan(doc, start, end, kb) if _counts(doc, c, head) and not _negated_cue(doc, c))


# Words that carry a name on past its head: prepositions ("Organisation of Islamic
# Cooperation", "Organization for Security and Co-operation in Europe", "Reporters Without
# Borders") and an infinitive's "to" ("Committee to Protect Journalists").
_NAME_LINKS = frozenset({"of", "for", "without", "to"})


def _name_with_complement(doc: ParsedDoc, head: Token, start: int, kb: KnowledgeBase) -> Cue | None:
    """A knowledge-base name that runs on past the head through an "of"/"for" phrase or an
    infinitive ("Department of Homeland Security", "Committee to Protect Journalists"),
    longest first."""
    if head.pos not in ("PROPN", "NOUN") or not head.text[:1].isupper():
        return None
    for kid in doc.children(head.i):
        if kid.i <= head.i or kid.dep not in ("prep", "acl", "relcl"):
            continue
        span = [t.i for t in doc.subtree(kid.i)]
        link = doc.tokens[min(span)]
        if link.i != head.i + 1 or link.lower not in _NAME_LINKS:
            continue
        end = max(span) + 1
        while end > link.i + 1 and doc.tokens[end - 1].pos == "PUNCT":
            end -= 1
        for stop in range(end, link.i + 1, -1):
            for first in range(start, head.i + 1):
                text = _lookup_text(doc, first, stop)
                hits = [h for h in kb.lookup(text) if h.kind in (HitKind.ORGANISATION, HitKind.COUNTRY)]
                if hits:
                    return Cue(first, stop, text, _prefer(hits))
    return None


_AGAINST_PREFIXES = frozenset({"anti", "pro", "non", "ex", "post", "pre"})


# Words a nationality adjective names the language of: "its French acronym", "the Arabic name".
_LANGUAGE_NOUNS = frozenset(
    {"acronym", "abbreviation", "initials", "name", "translation", "spelling", "word"}
)


# Words that make "America(n)" a continent or a region, not the United States: "Latin
# American countries", "South America", "Native Americans".
_AMERICAS_PREFIXES = frozenset({"latin", "south", "central", "north", "native", "pan", "meso"})


def _negated_cue(doc: ParsedDoc, cue: Cue) -> bool:
    """ "anti-Syria", "pro-Iranian": the country describes a stance, not the actor's
    nationality; nor does "ethnic Albanians" say which state they live in, nor "its French
    acronym" whose it is, nor "Latin American" which state it is."""
    if cue.start >= 1 and doc.tokens[cue.start - 1].lower == "ethnic" and cue.hit.kind is not HitKind.PEOPLE:
        return True
    before = doc.tokens[cue.start - 1].lower if cue.start >= 1 else ""
    if before.rstrip("-") in _AMERICAS_PREFIXES and cue.text.lower().startswith("america"):
        return True
    if cue.end < len(doc.tokens) and doc.tokens[cue.end].lower in _LANGUAGE_NOUNS:
        return True
    if cue.start < 2 or doc.tokens[cue.start - 1].text != "-":
        return doc.tokens[cue.start].lower.split("-")[0] in _AGAINST_PREFIXES
    return doc.tokens[cue.start - 2].lower in _AGAINST_PREFIXES


def _counts(doc: ParsedDoc, cue: Cue, head: Token) -> bool:
    """A sector word counts when it is the head ("Iranian officials") or a noun before it
    ("government departments"), not an adjective ("an official visit")."""
    if cue.hit.kind is not HitKind.SECTOR or cue.start <= head.i < cue.end:
        return True
    return all(doc.tokens[i].pos in ("NOUN", "PROPN") for i in range(cue.start, cue.end))


def _name_span(doc: ParsedDoc, start: int, end: int) -> tuple[int, int] | None:
    """The person name at the end of a phrase: a PERSON entity, or a proper-noun run."""
    head = doc.tokens[end - 1]
    if head.pos != "PROPN" or head.ent_type in NOT_PERSON_LABELS:
        return None
    first = end - 1
    while (
        first > start
        and doc.tokens[first - 1].pos in ("PROPN", "PUNCT")
        and doc.tokens[first - 1].text != ","
    ):
        first -= 1
    if head.ent_type in PERSON_LABELS:
        # Trust the entity's left edge when the tagger marked one.
        for ent in doc.entities:
            if ent.start <= head.i < ent.end and ent.label in PERSON_LABELS:
                first = max(start, ent.start)
                break
    while first < end and doc.tokens[first].pos == "PUNCT":
        first += 1
    return (first, end) if first < end else None


def _known_name_mislabelled(
    doc: ParsedDoc, start: int, end: int, kb: KnowledgeBase
) -> tuple[int, int] | None:
    """A proper-noun run the tagger took for a building or an event ("Iran's Abbas Araghchi
    and ..." as FAC) that the knowledge base knows by a person's full name."""
    head = doc.tokens[end - 1]
    if head.pos != "PROPN" or head.ent_type not in ("FAC", "EVENT", "LAW"):
        return None
    first = end - 1
    while first > start and doc.tokens[first - 1].pos == "PROPN":
        first -= 1
    if first == end - 1:
        return None  # one word: a surname alone is too weak against the tagger's label
    match = kb.find_person(doc.span_text(first, end))
    return (first, end) if match is not None and match.how == "alias" else None


def _scan(doc: ParsedDoc, start: int, end: int, kb: KnowledgeBase) -> Iterator[Cue]:
    """Longest-first knowledge-base matches over the tokens of a phrase."""
    i = start
    while i < end:
        found = None
        for j in range(min(end, i + kb.max_phrase_words + 2), i, -1):
            text = _lookup_text(doc, i, j)
            hits = kb.lookup(text)
            if not hits and j == i + 1 and doc.tokens[i].lemma.lower() != text.lower():
                hits = kb.lookup(doc.tokens[i].lemma)  # plural or inflected sector words
            if hits:
                found = Cue(i, j, text, _prefer(hits))
                break
        if found:
            yield found
            i = found.end
        else:
            i += 1


def _lookup_text(doc: ParsedDoc, i: int, j: int) -> str:
    text = doc.span_text(i, j)
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _prefer(hits: tuple[Hit, ...] | list[Hit] | object) -> Hit:
    """Among hits for one phrase, prefer organisations and countries over sector words."""
    order = {
        HitKind.ORGANISATION: 0,
        HitKind.COUNTRY: 1,
        HitKind.SEAT: 2,
        HitKind.CAPITAL: 3,
        HitKind.ADJECTIVE: 4,
        HitKind.PEOPLE: 5,
        HitKind.SECTOR: 6,
        HitKind.PERSON: 7,
    }
    return min(hits, key=lambda h: order[h.kind])  # type: ignore[arg-type]
