"""``khaldun serve``: the REST API and the dashboard over a store (FastAPI + uvicorn)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from khaldun.cli.options import db_option

TOKEN_ENV = "KHALDUN_SERVE_TOKEN"


def read_token(token_file: str | None) -> str | None:
    """The token from ``--token-file`` (first line), else from the environment; None when neither."""
    if token_file:
        try:
            lines = Path(token_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise click.BadParameter(
                f"cannot read {token_file}: {exc.strerror}", param_hint="--token-file"
            ) from None
        return lines[0].strip() if lines and lines[0].strip() else None
    return os.environ.get(TOKEN_ENV) or None


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port.")
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False),
    help=f"File whose first line is the token for write/admin endpoints (else env {TOKEN_ENV}).",
)
@click.option(
    "--writable", is_flag=True, help="Open the store read-write and allow admin endpoints (with the token)."
)
@click.option(
    "--max-body",
    type=click.IntRange(1024),
    default=256 * 1024,
    show_default=True,
    help="Largest request body in bytes (larger: 413).",
)
@click.option(
    "--max-code-chars",
    type=click.IntRange(1),
    default=20_000,
    show_default=True,
    help="Longest text POST /api/code accepts.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML config for the coder.")
@click.option(
    "--log-level",
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
    default="info",
    show_default=True,
    help="uvicorn's log level.",
)
def serve(
    db: str,
    host: str,
    port: int,
    token_file: str | None,
    writable: bool,
    max_body: int,
    max_code_chars: int,
    config_path: str | None,
    log_level: str,
) -> None:
    """Serve the REST API (/api, OpenAPI at /api/openapi.json) and the dashboard over a store.

    Read-only by default. A DuckDB file is held open while the server runs: the
    reading commands (query, dyads, network, export) run beside it, but stop it
    before `khaldun ingest` or `khaldun cluster` writes to the file (or use PostgreSQL).
    """
    import uvicorn

    from khaldun.errors import KhaldunError
    from khaldun.serve import ServeSettings, check_exposure, create_app
    from khaldun.store import open_store

    token = read_token(token_file)
    settings = ServeSettings(
        db=db,
        host=host,
        token=token,
        writable=writable,
        max_body_bytes=max_body,
        max_code_chars=max_code_chars,
        config_path=config_path,
    )
    try:
        check_exposure(host, token)
    except KhaldunError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    try:  # fail fast, with the store's own message, before uvicorn starts; never a new empty store
        open_store(db, read_only=not writable, create=False).close()
    except KhaldunError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(
        f"khaldun serving {db} ({'read-write' if writable else 'read-only'}) on http://{host}:{port}/",
        err=True,
    )
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, server_header=False)


commands = [serve]
