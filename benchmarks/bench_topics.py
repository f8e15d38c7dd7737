"""Held-out topics benchmark: the judge on ``benchmarks/topics`` (topics the project never saw).

Run ``python benchmarks/bench_topics.py`` from the project root. For every topic folder under
``benchmarks/topics`` (``evidence.jsonl`` + ``article.txt``) and every judge asked for, it scores

* judge only: the gold claim texts of ``benchmarks/topics/gold.jsonl``, checked against that
  topic's corpus: accuracy, macro-F1, and per gold class (restatement, figure, date, ...) how many
  came out supported / contradicted / unverified;
* end to end: the topic's article split by the pipeline; each gold claim is matched to the
  extracted claim with the highest word Jaccard (>= 0.5, as in ``tests/test_gold.py``), and the
  matched verdict is compared with the gold label.

It prints one table per judge; ``--json FILE`` also writes every number and every verdict.
Only the public library API is used (the imports below), so the script survives refactorings by
editing that one block.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from factcheck.inputs.articles import load_article
from factcheck.pipeline import Checker
from factcheck.records import Claim, Label, Span
from factcheck.settings import Settings
from factcheck.text import STOPWORDS
from factcheck.training.evaluate import expected_calibration_error, score

REPO = Path(__file__).resolve().parents[1]
TOPICS = REPO / "benchmarks" / "topics"
LABELS = [label.value for label in Label]
ERROR_CLASSES = ["figure", "other-measure", "date", "place", "person", "org", "direction",
                 "qualifier", "negation"]
CLASSES = ["restatement", *ERROR_CLASSES, "uncovered"]
MATCH = 0.5


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold items of a topic set's ``gold.jsonl``."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def gold_claims(items: list[dict[str, Any]]) -> list[Claim]:
    """Gold items as claims to judge on their own (the whole text, no article around it)."""
    return [Claim(item["id"], item["article"], item["claim"], 0,
                  (Span(0, len(item["claim"])),), 1.0) for item in items]


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-F1 of ``(gold, predicted)`` label pairs, as ``factcheck eval`` computes it."""
    return score([Label(g) for g, _ in pairs], [Label(p) for _, p in pairs]).macro_f1


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, macro-F1 and the per-class outcome counts of judged gold rows."""
    pairs = [(r["label"], r["predicted"]) for r in rows]
    by_class: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        by_class[row["class"]][row["predicted"]] += 1
    errors = [r for r in rows if r["class"] in ERROR_CLASSES]
    return {
        "n": len(rows),
        "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
        "macro_f1": macro_f1(pairs),
        "errors_caught": sum(r["predicted"] == "contradicted" for r in errors),
        "errors_missed": sum(r["predicted"] != "contradicted" for r in errors),
        "errors": len(errors),
        "restatements_supported": by_class["restatement"]["supported"],
        "restatements": sum(by_class["restatement"].values()),
        "uncovered_unverified": by_class["uncovered"]["unverified"],
        "uncovered": sum(by_class["uncovered"].values()),
        "false_contradictions": sum(r["predicted"] == "contradicted"
                                    and r["label"] != "contradicted" for r in rows),
        "by_class": {c: dict(by_class[c]) for c in CLASSES if c in by_class},
    }


def run_topic(root: Path, topic: str, gold: list[dict[str, Any]], settings: Settings,
              end_to_end: bool) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Judge the gold claims of one topic (folder ``root/topic``), and its article end to end."""
    checker = Checker(root / topic / "evidence.jsonl", settings)
    claims = gold_claims(gold)
    rows = []
    for item, verdict in zip(gold, checker.check_claims(claims), strict=True):
        rows.append({**item, "predicted": verdict.label.value,
                     "confidence": round(verdict.confidence, 3), "rationale": verdict.rationale})
    e2e: dict[str, Any] = {}
    if end_to_end:
        verdicts = checker.check_article(load_article(root / topic / "article.txt")).verdicts
        found = right = 0
        matches = []
        for item in gold:
            target = words(item["claim"])
            best = max(verdicts, key=lambda v: jaccard(words(v.claim.text), target), default=None)
            score = jaccard(words(best.claim.text), target) if best else 0.0
            if best is None or score < MATCH:
                matches.append({"id": item["id"], "extracted": None})
                continue
            found += 1
            right += best.label.value == item["label"]
            matches.append({"id": item["id"], "extracted": best.claim.text,
                            "predicted": best.label.value, "jaccard": round(score, 3)})
        e2e = {"claims_extracted": len(verdicts), "gold": len(gold), "found": found,
               "right": right, "matches": matches}
    return rows, e2e


def format_table(judge: str, per_topic: dict[str, dict[str, Any]], total: dict[str, Any]) -> str:
    head = (f"{'topic':<26}{'n':>4}{'acc':>7}{'mF1':>7}{'caught':>9}{'restated':>10}"
            f"{'uncov':>8}{'falseC':>8}{'e2e found':>11}{'e2e right':>11}")
    lines = [f"judge: {judge}  (caught = planted errors judged contradicted; restated = "
             "restatements judged supported; uncov = uncovered judged unverified; falseC = "
             "non-errors judged contradicted)", head]
    for name, s in [*per_topic.items(), ("ALL", total)]:
        e2e = s.get("e2e") or {}
        found = f"{e2e['found']}/{e2e['gold']}" if e2e else "-"
        right = f"{e2e['right']}/{e2e['found']}" if e2e else "-"
        lines.append(f"{name:<26}{s['n']:>4}{s['accuracy']:>7.2f}{s['macro_f1']:>7.3f}"
                     f"{s['errors_caught']:>5}/{s['errors']:<3}"
                     f"{s['restatements_supported']:>6}/{s['restatements']:<3}"
                     f"{s['uncovered_unverified']:>4}/{s['uncovered']:<3}"
                     f"{s['false_contradictions']:>8}{found:>11}{right:>11}")
    lines.append("")
    lines.append(f"{'gold class':<16}{'n':>4}" + "".join(f"{label:>14}" for label in LABELS))
    for cls in CLASSES:
        counts = total["by_class"].get(cls)
        if counts:
            lines.append(f"{cls:<16}{sum(counts.values()):>4}"
                         + "".join(f"{counts.get(label, 0):>14}" for label in LABELS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=TOPICS / "gold.jsonl",
                        help="gold file; its topics are the folders beside it (default "
                             "benchmarks/topics/gold.jsonl; the second held-out set is "
                             "benchmarks/heldout/gold.jsonl)")
    parser.add_argument("--judge", default="learned",
                        help="comma-separated judges (default learned; e.g. learned,rules)")
    parser.add_argument("--topics", default="", help="comma-separated topic names (default all)")
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/fc-topics-cache"),
                        help="embedding cache (default /tmp/fc-topics-cache)")
    parser.add_argument("--no-e2e", action="store_true", help="skip the end-to-end article run")
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    parser.add_argument("--json", type=Path, default=None, help="also write every number here")
    args = parser.parse_args(argv)

    gold = load_gold(args.gold)
    topics = sorted({item["topic"] for item in gold})
    if args.topics:
        wanted = set(args.topics.split(","))
        topics = [t for t in topics if t in wanted]
    report: dict[str, Any] = {"gold": str(args.gold), "judges": {}}
    for judge in [j for j in args.judge.split(",") if j]:
        settings = Settings(cache_dir=args.cache_dir, judge=judge)
        per_topic: dict[str, dict[str, Any]] = {}
        all_rows: list[dict[str, Any]] = []
        found = right = gold_n = extracted = 0
        for topic in topics:
            items = [item for item in gold if item["topic"] == topic]
            rows, e2e = run_topic(args.gold.parent, topic, items, settings,
                                  end_to_end=not args.no_e2e)
            all_rows += rows
            per_topic[topic] = {**summarize(rows), "e2e": e2e}
            if e2e:
                found, right = found + e2e["found"], right + e2e["right"]
                gold_n, extracted = gold_n + e2e["gold"], extracted + e2e["claims_extracted"]
            if args.verbose:
                for row in rows:
                    if row["predicted"] != row["label"]:
                        print(f"MISS {row['id']} [{row['class']}]: gold {row['label']}, got "
                              f"{row['predicted']} - {row['claim']}\n    {row['rationale']}",
                              file=sys.stderr)
        total = summarize(all_rows)
        if not args.no_e2e:
            total["e2e"] = {"found": found, "right": right, "gold": gold_n,
                            "claims_extracted": extracted}
        total["ece"] = expected_calibration_error(
            [row["confidence"] for row in all_rows],
            [row["predicted"] == row["label"] for row in all_rows])
        print(format_table(judge, per_topic, total))
        print(f"ECE of the judge-only verdicts: {total['ece']:.3f}")
        print()
        report["judges"][judge] = {"total": total, "topics": per_topic, "rows": all_rows}
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
