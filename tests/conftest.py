"""Shared fixtures. The fast suite builds parses by hand and needs no model."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.knowledge import Knowledge, load_knowledge
from khaldun.nlp.handmade import HandmadeBackend

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ../shared folder with the seed and gold sets; tests skip when it is absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"gold data folder {SHARED / 'eval'} is absent (it sits beside the checkout)")
    return SHARED


def handmade_pipeline(*tables: str) -> Pipeline:
    """A pipeline over hand-built parses: no model is loaded."""
    return Pipeline(load_config(), nlp=HandmadeBackend(tables))


def code_table(table: str, *, published: str | None = "2020-07-21") -> list:
    """Code one hand-built parse (see khaldun.nlp.handmade) and return its events."""
    pipeline = handmade_pipeline(table)
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    return pipeline.code(text, published=published)


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    """The bundled knowledge, loaded once for the session (no model)."""
    return load_knowledge()


@pytest.fixture(scope="session")
def model_pipeline() -> Pipeline:
    """A pipeline with the real spaCy model (tests using it are marked ``model``)."""
    return Pipeline(load_config())


@pytest.fixture(scope="session")
def rules_pipeline(model_pipeline: Pipeline) -> Pipeline:
    """The same, without the learned second opinion: the rules and dictionaries alone
    (the default; named so where a test says it does not depend on the model)."""
    return Pipeline(replace(load_config(), model_enabled=False), nlp=model_pipeline.nlp)


@pytest.fixture(scope="session")
def opinion_pipeline(model_pipeline: Pipeline) -> Pipeline:
    """The same, with the opt-in learned second opinion ([model] enabled = true)."""
    return Pipeline(replace(load_config(), model_enabled=True), nlp=model_pipeline.nlp)
