"""``khaldun actors``: look into the actor knowledge base and find what it lacks.

* ``resolve NAME --date D`` — the identity a name resolves to, the code valid
  on that date, and why (the alias or rule that matched, with its score);
* ``show ID`` — one entry with its aliases and dated roles;
* ``search TEXT`` — entries whose names look like the text;
* ``unknown FILE`` — the most frequent names in a text or JSON Lines corpus
  that the knowledge base does not know, to add them in a user file.

A thin shell over :mod:`khaldun.knowledge.actors` (the records:
:mod:`khaldun.knowledge.actors.records`) and :mod:`khaldun.coding.resolve`.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import click

from khaldun.cli.options import config_option, date_value, errors_to_exit, format_option
from khaldun.cli.progress import Progress, input_size, progress_option
from khaldun.config import load_config
from khaldun.errors import InputError
from khaldun.knowledge.actors.builtin import BuiltinKB
from khaldun.knowledge.actors.records import SEARCH_CUTOFF, resolve_name, search_entries, show_record

_CONFIG_HELP = "A TOML config file; its [actors] extra_files are loaded on top of the bundled actors."


def _kb(config_path: str | None) -> BuiltinKB:
    from khaldun.knowledge.actors import load_kb

    kb = load_kb(load_config(config_path))
    assert isinstance(kb, BuiltinKB)
    return kb


@click.group()
def actors() -> None:
    """Look up, explain and extend the actor knowledge base."""


# -- output ------------------------------------------------------------------------------


def _emit(rows: list[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump(rows if len(rows) != 1 or columns != ("*",) else rows[0], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        cols = list(columns) if columns != ("*",) else list(rows[0]) if rows else []
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in cols])
    else:
        _table(rows, columns)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict) and {"id", "name"} <= set(value):  # a suggestion or a candidate
        extra = value.get("score") or ", ".join(str(value[k]) for k in ("country", "code") if value.get(k))
        return f"{value['id']} {value['name']} ({extra})"
    return _cell(value)


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> None:
    if columns == ("*",):  # one record: key: value lines
        for row in rows:
            for key, value in row.items():
                if key == "roles":
                    click.echo("roles:")
                    for r in value:
                        span = f"{r['start'] or '…'} – {r['end'] or 'now'}"
                        click.echo(f"  {r['code']:<10} {span:<25} {r['title']} ({r['office']})")
                elif value not in (None, [], ""):
                    click.echo(f"{key}: {_plain(value)}")
        return
    if not rows:
        click.echo("Nothing found.")
        return
    widths = {c: min(max(len(c), *(len(_cell(r.get(c))) for r in rows)), 48) for c in columns}
    click.echo("  ".join(c.ljust(widths[c]) for c in columns).rstrip())
    for row in rows:
        click.echo("  ".join(_cell(row.get(c))[: widths[c]].ljust(widths[c]) for c in columns).rstrip())


# -- commands ----------------------------------------------------------------------------


@actors.command("resolve")
@click.argument("name")
@click.option("--date", "date_text", help="The date (YYYY-MM-DD) whose code to give; default: today's roles.")
@click.option("--country", help="ISO3 code of the country the context names (picks among namesakes).")
@format_option(records="actor")
@config_option(_CONFIG_HELP)
def resolve_command(
    name: str, date_text: str | None, country: str | None, fmt: str, config_path: str | None
) -> None:
    """Resolve NAME to its identity and the code valid on --date, and say why."""
    day = date_value(date_text, "--date")
    with errors_to_exit():
        record = resolve_name(_kb(config_path), name, day=day, country=country.upper() if country else None)
    _emit([record], fmt, ("*",))
    if not record["found"]:
        sys.exit(1)


@actors.command("show")
@click.argument("ident", metavar="ID")
@click.option("--date", "date_text", help="Give the code valid on this date (YYYY-MM-DD).")
@format_option(records="actor")
@config_option(_CONFIG_HELP)
def show_command(ident: str, date_text: str | None, fmt: str, config_path: str | None) -> None:
    """Show one entry: person:ID, org:ID, country:ISO3, sector:TERM, or a bare id."""
    day = date_value(date_text, "--date")
    with errors_to_exit():
        record = show_record(_kb(config_path), ident, day=day)
    if record is None:
        click.echo(
            f"error: no actor with id {ident!r}; try `khaldun actors search` to find its id "
            "(forms: person:ID, org:ID, country:ISO3, sector:TERM)",
            err=True,
        )
        sys.exit(1)
    _emit([record], fmt, ("*",))


@actors.command("search")
@click.argument("text")
@click.option("--limit", type=int, default=10, show_default=True, help="How many entries to list.")
@format_option(records="actor")
@config_option(_CONFIG_HELP)
def search_command(text: str, limit: int, fmt: str, config_path: str | None) -> None:
    """List the people, organisations, countries and sector words whose names look like TEXT."""
    with errors_to_exit():
        found = search_entries(_kb(config_path), text, limit=limit)
    columns = ("score", "id", "kind", "name", "code")
    if not found:
        # An empty list would read as "searched, nothing there" in a pipe: say it, and fail.
        click.echo(
            f"error: no match: no entry's name looks like {text!r} (similarity {SEARCH_CUTOFF:.0f} or more); "
            "try another spelling or part of the name",
            err=True,
        )
        if fmt != "table":
            _emit([], fmt, columns)
        sys.exit(1)
    _emit([{k: r.get(k) for k in columns} for r in found], fmt, columns)


@dataclass
class UnknownTally:
    """Unknown actor names counted over a corpus."""

    mentions: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    codes: dict[str, Counter[str]] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def rows(self, top: int) -> list[dict[str, Any]]:
        return [
            {
                "name": name,
                "mentions": count,
                "documents": self.documents[name],
                "code": self.codes[name].most_common(1)[0][0],
                "example": self.examples[name],
            }
            for name, count in sorted(self.mentions.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ]


def count_unknown(
    docs: Iterable[Any],
    *,
    config_path: str | None = None,
    pipeline: Any = None,
    progress: Progress | None = None,
) -> tuple[UnknownTally, int]:
    """Parse and resolve documents; count mentions whose actor the knowledge base does not know.

    ``pipeline`` (a :class:`khaldun.Pipeline`) is built from the config when not given; ``progress``
    counts each document done.
    """
    from khaldun.coding.pipeline import Pipeline
    from khaldun.coding.resolve import DocumentResolver

    pipeline = pipeline or Pipeline(load_config(config_path))
    tally, failures = UnknownTally(), 0
    good = []
    for doc in docs:
        if isinstance(doc, InputError):
            if progress:
                progress.write(f"error: {doc}")
            else:
                click.echo(f"error: {doc}", err=True)
            failures += 1
        else:
            good.append(doc)
    parses = pipeline.nlp.parse_many((d.text for d in good), batch_size=pipeline.config.batch_size)
    for doc, parsed in zip(good, parses, strict=True):
        resolver = DocumentResolver(pipeline.knowledge, parsed, doc.published)
        seen: set[str] = set()
        for sent in parsed.sentences:
            for mentions in resolver.resolve_sentence(sent.index).values():
                for mention in mentions:
                    if mention.actor.known or not any(c.isalpha() for c in mention.actor.name):
                        continue
                    name = mention.actor.name
                    tally.mentions[name] += 1
                    tally.codes.setdefault(name, Counter())[mention.actor.code] += 1
                    tally.examples.setdefault(name, sent.text.strip())
                    if name not in seen:
                        seen.add(name)
                        tally.documents[name] += 1
        if progress:
            progress.done(doc.id, 0)
    return tally, failures


def _read_docs(file: str, published: dt.date | None) -> Iterator[Any]:
    from khaldun.corpus.readers import read_jsonl_documents, read_text_document

    stdin = sys.stdin.buffer
    if file.endswith((".jsonl", ".ndjson")):
        yield from read_jsonl_documents(file, default_published=published, stdin=stdin)
    else:
        try:
            yield read_text_document(
                file, max_chars=load_config().max_document_chars, published=published, stdin=stdin
            )
        except InputError as exc:
            yield exc


@actors.command("unknown")
@click.argument("file")
@click.option("--top", type=int, default=20, show_default=True, help="How many names to list.")
@click.option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
@format_option(records="actor")
@progress_option()
@config_option(_CONFIG_HELP)
def unknown_command(
    file: str, top: int, published: str | None, fmt: str, show_progress: bool | None, config_path: str | None
) -> None:
    """List the most frequent actor names in FILE that the knowledge base does not know.

    FILE is a text file, - for stdin, or a JSON Lines file (.jsonl) of documents.
    """
    day = date_value(published, "--published")
    progress = Progress(label="parsed", total_bytes=input_size(file), enabled=show_progress, events=False)
    progress.on_file(file, input_size(file))
    with errors_to_exit():
        tally, failures = count_unknown(
            progress.read(_read_docs(file, day)), config_path=config_path, progress=progress
        )
        progress.close()
    _emit(tally.rows(top), fmt, ("mentions", "documents", "name", "code", "example"))
    if failures:
        sys.exit(1)


commands = [actors]
