"""The fixed fit/check split: stable, about 60/40, one part per near-duplicate group."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from khaldun.errors import InputError
from khaldun.evaluation import select_split, split_of
from khaldun.evaluation.gold import RECORDS, GoldRecord, GoldSet


def _record(i: int, group: str = "") -> GoldRecord:
    return GoldRecord(id=f"set:{i}", text=f"Sentence {i}.", date=dt.date(2020, 1, 1), events=(), group=group)


def _gold(records: list[GoldRecord]) -> GoldSet:
    return GoldSet(name="set", kind=RECORDS, path=Path("set/dev.jsonl"), records=tuple(records))


def test_the_split_is_about_sixty_forty_and_covers_every_record() -> None:
    gold = _gold([_record(i) for i in range(2000)])
    fit, check = select_split(gold, "fit"), select_split(gold, "check")
    assert len(fit.records) + len(check.records) == 2000
    assert 0.36 < len(check.records) / 2000 < 0.44
    assert not {r.id for r in fit.records} & {r.id for r in check.records}
    assert fit.name == "set [fit]" and check.name == "set [check]"


def test_the_split_is_fixed_by_the_record_id() -> None:
    assert [split_of(_record(i)) for i in range(50)] == [split_of(_record(i)) for i in range(50)]


def test_near_duplicates_share_their_group_part() -> None:
    parts = {split_of(_record(i, group="cameo_codebook_examples:7")) for i in range(40)}
    assert len(parts) == 1


def test_all_keeps_every_record_and_an_unknown_split_is_an_error() -> None:
    gold = _gold([_record(i) for i in range(10)])
    assert select_split(gold, "all") is gold
    with pytest.raises(InputError, match="unknown split 'dev'"):
        select_split(gold, "dev")
