"""Amount stage: money figures attached to events ("20 billion dollars", "$ 3 billion").

MONEY entities in an event's clause are read into a value and an ISO 4217
currency with the scales and currency words of ``data/lexicon/amounts.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from khaldun.model import Amount
from khaldun.nlp.base import ParsedDoc, Token

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"[a-z]+|[$€£¥]", re.IGNORECASE)


@dataclass(frozen=True)
class AmountWords:
    scales: dict[str, float]
    currencies: dict[str, str]


@lru_cache(maxsize=1)
def amount_words() -> AmountWords:
    raw = yaml.safe_load(resources.files("khaldun.data").joinpath("lexicon/amounts.yaml").read_text("utf-8"))
    return AmountWords(
        scales={str(k).lower(): float(v) for k, v in raw["scales"].items()},
        currencies={str(k).lower(): str(v) for k, v in raw["currencies"].items()},
    )


def parse_amount(text: str) -> Amount | None:
    """Read a money expression; None when it has no number."""
    words = amount_words()
    number = _NUMBER.search(text)
    if number is None:
        return None
    value = float(number.group().replace(",", ""))
    currency = None
    lowered = text.lower()
    if "us$" in lowered:
        currency = "USD"
    for word in _WORDS.findall(text[number.end() :]):
        scale = words.scales.get(word.lower())
        if scale:
            value *= scale
            break
    for word in _WORDS.findall(lowered):
        currency = currency or words.currencies.get(word)
    return Amount(value, currency, text.strip())


def event_amount(doc: ParsedDoc, trigger: Token) -> Amount | None:
    """The first MONEY expression within the trigger's clause."""
    span = {t.i for t in doc.clause(trigger.i)}
    for ent in doc.entities:
        if ent.label == "MONEY" and ent.start in span:
            amount = parse_amount(ent.text)
            if amount is not None:
                return amount
    return None
