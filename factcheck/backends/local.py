"""The ``local`` backend: worker processes on this machine, each with one Checker.

Workers are started with the ``spawn`` method (no forked torch or onnxruntime thread pools), get
the corpus once at start-up, read the embedding cache memory-mapped (the vectors' pages are shared
through the page cache, not copied per worker) and load the model once. Each worker runs the
encoder and the approximate search on ``cores // workers`` threads so the workers do not fight
over the cores.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Iterator, Sequence

from factcheck.backends.base import EmbedderFactory
from factcheck.judging.base import Judge
from factcheck.pipeline import ArticleMapper, Checked, Checker, make_embedder
from factcheck.records import Article
from factcheck.retrieval.ann import limit_threads
from factcheck.retrieval.corpus import Corpus
from factcheck.settings import Settings

_checker: Checker | None = None  # the Checker of this worker process, made by _start

WORKER_GROUP = 16
"""Articles sent to a worker at once: their claims share encoder batches and index scans, while
small groups keep the workers evenly busy and the caller's progress moving."""


@contextlib.contextmanager
def process_workers(corpus: Corpus, settings: Settings, *, workers: int,
                    embedder_factory: EmbedderFactory | None = None,
                    judge: Judge | None = None) -> Iterator[ArticleMapper]:
    """A pool of ``workers`` spawned processes; yields a mapper that checks articles on them.

    Each worker gets ``judge`` (default: the settings' rules judge). The mapper yields outcomes
    lazily in input order. An error about the whole run (model,
    corpus, settings) in a worker is raised in the caller, as on one process.
    """
    threads = max(1, (os.cpu_count() or 1) // workers)
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start,
                      initargs=(corpus, settings, embedder_factory, judge, threads)) as pool:

        def mapper(articles: Sequence[Article]) -> Iterator[Checked]:
            groups = [articles[i: i + WORKER_GROUP] for i in range(0, len(articles), WORKER_GROUP)]
            for outcomes in pool.imap(_check, groups):
                yield from outcomes

        yield mapper


def _start(corpus: Corpus, settings: Settings, embedder_factory: EmbedderFactory | None,
           judge: Judge | None, threads: int) -> None:
    """Worker start-up: one Checker, its index read from the cache, its model loaded."""
    global _checker
    limit_threads(threads)
    embedder = (embedder_factory() if embedder_factory is not None
                else make_embedder(settings, threads=threads))
    _checker = Checker(corpus, settings, embedder=embedder, judge=judge)
    _checker.warm_up()  # load before the first article, not during it


def _check(articles: Sequence[Article]) -> list[Checked]:
    if _checker is None:  # _start always runs first in a pool worker
        raise RuntimeError("worker used before start-up")
    return list(_checker.map_articles(articles))
