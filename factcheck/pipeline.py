"""The pipeline: article -> claims -> evidence -> verdicts, composed from the stage modules."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.analysis.names import NameIndex
from factcheck.claims.extract import checkworthiness, extract_claims_and_skipped
from factcheck.claims.segment import split_sentences
from factcheck.errors import ConfigError, CorpusError, ModelError, OutputError
from factcheck.files import output_errors, sole_writer
from factcheck.guard import guarded
from factcheck.judging.base import Judge, NameUser
from factcheck.judging.registry import make_judge
from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Failure,
    Hit,
    Skipped,
    Span,
    Verdict,
)
from factcheck.reports.folder import ReportFolder, RunInfo
from factcheck.retrieval.corpus import Corpus, load_corpus
from factcheck.retrieval.embedding import Embedder, SentenceTransformerEmbedder, resolve_model
from factcheck.retrieval.index import EvidenceIndex, IndexStats, Progress, build_index
from factcheck.retrieval.onnx import OnnxEmbedder, onnx_available
from factcheck.settings import Settings


def make_embedder(settings: Settings, *, threads: int | None = None) -> Embedder:
    """The embedding model named by the settings, run by ``settings.encoder`` (loaded on first use).

    ``auto`` picks the float32 ONNX encoder (same vectors, faster, see
    :mod:`factcheck.retrieval.onnx`) when onnxruntime and the exporter are installed and the model
    is a local folder, and sentence-transformers otherwise. ``threads`` caps the encoder's threads.
    """
    encoder = settings.encoder
    if encoder == "auto":
        encoder = "onnx" if _onnx_usable(settings.model) else "torch"
    if encoder == "torch":
        return SentenceTransformerEmbedder(settings.model, batch_size=settings.batch_size,
                                           allow_download=settings.allow_download,
                                           threads=threads)
    return OnnxEmbedder(settings.model, variant=encoder,  # type: ignore[arg-type]
                        cache_dir=settings.cache_dir, batch_size=settings.batch_size,
                        threads=threads)


def _onnx_usable(model: str) -> bool:
    import importlib.util

    if not onnx_available() or importlib.util.find_spec("onnx") is None:
        return False
    try:
        return resolve_model(model)[1]
    except ModelError:
        return False


GROUP = 32
"""Articles whose claims are embedded and searched together: bigger encoder batches, and one
pass over the corpus vectors instead of one per article."""

_CLAIM_CACHE_SIZE = 50_000
"""Claim vectors a Checker remembers, so a claim repeated across articles is embedded once."""


# Errors about the whole run (model, corpus, settings) stop a batch; anything else is per article.
_FATAL = (ModelError, CorpusError, ConfigError)

# Settings that cannot change a verdict, left out of RunInfo.settings_sha256 so that changing them
# does not make `check --resume` redo finished articles.
_OPERATIONAL_SETTINGS = frozenset(
    {"cache_dir", "batch_size", "allow_download", "max_article_bytes", "article_time_budget"})

PIECE_CHARS = 20_000
"""Longer articles are split into claims piece by piece (see :func:`extract_claims_capped`)."""

# Where a long article may be cut, best first: paragraph break, line break, sentence end, space.
_CUTS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+"),
    re.compile(r"\s+"),
)


def extract_claims_capped(article: Article, settings: Settings) -> tuple[list[Claim], int | None]:
    """The article's claims, at most ``settings.max_claims_per_article`` of them.

    :func:`extract_article` without the skipped sentences; its Args and Returns apply.
    """
    extracted = extract_article(article, settings)
    return extracted.claims, extracted.truncated_at


@dataclass(frozen=True, slots=True)
class CappedExtraction:
    """An article's claims up to the limit, the checkable sentences not turned into claims,
    and the character after which claims were dropped for the limit (None: none were)."""

    claims: list[Claim]
    skipped: tuple[Skipped, ...]
    truncated_at: int | None


def extract_article(article: Article, settings: Settings) -> CappedExtraction:
    """The article's claims, at most ``settings.max_claims_per_article`` of them, and what was
    skipped.

    An article longer than :data:`PIECE_CHARS` is read piece by piece (cut at paragraph breaks,
    else line breaks, sentence ends or spaces) and reading stops once the limit is passed, so a
    huge article costs time and memory in proportion to the claims checked, not to its length.
    References are then resolved within a piece only; claims repeated in several pieces are kept
    once, as within one piece.

    Args:
        article: the article to read.
        settings: ``min_checkworthiness`` and ``max_claims_per_article`` are used.

    Returns:
        The claims, with ids, spans and sentence indices relative to the whole article; the
        checkable sentences that gave no claim, with the reason (claims over the limit among
        them); and the article character after which claims were dropped because there were
        more than the limit (the end of the last claim kept), or ``None`` when every claim was
        kept.
    """
    limit = settings.max_claims_per_article
    text = article.text
    if article.one_claim_per_line:
        written = claims_as_written(article)
        if len(written) <= limit:
            return CappedExtraction(written, (), None)
        return CappedExtraction(written[:limit], _over_limit(written[limit:], limit),
                                _end(written[:limit]))
    minimum = settings.min_checkworthiness
    if len(text) <= PIECE_CHARS:
        found = extract_claims_and_skipped(article, min_checkworthiness=minimum)
        if len(found.claims) <= limit:
            return CappedExtraction(found.claims, found.skipped, None)
        kept = found.claims[:limit]
        return CappedExtraction(
            kept, _by_position(found.skipped + _over_limit(found.claims[limit:], limit)),
            _end(kept))
    claims: list[Claim] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    sentences = 0
    for start, end in _pieces(text, PIECE_CHARS):
        piece = dataclasses.replace(article, text=text[start:end])
        found = extract_claims_and_skipped(piece, min_checkworthiness=minimum)
        for claim in found.claims:
            if claim.text.lower() in seen:
                continue
            if len(claims) == limit:
                cut = _end(claims)
                rest = " ".join(text[cut:].split())
                skipped.append(Skipped(
                    rest[:_REST_PREVIEW] + ("\u2026" if len(rest) > _REST_PREVIEW else ""),
                    Span(cut, len(text)),
                    f"over the limit of {limit:,} claims per article: the rest was not read"))
                return CappedExtraction(claims, tuple(skipped), cut)
            seen.add(claim.text.lower())
            claims.append(dataclasses.replace(
                claim,
                id=f"{article.id}-c{len(claims) + 1:02d}",
                sentence_index=sentences + claim.sentence_index,
                spans=tuple(Span(span.start + start, span.end + start) for span in claim.spans),
            ))
        skipped.extend(dataclasses.replace(item, span=Span(item.span.start + start,
                                                           item.span.end + start))
                       for item in found.skipped)
        sentences += len(split_sentences(piece.text))
    return CappedExtraction(claims, tuple(skipped), None)


_REST_PREVIEW = 200  # characters of the unread rest of an article shown in its skipped entry


def _over_limit(claims: Sequence[Claim], limit: int) -> tuple[Skipped, ...]:
    """Claims dropped for the per-article limit, as skipped sentences of the report."""
    reason = f"over the limit of {limit:,} claims per article"
    return tuple(Skipped(claim.text, Span(claim.spans[0].start, claim.spans[-1].end), reason)
                 for claim in claims)


def _by_position(skipped: Iterable[Skipped]) -> tuple[Skipped, ...]:
    return tuple(sorted(skipped, key=lambda item: (item.span.start, item.span.end)))


def claims_as_written(article: Article) -> list[Claim]:
    """One claim per non-empty line of the article, as written (``check --claim``).

    Nothing is split, resolved or dropped: the user chose these statements. Each claim's span
    is its line; its check-worthiness is scored as usual, for the reports.
    """
    claims: list[Claim] = []
    start = 0
    for index, line in enumerate(article.text.split("\n")):
        stripped = line.strip()
        if stripped:
            begin = start + line.index(stripped)
            claims.append(Claim(
                id=f"{article.id}-c{len(claims) + 1:02d}", article_id=article.id, text=stripped,
                sentence_index=index, spans=(Span(begin, begin + len(stripped)),),
                checkworthiness=checkworthiness(stripped)))
        start += len(line) + 1
    return claims


def _pieces(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` ranges covering ``text``, each of ``size // 2`` to ``size`` characters.

    Each cut is at the best place :data:`_CUTS` finds in the second half of the range (a hard
    cut only when it has no white space at all); the last range may be shorter.
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        for pattern in _CUTS:
            matches = list(pattern.finditer(text, start + size // 2, start + size))
            if matches:
                end = matches[-1].end()
                break
        yield start, end
        start = end
    yield start, len(text)


def _end(claims: Sequence[Claim]) -> int:
    return max((span.end for claim in claims for span in claim.spans), default=0)


Checked = tuple[ArticleResult | Failure, int | None]
"""One article's outcome and the character its claims were cut at (``None``: not cut)."""
ArticleMapper = Callable[[Sequence[Article]], Iterator[Checked]]
"""Checks articles (anywhere) and yields their outcomes lazily, in input order."""


@dataclass(frozen=True, slots=True)
class FolderRun:
    """What :meth:`Checker.check_to_folder` did.

    Attributes:
        batch: every input's outcome in input order: checked and reused results, and failures.
        reused: ids of the articles whose up-to-date reports were kept (``resume``).
        written: the report files written.
        warnings: one line per article checked only in part (naming it and the limit) or
            without any claim.
        removed: reports an earlier run wrote for these articles in formats not asked for now.
    """

    batch: BatchResult
    reused: tuple[str, ...]
    written: tuple[Path, ...]
    warnings: tuple[str, ...]
    removed: tuple[Path, ...] = ()


class Checker:
    """Checks claims and articles against one evidence corpus; builds its index on first use."""

    def __init__(
        self,
        evidence: str | Path | Corpus,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        judge: Judge | None = None,
        index_progress: Progress | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.corpus = evidence if isinstance(evidence, Corpus) else load_corpus(evidence)
        self.embedder = embedder or make_embedder(self.settings)
        if judge is None:
            judge = make_judge(self.settings.judge, self.settings)
        self.judge = judge
        self._index_progress = index_progress
        self._index: EvidenceIndex | None = None
        self.index_stats: IndexStats | None = None
        self._claim_vectors: dict[str, np.ndarray] = {}
        # Filled by _prepare for one group of articles: their claims, and each claim's hits.
        self._prepared: dict[int, tuple[Article, CappedExtraction | Failure]] = {}
        self._found: dict[str, list[Hit]] = {}

    @property
    def index(self) -> EvidenceIndex:
        """The evidence index, built (or read from the cache) the first time it is needed."""
        if self._index is None:
            self._index, self.index_stats = build_index(
                self.corpus, self.embedder, cache_dir=self.settings.cache_dir,
                progress=self._index_progress, ann_threshold=self.settings.ann_threshold,
                vector_dtype=self.settings.vector_dtype,  # type: ignore[arg-type]
                analyse_names=self.settings.analyse_names,
            )
            if isinstance(self.judge, NameUser):
                # the corpus's names, typed by the corpus; or none at all, as the setting says
                self.judge.names = self._index.names or NameIndex(enabled=False)
        return self._index

    def warm_up(self) -> None:
        """Load the index and the name recogniser now (worker start-up), not on the first claim."""
        names = self.index.names
        if names is not None:
            names.finder.find(["Warm-up."])

    def retrieve(self, claims: Sequence[Claim]) -> list[list[Hit]]:
        """The top passages for each claim, embedding all new claim texts in one batch."""
        if not claims:
            return []
        index = self.index
        texts = [claim.text for claim in claims]
        if self._found and all(text in self._found for text in texts):
            return [self._found[text] for text in texts]  # searched with their group
        vectors = self.embed_claims(texts)
        return index.search(vectors, texts, top_k=self.settings.top_k,
                            lexical_weight=self.settings.lexical_weight)

    def embed_claims(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of claim texts; texts seen before (in any article) are not encoded again."""
        known = self._claim_vectors
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            if len(known) + len(missing) > _CLAIM_CACHE_SIZE:
                known.clear()  # a simple bound: batches rarely repeat claims that far apart
            known.update(zip(missing, self.embedder.embed(missing), strict=True))
        return np.stack([known[t] for t in texts])

    def check_claims(self, claims: Sequence[Claim]) -> list[Verdict]:
        """Retrieve evidence for each claim and judge it.

        Args:
            claims: claims to check (from :func:`factcheck.claims.extract.extract_claims` or
                built by hand).

        Returns:
            One verdict per claim, in the same order.
        """
        found = self.retrieve(claims)
        self._prepare_names(claims)
        return [self.judge.judge(claim, hits) for claim, hits in zip(claims, found, strict=True)]

    def _prepare_names(self, claims: Sequence[Claim]) -> None:
        """Find the names of all these claims in one batch (much faster than one by one)."""
        if isinstance(self.judge, NameUser) and self.index.names is not None:
            self.judge.names.prepare(claim.text for claim in claims)

    def check_article(self, article: Article) -> ArticleResult:
        """Split an article into claims (at most ``max_claims_per_article``) and check each one."""
        return self._check_article(article)[0]

    def _check_article(self, article: Article) -> tuple[ArticleResult, int | None]:
        prepared = self._prepared.pop(id(article), None)
        if prepared is not None and prepared[0] is article and not isinstance(prepared[1], Failure):
            extracted = prepared[1]
        else:  # not split ahead (or it failed there, and the failure is raised again here)
            extracted = extract_article(article, self.settings)
        verdicts = tuple(self.check_claims(extracted.claims))
        return ArticleResult(article, verdicts, extracted.skipped), extracted.truncated_at

    def _check_one(self, article: Article) -> tuple[ArticleResult | Failure, int | None]:
        """Check one article of a batch under :func:`factcheck.guard.guarded`: its own problems,
        and running past ``article_time_budget``, become a failure naming it."""
        prepared = self._prepared.get(id(article))
        if prepared is not None and prepared[0] is article and isinstance(prepared[1], Failure):
            del self._prepared[id(article)]
            return prepared[1], None
        outcome = guarded(article.source, lambda: self._check_article(article),
                          budget=self.settings.article_time_budget, fatal=_FATAL,
                          doing="checking")
        return (outcome, None) if isinstance(outcome, Failure) else outcome

    def run_info(self) -> RunInfo:
        """What this checker's verdicts depend on: corpus content, model, judge and settings."""
        settings = {field.name: str(getattr(self.settings, field.name))
                    for field in dataclasses.fields(self.settings)
                    if field.name not in _OPERATIONAL_SETTINGS}
        digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode("utf-8")).hexdigest()
        return RunInfo(corpus_sha256=self.corpus.content_hash, model=self.embedder.name,
                       judge=self.judge.name, settings_sha256=digest)

    def check_batch(
        self,
        items: Iterable[Article | Failure],
        on_result: Callable[[ArticleResult | Failure], None] | None = None,
        *,
        mapper: ArticleMapper | None = None,
    ) -> BatchResult:
        """Check every article; inputs that failed to load, or fail here, are kept as failures.

        Args:
            items: articles, or failures from :func:`factcheck.inputs.articles.iter_articles`.
            on_result: called after each article (for progress bars and streamed output).
            mapper: checks the articles and yields their outcomes in order (default: here);
                see :meth:`check_to_folder`.

        Returns:
            Results for the articles that were checked and the failures, in input order.
        """
        items = list(items)
        checked = (mapper or self.map_articles)(
            [item for item in items if isinstance(item, Article)])
        return collect((item if isinstance(item, Failure) else next(checked)[0]
                        for item in items), on_result)

    def map_articles(self, articles: Sequence[Article]) -> Iterator[Checked]:
        """Check articles here, lazily: each outcome with its truncation point, in order.

        Articles are taken :data:`GROUP` at a time: the group's claims are split first, then
        embedded in one encoder batch and searched in one pass over the index, then judged
        article by article. Outcomes are those of checking each article alone.
        """
        for start in range(0, len(articles), GROUP):
            group = articles[start: start + GROUP]
            self._prepare(group)
            try:
                for article in group:
                    yield self._check_one(article)
            finally:
                self._prepared.clear()
                self._found.clear()

    def _prepare(self, articles: Sequence[Article]) -> None:
        """Split ``articles`` and retrieve evidence for all their claims at once."""
        texts: list[str] = []
        for article in articles:
            # Splitting is most of an article's own work: it runs under the article's guard and
            # budget here, and a failure is kept for _check_one to report (not redone).
            found = guarded(article.source,
                            functools.partial(extract_article, article, self.settings),
                            budget=self.settings.article_time_budget, fatal=_FATAL,
                            doing="checking")
            self._prepared[id(article)] = (article, found)
            if not isinstance(found, Failure):
                texts.extend(claim.text for claim in found.claims)
        unique = list(dict.fromkeys(texts))
        if not unique:
            return
        try:
            hits = self.index.search(self.embed_claims(unique), unique, top_k=self.settings.top_k,
                                     lexical_weight=self.settings.lexical_weight)
        except _FATAL:
            raise
        except Exception:  # noqa: BLE001 - each article meets it alone next, and reports it
            return
        self._found.update(zip(unique, hits, strict=True))
        if isinstance(self.judge, NameUser) and self.index.names is not None:
            self.judge.names.prepare(unique)

    def check_to_folder(
        self,
        items: Iterable[Article | Failure],
        out_dir: str | Path,
        formats: Sequence[str],
        *,
        resume: bool = False,
        on_result: Callable[[ArticleResult | Failure], None] | None = None,
        mapper: ArticleMapper | None = None,
        wait: bool = False,
    ) -> FolderRun:
        """Check every article and write its reports as soon as it is done (see ``ReportFolder``).

        A killed run keeps every report it finished; ``claims.csv`` and ``summary.csv`` are
        written at the end from every article of the batch.

        Args:
            items: articles, or failures from :func:`factcheck.inputs.articles.iter_articles`.
            out_dir: the reports folder.
            formats: any of ``json``, ``md``, ``html``, ``csv``, ``jsonl``; reports an earlier
                run wrote for these articles in the other formats are removed.
            resume: keep the reports of articles whose JSON report is up to date (same article
                text, schema, corpus, model, judge and settings) instead of checking them again.
            on_result: called after each input, checked, reused or failed (for progress bars).
            mapper: checks the articles that need it and yields their outcomes in order
                (default: here, one by one); :func:`factcheck.backends.open_workers` makes one
                for worker processes or a Ray cluster. Reports are written here either way.
            wait: when another run is writing into ``out_dir``, wait for it instead of failing.

        Returns:
            The batch, the ids of reused articles, the files written and warnings.

        Raises:
            ConfigError: a format is unknown, or ``resume`` without the ``json`` format.
            OutputError: ``out_dir`` cannot be written (read-only, disk full), or another run is
                writing into it (one writer per folder; see ``wait``).
        """
        out_dir = Path(out_dir)
        with output_errors(out_dir):
            out_dir.mkdir(parents=True, exist_ok=True)
        with sole_writer(out_dir, wait=wait):
            return self._check_to_folder(items, out_dir, formats, resume, on_result, mapper)

    def _check_to_folder(
        self,
        items: Iterable[Article | Failure],
        out_dir: Path,
        formats: Sequence[str],
        resume: bool,
        on_result: Callable[[ArticleResult | Failure], None] | None,
        mapper: ArticleMapper | None,
    ) -> FolderRun:
        folder = ReportFolder(out_dir, formats, self.run_info())
        if resume and "json" not in folder.formats:
            raise ConfigError("resuming needs the json report format: add json to --format")
        reused: list[str] = []
        written: list[Path] = []
        warnings: list[str] = []

        items = list(items)
        saved = [folder.reuse(item) if resume and isinstance(item, Article) else None
                 for item in items]
        checked = (mapper or self.map_articles)(
            [item for item, kept in zip(items, saved, strict=True)
             if isinstance(item, Article) and kept is None])

        def outcomes() -> Iterator[ArticleResult | Failure]:
            for item, kept in zip(items, saved, strict=True):
                if isinstance(item, Failure):
                    yield item
                    continue
                if kept is not None:
                    reused.append(item.id)
                    yield kept
                    continue
                outcome, truncated_at = next(checked)
                if isinstance(outcome, ArticleResult):
                    # Writing is part of the article too: its own problems (a name no file
                    # system takes) fail it; a full or read-only disk stops the run.
                    paths = guarded(item.source,
                                    functools.partial(folder.write, outcome, truncated_at),
                                    budget=self.settings.article_time_budget,
                                    fatal=(OutputError, *_FATAL), doing="writing its reports")
                    if isinstance(paths, Failure):
                        yield paths
                        continue
                    written.extend(paths)
                    if not outcome.verdicts:
                        warnings.append(
                            f"{item.source}: no check-worthy claim found (headings, bylines, "
                            "questions and opinions are not checked); to check a statement as "
                            "written, use --claim \"TEXT\"")
                    if truncated_at is not None:
                        warnings.append(
                            f"{item.source}: checked only the first {len(outcome.verdicts):,} "
                            f"claims (up to character {truncated_at:,} of {len(item.text):,}); "
                            "raise max_claims_per_article to check the rest")
                yield outcome

        batch = collect(outcomes(), on_result)
        written += folder.finish(batch)
        return FolderRun(batch, tuple(reused), tuple(written), tuple(warnings),
                         tuple(folder.removed))


def collect(outcomes: Iterable[ArticleResult | Failure],
            on_result: Callable[[ArticleResult | Failure], None] | None = None) -> BatchResult:
    """Gather per-input outcomes (in input order) into a batch, calling ``on_result`` on each."""
    results: list[ArticleResult] = []
    failures: list[Failure] = []
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            results.append(outcome)
        if on_result is not None:
            on_result(outcome)
    return BatchResult(tuple(results), tuple(failures))
