"""The review app through Starlette's TestClient and a real `factcheck serve` on a loopback port."""

from __future__ import annotations

import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from factcheck.analyst.review import REVIEWS_FILE, Review, read_reviews
from factcheck.app.server import create_app
from factcheck.cli import app as cli

REPO = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8000"
TOKEN = "test-token-0123456789"


@pytest.fixture
def client(reports_dir: Path) -> Iterator[TestClient]:
    with TestClient(create_app(reports_dir, token=TOKEN), base_url=BASE,
                    follow_redirects=False) as test_client:
        yield test_client


def _review(client: TestClient, *, headers: dict[str, str] | None = None, **fields: str):
    form = {"token": TOKEN, "article": "acme", "claim": "acme-c02", "label": "supported",
            "reviewer": "ana", "note": "Checked the filing.", "back": "label=contradicted"}
    form.update(fields)
    sent = {"Origin": BASE} if headers is None else headers
    return client.post("/review", data={k: v for k, v in form.items() if v is not None},
                       headers=sent)


def _reviews(folder: Path) -> list:
    return read_reviews(folder / REVIEWS_FILE)


def test_overview_lists_claims_with_forms_and_safe_headers(client: TestClient):
    answer = client.get("/")
    assert answer.status_code == 200
    page = answer.text
    assert page.count('<form method="post" action="/review">') == 4
    assert f'name="token" value="{TOKEN}"' in page
    csp = answer.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "form-action 'self'" in csp and "script-src" not in csp
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"


def test_overview_filters_on_the_server(client: TestClient):
    page = client.get("/?label=contradicted&reviewed=no&q=berlin").text
    assert re.findall(r'<tr id="row-[^"]*"', page) == ['<tr id="row-0-1"']
    assert "Its factory opened in Berlin in 2021." in page
    assert "Showing <span id=\"shown\">1</span> of 4 claims" in page


def test_article_page_is_the_report_with_its_own_csp(client: TestClient, reports_dir: Path):
    answer = client.get("/articles/acme")
    assert answer.status_code == 200
    assert 'id="claim-1"' in answer.text and "Acme sold 5,000 cars in 2023." in answer.text
    assert '<a href="/">' in answer.text
    csp = answer.headers["content-security-policy"]
    assert "script-src 'sha256-" in csp and "frame-ancestors 'none'" in csp
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', answer.text)
    assert meta and csp.startswith(meta.group(1))


@pytest.mark.parametrize("path", [
    "/articles/nope", "/articles/", "/articles/acme.json", "/articles/ACME",
    "/articles/../reviews.jsonl", "/articles/..%2Facme.json", "/articles/%2e%2e/%2e%2e/etc/passwd",
    "/articles//etc/passwd", "/articles/acme/../../summary.csv", "/acme.json", "/acme.html",
    "/index.html", "/summary.csv", "/reviews.jsonl", "/../acme.json", "/static/../../etc/passwd",
])
def test_unknown_articles_and_file_paths_are_404(client: TestClient, path: str):
    answer = client.get(path)
    assert answer.status_code == 404, path
    assert "schema_version" not in answer.text and "root:" not in answer.text
    assert answer.headers["content-security-policy"].startswith("default-src 'none'")


def test_a_review_is_appended_and_the_reports_rewritten(client: TestClient, reports_dir: Path):
    answer = _review(client)
    assert answer.status_code == 303
    location = answer.headers["location"]
    assert location.startswith("/?label=contradicted&saved_article=acme&saved_claim=acme-c02")
    assert location.endswith("#row-0-1")
    cookie = answer.headers["set-cookie"]
    assert "factcheck_reviewer=ana" in cookie and "samesite=strict" in cookie.lower()
    assert "httponly" in cookie.lower()

    [record] = _reviews(reports_dir)
    assert (record.article_id, record.claim_id, record.label.value, record.machine_label.value,
            record.reviewer, record.note) == ("acme", "acme-c02", "supported", "contradicted",
                                              "ana", "Checked the filing.")
    report = json.loads((reports_dir / "acme.json").read_text(encoding="utf-8"))
    reviewed = {c["id"]: c["review"] for c in report["claims"]}
    assert reviewed["acme-c02"]["label"] == "supported"
    assert reviewed["acme-c02"]["reviewer"] == "ana"
    assert "overruled by ana" in (reports_dir / "index.html").read_text(encoding="utf-8")
    assert "Reviewed:" in (reports_dir / "acme.html").read_text(encoding="utf-8")

    after = client.get(location).text
    assert "Saved: ana overruled the machine verdict on acme-c02" in after
    assert "no longer matches the filters" in after  # it is supported now
    listed = client.get("/?reviewed=yes").text
    assert "overruled by ana" in listed and "Checked the filing." in listed
    # the reviewer's name is remembered (SameSite cookie) and filled in
    assert 'autocomplete="name" value="ana"' in listed
    assert Review(reports_dir).current()[("acme", "acme-c02")].label.value == "supported"


def test_a_confirmation_keeps_the_machine_label(client: TestClient, reports_dir: Path):
    assert _review(client, label="contradicted", note="").status_code == 303
    [record] = _reviews(reports_dir)
    assert record.label == record.machine_label
    assert "confirmed by ana" in client.get("/").text


@pytest.mark.parametrize(("fields", "headers", "status"), [
    ({"token": None}, None, 403),
    ({"token": "wrong"}, None, 403),
    ({"token": ""}, None, 403),
    ({}, {}, 403),  # neither Origin nor Referer
    ({}, {"Origin": "http://evil.example"}, 403),
    ({}, {"Origin": "null"}, 403),
    ({}, {"Origin": "http://127.0.0.1:9999"}, 403),  # another local port
    ({}, {"Referer": "http://evil.example/?x=http://127.0.0.1:8000/"}, 403),
    ({"claim": "acme-c99"}, None, 404),
    ({"article": "water"}, None, 404),  # the claim is not in that article
    ({"article": "../acme"}, None, 404),
    ({"label": "maybe"}, None, 400),
    ({"reviewer": "   "}, None, 400),
    ({"reviewer": "a" * 101}, None, 400),
    ({"note": "n" * 40_000}, None, 413),
])
def test_bad_or_forged_reviews_are_refused_and_nothing_written(
    client: TestClient, reports_dir: Path, fields, headers, status
):
    before = {p.name: p.read_bytes() for p in reports_dir.iterdir()}
    answer = _review(client, headers=headers, **fields)
    assert answer.status_code == status, answer.text
    assert not (reports_dir / REVIEWS_FILE).exists()
    assert {p.name: p.read_bytes() for p in reports_dir.iterdir()} == before
    assert "Traceback" not in answer.text


def test_referer_from_the_app_is_accepted(client: TestClient, reports_dir: Path):
    assert _review(client, headers={"Referer": f"{BASE}/?label=contradicted"}).status_code == 303
    assert len(_reviews(reports_dir)) == 1


def test_other_requests_are_refused(client: TestClient, reports_dir: Path):
    assert client.get("/review").status_code == 405
    assert client.post("/", headers={"Origin": BASE}).status_code == 405
    json_post = client.post("/review", json={"token": TOKEN}, headers={"Origin": BASE})
    assert json_post.status_code == 415
    assert client.get("/", headers={"Host": "evil.example:8000"}).status_code == 400
    assert client.get("/", headers={"Host": "localhost:8000"}).status_code == 200
    assert not (reports_dir / REVIEWS_FILE).exists()


def test_the_redirect_after_a_review_stays_in_the_app(client: TestClient):
    answer = _review(client, back="label=supported&q=x&next=https://evil.example/")
    assert answer.headers["location"].startswith("/?label=supported&q=x&saved_article=")


def test_reviews_made_elsewhere_show_up(client: TestClient, reports_dir: Path):
    Review(reports_dir).override("water-c01", "unverified", reviewer="bo", note="From the CLI")
    page = client.get("/?reviewed=yes").text
    assert "overruled by bo" in page and "From the CLI" in page


def test_a_broken_reviews_file_gives_a_page_not_a_traceback(client: TestClient,
                                                            reports_dir: Path):
    # the reviews file is a journal: a damaged line is skipped (with a warning), never fatal
    (reports_dir / REVIEWS_FILE).write_text("{not json\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="reviews.jsonl line 1"):
        answer = client.get("/")
    assert answer.status_code == 200
    assert "Traceback" not in answer.text


# -- the command --------------------------------------------------------------------------------


@pytest.mark.parametrize("make", ["missing", "empty", "file"])
def test_serve_refuses_a_folder_without_reports(tmp_path: Path, make: str):
    target = tmp_path / "reports"
    if make == "empty":
        target.mkdir()
    elif make == "file":
        target.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve", str(target), "--port", "0"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(target) in lines[0]


def test_serve_says_when_the_port_is_taken(reports_dir: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", str(reports_dir), "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [result.output.strip()]
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output


def test_serve_help_ends_with_an_example():
    last = CliRunner().invoke(cli, ["serve", "--help"]).output.strip().splitlines()[-1]
    assert last.strip().startswith("Example: factcheck serve")


def test_real_server_on_a_loopback_port(reports_dir: Path, serve_app):
    url = serve_app(reports_dir)
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=10) as answer:
        page = answer.read().decode()
        assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    form = {"token": token, "article": "acme", "claim": "acme-c03", "label": "supported",
            "reviewer": "cy", "note": "Real socket", "back": ""}
    forged = urllib.request.Request(url + "review", data=urllib.parse.urlencode(
        {**form, "token": "x"}).encode(), headers={"Origin": url.rstrip("/")})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(forged, timeout=10)
    assert refused.value.code == 403

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    sent = urllib.request.Request(url + "review", data=urllib.parse.urlencode(form).encode(),
                                  headers={"Origin": url.rstrip("/")})
    with pytest.raises(urllib.error.HTTPError) as redirected:
        urllib.request.build_opener(NoRedirect).open(sent, timeout=10)
    assert redirected.value.code == 303
    [record] = _reviews(reports_dir)
    assert (record.claim_id, record.label.value, record.reviewer) == ("acme-c03", "supported",
                                                                      "cy")
    # the reports were rewritten before the answer
    assert "Real socket" in (reports_dir / "acme.json").read_text(encoding="utf-8")
