"""Progress on stderr for long runs: documents, events, rate and time left."""

from __future__ import annotations

import time

import click


class Progress:
    """Progress on stderr for long runs: documents, events, rate, time left."""

    def __init__(self, *, total: int | None = None, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.start = self.last = time.monotonic()
        self.docs = self.events = 0

    def update(self, events: int) -> None:
        self.docs += 1
        self.events += events
        now = time.monotonic()
        if self.enabled and now - self.last >= 1.0:
            self.last = now
            click.echo("\r" + self._line(now), err=True, nl=False)

    def _line(self, now: float) -> str:
        rate = self.docs / max(now - self.start, 1e-9)
        left = ""
        if self.total and rate > 0:
            left = f", about {max(self.total - self.docs, 0) / rate:.0f} s left"
        of = f"/{self.total}" if self.total else ""
        return f"coded {self.docs}{of} documents, {self.events} events, {rate:.1f} docs/s{left}   "

    def close(self) -> None:
        if self.enabled and self.docs:
            click.echo("\r" + self._line(time.monotonic()), err=True)
