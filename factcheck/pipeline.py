"""The pipeline: article -> claims -> evidence -> verdicts, composed from the stage modules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from factcheck.corpus import Corpus, load_corpus
from factcheck.embedding import Embedder, SentenceTransformerEmbedder
from factcheck.errors import ConfigError, CorpusError, FactcheckError, ModelError
from factcheck.index import EvidenceIndex, IndexStats, Progress, build_index
from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Failure,
    Hit,
    Verdict,
)
from factcheck.settings import Settings
from factcheck.verdict import Judge, RulesJudge


def make_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """The embedding model named by the settings (loaded on first use)."""
    return SentenceTransformerEmbedder(settings.model, batch_size=settings.batch_size,
                                       allow_download=settings.allow_download)


# Errors about the whole run (model, corpus, settings) stop a batch; anything else is per article.
_FATAL = (ModelError, CorpusError, ConfigError)


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
        self.judge = judge or RulesJudge(self.settings)
        self._index_progress = index_progress
        self._index: EvidenceIndex | None = None
        self.index_stats: IndexStats | None = None

    @property
    def index(self) -> EvidenceIndex:
        """The evidence index, built (or read from the cache) the first time it is needed."""
        if self._index is None:
            self._index, self.index_stats = build_index(
                self.corpus, self.embedder, cache_dir=self.settings.cache_dir,
                progress=self._index_progress,
            )
        return self._index

    def retrieve(self, claims: Sequence[Claim]) -> list[list[Hit]]:
        """The top passages for each claim, embedding all claims in one batch."""
        if not claims:
            return []
        index = self.index
        texts = [claim.text for claim in claims]
        vectors = self.embedder.embed(texts)
        return index.search(vectors, texts, top_k=self.settings.top_k,
                            lexical_weight=self.settings.lexical_weight)

    def check_claims(self, claims: Sequence[Claim]) -> list[Verdict]:
        """Retrieve evidence for each claim and judge it.

        Args:
            claims: claims to check (from :func:`factcheck.claims.extract_claims` or built by hand).

        Returns:
            One verdict per claim, in the same order.
        """
        return [self.judge.judge(claim, hits)
                for claim, hits in zip(claims, self.retrieve(claims), strict=True)]

    def check_article(self, article: Article) -> ArticleResult:
        """Split an article into claims and check each one."""
        from factcheck.claims import extract_claims  # lazy: checking given claims needs no splitter

        claims = extract_claims(article,
                                min_checkworthiness=self.settings.min_checkworthiness)
        return ArticleResult(article, tuple(self.check_claims(claims)))

    def check_batch(
        self,
        items: Iterable[Article | Failure],
        on_result: Callable[[ArticleResult | Failure], None] | None = None,
    ) -> BatchResult:
        """Check every article; inputs that failed to load, or fail here, are kept as failures.

        Args:
            items: articles, or failures from :func:`factcheck.articles.iter_articles`.
            on_result: called after each article (for progress bars and incremental writes).

        Returns:
            Results for the articles that were checked and the failures, in input order.
        """
        results: list[ArticleResult] = []
        failures: list[Failure] = []
        for item in items:
            outcome: ArticleResult | Failure
            if isinstance(item, Failure):
                outcome = item
            else:
                try:
                    outcome = self.check_article(item)
                except FactcheckError as exc:
                    if isinstance(exc, _FATAL):
                        raise
                    outcome = Failure(item.source, str(exc))
            (failures if isinstance(outcome, Failure) else results).append(outcome)
            if on_result is not None:
                on_result(outcome)
        return BatchResult(tuple(results), tuple(failures))
