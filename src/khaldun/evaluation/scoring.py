"""Score coded events against gold data: the library behind ``khaldun evaluate``.

Follows the scoring protocol of ``../shared/eval/README.md``. Each gold set is
scored on its own, on records with ``score=true`` (and no ``expect_error``).
Predictions are event dicts in the form of :meth:`khaldun.model.Event.to_dict`,
grouped by ``doc_id`` (= the gold record id).

Levels (only those a set supports are reported, see :func:`levels_for`):

- ``exact``: (source code, target code, CAMEO code); a null actor matches only null.
- ``root``: (source primary, target primary, CAMEO root); PLOVER sets compare the
  PLOVER category instead of the root. Primary = first 3 characters of the actor
  code; ``---``, ``~AGENT``, quoted text, empty or null = unknown, which matches
  only unknown.
- ``dyad`` and ``dyad_undirected``: the primaries, code ignored.
- ``type``: per record, the set of distinct codes (CAMEO root; PENTACLASS via the
  frozen crosswalk ``data/ontology/crosswalk_pentaclass.tsv``; PLOVER category).
  Distinct, not a multiset: type-only gold labels a sentence once however many
  dyads it has.
- ``detection``: per record, has at least one event vs none.

Per record, predictions are matched one-to-one to gold events, strictest key
first (exact, then root, then dyad...), then precision, recall and F1 are
micro-averaged over events with a bootstrap 95% interval for F1 over records
(1000 resamples, fixed seed). Zero denominators give 0.0.

The seed gold (one article) is scored differently, see :func:`_score_seed`:
``required`` (recall of the required events, precision of all predictions
against all gold events) and ``all_events``; a gold event is found by a
prediction with the same country parts of source and target (gold "" = any), a
root among those of ``cameo`` and ``alt``, and the same modality. Also date,
modality and role accuracy, and the ``must_not`` rules.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khaldun.errors import InputError
from khaldun.evaluation.gold import (
    SEED,
    GoldEvent,
    GoldRecord,
    GoldSet,
    MustNot,
    load_gold,
    load_golds,
    load_pentaclass,
    primary,
    read_jsonl,
    role,
)

__all__ = [
    "Accuracy",
    "GoldSet",
    "LevelScore",
    "Report",
    "RuleResult",
    "documents_of",
    "format_report",
    "levels_for",
    "load_gold",
    "load_golds",
    "load_pentaclass",
    "load_predictions",
    "primary",
    "report_to_dict",
    "role",
    "score",
]

BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 1406  # the year Ibn Khaldun died; any fixed value keeps reports reproducible
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


@dataclass(frozen=True)
class Pred:
    """The fields of a prediction dict that scoring reads."""

    source: str | None
    target: str | None
    cameo: str | None
    root: str | None
    plover: str | None
    modality: str | None
    date: str | None
    source_text: str | None = None
    target_text: str | None = None
    source_id: str | None = None
    target_id: str | None = None


# --- public API -----------------------------------------------------------------------------------


def documents_of(gold: GoldSet) -> list[tuple[str, str, dt.date | None]]:
    """(doc_id, text, published date) of each scored record, for the coder to run."""
    return [(r.id, r.text, r.date) for r in gold.scored_records]


def score(gold: GoldSet, predictions: Iterable[dict[str, Any]]) -> Report:
    """Score prediction dicts (``Event.to_dict()`` form) against ``gold``.

    Third-party CAMEO and PLOVER sets follow the codebooks' convention for events
    that have not happened (a promise to meet is 036, an intent), so their scores
    read each prediction's ``cameo_standard`` when it has one; the seed's own
    annotation codes the action with its modality, so it reads ``cameo``.
    """
    by_doc, total = _group(predictions, standard=gold.kind != SEED)
    scored = gold.scored_records
    ids = {r.id for r in scored}
    ignored = sum(len(v) for k, v in by_doc.items() if k not in ids)
    base = {
        "name": gold.name,
        "kind": gold.kind,
        "records": len(scored),
        "skipped": len(gold.records) - len(scored),
        "predictions": total,
        "ignored_predictions": ignored,
    }
    if gold.kind == SEED:
        return _score_seed(gold, by_doc, base)
    return _score_records(scored, by_doc, base)


def load_predictions(path: Path) -> list[dict[str, Any]]:
    """Event dicts from a JSONL file (``khaldun code --format jsonl`` output)."""
    return [obj for _, obj in read_jsonl(path, error=InputError)]


def levels_for(scheme: str, has_actors: bool) -> tuple[str, ...]:
    """The levels a gold set with this code scheme (and actor codes or not) supports."""
    if scheme == "CAMEO" and has_actors:
        return ("exact", "root", "dyad", "dyad_undirected", "detection")
    if scheme == "PLOVER" and has_actors:
        return ("root", "dyad", "dyad_undirected", "type", "detection")
    if scheme in ("CAMEO", "PLOVER", "PENTACLASS"):
        return ("type", "detection")
    return ("detection",)


# --- predictions ----------------------------------------------------------------------------------


def _group(predictions: Iterable[dict[str, Any]], *, standard: bool) -> tuple[dict[str, list[Pred]], int]:
    by_doc: dict[str, list[Pred]] = {}
    total = 0
    for i, obj in enumerate(predictions):
        if not isinstance(obj, dict) or not isinstance(obj.get("doc_id"), str):
            raise InputError(
                f"prediction {i}: expected an event object with a string 'doc_id', got {obj!r:.80}."
            )
        by_doc.setdefault(obj["doc_id"], []).append(_pred(obj, standard=standard))
        total += 1
    return by_doc, total


def _pred(obj: dict[str, Any], *, standard: bool = False) -> Pred:
    src, tgt = _actor_fields(obj.get("source")), _actor_fields(obj.get("target"))
    cameo = _text(obj.get("cameo_standard")) if standard else None
    cameo = cameo or _text(obj.get("cameo"))
    date = obj.get("date")
    return Pred(
        source=src[0],
        target=tgt[0],
        cameo=cameo,
        root=(cameo[:2] if cameo else None) or _text(obj.get("root")),
        plover=(_text(obj.get("plover_standard")) if standard else None) or _text(obj.get("plover")),
        modality=_text(obj.get("modality")),
        date=_text(date.get("value")) if isinstance(date, dict) else _text(date),
        source_text=src[1],
        target_text=tgt[1],
        source_id=src[2],
        target_id=tgt[2],
    )


def _actor_fields(value: Any) -> tuple[str | None, str | None, str | None]:
    if isinstance(value, dict):
        return _text(value.get("code")), _text(value.get("text")), _text(value.get("id"))
    return _text(value), None, None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


# --- matching -------------------------------------------------------------------------------------

Key = Callable[[Any], Any]


def _pairs(
    golds: Sequence[Any], preds: Sequence[Any], stages: Sequence[tuple[Key, Key]]
) -> list[tuple[int, int]]:
    """One-to-one greedy pairs: each stage pairs still-free items whose keys are equal."""
    free_g, free_p = list(range(len(golds))), list(range(len(preds)))
    pairs: list[tuple[int, int]] = []
    for gold_key, pred_key in stages:
        buckets: dict[Any, list[int]] = {}
        for pi in free_p:
            buckets.setdefault(pred_key(preds[pi]), []).append(pi)
        for gi in list(free_g):
            candidates = buckets.get(gold_key(golds[gi]))
            if candidates:
                pi = candidates.pop(0)
                pairs.append((gi, pi))
                free_g.remove(gi)
                free_p.remove(pi)
    return pairs


def _event_stages(scheme: str) -> list[tuple[str, Key, Key]]:
    """(level, gold key, prediction key) from strictest to loosest."""
    if scheme == "PLOVER":
        first = ("_full", lambda g: (g.source, g.target, g.plover), lambda p: (p.source, p.target, p.plover))
        cat = ("root", lambda g: (*_dyad(g), g.plover), lambda p: (*_dyad(p), p.plover))
        head = [first, cat]
    else:
        exact = ("exact", lambda g: (g.source, g.target, g.code), lambda p: (p.source, p.target, p.cameo))
        root = ("root", lambda g: (*_dyad(g), g.root), lambda p: (*_dyad(p), p.root))
        head = [exact, root]
    return [*head, ("dyad", _dyad, _dyad), ("dyad_undirected", _undirected, _undirected)]


def _dyad(item: Any) -> tuple[str | None, str | None]:
    return primary(item.source), primary(item.target)


def _undirected(item: Any) -> tuple[str, str]:
    a, b = _dyad(item)
    return (a or "", b or "") if (a or "") <= (b or "") else (b or "", a or "")


# --- record sets ----------------------------------------------------------------------------------

Counts = tuple[int, int, int, int]  # matched gold, matched predictions, gold, predicted


def _score_records(
    scored: Sequence[GoldRecord], by_doc: dict[str, list[Pred]], base: dict[str, Any]
) -> Report:
    events = [e for r in scored for e in r.events]
    scheme = Counter(e.scheme for e in events).most_common(1)[0][0] if events else "none"
    has_actors = any(e.source or e.target for e in events)
    levels = levels_for(scheme, has_actors)
    type_of = _type_key(scheme)
    stages = _event_stages(scheme)
    rows: dict[str, list[Counts]] = {level: [] for level in levels}
    role_total = role_correct = 0
    for record in scored:
        preds = by_doc.get(record.id, [])
        if scheme == "PLOVER":
            # PLOVER has no type for CAMEO's statements (01): such an event is no PLOVER event.
            preds = [p for p in preds if p.plover]
        for level, counts in _record_counts(record, preds, levels, stages, type_of).items():
            rows[level].append(counts)
        if "dyad" in levels:
            total, correct = _role_counts(record.events, preds, _dyad_pairs(record.events, preds, stages))
            role_total, role_correct = role_total + total, role_correct + correct
    scores = tuple(_level_score(level, rows[level]) for level in levels)
    accuracies = (Accuracy("role", role_total, role_correct),) if "dyad" in levels else ()
    return Report(scheme=scheme, levels=scores, accuracies=accuracies, **base)


def _record_counts(
    record: GoldRecord,
    preds: Sequence[Pred],
    levels: Sequence[str],
    stages: Sequence[tuple[str, Key, Key]],
    type_of: Callable[[Pred], str | None],
) -> dict[str, Counts]:
    golds = record.events
    out: dict[str, Counts] = {}
    for i, (level, _, _) in enumerate(stages):
        if level in levels:
            n = len(_pairs(golds, preds, [(g, p) for _, g, p in stages[: i + 1]]))
            out[level] = (n, n, len(golds), len(preds))
    if "type" in levels:
        gold_types = {_gold_type(e) for e in golds}
        pred_types = {t for t in map(type_of, preds) if t is not None}
        n = len(gold_types & pred_types)
        out["type"] = (n, n, len(gold_types), len(pred_types))
    if "detection" in levels:
        hit = int(bool(golds) and bool(preds))
        out["detection"] = (hit, hit, int(bool(golds)), int(bool(preds)))
    return out


def _gold_type(event: GoldEvent) -> str:
    if event.scheme == "CAMEO":
        return event.root or event.code[:2]
    if event.scheme == "PLOVER":
        return event.plover or event.code
    return event.code


def _type_key(scheme: str) -> Callable[[Pred], str | None]:
    if scheme == "PLOVER":
        return lambda p: p.plover
    if scheme == "PENTACLASS":
        table = load_pentaclass()
        return lambda p: table.get(p.root or "")
    return lambda p: p.root


def _dyad_pairs(
    golds: Sequence[GoldEvent], preds: Sequence[Pred], stages: Sequence[tuple[str, Key, Key]]
) -> list[tuple[int, int]]:
    """Pairs matched at the dyad level (strictest key first), for role accuracy."""
    upto = [s[0] for s in stages].index("dyad") + 1
    return _pairs(golds, preds, [(g, p) for _, g, p in stages[:upto]])


# --- figures --------------------------------------------------------------------------------------


def _prf(counts: Sequence[Counts]) -> tuple[float, float, float]:
    tp_gold = sum(c[0] for c in counts)
    tp_pred = sum(c[1] for c in counts)
    gold = sum(c[2] for c in counts)
    pred = sum(c[3] for c in counts)
    precision = tp_pred / pred if pred else 0.0
    recall = tp_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _bootstrap(counts: Sequence[Counts]) -> tuple[float | None, float | None]:
    """95% percentile interval of F1 over records resampled with replacement."""
    if len(counts) < 2:
        return None, None
    rng = random.Random(BOOTSTRAP_SEED)
    n = len(counts)
    f1s = sorted(_prf([counts[i] for i in rng.choices(range(n), k=n)])[2] for _ in range(BOOTSTRAP_SAMPLES))
    return f1s[int(0.025 * BOOTSTRAP_SAMPLES)], f1s[int(0.975 * BOOTSTRAP_SAMPLES) - 1]


def _level_score(level: str, counts: Sequence[Counts], *, bootstrap: bool = True) -> LevelScore:
    precision, recall, f1 = _prf(counts)
    low, high = _bootstrap(counts) if bootstrap else (None, None)
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


# --- seed -----------------------------------------------------------------------------------------


def _score_seed(gold: GoldSet, by_doc: dict[str, list[Pred]], base: dict[str, Any]) -> Report:
    record = gold.records[0]
    preds = by_doc.get(record.id, []) if record.scored else []
    golds = record.events
    pairs = _seed_pairs(golds, preds, with_modality=True)
    found = {gi for gi, _ in pairs}
    required = [i for i, e in enumerate(golds) if e.required]
    req_found = len(found.intersection(required))
    levels = (
        _level_score("required", [(req_found, len(pairs), len(required), len(preds))], bootstrap=False),
        _level_score("all_events", [(len(pairs), len(pairs), len(golds), len(preds))], bootstrap=False),
    )
    loose = _seed_pairs(golds, preds, with_modality=False)
    accuracies = (
        _seed_accuracy("date", pairs, lambda gi, pi: _date_ok(golds[gi].date, preds[pi].date), golds),
        _seed_accuracy("modality", loose, lambda gi, pi: golds[gi].modality == preds[pi].modality, golds),
        Accuracy("role", *_role_counts(golds, preds, pairs)),
    )
    return Report(
        scheme="CAMEO",
        levels=levels,
        accuracies=accuracies,
        missed_required=tuple(golds[i].id or str(i) for i in required if i not in found),
        rules=tuple(_check_rule(rule, preds) for rule in gold.must_not),
        **base,
    )


def _seed_pairs(
    golds: Sequence[GoldEvent], preds: Sequence[Pred], *, with_modality: bool
) -> list[tuple[int, int]]:
    """Maximum one-to-one matching, required events first, strictest stage first.

    Without ``with_modality``, pairs that agree on modality are still made first,
    so that modality accuracy is measured on the most plausible pairs.
    """
    stages = _seed_stages(True) + ([] if with_modality else _seed_stages(False))
    pairs: list[tuple[int, int]] = []
    for want_required in (True, False):
        group = [i for i, e in enumerate(golds) if e.required == want_required]
        for ok in stages:
            used_g, used_p = {g for g, _ in pairs}, {p for _, p in pairs}
            todo = [i for i in group if i not in used_g]
            free = [i for i in range(len(preds)) if i not in used_p]
            pairs += _max_matching(todo, free, lambda gi, pi, ok=ok: ok(golds[gi], preds[pi]))
    return pairs


def _seed_stages(modality: bool) -> list[Callable[[GoldEvent, Pred], bool]]:
    def accepts(g: GoldEvent, p: Pred) -> bool:
        sides = ((g.source, p.source), (g.target, p.target))
        same_dyad = all(not gc or primary(gc) == primary(pc) for gc, pc in sides)
        roots = {c[:2] for c in (g.code, *g.alt)}
        return same_dyad and p.root in roots and (not modality or g.modality == p.modality)

    def strict(g: GoldEvent, p: Pred) -> bool:
        same = (g.source, g.target, g.code) == (p.source, p.target, p.cameo)
        return same and accepts(g, p) and _date_ok(g.date, p.date)

    def same_root(g: GoldEvent, p: Pred) -> bool:
        return p.root == g.code[:2] and accepts(g, p) and _date_ok(g.date, p.date)

    return [strict, same_root, accepts]


def _max_matching(
    golds: Sequence[int], preds: Sequence[int], ok: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """Maximum bipartite matching by augmenting paths (Kuhn), gold order breaks ties."""
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in preds:
            if pi not in seen and ok(gi, pi):
                seen.add(pi)
                if pi not in owner or augment(owner[pi], seen):
                    owner[pi] = gi
                    return True
        return False

    for gi in golds:
        augment(gi, set())
    return sorted((gi, pi) for pi, gi in owner.items())


def _date_ok(gold: str | None, pred: str | None) -> bool:
    return gold is None or (pred is not None and pred.startswith(gold))


def _seed_accuracy(
    name: str, pairs: Sequence[tuple[int, int]], ok: Callable[[int, int], bool], golds: Sequence[GoldEvent]
) -> Accuracy:
    compared = [(gi, pi) for gi, pi in pairs if name != "date" or golds[gi].date]
    return Accuracy(name, len(compared), sum(1 for gi, pi in compared if ok(gi, pi)))


def _role_counts(
    golds: Sequence[GoldEvent], preds: Sequence[Pred], pairs: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """(compared, correct) actor roles over matched pairs where both codes have a role."""
    sides = [(role(golds[gi].source), role(preds[pi].source)) for gi, pi in pairs]
    sides += [(role(golds[gi].target), role(preds[pi].target)) for gi, pi in pairs]
    compared = [(g, p) for g, p in sides if g and p]
    return len(compared), sum(1 for g, p in compared if g == p)


def _check_rule(rule: MustNot, preds: Sequence[Pred]) -> RuleResult:
    if rule.entity_split:
        return _check_entity_split(rule, preds)
    bad = [
        p
        for p in preds
        if (not rule.source or primary(p.source) == primary(rule.source))
        and (not rule.target or primary(p.target) == primary(rule.target))
        and p.root == rule.cameo_root
        and p.modality == rule.modality
    ]
    detail = f"{rule.source or '*'} -> {rule.target or '*'} root {rule.cameo_root} {rule.modality}"
    return RuleResult(rule.note, "event", bool(bad), len(bad), detail)


def _check_entity_split(rule: MustNot, preds: Sequence[Pred]) -> RuleResult:
    spellings = [s.lower() for s in rule.entity_split]
    ids: set[str] = set()
    for p in preds:
        for text, actor_id in ((p.source_text, p.source_id), (p.target_text, p.target_id)):
            if text and actor_id and any(s in text.lower() for s in spellings):
                ids.add(actor_id)
    detail = f"{' / '.join(rule.entity_split)} -> ids: {', '.join(sorted(ids)) or 'none seen'}"
    return RuleResult(rule.note, "entity_split", len(ids) > 1, len(ids), detail)


# --- output ---------------------------------------------------------------------------------------


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
