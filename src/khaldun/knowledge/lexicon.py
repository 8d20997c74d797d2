"""The event lexicon: verb and noun triggers read from ``data/lexicon``.

See the comments at the top of ``verbs.yaml`` for the format. Target slots:
``dobj``, ``dative``, ``attr``, ``npadvmod`` (dependents of the trigger),
``clause_subject`` (the subject of the trigger's complement clause: "demanded
that the US leave"), ``owner`` (whose the event noun object is), ``victim`` (whom
the event noun of a "for" harmed: "apologised for the killing of civilians"), or a
preposition ("with", "against") whose object is the
target, on the trigger, its object, or one clause down. Every code an
entry can emit is checked against the ontology when the lexicon is loaded,
so a typo in a data file fails loudly instead of producing a bogus code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from khaldun.data import bundled_data
from khaldun.errors import DataFileError
from khaldun.knowledge.ontology import Ontology, load_ontology
from khaldun.model import Modality


@dataclass(frozen=True)
class TriggerRule:
    """How one trigger (a verb, a noun, or a verb with a given object) becomes an event."""

    lemma: str
    code: str
    pos: str  # "verb", "noun" or "verb+object"
    target: tuple[str, ...] = ("dobj",)
    place_target: bool = False
    modality: Modality | None = None
    refine: Mapping[str, str] = field(default_factory=dict)
    target_optional: bool = False
    target_required: bool = False  # no event without a target in its own slots ("wants Putin to attack")
    source_required: bool = False  # no event without a source actor ("the storm hit Florida")
    requires_child: tuple[str, ...] = ()
    excludes_child: tuple[str, ...] = ()  # a verb with one of these is another sense
    object_nouns: frozenset[str] = frozenset()
    particle: tuple[str, ...] = ()  # words that must hang on the verb: ("for",) in "call for"
    reverse: bool = False  # the target found is the doer: "received aid from X"
    thing_target: bool = False  # a thing in the target slot keeps the event ("attacked a camp")
    reciprocal: bool = False  # the event runs both ways ("held talks with X": X talked too)
    converse: str = ""  # the code of the other side's event ("X received Y": Y visited, 042)
    joint: str = ""  # the code when parties of several countries do it together (war games: 062)
    by_armed_group: str = ""  # the code when non-state armed groups do it ("militants bombed": 183)
    by_protesters: str = ""  # the code when protesters do it ("protesters blockaded a road": 144)

    @property
    def name(self) -> str:
        """A readable rule id for evidence: "verb:meet", "verb+object:pledge+support", "verb:call_for"."""
        lemma = "_".join((self.lemma, *self.particle))
        if self.object_nouns:
            return f"{self.pos}:{lemma}+{'|'.join(sorted(self.object_nouns))}"
        return f"{self.pos}:{lemma}"

    @property
    def specificity(self) -> int:
        """Higher for rules that ask more of the sentence; they are tried first."""
        return 2 * bool(self.object_nouns) + len(self.particle) + bool(self.requires_child)

    def codes(self) -> Iterable[str]:
        yield self.code
        yield from self.refine.values()
        if self.joint:
            yield self.joint
        if self.by_armed_group:
            yield self.by_armed_group
        if self.by_protesters:
            yield self.by_protesters


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, tuple[TriggerRule, ...]]  # lemma -> rules (object rules first)
    nouns: Mapping[str, TriggerRule]
    adjectives: Mapping[str, TriggerRule] = field(default_factory=dict)  # "is skeptical of"

    def rules(self) -> Iterable[TriggerRule]:
        for rules in self.verbs.values():
            yield from rules
        yield from self.nouns.values()
        yield from self.adjectives.values()

    def check_codes(self, ontology: Ontology, where: str = "lexicon") -> None:
        for rule in self.rules():
            for code in rule.codes():
                if not ontology.has_cameo(code):
                    raise DataFileError(
                        f"{where}: rule {rule.name} emits {code!r}, which is not a CAMEO code"
                    )


@dataclass(frozen=True)
class WordLists:
    """The named word and code lists of ``lexicon/defaults.yaml`` (reciprocal_roots,
    background_marks, support_verbs, ...). An unknown name is an empty list, so a rule
    whose list is not written yet fires for nothing."""

    lists: Mapping[str, frozenset[str]]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    @property
    def support_verbs(self) -> frozenset[str]:
        """Verbs through which a noun trigger takes the verb's subject as its source."""
        return self.lists["support_verbs"]

    @property
    def own_country_target_roots(self) -> frozenset[str]:
        """Roots whose events with no target are against the source's own country (protests)."""
        return self["own_country_target_roots"]


class _ListedOrderLoader(yaml.SafeLoader):
    """Safe YAML whose merged mappings keep the keys written out first: in a refinement
    table ``{demand: "083", <<: *intent_coop_refine}`` the first listed word found wins,
    so ``demand`` is tried before the shared table's words (PyYAML puts merged keys first)."""

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        explicit = [(k, v) for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"]
        super().flatten_mapping(node)
        written = {id(k) for k, _ in explicit}
        names = {k.value for k, _ in explicit if isinstance(k, yaml.ScalarNode)}
        merged = [(k, v) for k, v in node.value if id(k) not in written and k.value not in names]
        node.value = explicit + merged


def read_word_lists(file: Any) -> WordLists:
    """Read ``defaults.yaml`` (a path or a package resource)."""
    try:
        raw = yaml.safe_load(file.read_text("utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DataFileError(f"{file.name}: not valid YAML: {exc}") from None
    return WordLists({str(k): frozenset(str(w) for w in v) for k, v in raw.items() if isinstance(v, list)})


def _rule(entry: Mapping[str, Any], pos: str, where: str, words: WordLists, **overrides: Any) -> TriggerRule:
    merged = {**entry, **overrides}
    slots = merged.get("target", ["dobj"])
    if not all(isinstance(slot, str) for slot in slots):
        raise DataFileError(
            f"{where}: entry {entry.get('lemma', '?')!r} has a non-text target {slots!r}; "
            'quote prepositions YAML reads as booleans, e.g. "on", "off", "no"'
        )
    try:
        modality = Modality(merged["modality"]) if merged.get("modality") else None
        return TriggerRule(
            lemma=str(entry["lemma"]),
            code=str(merged["code"]),
            pos=pos,
            target=tuple(str(t) for t in merged.get("target", ["dobj"])),
            place_target=bool(merged.get("place_target", False)),
            modality=modality,
            refine={str(k): str(v) for k, v in (merged.get("refine") or {}).items()},
            target_optional=bool(merged.get("target_optional", False)),
            target_required=bool(merged.get("target_required", False)),
            source_required=bool(merged.get("source_required", False)),
            requires_child=tuple(merged.get("requires_child", ())),
            excludes_child=tuple(merged.get("excludes_child", ())),
            object_nouns=frozenset(overrides.get("nouns", ())),
            particle=_particle_words(merged.get("particle", ""), where, entry.get("lemma", "?")),
            reverse=bool(merged.get("reverse", False)),
            reciprocal=bool(merged.get("reciprocal", False)),
            converse=str(merged.get("converse", "")),
            joint=str(merged.get("joint", "")),
            by_armed_group=str(merged.get("by_armed_group", "")),
            by_protesters=str(merged.get("by_protesters", "")),
            thing_target=bool(
                merged.get("thing_target", str(merged["code"])[:2] in words["thing_target_roots"])
            ),
        )
    except KeyError as exc:
        raise DataFileError(f"{where}: entry {entry.get('lemma', '?')!r} lacks {exc}") from None
    except ValueError as exc:
        raise DataFileError(f"{where}: entry {entry.get('lemma', '?')!r}: {exc}") from None


def _particle_words(value: Any, where: str, lemma: str) -> tuple[str, ...]:
    """A rule's particles, written as words in one string ("out of") or as a list of them
    (["out", "of"]): a list was once read as the text "['out', 'of']" and never matched."""
    if isinstance(value, str):
        return tuple(value.split())
    if isinstance(value, list) and all(isinstance(word, str) for word in value):
        return tuple(word for item in value for word in item.split())
    raise DataFileError(
        f'{where}: entry {lemma!r} has particle {value!r}; give words as text ("out of") '
        'or a list of text; quote prepositions YAML reads as booleans, e.g. "on"'
    )


def _verb_rules(entry: Mapping[str, Any], where: str, words: WordLists) -> tuple[TriggerRule, ...]:
    rules = [
        _rule(entry, "verb+object", where, words, **{k: v for k, v in obj.items()})
        for obj in entry.get("objects", [])
    ]
    if "code" in entry:
        rules.append(_rule(entry, "verb", where, words))
    return tuple(rules)


def read_lexicon(folder: Path | Any, words: WordLists | None = None) -> Lexicon:
    """Read ``verbs.yaml``, ``nouns.yaml`` and ``adjectives.yaml`` (when present) from a folder
    (a path or a package resource); ``words`` are the folder's ``defaults.yaml`` unless given."""
    if words is None:
        own = folder.joinpath("defaults.yaml")
        words = read_word_lists(own if own.is_file() else bundled_data("lexicon/defaults.yaml"))
    verbs: dict[str, tuple[TriggerRule, ...]] = {}
    nouns: dict[str, TriggerRule] = {}
    adjectives: dict[str, TriggerRule] = {}
    for name in ("verbs.yaml", "nouns.yaml", "adjectives.yaml"):
        if name == "adjectives.yaml" and not folder.joinpath(name).is_file():
            continue
        try:
            raw = yaml.load(folder.joinpath(name).read_text("utf-8"), Loader=_ListedOrderLoader) or {}
        except yaml.YAMLError as exc:
            raise DataFileError(f"{name}: not valid YAML: {exc}") from None
        for entry in raw.get("verbs", []):
            verbs[str(entry["lemma"])] = verbs.get(str(entry["lemma"]), ()) + _verb_rules(entry, name, words)
        for entry in raw.get("nouns", []):
            nouns[str(entry["lemma"])] = _rule(entry, "noun", name, words)
        for entry in raw.get("adjectives", []):
            adjectives[str(entry["lemma"])] = _rule(entry, "adjective", name, words)
    # Specific patterns win over general ones: "pledged aid" before "pledged", "call for" before "call".
    ordered = {lemma: tuple(sorted(rules, key=lambda r: -r.specificity)) for lemma, rules in verbs.items()}
    return Lexicon(ordered, nouns, adjectives)


@lru_cache(maxsize=1)
def load_word_lists() -> WordLists:
    """The bundled word lists (``lexicon/defaults.yaml``), read once per process."""
    return read_word_lists(bundled_data("lexicon/defaults.yaml"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, checked against the ontology, loaded once per process."""
    lexicon = read_lexicon(bundled_data("lexicon"), load_word_lists())
    lexicon.check_codes(load_ontology(), "bundled lexicon")
    return lexicon
