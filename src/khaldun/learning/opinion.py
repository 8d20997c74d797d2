"""The learned second opinion at coding time: a model file read once, then numpy only.

The model (written by ``khaldun train``, see :mod:`khaldun.learning.train`) is two
multinomial logistic regressions over the sparse features of
:mod:`khaldun.learning.features`, weighted tf-idf as at training:

- ``penta``: the sentence's event class (ConfliBERT's five CAMEO classes: 0 statement
  or appeal, 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4
  material conflict) or ``none``; trained on the most data, it decides;
- ``root``: the CAMEO root, used only to pick a root inside the class ``penta`` chose.

It also keeps the fit-split training records as precedents (set, record id, label,
feature columns; no gold text ships in the package), so that an event the model
decided can say which gold records it was coded like.

Inference needs numpy alone; scikit-learn is needed only to train.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from khaldun.errors import DataFileError

MODEL_FORMAT = 1
CLASS_NAMES = {
    "0": "statement or appeal",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
    "none": "no event",
}


@dataclass(frozen=True)
class Head:
    """One classifier: its classes, and the weights of each feature column for each class."""

    classes: tuple[str, ...]
    coef: np.ndarray  # (classes, features)
    intercept: np.ndarray  # (classes,)

    def probabilities(self, columns: np.ndarray, weights: np.ndarray) -> dict[str, float]:
        scores = self.coef[:, columns] @ weights + self.intercept
        scores = np.exp(scores - scores.max())
        return dict(zip(self.classes, (scores / scores.sum()).tolist(), strict=True))


@dataclass(frozen=True)
class Precedent:
    """A gold record of the fit split the model was trained on."""

    record: str  # "conflibert_cameo:train-0001"
    label: str


@dataclass(frozen=True)
class Opinion:
    """What the model thinks of one sentence."""

    penta: dict[str, float]  # class -> probability, "none" included
    root: dict[str, float]  # CAMEO root -> probability
    columns: np.ndarray
    weights: np.ndarray

    @property
    def top_class(self) -> str:
        """The most likely event class (``none`` excluded)."""
        return max((c for c in self.penta if c != "none"), key=self.penta.__getitem__)


class SecondOpinion:
    """The shipped model: vocabulary, idf, the two heads, the policy, precedents."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = np.load(path, allow_pickle=False)
            meta = json.loads(str(data["meta"]))
        except (OSError, ValueError, KeyError) as exc:
            raise DataFileError(f"{path}: not a khaldun model file ({exc})") from None
        if meta.get("format") != MODEL_FORMAT:
            raise DataFileError(
                f"{path}: model format {meta.get('format')!r}, this khaldun reads format {MODEL_FORMAT};"
                " retrain it with `khaldun train`"
            )
        try:
            self._read(meta, data)
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"{path}: incomplete model file, {exc!r} missing or malformed") from None

    def _read(self, meta: dict[str, Any], data: Any) -> None:
        self.provenance: dict[str, object] = meta["provenance"]
        self.policy: dict[str, float] = meta["policy"]
        self.root_classes: dict[str, str] = meta["root_classes"]  # CAMEO root -> event class
        self._columns = {f: i for i, f in enumerate(meta["vocabulary"])}
        self._idf = data["idf"]
        self.heads = {
            name: Head(tuple(meta["classes"][name]), data[f"{name}_coef"], data[f"{name}_intercept"])
            for name in ("penta", "root")
        }
        self._precedents = [Precedent(r, lab) for r, lab in meta["precedents"]]
        self._precedent_rows = data["precedent_rows"]  # CSR-like: offsets into the two arrays below
        self._precedent_cols = data["precedent_cols"]
        self._precedent_vals = data["precedent_vals"]
        self._precedent_labels = np.asarray([p.label for p in self._precedents])

    def event_class(self, code: str) -> str:
        """The event class of a CAMEO code (through its root)."""
        return self.root_classes.get(code[:2], "none")

    def vector(self, features: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The l2-normalised sublinear tf-idf of ``features`` (columns, weights); unknown ones dropped."""
        counts: dict[int, int] = {}
        for f in features:
            col = self._columns.get(f)
            if col is not None:
                counts[col] = counts.get(col, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        columns = np.fromiter(counts, dtype=np.int64)
        weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=float))) * self._idf[columns]
        return columns, weights / np.linalg.norm(weights)

    def opinion(self, features: list[str]) -> Opinion:
        columns, weights = self.vector(features)
        return Opinion(
            penta=self.heads["penta"].probabilities(columns, weights),
            root=self.heads["root"].probabilities(columns, weights),
            columns=columns,
            weights=weights,
        )

    def precedents(self, opinion: Opinion, label: str, k: int = 3) -> list[tuple[Precedent, float]]:
        """The ``k`` training records most like this sentence among those labelled ``label``
        (cosine of the two tf-idf vectors, over every precedent at once)."""
        query = np.zeros(len(self._idf))
        query[opinion.columns] = opinion.weights
        products = self._precedent_vals * query[self._precedent_cols]
        sims = np.add.reduceat(products, self._precedent_rows[:-1]) if len(products) else np.zeros(0)
        sims[self._precedent_rows[:-1] == self._precedent_rows[1:]] = 0.0  # a record with no features
        sims[self._precedent_labels != label] = -1.0
        best = np.argsort(-sims, kind="stable")[:k]
        return [(self._precedents[i], round(float(sims[i]), 2)) for i in best if sims[i] > 0]


BUNDLED_MODEL = Path(__file__).resolve().parent.parent / "data" / "model" / "second_opinion.npz"


@lru_cache(maxsize=4)
def load_second_opinion(path: Path = BUNDLED_MODEL) -> SecondOpinion:
    """The model at ``path``, read once per process."""
    if not path.is_file():
        raise DataFileError(
            f"{path}: no model file; run `khaldun train` to make one, or set [model] enabled = false"
        )
    return SecondOpinion(path)
