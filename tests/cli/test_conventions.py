"""The command line's conventions, through typer's runner: one-claim checks, exit codes, streams."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.version import __version__

runner = CliRunner()

ARTICLE = (
    "Xiaomi Builds Its Car Factory\n\n"
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total. "
    "Xiaomi's car research and development team has 900 members.\n"
)
# An SGR sequence that sets a foreground colour (16, 256 or true colour).
COLOUR = re.compile(r"\x1b\[(?:\d+;)*(?:3[0-8]|9[0-7])[;m]")
ONE_LINE = "Xiaomi's plant makes 500,000 cars a year."


# Every test here checks with the fake model (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("offline_fake_model")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "factory.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def common(tiny_corpus_dir: Path, tmp_path: Path) -> list[str]:
    return ["-e", str(tiny_corpus_dir), "--cache-dir", str(tmp_path / "cache")]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


# One claim ------------------------------------------------------------------------------------

def test_claim_option_prints_one_verdict_and_writes_a_claims_report(common, tmp_path: Path):
    out = tmp_path / "r"
    result = run("check", "--claim", ONE_LINE, *common, "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if ONE_LINE in line]
    assert len(lines) == 1
    assert lines[0].split()[1] in ("supported", "contradicted", "unverified")
    assert "closest" in result.stdout or "figures" in result.stdout  # the why, under it
    report = json.loads((out / "claims.json").read_text(encoding="utf-8"))
    assert [c["text"] for c in report["claims"]] == [ONE_LINE]


def test_repeated_claims_are_each_checked_as_written(common, tmp_path: Path):
    # Two facts in one statement: --claim does not split it.
    both = "Xiaomi's team has 900 members and its factory makes 300,000 vehicles a year."
    result = run("check", "-c", ONE_LINE, "-c", both, *common, "-o", str(tmp_path / "r"))
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r" / "claims.json").read_text(encoding="utf-8"))
    assert [c["text"] for c in report["claims"]] == [ONE_LINE, both]
    assert report["article"]["text"][slice(*report["claims"][1]["spans"][0])] == both


@pytest.mark.parametrize("how", ["stdin", "file"])
def test_a_one_line_input_is_a_claim_not_a_headline(how: str, common, tmp_path: Path):
    out = tmp_path / "r"
    if how == "stdin":
        result = run("check", "-", *common, "-o", str(out), "-f", "json", input=ONE_LINE + "\n")
        name = "stdin"
    else:
        (tmp_path / "one.txt").write_text(ONE_LINE + "\n", encoding="utf-8")
        result = run("check", str(tmp_path / "one.txt"), *common, "-o", str(out), "-f", "json")
        name = "one"
    assert result.exit_code == 0, result.output
    report = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    assert [c["text"] for c in report["claims"]] == [ONE_LINE]


def test_check_article_takes_a_one_line_text_as_a_claim(tiny_corpus_dir: Path, tmp_path: Path):
    import factcheck

    settings = factcheck.load_settings(cache_dir=tmp_path / "cache")
    result = factcheck.check_article(ONE_LINE, evidence=tiny_corpus_dir, settings=settings)
    assert [v.claim.text for v in result.verdicts] == [ONE_LINE]


def test_an_article_without_claims_is_warned_about(common, tmp_path: Path):
    result = run("check", "-", *common, "-o", str(tmp_path / "r"), input="Is Xiaomi great?\n")
    assert result.exit_code == 0
    assert "no check-worthy claim found" in result.output and "--claim" in result.output


def test_claims_command_reads_every_file(articles: Path, tmp_path: Path):
    (articles / "second.txt").write_text(ONE_LINE + "\n", encoding="utf-8")
    result = run("claims", str(articles / "factory.txt"), str(articles / "second.txt"), "--json")
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines()]
    assert {item["article_id"] for item in found} == {"factory", "second"}
    folder = run("claims", str(articles))
    assert "# factory" in folder.stdout and "# second" in folder.stdout


# Exit codes and usage ---------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["check", "--bogus"], ["nope"], ["check", "x", "-f", "pdf"],
                                  ["review", "summary"], ["check", "x", "--fail-on", "maybe"]])
def test_usage_errors_exit_1_never_2(args: list[str]):
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert "Error" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"factcheck {__version__}"


def test_fail_on_wins_over_a_partial_batch(articles: Path, common, tmp_path: Path):
    (articles / "empty.txt").write_text("", encoding="utf-8")
    result = run("check", str(articles), *common, "-o", str(tmp_path / "r"),
                 "--fail-on", "contradicted")
    assert result.exit_code == 2, result.output
    assert "partial batch" in result.output and "--fail-on contradicted" in result.output
    without = run("check", str(articles), *common, "-o", str(tmp_path / "r"))
    assert without.exit_code == 3


def test_a_failed_batch_prints_no_empty_table(common, tmp_path: Path):
    result = run("check", str(tmp_path / "missing.txt"), *common, "-o", str(tmp_path / "r"))
    assert result.exit_code == 1
    assert "TOTAL" not in result.output and "no such file" in result.output


def test_missing_evidence_folder_says_so(articles: Path, tmp_path: Path):
    result = run("check", str(articles), "-e", str(tmp_path / "nowhere"), "-o",
                 str(tmp_path / "r"))
    assert result.exit_code == 1
    assert "evidence corpus not found" in result.output
    assert "invalid evidence corpus" not in result.output


def test_contradicted_claims_are_listed_at_the_end(articles: Path, common, tmp_path: Path):
    result = run("check", str(articles), *common, "-o", str(tmp_path / "r"))
    tail = result.stdout.split("contradicted claims")[1]
    assert "factory: Xiaomi's car research and development team has 900 members" in tail
    assert "why: " in tail and "2,300" in tail


def test_colour_only_on_a_terminal_and_never_with_no_color(articles: Path, common,
                                                           tmp_path: Path, monkeypatch):
    def check() -> str:
        return run("check", str(articles), *common, "-o", str(tmp_path / "r")).output

    plain = check()  # the runner's output is not a terminal
    assert "\x1b[" not in plain and "TOTAL" in plain
    monkeypatch.setenv("FORCE_COLOR", "1")  # as if on a terminal
    assert COLOUR.search(check())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not COLOUR.search(check())


# Formats and the output folder -------------------------------------------------------------------

def test_jsonl_streams_one_object_per_claim_and_nothing_else(articles: Path, common,
                                                             tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(articles), *common, "--out", "-", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 2
    assert {o["article"]["id"] for o in objects} == {"factory"}
    assert {o["verdict"]["label"] for o in objects} == {"supported", "contradicted"}
    assert "TOTAL" in result.stderr
    assert not (tmp_path / "-").exists()


def test_out_dash_needs_jsonl(articles: Path, common, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(articles), *common, "--out", "-")
    assert result.exit_code == 1 and "--format jsonl" in result.output
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("formats", [["--format", "json,html"], ["-f", "json", "-f", "html"],
                                     ["--format", "JSON, html"]])
def test_formats_repeated_or_comma_separated(formats, articles: Path, common, tmp_path: Path):
    out = tmp_path / "r"
    result = run("check", str(articles), *common, "-o", str(out), *formats)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "factory.html", "factory.json", "index.html"]


def test_the_reports_folder_is_named_as_given(articles: Path, common, tmp_path: Path):
    result = run("check", str(articles), *common, "-o", f"{tmp_path / 'r'}/", "-f", "json")
    assert result.exit_code == 0, result.output
    assert f"written in {tmp_path / 'r'}/\n" in result.output


def test_a_rerun_with_fewer_formats_removes_the_dropped_ones(articles: Path, common,
                                                            tmp_path: Path):
    out = tmp_path / "r"
    assert run("check", str(articles), *common, "-o", str(out)).exit_code == 0
    (out / "notes.md").write_text("mine\n", encoding="utf-8")  # not a report: kept
    result = run("check", str(articles), *common, "-o", str(out), "-f", "json")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "factory.json", "notes.md"]
    assert "removed 5 report file(s)" in result.output
    jsonl = run("check", str(articles), *common, "-o", str(out), "-f", "json,jsonl")
    assert jsonl.exit_code == 0
    assert len((out / "claims.jsonl").read_text(encoding="utf-8").splitlines()) == 2
