"""What every judge shares: the protocol, the relevance floor, the unverified verdict, citations."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from factcheck.analysis.names import NameIndex
from factcheck.records import Claim, Hit, Label, Verdict
from factcheck.settings import Settings


@runtime_checkable
class NameUser(Protocol):
    """A judge that compares names: the checker hands it the corpus's names after indexing."""

    names: NameIndex


class Judge(Protocol):
    """Decides a claim's label from its retrieved evidence."""

    name: str

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """The verdict on ``claim`` given ``hits`` (best first; may be empty)."""
        ...


def cite(hit: Hit) -> str:
    """How a rationale names a passage: its source, and its date when known."""
    passage = hit.passage
    return f"{passage.source}, {passage.published}" if passage.published else passage.source


def relevant_hits(hits: Sequence[Hit], settings: Settings) -> list[Hit]:
    """The hits that clear the relevance floor (``min_dense`` or ``min_relevance``)."""
    return [h for h in hits if h.dense >= settings.min_dense or h.score >= settings.min_relevance]


def unverified(claim: Claim, hits: Sequence[Hit], rationale: str, judge: str,
               confidence: float | None = None) -> Verdict:
    """An ``unverified`` verdict citing the two best ``hits``.

    Without a ``confidence``, the less similar the closest passage, the surer the judge is that
    the corpus does not speak to the claim (between 0.3 and 0.95).
    """
    if confidence is None:
        best = max((h.dense for h in hits), default=0.0)
        confidence = min(0.95, max(0.3, 1.0 - max(best, 0.0) * 0.6))
    ordered = sorted(hits, key=lambda h: h.rank)
    return Verdict(claim, Label.UNVERIFIED, round(confidence, 4), tuple(ordered[:2]), rationale,
                   judge)
