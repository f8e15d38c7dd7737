"""factcheck: offline claim fact-checking against a curated evidence corpus.

Quick use::

    import factcheck
    result = factcheck.check_article("claims/xiaomi-beijing-factory.txt", evidence="evidence")
    for verdict in result.verdicts:
        print(verdict.label.value, verdict.claim.text, verdict.rationale)
    factcheck.to_frame(result)                          # one row per claim, as a DataFrame

Reviewing a saved batch (a ``factcheck check --out reports/`` folder)::

    review = factcheck.Review("reports/")
    review.override("xiaomi-su7-launch-c06", "supported", note="3 April event.", reviewer="ana")
    factcheck.load_results("reports/")                 # the same DataFrame, reviews filled in
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import (
    ConfigError,
    CorpusError,
    FactcheckError,
    FetchError,
    InputError,
    ModelError,
    ReviewError,
)
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
from factcheck.retrieval.corpus import Corpus, load_corpus
from factcheck.settings import Settings, load_settings
from factcheck.version import __version__ as __version__

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.analyst.review import Review as Review


__all__ = [
    "COMPACT_COLUMNS", "LABEL_COLOURS", "LABEL_ICONS", "LABEL_ORDER", "Article",
    "ArticleResult", "BatchResult", "Checker", "Claim", "ConfigError", "Corpus", "CorpusError",
    "Evaluation", "FactcheckError", "Failure", "FetchError", "Hit", "InputError", "Label",
    "ModelError", "Passage", "ReportFormat", "Review", "ReviewError", "Settings", "Span",
    "Verdict", "check_article", "check_claims", "check_many", "evaluate_file", "evidence_frame",
    "export_claimreview", "extract_claims", "format_scores", "frame_html", "load_cases",
    "load_corpus", "load_results", "load_settings", "show", "to_frame", "write_reports",
]


# Public names from the heavier modules, imported on first use: module that defines each.
_LAZY = {
    "Evaluation": "factcheck.training.evaluate",
    "load_cases": "factcheck.training.evaluate",
    "evaluate_file": "factcheck.training.evaluate",
    "format_scores": "factcheck.training.evaluate",
    "LABEL_ORDER": "factcheck.analyst.frame",
    "COMPACT_COLUMNS": "factcheck.analyst.frame",
    "frame_html": "factcheck.analyst.frame",
    "LABEL_COLOURS": "factcheck.reports.folder",
    "LABEL_ICONS": "factcheck.reports.folder",
    "ReportFormat": "factcheck.reports.folder",
    "write_reports": "factcheck.reports.folder",
    "export_claimreview": "factcheck.reports.claimreview",
}


def __getattr__(name: str):
    """Lazy access to the heavier parts (pipeline, claim extraction)."""
    if name == "Checker":
        from factcheck.pipeline import Checker

        return Checker
    if name == "Review":
        from factcheck.analyst.review import Review

        return Review
    if name == "extract_claims":
        from factcheck.claims.extract import extract_claims

        return extract_claims
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


def check_article(text_or_path: str | Path, evidence: str | Path | Corpus = "evidence",
                  settings: Settings | None = None) -> ArticleResult:
    """Check one article, given as a file path or as its text, against an evidence corpus."""
    from factcheck.inputs.articles import load_article
    from factcheck.pipeline import Checker

    return Checker(evidence, settings).check_article(load_article(text_or_path))


def check_many(paths: Sequence[str | Path], evidence: str | Path | Corpus = "evidence",
               settings: Settings | None = None) -> BatchResult:
    """Check many articles (files, folders, globs, URLs); unreadable ones become failures."""
    from factcheck.inputs.articles import iter_articles
    from factcheck.pipeline import Checker

    settings = settings or Settings()
    items = iter_articles([str(p) for p in paths], max_bytes=settings.max_article_bytes)
    return Checker(evidence, settings).check_batch(items)


def check_claims(texts: Sequence[str], evidence: str | Path | Corpus = "evidence",
                 settings: Settings | None = None) -> ArticleResult:
    """Check statements as written, each as one claim (not split), like ``check --claim``."""
    from factcheck.inputs.articles import claims_article
    from factcheck.pipeline import Checker

    return Checker(evidence, settings).check_article(claims_article(texts))


def load_results(path: str | Path, *, compact: bool = False) -> pd.DataFrame:
    """A saved batch (the JSON reports of a ``check --out`` folder) as one row per claim.

    The columns are those of :func:`to_frame`, with the reviews in the folder's
    ``reviews.jsonl`` filled in; see :mod:`factcheck.analyst.frame`.
    """
    from factcheck.analyst.frame import load_results as load

    return load(path, compact=compact)


def to_frame(results: ArticleResult | BatchResult | Sequence[ArticleResult], *,
             compact: bool = False) -> pd.DataFrame:
    """One row per claim of an article result or a batch, as a pandas DataFrame.

    The columns are those of ``claims.csv`` with the spans as integers (``start``, ``end``,
    ``spans``); ``compact=True`` keeps :data:`COMPACT_COLUMNS`. See
    :mod:`factcheck.analyst.frame`.
    """
    from factcheck.analyst.frame import to_frame as frame

    return frame(results, compact=compact)


def evidence_frame(results: ArticleResult | BatchResult | str | Path) -> pd.DataFrame:
    """One row per claim and evidence passage of a result, a batch or a saved batch's folder."""
    from factcheck.analyst.frame import batch_evidence_frame

    return batch_evidence_frame(results)


def show(results: ArticleResult | BatchResult | pd.DataFrame, max_rows: int = 100) -> Any:
    """A colour-coded table of the claims for Jupyter (displays itself; failed inputs listed).

    Takes a result, a batch, or a :func:`to_frame` table (or a filtered copy of one).
    """
    from factcheck.analyst.frame import ResultsView, frame_html

    if isinstance(results, ArticleResult | BatchResult):
        return ResultsView(results)
    from IPython.display import HTML

    return HTML(frame_html(results, max_rows=max_rows))
