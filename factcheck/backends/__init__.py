"""Checking many articles on several processes (``local``) or a Ray cluster (``ray``).

Each worker (a process, or a Ray actor) builds one :class:`~factcheck.pipeline.Checker`, so the
model and the index are loaded once per worker; the index is read from the embedding cache
(memory-mapped), which the caller builds first. Outcomes come back in input order, so
:meth:`~factcheck.pipeline.Checker.check_to_folder` writes the same reports as on one process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from factcheck.backends.base import EmbedderFactory
from factcheck.backends.local import process_workers
from factcheck.backends.ray_backend import ray_workers
from factcheck.pipeline import ArticleMapper, Checker
from factcheck.records import Article, ArticleResult, BatchResult, Failure
from factcheck.retrieval.corpus import Corpus
from factcheck.settings import Settings

Backend = Literal["local", "ray"]


@contextlib.contextmanager
def open_workers(
    checker: Checker,
    *,
    workers: int | None,
    backend: Backend = "local",
    address: str | None = None,
    embedder_factory: EmbedderFactory | None = None,
    start: bool = True,
) -> Iterator[ArticleMapper | None]:
    """Start workers that check articles like ``checker``; yield their mapper, stop them after.

    Args:
        checker: its corpus, settings and judge are shipped to the workers (so they must be
            picklable); its index is built here first, so workers read the cache instead of
            encoding the corpus.
        workers: processes (``local``; ``None`` or 1 yields ``None``: check in this process)
            or actors (``ray``; ``None``: one per CPU of the cluster).
        backend: ``local`` (multiprocessing on this machine) or ``ray`` (the ``ray`` extra).
        address: the Ray cluster to join (``ray`` only; default: ``RAY_ADDRESS``, a Ray instance
            already started in this process, or a new local one).
        embedder_factory: makes each worker's embedder (default: the one the settings name).
        start: ``False`` yields ``None`` at once (nothing to check, so no workers to start).

    Yields:
        A mapper for :meth:`~factcheck.pipeline.Checker.check_to_folder`, or ``None``.
    """
    if not start:
        yield None
        return
    checker.index  # noqa: B018 - encode what is missing once, here; workers only read the cache
    if backend == "ray":
        with ray_workers(checker.corpus, checker.settings, actors=workers, address=address,
                         embedder_factory=embedder_factory, judge=checker.judge) as mapper:
            yield mapper
    elif workers is None or workers <= 1:
        yield None
    else:
        with process_workers(checker.corpus, checker.settings, workers=workers,
                             embedder_factory=embedder_factory, judge=checker.judge) as mapper:
            yield mapper


def check_parallel(
    items: Iterable[Article | Failure],
    evidence: str | Path | Corpus,
    settings: Settings,
    *,
    workers: int | None,
    backend: Backend = "local",
    address: str | None = None,
    embedder_factory: EmbedderFactory | None = None,
    on_result: Callable[[ArticleResult | Failure], None] | None = None,
) -> BatchResult:
    """Check articles on ``workers`` processes or Ray actors, without writing reports.

    Args:
        items: articles, or failures from :func:`factcheck.inputs.articles.iter_articles`.
        evidence: the corpus, or its path (loaded here once and shipped to the workers).
        settings: the run's settings.
        workers, backend, address, embedder_factory: as for :func:`open_workers`.
        on_result: called in input order after each input.

    Returns:
        Results and failures in input order, equal to ``Checker.check_batch`` on one process.
    """
    checker = Checker(evidence, settings,
                      embedder=embedder_factory() if embedder_factory is not None else None)
    with open_workers(checker, workers=workers, backend=backend, address=address,
                      embedder_factory=embedder_factory) as mapper:
        return checker.check_batch(items, on_result, mapper=mapper)
