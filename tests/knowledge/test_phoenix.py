"""The Phoenix actor lists: the converter (tools/convert_phoenix_actors.py), the bundled
files it writes, and how the knowledge base consults them after khaldun's own entries.

The dictionaries below are written for these tests in the PETRARCH format; the people in
them are invented (Rufus Firefly, Chicolini) or given a wrong code on purpose (Putin).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.errors import DataFileError
from khaldun.knowledge.actors.builtin import BuiltinKB
from khaldun.knowledge.actors.phoenix import (
    PhoenixLists,
    bundled_lists,
    name_rules_fingerprint,
    read_people,
    written_as_name,
)
from khaldun.nlp.handmade import HandmadeBackend

ROOT = Path(__file__).resolve().parents[2]

COUNTRIES = """\
# National institutions
FREEDONIAN_HARBOUR_GUARD_
+HARBOUR_GUARD_OF_FREEDONIA
\t[FRAMIL]
RUFUS_T._FIREFLY_  # invented minister
+RUFUS_FIREFLY_
\t[FRAGOV 050101-091231]
\t[FRAELI]
CHICOLINI_MARX_
+PRESIDENT_CHICOLINI
\t[DEUGOV >120101]
VLADIMIR_PUTIN_
\t[RUSELI 700101-151231]
JOHN_GREW_
\t[USAGOV 080101-081231]
ZEMBLA_
+ZEMBLAN_
\t[USRKGZ <910831]
\t[KGZ >911221]
"""

INTERNATIONAL = """\
DEVELOPMENT_ALTERNATIVES_WITH_WOMEN_FOR_A_NEW_ERA_(DAWN)_\t[NGODEV]
SHELL_\t[MNC]
BLUE_LANTERN_SOCIETY_\t[NGOHRI]
"""

MILITANTS = """\
MARSH_ARAB_FRONT_ [IRQREB]
+MARSH_FRONT_
ORANGE_VALLEY_BRIGADES_ [KKLREB]
"""


def _tool() -> ModuleType:
    path = ROOT / "tools" / "convert_phoenix_actors.py"
    spec = importlib.util.spec_from_file_location("convert_phoenix_actors", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


@pytest.fixture(scope="module")
def lists(tool: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> PhoenixLists:
    """The test dictionaries converted and read back, as the bundled ones are."""
    conv = tool.converter(frozenset({"grew", "grow", "shell", "dawn", "front"}))
    texts = {"Countries": COUNTRIES, "International": INTERNATIONAL, "MilNonState": MILITANTS}
    people, orgs = tool.compile_lists(texts, conv)
    out = tmp_path_factory.mktemp("phoenix")
    tool.write_lists(out, people, orgs)
    return PhoenixLists.read(out / "people.tsv", out / "organisations.tsv")


@pytest.fixture(scope="module")
def kb(lists: PhoenixLists) -> BuiltinKB:
    return BuiltinKB(phoenix=lists)


def test_converter_output_parses(lists: PhoenixLists) -> None:
    names = {p.person.name: p for p in lists.people}
    assert set(names) == {"Rufus T. Firefly", "Chicolini Marx", "Vladimir Putin", "John Grew"}
    firefly = names["Rufus T. Firefly"].person
    assert firefly.country == "FRA" and firefly.source == "phoenix"
    assert [(r.code, r.start, r.end) for r in firefly.roles] == [
        ("FRAGOV", dt.date(2005, 1, 1), dt.date(2009, 12, 31))
    ]
    # A role still open in the lists ends where the lists end: later, khaldun's own decide.
    [chicolini] = names["Chicolini Marx"].person.roles
    assert chicolini.start == dt.date(2012, 1, 1) and chicolini.end == dt.date(2015, 12, 31)
    orgs = {o.name: o for o in lists.organisations}
    assert orgs["Development Alternatives With Women for A New Era"].aliases[-1] == "DAWN"
    assert orgs["Freedonian Harbour Guard"].code == "FRAMIL"
    assert orgs["Marsh Arab Front"].kind == "group" and orgs["Marsh Arab Front"].country == "IRQ"
    # Companies (MNC), placeholder codes (KKL) and states (Zembla's codes) are not kept.
    assert "Shell" not in orgs and "Orange Valley Brigades" not in orgs and "Zembla" not in names


def test_bundled_lists_parse_with_current_name_keys() -> None:
    lists = bundled_lists()
    assert len(lists.people) > 10_000 and len(lists.organisations) > 2_000
    folder = ROOT / "src" / "khaldun" / "data" / "actors" / "phoenix"
    header = (folder / "people.tsv").read_text("utf-8").splitlines()[:3]
    assert f"# name_rules: {name_rules_fingerprint()}" in header, "rerun tools/convert_phoenix_actors.py"
    assert (folder / "LICENSE").read_text("utf-8").startswith("The MIT License")
    assert (folder / "PROVENANCE.md").is_file()


def test_malformed_rows_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "people.tsv"
    path.write_text(
        "id\tname\tcountry\taliases\tkeys\tshort\troles\nx\tX Y\tFRA\tX Y\tx y\t\tFRAGOV 2005-13-01 \n"
    )
    with pytest.raises(DataFileError, match=r"people.tsv line 2: '2005-13-01' is not an ISO date"):
        read_people(path)[0].person  # noqa: B018 - roles are read when the person is first used
    path.write_text("id\tname\n")
    with pytest.raises(DataFileError, match="people.tsv line 1: header must be"):
        read_people(path)


def test_phoenix_only_office_holder_resolves_with_dated_code(kb: BuiltinKB) -> None:
    match = kb.find_person("Rufus Firefly", day=dt.date(2008, 3, 1))
    assert match is not None and match.person.id == "phoenix:rufus_t_firefly"
    assert match.person.role_on(dt.date(2008, 3, 1)).code == "FRAGOV"  # type: ignore[union-attr]
    # Out of the years the lists give him, the name may as well be a namesake's ...
    assert kb.find_person("Rufus Firefly", day=dt.date(2019, 3, 1)) is None
    # ... unless the text names his state.
    assert kb.find_person("Rufus Firefly", country="FRA", day=dt.date(2019, 3, 1)) is not None
    assert kb.find_person("Rufus Firefly", country="ITA", day=dt.date(2008, 3, 1)) is None
    # His distinctive surname alone, when the context names his state.
    assert kb.find_person("Firefly", country="FRA", day=dt.date(2008, 3, 1)) is not None
    assert kb.find_person("Firefly", day=dt.date(2008, 3, 1)) is None


def test_phoenix_only_holder_codes_an_event(tool: ModuleType, tmp_path: Path) -> None:
    table = """\
Rufus    Rufus    PROPN compound 2 PERSON
Firefly  Firefly  PROPN nsubj    3 PERSON
condemned condemn VERB  ROOT     0
Germany  Germany  PROPN dobj     3 GPE
"""
    people, orgs = tool.compile_lists({"Countries": COUNTRIES}, tool.converter(frozenset()))
    tool.write_lists(tmp_path, people, orgs)
    lists = PhoenixLists.read(tmp_path / "people.tsv", tmp_path / "organisations.tsv")
    pipeline = Pipeline(load_config(), nlp=HandmadeBackend([table]), kb=BuiltinKB(phoenix=lists))
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    [event] = pipeline.code(text, published="2008-03-01")
    assert event.source is not None and event.source.actor.code == "FRAGOV"
    [later] = pipeline.code(text, published="2019-03-01")
    assert later.source is None or later.source.actor.code[:3] != "FRA"


def test_khaldun_own_holder_wins(kb: BuiltinKB) -> None:
    # The lists' Putin (given a wrong code here) never replaces khaldun's own entry.
    for day in (dt.date(2010, 1, 1), dt.date(2020, 1, 1)):
        match = kb.find_person("Vladimir Putin", day=day)
        assert match is not None and match.person.source == "bundled"
        assert match.person.role_on(day).code.startswith("RUSGOV")  # type: ignore[union-attr]
    # After the lists stop, the office is khaldun's holder's, not a listed one's.
    holder = kb.office_holder("RUS", "president", dt.date(2020, 1, 1))
    assert holder is not None and holder.source == "bundled"
    assert kb.find_person("Chicolini Marx", day=dt.date(2020, 1, 1)) is None


def test_common_words_do_not_match_the_lists(kb: BuiltinKB) -> None:
    # "Grew" is an English word: John Grew is found by his full name only.
    assert kb.find_person("John Grew", day=dt.date(2008, 6, 1)) is not None
    assert kb.find_person("Grew", country="USA", day=dt.date(2008, 6, 1)) is None
    # An acronym matches only in capitals, a name only when written as one.
    assert kb.lookup("DAWN") and not kb.lookup("Dawn") and not kb.lookup("dawn")
    assert kb.lookup("Blue Lantern Society") and not kb.lookup("blue lantern society")
    assert kb.lookup("Marsh Front")[0].organisation.code == "IRQREB"  # type: ignore[union-attr]
    assert not kb.lookup("Front")
    # Lower-case text never finds a person of the lists.
    assert kb.find_person("rufus firefly", day=dt.date(2008, 3, 1)) is None


def test_written_as_name() -> None:
    assert written_as_name("Bank of Ghana") and written_as_name("al-Aqsa Martyrs Brigade")
    assert not written_as_name("free syrian army") and not written_as_name("the bank")


@pytest.fixture(scope="module")
def petrarch2() -> Path:
    folder = ROOT.parent / "shared" / "petrarch2" / "dictionaries"
    if not folder.is_dir():
        pytest.skip(f"PETRARCH2 dictionaries {folder} are absent (they sit beside the checkout)")
    return folder


def test_real_dictionaries_convert(tool: ModuleType, petrarch2: Path) -> None:
    from khaldun.knowledge.actors.petrarch import decode

    texts = {name: decode((petrarch2 / name).read_bytes()) for name in tool.FILES}
    people, orgs = tool.compile_lists(texts, tool.converter(frozenset()))
    by_name = {p["name"]: p for p in people}
    # Primary lines in a row share the codes that follow them, as PETRARCH reads them.
    assert "Yeltsin" in by_name["Boris Yeltsin"]["aliases"]
    assert any(code == "RUSGOV" for code, _, _ in by_name["Boris Yeltsin"]["roles"])
    assert len(people) > 10_000 and len(orgs) > 2_000
    assert all(o["code"][:3] not in ("MNC", "KKL", "MEA") for o in orgs)


def test_reader_gives_primary_lines_in_a_row_the_codes_that_follow() -> None:
    from khaldun.knowledge.actors.petrarch import parse_dictionary

    text = "RUFUS_FIREFLY_\nPRESIDENT_FIREFLY\n+FIREFLY_\n\t[FRAGOV 050101-091231]\nCHICOLINI_ [ITA]\n"
    entries, warnings = parse_dictionary(text, "x")
    assert not warnings
    assert [(e.phrase, e.synonyms, [c.code for c in e.codes]) for e in entries] == [
        ("RUFUS FIREFLY", ["PRESIDENT FIREFLY", "FIREFLY"], ["FRAGOV"]),
        ("CHICOLINI", [], ["ITA"]),
    ]


def test_reader_skips_an_interval_that_ends_before_it_starts() -> None:
    from khaldun.knowledge.actors.petrarch import parse_dictionary

    # "250101" reads as 2025 (two-digit years up to 30 are 20xx), after the end in 1933.
    entries, warnings = parse_dictionary(
        "RUFUS_FIREFLY_\n\t[FRAELI 250101-331108]\n\t[FRAGOV 331108-451231]\n", "x"
    )
    assert [c.code for c in entries[0].codes] == ["FRAGOV"]
    assert warnings == ["x line 2: code [FRAELI 250101-331108] not understood, skipped"]
