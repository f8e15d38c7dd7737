"""Nothing is lost: reports are written as each article finishes, `check --resume` skips the
articles whose reports are up to date, and processes sharing a cache directory do not corrupt it.
"""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import app
from factcheck.reports.folder import REPORT_SCHEMA_VERSION
from factcheck.retrieval.corpus import load_corpus
from factcheck.retrieval.index import build_index

HELPER = Path(__file__).resolve().parents[1] / "fake_factcheck.py"
REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


def article_text(number: int) -> str:
    return (
        f"Factory report {number}\n\n"
        f"Xiaomi's Beijing factory can produce {300 + number},000 vehicles a year in total. "
        f"Xiaomi's car research and development team has {2300 + number} members.\n"
    )


@pytest.fixture
def twenty_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(20):
        (folder / f"report-{number:02d}.txt").write_text(article_text(number), encoding="utf-8")
    return folder


def fake_cli(*args: str | Path, delay: float = 0.0, cwd: Path = REPO) -> subprocess.Popen:
    """Start ``factcheck ARGS`` in a new process that uses the test embedder."""
    env = {**os.environ, "FACTCHECK_TEST_FAKE_EMBEDDER": "1",
           "FACTCHECK_TEST_EMBED_DELAY": str(delay)}
    return subprocess.Popen([sys.executable, str(HELPER), *map(str, args)], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out + err


def json_reports(folder: Path) -> dict[str, Path]:
    return {p.stem: p for p in folder.glob("*.json") if not p.name.startswith(".")}


def mtimes(folder: Path, stems: set[str]) -> dict[str, tuple[int, int]]:
    """Inode and modification time of each report file of ``stems``: a rewrite changes both
    (reports are replaced by a new file), even where the clock is coarse."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir()
            if p.stem in stems and p.suffix in (".json", ".md", ".html")}


# -- a killed run keeps its finished reports, and --resume finishes the rest -----------------


@pytest.mark.slow
def test_killed_batch_resumes_without_redoing_finished_articles(
    twenty_articles: Path, tiny_corpus_dir: Path, tmp_path: Path, fake_embedder
):
    out, cache = tmp_path / "reports", tmp_path / "cache"
    args = ("check", twenty_articles, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", cache,
            "-q", "--resume")
    first = fake_cli(*args, delay=0.3)
    deadline = time.monotonic() + 60
    while len(json_reports(out) if out.exists() else {}) < 4:
        assert first.poll() is None, finished(first)[1]
        assert time.monotonic() < deadline, "no report appeared within 60 s"
        time.sleep(0.02)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL

    done = json_reports(out)
    assert 4 <= len(done) < 20, "the run should have been killed part-way"
    for path in done.values():  # written atomically: never half a report
        assert json.loads(path.read_text(encoding="utf-8"))["schema_version"]
    before = mtimes(out, set(done))
    assert not (out / "summary.csv").exists()  # batch files come only at the end

    code, output = finished(fake_cli(*args))
    assert code == 0, output
    assert f"{len(done)} kept up to date (--resume)" in output
    reports = json_reports(out)
    assert sorted(reports) == [f"report-{n:02d}" for n in range(20)]
    for number, (stem, path) in enumerate(sorted(reports.items())):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["schema_version"] == REPORT_SCHEMA_VERSION
        assert data["article"]["text"] == article_text(number)
        assert data["run"]["model"] == fake_embedder.name
        assert data["claims"], stem
        assert (out / f"{stem}.md").exists() and (out / f"{stem}.html").exists()
    assert mtimes(out, set(done)) == before  # the finished articles were not checked again
    with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["article_id"] for row in rows] == sorted(reports)
    assert {row["status"] for row in rows} == {"ok"}
    with open(out / "claims.csv", encoding="utf-8", newline="") as handle:
        claims = list(csv.DictReader(handle))
    assert len(claims) == sum(int(row["total"]) for row in rows)
    assert {row["article_id"] for row in claims} == set(reports)
    assert not list(out.glob(".*.tmp"))  # what the kill left half-written is cleaned up


def test_leftover_temporary_files_of_a_killed_run_are_removed(checked):
    articles, corpus, out, _ = checked
    leftover = out / ".report-01.json.0badcafe.tmp"
    leftover.write_text('{"schema_version": "1.')
    time.sleep(0.01)
    assert check(articles, corpus, out, "--resume").exit_code == 0
    assert not leftover.exists()


# -- what makes a report out of date ----------------------------------------------------------


@pytest.fixture
def fake_model(monkeypatch, fake_embedder):
    monkeypatch.setattr(pipeline, "make_embedder", lambda settings, **options: fake_embedder)


def check(articles: Path, corpus: Path, out: Path, *extra: str):
    return runner.invoke(app, ["check", str(articles), "-e", str(corpus), "-o", str(out),
                               "--cache-dir", str(out.parent / "cache"), "-q", *extra])


@pytest.fixture
def checked(fake_model, twenty_articles: Path, tiny_corpus_dir: Path, tmp_path: Path):
    """Three articles checked once into tmp/reports; returns (articles, corpus, out, mtimes)."""
    for path in sorted(twenty_articles.iterdir())[3:]:
        path.unlink()
    out = tmp_path / "reports"
    result = check(twenty_articles, tiny_corpus_dir, out)
    assert result.exit_code == 0, result.output
    time.sleep(0.01)  # so that a rewrite shows in st_mtime_ns even on coarse clocks
    return twenty_articles, tiny_corpus_dir, out, mtimes(out, set(json_reports(out)))


def redone(out: Path, before: dict[str, tuple[int, int]]) -> set[str]:
    after = mtimes(out, {Path(name).stem for name in before})
    return {Path(name).stem for name in before if after.get(name) != before[name]}


def test_resume_keeps_up_to_date_reports(checked):
    articles, corpus, out, before = checked
    result = check(articles, corpus, out, "--resume")
    assert result.exit_code == 0, result.output
    assert "0 article(s), 3 kept up to date" in result.output
    assert redone(out, before) == set()
    assert (out / "summary.csv").read_text().count(",ok,") == 3


def test_resume_redoes_a_changed_article(checked):
    articles, corpus, out, before = checked
    (articles / "report-01.txt").write_text(article_text(1) + "It was built in 2023.\n")
    assert check(articles, corpus, out, "--resume").exit_code == 0
    assert redone(out, before) == {"report-01"}


def test_resume_redoes_a_torn_or_old_report(checked):
    articles, corpus, out, before = checked
    torn = out / "report-00.json"
    torn.write_text(torn.read_text()[:100])
    old = out / "report-02.json"
    data = json.loads(old.read_text())
    data["schema_version"] = "1.0"
    old.write_text(json.dumps(data))
    before = {**before, **mtimes(out, {"report-00", "report-02"})}
    time.sleep(0.01)
    assert check(articles, corpus, out, "--resume").exit_code == 0
    assert redone(out, before) == {"report-00", "report-02"}
    assert json.loads(torn.read_text())["schema_version"] == REPORT_SCHEMA_VERSION


@pytest.mark.parametrize("change", ["corpus", "settings"])
def test_resume_redoes_everything_when_the_run_changes(checked, change, monkeypatch):
    articles, corpus, out, before = checked
    extra = []
    if change == "corpus":
        path = corpus / "extra.csv"
        path.write_text(path.read_text().replace("2020", "2021"))
    else:
        extra = ["--top-k", "3"]
    assert check(articles, corpus, out, "--resume", *extra).exit_code == 0
    assert redone(out, before) == {"report-00", "report-01", "report-02"}


def test_resume_fills_in_missing_formats_without_rechecking(checked):
    articles, corpus, out, before = checked
    (out / "report-01.html").unlink()
    before.pop("report-01.html")
    assert check(articles, corpus, out, "--resume").exit_code == 0
    assert redone(out, before) == set()
    assert "<!DOCTYPE html>" in (out / "report-01.html").read_text()


def test_a_review_keeps_the_report_resumable(checked):
    articles, corpus, out, before = checked
    claim = json.loads((out / "report-00.json").read_text())["claims"][0]["id"]
    result = runner.invoke(app, ["review", "override", str(out), claim, "supported",
                                 "-r", "ana", "-n", "checked by hand"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report-00.json").read_text())
    assert data["run"] is not None and data["claims"][0]["review"]["reviewer"] == "ana"
    before = mtimes(out, set(before) | {"report-00"})
    time.sleep(0.01)
    assert check(articles, corpus, out, "--resume").exit_code == 0
    assert redone(out, before) == set()


def test_resume_needs_json_reports(fake_model, twenty_articles: Path, tiny_corpus_dir: Path,
                                   tmp_path: Path):
    result = check(twenty_articles, tiny_corpus_dir, tmp_path / "r", "--resume", "-f", "md")
    assert result.exit_code == 1
    assert "--resume reads the JSON reports in --out: add json to --format" in result.output


def test_reports_are_written_as_each_article_finishes(fake_embedder, twenty_articles: Path,
                                                      tiny_corpus_dir: Path, tmp_path: Path):
    from factcheck.inputs.articles import iter_articles

    out = tmp_path / "reports"
    seen: list[set[str]] = []
    checker = pipeline.Checker(tiny_corpus_dir, embedder=fake_embedder)
    items = list(iter_articles([str(twenty_articles)]))[:3]
    checker.check_to_folder(items, out, ["json", "html", "csv"],
                            on_result=lambda _: seen.append(set(json_reports(out))))
    assert seen == [{"report-00"}, {"report-00", "report-01"},
                    {"report-00", "report-01", "report-02"}]


# -- two processes sharing one cache directory ------------------------------------------------


def write_corpus(folder: Path, prefix: str, count: int) -> Path:
    folder.mkdir(parents=True)
    lines = [json.dumps({"id": f"{prefix}{n}", "source": "test",
                         "text": f"Passage {prefix} {n}: Xiaomi delivered {n * 37} cars."})
             for n in range(count)]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_processes_sharing_a_cache_do_not_corrupt_it(tmp_path: Path, fake_embedder):
    cache = tmp_path / "cache"
    # Two corpora that share half their passages; each process is slowed down so they overlap.
    first = write_corpus(tmp_path / "first", "a", 600)
    second = write_corpus(tmp_path / "second", "a", 300)
    with open(second / "corpus.jsonl", "a", encoding="utf-8") as handle:
        handle.write((write_corpus(tmp_path / "b", "b", 300) / "corpus.jsonl").read_text())
    processes = [fake_cli("index", corpus, "--cache-dir", cache, delay=0.2)
                 for corpus in (first, second, first, second)]
    for process in processes:
        code, output = finished(process)
        assert code == 0, output

    for corpus in (first, second):
        index, stats = build_index(load_corpus(corpus), fake_embedder, cache_dir=cache)
        assert (stats.encoded, stats.cached) == (0, len(index.corpus))
        fresh, _ = build_index(load_corpus(corpus), fake_embedder, cache_dir=None)
        assert (index.vectors == fresh.vectors).all()
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
