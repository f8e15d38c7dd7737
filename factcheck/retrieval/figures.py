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
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from factcheck.analysis import quantities
from factcheck.analysis.quantities import Bound, Quantity, QuantityKind, read_quantities
from factcheck.files import atomic_path, locked
from factcheck.retrieval.corpus import Corpus

_FORMAT = "factcheck-figures-v1"
_KEPT = 4
_KINDS = tuple(QuantityKind)
_BOUNDS = tuple(Bound)
_COLUMNS = ("kind", "value", "high", "unit", "bound", "start", "end", "surface")


def _reader_version() -> str:
    """A hash of the figure reader's source: figures cached by another reader are not reused."""
    try:
        return hashlib.sha256(Path(quantities.__file__).read_bytes()).hexdigest()[:16]
    except OSError:
        return "unknown"


class StoredFigures:
    """Passages' figures as read from the cache: columns, made into quantities on use."""

    def __init__(self, texts: Sequence[str], columns: dict[str, np.ndarray],
                 strings: list[str]) -> None:
        self._row = {text: row for row, text in enumerate(texts)}
        self._texts = texts
        self._bounds = columns["rows"].tolist()
        self._columns = columns
        self._strings = strings
        self._made: dict[int, tuple[Quantity, ...]] = {}

    def __len__(self) -> int:
        return len(self._row)

    def get(self, text: str) -> tuple[Quantity, ...] | None:
        """The figures of passage ``text``, or ``None`` for a text that is not a passage."""
        row = self._row.get(text)
        if row is None:
            return None
        made = self._made.get(row)
        if made is None:
            first, last = self._bounds[row], self._bounds[row + 1]
            c = {name: self._columns[name][first:last].tolist() for name in _COLUMNS}
            strings = self._strings
            made = tuple(
                Quantity(_KINDS[k], v, h, strings[u], _BOUNDS[b], s, e,
                         text[s:e] if f < 0 else strings[f])
                for k, v, h, u, b, s, e, f in zip(*(c[name] for name in _COLUMNS), strict=True))
            self._made[row] = made
        return made


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
        if path is not None and folder is not None:
            _save(path, folder, digest, columns, strings, len(texts))
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


def _save(path: Path, folder: Path, digest: str, columns: dict[str, np.ndarray],
          strings: list[str], count: int) -> None:
    ends = np.cumsum([len(s) for s in strings], dtype=np.int64)
    meta = {"format": _FORMAT, "texts": digest, "count": count}
    arrays = {**columns, "string_ends": ends,
              "strings": np.frombuffer("".join(strings).encode("utf-8"), dtype=np.uint8),
              "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)}
    with locked(folder / "lock"):
        with atomic_path(path) as tmp:
            with tmp.open("wb") as handle:
                np.savez(handle, **arrays)  # type: ignore[arg-type]
        saved = sorted(folder.glob("figures-*.npz"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for stale in saved[_KEPT:]:
            stale.unlink(missing_ok=True)


def _load(path: Path, digest: str, texts: Sequence[str]) -> StoredFigures | None:
    """The cached figures, or ``None`` when the file is not exactly what it should be."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            columns = {name: archive[name] for name in archive.files}
        meta: Any = json.loads(columns["meta"].tobytes().decode("utf-8"))
        if (not isinstance(meta, dict) or meta.get("format") != _FORMAT
                or meta.get("texts") != digest or meta.get("count") != len(texts)
                or len(columns["rows"]) != len(texts) + 1):
            return None
        joined = columns["strings"].tobytes().decode("utf-8")
        ends = columns["string_ends"].tolist()
        strings = [joined[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        flat = len(columns["kind"])
        if (int(columns["rows"][-1]) != flat or len(ends) and ends[-1] != len(joined)
                or any(len(columns[c]) != flat for c in _COLUMNS)
                or int(columns["unit"].max(initial=0)) >= len(strings)
                or int(columns["surface"].max(initial=-1)) >= len(strings)
                or int(columns["kind"].max(initial=0)) >= len(_KINDS)
                or int(columns["bound"].max(initial=0)) >= len(_BOUNDS)):
            return None
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    return StoredFigures(texts, columns, strings)
