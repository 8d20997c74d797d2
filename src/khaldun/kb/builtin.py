"""The bundled actor knowledge base, read from the data files in ``data/actors``.

Formats are documented in ``data/actors/README.md``. Phrases are indexed
lower-cased, except aliases written all in capitals ("US", "IS"), which
match only as written so that "us" and "is" stay ordinary words.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from khaldun.errors import DataFileError
from khaldun.kb.base import Country, Hit, HitKind, Organisation, Person, PersonMatch, SectorTerm
from khaldun.kb.names import name_key, name_parts, surname_key
from khaldun.model import Role

# Below this similarity of name keys two names are different people.
FUZZY_THRESHOLD = 90.0


def normalise_phrase(text: str) -> str:
    """The index form of a phrase: single spaces, no leading article, apostrophes unified."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _data_file(name: str) -> Traversable:
    return resources.files("khaldun.data").joinpath("actors", name)


def read_tsv(file: Traversable) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV data file with ``#`` comment lines, as (line number, row)."""
    lines = file.read_text("utf-8").splitlines()
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        return
    header = numbered[0][1].split("\t")
    for n, line in numbered[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise DataFileError(
                f"{file.name} line {n}: expected {len(header)} tab-separated columns "
                f"({', '.join(header)}), found {len(cells)}"
            )
        yield n, dict(zip(header, cells, strict=True))


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


class BuiltinKB:
    """The knowledge base from the bundled files (plus any extra person/org entries)."""

    def __init__(self) -> None:
        self._phrases: dict[str, list[Hit]] = defaultdict(list)
        self._exact_phrases: dict[str, list[Hit]] = defaultdict(list)
        self._countries: dict[str, Country] = {}
        self._people: list[Person] = []
        self._person_keys: dict[str, list[Person]] = defaultdict(list)
        self._surname_keys: dict[str, list[Person]] = defaultdict(list)
        self._offices: dict[str, str] = {}
        self.max_phrase_words = 1
        self._load_countries()
        self._load_sectors()
        self._load_offices()
        self._load_organisations()
        self._load_people()
        self._fuzzy_choices = list(self._person_keys)

    # -- loading -----------------------------------------------------------

    def _index(self, phrase: str, hit: Hit) -> None:
        phrase = normalise_phrase(phrase)
        if not phrase:
            return
        self.max_phrase_words = max(self.max_phrase_words, len(phrase.split()))
        if phrase.isupper() and len(phrase) <= 5:
            self._exact_phrases[phrase].append(hit)
        else:
            self._phrases[phrase.lower()].append(hit)

    def _load_countries(self) -> None:
        file = _data_file("countries.tsv")
        for n, row in read_tsv(file):
            lat, lon = row["capital_lat"], row["capital_lon"]
            country = Country(
                iso3=row["iso3"],
                iso2=row["iso2"],
                name=row["name"],
                capital=row["capital"],
                lat=float(lat) if lat else None,
                lon=float(lon) if lon else None,
            )
            self._countries[country.iso3] = country
            for name in [row["name"], *_split(row["aliases"])]:
                self._index(name, Hit(HitKind.COUNTRY, country=country))
            for adjective in _split(row["adjectives"]):
                self._index(adjective, Hit(HitKind.ADJECTIVE, country=country))
            if row["capital"]:
                self._index(row["capital"], Hit(HitKind.CAPITAL, country=country, seat_sector="GOV"))
            for seat in _split(row["seats"]):
                phrase, _, sector = seat.partition("=")
                if not sector:
                    raise DataFileError(f"countries.tsv line {n}: seat {seat!r} needs the form phrase=SECTOR")
                self._index(phrase, Hit(HitKind.SEAT, country=country, seat_sector=sector))

    def _load_sectors(self) -> None:
        for _, row in read_tsv(_data_file("sectors.tsv")):
            term = SectorTerm(row["term"].lower(), row["code"], row["plover_sector"], row["kind"])
            self._index(term.term, Hit(HitKind.SECTOR, sector=term))

    def _load_offices(self) -> None:
        for _, row in read_tsv(_data_file("offices.tsv")):
            self._offices[row["phrase"].lower()] = row["office"]

    def _load_organisations(self) -> None:
        raw = yaml.safe_load(_data_file("organisations.yaml").read_text("utf-8")) or {}
        for n, entry in enumerate(raw.get("organisations", []), 1):
            try:
                org = Organisation(
                    id=entry["id"],
                    name=entry["name"],
                    code=entry["code"],
                    country=entry.get("country"),
                    sector=entry.get("sector"),
                    kind=entry.get("kind", "organisation"),
                )
            except KeyError as exc:
                raise DataFileError(f"organisations.yaml entry {n}: missing key {exc}") from None
            for alias in {org.name, *entry.get("aliases", [])}:
                self._index(alias, Hit(HitKind.ORGANISATION, organisation=org))

    def _load_people(self) -> None:
        raw = yaml.safe_load(_data_file("people.yaml").read_text("utf-8")) or {}
        for n, entry in enumerate(raw.get("people", []), 1):
            self.add_person(self._person_from_entry(entry, f"people.yaml entry {n}"))

    @staticmethod
    def _person_from_entry(entry: dict[str, Any], where: str) -> Person:
        try:
            roles = tuple(
                Role(
                    title=r["title"],
                    code=r["code"],
                    country=r.get("country", entry.get("country")),
                    office=r.get("office"),
                    start=_date(r.get("start"), where),
                    end=_date(r.get("end"), where),
                )
                for r in entry.get("roles", [])
            )
            return Person(
                id=entry["id"],
                name=entry["name"],
                country=entry.get("country"),
                aliases=tuple(entry.get("aliases", [])),
                roles=roles,
            )
        except KeyError as exc:
            raise DataFileError(f"{where}: missing key {exc}") from None

    def add_person(self, person: Person) -> None:
        """Index a person by the keys of their name and aliases."""
        self._people.append(person)
        for alias in {person.name, *person.aliases}:
            key = name_key(alias)
            if key and person not in self._person_keys[key]:
                self._person_keys[key].append(person)
            if len(name_parts(alias)) > 1:
                surname = surname_key(alias)
                if surname and person not in self._surname_keys[surname]:
                    self._surname_keys[surname].append(person)

    # -- queries -----------------------------------------------------------

    def lookup(self, phrase: str) -> Sequence[Hit]:
        phrase = normalise_phrase(phrase)
        return self._exact_phrases.get(phrase) or self._phrases.get(phrase.lower(), ())

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3)

    def countries(self) -> Sequence[Country]:
        return tuple(self._countries.values())

    def people(self) -> Sequence[Person]:
        return tuple(self._people)

    def office_of(self, phrase: str) -> str | None:
        return self._offices.get(phrase.lower())

    def find_person(self, name: str, *, country: str | None = None) -> PersonMatch | None:
        """The known person a name refers to: by full alias key, then surname, then fuzzily.

        A name that fits several people is resolved only when ``country``
        picks exactly one of them; otherwise it stays unresolved rather than
        guessed.
        """
        key = name_key(name)
        if not key:
            return None
        for how, candidates in (
            ("alias", self._person_keys.get(key, [])),
            ("surname", self._surname_keys.get(key, []) if " " not in key else []),
        ):
            chosen = _pick(candidates, country)
            if chosen:
                return PersonMatch(chosen, how, 100.0)
        return self._fuzzy_person(key, country)

    def _fuzzy_person(self, key: str, country: str | None) -> PersonMatch | None:
        if len(key) < 5 or " " not in key:
            return None  # a single short token is too easy to confuse
        best = process.extractOne(key, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if best is None:
            return None
        chosen = _pick(self._person_keys[best[0]], country)
        return PersonMatch(chosen, "fuzzy", float(best[1])) if chosen else None

    def office_holder(self, country: str, phrase: str, day: dt.date | None) -> Person | None:
        """Who held the office ``phrase`` names in ``country`` on ``day``.

        The role's own title is tried first ("President" of Iran is not its
        head of state), then the office the phrase stands for.
        """
        phrase = phrase.lower()
        office = self.office_of(phrase)
        by_title: list[Person] = []
        by_office: list[Person] = []
        for person in self._people:
            for role in person.roles:
                if role.country != country or not role.valid_on(day):
                    continue
                title = role.title.lower()
                if _title_names(title, phrase):
                    by_title.append(person)
                elif office and role.office == office:
                    by_office.append(person)
        for found in (by_title, by_office):
            if len(set(found)) == 1:
                return found[0]
        return None


def _title_names(title: str, phrase: str) -> bool:
    """True when a role title is the office a phrase names ("Prime Minister of Iraq" / "prime minister")."""
    if title == phrase or title.startswith(phrase + " "):
        return not any(w in title.split() for w in ("vice", "deputy")) or phrase.startswith(
            ("vice", "deputy")
        )
    return False


def _pick(candidates: Sequence[Person], country: str | None) -> Person | None:
    unique = list(dict.fromkeys(candidates))
    if len(unique) == 1:
        return unique[0]
    if country:
        in_country = [p for p in unique if p.country == country]
        if len(in_country) == 1:
            return in_country[0]
    return None


@lru_cache(maxsize=1)
def load_builtin_kb() -> BuiltinKB:
    """The bundled knowledge base, loaded once per process."""
    return BuiltinKB()
