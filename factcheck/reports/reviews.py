"""The reviews file: a person's verdict on a machine-checked claim, kept next to the reports.

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

The file is a journal: :func:`append_review` validates a review, then, under a lock, ends a torn
last line with a newline and appends one whole line; readers skip a line that is not a valid
review with a warning naming its number, so one damaged line never hides the others, and
:func:`repair_reviews` rewrites the file with every valid review (the rest kept aside).
"""

from __future__ import annotations

import json
import os
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from factcheck.boundaries import surrogate_problem
from factcheck.errors import ReviewError
from factcheck.files import atomic_path, locked
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


class ReviewFileWarning(UserWarning):
    """A line of a reviews file is not a valid review and was skipped; seen by reviewers."""


def read_reviews(path: str | Path, problems: list[str] | None = None) -> list[ReviewRecord]:
    """Every valid review in a reviews file, in file order; an absent file holds none.

    A line that is not a valid review (torn, garbage, not UTF-8, a lone surrogate) is skipped:
    its problem, naming the file and line, is appended to ``problems`` when given, else issued
    as a :class:`ReviewFileWarning`.

    Raises:
        ReviewError: the file exists but cannot be read at all.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ReviewError(f"{path}: cannot read the reviews file ({exc.strerror or exc})"
                          ) from None
    records = []
    found: list[str] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            records.append(_record_from_line(raw, f"{path} line {number}"))
        except ReviewError as exc:
            found.append(f"{exc}; skipped (`factcheck review repair` sets it aside)")
    if problems is not None:
        problems.extend(found)
    else:
        for problem in found:
            warnings.warn(problem, ReviewFileWarning, stacklevel=2)
    return records


def append_review(path: str | Path, record: ReviewRecord) -> None:
    """Append one review to a reviews file (created if missing), as one whole line.

    The review is validated first. Under a lock shared by every writer, a last line left without
    its newline (a torn write, a hand edit) is ended first, so the new review never merges into
    it; the line is written in one call and flushed to disk before returning.

    Raises:
        ReviewError: the review has text that is not valid Unicode.
    """
    path = Path(path)
    for name, value in record.to_dict().items():
        problem = surrogate_problem(value)
        if problem is not None:
            raise ReviewError(f"the review's {name} has a {problem}, e.g. from a terminal that is "
                              "not UTF-8; retype it (nothing was written)")
    line = json.dumps(record.to_dict(), ensure_ascii=False)
    _record_from_line(line.encode("utf-8"), "the new review")
    data = (line + "\n").encode("utf-8")
    with locked(path.with_name(f".{path.name}.lock")):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            size = os.fstat(fd).st_size
            if size and os.pread(fd, 1, size - 1) != b"\n":
                data = b"\n" + data
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)


def repair_reviews(path: str | Path) -> tuple[int, list[str], Path | None]:
    """Rewrite a reviews file with every valid review, in order; set the other lines aside.

    Returns:
        How many reviews were kept, the problem of each line set aside, and the file those lines
        were appended to (``<name>.rejected``; None when every line was valid).
    """
    path = Path(path)
    with locked(path.with_name(f".{path.name}.lock")):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return 0, [], None
        kept: list[bytes] = []
        rejected: list[bytes] = []
        problems: list[str] = []
        for number, raw in enumerate(data.split(b"\n"), start=1):
            if not raw.strip():
                continue
            try:
                _record_from_line(raw, f"{path} line {number}")
            except ReviewError as exc:
                problems.append(str(exc))
                rejected.append(raw)
            else:
                kept.append(raw.strip())
        if not rejected:
            if data and not data.endswith(b"\n"):
                with open(path, "ab") as handle:
                    handle.write(b"\n")
            return len(kept), [], None
        aside = path.with_name(path.name + ".rejected")
        with open(aside, "ab") as handle:
            handle.write(b"".join(line + b"\n" for line in rejected))
            handle.flush()
            os.fsync(handle.fileno())
        with atomic_path(path) as tmp:
            tmp.write_bytes(b"".join(line + b"\n" for line in kept))
        return len(kept), problems, aside


def _record_from_line(raw: bytes, where: str) -> ReviewRecord:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ReviewError(f"{where}: not UTF-8 text; fix or delete the line") from None
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
        problem = surrogate_problem(data[name])
        if problem is not None:
            raise ReviewError(f"{where}: {name!r} has a {problem}; fix or delete the line")
    return ReviewRecord(
        **{name: data[name] for name in _TEXT_FIELDS},
        label=parse_label(data["label"], where),
        machine_label=parse_label(data["machine_label"], where),
    )


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
