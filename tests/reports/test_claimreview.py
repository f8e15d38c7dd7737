"""ClaimReview export: schema.org JSON-LD per claim, with the reviewed verdict when there is one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from factcheck import Review
from factcheck.records import BatchResult
from factcheck.reports.claimreview import CLAIMREVIEW_FILE, claim_reviews, export_claimreview


@pytest.fixture
def items(review_batch: BatchResult) -> dict[str, dict]:
    exported = claim_reviews(review_batch, author="Acme Checks", published=date(2026, 11, 26))
    return {item["identifier"]: item for item in exported}


def test_every_claim_becomes_a_claim_review_with_the_required_fields(
    items: dict[str, dict],
) -> None:
    assert list(items) == ["acme-c01", "acme-c02", "acme-c03", "water-c01"]
    item = items["acme-c02"]
    assert item["@context"] == "https://schema.org"
    assert item["@type"] == "ClaimReview"
    assert item["claimReviewed"] == "Its factory opened in Berlin in 2021."
    assert item["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 3,
                                    "worstRating": 1, "alternateName": "Contradicted"}
    assert item["itemReviewed"] == {"@type": "Claim", "appearance": [
        {"@type": "CreativeWork", "headline": "Acme news", "url": "https://news.example/acme"}]}
    assert item["author"] == {"@type": "Organization", "name": "Acme Checks"}
    assert item["datePublished"] == "2026-11-26"
    assert item["reviewBody"] == "Reuters says Munich, not Berlin."
    assert [c.get("url") for c in item["citation"]] == [
        "https://example.com/munich", "https://example.com/acme-report"]


@pytest.mark.parametrize(
    ("claim_id", "rating", "name"),
    [("acme-c01", 3, "Supported"), ("acme-c02", 1, "Contradicted"), ("acme-c03", 2, "Unverified")],
)
def test_rating_names_the_verdict(
    items: dict[str, dict], claim_id: str, rating: int, name: str
) -> None:
    assert (items[claim_id]["reviewRating"]["ratingValue"],
            items[claim_id]["reviewRating"]["alternateName"]) == (rating, name)


def test_an_article_from_a_file_has_no_appearance_url(items: dict[str, dict]) -> None:
    assert items["water-c01"]["itemReviewed"]["appearance"] == [
        {"@type": "CreativeWork", "headline": "Boiling"}]
    assert "url" not in items["water-c01"]["citation"][0]


def test_export_uses_the_reviewed_verdict(reports_dir: Path) -> None:
    record = Review(reports_dir).override("acme-c02", "supported", note="Berlin is right.",
                                          reviewer="Ana Lima")
    path, count = export_claimreview(reports_dir, published=date(2026, 1, 1))
    assert (path, count) == (reports_dir / CLAIMREVIEW_FILE, 4)
    exported = {item["identifier"]: item for item in json.loads(path.read_text("utf-8"))}
    item = exported["acme-c02"]
    assert item["reviewRating"]["alternateName"] == "Supported"
    assert item["reviewRating"]["ratingValue"] == 3
    assert item["author"] == {"@type": "Person", "name": "Ana Lima"}
    assert item["datePublished"] == record.reviewed_at[:10]
    assert item["reviewBody"].startswith("Berlin is right. (Automated check: contradicted.")
    assert exported["acme-c01"]["datePublished"] == "2026-01-01"


def test_export_writes_where_asked_and_leaves_the_reports_loadable(
    reports_dir: Path, tmp_path: Path
) -> None:
    path, _ = export_claimreview(reports_dir, tmp_path / "out" / "feed.jsonld")
    assert path.exists()
    export_claimreview(reports_dir)  # into the reports folder, next to the JSON reports
    assert len(Review(reports_dir).batch.results) == 2
