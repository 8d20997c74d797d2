"""A small store of events built from the model's own classes (no tests here).

Events go in as the coder writes them (``Event.to_dict(document=...)`` through
``event_row``), so the export tests see what an ingest stores.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.model import (
    Actor,
    ActorMention,
    Document,
    Event,
    Evidence,
    Mention,
    Modality,
    Place,
    Precision,
    When,
)
from khaldun.store import Batch, open_store
from khaldun.store.rows import event_row
from tests.store.test_store_support import document_row

SENTENCE = "Iraqi officials met their Iranian counterparts."
TEHRAN = Place("Tehran", country="IRN", admin1="Tehran Province", lat=35.7, lon=51.4, gazetteer_id="112931")

CODES = {  # cameo: (name, plover, plover_mode, quad_class, goldstein)
    "042": ("Make a visit", "CONSULT", "visit", 1, 1.9),
    "111": ("Criticize or denounce", "ACCUSE", "disapprove", 3, -2.0),
}


def _actor(code: str) -> ActorMention:
    actor = Actor(id=f"country:{code[:3]}", name=code, code=code, country=code[:3], sector=code[3:] or None)
    return ActorMention(Mention(0, 4, code), actor)


def make_event(
    doc: str,
    n: int,
    cameo: str,
    when: When,
    *,
    modality: Modality = Modality.ASSERTED,
    standard: str = "",
    plover_standard: str | None = None,
    place: Place | None = None,
) -> Event:
    name, plover, mode, quad, goldstein = CODES[cameo]
    return Event(
        id=f"{doc}-e{n}",
        doc_id=doc,
        source=_actor("IRQGOV"),
        target=_actor("IRNGOV"),
        cameo=cameo,
        cameo_name=name,
        plover=plover,
        plover_mode=mode,
        quad_class=quad,
        goldstein=goldstein,
        modality=modality,
        evidence=Evidence(SENTENCE, 10 * n, 10 * n + len(SENTENCE), "met", 10 * n + 15, 10 * n + 18),
        date=when,
        location=place,
        confidence=0.9,
        rule="test",
        cameo_standard=standard,
        plover_standard=plover_standard,
    )


DOCUMENTS = {
    "d1": Document(
        "text of d1", id="d1", title="title d1", source="Tigris Herald", url="https://example.org/d1"
    ),
    "d2": Document(
        "text of d2", id="d2", title="title d2", source="Basra Times", url="https://example.org/d2"
    ),
    "d3": Document(
        "text of d3", id="d3", title="title d3", source="Levant Wire", url="https://example.org/d3"
    ),
}
PUBLISHED = dt.date(2021, 1, 1)  # what document_row stores


def events() -> list[Event]:
    """A visit reported by two articles a day apart (one happening), a planned visit dated to the
    month (the codebook's code 036), and a criticism dated only to the year."""
    return [
        make_event("d1", 1, "042", When(dt.date(2021, 1, 11), Precision.DAY, "on Monday"), place=TEHRAN),
        make_event("d2", 1, "042", When(dt.date(2021, 1, 12), Precision.DAY, None), place=TEHRAN),
        make_event(
            "d2",
            2,
            "042",
            When(dt.date(2021, 2, 1), Precision.MONTH, "in February"),
            modality=Modality.PLANNED,
            standard="036",
            plover_standard="AGREE",
        ),
        make_event("d3", 1, "111", When(dt.date(2020, 1, 1), Precision.YEAR, "last year")),
    ]


def as_stored(event: Event) -> dict[str, Any]:
    """The JSON the coder writes for an event, with the document as the store has it."""
    doc = DOCUMENTS[event.doc_id]
    return event.to_dict(document=Document(doc.text, doc.id, doc.title, doc.source, doc.url, PUBLISHED))


def build_store(path: str) -> str:
    docs = [
        document_row("d1", source="Tigris Herald", n_events=1),
        document_row("d2", source="Basra Times", n_events=2),
        document_row("d1copy", source="Gulf Ledger", duplicate_of="d1"),
        document_row("d3", source="Levant Wire", n_events=1),
    ]
    with open_store(path) as store:
        store.write_batch(Batch(documents=docs, events=[event_row(as_stored(e)) for e in events()]))
        rebuild_clusters(store)
    return path
