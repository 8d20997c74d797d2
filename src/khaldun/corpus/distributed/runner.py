"""The client side of a run: partitions out to the workers, decisions and rows back in input order.

One loop in the client drives the run (:class:`_IngestRun`):

- a window of partitions is read ahead (read and scan tasks), a few per
  worker thread, so memory stays bounded on any corpus;
- scans are **decided** strictly in partition order: the ids the store has,
  or a partition before holds, are ``existing``; the rest are checked for
  duplicates with the same :class:`~khaldun.corpus.ingest.DuplicateFinder`
  as the plain ingest, against the store *and* a
  :class:`~khaldun.corpus.ingest.DedupMemory` of the partitions decided and
  not yet written, so MinHash bands are global: an article repeated in
  another partition is linked, never coded twice;
- coded partitions are **written** strictly in partition order, each in one
  transaction, by this one writer (with ``--parquet``, the workers write the
  rows as part files and the writer loads them, a group of partitions in one
  transaction). The store is therefore always the result
  of a prefix of the input, as with the plain ingest: a run stopped at any
  point (client, scheduler or machine gone) is finished by running the same
  command again, which skips what is stored. A worker that dies takes its
  tasks with it; Dask runs them again elsewhere, and since each partition is
  written once, by key, nothing is lost or written twice.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from distributed import as_completed

from khaldun.corpus.distributed.cluster import ClusterError
from khaldun.corpus.distributed.parquet import load_parts
from khaldun.corpus.distributed.partitions import Partition, Plan
from khaldun.corpus.distributed.ranges import read_partition
from khaldun.corpus.distributed.tasks import (
    CoderPlugin,
    CodingJob,
    PartitionResult,
    PartitionScan,
    code_documents,
    code_partition,
    scan_partition,
    worker_facts,
)
from khaldun.corpus.ingest import DedupMemory, DuplicateFinder, IngestOptions, IngestReport, fresh_ids
from khaldun.corpus.readers import ReadOptions
from khaldun.errors import InputError

if TYPE_CHECKING:
    import datetime as dt

    from distributed import Client, Future

    from khaldun.coding.pipeline import CodedDocument, Pipeline
    from khaldun.store.base import Store


@dataclass
class ClusterReport(IngestReport):
    """An ingest's counts, with what the run on the cluster measured."""

    partitions: int = 0
    done: int = 0  # documents of the partitions written
    coding_from: float = 0.0  # time.monotonic() once every worker holds the coder
    decide_seconds: float = 0.0  # the client's own work: deciding what is new and what repeats
    write_seconds: float = 0.0  # ... and writing (or loading the Parquet parts)
    worker_seconds: float = 0.0  # coding, summed over the workers' tasks
    workers: dict[str, dict[str, Any]] = field(default_factory=dict)  # worker_facts by address

    @property
    def writer_seconds(self) -> float:
        return self.decide_seconds + self.write_seconds


@dataclass(frozen=True)
class ClusterOptions:
    parquet_dir: str | None = None  # write rows as Parquet part files there and load them
    # Parquet parts are loaded in groups of this many documents: one transaction a group.
    load_every: int = 20_000
    ahead: int = 0  # partitions in flight beyond the last written; 0: 2 a worker thread, plus 2


# -- the coder on the workers -------------------------------------------------------


def start_coders(client: Client, factory: Callable[[], Pipeline]) -> tuple[str, dict[str, dict[str, Any]]]:
    """Load the coder on every worker (and on those that join later) and check their version.

    Returns the plugin's name and :func:`~khaldun.corpus.distributed.tasks.worker_facts` by worker.
    """
    from khaldun import __version__

    name = f"khaldun-coder-{uuid.uuid4().hex[:12]}"
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError:
        address = client.scheduler.address
        raise ClusterError(
            f"the Dask scheduler at {address} has no workers after 60 s: start some with "
            f"`dask worker {address} --nthreads 1`"
        ) from None
    try:
        client.register_plugin(CoderPlugin(name, factory), name=name)
        facts = client.run(worker_facts, name)
    except Exception as exc:  # noqa: BLE001 - any failure on a worker: say what, and what to check
        stop_coders(client, name)
        raise ClusterError(
            f"a Dask worker could not load the coder ({type(exc).__name__}: {exc}); every worker needs "
            f"khaldun {__version__} and the spaCy model installed"
        ) from None
    other = {addr: f["khaldun"] for addr, f in facts.items() if f["khaldun"] != __version__}
    if other:
        stop_coders(client, name)
        shown = ", ".join(f"{addr} has {version}" for addr, version in sorted(other.items()))
        raise ClusterError(f"Dask workers run another version of khaldun than this {__version__}: {shown}")
    return name, facts


def stop_coders(client: Client, name: str) -> None:
    """Unload the coder (a shared cluster goes on with other work)."""
    with contextlib.suppress(Exception):  # the cluster may be gone already: nothing is left to free
        client.unregister_worker_plugin(name)


def _threads(client: Client) -> int:
    return max(sum(client.nthreads().values()), 1)


def _lost(what: str) -> ClusterError:
    return ClusterError(
        f"lost the Dask scheduler during {what}; the store keeps every partition written so far: "
        "run the same command again to finish (it skips what is stored)"
    )


@contextlib.contextmanager
def _scheduler_kept(what: Callable[[], str]) -> Iterator[None]:
    """The errors of a scheduler gone mid-run (refused, timed out, cancelled) as one clear error."""
    try:
        yield
    except ClusterError:
        raise
    except (OSError, TimeoutError, CancelledError):
        raise _lost(what()) from None


def _failure(future: Future, what: str) -> ClusterError:
    """A task that did not finish: the scheduler was lost, or the task failed on every try."""
    if future.status == "cancelled":
        return _lost(what)
    exc = future.exception()
    return ClusterError(f"{what} failed on the cluster ({type(exc).__name__}: {exc}); run again to resume")


# -- ingest -------------------------------------------------------------------------


def ingest_on_cluster(
    plan: Plan,
    store: Store,
    client: Client,
    factory: Callable[[], Pipeline],
    *,
    read_options: ReadOptions,
    options: IngestOptions | None = None,
    cluster: ClusterOptions | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_partition: Callable[[ClusterReport, Partition], None] | None = None,
) -> ClusterReport:
    """Ingest the partitions of ``plan`` into ``store`` on the cluster of ``client``.

    Stores what :func:`khaldun.corpus.ingest.ingest` stores for the same inputs.
    ``on_partition`` is called as each partition is written.
    """
    report = ClusterReport(partitions=len(plan.partitions))
    for error in plan.errors:
        report.failed += 1
        if on_error:
            on_error(error)
    name, report.workers = start_coders(client, factory)
    report.coding_from = time.monotonic()
    try:
        run = _IngestRun(plan, store, client, report, name, read_options, options or IngestOptions())
        run.cluster = cluster or ClusterOptions()
        run.on_error, run.on_partition = on_error, on_partition
        with _scheduler_kept(lambda: f"the ingest, after {report.done} documents were written"):
            run.go()
            report.workers = client.run(worker_facts, name)  # memory after coding; loads still 1 each
    finally:
        stop_coders(client, name)
    return report


class _IngestRun:
    """The state of one ingest on a cluster: futures in flight, decided and written partitions."""

    def __init__(
        self,
        plan: Plan,
        store: Store,
        client: Client,
        report: ClusterReport,
        coder: str,
        read_options: ReadOptions,
        options: IngestOptions,
    ) -> None:
        self.plan, self.store, self.client, self.report = plan, store, client, report
        self.read_options, self.options = read_options, options
        self.cluster = ClusterOptions()
        self.on_error: Callable[[InputError], None] | None = None
        self.on_partition: Callable[[ClusterReport, Partition], None] | None = None
        self.run_id = uuid.uuid4().hex[:12]
        self.coder = coder
        self.memory = DedupMemory()  # partitions decided, not yet written
        self.reads: dict[int, tuple[Future, Future]] = {}  # read and scan futures by partition
        self.scans: dict[int, PartitionScan] = {}
        self.decided: dict[int, dict[str, Any]] = {}  # fingerprints of the fresh documents
        self.documents: dict[int, int] = {}  # documents read, by partition decided
        self.results: dict[int, PartitionResult] = {}
        self.unloaded: list[PartitionResult] = []  # Parquet parts written, not yet loaded
        self.kinds: dict[str, tuple[str, int]] = {}  # future key -> (scan|code, partition)
        self.next_read = self.next_decision = self.next_write = 0
        self.pending = as_completed()

    def go(self) -> None:
        self._top_up()
        for future in self.pending:
            kind, index = self.kinds.pop(future.key)
            if future.status in ("lost", "pending"):
                # Its result was on a worker that died: the scheduler computes it again.
                self.kinds[future.key] = (kind, index)
                self.pending.add(future)
                continue
            if future.status != "finished":
                raise _failure(future, f"{self.plan.partitions[index].describe()}")
            result = future.result()
            if kind == "scan":
                self.scans[index] = result
                self._decide_ready()
            else:
                self.results[index] = result
                self.reads.pop(index, None)
            self._write_ready()
            self._top_up()
        if self.next_write != len(self.plan.partitions):  # never: every partition is awaited
            total = len(self.plan.partitions)
            raise ClusterError(f"only {self.next_write} of {total} partitions were written")

    def _top_up(self) -> None:
        ahead = self.cluster.ahead or 2 * _threads(self.client) + 2
        while self.next_read < len(self.plan.partitions) and self.next_read - self.next_write < ahead:
            self._submit_read(self.plan.partitions[self.next_read])
            self.next_read += 1

    def _key(self, kind: str, index: int) -> str:
        key = f"khaldun-{kind}-{self.run_id}-{index}"
        self.kinds[key] = (kind, index)
        return key

    def _submit_read(self, partition: Partition) -> None:
        i = partition.index
        read = self.client.submit(
            read_partition, partition, self.read_options, key=f"khaldun-read-{self.run_id}-{i}", retries=1
        )
        scan = self.client.submit(scan_partition, i, read, key=self._key("scan", i))
        self.reads[i] = (read, scan)
        self.pending.add(scan)

    def _decide_ready(self) -> None:
        while self.next_decision in self.scans:
            started = time.perf_counter()
            index = self.next_decision
            scan = self.scans.pop(index)
            self.report.read += scan.documents
            self.documents[index] = scan.documents
            self.report.failed += len(scan.errors)
            for error in scan.errors:
                self._error(error)
            verdicts = self._verdicts(scan)
            if verdicts:
                read, scan_future = self.reads[index]
                job = CodingJob(self.coder, self.options.default_published, self.cluster.parquet_dir)
                future = self.client.submit(
                    code_partition,
                    index,
                    read,
                    scan_future,
                    verdicts,
                    job,
                    key=self._key("code", index),
                    priority=1,  # finish what is read before reading more
                )
                self.pending.add(future)
            else:  # nothing new in it: nothing to code
                self.results[index] = PartitionResult(index)
                self.reads.pop(index, None)
            self.next_decision += 1
            self.report.decide_seconds += time.perf_counter() - started

    def _verdicts(self, scan: PartitionScan) -> dict[str, Any]:
        """Which of the partition's documents are new, and which of those repeat an article."""
        fresh = fresh_ids(scan.ids, self.store, self.report, self.memory)
        fps = {doc_id: scan.fingerprints[doc_id] for doc_id in fresh}
        self.decided[scan.index] = fps
        finder = DuplicateFinder(self.store, fps, self.options.near_threshold, self.memory)
        return finder.verdicts()

    def _write_ready(self) -> None:
        """Write the partitions coded, in order: rows one partition a transaction; Parquet parts
        in groups of ``load_every`` documents, one transaction a group (the last group at the end)."""
        while self.next_write in self.results:
            result = self.results.pop(self.next_write)
            self.next_write += 1
            if result.parts is None:
                started = time.perf_counter()
                if result.batch is not None and len(result.batch):
                    self.store.write_batch(result.batch)
                self._written([result], time.perf_counter() - started)
                continue
            self.unloaded.append(result)
            pending = sum(r.report.coded + r.report.duplicates for r in self.unloaded)
            if pending >= self.cluster.load_every or self.next_write == len(self.plan.partitions):
                started = time.perf_counter()
                load_parts(self.store, [r.parts for r in self.unloaded if r.parts])
                self._written(self.unloaded, time.perf_counter() - started)
                self.unloaded = []

    def _written(self, results: list[PartitionResult], seconds: float) -> None:
        """Partitions now in the store: the store answers for their documents from here on."""
        self.report.write_seconds += seconds
        for result in results:
            self.memory.forget(self.decided.pop(result.index, {}))
            self.report.add(result.report)
            self.report.done += self.documents.pop(result.index, 0)
            self.report.worker_seconds += result.seconds
            for error in result.errors:
                self._error(error)
            if self.on_partition:
                self.on_partition(self.report, self.plan.partitions[result.index])

    def _error(self, error: InputError) -> None:
        if self.on_error:
            self.on_error(error)


# -- khaldun code --input -----------------------------------------------------------


def code_on_cluster(
    plan: Plan,
    client: Client,
    factory: Callable[[], Pipeline],
    *,
    default: dt.date | None = None,
    on_partition: Callable[[Partition], None] | None = None,
) -> Iterator[CodedDocument | InputError]:
    """Each document of the JSON Lines batch planned, coded on the cluster, or its error, in order."""
    yield from plan.errors
    name, _ = start_coders(client, factory)
    try:
        ahead = 2 * _threads(client) + 2
        futures: dict[int, Future] = {}
        for partition in plan.partitions:
            futures[partition.index] = client.submit(
                code_documents, partition, name, default, key=f"khaldun-code-{uuid.uuid4().hex}", retries=1
            )
            done = partition.index - ahead
            if done >= 0:
                yield from _collected(futures.pop(done), plan.partitions[done], on_partition)
        for index in sorted(futures):
            yield from _collected(futures.pop(index), plan.partitions[index], on_partition)
    finally:
        stop_coders(client, name)


def _collected(
    future: Future, partition: Partition, on_partition: Callable[[Partition], None] | None
) -> list[CodedDocument | InputError]:
    try:
        results = future.result()
    except (OSError, TimeoutError, CancelledError):
        raise _lost(partition.describe()) from None
    except Exception:  # noqa: BLE001 - named and explained by _failure
        raise _failure(future, partition.describe()) from None
    if on_partition:
        on_partition(partition)
    return results
