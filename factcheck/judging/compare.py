"""How one passage relates to a claim: figures, dates, names, words and negation compared.

A :class:`Comparison` is computed once per (claim, passage) by :func:`compare_all` and handed to
every judge and feature that needs it. Numbers are compared with units, currencies and scale
words, dates as intervals (years, quarters, halves, months), and ordinals in their scope.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeAlias

from factcheck.analysis.binding import Parser
from factcheck.analysis.names import (
    BODY_HEADS,
    COMPANY_WORDS,
    MONTH_NAMES,
    PEOPLE_BY_COUNTRY,
    TITLES,
    WEEKDAYS,
    Name,
    NameIndex,
    NameKind,
    alias_in,
    has_word,
    heads_another,
    is_country,
    is_people,
    may_stand_for,
    mentioned,
    name_in,
    name_key,
    same_name,
    spelt_otherwise,
    within,
    without_first_word,
)
from factcheck.analysis.places import capital_of, city, encloses, known
from factcheck.analysis.quantities import (
    AGE,
    AGE_OWNER,
    DAY_OF_YEAR,
    DURATION,
    ELLIPTIC,
    REPEAT,
    SCALE_WORDS,
    SCORE,
    Bound,
    Quantity,
    QuantityKind,
    agree,
    as_metres_where,
    comparable,
    extract_quantities,
    implied_firsts,
    in_seconds,
    is_time_of_day,
    parse_number,
    ranked_superlatives,
    says_number,
    spelled_numbers,
)
from factcheck.records import Hit
from factcheck.text import STOPWORDS, fold, stem, tokenize

# Negation cues: the rules judge's (news wording) and a broader everyday set for the learned
# judge's features ("a myth", "lacks evidence"), which learns how much each is worth. ("No. 1"
# is a number.)
NEGATION = re.compile(
    r"\b(not|no(?!\.\s*\d)|never|none|nobody|neither|nor|without|cannot|can't|won't|isn't|"
    r"aren't|wasn't|"
    r"weren't|doesn't|don't|didn't|hasn't|haven't|hadn't|failed to|failure to|yet to|unable to|"
    r"rul(?:e|es|ed|ing) out|declin(?:e|es|ed|ing) to|refus(?:e|es|ed|ing) to|"
    r"(?:decid|opt)(?:e|es|ed|ing) against|stop(?:s|ped|ping)? short of|"
    r"refrain(?:s|ed|ing)? from)\b",
    re.IGNORECASE,
)
GENERAL_NEGATION = re.compile(
    r"\b(not|no(?!\.\s*\d)|never|none|nobody|nothing|neither|nor|without|cannot|can't|won't|"
    r"isn't|aren't|"
    r"wasn't|weren't|doesn't|don't|didn't|hasn't|haven't|hadn't|shouldn't|couldn't|wouldn't|"
    r"fail(?:s|ed|ure)? to|yet to|rul(?:e|es|ed|ing) out|lack(?:s|ed|ing)?|absence|unlikely|"
    r"refus(?:e|es|ed|ing) to|declin(?:e|es|ed|ing) to|false|myth|hoax|"
    r"stop(?:s|ped|ping)? short of|refrain(?:s|ed|ing)? from)\b",
    re.IGNORECASE,
)
# A planned figure ("will invest $10 billion") and an achieved one ("has invested $1.5 billion")
# measure different things: they never contradict each other.
_PLAN = re.compile(
    r"\b(will|would|plans?|planned|planning|aims?|aimed|intends?|intended|expects?|expected|"
    # ("a goal of 500,000 cars" is a target; "his winning goal" a score)
    r"targets?|targeted|goals?(?=\s+(?:of|to|is\s+to|was\s+to)\b)|pledged?|commit(?:s|ted)?)\b",
    re.IGNORECASE,
)
_CAPACITY = re.compile(r"\b(capacity|capable|able to|can|could|output of)\b", re.IGNORECASE)
# Opposites that make a news claim and a passage disagree ("rose" vs "fell").
ANTONYMS = [
    ("increase", "decrease"), ("rise", "fall"), ("rose", "fell"), ("grow", "shrink"),
    ("gain", "loss"), ("profit", "loss"), ("more", "less"), ("higher", "lower"),
    ("largest", "smallest"), ("first", "last"), ("before", "after"), ("earlier", "later"),
    ("approve", "reject"), ("allow", "ban"), ("open", "close"), ("open", "shut"), ("buy", "sell"),
    ("acquire", "sell"), ("launch", "cancel"), ("success", "failure"), ("win", "lose"),
    ("domestic", "foreign"), ("private", "public"), ("cheaper", "pricier"),
    ("ahead", "behind"), ("trail", "lead"), ("trail", "front"), ("behind", "front"),
    ("accelerate", "delay"), ("start", "stop"), ("begin", "end"),
    ("raise", "lower"), ("raise", "cut"), ("improve", "worsen"), ("fastest", "slowest"),
    ("highest", "lowest"), ("best", "worst"), ("north", "south"), ("east", "west"),
    ("above", "below"), ("surplus", "deficit"), ("expand", "contract"), ("widen", "narrow"),
    ("strengthen", "weaken"), ("intensify", "ease"), ("intensify", "weaken"),
    ("climb", "fall"), ("climb", "drop"), ("rise", "decline"),
    ("grew", "shrank"), ("grow", "decline"), ("grow", "contract"), ("expand", "shrink"),
    ("up", "down"), ("gain", "lose"), ("win", "lose"),
    ("won", "lost"), ("beat", "miss"), ("exceed", "miss"), ("upgrade", "downgrade"),
    ("inflow", "outflow"), ("import", "export"), ("youngest", "oldest"), ("longest", "shortest"),
    ("largest", "smallest"), ("biggest", "smallest"), ("heaviest", "lightest"),
    ("faster", "slower"), ("higher", "lower"), ("stronger", "weaker"), ("better", "worse"),
    ("bullish", "bearish"), ("surge", "plunge"), ("jump", "slump"), ("increase", "cut"),
    ("increase", "reduce"), ("increase", "drop"), ("increase", "fall"), ("rise", "drop"),
    ("positive", "negative"), ("positively", "negatively"), ("enhance", "reduce"),
    ("enhance", "inhibit"), ("enhance", "impair"), ("promote", "inhibit"),
    ("promote", "suppress"), ("upregulate", "downregulate"), ("upregulated", "downregulated"),
    ("activate", "deactivate"), ("activate", "inhibit"), ("increase", "lower"),
    ("reduce", "raise"), ("more", "fewer"), ("higher", "reduced"), ("worsen", "improve"),
    ("strong", "weak"), ("benefit", "harm"), ("safe", "unsafe"), ("effective", "ineffective"),
    ("likely", "unlikely"), ("able", "unable"), ("accelerate", "slow"), ("boost", "reduce"),
    # assent and refusal
    ("agree", "refuse"), ("accept", "refuse"), ("accept", "reject"), ("accept", "decline"),
    ("agree", "decline"), ("approve", "refuse"), ("allow", "refuse"), ("allow", "forbid"),
    ("grant", "deny"), ("confirm", "deny"), ("admit", "deny"), ("support", "oppose"),
    ("ahead", "later"), ("early", "late"),
    # places and extremes inside a series
    ("innermost", "outermost"), ("inner", "outer"), ("upper", "lower"),
    ("upstream", "downstream"), ("northern", "southern"), ("eastern", "western"),
    ("northeast", "southwest"), ("northwest", "southeast"),
    # (neighbouring points differ too: "southwest of Damascus" against "northwest of Damascus")
    ("northeast", "northwest"), ("northeast", "southeast"), ("northwest", "southwest"),
    ("southeast", "southwest"),
    ("inbound", "outbound"), ("earliest", "latest"), ("oldest", "newest"), ("minimum", "maximum"),
    ("smaller", "larger"), ("smallest", "biggest"), ("shorter", "longer"), ("narrower", "wider"),
    # comparatives of opposite adjectives
    ("easier", "harder"), ("easiest", "hardest"), ("older", "younger"), ("warmer", "colder"),
    ("wetter", "drier"),
    ("heavier", "lighter"), ("deeper", "shallower"), ("richer", "poorer"), ("safer", "riskier"),
    ("louder", "quieter"), ("tighter", "looser"), ("cheaper", "costlier"),
    # noun forms the stemmer does not bring together ("losses", "growth"; past forms such as
    # "lost" meet their base through _verb_words)
    ("gain", "losses"), ("profit", "losses"),
    ("growth", "decline"), ("growth", "contraction"), ("growth", "shrink"), ("boost", "cut"),
    ("lengthen", "shorten"), ("extend", "shorten"), ("increase", "reduction"),
    # going ahead against calling off; speeding up against slowing
    ("ahead", "cancel"), ("ahead", "postpone"), ("proceed", "cancel"), ("proceed", "postpone"),
    ("sped", "slow"), ("speed", "slow"), ("quicken", "slow"),
    ("increases", "reductions"), ("comeback", "squandered"),
    # placings told with the other word of a ranking ("ahead of Ambani", "fell below Ambani")
    ("ahead", "below"), ("above", "behind"),
]
# Opposites of everyday language that are not the rules judge's business in news ("man" vs
# "woman", "safe" vs "dangerous"): the learned judge's antonym cue uses ANTONYMS and these.
GENERAL_OPPOSITES = [
    ("increase", "reduce"), ("increase", "lower"), ("rise", "drop"), ("more", "fewer"),
    ("high", "low"), ("larger", "smaller"), ("large", "small"), ("long", "short"),
    ("longer", "shorter"), ("strong", "weak"), ("stronger", "weaker"), ("best", "worst"),
    ("better", "worse"), ("early", "late"), ("old", "young"), ("older", "younger"),
    ("positive", "negative"), ("safe", "unsafe"), ("safe", "dangerous"),
    ("effective", "ineffective"), ("beneficial", "harmful"), ("benefit", "harm"),
    ("protect", "harm"), ("improve", "worsen"), ("help", "hurt"), ("prevent", "cause"),
    ("present", "absent"), ("common", "rare"), ("frequent", "rare"), ("mild", "severe"),
    ("fast", "slow"), ("faster", "slower"), ("hot", "cold"), ("warm", "cold"), ("wet", "dry"),
    ("accept", "reject"), ("inside", "outside"), ("indoor", "outdoor"), ("up", "down"),
    ("man", "woman"), ("men", "women"), ("boy", "girl"), ("male", "female"), ("day", "night"),
    ("sit", "stand"), ("sitting", "standing"), ("asleep", "awake"), ("empty", "full"),
    ("alive", "dead"), ("true", "false"), ("always", "never"), ("all", "none"),
    ("cheap", "expensive"),
]
# Going up against going down, in every wording a news report uses: the verbs of a move, then
# comparatives, bounds and verbs of doing better or worse.
_RISING = ("rise", "rose", "risen", "increase", "grew", "grow", "gain", "climb", "jump", "surge",
           "soar", "rally", "rallied", "leap", "leapt")
_FALLING = ("fall", "fell", "fallen", "decrease", "decline", "drop", "dropped", "slump", "plunge",
            "plummet", "tumble", "sank", "sunk", "slid", "slip", "slipped")
_UP = (*_RISING, "up", "higher", "faster", "above", "over", "ahead", "exceed", "beat", "improve",
       "larger", "bigger", "greater", "expand", "widen", "raise", "raised", "uplift", "uplifted")
_DOWN = (*_FALLING, "down", "shrink", "shrank", "lower", "slower", "below", "under", "behind",
         "miss", "cut", "worsen", "smaller", "subside", "subsided")
# "ahead" and "behind" place someone against someone else, which other verbs of the sentence
# need not be about ("won, with Evenepoel 1:14 behind"): they oppose only each other.
_PLACING = frozenset({"ahead", "behind"})
ANTONYMS += [(up, down) for up in _UP for down in _DOWN
             if not ({up, down} & _PLACING) or {up, down} == _PLACING]
_DIRECTION = {**{stem(w): "up" for w in _UP}, **{stem(w): "down" for w in _DOWN}}
# Before a number these words bound it ("over 300", "under 2 hours"); they say no direction.
_BOUND_LIKE = frozenset(stem(w) for w in ("over", "under", "above", "below", "ahead", "behind"))
_CLAUSE_WORDS = re.compile(r"[,;:()]|[.!?](?=\s)|\b(?:but|and|while|whereas|although)\b|"
                           r"[\w'’-]+", re.I)
_SCALE_STEMS = frozenset(stem(w) for w in SCALE_WORDS)
# A win over a rival against a loss: opposed in the verdict only where :func:`_converse` finds
# one result told two ways (the learned judge's word feature keeps to ANTONYMS).
_RESULT_OPPOSITES = [("beat", "lost"), ("defeat", "lost")]
_ANTONYM_OF: dict[str, set[str]] = {}
for _a, _b in ANTONYMS + _RESULT_OPPOSITES:
    _ANTONYM_OF.setdefault(stem(_a), set()).add(stem(_b))
    _ANTONYM_OF.setdefault(stem(_b), set()).add(stem(_a))
# Opposites only before the same word: "the most powerful" against "the least powerful" (alone,
# "most" and "least" oppose nothing: "most of the homes", "at least 40").
_PAIRED_OPPOSITES = {"most": {"least"}, "least": {"most"}}
_PAIR_OPPOSITE_OF = {word: _ANTONYM_OF.get(word, set()) | _PAIRED_OPPOSITES.get(word, set())
                     for word in {*_ANTONYM_OF, *_PAIRED_OPPOSITES}}
# (letters with accents belong to the name: "Copa América", "Martínez")
# (letters of Latin Extended-A and -B too: "Galați", "Łódź")
_ENTITY = re.compile(r"\b(?:[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zA-ZÀ-ÖØ-öø-ÿ\u0100-\u024f0-9&'’.-]*"
                     r"[a-zA-ZÀ-ÖØ-öø-ÿ\u0100-\u024f0-9]|[A-Z])"
                     r"(?:\s+[A-ZÀ-ÖØ-Þ\u0100-\u024f][a-zA-ZÀ-ÖØ-öø-ÿ\u0100-\u024f0-9&'’-]+)*")
_GENERIC_CAPS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "It", "Its", "This", "That", "These", "As",
    "According", "However", "Moreover", "Also", "And", "But", "He", "She", "They", "We", "Q1",
    "Q2", "Q3", "Q4", "H1", "H2", "EV", "EVs", "CEO", "R&D", "US", "U.S", "Chinese", "China's",
    "Fahrenheit", "Celsius",  # units of a temperature, which the figures compare
} | {m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july",
                              "august", "september", "october", "november", "december", "jan",
                              "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                              "nov", "dec")}


# Ordinals over these nouns select a part of something ("the first phase"): a passage that does not
# speak of the same part cannot confirm the claim, and one about another part does not refute it.
_SCOPES = {"phase", "stage", "batch", "round", "part", "step", "wave", "generation", "edition"}
_PARTS = _SCOPES | {"half", "quarter", "plant",
          "factory", "model", "generation", "edition", "day", "week", "month", "year", "line",
          "car", "vehicle", "product", "unit", "wave",
          # parts of a match or race: "the first set" against "the second set"
          "set", "leg", "lap", "heat", "innings", "session"}


def names_a_part(quantity: Quantity) -> bool:
    """Whether a figure is the rank of a part of something ("the first phase", "the second
    set"), which says what the claim is about rather than a value to check."""
    return quantity.kind is QuantityKind.ORDINAL and quantity.unit in _PARTS


@dataclass(frozen=True, slots=True)
class Comparison:
    """How one passage relates to a claim: relevance, word coverage, agreeing and clashing facts."""

    hit: Hit
    coverage: float
    matched: tuple[tuple[Quantity, Quantity], ...]
    conflicts: tuple[tuple[Quantity, Quantity], ...]
    unmatched: tuple[Quantity, ...]
    missing_entities: tuple[str, ...]
    extra_entities: tuple[str, ...]
    polarity_clash: str
    fit: dict[Quantity, int]
    name_swaps: tuple[tuple[Name, Name], ...] = ()
    """Names of the claim that the passage replaces, in the same place, by another of its kind."""
    missing_names: tuple[Name, ...] = ()
    """Names of the claim (people, organisations, places) the passage does not mention at all."""
    event_coverage: float = 1.0
    """Share of the claim's words other than names and figures that the passage has: what
    happened or what was measured ("deliveries began", "test vehicles")."""
    other_subjects: tuple[str, ...] = ()
    """Model names of the passage that qualify what the claim speaks of ("YU7 orders" against
    "Xiaomi's orders"): the passage is about another product or mission."""
    unanchored: bool = False
    """The claim has two or more people, organisations or places, the passage none of them, none
    of its other names and no figure alike: nothing ties the passage to the claim's event, so a
    name in its place replaces none."""

    @property
    def strength(self) -> float:
        """Relevance of the passage to the claim: similarity and word coverage combined."""
        return 0.5 * max(self.hit.dense, 0.0) + 0.5 * self.coverage


def compare_all(claim_text: str, hits: Sequence[Hit], names: NameIndex | None = None,
                parser: Parser | None = None) -> list[Comparison]:
    """The :class:`Comparison` of the claim with each hit, in the hits' order.

    With ``names`` (the names of claim and passages, see :mod:`factcheck.analysis.names`), a
    name the passage replaces by another of its kind in the same place is found too; with a
    ``parser``, a figure the passage states alike answers the claim's where its clause's words
    fit the claim's better than those of the figure read nearest.
    """
    if names is not None:
        names.prepare([claim_text, *(hit.passage.text for hit in hits)])
    side = _claim_side(claim_text, names)  # what the claim brings, read once for every passage
    return [compare(claim_text, hit, names, side, parser) for hit in hits]


@dataclass(frozen=True, slots=True)
class _ClaimSide:
    """What the comparisons need from the claim alone: its content words, the words that say
    what happened (names and figures left out), and its names with the capitals missed."""

    content: set[str]
    event_words: set[str]
    names: tuple[Name, ...]
    capitalised: tuple[Name, ...]


def _claim_side(claim_text: str, names: NameIndex | None) -> _ClaimSide:
    found = names.of(claim_text) if names is not None else ()
    return _ClaimSide(_content(claim_text), _content(_NAME_WORD.sub(" ", claim_text)), found,
                      _with_capitals(claim_text, found))


def measures_another(c: Comparison) -> bool:
    """Whether a passage gives other values for two or more of the claim's figures (not dates
    or ranks) and states none of them alike anywhere: it tells of another measure. (A figure
    moving the other way is a clash of direction, not another value.)"""
    differing = [q for q, e in c.conflicts
                 if q.kind not in (QuantityKind.DATE, QuantityKind.ORDINAL) and not agree(q, e)]
    return len(differing) >= 2 and none_stated(differing, c)


def none_stated(figures: Sequence[Quantity], c: Comparison) -> bool:
    """Whether the passage states none of these claim figures alike, nor any other figure of
    the claim (not dates or ranks), anywhere."""
    if any(q.kind not in (QuantityKind.DATE, QuantityKind.ORDINAL) for q, _ in c.matched):
        return False
    stated = extract_quantities(c.hit.passage.text)
    return not any(agree(q, e) for q in figures for e in stated)


def pinned_beside(comparison: Comparison) -> bool:
    """Whether the passage states alike a figure few events share (not a round number: "43.84%",
    "146 seats") in the sentence where it gives a claim figure otherwise ("The earlier record,
    43.84%, had been set at the elections of September 2015" against "January 2015")."""
    text = comparison.hit.passage.text
    told = {_sentence_around(text, e.start) for _, e in comparison.conflicts}
    return any(c.kind not in (QuantityKind.DATE, QuantityKind.ORDINAL) and _distinctive(c.value)
               and _sentence_around(text, e.start) in told for c, e in comparison.matched)


def fits_closely(comparison: Comparison) -> bool:
    """Whether the passage gives a claim figure otherwise among two or more of the words the
    claim writes around it ("raise its defence budget by 40 per cent" against "increase the
    country's defence budget by 60 per cent"), or states the very figure, one few events share,
    moving the other way ("77.7 percent, slightly lower than" against "77.68 percent, an
    increase on"): the same measure, however the rest is worded."""
    return any(comparison.fit.get(c, 0) >= 2 or agree(c, e) and _distinctive(c.value)
               for c, e in comparison.conflicts)


def _distinctive(value: float) -> bool:
    """Whether a number is written finer than a round one (43.84, 146; not 50, 300, 2)."""
    return value != int(value) or value >= 100 and value % 10 != 0


def comparison_of(hit: Hit, comparisons: Sequence[Comparison]) -> Comparison:
    """The comparison made for ``hit`` (the same hit object) among ``comparisons``."""
    return next(c for c in comparisons if c.hit is hit)


def compare(claim_text: str, hit: Hit, names: NameIndex | None = None,
            side: _ClaimSide | None = None, parser: Parser | None = None) -> Comparison:
    """Compare a claim with one passage (judges get these once per claim: :func:`compare_all`)."""
    side = side or _claim_side(claim_text, names)
    evidence_text = hit.passage.text
    claim_tokens = side.content
    evidence_tokens = set(tokenize(evidence_text)) | set(tokenize(hit.passage.title or ""))
    if _writes_thousands(evidence_text):
        evidence_tokens |= _SCALE_STEMS  # "400,000" writes the "thousand" of "400 thousand"
    coverage = len(claim_tokens & evidence_tokens) / len(claim_tokens) if claim_tokens else 0.0
    matched: list[tuple[Quantity, Quantity]] = []
    conflicts: list[tuple[Quantity, Quantity]] = []
    unmatched: list[Quantity] = []
    evidence_quantities = extract_quantities(evidence_text)
    claim_quantities = as_metres_where(_dated(claim_text, extract_quantities(claim_text)),
                                       evidence_quantities)
    # "the worst" ranks first where the other text ranks "second-worst"
    ranked = ranked_superlatives(claim_text, claim_quantities)
    evidence_quantities += implied_firsts(evidence_text, ranked) if ranked else []
    ranked = ranked_superlatives(evidence_text, evidence_quantities)
    if ranked:
        claim_quantities = sorted([*claim_quantities, *implied_firsts(claim_text, ranked)],
                                  key=lambda q: q.start)
    # A passage stating every figure of the claim alike states them, whatever words stand
    # around each: "6-2, 6-2, 7-6 (7-4)", "between 20 and 34 billion dollars".
    matched.extend(_all_alike(claim_text, claim_quantities, evidence_text, evidence_quantities))
    spelled = _written_apart(claim_text, claim_quantities)
    for quantity in claim_quantities:
        if any(quantity is c for c, _ in matched):
            continue
        if quantity.kind is QuantityKind.ORDINAL and (_counts_to(quantity, evidence_text)
                                                      or _years_to(claim_text, quantity,
                                                                   evidence_text)):
            continue  # "a fifth Champions League title" is "five Champions League titles"
        candidates = figures_like(claim_text, quantity, evidence_text, evidence_quantities)
        if quantity.kind is QuantityKind.ORDINAL and not candidates:
            candidates = _ranks_alike(claim_text, quantity, evidence_text, evidence_quantities)
        # a passage figure the claim writes as a word apart from its figures answers that word
        # ("marked its $214 million investment down to zero" against "down to $0")
        candidates = [e for e in candidates if agree(quantity, e) or e.kind in (
            QuantityKind.DATE, QuantityKind.ORDINAL) or e.value not in spelled]
        event = _edition_of(claim_text, quantity)
        if event and not any(agree(quantity, e) for e in candidates):
            # "the 2024 NBA Finals" is answered by a year of the Finals, not "won in 2008"; a
            # passage on "Game 5 of the Finals" with no year tells of the claim's edition
            # (an edition other people's sentence tells of is theirs: "Kirk Gibson's home run
            # in the 1988 World Series" in a passage on Freddie Freeman's)
            named_there = names.of(evidence_text) if names is not None else ()
            theirs = {e.start for e in evidence_quantities if e.kind is QuantityKind.DATE
                      and of_other_people(evidence_text, e, named_there, claim_text, side.names)}
            candidates = [e for e in candidates if _edition_of(evidence_text, e) == event
                          and e.start not in theirs]
            if not candidates:
                # (a name's year, "Paris 2024", the passage need not repeat)
                if not (re.search(rf"\b{re.escape(event)}\w*", evidence_text, re.I)
                        or not _A_YEAR.search(evidence_text)
                        or event == _label_of(claim_text, quantity)
                        or _this_years_edition(quantity, evidence_text, hit.passage.published,
                                               theirs)):
                    unmatched.append(quantity)  # it dates other things, not this edition
                continue
        if not candidates:
            if quantity.kind is QuantityKind.COUNT and says_number(evidence_text, quantity.value):
                continue  # "Brady's 5" against "Brady's five": a number the reader does not count
            written = _one_written_as_a(quantity, evidence_text)
            if written is not None:
                matched.append((quantity, written))  # "one week before" against "a week before"
                continue
            if quantity.kind != QuantityKind.ORDINAL or _ordinal_fits(quantity, evidence_text):
                unmatched.append(quantity)
            continue
        # Each evidence figure answers one claim figure: "$5.2 billion" answers the "5.2
        # billion dollars" of "between 4.3 and 5.2 billion dollars" once "$4.3 billion" is taken.
        free = [e for e in candidates if not any(e is used for _, used in matched)]
        best = max(free or candidates, key=lambda e: (
            quantity.unit == SCORE and agree(quantity, e),  # "2-0 on aggregate" after "1-0"
            _fit(claim_text, quantity, evidence_text, e), agree(quantity, e),
            e.value == quantity.value))  # "650" is "the 650", not "648" rounded
        if parser is not None and not agree(quantity, best):
            best = _bound_alike(claim_text, quantity, evidence_text, best,
                                [e for e in free or candidates if agree(quantity, e)], parser)
        # A date of the passage answers one date of the claim ("in 2023, 37.9% more than in
        # 2023" is not confirmed by "in 2023, 37.9% more than in 2022").
        fresh = [e for e in candidates if agree(quantity, e)
                 and not any(e is used for _, used in matched)]
        if quantity.kind == QuantityKind.DATE:
            # "the 2023 ruling ... in January 2023" against "August 29, 2023 ... January 2023":
            # a date another date of the claim states exactly is left to that one
            fresh = [e for e in fresh if not _stated_by_other(e, quantity, claim_quantities)
                     ] or fresh
        if quantity.kind == QuantityKind.DATE and (agree(quantity, best) or fresh):
            unused = [e for e in candidates if not any(e is u for _, u in matched)]
            if fresh:
                pick = best if any(best is e for e in fresh) else fresh[0]
            else:  # the agreeing date answers another date of the claim: compare with the rest
                pick = max(unused, key=lambda e: _context_overlap(
                    claim_text, quantity, evidence_text, e)) if unused else best
            if not agree(quantity, pick):
                conflicts.append((quantity, pick))
            elif _vaguer(pick, quantity):
                unmatched.append(quantity)  # "2022" does not confirm "September 2022"
            else:
                matched.append((quantity, pick))
        elif agree(quantity, best):
            if _only_bounds(quantity, best):
                unmatched.append(quantity)  # "at least 25%" does not state "36 percent"
            else:
                matched.append((quantity, best))
        elif quantity.kind != QuantityKind.DATE and _plan_and_fact(claim_text, quantity,
                                                           evidence_text, best):
            # a forecast figure is no answer to a claim's fact; one the passage states alike as a
            # fact is ("crested at 830 cm ..., with a forecast level of 620 cm")
            stated = [e for e in free if agree(quantity, e)
                      and not _is_plan(claim_text, quantity) and not _is_plan(evidence_text, e)]
            if stated:
                matched.append((quantity, stated[0]))
            else:
                unmatched.append(quantity)
        else:
            conflicts.append((quantity, best))
    # Each evidence figure answers one claim figure: "In Oct. 2021 Lei said production would
    # start in the second half of 2024" must clash with the passage's 2024, not its 2021.
    # (until nothing moves: a figure found stated alike late in the round frees the claim
    # figure compared with it earlier, "three assists ... to 32" against "With 32 assists")
    used = {id(e) for _, e in matched}
    reassigned, moved = conflicts, True
    while moved:
        pending, reassigned, moved = reassigned, [], False
        for quantity, best in pending:
            if id(best) in used:
                moved = True
                others = [e for e in figures_like(claim_text, quantity, evidence_text,
                                                 evidence_quantities) if id(e) not in used]
                if not others:
                    if not (quantity.kind is QuantityKind.COUNT
                            and says_number(evidence_text, quantity.value)):
                        unmatched.append(quantity)  # (not "2" where the passage writes "two")
                    continue
                best = max(others, key=lambda e: (agree(quantity, e), _context_overlap(
                    claim_text, quantity, evidence_text, e)))
                if agree(quantity, best):
                    matched.append((quantity, best))  # "$5.98 under GAAP and $6.12 adjusted"
                    used.add(id(best))
                    continue
            reassigned.append((quantity, best))
    conflicts = [_against_finer(c, e, matched) for c, e in reassigned]
    # a figure the passage states alike right beside another it states alike, as the claim
    # has them side by side ("trailed her 46 to 72" for "led by 72 votes to 46"): that pair is
    # the claim's, whatever figure elsewhere fits its words better
    for pair in [p for p in conflicts if p[0].kind is not QuantityKind.DATE]:
        beside = _beside_alike(pair[0], matched, evidence_quantities)
        if beside is not None:
            conflicts.remove(pair)
            matched.append((pair[0], beside))
    # the passage's figure written again in brackets, in another unit or zone, as the claim has
    # it ("at midnight (21:00 GMT)" for "at 21:00 GMT"): stated alike
    for pair in list(conflicts):
        again = _restated_in_brackets(pair, evidence_text, evidence_quantities)
        if again is not None:
            conflicts.remove(pair)
            matched.append((pair[0], again))
    # a count of another noun, where the passage counts the claim's noun otherwise ("22.5
    # million women" against "22.5 million voters ... 12.5 million were women")
    for pair in list(matched):
        other = _noun_counted_otherwise(claim_text, pair, evidence_text, evidence_quantities)
        if other is not None:
            matched.remove(pair)
            conflicts.append((pair[0], other))
    # two claim figures each compared with the passage figure that states the other alike ("at
    # 11.44pm ... at midnight" against "at 11.44pm ... from midnight", the words around them
    # overlapping) are both stated
    for (a, b_stated), (b, a_stated) in [(x, y) for i, x in enumerate(conflicts)
                                         for y in conflicts[i + 1:]]:
        if (agree(a, a_stated) and agree(b, b_stated)
                and (a, b_stated) in conflicts and (b, a_stated) in conflicts):
            conflicts = [p for p in conflicts if p not in ((a, b_stated), (b, a_stated))]
            matched.extend([(a, a_stated), (b, b_stated)])
    # a date told in words that share nothing with the claim date's dates another deed: "a
    # term loan arranged in January 2023" is not dated by "Figma, founded in 2012"
    other_deeds = [(c, e) for c, e in conflicts if c.kind is QuantityKind.DATE
                   and _dates_another_deed(claim_text, c, evidence_text, e)]
    conflicts = [pair for pair in conflicts if pair not in other_deeds]
    unmatched.extend(c for c, _ in other_deeds)
    # a figure of a passage sentence dated otherwise tells of another time: "the 2018 circular
    # cancelling the 30 per cent quota" against a cut "to 5 percent" on the passage's 21 July
    later = [(c, e) for c, e in conflicts if c.kind is not QuantityKind.DATE
             and dated_otherwise(evidence_text, e, matched, evidence_quantities)]
    # and a date of a sentence apart from the undated one stating the claim's figures dates
    # something else: "reduce the quota to 5%, ... 93% ... Hasina's government had abolished in
    # 2018 a system" does not date the ruling to 2018
    later += [(c, e) for c, e in conflicts if c.kind is QuantityKind.DATE
              and _dates_another_sentence(evidence_text, e, matched, evidence_quantities)]
    # and with no figure stated alike, a date outside the sentence telling what the claim tells
    # dates something else: "polls were kept open until midnight. Jalili was the council's
    # secretary between 2007 and 2013" does not date the run-off to 2007
    # (it is compared with a date of that sentence instead, if it tells one: "the 5 July
    # run-off")
    told = _sentence_telling(evidence_text, frozenset(claim_tokens))
    if not matched and told is not None:
        compared = []
        for date, said in conflicts:
            if date.kind is not QuantityKind.DATE or told[0] <= said.start < told[1] or (
                    (date, said) in later):
                compared.append((date, said))
                continue
            inside = [e for e in figures_like(claim_text, date, evidence_text,
                                              evidence_quantities) if told[0] <= e.start < told[1]]
            if not inside:
                later.append((date, said))
                compared.append((date, said))  # (taken out with the rest of ``later``)
                continue
            instead = max(inside, key=lambda e: (agree(date, e), _fit(claim_text, date,
                                                                       evidence_text, e)))
            if agree(date, instead):
                matched.append((date, instead))
            else:
                compared.append((date, instead))
        conflicts = compared
    unmatched.extend(c for c, _ in later)
    conflicts = [pair for pair in conflicts if pair not in later]
    conflicts.extend(_binding_conflicts(matched, evidence_quantities, evidence_text, claim_text))
    # "the fourth company" against "the third company" is a clash of rank; "second phase" against
    # "first phase" only means the passage is about another part.
    scoped = [c for c, _ in conflicts if names_a_part(c)]
    # "all four Grand Slam titles" is the whole of a set, not a tally: "24 Grand Slam titles"
    # counts wins, not kinds, and a passage need not count the set
    conflicts = [(c, e) for c, e in conflicts
                 if not _whole_set(claim_text, c) or _whole_set(evidence_text, e)]
    unmatched = [q for q in unmatched if not _whole_set(claim_text, q)]
    # (but "all four" against "three of the four": the passage's whole is the claim's, but only a
    # part of it did what the claim says all did)
    for pair in list(matched):
        part = _part_of_whole(claim_text, pair[0], evidence_text, evidence_quantities)
        if part is not None:
            matched.remove(pair)
            conflicts.append((pair[0], part))
    # "the widest since democracy returned in 1983": a point of reference, not when it happened;
    # "founded in 1983" dates a founding, which a passage that tells of none does not date.
    scoped += [c for c, _ in conflicts if c.kind == QuantityKind.DATE
               and (_SINCE.search(claim_text, max(0, c.start - 48), c.start)
                    or _ORIGIN.search(claim_text, max(0, c.start - 30), c.start)
                    and not _ORIGIN_WORD.search(evidence_text))]
    unmatched.extend(scoped)
    conflicts = [(c, e) for c, e in conflicts if c not in scoped]
    # "the largest IPO of 2023" against "the largest IPO of the year": a passage writing no
    # year of its own tells of its year (its date, when it has one, must be that year)
    unmatched = [q for q in unmatched
                 if not _of_the_year(claim_text, q, evidence_text, hit.passage.published)]
    # "190 lawmakers, 172 from the opposition and 18 from the ruling party": a total the
    # figures the passage states alike add up to is stated with them
    unmatched = [q for q in unmatched if not _sum_of_parts(q, matched, claim_text)]
    # "On March 1 the team sent a poke, and two days later it noticed" is "on March 3 the team
    # saw", where the passage gives both days
    for quantity in list(unmatched):
        counted = _day_counted_from(claim_text, quantity, matched, evidence_quantities)
        if counted is not None:
            unmatched.remove(quantity)
            matched.append((quantity, counted))
    # and so is one the passage gives in parts only ("151 seats, 112 of them in constituencies
    # and 39 from lists" against "112 constituency seats and 39 list seats"; "Pheu Thai's 141"
    # against "Pheu Thai 112 constituency and 29 list seats"); "an 11-party coalition" is the
    # party leading it "with 10 other parties"
    conflicts = [(c, e) for c, e in conflicts
                 if not _sum_of_parts(c, matched, claim_text)
                 and not _parts_beside(c, e, evidence_text)
                 and not _with_others(c, claim_text, e, evidence_text)]
    # "the three months to 28 April 2024" names the period of a matched date, not a figure.
    unmatched = [q for q in unmatched if not _names_period(claim_text, q, matched)
                 # "by one fire rather than by two separate blazes": the two is not claimed
                 and not _REJECTED.search(claim_text, max(0, q.start - 30), q.start)]
    # "The Fed's September 2024 decision was announced on 18 October 2024" against "wrapped up
    # the meeting on 18 September 2024": the passage's day, taken by the claim's month, is
    # compared with the claim's day where its words fit that day better
    for day in [q for q in unmatched if q.kind is QuantityKind.DATE and q.value == q.high]:
        taken = next((e for c, e in matched if c.kind is e.kind is QuantityKind.DATE
                      and e.value == e.high and c.high > c.value and not agree(day, e)
                      and _context_overlap(claim_text, day, evidence_text, e)
                      > _context_overlap(claim_text, c, evidence_text, e)), None)
        if taken is not None:
            unmatched.remove(day)
            conflicts.append((day, taken))
    # "Wanted in Rome reported on 28 June 2023 that the cabinet had on Tuesday appointed": the
    # day the passage was told is not the day of what it tells
    for c, e in [(c, e) for c, e in conflicts if c.kind is e.kind is QuantityKind.DATE
                 and _TOLD_ON.search(evidence_text, max(0, e.start - 40), e.start)
                 and _THAT_AFTER.match(evidence_text, e.end)]:
        conflicts.remove((c, e))
        unmatched.append(c)
    # "on Friday" in a passage published on Friday 7 July 2023 tells of 7 July: a day of the
    # claim that a weekday of the dated passage names is stated (never contradicted by it)
    # (and one compared with a bare year of the passage, "the 2022 World Cup", is its weekday's:
    # "on Monday, 30 October 2023" against "a ceremony in Paris on Monday night")
    days = [q for q in unmatched if q.kind is QuantityKind.DATE and q.value == q.high]
    # (so is the month of "on a Wednesday in November 2023" by the passage's Wednesday in it)
    months = [(q, named.group(1).lower()) for q in unmatched
              if q.kind is QuantityKind.DATE and 0 < q.high - q.value < 31
              and (named := _WEEKDAY_IN.search(claim_text, max(0, q.start - 30), q.start))]
    yearly = [c for c, e in conflicts if c.kind is QuantityKind.DATE and c.value == c.high
              and re.fullmatch(r"\d{4}", e.surface)]
    weekdays = (_weekday_dates(evidence_text, hit.passage.published)
                if days or yearly or months else ())
    for month, weekday in months:
        stated_day = next((day for day in weekdays if month.value <= day.value <= month.high
                           and day.surface.split()[0].lower() == weekday), None)
        if stated_day is not None:
            unmatched.remove(month)
            matched.append((month, stated_day))
    for day in weekdays:
        answered = next((q for q in days if q in unmatched and agree(q, day)), None)
        if answered is not None:
            unmatched.remove(answered)
            matched.append((answered, day))
        settled = next((c for c in yearly if agree(c, day)), None)
        if settled is not None:
            yearly.remove(settled)
            conflicts = [(c, e) for c, e in conflicts if c is not settled]
            matched.append((settled, day))
    # and the one weekday of the sentence telling the claim's event (half its words or more),
    # the only date there, dates that event: "called off on Monday" in a report of Tuesday 18
    # April is no "Tuesday, 18 April" (but "appointed the government on Wednesday" dates no
    # confidence vote)
    left = [q for q in days if q in unmatched]
    if (weekdays and told is not None and len(left) == 1 and _share(
            side.event_words, set(tokenize(evidence_text[told[0]:told[1]]))) >= 0.5):
        there = [e for e in (*weekdays, *evidence_quantities) if e.kind is QuantityKind.DATE
                 and told[0] <= e.start < told[1]]
        if len(there) == 1 and any(there[0] is w for w in weekdays):
            unmatched.remove(left[0])
            conflicts.append((left[0], there[0]))
    # "the children had not seen their mother for seven" against "the twins had not seen their
    # mother for 11 years": the claim's own words before its figure, with another number after
    # them in the passage, give the claim's slot another value (the figure stated alike fills
    # another slot: "he had been unable to see his wife for 11 years")
    for pair in list(matched):
        slot = _same_words_other_value(claim_text, pair[0], evidence_text, pair[1],
                                       evidence_quantities)
        if slot is not None:
            matched.remove(pair)
            conflicts.append((pair[0], slot))
    # "fell 18%" against "up 18%": the same figure moving the other way is a clash of direction.
    turned = [(c, e) for c, e in matched if _opposite_directions(claim_text, c, evidence_text, e)]
    conflicts.extend((_with_direction(claim_text, c), _with_direction(evidence_text, e))
                     for c, e in turned)
    matched = [m for m in matched if m not in turned]
    # "Voyager 2 lifted off 16 days after it" against "Voyager 2 had been launched 16 days
    # before it": the same lapse, the other way from the same moment
    flipped = [(c, e) for c, e in matched if _lapse_flipped(claim_text, c, evidence_text, e)]
    conflicts.extend((_with_lapse(claim_text, c), _with_lapse(evidence_text, e))
                     for c, e in flipped)
    matched = [m for m in matched if m not in flipped]
    # "77.7 percent, slightly lower than at the 2019 election" against "77.68 percent, an
    # increase on the 75.59 percent recorded in 2019": the same level, reached the other way
    trended = [(c, e) for c, e in matched if _trends_apart(claim_text, c, evidence_text, e)]
    conflicts.extend((_with_trend(claim_text, c), _with_trend(evidence_text, e))
                     for c, e in trended)
    matched = [m for m in matched if m not in trended]
    # (the way the passage says the level went fills the claim's words for it, like an opposite)
    filled = {w for c, _ in trended for w in tokenize(_with_trend(claim_text, c).surface)
              } & claim_tokens - evidence_tokens
    if filled:
        coverage = min(1.0, coverage + len(filled) / len(claim_tokens))
        evidence_tokens = evidence_tokens | filled
    # "climbed above $20,000, up from around $16,000" against "above $16,000, down from just
    # over $20,000": the same two levels, passed the other way
    for claim_move, passage_move in _moves_reversed(claim_text, claim_quantities, evidence_text,
                                                    evidence_quantities):
        passed = {claim_move[0].start, claim_move[1].start}
        matched = [m for m in matched if m[0].start not in passed]
        conflicts = [c for c in conflicts if c[0].start not in passed]
        conflicts.append((_as_move(claim_text, *claim_move), _as_move(evidence_text,
                                                                      *passage_move)))
    # An agreeing ordinal ("its first car") adds nothing a reader could check.
    # (it still fits its words: a passage stating "in the fifth inning" alike fits that claim
    # figure better than one giving "the first inning")
    conflicted = {c for c, _ in conflicts}
    kept = [m for m in matched if m[0] not in conflicted]
    ranks = [m for m in kept if m[0].kind == QuantityKind.ORDINAL]
    matched = [m for m in kept if m[0].kind != QuantityKind.ORDINAL]
    # (a passage's title and publisher name what it is about: "Wimbledon.com" on "the 2024
    # Championships")
    title = f"{hit.passage.title or ''}\n{hit.passage.source}"
    # "Serbia's Novak Djokovic" is mentioned by "Djokovic": an owner the passage may leave unsaid
    # A person the passage names by surname is mentioned ("Aryal" for "Chief Secretary Ek
    # Narayan Aryal"); a weekday beside a date of the claim is that date, which the figures
    # compare ("on Thursday, 26 September 2024").
    surnamed = [n.text for n in side.names
                if n.kind is NameKind.PERSON and mentioned(n, evidence_text)]
    passage_names = names.of(evidence_text) if names is not None else ()
    # ("the Théâtre du Châtelet in Paris" against "in Paris": where, told less finely)
    placed = [n for n in side.names
              if _placed_in_stated(claim_text, n, side.names, passage_names)]
    missing = tuple(e for e in _entities(claim_text, names_in=evidence_text)
                    if not any(n.start <= claim_text.find(e) < n.end for n in placed)
                    and not _entity_in(e, *_outlet_apart(e, evidence_text, title,
                                                         hit.passage.source))
                    and not (_POSSESSED.match(e)
                             and _entity_in(_POSSESSED.sub("", e), evidence_text, title))
                    and not _qualifies(claim_text, claim_text.find(e), len(e), evidence_text)
                    and not any(person in e for person in surnamed)
                    and not _dating_weekday(claim_text, e, claim_quantities)
                    and not _country_of_office(claim_text, claim_text.find(e), e)
                    and not _capital_for_country(claim_text, claim_text.find(e), e, evidence_text)
                    and not _whole_name_in(claim_text, e, evidence_text)
                    and not _legal_name_in(e, evidence_text)
                    and not _in_figure(claim_text.find(e), claim_quantities)
                    # (nor the people a figure counts: "6.35 million Austrians")
                    and not any(_people_counted(claim_text, q) == e for q in claim_quantities))
    extra = tuple(e for e in _entities(evidence_text, skip_initial=True)
                  if not _entity_in(e, claim_text))
    fit = {q: _fit(claim_text, q, evidence_text, e) for q, e in [*matched, *ranks, *conflicts]}
    swaps: tuple[tuple[Name, Name], ...] = ()
    absent: tuple[Name, ...] = ()
    if names is not None:
        # A passage that states what happened and every figure alike, with another name of the
        # same kind, tells of the same event: the name is swapped wherever it stands.
        same_event = (side.event_words and _share(side.event_words, evidence_tokens) >= 0.6
                      and coverage >= 0.5 and not conflicts and not unmatched)
        swaps = tuple(name_swaps(claim_text, side.capitalised, evidence_text,
                                 _with_capitals(evidence_text, passage_names),
                                 anywhere=bool(same_event)))
        if not swaps:
            swaps = _holder_swaps(claim_text, side.names, evidence_text, passage_names, matched,
                                  evidence_quantities)
        if not swaps:
            swaps = _role_swaps(claim_text, side.names, evidence_text, passage_names)
        # the passage's publisher telling its own news fills no slot of the claim's event, nor
        # is it a rival of another outlet the claim says told it ("the Hindustan Times reported")
        swaps = tuple((a, b) for a, b in swaps if not names.same_thing(a, b)
                      and not (own_outlet(b, hit.passage.source)
                               and (tells_news(evidence_text, b) or tells_news(claim_text, a))))
        if swaps and claim_tokens and not conflicts:  # a replaced name still fills its slot
            filled = {t for name, _ in swaps for t in tokenize(name.text)} & claim_tokens
            coverage = min(1.0, coverage + len(filled - evidence_tokens) / len(claim_tokens))
        absent = tuple(n for n in side.names
                       if n.kind in _CHECKED_NAMES and not name_in(n, passage_names)
                       and n not in placed
                       and not _split_before(n, side.names, passage_names)
                       and not _entity_in(n.text, evidence_text, title)
                       and not (n.kind is NameKind.ORG and len(n.key.split()) >= 4
                                and n.key.split()[-1] in BODY_HEADS
                                and without_first_word(n.key.split(), evidence_text))
                       and not any(names.same_thing(n, p) for p in passage_names)
                       and not _qualifies(claim_text, n.start, n.end - n.start, evidence_text)
                       and not _country_of_office(claim_text, n.start, n.text)
                       and not _capital_for_country(claim_text, n.start, n.text, evidence_text)
                       and not _in_figure(n.start, claim_quantities))
    # (a model named in another sentence than the one telling the claim, "landed ... in a
    # C-130" after "left on a military helicopter", is about another part of the story)
    subjects = tuple(e for e in extra
                     if _other_subject(e, evidence_text, claim_text, claim_tokens)
                     and (told is None or told[0] <= evidence_text.find(e) < told[1]))
    clash = (_polarity_clash(claim_text, evidence_text,
                             _bound_elsewhere(evidence_text, evidence_quantities, matched),
                             _told_apart(evidence_text, matched)
                             | _moves_judged(claim_text, evidence_text, matched))
             or _comparison_refuted(claim_text, matched)
             or _order_reversed(claim_text, side.names, evidence_text)
             or _compared_otherwise(claim_text, side.names, evidence_text, evidence_quantities))
    if clash.startswith("claim says") and claim_tokens:
        coverage = min(1.0, coverage + 1 / len(claim_tokens))  # the opposite fills the slot
        # "third-largest" against "second-largest": the rank clashes, it is not left unstated
        unmatched = [q for q in unmatched if q.kind is not QuantityKind.ORDINAL
                     or f"'{q.surface.split()[0].lower()}" not in clash.lower()]
    elif clash.startswith("the claim is negated") and claim_tokens:
        # and so does the claim's own cue: "declined" is what denies, not a word to find
        filled = set(tokenize(clash.split("'")[1])) & claim_tokens - evidence_tokens
        coverage = min(1.0, coverage + len(filled) / len(claim_tokens))
    checked = [n for n in side.names if n.kind in _CHECKED_NAMES]
    unanchored = (len(checked) >= 2 and len(absent) == len(checked) and not matched
                  and not any(name_in(n, passage_names) for n in side.names
                              if n.kind not in _CHECKED_NAMES))  # ("Hurricane Milton" kept)
    return Comparison(hit, coverage, tuple(matched), tuple(conflicts), tuple(unmatched),
                      missing, extra, clash, fit, swaps,
                      absent, _share(side.event_words, evidence_tokens), subjects, unanchored)


_CHECKED_NAMES = frozenset({NameKind.PERSON, NameKind.ORG, NameKind.PLACE})
_THINGS = frozenset({NameKind.THING})
_PEOPLE_LIKE = frozenset({NameKind.PERSON, NameKind.ORG})


def only_swapped_missing(c: Comparison) -> bool:
    """Whether every name the passage lacks is one it replaces by another (a weekday it leaves
    unsaid is a date, which the figures compare: "in the early hours of Monday")."""
    swapped = " ".join(name.text for name, _ in c.name_swaps).lower()
    passage = c.hit.passage.text.lower()
    # (a title is the claim's role for the one swapped: "Chief Secretary Pathak" against
    # "Chief Minister Tamang")
    return all(any(re.sub(r"['’]s$", "", part) in swapped for part in entity.lower().split())
               and all(re.sub(r"['’]s$", "", part) in swapped + " " + passage
                       for part in entity.lower().split() if part not in TITLES)
               for entity in c.missing_entities if entity.lower() not in WEEKDAYS)


def _placed_in_stated(claim_text: str, place: Name, claim_names: Sequence[Name],
                      passage_names: Sequence[Name]) -> bool:
    """Whether the claim places ``place`` in another place ("the Théâtre du Châtelet in Paris",
    "Boca Raton, Florida") that the passage names: it tells where, only less finely."""
    if place.kind is not NameKind.PLACE:
        return False
    after = _PLACED_IN.match(claim_text, place.end)
    return after is not None and any(
        n.start == after.end() and n.kind is NameKind.PLACE
        and name_in(n, [p for p in passage_names if p.kind is NameKind.PLACE])
        for n in claim_names)  # (not "the Los Angeles Dodgers" for "Dodger Stadium in Los Angeles")


_PLACED_IN = re.compile(r"(?:,\s*|\s+in\s+)(?:the\s+)?")


def _split_before(name: Name, claim_names: Sequence[Name], passage_names: Sequence[Name]) -> bool:
    """Whether a person's name is the first part of one the recogniser split, whose rest the
    passage names ("Luiz Inácio" of "Luiz Inácio Lula da Silva" beside the passage's "Lula")."""
    return name.kind is NameKind.PERSON and any(
        other.kind is NameKind.PERSON and other.start == name.end + 1
        and name_in(other, passage_names) for other in claim_names)


def _qualifies(text: str, start: int, length: int, passage: str) -> bool:
    """Whether the name at ``start`` only qualifies a noun that the passage has without it:
    "out of the NCAA tournament" against "out of the tournament", "the Paris 2024 Olympic
    final" against "the Olympic final" (the passage says less, not something else)."""
    if start < 0 or not _DETERMINER_BEFORE.search(text, max(0, start - 8), start):
        return False
    qualified = _QUALIFIED.match(text, start + length)
    if qualified is None or qualified.group("head").lower() in STOPWORDS:
        return False
    between = re.findall(r"[\w'’-]+", qualified.group("between"))
    words = "".join(rf"(?:{re.escape(w)}\s+)?" for w in between)
    return re.search(rf"\b(?:the|a|an|his|her|its|their|this|that)\s+{words}"
                     rf"{re.escape(qualified.group('head'))}\b", passage, re.IGNORECASE) is not None


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that)\s+$", re.IGNORECASE)
# a name, then years and capitalised words, then the noun they qualify ("NCAA tournament")
_QUALIFIED = re.compile(r"(?P<between>(?:\s+(?:\d{4}|[A-Z][\w'’-]*))*)\s+(?P<head>[a-z]{3,})\b")


# Names and figures (a capitalised word inside the sentence, anything with a digit).
_NAME_WORD = re.compile(r"(?<=[\w,;:)] )[A-Z][\w'’-]*|\b\w*\d\w*")


# Words that deny what follows without a negation cue of their own.
_PRIVATIVE = re.compile(r"\b(?:free\s+(?:of|from)|exempt(?:ed)?\s+from|spared(?:\s+from)?|"
                        r"immune\s+(?:to|from)|absent\s+from|lack(?:s|ed|ing)?|devoid\s+of|"
                        # "the decision to skip the gala" is "would not attend the gala"
                        r"skip(?:s|ped|ping)?|boycott(?:s|ed|ing)?|shun(?:s|ned|ning)?|"
                        r"st(?:ay|ays|ayed|aying)\s+away\s+from|"
                        # "avoided the stretch of Myanmar" is "without crossing that part of it"
                        r"avoid(?:s|ed|ing)?|bypass(?:es|ed|ing)?|"
                        r"steer(?:s|ed|ing)?\s+clear\s+of)\s", re.IGNORECASE)
_UNBEATEN = re.compile(r"\b(?:unbeaten|undefeated|without\s+(?:a\s+)?(?:defeat|loss))\b",
                       re.IGNORECASE)
_DEFEAT_WORDS = frozenset(tokenize("defeat defeats loss losses lost beaten"))
_REJECTION = re.compile(r"\b(?:rather\s+than|instead\s+of)\b", re.IGNORECASE)
_REJECTED = re.compile(_REJECTION.pattern + r"[^,;.]*$", re.IGNORECASE)
_ORIGIN_WORD = re.compile(r"\b(?:found(?:ed|ing|er)|establish(?:ed|ment)|incorporated|born|"
                          r"set\s+up|formed|creat(?:ed|ion))\b", re.IGNORECASE)
_ORIGIN = re.compile(_ORIGIN_WORD.pattern + r"[^,;.]*$", re.IGNORECASE)
# "since" opening a clause that dates its own event ("since Argentina returned to democracy in
# 1983"); "since 2019" itself is when the claim's period starts, and is checked.
_SINCE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){2,}in\s+$", re.IGNORECASE)


def _share(words: set[str], evidence_tokens: set[str]) -> float:
    """Share of ``words`` found in the passage (all of none: 1)."""
    return len(words & evidence_tokens) / len(words) if words else 1.0


_WORDS = re.compile(r"['’]s\b|[\w-]+")
_LINKS = frozenset({"and", "or", ",", "the", "a", "an"})
# Neighbours that make no slot for two names of different kinds: a tie of belonging, a start
_NO_SLOT = frozenset({"of", "'s", "<s>"})


@functools.lru_cache(maxsize=16384)
def _neighbours(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str]]:
    """The two words before and after a span within its sentence (lower case; "'s" counts as a
    word; the start and end of the sentence count as the words "<s>" and "</s>")."""
    head = re.split(r"[.;!?]\s", text[max(0, start - 60):start])[-1]
    tail = re.split(r"[.;!?](?:\s|$)", text[end:end + 60])[0]
    before = ["<s>"] + [w.lower().replace("’", "'") for w in _WORDS.findall(head)]
    after = [w.lower().replace("’", "'") for w in _WORDS.findall(tail)] + ["</s>"]
    return (frozenset(w for w in before[-2:] if w not in _LINKS),
            frozenset(w for w in after[:2] if w not in _LINKS))


def _dating_weekday(text: str, entity: str, quantities: Sequence[Quantity]) -> bool:
    """Whether ``entity`` is a weekday written next to a date of ``text`` ("Thursday, 26
    September 2024", "26 September (Thursday)")."""
    if entity.lower() not in WEEKDAYS:
        return False
    at = text.find(entity)
    return any(q.kind is QuantityKind.DATE and (0 <= q.start - (at + len(entity)) <= 3
                                                or 0 <= at - q.end <= 3) for q in quantities)


def _weekday(name: Name, text: str) -> str:
    """"day" for a bare day of the week ("on Saturday"), "dated" for one beside its date
    ("Monday 3 April 2023": the date answers it), "" for any other name. A day is swapped only
    for another bare day, never for another kind of name ("Hurricane Hugo" against "Friday")."""
    if name.key not in WEEKDAYS:
        return ""
    return "dated" if _DATE_AFTER.match(text, name.end) else "day"


_WEEKDAY_TOLD = re.compile(r"\b(?:(next|coming|until|by|every|each|from|last)\s+)?("
                           + "|".join(d.capitalize() for d in sorted(WEEKDAYS)) + r")\b")


@functools.lru_cache(maxsize=4096)
def _weekday_dates(text: str, published: str | None) -> tuple[Quantity, ...]:
    """The days a dated text means by its bare weekdays ("on Friday": the last Friday up to its
    date, "last Friday" the one before it); none ahead ("next Friday") or undated."""
    try:
        today = datetime.date.fromisoformat((published or "")[:10])
    except ValueError:
        return ()
    days = []
    for match in _WEEKDAY_TOLD.finditer(text):
        before, name = match.groups()
        if before and before != "last" or _DATE_AFTER.match(text, match.end()):
            continue  # (ahead, repeated, or a weekday its own date answers)
        back = (today.weekday() - _WEEKDAY_NUMBER[name.lower()]) % 7 or (7 if before else 0)
        day = datetime.date.fromordinal(today.toordinal() - back)
        days.append(Quantity(QuantityKind.DATE, day.toordinal(), day.toordinal(), "day",
                             Bound.EXACT, match.start(2), match.end(2),
                             f"{name} ({day.day} {day:%B} {day.year})"))
    return tuple(days)


_WEEKDAY_IN = re.compile(r"\b(" + "|".join(d.capitalize() for d in sorted(WEEKDAYS))
                         + r")\s+(?:in|of)\s+(?:early\s+|mid-?|late\s+)?$")
_WEEKDAY_NUMBER = {day: number for number, day in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_DATE_AFTER = re.compile(r",?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b|,?\s+(?:"
                         + "|".join(sorted(m.capitalize() for m in MONTH_NAMES)) + r")\b")


def _nationality_of(text: str, name: Name) -> bool:
    """Whether a country names the nationality of the common noun after it ("US prosecutors";
    not "Jajpur district")."""
    after = _NOUN_AFTER_NAME.match(text, name.end)
    return (after is not None and after.group(1).lower() not in STOPWORDS
            and is_country(name.key))


def _told_apart_from(claim_text: str, name: Name, passage_text: str, other: Name) -> bool:
    """Whether the thing the claim places at its name ("the Davis Cup Finals in Malaga") is
    told in the passage, but not in the clause of the other name ("beat him in the first round
    in Paris"): that name places something else."""
    lead = _PHRASE_BEFORE.search(claim_text, max(0, name.start - 60), name.start)
    if lead is None:
        return False
    words = set(tokenize(lead.group(1))) - STOPWORDS
    start = max(passage_text.rfind(mark, 0, other.start) for mark in (", ", "; ", ". "))
    ends = [at for at in (passage_text.find(mark, other.end) for mark in (",", ";", ". "))
            if at >= 0]
    clause = passage_text[start + 1:min(ends, default=len(passage_text))]
    return bool(words) and bool(words & set(tokenize(passage_text))) and not (
        words & set(tokenize(clause)))


_PHRASE_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,3})(?:in|at|near)\s+(?:the\s+)?$")
"""Capitalised words the claim places at a name: "the Davis Cup Finals in"."""


_NOUN_AFTER_NAME = re.compile(r"\s+([a-z][a-z'’-]+)")


def name_swaps(claim_text: str, claim_names: Sequence[Name], passage_text: str,
               passage_names: Sequence[Name], *, anywhere: bool = False) -> list[tuple[Name, Name]]:
    """Names of the claim the passage does not mention but replaces, in the same place, by a name
    the claim does not mention: "launched from Vikram at Sriharikota" against "launched from the
    Satish Dhawan Space Centre at Sriharikota".

    The same place means sharing a neighbouring word (or the sentence start) on both sides, or
    on one side for two names of the same kind (spaCy's kinds are not reliable enough to stand
    alone). With ``anywhere`` (the passage tells of the same event), a person, organisation or
    place is also swapped for the passage's only other name of its kind, wherever it stands.
    """
    swaps: list[tuple[Name, Name]] = []
    unmentioned = [name for name in claim_names
                   if not name_in(name, passage_names) and not mentioned(name, passage_text)
                   and not _joined_alike(claim_text, name, passage_text)
                   and not _capital_for_country(claim_text, name.start, name.text, passage_text)]
    moved = _out_of_place(claim_text, claim_names, unmentioned, passage_text)
    if not unmentioned and not moved:
        return swaps
    # "the Games", "the Final": an event's common noun, capitalised by custom, names no rival
    spare = [p for p in passage_names
             if not name_in(p, claim_names) and not mentioned(p, claim_text)
             and not _names_the_event(p, claim_text)]
    for name in unmentioned:
        if _weekday(name, claim_text) == "day" and _TOLD_ON.search(
                claim_text, max(0, name.start - 30), name.start):
            continue  # "Astrobotic said on Tuesday": when it was told, which outlets tell apart
        # "Turkey's MIT" against "the National Intelligence Organization (MIT)": only another
        # country or place stands in for the owner of a name the passage states
        owner = _owns_stated(claim_text, name, claim_names, unmentioned)
        if owner == "part":
            continue  # "Novak" of "Novak Djokovic", whose last word the passage gives
        # many may react ("Sundar Pichai congratulated Hinton"): only the holder of the claim's
        # title ("University of Toronto president ...") stands in for one who does
        reacting = _reacts(claim_text, name)
        left, right = _neighbours(claim_text, name.start, name.end)
        best, best_score = None, (0, 0)
        # "Assembly president Henry Kronfle": a body in the title of a person the passage names
        # is stood in for only by one in that person's title ("Congress speaker Henry Kronfle"),
        # not by "Ecuador's president" beside another
        holder = _title_holder(claim_text, name, claim_names)
        if holder is not None and mentioned(holder, passage_text):
            last = re.escape(holder.text.split()[-1])
            spare_here = [other for other in spare if re.search(
                rf"^\W*(?:[a-z][\w-]*\s+){{1,3}}(?:[A-Z][\w'’.-]*\s+)*{last}\b",
                passage_text[other.end:other.end + 60])]
        else:
            spare_here = spare
        for other in [] if reacting else spare_here:
            # "the Serb" refers to someone: a people (one word the recogniser calls a group)
            # stands in for no person or company
            if (_numbered_otherwise(name, other) or _serial_for_person(name, other) or (
                    _weekday(name, claim_text) != _weekday(other, passage_text)
                    or _weekday(name, claim_text) == "dated") or (
                    other.kind is NameKind.GROUP and " " not in other.key
                    and name.kind is not NameKind.GROUP) or _reacts(passage_text, other)
                    or _told_apart_from(claim_text, name, passage_text, other)
                    # (a people stands in for a country, not a sea or a region: "the Ukrainian
                    # grain deal" is "the Black Sea grain deal")
                    or (other.kind is NameKind.GROUP or is_people(other))
                    and name.kind is NameKind.PLACE and not is_country(name.key)):
                continue  # (one reacting in the passage, "Xi sent congratulations", holds no slot)
            other_left, other_right = _neighbours(passage_text, other.start, other.end)
            shared = (left & other_left | right & other_right) - _BOUNDARIES
            sides = bool(left & other_left - _BOUNDARIES) + bool(right & other_right - _BOUNDARIES)
            of_a_kind = _alike(name, claim_text, other, passage_text)
            # in a passage about the same event, one shared neighbour is enough ("headed for
            # Singapore" against "bound for Colombo"), for two names of a kind; for two of
            # other kinds a shared "of" is no slot ("the NCAA tournament", "of Oklahoma's"), nor
            # any function word beside an event or a thing ("at the Théâtre du Châtelet in
            # Paris" against "the World Cup in Qatar")
            weak = _NO_SLOT | (STOPWORDS if {name.kind, other.kind} & _THINGS else frozenset())
            score = sides + (anywhere and (of_a_kind or bool(shared - weak)) or of_a_kind)
            # (of two as fit, the one sharing more words: "World Cup in Australia" stands in
            # for "World Cup in France" rather than "Ballon d'Or in Paris")
            if sides and score >= 2 and (score, len(shared)) > best_score:
                best, best_score = other, (score, len(shared))
        if (best is None and not reacting and name.kind in _CHECKED_NAMES
                and name.text[:1].isupper()):
            # "IAM was losing $100 million" against "Boeing was losing $100 million": a name the
            # claim gives elsewhere ("Boeing's first strike") stands in this one's very place
            placed = [other for other in passage_names
                      if other.kind is name.kind and not name_in(other, [name])
                      and (mentioned(other, claim_text) or name_in(other, claim_names))
                      and _same_place(left, right, *_neighbours(passage_text, other.start,
                                                                other.end))]
            if len(placed) > 1:  # in a list ("across Vietnam, Guangdong, Guangxi"), the very slot
                placed = [other for other in placed
                          if _neighbours(passage_text, other.start, other.end) == (left, right)]
            best = placed[0] if len(placed) == 1 else None
        if best is None and anywhere and not reacting and name.kind in _CHECKED_NAMES and _full(
                name):
            # only full names: spaCy's kind of a lone word ("Xiaomi", "Max") is a guess
            # (without a shared neighbour, a person and an organisation are never alike)
            alike = [other for other in spare
                     if _full(other) and _alike(name, claim_text, other, passage_text,
                                                mixed=False)
                     and not _serial_for_person(name, other) and not _reacts(passage_text, other)]
            # (the only one the recogniser calls a person, among full names it calls
            # organisations, "Karim Benzema", "Sadio Mane", is no only other person)
            rivals = [other for other in spare if _full(other) and other.kind in _PEOPLE_LIKE
                      and not _reacts(passage_text, other)] if name.kind in _PEOPLE_LIKE else alike
            best = alike[0] if len(alike) == 1 and len(rivals) == 1 else None
        if best is None and claim_text[name.end:name.end + 6].lower() == "-based":
            # "Charlotte-based First Citizens" against "First Citizens, based in Raleigh"
            bases = [other for other in spare
                     if passage_text[other.end:other.end + 6].lower() == "-based"
                     or _BASED_IN.search(passage_text, max(0, other.start - 25), other.start)]
            best = bases[0] if len(bases) == 1 else None
        if best is None and name.kind is NameKind.PERSON:
            # "Kelly Ortberg, Boeing's chief executive" against "chief executive Dave Calhoun"
            roles = _roles(claim_text, name)
            holders = [other for other in spare if other.kind is NameKind.PERSON
                       and roles & _roles(passage_text, other)]
            best = holders[0] if len(holders) == 1 else None
        if owner == "owner" and best is not None and not (best.kind is NameKind.PLACE
                                                          or is_country(best.key)):
            best = None
        elif owner == "person" and best is not None and not _SAXON.match(
                passage_text, best.end) and not best.text.endswith(("'s", "’s")):
            best = None  # ("Robert Fico's Smer": another person owns it only in the possessive)
        if (best is not None and name.kind is NameKind.PLACE
                and best.kind not in (NameKind.PLACE, NameKind.GROUP)
                and _nationality_of(claim_text, name)):
            best = None  # "US prosecutors" are the Justice Department's: a nationality, no actor
        if (best is not None and may_stand_for(name, best) and not within(best, name)
                and not nested_places(claim_text, name, best)):
            swaps.append((name, best))
            if best in spare:
                spare.remove(best)
    for name, left, right in moved:
        # the passage mentions it elsewhere while another of its kind stands in its very place
        placed = [other for other in spare
                  if other.kind is name.kind and not within(other, name)
                  and not within(name, other)
                  and left & _neighbours(passage_text, other.start, other.end)[0]
                  and right & _neighbours(passage_text, other.start, other.end)[1]]
        if (len(placed) == 1 and may_stand_for(name, placed[0])
                and not nested_places(claim_text, name, placed[0])):
            swaps.append((name, placed[0]))
    return swaps


def moved_name(claim_text: str, comparison: Comparison, names: NameIndex) -> str:
    """A name the passage puts after the claim's own words before one of its names, with other
    words between ("born on 29 September 1954 in Mahabad" against "born in Tabriz on 29
    September 1954"), while it mentions the claim's one elsewhere; "" if none."""
    passage = comparison.hit.passage.text
    passage_names = names.of(passage)
    claim_names = names.of(claim_text)
    for name in claim_names:
        lead = _LEAD_PREPOSITION.search(claim_text, max(0, name.start - 30), name.start)
        # (the words of a deed, not of a name, "Loučná nad Desnou in", nor an owner,
        # "at Kathmandu's airport")
        if (lead is None or lead.group(1).lower() in STOPWORDS
                or not lead.group(1).islower() and claim_text[:lead.start(1)].strip()
                or claim_text.startswith(("'s", "’s"), name.end)
                or name.text.endswith(("'s", "’s"))):
            continue
        word, preposition = lead.group(1), lead.group(2).lower()
        if preposition == "to" and name.kind is not NameKind.PERSON:
            continue  # ("moved to Paris" leaves a journey's end to the places' checks)
        # (past a title the passage gives the one it names there: "over to the then prime
        # minister, Sher Bahadur Deuba")
        after = re.compile(rf"\s{preposition}\s+(?:the\s+)?{_TITLE_GAP}", re.IGNORECASE)
        for told in re.finditer(rf"\b{re.escape(word)}\b", passage, re.IGNORECASE):
            # (the claim's words, with up to a few others between: "born on 29 September 1954
            # in", "born in 1972 in"; not past the sentence)
            # (a stop in "E. coli" ends no sentence)
            reach = _SENTENCE_END.search(passage, told.end(), told.end() + 60)
            end = told.end() + 60 if reach is None else reach.start()
            for found in after.finditer(passage, told.end(), end):
                other = next((p for p in passage_names if p.start == found.end()), None)
                if other is None or passage.startswith(("'s", "’s"), other.end) or (
                        other.text.endswith(("'s", "’s"))):
                    continue  # (an owner: "in China's Inner Mongolia region")
                if (same_name(name, other) or within(name, other) or within(other, name)
                        or names.same_thing(name, other)
                        or name.kind is NameKind.PLACE and (encloses(name.key, other.key)
                                                            or encloses(other.key, name.key))):
                    break  # the passage puts the claim's own name there
                # (a known place after "in" is a place, however the recogniser typed it:
                # "Sevilla", a football club's name too)
                placed = name.kind is NameKind.PLACE and known(other.key)
                if (other.kind is not name.kind and not placed
                        or any(same_name(other, n) for n in claim_names)):
                    continue  # (a name the claim tells elsewhere is no rival of this one)
                return (f"it names {other.text} where the claim names {name.text}, after "
                        f"'{word} ... {preposition}'")
    return ""


def swapped_agent(claim_text: str, comparison: Comparison, names: NameIndex) -> str:
    """A name the passage puts right before the claim's own words after a claim name it lacks
    ("Microsoft attributed the attacks" against "Mandiant attributed the attacks"), or names
    only elsewhere ("named Kabbashi deputy to the commander-in-chief ... Yasir El Atta as
    assistant" against "named Yasir El Atta as deputy to the commander-in-chief"): another one
    doing the claim's deed or holding its role; "" if none."""
    passage = comparison.hit.passage.text
    passage_names = names.of(passage)
    claim_names = names.of(claim_text)
    for name in claim_names:
        deed = _DEED_AFTER.match(claim_text, name.end)
        if deed is None or not set(tokenize(deed.group(1))) - STOPWORDS:
            continue
        words = _AS_BEFORE.sub("", " ".join(deed.group(1).split()).lower())
        if words.split()[0] in STOPWORDS or len(words.split()) < 2:
            continue  # (where or when, "on the evening", is no deed)
        ends = {p.end for p in passage_names if same_name(p, name) or names.same_thing(p, name)}
        ends |= {m.end() for m in re.finditer(re.escape(name.text), passage)}
        if not ends and name not in comparison.missing_names:
            continue  # (mentioned in other words: no slot to compare)
        if any(_said_after(passage, end, words) for end in ends):
            continue  # the passage gives the claim's name the deed too
        for other in passage_names:
            if (other.kind is not name.kind
                    and not {other.kind, name.kind} <= _PEOPLE_LIKE
                    or within(other, name) or within(name, other)
                    or mentioned(other, claim_text)
                    or any(same_name(other, n) or names.same_thing(other, n)
                           for n in claim_names)):
                continue  # ("Juniper Networks" is the claim's Juniper)
            if _said_after(passage, other.end, words):
                return f"it names {other.text} where the claim names {name.text}, before '{words}'"
    return ""


def _said_after(text: str, end: int, words: str) -> bool:
    """Whether ``text`` goes on with ``words`` (lower case, an "as" aside) right after ``end``."""
    after = " ".join(text[end:end + len(words) + 24].split()).lower()
    return _AS_BEFORE.sub("", after).startswith(words)


_AS_BEFORE = re.compile(r"^\s*as\s+")


def other_body(claim_text: str, comparison: Comparison) -> str:
    """A body of the claim's owner and kind with another first word in the passage ("Russia's
    defence ministry" against "Russia's Foreign Ministry"), where the passage never names the
    claim's one; "" if none."""
    passage = comparison.hit.passage.text
    lowered = fold(passage.lower())
    for body in _OWNED_BODY.finditer(claim_text):
        owner, kind, head = body.group("owner"), body.group("kind"), body.group("head")
        if fold(f"{kind} {head}".lower()) in lowered:
            continue
        for other in re.finditer(rf"\b{re.escape(owner)}\s+(\w+)\s+{re.escape(head)}\b", passage,
                                 re.IGNORECASE):
            if other.group(1).lower() not in STOPWORDS and other.group(1).lower() != kind.lower():
                return (f"it names {other.group(0)} where the claim names "
                        f"{body.group(0)}")
    return ""


def named_otherwise(claim_text: str, comparison: Comparison) -> str:
    """Another name for the same noun in the sentence where the passage states two or more of
    the claim's figures alike ("won 6-4, 6-0 in the quarterfinals of the Miami Open" against
    "won 6-4, 6-0 in the Indian Wells quarterfinals"), where the passage never writes the
    claim's name; "" if none."""
    stated = [e for c, e in comparison.matched if c.kind is not QuantityKind.DATE]
    if len(stated) < 2 or not comparison.missing_entities:
        return ""
    passage = comparison.hit.passage.text
    sentence = {_sentence_around(passage, e.start) for e in stated}
    if len(sentence) != 1:
        return ""
    start, end = sentence.pop()
    told = passage[start:end]
    for entity in comparison.missing_entities:
        at = claim_text.find(entity)
        noun = _NOUN_OF_NAME.search(claim_text, max(0, at - 30), at) if at >= 0 else None
        if noun is None:
            continue
        head = noun.group(1).lower()
        for other in re.finditer(rf"\b((?:[A-Z][\w'’-]+\s+){{1,3}})(?i:{head})\b", told):
            name = other.group(1).strip()
            if (name[:1].isupper() and name.split()[0].lower() not in STOPWORDS
                    and not has_word(name.lower(), fold(claim_text.lower()))):
                return f"it names {name} where the claim names {entity}"
    return ""


_NOUN_OF_NAME = re.compile(r"\b([a-z]{4,})\s+of\s+(?:the\s+)?$")
"""The noun a name qualifies after "of": "the quarterfinals of (the Miami Open)"."""


_OWNED_BODY = re.compile(r"\b(?P<owner>[A-Z][\w.-]*['’]s)\s+(?P<kind>[A-Z][a-z]+)\s+"
                         r"(?P<head>Ministry|Department|Court|Agency|Office|Council|Commission)\b")
"""A body its owner names in the possessive: "Russia's Foreign Ministry"."""


_DEED_AFTER = re.compile(r"\s+([a-z][\w-]*(?:\s+[a-z][\w-]*){1,2})\b")
"""The claim's words right after a name: its deed ("attributed the attacks")."""


_LEAD_PREPOSITION = re.compile(r"\b([A-Za-z]+)(?:\s+(?:over|back|out))?\s+(in|at|from|near|to)\s+"
                               r"(?:the\s+)?$")
"""The claim's word before a name's preposition, past a particle ("the airport over to")."""
_TITLE_WORDS = "|".join(sorted(TITLES - {"dr", "mr", "mrs", "ms"}))
_TITLE_GAP = (rf"(?:(?:(?:then|former|late|acting|interim|new)\s+)?(?:{_TITLE_WORDS})"
              rf"(?:\s+(?:{_TITLE_WORDS})){{0,2}},?\s+)?")
"""A title before the name a passage gives ("the then prime minister, ")."""


_JOINED_BEFORE = re.compile(r"[\w]+-$")


def _joined_alike(claim_text: str, name: Name, passage_text: str) -> bool:
    """Whether the passage writes a name the recogniser cut out of a hyphenated word as the
    claim does ("west Sikkim" of "north-west Sikkim")."""
    joined = _JOINED_BEFORE.search(claim_text, max(0, name.start - 20), name.start)
    return joined is not None and claim_text[joined.start():name.end] in passage_text


def said_in_place(claim_text: str, name: Name, passage_text: str) -> bool:
    """Whether a passage writes a claim name in the claim's words on both sides ("who live in
    Paris with their father"): that slot is stated alike there, whatever another passage puts
    in it."""
    before = re.findall(r"\S+", claim_text[max(0, name.start - 40):name.start])
    after = re.findall(r"\S+", claim_text[name.end:name.end + 40])
    lowered = " ".join(passage_text.lower().split())
    # (words that tell something of the name, not its title or that it spoke: "Chief
    # Secretary Pathak said" is any statement of his)
    for left, right in ((2, 1), (1, 2)):
        around = [*before[len(before) - left:], *after[:right]]
        if (len(before) >= left and len(after) >= right
                and " ".join([*before[len(before) - left:], name.text, *after[:right]]).lower()
                in lowered and any(_telling(word) for word in around)):
            return True
    return False


def _telling(word: str) -> bool:
    word = re.sub(r"[^\w'’-]", "", word.lower())
    return bool(word) and word not in STOPWORDS and word not in TITLES and word not in _SPOKE


_SPOKE = frozenset({"said", "says", "told", "added", "announced", "stated", "noted", "wrote"})


_LEAD_WORDS = re.compile(r"((?:[A-Za-z'’-]+\s+){3}[A-Za-z'’-]+)\s+$")


def _same_words_other_value(claim_text: str, quantity: Quantity, evidence_text: str,
                            stated: Quantity,
                            evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The number a passage writes right after the four words that lead to a claim count
    ("not seen their mother for seven"), when it differs from the count and those words are
    not the ones before the figure stated alike; else ``None``."""
    if quantity.kind is not QuantityKind.COUNT:
        return None
    lead = _LEAD_WORDS.search(claim_text, max(0, quantity.start - 60), quantity.start)
    if lead is None or sum(w.lower() not in STOPWORDS for w in lead.group(1).split()) < 2:
        return None
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, lead.group(1).split()))
                         + r"\s+(\d[\d,]*(?:\.\d+)?|[A-Za-z]+)\b", re.IGNORECASE)
    for found in pattern.finditer(evidence_text):
        if found.start(1) <= stated.start < found.end(1) + 2:
            return None  # (the figure stated alike stands there)
        there = [e for e in evidence_quantities if e.start == found.start(1)]
        if there:  # a figure of its own: another value only if it measures the same way
            # (and is not the one the figure stated alike writes again: "midnight (21:00 GMT)")
            if (comparable(quantity, there[0]) and not agree(quantity, there[0])
                    and not _OPEN_BRACKET.fullmatch(evidence_text[there[0].end:stated.start])):
                return there[0]
            continue
        value = parse_number(found.group(1))
        if value is not None and value != quantity.value:  # a bare number ("for seven")
            return Quantity(quantity.kind, value, value, quantity.unit, Bound.EXACT,
                            found.start(1), found.end(1), found.group(1))
    return None


def nested_places(claim_text: str, name: Name, other: Name) -> bool:
    """Whether a claim place and a passage place hold one another so that neither replaces the
    other: the claim's Greece says less than the passage's Athens; the claim's Moscow says more
    than the passage's Russia where it only tells where something happened ("the US embassy in
    Moscow" is the one "in Russia"), but not as an owner ("Buenos Aires's president" is not
    Argentina's) nor as the field of a rank ("the 16th-biggest bank in New York")."""
    if name.kind is not NameKind.PLACE or other.kind is not NameKind.PLACE:
        return False
    if encloses(name.key, other.key):
        return True
    return encloses(other.key, name.key) and _located(claim_text, name)


def _located(text: str, name: Name) -> bool:
    """Whether a place tells only where something happened: after "in", "at", "near", "off"
    or "outside", not as an owner, and with no rank before it in its clause."""
    if (not _LOCATIVE.search(text, max(0, name.start - 12), name.start)
            or text.startswith(("'s", "’s"), name.end) or name.text.endswith(("'s", "’s"))):
        return False
    clause = re.split(r"[,;:]", text[:name.start])[-1]
    return not _RANK_IN_CLAUSE.search(clause)


_LOCATIVE = re.compile(r"\b(?:in|at|near|off|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_RANK_IN_CLAUSE = re.compile(r"\b(?:\w+est|most|least|first|last|only|second|third|"
                             r"\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


def _out_of_place(claim_text: str, claim_names: Sequence[Name], unmentioned: Sequence[Name],
                  passage_text: str) -> list[tuple[Name, frozenset[str], frozenset[str]]]:
    """Claim names the passage writes, but never between the content words around them in the
    claim, with those words: "met senior Federal Trade Commission officials" against "met with
    senior Justice Department officials ..., and its sister agency, the Federal Trade
    Commission". (Content words: "that Adobe had" and "that the CMA had" share no place.)"""
    moved = []
    for name in claim_names:
        if (any(name is u for u in unmentioned) or name.kind not in _CHECKED_NAMES
                or not name.text[:1].isupper()):
            continue
        left, right = (frozenset(w for w in side if w not in STOPWORDS
                                 and w not in _BOUNDARIES and w not in _NO_SLOT)
                       for side in _neighbours(claim_text, name.start, name.end))
        if not left or not right:
            continue
        spots = [m.span() for m in re.finditer(re.escape(name.text), passage_text)]
        if spots and not any(_neighbours(passage_text, *spot)[1] & right for spot in spots) \
                and not _tells_after(claim_text, name, passage_text, spots):
            moved.append((name, left, right))  # (not written in its own place, nor otherwise)
    return moved


def _tells_after(claim_text: str, name: Name, passage_text: str,
                 spots: Sequence[tuple[int, int]]) -> bool:
    """Whether the passage, after the name (at ``spots``) and in its sentence, tells three or
    more of the words that follow it in the claim, in other words: "Gukesh sank 60 minutes and
    17 seconds into his 11th move" is "Gukesh then took 60 minutes and 17 seconds over his 11th
    move"."""
    after = set(tokenize(_CLAUSE.split(claim_text[name.end:name.end + 90], 1)[0]))
    return len(after) >= 3 and any(
        len(after & set(tokenize(_SENTENCE_END.split(passage_text[end:end + 120], 1)[0])))
        >= 3 for _, end in spots)


def _owns_stated(claim_text: str, name: Name, claim_names: Sequence[Name],
                 unmentioned: Sequence[Name]) -> str:
    """How ``name`` stands before a claim name the passage states: "owner" for a country or
    place owning it in the possessive ("Turkey's MIT", "Britain's CMA"), "person" for a person
    owning it ("Robert Fico's Smer"), "part" for the first part of a name the recogniser split
    ("Novak" of "Novak Djokovic"), else "". The passage naming what is owned need not name its
    owner: only another country or place stands in for the one, only a person the passage
    writes in the possessive for the other."""
    owned = _POSSESSIVE.match(claim_text, name.end)
    if owned is None or not any(other.start == owned.end()
                                and not any(other is u for u in unmentioned)
                                for other in claim_names):
        return ""
    if not owned.group(0).strip() and not name.text.endswith(("'s", "’s")):
        return "part"  # (the recogniser's "São Paulo's" is an owner, not a split name)
    if name.kind is NameKind.PLACE or is_country(name.key):
        return "owner"
    return "person" if name.kind is NameKind.PERSON else ""


_THAT_AFTER = re.compile(r",?\s+that\b")
_POSSESSIVE = re.compile(r"(?:['’]s?)?[ \t]+")
_SAXON = re.compile(r"['’]s\s")
_TOLD_ON = re.compile(r"\b(?:said|says|told|announced|confirmed|reported|stated|added)\s+"
                      r"(?:\w+\s+){0,2}?on\s+$", re.IGNORECASE)


def own_outlet(name: Name, source: str) -> bool:
    """Whether ``name`` is (part of) the passage's publisher ``source``."""
    return name.text.lower().removeprefix("the ") in source.lower()


def tells_news(text: str, name: Name) -> bool:
    """Whether ``name`` stands as the teller of the news ("Reuters reported", "NPR said",
    "according to the BBC")."""
    return (_REPORTED.match(text, name.end) is not None
            or _ACCORDING.search(text, max(0, name.start - 20), name.start) is not None)


_REPORTED = re.compile(r"(?:,[^.;,]{1,60},)?\s+(?:has\s+|had\s+)?(?:report(?:ed|s)|said|says|"
                       r"wrote|writes)\b", re.IGNORECASE)  # ("NPR, in a story carried by X, said")
_ACCORDING = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


def relays_news(text: str, name: Name) -> bool:
    """Whether ``name`` is a wire the passage's report draws on ("carrying an IANS report based
    on Xinhua", "relaying Reuters"): a teller of the news, in no slot of the event."""
    return _RELAYED.search(text, max(0, name.start - 24), name.start) is not None


_RELAYED = re.compile(r"\b(?:based\s+on|relaying|drawing\s+on|carrying|carried\s+by)\s+"
                      r"(?:an?\s+|the\s+)?$", re.IGNORECASE)


def _reacts(text: str, name: Name) -> bool:
    """Whether the name is of one who reacts to what happened ("Sundar Pichai congratulated
    Hinton", "Google's chief executive ... praised"): many may, so another who did is no swap."""
    return _REACTION.match(text, name.end) is not None


_REACTION = re.compile(r"(?:['’]s)?(?:\s+[\w'’-]+){0,4}?\s+(?:congratulat|prais|welcom|hail|"
                       r"thank|mourn|condemn|criticis|criticiz|applaud|celebrat|commend|salut|"
                       r"react|paid\s+tribute|pays?\s+tribute|sent\s+condolences|"
                       r"expressed\s+condolences)\w*\b", re.IGNORECASE)


_EVENT_COMMON_NOUNS = frozenset({"games", "final", "finals", "cup", "league", "championship",
                                 "championships", "series", "tour", "tournament", "summit"})


def _names_the_event(name: Name, claim_text: str) -> bool:
    """Whether a passage's name is an event's common noun, alone or after words the claim
    writes too ("the Games", "the Final"; "the Paris Games" for a claim on "the Paris Olympics"):
    it names the claim's event in common words, no rival of a name."""
    words = name.key.removeprefix("the ").split()
    if not words or words[-1] not in _EVENT_COMMON_NOUNS:
        return False
    lowered = fold(claim_text.lower())
    return all(has_word(word, lowered) for word in words[:-1])
_BASED_IN = re.compile(r"\b(?:based|headquartered)\s+in\s+$")
_ROMAN = re.compile(r"[IVXLCDM]+")


def _same_place(left: frozenset[str], right: frozenset[str], other_left: frozenset[str],
                other_right: frozenset[str]) -> bool:
    """Whether two names share a neighbouring word on both sides (not a sentence boundary)."""
    return bool(left & other_left - _BOUNDARIES) and bool(right & other_right - _BOUNDARIES)


def _numbered_otherwise(name: Name, other: Name) -> bool:
    """Whether two names differ only in how they number one of a series, in two systems ("Super
    Bowl LVIII" and "the 2024 Super Bowl"): nothing says they are two different ones."""
    words = [w.strip("'’s") for w in name.text.split()]
    other_words = [w.strip("'’s") for w in other.text.split() if w.lower() != "the"]
    rest, other_rest = set(words) - set(other_words), set(other_words) - set(words)
    if not rest or not other_rest or not set(words) & set(other_words):
        return False
    kinds = [{"roman" if _ROMAN.fullmatch(w) else "digits" if w.isdigit() else "word"
              for w in part} for part in (rest, other_rest)]
    return "word" not in kinds[0] | kinds[1] and kinds[0] != kinds[1]


def credited_to_another(claim_text: str, comparison: Comparison, names: NameIndex) -> str:
    """How the passage credits the figure the claim gives its one person to another person,
    and another figure to the claim's ("Huang Bokai finished second with 5.82m" against
    "Kendricks was second at 5.82m and Huang Bokai third at 5.72m"), or ""."""
    if not comparison.name_swaps or not comparison.matched:
        return ""
    passage = comparison.hit.passage.text
    swaps = _holder_swaps(claim_text, names.of(claim_text), passage, names.of(passage),
                          comparison.matched, extract_quantities(passage))
    return "; ".join(f"it credits the claim's figure to {other.text}, not {name.text}"
                     for name, other in swaps)


def _holder_swaps(claim_text: str, claim_names: Sequence[Name], passage_text: str,
                  passage_names: Sequence[Name], matched: Sequence[tuple[Quantity, Quantity]],
                  passage_quantities: Sequence[Quantity]) -> tuple[tuple[Name, Name], ...]:
    """The claim's one person, credited in the passage with another figure than the one the
    claim gives them, while another person holds that one: "fifth in 9.85 went to Tebogo"
    against "Jacobs came fifth in 9.85 seconds and Tebogo came sixth in 9.86 seconds"."""
    people = [n for n in claim_names if n.kind is NameKind.PERSON]
    if len(people) != 1:
        return ()
    holder = people[0]
    # spaCy types some people as organisations ("Marcell Jacobs"): full names of either kind
    others = [n for n in passage_names if n.kind is NameKind.PERSON
              or n.kind is NameKind.ORG and _full(n)]
    # (and the claim credits a figure to whomever it names before it, of either kind, even a
    # part of a name the recogniser split: "Novak Djokovic is the first ... to win 24")
    credited = [n for n in claim_names if n.kind in (NameKind.PERSON, NameKind.ORG)]
    for claim_q, passage_q in matched:
        if claim_q.kind == QuantityKind.DATE:
            continue
        ours = _owner(claim_text, claim_q, credited)
        if ours is not None and ours != holder:
            continue  # the claim credits this figure to another ("Reliance will own 16.34%")
        owner = _owner(passage_text, passage_q, others)
        if owner is None or mentioned(owner, claim_text):
            continue  # (a body the claim names in another form: "the UN Satellite Centre")
        # a person, as the recogniser may not know ("Novak Djokovic")
        owner = dataclasses.replace(owner, kind=NameKind.PERSON)
        if (same_name(owner, holder) or name_in(owner, claim_names)
                or mentioned(owner, claim_text)):
            continue  # (a figure credited to someone the claim names too is no swap)
        theirs = [q for q in passage_quantities if q is not passage_q and comparable(claim_q, q)
                  and not agree(claim_q, q)
                  and (mine := _owner(passage_text, q, others)) is not None
                  and same_name(mine, holder)]
        if theirs:
            return ((holder, owner),)
    return ()


def _role_swaps(claim_text: str, claim_names: Sequence[Name], passage_text: str,
                passage_names: Sequence[Name]) -> tuple[tuple[Name, Name], ...]:
    """A name the claim describes in an apposition, while the passage names it too but gives
    that description to another name: "Diab Serrieh, the head of the White Helmets" against
    "Diab Serrieh, who directs a detainees' group ... Raed Saleh, head of the White Helmets";
    "Brateevo, the south-eastern Moscow district where Navalny had lived" against "Maryino, the
    south-eastern Moscow district where he had lived ... Brateevo, the neighbouring district"."""
    for name in claim_names:
        if not mentioned(name, passage_text):
            continue
        described = _apposed(claim_text, name)
        if len(described) < 3:
            continue
        # (the passage's description of the claim's own name, if it has one there)
        own = max((len(described & _apposed(passage_text, n)) for n in passage_names
                   if same_name(n, name)), default=0)
        for other in passage_names:
            if (is_people(other) or same_name(other, name)
                    or mentioned(other, claim_text) or within(other, name)
                    or within(name, other)):
                continue
            shared = described & _apposed(passage_text, other)
            if len(shared) >= max(3, 0.6 * len(described)) and len(shared) > own:
                return ((name, other),)
    return ()


def _apposed(text: str, name: Name) -> frozenset[str]:
    """The content words of the apposition right after a name (", the head of the White
    Helmets", ", the south-eastern Moscow district where he had lived"), stemmed; empty if the
    name has none."""
    apposition = _APPOSITION.match(text, name.end)
    if apposition is None:
        return frozenset()
    return frozenset(w for w in tokenize(apposition.group("what")) if w not in STOPWORDS)


# ", the head of the White Helmets rescue service," or ", head of the Syrian Civil Defence,
# known as the White Helmets,": an article or a title, then the words to the clause's end
_APPOSITION = re.compile(r",\s+(?P<what>(?:the|an?)\s+[^,;.()]{3,90}?|(?:acting\s+|interim\s+)?"
                         r"(?:head|chief|director|leader|chairman|chairwoman|chair|president|"
                         r"founder|spokesman|spokeswoman|spokesperson|commander|minister|"
                         r"secretary|governor|mayor|coach|captain|manager)\s+(?:of|at)\s+"
                         r"[^;.()]{3,90}?)(?=[,;.]\s+(?![Kk]nown\b)|[,;.]?$)")


def _owner(text: str, quantity: Quantity, people: Sequence[Name]) -> Name | None:
    """The person a figure is credited to: the nearest one named before it in its clause, not
    one beaten there ("Gukesh beat Ding ..., winning in 29 moves" credits Gukesh)."""
    before = [n for n in people if n.end <= quantity.start and quantity.start - n.end <= 60
              and not re.search(r"[;.]\s|\band\b", text[n.end:quantity.start])
              and not _BEATEN.search(text, max(0, n.start - 20), n.start)]
    return max(before, key=lambda n: n.end, default=None)




def _title_holder(text: str, name: Name, names: Sequence[Name]) -> Name | None:
    """The person a name is part of the title of ("Assembly" of "Assembly president Henry
    Kronfle"): the person named right after it and one to three lower-case words, the last a
    title."""
    follows = re.match(r"(?:\s+[a-z][\w-]*){1,3}\s+", text[name.end:name.end + 40])
    if follows is None or follows.group(0).split()[-1].lower() not in TITLES:
        return None
    at = name.end + follows.end()
    return next((n for n in names if n.start == at and n.kind is NameKind.PERSON), None)


def _roles(text: str, name: Name) -> set[str]:
    """The titles next to a person's name in its clause ("chief executive", "coach")."""
    before = re.split(r"[;.]\s", text[max(0, name.start - 40):name.start])[-1]
    after = re.split(r"[;.]\s|,\s(?:who|which|said)", text[name.end:name.end + 40])[0]
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", f"{before} {after}")}
    if {"chief", "executive"} <= words:
        words.add("ceo")
    return {w for w in words & TITLES if w not in _VAGUE_ROLES}


# Titles too common to pin a role down ("head", "chief" alone, "player").
_VAGUE_ROLES = frozenset({"head", "chief", "player", "vice", "co-founder", "general", "chair",
                          "lord", "lady", "sir", "dame", "dr", "mr", "mrs", "ms", "prof"})


def _alike(name: Name, text: str, other: Name, other_text: str, *, mixed: bool = True) -> bool:
    """Whether two names are of one kind: the same kind, the same head word ("Gatwick Airport",
    "Heathrow Airport"; "Baikonur Cosmodrome", "the Vostochny cosmodrome"), or, with ``mixed``,
    two full names of a person or organisation (spaCy mixes those up: "Benson Kipruto" as an
    organisation)."""
    if name.kind == other.kind:
        return True
    head = name.text.split()[-1].lower()
    if len(name.text.split()) > 1 and (
            other.text.split()[-1].lower() == head
            or other_text[other.end:other.end + len(head) + 1].strip().lower() == head):
        return True
    if _full(name) and _full(other) and name.text.split()[0] == other.text.split()[0] != "the":
        return True  # "Manchester United", "Manchester City"
    people = {NameKind.PERSON, NameKind.ORG}
    return mixed and {name.kind, other.kind} <= people and _full(name) and _full(other)


def _serial_for_person(name: Name, other: Name) -> bool:
    """Whether one of two names, a person's by its kind, carries a serial number the other has
    not ("Booster B1083" for "Jared Isaacman": a thing spaCy took for a person)."""
    numbered = [bool(_NUMBERED.search(n.text)) for n in (name, other)]
    return numbered[0] != numbered[1] and NameKind.PERSON in (name.kind, other.kind)


_NUMBERED = re.compile(r"\d")


def _full(name: Name) -> bool:
    """Whether a name has two words or more besides "the" ("Network Rail", "Benson Kipruto")."""
    return len([w for w in name.text.split() if w.lower() != "the"]) >= 2


_BOUNDARIES = frozenset({"</s>"})  # two names ending sentences share no role; two opening them do


def _dated(text: str, quantities: Sequence[Quantity]) -> list[Quantity]:
    """The quantities, with a day moved by the lapse before it: in "two days after the 5 January
    blowout, he found the plug" the finding is dated 7 January."""
    moved: list[Quantity] = []
    for quantity in quantities:
        window = max(0, quantity.start - 40)
        lapse = _LAPSE.search(text[window:quantity.start])
        days = parse_number(lapse.group("n")) if lapse else None
        if (lapse and days is not None and quantity.kind == QuantityKind.DATE
                and quantity.unit == "day" and quantity.value == quantity.high):
            shift = days * (7 if lapse.group("unit").lower().startswith("week") else 1)
            shift = -shift if lapse.group("way").lower() == "before" else shift
            quantity = dataclasses.replace(
                quantity, value=quantity.value + shift, high=quantity.high + shift,
                surface=f"{lapse.group(0).strip()} {quantity.surface.strip()}")
            # the lapse itself is part of the date now, not a figure of its own
            moved = [q for q in moved if not window + lapse.start() <= q.start < quantity.start]
        moved.append(quantity)
    return moved


_LAPSE = re.compile(r"\b(?P<n>\w+)\s+(?P<unit>days?|weeks?)\s+(?P<way>after|before)\s+"
                    r"(?:the\s+)?$", re.IGNORECASE)


def _stated_by_other(evidence_q: Quantity, quantity: Quantity,
                     claim_quantities: Sequence[Quantity]) -> bool:
    """Whether a claim date other than ``quantity`` states ``evidence_q`` exactly."""
    return any(other is not quantity and other.kind == evidence_q.kind
               and (other.value, other.high, other.unit)
               == (evidence_q.value, evidence_q.high, evidence_q.unit)
               for other in claim_quantities)


def _all_alike(claim_text: str, claim_quantities: Sequence[Quantity], evidence_text: str,
               evidence_quantities: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """The claim's figures other than dates, each paired with a figure of the passage that
    agrees with it (one each, the same value first, then the closest wording), when there are
    two or more and the passage has one for every one of them: figures of one kind and unit
    anywhere in it (a score line, a range, sums of money), figures of several kinds in one of
    its sentences ("4.64% of the vote and 12 seats"); else none. Two bare numbers counting
    different nouns ("four goals", "four assists") are no pair."""
    figures = [q for q in claim_quantities if q.kind not in (QuantityKind.DATE,
                                                             QuantityKind.ORDINAL)]
    if len(figures) < 2:
        return []
    mixed = any((q.kind, q.unit) != (figures[0].kind, figures[0].unit) for q in figures[1:])
    pairs: list[tuple[Quantity, Quantity]] = []
    for quantity in figures:
        noun = (_counted_noun(claim_text, quantity)
                if quantity.kind is QuantityKind.COUNT and not quantity.unit else "")
        alike = [e for e in figures_like(claim_text, quantity, evidence_text, evidence_quantities)
                 if agree(quantity, e) and not any(e is used for _, used in pairs)
                 and not (noun and _counted_noun(evidence_text, e) not in ("", noun))]
        if not alike:
            return []
        pairs.append((quantity, max(alike, key=lambda e: (
            e.value == quantity.value, _fit(claim_text, quantity, evidence_text, e)))))
    if mixed and not _side_by_side([e for _, e in pairs], evidence_text, evidence_quantities):
        return []  # figures of several kinds, each stated somewhere, pin nothing together
    return pairs


def _side_by_side(stated: Sequence[Quantity], text: str, quantities: Sequence[Quantity]) -> bool:
    """Whether figures of a text stand together: in one sentence, with no other figure but a
    date between them ("4.64% of the vote and 12 seats"; not "12 steals" after "17 of its 34
    three-point attempts", nor "650 results ... 59.9%, well below the 67.3%")."""
    first, last = min(e.start for e in stated), max(e.start for e in stated)
    return (len({_sentence_around(text, e.start) for e in stated}) == 1
            and not any(first < e.start < last and e.kind is not QuantityKind.DATE
                        and not any(e is s for s in stated) for e in quantities))


def _sum_of_parts(quantity: Quantity, matched: Sequence[tuple[Quantity, Quantity]],
                  claim_text: str) -> bool:
    """Whether a count is the sum of two or more of the claim's counts of its unit that the
    passage states alike (the two ends of a range, "70 to 80", are no parts)."""
    parts = [c for c, _ in matched if c.kind is QuantityKind.COUNT
             and c.unit in (quantity.unit, "")  # ("190 members, 172 from the opposition")
             and not any(_RANGE_BETWEEN.fullmatch(claim_text, min(c.end, o.end),
                                                  max(c.start, o.start))
                         for o, _ in matched if o is not c)]
    return (quantity.kind is QuantityKind.COUNT and len(parts) >= 2
            and abs(sum(c.value for c in parts) - quantity.value) < 1e-9)


_RANGE_BETWEEN = re.compile(r"\s*(?:to|-|–|or)\s*")
_PART_BEFORE = re.compile(r"(?<![\d.,])(\d[\d,]*)\s+(?:[a-z-]+\s+){0,2}?(?:and|plus)\s+$")


def _parts_beside(quantity: Quantity, evidence_q: Quantity, evidence_text: str) -> bool:
    """Whether a claim count is the sum of the passage's count it was compared with and the
    number joined to it by "and" just before ("112 constituency and 29 list seats" for 141)."""
    if (quantity.kind is not QuantityKind.COUNT or evidence_q.kind is not QuantityKind.COUNT
            or evidence_q.unit):
        return False
    part = _PART_BEFORE.search(evidence_text, max(0, evidence_q.start - 40), evidence_q.start)
    return part is not None and (
        abs(float(part.group(1).replace(",", "")) + evidence_q.value - quantity.value) < 1e-9)


_OTHERS = re.compile(r"[\s-]+other\b", re.IGNORECASE)


def _with_others(quantity: Quantity, claim_text: str, evidence_q: Quantity,
                 evidence_text: str) -> bool:
    """Whether one text counts the others of a group and the other text the whole group: "10
    other parties" and "an 11-party coalition"."""
    if quantity.kind is not QuantityKind.COUNT or evidence_q.kind is not QuantityKind.COUNT:
        return False
    if _OTHERS.match(evidence_text, evidence_q.end):
        return quantity.value == evidence_q.value + 1
    return bool(_OTHERS.match(claim_text, quantity.end)) and evidence_q.value == quantity.value + 1


def _this_years_edition(quantity: Quantity, evidence_text: str, published: str | None,
                        theirs: set[int]) -> bool:
    """Whether a passage tells of the claim's edition ("the 2024 Ballon d'Or") though it names
    no year of it: every year it writes is an earlier one it looks back to ("the first
    Spanish-born winner since 1960") or of other people's deeds (starting at ``theirs``), and
    it is dated the edition's year or undated."""
    years = list(_A_YEAR.finditer(evidence_text))
    return (not published or published[:4] == quantity.surface) and all(
        int(year.group(0)) < int(quantity.surface)
        # "since Luis Suárez in 1960", "the first since 1998": a year looked back to
        and (follows_since(evidence_text, year.start()) or year.start() in theirs
             or _SINCE.search(evidence_text, max(0, year.start() - 48), year.start()))
        for year in years)  # ("his earlier wins, in 2019 and 2014" tells of those years)


def _of_the_year(claim_text: str, quantity: Quantity, evidence_text: str,
                 published: str | None) -> bool:
    """Whether the claim's year ("the largest offering of 2023") is the passage's "of the
    year" or "this year", in a passage that writes no year and is dated that year if dated."""
    return (quantity.kind is QuantityKind.DATE and quantity.surface.isdigit()
            and _OF_A_YEAR.search(claim_text, max(0, quantity.start - 4),
                                  quantity.start) is not None
            and _THE_YEAR.search(evidence_text) is not None
            and not _A_YEAR.search(evidence_text)
            and (not published or published[:4] == quantity.surface))


_OF_A_YEAR = re.compile(r"\b(?:of|in|for)\s+$")
_THE_YEAR = re.compile(r"\b(?:of|in|for)\s+the\s+year\b|\bthis\s+year\b",
                       re.IGNORECASE)


def _against_finer(claim_q: Quantity, evidence_q: Quantity,
                   matched: Sequence[tuple[Quantity, Quantity]]) -> tuple[Quantity, Quantity]:
    """A clashing date against the passage's date that a wider date of the claim found: "the
    2023 final ... on 12 November 2023" clashes with the passage's "19 November 2023", which its
    "2023" agreed with, not with another year the passage names."""
    if claim_q.kind is not QuantityKind.DATE or claim_q.unit != "day":
        return claim_q, evidence_q
    span = claim_q.high - claim_q.value
    for wider, found in matched:
        if (wider.kind is QuantityKind.DATE and wider.unit == found.unit == "day"
                and wider.value <= claim_q.value and claim_q.high <= wider.high
                and wider.high - wider.value > span and found.high - found.value <= span
                and not agree(claim_q, found)):
            return claim_q, found
    return claim_q, evidence_q


def dated_otherwise(text: str, figure: Quantity, matched: Sequence[tuple[Quantity, Quantity]],
                     quantities: Sequence[Quantity]) -> bool:
    """Whether the sentence of ``text`` holding ``figure`` is dated, by none of the dates the
    claim was found to share with the passage, while one of those stands in another sentence."""
    shared = [e for c, e in matched if c.kind is QuantityKind.DATE]
    if not shared:
        return False
    start, end = _sentence_around(text, figure.start)
    dates = [q for q in quantities if q.kind is QuantityKind.DATE and start <= q.start < end]
    return (bool(dates) and not any(any(q is e for e in shared) for q in dates)
            and not any(agree(c, q) for c, _ in matched if c.kind is QuantityKind.DATE
                        for q in dates))


def of_other_people(text: str, figure: Quantity, text_names: Sequence[Name],
                     claim_text: str, claim_names: Sequence[Name]) -> bool:
    """Whether the sentence of ``text`` holding ``figure`` is about other people than the
    claim's: it names a person the claim does not and none of the claim's people ("The moment
    recalled Kirk Gibson's home run in the 1988 World Series" for a claim about Freddie Freeman):
    its figures are theirs."""
    people = [n for n in claim_names if n.kind is NameKind.PERSON]
    if not people:
        return False
    start, end = _sentence_around(text, figure.start)
    told = [n for n in text_names if n.kind is NameKind.PERSON and start <= n.start < end]
    return (any(not name_in(n, claim_names) and not mentioned(n, claim_text) for n in told)
            and not any(name_in(n, told) or mentioned(n, text[start:end]) for n in people))


def _dates_another_sentence(text: str, date: Quantity,
                            matched: Sequence[tuple[Quantity, Quantity]],
                            quantities: Sequence[Quantity]) -> bool:
    """Whether the figures the passage states alike stand, undated, in a sentence other than the
    one of ``date``."""
    figures = [e for c, e in matched if c.kind is not QuantityKind.DATE]
    if not figures:
        return False
    around = _sentence_around(text, date.start)
    spans = {_sentence_around(text, e.start) for e in figures}
    return around not in spans and not any(
        q.kind is QuantityKind.DATE and start <= q.start < end
        for start, end in spans for q in quantities)


@functools.lru_cache(maxsize=16384)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The start and end of each sentence of ``text``."""
    spans, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return tuple(spans)


@functools.lru_cache(maxsize=16384)
def _sentence_telling(text: str, words: frozenset[str]) -> tuple[int, int] | None:
    """The span of the sentence of ``text`` sharing the most of ``words``, if it has several."""
    spans = _sentence_spans(text)
    if len(spans) < 2:
        return None
    return max(spans, key=lambda span: len(words & set(tokenize(text[span[0]:span[1]]))))


def _sentence_around(text: str, at: int) -> tuple[int, int]:
    """The start and end of the sentence of ``text`` holding the character at ``at``."""
    spans = _sentence_spans(text)
    return next((span for span in spans if at < span[1]), spans[-1])


def _vaguer(evidence: Quantity, claim: Quantity) -> bool:
    """Whether a dated interval of the passage is wider than the claim's (a year for a month)."""
    return (evidence.unit == claim.unit == "day"
            and evidence.high - evidence.value > claim.high - claim.value)


def figures_like(claim_text: str, quantity: Quantity, evidence_text: str,
                 evidence_quantities: list[Quantity]) -> list[Quantity]:
    """Evidence quantities that could state the same figure as the claim's ``quantity``."""
    candidates = [e for e in evidence_quantities if comparable(quantity, e)]
    if quantity.kind is QuantityKind.ORDINAL:
        # "the 10th team" answers "the first women's team", not "taken first overall"
        same = [e for e in candidates if e.unit == quantity.unit != ELLIPTIC]
        if same and quantity.unit in _PLAY_PARTS:
            # "scored twice in the third" leaves the period unsaid: the same part of a game
            # without its noun answers as well as "the first period" beside it, as its words tell
            same += [e for e in candidates if e.unit == ELLIPTIC and agree(quantity, e)]
        if same or quantity.unit == REPEAT:
            return same or candidates
        if quantity.unit == ELLIPTIC and _OWNED.search(claim_text, max(0, quantity.start - 8),
                                                        quantity.start):
            # "his winning goal ... was his 27th for Argentina": the noun left out is one the
            # claim writes, answered by "his 29th goal for Argentina" ("finished third" and
            # "the second of them" leave none out; "third-period goals" count goals)
            named = [e for e in candidates if e.unit not in ("", ELLIPTIC, REPEAT)
                     and re.search(rf"(?<!-)\b{re.escape(e.unit)}", claim_text, re.IGNORECASE)]
            if named:  # (or by the same words: "his fifth of the tournament")
                return named + [e for e in candidates if e.unit == ELLIPTIC and agree(quantity, e)]
        # and "for the second time" counts how often: "his eighth Olympic medal" is answered by
        # "the medal was his eighth" beside it, if the passage has one; a bare ordinal in words
        # that share nothing with the claim's places someone else ("his eighth Ballon d'Or"
        # against "Bernardo Silva ninth and Luka Modric tenth")
        if quantity.unit not in ("", ELLIPTIC):
            candidates = [e for e in candidates if e.unit != ELLIPTIC or agree(quantity, e)
                          or _context_overlap(claim_text, quantity, evidence_text, e) > 0]
        return [e for e in candidates if e.unit != REPEAT] or candidates
    if quantity.kind is QuantityKind.DATE:
        # "since late 2018" opens a period: it answers a claim's "since", not when something
        # happened ("the November 2024 filing"), unless it states that date alike
        opens = follows_since(claim_text, quantity.start)
        candidates = [e for e in candidates
                      if opens or agree(quantity, e) or not follows_since(evidence_text, e.start)]
        # "halted flights until 24 January" ends a period: answered by an end, not by the day
        # it began ("the 1 January quake")
        if _closes(claim_text, quantity.start):
            candidates = [e for e in candidates
                          if agree(quantity, e) or _closes(evidence_text, e.start)]
        # "savings of $1.5bn by 2027", "a bonus if the deal closed by 30 June 2025": a deadline
        # is answered by a deadline, not by the day something happened ("closed on 18 May")
        deadline = names_deadline(claim_text, quantity.start)
        candidates = [e for e in candidates
                      if agree(quantity, e) or names_deadline(evidence_text, e.start) == deadline]
        return candidates
    # A figure a hundred times larger or smaller measures something else ("9.81" seconds is no
    # answer to "the 100m final"); real misreports stay within that.
    if quantity.unit == SCORE:  # a score answers a score, whatever verb tells who won
        # (a set's score, one of a series, "7-6 (4), 7-6 (3)", answers a set's, not the
        # match's "a 2-1 win")
        if score_of_absent_side(claim_text, quantity, evidence_text):
            return []  # a score against a side the passage never names is another match's
        series = _in_series(claim_text, quantity)
        return [e for e in candidates if e.unit == SCORE
                and _in_series(evidence_text, e) == series]
    candidates = [e for e in candidates
                  if not worlds_apart(in_seconds(quantity).value, in_seconds(e).value)]
    # "Gillis, 30, a SpaceX engineer": an age is its owner's, no answer to another's age
    candidates = [e for e in candidates if agree(quantity, e)
                  or not _age_of_another(evidence_text, e, claim_text)]
    # and an age ("was 48 years old") is answered by an age, not by "five other countries"
    if _is_age(claim_text, quantity):
        candidates = [e for e in candidates if e.value == quantity.value
                      or _is_age(evidence_text, e) or e.unit == "year"]
    # A change ("by 34 seconds", "up 18%") answers a change, a level ("in 2:01:09") a level.
    change = _is_change(claim_text, quantity)
    candidates = [e for e in candidates if _is_change(evidence_text, e) == change]
    # A lapse between two moments ("two days after the crash", "three weeks later") answers a
    # lapse, not how long something lasted ("three days of national mourning").
    candidates = [e for e in candidates if agree(quantity, e)
                  or not lapse_differs(claim_text, quantity, evidence_text, e)]
    # A figure told in words that share nothing with the claim's measures something else: "the
    # mission costs 5.2 billion dollars" is no answer to "the launch contract is worth 178
    # million"; a figure stated alike is left to the checks of the figures it sits among.
    candidates = [e for e in candidates if agree(quantity, e)
                  or not _other_measure(claim_text, quantity, evidence_text, e)]
    if quantity.kind != QuantityKind.COUNT:
        return candidates
    # "who was 22 when he won" is answered by "22 years, 6 months and 27 days" before any bare
    # figure near it; an age to the day by another told in years, months or days
    ages = [e for e in candidates if AGE in (e.unit, quantity.unit) and agree(quantity, e)]
    if ages or quantity.unit == AGE:
        if ages:
            return ages
        # (one told to the day in other months or days is the age of the same whole years)
        told = [e for e in candidates if e.unit == AGE]
        return [e for e in told if int(e.value) == int(quantity.value)] or told
    same_unit = [e for e in candidates if e.unit and e.unit == quantity.unit]
    if same_unit:
        return same_unit
    if quantity.unit in _PHYSICAL:
        # "109.7 mph" is answered by a speed, not by a bare "three" near it
        return [e for e in candidates if e.value == quantity.value]
    noun = ""
    if not quantity.unit:
        # "41 stations" says nothing about "255 metres": a number counting another noun
        # ("6.35 million Austrians" counts people, like "6,346,059 people")
        noun = _counted_noun(claim_text, quantity)
        people = bool(_people_counted(claim_text, quantity))
        candidates = [e for e in candidates if e.value == quantity.value
                      or people and e.unit == "person"
                      or not e.unit and (not noun or _counted_noun(evidence_text, e) in ("", noun))]
    # A bare number ("two phases") is compared only where its surroundings match the claim's.
    return [e for e in candidates
            if e.value == quantity.value or bool(noun) and _counted_noun(evidence_text, e) == noun
            or _context_overlap(claim_text, quantity, evidence_text, e) > 0]


def score_of_absent_side(claim_text: str, quantity: Quantity, passage_text: str) -> bool:
    """Whether a claim's score is told against a side the passage never mentions ("had beaten
    Sorana Cirstea 6-0, 6-3" against a passage without Cirstea): any score there is another
    match's."""
    if quantity.unit != SCORE:
        return False
    before = _SCORES_BEFORE.sub("", claim_text[:quantity.start])
    # (past what the claim says of that side: "beat Mirra Andreeva, the youngest woman in the
    # draw, 6-3, 6-2")
    side = _SIDE_BEFORE.search(_APPOSED_LAST.sub(" ", before))
    lowered = fold(passage_text.lower())
    # (any word of its name will do: "Edmonton" for the Edmonton Oilers)
    return side is not None and not any(
        has_word(word, lowered) for word in _OWNER_MARK.sub("", fold(side.group(1).lower())).split()
        if len(word) >= 3 and word not in STOPWORDS)


_SCORES_BEFORE = re.compile(r"(?:\d+-\d+(?:\s*\(\d+\))?\s*,?\s*)+$")
_SIDE_BEFORE = re.compile(r"\b((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]{2,})\s+$")
"""The side a score is told against: the name right before it."""
_OWNER_MARK = re.compile(r"['’]s?\b|['’]")
_APPOSED_LAST = re.compile(r",\s+(?:the|a|an)\s+[^,;]*,\s*$")
"""What a claim says of that side between its name and the score."""


_PEOPLE_OF_A_PLACE = re.compile(r"\s+[A-Z][a-z]{2,}(?:ians|ans|is|ons|ards)\b")
"""People named by their country or region in the plural: "Austrians", "Iraqis", "Britons"."""


def _people_counted(text: str, quantity: Quantity) -> str:
    """The people by their country a figure counts ("Austrians" of "6.35 million Austrians"),
    or ""."""
    found = _PEOPLE_OF_A_PLACE.match(text, quantity.end)
    return found.group(0).strip() if found is not None else ""


def _is_age(text: str, quantity: Quantity) -> bool:
    """Whether a figure is someone's age: "48 years old", "a 73-year-old", "aged 64",
    "Bongo, 64,"."""
    return bool(_AGE_AFTER.match(text, quantity.end)
                or _AGED.search(text, max(0, quantity.start - 6), quantity.start)
                or (AGE_OWNER.search(text, max(0, quantity.start - 40), quantity.start)
                    and text[quantity.end:quantity.end + 1] == ","))


_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"(?:\s+years?)?[\s-]+(?:old\b|year-old\b)|-year-old\b", re.IGNORECASE)


def _age_of_another(text: str, quantity: Quantity, claim_text: str) -> bool:
    """Whether a figure is the age of someone the claim does not name ("Gillis, 30,", "Raymond
    Ndong Sima, a 68-year-old economist")."""
    owner = AGE_OWNER.search(text, max(0, quantity.start - 40), quantity.start)
    if owner is not None and quantity.unit == "year" and text[quantity.end:quantity.end + 1] == ",":
        return not has_word(owner.group(1), claim_text)
    owner = _OWNER_OF_AGE.search(text, max(0, quantity.start - 40), quantity.start)
    return (owner is not None and _AGE_AFTER.match(text, quantity.end) is not None
            and not has_word(owner.group(1), claim_text))


_OWNER_OF_AGE = re.compile(r"\b([A-Z][\w'’.-]*[a-z][\w'’.-]*),\s+an?\s+$")


_OWNED = re.compile(r"\b(?:his|her|its|their)\s+$", re.IGNORECASE)
_SPANS = frozenset({"day", "year", DURATION})
_LAPSE_AFTER = re.compile(r"\s+(?:after|before|later|earlier|into|on\s+from)\b", re.IGNORECASE)


def lapse_differs(claim_text: str, claim_q: Quantity, evidence_text: str,
                  evidence_q: Quantity) -> bool:
    """Whether one span of time is a lapse between two moments and the other how long something
    lasted ("less than two hours after the amber warning" against "had lasted five hours")."""
    return claim_q.unit in _SPANS and (_is_lapse(claim_text, claim_q)
                                       != _is_lapse(evidence_text, evidence_q))


def _is_lapse(text: str, quantity: Quantity) -> bool:
    """Whether a span of time is the lapse between two moments ("two days after the crash",
    "three weeks later"), not how long something lasted ("flew by hand for 31 seconds before
    switching it back on")."""
    return (_LAPSE_AFTER.match(text, quantity.end) is not None
            and not _LASTING.search(text, max(0, quantity.start - 24), quantity.start))


_LASTING = re.compile(r"\bfor\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|"
                      r"another\s+|over\s+|more\s+than\s+)?$", re.IGNORECASE)


_PLAY_PARTS = frozenset({"period", "half", "quarter", "set", "inning", "innings", "round", "leg",
                         "lap", "stage", "session", "over"})
"""Parts of a game or race a report names by their rank alone ("in the third")."""
_PHYSICAL = frozenset({"km", "kwh", "kw", "degree", "metre", "cm", "millibar", "km/h", "litre",
                       "tonne", "hectare", "°F"})
"""Units of physical measures: a figure in one is no bare number's to answer."""


def follows_since(text: str, start: int) -> bool:
    """Whether what starts at ``start`` follows "since": a date opening a period ("since late
    2018", "since the start of 2020") or a point of reference ("since American Airlines
    filed")."""
    return _SINCE_DATE.search(text, max(0, start - 40), start) is not None


def names_deadline(text: str, start: int) -> bool:
    """Whether what starts at ``start`` follows "by" or "no later than": a deadline ("by 2027",
    "by the end of June")."""
    return _BY_DATE.search(text, max(0, start - 30), start) is not None


# "the end of", "mid-", "late": the part of a period a date's edge words name
_PERIOD_PART = r"(?:the\s+)?(?:(?:late|early|mid|end|start|beginning|middle)[\s-]+(?:of\s+)?)?$"
_BY_DATE = re.compile(r"\b(?:by|no\s+later\s+than)\s+" + _PERIOD_PART, re.IGNORECASE)


def _in_series(text: str, score: Quantity) -> bool:
    """Whether a score is one of a series of sets or periods: "7-6 (4), 7-6 (3)", "6-2 6-2 7-6
    (7-4)"."""
    return bool(_SERIES_AFTER.match(text, score.end)
                or _SERIES_BEFORE.search(text, max(0, score.start - 16), score.start))


_SERIES_AFTER = re.compile(r"\s*\(\d{1,2}(?:[-–]\d{1,2})?\)|,?\s+\d{1,2}[-–]\d{1,2}\b")
_SERIES_BEFORE = re.compile(r"\b\d{1,2}[-–]\d{1,2}(?:(?:\s*\(\d{1,2}(?:[-–]\d{1,2})?\))?,?\s+|"
                            r"\s*\()$")


def _closes(text: str, start: int) -> bool:
    """Whether what starts at ``start`` follows "until", "till", "through" or "reopened on", or
    names a deadline ("a 12 June deadline", "pushed it back to 14 June"): the end of a period."""
    return (_UNTIL_DATE.search(text, max(0, start - 30), start) is not None
            or _DATED_DEADLINE.match(text, start) is not None)


_DATED_DEADLINE = re.compile(r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2})(?:,?\s+\d{4})?"
                             r"\s+deadline\b")


# (and "the funding ran out on November 17", "the licence expires on 1 May": the end)
_UNTIL_DATE = re.compile(r"\b(?:until|till|through|up\s+to|(?:reopen|resum|restor|lift)\w*\s+on|"
                         r"(?:push|mov|extend|put)\w*\s+(?:it\s+|them\s+)?back\s+to|"
                         r"(?:r[au]n\w*\s+out|expir\w*|lapse[sd]?)\s+on)"
                         r"\s+" + _PERIOD_PART, re.IGNORECASE)
_SINCE_DATE = re.compile(r"\bsince\s+" + _PERIOD_PART, re.IGNORECASE)


def _names_period(claim_text: str, quantity: Quantity,
                  matched: Sequence[tuple[Quantity, Quantity]]) -> bool:
    """Whether a length of time only names the period ending on a matched date ("the three
    months to 28 April", "the 12 months ended March 2024", "the 24 hours to 8am on 14 May")."""
    if quantity.kind != QuantityKind.COUNT or quantity.unit not in ("day", "month", "year",
                                                                    DURATION):
        return False
    follows = _PERIOD_END.match(claim_text, quantity.end)
    return follows is not None and any(
        c.kind == QuantityKind.DATE and c.start == follows.end() for c, _ in matched)


_PERIOD_END = re.compile(r"\s+(?:to|ended|ending|through|until|till)\s+(?:\d{1,2}(?::\d\d)?\s*"
                         r"(?:am|pm|a\.m\.|p\.m\.)\s+)?(?:on\s+)?", re.I)


def _bound_alike(claim_text: str, quantity: Quantity, evidence_text: str, best: Quantity,
                 alike: Sequence[Quantity], parser: Parser) -> Quantity:
    """The figure stated alike whose clause shares more of the words bound to the claim's figure
    than ``best``'s does, or ``best`` ("going into the third, where Broberg and McLeod pulled
    Edmonton to within a goal" against "Foegele equalised in the second period" for "Broberg and
    McLeod scored for Edmonton in the third period")."""
    if not alike:
        return best
    wanted = parser.structure(claim_text).figure_words(quantity.start, quantity.end)
    passage = parser.structure(evidence_text)

    def shared(e: Quantity) -> int:
        return len(wanted & passage.figure_words(e.start, e.end))

    bound = max(alike, key=shared)
    return bound if shared(bound) > shared(best) else best


def _written_apart(text: str, quantities: Sequence[Quantity]) -> frozenset[float]:
    """The numbers ``text`` writes in letters outside all of its figures ("down to zero"; not
    "Class 24", a name); never 1, whose "one" is as often a pronoun ("one of the largest")."""
    return frozenset(value for value, start in spelled_numbers(text)
                     if value != 1 and not any(q.start <= start < q.end for q in quantities))


def _one_written_as_a(quantity: Quantity, evidence_text: str) -> Quantity | None:
    """The passage's "a week" that states the claim's "one week" (or "one hour", "one year"), as
    a figure, or ``None``."""
    one = re.fullmatch(r"(?:one|1)\s+([a-z]+)", quantity.surface, re.IGNORECASE)
    if one is None or not quantity.unit:
        return None
    found = re.search(rf"\b(?:a|an)\s+{re.escape(one.group(1))}\b", evidence_text, re.IGNORECASE)
    return None if found is None else dataclasses.replace(
        quantity, start=found.start(), end=found.end(), surface=found.group(0))


def _fit(claim_text: str, claim_q: Quantity, evidence_text: str, evidence_q: Quantity) -> int:
    """How well a passage's figure sits in the claim figure's words: the words they share, and
    more for counting the same noun ("15 fours" for "fifteen fours", not "out for 137")."""
    return (_context_overlap(claim_text, claim_q, evidence_text, evidence_q)
            + 2 * _same_noun(claim_text, claim_q, evidence_text, evidence_q))


def counts_another(claim_text: str, claim_q: Quantity, evidence_text: str,
                   evidence_q: Quantity) -> bool:
    """Whether two bare numbers count different nouns ("49 points" is no count of "126
    games")."""
    if claim_q.kind is not QuantityKind.COUNT or claim_q.unit or evidence_q.unit:
        return False
    noun = _counted_noun(claim_text, claim_q)
    return bool(noun) and _counted_noun(evidence_text, evidence_q) not in ("", noun)


def _same_noun(claim_text: str, claim_q: Quantity, evidence_text: str,
               evidence_q: Quantity) -> bool:
    """Whether two bare numbers count the same noun."""
    if claim_q.kind is not QuantityKind.COUNT or evidence_q.kind is not QuantityKind.COUNT:
        return False
    noun = _counted_noun(claim_text, claim_q)
    return bool(noun) and noun == _counted_noun(evidence_text, evidence_q)


def _part_of_whole(claim_text: str, claim_q: Quantity, evidence_text: str,
                   evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The passage's part where the claim has all of a whole the passage states ("three" of
    "three of the four" for "all four"), or gives the whole to the verb the passage gives the
    part ("evacuated about 10,000" against "evacuated 436 of the roughly 10,000"), else
    ``None``."""
    if claim_q.kind is not QuantityKind.COUNT:
        return None
    every = _ALL_OF.search(claim_text, max(0, claim_q.start - 8), claim_q.start) is not None
    deed = _WORD_BEFORE_FIGURE.search(claim_text, max(0, claim_q.start - 40), claim_q.start)
    if not every and deed is None:
        return None
    wholes = [e for e in evidence_quantities if agree(claim_q, e)]
    if any(_ALL_OF.search(evidence_text, max(0, e.start - 8), e.start) for e in wholes):
        return None  # (the passage says all of them too)
    for whole in wholes:
        lead = _PART_OF_WHOLE.search(evidence_text, max(0, whole.start - 30), whole.start)
        part = None if lead is None else next(
            (e for e in evidence_quantities if e.kind is QuantityKind.COUNT
             and e.end == lead.start() + len(lead.group(1)) and e.value < whole.value), None)
        if part is None:
            continue
        if every:
            return part
        told = _WORD_BEFORE_FIGURE.search(evidence_text, max(0, part.start - 40), part.start)
        if (deed is not None and told is not None and stem(deed.group(1).lower())
                == stem(told.group(1).lower()) and deed.group(1).lower() not in STOPWORDS):
            return part
    return None


_ALL_OF = re.compile(r"\b(?:all|each\s+of\s+the|every\s+one\s+of\s+the)\s+$",
                     re.IGNORECASE)
_PART_OF_WHOLE = re.compile(r"(\S+)\s+of\s+(?:the|its|their|his|her|our)\s+(?:(?:about|"
                            r"roughly|some|nearly|almost|around|approximately|estimated)\s+)?$",
                            re.IGNORECASE)
_WORD_BEFORE_FIGURE = re.compile(r"\b([a-z]+)\s+(?:(?:about|roughly|some|nearly|almost|around|"
                                 r"approximately|over|more\s+than|at\s+least)\s+)?$")
"""The word right before a figure, its bound aside: the deed it counts ("evacuated about")."""


def _beside_alike(claim_q: Quantity, matched: Sequence[tuple[Quantity, Quantity]],
                  evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The passage figure stating ``claim_q`` alike, free, and within a few words of a passage
    figure that states alike a claim figure within a few words of ``claim_q``; else ``None``."""
    taken = {id(e) for _, e in matched}
    for claim_other, stated in matched:
        if _gap(claim_q, claim_other) > _BESIDE:
            continue
        for e in evidence_quantities:
            if (id(e) not in taken and e.kind is claim_q.kind and _gap(e, stated) <= _BESIDE
                    and agree(claim_q, e)):
                return e
    return None


def _restated_in_brackets(pair: tuple[Quantity, Quantity], evidence_text: str,
                          evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The passage figure stating the claim's alike in brackets right after the one it was
    compared with, or holding that one in brackets after it ("midnight (21:00 GMT)"); else
    ``None``."""
    claim_q, stated = pair
    for e in evidence_quantities:
        if e is stated or e.kind is not claim_q.kind or not agree(claim_q, e):
            continue
        first, second = sorted((stated, e), key=lambda q: q.start)
        if _OPEN_BRACKET.fullmatch(evidence_text[first.end:second.start]):
            return e
    return None


_OPEN_BRACKET = re.compile(r"\s*\(\s*")


def _gap(a: Quantity, b: Quantity) -> int:
    """The characters between two figures."""
    return max(a.start, b.start) - min(a.end, b.end)


_BESIDE = 12
"""How close two figures stand to be read together ("72 votes to 46", "46 to 72")."""


def _noun_counted_otherwise(claim_text: str, pair: tuple[Quantity, Quantity],
                            evidence_text: str,
                            evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The passage figure counting the claim's noun when the one stated alike counts another
    ("12.5 million were women" beside "22.5 million voters" for "22.5 million women"), else
    ``None``."""
    claim_q, stated = pair
    if claim_q.kind is not QuantityKind.COUNT or claim_q.unit:
        return None
    noun = _counted_noun(claim_text, claim_q)
    if not noun or _counted_noun(evidence_text, stated) in ("", noun):
        return None
    for other in evidence_quantities:
        if (other is stated or other.kind is not QuantityKind.COUNT or other.unit
                or agree(claim_q, other) or worlds_apart(claim_q.value, other.value)):
            continue
        named = _COUNTED_AS_WORD.match(evidence_text, other.end)
        if named is not None and stem(named.group(1).lower()) == noun:
            return other
    return None


_COUNTED_AS_WORD = re.compile(r"\s+(?:were|was|are|is|of\s+them)\s+([A-Za-z]+)\b")


@functools.lru_cache(maxsize=16384)
def _counted_noun(text: str, quantity: Quantity) -> str:
    """The word a bare number counts or measures ("41 stations": station), stemmed, or ``""``."""
    after = re.match(r"\s*(?:-\s*)?([A-Za-z]+)", text[quantity.end:quantity.end + 30])
    if after is None:
        return ""
    word = after.group(1).lower()
    named = _NAME_THEN_NOUN.match(text, quantity.end)
    if named is not None:  # "140 Islamic State targets" counts targets (not "140 Ukrainians")
        return stem(_COUNTED_AS.get(named.group(1), named.group(1)))
    if word in _BEFORE_THE_NOUN or word.endswith("ed") and _NOUN_NEXT.match(
            text, quantity.end + after.end()):
        # "two earlier countdowns" counts countdowns, "280,000 trained reservists" reservists
        return _counted_noun(text, dataclasses.replace(quantity, end=quantity.end + after.end()))
    if word in STOPWORDS or word in _NOT_A_NOUN:
        return ""
    if _OBJECT_NEXT.match(text, quantity.end + after.end()):
        return ""  # "about 4.93 million cast a ballot": a verb, the noun counted is left out
    return stem(_COUNTED_AS.get(word, word))


_OBJECT_NEXT = re.compile(r"\s+(?:a|an|the|their|his|her|its|our)\s", re.IGNORECASE)
"""An object opening after the word that follows a number: that word is a verb ("cast a")."""


# Words that count one thing: "107 dead" and "136 deaths" both count deaths.
_COUNTED_AS = {"dead": "deaths", "died": "deaths", "killed": "deaths", "fatalities": "deaths",
               "wounded": "injured", "hurt": "injured", "injuries": "injured",
               "ballots": "votes", "ballot": "votes", "others": "people"}
_BEFORE_THE_NOUN = frozenset({"earlier", "previous", "prior", "further", "other", "new",
                              "separate", "consecutive", "straight", "successive", "more",
                              "additional", "extra", "former", "different", "registered",
                              "eligible", "confirmed", "estimated", "total"})


_NAME_THEN_NOUN = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?!(?:in|on|at|by|to|of|and|or|as|from|"
                             r"with|for|after|before|since|during|than|over|under|while|when|"
                             r"the|a|an|was|were|is|are|had|has|have|said|says)\b)"
                             # (a verb after the name is no noun: "9 Conservatives backing")
                             r"(?![a-z]+(?:ing|ed)\b)([a-z]{3,})\b")
_NOUN_NEXT = re.compile(r"\s+(?!(?:in|on|at|by|to|of|and|or|as|from|with|for|after|before|"
                        r"since|during|per|than|across|over|under|while|when|the|a|an)\b)"
                        r"[a-z]{3,}\b")
_NOT_A_NOUN = frozenset({"per", "percent", "times", "more", "less", "fewer", "than", "years",
                         "year", "old", "to", "and", "or", "of"})
# ("rose for six quarters": "for" tells how long, or a price, "sold for $1bn": never by how much)
_LEVEL_BEFORE = frozenset({"to", "from", "at", "of", "through", "past", "beyond", "around", "for"})


def worlds_apart(a: float, b: float) -> bool:
    """Whether two figures differ by a factor of more than a hundred."""
    return a > 0 and b > 0 and max(a, b) > 100 * min(a, b)


_CHANGE_AFTER = frozenset({"off", "more", "less", "fewer", "faster", "slower", "earlier",
                           "later", "ahead", "behind", "higher", "lower", "up", "down",
                           # a margin: "17 seconds quicker", "two minutes adrift"
                           "quicker", "adrift", "back",
                           # a gap between two things: "21 years younger than him"
                           "younger", "older", "longer", "shorter", "larger", "smaller",
                           "bigger", "taller", "heavier", "lighter", "wider", "deeper"})
_MARGIN_AFTER_NOUN = frozenset({"clear", "ahead", "behind", "adrift", "more", "fewer", "less",
                                "higher", "lower"})
"""Words saying a figure is a margin when they follow the noun it counts ("105 points clear of
Haaland", "12 seats more than in 2019")."""
_NOUN_THEN_WORD = re.compile(r"\s+([A-Za-z]+)\s+([A-Za-z]+)\b")


_AMOUNTING = frozenset({"of", "totalling", "totaling", "worth"})
_ADDING = frozenset({"add", "adds", "added", "adding"})
_SAVING = frozenset({"save", "saves", "saved", "saving"})
_SAVINGS_AFTER = re.compile(r"\s+(?:of|in)\s+(?:[\w-]+\s+)?savings?\b", re.IGNORECASE)
# ("added 182 together to take the game away": a stand, no sum added to another)
_ADDED_TO = re.compile(r"(?![^,.;]{0,20}?\btogether\b)[^,.;]{0,40}?\bto\b")
_HEDGES = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "approximately",
                     "just", "only", "an", "estimated"})
_CHANGE_NOUNS = frozenset(stem(w) for w in (
    "rise", "rises", "raise", "raises", "increase", "increases", "cut", "cuts", "drop", "fall",
    "decline", "gain", "gains", "jump", "hike", "hikes", "reduction", "reductions", "growth",
    "saving", "savings",
    # a margin: "a margin of 41", "a lead of 3 points", "a gap of 105 points"
    "margin", "lead", "gap", "deficit"))
_CHANGED = frozenset("""
increased decreased reduced raised lowered boosted lifted cut trimmed slashed hiked dropped risen
fallen grown shrunk narrowed widened extended shortened delayed advanced beaten led trailed
outnumbered exceeded missed improved worsened revised adjusted changed offset expanded outpaced
""".split())


def _passive_agent(word: str) -> bool:
    """Whether "by" after ``word`` names who did it ("watched by", "filled by"), not a change:
    a past participle that is no verb of change ("increased by", "delayed by")."""
    return word.endswith(("ed", "en")) and word not in _CHANGED


def states_change(text: str, quantity: Quantity) -> bool:
    """Whether a figure states a difference ("ten more than", "rose 5%"), not a level."""
    return _is_change(text, quantity)


@functools.lru_cache(maxsize=16384)
def _is_change(text: str, quantity: Quantity) -> bool:
    """Whether a figure states a difference ("by 34 seconds", "34 seconds off", "18% higher",
    "rose 5%") rather than a level ("in 2:01:09", "revenue of $26 billion")."""
    if text[quantity.start - 1:quantity.start] + text[quantity.end:quantity.end + 1] == "()":
        # "262 pounds (118.8 kg), lighter than": the figure before, converted, is what moves
        converted = [q for q in extract_quantities(text)
                     if q.end <= quantity.start - 1 and quantity.start - q.end <= 3]
        if converted:
            return _is_change(text, converted[-1])
    if _LEVEL_THEN_PAST.match(text, quantity.end):
        return False  # "49.8 percent, up from 40 percent": the new level, the old one after it
    before = re.findall(r"[\w'’-]+", text[max(0, quantity.start - 12):quantity.start])
    after = re.findall(r"[\w'’-]+", text[quantity.end:quantity.end + 12])
    # the words before, past a hedge: "by about a tenth" changes by a tenth
    lead = [w.lower() for w in re.findall(r"[\w'’-]+", text[max(0, quantity.start - 40):
                                                              quantity.start])]
    while lead and lead[-1] in _HEDGES:
        lead.pop()
    if len(lead) > 1 and lead[-1] in _AMOUNTING and stem(lead[-2]) in _CHANGE_NOUNS:
        return True  # "a rise of 5%", "pay raises totalling 38%", "cuts worth $2 billion"
    if quantity.kind is QuantityKind.MONEY and (lead[-1:] and lead[-1] in _SAVING
                                                or _SAVINGS_AFTER.match(text, quantity.end)):
        return True  # "would save £6.5 billion", "$10 billion of cost savings": costs that less
    if before[-1:] and before[-1].lower() in _LEVEL_BEFORE:
        return False  # "rose to $26 billion", "from 2:01:09", "climbed through 18,000 feet"
    if lead[-1:] and lead[-1] in _ADDING and _ADDED_TO.match(text, quantity.end):
        # "add about $225m to its liquidity" is "lift it by $225 million" ("add 150,000 units
        # of annual capacity" is the size of what is added)
        return True
    # "led by 23.5% to 21.9%", "passed by 310 votes to 140", "won by 115 to 79": the two sides'
    # levels, no change (but "by 0.5 to 1 cm" is a range of one change: its first number has no
    # unit of its own and is not the larger)
    sides = _SIDES_AFTER.match(text, quantity.end)
    # ("by 1,129 points to 1,170": a number with a noun of its own is one side)
    by = lead[-1:] == ["by"] and not (sides and not (
        re.fullmatch(r"[\d.,]+", quantity.surface) and not sides.group("own")
        and (parse_number(sides.group("next")) or 0.0) >= quantity.value))
    if by:
        if (len(lead) > 1 and _passive_agent(lead[-2])
                and quantity.kind is not QuantityKind.PERCENT):  # "devalued by 54%" changes
            return False  # "filled by 75,784 spectators", "signed by 120 members"
    if (len(after) > 1 and after[0].lower() in _BEFORE_THE_NOUN
            and after[1].lower() not in STOPWORDS | _NOT_A_NOUN
            and not _more_than(text, quantity)):
        return False  # "two earlier countdowns": a word before the noun, not "two days earlier"
    # "48% above the IPO price" and "$360,000 above the $3.24 million" are changes; "18 km below
    # the surface" a level
    if len(after) > 1 and after[1].lower() in ("junior", "senior"):
        return True  # "a man 16 years his junior": a gap in age
    # ("a 32 percent premium to the Monday close" is "32% above it")
    relative = (bool(after[:1]) and after[0].lower() in _RELATIVE_AFTER or _GAP_BEFORE.search(
        text, max(0, quantity.start - 50), quantity.start) is not None) and (
        quantity.kind in (QuantityKind.PERCENT, QuantityKind.MONEY))
    following = _NOUN_THEN_WORD.match(text, quantity.end)
    counted_margin = (following is not None
                      and following.group(2).lower() in _MARGIN_AFTER_NOUN
                      and following.group(1).lower() not in STOPWORDS)
    if (by or relative or bool(after[:1]) and after[0].lower() in _CHANGE_AFTER
            or counted_margin or direction_of(text, quantity) is not None):
        return True
    earlier = _restates(text, quantity)  # "by a tenth, or 17,000 jobs": the same change again
    return earlier is not None and _is_change(text, earlier)


_SIDES_AFTER = re.compile(r"(?:\s+(?P<own>[a-z]+))?\s+to\s+(?:about\s+|around\s+)?[$€£]?"
                          r"(?P<next>\d[\d,]*(?:\.\d+)?)")
_LEVEL_THEN_PAST = re.compile(r"\s*,\s*(?:(?:up|down)\s+from|(?:higher|lower|more|less|fewer|"
                              r"greater|bigger|smaller|larger)\s+than|ahead\s+of|clear\s+of|"
                              r"behind)\b", re.IGNORECASE)
_RELATIVE_AFTER = frozenset({"above", "below", "premium", "discount", "markup", "mark-up"})
# "its discount to asset value had reached 48%": a gap to another price, however placed
_GAP_BEFORE = re.compile(r"\b(?:premium|discount)\b[^.;,]{0,40}$", re.IGNORECASE)


def _more_than(text: str, quantity: Quantity) -> bool:
    """Whether a figure is a difference told by "more/fewer ... than" ("3% fewer viewers than")."""
    found = direction_of(text, quantity)
    return found is not None and found.after and found.word.lower() in _MORE_OR_LESS


def _restates(text: str, quantity: Quantity) -> Quantity | None:
    """The figure a figure says again (", or 17,000 jobs", ", roughly 10% of them"), if any."""
    if not _RESTATED.search(text, max(0, quantity.start - 30), quantity.start):
        return None
    earlier = [q for q in extract_quantities(text) if q.end <= quantity.start - 3]
    return earlier[-1] if earlier else None


def _only_bounds(claim_q: Quantity, evidence_q: Quantity) -> bool:
    """Whether a passage's bound ("at least 25%", "over 300") only admits the claim's figure
    (36 percent, about 312) without stating it."""
    return (evidence_q.bound in (Bound.AT_LEAST, Bound.AT_MOST)
            and claim_q.bound in (Bound.EXACT, Bound.APPROX)
            and claim_q.kind not in (QuantityKind.DATE, QuantityKind.ORDINAL)
            and (claim_q.value, claim_q.high) != (evidence_q.value, evidence_q.high))


def _ranks_alike(claim_text: str, quantity: Quantity, evidence_text: str,
                 evidence_quantities: list[Quantity]) -> list[Quantity]:
    """Ordinals of the passage ranking what the claim's ranks under another noun: "the 72nd
    person to serve as Treasury Secretary" and "the 71st Secretary of the Treasury" (the
    passage's noun follows the claim's ordinal), "the fourth spaceflight" and "the third trip to
    space" (one noun begins the other)."""
    claim_after = set(tokenize(claim_text[quantity.end:quantity.end + 50])[:5])
    found = []
    for other in evidence_quantities:
        if other.kind is not QuantityKind.ORDINAL or other.unit in ("", ELLIPTIC, REPEAT):
            continue
        after = re.findall(r"[a-z]+", evidence_text[other.start:other.end + 30].lower())[:5]
        if (quantity.unit in _ANYONE and stem(other.unit) in claim_after) or any(
                len(word) >= 5 and word != quantity.unit
                and (quantity.unit.startswith(word) or word.startswith(quantity.unit))
                for word in after):
            found.append(other)
    return found


_ANYONE = frozenset({"person", "man", "woman", "player", "one", "athlete", "individual"})


def _ordinal_fits(quantity: Quantity, evidence_text: str) -> bool:
    """Whether an unmatched ordinal leaves the claim unsupported by this passage.

    "its first car" is descriptive when the passage does not count cars at all; "the second
    phase" is covered by "built in two phases"; it is unmatched when the passage speaks of
    phases without reaching the second one, or of the whole without any phase.
    """
    if stem(quantity.unit) not in set(tokenize(evidence_text)):
        return quantity.unit in _SCOPES
    return not any(count >= quantity.value for count in _counts_of(quantity.unit, evidence_text))


@functools.lru_cache(maxsize=4096)
def _counts_of(noun: str, text: str) -> tuple[float, ...]:
    """The numbers ``text`` writes right before ``noun`` ("built in two phases": 2.0; not the
    number of a name, "the LEV-2 robot")."""
    wanted = stem(noun)
    return tuple(count for match in re.finditer(r"(?<![\w-])(\w+)(?=\s+(\w+))", text)
                 if stem(match.group(2).lower()) == wanted
                 and (count := parse_number(match.group(1))) is not None)


def _whole_set(text: str, quantity: Quantity) -> bool:
    """Whether a count names a whole set ("all four majors", "each of the three")."""
    return quantity.kind is QuantityKind.COUNT and bool(
        _WHOLE.search(text, max(0, quantity.start - 16), quantity.start))


_WHOLE = re.compile(r"\b(?:all|each\s+of\s+the|both\s+of\s+the)\s+(?:the\s+|of\s+the\s+)?$",
                    re.IGNORECASE)


def _counts_to(quantity: Quantity, evidence_text: str) -> bool:
    """Whether the passage counts the ordinal's noun up to its rank ("took him to five titles"
    for "his fifth title")."""
    return quantity.value in _counts_of(quantity.unit, evidence_text)


def _years_to(claim_text: str, quantity: Quantity, evidence_text: str) -> bool:
    """Whether a birthday's or an anniversary's rank is the age or the years the passage counts
    ("what would have been his 63rd birthday" for "would have turned 63"; "the 50th
    anniversary" for "50 years since")."""
    noun = quantity.unit
    if noun in ("", ELLIPTIC):
        noun = "birthday" if "birthday" in claim_text.lower() else ""
    if noun not in ("birthday", "anniversary"):
        return False
    years = f"{quantity.value:g}"
    pattern = (rf"\b(?:turn(?:ed|s|ing)?|aged|age\s+of)\s+{years}\b"
               rf"|\b{years}(?:-year-old|\s+years\s+old)" if noun == "birthday"
               else rf"\b{years}\s+years\s+(?:since|after|ago|on)\b")
    return re.search(pattern, evidence_text, re.IGNORECASE) is not None


def _binding_conflicts(matched: list[tuple[Quantity, Quantity]],
                       evidence_quantities: list[Quantity], evidence_text: str,
                       claim_text: str) -> list[tuple[Quantity, Quantity]]:
    """Figures found in the evidence but tied to something else there.

    "7,058 in May" is not supported by "7,058 in April and 8,630 in May": the count nearest to
    the evidence's "May" is 8,630, which is what the evidence says about May.
    """
    conflicts = []
    for claim_q, evidence_q in matched:
        if is_time_of_day(claim_q):
            continue  # a time of day is told with its date, not bound to the nearest one
        for _, anchor in matched:
            # Only a time binds a figure to it ("in May"); two figures side by side do not.
            if (anchor is evidence_q or anchor.kind == evidence_q.kind
                    or anchor.kind != QuantityKind.DATE
                    or not _TIME_ADJUNCT.search(evidence_text[max(0, anchor.start - 20):
                                                              anchor.start])):
                continue  # "at the 2024 general election" names an event, binds no figure
            claim_anchor = next(c for c, e in matched if e is anchor)
            if not _TIME_ADJUNCT.search(claim_text[max(0, claim_anchor.start - 20):
                                                   claim_anchor.start]):
                continue  # "in the 2024 final" names the event in the claim, binds no figure
            if (_since_reference(claim_text, claim_anchor)
                    or _since_reference(evidence_text, anchor)):
                continue  # "the lowest since 1999": a point of reference, binding no figure
            # (a figure a hundred times off measures something else: "$40.00 per share" is no
            # rival of "$14 billion" for the day the deal was announced)
            rivals = _rivals(claim_q, anchor, evidence_quantities, evidence_text)
            claim_rivals = [c for c, _ in matched if comparable(claim_q, c)
                            and not _contrasted(claim_text, c, claim_anchor)]
            if not rivals or min(claim_rivals, key=lambda c: _distance(c, claim_anchor),
                                 default=None) is not claim_q:
                continue  # in the claim too, another figure is the one tied to that time
            if claim_anchor.start > claim_q.end and _comma_between(claim_text, claim_q,
                                                                   claim_anchor):
                continue  # a time in a later clause: "386 mm fell, breaking a record set in 1897"
            nearest = min(rivals, key=lambda e: _distance(e, anchor))
            # (a passage telling the time twice ties the figure to its other telling: "16.9
            # million in 2018. PML-N's vote rose from 12.9 million in 2018")
            twins = [e for e in evidence_quantities if e is not anchor
                     and e.kind is QuantityKind.DATE and agree(claim_anchor, e)
                     and _TIME_ADJUNCT.search(evidence_text[max(0, e.start - 20):e.start])]
            if any(min(_rivals(claim_q, twin, evidence_quantities, evidence_text),
                       key=lambda r: _distance(r, twin), default=None) is evidence_q
                   for twin in twins):
                continue
            if (nearest is not evidence_q and not agree(claim_q, nearest)
                    # (a time binds only a figure of its own sentence: "Founded in 2017, the
                    # party took off" after "12 seats in the 300-member chamber" binds none)
                    and _sentence_around(evidence_text, nearest.start)
                    == _sentence_around(evidence_text, anchor.start)
                    and _distance(nearest, anchor) < _distance(evidence_q, anchor)
                    and not (_clause_between(evidence_text, nearest, anchor)
                             and not _clause_between(evidence_text, evidence_q, anchor))
                    # (nor one after a comma, "fell ... on 14 September, a record 40 mm above
                    # the old one", when the matched figure shares the time's clause)
                    and not (_comma_between(evidence_text, nearest, anchor)
                             and not _comma_between(evidence_text, evidence_q, anchor))):
                # (a figure in the next clause is not tied to the time: "$42 billion ... by the
                # end of 9 March, and that its balance stood at minus $958 million that day")
                conflicts.append((claim_q, nearest))
                break
    return conflicts


def _rivals(claim_q: Quantity, anchor: Quantity, evidence_quantities: Sequence[Quantity],
           evidence_text: str) -> list[Quantity]:
    """The passage figures that could be the one a time of the passage ties to a claim figure."""
    return [e for e in evidence_quantities if comparable(claim_q, e)
            and not _contrasted(evidence_text, e, anchor)
            and not worlds_apart(in_seconds(claim_q).value, in_seconds(e).value)]


_NEXT_CLAUSE = re.compile(r"[;.]\s|,\s+(?:and|but|while|whereas)\b", re.IGNORECASE)


def _comma_between(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether a comma, semicolon or full stop stands between two figures of ``text``."""
    return _COMMA.search(text, min(a.end, b.end), max(a.start, b.start)) is not None


_COMMA = re.compile(r"[,;.]\s")


def _clause_between(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether a clause ends between two figures of ``text``."""
    return _NEXT_CLAUSE.search(text, min(a.end, b.end), max(a.start, b.start)) is not None


_SINCE_REFERENCE = re.compile(r"\b(?:\w+est|first|most|least|fewest|best|worst)\b[^.;:]{0,40}?"
                              r"\bsince\b[^.;:]*$", re.IGNORECASE)


def _since_reference(text: str, quantity: Quantity) -> bool:
    """Whether a date only marks how far back a superlative reaches ("the lowest since 1999",
    "the first ... since the return to democracy in 1999")."""
    return bool(_SINCE_REFERENCE.search(text, max(0, quantity.start - 80), quantity.start))


_TIME_ADJUNCT = re.compile(r"\b(?:in|on|during|for|by|since|until|through|from|to|and|as of|"
                           r"end of|start of)\s+$", re.IGNORECASE)


_CONTRAST = re.compile(r"\b(?:against|compared (?:with|to)|versus|vs|than|whereas|while|"
                       r"from)\b", re.IGNORECASE)


def _contrasted(text: str, a: Quantity, b: Quantity) -> bool:
    """Whether a word of contrast stands between two figures ("in September, 32 a day, against
    36 normally"): the second is not tied to the first's time."""
    return _CONTRAST.search(text, min(a.end, b.end), max(a.start, b.start)) is not None


def _distance(a: Quantity, b: Quantity) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _plan_and_fact(claim_text: str, claim_q: Quantity, evidence_text: str,
                   evidence_q: Quantity) -> bool:
    """Whether one figure is planned and the other achieved, so they measure different things.

    Capacities are prospective by nature: "can turn out 300,000 a year" and "planned to reach an
    annual capacity of 150,000" are comparable.
    """
    if _is_capacity(claim_text, claim_q) or _is_capacity(evidence_text, evidence_q):
        return False
    if claim_q.kind is QuantityKind.ORDINAL:
        return False  # a rank is a rank, whoever plans the deal: "would pay £1bn, the costliest"
    return _is_plan(claim_text, claim_q) != _is_plan(evidence_text, evidence_q)


def _is_capacity(text: str, quantity: Quantity) -> bool:
    around = text[max(0, quantity.start - 60): quantity.end + 30]
    return bool(_CAPACITY.search(around))


def _is_plan(text: str, quantity: Quantity) -> bool:
    sentence_start = text.rfind(". ", 0, quantity.start) + 1
    return bool(_PLAN.search(text[max(sentence_start, quantity.start - 60): quantity.start]))


def _content(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t[0].isdigit() and t not in STOPWORDS}


@functools.lru_cache(maxsize=16384)
def _writes_thousands(text: str) -> bool:
    """Whether ``text`` writes a number of a thousand or more in digits, a year aside."""
    return any(float(t) >= 1000 and not _A_YEAR.fullmatch(t)
               for t in tokenize(text) if _PLAIN_NUMBER.fullmatch(t))


def _context_overlap(claim_text: str, claim_q: Quantity, evidence_text: str,
                     evidence_q: Quantity) -> int:
    claim_context = _window(claim_text, claim_q)
    evidence_context = _window(evidence_text, evidence_q)
    return len(claim_context & evidence_context)


@functools.lru_cache(maxsize=16384)
def _window(text: str, quantity: Quantity, chars: int = 45) -> frozenset[str]:
    sentence_start = max(text.rfind(". ", 0, quantity.start) + 1, quantity.start - chars)
    sentence_end = text.find(". ", quantity.end)
    sentence_end = quantity.end + chars if sentence_end < 0 else min(sentence_end,
                                                                     quantity.end + chars)
    around = _CLOSED_AT.sub("closed at", text[max(0, sentence_start): quantity.start]
                            + " " + text[quantity.end: sentence_end])
    # past forms and nouns as their verb: "lost $1.6 billion" is the "loss of 1.6 billion dollars"
    words = {stem(_FAMILY.get(w, _IRREGULAR.get(w, w)))
             for w in re.findall(r"[a-z]+", around.lower()) if w in _FAMILY or w in _IRREGULAR}
    # and a move or a level in any of its words: "climbing 22% to finish at $37.05" is "rising
    # 22 percent to close at $39.05"
    return frozenset(_MOVES.get(t, t) for t in (*tokenize(around), *words)
                     if not t[0].isdigit())


_MOVES = {**{stem(w): "rise" for w in _RISING}, **{stem(w): "fall" for w in _FALLING}}
"""Words of a figure's context read as one ("climbing" as "rising")."""
_CLOSED_AT = re.compile(r"\b(?:finish|settl|end)(?:e|es|ed|ing)?\s+at\b", re.IGNORECASE)
"""A level at the end of a session, however it is said: "finished at $37.05" is "closed at"."""


def _dates_another_deed(claim_text: str, claim_q: Quantity, evidence_text: str,
                        evidence_q: Quantity) -> bool:
    """Whether a passage date is told in two or more words of its clause that share nothing
    with the claim date's: "a term loan arranged in January 2023 to help pay for the
    acquisition" is not dated by "Figma, founded in 2012 and a direct competitor"."""
    return (len(_measure_words(evidence_text, evidence_q)) >= 2
            and _other_measure(claim_text, claim_q, evidence_text, evidence_q))


_PARTNER = re.compile(r"\s*(?:to|against|of|out of|-|–)\s*(\d[\d,.]*\d|\d)\b")


def _other_measure(claim_text: str, claim_q: Quantity, evidence_text: str,
                   evidence_q: Quantity) -> bool:
    """Whether two figures are told in words that share nothing but names: "the mission costs
    5.2 billion US dollars" is no answer to "the launch contract is worth 178 million dollars".
    A claim figure told in one word or none ("Honda holds 60%") says too little to tell."""
    partner = _PARTNER.match(claim_text, claim_q.end)
    theirs = _PARTNER.match(evidence_text, evidence_q.end)
    if partner is not None and theirs is not None and theirs.group(1) == partner.group(1):
        return False  # "359 to 312" against "395 to 312": two tallies of one vote
    # (a capitalised noun a number counts is its measure, not a name: "13 Republicans joining"
    # and "11 Republicans voted with" count the same people)
    claim_words = _measure_words(claim_text, claim_q) | _counted_name(claim_text, claim_q)
    evidence_words = _measure_words(evidence_text, evidence_q) | _counted_name(evidence_text,
                                                                               evidence_q)
    return (len(claim_words) >= 2 and bool(evidence_words) and not claim_words & evidence_words
            or _money_measures_differ(claim_q, claim_words, evidence_q, evidence_words,
                                      _nearest_money_measure(claim_text, claim_q)))


def _counted_name(text: str, quantity: Quantity) -> frozenset[str]:
    """The capitalised noun a number counts ("13 Republicans": republican), stemmed, if any."""
    after = re.match(r"\s+([A-Z][a-z]+)\b", text[quantity.end:quantity.end + 30])
    if quantity.kind is not QuantityKind.COUNT or quantity.unit or after is None:
        return frozenset()
    noun = _counted_noun(text, quantity)
    return frozenset({noun}) if noun else frozenset()


def money_measures_differ(claim_text: str, claim_q: Quantity, evidence_text: str,
                          evidence_q: Quantity) -> bool:
    """Whether two sums are told as different measures ("$1.5 billion of expenses" against "the
    $35.3 billion purchase")."""
    return _money_measures_differ(claim_q, _measure_words(claim_text, claim_q), evidence_q,
                                  _measure_words(evidence_text, evidence_q),
                                  _nearest_money_measure(claim_text, claim_q))


def _money_measures_differ(claim_q: Quantity, claim_words: frozenset[str],
                           evidence_q: Quantity, evidence_words: frozenset[str],
                           claim_nearest: str = "") -> bool:
    """Whether two sums are told as different measures: revenue against a valuation or a
    profit ("revenue of $2.68 billion" is no answer to "a $60 billion valuation"), or the
    measure nearest the claim's sum is none of the passage's ("a term loan of $3.5 billion to
    help pay for the acquisition" against "the $20 billion deal")."""
    if claim_q.kind is not QuantityKind.MONEY or evidence_q.kind is not QuantityKind.MONEY:
        return False
    claim_kinds = {_MONEY_MEASURE[w] for w in claim_words if w in _MONEY_MEASURE}
    evidence_kinds = {_MONEY_MEASURE[w] for w in evidence_words if w in _MONEY_MEASURE}
    return bool(claim_kinds) and bool(evidence_kinds) and (
        not claim_kinds & evidence_kinds
        or bool(claim_nearest) and claim_nearest not in evidence_kinds)


@functools.lru_cache(maxsize=16384)
def _nearest_money_measure(text: str, quantity: Quantity) -> str:
    """What the words nearest a sum, in its clause, say it measures (a kind of
    :data:`_MONEY_MEASURE`), or ""."""
    start, end = _clause_span(text, quantity)
    found = [(quantity.start - m.end(), m.group(0)) for m in _LOWER_WORD.finditer(
                 text, start, quantity.start)]
    found += [(m.start() - quantity.end, m.group(0)) for m in _LOWER_WORD.finditer(
                  text, quantity.end, end)]
    stems = ((distance, stem(_FAMILY.get(w, _IRREGULAR.get(w, w)))) for distance, w in found)
    kinds = [(distance, _MONEY_MEASURE[w]) for distance, w in stems if w in _MONEY_MEASURE]
    return min(kinds)[1] if kinds else ""


_LOWER_WORD = re.compile(r"\b[a-z]+\b")


# What a sum measures, by the words told with it (a deal's price and a company's value are one
# measure: "bought for $24.6bn" is "valued at $24.6bn").
_MONEY_MEASURE = {stem(word): kind for kind, words in {
    "revenue": "revenue revenues sales turnover",
    "profit": "profit profits earnings income",
    "value": "valuation valued value values valuing worth capitalisation capitalization "
             "paid pay pays buy buys bought acquire acquired acquisition takeover purchase "
             "purchased deal deals",
    "raised": "raise raised raises raising proceeds",
    "cost": "cost costs costing spend spent spending budget damage damages expense expenses "
            "saving savings synergy synergies",
    "debt": "debt debts borrowing borrowings loan loans",
    "fine": "fine fined fines penalty penalties",
    "pay": "salary salaries wage wages bonus bonuses purse purses prize prizes winnings payout",
}.items() for word in words.split()}


@functools.lru_cache(maxsize=16384)
def _measure_words(text: str, quantity: Quantity, chars: int = 100) -> frozenset[str]:
    """The lower-case words of a figure's clause, stemmed, names, function words and hedges
    aside: what the figure measures and what governs it ("the mission costs")."""
    start, end = _clause_span(text, quantity, chars)
    before = text[start: quantity.start]
    before = before if start == 0 or not text[start - 1].isalpha() else before.partition(" ")[2]
    if start == 0 or re.match(r"[.!?]\s", text[start - 2: start]):
        before = before[:1].lower() + before[1:]  # "Turnout in the runoff": no name
    after = text[quantity.end: end]
    after = after if end >= len(text) or not text[end].isalpha() else after.rpartition(" ")[0]
    # the words of other figures are theirs: "Pro at 245,900 yuan and Max at 299,900 yuan"
    for other in extract_quantities(text):
        if other.end <= quantity.start and other.end > start:
            before = before.replace(other.surface, " ")
        elif other.start >= quantity.end and other.start < end:
            after = after.replace(other.surface, " ")
    words: set[str] = set()
    for word in re.findall(r"[A-Za-z][a-z]+", _CLOSED_AT.sub("closed at", f"{before} {after}")):
        if word[0].isupper() or word in STOPWORDS or word in _HEDGES or word in SCALE_WORDS:
            continue  # names tell the topic, not the measure
        word = _COUNTED_AS.get(word, _FAMILY.get(word, _IRREGULAR.get(word, word)))
        words.update(_UNDOUBLED.sub(r"\1", t) for t in tokenize(word) if t not in STOPWORDS)
    return frozenset(words)


def _clause_span(text: str, quantity: Quantity, chars: int = 100) -> tuple[int, int]:
    """Where the clause of a figure starts and ends, at most ``chars`` either side of it."""
    start, end = max(quantity.start - chars, 0), min(quantity.end + chars, len(text))
    for stop in _CLAUSE_END.finditer(text, start, end):
        if stop.end() <= quantity.start:
            start = stop.end()
        elif stop.start() >= quantity.end:
            end = stop.start()
            break
    return start, end


_UNDOUBLED = re.compile(r"([bdgklmnprt])\1$")  # "winning" and "wins" meet at "win"
_CLAUSE_END = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z\"“‘'])|[,;:]\s+|\s+[(–—]\s*|\)")


@functools.lru_cache(maxsize=16384)
def _with_capitals(text: str, names: tuple[Name, ...]) -> tuple[Name, ...]:
    """``names`` plus capitalised words the recogniser missed ("the Vostochny cosmodrome"),
    of no known kind; a capital opening a sentence is not a name."""
    found = list(names)
    for match in _ENTITY.finditer(text):
        start, end = match.span()
        initial = start == 0 or text[:start].rstrip()[-1:] in ".!?:;\n\"“("
        # "MPs", "CEOs", "SUVs": a plural acronym is a common noun, not a name
        words = [w for w in match.group(0).split()
                 if w not in _GENERIC_CAPS and not _PLURAL_ACRONYM.fullmatch(w)]
        if (initial or not words or any(n.start < end and start < n.end for n in names)
                or re.fullmatch(r"[A-Z]\.?|\d+", match.group(0))):
            continue
        text_of = match.group(0).strip(".'’")
        found.append(Name(text_of, NameKind.THING, start, start + len(text_of),
                          name_key(text_of, NameKind.THING)))
    return tuple(found)


@functools.lru_cache(maxsize=16384)
def _entities(text: str, skip_initial: bool = False, names_in: str = "") -> tuple[str, ...]:
    """Capitalised names in ``text``.

    A single capitalised word opening a sentence ("Behind the scenes") is a name only if it is
    also capitalised mid-sentence in ``text`` or ``names_in``; ``skip_initial`` drops it always.
    """
    names = []
    # a time zone is a unit of the clock time beside it, not a name ("9pm Eastern time", "EDT")
    text = _TIME_ZONE.sub(lambda zone: " " * len(zone.group(0)), text)
    for match in _ENTITY.finditer(text):
        initial = match.start() == 0 or text[:match.start()].rstrip()[-1:] in ".!?:\n"
        if initial and (skip_initial or (
            " " not in match.group(0)
            and not _capitalised_mid_sentence(match.group(0), text + "\n" + names_in)
        )):
            continue
        # "MPs", "CEOs", "SUVs": a plural acronym is a common noun, not a name
        words = [w for w in match.group(0).split()
                 if w not in _GENERIC_CAPS and not _PLURAL_ACRONYM.fullmatch(w)]
        if match.start() == 0 and words and words[0] == match.group(0).split()[0]:
            # A sentence-initial capital is only a name if it is not a common word.
            if words[0].lower() in STOPWORDS or words[0].lower() in {"the", "a"}:
                words = words[1:]
        name = " ".join(words).strip(".'’")
        if name.lower().removesuffix("s") in PEOPLE_BY_COUNTRY:
            continue  # "the Spaniard": someone the text names elsewhere
        bare = name.removesuffix("'s").removesuffix("’s")
        if (_THE_BEFORE.search(text, max(0, match.start() - 20), match.start())
                and _NATIONALITY.fullmatch(bare) and match.group(0).startswith(bare)
                and _AS_A_PERSON.match(text, match.start() + len(bare))):
            continue  # "the Belarusian's power", "the 25-year-old Belarusian, who": someone
        if name and not re.fullmatch(r"[A-Z]\.?|\d+", name):
            names.append(name)
    return tuple(names)


_POSSESSED = re.compile(r"^.*['’]s\s+(?=[A-Z])")
_THE_BEFORE = re.compile(r"\bthe\s+(?:[\w-]+-old\s+)?$", re.IGNORECASE)
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ian|an|ese|ish|i)")
_AS_A_PERSON = re.compile(r"['’]s\b|\s*[,.;:]|\s+(?:who|whose|had|has|was|is|did)\b")
"""What follows a nationality standing for someone: "the Belarusian's", "the Belarusian, who"."""


def _country_of_office(text: str, start: int, entity: str) -> bool:
    """Whether ``entity`` (at ``start`` in ``text``) is a country owning an office or body
    named in common words ("Turkey's president", "Britain's competition watchdog"): the
    setting of the event, which a report of it need not repeat."""
    name = re.sub(r"['’]s$", "", entity)
    return (start >= 0 and is_country(name_key(name).removeprefix("the "))
            and _OWNS_COMMON.match(text, start + len(name)) is not None)


def _capital_for_country(text: str, start: int, entity: str, evidence_text: str) -> bool:
    """Whether ``entity`` (at ``start`` in ``text``) is a capital standing for its country's
    government, as the one acting or owning ("Moscow walked away", "Moscow's demands"), in a
    text whose passage names that country ("after Russia ended the deal"): no place of the
    claim's event. A capital where something happens ("fighting in Khartoum") is a place."""
    bare = re.sub(r"['’]s$", "", entity)
    words = bare.split()
    for size in (2, 1):
        capital = " ".join(words[-size:])
        country = capital_of(capital) if len(words) >= size else None
        if country is None:
            continue
        at = start + len(bare) - len(capital)
        end = at + len(capital)
        if _LOCATIVE_BEFORE.search(text, max(0, at - 30), at) or _OWNS_COMMON.match(text, end):
            return False  # (nor is "Athens's prime minister" Greece's: a city may have its own)
        acting = (text.startswith(("'s", "’s"), end)
                  or _ACTING_AFTER.match(text, end) is not None)
        return acting and (has_word(fold(country.lower()), fold(evidence_text.lower()))
                           or alias_in(country, evidence_text))
    return False


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|near|from|to|into|outside|around|across|of|towards?|"
                              r"via|over|through|capital|city)\W+(?:the\s+)?$", re.IGNORECASE)
_ACTING_AFTER = re.compile(r"\s+(?:[a-z]+ed|said|says|has|had|is|was|will|would|wants|sent|told|"
                           r"took|made|gave|sees|seeks|sought|won|lost|insists|denies)\b")


_OWNS_COMMON = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:president|prime minister|"
                          r"government|parliament|watchdog|regulator|leader|army|military|"
                          r"police|central bank|election|economy|capital|team|squad|coach|"
                          r"foreign minister|finance minister|ministry|cabinet|opposition|"
                          r"king|queen|monarch|navy|air force|coast guard|embassy|football "
                          r"association)\b")
_TIME_ZONE = re.compile(r"\b(?:Eastern|Pacific|Central|Mountain|Atlantic)(?:\s+(?:Daylight|"
                        r"Standard))?\s+[Tt]ime\b|\b(?:GMT|UTC|EDT|EST|PDT|PST|CDT|CST|MDT|MST|"
                        r"BST|CET|CEST|JST)\b")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_SPLIT_NAME = re.compile(r"[\s'’]+")
_LOWER_CAPS = frozenset(word.lower() for word in _GENERIC_CAPS)


def _name_parts(entity: str) -> list[str]:
    """The words of a name, lower case; a hyphen joining two names is split ("Microsoft-Activision
    Blizzard"), not one in an identifier ("SARS-CoV-2"), a short prefix ("Al-Sour") or a
    span of months ("April-March")."""
    parts: list[str] = []
    for part in _SPLIT_NAME.split(entity.lower()):
        pieces = part.split("-")
        if (len(pieces) > 1 and all(len(p) >= 3 and p.isalpha() for p in pieces)
                and not any(p in _LOWER_CAPS for p in pieces)):
            parts.extend(pieces)
        else:
            parts.append(part)
    return parts


def _capitalised_mid_sentence(word: str, text: str) -> bool:
    """Whether ``word`` stands in ``text`` after a space that does not open a sentence (or
    has digits, or is all capitals). A plain search: a pattern per word cost more to compile."""
    if word.isupper() or any(ch.isdigit() for ch in word):
        return True
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = start
        while before and text[before - 1].isspace():
            before -= 1
        if (before < start and before and text[before - 1] not in ".!?:"
                and _is_word_char(text[end - 1]) != (end < len(text)
                                                       and _is_word_char(text[end]))):
            return True
        start = text.find(word, start + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_OF_NAME = re.compile(r"\b(?:[A-Z][\w'’&-]*\s+)*[A-Z][\w'’&-]*\s+(?:of|for)\s+(?:the\s+)?"
                      r"(?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*)*")


def _whole_name_in(claim_text: str, entity: str, evidence_text: str) -> bool:
    """Whether a part of a name written with "of" ("Central Bureau", "Investigation" of "the
    Central Bureau of Investigation") is mentioned by the whole name's usual form ("CBI")."""
    at = claim_text.find(entity)
    return any(whole.start() <= at < whole.end() and whole.group(0) != entity
               and alias_in(whole.group(0), evidence_text)
               for whole in _OF_NAME.finditer(claim_text))


def _legal_name_in(entity: str, evidence_text: str) -> bool:
    """Whether a company's legal name is mentioned by its everyday one: "Toyota Motor Corp" by
    "Toyota", "Alphabet Inc" by "Alphabet" (not "Toyota Industries" by "Toyota")."""
    short = _LEGAL_FORM.sub("", entity)
    if short == entity:
        return False
    short = _MOTOR.sub("", short)
    return bool(short) and _entity_in(short, evidence_text)


_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Corp|Corporation|Inc|Incorporated|Co|Company|Ltd|Limited|"
                         r"LLC|plc|PLC|AG|SA|SE|NV|Holdings)\.?)+$")
_MOTOR = re.compile(r"\s+Motors?$")
"""An automaker's legal name before its legal form: "Toyota Motor (Corp)", "Ford Motor (Co)"."""
_SERVICE = re.compile(r"\s*\([^)]*\)")


def _outlet_apart(entity: str, text: str, title: str, source: str) -> tuple[str, str]:
    """The passage's text and title to look for a name in: without the name of its outlet when
    the name is only a part of it ("Bangkok" of "the Bangkok Post" names no place of the news)."""
    outlet = _SERVICE.sub("", source).strip()
    # (a place opening the outlet's name, "Bangkok Post"; not the event's own site,
    # "Wimbledon.com", nor "The Times of India", whose country its news may well be about)
    if not re.search(rf"\b{re.escape(entity)}\s+\w", outlet, re.IGNORECASE):
        return text, title
    apart = re.compile(re.escape(outlet), re.IGNORECASE)
    return apart.sub(" ", text), apart.sub(" ", title)


def _in_figure(start: int, quantities: Sequence[Quantity]) -> bool:
    """Whether a name at ``start`` is part of a figure, which the figures compare: the "US" of
    "275 million US dollars"."""
    return any(q.start <= start < q.end for q in quantities)


@functools.lru_cache(maxsize=65536)
def _entity_in(entity: str, text: str, title: str = "") -> bool:
    """A name counts as mentioned when its identifiers and most of its words appear in the text
    or its ``title`` (whose Title Case capitals count only where the text writes the word with
    one too: "Estimates ... From Idalia" glues no name to Idalia, "US Coast Guard" does)."""
    if title:
        return _entity_in(entity, _with_title(text, title))
    lowered = fold(text.lower())
    parts = [re.sub(r"(?<=\d)s$", "", p.rstrip(".")) for p in _name_parts(fold(entity))
             if p and p != "s"]
    head = parts[-1] if parts else ""
    named = [p for p in parts if p not in TITLES and p not in _PLACE_HEADS]
    if named and len(named) < len(parts):
        parts = named  # "Rear Admiral John Mauger" is John Mauger, "Mount Everest" Everest
    # "the Conservatives" are mentioned by "the Conservative vote"
    # (a short part must be a word of its own: "UA" is not in "virtuous" or "annual")
    found = [(_in_word(part, lowered) if len(part) > 3 else _has_part(part, lowered))
             or (len(part) > 4 and part.endswith("s") and part[:-1] in lowered)
             for part in parts]
    if any(not ok and is_identifier(part) for ok, part in zip(found, parts, strict=True)):
        return False
    if (len(parts) > 1 and parts[-1] == head and not found[-1] and all(found[:-1])
            and city(" ".join(parts[:-1]))):
        # a body named after its city is not mentioned by the city alone: "Los Angeles
        # Clippers" is no "Lakers star ... in Los Angeles" (nor "Utah Test" a state's test, nor
        # "Dubai International Airport" a body: a place head ends it)
        return False
    if len(parts) == 1 and not found[0] and spelt_otherwise(parts[0], lowered):
        return True  # "Hizbullah" for Hezbollah
    if not all(found) and alias_in(entity, text):
        return True  # "UAE" for "the United Arab Emirates", "Scottish" for "Scotland"
    owned = _BODY_OF.match(fold(entity)) if " of " in entity else None
    if owned and not all(_in_word(w, lowered) for w in owned.group("body").lower().split()
                         if w not in STOPWORDS):
        # a body of another is named by its own words: "the Parliamentary Assembly of the
        # Council of Europe" is no "European Parliament"
        return False
    if (len(parts) > 1 and found[-1] and head in BODY_HEADS
            and not re.search(rf"\b{re.escape(head)}(?:s|es)?\b", lowered)):
        return False  # "European Commission" is no "Data Protection Commissioner ... European"
    if len(parts) > 1 and found[0] and all(ok or part in COMPANY_WORDS
                                           for ok, part in zip(found, parts, strict=True)):
        return True  # "Pioneer" for Pioneer Natural Resources
    if len(parts) > 1 and not all(found) and heads_another(parts, text):
        return False  # "Baikonur Cosmodrome" is not "the Vostochny cosmodrome"
    return sum(found) * 2 >= len(parts) if len(parts) > 1 else all(found)


# "the Parliamentary Assembly of the Council of Europe": a body's own words, then its owner's
_BODY_OF = re.compile(r"(?:the\s+)?(?P<body>(?:[A-Z][\w'’-]*\s+)*(?:" + "|".join(
    sorted(BODY_HEADS, key=lambda w: (-len(w), w))).title() + r"))\s+of\s+(?:the\s+)?[A-Z]")


def _in_word(part: str, lowered: str) -> bool:
    """Whether the long name part ``part`` is in ``lowered``, but not as the start of a longer
    name ("Feng" is not in "Fenghe"; "Nvidia" is in "Nvidia's", "Iran" in "Iranian")."""
    start = lowered.find(part)
    while start >= 0:
        rest = _WORD_REST.match(lowered, start + len(part))
        if rest is None or rest.group(0) in _PART_ENDINGS or start and lowered[start - 1].isalpha():
            return True
        start = lowered.find(part, start + 1)
    return False


_WORD_REST = re.compile(r"[a-z]+")
_PART_ENDINGS = frozenset({"s", "es", "n", "an", "ian", "ese", "i", "ic", "ish", "ern", "er",
                           "ers", "ns", "ans", "ians", "ed", "ing"})


def _has_part(part: str, lowered: str) -> bool:
    """Whether the short name part ``part`` is a word (or a word's start) of ``lowered``."""
    return re.search(rf"(?<![a-z0-9]){re.escape(part)}", lowered) is not None


@functools.lru_cache(maxsize=16384)
def _with_title(text: str, title: str) -> str:
    """The text and its title, the title's capitals kept only on words the text capitalises."""
    names = _capitalised_words(text)
    title = re.sub(r"\b[A-Z][\w-]*", lambda m: m.group(0) if m.group(0).lower() in names
                   or m.group(0).isupper() else m.group(0).lower(), title)
    return f"{text}\n{title}"


# The kind of place a name is: "Mount" is not half of "Mount Thorbjorn" ("nearby Stapafell
# mountain" does not name it), nor "Canal" half of "the Suez Canal".
_PLACE_HEADS = frozenset({"mount", "mt", "lake", "river", "cape", "port", "fort", "gulf", "bay",
                          "sea", "ocean", "island", "islands", "isle", "mountain", "mountains",
                          "valley", "desert", "peninsula", "strait", "canal", "glacier",
                          "volcano", "airport", "harbour", "harbor"})
_NEGATION_WORDS = frozenset({"not", "no", "never", "didn't", "wasn't", "weren't", "hadn't",
                             "hasn't", "haven't", "isn't", "aren't", "doesn't", "don't"})


def negation_about(text: str, other_text: str, cues: re.Pattern[str] = NEGATION) -> str:
    """The first negation in ``text`` that is about something ``other_text`` says (one of the
    three content words after it occurs there), or ``""``: "not as completed" in a passage does
    not deny a claim that never says "completed"."""
    other_words = set(tokenize(other_text))
    for match in cues.finditer(text):
        if match.group(0).lower() in _NEGATION_WORDS and not _denies(text, match):
            continue
        # (within its sentence: "knew of no illnesses. Yum Brands pulled onions" denies no onions)
        following = _SENTENCE_END.split(text[match.end(): match.end() + 80], maxsplit=1)[0]
        # (nor past a "but": "had not planned it but Marschall had suggested it")
        following = _BUT_AFTER.split(following, 1)[0]
        denied = tokenize(following)[:3]
        if (_DECLINED.match(match.group(0)) and denied[:1]
                and denied[0] not in _verb_words(other_text)):
            continue  # a refusal denies its deed: "declined to comment on the attacks"
        if set(denied) & other_words:
            return match.group(0)
    return ""


class Direction(NamedTuple):
    """Which way a figure moves ("up" or "down"), the word saying so, and whether it follows."""

    way: str
    word: str
    after: bool


_TIME_LAPSE = re.compile(r"\s+(?:after|before|ago|since)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def direction_of(text: str, quantity: Quantity) -> Direction | None:
    """The direction a figure moves in its clause and the word saying so ("rose 18%", "18%
    higher", "up 18%": up; "8% lower": down), or ``None``; bounds ("over 300") are no direction.
    A figure restating the one before ("cut by a tenth, or 17,000 jobs") moves with it."""
    own = _own_direction(text, quantity)
    earlier = _restates(text, quantity) if own is None else None
    return own if earlier is None else direction_of(text, earlier)


def _own_direction(text: str, quantity: Quantity) -> Direction | None:
    if _PRECIPITATION.match(text, quantity.end) or quantity.unit in ("cm", "litre") and \
            _FELL.match(text, quantity.end):
        return None  # "five inches of rain fell", "254.8 mm fell": rain falls, no figure moves
    if _FALLING_DUE.match(text, quantity.end):
        return None  # "$1 billion of debt falling due in 2025": payable, not going down
    if quantity.kind is QuantityKind.DATE or "-" in quantity.surface and quantity.unit in (
            "day", "month", "year", DURATION):
        return None  # "decline since 1974", "a one-day decline": a time says when, never moves
    if quantity.unit in ("day", "month", "year", DURATION) and _TIME_LAPSE.match(text,
                                                                              quantity.end):
        return None  # "five weeks after beating Fury": a lapse of time, not a figure that moves
    if _MOVED_TO_ANOTHER.match(text, quantity.end):
        return None  # "used to take 11 hours 55 minutes had been cut to 11 hours": the old level
    before = [m.group(0) for m in _CLAUSE_WORDS.finditer(text[max(0, quantity.start - 40):
                                                               quantity.start])]
    after = [m.group(0) for m in _CLAUSE_WORDS.finditer(text[quantity.end:quantity.end + 40])]
    said = [w.lower() for w in after[:3]]
    if len(said) >= 2 and said[0] in _MORE_OR_LESS and (said[1] == "than" or said[2:] == [
            "than"] and said[1] not in _CLAUSE_BREAKS):
        # "30% more than a year earlier" rose, "3% fewer viewers than" fell ("more than 30%"
        # bounds)
        return Direction(_MORE_OR_LESS[said[0]], after[0], True)
    for words, is_before in ((after[:3], False), (list(reversed(before))[:3], True)):
        for i, word in enumerate(words):
            lowered = word.lower()
            if lowered in _CLAUSE_BREAKS or (is_before and i == 0 and lowered == "to"
                                             and [w.lower() for w in words[1:2]] == ["up"]):
                break  # another clause; "up to 18%" is a bound
            key = stem(lowered)
            if not is_before and i > 0 and words[i - 1].lower() == "to" and key in _RIVAL_VERBS:
                break  # "needed 36 minutes to beat Ostapenko": what the time was for, no direction
            if key in _DIRECTION and is_before and key in _RIVAL_VERBS and i > 0 and (
                    words[i - 1][:1].isupper() or words[i - 1].lower() in _DETERMINERS):
                # "beating Novak Djokovic 6-2": a win over someone, no direction; "beating the
                # 79,115 who saw": the mark beaten, a level
                break
            if key in _GAINED and is_before and quantity.kind is QuantityKind.MONEY:
                break  # "gained $5.3 billion", like "lost $5.3 billion", and "raised $5
                # million" are results, no change
            if key in _DIRECTION:
                if key in _BOUND_LIKE and not is_before and (
                        i > 0 or not words[1:2] or stem(words[1].lower()) not in _REFERENCES):
                    # "$5.98 under GAAP", "over ten years", "18 km below ground": no direction;
                    # "£4 billion over budget", "2% below forecast": a direction
                    break
                if is_before and key in _BOUND_LIKE:
                    break  # "over the next 15 years", "under 2 hours": bounds, no direction
                if lowered in ("up", "down") and is_before and not _UP_AS_DIRECTION.search(
                        text[:quantity.start]):
                    break  # "lined up 140 test vehicles", "set up 5 plants": a phrasal verb
                return Direction(_DIRECTION[key], word, not is_before)
            if is_before and lowered in _LOST and quantity.kind is not QuantityKind.MONEY:
                # "shares lost 0.5%", "the index lost 228 points", like "gained 228 points"
                # (not "lost $1bn")
                return Direction("down", word, False)
    return None


_MOVED_TO_ANOTHER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:has|had|have|was|were|is|are)(?:\s+been)?\s+(?:cut|reduced|"
    r"lowered|shortened|raised|increased|extended|lengthened|trimmed|slashed|boosted)\s+to\s+"
    r"(?:about\s+|around\s+|roughly\s+)?[$€£]?\d")
_LOST = frozenset({"lost", "lose", "loses", "losing", "shed", "sheds", "shedding"})
_GAINED = frozenset(stem(w) for w in ("gain", "raise", "raised"))
_MORE_OR_LESS = {"more": "up", "fewer": "down", "less": "down"}
# "five inches of rain fell", "dropped 9 inches of rain on Whiteville": an amount of rain falls
# or is dropped, the figure does not move
_PRECIPITATION = re.compile(r"\s+of\s+(?:rain|rainfall|snow|snowfall|hail|sleet)\b", re.IGNORECASE)
_FELL = re.compile(r"\s+(?:fell|fall|falls|falling|fallen)\b", re.IGNORECASE)
_FALLING_DUE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:fall|falls|falling|fell|fallen)\s+due\b",
                          re.IGNORECASE)
# Beating or missing someone named is a result, not a direction ("beating Novak Djokovic 6-2").
_RIVAL_VERBS = frozenset(stem(w) for w in ("beat", "beating", "beats", "miss", "missing"))
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that"})
# ", or 17,000 jobs", ", roughly 10% of its workforce": the figure before, said again
_RESTATED = re.compile(r",\s*(?:or\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|"
                       r"almost\s+)?|(?:about|around|roughly|some|nearly|almost)\s+)$",
                       re.IGNORECASE)
# "up"/"down" before a figure give a direction after a comma or a form of "be" ("revenue, up
# 18%"; "shares were down 6%") or opening the text.
_UP_AS_DIRECTION = re.compile(r"(?:^|[,;:(]|\b(?:is|are|was|were|be|been|being|'s|’s))\s*"
                              r"(?:up|down)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+)?$",
                              re.IGNORECASE)
# What a figure is above or below when "over"/"under" after it give a direction.
_REFERENCES = frozenset(stem(w) for w in (
    "budget", "target", "forecast", "estimate", "expectations", "expected", "plan", "planned",
    "guidance", "consensus", "schedule", "par", "average", "last", "previous", "prior",
    "projected", "predicted"))
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "but", "and", "while",
                            "whereas", "although"})  # ("a tax increase. Close to 200")


def _opposite_directions(claim_text: str, claim_q: Quantity, evidence_text: str,
                         evidence_q: Quantity) -> bool:
    mine, theirs = direction_of(claim_text, claim_q), direction_of(evidence_text, evidence_q)
    return mine is not None and theirs is not None and mine.way != theirs.way


def _with_direction(text: str, quantity: Quantity) -> Quantity:
    """The quantity quoted with the word that gives its direction ("fell 18%", "18% higher")."""
    found = direction_of(text, quantity)
    if found is None:
        return quantity
    figure = quantity.surface.strip()
    surface = f"{figure} {found.word}" if found.after else f"{found.word} {figure}"
    return dataclasses.replace(quantity, surface=surface)


def _day_counted_from(claim_text: str, quantity: Quantity,
                      matched: Sequence[tuple[Quantity, Quantity]],
                      evidence_quantities: Sequence[Quantity]) -> Quantity | None:
    """The passage's day a claim's lapse counts to from a day the passage states alike ("On
    March 1 ... two days later" against "March 1 ... March 3"), or None."""
    lapse = _LATER.match(claim_text, quantity.end)
    if (lapse is None or quantity.kind is not QuantityKind.COUNT or quantity.unit != "day"
            or quantity.value != quantity.high):
        return None
    # (from the claim's last day before it, stated alike by the passage)
    days = [c for c, e in matched if c.kind is QuantityKind.DATE and c.unit == "day"
            and c.value == c.high and c.end <= quantity.start and e.value == e.high]
    if not days:
        return None
    start = max(days, key=lambda c: c.end)
    step = quantity.value if lapse.group(1).lower() == "later" else -quantity.value
    target = start.value + step
    told = datetime.date.fromordinal(int(target))
    # (the passage may leave the year out: "March 3")
    return next((e for e in evidence_quantities if e.kind is QuantityKind.DATE
                 and e.value == e.high and (e.unit == "day" and e.value == target
                                            or e.unit == DAY_OF_YEAR
                                            and e.value == (told.month - 1) * 100 + told.day)),
                None)


_LATER = re.compile(r"\s+(later|earlier)\b", re.IGNORECASE)
"""A lapse counted from a day told before it ("two days later"; not "two days after the
crash", which counts from something else)."""


_LAPSE_WAY = re.compile(r"\s+(after|before|later|earlier)\s+([\w'’-]+)", re.IGNORECASE)
_LAPSE_WAYS = {"after": "after", "later": "after", "before": "before", "earlier": "before"}
_SUBJECT_BEFORE = re.compile(r"([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+))*)[^A-Z]*$")


def _lapse_flipped(claim_text: str, claim_q: Quantity, evidence_text: str,
                   evidence_q: Quantity) -> bool:
    """Whether a lapse of time stated alike runs the other way from the same moment, told of the
    same one ("Voyager 2 lifted off 16 days after it" against "Voyager 2 had been launched 16
    days before it")."""
    mine = _LAPSE_WAY.match(claim_text, claim_q.end)
    theirs = _LAPSE_WAY.match(evidence_text, evidence_q.end) if mine is not None else None
    if (mine is None or theirs is None or claim_q.unit not in ("day", "month", "year", DURATION)
            or _LAPSE_WAYS[mine.group(1).lower()] == _LAPSE_WAYS[theirs.group(1).lower()]
            or mine.group(2).lower() != theirs.group(2).lower()):
        return False
    ours = _SUBJECT_BEFORE.search(claim_text, max(0, claim_q.start - 60), claim_q.start)
    who = _SUBJECT_BEFORE.search(evidence_text, max(0, evidence_q.start - 60), evidence_q.start)
    return ours is not None and who is not None and ours.group(1) == who.group(1)


def _with_lapse(text: str, quantity: Quantity) -> Quantity:
    """The lapse quoted with the way it runs ("16 days after")."""
    found = _LAPSE_WAY.match(text, quantity.end)
    if found is None:
        return quantity
    return dataclasses.replace(quantity, surface=f"{quantity.surface.strip()} {found.group(1)}")


_LEVEL_TREND = re.compile(
    r"\s*,\s*(?:(?:an?|the)\s+)?(?:(?:slight|small|marginal|sharp|steep|big|modest|slightly|"
    r"marginally|a\s+little|much|far|well|sharply|significantly|somewhat)\s+)?"
    r"(?P<word>higher|lower|more|less|fewer|greater|smaller|larger|up|down|increase|rise|jump|"
    r"gain|decrease|fall|drop|decline|dip)\s+(?:than|from|on|over|compared)\b", re.IGNORECASE)
"""A level compared at once with an earlier one: "77.7 percent, slightly lower than at the 2019
election", "77.68 percent, an increase on the 75.59 percent"."""
_TREND_WAY = {"higher": "up", "more": "up", "greater": "up", "larger": "up", "up": "up",
              "increase": "up", "rise": "up", "jump": "up", "gain": "up", "lower": "down",
              "less": "down", "fewer": "down", "smaller": "down", "down": "down",
              "decrease": "down", "fall": "down", "drop": "down", "decline": "down", "dip": "down"}


def _level_trend(text: str, quantity: Quantity) -> re.Match[str] | None:
    """The words comparing a level with an earlier one right after it, if any."""
    return _LEVEL_TREND.match(text, quantity.end)


def _trends_apart(claim_text: str, claim_q: Quantity, evidence_text: str,
                  evidence_q: Quantity) -> bool:
    """Whether a level stated alike is said to have gone up in one text and down in the other."""
    mine = _level_trend(claim_text, claim_q)
    theirs = _level_trend(evidence_text, evidence_q) if mine is not None else None
    return (mine is not None and theirs is not None
            and _TREND_WAY[mine.group("word").lower()] != _TREND_WAY[theirs.group("word").lower()])


def _with_trend(text: str, quantity: Quantity) -> Quantity:
    """The level quoted with the words comparing it with an earlier one ("77.7 percent, lower
    than")."""
    found = _level_trend(text, quantity)
    if found is None:
        return quantity
    return dataclasses.replace(quantity, surface=f"{quantity.surface.strip()}{found.group(0)}")


def _moves(text: str, quantities: Sequence[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """The moves between two levels a text states, as (old level, new level): "$16,000, down
    from $20,000", "rose from 62 to 64" (dates left out: "from 6 to 31 July" is a period)."""
    found = []
    for first, second in itertools.pairwise(q for q in quantities
                                            if q.kind is not QuantityKind.DATE):
        if first.kind is not second.kind or first.unit != second.unit:
            continue
        between = text[first.end:second.start]
        if _THEN_FROM.fullmatch(between):
            found.append((second, first))
        elif (_FROM_BEFORE.search(text, max(0, first.start - 30), first.start)
              and _TO_NEXT.fullmatch(between)):
            found.append((first, second))
    return found


_THEN_FROM = re.compile(r"\s*,\s*(?:up|down)\s+from\s+(?:[a-z]+\s+){0,3}", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[a-z]+\s+){0,3}$", re.IGNORECASE)
_TO_NEXT = re.compile(r"\s+to\s+(?:[a-z]+\s+){0,3}", re.IGNORECASE)


def _moves_reversed(claim_text: str, claim_quantities: Sequence[Quantity], evidence_text: str,
                    evidence_quantities: Sequence[Quantity]
                    ) -> list[tuple[tuple[Quantity, Quantity], tuple[Quantity, Quantity]]]:
    """Each move of the claim that the passage makes between the same two levels the other way
    round, with the passage's move."""
    ours = _moves(claim_text, claim_quantities)  # (the claim first: most claims have none)
    theirs = _moves(evidence_text, evidence_quantities) if ours else []
    return [((old, new), (their_old, their_new)) for old, new in ours
            for their_old, their_new in theirs
            if agree(old, their_new) and agree(new, their_old) and not agree(old, new)]


def _as_move(text: str, old: Quantity, new: Quantity) -> Quantity:
    """The new level quoted as the move to it ("from $16,000 to $20,000")."""
    return dataclasses.replace(new, bound=Bound.EXACT, surface=f"from {say(old)} to {say(new)}")


def _bound_elsewhere(evidence_text: str, evidence_quantities: Sequence[Quantity],
                     matched: Sequence[tuple[Quantity, Quantity]]) -> set[str]:
    """Direction words of the passage that move figures the claim does not state ("8% lower"
    beside the claim's "18% higher"): they say nothing about the claim."""
    agreed = {id(e) for _, e in matched}
    words = set()
    for quantity in evidence_quantities:
        found = direction_of(evidence_text, quantity)
        if found is not None and id(quantity) not in agreed:
            words.add(stem(found.word.lower()))
    return words


def _moves_judged(claim_text: str, evidence_text: str,
                  matched: Sequence[tuple[Quantity, Quantity]]) -> set[str]:
    """The passage's words moving a figure the claim moves the same way ("21 percent higher"
    for "rose more than 21 percent"): the figures' comparison judged them, and they are no
    opposite of another word of the claim ("still below the offer price")."""
    judged: set[str] = set()
    for claim_q, evidence_q in matched:
        theirs = direction_of(evidence_text, evidence_q)
        ours = direction_of(claim_text, claim_q)
        if theirs is not None and ours is not None and theirs.way == ours.way:
            judged |= _polar_words(theirs.word.lower())
    return judged


def _told_apart(evidence_text: str, matched: Sequence[tuple[Quantity, Quantity]]) -> set[str]:
    """Words with an opposite that the passage writes only in sentences apart from those
    stating the claim's figures alike: "Pezeshkian led with 10.4 million votes" beside
    "Pourmohammadi fourth on 206,397" is about someone else than the claim's "trailed"."""
    told = {_sentence_around(evidence_text, e.start) for c, e in matched
            if c.kind is not QuantityKind.DATE}
    spans = _sentence_spans(evidence_text)
    if not told or len(spans) < 2:
        return set()
    inside = set().union(*(_polar_words(evidence_text[a:b]) for a, b in told))
    return set().union(*(_polar_words(evidence_text[a:b]) for a, b in spans
                         if (a, b) not in told)) - inside


_WARDS = re.compile(r"(?<=north|south)wards?$|(?<=east|west)wards?$|(?<=up)wards?$"
                    r"|(?<=down)wards?$")


def _as_written(text: str, token: str) -> str:
    """The word of ``text`` a stemmed token stands for ("increas": "increase")."""
    for word in re.findall(r"[\w'’-]+", _NAMED_POINT.sub(" ", text)):
        if token in {_WARDS.sub("", t) for t in _verb_words(word)}:
            return word
    for phrase, verb in _PHRASAL:  # "lost strength" for "weaken"
        found = phrase.search(text)
        if found and token in _verb_words(verb):
            return found.group(0)
    return token


def _polarity_clash(claim_text: str, evidence_text: str,
                    elsewhere: frozenset[str] | set[str] = frozenset(),
                    apart: frozenset[str] | set[str] = frozenset()) -> str:
    # (``elsewhere``: the passage's words about other figures; ``apart``: its words only in
    # sentences about other things, which state no opposite of the claim's)
    # A negation clashes only when it is about something the other text says unnegated
    # ("did not run the marathon" against "ran the marathon"), whatever else either text denies.
    word = _denial(claim_text, evidence_text)
    if word:
        return f"the claim is negated ('{word}')"
    word = _denial(evidence_text, claim_text)
    if word:
        return f"the evidence is negated ('{word}')"
    # "did not concede until the results were out" is "conceded after"; against "before"
    for first, second, who in ((claim_text, evidence_text, "claim"),
                               (evidence_text, claim_text, "evidence")):
        later = _NOT_UNTIL_CUE.search(first)
        if later and _BEFORE.search(second) and not _UNTIL_OR_AFTER.search(second):
            cue = f"'{later.group(0)}'"
            return (f"claim says {cue}, evidence says 'before'" if who == "claim"
                    else f"claim says 'before', evidence says {cue}")
    # (the passage is read only for what the claim says: most claims have no opposite to find)
    claim_words = _polar_words(claim_text) - _bounding(claim_text)
    if claim_words:
        evidence_words = _polar_words(evidence_text) - elsewhere - _bounding(evidence_text)
        for word in sorted(claim_words - evidence_words):  # (sorted: the same word every run)
            opposite = {other for other in _ANTONYM_OF.get(word, set())
                        & (evidence_words - claim_words - apart)
                        if not _converse(claim_text, word, evidence_text, other)
                        and not of_other_nouns(claim_text, word, evidence_text, other)}
            if opposite:
                other = sorted(opposite)[0]
                return (f"claim says '{_as_written(claim_text, word)}', evidence says "
                        f"'{_as_written(evidence_text, other)}'")
    framed = _framed_opposite(claim_text, evidence_text)
    if framed:
        return framed
    # "more votes" against "fewer votes", even where the passage says "more" of something else
    claim_pairs = _word_pairs(claim_text)
    evidence_pairs = _word_pairs(evidence_text) if claim_pairs else {}
    for (first, noun), said in claim_pairs.items():
        for other in sorted(_PAIR_OPPOSITE_OF.get(first, set()) - elsewhere):
            if (other, noun) in evidence_pairs and (other, noun) not in claim_pairs:
                return f"claim says '{said}', evidence says '{evidence_pairs[(other, noun)]}'"
    return (_casualty_clash(claim_text, evidence_text) or _rank_clash(claim_text, evidence_text)
            or _scope_clash(claim_text, evidence_text)
            or _sole_clash(claim_text, evidence_text)
            or _order_clash(claim_text, evidence_text)
            or _clock_order_clash(claim_text, evidence_text)
            or _winner_clash(claim_text, evidence_text)
            or _close_clash(claim_text, evidence_text)
            or _reach_clash(claim_text, evidence_text))


def _reach_clash(claim_text: str, evidence_text: str) -> str:
    """A part of a country where the other text says all of it: "covered only the capital"
    against "a nationwide ceasefire"."""
    for local_text, whole_text, who in ((claim_text, evidence_text, "claim"),
                                        (evidence_text, claim_text, "evidence")):
        local = _ONLY_LOCAL.search(local_text)
        whole = _NATIONWIDE.search(whole_text) if local else None
        if local and whole:
            return _part_against_whole(local.group(0), whole.group(0), who)
    return ""


_ONLY_LOCAL = re.compile(r"\bonly\s+(?:in\s+)?(?:the\s+)?(?:capital|city|town|region|province|"
                         r"state|area|district)\b", re.IGNORECASE)
_NATIONWIDE = re.compile(r"\b(?:nationwide|countrywide|across\s+the\s+(?:whole\s+)?country|"
                         r"throughout\s+the\s+country|all\s+over\s+the\s+country)\b",
                         re.IGNORECASE)


def _close_clash(claim_text: str, evidence_text: str) -> str:
    """A market or price closing the other way: "wheat futures closed higher" against "wheat
    futures finishing Monday's session lower", whatever else the passage expects higher."""
    said = _CLOSE_DIRECTION.search(claim_text)
    if said is None:
        return ""
    for other in _CLOSE_DIRECTION.finditer(evidence_text):
        if other.group("way").lower() != said.group("way").lower():
            return f"claim says '{said.group(0)}', evidence says '{other.group(0)}'"
    return ""


_CLOSE_DIRECTION = re.compile(
    r"\b(?:clos(?:e|ed|es|ing)|finish(?:ed|es|ing)?|end(?:ed|s|ing)|settl(?:e|ed|es|ing))"
    r"(?:\s+(?!and\b|but\b|or\b)[\w'’]+){0,3}?\s+(?P<way>higher|lower)\b", re.IGNORECASE)
"""A close's direction: "closed higher", "finishing Monday's session lower"."""


def _scope_clash(claim_text: str, evidence_text: str) -> str:
    """Some of a group where the other text says all of it: "refund the fare only of passengers
    who were injured" against "refund the fare of every passenger"."""
    for some_text, all_text, who in ((claim_text, evidence_text, "claim"),
                                     (evidence_text, claim_text, "evidence")):
        for some in _ONLY_SOME.finditer(some_text):
            noun = stem(some.group("noun").lower())
            for every in _EVERY.finditer(all_text):
                if (stem(every.group("noun").lower()) == noun
                        and not _RESTRICTED.match(all_text, every.end())):  # "all those who"
                    return _part_against_whole(some.group(0), every.group(0), who)
    return ""


def _sole_clash(claim_text: str, evidence_text: str) -> str:
    """The only one of a kind where the other text says one of several: "the only child killed"
    against "one of two children killed"."""
    for sole_text, many_text, who in ((claim_text, evidence_text, "claim"),
                                      (evidence_text, claim_text, "evidence")):
        for sole in _THE_ONLY.finditer(sole_text):
            noun = _singular(sole.group("noun").lower())
            for many in _ONE_OF_MANY.finditer(many_text):
                # (the noun, or the one after an adjective: "one of two young children")
                if noun in {_singular(w.lower()) for w in many.group("noun", "then") if w}:
                    return _part_against_whole(sole.group(0), many.group(0), who)
    return ""


def _singular(noun: str) -> str:
    """A noun's stem, irregular plurals in their singular ("children": child)."""
    return stem(_IRREGULAR_PLURALS.get(noun, noun))


_IRREGULAR_PLURALS = {"children": "child", "men": "man", "women": "woman", "people": "person",
                      "feet": "foot", "teeth": "tooth", "mice": "mouse"}
_THE_ONLY = re.compile(r"\b(?:the|its|their|his|her)\s+only\s+(?P<noun>[a-z]{3,})\b"
                       r"(?!\s+(?:of|to|in)\b)", re.IGNORECASE)
_ONE_OF_MANY = re.compile(r"\bone\s+of\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|"
                          r"ten|several|many|dozens\s+of|hundreds\s+of|\d+)\s+"
                          r"(?P<noun>[a-z]{3,})(?:\s+(?P<then>[a-z]{3,}))?\b", re.IGNORECASE)


def _part_against_whole(part: str, whole: str, who: str) -> str:
    """The clash of a part said by ``who`` ("claim" or "evidence") with the other's whole."""
    return (f"claim says '{part}', evidence says '{whole}'" if who == "claim"
            else f"claim says '{whole}', evidence says '{part}'")


_ONLY_SOME = re.compile(r"\bonly\s+(?:(?:of|to|for|on|the|those)\s+)*(?P<noun>[a-z]+)\s+"
                        r"(?:who|that|which|whose|with)\b", re.IGNORECASE)
_RESTRICTED = re.compile(r"\s+(?:who|that|which|whose|with)\b", re.IGNORECASE)
_EVERY = re.compile(r"\b(?:every|each|all(?:\s+(?:of\s+)?(?:the|its|their))?)\s+(?P<noun>[a-z]+)",
                    re.IGNORECASE)


def _winner_clash(claim_text: str, evidence_text: str) -> str:
    """The claim's beaten rival as the winner of the same contest: "Djokovic had beaten Alcaraz
    in the Wimbledon final" against "the Wimbledon title match, which Alcaraz won". The same
    contest: the passage's sentence names something else the claim names (Wimbledon)."""
    for said in _BEAT_VERB.finditer(claim_text):  # ("won the Champions League" beat no one)
        winner = _subject_words(claim_text, said.start())
        rival = _RIVAL.match(claim_text, said.end())
        if not winner or rival is None:
            continue
        beaten = {w.lower() for w in rival.group(1).split()} - STOPWORDS
        frame = _capitalised_words(claim_text) - winner - beaten
        for sentence in _SENTENCE_END.split(evidence_text):
            for told in _WIN_VERB.finditer(sentence):
                other = _subject_words(sentence, told.start())
                if not other & beaten or other & winner or not frame & _capitalised_words(
                        sentence):
                    continue  # not the rival, or another contest (one the passage does not name)
                if told.group(0).startswith(("beat", "defeat")):
                    # "Dortmund beat PSV": the claim's winner must be the one beaten
                    loser = _RIVAL.match(sentence, told.end())
                    if loser is None or not {w.lower() for w in loser.group(1).split()} & winner:
                        continue
                elif _PART_WON.match(sentence, told.end()):
                    continue  # a set of it
                return (f"claim says '{rival.group(1)}' lost, evidence says "
                        f"'{' '.join(sorted(other)).title()}' won")
    return ""


_BEAT_VERB = re.compile(r"\b(?:beat|beats|beaten|beating|defeat|defeats|defeated|defeating)\b")
_WIN_VERB = re.compile(_BEAT_VERB.pattern + r"|\b(?:won|wins)\b")
_BEATEN = re.compile(_BEAT_VERB.pattern + r"\s+(?:the\s+)?$")
"""One beaten, right before their name: "Gukesh beat (Ding)"."""
# "won the first set", "won a point": a part of the contest, not the contest
_PART_WON = re.compile(r"\s+(?:\w+\s+){0,2}(?:sets?|games?|points?|tiebreaks?|toss|rounds?|"
                       r"legs?|frames?)\b", re.IGNORECASE)


def _order_clash(claim_text: str, evidence_text: str) -> str:
    """Two events put in the other order: "broke Woodard's record four days after she passed
    Maravich" against "Maravich's record fell four days after Clark broke Woodard's record"
    (the names on either side of "after" or "before" trade places, or the word turns)."""
    told_all = _orders(evidence_text)
    for claimed in _orders(claim_text):
        if any(told.word == claimed.word and claimed.left & told.left
               and claimed.right & told.right for told in told_all):
            continue  # the passage states this order alike; its other "before" is of other things
        for told in told_all:
            same_sides = claimed.left & told.left and claimed.right & told.right
            crossed = claimed.left & told.right and claimed.right & told.left
            if same_sides and not crossed and claimed.word != told.word:
                return f"claim says '{claimed.word}', evidence says '{told.word}'"
            if (crossed and not same_sides and claimed.word == told.word
                    and not claimed.left & told.left and not claimed.right & told.right):
                first, then = sorted(claimed.left & told.right)[0], sorted(claimed.right)[0]
                return (f"claim says '{first.title()} ... {claimed.word} ... {then.title()}', "
                        f"evidence says it the other way round")
    return ""


def _clock_order_clash(claim_text: str, evidence_text: str) -> str:
    """Two events the claim puts in one order and the passage's clock times in the other: "left
    Dhaka by helicopter before she submitted her resignation" against "submitted her resignation
    at 12 noon ... left at around 2:30pm on a military helicopter". Each side of the claim's
    "before" or "after" is found in the passage's clause sharing most of its words (names
    aside), and both clauses must tell a time of day."""
    words = list(_ORDER_WORD.finditer(claim_text))
    if len(words) != 1 or _CLOCK.search(claim_text):
        # (before the passage's clock times are read: most claims order nothing; a claim
        # telling times of its own, "stayed open until midnight after ... to 8 p.m.", says
        # "after" of them, not of the passage's)
        return ""
    times = _clock_times(evidence_text)
    if len(times) < 2:
        return ""
    cut = words[0]
    sides = [_content(_NAME_WORD.sub(" ", claim_text[:cut.start()])),
             _content(_NAME_WORD.sub(" ", claim_text[cut.end():]))]
    found = []
    for side in sides:
        best = max(times, key=lambda t: len(side & t[1]))
        if len(side & best[1]) < 2 or any(len(side & t[1]) == len(side & best[1])
                                          for t in times if t is not best):
            return ""
        found.append(best)
    (first, _), (second, _) = found
    if found[0] is found[1] or first == second:
        return ""
    claimed_first = cut.group(0).lower() == "before"
    if (first < second) != claimed_first:
        told = "after" if claimed_first else "before"
        return f"claim says '{cut.group(0)}', evidence's times put it {told}"
    return ""


@functools.lru_cache(maxsize=16384)
def _clock_times(text: str) -> tuple[tuple[float, frozenset[str]], ...]:
    """Each time of day the text tells ("12 noon", "2:30pm", "3:05 p.m.") as hours after
    midnight, with the content words of its clause (names aside)."""
    found = []
    for clause in re.split(r";\s+|,\s+(?:and|but|while|then)\s+|(?<=[a-z0-9)][.!?])\s+", text):
        hours = [_hours(m) for m in _CLOCK.finditer(clause)]
        if len(hours) == 1:
            found.append((hours[0], frozenset(_content(_NAME_WORD.sub(" ", clause)))))
    return tuple(found)


_CLOCK = re.compile(r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<half>[ap])\.?\s?m\b\.?|"
                    r"(?P<noon>noon|midday|midnight))", re.IGNORECASE)


def _hours(match: re.Match[str]) -> float:
    """The hours after midnight of a clock time matched by ``_CLOCK``."""
    if match.group("noon"):
        return 0.0 if match.group("noon").lower() == "midnight" else 12.0
    hours = int(match.group("h")) % 12 + int(match.group("m") or 0) / 60
    return hours + (12 if match.group("half").lower() == "p" else 0)


@dataclass(frozen=True, slots=True)
class _Order:
    """The names told before and after one "after" or "before" of a sentence."""

    left: frozenset[str]
    word: str
    right: frozenset[str]


@functools.lru_cache(maxsize=16384)
def _orders(text: str) -> tuple[_Order, ...]:
    """Each sentence's one "after" or "before" with the names on either side (read once per
    text: every claim is compared with the same passages)."""
    orders = []
    for sentence in _SENTENCE_END.split(text):
        words = list(_ORDER_WORD.finditer(sentence))
        if len(words) != 1:
            continue  # none, or too many to pair
        cut = words[0]
        left = _capitalised_words(sentence[:cut.start()])
        right = _capitalised_words(re.split(r"[,;:]", sentence[cut.end():], maxsplit=1)[0])
        if left and right:
            orders.append(_Order(left, cut.group(0).lower(), right))
    return tuple(orders)


def _capitalised_words(text: str) -> frozenset[str]:
    """The capitalised words of a stretch of text, lower case ("Maravich's": "maravich")."""
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][\w-]+", text)
                     if w.lower() not in STOPWORDS)


_ORDER_WORD = re.compile(r"\b(?:after|before)\b(?!\s+(?:all|that)\b)", re.IGNORECASE)


# A result told from either side: "Madrid beat Dortmund" is "Dortmund lost to Madrid".
_RESULT_VERBS = frozenset(stem(w) for w in ("win", "won", "lose", "lost", "beat", "defeat"))
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*")


def _converse(claim_text: str, word: str, evidence_text: str, other: str) -> bool:
    """Whether two opposite result verbs do not clash: one result told from either side (the
    claim's winner named after the passage's loser's verb: "Real Madrid won" against "Dortmund
    lost 0-2 to Real Madrid"), or another result (the passage's loss is to someone other than
    the claim's beaten rival, by someone other than the claim's winner)."""
    if word not in _RESULT_VERBS or other not in _RESULT_VERBS:
        return False
    said, told = _verb_at(claim_text, word), _verb_at(evidence_text, other)
    if said is None or told is None:
        return False
    subject = _subject_words(claim_text, said.start())
    other_subject = _subject_words(evidence_text, told.start())
    after = re.split(r"[,;.]", evidence_text[told.end():told.end() + 60], maxsplit=1)[0].lower()
    if subject and not subject & other_subject and any(has_word(w, after) for w in subject):
        return True  # the same result, told from the loser's side
    rival = _RIVAL.match(claim_text, said.end())
    if rival is None or subject & other_subject:
        return False
    return not any(has_word(w.lower(), after) for w in rival.group(1).split()
                   if w.lower() not in STOPWORDS)


def of_other_nouns(claim_text: str, word: str, evidence_text: str, other: str) -> bool:
    """Whether two opposite adjectives of time or age qualify different nouns ("a late-night
    news conference" against "an idea at a very early stage"; not "early afternoon" against
    "late afternoon")."""
    if word not in _ATTRIBUTIVE or other not in _ATTRIBUTIVE:
        return False
    nouns = [re.findall(rf"\b{re.escape(_as_written(text, token))}[\s-]+([a-z]{{3,}})\b", text)
             for text, token in ((claim_text, word), (evidence_text, other))]
    said = {stem(n) for n in nouns[0] if n not in STOPWORDS}
    told = {stem(n) for n in nouns[1] if n not in STOPWORDS}
    return bool(said) and bool(told) and not said & told


_ATTRIBUTIVE = frozenset(stem(w) for w in ("early", "late", "earliest", "latest", "old",
                                           "young"))


def _verb_at(text: str, word: str) -> re.Match[str] | None:
    """The first word of ``text`` whose stem, or its base's ("won": "win"), is ``word``."""
    return next((m for m in re.finditer(r"[A-Za-z']+", text)
                 if word in (stem(m.group(0).lower()),
                             stem(_IRREGULAR.get(m.group(0).lower(), "")))), None)


_RIVAL = re.compile(r"\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")


def _subject_words(text: str, at: int) -> set[str]:
    """The lower-cased words of the capitalised name standing just before ``at`` in its clause."""
    clause = re.split(r"[,;]", text[max(0, at - 80):at])[-1]
    runs = _CAPITALISED_RUN.findall(clause)
    return {w.lower() for w in runs[-1].split()} - STOPWORDS if runs else set()


_NO_DEATHS = re.compile(
    r"\b(?:claimed|claiming|cost|costing|took|taking)\s+no\s+lives\b|\bno\s+(?:deaths?|fatalities|"
    r"lives\s+(?:were|had been)\s+lost)\b|\bno\s*(?:one|body)\s+(?:was|were|had been|has been)?\s*"
    r"(?:killed|died)\b|\bwithout\s+(?:any\s+)?(?:loss of life|deaths?|fatalities)\b|"
    r"\bkill(?:ed|ing)?\s+no\s*(?:one|body)\b", re.IGNORECASE)
_DEATH_WORD = re.compile(r"\b(?:died|dead|deaths?|killed|killing|fatalities|lives\s+lost|"
                         r"death toll)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def _no_deaths(text: str) -> re.Match[str] | None:
    return _NO_DEATHS.search(text) if "no" in text.lower() else None


def _casualty_clash(claim_text: str, evidence_text: str) -> str:
    """"Claimed no lives" against "at least four people had died" (either text may say none):
    a toll of none is a negation of the deaths the other text counts."""
    for none_text, counted_text, who in ((claim_text, evidence_text, "claim"),
                                         (evidence_text, claim_text, "evidence")):
        none = _no_deaths(none_text)
        if none is None:
            continue
        for death in _DEATH_WORD.finditer(counted_text):
            if _NO_DEATHS.search(counted_text, max(0, death.start() - 30), death.end() + 5):
                continue  # the other text says none too
            near = counted_text[max(0, death.start() - 40): death.end() + 30]
            toll = [q for q in extract_quantities(near)
                    if q.kind is QuantityKind.COUNT and q.value >= 1]
            if toll:
                said = counted_text[max(0, death.start() - 40): death.end()].split(",")[-1]
                return (f"claim says '{none.group(0)}', evidence says '{said.strip()}'"
                        if who == "claim" else
                        f"claim says '{said.strip()}', evidence says '{none.group(0)}'")
    return ""


# "lasted four minutes" is no "last": the verb stems like the adjective
_LASTED = re.compile(r"\blast(?:ed|ing|s)\b", re.IGNORECASE)
# "a visit with stops in Paris and Bordeaux", "two trails": places on a route, not the verbs
# whose opposites are "start" and "lead" ("put a stop to" still halts)
_PLACES_ON_A_ROUTE = re.compile(
    r"\b(with|the|its|their|several|many|two|three|four|five|of)\s+(?:stops|trails)\b",
    re.IGNORECASE)
# Phrases that say what one opposite word says: "lost strength" is "weakened", "gained ground"
# "rose", "fell short of forecasts" "below".
_PHRASAL = ((re.compile(r"\b(?:lose|loses|losing|lost)\s+(?:strength|power|steam|momentum|"
                        r"intensity)\b", re.IGNORECASE), "weakened"),
            (re.compile(r"\b(?:gain|gains|gaining|gained|pick(?:s|ed|ing)? up|regain(?:s|ed)?)\s+"
                        r"(?:strength|power|steam|momentum|intensity)\b", re.IGNORECASE),
             "strengthened"),
            (re.compile(r"\b(?:push|pushes|pushed|pushing|put|puts|putting)\s+(?:\w+\s+){0,3}?"
                        r"back\b", re.IGNORECASE), "later"),  # "push back its goal"
            (re.compile(r"\b(?:bring|brings|brought|bringing|pull|pulls|pulled|pulling)\s+"
                        r"(?:\w+\s+){0,3}?forward\b", re.IGNORECASE), "earlier"),
            (re.compile(r"\b(?:lose|loses|losing|lost)\s+ground\b", re.IGNORECASE), "fell"),
            # "the death toll had gone up by one": rose
            (re.compile(r"\b(?:go|goes|going|went|gone)\s+up\b", re.IGNORECASE), "rose"),
            (re.compile(r"\b(?:go|goes|going|went|gone)\s+down\b", re.IGNORECASE), "fell"),
            (re.compile(r"\b(?:gain|gains|gaining|gained)\s+ground\b", re.IGNORECASE), "rose"),
            (re.compile(r"\b(?:fell|fall|falls|falling|came|comes|coming)\s+(?:in\s+)?short\s+of\b|"
                        r"\bshort\s+of\s+(?:the\s+)?(?:\$|forecasts?|estimates?|expectations?)",
                        re.IGNORECASE), "below"),
            # a side that came back from behind against one that gave its lead away
            (re.compile(r"\b(?:come|comes|came|coming|fought|fight|fights|fighting)\s+back\s+"
                        r"from\s+(?:[\w-]+\s+){0,3}?(?:down|behind|deficit)\b", re.IGNORECASE),
             "comeback"),
            (re.compile(r"\b(?:surrender|squander|blow|blew|blown|threw|throw|thrown|let|lose|"
                        r"lost|losing|waste|wasted|surrendered|squandered|blowing|letting)\s+"
                        r"(?:away\s+|slip\s+)?(?:a|an|their|its|his|her)\s+(?:[\w-]+\s+){0,2}?"
                        r"lead\b", re.IGNORECASE), "squandered"),
            # "blew up and fell into the Gulf of Mexico": a body falling somewhere, no figure
            # going down (against "climbed to 39 km")
            (re.compile(r"\b(?:fell|falls|falling|fallen|plunged|plunges|plunging|tumbled|"
                        r"tumbling|sank|sunk|sinking)\s+(?:back\s+)?(?:in|on)?to\s+(?:the\s+)?"
                        r"(?:(?-i:[A-Z])\w+|sea|ocean|gulf|water|waters|river|lake|ground|earth|"
                        r"ravine|gorge|valley|canal|harbou?r)\b", re.IGNORECASE), "landed in"),
            # "sank 60 minutes into his 11th move", "sunk $2 billion into the plant": time or
            # money spent on something, nothing going down
            (re.compile(r"\b(?:sank|sunk|sinks?|sinking)\s+(?:[\w$£€.,-]+\s+){0,3}?[$£€]?\d"
                        r"[\w.,]*(?:\s+[\w.,-]+){0,5}?\s+into\b", re.IGNORECASE), "spent"),
            # "Maravich's record fell": a record that falls is broken, no figure going down
            (re.compile(r"\b(?:record|records|mark|best|barrier)\s+(?:had\s+|has\s+|finally\s+)?"
                        r"(?:fell|falls|fallen|falling|tumbled|tumbles)\b", re.IGNORECASE),
             "record broken"))


@functools.lru_cache(maxsize=16384)
def _polar_words(text: str) -> frozenset[str]:
    """The stemmed words of ``text`` that may have an opposite, past forms with their base
    ("lost": "lose") and "-wards" dropped."""
    text = _PLACES_ON_A_ROUTE.sub(r"\1 halts", _LASTED.sub("endured", text))
    text = _COMPASS_POINT.sub(r"\1\2", _NAMED_POINT.sub(" ", text))  # "south-west": "southwest"
    return frozenset(_WARDS.sub("", w) for w in _verb_words(_phrasal_read(text)))


_NAMED_POINT = re.compile(r"\b(?:North|South|East|West|Northern|Southern|Eastern|Western|Upper|"
                          r"Lower)(?:[\s-]+[A-Z][\w'’-]*)+")
"""A point of the compass in a name, no direction: "South Carolina", "North Korea"."""
_COMPASS_POINT = re.compile(r"\b(north|south)[\s-](east|west)\b", re.IGNORECASE)


def _phrasal_read(text: str) -> str:
    """``text`` with each phrase of :data:`_PHRASAL` written as the one word it says."""
    for phrase, verb in _PHRASAL:
        text = phrase.sub(verb, text)
    return text


_RANKED = re.compile(r"\b(?P<rank>second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)[\s-]+"
                     r"(?P<what>(?:most|least)\s+[a-z]+|[a-z]{2,}est|best|worst)\b", re.IGNORECASE)
_NOT_SUPERLATIVE = frozenset("""
test contest protest interest forest request harvest arrest honest modest suggest invest digest
manifest conquest quest guest chest nest west rest pest vest crest inquest bequest unrest priest
midwest northwest southwest everest attest detest molest infest
""".split())


def _rank_clash(claim_text: str, evidence_text: str) -> str:
    """A superlative ranked otherwise: "the youngest" against "the second-youngest", "the
    second-largest" against "the third-largest" (either text may carry the rank)."""
    for ranked, other, who in ((evidence_text, claim_text, "evidence"),
                               (claim_text, evidence_text, "claim")):
        for match in _RANKED.finditer(ranked):
            what = match.group("what").lower()
            if what.split()[-1] in _NOT_SUPERLATIVE or match.group(0).lower() in other.lower():
                continue  # (both say "third-largest", of one thing or another)
            forms = "|".join((re.escape(what), *_SAME_SUPERLATIVE.get(what, ())))
            there = re.search(r"(?:\b([a-z0-9]+)[\s-]+)?\b(?:" + forms + r")\b",
                              other, re.IGNORECASE)
            if there is None or (there.group(1) or "").lower() == match.group("rank").lower():
                continue
            word = there.group(0)[len(there.group(1) or ""):].strip(" -")
            said = f"{there.group(1)}-{word}" if _ORDINAL_WORD.fullmatch(
                there.group(1) or "") else word
            if who == "evidence":
                return f"claim says '{said}', evidence says '{match.group(0)}'"
            return f"claim says '{match.group(0)}', evidence says '{said}'"
    return ""


# Superlatives that rank the same way ("the second-largest" against "the biggest", "the market
# leader"), as
# patterns; a count's "second-highest" is ranked against "the most ever" ("the most" of an
# adjective, "the most powerful", is another superlative).
_MOST_EVER = r"the most(?=\s+(?:ever|on record|recorded|in (?:history|a single|one)))"
_SAME_SUPERLATIVE = {"largest": ("biggest", "market leader"),
                     "biggest": ("largest", "market leader"),
                     "smallest": ("tiniest",), "highest": ("tallest", _MOST_EVER, "costliest"),
                     "tallest": ("highest",), "most": ("highest", _MOST_EVER),
                     # a cost ranked: "the third-highest (damage) on record" is no "costliest"
                     "costliest": ("most expensive", "highest"),
                     "deadliest": ("most deadly", "most lethal")}
_ORDINAL_WORD = re.compile(r"first|second|third|fourth|fifth|sixth|1st|2nd|3rd|4th|5th|6th",
                           re.IGNORECASE)


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_EDITION = re.compile(r"\s+(?:(?:men|women)['’]s\s+)?((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)")
# Recurring events a year written before them names the edition of, in lower case ("the 2024
# final", "the 2023 general election").
_EVENT_NOUN = re.compile(r"\s+(?:(?:men|women)['’]s\s+)?(?:[a-z]+\s+)?(finals?|elections?|"
                         r"games|olympics|season|tournament|championships?|race|marathon|summit|"
                         r"edition|campaign|derby|playoffs?|series|run-?offs?|referendums?|"
                         r"primar(?:y|ies))\b")


def _edition_of(text: str, quantity: Quantity) -> str:
    """The event a year names the edition of ("the 2024 NBA Finals": "finals"), or ""."""
    if quantity.kind is not QuantityKind.DATE or not re.fullmatch(r"\d{4}", quantity.surface):
        return ""
    named = _EDITION.match(text, quantity.end) or _EVENT_NOUN.match(text, quantity.end)
    if named:
        return stem(named.group(1).split()[-1].lower())
    return _label_of(text, quantity)


def _label_of(text: str, quantity: Quantity) -> str:
    """The name a year is part of ("Paris 2024", "Euro 2024", "WWDC 2024": "paris"), or ""."""
    label = _LABEL_BEFORE.search(text, max(0, quantity.start - 30), quantity.start)
    if label and label.group(1) not in _GENERIC_CAPS and label.group(1) != "FY" and (
            text[:label.start(1)].rstrip()[-1:] not in ("", ".", "!", "?", ":", "\n")):
        return label.group(1).lower()
    return ""


_LABEL_BEFORE = re.compile(r"\b([A-Z][\w-]*)\s+$")


@functools.lru_cache(maxsize=16384)
def _bounding(text: str) -> frozenset[str]:
    """Words that only bound a figure right after them ("below a quarter", "over 40%"): the
    figures' comparison judges them, and they say no direction of their own."""
    words = set()
    for quantity in extract_quantities(text):
        before = re.search(r"([A-Za-z]+)\s+$", text[max(0, quantity.start - 12):quantity.start])
        if before and stem(before.group(1).lower()) in _BOUND_LIKE:
            words.add(stem(before.group(1).lower()))
        if _CLOSE_TO.search(text, max(0, quantity.start - 16), quantity.start):
            words.add(stem("close"))  # "close to 18,000": about, not closed
    return frozenset(words)


_CLOSE_TO = re.compile(r"\bclose\s+to\s+$", re.IGNORECASE)
_GREATER = frozenset({"more", "longer", "higher", "larger", "bigger", "greater", "heavier",
                      "older", "taller", "faster", "later", "costlier", "wider", "deeper"})
_SMALLER = frozenset({"less", "fewer", "shorter", "lower", "smaller", "lighter", "younger",
                      "slower", "earlier", "cheaper", "narrower", "shallower"})
_COPULA = re.compile(r"\b(?:is|was|were|are|been|be|being|remains|remained|stood|stands)\b",
                     re.IGNORECASE)
_THAN = re.compile(r"\b([a-z]+)\s+than\s+(?:(?:the|a|an|about|around|some|roughly|nearly|"
                   r"almost)\s+)*$", re.IGNORECASE)


def _comparison_refuted(claim_text: str, matched: Sequence[tuple[Quantity, Quantity]]) -> str:
    """A comparison between two of the claim's figures that the figures the passage states alike
    refute: "the 25-year sentence was longer than the 40 to 50 years asked for"."""
    stated = sorted((c for c, _ in matched), key=lambda q: q.start)
    for first, second in zip(stated, stated[1:], strict=False):
        if (not comparable(first, second) or first.unit != second.unit
                or second.start - first.end > 80):
            continue
        between = claim_text[first.end:second.start]
        said = _THAN.search(between)
        # the first figure is what is compared ("the sentence was longer than"), not a bound of
        # the second in a list ("85 visits, and talks with more than 200 people")
        if said is None or _NEXT_CLAUSE.search(between) or not _COPULA.search(between):
            continue
        word = said.group(1).lower()
        low, high = in_seconds(first), in_seconds(second)
        if word in _GREATER and low.high < high.value or word in _SMALLER and low.value > high.high:
            return (f"claim says {first.surface} is {word} than {second.surface}; the evidence "
                    f"states both, and {first.surface} is not {word}")
    return ""


def _compared_otherwise(claim_text: str, claim_names: Sequence[Name], evidence_text: str,
                        evidence_quantities: Sequence[Quantity]) -> str:
    """A count the claim compares between two of its people or bodies ("made fewer unforced
    errors than Pegula") that the passage gives each of them the other way round ("Sabalenka
    ... made 34 unforced errors ..., Pegula, who managed ... 22 unforced errors"); "" if it
    does not. A count is each one's when that one is the last of the two the passage names
    before it in its sentence."""
    found = _COUNT_COMPARED.search(claim_text)
    if found is None:
        return ""
    rivals = [n for n in claim_names if n.kind in (NameKind.PERSON, NameKind.ORG)]
    subject = next((n for n in rivals if n.end <= found.start()), None)
    rival = next((n for n in rivals if 0 <= n.start - found.end() <= 4), None)
    if subject is None or rival is None:
        return ""
    noun = stem(found.group("noun").split()[-1].lower())
    counts: dict[int, Quantity] = {}
    for q in evidence_quantities:
        if q.kind is not QuantityKind.COUNT or _counted_noun(evidence_text, q) != noun:
            continue
        opens = max(evidence_text.rfind(". ", 0, q.start), evidence_text.rfind("; ", 0, q.start))
        spots = [(at, i) for i, who in enumerate((subject, rival))
                 for at, _ in _spots(evidence_text, who) if opens < at < q.start]
        if spots:
            counts.setdefault(max(spots)[1], q)
    if len(counts) < 2 or counts[0].value == counts[1].value:
        return ""
    word = found.group("word").lower()
    if (counts[0].value > counts[1].value) == (word in _GREATER):
        return ""
    return (f"claim says {subject.text} had {word} {found.group('noun')} than {rival.text}; the "
            f"evidence gives {subject.text} {counts[0].surface} and {rival.text} "
            f"{counts[1].surface}")


_COUNT_COMPARED = re.compile(r"\b(?P<word>more|fewer|less)\s+"
                             r"(?P<noun>(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+than\s+"
                             r"(?:did\s+|had\s+)?(?=[A-Z])")
"""A count compared between two named ones: "fewer unforced errors than Pegula"."""


def _order_reversed(claim_text: str, claim_names: Sequence[Name], evidence_text: str) -> str:
    """Two of the claim's rivals the passage places the other way round: "Vingegaard crossed
    the line 1:08 ahead of Pogačar" against "Pogačar dropped Vingegaard ... and beat him"; or
    tells in the other order: "Buttigieg toured the site a day before Trump visited" against
    "Trump ..., arriving before either Biden or Buttigieg had gone there"."""
    rivals = [n for n in claim_names if n.kind in (NameKind.PERSON, NameKind.ORG)]
    pairs = list(itertools.combinations(rivals, 2))
    # (who came first, people first: "Transportation" of "Transportation Secretary Pete
    # Buttigieg" is his title)
    by_people = sorted(pairs, key=lambda pair: sum(n.kind is not NameKind.PERSON for n in pair))
    return (_told_otherwise(claim_text, pairs, evidence_text, _placed, _placed, "ahead of")
            or _told_otherwise(claim_text, by_people, evidence_text, _earlier,
                               functools.partial(_earlier, last=True), "before"))


_PairOrder: TypeAlias = Callable[[str, tuple[int, int], tuple[int, int]], bool | None]


def _told_otherwise(claim_text: str, pairs: Sequence[tuple[Name, Name]], evidence_text: str,
                    in_claim: _PairOrder, in_passage: _PairOrder, word: str) -> str:
    """The first pair the claim orders (``in_claim``: whether the words between two names put
    the first ahead) that the passage orders only the other way (``in_passage``), in words."""
    for first, second in pairs:
        first_ahead = in_claim(claim_text, (first.start, first.end), (second.start, second.end))
        if first_ahead is None:
            continue
        ahead, behind = (first, second) if first_ahead else (second, first)
        told = set()  # (whether the passage puts the claim's one ahead first)
        for at in _spots(evidence_text, ahead):
            for there in _spots(evidence_text, behind):
                said = (in_passage(evidence_text, at, there) if at[0] < there[0]
                        else _flip(in_passage(evidence_text, there, at)))
                if said is not None:
                    told.add(said)
        if told == {False}:
            return (f"claim says '{ahead.text} {word} {behind.text}', evidence says "
                    f"'{behind.text} {word} {ahead.text}'")
    return ""


def _flip(said: bool | None) -> bool | None:
    return None if said is None else not said


def _earlier(text: str, first: tuple[int, int], second: tuple[int, int], *,
             last: bool = False) -> bool | None:
    """Whether the words between two names, in one sentence, tell the first came before the
    second ("a day before", "ahead of") or after it ("after", "later than"); None when they say
    neither or (unless ``last``: the word nearest the second name tells) both."""
    between = text[first[1]:second[0]]
    # ("after the Feb. 3 derailment": one sentence; a stop right before the second name ends one)
    if len(between) > 160 or _SENTENCE_OR_CLAUSE.search(between):
        return None
    said = [m.group(1) is not None for m in _BEFORE_OR_AFTER.finditer(between)]
    if last:
        return said[-1] if said else None
    return said[0] if len(set(said)) == 1 else None


_SENTENCE_OR_CLAUSE = re.compile(r"[.!?]\s+(?=[A-Z\"“])|[.!?]\s+$|;|\b(?:but|while|whereas)\b")
_BEFORE_OR_AFTER = re.compile(r"\b(?:(before|earlier\s+than|prior\s+to)|after|later\s+than)\b",
                              re.IGNORECASE)


def _spots(text: str, name: Name) -> list[tuple[int, int]]:
    """Where the text names ``name``: a person by the surname, anything else in full."""
    words = re.sub(r"['’]s$", "", name.text).split()
    if words[:1] and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return []
    written = words[-1] if name.kind is NameKind.PERSON else " ".join(words)
    return [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text)]


def _placed(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool | None:
    """Whether the words between two names place the first ahead of the second ("beat", "ahead
    of", "dropped") or behind it ("lost to", "trailed", "was beaten by"); None when they say
    neither, both, or lie across a sentence or a clause of its own."""
    between = text[first[1]:second[0]]
    if len(between) > 90 or _OWN_CLAUSE.search(between):
        return None
    said = {bool(m.group(1)) for m in _AHEAD_OR_BEHIND.finditer(between)}
    return said.pop() if len(said) == 1 else None


_AHEAD_OR_BEHIND = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:beaten|defeated|edged|outscored|outpolled|dropped)"
    r"\s+by\b|\b(?:lost|loses|losing|lose|fell)\s+to\b|\bbehind\b|\btrail(?:s|ed|ing)?\b|"
    r"\b(beat|beats|beating|defeat(?:s|ed|ing)?|edg(?:e|es|ed|ing)|outscor\w+|outpoll\w+|"
    r"outsprint\w+|outpac\w+|outran|outrun\w*|overt(?:ook|ake|akes|aking)|dropp(?:ed|ing)|"
    r"ahead\s+of|in\s+front\s+of|lead\s+over|upset)\b", re.IGNORECASE)
_OWN_CLAUSE = re.compile(r"[.;!?](?:\s|$)|\b(?:but|while|whereas|although|who|which)\b|,\s+and\b")


def _framed_opposite(claim_text: str, evidence_text: str) -> str:
    """An opposite in the same words on both sides: "the flag was lowered at NATO headquarters"
    against "the flag was raised at NATO headquarters", even where the claim says "raising" of
    something else."""
    claim_frames = _frames(claim_text)
    if not claim_frames:
        return ""
    evidence_frames = _frames(evidence_text)
    bounds = _bounding(claim_text) | _bounding(evidence_text)  # "above 40%": the figures decide
    for (before, word, after), said in claim_frames.items():
        for other in sorted(_ANTONYM_OF.get(word, set()) - bounds):
            # (a passage writing both, "at the lower rate and ... at the higher rate", as the
            # claim does, states no opposite)
            found = (word not in bounds and (before, word, after) not in evidence_frames
                     and evidence_frames.get((before, other, after)))
            if found:
                return f"claim says '{said}', evidence says '{found}'"
    return ""


@functools.lru_cache(maxsize=16384)
def _frames(text: str) -> dict[tuple[str, str, str], str]:
    """Each word that has an opposite, stemmed, between the content words before and after it
    in its sentence (past forms as their base), and how the text writes it."""
    frames = {}
    # (one sentence at a time: "the crush. The first came" frames no opposite)
    for sentence in _SENTENCE_END.split(_phrasal_read(text)):
        words = [(w, stem(_IRREGULAR.get(w.lower(), w.lower())))
                 for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", sentence)]
        words = [(w, s) for w, s in words if w.lower() not in STOPWORDS]
        for (_, before), (said, word), (_, after) in zip(words, words[1:], words[2:],
                                                         strict=False):
            if word in _ANTONYM_OF:
                frames[(before, word, after)] = said
    return frames


@functools.lru_cache(maxsize=16384)
def _word_pairs(text: str) -> dict[tuple[str, str], str]:
    """Words that have an opposite with the content word after them ("more votes"), stemmed,
    and how the text says it."""
    written = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    words = [w.lower() for w in written]
    pairs = {}
    for i, (word, after) in enumerate(zip(words, words[1:], strict=False)):
        if written[i][0].isupper() and written[i + 1][0].isupper():
            continue  # a name: "South Carolina", "North Korea", "Upper West Side"
        if stem(word) in _PAIR_OPPOSITE_OF and after not in STOPWORDS:
            pairs[(stem(word), stem(after))] = f"{word} {after}"
    return pairs


# A negation inside a condition or counterfactual ("had it not counted the sale, profit would
# have been ...", "unless ... not") denies nothing.
_CONDITIONAL = re.compile(r"(?:\b(?:if|unless|whether)\b|\bhad\s+(?:it|they|he|she|we|the\s+\w+)"
                          r"|\bwere\s+(?:it|they))[^,;.]{0,60}$", re.IGNORECASE)


# A negative adverbial and the inverted auxiliary after it: "(at no) point during those events
# had he", "(in no) way did it", "(under no) circumstances would they".
_NEGATIVE_ADVERBIAL = re.compile(
    r"\s+(?:point|time|stage|moment|way|circumstances)\b[^,;.]{0,60}?\b(?:had|has|have|did|"
    r"does|do|was|were|is|are|would|will|could|can|should)\s+(?:he|she|it|they|we|I|you)\b",
    re.IGNORECASE)


def _negated_scopes(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each real negation cue in ``text`` and the three content words it denies."""
    return tuple((cue, words) for cue, words, _ in _negations(text))


@functools.lru_cache(maxsize=16384)
def _negations(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """Each real negation cue in ``text``, the three content words it denies and, where it denies
    a noun phrase or what a verb does to it, the one it is most about ("perfect" of "not a
    perfect company", "moved" of "moved no seats"), else ``""``."""
    scopes = []
    for match in NEGATION.finditer(text):
        if not _denies(text, match):
            continue
        # what is denied is what happens or how much, not who: names are left out
        # and only within its clause ("sounds no alarm, was working" denies no working), unless
        # the clause denies only a name ("was not in Ighil, a rural commune")
        following = text[match.end(): match.end() + 80]
        adverbial = _NEGATIVE_ADVERBIAL.match(following)
        if adverbial and match.group(0).lower() == "no":
            # "at no point had he considered stepping down" denies the considering
            following = following[adverbial.end():]
        # nor a figure, which the figures compare: "customers without service out of about 11
        # million" denies the service, not the million
        # and not past a "but": "had not planned it but Marschall had suggested it" says
        # plainly what comes after it
        clause = _BUT_AFTER.split(_CLAUSE.split(following, 1)[0], 1)[0]
        denied = [w for w in tokenize(_NAMES.sub(" ", clause))
                  if not any(ch.isdigit() for ch in w) and w not in _SCALE_STEMS]
        words = (denied or tokenize(_NAMES.sub(" ", following)))[:3]
        # ("was not a perfect company" is about being perfect, a company or not; "not the one
        # everyone wanted" about the one)
        head = words[0] if words and _ARTICLE_NEXT.match(following) else ""
        deed = _deed_before(text, match)
        if deed:
            # "counting the last votes moved no seats" denies a moving of seats, not the seats
            # the other text counts: one word in common must be the deed
            words, head = [deed, *words], deed
        scopes.append((match.group(0), frozenset(words), head))
    return tuple(scopes)


def _deed_before(text: str, match: re.Match[str]) -> str:
    """The stem of the past verb a "no" is the object of ("moved no seats", "found no
    evidence"), or ""; "had no" and "was no" say what there was, not what was done."""
    if match.group(0).lower() != "no":
        return ""
    verb = _DEED_BEFORE_NO.search(text, max(0, match.start() - 30), match.start())
    if verb is None or verb.group(1) in ("need", "used"):
        return ""
    return stem(_IRREGULAR.get(verb.group(1), verb.group(1)))


_BUT_AFTER = re.compile(r"\s+(?:but|rather|instead)\s+", re.IGNORECASE)
_ARTICLE_NEXT = re.compile(r"\s+(?:an?|the)\s+[a-z]", re.IGNORECASE)


def _denies(text: str, match: re.Match[str]) -> bool:
    """Whether the negation cue ``match`` denies something, not a condition ("had it not
    counted ..."), a time ("did not start until 2010", "did not at first realise", "no order
    had yet been given") or a bound ("no more than 32 ships", "not later than May 2024")."""
    return not (_CONDITIONAL.search(text[max(0, match.start() - 80):match.start()])
                or match.group(0).lower() == "without" and _WITHOUT_THEN.match(text, match.end())
                or match.group(0).lower() == "none" and _SCORE_TO.search(
                    text, max(0, match.start() - 30), match.start())
                or _NOT_UNTIL.match(text, match.end()) or _NOT_AT_FIRST.match(text, match.end())
                or _bounds_figure(text, match.end())
                or match.group(0).lower() in ("no", "never", "not") and (
                    _NONE_BIGGER.match(text, match.end()) or _NOT_FOR.match(text, match.end())))


# "without recognition from a mainland court, the liquidators would have few powers": a
# condition ("unless a court recognised them"), no denial
_WITHOUT_THEN = re.compile(r"[^,;.]{0,100},\s+(?:[\w'’-]+\s+){0,6}?(?:would|could|might)\b",
                           re.IGNORECASE)
# "led the series two games to none": a score of nil, no denial
_SCORE_TO = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven)\s+(?:[a-z]+\s+)?to\s+$",
                       re.IGNORECASE)
_COMPARED = re.compile(r"\s+(?:more|less|fewer|later|earlier|sooner|longer|shorter|higher|"
                       r"lower|greater|bigger|smaller)\s+than\s+", re.IGNORECASE)


def _bounds_figure(text: str, at: int) -> bool:
    """Whether a comparison after a negation cue at ``at`` bounds the figure or date right after
    it ("no more than 32", "not later than May 2024") rather than denying a comparison ("were
    not greater than that seen")."""
    compared = _COMPARED.match(text, at)
    return compared is not None and any(
        q.start <= compared.end() < q.end for q in extract_quantities(text))


_NOT_UNTIL_CUE = re.compile(r"\b(?:not|never|didn't|wasn't|weren't)\b(?:\s+[\w'’-]+){1,4}?\s+"
                            r"(?:until|till)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\bbefore\b", re.IGNORECASE)
_UNTIL_OR_AFTER = re.compile(r"\b(?:until|till|after)\b", re.IGNORECASE)
_NOT_AT_FIRST = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:at\s+first|initially|immediately|"
                           r"right\s+away|at\s+once|yet)\b", re.IGNORECASE)
# "No eclipse had ever drawn a bigger audience than": a superlative, denying nothing
_NONE_BIGGER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+ever\s+(?:[\w'’-]+\s+){0,4}?"
                          r"(?:[a-z]+er|more|less|fewer)\s+(?:[\w'’-]+\s+){0,5}?than\b",
                          re.IGNORECASE)
# "Not for another 21 years will ...": when, not whether
_NOT_FOR = re.compile(r"\s+(?:for\s+)?(?:another|at\s+least|more\s+than)\s+[\w,.-]+\s+"
                      r"(?:years?|months?|weeks?|days?|decades?|centuries|century)\b",
                      re.IGNORECASE)
_NOT_UNTIL = re.compile(r"(?:\s+[\w'’-]+){1,4}?\s+(?:until|till)\b", re.IGNORECASE)
# "Gensler", acronyms ("UBS's"), and one-letter "X's"
_NAMES = re.compile(r"\b[A-Z](?:[a-z][\w'’-]*|[A-Z0-9]+(?:['’]s)?\b|\b)")


# Nouns of a verb the stemmer keeps apart ("loss", "lose").
_FAMILY = {"loss": "lose", "losses": "lose", "sale": "sell", "sales": "sell", "growth": "grow"}
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "ran": "run", "won": "win", "lost": "lose",
    "made": "make", "gave": "give", "took": "take", "went": "go", "came": "come",
    "began": "begin", "grew": "grow", "rose": "rise", "fell": "fall", "held": "hold",
    "left": "leave", "met": "meet", "paid": "pay", "sold": "sell", "bought": "buy",
    "built": "build", "spent": "spend", "sent": "send", "led": "lead", "broke": "break",
    "chose": "choose", "drove": "drive", "flew": "fly", "kept": "keep", "knew": "know",
    "saw": "see", "stood": "stand", "thought": "think", "wrote": "write", "found": "find",
    "brought": "bring", "struck": "strike",
}
"""Past forms a stemmer cannot reduce, so "did not run" meets "ran"."""
_DEED_BEFORE_NO = re.compile(r"\b([a-z]{3,}ed|" + "|".join(_IRREGULAR) + r")\s+$")
"""A past verb whose object is denied by the "no" after it: "moved no seats"."""


@functools.lru_cache(maxsize=16384)
def _verb_words(text: str) -> frozenset[str]:
    """The text's content words with irregular past forms as their base ("ran" -> "run")."""
    words = set(tokenize(text))
    words |= {stem(_IRREGULAR[w]) for w in re.findall(r"[a-z']+", text.lower())
              if w in _IRREGULAR}
    return frozenset(words)


_CLAUSE = re.compile(r"[,;:.!?()]\s|\s[-\u2013\u2014]\s")
_COORDINATED = re.compile(r"\s+(?:and|but|while|whereas)\s+")
_SUBORDINATE = re.compile(r"\s+(?:that|which|who|whether)\s+")


def not_yet_against_already(claim_text: str, passage_text: str) -> bool:
    """Whether one text says "already" and the other "not yet" ("had already set aside money"
    against "had not yet put aside any money")."""
    return bool(_ALREADY.search(claim_text) and _NOT_YET.search(passage_text)
                or _ALREADY.search(passage_text) and _NOT_YET.search(claim_text))


_ALREADY = re.compile(r"\balready\b", re.IGNORECASE)
_NOT_YET = re.compile(r"\b(not|no|never)((?:\s+[\w'’-]+){0,2}?)\s+yet\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:might|may)\b")  # (lower case: "9 May" is a day)
_HEDGED_NOT = re.compile(r"\b(might|may)\s+not\b")


def _denial(text: str, other_text: str) -> str:
    """The first negation cue of ``text`` about words ``other_text`` states in a clause without
    a negation of its own ("never ran the marathon in under two hours" against "ran the marathon
    in under two hours, which does not count"; but "without winning a licence" and "talks over a
    licence had not produced approval" deny the same thing in two ways)."""
    if not _MODAL.search(other_text):
        # "something this big might not have worked" weighs a possibility; it denies only
        # what the other text too says may be ("may not protect" against "may protect")
        text = _HEDGED_NOT.sub(r"\1", text)
    if _ALREADY.search(other_text):
        # "not yet" tells when, but denies what the other text says is already done ("had
        # already set aside money" against "had not yet put aside any money")
        text = _NOT_YET.sub(r"\1\2", text)
    # (a negation in a sentence telling another part of the claim denies it only in two of
    # its words: "would not become a resting place for human remains" denies no "place")
    # (one word in common is enough, but for a noun phrase only its first: "was not a perfect
    # company" denies nothing of "the company's models")
    scopes = [(cue, words, 1, head)
              for cue, words, head in _negations(_telling_sentences(text, other_text))]
    scopes += [(cue, words, 2, "")
               for cue, words in _negated_scopes(_other_part(text, other_text))]
    if not scopes or _stated_plainly(text, other_text):
        return ""
    plain: set[str] = set()
    # a clause joined by "and" or "but" says its own thing: "the barriers were holding and no
    # infrastructure had been damaged" says plainly that they held
    # and so does a clause it opens with "that" ("said it would appeal the decision that its
    # stock was no longer suitable": the appeal is said plainly)
    for clause in (piece for whole in _CLAUSE.split(other_text)
                   for part in _COORDINATED.split(whole) for piece in _SUBORDINATE.split(part)):
        if not _negated_scopes(clause):
            plain |= _verb_words(clause)
    other_denied = set().union(*(words for _, words in _negated_scopes(other_text)))
    # "by one fire rather than by two separate blazes" rejects what "not two fires" denies;
    # "free of the lock-up" is "not subject to the lockup"
    other_denied |= {w for m in _REJECTION.finditer(other_text)
                     for w in tokenize(other_text[m.end():m.end() + 60])[:4]}
    # (what is lacked ends at the clause's verb: "concerns about the server's lack of
    # multifactor authentication had been raised" denies no raising)
    other_denied |= {w for m in _PRIVATIVE.finditer(other_text)
                     for w in tokenize(_AUXILIARY.split(_CLAUSE.split(
                         other_text[m.end():m.end() + 60], 1)[0], 1)[0])[:3]}
    # "Zardari took 47 votes and Achakzai none" denies Achakzai the votes of that clause
    for none in _NONE_FOR_ANOTHER.finditer(other_text):
        clause_start = max(other_text.rfind(". ", 0, none.start()), other_text.rfind("; ", 0,
                                                                                     none.start()))
        other_denied |= set(tokenize(other_text[clause_start + 1:none.start()]))
    # "unbeaten in 28 matches" is "28 matches without defeat"
    if _UNBEATEN.search(other_text):
        other_denied |= _DEFEAT_WORDS
    # "would lose responsibility for the site" is "would no longer be responsible for the site",
    # unless the negation denies the losing itself ("did not lose its licence")
    given_up = [(_GIVING_UP_FORMS[m.group(1).lower()],
                 set(tokenize(_CLAUSE.split(other_text[m.end():m.end() + 60], 1)[0])[:3]))
                for m in _GIVING_UP.finditer(other_text)]
    refused = _refused_deeds(text)
    # a cue the other text puts before a pronoun may deny the very thing the pronoun stands for
    # ("sell it without them" after "slivered onions"): it answers the same cue of the claim
    alike = {m.group(0).lower() for m in NEGATION.finditer(other_text)
             if _DENIED_PRONOUN.match(other_text, m.end())}
    # "no opening game had produced a win for 14 years" is "the first time in 14 years" one did
    # (not where the negated text has its own first: "did not walk off the job, in the
    # company's first strike for 16 years")
    lapsed = ({m.group(1).lower() for m in _LAPSE_DENIED.finditer(text)
               if not _RANK_WORD.search(m.group(0))}
              if _FIRST_IN.search(other_text) and not _FIRST_IN.search(text) else set())
    for cue, words, least, head in scopes:
        if cue.lower() in alike or cue.lower() in lapsed:
            continue
        # (what is given up must be what the negation is about: two of its words, not one
        # shared noun, "lost its majority in the 465-seat house" against "did not surge to 148
        # seats")
        denied = other_denied.union(*(after for verb, after in given_up
                                      if not verb & words and _alike_words(after, words) >= 2))
        # (a refusal denies its deed: "declined to congratulate Noboa on the night of the
        # runoff" is answered only where the other text tells of congratulating)
        if _REFUSAL.match(cue) and not refused & plain:
            continue
        shared = words & plain
        if (len(shared) >= least and (len(shared) >= 2 or not head or head in shared)
                and not words & denied):
            return cue
    return ""


_STRETCH = (r"(?:(?:the\s+)?(?:past|last|more\s+than|nearly|almost|over|about)\s+)?"
            r"(?:\d+|[a-z]+)\s+(?:years?|decades?|months?|weeks?|seasons?)\b")
_LAPSE_DENIED = re.compile(r"\b(no|not|never|none)\b[^.;,]{0,100}?\b(?:(?:for|in|since)\s+"
                           + _STRETCH + r"|since\s+\d{4}\b)", re.IGNORECASE)
"""A negation over a stretch of time: "no opening game had produced a win for 14 years" (not
one with a rank in it: "did not give Madrid a sixth in 11 seasons")."""
_RANK_WORD = re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                        r"last|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)
_FIRST_IN = re.compile(r"\bfirst\b(?:\s+[\w'’-]+){0,4}?\s+(?:(?:in|for)\s+" + _STRETCH
                       + r"|since\s+\d{4}\b)", re.IGNORECASE)
"""A first after a stretch of time: "the first time in 14 years", "first win since 2010"."""
_DENIED_PRONOUN = re.compile(r"\s+(?:them|it|those|these|him|her)\b", re.IGNORECASE)
_REFUSAL = re.compile(r"(?:declin|refus|fail)\w*\s+to$", re.IGNORECASE)
_DECLINED = re.compile(r"(?:declin|refus)\w*\s+to$", re.IGNORECASE)
"""A refusal by choice, which denies only the deed refused ("failed to send any images" denies
the images too)."""
# the deed and what it is done to, up to the first preposition ("congratulate Noboa", not "on
# the night of the runoff"; "beat the climbing record")
_REFUSED_DEED = re.compile(
    r"\b(?:declin|refus|fail)(?:e|es|ed|ing|s|ure)?\s+to\s+([a-z]+(?:\s+(?!(?:on|in|at|for|from|"
    r"to|with|by|during|after|before|since|until|over|as|when|while|because)\b)[\w'’-]+){0,3})",
    re.IGNORECASE)


def _refused_deeds(text: str) -> frozenset[str]:
    """What a text says someone declined, refused or failed to do, and to what or whom, names
    aside ("congratulat"; "beat", "climb", "record")."""
    return frozenset().union(*(_verb_words(_NAMES.sub(" ", m.group(1)))
                               for m in _REFUSED_DEED.finditer(text)))


def _alike_words(these: set[str] | frozenset[str], those: set[str] | frozenset[str]) -> int:
    """How many of ``these`` stems are among ``those`` or share seven letters with one of them
    ("responsibiliti" and "responsibl")."""
    return sum(any(w == o or len(w) >= 7 and len(o) >= 7 and w[:7] == o[:7] for o in those)
               for w in these)


_AUXILIARY = re.compile(r"\b(?:had|has|have|was|were|is|are|been|will|would|could|should)\b",
                        re.IGNORECASE)
# "... took 47 votes and Achakzai none": the clause's deed, done for one name and not another
_NONE_FOR_ANOTHER = re.compile(r"\b(?:and|while|but)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
                               r"(?:none|nothing|zero|nil)\b")
# ("giving up two hits" concedes them: not a way of losing)
_GIVING_UP = re.compile(r"\b(los(?:e|es|ing)|lost|ceas(?:e|es|ed|ing)|quit(?:s|ting)?|"
                        r"relinquish(?:es|ed|ing)?|abandon(?:s|ed|ing)?)\s"
                        # ("losing was a fair result": a gerund subject gives nothing up)
                        r"(?!(?:was|is|were|are|would|will|had|has|could|might)\b)",
                        re.IGNORECASE)
# each form with the stems of all its verb's forms ("lost": los, lost)
_GIVING_UP_FORMS = {form: frozenset(tokenize(forms)) for forms in (
    "lose loses losing lost", "cease ceases ceased ceasing", "quit quits quitting",
    "relinquish relinquishes relinquished relinquishing", "abandon abandons abandoned abandoning",
) for form in forms.split()}


@functools.lru_cache(maxsize=16384)
def _telling_sentences(text: str, other_text: str) -> str:
    """The sentences of ``text`` that tell what ``other_text`` says, as nearly as the one that
    tells most of it: a negation in a sentence about something else ("the tribe was relieved the
    moon would not become a resting place for human remains" after the sentence telling of the
    protest) denies nothing the other says."""
    spans = _sentence_spans(text)
    if len(spans) < 2:
        return text
    sentences = [text[start:end] for start, end in spans]
    wanted = _verb_words(other_text)
    numbers = set(_DIGITS.findall(other_text))  # ("in 2002 without paying" tells of the 2002)
    shares = [len(_verb_words(sentence) & wanted) for sentence in sentences]
    return " ".join(sentence for sentence, share in zip(sentences, shares, strict=True)
                    if share >= 0.8 * max(shares) or numbers & set(_DIGITS.findall(sentence)))


@functools.lru_cache(maxsize=16384)
def _other_part(text: str, other_text: str) -> str:
    """The sentences of ``text`` apart from :func:`_telling_sentences` that tell three or more
    words of another part of ``other_text`` ("closing the case did not mean launches would
    resume" beside the sentence on the inquiry's 63 actions), or deny two of them ("at no point
    had he considered stepping down" beside the sentence on the statement's date)."""
    told = _telling_sentences(text, other_text)
    if told == text:
        return ""
    wanted = _verb_words(other_text) - _verb_words(told)
    return " ".join(sentence for sentence in (text[start:end]
                                              for start, end in _sentence_spans(text))
                    if sentence not in told
                    and (len(_verb_words(sentence) & wanted) >= 3
                         or any(len(words & wanted) >= 2
                                for _, words in _negated_scopes(sentence))))


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")


def _stated_plainly(text: str, other_text: str) -> bool:
    """Whether a sentence of ``text`` with no negation states nearly all of ``other_text``'s
    words: a passage saying the claim plainly in one sentence denies nothing of it in another
    ("Google became Safari's default in 2002 without paying Apple anything" beside "Google paid
    Apple $20 billion in 2022")."""
    wanted = _verb_words(other_text)
    if not wanted or not _SENTENCE_END.search(text):
        return False
    return any(not _negated_scopes(sentence)
               and len(_verb_words(sentence) & wanted) >= 0.8 * len(wanted)
               for sentence in _SENTENCE_END.split(text))


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)%][.!?])\s+(?=[A-Z\"“‘'])")


def _other_subject(entity: str, evidence_text: str, claim_text: str, claim_words: set[str]) -> bool:
    """Whether a model name of the passage the claim lacks makes the passage about another thing:
    the claim names no model ("YU7 ... took 289,000 orders" against "Xiaomi received 50,000
    orders"), or the name qualifies a word of the claim; "an LVM-3 rocket" beside the claim's own
    Chandrayaan-3 does not, nor does "Chandrayaan-3's Pragyan" for a claim naming Pragyan."""
    if not is_identifier(entity) or _numbered_site(entity):
        return False  # ("from Space Launch Complex-4": where, not what)
    parts = [re.sub(r"['’]s$", "", p) for p in entity.split()]
    if any(has_word(p, claim_text) for p in parts):
        return False
    where = evidence_text.find(entity)
    if where < 0 or not _IDENTIFIER.search(claim_text):
        return True  # a claim naming no model at all is not about this one
    before = tokenize(evidence_text[max(0, where - 20):where])[-1:]
    rest = evidence_text[where + len(entity):where + len(entity) + 25]
    after = tokenize(re.sub(r"^['’]s\b", "", rest))[:1]
    return any(w in claim_words for w in before + after)


_IDENTIFIER = re.compile(r"\b(?=[\w-]*[A-Za-z])(?=[\w-]*\d)[\w-]+\b")
_SITE_NOUNS = frozenset({"complex", "pad", "base", "station", "terminal", "gate", "runway",
                         "platform", "pier", "berth", "dock", "route", "highway", "interstate",
                         "road", "street", "avenue", "lane", "building", "tower", "hall",
                         "court", "hangar", "bay", "camp", "site", "plant", "reactor"})
"""Nouns of numbered places ("Space Launch Complex-4", "Pad 39A", "Terminal 5", "Route 66"):
a number there tells where, not which model."""


def _numbered_site(entity: str) -> bool:
    """Whether a name with a number is a numbered place ("Launch Complex 39A", "Gate 12")."""
    words = [re.sub(r"[-\d]+[A-Za-z]?$", "", w).lower() for w in entity.split()]
    return any(w in _SITE_NOUNS for w in words)


def is_identifier(entity: str) -> bool:
    """Model names such as SU7 or iPhone 14: a passage without them is about something else."""
    return any(ch.isdigit() for ch in entity)


def say(quantity: Quantity) -> str:
    """A figure as a rationale quotes it, with its bound ("over 2,300 people")."""
    prefix = {Bound.AT_LEAST: "over ", Bound.AT_MOST: "up to ", Bound.APPROX: "about "}
    text = quantity.surface.strip()
    if quantity.bound != Bound.EXACT and not text.lower().startswith(("over", "more", "about")):
        text = prefix[quantity.bound] + text
    return text


