"""The bundled Phoenix actor lists (``data/actors/phoenix``), read fast.

``tools/convert_phoenix_actors.py`` compiles PETRARCH2's Phoenix actor
dictionaries (MIT) into two TSV files: ``people.tsv`` (office holders with
dated codes, their name keys precomputed) and ``organisations.tsv`` (state
bodies, IGOs, NGOs, militant groups). What was kept and dropped is in
``PROVENANCE.md`` there. The knowledge base consults them only after
khaldun's own entries (:mod:`khaldun.knowledge.actors.builtin`).

The files are plain tab-separated text without quoting: a row is split on
tabs, lists on ``|``; a role is ``CODE START END`` (ISO dates, empty when
open). The name keys are valid for the ``names.yaml`` whose fingerprint the
header states; with another one they are computed again (slower, same result).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

from khaldun.errors import DataFileError
from khaldun.knowledge.actors.base import Hit, HitKind, Organisation, Person, belongs_to, normalise_phrase
from khaldun.knowledge.actors.names import name_key
from khaldun.model import Role

SOURCE = "phoenix"  # Person.source / Organisation.source of these entries
PEOPLE_COLUMNS = ("id", "name", "country", "aliases", "keys", "short", "roles")
ORGANISATION_COLUMNS = ("id", "name", "code", "country", "sector", "kind", "aliases")


class PhoenixPerson:
    """A person of the lists with the name keys they are found by.

    The :class:`Person` (with its dated roles) is built when first asked for: of the
    eighteen thousand people, a run meets a few, and start-up time matters.
    """

    __slots__ = ("id", "country", "aliases", "keys", "short", "_name", "_roles", "_where", "_person")

    def __init__(
        self, pid: str, name: str, country: str, aliases: tuple[str, ...], keys: tuple[str, ...], short: str,
        roles: str, where: str,
    ) -> None:  # fmt: skip
        self.id = f"phoenix:{pid}"
        self.country = country or None
        self.aliases = aliases
        self.keys = keys  # for each alias, the key of it as a full name ("" for one word)
        self.short = short  # key of the surname (or one-word name) the person may be named by alone, or ""
        self._name, self._roles, self._where = name, roles, where
        self._person: Person | None = None

    @property
    def person(self) -> Person:
        if self._person is None:
            roles = _roles(self._roles, self._where)
            self._person = Person(self.id, self._name, self.country, self.aliases, roles, SOURCE)
        return self._person


def full_name_key(alias: str) -> str:
    """The name key of an alias of two parts or more; "" for one word (see ``short``)."""
    key = name_key(alias)
    return key if " " in key else ""


def _file(name: str) -> Traversable:
    return resources.files("khaldun.data").joinpath("actors", "phoenix", name)


def name_rules_fingerprint() -> str:
    """Identifies the ``names.yaml`` the stored name keys were computed with."""
    data = resources.files("khaldun.data").joinpath("actors", "names.yaml").read_bytes()
    return hashlib.sha1(data).hexdigest()[:12]


def _rows(file: Traversable, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str], dict[str, str]]]:
    """(line number, cells, header comments) of a Phoenix TSV file; the header row is checked."""
    meta: dict[str, str] = {}
    header_seen = False
    for n, line in enumerate(file.read_text("utf-8").splitlines(), 1):
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        if not line:
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise DataFileError(f"phoenix/{file.name} line {n}: header must be {' '.join(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise DataFileError(
                f"phoenix/{file.name} line {n}: expected {len(columns)} tab-separated columns, "
                f"found {len(cells)}"
            )
        yield n, cells, meta


def _date(text: str, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataFileError(f"{where}: {text!r} is not an ISO date (YYYY-MM-DD)") from None


def _roles(cell: str, where: str) -> tuple[Role, ...]:
    roles = []
    for item in cell.split("|"):
        code, _, dates = item.partition(" ")
        start, _, end = dates.partition(" ")
        if not _valid_code(code):
            raise DataFileError(f"{where}: role {item!r} must be 'CODE START END'")
        country = code[:3] if code[:3] not in ("IGO", "NGO", "IMG") else None
        roles.append(Role(f"Phoenix {code}", code, country, "other", _date(start, where), _date(end, where)))
    return tuple(roles)


def _valid_code(code: str) -> bool:
    """A CAMEO-style code: three letters, then letters or digits (a few NGO codes carry numbers)."""
    return len(code) >= 3 and code[:3].isalpha() and code.isalnum()


def _current_keys(aliases: tuple[str, ...], short: str) -> tuple[tuple[str, ...], str]:
    """Name keys computed anew, when names.yaml changed after the conversion."""
    keys = tuple(full_name_key(a) for a in aliases)
    if short:
        shorts = {name_key(a).rsplit(" ", 1)[-1] for a in aliases if name_key(a)}
        short = shorts.pop() if len(shorts) == 1 else ""
    return keys, short


def read_people(file: Traversable) -> tuple[PhoenixPerson, ...]:
    """The people of a ``people.tsv`` in the format the converter writes."""
    out = []
    fresh = None
    for n, cells, meta in _rows(file, PEOPLE_COLUMNS):
        if fresh is None:
            fresh = meta.get("name_rules") == name_rules_fingerprint()
        pid, name, country, aliases_cell, keys_cell, short, roles_cell = cells
        where = f"phoenix/{file.name} line {n}"
        aliases = tuple(aliases_cell.split("|"))
        if fresh:
            keys = tuple(keys_cell.split("|"))
            if len(keys) != len(aliases):
                raise DataFileError(f"{where}: one key per alias expected")
        else:
            keys, short = _current_keys(aliases, short)
        if not roles_cell:
            raise DataFileError(f"{where}: a person needs at least one role")
        out.append(PhoenixPerson(pid, name, country, aliases, keys, short, roles_cell, where))
    return tuple(out)


def read_organisations(file: Traversable) -> tuple[Organisation, ...]:
    """The organisations and groups of an ``organisations.tsv`` in the converter's format."""
    out = []
    for n, cells, _ in _rows(file, ORGANISATION_COLUMNS):
        oid, name, code, country, sector, kind, aliases = cells
        if not _valid_code(code) or not aliases:
            raise DataFileError(f"phoenix/{file.name} line {n}: needs a letter code and aliases")
        names = tuple(aliases.split("|"))
        org = Organisation(f"phoenix:{oid}", name, code, country or None, sector or None, kind, names, SOURCE)
        out.append(org)
    return tuple(out)


@dataclass(frozen=True)
class PhoenixLists:
    """The people and organisations of the lists, as read from their files."""

    people: tuple[PhoenixPerson, ...]
    organisations: tuple[Organisation, ...]

    @classmethod
    def read(cls, people: Traversable, organisations: Traversable) -> PhoenixLists:
        return cls(read_people(people), read_organisations(organisations))


@lru_cache(maxsize=1)
def bundled_lists() -> PhoenixLists:
    """The lists shipped in ``data/actors/phoenix``, read once per process."""
    return PhoenixLists.read(_file("people.tsv"), _file("organisations.tsv"))


# -- the index the knowledge base consults after its own entries --------------------------------

# Words a name may write in lower case ("Bank of Ghana", "al-Aqsa Martyrs Brigade").
_LOWER_NAME_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le"}
)


def written_as_name(text: str) -> bool:
    """True when every word of ``text`` but a short function word has a capital letter:
    a name of the lists matches "Free Syrian Army", never the words "free syrian army"."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return bool(words) and all(w.lower() in _LOWER_NAME_WORDS or any(c.isupper() for c in w) for w in words)


def _acronym(phrase: str) -> bool:
    """Short capitals ("NASA", "IAEA") match only as written, as in the knowledge base itself."""
    return phrase.isupper() and len(phrase) <= 5 and " " not in phrase


@dataclass(frozen=True)
class KnownNames:
    """What the knowledge base already knows, so that its own entries win over the lists."""

    person_keys: Mapping[str, Sequence[Person]]  # name key -> people
    surname_keys: Mapping[str, Sequence[Person]]
    person_names: Container[str]  # lower-cased aliases of its people ("bashar assad")
    phrases: Container[str]  # lower-cased phrases it indexes (countries, organisations, sectors ...)
    organisation_phrases: Container[str]  # lower-cased phrases naming one of its organisations
    max_phrase_words: int  # longer names of the lists are left out: every phrase scan would pay


class PhoenixIndex:
    """People and organisations of the lists that the knowledge base does not know itself."""

    def __init__(self, known: KnownNames, lists: PhoenixLists) -> None:
        self.organisations: dict[str, Organisation] = {}
        self._people: dict[str, PhoenixPerson] = {}
        self._keys: dict[str, list[PhoenixPerson]] = defaultdict(list)
        self._short: dict[str, list[PhoenixPerson]] = defaultdict(list)
        self._phrases: dict[str, list[Hit]] = defaultdict(list)
        self._acronyms: dict[str, list[Hit]] = defaultdict(list)
        for entry in lists.people:
            self._add_person(entry, known)
        for org in lists.organisations:
            self._add_organisation(org, known)

    def _add_person(self, entry: PhoenixPerson, known: KnownNames) -> None:
        keys = [
            k for a, k in zip(entry.aliases, entry.keys, strict=True) if k and a.lower() not in known.phrases
        ]
        for key in keys:
            for other in known.person_keys.get(key, ()):
                if not entry.country or belongs_to(other, entry.country):
                    return  # khaldun's own entry for this person wins
        self._people[entry.id] = entry
        for key in dict.fromkeys(keys):
            self._keys[key].append(entry)
        short = entry.short
        # A one-word name that is khaldun's person or a phrase it knows stays theirs.
        taken = (known.person_keys, known.surname_keys, known.phrases)
        if short and not any(short in index for index in taken):
            self._short[short].append(entry)

    def _add_organisation(self, org: Organisation, known: KnownNames) -> None:
        phrases = [normalise_phrase(a) for a in org.aliases]
        if any(p.lower() in known.organisation_phrases for p in phrases):
            return  # the same body as one of khaldun's organisations: khaldun's code wins
        # A phrase khaldun indexes or a name of its people (the lists give a few people one
        # fixed code, "Bashar al-Assad") stays khaldun's; so does the longest phrase it scans.
        fresh = [
            p
            for p in phrases
            if sum(c.isalpha() for c in p) >= 3
            and p.lower() not in known.phrases
            and p.lower() not in known.person_names
            and len(p.split()) <= known.max_phrase_words
        ]
        if not fresh:
            return
        self.organisations[org.id] = org
        hit = Hit(HitKind.ORGANISATION, organisation=org)
        for phrase in dict.fromkeys(fresh):
            if _acronym(phrase):
                self._acronyms[phrase].append(hit)
            else:
                self._phrases[phrase.lower()].append(hit)

    def lookup(self, phrase: str) -> Sequence[Hit]:
        """Organisations a phrase names, when it is written as a name; an acronym ("DAWN",
        "NASA") only as written, never the word ("Dawn")."""
        if _acronym(phrase):
            return self._acronyms.get(phrase, ())
        hits = self._phrases.get(phrase.lower())
        return hits if hits and written_as_name(phrase) else ()

    def by_key(self, key: str) -> list[Person]:
        """The people whose full name has this key."""
        return [e.person for e in self._keys.get(key, ())]

    def by_surname(self, key: str) -> list[Person]:
        """The people who may be named by this key alone (a distinctive surname)."""
        return [e.person for e in self._short.get(key, ())]

    def person(self, person_id: str) -> Person | None:
        entry = self._people.get(person_id)
        return entry.person if entry is not None else None
