"""Cache files of per-passage analyses: numeric columns, one table of strings and a JSON header,
in one ``.npz`` file written atomically and read back only when its header matches."""

from __future__ import annotations

import functools
import hashlib
import json
import zipfile
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, Generic, TypeVar

import numpy as np

from factcheck.files import atomic_path, locked


@functools.cache
def source_digest(*modules: ModuleType) -> str:
    """A hash of the source of the modules an analysis runs: a cache written by another version
    of them is not reused ("unknown" where a source cannot be read)."""
    hasher = hashlib.sha256()
    try:
        for module in modules:
            hasher.update(Path(str(module.__file__)).read_bytes())
    except OSError:
        return "unknown"
    return hasher.hexdigest()[:16]

T = TypeVar("T")


def save_columns(path: Path, columns: dict[str, np.ndarray], strings: list[str],
                 meta: dict[str, Any], *, keep: int) -> None:
    """Write ``columns`` (``rows`` holds each passage's first row), ``strings`` and ``meta`` to
    ``path`` under its folder's lock; keep the ``keep`` newest files of the same prefix."""
    folder = path.parent
    ends = np.cumsum([len(s) for s in strings], dtype=np.int64)
    arrays = {**columns, "string_ends": ends,
              "strings": np.frombuffer("".join(strings).encode("utf-8"), dtype=np.uint8),
              "meta": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)}
    prefix = path.name.split("-", 1)[0]
    with locked(folder / "lock"):
        with atomic_path(path) as tmp:
            with tmp.open("wb") as handle:
                # numpy's stub types **kwds as allow_pickle too; these are all arrays
                np.savez(handle, **arrays)  # type: ignore[arg-type]
        saved = sorted(folder.glob(f"{prefix}-*.npz"), key=lambda p: p.stat().st_mtime,
                       reverse=True)
        for stale in saved[keep:]:
            stale.unlink(missing_ok=True)


def load_columns(path: Path, meta: dict[str, Any],
                 names: tuple[str, ...]) -> tuple[dict[str, np.ndarray], list[str]] | None:
    """The columns and strings :func:`save_columns` wrote to ``path``, or ``None`` unless its
    header equals ``meta`` (with ``count`` passages), ``rows`` bounds every column of ``names``
    and the strings are whole; never raises for a damaged or foreign file."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            columns = {name: archive[name] for name in archive.files}
        header: Any = json.loads(columns["meta"].tobytes().decode("utf-8"))
        rows = columns["rows"]
        if header != meta or len(rows) != meta["count"] + 1:
            return None
        joined = columns["strings"].tobytes().decode("utf-8")
        ends = columns["string_ends"].tolist()
        strings = [joined[a:b] for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        flat = len(columns[names[0]])
        if (int(rows[-1]) != flat or len(ends) and ends[-1] != len(joined)
                or any(len(columns[name]) != flat for name in names)):
            return None
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, UnicodeDecodeError):
        return None
    return columns, strings


class StoredRows(Generic[T]):
    """Per-passage records read from such a file: looked up by passage text, each passage's
    tuple made from its rows on first use (opening a 100k-passage file makes none)."""

    def __init__(self, texts: Sequence[str], columns: dict[str, np.ndarray],
                 strings: list[str]) -> None:
        self._row = {text: row for row, text in enumerate(texts)}
        self._bounds = columns["rows"].tolist()
        self._columns = columns
        self._strings = strings
        self._made: dict[int, tuple[T, ...]] = {}

    def __len__(self) -> int:
        return len(self._row)

    def get(self, text: str) -> tuple[T, ...] | None:
        """The records of passage ``text``, or ``None`` for a text that is not a passage."""
        row = self._row.get(text)
        if row is None:
            return None
        made = self._made.get(row)
        if made is None:
            made = self._make(text, self._bounds[row], self._bounds[row + 1])
            self._made[row] = made
        return made

    def _make(self, text: str, first: int, last: int) -> tuple[T, ...]:
        raise NotImplementedError
