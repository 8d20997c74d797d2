"""Gold-standard data for ``khaldun evaluate``: the seed annotation and the record sets.

Two formats are read (both described in ``../shared/eval/README.md``):

- **records** (``dev.jsonl``): one JSON object per line with ``id``, ``text``,
  ``date``, ``events`` (``source``, ``target``, ``code``, ``code_scheme``,
  optional ``root_code`` and ``plover``), ``no_event``, ``expect_error``,
  ``score`` and ``dataset``.
- **seed** (``gold.json``): one JSON object with ``text_file`` (relative to the
  JSON file) or ``text``, ``published``, ``events`` (``id``, ``required``,
  ``source``, ``target``, ``cameo``, ``alt``, ``modality``, ``date``) and
  ``must_not`` rules. It becomes a :class:`GoldSet` of kind ``"seed"`` holding
  one record.

Every problem raises :class:`~khaldun.errors.GoldFormatError` naming the file,
the line (for JSONL) and the field.

Also here: the gold's actor-code conventions (:func:`primary`, :func:`role`) and
the frozen CAMEO root -> PENTACLASS crosswalk (:func:`load_pentaclass`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from khaldun.errors import DataFileError, GoldFormatError, KhaldunError

SEED = "seed"
RECORDS = "records"
#: File names looked for, in order, when ``load_gold`` is given a folder.
FOLDER_FILES = ("dev.jsonl", "test.jsonl", "gold.json")
CROSSWALK_PATH = Path(__file__).parent.parent / "data" / "ontology" / "crosswalk_pentaclass.tsv"


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``root`` is the CAMEO root (None for other schemes).

    The seed-only fields are ``id``, ``required``, ``alt`` (other acceptable
    CAMEO codes), ``modality`` and ``date`` (ISO day or month, as annotated).
    """

    source: str | None
    target: str | None
    code: str
    scheme: str = "CAMEO"
    root: str | None = None
    plover: str | None = None
    id: str = ""
    required: bool = True
    alt: tuple[str, ...] = ()
    modality: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One text with its gold events. Only ``scored`` records are evaluated."""

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    no_event: bool = False
    score: bool = True
    expect_error: bool = False
    dataset: str = ""
    group: str = ""  # near-duplicate group across sets (meta.dup_group): one split for all of it

    @property
    def split_key(self) -> str:
        """What the fit/check split hashes: the near-duplicate group, else the record id."""
        return self.group or self.id

    @property
    def scored(self) -> bool:
        return self.score and not self.expect_error


@dataclass(frozen=True)
class MustNot:
    """A seed rule: an event that must not be coded, or spellings that must be one actor.

    Event rules match a prediction on the country part (first 3 characters)
    of ``source`` and ``target`` ("" = any), the CAMEO ``cameo_root`` and the
    ``modality``. Entity rules (``entity_split`` non-empty) are broken when the
    actors mentioned with those spellings resolve to more than one actor id.
    """

    note: str = ""
    source: str = ""
    target: str = ""
    cameo_root: str = ""
    modality: str = ""
    entity_split: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldSet:
    """A loaded gold file: its ``name`` (dataset), ``kind`` (seed or records) and records."""

    name: str
    kind: str
    path: Path
    records: tuple[GoldRecord, ...]
    published: dt.date | None = None
    must_not: tuple[MustNot, ...] = ()

    @property
    def scored_records(self) -> tuple[GoldRecord, ...]:
        return tuple(r for r in self.records if r.scored)


def load_gold(path: Path) -> GoldSet:
    """Load a seed ``.json``, a records ``.jsonl``, or a dataset folder holding one."""
    path = Path(path)
    if path.is_dir():
        path = _file_in_folder(path)
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such gold file. Give a .json, a .jsonl or a dataset folder.")
    if path.suffix == ".jsonl":
        return _load_records(path)
    if path.suffix == ".json":
        return _load_seed(path)
    raise GoldFormatError(f"{path}: unknown gold file type {path.suffix!r}; expected .json or .jsonl.")


def load_golds(path: Path) -> list[GoldSet]:
    """Load one gold set, or every dataset folder directly under ``path`` (sorted by name)."""
    path = Path(path)
    if path.is_file() or any((path / name).is_file() for name in FOLDER_FILES):
        return [load_gold(path)]
    folders = sorted(p for p in path.iterdir() if p.is_dir()) if path.is_dir() else []
    found = [load_gold(p) for p in folders if any((p / n).is_file() for n in FOLDER_FILES)]
    if not found:
        raise GoldFormatError(f"{path}: no gold data found; expected a file or folders with {FOLDER_FILES}.")
    return found


def _file_in_folder(folder: Path) -> Path:
    for name in FOLDER_FILES:
        if (folder / name).is_file():
            return folder / name
    raise GoldFormatError(f"{folder}: folder holds none of {', '.join(FOLDER_FILES)}.")


# --- records (JSONL) -------------------------------------------------------------------------------


def _load_records(path: Path) -> GoldSet:
    records: list[GoldRecord] = []
    seen: set[str] = set()
    for lineno, obj in read_jsonl(path):
        where = f"{path}:{lineno}"
        record = _record(obj, where, default_dataset=_default_name(path))
        if record.id in seen:
            raise GoldFormatError(f"{where}: duplicate record id {record.id!r}; ids must be unique.")
        seen.add(record.id)
        records.append(record)
    if not records:
        raise GoldFormatError(f"{path}: no records.")
    names = Counter(r.dataset for r in records)
    name = "+".join(sorted(names))
    return GoldSet(name=name, kind=RECORDS, path=path, records=tuple(records))


def read_jsonl(
    path: Path, *, error: type[KhaldunError] = GoldFormatError
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; ``error`` names the bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{path}:{lineno}: not valid JSON ({exc.msg}, column {exc.colno}).") from exc
        if not isinstance(obj, dict):
            raise error(f"{path}:{lineno}: expected a JSON object, got {type(obj).__name__}.")
        yield lineno, obj


def _default_name(path: Path) -> str:
    return path.parent.name if path.stem in ("dev", "test") else path.stem


def _record(obj: dict[str, Any], where: str, *, default_dataset: str) -> GoldRecord:
    rid = _field(obj, "id", str, where)
    text = _field(obj, "text", str, where)
    events = _field(obj, "events", list, where)
    return GoldRecord(
        id=rid,
        text=text,
        date=_date(obj.get("date"), f"{where}: field 'date'"),
        events=tuple(_record_event(e, f"{where}: events[{i}]") for i, e in enumerate(events)),
        no_event=bool(obj.get("no_event", False)),
        score=bool(obj.get("score", True)),
        expect_error=bool(obj.get("expect_error", False)),
        dataset=str(obj.get("dataset") or default_dataset),
        group=_dup_group(obj.get("meta")),
    )


def _dup_group(meta: Any) -> str:
    return str(meta.get("dup_group") or "") if isinstance(meta, dict) else ""


def _record_event(obj: Any, where: str) -> GoldEvent:
    obj = _mapping(obj, where)
    code = _field(obj, "code", str, where)
    scheme = str(obj.get("code_scheme") or "CAMEO")
    root = obj.get("root_code") or (code[:2] if scheme == "CAMEO" else None)
    plover = obj.get("plover") or (code if scheme == "PLOVER" else None)
    if plover:
        plover = plover_version_crosswalk().get(plover, plover)
    return GoldEvent(
        source=_actor(obj.get("source"), f"{where}.source"),
        target=_actor(obj.get("target"), f"{where}.target"),
        code=code,
        scheme=scheme,
        root=root,
        plover=plover,
        id=str(obj.get("eid") or ""),
    )


# --- seed (JSON) ----------------------------------------------------------------------------------


def _load_seed(path: Path) -> GoldSet:
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}).") from exc
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{path}: expected a JSON object, got {type(obj).__name__}.")
    where = str(path)
    published = _date(obj.get("published"), f"{where}: field 'published'")
    events = _field(obj, "events", list, where)
    record = GoldRecord(
        id=str(obj.get("id") or path.stem),
        text=_seed_text(obj, path),
        date=published,
        events=tuple(_seed_event(e, f"{where}: events[{i}]") for i, e in enumerate(events)),
        no_event=not events,
        dataset=SEED,
    )
    rules = obj.get("must_not") or []
    if not isinstance(rules, list):
        raise GoldFormatError(f"{where}: field 'must_not' must be a list.")
    must_not = tuple(_must_not(r, f"{where}: must_not[{i}]") for i, r in enumerate(rules))
    name = path.parent.name if path.stem == "gold" else path.stem
    return GoldSet(name=name, kind=SEED, path=path, records=(record,), published=published, must_not=must_not)


def _seed_text(obj: dict[str, Any], path: Path) -> str:
    if isinstance(obj.get("text"), str):
        return str(obj["text"])
    text_file = _field(obj, "text_file", str, str(path))
    text_path = (path.parent / text_file).resolve()
    try:
        return text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: text_file {text_file!r} ({text_path}) cannot be read: {exc}") from exc


def _seed_event(obj: Any, where: str) -> GoldEvent:
    obj = _mapping(obj, where)
    cameo = _field(obj, "cameo", str, where)
    alt = obj.get("alt") or []
    if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
        raise GoldFormatError(f"{where}: field 'alt' must be a list of CAMEO codes, got {alt!r}.")
    date = obj.get("date")
    return GoldEvent(
        source=_actor(obj.get("source"), f"{where}.source"),
        target=_actor(obj.get("target"), f"{where}.target"),
        code=cameo,
        root=cameo[:2],
        id=str(obj.get("id") or ""),
        required=bool(obj.get("required", True)),
        alt=tuple(alt),
        modality=_field(obj, "modality", str, where),
        date=str(date) if date else None,
    )


def _must_not(obj: Any, where: str) -> MustNot:
    obj = _mapping(obj, where)
    note = str(obj.get("note") or "")
    if "entity_split" in obj:
        names = obj["entity_split"]
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
            raise GoldFormatError(f"{where}: 'entity_split' must list two or more spellings, got {names!r}.")
        return MustNot(note=note, entity_split=tuple(names))
    return MustNot(
        note=note,
        source=str(obj.get("source") or ""),
        target=str(obj.get("target") or ""),
        cameo_root=_field(obj, "cameo_root", str, where),
        modality=_field(obj, "modality", str, where),
    )


# --- actor codes and crosswalks ------------------------------------------------------------------


def primary(code: str | None) -> str | None:
    """Country/IGO part of an actor code (first 3 characters); None when unknown.

    Unknown: null, empty, ``---GOV`` (unknown country), ``~REB`` (agent only),
    quoted uncoded actor text, ``###``/``+++`` markers and codes under 3 characters.
    """
    if not code or len(code) < 3 or not code[:3].isalnum():
        return None
    return code[:3].upper()


def role(code: str | None) -> str | None:
    """The role part (characters 4-6, e.g. GOV; after ``~`` for agent-only codes)."""
    if not code:
        return None
    if code.startswith("~"):
        part = code[1:4]
    elif code.startswith("---") or primary(code):
        part = code[3:6]
    else:
        return None
    return part.upper() if len(part) == 3 and part.isalpha() else None


@lru_cache(maxsize=1)
def plover_version_crosswalk() -> dict[str, str]:
    """Older PLOVER type names (0.5b1, used by plover_gsr) -> current ones (frozen, see the file)."""
    path = CROSSWALK_PATH.parent / "crosswalk_plover_versions.tsv"
    rows = [
        ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"
    ]
    return {old: new for old, new in rows[1:]}


def load_pentaclass(path: Path = CROSSWALK_PATH) -> dict[str, str]:
    """The frozen CAMEO root -> PENTACLASS crosswalk (``root``/``pentaclass`` TSV)."""
    rows = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and ln[0] != "#"]
    if not rows or rows[0].split("\t")[:2] != ["root", "pentaclass"]:
        raise DataFileError(f"{path}: expected a header 'root<TAB>pentaclass'.")
    table = dict(tuple(row.split("\t")[:2]) for row in rows[1:])
    missing = [f"{i:02d}" for i in range(1, 21) if f"{i:02d}" not in table]
    if missing:
        raise DataFileError(f"{path}: no pentaclass for CAMEO roots {', '.join(missing)}; add a row each.")
    return table


# --- field helpers --------------------------------------------------------------------------------


def _mapping(obj: Any, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise GoldFormatError(f"{where}: expected an object, got {type(obj).__name__}.")
    return obj


def _field(obj: dict[str, Any], name: str, kind: type, where: str) -> Any:
    if name not in obj:
        raise GoldFormatError(f"{where}: missing field {name!r}.")
    value = obj[name]
    if not isinstance(value, kind):
        raise GoldFormatError(f"{where}: field {name!r} must be a {kind.__name__}, got {value!r}.")
    return value


def _actor(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldFormatError(f"{where}: actor code must be a string or null, got {value!r}.")
    return value.strip() or None


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise GoldFormatError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD).") from exc
