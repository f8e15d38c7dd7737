"""What every backend shares: how a worker makes its embedder."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.retrieval.embedding import Embedder

EmbedderFactory = Callable[[], Embedder]
"""Makes each worker's embedder; must be picklable (a class or a module-level function)."""
