"""spaCy's rule lemmatizer with every answer remembered: the same lemmas, faster.

A rule lemma depends on the word, its part of speech and its morphology and on
nothing else, but spaCy's lemmatizer looks at each token in Python and keeps
only some answers (never those of base forms, most of the text). This component
asks the stock lemmatizer once per (word, part of speech, morphology) and
reuses the answer, reading and writing a document's tokens in bulk. The first
document goes through the stock component itself, which checks its tables.

The stock lemmatizer asks its ``lemma_index`` table only whether a form is in a
part of speech's list of words, and those lists hold up to 57,000 words: the
wrapped lemmatizer is given the same words as sets, which answer the same
question at once.

Forms the stock lemmatizer gets wrong ("hoped" as "hop") may be given as fixes
(:mod:`khaldun.nlp.lemma_fixes`): their lemma is the fix, for the first document too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "khaldun_lemma_memo"
_INDEX = "lemma_index"
# Lemmatizers whose answer is known to depend on the token's word, part of speech and
# morphology alone (a language's own subclass may look further: it is left alone).
_PURE = (Lemmatizer, EnglishLemmatizer)
# Distinct (word, part of speech, morphology) remembered before the memory is cleared.
_MEMO_LIMIT = 500_000


class LemmaMemo:
    """Wraps a rule-mode :class:`Lemmatizer` (set with :meth:`wrap` before the first document)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.stock: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], int] = {}
        self._checked = False
        self._fixes: dict[tuple[str, str], str] = {}

    def wrap(self, stock: Lemmatizer, fixes: Mapping[str, Mapping[str, str]] | None = None) -> None:
        """Remember the answers of ``stock``, which this component now owns (its word lists
        become sets: it is no longer a component of its own, to be saved as one); ``fixes``
        ({"verb": {"hoped": "hope"}}) replace its answer for those lower-case forms."""
        self._fixes = {
            (pos.upper(), form): lemma
            for pos, forms in (fixes or {}).items()
            for form, lemma in forms.items()
        }
        if stock.lookups.has_table(_INDEX):
            index = stock.lookups.get_table(_INDEX)
            stock.lookups.set_table(
                _INDEX, Table(_INDEX, {pos: frozenset(words) for pos, words in index.items()})
            )
        self.stock = stock

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if stock is None:
            raise RuntimeError(f"{self.name}: no lemmatizer to remember (call wrap first)")
        if not self._checked:
            self._checked = True
            stock(doc)  # the stock component checks its tables on its first document
            for token in doc:
                token.lemma_ = self._fixes.get((token.pos_, token.lower_), token.lemma_)
            return doc
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not stock.overwrite:
                continue  # set before (by the attribute ruler), as the stock component leaves it
            key = (orth, pos, morph)
            found = self._memo.get(key)
            if found is None:
                if len(self._memo) >= _MEMO_LIMIT:
                    self._memo.clear()
                token = doc[i]
                lemma = self._fixes.get((token.pos_, token.lower_)) or stock.lemmatize(token)[0]
                found = self._memo[key] = strings.add(lemma)
            doc[i].lemma = found
        return doc

    # spaCy asks components for these when saving or scoring a pipeline.
    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **__: Any) -> LemmaMemo:
        return self


@Language.factory(FACTORY)
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo(name)


def use_lemma_memo(
    nlp: Language, name: str = "lemmatizer", fixes: Mapping[str, Mapping[str, str]] | None = None
) -> bool:
    """Put the memo in place of the pipeline's rule lemmatizer, with ``fixes`` for forms it
    gets wrong; False (nothing changed) when there is none, or it is not one of ``_PURE`` in
    rule mode (any other is left alone)."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if type(stock) not in _PURE or stock.mode != "rule":
        return False
    memo = nlp.replace_pipe(name, FACTORY)
    memo.wrap(stock, fixes)
    return True
