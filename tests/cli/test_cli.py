"""The command line, through typer's runner: exit codes, messages, files written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()

ARTICLE = (
    "Xiaomi Builds Its Car Factory\n\n"
    "Written by Test Writer · 1 min read\n\n"
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total. "
    "Xiaomi's car research and development team has 900 members.\n"
)


# Every test here checks with the fake model (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("offline_fake_model")


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "factory.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_help_ends_with_an_example():
    result = run("--help")
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1].strip().startswith("Example: factcheck")
    for command in (["check"], ["claims"], ["index"], ["evidence", "validate"], ["eval"],
                    ["train-judge"], ["review", "summary"], ["review", "override"], ["export"]):
        last = run(*command, "--help").output.strip().splitlines()[-1].strip()
        assert last.startswith("Example: factcheck " + command[0]), (command, last)


def test_check_writes_every_format(articles: Path, tiny_corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "reports"
    result = run("check", str(articles), "--evidence", str(tiny_corpus_dir), "--out", str(out),
                 "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"factory.json", "factory.md", "factory.html", "claims.csv", "summary.csv"} <= names
    report = json.loads((out / "factory.json").read_text())
    labels = {c["verdict"]["label"] for c in report["claims"]}
    assert {"supported", "contradicted"} <= labels
    assert "factory" in result.output and "TOTAL" in result.output


def test_fail_on_contradicted_exits_2(articles: Path, tiny_corpus_dir: Path, tmp_path: Path):
    result = run("check", str(articles), "-e", str(tiny_corpus_dir), "-o", str(tmp_path / "r"),
                 "--cache-dir", str(tmp_path / "cache"), "--fail-on", "contradicted")
    assert result.exit_code == 2, result.output


def test_stdin_and_format_choice(tiny_corpus_dir: Path, tmp_path: Path):
    out = tmp_path / "r"
    result = run("check", "-", "-e", str(tiny_corpus_dir), "-o", str(out), "--format", "json",
                 "--cache-dir", str(tmp_path / "cache"), input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in out.iterdir() if not p.name.startswith(".")] == [".json"]


def test_partial_batch_reports_the_bad_file_and_checks_the_rest(articles: Path,
                                                                tiny_corpus_dir: Path,
                                                                tmp_path: Path):
    (articles / "empty.txt").write_text("   \n")
    out = tmp_path / "r"
    result = run("check", str(articles), "-e", str(tiny_corpus_dir), "-o", str(out),
                 "--cache-dir", str(tmp_path / "cache"))
    assert result.exit_code == 3
    assert "empty.txt" in result.output and "partial batch" in result.output
    assert (out / "factory.json").exists()
    summary = (out / "summary.csv").read_text()
    assert "failed" in summary and "empty.txt" in summary


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nope.txt"], "no such file or folder"),
        (["check", "{articles}", "--format", "pdf"], "unknown format 'pdf'"),
        (["check", "{articles}", "--evidence", "{missing}"], "no such file or folder"),
    ],
)
def test_usage_errors_exit_1_with_a_fix(args, message, articles: Path, tiny_corpus_dir: Path,
                                        tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = [a.format(articles=articles, missing=tmp_path / "missing") for a in args]
    if "--evidence" not in args:
        args += ["--evidence", str(tiny_corpus_dir)]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert message in result.output


def test_claims_command_prints_spans(articles: Path):
    result = run("claims", str(articles / "factory.txt"), "--json")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.strip().splitlines()
             if line.startswith("{")]
    assert lines and all(c["spans"] for c in lines)
    assert not any("Written by" in c["text"] for c in lines)


def test_claims_command_stops_at_the_claim_limit(tmp_path: Path, monkeypatch):
    article = tmp_path / "long.txt"
    article.write_text("".join(f"Acme opened plant number {i} in Berlin in 20{i % 90 + 10}.\n"
                               for i in range(40)), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_MAX_CLAIMS_PER_ARTICLE", "5")
    result = run("claims", str(article), "--json")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("{")]
    assert len(lines) == 5
    assert "printed only the first 5 claims" in result.output
    assert "max_claims_per_article" in result.output


def test_evidence_validate(tiny_corpus_dir: Path, tmp_path: Path):
    result = run("evidence", "validate", str(tiny_corpus_dir))
    assert result.exit_code == 0 and "ok: 4 passages from 2 file(s)" in result.output
    (tiny_corpus_dir / "bad.jsonl").write_text(
        '{"id": "x", "text": "x"}\n{"id": "factory", "text": "y", "source": "s"}\n')
    result = run("evidence", "validate", str(tiny_corpus_dir))
    assert result.exit_code == 1
    assert "bad.jsonl line 1: missing field 'source'" in result.output
    assert "duplicate id 'factory'" in result.output


def test_index_reports_cache_use(tiny_corpus_dir: Path, tmp_path: Path):
    args = ["index", str(tiny_corpus_dir), "--cache-dir", str(tmp_path / "cache")]
    assert "4 encoded, 0 from cache" in run(*args).output
    assert "0 encoded, 4 from cache" in run(*args).output
