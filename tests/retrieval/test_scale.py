"""Large corpora: approximate search keeps recall, the cache opens memory-mapped, workers agree."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.backends import check_parallel
from factcheck.errors import ConfigError
from factcheck.pipeline import Checker
from factcheck.records import Article, Failure, Passage
from factcheck.retrieval.corpus import Corpus, load_corpus
from factcheck.retrieval.index import build_index, cache_folder
from factcheck.retrieval.search import dense_top
from factcheck.settings import Settings
from tests.conftest import HashingEmbedder


def clustered_vectors(rows: int, dim: int = 64, seed: int = 0) -> np.ndarray:
    """Unit vectors around random topic centres, like sentence embeddings of a corpus."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(1, rows // 200), dim))
    vectors = centres[rng.integers(0, len(centres), rows)] + rng.standard_normal((rows, dim)) * 0.12
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def recall_at_10(found: np.ndarray, exact: np.ndarray) -> float:
    pairs = zip(found, exact, strict=True)
    return float(np.mean([len(set(f[:10]) & set(e[:10])) / 10 for f, e in pairs]))


def test_ann_recall_at_10_against_exact_search():
    pytest.importorskip("faiss")
    from factcheck.retrieval.ann import AnnIndex

    vectors = clustered_vectors(20_000)
    rng = np.random.default_rng(1)
    queries = vectors[rng.integers(0, len(vectors), 200)] + rng.standard_normal((200, 64)) * 0.05
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    exact = dense_top(queries, vectors, 10)
    exact = np.take_along_axis(exact, np.argsort(-np.einsum(
        "qd,qkd->qk", queries, vectors[exact]), axis=1), axis=1)
    candidates = AnnIndex.build(vectors.astype(np.float16)).search(queries, 50)
    reranked = [c[np.argsort(-(vectors[c] @ q))] for c, q in zip(candidates, queries, strict=True)]
    assert recall_at_10(reranked, exact) >= 0.95


def test_dense_top_matches_brute_force_across_blocks(monkeypatch):
    import factcheck.retrieval.search as retrieval

    monkeypatch.setattr(retrieval, "_DENSE_BLOCK", 128)  # several blocks on a small corpus
    vectors = clustered_vectors(1_000)
    queries = vectors[:7]
    expected = np.argsort(-(queries @ vectors.T), axis=1)[:, :5]
    assert [set(row) for row in dense_top(queries, vectors, 5)] == [set(r) for r in expected]
    half = dense_top(queries, vectors.astype(np.float16), 5)  # float16 blocks: near-ties may swap
    assert np.mean([len(set(a) & set(b)) / 5 for a, b in zip(half, expected, strict=True)]) >= 0.8


def test_cache_opens_memory_mapped_in_corpus_order(tiny_corpus_dir: Path, tmp_path: Path):
    embedder = HashingEmbedder()
    corpus = load_corpus(tiny_corpus_dir)
    build_index(corpus, embedder, cache_dir=tmp_path)
    index, stats = build_index(corpus, embedder, cache_dir=tmp_path)
    assert stats.encoded == 0
    assert isinstance(index.vectors, np.memmap) and index.vectors.dtype == np.float32
    assert len(list(cache_folder(tmp_path, embedder.name).glob("bm25-*.npz"))) == 1  # reused
    assert np.allclose(index.vectors, embedder.embed([p.text for p in corpus.passages]))

    reordered = Corpus(corpus.passages[::-1], corpus.files, "reversed")
    index, stats = build_index(reordered, embedder, cache_dir=tmp_path)
    assert stats.encoded == 0  # the cache is rewritten in this order, nothing re-encoded
    assert isinstance(index.vectors, np.memmap)
    assert np.allclose(index.vectors, embedder.embed([p.text for p in reordered.passages]))


def test_large_corpus_gets_float16_cache_and_a_reused_ann_index(tiny_corpus_dir: Path,
                                                                 tmp_path: Path):
    pytest.importorskip("faiss")
    embedder = HashingEmbedder()
    corpus = load_corpus(tiny_corpus_dir)
    index, stats = build_index(corpus, embedder, cache_dir=tmp_path, ann_threshold=2)
    assert stats.approximate and stats.dtype == "float16" and index.ann is not None
    ann_file = cache_folder(tmp_path, embedder.name) / "ann.faiss"
    written = ann_file.stat().st_mtime_ns
    index, stats = build_index(corpus, embedder, cache_dir=tmp_path, ann_threshold=2)
    assert stats.approximate and ann_file.stat().st_mtime_ns == written  # loaded, not rebuilt
    query = "Xiaomi team has 2,300 members"
    hits = index.search(embedder.embed([query]), [query], top_k=2, lexical_weight=0.3)[0]
    assert hits[0].passage.id == "team"


def test_approximate_and_exact_search_agree_on_a_small_corpus(tmp_path: Path):
    pytest.importorskip("faiss")
    embedder = HashingEmbedder()
    topics = ["battery", "factory", "licence", "price", "sales", "software", "rival", "team"]
    passages = tuple(
        Passage(f"p{i}", f"Company {i % 37} reported {topics[i % 8]} news number {i} in "
                f"{2000 + i % 24} about {topics[(i * 7) % 8]} plans", "src", None, None, None,
                f"synthetic {i}")
        for i in range(600)
    )
    corpus = Corpus(passages, (), "synthetic")
    exact, _ = build_index(corpus, embedder, ann_threshold=10**6)
    approximate, stats = build_index(corpus, embedder, ann_threshold=1)
    assert stats.approximate
    queries = [f"company {i} {topics[i % 8]} news number {i}" for i in range(0, 600, 20)]
    vectors = embedder.embed(queries)
    found = list(zip(approximate.search(vectors, queries, top_k=5, lexical_weight=0.3),
                     exact.search(vectors, queries, top_k=5, lexical_weight=0.3), strict=True))
    # the same passages at every rank, or passages of the same score there (the synthetic corpus
    # has many exact ties, which the two searches may break either way)
    agree = [[round(h.score, 4) for h in a] == [round(h.score, 4) for h in e] for a, e in found]
    assert np.mean(agree) >= 0.9
    assert all(a[0].passage.id == e[0].passage.id for a, e in found)  # the best one, always


ARTICLES = [
    ("factory", "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total."),
    ("team", "Xiaomi's car research and development team has more than 2,300 members. "
             "Xiaomi's car research and development team has 900 members."),
    ("weather", "The weather in Paris was sunny on Tuesday."),
    ("invest", "In March 2021 Xiaomi said it would invest US$10 billion in electric vehicles."),
]


@pytest.mark.slow
def test_two_workers_give_the_same_batch_as_one(tiny_corpus_dir: Path, tmp_path: Path):
    items = [Article(name, text, f"{name}.txt", name) for name, text in ARTICLES]
    items.insert(2, Failure("broken.pdf", "looks like a binary file"))
    settings = Settings(cache_dir=tmp_path / "cache")
    seen = []
    one = Checker(tiny_corpus_dir, settings, embedder=HashingEmbedder()).check_batch(items)
    two = check_parallel(items, tiny_corpus_dir, settings, workers=2,
                         embedder_factory=HashingEmbedder, on_result=seen.append)
    assert two == one
    assert [getattr(o, "source", None) or o.article.source for o in seen] == [
        "factory.txt", "team.txt", "broken.pdf", "weather.txt", "invest.txt"]


def test_ray_backend_without_ray_says_how_to_install_it(monkeypatch, tiny_corpus_dir: Path,
                                                        tmp_path: Path):
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail as if not installed
    with pytest.raises(ConfigError, match=r"pip install 'factcheck\[ray\]'"):
        check_parallel([], tiny_corpus_dir, Settings(cache_dir=tmp_path), workers=1,
                       backend="ray", embedder_factory=HashingEmbedder)


@pytest.mark.integration
def test_check_with_two_workers_writes_the_same_reports(tiny_corpus_dir: Path, tmp_path: Path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    articles = tmp_path / "articles"
    articles.mkdir()
    for name, text in ARTICLES:
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"reports-{workers}"
        result = CliRunner().invoke(app, [
            "check", str(articles), "--evidence", str(tiny_corpus_dir), "--out", str(out),
            "--cache-dir", str(tmp_path / "cache"), "--workers", workers, "--quiet"])
        assert result.exit_code == 0, result.output
        outputs.append({p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]


def test_vector_file_reads_rows_like_the_array(tmp_path: Path):
    from factcheck.retrieval.index import VectorFile

    matrix = clustered_vectors(300, dim=8).astype(np.float16)
    np.save(tmp_path / "vectors.npy", matrix)
    rows = VectorFile(tmp_path / "vectors.npy", rows=250)
    assert len(rows) == 250 and rows.shape == (250, 8) and rows.dtype == np.float16
    assert np.array_equal(rows[[5, 0, 249]], matrix[[5, 0, 249]])
    assert np.array_equal(rows[10:20], matrix[10:20])
    assert np.array_equal(np.asarray(rows), matrix[:250])
    with pytest.raises(IndexError):
        rows[[250]]
    with open(tmp_path / "vectors.npy", "r+b") as handle:  # a file cut short after writing
        handle.truncate(handle.seek(0, 2) - 100 * 8 * 2)
    with pytest.raises(OSError, match="shorter than its header"):
        rows[[5, 240]]


def test_grouped_checking_equals_checking_each_article_alone(tiny_corpus_dir: Path,
                                                            tmp_path: Path):
    items = [Article(name, text, f"{name}.txt", name) for name, text in ARTICLES * 3]
    checker = Checker(tiny_corpus_dir, Settings(cache_dir=tmp_path), embedder=HashingEmbedder())
    alone = [checker.check_article(article) for article in items]
    embedder = HashingEmbedder()
    grouped = Checker(tiny_corpus_dir, Settings(cache_dir=tmp_path), embedder=embedder)
    grouped.index  # noqa: B018
    embedder.calls.clear()
    assert grouped.check_batch(items).results == tuple(alone)
    assert len(embedder.calls) == 1  # one encoder call for all the claims of the group
