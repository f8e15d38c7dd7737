"""The demo gold file: hand-labelled claims from claims/*.txt, checked against evidence/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from factcheck.pipeline import Checker
from factcheck.records import Claim, Label, Span
from factcheck.settings import Settings

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "claims" / "gold.jsonl"


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def test_gold_file_is_well_formed():
    gold = load_gold()
    assert len(gold) >= 30
    articles = {p.name for p in (REPO / "claims").glob("*.txt")}
    for item in gold:
        assert item["article"] in articles, item["id"]
        Label(item["label"])


@pytest.mark.integration
@pytest.mark.parametrize("judge", ["learned", "rules"])
def test_each_judge_gets_at_least_90_percent_of_gold_labels(real_embedder, tmp_path: Path,
                                                            judge: str):
    gold = load_gold()
    checker = Checker(REPO / "evidence", Settings(cache_dir=tmp_path, judge=judge),
                      embedder=real_embedder)
    claims = [Claim(item["id"], item["article"], item["claim"], 0,
                    (Span(0, len(item["claim"])),), 1.0) for item in gold]
    verdicts = checker.check_claims(claims)
    misses = [(item, v) for item, v in zip(gold, verdicts, strict=True)
              if v.label.value != item["label"]]
    for item, verdict in misses:
        print(f"MISS {item['id']}: gold {item['label']}, got {verdict.label.value} "
              f"({verdict.confidence:.2f}) - {item['claim']}\n    {verdict.rationale}")
    accuracy = 1 - len(misses) / len(gold)
    print(f"gold accuracy: {accuracy:.1%} ({len(gold) - len(misses)}/{len(gold)})")
    assert accuracy >= 0.9


def _words(text: str) -> set[str]:
    from factcheck.text import STOPWORDS

    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS}


@pytest.mark.integration
def test_end_to_end_from_articles_matches_gold(real_embedder, tmp_path: Path):
    """Split the demo articles ourselves, then judge: the gold claims are found and labelled."""
    from factcheck.inputs.articles import load_article

    gold = load_gold()
    checker = Checker(REPO / "evidence", Settings(cache_dir=tmp_path), embedder=real_embedder)
    verdicts = {name: checker.check_article(load_article(REPO / "claims" / name)).verdicts
                for name in sorted({item["article"] for item in gold})}
    found = right = 0
    for item in gold:
        target = _words(item["claim"])
        best = max(verdicts[item["article"]], key=lambda v: _jaccard(_words(v.claim.text), target))
        if _jaccard(_words(best.claim.text), target) < 0.5:
            print(f"NOT EXTRACTED {item['id']}: {item['claim']}")
            continue
        found += 1
        if best.label.value == item["label"]:
            right += 1
        else:
            print(f"MISS {item['id']}: gold {item['label']}, got {best.label.value} - "
                  f"{best.claim.text}\n    {best.rationale}")
    print(f"extracted {found}/{len(gold)} gold claims; labelled {right}/{found} right")
    assert found >= 0.85 * len(gold)
    assert right >= 0.8 * found


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0
