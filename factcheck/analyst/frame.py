"""Tables for analysts: results and saved batches as pandas DataFrames, and as HTML in Jupyter.

:func:`to_frame` and :func:`load_results` give the same table, one row per claim, whose columns
are those of ``claims.csv`` (:data:`factcheck.reports.folder.CLAIM_COLUMNS`), with the spans as
numbers: article id and source, claim id and text, ``start`` and ``end`` (integers: where the
claim's first span starts and its last one ends) and ``spans`` (every ``(start, end)`` pair),
checkworthiness, machine ``label``, confidence,
rationale, the best evidence passage (id, text, source, url, published) and its retrieval scores
(``score`` fused, ``dense``, ``lexical``), then the review columns (``reviewed_label``,
``reviewer``, ``review_note``, ``reviewed_at``) and ``final_label``, the verdict that stands.
Label columns are categoricals ordered supported, contradicted, unverified.
``compact=True`` keeps :data:`COMPACT_COLUMNS`, the few worth a first look.
:func:`batch_evidence_frame` has one row per claim and evidence passage.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from factcheck.records import Article, ArticleResult, BatchResult, Hit, Label, Verdict
from factcheck.reports.common import escape_html as _h
from factcheck.reports.common import passage_ref
from factcheck.reports.folder import (
    CLAIM_COLUMNS,
    LABEL_BACKGROUNDS,
    LABEL_COLOURS,
    LABEL_ICONS,
    batch_rows,
    claim_quote,
    http_url,
    read_reports,
)
from factcheck.reports.reviews import REVIEWS_FILE, ReviewRecord, current_reviews, read_reviews

if TYPE_CHECKING:
    from factcheck.reports.folder import Reviews

#: The order of the label categories in every table and plot.
LABEL_ORDER = tuple(label.value for label in Label)

#: The columns of :func:`to_frame`: ``claims.csv``'s, with ``spans`` as numbers.
FRAME_COLUMNS = tuple(
    name for column in CLAIM_COLUMNS
    for name in (("start", "end", "spans") if column == "spans" else (column,)))

#: The columns shown with ``compact=True``: enough to read a verdict and find its evidence.
COMPACT_COLUMNS = ("article_id", "claim_id", "claim", "label", "confidence", "final_label",
                   "best_evidence_source")

_LABEL_DTYPE = pd.CategoricalDtype(list(LABEL_ORDER))
_LABEL_COLUMNS = ("label", "reviewed_label", "final_label")
_NUMBER_COLUMNS = ("checkworthiness", "confidence", "dense", "lexical", "score")


def to_frame(
    results: ArticleResult | BatchResult | Iterable[ArticleResult],
    reviews: Reviews | None = None,
    *,
    compact: bool = False,
) -> pd.DataFrame:
    """One row per claim of one article or a batch (columns described in the module docstring).

    Args:
        results: an article result, a batch, or several article results.
        reviews: the reviews in force, by ``(article_id, claim_id)``; default none, leaving the
            review columns empty.
        compact: only :data:`COMPACT_COLUMNS`.

    Returns:
        A DataFrame with a fresh integer index, in article and claim order.
    """
    if isinstance(results, ArticleResult):
        batch = BatchResult((results,))
    elif isinstance(results, BatchResult):
        batch = results
    else:
        batch = BatchResult(tuple(results))
    frame = pd.DataFrame(batch_rows(batch, reviews), columns=list(CLAIM_COLUMNS))
    spans = [tuple((span.start, span.end) for span in verdict.claim.spans)
             for verdict in batch.verdicts()]
    at = frame.columns.get_loc("spans")
    frame = frame.drop(columns="spans")
    frame.insert(at, "spans", pd.Series(spans, dtype="object"))
    frame.insert(at, "end", pd.Series([s[-1][1] if s else 0 for s in spans], dtype="int64"))
    frame.insert(at, "start", pd.Series([s[0][0] if s else 0 for s in spans], dtype="int64"))
    for column in _LABEL_COLUMNS:
        frame[column] = frame[column].astype(_LABEL_DTYPE)
    for column in _NUMBER_COLUMNS:
        frame[column] = pd.to_numeric(frame[column]).astype("float64")
    frame["sentence_index"] = frame["sentence_index"].astype("int64")
    frame["reviewed_at"] = pd.to_datetime(frame["reviewed_at"], utc=True)
    return frame[list(COMPACT_COLUMNS)] if compact else frame


def load_results(path: str | Path, *, compact: bool = False) -> pd.DataFrame:
    """The :func:`to_frame` table of a saved batch, with the reviews in force filled in.

    Args:
        path: a ``factcheck check --out`` folder (its JSON reports are read), or one JSON report;
            reviews come from ``reviews.jsonl`` in that folder.
        compact: only :data:`COMPACT_COLUMNS`.

    Raises:
        InputError: no reports there, or a malformed report (the message names the file).
        ReviewError: a malformed line in ``reviews.jsonl``.
    """
    saved = read_reports(path)
    reviews = current_reviews(saved.batch, read_reviews(saved.folder / REVIEWS_FILE))
    return to_frame(saved.batch, reviews, compact=compact)


EVIDENCE_COLUMNS = ("rank", "passage_id", "text", "source", "url", "title", "published", "score",
                    "dense", "lexical")


def batch_evidence_frame(
    results: ArticleResult | BatchResult | Iterable[ArticleResult] | str | Path,
) -> pd.DataFrame:
    """One row per claim and evidence passage of an article, a batch or a saved batch.

    Columns: ``article_id``, ``claim_id``, ``claim``, ``label`` (machine), then those of
    :func:`evidence_frame` (``rank``, ``passage_id``, passage ``text``, ``source``, ``url``,
    ``title``, ``published``, ``score``, ``dense``, ``lexical``). A claim without evidence has
    no row.
    """
    if isinstance(results, str | Path):
        batch = read_reports(results).batch
    elif isinstance(results, ArticleResult):
        batch = BatchResult((results,))
    elif isinstance(results, BatchResult):
        batch = results
    else:
        batch = BatchResult(tuple(results))
    rows = [
        {"article_id": result.article.id, "claim_id": verdict.claim.id,
         "claim": verdict.claim.text, "label": verdict.label.value, **_hit_row(hit)}
        for result in batch.results for verdict in result.verdicts for hit in verdict.evidence
    ]
    frame = pd.DataFrame(rows, columns=["article_id", "claim_id", "claim", "label",
                                        *EVIDENCE_COLUMNS])
    frame["label"] = frame["label"].astype(_LABEL_DTYPE)
    frame["rank"] = frame["rank"].astype("int64")
    return frame


def _hit_row(hit: Hit) -> dict[str, Any]:
    passage = hit.passage
    return {"rank": hit.rank, "passage_id": passage.id, "text": passage.text,
            "source": passage.source, "url": passage.url, "title": passage.title,
            "published": passage.published, "score": hit.score, "dense": hit.dense,
            "lexical": hit.lexical}


def evidence_frame(verdict: Verdict) -> pd.DataFrame:
    """Every evidence passage the judge saw for one claim, best first, with its scores."""
    return pd.DataFrame([_hit_row(hit) for hit in verdict.evidence],
                        columns=list(EVIDENCE_COLUMNS))


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One claim for a closer look: its article, machine verdict, review and all its evidence."""

    article: Article
    verdict: Verdict
    review: ReviewRecord | None

    @property
    def evidence(self) -> pd.DataFrame:
        """Every evidence passage of the claim (see :func:`evidence_frame`)."""
        return evidence_frame(self.verdict)

    def _repr_html_(self) -> str:
        verdict, review = self.verdict, self.review
        claim = verdict.claim
        reviewed = (
            f"<p>Reviewed: {_badge(review.label)} by {_h(review.reviewer)}, "
            f"{_h(review.reviewed_at)}{': ' + _h(review.note) if review.note else ''}</p>"
            if review is not None else "<p>Not reviewed.</p>"
        )
        rows = "".join(_hit_html(hit) for hit in verdict.evidence) or (
            '<tr><td colspan="6">No evidence passages.</td></tr>'
        )
        return (
            f"<div><h4>{_h(claim.id)} · {_h(self.article.title or self.article.id)}</h4>"
            f"<p><b>{_h(claim.text)}</b></p>"
            f"<blockquote>{_h(claim_quote(claim, self.article.text))}</blockquote>"
            f"<p>Machine: {_badge(verdict.label)} {verdict.confidence:.2f} "
            f"({_h(verdict.judge)}): {_h(verdict.rationale)}</p>{reviewed}"
            f"<table><thead><tr><th>#</th><th>passage</th><th>text</th><th>score</th>"
            f"<th>dense</th><th>lexical</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )


def _hit_html(hit: Hit) -> str:
    ref = passage_ref(hit.passage)
    return (
        f"<tr><td>{hit.rank}</td><td>{_link(ref.name, hit.passage.url)}"
        f"<br><small>{' '.join(_h(part) for part in ref.meta)}</small></td>"
        f"<td>{_h(hit.passage.text)}</td><td>{hit.score:.2f}</td><td>{hit.dense:.2f}</td>"
        f"<td>{hit.lexical:.2f}</td></tr>"
    )


def results_html(results: ArticleResult | BatchResult, max_rows: int = 100) -> str:
    """What Jupyter shows for a result: the :func:`frame_html` table, then any failed inputs."""
    html = frame_html(to_frame(results), max_rows)
    failures = results.failures if isinstance(results, BatchResult) else ()
    if failures:
        items = "".join(f"<li>{_h(f.source)}: {_h(f.reason)}</li>" for f in failures)
        html += f"<p>{len(failures)} input(s) could not be checked:</p><ul>{items}</ul>"
    return html


@dataclass(frozen=True, slots=True)
class ResultsView:
    """An article result or a batch as Jupyter shows it: :func:`results_html`."""

    results: ArticleResult | BatchResult

    def _repr_html_(self) -> str:
        return results_html(self.results)


def frame_html(frame: pd.DataFrame, max_rows: int = 100) -> str:
    """A colour-coded HTML table of a :func:`to_frame` table (or a filtered copy of one).

    Each row shows the claim, its verdict as a coloured badge (machine and reviewed side by side
    when reviewed), confidence, and the best evidence with a link to its source. Every value is
    escaped; styles are inline so the table survives notebook sanitisers.
    """
    counts = frame["final_label"].value_counts() if "final_label" in frame else pd.Series()
    summary = " · ".join(
        f"{_badge(Label(name))} {int(counts.get(name, 0))}" for name in LABEL_ORDER
    )
    articles = frame["article_id"].nunique() if "article_id" in frame else 0
    rows = "".join(_row_html(row) for row in frame.head(max_rows).to_dict("records"))
    more = (f'<p style="color:#555">… {len(frame) - max_rows} more rows; use .to_frame() '
            "for all of them.</p>" if len(frame) > max_rows else "")
    cell = 'style="text-align:left;vertical-align:top;padding:4px 6px"'
    head = "".join(f"<th {cell}>{name}</th>" for name in
                   ("article", "claim", "verdict", "conf.", "best evidence", "review note"))
    return (
        f"<div><p>{len(frame)} claims in {articles} articles: {summary}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{more}</div>"
    )


def _row_html(row: dict[str, Any]) -> str:
    cell = 'style="text-align:left;vertical-align:top;padding:4px 6px"'
    machine = _value(row.get("label"))
    reviewed = _value(row.get("reviewed_label"))
    verdict = _badge(Label(machine)) if machine else ""
    if reviewed:
        verdict = (f'<span style="opacity:.6">{verdict}</span> → {_badge(Label(reviewed))}'
                   f"<br><small>{_h(_value(row.get('reviewer')))}</small>")
    confidence = row.get("confidence")
    evidence = _value(row.get("best_evidence_text"))
    if len(evidence) > 240:
        evidence = evidence[:239] + "…"
    source, url = _value(row.get("best_evidence_source")), _value(row.get("best_evidence_url"))
    link = _link(source or url, url or None) if source or url else ""
    background = LABEL_BACKGROUNDS[Label(reviewed or machine)] if (reviewed or machine) else ""
    return (
        f'<tr style="background:{background}">'
        f"<td {cell}>{_h(_value(row.get('article_id')))}</td>"
        f"<td {cell}><small>{_h(_value(row.get('claim_id')))}</small><br>"
        f"{_h(_value(row.get('claim')))}</td>"
        f"<td {cell}>{verdict}</td>"
        f"<td {cell}>{'' if pd.isna(confidence) else f'{confidence:.2f}'}</td>"
        f"<td {cell}>{_h(evidence)}<br><small>{link}</small></td>"
        f"<td {cell}>{_h(_value(row.get('review_note')))}</td></tr>"
    )


def _badge(label: Label) -> str:
    return (
        f'<span style="display:inline-block;padding:0 4px;border-radius:3px;font-weight:700;'
        f'font-size:.8em;color:#fff;background:{LABEL_COLOURS[label]}">'
        f"{LABEL_ICONS[label]} {label.value.upper()}</span>"
    )


def _link(name: str, url: str | None) -> str:
    safe = http_url(url)
    if safe:
        return f'<a href="{_h(safe)}" target="_blank" rel="noopener noreferrer">{_h(name)}</a>'
    return _h(name) + (f" ({_h(url)})" if url else "")


def _value(value: object) -> str:
    """A cell as text: empty for None and missing values."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)
