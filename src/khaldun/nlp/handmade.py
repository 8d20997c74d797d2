"""Hand-built parses, so tests and examples need no statistical model.

A parse is written CoNLL-style, one token a line, a blank line between
sentences::

    Rouhani  Rouhani PROPN nsubj 2 PERSON
    met      meet    VERB  ROOT  0
    Zarif    Zarif   PROPN dobj  2 PERSON

Columns: text, lemma, coarse POS, dependency label, head (1-based index in
the sentence, 0 for the root), and an optional entity label (``-`` or absent
for none; ``B-LABEL`` starts a new entity next to one of the same label).
Tokens are joined with single spaces to form the document text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from khaldun.nlp.base import Entity, ParsedDoc, Sentence, Token


def parse_table(table: str) -> ParsedDoc:
    """Build a :class:`ParsedDoc` from a CoNLL-style table (see module docs)."""
    rows_by_sentence = _split_sentences(table)
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    text_parts: list[str] = []
    offset = 0
    for s_index, rows in enumerate(rows_by_sentence):
        first = len(tokens)
        for n, cols in enumerate(rows):
            word, lemma, pos, dep, head = cols[0], cols[1], cols[2], cols[3], int(cols[4])
            ent = cols[5] if len(cols) > 5 and cols[5] != "-" else ""
            head_i = first + head - 1 if head > 0 else first + n
            iob, label = _iob(ent, tokens[-1] if n else None)
            tokens.append(
                Token(first + n, word, lemma, pos, _tag(pos), dep, head_i, offset, s_index, label, iob)
            )
            text_parts.append(word)
            offset += len(word) + 1
        start_char = tokens[first].idx
        end_char = tokens[-1].end
        sentences.append(Sentence(s_index, first, len(tokens), start_char, end_char, ""))
    _check_acyclic(tokens)
    text = " ".join(text_parts)
    sentences = [
        Sentence(s.index, s.start, s.end, s.start_char, s.end_char, text[s.start_char : s.end_char])
        for s in sentences
    ]
    return ParsedDoc(text, tuple(tokens), tuple(sentences), tuple(_entities(text, tokens)))


def _check_acyclic(tokens: list[Token]) -> None:
    """A hand-written head column can loop; a parser never does, and later stages rely on it."""
    for tok in tokens:
        seen = {tok.i}
        current = tok
        while current.head != current.i:
            current = tokens[current.head]
            if current.i in seen:
                raise ValueError(f"hand-made parse: token {tok.i + 1} {tok.text!r} has a cycle in its heads")
            seen.add(current.i)


def _split_sentences(table: str) -> list[list[list[str]]]:
    sentences: list[list[list[str]]] = [[]]
    for line in table.strip("\n").splitlines():
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        cols = line.split()
        if len(cols) < 5:
            raise ValueError(f"hand-made parse line needs at least 5 columns: {line!r}")
        sentences[-1].append(cols)
    return [s for s in sentences if s]


def _iob(ent: str, previous: Token | None) -> tuple[str, str]:
    if not ent:
        return "", ""
    if ent.startswith("B-"):
        return "B", ent[2:]
    if previous is not None and previous.ent_type == ent:
        return "I", ent
    return "B", ent


def _tag(pos: str) -> str:
    # A fine tag is rarely needed; keep one that agrees with the coarse POS.
    return {"PROPN": "NNP", "NOUN": "NN", "VERB": "VB", "AUX": "VBZ", "ADJ": "JJ"}.get(pos, pos)


def _entities(text: str, tokens: list[Token]) -> Iterator[Entity]:
    start: int | None = None
    for tok in tokens + [None]:  # type: ignore[operator]
        if start is not None and (tok is None or tok.ent_iob != "I"):
            first, last = tokens[start], tokens[(tok.i if tok else len(tokens)) - 1]
            yield Entity(start, last.i + 1, first.ent_type, first.idx, last.end, text[first.idx : last.end])
            start = None
        if tok is not None and tok.ent_iob == "B":
            start = tok.i


class HandmadeBackend:
    """A backend that returns pre-built parses by text; for tests and examples."""

    name = "handmade"

    def __init__(self, tables: Iterable[str]) -> None:
        self._by_text = {doc.text: doc for doc in map(parse_table, tables)}

    @property
    def texts(self) -> list[str]:
        """The document texts of the parses, in the order given."""
        return list(self._by_text)

    def parse(self, text: str) -> ParsedDoc:
        try:
            return self._by_text[text]
        except KeyError:
            raise KeyError(f"no hand-made parse for text {text[:60]!r}") from None

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]:
        return (self.parse(t) for t in texts)
