"""What is worth checking: sentences that hold no claim (headings, bylines, "Read more:" link
lists, questions), clauses that are opinion or the writer's own experience, and the 0-1
check-worthiness score of a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from factcheck.claims.grammar import (
    Token,
    find_subject,
    is_possessive,
    render,
    strip_possessive,
)
from factcheck.claims.lexicon import (
    COMMON_ACRONYMS,
    DATE,
    FUNCTION_WORDS,
    MONTHS,
    NEUTRAL_EST_WORDS,
    PREPOSITIONS,
    PRONOUN_SUBJECTS,
    WEEKDAYS,
)
from factcheck.claims.segment import Sentence

# --------------------------------------------------------------------------------------------
# Check-worthiness cues
# --------------------------------------------------------------------------------------------

# Evaluation: hype, taste and vague degree. Each lowers the score; without a figure or a
# second name, a clause holding one is an opinion and is dropped.
_OPINION = re.compile(
    r"\b(?:exciting|excited|amazing|incredible|impressive|remarkable|awesome|fantastic|"
    r"wonderful|crucial|tremendous|revolutionary|game[- ]changer|stunning|exceptional|"
    r"outstanding|brilliant|unbelievable|breathtaking|tirelessly|beautiful|terrible|awful|"
    r"disappointing|thrilled|delighted|proud|gorgeous|spectacular|superb|excellent|terrific|"
    r"phenomenal|astonishing|staggering|jaw-dropping|iconic|legendary|sleek|elegant|boring|"
    r"instant|ambitious|smooth|fun|cool|"
    r"(?:surpassed|exceeded|beyond|above|below) (?:all )?expectations|"
    r"i think|i believe|we believe|in my opinion|in our view|arguably|undoubtedly|obviously|"
    r"hopefully|must-have|quickly|fast(?!-)|best(?!-selling|-known)|worst(?!-hit|-affected)|"
    r"of all(?= the\b|[.,]|$)|"
    r"(?:this|that|so) (?:much|many|few|little|ambitious|big|fast|good|bad)|"
    r"most (?:beautiful|impressive|exciting|ambitious|interesting|important|powerful|"
    r"innovative|influential|successful|fun))\b"
    r"|\b(?!(?:" + "|".join(sorted(NEUTRAL_EST_WORDS)) + r")\b)[a-z]{3,}est\b",
    re.IGNORECASE,
)
# Opinion beyond doubt: intensifiers, idioms and taste. A clause with one and no hard figure
# (digits, money, a percentage or a date) is dropped even if it names two things.
_STRONG_OPINION = re.compile(
    r"\b(?:clearly|easily|simply|certainly|surely|definitely|absolutely|honestly|frankly|"
    r"undoubtedly|arguably|obviously|best-looking|good-looking|"
    r"(?:took|take|takes|taking|taken) a different (?:road|path|route|tack|approach)|"
    r"rac(?:e|es|ed|ing) (?:against )?the clock|"
    r"play(?:s|ed|ing)? (?:its|their|his|her|our) cards|"
    r"(?:is|are|was|were|isn't|wasn't) not the (?:problem|issue)|"
    r"think(?:s|ing)? (?:small|big)|"
    r"(?:left|leave|leaves|leaving) the door open|"
    r"(?:felt|feel|feels|feeling) the (?:squeeze|pinch|heat)|"
    r"(?:time|years?|months?|weeks?) will tell|a different story|"
    r"(?:hit|hits|hitting) the road|(?:raise|raised|raises) the bar|"
    r"(?:a|the) (?:whole )?new ball ?game|(?:is|are|was|were) here to stay)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"\b(?:likely|probably|possibly|perhaps|might|reportedly|allegedly|rumou?red|seems?|"
    r"appears? to|is expected|are expected|could)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Ww]e|[Oo]ur|[Mm]y|[Uu]s|me)\b")
_FIRST_PERSON_START = re.compile(r"^(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'll|my|our)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|you're|you've|you'll)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|trillion|dozen)s?\b(?! of\b)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"[$\u20ac\u00a3\u00a5]\s?\d|\b(?:dollars?|usd|yuan|rmb|euros?|pounds|rupees|yen|"
    r"crowns?|kronor)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
_COMPARISON = re.compile(
    r"\b(?:more|fewer|less|greater|higher|lower|larger|smaller|bigger|cheaper|faster) than\b|"
    r"\b(?:over|under|nearly|almost|about|around|up to|at least) (?=[$\u20ac\u00a3~]?\d)|"
    r"\b(?:largest|biggest|first|most|least|highest|lowest|fastest|leading|record|only|"
    r"second-largest|top|cheapest|oldest|earliest|second|third|fourth|fifth|sixth|tenth)\b",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------------------------
# Non-claim detection
# --------------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:avatar\s+)?(?:written|posted|published|reported|edited|reviewed|compiled)\s+by\b"
    r"|\b\d+\s*min(?:ute)?s?\s+read\b"
    r"|^(?:photo|image|picture|credit|credits|source|via|video)\s*:"
    r"|^(?:share|tweet|follow us|subscribe|sign up|advertisement|click here|comments?)\b",
    re.IGNORECASE,
)
_BY_NAME = re.compile(r"^By\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}\b")
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|published|posted)\b", re.IGNORECASE)
_RELATED = re.compile(
    r"^(?:read more|read also|also read|read next|related(?: articles| stories| posts| news|"
    r" reading| content)?|see also|recommended(?: for you)?|more from [\w ]+|"
    r"you (?:may|might) also like|further reading|more stories|trending(?: now)?)"
    r"\s*(?::|$|[-\u2013\u2014]\s)",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------------
# The check-worthiness score
# --------------------------------------------------------------------------------------------


def checkworthiness(text: str, names: Iterable[str] = (), *, concrete: bool = False) -> float:
    """Score 0-1 for how checkable a claim is; ``names`` are known entities, counted anywhere.

    Numbers, money, percentages, dates, named entities, comparisons and a ``concrete``
    statement (:func:`is_concrete`) raise the score; opinion words, idioms, hedges and the
    first or second person lower it.
    """
    known = _name_words(names)
    score = 0.15
    if concrete:
        score += _CONCRETE
    if _has_number(text):
        score += 0.25
    if _MONEY.search(text):
        score += 0.1
    if _PERCENT.search(text):
        score += 0.1
    if DATE.search(text):
        score += 0.2
    if _COMPARISON.search(text):
        score += 0.1
    score += 0.15 * min(_count_names(text, known), 2.0)
    cues = len(_OPINION.findall(text)) + len(_STRONG_OPINION.findall(text))
    score -= 0.2 * min(cues, 2)
    score -= 0.05 * min(len(_HEDGE.findall(text)), 2)
    if _FIRST_PERSON.search(text):
        score -= 0.1
    if _SECOND_PERSON.search(text):
        score -= 0.1
    return round(min(1.0, max(0.0, score)), 2)


_CONCRETE = 0.15  # "Snow fell throughout the opening day." clears the 0.25 bar on its own
_MODALS = frozenset("will would could can may might should must shall".split())
_VAGUE_SUBJECTS = frozenset(
    "some many most few several all everyone everybody nobody someone somebody something "
    "nothing everything people things others".split()
)


# A predicate that characterises rather than states: a closing manner adverb ("did not come
# lightly") or a metaphor of importance ("the centrepiece of the plan").
_FIGURATIVE = re.compile(
    r"\b\w{3,}ly[.!]?$|\b(?:centrepiece|centerpiece|cornerstone|backbone|heart|linchpin|"
    r"key|focus|priority|hallmark)\b",
    re.IGNORECASE,
)


def is_concrete(tokens: Sequence[Token]) -> bool:
    """Whether a clause states a fact about a definite thing: a noun-phrase subject (not a
    pronoun, not "some people") and a finite verb that is not a modal ("Regulators have ruled
    out a second licence", "The station is not step-free"; not "It could change")."""
    subject = find_subject(tokens)
    if subject is None:
        return False
    words = [tok for tok in tokens[subject[0] : subject[1]] if tok.is_word]
    if not words:
        return False
    first, head = words[0].lower, words[-1].lower
    if first in PRONOUN_SUBJECTS or head in PRONOUN_SUBJECTS or first in _VAGUE_SUBJECTS:
        return False
    if first in ("a", "an") and len(words) == 2:
        return False  # "A source said": nobody in particular
    verb = tokens[subject[1]] if subject[1] < len(tokens) else None
    if verb is None or verb.lower in _MODALS:
        return False
    own = render([tok for tok in tokens if not tok.replaced] or tokens)
    if _FIGURATIVE.search(own):
        return False
    return not (_HEDGE.search(own) or _OPINION.search(own) or _STRONG_OPINION.search(own))


def is_checkable(text: str, names: Iterable[str] = ()) -> bool:
    """Whether a sentence states a figure, a date or a name: something a reader could check,
    so that dropping it must be reported (:class:`factcheck.records.Skipped`)."""
    return _has_number(text) or bool(DATE.search(text)) or _count_names(
        text, _name_words(names)
    ) >= 1


def is_question(text: str) -> bool:
    """Whether a sentence asks rather than states ("Will the plant open in 2025?")."""
    return " ".join(text.split()).rstrip("\"'\u201d\u2019)]").endswith("?")


def _name_words(names: Iterable[str]) -> set[str]:
    """Every lower-cased word of the given names ("Lei Jun" -> lei, jun)."""
    return {word.lower() for name in names for word in name.split()}


def _count_names(text: str, known: set[str]) -> float:
    """Distinct runs of capitalised words (acronyms count half); the first word only if known.

    "Lei Jun" is one name; months, weekdays and common acronyms ("EV") are none.
    """
    words = re.findall(r"[\w&'\u2019-]+", text)
    count, previous_capital, runs = 0.0, False, set()
    for position, word in enumerate(words):
        bare = strip_possessive(word)
        lower = bare.lower()
        capital = bare[:1].isupper() and bare != "I"
        if capital and (lower in MONTHS or lower in WEEKDAYS or lower in COMMON_ACRONYMS):
            capital = False
        if capital and position == 0 and lower not in known:
            capital = False
        if capital and not previous_capital and lower not in runs:
            runs.add(lower)
            count += 0.5 if bare.isupper() else 1.0
        previous_capital = capital and not is_possessive(word)
    return count


def _has_number(text: str, *, words: bool = True) -> bool:
    """Whether ``text`` states a figure: digits not part of a name ("SU7", "Volt 2"), or, with
    ``words``, number words ("two phases"; "one of the" is not a figure)."""
    for match in _NUMBER.finditer(text):
        if not match.group()[0].isdigit():
            if words:
                return True
            continue
        if match.group()[0].isdigit():
            start = match.start()
            before = text[max(0, start - 1) : start]
            if before.isalpha():
                continue  # "SU7", "Q4"
            previous = re.search(r"([\w'\u2019-]+)\s*$", text[:start])
            word = previous.group(1) if previous else ""
            if (
                word[:1].isupper()
                and word.lower() not in FUNCTION_WORDS
                and word.lower() not in MONTHS
                and word.lower() not in PREPOSITIONS
                and re.match(r"\d{1,3}(?![\d,]|\.\d)", text[start:])
            ):
                continue  # a model number: "Volt 2", "iPhone 14", "the Volt 2." (not "2.5")
        return True
    return False


# --------------------------------------------------------------------------------------------
# Sentences that can hold claims (not headings, bylines, link lists or questions)
# --------------------------------------------------------------------------------------------


def content_sentences(sentences: Sequence[Sentence], title: str) -> list[int]:
    """Indices of sentences that may hold claims (not headings, bylines or link lists)."""
    keep: list[int] = []
    in_related = False
    title_key = " ".join(title.split()).lower()
    for sentence in sentences:
        text = " ".join(sentence.text.split())
        if _RELATED.match(text):
            in_related = True
            continue
        if in_related:
            if sentence.is_heading or sentence.is_list_item or _title_case(text):
                continue  # a link title under "Read more:"
            in_related = False
        if sentence.is_heading or text.lower() == title_key or _is_byline(text):
            continue
        if is_question(text):
            continue
        keep.append(sentence.index)
    return keep


def _is_byline(text: str) -> bool:
    """Whether a line names the author, date or reading time rather than saying anything."""
    if _BYLINE.search(text):
        return True
    words = text.split()
    if _BY_NAME.match(text) and len(words) <= 6:
        return True
    return bool(_UPDATED.match(text)) and len(words) <= 12 and bool(re.search(r"[\d:]", text))


def _title_case(text: str) -> bool:
    """Whether most longer words are capitalised, as in a headline or link title."""
    words = [word for word in text.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


# --------------------------------------------------------------------------------------------
# Clauses not worth checking: opinions and personal asides
# --------------------------------------------------------------------------------------------


def is_personal(tokens: Sequence[Token]) -> bool:
    """Whether a clause is the writer's own experience: "I've been riding e-bikes for years"."""
    return bool(tokens) and not tokens[0].replaced and bool(
        _FIRST_PERSON_START.match(tokens[0].lower)
    )


def _has_hard_figure(text: str) -> bool:
    """Digits outside names, money, a percentage or a date: figures an idiom cannot hide."""
    if _MONEY.search(text) or _PERCENT.search(text) or DATE.search(text):
        return True
    return _has_number(text, words=False)


def is_opinion(tokens: Sequence[Token], judgement: bool, names: frozenset[str]) -> bool:
    """Whether a clause is judgement or hype with nothing checkable in it.

    Intensifiers and idioms ("easily the best-looking", "played its cards best") make an
    opinion unless a hard figure (digits, money, percentage, date) is stated; milder
    evaluation ("quietest", "instant") unless there is any figure or a second name.
    """
    text = render(tokens)
    # Figures count only from the clause's own words, not from a resolved "it".
    own = render([tok for tok in tokens if not tok.replaced] or tokens)
    strong = judgement or bool(_STRONG_OPINION.search(own))
    if not strong and not _OPINION.search(own):
        return False
    if _has_hard_figure(own):
        return False
    if strong:
        return True
    if _has_number(own):
        return False
    return _count_names(text, _name_words(names)) < 2
