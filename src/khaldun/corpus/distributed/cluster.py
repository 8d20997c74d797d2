"""The Dask cluster a run uses, and the coder each of its worker processes holds.

``--scheduler`` takes ``tcp://HOST:PORT`` (a running ``dask scheduler`` with
``dask worker`` processes attached; ``tls://`` too) or ``local:N`` (a
``LocalCluster`` of N single-threaded worker processes that khaldun starts
here and stops at the end). :func:`parse_scheduler` checks the address and
:func:`open_client` connects, or says clearly why it cannot: Dask is not
installed (and which extra installs it), the scheduler does not answer, it
has no workers, or a worker runs another version of khaldun.

This module imports Dask only when a cluster is asked for, so that khaldun
runs without it; the worker side is :mod:`khaldun.corpus.distributed.tasks`.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from khaldun.errors import KhaldunError

if TYPE_CHECKING:
    from distributed import Client

INSTALL = "pip install 'khaldun[dask]'"
_TCP = re.compile(r"^(tcp|tls)://(\[[0-9a-fA-F:]+\]|[A-Za-z0-9_.-]+):(\d{1,5})$")
_LOCAL = re.compile(r"^local:(\d+)$")
CONNECT_TIMEOUT_S = 10


class ClusterError(KhaldunError):
    """The Dask cluster cannot be used: not installed, unreachable, no workers, or lost mid-run."""


@dataclass(frozen=True)
class SchedulerAddress:
    """Where to run: a scheduler's URL, or a local cluster of ``local_workers`` processes."""

    text: str
    url: str | None = None
    local_workers: int | None = None

    @property
    def local(self) -> bool:
        return self.local_workers is not None


def parse_scheduler(text: str) -> SchedulerAddress:
    """``tcp://HOST:PORT`` (or ``tls://``) or ``local:N``; a :class:`ClusterError` otherwise."""
    value = text.strip()
    if match := _LOCAL.match(value):
        workers = int(match.group(1))
        if workers < 1:
            raise ClusterError(f"--scheduler {text!r}: a local cluster needs at least one worker (local:1)")
        return SchedulerAddress(value, local_workers=workers)
    if (match := _TCP.match(value)) and 0 < int(match.group(3)) < 65536:
        return SchedulerAddress(value, url=value)
    raise ClusterError(
        f"--scheduler {text!r} is not a scheduler address: give tcp://HOST:PORT (a running "
        "`dask scheduler`, port 8786 by default) or local:N (N worker processes started here)"
    )


def require_dask() -> None:
    """Dask distributed is importable; a :class:`ClusterError` saying how to install it otherwise."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ClusterError(
            f"--scheduler needs Dask distributed, which is not installed: {INSTALL} "
            "(or pip install 'dask[distributed]' bokeh)"
        ) from None


@contextlib.contextmanager
def open_client(address: SchedulerAddress) -> Iterator[Client]:
    """A client of the cluster at ``address``; a local cluster is started here and stopped after."""
    require_dask()
    from distributed import Client, LocalCluster

    if address.local_workers is not None:
        cluster = LocalCluster(
            n_workers=address.local_workers,
            threads_per_worker=1,  # coding is CPU-bound Python: one task a process
            processes=True,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close()
            cluster.close()
        return
    try:
        client = Client(address.url, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {address.url} ({exc}); start one with `dask scheduler` "
            f"and workers with `dask worker {address.url}`, or run here with --scheduler local:N"
        ) from None
    try:
        yield client
    finally:
        with contextlib.suppress(Exception):
            client.close()


def dashboard(client: Client) -> str:
    """The Dask dashboard's address (needs bokeh on the scheduler: part of the ``dask`` extra)."""
    link = client.dashboard_link
    return link or "(no dashboard: install bokeh where the scheduler runs)"
