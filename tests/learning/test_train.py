"""Training, and a trained model at work in the pipeline.

A tiny model is trained here on examples written for the test: praise (a CAMEO 05
verb, verbal cooperation) labelled as material conflict (root 19), meetings as what
the rules say. Coding with it must relabel praise, keep meetings, and say why.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("sklearn", reason="training needs scikit-learn (pip install -e '.[dev]')")

from khaldun.coding.pipeline import Pipeline  # noqa: E402
from khaldun.config import load_config  # noqa: E402
from khaldun.learning.opinion import SecondOpinion  # noqa: E402
from khaldun.learning.train import Example, _write, fit  # noqa: E402


def examples() -> list[Example]:
    out = []
    for i in range(20):
        praise = ["w:<GPE>", "w:praise", "root:praise", f"w:x{i}", "rule_root:05", "rule_code:051"]
        meet = ["w:<GPE>", "w:meet", "root:meet", f"w:y{i}", "rule_root:04", "rule_code:040"]
        out.append(
            Example(
                "conflibert_cameo", f"p{i}", praise, ("1",), ("05",), 2, frozenset({"4"}), frozenset({"19"})
            )
        )
        out.append(
            Example(
                "conflibert_cameo", f"m{i}", meet, ("1",), ("04",), 2, frozenset({"1"}), frozenset({"04"})
            )
        )
    return out


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    model = fit(examples())
    path = tmp_path_factory.mktemp("model") / "tiny.npz"
    _write(path, model, {"split": "test", **model.pop("choices")})  # type: ignore[dict-item]
    return path


def test_training_is_reproducible() -> None:
    first, second = fit(examples()), fit(examples())
    assert first["choices"] == second["choices"]
    for head in ("penta", "root"):
        assert np.array_equal(first[head].coef_, second[head].coef_)  # type: ignore[attr-defined]


def test_the_model_file_round_trips(tiny_model: Path) -> None:
    model = SecondOpinion(tiny_model)
    assert model.provenance["split"] == "test"
    opinion = model.opinion(["w:praise", "root:praise", "rule_root:05"])
    assert opinion.top_class == "4"
    assert [p.record for p, _ in model.precedents(opinion, "4")][0].startswith("p")


@pytest.mark.model
def test_a_trained_model_relabels_and_explains(tiny_model: Path, model_pipeline: Pipeline) -> None:
    config = replace(load_config(), model_file=str(tiny_model), model_enabled=True)
    with_model = Pipeline(config, nlp=model_pipeline.nlp)
    [praise] = with_model.code("France praised Germany on Monday.")
    assert praise.rule == "model:relabel" and praise.cameo == "190"
    assert praise.explanation[0].startswith("second opinion: event class 4 (material conflict)")
    assert "relabelled from 051" in praise.explanation[0]
    assert praise.explanation[1].startswith("coded like: p")
    assert 0.5 < praise.confidence <= 1.0
    [meet] = with_model.code("France met Germany on Monday.")
    assert meet.rule.startswith("verb:") and meet.cameo.startswith("04")


@pytest.mark.model
def test_without_the_model_the_rules_decide(tiny_model: Path, model_pipeline: Pipeline) -> None:
    config = replace(load_config(), model_file=str(tiny_model), model_enabled=False)
    [praise] = Pipeline(config, nlp=model_pipeline.nlp).code("France praised Germany on Monday.")
    assert praise.cameo.startswith("05") and not praise.rule.startswith("model")
