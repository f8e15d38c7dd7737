"""Typed names: which capitalised words of an article are organisations, people, places or things.

A name's kind is voted from cues around its mentions (company suffixes and verbs, titles, speech
verbs, a gazetteer, model numbers). :class:`Entities` then tells which organisation, person,
country or city the article means at a given point, for :mod:`factcheck.claims.references`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from factcheck.analysis.names import STORM_HEADS
from factcheck.claims.grammar import (
    Token,
    is_adverb,
    is_finite,
    is_possessive,
    is_verb_form,
    strip_possessive,
    word_tokens,
)
from factcheck.claims.lexicon import (
    AUXILIARIES,
    CITIES,
    COMMON_ACRONYMS,
    COMMON_NOUN_ENDINGS,
    COMPANY_SUFFIXES,
    COMPANY_VERBS,
    CONTRAST_OPENERS,
    COUNTRIES,
    DEMONYMS,
    DETERMINERS,
    FACILITIES,
    FOUNDING_VERBS,
    FUNCTION_WORDS,
    I_FORMS,
    MONTH_PREPOSITIONS,
    MONTHS,
    NAMING_VERBS,
    ORDINALS,
    ORG_NOUNS,
    ORG_WORDS,
    PERSON_TITLES,
    PLACE_HEADS,
    PLACE_NAMES,
    PREPOSITIONS,
    RELATIVES,
    SPEECH_VERBS,
    THING_PREFIXES,
    TITLE_MODIFIERS,
    UNITS,
    WEEKDAYS,
)
from factcheck.claims.segment import Sentence

_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PLURAL_ACRONYM = re.compile(r"[A-Z0-9]{2,}s")


class EntityKind(Enum):
    """What a capitalised name stands for."""

    ORGANISATION = "organisation"
    PERSON = "person"
    PLACE = "place"
    THING = "thing"  # a product, model, project or event: "SU7", "Project Titan", "CES 2019"
    PHRASE = "phrase"  # a singular common noun phrase: "the plant"


@dataclass(frozen=True, slots=True)
class _Mention:
    """One occurrence of a name: canonical name, kind, sentence, characters, grammatical role."""

    name: str
    kind: EntityKind
    sentence: int
    start: int
    end: int
    subject: bool


# the head a sentence-initial storm name may have lost to the sentence ("Hurricane| Otis hit")
_STORM_BEFORE = re.compile(r"\b(Storm|Cyclone|Typhoon|Hurricane)\s+$")
_SUBJECT_WINDOW = 2  # sentences back in which a subject organisation outranks the main one
_COUNTRY_WINDOW = 2  # sentences back in which a named country is "the country"


class Entities:
    """Capitalised names in the article, typed, with every mention in reading order.

    A name's kind is voted from cues around its mentions (:func:`_evidence`): company suffixes
    and verbs, titles and speech verbs, a gazetteer, model numbers. A one-word name that opens
    a longer organisation name or is part of a person's ("Nordvik" for "Nordvik Motors", "Lei"
    for "Lei Jun") is an alias of it. The main organisation is the most mentioned one, a
    mention in the headline counting double.
    """

    def __init__(self, text: str, sentences: Sequence[Sentence], headline: str) -> None:
        self.text = text
        tokenised = [(s.index, word_tokens(text, s.start, s.end)) for s in sentences]
        lower_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][\w&'\u2019-]*", text))
        headline_words = {
            strip_possessive(word).lower() for word in re.findall(r"[\w&'\u2019.-]+", headline)
        }
        proper = _proper_words(tokenised, lower_words, headline_words)
        votes: dict[str, Counter[EntityKind]] = {}
        found: list[tuple[str, int, int, int, bool]] = []
        employers: dict[str, str] = {}
        introduced: dict[int, str] = {}
        for index, toks in tokenised:
            aside = _aside_indices(toks)
            for name, first, last in _name_runs(toks, proper):
                if first > 0 and toks[first - 1].text == "(":
                    continue  # a ticker or abbreviation: "Apple (AAPL)"
                votes.setdefault(name, Counter()).update(_evidence(toks, first, last, name))
                subject = first not in aside and _is_subject_mention(toks, first, last)
                found.append((name, index, toks[first].start, toks[last].end, subject))
                employer = _employer(toks, first, last)
                if employer:
                    employers[name] = employer
                if _closing_appositive(toks, last):
                    introduced[index] = name
        kinds = {name: _decide(vote) for name, vote in votes.items()}
        self.canonical = _aliases(kinds)
        self.kinds = {self.canonical.get(name, name): kind for name, kind in kinds.items()}
        for alias, name in self.canonical.items():
            self.kinds[alias] = self.kinds[name]
        self.mentions = [
            _Mention(self.canonical.get(name, name), self.kinds[name], index, start, end, subject)
            for name, index, start, end, subject in found
        ]
        self.names = frozenset(self.kinds)
        counts = Counter(mention.name for mention in self.mentions)
        in_headline = {
            name for name in counts if _in_headline(name, self.canonical, headline_words)
        }
        scores = {
            name: counts[name] + 2 * (name in in_headline)
            for name in counts
            if self.kinds[name] is EntityKind.ORGANISATION
            and (counts[name] >= 2 or name in in_headline)
        }
        self.main = max(scores, key=lambda name: (scores[name], -self._first(name)), default=None)
        self.employers = {
            self.canonical.get(person, person): self.canonical.get(org, org)
            for person, org in employers.items()
            if self.kinds.get(self.canonical.get(org, org)) is EntityKind.ORGANISATION
        }
        # sentence -> the organisation its closing appositive describes: "..., a joint venture
        # in which Honda holds 60%."
        self.introduced = {
            index: self.canonical.get(name, name)
            for index, name in introduced.items()
            if self.kinds[name] is EntityKind.ORGANISATION
        }
        countries = [m for m in self.mentions if m.name.lower() in COUNTRIES]
        country_counts = Counter(m.name for m in countries)
        self.countries = countries
        self.main_country = max(
            country_counts, key=lambda name: (country_counts[name], -self._first(name)),
            default=None,
        )
        self.cities = [
            (city, m.sentence, m.start)
            for m in self.mentions
            if m.kind is EntityKind.PLACE
            for city in [_city_in(m.name)]
            if city
        ]

    def _first(self, name: str) -> int:
        return min((m.start for m in self.mentions if m.name == name), default=0)

    def kind_of(self, name: str) -> EntityKind | None:
        """The kind of a name (or alias) mentioned in the article, else None."""
        return self.kinds.get(name)

    def display(self, name: str) -> str:
        """The name to write for a mention: the full name of an alias ("Lei" -> "Lei Jun")."""
        return self.canonical.get(name, name)

    def organisation_at(
        self, sentence: int, offset: int, subjects: Sequence[tuple[int, int, str]] = ()
    ) -> str | None:
        """The organisation "the company" means at character ``offset`` of sentence ``sentence``.

        In order: the organisation that was last a clause subject in this or the two sentences
        before (``subjects`` adds resolved ones, as ``(sentence, offset, name)``); the main
        organisation; the organisation named last.
        """
        recent = [
            (m.sentence, m.start, m.name)
            for m in self.mentions
            if m.subject and m.kind is EntityKind.ORGANISATION
        ] + list(subjects)
        window = [
            (s, start, name)
            for s, start, name in recent
            if sentence - _SUBJECT_WINDOW <= s <= sentence and start < offset
        ]
        if window:
            nearest = max(s for s, _, _ in window)
            closest = [item for item in window if item[0] == nearest]
            if any(name == self.main for _, _, name in closest):
                return self.main
            return max(closest)[2]
        if self.main:
            return self.main
        earlier = [
            (m.start, m.name)
            for m in self.mentions
            if m.kind is EntityKind.ORGANISATION and m.start < offset
        ]
        return max(earlier)[1] if earlier else None

    def introduced_in(self, sentence: int) -> str | None:
        """The organisation sentence ``sentence`` ends by describing ("... in Sony Honda
        Mobility, a joint venture in which Honda holds 60%."): what a next "Its first car"
        is about."""
        return self.introduced.get(sentence)

    def country_at(self, sentence: int, offset: int) -> str | None:
        """"The country": one named in this or the two sentences before, else the article's."""
        before = [m for m in self.countries if m.start < offset]
        recent = [m for m in before if sentence - m.sentence <= _COUNTRY_WINDOW]
        if recent:
            return max(recent, key=lambda m: m.start).name
        if self.main_country and any(m.name == self.main_country for m in before):
            return self.main_country
        return max(before, key=lambda m: m.start).name if before else None

    def city_before(self, offset: int) -> str | None:
        """"The city": the last city named before ``offset``."""
        before = [(start, city) for city, _, start in self.cities if start < offset]
        return max(before)[1] if before else None

    def person_before(self, offset: int) -> str | None:
        """"He"/"she": the last person named before ``offset``."""
        people = [m for m in self.mentions if m.kind is EntityKind.PERSON and m.start < offset]
        return max(people, key=lambda m: m.start).name if people else None

    def storm_before(self, offset: int) -> str | None:
        """"The storm", "the cyclone": the storm named most often before ``offset``, the last of
        those ("Cyclone Remal", "Hurricane Milton")."""
        storms = [(m.start, m.name) for m in self.mentions if m.start < offset
                  and m.name.split()[0].lower() in STORM_HEADS and len(m.name.split()) > 1]
        # (a name the article opens a sentence with may lose its "Hurricane" to the sentence)
        storms += [(m.start, f"{word.group(1)} {m.name}") for m in self.mentions
                   if m.start < offset and (word := _STORM_BEFORE.search(
                       self.text, max(0, m.start - 12), m.start)) is not None]
        # the storm the article is about, not one it compares it with ("the strongest since
        # Hurricane Patricia"): the most named, then the last
        counts = Counter(name for _, name in storms)
        return max(storms, key=lambda pair: (counts[pair[1]], pair[0]))[1] if storms else None

    def thing_before(self, sentence: int, offset: int) -> str | None:
        """The product named last in this or the three sentences before ``offset``."""
        things = [
            m
            for m in self.mentions
            if m.kind is EntityKind.THING and m.start < offset and sentence - m.sentence <= 3
        ]
        return max(things, key=lambda m: m.start).name if things else None


def _proper_words(
    tokenised: Sequence[tuple[int, list[Token]]], lower_words: set[str], headline: set[str]
) -> set[str]:
    """Capitalised words that are names wherever they stand, even first in a sentence.

    A word capitalised mid-sentence is one; a sentence's first word only with a reason: it is
    an acronym, a company suffix or another name follows it, it is a possessive or the subject
    of a company verb, or the headline has it; and never when the article also writes it in
    lower case or it looks like a common noun ("Management", "Deliveries").
    """
    proper: set[str] = set()
    for _, toks in tokenised:
        for i in range(1, len(toks)):
            if toks[i].is_word and toks[i].text[:1].isupper() and not _opens_quote(toks, i):
                proper.add(strip_possessive(toks[i].text))
    for _, toks in tokenised:
        starts = [0] + [i for i in range(1, len(toks)) if _opens_quote(toks, i)]
        for i in starts:
            if i < len(toks) and _is_initial_name(toks, i, lower_words, proper, headline):
                proper.add(strip_possessive(toks[i].text))
    return proper


def _opens_quote(toks: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` starts a quotation or a clause after a colon ("...: "If ...")."""
    return i > 0 and toks[i - 1].text in ('"', "\u201c", "\u2018", ":", "(")


def _is_initial_name(
    toks: Sequence[Token], i: int, lower_words: set[str], proper: set[str], headline: set[str]
) -> bool:
    """Whether the first word of a sentence (or quotation) reads as a name."""
    word = strip_possessive(toks[i].text)
    lower = word.lower()
    if not word[:1].isupper() or lower in lower_words or not word.replace("-", "").isalnum():
        return False
    if word.isupper() and len(word) >= 2 and lower not in COMMON_ACRONYMS:
        return not _PLURAL_ACRONYM.fullmatch(word)
    if lower in FUNCTION_WORDS or len(word) < 3 or lower in MONTHS | WEEKDAYS | DEMONYMS:
        return False
    if lower in TITLE_MODIFIERS:
        return False  # "Former Intel engineer Sam Okafor": "Former" is not part of the name
    following = toks[i + 1] if i + 1 < len(toks) else None
    if lower in PLACE_NAMES or (
        following is not None and f"{lower} {following.lower}" in PLACE_NAMES
    ):
        return True
    if following is not None and not is_possessive(toks[i].text):
        if following.lower.rstrip(".") in COMPANY_SUFFIXES:
            return True  # "Tesla Inc."
        if following.text[:1].isupper() and strip_possessive(following.text) in proper:
            return True  # "Siemens Energy"
    if lower.endswith(COMMON_NOUN_ENDINGS + ("ly",)) or (
        lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    ):
        return False  # "Management", "Deliveries"
    if is_possessive(toks[i].text) or lower in headline:
        return True
    return _company_verb_follows(toks, i + 1)


def _is_name_word(toks: Sequence[Token], i: int, proper: set[str]) -> bool:
    """Whether token ``i`` can be part of a proper name.

    Titles and words before them ("Former"), company suffixes, months ("Nov. 27", "in May"),
    weekdays, units, demonyms, common acronyms ("EV") and plural acronyms ("GPUs") are not; a
    sentence's first word only if it is ``proper``.
    """
    tok = toks[i]
    bare = strip_possessive(tok.text)
    if not tok.is_word or not bare[:1].isupper() or _INITIALS.fullmatch(bare):
        return False
    lower = bare.lower().rstrip(".")
    if lower in PERSON_TITLES or lower in COMPANY_SUFFIXES or lower in I_FORMS:
        return False
    if lower in TITLE_MODIFIERS and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return False  # "Former Intel engineer", "Late Chairman X"
    if lower in WEEKDAYS or lower in DEMONYMS or lower in UNITS:
        return False
    previous = toks[i - 1].lower if i > 0 else ""
    if lower in MONTHS and (len(lower) > 3 or _dated(toks, i) or previous in MONTH_PREPOSITIONS):
        return False  # "Nov. 27", "Aug 2022", "March", "in May" (but "Lei Jun" is a name)
    if lower in COMMON_ACRONYMS or (bare.isupper() and len(bare) < 2):
        return False
    if _PLURAL_ACRONYM.fullmatch(bare):
        return False
    if "-" in bare and any(part[:1].islower() for part in bare.split("-")[1:]):
        return False  # "Xiaomi-branded" is an adjective
    if is_verb_form(lower) and lower.endswith("ed"):
        return False
    if i == 0 or _opens_quote(toks, i):
        return bare in proper
    return True


def _dated(toks: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` is abbreviated or followed by a number, as a month would be
    ("Nov. 27", "Aug 2022"; the tokenizer leaves the full stop on "Jun." only before a date,
    so "said Lei Jun." ends with a name)."""
    following = toks[i + 1].text if i + 1 < len(toks) else ""
    return following[:1].isdigit() or toks[i].text.endswith(".")


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "del", "della", "du",
                            "dos", "das", "le", "la", "bin", "ibn", "al"})
"""Lower-case words inside a name ("von der Leyen", "da Silva", "bin Salman")."""


def _name_runs(toks: Sequence[Token], proper: set[str]) -> list[tuple[str, int, int]]:
    """``(name, first, last)`` for every run of consecutive name words."""
    runs: list[tuple[str, int, int]] = []
    i = 0
    while i < len(toks):
        if not _is_name_word(toks, i, proper):
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and not is_possessive(toks[j].text):
            if _is_name_word(toks, j + 1, proper):
                j += 1
                continue
            # "Ursula von der Leyen", "Ludwig van Beethoven": particles inside a person's name
            k = j + 1
            while k < len(toks) and toks[k].text in NAME_PARTICLES:
                k += 1
            if k == j + 1 or k >= len(toks) or not _is_name_word(toks, k, proper):
                break
            j = k
        name = " ".join(strip_possessive(tok.text).rstrip(".") for tok in toks[i : j + 1])
        if name.lower() not in FUNCTION_WORDS:
            runs.append((name, i, j))
        i = j + 1
    return runs


def _evidence(toks: Sequence[Token], first: int, last: int, name: str) -> Counter[EntityKind]:
    """Votes for what one mention of ``name`` (tokens ``first..last``) stands for.

    Strong cues count 3: a company word in the name ("Dongfeng Motor"), a gazetteer place, a
    title before it ("founder Tony Chen"), a model number ("SU7", "Afeela 1"). Weaker cues
    count 1-2: a speech verb after it, an organisation noun before it ("rival Polestar") or in
    an appositive ("Borgward, the German brand"), "in" before it (a place), a common noun after
    it ("the Ocean Blue paint"), a company verb after it ("Xiaomi sold"), founding a name (a
    person: "Lei Jun founded Xiaomi") or being founded (an organisation).
    """
    # Votes are floats: Counter holds any number, but typeshed types its counts as int.
    votes: Counter[EntityKind] = Counter()
    words = name.split()
    lowers = [word.lower() for word in words]
    before = toks[first - 1].lower.rstrip(".") if first > 0 else ""
    nxt = toks[last + 1] if last + 1 < len(toks) else None
    after = nxt.lower.rstrip(".") if nxt is not None else ""
    after2 = toks[last + 2].lower if last + 2 < len(toks) else ""
    possessive = is_possessive(toks[last].text)
    votes[EntityKind.ORGANISATION] += 0.25  # type: ignore[assignment]  # the default for a name with no other cue
    if any(ch.isdigit() for ch in name):
        votes[EntityKind.THING] += 3
    elif nxt is not None and not possessive and re.fullmatch(r"\d{1,3}[A-Za-z+]?", nxt.text):
        votes[EntityKind.THING] += 3  # "Afeela 1", "Volt 2", "iPhone 14"
    elif nxt is not None and re.fullmatch(r"(?:19|20)\d\d", nxt.text):
        votes[EntityKind.THING] += 1  # an event: "CES 2019"
    if lowers[-1] in ORG_WORDS or any(word in ORG_WORDS for word in lowers[1:]):
        votes[EntityKind.ORGANISATION] += 3
    if after in COMPANY_SUFFIXES:
        votes[EntityKind.ORGANISATION] += 3
    if len(words) > 1 and lowers[0] in THING_PREFIXES:
        votes[EntityKind.THING] += 3
    if name.lower() in PLACE_NAMES or (len(words) > 1 and lowers[-1] in PLACE_HEADS):
        votes[EntityKind.PLACE] += 3
    if before in PERSON_TITLES:
        votes[EntityKind.PERSON] += 3
    founded = toks[last + 2].text if last + 2 < len(toks) else ""
    if after in FOUNDING_VERBS and not possessive and founded[:1].isupper():
        votes[EntityKind.PERSON] += 2  # "Lei Jun founded Xiaomi": people found companies
    if before in FOUNDING_VERBS:
        votes[EntityKind.ORGANISATION] += 2  # "... founded Kestrel Cycles"
    if after in SPEECH_VERBS:
        votes[EntityKind.PERSON] += 3 if after2 in ("he", "she") else 1
    if before in SPEECH_VERBS and first > 1:
        votes[EntityKind.PERSON] += 1  # "..., said Lei Jun"
    if after in PERSON_TITLES and not possessive:
        votes[EntityKind.ORGANISATION] += 2  # "Xiaomi president Lu Weibing"
    if before in ORG_NOUNS or _appositive_noun(toks, last) in ORG_NOUNS:
        votes[EntityKind.ORGANISATION] += 2
    if before in NAMING_VERBS:
        votes[EntityKind.THING] += 2
    if before in ("in", "near", "across", "inside", "outside", "throughout", "within"):
        votes[EntityKind.PLACE] += 1
    attributive = (
        nxt is not None
        and nxt.text.isalpha()
        and nxt.text.islower()
        and after not in FUNCTION_WORDS
        and after not in FACILITIES
        and after not in ORG_NOUNS
        and not is_verb_form(after)
        and not possessive
    )
    if attributive and (before in DETERMINERS or before in ORDINALS):
        votes[EntityKind.THING] += 1  # "the Ocean Blue paint", "its first Vision-S concept"
    if possessive:
        votes[EntityKind.ORGANISATION] += 0.5  # type: ignore[assignment]
    elif _company_verb_follows(toks, last + 1):
        votes[EntityKind.ORGANISATION] += 1
    if len(words) == 2 and all(
        word.isalpha() and word[:1].isupper() and word[1:].islower() for word in words
    ):
        votes[EntityKind.PERSON] += 0.75  # type: ignore[assignment]  # "Lei Jun"
    if name.isupper() and len(name) >= 2:
        votes[EntityKind.ORGANISATION] += 0.5  # type: ignore[assignment]
    return votes


_KIND_ORDER = (EntityKind.PERSON, EntityKind.PLACE, EntityKind.THING, EntityKind.ORGANISATION)


def _decide(votes: Counter[EntityKind]) -> EntityKind:
    """The kind with most votes; ties go to the rarer kinds first (people, places, things)."""
    return max(_KIND_ORDER, key=lambda kind: (votes[kind], -_KIND_ORDER.index(kind)))


def _aliases(kinds: dict[str, EntityKind]) -> dict[str, str]:
    """One-word names that stand for a longer name: "Lei" -> "Lei Jun", "Nordvik" ->
    "Nordvik Motors" (not "Sony" -> "Sony Honda Mobility": "Honda" is a name of its own)."""
    singles = {name for name in kinds if " " not in name}
    aliases: dict[str, str] = {}
    for name, kind in kinds.items():
        words = name.split()
        if len(words) < 2:
            continue
        if kind is EntityKind.PERSON:
            candidates = [words[0], words[-1]]
        elif kind is EntityKind.ORGANISATION and not any(word in singles for word in words[1:]):
            candidates = [words[0]]
        else:
            continue
        for word in candidates:
            if word in singles and kinds[word] is not EntityKind.PLACE and word not in aliases:
                aliases[word] = name
    return aliases


def _in_headline(name: str, canonical: dict[str, str], headline: set[str]) -> bool:
    """Whether the headline names an organisation, by its full name, an alias or the word its
    name opens with ("Kestrel's New E-Bike" names Kestrel Cycles)."""
    names = [name, name.split()[0]] + [alias for alias, full in canonical.items() if full == name]
    return any(all(word.lower() in headline for word in n.split()) for n in names)


def _city_in(name: str) -> str | None:
    """The city a place name is or contains ("Beijing Economic-Technological Zone" -> Beijing)."""
    words = name.split()
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            if " ".join(words[k : k + size]).lower() in CITIES:
                return " ".join(words[k : k + size])
    return None


def _employer(toks: Sequence[Token], first: int, last: int) -> str | None:
    """The organisation a person works for, from "Xiaomi president Lu Weibing" or "Wang
    Chuanfu, BYD's founder," (but not from "former Intel engineer X")."""
    if last + 3 < len(toks) and toks[last + 1].text == ",":
        org, title = toks[last + 2], toks[last + 3]
        if is_possessive(org.text) and org.text[:1].isupper() and title.lower in PERSON_TITLES:
            return strip_possessive(org.text)
    if first < 2 or toks[first - 1].lower not in PERSON_TITLES:
        return None
    org = toks[first - 2]
    if not org.text[:1].isupper() or (first >= 3 and toks[first - 3].lower == "former"):
        return None
    return strip_possessive(org.text)


def _appositive_noun(toks: Sequence[Token], last: int) -> str:
    """The organisation noun of an appositive after a name: "Borgward, the German brand"."""
    if last + 2 >= len(toks) or toks[last + 1].text != ",":
        return ""
    if toks[last + 2].lower not in ("a", "an", "the"):
        return ""
    for tok in toks[last + 3 : last + 8]:
        if tok.text == ",":
            break
        if tok.lower in ORG_NOUNS:
            return tok.lower
    return ""


def _closing_appositive(toks: Sequence[Token], last: int) -> bool:
    """Whether the name ending at ``last`` is described by an appositive with an organisation
    noun that runs to the end of the sentence: "Sony Honda Mobility, a joint venture in which
    Honda holds 60%."."""
    if not _appositive_noun(toks, last):
        return False
    return not any(tok.text in (",", ";") for tok in toks[last + 2 :])


def _aside_indices(toks: Sequence[Token]) -> set[int]:
    """Token indices inside a side clause, whose subject is not what the sentence is about: a
    contrasted clause (", while ..."; "Whereas ..., ") or a relative clause up to its comma
    ("a joint venture in which Honda holds 60%")."""
    inside: set[int] = set()
    for i, tok in enumerate(toks):
        if tok.lower in RELATIVES or tok.lower == "whom":
            close = next((k for k in range(i + 1, len(toks)) if toks[k].text == ","), len(toks))
            inside.update(range(i, close))
    if toks and toks[0].lower in CONTRAST_OPENERS:
        comma = next((i for i, tok in enumerate(toks) if tok.text == ","), len(toks))
        inside.update(range(comma))
    for i in range(1, len(toks)):
        if toks[i].lower in ("while", "whereas") and toks[i - 1].text == ",":
            inside.update(range(i, len(toks)))
            break
    return inside


def _is_subject_mention(toks: Sequence[Token], first: int, last: int) -> bool:
    """Whether the name at ``first..last`` is the subject of the verb right after it."""
    if is_possessive(toks[last].text):
        return False
    if first > 0 and toks[first - 1].lower in PREPOSITIONS:
        return False
    k = last + 1
    while k < len(toks) - 1 and is_adverb(toks[k].lower):
        k += 1
    return k < len(toks) and (toks[k].lower in AUXILIARIES or is_finite(toks, k))


_IRREGULAR_STEMS = {
    "sold": "sell", "built": "build", "bought": "buy", "made": "make", "won": "win",
    "led": "lead", "paid": "pay", "spent": "spend", "began": "begin",
}


def _company_verb_follows(toks: Sequence[Token], k: int) -> bool:
    """Whether a company verb follows at ``k`` (after adverbs and auxiliaries): "sold",
    "has launched", "will also build"."""
    while k < len(toks) and (is_adverb(toks[k].lower) or toks[k].lower in AUXILIARIES):
        k += 1
    if k >= len(toks) or not toks[k].text.islower():
        return False
    lower = toks[k].lower
    stems = {lower, _IRREGULAR_STEMS.get(lower, "")}
    for suffix in ("s", "es", "ed", "d"):
        if lower.endswith(suffix):
            stems.add(lower[: -len(suffix)])
    if lower.endswith("ied") or lower.endswith("ies"):
        stems.add(lower[:-3] + "y")
    if len(lower) > 4 and lower.endswith("ed") and lower[-3] == lower[-4]:
        stems.add(lower[:-3])
    return bool(stems & COMPANY_VERBS)
