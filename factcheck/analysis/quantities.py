"""Numbers, money, percentages and dates in text, normalised so a claim and its evidence compare.

"US$10 billion", "10 billion US dollars" and "$10bn" all become ``money USD 1e10``; "over 2,300
members" becomes ``count >= 2300 person``; "Q1 2024" becomes the month interval Jan-Mar 2024.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import functools
import math
import re
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class QuantityKind(str, Enum):
    """What a quantity measures; only quantities of the same kind are compared."""

    MONEY = "money"
    PERCENT = "percent"
    COUNT = "count"
    DATE = "date"
    ORDINAL = "ordinal"


class Bound(str, Enum):
    """How a quantity was qualified in the text ("over 2,300" is a lower bound)."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity found in a text.

    For dates, ``value`` and ``high`` are the first and last day of the interval (proleptic
    Gregorian ordinals, ``date.toordinal()``); for a month or day named without a year see
    :data:`MONTH_OF_YEAR` and :data:`DAY_OF_YEAR`; for other kinds ``value == high`` is the
    number itself (durations in seconds).
    """

    kind: QuantityKind
    value: float
    high: float
    unit: str
    bound: Bound
    start: int
    end: int
    surface: str


_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "crore": 1e7,
    "dozen": 12,
}
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12, "a dozen": 12, "a hundred": 100,
    "half a dozen": 6, "half a": 0.5, "half an": 0.5,  # "half a billion dollars", "half an hour"
    # "three-quarters of a million people", "a quarter of a billion dollars"
    "a quarter of a": 0.25, "one quarter of a": 0.25, "three-quarters of a": 0.75,
    "three quarters of a": 0.75, "a third of a": 1 / 3, "one third of a": 1 / 3,
    "two-thirds of a": 2 / 3, "two thirds of a": 2 / 3,
}
# Words that only scale a figure ("400 thousand", "$2.5bn"): figures are compared as figures,
# so these are no content words a passage must share.
SCALE_WORDS = frozenset(w for w in (*_SCALE, "hundred") if len(w) > 2)
_WORD_NUMBER = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))
"""The number words as one regex alternation, longest first ("seventeen" before "seven")."""
_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEEN_WORDS = ("ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
               "nineteen")
# Numbers written in several words: "two hundred and forty", "twenty-five", "three hundred".
_COMPOUND_NUMBER = (rf"(?:(?:{_UNIT_WORDS}|{_TEEN_WORDS})\s+hundred(?:(?:\s+and)?\s+"
                    rf"(?:(?:{_TENS_WORDS})(?:[\s-](?:{_UNIT_WORDS}))?|{_TEEN_WORDS}|{_UNIT_WORDS}))?"
                    rf"|(?:{_TENS_WORDS})[\s-](?:{_UNIT_WORDS}))")
_COMPOUND_WORDS = re.compile(rf"(?:{_COMPOUND_NUMBER})$", re.IGNORECASE)
_CURRENCY_PREFIX = {
    "us$": "USD", "usd": "USD", "$": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "CNY", "rmb": "CNY", "cny": "CNY", "hk$": "HKD", "hkd": "HKD", "rs": "rupee",
    "rs.": "rupee", "pkr": "rupee", "₹": "rupee", "inr": "rupee", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "nz$": "NZD", "nzd": "NZD",
    "s$": "SGD", "sgd": "SGD", "r$": "BRL", "brl": "BRL", "mx$": "peso", "mxn": "peso",
    "nt$": "TWD", "twd": "TWD", "₩": "KRW", "krw": "KRW", "₺": "TRY", "₽": "RUB", "chf": "CHF",
    "jpy": "JPY", "ksh": "KES", "kes": "KES", "ngn": "NGN", "₦": "NGN", "zar": "ZAR",
    "sek": "SEK", "nok": "NOK", "dkk": "DKK", "pln": "PLN", "huf": "HUF", "aed": "AED",
    "bdt": "BDT", "idr": "IDR", "thb": "THB", "myr": "MYR",
    "₱": "PHP", "czk": "CZK", "uah": "UAH",
}
# Longest first, so "Australian dollars" is not read as US "dollars".
_CURRENCY_SUFFIX = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD",
    "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "cny": "CNY", "euros": "EUR", "euro": "EUR",
    "eur": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY",
    "rupees": "rupee", "rupee": "rupee", "won": "KRW", "hong kong dollars": "HKD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "singapore dollars": "SGD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "pesos": "peso", "peso": "peso",  # Mexican, Argentine, ... (and rupees: Indian, Pakistani)
    "reais": "BRL", "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB",
    "lira": "TRY", "liras": "TRY", "shekel": "ILS",
    "swiss francs": "CHF", "rand": "ZAR", "naira": "NGN", "shekels": "ILS", "dirhams": "AED",
    "riyals": "SAR", "riyal": "SAR", "dirham": "AED", "swiss franc": "CHF",
    "chf": "CHF", "francs": "franc", "franc": "franc", "shillings": "shilling",
    "shilling": "shilling", "kenyan shillings": "KES", "kronor": "SEK", "krona": "SEK",
    "kroner": "krone", "krone": "krone", "zlotys": "PLN", "zloty": "PLN", "forints": "HUF",
    "forint": "HUF", "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "taka": "BDT",
    "hryvnias": "UAH", "hryvnia": "UAH", "koruna": "CZK", "crowns": "crown", "lei": "RON",
}
# A bare "francs" or "shillings" is the currency of the country the text speaks of.
_CURRENCY_OF_COUNTRY = {
    "franc": (re.compile(r"\b(?:Swiss|Switzerland|CHF)\b"), "CHF"),
    "shilling": (re.compile(r"\b(?:Kenyan?|KSh|KES)\b"), "KES"),
    "krone": (re.compile(r"\b(?:Norw\w+|NOK)\b"), "NOK"),
    "crown": (re.compile(r"\b(?:Czech\w*|CZK)\b"), "CZK"),
}
_UNIT_CLASSES = {
    "vehicle": ("units", "unit", "vehicles", "vehicle", "cars", "car", "evs", "ev", "autos",
                "automobiles", "models", "trucks", "bicycles"),
    "person": ("members", "member", "engineers", "engineer", "employees", "employee", "people",
               "staff", "workers", "researchers", "persons", "strong"),
    "store": ("stores", "store", "shops", "outlets", "showrooms"),
    "year": ("years", "year"),
    "decade": ("decades", "decade"),
    "century": ("centuries", "century"),
    "month": ("months", "month"),
    "day": ("days", "day"),
    "km": ("km", "kilometres", "kilometers", "kilometre", "kilometer"),
    "kwh": ("kwh",),
    "kw": ("kw", "kilowatts", "hp", "horsepower"),
    "degree": ("°", "degrees"),
    "order": ("orders", "order", "reservations", "bookings"),
    "minute": ("minutes", "minute", "mins"),
    "hour": ("hours", "hour"),
    "week": ("weeks", "week"),
    "second": ("seconds", "secs", "s"),
    "foot": ("feet", "foot", "ft"),
    "metre": ("metres", "meters", "metre", "meter"),
    "mile": ("miles", "mile"),
    "yard": ("yards", "yard", "yds"),
    "inch": ("inches", "inch"),
    "cm": ("cm", "centimetres", "centimeters", "centimetre", "centimeter"),
    "millibar": ("mb", "mbar", "millibars", "millibar", "hpa", "hectopascals"),
    "mph": ("mph",),
    "km/h": ("kph", "kmh"),
    "mm": ("mm", "millimetres", "millimeters", "millimetre", "millimeter"),
    "litre": ("litres", "liters", "litre", "liter"),
    "gallon": ("gallons", "gallon"),
    "tonne": ("tonnes", "tonne", "tons", "ton"),
    "kg": ("kg", "kilograms", "kilogrammes", "kilogram", "kilos"),
    "gram": ("grams", "gram", "grammes", "gramme"),
    "ounce": ("ounces", "ounce", "oz"),
    "lb": ("lb", "lbs", "pounds", "pound"),  # (money unless the text weighs: _WEIGHING)
    "hectare": ("hectares", "hectare"),
    "acre": ("acres", "acre"),
    "mw": ("mw", "megawatts", "megawatt"),
    "gw": ("gw", "gigawatts", "gigawatt"),
}
_UNIT_OF = {word: cls for cls, words in _UNIT_CLASSES.items() for word in words}
_COUNTED_CLASSES = frozenset({"vehicle", "person", "store", "order"})
_COUNTED_NEXT = re.compile(r"\s+([a-z]+)\b")
_NOT_A_MODIFIER = frozenset({"of", "the", "a", "an", "and", "or", "to", "in", "on", "at", "for",
                             "by", "from", "with", "per", "as", "than", "percent", "other",
                             "more", "additional", "further", "others"})
"""(nor "nine other people", which the reader compares with "seven others")"""
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_BOUND_WORDS = [
    (r"no more than|not more than|no higher than|not exceeding", Bound.AT_MOST),
    (r"no less than|not less than|no fewer than|not fewer than|no lower than", Bound.AT_LEAST),
    (r"more than|over|above|at least|in excess of|upwards of|exceeding|exceeded|exceeds|"
     r"surpassed|surpassing|topped|topping|north of|\+",
     Bound.AT_LEAST),
    (r"less than|under|below|at most|up to|fewer than|no more than|as much as|as many as|"
     r"as high as", Bound.AT_MOST),
    (r"about|around|approximately|roughly|nearly|almost|some|close to|~|an estimated|"
     r"almost more than|more or less", Bound.APPROX),
]

# "over" after these verbs is their particle: "handed over 291 jets" ("took over 3 hours" is
# a bound).
_PARTICLE_OVER = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|sign|"
                            r"signs|signed|signing)\s+over\s+$", re.IGNORECASE)
# "a four-under 68", "a 2-over 74": "under" and "over" joined to a number tell a score against
# par, not a bound of the figure after them.
PAR = "par"
"""The unit of a golf score against par (negative under par)."""
_PAR_SCORE = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve))-(?:under|over)\s+$", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had)\s+$", re.I)
_PER_HOUR = re.compile(r"\s*(?:per\s+hour|an\s+hour|/h)\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+|[½¼¾]|\s[12]/[2348](?![\d/]))?"
# "11½" is 11.5, "6 1/3" (innings) 6.33
MONTH_OF_YEAR = "month-of-year"
"""Unit of a month named without a year ("in May"): ``value`` is ``month - 1``."""
DAY_OF_YEAR = "day-of-year"
"""Unit of a day named without a year ("on 21 August"): ``value`` is ``(month - 1) * 100 + day``."""
DAYS = "day"
"""Unit of every dated interval."""
DURATION = "duration"
"""Unit of a length of time, in seconds ("2:04:12", "3 minutes and 27 seconds", "90 minutes")."""
AGE = "years-months-days"
"""Unit of a length of time told in years and months or days ("18 years, eight months and 14
days"), in years: the whole years it counts are any plain count of years ("was 22")."""
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORDINAL_PART = (r"(?P<part>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+"
                 r"(?P<partkind>quarter|half)")

# Q1 2024, Q1'24, 1Q 2024, H1 2024
_QUARTER = re.compile(r"\b(?:(?P<q>[QH])(?P<qn>[1-4])|(?P<qn2>[1-4])(?P<q2>[QH]))\s*(?:of\s+)?"
                      r"(?:'(?P<yy>\d{2})|(?P<year>(?:19|20)\d{2}))\b", re.IGNORECASE | re.ASCII)
# the first quarter of 2024, first half of 2024, second half 2023
_PART_OF_YEAR = re.compile(r"\b(?:the\s+)?" + _ORDINAL_PART
                           + r"\s+(?:of\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE | re.ASCII)
# the first nine months of 2024, the first 9 months of 2023: January to the ninth month; the
# last (final) three months of 2024: October to December
_FIRST_MONTHS = re.compile(r"\b(?:the\s+)?(?P<end>first|last|final)\s+(?P<n>\d{1,2}|two|three|"
                           r"four|five|six|seven|eight|nine|ten|eleven)\s+months\s+(?:of\s+)?"
                           r"(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE | re.ASCII)
# July to September 2024, the July-September 2024 quarter, between April and June 2023
_MONTH_RANGE = re.compile(r"\b(?:(?P<between>between)\s+|from\s+)?(?P<first>" + _MONTH_NAMES
                          + r")\.?\s*(?:-|–|—|-?to-?|through|until|till|(?(between)and|(?!)))\s*"
                          r"(?P<last>" + _MONTH_NAMES + r")\.?,?\s+"
                          r"(?:of\s+)?(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE | re.ASCII)
# 25 March 2021, March 25, 2021, March 2021, Mar. 2021, end of March 2021
_MONTH_DATE = re.compile(r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>" + _MONTH_NAMES +
                         r")\.?(?:\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?,?)?\s+(?:of\s+)?"
                         r"(?P<year>(?:1[6-9]|20)\d{2})\b", re.IGNORECASE | re.ASCII)
# "4 April, in 1949", "on April 4 in 1949": a day with its year told apart
_DAY_IN_YEAR = re.compile(r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>" + _MONTH_NAMES +
                          r")|(?P<month2>" + _MONTH_NAMES + r")\.?\s+(?P<day2>\d{1,2})"
                          r"(?:st|nd|rd|th)?)\b\.?,?\s+in\s+(?P<year>(?:1[6-9]|20)\d{2})\b",
                          re.IGNORECASE | re.ASCII)
# 10-11 June, June 10-11, 10 to 12 June 2023, June 10 and 11: a span of days in one month
_DAY_RANGE = re.compile(r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})"
                        r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAMES + r")\b\.?"
                        r"|(?P<month2>" + _MONTH_NAMES + r")\.?\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?"
                        r"\s*(?:-|–|to|and)\s*(?P<d4>\d{1,2})(?:st|nd|rd|th)?\b)"
                        r"(?:,?\s+(?:of\s+)?(?P<year>(?:1[6-9]|20)\d{2})\b)?(?!\s*:)",
                        re.IGNORECASE | re.ASCII)
# 21 August, August 21 (no year follows)
_DAY_MONTH = re.compile(r"\b(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>"
                        + _MONTH_NAMES + r")\b\.?|(?P<month2>" + _MONTH_NAMES
                        + r")\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?\b)"
                        r"(?!,?\s*(?:of\s+)?(?:19|20)\d{2})(?!\s*:)",
                        re.IGNORECASE | re.ASCII)
# 2:04:12 (a race time: hours, minutes and seconds)
_CLOCK = re.compile(r"(?<![\d:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\d:])")
# 1:54.23, 4:02.95: a race time of minutes, seconds and hundredths (never a time of day)
_RACE_TIME = re.compile(r"(?<![\d:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d\.\d{1,3})(?![\d:])")
# "in 51:44", "10:24 down": minutes and seconds of a race or a gap (never "at 10:24 am")
_SPLIT_TIME = re.compile(r"(?<![\d:.])(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?![\d:]|\.\d)")
_SPLIT_BEFORE = re.compile(r"\b(?:in|clocked|timed|time\s+of|by)\s+$", re.IGNORECASE)
_SPLIT_AFTER = re.compile(r"\s+(?:down|behind|back|clear|ahead|adrift|slower|faster|quicker)\b",
                          re.IGNORECASE)
_TIME_OF_DAY_AFTER = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|local|hrs)(?!\w)",
                                re.IGNORECASE)
TIME_OF_DAY = "time of day"
"""Unit of a time of day ("5:45 a.m.", "14:30 GMT", "four in the morning"): minutes after the
midnight before, plus 1,440 so that no time is zero; a time zone the text names follows the unit
after "@" ("time of day@et"). Compared only with another time of day in the same zone."""
_HOUR_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# 5:45 a.m., 8 pm; 14:30 GMT, 09:00 local time; half past eight in the evening, 17 minutes past
# four in the morning; four in the morning, ten at night; at noon, until midnight
_TIME_OF_DAY = re.compile(
    r"(?<![\d:.$£€])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?)?\s*"
    r"(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?<![\d:.$£€])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?=\s*\(?\s*"
    r"(?:UTC|GMT|BST|CES?T|[ECMP][SD]T|JST|KST|IST|MSK|local\s+time|hrs\b|hours\s+local))"
    r"|(?<![\d:.,$£€])(?P<h4>[01]\d|2[0-3])(?P<m4>[0-5]\d)(?=\s*\(?\s*(?:UTC|GMT|hrs)\b)"
    r"|\b(?:(?P<mins>\d{1,2}|" + _WORD_NUMBER + r")\s+minutes?|(?P<half>half)|(?:a\s+)?"
    r"(?P<quarter>quarter))\s+(?P<way>past|after|to)\s+(?P<hw>" + _HOUR_WORD
    + r"|noon|midday|midnight|1[0-2]|[1-9])\b(?!\s+(?:hours?|hrs?|minutes?|mins?|h)\b)"
    r"(?:\s+o['’]clock)?"
    r"(?:\s*(?P<ampm2>[ap])\.?\s?m\b\.?|\s+in\s+the\s+"
    r"(?P<part>morning|afternoon|evening|night)|\s+at\s+(?P<night>night))?"
    r"|\b(?P<hw2>" + _HOUR_WORD + r"|1[0-2]|[1-9])(?:\s+o['’]clock)?\s+(?:in\s+the\s+"
    r"(?P<part2>morning|afternoon|evening|night)|at\s+(?P<night2>night))\b"
    r"|\b(?:at|until|till|by|before|after|around|about|from|to|past|between|and)\s+"
    r"(?P<noon>noon|midday|midnight)\b",
    re.IGNORECASE)
# the time zone after a time of day: "EDT", "(GMT)", "Pacific time", "local time", "Tokyo time"
_ZONE_AFTER = re.compile(r"\s*\(?\s*(?P<zone>(?:[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|JST|KST|"
                         r"AE[SD]T|HKT|SGT|WIB|MSK)\b|(?P<long>Eastern|Central|Mountain|Pacific|"
                         r"Greenwich|British)(?:\s+(?:Standard|Daylight|Mean|Summer))?\s+[Tt]ime\b"
                         r"|local\s+time\b|(?P<city>[A-Z][a-z]+)\s+time\b)")
_LATER_PARTS = ("afternoon", "evening", "night")
_ZONE_NAMES = {"edt": "et", "est": "et", "et": "et", "cdt": "ct", "cst": "ct", "ct": "ct",
               "mdt": "mt", "mst": "mt", "mt": "mt", "pdt": "pt", "pst": "pt", "pt": "pt",
               "gmt": "utc", "utc": "utc", "cest": "cet", "cet": "cet", "aedt": "aet",
               "aest": "aet", "eastern": "et", "central": "ct", "mountain": "mt", "pacific": "pt",
               "greenwich": "utc", "british": "bst"}
# Hours ahead of UTC of each zone, standard and summer time ("ET" is either)
_ZONE_OFFSETS = {"et": (-5, -4), "ct": (-6, -5), "mt": (-7, -6), "pt": (-8, -7), "utc": (0,),
                 "bst": (1,), "cet": (1, 2), "aet": (10, 11), "jst": (9,), "kst": (9,),
                 "msk": (3,), "hkt": (8,), "sgt": (8,), "wib": (7,)}


def _read_time_of_day(match: re.Match[str], free: _Free) -> Quantity | None:
    """``5:45 a.m.``, ``14:30 GMT``, ``half past eight in the evening``: a time of day."""
    g, start, unit = match.groupdict(), match.start(), TIME_OF_DAY
    minute: float
    if g["noon"]:
        hour, minute = (12 if g["noon"].lower() in ("noon", "midday") else 0), 0.0
        start = match.start("noon")
    elif g["h24"] or g["h4"]:  # ("14:30 GMT", "1740 GMT")
        hour, minute = int(g["h24"] or g["h4"]), float(g["m24"] or g["m4"])
    else:
        hour_text = (g["h"] or g["hw"] or g["hw2"]).lower()
        hour = (int(hour_text) if hour_text.isdigit() else 24 if hour_text == "midnight"
                else 12 if hour_text in ("noon", "midday") else int(_WORD_NUMBERS[hour_text]))
        minute = int(g["m"] or 0) + int(g["s"] or 0) / 60
        if g["hw"]:
            minute = (30.0 if g["half"] else 15.0 if g["quarter"] else
                      parse_number(g["mins"]) or 0.0)
            if g["way"].lower() == "to":
                hour, minute = hour - 1, 60 - minute
        part = (g["part"] or g["part2"] or "").lower()
        night = bool(g["night"] or g["night2"])
        later = ((g["ampm"] or g["ampm2"] or "").lower() == "p"
                 or part in _LATER_PARTS and not (part == "night" and hour < 5)
                 or night and hour >= 6)
        told = bool(g["ampm"] or g["ampm2"] or part or night)
        if hour_text in ("noon", "midday", "midnight"):
            told = True  # ("ten minutes to midnight" is 23:50)
        else:
            hour = hour % 12 + (12 if later else 0)
        if not told:
            unit = TIME_OF_DAY + _TWELVE_HOURS  # "half past eight": morning or evening
    end, zone = match.end(), ""
    found = _ZONE_AFTER.match(match.string, end)
    if found:  # ("Tokyo time", "local time": the place's own, as when none is named)
        end, zone = found.end(), (found.group("long") or found.group("zone")).lower()
        zone = "" if zone.startswith("local") or found.group("city") else _ZONE_NAMES.get(
            zone, zone)
    quantity = _quantity(match.string, QuantityKind.COUNT,
                         float(1440 + (hour * 60 + minute) % 1440),
                         unit + (f"@{zone}" if zone else ""), start, end)
    if _NEAR_TIME.search(match.string, max(0, start - 20), start):
        quantity = dataclasses.replace(quantity, bound=Bound.APPROX)
    return quantity


_TWELVE_HOURS = "?"
"""Marks a time of day told without morning or evening ("half past eight")."""
_NEAR_TIME = re.compile(r"\b(?:shortly|just|soon|right)\s+(?:after|before)\s+$", re.IGNORECASE)


def _zone(quantity: Quantity) -> str:
    return quantity.unit.partition("@")[2]


def is_time_of_day(quantity: Quantity) -> bool:
    """Whether a figure is a time of day (see :data:`TIME_OF_DAY`)."""
    return quantity.unit.startswith(TIME_OF_DAY)


# 1:53 left, 0:03 remaining (a game clock: minutes and seconds still to play)
_GAME_CLOCK = re.compile(r"(?<![\d:])(?P<m>\d{1,2}):(?P<s>[0-5]\d)(?![\d:])"
                         r"(?=\s+(?:left|remaining|to\s+go|to\s+play)\b)", re.IGNORECASE)
# 2 hours, 4 minutes and 12 seconds; three minutes and 27 seconds
_TIME_PART = (r"(?:\d+(?:\.\d+)?|" + _WORD_NUMBER
              + r")\s+(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b")
# "an hour and 16 minutes", "an hour and a half": "a"/"an" is one when another part follows
_DURATION = re.compile(r"(?:" + _TIME_PART + r"|\ban?\s+(?:hour|minute|second)\b(?=\s+and\s))"
                       r"(?:(?:,?\s*(?:and\s+)?" + _TIME_PART + r")+|\s+and\s+a\s+half\b)"
                       # "a quarter of an hour", "three-quarters of an hour"
                       r"|\b(?P<quarters>a|one|three)[\s-]+quarters?\s+of\s+an\s+hour\b",
                       re.IGNORECASE | re.ASCII)
_AGED = re.compile(r"\b(?:aged|at\s+the\s+age\s+of|age)\s+$", re.IGNORECASE)
AGE_OWNER = re.compile(r"\b([A-Z][\w'’.-]*[a-z][\w'’.-]*),\s*$")
"""A name and a comma right before a number: whose age it is ("Erling Haaland, 23,")."""
_APPOSITION_ENDS = re.compile(r"\s*,")
_SECONDS_IN = {"h": 3600, "m": 60, "s": 1}
_DURATION_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|half\s+an?|[a-z]+)\s+(?P<u>[hms])"
                            r"(?:ours?|rs?|inutes?|ins?|econds?|ecs?)\b", re.IGNORECASE)
# 18 years, eight months and 14 days; 17 years and 40 days (an age or a tenure to the day)
_AGE_PART = r"(?:\d+|" + _WORD_NUMBER + r")"
_YEARS_MONTHS_DAYS = re.compile(
    r"\b(?P<y>" + _AGE_PART + r")\s+years?(?:,?\s+(?:and\s+)?(?P<m>" + _AGE_PART
    + r")\s+months?)?(?:,?\s+(?:and\s+)?(?P<d>" + _AGE_PART + r")\s+days?)?\b",
    re.IGNORECASE)
# after "four minutes", a time of day: "past one", "to midnight", "past 1:28"
_CLOCK_WORDS = re.compile(r"\s+(?:past|to)\s+(?:\d|midnight|noon|(?:one|two|three|four|five|six|"
                          r"seven|eight|nine|ten|eleven|twelve)\b)", re.IGNORECASE)
FACTOR = "fold"
"""Unit of a multiplication written as a verb or a -fold ("doubled", "to triple", "threefold"):
compared only with another such factor."""
_FACTORS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "halv": 0.5, "two": 2.0, "three": 3.0,
            "four": 4.0, "five": 5.0, "ten": 10.0}
# "doubled", "halving", "to triple", "will double", "a threefold rise" (not "a double murder")
_FACTOR = re.compile(
    r"\b(?P<stem>doubl|tripl|quadrupl|halv)(?:ed|ing)\b"
    r"|\b(?:to|will|would|could|can|may|might|must|should|did|not)\s+"
    r"(?P<base>(?:doubl|tripl|quadrupl|halv)e)\b(?!-)"
    r"|\b(?P<fold>two|three|four|five|ten)-?fold\b", re.IGNORECASE)
# 2021-03-25, 2021-03
_ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mm>0[1-9]|1[0-2])(?:-(?P<dd>\d{2}))?\b")
# early/late/end of 2021, in 2024, by 2025 (bare years are read after money and percentages)
# (a year before 1900 only after a preposition: "set in 1897", "since 1850")
_BARE_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2}|(?:(?<=\bin )|(?<=\bsince )|(?<=\bfrom )|"
                        r"(?<=\bof )|(?<=\buntil )|(?<=\bbefore )|(?<=\bafter )|(?<=\bthan ))"
                        r"1[6-8]\d{2})s?\b")
# A bare year followed by one of these is a count or an amount, not a year ("2024 units").
_NOT_A_YEAR = re.compile(r"\s*(units|vehicles|cars|members|people|employees|km|kwh|yuan|dollars|%)")
# "in May", "that December", "since March": a month without its year (a verb "may" never follows
# one of these words, and a following year or day is taken by the date patterns first).
_BARE_MONTH = re.compile(
    r"\b(?:in|by|since|until|till|from|through|during|that|this|last|next|early|late|mid|"
    r"end of|start of|beginning of)[\s-]+(?P<month>" + _MONTH_NAMES + r")\b\.?(?!\s*\d)",
    re.IGNORECASE | re.ASCII,
)
_MONEY = re.compile(
    r"(?<![A-Za-z])(?P<prefix>(?:US|HK|AU|CA|NZ|MX|NT|[ACSR])\$|USD|EUR|GBP|RMB|CNY|PKR|HKD|AUD|"
    r"CAD|NZD|SGD|BRL|MXN|TWD|INR|KRW|CHF|JPY|KSh|KES|NGN|ZAR|SEK|NOK|DKK|PLN|HUF|AED|"
    r"BDT|IDR|THB|MYR|CZK|UAH|Rs\.?|[$€£¥₹₩₺₽₦₱])\s?"
    r"(?P<num>" + _NUM + r")"
    r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|lakh|crore|mln|bn|mn|trn|tn|k|m|b)\b)?"
    r"|(?P<num2>" + _NUM + r"|" + _WORD_NUMBER + r")"
    r"(?:[\s-]?(?P<scale2>thousand|million|billion|trillion|lakh|crore|mln|bn|mn|trn|tn|k|m|b)\b)?[\s-]+"
    r"(?P<suffix>" + "|".join(re.escape(s) for s in sorted(_CURRENCY_SUFFIX, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE | re.ASCII,
)
_PERCENT = re.compile(r"(?P<num>" + _NUM + r"|\b(?:"
                      + _WORD_NUMBER
                      + r")(?=[\s-]+per))\s?-?(?:%|per[\s-]?cent\b|percent\b|pct\b)",
                      re.IGNORECASE | re.ASCII)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "opening": 1}
_ORDINAL = re.compile(r"\b(?P<word>" + "|".join(_ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"
                      r"(?:[\s-]+(?:largest|biggest|major|new|such|chinese|foreign|domestic|"
                      r"private|(?P<streak>straight|consecutive|successive|running)))?"
                      r"(?:[\s-]+(?P<noun>[a-z]+)(?P<row>\s+in\s+a\s+row\b)?|(?=[,;.:]))",
                      re.IGNORECASE | re.ASCII)
_AND_LAST = re.compile(r"\s+(?:the\s+)?(?:last|final|deciding|closing)((?:\s+[a-z]+){1,3}?)"
                       r"(?=\s+(?:of|in|at|for|on|to|with|from|by|and|that|which|who|was|is)\b"
                       r"|[,;.:)]|$)", re.ASCII)
_NAMED_CLASS = re.compile(r"\s+(?:from|of)\s+(?!The\b)([A-Z][a-z]{2,})(?:\s+[A-Z][\w'’-]*)*\s+"
                          r"(?:ever\s+)?to\b")
_HEAD_AFTER = re.compile(r"['’]s\s+([a-z]{3,})\b", re.ASCII)
_LATER_ROW = re.compile(r"(?:[\w'’-]+\s+){1,4}?([a-z]+)\s+in\s+a\s+row\b", re.ASCII)
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
                          "up", "of", "for"})
STREAK = "+row"
"""Suffix of an ordinal's unit that counts a run ("the second straight quarter", "the fourth
quarter in a row"): a rank, never a part of something."""
# Changes of a rate: "0.5 percentage points", "50 basis points", "a 25-basis-point cut", "half a
# percentage point", "a quarter-point cut" (a bare "point" only after half or quarter).
POINTS = "pp"
_POINT_SHARES = {"half a": 0.5, "half": 0.5, "a half": 0.5, "a quarter": 0.25, "quarter": 0.25,
                 "three quarter": 0.75, "three quarters": 0.75, "a quarter of a": 0.25}
_POINTS = re.compile(
    r"\b(?:(?P<num>" + _NUM + r"|" + _WORD_NUMBER
    + r")[\s-]+(?P<what>percentage[\s-]+points?|basis[\s-]+points?|bps)"
    r"|(?P<share>half\s+a|a\s+half|a\s+quarter(?:\s+of\s+a)?|three[\s-]quarters?|half|quarter)"
    r"[\s-]+(?:percentage[\s-]+)?points?)\b",
    re.IGNORECASE | re.ASCII)
# "by a tenth", "a third of", "two-thirds of", "half of": shares written as fractions.
_FRACTION = re.compile(r"\b(?:(?P<by>by)\s+|(?P<pre>below|under|over|above|nearly|almost|about"
                       r"|around|roughly|more\s+than|less\s+than)\s+)?(?P<n>a|one|two|three)[\s-]+"
                       r"(?P<d>tenth|fifth|quarter|third)s?\b"
                       r"(?!\s+of\s+an?\s+(?:thousand|million|billion|trillion)\b)"
                       r"(?(by)|(?(pre)|(?=\s+of\b)))"
                       r"|\b(?:by\s+half|(?<!first )(?<!second )(?<!the )(?<!a )half"
                       r"(?:\s+of|(?=\s+(?:its|their|his|her|the)\b)))\b",
                       re.IGNORECASE | re.ASCII)
_FRACTION_WORD = re.compile(r"[\s-](?:halves|thirds|quarters|fifths|eighths|tenths)\b",
                            re.IGNORECASE)
# ... unless the parts are counted one after another: "four quarters in a row", "for six
# consecutive quarters" (a fraction is joined, "three-quarters", or of something, "of the vote")
_COUNTED_PARTS = re.compile(r"\s(?:halves|thirds|quarters)\b(?=\s+(?:in\s+a\s+row|"
                            r"running|straight|of\s+(?:growth|decline|contraction))\b)",
                            re.IGNORECASE)
_DENOMINATORS = {"tenth": 10, "fifth": 5, "quarter": 4, "third": 3}
# "half of one percent", "a quarter of 1%", "a third of a percentage point": a share of a
# percentage, as the percentage it is
_SHARE_OF_PERCENT = re.compile(
    r"\b(?:(?P<n>a|one|two|three)[\s-]+(?P<d>tenth|fifth|quarter|third)s?|half)\s+of\s+"
    r"(?:(?:a|an|one)\s+|(?P<p>\d+(?:\.\d+)?)\s*)"
    r"(?:(?P<points>percentage[\s-]+points?)|%|percent|per\s+cent)(?!\w)",
    re.IGNORECASE | re.ASCII)
# "a quarter of a century", "half a hundredth of a second", "five thousandths of a second": a
# share of a unit of time, as the length it is
_UNIT_SHARE = re.compile(
    r"\b(?:(?P<half>half)\s+an?\s+|(?P<n>a|one|two|three|four|five|six|seven|eight|nine|\d+)"
    r"[\s-]+)(?P<d>quarter|third|tenth|hundredth|thousandth)s?\s+of\s+an?\s+"
    r"(?P<unit>century|decade|year|second)\b", re.IGNORECASE | re.ASCII)
_SHARE_DENOMINATORS = {"quarter": 4, "third": 3, "tenth": 10, "hundredth": 100,
                       "thousandth": 1000}
_UNIT_YEARS = {"century": 100.0, "decade": 10.0, "year": 1.0}
# A scale's word before a hyphen writes a measure, not a name: "a magnitude-4.9 aftershock".
_MEASURE_BEFORE = re.compile(r"\b(?:magnitude|category|level|force)-$")
_COUNT = re.compile(
    r"(?<![\w.$€£¥:])(?P<tilde>~)?(?P<num>" + _NUM + r"|(?:" + _COMPOUND_NUMBER + "|"
    + _WORD_NUMBER + r")\b)"
    r"(?P<halfscaled>\s+and\s+a\s+half(?=\s+(?:thousand|million|billion|trillion)\b))?"
    r"(?:[\s-]?(?P<scale>thousand|million|billion|trillion|lakh|crore|mln|bn|mn|k|m|dozen)\b)?"
    r"(?P<half>\s+and\s+(?:a\s+(?:half|third|quarter)|two[\s-]thirds|three[\s-]quarters))?"
    r"(?P<plus>\+)?(?:(?P<hyphen>-)?\s*(?P<unit>[A-Za-z°]+))?",
    re.IGNORECASE | re.ASCII,
)
# A capitalised word right before a bare number names it ("Boeing 737", "Flight 1282", "Euro
# 2024"), unless it opens the sentence ("In 2024", "About 300") or is a month ("May 2024").
_NAMED_NUMBER = re.compile(r"(?<=[\w,] )([A-Z][A-Za-z]*)\s$")
# A number after one of these words tells which one, not how many: "stage 21", "gate 4",
# "world No. 1" ("a final-round 68" is a score of that round).
_NUMBERING = (r"(?<![\w-])(?:stage|flight|route|article|chapter|section|page|gate|"
              r"platform|game|terminal|runway|highway|row|seat|room|pier|berth|track|episode|"
              r"round|level|lane|exit|district|local|precinct|ward|lodge|no\.|number)")
_NUMBERED = re.compile(_NUMBERING + r"\s$", re.IGNORECASE | re.ASCII)
# So does each number of a list after the plural: "houses numbers 70, 72, 74 and 76".
_LIST_ITEM = r"\d+[A-Za-z]?"
_NUMBERED_LIST = re.compile(_NUMBERING + r"s\s(?:" + _LIST_ITEM + r",\s)*(?:" + _LIST_ITEM
                            + r",?\s(?:and|or)\s)?$", re.IGNORECASE | re.ASCII)
_FIRST_ITEM = re.compile(_LIST_ITEM, re.ASCII)
_LIST_GOES_ON = re.compile(r",\s" + _LIST_ITEM + r"\b|,?\s(?:and|or)\s" + _LIST_ITEM + r"\b",
                           re.ASCII)


def numbering(text: str, start: int) -> bool:
    """Whether the bare number at ``start`` tells which one ("stage 21", "gates 4 and 5"), not
    how many."""
    before = text[max(0, start - 40):start]
    if _NUMBERED.search(before):
        return True
    listed = _NUMBERED_LIST.search(before)
    if listed is None:
        return False
    first = _FIRST_ITEM.match(text, start)
    return not listed.group().endswith("s ") or (
        first is not None and bool(_LIST_GOES_ON.match(text, first.end())))


def named_number(text: str, start: int) -> bool:
    """Whether the number starting at ``start`` is part of a name or a numbering: "Boeing 737",
    "Euro 2024", "stage 21"."""
    before = text[max(0, start - 30):start]
    if _TIEBREAK_BEFORE.search(before):
        return True  # "7-6 (4)": the tie-break's points, part of the set's score
    if _SHARE_AFTER.match(text, start):
        return False  # "Google hands Apple 36%": a share, whoever stands before it
    if _PAIR_AFTER.match(text, start):
        return False  # "beat Jim Jordan of Ohio 113 to 99": a tally, whoever stands before it
    if _REPEATS_AFTER.match(text, start):
        return False  # "met Nadal 14 times": how often, whoever stands before it
    named = _NAMED_NUMBER.search(before)
    if named is not None and _in_tally(text, start):
        return False  # "won 101, PML-N 75, the PPP 54, MQM-P 17": a count in a tally of names
    return (named is not None and named.group(1).lower() not in _NOT_NAMES
            or numbering(text, start))


_TALLY_ITEM = r"[A-Z][\w.-]*\s\d[\d,.]*"
_TALLY_BEFORE = re.compile(_TALLY_ITEM + r",\s(?:the\s)?[A-Z][\w.-]*\s$")
_TALLY_AFTER = re.compile(r"\d[\d,.]*?(?:,\s|\s+and\s+)(?:the\s)?" + _TALLY_ITEM + r"\b")


def _in_tally(text: str, start: int) -> bool:
    """Whether a number after a name is one of a list of names with their numbers ("PML-N 75,
    the PPP 54, MQM-P 17"): a tally of seats, votes or medals, not a model or an edition."""
    return bool(_TALLY_BEFORE.search(text, max(0, start - 40), start)
                or _TALLY_AFTER.match(text, start))


_PAIR_AFTER = re.compile(r"\d[\d,]*\s+to\s+\d")
_TIEBREAK_BEFORE = re.compile(r"\d[-–]\d{1,2}\s*\($")
_REPEATS_AFTER = re.compile(r"\d[\d,]*\s+times\b")
_SHARE_AFTER = re.compile(r"\d[\d,.]*\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)


def inside_name(text: str, quantity: Quantity) -> bool:
    """Whether a figure is part of a name ("SARS-CoV-2", "COVID-19", "Paris 2024"), no figure a
    reader could check."""
    before = text[quantity.start - 1: quantity.start] if quantity.start else ""
    after = text[quantity.end: quantity.end + 1]
    if _DATE_PREFIX.search(text[max(0, quantity.start - 6): quantity.start]):
        return False  # "mid-2026", "late-2024": a date, not a name such as "COVID-19"
    if named_number(text, quantity.start):
        return True  # "Euro 2024", "Paris 2024": the year names the event
    return before in {"-", "/"} or after == "-" or after.isalpha()


_DATE_PREFIX = re.compile(r"\b(?:mid|early|late|end|pre|post)-$", re.IGNORECASE)
_NOT_NAMES = frozenset(_MONTHS) | {"fy"}
# A score: "beat England 2-1", "won 106-89" (a basketball score's hundreds are 1xx; "737-800"
# is an aircraft)
_SCORE_SIDE = r"(?:1\d\d|\d{1,2})"
_SCORE = re.compile(rf"(?<![\w.-])(?P<a>{_SCORE_SIDE})[-–](?P<b>{_SCORE_SIDE})(?![\w-])")
SCORE = "score"
# Words that tell of a result, before a score or right after it ("a 106-89 home win")
_RESULT = (r"(?:wins?|won|victory|defeat\w*|loss|lost|los(?:e|es|ing)|beat(?:s|en|ing)?|rout\w*|"
           r"edg(?:e|ed|es|ing)|final)\b")
_RESULT_BEFORE = re.compile(rf"\b{_RESULT}", re.IGNORECASE)
_RESULT_AFTER = re.compile(rf"\s*(?:\w+\s+)?{_RESULT}", re.IGNORECASE)
ELLIPTIC = "-"
REPEAT = "time"
"""Unit of an ordinal counting how often someone did something ("won silver for the second
time"; but "this was the second time ISRO had sent a spacecraft" ranks the spacecraft)."""
_FOR_THE = re.compile(r"\bfor\s+(?:the|a)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
"""Unit of an ordinal with no noun after it ("the first to land", "fourth in the world")."""
_FUNCTION_WORDS = frozenset({"to", "in", "of", "on", "at", "by", "for", "with", "and", "or",
                             "time", "times", "ever", "since", "after", "as"})
# Words after a word number that make it no count ("five of them", "two to three").
_NOT_COUNTED = frozenset({"of", "to", "or", "and", "in", "on", "at", "by", "for", "from", "with",
                          "than", "the", "a", "an", "is", "are", "was", "were", "times"})
_SECONDS_OF_UNIT = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
_METRIC = {"mile": (1.609344, "km"), "foot": (0.3048, "metre"), "inch": (2.54, "cm"),
           "mph": (1.609344, "km/h"), "mm": (0.1, "cm"), "kg": (0.001, "tonne"),
           "lb": (0.00045359237, "tonne"), "gram": (1e-6, "tonne"),
           "ounce": (2.8349523125e-5, "tonne"), "yard": (0.9144, "metre"),
           "gallon": (3.785411784, "litre"),
           "acre": (0.40468564, "hectare"), "mw": (1e3, "kw"), "gw": (1e6, "kw")}
"""Units as the one they are compared in: "115 miles" is "185 km", "386 mm" is "38.6 cm",
"4.29 ounces" is "121.6 grams"."""
FAHRENHEIT = "°F"
"""Unit of a temperature (Celsius is converted): "3,000F", "1,650C", "5,000 degrees Fahrenheit"."""
_TEMPERATURE = re.compile(r"(?P<glued>°?[FC])\b|\s?(?:°|degrees?)\s?(?P<named>[FC]\b|"
                          r"Fahrenheit|Celsius|centigrade)", re.IGNORECASE)
_BOUND_BEFORE = [(re.compile(r"(?:^|\W)(?:" + words + r")\s*$", re.IGNORECASE | re.ASCII), bound)
                 for words, bound in _BOUND_WORDS]


_VULGAR = str.maketrans({"½": ".5", "¼": ".25", "¾": ".75"})
_MIXED_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "thirds": 2 / 3,
                    "quarters": 0.75}
"""What "and a half", "and a third", "and two-thirds" add to the whole number before them."""


def parse_number(text: str) -> float | None:
    """``"2,300"`` -> 2300.0, ``"1.5"`` -> 1.5, ``"ten"`` -> 10.0; ``None`` if not a number."""
    cleaned = text.strip().lower().replace(",", "")
    cleaned = cleaned.translate(_VULGAR) if cleaned[-1:] in "½¼¾" else cleaned
    whole, _, fraction = cleaned.partition(" ")
    if "/" in fraction:  # "6 1/3"
        numerator, _, denominator = fraction.partition("/")
        return float(whole) + int(numerator) / int(denominator)
    if cleaned in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[cleaned])
    if _COMPOUND_WORDS.match(cleaned):  # "two hundred and forty": 200 + 40
        words = [w for w in re.split(r"[\s-]+", cleaned) if w != "and"]
        hundreds = _WORD_NUMBERS[words[0]] * 100 if words[1:2] == ["hundred"] else 0
        rest = words[2:] if hundreds else words
        return float(hundreds + sum(_WORD_NUMBERS[w] for w in rest))
    try:
        return float(cleaned)
    except ValueError:
        return None


# the plain word of each value ("twelve", not "a dozen")
_NUMBER_WORDS = {value: word for word, value in reversed(_WORD_NUMBERS.items())}


def says_number(text: str, value: float) -> bool:
    """Whether ``text`` writes the whole number ``value`` as a word of its own, in digits or in
    words ("three" for 3, "zero" for 0), counted by the reader or not ("Germany's three", "six of
    seven")."""
    if value != int(value):
        return False
    forms = [f"{int(value)}", f"{int(value):,}", _SPELLED_AS.get(int(value), "")]
    return any(form and re.search(rf"(?<![\w.,]){re.escape(form)}(?![\w]|[.,]\d)", text,
                                  re.IGNORECASE) for form in forms)


def spelled_numbers(text: str) -> list[tuple[float, int]]:
    """Each whole number ``text`` writes in letters as a word of its own ("zero", "ten"), with
    where it starts."""
    return [(float(_SPELLED_VALUE[m.group(0).lower()]), m.start())
            for m in _SPELLED.finditer(text)]


_SPELLED_AS = {0: "zero", **{int(v): w for v, w in _NUMBER_WORDS.items() if v == int(v)}}
_SPELLED_VALUE = {word: value for value, word in _SPELLED_AS.items()}
_SPELLED = re.compile(r"(?<![\w.,])(?:" + "|".join(sorted(_SPELLED_VALUE, key=len, reverse=True))
                      + r")(?![\w]|[.,]\d)", re.IGNORECASE)


def extract_quantities(text: str) -> list[Quantity]:
    """Every money amount, percentage, count and date in ``text``, in order of position.

    Results are cached: a passage's figures come from its index's cache (:func:`remember`),
    other texts' are read once and kept (the judge reads the same claims many times over).
    """
    for ref in _KNOWN:
        source = ref()
        found = source.get(text) if source is not None else None
        if found is not None:
            return list(found)
    return list(_cached_quantities(text))


def read_quantities(text: str) -> tuple[Quantity, ...]:
    """:func:`extract_quantities` without any cache (for reading a whole corpus once)."""
    return tuple(_extract_quantities(text))


class KnownQuantities(Protocol):
    """Figures already read for some texts (an evidence index's cache)."""

    def get(self, text: str) -> tuple[Quantity, ...] | None:
        """The figures of ``text``, or ``None`` where this source does not know the text."""


_KNOWN: list[weakref.ReferenceType[KnownQuantities]] = []


def remember(source: KnownQuantities) -> None:
    """Look figures up in ``source`` before reading them (kept while ``source`` is alive)."""
    _KNOWN[:] = [ref for ref in _KNOWN if ref() is not None and ref() is not source]
    _KNOWN.insert(0, weakref.ref(source))


@functools.lru_cache(maxsize=16_384)
def _cached_quantities(text: str) -> tuple[Quantity, ...]:
    return tuple(_extract_quantities(text))


_Free = Callable[[int, int], bool]
"""Whether a character range overlaps no quantity found so far."""


@dataclass(frozen=True, slots=True)
class _Reader:
    """One named pattern and the handler that turns a match of it into a quantity (or nothing).

    ``claims`` is the group of the match that must not overlap a quantity found by an earlier
    reader (``0``: the whole match).
    """

    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], _Free], Quantity | None]
    claims: str | int = 0


def _read_quarter(match: re.Match[str], free: _Free) -> Quantity | None:
    """``Q1 2024``, ``1Q'24``, ``H2 2023``: the quarter's or half-year's months."""
    year = _year(match.group("year"), match.group("yy"))
    letter = (match.group("q") or match.group("q2") or "").upper()
    number = int(match.group("qn") or match.group("qn2"))
    months = 3 if letter == "Q" else 6
    if letter == "H" and number > 2:
        return None
    first = (number - 1) * months + 1
    return _date(match, year, first, first + months - 1)


_PARTS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
          "4th": 4, "last": 0}


def _read_part_of_year(match: re.Match[str], free: _Free) -> Quantity | None:
    """``the first quarter of 2024``, ``second half 2023``: the part's months."""
    months = 3 if match.group("partkind").lower() == "quarter" else 6
    part = _PARTS[match.group("part").lower()] or 12 // months
    if months == 6 and part > 2:
        return None
    first = (part - 1) * months + 1
    return _date(match, int(match.group("year")), first, first + months - 1)


def _read_first_months(match: re.Match[str], free: _Free) -> Quantity | None:
    """``the first nine months of 2024``: January to September 2024; ``the last three months of
    2024``: October to December."""
    months = parse_number(match.group("n"))
    if months is None or not 1 <= months <= 11:
        return None
    if match.group("end").lower() == "first":
        return _date(match, int(match.group("year")), 1, int(months))
    return _date(match, int(match.group("year")), 13 - int(months), 12)


def _read_month_range(match: re.Match[str], free: _Free) -> Quantity | None:
    """``July to September 2024``: the first of July to the last of September 2024."""
    first = _MONTHS[match.group("first").lower().rstrip(".")]
    last = _MONTHS[match.group("last").lower().rstrip(".")]
    if last <= first:
        return None  # "December to February 2024" spans two years: read each month alone
    return _date(match, int(match.group("year")), first, last)


def _read_month_date(match: re.Match[str], free: _Free) -> Quantity | None:
    """``25 March 2021``, ``March 25, 2021``: that day; ``Mar. 2021``: that month."""
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    day = match.group("day") or match.group("day2")
    return _date(match, int(match.group("year")), month, month, int(day) if day else None)


def _read_day_in_year(match: re.Match[str], free: _Free) -> Quantity | None:
    """``4 April, in 1949``: that day."""
    month = _MONTHS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    day = int(match.group("day") or match.group("day2"))
    return _date(match, int(match.group("year")), month, month, day) if 1 <= day <= 31 else None


def _read_iso_date(match: re.Match[str], free: _Free) -> Quantity | None:
    """``2021-03-25``: that day; ``2021-03``: that month."""
    month = int(match.group("mm"))
    day = match.group("dd")
    return _date(match, int(match.group("year")), month, month, int(day) if day else None)


def _read_day_month(match: re.Match[str], free: _Free) -> Quantity | None:
    """``21 August``, ``August 21``: a day of no year (unit :data:`DAY_OF_YEAR`)."""
    month = _MONTHS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    return _day_of_year(match, month, int(match.group("day") or match.group("day2")))


def _read_day_range(match: re.Match[str], free: _Free) -> Quantity | None:
    """``10-11 June``, ``June 10-11, 2023``: the days from the first to the last (with a year,
    unit :data:`DAYS`; without, :data:`DAY_OF_YEAR`, ``value`` and ``high`` the first and last)."""
    month = _MONTHS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    first = int(match.group("d1") or match.group("d3"))
    last = int(match.group("d2") or match.group("d4"))
    if not 1 <= first < last <= 31:
        return None
    if match.group("year"):
        quantity = _date(match, int(match.group("year")), month, month, first)
        try:
            high = datetime.date(int(match.group("year")), month, last).toordinal()
        except ValueError:
            return None
        return dataclasses.replace(quantity, high=float(high))
    low = _day_of_year(match, month, first)
    return dataclasses.replace(low, high=float((month - 1) * 100 + last)) if low else None


def _day_of_year(match: re.Match[str], month: int, day: int) -> Quantity | None:
    """The day ``day`` of ``month`` in no year, written at ``match``."""
    if not 1 <= day <= 31:
        return None
    value = float((month - 1) * 100 + day)
    return Quantity(QuantityKind.DATE, value, value, DAY_OF_YEAR,
                    _date_bound(match.string, match.start()), match.start(), match.end(),
                    match.group(0))


# "the fifth of August", "the 21st of August" (with its year, if one follows)
_DAY_WORDS = {**{w: n for w, n in _ORDINALS.items() if w != "opening"},
              "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
              "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
              "twentieth": 20, "thirtieth": 30}
_ORDINAL_DAY = re.compile(r"\bthe\s+(?:(?P<tens>twenty|thirty)[\s-]+)?(?P<word>"
                          + "|".join(sorted(_DAY_WORDS, key=len, reverse=True))
                          + r"|(?P<num>\d{1,2})(?:st|nd|rd|th))\s+of\s+(?P<month>" + _MONTH_NAMES
                          + r")\b\.?(?:,?\s+(?P<year>(?:1[6-9]|20)\d{2})\b)?",
                          re.IGNORECASE | re.ASCII)


def _read_ordinal_day(match: re.Match[str], free: _Free) -> Quantity | None:
    """``the fifth of August``, ``the 21st of August 2024``: that day."""
    month = _MONTHS[match.group("month").lower().rstrip(".")]
    word = match.group("word").lower()
    day = int(match.group("num")) if match.group("num") else _DAY_WORDS.get(word, 0)
    day += int(_WORD_NUMBERS.get((match.group("tens") or "").lower(), 0))
    if match.group("year"):
        return _date(match, int(match.group("year")), month, month, day) if 1 <= day <= 31 \
            else None
    return _day_of_year(match, month, day)


def _read_clock(match: re.Match[str], free: _Free) -> Quantity | None:
    """``2:04:12``: a time of hours, minutes and seconds, in seconds."""
    seconds = int(match.group("h")) * 3600 + int(match.group("m")) * 60 + int(match.group("s"))
    return _quantity(match.string, QuantityKind.COUNT, float(seconds), DURATION, match.start(),
                     match.end())


def _read_race_time(match: re.Match[str], free: _Free) -> Quantity | None:
    """``1:54.23``: a time of minutes, seconds and hundredths, in seconds."""
    seconds = int(match.group("m")) * 60 + float(match.group("s"))
    return _quantity(match.string, QuantityKind.COUNT, round(seconds, 3), DURATION,
                     match.start(), match.end())


def _read_split_time(match: re.Match[str], free: _Free) -> Quantity | None:
    """``in 51:44``, ``10:24 down``: a length of time of minutes and seconds, in seconds."""
    text = match.string
    if _TIME_OF_DAY_AFTER.match(text, match.end()) or not (
            _SPLIT_BEFORE.search(text, max(0, match.start() - 12), match.start())
            or _SPLIT_AFTER.match(text, match.end())):
        return None
    seconds = int(match.group("m")) * 60 + int(match.group("s"))
    return _quantity(text, QuantityKind.COUNT, float(seconds), DURATION, match.start(),
                     match.end())


def _read_game_clock(match: re.Match[str], free: _Free) -> Quantity | None:
    """``1:53 left``: the minutes and seconds still to play, in seconds."""
    seconds = int(match.group("m")) * 60 + int(match.group("s"))
    return _quantity(match.string, QuantityKind.COUNT, float(seconds), DURATION, match.start(),
                     match.end())


def _read_factor(match: re.Match[str], free: _Free) -> Quantity | None:
    """``doubled``, ``to triple``, ``threefold``: the factor something is multiplied by."""
    group = next(name for name in ("stem", "base", "fold") if match.group(name))
    stem = match.group(group).lower().removesuffix("e") if group == "base" else match.group(
        group).lower()
    start = match.start(group)
    return _quantity(match.string, QuantityKind.COUNT, _FACTORS[stem], FACTOR, start,
                     match.end())


def _read_duration(match: re.Match[str], free: _Free) -> Quantity | None:
    """``2 hours, 4 minutes and 12 seconds``: the whole length of time, in seconds."""
    if match.group("quarters"):  # "a quarter of an hour" is 15 minutes
        quarters = 3 if match.group("quarters").lower() == "three" else 1
        return _quantity(match.string, QuantityKind.COUNT, quarters * 900.0, DURATION,
                         match.start(), match.end())
    total = unit = 0.0
    for part in _DURATION_PART.finditer(match.group(0)):
        number = 1.0 if part.group("n").lower() in ("a", "an") else parse_number(part.group("n"))
        if number is None:
            return None
        if unit and _SECONDS_IN[part.group("u").lower()] >= unit:
            break  # "51 minutes and 44 seconds, 17 seconds faster": a second length of time
        unit = _SECONDS_IN[part.group("u").lower()]
        total += number * unit
        end = match.start() + part.end()
    else:
        end = match.end()
        if match.group(0).lower().endswith("a half"):  # "an hour and a half"
            total += unit / 2
    return _quantity(match.string, QuantityKind.COUNT, total, DURATION, match.start(), end)


def _read_years_months_days(match: re.Match[str], free: _Free) -> Quantity | None:
    """``18 years, eight months and 14 days``: one length of time in years (unit :data:`AGE`),
    so its months and days are not read as figures of their own."""
    if not (match.group("m") or match.group("d")):
        return None  # plain "18 years" is a count like any other
    parts = [parse_number(match.group(g)) if match.group(g) else 0.0 for g in ("y", "m", "d")]
    if any(part is None for part in parts):
        return None
    years, months, days = (float(part or 0.0) for part in parts)
    return _quantity(match.string, QuantityKind.COUNT, years + months / 12 + days / 365.25, AGE,
                     match.start(), match.end())


def _read_bare_month(match: re.Match[str], free: _Free) -> Quantity | None:
    """``in May``, ``since March``: a month of no year (unit :data:`MONTH_OF_YEAR`)."""
    month = _MONTHS[match.group("month").lower().rstrip(".")] - 1
    return Quantity(QuantityKind.DATE, float(month), float(month), MONTH_OF_YEAR, Bound.EXACT,
                    match.start("month"), match.end("month"), match.group("month"))


_WON_AS_VERB = re.compile(r"\s+(?:it|him|her|them|the|a|an|his|their|its)\b",
                         re.IGNORECASE)


_WEIGHING = re.compile(r"\b(?:weigh\w*|scal(?:ed|es|ing)|heav(?:y|ier|iest)|light(?:er|est)|kg|"
                       r"kilo\w*|lbs?)\b", re.IGNORECASE)


_SPEAKS_OF_YEN = re.compile(r"\b(?:yen|Japan|Japanese|Tokyo|Nikkei)\b", re.IGNORECASE)


def _read_money(match: re.Match[str], free: _Free) -> Quantity | None:
    """``US$10 billion``, ``10bn yuan``, ``€3m``: the amount in its currency (``¥`` is yen when
    the text speaks of yen or Japan, else yuan)."""
    number = parse_number(match.group("num") or match.group("num2"))
    if number is None:
        return None
    text = match.string
    scale = (match.group("scale") or match.group("scale2") or "").lower()
    if match.group("prefix"):
        currency = _CURRENCY_PREFIX.get(match.group("prefix").lower().rstrip("."), "USD")
        if match.group("prefix").lower() == "¥" and _SPEAKS_OF_YEN.search(text):
            currency = "JPY"
    else:
        currency = _CURRENCY_SUFFIX[match.group("suffix").lower()]
        if currency in _CURRENCY_OF_COUNTRY:
            country, code = _CURRENCY_OF_COUNTRY[currency]
            currency = code if country.search(text) else currency
        if currency == "KRW" and not scale and _WON_AS_VERB.match(text, match.end()):
            return None  # "a closing 68 won him the title": the verb, not the currency
        if currency == "GBP" and match.group("suffix").lower() == "pounds" and (
                _WEIGHING.search(text, max(0, match.start() - 60), match.end() + 30)):
            return None  # "scaled 223 pounds (105.9 kg)": a weight, read as a measure
    value = number * _SCALE.get(scale, 1.0)
    return _quantity(text, QuantityKind.MONEY, value, currency, match.start(), match.end())


def _read_percent(match: re.Match[str], free: _Free) -> Quantity | None:
    """``12.5%``, ``30 per cent``: the percentage."""
    number = parse_number(match.group("num"))
    if number is None:
        return None
    return _quantity(match.string, QuantityKind.PERCENT, number, "%", match.start(), match.end())


def _read_points(match: re.Match[str], free: _Free) -> Quantity | None:
    """``0.5 percentage points``, ``50 basis points``, ``a quarter-point cut``: a change of a
    rate, in percentage points (never comparable with a percentage)."""
    share = match.group("share")
    if share:
        number: float | None = _POINT_SHARES[re.sub(r"[\s-]+", " ", share.lower())]
    else:
        number = parse_number(match.group("num"))
        if number is not None and match.group("what").lower().startswith("b"):
            number /= 100  # basis points
    if number is None:
        return None
    return _quantity(match.string, QuantityKind.PERCENT, round(number, 4), POINTS,
                     match.start(), match.end())


def _read_unit_share(match: re.Match[str], free: _Free) -> Quantity | None:
    """``a quarter of a century`` (25 years), ``half a hundredth of a second`` (0.005 s)."""
    count = match.group("n")
    number = 1.0 if count is None or count.lower() in ("a", "one") else parse_number(count)
    if number is None:
        return None
    share = number / _SHARE_DENOMINATORS[match.group("d").lower()]
    if match.group("half"):
        share /= 2  # "half a hundredth"
    unit = match.group("unit").lower()
    if unit == "second":
        return _quantity(match.string, QuantityKind.COUNT, share, DURATION, match.start(),
                         match.end())
    return _quantity(match.string, QuantityKind.COUNT, share * _UNIT_YEARS[unit], "year",
                     match.start(), match.end())


def _share_of(match: re.Match[str]) -> float:
    """The share a fraction's words name: "half" (no denominator), "two-thirds"."""
    if match.group("d") is None:
        return 0.5
    return ({"a": 1, "one": 1, "two": 2, "three": 3}[match.group("n").lower()]
            / _DENOMINATORS[match.group("d").lower()])


def _read_share_of_percent(match: re.Match[str], free: _Free) -> Quantity | None:
    """``half of one percent``, ``a quarter of 1%``: that share of the percentage."""
    share = _share_of(match)
    whole = float(match.group("p")) if match.group("p") else 1.0
    return _quantity(match.string, QuantityKind.PERCENT, round(share * whole, 4),
                     "pp" if match.group("points") else "%", match.start(), match.end())


def _read_fraction(match: re.Match[str], free: _Free) -> Quantity | None:
    """``by a tenth``, ``two-thirds of``, ``half of``, ``below a quarter``: the share as an
    approximate (or bounded) percentage."""
    share = _share_of(match)
    # "by" says it changes; "below a quarter" bounds the share
    start = match.start("n") if match.group("by") or match.group("pre") else match.start()
    if match.group(0).lower().startswith("by") and match.group("d") is None:
        start = match.start() + 3
    quantity = _quantity(match.string, QuantityKind.PERCENT, round(100 * share, 1), "%",
                         start, match.end())
    if match.group("pre") and quantity.bound is not Bound.EXACT:
        return quantity  # "below a quarter": at most a quarter
    return dataclasses.replace(quantity, bound=Bound.APPROX)


def _read_score(match: re.Match[str], free: _Free) -> Quantity | None:
    """``2-1``: a score, compared only with scores (both numbers must agree)."""
    a, b = int(match.group("a")), int(match.group("b"))
    text = match.string
    if max(a, b) >= 100 and not (_RESULT_BEFORE.search(text, max(0, match.start() - 40),
                                                       match.start())
                                 or _RESULT_AFTER.match(text, match.end())):
        return None  # "120-150 people": a range; a basketball score stands by a result
    value = 1000 * a + b
    return _quantity(match.string, QuantityKind.COUNT, float(value), SCORE, match.start(),
                     match.end())


def _read_bare_year(match: re.Match[str], free: _Free) -> Quantity | None:
    """``in 2024``, ``the 2010s``: the whole year, unless a unit follows (``2024 units``)."""
    if _NOT_A_YEAR.match(match.string[match.end(): match.end() + 12].lower()):
        return None
    return _date(match, int(match.group("year")), 1, 12)


_PRONOUNS = frozenset({"i", "you", "he", "she", "it", "we", "they"})
_RANKED_BEFORE = re.compile(r"(?:['’]s?|\b(?:the|his|her|its|their|our|finished|came|placed|"
                            r"ranked|ranks|was|is|were|are|be|been))\s+$", re.IGNORECASE)


def _counts_a_part(match: re.Match[str]) -> bool:
    """Whether a number in words counts a part of a counted whole ("four of its 33 engines"),
    not what is left out of it ("all but two of the 650") nor one of many ("one of the 20")."""
    text, start = match.string, match.start("num")
    if match.group("num").lower() == "one" or _ALL_BUT.search(text, max(0, start - 12), start):
        return False
    # "three of the four", or the whole counted: "all four of the suspected gunmen"
    return (_PART_OF_COUNT.match(text, match.end("num")) is not None
            or _ALL_BEFORE.search(text, max(0, start - 5), start) is not None
            and _OF_THE.match(text, match.end("num")) is not None)


_PART_OF_COUNT = re.compile(r"\s+of\s+(?:its|the|their|his|her|our|those|these)\s+(?:\d|(?:"
                            + _WORD_NUMBER + r")\b)", re.IGNORECASE)
_OF_THE = re.compile(r"\s+of\s+(?:its|the|their|his|her|our|them|those|these)\b",
                     re.IGNORECASE)
_ALL_BEFORE = re.compile(r"\ball\s+$", re.IGNORECASE)
_ALL_BUT = re.compile(r"\b(?:but|except|save)\s+$", re.IGNORECASE)
_PER_BEFORE = re.compile(r"\b(?:per|each|every)\s+$", re.IGNORECASE)
_MIXED_NUMBER_BEFORE = re.compile(
    r"(?:\d|\b(?:" + _WORD_NUMBER + r"))\s+and\s+a\s+$",
    re.IGNORECASE)


def _read_ordinal(match: re.Match[str], free: _Free) -> Quantity | None:
    """``the third factory``, ``2nd largest plant``: the rank, with its noun as unit."""
    word = match.group("word").lower()
    text = match.string
    if _MIXED_NUMBER_BEFORE.search(text, max(0, match.start() - 24), match.start()):
        return None  # "six and a third innings": a fraction of a number, no rank
    if word == "second" and _PER_BEFORE.search(text, max(0, match.start() - 8), match.start()):
        return None  # "80 cubic metres per second": a unit of time, no rank
    opens = text[:match.start()].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n")
    if match.group("noun") is None:
        # a rank only after a possessive or "the", "finished", "came" ... ("Mahomes' third,",
        # "finished third."); "First, ..." orders an account, "a second," is a length of time
        if opens or not _RANKED_BEFORE.search(text, 0, match.start()):
            return None
        return _quantity(text, QuantityKind.ORDINAL, float(_ORDINALS.get(word) or int(
            re.sub(r"\D", "", word))), ELLIPTIC, match.start(), match.end())
    if (match.group("word")[0].isupper() and match.group("noun")[0].isupper()
            and text[:match.start()].rstrip()[-1:] not in ("", ".", "!", "?", ":", "\n")):
        return None  # part of a name mid-sentence: "the First Coast Guard District"
    number = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
    noun = match.group("noun").lower()
    if word == "opening" and (noun in _FUNCTION_WORDS or noun in _DETERMINERS):
        return None  # "opening the meeting": a verb, no rank
    if noun in _WORD_NUMBERS:
        return None  # "the first nine games": a count follows, not a rank
    if noun.endswith("ed") and _AUXILIARY.search(text, 0, match.start()):
        return None  # "when it was first announced": an adverb of time, no rank
    end = match.end()
    if match.group("row") is None and text.startswith(("'s", "’s"), match.end("noun")):
        # "the first women's team": the rank is of the team (but "the first Labour prime
        # minister" ranks among Labour's, a class of its own)
        head = _HEAD_AFTER.match(text, match.end("noun"))
        if head is not None:
            noun, end = head.group(1), head.end()
    elif noun in ("and", "or") and (last := _AND_LAST.match(text, match.end("noun"))):
        noun, end = last.group(1).split()[-1], last.end(1)  # "the 14th and last classical game"
    elif named := _NAMED_CLASS.match(text, match.end("noun")):
        # "the first player from Manchester City" ranks among Manchester City's players, as
        # "the first Manchester City player" does (and "the first Labour prime minister")
        noun = named.group(1).lower()
    noun = _singular(noun)
    if noun in _PRONOUNS:
        noun, end = ELLIPTIC, match.end("word")  # "in the fifth they scored"
    elif noun == "overall":
        noun = "place"  # "third overall" is "third place overall"
    elif noun == "time" and _FOR_THE.search(text, max(0, match.start() - 40), match.start()):
        noun = REPEAT  # "silver for the second time": how often, not which medal
    elif noun in _FUNCTION_WORDS:
        noun = ELLIPTIC  # "the fourth to make a soft landing"
    elif match.group("streak") or match.group("row"):
        noun += STREAK
    elif later := _LATER_ROW.match(text, match.start("noun")):
        # "their second European Championship final defeat in a row": the run's noun comes later
        noun, end = _singular(later.group(1).lower()) + STREAK, later.end()
    return _quantity(text, QuantityKind.ORDINAL, float(number), noun, match.start(), end)


# "the last of the three automakers": the third of them, as "the first of the three" is the first
_LAST_OF = re.compile(r"\b(?P<last>last\s+of)\s+(?:the|its|their|his|her|our)\s+(?P<n>\d{1,2}|"
                      + _WORD_NUMBER + r")\b", re.IGNORECASE)


def _read_last_of(match: re.Match[str], free: _Free) -> Quantity | None:
    """``the last of the three``: the rank that closes a counted set (an ordinal)."""
    number = parse_number(match.group("n"))
    if not number or number < 2:
        return None
    return _quantity(match.string, QuantityKind.ORDINAL, float(number), ELLIPTIC,
                     match.start("last"), match.end("last"))


# "the nation's worst", "the deadliest": a superlative no ordinal ranks is the first of its kind
_BARE_SUPERLATIVE = re.compile(r"(?:(?<=\bthe)|(?<=\w['’]s)|(?<=\w['’]))\s+"
                               r"(?P<word>(?:most|least)\s+[a-z]+|[a-z]+)\b")
_RANKED_SUPERLATIVE = re.compile(r"\w+[\s-]+(?P<word>(?:most|least)\s+[a-z]+|worst|best|most|least"
                                 r"|[a-z]+est)\b", re.IGNORECASE)
# Superlatives that rank by the same measure: "the costliest" is "the most expensive".
_SAME_SUPERLATIVE = {"costliest": "most expensive", "priciest": "most expensive",
                     "dearest": "most expensive", "biggest": "largest", "deadliest": "most deadly",
                     "most lethal": "most deadly", "greatest": "largest"}


def _superlative(word: str) -> str:
    """The one spelling of a superlative's measure ("costliest" -> "most expensive")."""
    word = " ".join(word.lower().split())
    return _SAME_SUPERLATIVE.get(word, word)


def ranked_superlatives(text: str, quantities: Sequence[Quantity]) -> dict[str, str]:
    """The superlatives of ``text`` an ordinal past the first ranks ("second-worst"), each with
    the unit of that ordinal."""
    ranked = {}
    for q in quantities:
        if q.kind is not QuantityKind.ORDINAL or q.value < 2:
            continue
        match = _RANKED_SUPERLATIVE.match(text, q.start)
        if match is not None:
            ranked[_superlative(match.group("word"))] = q.unit
    return ranked


def implied_firsts(text: str, ranked: dict[str, str]) -> list[Quantity]:
    """The first ranks a text states by a bare superlative that another text ranks further down
    (``ranked``, see :func:`ranked_superlatives`): "the worst rail disaster" against
    "the second-worst"."""
    return [Quantity(QuantityKind.ORDINAL, 1.0, 1.0, ranked[_superlative(match.group("word"))],
                     Bound.EXACT, match.start("word"), match.end("word"), match.group("word"))
            for match in _BARE_SUPERLATIVE.finditer(text)
            if _superlative(match.group("word")) in ranked
            # ("one of the biggest" ranks nothing)
            and not _ONE_OF.search(text, max(0, match.start() - 16), match.start())]


_ONE_OF = re.compile(r"\bone\s+of\s+(?:the|its|their|his|her)$", re.IGNORECASE)


def _singular(noun: str) -> str:
    """An ordinal's noun without a plural "s" ("phases": "phase"; not "gas")."""
    return noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun


def _read_count(match: re.Match[str], free: _Free) -> Quantity | None:
    """``2,300 members``, ``300k units``, ``10,000+``: a number and, if it has one, its unit
    class; word numbers ("five") count only with a known unit, times of day not at all."""
    text = match.string
    start, end = match.start("num"), match.end("num")
    if not match.group("num").strip():
        return None
    if text[end: end + 1] == ":" and text[end + 1: end + 2].isdigit():
        return None  # a time of day such as 22:00
    if re.match(r"\([a-z]\)", text[end: end + 3]):
        return None  # a section of a code: "401(k)", "501(c)"
    if _TIME_OF_DAY.match(text, end):
        return None  # "5.16 p.m.", "11 am": a time of day, not a count
    raw = match.group("num")
    number = parse_number(raw)
    if number is None:
        return None
    unit_word = (match.group("unit") or "").lower()
    if raw[0].isalpha() and unit_word not in _UNIT_OF and not _COMPOUND_WORDS.match(raw) and (
            not match.group("scale")) and (
            raw.lower() in ("one", "a dozen", "a hundred", "half a", "half an") or not unit_word
            or unit_word in _NOT_COUNTED and not match.group("hyphen")) and not (
                _counts_a_part(match)):
        return None  # "one of the", "top five": word numbers count only before a noun
    if _FRACTION_WORD.match(text, match.end("num")) and not _COUNTED_PARTS.match(
            text, match.end("num")):
        return None  # "an hour and three-quarters": a fraction, not a count
    if (start and text[start - 1] == "-" and text[max(0, start - 2): start - 1].isalpha()
            and not _MEASURE_BEFORE.search(text, max(0, start - 12), start)):
        return None  # part of a name: "COVID-19", "Chandrayaan-3", "Luna-25"
    if raw[0].isdigit() and (unit_word not in _UNIT_OF and named_number(text, start)
                             or numbering(text, start)):
        return None  # part of a name: "Boeing 737", "Flight 1282", "Max 9"
    if match.group("halfscaled"):
        number += 0.5  # "eight and a half million"
    if match.group("half"):  # "two and a half years", "six and a third innings"
        number += _MIXED_FRACTIONS[match.group("half").split()[-1].split("-")[-1].lower()]
    scale = (match.group("scale") or "").lower()
    value = number * _SCALE.get(scale, 1.0)
    end = match.end("half") if match.group("half") else (
        match.end("scale") if match.group("scale") else end)
    unit = _UNIT_OF.get(unit_word, "")
    if unit and free(start, match.end("unit")):
        end = match.end("unit")
    elif unit:
        unit = ""
    elif unit_word.isalpha() and match.group("unit").islower() and not match.group("hyphen"):
        # "38 rail cars", "500 factory workers": a word before the counted noun
        counted = _COUNTED_NEXT.match(text, match.end("unit"))
        if (counted is not None and _UNIT_OF.get(counted.group(1).lower()) in _COUNTED_CLASSES
                and unit_word not in _NOT_A_MODIFIER and free(start, counted.end())):
            unit, end = _UNIT_OF[counted.group(1).lower()], counted.end()
    speed = _PER_HOUR.match(text, end) if unit in ("mile", "km") else None
    if speed is not None:  # "140 miles per hour" is "140 mph"
        unit, end = ("mph" if unit == "mile" else "km/h"), speed.end()
    if unit in ("minute", "second") and _CLOCK_WORDS.match(text, end):
        # "four minutes past one", "ten minutes to midnight": a time of day (but "the 24 hours
        # to 8:45 am" is a length of time)
        return None
    if unit in _SECONDS_OF_UNIT:  # "90 minutes" is a length of time like "1.5 hours"
        value, unit = value * _SECONDS_OF_UNIT[unit], DURATION
    elif unit == "week":  # "three weeks" is "21 days"
        value, unit = value * 7, "day"
    elif unit in ("decade", "century"):  # "two decades" is "20 years", "two centuries" 200
        value, unit = value * (10 if unit == "decade" else 100), "year"
    elif unit in _METRIC:  # "115 miles" is "185 km", "90 mph" is "145 km/h"
        factor, unit = _METRIC[unit]
        value *= factor
    elif not unit and (_AGED.search(text, 0, start) or (
            AGE_OWNER.search(text, max(0, start - 40), start)
            and _APPOSITION_ENDS.match(text, end) and value == int(value) and 0 < value < 120)):
        unit = "year"  # "aged 22" is "22-year-old", and so is "Erling Haaland, 23, finished"
    scale_of = _TEMPERATURE.match(text, match.end("scale") if match.group("scale") else
                                  match.end("num"))
    if scale_of is not None and (unit in ("", "degree") or scale_of.group("glued")):
        # "3,000F", "1,650 °C", "5,000 degrees Fahrenheit": temperatures, in Fahrenheit
        celsius = (scale_of.group("glued") or scale_of.group("named")).lower().lstrip("°")[0] == "c"
        value, unit, end = (value * 9 / 5 + 32 if celsius else value), FAHRENHEIT, scale_of.end()
    quantity = _quantity(text, QuantityKind.COUNT, value, unit, start, end)
    if match.group("plus") or match.group("tilde"):
        bound = Bound.AT_LEAST if match.group("plus") else Bound.APPROX
        quantity = dataclasses.replace(quantity, bound=bound)
    return quantity


_READERS: tuple[_Reader, ...] = (
    # Dates first, most specific first, so "Q1 2024" is not also read as the year 2024.
    _Reader("quarter", _QUARTER, _read_quarter),
    _Reader("part of year", _PART_OF_YEAR, _read_part_of_year),
    _Reader("first months of a year", _FIRST_MONTHS, _read_first_months),
    _Reader("range of months", _MONTH_RANGE, _read_month_range),
    _Reader("span of days", _DAY_RANGE, _read_day_range),
    _Reader("ordinal day of a month", _ORDINAL_DAY, _read_ordinal_day),
    _Reader("day apart from its year", _DAY_IN_YEAR, _read_day_in_year),
    _Reader("month date", _MONTH_DATE, _read_month_date),
    _Reader("ISO date", _ISO_DATE, _read_iso_date),
    _Reader("day of a month", _DAY_MONTH, _read_day_month),
    _Reader("bare month", _BARE_MONTH, _read_bare_month, claims="month"),
    # Times of day before lengths of time, so "1:24:33 a.m." is no race time nor "four minutes
    # past one" a length of time; lengths of time before counts, so "2:04:12" and "3 minutes
    # and 27 seconds" stay whole.
    _Reader("time of day", _TIME_OF_DAY, _read_time_of_day),
    _Reader("clock time", _CLOCK, _read_clock),
    _Reader("race time", _RACE_TIME, _read_race_time),
    _Reader("split time", _SPLIT_TIME, _read_split_time),
    _Reader("game clock", _GAME_CLOCK, _read_game_clock),
    _Reader("duration", _DURATION, _read_duration),
    _Reader("years, months and days", _YEARS_MONTHS_DAYS, _read_years_months_days),
    _Reader("factor", _FACTOR, _read_factor),
    _Reader("money", _MONEY, _read_money),
    _Reader("share of a percentage", _SHARE_OF_PERCENT, _read_share_of_percent),
    _Reader("percentage points", _POINTS, _read_points),
    _Reader("percent", _PERCENT, _read_percent),
    _Reader("share of a unit", _UNIT_SHARE, _read_unit_share),
    _Reader("fraction", _FRACTION, _read_fraction),
    # A bare year only where no amount took the number ("$2024" is money).
    _Reader("bare year", _BARE_YEAR, _read_bare_year),
    _Reader("ordinal", _ORDINAL, _read_ordinal),
    _Reader("last of a count", _LAST_OF, _read_last_of, claims="last"),
    _Reader("score", _SCORE, _read_score),
    # Counts last: any number left over.
    _Reader("count", _COUNT, _read_count, claims="num"),
)
"""The readers in the order they run: a reader's match is dropped where it overlaps a quantity
an earlier reader found."""


def _extract_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []

    def free(start: int, end: int) -> bool:
        return all(end <= q.start or start >= q.end for q in found)

    for reader in _READERS:
        for match in reader.pattern.finditer(text):
            if not free(*match.span(reader.claims)):
                continue
            quantity = reader.read(match, free)
            if quantity is not None:
                found.append(quantity)
    found.sort(key=lambda q: q.start)
    return [_in_points(text, _in_metres(text, _on_scale(text, _against_par(text, q))), found)
            for q in _share_currency(text, _share_scale(text, found))]


# "took 40.79% of the vote, 0.94 points more": a bare "points" beside a percentage of its
# sentence is a change of that percentage; stock indices move in their own points
_POINTS_AFTER = re.compile(r"\s*points?\b", re.IGNORECASE)
_INDEX_WORDS = re.compile(r"\b(?:index|indices|Dow|Nasdaq|FTSE|Nikkei|DAX|CAC|Hang\s+Seng|"
                          r"S&P|Sensex|Nifty|KOSPI|stocks?|shares)\b", re.IGNORECASE)


def _in_points(text: str, quantity: Quantity, found: Sequence[Quantity]) -> Quantity:
    """A bare count of "points" under 100 in a sentence stating a percentage, read as
    percentage points ("40.79% of the vote, 0.94 points more"), unless the sentence is about a
    stock index, whose points are its own."""
    points = _POINTS_AFTER.match(text, quantity.end)
    if (points is None or quantity.kind is not QuantityKind.COUNT or quantity.unit
            or quantity.value >= 100):
        return quantity
    before = text.rfind(". ", 0, quantity.start)
    start = 0 if before < 0 else before + 2  # (a text may open on its percentage)
    end = text.find(". ", quantity.end)
    end = len(text) if end < 0 else end
    if not any(q.kind is QuantityKind.PERCENT and q.unit == "%" and start <= q.start < end
               for q in found) or _INDEX_WORDS.search(text, start, end):
        return quantity
    return dataclasses.replace(quantity, kind=QuantityKind.PERCENT, unit=POINTS,
                               end=points.end(), surface=text[quantity.start:points.end()])


# "the 200m butterfly", "2.16 m over its danger level", "a 4.5m wall": an "m" of metres
_M_SURFACE = re.compile(r"(?P<num>\d[\d,]*(?:\.\d+)?)\s?m", re.IGNORECASE)
_METRES_AFTER = re.compile(r"[\s-]+(?:tall|high|deep|long|wide|above|below|over|under|beneath|"
                           r"short|away|race|sprint|hurdles|dash|freestyle|butterfly|backstroke|"
                           r"breaststroke|medley|individual|relay|steeplechase|final|heats?|"
                           r"semi-?finals?|title|champion|crown|gold|silver|bronze|medal|"
                           r"wall|tower|wave|waves|swell)\b", re.IGNORECASE)
_METRES_BEFORE = re.compile(r"\b(?:men|women|boys|girls)['’]s?\s+$|\bmixed\s+$", re.IGNORECASE)
_BARE_M = re.compile(r"\b\d[\d,]*(?:\.\d+)?\s?m\b(?!\s*(?:people|users|residents|"
                     r"viewers|visitors|voters|votes|customers|subscribers|jobs|homes)\b)")


def _in_metres(text: str, quantity: Quantity) -> Quantity:
    """A bare "m" figure of a text that writes one of length, height or a race ("200m
    butterfly", "men's 100m", "2.16 m above") in metres, not millions ("5m people" stays 5
    million; "the 200m and 400m individual medleys" are both races)."""
    if quantity.kind is not QuantityKind.COUNT or quantity.unit:
        return quantity
    bare = _M_SURFACE.fullmatch(quantity.surface)
    if bare is None or not _writes_metres(text):
        return quantity
    number = parse_number(bare.group("num"))
    if number is None:
        return quantity
    return dataclasses.replace(quantity, value=number, high=number, unit="metre")


def as_metres_where(quantities: list[Quantity], other: list[Quantity]) -> list[Quantity]:
    """A text's bare "m" figures read as metres where the other text writes its own in metres
    ("second with 5.82m" against a report of the vault's "second at 5.82m"; a claim alone
    seldom tells which "m" it means)."""
    if not any(q.unit == "metre" and _M_SURFACE.fullmatch(q.surface) for q in other):
        return quantities
    read = []
    for quantity in quantities:
        bare = _M_SURFACE.fullmatch(quantity.surface)
        number = parse_number(bare.group("num")) if bare is not None else None
        if (quantity.kind is QuantityKind.COUNT and not quantity.unit and number is not None
                and quantity.value == number * 1e6):
            quantity = dataclasses.replace(quantity, value=number, high=number, unit="metre")
        read.append(quantity)
    return read


@functools.lru_cache(maxsize=16384)
def _writes_metres(text: str) -> bool:
    """Whether a bare "m" figure of ``text`` stands before a word of length or a race, or
    after "men's" or "women's"."""
    return any(_METRES_AFTER.match(text, m.end()) or _METRES_BEFORE.search(
        text, max(0, m.start() - 12), m.start()) for m in _BARE_M.finditer(text)) or bool(
        _FIELD_EVENT.search(text) and _BARE_M.search(text))


# a jump or a throw is measured in metres: "second at 5.82m in the pole vault"
_FIELD_EVENT = re.compile(r"\b(?:pole[\s-]vault\w*|high[\s-]jump\w*|long[\s-]jump\w*|"
                          r"triple[\s-]jump\w*|javelin|discus|shot[\s-]put\w*|hammer\s+throw\w*)\b",
                          re.IGNORECASE)


def _share_currency(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare sum in billions or millions, counting no noun, takes the currency of the sum
    before it in its sentence: "profits of 55.7 billion dollars, topping the previous high of
    45.22 billion it set in 2008" (not "2 billion users")."""
    shared = list(found)
    for i, bare in enumerate(found):
        if (bare.kind is not QuantityKind.COUNT or bare.unit
                or not _SCALED_SUM.fullmatch(bare.surface)
                or not _NO_NOUN_AFTER.match(text, bare.end)):
            continue
        money = [q for q in found[:i] if q.kind is QuantityKind.MONEY
                 and not _SENTENCE_BREAK.search(text, q.end, bare.start)]
        if money:
            shared[i] = dataclasses.replace(bare, kind=QuantityKind.MONEY, unit=money[-1].unit)
    return shared


_SCALED_SUM = re.compile(r"[\d.,]+\s?(?:billion|million|trillion|bn|mn)", re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|$|(?:it|they|he|she|in|for|at|on|from|by|and|or|"
                            r"to|was|were|is|are|a|an|the|with|after|before|last|this|that)\b)",
                            re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")


# "magnitude 6.5", "a 7.5-magnitude quake", "a magnitude of 7.8", "a Category 4 hurricane"
_SCALE_BEFORE = re.compile(r"\b(magnitude|category)(?:\s+of)?[\s-]+$", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"[\s-](magnitude)\b", re.IGNORECASE)


def _on_scale(text: str, quantity: Quantity) -> Quantity:
    """A bare number on a named scale ("magnitude 6.5", "Category 4") in that scale's unit: a
    reading, not a count ("201 aftershocks" is not answered by "magnitude 4")."""
    if quantity.kind is not QuantityKind.COUNT or quantity.unit:
        return quantity
    found = (_SCALE_BEFORE.search(text, max(0, quantity.start - 16), quantity.start)
             or _SCALE_AFTER.match(text, quantity.end))
    if found is None:
        return quantity
    return dataclasses.replace(quantity, unit=found.group(1).lower())


# "a four-under 68", "1-over 145", "11 under par": a golf score against par, signed
_AGAINST_PAR = re.compile(r"-(under|over)\b(?!-)|-(under|over)-par\b|\s+(under|over)\s+par\b",
                          re.IGNORECASE)


def _against_par(text: str, quantity: Quantity) -> Quantity:
    """A count told against par ("four-under", "2 over par") as a signed score in unit "par"
    (under is below par: -4), so "1-under" and "1-over" differ; any other figure unchanged."""
    if quantity.kind is not QuantityKind.COUNT or quantity.unit:
        return quantity
    found = _AGAINST_PAR.match(text, quantity.end)
    if found is None:
        return quantity
    side = next(g for g in found.groups() if g).lower()
    sign = -1 if side == "under" else 1
    return Quantity(QuantityKind.COUNT, sign * quantity.value, sign * quantity.value, PAR,
                    quantity.bound, quantity.start, found.end(), text[quantity.start:found.end()])


_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|and|to|or)\s*")


def _share_scale(text: str, found: list[Quantity]) -> list[Quantity]:
    """A bare number that opens a range takes the scale and unit of the figure closing it:
    "between 4.3 and 5.2 billion dollars" is $4.3 billion to $5.2 billion, "3 to 4 million
    people" 3 million to 4 million, "4.75 to 5 per cent" 4.75% to 5%."""
    shared = list(found)
    for i, (bare, closing) in enumerate(zip(found, found[1:], strict=False)):
        if (bare.kind is not QuantityKind.COUNT or bare.unit or closing.kind not in
                (QuantityKind.MONEY, QuantityKind.COUNT, QuantityKind.PERCENT) or bare.value == 0
                or not _RANGE_JOIN.fullmatch(text[bare.end:closing.start])
                or not re.fullmatch(r"[\d.,]+", bare.surface)):
            continue
        first = re.match(r"\D*?([\d.,]+)", closing.surface)
        number = parse_number(first.group(1)) if first else None
        if (not number or bare.value > number or closing.value < number
                or named_number(text, bare.start)):
            continue  # a range runs upwards; "Chapter 11 and 5 billion dollars" is none
        scale = closing.value / number
        shared[i] = Quantity(closing.kind, bare.value * scale, bare.value * scale,
                             closing.unit, bare.bound, bare.start, bare.end, bare.surface)
    return shared


def _year(year: str | None, short: str | None) -> int:
    return int(year) if year else 2000 + int(short or 0)


def _date(match: re.Match[str], year: int, first_month: int, last_month: int,
          day: int | None = None) -> Quantity:
    """The days from the first of ``first_month`` to the last of ``last_month`` (or ``day``)."""
    try:
        low = datetime.date(year, first_month, day or 1).toordinal()
        high = (datetime.date(year, last_month, day).toordinal() if day else
                datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
                .toordinal())
    except ValueError:  # 31 February: keep the month
        low = datetime.date(year, first_month, 1).toordinal()
        high = datetime.date(year, last_month,
                             calendar.monthrange(year, last_month)[1]).toordinal()
    text = match.string
    return Quantity(QuantityKind.DATE, float(low), float(high), DAYS,
                    _date_bound(text, match.start()),
                    match.start(), match.end(), match.group(0))


def _month_day(quantity: Quantity) -> tuple[int, int] | None:
    """The (month, day) a quantity names, when it names one day (with or without a year)."""
    if quantity.unit == DAY_OF_YEAR:
        return divmod(int(quantity.value), 100)[0] + 1, int(quantity.value) % 100
    if quantity.unit == DAYS and quantity.value == quantity.high:
        day = datetime.date.fromordinal(int(quantity.value))
        return day.month, day.day
    return None


def _month_days(quantity: Quantity) -> tuple[int, int] | None:
    """The first and last day a quantity names within one month, as month * 100 + day (one
    day or a span of days, "10-11 June"), with or without a year; ``None`` otherwise."""
    if quantity.unit == DAY_OF_YEAR:
        return int(quantity.value), int(quantity.high)
    if quantity.unit == DAYS and quantity.high - quantity.value < 27:
        low = datetime.date.fromordinal(int(quantity.value))
        high = datetime.date.fromordinal(int(quantity.high))
        if low.month == high.month:
            return (low.month - 1) * 100 + low.day, (high.month - 1) * 100 + high.day
    return None


def _single_month(quantity: Quantity) -> int | None:
    """The month (0-11) a quantity names, when it lies within one month."""
    if quantity.unit == MONTH_OF_YEAR:
        return int(quantity.value)
    if quantity.unit == DAY_OF_YEAR:
        return int(quantity.value) // 100
    first = datetime.date.fromordinal(int(quantity.value))
    last = datetime.date.fromordinal(int(quantity.high))
    return first.month - 1 if (first.year, first.month) == (last.year, last.month) else None


def in_seconds(quantity: Quantity) -> Quantity:
    """A count of days as a length of time in seconds (other quantities as they are)."""
    if quantity.unit != "day":
        return quantity
    return dataclasses.replace(quantity, value=quantity.value * 86400,
                               high=quantity.high * 86400, unit=DURATION)


def _calendar_quarter(quantity: Quantity) -> int | None:
    """The quarter (1-4) a dated interval spans exactly ("the third quarter of 2024": 3)."""
    if quantity.kind is not QuantityKind.DATE or quantity.unit != DAYS:
        return None
    first = datetime.date.fromordinal(int(quantity.value))
    last = datetime.date.fromordinal(int(quantity.high))
    if (first.day != 1 or first.month % 3 != 1 or first.year != last.year
            or last.month != first.month + 2 or last.day != calendar.monthrange(
                last.year, last.month)[1]):
        return None
    return first.month // 3 + 1


def _quarter_and_date(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity] | None:
    """A year-less "third quarter" and a dated quarter, in that order, or ``None``."""
    ordinal, date = (a, b) if a.kind is QuantityKind.ORDINAL else (b, a)
    if ordinal.kind is QuantityKind.ORDINAL and ordinal.unit == "quarter" and (
            _calendar_quarter(date) is not None):
        return ordinal, date
    return None


def _quantity(text: str, kind: QuantityKind, value: float, unit: str, start: int,
              end: int) -> Quantity:
    bound = _date_bound(text, start) if kind is QuantityKind.DATE else _bound_before(text, start)
    return Quantity(kind, value, value, unit, bound, start, end, text[start:end])


def _date_bound(text: str, start: int) -> Bound:
    """The bound of a date: "over the first half of 2023" is during it, not after."""
    if _DURING.search(text[max(0, start - 8): start]):
        return Bound.EXACT
    return _bound_before(text, start)


_DURING = re.compile(r"\b(?:over|under)\s+$", re.IGNORECASE)


def _bound_before(text: str, start: int) -> Bound:
    before = text[max(0, start - 24): start]
    if _PARTICLE_OVER.search(before):
        return Bound.EXACT  # "handed over 291 jets": a verb's particle, no bound
    if _PAR_SCORE.search(before):
        return Bound.EXACT  # "a four-under 68": a score against par, no bound
    for pattern, bound in _BOUND_BEFORE:
        if pattern.search(before):
            return bound
    return Bound.EXACT


def comparable(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities measure the same kind of thing in the same unit or currency."""
    if a.kind != b.kind:
        # "the third quarter" of no year, against "the third quarter of 2024"
        return _quarter_and_date(a, b) is not None
    if a.kind == QuantityKind.DATE and a.unit != b.unit:
        # A day or month of no year compares with a date of the same precision: "in May" with
        # "May 2024" (not with "2024"), "on 21 August" with "21 August 2023".
        units = {a.unit, b.unit}
        if DAY_OF_YEAR in units:
            return _month_days(a) is not None and _month_days(b) is not None
        if MONTH_OF_YEAR in units:
            return _single_month(a) is not None and _single_month(b) is not None
        return False
    if a.kind == QuantityKind.ORDINAL:
        # "the fourth to land" names no noun: it ranks whatever the other one ranks
        return a.unit == b.unit or ELLIPTIC in (a.unit, b.unit) or REPEAT in (a.unit, b.unit)
    if a.kind in (QuantityKind.MONEY, QuantityKind.DATE, QuantityKind.PERCENT):
        return a.unit == b.unit
    if FACTOR in (a.unit, b.unit):
        return a.unit == b.unit
    if AGE in (a.unit, b.unit):  # "18 years, 8 months" against "18" or "18 years"
        return {a.unit, b.unit} <= {AGE, "year", ""}
    if is_time_of_day(a) or is_time_of_day(b):
        # a time in another zone is compared in UTC when both zones are known ("7:45 a.m. ET"
        # is "11:45 GMT"), else not at all
        zones = {_zone(a), _zone(b)}
        return (is_time_of_day(a) and is_time_of_day(b)
                and (len(zones) == 1 or "" in zones or zones <= _ZONE_OFFSETS.keys()))
    return a.unit == b.unit or not a.unit or not b.unit or {a.unit, b.unit} == {"day", DURATION}


def agree(claim: Quantity, evidence: Quantity) -> bool:
    """Whether the evidence quantity is consistent with the claim's, given both qualifiers."""
    if claim.kind is QuantityKind.COUNT and {claim.unit, evidence.unit} == {"day", DURATION}:
        claim, evidence = in_seconds(claim), in_seconds(evidence)  # "half a day": 12 hours
    quarter = _quarter_and_date(claim, evidence) if claim.kind != evidence.kind else None
    if quarter is not None:
        return quarter[0].value == _calendar_quarter(quarter[1])
    if QuantityKind.DATE in (claim.kind, evidence.kind) and claim.kind != evidence.kind:
        return False  # "October" is no "$4.392m" (whose value read as a day is no date at all)
    if claim.kind == QuantityKind.DATE and DAY_OF_YEAR in (claim.unit, evidence.unit):
        days, other = _month_days(claim), _month_days(evidence)
        if days is None or other is None or (claim.value == claim.high
                                             and evidence.value == evidence.high):
            return _month_day(claim) == _month_day(evidence)
        return days[0] <= other[1] and other[0] <= days[1]  # "10-11 June" and "11 June"
    if claim.kind == QuantityKind.DATE and MONTH_OF_YEAR in (claim.unit, evidence.unit):
        return _single_month(claim) == _single_month(evidence)
    if claim.kind == QuantityKind.DATE:
        if claim.bound == Bound.AT_MOST:  # "by 2024", "before March"
            return evidence.value <= claim.high
        if claim.bound == Bound.AT_LEAST:
            return evidence.high >= claim.value
        return claim.value <= evidence.high and evidence.value <= claim.high
    c, e = claim.value, evidence.value
    if claim.unit == SCORE:
        # "7-6" is not "7-4" rounded; "lost 0-2 to Madrid" is "Madrid won 2-0": which side is
        # written first is the writer's choice, who won is the verbs' and names' to say
        return c == e or c == 1000 * (e % 1000) + e // 1000
    if {claim.bound, evidence.bound} == {Bound.AT_LEAST, Bound.AT_MOST} and c == e:
        return False  # "less than 54 million" against "more than 54 million"
    if is_time_of_day(claim):
        return _times_agree(claim, evidence)  # (equal figures in two zones are two times)
    if AGE in (claim.unit, evidence.unit):
        if claim.unit == evidence.unit:  # to the day
            return abs(c - e) < 0.5 / 365.25
        whole, told = (c, e) if claim.unit == AGE else (e, c)
        return told == int(whole)  # "who was 22" is 22 years, 6 months and 27 days
    if c == e:
        return True
    if claim.kind == QuantityKind.ORDINAL:
        return False
    if claim.unit == DURATION and Bound.EXACT == claim.bound == evidence.bound:
        # race times agree to the precision given: 2:04:02 to the second, 9.85 s to the hundredth
        # (9.79 is 9.784 rounded; 9.86 is not 9.85)
        return abs(c - e) < max(_step(c), _step(e)) * (1 - 1e-6)
    loose = Bound.APPROX in (claim.bound, evidence.bound)
    tolerance = _approx_tolerance(claim, evidence) if loose else 0.02
    if claim.bound == Bound.AT_LEAST:
        if evidence.bound == Bound.AT_MOST:
            return c < e <= c * 1.5  # "over 100" and "under 110" can both hold
        if evidence.bound == Bound.AT_LEAST:
            # ("more than three decades" rounds "more than 35 years" down)
            return abs(c - e) <= 0.1 * max(c, e) or (
                c < e <= c * 1.25 and _significant(c) < _significant(e))
        # "over N" is a figure near N, not any larger one: "over 50 metres" misreports 100.
        return c * (1 - tolerance) <= e <= c * 1.5
    if claim.bound == Bound.AT_MOST:
        if evidence.bound == Bound.AT_LEAST:
            return c * 0.67 <= e < c  # "under 100" and "more than 100" never both hold
        if evidence.bound == Bound.AT_MOST:
            return abs(c - e) <= 0.1 * max(c, e)
        return c * 0.67 <= e <= c * (1 + tolerance)
    # A bounded figure ("up to 668 km", "more than 2,300") is consistent with nearby values only.
    if evidence.bound == Bound.AT_LEAST:
        return e * (1 - tolerance) <= c <= e * 1.5
    if evidence.bound == Bound.AT_MOST:
        return e * 0.67 <= c <= e * (1 + tolerance)
    if loose:
        return abs(c - e) <= tolerance * max(abs(c), abs(e))
    return _same_when_rounded(c, e)


def _times_agree(claim: Quantity, evidence: Quantity) -> bool:
    """Times of day agree to the minute; "about 8 a.m." within half an hour; "after 6 a.m."
    within the hour after it, "before" within the hour before."""
    turn = 720 if _TWELVE_HOURS in claim.unit + evidence.unit else 1440
    # (in the claim's zone; a zone with summer time may be read either way)
    return any(_gap_agrees(claim, evidence, (evidence.value + shift - claim.value + turn / 2)
                           % turn - turn / 2)
               for shift in _zone_shifts(claim, evidence))


def _gap_agrees(claim: Quantity, evidence: Quantity, gap: float) -> bool:
    """Whether a time of day ``gap`` minutes later than the claim's agrees with it, given both
    qualifiers."""
    if Bound.APPROX in (claim.bound, evidence.bound):
        return abs(gap) <= 30
    if claim.bound is Bound.AT_LEAST or evidence.bound is Bound.AT_MOST:
        return -1 <= gap <= 60
    if claim.bound is Bound.AT_MOST or evidence.bound is Bound.AT_LEAST:
        return -60 <= gap <= 1
    # a deadline at "11:59 p.m." or "12:01 a.m." is one "at midnight" (and so at noon)
    at_twelve = any(q.value % 720 == 0 for q in (claim, evidence))
    return abs(gap) < 1 or at_twelve and abs(gap) <= 1


def _zone_shifts(claim: Quantity, evidence: Quantity) -> list[float]:
    """The minutes to add to the evidence's time of day to read it in the claim's zone: none
    when both share a zone or one names none; one per pair of UTC offsets otherwise."""
    mine, theirs = _zone(claim), _zone(evidence)
    if mine == theirs or not mine or not theirs:
        return [0.0]
    return sorted({60.0 * (c - e) for c in _ZONE_OFFSETS[mine] for e in _ZONE_OFFSETS[theirs]})


def _approx_tolerance(claim: Quantity, evidence: Quantity) -> float:
    """How far "about N" may be from the other figure: up to 10 % for a round number ("about
    2,300"), a few units of the last digit for a precise one ("about $103.1 million" is not
    $101.98 million)."""
    spreads = [min(0.1, max(0.003, 3 * _precision(q.value) / abs(q.value)))
               for q in (claim, evidence) if q.bound == Bound.APPROX and q.value]
    return max(spreads, default=0.1)


def _step(seconds: float) -> float:
    """The precision a length of time is given to: a second, or its last decimal (9.85: 0.01)."""
    return _precision(seconds) if seconds % 1 else 1.0


def _same_when_rounded(a: float, b: float) -> bool:
    """Exact figures agree when equal, or when one is the other rounded ($1.52bn ~ $1.5bn), or
    (units converted, "62 miles" ~ "100 km") within half a percent, unless both are told to
    five significant digits or more: "41,622.08" is no "41,503.1", nor 21,225 votes 21,252."""
    largest = max(abs(a), abs(b))
    if abs(a - b) <= 0.005 * largest and min(_significant(a), _significant(b)) < 5:
        return True
    if abs(a - b) > 0.05 * largest:
        return False
    return _rounds_to(b, a) or _rounds_to(a, b)


def _rounds_to(value: float, rounded: float) -> bool:
    step = _precision(rounded)
    return step > 0 and abs(round(value / step) * step - rounded) < step * 1e-6


def _significant(value: float) -> int:
    """How many significant digits a figure is told to (41,622.08: 7; 2,300: 2)."""
    step = _precision(value)
    if step == 0:
        return 0
    return math.floor(math.log10(abs(value))) - round(math.log10(step)) + 1


def _precision(value: float) -> float:
    """The place of the last significant digit: 1.5e9 -> 1e8, 2300 -> 100."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    step = 10.0 ** math.floor(math.log10(abs(value)))
    while step > 1e-6 and abs(value / step - round(value / step)) > 1e-9:
        step /= 10
    return step

