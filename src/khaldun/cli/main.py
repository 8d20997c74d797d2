"""The ``khaldun`` command: a thin shell over the library.

Only the ``cli`` package prints or exits. Library errors (:class:`KhaldunError`)
become one-line messages on stderr and exit status 1; usage errors exit 2.
Each command group lives in its own module and lists its click commands in
``commands``; they are added here in the order ``khaldun --help`` shows them.
"""

from __future__ import annotations

import click

from khaldun import __version__
from khaldun.cli import actors, code, evaluate, serve, store, train


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="khaldun")
def main() -> None:
    """khaldun: political event data from news reports.

    Reads news text and codes who did what to whom, when and where, in CAMEO
    and PLOVER, with the evidence for every event.
    """


for _module in (code, evaluate, train, actors, store, serve):
    for _command in _module.commands:
        main.add_command(_command)
