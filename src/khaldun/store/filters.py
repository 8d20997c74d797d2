"""What to select from a store: the event filter, and its translation to SQL.

:class:`EventFilter` declares each filter once, with the help text and the
name the command line (``--doc``) and the API (``?doc=``) give it;
:data:`FILTER_FIELDS` lists them in that order, so ``khaldun query``'s options
and ``GET /api/events``'s parameters are both built from it.

Filter values are always passed as query parameters (``?``), never spliced
into SQL text; only names chosen from fixed tables (a level, a role) shape it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

from khaldun.errors import QueryError

LEVELS = ("raw", "clustered")
PERIODS = ("day", "week", "month", "year")
NODES = ("code", "country")

FilterKind = Literal["text", "date", "pair"]


def _filter(param: str, help: str, kind: FilterKind = "text") -> Any:
    """An optional filter field: its option name (``--param``, ``?param=``), help and kind of value."""
    return field(default=None, metadata={"param": param, "help": help, "kind": kind})


@dataclass(frozen=True)
class EventFilter:
    """What to select. Every field is optional; all given ones must hold.

    An actor value matches an actor's code (``IRQGOV``), its country
    (``IRQ``) or its id (``person:mustafa_al_kadhimi``).
    """

    actor: str | None = _filter(
        "actor", "Source or target actor: a code (IRQGOV), country (IRQ) or actor id."
    )
    source: str | None = _filter("source", "Source actor (code, country or id).")
    target: str | None = _filter("target", "Target actor (code, country or id).")
    dyad: tuple[str, str] | None = _filter("dyad", "Source and target", "pair")  # source → target
    country: str | None = _filter("country", "Either actor's country (ISO-3).")
    code: str | None = _filter("code", "CAMEO code and its sub-codes (042 matches 042 and 0421).")
    root: str | None = _filter("root", "CAMEO root code (two digits).")
    plover: str | None = _filter("plover", "PLOVER event type (CONSULT, AGREE, ...).")
    modality: str | None = _filter(
        "modality", "asserted, planned, postponed, cancelled, denied, negated, hypothetical."
    )
    since: dt.date | None = _filter("since", "First date (YYYY-MM-DD).", "date")
    until: dt.date | None = _filter("until", "Last date (YYYY-MM-DD).", "date")
    place: str | None = _filter("place", "Location name (part of it) or location country.")
    text: str | None = _filter("text", "Words in the evidence sentence.")
    doc_id: str | None = _filter("doc", "Events of one document id.")


@dataclass(frozen=True)
class FilterField:
    """One field of :class:`EventFilter` as an option: ``--param`` in the CLI, ``?param=`` in the API.

    ``kind`` is ``text``, ``date`` (``YYYY-MM-DD``) or ``pair`` (two values,
    source then target; ``example`` shows them).
    """

    name: str  # the EventFilter field
    param: str
    help: str
    kind: FilterKind = "text"
    example: tuple[str, str] = ("IRQ", "IRN")

    @property
    def flag(self) -> str:
        return f"--{self.param}"


FILTER_FIELDS: tuple[FilterField, ...] = tuple(
    FilterField(f.name, f.metadata["param"], f.metadata["help"], f.metadata["kind"])
    for f in fields(EventFilter)
)
FILTERS: dict[str, FilterField] = {f.name: f for f in FILTER_FIELDS}


def check_choice(value: str, valid: tuple[str, ...], what: str) -> str:
    """``value`` if it is one of ``valid``; a :class:`QueryError` naming the choices otherwise."""
    if value not in valid:
        raise QueryError(f"unknown {what} {value!r}; choose one of {', '.join(valid)}")
    return value


def actor_clause(role: str, value: str) -> tuple[str, list[Any]]:
    """SQL (alias ``x``) matching an actor of ``role`` (source or target) by code, country or id."""
    return (
        f"(x.{role}_code = ? OR x.{role}_country = ? OR x.{role}_id = ?)",
        [value.upper(), value.upper(), value],
    )


def dyad_clause(a: str, b: str, directed: bool) -> tuple[str, list[Any]]:
    """SQL (alias ``x``) matching events from A to B, and from B to A unless ``directed``."""
    ab_s, p1 = actor_clause("source", a)
    ab_t, p2 = actor_clause("target", b)
    forward = f"({ab_s} AND {ab_t})"
    if directed:
        return forward, p1 + p2
    ba_s, p3 = actor_clause("source", b)
    ba_t, p4 = actor_clause("target", a)
    return f"({forward} OR ({ba_s} AND {ba_t}))", p1 + p2 + p3 + p4


def like_pattern(value: str) -> str:
    """A ``LIKE ... ESCAPE '\\'`` pattern for ``value`` anywhere (its ``%``, ``_``, ``\\`` literal)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where(f: EventFilter, level: str) -> tuple[str, list[Any]]:
    """The WHERE clause (on alias ``x``) and its parameters for a filter."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        parts.append(sql)
        params.extend(values)

    if f.actor:
        src, p1 = actor_clause("source", f.actor)
        tgt, p2 = actor_clause("target", f.actor)
        add(f"({src} OR {tgt})", *p1, *p2)
    for role, value in (("source", f.source), ("target", f.target)):
        if value:
            sql, values = actor_clause(role, value)
            add(sql, *values)
    if f.dyad:
        src, p1 = actor_clause("source", f.dyad[0])
        tgt, p2 = actor_clause("target", f.dyad[1])
        add(f"({src} AND {tgt})", *p1, *p2)
    if f.country:
        add("(x.source_country = ? OR x.target_country = ?)", f.country.upper(), f.country.upper())
    if f.code:
        add("x.cameo LIKE ? ESCAPE '\\'", like_pattern(f.code)[1:])
    if f.root:
        add("x.root = ?", f.root)
    if f.plover:
        add("x.plover = ?", f.plover.upper())
    if f.modality:
        add("x.modality = ?", f.modality.lower())
    if f.since:
        add("x.date >= ?", f.since)
    if f.until:
        add("x.date <= ?", f.until)
    if f.place:
        add(
            "(x.location_name ILIKE ? ESCAPE '\\' OR x.location_country = ?)",
            like_pattern(f.place),
            f.place.upper(),
        )
    if f.doc_id:
        if level == "clustered":
            add(
                "x.id IN (SELECT m.cluster_id FROM event_clusters m JOIN events e ON e.id = m.event_id "
                "WHERE e.doc_id = ?)",
                f.doc_id,
            )
        else:
            add("x.doc_id = ?", f.doc_id)
    if f.text:
        if level == "clustered":
            add(
                "x.id IN (SELECT m.cluster_id FROM event_clusters m JOIN events e ON e.id = m.event_id "
                "WHERE e.sentence ILIKE ? ESCAPE '\\')",
                like_pattern(f.text),
            )
        else:
            add("x.sentence ILIKE ? ESCAPE '\\'", like_pattern(f.text))
    return (" AND ".join(parts) or "TRUE"), params
