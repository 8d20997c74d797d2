"""CAMEO and PLOVER ontology tables: event codes, Goldstein scores, QuadClass, the map.

The tables are data files, not code: four tab-separated files in
``khaldun/data/ontology`` (format version 1), each documented in its own header
comments:

- ``cameo.tsv``         code, name, goldstein, quad_class -- every CAMEO event code
- ``plover_types.tsv``  type, quad_class, description -- the 16 PLOVER event types
- ``plover_modes.tsv``  type, mode, description -- the modes each PLOVER type allows
- ``cameo_plover.tsv``  cameo, plover_type, plover_mode -- CAMEO code to PLOVER

:func:`load_ontology` reads the bundled tables once; :meth:`Ontology.from_dir` reads a
user's own folder with the same four files. Every row is checked on load, and a bad
row raises :class:`~khaldun.errors.DataFileError` naming the file, the line and the
problem, so a broken table fails at start-up rather than as a wrong code later.
"""

from __future__ import annotations

import difflib
import functools
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from khaldun.errors import DataFileError, UnknownCodeError

__all__ = [
    "FORMAT_VERSION",
    "CameoCode",
    "PloverType",
    "Ontology",
    "load_ontology",
]

#: The version of the TSV format this module reads; files say it in a
#: ``# format_version: N`` comment (absent means this version).
FORMAT_VERSION = 1

CAMEO_FILE = "cameo.tsv"
PLOVER_TYPES_FILE = "plover_types.tsv"
PLOVER_MODES_FILE = "plover_modes.tsv"
CAMEO_PLOVER_FILE = "cameo_plover.tsv"

_CAMEO_COLUMNS = ("code", "name", "goldstein", "quad_class")
_TYPE_COLUMNS = ("type", "quad_class", "description")
_MODE_COLUMNS = ("type", "mode", "description")
_MAP_COLUMNS = ("cameo", "plover_type", "plover_mode")

# ASCII digits only: str.isdigit() would also accept other scripts' digits.
_CAMEO_CODE_RE = re.compile(r"[0-9]{2,4}")
_LOOKUP_CODE_RE = re.compile(r"[0-9]{2,}")
_TYPE_RE = re.compile(r"[A-Z][A-Z_]*")
_MODE_RE = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
_VERSION_RE = re.compile(r"#\s*format_version\s*:\s*(\S+)")
_MAX_SUGGESTIONS = 5
_ROOT_RANGE = range(1, 21)


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its name, Goldstein score and QuadClass."""

    code: str
    name: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        """The cue (root) category: the first two digits, e.g. ``"03"`` for 0333."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up (0333 -> 033 -> 03); ``None`` for a root."""
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type, its quad class and the modes it allows."""

    type: str
    quad_class: int
    description: str
    modes: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Row:
    """One data line of a table, kept with where it came from for error messages."""

    file: str
    line: int
    values: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values[column]

    def error(self, problem: str) -> DataFileError:
        return DataFileError(f"{self.file}, line {self.line}: {problem}")


class Ontology:
    """The CAMEO and PLOVER tables, read-only.

    Build it with :func:`load_ontology` (the bundled tables) or :meth:`from_dir`
    (a folder of your own); both validate every row. The constructor only stores
    what it is given.
    """

    __slots__ = ("_cameo", "_plover", "_mapping", "_cameo_tuple", "_plover_tuple", "_unrealised")

    def __init__(
        self,
        *,
        cameo_codes: Iterable[CameoCode],
        plover_types: Iterable[PloverType],
        mapping: Mapping[str, tuple[str | None, str | None]],
        unrealised: Mapping[str, Mapping[str, str]] | None = None,
    ) -> None:
        self._cameo: Mapping[str, CameoCode] = MappingProxyType({c.code: c for c in cameo_codes})
        self._plover: Mapping[str, PloverType] = MappingProxyType({t.type: t for t in plover_types})
        self._mapping: Mapping[str, tuple[str | None, str | None]] = MappingProxyType(dict(mapping))
        # Built once: coders ask for the full lists often and the tables never change.
        self._unrealised: Mapping[str, Mapping[str, str]] = MappingProxyType(
            {k: MappingProxyType(dict(v)) for k, v in (unrealised or {}).items()}
        )
        self._cameo_tuple = tuple(self._cameo.values())
        self._plover_tuple = tuple(self._plover.values())

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the tables it was built from (read-only views do not pickle), for the
        knowledge cache (:mod:`khaldun.knowledge.cache`)."""
        tables = {
            "cameo_codes": self._cameo_tuple,
            "plover_types": self._plover_tuple,
            "mapping": dict(self._mapping),
            "unrealised": {kind: dict(codes) for kind, codes in self._unrealised.items()},
        }
        return (_rebuild_ontology, (tables,))

    @classmethod
    def from_dir(cls, path: str | os.PathLike[str] | Traversable) -> Ontology:
        """Read and validate the four ontology tables in ``path``.

        Raises DataFileError, naming file and line, for a missing file, a wrong
        header, a malformed row or a reference to a code, type or mode that the
        other tables do not define.
        """
        folder: Path | Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
        cameo = _parse_cameo(_read_table(folder, CAMEO_FILE, _CAMEO_COLUMNS))
        types = _parse_plover_types(_read_table(folder, PLOVER_TYPES_FILE, _TYPE_COLUMNS))
        modes = _parse_plover_modes(_read_table(folder, PLOVER_MODES_FILE, _MODE_COLUMNS), types)
        mapping = _parse_mapping(
            _read_table(folder, CAMEO_PLOVER_FILE, _MAP_COLUMNS, optional=("plover_type", "plover_mode")),
            cameo=cameo,
            types=types,
            modes=modes,
        )
        plover = [
            PloverType(type=name, quad_class=quad, description=text, modes=tuple(modes.get(name, ())))
            for name, (quad, text) in types.items()
        ]
        unrealised = _parse_unrealised(folder, cameo)
        return cls(cameo_codes=cameo.values(), plover_types=plover, mapping=mapping, unrealised=unrealised)

    def standard_code(self, code: str, *, unrealised: str | None = None) -> str:
        """The code the CAMEO codebook gives an event that has not happened.

        ``unrealised`` is "planned", "prepared", "scheduled", "threatened", "refused",
        "cancelled" or "denied"
        (see ``cameo_unrealised.tsv``); for None, or a code with no row, ``code`` itself.
        """
        if unrealised is None:
            return code
        # A preparation or a threat is a plan too, unless the table says otherwise for it
        # (a conditional offer of aid is an intent, a conditional cut in aid a threat).
        kinds = (unrealised, "planned") if unrealised in ("prepared", "threatened") else (unrealised,)
        for kind in kinds:
            table = self._unrealised.get(kind, {})
            for length in (4, 3, 2):
                if len(code) >= length and code[:length] in table:
                    return table[code[:length]]
        return code

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` (e.g. ``"042"``); UnknownCodeError if it is not in the table."""
        key = str(code).strip()
        try:
            return self._cameo[key]
        except KeyError:
            raise UnknownCodeError(self._unknown_cameo_message(key)) from None

    def has_cameo(self, code: str) -> bool:
        """Whether ``code`` is a CAMEO code in the table."""
        return str(code).strip() in self._cameo

    def plover_for(self, cameo_code: str) -> tuple[str | None, str | None]:
        """The PLOVER ``(type, mode)`` for a CAMEO code; either may be None.

        A code with no row of its own takes its parent's (0333 -> 033 -> 03), so
        codes from CAMEO extensions still map to their cue category. A row with
        an empty type is an explicit "no PLOVER event" (CAMEO 01 and 02) and is
        returned as ``(None, None)``, not looked up further.
        """
        key = str(cameo_code).strip()
        if _LOOKUP_CODE_RE.fullmatch(key):
            for end in range(len(key), 1, -1):
                found = self._mapping.get(key[:end])
                if found is not None:
                    return found
        raise UnknownCodeError(
            f"No PLOVER mapping for CAMEO code {key!r}: neither it nor a parent code is in "
            f"{CAMEO_PLOVER_FILE}. CAMEO codes are 2-4 digits under a root 01-20, e.g. '042'."
        )

    def plover_type(self, name: str) -> PloverType:
        """The PLOVER type ``name`` (any case); UnknownCodeError if there is none."""
        key = str(name).strip().upper()
        try:
            return self._plover[key]
        except KeyError:
            close = difflib.get_close_matches(key, list(self._plover), n=3)
            hint = f" Did you mean {', '.join(close)}?" if close else ""
            raise UnknownCodeError(
                f"Unknown PLOVER type {name!r}.{hint} Available: {', '.join(self._plover)}."
            ) from None

    def cameo_codes(self) -> tuple[CameoCode, ...]:
        """Every CAMEO code, in table order (each root followed by its codes)."""
        return self._cameo_tuple

    def plover_types(self) -> tuple[PloverType, ...]:
        """Every PLOVER type, in table order."""
        return self._plover_tuple

    def __repr__(self) -> str:
        return f"<Ontology: {len(self._cameo)} CAMEO codes, {len(self._plover)} PLOVER types>"

    def _unknown_cameo_message(self, code: str) -> str:
        close = self._close_cameo_codes(code)
        listed = ", ".join(f"{c} ({self._cameo[c].name})" for c in close)
        hint = f" Close codes: {listed}." if close else ""
        return (
            f"Unknown CAMEO code {code!r}.{hint} CAMEO codes are 2-4 digit strings with "
            f"their leading zero, e.g. '042'; the full list is in {CAMEO_FILE}."
        )

    def _close_cameo_codes(self, code: str) -> list[str]:
        """Codes a user may have meant: zero-padded, same-family, then look-alikes."""
        found: list[str] = []
        # Integer-typed columns (GDELT, spreadsheets) drop the leading zero: 42 means 042.
        if "0" + code in self._cameo:
            found.append("0" + code)
        # The nearest known ancestor and its children: 0335 -> 033, 0331 ... 0334.
        for end in range(len(code) - 1, 1, -1):
            prefix = code[:end]
            if prefix in self._cameo:
                found += [c for c in self._cameo if c.startswith(prefix) and len(c) <= len(code)]
                break
        found += difflib.get_close_matches(code, list(self._cameo), n=_MAX_SUGGESTIONS)
        return list(dict.fromkeys(found))[:_MAX_SUGGESTIONS]


def _rebuild_ontology(tables: dict[str, Any]) -> Ontology:
    return Ontology(**tables)


@functools.lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """The bundled ontology (``khaldun/data/ontology``), read once per process."""
    return Ontology.from_dir(resources.files("khaldun.data").joinpath("ontology"))


# --- reading ------------------------------------------------------------------------


UNREALISED_FILE = "cameo_unrealised.tsv"
UNREALISED_KINDS = ("planned", "prepared", "scheduled", "threatened", "refused", "cancelled", "denied")


def _parse_unrealised(
    folder: Path | Traversable, cameo: Mapping[str, CameoCode]
) -> dict[str, dict[str, str]]:
    """The optional table of codes for events that have not happened (kind -> prefix -> code)."""
    if not folder.joinpath(UNREALISED_FILE).is_file():
        return {}
    table: dict[str, dict[str, str]] = {}
    for row in _read_table(folder, UNREALISED_FILE, ("modality", "prefix", "standard")):
        if row["modality"] not in UNREALISED_KINDS:
            raise row.error(f"modality {row['modality']!r} is not one of {', '.join(UNREALISED_KINDS)}")
        for column in ("prefix", "standard"):
            if row[column] not in cameo:
                raise row.error(f"{column} {row[column]!r} is not a CAMEO code in {CAMEO_FILE}")
        table.setdefault(row["modality"], {})[row["prefix"]] = row["standard"]
    return table


def _read_table(
    folder: Path | Traversable,
    filename: str,
    columns: tuple[str, ...],
    *,
    optional: tuple[str, ...] = (),
) -> list[_Row]:
    """Rows of one TSV file as column -> value, after checking version and header.

    Trailing ``optional`` columns may be missing from a row (editors strip trailing
    tabs); they then read as empty strings.
    """
    source = folder.joinpath(filename)
    name = str(source)
    if not source.is_file():
        raise DataFileError(
            f"{name}: file not found. An ontology folder needs "
            f"{CAMEO_FILE}, {PLOVER_TYPES_FILE}, {PLOVER_MODES_FILE} and {CAMEO_PLOVER_FILE}."
        )
    try:
        with source.open("r", encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start}).") from None
    return _rows(name, lines, columns, optional)


def _rows(name: str, lines: list[str], columns: tuple[str, ...], optional: tuple[str, ...]) -> list[_Row]:
    """Split lines into rows: skip comments and blanks, check header and field counts."""
    rows: list[_Row] = []
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith("#"):
            _check_version(name, number, line)
            continue
        if not line.strip():
            continue
        fields = [field.strip() for field in line.split("\t")]
        if not header_seen:
            if tuple(fields) != columns:
                raise DataFileError(
                    f"{name}, line {number}: header is {_tabbed(fields)}; expected {_tabbed(columns)}."
                )
            header_seen = True
            continue
        rows.append(_Row(name, number, _fill(name, number, fields, columns, optional)))
    if not header_seen:
        raise DataFileError(f"{name}: no header line; expected {_tabbed(columns)}.")
    return rows


def _fill(
    name: str, number: int, fields: list[str], columns: tuple[str, ...], optional: tuple[str, ...]
) -> dict[str, str]:
    """Map fields to columns, padding missing optional trailing columns with ''."""
    missing = columns[len(fields) :]
    if len(fields) > len(columns) or any(column not in optional for column in missing):
        raise DataFileError(
            f"{name}, line {number}: {len(fields)} tab-separated fields; expected "
            f"{len(columns)} ({_tabbed(columns)}). Check for spaces used instead of tabs."
        )
    return dict(zip(columns, fields + [""] * len(missing), strict=True))


def _check_version(name: str, number: int, line: str) -> None:
    match = _VERSION_RE.match(line.strip())
    if match and match.group(1) != str(FORMAT_VERSION):
        raise DataFileError(
            f"{name}, line {number}: format_version {match.group(1)} is not supported; "
            f"this khaldun reads format_version {FORMAT_VERSION}."
        )


def _tabbed(values: Iterable[str]) -> str:
    return "'" + "<TAB>".join(values) + "'"


# --- parsing and validation ---------------------------------------------------------


def _parse_cameo(rows: list[_Row]) -> dict[str, CameoCode]:
    """CAMEO codes by code, each row checked alone, then parents and quad classes."""
    codes: dict[str, CameoCode] = {}
    where: dict[str, _Row] = {}
    for row in rows:
        code = row["code"]
        if not _CAMEO_CODE_RE.fullmatch(code):
            raise row.error(f"CAMEO code {code!r} must be 2 to 4 digits (keep the leading zero: '042').")
        if code in where:
            raise row.error(f"CAMEO code {code} is listed twice (first on line {where[code].line}).")
        if not row["name"]:
            raise row.error(f"CAMEO code {code} has an empty name.")
        codes[code] = CameoCode(code, row["name"], _goldstein(row), _quad_class(row))
        where[code] = row
    # Parents first, so that every root exists when quad classes are compared.
    for code, entry in codes.items():
        _check_parent(entry, codes, where[code])
    for code, entry in codes.items():
        _check_quad_class(entry, codes, where[code])
    return codes


def _check_parent(entry: CameoCode, codes: Mapping[str, CameoCode], row: _Row) -> None:
    """A root must be one of CAMEO's 20 cue categories; any other code needs its parent."""
    parent = entry.parent
    if parent is None and int(entry.code) not in _ROOT_RANGE:
        # Usually a 3-digit code that lost its leading zero (42 for 042).
        raise row.error(f"CAMEO root {entry.code} is not one of the 20 roots 01-20; is it 0{entry.code}?")
    if parent is not None and parent not in codes:
        raise row.error(
            f"CAMEO code {entry.code} has no parent code {parent} in the table; add {parent} first."
        )


def _check_quad_class(entry: CameoCode, codes: Mapping[str, CameoCode], row: _Row) -> None:
    """A code's quad class must be its root's."""
    root = codes[entry.root]
    if entry.quad_class != root.quad_class:
        raise row.error(
            f"CAMEO code {entry.code} has quad_class {entry.quad_class}, but its root {root.code} "
            f"has {root.quad_class}; a code's quad class is its root's."
        )


def _goldstein(row: _Row) -> float:
    text = row["goldstein"]
    try:
        value = float(text)
    except ValueError:
        raise row.error(f"goldstein {text!r} is not a number.") from None
    if not math.isfinite(value) or not -10.0 <= value <= 10.0:
        raise row.error(f"goldstein {text} is outside the Goldstein scale [-10, 10].")
    return value


def _quad_class(row: _Row) -> int:
    text = row["quad_class"]
    if text not in {"1", "2", "3", "4"}:
        raise row.error(
            f"quad_class {text!r} must be 1 (verbal cooperation), 2 (material cooperation), "
            "3 (verbal conflict) or 4 (material conflict)."
        )
    return int(text)


def _parse_plover_types(rows: list[_Row]) -> dict[str, tuple[int, str]]:
    """PLOVER types by name: (quad class, description)."""
    types: dict[str, tuple[int, str]] = {}
    for row in rows:
        name = row["type"]
        if not _TYPE_RE.fullmatch(name):
            raise row.error(f"PLOVER type {name!r} must be upper-case letters, e.g. 'ASSAULT'.")
        if name in types:
            raise row.error(f"PLOVER type {name} is listed twice.")
        types[name] = (_quad_class(row), row["description"])
    return types


def _parse_plover_modes(rows: list[_Row], types: Mapping[str, object]) -> dict[str, list[str]]:
    """Mode names by PLOVER type, in file order."""
    modes: dict[str, list[str]] = {}
    for row in rows:
        name, mode = row["type"], row["mode"]
        if name not in types:
            raise row.error(f"PLOVER type {name!r} is not in {PLOVER_TYPES_FILE}. {_available(types)}")
        if not _MODE_RE.fullmatch(mode):
            raise row.error(f"PLOVER mode {mode!r} must be a word such as 'firearms' or 'third-party'.")
        if mode in modes.get(name, []):
            raise row.error(f"mode {mode} is listed twice for {name}.")
        modes.setdefault(name, []).append(mode)
    return modes


def _parse_mapping(
    rows: list[_Row],
    *,
    cameo: Mapping[str, CameoCode],
    types: Mapping[str, object],
    modes: Mapping[str, list[str]],
) -> dict[str, tuple[str | None, str | None]]:
    """CAMEO code -> (PLOVER type, mode), every reference checked against the other tables."""
    mapping: dict[str, tuple[str | None, str | None]] = {}
    for row in rows:
        code, name, mode = row["cameo"], row["plover_type"], row["plover_mode"]
        if code not in cameo:
            raise row.error(f"CAMEO code {code!r} is not in {CAMEO_FILE}.")
        if code in mapping:
            raise row.error(f"CAMEO code {code} is mapped twice.")
        mapping[code] = (_check_type_and_mode(row, name, mode, types, modes), mode or None)
    return mapping


def _check_type_and_mode(
    row: _Row, name: str, mode: str, types: Mapping[str, object], modes: Mapping[str, list[str]]
) -> str | None:
    """The type (None if empty) after checking that it and its mode are defined."""
    if not name:
        if mode:
            raise row.error(f"mode {mode!r} is given without a PLOVER type.")
        return None
    if name not in types:
        raise row.error(f"PLOVER type {name!r} is not in {PLOVER_TYPES_FILE}. {_available(types)}")
    allowed = modes.get(name, [])
    if mode and mode not in allowed:
        choices = ", ".join(allowed) if allowed else "none"
        raise row.error(f"{name} has no mode {mode!r} in {PLOVER_MODES_FILE}; its modes: {choices}.")
    return name


def _available(types: Mapping[str, object]) -> str:
    return f"Available: {', '.join(types)}."
