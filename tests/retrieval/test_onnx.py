"""The ONNX encoder: same vectors as torch (float32) or close ones (int8), chosen by settings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.pipeline import make_embedder
from factcheck.retrieval.embedding import SentenceTransformerEmbedder
from factcheck.retrieval.onnx import MIN_AGREEMENT, OnnxEmbedder
from factcheck.settings import Settings

SENTENCES = [
    "Xiaomi's Beijing factory can produce 300,000 vehicles a year in total.",
    "The weather in Paris was sunny on Tuesday.",
    "Revenue fell 12% to 3.4 billion yuan in the second quarter of 2024.",
]


@pytest.mark.parametrize(
    ("encoder", "kind", "name"),
    [("torch", SentenceTransformerEmbedder, "all-MiniLM-L6-v2"),
     ("onnx", OnnxEmbedder, "all-MiniLM-L6-v2"),
     ("onnx-int8", OnnxEmbedder, "all-MiniLM-L6-v2#onnx-int8")],
)
def test_settings_choose_the_encoder(tmp_path: Path, encoder, kind, name):
    embedder = make_embedder(Settings(encoder=encoder, cache_dir=tmp_path))
    assert isinstance(embedder, kind)
    assert embedder.name == name  # int8 vectors differ, so they get their own cache folder


def test_unknown_variant_is_refused(tmp_path: Path):
    with pytest.raises(ModelError, match="choose onnx or onnx-int8"):
        OnnxEmbedder("all-MiniLM-L6-v2", variant="fp8", cache_dir=tmp_path)  # type: ignore[arg-type]


@pytest.mark.integration
@pytest.mark.parametrize("variant", ["onnx", "onnx-int8"])
def test_onnx_vectors_agree_with_torch(real_embedder, tmp_path: Path, variant):
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    embedder = OnnxEmbedder("all-MiniLM-L6-v2", variant=variant, cache_dir=tmp_path)
    vectors = embedder.embed(SENTENCES)
    cosines = (vectors * real_embedder.embed(SENTENCES)).sum(axis=1)
    assert cosines.min() >= MIN_AGREEMENT[variant]
    assert embedder.agreement is not None and embedder.agreement >= MIN_AGREEMENT[variant]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)
