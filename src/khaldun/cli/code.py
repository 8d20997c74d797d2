"""``khaldun code``: code a text, stdin or a JSON Lines batch into events."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from khaldun.cli.options import config_option, date_value, errors_to_exit, format_option, workers_option
from khaldun.cli.progress import Progress, input_size, progress_option
from khaldun.config import Config, load_config
from khaldun.errors import InputError
from khaldun.export.formats import write_events
from khaldun.model import Document


@click.command()
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
@click.option(
    "--scheduler",
    help="Code the --input batch on a Dask cluster: tcp://HOST:PORT or local:N (the dask extra).",
)
@click.option(
    "--partition-size",
    default="1MiB",
    show_default=True,
    help="With --scheduler: bytes of the --input file one task reads and codes.",
)
@progress_option()
@config_option()
def code(
    file: str | None,
    input_path: str | None,
    published: str | None,
    fmt: str,
    explain: bool,
    max_chars: int | None,
    workers: int,
    scheduler: str | None,
    partition_size: str,
    show_progress: bool | None,
    config_path: str | None,
) -> None:
    """Code a news text (FILE, or - for stdin) or a JSON Lines batch (--input) into events."""
    if bool(file) == bool(input_path):
        raise click.UsageError("give either FILE (or - for stdin) or --input DOCS.jsonl, not both or neither")
    day = date_value(published, "--published")
    if scheduler and (not input_path or input_path == "-"):
        raise click.UsageError("--scheduler codes a batch the workers can read: give --input DOCS.jsonl")
    with errors_to_exit():
        config = load_config(config_path).with_overrides(max_document_chars=max_chars)
        path = input_path or file
        # By default for a batch on a terminal, unless its events stream onto that terminal too.
        streams = sys.stdout.isatty() and fmt in ("jsonl", "csv")
        auto = bool(input_path) and sys.stderr.isatty() and not streams
        progress = Progress(
            total_bytes=input_size(path), enabled=auto if show_progress is None else show_progress
        )
        progress.on_file(path, input_size(path))
        if scheduler and input_path:
            failures = _code_on_cluster(
                input_path, scheduler, partition_size, config, day, progress, fmt, explain
            )
        else:
            docs = progress.read(_read_inputs(file, input_path, day, config))
            coded = _code_here(docs, config, workers)
            failures = _write_coded(coded, fmt=fmt, explain=explain, progress=progress)
    if failures:
        click.echo(
            f"{failures} document{'s' if failures > 1 else ''} could not be coded (see above).", err=True
        )
        sys.exit(1)


def _read_inputs(
    file: str | None, input_path: str | None, day: dt.date | None, config: Config
) -> Iterator[Any]:
    from khaldun.corpus.readers import read_jsonl_documents, read_text_document

    stdin = sys.stdin.buffer
    if input_path:
        yield from read_jsonl_documents(input_path, default_published=day, stdin=stdin)
    else:
        assert file is not None
        yield read_text_document(file, max_chars=config.max_document_chars, published=day, stdin=stdin)


def _code_here(docs: Iterable[Any], config: Config, workers: int) -> Iterator[Any]:
    """Each document coded here (on ``workers`` processes), or its error, in order."""
    from khaldun.coding.pipeline import Pipeline

    pipeline = Pipeline(config)
    read_errors: list[InputError] = []

    def good_docs() -> Iterator[Document]:
        for item in docs:
            if isinstance(item, InputError):
                read_errors.append(item)
            else:
                yield item

    for coded in pipeline.pipe(good_docs(), n_process=workers):
        yield from read_errors  # reported as they are met, before the next document
        read_errors.clear()
        yield coded
    yield from read_errors


def _code_on_cluster(
    path: str,
    scheduler: str,
    partition_size: str,
    config: Config,
    day: dt.date | None,
    progress: Progress,
    fmt: str,
    explain: bool,
) -> int:
    """Code the batch on the Dask cluster at ``scheduler`` and write its events; returns the failures."""
    from khaldun.corpus.distributed.partitions import parse_size
    from khaldun.corpus.distributed.session import cluster_client, cluster_code

    size = parse_size(partition_size)

    def started(plan: Any, dashboard: str) -> None:
        parts = len(plan.partitions)
        progress.write(f"Dask: {parts} partition{'s' * (parts != 1)}; dashboard at {dashboard}")

    with cluster_client(scheduler) as client:
        coded = cluster_code(
            path,
            client,
            config,
            default=day,
            partition_bytes=size,
            on_start=started,
            on_partition=lambda partition: progress.bar.update(partition.size),
        )
        return _write_coded(coded, fmt=fmt, explain=explain, progress=progress)


def _write_coded(coded_docs: Iterable[Any], *, fmt: str, explain: bool, progress: Progress) -> int:
    """Write the events of coded documents, report errors on stderr; returns the failures."""
    failures = 0
    out = sys.stdout

    def events() -> Iterator[dict[str, Any]]:
        nonlocal failures
        for coded in coded_docs:
            if isinstance(coded, InputError):
                failures += 1
                progress.write(f"error: {coded}")
                continue
            progress.done(coded.document.id, len(coded.events))
            if explain:
                for note in coded.notes:
                    progress.write(f"[{coded.document.id}] {note}")
                if not coded.events:
                    progress.write(f"[{coded.document.id}] no events: {_why_no_events(coded)}")
            for event in coded.events:
                yield event.to_dict(explain=explain, document=coded.document)
        progress.close()  # before a table or a JSON array is printed, not after

    write_events(events(), fmt, out)
    return failures


def _why_no_events(coded: Any) -> str:
    if coded.notes:
        return f"{len(coded.notes)} trigger(s) found, none with both a source and a target actor"
    return "no event trigger of the lexicon in the text"


commands = [code]
