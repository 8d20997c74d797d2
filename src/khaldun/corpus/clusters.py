"""Events into happenings: the clustering rule, re-run over the whole store.

Raw events are one per mention in a report; ten reports of one visit give
ten raw events. The rule (version ``RULE``) puts raw events in one cluster
when they share

- the source actor code and the target actor code (e.g. IRQGOV → IRNGOV; a
  missing target is its own value),
- the CAMEO root (compatible codes: 042 "make a visit" and 040 "consult"
  are both root 04),
- the modality (a planned visit is not the visit),
- the place: same location name and country (no place matches no place),

and their dates fall within ``window`` days of the cluster's first date
(events sorted by date; a cluster starts at its earliest event and takes each
later event dated at most ``window`` days after that start; the next event
starts a new cluster). Undated events of the same key form one cluster.

A cluster's code is its most frequent CAMEO code (ties: the lowest code),
with that code's PLOVER type, QuadClass and Goldstein score; its date is the
first event's date. ``num_mentions`` counts its raw events, ``num_articles``
the articles reporting them (duplicates of those articles included),
``num_sources`` their distinct sources (the source name, else the url).

:func:`rebuild_clusters` deletes and rebuilds every cluster in one
transaction, so it can run any time and always gives the same result for the
same events.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from khaldun.model import stable_id
from khaldun.store.base import Store

RULE = "same-dyad-root-modality-place-window/1"
DEFAULT_WINDOW_DAYS = 2

_KEY = ("source_code", "target_code", "root", "modality", "location_name", "location_country")

_EVENTS_SORTED = f"""
SELECT id, doc_id, date, cameo, cameo_name, plover, plover_mode, quad_class, goldstein,
       source_code, source_country, source_id, source_name,
       target_code, target_country, target_id, target_name,
       root, modality, location_name, location_country, location_lat, location_lon
FROM events
ORDER BY {", ".join(f"COALESCE({k}, '')" for k in _KEY)}, date NULLS LAST, id
"""


def _key(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(row.get(k) or "" for k in _KEY)


class _Cluster:
    def __init__(self, first: dict[str, Any]) -> None:
        self.rows = [first]
        self.start: dt.date | None = first["date"]

    def accepts(self, row: dict[str, Any], window: int) -> bool:
        if self.start is None or row["date"] is None:
            return self.start is None and row["date"] is None
        return (row["date"] - self.start).days <= window

    def row(self) -> tuple[Any, ...]:
        first = self.rows[0]
        counts = Counter(r["cameo"] for r in self.rows)
        code = min(counts, key=lambda c: (-counts[c], c))
        rep = next(r for r in self.rows if r["cameo"] == code)
        dates = [r["date"] for r in self.rows if r["date"] is not None]
        cluster_id = stable_id(RULE, *_key(first), first["date"], first["id"])
        return (
            cluster_id,
            RULE,
            first["source_code"],
            first["source_country"],
            first["source_id"],
            first["source_name"],
            first["target_code"],
            first["target_country"],
            first["target_id"],
            first["target_name"],
            first["root"],
            code,
            rep["cameo_name"],
            rep["plover"],
            rep["plover_mode"],
            rep["quad_class"],
            rep["goldstein"],
            first["modality"],
            min(dates) if dates else None,
            max(dates) if dates else None,
            first["location_name"],
            first["location_country"],
            first["location_lat"],
            first["location_lon"],
            len(self.rows),
            None,  # num_articles: counted in SQL after the insert
            None,  # num_sources
            first["id"],
            first["doc_id"],
        )


def cluster_rows(
    rows: Iterator[dict[str, Any]], *, window: int
) -> Iterator[tuple[tuple[Any, ...], list[str]]]:
    """Clusters (row, member event ids) from events sorted by key, date and id."""
    current: _Cluster | None = None
    key: tuple[str, ...] | None = None
    for row in rows:
        row_key = _key(row)
        if current is not None and row_key == key and current.accepts(row, window):
            current.rows.append(row)
            continue
        if current is not None:
            yield current.row(), [r["id"] for r in current.rows]
        current, key = _Cluster(row), row_key
    if current is not None:
        yield current.row(), [r["id"] for r in current.rows]


def rebuild_clusters(store: Store, *, window: int = DEFAULT_WINDOW_DAYS) -> int:
    """Recompute every cluster from the raw events; returns the number of clusters."""
    count = 0

    def clusters() -> Iterator[tuple[tuple[Any, ...], list[str]]]:
        nonlocal count
        for item in cluster_rows(store.stream(_EVENTS_SORTED), window=window):
            count += 1
            yield item

    store.replace_clusters(clusters())
    return count
