"""CSV reports of a batch: ``claims.csv`` (a row per claim) and ``summary.csv`` (per article).

Every text cell is guarded so that a spreadsheet opening the file does not run it as a formula
(:func:`guard_cell`); :func:`unguard_cell` restores the text when a report is read back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from factcheck.records import BatchResult, Label
from factcheck.reports.common import final_label, review_of, rounded

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews


#: Columns of ``claims.csv``, one row per claim (see :func:`batch_rows`).
CLAIM_COLUMNS = (
    "article_id",
    "article_source",
    "claim_id",
    "claim",
    "sentence_index",
    "spans",
    "checkworthiness",
    "label",
    "confidence",
    "rationale",
    "best_evidence_id",
    "best_evidence_text",
    "best_evidence_source",
    "best_evidence_url",
    "best_evidence_published",
    "dense",
    "lexical",
    "score",
    "reviewed_label",
    "reviewer",
    "review_note",
    "reviewed_at",
    "final_label",
)

#: Columns of ``summary.csv``: a row per article, then a row per failed input.
SUMMARY_COLUMNS = (
    "article_id",
    "source",
    "status",
    "supported",
    "contradicted",
    "unverified",
    "total",
    "error",
)


def batch_rows(batch: BatchResult, reviews: Reviews | None = None) -> list[dict[str, Any]]:
    """One row per claim of the batch (columns :data:`CLAIM_COLUMNS`); evidence is the first hit.

    The review columns are empty for claims no reviewer has decided on; ``final_label`` is the
    reviewed label when there is one, else the machine's.
    """
    rows = []
    for result in batch.results:
        for verdict in result.verdicts:
            claim = verdict.claim
            best = verdict.evidence[0] if verdict.evidence else None
            passage = best.passage if best else None
            review = review_of(reviews, result.article.id, verdict)
            rows.append(
                {
                    "article_id": result.article.id,
                    "article_source": result.article.source,
                    "claim_id": claim.id,
                    "claim": claim.text,
                    "sentence_index": claim.sentence_index,
                    "spans": ";".join(f"{span.start}-{span.end}" for span in claim.spans),
                    "checkworthiness": rounded(claim.checkworthiness),
                    "label": verdict.label.value,
                    "confidence": rounded(verdict.confidence),
                    "rationale": verdict.rationale,
                    "best_evidence_id": passage.id if passage else None,
                    "best_evidence_text": passage.text if passage else None,
                    "best_evidence_source": passage.source if passage else None,
                    "best_evidence_url": passage.url if passage else None,
                    "best_evidence_published": passage.published if passage else None,
                    "dense": rounded(best.dense) if best else None,
                    "lexical": rounded(best.lexical) if best else None,
                    "score": rounded(best.score) if best else None,
                    "reviewed_label": review.label.value if review else None,
                    "reviewer": review.reviewer if review else None,
                    "review_note": review.note if review else None,
                    "reviewed_at": review.reviewed_at if review else None,
                    "final_label": final_label(verdict, review).value,
                }
            )
    return rows


def render_csv(batch: BatchResult, reviews: Reviews | None = None) -> str:
    """``claims.csv``: :func:`batch_rows` as RFC 4180 CSV with a header (empty cell for none)."""
    return _csv(CLAIM_COLUMNS, batch_rows(batch, reviews))


def summary_rows(batch: BatchResult) -> list[dict[str, Any]]:
    """Verdict counts per article (status "ok"), then one row per failed input (status "failed")."""
    rows: list[dict[str, Any]] = []
    for result in batch.results:
        counts = result.counts()
        rows.append(
            {
                "article_id": result.article.id,
                "source": result.article.source,
                "status": "ok",
                **{label.value: counts[label] for label in Label},
                "total": len(result.verdicts),
                "error": None,
            }
        )
    for failure in batch.failures:
        rows.append(
            {
                **dict.fromkeys(SUMMARY_COLUMNS),
                "source": failure.source,
                "status": "failed",
                "error": failure.reason,
            }
        )
    return rows


def render_summary_csv(batch: BatchResult) -> str:
    """``summary.csv``: :func:`summary_rows` as RFC 4180 CSV with a header."""
    return _csv(SUMMARY_COLUMNS, summary_rows(batch))


def _csv(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({key: guard_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


# A spreadsheet runs a cell starting with these as a formula ("=HYPERLINK(...)" in an article).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text starting with ``= + - @``, a tab
    or a carriage return gets a leading apostrophe (as does text already starting with one of
    those after an apostrophe, so :func:`unguard_cell` restores every value exactly)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) or (value.startswith("'")
                                            and value[1:].startswith(_FORMULA_START)):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    """The text :func:`guard_cell` was given."""
    body = value[1:]
    if value.startswith("'") and (body.startswith(_FORMULA_START) or (
            body.startswith("'") and body[1:].startswith(_FORMULA_START))):
        return body
    return value
