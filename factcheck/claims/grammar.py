"""Tokens that keep their article spans, and the rough grammar the claim heuristics need.

A :class:`Token` remembers the article characters it stands for, so a rewritten claim still
points at its source words. Finite verbs, subjects and noun phrases are found from word lists and
word position alone (no tagger).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from factcheck.claims.lexicon import (
    APPROXIMATORS,
    AUXILIARIES,
    CONTRAST_OPENERS,
    DETERMINERS,
    IRREGULAR_PAST,
    MONTHS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUN_SUBJECTS,
    RELATIVES,
    SAME_FORM_PAST,
    SUBORDINATORS,
    VERB_PREFIXES,
    VERB_STEMS,
)
from factcheck.records import Span

# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

_OPEN_QUOTES = frozenset("\u201c\u2018\u00ab")
_CLOSE_QUOTES = frozenset("\u201d\u2019\u00bb")
_QUOTES = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
_LEADING = "\"'\u201c\u2018([{\u00ab"
_TRAILING = "\"'\u201d\u2019)]}\u00bb.,;:!?\u2026"
_END_MARKS = frozenset(".,;:!?\u2026-\u2013\u2014")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Inc|Ltd|Co|Corp|Jr|Sr|St|Dr|Mr|Mrs|Ms|No|etc|approx|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
)
_MONTH_ABBREVIATION = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation mark; ``start/end`` are the article characters it stands for.

    A replacement ("Xiaomi" for "the company") keeps the span of the words it replaced; a token
    added for grammar alone ("is", "in Beijing") has ``start == end == -1``.
    """

    text: str
    start: int
    end: int
    replaced: bool = False
    lower: str = field(init=False, repr=False, compare=False)
    """The text lower-cased, with curly apostrophes made straight (read very often: made once)."""
    is_word: bool = field(init=False, repr=False, compare=False)
    """Whether the token has a letter or digit, i.e. is not punctuation."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower().replace("\u2019", "'"))
        object.__setattr__(self, "is_word", any(ch.isalnum() for ch in self.text))


_ADDED = -1


def word_tokens(text: str, start: int, end: int) -> list[Token]:
    """Words and punctuation of ``text[start:end]`` with their article offsets."""
    tokens: list[Token] = []
    for match in re.finditer(r"\S+", text[start:end]):
        word_start, word_end = start + match.start(), start + match.end()
        lead: list[Token] = []
        while word_end - word_start > 1 and text[word_start] in _LEADING:
            lead.append(Token(text[word_start], word_start, word_start + 1))
            word_start += 1
        trail: list[Token] = []
        while word_end - word_start > 1 and text[word_end - 1] in _TRAILING:
            word = text[word_start:word_end]
            if word.endswith(".") and _ABBREVIATION.fullmatch(word) and not (
                _MONTH_ABBREVIATION.fullmatch(word) and not _date_follows(text, word_end, end)
            ):
                break
            trail.append(Token(text[word_end - 1], word_end - 1, word_end))
            word_end -= 1
        tokens.extend(lead)
        tokens.append(Token(text[word_start:word_end], word_start, word_end))
        tokens.extend(reversed(trail))
    return tokens


def _date_follows(text: str, position: int, end: int) -> bool:
    """Whether a day or year follows ``position``: "Jun. 5" is a month, but the full stop of
    "said Lei Jun." ends the sentence."""
    return re.match(r"\s+\d", text[position:end]) is not None


def joined_lower(tokens: Sequence[Token]) -> tuple[str, list[int]]:
    """Lower-cased tokens joined by single spaces, and where each token ends in that string."""
    parts: list[str] = []
    ends: list[int] = []
    length = 0
    for tok in tokens:
        length += len(tok.lower) + (1 if parts else 0)
        parts.append(tok.lower)
        ends.append(length)
    return " ".join(parts), ends


def match_prefix(tokens: Sequence[Token], pattern: re.Pattern[str]) -> int:
    """How many leading tokens ``pattern`` matches exactly (0 when none)."""
    joined, ends = joined_lower(tokens)
    match = pattern.match(joined)
    if not match:
        return 0
    end = match.end()
    while end > 0 and joined[end - 1] == " ":
        end -= 1
    return ends.index(end) + 1 if end in ends else 0


def render(tokens: Sequence[Token]) -> str:
    """The claim as a sentence: original spacing, capital first letter, final full stop."""
    text = join_tokens(tokens)
    if (text[:1].islower() and not any(ch.isupper() for ch in text.split(" ")[0])
            and len(text[0].upper()) == 1):  # "ß" has no one-letter capital: left as written
        text = text[0].upper() + text[1:]
    if not text.endswith("."):
        text += "."
    return text


def join_tokens(tokens: Sequence[Token]) -> str:
    """Tokens as text, spaced as in the article (single spaces, no line breaks)."""
    out: list[str] = []
    previous: Token | None = None
    inside = False  # within straight double quotes, whose closing one hugs the word before
    for tok in tokens:
        closes = tok.text == '"' and inside
        opened = previous is not None and previous.text == '"' and inside
        if previous is not None and not (_attached(previous, tok) or closes or opened):
            out.append(" ")
        out.append(tok.text)
        if tok.text == '"':
            inside = not inside
        previous = tok
    return " ".join("".join(out).split())


def _attached(previous: Token, tok: Token) -> bool:
    """Whether ``tok`` follows ``previous`` without a space."""
    if not previous.replaced and not tok.replaced and previous.end == tok.start >= 0:
        return True
    if tok.text in (",", ".", ";", ":", "!", "?", "%", ")", "]") or tok.text in _CLOSE_QUOTES:
        return True
    return previous.text in _OPEN_QUOTES or previous.text in ("(", "[")


def token_spans(tokens: Sequence[Token], text: str) -> tuple[Span, ...]:
    """Merged article ranges of the tokens, joined across white space only."""
    ranges = sorted({(t.start, t.end) for t in tokens if 0 <= t.start < t.end <= len(text)})
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    # A lone closing quote cut off by a dropped full stop is not worth a span of its own.
    worded = [pair for pair in merged if any(ch.isalnum() for ch in text[pair[0] : pair[1]])]
    return tuple(Span(start, end) for start, end in (worded or merged))


def added_token(text: str) -> Token:
    """A token added for grammar alone ("is", "that"), pointing at no article characters."""
    return Token(text, _ADDED, _ADDED, True)


def replacement_token(words: Sequence[Token], name: str) -> Token:
    """A token showing ``name`` that keeps the span of the words it replaces."""
    spanned = [tok for tok in words if tok.start >= 0]
    if not spanned:
        return added_token(name)
    return Token(name, spanned[0].start, spanned[-1].end, True)


def is_possessive(word: str) -> bool:
    """Whether a word ends in "'s" (straight or curly apostrophe): "Xiaomi's"."""
    return word.endswith(("'s", "\u2019s")) and len(word) > 2


def strip_possessive(word: str) -> str:
    """The word without its possessive "'s": "Xiaomi's" -> "Xiaomi"."""
    return word[:-2] if is_possessive(word) else word


def trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at either end of a clause, keeping a closing quote that has its opener."""
    start, end = 0, len(tokens)
    while start < end and not tokens[start].is_word and tokens[start].text not in _LEADING:
        start += 1
    closing: Token | None = None
    while end > start and not tokens[end - 1].is_word and (
        tokens[end - 1].text in _END_MARKS or tokens[end - 1].text in _QUOTES
        or tokens[end - 1].text in (")", "]")
    ):
        if tokens[end - 1].text in ('"', "\u201d") and closing is None:
            closing = tokens[end - 1]
        end -= 1
    kept = tokens[start:end]
    if closing is not None and _open_quotes(kept):
        kept.append(closing)
    return kept


def _open_quotes(tokens: Sequence[Token]) -> bool:
    """Whether a double quote is opened and not closed."""
    straight = sum(tok.text == '"' for tok in tokens)
    opened = sum(tok.text == "\u201c" for tok in tokens)
    closed = sum(tok.text == "\u201d" for tok in tokens)
    return straight % 2 == 1 or opened > closed


def balance(tokens: list[Token]) -> list[Token]:
    """Drop quotes and brackets left unpaired by trimming and splitting."""
    out = list(tokens)
    doubles = [t for t in out if t.text in ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")]
    opens = sum(t.text in ("\u201c", "\u00ab") for t in doubles)
    closes = sum(t.text in ("\u201d", "\u00bb") for t in doubles)
    straight = sum(t.text == '"' for t in doubles)
    if opens != closes or straight % 2:
        out = [t for t in out if t not in doubles]
    if sum(t.text == "(" for t in out) != sum(t.text == ")" for t in out):
        out = [t for t in out if t.text not in ("(", ")")]
    return trim(out)


# --------------------------------------------------------------------------------------------
# Verbs and subjects
# --------------------------------------------------------------------------------------------


def is_verb_form(lower: str) -> bool:
    """Whether a lower-cased word is an -s or -ed form of a known verb, or an irregular past."""
    if lower in IRREGULAR_PAST:
        return True
    for prefix in VERB_PREFIXES:
        if lower.startswith(prefix) and lower[len(prefix) :] in IRREGULAR_PAST:
            return True  # "rebuilt", "outsold"
    candidates: list[str] = []
    if lower.endswith("ies"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("es"):
        candidates.append(lower[:-2])
    if lower.endswith("s"):
        candidates.append(lower[:-1])
    if lower.endswith("ied"):
        candidates.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        candidates.extend([lower[:-2], lower[:-1]])
        if len(lower) > 4 and lower[-3] == lower[-4]:
            candidates.append(lower[:-3])  # planned -> plan
    return any(candidate in VERB_STEMS for candidate in candidates)


def is_past(lower: str) -> bool:
    """Whether a finite verb is in the past tense ("cancelled", "won", "had")."""
    return lower in ("was", "were", "had", "did") or lower in IRREGULAR_PAST or (
        lower.endswith("ed") and lower not in ("need", "feed", "speed", "exceed", "proceed")
    )


def is_finite(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is probably a finite verb (no tagger: word lists and position)."""
    tok = tokens[i]
    if not tok.is_word:
        return False
    lower = tok.lower
    previous = tokens[i - 1].lower if i > 0 else ""
    if previous in DETERMINERS or is_possessive(previous):
        return False
    if tok.text[:1].isupper() and i > 0 and not (lower.endswith("ed") and is_verb_form(lower)):
        return False
    if lower in AUXILIARIES or lower in IRREGULAR_PAST:
        return True
    if i == 0 or previous in PREPOSITIONS:
        return False
    if is_verb_form(lower):
        return True
    before = tokens[i - 1]
    plural = previous in ("i", "we", "they", "you") or (
        previous.isalpha() and previous.endswith("s") and not previous.endswith("ss")
    )
    named = (before.is_word and before.text[:1].isupper()) or previous in ("it", "he", "she")
    if lower in SAME_FORM_PAST and (plural or named or _object_after_noun(tokens, i)):
        return True  # "Xiaomi set up", "it cost", "the mission cost Rs 900 crore"
    if lower in VERB_STEMS and plural:
        return True  # "analysts expect"
    # An unknown -ed word after a noun ("the car tested ...") is probably a verb; after a comma
    # it is an adjective ("In 2023, camouflaged prototypes ...").
    if not before.is_word:
        return False
    return (len(lower) > 4 and lower.endswith("ed") and lower not in ("hundred", "indeed")
            or lower in _SHORT_PAST)


# Past forms too short for the "-ed" test ("a firefighter died").
_SHORT_PAST = frozenset({"died", "used", "tied", "owed", "sued", "axed", "eyed", "lied"})


def _object_after_noun(tokens: Sequence[Token], i: int) -> bool:
    """Whether word ``i`` stands between a noun phrase opened by a determiner and an object
    ("the mission | cost | Rs 900 crore", "the 41-year-old | cut | 12 seconds"), as a verb
    does; "the cost of" and "a cut in" have no determiner-led phrase before them."""
    if i + 1 >= len(tokens) or not tokens[i - 1].is_word:
        return False
    if not any(
        tok.lower in DETERMINERS or is_possessive(tok.text) for tok in tokens[max(0, i - 4) : i - 1]
    ):
        return False
    after = tokens[i + 1]
    return (
        after.text[:1].isdigit()
        or after.text[:1] in "$\u20ac\u00a3\u00a5"
        or after.lower in DETERMINERS
        or after.lower in NUMBER_WORDS
        or (after.is_word and after.text[:1].isupper())
    )


def main_verb(tokens: Sequence[Token]) -> int | None:
    """Index of the clause's first finite verb, skipping those of ", which ..." clauses."""
    i = 0
    while i < len(tokens):
        if not is_finite(tokens, i):
            i += 1
            continue
        chunk = max((k + 1 for k in range(i) if tokens[k].text == ","), default=0)
        if chunk == 0 or chunk >= len(tokens) or tokens[chunk].lower not in RELATIVES:
            return i
        # The verb of ", which is backed by ..., " is not the clause's: look past the clause.
        i = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == ","), len(tokens))
    return None


def starts_verb_phrase(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` begin with a finite verb (after adverbs), with no subject of their own."""
    k = 0
    while k < len(tokens) - 1 and is_adverb(tokens[k].lower):
        k += 1
    if not tokens or not is_finite(_with_dummy_subject(tokens), k + 1):
        return False
    lower = tokens[k].lower
    # "costs fell": the -s word is a noun when another verb follows it at once.
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    if lower.endswith("s") and following is not None and following.lower in AUXILIARIES:
        return False
    if lower in AUXILIARIES or lower in IRREGULAR_PAST or is_verb_form(lower):
        return True
    nxt = following.lower if following else ""
    if nxt in DETERMINERS or nxt in NUMBER_WORDS or nxt[:1].isdigit() or nxt in OBJECT_PRONOUNS:
        return True  # "put it on sale", "cost $5"
    return lower.endswith("ed") and nxt in PARTICLES  # "teamed up with"


def _with_dummy_subject(tokens: Sequence[Token]) -> list[Token]:
    """Tokens behind a placeholder subject, so the verb test sees a preceding noun."""
    return [Token("it", _ADDED, _ADDED)] + list(tokens)


def is_adverb(lower: str) -> bool:
    """Whether a lower-cased word is an adverb: "also", "later", "never", "first" ("Scholz first
    set out a timetable"), or a longer "-ly" word."""
    return lower in (
        "also", "then", "later", "soon", "still", "already", "now", "even", "since", "only",
        "just", "never", "once", "first", "again", "twice",
    ) or (lower.endswith("ly") and len(lower) > 4)


def find_subject(tokens: Sequence[Token]) -> tuple[int, int] | None:
    """``(start, end)`` of the clause subject: the words before its first finite verb.

    Introductory phrases ending in a comma ("In Jan 2023, ...") or not ("By Aug. 2022 it ...",
    "Under the rules a new maker must ...") are skipped; for an appositive ("Xiaomi, a Chinese
    firm, has ...") the first noun phrase is the subject.
    """
    verb = main_verb(tokens)
    if verb is None:
        return None
    if tokens[0].lower in _FRONTED_CLAUSE:
        # "After a bogey at the 11th cut the gap to two, Scheffler birdied the 13th": the
        # subject is the main clause's, after the comma closing the fronted one
        after = next((i + 1 for i in range(verb, len(tokens)) if tokens[i].text == ","), 0)
        main = find_subject(tokens[after:]) if after else None
        if main is not None:
            return main[0] + after, main[1] + after
    chunk = max((i + 1 for i in range(verb) if tokens[i].text == ","), default=0)
    if verb > chunk:
        start, end = chunk, verb
        while end - 1 > start and is_adverb(tokens[end - 1].lower):
            end -= 1
        if is_noun_phrase(tokens[start:end]) and not is_adverb(tokens[start].lower):
            return start, end
        # "Soon afterwards the island's power grid collapsed": the adverbs are no subject
        return _subject_after_fronted_phrase(tokens, start, end) or (
            (start, end) if is_noun_phrase(tokens[start:end]) else None)
    bounds = [-1] + [i for i in range(verb) if tokens[i].text == ","]
    for left, right in zip(bounds, bounds[1:], strict=False):
        if is_noun_phrase(tokens[left + 1 : right]):
            return left + 1, right
    return None


_FRONTED_CLAUSE = frozenset({"after", "before", "when", "while", "although", "though", "because",
                             "since", "once", "until", "if", "as", "whereas", "unless"})
"""Words opening a clause put before the main one ("After X happened, Y did ...")."""


def _subject_after_fronted_phrase(
    tokens: Sequence[Token], start: int, end: int
) -> tuple[int, int] | None:
    """The subject after a fronted phrase with no comma: "By late 2024 | the factory could"."""
    if tokens[start].lower not in PREPOSITIONS and not is_adverb(tokens[start].lower):
        return None
    for k in range(start + 1, end):
        tok, previous = tokens[k], tokens[k - 1]
        lower = tok.lower
        if previous.lower in DETERMINERS or previous.lower in PREPOSITIONS:
            continue
        if is_possessive(previous.text):
            continue
        opener = (
            lower in ("it", "he", "she", "they", "we", "i")
            or (lower in DETERMINERS and lower not in ("no", "such"))
            or (
                tok.text[:1].isupper()
                and lower.rstrip(".") not in MONTHS
                and not previous.text[:1].isupper()
            )
            or (previous.text[:1].isdigit() and tok.text.isalpha() and tok.text.islower())
        )
        if opener and k > start + 1 and is_noun_phrase(tokens[k:end]):
            return k, end
    return None


def is_noun_phrase(tokens: Sequence[Token]) -> bool:
    """Whether tokens can be a subject: 1-10 words, not opening with a preposition or 'that'."""
    words = [tok for tok in tokens if tok.is_word]
    if not words or len(words) > 10 or not tokens[0].is_word:
        return False
    first = tokens[0].lower
    if first in APPROXIMATORS and any(tok.text[:1].isdigit() for tok in tokens[1:3]):
        return True  # "about 4,000 workers"
    if first in PREPOSITIONS or first in SUBORDINATORS or first in CONTRAST_OPENERS:
        return first in ("that", "this")  # demonstratives
    return not any(tok.text in (";", ":") for tok in tokens)


def is_proper_name(tokens: Sequence[Token]) -> bool:
    """Whether a subject is a bare proper name ("China", "Lei Jun")."""
    words = [tok for tok in tokens if tok.is_word]
    return bool(words) and all(tok.text[:1].isupper() for tok in words) and (
        words[0].lower not in PRONOUN_SUBJECTS and words[0].lower not in DETERMINERS
    )


def has_finite_verb(tokens: Sequence[Token]) -> bool:
    """Loose test that a clause is a sentence, not a fragment."""
    for i, tok in enumerate(tokens):
        if is_finite(tokens, i):
            return True
        lower = tok.lower
        if i > 0 and tok.is_word and tok.text.islower() and len(lower) > 3:
            if lower.endswith("s") and not lower.endswith(("ss", "us", "is", "ous")):
                if tokens[i - 1].lower not in DETERMINERS | PREPOSITIONS:
                    return True
    return False
