"""``khaldun train``: fit the learned second opinion on the fit split of the dev gold."""

from __future__ import annotations

import json
from pathlib import Path

import click

from khaldun.cli.options import errors_to_exit
from khaldun.errors import InputError


@click.command()
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(file_okay=False),
    default="../shared/eval",
    show_default=True,
    help="The folder of dev gold sets to train on.",
)
@click.option(
    "--split",
    type=click.Choice(["fit", "all"]),
    default="fit",
    show_default=True,
    help="Train on the fit split (then the check split still measures it) or on every dev record.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    required=True,
    help="Where to write the model file (.npz); point [model] file at it to code with it.",
)
def train(gold_dir: str, split: str, output: str) -> None:
    """Train the second opinion (scikit-learn, fixed seed) and write its model file.

    The file holds the weights, the policy chosen by cross-validation on the same
    records, and its provenance: the sets, the split, record counts and the
    gold files' hashes. The provenance is printed when it is written.
    """
    with errors_to_exit():
        try:
            from khaldun.learning.train import train as fit_model
        except ImportError as exc:
            raise InputError(
                f"khaldun train needs scikit-learn ({exc.name} is missing): pip install 'khaldun[train]'"
            ) from None
        if not Path(gold_dir).is_dir():
            raise InputError(f"gold folder {gold_dir} does not exist; give the dev sets with --gold")
        provenance = fit_model(
            Path(gold_dir), Path(output), split=split, progress=lambda m: click.echo(m, err=True)
        )
        click.echo(f"wrote {output}", err=True)
        click.echo(json.dumps(provenance, indent=2))


commands = (train,)
