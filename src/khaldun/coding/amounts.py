"""Amount stage: money figures attached to events ("20 billion dollars", "$ 3 billion").

MONEY entities in an event's clause are read into a value and an ISO 4217
currency with the scales and currency words of ``data/lexicon/amounts.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from khaldun.coding.candidate import Draft
from khaldun.knowledge import Knowledge
from khaldun.model import Amount
from khaldun.nlp.base import ParsedDoc, Token

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"[a-z]+|[$€£¥]", re.IGNORECASE)


def parse_amount(kn: Knowledge, text: str) -> Amount | None:
    """Read a money expression; None when it has no number."""
    words = kn.amounts
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


def event_amount(kn: Knowledge, doc: ParsedDoc, trigger: Token) -> Amount | None:
    """The first MONEY expression within the trigger's clause."""
    span = {t.i for t in doc.clause(trigger.i)}
    for ent in doc.entities:
        if ent.label == "MONEY" and ent.start in span:
            amount = parse_amount(kn, ent.text)
            if amount is not None:
                return amount
    return None


def read_amount(kn: Knowledge, doc: ParsedDoc, draft: Draft) -> Draft:
    """Stage: the money figure of the trigger phrase's clause, else of the trigger's."""
    cand = draft.cand
    return replace(
        draft, amount=event_amount(kn, doc, cand.trigger_end) or event_amount(kn, doc, cand.trigger)
    )
