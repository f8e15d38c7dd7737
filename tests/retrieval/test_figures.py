"""The passages' figures are read at index time, cached beside the embeddings, read back the same,
and the judge finds them there instead of reading the passages again."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.analysis import quantities
from factcheck.analysis.quantities import extract_quantities, read_quantities
from factcheck.retrieval.corpus import load_corpus
from factcheck.retrieval.figures import corpus_figures

PASSAGES = [
    "Acme sold 1.2 million cars in 2023, up 12% from a year earlier.",
    "The final lasted an hour and a half and drew 92,453 fans on 19 November 2023.",
    "The company paid A$86.5 million, a quarter of an hour after the deadline.",
    "No figures here at all.",
]


def _corpus(tmp_path: Path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    rows = [{"id": f"p{i}", "text": text, "source": "Wire"} for i, text in enumerate(PASSAGES)]
    (folder / "passages.jsonl").write_text(
        "".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return load_corpus(folder)


def test_cached_figures_equal_a_fresh_reading(tmp_path: Path):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    built = corpus_figures(corpus, cache)
    assert len(list(cache.glob("figures-*.npz"))) == 1
    reopened = corpus_figures(corpus, cache)
    for text in PASSAGES:
        assert built.get(text) == reopened.get(text) == read_quantities(text)
    assert reopened.get("a text that is no passage") is None


def test_the_judge_reads_a_passage_s_figures_from_the_index(tmp_path: Path):
    corpus = _corpus(tmp_path)
    figures = corpus_figures(corpus, None)
    assert extract_quantities(PASSAGES[0]) == list(figures.get(PASSAGES[0]) or ())

    class Marked:  # a source answering for one text, to see that it is asked first
        def get(self, text: str):
            return read_quantities("42 tonnes") if text == PASSAGES[3] else None

    marked = Marked()
    quantities.remember(marked)
    assert [q.value for q in extract_quantities(PASSAGES[3])] == [42.0]
    del marked  # a source no one keeps is forgotten
    assert extract_quantities(PASSAGES[3]) == []


def test_a_damaged_cache_is_read_again_not_trusted(tmp_path: Path):
    corpus = _corpus(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    corpus_figures(corpus, cache)
    (path,) = cache.glob("figures-*.npz")
    path.write_bytes(path.read_bytes()[:200])
    again = corpus_figures(corpus, cache)
    assert again.get(PASSAGES[1]) == read_quantities(PASSAGES[1])
