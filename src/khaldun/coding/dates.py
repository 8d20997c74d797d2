"""Date stage: when an event happened, resolved against the publication date.

The date expressions of a sentence are the tagger's DATE and TIME entities.
Each is resolved by dateparser relative to the publication date ("this
afternoon", "on Sunday" = the Sunday before, "two days ago"), after a small
rule layer removes what dateparser does not read ("early", "mid", "late",
"by") and sets aside durations ("several months" is not a date). Planned
events look forward ("on Sunday" = the next Sunday), others backward.

An event takes the expression nearest to its trigger in the parse tree,
ignoring expressions inside other clauses ("since she was elected in March").
With none, it takes the publication date, with no expression.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import lru_cache

from khaldun.coding.candidate import Draft
from khaldun.knowledge import Knowledge
from khaldun.model import Modality, Precision, When
from khaldun.nlp.base import Entity, ParsedDoc, Token

_DATE_LABELS = frozenset({"DATE", "TIME"})
_MODIFIERS = re.compile(
    r"^(?:on|in|at|by|since|until|from|during|of|early|earlier|mid|late|later|the|end|beginning|start|"
    r"middle|-|,)\s+",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:about|nearly|almost|around|over|more than|less than|some|a|an|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|few|a few|many|\d+)(?:\s+\w+)?(?:\s+|-)"
    r"(?:second|minute|hour|day|week|month|year|decade)s?(?:-long|-old)?$",
    re.IGNORECASE,
)
# A number alone names a year only when it reads as one in news ("in 2019"); "Rs 1000" and
# "the 48 who died" are amounts and counts. Events before this year are history, not news dates.
_BARE_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_EARLIEST_YEAR = 1900
_LATEST_YEARS_AHEAD = 10
_PERIOD_PRECISION = {
    "time": Precision.DAY,
    "part_of_day": Precision.DAY,
    "day": Precision.DAY,
    "week": Precision.DAY,
    "month": Precision.MONTH,
    "year": Precision.YEAR,
}
_OTHER_CLAUSES = frozenset({"advcl", "relcl", "ccomp", "csubj", "parataxis"})
_MONTHS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_WEEKDAYS = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def date_expressions(
    doc: ParsedDoc, sent_index: int, currencies: frozenset[str] | dict[str, str] = frozenset()
) -> list[Entity]:
    """DATE and TIME entities of a sentence that name a point in time: not a duration, and
    not a number after a currency word ("Rs 1000"), which the tagger may read as a year."""
    sent = doc.sentences[sent_index]
    return [
        e
        for e in doc.entities
        if e.label in _DATE_LABELS
        and sent.start <= e.start < sent.end
        and not _DURATION.match(e.text.strip())
        and not (e.start > 0 and doc.tokens[e.start - 1].lower in currencies)
    ]


def nearest_expression(doc: ParsedDoc, trigger: Token, candidates: list[Entity]) -> Entity | None:
    """The candidate closest to the trigger along the parse tree, within the trigger's clause."""
    best: tuple[int, Entity] | None = None
    for ent in candidates:
        distance = _tree_distance(doc, trigger.i, _entity_head(doc, ent))
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, ent)
    return best[1] if best else None


def _entity_head(doc: ParsedDoc, ent: Entity) -> int:
    for i in range(ent.start, ent.end):
        head = doc.tokens[i].head
        if not ent.start <= head < ent.end or head == i:
            return i
    return ent.start


def _path_up(doc: ParsedDoc, i: int) -> list[int]:
    path = [i]
    while doc.tokens[path[-1]].head != path[-1]:
        path.append(doc.tokens[path[-1]].head)
    return path


def _tree_distance(doc: ParsedDoc, a: int, b: int) -> int | None:
    """Edges between two tokens, or None when the way to ``b`` enters another clause."""
    up_a, up_b = _path_up(doc, a), _path_up(doc, b)
    common = next((n for n in up_a if n in set(up_b)), None)
    if common is None:
        return None
    down = up_b[: up_b.index(common)]
    if any(doc.tokens[n].dep in _OTHER_CLAUSES for n in down):
        return None
    if any(doc.tokens[n].dep == "acl" and doc.tokens[n].head != a for n in down):
        return None  # "lift export controls imposed in 2019": the controls' date, not the lifting's
    return up_a.index(common) + len(down)


@lru_cache(maxsize=4096)
def resolve_expression(text: str, published: dt.date, forward: bool) -> When | None:
    """Resolve a date expression against the publication date, or None if it names no date."""
    core = text.strip()
    while _MODIFIERS.match(core):
        core = _MODIFIERS.sub("", core, count=1)
    if not core or (_BARE_NUMBER.match(core) and not _a_year(core, published)):
        return None
    parsed = _dateparser(core, published, forward)
    if parsed is None:
        return None
    value, period = parsed
    if not _EARLIEST_YEAR <= value.year <= published.year + _LATEST_YEARS_AHEAD:
        return None  # "in the 48 hours" is no year 2048; a resolved year 1000 was an amount
    precision = _PERIOD_PRECISION.get(period, Precision.DAY)
    if (
        precision is Precision.DAY
        and _MONTHS.search(core)
        and not re.search(r"\d", core)
        and not _WEEKDAYS.search(core)
    ):
        precision = Precision.MONTH
    return When(value, precision, text.strip())


def _a_year(number: str, published: dt.date) -> bool:
    return len(number) == 4 and _EARLIEST_YEAR <= int(number) <= published.year + _LATEST_YEARS_AHEAD


def _dateparser(text: str, published: dt.date, forward: bool) -> tuple[dt.date, str] | None:
    data = _parser(published, forward).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _parser(published: dt.date, forward: bool):  # type: ignore[no-untyped-def]
    # Imported here: dateparser takes ~0.3 s to import and only this stage needs it.
    from dateparser.date import DateDataParser

    base = dt.datetime.combine(published, dt.time(12))
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if forward else "current_period",
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


def event_date(
    doc: ParsedDoc,
    trigger: Token,
    published: dt.date | None,
    modality: Modality,
    currencies: frozenset[str] | dict[str, str] = frozenset(),
) -> tuple[When | None, str]:
    """The event's date and how it was decided."""
    if published is None:
        return None, "no publication date: event date unknown"
    candidates = date_expressions(doc, trigger.sent, currencies)
    forward = modality in (Modality.PLANNED, Modality.POSTPONED)
    while candidates:
        ent = nearest_expression(doc, trigger, candidates)
        if ent is None:
            break
        when = resolve_expression(ent.text, published, forward)
        if when is not None:
            return when, f"date expression {ent.text!r} resolved against {published}"
        candidates = [c for c in candidates if c is not ent]
    return When(published, Precision.DAY, None), f"no date expression: publication date {published}"


def read_date(kn: Knowledge, doc: ParsedDoc, draft: Draft) -> Draft:
    """Stage: the event's date, read after its modality (a planned event looks forward)."""
    when, how = event_date(
        doc, draft.cand.trigger, draft.doc.published, draft.modality, kn.amounts.currencies
    )
    return replace(draft, when=when, date_how=how)
