"""Approximate nearest-neighbour search for large corpora: a faiss inverted-file index.

Above ``Settings.ann_threshold`` passages, brute-force cosine over every passage for every claim
costs more than everything else in the pipeline, so :mod:`factcheck.retrieval.index` builds an
:class:`AnnIndex` and retrieval takes its dense candidates from it. The index is an IVF (vectors
grouped around ``nlist`` k-means centroids; a query scans only the ``nprobe`` nearest groups) with
8-bit scalar codes, a quarter of the float32 size: a million 384-dim passages take about 400 MB.
Retrieval recomputes every candidate's cosine exactly from the full vectors, so the approximation
only decides which passages are looked at, never their scores. The benchmark
(``benchmarks/bench_pipeline.py``) measures recall@10 against exact search.

faiss is an optional dependency: ``pip install 'factcheck[scale]'``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.errors import ConfigError

TRAIN_PER_LIST = 40
"""Training vectors sampled per inverted list (faiss wants at least 39 for stable centroids)."""

_ADD_BLOCK = 65_536


def faiss_available() -> bool:
    """Whether the optional faiss-cpu package can be imported."""
    try:
        import faiss  # noqa: F401
    except ImportError:
        return False
    return True


def _faiss() -> Any:
    try:
        import faiss
    except ImportError as exc:
        raise ConfigError(
            "approximate search needs faiss-cpu, which is not installed; run: "
            "pip install 'factcheck[scale]' (or raise ann_threshold to keep exact search)"
        ) from exc
    return faiss


def limit_threads(threads: int) -> None:
    """Cap faiss's OpenMP threads (a worker takes its share of the cores); no-op without faiss."""
    try:
        import faiss
    except ImportError:
        return
    faiss.omp_set_num_threads(max(1, threads))


def default_lists(rows: int) -> int:
    """The number of inverted lists for ``rows`` vectors: about ``sqrt(rows)``, at least 1."""
    return max(1, min(rows // TRAIN_PER_LIST, round(math.sqrt(rows))))


def default_probes(lists: int) -> int:
    """Lists scanned per query: a fifth of them, at least 8.

    The benchmark measures recall@10 >= 0.95 with this at 10k and 100k passages (real
    embeddings) and 1M (clustered synthetic vectors, where 1/16 gave only 0.92).
    """
    return min(lists, max(8, lists // 5))


class AnnIndex:
    """An inner-product IVF index with 8-bit codes over unit vectors (rows keep their order)."""

    def __init__(self, index: Any, nprobe: int) -> None:
        self.index = index
        self.nprobe = nprobe
        index.nprobe = nprobe

    @property
    def rows(self) -> int:
        """Vectors in the index."""
        return int(self.index.ntotal)

    @classmethod
    def build(cls, vectors: np.ndarray, *, lists: int | None = None, probes: int | None = None,
              seed: int = 0) -> AnnIndex:
        """Train and fill an index over ``vectors`` (float32 or float16, possibly memory-mapped).

        Args:
            vectors: ``(n, d)`` unit vectors; row i gets id i.
            lists: inverted lists (default :func:`default_lists`).
            probes: lists scanned per query (default :func:`default_probes`).
            seed: seeds the training sample and k-means, so a rebuild gives the same index.

        Returns:
            The filled index. Vectors are added in blocks, so memory stays near the index size.
        """
        faiss = _faiss()
        n, dim = vectors.shape
        lists = lists or default_lists(n)
        rng = np.random.default_rng(seed)
        sample = np.sort(rng.choice(n, size=min(n, lists * TRAIN_PER_LIST), replace=False))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(quantizer, dim, lists,
                                              faiss.ScalarQuantizer.QT_8bit,
                                              faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = seed
        index.train(np.ascontiguousarray(vectors[sample], dtype=np.float32))
        for start in range(0, n, _ADD_BLOCK):
            index.add(np.ascontiguousarray(vectors[start: start + _ADD_BLOCK], dtype=np.float32))
        return cls(index, probes or default_probes(lists))

    def search(self, queries: np.ndarray, k: int) -> np.ndarray:
        """Row ids of about the ``k`` nearest vectors per query, ``-1`` where fewer were found."""
        _, ids = self.index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
        return ids

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (callers make the write atomic)."""
        _faiss().write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, *, probes: int | None = None) -> AnnIndex:
        """Read an index written by :meth:`save`."""
        index = _faiss().read_index(str(path))
        return cls(index, probes or default_probes(int(index.nlist)))
