"""factcheck explain: one statement, its passages and the comparison slot by slot."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.analyst.explain import explain
from factcheck.cli import app
from factcheck.pipeline import Checker
from factcheck.records import Label
from factcheck.settings import Settings


@pytest.fixture
def checker(tiny_corpus_dir: Path, tmp_path: Path, fake_embedder) -> Checker:
    return Checker(tiny_corpus_dir, Settings(cache_dir=tmp_path / "cache"),
                   embedder=fake_embedder)


def test_a_figure_stated_differently_is_shown_slot_by_slot(checker: Checker):
    explanation = explain(checker, "Xiaomi's car research and development team has 900 members.")
    assert explanation.verdict.label is Label.CONTRADICTED
    text = str(explanation)
    assert "figure differs: claim 900 members, passage over 2,300 members" in text
    assert "CnEVPost [team]" in text and "score" in text


def test_the_cli_prints_the_explanation(offline_fake_model, checker: Checker,
                                        tiny_corpus_dir: Path):
    result = CliRunner().invoke(app, ["explain", "Xiaomi's team has more than 2,300 members.",
                                      "--evidence", str(tiny_corpus_dir), "--cache-dir",
                                      str(tiny_corpus_dir.parent / "cache")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("claim: Xiaomi's team has more than 2,300 members.")
    assert "figure agrees" in result.output


def test_an_empty_statement_is_a_usage_error(tiny_corpus_dir: Path):
    result = CliRunner().invoke(app, ["explain", "  ", "--evidence", str(tiny_corpus_dir)])
    assert result.exit_code == 1 and "nothing to explain" in result.output
