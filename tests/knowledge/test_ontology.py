"""Tests for khaldun.knowledge.ontology: the bundled CAMEO/PLOVER tables and their loader.

The data tests pin facts of the published CAMEO codebook and Goldstein scale and of
PLOVER, so a wrong edit to a table fails here. The loader tests build small tables
by hand in tmp_path.
"""

from __future__ import annotations

import dataclasses
from importlib import resources
from pathlib import Path

import pytest

from khaldun.errors import DataFileError, UnknownCodeError
from khaldun.knowledge.ontology import CameoCode, Ontology, load_ontology


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return load_ontology()


# --- CAMEO codes ----------------------------------------------------------------------

# 3- and 4-digit codes per root in the CAMEO 1.1b3 codebook, plus 1213 (reject judicial
# cooperation), which CAMEO 2.0 dictionaries and ICEWS use.
CODES_PER_ROOT = {
    "01": 10, "02": 27, "03": 28, "04": 7, "05": 8, "06": 5, "07": 6, "08": 25, "09": 5, "10": 27,
    "11": 12, "12": 27, "13": 22, "14": 26, "15": 6, "16": 13, "17": 13, "18": 14, "19": 9, "20": 7,
}  # fmt: skip


def test_there_are_twenty_roots(onto: Ontology) -> None:
    roots = [c.code for c in onto.cameo_codes() if len(c.code) == 2]
    assert roots == [f"{n:02d}" for n in range(1, 21)]


def test_every_codebook_code_is_present(onto: Ontology) -> None:
    counts: dict[str, int] = {}
    for entry in onto.cameo_codes():
        if len(entry.code) > 2:
            counts[entry.root] = counts.get(entry.root, 0) + 1
    assert counts == CODES_PER_ROOT
    assert len(onto.cameo_codes()) == 20 + sum(CODES_PER_ROOT.values()) == 317


@pytest.mark.parametrize(
    ("code", "name", "goldstein"),
    [
        ("01", "Make public statement", 0.0),
        ("010", "Make statement", 0.0),
        ("011", "Decline comment", -0.1),
        ("016", "Deny responsibility", -2.0),
        ("0214", "Appeal for intelligence", 3.4),
        ("024", "Appeal for political reform", -0.3),
        ("0333", "Express intent to provide humanitarian aid", 5.2),
        ("0334", "Express intent to provide military protection or peacekeeping", 6.0),
        ("042", "Make a visit", 1.9),
        ("043", "Host a visit", 2.8),
        ("044", "Meet at a 'third' location", 2.5),
        ("057", "Sign formal agreement", 8.0),
        ("072", "Provide military aid", 8.3),
        ("074", "Provide military protection or peacekeeping", 8.5),
        ("0874", "Retreat or surrender militarily", 10.0),
        ("1056", "Demand de-escalation of military engagement", -5.0),
        ("1125", "Accuse of espionage, treason", -2.0),
        ("129", "Veto", -5.0),
        ("130", "Threaten", -4.4),
        ("1385", "Threaten attack with WMD", -7.0),
        ("145", "Protest violently, riot", -7.5),
        ("163", "Impose embargo, boycott, or sanctions", -8.0),
        ("165", "Halt mediation", -6.5),
        ("171", "Seize or damage property", -9.2),
        ("182", "Physically assault", -9.5),
        ("1823", "Kill by physical assault", -10.0),
        ("184", "Use as human shield", -8.0),
        ("190", "Use conventional military force", -10.0),
        ("196", "Violate ceasefire", -9.5),
        ("201", "Engage in mass expulsion", -9.5),
        ("2042", "Detonate nuclear weapons", -10.0),
    ],
)
def test_known_codes_have_codebook_name_and_goldstein(
    onto: Ontology, code: str, name: str, goldstein: float
) -> None:
    entry = onto.cameo(code)
    assert (entry.name, entry.goldstein) == (name, goldstein)


@pytest.mark.parametrize("code", ["1213", "155", "176", "1834", "1951", "1952"])
def test_late_codes_take_their_parents_goldstein(onto: Ontology, code: str) -> None:
    entry = onto.cameo(code)
    assert entry.parent is not None
    assert entry.goldstein == onto.cameo(entry.parent).goldstein


def test_quad_class_follows_the_root(onto: Ontology) -> None:
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for entry in onto.cameo_codes():
        assert int(entry.root) in expected[entry.quad_class], entry


def test_every_code_has_its_parent_and_a_bounded_score(onto: Ontology) -> None:
    for entry in onto.cameo_codes():
        assert entry.parent is None or onto.has_cameo(entry.parent)
        assert -10.0 <= entry.goldstein <= 10.0


def test_cameo_code_parts() -> None:
    entry = CameoCode("0333", "Express intent to provide humanitarian aid", 5.2, 1)
    assert (entry.root, entry.parent) == ("03", "033")
    assert CameoCode("03", "Express intent to cooperate", 4.0, 1).parent is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        entry.goldstein = 0.0  # type: ignore[misc]


def test_unknown_cameo_code_names_it_and_suggests_close_codes(onto: Ontology) -> None:
    with pytest.raises(UnknownCodeError) as caught:
        onto.cameo("0335")
    message = str(caught.value)
    assert "'0335'" in message
    assert "0334" in message and "033 " in message
    assert isinstance(caught.value, KeyError)


def test_unknown_cameo_code_suggests_the_zero_padded_code(onto: Ontology) -> None:
    with pytest.raises(UnknownCodeError, match=r"Close codes: 042 \(Make a visit\)"):
        onto.cameo("42")


def test_has_cameo(onto: Ontology) -> None:
    assert onto.has_cameo("042") and onto.has_cameo(" 2042 ")
    assert not onto.has_cameo("42") and not onto.has_cameo("0335") and not onto.has_cameo("")


# --- PLOVER types, modes and the map ---------------------------------------------------

PLOVER_QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


def test_the_sixteen_plover_types(onto: Ontology) -> None:
    assert {t.type: t.quad_class for t in onto.plover_types()} == PLOVER_QUADS
    assert all(t.description for t in onto.plover_types())


@pytest.mark.parametrize(
    ("name", "modes"),
    [
        ("CONSULT", {"visit", "third-party", "multilateral", "phone"}),
        ("PROTEST", {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"}),
        ("MOBILIZE", {"troops", "weapons", "police", "militia"}),
        ("SANCTION", {"convict", "expel", "withdraw", "discontinue"}),
    ],
)
def test_plover_modes(onto: Ontology, name: str, modes: set[str]) -> None:
    assert set(onto.plover_type(name).modes) == modes


def test_assault_and_coerce_modes(onto: Ontology) -> None:
    assault = set(onto.plover_type("ASSAULT").modes)
    assert {"beat", "firearms", "explosives", "heavy-weapons", "assassinate", "unconventional"} <= assault
    assert {"arrest", "deport", "curfew", "martial-law", "censor"} <= set(onto.plover_type("COERCE").modes)
    # PLOVER gives AID no modes: economic, military, humanitarian are contexts.
    assert onto.plover_type("AID").modes == ()


def test_plover_type_lookup_ignores_case_and_explains_misses(onto: Ontology) -> None:
    assert onto.plover_type(" assault ").type == "ASSAULT"
    with pytest.raises(UnknownCodeError, match=r"'FIGHT'.*Available: AGREE, CONSULT"):
        onto.plover_type("FIGHT")
    with pytest.raises(UnknownCodeError, match="Did you mean ASSAULT"):
        onto.plover_type("ASSULT")


def _bundled_mapping_codes() -> list[str]:
    text = resources.files("khaldun.data").joinpath("ontology", "cameo_plover.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row.split("\t")[0] for row in rows[1:]]


def test_every_cameo_code_has_exactly_one_mapping_row(onto: Ontology) -> None:
    mapped = _bundled_mapping_codes()
    assert sorted(mapped) == sorted(c.code for c in onto.cameo_codes())
    assert len(mapped) == len(set(mapped))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("01", (None, None)),
        ("010", (None, None)),
        ("0233", ("REQUEST", None)),
        ("030", ("AGREE", None)),
        ("0333", ("AGREE", None)),
        ("041", ("CONSULT", "phone")),
        ("042", ("CONSULT", "visit")),
        ("043", ("CONSULT", "visit")),
        ("044", ("CONSULT", "third-party")),
        ("046", ("CONSULT", None)),
        ("057", ("SUPPORT", None)),
        ("062", ("COOPERATE", None)),
        ("073", ("AID", None)),
        ("0813", ("CONCEDE", None)),
        ("0841", ("RETREAT", "release")),
        ("0871", ("RETREAT", "ceasefire")),
        ("091", ("ACCUSE", "investigate")),
        ("1033", ("REQUEST", "assist")),
        ("1053", ("REQUEST", "yield")),
        ("111", ("ACCUSE", "disapprove")),
        ("1121", ("ACCUSE", "allege")),
        ("1244", ("REJECT", "yield")),
        ("125", ("REJECT", "meet")),
        ("1382", ("THREATEN", "territory")),
        ("1384", ("THREATEN", "violence")),
        ("1411", ("PROTEST", "demo")),
        ("1424", ("PROTEST", "hunger")),
        ("145", ("PROTEST", "riot")),
        ("0831", ("RETREAT", "resign")),  # the manual: RETREAT includes resigning
        ("154", ("MOBILIZE", "troops")),
        ("161", ("SANCTION", "withdraw")),
        ("1622", ("SANCTION", "discontinue")),
        ("163", ("COERCE", "restrict")),
        ("173", ("COERCE", "arrest")),
        ("174", ("COERCE", "deport")),
        ("1712", ("ASSAULT", "destroy")),
        ("181", ("ASSAULT", "abduct")),
        ("1823", ("ASSAULT", "beat")),
        ("1831", ("ASSAULT", "suicide-attack")),
        ("186", ("ASSAULT", "assassinate")),
        ("193", ("ASSAULT", "firearms")),
        ("195", ("ASSAULT", "heavy-weapons")),
        ("202", ("ASSAULT", "massacre")),
        ("2042", ("ASSAULT", "unconventional")),
    ],
)
def test_cameo_to_plover(onto: Ontology, code: str, expected: tuple[str | None, str | None]) -> None:
    assert onto.plover_for(code) == expected


def test_statements_have_no_plover_type_and_every_other_root_has(onto: Ontology) -> None:
    for entry in onto.cameo_codes():
        plover_type, _ = onto.plover_for(entry.code)
        assert (plover_type is None) == (entry.root == "01"), entry
        if entry.root == "02":
            assert plover_type == "REQUEST", entry  # appeals and demands merged in PLOVER


def test_every_plover_type_is_reachable_from_cameo(onto: Ontology) -> None:
    reached = {onto.plover_for(c.code)[0] for c in onto.cameo_codes()} - {None}
    assert reached == set(PLOVER_QUADS)


def test_mapped_modes_belong_to_their_type(onto: Ontology) -> None:
    for entry in onto.cameo_codes():
        plover_type, mode = onto.plover_for(entry.code)
        if mode is not None:
            assert plover_type is not None and mode in onto.plover_type(plover_type).modes


def test_plover_for_falls_back_to_parent_codes(onto: Ontology) -> None:
    # 0335 and 0999 are not CAMEO codes, but extensions may use such codes.
    assert onto.plover_for("0335") == onto.plover_for("033") == ("AGREE", None)
    assert onto.plover_for("0999") == ("ACCUSE", "investigate")


@pytest.mark.parametrize("code", ["99", "21", "abc", "", "4"])
def test_plover_for_unknown_code_raises(onto: Ontology, code: str) -> None:
    with pytest.raises(UnknownCodeError, match="No PLOVER mapping"):
        onto.plover_for(code)


def test_load_ontology_is_cached() -> None:
    assert load_ontology() is load_ontology()


# --- loading hand-made tables ---------------------------------------------------------

# Line numbers matter: the error tests below point at them.
MINI_CAMEO = """\
# mini CAMEO table
# format_version: 1
code\tname\tgoldstein\tquad_class
03\tExpress intent to cooperate\t4.0\t1
033\tExpress intent to provide material aid\t5.2\t1
0333\tExpress intent to provide humanitarian aid\t5.2\t1
04\tConsult\t1.0\t1
042\tMake a visit\t1.9\t1
18\tAssault\t-9.0\t4
182\tPhysically assault\t-9.5\t4
"""
MINI_TYPES = """\
type\tquad_class\tdescription
AGREE\t1\tPromise cooperation.
CONSULT\t1\tMeet.
ASSAULT\t4\tViolence.
"""
MINI_MODES = """\
type\tmode\tdescription
CONSULT\tvisit\tSource visits.
ASSAULT\tbeat\tPhysical assault.
"""
MINI_MAP = """\
cameo\tplover_type\tplover_mode
03\tAGREE\t
033\tAGREE\t
04\tCONSULT
042\tCONSULT\tvisit
18\tASSAULT\t
182\t\t
"""


def _write_tables(folder: Path, **replace: tuple[str, str]) -> Path:
    """Write the mini tables; ``replace[file] = (old, new)`` edits one before writing."""
    tables = {
        "cameo.tsv": MINI_CAMEO,
        "plover_types.tsv": MINI_TYPES,
        "plover_modes.tsv": MINI_MODES,
        "cameo_plover.tsv": MINI_MAP,
    }
    for name, (old, new) in replace.items():
        assert old in tables[name], f"test bug: {old!r} not in {name}"
        tables[name] = tables[name].replace(old, new)
    for name, text in tables.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_from_dir_reads_hand_made_tables(tmp_path: Path) -> None:
    onto = Ontology.from_dir(_write_tables(tmp_path))
    assert [c.code for c in onto.cameo_codes()] == ["03", "033", "0333", "04", "042", "18", "182"]
    assert onto.cameo("042").goldstein == 1.9
    assert onto.plover_type("CONSULT").modes == ("visit",)
    assert onto.plover_type("AGREE").modes == ()
    # 0333 has no row: it falls back to 033. 04 has no mode column at all (trailing tab stripped).
    assert onto.plover_for("0333") == ("AGREE", None)
    assert onto.plover_for("04") == ("CONSULT", None)
    # 182 is mapped explicitly to nothing, which wins over its root's ASSAULT.
    assert onto.plover_for("182") == (None, None)


def test_plover_for_walks_up_two_levels(tmp_path: Path) -> None:
    onto = Ontology.from_dir(_write_tables(tmp_path, **{"cameo_plover.tsv": ("033\tAGREE\t\n", "")}))
    assert onto.plover_for("0333") == ("AGREE", None)  # 0333 -> 033 (no row) -> 03


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "problem"),
    [
        ("cameo.tsv", "042\tMake a visit\t1.9", "042\tMake a visit\tabc", 8, "not a number"),
        ("cameo.tsv", "042\tMake a visit\t1.9", "042\tMake a visit\t11", 8, "outside the Goldstein scale"),
        ("cameo.tsv", "042\tMake a visit\t1.9", "042\tMake a visit\tnan", 8, "outside the Goldstein scale"),
        ("cameo.tsv", "1.9\t1", "1.9\t5", 8, "quad_class '5'"),
        ("cameo.tsv", "1.9\t1", "1.9\t3", 8, "its root 04 has 1"),
        ("cameo.tsv", "042\tMake", "0a2\tMake", 8, "must be 2 to 4 digits"),
        ("cameo.tsv", "042\tMake", "04200\tMake", 8, "must be 2 to 4 digits"),
        ("cameo.tsv", "042\tMake", "42\tMake", 8, "root 42 is not one of the 20 roots"),
        ("cameo.tsv", "033\tExpress intent to provide material aid\t5.2\t1\n", "", 5, "no parent code 033"),
        ("cameo.tsv", "182\tPhysically", "042\tPhysically", 10, "listed twice (first on line 8)"),
        ("cameo.tsv", "042\tMake a visit\t1.9\t1", "042 Make a visit 1.9 1", 8, "1 tab-separated fields"),
        ("cameo.tsv", "042\tMake a visit\t1.9\t1", "042\tMake a visit\t1.9\t1\tx", 8, "5 tab-separated"),
        ("cameo.tsv", "goldstein\tquad_class", "score\tquad_class", 3, "header is"),
        ("cameo.tsv", "# format_version: 1", "# format_version: 2", 2, "format_version 2"),
        ("plover_types.tsv", "CONSULT\t1", "CONSULT\t7", 3, "quad_class '7'"),
        ("plover_types.tsv", "CONSULT\t1", "consult\t1", 3, "upper-case"),
        ("plover_modes.tsv", "ASSAULT\tbeat", "FIGHT\tbeat", 3, "'FIGHT' is not in plover_types.tsv"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "042\tCONSULT\tfirearms", 5, "no mode 'firearms'"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "042\tMEET\tvisit", 5, "'MEET' is not in plover_types"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "042\t\tvisit", 5, "without a PLOVER type"),
        ("cameo_plover.tsv", "042\tCONSULT\tvisit", "043\tCONSULT\tvisit", 5, "'043' is not in cameo.tsv"),
        ("cameo_plover.tsv", "18\tASSAULT", "03\tASSAULT", 6, "mapped twice"),
    ],
)
def test_malformed_table_names_file_and_line(
    tmp_path: Path, file: str, old: str, new: str, line: int, problem: str
) -> None:
    with pytest.raises(DataFileError) as caught:
        Ontology.from_dir(_write_tables(tmp_path, **{file: (old, new)}))
    message = str(caught.value)
    assert file in message
    assert f"line {line}:" in message
    assert problem in message


def test_missing_table_is_named(tmp_path: Path) -> None:
    _write_tables(tmp_path)
    (tmp_path / "plover_modes.tsv").unlink()
    with pytest.raises(DataFileError, match=r"plover_modes\.tsv: file not found"):
        Ontology.from_dir(tmp_path)


def test_table_without_header_is_rejected(tmp_path: Path) -> None:
    _write_tables(tmp_path, **{"plover_types.tsv": (MINI_TYPES, "# only a comment\n")})
    with pytest.raises(DataFileError, match=r"plover_types\.tsv: no header line"):
        Ontology.from_dir(tmp_path)
