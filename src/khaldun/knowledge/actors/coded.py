"""Actors as the resolver makes them: a known person with the code of the role held on a
day, an organisation, a state or a sector of one, a sector of no stated country.

Shared by the resolution stage and the later stages that infer actors (unidentified
attackers, the authorities of an event's place, the country of an event's place).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from khaldun.knowledge.actors.base import KnowledgeBase, Organisation, Person
from khaldun.model import Actor, ActorKind, Role

UNKNOWN_COUNTRY = "---"


def best_known_role(
    person: Person, title: str | None = None, *, seniority: Sequence[str] = ()
) -> Role | None:
    """For text with no date: the role whose title the text gives ("President Obama"),
    else the one still held, else the most senior office the person held (``seniority``:
    offices from the most senior down, ``data/actors/office_seniority.tsv``)."""
    if not person.roles:
        return None
    if title:
        low = title.lower()
        titled = [r for r in person.roles if r.title.lower() in low or low in r.title.lower()]
        if titled:
            return titled[-1]
    current = person.role_on(None)
    if current is not None:
        return current

    ranks = list(seniority)

    def rank(role: Role) -> int:
        office = role.office or "other"
        return ranks.index(office) if office in ranks else len(ranks)

    return min(person.roles, key=rank)


def person_actor(
    person: Person, day: dt.date | None, title: str | None = None, *, seniority: Sequence[str] = ()
) -> Actor:
    """A known person as an actor, with the code of the role held on ``day``.

    Without a date, the role the text's ``title`` names, else the role still
    held, else the most senior: the one the person is best known for.
    """
    role = person.role_on(day) if day is not None else best_known_role(person, title, seniority=seniority)
    code = role.code if role else (person.country or UNKNOWN_COUNTRY)
    country = (role.country if role else None) or person.country
    return Actor(
        id=f"person:{person.id}",
        name=person.name,
        code=code,
        country=country,
        sector=code[3:6] or None,
        kind=ActorKind.PERSON,
        roles=person.roles,
    )


def organisation_actor(org: Organisation) -> Actor:
    kind = ActorKind.GROUP if org.kind == "group" else ActorKind.ORGANISATION
    return Actor(
        id=f"org:{org.id}", name=org.name, code=org.code, country=org.country, sector=org.sector, kind=kind
    )


def country_actor(kb: KnowledgeBase, iso3: str, sector: str | None = None) -> Actor:
    """A state (no sector) or a sector of a state ("IRNGOV")."""
    country = kb.country(iso3)
    name = country.name if country else iso3
    if sector is None:
        return Actor(id=f"country:{iso3}", name=name, code=iso3, country=iso3, kind=ActorKind.STATE)
    return group_actor(iso3, sector, f"{name} ({sector})")


def group_actor(iso3: str, sector: str, name: str) -> Actor:
    """A sector of a state ("IRNGOV"), named as the text or the caller describes it."""
    return Actor(
        id=f"group:{iso3}{sector}",
        name=name,
        code=f"{iso3}{sector}",
        country=iso3,
        sector=sector,
        kind=ActorKind.GROUP,
    )


# Sectors that are actors of their own in CAMEO's codes, with no country before them:
# "observers" of no stated country are IGO, "aid groups" NGO.
TRANSNATIONAL_SECTORS = frozenset({"IGO", "NGO"})


def sector_actor(sector: str, term: str) -> Actor:
    """A sector with no country ("police", "protesters")."""
    return Actor(
        id=f"group:{UNKNOWN_COUNTRY}{sector}",
        name=term,
        code=sector if sector in TRANSNATIONAL_SECTORS else f"{UNKNOWN_COUNTRY}{sector}",
        country=None,
        sector=sector,
        kind=ActorKind.GROUP,
    )
