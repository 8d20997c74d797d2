"""Sparse features of one parsed sentence, for the learned second opinion.

What a coder reads to decide an event: the words (lemmas, and pairs of them), the
main verbs with what they govern (verb + object, verb + preposition + object), the
negation and modal cues, and what the rules made of the sentence (the roots and
rules of their events, or that they found none). The rules' output is a feature, not
a given, so the model learns where they are trusted: a stacked second opinion.

Features are plain strings; the model hashes nothing, so a feature's weight can be
read back (``khaldun train`` writes the vocabulary with the weights).
"""

from __future__ import annotations

from collections.abc import Iterable

from khaldun.nlp.base import ParsedDoc, Sentence, Token

# Verbs' dependents that carry the event's meaning (its object and particle).
_OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "acomp", "xcomp", "prt", "oprd"})
_CONTENT_POS = frozenset({"VERB", "NOUN", "ADJ", "PROPN", "ADV", "ADP", "PART"})
_MAX_LEMMA = 30


def sentence_features(parsed: ParsedDoc, sent: Sentence, rule_events: Iterable[tuple[str, str]]) -> list[str]:
    """Features of ``sent``; ``rule_events`` are the (CAMEO code, rule) pairs the rules coded there."""
    tokens = parsed.tokens[sent.start : sent.end]
    feats = _word_features(tokens)
    feats.extend(_structure_features(parsed, tokens))
    feats.extend(_rule_features(rule_events))
    return feats


def _lemma(tok: Token) -> str:
    if tok.ent_type in ("GPE", "NORP", "PERSON", "ORG", "LOC", "FAC"):
        return f"<{tok.ent_type}>"
    if tok.pos == "NUM":
        return "<NUM>"
    return tok.lemma.lower()[:_MAX_LEMMA]


def _word_features(tokens: tuple[Token, ...]) -> list[str]:
    words = [_lemma(t) for t in tokens if t.pos != "PUNCT" and t.pos != "SPACE"]
    feats = [f"w:{w}" for w in words]
    feats.extend(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    return feats


def _structure_features(parsed: ParsedDoc, tokens: tuple[Token, ...]) -> list[str]:
    feats: list[str] = []
    for tok in tokens:
        if tok.pos not in ("VERB", "AUX") and tok.dep != "ROOT":
            continue
        verb = _lemma(tok)
        if tok.dep == "ROOT":
            feats.append(f"root:{verb}")
        for child in parsed.children(tok.i):
            if child.dep in _OBJECT_DEPS:
                feats.append(f"vo:{verb}_{_lemma(child)}")
            elif child.dep == "prep":
                objects = [g for g in parsed.children(child.i) if g.dep == "pobj"]
                feats.append(f"vp:{verb}_{child.lemma.lower()}")
                feats.extend(f"vpo:{verb}_{child.lemma.lower()}_{_lemma(g)}" for g in objects)
            elif child.dep == "neg":
                feats.append(f"neg:{verb}")
            elif child.dep == "aux" and child.tag == "MD":
                feats.append(f"modal:{child.lemma.lower()}")
            elif child.dep == "agent":
                feats.append(f"passive_by:{verb}")
    return [f for f in feats if f.split(":", 1)[1].strip("_")]


def _rule_features(rule_events: Iterable[tuple[str, str]]) -> list[str]:
    feats: list[str] = []
    for code, rule in rule_events:
        feats.append(f"rule_root:{code[:2]}")
        feats.append(f"rule_code:{code}")
        kind, _, words = rule.partition(":")
        feats.append(f"rule_kind:{kind}")
        if words:
            feats.append(f"rule:{rule[:60]}_{code[:2]}")
    if not feats:
        feats.append("rule_none")
    return feats
