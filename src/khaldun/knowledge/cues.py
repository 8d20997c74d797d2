"""Word cues the stages read besides the triggers: modality words, money words, group nouns.

Each comes from one data file and is read once, when the :class:`~khaldun.knowledge.Knowledge`
is built:

* ``lexicon/modality.yaml`` — what became of an event (planned, postponed, denied ...);
* ``lexicon/amounts.yaml`` — scales and currency words of money figures;
* ``actors/group_nouns.yaml`` — nouns for groups of people, nouns that refer back to a
  state ("the kingdom"), and the sectors of a people's own groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from importlib.abc import Traversable
from typing import Any

import yaml

from khaldun.errors import DataFileError
from khaldun.model import Modality


def read_yaml(file: Traversable) -> Any:
    """A bundled or user YAML data file, with a clear error when it is malformed."""
    try:
        return yaml.safe_load(file.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise DataFileError(f"{file.name}: not valid YAML: {exc}") from None


@dataclass(frozen=True)
class ModalityCues:
    lemmas: dict[str, Modality]
    aux: dict[str, Modality]
    negation: frozenset[str]
    precedence: tuple[Modality, ...]
    reporting: frozenset[str]
    refusal: frozenset[str]
    preparation: frozenset[str]
    intent: frozenset[str]
    threat: frozenset[str]
    condition: frozenset[str]
    obligation: frozenset[str]
    obligation_reporting: frozenset[str]
    aims: frozenset[str] = frozenset()  # nouns whose "of" phrase is what is done, not planned
    # Nouns for what is said ("a charge Kigali denied"): a cue verb with one as its subject
    # is another party's answer to the sentence, not a cue about its event.
    answered: frozenset[str] = frozenset()
    # Words that open a clause as a question ("examine whether the deal complied"): its
    # event is hypothetical, whatever the verbs above it say.
    question: frozenset[str] = frozenset()

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Verbs that say what became of an event (cancel, postpone, plan, deny ...)."""
        return frozenset(lemma for lemma in self.lemmas if " " not in lemma)


def read_modality_cues(file: Traversable) -> ModalityCues:
    raw = read_yaml(file)
    lemmas: dict[str, Modality] = {}
    # Earlier categories in the precedence list win when a lemma is listed twice.
    for name in reversed(raw["precedence"]):
        for lemma in raw["lemmas"].get(name, []):
            lemmas[lemma.replace("_", " ")] = Modality(name)
    return ModalityCues(
        lemmas=lemmas,
        aux={k: Modality(v) for k, v in raw["aux"].items()},
        negation=frozenset(raw["negation"]),
        precedence=tuple(Modality(m) for m in raw["precedence"]),
        reporting=frozenset(raw.get("reporting", [])),
        # "rule_out" is a verb and its particle, read as "rule out".
        refusal=frozenset(w.replace("_", " ") for w in raw.get("refusal", [])),
        preparation=frozenset(raw.get("preparation", [])),
        intent=frozenset(raw.get("intent", [])),
        threat=frozenset(raw.get("threat", [])),
        condition=frozenset(raw.get("condition", [])),
        question=frozenset(raw.get("question", [])),
        obligation=frozenset(raw.get("obligation", [])),
        obligation_reporting=frozenset(raw.get("obligation_reporting", [])),
        aims=frozenset(raw.get("aims", [])),
        answered=frozenset(raw.get("answered", [])),
    )


@dataclass(frozen=True)
class AmountWords:
    scales: dict[str, float]
    currencies: dict[str, str]


def read_amount_words(file: Traversable) -> AmountWords:
    raw = read_yaml(file)
    return AmountWords(
        scales={str(k).lower(): float(v) for k, v in raw["scales"].items()},
        currencies={str(k).lower(): str(v) for k, v in raw["currencies"].items()},
    )


@dataclass(frozen=True)
class GroupNouns:
    """Nouns for groups of people and the words around them (``actors/group_nouns.yaml``)."""

    words: frozenset[str]  # "protesters", "delegation"
    plural_endings: tuple[str, ...]  # plurals ending so name groups of people ("-ists")
    not_for_country: frozenset[str]  # nouns that never stand for their country
    working_teams: frozenset[str]  # work that makes a team a state's ("rescue team")
    shared_party_names: frozenset[str]  # party names many states' parties bear ("democratic party")
    state_nouns: frozenset[str]  # nouns that refer back to a state ("his country", "the kingdom")
    people_sectors: dict[str, str]  # a people's own groups' sector ("Tigrayan forces": REB)
    foreign_modifiers: frozenset[str]  # "foreign troops" are not of the place they are in


def read_group_nouns(file: Traversable) -> GroupNouns:
    raw = read_yaml(file)
    return GroupNouns(
        words=frozenset(raw["words"]),
        plural_endings=tuple(raw["plural_endings"]),
        not_for_country=frozenset(raw["not_for_country"]),
        working_teams=frozenset(raw.get("working_teams", [])),
        shared_party_names=frozenset(n.lower() for n in raw.get("shared_party_names", [])),
        state_nouns=frozenset(raw["state_nouns"]),
        people_sectors=dict(raw["people_sectors"]),
        foreign_modifiers=frozenset(raw.get("foreign_modifiers", [])),
    )
