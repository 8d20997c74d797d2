"""User knowledge: YAML, CSV and PETRARCH/TABARI dictionaries merged through the config."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from khaldun.config import load_config
from khaldun.errors import ConfigError, DataFileError
from khaldun.knowledge.actors import load_kb
from khaldun.knowledge.actors.base import HitKind
from khaldun.knowledge.actors.builtin import BuiltinKB, bundled_sector_names
from khaldun.knowledge.actors.petrarch import parse_dictionary, read_dictionary
from khaldun.knowledge.actors.user import read_user_file

YAML = """\
format_version: 1
people:
  - id: ali_kazmi
    name: Ali Kazmi
    country: PAK
    aliases: [Ali Kazmi, Kazmi]
    roles:
      - {title: Provincial Minister, office: other, code: PAKGOV, start: 2019-01-01}
  - id: hassan_rouhani          # overrides the bundled entry
    name: Hassan Rouhani
    country: IRN
    aliases: [Hassan Rouhani, Rouhani]
    roles:
      - {title: President, office: head_of_government, code: IRNGOV, start: 2013-08-03, end: 2021-08-03}
      - {title: Chairman of the Test Council, office: other, code: IRNELI, start: 2022-01-01}
organisations:
  - {id: basra_traders, name: Basra Traders Union, aliases: [BTU], code: IRQBUS, country: IRQ,
     sector: Business, kind: organisation}
sectors:
  - {term: fishermen, code: AGR, plover_sector: Agriculture, kind: group}
"""

CSV = """\
kind,id,name,aliases,country,code,sector,title,office,start,end
person,jane_roe,Jane Roe,Roe,GBR,GBRGOV,,Envoy,other,2021-01-01,2022-12-31
person,jane_roe,Jane Roe,,GBR,IGOUNO,,UN Special Envoy,other,2023-01-01,
organisation,north_front,North Front,NF,SYR,SYRREB,Rebels,,,,
sector,,harbour pilots,,,BUS,Business,,,,
"""

ACTORS = """\
<!-- a tiny dictionary written for these tests -->
# comment line
FREDONIA_  [FRD]
KINGDOM_OF_ZEMBLA_ [JOR]
+ZEMBLAN_
RUFUS_T._FIREFLY_  # leader
+PRESIDENT_FIREFLY_
\t[JORGOV 330101-331231]
\t[JORELI 20000101-20101231]
\t[JOR]
HARBOUR_GUARD_OF_ZEMBLA [JORMIL]
BARBARIAN_BROTHERHOOD [IMGMUSBBH] [JORREB 990101-011231]
BROKEN_ENTRY [JORGOV 9901-02]
"""

AGENTS = """\
!PERSON! = MAN, MEN
FISHER!PERSON! [~AGR]
HARBOUR_PILOT {HARBOUR_PILOTS} [~BUS]
TRUCE_OBSERVER {} [IGO~]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_yaml_adds_and_overrides(tmp_path: Path) -> None:
    entries = read_user_file(_write(tmp_path, "mine.yaml", YAML))
    kb = BuiltinKB([entries])
    assert kb.find_person("Kazmi", country="PAK").person.id == "ali_kazmi"  # type: ignore[union-attr]
    assert kb.find_person("Al-Kazemi").person.id == "mustafa_al_kadhimi"  # type: ignore[union-attr]
    rouhani = kb.person("hassan_rouhani")
    assert rouhani is not None and rouhani.role_on(dt.date(2023, 1, 1)).code == "IRNELI"  # type: ignore[union-attr]
    assert rouhani.source.endswith("mine.yaml")
    [org] = kb.lookup("Basra Traders Union")
    assert org.organisation is not None and org.organisation.code == "IRQBUS"
    assert kb.lookup("fishermen")[0].sector.code == "AGR"  # type: ignore[union-attr]


def test_csv_rows_give_roles(tmp_path: Path) -> None:
    kb = BuiltinKB([read_user_file(_write(tmp_path, "mine.csv", CSV))])
    roe = kb.person("jane_roe")
    assert roe is not None and len(roe.roles) == 2
    assert roe.role_on(dt.date(2023, 6, 1)).code == "IGOUNO"  # type: ignore[union-attr]
    assert kb.lookup("NF")[0].organisation.code == "SYRREB"  # type: ignore[union-attr]
    assert kb.lookup("harbour pilots")[0].kind is HitKind.SECTOR


def test_bad_user_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="unknown top-level"):
        read_user_file(_write(tmp_path, "bad.yaml", "persons: []\n"))
    with pytest.raises(DataFileError, match="header"):
        read_user_file(_write(tmp_path, "bad.csv", "who,what\n"))
    with pytest.raises(DataFileError, match="does not exist"):
        read_user_file(tmp_path / "missing.yaml")


def test_petrarch_actor_dictionary() -> None:
    entries = read_dictionary(ACTORS.encode(), "tiny.actors", sector_names=bundled_sector_names())
    assert ("Zemblan", "JOR") in entries.country_aliases
    person = next(p for p in entries.people if p.name.startswith("Rufus"))
    assert person.name == "Rufus T. Firefly" and person.country == "JOR"
    assert [(r.code, r.start, r.end) for r in person.roles] == [
        ("JORGOV", dt.date(1933, 1, 1), dt.date(1933, 12, 31)),
        ("JORELI", dt.date(2000, 1, 1), dt.date(2010, 12, 31)),
    ]
    orgs = {o.name: o for o in entries.organisations}
    assert orgs["Harbour Guard Of Zembla"].code == "JORMIL"
    assert any("BROKEN_ENTRY" in w or "9901-02" in w for w in entries.warnings)
    kb = BuiltinKB([entries])
    assert kb.lookup("Zemblan")[0].country.iso3 == "JOR"  # type: ignore[union-attr]
    firefly = kb.find_person("President Firefly", day=dt.date(2005, 1, 1))
    assert firefly is not None and firefly.person.role_on(dt.date(2005, 1, 1)).code == "JORELI"  # type: ignore[union-attr]


def test_petrarch_agent_dictionary() -> None:
    entries = read_dictionary(AGENTS.encode(), "tiny.agents", sector_names=bundled_sector_names())
    terms = {t.term: t for t in entries.sectors}
    assert {"fisherman", "fishermen", "harbour pilot", "harbour pilots", "truce observer"} <= set(terms)
    assert "truce observers" not in terms  # {} means no plural
    assert terms["fisherman"].code == "AGR" and terms["truce observer"].code == "IGO"


def test_petrarch_latin1_and_comments() -> None:
    entries, warnings = parse_dictionary("<!--\nBLOCK [XXX]\n-->\nCÔTE_D'IVOIRE [CIV] # note\n", "x")
    assert [e.phrase for e in entries] == ["CÔTE D'IVOIRE"] and not warnings
    decoded = read_dictionary("SÃO_TOMÉ_ [STP]\n".encode("latin-1"), "x", sector_names={})
    assert decoded.country_aliases == [("São Tomé", "STP")]


def test_dictionary_people_do_not_duplicate_known_ones() -> None:
    text = "MUSTAFA_AL-KADHIMI_\n\t[IRQGOV 200507-221027]\n\t[IRQ]\n"
    kb = BuiltinKB([read_dictionary(text.encode(), "x", sector_names={})])
    assert kb.find_person("Kadhimi").person.id == "mustafa_al_kadhimi"  # type: ignore[union-attr]


def test_config_actors_section(tmp_path: Path) -> None:
    _write(tmp_path, "mine.yaml", YAML)
    config_path = _write(tmp_path, "k.toml", '[actors]\nextra_files = ["mine.yaml"]\nfuzzy_threshold = 95\n')
    config = load_config(config_path)
    assert config.actor_files == (str(tmp_path / "mine.yaml"),)
    kb = load_kb(config)
    assert kb.find_person("Ali Kazmi") is not None
    assert load_kb(load_config()).find_person("Ali Kazmi") is None  # the default stays untouched


@pytest.mark.parametrize(
    "body",
    ['[actors]\nextra_files = "one.yaml"\n', "[actors]\nfiles = []\n", '[actors]\nfuzzy_threshold = "x"\n'],
)
def test_config_actors_errors(tmp_path: Path, body: str) -> None:
    with pytest.raises(ConfigError):
        load_config(_write(tmp_path, "k.toml", body))


@pytest.mark.gold
def test_reads_the_phoenix_dictionaries(shared: Path) -> None:
    folder = shared / "eval" / "petr2_gsr" / "dictionaries"
    if not folder.is_dir():
        pytest.skip(f"PETRARCH dictionaries {folder} are absent")
    agents = read_user_file(folder / "Phoenix.agents.txt", sector_names=bundled_sector_names())
    actors = read_user_file(folder / "Phoenix.Countries.actors.txt")
    assert len(agents.sectors) > 1000 and len(actors.people) > 1000
    kb = BuiltinKB([actors, agents])
    assert kb.find_person("Hamid Karzai").person.id == "hamid_karzai"  # type: ignore[union-attr]
