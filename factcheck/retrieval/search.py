"""Hybrid retrieval: embedding cosine fused with BM25, so exact numbers and names count.

Pure functions over arrays; the corpus vectors come from :mod:`factcheck.retrieval.index`.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from factcheck.records import Hit, Passage


class BM25:
    """Okapi BM25 over pre-tokenised documents (k1=1.2, b=0.75), held as flat posting arrays.

    Each term's postings are a slice of ``doc_ids``/``weights`` (its precomputed BM25 weight in each
    document), so scoring a query costs one vectorised add per query term, not a Python loop over
    documents. ``documents`` may be a generator: each one becomes term ids as it arrives, so
    building never holds every token as a string. A million synthetic passages of ~13 terms take
    107 MB once built; the process peaks at 1.26 GB while building (``make bench``, text case).
    """

    def __init__(self, documents: Iterable[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.vocabulary: dict[str, int] = {}
        term_ids = array("l")
        lengths = array("l")
        for doc in documents:
            term_ids.extend(self.vocabulary.setdefault(t, len(self.vocabulary)) for t in doc)
            lengths.append(len(doc))
        n = self.documents = len(lengths)
        counts = np.frombuffer(lengths, dtype=np.int_) if n else np.zeros(0, dtype=np.int64)
        self.lengths = counts.astype(np.float32)
        self.average_length = float(self.lengths.mean()) if n else 0.0
        doc_of = np.repeat(np.arange(n, dtype=np.int64), counts)
        ids = (np.frombuffer(term_ids, dtype=np.int_).astype(np.int64) if len(term_ids)
               else np.zeros(0, dtype=np.int64))
        del term_ids
        # One posting per distinct (term, document) pair, sorted by term then document.
        pairs, tf = np.unique(ids * max(n, 1) + doc_of, return_counts=True)
        del ids, doc_of
        posting_term = pairs // max(n, 1)
        self.doc_ids = (pairs % max(n, 1)).astype(np.int32)
        frequency = np.bincount(posting_term, minlength=len(self.vocabulary))
        self.idf = np.log1p((n - frequency + 0.5) / (frequency + 0.5))
        self.pointers = np.concatenate([[0], np.cumsum(frequency)]).astype(np.int64)
        norm = k1 * (1 - b + b * self.lengths[self.doc_ids] / (self.average_length or 1.0))
        self.weights = (self.idf[posting_term] * tf * (k1 + 1) / (tf + norm)).astype(np.float32)

    _ARRAYS = ("lengths", "doc_ids", "idf", "pointers", "weights")

    def save(self, path: Path) -> None:
        """Write the index as ``.npz`` arrays (no pickle); :meth:`load` reads it back."""
        with open(path, "wb") as handle:
            np.savez(handle, vocabulary=np.array(list(self.vocabulary), dtype=str),
                     parameters=np.array([self.k1, self.b, self.documents, self.average_length]),
                     **{name: getattr(self, name) for name in self._ARRAYS})

    @classmethod
    def load(cls, path: Path) -> BM25:
        """An index written by :meth:`save`."""
        with np.load(path, allow_pickle=False) as data:
            index = cls.__new__(cls)
            k1, b, documents, average_length = data["parameters"].tolist()
            index.k1, index.b, index.documents = k1, b, int(documents)
            index.average_length = average_length
            index.vocabulary = {term: i for i, term in enumerate(data["vocabulary"].tolist())}
            for name in cls._ARRAYS:
                setattr(index, name, data[name])
        return index

    def _postings(self, query: Sequence[str]) -> tuple[list[slice], float]:
        """The posting slices of the query's known terms and the query's best possible score."""
        slices, ceiling = [], 0.0
        # Query order, not set order: a set's order changes with each process's hash seed, and
        # float sums with it, so workers would disagree in the last bit.
        for term in dict.fromkeys(query):
            term_id = self.vocabulary.get(term)
            if term_id is None:
                ceiling += math.log(1 + (self.documents + 0.5) / 0.5) * (self.k1 + 1)
                continue
            ceiling += float(self.idf[term_id]) * (self.k1 + 1)
            slices.append(slice(self.pointers[term_id], self.pointers[term_id + 1]))
        return slices, ceiling

    def scores(self, query: Sequence[str]) -> np.ndarray:
        """Scores of every document for ``query``, divided by the query's best possible score.

        The divisor is the sum of the query terms' ``idf * (k1 + 1)``, so scores fall in [0, 1)
        and mean the same across queries.
        """
        raw, ceiling, _ = self._raw_scores(query)
        return raw / np.float32(ceiling) if ceiling else raw

    def top(self, scores: np.ndarray, query: Sequence[str], k: int) -> np.ndarray:
        """Ids of up to ``k`` best-scoring documents with a non-zero score (``scores`` from above).

        Only documents sharing a term with the query can score, so when their postings are few
        the ranking looks at those alone instead of at the whole corpus.
        """
        slices, _ = self._postings(query)
        return self._top(scores, slices, k)

    def lexical(self, query: Sequence[str], k: int) -> tuple[np.ndarray, Callable[[np.ndarray],
                                                                                np.ndarray]]:
        """:meth:`top` and :meth:`scores` at once, as retrieval needs them: the ``k`` best ids,
        and a function giving the (divided) scores of any ids, which divides only those."""
        raw, ceiling, slices = self._raw_scores(query)
        divisor = np.float32(ceiling)

        def scores_of(ids: np.ndarray) -> np.ndarray:
            return raw[ids] / divisor if ceiling else raw[ids]

        return self._top(raw, slices, k), scores_of

    def _raw_scores(self, query: Sequence[str]) -> tuple[np.ndarray, float, list[slice]]:
        """Undivided scores of every document, the divisor, and the query's posting slices."""
        scores = np.zeros(self.documents, dtype=np.float32)
        slices, ceiling = self._postings(query)
        for part in slices:  # a document appears once per term, so fancy-index add is exact
            scores[self.doc_ids[part]] += self.weights[part]
        return scores, ceiling, slices

    def _top(self, scores: np.ndarray, slices: list[slice], k: int) -> np.ndarray:
        touched = sum(part.stop - part.start for part in slices)
        if touched == 0 or k <= 0:
            return np.zeros(0, dtype=np.int64)
        if touched * 4 >= self.documents:  # most documents score: rank them all at once
            if self.documents <= k:
                return np.arange(self.documents, dtype=np.int64)
            return np.argpartition(-scores, k - 1)[:k].astype(np.int64)
        ids = np.unique(np.concatenate([self.doc_ids[part] for part in slices]))
        if len(ids) > k:
            ids = ids[np.argpartition(-scores[ids], k - 1)[:k]]
        return ids.astype(np.int64)


class NearestNeighbours(Protocol):
    """An approximate inner-product index over the corpus vectors (see :mod:`.ann`)."""

    def search(self, queries: np.ndarray, k: int) -> np.ndarray:
        """Row ids of about the ``k`` nearest corpus vectors per query, ``-1`` where fewer."""
        ...


class VectorRows(Protocol):
    """Corpus vectors read by row: an array (in memory or memory-mapped), or anything that reads
    rows by an id array and by slices, like :class:`factcheck.retrieval.index.VectorFile`."""

    def __len__(self) -> int: ...

    def __getitem__(self, key: Any, /) -> Any: ...


_DENSE_BLOCK = 65_536  # corpus rows scored at once: bounds memory to queries x block floats


def dense_top(query_vectors: np.ndarray, corpus_vectors: VectorRows, k: int) -> np.ndarray:
    """Exact top-``k`` corpus rows by inner product for each query (brute force, in blocks).

    ``corpus_vectors`` may be float16 or a memory-mapped array: each block is converted to
    float32 on its own, so memory stays at ``queries x 65,536`` scores. Returns ``(q, k)`` ids,
    unordered within a row.
    """
    n = len(corpus_vectors)
    k = min(k, n)
    queries = np.asarray(query_vectors, dtype=np.float32)
    best_ids = np.zeros((len(queries), 0), dtype=np.int64)
    best_scores = np.zeros((len(queries), 0), dtype=np.float32)
    for start in range(0, n, _DENSE_BLOCK):
        block = np.asarray(corpus_vectors[start: start + _DENSE_BLOCK], dtype=np.float32)
        scores = queries @ block.T
        ids = np.broadcast_to(np.arange(start, start + len(block)), scores.shape)
        if len(block) > k:  # the block's own top k first, so the merge below stays small
            keep = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            scores = np.take_along_axis(scores, keep, axis=1)
            ids = keep + start
        scores = np.concatenate([best_scores, scores], axis=1)
        ids = np.concatenate([best_ids, ids], axis=1)
        keep = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        best_scores = np.take_along_axis(scores, keep, axis=1)
        best_ids = np.take_along_axis(ids, keep, axis=1)
    return best_ids


def search(
    query_vectors: np.ndarray,
    corpus_vectors: VectorRows,
    query_tokens: Sequence[Sequence[str]],
    bm25: BM25,
    passages: Sequence[Passage],
    *,
    top_k: int,
    lexical_weight: float,
    candidates: int = 50,
    ann: NearestNeighbours | None = None,
) -> list[list[Hit]]:
    """The ``top_k`` passages for each query by fused score ``(1-w)*cosine + w*bm25``.

    Args:
        query_vectors: ``(q, d)`` normalised query embeddings.
        corpus_vectors: ``(n, d)`` normalised passage embeddings, row i for ``passages[i]``;
            float32 or float16, in memory, memory-mapped, or anything indexable by an id array
            and by slices like :class:`factcheck.retrieval.index.VectorFile`.
        query_tokens: tokens of each query (see :func:`tokenize`).
        bm25: lexical index over the same passages, in the same order.
        passages: the corpus passages.
        top_k: hits returned per query (the ``top_k`` setting).
        lexical_weight: ``w``, the BM25 share of the fused score (the ``lexical_weight``
            setting).
        candidates: passages considered per query from each of the dense and lexical rankings
            before fusing (default 50).
        ann: an approximate index over ``corpus_vectors``; when given, the dense candidates come
            from it instead of a brute-force scan (default ``None``: exact). Either way every
            candidate's cosine is recomputed exactly from ``corpus_vectors``.

    Returns:
        One list of hits per query, best first, each hit carrying fused, dense and lexical scores.
    """
    if len(passages) == 0 or len(query_vectors) == 0:
        return [[] for _ in range(len(query_vectors))]
    queries = np.asarray(query_vectors, dtype=np.float32)
    pool = min(candidates, len(passages))
    dense_ids = ann.search(queries, pool) if ann is not None else dense_top(queries,
                                                                            corpus_vectors, pool)
    results = []
    for row, tokens in enumerate(query_tokens):
        lexical_top, lexical_of = bm25.lexical(tokens, pool)
        ids = np.union1d(dense_ids[row][dense_ids[row] >= 0], lexical_top)
        dense = np.asarray(corpus_vectors[ids], dtype=np.float32) @ queries[row]
        lexical = lexical_of(ids)
        fused = (1 - lexical_weight) * dense + lexical_weight * lexical
        order = np.argsort(-fused, kind="stable")[:top_k]
        results.append([
            Hit(passage=passages[ids[j]], rank=rank, score=float(fused[j]),
                dense=float(dense[j]), lexical=float(lexical[j]))
            for rank, j in enumerate(order.tolist(), start=1)
        ])
    return results
