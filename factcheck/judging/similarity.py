"""The similarity-threshold baseline judge (``similarity:<low>,<high>``), for benchmarks."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.errors import ConfigError
from factcheck.judging.base import unverified
from factcheck.records import Claim, Hit, Label, Verdict


class SimilarityJudge:
    """The baseline: top-passage cosine ``>= high`` supported, ``>= low`` contradicted, else not.

    It reads nothing but the similarity of the best passage, so it shows how much the other
    judges add over retrieval alone.
    """

    def __init__(self, low: float, high: float) -> None:
        if not low <= high:
            raise ConfigError(f"similarity judge: low {low} must not exceed high {high}")
        self.low, self.high = low, high
        self.name = f"similarity:{low:g},{high:g}"

    def judge(self, claim: Claim, hits: Sequence[Hit]) -> Verdict:
        """Label ``claim`` by the cosine similarity of its best passage alone."""
        best = max(hits, key=lambda h: h.dense, default=None)
        if best is None or best.dense < self.low:
            similarity = best.dense if best else 0.0
            return unverified(claim, hits, f"best similarity {similarity:.2f} < {self.low:g}",
                              self.name, 0.5)
        label = Label.SUPPORTED if best.dense >= self.high else Label.CONTRADICTED
        rationale = (f"best similarity {best.dense:.2f} "
                     f"{'>=' if label is Label.SUPPORTED else '<'} {self.high:g}")
        return Verdict(claim, label, 0.5, (best,), rationale, self.name)
