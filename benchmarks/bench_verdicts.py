"""Verdict quality benchmark: every judge on every development set, next to a baseline.

Run ``python benchmarks/bench_verdicts.py`` from the project root. It evaluates, in one run and on
the same retrieved hits, the similarity-threshold baseline, the rules judge and the learned judge
(plus any ``--judge SPEC``) on every set found in ``../shared/datasets`` (absent ones are skipped)
and on the demo gold file (``claims/gold.jsonl`` against ``evidence/``), and prints one table.

Honest numbers: for a set the shipped model was trained on, only its held-out groups are scored
(the groups the model's recorded rule kept out of training; the column ``n`` says how many cases
that is); other sets are scored whole. The baseline's two thresholds were fitted on the same
training groups as the model (they are recorded in the model file), never on what is reported.

``--json FILE`` also writes every score; ``--limit N`` scores the first N cases of each set only
(for a quick look); ``--sets covidfact,healthver`` picks sets by name.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"


def dataset_files(root: Path, gold: bool) -> list[tuple[str, Path, Path | None]]:
    """``(name, file, corpus)`` of every evaluation set present, claims end to end first."""
    found: list[tuple[str, Path, Path | None]] = []
    if gold and (REPO / "claims" / "gold.jsonl").is_file():
        found.append(("demo gold (claims/gold.jsonl)", REPO / "claims" / "gold.jsonl",
                      REPO / "evidence"))
    if root.is_dir():
        for claims in sorted(root.glob("*/claims.jsonl")):
            corpus = claims.parent / "corpus.jsonl"
            if corpus.is_file():
                found.append((f"{claims.parent.name}/claims.jsonl (end to end)", claims, corpus))
        for pairs in sorted(root.glob("*/pairs.jsonl")) + sorted(root.glob("nli/*.jsonl")):
            found.append((f"{pairs.parent.name}/{pairs.name}", pairs, None))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DATASETS,
                        help="folder of the development sets (default ../shared/datasets)")
    parser.add_argument("--judge", action="append", default=[],
                        help="another judge spec to compare, e.g. nli:cross-encoder/nli-deberta-"
                        "v3-small (repeatable)")
    parser.add_argument("--model", type=Path, default=None,
                        help="learned model file (default: the shipped one)")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/fc-eval-cache"),
                        help="embedding cache (default /tmp/fc-eval-cache)")
    parser.add_argument("--sets", default="", help="comma-separated name filters")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N cases")
    parser.add_argument("--no-gold", action="store_true", help="skip the demo gold file")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = parser.parse_args(argv)

    from factcheck.judging.learned import LearnedJudge, load_model
    from factcheck.judging.registry import make_judge
    from factcheck.pipeline import make_embedder
    from factcheck.settings import Settings
    from factcheck.training.evaluate import collect_hits, judge_cases, load_cases
    from factcheck.training.train import held_out_ids, training_sources

    settings = Settings(cache_dir=args.cache_dir)
    model = load_model(args.model)
    baseline = model.metadata.get("baseline", {}).get("judge", "similarity:0.5,0.7")
    judges = [("baseline", make_judge(baseline, settings)),
              ("rules", make_judge("rules", settings)),
              # the default judge as users get it: shipped model, calibrated confidence
              ("learned", make_judge("learned", settings) if args.model is None
               else LearnedJudge(model, settings))]
    judges += [(spec, make_judge(spec, settings)) for spec in args.judge]
    fraction = float(model.metadata.get("holdout", {}).get("fraction", 0.0))
    trained = training_sources(model, args.datasets)
    trained_sets = [load_cases(s.path) for s in trained if s.path.is_file()]
    held = dict(zip([s.path.resolve() for s in trained if s.path.is_file()],
                    held_out_ids(trained_sets, fraction), strict=True))

    embedder = make_embedder(settings)
    filters = [f for f in args.sets.split(",") if f]
    rows: list[dict[str, Any]] = []
    for name, path, corpus in dataset_files(args.datasets, gold=not args.no_gold):
        if filters and not any(f in name for f in filters):
            continue
        eval_set = load_cases(path)
        scope = "all"
        if path.resolve() in held:
            eval_set = eval_set.subset(held[path.resolve()])
            scope = "held-out"
        if args.limit:
            eval_set = type(eval_set)(eval_set.path, eval_set.kind,
                                      eval_set.cases[: args.limit])  # type: ignore[arg-type]
        started = time.perf_counter()
        hits, seconds = collect_hits(eval_set, embedder, evidence=corpus, settings=settings)
        print(f"{name}: {len(eval_set.cases)} cases ({scope}), hits in "
              f"{time.perf_counter() - started:.0f}s", file=sys.stderr, flush=True)
        row: dict[str, Any] = {"set": name, "scope": scope, "n": len(eval_set.cases)}
        for label, judge in judges:
            evaluation = judge_cases(eval_set, hits, judge, retrieval_seconds=seconds)
            row[label] = evaluation.to_dict()
        rows.append(row)
    print(format_table(rows, [label for label, _ in judges]))
    if args.json:
        args.json.write_text(json.dumps({"baseline": baseline, "rows": rows}, indent=1) + "\n",
                             encoding="utf-8")
    return 0


def format_table(rows: list[dict[str, Any]], judges: list[str]) -> str:
    """One line per set: n, then macro-F1 (accuracy) of each judge, the learned margin over the
    baseline, the evidence recall where known and the learned judge's claims per second."""
    width = max([len("set")] + [len(r["set"]) for r in rows]) + 2
    head = f"{'set':<{width}}{'scope':>9}{'n':>6}" + "".join(f"{j[:16]:>18}" for j in judges)
    head += f"{'learned-base':>14}{'contra.prec':>13}{'ECE':>7}{'ev.recall':>11}{'claims/s':>10}"
    lines = ["macro-F1 (accuracy); learned-base is the macro-F1 margin over the baseline; "
             "contra.prec and ECE are the learned judge's contradicted precision and expected "
             "calibration error", head]
    for row in rows:
        cells = "".join(f"{row[j]['macro_f1']:>10.3f} ({row[j]['accuracy']:.2f})" for j in judges)
        margin = row["learned"]["macro_f1"] - row["baseline"]["macro_f1"]
        recall = row["learned"]["evidence_recall"]
        learned = row["learned"]
        precision = learned["per_label"]["contradicted"]["precision"]
        ece = learned.get("ece")
        lines.append(f"{row['set']:<{width}}{row['scope']:>9}{row['n']:>6}{cells}"
                     f"{margin:>+14.3f}{precision:>13.3f}"
                     f"{'' if ece is None else f'{ece:.3f}':>7}"
                     f"{'' if recall is None else f'{recall:.3f}':>11}"
                     f"{learned['claims_per_second']:>10.1f}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
