"""Progress on stderr for long runs: documents, events, rate and time left."""

from __future__ import annotations

import sys
import time
from typing import Any

import click


class Progress:
    """One progress line on stderr: documents, events, docs/s and time left.

    Counts come one document at a time (:meth:`update`) or as running totals
    kept by the caller (:meth:`set_counts`, e.g. from an ingest report). Time
    left is estimated from a total of documents (``total``) or of bytes
    (``total_bytes``, with :meth:`on_file` called as each file is opened).

    On a terminal the line is rewritten in place, at most every ``every``
    seconds (0: at each call), and :meth:`close` ends it. Elsewhere nothing is
    written unless ``piped_every`` is given: then a whole line at the first
    call and after that at most every ``piped_every`` seconds.
    """

    def __init__(
        self,
        *,
        enabled: bool,
        total: int | None = None,
        total_bytes: int | None = None,
        label: str = "",
        every: float = 1.0,
        piped_every: float | None = None,
    ) -> None:
        self.enabled, self.total, self.total_bytes = enabled, total, total_bytes
        self.label, self.every, self.piped_every = label, every, piped_every
        self.tty = sys.stderr.isatty()
        self.start = time.monotonic()
        self.last: float | None = None  # when a line was last written
        self.docs = self.events = 0
        self.detail = ""
        self.seconds: float | None = None  # the caller's own clock, from set_counts
        self.bytes_done = self.bytes_current = 0  # files opened before the current one; the current one

    def update(self, events: int, docs: int = 1) -> None:
        """Count ``docs`` more documents with ``events`` events."""
        self.docs += docs
        self.events += events
        self._show()

    def set_counts(self, docs: int, events: int, *, seconds: float | None = None, detail: str = "") -> None:
        """Running totals kept by the caller; ``seconds`` its time so far, ``detail`` shown after the
        document count (e.g. ``" (8 coded, 2 duplicates)"``)."""
        self.docs, self.events, self.seconds, self.detail = docs, events, seconds, detail
        self._show()

    def on_file(self, path: Any, size: int) -> None:
        """A file of ``size`` bytes is being read (for time left from ``total_bytes``)."""
        self.bytes_done += self.bytes_current
        self.bytes_current = size

    def line(self, now: float | None = None) -> str:
        """The progress line at ``now`` (default: the caller's time, else the clock)."""
        seconds = self.seconds if self.seconds is not None else (now or time.monotonic()) - self.start
        rate = self.docs / max(seconds, 1e-9)
        total, done = (
            (self.total_bytes, self.bytes_done + self.bytes_current)
            if self.total_bytes is not None
            else (self.total, self.docs)
        )
        left = ""
        if total and done and seconds > 0:
            left = f", about {seconds * max(total - done, 0) / done:.0f} s left"
        of = f"/{self.total}" if self.total else ""
        label = f"{self.label} " if self.label else ""
        return f"{label}{self.docs}{of} documents{self.detail}, {self.events} events, {rate:.1f} docs/s{left}"

    def _show(self) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if self.tty:
            if now - (self.last if self.last is not None else self.start) >= self.every:
                self.last = now
                click.echo("\r" + self.line(now) + "   ", err=True, nl=False)
        elif self.piped_every is not None and (self.last is None or now - self.last >= self.piped_every):
            self.last = now
            click.echo(self.line(now), err=True)

    def close(self) -> None:
        """End the line on a terminal, with the final counts."""
        if self.enabled and self.tty and self.docs:
            click.echo("\r" + self.line() + "   ", err=True)
