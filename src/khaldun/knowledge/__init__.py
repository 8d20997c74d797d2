"""Everything khaldun knows, read from ``data/`` once and handed to every coding stage.

:class:`Knowledge` holds it: the ontology (CAMEO, PLOVER, the map between them), the
event lexicon and its word lists, the cues of modality, money and groups of people, the
gazetteer and the actor knowledge base (``actors/``). A :class:`~khaldun.coding.pipeline.Pipeline`
builds one with :func:`load_knowledge`; no stage opens a data file itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from khaldun.config import Config
from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.actors import KnowledgeBase, load_kb
from khaldun.knowledge.cues import (
    AmountWords,
    GroupNouns,
    ModalityCues,
    read_amount_words,
    read_group_nouns,
    read_modality_cues,
)
from khaldun.knowledge.dictionaries import PetrarchDictionaries, dictionary_ontology, load_dictionaries
from khaldun.knowledge.gazetteer import Gazetteer
from khaldun.knowledge.lexicon import Lexicon, WordLists, load_lexicon, load_word_lists
from khaldun.knowledge.ontology import Ontology, load_ontology
from khaldun.learning.opinion import BUNDLED_MODEL, SecondOpinion, load_second_opinion


@dataclass(frozen=True)
class Knowledge:
    """What the coding stages read, loaded once per pipeline."""

    ontology: Ontology
    lexicon: Lexicon
    words: WordLists
    modality: ModalityCues
    amounts: AmountWords
    groups: GroupNouns
    office_seniority: tuple[str, ...]  # offices from the most senior down
    kb: KnowledgeBase
    gazetteer: Gazetteer
    petrarch: PetrarchDictionaries | None = None  # the user's [petrarch] dictionaries, if any
    opinion: SecondOpinion | None = None  # the learned second opinion, unless [model] enabled = false
    model_actions: frozenset[str] = frozenset()  # what it may do: veto, relabel, propose


def load_knowledge(
    config: Config | None = None,
    *,
    kb: KnowledgeBase | None = None,
    lexicon: Lexicon | None = None,
    ontology: Ontology | None = None,
) -> Knowledge:
    """The bundled knowledge with the user's actor files of ``config``; the knowledge base,
    lexicon or ontology given replace the bundled ones."""
    config = config or Config()
    kb = kb if kb is not None else load_kb(config)
    petrarch = load_dictionaries(config)
    return Knowledge(
        ontology=dictionary_ontology(ontology or load_ontology(), petrarch),
        lexicon=lexicon or load_lexicon(),
        words=load_word_lists(),
        modality=read_modality_cues(bundled_data("lexicon/modality.yaml")),
        amounts=read_amount_words(bundled_data("lexicon/amounts.yaml")),
        groups=read_group_nouns(bundled_data("actors/group_nouns.yaml")),
        office_seniority=tuple(
            row["office"] for _, row in read_tsv(bundled_data("actors/office_seniority.tsv"))
        ),
        kb=kb,
        gazetteer=Gazetteer(kb),
        petrarch=petrarch,
        opinion=_second_opinion(config),
        model_actions=frozenset(config.model_actions),
    )


def _second_opinion(config: Config) -> SecondOpinion | None:
    """The model of ``[model]``; none in PETRARCH-only mode, which codes with dictionaries alone."""
    if not config.model_enabled or config.petrarch_only:
        return None
    return load_second_opinion(Path(config.model_file) if config.model_file else BUNDLED_MODEL)


__all__ = ["Knowledge", "load_knowledge"]
