"""The publication date a web page states about itself (meta tags, JSON-LD, ``<time>``).

A stop-gap until article text and metadata come from trafilatura: the same sources it reads,
in the same order of trust.
"""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup, Tag

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# <meta> names and properties that carry the publication date, most specific first.
_META_KEYS = ("article:published_time", "og:published_time", "datepublished",
              "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
              "pubdate", "publishdate", "date")


def published_date(html: str) -> str | None:
    """The page's publication date as ``YYYY-MM-DD``, or ``None`` when it states none.

    Looks at ``<meta property="article:published_time">`` and similar tags, then JSON-LD
    ``datePublished``, then ``<time datetime>`` marked ``pubdate`` or ``itemprop="datePublished"``.
    """
    soup = BeautifulSoup(html, "html.parser")
    found: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = (_attr(meta, "property") or _attr(meta, "name") or _attr(meta, "itemprop")).lower()
        if key in _META_KEYS and (content := _attr(meta, "content")):
            found.setdefault(key, content)
    for key in _META_KEYS:
        if key in found and (day := _day(found[key])):
            return day
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError:
            continue
        if day := _day(_json_ld_date(data)):
            return day
    for time in soup.find_all("time"):
        if time.has_attr("pubdate") or _attr(time, "itemprop") == "datePublished":
            if day := _day(_attr(time, "datetime")):
                return day
    return None


def _attr(tag: Tag, name: str) -> str:
    """A tag's attribute as one string: ``""`` when absent, a multi-valued one space-joined."""
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def _json_ld_date(data: object) -> str:
    """The first ``datePublished`` in a JSON-LD document (objects, lists and ``@graph``)."""
    if isinstance(data, list):
        return next((d for item in data if (d := _json_ld_date(item))), "")
    if isinstance(data, dict):
        value = data.get("datePublished")
        if isinstance(value, str):
            return value
        return _json_ld_date(data.get("@graph", []))
    return ""


def _day(value: str) -> str | None:
    match = _DAY.search(value)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return match.group(0) if 1 <= month <= 12 and 1 <= day <= 31 and year >= 1900 else None
