"""Fixtures of the review app's tests: a real `factcheck serve`, and the demo batch's reports."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app as cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def serve_app() -> Iterator[Callable[[Path], str]]:
    """Start `factcheck serve FOLDER --port 0` in a subprocess; returns its URL. Stopped after."""
    started: list[subprocess.Popen] = []

    def start(folder: Path) -> str:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
        process = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "serve", str(folder), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        started.append(process)
        line = process.stdout.readline() if process.stdout else ""  # printed once it listens
        found = re.search(r" at (http://\S+/) ", line)
        if not found:
            process.kill()
            pytest.fail(f"factcheck serve did not start: {line!r} {process.stderr.read()!r}")
        return found.group(1)

    yield start
    for process in started:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        errors = process.stderr.read() if process.stderr else ""
        assert "Traceback" not in errors, errors


@pytest.fixture(scope="session")
def demo_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo batch (claims/ against evidence/, the real model) checked once into a folder."""
    out = tmp_path_factory.mktemp("demo") / "reports"
    result = CliRunner().invoke(cli, [
        "check", str(REPO / "claims"), "--evidence", str(REPO / "evidence"), "--out", str(out),
        "--cache-dir", str(tmp_path_factory.mktemp("cache")), "--quiet",
    ])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def demo_copy(demo_reports: Path, tmp_path: Path) -> Path:
    """A copy of the demo reports a test may review (the session's folder stays unreviewed)."""
    return Path(shutil.copytree(demo_reports, tmp_path / "reports"))
