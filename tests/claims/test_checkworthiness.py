"""What is worth checking: lines that hold no claim are skipped, opinions and first-person
asides are not claims, and the score ranks checkable facts above vague or hedged ones."""

from __future__ import annotations

import pytest

from factcheck.claims.checkworthiness import (
    checkworthiness,
    content_sentences,
    is_checkable,
    is_concrete,
    is_opinion,
    is_personal,
)
from factcheck.claims.grammar import Token, replacement_token, trim, word_tokens
from factcheck.claims.segment import split_sentences

FACT = "Xiaomi sold 10 million phones in 2022."
NAMES = frozenset({"Xiaomi", "Oppo", "Sony", "SU7", "China", "Lei Jun", "Tesla"})


def kept(text: str, title: str = "") -> list[str]:
    sentences = split_sentences(text)
    return [sentences[i].text for i in content_sentences(sentences, title)]


def clause(text: str) -> list[Token]:
    return trim(word_tokens(text, 0, len(text)))


# ---------------------------------------------------------------------------------------------
# Sentences that hold no claim
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Written by Mehak Siddiqui \u00b7 3 min read", id="byline-reading-time"),
        pytest.param("Avatar Written by Senoria Khursheed \u00b7 1 min read >", id="avatar-byline"),
        pytest.param("By Farah Naveed", id="by-name"),
        pytest.param("Updated: March 3, 2023 10:15", id="updated"),
        pytest.param("Photo: Xiaomi", id="photo-credit"),
        pytest.param("Share this article", id="share"),
        pytest.param("Xiaomi SU7 Hits The Road With A Price That Undercuts Tesla", id="heading"),
        pytest.param("Will the bet pay off?", id="question"),
        pytest.param("\u201cWho will blink first?\u201d", id="quoted-question"),
        pytest.param(
            "Read more:\n\nXiaomi 14 Ultra Review: Our Verdict After Two Weeks\n\n"
            "Best Budget Phones To Buy This Month",
            id="read-more-and-link-titles",
        ),
        pytest.param(
            "Related: Xiaomi Unveils SU7 Sedan\n\n- Oppo Find X7 Ultra Hands-On\n"
            "- Sony WH-1000XM5 Price Drops Again",
            id="related-list",
        ),
    ],
)
def test_lines_that_hold_no_claim_are_skipped(line: str) -> None:
    assert kept(f"{line}\n\n{FACT}") == [FACT]


def test_the_headline_repeated_in_the_text_is_skipped() -> None:
    text = f"- Xiaomi Starts EV Production\n- {FACT}"  # a list item, so not taken for a heading
    assert kept(text, "Xiaomi Starts EV Production") == [FACT]
    assert kept(text) == ["Xiaomi Starts EV Production", FACT]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("By Aug. 2022 Xiaomi had invested 3.3 billion yuan.", id="by-a-date"),
        pytest.param("By late 2024 the factory could build 30,000 cars a month.", id="by-late"),
        pytest.param(
            "Published figures show Xiaomi delivered 135,000 cars in 2024 across China, "
            "its home market.",
            id="published-in-prose",
        ),
        pytest.param("Sources say Xiaomi will open a plant in Europe.", id="sources-in-prose"),
    ],
)
def test_prose_that_opens_like_a_byline_is_kept(sentence: str) -> None:
    assert kept(f"{sentence} {FACT}") == [sentence, FACT]


def test_prose_after_a_read_more_block_is_kept() -> None:
    text = (
        "Read more:\n\nXiaomi 14 Ultra Review: Our Verdict After Two Weeks\n\n"
        "Xiaomi delivered 10,000 cars in December 2024. Sony sold 5 million TVs."
    )
    assert kept(text) == [
        "Xiaomi delivered 10,000 cars in December 2024.",
        "Sony sold 5 million TVs.",
    ]


# ---------------------------------------------------------------------------------------------
# Opinions and first-person asides
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I think the SU7 is the best car in China.",
        "Xiaomi is a fantastic company.",
        "Demand was instant.",
        "Work moved quickly.",
        "Oppo has been the quietest of all.",
        "Sony took a different road.",
        "The next two years will tell.",
        "The SU7 Max is easily the best-looking sedan in China.",
        "Of all the tech giants, Xiaomi has clearly played its cards best.",
        "It is, quite simply, one of the most impressive car plants in Asia.",
        "Their progress has surpassed expectations.",
    ],
)
def test_judgement_with_nothing_checkable_is_an_opinion(text: str) -> None:
    assert is_opinion(clause(text), False, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Xiaomi delivered 7,058 SU7s in May 2024.", id="plain-fact"),
        pytest.param(
            "The SU7 was an instant hit with 50,000 orders in 27 minutes.", id="hype-with-figures"
        ),
        pytest.param("Xiaomi made the fastest sedan in China.", id="superlative-with-two-names"),
        pytest.param(
            "The SU7 is easily the fastest sedan, reaching 100 km/h in 2.78 seconds.",
            id="intensifier-with-a-hard-figure",
        ),
        pytest.param("Oppo has reportedly set aside 3 billion yuan.", id="hedged-fact"),
        pytest.param("The town's music festival, its best-known event, went ahead with its "
                     "opening gala.", id="best-known-describes"),
        pytest.param("Soldiers reached Quilpué, the worst-hit town.",
                     id="worst-hit-describes"),
    ],
)
def test_checkable_statements_are_not_opinions(text: str) -> None:
    assert not is_opinion(clause(text), False, NAMES)


def test_a_judgement_marker_makes_the_rest_of_the_sentence_an_opinion() -> None:
    # "As we know, tech giants have made headway ..." loses its marker before this test
    text = clause("Tech giants have made headway in the EV sector.")
    assert is_opinion(text, True, NAMES)
    assert not is_opinion(text, False, NAMES)


def test_a_date_from_a_resolved_reference_does_not_make_an_opinion_checkable() -> None:
    # "At that time, work moved quickly." after "... in March 2021."
    own = clause("At that time, work moved quickly.")
    resolved = [replacement_token(own[:3], "In March 2021"), *own[3:]]
    assert is_opinion(resolved, False, NAMES)


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        ("I've been riding e-bikes for years.", True),
        ("We tested the SU7 for a week in Beijing.", True),
        ("My commute is 12 km each way.", True),
        ("Our reporters visited the plant in 2024.", True),
        ("Xiaomi sold 10 million phones in 2022.", False),
        ("Lei Jun said we will become a top-five carmaker.", False),
    ],
)
def test_the_writers_own_experience_is_personal(text: str, personal: bool) -> None:
    assert is_personal(clause(text)) is personal


def test_a_quoted_we_resolved_to_a_company_is_not_personal() -> None:
    own = clause("we will become a top-five carmaker")
    assert is_personal(own)
    assert not is_personal([replacement_token(own[:1], "Xiaomi"), *own[1:]])


# ---------------------------------------------------------------------------------------------
# The check-worthiness score
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("higher", "lower"),
    [
        pytest.param("Xiaomi delivered 7,058 cars.", "Xiaomi delivered cars.", id="number"),
        pytest.param(
            "Xiaomi set aside $1.5 billion for cars.",
            "Xiaomi set aside 1.5 billion for cars.",
            id="money",
        ),
        pytest.param(
            "About 40% of buyers chose the Ocean Blue paint.",
            "About 40 of the buyers chose the Ocean Blue paint.",
            id="percentage",
        ),
        pytest.param(
            "Deliveries began on April 3, 2024.", "Deliveries began on a Wednesday.", id="date"
        ),
        pytest.param(
            "Xiaomi lined up 140 cars with Dongfeng.", "Xiaomi lined up 140 cars.",
            id="second-name",
        ),
        pytest.param(
            "The SU7 is cheaper than a Tesla in China.", "The SU7 is like a Tesla in China.",
            id="comparison",
        ),
        pytest.param(
            "The SU7 sold 7,058 units.", "The stunning SU7 sold 7,058 units.", id="opinion-word"
        ),
        pytest.param(
            "Xiaomi will sell 300,000 cars in 2025.",
            "Xiaomi will probably sell 300,000 cars in 2025.",
            id="hedge",
        ),
        pytest.param(
            "Xiaomi sold 10,000 cars in 2024.", "We sold 10,000 cars in 2024.", id="first-person"
        ),
        pytest.param(
            "The SU7 costs 215,900 yuan.", "Your SU7 costs 215,900 yuan.", id="second-person"
        ),
    ],
)
def test_checkable_cues_raise_the_score(higher: str, lower: str) -> None:
    assert checkworthiness(higher, NAMES) > checkworthiness(lower, NAMES)


def test_a_known_name_counts_even_as_the_first_word() -> None:
    text = "Xiaomi delivered cars to buyers."
    assert checkworthiness(text, ["Xiaomi"]) > checkworthiness(text)


def test_a_model_number_is_not_a_figure() -> None:
    assert checkworthiness("Kestrel Cycles launched the Volt 2 in Portland.") == checkworthiness(
        "Kestrel Cycles launched the Volt in Portland."
    )


def test_a_model_number_ending_the_sentence_is_not_a_figure() -> None:
    assert checkworthiness("Kestrel Cycles launched the Volt 2.") == checkworthiness(
        "Kestrel Cycles launched the Volt."
    )
    hype = clause("The most beautiful e-bike of the year is easily the Volt 2.")
    assert is_opinion(hype, False, NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "The stunning, amazing, incredible SU7 is the best, I think, you know.",
        "Xiaomi sold 10,000 cars for $2 billion, 40% more than the 7,058 of May 2024, beating "
        "Tesla, BYD and Sony.",
        "",
    ],
)
def test_the_score_stays_between_zero_and_one(text: str) -> None:
    assert 0.0 <= checkworthiness(text, NAMES) <= 1.0


# ---------------------------------------------------------------------------------------------
# Short statements about a definite thing are checkable
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Regulators have ruled out a second licence.",
        "Snow fell throughout the opening day.",
        "The station is not step-free.",
        "The bridge collapsed in March.",
    ],
)
def test_a_definite_subject_with_a_concrete_predicate_is_checkable(sentence: str) -> None:
    assert is_concrete(clause(sentence))
    assert checkworthiness(sentence, concrete=True) >= 0.25


@pytest.mark.parametrize(
    "sentence",
    [
        "It could change.",  # a pronoun and a modal
        "Some people think so.",  # nobody in particular
        "The decision did not come lightly.",  # characterises, states nothing
        "Autonomous driving is the centrepiece of the plan.",
        "The plant will open soon.",  # a prediction
    ],
)
def test_vague_or_figurative_statements_are_not_concrete(sentence: str) -> None:
    assert not is_concrete(clause(sentence))


@pytest.mark.parametrize(
    ("sentence", "checkable"),
    [
        ("Will the plant open in 2025?", True),  # a date
        ("Xiaomi felt the squeeze.", True),  # a name
        ("The next two years will tell.", True),  # a figure
        ("What a time to be alive!", False),
    ],
)
def test_a_sentence_is_checkable_with_a_figure_a_date_or_a_name(
    sentence: str, checkable: bool
) -> None:
    assert is_checkable(sentence, NAMES) is checkable
