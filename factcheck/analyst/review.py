"""The analyst's review session over a reports folder: find a claim, overrule its verdict, see
the agreement between machine and reviewers, and the folder's reports rewritten.

What a review is, and the append-only ``reviews.jsonl`` journal that keeps them, is
:mod:`factcheck.reports.reviews`; the CLI (``factcheck review``), the notebooks and
``factcheck serve`` all write through :class:`Review`.
"""

from __future__ import annotations

import difflib
import warnings
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.analyst.frame import ClaimView, frame_html, to_frame
from factcheck.errors import FactcheckError, ReviewError
from factcheck.records import ArticleResult, BatchResult, Label, Verdict
from factcheck.reports.folder import SavedBatch, read_reports, rewrite_reports
from factcheck.reports.reviews import (
    REVIEWS_FILE,
    ClaimKey,
    ReviewRecord,
    append_review,
    current_reviews,
    parse_label,
    read_reviews,
    stale_reviews,
)

if TYPE_CHECKING:
    import pandas as pd


class ReportsNotUpdated(UserWarning):
    """A review was recorded but the reports could not be re-rendered; seen by reviewers."""


@dataclass(frozen=True, slots=True)
class Agreement:
    """How often reviewers kept the machine verdict, over the claims reviewed so far."""

    claims: int
    reviewed: int
    agreed: int
    stale: int
    confusion: dict[tuple[Label, Label], int]
    reviewers: dict[str, int]

    @property
    def overridden(self) -> int:
        """Reviewed claims whose reviewed label differs from the machine label."""
        return self.reviewed - self.agreed

    @property
    def rate(self) -> float | None:
        """Share of reviewed claims where reviewer and machine agree (None before any review)."""
        return self.agreed / self.reviewed if self.reviewed else None

    def table(self) -> pd.DataFrame:
        """The confusion table: one row per machine label, one column per reviewed label."""
        import pandas as pd

        names = [label.value for label in Label]
        return pd.DataFrame(
            [[self.confusion.get((machine, reviewed), 0) for reviewed in Label]
             for machine in Label],
            index=pd.Index(names, name="machine"),
            columns=pd.Index(names, name="reviewed"),
        )


def agreement(batch: BatchResult, reviews: Mapping[ClaimKey, ReviewRecord], stale: int = 0
              ) -> Agreement:
    """Compare the machine verdicts of a batch with the reviews in force (see current_reviews)."""
    confusion: Counter[tuple[Label, Label]] = Counter()
    reviewers: Counter[str] = Counter()
    for result in batch.results:
        for verdict in result.verdicts:
            review = reviews.get((result.article.id, verdict.claim.id))
            if review is not None:
                confusion[(verdict.label, review.label)] += 1
                reviewers[review.reviewer] += 1
    return Agreement(
        claims=len(batch.verdicts()),
        reviewed=sum(confusion.values()),
        agreed=sum(n for (machine, reviewed), n in confusion.items() if machine == reviewed),
        stale=stale,
        confusion=dict(confusion),
        reviewers=dict(reviewers),
    )


class Review:
    """Review the verdicts of a saved batch: the reports in a ``check --out`` folder.

    Example::

        review = factcheck.Review("reports/")
        review.override("xiaomi-su7-launch-c06", "supported", note="Delivery event 3 April.",
                        reviewer="ana")
        review.agreement().table()

    The reports are read once, when the review is opened (open it again after re-running the
    check); the reviews file is read on every use, so reviews from other sessions are seen.
    """

    def __init__(self, folder: str | Path) -> None:

        if Path(folder).is_file():
            # Rewriting claims.csv from one article's report would drop the rest of the batch.
            raise ReviewError(f"{folder}: a review opens the whole --out folder, not one report")
        self.saved: SavedBatch = read_reports(folder)
        self.folder = self.saved.folder
        self.path = self.folder / REVIEWS_FILE

    @property
    def batch(self) -> BatchResult:
        """The machine results, as read from the reports."""
        return self.saved.batch

    def records(self) -> list[ReviewRecord]:
        """Every review in the reviews file, oldest first (including stale ones)."""
        return read_reviews(self.path)

    def current(self) -> dict[ClaimKey, ReviewRecord]:
        """The review in force for each reviewed claim."""
        return current_reviews(self.batch, self.records())

    def stale(self) -> list[ReviewRecord]:
        """Reviews that no longer apply: their claim is gone or its text changed."""
        return stale_reviews(self.batch, self.records())

    def find(self, claim_id: str, article_id: str | None = None) -> tuple[ArticleResult, Verdict]:
        """The article and verdict of a claim id (``article_id`` only when ids repeat).

        Raises:
            ReviewError: no such claim, or the id is in several articles and none was named.
        """
        found = {
            result.article.id: (result, verdict)
            for result in self.batch.results
            if article_id is None or result.article.id == article_id
            for verdict in result.verdicts
            if verdict.claim.id == claim_id
        }
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            raise ReviewError(
                f"claim id {claim_id!r} is in {len(found)} articles ({', '.join(sorted(found))}); "
                "name the article (article_id=..., or --article on the command line)"
            )
        where = f" of article {article_id!r}" if article_id is not None else ""
        ids = [v.claim.id for v in self.batch.verdicts()]
        close = difflib.get_close_matches(claim_id, ids, n=3)
        hint = (f"did you mean {', '.join(map(repr, close))}?" if close
                else f"claim ids look like {ids[0]!r}" if ids else "the reports hold no claims")
        raise ReviewError(
            f"{self.folder}: no claim {claim_id!r} in the reports{where}; {hint} "
            "(claims.csv and factcheck.load_results list every claim id)"
        )

    def override(
        self,
        claim_id: str,
        label: Label | str,
        *,
        reviewer: str,
        note: str = "",
        article_id: str | None = None,
        update_reports: bool = True,
    ) -> ReviewRecord:
        """Record a reviewer's verdict for a claim, then re-render that article's reports.

        Args:
            claim_id: the claim, as in the reports' ``claim_id``.
            label: the reviewed verdict (a :class:`Label` or its name); the machine's own label
                records an agreement.
            reviewer: who decided (required, kept in the audit trail).
            note: why, shown in the reports next to the verdict.
            article_id: only needed when the claim id is in several articles.
            update_reports: re-render the article's JSON/Markdown/HTML reports and claims.csv.

        Returns:
            The review as appended to ``reviews.jsonl``.

        Raises:
            ReviewError: unknown claim or label, an empty reviewer name, or text that is not
                valid Unicode; nothing is written then. Once the review is written nothing is
                raised: a failure to re-render the reports is a :class:`ReportsNotUpdated`
                warning (rerun ``factcheck review override`` or ``check --resume``).
        """
        chosen = parse_label(label)
        reviewer = " ".join(reviewer.split())
        if not reviewer:
            raise ReviewError("a review needs the reviewer's name (reviewer=..., or --reviewer)")
        result, verdict = self.find(claim_id, article_id)
        record = ReviewRecord(
            article_id=result.article.id,
            claim_id=verdict.claim.id,
            claim=verdict.claim.text,
            label=chosen,
            machine_label=verdict.label,
            note=note.strip(),
            reviewer=reviewer,
            reviewed_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        append_review(self.path, record)
        if update_reports:
            try:
                self.write_reports(articles={result.article.id})
            except (FactcheckError, OSError) as exc:
                # The review is recorded: failing now would make a retry record it twice.
                warnings.warn(f"{self.path}: the review is recorded, but the reports were not "
                              f"updated ({exc}); they show it after the next update",
                              ReportsNotUpdated, stacklevel=2)
        return record

    def write_reports(self, articles: set[str] | None = None) -> list[Path]:
        """Re-render the folder's reports in place with the reviews in force.

        Args:
            articles: only these article ids (claims.csv is always rewritten); default all.

        Returns:
            The paths written.
        """

        return rewrite_reports(self.saved, self.current(), articles=articles)

    def report_path(self, article_id: str, fmt: str = "html") -> Path:
        """The file of an article's report in one format (``json``, ``md`` or ``html``).

        Raises:
            ReviewError: no article with that id in the reports.
        """
        for stem, result in zip(self.saved.stems, self.batch.results, strict=True):
            if result.article.id == article_id:
                return self.folder / f"{stem}.{fmt}"
        raise ReviewError(f"{self.folder}: no article {article_id!r} in the reports")

    def agreement(self) -> Agreement:
        """Agreement between machine and reviewers over the reviews in force."""
        records = self.records()
        return agreement(self.batch, current_reviews(self.batch, records),
                         stale=len(stale_reviews(self.batch, records)))

    def to_frame(self) -> pd.DataFrame:
        """One row per claim, with the review columns filled in (see factcheck.analyst.frame)."""

        return to_frame(self.batch, reviews=self.current())

    def claim(self, claim_id: str, article_id: str | None = None) -> ClaimView:
        """One claim with its machine verdict, review and every evidence passage (for display)."""

        result, verdict = self.find(claim_id, article_id)
        return ClaimView(result.article, verdict,
                         self.current().get((result.article.id, verdict.claim.id)))

    def _repr_html_(self) -> str:

        return frame_html(self.to_frame())

    def __repr__(self) -> str:
        return (f"Review({str(self.folder)!r}: {len(self.batch.results)} articles, "
                f"{len(self.batch.verdicts())} claims)")

