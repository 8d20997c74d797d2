"""The ``khaldun`` command: a thin shell over the library.

Only this module prints or exits. Library errors (:class:`KhaldunError`)
become one-line messages on stderr and exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from khaldun import __version__
from khaldun.commands.options import (
    config_option,
    date_value,
    errors_to_exit,
    format_option,
    workers_option,
)
from khaldun.config import Config, load_config
from khaldun.errors import InputError
from khaldun.formats import write_events
from khaldun.model import Document


class Progress:
    """Progress on stderr for long runs: documents, events, rate, time left."""

    def __init__(self, *, total: int | None = None, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.start = self.last = time.monotonic()
        self.docs = self.events = 0

    def update(self, events: int) -> None:
        self.docs += 1
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self.last >= 1.0:
            self.last = now
            click.echo("\r" + self._line(now), err=True, nl=False)

    def _line(self, now: float) -> str:
        rate = self.docs / max(now - self.start, 1e-9)
        left = ""
        if self.total and rate > 0:
            left = f", about {max(self.total - self.docs, 0) / rate:.0f} s left"
        of = f"/{self.total}" if self.total else ""
        return f"coded {self.docs}{of} documents, {self.events} events, {rate:.1f} docs/s{left}   "

    def close(self) -> None:
        if self.enabled and self.docs:
            click.echo("\r" + self._line(time.monotonic()), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khaldun")
def main() -> None:
    """khaldun: political event data from news reports.

    Reads news text and codes who did what to whom, when and where, in CAMEO
    and PLOVER, with the evidence for every event.
    """


@main.command()
@click.argument("file", required=False)
@click.option(
    "--input",
    "input_path",
    help="A JSON Lines file of documents: {id, text, published?, title?, source?, url?}.",
)
@click.option("--published", help="Publication date (YYYY-MM-DD) for relative dates; per-document dates win.")
@format_option()
@click.option("--explain", is_flag=True, help="Show why each event was coded and why triggers gave no event.")
@click.option("--max-chars", type=int, help="Refuse documents longer than this many characters.")
@workers_option()
@config_option()
def code(
    file: str | None,
    input_path: str | None,
    published: str | None,
    fmt: str,
    explain: bool,
    max_chars: int | None,
    workers: int,
    config_path: str | None,
) -> None:
    """Code a news text (FILE, or - for stdin) or a JSON Lines batch (--input) into events."""
    if bool(file) == bool(input_path):
        raise click.UsageError("give either FILE (or - for stdin) or --input DOCS.jsonl, not both or neither")
    day = date_value(published, "--published")
    with errors_to_exit():
        config = load_config(config_path).with_overrides(max_document_chars=max_chars)
        docs = _read_inputs(file, input_path, day, config)
        failures = _code_and_write(docs, config, fmt=fmt, explain=explain, workers=workers)
    if failures:
        click.echo(
            f"{failures} document{'s' if failures > 1 else ''} could not be coded (see above).", err=True
        )
        sys.exit(1)


def _read_inputs(
    file: str | None, input_path: str | None, day: dt.date | None, config: Config
) -> Iterator[Any]:
    from khaldun.ingest import read_jsonl_documents, read_text_document

    stdin = sys.stdin.buffer
    if input_path:
        yield from read_jsonl_documents(input_path, default_published=day, stdin=stdin)
    else:
        assert file is not None
        yield read_text_document(file, max_chars=config.max_document_chars, published=day, stdin=stdin)


def _code_and_write(docs: Iterable[Any], config: Config, *, fmt: str, explain: bool, workers: int) -> int:
    """Code documents, write their events, report bad documents on stderr; returns the failures."""
    from khaldun.pipeline import Pipeline

    pipeline = Pipeline(config)
    failures = 0
    progress = Progress(enabled=sys.stderr.isatty() and fmt != "table")
    out = sys.stdout

    def good_docs() -> Iterator[Document]:
        nonlocal failures
        for item in docs:
            if isinstance(item, InputError):
                failures += 1
                click.echo(f"error: {item}", err=True)
            else:
                yield item

    def events() -> Iterator[dict[str, Any]]:
        nonlocal failures
        for coded in pipeline.pipe(good_docs(), n_process=workers):
            if isinstance(coded, InputError):
                failures += 1
                click.echo(f"error: {coded}", err=True)
                continue
            progress.update(len(coded.events))
            if explain:
                for note in coded.notes:
                    click.echo(f"[{coded.document.id}] {note}", err=True)
                if not coded.events:
                    click.echo(f"[{coded.document.id}] no events: {_why_no_events(coded)}", err=True)
            for event in coded.events:
                yield event.to_dict(explain=explain)

    write_events(events(), fmt, out)
    progress.close()
    return failures


def _why_no_events(coded: Any) -> str:
    if coded.notes:
        return f"{len(coded.notes)} trigger(s) found, none with both a source and a target actor"
    return "no event trigger of the lexicon in the text"


@main.command()
@click.argument("gold", nargs=-1, required=True)
@click.option(
    "--events",
    "events_path",
    type=click.Path(dir_okay=False),
    help="Score these coded events (JSONL) instead of coding the gold texts.",
)
@format_option(records="report", choices=("table", "json"))
@workers_option()
@config_option()
def evaluate(
    gold: tuple[str, ...], events_path: str | None, fmt: str, workers: int, config_path: str | None
) -> None:
    """Score the coder against gold data.

    GOLD is a seed gold.json, a dev.jsonl, a dataset folder, or a folder of them.
    """
    from khaldun import evaluate as ev

    with errors_to_exit():
        sets = [g for path in gold for g in ev.load_golds(Path(path))]
        predictions = ev.load_predictions(Path(events_path)) if events_path else None
        reports = []
        for gold_set in sets:
            preds = predictions if predictions is not None else _code_gold(gold_set, workers, config_path)
            reports.append(ev.score(gold_set, preds))
    if fmt == "json":
        click.echo(json.dumps([ev.report_to_dict(r) for r in reports], indent=2, ensure_ascii=False))
    else:
        click.echo(ev.format_report(reports))


def _code_gold(gold_set: Any, workers: int, config_path: str | None) -> list[dict[str, Any]]:
    from khaldun.evaluate import documents_of
    from khaldun.pipeline import Pipeline

    docs = [Document(text=text, id=doc_id, published=day) for doc_id, text, day in documents_of(gold_set)]
    progress = Progress(total=len(docs), enabled=sys.stderr.isatty())
    events: list[dict[str, Any]] = []
    for coded in Pipeline(load_config(config_path)).pipe(docs, n_process=workers):
        if isinstance(coded, InputError):
            continue
        progress.update(len(coded.events))
        events.extend(e.to_dict() for e in coded.events)
    progress.close()
    return events


def _add_discovered_commands() -> None:
    from khaldun.commands import discovered_commands

    for command in discovered_commands():
        main.add_command(command)


_add_discovered_commands()
