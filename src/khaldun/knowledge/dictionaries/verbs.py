"""A reader for PETRARCH verb dictionaries (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``)
and the older TABARI ``.verbs`` files.

The format (``../shared/petrarch2/dictionaries.rst``, "Verb Dictionary"), as read here:

* comments: ``#`` (TABARI: ``;``) to the end of a line and ``<!-- ... -->`` blocks;
* a synset: a line ``&NAME`` then ``+PHRASE`` lines (words joined by ``_`` or spaces are
  consecutive); a member may be another synset (``+&OTHER``); regular plurals of the last
  word are added unless the name or the phrase ends with ``_``;
* a verb block: ``--- DESCRIPTION [CODE] ---``, then verb lines and pattern lines; in
  TABARI's files, with no headers, each verb line and its patterns are a block;
* a verb line: ``VERB {IRREGULAR FORMS} [CODE]``; in a multi-word verb ``+`` marks the
  verb (``+CORDON_OFF``, ``WIRE_+TAP``; else the first word is); without ``{...}`` the
  regular forms are made; a verb's own code wins over the block's;
* a pattern: ``- WORDS * WORDS [CODE] # comment``: ``*`` is the verb, ``_`` joins words
  that must be adjacent, ``$`` marks the source, ``+`` the target, ``%`` a compound actor,
  ``^`` skips a phrase, ``&NAME`` any phrase of a synset, TABARI's ``{ A | B C }`` one of
  its phrases; CAMEO.2.0's ``{NOUN PHRASE}`` and ``(PREPOSITION PHRASE)`` groups are read
  as their words in order;
* a code: ``[CODE]``, or ``[CODE:CODE]`` for the event from source to target and the one
  back; ``---`` (or an empty side) is no event; codes that are not numbers (``+++``,
  ``###``) stop the verb from coding anything; a pattern without a code gives the verb's;
* a transformation (``~ a (a b ATTACK) SAY = a b 015``) is kept but not applied.

A pattern with a synset that is not defined, or with unbalanced ``{}``/``()``, is skipped
with a warning naming the file and line, as PETRARCH skips it; any other line that does
not follow the format raises :class:`DictionaryError` naming the file, the line and the
problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from khaldun.errors import DictionaryError

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
_BRACKET = re.compile(r"\[([^\]\[]*)\]")
_BRACES = re.compile(r"\{([^{}]*)\}")
# The closing "---" is sometimes behind a comment ("--- TROUBLED [---] # NOUN ---").
_HEADER = re.compile(r"^---(.*?)(?:---)?\s*$")
_EVENT_CODE = re.compile(r"[0-9]{2,4}[A-Za-z?]?")
_NAME = re.compile(r"&[A-Z0-9_'-]+")

# Pattern elements.
WORD, SYNSET, VERB, SOURCE, TARGET, COMPOUND, SKIP = (
    "word",
    "synset",
    "verb",
    "source",
    "target",
    "compound",
    "skip",
)
_MARKERS = {"*": VERB, "$": SOURCE, "+": TARGET, "%": COMPOUND, "^": SKIP}


@dataclass(frozen=True)
class EventCode:
    """The codes a verb or pattern gives: source → target, and target → source."""

    forward: str | None
    reverse: str | None = None
    blocks: bool = False  # a code such as +++ or ###: the verb codes nothing

    @property
    def empty(self) -> bool:
        return self.forward is None and self.reverse is None


NO_EVENT = EventCode(None)


@dataclass(frozen=True)
class Element:
    """One element of a pattern: a word, a synset, or a marker (verb, source, target ...)."""

    kind: str
    value: str = ""  # the word (upper case) or the synset name
    joined: bool = False  # must come right after the element before it (``_``)
    exact: bool = False  # a word ending in ``_``: no longer word starts with it


@dataclass(frozen=True)
class Pattern:
    before: tuple[Element, ...]
    after: tuple[Element, ...]
    code: EventCode | None  # None: the verb's own code
    line: int
    text: str  # the pattern as written, for explanations
    verb_joined: bool = False  # the last word before ``*`` stands right before the verb (``IN_*``)

    @property
    def weight(self) -> int:
        """How much a pattern asks of the sentence: more words win over fewer."""
        return sum(e.kind in (WORD, SYNSET) for e in (*self.before, *self.after)) * 2 + sum(
            e.kind in (SOURCE, TARGET, COMPOUND) for e in (*self.before, *self.after)
        )


@dataclass(frozen=True)
class Synset:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # upper-case words, consecutive in the text
    line: int


@dataclass(frozen=True)
class Verb:
    """One verb of a block: its words (the verb and the words that must stand by it)."""

    words: tuple[str, ...]
    verb_at: int  # index of the verb word in ``words``
    forms: frozenset[str]  # inflected forms of the verb word
    code: EventCode | None  # its own code; None: the block's
    line: int

    @property
    def base(self) -> str:
        return self.words[self.verb_at]


@dataclass(frozen=True)
class VerbBlock:
    name: str
    code: EventCode
    verbs: tuple[Verb, ...]
    patterns: tuple[Pattern, ...]  # heaviest first
    line: int


@dataclass(frozen=True)
class Transformation:
    text: str
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """A verb dictionary read from one or more files."""

    source: str
    synsets: Mapping[str, Synset]
    blocks: tuple[VerbBlock, ...]
    transformations: tuple[Transformation, ...] = ()
    warnings: tuple[str, ...] = ()
    _by_form: Mapping[str, tuple[tuple[Verb, VerbBlock], ...]] = field(default_factory=dict, repr=False)
    _by_base: Mapping[str, tuple[tuple[Verb, VerbBlock], ...]] = field(default_factory=dict, repr=False)

    def by_form(self, word: str) -> tuple[tuple[Verb, VerbBlock], ...]:
        """The verbs one of whose forms is ``word`` (upper case): "LEFT", "BROKE"."""
        return self._by_form.get(word, ())

    def by_base(self, lemma: str) -> tuple[tuple[Verb, VerbBlock], ...]:
        """The verbs whose base form is ``lemma`` (upper case): "LEAVE"."""
        return self._by_base.get(lemma, ())

    def codes(self) -> Iterator[str]:
        """Every event code the dictionary can give."""
        for block in self.blocks:
            for code in (block.code, *(v.code for v in block.verbs), *(p.code for p in block.patterns)):
                if code is not None:
                    yield from (c for c in (code.forward, code.reverse) if c)


# -- reading ---------------------------------------------------------------------------------


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Read a verb dictionary file; :class:`DictionaryError` names the file and line of a fault."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"verb dictionary {path}: cannot be read ({exc.strerror})") from None
    return parse_verb_dictionary(_decode(data), str(path))


def merge(dictionaries: list[VerbDictionary]) -> VerbDictionary:
    """Several verb dictionaries as one (a later file's synsets replace an earlier one's)."""
    synsets: dict[str, Synset] = {}
    for d in dictionaries:
        synsets.update(d.synsets)
    return _indexed(
        " + ".join(d.source for d in dictionaries),
        synsets,
        [b for d in dictionaries for b in d.blocks],
        [t for d in dictionaries for t in d.transformations],
        [w for d in dictionaries for w in d.warnings],
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # the old coders' files are often Latin-1


def parse_verb_dictionary(text: str, where: str) -> VerbDictionary:
    return _Reader(where).read(text)


@dataclass
class _OpenBlock:
    name: str
    code: EventCode
    line: int
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    implicit: bool = False  # a TABARI verb line that is its own block


class _Reader:
    def __init__(self, where: str) -> None:
        self.where = where
        self.synsets: dict[str, Synset] = {}
        self.blocks: list[VerbBlock] = []
        self.transformations: list[Transformation] = []
        self.warnings: list[str] = []
        self.block: _OpenBlock | None = None
        self.synset: tuple[str, bool, int, list[tuple[str, ...]]] | None = None

    def error(self, n: int, problem: str) -> DictionaryError:
        return DictionaryError(f"{self.where} line {n}: {problem}")

    def read(self, text: str) -> VerbDictionary:
        text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
        if "<!--" in text:
            n = text[: text.index("<!--")].count("\n") + 1
            raise self.error(n, "a '<!--' comment is never closed with '-->'")
        for n, raw in enumerate(text.splitlines(), 1):
            line = _strip_comment(raw).strip()
            if line:
                self._line(line, n)
        self._close_synset()
        self._close_block()
        return _indexed(self.where, self.synsets, self.blocks, self.transformations, self.warnings)

    def _line(self, line: str, n: int) -> None:
        if line.startswith("+") and self.synset is not None:
            self._member(line[1:].strip(), n)
            return
        self._close_synset()
        if line.startswith("&"):
            self._open_synset(line, n)
        elif line.startswith("---"):
            self._header(line, n)
        elif line.startswith("~"):
            self.transformations.append(Transformation(line, n))
        elif line.startswith("-"):
            if self.block is None:
                raise self.error(
                    n, "a pattern ('- ... * ... [code]') outside a verb block ('--- VERB [code] ---')"
                )
            pattern = self._pattern(line[1:], n)
            if pattern is not None:
                self.block.patterns.append(pattern)
        elif line.startswith("{"):
            self._forms_line(line, n)
        else:
            verb = self._verb(line, n)
            if self.block is None or self.block.implicit:
                # TABARI's format has no block headers: each verb line with its patterns is one.
                self._close_block()
                self.block = _OpenBlock(" ".join(verb.words), verb.code or NO_EVENT, n, implicit=True)
            self.block.verbs.append(verb)

    def _forms_line(self, line: str, n: int) -> None:
        """TABARI's irregular forms on the line after the verb: ``{ BROKE_ BROKEN_ }``."""
        if self.block is None or not self.block.verbs or not line.endswith("}"):
            raise self.error(n, f"a line of verb forms '{{...}}' must follow a verb line, found {line!r}")
        last = self.block.verbs[-1]
        words = [self._verb_words(p, n) for p in line[1:-1].replace(",", " ").split()]
        forms = {ws[at] for ws, at in words} | {last.base}
        self.block.verbs[-1] = replace(last, forms=frozenset(forms))

    # -- synsets -----------------------------------------------------------------------------

    def _open_synset(self, line: str, n: int) -> None:
        name = line.split()[0]
        if not _NAME.fullmatch(name) or name == "&":
            raise self.error(n, f"synset name {name!r} should be '&' and capital letters, digits or '_'")
        if len(line.split()) > 1:
            raise self.error(n, f"a synset name line holds only the name, found {line!r}")
        self._close_block()
        plural = not name.endswith("_")
        self.synset = (name[1:].rstrip("_"), plural, n, [])

    def _member(self, text: str, n: int) -> None:
        assert self.synset is not None
        name, plural, _, phrases = self.synset
        if not text:
            raise self.error(n, f"an empty member in synset &{name}")
        if text.startswith("&"):
            ref = text[1:].rstrip("_")
            if ref not in self.synsets:
                raise self.error(n, f"synset &{name} includes &{ref}, which is not defined before it")
            phrases.extend(self.synsets[ref].phrases)
            return
        if any(c in text for c in "$%*^[]{}()"):
            raise self.error(n, f"a synset member holds only words, found {text!r}")
        words = tuple(w for w in re.split(r"[\s_]+", text.upper()) if w)
        phrases.append(words)
        if plural and not text.endswith("_"):
            phrases.append((*words[:-1], plural_of(words[-1])))

    def _close_synset(self) -> None:
        if self.synset is not None:
            name, _, line, phrases = self.synset
            self.synsets[name] = Synset(name, tuple(dict.fromkeys(phrases)), line)
            self.synset = None

    # -- verb blocks -------------------------------------------------------------------------

    def _header(self, line: str, n: int) -> None:
        found = _HEADER.match(line)
        if not found:
            raise self.error(n, f"a verb block header reads '--- NAME [CODE] ---', found {line!r}")
        self._close_block()
        body = found.group(1)
        codes = _BRACKET.findall(body)
        name = _BRACKET.sub(" ", body).strip()
        if not name:
            raise self.error(n, "a verb block header without a name")
        code = self._code(codes[0], n) if codes else NO_EVENT
        self.block = _OpenBlock(name, code, n)

    def _close_block(self) -> None:
        if self.block is not None:
            b = self.block
            patterns = tuple(sorted(b.patterns, key=lambda p: -p.weight))
            self.blocks.append(VerbBlock(b.name, b.code, tuple(b.verbs), patterns, b.line))
            self.block = None

    def _verb(self, line: str, n: int) -> Verb:
        codes = _BRACKET.findall(line)
        if len(codes) > 1:
            raise self.error(n, f"a verb line has one code at most, found {len(codes)}")
        rest = _BRACKET.sub(" ", line)
        braces = _BRACES.findall(rest)
        if len(braces) > 1 or rest.count("{") != rest.count("}") or rest.count("{") > 1:
            raise self.error(n, f"a verb line has one '{{...}}' of forms at most, found {line!r}")
        head = _BRACES.sub(" ", rest).strip()
        words, verb_at = self._verb_words(head, n)
        if braces:
            forms = {
                ws[at] for ws, at in (self._verb_words(p, n) for p in braces[0].replace(",", " ").split())
            }
            forms.add(words[verb_at])
        else:
            forms = set(regular_forms(words[verb_at]))
        code = self._code(codes[0], n) if codes else None
        return Verb(words, verb_at, frozenset(forms), code, n)

    def _verb_words(self, text: str, n: int) -> tuple[tuple[str, ...], int]:
        # TABARI's "BAN=" marks a verb whose forms are not generated; the forms are matched anyway.
        parts = [p.rstrip("=") for p in re.split(r"[\s_]+", text.upper()) if p]
        if not parts or any(not _is_word(p.lstrip("+")) for p in parts):
            raise self.error(n, f"a verb should be words joined by '_' or spaces, found {text!r}")
        marked = [i for i, p in enumerate(parts) if p.startswith("+")]
        if len(marked) > 1:
            raise self.error(n, f"mark one verb word of a multi-word verb with '+', found {text!r}")
        return tuple(p.lstrip("+") for p in parts), marked[0] if marked else 0

    # -- patterns ----------------------------------------------------------------------------

    def _pattern(self, body: str, n: int) -> Pattern | None:
        codes = list(_BRACKET.finditer(body))
        last = codes[-1] if codes else None
        if last is not None and body[last.end() :].strip():
            raise self.error(n, f"text after the code of a pattern: {body[last.end() :].strip()!r}")
        if "[" in body[: last.start() if last else None] or "]" in body:
            if last is None or "[" in body[: last.start()]:
                raise self.error(n, f"a pattern has one code in brackets, at its end: {body.strip()!r}")
        text = body[: last.start() if last else None].strip()
        elements = self._elements(text, n)
        if elements is None:
            return None
        verbs = [i for i, e in enumerate(elements) if e.kind == VERB]
        if len(verbs) != 1:
            raise self.error(n, f"a pattern has one '*' for the verb, found {len(verbs)} in {text!r}")
        at = verbs[0]
        # TABARI: a pattern with no code gives the verb's ("- + HAS_BEEN_* BY $": the passive).
        code = self._code(last.group(1), n) if last else None
        before, after = tuple(elements[:at]), tuple(elements[at + 1 :])
        return Pattern(before, after, code, n, f"- {text}", verb_joined=elements[at].joined)

    def _elements(self, text: str, n: int) -> list[Element] | None:
        if text.count("{") != text.count("}") or text.count("(") != text.count(")"):
            # Two patterns of CAMEO.2.0 carry a stray ")": what they meant is not sure.
            self.warnings.append(f"{self.where} line {n}: unbalanced braces or parentheses; pattern skipped")
            return None
        out: list[Element] = []
        text = self._alternatives(text, n)
        # "*SCEPTICAL" (CAMEO.2.0 line 1735): the verb's mark is never part of a word.
        text = re.sub(r"\*(?=[A-Za-z0-9])", "* ", re.sub(r"(?<=[A-Za-z0-9])\*", " *", text))
        for chunk in re.sub(r"[{}()]", " ", text).split():
            parts = chunk.split("_")
            i, first = 0, True
            while i < len(parts):
                part = parts[i]
                if not part:
                    if out and out[-1].kind == WORD and not first:
                        last = out[-1]
                        out[-1] = Element(WORD, last.value, last.joined, True)
                    i += 1
                    continue
                if part.startswith("&"):
                    name, used = self._synset_name(parts, i, n)
                    if name is None:
                        self.warnings.append(
                            f"{self.where} line {n}: synset {part} is not defined; pattern skipped"
                        )
                        return None
                    out.append(Element(SYNSET, name, not first))
                    i += used
                elif part in _MARKERS:
                    out.append(Element(_MARKERS[part], part, not first))
                    i += 1
                elif _is_word(part.rstrip("~")):  # TABARI's "NEAT~": a stem
                    out.append(Element(WORD, part.rstrip("~").upper(), not first))
                    i += 1
                else:
                    raise self.error(n, f"{part!r} in pattern {text!r} is not a word, synset or marker")
                first = False
        return out

    def _alternatives(self, text: str, n: int) -> str:
        """TABARI's ``{ A | B C }`` (one of the phrases) as an unnamed synset ``&ALT:N``."""

        def named(found: re.Match[str]) -> str:
            phrases = [
                tuple(w for w in re.split(r"[\s_~]+", p.upper()) if w) for p in found.group(1).split("|")
            ]
            if not all(phrases):
                raise self.error(n, f"an empty choice in {found.group(0)!r}")
            name = f"ALT:{len(self.synsets)}"
            self.synsets[name] = Synset(name, tuple(phrases), n)
            return f"&{name}"

        return re.sub(r"\{([^{}]*\|[^{}]*)\}", named, text)

    def _synset_name(self, parts: list[str], i: int, n: int) -> tuple[str | None, int]:
        """The longest defined synset name starting at ``parts[i]`` ("&FIGHT_OF_WORDS")."""
        for end in range(len(parts), i, -1):
            name = "_".join(parts[i:end])[1:].upper()
            if name in self.synsets:
                return name, end - i
        return None, 1

    def _code(self, body: str, n: int) -> EventCode:
        text = body.strip()
        if not text or " " in text:
            raise self.error(n, f"code [{body}] should be one code, or two joined by ':'")
        forward, _, reverse = text.partition(":")
        parts = [_one_code(c) for c in (forward, reverse)]
        blocks = any(c not in ("", "---") and not _EVENT_CODE.fullmatch(c) for c in (forward, reverse))
        return EventCode(parts[0], parts[1], blocks)


def _strip_comment(line: str) -> str:
    """The line before its ``#`` (or TABARI's ``;``) comment; a ``#`` inside a code
    (``[###]``) is no comment."""
    depth = 0
    for i, char in enumerate(line):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(0, depth - 1)
        elif char in "#;" and depth == 0:
            return line[:i]
    return line


def _one_code(text: str) -> str | None:
    return text if _EVENT_CODE.fullmatch(text) else None


def _is_word(text: str) -> bool:
    return bool(text) and bool(re.fullmatch(r"[A-Za-z0-9'.,&/-]+", text)) and any(c.isalnum() for c in text)


def _indexed(
    where: str,
    synsets: Mapping[str, Synset],
    blocks: list[VerbBlock],
    transformations: list[Transformation],
    warnings: list[str],
) -> VerbDictionary:
    by_form: dict[str, list[tuple[Verb, VerbBlock]]] = {}
    by_base: dict[str, list[tuple[Verb, VerbBlock]]] = {}
    for block in blocks:
        for verb in block.verbs:
            by_base.setdefault(verb.base, []).append((verb, block))
            for form in verb.forms:
                by_form.setdefault(form, []).append((verb, block))
    return VerbDictionary(
        source=where,
        synsets=dict(synsets),
        blocks=tuple(blocks),
        transformations=tuple(transformations),
        warnings=tuple(warnings),
        _by_form={k: tuple(v) for k, v in by_form.items()},
        _by_base={k: tuple(v) for k, v in by_base.items()},
    )


# -- English forms ---------------------------------------------------------------------------

_VOWELS = "AEIOU"


def plural_of(word: str) -> str:
    """The regular plural, as PETRARCH makes it: +S, +IES after a consonant and Y, +ES after SS."""
    if word.endswith("Y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def regular_forms(verb: str) -> tuple[str, ...]:
    """The base form with its regular third person, past and present participle."""
    if verb.endswith("E"):
        stem = verb[:-1]
        return (verb, verb + "S", verb + "D", stem + "ING")
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return (verb, verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING")
    third = verb + "ES" if verb.endswith(("SS", "SH", "CH", "X", "O")) else verb + "S"
    return (verb, third, verb + "ED", verb + "ING")
