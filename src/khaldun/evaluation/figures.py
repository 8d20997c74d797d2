"""Figures from match counts: precision, recall and F1 micro-averaged over records, a bootstrap
95% interval for F1 (1000 resamples of the records, fixed seed), and actor-role accuracy.
Zero denominators give 0.0."""

from __future__ import annotations

import random
from collections.abc import Sequence

from khaldun.evaluation.gold import GoldEvent, role
from khaldun.evaluation.predictions import Pred
from khaldun.evaluation.report import LevelScore

BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 1406  # the year Ibn Khaldun died; any fixed value keeps reports reproducible

Counts = tuple[int, int, int, int]  # matched gold, matched predictions, gold, predicted


def prf(counts: Sequence[Counts]) -> tuple[float, float, float]:
    """Precision, recall and F1 micro-averaged over the counts of records."""
    tp_gold = sum(c[0] for c in counts)
    tp_pred = sum(c[1] for c in counts)
    gold = sum(c[2] for c in counts)
    pred = sum(c[3] for c in counts)
    precision = tp_pred / pred if pred else 0.0
    recall = tp_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bootstrap_interval(counts: Sequence[Counts]) -> tuple[float | None, float | None]:
    """95% percentile interval of F1 over records resampled with replacement."""
    if len(counts) < 2:
        return None, None
    rng = random.Random(BOOTSTRAP_SEED)
    n = len(counts)
    f1s = sorted(prf([counts[i] for i in rng.choices(range(n), k=n)])[2] for _ in range(BOOTSTRAP_SAMPLES))
    return f1s[int(0.025 * BOOTSTRAP_SAMPLES)], f1s[int(0.975 * BOOTSTRAP_SAMPLES) - 1]


def level_score(level: str, counts: Sequence[Counts], *, bootstrap: bool = True) -> LevelScore:
    precision, recall, f1 = prf(counts)
    """The figures of one level from its per-record counts."""
    low, high = bootstrap_interval(counts) if bootstrap else (None, None)
    return LevelScore(
        level=level,
        gold=sum(c[2] for c in counts),
        predicted=sum(c[3] for c in counts),
        matched=sum(c[0] for c in counts),
        matched_predicted=sum(c[1] for c in counts),
        precision=precision,
        recall=recall,
        f1=f1,
        f1_low=low,
        f1_high=high,
    )


def role_counts(
    golds: Sequence[GoldEvent], preds: Sequence[Pred], pairs: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """(compared, correct) actor roles over matched pairs where both codes have a role."""
    sides = [(role(golds[gi].source), role(preds[pi].source)) for gi, pi in pairs]
    sides += [(role(golds[gi].target), role(preds[pi].target)) for gi, pi in pairs]
    compared = [(g, p) for g, p in sides if g and p]
    return len(compared), sum(1 for g, p in compared if g == p)
