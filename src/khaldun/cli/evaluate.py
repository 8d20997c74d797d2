"""``khaldun evaluate``: score the coder against gold data."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import click

from khaldun.cli.options import config_option, errors_to_exit, format_option, workers_option
from khaldun.cli.progress import Progress, progress_option
from khaldun.config import load_config
from khaldun.errors import InputError
from khaldun.model import Document


@click.command()
@click.argument("gold", nargs=-1, required=True)
@click.option(
    "--events",
    "events_path",
    type=click.Path(dir_okay=False),
    help="Score these coded events (JSONL) instead of coding the gold texts.",
)
@click.option(
    "--split",
    type=click.Choice(["fit", "check", "all"]),
    default="all",
    show_default=True,
    help="Part of each dev set: fit (~60%, read it to write rules), check (~40%, judge changes on it).",
)
@click.option(
    "--records",
    "records_path",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write each scored record with its gold and coded events (JSON Lines), to study errors.",
)
@format_option(records="row of a set and level", choices=("table", "json", "jsonl", "csv"))
@workers_option(default=1)
@progress_option()
@config_option()
def evaluate(
    gold: tuple[str, ...],
    events_path: str | None,
    split: str,
    records_path: str | None,
    fmt: str,
    workers: int,
    show_progress: bool | None,
    config_path: str | None,
) -> None:
    """Score the coder against gold data.

    GOLD is a seed gold.json, a dev.jsonl, a dataset folder, or a folder of them.
    """
    from khaldun import evaluation as ev

    with errors_to_exit():
        sets = [ev.select_split(g, split) for path in gold for g in ev.load_golds(Path(path))]
        predictions = _load_events(events_path, sets) if events_path else None
        reports = []
        out = open(records_path, "w", encoding="utf-8") if records_path else None  # noqa: SIM115
        for gold_set in sets:
            preds = (
                predictions
                if predictions is not None
                else _code_gold(gold_set, workers, config_path, show_progress)
            )
            reports.append(ev.score(gold_set, preds))
            if out is not None:
                _write_records(out, gold_set, preds)
        if out is not None:
            out.close()
    if fmt == "json":
        click.echo(json.dumps([ev.report_to_dict(r) for r in reports], indent=2, ensure_ascii=False))
    elif fmt in ("jsonl", "csv"):
        _write_level_rows(reports, fmt)
    else:
        click.echo(ev.format_report(reports))


def _load_events(events_path: str, sets: list[Any]) -> list[dict[str, Any]]:
    """The events of ``--events``; an error when none is for a scored record, a warning when there
    are none at all (every gold event is then missed, which may be the coder's true answer)."""
    from khaldun import evaluation as ev
    from khaldun.evaluation.predictions import check_predictions_match

    predictions = ev.load_predictions(Path(events_path))
    ids = (r.id for gold_set in sets for r in gold_set.scored_records)
    check_predictions_match(predictions, ids, source=events_path)
    if not predictions:
        click.echo(f"warning: {events_path} holds no events; every gold event counts as missed", err=True)
    return predictions


LEVEL_COLUMNS = (
    "set",
    "kind",
    "scheme",
    "level",
    "gold",
    "predicted",
    "matched",
    "matched_predicted",
    "precision",
    "recall",
    "f1",
    "f1_low",
    "f1_high",
    "records",
    "skipped",
    "predictions",
    "ignored_predictions",
)


def _level_rows(reports: list[Any]) -> list[dict[str, Any]]:
    """One row per gold set and level, with the set's counts repeated on each."""
    return [
        {
            "set": r.name,
            "kind": r.kind,
            "scheme": r.scheme,
            **vars(s),
            "records": r.records,
            "skipped": r.skipped,
            "predictions": r.predictions,
            "ignored_predictions": r.ignored_predictions,
        }
        for r in reports
        for s in r.levels
    ]


def _write_level_rows(reports: list[Any], fmt: str) -> None:
    rows = _level_rows(reports)
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=LEVEL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def _write_records(out: Any, gold_set: Any, preds: list[dict[str, Any]]) -> None:
    """One line per scored record: its text, gold events and coded events (code, dyad, rule, trigger)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        by_doc.setdefault(str(p.get("doc_id")), []).append(p)
    for record in gold_set.scored_records:
        coded = [
            {
                "source": (p.get("source") or {}).get("code"),
                "target": (p.get("target") or {}).get("code"),
                "cameo": p.get("cameo"),
                "cameo_standard": p.get("cameo_standard"),
                "plover_standard": p.get("plover_standard"),
                "modality": p.get("modality"),
                "rule": p.get("rule"),
                "trigger": ((p.get("evidence") or {}).get("trigger") or {}).get("text"),
            }
            for p in by_doc.get(record.id, [])
        ]
        gold_events = [
            {"source": e.source, "target": e.target, "code": e.code, "plover": e.plover}
            for e in record.events
        ]
        line = {
            "set": gold_set.name,
            "id": record.id,
            "text": record.text,
            "gold": gold_events,
            "coded": coded,
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def _code_gold(
    gold_set: Any, workers: int, config_path: str | None, show_progress: bool | None
) -> list[dict[str, Any]]:
    from khaldun.coding.pipeline import Pipeline
    from khaldun.evaluation import documents_of

    docs = [Document(text=text, id=doc_id, published=day) for doc_id, text, day in documents_of(gold_set)]
    progress = Progress(label=gold_set.name, total=len(docs), enabled=show_progress)
    events: list[dict[str, Any]] = []
    for coded in Pipeline(load_config(config_path)).pipe(docs, n_process=workers):
        if isinstance(coded, InputError):
            continue
        progress.done(coded.document.id, len(coded.events))
        events.extend(e.to_dict() for e in coded.events)
    progress.close()
    return events


commands = [evaluate]
