"""The composed pipeline: articles in, verdicts out; bad inputs become failures, not crashes."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from factcheck.errors import ModelError
from factcheck.pipeline import Checker, extract_article
from factcheck.records import Article, Claim, Failure, Label, Span
from factcheck.settings import Settings

ARTICLE = (
    "Xiaomi Builds Its Car Factory\n\n"
    "Written by Test Writer · 1 min read\n\n"
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total. "
    "Xiaomi's car research and development team has more than 2,300 members. "
    "Is this the future of cars?\n"
)


def make_claim(text: str) -> Claim:
    return Claim("x-c01", "x", text, 0, (Span(0, len(text)),), 0.9)


def test_check_claims_keeps_order_and_labels(tiny_corpus_dir: Path, tmp_path: Path,
                                             fake_embedder):
    checker = Checker(tiny_corpus_dir, embedder=fake_embedder)
    verdicts = checker.check_claims([
        make_claim("Xiaomi's car research and development team has more than 2,300 members."),
        make_claim("Xiaomi's car research and development team has 900 members."),
        make_claim("The weather in Paris was sunny on Tuesday."),
    ])
    assert [v.label for v in verdicts] == [Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED]
    assert verdicts[0].evidence[0].passage.id == "team"


def test_claims_are_embedded_in_one_batch(tiny_corpus_dir: Path, fake_embedder):
    checker = Checker(tiny_corpus_dir, embedder=fake_embedder)
    checker.index  # noqa: B018
    fake_embedder.calls.clear()
    checker.check_claims([make_claim(f"Claim number {i} about Xiaomi.") for i in range(7)])
    assert fake_embedder.calls == [7]


def test_check_article_end_to_end(tiny_corpus_dir: Path, fake_embedder):
    article = Article("demo", ARTICLE, "demo.txt", "Xiaomi Builds Its Car Factory")
    result = Checker(tiny_corpus_dir, embedder=fake_embedder).check_article(article)
    texts = [v.claim.text for v in result.verdicts]
    assert not any("Written by" in t or t.endswith("?") for t in texts)
    assert result.counts()[Label.SUPPORTED] >= 1
    for verdict in result.verdicts:
        for span in verdict.claim.spans:
            assert 0 <= span.start < span.end <= len(ARTICLE)


def test_the_article_result_lists_the_question_it_did_not_check(tiny_corpus_dir: Path,
                                                                fake_embedder):
    article = Article("demo", ARTICLE.replace("Is this", "Will 2025 be"), "demo.txt", "")
    result = Checker(tiny_corpus_dir, embedder=fake_embedder).check_article(article)
    assert [(s.text, s.reason) for s in result.skipped] == [
        ("Will 2025 be the future of cars?", "a question, not a statement")]


def test_claims_over_the_limit_are_listed_as_skipped_not_lost():
    article = Article("demo", ARTICLE, "demo.txt", "")
    extracted = extract_article(article, Settings(max_claims_per_article=1))
    assert len(extracted.claims) == 1
    (over,) = [s for s in extracted.skipped if s.reason.startswith("over the limit")]
    assert "2,300 members" in over.text
    assert extracted.truncated_at is not None


def test_batch_keeps_going_after_a_failure(tiny_corpus_dir: Path, fake_embedder):
    good = Article("good", ARTICLE, "good.txt", "Good")
    items = [Failure("broken.pdf", "looks like a binary file"), good]
    seen = []
    batch = Checker(tiny_corpus_dir, embedder=fake_embedder).check_batch(items, seen.append)
    assert [r.article.id for r in batch.results] == ["good"]
    assert batch.failures == (Failure("broken.pdf", "looks like a binary file"),)
    assert len(seen) == 2


def test_the_pipeline_never_touches_the_network(tiny_corpus_dir: Path, fake_embedder,
                                                monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the core pipeline opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    article = Article("demo", ARTICLE, "demo.txt", "Demo")
    result = Checker(tiny_corpus_dir, embedder=fake_embedder).check_article(article)
    assert result.verdicts


def test_unknown_model_fails_fast_with_a_clear_message(tiny_corpus_dir: Path, tmp_path: Path):
    from factcheck.settings import Settings

    settings = Settings(model="no-such-org/no-such-model", cache_dir=tmp_path)
    checker = Checker(tiny_corpus_dir, settings)
    with pytest.raises(ModelError, match="--model PATH"):
        checker.check_claims([make_claim("Xiaomi makes cars.")])


def test_names_off_means_no_name_analysis_at_all(tiny_corpus_dir: Path, tmp_path: Path,
                                                 fake_embedder, monkeypatch):
    """With analyse_names off, spaCy is never run: not at index time, not while judging."""
    from factcheck.analysis import names as names_module
    from factcheck.pipeline import Checker
    from factcheck.records import Claim, Span
    from factcheck.settings import Settings

    def refuse(*args, **kwargs):
        raise AssertionError("spaCy was asked for names")

    monkeypatch.setattr(names_module.NameFinder, "find", refuse)
    checker = Checker(tiny_corpus_dir, Settings(cache_dir=tmp_path / "c", analyse_names=False),
                      embedder=fake_embedder)
    text = "Xiaomi's car research and development team has 900 members."
    verdict = checker.check_claims([Claim("c", "a", text, 0, (Span(0, len(text)),), 1.0)])[0]
    assert verdict.label.value == "contradicted"
