"""The canonical example: the seed article codes as its hand annotation says."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from khaldun.evaluation import load_gold, score

pytestmark = [pytest.mark.model, pytest.mark.gold]


@pytest.fixture(scope="module")
def seed_events(shared: Path, model_pipeline) -> list[dict]:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    return [e.to_dict() for e in model_pipeline.code(text, published="2020-07-21", doc_id="seed-article")]


def _gold(shared: Path) -> dict:
    return json.loads((shared / "eval" / "seed" / "gold.json").read_text(encoding="utf-8"))


def _country(code: str | None) -> str:
    return (code or "")[:3]


def test_every_required_event_is_found(shared: Path, seed_events: list[dict]) -> None:
    missing = []
    for gold in _gold(shared)["events"]:
        if not gold["required"]:
            continue
        roots = {c[:2] for c in [gold["cameo"], *gold["alt"]]}
        found = [
            e
            for e in seed_events
            if _country((e["source"] or {}).get("code")) == _country(gold["source"])
            and e["target"]
            and _country(e["target"]["code"]) == _country(gold["target"])
            and e["cameo"][:2] in roots
            and e["modality"] == gold["modality"]
        ]
        if not found:
            missing.append(
                f"{gold['id']}: {gold['source']}→{gold['target']} {gold['cameo']} {gold['modality']}"
            )
    assert not missing, "required events not found:\n" + "\n".join(missing)


def test_no_must_not_rule_is_broken(shared: Path, seed_events: list[dict]) -> None:
    for rule in _gold(shared)["must_not"]:
        if "entity_split" in rule:
            ids = {
                actor["id"]
                for e in seed_events
                for actor in (e["source"], e["target"])
                if actor and any(s in (actor["text"] or "") for s in rule["entity_split"])
            }
            assert len(ids) <= 1, rule["note"]
            continue
        broken = [
            e
            for e in seed_events
            if _country((e["source"] or {}).get("code")) == rule["source"]
            and e["target"]
            and _country(e["target"]["code"]) == rule["target"]
            and e["cameo"].startswith(rule["cameo_root"])
            and e["modality"] == rule["modality"]
        ]
        assert not broken, rule["note"]


@pytest.fixture(scope="module")
def seed_mentions(shared: Path, model_pipeline) -> list:
    """Every actor mention the resolver finds in the seed article."""
    from khaldun.coding.resolve import DocumentResolver

    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    parsed = model_pipeline.nlp.parse(text)
    resolver = DocumentResolver(model_pipeline.knowledge, parsed, dt.date(2020, 7, 21))
    return [
        m for sent in parsed.sentences for ms in resolver.resolve_sentence(sent.index).values() for m in ms
    ]


def test_one_identity_for_kadhimi(seed_mentions: list) -> None:
    ids: dict[str, set[str]] = {}
    for m in seed_mentions:
        ids.setdefault(m.mention.text, set()).add(m.actor.id)
    kadhimi = {"person:mustafa_al_kadhimi"}
    for spelling in (
        "Iraqi Prime Minister Mustafa Al-Kazemi",
        "Al-Kazemi",
        "Al-Kazimi",
        "Iraqi Prime Minister",
        "he",
        "his",
    ):
        assert ids.get(spelling) == kadhimi or (
            spelling in ("he", "his") and kadhimi <= ids.get(spelling, set())
        ), spelling
    assert ids["Iranian President Hassan Rouhani"] == ids["Rouhani"] == {"person:hassan_rouhani"}


def test_seed_scores_with_the_evaluator(shared: Path, seed_events: list[dict]) -> None:
    report = score(load_gold(shared / "eval" / "seed" / "gold.json"), seed_events)
    required = report.level("required")
    assert required.recall == 1.0
    assert not any(rule.violated for rule in report.rules)


def test_every_annotated_entity_resolves_to_its_code(shared: Path, seed_mentions: list) -> None:
    found: dict[str, set[str]] = {}
    for m in seed_mentions:
        found.setdefault(m.mention.text, set()).add(m.actor.code)
    wrong = []
    for entity in _gold(shared)["entities"]:
        for spelling in entity["mentions"]:
            if spelling in ("he", "his"):
                continue  # pronouns are checked by test_one_identity_for_kadhimi
            codes = {
                c
                for text, cs in found.items()
                if spelling.lower() in text.lower() or (len(text) > 3 and text.lower() in spelling.lower())
                for c in cs
            }
            if not any(c[:3] == entity["code"][:3] for c in codes):
                wrong.append(f"{spelling!r} ({entity['code']}): {sorted(codes)}")
    assert not wrong, "entities not resolved to their code:\n" + "\n".join(wrong)
