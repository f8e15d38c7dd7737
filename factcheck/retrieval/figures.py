"""The corpus's figures, read once at index time and cached beside the embeddings.

Every distinct passage text is read by :func:`~factcheck.analysis.quantities.read_quantities`
once; the figures are written to ``figures-<hash>.npz`` in the model's cache folder as numeric
columns (kinds, values, units, bounds, offsets) with one table of strings, keyed by a hash of the
passage texts and of the reader's own source (a change to how figures are read makes a new
file), written atomically and checked on open (a damaged or foreign file is rebuilt, never
trusted). The judge then finds a passage's figures here instead of reading them again per claim
(:func:`~factcheck.analysis.quantities.remember`); a passage's :class:`Quantity` tuple is made on
first use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from factcheck.analysis import quantities
from factcheck.analysis.quantities import Bound, Quantity, QuantityKind, read_quantities
from factcheck.retrieval.columns import StoredRows, load_columns, save_columns, source_digest
from factcheck.retrieval.corpus import Corpus

_FORMAT = "factcheck-figures-v1"
_KEPT = 4
_KINDS = tuple(QuantityKind)
_BOUNDS = tuple(Bound)
_COLUMNS = ("kind", "value", "high", "unit", "bound", "start", "end", "surface")


def _reader_version() -> str:
    """A hash of the figure reader's source: figures cached by another reader are not reused."""
    return source_digest(quantities)


class StoredFigures(StoredRows[Quantity]):
    """Passages' figures as read from the cache: columns, made into quantities on use."""

    def _make(self, text: str, first: int, last: int) -> tuple[Quantity, ...]:
        c = [self._columns[name][first:last].tolist() for name in _COLUMNS]
        strings = self._strings
        return tuple(Quantity(_KINDS[k], v, h, strings[u], _BOUNDS[b], s, e,
                              text[s:e] if f < 0 else strings[f])
                     for k, v, h, u, b, s, e, f in zip(*c, strict=True))


def corpus_figures(corpus: Corpus, folder: Path | None) -> StoredFigures:
    """The figures of every passage, cached in ``folder`` (``None``: read in memory only), and
    remembered by the judge for this process."""
    texts = list(dict.fromkeys(p.text for p in corpus.passages))
    hasher = hashlib.sha256(f"{_FORMAT} {_reader_version()}".encode())
    for text in texts:
        hasher.update(b"\x00" + text.encode("utf-8"))
    digest = hasher.hexdigest()[:32]
    path = folder / f"figures-{digest}.npz" if folder is not None else None
    stored = _load(path, digest, texts) if path is not None and path.is_file() else None
    if stored is None:
        columns, strings = _columns([read_quantities(text) for text in texts], texts)
        if path is not None:
            save_columns(path, columns, strings,
                         {"format": _FORMAT, "texts": digest, "count": len(texts)}, keep=_KEPT)
        stored = StoredFigures(texts, columns, strings)
    quantities.remember(stored)
    return stored


def _columns(found: Sequence[Sequence[Quantity]],
             texts: Sequence[str]) -> tuple[dict[str, np.ndarray], list[str]]:
    ids: dict[str, int] = {}

    def sid(value: str) -> int:
        return ids.setdefault(value, len(ids))

    flat = [(q, text) for row, text in zip(found, texts, strict=True) for q in row]
    bounds = np.zeros(len(found) + 1, dtype=np.int64)
    bounds[1:] = np.cumsum([len(row) for row in found])
    kind = {k: i for i, k in enumerate(_KINDS)}
    bound = {b: i for i, b in enumerate(_BOUNDS)}
    columns: dict[str, np.ndarray] = {
        "rows": bounds,
        "kind": np.array([kind[q.kind] for q, _ in flat], dtype=np.uint8),
        "value": np.array([q.value for q, _ in flat], dtype=np.float64),
        "high": np.array([q.high for q, _ in flat], dtype=np.float64),
        "unit": np.array([sid(q.unit) for q, _ in flat], dtype=np.int32),
        "bound": np.array([bound[q.bound] for q, _ in flat], dtype=np.uint8),
        "start": np.array([q.start for q, _ in flat], dtype=np.int32),
        "end": np.array([q.end for q, _ in flat], dtype=np.int32),
        # most surfaces are the passage's own characters; the rest are kept as strings
        "surface": np.array([-1 if t[q.start:q.end] == q.surface else sid(q.surface)
                             for q, t in flat], dtype=np.int32),
    }
    return columns, list(ids)


def _load(path: Path, digest: str, texts: Sequence[str]) -> StoredFigures | None:
    """The cached figures, or ``None`` when the file is not exactly what it should be."""
    meta = {"format": _FORMAT, "texts": digest, "count": len(texts)}
    loaded = load_columns(path, meta, _COLUMNS)
    if loaded is None:
        return None
    columns, strings = loaded
    if (int(columns["unit"].max(initial=0)) >= len(strings)
            or int(columns["surface"].max(initial=-1)) >= len(strings)
            or int(columns["kind"].max(initial=0)) >= len(_KINDS)
            or int(columns["bound"].max(initial=0)) >= len(_BOUNDS)):
        return None
    return StoredFigures(texts, columns, strings)
