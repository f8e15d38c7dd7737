"""Bad inputs fail one at a time with a message naming the file; huge inputs stay bounded; hostile
text in a report never runs in a real browser.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import time
import tracemalloc
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import app
from factcheck.errors import ConfigError, CorpusError
from factcheck.pipeline import extract_claims_capped
from factcheck.records import Article, ArticleResult, Claim, Hit, Label, Passage, Span, Verdict
from factcheck.reports.folder import ReportMeta, render_html
from factcheck.retrieval.corpus import load_corpus
from factcheck.settings import Settings, load_settings

runner = CliRunner()

GOOD = (
    "Xiaomi Builds Its Car Factory\n\n"
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total. "
    "Xiaomi's car research and development team has 900 members.\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
WORDS = ("Xiaomi Beijing factory vehicles team members Reuters reported Sony concept car revenue "
         "plant battery engineers Shanghai output model orders").split()


# Every test here checks with the fake model (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("offline_fake_model")


def sentences(count: int, start: int = 0) -> str:
    """``count`` distinct, checkable sentences (each names a figure and a year)."""
    return "".join(
        f"{WORDS[n % 17].capitalize()} {WORDS[(n * 7) % 17]} {WORDS[(n * 3) % 17]} sold "
        f"{n + start:,} cars in {2000 + n % 25}. "
        for n in range(count)
    )


def run_check(*args: str | Path):
    return runner.invoke(app, ["check", *map(str, args)])


def summary(out: Path) -> dict[str, dict[str, str]]:
    """summary.csv rows by source."""
    with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
        return {row["source"]: row for row in csv.DictReader(handle)}


# -- bad articles, end to end through the command line -----------------------------------------

# name -> (content, expected: "ok" or a phrase of the one-line error)
BAD_ARTICLES: dict[str, tuple[str | bytes, str]] = {
    "good.txt": (GOOD, "ok"),
    "empty.txt": (b"", "article is empty"),
    "blank.txt": (" \n\t\r\n   \n", "article is empty"),
    "photo.png": (PNG, "looks like a binary file (PNG image), not text"),
    "scan.pdf": (PDF, "looks like a binary file (PDF), not text"),
    "renamed-photo.txt": (PNG, "looks like a binary file (PNG image), not text"),
    "latin1.txt": ("Le café de Xiaomi à Beijing a 900 employés depuis 2021.".encode("latin-1"),
                   "ok"),
    "utf16.txt": (GOOD.encode("utf-16"), "ok"),
    "one-line-5mb.txt": (b"Xiaomi sold 10,000 cars. " * (5 * 2**20 // 25 + 1),
                         "over the limit of 5,000,000 bytes; split it or raise the limit"),
    "one-line-4mb.txt": (sentences(60_000).encode()[:4_000_000], "ok"),
    "control.txt": (b"Xiaomi\x07 sold 10,000 cars\x1b in 2021.\x0c Xiaomi hired 900 people.\x00",
                    "looks like a binary file, not text"),
    "control-no-nul.txt": (b"Xiaomi\x07 sold 10,000 cars\x1b in 2021.\x0c Xiaomi hired 900 "
                           b"engineers\x7f in Beijing.", "ok"),
    "mixed-scripts.txt": (
        "Xiaomi sold 10,000 cars in 2021. 小米在北京建了工厂，年产30万辆。 Компания Xiaomi наняла "
        "900 человек в 2022 году. شركة شاومي باعت 5000 سيارة. \u202eXiaomi\u202c hired 900 "
        "engineers\u200b in Beijing 🚗 in 2023.\n", "ok"),
}


def test_bad_articles_fail_one_by_one_and_the_rest_are_checked(tiny_corpus_dir: Path,
                                                               tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", "50")  # keeps the 4 MB line quick
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (content, _) in BAD_ARTICLES.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    out = tmp_path / "reports"
    # The folder picks up the .txt files; the PNG and PDF are named explicitly, as a user would.
    result = run_check(folder, folder / "photo.png", folder / "scan.pdf", "-e", tiny_corpus_dir,
                       "-o", out, "--cache-dir", tmp_path / "cache", "-q")

    assert result.exit_code == 3, result.output
    rows = summary(out)
    failed_lines = [line for line in result.output.splitlines() if line.startswith("failed: ")]
    for name, (_, expected) in BAD_ARTICLES.items():
        source = str(folder / name)
        row = rows[source]
        if expected == "ok":
            assert row["status"] == "ok", row
            report = json.loads((out / f"{row['article_id']}.json").read_text(encoding="utf-8"))
            assert report["article"]["source"] == source
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", report["article"]["text"])
        else:
            assert row["status"] == "failed", row
            assert row["error"].startswith(f"{source}: ") and expected in row["error"]
            # One line on stderr, naming the file once.
            line = next(line for line in failed_lines if source in line)
            assert line == f"failed: {row['error']}" and line.count(source) == 1
    assert len(failed_lines) == sum(expected != "ok" for _, expected in BAD_ARTICLES.values())
    failures = sum(expected != "ok" for _, expected in BAD_ARTICLES.values())
    assert f"partial batch: {failures} of {len(BAD_ARTICLES)} input(s) failed" in result.output
    assert json.loads((out / "latin1.json").read_text())["article"]["text"].startswith("Le café")
    assert json.loads((out / "utf16.json").read_text())["article"]["text"] == GOOD
    assert "warning: " + str(folder / "one-line-4mb.txt") in result.output


def test_a_bug_met_on_one_article_does_not_lose_the_batch(tiny_corpus_dir: Path, tmp_path: Path,
                                                          monkeypatch):
    real = pipeline.extract_article

    def flaky(article: Article, settings: Settings):
        if article.id == "boom":
            raise KeyError("auguſt")  # what quantities.py raised on "Auguſt 2021"
        return real(article, settings)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("alpha", "boom", "omega"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "reports"
    result = run_check(folder, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", tmp_path / "c")
    assert result.exit_code == 3, result.output
    assert (f"failed: {folder / 'boom.txt'}: internal error while checking (KeyError: "
            "'auguſt'); the other articles were checked") in result.output
    assert {p.name for p in out.glob("*.json")} == {"alpha.json", "omega.json"}
    assert summary(out)[str(folder / "boom.txt")]["status"] == "failed"


# -- bad corpora: every problem named with file, line and fix --------------------------------


@pytest.mark.parametrize(
    ("name", "content", "messages"),
    [
        pytest.param(
            "a.csv", 'id,text,source\np1,"Stray quote,s\np2,Second passage,s\np3,third",s\n',
            ["a.csv line 2: a quoted field runs on to line 4 and swallows what looks like a "
             "row (line 3: 'p2,Second passage,s')", "double quotes inside quoted text"],
            id="csv stray quote swallows rows"),
        pytest.param(
            "a.csv", 'id,text,source\np1,"Stray,s\np2,other",s\np3,fine,s\n',
            ["a.csv line 2: a quoted field runs on to line 3", "(line 3: 'p2,other\",s')"],
            id="csv stray quote swallows half a row"),
        pytest.param(
            "a.csv", 'id,text,source\np1,ok,s\np2,"never closed,s\np3,x,s\n',
            ["a.csv line 3: malformed CSV (unexpected end of data)"],
            id="csv quote never closed"),
        pytest.param(
            "a.csv", 'id,text,source\np1,He said "no" twice,s\np2,"A "quoted" word",s\n',
            ["a.csv line 3: malformed CSV", "double quotes inside quoted text"],
            id="csv quote inside quoted text"),
        pytest.param("a.csv", "id,text,source\np1,only two\n",
                     ["a.csv line 2: fewer fields than header columns (2, not 3)"],
                     id="csv missing field"),
        pytest.param("a.csv", "id,text,text,source\np1,a,b,s\n",
                     ["a.csv line 1: column(s) 'text' appear more than once"],
                     id="csv duplicate column"),
        pytest.param("a.csv", "", ["a.csv line 1: no header"], id="csv empty file"),
        pytest.param("a.csv", "id,text,source\np1,,s\n", ["a.csv line 2: empty field 'text'"],
                     id="csv empty passage"),
        pytest.param("a.jsonl", '{"id": "p1", "text": "t", "source": "s"}\n{"id": "p2", "text"\n'
                     '{"id": "p1", "text": "u", "source": "s"}\n',
                     ["a.jsonl line 2: invalid JSON", "a.jsonl line 3: duplicate id 'p1' (first "
                      "at"], id="jsonl malformed line and duplicate id"),
        pytest.param("a.jsonl", '{"id": ' + "1" * 5000 + ', "text": "t", "source": "s"}\n',
                     ["a.jsonl line 1: unreadable JSON value"], id="jsonl 5000-digit number"),
        pytest.param("a.jsonl", "[" * 100_000 + "]" * 100_000 + "\n",
                     ["a.jsonl line 1: unreadable JSON value"], id="jsonl nested 100000 deep"),
        pytest.param("a.jsonl", '{"id": "p1", "text": "' + "x" * 20_000 + '", "source": "s"}\n',
                     ["a.jsonl line 1: text is 20,000 characters (limit 10,000)"],
                     id="jsonl huge passage"),
        pytest.param("a.jsonl", '{"id": "p1", "text": "t", "source": "s"}\n'.encode("utf-16"),
                     ["a.jsonl: UTF-16 text; re-save the file as UTF-8"], id="jsonl utf-16"),
    ],
)
def test_bad_corpus_files_name_file_line_and_fix(tmp_path: Path, name, content, messages):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(CorpusError) as caught:
        load_corpus(tmp_path)
    for message in messages:
        assert message in str(caught.value)
    for problem in caught.value.problems:
        assert problem.startswith(str(path))


def test_nothing_valid_is_dropped_or_merged(tmp_path: Path):
    """Quoted commas, quotes and line breaks, blank lines and U+2028 all load, one passage each."""
    (tmp_path / "a.csv").write_text(
        'id,text,source\r\n'
        'p1,"Sales rose, then fell.",s\r\n'
        '\r\n'
        'p2,"He said ""no"" twice.",s\r\n'
        'p3,"First line.\r\nSecond line without a comma.",s\r\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "q1", "text": "one\\u2028two", "source": "s"}\n\n'
        '{"id": "q2", "text": "raw \u2028 and \u0085 inside", "source": "s"}\n', encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert [(p.id, p.origin.rsplit(" ", 1)[-1]) for p in corpus.passages] == [
        ("p1", "2"), ("p2", "4"), ("p3", "5"), ("q1", "1"), ("q2", "3")]
    assert corpus.passages[1].text == 'He said "no" twice.'
    assert corpus.passages[4].text == "raw \u2028 and \u0085 inside"


def test_check_with_a_bad_corpus_exits_1_listing_every_problem(tmp_path: Path):
    corpus = tmp_path / "evidence"
    corpus.mkdir()
    (corpus / "a.csv").write_text('id,text,source\np1,"Stray,s\np2,other",s\np3,,s\n')
    article = tmp_path / "a.txt"
    article.write_text(GOOD)
    result = run_check(article, "-e", corpus, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert f"{corpus / 'a.csv'} line 2: a quoted field runs on" in result.output
    assert f"{corpus / 'a.csv'} line 4: empty field 'text'" in result.output
    assert not (tmp_path / "out").exists()


# -- bounded resources --------------------------------------------------------------------------


def test_max_claims_per_article_is_a_validated_setting():
    assert Settings().max_claims_per_article == 2_000
    assert load_settings(env={"FACTCHECK_MAX_CLAIMS_PER_ARTICLE": "7"}).max_claims_per_article == 7
    with pytest.raises(ConfigError, match="'max_claims_per_article' must be at least 1"):
        load_settings(env={"FACTCHECK_MAX_CLAIMS_PER_ARTICLE": "0"})


@pytest.mark.slow
def test_a_1_mb_article_is_checked_in_bounded_time_and_memory(tiny_corpus_dir: Path,
                                                               tmp_path: Path, monkeypatch):
    paragraphs = [sentences(5, start=n * 5) for n in range(2_000_000 // 300)]
    text = ("Big report\n\n" + "\n\n".join(paragraphs))[:1_000_000]
    article = tmp_path / "big.txt"
    article.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", "300")
    out = tmp_path / "reports"
    tracemalloc.start()
    started = time.perf_counter()
    try:
        result = run_check(article, "-e", tiny_corpus_dir, "-o", out, "--cache-dir",
                           tmp_path / "cache", "-q")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    report = json.loads((out / "big.json").read_text(encoding="utf-8"))
    assert len(report["claims"]) == 300
    truncated = report["truncated"]
    assert truncated["claims_checked"] == 300 and truncated["article_length"] == len(text)
    assert 0 < truncated["checked_up_to_char"] < len(text) // 10
    assert all(end <= truncated["checked_up_to_char"] for c in report["claims"]
               for _, end in c["spans"])
    assert "Truncated: only the first 300 claims were checked" in (out / "big.md").read_text()
    assert '<p class="meta truncated">Truncated: only the first 300' in (
        out / "big.html").read_text()
    assert f"warning: {article}: checked only the first 300 claims" in result.output
    # Generous bounds (CI machines vary); unbounded, this article took minutes.
    assert elapsed < 60, f"{elapsed:.1f}s"
    assert peak < 200 * 2**20, f"{peak / 2**20:.0f} MB"


def test_a_1_mb_single_line_stops_at_the_default_claim_limit():
    text = sentences(40_000)[:1_000_000]  # one line: the hardest case for sentence splitting
    started = time.perf_counter()
    claims, truncated_at = extract_claims_capped(Article("big", text, "big.txt", ""), Settings())
    elapsed = time.perf_counter() - started
    assert len(claims) == 2_000
    assert [c.id for c in claims[:2]] == ["big-c01", "big-c02"] and claims[-1].id == "big-c2000"
    assert truncated_at is not None and truncated_at < len(text) // 2
    for claim in claims[::97]:
        quoted = " ".join(text[s.start:s.end] for s in claim.spans)
        assert re.findall(r"\d[\d,]*", claim.text)[0] in quoted
    assert elapsed < 60, f"{elapsed:.1f}s"


def test_an_article_under_the_limit_is_not_truncated(tiny_corpus_dir: Path, tmp_path: Path):
    article = tmp_path / "small.txt"
    article.write_text(GOOD)
    out = tmp_path / "r"
    assert run_check(article, "-e", tiny_corpus_dir, "-o", out, "-q", "--cache-dir",
                     tmp_path / "c").exit_code == 0
    report = json.loads((out / "small.json").read_text())
    assert report["truncated"] is None and report["run"]["judge"] == "learned"
    assert "Truncated" not in (out / "small.md").read_text()


# -- hostile text in the HTML report, opened by a real browser ----------------------------------

# Each payload, if it ever ran, would put MARKER into the title or the DOM; the marker is built at
# run time ("XSS" + "FIRED"), so the escaped payload text itself never contains it.
MARKER = "XSSFIRED"
SET_TITLE = "document.title='XSS'+'FIRED'"
PAYLOADS = [
    f"<script>{SET_TITLE}</script>",
    f"<img src=x onerror=\"{SET_TITLE}\">",
    f"<svg onload={SET_TITLE}>",
    f"\"><script>{SET_TITLE}</script>",
    f"'><img src=x onerror={SET_TITLE}>",
    f"</textarea></style></title><script>{SET_TITLE}</script>",
    f"<iframe srcdoc=\"<script>parent.{SET_TITLE}</script>\"></iframe>",
    f"<a href=\"javascript:{SET_TITLE}\">click</a>",
    f"<body onload=\"{SET_TITLE}\">",
    f"<!-- --><script>{SET_TITLE}</script>",
]
HOSTILE = " ".join(PAYLOADS)


def hostile_result() -> tuple[ArticleResult, dict]:
    from factcheck.reports.reviews import ReviewRecord

    text = f"Acme sold 5,000 cars in 2023. {HOSTILE} Acme hired 900 people."
    first = text.index("Acme sold")
    claim = Claim(f"c1{PAYLOADS[3]}", "a1", f"Acme sold 5,000 cars {HOSTILE}", 0,
                  (Span(first, len(text)),), 0.9)
    second = Claim("c2", "a1", "Acme hired 900 people.", 1,
                   (Span(text.index("Acme hired"), len(text)),), 0.5)
    passage = Passage(f"p1{PAYLOADS[1]}", f"Acme delivered 5,000 cars. {HOSTILE}",
                      f"Reuters {PAYLOADS[0]}", f"javascript:{SET_TITLE}", f"Title {HOSTILE}",
                      f"2024 {PAYLOADS[2]}", "corpus.jsonl line 1")
    linked = Passage("p2", "Acme hired 900 people.", "Acme", "https://example.com/a?x=1&y=2",
                     None, None, "corpus.jsonl line 2")
    verdicts = (
        Verdict(claim, Label.CONTRADICTED, 0.8, (Hit(passage, 1, 0.7, 0.6, 0.5),),
                f"Rationale {HOSTILE}", f"judge{PAYLOADS[4]}"),
        Verdict(second, Label.SUPPORTED, 0.9, (Hit(linked, 1, 0.9, 0.9, 0.9),), "Same.", "rules"),
    )
    article = Article("a1", text, f"javascript:{SET_TITLE}", f"Acme {HOSTILE}")
    review = ReviewRecord("a1", claim.id, claim.text, Label.SUPPORTED, Label.CONTRADICTED,
                          f"note {HOSTILE}", f"ana {PAYLOADS[3]}", "2025-01-01T00:00:00Z")
    return ArticleResult(article, verdicts), {review.key: review}


class _Dom(HTMLParser):
    """Elements and attributes of a dumped DOM."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


CHROMIUM = Path("/usr/bin/chromium")


def dump_dom(page: Path, profile: Path) -> str:
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", f"--user-data-dir={profile}", "--virtual-time-budget=2000",
        "--dump-dom", page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.integration
@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason="needs Debian's chromium: apt-get install -y chromium")
def test_hostile_report_runs_nothing_in_a_real_browser(tmp_path: Path):
    result, reviews = hostile_result()
    page = render_html(result, reviews, meta=ReportMeta(None, 40))
    without_csp = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n', "", page)
    assert without_csp != page
    # The harness itself: the same payloads unescaped do run, so an absent marker means something.
    control = f"<!DOCTYPE html><html><head><title>t</title></head><body>{HOSTILE}</body></html>"
    pages = {"report": page, "report-without-csp": without_csp, "control": control}
    dumped = {}
    for name, html in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        dumped[name] = dump_dom(path, tmp_path / f"profile-{name}")
    assert MARKER in dumped["control"]

    for name in ("report", "report-without-csp"):
        dom = dumped[name]
        assert MARKER not in dom, name
        tags = _Dom(dom).tags
        assert [tag for tag, _ in tags if tag in ("iframe", "svg", "img", "body")] == ["body"]
        assert sum(tag == "script" for tag, _ in tags) == 1  # the report's own script only
        for tag, attrs in tags:
            assert not any(key.startswith("on") for key in attrs), (tag, attrs)
            for key in ("href", "src"):
                assert not (attrs.get(key) or "").lower().startswith("javascript:"), attrs
        links = [attrs.get("href") for tag, attrs in tags if tag == "a"
                 and not (attrs.get("href") or "").startswith("#text-")]  # rows to the text
        assert links and set(links) == {"https://example.com/a?x=1&y=2"}  # javascript: never
        # The text is shown, escaped, and the report's own script ran (it un-hides the panel).
        assert "&lt;script&gt;document.title='XSS'+'FIRED'&lt;/script&gt;" in dom
        assert "<title>Fact-check: Acme &lt;script&gt;" in dom
        panel = next(attrs for tag, attrs in tags if attrs.get("id") == "claim-panel")
        assert "hidden" not in panel
