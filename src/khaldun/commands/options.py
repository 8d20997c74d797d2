"""Options every data command shares, defined once so they read the same everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from khaldun.formats import FORMATS

commands: list[click.Command] = []  # this module only lends options to the others


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


def workers_option(default: int = 1) -> Callable[[Any], Any]:
    return click.option(
        "--workers",
        type=int,
        default=default,
        show_default=True,
        help="Worker processes for many documents; -1 uses every core.",
    )
