"""The clustering rule on rows built by hand (no store)."""

from __future__ import annotations

import datetime as dt

from khaldun.corpus.clusters import cluster_rows


def _row(n: int, day: int | None, *, source: str = "IRQGOV", root: str = "04", cameo: str = "040") -> dict:
    return {
        "id": f"e{n}",
        "doc_id": f"d{n}",
        "date": dt.date(2021, 1, day) if day else None,
        "cameo": cameo,
        "cameo_name": cameo,
        "plover": "CONSULT",
        "plover_mode": None,
        "quad_class": 1,
        "goldstein": 1.0,
        "source_code": source,
        "source_country": source[:3],
        "source_id": source,
        "source_name": source,
        "target_code": "IRNGOV",
        "target_country": "IRN",
        "target_id": "IRNGOV",
        "target_name": "IRNGOV",
        "root": root,
        "modality": "asserted",
        "location_name": "Tehran",
        "location_country": "IRN",
        "location_lat": None,
        "location_lon": None,
    }


def _members(rows: list[dict], window: int = 2) -> list[list[str]]:
    return [ids for _, ids in cluster_rows(iter(rows), window=window)]


def test_window_is_anchored_at_the_first_report() -> None:
    # Days 1, 2, 3 and 4: with a 2-day window the chain does not drift; day 4 starts a new happening.
    rows = [_row(1, 1), _row(2, 2), _row(3, 3), _row(4, 4)]
    assert _members(rows) == [["e1", "e2", "e3"], ["e4"]]
    assert _members(rows, window=0) == [["e1"], ["e2"], ["e3"], ["e4"]]


def test_key_changes_split_clusters_and_undated_events_group_alone() -> None:
    rows = [_row(1, 1), _row(2, None), _row(3, None), _row(4, 1, source="SAUGOV")]
    assert _members(rows) == [["e1"], ["e2", "e3"], ["e4"]]


def test_cluster_takes_the_most_frequent_code_and_counts_mentions() -> None:
    rows = [_row(1, 1, cameo="042"), _row(2, 1, cameo="040"), _row(3, 2, cameo="042")]
    [(row, ids)] = list(cluster_rows(iter(rows), window=2))
    assert row[11] == "042" and row[24] == 3 and ids == ["e1", "e2", "e3"]
    assert row[18] == dt.date(2021, 1, 1) and row[19] == dt.date(2021, 1, 2)
