"""Bytes to article text: charset detection, binary refusal, clean-up, and HTML reduced to text.

Shared by :mod:`factcheck.inputs.articles` (files, stdin) and :mod:`factcheck.inputs.fetch` (URLs).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import warnings

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from factcheck.errors import InputError
from factcheck.inputs.dates import published_date
from factcheck.records import Article
from factcheck.settings import DEFAULTS

MAX_ARTICLE_BYTES = DEFAULTS.max_article_bytes
"""Default size limit of one article, in bytes (the ``max_article_bytes`` setting)."""
# Dropped before the text is collected: title, code, page chrome, forms and figure captions.
_DROPPED = (
    "title", "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
    "embed", "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "dialog",
    "figcaption",
)  # fmt: skip

_BLOCKS = (
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote",
    "pre", "table", "tr", "address", "hr", "figure", "details", "summary",
    "h1", "h2", "h3", "h4", "h5", "h6",
)  # fmt: skip

_CELLS = ("td", "th")

# Private-use characters mark block and line boundaries while the page's own whitespace collapses.
_BLOCK_MARK = "\ue000"

_LINE_MARK = "\ue001"

MAX_TITLE_CHARS = 120

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
    notes: list[str] | None = None,
) -> str:
    """Decode an article's bytes to clean text, refusing empty, binary and oversized input.

    A byte-order mark wins, then ``encoding`` (a declared charset), then UTF-8, cp1252 and Latin-1,
    so decoding never fails. A declared charset that is not a text codec (``rot13``,
    ``undefined``, a made-up name) is ignored and a note says so. Line breaks become ``\\n`` and
    control characters other than ``\\n`` and ``\\t`` are removed.

    Args:
        data: the raw bytes of a file, stdin or an HTTP response body.
        source: the input's name, used in error messages.
        encoding: a declared charset (HTTP header or ``<meta>``); unknown names are ignored.
        max_bytes: larger input is refused.
        notes: where to append one line per fallback taken (e.g. an unknown charset).

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
    text = _LINE_BREAKS.sub("\n", _decode(data, encoding, source, notes))
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
    notes: list[str] | None = None,
) -> Article:
    """Build an article from raw bytes; HTML is reduced to its article text first.

    Args:
        data: the raw bytes.
        article_id: the id the article gets.
        source: path, URL or ``-``; used in error messages.
        html: whether ``data`` is an HTML page.
        encoding: a declared charset; for HTML a ``<meta charset>`` is used when this is missing.
        max_bytes: larger input is refused.
        notes: where to append one line per fallback taken while decoding.

    Raises:
        InputError: the input is too large, binary, empty, or an HTML page without text.
    """
    if html and _codec(encoding) is None:
        encoding = html_meta_charset(data) or encoding
    text = decode_article_bytes(data, source, encoding=encoding, max_bytes=max_bytes, notes=notes)
    if not html:
        return Article(id=article_id, text=text, source=source, title=text_title(text))
    title, body = html_to_text(text)
    if not body:
        raise InputError(f"{source}: no article text found in the HTML page")
    return Article(id=article_id, text=body, source=source, title=title or text_title(body),
                   published=published_date(text))


def _codec(name: str | None) -> str | None:
    """Python's text codec for a charset label, or None when missing, unknown or not a text codec.

    ``codecs.lookup`` also knows transforms such as ``rot13`` and ``hex`` and the always-failing
    ``undefined``; those are not charsets a page can be in.
    """
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip())
        b"a".decode(info.name)  # "undefined" and non-text codecs raise here
    except (LookupError, UnicodeError, TypeError, ValueError):
        return None
    return "cp1252" if info.name in _AS_CP1252 else info.name


def _decode(data: bytes, encoding: str | None, source: str = "",
            notes: list[str] | None = None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    declared = _codec(encoding)
    if declared is not None:
        return data.decode(declared, errors="replace")
    if encoding and notes is not None:
        notes.append(f"{source}: declared charset {encoding.strip()[:40]!r} is not a text "
                     "encoding; decoded as UTF-8 (else cp1252)")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _binary_error(source: str, kind: str | None) -> InputError:
    what = f"a binary file ({kind})" if kind else "a binary file"
    return InputError(f"{source}: looks like {what}, not text; convert it to .txt first")


def html_to_text(html: str) -> tuple[str, str]:
    """Reduce an HTML page to ``(title, text)``: the article's text without the page around it.

    Scripts, styles, navigation, headers, footers, asides, forms and figure captions are dropped.
    The text comes from the largest ``<article>``, else ``<main>``, else ``<body>``; the page's
    ``<h1>`` is its first line, and each paragraph, list item or heading is one block, blocks
    separated by blank lines, whitespace collapsed. The title is ``<title>``, else the ``<h1>``.

    One parse and one walk over the tree, without changing it: time grows linearly with the
    page (a 5 MB page of paragraphs takes a few seconds), however many blocks or levels it has.
    """
    with warnings.catch_warnings():
        # An XHTML page starting with <?xml is still read as HTML, on purpose.
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(html, "html.parser")
    title_tag = soup.find("title")
    title = _squash(title_tag.get_text()) if isinstance(title_tag, Tag) else ""
    container = _main_container(soup)
    heading = container.find("h1") or soup.find("h1")
    heading_text = _squash(heading.get_text(" ")) if isinstance(heading, Tag) else ""
    blocks = [heading_text] if heading_text else []
    for chunk in "".join(_marked_text(container, heading)).split(_BLOCK_MARK):
        lines = (_squash(line) for line in chunk.split(_LINE_MARK))
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    return title or heading_text, "\n\n".join(blocks)


def _marked_text(container: Tag, skipped: object) -> list[str]:
    """The container's text with block and line marks, in one iterative walk (no recursion)."""
    pieces: list[str] = []
    ends: list[str] = []
    stack = [iter(container.contents)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if ends:
                pieces.append(ends.pop())
            continue
        if isinstance(node, Tag):
            if node is skipped or node.name in _DROPPED or node.has_attr("hidden"):
                continue
            if node.name == "br":
                pieces.append(_LINE_MARK)
                continue
            block = node.name in _BLOCKS
            pieces.append(_BLOCK_MARK if block else "")
            ends.append(_BLOCK_MARK if block else " " if node.name in _CELLS else "")
            stack.append(iter(node.contents))
        elif type(node) in (NavigableString, CData):
            pieces.append(str(node))
    return pieces


def _main_container(soup: BeautifulSoup) -> Tag:
    """The element holding the article: the largest <article>, else <main>, else <body>.

    Only outermost articles are measured (a nested one is never larger than the one around it),
    in one walk, so deeply nested articles cost linear time.
    """
    sizes: dict[int, tuple[int, Tag]] = {}
    stack: list[tuple[object, Tag | None]] = [(iter(soup.contents), None)]
    while stack:
        children, outer = stack[-1]
        node = next(children, None)  # type: ignore[call-overload]
        if node is None:
            stack.pop()
        elif isinstance(node, Tag):
            if outer is None and node.name == "article":
                sizes[id(node)] = (0, node)
                stack.append((iter(node.contents), node))
            else:
                stack.append((iter(node.contents), outer))
        elif outer is not None and type(node) in (NavigableString, CData):
            size, tag = sizes[id(outer)]
            sizes[id(outer)] = (size + len(node), tag)
    if sizes:
        # max() keeps the first of equal sizes, as the document order had it.
        return max(sizes.values(), key=lambda item: item[0])[1]
    for name in ("main", "body"):
        element = soup.find(name)
        if isinstance(element, Tag):
            return element
    return soup


def _squash(text: str) -> str:
    return " ".join(text.split())


def _too_large_error(source: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{source}: article is {size:,} bytes, over the limit of {max_bytes:,} bytes; "
        "split it or raise the limit"
    )
