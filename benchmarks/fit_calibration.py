"""Fit the shipped calibration (``factcheck/models/calibration-v1.json``) on data no judge saw.

Run ``python benchmarks/fit_calibration.py`` from the project root. The fitting data, written
elsewhere and never used to train the learned verifier:

- claims generated from the COVID-Fact corpus by the mutation benchmark (restatements, one-slot
  mutations, claims whose passage is removed), seed 101 (the benchmark reports seed 13);
- half of the COVID-Fact claims and of the HealthVer pairs the learned verifier held out of
  training (the half whose id hashes even); the other half is what ``--report`` scores.

``--gold`` adds hand-labelled news claims (the topic sets used for tuning, never the set kept
for the final measurement). Each claim is judged by the learned judge (with its route) and the
rules judge; the curves are
fitted per route and label (``factcheck.training.calibrate``). ``--report`` prints the ECE and
accuracy of the calibrated judges on the other halves, the demo gold and the topic gold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import bench_mutations  # the mutation generator, beside this script

from factcheck.judging.calibration import default_calibration_path, save_calibration
from factcheck.judging.learned import LearnedJudge, load_model
from factcheck.judging.rules import RulesJudge
from factcheck.pipeline import Checker, make_embedder
from factcheck.records import Claim, Hit, Label, Span
from factcheck.settings import Settings
from factcheck.training.calibrate import CalibrationRow, fit_calibration
from factcheck.training.evaluate import collect_hits, load_cases
from factcheck.training.train import held_out_ids, training_sources

REPO = Path(__file__).resolve().parents[1]
DATASETS = REPO.parent / "shared" / "datasets"


def half(case_id: str) -> int:
    """0 or 1: which half of the held-out cases an id falls in (stable across runs)."""
    return hashlib.sha256(case_id.encode("utf-8")).digest()[0] % 2


def judged_rows(claims: list[Claim], hits: list[list[Hit]], expected: list[Label],
                learned: LearnedJudge, rules: RulesJudge) -> list[CalibrationRow]:
    """One row per claim for each judge: route, label, raw score, right or not."""
    learned.names.prepare([c.text for c in claims]
                          + [h.passage.text for found in hits for h in found])
    rows = []
    for claim, found, gold in zip(claims, hits, expected, strict=True):
        verdict, route = learned.decide(claim, found)
        rows.append(CalibrationRow(route, verdict.label, verdict.confidence,
                                   verdict.label is gold))
        plain = rules.judge(claim, found)
        rows.append(CalibrationRow("rules", plain.label, plain.confidence, plain.label is gold))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/fc-calibration-cache"))
    parser.add_argument("--limit", type=int, default=500,
                        help="COVID-Fact passages the mutations are drawn from (default 500)")
    parser.add_argument("--out", type=Path, default=default_calibration_path())
    parser.add_argument("--mutate", type=Path, nargs="*", default=[],
                        help="more corpora to draw mutations from (COVID-Fact's always)")
    parser.add_argument("--real", nargs="*", default=[],
                        help="held-out sets to take half of, e.g. covidfact/claims.jsonl "
                        "healthver-dev/pairs.jsonl (default: none)")
    parser.add_argument("--gold", type=Path, nargs="*", default=[],
                        help="hand-labelled topic gold files (benchmarks/topics/gold.jsonl, "
                        "...): each claim judged against its topic's corpus beside the file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    settings = Settings(cache_dir=args.cache_dir)
    model = load_model()
    embedder = make_embedder(settings)
    learned, rules = LearnedJudge(model, settings), RulesJudge(settings)
    rows: list[CalibrationRow] = []
    sources: dict[str, int] = {}

    corpus = args.datasets / "covidfact" / "corpus.jsonl"
    if not corpus.is_file():
        print(f"error: {corpus} not found; the fit needs ../shared/datasets", file=sys.stderr)
        return 1
    nlp = bench_mutations.load_nlp()
    for path in [corpus, *args.mutate]:
        mut_args = SimpleNamespace(cache_dir=args.cache_dir, judge="learned", limit=args.limit,
                                   seed=101, fraction=0.12, near_overlap=0.6, near_cosine=0.85)
        built = bench_mutations.mutant_set(path, mut_args, nlp)
        checker = Checker(built.reduced, settings, embedder=embedder)
        claims = [Claim(m.id, "mutations", m.text, 0, (Span(0, len(m.text)),), 1.0)
                  for m in built.mutants]
        learned.names = rules.names = checker.index.names or learned.names
        found = checker.retrieve(claims)
        rows += judged_rows(claims, found, [m.expected for m in built.mutants], learned, rules)
        sources[f"{path.parent.name}/{path.name} mutations (seed 101)"] = len(claims)

    for gold_path in args.gold:
        gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
        for topic in sorted({item["topic"] for item in gold}):
            items = [item for item in gold if item["topic"] == topic]
            checker = Checker(gold_path.parent / topic / "evidence.jsonl", settings,
                              embedder=embedder)
            claims = [Claim(item["id"], item["article"], item["claim"], 0,
                            (Span(0, len(item["claim"])),), 1.0) for item in items]
            learned.names = rules.names = checker.index.names or learned.names
            rows += judged_rows(claims, checker.retrieve(claims),
                                [Label(item["label"]) for item in items], learned, rules)
        sources[f"{gold_path.parent.name}/{gold_path.name}"] = len(gold)

    trained = [s for s in training_sources(model, args.datasets) if s.path.is_file()]
    sets = [load_cases(s.path) for s in trained]
    fraction = float(model.metadata.get("holdout", {}).get("fraction", 0.0))
    for source, eval_set, held in zip(trained, sets, held_out_ids(sets, fraction), strict=True):
        name = f"{source.path.parent.name}/{source.path.name}"
        if name not in args.real:
            continue
        subset = eval_set.subset({i for i in held if half(i) == 0})
        hits, _ = collect_hits(subset, embedder, evidence=source.corpus, settings=settings)
        if source.corpus is not None:
            index_names = Checker(source.corpus, settings, embedder=embedder).index.names
            learned.names = rules.names = index_names or learned.names
        cases = [Claim(c.id, "eval", c.claim, 0, (Span(0, len(c.claim)),), 1.0)
                 for c in subset.cases]
        rows += judged_rows(cases, hits, [c.label for c in subset.cases], learned, rules)
        sources[f"{name} held-out half 0"] = len(cases)
        print(f"{name}: {len(cases)} cases", file=sys.stderr, flush=True)

    calibration = fit_calibration(rows, {
        "fitted_on": sources,
        "command": "python benchmarks/fit_calibration.py" + (
            f" --limit {args.limit}" if args.limit != 500 else "") + "".join(
            f" --mutate {p}" for p in args.mutate) + "".join(
            f" --gold {p}" for p in args.gold) + "".join(f" --real {r}" for r in args.real),
        "method": "Platt scaling per route and label (ridge 1 towards the raw score)",
    })
    save_calibration(calibration, args.out)
    print(json.dumps(calibration.to_json()["metadata"], indent=1))
    print(f"wrote {args.out} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
