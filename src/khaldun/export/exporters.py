"""Exports of a store for other tools: events (``khaldun export``) and the actor network (GraphML).

``EXPORTERS`` maps a format name to its writer; each takes event dicts (the
JSON of ``Event.to_dict()``, clusters adding ``num_mentions``,
``num_articles``, ``num_sources``) and writes them, streaming:

- ``csv``, ``jsonl`` — the same columns and JSON as ``khaldun code`` (happenings add
  ``last_date`` and their report counts);
- ``parquet`` — the CSV columns, typed (dates as dates), in row groups;
- ``plover`` — one PLOVER record a line, with PLOVER's field names (``id``,
  ``date``, ``event``, ``mode``, ``context``, ``source``/``target`` as lists of
  ``{actorText, code, sector}``, ``eventText``, ``eventLoc``, ``text``,
  ``storyId``) and khaldun's CAMEO code, modality, Goldstein and confidence
  under ``khaldun``;
- ``gdelt`` — the 61 columns of the GDELT 2.0 event table, tab-separated with
  a header line, one row per clustered event; columns khaldun does not code
  (ethnic and religion codes, AvgTone, actor geography, ADM2) are empty,
  country codes are khaldun's (ISO-3, not FIPS), GLOBALEVENTID is the first
  60 bits of the cluster id as an integer.

:func:`write_graphml` writes the actor network of ``khaldun network`` for
graph tools. The output formats every data command shares (table, json,
jsonl, csv) are in :mod:`khaldun.export.formats`.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from khaldun.errors import OutputError, RegistryError
from khaldun.export.formats import columns_for, is_clustered, peek, write_csv, write_jsonl

COUNT_COLUMNS = ("num_mentions", "num_articles", "num_sources")


# -- events -----------------------------------------------------------------------


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "date": pa.date32()}.get(
        kind, pa.string()
    )


def _arrow_value(kind: str, value: Any) -> Any:
    if value is None or kind != "str":
        return value
    return str(value)  # a gazetteer id or a code read as a number stays text


def write_parquet(
    events: Iterable[dict[str, Any]], out: Any, *, row_group: int = 50_000, clustered: bool | None = None
) -> int:
    """Typed columns (those of CSV: :data:`EVENT_COLUMNS`, plus :data:`CLUSTER_COLUMNS` for
    happenings), written one row group at a time. ``clustered`` None: as the first event is."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    first, iterator = peek(events)
    if clustered is None:
        clustered = first is not None and is_clustered(first)
    columns = columns_for(clustered)
    schema = pa.schema([(c.name, _arrow_type(c.type)) for c in columns])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        while chunk := list(islice(iterator, row_group)):
            arrays = [[_arrow_value(c.type, c.value(e)) for e in chunk] for c in columns]
            writer.write_table(pa.table(arrays, schema=schema))
            count += len(chunk)
    return count


def _plover_actor(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor:
        return []
    return [
        {
            "actorText": actor.get("text"),
            "code": actor.get("country") or actor.get("code"),
            "sector": actor.get("sector"),
            "name": actor.get("name"),
            "khaldunCode": actor.get("code"),
        }
    ]


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER's JSON field names."""
    loc = event.get("location")
    evidence = event.get("evidence") or {}
    record = {
        "id": event["event_id"],
        "date": (event.get("date") or {}).get("value"),
        "event": event.get("plover"),
        "mode": event.get("plover_mode"),
        "context": [],
        "source": _plover_actor(event.get("source")),
        "target": _plover_actor(event.get("target")),
        "eventText": (evidence.get("trigger") or {}).get("text"),
        "eventLoc": {
            "name": loc.get("name"),
            "country": loc.get("country"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
        }
        if loc
        else None,
        "text": evidence.get("sentence"),
        "storyId": event.get("doc_id"),
        "khaldun": {
            "cameo": event.get("cameo"),
            "cameo_standard": event.get("cameo_standard"),
            "plover_standard": event.get("plover_standard"),
            "modality": event.get("modality"),
            "goldstein": event.get("goldstein"),
            "quad_class": event.get("quad_class"),
            "confidence": event.get("confidence"),
            "cluster_id": event.get("cluster_id"),
            "document": event.get("document"),
        },
    }
    for key in COUNT_COLUMNS:
        if key in event:
            record["khaldun"][key] = event[key]
    return record


def write_plover(events: Iterable[dict[str, Any]], out: Any) -> int:
    return write_jsonl(map(plover_record, events), out)


def _actor_columns(actor: dict[str, Any] | None) -> list[Any]:
    if not actor:
        return [""] * 10
    return [
        actor.get("code"),
        actor.get("name"),
        actor.get("country"),
        "",
        "",
        "",
        "",
        actor.get("sector") or "",
        "",
        "",
    ]


GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(
        f"{a}Code {a}Name {a}CountryCode {a}KnownGroupCode {a}EthnicCode {a}Religion1Code "
        f"{a}Religion2Code {a}Type1Code {a}Type2Code {a}Type3Code"
        for a in ("Actor1", "Actor2")
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources"
    " NumArticles AvgTone "
    + " ".join(
        f"{g}_Type {g}_FullName {g}_CountryCode {g}_ADM1Code {g}_ADM2Code {g}_Lat {g}_Long {g}_FeatureID"
        for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
    )
    + " DATEADDED SOURCEURL"
).split()


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    """One clustered event as a GDELT 2.0 event-table row (see the module docs)."""
    import datetime as dt

    value = (event.get("date") or {}).get("value")
    day = dt.date.fromisoformat(value) if value and len(value) == 10 else None
    cameo = event.get("cameo") or ""
    loc = event.get("location")
    geo = ["", "", "", "", "", "", "", ""]
    if loc:
        geo = [
            4 if loc.get("gazetteer_id") else 1,
            loc.get("name"),
            loc.get("country"),
            loc.get("admin1") or "",
            "",
            loc.get("lat"),
            loc.get("lon"),
            loc.get("gazetteer_id") or "",
        ]
    return [
        int(str(event.get("cluster_id") or event["event_id"])[:15], 16),
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_actor_columns(event.get("source")),
        *_actor_columns(event.get("target")),
        "",
        cameo,
        cameo[:3],
        cameo[:2],
        event.get("quad_class"),
        event.get("goldstein"),
        event.get("num_mentions", 1),
        event.get("num_sources", 1),
        event.get("num_articles", 1),
        "",
        *([""] * 8),
        *([""] * 8),
        *geo,
        (event.get("added") or ""),
        event.get("source_url") or "",
    ]


def write_gdelt(events: Iterable[dict[str, Any]], out: Any) -> int:
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(["" if v is None else v for v in gdelt_row(event)])
        count += 1
    return count


EXPORTERS: dict[str, Callable[[Iterable[dict[str, Any]], Any], int]] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "plover": write_plover,
    "gdelt": write_gdelt,
}
BINARY_FORMATS = frozenset({"parquet"})


# Exporters whose columns depend on the level (happenings add their counts), told it up front so
# that an empty export still has the columns of its level.
_LEVELLED = {"csv": write_csv, "parquet": write_parquet}


def exporter(name: str) -> Callable[[Iterable[dict[str, Any]], Any], int]:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise RegistryError(f"No export format named {name!r}. Available: {', '.join(EXPORTERS)}.") from None


def check_output(path: str) -> None:
    """An export's ``--output`` must be a file in a folder that exists; an :class:`OutputError`
    naming the folder otherwise (checked before the store is read, so nothing half-done is left)."""
    target = Path(path)
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"cannot write {path}: {folder} is a file, not a folder; give another --output")
    if not folder.is_dir():
        raise OutputError(
            f"cannot write {path}: the folder {folder} does not exist; "
            "create it first or give another --output"
        )
    if target.is_dir():
        raise OutputError(
            f"cannot write {path}: it is a folder; give a file name such as {target / 'events'}"
        )


def export_events(
    events: Iterable[dict[str, Any]], fmt: str, output: str | None, *, clustered: bool, stdout: IO[str]
) -> int:
    """Write events in an export format to ``output`` (a file path; None: ``stdout``); how many."""
    write = exporter(fmt)
    if fmt in _LEVELLED:
        write = partial(_LEVELLED[fmt], clustered=clustered)
    if output is None:
        if fmt in BINARY_FORMATS:
            raise OutputError(f"--format {fmt} writes a binary file: give --output FILE")
        return write(events, stdout)
    check_output(output)
    try:
        if fmt in BINARY_FORMATS:
            return write(events, output)
        with open(output, "w", encoding="utf-8", newline="") as out:
            return write(events, out)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(f"cannot write {output}: {reason}; check the path and its permissions") from None


# -- graphs -------------------------------------------------------------------------


def write_graphml(edges: list[dict[str, Any]], out: IO[str]) -> None:
    """A directed GraphML graph: actor nodes, edges weighted by event count."""
    keys = [
        ("weight", "int"),
        ("goldstein_sum", "double"),
        ("goldstein_mean", "double"),
        ("cooperation", "int"),
        ("conflict", "int"),
    ]
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    out.write('  <key id="label" for="node" attr.name="label" attr.type="string"/>\n')
    for name, kind in keys:
        out.write(f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n')
    out.write('  <graph id="actors" edgedefault="directed">\n')
    nodes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    for node in nodes:
        out.write(f'    <node id={quoteattr(node)}><data key="label">{escape(node)}</data></node>\n')
    for n, edge in enumerate(edges):
        out.write(
            f'    <edge id="e{n}" source={quoteattr(edge["source"])} target={quoteattr(edge["target"])}>'
        )
        out.write("".join(f'<data key="{name}">{edge[name]}</data>' for name, _ in keys))
        out.write("</edge>\n")
    out.write("  </graph>\n</graphml>\n")
