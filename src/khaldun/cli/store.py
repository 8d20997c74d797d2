"""Corpus and store commands: ingest, query, dyads, network, export, cluster.

Thin shells over :mod:`khaldun.corpus.ingest`, :mod:`khaldun.corpus.clusters`,
the read layer (:mod:`khaldun.store.queries` and :mod:`khaldun.store.aggregates`,
with the filters of :mod:`khaldun.store.filters`) and :mod:`khaldun.export.exporters`.
The reading commands open the store read-only. Only ``ingest`` creates a
store, and only once its inputs are there: elsewhere a missing store is an
error naming the path.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from khaldun.cli.options import (
    config_option,
    date_value,
    db_option,
    errors_to_exit,
    format_option,
    workers_option,
)
from khaldun.cli.progress import Progress, progress_option
from khaldun.errors import InputError
from khaldun.export.formats import FORMATS
from khaldun.store.filters import FILTER_FIELDS, FILTERS, EventFilter, FilterField


def level_choice(default: str, help: str) -> Callable[[Any], Any]:
    """``--level raw|clustered``: every report of an event, or the happenings."""
    return click.option(
        "--level", type=click.Choice(["raw", "clustered"]), default=default, show_default=True, help=help
    )


level_option = level_choice(
    "raw", "raw: one event per mention in a report; clustered: one per happening, with report counts."
)


def _filter_option(field: FilterField) -> Callable[[Any], Any]:
    """The option of one event filter: ``--param`` into the keyword of its :class:`EventFilter` field."""
    if field.kind == "pair":
        a, b = field.example
        return click.option(field.flag, field.name, nargs=2, help=f"{field.help}: {field.flag} {a} {b}.")
    return click.option(field.flag, field.name, help=field.help)


def _add_options(func: Callable[..., Any], options: list[Callable[[Any], Any]]) -> Callable[..., Any]:
    for option in reversed(options):
        func = option(func)
    return func


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters every reading command shares (:data:`khaldun.store.filters.FILTER_FIELDS`)."""
    return _add_options(func, [_filter_option(field) for field in FILTER_FIELDS])


def _filter(kw: dict[str, Any]) -> EventFilter:
    """The :class:`EventFilter` of the filter options (taken out of ``kw``); dates checked."""
    values: dict[str, Any] = {}
    for field in FILTER_FIELDS:
        value = kw.pop(field.name, None)
        if field.kind == "date":
            value = date_value(value, field.flag)
        elif field.kind == "pair":
            value = tuple(value) if value else None
        values[field.name] = value
    return EventFilter(**values)


def period_options(modality_help: str) -> Callable[[Any], Any]:
    """``--since``, ``--until`` and ``--modality`` (asserted unless said) of the aggregate views."""

    def add(func: Callable[..., Any]) -> Callable[..., Any]:
        return _add_options(
            func,
            [
                _filter_option(FILTERS["since"]),
                _filter_option(FILTERS["until"]),
                click.option("--modality", default="asserted", show_default=True, help=modality_help),
            ],
        )

    return add


def _period_filter(since: str | None, until: str | None, modality: str) -> EventFilter:
    return EventFilter(
        since=date_value(since, "--since"),
        until=date_value(until, "--until"),
        modality=None if modality == "any" else modality,
    )


@contextmanager
def _opened(url: str, *, read_only: bool = False, create: bool = False) -> Any:
    """The store at ``url``; only ``ingest`` passes ``create`` (a mistyped --db is an error elsewhere)."""
    from khaldun.store import open_store

    with errors_to_exit():
        store = open_store(url, read_only=read_only, create=create)
        try:
            yield store
        finally:
            store.close()


# -- ingest -----------------------------------------------------------------------


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--published", help="Date (YYYY-MM-DD) for documents with none of their own; others are flagged."
)
@click.option("--source", "source_name", help="Source name for documents with none of their own.")
@click.option(
    "--input-format",
    type=click.Choice(["auto", "text", "jsonl", "csv", "html", "feed"]),
    default="auto",
    show_default=True,
    help="How to read the inputs; auto goes by file extension.",
)
@click.option("--text-column", default="text", show_default=True, help="CSV column with the text.")
@click.option("--id-column", default="id", show_default=True, help="CSV column with the document id.")
@click.option("--title-column", default="title", show_default=True, help="CSV column with the title.")
@click.option("--date-column", default="published", show_default=True, help="CSV column with the date.")
@click.option("--url-column", default="url", show_default=True, help="CSV column with the url.")
@click.option("--source-column", default="source", show_default=True, help="CSV column with the source.")
@click.option("--delimiter", help="CSV delimiter (default , and tab for .tsv).")
@click.option(
    "--follow-links",
    is_flag=True,
    help="Follow symbolic links in a folder that lead out of it (by default they are reported, not read).",
)
@workers_option()
@click.option(
    "--batch-size",
    type=int,
    default=0,
    help="Documents per transaction (default 64; 256 a worker with more).",
)
@click.option(
    "--near-duplicate",
    type=float,
    default=0.8,
    show_default=True,
    help="Similarity (estimated Jaccard of word 5-grams) from which an article is a near-duplicate.",
)
@click.option(
    "--window", type=int, default=2, show_default=True, help="Days within which reports are clustered."
)
@click.option("--no-cluster", is_flag=True, help="Do not rebuild the event clusters after ingesting.")
@click.option("--max-chars", type=int, help="Refuse documents longer than this many characters.")
@click.option(
    "--scheduler",
    help="Code on a Dask cluster: tcp://HOST:PORT (a running `dask scheduler`) or local:N "
    "(N worker processes started here). Needs the dask extra; --workers and --batch-size do not apply.",
)
@click.option(
    "--partition-size",
    default="1MiB",
    show_default=True,
    help="With --scheduler: input bytes a task reads and codes (large JSON Lines and CSV files are cut).",
)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="With --scheduler: workers write each partition's rows as Parquet part files in this folder "
    "(DuckDB can query them in place) and the store bulk-loads them.",
)
@config_option()
@progress_option()
@click.option("--quiet", is_flag=True, help="No progress on stderr (as --no-progress).")
def ingest(
    paths: tuple[str, ...],
    db: str,
    published: str | None,
    source_name: str | None,
    input_format: str,
    text_column: str,
    id_column: str,
    title_column: str,
    date_column: str,
    url_column: str,
    source_column: str,
    delimiter: str | None,
    follow_links: bool,
    workers: int,
    batch_size: int,
    near_duplicate: float,
    window: int,
    no_cluster: bool,
    max_chars: int | None,
    scheduler: str | None,
    partition_size: str,
    parquet_dir: str | None,
    config_path: str | None,
    show_progress: bool | None,
    quiet: bool,
) -> None:
    """Ingest files, folders (recursively) and feeds into a store: dedupe, code, store, cluster.

    Reads text, JSON Lines, CSV, HTML and RSS/Atom by extension. Re-running on
    the same corpus adds nothing; a killed run started again finishes the job.
    With --scheduler the coding runs on a Dask cluster and stores the same.
    """
    from khaldun.coding.pipeline import Pipeline
    from khaldun.config import load_config
    from khaldun.corpus.clusters import rebuild_clusters
    from khaldun.corpus.distributed.partitions import parse_size
    from khaldun.corpus.ingest import IngestOptions
    from khaldun.corpus.ingest import ingest as run_ingest
    from khaldun.corpus.readers import ReadOptions, read_corpus, total_size

    default = date_value(published, "--published")
    with errors_to_exit():
        config = load_config(config_path).with_overrides(max_document_chars=max_chars)
    read_options = ReadOptions(
        source=source_name,
        text_column=text_column,
        id_column=id_column,
        title_column=title_column,
        date_column=date_column,
        url_column=url_column,
        source_column=source_column,
        delimiter=delimiter,
        max_chars=config.max_document_chars,
        follow_links=follow_links,
    )
    progress = Progress(
        total_bytes=total_size(paths, follow_links=follow_links), enabled=False if quiet else show_progress
    )

    def on_error(exc: InputError) -> None:
        progress.write(f"error: {exc}")

    options = IngestOptions(
        workers=workers, chunk_size=batch_size, near_threshold=near_duplicate, default_published=default
    )
    if parquet_dir and not scheduler:
        raise click.UsageError("--parquet writes part files from a Dask cluster: give --scheduler too")
    with errors_to_exit():
        target = parse_size(partition_size)
    _check_inputs(paths)
    with _connected(scheduler) as client, _opened(db, create=True) as store:
        if client is not None:
            report = _ingest_on_cluster(
                client,
                store,
                progress,
                paths=list(paths),
                config=config,
                read_options=read_options,
                fmt=input_format,
                options=options,
                partition_bytes=target,
                parquet_dir=parquet_dir,
                on_error=on_error,
            )
        else:
            report = run_ingest(
                progress.read(read_corpus(paths, read_options, fmt=input_format, on_file=progress.on_file)),
                store,
                progress.watch(Pipeline(config)),
                options=options,
                on_error=on_error,
                on_batch=lambda r: progress.sync(r.read, r.events, detail=_ingest_detail(r)),
            )
        progress.close()
        clusters = None if no_cluster else rebuild_clusters(store, window=window)
    click.echo(
        f"{report.read} documents read: {report.coded} coded, {report.duplicates} duplicates linked, "
        f"{report.existing} already stored; {report.events} events"
        + (f", {clusters} clustered events" if clusters is not None else "")
        + f"; {report.failed} failed; {report.seconds:.1f} s ({report.rate:.1f} docs/s).",
        err=True,
    )
    if report.undated:
        click.echo(
            f"warning: {report.undated} documents have no date (flagged date_status=missing); "
            "give --published to date them",
            err=True,
        )
    if report.failed:
        sys.exit(1)


def _ingest_detail(report: Any) -> str:
    return f" ({report.coded} coded, {report.duplicates} duplicates, {report.existing} already stored)"


@contextmanager
def _connected(scheduler: str | None) -> Any:
    """A client of the Dask cluster at ``scheduler``, or None without one; connected before any
    store is opened, so that a bad address or an unreachable scheduler leaves no new store."""
    if scheduler is None:
        yield None
        return
    from khaldun.corpus.distributed.session import cluster_client

    with errors_to_exit(), cluster_client(scheduler) as client:
        yield client


def _ingest_on_cluster(client: Any, store: Any, progress: Progress, **kwargs: Any) -> Any:
    """:func:`~khaldun.corpus.distributed.session.cluster_ingest` with progress by partition written."""
    from khaldun.corpus.distributed.session import cluster_ingest

    def started(plan: Any, dashboard: str) -> None:
        parts, workers = len(plan.partitions), len(client.nthreads())
        where = f"{parts} partition{'s' * (parts != 1)} on {workers} worker{'s' * (workers != 1)}"
        progress.write(f"Dask: {where}; dashboard at {dashboard}")

    def written(report: Any, partition: Any) -> None:
        progress.bar.update(partition.size)
        rate = f"{report.done / max(report.seconds, 1e-9):.1f} docs/s"
        progress.sync(report.done, report.events, detail=f"{_ingest_detail(report)[:-1]}, {rate})")

    with errors_to_exit():
        return cluster_ingest(store=store, client=client, on_start=started, on_partition=written, **kwargs)


def _check_inputs(paths: tuple[str, ...]) -> None:
    """Every input path exists, before the store is opened: a typo must not leave a new empty store."""
    missing = [p for p in paths if not p.startswith(("http://", "https://")) and not Path(p).exists()]
    if missing:
        with errors_to_exit():
            raise InputError(
                f"{', '.join(missing)}: no such file or folder; nothing was ingested and no store was opened"
            )


# -- reading commands ----------------------------------------------------------


# Events `khaldun query` prints unless --limit says otherwise (a line on stderr tells of the rest).
QUERY_LIMIT = 100


@click.command()
@db_option
@filter_options
@level_option
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=QUERY_LIMIT,
    show_default=True,
    help="At most this many events; 0 for all of them.",
)
@click.option("--offset", type=click.IntRange(0), default=0, help="Skip this many events first.")
@format_option()
def query(db: str, level: str, limit: int, offset: int, fmt: str, **filters: Any) -> None:
    """Stored events matching filters, in the output formats of `khaldun code`.

    At most --limit events (100 by default); a line on stderr says how many more match.
    """
    from khaldun.export.formats import write_events
    from khaldun.store import queries

    f = _filter(filters)
    with _opened(db, read_only=True) as store:
        if fmt in ("jsonl", "csv") and not limit and not offset:
            write_events(queries.iter_events(store, f, level=level), fmt, sys.stdout)
            return
        rows = queries.events(store, f, level=level, limit=limit or None, offset=offset)
        write_events(rows, fmt, sys.stdout)
        if limit and len(rows) == limit:
            more = queries.count_events(store, f, level=level) - offset - limit
            if more > 0:
                click.echo(
                    f"{more:,} more {level} events match: give --limit N for more, --offset "
                    f"{offset + limit} for the next ones, or --limit 0 for all",
                    err=True,
                )


@click.command()
@click.argument("actor_a")
@click.argument("actor_b")
@db_option
@click.option(
    "--by",
    type=click.Choice(["day", "week", "month", "year"]),
    default="month",
    show_default=True,
    help="Period of each row (weeks start on Monday).",
)
@period_options("Only events of this modality; 'any' for all (planned visits are not visits).")
@level_choice("clustered", "Count happenings (clustered) or every report of them (raw).")
@click.option("--directed", is_flag=True, help="Only ACTOR_A → ACTOR_B (default: both directions).")
@format_option(records="period")
def dyads(
    actor_a: str,
    actor_b: str,
    db: str,
    by: str,
    since: str | None,
    until: str | None,
    modality: str,
    level: str,
    directed: bool,
    fmt: str,
) -> None:
    """Two actors over time: counts by QuadClass and PLOVER type, Goldstein, cooperation vs conflict.

    ACTOR_A and ACTOR_B are codes (IRQGOV), countries (IRQ) or actor ids.
    """
    from khaldun.export.formats import write_rows
    from khaldun.store import aggregates

    f = _period_filter(since, until, modality)
    with _opened(db, read_only=True) as store:
        rows = aggregates.dyad_series(store, actor_a, actor_b, by=by, f=f, level=level, directed=directed)
    write_rows(rows, fmt, sys.stdout, title=f"{actor_a} – {actor_b} by {by} ({level} events)")


@click.command()
@db_option
@period_options("Only events of this modality; 'any' for all.")
@level_choice("clustered", "Weight edges by happenings (clustered) or by reports (raw).")
@click.option(
    "--nodes",
    type=click.Choice(["code", "country"]),
    default="code",
    show_default=True,
    help="Nodes are actor codes (IRQGOV) or countries (IRQ).",
)
@format_option(records="edge", choices=(*FORMATS, "graphml"), extra=" (an edge list) or graphml")
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
def network(
    db: str,
    since: str | None,
    until: str | None,
    modality: str,
    level: str,
    nodes: str,
    fmt: str,
    output: str | None,
) -> None:
    """The actor network: weighted directed edges (event count, Goldstein, cooperation, conflict)."""
    from khaldun.export.exporters import write_graphml
    from khaldun.export.formats import write_rows
    from khaldun.store import aggregates

    f = _period_filter(since, until, modality)
    with _opened(db, read_only=True) as store:
        edges = aggregates.network(store, f, level=level, node=nodes)
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "graphml":
            write_graphml(edges, out)
        else:
            write_rows(edges, fmt, out)
    finally:
        if output:
            out.close()


@click.command()
@db_option
@filter_options
@level_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "jsonl", "plover", "gdelt"]),
    default="csv",
    show_default=True,
    help="csv, parquet, jsonl, plover (PLOVER JSON lines) or gdelt (GDELT 2.0 event table, clustered).",
)
@click.option("--output", type=click.Path(dir_okay=False), help="Write to this file (required for parquet).")
def export(db: str, level: str, fmt: str, output: str | None, **filters: Any) -> None:
    """Export stored events (all, or those matching filters).

    Every column is described in the README ("Event schema"); clustered events add
    last_date, num_mentions, num_articles and num_sources.
    """
    from khaldun.export.exporters import BINARY_FORMATS, check_output, export_events
    from khaldun.store import queries

    if fmt in BINARY_FORMATS and not output:
        raise click.UsageError(f"--format {fmt} writes a binary file: give --output FILE")
    if fmt == "gdelt":
        level = "clustered"  # GDELT rows are happenings, with NumMentions/NumSources/NumArticles
    f = _filter(filters)
    with errors_to_exit():
        if output:
            check_output(output)  # before the store is opened: a typo in the folder costs nothing
        with _opened(db, read_only=True) as store:
            events = queries.iter_events(store, f, level=level)
            count = export_events(events, fmt, output, clustered=level == "clustered", stdout=sys.stdout)
    click.echo(f"{count} {level} events exported ({fmt}).", err=True)


@click.command()
@db_option
@click.option(
    "--window", type=int, default=2, show_default=True, help="Days within which reports are clustered."
)
def cluster(db: str, window: int) -> None:
    """Rebuild the clustered events from the raw events (the rule in khaldun.corpus.clusters)."""
    from khaldun.corpus.clusters import rebuild_clusters

    with _opened(db) as store:  # an existing store (it migrates it): never a new empty one
        n = rebuild_clusters(store, window=window)
    click.echo(f"{n} clustered events.", err=True)


commands = [ingest, query, dyads, network, export, cluster]
