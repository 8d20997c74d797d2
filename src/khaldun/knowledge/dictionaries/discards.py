"""A reader for PETRARCH discard lists (``Phoenix.discards.txt``, ``PETR.Validate.discards.txt``).

A discard is a phrase that marks text the coder should not code: sport, entertainment,
weather, history. As read here (``dictionaries.rst``, "Discard List"):

* one phrase a line, ``#`` (or TABARI's ``;``) comments, blank lines skipped;
* ``+PHRASE``: the whole document is not coded when the phrase is found; otherwise only
  the sentence that holds it;
* the phrase must start a word; it may end inside one (``BASEBALL`` also finds
  "baseballs") unless it ends with ``_``; ``_`` between words stands for a blank;
* matching ignores case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from khaldun.errors import DictionaryError


@dataclass(frozen=True)
class Discard:
    phrase: str  # upper case, words joined by single blanks
    whole_word: bool  # ends at a blank or punctuation mark
    story: bool  # the whole document is not coded
    line: int


@dataclass(frozen=True)
class Discards:
    """Discard phrases of one or more files, compiled into two regular expressions."""

    entries: tuple[Discard, ...]
    source: str = ""
    _sentence: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)
    _story: re.Pattern[str] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_sentence", _compile([d for d in self.entries if not d.story]))
        object.__setattr__(self, "_story", _compile([d for d in self.entries if d.story]))

    def sentence_discarded(self, text: str) -> str | None:
        """The discard phrase that rules out a sentence, or None."""
        return _search(self._sentence, text)

    def story_discarded(self, text: str) -> str | None:
        """The story-level discard phrase that rules out a whole document, or None."""
        return _search(self._story, text)


def _compile(entries: list[Discard]) -> re.Pattern[str] | None:
    if not entries:
        return None
    parts = []
    for d in sorted(entries, key=lambda d: -len(d.phrase)):
        body = r"\s+".join(re.escape(w) for w in d.phrase.split())
        parts.append(body + (r"(?![\w])" if d.whole_word else ""))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")", re.IGNORECASE)


def _search(pattern: re.Pattern[str] | None, text: str) -> str | None:
    if pattern is None:
        return None
    found = pattern.search(text)
    return found.group(0) if found else None


def read_discards(path: str | Path) -> Discards:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"discard list {path}: cannot be read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return parse_discards(text, str(path))


def parse_discards(text: str, where: str) -> Discards:
    entries = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = re.split(r"[#;]", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        story = line.startswith("+")
        phrase = line[1:].strip() if story else line
        if not phrase:
            raise DictionaryError(f"{where} line {n}: '+' with no phrase after it")
        if any(c in phrase for c in "[]{}"):
            raise DictionaryError(f"{where} line {n}: a discard is a plain phrase, found {phrase!r}")
        whole_word = phrase.endswith("_")
        words = " ".join(phrase.replace("_", " ").split()).upper()
        entries.append(Discard(words, whole_word, story, n))
    return Discards(tuple(entries), where)


def merge_discards(lists: list[Discards]) -> Discards:
    return Discards(tuple(e for d in lists for e in d.entries), " + ".join(d.source for d in lists))
