"""JSON report: the versioned schema of one article's result, and reading it back.

:func:`article_to_dict` and :func:`article_from_dict` are each other's inverse (floats rounded to
4 decimals); :class:`ReportMeta` adds how the report was made (the ``run`` and ``truncated``
entries), which ``check --resume`` compares before reusing a report.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.records import (
    Article,
    ArticleResult,
    Claim,
    Hit,
    Label,
    Passage,
    Skipped,
    Span,
    Verdict,
)
from factcheck.reports.common import claim_quote, review_of, rounded, sha256_hex

if TYPE_CHECKING:
    from factcheck.reports.common import Reviews
    from factcheck.reports.reviews import ReviewRecord


# 1.1 added each claim's "review" (null when no reviewer has decided on the claim).
REPORT_SCHEMA_VERSION = "1.2"


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
        return cls(RunInfo(**run) if isinstance(run, dict) and good_run else None,
                   at if isinstance(at, int) and not isinstance(at, bool) else None)


def truncation_note(result: ArticleResult, meta: ReportMeta | None) -> str | None:
    """One sentence saying the article was checked only up to the claim limit, or None."""
    if meta is None or meta.truncated_at is None:
        return None
    return (f"Truncated: only the first {len(result.verdicts):,} claims were checked (article text "
            f"up to character {meta.truncated_at:,} of {len(result.article.text):,}); raise "
            "max_claims_per_article to check the rest.")


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
        ``{"schema_version", "article", "summary", "claims", "skipped"}``; ``skipped`` lists
        the checkable sentences not checked as ``{"text", "start", "end", "reason"}``;
        ``article`` has ``id``,
        ``source``, ``title``, ``published`` (null or ``YYYY-MM-DD``), ``one_claim_per_line``
        (``check --claim``), ``text_sha256``, ``length`` and ``text``; ``article.text`` holds
        the full text so :func:`article_from_dict` can rebuild the result, each claim's
        ``quote`` is the article text of its spans joined with ``" … "``, and its ``review``
        is null or ``{"label", "reviewer", "note", "reviewed_at"}`` (``summary`` counts machine
        verdicts).
    """
    article = result.article
    counts = result.counts()
    data = {
        "schema_version": REPORT_SCHEMA_VERSION,
        "article": {
            "id": article.id,
            "source": article.source,
            "title": article.title,
            "published": article.published,
            "one_claim_per_line": article.one_claim_per_line,
            "text_sha256": sha256_hex(article.text),
            "length": len(article.text),
            "text": article.text,
        },
        "summary": {
            **{label.value: counts[label] for label in Label},
            "total": len(result.verdicts),
        },
        "claims": [
            _verdict_to_dict(verdict, article.text, review_of(reviews, article.id, verdict))
            for verdict in result.verdicts
        ],
        "skipped": [
            {"text": item.text, "start": item.span.start, "end": item.span.end,
             "reason": item.reason}
            for item in result.skipped
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
        "checkworthiness": rounded(claim.checkworthiness),
        "verdict": {
            "label": verdict.label.value,
            "confidence": rounded(verdict.confidence),
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
        "score": rounded(hit.score),
        "dense": rounded(hit.dense),
        "lexical": rounded(hit.lexical),
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
    if expected_sha is not None and expected_sha != sha256_hex(text):
        raise InputError(
            f"report article {article_fields.text('id')!r}: the article text does not match the "
            "report's text_sha256; pass the text the report was made from"
        )
    article = Article(
        id=article_fields.text("id"),
        text=text,
        source=article_fields.text("source"),
        title=article_fields.text("title"),
        published=article_fields.optional_text("published"),
        one_claim_per_line=article_fields.data.get("one_claim_per_line") is True,
    )
    verdicts = tuple(_verdict_from_fields(claim, article.id) for claim in fields.children("claims"))
    skipped = tuple(
        Skipped(item.text("text"), Span(item.integer("start"), item.integer("end")),
                item.text("reason"))
        for item in (fields.children("skipped") if "skipped" in fields.data else [])
    )
    return ArticleResult(article=article, verdicts=verdicts, skipped=skipped)


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
