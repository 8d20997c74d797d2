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
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice

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
        batch = _ingest_chunk(chunk, store, pipeline, workers, options, report, on_error)
        store.write_batch(batch)
        if on_batch:
            on_batch(report)
    return report


def _dated(doc: Document, default: dt.date | None) -> tuple[Document, str]:
    if doc.published is not None:
        return doc, "input"
    if default is not None:
        return replace(doc, published=default), "default"
    return doc, "missing"


class _Deduper:
    """Decides, for a chunk, which documents are duplicates of stored or earlier ones."""

    def __init__(self, store: Store, fingerprints: dict[str, Fingerprint], threshold: float) -> None:
        self.threshold = threshold
        self.fps = fingerprints
        self.by_hash = store.canonical_by_text_hash([fp.text_hash for fp in fingerprints.values()])
        self.bands: dict[tuple[int, int], list[str]] = {}
        hashes = [h for fp in fingerprints.values() for h in fp.bands]
        for band, value, doc_id in store.band_matches(hashes):
            self.bands.setdefault((band, value), []).append(doc_id)
        stored = store.signatures(sorted({d for ids in self.bands.values() for d in ids}))
        self.sigs = {d: signature_from_bytes(blob) for d, (blob, _) in stored.items()}
        self.canonical = {d: dup or d for d, (_, dup) in stored.items()}

    def check(self, doc_id: str) -> tuple[str, float] | None:
        """``(canonical id, similarity)`` when the document repeats another; else remember it."""
        fp = self.fps[doc_id]
        if fp.text_hash in self.by_hash:
            return self.by_hash[fp.text_hash], 1.0
        best: tuple[str, float] | None = None
        for band, value in enumerate(fp.bands):
            for other in self.bands.get((band, value), ()):
                sim = similarity(fp.signature, self.sigs[other])
                if sim >= self.threshold and (best is None or sim > best[1]):
                    best = (self.canonical.get(other, other), sim)
        if best:
            return best
        self.by_hash[fp.text_hash] = doc_id
        for band, value in enumerate(fp.bands):
            self.bands.setdefault((band, value), []).append(doc_id)
        self.sigs[doc_id] = fp.signature
        self.canonical[doc_id] = doc_id
        return None


def _ingest_chunk(
    chunk: list[Document],
    store: Store,
    pipeline: Pipeline,
    workers: int,
    options: IngestOptions,
    report: IngestReport,
    on_error: Callable[[InputError], None] | None,
) -> Batch:
    existing = store.existing_documents([d.id for d in chunk])
    fresh: dict[str, Document] = {}
    for doc in chunk:
        if doc.id in existing or doc.id in fresh:
            report.existing += 1
        else:
            fresh[doc.id] = doc
    fps = {doc_id: Fingerprint.of(doc.text) for doc_id, doc in fresh.items()}
    deduper = _Deduper(store, fps, options.near_threshold)
    batch = Batch()
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    to_code: list[tuple[Document, str]] = []
    for doc_id, doc in fresh.items():
        dated, status = _dated(doc, options.default_published)
        match = deduper.check(doc_id)
        if match is None:
            to_code.append((dated, status))
            continue
        report.duplicates += 1
        report.undated += status == "missing"
        batch.documents.append(_doc_row(dated, status, fps[doc_id], now, "duplicate", match, 0))
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
    batch.documents.append(_doc_row(doc, status, fp, now, "coded", None, len(rows)))
    batch.bands.extend((band, value, doc.id) for band, value in enumerate(fp.bands))
    batch.events.extend(rows.values())


def _doc_row(
    doc: Document,
    date_status: str,
    fp: Fingerprint,
    now: dt.datetime,
    status: str,
    duplicate: tuple[str, float] | None,
    n_events: int,
) -> tuple[object, ...]:
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
