"""Markdown report: one article's header, verdict counts, then a section per claim."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.records import ArticleResult, Hit, Label
from factcheck.reports.common import (
    claim_quote,
    final_counts,
    http_url,
    passage_ref,
    reviews_of,
)
from factcheck.reports.to_json import ReportMeta, truncation_note

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~#])")


def render_markdown(result: ArticleResult, reviews: Reviews | None = None, *,
                    meta: ReportMeta | None = None) -> str:
    """The article's report as Markdown: header, verdict counts, then one section per claim.

    Reviewed claims show the machine verdict and the reviewed one side by side, and the counts
    table gains a column of verdicts after review. An article checked only up to the claim
    limit (``meta.truncated_at``) says so under its header. Checkable sentences that gave no
    claim close the report under "Not checked", each with its reason.
    """
    article = result.article
    counts = result.counts()
    found = reviews_of(result, reviews)
    lines = [
        f"# {_md(article.title or article.id)}",
        "",
        f"- Source: {_md_url(article.source)}",
        f"- Article id: {_md(article.id)}",
        *([f"- Published: {_md(article.published)}"] if article.published else []),
        f"- Claims checked: {len(result.verdicts)}",
    ]
    note = truncation_note(result, meta)
    if note:
        lines.append(f"- {_md(note)}")
    if any(found):
        final = final_counts(result, found)
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
    if result.skipped:
        lines += ["", "## Not checked", "",
                  "Sentences with a figure, a date or a name that were not turned into claims:", ""]
        lines += [f"- {_md(item.text)} — {_md(item.reason)}" for item in result.skipped]
    return "\n".join(lines) + "\n"


def _md_hit(hit: Hit) -> str:
    ref = passage_ref(hit.passage)
    name = _md(ref.name)
    if ref.link:
        name = f"[{name}](<{ref.link}>)"
    elif ref.url_text:
        name = f"{name} ({_md(ref.url_text)})"
    meta = [*(_md(part) for part in ref.meta), f"score {hit.score:.2f}"]
    return f"{name} — {', '.join(meta)}: “{_md(hit.passage.text)}”"


def _md(text: str) -> str:
    """One line of Markdown showing ``text`` literally: whitespace collapsed, markup escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_url(value: str) -> str:
    url = http_url(value)
    return f"<{url}>" if url else _md(value)
