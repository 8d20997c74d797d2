"""PETRARCH/TABARI dictionaries a user codes with (the ``[petrarch]`` table of the config).

* :mod:`.verbs`: verb dictionaries (synsets, verb blocks, patterns) into typed records;
* :mod:`.discards`: discard lists, as sentence and document filters;
* :mod:`.codes`: the ontology with the codes of the user's verb dictionary;
* actor and agent dictionaries go into the actor knowledge base
  (:mod:`khaldun.knowledge.actors`, :mod:`khaldun.knowledge.actors.dictionary_kb`).

:func:`load_dictionaries` reads what a configuration names, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khaldun.config import Config
from khaldun.knowledge.dictionaries.discards import Discards, merge_discards, read_discards
from khaldun.knowledge.dictionaries.verbs import VerbDictionary, merge, read_verb_dictionary
from khaldun.knowledge.ontology import Ontology


@dataclass(frozen=True)
class PetrarchDictionaries:
    """What the coding stages read of the user's PETRARCH dictionaries."""

    verbs: VerbDictionary | None
    discards: Discards | None
    only: bool  # code with these dictionaries alone, as PETRARCH does


def load_dictionaries(config: Config) -> PetrarchDictionaries | None:
    """The ``[petrarch]`` verb dictionaries and discard lists of ``config``; None without them."""
    if not config.petrarch:
        return None
    return _load(tuple(config.petrarch_verbs), tuple(config.petrarch_discards), config.petrarch_only)


@lru_cache(maxsize=4)
def _load(verbs: tuple[str, ...], discards: tuple[str, ...], only: bool) -> PetrarchDictionaries:
    verb_dict = merge([read_verb_dictionary(f) for f in verbs]) if verbs else None
    discard_list = merge_discards([read_discards(f) for f in discards]) if discards else None
    return PetrarchDictionaries(verb_dict, discard_list, only)


def forget_loaded_dictionaries() -> None:
    """Read the dictionary files again on the next load (they are kept by file name)."""
    _load.cache_clear()


def dictionary_ontology(base: Ontology, dictionaries: PetrarchDictionaries | None) -> Ontology:
    """``base`` with the codes of the user's verb dictionary (see :mod:`.codes`)."""
    if dictionaries is None or (dictionaries.verbs is None and not dictionaries.only):
        return base
    from khaldun.knowledge.dictionaries.codes import DictionaryOntology

    codes = dictionaries.verbs.codes() if dictionaries.verbs else ()
    return DictionaryOntology(base, codes, keep_codes=dictionaries.only, source="verb dictionary")


__all__ = ["PetrarchDictionaries", "dictionary_ontology", "forget_loaded_dictionaries", "load_dictionaries"]
