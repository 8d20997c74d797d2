"""Partitions read as the plain readers read whole files; scheduler addresses checked (no Dask needed)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.corpus.distributed import ClusterError, parse_scheduler, plan_partitions, require_dask
from khaldun.corpus.distributed.partitions import parse_size
from khaldun.corpus.distributed.ranges import read_partition
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.errors import InputError

CORPUS = Path(__file__).parents[1] / "data" / "corpus"


def _shown(items: list) -> list[tuple[str, ...]]:
    """Documents and errors as comparable tuples: every field of a document, the message of an error."""
    out = []
    for item in items:
        if isinstance(item, InputError):
            out.append(("error", str(item)))
        else:
            out.append(("doc", item.id, item.text, item.title, item.source, item.url, str(item.published)))
    return out


def _read_planned(paths: list[str], target: int, options: ReadOptions | None = None) -> tuple[list, int]:
    options = options or ReadOptions()
    plan = plan_partitions(paths, options, target=target)
    items = [item for p in plan.partitions for item in read_partition(p, options)]
    return [*plan.errors, *items], len(plan.partitions)


def _jsonl(path: Path) -> None:
    with path.open("wb") as out:
        out.write(b"\xef\xbb\xbf")  # a byte-order mark: dropped from line 1 only
        for i in range(120):
            if i % 23 == 5:
                out.write(b"{not json\n")
            elif i % 31 == 7:
                out.write(b"\n  \n")
            elif i % 37 == 11:
                out.write(b'{"id": "bad-utf8", "text": "caf\xe9"}\n')
            else:
                record = {"id": f"j{i}", "text": f"Iraq met Iran, talk {i}. " * 4, "published": "2021-01-02"}
                out.write(
                    json.dumps(record, ensure_ascii=False).encode() + b"\r\n" * (i % 2) + b"\n" * (i % 2 == 0)
                )
        out.write(b"\n\n\n")  # blank lines after the last record


def _csv(path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "text", "title", "published"])
        for i in range(90):
            if i % 17 == 3:
                out.write(f"short-{i},only two\r\n")
                continue
            if i % 19 == 4:
                writer.writerow(["", "", "", ""])  # a blank row: skipped
                continue
            # Quoted fields across lines, with quotes inside: a cut must never fall in them.
            writer.writerow(
                [f"c{i}", f'Line one {i}, "quoted"\nline two {i}\n\nthree', f"Titre {i} é", "2021-02-03"]
            )


def test_ranges_of_large_files_read_as_the_whole_files(tmp_path: Path) -> None:
    _jsonl(tmp_path / "big.jsonl")
    _csv(tmp_path / "big.csv")
    (tmp_path / "notes").mkdir()
    for i in range(7):
        (tmp_path / "notes" / f"n{i}.txt").write_text(f"Note {i}: Iraq criticized Iran.")
    (tmp_path / "notes" / "empty.txt").write_text("")
    plain = _shown(list(read_corpus([str(tmp_path), str(CORPUS)], ReadOptions())))
    for target in (300, 1000, 4096, 10**9):
        planned, count = _read_planned([str(tmp_path), str(CORPUS)], target)
        assert _shown(planned) == plain, target
        if target == 300:
            assert count > 40  # both large files were cut into many ranges
    errors = [message for kind, message, *_ in plain if kind == "error"]
    assert any("big.jsonl line 6: not valid JSON" in e for e in errors)
    assert any("big.csv line" in e and "malformed CSV row" in e for e in errors)
    assert any("empty.txt: the input is empty" in e for e in errors)


def test_ranges_fall_on_records(tmp_path: Path) -> None:
    _csv(tmp_path / "big.csv")
    plan = plan_partitions([str(tmp_path / "big.csv")], ReadOptions(), target=500)
    data = (tmp_path / "big.csv").read_bytes()
    segments = [s for p in plan.partitions for s in p.segments]
    assert len(segments) > 10 and segments[0].start == 0 and segments[-1].end == len(data)
    header_end = data.index(b"\n") + 1
    for before, after in zip(segments, segments[1:], strict=False):
        assert before.end == after.start and data[after.start - 1 : after.start] == b"\n"
        assert after.header_end == header_end
        # a range starts at a row: an even number of quotes before it (none open)
        assert data[: after.start].count(b'"') % 2 == 0
        assert after.first_line == data[: after.start].count(b"\n") + 1


def test_files_a_range_would_misread_are_not_cut(tmp_path: Path) -> None:
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_text("\n".join(json.dumps({"text": f"Iraq met Iran {i}."}) for i in range(200)), "utf-16")
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"text\n" + "Le président a visité Téhéran.\n".encode("latin-1") * 200)
    no_text = tmp_path / "notext.csv"
    no_text.write_text("body\n" + "Iraq met Iran.\n" * 200)
    for path in (utf16, latin, no_text):
        plan = plan_partitions([str(path)], ReadOptions(), target=100)
        assert [s.whole for p in plan.partitions for s in p.segments] == [True], path.name
        planned, _ = _read_planned([str(path)], 100)
        assert _shown(planned) == _shown(list(read_corpus([str(path)], ReadOptions()))), path.name


def test_small_files_are_grouped_in_reading_order() -> None:
    plan = plan_partitions([str(CORPUS)], ReadOptions(), target=2500)
    files = [Path(s.path).name for p in plan.partitions for s in p.segments]
    assert files == ["articles.jsonl", "wire.rss", "undated-salih.txt", "outlets.csv", "accusation.html"]
    assert [len(p.segments) for p in plan.partitions] == [3, 2]
    again = plan_partitions([str(CORPUS)], ReadOptions(), target=2500)
    assert [p.key for p in again.partitions] == [p.key for p in plan.partitions]  # known again on a rerun


def test_missing_inputs_are_errors_of_the_plan(tmp_path: Path) -> None:
    plan = plan_partitions([str(tmp_path / "nope.jsonl"), str(CORPUS)], ReadOptions(), target=10**6)
    assert [str(e) for e in plan.errors] == [f"{tmp_path / 'nope.jsonl'}: no such file or folder"]
    assert len(plan.partitions) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tcp://10.0.0.5:8786", ("tcp://10.0.0.5:8786", None)),
        ("local:2", (None, 2)),
        (" local:16 ", (None, 16)),
    ],
)
def test_scheduler_addresses(text: str, expected: tuple) -> None:
    address = parse_scheduler(text)
    assert (address.url, address.local_workers) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("localhost:8786", "is not a scheduler address: give tcp://HOST:PORT"),
        ("tcp://host", "is not a scheduler address"),
        ("tcp://host:99999", "is not a scheduler address"),
        ("local:0", "a local cluster needs at least one worker"),
        ("local:two", "is not a scheduler address"),
    ],
)
def test_malformed_scheduler_addresses(text: str, why: str) -> None:
    with pytest.raises(ClusterError, match=why):
        parse_scheduler(text)


def test_sizes() -> None:
    assert [parse_size(t) for t in ("1MiB", "500kB", "1500", "2.5MB")] == [1 << 20, 500_000, 1500, 2_500_000]
    for bad in ("lots", "0", "-3MB", "4XB"):
        with pytest.raises(InputError, match="size|at least one byte"):
            parse_size(bad)


def test_command_errors_leave_no_store(tmp_path: Path) -> None:
    db = tmp_path / "x.duckdb"
    runner = CliRunner()
    bad = runner.invoke(main, ["ingest", str(CORPUS), "--db", str(db), "--scheduler", "8786"])
    assert bad.exit_code == 1 and "error: --scheduler '8786' is not a scheduler address" in bad.output
    size = runner.invoke(
        main, ["ingest", str(CORPUS), "--db", str(db), "--scheduler", "local:2", "--partition-size", "big"]
    )
    assert size.exit_code == 1 and "'big' is not a size" in size.output
    parquet = runner.invoke(main, ["ingest", str(CORPUS), "--db", str(db), "--parquet", str(tmp_path / "p")])
    assert parquet.exit_code == 2 and "give --scheduler too" in parquet.output
    stdin = runner.invoke(main, ["code", "--input", "-", "--scheduler", "local:2"], input="{}")
    assert stdin.exit_code == 2 and "give --input DOCS.jsonl" in stdin.output
    assert not db.exists()


def test_without_dask_the_error_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    with pytest.raises(ClusterError, match=r"pip install 'khaldun\[dask\]'"):
        require_dask()
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(CORPUS), "--db", str(db), "--scheduler", "local:2"])
    assert result.exit_code == 1
    assert (
        "--scheduler needs Dask distributed, which is not installed: pip install 'khaldun[dask]'"
        in result.output
    )
    assert not db.exists()
    batch = CliRunner().invoke(
        main, ["code", "--input", str(CORPUS / "articles.jsonl"), "--scheduler", "local:2"]
    )
    assert batch.exit_code == 1 and "pip install 'khaldun[dask]'" in batch.output
