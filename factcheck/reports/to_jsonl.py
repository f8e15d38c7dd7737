"""JSON Lines: one JSON object per claim of a batch, for ``jq`` and log pipelines.

Each line is a claim object of the JSON report (:func:`factcheck.reports.to_json.article_to_dict`)
with an ``article`` object (``id``, ``source``, ``title``, ``published``) in front of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from factcheck.records import ArticleResult, BatchResult
from factcheck.reports.to_json import article_to_dict

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews


def claim_objects(
    result: ArticleResult, reviews: Reviews | None = None
) -> Iterator[dict[str, Any]]:
    """One JSON-ready object per claim of the article, its article named in each."""
    data = article_to_dict(result, reviews)
    article = {key: data["article"][key] for key in ("id", "source", "title", "published")}
    for claim in data["claims"]:
        yield {"article": article, **claim}


def jsonl_lines(result: ArticleResult, reviews: Reviews | None = None) -> Iterator[str]:
    """The article's claims as JSON Lines (each line without its newline)."""
    for item in claim_objects(result, reviews):
        yield json.dumps(item, ensure_ascii=False)


def render_jsonl(batch: BatchResult, reviews: Reviews | None = None) -> str:
    """Every claim of the batch, one JSON object per line (``claims.jsonl``)."""
    return "".join(line + "\n" for result in batch.results for line in jsonl_lines(result, reviews))
