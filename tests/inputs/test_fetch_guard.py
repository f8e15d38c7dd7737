"""The fetch's SSRF guard and its one deadline, against servers started here on loopback (they are
the private addresses to refuse, and, with ``allow_private``, to fetch)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.errors import FetchError
from factcheck.inputs import fetch
from factcheck.inputs.fetch import FetchLimits, fetch_url


class _Handler(BaseHTTPRequestHandler):
    target = ""

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.target)
            self.end_headers()
        elif self.path == "/trickle-headers":
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for number in range(30):  # one header line every 0.2 s: each read is quick
                self.wfile.write(f"X-Slow-{number}: 1\r\n".encode())
                self.wfile.flush()
                time.sleep(0.2)
        else:
            body = b"Xiaomi sold 10,000 cars in 2021."
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)


def _serve(host: str) -> Iterator[str]:
    httpd = ThreadingHTTPServer((host, 0), _Handler)
    httpd.daemon_threads = True
    # shutdown() waits for the next poll: 0.05 s, not the default 0.5 s, after each test
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                     daemon=True).start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server() -> Iterator[str]:
    yield from _serve("127.0.0.1")


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)


ALLOW = FetchLimits(read_timeout=2.0, allow_private=True)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "127.1", "2130706433", "0x7f000001",
                                  "[::ffff:127.0.0.1]"])
def test_loopback_in_any_spelling_is_refused_by_default(server: str, host: str):
    port = server.rsplit(":", 1)[1]
    url = f"http://{host}:{port}/a"
    with pytest.raises(FetchError, match=r"refused: .* \(loopback\), and fetching private "
                                         r"addresses is off; pass --allow-private-urls"):
        fetch_url(url)


def test_allow_private_fetches_loopback(server: str):
    assert fetch_url(f"{server}/a", ALLOW).text == "Xiaomi sold 10,000 cars in 2021."


@pytest.mark.parametrize("address", ["10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.169.254",
                                     "224.0.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1"])
def test_private_link_local_and_multicast_addresses_are_not_public(address: str):
    assert fetch.address_kind(address) is not None


def test_public_addresses_pass():
    assert fetch.address_kind("93.184.216.34") is None
    assert fetch.address_kind("2606:2800:220:1:248:1893:25c8:1946") is None


def test_a_redirect_into_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch):
    """The first server counts as public here; its redirect to another loopback address does
    not: the guard checks every hop after resolving it."""
    real = fetch.address_kind
    monkeypatch.setattr(fetch, "address_kind",
                        lambda address: None if address == "127.0.0.1" else real(address))
    try:
        inner = socket.create_server(("127.0.0.2", 0))
    except OSError:
        pytest.skip("127.0.0.2 is not available here")
    inner.close()
    for inner_url in _serve("127.0.0.2"):
        _Handler.target = f"{inner_url}/secret"
        for outer_url in _serve("127.0.0.1"):
            with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.2 is 127\.0\.0\.2 "
                                                 r"\(loopback\)"):
                fetch_url(f"{outer_url}/redirect", FetchLimits(read_timeout=2.0))
            _Handler.target = f"{outer_url}/a"
            assert fetch_url(f"{outer_url}/redirect", FetchLimits(read_timeout=2.0)).text


def test_the_deadline_covers_headers_trickled_line_by_line(server: str):
    limits = FetchLimits(read_timeout=1.0, total_timeout=1.0, allow_private=True)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took more than 1s in all"):
        fetch_url(f"{server}/trickle-headers", limits)
    assert time.monotonic() - started < 2.5  # the server would go on for 6 s
