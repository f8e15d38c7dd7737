"""Fitting the unsaid-slot model from topic gold files (benchmarks/fit_unsaid.py), with the real
embedder and spaCy's model (marked integration)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from factcheck.judging.unsaid import load_unsaid

REPO = Path(__file__).resolve().parents[2]


def _load_script():
    sys.path.insert(0, str(REPO / "benchmarks"))  # the script imports bench_topics beside it
    path = REPO / "benchmarks" / "fit_unsaid.py"
    spec = importlib.util.spec_from_file_location("fit_unsaid", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.integration
def test_the_script_fits_a_model_that_records_what_it_was_fitted_on(
        real_embedder, tmp_path: Path, monkeypatch, capsys):
    script = _load_script()
    monkeypatch.setattr(script, "make_embedder", lambda settings, **kw: real_embedder)
    gold = [REPO / "benchmarks" / "topics" / "gold.jsonl",
            REPO / "benchmarks" / "heldout" / "gold.jsonl"]
    out = tmp_path / "unsaid.json"
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert script.main(["--gold", *map(str, gold), "--exclude-topics", "chandrayaan-3",
                        "--out", str(out), *cache]) == 0
    model = load_unsaid(out)
    assert model is not None
    meta = model.metadata
    assert sorted(meta["fitted_on"]) == ["benchmarks/heldout/gold.jsonl",
                                         "benchmarks/topics/gold.jsonl"]
    assert all(len(digest) == 64 for digest in meta["fitted_on"].values())
    assert meta["excluded_topics"] == ["chandrayaan-3"]
    assert sum(meta["rows"].values()) == meta["cross_validation"]["chosen"]["of"] > 0
    # one set cannot choose floors by leaving a set out: a clear message, no model, no traceback
    capsys.readouterr()
    assert script.main(["--gold", str(gold[0]), "--out", str(tmp_path / "one.json"), *cache]) == 1
    assert "two or more sets" in capsys.readouterr().err
    assert not (tmp_path / "one.json").exists()
