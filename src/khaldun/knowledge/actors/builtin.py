"""The bundled actor knowledge base, read from the data files in ``data/actors``.

Formats are documented in ``data/actors/README.md``. Phrases are indexed
lower-cased, except aliases written all in capitals ("US", "IS"), which
match only as written so that "us" and "is" stay ordinary words.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from khaldun.data import read_tsv
from khaldun.errors import DataFileError
from khaldun.knowledge.actors.base import (
    Country,
    Hit,
    HitKind,
    Organisation,
    People,
    Person,
    PersonMatch,
    SectorTerm,
    belongs_to,
    normalise_phrase,
)
from khaldun.knowledge.actors.entries import Entries, organisation_from_entry, person_from_entry
from khaldun.knowledge.actors.names import name_key, name_parts, surname_key
from khaldun.knowledge.actors.phoenix import (
    KnownNames,
    PhoenixIndex,
    PhoenixLists,
    bundled_lists,
    written_as_name,
)
from khaldun.model import Role

# Below this similarity of name keys two names are different people.
FUZZY_THRESHOLD = 90.0
# Bundled people files, read in order (a later entry with the same id replaces an earlier one).
PEOPLE_FILES = ("people.yaml",)


def _data_file(name: str) -> Traversable:
    return resources.files("khaldun.data").joinpath("actors", name)


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


# Misspelt country names: only words this long, this close to one country's name, are
# read as it ("Austria" and "Australia" score 87, below the cut-off).
_MISSPELT_MIN_LENGTH = 7
_MISSPELT_CUTOFF = 90
# Name keys whose closest keys are remembered before the memory is cleared.
_CLOSEST_LIMIT = 50_000


class BuiltinKB:
    """The knowledge base from the bundled files, plus the user's own entries.

    ``extra`` entries (:mod:`khaldun.knowledge.actors.user`) are merged in order: a person
    or organisation with the id of an earlier one replaces it, a sector term
    replaces the same term, other entries are added.
    """

    def __init__(
        self,
        extra: Sequence[Entries] = (),
        *,
        fuzzy_threshold: float = FUZZY_THRESHOLD,
        phoenix: bool | PhoenixLists = True,
    ) -> None:
        self.fuzzy_threshold = fuzzy_threshold
        self.sources: tuple[str, ...] = tuple(e.source for e in extra)
        self.warnings: tuple[str, ...] = tuple(w for e in extra for w in e.warnings)
        self._phrases: dict[str, list[Hit]] = defaultdict(list)
        self._exact_phrases: dict[str, list[Hit]] = defaultdict(list)
        self._unordered: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        self._single_word_countries: dict[str, Hit] = {}
        self._countries: dict[str, Country] = {}
        self._people: dict[str, Person] = {}
        self._organisations: dict[str, Organisation] = {}
        self._sectors: dict[str, SectorTerm] = {}
        self._person_keys: dict[str, list[Person]] = defaultdict(list)
        self._surname_keys: dict[str, list[Person]] = defaultdict(list)
        self._roles_by_country: dict[str, list[tuple[Person, Role]]] = defaultdict(list)
        self._offices: dict[str, str] = {}
        self.max_phrase_words = 1
        self._load_countries()
        self._load_peoples()
        self._load_offices()
        self._sectors = {t.term: t for t in _bundled_sectors()}
        self._organisations = {o.id: o for o in _bundled_organisations()}
        self._people = {p.id: p for p in _bundled_people()}
        for entries in extra:
            self._sectors.update((t.term, t) for t in entries.sectors)
            self._organisations.update((o.id, o) for o in entries.organisations)
            if not entries.fill_only:
                self._people.update((p.id, p) for p in entries.people)
            for phrase, iso3 in entries.country_aliases:
                if iso3 in self._countries:
                    self._index(phrase, Hit(HitKind.COUNTRY, country=self._countries[iso3]))
        for term in self._sectors.values():
            self._index(term.term, Hit(HitKind.SECTOR, sector=term))
        for org in self._organisations.values():
            for alias in dict.fromkeys([org.name, *org.aliases]):
                self._index(alias, Hit(HitKind.ORGANISATION, organisation=org))
        for person in self._people.values():
            self._index_person(person)
        for entries in extra:
            if entries.fill_only:
                for person in entries.people:
                    if person.id not in self._people and not self._known_already(person):
                        self._people[person.id] = person
                        self._index_person(person)
        self._set_fuzzy_choices()
        if phoenix is True:
            phoenix = bundled_lists()
        self._phoenix = self._phoenix_index(phoenix) if phoenix else None

    def _phoenix_index(self, lists: PhoenixLists) -> PhoenixIndex:
        """The Phoenix lists, behind everything above: khaldun's own and the user's entries win."""
        org_phrases = {
            phrase
            for phrase, hits in self._phrases.items()
            if any(h.kind is HitKind.ORGANISATION for h in hits)
        }
        known = KnownNames(
            person_keys=self._person_keys,
            person_names={normalise_phrase(a).lower() for p in self._people.values() for a in p.aliases},
            surname_keys=self._surname_keys,
            phrases={*self._phrases, *(p.lower() for p in self._exact_phrases)},
            organisation_phrases=org_phrases,
            max_phrase_words=self.max_phrase_words,
        )
        return PhoenixIndex(known, lists)

    def _set_fuzzy_choices(self) -> None:
        self._fuzzy_choices = list(self._person_keys)
        # The closest keys of a name key, remembered: the same names recur across documents,
        # and comparing one with every key is most of what finding a person costs.
        self._closest: dict[str, list[tuple[str, float, int]]] = {}

    def _closest_keys(self, key: str) -> list[tuple[str, float, int]]:
        found = self._closest.get(key)
        if found is None:
            if len(self._closest) >= _CLOSEST_LIMIT:
                self._closest.clear()
            found = self._closest[key] = process.extract(
                key, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_threshold, limit=5
            )
        return found

    def _known_already(self, person: Person) -> bool:
        """True when someone of the same country is known under one of the person's name keys."""
        for alias in (person.name, *person.aliases):
            for other in self._person_keys.get(name_key(alias), ()):
                if not person.country or belongs_to(other, person.country):
                    return True
        return False

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
        words = phrase.lower().split()
        if hit.kind is HitKind.COUNTRY and len(words) > 1:
            self._unordered[tuple(sorted(words))].append(hit)

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
            for kind, words in (
                (HitKind.ADJECTIVE, _split(row["adjectives"])),
                (HitKind.COUNTRY, [row["name"], *_split(row["aliases"])]),
            ):
                for word in words:
                    if " " not in word and len(word) >= _MISSPELT_MIN_LENGTH:
                        self._single_word_countries[word.lower()] = Hit(kind, country=country)
            if row["capital"]:
                self._index(row["capital"], Hit(HitKind.CAPITAL, country=country, seat_sector="GOV"))
            for seat in _split(row["seats"]):
                phrase, _, sector = seat.partition("=")
                if not sector:
                    raise DataFileError(f"countries.tsv line {n}: seat {seat!r} needs the form phrase=SECTOR")
                self._index(phrase, Hit(HitKind.SEAT, country=country, seat_sector=sector))

    def _load_peoples(self) -> None:
        file = _data_file("peoples.tsv")
        for n, row in read_tsv(file):
            countries = tuple(_split(row["countries"]))
            unknown = [c for c in countries if c not in self._countries]
            if not countries or unknown:
                raise DataFileError(
                    f"peoples.tsv line {n}: {row['countries']!r} are not ISO3 codes of countries.tsv"
                )
            people = People(name=row["name"], countries=countries)
            home = self._countries[countries[0]] if len(countries) == 1 else None
            for form in _split(row["forms"]):
                self._index(form, Hit(HitKind.PEOPLE, country=home, people=people))

    def _load_offices(self) -> None:
        for _, row in read_tsv(_data_file("offices.tsv")):
            self._offices[row["phrase"].lower()] = row["office"]

    def add_person(self, person: Person) -> None:
        """Add (or replace, by id) a person and index the keys of their name and aliases."""
        replaced = self._people.get(person.id)
        self._people[person.id] = person
        if replaced is not None:
            self._rebuild_person_index()
        else:
            self._index_person(person)
            self._set_fuzzy_choices()

    def _rebuild_person_index(self) -> None:
        self._person_keys.clear()
        self._surname_keys.clear()
        self._roles_by_country.clear()
        for person in self._people.values():
            self._index_person(person)
        self._set_fuzzy_choices()

    def _index_person(self, person: Person) -> None:
        for alias in dict.fromkeys([person.name, *person.aliases]):
            key = name_key(alias)
            if key and person not in self._person_keys[key]:
                self._person_keys[key].append(person)
            if len(name_parts(alias)) > 1:
                surname = surname_key(alias)
                if surname and person not in self._surname_keys[surname]:
                    self._surname_keys[surname].append(person)
        for role in person.roles:
            if role.country:
                self._roles_by_country[role.country].append((person, role))

    # -- queries -----------------------------------------------------------

    def lookup_unordered(self, words: Sequence[str]) -> Sequence[Hit]:
        """Countries whose multiword name has exactly these words in any order: machine
        translation from Arabic often reverses them ("the states The United")."""
        return self._unordered.get(tuple(sorted(w.lower() for w in words)), ())

    def lookup_misspelt_country(self, word: str) -> Hit | None:
        """A one-word country name or demonym misspelt in the text ("Afganistan", "Ethopia",
        "Phillippines"): the single close match with the same first letter, else None."""
        low = word.lower()
        if len(low) < _MISSPELT_MIN_LENGTH or low in self._single_word_countries:
            return None
        matches = process.extract(
            low, list(self._single_word_countries), scorer=fuzz.ratio, score_cutoff=_MISSPELT_CUTOFF, limit=3
        )
        same_start = [m for m, _, _ in matches if m[0] == low[0]]
        if len({self._single_word_countries[m].country for m in same_start}) != 1:
            return None
        return self._single_word_countries[same_start[0]]

    def lookup(self, phrase: str) -> Sequence[Hit]:
        phrase = normalise_phrase(phrase)
        found = self._exact_phrases.get(phrase) or self._phrases.get(phrase.lower(), ())
        if not found and self._phoenix is not None:
            return self._phoenix.lookup(phrase)
        return found

    def country(self, iso3: str) -> Country | None:
        return self._countries.get(iso3)

    def countries(self) -> Sequence[Country]:
        return tuple(self._countries.values())

    def people(self) -> Sequence[Person]:
        return tuple(self._people.values())

    def person(self, person_id: str) -> Person | None:
        found = self._people.get(person_id)
        if found is None and self._phoenix is not None:
            return self._phoenix.person(person_id)
        return found

    def organisations(self) -> Sequence[Organisation]:
        return tuple(self._organisations.values())

    def organisation(self, org_id: str) -> Organisation | None:
        found = self._organisations.get(org_id)
        if found is None and self._phoenix is not None:
            return self._phoenix.organisations.get(org_id)
        return found

    def sector_terms(self) -> Sequence[SectorTerm]:
        return tuple(self._sectors.values())

    def office_of(self, phrase: str) -> str | None:
        return self._offices.get(phrase.lower())

    def find_person(
        self, name: str, *, country: str | None = None, day: dt.date | None = None
    ) -> PersonMatch | None:
        """The known person a name refers to: by full alias key, then surname, then fuzzily.

        A name that fits several people is resolved by context: the one of
        ``country``, else the one holding an office on ``day``; when the
        context does not pick exactly one, it stays unresolved rather than
        guessed. A surname alone or a fuzzy match is refused when it
        contradicts ``country`` (Jordan's Abdullah is not the Saudi king).
        The Phoenix lists are asked last (see :meth:`_phoenix_candidates`).
        """
        key = name_key(name)
        if not key:
            return None
        found = self._pick(self._own_candidates(key), key, country, day) or self._fuzzy_person(
            key, country, day
        )
        if found is None and self._phoenix is not None and written_as_name(name):
            found = self._pick(self._phoenix_candidates(key, country, day), key, country, day)
        return found

    def _pick(
        self,
        tiers: Iterator[tuple[str, Sequence[Person]]],
        key: str,
        country: str | None,
        day: dt.date | None,
    ) -> PersonMatch | None:
        for how, candidates in tiers:
            strict = how == "surname" or " " not in key
            chosen, why = pick_person(candidates, country, day, strict=strict)
            if chosen:
                return PersonMatch(chosen, how, 100.0, key, why)
        return None

    def _own_candidates(self, key: str) -> Iterator[tuple[str, Sequence[Person]]]:
        """Who a name key may be among khaldun's own (and the user's) people: full name, then surname."""
        yield "alias", self._person_keys.get(key, [])
        if " " not in key:
            yield "surname", self._surname_keys.get(key, [])

    def _phoenix_candidates(
        self, key: str, country: str | None, day: dt.date | None
    ) -> Iterator[tuple[str, Sequence[Person]]]:
        """Who a name key may be among the people of the Phoenix lists, asked only when khaldun's
        own people (by name, surname or a close spelling) give no one, and only for a name
        written as one ("Meir Sheetrit", not the words of lower-case text). Their surnames
        count only when the context names the person's state ("Sheetrit, the Israeli minister")."""
        assert self._phoenix is not None
        if " " in key:
            yield "alias", [p for p in self._phoenix.by_key(key) if _fits(p, country, day)]
        elif country:
            yield "surname", [p for p in self._phoenix.by_surname(key) if _fits(p, country, day)]

    def namesakes(self, name: str) -> Sequence[Person]:
        """The known people a name's full key or surname key fits (several for "Ghani")."""
        key = name_key(name)
        return self._person_keys.get(key, []) or (
            self._surname_keys.get(key, []) if key and " " not in key else []
        )

    def shared_country(self, name: str) -> str | None:
        """The country of every known person a name could be ("Bush": both presidents are
        American), when the name is too ambiguous for ``find_person``; else None."""
        countries = {p.country for p in self.namesakes(name)}
        return countries.pop() if len(countries) == 1 and None not in countries else None

    def _fuzzy_person(self, key: str, country: str | None, day: dt.date | None) -> PersonMatch | None:
        if len(key) < 5 or " " not in key:
            return None  # a single token is too easy to confuse (Kazmi is not Kazimi)
        for choice, score, _ in self._closest_keys(key):
            if not _same_shape(key, choice):
                continue
            chosen, why = pick_person(self._person_keys[choice], country, day, strict=True)
            if chosen:
                return PersonMatch(chosen, "fuzzy", float(score), choice, why)
            return None  # the closest name is ambiguous: do not fall back to a worse one
        return None

    def office_holder(self, country: str, phrase: str, day: dt.date | None) -> Person | None:
        """Who held the office ``phrase`` names in ``country`` on ``day``.

        The role's own title is tried first ("President" of Iran is not its
        head of state), then the office the phrase stands for.
        """
        phrase = phrase.lower()
        office = self.office_of(phrase)
        by_title: list[Person] = []
        by_office: list[Person] = []
        for person, role in self._roles_by_country.get(country, ()):
            if not role.valid_on(day):
                continue
            if _title_names(role.title.lower(), phrase):
                by_title.append(person)
            elif office and role.office == office:
                by_office.append(person)
        for found in (by_title, by_office):
            if len(set(found)) == 1:
                return found[0]
        return None

    def search(self, text: str, *, limit: int = 10) -> list[tuple[str, str, float]]:
        """Entries whose names look like ``text``: (kind, id, score), best first.

        People are compared by name key (transliteration-aware), other
        entries by their phrases, both with a partial fuzzy ratio.
        """
        found: dict[tuple[str, str], float] = {}
        key = name_key(text)
        if key:
            for choice, score, _ in process.extract(
                key, self._fuzzy_choices, scorer=fuzz.WRatio, limit=limit * 3
            ):
                for person in self._person_keys[choice]:
                    found[("person", person.id)] = max(found.get(("person", person.id), 0.0), float(score))
        phrases = {**{p.lower(): h for p, h in self._exact_phrases.items()}, **self._phrases}
        for phrase, score, _ in process.extract(
            text.lower(), list(phrases), scorer=fuzz.WRatio, limit=limit * 3
        ):
            for hit in phrases[phrase]:
                ident = _hit_id(hit)
                if ident:
                    found[ident] = max(found.get(ident, 0.0), float(score))
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
        return [(kind, ident, score) for (kind, ident), score in ranked[:limit]]


def _hit_id(hit: Hit) -> tuple[str, str] | None:
    if hit.organisation is not None:
        return ("organisation", hit.organisation.id)
    if hit.country is not None:
        return ("country", hit.country.iso3)
    if hit.sector is not None:
        return ("sector", hit.sector.term)
    return None


def _same_shape(key: str, choice: str) -> bool:
    """Fuzzy keys must have as many parts, each starting with the same letter."""
    a, b = key.split(), choice.split()
    return len(a) == len(b) and all(x[0] == y[0] for x, y in zip(a, b, strict=True))


def _bundled_sectors() -> Iterator[SectorTerm]:
    for _, row in read_tsv(_data_file("sectors.tsv")):
        yield SectorTerm(row["term"].lower(), row["code"], row["plover_sector"], row["kind"])


def bundled_sector_names() -> dict[str, str]:
    """CAMEO agent code → PLOVER sector name, from the bundled sector words."""
    names: dict[str, str] = {}
    for term in _bundled_sectors():
        names.setdefault(term.code, term.plover_sector)
    return names


# libyaml's safe loader reads the same YAML as the pure-Python one, about ten times faster:
# the people file is most of the start-up time.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_SAFE_LOADER)


def _bundled_organisations() -> Iterator[Organisation]:
    raw = _load_yaml(_data_file("organisations.yaml").read_text("utf-8")) or {}
    for n, entry in enumerate(raw.get("organisations", []), 1):
        yield organisation_from_entry(entry, f"organisations.yaml entry {n}")


def _bundled_people() -> Iterator[Person]:
    for name in PEOPLE_FILES:
        raw = _load_yaml(_data_file(name).read_text("utf-8")) or {}
        for n, entry in enumerate(raw.get("people", []), 1):
            yield person_from_entry(entry, f"{name} entry {n}")


def _title_names(title: str, phrase: str) -> bool:
    """True when a role title is the office a phrase names ("Prime Minister of Iraq" / "prime minister")."""
    if title == phrase or title.startswith(phrase + " "):
        return not any(w in title.split() for w in ("vice", "deputy")) or phrase.startswith(
            ("vice", "deputy")
        )
    return False


def _fits(person: Person, country: str | None, day: dt.date | None) -> bool:
    """Whether a person of the Phoenix lists may be the one a name means here: never one of
    another state than the text names, and, unless the text names their state, only on a
    day the lists give them a role (the lists say who held an office when; outside those
    years a namesake is as likely)."""
    if country and person.country:
        return belongs_to(person, country)
    return day is not None and person.role_on(day) is not None


def pick_person(
    candidates: Sequence[Person], country: str | None, day: dt.date | None, *, strict: bool = False
) -> tuple[Person | None, str]:
    """The one person context picks among the candidates of a name, and why.

    Country first (nationality or a role there), then who held an office on
    ``day``, then both. ``strict``: a lone candidate from another country
    than ``country`` is refused (for surnames, single names, fuzzy matches).
    """
    unique = list(dict.fromkeys(candidates))
    if not unique:
        return None, ""
    if len(unique) == 1:
        person = unique[0]
        if strict and country and not belongs_to(person, country) and person.country:
            return None, f"{person.name} is not of {country}"
        return person, "only person with this name"
    in_country = [p for p in unique if country and belongs_to(p, country)]
    if len(in_country) == 1:
        return in_country[0], f"the one of {country}"
    pool = in_country or unique
    if day is not None:
        in_office = [p for p in pool if any(r.valid_on(day) for r in p.roles)]
        if len(in_office) == 1:
            return in_office[0], f"the one in office on {day.isoformat()}"
    return None, f"{len(pool)} people share this name"


@lru_cache(maxsize=8)
def load_kb_with(files: tuple[str, ...] = (), fuzzy_threshold: float = FUZZY_THRESHOLD) -> BuiltinKB:
    """The bundled knowledge base with user files merged in, loaded once per process."""
    if not files and fuzzy_threshold == FUZZY_THRESHOLD:
        return load_builtin_kb()
    from khaldun.knowledge.actors.user import read_user_files

    extra = read_user_files(files, sector_names=bundled_sector_names())
    return BuiltinKB(extra, fuzzy_threshold=fuzzy_threshold)


@lru_cache(maxsize=1)
def load_builtin_kb() -> BuiltinKB:
    """The bundled knowledge base, loaded once per process."""
    return BuiltinKB()
