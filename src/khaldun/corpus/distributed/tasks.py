"""What runs on the Dask workers: the coder plugin and the tasks of one partition.

The coder (spaCy model and knowledge) is loaded once per worker process by a
worker plugin (:class:`CoderPlugin`) as the worker joins, never per task; a
worker that joins later (one restarted after a crash) loads it as it joins.

Ingest runs three tasks a partition:

1. :func:`~khaldun.corpus.distributed.ranges.read_partition` reads its
   documents (the result stays on the worker);
2. :func:`scan_partition` returns their ids and MinHash fingerprints (a few
   hundred bytes a document) to the client, which decides, in input order
   and against the store and the partitions decided before, which are new,
   which repeat another article, and which are stored already;
3. :func:`code_partition` codes the new ones on the worker that read them and
   returns the partition's rows (a :class:`~khaldun.store.base.Batch`), or
   writes them as Parquet part files and returns their names.

``khaldun code --input`` runs one, :func:`code_documents`: read and code.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from distributed import get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from khaldun import __version__
from khaldun.corpus.dedup import Fingerprint
from khaldun.corpus.distributed.cluster import ClusterError
from khaldun.corpus.distributed.parquet import write_parts
from khaldun.corpus.distributed.partitions import Partition
from khaldun.corpus.distributed.ranges import Item, ToDocument, read_jsonl_range
from khaldun.corpus.ingest import IngestReport, Verdict, coded_batch
from khaldun.corpus.readers import read_jsonl_documents
from khaldun.errors import InputError
from khaldun.model import Document
from khaldun.store.base import Batch

if TYPE_CHECKING:
    from khaldun.coding.pipeline import CodedDocument, Pipeline


class CoderPlugin(WorkerPlugin):
    """Loads the coder once in each worker process.

    ``factory`` builds the pipeline (``functools.partial(Pipeline, config)``);
    it travels to the workers pickled.
    """

    def __init__(self, name: str, factory: Callable[[], Pipeline]) -> None:
        self.name = name
        self.factory = factory
        self.pipeline: Pipeline | None = None
        self.loads = 0  # pipelines built in this process: 1 (a test checks it)
        self.lock: threading.Lock | None = None

    def setup(self, worker: Any) -> None:
        self.lock = threading.Lock()  # a worker with several threads codes one partition at a time
        self.pipeline = self.factory()
        self.pipeline.nlp  # noqa: B018 - load the model now, not in the first task
        self.loads += 1

    def teardown(self, worker: Any) -> None:
        if self.pipeline is not None:
            self.pipeline.close()
        self.pipeline = None


def worker_coder(name: str) -> tuple[Pipeline, threading.Lock]:
    """The pipeline (and its lock) the plugin ``name`` loaded in this worker process."""
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, CoderPlugin) or plugin.pipeline is None or plugin.lock is None:
        raise ClusterError(f"the coder {name} is not loaded in the Dask worker at {socket.gethostname()}")
    return plugin.pipeline, plugin.lock


def worker_facts(name: str, dask_worker: Any = None) -> dict[str, Any]:
    """What the client checks and the benchmark reports of one worker process (``client.run``
    passes the worker as ``dask_worker``)."""
    import resource

    import psutil

    plugin = (dask_worker or get_worker()).plugins.get(name)
    return {
        "khaldun": __version__,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "rss": psutil.Process().memory_info().rss,
        "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,  # KiB on Linux
        "loads": getattr(plugin, "loads", 0),
    }


# -- ingest -------------------------------------------------------------------------


@dataclass
class PartitionScan:
    """What the client needs to decide a partition: its documents' ids and fingerprints, its errors."""

    index: int
    ids: list[str]  # every document, in order (an id may repeat)
    fingerprints: dict[str, Fingerprint]  # of the first document with each id
    errors: list[InputError]

    @property
    def documents(self) -> int:
        return len(self.ids)


def scan_partition(index: int, items: list[Item]) -> PartitionScan:
    scan = PartitionScan(index, [], {}, [])
    for item in items:
        if isinstance(item, InputError):
            scan.errors.append(item)
            continue
        scan.ids.append(item.id)
        if item.id not in scan.fingerprints:
            scan.fingerprints[item.id] = Fingerprint.of(item.text)
    return scan


@dataclass
class PartitionResult:
    """A partition coded: its rows (or the Parquet files holding them), counts and coding errors."""

    index: int
    report: IngestReport = field(default_factory=IngestReport)
    batch: Batch | None = None
    parts: dict[str, str] | None = None  # table -> Parquet file, when written as files
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0  # coding time on the worker


@dataclass(frozen=True)
class CodingJob:
    """How the partitions of one ingest are coded (the same for every partition)."""

    coder: str  # the plugin's name
    default: dt.date | None  # default_published
    parquet_dir: str | None = None


def code_partition(
    index: int, items: list[Item], scan: PartitionScan, verdicts: dict[str, Verdict], job: CodingJob
) -> PartitionResult:
    """Code the fresh documents of a partition (``verdicts`` by id, in order) into its rows."""
    started = time.perf_counter()
    fresh: dict[str, Document] = {}
    for item in items:
        if isinstance(item, Document) and item.id in verdicts and item.id not in fresh:
            fresh[item.id] = item
    result = PartitionResult(index)
    pipeline, lock = worker_coder(job.coder)
    with lock:
        batch = coded_batch(
            fresh,
            scan.fingerprints,
            verdicts,
            pipeline,
            workers=1,
            default=job.default,
            report=result.report,
            on_error=result.errors.append,
        )
    if job.parquet_dir is None:
        result.batch = batch
    else:
        result.parts = write_parts(batch, job.parquet_dir, index)
    result.seconds = time.perf_counter() - started
    return result


# -- khaldun code --input -----------------------------------------------------------


def code_documents(
    partition: Partition, coder: str, default: dt.date | None
) -> list[CodedDocument | InputError]:
    """Read and code one partition of a JSON Lines batch: each line's coded document or error, in order."""
    items: list[Item] = []
    to_document: ToDocument = _batch_document(default)
    for segment in partition.segments:
        if segment.whole:
            items.extend(read_jsonl_documents(segment.path, default_published=default))
        else:
            items.extend(read_jsonl_range(segment, to_document))
    pipeline, lock = worker_coder(coder)
    docs = [item for item in items if isinstance(item, Document)]
    with lock:
        coded = iter(list(pipeline.pipe(docs)))
    return [item if isinstance(item, InputError) else next(coded) for item in items]


def _batch_document(default: dt.date | None) -> ToDocument:
    from khaldun.corpus.readers.text import document_from_record

    def to_document(record: Any, where: str) -> Document:
        return document_from_record(record, where, default_published=default)

    return to_document
