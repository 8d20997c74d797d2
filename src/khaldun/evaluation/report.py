"""The score of a gold set (:class:`Report`) and its output: a JSON-ready dict, a plain-text table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from khaldun.evaluation.gold import SEED

LEVEL_ORDER = ("required", "all_events", "exact", "root", "dyad", "dyad_undirected", "type", "detection")


@dataclass(frozen=True)
class LevelScore:
    """Counts and figures for one level. ``matched`` is the recall numerator,
    ``matched_predicted`` the precision numerator (equal except for the seed)."""

    level: str
    gold: int
    predicted: int
    matched: int
    matched_predicted: int
    precision: float
    recall: float
    f1: float
    f1_low: float | None = None
    f1_high: float | None = None


@dataclass(frozen=True)
class Accuracy:
    """``correct`` of ``total`` compared items (actor roles, dates, modalities)."""

    name: str
    total: int
    correct: int

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class RuleResult:
    """The outcome of one seed ``must_not`` rule; ``count`` is violating predictions
    (event rules) or distinct actor ids (entity rules)."""

    note: str
    kind: str
    violated: bool
    count: int
    detail: str = ""


@dataclass(frozen=True)
class Report:
    """The score of one gold set."""

    name: str
    kind: str
    scheme: str
    records: int
    skipped: int
    predictions: int
    ignored_predictions: int
    levels: tuple[LevelScore, ...]
    accuracies: tuple[Accuracy, ...] = ()
    missed_required: tuple[str, ...] = ()
    rules: tuple[RuleResult, ...] = ()

    def level(self, name: str) -> LevelScore | None:
        return next((s for s in self.levels if s.level == name), None)

    def accuracy(self, name: str) -> Accuracy | None:
        return next((a for a in self.accuracies if a.name == name), None)


def report_to_dict(report: Report) -> dict[str, Any]:
    """A JSON-ready dict of ``report`` (for ``--format json``)."""
    return {
        "name": report.name,
        "kind": report.kind,
        "scheme": report.scheme,
        "records": report.records,
        "skipped": report.skipped,
        "predictions": report.predictions,
        "ignored_predictions": report.ignored_predictions,
        "levels": [vars(s).copy() for s in report.levels],
        "accuracies": [
            {"name": a.name, "total": a.total, "correct": a.correct, "value": a.value}
            for a in report.accuracies
        ],
        "missed_required": list(report.missed_required),
        "rules": [vars(r).copy() for r in report.rules],
    }


def format_report(reports: Sequence[Report]) -> str:
    """One plain-text table over ``reports``, a macro-F1 row per level, then notes.

    ``matched`` reads ``Np/Mg`` where the predictions matched (precision numerator)
    and the gold events matched (recall numerator) differ: the seed ``required`` row.
    """
    width = max([len(r.name) for r in reports] + [len("macro (n sets)"), 7])
    head = f"{'dataset':<{width}}  {'level':<15} {'gold':>6} {'pred':>6} {'matched':>9}"
    lines = [head + f" {'P':>6} {'R':>6} {'F1':>6}  F1 95% CI", "-" * (len(head) + 37)]
    for report in reports:
        for i, s in enumerate(report.levels):
            lines.append(_row(report.name if i == 0 else "", s, width))
    lines += _macro_rows(reports, width)
    lines.append("")
    for report in reports:
        lines += _notes(report)
    return "\n".join(lines).rstrip() + "\n"


def _row(name: str, s: LevelScore, width: int) -> str:
    matched = str(s.matched) if s.matched == s.matched_predicted else f"{s.matched_predicted}p/{s.matched}g"
    ci = f"{s.f1_low:.3f}-{s.f1_high:.3f}" if s.f1_low is not None and s.f1_high is not None else "-"
    return (
        f"{name:<{width}}  {s.level:<15} {s.gold:>6} {s.predicted:>6} {matched:>9}"
        f" {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}  {ci}"
    )


def _macro_rows(reports: Sequence[Report], width: int) -> list[str]:
    if len(reports) < 2:
        return []
    rows = []
    for level in LEVEL_ORDER:
        f1s = [s.f1 for r in reports if (s := r.level(level)) is not None]
        if len(f1s) > 1:
            label = f"macro ({len(f1s)} sets)"
            rows.append(
                f"{label:<{width}}  {level:<15} {'':>6} {'':>6} {'':>9} {'':>6} {'':>6}"
                f" {sum(f1s) / len(f1s):>6.3f}"
            )
    return rows


def _notes(report: Report) -> list[str]:
    out = [
        f"{report.name}: {report.records} records scored, {report.skipped} skipped; "
        f"{report.predictions} predictions, {report.ignored_predictions} for documents not scored"
    ]
    for a in report.accuracies:
        value = f"{a.value:.3f}" if a.value is not None else "n/a"
        out.append(f"  {a.name} accuracy: {a.correct}/{a.total} = {value}")
    if report.kind == SEED:
        out.append(f"  missed required: {', '.join(report.missed_required) or 'none'}")
    for rule in report.rules:
        state = "VIOLATED" if rule.violated else "ok"
        out.append(f"  must_not [{state}] {rule.detail} ({rule.count}): {rule.note}")
    return out
