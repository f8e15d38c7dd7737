"""Batch overview: one HTML page listing every article and every claim of a batch, with filters.

The same renderer makes two pages:

- the static ``index.html`` the report writer puts beside a batch's HTML reports: every claim is
  listed, links go to ``<article>.html``, and a small inline script (pinned by the page's
  Content Security Policy) filters the table in the browser;
- the overview of the local review app (``factcheck serve``, :mod:`factcheck.app.server`): only
  the claims matching the request's :class:`Filters`, filtered on the server so it works without
  JavaScript, links to ``/articles/<id>``, and a review form per claim.

Every string from the articles, claims, evidence and reviews is escaped; only http(s) URLs become
links. Filters read the verdict that stands: the reviewer's when a claim was reviewed, else the
machine's.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from factcheck.records import ArticleResult, BatchResult, Label, Verdict
from factcheck.reports.common import csp_hash
from factcheck.reports.common import escape_html as _h
from factcheck.reports.to_html import LABEL_BACKGROUNDS, LABEL_COLOURS

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews
    from factcheck.reports.reviews import ReviewRecord

#: The overview's file name in a reports folder.
OVERVIEW_FILE = "index.html"

#: The longest search text a filter keeps (longer input is cut).
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class Filters:
    """Which claims the overview lists; ``None`` (or an empty query) leaves a filter off.

    Query parameters (the same in the app's URLs and in ``index.html?...``): ``label``,
    ``min``/``max`` (confidence, 0-1), ``article`` (an article id), ``reviewed`` (``yes``/``no``)
    and ``q`` (words that must all occur in the claim, its article, rationale or review).
    """

    label: Label | None = None
    min_confidence: float | None = None
    max_confidence: float | None = None
    article: str | None = None
    reviewed: bool | None = None
    query: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> Filters:
        """Filters from query parameters; a value that does not parse leaves its filter off."""
        label = params.get("label", "").strip().lower()
        reviewed = params.get("reviewed", "").strip().lower()
        return cls(
            label=Label(label) if label in {x.value for x in Label} else None,
            min_confidence=_confidence(params.get("min", "")),
            max_confidence=_confidence(params.get("max", "")),
            article=params.get("article", "").strip() or None,
            reviewed={"yes": True, "no": False}.get(reviewed),
            query=" ".join(params.get("q", "").split())[:MAX_QUERY],
        )

    def to_query(self) -> str:
        """The query string that gives back these filters (empty when none is set)."""
        pairs = [
            ("label", self.label.value if self.label else None),
            ("min", None if self.min_confidence is None else f"{self.min_confidence:g}"),
            ("max", None if self.max_confidence is None else f"{self.max_confidence:g}"),
            ("article", self.article),
            ("reviewed", None if self.reviewed is None else "yes" if self.reviewed else "no"),
            ("q", self.query or None),
        ]
        return urlencode([(name, value) for name, value in pairs if value is not None])

    def matches(self, row: ClaimRow) -> bool:
        """Whether the claim passes every filter that is set."""
        confidence = row.verdict.confidence
        return (
            (self.label is None or row.label == self.label)
            and (self.min_confidence is None or confidence >= self.min_confidence)
            and (self.max_confidence is None or confidence <= self.max_confidence)
            and (self.article is None or row.result.article.id == self.article)
            and (self.reviewed is None or (row.review is not None) == self.reviewed)
            and all(term in row.search_text for term in self.query.casefold().split())
        )


def _confidence(value: str) -> float | None:
    try:
        number = float(value)
    except ValueError:
        return None
    return min(max(number, 0.0), 1.0) if math.isfinite(number) else None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim of the overview: where it is in the batch, its verdict and its review."""

    article_index: int
    claim_index: int
    result: ArticleResult
    verdict: Verdict
    review: ReviewRecord | None

    @property
    def label(self) -> Label:
        """The verdict that stands: the reviewer's if any, else the machine's."""
        return self.review.label if self.review is not None else self.verdict.label

    @property
    def anchor(self) -> str:
        """The row's element id in the overview."""
        return f"row-{self.article_index}-{self.claim_index}"

    @property
    def search_text(self) -> str:
        """What the search box looks in, case-folded."""
        article, claim = self.result.article, self.verdict.claim
        parts = [claim.text, claim.id, article.id, article.title, self.verdict.rationale]
        if self.review is not None:
            parts += [self.review.note, self.review.reviewer]
        return " ".join(parts).casefold()


def claim_rows(batch: BatchResult, reviews: Reviews | None = None) -> list[ClaimRow]:
    """Every claim of the batch, article by article, with the review in force for it."""
    reviews = reviews or {}
    return [
        ClaimRow(a, c, result, verdict, reviews.get((result.article.id, verdict.claim.id)))
        for a, result in enumerate(batch.results)
        for c, verdict in enumerate(result.verdicts)
    ]


@dataclass(frozen=True, slots=True)
class ReviewActions:
    """What the review app adds to the overview: review forms, and a line about the last save."""

    #: The app's anti-forgery token, sent back in every form.
    token: str
    #: Pre-filled in the reviewer field (the name used last from this browser).
    reviewer: str = ""
    #: A plain-text message shown above the claims (e.g. "Saved: ...").
    notice: str = ""


# -- page ------------------------------------------------------------------------------------

_CSS = "\n".join(
    [":root { " + " ".join(f"--{k.value}: {v};" for k, v in LABEL_COLOURS.items()) + " }"]
    + [f".badge.{k.value} {{ background: {LABEL_BACKGROUNDS[k]}; border-color: var(--{k.value});"
       f" color: var(--{k.value}); }}" for k in Label]
) + """
[hidden] { display: none !important; }
body { font: 15px/1.5 system-ui, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 90rem;
  padding: 1rem 1.5rem; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
h2 { font-size: 1.15rem; margin-top: 1.75rem; }
a { color: #0b57d0; }
.meta { color: #555; margin-top: 0; }
.notice { border: 1px solid #2e7d32; background: #f1f8e9; padding: .5rem .75rem;
  border-radius: 4px; }
.error { border-color: #c62828; background: #ffebee; }
.badge { display: inline-block; font-weight: 700; font-size: .75rem; letter-spacing: .04em;
  padding: .05rem .4rem; border: 1px solid; border-radius: 3px; white-space: nowrap; }
.badge.reviewed { box-shadow: 0 0 0 2px #1d1d1f; }
.machine, .small { color: #555; font-size: .85rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-top: 1px solid #ddd; padding: .4rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.wide { overflow-x: auto; }
form.filters select { max-width: 16rem; }
.claims td { overflow-wrap: anywhere; }
.note { font-style: italic; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end;
  background: #fafafa; border: 1px solid #ddd; border-radius: 6px; padding: .75rem; }
form.filters label { display: flex; flex-direction: column; font-size: .85rem; color: #333; }
input, select, textarea, button { font: inherit; }
input[type=number] { width: 5.5rem; }
input[type=search] { min-width: 14rem; }
details.review summary { cursor: pointer; color: #0b57d0; }
details.review form { display: grid; gap: .35rem; margin-top: .4rem; min-width: 14rem; }
details.review label { display: grid; font-size: .85rem; }
@media (max-width: 48rem) {
  body { padding: .75rem; }
  table.claims, .claims tbody, .claims tr, .claims td { display: block; width: auto; }
  .claims thead { display: none; }
  .claims tr { border: 1px solid #ddd; border-radius: 6px; margin-bottom: .75rem; padding: .25rem; }
  .claims td, .claims td.num { border: 0; padding: .2rem .4rem; text-align: left; }
  .claims td[data-col]::before { content: attr(data-col) ": "; font-weight: 600; color: #555; }
  table.articles, .articles tbody, .articles tr, .articles td { display: block; width: auto; }
  .articles thead { display: none; }
  .articles tr { border-top: 1px solid #ddd; padding: .4rem 0; }
  .articles td { display: inline-block; border: 0; padding: .1rem .6rem .1rem 0; }
  .articles td:first-child { display: block; }
  .articles td[data-col]::before { content: attr(data-col) ": "; color: #555; }
  input[type=search] { min-width: 0; width: 100%; }
  form.filters label { flex: 1 1 8rem; }
}
"""

# index.html only: filters the rows already on the page. The app filters on the server instead.
_SCRIPT = """
(() => {
  const form = document.getElementById("filters");
  const rows = Array.from(document.querySelectorAll("#claims tbody tr"));
  const shown = document.getElementById("shown");
  function apply() {
    const f = new FormData(form);
    const label = f.get("label"), article = f.get("article"), reviewed = f.get("reviewed");
    const min = parseFloat(f.get("min")), max = parseFloat(f.get("max"));
    const terms = String(f.get("q") || "").toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const d = row.dataset, c = parseFloat(d.confidence);
      const ok = (!label || d.label === label) && (!article || d.article === article)
        && (!reviewed || d.reviewed === reviewed) && !(c < min) && !(c > max)
        && terms.every((t) => d.search.includes(t));
      row.hidden = !ok;
      if (ok) count += 1;
    }
    shown.textContent = String(count);
  }
  const params = new URLSearchParams(location.search);
  for (const field of form.elements) {
    if (field.name && params.has(field.name)) field.value = params.get(field.name);
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => { event.preventDefault(); apply(); });
  form.addEventListener("reset", () => setTimeout(apply));
  apply();
})();
"""


#: The static overview's policy: its own style and filter script, nothing fetched, no form posts.
STATIC_CSP = (
    "default-src 'none'; base-uri 'none'; form-action 'none'; "
    f"style-src {csp_hash(_CSS)}; script-src {csp_hash(_SCRIPT)}"
)
#: The review app's policy for its pages: its own style, no script, forms post only to the app.
#: (``frame-ancestors`` only works as a header, so the app adds it there.)
APP_CSP = f"default-src 'none'; base-uri 'none'; form-action 'self'; style-src {csp_hash(_CSS)}"


def render_overview(
    batch: BatchResult,
    reviews: Reviews | None = None,
    stems: Sequence[str] | None = None,
    *,
    filters: Filters | None = None,
    actions: ReviewActions | None = None,
    title: str = "Fact-check batch overview",
) -> str:
    """The batch overview page: per-article verdict counts, then every claim in one table.

    Args:
        batch: the batch (failed inputs are listed too).
        reviews: the reviews in force (see :func:`factcheck.reports.reviews.current_reviews`).
        stems: each article's report file stem, in batch order (default: the article ids); the
            static page links to ``<stem>.html#claim-<n>``.
        filters: the app only: list just the claims that match. The static page lists every
            claim and filters in the browser from its address (``index.html?label=...``).
        actions: the app only: add a review form to each claim and link to ``/articles/<id>``.
        title: the page title.

    Returns:
        A complete HTML page; every piece of text in it is escaped.
    """
    app = actions is not None
    rows = claim_rows(batch, reviews)
    filters = filters if (app and filters is not None) else Filters()
    listed = [row for row in rows if filters.matches(row)]
    stems = list(stems) if stems is not None else [r.article.id for r in batch.results]

    def href(row_or_index: ClaimRow | int) -> str:
        index = row_or_index if isinstance(row_or_index, int) else row_or_index.article_index
        result = batch.results[index]
        base = (f"/articles/{quote(result.article.id, safe='')}" if app
                else f"{quote(stems[index], safe='')}.html")
        return base if isinstance(row_or_index, int) else f"{base}#claim-{row_or_index.claim_index}"

    totals = dict.fromkeys(Label, 0)
    for row in rows:
        totals[row.label] += 1
    reviewed = sum(row.review is not None for row in rows)
    notice = (f'<p class="notice" role="status">{_h(actions.notice)}</p>\n'
              if actions is not None and actions.notice else "")
    body = (
        f"<header>\n<h1>{_h(title)}</h1>\n"
        f'<p class="meta">{len(batch.results)} article(s), {len(rows)} claim(s): '
        + ", ".join(f'<span class="badge {label.value}">{label.value.upper()}</span> '
                    f"{totals[label]}" for label in Label)
        + f"; {reviewed} reviewed.</p>\n</header>\n{notice}"
        + _articles_table(batch, rows, href)
        + _failures(batch)
        + "<h2>Claims</h2>\n"
        + _filter_form(batch, filters, app)
        + f'<p class="meta">Showing <span id="shown">{len(listed)}</span> of {len(rows)} claims'
        + (" (reviewed verdicts count where there is one).</p>\n" if not app else
           '. <a href="/">Clear filters</a></p>\n')
        + _claims_table(listed, href, actions, filters)
    )
    csp = APP_CSP if app else STATIC_CSP
    script = "" if app else f"<script>{_SCRIPT}</script>\n"
    return _page(title, csp, body + script)


def render_message(title: str, message: str, *, status: str = "error") -> str:
    """A short page of the review app (an error, or a notice) with a link back to the overview."""
    return _page(title, APP_CSP, f"<h1>{_h(title)}</h1>\n<p class=\"notice {_h(status)}\">"
                 f'{_h(message)}</p>\n<p><a href="/">Back to the overview</a></p>\n')


def _page(title: str, csp: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="referrer" content="same-origin">\n'
        '<meta name="generator" content="factcheck overview">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _articles_table(batch: BatchResult, rows: Sequence[ClaimRow], href) -> str:
    by_article: dict[int, list[ClaimRow]] = {}
    for row in rows:
        by_article.setdefault(row.article_index, []).append(row)
    heads = "".join(f'<th class="num">{label.value.capitalize()}</th>' for label in Label)
    lines = []
    for index, result in enumerate(batch.results):
        mine = by_article.get(index, [])
        counts = {label: sum(row.label == label for row in mine) for label in Label}
        machine = result.counts()
        reviewed = sum(row.review is not None for row in mine)
        cells = "".join(
            f'<td class="num" data-col="{label.value.capitalize()}">{counts[label]}'
            + (f' <span class="machine">({machine[label]})</span>'
               if reviewed and machine[label] != counts[label] else "")
            + "</td>"
            for label in Label
        )
        lines.append(
            f'<tr><td><a href="{_h(href(index))}">{_h(result.article.title or result.article.id)}'
            f'</a><br><span class="small">{_h(result.article.id)}</span></td>'
            f'<td class="num" data-col="Claims">{len(result.verdicts)}</td>{cells}'
            f'<td class="num" data-col="Reviewed">{reviewed}</td></tr>\n'
        )
    return (
        "<h2>Articles</h2>\n<div class=\"wide\"><table class=\"articles\">\n<thead><tr>"
        f'<th>Article</th><th class="num">Claims</th>{heads}<th class="num">Reviewed</th></tr>'
        f"</thead>\n<tbody>\n{''.join(lines)}</tbody>\n</table></div>\n"
        '<p class="small">Counts are the verdicts that stand; where reviewers changed some, the '
        "machine's count follows in brackets.</p>\n"
    )


def _failures(batch: BatchResult) -> str:
    if not batch.failures:
        return ""
    items = "".join(f"<li>{_h(failure.source)}: {_h(failure.reason)}</li>"
                    for failure in batch.failures)
    return f'<h2>Inputs that could not be checked</h2>\n<ul class="failures">{items}</ul>\n'


def _filter_form(batch: BatchResult, filters: Filters, app: bool) -> str:
    def options(pairs: Sequence[tuple[str, str]], chosen: str) -> str:
        return "".join(
            f'<option value="{_h(value)}"{" selected" if value == chosen else ""}>{_h(text)}'
            "</option>"
            for value, text in pairs
        )

    labels = [("", "any")] + [(label.value, label.value) for label in Label]
    articles = [("", "all articles")] + [
        (result.article.id, result.article.title or result.article.id) for result in batch.results
    ]
    reviewed = [("", "any"), ("yes", "reviewed"), ("no", "not reviewed")]
    chosen_reviewed = "" if filters.reviewed is None else "yes" if filters.reviewed else "no"

    def number(name: str, value: float | None) -> str:
        shown = "" if value is None else f"{value:g}"
        return (f'<input type="number" name="{name}" min="0" max="1" step="0.01" '
                f'value="{shown}" inputmode="decimal">')

    action = ' action="/" method="get"' if app else ""
    return (
        f'<form id="filters" class="filters"{action} role="search">\n'
        f'<label>Verdict<select name="label">'
        f"{options(labels, filters.label.value if filters.label else '')}</select></label>\n"
        f"<label>Confidence from{number('min', filters.min_confidence)}</label>\n"
        f"<label>to{number('max', filters.max_confidence)}</label>\n"
        f'<label>Article<select name="article">{options(articles, filters.article or "")}'
        "</select></label>\n"
        f'<label>Review<select name="reviewed">{options(reviewed, chosen_reviewed)}'
        "</select></label>\n"
        f'<label>Search<input type="search" name="q" value="{_h(filters.query)}" '
        f'maxlength="{MAX_QUERY}" placeholder="words in the claim, rationale, note"></label>\n'
        f'<button type="submit">Filter</button>'
        + ("" if app else '<button type="reset">Clear</button>')
        + "\n</form>\n"
    )


def _claims_table(rows: Sequence[ClaimRow], href, actions: ReviewActions | None,
                  filters: Filters) -> str:
    action_head = "<th>Review</th>" if actions is not None else ""
    lines = "".join(_claim_row(row, href, actions, filters) for row in rows)
    return (
        '<table id="claims" class="claims">\n<thead><tr><th>Article</th><th>#</th><th>Claim</th>'
        '<th>Verdict</th><th class="num">Confidence</th><th>Rationale</th><th>Reviewed</th>'
        f"{action_head}</tr></thead>\n<tbody>\n{lines}</tbody>\n</table>\n"
    )


def _claim_row(row: ClaimRow, href, actions: ReviewActions | None, filters: Filters) -> str:
    verdict, review, article = row.verdict, row.review, row.result.article
    label = row.label
    badge = f'<span class="badge {label.value}{" reviewed" if review else ""}">' \
            f"{label.value.upper()}</span>"
    if review is not None and review.label != verdict.label:
        badge += f'<br><span class="machine">machine: {verdict.label.value}</span>'
    reviewed = "—"
    if review is not None:
        agreed = "confirmed" if review.label == review.machine_label else "overruled"
        reviewed = (f"{agreed} by {_h(review.reviewer)}, {_h(review.reviewed_at[:10])}"
                    + (f'<br><span class="note">{_h(review.note)}</span>' if review.note else ""))
    form = f"<td>{_review_form(row, actions, filters)}</td>" if actions else ""
    return (
        f'<tr id="{row.anchor}" data-label="{label.value}" '
        f'data-confidence="{verdict.confidence:.4f}" data-article="{_h(article.id)}" '
        f'data-reviewed="{"yes" if review else "no"}" data-search="{_h(row.search_text)}">'
        f'<td data-col="Article" class="small" title="{_h(article.title)}">{_h(article.id)}</td>'
        f'<td data-col="#">{row.claim_index + 1}</td>'
        f'<td data-col="Claim"><a href="{_h(href(row))}">{_h(verdict.claim.text)}</a>'
        f'<br><span class="small">{_h(verdict.claim.id)}</span></td>'
        f'<td data-col="Verdict">{badge}</td>'
        f'<td data-col="Confidence" class="num">{verdict.confidence:.2f}</td>'
        f'<td data-col="Rationale">{_h(verdict.rationale)}</td>'
        f'<td data-col="Reviewed">{reviewed}</td>{form}</tr>\n'
    )


def _review_form(row: ClaimRow, actions: ReviewActions, filters: Filters) -> str:
    machine = row.verdict.label
    options = "".join(
        f'<option value="{label.value}"{" selected" if label == row.label else ""}>'
        f"{label.value}{' (machine)' if label == machine else ''}</option>"
        for label in Label
    )
    hidden = {"token": actions.token, "article": row.result.article.id,
              "claim": row.verdict.claim.id, "back": filters.to_query()}
    fields = "".join(f'<input type="hidden" name="{name}" value="{_h(value)}">'
                     for name, value in hidden.items())
    return (
        '<details class="review"><summary>Review</summary>'
        f'<form method="post" action="/review">{fields}'
        f'<label>Verdict<select name="label">{options}</select></label>'
        f'<label>Reviewer<input name="reviewer" required maxlength="100" autocomplete="name" '
        f'value="{_h(actions.reviewer)}"></label>'
        '<label>Note<textarea name="note" rows="2" maxlength="2000"></textarea></label>'
        '<button type="submit">Save review</button>'
        '<span class="small">Keep the machine verdict to confirm it.</span>'
        "</form></details>"
    )
