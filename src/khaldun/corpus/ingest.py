"""Ingest a corpus into a store: dedupe, code in parallel, write in resumable batches.

Documents stream in chunks (bounded memory). For each chunk:

1. documents whose id is already stored are skipped (re-ingesting adds nothing);
2. exact duplicates (same normalised text) and near-duplicates (MinHash
   Jaccard ≥ the threshold, :mod:`khaldun.corpus.dedup`) of a stored or earlier
   article are stored as ``duplicate`` rows linked to it and not coded;
3. the rest are coded with :meth:`Pipeline.pipe` on all the workers asked for;
4. documents, band hashes and events of the chunk are written in **one
   transaction**, so a run killed at any moment leaves whole chunks, and a
   restart stores the missing documents exactly once.

A document without a date takes ``default_published`` (``date_status``
``default``) or is stored with ``date_status = 'missing'`` and counted in the
report (flagged).

The steps are functions of their own so that the ingest on a Dask cluster
(:mod:`khaldun.corpus.distributed`) runs the very same ones: the client decides
what is new and what repeats another article (:func:`fresh_documents`,
:class:`DuplicateFinder`, with a :class:`DedupMemory` of the articles decided
but not yet written), a worker codes a partition into a :class:`Batch`
(:func:`coded_batch`), and the client writes it.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from itertools import islice

import numpy as np

from khaldun.coding.pipeline import CodedDocument, Pipeline
from khaldun.corpus.dedup import (
    DEFAULT_THRESHOLD,
    Fingerprint,
    signature_bytes,
    signature_from_bytes,
    similarity,
)
from khaldun.errors import InputError
from khaldun.model import Document
from khaldun.store.base import Batch, Store
from khaldun.store.rows import event_row

# What a document repeats, when it does: (the canonical article's id, estimated similarity).
Verdict = tuple[str, float] | None


@dataclass
class IngestReport:
    """Counts of one ingest run, updated as it goes (progress reads it)."""

    read: int = 0  # documents read from the input
    coded: int = 0  # new documents coded and stored
    duplicates: int = 0  # new documents stored as duplicates of another
    existing: int = 0  # documents already in the store, skipped
    failed: int = 0  # inputs or documents that could not be read or coded
    events: int = 0
    undated: int = 0  # stored documents with no date at all (flagged)
    started: float = field(default_factory=time.monotonic)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.read / max(self.seconds, 1e-9)

    def add(self, other: IngestReport) -> None:
        """Add the counts of ``other`` (a partition's, say) to these."""
        for name in ("read", "coded", "duplicates", "existing", "failed", "events", "undated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1  # -1: every core
    # Documents per transaction; 0: 64 with one worker, 256 a worker with more.
    chunk_size: int = 0
    near_threshold: float = DEFAULT_THRESHOLD
    default_published: dt.date | None = None


def ingest(
    docs: Iterable[Document | InputError],
    store: Store,
    pipeline: Pipeline,
    *,
    options: IngestOptions | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest documents into ``store``; bad inputs go to ``on_error`` and the rest go on."""
    options = options or IngestOptions()
    workers = (os.cpu_count() or 1) if options.workers == -1 else max(options.workers, 1)
    size = options.chunk_size or (64 if workers == 1 else 256 * workers)
    report = IngestReport()

    def good() -> Iterator[Document]:
        for item in docs:
            if isinstance(item, InputError):
                report.failed += 1
                if on_error:
                    on_error(item)
            else:
                report.read += 1
                yield item

    stream = good()
    while chunk := list(islice(stream, size)):
        fresh = fresh_documents(chunk, store, report)
        fps = {doc_id: Fingerprint.of(doc.text) for doc_id, doc in fresh.items()}
        verdicts = DuplicateFinder(store, fps, options.near_threshold).verdicts()
        default = options.default_published
        batch = coded_batch(
            fresh, fps, verdicts, pipeline, workers=workers, default=default, report=report, on_error=on_error
        )
        store.write_batch(batch)
        if on_batch:
            on_batch(report)
    return report


def fresh_documents(
    chunk: Iterable[Document], store: Store, report: IngestReport, pending: DedupMemory | None = None
) -> dict[str, Document]:
    """The documents of ``chunk`` to store, by id (see :func:`fresh_ids`)."""
    chunk = list(chunk)
    keep = set(fresh_ids([d.id for d in chunk], store, report, pending))
    fresh: dict[str, Document] = {}
    for doc in chunk:
        if doc.id in keep and doc.id not in fresh:  # the first document with each id
            fresh[doc.id] = doc
    return fresh


def fresh_ids(
    ids: list[str], store: Store, report: IngestReport, pending: DedupMemory | None = None
) -> list[str]:
    """The ids to store, in order: not stored yet, nor ``pending`` (decided in this run and not yet
    written), nor seen earlier in ``ids``; each of those counts as ``existing``."""
    existing = store.existing_documents(ids)
    fresh: dict[str, None] = {}
    for doc_id in ids:
        if doc_id in existing or doc_id in fresh or (pending is not None and doc_id in pending.ids):
            report.existing += 1
        else:
            fresh[doc_id] = None
    return list(fresh)


def _dated(doc: Document, default: dt.date | None) -> tuple[Document, str]:
    if doc.published is not None:
        return doc, "input"
    if default is not None:
        return replace(doc, published=default), "default"
    return doc, "missing"


@dataclass
class DedupMemory:
    """Articles decided in this run and not found in the store: those of the chunk being decided
    (plain ingest), or of every partition decided and not yet written (on a cluster)."""

    by_hash: dict[str, str] = field(default_factory=dict)  # text hash -> canonical id
    bands: dict[tuple[int, int], list[str]] = field(default_factory=dict)  # (band, hash) -> ids
    sigs: dict[str, np.ndarray] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)  # every document decided, coded or duplicate

    def remember(self, doc_id: str, fp: Fingerprint) -> None:
        """A coded (canonical) article: later ones may repeat it."""
        self.by_hash.setdefault(fp.text_hash, doc_id)
        for band, value in enumerate(fp.bands):
            self.bands.setdefault((band, value), []).append(doc_id)
        self.sigs[doc_id] = fp.signature

    def forget(self, fps: Mapping[str, Fingerprint]) -> None:
        """Documents now written: the store answers for them from here on."""
        for doc_id, fp in fps.items():
            self.ids.discard(doc_id)
            if self.sigs.pop(doc_id, None) is None:
                continue  # a duplicate: never remembered as canonical
            if self.by_hash.get(fp.text_hash) == doc_id:
                del self.by_hash[fp.text_hash]
            for band, value in enumerate(fp.bands):
                ids = self.bands.get((band, value), [])
                if doc_id in ids:
                    ids.remove(doc_id)
                if not ids:
                    self.bands.pop((band, value), None)


class DuplicateFinder:
    """Decides, for the fresh documents of a chunk, which repeat a stored or earlier article."""

    def __init__(
        self,
        store: Store,
        fingerprints: dict[str, Fingerprint],
        threshold: float,
        memory: DedupMemory | None = None,
    ) -> None:
        self.threshold = threshold
        self.fps = fingerprints
        self.memory = memory if memory is not None else DedupMemory()
        self.by_hash = store.canonical_by_text_hash([fp.text_hash for fp in fingerprints.values()])
        self.bands: dict[tuple[int, int], list[str]] = {}
        hashes = [h for fp in fingerprints.values() for h in fp.bands]
        for band, value, doc_id in store.band_matches(hashes):
            self.bands.setdefault((band, value), []).append(doc_id)
        stored = store.signatures(sorted({d for ids in self.bands.values() for d in ids}))
        self.sigs = {d: signature_from_bytes(blob) for d, (blob, _) in stored.items()}
        self.canonical = {d: dup or d for d, (_, dup) in stored.items()}

    def verdicts(self) -> dict[str, Verdict]:
        """:meth:`check` of every fresh document, in order."""
        return {doc_id: self.check(doc_id) for doc_id in self.fps}

    def check(self, doc_id: str) -> Verdict:
        """``(canonical id, similarity)`` when the document repeats another; else remember it."""
        fp = self.fps[doc_id]
        self.memory.ids.add(doc_id)
        known = self.by_hash.get(fp.text_hash) or self.memory.by_hash.get(fp.text_hash)
        if known is not None:
            return known, 1.0
        best: Verdict = None
        for band, value in enumerate(fp.bands):
            key = (band, value)
            for other in (*self.bands.get(key, ()), *self.memory.bands.get(key, ())):
                sim = similarity(fp.signature, self._signature(other))
                if sim >= self.threshold and (best is None or sim > best[1]):
                    best = (self.canonical.get(other, other), sim)
        if best:
            return best
        self.memory.remember(doc_id, fp)
        return None

    def _signature(self, doc_id: str) -> np.ndarray:
        sig = self.sigs.get(doc_id)
        return sig if sig is not None else self.memory.sigs[doc_id]


def coded_batch(
    fresh: dict[str, Document],
    fps: Mapping[str, Fingerprint],
    verdicts: Mapping[str, Verdict],
    pipeline: Pipeline,
    *,
    workers: int,
    default: dt.date | None,
    report: IngestReport,
    on_error: Callable[[InputError], None] | None = None,
) -> Batch:
    """The rows of the fresh documents: duplicates linked, the rest coded with ``pipeline`` on
    ``workers`` processes; ``default`` dates the undated (``default_published``)."""
    batch = Batch()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    to_code: list[tuple[Document, str]] = []
    for doc_id, doc in fresh.items():
        dated, status = _dated(doc, default)
        match = verdicts[doc_id]
        if match is None:
            to_code.append((dated, status))
            continue
        report.duplicates += 1
        report.undated += status == "missing"
        batch.documents.append(document_row(dated, status, fps[doc_id], now, "duplicate", match, 0))
    coded = pipeline.pipe((d for d, _ in to_code), n_process=workers)
    for (doc, status), result in zip(to_code, coded, strict=True):
        if isinstance(result, InputError):
            report.failed += 1
            if on_error:
                on_error(InputError(f"document {doc.id} ({doc.title or doc.url or 'untitled'}): {result}"))
            continue
        _add_coded(batch, doc, status, fps[doc.id], now, result)
        report.coded += 1
        report.events += len(result.events)
        report.undated += status == "missing"
    return batch


def _add_coded(
    batch: Batch, doc: Document, status: str, fp: Fingerprint, now: dt.datetime, coded: CodedDocument
) -> None:
    rows = {e.id: event_row(e.to_dict()) for e in coded.events}
    batch.documents.append(document_row(doc, status, fp, now, "coded", None, len(rows)))
    batch.bands.extend((band, value, doc.id) for band, value in enumerate(fp.bands))
    batch.events.extend(rows.values())


def document_row(
    doc: Document,
    date_status: str,
    fp: Fingerprint,
    now: dt.datetime,
    status: str,
    duplicate: Verdict,
    n_events: int,
) -> tuple[object, ...]:
    """One documents-table row (``DOCUMENT_NAMES`` order)."""
    return (
        doc.id,
        fp.text_hash,
        doc.title,
        doc.source,
        doc.url,
        doc.published,
        date_status,
        doc.language,
        len(doc.text),
        doc.text,
        signature_bytes(fp.signature),
        status,
        duplicate[0] if duplicate else None,
        round(duplicate[1], 4) if duplicate else None,
        n_events,
        now,
    )
