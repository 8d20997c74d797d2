"""The actor knowledge base: protocol (base.py), the bundled one (builtin.py), name keys (names.py)."""

from __future__ import annotations

from khaldun.config import Config
from khaldun.kb.base import KnowledgeBase
from khaldun.kb.builtin import load_builtin_kb


def load_kb(config: Config) -> KnowledgeBase:
    """The knowledge base a configuration asks for (today: the bundled one)."""
    return load_builtin_kb()


__all__ = ["KnowledgeBase", "load_kb"]
