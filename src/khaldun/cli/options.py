"""What every command shares: the store and output options, and turning library errors into exits."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

from khaldun.errors import KhaldunError
from khaldun.export.formats import FORMATS

commands: list[click.Command] = []  # this module only lends options to the others

DEFAULT_DB = "events.duckdb"

db_option = click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="KHALDUN_DB",
    help="The store: a DuckDB file, or postgresql://user@host:port/dbname (env KHALDUN_DB).",
)


def format_option(
    *, records: str = "event", choices: Sequence[str] = FORMATS, extra: str = ""
) -> Callable[[Any], Any]:
    """``--format table|json|jsonl|csv`` (plus any ``choices`` a command adds)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default="table",
        show_default=True,
        help=f"Output format: a table for reading, or json, jsonl (one {records} a line), csv{extra}.",
    )


def config_option(
    help: str = "A TOML config file (see default_config.toml in the package).",
) -> Callable[[Any], Any]:
    return click.option("--config", "config_path", type=click.Path(dir_okay=False), help=help)


# `code --input` and `ingest` share one default: every core. An input of one parse batch
# or less ([nlp] batch_size documents) is coded in the main process: starting workers,
# each loading its own model, would cost more than it saves.
EVERY_CORE = -1


def workers_option(default: int = EVERY_CORE) -> Callable[[Any], Any]:
    return click.option(
        "--workers",
        type=int,
        default=default,
        show_default=True,
        help="Worker processes for many documents; -1 uses every core.",
    )


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Library errors as one line on stderr and exit status 1; a closed pipe
    (``khaldun query ... | head``) is a normal end."""
    try:
        yield
    except KhaldunError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)


def date_value(value: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value as a date; a usage error naming the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        message = f"{value!r} is not a date in the form YYYY-MM-DD"
        raise click.BadParameter(message, param_hint=option) from None
