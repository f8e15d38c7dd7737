"""Hybrid retrieval ranks by meaning and by exact words and numbers."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.records import Passage
from factcheck.retrieval import BM25, search, stem, tokenize


def passage(pid: str, text: str) -> Passage:
    return Passage(pid, text, "src", None, None, None, f"test line {pid}")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("Xiaomi's factory makes 300,000 vehicles.", ["xiaomi", "factory", "mak", "300000",
                                                   "vehicl"]),
     ("The R&D team", ["r", "d", "team"])],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_stem_joins_plural_and_singular():
    assert stem("vehicles") == stem("vehicle")


def test_bm25_prefers_exact_numbers():
    docs = [tokenize("capacity of 150,000 vehicles"), tokenize("capacity of 300,000 vehicles")]
    scores = BM25(docs).scores(tokenize("300,000 vehicles"))
    assert scores[1] > scores[0]
    assert 0 <= scores.min() and scores.max() < 1


def test_search_fuses_dense_and_lexical():
    passages = [passage("a", "alpha beta"), passage("b", "gamma delta"), passage("c", "beta")]
    corpus = np.eye(3, dtype=np.float32)
    query = np.array([[0.6, 0.0, 0.8]], dtype=np.float32)
    bm25 = BM25([tokenize(p.text) for p in passages])
    hits = search(query, corpus, [tokenize("alpha")], bm25, passages, top_k=2,
                  lexical_weight=0.5)[0]
    assert [h.passage.id for h in hits] == ["a", "c"]  # "alpha" lifts a above the denser c
    assert hits[0].rank == 1 and hits[0].lexical > 0 and hits[1].lexical == 0
    assert hits[0].score == pytest.approx(0.5 * hits[0].dense + 0.5 * hits[0].lexical)


def test_search_on_empty_corpus_returns_nothing():
    hits = search(np.ones((2, 3), dtype=np.float32), np.zeros((0, 3), dtype=np.float32),
                  [[], []], BM25([]), [], top_k=3)
    assert hits == [[], []]
