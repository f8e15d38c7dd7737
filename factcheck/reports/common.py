"""What every report format shares: the reviews in force, claim quotes, safe links and rounding.

The renderers of :mod:`factcheck.reports.to_json`, :mod:`factcheck.reports.to_markdown`,
:mod:`factcheck.reports.to_html` and :mod:`factcheck.reports.to_csv` build on these, so that a
claim's quote, its final verdict and a link read the same in every format.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, TypeAlias
from urllib.parse import urlsplit

from factcheck.records import ArticleResult, Claim, Label, Passage, Verdict

if TYPE_CHECKING:
    from factcheck.reports.reviews import ClaimKey, ReviewRecord

    #: The review in force per claim, keyed by ``(article_id, claim_id)``.
    Reviews: TypeAlias = Mapping[ClaimKey, ReviewRecord]

_QUOTE_JOINER = " … "


def review_of(reviews: Reviews | None, article_id: str, verdict: Verdict) -> ReviewRecord | None:
    """The review in force for one verdict of the article, or None."""
    return reviews.get((article_id, verdict.claim.id)) if reviews else None


def reviews_of(result: ArticleResult, reviews: Reviews | None) -> list[ReviewRecord | None]:
    """The review in force for each verdict of the article (None where there is none)."""
    return [review_of(reviews, result.article.id, verdict) for verdict in result.verdicts]


def final_label(verdict: Verdict, review: ReviewRecord | None) -> Label:
    """The verdict that stands: the reviewer's when there is one, else the machine's."""
    return review.label if review is not None else verdict.label


def final_counts(result: ArticleResult, found: Sequence[ReviewRecord | None]) -> dict[Label, int]:
    """How many of the article's claims stand at each verdict, given the review of each."""
    counts = dict.fromkeys(Label, 0)
    for verdict, review in zip(result.verdicts, found, strict=True):
        counts[final_label(verdict, review)] += 1
    return counts


def claim_quote(claim: Claim, text: str) -> str:
    """The article text of the claim's spans, joined with " … " (spans clipped to the text)."""
    return _QUOTE_JOINER.join(text[max(span.start, 0) : span.end] for span in claim.spans)


def http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL safe to put in a link, else None."""
    if not url or any(ch.isspace() or ord(ch) < 32 or ch in '<>"\\' for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass(frozen=True, slots=True)
class PassageRef:
    """How every format names an evidence passage, before escaping for it.

    Attributes:
        name: the passage's title, else its source: words a reader can follow, never an id.
        link: its URL when that is an absolute http(s) URL safe to link (see :func:`http_url`).
        url_text: its URL when there is one that is not safe to link: shown, never linked.
        meta: its source and publication date, where known.
    """

    name: str
    link: str | None
    url_text: str | None
    meta: tuple[str, ...]


def passage_ref(passage: Passage) -> PassageRef:
    """The name, link and source line every report format shows for an evidence passage."""
    link = http_url(passage.url)
    return PassageRef(
        name=passage.title or passage.source,
        link=link,
        url_text=passage.url if passage.url and not link else None,
        meta=tuple(part for part in (passage.source, passage.published) if part),
    )


def escape_html(text: str) -> str:
    """``text`` safe in HTML element content and in quoted attribute values."""
    return escape(text, quote=True)


def csp_hash(source: str) -> str:
    """The Content-Security-Policy source (``'sha256-...'``) that lets one inline style or
    script run."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def rounded(value: float) -> float:
    """``value`` as a float rounded to the 4 decimals reports keep."""
    return round(float(value), 4)


def sha256_hex(text: str) -> str:
    """The SHA-256 of the UTF-8 text, in hex (a report's ``text_sha256``)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe_json(value: object, *, indent: int | None = None) -> str:
    """JSON that is also safe inside an HTML ``<script>`` element (JSON-LD, embedded data).

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, so no ``</script>`` or ``<!--`` can end
    or bend the element, and U+2028/U+2029 too, for older JavaScript parsers. Parsed back, the
    JSON is the same. These characters only occur inside JSON strings, where escapes are valid.
    """
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_SCRIPT_UNSAFE)
