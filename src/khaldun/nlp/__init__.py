"""NLP backends: the protocol, the spaCy backend, and hand-made parses for tests."""

from khaldun.nlp.base import Entity, NLPBackend, ParsedDoc, Sentence, Token

__all__ = ["Entity", "NLPBackend", "ParsedDoc", "Sentence", "Token"]
