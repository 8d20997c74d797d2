"""The typed data model: the contract between pipeline stages.

Stages exchange these frozen dataclasses, never raw dicts. Mentions and
evidence are character offsets into their document's text, so every event
can be traced back to the words it came from.

The JSON form of an :class:`Event` (see :meth:`Event.to_dict`) is the
stable output format of ``khaldun code --format json/jsonl`` (version
``EVENT_SCHEMA_VERSION``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

EVENT_SCHEMA_VERSION = 1


class Modality(StrEnum):
    """Whether an event happened, according to the text."""

    ASSERTED = "asserted"
    PLANNED = "planned"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    DENIED = "denied"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class Precision(StrEnum):
    """How precisely an event date is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    GROUP = "group"


class MentionKind(StrEnum):
    ACTOR = "actor"
    PLACE = "place"
    TIME = "time"


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id derived from content, so re-runs give the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One news report. ``id`` is stable: given, or derived from source+url or text."""

    text: str
    id: str = ""
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str = "en"

    def __post_init__(self) -> None:
        if not self.id:
            basis = (self.source or "", self.url) if self.url else ("text", self.text)
            object.__setattr__(self, "id", stable_id(*basis))


@dataclass(frozen=True)
class Role:
    """An office an actor held, with the code it gives and its validity dates."""

    title: str
    code: str
    country: str | None = None
    office: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.end is None
        if self.start and day < self.start:
            return False
        return not (self.end and day > self.end)


@dataclass(frozen=True)
class Actor:
    """A resolved identity: a person, organisation, state or group.

    ``code`` is the CAMEO-style code valid for the event at hand (country +
    sector, e.g. IRQGOV); ``country`` and ``sector`` are its PLOVER parts.
    ``known`` is False for actors the knowledge base does not list.
    """

    id: str
    name: str
    code: str
    country: str | None = None
    sector: str | None = None
    kind: ActorKind = ActorKind.PERSON
    known: bool = True
    roles: tuple[Role, ...] = ()

    @property
    def sector_code(self) -> str:
        """The sector part of the code ("GOV" of IRQGOV); ``sector`` may name it in words
        ("Insurgents") where the knowledge base does."""
        return self.code[3:6]

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        return {
            "text": text,
            "id": self.id,
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
            "known": self.known,
        }


@dataclass(frozen=True)
class Mention:
    """A span of a document (character offsets) that refers to an actor, place or time."""

    start: int
    end: int
    text: str
    kind: MentionKind = MentionKind.ACTOR
    sentence: int = 0
    head: int = -1  # token index of the span's syntactic head
    how: str = ""  # how the mention was resolved (alias, role, pronoun, ...)


@dataclass(frozen=True)
class ActorMention:
    """A mention resolved to an actor."""

    mention: Mention
    actor: Actor


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "gazetteer_id": self.gazetteer_id,
            "text": self.text,
        }


@dataclass(frozen=True)
class When:
    """An event date with its precision and the expression it came from.

    ``text`` is None when no expression was found and the date defaults to
    the publication date.
    """

    value: dt.date
    precision: Precision = Precision.DAY
    text: str | None = None

    def iso(self) -> str:
        if self.precision is Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.iso(), "precision": self.precision.value, "text": self.text}


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "currency": self.currency, "text": self.text}


@dataclass(frozen=True)
class Evidence:
    """The words an event came from: its sentence and trigger, as document offsets."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": {"text": self.trigger, "start": self.trigger_start, "end": self.trigger_end},
        }


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    id: str
    doc_id: str
    source: ActorMention | None
    target: ActorMention | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    modality: Modality
    evidence: Evidence
    date: When | None = None
    location: Place | None = None
    amount: Amount | None = None
    confidence: float = 1.0
    rule: str = ""
    cameo_standard: str = ""  # the codebook's code: intent (03x) or threat (13x) for a planned event
    plover_standard: str | None = None  # PLOVER type of cameo_standard
    explanation: tuple[str, ...] = field(default=(), compare=False)

    @staticmethod
    def make_id(
        doc_id: str, sentence_start: int, trigger_start: int, trigger_end: int, *extra: object
    ) -> str:
        """Event id: a hash of document id, sentence and trigger offsets (and the dyad, for compounds)."""
        return stable_id(doc_id, sentence_start, trigger_start, trigger_end, *extra)

    def to_dict(self, *, explain: bool = False, document: Document | None = None) -> dict[str, Any]:
        """The event's JSON form (README "Event schema"); ``document`` is the article it came from."""
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "event_id": self.id,
            "source": _actor_mention_dict(self.source),
            "target": _actor_mention_dict(self.target),
            "cameo": self.cameo,
            "cameo_name": self.cameo_name,
            "root": self.cameo[:2],
            "cameo_standard": self.cameo_standard or self.cameo,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "plover_standard": self.plover_standard if self.cameo_standard else self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "modality": self.modality.value,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "amount": self.amount.to_dict() if self.amount else None,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "document": document_dict(document),
        }
        if explain:
            out["explanation"] = list(self.explanation)
        return out


def document_dict(doc: Document | None) -> dict[str, Any] | None:
    """What an event says of its article: title, source (the outlet), url and publication date."""
    if doc is None:
        return None
    published = doc.published.isoformat() if doc.published else None
    return {"title": doc.title, "source": doc.source, "url": doc.url, "published": published}


def _actor_mention_dict(am: ActorMention | None) -> dict[str, Any] | None:
    if am is None:
        return None
    return am.actor.to_dict(text=am.mention.text)
