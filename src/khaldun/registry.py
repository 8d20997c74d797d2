"""Named registries for the swappable parts, filled in one place.

An unknown name is an error that lists the available ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from khaldun.errors import RegistryError


def _spacy_backend(model: str) -> Any:
    from khaldun.nlp.spacy_backend import SpacyBackend

    return SpacyBackend(model=model)


NLP_BACKENDS: dict[str, Callable[[str], Any]] = {"spacy": _spacy_backend}


def create_nlp_backend(name: str, *, model: str) -> Any:
    """An NLP backend by registered name."""
    try:
        factory = NLP_BACKENDS[name]
    except KeyError:
        raise RegistryError(
            f"No NLP backend named {name!r}. Available: {', '.join(sorted(NLP_BACKENDS))}."
        ) from None
    return factory(model)
