"""The actor knowledge base: protocol (base.py), the bundled one (builtin.py), name keys
(names.py), user files (user.py) and PETRARCH/TABARI dictionaries (petrarch.py)."""

from __future__ import annotations

from khaldun.config import Config
from khaldun.knowledge.actors.base import KnowledgeBase
from khaldun.knowledge.actors.builtin import load_kb_with


def load_kb(config: Config) -> KnowledgeBase:
    """The knowledge base a configuration asks for: the bundled one plus ``[actors] extra_files``."""
    return load_kb_with(tuple(config.actor_files), float(config.fuzzy_threshold))


__all__ = ["KnowledgeBase", "load_kb"]
