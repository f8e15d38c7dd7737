"""Run the factcheck command line with the test embedder, for tests that need real processes.

Usage: ``python tests/fake_factcheck.py check ARTICLES --evidence CORPUS ...`` (any arguments of
``factcheck``). With ``FACTCHECK_TEST_FAKE_EMBEDDER=1`` the deterministic ``HashingEmbedder`` of
``conftest.py`` replaces the real model; ``FACTCHECK_TEST_EMBED_DELAY=0.2`` makes every embedding
call that many seconds slower, so that a test can kill a run part-way or make two runs overlap.
This hook lives here, in the tests, and never in the library.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import HashingEmbedder  # noqa: E402 - needs the path above


class SlowHashingEmbedder(HashingEmbedder):
    """The test embedder, sleeping ``delay`` seconds in every call."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        time.sleep(self.delay)
        return super().embed(texts)


def main() -> None:
    if os.environ.get("FACTCHECK_TEST_FAKE_EMBEDDER") == "1":
        from factcheck import pipeline

        delay = float(os.environ.get("FACTCHECK_TEST_EMBED_DELAY", "0"))
        pipeline.make_embedder = lambda settings, **options: SlowHashingEmbedder(delay)
        if delay:
            # One article per encoder batch, so a slowed run finishes articles one by one and a
            # test can kill it part-way (by default 32 articles share one batch).
            pipeline.GROUP = 1
    from factcheck.cli import app

    app(prog_name="factcheck")


if __name__ == "__main__":
    main()
