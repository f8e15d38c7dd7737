"""One statement explained: the passages retrieved, their scores and the comparison slot by slot.

What ``factcheck explain "TEXT"`` prints. Everything shown is what the judge itself computed
(:func:`factcheck.judging.compare.compare_all`), in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.judging.base import NameUser, cite
from factcheck.judging.compare import Comparison, compare_all, say
from factcheck.pipeline import Checker
from factcheck.records import Claim, Span, Verdict


@dataclass(frozen=True, slots=True)
class Explanation:
    """A statement's verdict and its comparison with every passage retrieved for it."""

    verdict: Verdict
    comparisons: tuple[Comparison, ...]

    def lines(self) -> list[str]:
        """The explanation as lines of plain text."""
        v = self.verdict
        out = [f"claim: {v.claim.text}",
               f"verdict: {v.label.value} (confidence {v.confidence:.2f})",
               f"why: {v.rationale}", ""]
        if not self.comparisons:
            out.append("no passage was retrieved")
        for number, c in enumerate(self.comparisons, start=1):
            hit = c.hit
            out.append(f"{number}. {cite(hit)} [{hit.passage.id}]: score {hit.score:.2f} "
                       f"(meaning {hit.dense:.2f}, words {hit.lexical:.2f})")
            out.append(f"   {hit.passage.text}")
            out += [f"   - {line}" for line in slot_lines(c)]
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())


def slot_lines(c: Comparison) -> list[str]:
    """The comparison of one passage with the claim, one slot a line."""
    lines = [f"words: {c.coverage:.0%} of the claim's words are in the passage; "
             f"{c.event_coverage:.0%} of those that say what happened"]
    lines += [f"figure agrees: claim {say(a)} = passage {say(b)}" for a, b in c.matched]
    lines += [f"figure differs: claim {say(a)}, passage {say(b)}" for a, b in c.conflicts]
    lines += [f"figure not in the passage: {say(q)}" for q in c.unmatched]
    lines += [f"name replaced: claim {a.text} ({a.kind.value}), passage {b.text}"
              for a, b in c.name_swaps]
    lines += [f"name not in the passage: {n.text} ({n.kind.value})" for n in c.missing_names]
    if c.polarity_clash:
        lines.append(f"opposite: {c.polarity_clash}")
    return lines


def explain(checker: Checker, text: str) -> Explanation:
    """Retrieve, compare and judge ``text`` as one claim, keeping every comparison."""
    claim = Claim("explain", "explain", text, 0, (Span(0, len(text)),), 1.0)
    hits = checker.retrieve([claim])[0]
    names = checker.judge.names if isinstance(checker.judge, NameUser) else None
    comparisons = compare_all(text, hits, names)
    return Explanation(checker.judge.judge(claim, hits), tuple(comparisons))
