"""Place stage: where an event happened.

A place phrase ("in Tehran", "at Mehrabad Airport", "in Basra") is looked up
in the gazetteer (:mod:`khaldun.knowledge.gazetteer`).

An event's place is the first resolvable place phrase found breadth-first
from its trigger ("met Y at the palace in Amman"), then in the clause
that governs it; for visits, the place visited.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace

from khaldun.coding.candidate import Candidate, Draft
from khaldun.coding.mentions import is_a_date
from khaldun.knowledge import Knowledge
from khaldun.knowledge.actors.base import HitKind
from khaldun.model import Place
from khaldun.nlp.base import ParsedDoc, Token
from khaldun.nlp.datelines import dateline_parts

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "through"})
_OTHER_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "csubj", "parataxis", "conj"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", ""})
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def story_home(kn: Knowledge, doc: ParsedDoc) -> str | None:
    """The country the story was filed from, by its dateline ("VALPARAISO, Chile (AP) -")."""
    return kn.gazetteer.home_country(*dateline_parts(doc.text))


def place_at(kn: Knowledge, doc: ParsedDoc, token: Token) -> Place | None:
    """The place a phrase head names: its entity or compound phrase; of the cities of one
    name, the one in the country the story was filed from, where there is one there."""
    dated = token.ent_type in ("DATE", "TIME")
    if token.ent_type in _NOT_PLACE_LABELS and (not dated or is_a_date(kn.kb, token)):
        return None  # "in March 2001" is a date, not March in Cambridgeshire
    home = story_home(kn, doc)
    for ent in doc.entities:
        if ent.start <= token.i < ent.end and ent.label in _PLACE_LABELS:
            place = kn.gazetteer.resolve(ent.text, home)
            if place is not None:
                return place
    start = token.i
    # The whole compound name, compounds of compounds included ("Cabo Delgado province"):
    # stopping at the word next to the head would read "Delgado province".
    while (
        start > 0
        and doc.tokens[start - 1].dep == "compound"
        and start <= doc.tokens[start - 1].head <= token.i
    ):
        start -= 1
    if token.pos == "PROPN":
        return kn.gazetteer.resolve(doc.span_text(start, token.i + 1), home)
    if token.lemma.lower() in kn.words["area_nouns"] and start < token.i:
        # "in Helmand province", "the Tyumen region": the name before the kind of area.
        whole = kn.gazetteer.resolve(doc.span_text(start, token.i + 1), home)
        return whole or kn.gazetteer.resolve(doc.span_text(start, token.i), home)
    return None


def event_place(
    kn: Knowledge, doc: ParsedDoc, trigger: Token, visited: Token | None = None
) -> tuple[Place | None, str]:
    """The event's place and how it was found."""
    if visited is not None:
        place = place_at(kn, doc, visited)
        if place is not None:
            return place, f"the place visited, {visited.text!r}"
    # The trigger's clause first, then a "when"/"as" clause that tells how it happened
    # ("killed six guards when they stormed a checkpoint in Kandahar").
    roots = [trigger, *_clause_governors(doc, trigger)]
    roots += [c for c in doc.children(trigger.i) if c.dep == "advcl" and _tells_how(doc, c)]
    for root in roots:
        for prep, pobj in _place_phrases(doc, root):
            if prep.lower == "on" and pobj.lemma.lower() not in kn.words["territory_nouns"]:
                continue  # "on Monday", "on the issue"; but "on the Afghan side", "on Syrian soil"
            place = place_at(kn, doc, pobj) or _place_in_phrase(kn, doc, pobj)
            if place is not None:
                return place, f"place phrase '{prep.text} {place.text}'"
    return None, "no place phrase"


def _place_in_phrase(kn: Knowledge, doc: ParsedDoc, head: Token, depth: int = 0) -> Place | None:
    """A place inside a common-noun phrase: "the town of Samarra", "Kenya's capital",
    "a residential sector of eastern Beirut", "the Iraqi city" (its country)."""
    if head.pos != "NOUN" or depth > 2:
        return None
    for child in doc.children(head.i):
        if child.dep == "poss" and child.pos == "PROPN":
            place = place_at(kn, doc, child)
            if place is not None:
                return place
        if child.dep == "prep" and child.lower == "of":
            pobj = next((c for c in doc.children(child.i) if c.dep == "pobj"), None)
            if pobj is not None:
                place = place_at(kn, doc, pobj) or _place_in_phrase(kn, doc, pobj, depth + 1)
                if place is not None:
                    return place
    for child in doc.children(head.i):
        if child.dep == "amod" and child.ent_type in ("NORP", "GPE"):
            place = kn.gazetteer.resolve(child.text) or _country_of_adjective(kn, child)
            if place is not None and place.country:
                return place
    return None


def _country_of_adjective(kn: Knowledge, adjective: Token) -> Place | None:
    """The country a nationality adjective names, as a place: "the Libyan capital"."""
    for hit in kn.kb.lookup(adjective.text):
        if hit.kind in (HitKind.ADJECTIVE, HitKind.COUNTRY) and hit.country is not None:
            return Place(name=hit.country.name, country=hit.country.iso3, text=adjective.text)
    return None


def _tells_how(doc: ParsedDoc, clause: Token) -> bool:
    """A clause opened by "when" or "as", or a participle ("..., killing 20 in Juba")."""
    marks = {c.lower for c in doc.children(clause.i) if c.dep in ("mark", "advmod")}
    return bool(marks & {"when", "as"}) or clause.tag == "VBG"


def _clause_governors(doc: ParsedDoc, trigger: Token) -> list[Token]:
    """The words the trigger's clause hangs from, up to its clause's head; a result
    participle ("shelled a market in Goma, killing 20") happens where its clause's act did."""
    out = []
    current = trigger
    while current.head != current.i and len(out) < 3:
        if current.dep in _OTHER_CLAUSES and not _result_participle(doc, current):
            break
        current = doc.head(current.i)
        out.append(current)
    return out


def _result_participle(doc: ParsedDoc, clause: Token) -> bool:
    """A bare participle clause after its act (", killing 20"), not "after killing 20"."""
    if clause.dep != "advcl" or clause.tag != "VBG" or clause.i < clause.head:
        return False
    return not any(c.dep in ("mark", "prep", "advmod") for c in doc.children(clause.i) if c.i < clause.i)


def _place_phrases(doc: ParsedDoc, root: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs breadth-first below ``root``, not entering other clauses."""
    found = []
    queue = deque([root])
    while queue:
        tok = queue.popleft()
        for child in doc.children(tok.i):
            if child.dep in _OTHER_CLAUSES:
                continue
            if child.dep in ("prep", "advmod") and child.lower in _PLACE_PREPS | {"on"}:
                pobj = next((c for c in doc.children(child.i) if c.dep == "pobj"), None)
                if pobj is None:  # "outside of Basra"
                    of = next((c for c in doc.children(child.i) if c.dep == "prep" and c.lower == "of"), None)
                    pobj = next((c for c in doc.children(of.i) if c.dep == "pobj"), None) if of else None
                if pobj is not None:
                    found.append((child, pobj))
            queue.append(child)
    return found


def read_place(kn: Knowledge, doc: ParsedDoc, draft: Draft) -> Draft:
    """Stage: where the event happened; for a visit, the place visited."""
    place, how = event_place(kn, doc, draft.cand.trigger, _visited_place_token(doc, draft.cand))
    return replace(draft, place=place, place_how=how)


def _visited_place_token(doc: ParsedDoc, cand: Candidate) -> Token | None:
    if not cand.rule.place_target or cand.target is None:
        return None
    head = cand.target.mention.head
    return doc.tokens[head] if head >= 0 else None
