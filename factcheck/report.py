"""Report stage: turn article results into JSON, Markdown, HTML and CSV, and write them to disk.

Every renderer is a pure function of the records (and of the reviews in force, when a reviewer
has overruled or confirmed a verdict: see :mod:`factcheck.review`); only :func:`write_reports`,
:func:`read_reports` and :func:`rewrite_reports` touch the file system. The JSON report is
versioned and reloadable with :func:`article_from_dict`.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import re
import secrets
import time
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias
from urllib.parse import urlsplit

from factcheck.errors import ConfigError, InputError
from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Failure,
    Hit,
    Label,
    Passage,
    Span,
    Verdict,
)

if TYPE_CHECKING:
    from factcheck.review import ClaimKey, ReviewRecord

    #: The review in force per claim, keyed by ``(article_id, claim_id)``.
    Reviews: TypeAlias = Mapping[ClaimKey, ReviewRecord]

# 1.1 added each claim's "review" (null when no reviewer has decided on the claim).
REPORT_SCHEMA_VERSION = "1.1"

#: Formats :func:`write_reports` accepts: json/md/html per article, csv per batch.
REPORT_FORMATS = ("json", "md", "html", "csv")

#: Columns of ``claims.csv``, one row per claim (see :func:`batch_rows`).
CLAIM_COLUMNS = (
    "article_id",
    "article_source",
    "claim_id",
    "claim",
    "sentence_index",
    "spans",
    "checkworthiness",
    "label",
    "confidence",
    "rationale",
    "best_evidence_id",
    "best_evidence_text",
    "best_evidence_source",
    "best_evidence_url",
    "best_evidence_published",
    "dense",
    "lexical",
    "score",
    "reviewed_label",
    "reviewer",
    "review_note",
    "reviewed_at",
    "final_label",
)

#: Columns of ``summary.csv``: a row per article, then a row per failed input.
SUMMARY_COLUMNS = (
    "article_id",
    "source",
    "status",
    "supported",
    "contradicted",
    "unverified",
    "total",
    "error",
)

#: The colour of each verdict in the HTML report and in notebook tables.
LABEL_COLOURS = {
    Label.SUPPORTED: "#2e7d32",
    Label.CONTRADICTED: "#c62828",
    Label.UNVERIFIED: "#b26a00",
}
#: The background a claim of each verdict is highlighted with.
LABEL_BACKGROUNDS = {
    Label.SUPPORTED: "#dcedc8",
    Label.CONTRADICTED: "#ffcdd2",
    Label.UNVERIFIED: "#ffe0b2",
}

_QUOTE_JOINER = " … "
# Which colour an overlap of several claims takes: the verdict a reader most needs to see.
_SEVERITY = {Label.CONTRADICTED: 2, Label.UNVERIFIED: 1, Label.SUPPORTED: 0}


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a batch was checked with; ``check --resume`` reuses a report only if all of it matches.

    ``settings_sha256`` hashes every setting that can change a verdict (see
    :meth:`factcheck.pipeline.Checker.run_info`).
    """

    corpus_sha256: str
    model: str
    judge: str
    settings_sha256: str

    def to_dict(self) -> dict[str, str]:
        """The ``run`` object of a JSON report."""
        return {"corpus_sha256": self.corpus_sha256, "model": self.model, "judge": self.judge,
                "settings_sha256": self.settings_sha256}


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """How one article's report was made, and where checking stopped at the claim limit.

    ``truncated_at`` is the article character after which no claim was checked because the article
    reached ``max_claims_per_article``; ``None`` when the whole article was checked.
    """

    run: RunInfo | None
    truncated_at: int | None

    def to_dict(self, result: ArticleResult) -> dict[str, Any]:
        """The ``run`` and ``truncated`` entries of the article's JSON report (null if unknown)."""
        truncated = None
        if self.truncated_at is not None:
            truncated = {"claims_checked": len(result.verdicts),
                         "checked_up_to_char": self.truncated_at,
                         "article_length": len(result.article.text)}
        return {"run": self.run.to_dict() if self.run else None, "truncated": truncated}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReportMeta:
        """Read the entries back from a report; anything malformed counts as unknown."""
        run, truncated = data.get("run"), data.get("truncated")
        names = ("corpus_sha256", "model", "judge", "settings_sha256")
        good_run = (isinstance(run, dict) and set(run) == set(names)
                    and all(isinstance(run[name], str) for name in names))
        at = truncated.get("checked_up_to_char") if isinstance(truncated, dict) else None
        return cls(RunInfo(**run) if good_run else None,
                   at if isinstance(at, int) and not isinstance(at, bool) else None)


def truncation_note(result: ArticleResult, meta: ReportMeta | None) -> str | None:
    """One sentence saying the article was checked only up to the claim limit, or None."""
    if meta is None or meta.truncated_at is None:
        return None
    return (f"Truncated: only the first {len(result.verdicts):,} claims were checked (article text "
            f"up to character {meta.truncated_at:,} of {len(result.article.text):,}); raise "
            "max_claims_per_article to check the rest.")


# --------------------------------------------------------------------------------------------
# JSON


def article_to_dict(result: ArticleResult, reviews: Reviews | None = None, *,
                    meta: ReportMeta | None = None) -> dict[str, Any]:
    """Versioned, JSON-ready dict of one article's result (floats rounded to 4 decimals).

    Args:
        result: the verdicts of one article.
        reviews: the reviews in force, by ``(article_id, claim_id)``; default none.
        meta: how the report was made; when given, the dict also has ``run`` (null or
            ``{"corpus_sha256", "model", "judge", "settings_sha256"}``) and ``truncated`` (null
            or ``{"claims_checked", "checked_up_to_char", "article_length"}``).

    Returns:
        ``{"schema_version", "article", "summary", "claims"}``; ``article.text`` holds the full
        text so :func:`article_from_dict` can rebuild the result, each claim's ``quote`` is the
        article text of its spans joined with ``" … "``, and its ``review`` is null or
        ``{"label", "reviewer", "note", "reviewed_at"}`` (``summary`` counts machine verdicts).
    """
    article = result.article
    counts = result.counts()
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "article": {
            "id": article.id,
            "source": article.source,
            "title": article.title,
            "text_sha256": _sha256(article.text),
            "length": len(article.text),
            "text": article.text,
        },
        "summary": {
            **{label.value: counts[label] for label in Label},
            "total": len(result.verdicts),
        },
        "claims": [
            _verdict_to_dict(verdict, article.text, _review_of(reviews, article.id, verdict))
            for verdict in result.verdicts
        ],
    }
    if meta is not None:
        data.update(meta.to_dict(result))
    return data


def _verdict_to_dict(verdict: Verdict, text: str, review: ReviewRecord | None) -> dict[str, Any]:
    claim = verdict.claim
    return {
        "id": claim.id,
        "text": claim.text,
        "sentence_index": claim.sentence_index,
        "spans": [[span.start, span.end] for span in claim.spans],
        "quote": claim_quote(claim, text),
        "checkworthiness": _round(claim.checkworthiness),
        "verdict": {
            "label": verdict.label.value,
            "confidence": _round(verdict.confidence),
            "rationale": verdict.rationale,
            "judge": verdict.judge,
            "evidence": [_hit_to_dict(hit) for hit in verdict.evidence],
        },
        "review": None if review is None else {
            "label": review.label.value,
            "reviewer": review.reviewer,
            "note": review.note,
            "reviewed_at": review.reviewed_at,
        },
    }


def _hit_to_dict(hit: Hit) -> dict[str, Any]:
    passage = hit.passage
    return {
        "passage_id": passage.id,
        "text": passage.text,
        "source": passage.source,
        "url": passage.url,
        "title": passage.title,
        "published": passage.published,
        "origin": passage.origin,
        "rank": hit.rank,
        "score": _round(hit.score),
        "dense": _round(hit.dense),
        "lexical": _round(hit.lexical),
    }


def article_from_dict(data: dict[str, Any], article_text: str | None = None) -> ArticleResult:
    """Rebuild an :class:`ArticleResult` from :func:`article_to_dict` output (e.g. a loaded report).

    Args:
        data: the decoded JSON report.
        article_text: the article text, when the report does not carry it (or to check it does).

    Returns:
        The result the report was made from, floats as rounded in the report.

    Raises:
        InputError: the schema version is unsupported, a key is missing or has the wrong type, or
            the article text does not match the report's ``text_sha256``.
    """
    if not isinstance(data, dict):
        raise InputError(f"report: expected a JSON object, got {type(data).__name__}")
    version = data.get("schema_version")
    if version is None:
        raise InputError("report: missing 'schema_version'; this is not a factcheck JSON report")
    if not isinstance(version, str) or version.split(".")[0] != REPORT_SCHEMA_VERSION.split(".")[0]:
        raise InputError(
            f"report: schema_version {version!r} is not supported (this factcheck reads "
            f"{REPORT_SCHEMA_VERSION.split('.')[0]}.x); re-run the check to regenerate the report"
        )
    fields = _Fields(data, "report")
    article_fields = fields.child("article")
    text = article_text if article_text is not None else article_fields.optional_text("text")
    if text is None:
        raise InputError(
            "report article: no 'text' in the report; pass the article text to article_from_dict"
        )
    expected_sha = article_fields.optional_text("text_sha256")
    if expected_sha is not None and expected_sha != _sha256(text):
        raise InputError(
            f"report article {article_fields.text('id')!r}: the article text does not match the "
            "report's text_sha256; pass the text the report was made from"
        )
    article = Article(
        id=article_fields.text("id"),
        text=text,
        source=article_fields.text("source"),
        title=article_fields.text("title"),
    )
    verdicts = tuple(_verdict_from_fields(claim, article.id) for claim in fields.children("claims"))
    return ArticleResult(article=article, verdicts=verdicts)


def _verdict_from_fields(fields: _Fields, article_id: str) -> Verdict:
    spans = []
    for index, pair in enumerate(fields.items("spans")):
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in pair)
        ):
            raise InputError(f"{fields.where}.spans[{index}]: expected [start, end], got {pair!r}")
        spans.append(Span(start=pair[0], end=pair[1]))
    claim = Claim(
        id=fields.text("id"),
        article_id=article_id,
        text=fields.text("text"),
        sentence_index=fields.integer("sentence_index"),
        spans=tuple(spans),
        checkworthiness=fields.number("checkworthiness"),
    )
    verdict = fields.child("verdict")
    return Verdict(
        claim=claim,
        label=verdict.label("label"),
        confidence=verdict.number("confidence"),
        evidence=tuple(_hit_from_fields(hit) for hit in verdict.children("evidence")),
        rationale=verdict.text("rationale"),
        judge=verdict.text("judge"),
    )


def _hit_from_fields(fields: _Fields) -> Hit:
    passage = Passage(
        id=fields.text("passage_id"),
        text=fields.text("text"),
        source=fields.text("source"),
        url=fields.optional_text("url"),
        title=fields.optional_text("title"),
        published=fields.optional_text("published"),
        origin=fields.optional_text("origin") or "report",
    )
    return Hit(
        passage=passage,
        rank=fields.integer("rank"),
        score=fields.number("score"),
        dense=fields.number("dense"),
        lexical=fields.number("lexical"),
    )


class _Fields:
    """Typed access to one JSON object of a report; errors name the key path, e.g. claims[2].id."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected an object, got {type(data).__name__}")
        self.data = data
        self.where = where

    def _get(self, key: str, kinds: tuple[type, ...], expected: str) -> Any:
        if key not in self.data:
            raise InputError(f"{self.where}: missing key {key!r}")
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, kinds):
            raise InputError(f"{self.where}.{key}: expected {expected}, got {type(value).__name__}")
        return value

    def text(self, key: str) -> str:
        return self._get(key, (str,), "a string")

    def optional_text(self, key: str) -> str | None:
        if self.data.get(key) is None:
            return None
        return self.text(key)

    def integer(self, key: str) -> int:
        return self._get(key, (int,), "an integer")

    def number(self, key: str) -> float:
        return float(self._get(key, (int, float), "a number"))

    def items(self, key: str) -> list[Any]:
        return self._get(key, (list,), "a list")

    def child(self, key: str) -> _Fields:
        return _Fields(self._get(key, (dict,), "an object"), f"{self.where}.{key}")

    def children(self, key: str) -> list[_Fields]:
        return [
            _Fields(item, f"{self.where}.{key}[{index}]")
            for index, item in enumerate(self.items(key))
        ]

    def label(self, key: str) -> Label:
        value = self.text(key)
        try:
            return Label(value)
        except ValueError:
            allowed = ", ".join(label.value for label in Label)
            raise InputError(
                f"{self.where}.{key}: unknown label {value!r} (expected one of: {allowed})"
            ) from None


def render_json(result: ArticleResult, reviews: Reviews | None = None, *,
                meta: ReportMeta | None = None) -> str:
    """The article's report as indented JSON (UTF-8 text, not ASCII-escaped), newline-terminated."""
    data = article_to_dict(result, reviews, meta=meta)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# Markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def render_markdown(result: ArticleResult, reviews: Reviews | None = None, *,
                    meta: ReportMeta | None = None) -> str:
    """The article's report as Markdown: header, verdict counts, then one section per claim.

    Reviewed claims show the machine verdict and the reviewed one side by side, and the counts
    table gains a column of verdicts after review. An article checked only up to the claim
    limit (``meta.truncated_at``) says so under its header.
    """
    article = result.article
    counts = result.counts()
    found = _reviews_of(result, reviews)
    lines = [
        f"# {_md(article.title or article.id)}",
        "",
        f"- Source: {_md_url(article.source)}",
        f"- Article id: {_md(article.id)}",
        f"- Claims checked: {len(result.verdicts)}",
    ]
    note = truncation_note(result, meta)
    if note:
        lines.append(f"- {_md(note)}")
    if any(found):
        final = _final_counts(result, found)
        overruled = sum(
            r is not None and r.label != v.label
            for v, r in zip(result.verdicts, found, strict=True)
        )
        lines += [
            f"- Claims reviewed: {len(found) - found.count(None)} ({overruled} overruled)",
            "",
            "| Verdict | Machine | After review |",
            "| :-- | --: | --: |",
            *(
                f"| {label.value.capitalize()} | {counts[label]} | {final[label]} |"
                for label in Label
            ),
            f"| Total | {len(result.verdicts)} | {len(result.verdicts)} |",
        ]
    else:
        lines += [
            "",
            "| Verdict | Claims |",
            "| :-- | --: |",
            *(f"| {label.value.capitalize()} | {counts[label]} |" for label in Label),
            f"| Total | {len(result.verdicts)} |",
        ]
    for verdict, review in zip(result.verdicts, found, strict=True):
        claim = verdict.claim
        reviewed = ""
        if review is not None:
            reviewed = (f" → reviewed **{review.label.value.upper()}** by {_md(review.reviewer)},"
                        f" {_md(review.reviewed_at[:10])}")
        lines += [
            "",
            f"## Claim {_md(claim.id)}",
            "",
            f"**{verdict.label.value.upper()}** ({verdict.confidence:.2f}){reviewed}"
            f" · checkworthiness {claim.checkworthiness:.2f} · judge {_md(verdict.judge)}",
            "",
        ]
        if review is not None and review.note:
            lines += [f"Review note: {_md(review.note)}", ""]
        lines += [
            f"Claim: {_md(claim.text)}",
            "",
            f"> {_md(claim_quote(claim, article.text))}",
            "",
            f"Rationale: {_md(verdict.rationale)}",
            "",
        ]
        if not verdict.evidence:
            lines.append("Evidence: none found.")
            continue
        lines += ["Evidence:", ""]
        for number, hit in enumerate(verdict.evidence, start=1):
            lines.append(f"{number}. {_md_hit(hit)}")
    return "\n".join(lines) + "\n"


def _md_hit(hit: Hit) -> str:
    passage = hit.passage
    name = _md(passage.title or passage.id)
    url = http_url(passage.url)
    if url:
        name = f"[{name}](<{url}>)"
    elif passage.url:
        name = f"{name} ({_md(passage.url)})"
    meta = [_md(part) for part in (passage.source, passage.published) if part]
    meta.append(f"score {hit.score:.2f}")
    return f"{name} — {', '.join(meta)}: “{_md(passage.text)}”"


def _md(text: str) -> str:
    """One line of Markdown showing ``text`` literally: whitespace collapsed, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_url(value: str) -> str:
    url = http_url(value)
    return f"<{url}>" if url else _md(value)


# --------------------------------------------------------------------------------------------
# HTML

_CSS = "\n".join(
    [":root { " + " ".join(f"--{k.value}: {v};" for k, v in LABEL_COLOURS.items()) + " }"]
    + [f".{k.value} {{ background: {LABEL_BACKGROUNDS[k]}; border-color: var(--{k.value}); }}"
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
mark.claim { color: inherit; border-bottom: 2px solid; cursor: pointer; padding: 0 1px; }
mark.overlap { border-bottom-style: double; border-bottom-width: 3px; }
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
  padding: .05rem .4rem; border: 1px solid; border-radius: 3px; }
blockquote { margin: .4rem 0; padding-left: .75rem; border-left: 3px solid #ccc; color: #444; }
.evidence { padding-left: 1.25rem; }
.evidence li { margin-bottom: .5rem; overflow-wrap: anywhere; }
.evidence-meta, .url-text { color: #555; font-size: .9rem; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { border-top: 1px solid #ddd; padding: .5rem; text-align: left; vertical-align: top; }
footer { color: #777; font-size: .85rem; margin-top: 2rem; }
@media (max-width: 48rem) {
  .layout { grid-template-columns: minmax(0, 1fr); }
  .panel { top: auto; bottom: 0; max-height: 45vh; }
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
  function pin(event) {
    const mark = markOf(event);
    if (mark) { pinned = mark; show(mark); }
  }
  panel.hidden = false;
  document.addEventListener("mouseover", (event) => { const m = markOf(event); if (m) show(m); });
  document.addEventListener("mouseout", (event) => { if (markOf(event)) show(pinned); });
  document.addEventListener("focusin", pin);
  document.addEventListener("click", pin);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { pinned = null; show(null); }
  });
})();
"""


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


# Only our own style and script may run, and nothing may be fetched: the page is self-contained,
# and even a rendering bug that let article text through as markup could not execute it.
_CSP = (
    "default-src 'none'; base-uri 'none'; form-action 'none'; "
    f"style-src {_csp_hash(_CSS)}; script-src {_csp_hash(_SCRIPT)}"
)


def render_html(result: ArticleResult, reviews: Reviews | None = None, *,
                meta: ReportMeta | None = None) -> str:
    """A self-contained HTML page: the article with claims highlighted by verdict, then a table.

    Every string from the article, claims and evidence is escaped; only http(s) URLs become links.
    Without JavaScript the table below the article still lists every verdict and its evidence.
    A reviewed claim is highlighted in its reviewed verdict's colour (dashed underline), and its
    machine and reviewed verdicts are shown side by side. An article checked only up to the
    claim limit (``meta.truncated_at``) says so under its title.
    """
    article = result.article
    found = _reviews_of(result, reviews)
    counts = _final_counts(result, found)
    machine = result.counts()
    title = article.title or article.id
    legend = "".join(
        f'<li><span class="swatch {label.value}"></span>{label.value.capitalize()}: '
        f"{counts[label]}"
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
        f" · {len(result.verdicts)} claims checked</p>\n{truncated}"
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
        f"<footer>factcheck report, schema {REPORT_SCHEMA_VERSION}</footer>\n"
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _html_article(
    text: str, verdicts: Sequence[Verdict], reviews: Sequence[ReviewRecord | None]
) -> str:
    """The article text with one flat ``<mark>`` per piece covered by claims (nothing nested)."""
    parts = []
    for piece, refs in _segments(text, verdicts):
        if not refs:
            parts.append(_h(piece))
            continue
        covering = [(verdicts[ref], reviews[ref]) for ref in refs]
        label = max((_final_label(v, r) for v, r in covering), key=_SEVERITY.__getitem__)
        overlap = " overlap" if len(refs) > 1 else ""
        reviewed = " reviewed" if any(r is not None for _, r in covering) else ""
        ids = " ".join(v.claim.id for v, _ in covering)
        hint = "; ".join(
            f"{v.label.value} ({v.confidence:.2f})"
            + (f" → reviewed {r.label.value} by {r.reviewer}" if r is not None else "")
            for v, r in covering
        )
        parts.append(
            f'<mark class="claim {label.value}{overlap}{reviewed}" data-claim="{_h(ids)}"'
            f' tabindex="0" data-ref="{" ".join(map(str, refs))}" title="{_h(hint)}">'
            f"{_h(piece)}</mark>"
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


def _html_badge(verdict: Verdict) -> str:
    return (
        f'<span class="badge {verdict.label.value}">{verdict.label.value.upper()}</span> '
        f"{verdict.confidence:.2f}"
    )


def _html_review(review: ReviewRecord) -> str:
    """The reviewed verdict: badge, who and when, and the note."""
    note = f'<span class="review-note">{_h(review.note)}</span>' if review.note else ""
    return (
        f'<span class="badge reviewed {review.label.value}">{review.label.value.upper()}</span> '
        f"by {_h(review.reviewer)}, {_h(review.reviewed_at[:10])}"
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
        f'<tr id="claim-{index}"><td>{index + 1}</td><td>{_html_badge(verdict)}</td>{reviewed}'
        f"<td>{_h(claim.text)}<blockquote>{_h(claim_quote(claim, text))}</blockquote></td>"
        f"<td>{_h(verdict.rationale)}</td><td>{_html_evidence(verdict.evidence)}</td></tr>\n"
    )


def _html_evidence(hits: Sequence[Hit]) -> str:
    if not hits:
        return '<p class="evidence-meta">No evidence passages.</p>'
    items = []
    for hit in hits:
        passage = hit.passage
        name = _h(passage.title or passage.id)
        url = http_url(passage.url)
        if url:
            name = f'<a href="{_h(url)}" rel="noopener noreferrer" target="_blank">{name}</a>'
        elif passage.url:
            name += f' <span class="url-text">{_h(passage.url)}</span>'
        meta = " · ".join(_h(part) for part in (passage.source, passage.published) if part)
        items.append(
            f'<li>{name} <span class="evidence-meta">{meta} · score {hit.score:.2f}</span>'
            f"<blockquote>{_h(passage.text)}</blockquote></li>"
        )
    return f'<ol class="evidence">{"".join(items)}</ol>'


def _html_url(value: str) -> str:
    url = http_url(value)
    if url:
        return f'<a href="{_h(url)}" rel="noopener noreferrer">{_h(url)}</a>'
    return _h(value)


def _h(text: str) -> str:
    return escape(text, quote=True)


# --------------------------------------------------------------------------------------------
# CSV


def batch_rows(batch: BatchResult, reviews: Reviews | None = None) -> list[dict[str, Any]]:
    """One row per claim of the batch (columns :data:`CLAIM_COLUMNS`); evidence is the first hit.

    The review columns are empty for claims no reviewer has decided on; ``final_label`` is the
    reviewed label when there is one, else the machine's.
    """
    rows = []
    for result in batch.results:
        for verdict in result.verdicts:
            claim = verdict.claim
            best = verdict.evidence[0] if verdict.evidence else None
            passage = best.passage if best else None
            review = _review_of(reviews, result.article.id, verdict)
            rows.append(
                {
                    "article_id": result.article.id,
                    "article_source": result.article.source,
                    "claim_id": claim.id,
                    "claim": claim.text,
                    "sentence_index": claim.sentence_index,
                    "spans": ";".join(f"{span.start}-{span.end}" for span in claim.spans),
                    "checkworthiness": _round(claim.checkworthiness),
                    "label": verdict.label.value,
                    "confidence": _round(verdict.confidence),
                    "rationale": verdict.rationale,
                    "best_evidence_id": passage.id if passage else None,
                    "best_evidence_text": passage.text if passage else None,
                    "best_evidence_source": passage.source if passage else None,
                    "best_evidence_url": passage.url if passage else None,
                    "best_evidence_published": passage.published if passage else None,
                    "dense": _round(best.dense) if best else None,
                    "lexical": _round(best.lexical) if best else None,
                    "score": _round(best.score) if best else None,
                    "reviewed_label": review.label.value if review else None,
                    "reviewer": review.reviewer if review else None,
                    "review_note": review.note if review else None,
                    "reviewed_at": review.reviewed_at if review else None,
                    "final_label": _final_label(verdict, review).value,
                }
            )
    return rows


def render_csv(batch: BatchResult, reviews: Reviews | None = None) -> str:
    """``claims.csv``: :func:`batch_rows` as RFC 4180 CSV with a header (empty cell for none)."""
    return _csv(CLAIM_COLUMNS, batch_rows(batch, reviews))


def summary_rows(batch: BatchResult) -> list[dict[str, Any]]:
    """Verdict counts per article (status "ok"), then one row per failed input (status "failed")."""
    rows: list[dict[str, Any]] = []
    for result in batch.results:
        counts = result.counts()
        rows.append(
            {
                "article_id": result.article.id,
                "source": result.article.source,
                "status": "ok",
                **{label.value: counts[label] for label in Label},
                "total": len(result.verdicts),
                "error": None,
            }
        )
    for failure in batch.failures:
        rows.append(
            {
                **dict.fromkeys(SUMMARY_COLUMNS),
                "source": failure.source,
                "status": "failed",
                "error": failure.reason,
            }
        )
    return rows


def render_summary_csv(batch: BatchResult) -> str:
    """``summary.csv``: :func:`summary_rows` as RFC 4180 CSV with a header."""
    return _csv(SUMMARY_COLUMNS, summary_rows(batch))


def _csv(columns: Sequence[str], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    writer.writerows({key: guard_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


# A spreadsheet runs a cell starting with these as a formula ("=HYPERLINK(...)" in an article).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula: text starting with ``= + - @``, a tab
    or a carriage return gets a leading apostrophe (as does text already starting with one of
    those after an apostrophe, so :func:`unguard_cell` restores every value exactly)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) or (value.startswith("'")
                                            and value[1:].startswith(_FORMULA_START)):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    """The text :func:`guard_cell` was given."""
    body = value[1:]
    if value.startswith("'") and (body.startswith(_FORMULA_START) or (
            body.startswith("'") and body[1:].startswith(_FORMULA_START))):
        return body
    return value


# --------------------------------------------------------------------------------------------
# Files

_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def write_reports(
    batch: BatchResult, out_dir: Path, formats: Sequence[str], reviews: Reviews | None = None
) -> list[Path]:
    """Write the batch's reports into ``out_dir`` (created if missing), each file atomically.

    Args:
        batch: the results to report.
        out_dir: the folder to write into; existing reports of the same names are replaced.
        formats: any of :data:`REPORT_FORMATS`. ``json``, ``md`` and ``html`` write
            ``<article_id>.<ext>`` per article (ids unsafe as file names are sanitised and given a
            hash suffix); ``csv`` writes ``claims.csv`` and ``summary.csv`` for the batch.
        reviews: the reviews to show; by default those in ``out_dir/reviews.jsonl`` that still
            apply, so re-running a check into a reviewed folder keeps the reviews in its reports.

    Returns:
        The paths written, article by article, then the CSV files.

    Raises:
        ConfigError: a format is not one of :data:`REPORT_FORMATS`.
        ReviewError: ``out_dir/reviews.jsonl`` has a malformed line.
    """
    wanted = _formats(formats)
    out_dir = Path(out_dir)
    if reviews is None:
        reviews = _folder_reviews(out_dir, batch)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    stems: set[str] = set()
    for result in batch.results:
        stem = _unique_stem(result.article.id, stems)
        written += _write_article(result, out_dir, stem, wanted, reviews)
    if "csv" in wanted:
        written.append(write_atomic(out_dir / "claims.csv", render_csv(batch, reviews)))
        written.append(write_atomic(out_dir / "summary.csv", render_summary_csv(batch)))
    return written


def _formats(formats: Sequence[str]) -> list[str]:
    """The formats asked for, each once, in order; unknown ones are a ConfigError."""
    wanted = [formats] if isinstance(formats, str) else list(dict.fromkeys(formats))
    unknown = [name for name in wanted if name not in REPORT_FORMATS]
    if unknown:
        raise ConfigError(
            f"unknown report format {', '.join(map(repr, unknown))}; "
            f"choose from: {', '.join(REPORT_FORMATS)}"
        )
    return wanted


_RENDERERS = {"json": render_json, "md": render_markdown, "html": render_html}


def _write_article(
    result: ArticleResult, out_dir: Path, stem: str, formats: Sequence[str], reviews: Reviews,
    meta: ReportMeta | None = None,
) -> list[Path]:
    return [
        write_atomic(out_dir / f"{stem}.{name}", _RENDERERS[name](result, reviews, meta=meta))
        for name in formats
        if name in _RENDERERS
    ]


def _folder_reviews(folder: Path, batch: BatchResult) -> Reviews:
    from factcheck.review import REVIEWS_FILE, current_reviews, read_reviews

    return current_reviews(batch, read_reviews(folder / REVIEWS_FILE))


@dataclass(frozen=True, slots=True)
class SavedBatch:
    """A batch read back from a reports folder, with the file stem each article's reports use."""

    folder: Path
    batch: BatchResult
    stems: tuple[str, ...]
    #: How each report was made (run, truncation), kept when the reports are rewritten.
    meta: tuple[ReportMeta, ...] = ()


def read_reports(path: str | Path) -> SavedBatch:
    """Read the JSON reports of a ``check --out`` folder (or one JSON report) back into a batch.

    Args:
        path: a folder written by :func:`write_reports` with the ``json`` format, or one report.

    Returns:
        The results in the order of the folder's ``summary.csv`` (file name order without one),
        and the inputs that failed, as listed in ``summary.csv``. JSON files that are not
        factcheck reports (no ``schema_version``) are skipped.

    Raises:
        InputError: the path is missing, holds no JSON report, or a report is malformed (the
            message names the file).
    """
    path = Path(path)
    whole_folder = path.is_dir()
    if path.is_file():
        folder, files = path.parent, [path]
    elif whole_folder:
        folder = path
        files = sorted(p for p in path.glob("*.json") if not p.name.startswith("."))
    else:
        raise InputError(f"{path}: no such folder; give the --out folder of `factcheck check`")
    loaded = []
    for file in files:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{file}: not a readable JSON report ({exc})") from None
        if whole_folder and not (isinstance(data, dict) and "schema_version" in data):
            continue
        try:
            loaded.append((file.stem, article_from_dict(data), ReportMeta.from_dict(data)))
        except InputError as exc:
            raise InputError(f"{file}: {exc}") from None
    if not loaded:
        raise InputError(
            f"{path}: no factcheck JSON reports here; write them with "
            f"`factcheck check ARTICLES --out {path} --format json,md,html,csv`"
        )
    ids, failures = _read_summary(folder / "summary.csv") if whole_folder else ([], [])
    loaded.sort(key=lambda item: _summary_position(ids, item[1].article.id))
    return SavedBatch(
        folder=folder,
        batch=BatchResult(tuple(r for _, r, _ in loaded), tuple(failures)),
        stems=tuple(stem for stem, _, _ in loaded),
        meta=tuple(meta for _, _, meta in loaded),
    )


def _read_summary(path: Path) -> tuple[list[str | None], list[Failure]]:
    """The article ids of ``summary.csv`` in batch order, and its failed inputs."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except FileNotFoundError:
        return [], []
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: cannot read the batch summary ({exc})") from None
    ids: list[str | None] = []
    failures = []
    for row in rows:
        row = {key: unguard_cell(value) if isinstance(value, str) else value
               for key, value in row.items()}
        if row.get("status") == "failed":
            failures.append(Failure(row.get("source") or "", row.get("error") or ""))
        else:
            ids.append(row.get("article_id"))
    return ids, failures


def _summary_position(ids: list[str | None], article_id: str) -> int:
    """Where the article came in the batch; an id listed twice takes its next unused place."""
    if article_id in ids:
        position = ids.index(article_id)
        ids[position] = None
        return position
    return len(ids)


def rewrite_reports(
    saved: SavedBatch, reviews: Reviews, articles: Collection[str] | None = None
) -> list[Path]:
    """Re-render a saved batch's reports in place, under the same names, with these reviews.

    Args:
        saved: from :func:`read_reports`.
        reviews: the reviews in force (see :func:`factcheck.review.current_reviews`).
        articles: only the reports of these article ids; default all. ``claims.csv`` is
            rewritten whenever the folder has one.

    Returns:
        The paths written: for each article its JSON report and whichever of its Markdown and
        HTML reports exist, then ``claims.csv``.
    """
    written = []
    for index, (stem, result) in enumerate(zip(saved.stems, saved.batch.results, strict=True)):
        if articles is not None and result.article.id not in articles:
            continue
        formats = ["json"] + [f for f in ("md", "html") if (saved.folder / f"{stem}.{f}").exists()]
        meta = saved.meta[index] if index < len(saved.meta) else None
        written += _write_article(result, saved.folder, stem, formats, reviews, meta)
    if (saved.folder / "claims.csv").exists():
        written.append(write_atomic(saved.folder / "claims.csv", render_csv(saved.batch, reviews)))
    return written


class ReportFolder:
    """A ``check --out`` folder written article by article, so that a killed run keeps its work.

    :meth:`write` writes an article's reports as soon as it is checked, its JSON report last, so
    a JSON report always belongs to a complete article; :meth:`reuse` returns the saved result of
    an article whose JSON report is up to date (``check --resume``); :meth:`finish` writes
    ``claims.csv`` and ``summary.csv`` for the whole batch. File stems are given out in call
    order, as by :func:`write_reports`; article ids must be unique (as
    :func:`factcheck.articles.iter_articles` makes them).
    """

    def __init__(self, out_dir: str | Path, formats: Sequence[str], run: RunInfo) -> None:
        """Prepare to write ``formats`` into ``out_dir`` for a batch checked with ``run``.

        Raises:
            ConfigError: a format is not one of :data:`REPORT_FORMATS`.
            ReviewError: ``out_dir/reviews.jsonl`` has a malformed line.
        """
        from factcheck.review import REVIEWS_FILE, read_reviews

        self.out_dir = Path(out_dir)
        self.formats = _formats(formats)
        self.run = run
        self._records = read_reviews(self.out_dir / REVIEWS_FILE)
        self._stems: dict[str, str] = {}
        self._taken: set[str] = set()
        self._started = time.time()

    def stem(self, article_id: str) -> str:
        """The file name stem of the article's reports (the same on every call)."""
        if article_id not in self._stems:
            self._stems[article_id] = _unique_stem(article_id, self._taken)
        return self._stems[article_id]

    def reuse(self, article: Article) -> ArticleResult | None:
        """The result saved in the article's JSON report if it is up to date, else None.

        Up to date means the report parses, has this schema version, was made from the same
        article text (``text_sha256``) and with the same :class:`RunInfo`. Markdown and HTML
        reports of a reused article that are missing are rendered from it; nothing else is
        written, so the reused files keep their modification times.
        """
        if "json" not in self.formats:
            return None
        stem = self.stem(article.id)
        try:
            data = json.loads((self.out_dir / f"{stem}.json").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None  # missing or torn: check the article again
        if not (isinstance(data, dict) and data.get("schema_version") == REPORT_SCHEMA_VERSION
                and data.get("run") == self.run.to_dict()):
            return None
        saved = data.get("article")
        if not (isinstance(saved, dict) and saved.get("id") == article.id
                and saved.get("text_sha256") == _sha256(article.text)):
            return None
        try:
            result = article_from_dict(data, article.text)
        except InputError:
            return None
        missing = [name for name in self.formats
                   if name in ("md", "html") and not (self.out_dir / f"{stem}.{name}").exists()]
        _write_article(result, self.out_dir, stem, missing, self._reviews(BatchResult((result,))),
                       ReportMeta.from_dict(data))
        return result

    def write(self, result: ArticleResult, truncated_at: int | None = None) -> list[Path]:
        """Write one article's Markdown, HTML and JSON reports (those asked for), JSON last.

        Args:
            result: the article's verdicts.
            truncated_at: where checking stopped at ``max_claims_per_article``, if it did.

        Returns:
            The paths written.
        """
        self.out_dir.mkdir(parents=True, exist_ok=True)
        order = [name for name in self.formats if name in ("md", "html")]
        order += ["json"] if "json" in self.formats else []
        return _write_article(result, self.out_dir, self.stem(result.article.id), order,
                              self._reviews(BatchResult((result,))),
                              ReportMeta(self.run, truncated_at))

    def finish(self, batch: BatchResult) -> list[Path]:
        """Write ``claims.csv`` and ``summary.csv`` for the batch (if asked for and not empty).

        Temporary files that a killed earlier run left behind for this batch's reports are
        removed (only those older than this run, so a concurrent writer is never disturbed).
        """
        for stem in [*self._stems.values(), "claims", "summary"]:
            for leftover in self.out_dir.glob(f".{stem}.*.tmp"):
                try:
                    if leftover.stat().st_mtime < self._started:
                        leftover.unlink()
                except FileNotFoundError:
                    pass
        if "csv" not in self.formats or not batch.results:
            return []
        self.out_dir.mkdir(parents=True, exist_ok=True)
        reviews = self._reviews(batch)
        return [write_atomic(self.out_dir / "claims.csv", render_csv(batch, reviews)),
                write_atomic(self.out_dir / "summary.csv", render_summary_csv(batch))]

    def _reviews(self, batch: BatchResult) -> Reviews:
        from factcheck.review import current_reviews

        return current_reviews(batch, self._records)


def _unique_stem(article_id: str, taken: set[str]) -> str:
    """A file name stem for the article: its id when safe, else a sanitised id plus an id hash."""
    stem = article_id
    if not _SAFE_STEM.fullmatch(article_id):
        cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._-")[:80]
        stem = f"{cleaned or 'article'}-{_sha256(article_id)[:8]}"
    # The same id twice in one batch (e.g. one file given twice), or ids differing only in case on
    # a case-insensitive file system, must not overwrite each other's reports.
    unique, number = stem, 1
    while unique.casefold() in taken:
        number += 1
        unique = f"{stem}-{number}"
    taken.add(unique.casefold())
    return unique


def write_atomic(path: Path, content: str) -> Path:
    """Write via a temporary file in the same folder, then rename, so readers never see half a file.

    No fsync: a report is cheap to regenerate, and a batch may write thousands of them.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # newline="" keeps CSV's \r\n and writes \n elsewhere on every platform.
        with open(temporary, "x", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


# --------------------------------------------------------------------------------------------
# Shared helpers


def _review_of(reviews: Reviews | None, article_id: str, verdict: Verdict) -> ReviewRecord | None:
    return reviews.get((article_id, verdict.claim.id)) if reviews else None


def _reviews_of(result: ArticleResult, reviews: Reviews | None) -> list[ReviewRecord | None]:
    """The review in force for each verdict of the article (None where there is none)."""
    return [_review_of(reviews, result.article.id, verdict) for verdict in result.verdicts]


def _final_label(verdict: Verdict, review: ReviewRecord | None) -> Label:
    """The verdict that stands: the reviewer's when there is one, else the machine's."""
    return review.label if review is not None else verdict.label


def _final_counts(result: ArticleResult, found: Sequence[ReviewRecord | None]) -> dict[Label, int]:
    counts = dict.fromkeys(Label, 0)
    for verdict, review in zip(result.verdicts, found, strict=True):
        counts[_final_label(verdict, review)] += 1
    return counts


def claim_quote(claim: Claim, text: str) -> str:
    """The article text of the claim's spans, joined with " … " (spans clipped to the text)."""
    return _QUOTE_JOINER.join(text[max(span.start, 0) : span.end] for span in claim.spans)


def http_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL safe to put in a link, else None."""
    if not url or any(ch.isspace() or ord(ch) < 32 or ch in '<>"\\' for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _round(value: float) -> float:
    return round(float(value), 4)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
