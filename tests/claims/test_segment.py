"""Sentence segmentation: boundaries a reader expects, and offsets that slice back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.segment import split_sentences


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dr. Smith met J. K. Rowling in the U.S. The meeting was short.",
            ["Dr. Smith met J. K. Rowling in the U.S.", "The meeting was short."],
            id="titles-initials-acronym",
        ),
        pytest.param(
            "Apple Inc. CEO Tim Cook spoke. Sales rose.",
            ["Apple Inc. CEO Tim Cook spoke.", "Sales rose."],
            id="company-suffix",
        ),
        pytest.param(
            "Sales begin in Jan. 2024 in Pakistan. Prices start at ~183K.",
            ["Sales begin in Jan. 2024 in Pakistan.", "Prices start at ~183K."],
            id="month-abbreviation",
        ),
        pytest.param(
            "Xiaomi invested $1.5 billion. The phone runs 8.2° cooler.",
            ["Xiaomi invested $1.5 billion.", "The phone runs 8.2° cooler."],
            id="decimals-and-money",
        ),
        pytest.param(
            "Brands, e.g. Apple and Sony, make EVs. Others wait.",
            ["Brands, e.g. Apple and Sony, make EVs.", "Others wait."],
            id="e.g.",
        ),
        pytest.param(
            'He said "It works." Then he left.',
            ['He said "It works."', "Then he left."],
            id="closing-quote",
        ),
        pytest.param(
            "Lei Jun said \u201cXiaomi prioritizes software.\u201d The stock rose.",
            ["Lei Jun said \u201cXiaomi prioritizes software.\u201d", "The stock rose."],
            id="curly-quote",
        ),
        pytest.param(
            '"Why?" he asked. Nobody answered!',
            ['"Why?" he asked.', "Nobody answered!"],
            id="question-inside-quote",
        ),
        pytest.param(
            "Is it real? Yes! It is.",
            ["Is it real?", "Yes!", "It is."],
            id="question-and-exclamation",
        ),
        pytest.param(
            "Wait... The results are in. It was slow... but fine.",
            ["Wait...", "The results are in.", "It was slow... but fine."],
            id="ellipsis",
        ),
        pytest.param(
            "Xiaomi Starts EV Production\nXiaomi has started production.",
            ["Xiaomi Starts EV Production", "Xiaomi has started production."],
            id="headline-line",
        ),
        pytest.param(
            "Apple is expected to launch its EV in 2025.\nSony has a mobility brand.",
            ["Apple is expected to launch its EV in 2025.", "Sony has a mobility brand."],
            id="line-break",
        ),
        pytest.param(
            "Xiaomi has invested\nin a factory in Beijing.",
            ["Xiaomi has invested\nin a factory in Beijing."],
            id="wrapped-line",
        ),
        pytest.param(
            "Apple reported revenue of $89.5 billion for Q4 2023, down 1% a year. CEO Tim\n"
            "Cook said so.",
            [
                "Apple reported revenue of $89.5 billion for Q4 2023, down 1% a year.",
                "CEO Tim\nCook said so.",
            ],
            id="hard-wrapped-prose",
        ),
        pytest.param(
            "Specs:\n- 300,000 units a year\n* 2,300 engineers\n1. Built in Beijing",
            ["Specs:", "300,000 units a year", "2,300 engineers", "Built in Beijing"],
            id="list-items",
        ),
        pytest.param("", [], id="empty"),
        pytest.param(" \n\n\t ", [], id="blank"),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_offsets_slice_back_to_each_sentence() -> None:
    text = "  Title line\n\nFirst one.  Second \u201cquoted.\u201d\r\n- item one\n"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_paragraphs_headings_and_list_items_are_flagged() -> None:
    text = "Xiaomi Starts EV Production\n\nXiaomi built a factory. It opened.\n\n- 300,000 units"
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]
    assert [s.is_heading for s in sentences] == [True, False, False, False]
    assert [s.is_list_item for s in sentences] == [False, False, False, True]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_splits_into_exact_slices(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)
        assert sentence.start >= previous_end
        assert text[sentence.start : sentence.end] == sentence.text
        previous_end = sentence.end
