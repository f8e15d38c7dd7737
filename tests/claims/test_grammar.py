"""Tokens and rough grammar: spans point at article characters, claims render as sentences,
and the subject of a news sentence is found without a tagger."""

from __future__ import annotations

import pytest

from factcheck.claims.grammar import (
    Token,
    added_token,
    balance,
    find_subject,
    has_finite_verb,
    is_possessive,
    join_tokens,
    render,
    replacement_token,
    strip_possessive,
    token_spans,
    trim,
    word_tokens,
)

ARTICLE = (
    "Xiaomi sold 10 million phones in 2022. However, the company lost $1 billion in 2023. "
    "Its first car, the SU7 sedan, costs 215,900 yuan (about $30,000)."
)


def tokens(text: str) -> list[Token]:
    return word_tokens(text, 0, len(text))


def sentence_range(text: str, sentence: str) -> tuple[int, int]:
    start = text.index(sentence)
    return start, start + len(sentence)


def covered(text: str, toks: list[Token]) -> list[str]:
    return [text[span.start : span.end] for span in token_spans(toks, text)]


# ---------------------------------------------------------------------------------------------
# Tokens keep their article characters
# ---------------------------------------------------------------------------------------------


def test_tokens_of_a_later_sentence_point_at_their_article_characters() -> None:
    start, end = ARTICLE.index("Its first car"), len(ARTICLE)
    toks = word_tokens(ARTICLE, start, end)
    assert [tok.text for tok in toks][:6] == ["Its", "first", "car", ",", "the", "SU7"]
    assert all(ARTICLE[tok.start : tok.end] == tok.text for tok in toks)
    assert all(start <= tok.start < tok.end <= end for tok in toks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Xiaomi's SU7 went on sale on Dec. 28.",
            ["Xiaomi's", "SU7", "went", "on", "sale", "on", "Dec.", "28", "."],
            id="month-abbreviation-keeps-its-dot",
        ),
        pytest.param(
            "It sold 10 million phones in the U.S.",
            ["It", "sold", "10", "million", "phones", "in", "the", "U.S."],
            id="initialism-keeps-its-dots",
        ),
        pytest.param(
            "It registered Xiaomi EV Inc., to run it.",
            ["It", "registered", "Xiaomi", "EV", "Inc.", ",", "to", "run", "it", "."],
            id="company-suffix-before-a-comma",
        ),
        pytest.param(
            "It costs 215,900 yuan (about $30,000).",
            ["It", "costs", "215,900", "yuan", "(", "about", "$30,000", ")", "."],
            id="brackets-and-money",
        ),
        pytest.param(
            "\u201cWe will become a top-five carmaker,\u201d he said.",
            ["\u201c", "We", "will", "become", "a", "top-five", "carmaker", ",", "\u201d", "he",
             "said", "."],
            id="curly-quotes",
        ),
        pytest.param(
            "SHENZHEN, Jan 2 (Reuters) - BYD sold 526,409 cars.",
            ["SHENZHEN", ",", "Jan", "2", "(", "Reuters", ")", "-", "BYD", "sold", "526,409",
             "cars", "."],
            id="dateline",
        ),
        pytest.param(
            "Deliveries began on Jun. 5 and Lei Jun spoke.",
            ["Deliveries", "began", "on", "Jun.", "5", "and", "Lei", "Jun", "spoke", "."],
            id="month-abbreviation-before-a-day",
        ),
        pytest.param(
            '"We will try," said Lei Jun.',
            ['"', "We", "will", "try", ",", '"', "said", "Lei", "Jun", "."],
            id="name-like-a-month-ending-the-sentence",
        ),
    ],
)
def test_punctuation_is_split_from_words_but_abbreviations_and_figures_stay_whole(
    text: str, expected: list[str]
) -> None:
    assert [tok.text for tok in tokens(text)] == expected


# ---------------------------------------------------------------------------------------------
# Claims read as sentences
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        pytest.param("the plant opened in 2021", "The plant opened in 2021.", id="capitalised"),
        pytest.param("iPhone sales rose in 2023", "iPhone sales rose in 2023.", id="brand-case"),
        pytest.param("Xiaomi sold 10,000 cars.", "Xiaomi sold 10,000 cars.", id="one-full-stop"),
        pytest.param(
            'Lei Jun said: "We will try it"', 'Lei Jun said: "We will try it".', id="quote"
        ),
    ],
)
def test_a_claim_renders_as_a_sentence(words: str, expected: str) -> None:
    assert render(tokens(words)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Its first car, the SU7 sedan, costs 215,900 yuan (about $30,000).",
        '"We will become a top-five carmaker," he said.',
        "\u201cIf automakers can\u2019t build good cars, we will try it.\u201d",
        "The SU7 Max reaches 100 km/h in 2.78 seconds; 40% chose blue.",
    ],
)
def test_joined_tokens_keep_the_article_spacing(text: str) -> None:
    assert join_tokens(tokens(text)) == text


def test_a_replacement_reads_as_a_word_but_spans_the_words_it_replaced() -> None:
    start, end = sentence_range(ARTICLE, "However, the company lost $1 billion in 2023.")
    toks = word_tokens(ARTICLE, start, end)[2:]  # without "However ,"
    xiaomi = replacement_token(toks[:2], "Xiaomi")
    resolved = [xiaomi, *toks[2:]]
    assert render(resolved) == "Xiaomi lost $1 billion in 2023."
    assert covered(ARTICLE, resolved) == ["the company lost $1 billion in 2023."]


def test_added_words_read_in_the_claim_but_point_at_nothing() -> None:
    start, end = sentence_range(ARTICLE, "Xiaomi sold 10 million phones in 2022.")
    toks = trim(word_tokens(ARTICLE, start, end))
    claim = toks[:1] + [added_token("reportedly")] + toks[1:]
    assert render(claim) == "Xiaomi reportedly sold 10 million phones in 2022."
    assert covered(ARTICLE, claim) == ["Xiaomi sold 10 million phones in 2022"]


def test_spans_merge_across_spaces_and_break_where_words_were_left_out() -> None:
    text = "Sony has established a mobility brand in 2022 and showcased two EV concepts."
    toks = tokens(text)
    subject, predicate = toks[:1], toks[9:-1]  # "Sony" + "showcased two EV concepts"
    assert covered(text, subject + predicate) == ["Sony", "showcased two EV concepts"]
    assert covered(text, toks[:8]) == ["Sony has established a mobility brand in 2022"]


# ---------------------------------------------------------------------------------------------
# Possessives, trimming and unpaired quotes
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "possessive", "bare"),
    [
        ("Xiaomi's", True, "Xiaomi"),
        ("Xiaomi\u2019s", True, "Xiaomi"),
        ("NDRC's", True, "NDRC"),
        ("its", False, "its"),
        ("SU7s", False, "SU7s"),
        ("'s", False, "'s"),
    ],
)
def test_possessive_names_lose_their_s(word: str, possessive: bool, bare: str) -> None:
    assert is_possessive(word) is possessive
    assert strip_possessive(word) == bare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We will become a top-five carmaker," he said.',
            '"We will become a top-five carmaker," he said',
            id="quote-kept-full-stop-dropped",
        ),
        pytest.param(
            "\u201cWe will become a top-five carmaker,\u201d",
            "\u201cWe will become a top-five carmaker\u201d",
            id="closing-quote-kept-with-its-opener",
        ),
        pytest.param("- Xiaomi sold 10,000 cars...", "Xiaomi sold 10,000 cars", id="ends"),
    ],
)
def test_trim_drops_punctuation_at_the_ends_of_a_clause(text: str, expected: str) -> None:
    assert join_tokens(trim(tokens(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "he told the audience. \u201cThis will be", "he told the audience. This will be",
            id="opening-quote",
        ),
        pytest.param(
            "the SU7 costs 215,900 yuan (about $30,000", "the SU7 costs 215,900 yuan about $30,000",
            id="opening-bracket",
        ),
        pytest.param(
            '"We sold 10,000 cars," he said', '"We sold 10,000 cars," he said', id="paired"
        ),
    ],
)
def test_quotes_and_brackets_left_unpaired_by_a_split_are_dropped(
    text: str, expected: str
) -> None:
    assert join_tokens(balance(tokens(text))) == expected


# ---------------------------------------------------------------------------------------------
# Subjects and verbs
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("Xiaomi sold 10 million phones in 2022.", "Xiaomi"),
        ("The company employs 30,000 people.", "The company"),
        ("Engineers rebuilt the battery pack four times.", "Engineers"),
        ("Analysts expect sales to rise.", "Analysts"),
        ("The standard SU7 costs 215,900 yuan.", "The standard SU7"),
        ("In Jan 2023, a Chinese tech giant was spotted testing cars.", "a Chinese tech giant"),
        ("By Aug. 2022 it had invested 3.3 billion yuan.", "it"),
        ("Under the NDRC's rules a new EV maker must build 150,000 cars.", "a new EV maker"),
        ("Xiaomi, a Chinese firm, has built a plant in Beijing.", "Xiaomi"),
        ("BYD, which is backed by Berkshire Hathaway, plans to build a plant.", "BYD"),
        ("Its first car, the Afeela 1, starts at $89,900.", "Its first car"),
        ("Lei Jun said Xiaomi would invest $10 billion.", "Lei Jun"),
        ("After a storm hit the coast, the mayor ordered an evacuation.", "the mayor"),
    ],
)
def test_the_subject_is_the_noun_phrase_before_the_main_verb(
    sentence: str, subject: str
) -> None:
    toks = tokens(sentence)
    found = find_subject(toks)
    assert found is not None
    assert join_tokens(toks[found[0] : found[1]]) == subject


@pytest.mark.parametrize(
    ("text", "is_sentence"),
    [
        ("Demand was instant.", True),
        ("Deliveries began on April 3, 2024.", True),
        ("The first test prototypes rolled off the line in Sept. 2022.", True),
        ("Across the Pacific.", False),
        ("Read more:", False),
        ("Xiaomi SU7 Hits The Road With A Price", False),
    ],
)
def test_fragments_have_no_finite_verb_and_no_subject(text: str, is_sentence: bool) -> None:
    toks = tokens(text)
    assert has_finite_verb(toks) is is_sentence
    assert (find_subject(toks) is not None) is is_sentence
