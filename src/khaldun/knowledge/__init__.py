"""Everything khaldun knows, read from ``data/`` once and handed to every coding stage.

:class:`Knowledge` holds it: the ontology (CAMEO, PLOVER, the map between them), the
event lexicon and its word lists, the cues of modality, money and groups of people, the
gazetteer and the actor knowledge base (``actors/``). A :class:`~khaldun.coding.pipeline.Pipeline`
builds one with :func:`load_knowledge`; no stage opens a data file itself.

Building it from the data files takes about a second and a half, so what is built is
kept in the compiled cache (:mod:`khaldun.knowledge.cache`), named by a fingerprint of
everything it was built from, and later runs load it in a tenth of that time;
:func:`build_knowledge` always builds.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, fields
from pathlib import Path

from khaldun.config import Config
from khaldun.data import bundled_data, read_tsv
from khaldun.knowledge.actors import KnowledgeBase, load_kb
from khaldun.knowledge.cache import cached, fingerprint
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
    lexicon or ontology given replace the bundled ones.

    Without them it comes from the compiled cache when an entry was built from the same
    files and settings, and is built and cached otherwise; one process shares it between
    its pipelines."""
    config = config or Config()
    if kb is not None or lexicon is not None or ontology is not None:
        return build_knowledge(config, kb=kb, lexicon=lexicon, ontology=ontology)
    try:
        key = fingerprint(_settings(config), files=_files(config))
    except OSError:  # a file the configuration names cannot be read: building says which
        return build_knowledge(config)
    knowledge = _loaded.get(key)
    if knowledge is None:
        knowledge = _loaded[key] = cached("knowledge", key, lambda: _build_afresh(config), Knowledge)
        # Loaded once and kept: the collector need not scan it again (a full collection
        # over it would otherwise recur every few thousand objects made while coding).
        gc.freeze()
    return knowledge


# Knowledge loaded in this process, by fingerprint.
_loaded: dict[str, Knowledge] = {}
# Settings that do not change the knowledge (the parse, limits and thresholds of coding).
_CODING_ONLY = frozenset({"nlp_backend", "nlp_model", "batch_size", "max_document_chars", "min_confidence"})
# Settings that name files, read into the fingerprint by content.
_FILE_LISTS = ("actor_files", "petrarch_verbs", "petrarch_actors", "petrarch_agents", "petrarch_discards")


def _build_afresh(config: Config) -> Knowledge:
    """The knowledge of a new fingerprint, from the user's files as they are now: the loaders
    keep what they read by file name, which a file changed since would not refresh."""
    if _files(config):
        from khaldun.knowledge.actors.builtin import load_kb_with
        from khaldun.knowledge.actors.dictionary_kb import load_dictionary_kb
        from khaldun.knowledge.dictionaries import forget_loaded_dictionaries
        from khaldun.learning.opinion import load_second_opinion

        for loader in (load_kb_with, load_dictionary_kb, load_second_opinion):
            loader.cache_clear()
        forget_loaded_dictionaries()
    return build_knowledge(config)


def _settings(config: Config) -> tuple[tuple[str, object], ...]:
    return tuple((f.name, getattr(config, f.name)) for f in fields(config) if f.name not in _CODING_ONLY)


def _files(config: Config) -> list[str]:
    named = [file for name in _FILE_LISTS for file in getattr(config, name)]
    return [*named, config.model_file] if config.model_file else named


def build_knowledge(
    config: Config | None = None,
    *,
    kb: KnowledgeBase | None = None,
    lexicon: Lexicon | None = None,
    ontology: Ontology | None = None,
) -> Knowledge:
    """The knowledge of :func:`load_knowledge`, built from the data files (no cache)."""
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


__all__ = ["Knowledge", "build_knowledge", "load_knowledge"]
