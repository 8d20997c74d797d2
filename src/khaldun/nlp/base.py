"""The NLP-backend protocol and the parse it produces.

Every later stage reads a :class:`ParsedDoc`: tokens with lemma, part of
speech, dependency head and entity label, grouped in sentences. A backend
turns text into ``ParsedDoc`` objects; the built-in one wraps spaCy
(:mod:`khaldun.nlp.spacy_backend`), and tests build parses by hand
(:mod:`khaldun.nlp.handmade`) so the fast suite loads no model.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Token:
    """One token. ``i`` and ``head`` index the document's token list."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    idx: int
    sent: int
    ent_type: str = ""
    ent_iob: str = ""  # "B", "I" or "" (outside)

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # first token index
    end: int  # one past the last token index
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # first token index
    end: int  # one past the last token index
    label: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class ParsedDoc:
    """A parsed text: tokens, sentences, named entities, and child lists."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    _children: tuple[tuple[int, ...], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._children:
            kids: list[list[int]] = [[] for _ in self.tokens]
            for tok in self.tokens:
                if tok.head != tok.i:
                    kids[tok.head].append(tok.i)
            object.__setattr__(self, "_children", tuple(tuple(k) for k in kids))

    def children(self, i: int) -> tuple[Token, ...]:
        return self._child_tokens[i]

    @cached_property
    def _child_tokens(self) -> tuple[tuple[Token, ...], ...]:
        """The children of every token, made once: stages ask for them hundreds of times a sentence."""
        tokens = self.tokens
        return tuple(tuple(tokens[c] for c in kids) if kids else () for kids in self._children)

    def head(self, i: int) -> Token:
        return self.tokens[self.tokens[i].head]

    def subtree(self, i: int) -> list[Token]:
        """Tokens dominated by ``i`` (itself included), in text order."""
        seen: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            seen.append(j)
            stack.extend(self._children[j])
        return [self.tokens[j] for j in sorted(seen)]

    def clause(self, i: int) -> list[Token]:
        """The subtree of ``i`` without its coordinated or reported clauses (other events)."""
        out = [self.tokens[i]]
        for child in self.children(i):
            if child.dep not in ("conj", "ccomp", "advcl", "parataxis", "cc"):
                out.extend(self.subtree(child.i))
        return sorted(out, key=lambda t: t.i)

    def governing_verb(self, i: int) -> Token:
        """The nearest verb at or above token ``i`` (the root when none is)."""
        tok = self.tokens[i]
        while tok.pos not in ("VERB", "AUX") and tok.head != tok.i:
            tok = self.tokens[tok.head]
        return tok

    def ancestors(self, i: int) -> Iterator[Token]:
        tok = self.tokens[i]
        while tok.head != tok.i:
            tok = self.tokens[tok.head]
            yield tok

    def span_text(self, start: int, end: int) -> str:
        """Text of tokens ``start``..``end`` (exclusive) as it stands in the document."""
        return self.text[self.tokens[start].idx : self.tokens[end - 1].end]

    def sentence_tokens(self, sent: Sentence) -> tuple[Token, ...]:
        return self.tokens[sent.start : sent.end]


@runtime_checkable
class NLPBackend(Protocol):
    """Turns text into :class:`ParsedDoc`. Holds its model for its lifetime; no release needed."""

    name: str

    def parse(self, text: str) -> ParsedDoc: ...

    def parse_many(self, texts: Iterable[str], *, batch_size: int = 16) -> Iterator[ParsedDoc]: ...
