"""A knowledge base made only of the PETRARCH/TABARI actor and agent dictionaries a user
gives (``[petrarch] only = true``): nothing of the bundled actors, so the dictionaries'
own codes (``ARN``, ``GONGOV``, real or not) are the only ones coded.

Entries are read with :func:`khaldun.knowledge.actors.petrarch.parse_dictionary` and
mapped as PETRARCH codes them:

* an entry with dated codes (``[HOBGOV 950601-990815]``) is a person, whose code is the
  one valid on the event's date (its undated code gives the country outside the dates);
* an entry whose code is three letters (``ARNOR [ARN]``, ``BILBO [HOB]``) names a
  country-level actor of that code;
* any other code (``ISRAELI_TROOPS [ISRMIL]``, ``THE_AU [IGOAFR]``) is an organisation
  coded as written;
* an agent (``POLICE [~COP]``) is a sector word added after the country; ``[NGO~]``
  stands alone, as an organisation code.

A one-word phrase not written with a closing ``_`` also matches capitalised words that
start with it ("ARGENTIN" finds "Argentina", "Argentine"), as the old coders matched stems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from khaldun.errors import DictionaryError
from khaldun.knowledge.actors.base import (
    Country,
    Hit,
    HitKind,
    Organisation,
    Person,
    PersonMatch,
    SectorTerm,
)
from khaldun.knowledge.actors.builtin import normalise_phrase
from khaldun.knowledge.actors.petrarch import DictEntry, decode, parse_dictionary
from khaldun.model import Role

# Stems shorter than this match only whole words ("ENT" must not find "entered").
_MIN_STEM = 4
_FIRST_WORD = re.compile(r"^\s*\+?([^\s\[{#;]+)")


class DictionaryKB:
    """The knowledge base of the given dictionaries alone (see the module docs)."""

    def __init__(self, files: Sequence[str]) -> None:
        self.sources = tuple(files)
        self.warnings: list[str] = []
        self.max_phrase_words = 1
        self._hits: dict[str, list[Hit]] = defaultdict(list)
        self._stems: dict[str, list[Hit]] = defaultdict(list)
        self._countries: dict[str, Country] = {}
        self._people: dict[str, list[Person]] = defaultdict(list)
        for file in files:
            self._read(file)

    # -- reading -------------------------------------------------------------------------

    def _read(self, file: str) -> None:
        try:
            text = decode(Path(file).read_bytes())
        except OSError as exc:
            raise DictionaryError(f"actor dictionary {file}: cannot be read ({exc.strerror})") from None
        text = _without_semicolon_comments(text)
        whole_words = _whole_word_phrases(text)
        entries, warnings = parse_dictionary(text, file)
        self.warnings.extend(warnings)
        for entry in entries:
            if not entry.codes:
                continue  # a bare phrase names nothing
            phrases = [p for p in (entry.phrase, *entry.synonyms) if p]
            if any("~" in c.code for c in entry.codes):
                self._add_agent(entry, phrases)
            elif any(c.dated for c in entry.codes):
                self._add_person(entry, phrases, file)
            else:
                self._add_actor(entry.codes[-1].code.upper(), phrases, whole_words, file, entry)

    def _add_agent(self, entry: DictEntry, phrases: list[str]) -> None:
        raw = next(c.code for c in entry.codes if "~" in c.code).strip()
        terms = [*phrases, *(entry.plurals or [])]
        if entry.plurals is None:
            terms += [_plural(p) for p in phrases]  # PETRARCH forms regular plurals itself
        if raw.endswith("~"):  # "[NGO~]": a code of its own, not a sector of a country
            org = Organisation(
                f"dict:{_slug(entry.phrase)}", entry.phrase.title(), raw.strip("~"), None, None, "group"
            )
            for term in terms:
                self._index(term, Hit(HitKind.ORGANISATION, organisation=org))
            return
        code = raw.strip("~")
        for term in terms:
            self._index(term, Hit(HitKind.SECTOR, sector=SectorTerm(term.lower(), code, code, "group")))

    def _add_person(self, entry: DictEntry, phrases: list[str], file: str) -> None:
        undated = [c.code.upper() for c in entry.codes if not c.dated]
        roles = tuple(
            Role(f"dictionary code {c.code}", c.code.upper(), _country(c.code), "other", c.start, c.end)
            for c in entry.codes
            if c.dated
        )
        person = Person(
            id=f"dict:{_slug(entry.phrase)}",
            name=entry.phrase.title(),
            country=_country(undated[-1]) if undated else None,
            aliases=tuple(p.title() for p in phrases),
            roles=roles,
            source=file,
        )
        for phrase in phrases:
            self._people[_key(phrase)].append(person)

    def _add_actor(
        self, code: str, phrases: list[str], whole_words: set[str], file: str, entry: DictEntry
    ) -> None:
        if not re.fullmatch(r"[A-Z0-9]{3,}", code):
            # "[---]", "[+++]", "[ELR/GAL]": no code PETRARCH could write for this actor.
            self.warnings.append(f"{file} line {entry.line}: code [{code}] names no actor, skipped")
            return
        if len(code) == 3:
            country = self._countries.setdefault(
                code, Country(code, code[:2], entry.phrase.title(), "", None, None)
            )
            hit = Hit(HitKind.COUNTRY, country=country)
        else:
            org = Organisation(
                f"dict:{_slug(entry.phrase)}",
                entry.phrase.title(),
                code,
                _country(code),
                code[3:6] or None,
                "group",
            )
            hit = Hit(HitKind.ORGANISATION, organisation=org)
        for phrase in phrases:
            self._index(phrase, hit)
            if " " not in phrase and len(phrase) >= _MIN_STEM and phrase not in whole_words:
                self._stems[phrase.upper()].append(hit)

    def _index(self, phrase: str, hit: Hit) -> None:
        key = _key(phrase)
        if key and hit not in self._hits[key]:
            self._hits[key].append(hit)
            self.max_phrase_words = max(self.max_phrase_words, len(key.split()))

    # -- the KnowledgeBase protocol ----------------------------------------------------------

    def lookup(self, phrase: str) -> Sequence[Hit]:
        key = _key(phrase)
        found = self._hits.get(key)
        if found:
            return found
        if " " in key or not phrase[:1].isupper():
            return ()
        word = key.upper()
        for end in range(len(word) - 1, _MIN_STEM - 1, -1):
            stem = self._stems.get(word[:end])
            if stem:
                return stem
        return ()

    def find_person(
        self, name: str, *, country: str | None = None, day: dt.date | None = None
    ) -> PersonMatch | None:
        people = self._people.get(_key(name), [])
        if len(people) != 1:
            return None  # unknown, or several entries under one phrase: not guessed
        return PersonMatch(people[0], "alias", 100.0, _key(name), "dictionary phrase")

    def office_holder(self, country: str, phrase: str, day: dt.date | None) -> Person | None:
        return None  # the dictionaries name people, not offices

    def office_of(self, phrase: str) -> str | None:
        return None

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3)

    def countries(self) -> Sequence[Country]:
        return tuple(self._countries.values())


def _key(phrase: str) -> str:
    return normalise_phrase(phrase.replace("_", " ")).lower()


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def _country(code: str) -> str | None:
    head = code[:3].upper()
    return head if re.fullmatch(r"[A-Z]{3}", head) else None


def _plural(phrase: str) -> str:
    if phrase.endswith("Y") and phrase[-2:-1] not in ("A", "E", "O", "U"):
        return phrase[:-1] + "IES"
    return phrase + ("ES" if phrase.endswith(("SS", "SH", "CH", "X")) else "S")


def _without_semicolon_comments(text: str) -> str:
    """TABARI's ``; comment`` after an entry ("MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt")."""
    return "\n".join(re.sub(r";[^\[\]]*$", "", line) for line in text.splitlines())


def _whole_word_phrases(text: str) -> set[str]:
    """One-word phrases written with a closing ``_`` ("ARNOR_"): whole words only."""
    out = set()
    for line in text.splitlines():
        found = _FIRST_WORD.match(line)
        if found and found.group(1).endswith("_") and "_" not in found.group(1)[:-1]:
            out.add(found.group(1)[:-1].upper())
    return out


@lru_cache(maxsize=4)
def load_dictionary_kb(files: tuple[str, ...]) -> DictionaryKB:
    """The knowledge base of these dictionaries, read once per process."""
    return DictionaryKB(files)
