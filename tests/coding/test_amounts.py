"""Money expressions read into value and currency."""

from __future__ import annotations

import pytest

from khaldun.coding.amounts import parse_amount
from khaldun.knowledge import Knowledge


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("20 billion dollars", 20e9, "USD"),
        ("about $ 3 billion", 3e9, "USD"),
        ("$3.5bn", 3.5e9, "USD"),
        ("€5 million", 5e6, "EUR"),
        ("1,200 dinars", 1200, "IQD"),
        ("US$ 40 million", 40e6, "USD"),
    ],
)
def test_amounts(knowledge: Knowledge, text: str, value: float, currency: str) -> None:
    amount = parse_amount(knowledge, text)
    assert amount is not None
    assert amount.value == pytest.approx(value)
    assert amount.currency == currency


def test_no_number_no_amount(knowledge: Knowledge) -> None:
    assert parse_amount(knowledge, "billions of dollars") is None
