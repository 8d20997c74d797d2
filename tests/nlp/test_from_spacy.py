"""Reading a spaCy document in bulk gives what reading each token's attributes gives."""

from __future__ import annotations

from typing import Any

import pytest

from khaldun.nlp.base import Entity, ParsedDoc, Sentence, Token
from khaldun.nlp.spacy_backend import from_spacy, load_spacy_model
from tests.nlp.real_texts import real_texts

pytestmark = pytest.mark.model


def _token_by_token(doc: Any) -> ParsedDoc:
    """The parse read the plain way: one spaCy token, one attribute at a time."""
    sentences, sent_of = [], {}
    for n, sent in enumerate(doc.sents):
        text = sent.text.rstrip()
        sentences.append(
            Sentence(n, sent.start, sent.end, sent.start_char, sent.start_char + len(text), text)
        )
        sent_of.update((i, n) for i in range(sent.start, sent.end))
    tokens = tuple(
        Token(
            t.i,
            t.text,
            t.lemma_,
            t.pos_,
            t.tag_,
            t.dep_,
            t.head.i,
            t.idx,
            sent_of[t.i],
            t.ent_type_,
            t.ent_iob_ if t.ent_iob_ in ("B", "I") else "",
        )
        for t in doc
    )
    entities = tuple(Entity(e.start, e.end, e.label_, e.start_char, e.end_char, e.text) for e in doc.ents)
    return ParsedDoc(doc.text, tokens, tuple(sentences), entities)


def test_the_bulk_reading_equals_the_plain_one() -> None:
    nlp = load_spacy_model()
    texts = [*real_texts(), "Headline without a stop\n\nA paragraph.  Two spaces. ", " ", "Ok"]
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        expected = _token_by_token(doc)
        assert from_spacy(doc, text) == expected
        assert from_spacy(doc) == expected  # without the text, it is read from the document
        assert from_spacy(doc, text + "x").text == doc.text  # a text that is not the document's
        assert from_spacy(doc).children(0) == tuple(t for t in expected.tokens if t.head == 0 and t.i != 0)
