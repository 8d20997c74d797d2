"""Flatten event JSON (``Event.to_dict()``) into table rows, and back.

The round trip keeps every field the JSON has, so ``khaldun query`` prints
stored events in exactly the forms ``khaldun code`` does. Read back, an event
also carries its ``document`` (title, source, url, published) when the query
joined the documents table (``doc_title``, ``doc_source``, ``doc_url``,
``doc_published``), and its ``cluster_id``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from khaldun.store.schema import ACTOR_FIELDS, EVENT_NAMES


def period_start(value: str | None) -> dt.date | None:
    """``2020-07-19``, ``2020-08`` or ``2020`` as the first day of that period."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(parts[0], parts[1], parts[2])


def event_row(event: dict[str, Any]) -> tuple[Any, ...]:
    """One events-table row (in ``EVENT_NAMES`` order) from an event's JSON form."""
    flat: dict[str, Any] = {"id": event["event_id"], "doc_id": event["doc_id"]}
    for role in ("source", "target"):
        actor = event.get(role) or {}
        for f in ACTOR_FIELDS:
            flat[f"{role}_{f}"] = actor.get(f)
    for key in ("cameo", "cameo_name", "root", "cameo_standard", "plover", "plover_mode", "plover_standard"):
        flat[key] = event.get(key)
    flat["quad_class"] = event.get("quad_class")
    flat["goldstein"] = event.get("goldstein")
    flat["modality"] = event.get("modality")
    date = event.get("date") or {}
    flat["date"] = period_start(date.get("value"))
    flat["date_precision"] = date.get("precision")
    flat["date_text"] = date.get("text")
    loc = event.get("location") or {}
    for f in ("name", "country", "admin1", "lat", "lon", "gazetteer_id", "text"):
        flat[f"location_{f}"] = loc.get(f)
    amount = event.get("amount") or {}
    flat["amount_value"] = amount.get("value")
    flat["amount_currency"] = amount.get("currency")
    flat["amount_text"] = amount.get("text")
    ev = event.get("evidence") or {}
    trig = ev.get("trigger") or {}
    flat.update(
        sentence=ev.get("sentence"),
        sentence_start=ev.get("start"),
        sentence_end=ev.get("end"),
        trigger=trig.get("text"),
        trigger_start=trig.get("start"),
        trigger_end=trig.get("end"),
        confidence=event.get("confidence"),
        rule=event.get("rule"),
    )
    return tuple(flat[name] for name in EVENT_NAMES)


def _date_value(day: dt.date | None, precision: str | None) -> str | None:
    if day is None:
        return None
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _actor(row: dict[str, Any], role: str) -> dict[str, Any] | None:
    if row.get(f"{role}_id") is None and row.get(f"{role}_code") is None:
        return None
    return {f: row.get(f"{role}_{f}") for f in ACTOR_FIELDS}


def _number(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def event_dict(row: dict[str, Any]) -> dict[str, Any]:
    """The event JSON (as ``Event.to_dict()``) of an events-table row given as a dict."""
    date = None
    if row.get("date") is not None:
        date = {
            "value": _date_value(row["date"], row.get("date_precision")),
            "precision": row.get("date_precision"),
            "text": row.get("date_text"),
        }
    location = None
    if row.get("location_name") is not None:
        location = {
            f: row.get(f"location_{f}")
            for f in ("name", "country", "admin1", "lat", "lon", "gazetteer_id", "text")
        }
    amount = None
    if row.get("amount_value") is not None:
        amount = {
            "value": _number(row["amount_value"]),
            "currency": row.get("amount_currency"),
            "text": row.get("amount_text"),
        }
    out = {
        "doc_id": row["doc_id"],
        "event_id": row["id"],
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "cameo": row["cameo"],
        "cameo_name": row.get("cameo_name"),
        "root": row.get("root"),
        # NULL in events stored before schema 4: unknown, never guessed from cameo
        "cameo_standard": row.get("cameo_standard"),
        "plover": row.get("plover"),
        "plover_mode": row.get("plover_mode"),
        "plover_standard": row.get("plover_standard"),
        "quad_class": row.get("quad_class"),
        "goldstein": row.get("goldstein"),
        "modality": row.get("modality"),
        "date": date,
        "location": location,
        "amount": amount,
        "evidence": {
            "sentence": row.get("sentence"),
            "start": row.get("sentence_start"),
            "end": row.get("sentence_end"),
            "trigger": {
                "text": row.get("trigger"),
                "start": row.get("trigger_start"),
                "end": row.get("trigger_end"),
            },
        },
        "confidence": row.get("confidence"),
        "rule": row.get("rule"),
        "document": _document(row),
    }
    if "cluster_id" in row:
        out["cluster_id"] = row["cluster_id"]
    return out


def _document(row: dict[str, Any]) -> dict[str, Any] | None:
    """The article an event came from (see :func:`khaldun.model.document_dict`), when joined in."""
    if "doc_url" not in row:
        return None
    published = row.get("doc_published")
    return {
        "title": row.get("doc_title"),
        "source": row.get("doc_source"),
        "url": row.get("doc_url"),
        "published": published.isoformat() if published else None,
    }
