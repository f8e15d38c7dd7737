"""Numbers, money and dates are read the way a journalist would read them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.judging.quantities import (
    Bound,
    QuantityKind,
    agree,
    comparable,
    extract_quantities,
    parse_number,
)


def only(text: str):
    found = extract_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("Xiaomi will invest 10 billion US dollars", QuantityKind.MONEY, 1e10, "USD"),
        ("Xiaomi will invest US$10 billion", QuantityKind.MONEY, 1e10, "USD"),
        ("a $10bn plan", QuantityKind.MONEY, 1e10, "USD"),
        ("invested $1.5 billion in EV development", QuantityKind.MONEY, 1.5e9, "USD"),
        ("a phase costing 10 billion yuan", QuantityKind.MONEY, 1e10, "CNY"),
        ("producing 300,000 units annually", QuantityKind.COUNT, 300_000, "vehicle"),
        ("a team of 2,300 engineers", QuantityKind.COUNT, 2300, "person"),
        ("sales rose 12.5% last year", QuantityKind.PERCENT, 12.5, "%"),
        ("ten years", QuantityKind.COUNT, 10, "year"),
    ],
)
def test_amounts_are_normalised(text, kind, value, unit):
    quantity = only(text)
    assert (quantity.kind, quantity.value, quantity.unit) == (kind, value, unit)
    assert text[quantity.start:quantity.end] == quantity.surface


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("at the end of March 2021", (2021, 3), (2021, 3)),
        ("In Jan 2023, testing began", (2023, 1), (2023, 1)),
        ("mass production in Q1 2024", (2024, 1), (2024, 3)),
        ("in the first half of 2024", (2024, 1), (2024, 6)),
        ("in the fourth quarter of 2023", (2023, 10), (2023, 12)),
        ("published 2021-11-27", (2021, 11), (2021, 11)),
        ("expected in 2025", (2025, 1), (2025, 12)),
    ],
)
def test_dates_become_month_intervals(text, first, last):
    quantity = only(text)
    assert quantity.kind == QuantityKind.DATE
    assert quantity.value == first[0] * 12 + first[1] - 1
    assert quantity.high == last[0] * 12 + last[1] - 1


@pytest.mark.parametrize(
    ("text", "bound"),
    [("over 2,300 members", Bound.AT_LEAST), ("more than 140 vehicles", Bound.AT_LEAST),
     ("2,300+ members", Bound.AT_LEAST), ("up to 300,000 cars", Bound.AT_MOST),
     ("about 140 vehicles", Bound.APPROX), ("140 vehicles", Bound.EXACT)],
)
def test_qualifiers_are_kept(text, bound):
    assert only(text).bound == bound


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        ("300,000 units", "300,000 vehicles", True),
        ("300,000 units", "150,000 vehicles", False),
        ("over 2,300 members", "2,300 engineers", True),
        ("over 2,300 members", "1,000 engineers", False),
        ("US$10 billion", "10 billion US dollars", True),
        ("$1.5 billion", "$10 billion", False),
        ("Q1 2024", "the first half of 2024", True),
        ("March 2020", "March 2021", False),
        ("2024", "March 2024", True),
        ("about 140 vehicles", "140 vehicles", True),
    ],
)
def test_agreement(claim, evidence, expected):
    a, b = only(claim), only(evidence)
    assert comparable(a, b)
    assert agree(a, b) is expected


def test_different_currencies_are_not_compared():
    assert not comparable(only("$10 billion"), only("10 billion yuan"))


def test_counts_of_different_things_are_not_compared():
    assert not comparable(only("2,300 engineers"), only("2,300 vehicles"))


@pytest.mark.parametrize(("text", "value"), [("2,300", 2300), ("1.5", 1.5), ("ten", 10),
                                              ("abc", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_and_spans_are_inside(text):
    for quantity in extract_quantities(text):
        assert 0 <= quantity.start < quantity.end <= len(text)
        assert text[quantity.start:quantity.end] == quantity.surface
