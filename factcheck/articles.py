"""Reading the articles to check: files, folders, glob patterns, stdin and URLs.

Every input becomes an :class:`~factcheck.records.Article` or, when it cannot be read, a
:class:`~factcheck.records.Failure` whose reason names the input and the fix; one bad input never
stops the others. Bytes are decoded leniently (BOM, declared charset, UTF-8, cp1252, Latin-1) and
binary files are refused instead of being checked as gibberish. URLs are handed to
:mod:`factcheck.fetch`, the only module that touches the network.
"""

from __future__ import annotations

import codecs
import glob
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from factcheck.errors import InputError
from factcheck.records import Article, Failure

if TYPE_CHECKING:
    from factcheck.fetch import FetchLimits

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
"""Suffixes read from folders and glob patterns; a file named explicitly is read whatever it is."""

HTML_SUFFIXES = (".html", ".htm")
MAX_ARTICLE_BYTES = 5_000_000
"""Default size limit of one article, in bytes."""

MAX_TITLE_CHARS = 120
STDIN = "-"

_MAGIC_NUMBERS = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive, e.g. .docx, .xlsx or .epub"),
    (b"\x1f\x8b", "gzip archive"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers decode pages labelled Latin-1 or ASCII as cp1252 (WHATWG Encoding standard); so do we,
# otherwise the curly quotes such pages really contain would turn into control characters.
_AS_CP1252 = {"iso8859-1", "ascii"}
_BINARY_SAMPLE_CHARS = 8192
_MAX_CONTROL_SHARE = 0.1
_LINE_BREAKS = re.compile(r"\r\n|[\r\f\v\x85\u2028\u2029]")
# Unicode category Cc except \t and \n (\r, \f and \v are line breaks, replaced first).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE
)
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_GLOB_CHARS = re.compile(r"[*?\[]")


def slugify(text: str, *, max_length: int = 80) -> str:
    """A lowercase, dash-separated id made of ``text``'s letters and digits; ``article`` if none."""
    decomposed = unicodedata.normalize("NFKD", text)
    # Dropping combining marks turns "café" into "cafe" but keeps letters of other scripts.
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = "-".join(re.findall(r"[^\W_]+", bare.lower()))
    return slug[:max_length].rstrip("-") or "article"


def text_title(text: str) -> str:
    """The first non-empty line of ``text`` (Markdown ``#`` removed), cut to 120 characters."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else line[: MAX_TITLE_CHARS - 1] + "…"
    return ""


def html_meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag in its first 4 KB, if any."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def looks_like_html(data: bytes) -> bool:
    """Whether ``data`` starts like an HTML document (used when no suffix or type says so)."""
    head = data[:1024].removeprefix(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def decode_article_bytes(
    data: bytes,
    source: str,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> str:
    """Decode an article's bytes to clean text, refusing empty, binary and oversized input.

    A byte-order mark wins, then ``encoding`` (a declared charset), then UTF-8, cp1252 and Latin-1,
    so decoding never fails. Line breaks become ``\\n`` and control characters other than ``\\n``
    and ``\\t`` are removed.

    Args:
        data: the raw bytes of a file, stdin or an HTTP response body.
        source: the input's name, used in error messages.
        encoding: a declared charset (HTTP header or ``<meta>``); unknown names are ignored.
        max_bytes: larger input is refused.

    Returns:
        The article text.

    Raises:
        InputError: the input is too large, binary, or empty.
    """
    if len(data) > max_bytes:
        raise _too_large_error(source, len(data), max_bytes)
    kind = next((name for magic, name in _MAGIC_NUMBERS if data.startswith(magic)), None)
    if kind is not None:
        raise _binary_error(source, kind)
    text = _LINE_BREAKS.sub("\n", _decode(data, encoding))
    sample = text[:_BINARY_SAMPLE_CHARS]
    if "\x00" in text or len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise _binary_error(source, None)
    return clean_text(text, source)


def clean_text(text: str, source: str) -> str:
    """Normalise line breaks to ``\\n``, drop control characters; refuse whitespace-only text."""
    # A byte-order mark inside the text is left over from files concatenated together.
    text = _CONTROL.sub("", _LINE_BREAKS.sub("\n", text)).replace("\ufeff", "")
    if not text.strip():
        raise InputError(f"{source}: article is empty")
    return text


def article_from_bytes(
    data: bytes,
    *,
    article_id: str,
    source: str,
    html: bool,
    encoding: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Article:
    """Build an article from raw bytes; HTML is reduced to its article text first.

    Args:
        data: the raw bytes.
        article_id: the id the article gets.
        source: path, URL or ``-``; used in error messages.
        html: whether ``data`` is an HTML page.
        encoding: a declared charset; for HTML a ``<meta charset>`` is used when this is missing.
        max_bytes: larger input is refused.

    Raises:
        InputError: the input is too large, binary, empty, or an HTML page without text.
    """
    if html and _codec(encoding) is None:
        encoding = html_meta_charset(data)
    text = decode_article_bytes(data, source, encoding=encoding, max_bytes=max_bytes)
    if not html:
        return Article(id=article_id, text=text, source=source, title=text_title(text))
    # Imported here because fetch imports this module.
    from factcheck.fetch import html_to_text

    title, body = html_to_text(text)
    if not body:
        raise InputError(f"{source}: no article text found in the HTML page")
    return Article(id=article_id, text=body, source=source, title=title or text_title(body))


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
    return Article(id="article", text=text, source="<text>", title=text_title(text))


def iter_articles(
    inputs: Sequence[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    fetch_limits: FetchLimits | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | Failure]:
    """Read every input in order, yielding an article or a failure for each article found.

    An input is a file, a folder (read recursively in sorted order: only ``ARTICLE_SUFFIXES``
    files, hidden files and folders skipped), a glob pattern (same suffix filter), ``-`` for stdin,
    or an ``http(s)://`` URL. ``.html``/``.htm`` files, URLs serving HTML and HTML on stdin are
    reduced to their article text. Ids are slugs of the file stem (of host and path for URLs,
    ``stdin`` for stdin), made unique with ``-2``, ``-3``...; a file reached twice is read once.

    Args:
        inputs: the inputs, in the order the articles should come out.
        stdin: stream read for ``-`` (default ``sys.stdin``).
        fetch_limits: timeouts and size limit for URLs (default ``FetchLimits()``).
        max_bytes: larger files and stdin input are refused.

    Yields:
        An ``Article``, or a ``Failure`` whose reason names the input and the fix.
    """
    ids: set[str] = set()
    seen_files: set[Path] = set()
    for raw in inputs:
        for item in _expand(raw, seen_files):
            if isinstance(item, Failure):
                yield item
                continue
            try:
                article = _load(item, stdin, fetch_limits, max_bytes)
            except InputError as error:
                yield Failure(source=str(item), reason=str(error))
                continue
            article_id = _unique(article.id, ids)
            if article_id != article.id:
                article = Article(article_id, article.text, article.source, article.title)
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
        yield Failure(source=raw, reason=f"{raw}: no such file or folder; check the path")
        return
    files: list[Path] = []
    for path in candidates:
        if path.is_dir():
            files.extend(p for p in _walk(path) if _is_article_file(p))
        elif path == Path(raw) or _is_article_file(path):
            files.append(path)
    if not files:
        wanted = ", ".join(ARTICLE_SUFFIXES)
        reason = f"{raw}: no article files ({wanted}) found; check the path"
        yield Failure(source=raw, reason=reason)
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


def _load(
    item: Path | str,
    stdin: TextIO | BinaryIO | None,
    fetch_limits: FetchLimits | None,
    max_bytes: int,
) -> Article:
    if isinstance(item, Path):
        return _read_file(item, slugify(item.stem), max_bytes)
    if item == STDIN:
        data = _read_stdin(stdin, max_bytes)
        # Messages say "stdin: ..." (clearer than "-: ..."); the article's source stays "-".
        article = article_from_bytes(
            data,
            article_id="stdin",
            source="stdin",
            html=looks_like_html(data),
            max_bytes=max_bytes,
        )
        return Article(article.id, article.text, STDIN, article.title)
    # Imported here because fetch imports this module.
    from factcheck.fetch import FetchLimits, fetch_url

    return fetch_url(item, fetch_limits or FetchLimits())


def _read_file(path: Path, article_id: str, max_bytes: int) -> Article:
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            # Checked before reading so that a huge file is never loaded into memory.
            raise _too_large_error(str(path), size, max_bytes)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or folder; check the path") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from error
    html = path.suffix.lower() in HTML_SUFFIXES
    return article_from_bytes(
        data,
        article_id=article_id,
        source=str(path),
        html=html or (not path.suffix and looks_like_html(data)),
        max_bytes=max_bytes,
    )


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


def _codec(name: str | None) -> str | None:
    """Python's codec name for a charset label, or None when missing or unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return "cp1252" if codec in _AS_CP1252 else codec


def _decode(data: bytes, encoding: str | None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _codec(encoding)
    if declared is not None:
        return data.decode(declared, errors="replace")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _too_large_error(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{source}: article is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
        "split it or raise the limit"
    )


def _binary_error(source: str, kind: str | None) -> InputError:
    what = f"a binary file ({kind})" if kind else "a binary file"
    return InputError(f"{source}: looks like {what}, not text; convert it to .txt first")
