"""Numbers, money and dates are read the way a journalist would read them."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.analysis.quantities import (
    AGE,
    DURATION,
    FACTOR,
    TIME_OF_DAY,
    Bound,
    QuantityKind,
    agree,
    as_metres_where,
    comparable,
    extract_quantities,
    implied_firsts,
    inside_name,
    is_time_of_day,
    named_number,
    parse_number,
    ranked_superlatives,
    says_number,
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
        ("a record A$86.5 million", QuantityKind.MONEY, 86.5e6, "AUD"),
        ("a record 86.5 million Australian dollars", QuantityKind.MONEY, 86.5e6, "AUD"),
        ("a C$2bn deal", QuantityKind.MONEY, 2e9, "CAD"),
        ("worth 12 billion lira", QuantityKind.MONEY, 12e9, "TRY"),
        ("The Rs 600-crore mission", QuantityKind.MONEY, 6e9, "rupee"),
        ("a budget of ₹600 crore", QuantityKind.MONEY, 6e9, "rupee"),
        ("a 20-million-rupee award", QuantityKind.MONEY, 2e7, "rupee"),
        ("a 300-million-rouble contract", QuantityKind.MONEY, 3e8, "RUB"),
        ("a $10-billion plan", QuantityKind.MONEY, 1e10, "USD"),
        ("producing 300,000 units annually", QuantityKind.COUNT, 300_000, "vehicle"),
        ("a team of 2,300 engineers", QuantityKind.COUNT, 2300, "person"),
        ("sales rose 12.5% last year", QuantityKind.PERCENT, 12.5, "%"),
        ("ten years", QuantityKind.COUNT, 10, "year"),
        ("roughly three-quarters of a million people", QuantityKind.COUNT, 750_000, "person"),
        ("a quarter of a billion dollars", QuantityKind.MONEY, 2.5e8, "USD"),
    ],
)
def test_amounts_are_normalised(text, kind, value, unit):
    quantity = only(text)
    assert (quantity.kind, quantity.value, quantity.unit) == (kind, value, unit)
    assert text[quantity.start:quantity.end] == quantity.surface


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("at the end of March 2021", (2021, 3, 1), (2021, 3, 31)),
        ("In Jan 2023, testing began", (2023, 1, 1), (2023, 1, 31)),
        ("mass production in Q1 2024", (2024, 1, 1), (2024, 3, 31)),
        ("in the first half of 2024", (2024, 1, 1), (2024, 6, 30)),
        ("in the fourth quarter of 2023", (2023, 10, 1), (2023, 12, 31)),
        ("published 2021-11-27", (2021, 11, 27), (2021, 11, 27)),
        ("on 6 November 2022", (2022, 11, 6), (2022, 11, 6)),
        ("on November 6, 2022", (2022, 11, 6), (2022, 11, 6)),
        ("expected in 2025", (2025, 1, 1), (2025, 12, 31)),
    ],
)
def test_dates_become_day_intervals(text, first, last):
    quantity = only(text)
    assert quantity.kind == QuantityKind.DATE
    assert quantity.value == datetime.date(*first).toordinal()
    assert quantity.high == datetime.date(*last).toordinal()


@pytest.mark.parametrize(
    ("claim", "evidence", "agrees"),
    [
        # the same fact written differently
        ("2:04:12", "2 hours, 4 minutes and 12 seconds", True),
        ("90 minutes", "1.5 hours", True),
        ("an hour and a half", "90 minutes", True),
        ("in an hour and 16 minutes", "a 76-minute final", True),
        ("in an hour and 16 minutes", "a 86-minute final", False),
        ("A$86.5 million", "86.5 million Australian dollars", True),
        ("Rs 900 crore", "The Rs 600-crore mission", False),
        ("Aged 22, he won", "the 22-year-old won", True),
        ("Aged 22, he won", "the 23-year-old won", False),
        ("on 21 August", "on August 21, 2023", True),
        ("three and a half years", "3 and a half years", True),
        # planted errors of one slot
        ("2:01:25", "2:01:35", False),
        ("on 21 January", "on 21 August", False),
        ("4 September 2023", "2 September 2023", False),
        ("less than 54 million journeys", "more than 54 million journeys", False),
        ("more than 50 metres", "more than 100 metres", False),
        ("fewer than 100 metres", "more than 100 metres", False),
        ("over 3,200 people", "over 2,300 people", False),
        # units, qualifiers and intervals
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
        # "about N" and race times agree to the precision given
        ("paid about $103.1 million", "paid $101,980,000", False),
        ("about 2,300 people", "2,412 people", True),
        ("in 9.85 seconds", "in 9.86 seconds", False),
        ("in 9.79 seconds", "in 9.784 seconds", True),
        # a bounded share written as a fraction
        ("to below a quarter", "to under 25%", True),
        ("more than a third of voters", "31% of voters", False),
        # currencies written into a compound, temperatures in either scale, weeks as days
        ("a 61.3-billion-peso plan", "61.3 billion pesos", True),
        ("a 5-dollar fee", "$5", True),
        ("3,000F", "1,650C", True),
        ("about 5,000 degrees Fahrenheit", "3,000 °F", False),
        ("three weeks", "21 days", True),
        ("three weeks", "14 days", False),
        # percentage points and basis points; decades as years
        ("cut by half a percentage point", "cut by 50 basis points", True),
        ("a quarter-point cut", "a 25-basis-point cut", True),
        ("a quarter-point cut", "a 50-basis-point cut", False),
        ("in nearly two decades", "in 19 years", True),
        ("in nearly two decades", "in 12 years", False),
        # figures told to five digits or more agree only rounded, not within half a percent
        ("closed at 41,622.08", "closed at 41,503.1", False),
        ("won 21,225 votes", "won 21,252 votes", False),
        ("closed at 41,622.08", "closed at 41,622.1", True),
        ("62 miles", "100 km", True),
        # weights in grams and ounces, volumes in gallons and litres, lengths in yards
        ("121.6 grams", "4.29 ounces", True),
        ("60 grams", "4.29 ounces", False),
        ("five gallons", "18.9 litres", True),
        ("100 yards", "91.4 metres", True),
        # golf scores against par: under is below par
        ("finished 11 under par", "finished at 11-under", True),
        ("shot a four-under round", "shot a four-over round", False),
        ("a 2-under-par round", "a 2-under round", True),
    ],
)
def test_written_differently_agrees_and_one_slot_changed_does_not(claim, evidence, agrees):
    c, e = only(claim), only(evidence)
    assert comparable(c, e)
    assert agree(c, e) is agrees


@pytest.mark.parametrize("text", ["COVID-19 cases", "the Chandrayaan-3 mission", "Luna-25"])
def test_numbers_inside_names_are_not_figures(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize(("text", "value"), [("six-wheeled", 6.0), ("seven payloads", 7.0),
                                             ("three separate sections", 3.0)])
def test_word_numbers_before_a_noun_count(text, value):
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "bound"),
    [("over 2,300 members", Bound.AT_LEAST), ("more than 140 vehicles", Bound.AT_LEAST),
     ("2,300+ members", Bound.AT_LEAST), ("up to 300,000 cars", Bound.AT_MOST),
     ("about 140 vehicles", Bound.APPROX), ("140 vehicles", Bound.EXACT)],
)
def test_qualifiers_are_kept(text, bound):
    assert only(text).bound == bound


def test_different_currencies_are_not_compared():
    assert not comparable(only("$10 billion"), only("10 billion yuan"))
    assert not comparable(only("A$86.5 million"), only("US$86.5 million"))


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


@pytest.mark.parametrize(("text", "expected"), [
    ("Alaska Airlines Flight 1282, a Boeing 737 Max 9, lost a door plug.", []),  # in names
    ("Spain beat England 2-1 in Berlin.", [("2-1", "score")]),
    ("In 2024 the firm sold 100,000 cars.", [("2024", "day"), ("100,000 cars", "vehicle")]),
    ("Iowa defeated Michigan 106-89 in Iowa City.", [("106-89", "score")]),  # basketball
    ("It was a 102-85 win.", [("102-85", "score")]),
    ("A Boeing 737-800 landed.", [("800", "")]),  # an aircraft, no score
])
def test_numbers_in_names_are_no_figures_and_scores_stay_whole(text, expected):
    assert [(q.surface, q.unit) for q in extract_quantities(text)] == expected


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("between 4.3 and 5.2 billion dollars", [4.3e9, 5.2e9], "USD"),
    ("$4.3 billion to $5.2 billion", [4.3e9, 5.2e9], "USD"),
    ("from 3 to 4 million people", [3e6, 4e6], "person"),
    ("4.3-5.2 billion dollars", [4.3e9, 5.2e9], "USD"),
])
def test_a_range_shares_its_scale_and_unit(text, values, unit):
    quantities = extract_quantities(text)
    assert [q.value for q in quantities] == values
    assert {q.unit for q in quantities} == {unit}


@pytest.mark.parametrize(("text", "first"), [
    ("Chapter 11 and 5 billion dollars", 5e9),  # a numbering is no figure and opens no range
    ("won 5 and lost 3 million", 5.0),  # a range runs upwards
])
def test_a_number_that_opens_no_range_keeps_its_own_scale(text, first):
    assert extract_quantities(text)[0].value == first


@pytest.mark.parametrize(("text", "value", "says"), [
    ("one more than Germany's three.", 3, True),   # not counted by the reader, still stated
    ("started six of Spain's seven matches", 6, True),
    ("1,300 people", 1300, True),
    ("3.5 million people", 3, False),
    ("in 2023", 20, False),
])
def test_says_number_finds_a_whole_number_in_digits_or_words(text, value, says):
    assert says_number(text, value) is says


@pytest.mark.parametrize("text", [
    "UNICEF delivered tents to families",        # "ten" begins a word: no number
    "the tension tends to ease",
    "an hour and three-quarters after the start",  # a fraction, not three of something
    "Pogacar won stage 21 of the race",          # a numbering, not a count
    "passengers waited at gate 4",
    "the world No. 1 from Texas",                 # a rank, not a count
    "she is ranked number 3 in the world",
])
def test_words_that_only_look_like_figures_are_none(text):
    assert extract_quantities(text) == []


def test_an_ordinal_inside_a_name_is_no_rank():
    assert extract_quantities("Admiral Mauger of the First Coast Guard District said so") == []
    assert only("It was the first time the canal had done so").value == 1


@pytest.mark.parametrize(("text", "value"), [
    ("the peso weakens by two per cent every month", 2.0),
    ("a 2 per-cent rise", 2.0),
    ("up ten percent on the year", 10.0),
])
def test_a_percentage_in_words_or_with_a_hyphen_is_a_percentage(text, value):
    [quantity] = extract_quantities(text)
    assert (quantity.kind, quantity.value) == (QuantityKind.PERCENT, value)


def test_a_game_clock_left_to_play_is_a_length_of_time():
    [clock] = extract_quantities("a field goal with 1:53 left in regulation")
    [words] = extract_quantities("a field goal with one minute and 53 seconds left")
    assert (clock.unit, clock.value) == (DURATION, 113.0) == (words.unit, words.value)
    assert extract_quantities("the meeting starts at 10:30 tomorrow") == []


@pytest.mark.parametrize(("text", "factor"), [
    ("the plan doubles nothing but promised to triple social spending", 3.0),
    ("while doubling social spending for the poorest", 2.0),
    ("sales rose threefold", 3.0),
    ("the cost would halve by then", 0.5),
])
def test_a_multiplication_is_a_factor(text, factor):
    [quantity] = [q for q in extract_quantities(text) if q.unit == FACTOR]
    assert quantity.value == factor


@pytest.mark.parametrize("text", ["a double murder", "she won the doubles", "to double-check"])
def test_double_as_an_adjective_or_noun_is_no_factor(text):
    assert extract_quantities(text) == []


def test_a_factor_compares_only_with_a_factor():
    [triple] = extract_quantities("promised to triple spending")
    [two] = extract_quantities("two new plants opened")
    [doubling] = extract_quantities("doubling spending")
    assert not comparable(triple, two) and comparable(triple, doubling)


@pytest.mark.parametrize(("text", "rank"), [
    ("The award was Patrick Mahomes' third, tying him with Joe Montana.", 3.0),
    ("He finished third.", 3.0),
    ("First, the company said it would wait.", None),
    ("A blink lasts about a tenth of a second, far shorter.", None),
])
def test_an_ordinal_with_no_noun_ranks_only_after_a_possessive_or_verb(text, rank):
    ranks = [q.value for q in extract_quantities(text) if q.kind is QuantityKind.ORDINAL]
    assert ranks == ([rank] if rank else [])


@pytest.mark.parametrize("text", ["The ship left at four minutes past one in the morning.",
                                  "The deck began to fall at 48 seconds past 1:28.",
                                  "The vote closed at ten minutes to midnight."])
def test_minutes_past_an_hour_are_a_time_of_day_not_a_length(text):
    assert [q for q in extract_quantities(text) if q.unit == DURATION] == []


@pytest.mark.parametrize(("text", "value"), [
    ("The plane carried three hundred and twelve passengers.", 312.0),
    ("The side were bowled out for two hundred and six.", 206.0),
    ("Twenty-one people were rescued.", 21.0),
    ("Rescuers searched one hundred homes.", 100.0),
])
def test_numbers_written_in_several_words_are_read_whole(text, value):
    assert only(text).value == value


def test_a_quarter_of_no_year_agrees_with_that_quarter_of_any_year():
    quarter = only("Sales fell in the second quarter.")
    assert comparable(quarter, only("in the second quarter of 2023"))
    assert agree(quarter, only("in the second quarter of 2023"))
    assert not agree(quarter, only("in the first quarter of 2023"))
    assert not comparable(quarter, only("in March 2023"))


def test_a_month_never_agrees_with_a_sum_of_money():
    month, money = only("In October the ball sold."), only("It sold for $4.392m.")
    assert not agree(month, money) and not agree(money, month)  # (once, a crash: year 12025)


@pytest.mark.parametrize("text", ["Most IAM District 751 members voted.",
                                  "The vote split Local 1245 members."])
def test_a_numbered_district_or_local_is_a_name_not_a_count(text):
    assert [q.value for q in extract_quantities(text) if q.value in (751, 1245)] == []


def test_a_section_of_a_code_is_no_count():
    assert extract_quantities("Boeing raised its 401(k) contributions.") == []


@pytest.mark.parametrize("text", ["Sales rose in the first nine months of 2023.",
                                  "Sales rose in the first 9 months of 2023."])
def test_the_first_months_of_a_year_are_a_period(text):
    period = only(text)
    assert period.kind is QuantityKind.DATE
    assert (datetime.date.fromordinal(int(period.value)), datetime.date.fromordinal(
        int(period.high))) == (datetime.date(2023, 1, 1), datetime.date(2023, 9, 30))


@pytest.mark.parametrize(("text", "bound"), [
    ("Airbus handed over 291 jets to customers.", Bound.EXACT),
    ("The chain signed over 12 stores to a rival.", Bound.EXACT),
    ("The final took over 3 hours.", Bound.AT_LEAST),
    ("Airbus delivered over 291 jets to customers.", Bound.AT_LEAST),
])
def test_over_as_a_verbs_particle_is_no_bound(text, bound):
    assert only(text).bound is bound


@pytest.mark.parametrize(("text", "value"), [
    ("General Atlantic pledged half a billion dollars.", 5e8),
    ("Half a million people fled the city.", 5e5),
    ("The fleet had half a dozen ships.", 6.0),
])
def test_half_a_scale_is_half_of_it(text, value):
    assert only(text).value == value


def test_a_number_word_is_said_in_its_plain_form():
    assert says_number("The twelve jurors agreed.", 12)


def test_days_and_hours_compare_as_lengths_of_time():
    assert agree(only("The checks last about half a day."), only("The checks take about 12 hours."))
    assert agree(only("The trip took two days."), only("The trip took 48 hours."))
    assert not agree(only("The trip took two days."), only("The trip took 30 hours."))


def test_a_score_agrees_only_with_the_same_score():
    assert not agree(only("She won the tie-break 7-6."), only("She won the tie-break 7-4."))


@pytest.mark.parametrize(("text", "unit"), [("The pressure fell to 938 mb.", "millibar"),
                                            ("The pressure fell to 938 millibars.", "millibar"),
                                            ("Winds reached 140 mph.", "km/h")])
def test_pressures_and_speeds_have_units(text, unit):
    assert only(text).unit == unit


def test_first_as_an_adverb_is_no_figure():
    assert extract_quantities("The union had opposed the deal since it was first announced.") == []


@pytest.mark.parametrize(("text", "minutes", "zone"), [
    ("The shadow left land at 5.16 p.m. local time.", 17 * 60 + 16, ""),
    ("Karikó texted him at 5:45 a.m. on Monday.", 5 * 60 + 45, ""),
    ("The quake struck at 17 minutes past four in the morning.", 4 * 60 + 17, ""),
    ("It made landfall at 7:45 a.m. ET on 30 August.", 7 * 60 + 45, "et"),
    ("The update went out at 04:09 UTC.", 4 * 60 + 9, "utc"),
    ("Polls stayed open until midnight.", 0, ""),
    ("It was ten minutes to midnight.", 23 * 60 + 50, ""),
    ("The bridge was shut from 3 p.m. on 10 September.", 15 * 60, ""),
    ("It splashed down at 9:40 a.m. Pacific time.", 9 * 60 + 40, "pt"),
    ("It flew over at 7:57 a.m. Eastern Daylight Time.", 7 * 60 + 57, "et"),
    ("It splashed down at 12:40 p.m. EST on Sunday.", 12 * 60 + 40, "et"),
    ("The vote closed at 1740 GMT.", 17 * 60 + 40, "utc"),
    ("Shops shut at 6 p.m. Tokyo time.", 18 * 60, ""),
])
def test_a_time_of_day_is_read_in_minutes_with_its_zone(text, minutes, zone):
    found = [q for q in extract_quantities(text) if is_time_of_day(q)]
    assert len(found) == 1
    assert found[0].value == 1440 + minutes
    assert found[0].unit.partition("@")[2] == zone


@pytest.mark.parametrize(("claim", "evidence", "agrees"), [
    ("She texted him at 4 a.m.", "She texted him at four in the morning.", True),
    ("She texted him at 5:45 a.m.", "She texted him at four in the morning.", False),
    ("It hit at about half past eight that evening.", "It hit at 8:30 p.m.", True),
    ("Power was cut shortly after 6 a.m.", "Power was cut at 6:10 a.m.", True),
    ("The polls closed at 8 a.m.", "The polls closed at 8:05 a.m.", False),
    ("The quake struck at about 3 a.m.", "The quake struck at 3:20 a.m.", True),
    ("The quake struck at about 3 a.m.", "The quake struck at 4:10 a.m.", False),
    ("The strike began at midnight.", "The deadline passed at 11:59 p.m.", True),
    ("The ban took effect at 12:01 a.m.", "The ban took effect at midnight.", True),
    ("The polls closed at 8:59 p.m.", "The polls closed at 9 p.m.", False),
])
def test_times_of_day_agree_to_the_minute_or_as_hedged(claim, evidence, agrees):
    assert agree(only(claim), only(evidence)) is agrees


def test_a_time_of_day_compares_only_with_a_time_of_day_in_the_same_or_a_known_zone():
    assert comparable(only("It landed at 7:45 a.m. ET."), only("It landed at 7:45 a.m."))
    assert comparable(only("It landed at 7:45 a.m. ET."), only("It landed at 11:45 GMT."))
    assert not comparable(only("It landed at 7:45 a.m. ET."), only("It landed at 17:15 IST."))
    assert not comparable(only("It landed at 8 a.m."), only("It carried 8 people."))


@pytest.mark.parametrize(("claim", "evidence", "agrees"), [
    ("It splashed down at 9:40 a.m. Pacific time.", "It splashed down at 12:40 p.m. EST.", True),
    ("It landed at 7:45 a.m. ET.", "It landed at 11:45 GMT.", True),  # summer time
    ("It landed at 7:45 a.m. ET.", "It landed at 12:45 GMT.", True),  # standard time
    ("It landed at 7:45 a.m. ET.", "It landed at 14:45 GMT.", False),
    ("It splashed down at 9:40 a.m. PT.", "It splashed down at 9:40 a.m. ET.", False),
])
def test_times_in_two_known_zones_are_compared_in_utc(claim, evidence, agrees):
    assert agree(only(claim), only(evidence)) is agrees


def test_the_last_of_a_counted_set_ranks_as_its_count():
    last = [q for q in extract_quantities("GM was the last of the three automakers to settle.")
            if q.kind is QuantityKind.ORDINAL]
    first = [q for q in extract_quantities("GM was the first of the three automakers to settle.")
             if q.kind is QuantityKind.ORDINAL]
    assert [q.value for q in last] == [3.0] and [q.value for q in first] == [1.0]
    assert comparable(first[0], last[0]) and not agree(first[0], last[0])


def test_a_bare_superlative_ranks_first_against_a_lower_rank_of_it():
    claim = "The crash ranks as the second-worst rail disaster in Greece's history."
    ranked = ranked_superlatives(claim, extract_quantities(claim))
    assert ranked == {"worst": "worst"}
    first = implied_firsts("It was the nation's worst rail disaster.", ranked)
    assert [q.value for q in first] == [1.0]
    assert not agree(extract_quantities(claim)[0], first[0])
    assert implied_firsts("The worst was over by noon, the report said.", {}) == []
    assert implied_firsts("It was one of the worst rail disasters.", ranked) == []


@pytest.mark.parametrize("text", ["Winds reached 140 miles per hour.", "Winds reached 140 mph."])
def test_miles_per_hour_is_a_speed_compared_in_kilometres_per_hour(text):
    assert only(text).unit == "km/h"
    assert agree(only(text), only("Winds reached 225 km/h."))


@pytest.mark.parametrize(("imperial", "metric"), [
    ("It made landfall about 115 miles southwest of Orlando.", "roughly 185 kilometres"),
    ("The wall is 6 feet high.", "The wall is 1.83 metres high."),
    ("Just over five inches of rain fell.", "12.9 cm of rain fell."),
])
def test_imperial_lengths_agree_with_the_same_length_in_metric_units(imperial, metric):
    assert agree(only(metric), only(imperial)) and agree(only(imperial), only(metric))
    assert not agree(only("It is 250 kilometres away."), only("It is 115 miles away."))


@pytest.mark.parametrize(("text", "months"), [
    ("revenue for the July-to-September 2024 quarter", (7, 9)),
    ("from April through June 2023", (4, 6)),
    ("between May and June 2024", (5, 6)),
    ("Jan.-March 2023", (1, 3)),
    ("the final three months of 2024", (10, 12)),
    ("the last two months of 2023", (11, 12)),
    ("the first nine months of 2024", (1, 9)),
])
def test_ranges_of_months_are_read_as_one_interval(text, months):
    quantity = only(text)
    first, last = (datetime.date.fromordinal(int(v)) for v in (quantity.value, quantity.high))
    assert (first.month, last.month, first.day) == (*months, 1)
    assert last.day == calendar.monthrange(last.year, last.month)[1]


def test_two_months_joined_by_and_are_no_range():
    assert [q.surface for q in extract_quantities("in March and June 2024")] == ["March",
                                                                                "June 2024"]


def test_percentage_points_are_no_percentage_and_points_of_a_game_no_rate():
    assert not comparable(only("raised by 0.5 percentage points"), only("raised by 0.5%"))
    assert only("he scored 30 points").unit != only("by 30 basis points").unit


def test_a_range_of_percentages_shares_its_closing_unit():
    low, high = extract_quantities("to a range of 4.75 to 5 per cent")
    assert (low.kind, low.value, low.unit) == (QuantityKind.PERCENT, 4.75, "%")
    assert agree(low, only("to 4.75%"))


@pytest.mark.parametrize("text", ["guided for third-quarter 2024 revenue of $12.5 billion",
                                  "revenue for the third quarter of 2024 of $12.5 billion"])
def test_a_hyphenated_quarter_is_the_same_quarter(text):
    date = next(q for q in extract_quantities(text) if q.kind is QuantityKind.DATE)
    assert agree(date, only("in the July-to-September 2024 quarter"))


@pytest.mark.parametrize(("text", "value"), [("at least three dozen deaths", 36),
                                             ("two dozen counties", 24),
                                             ("a dozen people", 12)])
def test_dozens_are_counted(text, value):
    assert only(text).value == value


def test_half_an_hour_is_thirty_minutes():
    assert agree(only("flattened within thirty minutes"), only("flattened in half an hour"))


@pytest.mark.parametrize(("text", "seconds"), [
    ("It was a quarter of an hour before he posted.", 900.0),
    ("The talks lasted three-quarters of an hour.", 2700.0),
])
def test_quarters_of_an_hour_are_lengths_of_time(text: str, seconds: float):
    (quantity,) = extract_quantities(text)
    assert (quantity.value, quantity.unit) == (seconds, DURATION)


def test_centuries_are_counted_in_years():
    (quantity,) = extract_quantities("after more than two centuries of neutrality")
    assert (quantity.value, quantity.unit) == (200.0, "year")


@pytest.mark.parametrize(("text", "value"), [
    ("a magnitude-4.9 aftershock hit 19 minutes later", 4.9),
    ("a category-4 storm", 4.0),
])
def test_a_measure_before_a_hyphen_is_no_name(text: str, value: float):
    assert [q.value for q in extract_quantities(text)][0] == value


def test_a_name_before_a_hyphen_keeps_its_number():
    assert extract_quantities("COVID-19 and Chandrayaan-3") == []


@pytest.mark.parametrize(("text", "surface"), [
    ("She signed for a three-under 69 on Sunday.", "69"),   # a score against par, no bound
    ("He closed with a 2-over 74.", "74"),
    ("a final-round 68 gave her the title", "68"),          # the round's score, no numbering
])
def test_a_golf_score_is_an_exact_figure(text, surface):
    quantities = [q for q in extract_quantities(text) if q.surface == surface]
    assert [q.bound for q in quantities] == [Bound.EXACT]


def test_under_before_a_figure_is_still_a_bound():
    assert only("Tickets sold for under 70 dollars.").bound is Bound.AT_MOST


@pytest.mark.parametrize(("text", "kind"), [
    ("Her closing 65 won the title.", QuantityKind.COUNT),   # the verb
    ("A coffee costs 5,000 won in Seoul.", QuantityKind.MONEY),  # the currency
])
def test_won_after_a_number_is_the_verb_before_its_object(text, kind):
    assert only(text).kind is kind


def test_a_date_after_over_is_the_period_it_happened_in():
    assert only("The unit lost money over the first half of 2023.").bound is Bound.EXACT
    assert only("Sales topped over 2,000 units.").bound is Bound.AT_LEAST


@pytest.mark.parametrize("text", ["a magnitude 6.5 aftershock", "the 7.5-magnitude quake",
                                  "a quake with a magnitude of 7.5", "a 6.8 magnitude earthquake"])
def test_a_reading_on_a_scale_is_in_its_unit(text: str):
    [reading] = extract_quantities(text)
    assert reading.unit == "magnitude"


@pytest.mark.parametrize(("text", "number", "named"), [
    ("Output of the Boeing 737 Max was capped.", "737", True),
    ("the run-up to Euro 2024", "2024", True),
    ("Google hands Apple 36% of the revenue.", "36", False),  # a share, not a model number
])
def test_a_number_after_a_name_names_it_unless_it_is_a_share(text: str, number: str,
                                                              named: bool):
    assert named_number(text, text.index(number)) is named


def test_a_range_of_hundreds_is_no_score_without_a_result():
    assert [q.unit for q in extract_quantities("Some 120-150 people died.")] == ["person",
                                                                               "person"]


@pytest.mark.parametrize(("text", "unit"), [
    ("South Carolina became the first women's team ever to go unbeaten.", "team"),
    ("South Carolina became the 10th team to go unbeaten.", "team"),
    ("Starmer is the first Labour prime minister since 2010.", "labour"),  # among Labour's
    ("Rodri became the first Manchester City player to win it.", "manchester"),
    ("Rodri became the first player from Manchester City ever to win it.", "manchester"),
    ("Rodri became the first player of the season to win it.", "player"),
])
def test_an_ordinal_ranks_the_head_noun_past_a_possessive(text, unit):
    assert [q.unit for q in extract_quantities(text)][0] == unit


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("a 50 billion Swiss franc loan", 50e9, "CHF"),
    ("a premium of 476 million francs paid to the Swiss central bank", 476e6, "CHF"),
    ("a fine of 300 francs", 300, "franc"),              # whose francs, the text does not say
    ("Kenya's budget of 2.7 billion shillings", 2.7e9, "KES"),
    ("KSh 346 billion", 346e9, "KES"),
    ("SEK 12 billion", 12e9, "SEK"),
])
def test_currencies_named_after_the_number_or_by_their_code(text, value, currency):
    found = only(text)
    assert found.kind is QuantityKind.MONEY
    assert (found.value, found.unit) == (pytest.approx(value), currency)


@pytest.mark.parametrize(("claim_text", "passage_text"), [
    ("386 mm of rain fell", "386 millimetres of rain fell"),
    ("38.6 cm of rain", "386 mm of rain"),
    ("3,000 kg of food", "3 tonnes of food"),
    ("a 1.2 GW plant", "a 1,200 MW plant"),
    ("about 150 litres per square metre", "roughly 150 liters per square metre"),
    ("500 acres burned", "202 hectares burned"),
])
def test_measures_in_other_units_agree(claim_text, passage_text):
    claim, passage = only(claim_text), only(passage_text)
    assert comparable(claim, passage) and agree(claim, passage)


def test_a_year_before_1900_is_a_date_after_a_preposition_or_in_a_full_date():
    assert only("a record set in 1897").kind is QuantityKind.DATE
    assert only("on 29 July 1897").kind is QuantityKind.DATE
    assert only("1850 homes were lost").kind is QuantityKind.COUNT


def test_as_much_as_bounds_a_figure_from_above():
    assert only("as much as 254.8 mm fell").bound is Bound.AT_MOST
    assert only("as many as 10,000 people").bound is Bound.AT_MOST


@pytest.mark.parametrize(("text", "value"), [
    ("fourteen hundred people", 1400),
    ("by 16½ points", 16.5),
    ("5¾ inches", 5.75 * 2.54),
])
def test_hundreds_in_words_and_vulgar_fractions(text, value):
    assert only(text).value == pytest.approx(value)


def test_the_fifth_of_august_is_a_day():
    day = only("on the fifth of August")
    assert day.kind is QuantityKind.DATE and agree(day, only("on 5 August 2024"))
    assert only("the 21st of August 2024").kind is QuantityKind.DATE
    assert only("the first of its kind").kind is QuantityKind.ORDINAL


def test_pounds_and_lb_of_a_weighing_are_a_mass_and_other_pounds_money():
    weighed = extract_quantities("The boxer weighed in at 262 pounds (118.8 kg) on Friday.")
    assert [q.unit for q in weighed] == ["tonne", "tonne"]
    assert agree(weighed[0], weighed[1])
    assert extract_quantities("She came in at 223lb.")[0].unit == "tonne"
    assert extract_quantities("The club paid 50 million pounds for him.")[0].unit == "GBP"


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("some eight and a half million computers", 8_500_000, ""),
    ("one and a half million people", 1_500_000, "person"),
    ("sentenced to a quarter of a century in prison", 25, "year"),
    ("beat him by half a hundredth of a second", 0.005, DURATION),
    ("won by five thousandths of a second", 0.005, DURATION),
    ("a tenth of a second slower", 0.1, DURATION),
])
def test_halves_and_shares_of_a_unit_are_the_amounts_they_name(text, value, unit):
    quantity = extract_quantities(text)[0]
    assert quantity.value == pytest.approx(value) and quantity.unit == unit
    assert extract_quantities("a third of the vote")[0].unit == "%"  # a share of no unit


def test_a_bare_sum_in_billions_takes_the_currency_of_the_sum_before_it():
    found = extract_quantities("Profits reached 55.7 billion dollars in 2022, topping the "
                               "previous high of 45.22 billion it set in 2008.")
    assert [(q.surface, q.unit) for q in found if q.kind is QuantityKind.MONEY] == [
        ("55.7 billion dollars", "USD"), ("45.22 billion", "USD")]
    # a number counting a noun keeps counting it
    found = extract_quantities("Revenue hit $5 billion from 2 billion users.")
    assert [q.kind for q in found] == [QuantityKind.MONEY, QuantityKind.COUNT]


@pytest.mark.parametrize(("claim", "passage"), [
    ("She pitched six and a third innings.", "She pitched 6 1/3 innings."),
    ("He bowled four and two-thirds overs.", "He bowled 4 2/3 overs."),
    ("The talks lasted two and a quarter days.", "The talks lasted 2.25 days."),
])
def test_a_whole_number_and_a_fraction_is_one_figure(claim, passage):
    told, stated = only(claim), only(passage)
    assert told.kind is QuantityKind.COUNT and agree(told, stated)
    assert only("It took three and a half years.").value == pytest.approx(3.5)


def test_and_a_third_after_a_number_is_no_rank_but_a_third_alone_is():
    assert not any(q.kind is QuantityKind.ORDINAL
                   for q in extract_quantities("in six and a third innings"))
    assert only("the third inning").kind is QuantityKind.ORDINAL
    assert extract_quantities("a date like 1/3/2024")[-1].kind is QuantityKind.DATE


def test_a_pronoun_after_an_ordinal_leaves_the_rank_of_the_noun_before():
    rank = only("The visitors scored twice in the fifth they later said.")
    assert rank.surface == "fifth" and agree(only("in the fifth inning"), rank)


def test_a_number_in_words_counts_a_part_of_a_counted_whole():
    assert [q.surface for q in extract_quantities("The booster relit four of its 33 engines.")
            ] == ["four", "33"]
    assert not agree(*extract_quantities("four of its 33")[:1],
                     *extract_quantities("three of its 33")[:1])
    assert [q.surface for q in extract_quantities("She was one of the 20 finalists.")] == ["20"]
    assert [q.surface for q in extract_quantities("All but two of the 650 seats were declared.")
            ] == ["650"]


@pytest.mark.parametrize(("race", "words", "alike"), [
    ("won in 1:54.23", "won in 1 minute 54.23 seconds", True),
    ("an Olympic record of 4:02.95", "touching in 4 minutes 2.95 seconds", True),
    ("won in 1:54.23", "won in 1 minute 54.06 seconds", False),
])
def test_a_race_time_of_minutes_and_hundredths_is_a_length_of_time(race, words, alike):
    assert only(race).unit == DURATION
    assert agree(only(race), only(words)) is alike


def test_a_time_of_day_is_no_race_time():
    assert extract_quantities("polls closed at 6:30 in the evening") == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("won the 200m butterfly", 200, "metre"),
    ("the river was 2.16 m above its danger level", 2.16, "metre"),
    ("took the Olympic men's 100m title", 100, "metre"),
    ("raised 5m for the appeal", 5e6, ""),
])
def test_an_m_of_length_or_a_race_is_metres_and_otherwise_millions(text, value, unit):
    found = only(text)
    assert (found.value, found.unit) == (value, unit)


def test_every_bare_m_of_a_text_about_races_is_metres():
    text = "won the 200m breaststroke and the 200m and 400m individual medleys"
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [
        (200, "metre"), (200, "metre"), (400, "metre")]
    assert agree(only("the 100m final"), only("the 100 metres final"))


def test_for_the_nth_time_counts_how_often_and_the_nth_time_that_ranks():
    assert only("won silver in the relay for the second time").unit == "time"
    assert only("this was the second time the agency had sent a probe").unit != "time"


def test_the_hours_to_a_time_of_day_are_a_length_of_time():
    assert [(q.surface, q.unit) for q in extract_quantities("in the 24 hours to 8:45 am")] == [
        ("24 hours", DURATION), ("8:45 am", TIME_OF_DAY)]


def test_a_second_length_of_time_after_a_comma_is_a_figure_of_its_own():
    assert [(q.surface, q.value) for q in extract_quantities(
        "rode it in 51 minutes and 44 seconds, 17 seconds faster than Ganna")] == [
        ("51 minutes and 44 seconds", 3104.0), ("17 seconds", 17.0)]
    assert only("in 2 hours, 4 minutes and 12 seconds").value == 7452.0


@pytest.mark.parametrize(("text", "seconds"), [
    ("won the stage in 51:44, 17 seconds quicker", 3104.0),
    ("Thomas took third place overall, 10:24 down", 624.0),
])
def test_minutes_and_seconds_of_a_race_or_a_gap_are_a_length_of_time(text, seconds):
    assert [q.value for q in extract_quantities(text) if q.unit == DURATION][0] == seconds


@pytest.mark.parametrize("text", ["the crew closed the hatch by 7:55 a.m. Eastern time",
                                  "polls closed at 6:30", "at 10:24 local time"])
def test_a_time_of_day_is_no_split_time(text):
    assert [q for q in extract_quantities(text) if q.unit == DURATION] == []


def test_third_overall_is_third_place():
    assert only("with Thomas third overall").unit == only("Thomas took third place overall").unit


@pytest.mark.parametrize(("text", "surface"), [
    ("The team visited the region on June 10-11 with prosecutors.", "June 10-11"),
    ("The team visited the region on 10-11 June with prosecutors.", "10-11 June"),
    ("Talks ran from 10 to 12 June 2023 in Geneva.", "10 to 12 June 2023"),
])
def test_a_span_of_days_is_one_date(text, surface):
    assert only(text).surface == surface
    assert only(text).high > only(text).value


def test_a_span_of_days_agrees_with_the_days_within_it():
    span = only("The team visited on June 10-11.")
    assert agree(span, only("The team visited on 10-11 June."))
    assert agree(span, only("The team visited on 11 June."))
    assert not agree(span, only("The team visited on 13 June."))
    assert agree(only("The talks ran 10-12 June 2023."), only("The talks began on June 10."))


def test_an_age_between_commas_after_a_name_is_an_age():
    assert only("Sportskeeda said Erling Haaland, 23, won the Golden Boot.").unit == "year"
    assert only("Haaland, aged 23, won the Golden Boot.").unit == "year"
    # (a count after a sentence's opening clause is no age)
    assert extract_quantities("In March, 23 people died.")[-1].unit == "person"


def test_hours_and_minutes_to_another_length_of_time_are_no_time_of_day():
    found = extract_quantities("The orbit fell from 11 hours 55 minutes to 11 hours 23 minutes.")
    assert [(q.surface, q.unit) for q in found] == [("11 hours 55 minutes", DURATION),
                                                     ("11 hours 23 minutes", DURATION)]
    assert only("The clock stood at ten minutes to midnight.").unit == TIME_OF_DAY


@pytest.mark.parametrize("text", ["with 38 rail cars off the track", "38 cars left the track"])
def test_a_word_before_the_counted_noun_keeps_its_unit(text):
    assert only(text).unit == only("Thirty-eight cars left the track.").unit == "vehicle"
    # ("nine other people" stays comparable with "seven others")
    assert only("along with nine other people").unit == only("along with seven others").unit


def test_half_before_its_or_the_is_a_share():
    assert only("with less than half its mass").value == pytest.approx(50)
    assert agree(only("less than half of Jupiter's mass"), only("less than half its mass"))
    assert only("won half the seats").value == pytest.approx(50)
    assert only("in the first half the team scored").kind is QuantityKind.ORDINAL


def test_a_share_of_a_percentage_is_the_percentage_it_makes():
    fine = only("The total was raised to roughly half of one percent of Apple's turnover.")
    assert (fine.value, fine.unit) == (0.5, "%")
    assert agree(fine, only("The fine came to 0.5 percent of Apple's global turnover."))
    assert only("a quarter of 1% of sales").value == pytest.approx(0.25)
    assert only("a third of a percentage point").unit == "pp"
    # a share of something else stays a share
    assert only("about half of its revenue").value == pytest.approx(50)


@pytest.mark.parametrize("text", ["The treaty was signed on that same date, 4 April, in 1949.",
                                  "The treaty was signed on April 4 in 1949."])
def test_a_day_and_its_year_told_apart_are_one_date(text):
    [date] = extract_quantities(text)
    assert (date.unit, date.value) == ("day", float(datetime.date(1949, 4, 4).toordinal()))


def test_points_beside_a_percentage_are_percentage_points():
    [share, change] = extract_quantities("The party took 40.8% of the vote, 1.2 points more than "
                                         "at the previous election.")
    assert (change.kind, change.value, change.unit, change.surface) == (
        QuantityKind.PERCENT, 1.2, "pp", "1.2 points")
    assert agree(change, only("up 1.2 percentage points"))
    # (a text opening on its percentage too)
    assert extract_quantities("40.8% voted for it, 1.2 points more.")[1].unit == "pp"
    # an index moves in its own points; a table counts points
    assert [q.unit for q in extract_quantities("The Dow fell 2.1%, or 70 points.")] == ["%", ""]
    assert [q.kind for q in extract_quantities("Leverkusen finished on 90 points, 17 points "
                                               "clear.")] == [QuantityKind.COUNT] * 2


def test_midnight_closing_a_span_of_hours_is_a_time_of_day():
    [amount, eleven, midnight] = extract_quantities("It dropped 158.1 mm of rain between 11pm and "
                                                    "midnight.")
    assert (eleven.surface, midnight.surface) == ("11pm", "midnight")
    assert agree(only("in the hour to midnight"), midnight)


def test_a_count_in_a_tally_of_names_is_no_model_number():
    tally = extract_quantities("Independents won 101, PML-N 75, the PPP 54, MQM-P 17 and smaller "
                               "parties 12.")
    assert [q.value for q in tally] == [101, 75, 54, 17, 12]
    # a model number alone stays a name
    assert extract_quantities("the Boeing 737 that crashed") == []


def test_per_second_is_a_unit_of_time_not_a_rank():
    assert [q.surface for q in extract_quantities(
        "Water flowed out at 70 to 80 cubic metres per second, then 120 cubic metres per second "
        "at 3.15am.")] == ["70", "80", "120", "3.15am."]
    assert only("she won a second term").kind is QuantityKind.ORDINAL


def test_a_figure_a_verb_says_was_passed_is_a_lower_bound():
    exceeded = only("the maximum possible penalty exceeded four billion euros")
    assert exceeded.bound is Bound.AT_LEAST
    assert not agree(only("the maximum possible penalty was below four billion euros"), exceeded)


def test_each_number_of_a_list_after_a_numbering_plural_is_a_label():
    labels = extract_quantities("Inspectors found illegal extensions at three flats, numbers 12, "
                                "14 and 18, on the top floor.")
    assert [q.surface for q in labels] == ["three"]
    assert extract_quantities("Trains left from platforms 4 and 5.") == []
    # a plural before one number with nothing listed after it is no numbering
    assert [q.value for q in extract_quantities("Visitor numbers 70 and rising.")] == [70]


def test_yen_written_with_its_sign_in_a_text_about_japan():
    [yen] = extract_quantities("The Bank of Japan will keep buying about ¥4trn of bonds a month.")
    assert (yen.unit, yen.value) == ("JPY", 4e12)
    assert agree(only("roughly 4 trillion yen of bonds"), yen)


def test_a_rounder_lower_bound_is_implied_by_a_higher_one():
    decades = only("she had sung in the choir for more than two decades")
    assert agree(decades, only("a choir member for more than 24 years"))
    assert not agree(decades, only("a choir member for more than 40 years"))


def test_parts_counted_one_after_another_are_a_count():
    assert only("profits have grown for five quarters in a row").value == 5
    assert only("three quarters of the vote").kind is QuantityKind.PERCENT


def test_a_tally_after_a_name_is_counted():
    found = [q.surface for q in extract_quantities(
        "She defeated Tom Ray of Utah 64 to 51 in the party vote.")]
    assert found == ["64", "51"]


def test_how_often_after_a_name_is_counted():
    found = [q.surface for q in extract_quantities("Ruud has played Sinner 11 times on tour.")]
    assert found == ["11"]
    assert extract_quantities("She flew on a Boeing 737 to Lisbon.") == []


def test_tie_break_points_are_part_of_the_set_score():
    found = [q.surface for q in extract_quantities("They won 7-6 (4), 7-6 (3) in the doubles.")
             if not inside_name("They won 7-6 (4), 7-6 (3) in the doubles.", q)]
    assert found == ["7-6", "7-6"]


def test_a_part_of_those_counted_is_counted():
    found = [q.surface for q in extract_quantities("Only three of those 52 patients recovered.")]
    assert found[:1] == ["three"]


def test_an_ordinal_and_last_ranks_the_noun_after_last():
    assert [(q.value, q.unit) for q in extract_quantities(
        "She won the 12th and last stage of the race.")] == [(12.0, "stage")]
    assert [(q.value, q.unit) for q in extract_quantities(
        "It was the third and final day of talks.")] == [(3.0, "day")]


def test_an_age_in_years_months_and_days_is_one_figure_whose_whole_years_are_its_age():
    age = only("she won at 18 years, eight months and 14 days")
    assert (age.surface, age.unit) == ("18 years, eight months and 14 days", AGE)
    plain, told = only("who was 22 when he won"), only("at 22 years, 6 months and 27 days")
    assert comparable(plain, told) and agree(plain, told)
    assert not agree(only("who was 23 when he won"), told)
    assert not agree(only("at 22 years, 7 months and 27 days"), told)
    assert only("after 17 years and 40 days in office").unit == AGE
    assert only("he served 3 years").unit == "year"


def test_a_bare_m_is_read_in_metres_where_the_other_text_writes_metres():
    claim = extract_quantities("Huang Bokai finished a distant second with 5.82m.")
    report = extract_quantities("Sam Kendricks was second at 5.82m in the men's pole vault.")
    assert (report[-1].value, report[-1].unit) == (5.82, "metre")
    assert [(q.value, q.unit) for q in as_metres_where(claim, report)][-1] == (5.82, "metre")
    money = extract_quantities("The club raised 5.82m in the sale.")
    assert as_metres_where(money, money) == money  # (no metres on the other side: millions)
