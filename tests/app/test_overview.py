"""The batch overview renderer: every claim listed, text escaped, filters, links, index.html."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from factcheck.analyst.review import Review, current_reviews, read_reviews
from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Hit,
    Label,
    Passage,
    Span,
    Verdict,
)
from factcheck.reports.folder import write_reports
from factcheck.reports.overview import (
    OVERVIEW_FILE,
    STATIC_CSP,
    Filters,
    ReviewActions,
    claim_rows,
    render_overview,
)

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class _Page(HTMLParser):
    """What a browser would build: element tags, the claim rows and the page's text."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "tr" and dict(attrs).get("id", "").startswith("row-"):
            self.rows.append(dict(attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def scripts(self) -> int:
        return sum(tag == "script" for tag, _ in self.tags)

    def hrefs(self) -> list[str]:
        return [attrs["href"] or "" for tag, attrs in self.tags if tag == "a" and "href" in attrs]


@pytest.fixture
def hostile_batch() -> BatchResult:
    """An article whose title, text, claim, rationale and evidence all carry markup."""
    text = f"Acme said {HOSTILE} in 2023."
    article = Article("evil", text, "javascript:alert(1)", f"Title {HOSTILE}")
    claim = Claim("evil-c01", "evil", f"Acme said {HOSTILE}", 0, (Span(0, len(text)),), 0.9)
    passage = Passage("p1", f"Evidence {HOSTILE}", f"Source {HOSTILE}", "javascript:alert(2)",
                      HOSTILE, "2024", "e.jsonl:1")
    verdict = Verdict(claim, Label.CONTRADICTED, 0.7, (Hit(passage, 1, 0.5, 0.5, 0.5),),
                      f"Rationale {HOSTILE}", "rules")
    return BatchResult((ArticleResult(article, (verdict,)),))


def test_static_overview_lists_every_claim_and_links_to_its_place(review_batch, reports_dir):
    page = (reports_dir / OVERVIEW_FILE).read_text(encoding="utf-8")
    parsed = _Page(page)
    claims = {(r.article.id, v.claim.id) for r in review_batch.results for v in r.verdicts}
    assert len(parsed.rows) == len(claims) == 4
    for result in review_batch.results:
        for index, verdict in enumerate(result.verdicts):
            assert verdict.claim.text in "".join(parsed.text)
            assert f"{result.article.id}.html#claim-{index}" in parsed.hrefs()
            # the anchor exists in the article report
            assert f'id="claim-{index}"' in (reports_dir / f"{result.article.id}.html").read_text()
    assert {"acme.html", "water.html"} <= set(parsed.hrefs())
    # static: no review forms, its filter script pinned by the CSP, and the failed input listed
    assert not any(tag == "form" and attrs.get("method") == "post" for tag, attrs in parsed.tags)
    assert parsed.scripts() == 1 and f'content="{STATIC_CSP}"' in page
    assert "missing.txt" in "".join(parsed.text)


def test_every_piece_of_text_is_escaped(hostile_batch, tmp_path: Path):
    write_reports(hostile_batch, tmp_path, ["json", "html"])
    Review(tmp_path).override("evil-c01", "supported", reviewer=f"ana {HOSTILE}",
                              note=f"note {HOSTILE}")
    for actions in (None, ReviewActions(token='tok"en', reviewer=HOSTILE, notice=HOSTILE)):
        saved = Review(tmp_path)
        page = render_overview(saved.batch, saved.current(), saved.saved.stems,
                               filters=Filters(query=HOSTILE[:20]), actions=actions)
        parsed = _Page(page)
        assert "<script>alert" not in page and "<img" not in page
        assert parsed.scripts() == (0 if actions else 1)  # only the page's own filter script
        assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
        assert not any(href.startswith("javascript:") for href in parsed.hrefs())
        text = "".join(parsed.text)
        assert f"Acme said {HOSTILE}" in text and f"note {HOSTILE}" in text
        assert "ana <script>" in text
    # the static index.html was rewritten by the override, escaped too
    static = (tmp_path / OVERVIEW_FILE).read_text(encoding="utf-8")
    assert "<script>alert" not in static and "&lt;script&gt;alert" in static


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"acme-c01", "acme-c02", "acme-c03", "water-c01"}),
        ({"label": "contradicted"}, {"acme-c02", "acme-c03"}),  # acme-c03 as reviewed
        ({"label": "SUPPORTED"}, {"acme-c01", "water-c01"}),
        ({"min": "0.5"}, {"acme-c01", "acme-c02"}),
        ({"max": "0.4"}, {"acme-c03", "water-c01"}),
        ({"min": "0.3", "max": "0.85"}, {"acme-c02", "acme-c03", "water-c01"}),
        ({"article": "water"}, {"water-c01"}),
        ({"q": "munich"}, {"acme-c02"}),
        ({"q": "ACME  2023"}, {"acme-c01"}),
        ({"q": "boiling"}, {"water-c01"}),  # the article title
        ({"reviewed": "no"}, {"acme-c01", "acme-c02", "water-c01"}),
        ({"reviewed": "yes"}, {"acme-c03"}),
        ({"label": "unverified"}, set()),  # acme-c03 was reviewed: contradicted now
        ({"q": "hired 700"}, {"acme-c03"}),  # the review note
        ({"label": "nonsense", "min": "abc", "max": "nan", "reviewed": "maybe"},
         {"acme-c01", "acme-c02", "acme-c03", "water-c01"}),
    ],
)
def test_filters_on_the_app_page(review_batch, reports_dir, query, expected):
    Review(reports_dir).override("acme-c03", "contradicted", note="They hired 700.",
                                 reviewer="ana")
    reviews = current_reviews(review_batch, read_reviews(reports_dir / "reviews.jsonl"))
    filters = Filters.from_query(query)
    page = render_overview(review_batch, reviews, filters=filters,
                           actions=ReviewActions(token="t"))
    listed = set(re.findall(r'<span class="small">((?:acme|water)-c\d\d)</span>', page))
    assert listed == expected
    assert {r.verdict.claim.id for r in claim_rows(review_batch, reviews)
            if filters.matches(r)} == expected
    # each listed claim gets a review form carrying the token and the filters to come back to
    assert page.count('<form method="post" action="/review">') == len(expected)
    assert page.count('name="back" value="' + filters.to_query().replace("&", "&amp;")) == len(
        expected)


def test_filters_round_trip_through_the_query_string():
    filters = Filters(Label.CONTRADICTED, 0.25, 0.9, "acme", False, "factory")
    assert Filters.from_query(dict(parse_qsl(filters.to_query()))) == filters
    assert Filters().to_query() == ""
    assert Filters.from_query({"min": "-3", "max": "7"}) == Filters(None, 0.0, 1.0)


def test_the_app_page_links_to_article_pages_and_keeps_the_chosen_filters(review_batch):
    filters = Filters(label=Label.SUPPORTED, article="acme", reviewed=False, query="cars")
    page = render_overview(review_batch, filters=filters, actions=ReviewActions(token="t"))
    hrefs = _Page(page).hrefs()
    assert "/articles/acme#claim-0" in hrefs and "/articles/water" in hrefs
    assert '<option value="supported" selected>' in page
    assert '<option value="acme" selected>' in page
    assert '<option value="no" selected>' in page
    assert 'name="q" value="cars"' in page
    assert "<script" not in page


def test_an_article_called_index_does_not_overwrite_the_overview(tmp_path: Path):
    text = "Acme sold 5,000 cars in 2023."
    claim = Claim("index-c01", "index", text, 0, (Span(0, len(text)),), 0.8)
    result = ArticleResult(Article("index", text, "index.txt", "Index"),
                           (Verdict(claim, Label.UNVERIFIED, 0.3, (), "Nothing.", "rules"),))
    written = [p.name for p in write_reports(BatchResult((result,)), tmp_path, ["json", "html"])]
    assert written == ["index-2.json", "index-2.html", "index.html"]
    assert 'href="index-2.html#claim-0"' in (tmp_path / "index.html").read_text()


def test_overview_is_written_only_with_html(review_batch, tmp_path: Path):
    write_reports(review_batch, tmp_path / "a", ["json", "csv"])
    assert not (tmp_path / "a" / OVERVIEW_FILE).exists()
    write_reports(review_batch, tmp_path / "b", ["html"])
    assert (tmp_path / "b" / OVERVIEW_FILE).exists()
