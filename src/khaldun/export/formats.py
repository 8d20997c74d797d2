"""Output formats shared by every data command: table, json, jsonl, csv.

Events are written from their JSON form (:meth:`khaldun.model.Event.to_dict`)
so that all formats carry the same facts.
"""

from __future__ import annotations

import csv
import json
import shutil
import textwrap
from collections.abc import Iterable, Sequence
from typing import IO, Any

FORMATS = ("table", "json", "jsonl", "csv")

# Flat columns for CSV, as (column, path in the event dict).
CSV_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("doc_id", ("doc_id",)),
    ("event_id", ("event_id",)),
    ("date", ("date", "value")),
    ("date_precision", ("date", "precision")),
    ("date_text", ("date", "text")),
    ("source_text", ("source", "text")),
    ("source_id", ("source", "id")),
    ("source_name", ("source", "name")),
    ("source_code", ("source", "code")),
    ("source_country", ("source", "country")),
    ("source_sector", ("source", "sector")),
    ("target_text", ("target", "text")),
    ("target_id", ("target", "id")),
    ("target_name", ("target", "name")),
    ("target_code", ("target", "code")),
    ("target_country", ("target", "country")),
    ("target_sector", ("target", "sector")),
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


def write_events(events: Iterable[dict[str, Any]], fmt: str, out: IO[str], *, header: bool = True) -> int:
    """Write event dicts in a format; returns how many were written."""
    if fmt == "jsonl":
        return _write_jsonl(events, out)
    if fmt == "json":
        rows = list(events)
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return len(rows)
    if fmt == "csv":
        return _write_csv(events, out, header=header)
    if fmt == "table":
        return _write_table(list(events), out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(events: Iterable[dict[str, Any]], out: IO[str], *, header: bool) -> int:
    writer = csv.writer(out, lineterminator="\n")
    if header:
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


def _write_table(events: list[dict[str, Any]], out: IO[str]) -> int:
    """A table for a person at a terminal: one block per event, wrapped to the width."""
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
