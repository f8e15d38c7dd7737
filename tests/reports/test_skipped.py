"""The "Not checked" part of a report: checkable sentences the splitter did not turn into claims
appear in JSON (``skipped``), Markdown and HTML, each with its reason."""

from __future__ import annotations

import json

import pytest

from factcheck.records import Article, ArticleResult, Claim, Label, Skipped, Span, Verdict
from factcheck.reports.folder import (
    article_from_dict,
    render_html,
    render_json,
    render_markdown,
)

TEXT = "Acme sold 5,000 cars in 2023. Will Acme open a plant in Berlin in 2026?"
QUESTION = "Will Acme open a plant in Berlin in 2026?"


@pytest.fixture
def result() -> ArticleResult:
    claim = Claim("c1", "a", "Acme sold 5,000 cars in 2023.", 0, (Span(0, 29),), 0.8)
    verdict = Verdict(claim, Label.UNVERIFIED, 0.6, (), "No passage reports Acme's sales.", "rules")
    start = TEXT.index(QUESTION)
    span = Span(start, start + len(QUESTION))
    skipped = (Skipped(QUESTION, span, "a question, not a statement"),)
    return ArticleResult(Article("a", TEXT, "a.txt", "Acme"), (verdict,), skipped)


def test_json_lists_skipped_sentences_and_reads_them_back(result: ArticleResult) -> None:
    data = json.loads(render_json(result))
    start = TEXT.index(QUESTION)
    assert data["skipped"] == [{"text": QUESTION, "start": start, "end": start + len(QUESTION),
                                "reason": "a question, not a statement"}]
    assert article_from_dict(data) == result


def test_a_report_without_skipped_reads_back_with_none(result: ArticleResult) -> None:
    data = json.loads(render_json(result))
    del data["skipped"]  # reports written before the field existed
    assert article_from_dict(data).skipped == ()


def test_markdown_and_html_show_a_not_checked_section(result: ArticleResult) -> None:
    markdown = render_markdown(result)
    assert "## Not checked" in markdown
    assert "Will Acme open a plant in Berlin in 2026? — a question, not a statement" in markdown
    page = render_html(result)
    assert "<h2>Not checked</h2>" in page and "a question, not a statement" in page


def test_nothing_skipped_means_no_section(result: ArticleResult) -> None:
    plain = ArticleResult(result.article, result.verdicts)
    assert "Not checked" not in render_markdown(plain)
    assert "Not checked" not in render_html(plain)
    assert json.loads(render_json(plain))["skipped"] == []
