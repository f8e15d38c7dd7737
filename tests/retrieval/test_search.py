"""Hybrid retrieval ranks by meaning and by exact words and numbers."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.records import Passage
from factcheck.retrieval.search import BM25, search
from factcheck.text import stem, tokenize


def passage(pid: str, text: str) -> Passage:
    return Passage(pid, text, "src", None, None, None, f"test line {pid}")


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("Xiaomi's factory makes 300,000 vehicles.", ["xiaomi", "factori", "mak", "300000",
                                                   "vehicl"]),
     ("The R&D team", ["r", "d", "team"])],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_stem_joins_plural_and_singular():
    assert stem("vehicles") == stem("vehicle")


@pytest.mark.parametrize(("word", "other"), [
    ("arbitrarily", "arbitrary"), ("capriciously", "capricious"), ("companies", "company"),
    ("classes", "class")])
def test_stem_joins_an_adverb_or_plural_with_its_word(word: str, other: str):
    assert stem(word) == stem(other)


@pytest.mark.parametrize(("word", "other"), [
    ("dropped", "drop"), ("dropping", "drop"), ("planned", "plan"), ("admitted", "admit"),
    ("added", "add"), ("installed", "install"), ("called", "call")])
def test_stem_joins_a_past_or_gerund_with_a_doubled_consonant_to_its_verb(word: str, other: str):
    assert stem(word) == stem(other)


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
                  [[], []], BM25([]), [], top_k=3, lexical_weight=0.3)
    assert hits == [[], []]


def reference_bm25(docs: list[list[str]], query: list[str], k1=1.2, b=0.75) -> np.ndarray:
    """Okapi BM25 written out term by term, normalised like BM25.scores."""
    n = len(docs)
    average = sum(len(d) for d in docs) / n
    scores = np.zeros(n)
    ceiling = 0.0
    for term in dict.fromkeys(query):
        df = sum(term in d for d in docs)
        idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        ceiling += idf * (k1 + 1)
        for i, doc in enumerate(docs):
            tf = doc.count(term)
            scores[i] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / average))
    return scores / ceiling


def test_bm25_matches_the_formula_and_survives_a_file(tmp_path):
    docs = [tokenize(t) for t in ("Xiaomi plant makes 150,000 cars", "Xiaomi Xiaomi phones",
                                  "a plant in Beijing makes cars and cars", "unrelated text")]
    query = tokenize("Xiaomi cars plant Beijing")
    bm25 = BM25(docs)
    assert np.allclose(bm25.scores(query), reference_bm25(docs, query), atol=1e-6)
    bm25.save(tmp_path / "bm25.npz")
    loaded = BM25.load(tmp_path / "bm25.npz")
    assert np.array_equal(loaded.scores(query), bm25.scores(query))
    assert set(bm25.top(bm25.scores(query), query, 2)) == {0, 2}


@pytest.mark.parametrize("query", ["Xiaomi cars plant Beijing", "cars", "plant makes text",
                                   "nothing matches"])
def test_bm25_lexical_gives_what_scores_and_top_give(query):
    # many documents sharing the query's terms and few: both ways of ranking
    docs = [tokenize(t) for t in ("Xiaomi plant makes 150,000 cars", "Xiaomi Xiaomi phones",
                                  "a plant in Beijing makes cars and cars", "unrelated text",
                                  "cars cars cars", "plant", "text about cars")]
    bm25 = BM25(docs)
    tokens = tokenize(query)
    top, scores_of = bm25.lexical(tokens, 3)
    scores = bm25.scores(tokens)
    assert np.array_equal(np.sort(top), np.sort(bm25.top(scores, tokens, 3)))
    ids = np.arange(len(docs))
    assert np.array_equal(scores_of(ids), scores)
