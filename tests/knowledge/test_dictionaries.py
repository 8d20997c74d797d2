"""Reading PETRARCH dictionaries as a user gives them: verbs, discards, actors, the config."""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path

import pytest

from khaldun.config import load_config
from khaldun.errors import ConfigError, DictionaryError
from khaldun.knowledge import load_knowledge
from khaldun.knowledge.actors.base import HitKind
from khaldun.knowledge.actors.dictionary_kb import DictionaryKB
from khaldun.knowledge.dictionaries.discards import parse_discards
from khaldun.knowledge.dictionaries.verbs import (
    COMPOUND,
    SOURCE,
    SYNSET,
    TARGET,
    WORD,
    EventCode,
    parse_verb_dictionary,
    read_verb_dictionary,
)

VERBS = """\
<!-- a dictionary written for this test -->
&ARMS_
+WEAPONS
+HEAVY_GUNS   # a phrase: consecutive words

&AIDWORD
+GRANT
+&ARMS

--- PLEDGE [050] ---
PLEDGE
VOW {VOWS VOWED VOWING} [051]
+STEP_UP {+STEPS_UP +STEPPED_UP +STEPPING_UP}
- * &AIDWORD [0231]
- * FRESH_AID (TO) [057:058]   # the event back is coded too
- REFUSED_TO_* [---]
- $ SAID + * [### ]
"""


def test_synsets_hold_phrases_plurals_and_nested_synsets() -> None:
    verbs = parse_verb_dictionary(VERBS, "test.verbs")
    assert verbs.synsets["ARMS"].phrases == (("WEAPONS",), ("HEAVY", "GUNS"))  # "_" name: no plurals
    aid = verbs.synsets["AIDWORD"].phrases
    assert ("GRANT",) in aid and ("GRANTS",) in aid and ("HEAVY", "GUNS") in aid


def test_verb_lines_give_forms_codes_and_multiword_verbs() -> None:
    verbs = parse_verb_dictionary(VERBS, "test.verbs")
    [block] = verbs.blocks
    assert block.name == "PLEDGE" and block.code == EventCode("050")
    pledge, vow, step_up = block.verbs
    assert {"PLEDGE", "PLEDGES", "PLEDGED", "PLEDGING"} <= pledge.forms and pledge.code is None
    assert vow.forms == {"VOW", "VOWS", "VOWED", "VOWING"} and vow.code == EventCode("051")
    assert step_up.words == ("STEP", "UP") and step_up.verb_at == 0 and "STEPPED" in step_up.forms
    assert verbs.by_form("VOWED") == ((vow, block),)
    assert verbs.by_base("STEP") == ((step_up, block),)


def test_patterns_read_words_joins_markers_and_codes() -> None:
    verbs = parse_verb_dictionary(VERBS, "test.verbs")
    patterns = {p.line: p for p in verbs.blocks[0].patterns}
    synset = patterns[14]
    assert [(e.kind, e.value) for e in synset.after] == [(SYNSET, "AIDWORD")]
    fresh = patterns[15]
    assert [(e.kind, e.value, e.joined) for e in fresh.after] == [
        (WORD, "FRESH", False),
        (WORD, "AID", True),
        (WORD, "TO", False),
    ]
    assert fresh.code == EventCode("057", "058")
    refused = patterns[16]
    assert [e.value for e in refused.before] == ["REFUSED", "TO"] and refused.verb_joined
    assert refused.code is not None and refused.code.empty and not refused.code.blocks
    marked = patterns[17]
    assert [e.kind for e in marked.before] == [SOURCE, WORD, TARGET]
    assert marked.code is not None and marked.code.blocks  # "###": the verb codes nothing


def test_heavier_patterns_are_tried_first() -> None:
    verbs = parse_verb_dictionary(VERBS, "test.verbs")
    weights = [p.weight for p in verbs.blocks[0].patterns]
    assert weights == sorted(weights, reverse=True)


def test_tabari_files_have_a_block_per_verb_and_choices_in_braces() -> None:
    text = (
        "CONDEMN  [122] ;tony 4/28/91\n"
        "- * { ATTACK | AIR_RAID } [1223]\n"
        "- % * [121:121]\n"
        "- + HAS_BEEN_* BY $\n"
        "SHUN_ [111]\n"
        "{ SHUNNED_ SHUNNING_ }\n"
    )
    verbs = parse_verb_dictionary(text, "old.verbs")
    condemn, shun = verbs.blocks
    assert condemn.code == EventCode("122") and len(condemn.patterns) == 3
    choice = next(p for p in condemn.patterns if p.code == EventCode("1223"))
    assert verbs.synsets[choice.after[0].value].phrases == (("ATTACK",), ("AIR", "RAID"))
    assert any(e.kind == COMPOUND for p in condemn.patterns for e in p.before)
    passive = next(p for p in condemn.patterns if p.code is None)  # no code: the verb's
    assert [e.kind for e in passive.after] == [WORD, SOURCE]
    assert {"SHUN", "SHUNNED", "SHUNNING"} == shun.verbs[0].forms


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("- * TALKS * [031]", "one '*'"),
        ("- TALKS [031]", "one '*'"),
        ("- * TALKS [031] EXTRA", "text after the code"),
        ("- * TALKS [031 032]", "should be one code"),
        ("- * TAL=KS [031]", "is not a word"),
    ],
)
def test_a_malformed_pattern_names_file_line_and_problem(line: str, problem: str) -> None:
    text = f"--- MEET [031] ---\nMEET\n{line}\n"
    with pytest.raises(DictionaryError, match=rf"my\.verbs line 3: .*{problem}"):
        parse_verb_dictionary(text, "my.verbs")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("- * TALKS [031]\n", 1, "outside a verb block"),
        ("&GOOD\n+&MISSING\n", 2, "not defined before it"),
        ("&SET\n+A $ B\n", 2, "holds only words"),
        ("&SET extra\n", 1, "holds only the name"),
        ("--- MEET [031] ---\nMEET {MET\n", 2, "one '{...}'"),
        ("<!-- open\nMEET\n", 1, "never closed"),
    ],
)
def test_malformed_entries_name_file_and_line(text: str, line: int, problem: str) -> None:
    with pytest.raises(DictionaryError, match=rf"my\.verbs line {line}: .*{problem}"):
        parse_verb_dictionary(text, "my.verbs")


def test_a_pattern_with_an_undefined_synset_is_skipped_with_a_warning() -> None:
    verbs = parse_verb_dictionary("--- MEET [031] ---\nMEET\n- * &NOWHERE [032]\n", "my.verbs")
    assert verbs.blocks[0].patterns == ()
    assert verbs.warnings == ("my.verbs line 3: synset &NOWHERE is not defined; pattern skipped",)


def test_a_missing_verb_file_is_a_dictionary_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot be read"):
        read_verb_dictionary(tmp_path / "none.verbs")


def test_discards_filter_sentences_and_whole_stories() -> None:
    discards = parse_discards("+WORLD CUP  # sport\nBASEBALL\nDERBY_\n", "my.discards")
    assert discards.story_discarded("Fans watched the World  Cup final.") == "World  Cup"
    assert discards.sentence_discarded("Two baseballs were stolen.") == "baseball"  # a stem
    assert discards.sentence_discarded("The Derby was run.") == "Derby"
    assert discards.sentence_discarded("The derbyshire council met.") is None  # "_": a whole word
    assert discards.sentence_discarded("World cup fans met.") is None  # a story-level phrase only
    with pytest.raises(DictionaryError, match="my.discards line 2"):
        parse_discards("ONE\n+\n", "my.discards")


ACTORS = """\
ARNOR_ [ARN]
+ARNORIAN_
GONDOR [GON]
ISRAELI_TROOPS [ISRMIL]
GOLLUM
+SMEAGOL
\t[HOB <950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB >990816]
"""
AGENTS = "POLICE {} [~COP]\nMINISTER [~GOV]\nRIGHTS_GROUP [NGO~]\n"


@pytest.fixture
def dictionary_kb(tmp_path: Path) -> DictionaryKB:
    (tmp_path / "a.actors").write_text(ACTORS)
    (tmp_path / "a.agents").write_text(AGENTS)
    return DictionaryKB((str(tmp_path / "a.actors"), str(tmp_path / "a.agents")))


def test_the_dictionary_kb_holds_only_the_dictionaries(dictionary_kb: DictionaryKB) -> None:
    [arnor] = dictionary_kb.lookup("Arnor")
    assert arnor.kind is HitKind.COUNTRY and arnor.country is not None and arnor.country.iso3 == "ARN"
    assert dictionary_kb.lookup("Arnorian")[0].country == arnor.country
    assert dictionary_kb.lookup("Gondorian")[0].country.iso3 == "GON"  # type: ignore[union-attr]
    assert dictionary_kb.lookup("Arnorians") == ()  # "ARNOR_": whole words only
    assert dictionary_kb.lookup("Iraq") == ()  # nothing bundled
    [troops] = dictionary_kb.lookup("Israeli troops")
    assert troops.organisation is not None and troops.organisation.code == "ISRMIL"


def test_agents_are_sectors_with_plurals(dictionary_kb: DictionaryKB) -> None:
    minister = dictionary_kb.lookup("ministers")[0]
    assert minister.kind is HitKind.SECTOR and minister.sector.code == "GOV"  # type: ignore[union-attr]
    assert dictionary_kb.lookup("police")[0].sector.code == "COP"  # type: ignore[union-attr]
    assert dictionary_kb.lookup("polices") == ()  # "{}": no plural
    assert dictionary_kb.lookup("rights group")[0].organisation.code == "NGO"  # type: ignore[union-attr]


def test_dated_codes_apply_on_the_event_date(dictionary_kb: DictionaryKB) -> None:
    match = dictionary_kb.find_person("Smeagol")
    assert match is not None
    person = match.person
    assert person.role_on(dt.date(1990, 1, 1)).code == "HOB"  # type: ignore[union-attr]
    assert person.role_on(dt.date(1997, 1, 1)).code == "HOBGOV"  # type: ignore[union-attr]
    assert person.role_on(dt.date(2001, 1, 1)).code == "HOBREB"  # type: ignore[union-attr]


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "khaldun.toml"
    path.write_text(body)
    return path


def test_the_petrarch_table_reads_paths_relative_to_the_config(tmp_path: Path) -> None:
    config = load_config(
        _config(tmp_path, '[petrarch]\nverbs = ["v.txt"]\nactors = ["/abs/a.txt"]\nonly = true\n')
    )
    assert config.petrarch_verbs == (str(tmp_path / "v.txt"),)
    assert config.petrarch_actors == ("/abs/a.txt",) and config.petrarch_only and config.petrarch


def test_the_petrarch_table_rejects_unknown_keys_and_wrong_types(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key petrarch.issues"):
        load_config(_config(tmp_path, '[petrarch]\nissues = ["i.txt"]\n'))
    with pytest.raises(ConfigError, match="petrarch.only"):
        load_config(_config(tmp_path, '[petrarch]\nonly = "yes"\n'))
    with pytest.raises(ConfigError, match="list of file paths"):
        load_config(_config(tmp_path, '[petrarch]\nverbs = "v.txt"\n'))


def test_without_a_petrarch_table_nothing_is_loaded() -> None:
    config = load_config()
    assert not config.petrarch and load_knowledge(config).petrarch is None


def test_only_mode_codes_with_the_dictionary_codes(tmp_path: Path) -> None:
    (tmp_path / "v.txt").write_text("--- BREAK [1717] ---\nBREAK\n- * TREATY [161]\n")
    (tmp_path / "a.txt").write_text(ACTORS)
    config = load_config(
        _config(tmp_path, '[petrarch]\nverbs = ["v.txt"]\nactors = ["a.txt"]\nonly = true\n')
    )
    kn = load_knowledge(config)
    assert kn.petrarch is not None and kn.petrarch.only
    assert kn.ontology.cameo("1717").quad_class == kn.ontology.cameo("17").quad_class
    assert kn.ontology.plover_for("1717") == (None, None)
    assert kn.ontology.standard_code("042", unrealised="planned") == "042"  # kept as written
    assert isinstance(kn.kb, DictionaryKB)


def test_the_dictionary_ontology_survives_pickling(tmp_path: Path) -> None:
    """The knowledge cache and worker processes pickle the knowledge: a dictionary's
    ontology must still map CAMEO's own codes to PLOVER afterwards, and keep its extras."""
    (tmp_path / "v.txt").write_text("--- BREAK [1717] ---\nBREAK\n- * TREATY [161]\n")
    config = load_config(_config(tmp_path, '[petrarch]\nverbs = ["v.txt"]\nonly = false\n'))
    ontology = load_knowledge(config).ontology
    copy = pickle.loads(pickle.dumps(ontology))
    assert type(copy) is type(ontology)
    assert copy.plover_for("011") == ontology.plover_for("011")
    assert copy.plover_for("190") == ("ASSAULT", ontology.plover_for("190")[1])
    assert copy.plover_for("1717") == (None, None)
    assert copy.cameo("1717").name == ontology.cameo("1717").name
    assert copy.standard_code("042", unrealised="planned") == ontology.standard_code(
        "042", unrealised="planned"
    )
