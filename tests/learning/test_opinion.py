"""The shipped model file: it loads, says where it came from, and fails clearly when bad."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from khaldun.config import load_config
from khaldun.errors import ConfigError, DataFileError
from khaldun.knowledge import load_knowledge
from khaldun.learning.opinion import BUNDLED_MODEL, SecondOpinion, load_second_opinion


def test_the_bundled_model_says_how_it_was_trained() -> None:
    model = load_second_opinion()
    prov = model.provenance
    assert prov["split"] == "fit"
    assert prov["records"]["conflibert_cameo"] > 500  # type: ignore[index]
    assert set(prov["gold_sha256"]) == set(prov["sets"])  # type: ignore[arg-type]
    assert BUNDLED_MODEL.stat().st_size < 60 * 2**20


def test_the_bundled_model_was_trained_on_the_gold_files_here(shared: Path) -> None:
    prov = load_second_opinion().provenance
    for name, digest in prov["gold_sha256"].items():  # type: ignore[union-attr]
        data = (shared / "eval" / name / "dev.jsonl").read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name} changed since the model was trained"


def test_an_opinion_is_a_distribution_over_classes() -> None:
    model = load_second_opinion()
    opinion = model.opinion(["w:attack", "root:attack", "rule_root:19", "rule_code:190"])
    assert sum(opinion.penta.values()) == pytest.approx(1.0)
    assert sum(opinion.root.values()) == pytest.approx(1.0)
    assert opinion.top_class == "4"  # an attack is material conflict
    assert model.event_class("190") == "4" and model.event_class("042") == "1"


def test_unknown_features_give_the_prior_not_an_error() -> None:
    opinion = load_second_opinion().opinion(["w:qwzx-never-seen"])
    assert sum(opinion.penta.values()) == pytest.approx(1.0)


def test_a_missing_model_file_is_an_error_that_names_it(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no model file"):
        load_second_opinion(tmp_path / "absent.npz")


def test_a_file_that_is_not_a_model_is_an_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    bad.write_text("not a model")
    with pytest.raises(DataFileError, match="not a khaldun model file"):
        SecondOpinion(bad)


def test_a_model_of_another_format_asks_to_retrain(tmp_path: Path) -> None:
    old = tmp_path / "old.npz"
    np.savez(old, meta=np.asarray(json.dumps({"format": 0})))
    with pytest.raises(DataFileError, match="retrain"):
        SecondOpinion(old)


def test_the_model_is_opt_in_and_is_off_in_petrarch_only_mode(tmp_path: Path) -> None:
    # Off by default: it did not win on the check split (issue 14; README).
    assert load_knowledge(load_config()).opinion is None
    on = tmp_path / "on.toml"
    on.write_text("[model]\nenabled = true\n")
    assert load_knowledge(load_config(on)).opinion is not None
    only = tmp_path / "only.toml"
    only.write_text("[model]\nenabled = true\n[petrarch]\nonly = true\n")
    assert load_knowledge(load_config(only)).opinion is None


def test_unknown_model_actions_are_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[model]\nactions = ["veto", "guess"]\n')
    with pytest.raises(ConfigError, match="model.actions"):
        load_config(bad)
