"""Output formats shared by every data command: table, json, jsonl, csv.

``FORMATS`` maps a format name to its event writer; :func:`write_events`
writes events (their JSON form, :meth:`khaldun.model.Event.to_dict`, so that
all formats carry the same facts) and :func:`write_rows` the rows of an
aggregate (dyad series, network edges) in the same four formats. The
exports of a store for other tools are in :mod:`khaldun.export.exporters`.
"""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any

ACTOR_FIELDS = ("text", "id", "name", "code", "country", "sector")


def _actor_columns(side: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((f"{side}_{name}", (side, name)) for name in ACTOR_FIELDS)


# Flat columns for CSV, as (column, path in the event dict).
CSV_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("doc_id", ("doc_id",)),
    ("event_id", ("event_id",)),
    ("date", ("date", "value")),
    ("date_precision", ("date", "precision")),
    ("date_text", ("date", "text")),
    *_actor_columns("source"),
    *_actor_columns("target"),
    ("cameo", ("cameo",)),
    ("cameo_name", ("cameo_name",)),
    ("plover", ("plover",)),
    ("plover_mode", ("plover_mode",)),
    ("quad_class", ("quad_class",)),
    ("goldstein", ("goldstein",)),
    ("modality", ("modality",)),
    ("location", ("location", "name")),
    ("location_country", ("location", "country")),
    ("lat", ("location", "lat")),
    ("lon", ("location", "lon")),
    ("amount", ("amount", "value")),
    ("currency", ("amount", "currency")),
    ("trigger", ("evidence", "trigger", "text")),
    ("sentence", ("evidence", "sentence")),
    ("sentence_start", ("evidence", "start")),
    ("sentence_end", ("evidence", "end")),
    ("confidence", ("confidence",)),
    ("rule", ("rule",)),
)


def get_path(record: dict[str, Any], path: Sequence[str]) -> Any:
    """The value at a path of keys in nested dicts, or None where the path ends early."""
    value: Any = record
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: IO[str]) -> int:
    """Write event dicts in a format of ``FORMATS``; returns how many were written."""
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(events, out)


def write_json(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON array of the records."""
    rows = list(records)
    json.dump(rows, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")
    return len(rows)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object a line."""
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """The flat ``CSV_COLUMNS`` of each event, with a header line."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    count = 0
    for event in events:
        writer.writerow(["" if (v := get_path(event, path)) is None else v for _, path in CSV_COLUMNS])
        count += 1
    return count


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    name = actor.get("name") or actor.get("text") or "?"
    return f"{name} [{actor.get('code')}]"


def write_table(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """A table for a person at a terminal: one block per event, wrapped to the width."""
    events = list(records)
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    if not events:
        out.write("No events found.\n")
        return 0
    for n, ev in enumerate(events, 1):
        date = ev["date"]["value"] if ev.get("date") else "?"
        place = ev["location"]["name"] if ev.get("location") else ""
        amount = ev.get("amount")
        head = f"{n:>3}. {date}  {_actor_label(ev['source'])} → {_actor_label(ev['target'])}"
        code = f"     {ev['cameo']} {ev['cameo_name']}  ·  {ev['plover'] or '-'}  ·  {ev['modality']}"
        extra = "  ·  ".join(
            x
            for x in (
                f"in {place}" if place else "",
                f"{amount['value']:,} {amount['currency'] or ''}".strip() if amount else "",
                f"confidence {ev['confidence']:.2f}",
            )
            if x
        )
        out.write(head + "\n" + code + "\n     " + extra + "\n")
        trigger = ev["evidence"]["trigger"]["text"]
        quote = textwrap.fill(
            f"“{ev['evidence']['sentence'].strip()}”  (trigger: {trigger})",
            width=width,
            initial_indent="     ",
            subsequent_indent="     ",
        )
        out.write(quote + "\n")
        for line in ev.get("explanation", []):
            out.write(
                textwrap.fill(line, width=width, initial_indent="       · ", subsequent_indent="         ")
                + "\n"
            )
        out.write("\n")
    out.write(f"{len(events)} event{'s' if len(events) != 1 else ''}.\n")
    return len(events)


FORMATS: dict[str, Callable[[Iterable[dict[str, Any]], IO[str]], int]] = {
    "table": write_table,
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
}


# -- aggregate rows ----------------------------------------------------------------


def write_rows(rows: list[dict[str, Any]], fmt: str, out: IO[str], *, title: str = "") -> None:
    """Rows of an aggregate (dyad series, network edges) as table, json, jsonl or csv."""
    if fmt in ("json", "jsonl"):
        (write_json if fmt == "json" else write_jsonl)(rows, out)
        return
    flat = [{k: _cell(v) for k, v in row.items()} for row in rows]
    columns = list(flat[0]) if flat else []
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row[c] for c in columns] for row in flat)
        return
    if not flat:
        out.write("No rows.\n")
        return
    if title:
        out.write(title + "\n")
    widths = {c: max(len(c), *(len(str(r[c])) for r in flat)) for c in columns}
    out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
    for row in flat:
        out.write("  ".join(str(row[c]).ljust(widths[c]) for c in columns).rstrip() + "\n")


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return " ".join(f"{k}:{v}" for k, v in value.items())
    return "" if value is None else value
