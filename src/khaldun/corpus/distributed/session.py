"""One run on a cluster from paths to results: connect, plan the partitions, run.

What the ``ingest`` and ``code`` commands call with ``--scheduler``: they
connect first (:func:`cluster_client`: a bad address, a missing Dask or an
unreachable scheduler is an error before any store is opened), then run; they
only add progress and messages (``on_start`` gives them the plan and the
dashboard's address before any work is done).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from khaldun.corpus.distributed.cluster import ClusterError, open_client, parse_scheduler, require_dask
from khaldun.corpus.distributed.partitions import DEFAULT_PARTITION_BYTES, Partition, Plan, plan_partitions
from khaldun.corpus.ingest import IngestOptions
from khaldun.corpus.readers import ReadOptions
from khaldun.errors import InputError

if TYPE_CHECKING:
    from distributed import Client

    from khaldun.coding.pipeline import CodedDocument, Pipeline
    from khaldun.config import Config
    from khaldun.corpus.distributed.runner import ClusterReport
    from khaldun.store.base import Store

OnStart = Callable[[Plan, str], None]


def coder_factory(config: Config) -> Callable[[], Pipeline]:
    """What each worker calls once to build its coder."""
    from khaldun.coding.pipeline import Pipeline

    return partial(Pipeline, config)


@contextlib.contextmanager
def cluster_client(scheduler: str) -> Iterator[Client]:
    """A client of the cluster at ``scheduler`` (``tcp://HOST:PORT`` or ``local:N``, started here)."""
    address = parse_scheduler(scheduler)
    require_dask()
    with open_client(address) as client:
        yield client


def _remote(client: Client) -> bool:
    """Workers on other machines, whose working folder is not ours: inputs go by absolute path."""
    return getattr(client, "cluster", None) is None


def cluster_ingest(
    paths: list[str],
    store: Store,
    client: Client,
    config: Config,
    *,
    read_options: ReadOptions,
    fmt: str = "auto",
    options: IngestOptions | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    parquet_dir: str | None = None,
    factory: Callable[[], Pipeline] | None = None,
    on_start: OnStart | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_partition: Callable[[ClusterReport, Partition], None] | None = None,
) -> ClusterReport:
    """Ingest ``paths`` into ``store`` on the cluster of ``client`` (see :func:`cluster_client`)."""
    from khaldun.corpus.distributed.runner import ClusterOptions, ingest_on_cluster

    plan = plan_partitions(paths, read_options, fmt=fmt, target=partition_bytes, absolute=_remote(client))
    if on_start:
        on_start(plan, client.dashboard_link or "")
    return ingest_on_cluster(
        plan,
        store,
        client,
        factory or coder_factory(config),
        read_options=read_options,
        options=options,
        cluster=ClusterOptions(parquet_dir=parquet_dir),
        on_error=on_error,
        on_partition=on_partition,
    )


def cluster_code(
    path: str,
    client: Client,
    config: Config,
    *,
    default: dt.date | None = None,
    partition_bytes: int = DEFAULT_PARTITION_BYTES,
    factory: Callable[[], Pipeline] | None = None,
    on_start: OnStart | None = None,
    on_partition: Callable[[Partition], None] | None = None,
) -> Iterator[CodedDocument | InputError]:
    """Code the JSON Lines batch at ``path`` on the cluster of ``client``: each line's result, in order."""
    if path == "-":
        raise ClusterError("--scheduler codes a JSON Lines file the workers can read, not stdin: give a path")
    from khaldun.corpus.distributed.runner import code_on_cluster

    options = ReadOptions(max_chars=config.max_document_chars)
    plan = plan_partitions([path], options, fmt="jsonl", target=partition_bytes, absolute=_remote(client))
    if on_start:
        on_start(plan, client.dashboard_link or "")
    yield from code_on_cluster(
        plan, client, factory or coder_factory(config), default=default, on_partition=on_partition
    )
