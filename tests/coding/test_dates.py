"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from khaldun.coding.dates import resolve_expression
from khaldun.model import Precision

PUBLISHED = dt.date(2020, 7, 21)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "forward", "value", "precision"),
    [
        ("this afternoon", False, "2020-07-21", Precision.DAY),
        ("on Sunday", False, "2020-07-19", Precision.DAY),
        ("on Sunday", True, "2020-07-26", Precision.DAY),
        ("Tuesday", False, "2020-07-21", Precision.DAY),
        ("yesterday", False, "2020-07-20", Precision.DAY),
        ("two days ago", False, "2020-07-19", Precision.DAY),
        ("in May", False, "2020-05", Precision.MONTH),
        ("by early August", True, "2020-08", Precision.MONTH),
        ("late on Tuesday", False, "2020-07-21", Precision.DAY),
        ("March 3", False, "2020-03-03", Precision.DAY),
        ("2019", False, "2019", Precision.YEAR),
    ],
)
def test_expressions_resolve_with_precision(
    text: str, forward: bool, value: str, precision: Precision
) -> None:
    when = resolve_expression(text, PUBLISHED, forward)
    assert when is not None
    assert when.iso() == value
    assert when.precision is precision
    assert when.text == text


@pytest.mark.parametrize("text", ["a day", "several months", "nearly 4 years", "first"])
def test_durations_and_non_dates_give_nothing(text: str) -> None:
    from khaldun.coding.dates import _DURATION

    assert _DURATION.match(text) or resolve_expression(text, PUBLISHED, False) is None


@pytest.mark.parametrize("text", ["1000", "48-hour", "72-hour-long", "250", "in 2048", "1,500"])
def test_numbers_that_are_not_years_never_become_dates(text: str) -> None:
    from khaldun.coding.dates import _DURATION

    assert _DURATION.match(text) or resolve_expression(text, PUBLISHED, False) is None


def test_a_number_after_a_currency_word_is_an_amount_not_a_date() -> None:
    from khaldun.coding.dates import date_expressions
    from khaldun.nlp.handmade import parse_table

    doc = parse_table(
        """
The       the       DET   det      1
fine      fine      NOUN  nsubj    2
was       be        AUX   ROOT     2
Rs        rs        PROPN compound 4
1000      1000      NUM   attr     2 DATE
in        in        ADP   prep     2
2019      2019      NUM   pobj     5 DATE
.         .         PUNCT punct    2
"""
    )
    found = [e.text for e in date_expressions(doc, 0, {"rs": "INR"})]
    assert found == ["2019"]


@pytest.mark.model
def test_a_date_in_a_participle_on_the_object_is_not_the_event_s(model_pipeline) -> None:  # type: ignore[no-untyped-def]
    """ "lift export controls imposed in 2019": 2019 dates the controls, not the lifting."""
    [event] = model_pipeline.code(
        "Japan agreed to lift export controls imposed in 2019.", published=PUBLISHED
    )
    assert event.date is not None and event.date.value == PUBLISHED  # no date of its own
