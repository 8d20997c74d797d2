"""The fixed fit/check split of every dev set.

Rules are written from the **fit** part (about 60% of each set) and from the
codebooks and dictionaries; changes are judged on the **check** part (about 40%),
which rule writers do not read. A record's part is fixed by a stable hash of its
near-duplicate group (``meta.dup_group``, shared by the same sentence in several
sets) or else its id, salted so that it is independent of the upstream dev/test
split, which was made by an unsalted hash of the same keys::

    check  iff  int(sha256("khaldun-fit-check:" + key)[:8], 16) % 100 < 40

The seed article is not split: it is one document, scored whole in every part.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from khaldun.errors import InputError
from khaldun.evaluation.gold import SEED, GoldRecord, GoldSet

SPLITS = ("fit", "check", "all")
CHECK_PERCENT = 40
_SALT = "khaldun-fit-check:"


def split_of(record: GoldRecord) -> str:
    """``fit`` or ``check``: the fixed part of the dev set a record belongs to."""
    digest = hashlib.sha256((_SALT + record.split_key).encode("utf-8")).hexdigest()
    return "check" if int(digest[:8], 16) % 100 < CHECK_PERCENT else "fit"


def select_split(gold: GoldSet, split: str) -> GoldSet:
    """The records of ``gold`` in ``split`` (``all``: every record; the seed is never split)."""
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    if split == "all" or gold.kind == SEED:
        return gold
    records = tuple(r for r in gold.records if split_of(r) == split)
    return replace(gold, name=f"{gold.name} [{split}]", records=records)
