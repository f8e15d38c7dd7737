"""The local review app: a small Starlette app over one ``factcheck check --out`` folder.

Pages: ``/`` the batch overview (filtered on the server by query parameters, see
:class:`factcheck.reports.overview.Filters`), ``/articles/<id>`` an article's HTML report as
``factcheck check`` renders it (with the reviews in force), and ``POST /review`` which records a
reviewer's verdict through :meth:`factcheck.analyst.review.Review.override`, the same code (and
the same append-only ``reviews.jsonl``) as ``factcheck review override`` and notebooks, and
re-renders the folder's reports.

Safe by default:

- binds 127.0.0.1 unless told otherwise, and answers only requests whose ``Host`` names the
  address it listens on or a loopback name (so a web page cannot reach it by DNS rebinding);
- every form post must carry this process's secret token and come from the app's own origin
  (``Origin``, else ``Referer``); the only cookie (the reviewer's name) is ``SameSite=Strict``;
- article ids are looked up among the reports actually in the folder; nothing from a request
  becomes a file path;
- every page is escaped and served with a Content-Security-Policy (no script on the app's own
  pages; the article reports keep their own hash-pinned script) and ``frame-ancestors 'none'``.
"""

from __future__ import annotations

import hmac
import html
import os
import re
import secrets
import socket
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from factcheck.analyst.review import ClaimKey, Review, ReviewRecord
from factcheck.errors import FactcheckError, ReviewError
from factcheck.reports.folder import render_html
from factcheck.reports.overview import (
    APP_CSP,
    Filters,
    ReviewActions,
    claim_rows,
    render_message,
    render_overview,
)

#: Addresses that reach only this machine.
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
#: Host values that listen on every interface.
_ANY_INTERFACE = frozenset({"0.0.0.0", "::", ""})

#: Largest review form accepted, in bytes; longest reviewer name and note, in characters.
MAX_FORM_BYTES = 32_000
MAX_REVIEWER = 100
MAX_NOTE = 2_000

_REVIEWER_COOKIE = "factcheck_reviewer"
_FRAMES = "; frame-ancestors 'none'"
_DEFAULT_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'"
                               + _FRAMES,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
# The report renderer declares its page's policy in a <meta> in <head>, before any article text.
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


class ServeError(FactcheckError):
    """The review app cannot start (address in use, unknown host); seen by ``factcheck serve``."""


class ReportsFolder:
    """The reports folder being served; its batch is read again whenever its reports change."""

    def __init__(self, folder: str | Path) -> None:
        """Open the folder's JSON reports.

        Raises:
            InputError: no such folder, or it holds no factcheck JSON report.
            ReviewError: the path is a file, not a folder.
        """
        self.folder = Path(folder)
        # Reentrant: override() reads the batch under the same lock.
        self._lock = threading.RLock()
        self._signature = self._stat()
        self._review = Review(self.folder)

    def _stat(self) -> tuple[tuple[str, int, int], ...]:
        """Name, mtime and size of the files a Review reads: they change when reports change."""
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return ()
        return tuple(sorted(
            (entry.name, entry.stat().st_mtime_ns, entry.stat().st_size)
            for entry in entries
            if (entry.name.endswith(".json") and not entry.name.startswith("."))
            or entry.name == "summary.csv"
        ))

    def review(self) -> Review:
        """The folder's batch and reviews, read again if its reports changed since."""
        with self._lock:
            signature = self._stat()
            if signature != self._signature:
                self._review = Review(self.folder)
                self._signature = signature
            return self._review

    def snapshot(self) -> tuple[Review, dict[ClaimKey, ReviewRecord]]:
        """The batch and the reviews in force, read together (never halfway through a review)."""
        with self._lock:
            review = self.review()
            return review, review.current()

    def override(self, article_id: str, claim_id: str, label: str, *, reviewer: str,
                 note: str) -> tuple[ReviewRecord, str]:
        """Record a review (see :meth:`Review.override`); returns it and its overview anchor.

        Raises:
            HTTPException: 404 when the folder has no such claim in that article.
            ReviewError: a bad label or an empty reviewer name.
        """
        with self._lock:  # one review at a time: each re-renders the article's reports
            review = self.review()
            row = next((row for row in claim_rows(review.batch)
                        if row.result.article.id == article_id
                        and row.verdict.claim.id == claim_id), None)
            if row is None:
                raise HTTPException(404, f"no claim {_short(claim_id)} in article "
                                         f"{_short(article_id)} of these reports")
            record = review.override(claim_id, label, reviewer=reviewer, note=note,
                                     article_id=article_id)
            return record, row.anchor


def create_app(folder: str | Path, *, host: str = "127.0.0.1", token: str | None = None
               ) -> Starlette:
    """The review app over one reports folder.

    Args:
        folder: a ``factcheck check --out`` folder with JSON reports.
        host: the address the app listens on; requests must name it (or a loopback name) in
            their ``Host`` header, unless it listens on every interface (``0.0.0.0``/``::``).
        token: the anti-forgery token forms carry (default: a new random one).

    Raises:
        InputError: no such folder, or no factcheck JSON report in it.
        ReviewError: the path is a file.
    """
    reports = ReportsFolder(folder)
    secret = token or secrets.token_urlsafe(32)

    async def overview(request: Request) -> Response:
        reviewer = unquote(request.cookies.get(_REVIEWER_COOKIE, ""))[:MAX_REVIEWER]
        page = await run_in_threadpool(_overview_page, reports, dict(request.query_params),
                                       ReviewActions(secret, reviewer))
        return _html(page)

    async def article(request: Request) -> Response:
        page, csp = await run_in_threadpool(_article_page, reports,
                                            request.path_params["article_id"])
        return _html(page, csp + _FRAMES)

    async def submit_review(request: Request) -> Response:
        if not _same_origin(request):
            raise HTTPException(403, "review refused: the form was not sent from this app's own "
                                     "page (Origin/Referer); reload the overview and try again")
        form = await _read_form(request)
        if not hmac.compare_digest(form.get("token", "").encode(), secret.encode()):
            raise HTTPException(403, "review refused: missing or stale form token; reload the "
                                     "overview (the token changes when the app restarts)")
        reviewer = " ".join(form.get("reviewer", "").split())
        note = form.get("note", "").strip()
        if len(reviewer) > MAX_REVIEWER or len(note) > MAX_NOTE:
            raise HTTPException(400, f"the reviewer name may have up to {MAX_REVIEWER} "
                                     f"characters and the note up to {MAX_NOTE}")
        try:
            record, anchor = await run_in_threadpool(
                reports.override, form.get("article", ""), form.get("claim", ""),
                form.get("label", ""), reviewer=reviewer, note=note)
        except ReviewError as exc:
            raise HTTPException(400, str(exc)) from None
        back = Filters.from_query(dict(parse_qsl(form.get("back", "")))).to_query()
        saved = urlencode({"saved_article": record.article_id, "saved_claim": record.claim_id})
        response = RedirectResponse(f"/?{back + '&' if back else ''}{saved}#{anchor}",
                                    status_code=303)
        response.set_cookie(_REVIEWER_COOKIE, quote(record.reviewer), max_age=90 * 86400,
                            path="/", httponly=True, samesite="strict")
        return response

    async def no_icon(request: Request) -> Response:
        return Response(status_code=204)  # browsers ask; a 404 would log an error each time

    routes = [
        Route("/", overview, methods=["GET", "HEAD"]),
        Route("/favicon.ico", no_icon, methods=["GET", "HEAD"]),
        Route("/articles/{article_id:path}", article, methods=["GET", "HEAD"]),
        Route("/review", submit_review, methods=["POST"]),
    ]
    handlers: Mapping[Any, Callable] = {HTTPException: _http_error, FactcheckError: _folder_error}
    allowed = None if host in _ANY_INTERFACE else LOOPBACK_HOSTS | {host.strip("[]").lower()}
    app = Starlette(routes=routes, exception_handlers=handlers,
                    middleware=[Middleware(_Guard, hosts=allowed)])
    app.state.reports = reports
    app.state.token = secret
    return app


def serve(folder: str | Path, *, host: str = "127.0.0.1", port: int = 8000,
          announce: Callable[[str], None] | None = None) -> None:
    """Serve the review app for a reports folder until interrupted (Ctrl-C).

    Args:
        folder: a ``factcheck check --out`` folder with JSON reports.
        host: the address to listen on (default loopback only).
        port: the TCP port; 0 picks a free one.
        announce: called with the app's URL once it listens.

    Raises:
        InputError: no such folder, or no factcheck JSON report in it.
        ServeError: the address cannot be listened on.
    """
    application = create_app(folder, host=host)
    listener = _listen(host, port)
    shown = "127.0.0.1" if host in _ANY_INTERFACE else host
    url_host = f"[{shown}]" if ":" in shown else shown
    if announce is not None:
        announce(f"http://{url_host}:{listener.getsockname()[1]}/")
    config = uvicorn.Config(application, log_level="warning", lifespan="off",
                            server_header=False, date_header=False)
    try:
        uvicorn.Server(config).run(sockets=[listener])
    except KeyboardInterrupt:  # uvicorn shuts down cleanly, then re-raises Ctrl-C
        pass
    finally:
        listener.close()


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``; the errors a user can fix become a ServeError."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                   flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"--host {host!r}: not an address of this machine ({exc.strerror}); "
                         "use 127.0.0.1 (the default)") from None
    family, kind, proto, _, address = infos[0]
    listener = socket.socket(family, kind, proto)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(64)
    except OSError as exc:
        listener.close()
        raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another "
                         "--port (0 picks a free one) or stop what uses this one") from None
    return listener


def _overview_page(reports: ReportsFolder, params: Mapping[str, str],
                   actions: ReviewActions) -> str:
    review, current = reports.snapshot()
    filters = Filters.from_query(params)
    notice = ""
    key = (params.get("saved_article", ""), params.get("saved_claim", ""))
    record = current.get(key)
    if record is not None:
        done = "confirmed" if record.label == record.machine_label else "overruled"
        notice = (f"Saved: {record.reviewer} {done} the machine verdict on {record.claim_id} "
                  f"(“{record.claim}”): {record.machine_label.value} → {record.label.value}.")
        row = next(row for row in claim_rows(review.batch, current)
                   if (row.result.article.id, row.verdict.claim.id) == key)
        if not filters.matches(row):
            notice += " It no longer matches the filters, so it is not listed below."
    actions = ReviewActions(actions.token, actions.reviewer, notice)
    return render_overview(review.batch, current, review.saved.stems, filters=filters,
                           actions=actions,
                           title=f"Fact-check review: {review.folder.resolve().name}")


def _article_page(reports: ReportsFolder, article_id: str) -> tuple[str, str]:
    """The article's HTML report and its Content-Security-Policy; 404 for an unknown id."""
    review, current = reports.snapshot()
    saved = review.saved
    for index, result in enumerate(saved.batch.results):
        if result.article.id == article_id:
            meta = saved.meta[index] if index < len(saved.meta) else None
            page = render_html(result, current, meta=meta)
            found = _META_CSP.search(page)
            csp = html.unescape(found.group(1)) if found else _DEFAULT_HEADERS[
                "Content-Security-Policy"]
            back = '<nav><a href="/">← All claims of the batch</a></nav>\n'
            return page.replace("<body>\n", "<body>\n" + back, 1), csp
    raise HTTPException(404, f"no article {_short(article_id)} in these reports")


async def _read_form(request: Request) -> dict[str, str]:
    """A small URL-encoded form body as one value per field (the first, if repeated)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the review as an HTML form (URL-encoded)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, f"the form is over {MAX_FORM_BYTES:,} bytes")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "the form could not be read") from None
    fields: dict[str, str] = {}
    for name, value in pairs:
        fields.setdefault(name, value)
    return fields


def _same_origin(request: Request) -> bool:
    """Whether a post comes from a page of this app: its Origin (else Referer) names our Host."""
    host = request.headers.get("host", "").lower()
    origin = request.headers.get("origin")
    source = origin if origin is not None else request.headers.get("referer")
    if not source or not host or source == "null":
        return False
    try:
        parts = urlsplit(source)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host


def _html(page: str, csp: str = APP_CSP + _FRAMES, status: int = 200) -> HTMLResponse:
    return HTMLResponse(page, status_code=status, headers={"Content-Security-Policy": csp})


async def _http_error(request: Request, exc: HTTPException) -> Response:
    title = f"{exc.status_code} {_PHRASES.get(exc.status_code, 'Error')}"
    response = _html(render_message(title, str(exc.detail)), status=exc.status_code)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _folder_error(request: Request, exc: Exception) -> Response:
    return _html(render_message("The reports folder cannot be read", str(exc)), status=500)


_PHRASES = {400: "Bad request", 403: "Forbidden", 404: "Not found", 405: "Method not allowed",
            413: "Too large", 415: "Unsupported form"}


def _short(text: str, limit: int = 80) -> str:
    """A request value quoted for a message, cut to ``limit`` characters."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


class _Guard:
    """ASGI middleware: refuse unknown Host headers; add security headers to every response."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _DEFAULT_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        if self.hosts is not None and _hostname(Headers(scope=scope).get("host", "")) \
                not in self.hosts:
            refused = PlainTextResponse(
                "unknown Host header: this app answers at http://127.0.0.1:PORT/ (or the "
                "--host it was started with)", status_code=400)
            await refused(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _hostname(host_header: str) -> str | None:
    try:
        return urlsplit("//" + host_header).hostname
    except ValueError:
        return None
