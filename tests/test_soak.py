"""Soak: a few hundred articles mixing good and hostile inputs, killed at random points and
resumed, with a reviewer appending meanwhile. Nothing lost, nothing duplicated, no traceback.

Bounded to about two minutes; marked ``integration`` (run in CI, not in the fast suite).
"""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

HELPER = Path(__file__).resolve().parent / "fake_factcheck.py"
REPO = Path(__file__).resolve().parents[1]

GOOD = ("Report {n}\n\nXiaomi's Beijing factory can produce {v:,} vehicles a year in total. "
        "Xiaomi's car research and development team has {m:,} members.\n")
HOSTILE: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
    "rot13.html": b'<meta charset="rot13"><p>Xiaomi sold 1,000 cars in 2021.</p>',
    "nul.txt": b"Xiaomi sold \x00 cars.",
    "script.html": b"<p>Xiaomi sold 7 cars.</p><script>alert('</script>')</script>",
    "deep.html": b"<div>" * 20_000 + b"Xiaomi sold 9 cars in 2022." + b"</div>" * 20_000,
    "caf\xe9.txt": b"Xiaomi sold 12 cars in 2020.",
}
GOOD_COUNT = 300


def _run(args: list[str], env: dict[str, str], kill_after: float | None
         ) -> subprocess.CompletedProcess | None:
    process = subprocess.Popen([sys.executable, str(HELPER), *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if kill_after is not None:
        try:
            process.wait(kill_after)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return None
    stdout, stderr = process.communicate(timeout=300)
    return subprocess.CompletedProcess(args, process.returncode, stdout, stderr)


@pytest.mark.integration
def test_soak_kill_and_resume_loses_and_duplicates_nothing(tiny_corpus_dir: Path,
                                                           tmp_path: Path):
    rng = random.Random(12)
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(GOOD_COUNT):
        (articles / f"good-{n:03d}.txt").write_text(
            GOOD.format(n=n, v=1000 + n, m=50 + n), encoding="utf-8")
    for name, data in HOSTILE.items():
        with open(os.fsencode(articles) + b"/" + name.encode("latin-1"), "wb") as handle:
            handle.write(data)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(REPO), "FACTCHECK_TEST_FAKE_EMBEDDER": "1",
           "FACTCHECK_TEST_EMBED_DELAY": "0.05"}
    args = ["check", str(articles), "-e", str(tiny_corpus_dir), "-o", str(out), "--cache-dir",
            str(tmp_path / "cache"), "--quiet", "--resume"]
    started = time.monotonic()
    kills = stalls = 0
    reviewed = False
    finished = None
    while finished is None and time.monotonic() - started < 150:
        # A run killed before it wrote a report (a loaded machine starts slowly) gets more time
        # next round, so every kill lands mid-batch however busy the machine is.
        before = len(list(out.glob("*.json")))
        delay = rng.uniform(2.0, 6.0) * 2 ** stalls
        finished = _run(args, env, kill_after=delay if kills < 6 else None)
        kills += finished is None
        stalls = stalls + 1 if len(list(out.glob("*.json"))) == before else 0
        if finished is None and not reviewed and (out / "good-000.json").exists():
            # A reviewer records a verdict between runs, on a journal with a torn last line.
            reviewed = True
            (out / "reviews.jsonl").write_bytes(b'{"schema_version": "1", "torn')
            review = subprocess.run(
                [sys.executable, str(HELPER), "review", "override", str(out), "good-000-c01",
                 "supported", "-r", "ana"], env=env, capture_output=True, text=True)
            assert review.returncode == 0, review.stderr
    assert finished is not None, "the last run was not killed and should have finished"
    print(f"soak: {kills} kill(s), {time.monotonic() - started:.0f}s")
    assert kills >= 3 and reviewed
    stderr = finished.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr and finished.returncode == 3, stderr

    reports = sorted(p.name for p in out.glob("*.json"))
    good = [f"good-{n:03d}.json" for n in range(GOOD_COUNT)]
    assert set(good) <= set(reports)
    for name in good:
        assert json.loads((out / name).read_text(encoding="utf-8"))["article"]["id"] == name[:-5]
    with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = [row["source"] for row in rows]
    assert len(sources) == len(set(sources)) == GOOD_COUNT + len(HOSTILE)
    failed = {Path(row["source"]).name: row["error"] for row in rows if row["status"] == "failed"}
    assert set(failed) == {"empty.txt", "binary.txt", "nul.txt"}
    assert all(failed.values())
    with open(out / "claims.csv", encoding="utf-8", newline="") as handle:
        claim_ids = [(row["article_id"], row["claim_id"]) for row in csv.DictReader(handle)]
    assert len(claim_ids) == len(set(claim_ids))
    assert not list(out.glob(".*.tmp"))
    journal = (out / "reviews.jsonl").read_bytes().split(b"\n")
    assert sum(b'"reviewer": "ana"' in line for line in journal) == 1
