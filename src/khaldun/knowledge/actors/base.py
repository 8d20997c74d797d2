"""Entries of the actor knowledge base and the protocol a knowledge base follows.

A knowledge base answers three questions for the mention stage:

* which entries a phrase names (``lookup``): a country by name, adjective or
  capital, a seat of power ("the Kremlin"), an organisation, a sector word;
* which known person a name refers to (``find_person``), transliteration-aware;
* who held an office in a country on a day (``office_holder``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from khaldun.model import Role


class HitKind(StrEnum):
    COUNTRY = "country"  # a country's name or alias: "Iraq"
    ADJECTIVE = "adjective"  # a demonym or adjective: "Iraqi", "Iraqis"
    CAPITAL = "capital"  # the capital, a metonym for the government: "Tehran said"
    SEAT = "seat"  # another seat of power: "the White House", "the Pentagon"
    ORGANISATION = "organisation"
    SECTOR = "sector"  # a sector word: "police", "rebels", "foreign minister"
    PERSON = "person"  # a full alias of a known person
    PEOPLE = "people"  # an ethnic or regional group: "Kurdish", "Chechens"


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    source: str = "bundled"  # the file the entry comes from


@dataclass(frozen=True)
class SectorTerm:
    term: str
    code: str
    plover_sector: str
    kind: str


@dataclass(frozen=True)
class People:
    """An ethnic or regional group and the states it lives in (most populous first)."""

    name: str
    countries: tuple[str, ...]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    source: str = "bundled"  # the file the entry comes from

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role valid on ``day``; the most senior if several (earliest listed wins)."""
        for role in self.roles:
            if role.valid_on(day):
                return role
        return None


@dataclass(frozen=True)
class Hit:
    """One knowledge-base entry a phrase names."""

    kind: HitKind
    country: Country | None = None
    organisation: Organisation | None = None
    sector: SectorTerm | None = None
    person: Person | None = None
    seat_sector: str | None = None  # for SEAT hits: the sector the seat stands for
    people: People | None = None  # for PEOPLE hits (``country`` is set when it has one state)


@dataclass(frozen=True)
class PersonMatch:
    person: Person
    how: str  # "alias", "surname", "fuzzy"
    score: float
    key: str = ""  # the name key that matched
    why: str = ""  # how a choice among several people was made ("country JOR", "in office on 2020-07-21")


def normalise_phrase(text: str) -> str:
    """The index form of a phrase: single spaces, no leading article, apostrophes unified."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def belongs_to(person: Person, country: str) -> bool:
    """True when the person is of ``country`` or held a role there."""
    return person.country == country or any(r.country == country for r in person.roles)


class KnowledgeBase(Protocol):
    """What the mention and resolution stages need from an actor knowledge base."""

    max_phrase_words: int

    def lookup(self, phrase: str) -> Sequence[Hit]: ...

    def find_person(
        self, name: str, *, country: str | None = None, day: dt.date | None = None
    ) -> PersonMatch | None: ...

    def office_holder(self, country: str, phrase: str, day: dt.date | None) -> Person | None: ...

    def office_of(self, phrase: str) -> str | None: ...

    def country(self, iso3: str) -> Country | None: ...

    def countries(self) -> Sequence[Country]: ...
