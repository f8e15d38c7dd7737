"""DataFrames and Jupyter HTML: one row per claim, alike from a live run and from saved reports."""

from __future__ import annotations

import shutil
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import factcheck
from factcheck import Review
from factcheck.analyst.frame import FRAME_COLUMNS, ClaimView, evidence_frame, frame_html, to_frame
from factcheck.records import ArticleResult, BatchResult, Label
from factcheck.reports.folder import (
    CLAIM_COLUMNS,
    LABEL_BACKGROUNDS,
    LABEL_ICONS,
    write_reports,
)


class _Tags(HTMLParser):
    """Start tags with attributes, and the page text."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_to_frame_has_one_row_per_claim_with_the_issue_columns(review_batch: BatchResult) -> None:
    frame = factcheck.to_frame(review_batch)
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert [c for c in FRAME_COLUMNS if c not in ("start", "end")] == list(CLAIM_COLUMNS)
    assert list(frame["claim_id"]) == ["acme-c01", "acme-c02", "acme-c03", "water-c01"]
    c2 = frame.set_index("claim_id").loc["acme-c02"]
    assert c2["article_id"] == "acme"
    assert c2["claim"] == "Its factory opened in Berlin in 2021."
    assert (c2["start"], c2["end"], c2["spans"]) == (30, 67, ((30, 67),))
    assert (c2["label"], c2["confidence"]) == ("contradicted", 0.82)
    assert c2["best_evidence_text"] == "Acme opened its factory in Munich in 2021."
    assert (c2["best_evidence_source"], c2["best_evidence_url"]) == (
        "Reuters", "https://example.com/munich")
    assert c2["rationale"] == "Reuters says Munich, not Berlin."
    assert (c2["score"], c2["dense"], c2["lexical"]) == (0.61, 0.6, 0.4)
    assert pd.isna(c2["reviewed_label"]) and c2["final_label"] == "contradicted"


def test_to_frame_types_suit_filtering_and_plotting(review_batch: BatchResult) -> None:
    frame = factcheck.to_frame(review_batch)
    assert list(frame["label"].cat.categories) == ["supported", "contradicted", "unverified"]
    assert frame["confidence"].dtype == "float64"
    assert pd.isna(frame.loc[2, "score"])  # no evidence for acme-c03
    doubtful = frame[(frame["label"] == "contradicted") | (frame["confidence"] < 0.5)]
    assert list(doubtful["claim_id"]) == ["acme-c02", "acme-c03", "water-c01"]
    per_article = pd.crosstab(frame["article_id"], frame["label"])
    assert per_article.loc["acme"].tolist() == [1, 1, 1]


def test_article_result_and_empty_results_give_frames(review_batch: BatchResult) -> None:
    acme = review_batch.results[0]
    assert list(factcheck.to_frame(acme)["claim_id"]) == ["acme-c01", "acme-c02", "acme-c03"]
    empty = to_frame(BatchResult(()))
    assert list(empty.columns) == list(FRAME_COLUMNS) and empty.empty


def test_spans_are_numbers_and_slice_the_article(review_batch: BatchResult) -> None:
    frame = factcheck.to_frame(review_batch)
    assert frame["start"].dtype == "int64" and frame["end"].dtype == "int64"
    texts = {r.article.id: r.article.text for r in review_batch.results}
    for row in frame.itertuples():
        assert texts[row.article_id][row.start:row.end].rstrip(".") in row.claim


def test_compact_frame_is_a_readable_width(review_batch: BatchResult, reports_dir: Path) -> None:
    compact = factcheck.to_frame(review_batch, compact=True)
    assert list(compact.columns) == list(factcheck.COMPACT_COLUMNS)
    assert len(compact.columns) <= 8
    assert list(factcheck.load_results(reports_dir, compact=True).columns) == list(
        factcheck.COMPACT_COLUMNS)


def test_evidence_frame_has_a_row_per_claim_and_passage(review_batch: BatchResult,
                                                        reports_dir: Path) -> None:
    frame = factcheck.evidence_frame(review_batch)
    expected = [(v.claim.id, hit.passage.id) for v in review_batch.verdicts()
                for hit in v.evidence]
    assert list(zip(frame["claim_id"], frame["passage_id"], strict=True)) == expected
    assert list(frame.columns[:4]) == ["article_id", "claim_id", "claim", "label"]
    saved = factcheck.evidence_frame(reports_dir)
    assert list(saved["passage_id"]) == list(frame["passage_id"])


def test_load_results_gives_the_same_frame_as_the_live_run(
    review_batch: BatchResult, reports_dir: Path
) -> None:
    pd.testing.assert_frame_equal(factcheck.load_results(reports_dir),
                                  factcheck.to_frame(review_batch))
    one = factcheck.load_results(reports_dir / "water.json")
    pd.testing.assert_frame_equal(one, factcheck.to_frame(review_batch.results[1]))


def test_load_results_fills_in_the_reviews(reports_dir: Path) -> None:
    Review(reports_dir).override("acme-c03", "contradicted", note="They hired 700.",
                                 reviewer="ana")
    frame = factcheck.load_results(reports_dir).set_index("claim_id")
    row = frame.loc["acme-c03"]
    assert (row["label"], row["reviewed_label"], row["final_label"]) == (
        "unverified", "contradicted", "contradicted")
    assert (row["reviewer"], row["review_note"]) == ("ana", "They hired 700.")
    assert row["reviewed_at"].tzinfo is not None
    assert frame["reviewed_label"].notna().sum() == 1


def test_load_results_keeps_batch_order_not_file_order(
    review_batch: BatchResult, tmp_path: Path
) -> None:
    water, acme = review_batch.results[1], review_batch.results[0]
    write_reports(BatchResult((water, acme)), tmp_path, ["json", "csv"])
    assert list(factcheck.load_results(tmp_path)["article_id"].unique()) == ["water", "acme"]


def test_html_table_is_colour_coded_escaped_and_links_only_http(
    review_batch: BatchResult,
) -> None:
    acme = review_batch.results[0]
    hostile = replace(acme.verdicts[0].claim, text='Acme <script>alert("x")</script> sold cars.')
    passage = replace(acme.verdicts[0].evidence[0].passage, url="javascript:alert(1)")
    hit = replace(acme.verdicts[0].evidence[0], passage=passage)
    result = ArticleResult(acme.article, (replace(acme.verdicts[0], claim=hostile, evidence=(hit,)),
                                          *acme.verdicts[1:]))
    html = factcheck.show(result)._repr_html_()
    assert "<script>" not in html
    page = _Tags(html)
    assert 'Acme <script>alert("x")</script> sold cars.' in "".join(page.text)
    assert {a["href"] for t, a in page.tags if t == "a"} == {"https://example.com/munich"}
    rows = [a["style"] for t, a in page.tags if t == "tr" and a.get("style")]
    assert rows == [f"background:{LABEL_BACKGROUNDS[label]}" for label in Label]
    for label in Label:
        assert f"{LABEL_ICONS[label]} {label.value.upper()}</span>" in html


def test_html_shows_both_verdicts_for_reviewed_claims(reports_dir: Path) -> None:
    review = Review(reports_dir)
    review.override("acme-c02", "supported", reviewer="ana")
    html = review._repr_html_()
    assert "opacity:.6" in html  # the overruled machine badge, dimmed, before the reviewed one
    assert html.count("→") == 1


def test_batch_html_lists_failed_inputs(review_batch: BatchResult) -> None:
    html = factcheck.show(review_batch)._repr_html_()
    assert "4 claims in 2 articles" in html
    assert "missing.txt: no such file" in html


def test_long_frames_are_cut_with_a_note(review_batch: BatchResult) -> None:
    html = frame_html(factcheck.to_frame(review_batch), max_rows=2)
    assert html.count("<tr style=") == 2
    assert "… 2 more rows" in html


def test_claim_view_shows_every_evidence_passage(reports_dir: Path) -> None:
    view = Review(reports_dir).claim("acme-c02")
    assert isinstance(view, ClaimView) and view.review is None
    assert list(view.evidence["passage_id"]) == ["p2", "p1"]
    html = view._repr_html_()
    assert "Acme opened its factory in Munich in 2021." in html
    assert "Acme&#x27;s annual report" in html
    assert "Not reviewed." in html
    assert list(evidence_frame(view.verdict).columns)[:3] == ["rank", "passage_id", "text"]


def test_load_results_needs_reports(tmp_path: Path) -> None:
    with pytest.raises(factcheck.InputError, match="no factcheck JSON reports here"):
        factcheck.load_results(tmp_path)


def test_load_results_reads_a_copied_folder(reports_dir: Path, tmp_path: Path) -> None:
    Review(reports_dir).override("water-c01", "unverified", reviewer="bo")
    copy = shutil.copytree(reports_dir, tmp_path / "copy")
    assert factcheck.load_results(copy)["reviewed_label"].notna().sum() == 1
