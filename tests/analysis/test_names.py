"""Name matching helpers of factcheck.analysis.names that need no spaCy model."""

from __future__ import annotations

import pytest

from factcheck.analysis.names import has_word


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
