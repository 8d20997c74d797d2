"""An actor knowledge base's entries as plain records (dicts), and why a name resolves as it does.

What ``khaldun actors resolve/show/search`` print and what the server's actor
pages show: a person with the code valid on a date, an organisation, a
country or seat, a sector word. Library code: no printing, no command line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz

from khaldun.knowledge.actors.base import Hit, HitKind, Organisation, Person
from khaldun.knowledge.actors.builtin import BuiltinKB, pick_person
from khaldun.knowledge.actors.names import name_key

# The least similarity (0-100) of a search hit: below it a hit is noise, not a name that looks alike.
SEARCH_CUTOFF = 75.0


def person_record(person: Person, day: dt.date | None) -> dict[str, Any]:
    """A person with the code valid on ``day`` (country only when no role is held then)."""
    role = person.role_on(day)
    code = role.code if role else (person.country or "---")
    return {
        "id": f"person:{person.id}",
        "kind": "person",
        "name": person.name,
        "country": (role.country if role else None) or person.country,
        "code": code,
        "sector": code[3:6] or None,
        "role": role.title if role else None,
        "date": day.isoformat() if day else None,
        "aliases": list(person.aliases),
        "roles": [
            {
                "title": r.title,
                "office": r.office,
                "code": r.code,
                "country": r.country,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
            }
            for r in person.roles
        ],
        "source": person.source,
    }


def organisation_record(org: Organisation) -> dict[str, Any]:
    return {
        "id": f"org:{org.id}",
        "kind": org.kind,
        "name": org.name,
        "country": org.country,
        "code": org.code,
        "sector": org.sector,
        "aliases": list(org.aliases),
        "source": org.source,
    }


def hit_record(kb: BuiltinKB, hit: Hit) -> dict[str, Any]:
    """A knowledge-base phrase hit as the actor it gives when it stands alone."""
    if hit.organisation is not None:
        return organisation_record(hit.organisation)
    if hit.country is not None:
        iso3 = hit.country.iso3
        sector = hit.seat_sector if hit.kind in (HitKind.CAPITAL, HitKind.SEAT) else None
        return {
            "id": f"group:{iso3}{sector}" if sector else f"country:{iso3}",
            "kind": "group" if sector else "state",
            "name": hit.country.name,
            "country": iso3,
            "code": iso3 + (sector or ""),
            "sector": sector,
            "capital": hit.country.capital,
        }
    assert hit.sector is not None
    return {
        "id": f"sector:{hit.sector.term}",
        "kind": "sector",
        "name": hit.sector.term,
        "country": None,
        "code": hit.sector.code,
        "sector": hit.sector.plover_sector,
        "note": "a sector word: its code is appended to the country of the phrase (Iraqi police -> IRQCOP)",
    }


def resolve_name(kb: BuiltinKB, name: str, *, day: dt.date | None, country: str | None) -> dict[str, Any]:
    """What ``name`` resolves to on ``day``, and why; ``found`` is False with suggestions if nothing."""
    match = kb.find_person(name, country=country, day=day)
    if match is not None and match.how != "alias" and kb.lookup(name):
        match = None  # "MI5" is the seat it names, not Theresa May by a loose surname key
    if match is not None:
        record = person_record(match.person, day)
        role = record["role"]
        on = f" on {day.isoformat()}" if day else " today"
        code_why = (
            f"role {role!r} held{on}" if role else f"no role held{on}: country only (a former official)"
        )
        why = f"person {match.how} match on key {match.key!r} (score {match.score:.0f})"
        if match.why:
            why += f"; {match.why}"
        return {"query": name, "found": True, **record, "why": why, "code_why": code_why}
    hits = kb.lookup(name)
    if hits:
        hit = _prefer(hits)
        record = hit_record(kb, hit)
        why = f"{hit.kind.value} phrase {name.strip()!r}"
        return {"query": name, "found": True, **record, "why": why, "code_why": "fixed code (no dates)"}
    suggestions = [{k: r[k] for k in ("id", "name", "score")} for r in search_entries(kb, name, limit=5)]
    namesakes = list(dict.fromkeys(kb.namesakes(name)))
    return {
        "query": name,
        "found": False,
        "ambiguous": len(namesakes) > 1,
        "why": _unresolved_why(name, namesakes, day=day, country=country),
        "candidates": [_candidate(p, day) for p in namesakes],
        "suggestions": suggestions,
    }


def _unresolved_why(name: str, namesakes: list[Person], *, day: dt.date | None, country: str | None) -> str:
    """Why a name resolves to no one: nobody has it, several people share it, or the one who has
    it does not fit the country given."""
    if not namesakes:
        return "no alias, surname or close spelling"
    chosen, context_why = pick_person(namesakes, country, day, strict=True)
    if len(namesakes) == 1:
        if chosen is not None:
            return "no alias, surname or close spelling"
        return f"the one person named {name.strip()!r} does not fit: {context_why}"
    given = [f"--country {country}" if country else "", f"--date {day.isoformat()}" if day else ""]
    tried = " and ".join(g for g in given if g)
    who = "; ".join(f"{p.name} ({p.country or 'no country'})" for p in namesakes)
    ask = (
        f"{tried} did not pick one of them" if tried else "give --country ISO3 or --date YYYY-MM-DD to choose"
    )
    return f"ambiguous: {len(namesakes)} people share the name {name.strip()!r}: {who}; {ask}"


def _candidate(person: Person, day: dt.date | None) -> dict[str, Any]:
    record = person_record(person, day)
    return {k: record[k] for k in ("id", "name", "country", "code", "role")}


def search_entries(kb: BuiltinKB, text: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Entries whose names look like ``text``, best first, none below :data:`SEARCH_CUTOFF`.

    The knowledge base ranks by a partial fuzzy ratio, which scores a short key inside any long
    name highly ("zzzzqqq" is the key "zk", found in "Vranitzky"); each hit's score is therefore
    also capped by how well the words of ``text`` match the words of the entry's names.
    """
    found = []
    for kind, ident, score in kb.search(text, limit=max(limit * 3, 30)):
        record = show_record(kb, f"{'org' if kind == 'organisation' else kind}:{ident}", day=None)
        if record is None:
            continue
        similarity = min(score, _word_similarity(text, record, person=kind == "person"))
        if similarity >= SEARCH_CUTOFF:
            found.append({"score": round(similarity, 1), **record})
    found.sort(key=lambda r: -r["score"])  # stable: the knowledge base's order breaks ties
    return found[:limit]


def _word_similarity(text: str, record: dict[str, Any], *, person: bool) -> float:
    """How well each word of ``text`` matches a word of the entry's names (mean of the best
    ratios), compared as name keys for people (transliteration-aware), lower case otherwise."""
    names = [record.get("name"), record.get("capital"), record.get("code"), *record.get("aliases", [])]
    fold = name_key if person else str.lower
    query = fold(text).split()
    candidates = [fold(n).split() for n in names if n]
    candidates = [c for c in candidates if c]
    if not query or not candidates:
        return 0.0
    return max(sum(max(fuzz.ratio(q, w) for w in words) for q in query) / len(query) for words in candidates)


def _prefer(hits: Sequence[Hit]) -> Hit:
    order = [HitKind.PERSON, HitKind.ORGANISATION, HitKind.COUNTRY, HitKind.SEAT, HitKind.CAPITAL]
    order += [HitKind.ADJECTIVE, HitKind.SECTOR]
    return min(hits, key=lambda h: order.index(h.kind))


def show_record(kb: BuiltinKB, ident: str, *, day: dt.date | None) -> dict[str, Any] | None:
    """The entry an id names: ``person:ID``, ``org:ID``, ``country:ISO3``, ``sector:TERM`` or a bare id."""
    kind, _, key = ident.partition(":") if ":" in ident else ("", "", ident)
    if kind in ("", "person") and (person := kb.person(key)):
        return person_record(person, day)
    if kind in ("", "org", "organisation") and (org := kb.organisation(key)):
        return organisation_record(org)
    if kind in ("", "country") and (country := kb.country(key.upper())):
        return hit_record(kb, Hit(HitKind.COUNTRY, country=country))
    if kind == "sector":
        hits = [h for h in kb.lookup(key) if h.kind is HitKind.SECTOR]
        return hit_record(kb, hits[0]) if hits else None
    return None
