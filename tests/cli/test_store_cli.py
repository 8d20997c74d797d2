"""The store commands say what went wrong: a missing store or input, a held store, a bad filter value;
`query` prints a page and says how many more; `dyads` has a row for every period."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from khaldun.cli.main import main
from khaldun.corpus.clusters import rebuild_clusters
from khaldun.store import open_store
from tests.store.test_store_support import document_row, event, sample, store_events

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A DuckDB store of the hand-made sample (IRQ–IRN in January and February 2021), clustered."""
    path = str(tmp_path / "events.duckdb")
    with open_store(path) as store:
        sample(store)
        rebuild_clusters(store)
    return path


# -- finding 3: a mistyped store path is an error naming it, and creates nothing ---------------


@pytest.mark.parametrize(
    "command",
    [
        ["query"],
        ["dyads", "IRQ", "IRN"],
        ["network"],
        ["export", "--format", "jsonl"],
        ["cluster"],
        ["serve"],
        ["serve", "--writable"],
    ],
)
def test_a_missing_store_is_an_error_naming_it(tmp_path: Path, command: list[str]) -> None:
    typo = tmp_path / "typo.duckdb"
    with socket.socket() as taken:  # were a server to start after all, it could not bind, and would end
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = ["--port", str(taken.getsockname()[1])] if command[0] == "serve" else []
        result = run(*command, *port, "--db", str(typo))
    assert result.exit_code == 1, result.output
    assert f"error: no DuckDB database at {typo}" in result.stderr
    assert "No events found" not in result.output
    assert not typo.exists()


@pytest.mark.parametrize("command", [["query"], ["cluster"], ["network"]])
def test_no_db_option_creates_no_store_in_the_current_folder(
    tmp_path: Path, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KHALDUN_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = run(*command)
    assert result.exit_code == 1 and "no DuckDB database at events.duckdb" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_ingest_of_a_missing_input_leaves_no_store(tmp_path: Path) -> None:
    store = tmp_path / "new.duckdb"
    result = run("ingest", str(tmp_path / "reports.jsnol"), "--db", str(store), "--quiet")
    assert result.exit_code == 1
    assert (
        f"error: {tmp_path / 'reports.jsnol'}: no such file or folder; nothing was ingested" in result.stderr
    )
    assert not store.exists()


def test_ingest_of_a_missing_input_leaves_a_store_as_it_was(db: str, tmp_path: Path) -> None:
    before = Path(db).read_bytes()
    result = run("ingest", str(tmp_path / "missing"), "--db", db, "--quiet")
    assert result.exit_code == 1 and "no such file or folder" in result.stderr
    assert Path(db).read_bytes() == before


# -- finding 4: a store held by `khaldun serve` -------------------------------------------


def test_a_store_held_by_the_server_gives_khalduns_advice(db: str) -> None:
    """Readers run beside a read-only server; a writer is told what to do in khaldun's terms."""
    server = subprocess.Popen(
        [sys.executable, "-m", "khaldun", "serve", "--db", db, "--port", "0", "--log-level", "info"],
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "KHALDUN_SERVE_TOKEN": ""},
    )
    try:
        assert server.stderr is not None
        for line in server.stderr:  # ends at EOF if the server dies
            if "Application startup complete" in line:
                break
        assert server.poll() is None, "the server did not start"
        reader = run("query", "--db", db, "--actor", "IRQGOV", "--format", "jsonl")
        writer = run("cluster", "--db", db)
    finally:
        server.terminate()
        server.wait()
    assert reader.exit_code == 0 and len(reader.stdout.splitlines()) == 4
    assert writer.exit_code == 1
    message = writer.stderr
    assert f"the DuckDB store {db} is in use by another process (PID {server.pid})" in message
    assert "`khaldun serve`" in message and "PostgreSQL" in message
    assert "-readonly" not in message and "duckdb.org" not in message
    assert len(message.strip().splitlines()) == 1


# -- finding 5: filter values are checked ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "--modality", "planed"], "unknown modality 'planed'; choose one of asserted, planned"),
        (["query", "--root", "99"], "unknown CAMEO root '99' (two digits); choose one of 01, 02"),
        (["query", "--code", "999"], "unknown CAMEO code '999'; close codes:"),
        (["query", "--plover", "NOTATYPE"], "unknown PLOVER type 'NOTATYPE'; choose one of AGREE, CONSULT"),
        (["query", "--actor", "XYZGOV"], "no stored event names the actor 'XYZGOV'"),
        (["query", "--dyad", "IRQ", "IRK"], "closest known: IRN, IRQ"),
        (["dyads", "IRQ", "XYZ"], "no stored event names the actor 'XYZ'"),
        (["dyads", "IRQ", "IRN", "--modality", "planed"], "unknown modality 'planed'"),
        (["network", "--modality", "planed"], "unknown modality 'planed'"),
        (["export", "--format", "csv", "--actor", "XYZGOV"], "no stored event names the actor 'XYZGOV'"),
    ],
)
def test_unknown_filter_values_are_errors(db: str, args: list[str], message: str) -> None:
    result = run(*args, "--db", db)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert result.stdout == ""


def test_an_export_with_a_bad_filter_writes_no_file(db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    result = run("export", "--db", db, "--format", "parquet", "--output", str(out), "--modality", "planed")
    assert result.exit_code == 1 and "unknown modality 'planed'" in result.stderr
    assert not out.exists()


def test_valid_values_matching_nothing_still_answer_empty(db: str) -> None:
    result = run("query", "--db", db, "--modality", "denied", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


# -- finding 6: query prints a page and says how many more --------------------------------


@pytest.fixture
def big(tmp_path: Path) -> str:
    """150 hand-made events of one article, a day apart."""
    path = str(tmp_path / "big.duckdb")
    events = [
        event("big", n, "IRQ", "IRN", "040", f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}") for n in range(150)
    ]
    with open_store(path) as store:
        store_events(store, events, [document_row("big", n_events=150)])
    return path


def test_query_prints_100_events_and_says_how_many_more(big: str) -> None:
    first = run("query", "--db", big, "--format", "jsonl")
    assert first.exit_code == 0
    assert len(first.stdout.splitlines()) == 100
    assert first.stderr == (
        "50 more raw events match: give --limit N for more, --offset 100 for the next ones, "
        "or --limit 0 for all\n"
    )
    rest = run("query", "--db", big, "--format", "jsonl", "--offset", "100")
    assert len(rest.stdout.splitlines()) == 50 and rest.stderr == ""
    every = run("query", "--db", big, "--format", "csv", "--limit", "0")
    assert len(every.stdout.splitlines()) == 151 and every.stderr == ""  # a header and 150 rows
    skipped = run("query", "--db", big, "--format", "jsonl", "--limit", "0", "--offset", "140")
    assert len(skipped.stdout.splitlines()) == 10
    page = run("query", "--db", big, "--format", "jsonl", "--limit", "30", "--offset", "60")
    assert [json.loads(line)["event_id"] for line in page.stdout.splitlines()][0] == "big-e60"
    assert page.stderr.startswith("60 more raw events match") and "--offset 90" in page.stderr


def test_query_limit_is_checked(big: str) -> None:
    result = run("query", "--db", big, "--limit", "-1")
    assert result.exit_code == 2 and "--limit" in result.stderr


# -- finding 13: dyads have a row for every period ------------------------------------------


def test_dyads_have_a_row_for_every_period(db: str) -> None:
    with open_store(db) as store:
        store_events(store, [event("d6", 1, "IRQ", "IRN", "042", "2021-05-03")], [document_row("d6")])
        rebuild_clusters(store)
    result = run("dyads", "IRQ", "IRN", "--db", db, "--format", "json")
    rows = json.loads(result.stdout)
    assert [(r["period"], r["events"]) for r in rows] == [
        ("2021-01-01", 3),
        ("2021-02-01", 1),
        ("2021-03-01", 0),
        ("2021-04-01", 0),
        ("2021-05-01", 1),
    ]
    csv_rows = run("dyads", "IRQ", "IRN", "--db", db, "--format", "csv").stdout.splitlines()
    assert len(csv_rows) == 6 and csv_rows[3].startswith("2021-03-01,0,0,0,")
