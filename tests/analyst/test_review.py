"""Reviews: overrides kept append-only, latest wins, shown beside the machine verdict in reports."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from factcheck import Review
from factcheck.errors import InputError, ReviewError
from factcheck.records import ArticleResult, BatchResult, Label
from factcheck.reports.folder import read_reports, write_reports
from factcheck.reports.reviews import REVIEWS_FILE, current_reviews, read_reviews


def _csv_rows(folder: Path) -> dict[str, dict[str, str]]:
    with open(folder / "claims.csv", encoding="utf-8", newline="") as handle:
        return {row["claim_id"]: row for row in csv.DictReader(handle)}


# Recording reviews --------------------------------------------------------------------------


def test_override_appends_a_timestamped_line_that_survives_a_restart(reports_dir: Path) -> None:
    record = Review(reports_dir).override(
        "acme-c02", "Supported", note="Munich was an earlier plan.", reviewer="  Ana  Lima "
    )
    lines = (reports_dir / REVIEWS_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    stored = json.loads(lines[0])
    assert stored == {
        "schema_version": "1", "article_id": "acme", "claim_id": "acme-c02",
        "claim": "Its factory opened in Berlin in 2021.", "label": "supported",
        "machine_label": "contradicted", "note": "Munich was an earlier plan.",
        "reviewer": "Ana Lima", "reviewed_at": record.reviewed_at,
    }  # fmt: skip
    assert datetime.fromisoformat(record.reviewed_at).utcoffset().total_seconds() == 0
    reopened = Review(reports_dir)
    assert reopened.current()[("acme", "acme-c02")] == record


def test_latest_review_of_a_claim_wins_and_history_is_kept(reports_dir: Path) -> None:
    review = Review(reports_dir)
    review.override("acme-c02", Label.SUPPORTED, note="first look", reviewer="ana")
    review.override("acme-c02", Label.UNVERIFIED, note="second look", reviewer="bo")
    assert [r.label for r in review.records()] == [Label.SUPPORTED, Label.UNVERIFIED]
    latest = review.current()[("acme", "acme-c02")]
    assert (latest.label, latest.reviewer, latest.note) == (Label.UNVERIFIED, "bo", "second look")
    assert _csv_rows(reports_dir)["acme-c02"]["final_label"] == "unverified"


def test_reviews_from_another_session_are_seen(reports_dir: Path) -> None:
    notebook, terminal = Review(reports_dir), Review(reports_dir)
    terminal.override("water-c01", "unverified", reviewer="bo")
    assert ("water", "water-c01") in notebook.current()


@pytest.mark.parametrize(
    ("claim_id", "label", "reviewer", "message"),
    [
        ("acme-c2", "supported", "ana", "no claim 'acme-c2' in the reports; did you mean"),
        ("nothing-like-it", "supported", "ana", "no claim 'nothing-like-it'.*look like 'acme-c01'"),
        ("acme-c02", "true", "ana", "unknown label 'true'; choose one of: supported, contradicted"),
        ("acme-c02", "supported", "  ", "needs the reviewer's name"),
    ],
)
def test_bad_override_is_a_clear_error_and_records_nothing(
    reports_dir: Path, claim_id: str, label: str, reviewer: str, message: str
) -> None:
    with pytest.raises(ReviewError, match=message):
        Review(reports_dir).override(claim_id, label, reviewer=reviewer)
    assert not (reports_dir / REVIEWS_FILE).exists()


def test_claim_id_in_two_articles_needs_the_article(
    review_batch: BatchResult, tmp_path: Path
) -> None:
    acme = review_batch.results[0]
    copy = ArticleResult(replace(acme.article, id="acme-copy"), acme.verdicts)
    write_reports(BatchResult((acme, copy)), tmp_path, ["json"])
    review = Review(tmp_path)
    with pytest.raises(ReviewError, match=r"in 2 articles \(acme, acme-copy\); name the article"):
        review.override("acme-c01", "unverified", reviewer="ana")
    record = review.override("acme-c01", "unverified", reviewer="ana", article_id="acme-copy")
    assert record.key == ("acme-copy", "acme-c01")


def test_a_malformed_review_line_is_named_and_skipped(reports_dir: Path) -> None:
    Review(reports_dir).override("acme-c01", "supported", reviewer="ana")
    with open(reports_dir / REVIEWS_FILE, "a", encoding="utf-8") as handle:
        handle.write('{"schema_version": "1", "label": "supported"\n')
    with pytest.warns(UserWarning, match=r"reviews.jsonl line 2: not valid JSON.*skipped"):
        current = Review(reports_dir).current()
    assert [record.label.value for record in current.values()] == ["supported"]


def test_a_review_of_a_claim_that_changed_is_stale_not_misapplied(
    review_batch: BatchResult, reports_dir: Path
) -> None:
    Review(reports_dir).override("acme-c02", "supported", reviewer="ana")
    # The article is edited and checked again: claim acme-c02 now says something else.
    acme = review_batch.results[0]
    edited = replace(acme.verdicts[1], claim=replace(acme.verdicts[1].claim, text="Other text."))
    rerun = BatchResult((ArticleResult(acme.article, (acme.verdicts[0], edited)),))
    write_reports(rerun, reports_dir, ["json", "csv"])
    review = Review(reports_dir)
    assert review.current() == {}
    assert [r.claim_id for r in review.stale()] == ["acme-c02"]
    assert review.agreement().stale == 1
    assert _csv_rows(reports_dir)["acme-c02"]["reviewed_label"] == ""


# Reports show both verdicts -----------------------------------------------------------------


def test_reports_show_machine_and_reviewed_verdicts_side_by_side(reports_dir: Path) -> None:
    Review(reports_dir).override("acme-c02", "supported", note="Berlin <confirmed>", reviewer="ana")

    claim = json.loads((reports_dir / "acme.json").read_text(encoding="utf-8"))["claims"][1]
    assert claim["verdict"]["label"] == "contradicted"
    assert claim["review"]["label"] == "supported"
    assert claim["review"]["note"] == "Berlin <confirmed>"

    markdown = (reports_dir / "acme.md").read_text(encoding="utf-8")
    assert "**CONTRADICTED** (0.82) → reviewed **SUPPORTED** by ana" in markdown
    assert r"Review note: Berlin \<confirmed\>" in markdown
    assert "| Contradicted | 1 | 0 |" in markdown

    html = (reports_dir / "acme.html").read_text(encoding="utf-8")
    assert 'class="claim supported reviewed end" data-claim="acme-c02"' in html
    assert "<th>Machine</th><th>Reviewed</th>" in html
    assert "<span class=\"badge reviewed supported\">\u2713 SUPPORTED</span> by ana" in html
    assert "Berlin &lt;confirmed&gt;" in html and "<confirmed>" not in html

    row = _csv_rows(reports_dir)["acme-c02"]
    assert (row["label"], row["reviewed_label"], row["final_label"], row["reviewer"]) == (
        "contradicted", "supported", "supported", "ana")

    untouched = (reports_dir / "water.html").read_text(encoding="utf-8")
    assert "<th>Verdict</th>" in untouched and "Reviewed:" not in untouched


def test_override_rewrites_only_the_reports_the_folder_had(
    review_batch: BatchResult, tmp_path: Path
) -> None:
    write_reports(review_batch, tmp_path, ["json", "html"])
    def visible() -> list[str]:
        return sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))

    before = visible()
    Review(tmp_path).override("acme-c03", "contradicted", reviewer="ana")
    assert visible() == sorted([*before, REVIEWS_FILE])


def test_checking_again_into_a_reviewed_folder_keeps_the_reviews(
    review_batch: BatchResult, reports_dir: Path
) -> None:
    Review(reports_dir).override("water-c01", "unverified", reviewer="bo")
    write_reports(review_batch, reports_dir, ["json", "md", "html", "csv"])
    assert _csv_rows(reports_dir)["water-c01"]["final_label"] == "unverified"
    assert "reviewed **UNVERIFIED** by bo" in (reports_dir / "water.md").read_text(
        encoding="utf-8")


# Agreement ----------------------------------------------------------------------------------


def test_agreement_counts_and_confusion(reports_dir: Path) -> None:
    review = Review(reports_dir)
    assert review.agreement().rate is None
    review.override("acme-c01", "supported", reviewer="ana")  # agrees
    review.override("acme-c02", "supported", reviewer="ana")  # contradicted -> supported
    review.override("water-c01", "unverified", reviewer="bo")  # supported -> unverified
    result = review.agreement()
    assert (result.claims, result.reviewed, result.agreed, result.overridden) == (4, 3, 1, 2)
    assert result.rate == pytest.approx(1 / 3)
    assert result.reviewers == {"ana": 2, "bo": 1}
    table = result.table()
    assert table.loc["supported", "supported"] == 1
    assert table.loc["contradicted", "supported"] == 1
    assert table.loc["supported", "unverified"] == 1
    assert int(table.to_numpy().sum()) == 3


# Reading reports back -----------------------------------------------------------------------


def test_read_reports_restores_batch_order_and_failures(
    review_batch: BatchResult, reports_dir: Path
) -> None:
    (reports_dir / "unrelated.json").write_text('{"not": "a report"}', encoding="utf-8")
    saved = read_reports(reports_dir)
    assert saved.batch == review_batch
    assert saved.stems == ("acme", "water")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such folder"),
        ("empty", "no factcheck JSON reports here"),
        ("broken", r"acme.json: not a readable JSON report"),
        ("bad label", r"acme.json: report.claims\[0\].verdict.label: unknown label"),
    ],
)
def test_read_reports_names_the_problem(reports_dir: Path, setup: str, message: str) -> None:
    path = reports_dir
    if setup == "missing":
        path = reports_dir / "nope"
    elif setup == "empty":
        path = reports_dir / "empty"
        path.mkdir()
    elif setup == "broken":
        (reports_dir / "acme.json").write_text("{", encoding="utf-8")
    else:
        report = reports_dir / "acme.json"
        report.write_text(report.read_text(encoding="utf-8").replace(
            '"label": "supported"', '"label": "true"', 1), encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_reports(path)


def test_current_reviews_ignores_reviews_of_other_batches(
    review_batch: BatchResult, reports_dir: Path
) -> None:
    Review(reports_dir).override("acme-c03", "supported", reviewer="ana")
    records = read_reviews(reports_dir / REVIEWS_FILE)
    other = BatchResult(review_batch.results[1:])
    assert current_reviews(other, records) == {}


def test_report_path_finds_an_articles_reports(reports_dir: Path) -> None:
    review = Review(reports_dir)
    assert review.report_path("water", "md") == reports_dir / "water.md"
    with pytest.raises(ReviewError, match="no article 'nope'"):
        review.report_path("nope")


def test_a_review_opens_a_folder_not_one_report(reports_dir: Path) -> None:
    with pytest.raises(ReviewError, match="opens the whole --out folder"):
        Review(reports_dir / "acme.json")
