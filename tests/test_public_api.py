"""The public API and the documentation stay honest."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

import khaldun
from khaldun.cli.main import main

ROOT = Path(__file__).resolve().parents[1]


def test_public_names() -> None:
    assert {"code", "Pipeline", "Event", "Document", "Modality", "KhaldunError", "load_config"} <= set(
        khaldun.__all__
    )
    for name in khaldun.__all__:
        assert hasattr(khaldun, name), name


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"khaldun {name}" in readme, f"command {name!r} is not documented in README.md"
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in readme, f"option {opt} of `khaldun {name}` is not documented in README.md"


def test_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in set(re.findall(r"khaldun ([a-z]+)", readme)) - {"is", "reads", "turns", "codes"}:
        assert name in main.commands or name in {"code", "evaluate"}, (
            f"README mentions unknown command {name!r}"
        )


def test_help_runs_for_every_command() -> None:
    for name in main.commands:
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0, result.output
