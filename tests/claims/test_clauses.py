"""Clause splitting: one fact per clause, side facts as clauses of their own, and the repairs
around the split (datelines, discourse markers, typos, verbless openers)."""

from __future__ import annotations

import pytest

from factcheck.claims.clauses import (
    Role,
    fix_case,
    fix_its,
    repair_absolute,
    split_clauses,
    strip_dateline,
    strip_markers,
)
from factcheck.claims.grammar import Token, render, token_spans, trim, word_tokens

MAIN, ASIDE = Role.MAIN, Role.ASIDE


def clause(text: str) -> list[Token]:
    return trim(word_tokens(text, 0, len(text)))


def split(text: str) -> list[tuple[str, Role]]:
    return [(render(list(part.tokens)), part.role) for part in split_clauses(clause(text))]


# ---------------------------------------------------------------------------------------------
# One fact per clause
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Xiaomi has invested $1.5 billion in EV development and established a factory in "
            "Beijing.",
            [
                ("Xiaomi has invested $1.5 billion in EV development.", MAIN),
                ("Xiaomi established a factory in Beijing.", MAIN),
            ],
            id="two-verbs-share-the-subject",
        ),
        pytest.param(
            "Xiaomi unveiled its first car, the SU7 sedan, on Dec. 28, 2023, and put it on sale "
            "in April 2024.",
            [
                ("Xiaomi unveiled its first car, the SU7 sedan, on Dec. 28, 2023.", MAIN),
                ("Xiaomi put the SU7 sedan on sale in April 2024.", MAIN),
            ],
            id="second-verb-its-object-it-named",
        ),
        pytest.param(
            "The tests ran for 42 days in 2023, and engineers rebuilt the battery pack four "
            "times.",
            [
                ("The tests ran for 42 days in 2023.", MAIN),
                ("Engineers rebuilt the battery pack four times.", MAIN),
            ],
            id="comma-and-own-subject",
        ),
        pytest.param(
            "Tesla Inc. invested $5 billion in Berlin in 2021; it can build 500,000 cars a year.",
            [
                ("Tesla Inc. invested $5 billion in Berlin in 2021.", MAIN),
                ("It can build 500,000 cars a year.", MAIN),
            ],
            id="semicolon",
        ),
        pytest.param(
            "The standard SU7 costs 215,900 yuan, while the top SU7 Max is priced at 329,900 "
            "yuan.",
            [
                ("The standard SU7 costs 215,900 yuan.", MAIN),
                ("The top SU7 Max is priced at 329,900 yuan.", ASIDE),
            ],
            id="while",
        ),
        pytest.param(
            "After a fire and a flood closed the plant, Acme moved output to Ohio and cut 200 "
            "jobs.",
            [
                ("After a fire and a flood closed the plant, Acme moved output to Ohio.", MAIN),
                ("Acme cut 200 jobs.", MAIN),
            ],
            id="verb-phrase-after-a-fronted-clause",
        ),
        pytest.param(
            "Whereas Xiaomi sold 10 million phones, Oppo sold 8 million.",
            [("Xiaomi sold 10 million phones.", ASIDE), ("Oppo sold 8 million.", MAIN)],
            id="whereas",
        ),
    ],
)
def test_compound_sentences_split_into_one_fact_per_clause(
    sentence: str, expected: list[tuple[str, Role]]
) -> None:
    assert split(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "BYD, which is backed by Berkshire Hathaway, plans to build a plant in Hungary in "
            "2025.",
            [
                ("BYD plans to build a plant in Hungary in 2025.", MAIN),
                ("BYD is backed by Berkshire Hathaway.", ASIDE),
            ],
            id="which-clause",
        ),
        pytest.param(
            "Sony teamed up with Honda in Sony Honda Mobility, a joint venture in which Honda "
            "holds 60%.",
            [
                ("Sony teamed up with Honda in Sony Honda Mobility.", MAIN),
                ("Honda holds 60% of Sony Honda Mobility.", ASIDE),
            ],
            id="in-which",
        ),
        pytest.param(
            "In Feb. 2023 Apple cancelled Project Titan, a team of nearly 2,000 staff.",
            [
                ("In Feb. 2023 Apple cancelled Project Titan.", MAIN),
                ("Project Titan was a team of nearly 2,000 staff.", ASIDE),
            ],
            id="appositive-after-a-name",
        ),
        pytest.param(
            "Xiaomi won approval from the state planner in Aug. 2023, the third company to do "
            "so since 2017.",
            [
                ("Xiaomi won approval from the state planner in Aug. 2023.", MAIN),
                ("Xiaomi was the third company to do so since 2017.", ASIDE),
            ],
            id="appositive-after-a-date",
        ),
        pytest.param(
            "Kestrel Cycles, a Portland startup founded in 2019, launched the Volt 2 last month.",
            [
                ("Kestrel Cycles launched the Volt 2 last month.", MAIN),
                ("Kestrel Cycles is a Portland startup founded in 2019.", ASIDE),
            ],
            id="subject-appositive",
        ),
        pytest.param(
            "By Aug. 2022 Xiaomi had invested 3.3 billion yuan in self-driving research, with a "
            "team of more than 1,500 people.",
            [
                ("By Aug. 2022 Xiaomi had invested 3.3 billion yuan in self-driving research.",
                 MAIN),
                ("By Aug. 2022 Xiaomi had a team of more than 1,500 people.", ASIDE),
            ],
            id="with-a-team-of",
        ),
    ],
)
def test_side_facts_become_clauses_of_their_own(
    sentence: str, expected: list[tuple[str, Role]]
) -> None:
    assert split(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "Some big names are working to produce EVs, including Apple, Oppo, Sony, and more.",
            id="list-of-names",
        ),
        pytest.param(
            "Multiple Chinese companies and new businesses received government funding in 2020.",
            id="two-nouns-one-verb",
        ),
        pytest.param(
            "Xiaomi spent $2 billion on research and development in 2023.", id="noun-and-noun"
        ),
        pytest.param(
            "Xiaomi sold 10 million phones, while driving growth in India.",
            id="while-with-no-subject",
        ),
        pytest.param(
            "Xiaomi unveiled its first car, the SU7 sedan, on Dec. 28, 2023.",
            id="naming-appositive",
        ),
        pytest.param(
            "The deal capped a rise for a firm which began 2023 outside the top 500 and ended "
            "the year in the top 50.",
            id="verb-phrase-of-a-relative-clause",
        ),
    ],
)
def test_one_fact_stays_one_clause(sentence: str) -> None:
    assert split(sentence) == [(sentence, MAIN)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "Investors did not need long to make up their minds: after the announcement, "
            "Kellanova's shares climbed about 8% to $83.50.",
            [("Investors did not need long to make up their minds.", ASIDE),
             ("After the announcement, Kellanova's shares climbed about 8% to $83.50.", MAIN)],
            id="lead-in-before-a-colon",
        ),
        pytest.param(
            "Clarke threatened to walk away when Kellanova proposed $85 a share, before the two "
            "sides met at $83.50.",
            [("Clarke threatened to walk away when Kellanova proposed $85 a share.", MAIN),
             ("The two sides met at $83.50.", ASIDE)],
            id="trailing-before-clause",
        ),
        pytest.param(
            "Viacom18 is a joint venture between Reliance and Sony, so there is little doubt "
            "about who will lead.",
            [("Viacom18 is a joint venture between Reliance and Sony.", MAIN),
             ("There is little doubt about who will lead.", ASIDE)],
            id="trailing-so-clause",
        ),
    ],
)
def test_commentary_around_the_fact_is_a_clause_of_its_own(
    sentence: str, expected: list[tuple[str, Role]]
) -> None:
    assert split(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Reeves announced a £25.6bn rise in the NHS budget, telling MPs that reform had to "
         "come with it.",
         [("Reeves announced a £25.6bn rise in the NHS budget.", MAIN),
          ("Reeves told MPs that reform had to come with it.", ASIDE)]),
        ("Police said 12 people had died, adding that 40 were missing.",
         [("Police said 12 people had died.", MAIN),
          ("Police added that 40 were missing.", ASIDE)]),
    ],
)
def test_what_the_subject_said_while_doing_it_is_a_claim_of_its_own(
    sentence: str, expected: list[tuple[str, Role]]
) -> None:
    assert split(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said: the plant will open in 2026.",
        "The company sold three brands: Pringles, Cheez-It and Eggo.",
        "Shares fell 5% before the open.",
    ],
)
def test_a_quotation_a_list_or_a_phrase_stays_with_its_clause(sentence: str) -> None:
    assert split(sentence) == [(sentence, MAIN)]


def test_a_clause_that_borrows_the_subject_spans_the_subject_and_its_own_words() -> None:
    text = "Xiaomi has invested $1.5 billion in EV development and built a factory in Beijing."
    _, second = split_clauses(clause(text))
    spans = token_spans(second.tokens, text)
    assert [text[span.start : span.end] for span in spans] == [
        "Xiaomi",
        "built a factory in Beijing",
    ]


# ---------------------------------------------------------------------------------------------
# Datelines and discourse markers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param(
            "SHENZHEN, Jan 2 (Reuters) - BYD sold 526,409 cars in the fourth quarter.",
            "BYD sold 526,409 cars in the fourth quarter.",
            id="reuters",
        ),
        pytest.param(
            "BERLIN (dpa) - Tesla cut prices by 5%.", "Tesla cut prices by 5%.", id="dpa"
        ),
        pytest.param(
            "GOTHENBURG, Sweden, April 8 (Reuters) \u2013 Nordvik Motors sold 48,200 cars.",
            "Nordvik Motors sold 48,200 cars.",
            id="en-dash",
        ),
        pytest.param(
            "NDRC rules require 150,000 cars - a high bar.",
            "NDRC rules require 150,000 cars - a high bar.",
            id="acronym-subject-is-no-dateline",
        ),
        pytest.param(
            "BYD sold 526,409 cars - a record.", "BYD sold 526,409 cars - a record.",
            id="short-acronym-is-no-dateline",
        ),
    ],
)
def test_a_news_dateline_is_dropped(sentence: str, expected: str) -> None:
    assert render(strip_dateline(clause(sentence))) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "judgement", "restatement"),
    [
        pytest.param(
            "Moreover, according to the latest reports, Xiaomi sold 10 million phones in 2022.",
            "Xiaomi sold 10 million phones in 2022.", False, False, id="stacked-markers",
        ),
        pytest.param(
            "However, the company has invested $1.5 billion.",
            "The company has invested $1.5 billion.", False, False, id="however",
        ),
        pytest.param(
            "It is reported that Xiaomi sold 10 million phones.",
            "Xiaomi sold 10 million phones.", False, False, id="unnamed-attribution",
        ),
        pytest.param(
            "Analysts said Xiaomi sold 10 million phones.",
            "Xiaomi sold 10 million phones.", False, False, id="unnamed-analysts",
        ),
        pytest.param(
            "As we know, tech giants have made headway in the EV sector.",
            "Tech giants have made headway in the EV sector.", True, False, id="as-we-know",
        ),
        pytest.param(
            "In other words, Xiaomi sold 10 million phones.",
            "Xiaomi sold 10 million phones.", False, True, id="in-other-words",
        ),
        pytest.param(
            "Lei Jun said Xiaomi would invest $10 billion.",
            "Lei Jun said Xiaomi would invest $10 billion.", False, False, id="named-speaker",
        ),
    ],
)
def test_leading_discourse_markers_are_dropped_and_reported(
    sentence: str, expected: str, judgement: bool, restatement: bool
) -> None:
    tokens, found_judgement, found_restatement = strip_markers(clause(sentence))
    assert render(tokens) == expected
    assert (found_judgement, found_restatement) == (judgement, restatement)


# ---------------------------------------------------------------------------------------------
# Repairs: typos and verbless openers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xiaomi Planned to invest $10 billion.", "Xiaomi planned to invest $10 billion."),
        ("Nordvik Motors planned to hire 500 engineers.",
         "Nordvik Motors planned to hire 500 engineers."),
    ],
)
def test_a_verb_capitalised_by_mistake_is_lower_cased(text: str, expected: str) -> None:
    assert render(fix_case(clause(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("its constantly working to cut costs", "It is constantly working to cut costs."),
        ("its working with Dongfeng on the plant", "It is working with Dongfeng on the plant."),
        ("its working conditions are poor", "Its working conditions are poor."),
        ("Its engineers are working on it", "Its engineers are working on it."),
    ],
)
def test_the_its_typo_reads_as_it_is(text: str, expected: str) -> None:
    assert render(fix_its(clause(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With the car rolling off the line.", "The car was rolling off the line."),
        ("With the SU7 rolling off the line in Beijing.",
         "The SU7 was rolling off the line in Beijing."),
        ("With prices falling in 2024.", "Prices were falling in 2024."),
        ("With 40% of buyers choosing blue, Xiaomi ordered more paint.",
         "With 40% of buyers choosing blue, Xiaomi ordered more paint."),
    ],
)
def test_a_verbless_with_clause_gets_its_verb(text: str, expected: str) -> None:
    assert render(repair_absolute(clause(text))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With new cars rolling off the line in Beijing.",
         "New cars were rolling off the line in Beijing."),
        ("With the car rolling off the line every 76 seconds.",
         "The car was rolling off the line every 76 seconds."),
    ],
)
def test_a_verbless_with_clause_about_a_plural_gets_its_verb(text: str, expected: str) -> None:
    assert render(repair_absolute(clause(text))) == expected
