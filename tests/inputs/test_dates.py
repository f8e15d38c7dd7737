"""A fetched page's publication date: found in its metadata and carried into every report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.inputs.articles import iter_articles
from factcheck.inputs.dates import published_date
from factcheck.records import ArticleResult, BatchResult
from factcheck.reports.folder import read_reports, write_reports

BODY = ("<body><article><h1>Xiaomi opens its plant</h1><p>Xiaomi's Beijing plant can build "
        "150,000 cars a year, the company said this year.</p></article></body>")


@pytest.mark.parametrize(("head", "expected"), [
    ('<meta property="article:published_time" content="2024-03-28T09:00:00+08:00">',
     "2024-03-28"),
    ('<meta name="pubdate" content="2023-12-28">', "2023-12-28"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
     '[{"@type": "NewsArticle", "datePublished": "2021-11-27T10:00:00Z"}]}</script>',
     "2021-11-27"),
    ('<script type="application/ld+json">[{"datePublished": "2022-01-05"}]</script>',
     "2022-01-05"),
    ("", None),
    ('<meta property="article:published_time" content="yesterday">', None),
])
def test_published_date_from_the_page(head: str, expected: str | None) -> None:
    assert published_date(f"<html><head>{head}</head>{BODY}</html>") == expected


def test_time_element_marked_as_publication() -> None:
    html = f'<html>{BODY}<time itemprop="datePublished" datetime="2020-03-30">30 March</time>'
    assert published_date(html) == "2020-03-30"


def test_html_article_carries_its_date_into_the_reports(tmp_path: Path) -> None:
    page = tmp_path / "plant.html"
    page.write_text('<html><head><meta property="article:published_time" '
                    f'content="2024-03-28T09:00:00Z"></head>{BODY}</html>', encoding="utf-8")
    article = next(iter_articles([str(page)]))
    assert article.published == "2024-03-28"
    out = tmp_path / "reports"
    write_reports(BatchResult((ArticleResult(article, ()),)), out, ["json", "md", "html"])
    assert json.loads((out / "plant.json").read_text())["article"]["published"] == "2024-03-28"
    assert "Published: 2024-03-28" in (out / "plant.md").read_text()
    assert "Published: 2024-03-28" in (out / "plant.html").read_text()
    assert read_reports(out).batch.results[0].article.published == "2024-03-28"
