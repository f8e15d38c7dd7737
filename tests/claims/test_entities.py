"""Typed names: which capitalised words are organisations, people, places or products, which
short names stand for longer ones, and which organisation, country, city, person or product
the article means at a given point."""

from __future__ import annotations

import pytest

from factcheck.claims.entities import Entities, EntityKind
from factcheck.claims.segment import split_sentences

ORG, PERSON, PLACE = EntityKind.ORGANISATION, EntityKind.PERSON, EntityKind.PLACE
THING = EntityKind.THING


def entities(text: str, headline: str = "") -> Entities:
    return Entities(text, split_sentences(text), headline)


def end_of(text: str, sentence: str) -> int:
    return text.index(sentence) + len(sentence)


# ---------------------------------------------------------------------------------------------
# What a name stands for
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            "Founder Lei Jun said Xiaomi would invest $10 billion in cars.", "Lei Jun", PERSON,
            id="title-before-a-person",
        ),
        pytest.param(
            "Founder Lei Jun said Xiaomi would invest $10 billion in cars.", "Xiaomi", ORG,
            id="company-verb-after-an-organisation",
        ),
        pytest.param(
            "In Nov. 2023, a unit of state-owned Dongfeng Motor applied for approval.",
            "Dongfeng Motor", ORG, id="company-word-in-the-name",
        ),
        pytest.param("Shares of Tesla Inc. fell 5% in January.", "Tesla", ORG,
                     id="company-suffix"),
        pytest.param("Smartphone maker Oppo has set aside 3 billion yuan.", "Oppo", ORG,
                     id="organisation-noun-before"),
        pytest.param(
            "Kestrel Cycles launched the Volt 2 last month, said Sam Okafor.", "Sam Okafor",
            PERSON, id="speech-verb-before-a-person",
        ),
        pytest.param(
            "Wang Chuanfu, BYD's founder, spoke in Shenzhen in 2024.", "Wang Chuanfu", PERSON,
            id="person-with-an-employer",
        ),
        pytest.param(
            "Wang Chuanfu, BYD's founder, spoke in Shenzhen in 2024.", "Shenzhen", PLACE,
            id="city",
        ),
        pytest.param(
            "In Jan. 2023, prototypes were spotted in Inner Mongolia.", "Inner Mongolia", PLACE,
            id="region",
        ),
        pytest.param("Xiaomi will begin selling the SU7 in Europe in 2026.", "SU7", THING,
                     id="model-number"),
        pytest.param("Xiaomi will begin selling the SU7 in Europe in 2026.", "Europe", PLACE,
                     id="continent"),
        pytest.param("Its first car, the Afeela 1, starts at $89,900.", "Afeela", THING,
                     id="name-with-a-number-after-it"),
        pytest.param("Sony showed its first Vision-S concept at CES 2019.", "CES", THING,
                     id="event-with-a-year"),
        pytest.param("About 40% of early buyers chose the Ocean Blue paint.", "Ocean Blue", THING,
                     id="name-used-as-an-adjective"),
    ],
)
def test_a_name_is_typed_from_the_words_around_it(text: str, name: str, kind: EntityKind) -> None:
    assert entities(text).kind_of(name) is kind


@pytest.mark.parametrize(
    ("text", "word"),
    [
        pytest.param(
            "Management reportedly spent 45 days studying the car industry.", "Management",
            id="sentence-initial-common-noun",
        ),
        pytest.param("Deliveries began on April 3, 2024.", "Deliveries", id="sentence-initial"),
        pytest.param("Deliveries began on April 3, 2024.", "April", id="month"),
        pytest.param("In Nov. 2023, Xiaomi applied for approval.", "Nov", id="month-abbreviation"),
        pytest.param("The tests began in Beijing on Monday.", "Monday", id="weekday"),
        pytest.param("Xiaomi's engineers train EV models on 2,000 GPUs.", "EV",
                     id="common-acronym"),
        pytest.param("Xiaomi's engineers train EV models on 2,000 GPUs.", "GPUs",
                     id="plural-acronym"),
        pytest.param("Rivals say Chinese carmakers sold 9.5 million cars.", "Chinese",
                     id="demonym"),
        pytest.param("Apple (AAPL) shares rose after Xiaomi sold phones to Apple.", "AAPL",
                     id="ticker"),
        pytest.param("Dongfeng applied to build two Xiaomi-branded models.", "Xiaomi-branded",
                     id="hyphenated-adjective"),
    ],
)
def test_capitalised_words_that_are_not_names_have_no_kind(text: str, word: str) -> None:
    found = entities(text)
    assert found.kind_of(word) is None
    assert word not in found.names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param("Lei Jun founded Xiaomi in 2010. Xiaomi sold 10 million phones in 2022.",
                     "Lei Jun", PERSON, id="founder"),
        pytest.param("Former Intel engineer Sam Okafor founded Kestrel Cycles in 2019.", "Intel",
                     ORG, id="former"),
        pytest.param("Former Intel engineer Sam Okafor founded Kestrel Cycles in 2019.",
                     "Kestrel Cycles", ORG, id="what-a-person-founded"),
        pytest.param(
            "Xiaomi delivered 7,058 SU7s in May, and about 40% of early buyers chose the Ocean "
            "Blue paint.",
            "May", None, id="month-before-a-comma",
        ),
        pytest.param("Xiaomi sold 10 million phones in 2022. \"We will try,\" said Lei Jun.",
                     "Lei Jun", PERSON, id="speaker-ending-the-sentence"),
        pytest.param("Prime Minister Theresa May said the plant would open in 2025.",
                     "Theresa May", PERSON, id="a-name-that-is-a-month"),
    ],
)
def test_names_are_typed_despite_misleading_cues(
    text: str, name: str, kind: EntityKind | None
) -> None:
    assert entities(text).kind_of(name) is kind


def test_the_subject_of_a_relative_clause_is_not_the_recent_subject() -> None:
    text = (
        "Sony took a different road. It teamed up with Honda in Sony Honda Mobility, a joint "
        "venture in which Honda holds 60%. Its first car starts at $89,900."
    )
    found = entities(text)
    assert found.organisation_at(2, text.index("Its first car"), [(1, 28, "Sony")]) == "Sony"


# ---------------------------------------------------------------------------------------------
# Short names, the main organisation, employers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        pytest.param(
            "Nordvik Motors sold 48,200 cars in 2024. Nordvik lost 1.2 billion crowns in 2023.",
            "Nordvik", "Nordvik Motors", id="company",
        ),
        pytest.param(
            "Founder Lei Jun spoke in 2021. In Oct. 2021, Lei told investors about the plan.",
            "Lei", "Lei Jun", id="person",
        ),
        pytest.param(
            "Sony teamed up with Honda in Sony Honda Mobility. Sony showed a concept in 2020.",
            "Sony", "Sony", id="a-name-of-its-own",
        ),
    ],
)
def test_a_short_name_stands_for_the_longer_name_it_opens(
    text: str, short: str, full: str
) -> None:
    found = entities(text)
    assert found.display(short) == full
    assert found.kind_of(short) is found.kind_of(full)


def test_the_main_organisation_is_the_most_mentioned_with_the_headline_counting_double() -> None:
    text = (
        "Xiaomi sold 10 million phones in 2022. Xiaomi opened 300 stores in India. "
        "Oppo sold 8 million phones in 2022."
    )
    assert entities(text).main == "Xiaomi"
    assert entities(text, "Oppo Plans A Car Of Its Own").main == "Oppo"


@pytest.mark.parametrize(
    ("text", "person", "employer"),
    [
        pytest.param(
            "Wang Chuanfu, BYD's founder, spoke in Shenzhen in 2024.", "Wang Chuanfu", "BYD",
            id="appositive",
        ),
        pytest.param(
            "By late 2024 the factory could build 30,000 vehicles a month, according to Xiaomi "
            "president Lu Weibing.",
            "Lu Weibing", "Xiaomi", id="title",
        ),
        pytest.param(
            "Kestrel Cycles is a startup founded in 2019 by former Intel engineer Sam Okafor.",
            "Sam Okafor", None, id="former-employer",
        ),
    ],
)
def test_a_person_works_for_the_organisation_named_with_their_title(
    text: str, person: str, employer: str | None
) -> None:
    assert entities(text).employers.get(person) == employer


# ---------------------------------------------------------------------------------------------
# Which organisation, country, city, person or product the article means
# ---------------------------------------------------------------------------------------------

RIVALS = (
    "Xiaomi sold 100,000 cars in 2024. Xiaomi plans a second plant. Smartphone maker Oppo has "
    "set aside 3 billion yuan. Oppo sells phones in India. Sales rose. Prices fell. Costs rose."
)


@pytest.mark.parametrize(
    ("sentence", "organisation"),
    [
        pytest.param("Xiaomi plans a second plant.", "Xiaomi", id="main-subject"),
        pytest.param("Sales rose.", "Oppo", id="subject-of-the-sentences-before"),
        pytest.param("Costs rose.", "Xiaomi", id="main-after-three-sentences"),
    ],
)
def test_the_company_is_the_recent_subject_organisation_else_the_main_one(
    sentence: str, organisation: str
) -> None:
    found = entities(RIVALS)
    index = next(s.index for s in split_sentences(RIVALS) if s.text == sentence)
    assert found.organisation_at(index, end_of(RIVALS, sentence)) == organisation


def test_the_country_is_one_named_just_before_else_the_articles() -> None:
    text = (
        "Xiaomi tested cars in China in 2023. Xiaomi sold cars in China in 2024. "
        "Xiaomi shipped 500 cars to Germany in 2025. Sales rose. Prices fell. Costs rose."
    )
    found = entities(text)
    sentences = split_sentences(text)
    assert found.country_at(3, sentences[3].end) == "Germany"
    assert found.country_at(5, sentences[5].end) == "China"


def test_the_city_is_the_last_one_named() -> None:
    text = "Xiaomi built a plant in Beijing in 2023. Xiaomi opened a store in Shenzhen in 2024."
    found = entities(text)
    assert found.city_before(end_of(text, "Beijing in 2023.")) == "Beijing"
    assert found.city_before(len(text)) == "Shenzhen"


def test_he_is_the_last_person_named() -> None:
    text = "Founder Lei Jun spoke in Beijing. Xiaomi president Lu Weibing said so in 2024."
    found = entities(text)
    assert found.person_before(end_of(text, "Beijing.")) == "Lei Jun"
    assert found.person_before(len(text)) == "Lu Weibing"


def test_a_product_is_remembered_for_three_sentences() -> None:
    text = (
        "Xiaomi unveiled the SU7 in 2023. Xiaomi sold 10 phones. Xiaomi sold 11 phones. "
        "Xiaomi sold 12 phones. Xiaomi sold 13 phones."
    )
    found = entities(text)
    sentences = split_sentences(text)
    assert found.thing_before(3, sentences[3].end) == "SU7"
    assert found.thing_before(4, sentences[4].end) is None
