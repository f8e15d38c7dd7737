"""Reviews: a person's verdict on a machine-checked claim, kept append-only next to the reports.

A review folder is a ``factcheck check --out`` folder. Reviews are appended to ``reviews.jsonl``
in it, one JSON object per line, and never rewritten::

    {"schema_version": "1", "article_id": "xiaomi-su7-launch", "claim_id": "xiaomi-su7-launch-c06",
     "claim": "Deliveries began on April 3, 2024.", "label": "supported",
     "machine_label": "unverified", "note": "Delivery event on 3 April 2024.", "reviewer": "ana",
     "reviewed_at": "2026-11-26T10:15:03+00:00"}

A review applies to the claim with the same article id, claim id and claim text, so re-running the
check after the article changed leaves older reviews of a changed claim *stale* (listed, not
applied) rather than pinned to a different statement. Of the reviews that apply to a claim, the
last one in the file wins; ``reviewed_at`` (UTC) is kept for the audit trail.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import ReviewError
from factcheck.records import ArticleResult, BatchResult, Label, Verdict

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.frame import ClaimView
    from factcheck.report import SavedBatch

#: The reviews file, in the reports folder.
REVIEWS_FILE = "reviews.jsonl"
REVIEWS_SCHEMA_VERSION = "1"

#: How a claim is named across a batch: ``(article_id, claim_id)``.
ClaimKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One reviewer's verdict on one claim: one line of ``reviews.jsonl``."""

    article_id: str
    claim_id: str
    claim: str
    label: Label
    machine_label: Label
    note: str
    reviewer: str
    reviewed_at: str

    @property
    def key(self) -> ClaimKey:
        """The claim this review is about."""
        return (self.article_id, self.claim_id)

    def to_dict(self) -> dict[str, str]:
        """The JSON object stored for this review."""
        return {
            "schema_version": REVIEWS_SCHEMA_VERSION,
            "article_id": self.article_id,
            "claim_id": self.claim_id,
            "claim": self.claim,
            "label": self.label.value,
            "machine_label": self.machine_label.value,
            "note": self.note,
            "reviewer": self.reviewer,
            "reviewed_at": self.reviewed_at,
        }


_TEXT_FIELDS = ("article_id", "claim_id", "claim", "note", "reviewer", "reviewed_at")


def read_reviews(path: str | Path) -> list[ReviewRecord]:
    """Every review in a reviews file, in file order; an absent file holds none.

    Raises:
        ReviewError: a line is not a review object; the message names the file and line.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot read the reviews file ({exc})") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            records.append(_record_from_line(line, f"{path} line {number}"))
    return records


def _record_from_line(line: str, where: str) -> ReviewRecord:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ReviewError(f"{where}: not valid JSON ({exc.msg}); fix or delete the line") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{where}: expected a JSON object; fix or delete the line")
    version = data.get("schema_version")
    if version != REVIEWS_SCHEMA_VERSION:
        raise ReviewError(
            f"{where}: reviews schema_version {version!r} is not supported "
            f"(this factcheck reads {REVIEWS_SCHEMA_VERSION!r})"
        )
    for name in (*_TEXT_FIELDS, "label", "machine_label"):
        if not isinstance(data.get(name), str):
            raise ReviewError(f"{where}: missing or non-text {name!r}; fix or delete the line")
    return ReviewRecord(
        **{name: data[name] for name in _TEXT_FIELDS},
        label=parse_label(data["label"], where),
        machine_label=parse_label(data["machine_label"], where),
    )


def append_review(path: str | Path, record: ReviewRecord) -> None:
    """Append one review to a reviews file (created if missing)."""
    line = json.dumps(record.to_dict(), ensure_ascii=False) + "\n"
    # One write of one short line in append mode: lines from two reviewers do not interleave.
    with open(path, "a", encoding="utf-8", newline="") as handle:
        handle.write(line)


def parse_label(value: Label | str, where: str = "review") -> Label:
    """A :class:`Label` from itself or its name in any case, e.g. ``"Contradicted"``.

    Raises:
        ReviewError: not a label; the message lists the labels.
    """
    if isinstance(value, Label):
        return value
    try:
        return Label(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(label.value for label in Label)
        raise ReviewError(f"{where}: unknown label {value!r}; choose one of: {allowed}") from None


def current_reviews(batch: BatchResult, records: Iterable[ReviewRecord]
                    ) -> dict[ClaimKey, ReviewRecord]:
    """The review in force for each reviewed claim of the batch: the last that still applies."""
    texts = _claim_texts(batch)
    current: dict[ClaimKey, ReviewRecord] = {}
    for record in records:
        if texts.get(record.key) == record.claim:
            current[record.key] = record
    return current


def stale_reviews(batch: BatchResult, records: Iterable[ReviewRecord]) -> list[ReviewRecord]:
    """Reviews whose claim is no longer in the batch with the same text (e.g. after a re-run)."""
    texts = _claim_texts(batch)
    return [record for record in records if texts.get(record.key) != record.claim]


def _claim_texts(batch: BatchResult) -> dict[ClaimKey, str]:
    return {
        (result.article.id, verdict.claim.id): verdict.claim.text
        for result in batch.results
        for verdict in result.verdicts
    }


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
        from factcheck.report import read_reports

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
            ReviewError: unknown claim or label, or an empty reviewer name.
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
            self.write_reports(articles={result.article.id})
        return record

    def write_reports(self, articles: set[str] | None = None) -> list[Path]:
        """Re-render the folder's reports in place with the reviews in force.

        Args:
            articles: only these article ids (claims.csv is always rewritten); default all.

        Returns:
            The paths written.
        """
        from factcheck.report import rewrite_reports

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
        """One row per claim, with the review columns filled in (see factcheck.frame)."""
        from factcheck.frame import to_frame

        return to_frame(self.batch, reviews=self.current())

    def claim(self, claim_id: str, article_id: str | None = None) -> ClaimView:
        """One claim with its machine verdict, review and every evidence passage (for display)."""
        from factcheck.frame import ClaimView

        result, verdict = self.find(claim_id, article_id)
        return ClaimView(result.article, verdict,
                         self.current().get((result.article.id, verdict.claim.id)))

    def _repr_html_(self) -> str:
        from factcheck.frame import frame_html

        return frame_html(self.to_frame())

    def __repr__(self) -> str:
        return (f"Review({str(self.folder)!r}: {len(self.batch.results)} articles, "
                f"{len(self.batch.verdicts())} claims)")

