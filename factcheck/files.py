"""Files written safely: the one atomic write and the one cross-process lock of the package."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from factcheck.errors import OutputError

# Errors that no other file of the same folder would escape: stop the run, say what and where.
_FOLDER_ERRORS = {errno.ENOSPC: "the disk is full", errno.EFBIG: "a file would be too large",
                  errno.EDQUOT: "the disk quota is used up", errno.EROFS: "it is read-only",
                  errno.EACCES: "permission denied", errno.EPERM: "permission denied"}


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


def write_shared_json(path: Path, data: object) -> Path:
    """Write ``data`` as indented JSON, atomically, readable by all (a model or calibration file
    is data to share, not a private temp file); make its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        tmp.chmod(0o644)
    return path


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` (created if needed) across processes.

    A folder (or anything but a file) in the way is removed first when empty; otherwise an
    ``OSError`` names it.
    """
    if path.is_dir() and not path.is_symlink():
        with contextlib.suppress(OSError):
            path.rmdir()
    if path.exists() and not path.is_file():
        raise OSError(errno.EISDIR, f"{path}: is not a file; remove it so it can serve as a lock")
    with FileLock(path):
        yield


def check_writable_folder(folder: Path, what: str = "--out") -> None:
    """Make sure ``folder`` can be created (if missing) and written, before any work.

    Nothing is created: the folder, or its nearest existing parent, is checked.

    Raises:
        OutputError: it cannot be created or written; the message names it and the fix.
    """
    existing = folder.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        problem = f"{existing} is not a folder"
    elif not os.access(existing, os.W_OK | os.X_OK):
        problem = f"{existing} is read-only or not yours to write"
    else:
        return
    raise OutputError(f"{folder}: cannot write reports here ({problem}); choose another {what} "
                      "or fix its permissions")


@contextlib.contextmanager
def output_errors(folder: Path) -> Iterator[None]:
    """Turn a disk-full, read-only or permission error while writing into ``folder`` into an
    :class:`OutputError` naming the folder (one line, no traceback)."""
    try:
        yield
    except OSError as error:
        if error.errno not in _FOLDER_ERRORS:
            raise
        raise OutputError(f"{folder}: cannot write the reports: {_FOLDER_ERRORS[error.errno]} "
                          f"({error.strerror}); free some space or choose another --out") from None


@contextlib.contextmanager
def sole_writer(folder: Path, *, wait: bool = False) -> Iterator[None]:
    """Be the only process writing into ``folder`` (a lock file ``.factcheck.lock`` in it).

    Raises:
        OutputError: another process holds it and ``wait`` is false.
    """
    lock = FileLock(folder / ".factcheck.lock")
    try:
        lock.acquire(timeout=-1 if wait else 0)
    except Timeout:
        raise OutputError(f"{folder}: another factcheck run is writing into this folder; wait for "
                          "it to finish (or pass --wait), or choose another --out") from None
    try:
        yield
    finally:
        lock.release()
