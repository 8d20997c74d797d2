"""Coding and ingest on a Dask cluster: from a ``LocalCluster`` on a laptop to many machines.

``khaldun ingest PATHS --db URL --scheduler ADDRESS`` and ``khaldun code
--input DOCS.jsonl --scheduler ADDRESS``, where ADDRESS is ``tcp://HOST:PORT``
(a running ``dask scheduler``) or ``local:N`` (N worker processes started
here). Needs the ``dask`` extra (``pip install 'khaldun[dask]'``).

Modules, in the order a run uses them:

- :mod:`~khaldun.corpus.distributed.cluster`: the address and the client;
- :mod:`~khaldun.corpus.distributed.partitions`: the inputs cut into
  partitions (files grouped; large JSON Lines and CSV files cut into byte
  ranges at record boundaries);
- :mod:`~khaldun.corpus.distributed.tasks`: on the workers, the coder plugin
  (the model and knowledge loaded once per worker process) and the tasks that
  read, fingerprint and code a partition;
- :mod:`~khaldun.corpus.distributed.runner`: the client's loop, deciding
  duplicates and writing the rows in input order through one writer;
- :mod:`~khaldun.corpus.distributed.parquet`: rows as Parquet part files,
  bulk-loaded by the store and queryable in place.

Only ``cluster`` and ``partitions`` import without Dask installed; the rest
is imported when a cluster is asked for.
"""

from __future__ import annotations

from khaldun.corpus.distributed.cluster import (
    INSTALL,
    ClusterError,
    SchedulerAddress,
    open_client,
    parse_scheduler,
    require_dask,
)
from khaldun.corpus.distributed.partitions import DEFAULT_PARTITION_BYTES, Partition, Plan, plan_partitions

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "INSTALL",
    "ClusterError",
    "Partition",
    "Plan",
    "SchedulerAddress",
    "open_client",
    "parse_scheduler",
    "plan_partitions",
    "require_dask",
]
