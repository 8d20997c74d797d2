"""Stores and apps shared by the serve, read-layer and browser tests (no tests here)."""

from __future__ import annotations

import copy
from typing import Any

from khaldun.corpus.clusters import rebuild_clusters
from khaldun.store import Store, open_store
from tests.store.test_store_support import document_row, event, sample, store_events

XSS_TEXT = (
    "Iraq criticized Iran <script>alert(1)</script> at a summit. "
    'Witnesses said <img src=x onerror="alert(2)"> nothing more.'
)
XSS_SENTENCE = "Iraq criticized Iran <script>alert(1)</script> at a summit."


def xss_event() -> dict[str, Any]:
    """An event whose article and evidence carry markup that must show as text."""
    ev = copy.deepcopy(event("dxss", 1, "IRQ", "IRN", "111", "2021-03-02", goldstein=-2.0, place="Basra"))
    ev["location"].update(lat=30.5, lon=47.8, country="IRQ")
    ev["source"]["text"], ev["target"]["text"] = "Iraq", "Iran"
    ev["evidence"] = {
        "sentence": XSS_SENTENCE,
        "start": 0,
        "end": len(XSS_SENTENCE),
        "trigger": {"text": "criticized", "start": 5, "end": 15},
    }
    return ev


def fill(store: Store) -> None:
    """The hand-made sample of the store tests, plus the markup article, then clusters."""
    sample(store)
    store_events(store, [xss_event()], [document_row("dxss", source="Odd Wire", text=XSS_TEXT, n_events=1)])
    rebuild_clusters(store)


def build_store(path: str) -> str:
    with open_store(path) as store:
        fill(store)
    return path
