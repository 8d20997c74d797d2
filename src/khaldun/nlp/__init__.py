"""NLP backends: the protocol, the spaCy backend, and hand-made parses for tests.

Backends are named in ``NLP_BACKENDS`` (the config's ``nlp.backend`` picks one);
an unknown name is an error that lists the available ones.
"""

from __future__ import annotations

from collections.abc import Callable

from khaldun.errors import RegistryError
from khaldun.nlp.base import Entity, NLPBackend, ParsedDoc, Sentence, Token


def _spacy_backend(model: str) -> NLPBackend:
    from khaldun.nlp.spacy_backend import SpacyBackend

    return SpacyBackend(model=model)


NLP_BACKENDS: dict[str, Callable[[str], NLPBackend]] = {"spacy": _spacy_backend}


def create_nlp_backend(name: str, *, model: str) -> NLPBackend:
    """An NLP backend by registered name."""
    try:
        factory = NLP_BACKENDS[name]
    except KeyError:
        raise RegistryError(
            f"No NLP backend named {name!r}. Available: {', '.join(sorted(NLP_BACKENDS))}."
        ) from None
    return factory(model)


__all__ = ["NLP_BACKENDS", "Entity", "NLPBackend", "ParsedDoc", "Sentence", "Token", "create_nlp_backend"]
