"""The reviews file: a person's verdict on a machine-checked claim, kept append-only by the reports.

A review folder is a ``factcheck check --out`` folder. Reviews are appended to ``reviews.jsonl``
in it, one JSON object per line, and never rewritten::

    {"schema_version": "1", "article_id": "xiaomi-su7-launch", "claim_id": "xiaomi-su7-launch-c06",
     "claim": "Deliveries began on April 3, 2024.", "label": "supported",
     "machine_label": "unverified", "note": "Delivery event on 3 April 2024.", "reviewer": "ana",
     "reviewed_at": "2026-11-26T10:15:03+00:00"}

A review applies to the claim with the same article id, claim id and claim text, so re-running the
check after the article changed leaves older reviews of a changed claim *stale* (listed, not
applied) rather than pinned to a different statement. Of the reviews that apply to a claim, the
last one in the file wins; ``reviewed_at`` (UTC) is kept for the audit trail. The review session
of analysts is :class:`factcheck.analyst.review.Review`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.errors import ReviewError
from factcheck.records import BatchResult, Label

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
