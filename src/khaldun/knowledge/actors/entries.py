"""What one actor knowledge file contributes (:class:`Entries`), and actor entries in their YAML form.

Shared by the bundled knowledge base (:mod:`khaldun.knowledge.actors.builtin`),
user files (:mod:`khaldun.knowledge.actors.user`) and PETRARCH/TABARI
dictionaries (:mod:`khaldun.knowledge.actors.petrarch`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from khaldun.errors import DataFileError
from khaldun.knowledge.actors.base import Organisation, Person, SectorTerm
from khaldun.model import Role


@dataclass
class Entries:
    """What one knowledge file contributes."""

    source: str
    people: list[Person] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    sectors: list[SectorTerm] = field(default_factory=list)
    country_aliases: list[tuple[str, str]] = field(default_factory=list)  # (phrase, ISO3)
    warnings: list[str] = field(default_factory=list)
    # Fill-in files (dictionaries of other coders) add only people whose names are new:
    # a person already known under one of their name keys in the same country is skipped.
    fill_only: bool = False


def parse_date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataFileError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def person_from_entry(entry: Mapping[str, Any], where: str, *, source: str = "bundled") -> Person:
    """A :class:`Person` from its YAML form (see ``data/actors/README.md``)."""
    try:
        roles = tuple(
            Role(
                title=r["title"],
                code=r["code"],
                country=r.get("country", entry.get("country")),
                office=r.get("office"),
                start=parse_date(r.get("start"), where),
                end=parse_date(r.get("end"), where),
            )
            for r in entry.get("roles") or []
        )
        return Person(
            id=str(entry["id"]),
            name=entry["name"],
            country=entry.get("country"),
            aliases=tuple(entry.get("aliases") or []),
            roles=roles,
            source=source,
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(f"{where}: missing or malformed key {exc}") from None


def organisation_from_entry(entry: Mapping[str, Any], where: str, *, source: str = "bundled") -> Organisation:
    """An :class:`Organisation` from its YAML form."""
    try:
        return Organisation(
            id=str(entry["id"]),
            name=entry["name"],
            code=entry["code"],
            country=entry.get("country"),
            sector=entry.get("sector"),
            kind=entry.get("kind", "organisation"),
            aliases=tuple(entry.get("aliases") or []),
            source=source,
        )
    except (KeyError, TypeError) as exc:
        raise DataFileError(f"{where}: missing or malformed key {exc}") from None
