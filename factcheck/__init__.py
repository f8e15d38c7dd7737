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
    "Article", "ArticleResult", "BatchResult", "Checker", "Claim", "ConfigError", "Corpus",
    "CorpusError", "FactcheckError", "Failure", "FetchError", "Hit", "InputError", "Label",
    "ModelError", "Passage", "Review", "ReviewError", "Settings", "Span", "Verdict",
    "check_article", "check_many", "extract_claims", "load_corpus", "load_results",
    "load_settings", "show", "to_frame",
]


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


def load_results(path: str | Path) -> pd.DataFrame:
    """A saved batch (the JSON reports of a ``check --out`` folder) as one row per claim.

    The columns are those of :func:`to_frame`, with the reviews in the folder's
    ``reviews.jsonl`` filled in; see :mod:`factcheck.analyst.frame`.
    """
    from factcheck.analyst.frame import load_results as load

    return load(path)


def to_frame(results: ArticleResult | BatchResult | Sequence[ArticleResult]) -> pd.DataFrame:
    """One row per claim of an article result or a batch, as a pandas DataFrame.

    The columns are those of ``claims.csv``; see :mod:`factcheck.analyst.frame`.
    """
    from factcheck.analyst.frame import to_frame as frame

    return frame(results)


def show(results: ArticleResult | BatchResult) -> Any:
    """A colour-coded table of the claims for Jupyter (displays itself; failed inputs listed)."""
    from factcheck.analyst.frame import ResultsView

    return ResultsView(results)
