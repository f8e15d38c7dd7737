"""Report stage: JSON round trip, escaping in HTML and Markdown, CSV shape, writing files."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factcheck.errors import ConfigError, InputError
from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Failure,
    Hit,
    Label,
    Passage,
    Span,
    Verdict,
)
from factcheck.reports import folder as report
from factcheck.reports.folder import (
    LABEL_BACKGROUNDS,
    LABEL_COLOURS,
    REPORT_SCHEMA_VERSION,
    article_from_dict,
    article_to_dict,
    batch_rows,
    render_csv,
    render_html,
    render_json,
    render_markdown,
    render_summary_csv,
    summary_rows,
    write_reports,
)

HOSTILE_TEXT = (
    'Acme sold 5,000 cars in 2023, its "CEO" said <script>alert(1)</script>.\n'
    "The factory <img src=x onerror=alert(1)> opened in Berlin in 2021 & hired 900 people.\n"
    "Revenue doubled."
)


def _span(text: str, fragment: str) -> Span:
    start = text.index(fragment)
    return Span(start, start + len(fragment))


def _passage(pid: str, text: str, url: str | None, **extra: str | None) -> Passage:
    fields = {"source": "Reuters", "title": None, "published": None, "origin": "corpus.csv:2"}
    fields.update(extra)
    return Passage(id=pid, text=text, url=url, **fields)


@pytest.fixture
def hostile_result() -> ArticleResult:
    """Three claims, one per label: c1 and c2 overlap, c2's second span touches c3's span."""
    text = HOSTILE_TEXT
    c1 = Claim(
        "c1", "a1", "Acme sold 5,000 cars in 2023.", 0, (_span(text, "Acme sold 5,000 cars"),), 0.9
    )
    c2 = Claim(
        "c2",
        "a1",
        'Acme\'s factory opened in "Berlin", <b onerror=alert(1)>2021</b>.',
        1,
        (_span(text, "cars in 2023"), _span(text, "opened in Berlin in 2021")),
        0.75,
    )
    c3 = Claim("c3", "a1", "Acme hired 900 people.", 1, (_span(text, " & hired 900 people"),), 0.5)
    good = _passage(
        "p1",
        "Acme delivered 5,000 cars, its annual report says.",
        "https://example.com/acme?year=2023&lang=en",
        title="Acme, annual report",
        published="2024-01-15",
    )
    hostile = _passage(
        "p2",
        'Factory opened in Munich, "2021".\n<script>alert(1)</script> onerror=alert(1)',
        "javascript:alert(1)",
        source="Blog <i>x</i>",
        title="<img src=x onerror=alert(1)>",
    )
    verdicts = (
        Verdict(
            c1, Label.SUPPORTED, 0.9123, (Hit(good, 1, 0.8123, 0.7, 0.55),), "Matches p1.", "nli"
        ),
        Verdict(
            c2,
            Label.CONTRADICTED,
            0.82,
            (Hit(hostile, 1, 0.61, 0.6, 0.4), Hit(good, 2, 0.3, 0.25, 0.1)),
            'p2 says Munich, not Berlin; see <script>alert("r")</script>',
            "nli",
        ),
        Verdict(c3, Label.UNVERIFIED, 0.4, (), "No passage mentions hiring.", "nli"),
    )
    article = Article("a1", text, "articles/acme.txt", "Acme <script>alert(1)</script> news")
    return ArticleResult(article, verdicts)


@pytest.fixture
def plain_result() -> ArticleResult:
    text = "Water boils at 100 degrees at sea level."
    claim = Claim(
        "c1", "news/2", "Water boils at 100 degrees at sea level.", 0, (Span(0, 39),), 1.0
    )
    passage = _passage("p9", "At sea level water boils at 100 °C.", "http://physics.example/boil")
    verdict = Verdict(
        claim, Label.SUPPORTED, 0.95, (Hit(passage, 1, 0.9, 0.9, 0.8),), "Same fact.", "nli"
    )
    return ArticleResult(Article("news/2", text, "https://news.example/2", "Boiling"), (verdict,))


@pytest.fixture
def batch(hostile_result: ArticleResult, plain_result: ArticleResult) -> BatchResult:
    failure = Failure("missing.txt", "missing.txt: no such file; check the path")
    return BatchResult((hostile_result, plain_result), (failure,))


class _Page(HTMLParser):
    """Every start tag with its attributes, plus the text inside <article>."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.article_text: list[str] = []
        self.raw: dict[str, list[str]] = {"style": [], "script": []}
        self._inside: str | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("article", "style", "script"):
            self._inside = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside == "article":
            self.article_text.append(data)
        elif self._inside in self.raw:
            self.raw[self._inside].append(data)

    def marks(self) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == "mark"]


# JSON ---------------------------------------------------------------------------------------


def test_json_round_trips_every_article(batch: BatchResult) -> None:
    for result in batch.results:
        assert article_from_dict(json.loads(render_json(result))) == result


def test_json_carries_version_summary_and_quotes(hostile_result: ArticleResult) -> None:
    data = json.loads(render_json(hostile_result))
    assert data["schema_version"] == REPORT_SCHEMA_VERSION
    assert data["article"]["length"] == len(HOSTILE_TEXT)
    assert data["article"]["text_sha256"] == hashlib.sha256(HOSTILE_TEXT.encode()).hexdigest()
    assert data["summary"] == {"supported": 1, "contradicted": 1, "unverified": 1, "total": 3}
    c2 = data["claims"][1]
    assert c2["quote"] == "cars in 2023 … opened in Berlin in 2021"
    assert c2["spans"] == [[16, 28], [HOSTILE_TEXT.index("opened"), HOSTILE_TEXT.index(" & hired")]]
    assert c2["verdict"]["evidence"][0]["url"] == "javascript:alert(1)"
    assert c2["verdict"]["label"] == "contradicted"


def test_json_rounds_floats_to_four_decimals(plain_result: ArticleResult) -> None:
    verdict = plain_result.verdicts[0]
    noisy = ArticleResult(
        plain_result.article,
        (Verdict(verdict.claim, verdict.label, 0.123456789, verdict.evidence, "", "nli"),),
    )
    assert article_to_dict(noisy)["claims"][0]["verdict"]["confidence"] == 0.1235


def test_report_without_text_reloads_with_given_text(plain_result: ArticleResult) -> None:
    data = article_to_dict(plain_result)
    del data["article"]["text"]
    assert article_from_dict(data, article_text=plain_result.article.text) == plain_result
    with pytest.raises(InputError, match="pass the article text"):
        article_from_dict(data)


def _break(data: dict, change: str) -> None:
    if change == "version":
        data["schema_version"] = "2.0"
    elif change == "no version":
        del data["schema_version"]
    elif change == "missing key":
        del data["claims"][0]["verdict"]["rationale"]
    elif change == "bad label":
        data["claims"][0]["verdict"]["label"] = "true"
    elif change == "bad span":
        data["claims"][0]["spans"] = [[1]]
    elif change == "bad type":
        data["claims"][0]["sentence_index"] = "first"
    elif change == "edited text":
        data["article"]["text"] += " Edited."


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("version", "schema_version '2.0' is not supported"),
        ("no version", "missing 'schema_version'"),
        ("missing key", r"claims\[0\]\.verdict: missing key 'rationale'"),
        ("bad label", "unknown label 'true'"),
        ("bad span", r"claims\[0\]\.spans\[0\]: expected \[start, end\]"),
        ("bad type", r"claims\[0\]\.sentence_index: expected an integer, got str"),
        ("edited text", "does not match the report's text_sha256"),
    ],
)
def test_invalid_report_names_the_problem(
    plain_result: ArticleResult, change: str, message: str
) -> None:
    data = article_to_dict(plain_result)
    _break(data, change)
    with pytest.raises(InputError, match=message):
        article_from_dict(data)


# HTML ---------------------------------------------------------------------------------------


def test_html_marks_every_claim_with_its_verdict_colour(hostile_result: ArticleResult) -> None:
    marks = _Page(render_html(hostile_result)).marks()
    for verdict in hostile_result.verdicts:
        alone = [m for m in marks if m["data-claim"] == verdict.claim.id]
        assert alone, f"no highlight for {verdict.claim.id}"
        assert {m["class"].removesuffix(" end") for m in alone} == {
            f"claim {verdict.label.value}"}
        assert all(m["tabindex"] == "0" for m in alone)
    # Where c1 and c2 overlap, one flat mark names both and shows the more severe verdict.
    overlap = next(m for m in marks if " " in m["data-claim"])
    assert overlap["data-claim"] == "c1 c2"
    assert overlap["class"].removesuffix(" end") == "claim contradicted overlap"


def test_html_article_section_is_the_article_text(hostile_result: ArticleResult) -> None:
    page = _Page(render_html(hostile_result))
    assert "".join(page.article_text) == HOSTILE_TEXT


def test_html_escapes_everything_and_links_only_http(hostile_result: ArticleResult) -> None:
    page_text = render_html(hostile_result)
    page = _Page(page_text)
    assert "<script>alert" not in page_text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_text
    assert page_text.count("<script") == 1
    allowed = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "ul", "ol",
        "li", "span", "main", "article", "mark", "aside", "div", "blockquote", "a", "section",
        "table", "thead", "tbody", "tr", "th", "td", "footer", "script",
    }  # fmt: skip
    assert {tag for tag, _ in page.tags} <= allowed
    assert not [name for _, attrs in page.tags for name in attrs if name.startswith("on")]
    assert not [attrs for _, attrs in page.tags if "src" in attrs]
    hrefs = [attrs for tag, attrs in page.tags
             if tag == "a" and not attrs["href"].startswith("#text-")]  # rows to the text
    assert {a["href"] for a in hrefs} == {"https://example.com/acme?year=2023&lang=en"}
    assert all(a["rel"] == "noopener noreferrer" for a in hrefs)
    assert 'href="javascript:' not in page_text
    assert '<span class="url-text">javascript:alert(1)</span>' in page_text


def test_html_is_self_contained_and_only_its_own_code_may_run(
    hostile_result: ArticleResult,
) -> None:
    page = _Page(render_html(hostile_result))
    policy = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert "default-src 'none'" in policy
    for kind in ("style", "script"):
        digest = hashlib.sha256("".join(page.raw[kind]).encode()).digest()
        assert f"{kind}-src 'sha256-{base64.b64encode(digest).decode()}'" in policy
    assert not [a for t, a in page.tags if t == "link"]


def test_html_lists_evidence_without_javascript(hostile_result: ArticleResult) -> None:
    table = render_html(hostile_result).split("<table>", 1)[1]
    assert "Acme delivered 5,000 cars" in table
    assert "Factory opened in Munich" in table
    assert "No evidence passages." in table


def test_html_survives_spans_outside_the_text(plain_result: ArticleResult) -> None:
    claim = Claim("c9", "news/2", "x", 0, (Span(-5, 5), Span(30, 999), Span(7, 7)), 0.5)
    result = ArticleResult(
        plain_result.article, (Verdict(claim, Label.UNVERIFIED, 0.5, (), "", "t"),)
    )
    page = _Page(render_html(result))
    assert "".join(page.article_text) == plain_result.article.text
    assert len(page.marks()) == 2


# Markdown -----------------------------------------------------------------------------------


def test_markdown_shows_counts_badges_quotes_and_evidence(hostile_result: ArticleResult) -> None:
    text = render_markdown(hostile_result)
    for row in ("| Supported | 1 |", "| Contradicted | 1 |", "| Unverified | 1 |", "| Total | 3 |"):
        assert row in text
    assert "**CONTRADICTED** (0.82)" in text
    assert "Rationale: No passage mentions hiring." in text
    assert "> cars in 2023 … opened in Berlin in 2021" in text
    assert "[Acme, annual report](<https://example.com/acme?year=2023&lang=en>)" in text
    assert "2024-01-15" in text


def test_markdown_escapes_markup_and_never_links_javascript(hostile_result: ArticleResult) -> None:
    text = render_markdown(hostile_result)
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\>" in text
    assert "(<javascript:" not in text
    assert "javascript:alert(1)" in text


# CSV ----------------------------------------------------------------------------------------


def test_claims_csv_parses_back_to_the_rows(batch: BatchResult) -> None:
    parsed = list(csv.DictReader(io.StringIO(render_csv(batch), newline="")))
    expected = [
        {key: "" if value is None else str(value) for key, value in row.items()}
        for row in batch_rows(batch)
    ]
    assert parsed == expected
    assert [row["claim_id"] for row in parsed] == ["c1", "c2", "c3", "c1"]
    c2 = parsed[1]
    assert c2["spans"] == f"16-28;{HOSTILE_TEXT.index('opened')}-{HOSTILE_TEXT.index(' & hired')}"
    assert c2["best_evidence_text"] == batch.results[0].verdicts[1].evidence[0].passage.text
    assert (c2["label"], c2["confidence"], c2["score"]) == ("contradicted", "0.82", "0.61")
    c3 = parsed[2]
    assert (c3["best_evidence_id"], c3["score"]) == ("", "")
    assert list(parsed[0]) == list(report.CLAIM_COLUMNS)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://evil.example\",\"click\")",
                                  "+1 555 0100", "-2+3", "@SUM(A1:A2)", "\tindented",
                                  "'=already quoted", "'plain apostrophe", "Revenue rose 5%"])
def test_csv_cells_never_run_as_spreadsheet_formulas(text: str) -> None:
    article = Article("f1", text, "-", "-")
    claim = Claim("c1", "f1", text, 0, (Span(0, len(text)),), 0.9)
    verdict = Verdict(claim, Label.UNVERIFIED, 0.5, (), "nothing relevant", "rules")
    batch = BatchResult((ArticleResult(article, (verdict,)),), (Failure(text, "bad"),))
    claims = list(csv.DictReader(io.StringIO(render_csv(batch), newline="")))
    summary = list(csv.DictReader(io.StringIO(render_summary_csv(batch), newline="")))
    for cell in (claims[0]["claim"], claims[0]["article_source"], summary[1]["source"]):
        assert not cell.startswith(("=", "+", "-", "@", "\t"))
        assert report.unguard_cell(cell) == (text if cell != claims[0]["article_source"] else "-")
    assert claims[0]["confidence"] == "0.5"  # numbers stay numbers


def test_a_failed_input_named_like_a_formula_reads_back_exactly(tmp_path: Path,
                                                                batch: BatchResult) -> None:
    hostile = BatchResult(batch.results, (Failure("-weird name.txt", "unreadable"),))
    write_reports(hostile, tmp_path, ["json", "csv"])
    assert "'-weird name.txt" in (tmp_path / "summary.csv").read_text(encoding="utf-8")
    assert report.read_reports(tmp_path).batch.failures[0].source == "-weird name.txt"


def test_summary_counts_each_article_and_lists_failures(batch: BatchResult) -> None:
    parsed = list(csv.DictReader(io.StringIO(render_summary_csv(batch), newline="")))
    assert parsed == [
        {"article_id": "a1", "source": "articles/acme.txt", "status": "ok", "supported": "1",
         "contradicted": "1", "unverified": "1", "total": "3", "error": ""},
        {"article_id": "news/2", "source": "https://news.example/2", "status": "ok",
         "supported": "1", "contradicted": "0", "unverified": "0", "total": "1", "error": ""},
        {"article_id": "", "source": "missing.txt", "status": "failed", "supported": "",
         "contradicted": "", "unverified": "", "total": "",
         "error": "missing.txt: no such file; check the path"},
    ]  # fmt: skip
    assert summary_rows(batch)[0]["total"] == 3


# Files --------------------------------------------------------------------------------------


def test_write_reports_writes_every_format_and_no_temp_files(
    batch: BatchResult, tmp_path: Path
) -> None:
    out = tmp_path / "reports" / "run1"
    written = write_reports(batch, out, ["json", "md", "html", "csv"])
    names = [path.name for path in written]
    unsafe = next(name for name in names if name.startswith("news_2-"))
    assert re.fullmatch(r"news_2-[0-9a-f]{8}\.json", unsafe)
    stem = unsafe.removesuffix(".json")
    assert names == [
        "a1.json", "a1.md", "a1.html",
        f"{stem}.json", f"{stem}.md", f"{stem}.html",
        "claims.csv", "summary.csv", "index.html",
    ]  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    assert (out / "a1.html").read_text(encoding="utf-8") == render_html(batch.results[0])
    assert (out / "claims.csv").read_bytes() == render_csv(batch).encode()


def test_write_reports_keeps_duplicate_ids_apart(
    plain_result: ArticleResult, tmp_path: Path
) -> None:
    written = write_reports(BatchResult((plain_result, plain_result)), tmp_path, ["json"])
    assert len({path.name for path in written}) == 2


def test_write_reports_rejects_unknown_formats(batch: BatchResult, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'pdf'.*json, md, html, csv"):
        write_reports(batch, tmp_path / "out", ["json", "pdf"])
    assert not (tmp_path / "out").exists()


def test_failed_write_keeps_the_old_report(
    plain_result: ArticleResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "summary.csv").write_text("old", encoding="utf-8")

    def no_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("factcheck.files.os.replace", no_replace)
    with pytest.raises(OSError, match="disk full"):
        write_reports(BatchResult((plain_result,)), tmp_path, ["csv"])
    assert [p.name for p in tmp_path.iterdir()] == ["summary.csv"]
    assert (tmp_path / "summary.csv").read_text(encoding="utf-8") == "old"


# Machado, Oliveira & Fernandes (2009), deuteranopia at full severity, on linear RGB.
_DEUTERANOPIA = ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                 (-0.011820, 0.042940, 0.968881))


def _seen_with_deuteranopia(hex_colour: str) -> tuple[float, ...]:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(hex_colour[i:i + 2], 16) / 255) for i in (1, 3, 5)]
    return tuple(min(max(sum(m * c for m, c in zip(row, rgb, strict=True)), 0), 1) ** (1 / 2.2)
                 for row in _DEUTERANOPIA)


@pytest.mark.parametrize(("palette", "apart"), [(LABEL_COLOURS, 0.3), (LABEL_BACKGROUNDS, 0.15)])
def test_verdict_colours_stay_apart_under_deuteranopia(palette, apart: float) -> None:
    """The old green/red/orange palette: 0.10 and 0.08 between its closest pair."""
    from itertools import combinations

    for a, b in combinations(Label, 2):
        seen_a, seen_b = _seen_with_deuteranopia(palette[a]), _seen_with_deuteranopia(palette[b])
        distance = sum((x - y) ** 2 for x, y in zip(seen_a, seen_b, strict=True)) ** 0.5
        assert distance > apart, (a, b, distance)
