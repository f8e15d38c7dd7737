"""The ``ray`` backend: articles mapped over Ray actors, each holding one Checker.

Each actor loads the model and the index once and then checks articles in small groups (see
:data:`factcheck.backends.local.WORKER_GROUP`); results come back to the caller in input order,
which writes the reports exactly as on one machine. The corpus
is put in Ray's object store once and shared by every actor, so the evidence files need to exist
only where the command runs. Each node keeps its own embedding cache at ``cache_dir`` (made
absolute on the caller's machine): the first actor on a node encodes the corpus into it under the
file lock, the others on that node wait and read it memory-mapped. Point ``cache_dir`` at shared
storage to encode only once for the whole cluster.

Ray is an optional dependency: ``pip install 'factcheck[ray]'``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from factcheck.backends.base import EmbedderFactory
from factcheck.backends.local import WORKER_GROUP
from factcheck.errors import ConfigError
from factcheck.judging.base import Judge
from factcheck.pipeline import ArticleMapper, Checked, Checker, make_embedder
from factcheck.records import Article
from factcheck.retrieval.corpus import Corpus
from factcheck.settings import Settings


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ConfigError(
            "--backend ray needs Ray, which is not installed; run: pip install 'factcheck[ray]' "
            "(or use --backend local)"
        ) from exc
    return ray


class CheckerActor:
    """A Ray actor: one Checker (model and index loaded once) that checks articles on request."""

    def __init__(self, corpus: Corpus, settings: Settings,
                 embedder_factory: EmbedderFactory | None, judge: Judge | None,
                 threads: int) -> None:
        embedder = (embedder_factory() if embedder_factory is not None
                    else make_embedder(settings, threads=threads))
        self.checker = Checker(corpus, settings, embedder=embedder, judge=judge)
        self.checker.warm_up()  # load now, not during the first article

    def check(self, articles: Sequence[Article]) -> list[Checked]:
        """Check a few articles: each outcome and where its claims were cut (``None``: not)."""
        return list(self.checker.map_articles(articles))


@contextlib.contextmanager
def ray_workers(
    corpus: Corpus,
    settings: Settings,
    *,
    actors: int | None = None,
    address: str | None = None,
    embedder_factory: EmbedderFactory | None = None,
    judge: Judge | None = None,
    threads_per_actor: int = 1,
) -> Iterator[ArticleMapper]:
    """Start Checker actors on a Ray cluster; yield a mapper over them; stop them after.

    Args:
        corpus: the evidence corpus, shipped once through the object store.
        settings: the run's settings (``cache_dir`` is made absolute for the actors).
        actors: how many Checker actors (default or ``0``: the cluster's CPUs divided by
            ``threads_per_actor``).
        address: cluster to join, e.g. ``auto`` or ``ray://head:10001`` (default:
            ``RAY_ADDRESS``, a Ray instance already running in this process, or a new local one).
        embedder_factory: makes each actor's embedder (default: the one the settings name).
        judge: each actor's judge (default: the settings' rules judge).
        threads_per_actor: CPUs reserved, and encoder threads used, by each actor (default 1).

    Yields:
        A mapper that deals articles to free actors and yields outcomes lazily in input order.
    """
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    if not actors:
        actors = max(1, int(ray.cluster_resources().get("CPU", 1)) // threads_per_actor)
    settings = settings.replace(cache_dir=Path(settings.cache_dir).expanduser().resolve())
    remote = ray.remote(num_cpus=threads_per_actor)(CheckerActor)
    corpus_ref = ray.put(corpus)
    pool = [remote.remote(corpus_ref, settings, embedder_factory, judge, threads_per_actor)
            for _ in range(actors)]

    def mapper(articles: Sequence[Article]) -> Iterator[Checked]:
        from ray.util import ActorPool

        groups = [articles[i: i + WORKER_GROUP] for i in range(0, len(articles), WORKER_GROUP)]
        checked = ActorPool(pool).map(lambda actor, group: actor.check.remote(group), groups)
        while True:
            try:
                yield from next(checked)
            except StopIteration:
                return
            except (ray.exceptions.RayTaskError, ray.exceptions.RayActorError) as exc:
                cause = getattr(exc, "cause", None)  # the actor's own exception, if it has one
                if isinstance(cause, Exception):
                    raise cause from None
                raise

    try:
        yield mapper
    finally:
        for actor in pool:
            ray.kill(actor)
