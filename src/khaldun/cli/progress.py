"""Progress on stderr for long runs, drawn by tqdm: bytes (or documents) done, rate, time left.

Position is measured in bytes of input (in documents when only their number
is known). The readers say when a file is opened (``on_file``) but not how far
into it they are, so the bytes of a file are shared among its documents: in a
JSON Lines file each line gets the file's mean (its lines are counted when it
is opened, a quick read), elsewhere each document its own size as a JSON line
(:func:`document_bytes`: a CSV row, say); shares are held to the file's size,
and what they missed is given to the file's last document, so every file
counts exactly its size once its documents are done. A document counts when it
is *done* (coded), not when read: ingest reads a whole batch before coding it,
and the position and time left must follow the coding.

On a terminal the line is redrawn at most once a second; elsewhere (a pipe,
a log) nothing is written unless asked (``--progress``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import click
from tqdm import tqdm

from khaldun.model import Document


def progress_option() -> Callable[[Any], Any]:
    """``--progress/--no-progress``: default, progress only when stderr is a terminal."""
    return click.option(
        "--progress/--no-progress",
        "show_progress",
        default=None,
        help="Show progress on stderr even when it is not a terminal (e.g. into a log), or never. "
        "Default: only on a terminal.",
    )


def input_size(path: str | None) -> int | None:
    """Bytes of an input file; None for stdin (``-``) or a path that cannot be read."""
    if not path or path == "-":
        return None
    try:
        return Path(path).stat().st_size
    except OSError:
        return None


def json_lines(path: Any) -> int:
    """Non-blank lines of a JSON Lines file (one document each); 0 for any other file."""
    if Path(str(path)).suffix.lower() not in (".jsonl", ".ndjson"):
        return 0
    try:
        with open(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except OSError:
        return 0  # the reader reports it


def document_bytes(doc: Document) -> int:
    """About the bytes the document took in its input: its fields as a JSON line."""
    fields = {"id": doc.id, "text": doc.text, "title": doc.title, "source": doc.source, "url": doc.url}
    line = json.dumps({k: v for k, v in fields.items() if v}, ensure_ascii=False)
    return len(line.encode("utf-8")) + len('"published": "2000-01-01", \n') * (doc.published is not None)


class Progress:
    """One tqdm line: bytes of ``total_bytes`` (or documents of ``total``) done, with documents and
    events after it.

    Feed it the input through :meth:`read` (and ``on_file`` from the reader);
    call :meth:`done` as each document is coded, or :meth:`sync` with running
    totals kept by the caller; :meth:`close` at the end. ``enabled`` None:
    only when ``file`` (stderr) is a terminal.
    """

    def __init__(
        self,
        *,
        label: str = "coded",
        total_bytes: int | None = None,
        total: int | None = None,
        enabled: bool | None = None,
        file: IO[str] | None = None,
        events: bool = True,
    ) -> None:
        self.out = out = file if file is not None else sys.stderr
        self.enabled = out.isatty() if enabled is None else enabled
        self.in_bytes = total is None  # documents only when counted against a total of documents
        self.bar = tqdm(
            total=total_bytes if self.in_bytes else total,
            desc=label,
            unit="B" if self.in_bytes else " docs",
            unit_scale=self.in_bytes,
            unit_divisor=1024,
            file=out,
            disable=not self.enabled,
            mininterval=1.0,  # at most one redraw a second
            smoothing=0.1,  # time left from the rate of the last minute or so, not of the last batch
            dynamic_ncols=True,
        )
        self.docs = self.events = 0
        self.show_events = events  # False: a run that codes no events (actors unknown)
        self.detail = ""
        self.pending: dict[str, int] = {}  # bytes of documents read and not yet done, by id
        self.file_left: int | None = None  # bytes of the file being read not yet given to a document
        self.per_line: int | None = None  # its mean bytes a line, for a JSON Lines file
        self.last_id: str | None = None  # the last document read from that file

    # -- input -------------------------------------------------------------------------

    def on_file(self, path: Any, size: int | None) -> None:
        """The reader opens a file of ``size`` bytes (for ``read_corpus(on_file=...)``); a size of
        0 or None (a URL, stdin) is unknown: its documents count their estimates."""
        self._end_file()
        self.file_left = size or None
        lines = json_lines(path) if size and self.enabled and self.in_bytes else 0
        self.per_line = round(size / lines) if size and lines else None

    def read(self, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` unchanged, each document's share of its file's bytes noted as it passes."""
        for item in items:
            if isinstance(item, Document):
                share = self.per_line or document_bytes(item)
                if self.file_left is not None:
                    share = min(share, self.file_left)
                    self.file_left -= share
                self.pending[item.id] = self.pending.get(item.id, 0) + share
                self.last_id = item.id
            yield item

    def _end_file(self) -> None:
        # What the estimates of a file's documents missed goes to its last document still pending.
        left = self.file_left or 0
        if self.last_id is not None and self.last_id in self.pending:
            self.pending[self.last_id] += left
        elif self.in_bytes:
            self.bar.update(left)
        self.file_left, self.per_line, self.last_id = None, None, None

    # -- output ------------------------------------------------------------------------

    def done(self, doc_id: str, events: int) -> None:
        """Document ``doc_id`` is coded, with ``events`` events."""
        self.docs += 1
        self.events += events
        self._postfix()
        self.bar.update(self.pending.pop(doc_id, 0) if self.in_bytes else 1)

    def sync(self, docs: int, events: int, *, detail: str = "") -> None:
        """Running totals kept by the caller, every document read so far done (an ingest batch);
        ``detail`` is shown after the document count, e.g. ``" (8 coded, 2 duplicates)"``."""
        self.docs, self.events, self.detail = docs, events, detail
        self._postfix()
        self.bar.update(sum(self.pending.values()) if self.in_bytes else docs - self.bar.n)
        self.pending.clear()

    def watch(self, pipeline: Any) -> Any:
        """``pipeline`` with each document its ``pipe`` codes counted done as it comes out."""
        return _Watched(pipeline, self)

    def write(self, message: str) -> None:
        """A message on stderr that does not break the progress line."""
        if self.enabled:
            tqdm.write(message, file=self.out)
        else:
            click.echo(message, err=True)

    def close(self) -> None:
        """The input is all read and done: the line ends at its total, with the final counts."""
        self._end_file()
        self.sync(self.docs, self.events, detail=self.detail)
        if self.bar.total is not None and self.bar.n < self.bar.total and self.in_bytes:
            self.bar.update(self.bar.total - self.bar.n)
        self.bar.close()

    def _postfix(self) -> None:
        events = f", {self.events:,} events" if self.show_events else ""
        self.bar.set_postfix_str(f"{self.docs:,} documents{self.detail}{events}", refresh=False)


class _Watched:
    """A pipeline whose coded documents are counted done by a :class:`Progress` as they come out."""

    def __init__(self, pipeline: Any, progress: Progress) -> None:
        self._pipeline, self._progress = pipeline, progress

    def pipe(self, docs: Iterable[Document], **kwargs: Any) -> Iterator[Any]:
        for result in self._pipeline.pipe(docs, **kwargs):
            if hasattr(result, "document"):  # an InputError is counted at the next sync
                self._progress.done(result.document.id, len(result.events))
            yield result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pipeline, name)
