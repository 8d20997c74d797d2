"""Foreign phrases English uses as one noun ("persona non grata", "chargé d'affaires"),
made one token before the tagger and the parser see them.

The parser reads "declared two diplomats persona non grata" word by word and makes
"persona" a verb; as one token the phrase is the object's predicate, as "declared him
a spy" is. The phrases are data (``data/text/fixed_phrases.tsv``); merging keeps every
character of the text, so offsets stay true.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from khaldun.data import bundled_data, read_tsv

FIXED_PHRASES = "khaldun_fixed_phrases"


@lru_cache(maxsize=1)
def fixed_phrases() -> tuple[str, ...]:
    """The phrases of ``data/text/fixed_phrases.tsv``."""
    return tuple(row["phrase"] for _, row in read_tsv(bundled_data("text/fixed_phrases.tsv")))


def is_fixed_phrase(text: str) -> bool:
    """Whether ``text`` is one of the fixed phrases (case-blind)."""
    return text.lower() in _lowered()


@lru_cache(maxsize=1)
def _lowered() -> frozenset[str]:
    return frozenset(p.lower() for p in fixed_phrases())


class FixedPhrases:
    """Merges each fixed phrase of a document into one token (matched case-blind)."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("FIXED", [nlp.make_doc(p) for p in fixed_phrases()])

    def __call__(self, doc: Any) -> Any:
        spans = filter_spans([doc[start:end] for _, start, end in self.matcher(doc)])
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    retokenizer.merge(span)
        return doc


@Language.factory(FIXED_PHRASES)
def make_fixed_phrases(nlp: Language, name: str) -> FixedPhrases:
    return FixedPhrases(nlp)
