"""Predictions as scoring reads them: event dicts (``Event.to_dict()`` form) grouped by document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from khaldun.errors import InputError
from khaldun.evaluation.gold import read_jsonl


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
    standard: str | None = None  # ``cameo_standard``: the code the CAMEO codebook gives the event


def load_predictions(path: Path) -> list[dict[str, Any]]:
    """Event dicts from a JSONL file (``khaldun code --format jsonl`` output)."""
    return [obj for _, obj in read_jsonl(path, error=InputError)]


def check_predictions_match(
    predictions: Sequence[dict[str, Any]], record_ids: Iterable[str], *, source: str
) -> None:
    """Refuse predictions of which none is for a scored record: their all-zero scores would look
    like the coder's answer when the ids (or the ``--split``) are wrong."""
    ids = set(record_ids)
    doc_ids = {str(p["doc_id"]) for p in predictions if isinstance(p, dict) and "doc_id" in p}
    if not predictions or not ids or doc_ids & ids:
        return
    raise InputError(
        f"{source}: none of its {len(predictions)} events has the doc_id of a scored gold record "
        f"(its doc_ids: {_sample(doc_ids)}; the gold's ids: {_sample(ids)}); code the gold texts "
        "keeping their ids, or check --split"
    )


def _sample(values: set[str]) -> str:
    shown = sorted(values)[:3]
    more = f" and {len(values) - len(shown)} more" if len(values) > len(shown) else ""
    return ", ".join(repr(v) for v in shown) + more if shown else "none"


def group_predictions(
    predictions: Iterable[dict[str, Any]], *, standard: bool
) -> tuple[dict[str, list[Pred]], int]:
    """Predictions by ``doc_id``, and how many; ``standard``: read ``cameo_standard`` and
    ``plover_standard`` where a prediction has them (see :func:`~khaldun.evaluation.scoring.score`)."""
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
        standard=_text(obj.get("cameo_standard")),
    )


def _actor_fields(value: Any) -> tuple[str | None, str | None, str | None]:
    if isinstance(value, dict):
        return _text(value.get("code")), _text(value.get("text")), _text(value.get("id"))
    return _text(value), None, None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None
