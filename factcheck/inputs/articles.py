"""Reading the articles to check: files, folders, glob patterns, stdin and URLs.

Every input becomes an :class:`~factcheck.records.Article` or, when it cannot be read, a
:class:`~factcheck.records.Failure` whose reason names the input and the fix; one bad input never
stops the others. Bytes are decoded leniently (BOM, declared charset, UTF-8, cp1252, Latin-1) and
binary files are refused instead of being checked as gibberish. URLs are handed to
:mod:`factcheck.inputs.fetch`, the only module that touches the network.
"""

from __future__ import annotations

import dataclasses
import functools
import glob
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from factcheck.boundaries import display_name
from factcheck.errors import InputError
from factcheck.guard import guarded
from factcheck.inputs.decode import (
    MAX_ARTICLE_BYTES,
    _too_large_error,
    article_from_bytes,
    clean_text,
    looks_like_html,
    slugify,
    text_title,
)
from factcheck.inputs.fetch import FetchLimits, fetch_url
from factcheck.records import Article, Failure

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
"""Suffixes read from folders and glob patterns; a file named explicitly is read whatever it is."""

HTML_SUFFIXES = (".html", ".htm")

STDIN = "-"

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GLOB_CHARS = re.compile(r"[*?\[]")


def load_article(path_or_text: str | Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> Article:
    """Load one article from a file path, or take the string itself as the article text.

    A string is a path when such a file exists; a one-line string naming a folder, or ending in an
    article suffix but naming no file, is refused rather than checked as text. Text gets id
    ``article`` and source ``<text>``.

    Raises:
        InputError: the file cannot be read, is not text, or the text is empty.
    """
    if isinstance(path_or_text, Path) or os.path.isfile(path_or_text):
        path = Path(path_or_text)
        return _read_file(path, slugify(path.stem), max_bytes)
    text = path_or_text
    if "\n" not in text and os.path.isdir(text):
        raise InputError(f"{text}: is a folder; pass one article file or its text")
    if "\n" not in text and text.strip().lower().endswith(ARTICLE_SUFFIXES):
        raise InputError(f"{text.strip()}: no such file; check the path")
    text = clean_text(text, "<text>")
    return without_one_line_headline(
        Article(id="article", text=text, source="<text>", title=text_title(text)))


def without_one_line_headline(article: Article) -> Article:
    """The article, with no headline if its text is a single line: that line is a claim.

    An article's first line is its headline, and a headline is not checked; but a one-line
    input (``echo "..." | factcheck check -``, a one-line file) is a statement to check, so it
    gets no title. A title taken from elsewhere (an HTML ``<title>``) is kept.
    """
    lines = [line for line in article.text.splitlines() if line.strip()]
    if len(lines) == 1 and article.title and article.title == text_title(article.text):
        return dataclasses.replace(article, title="")
    return article


CLAIMS_ID = "claims"
"""The article id (and report file name) of statements checked with ``check --claim``."""


def claims_article(texts: Sequence[str], article_id: str = CLAIMS_ID) -> Article:
    """Statements to check one by one, as written, as one article (``check --claim``).

    Each statement becomes one line of the article's text (white space runs made one space) and
    is checked as one claim: not split, not filtered for check-worthiness.

    Raises:
        InputError: no statements, or an empty one.
    """
    lines = [" ".join(text.split()) for text in texts]
    if not lines or not all(lines):
        raise InputError("--claim: give the statement to check, e.g. --claim \"Xiaomi's plant "
                         "makes 500,000 cars a year.\"")
    return Article(id=article_id, text="\n".join(lines), source="--claim",
                   title="Claims checked as written", one_claim_per_line=True)


def iter_articles(
    inputs: Sequence[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    fetch_limits: FetchLimits | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
    time_budget: float | None = None,
    on_note: Callable[[str], None] | None = None,
) -> Iterator[Article | Failure]:
    """Read every input in order, yielding an article or a failure for each article found.

    An input is a file, a folder (read recursively in sorted order: only ``ARTICLE_SUFFIXES``
    files, hidden files and folders skipped), a glob pattern (same suffix filter), ``-`` for stdin,
    or an ``http(s)://`` URL. ``.html``/``.htm`` files, URLs serving HTML and HTML on stdin are
    reduced to their article text. A file or stdin holding a single line has no headline: the
    line is a claim (see :func:`without_one_line_headline`). Ids are slugs of the file stem
    (of host and path for URLs, ``stdin`` for stdin), made unique with ``-2``, ``-3``...; a
    file reached twice is read once.

    Args:
        inputs: the inputs, in the order the articles should come out.
        stdin: stream read for ``-`` (default ``sys.stdin``).
        fetch_limits: timeouts and size limit for URLs (default ``FetchLimits()``).
        max_bytes: larger files and stdin input are refused; the limit applies to the bytes
            read, so devices and growing files are bounded too.
        time_budget: seconds reading one input may take (see :func:`factcheck.guard.guarded`).
        on_note: called with one line per fallback taken (e.g. an unknown charset ignored).

    Yields:
        An ``Article``, or a ``Failure`` whose reason names the input and the fix. Reading one
        input runs under :func:`factcheck.guard.guarded`: whatever goes wrong is its failure.
    """
    ids: set[str] = set()
    seen_files: set[Path] = set()
    for raw in inputs:
        for item in _expand(raw, seen_files):
            if isinstance(item, Failure):
                yield item
                continue
            notes: list[str] = []
            article = guarded(
                _source(item),
                functools.partial(_load, item, stdin, fetch_limits, max_bytes, notes),
                budget=time_budget, name="stdin" if item == STDIN else None)
            for note in notes:
                if on_note is not None:
                    on_note(note)
            if isinstance(article, Failure):
                yield article
                continue
            if isinstance(item, Path) or item == STDIN:
                article = without_one_line_headline(article)
            article_id = _unique(article.id, ids)
            if article_id != article.id:
                article = dataclasses.replace(article, id=article_id)
            yield article


def list_ignored(inputs: Sequence[str]) -> list[Path]:
    """Files in the given folders (and glob matches) skipped because of their suffix, sorted."""
    ignored: set[Path] = set()
    for raw in inputs:
        if raw == STDIN or _URL.match(raw):
            continue
        for path in _candidates(raw) or []:
            if path.is_dir():
                ignored.update(p for p in _walk(path) if not _is_article_file(p))
            elif path != Path(raw) and not _is_article_file(path):
                ignored.add(path)
    return sorted(ignored)


def _expand(raw: str, seen_files: set[Path]) -> Iterator[Path | str | Failure]:
    """The readable items one input stands for: files, ``-`` or a URL, or a failure."""
    if raw == STDIN or _URL.match(raw):
        yield raw
        return
    candidates = _candidates(raw)
    if candidates is None:
        shown = display_name(raw)
        if os.path.lexists(raw):
            reason = (f"{shown}: a symbolic link to nothing or a symbolic link loop; "
                      "fix the link or pass its target")
        else:
            reason = f"{shown}: no such file or folder; check the path"
        yield Failure(source=shown, reason=reason)
        return
    files: list[Path] = []
    for path in candidates:
        if path.is_dir():
            files.extend(p for p in _walk(path) if _is_article_file(p))
        elif path == Path(raw) or _is_article_file(path):
            files.append(path)
    if not files:
        wanted = ", ".join(ARTICLE_SUFFIXES)
        reason = f"{display_name(raw)}: no article files ({wanted}) found; check the path"
        yield Failure(source=display_name(raw), reason=reason)
    for path in files:
        key = path.resolve()
        if key not in seen_files:
            seen_files.add(key)
            yield path


def _candidates(raw: str) -> list[Path] | None:
    """The existing path ``raw`` names, or the sorted matches of a glob pattern; None if none."""
    if os.path.exists(raw):
        return [Path(raw)]
    if _GLOB_CHARS.search(raw):
        matches = sorted(Path(match) for match in glob.glob(raw, recursive=True))
        return matches or None
    return None


def _walk(root: Path) -> Iterator[Path]:
    """Every non-hidden file under ``root``, in sorted order, without entering hidden folders."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(Path(folder, name) for name in filenames if not name.startswith("."))
    yield from sorted(found)


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def _source(item: Path | str) -> str:
    """How an input is named in messages and reports: printable, even for non-UTF-8 file names."""
    return display_name(item) if isinstance(item, Path) else item


def _load(
    item: Path | str,
    stdin: TextIO | BinaryIO | None,
    fetch_limits: FetchLimits | None,
    max_bytes: int,
    notes: list[str] | None = None,
) -> Article:
    if isinstance(item, Path):
        return _read_file(item, slugify(display_name(item.stem)), max_bytes, notes)
    if item == STDIN:
        data = _read_stdin(stdin, max_bytes)
        # Messages say "stdin: ..." (clearer than "-: ..."); the article's source stays "-".
        article = article_from_bytes(
            data,
            article_id="stdin",
            source="stdin",
            html=looks_like_html(data),
            max_bytes=max_bytes,
            notes=notes,
        )
        return dataclasses.replace(article, source=STDIN)
    return fetch_url(item, fetch_limits or FetchLimits(), notes=notes)


def _read_file(path: Path, article_id: str, max_bytes: int,
               notes: list[str] | None = None) -> Article:
    source = display_name(path)
    if path.is_dir():
        raise InputError(f"{source}: is a folder, not an article file")
    data = _read_regular_file(path, source, max_bytes)
    html = path.suffix.lower() in HTML_SUFFIXES
    return article_from_bytes(
        data,
        article_id=article_id,
        source=source,
        html=html or (not path.suffix and looks_like_html(data)),
        max_bytes=max_bytes,
        notes=notes,
    )


def _read_regular_file(path: Path, source: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them read.

    Devices (``/dev/zero``), FIFOs and sockets are refused after opening without blocking and
    before reading, so they can neither fill memory nor hang; the size limit is applied to what
    is read, not to ``st_size`` (which is 0 for devices and stale for growing files).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise InputError(f"{source}: no such file or folder; check the path") from None
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from error
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else
                    "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else
                    "a socket" if stat.S_ISSOCK(mode) else "not a regular file")
            raise InputError(f"{source}: is {kind}, not an article file; save the text to a "
                             "file, or pipe it in with '-'")
        size = os.fstat(fd).st_size
        if size > max_bytes:
            # Checked before reading so that a huge file is never loaded into memory.
            raise _too_large_error(source, size, max_bytes)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"{source}: cannot be read ({error.strerror or error})") from error
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise _too_large_error(source, len(data), max_bytes)
    return data


def _read_stdin(stdin: TextIO | BinaryIO | None, max_bytes: int) -> bytes:
    stream = sys.stdin if stdin is None else stdin
    stream = getattr(stream, "buffer", stream)
    # One byte more than allowed is enough to tell that the input is too large.
    data = stream.read(max_bytes + 1)
    return data.encode("utf-8") if isinstance(data, str) else data


def _unique(article_id: str, ids: set[str]) -> str:
    candidate, number = article_id, 1
    while candidate in ids:
        number += 1
        candidate = f"{article_id}-{number}"
    ids.add(candidate)
    return candidate


