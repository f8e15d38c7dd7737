"""The Ray backend gives the same batch as one process, on a local Ray instance started here."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.backends import check_parallel
from factcheck.pipeline import Checker
from factcheck.records import Article, Failure
from factcheck.settings import Settings
from tests import conftest
from tests.conftest import HashingEmbedder

ray = pytest.importorskip("ray")

pytestmark = pytest.mark.integration

ARTICLES = [
    ("factory", "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total."),
    ("team", "Xiaomi's car research and development team has 900 members."),
    ("weather", "The weather in Paris was sunny on Tuesday."),
]


@pytest.fixture(scope="module")
def local_ray():
    import cloudpickle

    # Ray workers cannot import the tests folder; ship the fake embedder's code with it.
    cloudpickle.register_pickle_by_value(conftest)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             object_store_memory=100 * 1024 * 1024)
    yield ray
    ray.shutdown()
    cloudpickle.unregister_pickle_by_value(conftest)


def test_ray_batch_equals_one_process(local_ray, tiny_corpus_dir: Path, tmp_path: Path):
    items: list[Article | Failure] = [Article(n, t, f"{n}.txt", n) for n, t in ARTICLES]
    items.insert(1, Failure("broken.pdf", "looks like a binary file"))
    settings = Settings(cache_dir=tmp_path / "cache")
    one = Checker(tiny_corpus_dir, settings, embedder=HashingEmbedder()).check_batch(items)
    seen = []
    on_ray = check_parallel(items, tiny_corpus_dir, settings, workers=2, backend="ray",
                            embedder_factory=HashingEmbedder, on_result=seen.append)
    assert on_ray == one
    assert len(seen) == len(items)
