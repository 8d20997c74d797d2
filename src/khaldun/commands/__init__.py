"""Command groups beyond ``code`` and ``evaluate``, one module each.

Each module here defines ``commands``: a list of click commands or groups.
:func:`khaldun.cli.main` adds them all, so a new command needs no edit to
``cli.py``.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator

import click


def discovered_commands() -> Iterator[click.Command]:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        yield from getattr(module, "commands", [])
