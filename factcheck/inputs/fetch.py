"""Fetching an article from a URL, and reducing an HTML page to its article text.

This is the only module that touches the network: one GET per URL with httpx, explicit timeouts,
one wall-clock deadline around the whole fetch, a redirect limit and a size cap, and only text
content types accepted. Every connection (the first request's and each redirect's) goes through
:class:`_GuardedBackend`, which resolves the host itself, refuses loopback, private, link-local,
multicast and reserved addresses unless ``allow_private`` is set (an SSRF guard: a service that
takes URLs from users must not fetch its own network), connects to the address it checked, and
bounds every socket operation by the deadline. The rest of the pipeline works on the
:class:`~factcheck.records.Article` it returns.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpcore
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
        allow_private: fetch loopback, private, link-local and multicast addresses too (off:
            such URLs, and redirects to them, are refused after DNS resolution).
    """

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_bytes: int = MAX_ARTICLE_BYTES
    max_redirects: int = 5
    allow_private: bool = False


DEFAULT_LIMITS = FetchLimits()

_STATUS_HINTS = {
    401: "the site wants a login; save the page from a browser and check the file",
    403: "the site refused access; save the page from a browser and check the file",
    404: "the page does not exist; check the URL",
    410: "the page was removed; check the URL",
    429: "the site is rate limiting; try again later",
}


def fetch_url(url: str, limits: FetchLimits = DEFAULT_LIMITS,
              notes: list[str] | None = None) -> Article:
    """Fetch one http(s) URL and return its article text.

    Redirects are followed (at most ``limits.max_redirects``). HTML (``text/html``,
    ``application/xhtml+xml``) is reduced with :func:`html_to_text`; ``text/plain`` is kept as is.
    The body is decoded with the charset the server declares, else the page's ``<meta charset>``,
    else UTF-8 with a cp1252/Latin-1 fallback.

    Args:
        url: an ``http://`` or ``https://`` URL.
        limits: timeouts, size cap, redirect limit and whether private addresses may be fetched.
        notes: where to append one line per fallback taken while decoding.

    Returns:
        The article, with ``source`` the URL and an id made from its host and path,
        e.g. ``example-com-news-xiaomi-ev``.

    Raises:
        FetchError: wrong scheme, a private address (without ``limits.allow_private``),
            connection failure, timeout, the whole fetch over ``limits.total_timeout``, too many
            redirects, HTTP error status, a content type that is not text, a body over
            ``limits.max_bytes``, or a page without text. The message names the URL.
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
    backend = _GuardedBackend(deadline, limits.allow_private)
    try:
        with httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=limits.max_redirects,
            headers={"User-Agent": USER_AGENT},
            transport=_GuardedTransport(backend),
        ) as client:
            with client.stream("GET", url) as response:
                html = _check_response(url, response)
                body = _read_body(url, response, limits, deadline)
                charset = response.charset_encoding
    except _RefusedAddress as refused:
        raise FetchError(
            f"{url}: refused: {refused.host} is {refused.address} ({refused.kind}), and fetching "
            "private addresses is off; pass --allow-private-urls if you trust this URL") from None
    except _DeadlinePassed:
        raise _deadline_error(url, limits) from None
    except httpx.TimeoutException:
        if time.monotonic() >= deadline:
            raise _deadline_error(url, limits) from None
        raise _timeout_error(url, limits) from None
    except httpx.TooManyRedirects:
        raise FetchError(
            f"{url}: too many redirects (more than {limits.max_redirects}); "
            "the site may be redirecting in a loop"
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
            notes=notes,
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
            raise _deadline_error(url, limits)
    return bytes(body)


def _deadline_error(url: str, limits: FetchLimits) -> FetchError:
    return FetchError(
        f"{url}: took more than {limits.total_timeout:g}s in all (the server sends too "
        "slowly); try again later or save the article text to a file")


def _timeout_error(url: str, limits: FetchLimits) -> FetchError:
    return FetchError(f"{url}: timed out after {limits.read_timeout:g}s waiting for the server "
                      f"(or {limits.connect_timeout:g}s connecting)")


class _RefusedAddress(Exception):
    """A host resolved to an address the SSRF guard refuses (raised through httpx as is)."""

    def __init__(self, host: str, address: str, kind: str) -> None:
        super().__init__(f"{host} is {address} ({kind})")
        self.host, self.address, self.kind = host, address, kind


class _DeadlinePassed(Exception):
    """The fetch's wall-clock deadline passed (while resolving a host name)."""


def address_kind(address: str) -> str | None:
    """Why an IP address is not public (``loopback``, ``private``, ...), or None if it is."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "private", "link_local", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "not a public address"
    return None


class _GuardedBackend(httpcore.NetworkBackend):
    """Sockets that resolve and check their host first and never outlive the fetch's deadline."""

    def __init__(self, deadline: float, allow_private: bool) -> None:
        self._deadline = deadline
        self._allow_private = allow_private
        self._sync = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        address = self._resolve(host, port)
        stream = self._sync.connect_tcp(address, port, _clamp(timeout, self._deadline),
                                        local_address, socket_options)
        return _DeadlineStream(stream, self._deadline)

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        time.sleep(min(seconds, max(0.0, self._deadline - time.monotonic())))

    def _resolve(self, host: str, port: int) -> str:
        """The address to connect to: the first one DNS gives, every one of them checked."""
        found: list[Any] = []
        failure: list[BaseException] = []

        def lookup() -> None:
            try:
                found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
            except OSError as error:
                failure.append(error)

        # getaddrinfo has no timeout of its own: wait for it no longer than the deadline.
        worker = threading.Thread(target=lookup, daemon=True)
        worker.start()
        worker.join(max(0.0, self._deadline - time.monotonic()))
        if worker.is_alive():
            raise _DeadlinePassed(host)
        if failure or not found:
            raise httpcore.ConnectError(f"cannot resolve {host} ({failure[0] if failure else ''})")
        addresses = [info[4][0] for info in found]
        if not self._allow_private:
            for address in addresses:
                kind = address_kind(address)
                if kind is not None:
                    raise _RefusedAddress(host, address, kind)
        return addresses[0]


class _DeadlineStream(httpcore.NetworkStream):
    """A socket stream whose every read and write waits no longer than the deadline allows."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, self._deadline))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, self._deadline))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname,
                                        _clamp(timeout, self._deadline))
        return _DeadlineStream(stream, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def _clamp(timeout: float | None, deadline: float) -> float:
    """``timeout`` cut to the time left before ``deadline`` (a tiny positive value when past)."""
    left = max(0.001, deadline - time.monotonic())
    return left if timeout is None else min(timeout, left)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on :class:`_GuardedBackend`."""

    def __init__(self, backend: _GuardedBackend) -> None:
        super().__init__()
        self._pool = httpcore.ConnectionPool(ssl_context=self._pool._ssl_context,
                                             network_backend=backend)
