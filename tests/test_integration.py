"""End to end with the real model: the demo batch and the seed article, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.inputs.articles import load_article
from factcheck.pipeline import Checker
from factcheck.records import Label
from factcheck.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "articles" / "xiaomi-ev-mass-production.txt"

pytestmark = pytest.mark.integration


def test_demo_batch_writes_every_report(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "reports"
    result = CliRunner().invoke(app, ["check", "claims/", "--out", str(out),
                                      "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    articles = sorted(p.stem for p in (REPO / "claims").glob("*.txt"))
    for article in articles:
        for suffix in (".json", ".md", ".html"):
            assert (out / f"{article}{suffix}").stat().st_size > 0
    assert (out / "claims.csv").exists() and (out / "summary.csv").exists()
    labels = {}
    for article in articles:
        report = json.loads((out / f"{article}.json").read_text())
        for claim in report["claims"]:
            labels[claim["text"]] = claim["verdict"]["label"]
            assert claim["verdict"]["rationale"]
    assert set(labels.values()) == {"supported", "contradicted", "unverified"}
    wrong_year = [t for t in labels if "March 2020" in t]
    assert wrong_year and all(labels[t] == "contradicted" for t in wrong_year)


@pytest.mark.skipif(not SEED.exists(), reason="../shared/articles is not available")
def test_seed_article_verdicts(real_embedder, tmp_path: Path):
    article = load_article(SEED)
    checker = Checker(REPO / "evidence", Settings(cache_dir=tmp_path), embedder=real_embedder)
    result = checker.check_article(article)
    by_text = {v.claim.text: v for v in result.verdicts}
    assert not any("Read more" in t or "Written by" in t for t in by_text)
    ten_billion = [v for t, v in by_text.items() if "10 billion" in t]
    assert ten_billion and ten_billion[0].label == Label.SUPPORTED
    assert "10 billion" in ten_billion[0].rationale
    for verdict in result.verdicts:
        for span in verdict.claim.spans:
            assert 0 <= span.start < span.end <= len(article.text)
        if verdict.label != Label.UNVERIFIED:
            assert verdict.evidence and verdict.evidence[0].passage.url
