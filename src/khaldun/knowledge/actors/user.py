"""User knowledge: actor files that add to or override the bundled knowledge base.

A configuration lists them under ``[actors] extra_files``; each file is read
by its form:

* ``.yaml`` / ``.yml`` — the bundled format (``data/actors/README.md``): top
  level keys ``people``, ``organisations`` and ``sectors`` (a list of
  ``{term, code, plover_sector, kind}``), any of them optional;
* ``.csv`` / ``.tsv`` — one row per fact, header
  ``kind,id,name,aliases,country,code,sector,title,office,start,end``
  (``kind`` is ``person``, ``organisation`` or ``sector``; ``aliases``
  ``|``-separated; several rows with one person ``id`` give several roles);
* anything else (``.txt``, ``.actors``, ``.agents``) — a PETRARCH/TABARI
  actor or agent dictionary (:mod:`khaldun.knowledge.actors.petrarch`).

An entry whose ``id`` equals a bundled one replaces it; the others are added.
Files later in the list win over earlier ones.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from khaldun.errors import DataFileError
from khaldun.knowledge.actors.base import SectorTerm
from khaldun.knowledge.actors.entries import Entries, organisation_from_entry, parse_date, person_from_entry
from khaldun.knowledge.actors.petrarch import read_dictionary

CSV_COLUMNS = (
    "kind",
    "id",
    "name",
    "aliases",
    "country",
    "code",
    "sector",
    "title",
    "office",
    "start",
    "end",
)
_CSV_KINDS = ("person", "organisation", "sector")


def read_user_file(path: str | Path, *, sector_names: Mapping[str, str] | None = None) -> Entries:
    """Read one user knowledge file, choosing the reader by its extension."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(
            f"actor file {path} does not exist (listed in [actors] extra_files of the config)"
        ) from None
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _read_yaml(data.decode("utf-8"), str(path))
    if suffix in (".csv", ".tsv"):
        return _read_csv(data.decode("utf-8-sig"), str(path), delimiter="\t" if suffix == ".tsv" else ",")
    return read_dictionary(data, str(path), sector_names=sector_names or {})


def _read_yaml(text: str, where: str) -> Entries:
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{where}: not valid YAML: {exc}") from None
    if not isinstance(raw, dict):
        raise DataFileError(f"{where}: expected a mapping with keys people, organisations, sectors")
    unknown = set(raw) - {"format_version", "people", "organisations", "sectors"}
    if unknown:
        raise DataFileError(
            f"{where}: unknown top-level key(s) {', '.join(sorted(unknown))}; "
            "valid: format_version, people, organisations, sectors"
        )
    if raw.get("format_version", 1) != 1:
        raise DataFileError(f"{where}: format_version {raw['format_version']!r} is not supported (use 1)")
    entries = Entries(source=where)
    for n, entry in enumerate(raw.get("people") or [], 1):
        entries.people.append(person_from_entry(entry, f"{where} people entry {n}", source=where))
    for n, entry in enumerate(raw.get("organisations") or [], 1):
        entries.organisations.append(
            organisation_from_entry(entry, f"{where} organisations entry {n}", source=where)
        )
    for n, entry in enumerate(raw.get("sectors") or [], 1):
        try:
            entries.sectors.append(
                SectorTerm(
                    str(entry["term"]).lower(),
                    entry["code"],
                    entry.get("plover_sector", entry["code"]),
                    entry.get("kind", "group"),
                )
            )
        except (KeyError, TypeError) as exc:
            raise DataFileError(f"{where} sectors entry {n}: missing or malformed key {exc}") from None
    return entries


def _read_csv(text: str, where: str, *, delimiter: str) -> Entries:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = tuple(reader.fieldnames or ())
    missing = [c for c in ("kind", "id", "name", "code") if c not in header]
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if missing or unknown:
        raise DataFileError(
            f"{where}: header must use the columns {', '.join(CSV_COLUMNS)} "
            f"(kind, id, name, code required); missing {missing or 'none'}, unknown {unknown or 'none'}"
        )
    entries = Entries(source=where)
    people: dict[str, dict[str, Any]] = {}
    for n, row in enumerate(reader, 2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        kind, at = row["kind"].lower(), f"{where} line {n}"
        if kind not in _CSV_KINDS:
            raise DataFileError(f"{at}: kind {row['kind']!r} is not one of {', '.join(_CSV_KINDS)}")
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        if kind == "sector":
            entries.sectors.append(
                SectorTerm(row["name"].lower(), row["code"], row.get("sector") or row["code"], "group")
            )
        elif kind == "organisation":
            entries.organisations.append(
                organisation_from_entry(
                    {**_non_empty(row), "aliases": aliases, "sector": row.get("sector") or None},
                    at,
                    source=where,
                )
            )
        else:
            _add_person_row(people, row, aliases, at)
    for pid, entry in people.items():
        entries.people.append(person_from_entry(entry, f"{where} person {pid}", source=where))
    return entries


def _add_person_row(
    people: dict[str, dict[str, Any]], row: dict[str, str], aliases: list[str], at: str
) -> None:
    entry = people.setdefault(
        row["id"],
        {
            "id": row["id"],
            "name": row["name"],
            "country": row.get("country") or None,
            "aliases": [],
            "roles": [],
        },
    )
    entry["aliases"].extend(a for a in [row["name"], *aliases] if a not in entry["aliases"])
    if row.get("title") or row.get("start") or row.get("end"):
        entry["roles"].append(
            {
                "title": row.get("title") or "role",
                "code": row["code"],
                "country": row.get("country") or None,
                "office": row.get("office") or "other",
                "start": parse_date(row.get("start"), at),
                "end": parse_date(row.get("end"), at),
            }
        )
    elif not entry["country"]:
        entry["country"] = row["code"][:3] or None


def _non_empty(row: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if v}


def read_user_files(
    paths: Iterable[str | Path], *, sector_names: Mapping[str, str] | None = None
) -> Sequence[Entries]:
    return tuple(read_user_file(p, sector_names=sector_names) for p in paths)
