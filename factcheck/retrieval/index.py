"""The evidence index: corpus embeddings cached on disk as data files, plus a BM25 index.

The cache lives in ``<cache_dir>/<model slug>-<model hash>/`` as ``vectors.npy`` (one row per
passage), ``keys.txt`` (the sha256 of each row's passage text, one per line) and ``meta.json``
(model, dim, row count, a hash of the keys and a checksum of the vectors file, to detect a torn,
stale or damaged cache). Only passages
whose text is not in the cache yet are encoded. Writes are atomic (temp file + rename) under a file
lock, so two processes sharing a cache directory do not corrupt it.

Large corpora: the cache is written with the current corpus's rows first and in corpus order, so
it is opened memory-mapped (``np.load(mmap_mode="r")``) without copying; only the pages a search
touches are read. Corpora of at least ``ann_threshold`` passages are cached as float16 (half the
disk and memory; recall is measured in the benchmark) and get an approximate index
(:mod:`factcheck.retrieval.ann`, cached as ``ann.faiss``) instead of brute-force search; their
vectors are then read row by row on demand (:class:`VectorFile`), not mapped. A process holding
the map keeps reading the file it opened even after another process replaces the cache; only
truncating ``vectors.npy`` in place (not something factcheck does) would crash it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import warnings
import weakref
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

from factcheck.analysis.names import NameIndex
from factcheck.errors import ModelError
from factcheck.files import atomic_path, locked
from factcheck.records import Hit
from factcheck.retrieval.analysis import corpus_names
from factcheck.retrieval.ann import AnnIndex, faiss_available
from factcheck.retrieval.corpus import Corpus
from factcheck.retrieval.embedding import Embedder
from factcheck.retrieval.figures import StoredFigures, corpus_figures
from factcheck.retrieval.search import BM25, search
from factcheck.settings import DEFAULTS
from factcheck.text import TOKENIZER_VERSION, tokenize, tokenize_uncached

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while passages are encoded."""

_ENCODE_CHUNK = 256
_COPY_BLOCK = 65_536
_BM25_KEPT = 4

"""Corpora with at least this many passages use approximate search (see ``Settings``)."""

VectorDtype = Literal["auto", "float32", "float16"]

_FULL_HASH_BYTES = 64 << 20
"""Cache files up to this size are hashed whole when opened; larger ones by sampled blocks."""
_SAMPLES = 256
_SAMPLE_BYTES = 4096


class CacheRebuilt(UserWarning):
    """A cache file was damaged or inconsistent and is rebuilt; the message says which and why."""


def file_checksum(path: Path) -> dict[str, object]:
    """The size and sha256 of a file: of all of it up to 64 MB, else of 256 sampled 4 KB blocks
    (first, last and evenly spaced), so opening a large cache stays cheap."""
    size = path.stat().st_size
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        if size <= _FULL_HASH_BYTES:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
            return {"bytes": size, "sha256": digest.hexdigest(), "sampled": False}
        step = (size - _SAMPLE_BYTES) // (_SAMPLES - 1)
        for number in range(_SAMPLES):
            handle.seek(number * step)
            digest.update(handle.read(_SAMPLE_BYTES))
    return {"bytes": size, "sha256": digest.hexdigest(), "sampled": True}


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What building the index did: passages, encoded now, taken from cache, and how it searches.

    ``approximate`` is true when dense candidates come from an ANN index; ``dtype`` is how the
    vectors are held (``float16`` for large caches).
    """

    passages: int
    encoded: int
    cached: int
    cache_dir: Path | None
    approximate: bool
    dtype: str


@dataclass(frozen=True, slots=True)
class EvidenceIndex:
    """A corpus with its normalised embeddings (row i = passage i), BM25 and optional ANN index.

    ``vectors`` is a read-only memory map of the cache (float32, or float16 for large corpora),
    or with an ANN index a :class:`VectorFile` that reads the few rows a search needs.
    """

    corpus: Corpus
    vectors: np.ndarray | VectorFile
    bm25: BM25
    ann: AnnIndex | None
    names: NameIndex | None = None
    """Every passage's names (with ``analyse_names``), and the finder the corpus taught."""
    figures: StoredFigures | None = None
    """Every passage's figures, read at index time; the judge looks them up while it lives."""

    def search(self, query_vectors: np.ndarray, queries: Sequence[str], *, top_k: int,
               lexical_weight: float) -> list[list[Hit]]:
        """Top passages for each query (embedded already as ``query_vectors``)."""
        return search(
            query_vectors, self.vectors, [tokenize(q) for q in queries], self.bm25,
            self.corpus.passages, top_k=top_k, lexical_weight=lexical_weight, ann=self.ann,
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
                progress: Progress | None = None,
                ann_threshold: int = DEFAULTS.ann_threshold,
                vector_dtype: VectorDtype = "auto",
                analyse_names: bool = True) -> tuple[EvidenceIndex, IndexStats]:
    """Embed the corpus (reusing cached vectors) and build the lexical and, if large, ANN index.

    Args:
        corpus: the validated evidence corpus.
        embedder: the model that embeds passages (its ``name`` keys the cache).
        cache_dir: where to cache vectors; ``None`` disables caching (vectors stay in memory).
        progress: optional ``progress(done, total)`` callback over passages to encode.
        ann_threshold: corpora of at least this many passages get an approximate index
            (default: the ``ann_threshold`` setting); needs faiss-cpu, else search stays exact
            with a warning.
        vector_dtype: how a rewritten cache stores vectors; ``auto`` (default) is float16 for
            corpora of at least ``ann_threshold`` passages and float32 below.
        analyse_names: also find every passage's names with spaCy (cached beside the vectors).

    Returns:
        The index and what was encoded versus read from cache.
    """
    keys = [text_key(p.text) for p in corpus.passages]
    texts = [p.text for p in corpus.passages]
    approximate = len(keys) >= ann_threshold
    if approximate and not faiss_available():
        warnings.warn(
            f"{len(keys):,} passages reach ann_threshold ({ann_threshold:,}) but faiss-cpu is not "
            "installed, so search stays exact (slower); run: pip install 'factcheck[scale]'",
            stacklevel=2,
        )
        approximate = False
    ann = None
    folder = None
    vectors: np.ndarray | VectorFile
    if cache_dir is None:
        vectors = _encode(embedder, texts, progress)
        encoded = len(keys)
        if approximate:
            ann = AnnIndex.build(vectors)
    else:
        folder = cache_folder(Path(cache_dir), embedder.name)
        folder.mkdir(parents=True, exist_ok=True)
        _clear_lock_path(folder / "lock")
        with locked(folder / "lock"):
            vectors, encoded = _cached_vectors(folder, embedder, keys, texts, progress,
                                               _dtype(vector_dtype, len(keys), ann_threshold))
            if approximate:
                ann = _cached_ann(folder, keys, vectors)
                # Searches now read scattered rows only: read them, don't map them.
                vectors = VectorFile(folder / "vectors.npy", rows=len(keys))
    bm25 = _lexical_index(corpus, folder)
    names = corpus_names(corpus, folder) if analyse_names else None
    figures = corpus_figures(corpus, folder)
    stats = IndexStats(len(keys), encoded, len(keys) - encoded, folder, ann is not None,
                       str(vectors.dtype))
    return EvidenceIndex(corpus, vectors, bm25, ann, names, figures), stats


def _lexical_index(corpus: Corpus, folder: Path | None) -> BM25:
    """The BM25 index, read from ``bm25.npz`` in the cache folder when built for this corpus.

    Tokenizing is most of the time it takes to open a large corpus (2 s per 100k passages), so
    the arrays are cached, keyed by a hash of every passage's title and text.
    """
    def texts() -> Iterator[str]:
        return (f"{p.title or ''} {p.text}" for p in corpus.passages)

    # Passage by passage, never a list of every token or text: that list was most of the memory
    # of building a million-passage index.
    if folder is None:
        return BM25(map(tokenize_uncached, texts()))
    hasher = hashlib.sha256(f"tokenizer {TOKENIZER_VERSION}".encode())
    for position, text in enumerate(texts()):
        hasher.update(("\x00" if position else "").encode() + text.encode("utf-8"))
    path = folder / f"bm25-{hasher.hexdigest()[:32]}.npz"
    if path.exists():
        problem = _bm25_problem(folder, path)
        if problem is None:
            try:
                return BM25.load(path)
            except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
                problem = f"cannot be read ({type(exc).__name__}: {exc})"
        _rebuilt(path, problem)
    bm25 = BM25(map(tokenize_uncached, texts()))
    with locked(folder / "lock"):
        with atomic_path(path) as tmp:
            bm25.save(tmp)
            checksum = file_checksum(tmp)
        meta = _read_meta(folder) or {}
        sums = meta.get("bm25_checksums")
        sums = {k: v for k, v in sums.items() if (folder / k).is_file()} if isinstance(
            sums, dict) else {}
        sums[path.name] = checksum
        meta["bm25_checksums"] = sums
        with atomic_path(folder / "meta.json") as tmp:
            tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
        # Keep the newest few: corpora sharing the model folder (evidence, evaluation sets).
        saved = sorted(folder.glob("bm25-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in saved[_BM25_KEPT:]:
            stale.unlink(missing_ok=True)
    return bm25


def _bm25_problem(folder: Path, path: Path) -> str | None:
    """Why a cached BM25 file cannot be trusted, or None (its checksum in meta.json matches)."""
    if not path.is_file():
        return "is not a file"
    sums = (_read_meta(folder) or {}).get("bm25_checksums")
    expected = sums.get(path.name) if isinstance(sums, dict) else None
    if expected is None:
        return "has no checksum in meta.json"
    try:
        if file_checksum(path) != expected:
            return "does not match its checksum in meta.json (damaged in place)"
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    return None


def _read_meta(folder: Path) -> dict | None:
    """meta.json as a dict, or None when missing, unreadable or not a JSON object."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _rebuilt(path: Path, problem: str) -> None:
    """Say, in one line, that a cache file is rebuilt and why."""
    warnings.warn(f"{path}: {problem}; rebuilding it", CacheRebuilt, stacklevel=3)


def _clear_lock_path(path: Path) -> None:
    """Move anything but a file out of the lock's way (a folder named ``lock``), saying so."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        aside = path.with_name(f"lock.not-a-file-{time.time_ns()}")
        os.replace(path, aside)
        _rebuilt(path, f"is not a file (moved to {aside.name})")


def _dtype(choice: VectorDtype, rows: int, ann_threshold: int) -> np.dtype:
    if choice == "auto":
        return np.dtype(np.float16 if rows >= ann_threshold else np.float32)
    return np.dtype(choice)


def _cached_vectors(folder: Path, embedder: Embedder, keys: list[str], texts: list[str],
                    progress: Progress | None, dtype: np.dtype) -> tuple[np.ndarray, int]:
    """The corpus rows of the cache (memory-mapped), encoding and writing what is missing.

    Returns the vectors and how many passages were encoded now.
    """
    cached_keys, stored, problem = _read_cache(folder, embedder.name)
    if problem is not None:
        _rebuilt(folder / "vectors.npy", problem)
    if stored is not None and cached_keys[: len(keys)] == keys:  # the usual case: no copy
        if progress is not None:
            progress(0, 0)
        return stored[: len(keys)], 0
    position = {key: row for row, key in reversed(list(enumerate(cached_keys)))}
    first_row = {key: row for row, key in reversed(list(enumerate(keys)))}
    missing = [key for key in first_row if key not in position]
    new_vectors = _encode(embedder, [texts[first_row[k]] for k in missing], progress)
    if not missing and progress is not None:
        progress(0, 0)
    if missing and stored is not None and stored.shape[1] != new_vectors.shape[1]:
        # The model changed its dimension: nothing cached is usable.
        rest_keys = [key for key in first_row if key in position]
        cached_keys, stored, position = [], None, {}
        missing += rest_keys
        new_vectors = np.vstack([new_vectors, _encode(
            embedder, [texts[first_row[k]] for k in rest_keys], progress)])
    new_row = {key: row for row, key in enumerate(missing)}
    # Rewrite with this corpus first, in corpus order, so the next open is a plain memory map;
    # rows of other corpora sharing the model folder follow.
    wanted = set(keys)
    rest = [row for row, key in enumerate(cached_keys) if key not in wanted]
    _write_cache(folder, embedder.name, keys + [cached_keys[row] for row in rest],
                 _row_source(keys, rest, stored, position, new_vectors, new_row), dtype)
    _, stored, problem = _read_cache(folder, embedder.name)
    if stored is None:
        raise OSError(f"{folder}: the embedding cache just written cannot be read back "
                      f"({problem})")
    return stored[: len(keys)], len(missing)


def _row_source(keys: list[str], rest: list[int], stored: np.ndarray | None,
                position: dict[str, int], new_vectors: np.ndarray,
                new_row: dict[str, int]) -> Iterator[np.ndarray]:
    """Blocks of the rewritten cache: corpus rows (old or new), then other cached rows."""
    for start in range(0, len(keys), _COPY_BLOCK):
        block = keys[start: start + _COPY_BLOCK]
        if stored is None or all(key in new_row for key in block):
            yield new_vectors[[new_row[key] for key in block]]
            continue
        rows = np.empty((len(block), stored.shape[1]), dtype=np.float32)
        old = [i for i, key in enumerate(block) if key in position]
        new = [i for i, key in enumerate(block) if key not in position]
        if old:
            rows[old] = stored[[position[block[i]] for i in old]]
        if new:
            rows[new] = new_vectors[[new_row[block[i]] for i in new]]
        yield rows
    for start in range(0, len(rest), _COPY_BLOCK):
        if stored is not None:
            yield np.asarray(stored[rest[start: start + _COPY_BLOCK]], dtype=np.float32)


def _cached_ann(folder: Path, keys: list[str], vectors: np.ndarray) -> AnnIndex:
    """The ANN index of these corpus rows from ``ann.faiss``, built and saved when stale."""
    digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()
    meta_path = folder / "meta.json"
    meta = _read_meta(folder) or {}
    path = folder / "ann.faiss"
    if meta.get("ann_keys_sha256") == digest and path.is_file():
        try:
            ann = AnnIndex.load(path)
        except RuntimeError:  # faiss raises RuntimeError on a torn or foreign file
            ann = None
        if ann is not None and ann.rows == len(keys):
            return ann
    ann = AnnIndex.build(vectors)
    with atomic_path(path) as tmp:
        ann.save(tmp)
    meta["ann_keys_sha256"] = digest
    with atomic_path(meta_path) as tmp:
        tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return ann


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
    vectors = np.empty_like(sorted_vectors, dtype=np.float32)
    vectors[order] = sorted_vectors
    return vectors


def open_vectors(folder: Path) -> np.ndarray:
    """The cached vectors of a model folder, memory-mapped read-only (no validation)."""
    return np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)


class VectorFile:
    """The first ``rows`` rows of a ``.npy`` matrix, read from the file on demand, never mapped.

    With an approximate index a search reads ~50 scattered rows per claim. Through a memory map
    each of those reads maps the 64 KB around it too (the kernel's fault-around), so a process
    that searched a while shows most of a 1M-row file in its resident memory. Reading the rows
    with ``pread`` keeps memory at the rows asked for. Indexing works like the array's: a row
    id, an array or list of ids, or a slice; ``np.asarray`` reads everything.
    """

    def __init__(self, path: Path, rows: int | None = None) -> None:
        with open(path, "rb") as handle:
            version = np.lib.format.read_magic(handle)
            shape, fortran, dtype = (np.lib.format.read_array_header_1_0(handle)
                                     if version == (1, 0)
                                     else np.lib.format.read_array_header_2_0(handle))
            self._offset = handle.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path}: not a C-ordered matrix")
        self.path = path
        self.dtype = np.dtype(dtype)
        self.shape = (shape[0] if rows is None else min(rows, shape[0]), shape[1])
        self._row_bytes = self.shape[1] * self.dtype.itemsize
        self._fd = os.open(path, os.O_RDONLY)
        self._closer = weakref.finalize(self, os.close, self._fd)

    def __len__(self) -> int:
        return self.shape[0]

    @property
    def ndim(self) -> int:
        """Always 2."""
        return 2

    def __getitem__(self, key: object) -> np.ndarray:
        if isinstance(key, slice):
            start, stop, step = key.indices(self.shape[0])
            rows = self._read(start, max(0, stop - start))
            return rows[::step] if step != 1 else rows
        ids = np.asarray(key)
        if ids.ndim == 0:
            return self._read(int(ids), 1)[0]
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        into = out.data.cast("B")  # each row read straight into its place in ``out``
        size = self._row_bytes
        for j, row in enumerate(ids.tolist()):
            if not -self.shape[0] <= row < self.shape[0]:
                raise IndexError(f"row {row} is out of range for {self.shape[0]} rows")
            read = os.preadv(self._fd, [into[j * size: (j + 1) * size]],
                             self._offset + (row % self.shape[0]) * size)
            if read != size:
                raise OSError(f"{self.path}: file is shorter than its header says")
        return out

    def __array__(self, dtype: np.dtype | None = None, copy: bool | None = None) -> np.ndarray:
        rows = self._read(0, self.shape[0])
        return rows if dtype is None else rows.astype(dtype)

    def _read(self, start: int, count: int) -> np.ndarray:
        data = os.pread(self._fd, count * self._row_bytes, self._offset + start * self._row_bytes)
        if len(data) != count * self._row_bytes:
            raise OSError(f"{self.path}: file is shorter than its header says")
        return np.frombuffer(data, dtype=self.dtype).reshape(count, self.shape[1])


def _read_cache(folder: Path, model_name: str
                ) -> tuple[list[str], np.ndarray | None, str | None]:
    """Cached keys and memory-mapped vectors, or nothing when absent, torn, stale or damaged.

    Returns the keys, the vectors (None when unusable) and why they are unusable (None when
    they are usable or simply absent). Checked: meta.json is an object with the right types,
    the keys match their hash, the vectors their shape, dtype and checksum, and (when hashed
    whole) hold no NaN or infinite value.
    """
    if not (folder / "meta.json").exists():
        return [], None, None
    meta = _read_meta(folder)
    if meta is None:
        return [], None, "meta.json is not a JSON object"
    if meta.get("model") != model_name:
        return [], None, None  # another model's cache: not damage
    try:
        keys_text = (folder / "keys.txt").read_text(encoding="utf-8")
        vectors = open_vectors(folder)
    except (OSError, ValueError, EOFError) as exc:
        return [], None, f"cannot be read ({type(exc).__name__}: {exc})"
    keys = keys_text.split()
    checksum = meta.get("vectors_checksum")
    if not (isinstance(meta.get("rows"), int) and isinstance(meta.get("dim"), int)
            and isinstance(meta.get("keys_sha256"), str) and isinstance(checksum, dict)):
        return [], None, "meta.json lacks rows, dim, keys_sha256 or vectors_checksum"
    if not (meta["rows"] == len(keys) == len(vectors)
            and meta["keys_sha256"] == hashlib.sha256(keys_text.encode()).hexdigest()):
        return [], None, "keys.txt, vectors.npy and meta.json disagree on the rows"
    if not (vectors.ndim == 2 and meta["dim"] == vectors.shape[1]
            and vectors.dtype in (np.float32, np.float16)):
        return [], None, "vectors.npy has the wrong shape or type"
    if file_checksum(folder / "vectors.npy") != checksum:
        return [], None, "vectors.npy does not match its checksum in meta.json (damaged in place)"
    if not checksum.get("sampled") and not np.isfinite(vectors).all():
        return [], None, "vectors.npy holds NaN or infinite values"
    return keys, vectors, None


def _write_cache(folder: Path, model_name: str, keys: list[str], blocks: Iterator[np.ndarray],
                 dtype: np.dtype) -> None:
    """Write the cache from row blocks without holding it all in memory; refuses NaN rows."""
    keys_text = "\n".join(keys) + "\n"
    dim = 0
    with atomic_path(folder / "vectors.npy") as tmp:
        written = 0
        out = None
        for block in blocks:
            if not np.isfinite(block).all():
                raise ModelError(f"embedding model '{model_name}' returned NaN or infinite "
                                 "values; check the model files (or try encoder = \"torch\")")
            if out is None:
                dim = block.shape[1]
                out = np.lib.format.open_memmap(tmp, mode="w+", dtype=dtype,
                                                shape=(len(keys), dim))
            out[written: written + len(block)] = block
            written += len(block)
        if out is None:
            np.save(tmp, np.zeros((0, 0), dtype=dtype), allow_pickle=False)
        else:
            out.flush()
            del out
    with atomic_path(folder / "keys.txt") as tmp:
        tmp.write_text(keys_text, encoding="utf-8")
    meta = {"model": model_name, "dim": dim, "rows": len(keys),
            "keys_sha256": hashlib.sha256(keys_text.encode()).hexdigest(), "format": 3,
            "dtype": dtype.name, "vectors_checksum": file_checksum(folder / "vectors.npy")}
    old = _read_meta(folder) or {}
    if isinstance(old.get("bm25_checksums"), dict):
        meta["bm25_checksums"] = old["bm25_checksums"]
    with atomic_path(folder / "meta.json") as tmp:
        tmp.write_text(json.dumps(meta, indent=2), encoding="utf-8")
