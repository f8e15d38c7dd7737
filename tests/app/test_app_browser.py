"""The review app and the static index.html in headless Chromium, over the demo batch.

A real `factcheck serve` on a free loopback port, a real check of claims/ against evidence/ with
the real model, and a real browser (the DevTools client and Chromium fixture of
tests/reports/test_browser.py): filter, overrule a claim, reload, and find the review in
reviews.jsonl and in the regenerated reports. Screenshots at 1400 and 420 px go to
``$FACTCHECK_ARTIFACTS`` when set. Skipped where Chromium is absent.
"""

from __future__ import annotations

import base64
import json
import os
import time
from pathlib import Path

import pytest

from factcheck.analyst.review import REVIEWS_FILE, read_reviews
from tests.reports.test_browser import CHROMIUM, DevTools, page  # noqa: F401 - page: a fixture

pytestmark = [
    pytest.mark.integration,
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None,
                       reason="chromium is not installed (.ci/run installs Debian's chromium)"),
]


def _claims(folder: Path) -> dict[str, dict]:
    """Every claim of the folder's JSON reports, by claim id."""
    claims = {}
    for report in folder.glob("*.json"):
        data = json.loads(report.read_text(encoding="utf-8"))
        claims.update({claim["id"]: claim for claim in data["claims"]})
    return claims


def _wait(tab: DevTools, condition: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not tab.poll(f"!!({condition})"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds} s for {condition}")
        time.sleep(0.05)


def _navigates(tab: DevTools) -> None:
    """Mark the current document, so _loaded can tell when the next one has loaded."""
    tab.evaluate("window.__before = true")


def _loaded(tab: DevTools) -> None:
    _wait(tab, "!window.__before && document.readyState === 'complete'")


def _width(tab: DevTools, width: int) -> None:
    tab.call("Emulation.setDeviceMetricsOverride", width=width, height=1000,
              deviceScaleFactor=1, mobile=width < 800)


def _screenshot(tab: DevTools, name: str, fallback: Path) -> Path:
    folder = Path(os.environ.get("FACTCHECK_ARTIFACTS") or fallback)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / name
    png.write_bytes(base64.b64decode(tab.call("Page.captureScreenshot", format="png")["data"]))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    return png


def _type(tab: DevTools, selector: str, text: str) -> None:
    tab.click(selector)  # focuses the field
    tab.call("Input.insertText", text=text)


def _visible_rows(tab: DevTools) -> list[dict]:
    return tab.evaluate(
        "Array.from(document.querySelectorAll('#claims tbody tr'))"
        ".filter(r => r.checkVisibility()).map(r => ({id: r.id, label: r.dataset.label,"
        " claim: r.querySelector('td[data-col=Claim] .small').textContent}))"
    )


def test_overrule_a_contradicted_claim_in_the_review_app(
    page: DevTools, demo_copy: Path, serve_app, tmp_path: Path  # noqa: F811
) -> None:
    claims = _claims(demo_copy)
    contradicted = sorted(i for i, c in claims.items() if c["verdict"]["label"] == "contradicted")
    url = serve_app(demo_copy)
    _width(page, 1400)
    page.open(url)
    assert len(_visible_rows(page)) == len(claims)

    # filter to contradicted with the form, as a user does
    page.evaluate("document.querySelector('select[name=label]').value = 'contradicted'")
    _navigates(page)
    page.click("form.filters button[type=submit]")
    _loaded(page)
    assert "label=contradicted" in page.evaluate("location.search")
    rows = _visible_rows(page)
    assert sorted(row["claim"] for row in rows) == contradicted
    assert {row["label"] for row in rows} == {"contradicted"}

    # overrule the first one to supported, with a note and a reviewer
    row, claim_id = rows[0]["id"], rows[0]["claim"]
    page.click(f"#{row} details.review summary")
    page.evaluate(f"document.querySelector('#{row} select[name=label]').value = 'supported'")
    _type(page, f"#{row} textarea[name=note]", "The filing says otherwise <b>really</b>.")
    _type(page, f"#{row} input[name=reviewer]", "ana")
    _navigates(page)
    page.click(f"#{row} button[type=submit]")
    _loaded(page)
    notice = page.evaluate("document.querySelector('.notice').innerText")
    assert f"Saved: ana overruled the machine verdict on {claim_id}" in notice
    assert "contradicted → supported" in notice
    assert claim_id not in [r["claim"] for r in _visible_rows(page)]  # no longer contradicted

    # reload, and list the reviewed claims: the review is still there
    _navigates(page)
    page.call("Page.reload")
    _loaded(page)
    page.open(url + "?reviewed=yes")
    [reviewed] = _visible_rows(page)
    assert (reviewed["claim"], reviewed["label"]) == (claim_id, "supported")
    text = page.evaluate(f"document.getElementById('{reviewed['id']}').innerText")
    assert "overruled by ana" in text and "The filing says otherwise <b>really</b>." in text
    assert page.evaluate("document.querySelector('input[name=reviewer]').value") == "ana"
    _screenshot(page, "review-app-1400.png", tmp_path)

    # the claim's link opens its place in the article report, with the review in it
    _navigates(page)
    page.click(f"#{reviewed['id']} td[data-col=Claim] a")
    _loaded(page)
    assert page.evaluate("location.pathname").startswith("/articles/")
    index = page.evaluate("location.hash").removeprefix("#claim-")
    report_row = page.evaluate(f"document.getElementById('claim-{index}').innerText")
    assert "SUPPORTED by ana" in report_row and claims[claim_id]["text"] in report_row
    assert page.evaluate("document.getElementById('claim-panel').hidden") is False  # script ran

    page.open(url + "?label=contradicted")
    _width(page, 420)
    assert page.evaluate("document.documentElement.scrollWidth") <= 420
    page.evaluate("document.querySelector('h2:nth-of-type(2)').scrollIntoView()")
    _screenshot(page, "review-app-420.png", tmp_path)
    assert page.errors() == []

    [record] = read_reviews(demo_copy / REVIEWS_FILE)
    assert (record.claim_id, record.label.value, record.machine_label.value, record.reviewer,
            record.note) == (claim_id, "supported", "contradicted", "ana",
                             "The filing says otherwise <b>really</b>.")
    report = _claims(demo_copy)[claim_id]
    assert report["verdict"]["label"] == "contradicted"  # the machine's verdict is kept
    assert report["review"]["label"] == "supported" and report["review"]["reviewer"] == "ana"


def test_static_index_lists_every_claim_and_filters_in_the_browser(
    page: DevTools, demo_reports: Path, tmp_path: Path  # noqa: F811
) -> None:
    claims = _claims(demo_reports)
    index = (demo_reports / "index.html").read_text(encoding="utf-8")
    for claim_id in claims:
        assert f'<span class="small">{claim_id}</span>' in index
    _width(page, 1400)
    page.open((demo_reports / "index.html").as_uri())
    assert sorted(row["claim"] for row in _visible_rows(page)) == sorted(claims)
    links = page.evaluate("Array.from(document.querySelectorAll('#claims a'), a => a.href)")
    assert len(links) == len(claims)
    assert all(Path(link.split("#")[0].removeprefix("file://")).exists() for link in links)

    page.open((demo_reports / "index.html").as_uri() + "?label=unverified&q=xiaomi")
    shown = _visible_rows(page)
    assert shown and {row["label"] for row in shown} == {"unverified"}
    expected = {i for i, c in claims.items()
                if c["verdict"]["label"] == "unverified" and "xiaomi" in
                " ".join([c["text"], i, c["verdict"]["rationale"]]).lower()}
    assert {row["claim"] for row in shown} <= expected | {  # the article's title is searched too
        i for i, c in claims.items() if c["verdict"]["label"] == "unverified"}
    assert expected <= {row["claim"] for row in shown}
    assert page.evaluate("document.getElementById('shown').textContent") == str(len(shown))
    _screenshot(page, "overview-static-1400.png", tmp_path)
    assert page.errors() == []
