"""Sentence segmentation with exact character offsets, the first step of claim extraction.

Rules, in order:

* a blank line ends a paragraph; a line break ends a sentence unless the next line plainly
  continues it (starts in lower case, or the line ends with a comma or a joining word, or is a
  long line of prose cut mid-sentence, as in hard-wrapped text);
* a list marker (``-``, ``*``, ``•``, ``1.``, ``a)``) starts a new item and is not part of it;
* inside a line, ``.``/``!``/``?``/``...`` (plus closing quotes or brackets) followed by
  white space ends a sentence when the next word can start one: never after a title
  (``Dr.``, ``Mr.``) or ``e.g.``; after other abbreviations (``Inc.``, ``Jan.``, ``U.S.``) and
  initials (``J. K. Rowling``) only when the next word is a typical sentence opener (``The``).

Decimals and money (``$1.5 billion``, ``8.2°``) never split: no white space follows their dot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]``, stripped, with its paragraph and line role."""

    index: int
    text: str
    start: int
    end: int
    paragraph: int
    is_heading: bool
    is_list_item: bool


# The same line breaks str.splitlines() knows, so offsets agree with what editors show.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_LIST_MARKER = re.compile(
    r"(?:[-*+\u2022\u2023\u25aa\u25e6\u2013\u2014]|\d{1,3}[.)]|\(?[a-z][.)])\s+"
)
_TERMINATOR = re.compile(r"(?:\.{2,}|\u2026|[.!?]+)[\"'\u201d\u2019)\]]*(?=\s|$)")
_END_PUNCT = re.compile(r"(?:[.!?\u2026])[\"'\u201d\u2019)\]]*$")
_WRAPPED_LINE = 60
_JOINING_WORDS = frozenset(
    "and or but nor the a an of to in on for with by at from as that which who".split()
)
_OPENING_CHARS = "\"'\u201c\u2018([{$\u00a3\u20ac\u00a5~#"

# Abbreviations after which a full stop never ends a sentence (a name or example follows).
_TITLES = frozenset(
    "mr mrs ms messrs dr prof sr jr st mt gen col lt sgt capt cmdr adm rev hon gov sen rep "
    "pres fr e.g i.e eg ie cf vs viz".split()
)
# Abbreviations that end a sentence only when a typical sentence opener follows.
_ABBREVIATIONS = frozenset(
    "inc ltd co corp llc plc bros no nos vol fig figs pp approx est dept univ assn ave blvd rd "
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun "
    "etc al ca min max mln bn tn a.m p.m u.s u.k e.u u.n u.s.a ph.d".split()
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_SENTENCE_OPENERS = frozenset(
    "the a an it its this that these those he she they we i you there here his her their our "
    "my your some many most all one two three in on at but and however meanwhile moreover also "
    "after before as if when while since still yet so then now today yesterday according for "
    "by with other another each every no not what who why how where".split()
)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose offsets slice back to their exact (stripped) text."""
    sentences: list[Sentence] = []
    for block_start, block_end, paragraph, single_line, list_item in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            start, end = _strip(text, start, end)
            if start >= end:
                continue
            whole_line = single_line and start == block_start and end == block_end
            heading = whole_line and not list_item and not _END_PUNCT.search(text[start:end])
            sentences.append(
                Sentence(len(sentences), text[start:end], start, end, paragraph, heading, list_item)
            )
    return sentences


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` past surrounding white space, exactly as ``str.strip`` would."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, line breaks excluded."""
    lines, start = [], 0
    for match in _LINE_BREAK.finditer(text):
        lines.append((start, match.start()))
        start = match.end()
    lines.append((start, len(text)))
    return lines


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` (hard-wrapped prose)."""
    if _END_PUNCT.search(previous) or _LIST_MARKER.match(line):
        return False
    if _looks_like_title(previous):
        return False
    if line[0].islower():
        return True
    last_word = previous.rsplit(None, 1)[-1].lower()
    if previous.endswith((",", ";", "-", "\u2013")) or last_word in _JOINING_WORDS:
        return True
    # A long line stopping mid-sentence is hard-wrapped prose; a short one is a heading.
    return len(previous) >= _WRAPPED_LINE and previous[-1].isalnum()


def _looks_like_title(line: str) -> bool:
    """Whether most longer words of ``line`` are capitalised, as in a headline."""
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 2 and sum(word[0].isupper() for word in words) >= 0.6 * len(words)


def _blocks(text: str) -> list[tuple[int, int, int, bool, bool]]:
    """Runs of lines read as one unit: ``(start, end, paragraph, single_line, is_list_item)``."""
    blocks: list[list] = []
    paragraph, blank_before, previous = -1, True, ""
    for line_start, line_end in _lines(text):
        start, end = _strip(text, line_start, line_end)
        if start >= end:
            blank_before = True
            continue
        line = text[start:end]
        if blank_before:
            paragraph += 1
        if blocks and not blank_before and _continues(previous, line):
            blocks[-1][1] = end
            blocks[-1][3] = False
        else:
            list_item = False
            marker = _LIST_MARKER.match(line)
            if marker and marker.end() < len(line):
                start, list_item = start + marker.end(), True
            blocks.append([start, end, paragraph, True, list_item])
        blank_before, previous = False, line
    return [tuple(block) for block in blocks]


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges inside one block of text."""
    chunk = text[start:end]
    pieces, cursor = [], 0
    for match in _TERMINATOR.finditer(chunk):
        if _ends_sentence(chunk, match):
            pieces.append((start + cursor, start + match.end()))
            cursor = match.end()
    if cursor < len(chunk):
        pieces.append((start + cursor, end))
    return pieces


def _ends_sentence(chunk: str, match: re.Match[str]) -> bool:
    """Whether the terminator ``match`` inside ``chunk`` closes a sentence."""
    # Bounded windows keep splitting linear in the paragraph length.
    rest = chunk[match.end(): match.end() + 64].lstrip()
    if not rest:
        return True
    first = rest[0]
    if first.islower():
        return False  # "e.g. five", "approx. ten", '"Why?" he asked'
    mark = match.group().rstrip("\"'\u201d\u2019)]")
    if mark != ".":
        return first.isupper() or first.isdigit() or first in _OPENING_CHARS
    token_match = re.search(r"[\w.&'\u2019-]*$", chunk[max(0, match.start() - 64): match.start()])
    token = token_match.group() if token_match else ""
    lower = token.lower()
    if lower in _TITLES:
        return False
    next_word = re.split(r"[^\w']", rest, maxsplit=1)[0].lower()
    is_abbreviation = (
        lower in _ABBREVIATIONS
        or _DOTTED.fullmatch(token) is not None
        or (len(token) == 1 and token.isupper())
    )
    if is_abbreviation:
        return next_word in _SENTENCE_OPENERS
    return True
