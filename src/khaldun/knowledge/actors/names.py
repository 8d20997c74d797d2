"""Transliteration-aware name keys.

Two spellings of one Arabic or Persian name rarely agree letter for letter
(Al-Kazemi, Al-Kazimi, al-Kadhimi). A *name key* folds them together: ASCII
transliteration, lower case, articles and honorifics dropped, common
transliteration variants folded, doubled letters collapsed. Keys are for
lookup only; display always uses the canonical name from the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from anyascii import anyascii

_NON_LETTERS = re.compile(r"[^a-z]+")
_APOSTROPHES = re.compile(r"[’'`ʿʾ]")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


@dataclass(frozen=True)
class NameRules:
    articles: frozenset[str]
    honorifics: frozenset[str]
    folds: tuple[tuple[str, str], ...]
    numerals: frozenset[str] = frozenset()
    words: tuple[tuple[str, str], ...] = ()
    prefixes: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def name_rules() -> NameRules:
    """The bundled normalisation vocabulary (``data/actors/names.yaml``)."""
    raw = yaml.safe_load(resources.files("khaldun.data").joinpath("actors/names.yaml").read_text("utf-8"))
    return NameRules(
        articles=frozenset(raw["articles"]),
        honorifics=frozenset(raw["honorifics"]),
        folds=tuple((a, b) for a, b in raw["folds"]),
        numerals=frozenset(raw.get("numerals", ())),
        words=tuple((a, b) for a, b in raw.get("words", ())),
        prefixes=tuple(raw.get("joined_prefixes", ())),
    )


def name_parts(text: str, *, keep_honorifics: bool = False) -> list[str]:
    """Lower-case ASCII name parts with articles (and honorifics) removed."""
    rules = name_rules()
    text = _POSSESSIVE.sub("", text.strip())
    ascii_text = _APOSTROPHES.sub("", anyascii(text)).lower()
    parts = [p for p in _NON_LETTERS.split(ascii_text) if p]
    parts = [p for p in parts if p not in rules.articles and p not in rules.numerals]
    if not keep_honorifics:
        # Titles come before the name: "Prime Minister John Major" is "john major", and
        # a title word inside or after a name is a name part (Major, Hun Sen, King).
        while parts and parts[0] in rules.honorifics:
            parts = parts[1:]
    return _join_prefixes(parts, rules)


def _join_prefixes(parts: list[str], rules: NameRules) -> list[str]:
    """Write "Abd al-Aziz", "Abdul Aziz" and "Abdulaziz" alike: ``abd`` + the next part.

    Also folds whole-word variants ("ibn" → "bin") and drops a word-internal
    article ("abdelfattah" → "abdfattah").
    """
    words = dict(rules.words)
    parts = [words.get(p, p) for p in parts]
    out: list[str] = []
    for part in parts:
        if out and out[-1] == "abd" and part != "abd":
            out[-1] = "abd" + part
            continue
        for prefix in rules.prefixes:
            if part.startswith(prefix) and len(part) > len(prefix) + 2:
                part = "abd" + part[len(prefix) :]
                break
        out.append("abd" if part in rules.prefixes else part)
    return out


def fold_part(part: str) -> str:
    """Fold one name part: transliteration variants to one spelling, doubles collapsed."""
    for src, dst in name_rules().folds:
        part = part.replace(src, dst)
    part = re.sub(r"(.)\1+", r"\1", part)
    # A final -h after a vowel is often dropped in transliteration (Abdullah/Abdulla).
    return part[:-1] if len(part) > 3 and part.endswith("h") else part


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a name: folded parts joined by spaces ("" if nothing is left)."""
    return " ".join(fold_part(p) for p in name_parts(text))


def surname_key(text: str) -> str:
    """The key of the last name part, for short references ("Kadhimi" for the full name)."""
    key = name_key(text)
    return key.rsplit(" ", 1)[-1] if key else ""
