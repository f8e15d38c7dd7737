"""Issue 12's reproducers, one test each: one bad input never sinks a batch, reviews and caches
survive damage, fetches are bounded and safe, output is one writer's and safe in a <script>."""

from __future__ import annotations

import csv
import errno
import json
import os
import time
import warnings
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.cli import app
from factcheck.errors import ConfigError, CorpusError
from factcheck.files import sole_writer
from factcheck.inputs.articles import iter_articles
from factcheck.inputs.decode import html_to_text
from factcheck.records import Article, Failure
from factcheck.retrieval.corpus import load_corpus
from factcheck.retrieval.index import build_index, cache_folder
from factcheck.settings import load_settings

runner = CliRunner()

GOOD = ("Xiaomi Builds Its Car Factory\n\nXiaomi's Beijing factory can produce 300,000 vehicles "
        "a year in total. Xiaomi's car research and development team has 900 members.\n")


# Every test here checks with the fake model (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("offline_fake_model")


def check(*args: str | Path):
    return runner.invoke(app, ["check", *map(str, args)])


def summary(out: Path) -> dict[str, dict[str, str]]:
    with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
        return {row["source"]: row for row in csv.DictReader(handle)}


# -- 1. one bad input aborts the whole batch ------------------------------------------------------


@pytest.mark.parametrize("charset", ["rot13", "undefined", "hex", "no-such-codec"])
def test_a_charset_that_is_not_a_text_codec_falls_back_and_says_so(tmp_path: Path, charset):
    page = tmp_path / "page.html"
    page.write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>Xiaomi sold '
                     f"10,000 cars in 2021.</p></body></html>".encode())
    notes: list[str] = []
    [article] = iter_articles([str(page)], on_note=notes.append)
    assert isinstance(article, Article) and "Xiaomi sold 10,000 cars" in article.text
    assert notes == [f"{page}: declared charset '{charset}' is not a text encoding; decoded as "
                     "UTF-8 (else cp1252)"]


def test_a_non_utf8_file_name_is_checked_and_reported(tiny_corpus_dir: Path, tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as handle:
        handle.write(GOOD.encode())
    out = tmp_path / "out"
    result = check(folder, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", tmp_path / "c")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    rows = summary(out)
    assert str(folder / "caf\\xe9.txt") in rows  # printable, the undecodable byte escaped
    assert (out / "caf-xe9.json").is_file() and (out / "good.json").is_file()


@pytest.mark.parametrize(("field", "escape"), [("source", "S\\udc00"), ("text", "\\ud800"),
                                                ("id", "p\\udfff")])
def test_a_lone_surrogate_in_the_corpus_is_named_with_file_line_and_fix(tmp_path: Path, field,
                                                                         escape):
    record = {"id": "p1", "text": "Xiaomi sold 10,000 cars.", "source": "S"}
    line = json.dumps(record).replace(f'"{record[field]}"', f'"{escape}"')
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "p0", "text": "Fine.", "source": "S"}\n' + line + "\n")
    with pytest.raises(CorpusError, match=rf"c.jsonl line 2: field '{field}' has a lone "
                                          r"surrogate U\+D[8-F][0-9A-F]{2} at character \d+"):
        load_corpus(corpus)
    result = runner.invoke(app, ["evidence", "validate", str(corpus)])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_a_stuck_article_fails_alone_at_the_time_budget(tiny_corpus_dir: Path, tmp_path: Path,
                                                        monkeypatch):
    real = pipeline.extract_article

    def stuck(article, settings):
        if article.id == "stuck":
            time.sleep(30)
        return real(article, settings)

    monkeypatch.setattr(pipeline, "extract_article", stuck)
    monkeypatch.setenv("FACTCHECK_ARTICLE_TIME_BUDGET", "1")
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("alpha", "stuck", "omega"):
        (folder / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    started = time.monotonic()
    out = tmp_path / "out"
    result = check(folder, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", tmp_path / "c")
    assert time.monotonic() - started < 10
    assert result.exit_code == 3, result.output
    assert (f"failed: {folder / 'stuck.txt'}: took more than 1s (article_time_budget) and was "
            "stopped") in result.output
    assert {p.name for p in out.glob("*.json")} == {"alpha.json", "omega.json"}


# -- 2. review override destroys reviews ----------------------------------------------------------


def test_override_after_a_missing_final_newline_keeps_both_reviews(reports_dir: Path):
    from factcheck.analyst.review import Review

    assert runner.invoke(app, ["review", "override", str(reports_dir), "acme-c01", "supported",
                               "-r", "ana"]).exit_code == 0
    path = reports_dir / "reviews.jsonl"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    result = runner.invoke(app, ["review", "override", str(reports_dir), "acme-c02",
                                 "supported", "-r", "bo"])
    assert result.exit_code == 0, result.output
    assert len(Review(reports_dir).records()) == 2
    for command in (["review", "summary", str(reports_dir)],
                    ["export", "--claimreview", str(reports_dir)]):
        assert runner.invoke(app, command).exit_code == 0


@pytest.mark.parametrize("tail", [b'{"schema_version": "1", "arti', b"\x00\xffgarbage"])
def test_override_after_a_torn_line_exits_0_and_records_once(reports_dir: Path, tail: bytes):
    from factcheck.analyst.review import Review

    path = reports_dir / "reviews.jsonl"
    path.write_bytes(tail)
    result = runner.invoke(app, ["review", "override", str(reports_dir), "acme-c01",
                                 "contradicted", "-r", "ana"])
    assert result.exit_code == 0, result.output
    assert "reviews.jsonl line 1:" in result.output and "skipped" in result.output
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [r.reviewer for r in Review(reports_dir).records()] == ["ana"]
    repaired = runner.invoke(app, ["review", "repair", str(reports_dir)])
    assert repaired.exit_code == 0 and "1 review(s) kept; 1 damaged line(s) moved" in \
        repaired.output
    assert (reports_dir / "reviews.jsonl.rejected").read_bytes() == tail + b"\n"
    assert len(path.read_bytes().splitlines()) == 1


@pytest.mark.parametrize("option", ["--note", "--reviewer"])
def test_a_non_utf8_review_argument_is_one_line_and_writes_nothing(reports_dir: Path, option):
    args = ["review", "override", str(reports_dir), "acme-c01", "supported", "-r", "ana",
            option, "caf\udce9"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"error: {option}: the text has a lone surrogate U+DCE9" in result.output
    assert not (reports_dir / "reviews.jsonl").exists()


# -- 3 and 8. damaged caches -----------------------------------------------------------------------


def _index(tiny_corpus_dir, cache, embedder):
    corpus = load_corpus(tiny_corpus_dir)
    index, _ = build_index(corpus, embedder, cache_dir=cache)
    query = embedder.embed(["Xiaomi factory vehicles a year"])
    return index.search(query, ["Xiaomi factory vehicles a year"], top_k=3, lexical_weight=0.3)


def _damage_vectors(folder: Path, how: str) -> None:
    path = folder / "vectors.npy"
    vectors = np.load(path, mmap_mode="r+")
    if how == "nan":
        vectors[:] = np.nan
    else:
        vectors[[0, 1]] = vectors[[1, 0]]
    vectors.flush()


@pytest.mark.parametrize("damage", ["nan", "swapped", "meta-null", "bm25-truncated",
                                    "lock-folder", "meta-wrong-types"])
def test_a_damaged_cache_is_rebuilt_with_one_line_and_gives_the_same_hits(
        tiny_corpus_dir: Path, tmp_path: Path, fake_embedder, damage):
    cache = tmp_path / "cache"
    fresh = _index(tiny_corpus_dir, cache, fake_embedder)
    folder = cache_folder(cache, fake_embedder.name)
    if damage in ("nan", "swapped"):
        _damage_vectors(folder, damage)
    elif damage == "meta-null":
        (folder / "meta.json").write_text("null")
    elif damage == "meta-wrong-types":
        meta = json.loads((folder / "meta.json").read_text())
        meta["rows"] = "4"
        (folder / "meta.json").write_text(json.dumps(meta))
    elif damage == "bm25-truncated":
        [bm25] = folder.glob("bm25-*.npz")
        bm25.write_bytes(bm25.read_bytes()[:100])
    else:
        (folder / "lock").unlink()
        (folder / "lock").mkdir()
        (folder / "lock" / "x").write_text("")
    with pytest.warns(UserWarning, match="rebuilding it"):
        again = _index(tiny_corpus_dir, cache, fake_embedder)
    assert [[(h.passage.id, round(h.score, 6)) for h in hits] for hits in again] == \
        [[(h.passage.id, round(h.score, 6)) for h in hits] for hits in fresh]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # repaired: no second rebuild
        _index(tiny_corpus_dir, cache, fake_embedder)


# -- 4. HTML reduction is linear ----------------------------------------------------------------


@pytest.mark.slow
def test_5_mb_of_blocks_reduce_in_seconds():
    html = "<html><body>" + "".join(
        f"<p>Paragraph {i} says Xiaomi sold cars.</p><div>x</div>" for i in range(90_000)
    ) + "</body></html>"
    assert len(html) > 5_000_000
    started = time.perf_counter()
    _, text = html_to_text(html)
    # was about 45 minutes; a bound loose enough for a loaded machine (a few seconds when quiet)
    assert time.perf_counter() - started < 90
    assert text.count("\n\n") == 180_000 - 1


@pytest.mark.slow
def test_100000_deep_nesting_reduces_in_seconds():
    started = time.perf_counter()
    _, text = html_to_text("<div>" * 100_000 + "deep" + "</div>" * 100_000)
    assert text == "deep" and time.perf_counter() - started < 20


def test_an_xml_declared_page_prints_no_parser_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert html_to_text('<?xml version="1.0"?><html><body><p>Hi</p></body></html>')[1] == "Hi"


# -- 6. JSON-LD inside <script> -------------------------------------------------------------------


def test_claimreview_json_ld_cannot_end_its_script_element(reports_dir: Path, tmp_path: Path):
    out = tmp_path / "items.jsonld"
    author = "</script><script>alert(1)</script>&\u2028"
    result = runner.invoke(app, ["export", "--claimreview", str(reports_dir), "-o", str(out),
                                 "--author", author])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert not any(char in text for char in "<>&\u2028")
    assert json.loads(text)[0]["author"]["name"] == author


# -- 7. devices and FIFOs --------------------------------------------------------------------------


def test_dev_zero_is_refused_at_once():
    [failure] = iter_articles(["/dev/zero"])
    assert failure == Failure("/dev/zero", "/dev/zero: is a device, not an article file; save "
                                           "the text to a file, or pipe it in with '-'")


def test_a_fifo_is_refused_without_hanging(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    [failure] = iter_articles([str(fifo)])
    assert isinstance(failure, Failure) and "is a FIFO (named pipe)" in failure.reason
    assert time.monotonic() - started < 5


def test_a_symlink_loop_is_not_called_missing(tmp_path: Path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    [failure] = iter_articles([str(loop)])
    assert "symbolic link to nothing or a symbolic link loop" in failure.reason


# -- 10. one writer per reports folder -------------------------------------------------------------


def test_a_second_run_into_the_same_out_fails_at_once(tiny_corpus_dir: Path, tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with sole_writer(out):
        started = time.monotonic()
        result = check(article, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", tmp_path / "c")
        assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert "another factcheck run is writing into this folder" in result.output
    assert "--wait" in result.output and not (out / "a.json").exists()
    assert check(article, "-e", tiny_corpus_dir, "-o", out, "--cache-dir",
                 tmp_path / "c", "--wait").exit_code == 0


def test_claims_csv_is_rebuilt_from_the_json_on_disk(tiny_corpus_dir: Path, tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    args = (article, "-e", tiny_corpus_dir, "-o", out, "--cache-dir", tmp_path / "c")
    assert check(*args).exit_code == 0
    report = json.loads((out / "a.json").read_text())
    report["claims"][0]["verdict"]["label"] = "contradicted"  # as another writer left it
    (out / "a.json").write_text(json.dumps(report))
    (out / "claims.csv").unlink()
    assert check(*args, "--resume").exit_code == 0
    with open(out / "claims.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.DictReader(handle))["label"] == "contradicted"


# -- 11. one-line errors ---------------------------------------------------------------------------


def test_a_read_only_out_fails_before_any_work(tiny_corpus_dir: Path, tmp_path: Path):
    if os.geteuid() == 0:
        target = Path("/proc/version/reports")  # not even root can write under a /proc file
    else:
        target = tmp_path / "ro" / "out"
        (tmp_path / "ro").mkdir(mode=0o500)
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    result = check(article, "-e", tiny_corpus_dir, "-o", target, "--cache-dir", tmp_path / "c")
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {target}: cannot write reports here")
    assert not (tmp_path / "c").exists()  # nothing was indexed


@pytest.mark.parametrize("code", [errno.EFBIG, errno.ENOSPC])
def test_disk_full_is_one_line(tiny_corpus_dir: Path, tmp_path: Path, monkeypatch, code):
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr("factcheck.reports.folder.write_atomic", full)
    result = check(article, "-e", tiny_corpus_dir, "-o", tmp_path / "out", "--cache-dir",
                   tmp_path / "c")
    assert result.exit_code == 1
    assert "cannot write the reports: " in result.output and "Traceback" not in result.output


# -- 12. low ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("env", "message"), [
    ({"FACTCHECK_TOP_K": "2.9"}, "'top_k' = '2.9' is not a valid int"),
    ({"FACTCHECK_CACHE_DIR": ""}, "'cache_dir' = '' is not a valid"),
    ({"FACTCHECK_MODEL": " "}, "'model' = ' ' is not a valid str"),
    ({"FACTCHECK_TOPK": "3"}, "unknown variable(s) FACTCHECK_TOPK"),
])
def test_bad_environment_settings_are_errors(env, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(env=env)


@pytest.mark.parametrize("value", ["2.9", "true"])
def test_toml_numbers_are_not_rounded_or_taken_from_booleans(tmp_path: Path, value):
    config = tmp_path / "f.toml"
    config.write_text(f"top_k = {value}\n")
    with pytest.raises(ConfigError, match="'top_k'"):
        load_settings(config, env={})


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": "p", "text": "T.", "source": "S", "publshed": "2021"}', "unknown field(s) 'publshed'"),
    ('{"id": NaN, "text": "T.", "source": "S"}', "id nan is not a whole number"),
    ('{"id": 1e400, "text": "T.", "source": "S"}', "id inf is not a whole number"),
    ('{"id": "p", "text": "T.", "source": "S", "published": "2021-02-31"}', "bad date"),
])
def test_corpus_low_items_are_problems(tmp_path: Path, line, message):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(line + "\n")
    with pytest.raises(CorpusError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_corpus(corpus)


def test_near_miss_files_and_dangling_links_in_a_corpus_are_listed(tiny_corpus_dir: Path):
    (tiny_corpus_dir / "more.json").write_text("[]")
    (tiny_corpus_dir / "more.tsv").write_text("id\ttext\n")
    os.symlink(tiny_corpus_dir / "gone.jsonl", tiny_corpus_dir / "dangling.jsonl")
    with pytest.raises(CorpusError) as raised:
        load_corpus(tiny_corpus_dir)
    text = str(raised.value)
    assert "more.json: not read" in text and "more.tsv: not read" in text
    assert "dangling.jsonl: a symbolic link to nothing" in text


def test_eval_on_a_claim_with_a_lone_surrogate_names_the_line(tmp_path: Path):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": "c1", "claim": "Xiaomi \\ud800 sold cars.", "label": "supported"}\n')
    result = runner.invoke(app, ["eval", str(claims), "--judge", "rules"])
    assert result.exit_code == 1
    assert f"{claims} line 1: field 'claim' has a lone surrogate U+D800" in result.output
