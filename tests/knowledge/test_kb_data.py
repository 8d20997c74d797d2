"""Integrity checks on the actor knowledge base data files.

These tests read the shipped files directly (csv / yaml.safe_load), without the
loader, so that broken data fails here with a precise message.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

DATA = Path(__file__).parents[2] / "src/khaldun/data"
ACTORS = DATA / "actors"
GAZ = DATA / "gazetteer"

OFFICES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "supreme_leader",
    "crown_prince",
    "vice_president",
    "intelligence_chief",
    "speaker",
    "army_chief",
    "other",
}
SECTOR_CODES = {
    "GOV",
    "MIL",
    "COP",
    "REB",
    "INS",
    "OPP",
    "PTY",
    "JUD",
    "LEG",
    "SPY",
    "MED",
    "EDU",
    "BUS",
    "CRM",
    "CVL",
    "LAB",
    "HLH",
    "REF",
    "AGR",
    "ELI",
    "ENV",
    "HRI",
    "NGO",
    "IGO",
    "UAF",
    "SET",
    "RAD",
    "REL",
    "SEP",
    "DEV",
    "MOD",
}
INTERNATIONAL_PREFIXES = ("IGO", "NGO", "IMG")
NON_ISO = {"XKX"}  # Kosovo: user-assigned code, not in ISO 3166-1
# Allowed overlap between consecutive holders of one office (hand-over days, acting periods).
OVERLAP_DAYS = 5


def read_tsv(path: Path) -> tuple[list[str], list[list[str]], list[str]]:
    """Return (header, rows, comment lines) of a '#'-commented TSV file."""
    comments, lines = [], []
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            if line.startswith("#"):
                comments.append(line)
            elif line.strip():
                lines.append(line.rstrip("\n"))
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:], comments


@pytest.fixture(scope="module")
def countries():
    header, rows, comments = read_tsv(ACTORS / "countries.tsv")
    return header, rows, comments


@pytest.fixture(scope="module")
def iso3_set(countries):
    return {r[0] for r in countries[1]}


@pytest.fixture(scope="module")
def people():
    return yaml.safe_load((ACTORS / "people.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def orgs():
    return yaml.safe_load((ACTORS / "organisations.yaml").read_text(encoding="utf-8"))


def as_date(value) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def code_on(person: dict, day: str) -> set[str]:
    d = dt.date.fromisoformat(day)
    out = set()
    for r in person["roles"]:
        start = as_date(r["start"])
        end = as_date(r["end"]) if r.get("end") else dt.date.max
        if start <= d < end or (start <= d and d == end and start == end):
            out.add(r["code"])
    return out


def person_by_alias(people: dict, alias: str) -> dict:
    hits = [p for p in people["people"] if alias in p["aliases"]]
    assert len(hits) == 1, f"alias {alias!r} names {len(hits)} people"
    return hits[0]


# ---------------------------------------------------------------- countries.tsv


def test_countries_header_and_version(countries):
    header, rows, comments = countries
    assert any("format_version: 1" in c for c in comments)
    assert header == [
        "iso3",
        "iso2",
        "name",
        "aliases",
        "adjectives",
        "capital",
        "capital_lat",
        "capital_lon",
        "seats",
    ]


def test_countries_rows_well_formed(countries):
    _, rows, _ = countries
    assert len(rows) >= 197  # 193 UN members + Palestine, Holy See, Kosovo, Taiwan
    for r in rows:
        assert len(r) == 9, r
        iso3, iso2, name, aliases, adjectives, capital, lat, lon, seats = r
        assert re.fullmatch(r"[A-Z]{3}", iso3), iso3
        assert re.fullmatch(r"[A-Z]{2}", iso2), iso2
        if iso3 not in NON_ISO:
            c = pycountry.countries.get(alpha_3=iso3)
            assert c is not None, f"{iso3} is not an ISO 3166-1 alpha-3 code"
            assert c.alpha_2 == iso2, (iso3, iso2)
        assert name and "," not in name, f"{iso3}: use the common short name, not {name!r}"
        assert capital, iso3
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, (iso3, lat, lon)
        for field in (aliases, adjectives):
            items = [x for x in field.split("|")] if field else []
            assert all(x.strip() == x and x for x in items), (iso3, field)
            assert not any(x.lower().startswith("the ") for x in items), (iso3, field)
        for seat in filter(None, seats.split("|")):
            phrase, _, sector = seat.partition("=")
            assert phrase and sector in SECTOR_CODES, (iso3, seat)


def test_countries_unique(countries):
    _, rows, _ = countries
    counts = Counter(r[0] for r in rows)
    assert not [k for k, v in counts.items() if v > 1]
    assert len({r[1] for r in rows}) == len(rows)
    # A name, alias or adjective must point to one country only.
    owner: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        for s in [r[2], *filter(None, r[3].split("|")), *filter(None, r[4].split("|"))]:
            owner[s].add(r[0])
    clashes = {s: o for s, o in owner.items() if len(o) > 1}
    assert not clashes, clashes


def test_key_countries_present(countries):
    _, rows, _ = countries
    by = {r[0]: r for r in rows}
    for iso3 in ("IRQ", "IRN", "SAU", "USA", "PSE", "VAT", "XKX", "TWN", "SSD", "TLS"):
        assert iso3 in by, iso3
    assert by["IRN"][2] == "Iran"
    assert "US" in by["USA"][3].split("|") and "America" in by["USA"][3].split("|")
    assert "Kremlin=GOV" in by["RUS"][8].split("|")
    assert "Pentagon=MIL" in by["USA"][8].split("|")
    assert "Iraqi" in by["IRQ"][4].split("|")
    assert by["IRN"][5] == "Tehran" and abs(float(by["IRN"][6]) - 35.69) < 0.1


# ---------------------------------------------------------------- sectors.tsv


def test_sectors_file():
    header, rows, comments = read_tsv(ACTORS / "sectors.tsv")
    assert any("format_version: 1" in c for c in comments)
    assert header == ["term", "code", "plover_sector", "kind"]
    terms = [r[0] for r in rows]
    assert len(terms) == len(set(terms)), [t for t, c in Counter(terms).items() if c > 1]
    for r in rows:
        assert len(r) == 4, r
        term, code, plover, kind = r
        assert term == term.lower() and term.strip() == term and term, r
        assert code in SECTOR_CODES, r
        assert plover, r
        assert kind in {"person", "group", "organisation"}, r
    by = {r[0]: r[1] for r in rows}
    expected = {
        "government": "GOV",
        "officials": "GOV",
        "minister": "GOV",
        "prime minister": "GOV",
        "spokesman": "GOV",
        "ambassador": "GOV",
        "delegation": "GOV",
        "supreme leader": "GOV",
        "army": "MIL",
        "troops": "MIL",
        "soldiers": "MIL",
        "security forces": "MIL",
        "police": "COP",
        "policemen": "COP",
        "rebels": "REB",
        "insurgents": "INS",
        "militants": "INS",
        "militias": "UAF",
        "gunmen": "UAF",
        "protesters": "CVL",
        "opposition": "OPP",
        "parliament": "LEG",
        "lawmakers": "LEG",
        "mps": "LEG",
        "court": "JUD",
        "judges": "JUD",
        "intelligence services": "SPY",
        "journalists": "MED",
        "businessmen": "BUS",
        "students": "EDU",
        "civilians": "CVL",
        "workers": "LAB",
        "doctors": "HLH",
        "refugees": "REF",
        "farmers": "AGR",
        "separatists": "SEP",
        "extremists": "RAD",
        "human rights groups": "HRI",
        "aid groups": "NGO",
    }
    for term, code in expected.items():
        assert by.get(term) == code, (term, by.get(term))


# ---------------------------------------------------------------- people.yaml


def check_code(code: str, iso3_set: set[str]) -> None:
    assert re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", code), f"bad code {code!r}"
    head = code[:3]
    assert head in iso3_set or head in INTERNATIONAL_PREFIXES, f"{code}: unknown prefix"


def test_people_schema(people, iso3_set):
    assert people["format_version"] == 1
    persons = people["people"]
    assert len(persons) >= 300
    ids = Counter(p["id"] for p in persons)
    assert not [k for k, v in ids.items() if v > 1]
    for p in persons:
        assert set(p) == {"id", "name", "country", "aliases", "roles"}, p.get("id")
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", p["id"]), p["id"]
        assert p["country"] in iso3_set, (p["id"], p["country"])
        assert isinstance(p["aliases"], list) and p["aliases"], p["id"]
        assert len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        assert all(isinstance(a, str) and a.strip() == a and a for a in p["aliases"]), p["id"]
        assert not any(a.lower().startswith("the ") for a in p["aliases"]), p["id"]
        assert p["roles"], p["id"]
        for r in p["roles"]:
            assert set(r) <= {"title", "office", "code", "start", "end"}, (p["id"], r)
            assert r["title"] and r["office"] in OFFICES, (p["id"], r)
            check_code(r["code"], iso3_set)
            start = as_date(r["start"])
            assert dt.date(1940, 1, 1) <= start <= dt.date(2026, 12, 31), (p["id"], r)
            if r.get("end") is not None:
                assert start <= as_date(r["end"]), (p["id"], r)


def test_people_aliases_unique(people):
    owner: dict[str, set[str]] = defaultdict(set)
    for p in people["people"]:
        for a in p["aliases"]:
            owner[a].add(p["id"])
    clashes = {a: o for a, o in owner.items() if len(o) > 1}
    assert not clashes, clashes


@pytest.mark.parametrize("office", ["head_of_government", "head_of_state"])
def test_offices_do_not_overlap(people, office):
    """Two holders of one country's top office never overlap by more than a few days."""
    spans: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for p in people["people"]:
        for r in p["roles"]:
            if r["office"] != office or r["code"][:3] in INTERNATIONAL_PREFIXES:
                continue
            end = as_date(r["end"]) if r.get("end") else dt.date(2100, 1, 1)
            spans[r["code"][:3]].append((as_date(r["start"]), end, p["id"]))
    problems = []
    for country, items in spans.items():
        items.sort()
        for (_s1, e1, a), (s2, e2, b) in zip(items, items[1:], strict=False):
            if a != b and (min(e1, e2) - s2).days > OVERLAP_DAYS:
                problems.append((country, a, b, str(s2), str(e1)))
    assert not problems, problems


def test_required_countries_have_office_holders(people):
    covered: dict[str, set[str]] = defaultdict(set)
    for p in people["people"]:
        for r in p["roles"]:
            covered[r["code"][:3]].add(r["office"])
    for iso3 in (
        "IRQ",
        "IRN",
        "SAU",
        "USA",
        "ISR",
        "SYR",
        "TUR",
        "EGY",
        "JOR",
        "LBN",
        "ARE",
        "QAT",
        "KWT",
        "RUS",
        "CHN",
        "GBR",
        "FRA",
        "DEU",
    ):
        assert "foreign_minister" in covered[iso3], iso3
        assert covered[iso3] & {"head_of_state", "head_of_government"}, iso3
    assert "supreme_leader" in covered["IRN"]


def test_known_facts(people):
    def codes(alias, day):
        return code_on(person_by_alias(people, alias), day)

    # The seed article (2020-07-21)
    assert codes("Rouhani", "2020-07-21") == {"IRNGOV"}
    assert codes("Al-Kazemi", "2020-07-21") == {"IRQGOV"}
    assert codes("Al-Kazimi", "2020-07-21") == {"IRQGOV"}
    assert codes("Mustafa al-Kadhimi", "2019-01-01") == {"IRQSPY"}
    assert codes("Zarif", "2020-07-19") == {"IRNGOV"}
    assert codes("Khamenei", "2020-07-21") == {"IRNGOV"}
    assert codes("King Salman", "2020-07-21") == {"SAUGOV"}
    assert codes("Rouhani", "2022-01-01") == set()
    # United States presidents
    biden = person_by_alias(people, "Biden")
    pres = [r for r in biden["roles"] if r["title"] == "President"]
    assert len(pres) == 1
    assert as_date(pres[0]["start"]) == dt.date(2021, 1, 20)
    assert as_date(pres[0]["end"]) == dt.date(2025, 1, 20)
    assert codes("Biden", "2023-06-01") == {"USAGOV"}
    trump = person_by_alias(people, "Trump")
    starts = sorted(as_date(r["start"]) for r in trump["roles"] if r["title"] == "President")
    assert starts == [dt.date(2017, 1, 20), dt.date(2025, 1, 20)]
    assert codes("Trump", "2025-06-01") == {"USAGOV"}
    assert codes("Trump", "2022-06-01") == set()
    # Other anchors
    assert codes("MBS", "2023-01-01") == {"SAUGOV"}
    assert codes("Netanyahu", "2015-01-01") == {"ISRGOV"}
    assert codes("Soleimani", "2019-06-01") == {"IRNMIL"}
    salman = person_by_alias(people, "King Salman")
    king = [r for r in salman["roles"] if r["title"] == "King"][0]
    assert as_date(king["start"]) == dt.date(2015, 1, 23) and king.get("end") is None


# ---------------------------------------------------------------- organisations.yaml


def test_organisations(orgs, iso3_set):
    assert orgs["format_version"] == 1
    items = orgs["organisations"]
    assert len(items) >= 60
    ids = Counter(o["id"] for o in items)
    assert not [k for k, v in ids.items() if v > 1]
    owner: dict[str, set[str]] = defaultdict(set)
    for o in items:
        assert set(o) == {"id", "name", "aliases", "code", "country", "sector", "kind"}, o.get("id")
        assert re.fullmatch(r"[a-z0-9]+(?:_[a-z0-9]+)*", o["id"]), o["id"]
        check_code(o["code"], iso3_set)
        assert o["country"] is None or o["country"] in iso3_set, o["id"]
        assert o["kind"] in {"organisation", "group"}, o["id"]
        assert o["sector"], o["id"]
        assert o["aliases"] and len(set(o["aliases"])) == len(o["aliases"]), o["id"]
        for a in o["aliases"]:
            owner[a].add(o["id"])
    clashes = {a: s for a, s in owner.items() if len(s) > 1}
    assert not clashes, clashes
    by_alias = {a: next(iter(s)) for a, s in owner.items()}
    code = {o["id"]: o["code"] for o in items}
    assert code[by_alias["ISIS"]] == "IMGMUSISI"
    assert code[by_alias["Daesh"]] == "IMGMUSISI"
    assert code[by_alias["UN"]] == "IGOUNO"
    assert code[by_alias["IRGC"]] == "IRNMIL"
    assert code[by_alias["Hezbollah"]].startswith("LBN")
    assert code[by_alias["Hamas"]].startswith("PSE")
    assert code[by_alias["Houthis"]].startswith("YEM")
    assert code[by_alias["Hashd al-Shaabi"]].startswith("IRQ")
    assert code[by_alias["NATO"]].startswith("IGO")
    for alias in (
        "Taliban",
        "PKK",
        "SDF",
        "YPG",
        "al-Shabaab",
        "Boko Haram",
        "Wagner Group",
        "Quds Force",
        "Fatah",
        "Hayat Tahrir al-Sham",
        "Polisario",
        "FARC",
        "ELN",
        "Kataib Hezbollah",
        "Muslim Brotherhood",
        "AQAP",
        "al-Qaeda",
        "Islamic Jihad",
        "Amnesty International",
        "Human Rights Watch",
        "MSF",
        "ICRC",
        "IAEA",
        "IMF",
        "World Bank",
        "UNHCR",
        "UNICEF",
        "WHO",
        "African Union",
        "Arab League",
        "GCC",
        "OPEC",
        "ASEAN",
        "OSCE",
        "ICC",
        "UN Security Council",
        "EU",
    ):
        assert alias in by_alias, alias


def test_org_codes_used_by_people_exist(people, orgs):
    """Group-specific codes in people.yaml (3 blocks or more) name an organisation."""
    org_codes = {o["code"] for o in orgs["organisations"]}
    missing = set()
    for p in people["people"]:
        for r in p["roles"]:
            c = r["code"]
            if len(c) >= 9 and c[:3] not in INTERNATIONAL_PREFIXES and c not in org_codes:
                missing.add((p["id"], c))
            if c[:3] in INTERNATIONAL_PREFIXES and c not in org_codes:
                missing.add((p["id"], c))
    assert not missing, sorted(missing)


def test_names_unique_across_files(countries, people, orgs):
    """A string names one thing: a country (name, alias, adjective, seat), a person or an organisation."""
    owner: dict[str, set[str]] = defaultdict(set)
    for r in countries[1]:
        seats = [s.partition("=")[0] for s in r[8].split("|") if s]
        for s in [r[2], *r[3].split("|"), *r[4].split("|"), *seats]:
            if s:
                owner[s].add("country:" + r[0])
    for p in people["people"]:
        for a in p["aliases"]:
            owner[a].add("person:" + p["id"])
    for o in orgs["organisations"]:
        for a in o["aliases"]:
            owner[a].add("org:" + o["id"])
    clashes = {a: s for a, s in owner.items() if len(s) > 1}
    assert not clashes, clashes


# ---------------------------------------------------------------- landmarks.tsv


def test_landmarks(iso3_set):
    header, rows, comments = read_tsv(GAZ / "landmarks.tsv")
    assert any("format_version: 1" in c for c in comments)
    assert header == ["name", "city", "country", "lat", "lon"]
    assert len(rows) >= 40
    names = Counter(r[0] for r in rows)
    assert not [k for k, v in names.items() if v > 1]
    for r in rows:
        assert len(r) == 5, r
        name, city, country, lat, lon = r
        assert name and city and not name.lower().startswith("the "), r
        assert country in iso3_set, r
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, r
    by = {r[0]: r for r in rows}
    assert by["Mehrabad Airport"][1:3] == ["Tehran", "IRN"]
    assert by["Green Zone"][1:3] == ["Baghdad", "IRQ"]
    assert by["Kremlin"][1:3] == ["Moscow", "RUS"]


def test_office_seniority_ranks_known_offices():
    header, rows, comments = read_tsv(ACTORS / "office_seniority.tsv")
    assert any("format_version: 1" in c for c in comments)
    assert header == ["office"]
    ranked = [r[0] for r in rows]
    assert len(ranked) == len(set(ranked)) and set(ranked) <= OFFICES - {"other"}
    assert ranked[0] == "head_of_state"


# ---------------------------------------------------------------- peoples.tsv


def test_peoples(countries, iso3_set):
    header, rows, comments = read_tsv(ACTORS / "peoples.tsv")
    assert any("format_version: 1" in c for c in comments)
    assert header == ["name", "forms", "countries"]
    country_words = {w.lower() for r in countries[1] for w in [r[2], *r[3].split("|"), *r[4].split("|")] if w}
    forms = Counter(f.lower() for r in rows for f in r[1].split("|"))
    assert not [k for k, v in forms.items() if v > 1], "a form names one people"
    for r in rows:
        assert len(r) == 3 and all(r), r
        assert set(r[2].split("|")) <= iso3_set, r
        # A people whose name is a state's demonym is that state's (countries.tsv), not a people here.
        assert not {f.lower() for f in r[1].split("|")} & country_words, r
    by = {r[0]: r[2].split("|") for r in rows}
    assert by["Chechens"] == ["RUS"]
    assert set(by["Kurds"]) == {"TUR", "IRQ", "IRN", "SYR"}


# ---------------------------------------------------------------- regions.tsv


def test_regions(countries, iso3_set):
    header, rows, comments = read_tsv(GAZ / "regions.tsv")
    assert any("format_version: 1" in c for c in comments)
    assert header == ["name", "region", "country", "lat", "lon"]
    names = Counter(r[0].lower() for r in rows)
    assert not [k for k, v in names.items() if v > 1]
    country_words = {w.lower() for r in countries[1] for w in [r[2], *r[3].split("|"), r[5]] if w}
    canonical = {r[0]: r for r in rows}
    for r in rows:
        assert len(r) == 5, r
        name, region, country, lat, lon = r
        assert country in iso3_set, r
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, r
        assert name.lower() not in country_words, f"{name!r} names a country or capital"
        # An alias resolves to a region listed under its own name, in the same state.
        assert canonical[region][2] == country, r
    assert canonical["Xinjiang"][2] == "CHN"
    assert canonical["Golan Heights"][2] == "SYR"


def test_misspelt_country_names_are_read_only_when_close_to_one_country() -> None:
    from khaldun.knowledge.actors.builtin import BuiltinKB

    kb = BuiltinKB()
    assert kb.lookup_misspelt_country("Afganistan").country.iso3 == "AFG"
    assert kb.lookup_misspelt_country("Phillipines").country.iso3 == "PHL"
    # Real names and near neighbours are left alone.
    assert kb.lookup_misspelt_country("Austria") is None
    assert kb.lookup_misspelt_country("Australlia").country.iso3 == "AUS"
    assert kb.lookup_misspelt_country("Columbia") is None
    assert kb.lookup_misspelt_country("Slovakian") is None
