"""Office holders and groups of 1977-2010 in the bundled knowledge base: dated roles, namesakes, organisations."""

from __future__ import annotations

import datetime as dt

import pytest

from khaldun.knowledge.actors.base import HitKind
from khaldun.knowledge.actors.builtin import BuiltinKB, load_builtin_kb

D = dt.date


@pytest.fixture(scope="module")
def kb() -> BuiltinKB:
    return load_builtin_kb()


def code_on(kb: BuiltinKB, name: str, day: dt.date | None) -> str | None:
    match = kb.find_person(name, day=day)
    assert match is not None, name
    role = match.person.role_on(day) or (match.person.roles[0] if day is None else None)
    return role.code if role else None


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Ronald Reagan", D(1985, 6, 1), "USAGOV"),
        ("President Reagan", D(1987, 3, 1), "USAGOV"),
        ("George Shultz", D(1986, 1, 1), "USAGOV"),
        ("Warren Christopher", D(1995, 1, 1), "USAGOV"),
        ("Mikhail Gorbachev", D(1990, 6, 1), "RUSGOV"),
        ("Andrei Kozyrev", D(1994, 5, 1), "RUSGOV"),
        ("Yevgeny Primakov", D(1993, 1, 1), "RUSSPY"),
        ("Yevgeny Primakov", D(1999, 1, 1), "RUSGOV"),
        ("Eduard Shevardnadze", D(1987, 1, 1), "RUSGOV"),
        ("Eduard Shevardnadze", D(2000, 1, 1), "GEOGOV"),
        ("Margaret Thatcher", D(1984, 1, 1), "GBRGOV"),
        ("Helmut Kohl", D(1990, 10, 3), "DEUGOV"),
        ("Yitzhak Rabin", D(1994, 1, 1), "ISRGOV"),
        ("Yasser Arafat", D(1988, 11, 15), "PSEGOVPLO"),
        ("Hafez al-Assad", D(1990, 1, 1), "SYRGOV"),
        ("Ruhollah Khomeini", D(1985, 1, 1), "IRNGOV"),
        ("King Hussein", D(1990, 8, 2), "JORGOV"),
        ("Zia-ul-Haq", D(1985, 1, 1), "PAKGOV"),
        ("Jonas Savimbi", D(1992, 10, 1), "AGOREBUNT"),
        ("Charles Taylor", D(1992, 1, 1), "LBRREBNPF"),
        ("Charles Taylor", D(2000, 1, 1), "LBRGOV"),
        ("Slobodan Milosevic", D(1995, 1, 1), "SRBGOV"),
        ("Franjo Tudjman", D(1995, 8, 1), "HRVGOV"),
        ("Suharto", D(1990, 1, 1), "IDNGOV"),
        ("Aung San Suu Kyi", D(2000, 1, 1), "MMROPP"),
        ("Alberto Fujimori", D(1995, 1, 1), "PERGOV"),
        ("Augusto Pinochet", D(1985, 1, 1), "CHLGOV"),
        ("Mahendra Chaudhry", D(1999, 12, 1), "FJIGOV"),
    ],
)
def test_dated_roles(kb: BuiltinKB, name: str, day: dt.date, code: str) -> None:
    assert code_on(kb, name, day) == code


def test_no_role_outside_office(kb: BuiltinKB) -> None:
    assert code_on(kb, "Ronald Reagan", D(1995, 1, 1)) is None
    assert code_on(kb, "Margaret Thatcher", D(1995, 1, 1)) is None


def test_undated_names_take_the_senior_role(kb: BuiltinKB) -> None:
    # Without a date the first listed role is used: the office the person is best known for.
    assert code_on(kb, "Mohammad Zia-Ul-Haq", None) == "PAKGOV"
    assert code_on(kb, "Andrei Kozyrev", None) == "RUSGOV"
    assert code_on(kb, "Dawda Jawara", None) == "GMBGOV"
    assert code_on(kb, "Chedli Klibi", None) == "IGOARBALG"


def test_namesakes_are_told_apart_by_date(kb: BuiltinKB) -> None:
    kabila_1998 = kb.find_person("Kabila", day=D(1998, 1, 1))
    kabila_2005 = kb.find_person("Kabila", day=D(2005, 1, 1))
    assert kabila_1998 is not None and kabila_1998.person.id == "laurent_desire_kabila"
    assert kabila_2005 is not None and kabila_2005.person.id == "joseph_kabila"
    carter = kb.find_person("Carter", day=D(1979, 6, 1))
    assert carter is not None and carter.person.id == "jimmy_carter"
    carter = kb.find_person("Carter", day=D(2016, 6, 1))
    assert carter is not None and carter.person.id == "ash_carter"


def test_soviet_and_russian_heads_of_state(kb: BuiltinKB) -> None:
    assert kb.office_holder("RUS", "president", D(1990, 6, 1)).id == "mikhail_gorbachev"  # type: ignore[union-attr]
    assert kb.office_holder("RUS", "president", D(1995, 1, 1)).id == "boris_yeltsin"  # type: ignore[union-attr]
    assert kb.office_holder("ISR", "prime minister", D(1985, 6, 1)).id == "shimon_peres"  # type: ignore[union-attr]
    assert kb.office_holder("ISR", "prime minister", D(1990, 6, 1)).id == "yitzhak_shamir"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("UNITA", "AGOREBUNT"),
        ("Islamic Salvation Front", "DZAREBFIS"),
        ("MASSOB", "NGASEPMSB"),
        ("Khmer Rouge", "KHMREBKRG"),
        ("Moro Islamic Liberation Front", "PHLREBMLF"),
        ("NPFL", "LBRREBNPF"),
        ("Revolutionary United Front", "SLEREBRUF"),
        ("Kosovo Liberation Army", "XKXREBKLA"),
        ("Irish Republican Army", "GBRREBIRA"),
        ("ETA", "ESPSEPETA"),
        ("Shining Path", "PERREBSLU"),
        ("Lord's Resistance Army", "UGAREBLRA"),
        ("Sudan People's Liberation Army", "SDNREBSPL"),
        ("Kifaya", "EGYOPPKIF"),
        ("Organisation of African Unity", "IGOAFROAU"),
        ("ECOMOG", "IGOAFRECWMIL"),
        ("Palestinian Liberation Organization", "PSEGOVPLO"),
        ("European Community", "IGOEUREEC"),
        ("EC", "IGOEUREEC"),
        ("CSCE", "IGOEUROSC"),
        ("Liberation Tigers", "LKAREBLTT"),
    ],
)
def test_organisations(kb: BuiltinKB, phrase: str, code: str) -> None:
    hits = [h for h in kb.lookup(phrase) if h.kind is HitKind.ORGANISATION]
    assert len(hits) == 1 and hits[0].organisation is not None
    assert hits[0].organisation.code == code
