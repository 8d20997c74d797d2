"""Gold-standard sets and scoring against them (``khaldun evaluate``).

Modules: ``gold`` (gold sets and actor-code conventions), ``predictions``
(coded events as scoring reads them), ``scoring`` (record matching, the
levels, :func:`score`), ``seed`` (the seed article and its rules),
``figures`` (P/R/F1, bootstrap interval, role accuracy), ``splits`` (the fixed
fit/check split of the dev sets) and ``report`` (the report and its text and JSON
forms). The names below are the way in.
"""

from __future__ import annotations

from khaldun.evaluation.gold import GoldSet, load_gold, load_golds, load_pentaclass, primary, role
from khaldun.evaluation.predictions import load_predictions
from khaldun.evaluation.report import Report, format_report, report_to_dict
from khaldun.evaluation.scoring import documents_of, levels_for, score
from khaldun.evaluation.splits import SPLITS, select_split, split_of

__all__ = [
    "SPLITS",
    "GoldSet",
    "Report",
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
    "select_split",
    "split_of",
]
