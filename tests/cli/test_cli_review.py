"""`factcheck review` and `factcheck export` through typer's runner: messages, exit codes, files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import app

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def test_override_then_summary(reports_dir: Path) -> None:
    done = run("review", "override", str(reports_dir), "acme-c02", "Supported",
               "--note", "Berlin is right", "--reviewer", "ana")
    assert done.exit_code == 0, done.output
    assert "acme-c02: ana overrode the machine verdict: contradicted -> supported" in done.output
    kept = run("review", "override", str(reports_dir), "acme-c01", "supported",
               env={"FACTCHECK_REVIEWER": "bo"})
    assert kept.exit_code == 0, kept.output
    assert "bo kept the machine verdict" in kept.output

    summary = run("review", "summary", str(reports_dir))
    assert summary.exit_code == 0, summary.output
    lines = summary.output.splitlines()
    assert lines[0] == "claims: 4  reviewed: 2  agreed: 1  overridden: 1  agreement: 50%"
    assert lines[1] == "reviewers: ana 1, bo 1"
    assert lines[2].split() == ["machine", "\\", "reviewed", "supported", "contradicted",
                                "unverified"]
    assert lines[3].split() == ["supported", "1", "0", "0"]
    assert lines[4].split() == ["contradicted", "1", "0", "0"]


def test_summary_as_json(reports_dir: Path) -> None:
    run("review", "override", str(reports_dir), "water-c01", "unverified", "-r", "bo")
    data = json.loads(run("review", "summary", str(reports_dir), "--json").output)
    assert data["reviewed"] == 1 and data["agreement"] == 0.0
    assert data["confusion"] == [{"machine": "supported", "reviewed": "unverified", "claims": 1}]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["acme-c9", "supported", "-r", "ana"], "no claim 'acme-c9' in the reports"),
        (["acme-c02", "supported"], "Missing option '--reviewer'"),
        (["acme-c02", "maybe", "-r", "ana"], "'maybe' is not one of"),
    ],
)
def test_bad_override_exits_with_a_message(reports_dir: Path, args: list[str],
                                           message: str) -> None:
    result = run("review", "override", str(reports_dir), *args, env={"FACTCHECK_REVIEWER": ""})
    assert result.exit_code != 0
    assert message in result.output
    assert not (reports_dir / "reviews.jsonl").exists()


def test_summary_of_a_folder_without_reports(tmp_path: Path) -> None:
    result = run("review", "summary", str(tmp_path))
    assert result.exit_code == 1
    assert "no factcheck JSON reports here" in result.output


def test_export_claimreview(reports_dir: Path, tmp_path: Path) -> None:
    result = run("export", "--claimreview", str(reports_dir))
    assert result.exit_code == 0, result.output
    assert f"wrote 4 ClaimReview item(s) to {reports_dir / 'claimreview.jsonld'}" in result.output
    out = tmp_path / "feed.jsonld"
    assert run("export", "--claimreview", str(reports_dir), "-o", str(out),
               "--author", "Acme Checks").exit_code == 0
    assert json.loads(out.read_text("utf-8"))[0]["author"]["name"] == "Acme Checks"


def test_export_needs_a_format(reports_dir: Path) -> None:
    result = run("export", str(reports_dir))
    assert result.exit_code == 1
    assert "choose what to export: --claimreview" in result.output


def test_check_override_export_end_to_end(tiny_corpus_dir: Path, tmp_path: Path, fake_embedder,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The issue's loop: check a batch, overrule a verdict, and find it in reports and export."""
    monkeypatch.setattr(pipeline, "make_embedder", lambda settings: fake_embedder)
    article = tmp_path / "factory.txt"
    article.write_text(
        "Xiaomi Builds Its Car Factory\n\n"
        "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total. "
        "Xiaomi's car research and development team has 900 members.\n", encoding="utf-8")
    out = tmp_path / "reports"
    checked = run("check", str(article), "--evidence", str(tiny_corpus_dir), "--out", str(out),
                  "--cache-dir", str(tmp_path / "cache"), "-q")
    assert checked.exit_code == 0, checked.output
    with open(out / "claims.csv", encoding="utf-8", newline="") as handle:
        first = next(csv.DictReader(handle))
    new_label = "unverified" if first["label"] != "unverified" else "supported"

    done = run("review", "override", str(out), first["claim_id"], new_label,
               "--note", "checked by hand", "--reviewer", "ana")
    assert done.exit_code == 0, done.output
    assert run("export", "--claimreview", str(out)).exit_code == 0

    with open(out / "claims.csv", encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert (row["label"], row["reviewed_label"], row["final_label"]) == (
        first["label"], new_label, new_label)
    report = json.loads((out / "factory.json").read_text("utf-8"))
    assert report["claims"][0]["review"]["note"] == "checked by hand"
    assert f"reviewed **{new_label.upper()}** by ana" in (out / "factory.md").read_text("utf-8")
    exported = json.loads((out / "claimreview.jsonld").read_text("utf-8"))
    assert exported[0]["reviewRating"]["alternateName"] == new_label.capitalize()
