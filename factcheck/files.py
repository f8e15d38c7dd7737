"""Files written safely: the one atomic write and the one cross-process lock of the package."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``target``; on success it replaces ``target`` atomically.

    Readers never see half a file. No fsync: everything written this way (reports, caches, models)
    is cheap to regenerate, and a batch may write thousands of files.
    """
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, content: str) -> Path:
    """Write ``content`` as UTF-8 via :func:`atomic_path` and return ``path``."""
    with atomic_path(path) as tmp:
        # newline="" keeps CSV's \r\n and writes \n elsewhere on every platform.
        tmp.write_text(content, encoding="utf-8", newline="")
    return path


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (created if needed) across processes."""
    with FileLock(path):
        yield
