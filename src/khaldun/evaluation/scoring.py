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
(see :mod:`khaldun.evaluation.figures`).

The seed gold (one article) is scored differently, see :mod:`khaldun.evaluation.seed`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from khaldun.evaluation.figures import Counts, level_score, role_counts
from khaldun.evaluation.gold import SEED, GoldEvent, GoldRecord, GoldSet, load_pentaclass, primary
from khaldun.evaluation.predictions import Pred, group_predictions
from khaldun.evaluation.report import Accuracy, Report
from khaldun.evaluation.seed import score_seed

__all__ = ["documents_of", "levels_for", "score"]


def documents_of(gold: GoldSet) -> list[tuple[str, str, dt.date | None]]:
    """(doc_id, text, published date) of each scored record, for the coder to run."""
    return [(r.id, r.text, r.date) for r in gold.scored_records]


def score(gold: GoldSet, predictions: Iterable[dict[str, Any]]) -> Report:
    """Score prediction dicts (``Event.to_dict()`` form) against ``gold``.

    Third-party CAMEO and PLOVER sets follow the codebooks' convention for events
    that have not happened (a promise to meet is 036, an intent), so their scores
    read each prediction's ``cameo_standard`` when it has one; the seed's own
    annotation codes the action with its modality, so it reads ``cameo``, and also
    ``cameo_standard`` as a speech act made, for stories annotated in CAMEO codes
    (a threat made, not force planned: see :mod:`khaldun.evaluation.seed`).
    """
    by_doc, total = group_predictions(predictions, standard=gold.kind != SEED)
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
        return score_seed(gold, by_doc, base)
    return _score_records(scored, by_doc, base)


def levels_for(scheme: str, has_actors: bool) -> tuple[str, ...]:
    """The levels a gold set with this code scheme (and actor codes or not) supports."""
    if scheme == "CAMEO" and has_actors:
        return ("exact", "root", "dyad", "dyad_undirected", "detection")
    if scheme == "PLOVER" and has_actors:
        return ("root", "dyad", "dyad_undirected", "type", "detection")
    if scheme in ("CAMEO", "PLOVER", "PENTACLASS"):
        return ("type", "detection")
    return ("detection",)


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
            total, correct = role_counts(record.events, preds, _dyad_pairs(record.events, preds, stages))
            role_total, role_correct = role_total + total, role_correct + correct
    scores = tuple(level_score(level, rows[level]) for level in levels)
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
