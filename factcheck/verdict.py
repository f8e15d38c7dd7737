"""Where a verdict is decided: the judge protocol and the default offline rules judge.

The rules judge needs no model beyond the retrieval embeddings. For each claim it keeps the
retrieved passages that are relevant enough, then compares claim and passage on numbers (with
units, currencies and scale words), dates (years, quarters, halves, months), content words, named
entities and negation. A passage that states the same figures is support; one that states a
different figure for the same thing is a contradiction; when nothing relevant says either, the
claim is ``unverified``: the judge never guesses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from factcheck.quantities import Bound, Kind, Quantity, agree, comparable, extract_quantities
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.retrieval import STOPWORDS, stem, tokenize
from factcheck.settings import Settings


class Judge(Protocol):
    """Decides a claim's label from its retrieved evidence."""

    name: str

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """The verdict on ``claim`` given ``hits`` (best first; may be empty)."""
        ...


_NEGATION = re.compile(
    r"\b(not|no|never|none|neither|nor|without|cannot|can't|won't|isn't|aren't|wasn't|weren't|"
    r"doesn't|don't|didn't|hasn't|haven't|hadn't|failed to|yet to)\b",
    re.IGNORECASE,
)
# A planned figure ("will invest $10 billion") and an achieved one ("has invested $1.5 billion")
# measure different things: they never contradict each other.
_PLAN = re.compile(
    r"\b(will|would|plans?|planned|planning|aims?|aimed|intends?|intended|expects?|expected|"
    r"targets?|targeted|goal|pledged?|commit(?:s|ted)?|to invest|to spend|to build|to produce|"
    r"to reach)\b",
    re.IGNORECASE,
)
_ANTONYMS = [
    ("increase", "decrease"), ("rise", "fall"), ("rose", "fell"), ("grow", "shrink"),
    ("gain", "loss"), ("profit", "loss"), ("more", "less"), ("higher", "lower"),
    ("largest", "smallest"), ("first", "last"), ("before", "after"), ("earlier", "later"),
    ("approve", "reject"), ("allow", "ban"), ("open", "close"), ("buy", "sell"),
    ("acquire", "sell"), ("launch", "cancel"), ("success", "failure"), ("win", "lose"),
    ("domestic", "foreign"), ("private", "public"), ("cheaper", "pricier"),
    ("ahead", "behind"), ("accelerate", "delay"), ("start", "stop"), ("begin", "end"),
]
_ANTONYM_OF = {}
for _a, _b in _ANTONYMS:
    _ANTONYM_OF.setdefault(stem(_a), set()).add(stem(_b))
    _ANTONYM_OF.setdefault(stem(_b), set()).add(stem(_a))
_ENTITY = re.compile(r"\b(?:[A-Z][a-zA-Z0-9&'’.-]*[a-zA-Z0-9]|[A-Z])(?:\s+[A-Z][a-zA-Z0-9&'’-]+)*")
_GENERIC_CAPS = {
    "The", "A", "An", "In", "On", "At", "By", "For", "It", "Its", "This", "That", "These", "As",
    "According", "However", "Moreover", "Also", "And", "But", "He", "She", "They", "We", "Q1",
    "Q2", "Q3", "Q4", "H1", "H2", "EV", "EVs", "CEO", "R&D", "US", "U.S", "Chinese", "China's",
} | {m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july",
                              "august", "september", "october", "november", "december", "jan",
                              "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                              "nov", "dec")}


@dataclass(frozen=True, slots=True)
class Comparison:
    """How one passage relates to a claim: relevance, word coverage, agreeing and clashing facts."""

    hit: Hit
    coverage: float
    matched: tuple[tuple[Quantity, Quantity], ...]
    conflicts: tuple[tuple[Quantity, Quantity], ...]
    unmatched: tuple[Quantity, ...]
    missing_entities: tuple[str, ...]
    polarity_clash: str

    @property
    def strength(self) -> float:
        """Relevance of the passage to the claim: similarity and word coverage combined."""
        return 0.5 * max(self.hit.dense, 0.0) + 0.5 * self.coverage


class RulesJudge:
    """The default judge: similarity for relevance, then numbers, dates, entities and negation."""

    name = "rules"

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` from ``hits``; ``unverified`` whenever no hit is relevant enough."""
        s = self.settings
        relevant = [h for h in hits if h.dense >= s.min_dense or h.score >= s.min_relevance]
        if not relevant:
            return self._unverified(claim, hits, _no_evidence_reason(hits, s))
        comparisons = [compare(claim.text, hit) for hit in relevant]
        contradicting = [
            c for c in comparisons
            if (c.conflicts and c.coverage >= 0.4 and c.hit.dense >= s.min_dense)
            or (c.polarity_clash and c.coverage >= 0.6 and not c.unmatched)
        ]
        supporting = [
            c for c in comparisons
            if not c.conflicts and not c.polarity_clash and not c.unmatched
            and len(c.missing_entities) == 0 and c.coverage >= 0.5
            and c.hit.dense >= s.support_threshold
        ]
        best_support = max(supporting, key=lambda c: c.strength, default=None)
        best_conflict = max(contradicting, key=lambda c: c.strength, default=None)
        if best_support is not None and (
            best_conflict is None or _support_wins(best_support, best_conflict)
        ):
            return self._verdict(claim, Label.SUPPORTED, best_support, supporting,
                                 _support_reason(best_support))
        if best_conflict is not None:
            return self._verdict(claim, Label.CONTRADICTED, best_conflict, contradicting,
                                 _conflict_reason(best_conflict))
        closest = max(comparisons, key=lambda c: c.strength)
        return self._unverified(claim, [c.hit for c in comparisons[:2]],
                                _partial_reason(closest, s))

    def _verdict(self, claim: Claim, label: Label, best: Comparison, alike: list[Comparison],
                 rationale: str) -> Verdict:
        ordered = [best] + [c for c in alike if c is not best]
        confidence = min(0.99, 0.35 + 0.6 * best.strength + 0.05 * (len(alike) - 1))
        if best.matched or best.conflicts:
            confidence = min(0.99, confidence + 0.1)
        return Verdict(claim, label, round(confidence, 4), tuple(c.hit for c in ordered[:3]),
                       rationale, self.name)

    def _unverified(self, claim: Claim, hits: Sequence[Hit], rationale: str) -> Verdict:
        best = max((h.dense for h in hits), default=0.0)
        confidence = min(0.95, max(0.3, 1.0 - max(best, 0.0) * 0.6))
        return Verdict(claim, Label.UNVERIFIED, round(confidence, 4), tuple(hits[:2]),
                       rationale, self.name)


def compare(claim_text: str, hit: Hit) -> Comparison:
    """Compare a claim with one retrieved passage."""
    evidence_text = hit.passage.text
    claim_tokens = _content(claim_text)
    evidence_tokens = set(tokenize(evidence_text)) | set(tokenize(hit.passage.title or ""))
    coverage = len(claim_tokens & evidence_tokens) / len(claim_tokens) if claim_tokens else 0.0
    matched, conflicts, unmatched = [], [], []
    evidence_quantities = extract_quantities(evidence_text)
    for quantity in extract_quantities(claim_text):
        candidates = _candidates(claim_text, quantity, evidence_text, evidence_quantities)
        if not candidates:
            unmatched.append(quantity)
            continue
        best = max(candidates, key=lambda e: (
            _context_overlap(claim_text, quantity, evidence_text, e), agree(quantity, e)))
        if agree(quantity, best):
            matched.append((quantity, best))
        elif any(agree(quantity, e) for e in candidates) and quantity.kind == Kind.DATE:
            matched.append((quantity, next(e for e in candidates if agree(quantity, e))))
        elif quantity.kind != Kind.DATE and (
            _is_plan(claim_text, quantity) != _is_plan(evidence_text, best)
        ):
            unmatched.append(quantity)
        else:
            conflicts.append((quantity, best))
    missing = tuple(e for e in _entities(claim_text)
                    if not _entity_in(e, evidence_text + " " + (hit.passage.title or "")))
    return Comparison(hit, coverage, tuple(matched), tuple(conflicts), tuple(unmatched),
                      missing, _polarity_clash(claim_text, evidence_text))


def _candidates(claim_text: str, quantity: Quantity, evidence_text: str,
                evidence_quantities: list[Quantity]) -> list[Quantity]:
    """Evidence quantities that could state the same figure as the claim's ``quantity``."""
    candidates = [e for e in evidence_quantities if comparable(quantity, e)]
    if quantity.kind != Kind.COUNT:
        return candidates
    same_unit = [e for e in candidates if e.unit and e.unit == quantity.unit]
    if same_unit:
        return same_unit
    # A bare number ("two phases") is compared only where its surroundings match the claim's.
    return [e for e in candidates
            if e.value == quantity.value
            or _context_overlap(claim_text, quantity, evidence_text, e) > 0
            and not e.surface[:1].isalpha()]


def _is_plan(text: str, quantity: Quantity) -> bool:
    sentence_start = text.rfind(". ", 0, quantity.start) + 1
    return bool(_PLAN.search(text[max(sentence_start, quantity.start - 60): quantity.start]))


def _content(text: str) -> set[str]:
    return {t for t in tokenize(text) if not t[0].isdigit() and t not in STOPWORDS}


def _context_overlap(claim_text: str, claim_q: Quantity, evidence_text: str,
                     evidence_q: Quantity) -> int:
    claim_context = _window(claim_text, claim_q)
    evidence_context = _window(evidence_text, evidence_q)
    return len(claim_context & evidence_context)


def _window(text: str, quantity: Quantity, chars: int = 45) -> set[str]:
    sentence_start = max(text.rfind(". ", 0, quantity.start) + 1, quantity.start - chars)
    sentence_end = text.find(". ", quantity.end)
    sentence_end = quantity.end + chars if sentence_end < 0 else min(sentence_end,
                                                                     quantity.end + chars)
    around = text[max(0, sentence_start): quantity.start] + " " + text[quantity.end: sentence_end]
    return {t for t in tokenize(around) if not t[0].isdigit()}


def _entities(text: str) -> list[str]:
    names = []
    for match in _ENTITY.finditer(text):
        words = [w for w in match.group(0).split() if w not in _GENERIC_CAPS]
        if match.start() == 0 and words and words[0] == match.group(0).split()[0]:
            # A sentence-initial capital is only a name if it is not a common word.
            if words[0].lower() in STOPWORDS or words[0].lower() in {"the", "a"}:
                words = words[1:]
        name = " ".join(words).strip(".'’")
        if name and not re.fullmatch(r"[A-Z]\.?|\d+", name):
            names.append(name)
    return names


def _entity_in(entity: str, text: str) -> bool:
    lowered = text.lower()
    parts = [p for p in re.split(r"[\s'’]+", entity.lower()) if p and p != "s"]
    return all(part.rstrip(".") in lowered for part in parts)


def _polarity_clash(claim_text: str, evidence_text: str) -> str:
    claim_negated = bool(_NEGATION.search(claim_text))
    evidence_negated = bool(_NEGATION.search(evidence_text))
    if claim_negated != evidence_negated:
        word = (_NEGATION.search(claim_text) or _NEGATION.search(evidence_text))
        where = "claim" if claim_negated else "evidence"
        return f"the {where} is negated ('{word.group(0) if word else 'not'}')"
    claim_words = set(tokenize(claim_text))
    evidence_words = set(tokenize(evidence_text))
    for word in claim_words - evidence_words:
        opposite = _ANTONYM_OF.get(word, set()) & (evidence_words - claim_words)
        if opposite:
            return f"claim says '{word}', evidence says '{sorted(opposite)[0]}'"
    return ""


def _support_wins(support: Comparison, conflict: Comparison) -> bool:
    """A passage stating the claim's figures outweighs one that differs only in context."""
    if support.matched and not conflict.matched:
        return True
    return support.strength >= conflict.strength + 0.05


def _cite(hit: Hit) -> str:
    passage = hit.passage
    return f"{passage.source}, {passage.published}" if passage.published else passage.source


def _say(quantity: Quantity) -> str:
    prefix = {Bound.AT_LEAST: "over ", Bound.AT_MOST: "up to ", Bound.APPROX: "about "}
    text = quantity.surface.strip()
    if quantity.bound != Bound.EXACT and not text.lower().startswith(("over", "more", "about")):
        text = prefix[quantity.bound] + text
    return text


def _support_reason(best: Comparison) -> str:
    if best.matched:
        figures = "; ".join(f"{_say(c)}" for c, _ in best.matched)
        stated = "; ".join(f"{_say(e)}" for _, e in best.matched)
        return f"claim: {figures}; evidence ({_cite(best.hit)}): {stated}"
    return (f"evidence ({_cite(best.hit)}) states the same "
            f"(similarity {best.hit.dense:.2f}, {best.coverage:.0%} of the claim's words)")


def _conflict_reason(best: Comparison) -> str:
    if best.conflicts:
        claim_says = "; ".join(_say(c) for c, _ in best.conflicts)
        evidence_says = "; ".join(_say(e) for _, e in best.conflicts)
        return f"claim: {claim_says}; evidence ({_cite(best.hit)}): {evidence_says}"
    return f"{best.polarity_clash} ({_cite(best.hit)})"


def _no_evidence_reason(hits: Sequence[Hit], settings: Settings) -> str:
    if not hits:
        return "the evidence corpus has no passages to compare with"
    best = hits[0]
    return (f"nothing in the corpus is relevant enough: closest passage ({_cite(best)}) has "
            f"similarity {best.dense:.2f} < {settings.min_dense:.2f}")


def _partial_reason(closest: Comparison, settings: Settings) -> str:
    gaps = []
    if closest.unmatched:
        gaps.append("does not state " + ", ".join(_say(q) for q in closest.unmatched))
    if closest.missing_entities:
        gaps.append("does not mention " + ", ".join(closest.missing_entities))
    if closest.conflicts:
        gaps.append("differs on " + ", ".join(_say(c) for c, _ in closest.conflicts) +
                    " but is about something else")
    if not gaps:
        gaps.append(f"is related but too loosely (similarity {closest.hit.dense:.2f}, "
                    f"{closest.coverage:.0%} of the claim's words)")
    return f"closest evidence ({_cite(closest.hit)}) " + "; ".join(gaps)
