"""Fit the shipped unsaid-slot model (``factcheck/models/unsaid-v1.json``) on hand-labelled news.

Run ``python benchmarks/fit_unsaid.py --gold benchmarks/topics/gold.jsonl ... --exclude-topics
...`` from the project root (the shipped file's command is in ``factcheck/models/README.md`` and
in the file's metadata). Each gold claim is judged against its topic's corpus by the learned
judge without the model; the claims it calls ``unverified`` because the closest passage leaves
some of their figures or names unsaid become the rows, with their gold labels. The L2 strength
and the floors are chosen by leaving one topic set out at a time. Leave out the topics the
calibration is fitted on (``--exclude-topics``) and every set kept for a final measurement.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import bench_topics  # the topic sets' gold files, beside this script
import numpy as np

from factcheck.judging.learned import LearnedJudge, load_model
from factcheck.judging.unsaid import UNSAID_LABELS, default_unsaid_path, save_unsaid
from factcheck.pipeline import Checker, make_embedder
from factcheck.records import Label
from factcheck.settings import Settings
from factcheck.training.train import file_sha256
from factcheck.training.unsaid import fit_unsaid, unsaid_row

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    """Collect the rows, fit, write the model; print its cross-validation summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, nargs="+", required=True,
                        help="topic gold files (benchmarks/topics/gold.jsonl, ...)")
    parser.add_argument("--exclude-topics", nargs="*", default=[],
                        help="topics of those files to leave out (the calibration's)")
    parser.add_argument("--out", type=Path, default=default_unsaid_path())
    parser.add_argument("--cache-dir", type=Path, default=REPO / ".factcheck-cache")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = Settings(cache_dir=args.cache_dir)
    embedder = make_embedder(settings)
    judge = LearnedJudge(load_model(), settings)
    x, y, groups = [], [], []
    for gold_path in args.gold:
        gold = [item for item in bench_topics.load_gold(gold_path)
                if item["topic"] not in args.exclude_topics]
        for topic in sorted({item["topic"] for item in gold}):
            items = [item for item in gold if item["topic"] == topic]
            checker = Checker(gold_path.parent / topic / "evidence.jsonl", settings,
                              embedder=embedder)
            judge.names = checker.index.names or judge.names
            claims = bench_topics.gold_claims(items)
            for item, claim, hits in zip(items, claims, checker.retrieve(claims), strict=True):
                row = unsaid_row(judge, claim, hits)
                if row is not None:
                    x.append(row)
                    y.append(UNSAID_LABELS.index(Label(item["label"])))
                    groups.append(gold_path.parent.name)
        print(f"{gold_path}: {len(x)} rows so far", file=sys.stderr, flush=True)
    if len(set(groups)) < 2:
        print(f"{len(x)} rows from {len(set(groups))} topic set(s): give --gold files of two or "
              "more sets (the floors are chosen by leaving one set out at a time)",
              file=sys.stderr)
        return 1
    model = fit_unsaid(np.array(x), np.array(y), groups, {
        "fitted_on": {str(p.relative_to(REPO) if p.is_relative_to(REPO) else p): file_sha256(p)
                      for p in args.gold},
        "excluded_topics": sorted(args.exclude_topics),
        "command": "python benchmarks/fit_unsaid.py --gold " + " ".join(map(str, args.gold))
        + (" --exclude-topics " + " ".join(args.exclude_topics) if args.exclude_topics else ""),
    })
    save_unsaid(model, args.out)
    print(json.dumps(model.metadata["cross_validation"]["chosen"]))
    print(f"wrote {args.out} ({len(x)} rows) in {time.perf_counter() - started:.0f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
