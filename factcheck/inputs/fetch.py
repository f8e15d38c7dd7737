"""Fetching an article from a URL, and reducing an HTML page to its article text.

This is the only module that touches the network: one GET per URL with httpx, explicit timeouts,
a redirect limit and a size cap, and only text content types accepted. The rest of the pipeline
works on the :class:`~factcheck.records.Article` it returns.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from factcheck.errors import FetchError, InputError
from factcheck.inputs.decode import (
    MAX_ARTICLE_BYTES,
    article_from_bytes,
    looks_like_html,
    slugify,
)
from factcheck.records import Article

USER_AGENT = "factcheck/0.1"
ARTICLE_CONTENT_TYPES = {"text/html": True, "application/xhtml+xml": True, "text/plain": False}
"""Content types accepted from a server, mapped to whether they are HTML."""


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Limits of one fetch.

    Attributes:
        connect_timeout: seconds to wait for the connection (5).
        read_timeout: seconds to wait for each piece of the response (15); this bounds silences.
        total_timeout: seconds the whole fetch may take, redirects and body included (60), so a
            server trickling a byte at a time cannot hold a batch up.
        max_bytes: larger responses are abandoned (counted after decompression; default: the
            ``max_article_bytes`` setting).
        max_redirects: more redirects than this fail the fetch (5).
    """

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_bytes: int = MAX_ARTICLE_BYTES
    max_redirects: int = 5


DEFAULT_LIMITS = FetchLimits()

_STATUS_HINTS = {
    401: "the site wants a login; save the page from a browser and check the file",
    403: "the site refused access; save the page from a browser and check the file",
    404: "the page does not exist; check the URL",
    410: "the page was removed; check the URL",
    429: "the site is rate limiting; try again later",
}


def fetch_url(url: str, limits: FetchLimits = DEFAULT_LIMITS) -> Article:
    """Fetch one http(s) URL and return its article text.

    Redirects are followed (at most ``limits.max_redirects``). HTML (``text/html``,
    ``application/xhtml+xml``) is reduced with :func:`html_to_text`; ``text/plain`` is kept as is.
    The body is decoded with the charset the server declares, else the page's ``<meta charset>``,
    else UTF-8 with a cp1252/Latin-1 fallback.

    Args:
        url: an ``http://`` or ``https://`` URL.
        limits: timeouts, size cap and redirect limit.

    Returns:
        The article, with ``source`` the URL and an id made from its host and path,
        e.g. ``example-com-news-xiaomi-ev``.

    Raises:
        FetchError: wrong scheme, connection failure, timeout, too many redirects, HTTP error
            status, a content type that is not text, a body over ``limits.max_bytes``, or a page
            without text. The message names the URL.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        if scheme == "file":
            hint = "; pass the file path instead"
        elif scheme:
            hint = f", not {scheme}://"
        else:
            hint = "; add https:// in front"
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched{hint}")
    if not parts.hostname:
        raise FetchError(f"{url}: the URL has no host name; check it")
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    deadline = time.monotonic() + limits.total_timeout
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            with client.stream("GET", url) as response:
                html = _check_response(url, response)
                body = _read_body(url, response, limits, deadline)
                charset = response.charset_encoding
    except httpx.TooManyRedirects:
        raise FetchError(
            f"{url}: too many redirects (more than {limits.max_redirects}); "
            "the site may be redirecting in a loop"
        ) from None
    except httpx.ConnectTimeout:
        raise FetchError(f"{url}: timed out after {limits.connect_timeout:g}s connecting") from None
    except httpx.TimeoutException:
        raise FetchError(
            f"{url}: timed out after {limits.read_timeout:g}s waiting for the server"
        ) from None
    except httpx.ConnectError as error:
        raise FetchError(f"{url}: cannot connect ({error}); check the URL") from None
    except (httpx.HTTPError, httpx.InvalidURL) as error:
        raise FetchError(f"{url}: fetch failed ({error})") from None

    if html is None:
        html = looks_like_html(body)
    try:
        return article_from_bytes(
            body,
            article_id=url_article_id(url),
            source=url,
            html=html,
            encoding=charset,
            max_bytes=limits.max_bytes,
        )
    except InputError as error:
        raise FetchError(str(error)) from error


def url_article_id(url: str) -> str:
    """The article id of a URL: a slug of its host and path (``example-com-news-xiaomi-ev``)."""
    parts = urlsplit(url)
    return slugify(f"{parts.hostname or ''} {parts.path}")


def _check_response(url: str, response: httpx.Response) -> bool | None:
    """Refuse error statuses and non-text types; whether the body is HTML (None: not declared)."""
    if not response.is_success:
        status = response.status_code
        if status >= 500:
            hint = "the server failed; try again later"
        else:
            hint = _STATUS_HINTS.get(status, "the server did not return the page")
        raise FetchError(f"{url}: HTTP {status} {response.reason_phrase}; {hint}")
    content_type = response.headers.get("content-type", "")
    media_type = content_type.split(";")[0].strip().lower()
    if not media_type:
        return None
    if media_type not in ARTICLE_CONTENT_TYPES:
        accepted = ", ".join(ARTICLE_CONTENT_TYPES)
        raise FetchError(
            f"{url}: content type {media_type} is not an article (accepted: {accepted})"
        )
    return ARTICLE_CONTENT_TYPES[media_type]


def _read_body(url: str, response: httpx.Response, limits: FetchLimits, deadline: float) -> bytes:
    """The response body, abandoned as soon as it grows past ``limits.max_bytes`` or the fetch
    runs past ``deadline`` (a ``time.monotonic()`` value)."""
    max_bytes = limits.max_bytes
    too_large = FetchError(
        f"{url}: response is larger than the limit of {max_bytes:,} bytes; "
        "raise the limit or save the article text to a file"
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise too_large
        if time.monotonic() > deadline:
            raise FetchError(
                f"{url}: took more than {limits.total_timeout:g}s in all (the server sends too "
                "slowly); try again later or save the article text to a file")
    return bytes(body)
