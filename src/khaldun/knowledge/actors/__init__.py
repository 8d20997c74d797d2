"""The actor knowledge base: protocol (base.py), the bundled one (builtin.py), name keys
(names.py), user files (user.py) and PETRARCH/TABARI dictionaries (petrarch.py)."""

from __future__ import annotations

from khaldun.config import Config
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.knowledge.actors.builtin import load_kb_with


def load_kb(config: Config) -> KnowledgeBase:
    """The knowledge base a configuration asks for: the bundled one plus ``[actors] extra_files``
    and the ``[petrarch]`` actor and agent dictionaries; with ``[petrarch] only``, those
    dictionaries alone."""
    dictionaries = (*config.petrarch_actors, *config.petrarch_agents)
    if config.petrarch_only and dictionaries:
        from khaldun.knowledge.actors.dictionary_kb import load_dictionary_kb

        return load_dictionary_kb(dictionaries)
    return load_kb_with((*config.actor_files, *dictionaries), float(config.fuzzy_threshold))


__all__ = ["KnowledgeBase", "load_kb"]
