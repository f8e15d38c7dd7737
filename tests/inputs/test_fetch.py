"""Fetching articles from a real HTTP server on loopback, and reducing HTML to article text."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.errors import FetchError
from factcheck.inputs.articles import iter_articles
from factcheck.inputs.decode import html_to_text
from factcheck.inputs.fetch import FetchLimits, fetch_url, url_article_id
from factcheck.records import Article, Failure

ARTICLE_PAGE = """<!DOCTYPE html>
<html><head><title>Xiaomi launches EV | Example News</title>
<script>window.track = function () { return "tracking code"; };</script>
<style>body { color: red; }</style></head>
<body>
<header><a href="/">Example News</a><nav><ul><li>World</li><li>Business</li></ul></nav></header>
<main><article>
  <h1>Xiaomi   launches its first EV</h1>
  <p>Xiaomi said on Thursday it had received
     <b>88,898</b> orders in 24 hours.</p>
  <figure><img src="su7.jpg"><figcaption>The SU7 on display. Photo: AP</figcaption></figure>
  <ul><li>Price: 215,900 yuan</li><li>Range: 700 km</li></ul>
  <p>Deliveries start in April.</p>
</article>
<aside>Related: Tesla cuts prices</aside></main>
<footer>Copyright 2024 Example News. <a href="/privacy">Privacy</a></footer>
<script>track();</script>
</body></html>
"""
ARTICLE_TEXT = (
    "Xiaomi launches its first EV\n\n"
    "Xiaomi said on Thursday it had received 88,898 orders in 24 hours.\n\n"
    "Price: 215,900 yuan\n\n"
    "Range: 700 km\n\n"
    "Deliveries start in April."
)
LATIN1_PAGE = (
    '<html><head><meta charset="iso-8859-1"><title>Caf\xe9</title></head>'
    "<body><p>Le caf\xe9 co\xfbte 2 euros.</p></body></html>"
).encode("latin-1")
SLOW_SECONDS = 1.0


class Handler(BaseHTTPRequestHandler):
    """Serves one canned response per path."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        route = {
            "/news/xiaomi-ev": lambda: self.reply(200, "text/html; charset=utf-8", ARTICLE_PAGE),
            "/plain.txt": lambda: self.reply(200, "text/plain", "Xiaomi sold 10,000 cars.\n"),
            "/latin1": lambda: self.reply(200, "text/html", LATIN1_PAGE),
            "/untyped": lambda: self.reply(None, None, "<!doctype html><p>No type</p>"),
            "/image.png": lambda: self.reply(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "/empty": lambda: self.reply(200, "text/plain", ""),
            "/user-agent": lambda: self.reply(200, "text/plain", self.headers["User-Agent"]),
            "/loop": lambda: self.redirect("/loop"),
            "/moved": lambda: self.redirect("/plain.txt"),
            "/slow": self.slow,
            "/endless": self.endless,
            "/trickle": self.trickle,
            "/error": lambda: self.send_error(500),
        }.get(self.path, lambda: self.send_error(404))
        route()

    def reply(self, status: int | None, content_type: str | None, body: str | bytes) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status or 200)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(SLOW_SECONDS)
        self.reply(200, "text/plain", "too late")

    def trickle(self) -> None:
        """A byte every 50 ms for up to 3 s: never silent for long, never done quickly."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError):
            return

    def endless(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        chunk = b"all work and no play " * 1000
        try:
            for _ in range(10_000):  # bounded so that a broken client cannot hang the server
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base signature
        """Keep the test output quiet."""


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up early (timeouts, size cap) are expected here."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy configured on the machine must not intercept requests to the loopback server."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


FAST = FetchLimits(connect_timeout=1.0, read_timeout=0.2, max_bytes=100_000, max_redirects=3,
                   allow_private=True)  # the test server is on loopback


# --- fetching -------------------------------------------------------------------------------


def test_html_article_is_fetched_without_page_chrome(server: str) -> None:
    url = f"{server}/news/xiaomi-ev"
    article = fetch_url(url, FAST)
    assert article == Article(
        id="127-0-0-1-news-xiaomi-ev",
        text=ARTICLE_TEXT,
        source=url,
        title="Xiaomi launches EV | Example News",
    )


def test_plain_text_is_kept(server: str) -> None:
    article = fetch_url(f"{server}/plain.txt", FAST)
    assert article.text == "Xiaomi sold 10,000 cars.\n"
    assert article.title == "Xiaomi sold 10,000 cars."


def test_charset_declared_only_by_meta_tag(server: str) -> None:
    article = fetch_url(f"{server}/latin1", FAST)
    assert (article.title, article.text) == ("Café", "Le café coûte 2 euros.")


def test_html_without_content_type_is_recognised(server: str) -> None:
    assert fetch_url(f"{server}/untyped", FAST).text == "No type"


def test_redirect_is_followed(server: str) -> None:
    article = fetch_url(f"{server}/moved", FAST)
    assert article.text == "Xiaomi sold 10,000 cars.\n"
    assert article.source == f"{server}/moved"


def test_user_agent_is_sent(server: str) -> None:
    assert fetch_url(f"{server}/user-agent", FAST).text == "factcheck/0.1"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", r"/missing: HTTP 404 Not Found; the page does not exist; check the URL$"),
        ("/error", r"/error: HTTP 500 Internal Server Error; the server failed; try again later$"),
        ("/loop", r"/loop: too many redirects \(more than 3\)"),
        ("/image.png", r"content type image/png is not an article \(accepted: text/html, "),
        ("/endless", r"/endless: response is larger than the limit of 100,000 bytes"),
        ("/empty", r"/empty: article is empty$"),
    ],
)
def test_fetch_errors_name_the_url_and_the_problem(server: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message) as raised:
        fetch_url(f"{server}{path}", FAST)
    assert str(raised.value).startswith(f"{server}{path}: ")


def test_declared_length_over_the_cap_is_refused_before_reading(server: str) -> None:
    limits = FetchLimits(read_timeout=1.0, max_bytes=100, allow_private=True)
    with pytest.raises(FetchError, match="larger than the limit of 100 bytes"):
        fetch_url(f"{server}/news/xiaomi-ev", limits)


def test_slow_server_times_out(server: str) -> None:
    started = time.perf_counter()
    with pytest.raises(FetchError, match=r"/slow: timed out after 0\.2s"):
        fetch_url(f"{server}/slow", FAST)
    assert time.perf_counter() - started < SLOW_SECONDS


def test_a_trickling_server_is_abandoned_at_the_total_deadline(server: str) -> None:
    limits = FetchLimits(connect_timeout=1.0, read_timeout=0.5, total_timeout=0.6,
                         allow_private=True)
    started = time.perf_counter()
    with pytest.raises(FetchError, match=r"/trickle: took more than 0\.6s in all"):
        fetch_url(f"{server}/trickle", limits)
    assert time.perf_counter() - started < 2.0  # the server would go on for 3 s


def test_closed_port_cannot_connect() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="cannot connect"):
        fetch_url(f"http://127.0.0.1:{port}/", FAST)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/a.txt", "only http:// and https:// URLs can be fetched, not ftp://$"),
        ("file:///etc/passwd", "can be fetched; pass the file path instead$"),
        ("example.com/news", "can be fetched; add https:// in front$"),
        ("http:///news", "the URL has no host name"),
    ],
)
def test_other_schemes_are_refused(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_url(url)


def test_urls_in_a_batch(server: str) -> None:
    inputs = [f"{server}/plain.txt", f"{server}/missing", "ftp://example.com/a", f"{server}/latin1"]
    results = list(iter_articles(inputs, fetch_limits=FAST))
    assert [result.source for result in results] == inputs
    assert [type(result) for result in results] == [Article, Failure, Failure, Article]


def test_url_article_id() -> None:
    url = "https://www.example.com/news/xiaomi-ev?ref=rss"
    assert url_article_id(url) == "www-example-com-news-xiaomi-ev"


# --- html_to_text ---------------------------------------------------------------------------


def test_html_to_text_prefers_the_article_and_puts_the_h1_first() -> None:
    html = (
        "<body><h2>Site menu</h2><article><p>Intro &amp; more.</p><header><h1>Head line</h1>"
        "</header><p>Line one<br>line   two</p></article>"
        "<article><p>Short teaser</p></article></body>"
    )
    assert html_to_text(html) == ("Head line", "Head line\n\nIntro & more.\n\nLine one\nline two")


def test_html_to_text_uses_main_then_body() -> None:
    main = "<body><p>Cookie banner</p><main><p>Story</p></main></body>"
    assert html_to_text(main) == ("", "Story")
    body = "<body><p>One</p><div hidden>Hidden</div><form>Search</form><p>Two</p></body>"
    assert html_to_text(body) == ("", "One\n\nTwo")


def test_html_to_text_without_text() -> None:
    assert html_to_text("<html><script>x()</script></html>") == ("", "")
