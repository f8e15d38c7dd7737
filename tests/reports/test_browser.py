"""The HTML report in a real browser: headless Chromium, driven over the DevTools protocol.

Checks that every claim is highlighted in its verdict's colour, that evidence links are there, and
that clicking a claim reveals its evidence; saves a screenshot (to ``$FACTCHECK_ARTIFACTS`` when
set, else the test's temporary folder). Skipped where Chromium is absent; ``.ci/run`` installs
Debian's ``chromium``.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import Review
from factcheck.records import BatchResult, Label
from factcheck.reports.folder import LABEL_BACKGROUNDS, LABEL_COLOURS

CHROMIUM = next(
    (path for name in ("chromium", "chromium-browser", "google-chrome")
     if (path := shutil.which(name))),
    None,
)

pytestmark = [
    pytest.mark.integration,
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (.ci/run installs Debian's chromium)"),
]

websocket = pytest.importorskip("websocket", reason="needs websocket-client (pip install .[test])")


_NAVIGATING = ("Inspected target navigated or closed", "Cannot find context",
               "Execution context was destroyed")


class DevTools:
    """A minimal Chrome DevTools protocol client over one page's websocket."""

    def __init__(self, url: str) -> None:
        # Chromium refuses websocket clients that send an Origin header it does not allow.
        self.socket = websocket.create_connection(url, timeout=30, suppress_origin=True)
        self.events: list[dict[str, Any]] = []
        self.last_id = 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.last_id += 1
        self.socket.send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]
            self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def poll(self, expression: str) -> Any:
        """Evaluate ``expression``, or None while the page is between two documents."""
        try:
            return self.evaluate(expression)
        except RuntimeError as error:
            # Chromium answers an evaluation that meets a navigation with one of these
            if any(text in str(error) for text in _NAVIGATING):
                return None
            raise

    def open(self, url: str) -> None:
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + 30
        while self.poll("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load in 30 s")
            time.sleep(0.05)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first element matching ``selector``."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0];"
            " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()"
        )
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"],
                      button="left", clickCount=1)

    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions seen so far (e.g. a blocked script)."""
        return [
            json.dumps(event["params"])[:300]
            for event in self.events
            if event.get("method") == "Runtime.exceptionThrown"
            or (event.get("method") == "Log.entryAdded"
                and event["params"]["entry"]["level"] == "error")
        ]


@pytest.fixture
def page(tmp_path: Path) -> Iterator[DevTools]:
    profile = tmp_path / "chromium-profile"
    process = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--no-first-run", "--no-default-browser-check", "--window-size=1280,900",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 60
        while not (port_file.exists() and port_file.read_text().count("\n") >= 1):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"chromium did not start (exit code {process.poll()})")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            targets = json.load(answer)
        tools = DevTools(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            tools.call(f"{domain}.enable")
        yield tools
        tools.socket.close()
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def test_report_highlights_claims_links_evidence_and_reveals_it(
    page: DevTools, review_batch: BatchResult, reports_dir: Path, tmp_path: Path
) -> None:
    Review(reports_dir).override("acme-c03", "contradicted", note="They hired 700.",
                                 reviewer="ana")
    page.open((reports_dir / "acme.html").as_uri())

    marks = page.evaluate(
        "Array.from(document.querySelectorAll('mark.claim')).map(m => ({"
        " ids: m.dataset.claim.split(' '), cls: m.className,"
        " background: getComputedStyle(m).backgroundColor,"
        " width: m.getBoundingClientRect().width}))"
    )
    expected = {"acme-c01": Label.SUPPORTED, "acme-c02": Label.CONTRADICTED,
                "acme-c03": Label.CONTRADICTED}  # acme-c03 as reviewed; machine said unverified
    assert {v.claim.id for v in review_batch.results[0].verdicts} == set(expected)
    for claim_id, label in expected.items():
        shown = [m for m in marks if claim_id in m["ids"]]
        assert shown, f"{claim_id} is not highlighted"
        for mark in shown:
            assert label.value in mark["cls"].split()
            assert mark["background"] == _rgb(LABEL_BACKGROUNDS[label])
            assert mark["width"] > 0

    hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]'), a => a.href)")
    assert {"https://example.com/munich", "https://example.com/acme-report"} <= set(hrefs)

    detail = "#claim-panel .claim-detail[data-ref='1']"
    visible = f"document.querySelector({json.dumps(detail)}).checkVisibility()"
    assert page.evaluate(visible) is False
    page.click("mark.claim[data-claim='acme-c02']")
    assert page.evaluate(visible) is True
    revealed = page.evaluate(f"document.querySelector({json.dumps(detail)}).innerText")
    assert "Acme opened its factory in Munich in 2021." in revealed
    assert page.evaluate(
        f"document.querySelector({json.dumps(detail + ' a[href]')}).checkVisibility()") is True

    page.click("mark.claim[data-claim='acme-c03']")
    reviewed = page.evaluate(
        "document.querySelector(\"#claim-panel .claim-detail[data-ref='2']\").innerText")
    assert "Reviewed: \u2717 CONTRADICTED by ana" in reviewed and "They hired 700." in reviewed

    screenshot = page.call("Page.captureScreenshot", format="png")["data"]
    folder = Path(os.environ.get("FACTCHECK_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / "report-acme.png"
    png.write_bytes(base64.b64decode(screenshot))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000

    page.call("Input.dispatchKeyEvent", type="keyDown", key="Escape", code="Escape",
              windowsVirtualKeyCode=27)
    assert page.evaluate(visible) is False
    assert page.errors() == []


def _screenshot(page: DevTools, name: str, tmp_path: Path) -> Path:
    data = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)["data"]
    folder = Path(os.environ.get("FACTCHECK_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / name
    png.write_bytes(base64.b64decode(data))
    return png


def _viewport(page: DevTools, width: int) -> None:
    page.call("Emulation.setDeviceMetricsOverride", width=width, height=900,
              deviceScaleFactor=1, mobile=width < 600)


@pytest.mark.parametrize("width", [1400, 420])
def test_report_reads_without_colour_and_fits_the_screen(
    page: DevTools, reports_dir: Path, tmp_path: Path, width: int
) -> None:
    _viewport(page, width)
    page.open((reports_dir / "acme.html").as_uri())

    # Each verdict is drawn in its own colour (the underline too) and also named by its icon.
    marks = page.evaluate(
        "Array.from(document.querySelectorAll('mark.claim'), m => ({cls: m.className,"
        " line: getComputedStyle(m).borderBottomColor,"
        " icon: getComputedStyle(m, '::after').content}))")
    for mark in marks:
        label = next(lb for lb in Label if lb.value in mark["cls"].split())
        assert mark["line"] == _rgb(LABEL_COLOURS[label]), mark
        if "end" in mark["cls"].split():
            assert mark["icon"] not in ("none", "normal", ""), mark
    badges = page.evaluate("Array.from(document.querySelectorAll('td .badge'), b => b.innerText)")
    assert badges == ["\u2713 SUPPORTED", "\u2717 CONTRADICTED", "? UNVERIFIED"]

    # Links read as titles or publishers, never as passage ids; passages are not quotes.
    texts = page.evaluate("Array.from(document.querySelectorAll('.evidence a'), a => a.innerText)")
    ids = {hit.passage.id for v in Review(reports_dir).batch.verdicts() for hit in v.evidence}
    assert texts and not set(texts) & ids
    assert page.evaluate("document.querySelectorAll('.evidence blockquote').length") == 0
    assert page.evaluate("document.querySelector('.evidence .wording').innerText").lower() == (
        "paraphrase")

    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # The evidence shows next to the claim tapped: beside it on a wide screen, right below it
    # on a phone.
    page.click("mark.claim[data-claim='acme-c02']")
    box = page.evaluate(
        "(() => { const m = document.querySelector(\"mark.claim[data-claim='acme-c02']\")"
        ".getBoundingClientRect(); const p = document.getElementById('claim-panel')"
        ".getBoundingClientRect(); return {mark: [m.left, m.top, m.bottom],"
        " panel: [p.left, p.top]}; })()")
    if width == 420:
        assert 0 <= box["panel"][1] - box["mark"][2] < 80, box
    else:
        assert box["panel"][0] > box["mark"][0] and abs(box["panel"][1] - box["mark"][1]) < 600
    assert page.evaluate(
        "document.querySelector(\"#claim-panel .claim-detail[data-ref='1']\").checkVisibility()")
    png = _screenshot(page, f"report-acme-{width}.png", tmp_path)
    assert png.stat().st_size > 5_000

    # A table row's number leads to the claim's place in the text.
    page.evaluate("document.querySelector('#claim-2 a[href^=\"#text-\"]').click()")
    assert page.evaluate("location.hash") == "#text-2"
    top = page.evaluate("document.getElementById('text-2').getBoundingClientRect().top")
    assert -2 <= top < 900
    assert page.errors() == []
