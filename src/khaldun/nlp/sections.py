"""Very long documents are parsed in sections, merged into one parse of the whole document.

Why: the parser's memory grows with the text it is given (about 3 MB a
thousand characters with the small English model), so one document of a
million characters needed about 3 GB. Parsed in sections of at most
:data:`SECTION_CHARS` characters, a document needs the memory of one section
whatever its length; the merged parse keeps every offset (tokens, heads,
sentences, entities) relative to the whole document, so later stages and the
evidence they quote see one document.

A section ends, by preference, at a paragraph break (a blank line, which
ends a sentence anyway: see ``khaldun_paragraphs`` in
:mod:`khaldun.nlp.spacy_backend`), else after a sentence's final stop, else
at a space; only a text with no space at all is cut mid-word. Every cut falls
at the end of a run of whitespace, so the tokens are those of the whole
document. A document no longer than one section is parsed whole, as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from khaldun.nlp.base import Entity, ParsedDoc, Sentence, Token

# 50,000 characters (8 to 10 wire stories) keep one section's parse near 150 MB.
SECTION_CHARS = 50_000

# Each pattern ends at the end of a whitespace run (the next character is not a space).
_BREAKS = (
    re.compile(r"\n[^\S\n]*\n\s*(?=\S)"),  # a blank line: the paragraph component's sentence break
    re.compile(r"[.!?][\"'”’)\]]*\s+(?=\S)"),  # a sentence's final stop
    re.compile(r"\s+(?=\S)"),  # any space
)


def split_sections(text: str, size: int = SECTION_CHARS) -> list[tuple[int, str]]:
    """``(offset, section)`` pairs that cover ``text`` in order, each at most ``size`` characters."""
    if size < 1:
        raise ValueError(f"section size must be at least 1 character, not {size}")
    sections: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        sections.append((start, text[start:end]))
        start = end
    sections.append((start, text[start:]))
    return sections


def _cut(text: str, start: int, limit: int) -> int:
    """Where the section from ``start`` ends: the last, best break up to ``limit``."""
    for pattern in _BREAKS:
        # endpos one past the limit lets the lookahead see the character at the limit.
        last = None
        for last in pattern.finditer(text, start + 1, limit + 1):  # noqa: B007 - the last one is wanted
            pass
        if last is not None and last.end() <= limit:
            return last.end()
    return limit


def merge_parses(text: str, parts: Sequence[tuple[int, ParsedDoc]]) -> ParsedDoc:
    """One parse of ``text`` from the parses of its sections, given with their offsets in it."""
    if len(parts) == 1 and parts[0][0] == 0 and parts[0][1].text == text:
        return parts[0][1]
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    for offset, part in parts:
        if text[offset : offset + len(part.text)] != part.text:
            raise ValueError(f"the section parsed at offset {offset} is not the text found there")
        first_token, first_sentence = len(tokens), len(sentences)
        tokens.extend(_shift_token(t, first_token, offset, first_sentence) for t in part.tokens)
        sentences.extend(
            replace(
                s,
                index=s.index + first_sentence,
                start=s.start + first_token,
                end=s.end + first_token,
                start_char=s.start_char + offset,
                end_char=s.end_char + offset,
            )
            for s in part.sentences
        )
        entities.extend(
            replace(
                e,
                start=e.start + first_token,
                end=e.end + first_token,
                start_char=e.start_char + offset,
                end_char=e.end_char + offset,
            )
            for e in part.entities
        )
    return ParsedDoc(text, tuple(tokens), tuple(sentences), tuple(entities))


def _shift_token(tok: Token, first_token: int, offset: int, first_sentence: int) -> Token:
    return replace(
        tok,
        i=tok.i + first_token,
        head=tok.head + first_token,
        idx=tok.idx + offset,
        sent=tok.sent + first_sentence,
    )
