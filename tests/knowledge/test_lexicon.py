"""The event lexicon: every code it can emit exists in the ontology."""

from __future__ import annotations

from pathlib import Path

import pytest

from khaldun.errors import DataFileError
from khaldun.knowledge.lexicon import load_lexicon, read_lexicon
from khaldun.knowledge.ontology import load_ontology


def test_every_emittable_code_is_in_the_ontology() -> None:
    ontology = load_ontology()
    codes = {code for rule in load_lexicon().rules() for code in rule.codes()}
    assert codes, "the lexicon emits no codes"
    assert sorted(c for c in codes if not ontology.has_cameo(c)) == []
    for code in codes:
        ontology.plover_for(code)  # raises for codes with no mapping row or ancestor


def test_specific_object_rules_come_before_the_bare_verb() -> None:
    pledge = load_lexicon().verbs["pledge"]
    assert pledge[0].object_nouns and "aid" in pledge[0].object_nouns


def test_a_bogus_code_in_a_user_lexicon_is_refused(tmp_path: Path) -> None:
    (tmp_path / "verbs.yaml").write_text("verbs:\n  - lemma: frobnicate\n    code: '999'\n")
    (tmp_path / "nouns.yaml").write_text("nouns: []\n")
    lexicon = read_lexicon(tmp_path)
    with pytest.raises(DataFileError, match=r"verb:frobnicate emits '999'"):
        lexicon.check_codes(load_ontology(), "test lexicon")


def test_unquoted_yaml_boolean_preposition_is_explained(tmp_path: Path) -> None:
    (tmp_path / "verbs.yaml").write_text("verbs:\n  - lemma: rely\n    code: '010'\n    target: [on]\n")
    (tmp_path / "nouns.yaml").write_text("nouns: []\n")
    with pytest.raises(DataFileError, match="quote prepositions"):
        read_lexicon(tmp_path)


def test_particles_may_be_written_as_text_or_as_a_list(tmp_path: Path) -> None:
    (tmp_path / "verbs.yaml").write_text(
        "verbs:\n"
        "  - lemma: pull\n    particle: out of\n    code: '087'\n"
        "  - lemma: give\n    particle: [in, to]\n    code: '080'\n"
    )
    (tmp_path / "nouns.yaml").write_text("nouns: []\n")
    lexicon = read_lexicon(tmp_path)
    assert lexicon.verbs["pull"][0].particle == ("out", "of")
    assert lexicon.verbs["give"][0].particle == ("in", "to")


def test_a_particle_that_is_not_text_is_explained(tmp_path: Path) -> None:
    (tmp_path / "verbs.yaml").write_text("verbs:\n  - lemma: rely\n    particle: [on]\n    code: '010'\n")
    (tmp_path / "nouns.yaml").write_text("nouns: []\n")
    with pytest.raises(DataFileError, match=r"'rely' has particle \[True\]"):
        read_lexicon(tmp_path)
