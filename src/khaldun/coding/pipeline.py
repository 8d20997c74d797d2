"""The pipeline: documents in, coded events out.

The stages, in order, each in its own module of this package::

    nlp (parse)        the NLP backend                        → tokens, sentences, entities
    resolve            resolve/     actors of each noun phrase → mentions by phrase head
    match              match.py, arguments.py                 → candidate events (trigger, rule, sides)
    modality           modality.py                             → did it happen, is it planned ...
    dates              dates.py                                → when
    places             places.py                               → where
    inferred sides     inferred.py                             → sides the words left open
    amounts            amounts.py                              → money figures
    event              events.py                               → codes, evidence: an Event

Every stage after matching has one contract, ``stage(kn, parsed, draft) -> draft``
(:mod:`khaldun.coding.candidate`), and declares what it needs and what it adds;
``EVENT_STAGES`` lists them in order and the order is checked when this module is
imported. A :class:`Pipeline` loads the model and the knowledge (:mod:`khaldun.knowledge`)
once; :meth:`Pipeline.pipe` streams many documents, in worker processes when asked, each
worker holding its own pipeline.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, islice
from typing import Any

from khaldun.coding.adjudicate import adjudicate
from khaldun.coding.amounts import read_amount
from khaldun.coding.candidate import Candidate, Draft
from khaldun.coding.dates import read_date
from khaldun.coding.dictionary import sentence_candidates
from khaldun.coding.events import build_event
from khaldun.coding.inferred import infer_sides
from khaldun.coding.modality import read_modality
from khaldun.coding.places import read_place
from khaldun.coding.resolve import DocumentResolver
from khaldun.coding.resolve.earlier import refer_to_earlier_events
from khaldun.config import Config, load_config
from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.knowledge import Knowledge, load_knowledge
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.knowledge.lexicon import Lexicon
from khaldun.knowledge.ontology import Ontology
from khaldun.model import ActorMention, Document, Event, Modality
from khaldun.nlp import create_nlp_backend
from khaldun.nlp.base import NLPBackend, ParsedDoc


@dataclass(frozen=True)
class Stage:
    """A stage after matching: its name, what it reads of a draft and what it fills in."""

    name: str
    run: Callable[[Knowledge, ParsedDoc, Draft], Draft]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


EVENT_STAGES: tuple[Stage, ...] = (
    Stage("modality", read_modality, ("cand",), ("modality", "modality_how", "unrealised")),
    Stage("dates", read_date, ("cand", "modality"), ("when", "date_how")),
    Stage("places", read_place, ("cand",), ("place", "place_how")),
    Stage("inferred sides", infer_sides, ("cand", "place", "unrealised"), ("cand",)),
    Stage("amounts", read_amount, ("cand",), ("amount",)),
)


def check_stage_order(stages: Iterable[Stage]) -> None:
    """Every stage's needs are met by matching (``cand``) or by a stage before it."""
    known = {"doc", "cand"}
    for stage in stages:
        missing = [name for name in stage.requires if name not in known]
        if missing:
            raise RuntimeError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage assigns"
            )
        known.update(stage.assigns)


check_stage_order(EVENT_STAGES)


@dataclass(frozen=True)
class CodedDocument:
    """One document's events, and why sentences with a trigger gave none (for --explain)."""

    document: Document
    events: tuple[Event, ...]
    notes: tuple[str, ...] = ()


class Pipeline:
    """A reusable coder: load once, code many documents."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        nlp: NLPBackend | None = None,
        knowledge: Knowledge | None = None,
        kb: KnowledgeBase | None = None,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
    ) -> None:
        """``knowledge`` is built from ``config`` unless given; ``kb``, ``lexicon`` and
        ``ontology`` replace its bundled parts (for tests and special corpora)."""
        self.config = config or load_config()
        self.knowledge = knowledge or load_knowledge(self.config, kb=kb, lexicon=lexicon, ontology=ontology)
        self._nlp = nlp
        self._pool: Any = None
        self._pool_size = 0

    @property
    def kb(self) -> KnowledgeBase:
        return self.knowledge.kb

    @property
    def ontology(self) -> Ontology:
        return self.knowledge.ontology

    @property
    def nlp(self) -> NLPBackend:
        """The NLP backend, created on first use (loading a model takes a moment)."""
        if self._nlp is None:
            self._nlp = create_nlp_backend(self.config.nlp_backend, model=self.config.nlp_model)
        return self._nlp

    # -- one document ----------------------------------------------------------

    def code(self, text: str, *, published: dt.date | str | None = None, doc_id: str = "") -> list[Event]:
        """Code one text; ``published`` anchors relative dates ("on Sunday")."""
        doc = Document(text=text, id=doc_id, published=_as_date(published))
        return list(self.code_document(doc).events)

    def code_document(self, doc: Document) -> CodedDocument:
        self.check_size(doc)
        return self.code_parsed(doc, self.nlp.parse(doc.text))

    def check_size(self, doc: Document) -> None:
        limit = self.config.max_document_chars
        if len(doc.text) > limit:
            raise DocumentTooLargeError(
                f"document {doc.id!r} has {len(doc.text):,} characters, over the limit of {limit:,}; "
                "split it, or raise limits.max_document_chars in the config (or --max-chars)"
            )
        if not doc.text.strip():
            raise InputError(f"document {doc.id!r} is empty: there is no text to code")

    def code_parsed(self, doc: Document, parsed: ParsedDoc) -> CodedDocument:
        """Run every stage after parsing on one document."""
        kn = self.knowledge
        resolver = DocumentResolver(kn, parsed, doc.published)
        events: list[Event] = []
        told: dict[int, tuple[ActorMention, ...]] = {}  # the actors of the sentences before
        notes: list[str] = []
        discards = kn.petrarch.discards if kn.petrarch else None
        if discards is not None and (phrase := discards.story_discarded(doc.text)):
            return CodedDocument(doc, (), (f"document discarded: it has {phrase!r} (discard list)",))

        def finish(cand: Candidate) -> Event:
            """The event of a candidate, through every stage after matching."""
            draft = Draft(doc, cand, story_country=resolver.story_country, earlier=events)
            for stage in EVENT_STAGES:
                draft = stage.run(kn, parsed, draft)
            return build_event(kn, parsed, draft)

        for sent in parsed.sentences:
            if discards is not None and (phrase := discards.sentence_discarded(sent.text)):
                notes.append(f"sentence {sent.index + 1}: discarded, it has {phrase!r} (discard list)")
                continue
            mentions = resolver.resolve_sentence(sent.index)
            mentions, reported_before = refer_to_earlier_events(kn, parsed, sent, mentions, events, told)
            told.update(mentions)
            misses: list[str] = []
            coded: set[str] = set()
            ruled: list[tuple[Candidate, Event]] = []
            for cand in sentence_candidates(kn, parsed, sent.index, mentions, misses=misses):
                if cand.trigger.i in reported_before:
                    continue  # an event noun naming an event reported before is no new event
                event = finish(cand)
                if cand.mirrored and event.modality in (Modality.NEGATED, Modality.DENIED):
                    continue  # "Iran will not negotiate with the US": the US refused nothing
                ruled.append((cand, event))
                coded.add(f"trigger {cand.trigger.text!r} ")
            decided, decisions = adjudicate(kn, parsed, sent, mentions, ruled, finish)
            notes.extend(decisions)
            events.extend(e for e in decided if e.confidence >= self.config.min_confidence)
            # A side missing at matching may be found later (the authorities of the place):
            # only triggers that gave no event are reported.
            notes.extend(
                f"sentence {sent.index + 1}: {m}" for m in misses if not any(m.startswith(c) for c in coded)
            )
        return CodedDocument(doc, tuple(events), tuple(notes))

    # -- many documents --------------------------------------------------------

    def pipe(self, docs: Iterable[Document], *, n_process: int = 1) -> Iterator[CodedDocument | InputError]:
        """Code documents in order, streaming; a document that cannot be coded yields its error.

        ``n_process`` > 1 (or -1 for all cores) codes batches in worker
        processes, each holding the pipeline of this configuration. The worker
        pool is started on first use and kept for later calls (close it with
        :meth:`close`, or use the pipeline as a context manager); documents are
        read a few batches ahead of the workers, so memory stays flat on any corpus.
        """
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process <= 1:
            yield from self._pipe_here(docs)
            return
        stream = iter(docs)
        if self._pool is None:
            first = list(islice(stream, self.config.batch_size + 1))
            if len(first) <= self.config.batch_size:
                # One batch: coding it here is quicker than starting workers that each load a model.
                yield from self._pipe_here(first)
                return
            stream = chain(first, stream)
        pool = self._worker_pool(n_process)
        # A few batches a worker in flight keep every worker busy without reading far ahead;
        # results come back in order, the next batch sent as each one is taken.
        pending: deque[Any] = deque()
        while batch := list(islice(stream, self.config.batch_size)):
            pending.append(pool.apply_async(_code_batch_in_worker, ((self.config, batch),)))
            if len(pending) >= n_process * 4:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()

    def _worker_pool(self, n_process: int) -> Any:
        if self._pool is None or self._pool_size != n_process:
            self.close()
            # Forked with the knowledge this process holds (workers find it loaded, in shared
            # memory), but not the parser: each worker loads its own model, at the same time
            # as the others, and this process keeps no copy of it.
            load_knowledge(self.config)
            ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
            self._pool, self._pool_size = ctx.Pool(n_process), n_process
            self._pool_finalizer = weakref.finalize(self, self._pool.terminate)
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool_finalizer.detach()
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pipe_here(self, docs: Iterable[Document]) -> Iterator[CodedDocument | InputError]:
        batch: list[Document] = []
        for doc in docs:
            try:
                self.check_size(doc)
            except InputError as exc:
                yield from self._code_batch(batch)
                batch = []
                yield exc
                continue
            batch.append(doc)
            if len(batch) >= self.config.batch_size:
                yield from self._code_batch(batch)
                batch = []
        yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Document]) -> Iterator[CodedDocument]:
        if not batch:
            return
        parsed = self.nlp.parse_many((d.text for d in batch), batch_size=self.config.batch_size)
        for doc, parse in zip(batch, parsed, strict=True):
            yield self.code_parsed(doc, parse)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None


# -- worker processes ----------------------------------------------------------


@lru_cache(maxsize=4)
def pipeline_for(config: Config) -> Pipeline:
    """A pipeline per configuration, built once per process (workers and ``code()``)."""
    return Pipeline(config)


def _code_batch_in_worker(job: tuple[Config, list[Document]]) -> list[CodedDocument | InputError]:
    config, docs = job
    return list(pipeline_for(config)._pipe_here(docs))


def code(text: str, *, published: dt.date | str | None = None, doc_id: str = "") -> list[Event]:
    """Code one text with the default pipeline (the first call loads the model)."""
    return pipeline_for(load_config()).code(text, published=published, doc_id=doc_id)
