"""ClaimReview export: every checked claim as schema.org ClaimReview JSON-LD, reviews applied.

Each item carries ``claimReviewed`` (the claim text), ``reviewRating`` (a 1-3 rating whose
``alternateName`` is the verdict), ``itemReviewed`` (a ``Claim`` whose ``appearance`` is the
article), ``author``, ``datePublished``, ``reviewBody`` and the evidence as ``citation``. When a
reviewer has decided on a claim, the reviewed verdict is exported, with the reviewer as author and
the review date; otherwise the machine verdict, by the ``author`` organisation.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.files import write_atomic
from factcheck.records import Article, BatchResult, Label, Passage, Verdict
from factcheck.reports.folder import http_url, read_reports
from factcheck.reports.reviews import REVIEWS_FILE, ReviewRecord, current_reviews, read_reviews

if TYPE_CHECKING:
    from factcheck.reports.folder import Reviews

#: Where :func:`export_claimreview` writes, in the reports folder, by default.
CLAIMREVIEW_FILE = "claimreview.jsonld"

#: Each verdict's ``ratingValue`` (worst 1, best 3) and ``alternateName``.
RATINGS = {
    Label.SUPPORTED: (3, "Supported"),
    Label.UNVERIFIED: (2, "Unverified"),
    Label.CONTRADICTED: (1, "Contradicted"),
}


def claim_reviews(
    batch: BatchResult,
    reviews: Reviews | None = None,
    *,
    author: str = "factcheck",
    published: date | None = None,
) -> list[dict[str, Any]]:
    """One ClaimReview JSON-LD object per claim of the batch, in article and claim order.

    Args:
        batch: the checked articles.
        reviews: the reviews in force, by ``(article_id, claim_id)``; default none.
        author: the organisation named as author of machine verdicts.
        published: ``datePublished`` of machine verdicts (default: today, UTC); a reviewed claim
            takes its review's date.

    Returns:
        JSON-ready dicts, each with its own ``@context``.
    """
    day = (published or datetime.now(UTC).date()).isoformat()
    items = []
    for result in batch.results:
        for verdict in result.verdicts:
            review = reviews.get((result.article.id, verdict.claim.id)) if reviews else None
            items.append(_claim_review(result.article, verdict, review, author, day))
    return items


def _claim_review(
    article: Article, verdict: Verdict, review: ReviewRecord | None, author: str, day: str
) -> dict[str, Any]:
    label = review.label if review is not None else verdict.label
    value, name = RATINGS[label]
    appearance: dict[str, Any] = {"@type": "CreativeWork", "headline": article.title or article.id}
    if url := http_url(article.source):
        appearance["url"] = url
    body = verdict.rationale
    if review is not None:
        body = (f"{review.note or f'Reviewed as {label.value}.'} "
                f"(Automated check: {verdict.label.value}. {verdict.rationale})")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": verdict.claim.id,
        "claimReviewed": verdict.claim.text,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 3,
            "worstRating": 1,
            "alternateName": name,
        },
        "itemReviewed": {"@type": "Claim", "appearance": [appearance]},
        "author": (
            {"@type": "Person", "name": review.reviewer}
            if review is not None
            else {"@type": "Organization", "name": author}
        ),
        "datePublished": review.reviewed_at[:10] if review is not None else day,
        "reviewBody": body,
        "citation": [_citation(hit.passage) for hit in verdict.evidence],
    }


def _citation(passage: Passage) -> dict[str, Any]:
    cited: dict[str, Any] = {"@type": "CreativeWork", "name": passage.title or passage.id,
                             "publisher": passage.source}
    if url := http_url(passage.url):
        cited["url"] = url
    if passage.published:
        cited["datePublished"] = passage.published
    return cited


def export_claimreview(
    folder: str | Path,
    out: str | Path | None = None,
    *,
    author: str = "factcheck",
    published: date | None = None,
) -> tuple[Path, int]:
    """Write the ClaimReview JSON-LD of a saved batch, with its reviews in force, as a JSON array.

    Args:
        folder: a ``factcheck check --out`` folder.
        out: the file to write (default ``<folder>/claimreview.jsonld``).
        author: see :func:`claim_reviews`.
        published: see :func:`claim_reviews`.

    Returns:
        The path written and the number of ClaimReview items in it.

    Raises:
        InputError: the folder holds no readable reports.
        ReviewError: a malformed line in the folder's ``reviews.jsonl``.
    """
    saved = read_reports(folder)
    reviews = current_reviews(saved.batch, read_reviews(saved.folder / REVIEWS_FILE))
    items = claim_reviews(saved.batch, reviews, author=author, published=published)
    path = Path(out) if out is not None else saved.folder / CLAIMREVIEW_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    return path, len(items)
