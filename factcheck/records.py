"""Typed records passed between pipeline stages: article -> claims -> hits -> verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Label(str, Enum):
    """The verdict a claim receives against the evidence corpus."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    UNVERIFIED = "unverified"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One article to check: its id, full text and where it came from (path, URL or ``-``).

    ``published`` is the article's publication date (``YYYY-MM-DD``) when its page states one.
    ``one_claim_per_line`` marks statements given one per line to be checked as written
    (``check --claim``): each non-empty line is one claim, never split or filtered.
    """

    id: str
    text: str
    source: str
    title: str
    published: str | None = None
    one_claim_per_line: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """An atomic, self-contained, check-worthy statement extracted from an article.

    ``text`` is the claim as it reads on its own (references resolved); ``spans`` point at the
    article characters it was built from, so ``article.text[span.start:span.end]`` shows the source.
    """

    id: str
    article_id: str
    text: str
    sentence_index: int
    spans: tuple[Span, ...]
    checkworthiness: float


@dataclass(frozen=True, slots=True)
class Passage:
    """One evidence passage of the curated corpus; ``origin`` (``file line N``) is for errors."""

    id: str
    text: str
    source: str
    url: str | None
    title: str | None
    published: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class Hit:
    """A retrieved passage with its fused score and the dense and lexical scores it came from."""

    passage: Passage
    rank: int
    score: float
    dense: float
    lexical: float


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judge's decision on one claim: label, confidence, decisive evidence and a rationale."""

    claim: Claim
    label: Label
    confidence: float
    evidence: tuple[Hit, ...]
    rationale: str
    judge: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A sentence (or a clause of one) that states something checkable (a figure, a date or a
    name) but that the claim splitter did not turn into a claim, and why, in one line ("a
    question, not a statement"). Reports list these so that nothing checkable disappears
    silently."""

    text: str
    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Every verdict for one article, in claim order, and the checkable sentences not checked."""

    article: Article
    verdicts: tuple[Verdict, ...]
    skipped: tuple[Skipped, ...] = ()

    def counts(self) -> dict[Label, int]:
        """Number of claims per label (every label present, zero when absent)."""
        counts = {label: 0 for label in Label}
        for verdict in self.verdicts:
            counts[verdict.label] += 1
        return counts



@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be checked, and why (one line, names the input)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The results of checking many articles, plus the inputs that failed."""

    results: tuple[ArticleResult, ...]
    failures: tuple[Failure, ...] = field(default=())

    def verdicts(self) -> list[Verdict]:
        """All verdicts of the batch, article by article."""
        return [verdict for result in self.results for verdict in result.verdicts]

