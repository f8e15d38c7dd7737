"""HTML report: a self-contained page with the article's claims highlighted by verdict.

The page fetches nothing and runs only its own script and style (pinned by a Content Security
Policy); every string from the article, claims and evidence is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from factcheck.records import ArticleResult, Hit, Label, Skipped, Verdict
from factcheck.reports.common import (
    claim_quote,
    csp_hash,
    final_counts,
    final_label,
    http_url,
    passage_ref,
    reviews_of,
)
from factcheck.reports.common import escape_html as _h
from factcheck.reports.to_json import REPORT_SCHEMA_VERSION, ReportMeta, truncation_note

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews
    from factcheck.reports.reviews import ReviewRecord


#: The colour of each verdict in the HTML report and in notebook tables: blue, vermillion and
#: grey, told apart with any colour vision (Okabe-Ito hues; green and orange are not, under
#: deuteranopia); each verdict also has an icon and its name, so colour is never the only cue.
LABEL_COLOURS = {
    Label.SUPPORTED: "#0a5fb4",
    Label.CONTRADICTED: "#c2410c",
    Label.UNVERIFIED: "#5f6368",
}
#: The background a claim of each verdict is highlighted with.
LABEL_BACKGROUNDS = {
    Label.SUPPORTED: "#bcd7f3",
    Label.CONTRADICTED: "#fbd0b0",
    Label.UNVERIFIED: "#ececec",
}
#: The icon shown with each verdict, next to its name.
LABEL_ICONS = {
    Label.SUPPORTED: "\u2713",     # check mark
    Label.CONTRADICTED: "\u2717",  # ballot x
    Label.UNVERIFIED: "?",
}
# Which colour an overlap of several claims takes: the verdict a reader most needs to see.
_SEVERITY = {Label.CONTRADICTED: 2, Label.UNVERIFIED: 1, Label.SUPPORTED: 0}

_CSS = "\n".join(
    [":root { " + " ".join(f"--{k.value}: {v};" for k, v in LABEL_COLOURS.items()) + " }"]
    + [f".{k.value} {{ background: {LABEL_BACKGROUNDS[k]}; --line: var(--{k.value}); }}"
       for k in Label]
    + [f'mark.claim.end.{k.value}::after {{ content: "{LABEL_ICONS[k]}" / "{k.value}"; }}'
       for k in Label]
) + """
body { font: 16px/1.55 system-ui, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 72rem;
  padding: 1rem 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
.meta { color: #555; margin-top: 0; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px;
  vertical-align: -.1em; margin-right: .3em; }
.layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr); gap: 1.5rem;
  align-items: start; }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; }
mark.claim { color: inherit; border-bottom: 3px solid var(--line); cursor: pointer;
  padding: 0 1px; }
mark.claim.end::after { font-size: .75em; font-weight: 700; color: var(--line);
  vertical-align: super; margin-left: 1px; }
mark.overlap { border-bottom-style: double; border-bottom-width: 4px; }
mark.reviewed { border-bottom-style: dashed; }
.badge.reviewed { box-shadow: 0 0 0 2px #1d1d1f; }
.machine-verdict { color: #555; }
.review-note { display: block; font-style: italic; }
mark.claim.active, mark.claim:focus { outline: 2px solid #1d1d1f; outline-offset: 1px; }
.panel { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto;
  border: 1px solid #ccc; border-radius: 6px; padding: .75rem 1rem; background: #fafafa; }
.panel-hint { color: #555; }
.claim-detail:not([hidden]) ~ .claim-detail:not([hidden]) { border-top: 1px solid #ccc;
  margin-top: .75rem; }
.badge { display: inline-block; font-weight: 700; font-size: .8rem; letter-spacing: .04em;
  padding: .05rem .4rem; border: 1px solid var(--line); border-radius: 3px; white-space: nowrap; }
blockquote { margin: .4rem 0; padding-left: .75rem; border-left: 3px solid #ccc; color: #444; }
.evidence { padding-left: 1.25rem; }
.evidence li { margin-bottom: .5rem; overflow-wrap: break-word; }
.evidence-meta, .url-text { color: #555; font-size: .9rem; }
.passage { margin: .3rem 0; }
.wording { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: #555;
  border: 1px solid #bbb; border-radius: 3px; padding: 0 .3rem; margin-right: .3rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border-top: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; hyphens: auto; }
tr:target { outline: 2px solid #1d1d1f; }
footer { color: #777; font-size: .85rem; margin-top: 2rem; }
@media (max-width: 48rem) {
  body { padding: .75rem; }
  .layout { grid-template-columns: minmax(0, 1fr); }
  .article-text .panel { position: static; max-height: none; margin: .5rem 0; white-space: normal;
    box-shadow: 0 2px 6px rgba(0, 0, 0, .15); }
  .panel { position: static; max-height: none; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { display: none; }
  tr { border-top: 2px solid #ccc; padding: .5rem 0; }
  td { border: 0; padding: .25rem 0; }
}
"""

# Hovering shows a claim's details; a click or keyboard focus pins them until another claim is
# chosen or Escape is pressed. Marks name claims by index (data-ref) so ids need no escaping here.
_SCRIPT = """
(() => {
  const panel = document.getElementById("claim-panel");
  if (!panel) return;
  const hint = panel.querySelector(".panel-hint");
  const details = Array.from(panel.querySelectorAll(".claim-detail"));
  const marks = Array.from(document.querySelectorAll("mark.claim"));
  const refsOf = (mark) => (mark ? mark.dataset.ref.split(" ") : []);
  const markOf = (event) =>
    event.target instanceof Element ? event.target.closest("mark.claim") : null;
  let pinned = null;
  function show(mark) {
    const refs = refsOf(mark);
    hint.hidden = refs.length > 0;
    for (const detail of details) detail.hidden = !refs.includes(detail.dataset.ref);
    for (const m of marks) m.classList.toggle("active", refsOf(m).some((r) => refs.includes(r)));
  }
  const narrow = window.matchMedia("(max-width: 48rem)");
  const home = panel.parentNode;
  function place(mark) {
    // On a phone the evidence goes right below the tapped claim, not after the whole article.
    if (mark && narrow.matches) {
      const ref = refsOf(mark)[0];
      const ends = marks.filter((m) => refsOf(m).includes(ref));
      ends[ends.length - 1].after(panel);
    } else if (panel.parentNode !== home) {
      home.appendChild(panel);
    }
  }
  function pin(event) {
    const mark = markOf(event);
    if (mark) { pinned = mark; show(mark); place(mark); }
  }
  panel.hidden = false;
  document.addEventListener("mouseover", (event) => {
    const m = markOf(event); if (m && !narrow.matches) show(m);
  });
  document.addEventListener("mouseout", (event) => {
    if (markOf(event) && !narrow.matches) show(pinned);
  });
  document.addEventListener("focusin", pin);
  document.addEventListener("click", pin);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { pinned = null; show(null); place(null); }
  });
})();
"""


# Only our own style and script may run, and nothing may be fetched: the page is self-contained,
# and even a rendering bug that let article text through as markup could not execute it.
_CSP = (
    "default-src 'none'; base-uri 'none'; form-action 'none'; "
    f"style-src {csp_hash(_CSS)}; script-src {csp_hash(_SCRIPT)}"
)


def render_html(result: ArticleResult, reviews: Reviews | None = None, *,
                meta: ReportMeta | None = None) -> str:
    """A self-contained HTML page: the article with claims highlighted by verdict, then a table.

    Every string from the article, claims and evidence is escaped; only http(s) URLs become links.
    Without JavaScript the table below the article still lists every verdict and its evidence.
    A reviewed claim is highlighted in its reviewed verdict's colour (dashed underline), and its
    machine and reviewed verdicts are shown side by side. An article checked only up to the
    claim limit (``meta.truncated_at``) says so under its title; checkable sentences that gave no
    claim are listed under "Not checked" with the reason.
    """
    article = result.article
    found = reviews_of(result, reviews)
    counts = final_counts(result, found)
    machine = result.counts()
    title = article.title or article.id
    legend = "".join(
        f'<li><span class="swatch {label.value}"></span>{LABEL_ICONS[label]} '
        f"{label.value.capitalize()}: {counts[label]}"
        + (f' <span class="machine-verdict">(machine: {machine[label]})</span>' if any(found)
           else "")
        + "</li>"
        for label in Label
    )
    details = "".join(
        f'<div class="claim-detail" data-ref="{index}" hidden>'
        f"{_html_detail(verdict, article.text, review)}</div>"
        for index, (verdict, review) in enumerate(zip(result.verdicts, found, strict=True))
    )
    rows = "".join(
        _html_row(index, verdict, article.text, review, any(found))
        for index, (verdict, review) in enumerate(zip(result.verdicts, found, strict=True))
    )
    verdict_heads = "<th>Machine</th><th>Reviewed</th>" if any(found) else "<th>Verdict</th>"
    note = truncation_note(result, meta)
    truncated = f'<p class="meta truncated">{_h(note)}</p>\n' if note else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f"<title>Fact-check: {_h(title)}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<header>\n<h1>{_h(title)}</h1>\n"
        f'<p class="meta">Source: {_html_url(article.source)} · Article id: {_h(article.id)}'
        + (f" · Published: {_h(article.published)}" if article.published else "")
        + f" · {len(result.verdicts)} claims checked</p>\n{truncated}"
        f'<ul class="legend">{legend}</ul>\n</header>\n'
        '<main class="layout">\n'
        f'<article id="article-text" class="article-text">'
        f"{_html_article(article.text, result.verdicts, found)}</article>\n"
        '<aside id="claim-panel" class="panel" aria-live="polite" hidden>'
        '<p class="panel-hint">Hover, click or focus a highlighted passage to see its verdict'
        f" and evidence.</p>{details}</aside>\n</main>\n"
        '<section class="claims">\n<h2>Claims</h2>\n<table>\n<thead><tr><th>#</th>'
        f"{verdict_heads}<th>Claim</th><th>Rationale</th><th>Evidence</th></tr></thead>\n"
        f"<tbody>\n{rows}</tbody>\n</table>\n</section>\n"
        f"{_html_skipped(result.skipped)}"
        f"<footer>factcheck report, schema {REPORT_SCHEMA_VERSION}</footer>\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _html_skipped(skipped: Sequence[Skipped]) -> str:
    """The "Not checked" section: checkable sentences that gave no claim, with the reason."""
    if not skipped:
        return ""
    items = "".join(
        f'<li>{_h(item.text)} <span class="meta">— {_h(item.reason)}</span></li>\n'
        for item in skipped
    )
    return ('<section class="skipped">\n<h2>Not checked</h2>\n<p class="meta">Sentences with a '
            f"figure, a date or a name that were not turned into claims:</p>\n<ul>\n{items}</ul>\n"
            "</section>\n")


def _html_article(
    text: str, verdicts: Sequence[Verdict], reviews: Sequence[ReviewRecord | None]
) -> str:
    """The article text with one flat ``<mark>`` per piece covered by claims (nothing nested)."""
    parts = []
    segments = _segments(text, verdicts)
    first: dict[int, int] = {}  # claim index -> its first segment; last: the one its icon follows
    last: dict[int, int] = {}
    for position, (_, refs) in enumerate(segments):
        for ref in refs:
            first.setdefault(ref, position)
            last[ref] = position
    for position, (piece, refs) in enumerate(segments):
        if not refs:
            parts.append(_h(piece))
            continue
        covering = [(verdicts[ref], reviews[ref]) for ref in refs]
        label = max((final_label(v, r) for v, r in covering), key=_SEVERITY.__getitem__)
        overlap = " overlap" if len(refs) > 1 else ""
        reviewed = " reviewed" if any(r is not None for _, r in covering) else ""
        ids = " ".join(v.claim.id for v, _ in covering)
        hint = "; ".join(
            f"{v.label.value} ({v.confidence:.2f})"
            + (f" → reviewed {r.label.value} by {r.reviewer}" if r is not None else "")
            for v, r in covering
        )
        end = " end" if any(last[ref] == position for ref in refs) else ""
        anchors = "".join(f'<span id="text-{ref}"></span>' for ref in refs
                          if first[ref] == position)
        parts.append(
            f'{anchors}<mark class="claim {label.value}{overlap}{reviewed}{end}"'
            f' data-claim="{_h(ids)}" tabindex="0" data-ref="{" ".join(map(str, refs))}"'
            f' title="{_h(hint)}">{_h(piece)}</mark>'
        )
    return "".join(parts)


def _segments(text: str, verdicts: Sequence[Verdict]) -> list[tuple[str, tuple[int, ...]]]:
    """Split ``text`` at every span boundary; each piece lists the indices of claims covering it.

    Spans are clipped to the text, and empty ones are ignored, so a bad span cannot break the page.
    """
    ranges = []
    for index, verdict in enumerate(verdicts):
        for span in verdict.claim.spans:
            start, end = max(span.start, 0), min(span.end, len(text))
            if start < end:
                ranges.append((start, end, index))
    cuts = sorted({0, len(text), *(r[0] for r in ranges), *(r[1] for r in ranges)})
    return [
        (text[a:b], tuple(sorted({i for start, end, i in ranges if start <= a and b <= end})))
        for a, b in pairwise(cuts)
    ]


def _badge(label: Label, extra: str = "") -> str:
    """A verdict as icon and name, in its colours: never colour alone."""
    return (f'<span class="badge {extra}{label.value}">{LABEL_ICONS[label]} '
            f"{label.value.upper()}</span>")


def _html_badge(verdict: Verdict) -> str:
    return f"{_badge(verdict.label)} {verdict.confidence:.2f}"


def _html_review(review: ReviewRecord) -> str:
    """The reviewed verdict: badge, who and when, and the note."""
    note = f'<span class="review-note">{_h(review.note)}</span>' if review.note else ""
    return (
        f"{_badge(review.label, 'reviewed ')} by {_h(review.reviewer)}, "
        f"{_h(review.reviewed_at[:10])}"
        + note
    )


def _html_detail(verdict: Verdict, text: str, review: ReviewRecord | None) -> str:
    claim = verdict.claim
    reviewed = ""
    if review is not None:
        reviewed = f'<p class="review">Reviewed: {_html_review(review)}</p>'
    machine = "Machine: " if review is not None else ""
    return (
        f"<p>{machine}{_html_badge(verdict)} · claim {_h(claim.id)}</p>"
        f"{reviewed}"
        f'<p class="claim-text">{_h(claim.text)}</p>'
        f"<blockquote>{_h(claim_quote(claim, text))}</blockquote>"
        f'<p class="rationale">{_h(verdict.rationale)}</p>'
        f"{_html_evidence(verdict.evidence)}"
    )


def _html_row(
    index: int, verdict: Verdict, text: str, review: ReviewRecord | None, review_column: bool
) -> str:
    claim = verdict.claim
    reviewed = ""
    if review_column:
        reviewed = f"<td>{_html_review(review) if review is not None else '—'}</td>"
    return (
        f'<tr id="claim-{index}"><td><a href="#text-{index}" title="Show in the article">'
        f"{index + 1}</a></td><td>{_html_badge(verdict)}</td>{reviewed}"
        f"<td>{_h(claim.text)}<blockquote>{_h(claim_quote(claim, text))}</blockquote></td>"
        f"<td>{_h(verdict.rationale)}</td><td>{_html_evidence(verdict.evidence)}</td></tr>\n"
    )


def _html_evidence(hits: Sequence[Hit]) -> str:
    if not hits:
        return '<p class="evidence-meta">No evidence passages.</p>'
    items = []
    for hit in hits:
        ref = passage_ref(hit.passage)
        name = _h(ref.name)
        if ref.link:
            name = f'<a href="{_h(ref.link)}" rel="noopener noreferrer" target="_blank">{name}</a>'
        elif ref.url_text:
            name += f' <span class="url-text">{_h(ref.url_text)}</span>'
        meta = " · ".join(_h(part) for part in ref.meta)
        # Corpus passages state facts in the corpus's own words: shown as paraphrases, not quotes.
        items.append(
            f'<li>{name} <span class="evidence-meta">{meta} · score {hit.score:.2f}</span>'
            f'<p class="passage"><span class="wording" title="the corpus\'s wording, not a '
            f'quote from the source">paraphrase</span>{_h(hit.passage.text)}</p></li>'
        )
    return f'<ol class="evidence">{"".join(items)}</ol>'


def _html_url(value: str) -> str:
    url = http_url(value)
    if url:
        return f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(url)}</a>'
    return _h(value)
