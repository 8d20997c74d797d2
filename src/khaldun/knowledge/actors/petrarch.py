"""A reader for actor and agent dictionaries in the PETRARCH/TABARI text format.

Many users of the older coders keep their own dictionaries in this format;
khaldun reads them as user knowledge (``[actors] extra_files``), and
``tools/convert_phoenix_actors.py`` reads the Phoenix actor dictionaries with it
for the bundled lists (``data/actors/phoenix``). The format, as read here:

* comments: ``#`` to the end of a line, and ``<!-- ... -->`` blocks;
* an actor entry: a phrase with words joined by ``_`` or spaces (a trailing
  ``_`` marks the end of a word), then optionally its codes on the same line
  (``HAMAS [PSEREBHMS]``); ``+PHRASE`` lines add synonyms; indented
  ``[CODE]`` lines add codes; primary lines in a row with no code between
  them are one actor (PETRARCH gives them the codes that follow);
* a code: ``[CODE]`` (valid always, the default), ``[CODE 750101-000101]``,
  ``[CODE >011222]`` (from that day on) or ``[CODE <011222]`` (until that
  day); dates are YYMMDD (years up to 30 are 20xx) or YYYYMMDD;
* an agent entry: ``PHRASE {PLURAL} [~SEC]``: a sector word whose code is
  appended to the country (``{}``: no plural form; ``[IGO~]``: a standalone
  code); ``!NAME! = A, B`` defines a substitution used as ``CATTLE!NAME!``.

Mapping into the knowledge base: an actor with dated codes is a person with
one role per dated code (its undated code gives the country outside them);
an actor with only a country code (``[AFG]``) adds a country alias; other
actors are organisations with the code as written. Prefix patterns of the
old coders ("ARGENTIN" for Argentina, Argentine) are read as whole words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from khaldun.knowledge.actors.base import Organisation, Person, SectorTerm
from khaldun.knowledge.actors.entries import Entries
from khaldun.model import Role

_COMMENT_BLOCK = re.compile(r"<!--.*?-->", re.S)
_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO_DEF = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$")
_MACRO_USE = re.compile(r"![A-Z0-9_]+!")
_PLURAL = re.compile(r"\{([^}]*)\}")
YEAR_PIVOT = 30  # two-digit years up to this are 20xx, later ones 19xx


@dataclass
class DictCode:
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class DictEntry:
    """One actor or agent entry as written in the dictionary."""

    phrase: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    codes: list[DictCode] = field(default_factory=list)
    plurals: list[str] | None = None  # None: no {...} given, the regular plural applies


def decode(data: bytes) -> str:
    """Dictionaries of the old coders are often Latin-1; UTF-8 is tried first."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_dictionary(text: str, where: str) -> tuple[list[DictEntry], list[str]]:
    """Entries of a PETRARCH/TABARI dictionary, and warnings about lines skipped."""
    text = _COMMENT_BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    macros: dict[str, list[str]] = {}
    entries: list[DictEntry] = []
    warnings: list[str] = []
    current: DictEntry | None = None
    uncoded = False  # the current actor has had no [code] yet: a primary line now joins it
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        macro = _MACRO_DEF.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        head, codes = _split_codes(line, f"{where} line {n}", warnings)
        if line[0].isspace() and not head:
            if current is not None:
                current.codes.extend(codes)
                uncoded = False
            continue
        if head.startswith("+"):
            if current is not None:
                current.synonyms.extend(_expand(head[1:], macros))
            continue
        plurals = None
        if "{" in head:
            plurals = [_words(p) for group in _PLURAL.findall(head) for p in group.split(",") if p.strip()]
        head = _PLURAL.sub(" ", head).strip()
        if not head:
            continue
        if uncoded and current is not None and plurals is None:
            # Primary lines in a row before any code name one actor, as PETRARCH reads them
            # ("BORIS_YELTSIN_" / "PRESIDENT_YELTSIN", then the dated codes of both).
            current.synonyms.extend(_expand(head, macros))
            current.codes.extend(codes)
            uncoded = "[" not in line
            continue
        for phrase in _expand(head, macros):
            current = DictEntry(phrase, n, codes=list(codes), plurals=plurals)
            entries.append(current)
        uncoded = "[" not in line and plurals is None
    return entries, warnings


def _split_codes(line: str, where: str, warnings: list[str]) -> tuple[str, list[DictCode]]:
    codes = []
    for body in _CODE.findall(line):
        parsed = _parse_code(body)
        if parsed is None:
            warnings.append(f"{where}: code [{body}] not understood, skipped")
        else:
            codes.append(parsed)
    return _CODE.sub(" ", line).strip(), codes


def _parse_code(body: str) -> DictCode | None:
    parts = body.split()
    if not parts:
        return None
    code, dates = parts[0], "".join(parts[1:])
    if not dates:
        return DictCode(code)
    try:
        if dates.startswith(">"):
            return DictCode(code, start=_dict_date(dates[1:]))
        if dates.startswith("<"):
            return DictCode(code, end=_dict_date(dates[1:]))
        first, _, last = dates.partition("-")
        start, end = _dict_date(first), _dict_date(last)
    except ValueError:
        return None
    # An interval that ends before it starts is skipped, as PETRARCH skips it: a two-digit
    # year up to 30 reads as 20xx, so "250101-331108" (meant 1925) is no interval at all.
    return DictCode(code, start=start, end=end) if start <= end else None


def _dict_date(text: str) -> dt.date:
    if len(text) == 8 and text.isdigit():
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        year += 2000 if year <= YEAR_PIVOT else 1900
        return dt.date(year, int(text[2:4]), int(text[4:]))
    raise ValueError(text)


def _words(phrase: str) -> str:
    return " ".join(phrase.replace("_", " ").split())


def _expand(phrase: str, macros: Mapping[str, list[str]]) -> list[str]:
    """A phrase with its ``!MACRO!`` substitutions spelled out (all combinations)."""
    found = _MACRO_USE.search(phrase)
    if not found or found.group(0) not in macros:
        return [_words(phrase)] if _words(phrase) else []
    out = []
    for word in macros[found.group(0)]:
        out.extend(_expand(phrase[: found.start()] + word + phrase[found.end() :], macros))
    return out


# -- into the knowledge base -------------------------------------------------------------


def read_dictionary(data: bytes, where: str, *, sector_names: Mapping[str, str]) -> Entries:
    """The knowledge a PETRARCH/TABARI actor or agent dictionary adds."""
    entries, warnings = parse_dictionary(decode(data), where)
    out = Entries(source=where, warnings=warnings, fill_only=True)
    for entry in entries:
        if not entry.codes:
            continue  # a bare phrase with no code names nothing
        if any(c.code.startswith("~") or c.code.endswith("~") for c in entry.codes):
            _add_agent(out, entry, sector_names)
        elif any(c.dated for c in entry.codes):
            out.people.append(_person(entry, where))
        else:
            _add_actor(out, entry, where)
    return out


def _display(phrase: str) -> str:
    """Dictionary phrases are upper case; short ones stay acronyms (UN, PKK), others title case."""
    words = phrase.split()
    return " ".join(w if len(w) <= 3 and w.isalpha() and len(words) == 1 else w.title() for w in words)


def _slug(phrase: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", phrase.lower()).strip("_")


def _country_of(code: str) -> str | None:
    head = code[:3]
    if len(head) == 3 and head.isalpha() and head not in ("IGO", "NGO", "IMG", "NGM"):
        return head
    return None


def _person(entry: DictEntry, where: str) -> Person:
    undated = [c for c in entry.codes if not c.dated]
    roles = tuple(
        Role(
            title=f"dictionary code {c.code}",
            code=c.code,
            country=_country_of(c.code),
            office="other",
            start=c.start,
            end=c.end,
        )
        for c in entry.codes
        if c.dated
    )
    default = undated[-1].code if undated else roles[0].code
    name = _display(entry.phrase)
    return Person(
        id=f"dict:{_slug(entry.phrase)}",
        name=name,
        country=_country_of(default),
        aliases=tuple(dict.fromkeys([name, *(_display(s) for s in entry.synonyms)])),
        roles=roles,
        source=where,
    )


def _add_actor(out: Entries, entry: DictEntry, where: str) -> None:
    code = entry.codes[-1].code
    phrases = [entry.phrase, *entry.synonyms]
    if len(code) == 3 and code.isalpha() and _country_of(code):
        out.country_aliases.extend((_display(p), code) for p in phrases)
        return
    name = _display(entry.phrase)
    out.organisations.append(
        Organisation(
            id=f"dict:{_slug(entry.phrase)}",
            name=name,
            code=code,
            country=_country_of(code),
            sector=code[3:6] or None,
            kind="group",
            aliases=tuple(dict.fromkeys(_display(p) for p in phrases)),
            source=where,
        )
    )


def _add_agent(out: Entries, entry: DictEntry, sector_names: Mapping[str, str]) -> None:
    raw = next(c.code for c in entry.codes if "~" in c.code)
    code = raw.strip("~") or "---"
    plover = sector_names.get(code[:3], code)
    terms = [entry.phrase, *entry.synonyms, *(entry.plurals or [])]
    if entry.plurals is None and not entry.phrase.endswith("S"):
        terms.append(entry.phrase + "S")  # the old coders form regular plurals themselves
    for term in dict.fromkeys(t.lower() for t in terms if t):
        out.sectors.append(SectorTerm(term, code, plover, "group"))
