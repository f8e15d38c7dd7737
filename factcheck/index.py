"""The evidence index: corpus embeddings cached on disk as data files, plus a BM25 index.

The cache lives in ``<cache_dir>/<model slug>-<model hash>/`` as ``vectors.npy`` (float32 rows),
``keys.txt`` (the sha256 of each row's passage text, one per line) and ``meta.json`` (model, dim,
row count and a hash of the keys, to detect a torn or stale cache). Only passages whose text is not
in the cache yet are encoded. Writes are atomic (temp file + rename) under a file lock, so two
processes sharing a cache directory do not corrupt it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.corpus import Corpus
from factcheck.embedding import Embedder
from factcheck.records import Hit
from factcheck.retrieval import BM25, search, tokenize

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while passages are encoded."""

_ENCODE_CHUNK = 256


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What building the index did: passages in the corpus, encoded now, and taken from cache."""

    passages: int
    encoded: int
    cached: int
    cache_dir: Path | None


@dataclass(frozen=True, slots=True)
class EvidenceIndex:
    """A corpus with its normalised embeddings (row i = passage i) and BM25 index."""

    corpus: Corpus
    vectors: np.ndarray
    bm25: BM25

    def search(self, query_vectors: np.ndarray, queries: Sequence[str], *, top_k: int,
               lexical_weight: float) -> list[list[Hit]]:
        """Top passages for each query (embedded already as ``query_vectors``)."""
        return search(
            query_vectors, self.vectors, [tokenize(q) for q in queries], self.bm25,
            self.corpus.passages, top_k=top_k, lexical_weight=lexical_weight,
        )


def text_key(text: str) -> str:
    """The cache key of a passage text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def cache_folder(cache_dir: Path, model_name: str) -> Path:
    """The cache folder of one model inside ``cache_dir``."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", Path(model_name).name or model_name).strip("-").lower()
    digest = hashlib.sha256(model_name.encode("utf-8")).hexdigest()[:8]
    return cache_dir / f"{slug or 'model'}-{digest}"


def build_index(corpus: Corpus, embedder: Embedder, *, cache_dir: Path | None = None,
                progress: Progress | None = None) -> tuple[EvidenceIndex, IndexStats]:
    """Embed the corpus (reusing cached vectors) and build the lexical index.

    Args:
        corpus: the validated evidence corpus.
        embedder: the model that embeds passages (its ``name`` keys the cache).
        cache_dir: where to cache vectors; ``None`` disables caching.
        progress: optional ``progress(done, total)`` callback over passages to encode.

    Returns:
        The index and what was encoded versus read from cache.
    """
    keys = [text_key(p.text) for p in corpus.passages]
    texts = [p.text for p in corpus.passages]
    if cache_dir is None:
        vectors = _encode(embedder, texts, progress)
        stats = IndexStats(len(keys), len(keys), 0, None)
    else:
        folder = cache_folder(Path(cache_dir), embedder.name)
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder / "lock"):
            cached_keys, cached_vectors = _read_cache(folder, embedder.name)
            position = {key: row for row, key in enumerate(cached_keys)}
            first_row = {key: row for row, key in reversed(list(enumerate(keys)))}
            missing = [key for key in first_row if key not in position]
            if missing:
                new_texts = [texts[first_row[k]] for k in missing]
                new_vectors = _encode(embedder, new_texts, progress)
                if cached_vectors is not None and cached_vectors.shape[1] != new_vectors.shape[1]:
                    cached_keys, cached_vectors, position = [], None, {}
                cached_keys = cached_keys + missing
                cached_vectors = (new_vectors if cached_vectors is None
                                  else np.vstack([cached_vectors, new_vectors]))
                position = {key: row for row, key in enumerate(cached_keys)}
                _write_cache(folder, embedder.name, cached_keys, cached_vectors)
            elif progress is not None:
                progress(0, 0)
            if cached_vectors is None:  # an empty corpus never reaches here; keeps types exact
                cached_vectors = np.zeros((0, 0), dtype=np.float32)
            vectors = cached_vectors[[position[k] for k in keys]]
        stats = IndexStats(len(keys), len(missing), len(keys) - len(missing), folder)
    bm25 = BM25([tokenize(f"{p.title or ''} {p.text}") for p in corpus.passages])
    return EvidenceIndex(corpus, np.ascontiguousarray(vectors, dtype=np.float32), bm25), stats


def _encode(embedder: Embedder, texts: list[str], progress: Progress | None) -> np.ndarray:
    # Sorting by length keeps padding low inside each encoder batch.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    parts = []
    for start in range(0, len(order), _ENCODE_CHUNK):
        chunk = [texts[i] for i in order[start: start + _ENCODE_CHUNK]]
        parts.append(embedder.embed(chunk))
        if progress is not None:
            progress(min(start + _ENCODE_CHUNK, len(order)), len(order))
    sorted_vectors = np.vstack(parts) if parts else np.zeros((0, 0), dtype=np.float32)
    vectors = np.empty_like(sorted_vectors)
    vectors[order] = sorted_vectors
    return vectors


def _read_cache(folder: Path, model_name: str) -> tuple[list[str], np.ndarray | None]:
    """Cached keys and vectors, or nothing when absent, torn, stale or corrupt."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        keys_text = (folder / "keys.txt").read_text(encoding="utf-8")
        vectors = np.load(folder / "vectors.npy", allow_pickle=False)
    except (OSError, ValueError):
        return [], None
    keys = keys_text.split()
    valid = (
        meta.get("model") == model_name
        and meta.get("rows") == len(keys) == len(vectors)
        and meta.get("keys_sha256") == hashlib.sha256(keys_text.encode()).hexdigest()
        and vectors.ndim == 2 and meta.get("dim") == vectors.shape[1]
        and np.isfinite(vectors).all()
    )
    return (keys, vectors.astype(np.float32, copy=False)) if valid else ([], None)


def _write_cache(folder: Path, model_name: str, keys: list[str], vectors: np.ndarray) -> None:
    keys_text = "\n".join(keys) + "\n"
    with atomic_path(folder / "vectors.npy") as tmp:
        with open(tmp, "wb") as handle:
            np.save(handle, vectors, allow_pickle=False)
    with atomic_path(folder / "keys.txt") as tmp:
        tmp.write_text(keys_text, encoding="utf-8")
    meta = {"model": model_name, "dim": int(vectors.shape[1]), "rows": len(keys),
            "keys_sha256": hashlib.sha256(keys_text.encode()).hexdigest(), "format": 1}
    with atomic_path(folder / "meta.json") as tmp:
        tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target`` atomically."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
