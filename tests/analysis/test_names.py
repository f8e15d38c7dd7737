"""Name matching helpers of factcheck.analysis.names that need no spaCy model."""

from __future__ import annotations

import pytest

from factcheck.analysis.names import NameKind, has_word, name_key


@pytest.mark.parametrize(("word", "text", "found"), [
    ("scholz", "olaf scholz said", True),
    ("uk", "the uk.", True),
    ("uk", "ukraine and the ukraine", False),  # inside another word
    ("scholz", "a scholz-led coalition", False),  # inside a hyphenated one
    ("new york", "in new york, today", True),
    ("city", "manchester city_fc city", True),  # the second one stands alone
    ("é", "café", False),
])
def test_has_word_finds_a_word_standing_alone(word: str, text: str, found: bool):
    assert has_word(word, text) is found


@pytest.mark.parametrize(("plural", "singular"), [
    ("Conservatives", "Conservative"), ("Democrats", "Democrat"), ("Americans", "American")])
def test_a_group_in_the_plural_is_the_same_group(plural: str, singular: str):
    assert name_key(plural, NameKind.GROUP) == name_key(singular, NameKind.GROUP)


def test_a_name_ending_in_double_s_keeps_it():
    assert name_key("Swiss", NameKind.GROUP) == name_key("Switzerland", NameKind.PLACE)
