"""Scoring the seed gold (one annotated article) and checking its ``must_not`` rules.

``required`` (recall of the required events, precision of all predictions
against all gold events) and ``all_events``; a gold event is found by a
prediction with the same country parts of source and target (gold "" = any), a
root among those of ``cameo`` and ``alt``, and the same modality. Also date,
modality and role accuracy, and the ``must_not`` rules.

A prediction is read two ways: as the action with its modality (``cameo``: "said it
would retaliate" is force, planned), as the seed is annotated, and, where the CAMEO
codebook codes it otherwise, as the speech act the codebook codes (``cameo_standard``,
asserted: a threat made, 138), as annotators who write CAMEO codes annotate threats,
intents and refusals. Either reading finds a gold event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from khaldun.evaluation.figures import level_score, role_counts
from khaldun.evaluation.gold import GoldEvent, GoldSet, MustNot, primary
from khaldun.evaluation.predictions import Pred
from khaldun.evaluation.report import Accuracy, Report, RuleResult


def score_seed(gold: GoldSet, by_doc: dict[str, list[Pred]], base: dict[str, Any]) -> Report:
    """The report of the seed set: ``base`` (name, counts) with its levels, accuracies and rules."""
    record = gold.records[0]
    preds = by_doc.get(record.id, []) if record.scored else []
    golds = record.events
    pairs = _seed_pairs(golds, preds, with_modality=True)
    found = {gi for gi, _ in pairs}
    required = [i for i, e in enumerate(golds) if e.required]
    req_found = len(found.intersection(required))
    levels = (
        level_score("required", [(req_found, len(pairs), len(required), len(preds))], bootstrap=False),
        level_score("all_events", [(len(pairs), len(pairs), len(golds), len(preds))], bootstrap=False),
    )
    loose = _seed_pairs(golds, preds, with_modality=False)
    accuracies = (
        _seed_accuracy("date", pairs, lambda gi, pi: _date_ok(golds[gi].date, preds[pi].date), golds),
        _seed_accuracy("modality", loose, lambda gi, pi: golds[gi].modality == preds[pi].modality, golds),
        Accuracy("role", *role_counts(golds, preds, pairs)),
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
        readings = _readings(p)
        return same_dyad and any(r in roots and (not modality or g.modality == m) for r, m in readings)

    def strict(g: GoldEvent, p: Pred) -> bool:
        same = (g.source, g.target, g.code) == (p.source, p.target, p.cameo)
        return same and accepts(g, p) and _date_ok(g.date, p.date)

    def same_root(g: GoldEvent, p: Pred) -> bool:
        return p.root == g.code[:2] and accepts(g, p) and _date_ok(g.date, p.date)

    return [strict, same_root, accepts]


def _readings(p: Pred) -> list[tuple[str | None, str | None]]:
    """(root, modality) of the action, and of the speech act the CAMEO codebook codes in its
    place where it differs (a threat, an intent or a refusal made: asserted)."""
    readings = [(p.root, p.modality)]
    if p.standard and p.standard[:2] != p.root:
        readings.append((p.standard[:2], "asserted"))
    return readings


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
