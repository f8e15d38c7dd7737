"""Hybrid retrieval: cosine similarity of embeddings fused with BM25, so exact numbers and names count.

Pure functions over arrays; the corpus vectors come from :mod:`factcheck.index`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from factcheck.records import Hit, Passage

STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has
    have had do does did this that these those it its it's their there they them he she his her we
    our you your i me my not no so than then too very can could will would should may might must
    into about over under after before up down out off again also just only such which who whom
    what when where why how all any both each few more most other some own same s t said says
    according reports report per""".split()
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Lower-cased word and number tokens without stopwords; "300,000" becomes "300000"."""
    tokens = []
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            token = token.replace(",", "")
            if token.endswith(".0"):
                token = token[:-2]
        else:
            token = re.sub(r"['’]s?$", "", token)
            if token in STOPWORDS:
                continue
        tokens.append(stem(token))
    return tokens


def stem(token: str) -> str:
    """A light suffix stripper so "vehicles"/"vehicle" and "produced"/"producing" meet."""
    if len(token) <= 3 or token[0].isdigit():
        return token
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            token = token[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return token[:-1] if token.endswith("e") and len(token) > 3 else token


class BM25:
    """Okapi BM25 over pre-tokenised documents (k1=1.2, b=0.75)."""

    def __init__(self, documents: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.counts = [Counter(doc) for doc in documents]
        self.lengths = np.array([len(doc) for doc in documents], dtype=np.float32)
        self.average_length = float(self.lengths.mean()) if len(documents) else 0.0
        frequency: Counter[str] = Counter()
        for counts in self.counts:
            frequency.update(counts.keys())
        n = len(documents)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in frequency.items()}
        self.postings: dict[str, list[int]] = {}
        for index, counts in enumerate(self.counts):
            for term in counts:
                self.postings.setdefault(term, []).append(index)

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """Scores of every document for ``query``, divided by the query's best possible score.

        The divisor is the sum of the query terms' ``idf * (k1 + 1)``, so scores fall in [0, 1)
        and mean the same across queries.
        """
        scores = np.zeros(len(self.counts), dtype=np.float32)
        ceiling = 0.0
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                ceiling += math.log(1 + (len(self.counts) + 0.5) / 0.5) * (self.k1 + 1)
                continue
            ceiling += idf * (self.k1 + 1)
            for index in self.postings[term]:
                tf = self.counts[index][term]
                norm = self.k1 * (1 - self.b + self.b * self.lengths[index] / self.average_length)
                scores[index] += idf * tf * (self.k1 + 1) / (tf + norm)
        return scores / ceiling if ceiling else scores


def search(
    query_vectors: np.ndarray,
    corpus_vectors: np.ndarray,
    query_tokens: Sequence[Sequence[str]],
    bm25: BM25,
    passages: Sequence[Passage],
    *,
    top_k: int = 5,
    lexical_weight: float = 0.3,
    candidates: int = 50,
) -> list[list[Hit]]:
    """The ``top_k`` passages for each query by fused score ``(1-w)*cosine + w*bm25``.

    Args:
        query_vectors: ``(q, d)`` normalised query embeddings.
        corpus_vectors: ``(n, d)`` normalised passage embeddings, row i for ``passages[i]``.
        query_tokens: tokens of each query (see :func:`tokenize`).
        bm25: lexical index over the same passages, in the same order.
        passages: the corpus passages.
        top_k: hits returned per query (default 5).
        lexical_weight: ``w``, the BM25 share of the fused score (default 0.3).
        candidates: passages considered per query from each of the dense and lexical rankings
            before fusing (default 50).

    Returns:
        One list of hits per query, best first, each hit carrying fused, dense and lexical scores.
    """
    if len(passages) == 0 or len(query_vectors) == 0:
        return [[] for _ in range(len(query_vectors))]
    dense_all = query_vectors @ corpus_vectors.T
    results = []
    for row, tokens in enumerate(query_tokens):
        dense = dense_all[row]
        lexical = bm25.scores(tokens)
        pool = min(candidates, len(passages))
        chosen = set(np.argpartition(-dense, pool - 1)[:pool].tolist())
        chosen.update(np.argpartition(-lexical, pool - 1)[:pool].tolist())
        ids = np.fromiter(chosen, dtype=np.int64)
        fused = (1 - lexical_weight) * dense[ids] + lexical_weight * lexical[ids]
        order = ids[np.argsort(-fused, kind="stable")][:top_k]
        results.append([
            Hit(
                passage=passages[i], rank=rank,
                score=float((1 - lexical_weight) * dense[i] + lexical_weight * lexical[i]),
                dense=float(dense[i]), lexical=float(lexical[i]),
            )
            for rank, i in enumerate(order.tolist(), start=1)
        ])
    return results
