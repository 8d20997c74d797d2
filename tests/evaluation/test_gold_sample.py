"""Coding quality on a small fixed sample of the public dev sets: a regression fails CI.

The floors sit a little under the figures measured when they were last set
(see the issue notes); raise them when the coder improves, never lower them
to make a change pass without saying why.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from khaldun import Document
from khaldun.evaluation import documents_of, load_gold, score

pytestmark = [pytest.mark.model, pytest.mark.gold]

SAMPLE = 120  # records per set, the first ones in file order (fixed)

# (dataset, level, minimum F1)
# Measured on these samples: 0.477, 0.427, 0.731, 0.898 (2026-11-29, first session);
# 0.619, 0.581, 0.811, 0.913 (2026-11-29, second session);
# 0.688, 0.627, 0.844, 0.940 (2026-12-04, third session).
FLOORS = [
    ("petr2_gsr", "root", 0.64),
    ("plover_gsr", "root", 0.59),
    ("cameo_codebook_examples", "type", 0.81),
    ("conflibert_cameo", "type", 0.91),
]


@pytest.fixture(scope="module")
def reports(shared: Path, model_pipeline) -> dict:
    out = {}
    for name in sorted({f[0] for f in FLOORS}):
        gold = load_gold(shared / "eval" / name)
        docs = [Document(text=t, id=i, published=d) for i, t, d in documents_of(gold)[:SAMPLE]]
        kept = {d.id for d in docs}
        predictions = [e.to_dict() for coded in model_pipeline.pipe(docs) for e in coded.events]
        sample = replace(gold, records=tuple(r for r in gold.records if r.id in kept))
        out[name] = score(sample, predictions)
    return out


@pytest.mark.parametrize(("dataset", "level", "floor"), FLOORS)
def test_f1_stays_above_its_floor(reports: dict, dataset: str, level: str, floor: float) -> None:
    measured = reports[dataset].level(level)
    assert measured.f1 >= floor, f"{dataset} {level} F1 fell to {measured.f1:.3f} (floor {floor})"
