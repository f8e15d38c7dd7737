"""The rules judge: exact comparisons of figures, names and negation (see :mod:`.compare`).

The rules judge needs no model beyond the retrieval embeddings. For each claim it keeps the
retrieved passages that are relevant enough, then compares claim and passage on numbers (with
units, currencies and scale words), dates (years, quarters, halves, months), content words, named
entities and negation. A passage that states the same figures is support; one that states a
different figure for the same thing is a contradiction; when nothing relevant says either, the
claim is ``unverified``: the judge never guesses.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from factcheck.analysis.binding import Parser
from factcheck.analysis.names import NameIndex
from factcheck.analysis.quantities import (
    QuantityKind,
    agree,
    comparable,
    extract_quantities,
    inside_name,
    is_time_of_day,
)
from factcheck.judging.base import cite, relevant_hits, unverified
from factcheck.judging.calibration import Calibration
from factcheck.judging.compare import (
    Comparison,
    compare_all,
    fits_closely,
    is_identifier,
    measures_another,
    names_a_part,
    only_swapped_missing,
    pinned_beside,
    said_in_place,
    say,
)
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings


class RulesJudge:
    """The rules judge: similarity for relevance, then numbers, dates, entities and negation."""

    name = "rules"

    def __init__(self, settings: Settings | None = None, names: NameIndex | None = None,
                 calibration: Calibration | None = None) -> None:
        self.settings = settings or Settings()
        self.calibration = calibration
        """Maps raw scores to the probability that the label is right (``None``: raw scores)."""
        self.names = names or NameIndex()
        """Where names of claims and passages come from (the checker gives the corpus's)."""
        self.parser = Parser()
        """The clauses figures belong to (spaCy, loaded on first use)."""

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` from ``hits``; ``unverified`` whenever no hit is relevant enough."""
        # (a hit below the floor counts only when it states the claim's figures alike, and
        # only one within reach of it: the rest need no comparison)
        reach = [h for h in hits if h.dense >= self.settings.min_dense - _REACH
                 or h.score >= self.settings.min_relevance]
        made = compare_all(claim.text, reach, self.names, self.parser)
        verdict = self.decide(claim, hits, evidence_of(hits, made, self.settings))
        if self.calibration is None:
            return verdict
        confidence = self.calibration.probability("rules", verdict.label, verdict.confidence)
        return dataclasses.replace(verdict, confidence=round(confidence, 4))

    def decide(self, claim: Claim, hits: Sequence[Hit],
               comparisons: Sequence[Comparison]) -> Verdict:
        """The verdict from the comparisons with the relevant hits (none: ``unverified``)."""
        s = self.settings
        if not comparisons:
            return self._unverified(claim, hits, _no_evidence_reason(hits, s))
        supporting = [c for c in comparisons if _supports(claim.text, c, s)]
        # A passage stating every figure of the claim outweighs one giving other figures, unless
        # that one fits the claim's wording around the figure better (another phase or product);
        # so does one pinning the claim's event down that leaves one of them out ("on 18
        # December 2023 ... 4 km long" without "the first eruption").
        # (a rank the passage leaves unsaid, "the opening offer" for "first rejected an offer of
        # $77", does not stop it stating the figure; the part a figure is of, "the first phase",
        # does)
        confirming = [c for c in comparisons
                      if c.matched and not c.conflicts and c.coverage >= 0.4
                      and all(q.kind is QuantityKind.ORDINAL and not names_a_part(q)
                              for q in c.unmatched)]
        pinning = [c for c in comparisons if c.matched and not c.conflicts
                   and c.coverage >= 0.4 and _pins_event(c)]
        contradicting = [c for c in comparisons
                         if _contradicts(c, s) and _fits_better(c, confirming or pinning)
                         and not _swaps_stated_elsewhere(claim.text, c, comparisons)]
        best_support = max(supporting, key=lambda c: c.strength, default=None)
        if best_support is not None and not best_support.missing_entities:
            # A passage stating the claim with every name it has outweighs a weaker one where
            # one of those names stands beside another ("Vingegaard second ..., Evenepoel third"
            # against a passage on Evenepoel): the swap is about another role.
            contradicting = [c for c in contradicting if c.conflicts or c.polarity_clash
                             or c.strength > best_support.strength]
        best_conflict = max(contradicting, key=lambda c: c.strength, default=None)
        if best_support is not None and (
            best_conflict is None
            or not confirming and best_support.strength >= best_conflict.strength
        ):
            return self._verdict(claim, Label.SUPPORTED, best_support, supporting,
                                 _support_reason(best_support))
        if best_conflict is not None:
            return self._verdict(claim, Label.CONTRADICTED, best_conflict, contradicting,
                                 _conflict_reason(best_conflict))
        closest = max(comparisons, key=lambda c: c.strength)
        pair = _stated_together(closest, comparisons, s)
        if pair is not None:
            return self._verdict(claim, Label.SUPPORTED, closest, [pair],
                                 _together_reason(closest, pair))
        # (a report pinning the claim's event with its figures and names alike comes before a
        # nearer one giving other values for them and stating none alike: "158.1 mm ... since
        # 1884" before the 2008 storm's report)
        first = max((c for c in pinning if not c.missing_names), key=lambda c: c.strength,
                    default=comparisons[0])
        if (comparisons[0].conflicts and not comparisons[0].matched
                and first is not comparisons[0]):
            verdict = self._unverified(claim, [first.hit, comparisons[0].hit],
                                       _partial_reason(first, s))
            return dataclasses.replace(verdict, evidence=(first.hit, comparisons[0].hit))
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
        return unverified(claim, hits, rationale, self.name)


def evidence_of(hits: Sequence[Hit], comparisons: Sequence[Comparison],
                settings: Settings) -> list[Comparison]:
    """The comparisons the rules weigh: those of the hits above the relevance floor, and of any
    below it stating three or more of the claim's figures alike (the very day among them, or
    all of them numbers) with nothing against the claim: a long report of the event that
    embeds less like the claim ("400 constituency MPs and 100 party-list MPs" at "3pm on 19
    June")."""
    relevant = relevant_hits(hits, settings)
    return [c for c in comparisons
            if any(c.hit is h for h in relevant) or _pinned_below(c, settings)]


_REACH = 0.1
"""How far below ``min_dense`` a report stating the claim's figures alike may be."""


def _pinned_below(c: Comparison, settings: Settings) -> bool:
    return (len(c.matched) >= 3 and _pins_event(c) and not c.conflicts and not c.unmatched
            and not c.name_swaps and not c.polarity_clash and not c.missing_entities
            and c.coverage >= 0.6 and c.hit.dense >= settings.min_dense - _REACH)


def _supports(claim_text: str, c: Comparison, settings: Settings) -> bool:
    """Whether a passage states the claim: same figures, same names, enough shared words."""
    # Two or more figures stated alike pin the passage to the claim's event, however it is
    # worded around them; otherwise the passage must read like a restatement.
    # One figure stated alike among every word of the claim pins it as well: the passage only
    # says more ("power cuts hit 830,000 households ... About 400,000 people were evacuated").
    pinning = [q for q, _ in c.matched if not inside_name(claim_text, q)]
    pinned = len(pinning) >= 2 or bool(pinning) and c.coverage >= 0.9
    threshold = settings.min_dense if pinned else settings.support_threshold
    if (c.conflicts or c.polarity_clash or c.unmatched or c.name_swaps
            or c.hit.dense < threshold and not _pinned_below(c, settings)):
        return False
    if not c.missing_entities and c.coverage >= 0.5:
        return True
    # Matching figures let a paraphrase through ("nearly 2,000 staff" ~ "nearly 2,000 employees"),
    # but not a swapped name ("Dongfeng applied" against "BAIC applied").
    return (bool(c.matched) and c.coverage >= 0.3 and len(c.missing_entities) <= 1
            and not any(is_identifier(e) for e in c.missing_entities)
            and not (c.missing_entities and c.extra_entities))


def _stated_together(closest: Comparison, comparisons: Sequence[Comparison],
                     settings: Settings) -> Comparison | None:
    """A second passage that states the figures the closest one leaves out, when the two state
    every figure and name of the claim alike between them and neither states anything
    differently ("devalued by 54%" in one report, "800 pesos per dollar" in the next)."""
    if not closest.matched or not closest.unmatched or not _clean(closest, settings):
        return None
    wanted = {(q.start, q.end) for q in closest.unmatched}
    stated = extract_quantities(closest.hit.passage.text)
    if any(q.kind is e.kind for q in closest.unmatched for e in stated):
        return None  # the closest passage gives a figure of that kind: another moment or measure
    for other in comparisons:
        if other is closest or not _clean(other, settings):
            continue
        if not wanted <= {(q.start, q.end) for q, _ in other.matched}:
            continue
        if set(closest.missing_entities) & set(other.missing_entities):
            continue  # a name neither passage has
        theirs = extract_quantities(other.hit.passage.text)
        if any(comparable(q, e) and not agree(q, e) for q, _ in closest.matched for e in theirs):
            continue  # the second passage dates or measures its figure otherwise
        if max(closest.coverage, other.coverage) >= 0.5:
            return other
    return None


def _clean(c: Comparison, settings: Settings) -> bool:
    """Whether a passage states nothing against the claim and is close enough to be about it."""
    return (not c.conflicts and not c.polarity_clash and not c.name_swaps
            and not c.other_subjects and c.hit.dense >= settings.support_threshold)


def _together_reason(first: Comparison, second: Comparison) -> str:
    said = "; ".join(f"{say(c)}: {cite(comparison.hit)} says {say(e)}"
                     for comparison in (first, second) for c, e in comparison.matched)
    return f"two passages about the same event state it together: {said}"


def _fits_better(conflict: Comparison, confirming: list[Comparison]) -> bool:
    """Whether a clashing figure sits in words closer to the claim's than any agreeing one."""
    if not confirming or not conflict.conflicts:
        return True
    # Two or more figures agreeing in one passage pin the event down ("reported in 2021 ... a 2025
    # launch"); a passage agreeing on none of them is about another moment.
    # A passage agreeing on fewer of them than one stating three or more of the claim's
    # figures alike is about another part or measure ("Intel Foundry's loss" beside Intel's).
    # So is one clashing only on a date against a passage stating more of the figures alike:
    # it tells of another year's event ("the 2005 first round" against the 2024 run-off's), or
    # only on a time of day: it tells of another moment ("amber at 3.40pm" when the black
    # signal went down, against "an amber signal at 9.25pm, then black at 11.05pm").
    pinned = max((len(c.matched) for c in confirming if _pins_event(c)), default=0)
    dated = all(q.kind is QuantityKind.DATE or is_time_of_day(q) for q, _ in conflict.conflicts)
    if len(conflict.matched) < pinned and (not conflict.matched or pinned >= 3 or dated):
        return False
    return any(
        conflict.fit.get(q, 0) > max(c.fit.get(q, 0) for c in confirming)
        for q, _ in conflict.conflicts
    )


def _swaps_stated_elsewhere(claim_text: str, c: Comparison,
                            comparisons: Sequence[Comparison]) -> bool:
    """Whether every name a passage replaces is written in the claim's own words by another
    passage ("twins who live in Paris with their father" against "a speech she wrote in a
    Tehran prison"): the passage tells of another side of the story."""
    return bool(c.name_swaps) and not c.conflicts and all(
        any(said_in_place(claim_text, name, other.hit.passage.text)
            for other in comparisons if other is not c) for name, _ in c.name_swaps)


def _pins_event(c: Comparison) -> bool:
    """Whether a passage's agreeing figures pin the claim's event down: two or more of them, or
    the very day ("on 13 October 2023")."""
    return len(c.matched) >= 2 or any(
        q.kind == QuantityKind.DATE and q.unit == "day" and q.value == q.high
        for q, _ in c.matched)


def _contradicts(c: Comparison, settings: Settings) -> bool:
    """Whether a passage is about the same thing as the claim and states it differently."""
    if c.name_swaps and only_swapped_missing(c) and not c.conflicts and not c.unanchored:
        # Everything else the claim says is there: the passage names someone or somewhere else.
        # (One that also differs in its figures tells of another event or time, and one without
        # what happened, "rescued", tells of another: "came ashore near Cayo Costa".)
        return (c.coverage >= 0.6 and c.hit.dense >= settings.min_dense
                and c.event_coverage >= 0.34)
    about_same = (not c.missing_entities
                  or c.coverage >= 0.7 and not any(is_identifier(e) for e in c.missing_entities))
    # A passage about a model the claim does not name (YU7 orders vs "Xiaomi's orders") is
    # about something else, never a refutation.
    about_same = about_same and not c.other_subjects
    if c.conflicts:
        # A figure refutes only a figure of the same event or measure: the launch date is no
        # answer to "deliveries began on April 3"; nor the figures of the person or team the
        # passage names in the claim's one's place ("Evenepoel third, 9:18 behind" against
        # "Vingegaard second, 6:17 behind").
        # (a figure few events share, stated alike beside the clashing one, pins the event
        # when the passage words the rest otherwise: "the earlier record, 43.84%, had been set
        # at the elections of September 2015"; and so do two of the claim's words around the
        # clashing figure: "raise its defence budget by 40 per cent")
        # (a passage stating none of two or more figures of the claim alike, and others in
        # their place, measures something else: "137 runs off 120 balls" against a stand of
        # 192 and a century off 110)
        return (about_same and (c.coverage >= 0.4 or c.coverage >= 0.3 and (
                    pinned_beside(c) or fits_closely(c)))
                and c.hit.dense >= settings.min_dense and c.event_coverage >= 0.34
                and not c.name_swaps and not measures_another(c))
    return bool(c.polarity_clash) and about_same and c.coverage >= 0.6 and not c.unmatched


def _support_reason(best: Comparison) -> str:
    if best.matched:
        figures = "; ".join(f"{say(c)}" for c, _ in best.matched)
        stated = "; ".join(f"{say(e)}" for _, e in best.matched)
        return f"claim: {figures}; evidence ({cite(best.hit)}): {stated}"
    return (f"evidence ({cite(best.hit)}) states the same "
            f"(similarity {best.hit.dense:.2f}, {best.coverage:.0%} of the claim's words)")


def _conflict_reason(best: Comparison) -> str:
    if best.name_swaps and not best.conflicts:
        claim_says = "; ".join(n.text + (f" ({n.kind.value})" if n.kind == other.kind else "")
                               for n, other in best.name_swaps)
        evidence_says = "; ".join(other.text for _, other in best.name_swaps)
        return f"claim names {claim_says}; evidence ({cite(best.hit)}) names {evidence_says}"
    if best.conflicts:
        claim_says = "; ".join(say(c) for c, _ in best.conflicts)
        evidence_says = "; ".join(say(e) for _, e in best.conflicts)
        return f"claim: {claim_says}; evidence ({cite(best.hit)}): {evidence_says}"
    return f"{best.polarity_clash} ({cite(best.hit)})"


def _no_evidence_reason(hits: Sequence[Hit], settings: Settings) -> str:
    if not hits:
        return "the evidence corpus has no passages to compare with"
    best = hits[0]
    return (f"nothing in the corpus is relevant enough: closest passage ({cite(best)}) has "
            f"similarity {best.dense:.2f} < {settings.min_dense:.2f}")


def _partial_reason(closest: Comparison, settings: Settings) -> str:
    gaps = []
    if closest.unmatched:
        gaps.append("does not state " + ", ".join(say(q) for q in closest.unmatched))
    if closest.missing_entities:
        gaps.append("does not mention " + ", ".join(closest.missing_entities))
    if closest.conflicts:
        gaps.append("differs on " + ", ".join(say(c) for c, _ in closest.conflicts) +
                    " but is about something else")
    if not gaps:
        gaps.append(f"is related but too loosely (similarity {closest.hit.dense:.2f}, "
                    f"{closest.coverage:.0%} of the claim's words)")
    return f"closest evidence ({cite(closest.hit)}) " + "; ".join(gaps)
