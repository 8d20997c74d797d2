"""The remembered lemmatizer gives exactly the stock lemmatizer's lemmas."""

from __future__ import annotations

import pytest
import spacy

from khaldun.nlp.lemma_memo import LemmaMemo, use_lemma_memo
from tests.nlp.real_texts import real_texts

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipelines() -> tuple[spacy.language.Language, spacy.language.Language]:
    from khaldun.nlp.spacy_backend import DEFAULT_MODEL

    stock, memo = spacy.load(DEFAULT_MODEL), spacy.load(DEFAULT_MODEL)
    assert use_lemma_memo(memo)
    return stock, memo


def test_lemmas_are_the_stock_ones(pipelines) -> None:  # type: ignore[no-untyped-def]
    stock, memo = pipelines
    texts = [
        *real_texts(),
        # Base forms, inflections, exceptions, rules-set lemmas ("n't"), proper nouns, twice.
        "The ministers met; the minister meets. They were better, the best, worse. Isn't it? "
        "Geese, mice and children ran. The talks were held, he held talks. Iran's leaders agreed.",
    ] * 2
    for stock_doc, memo_doc in zip(stock.pipe(texts), memo.pipe(texts), strict=True):
        assert [t.lemma_ for t in memo_doc] == [t.lemma_ for t in stock_doc]
    component = memo.get_pipe("lemmatizer")
    assert isinstance(component, LemmaMemo)
    assert component._memo  # the answers after the first document came from the memory


def test_lemmas_set_before_it_are_kept(pipelines) -> None:  # type: ignore[no-untyped-def]
    """The attribute ruler lemmatizes "n't" as "not"; the lemmatizer must leave it."""
    _, memo = pipelines
    memo("First document, through the stock component.")
    assert [t.lemma_ for t in memo("They don't agree.")] == ["they", "do", "not", "agree", "."]


def test_a_lookup_lemmatizer_is_left_alone() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_lemma_memo(nlp)
    assert not use_lemma_memo(spacy.blank("en"))
