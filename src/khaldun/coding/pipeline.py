"""The pipeline: documents in, coded events out.

Stages, in order, each in its own module::

    nlp (parse) → resolve (actors) → match (triggers, arguments)
        → modality → dates → places → amounts → Event

A :class:`Pipeline` loads the model, knowledge base, lexicon and ontology
once; :meth:`Pipeline.pipe` streams many documents, in worker processes when
asked, each worker holding its own pipeline.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any

from khaldun.coding.amounts import event_amount
from khaldun.coding.dates import event_date
from khaldun.coding.match import Candidate, match_sentence
from khaldun.coding.modality import decide_modality, unrealised_kind
from khaldun.coding.places import Gazetteer
from khaldun.coding.resolve import DocumentResolver
from khaldun.config import Config, load_config
from khaldun.errors import DocumentTooLargeError, InputError
from khaldun.knowledge.actors import load_kb
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.knowledge.actors.coded import country_actor
from khaldun.knowledge.lexicon import Lexicon, load_lexicon, own_country_target_roots, word_list
from khaldun.knowledge.ontology import Ontology, load_ontology
from khaldun.model import ActorKind, ActorMention, Document, Event, Evidence, Mention, Modality, Place
from khaldun.nlp import create_nlp_backend
from khaldun.nlp.base import NLPBackend, ParsedDoc

# Confidence lost for each argument found by inference rather than read directly.
_INFERENCE_PENALTY = 0.85


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
        kb: KnowledgeBase | None = None,
        lexicon: Lexicon | None = None,
        ontology: Ontology | None = None,
    ) -> None:
        self.config = config or load_config()
        self.ontology = ontology or load_ontology()
        self.lexicon = lexicon or load_lexicon()
        self.kb = kb or load_kb(self.config)
        self.gazetteer = Gazetteer(self.kb)
        self._nlp = nlp
        self._pool: Any = None
        self._pool_size = 0

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
        resolver = DocumentResolver(self.kb, parsed, doc.published, self.gazetteer)
        events: list[Event] = []
        notes: list[str] = []
        for sent in parsed.sentences:
            mentions = resolver.resolve_sentence(sent.index)
            misses: list[str] = []
            coded: set[str] = set()
            for cand in match_sentence(parsed, sent.index, self.lexicon, mentions, misses=misses):
                event = self._build_event(doc, parsed, cand)
                if cand.mirrored and event.modality in (Modality.NEGATED, Modality.DENIED):
                    continue  # "Iran will not negotiate with the US": the US refused nothing
                if event.confidence >= self.config.min_confidence:
                    events.append(event)
                    coded.add(f"trigger {cand.trigger.text!r} ")
            # A side missing at matching may be found later (the authorities of the place):
            # only triggers that gave no event are reported.
            notes.extend(
                f"sentence {sent.index + 1}: {m}" for m in misses if not any(m.startswith(c) for c in coded)
            )
        return CodedDocument(doc, tuple(events), tuple(notes))

    def _build_event(self, doc: Document, parsed: ParsedDoc, cand: Candidate) -> Event:
        sent = parsed.sentences[cand.trigger.sent]
        modality, modality_how = decide_modality(parsed, cand.trigger, default=cand.rule.modality)
        when, date_how = event_date(parsed, cand.trigger, doc.published, modality)
        visited = _visited_place_token(parsed, cand)
        place, place_how = self.gazetteer.event_place(parsed, cand.trigger, visited)
        cand = self._source_from_place(cand, place)
        cand = self._countries_from_place(self._target_from_place(cand, place), place)
        cand = self._country_from_counterpart(cand)
        cameo = self.ontology.cameo(cand.code)
        plover, plover_mode = self.ontology.plover_for(cand.code)
        unrealised = unrealised_kind(parsed, cand.trigger, modality)
        standard = self.ontology.standard_code(cand.code, unrealised=unrealised)
        first, last = cand.trigger, cand.trigger_end
        trigger_end = last.end if 0 <= last.i - first.i <= 4 else first.end
        evidence = Evidence(
            sentence=sent.text,
            start=sent.start_char,
            end=sent.end_char,
            trigger=parsed.text[first.idx : trigger_end],
            trigger_start=first.idx,
            trigger_end=trigger_end,
        )
        source_id = cand.source.actor.id if cand.source else ""
        target_id = cand.target.actor.id if cand.target else ""
        return Event(
            id=Event.make_id(
                doc.id, sent.start_char, first.idx, trigger_end, source_id, target_id, cand.code
            ),
            doc_id=doc.id,
            source=cand.source,
            target=cand.target,
            cameo=cameo.code,
            cameo_name=cameo.name,
            plover=plover,
            plover_mode=plover_mode,
            quad_class=cameo.quad_class,
            goldstein=cameo.goldstein,
            modality=modality,
            evidence=evidence,
            date=when,
            location=place,
            amount=event_amount(parsed, cand.trigger_end) or event_amount(parsed, cand.trigger),
            confidence=(0.5 if cand.partial else 0.9) * _INFERENCE_PENALTY**cand.inferred,
            rule=cand.rule.name,
            cameo_standard=standard,
            plover_standard=self.ontology.plover_for(standard)[0],
            explanation=(
                f"trigger {evidence.trigger!r} fired rule {cand.rule.name}"
                f" → CAMEO {cameo.code} ({cameo.name})",
                f"{cand.notes[0]}" + _mention_note(cand.source),
                f"{cand.notes[1]}" + _mention_note(cand.target),
                f"modality {modality.value}: {modality_how}",
                f"date: {date_how}",
                f"place: {place_how}",
                *(
                    (
                        f"codebook code {standard} ({self.ontology.cameo(standard).name}):"
                        f" how the CAMEO codebook codes a {unrealised} event",
                    )
                    if standard != cameo.code
                    else ()
                ),
            ),
        )

    def _countries_from_place(self, cand: Candidate, place: Place | None) -> Candidate:
        """Sector actors of no stated country ("23 people", "soldiers") belong to the country
        where the event happened ("killed 23 people in Tel Aviv": ISRCVL)."""
        if place is None or not place.country:
            return cand
        sides = {}
        for side in ("source", "target"):
            am: ActorMention | None = getattr(cand, side)
            if am is not None and am.actor.country is None and am.actor.id.startswith("group:---"):
                actor = country_actor(self.kb, place.country, am.actor.sector)
                how = f"{am.mention.how}; country of the event's place, {place.name}"
                sides[side] = ActorMention(replace(am.mention, how=how), actor)
        return replace(cand, **sides) if sides else cand

    def _country_from_counterpart(self, cand: Candidate) -> Candidate:
        """In domestic kinds of event (a concession, an investigation, a protest, an arrest),
        a side of no stated country belongs to the other side's: "Judge Rivera opened
        investigations against 28 Chilean officials" is a Chilean judge."""
        if cand.source is None or cand.target is None or cand.code[:2] not in own_country_target_roots():
            return cand
        sides = {}
        for side, other in (("source", cand.target), ("target", cand.source)):
            am: ActorMention = getattr(cand, side)
            # Sector groups ("police") and unknown people with a title ("Judge Rivera"); not
            # unknown named groups, whose name may well say they are foreign ("West Africans").
            titled = not am.actor.known and am.actor.kind is ActorKind.PERSON and am.actor.sector
            stateless = am.actor.id.startswith("group:---") or bool(titled)
            if am.actor.country is None and stateless and other.actor.country:
                if am.actor.kind is ActorKind.PERSON:  # an unknown person keeps their own identity
                    code = other.actor.country + (am.actor.sector or "")
                    actor = replace(am.actor, country=other.actor.country, code=code)
                else:
                    actor = country_actor(self.kb, other.actor.country, am.actor.sector)
                how = f"{am.mention.how}; country of the other side, {other.actor.name}"
                sides[side] = ActorMention(replace(am.mention, how=how), actor)
        return replace(cand, **sides) if len(sides) == 1 else cand

    def _source_from_place(self, cand: Candidate, place: Place | None) -> Candidate:
        """Coercion with no doer named ("a missionary was arrested in Lebanon") is by the
        authorities of the country where it happened."""
        if cand.source is not None or place is None or not place.country:
            return cand
        if cand.code[:2] not in word_list("place_authority_roots"):
            return cand
        actor = country_actor(self.kb, place.country, "GOV")
        how = f"the authorities of the event's place, {place.name}"
        mention = Mention(cand.trigger.idx, cand.trigger.idx, actor.name, sentence=cand.trigger.sent, how=how)
        notes = ("source: inferred", cand.notes[1])
        return replace(cand, source=ActorMention(mention, actor), notes=notes, inferred=cand.inferred + 1)

    def _target_from_place(self, cand: Candidate, place: Place | None) -> Candidate:
        """A conflict event with no target actor targets the country where it happened
        ("Russia is conducting exercises in Alaska", "authorities imposed a curfew in Cizre");
        a protest with neither targets the protesters' own country."""
        if cand.target is not None or cand.source is None:
            return cand
        source = cand.source.actor
        country = place.country if place is not None and cand.rule.thing_target else None
        how = f"the country of the event's place, {place.name}" if country and place else ""
        if country is None and cand.code[:2] in own_country_target_roots() and source.country:
            country, how = source.country, "the protesters' own country"
        if country is None or (country == source.country and source.kind is ActorKind.STATE):
            return cand
        actor = country_actor(self.kb, country)
        # The place phrase has no offsets of its own here: the mention sits at the trigger.
        mention = Mention(
            cand.trigger.idx,
            cand.trigger.idx,
            actor.name,
            sentence=cand.trigger.sent,
            how=how,
        )
        notes = (cand.notes[0], f"target: {how}")
        return replace(cand, target=ActorMention(mention, actor), notes=notes, inferred=cand.inferred + 1)

    # -- many documents --------------------------------------------------------

    def pipe(self, docs: Iterable[Document], *, n_process: int = 1) -> Iterator[CodedDocument | InputError]:
        """Code documents in order, streaming; a document that cannot be coded yields its error.

        ``n_process`` > 1 (or -1 for all cores) codes batches in worker
        processes, each holding the pipeline of this configuration. The worker
        pool is started on first use and kept for later calls (close it with
        :meth:`close`, or use the pipeline as a context manager); documents are
        read a window at a time, so memory stays flat on any corpus.
        """
        if n_process == -1:
            n_process = os.cpu_count() or 1
        if n_process <= 1:
            yield from self._pipe_here(docs)
            return
        pool = self._worker_pool(n_process)
        size = self.config.batch_size
        stream = iter(docs)
        # A window of a few batches a worker keeps every worker busy without reading ahead.
        while window := list(islice(stream, size * n_process * 4)):
            batches = [window[i : i + size] for i in range(0, len(window), size)]
            for results in pool.imap(_code_batch_in_worker, [(self.config, b) for b in batches]):
                yield from results

    def _worker_pool(self, n_process: int) -> Any:
        if self._pool is None or self._pool_size != n_process:
            self.close()
            # Loaded before forking, the model's memory is shared by the workers.
            pipeline_for(self.config).nlp  # noqa: B018
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


def _mention_note(am: ActorMention | None) -> str:
    return f": {am.mention.text!r} ({am.mention.how})" if am else ""


def _visited_place_token(parsed: ParsedDoc, cand: Candidate) -> Any:
    if not cand.rule.place_target or cand.target is None:
        return None
    head = cand.target.mention.head
    return parsed.tokens[head] if head >= 0 else None


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
