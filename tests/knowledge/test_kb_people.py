"""Finding known people: transliteration keys, context that keeps namesakes apart, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from khaldun.knowledge.actors.builtin import BuiltinKB, load_builtin_kb

D = dt.date


@pytest.fixture(scope="module")
def kb() -> BuiltinKB:
    return load_builtin_kb()


@pytest.mark.parametrize(
    "name",
    ["Al-Kazemi", "Al-Kazimi", "al-Kadhimi", "Kadhimi", "Mustafa Al-Kazemi's", "Mostafa al-Kadhimi"],
)
def test_spellings_of_kadhimi(kb: BuiltinKB, name: str) -> None:
    match = kb.find_person(name)
    assert match is not None and match.person.id == "mustafa_al_kadhimi"


def test_kazmi_is_not_kadhimi(kb: BuiltinKB) -> None:
    assert kb.find_person("Kazmi") is None
    # A near spelling from another country is not merged with the Iraqi.
    assert kb.find_person("Mustafa Kazmi", country="PAK") is None


def test_fuzzy_match_needs_the_same_name_shape(kb: BuiltinKB) -> None:
    match = kb.find_person("Mustafa al-Kadhemi")
    assert match is not None and match.person.id == "mustafa_al_kadhimi" and match.how in ("alias", "fuzzy")
    assert kb.find_person("Ali Kadhimi") is None


def test_abdullah_by_country(kb: BuiltinKB) -> None:
    assert kb.find_person("King Abdullah", country="JOR").person.id == "abdullah_ii"  # type: ignore[union-attr]
    saudi = kb.find_person("King Abdullah", country="SAU")
    assert saudi is not None and saudi.person.country == "SAU"


def test_abdullah_by_date(kb: BuiltinKB) -> None:
    # In 2020 only Jordan's Abdullah reigns; in 2010 both did, so the name alone stays open.
    match = kb.find_person("King Abdullah", day=D(2020, 7, 21))
    assert match is not None and match.person.id == "abdullah_ii" and "in office" in match.why
    assert kb.find_person("King Abdullah", day=D(2010, 1, 1)) is None


def test_surname_from_another_country_is_refused(kb: BuiltinKB) -> None:
    assert kb.find_person("Kadhimi", country="IRQ") is not None
    assert kb.find_person("Kadhimi", country="USA") is None


def test_roles_by_date(kb: BuiltinKB) -> None:
    rouhani = kb.find_person("Hassan Rouhani")
    assert rouhani is not None
    assert rouhani.person.role_on(D(2020, 7, 21)).code == "IRNGOV"  # type: ignore[union-attr]
    assert rouhani.person.role_on(D(2023, 5, 1)) is None


def test_office_holder(kb: BuiltinKB) -> None:
    assert kb.office_holder("IRQ", "prime minister", D(2020, 7, 21)).id == "mustafa_al_kadhimi"  # type: ignore[union-attr]
    assert kb.office_holder("IRN", "president", D(2020, 7, 21)).id == "hassan_rouhani"  # type: ignore[union-attr]
    assert kb.office_holder("IRN", "president", D(2023, 5, 1)).id != "hassan_rouhani"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "iso3", "sector"),
    [
        ("White House", "USA", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("the Pentagon", "USA", "MIL"),
        ("Tehran", "IRN", "GOV"),
    ],
)
def test_seats_of_power(kb: BuiltinKB, phrase: str, iso3: str, sector: str) -> None:
    [hit] = kb.lookup(phrase)
    assert hit.country is not None and hit.country.iso3 == iso3 and hit.seat_sector == sector


def test_search_finds_people_and_organisations(kb: BuiltinKB) -> None:
    kinds = {(kind, ident) for kind, ident, _ in kb.search("Kazimi")}
    assert ("person", "mustafa_al_kadhimi") in kinds
    assert ("organisation", "hezbollah") in {(k, i) for k, i, _ in kb.search("Hezbollah")}
