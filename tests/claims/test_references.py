"""Reference resolution: "the company", "it", "he", "the country", "the factory" and "at that
time" become what earlier sentences named, and quotes become reported speech. Each sentence
here is one clause; splitting is tested in test_clauses.py."""

from __future__ import annotations

import pytest

from factcheck.claims.entities import Entities
from factcheck.claims.extract import extract_claims
from factcheck.claims.grammar import render, token_spans, trim, word_tokens
from factcheck.claims.references import Context
from factcheck.claims.segment import split_sentences
from factcheck.records import Article

PLANT = "Xiaomi's Beijing Car Factory Takes Shape"


def resolved(text: str, headline: str = "") -> list[str]:
    """Every sentence of ``text`` read in order, with its references resolved, as the claim
    splitter does for a clause."""
    sentences = split_sentences(text)
    context = Context(Entities(text, sentences, headline), "'")
    out = []
    for sentence in sentences:
        context.start_sentence(sentence)
        tokens = context.resolve_time(trim(word_tokens(text, sentence.start, sentence.end)))
        tokens = context.resolve(context.reported_speech(tokens) or tokens)
        context.remember(tokens)
        context.note_facility(tokens)
        context.finish_sentence(sentence)
        out.append(render(tokens))
    return out


# ---------------------------------------------------------------------------------------------
# References become the names they stand for
# ---------------------------------------------------------------------------------------------

XIAOMI = "Xiaomi sold 10 million phones in 2022. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            XIAOMI + "The company employs 30,000 people.", "Xiaomi employs 30,000 people.",
            id="the-company",
        ),
        pytest.param(
            XIAOMI + "It opened 300 stores in India in 2023.",
            "Xiaomi opened 300 stores in India in 2023.", id="it",
        ),
        pytest.param(
            XIAOMI + "The Chinese tech giant lined up 140 test vehicles.",
            "Xiaomi lined up 140 test vehicles.", id="the-chinese-tech-giant",
        ),
        pytest.param(
            XIAOMI + "Local officials have offered the company a 15-year tax holiday.",
            "Local officials have offered Xiaomi a 15-year tax holiday.", id="company-as-object",
        ),
        pytest.param(
            XIAOMI + "Its goal was to become an industry leader in 2024.",
            "Xiaomi's goal was to become an industry leader in 2024.", id="its",
        ),
        pytest.param(
            XIAOMI + "Its rival Oppo sold 8 million phones.",
            "Xiaomi's rival Oppo sold 8 million phones.", id="its-rival",
        ),
        pytest.param(
            XIAOMI + "The plant opened in 2021. It employs 5,000 people.",
            "The plant employs 5,000 people.", id="it-after-a-thing-is-the-thing",
        ),
        pytest.param(
            XIAOMI + "The new rules took effect in 2021. It lined up 140 test vehicles.",
            "Xiaomi lined up 140 test vehicles.", id="it-is-never-a-plural",
        ),
        pytest.param(
            "Founder Lei Jun spoke in 2021. He said Xiaomi would invest $10 billion.",
            "Lei Jun said Xiaomi would invest $10 billion.", id="he",
        ),
        pytest.param(
            "China sold 9.5 million new energy vehicles in 2023. The country's car market grew "
            "30%.",
            "China's car market grew 30%.", id="the-country",
        ),
        pytest.param(
            "Acme posted the notice at 4:11pm. It was a quarter of an hour before the chief "
            "executive deleted it.",
            "It was a quarter of an hour before the chief executive deleted it.",
            id="it-before-a-lapse-of-time",
        ),
        pytest.param(
            "Norway signed the treaty in 2022. The Nordic country had stayed neutral for 200 "
            "years.",
            "Norway had stayed neutral for 200 years.", id="the-regional-country",
        ),
        pytest.param(
            "Xiaomi has picked Beijing for its first car plant. The city has paid for a new "
            "subway stop.",
            "Beijing has paid for a new subway stop.", id="the-city",
        ),
        pytest.param(
            "Xiaomi set up an EV unit in March 2021. At that time, Xiaomi planned to invest $10 "
            "billion.",
            "In March 2021, Xiaomi planned to invest $10 billion.", id="at-that-time",
        ),
    ],
)
def test_references_become_the_names_they_stand_for(text: str, expected: str) -> None:
    assert resolved(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Xiaomi has picked Beijing for its first car plant. The factory is being built in "
            "Yizhuang.",
            "Xiaomi's factory is being built in Yizhuang.", id="the-factory",
        ),
        pytest.param(
            "Xiaomi has picked Beijing for its first car plant. The plant's first phase can turn "
            "out 150,000 units a year.",
            "The first phase of Xiaomi's plant can turn out 150,000 units a year.",
            id="the-plants-first-phase",
        ),
        pytest.param(
            "Xiaomi has picked Beijing for its first car plant. The plant is going up in two "
            "phases. The second phase will add another 150,000 units.",
            "The second phase of Xiaomi's plant will add another 150,000 units.",
            id="the-second-phase",
        ),
        pytest.param(
            "Xiaomi registered a subsidiary in 2021. The subsidiary employs 3,200 people.",
            "Xiaomi's subsidiary employs 3,200 people.", id="a-then-the",
        ),
        pytest.param(
            "Xiaomi opened a unit in Beijing in 2021. The unit employs 3,200 people.",
            "Xiaomi's unit in Beijing employs 3,200 people.", id="a-then-the-with-its-place",
        ),
        pytest.param(
            "Xiaomi unveiled the SU7 in 2023. The standard version costs 215,900 yuan.",
            "The standard version of the SU7 costs 215,900 yuan.", id="a-version",
        ),
    ],
)
def test_definite_descriptions_name_their_owner(text: str, expected: str) -> None:
    assert resolved(text, PLANT)[-1] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("It is also where the rules are strictest.", id="expletive-it-where"),
        pytest.param("It is a sign that demand is strong.", id="expletive-it-is-a-sign"),
        pytest.param("At that time, demand was strong.", id="no-date-before"),
        pytest.param("He said so in an interview.", id="no-person-before"),
        pytest.param("The top version of the car costs 329,900 yuan.", id="version-of-something"),
        pytest.param(
            "Borgward, the German brand revived by Foton, was declared bankrupt.",
            id="appositive-describes-the-name-before-it",
        ),
    ],
)
def test_words_that_refer_to_nothing_earlier_are_left_alone(sentence: str) -> None:
    assert resolved("Xiaomi opened orders for the SU7. " + sentence, PLANT)[-1] == sentence


@pytest.mark.parametrize(("text", "expected"), [
    ("Cyclone Tara made landfall near Kolta on Sunday. The storm struck the coast with winds "
     "of up to 135 km/h.", "Cyclone Tara struck the coast with winds of up to 135 km/h."),
    # (a name opening the article's sentence, read without its "Hurricane")
    ("Hurricane Lana hit Port Vell in May. The hurricane flooded 40 homes.",
     "Hurricane Lana flooded 40 homes."),
    # the storm the article is about, not the one it is compared with
    ("Hurricane Otto hit Acapulco on Tuesday. Otto was the strongest landfall there since "
     "Hurricane Pablo in 2015. The storm damaged some 120 hospitals.",
     "Hurricane Otto damaged some 120 hospitals."),
    # no storm named before: left alone
    ("Rain fell across Kolta on Sunday. The storm cut power to 9,000 homes.",
     "The storm cut power to 9,000 homes."),
])
def test_the_storm_is_the_storm_named_before(text: str, expected: str) -> None:
    assert resolved(text)[-1] == expected


def test_he_after_a_subject_with_an_adverb_is_that_subject() -> None:
    text = ("Lindner refused to accept tax increases. Scholz first announced a slow timetable. "
            "He said the Bundestag would vote on 15 January.")
    assert resolved(text)[-1] == "Scholz said the Bundestag would vote on 15 January."


def test_a_resolved_reference_keeps_the_span_of_the_words_it_replaced() -> None:
    text = "Xiaomi sold 10 million phones in 2022. However, the company lost $1 billion in 2023."
    first, second = split_sentences(text)
    context = Context(Entities(text, [first, second], ""), "'")
    context.remember(trim(word_tokens(text, first.start, first.end)))
    context.start_sentence(second)
    tokens = context.resolve(trim(word_tokens(text, second.start, second.end))[2:])
    assert render(tokens) == "Xiaomi lost $1 billion in 2023."
    spans = token_spans(tokens, text)
    assert [text[span.start : span.end] for span in spans] == [
        "the company lost $1 billion in 2023"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sony took a different road. It showed its first Vision-S concept at CES 2019 and "
            "later teamed up with Honda in Sony Honda Mobility, a joint venture in which Honda "
            "holds 60%. Its first car, the Afeela 1, starts at $89,900.",
            "Sony Honda Mobility's first car, the Afeela 1, starts at $89,900.",
            id="the-venture-the-sentence-ends-by-describing",
        ),
        pytest.param(
            "In 2019 Sony took a different road. It set up a venture in which Honda holds 60%. "
            "Its first car starts at $89,900.",
            "Sony's first car starts at $89,900.",
            id="not-the-subject-of-a-relative-clause",
        ),
        pytest.param(
            "Xiaomi sold 10 million phones in 2022. It bought Borgward, a German brand, in 2023. "
            "Its first car starts at $30,000.",
            "Xiaomi's first car starts at $30,000.",
            id="an-appositive-mid-sentence-is-no-new-topic",
        ),
    ],
)
def test_its_after_a_side_clause_is_not_the_side_clauses_subject(
    text: str, expected: str
) -> None:
    assert resolved(text)[-1] == expected


# ---------------------------------------------------------------------------------------------
# Quotes become reported speech
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headline", "expected"),
    [
        pytest.param(
            "Xiaomi unveiled the SU7 in 2023. Lei Jun is not thinking small. \"By working hard, "
            "we will become one of the world's top five carmakers,\" he said at the unveiling.",
            "",
            "Lei Jun said at the unveiling that by working hard, Xiaomi will become one of the "
            "world's top five carmakers.",
            id="we-is-the-company-he-is-the-person",
        ),
        pytest.param(
            "Oppo has been the quietest of all. Founder Tony Chen has left the door open: \"If "
            "automakers can't build good cars, we will try it in the future.\"",
            "Oppo Keeps The Door Open",
            "Founder Tony Chen said that if automakers can't build good cars, Oppo will try it in "
            "the future.",
            id="after-a-colon",
        ),
        pytest.param(
            "Xiaomi promised to invest $10 billion. Founder Lei Jun said he would lead the team. "
            "\"This will be the last major entrepreneurial project in my life,\" he told the "
            "audience.",
            "",
            "Lei Jun told the audience that this will be the last major entrepreneurial project "
            "in his life.",
            id="my-is-his",
        ),
        pytest.param(
            "Nordvik Motors sold 48,200 cars in 2024. Chief executive Anna Lindqvist spoke on "
            "Tuesday. \"We have never sold more cars in a single quarter,\" she told reporters.",
            "",
            "Anna Lindqvist told reporters that Nordvik Motors has never sold more cars in a "
            "single quarter.",
            id="verb-agrees-with-the-company",
        ),
        pytest.param(
            "Xiaomi sold 10 million phones in 2022. \"We sold 10,000 cars,\" the company said.",
            "",
            "\"We sold 10,000 cars,\" Xiaomi said.",
            id="a-company-is-not-a-speaker",
        ),
    ],
)
def test_a_quote_becomes_what_the_speaker_said(text: str, headline: str, expected: str) -> None:
    assert resolved(text, headline)[-1] == expected


def test_a_speaker_named_last_in_the_sentence_loses_the_full_stop() -> None:
    text = (
        "Xiaomi sold 10 million phones in 2022. \"This is the last major project in my life,\" "
        "said Lei Jun."
    )
    assert resolved(text)[-1] == (
        "Lei Jun said that this is the last major project in Lei Jun's life."
    )


def test_he_after_a_speaker_named_last_is_that_speaker() -> None:
    text = (
        "Xiaomi sold 10 million phones in 2022. \"This is the last major project in my life,\" "
        "said Lei Jun. He founded Xiaomi in 2010."
    )
    assert resolved(text)[-1] == "Lei Jun founded Xiaomi in 2010."


def test_the_company_after_a_founder_is_the_company_founded() -> None:
    text = "Lei Jun founded Xiaomi in 2010. The company sold 10 million phones in 2022."
    assert resolved(text)[-1] == "Xiaomi sold 10 million phones in 2022."


# ---------------------------------------------------------------------------------------------
# "He"/"she" mean the person the previous sentence is about, never a name from a side clause
# ---------------------------------------------------------------------------------------------


def _claims(text: str) -> list[str]:
    return [claim.text for claim in extract_claims(Article("a", text, "-", ""))]


@pytest.mark.parametrize(
    "first",
    [
        "Kiptum, who beat Kipchoge's record, won in Chicago.",  # relative clause
        "Kiptum (a rival of Eliud Kipchoge) won in Chicago.",  # parenthesis
        "According to Eliud Kipchoge, Kiptum won in Chicago.",  # "according to X"
        "Kiptum won in Chicago, Kipchoge said.",  # the source of reported speech
    ],
)
def test_he_is_the_subject_of_the_previous_main_clause(first: str) -> None:
    claims = _claims(first + " He also won in 2019.")
    assert "Kiptum also won in 2019." in claims
    assert not any("Kipchoge also won" in claim for claim in claims)


def test_she_is_the_subject_not_the_name_in_her_relative_clause() -> None:
    claims = _claims("Ruth Chepngetich, who lost to Sifan Hassan, finished in 2:15:37. "
                     "She also won in 2021.")
    assert "Ruth Chepngetich also won in 2021." in claims


def test_his_opening_a_sentence_is_the_previous_subjects() -> None:
    claims = _claims("Ludvig Aberg, in his first Masters, closed with a 70 to take second. "
                     "His runner-up cheque came to $2.16m.")
    assert "Ludvig Aberg's runner-up cheque came to $2.16m." in claims


def test_a_nationality_is_no_name_to_resolve_to() -> None:
    claims = _claims("Ludvig Aberg closed with a 70. The Swede had hoped to win on his debut. "
                     "His runner-up cheque came to $2.16m.")
    assert not any("Swede's" in claim for claim in claims)


def test_her_after_a_subject_that_is_no_person_stays_unresolved() -> None:
    claims = _claims("The committee met on Monday in Geneva. Her report came out on 3 May 2024.")
    assert "Her report came out on 3 May 2024." in claims


def test_he_after_a_subject_that_is_no_person_looks_further_back_to_a_person() -> None:
    claims = _claims("Kiptum, who beat Kipchoge's record, won in Chicago in 2023. The record "
                     "fell by 34 seconds, according to Kipchoge. He was 23 years old in 2023.")
    assert "Kiptum was 23 years old in 2023." in claims


def test_a_person_typed_wrongly_still_resolves_when_the_clause_says_his() -> None:
    text = ("Kelvin Kiptum of Kenya won the Chicago Marathon on 8 October 2023. "
            "He took 34 seconds off the world record of Eliud Kipchoge.")
    assert "Kelvin Kiptum took 34 seconds off the world record of Eliud Kipchoge." in _claims(text)


def test_its_twice_in_a_sentence_means_the_same_owner() -> None:
    text = ("The six-wheeled rover weighs 26 kilograms. Its laser spectroscope found sulphur on "
            "29 August, and its X-ray spectrometer confirmed it two days later.")
    claims = _claims(text)
    assert any(claim.startswith("The X-ray spectrometer of the six-wheeled rover")
               for claim in claims), claims


def test_it_is_not_resolved_to_a_name_the_sentence_gives_as_owner() -> None:
    claims = _claims("Spain beat England 1-0 in the final in Sydney on 20 August 2023. "
                     "It was Spain's first Women's World Cup title.")
    assert not any("Spain was Spain's" in claim for claim in claims), claims


def test_he_is_a_subject_the_article_showed_to_be_a_person_under_a_longer_name() -> None:
    # "Novak Djokovic ... his" is a person; the recogniser's later "Djokovic" (a company to it)
    # two sentences back is still him
    from factcheck.claims.entities import EntityKind

    text = "Novak Djokovic won his gold. Djokovic beat Musetti. The crowd cheered. He wept."
    context = Context(Entities(text, split_sentences(text), ""), "'")
    context.named_subjects = [(0, "Novak Djokovic", EntityKind.PERSON),
                              (1, "Djokovic", EntityKind.ORGANISATION)]
    context.index = 3
    assert context.person_subject() == "Djokovic"
