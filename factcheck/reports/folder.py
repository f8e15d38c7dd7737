"""Report stage: write an article batch's reports to disk and read them back.

This is the stage's entry point; each format is rendered in its own module, and every name is
re-exported here:

- :mod:`factcheck.reports.to_json`: the versioned JSON schema (:func:`article_to_dict`,
  :func:`article_from_dict`, :class:`ReportMeta`), which :func:`read_reports` reads back;
- :mod:`factcheck.reports.to_markdown`, :mod:`factcheck.reports.to_html`: one page per article;
- :mod:`factcheck.reports.to_csv`: ``claims.csv`` and ``summary.csv`` per batch;
- :mod:`factcheck.reports.common`: what they share (quotes, links, the reviews in force).

Every renderer is a pure function of the records (and of the reviews in force, when a reviewer
has overruled or confirmed a verdict: see :mod:`factcheck.analyst.review`); only
:func:`write_reports`, :class:`ReportFolder`, :func:`read_reports` and :func:`rewrite_reports`
touch the file system.
"""

from __future__ import annotations

import csv
import json
import re
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import ConfigError, InputError
from factcheck.files import write_atomic
from factcheck.records import Article, ArticleResult, BatchResult, Failure
from factcheck.reports.common import claim_quote, http_url, sha256_hex
from factcheck.reports.overview import OVERVIEW_FILE, render_overview
from factcheck.reports.reviews import REVIEWS_FILE, current_reviews, read_reviews
from factcheck.reports.to_csv import (
    CLAIM_COLUMNS,
    SUMMARY_COLUMNS,
    batch_rows,
    guard_cell,
    render_csv,
    render_summary_csv,
    summary_rows,
    unguard_cell,
)
from factcheck.reports.to_html import LABEL_BACKGROUNDS, LABEL_COLOURS, render_html
from factcheck.reports.to_json import (
    REPORT_SCHEMA_VERSION,
    ReportMeta,
    RunInfo,
    article_from_dict,
    article_to_dict,
    render_json,
    truncation_note,
)
from factcheck.reports.to_markdown import render_markdown

if TYPE_CHECKING:
    # "as" marks it re-exported: other modules annotate with factcheck.reports.folder.Reviews.
    from factcheck.reports.common import Reviews as Reviews

__all__ = [
    "CLAIM_COLUMNS",
    "LABEL_BACKGROUNDS",
    "LABEL_COLOURS",
    "REPORT_FORMATS",
    "REPORT_SCHEMA_VERSION",
    "SUMMARY_COLUMNS",
    "ReportFolder",
    "ReportMeta",
    "RunInfo",
    "SavedBatch",
    "article_from_dict",
    "article_to_dict",
    "batch_rows",
    "claim_quote",
    "guard_cell",
    "http_url",
    "read_reports",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_summary_csv",
    "rewrite_reports",
    "summary_rows",
    "truncation_note",
    "unguard_cell",
    "write_atomic",
    "write_reports",
]

#: Formats :func:`write_reports` accepts: json/md/html per article, csv per batch.
REPORT_FORMATS = ("json", "md", "html", "csv")

_SAFE_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
# The batch overview is index.html: an article with the id "index" gets "index-2.html".
_RESERVED_STEMS = frozenset({OVERVIEW_FILE.removesuffix(".html")})


def write_reports(
    batch: BatchResult, out_dir: Path, formats: Sequence[str], reviews: Reviews | None = None
) -> list[Path]:
    """Write the batch's reports into ``out_dir`` (created if missing), each file atomically.

    Args:
        batch: the results to report.
        out_dir: the folder to write into; existing reports of the same names are replaced.
        formats: any of :data:`REPORT_FORMATS`. ``json``, ``md`` and ``html`` write
            ``<article_id>.<ext>`` per article (ids unsafe as file names are sanitised and given a
            hash suffix); ``csv`` writes ``claims.csv`` and ``summary.csv`` for the batch, and
            ``html`` the batch overview ``index.html`` (see :mod:`factcheck.report_overview`).
        reviews: the reviews to show; by default those in ``out_dir/reviews.jsonl`` that still
            apply, so re-running a check into a reviewed folder keeps the reviews in its reports.

    Returns:
        The paths written, article by article, then the CSV files and the overview.

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
    stems: set[str] = set(_RESERVED_STEMS)
    article_stems = []
    for result in batch.results:
        article_stems.append(_unique_stem(result.article.id, stems))
        written += _write_article(result, out_dir, article_stems[-1], wanted, reviews)
    if "csv" in wanted:
        written.append(write_atomic(out_dir / "claims.csv", render_csv(batch, reviews)))
        written.append(write_atomic(out_dir / "summary.csv", render_summary_csv(batch)))
    if "html" in wanted:
        written.append(_write_overview(out_dir, batch, reviews, article_stems))
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


def _write_overview(out_dir: Path, batch: BatchResult, reviews: Reviews,
                    stems: Sequence[str]) -> Path:
    return write_atomic(out_dir / OVERVIEW_FILE, render_overview(batch, reviews, stems))


def _folder_reviews(folder: Path, batch: BatchResult) -> Reviews:
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
        reviews: the reviews in force (see :func:`factcheck.analyst.review.current_reviews`).
        articles: only the reports of these article ids; default all. ``claims.csv`` is
            rewritten whenever the folder has one.

    Returns:
        The paths written: for each article its JSON report and whichever of its Markdown and
        HTML reports exist, then ``claims.csv`` and ``index.html`` (those the folder has).
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
    if (saved.folder / OVERVIEW_FILE).exists():
        written.append(_write_overview(saved.folder, saved.batch, reviews, saved.stems))
    return written


class ReportFolder:
    """A ``check --out`` folder written article by article, so that a killed run keeps its work.

    :meth:`write` writes an article's reports as soon as it is checked, its JSON report last, so
    a JSON report always belongs to a complete article; :meth:`reuse` returns the saved result of
    an article whose JSON report is up to date (``check --resume``); :meth:`finish` writes
    ``claims.csv`` and ``summary.csv`` for the whole batch. File stems are given out in call
    order, as by :func:`write_reports`; article ids must be unique (as
    :func:`factcheck.inputs.articles.iter_articles` makes them).
    """

    def __init__(self, out_dir: str | Path, formats: Sequence[str], run: RunInfo) -> None:
        """Prepare to write ``formats`` into ``out_dir`` for a batch checked with ``run``.

        Raises:
            ConfigError: a format is not one of :data:`REPORT_FORMATS`.
            ReviewError: ``out_dir/reviews.jsonl`` has a malformed line.
        """
        self.out_dir = Path(out_dir)
        self.formats = _formats(formats)
        self.run = run
        self._records = read_reviews(self.out_dir / REVIEWS_FILE)
        self._stems: dict[str, str] = {}
        self._taken: set[str] = set(_RESERVED_STEMS)
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
                and saved.get("text_sha256") == sha256_hex(article.text)):
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
        """Write ``claims.csv``, ``summary.csv`` and ``index.html`` (if asked for, not empty).

        Temporary files that a killed earlier run left behind for this batch's reports are
        removed (only those older than this run, so a concurrent writer is never disturbed).
        """
        for stem in [*self._stems.values(), "claims", "summary", *_RESERVED_STEMS]:
            for leftover in self.out_dir.glob(f".{stem}.*.tmp"):
                try:
                    if leftover.stat().st_mtime < self._started:
                        leftover.unlink()
                except FileNotFoundError:
                    pass
        if not ({"csv", "html"} & set(self.formats)) or not batch.results:
            return []
        self.out_dir.mkdir(parents=True, exist_ok=True)
        reviews = self._reviews(batch)
        written = []
        if "csv" in self.formats:
            written += [write_atomic(self.out_dir / "claims.csv", render_csv(batch, reviews)),
                        write_atomic(self.out_dir / "summary.csv", render_summary_csv(batch))]
        if "html" in self.formats:
            stems = [self.stem(result.article.id) for result in batch.results]
            written.append(_write_overview(self.out_dir, batch, reviews, stems))
        return written

    def _reviews(self, batch: BatchResult) -> Reviews:
        return current_reviews(batch, self._records)


def _unique_stem(article_id: str, taken: set[str]) -> str:
    """A file name stem for the article: its id when safe, else a sanitised id plus an id hash."""
    stem = article_id
    if not _SAFE_STEM.fullmatch(article_id):
        cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", article_id).strip("._-")[:80]
        stem = f"{cleaned or 'article'}-{sha256_hex(article_id)[:8]}"
    # The same id twice in one batch (e.g. one file given twice), or ids differing only in case on
    # a case-insensitive file system, must not overwrite each other's reports.
    unique, number = stem, 1
    while unique.casefold() in taken:
        number += 1
        unique = f"{stem}-{number}"
    taken.add(unique.casefold())
    return unique
