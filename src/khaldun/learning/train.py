"""``khaldun train``: fit the second opinion on the fit split of the dev gold sets.

Each record of the sets below is coded by the rules alone; its features
(:mod:`khaldun.learning.features`, the rules' events among them) are labelled with the
gold's event class (``penta``) and, where the gold has CAMEO codes, its root:

- ``conflibert_cameo``: the class, from the gold; its root only where the rules found a
  root of the gold's class (a silver label: which root inside the class is the rules' word);
- ``cameo_codebook_examples``, ``petr2_gsr``, ``tabari_validation``, ``petrarch2_unittest``:
  the root from the gold code and its class through the frozen crosswalk; no event, ``none``.

The regularisation strength and the policy's thresholds are chosen by 5-fold
cross-validation on the same fit records (fixed seed), never on the check split. Every
choice is written into the model file's provenance with the record counts and a hash of
the gold files read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from khaldun import __version__
from khaldun.coding.pipeline import Pipeline
from khaldun.coding.resolve import DocumentResolver
from khaldun.config import Config
from khaldun.errors import InputError
from khaldun.evaluation.gold import GoldRecord, load_gold, load_pentaclass
from khaldun.evaluation.splits import select_split
from khaldun.learning.features import sentence_features
from khaldun.learning.opinion import MODEL_FORMAT
from khaldun.learning.policy import Policy, best_root, judge, labels_after
from khaldun.model import Document

SEED = 20261205
CLASS_SET = "conflibert_cameo"
CAMEO_SETS = ("cameo_codebook_examples", "petr2_gsr", "tabari_validation", "petrarch2_unittest")
TRAINING_SETS = (CLASS_SET, *CAMEO_SETS)
C_GRID = (1.0, 3.0, 10.0, 30.0)
ACCEPT_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
VETO_GRID = (0.0, 0.02, 0.05, 0.1, 0.2)
ROOT_ACCEPT_GRID = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
FOLDS = 5
NONE = "none"


@dataclass(frozen=True)
class Example:
    """One gold record as the model sees it."""

    set: str
    id: str
    features: list[str]
    rule_classes: tuple[str, ...]  # the classes of the rules' events, one per event
    rule_roots: tuple[str, ...]  # and their roots
    n_actors: int
    classes: frozenset[str]  # gold event classes (or {"none"})
    roots: frozenset[str]  # gold (or silver) roots; empty: no root label


def train(
    gold_dir: Path,
    output: Path,
    *,
    split: str = "fit",
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, object]:
    """Train on ``split`` of the sets in ``gold_dir`` and write the model to ``output``."""
    examples, hashes = [], {}
    pipe = Pipeline(replace(Config(), model_enabled=False))
    for name in TRAINING_SETS:
        path = gold_dir / name / "dev.jsonl"
        if not path.is_file():
            raise InputError(
                f"{path}: missing; `khaldun train` reads the dev sets {', '.join(TRAINING_SETS)}"
            )
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        records = select_split(load_gold(path.parent), split).scored_records
        progress(f"{name}: coding {len(records)} {split} records with the rules")
        examples.extend(_examples(pipe, name, records))
    progress(f"fitting on {len(examples)} records")
    model = fit(examples)
    provenance = {
        "khaldun": __version__,
        "sets": list(TRAINING_SETS),
        "split": split,
        "records": {name: sum(e.set == name for e in examples) for name in TRAINING_SETS},
        "gold_sha256": hashes,
        "seed": SEED,
        **model.pop("choices"),  # type: ignore[arg-type]
    }
    _write(output, model, provenance)
    return provenance


def _examples(pipe: Pipeline, name: str, records: Iterable[GoldRecord]) -> list[Example]:
    penta = load_pentaclass()
    records = list(records)
    out = []
    for record, parsed in zip(records, pipe.nlp.parse_many(r.text for r in records), strict=True):
        coded = pipe.code_parsed(Document(text=record.text, id=record.id, published=record.date), parsed)
        resolver = DocumentResolver(pipe.knowledge, parsed, record.date)
        features: list[str] = []
        actors: set[str] = set()
        for sent in parsed.sentences:
            for mentions in resolver.resolve_sentence(sent.index).values():
                actors.update(m.actor.code for m in mentions)
            events = [e for e in coded.events if sent.start_char <= e.evidence.trigger_start < sent.end_char]
            features.extend(
                sentence_features(parsed, sent, [(e.cameo_standard or e.cameo, e.rule) for e in events])
            )
        rule_roots = [e.cameo_standard[:2] for e in coded.events]
        gold_codes = [e.code for e in record.events if e.code]
        if name == CLASS_SET:
            classes = frozenset(gold_codes) or frozenset({NONE})
            roots = frozenset(r for r in rule_roots if penta.get(r) in classes)
        else:
            roots = frozenset(c[:2] for c in gold_codes) or frozenset({NONE})
            classes = frozenset(penta.get(r, NONE) for r in roots)
        rule_classes = tuple(penta.get(r, NONE) for r in rule_roots)
        out.append(
            Example(name, record.id, features, rule_classes, tuple(rule_roots), len(actors), classes, roots)
        )
    return out


def fit(examples: list[Example]) -> dict[str, object]:
    """Both heads, the policy and the precedents, from labelled examples."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True)
    x = vec.fit_transform([e.features for e in examples])
    scores = {c: _best_policy(examples, *_cross_validated(examples, x, c)) for c in C_GRID}
    best_c = max(C_GRID, key=lambda c: (scores[c][0], -c))
    objective, policy = scores[best_c]
    penta, root = _heads(examples, x, range(len(examples)), best_c)
    rows, labels = _expand(examples, lambda e: e.classes)
    return {
        "vocabulary": vec.get_feature_names_out().tolist(),
        "idf": vec.idf_,
        "penta": penta,
        "root": root,
        "x": x[rows],
        "rows": rows,
        "labels": labels,
        "examples": examples,
        "choices": {
            "C": best_c,
            "policy": {"accept": policy.accept, "veto": policy.veto, "root_accept": policy.root_accept},
            "cv_objective": round(objective, 4),
            "cv_objective_by_C": {str(c): round(s[0], 4) for c, s in scores.items()},
        },
    }


def _heads(examples: list[Example], x: Any, indices: Iterable[int], c: float) -> tuple[Any, Any]:
    """The class and root heads fitted on the examples at ``indices``."""
    from sklearn.linear_model import LogisticRegression

    chosen = [examples[i] for i in indices]
    rows = list(indices)
    heads = []
    for labels in (lambda e: e.classes, lambda e: e.roots):
        sub_rows, ys = _expand(chosen, labels)
        heads.append(LogisticRegression(C=c, max_iter=3000).fit(x[[rows[r] for r in sub_rows]], ys))
    return heads[0], heads[1]


def _cross_validated(
    examples: list[Example], x: Any, c: float
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Each example's class and root probabilities from heads that did not see it."""
    from sklearn.model_selection import KFold

    penta_p: list[dict[str, float]] = [{} for _ in examples]
    root_p: list[dict[str, float]] = [{} for _ in examples]
    for train_idx, test_idx in KFold(FOLDS, shuffle=True, random_state=SEED).split(examples):
        penta, root = _heads(examples, x, train_idx.tolist(), c)
        for head, out in ((penta, penta_p), (root, root_p)):
            for i, p in zip(test_idx, head.predict_proba(x[test_idx]), strict=True):
                out[i] = dict(zip(head.classes_, p.tolist(), strict=True))
    return penta_p, root_p


def _expand(
    examples: list[Example], labels: Callable[[Example], frozenset[str]]
) -> tuple[list[int], list[str]]:
    """One row per (example, label); the example index of each row."""
    rows, ys = [], []
    for i, ex in enumerate(examples):
        for label in sorted(labels(ex)):
            rows.append(i)
            ys.append(label)
    return rows, ys


def _best_policy(
    examples: list[Example], penta_p: list[dict[str, float]], root_p: list[dict[str, float]]
) -> tuple[float, Policy]:
    """The thresholds with the best mean of two cross-validated F1s: event classes on the
    ConfliBERT records and roots on the records with CAMEO gold."""
    root_classes = load_pentaclass()
    best = (-1.0, Policy(1.01, 0.0))
    for accept, veto, root_accept in product(ACCEPT_GRID, VETO_GRID, ROOT_ACCEPT_GRID):
        policy = Policy(accept, veto, root_accept)
        counts = {CLASS_SET: [0, 0, 0], "roots": [0, 0, 0]}
        for ex, pp, rp in zip(examples, penta_p, root_p, strict=True):
            top = max((c for c in pp if c != NONE), key=pp.__getitem__)
            root, root_prob = best_root(rp, top, root_classes)
            verdict = judge(policy, ex.rule_classes, pp, ex.n_actors, root_prob)
            if ex.set == CLASS_SET:
                got, gold, tally = labels_after(verdict, ex.rule_classes, top), ex.classes, counts[CLASS_SET]
            else:
                got, gold, tally = (
                    labels_after(verdict, ex.rule_roots, root),
                    ex.roots - {NONE},
                    counts["roots"],
                )
            tally[0] += len(got & gold)
            tally[1] += len(gold)
            tally[2] += len(got)
        f1s = [2 * tp / max(g + p, 1) for tp, g, p in counts.values()]
        best = max(best, (sum(f1s) / 2, policy), key=lambda b: b[0])
    return best


def _head_arrays(name: str, head: Any) -> dict[str, np.ndarray]:
    """One row of weights per class; a two-class regression has one row, for the second
    class, and becomes two halves of it (their softmax is its sigmoid)."""
    coef, intercept = head.coef_, head.intercept_
    if len(head.classes_) == 2:
        coef, intercept = np.vstack([-coef / 2, coef / 2]), np.concatenate([-intercept / 2, intercept / 2])
    return {f"{name}_coef": coef.astype(np.float32), f"{name}_intercept": intercept.astype(np.float32)}


def _write(output: Path, model: dict[str, object], provenance: dict[str, object]) -> None:
    x, rows, labels, examples = model["x"], model["rows"], model["labels"], model["examples"]
    precedents, indptr, cols, vals = [], [0], [], []
    for row, i in enumerate(rows):  # type: ignore[arg-type]
        ex = examples[i]  # type: ignore[index]
        vec = x[row]  # type: ignore[index]
        precedents.append([ex.id, labels[row]])  # type: ignore[index]
        cols.extend(vec.indices.tolist())
        vals.extend(np.round(vec.data, 4).tolist())
        indptr.append(len(cols))
    penta, root = model["penta"], model["root"]
    meta = {
        "format": MODEL_FORMAT,
        "provenance": provenance,
        "policy": provenance["policy"],
        "vocabulary": model["vocabulary"],
        "classes": {"penta": list(penta.classes_), "root": list(root.classes_)},  # type: ignore[attr-defined]
        "precedents": precedents,
        "root_classes": load_pentaclass(),
    }
    arrays = {
        "idf": np.asarray(model["idf"], dtype=np.float32),
        **_head_arrays("penta", penta),
        **_head_arrays("root", root),
        "precedent_rows": np.asarray(indptr, dtype=np.int32),
        "precedent_cols": np.asarray(cols, dtype=np.int32),
        "precedent_vals": np.asarray(vals, dtype=np.float32),
    }
    digest = hashlib.sha256()
    for key in sorted(arrays):
        digest.update(arrays[key].tobytes())
    provenance["weights_sha256"] = digest.hexdigest()
    output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(output, meta=np.asarray(json.dumps(meta, sort_keys=True)), **arrays)
