"""Corpus embeddings are cached as data files and only new or changed passages are encoded."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from factcheck.retrieval.corpus import load_corpus
from factcheck.retrieval.index import build_index, cache_folder


def test_cache_reuses_vectors_and_encodes_only_changes(tiny_corpus_dir: Path, tmp_path: Path,
                                                       fake_embedder):
    cache = tmp_path / "cache"
    corpus = load_corpus(tiny_corpus_dir)
    first, stats = build_index(corpus, fake_embedder, cache_dir=cache)
    assert (stats.encoded, stats.cached) == (4, 0)
    folder = cache_folder(cache, fake_embedder.name)
    assert {p.name for p in folder.iterdir()} >= {"vectors.npy", "keys.txt", "meta.json"}
    assert json.loads((folder / "meta.json").read_text())["rows"] == 4

    _, stats = build_index(corpus, fake_embedder, cache_dir=cache)
    assert (stats.encoded, stats.cached) == (0, 4)

    path = tiny_corpus_dir / "extra.csv"
    path.write_text(path.read_text().replace("CES 2020", "CES in Las Vegas in 2020"))
    second, stats = build_index(load_corpus(tiny_corpus_dir), fake_embedder, cache_dir=cache)
    assert (stats.encoded, stats.cached) == (1, 3)
    assert np.allclose(first.vectors[1:], second.vectors[1:])
    assert not np.allclose(first.vectors[0], second.vectors[0])


def test_corrupt_cache_is_detected_and_rebuilt(tiny_corpus_dir: Path, tmp_path: Path,
                                               fake_embedder):
    cache = tmp_path / "cache"
    corpus = load_corpus(tiny_corpus_dir)
    build_index(corpus, fake_embedder, cache_dir=cache)
    folder = cache_folder(cache, fake_embedder.name)
    (folder / "keys.txt").write_text("garbage\n")
    index, stats = build_index(corpus, fake_embedder, cache_dir=cache)
    assert stats.encoded == 4
    assert np.allclose(np.linalg.norm(index.vectors, axis=1), 1.0, atol=1e-5)
    del index  # its vectors map the file truncated below
    (folder / "vectors.npy").write_bytes(b"not an array")
    index, stats = build_index(corpus, fake_embedder, cache_dir=cache)
    assert stats.encoded == 4
    assert np.allclose(np.linalg.norm(index.vectors, axis=1), 1.0, atol=1e-5)


def test_no_temp_files_left_behind(tiny_corpus_dir: Path, tmp_path: Path, fake_embedder):
    cache = tmp_path / "cache"
    build_index(load_corpus(tiny_corpus_dir), fake_embedder, cache_dir=cache)
    leftovers = [p for p in cache.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_search_through_the_index(tiny_corpus_dir: Path, fake_embedder):
    index, _ = build_index(load_corpus(tiny_corpus_dir), fake_embedder)
    query = "Xiaomi team has 2,300 members"
    hits = index.search(fake_embedder.embed([query]), [query], top_k=2, lexical_weight=0.3)[0]
    assert hits[0].passage.id == "team"
