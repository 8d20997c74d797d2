"""Output formats shared by every data command: table, json, jsonl, csv.

``FORMATS`` maps a format name to its event writer; :func:`write_events`
writes events (their JSON form, :meth:`khaldun.model.Event.to_dict`, so that
all formats carry the same facts) and :func:`write_rows` the rows of an
aggregate (dyad series, network edges) in the same four formats. CSV (and
Parquet, in :mod:`khaldun.export.exporters`) flatten the JSON into the typed
columns :data:`EVENT_COLUMNS` (and :data:`CLUSTER_COLUMNS` for happenings):
one event schema, documented column by column in the README ("Event schema").
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import IO, Any

ACTOR_FIELDS = ("text", "id", "name", "code", "country", "sector", "known")


def period_start(value: str | None) -> dt.date | None:
    """``2020-07-19``, ``2020-08`` or ``2020`` (an event's ``date.value``) as the first day of that period."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])


def _date(event: dict[str, Any]) -> dt.date | None:
    return period_start(get_path(event, ("date", "value")))


def _year(event: dict[str, Any]) -> int | None:
    day = _date(event)
    return day.year if day else None


def _month(event: dict[str, Any]) -> int | None:
    day = _date(event)
    # A date known only to the year has no month: not January.
    return day.month if day and get_path(event, ("date", "precision")) != "year" else None


def _published(event: dict[str, Any]) -> dt.date | None:
    value = get_path(event, ("document", "published"))
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _last_date(event: dict[str, Any]) -> dt.date | None:
    value = event.get("last_date")
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


@dataclass(frozen=True)
class Column:
    """One flat column of CSV and Parquet: its name, its type (str, int, float, bool, date), and
    where it comes from in the event JSON (a path of keys, or a function of the event)."""

    name: str
    type: str
    source: tuple[str, ...] | Callable[[dict[str, Any]], Any]

    def value(self, event: dict[str, Any]) -> Any:
        return self.source(event) if callable(self.source) else get_path(event, self.source)


def _col(name: str, path: str = "", kind: str = "str") -> Column:
    return Column(name, kind, tuple((path or name).split(".")))


def _actor_columns(side: str) -> tuple[Column, ...]:
    return tuple(
        _col(f"{side}_{name}", f"{side}.{name}", "bool" if name == "known" else "str")
        for name in ACTOR_FIELDS
    )


# The flat columns of every event (README "Event schema"), in order.
EVENT_COLUMNS: tuple[Column, ...] = (
    _col("doc_id"),
    _col("event_id"),
    _col("cluster_id"),
    Column("date", "date", _date),
    _col("date_precision", "date.precision"),
    _col("date_value", "date.value"),
    _col("date_text", "date.text"),
    Column("year", "int", _year),
    Column("month", "int", _month),
    *_actor_columns("source"),
    *_actor_columns("target"),
    _col("cameo"),
    _col("cameo_name"),
    _col("root"),
    _col("cameo_standard"),
    _col("plover"),
    _col("plover_mode"),
    _col("plover_standard"),
    _col("quad_class", kind="int"),
    _col("goldstein", kind="float"),
    _col("modality"),
    _col("location", "location.name"),
    _col("location_country", "location.country"),
    _col("location_admin1", "location.admin1"),
    _col("location_gazetteer_id", "location.gazetteer_id"),
    _col("location_text", "location.text"),
    _col("lat", "location.lat", "float"),
    _col("lon", "location.lon", "float"),
    _col("amount", "amount.value", "float"),
    _col("currency", "amount.currency"),
    _col("amount_text", "amount.text"),
    _col("trigger", "evidence.trigger.text"),
    _col("trigger_start", "evidence.trigger.start", "int"),
    _col("trigger_end", "evidence.trigger.end", "int"),
    _col("sentence", "evidence.sentence"),
    _col("sentence_start", "evidence.start", "int"),
    _col("sentence_end", "evidence.end", "int"),
    _col("confidence", kind="float"),
    _col("rule"),
    _col("doc_title", "document.title"),
    _col("doc_source", "document.source"),
    _col("doc_url", "document.url"),
    Column("doc_published", "date", _published),
)

# What a clustered event (a happening) adds: its last report's date and its report counts.
CLUSTER_COLUMNS: tuple[Column, ...] = (
    Column("last_date", "date", _last_date),
    _col("num_mentions", kind="int"),
    _col("num_articles", kind="int"),
    _col("num_sources", kind="int"),
)


def columns_for(clustered: bool) -> tuple[Column, ...]:
    return EVENT_COLUMNS + CLUSTER_COLUMNS if clustered else EVENT_COLUMNS


def is_clustered(event: dict[str, Any]) -> bool:
    """Whether an event dict is a happening (a clustered event, with its report counts)."""
    return "num_mentions" in event


def peek(events: Iterable[dict[str, Any]]) -> tuple[dict[str, Any] | None, Iterator[dict[str, Any]]]:
    """The first event and an iterator over all of them (the first included)."""
    iterator = iter(events)
    first = next(iterator, None)
    return first, iterator if first is None else chain([first], iterator)


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


def write_csv(events: Iterable[dict[str, Any]], out: IO[str], *, clustered: bool | None = None) -> int:
    """The flat columns of each event (:data:`EVENT_COLUMNS`, and :data:`CLUSTER_COLUMNS` for
    happenings), with a header line. ``clustered`` None: as the first event is."""
    first, rows = peek(events)
    if clustered is None:
        clustered = first is not None and is_clustered(first)
    columns = columns_for(clustered)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in columns])
    count = 0
    for event in rows:
        writer.writerow([_csv_cell(c.value(event)) for c in columns])
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"  # as in the JSON, which pandas and R both read
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


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
