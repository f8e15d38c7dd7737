"""The topic sets (benchmarks/topics, heldout, heldout2, heldout4, heldout5, heldout6 and heldout8:
tuned on after their first run; benchmarks/heldout3: never tuned on; heldout7, heldout9: half
tuned on; heldout10 to heldout19: scored once, then half tuned on; heldout20: scored once, then
half tuned on; heldout21: scored with the start and the end code of a session, then half tuned on;
heldout22: scored with the start and the end code of a session, tuned on in the next;
heldout23, heldout24 and heldout25: scored once, then half tuned on; heldout26: tuned on in the
next session; heldout27: scored before and after a session's work, then tuned on; heldout28:
scored before and after a session's work, then tuned on in the next; heldout29 to
heldout33: never read; heldout34: scored once, then trained and tuned on; heldout35: scored
once, then read and tuned on; heldout36: never read; heldout37: scored once, then read and
tuned on; heldout38: never read; heldout39: scored once, then read and tuned on;
heldout40: never read; heldout41: scored once, then read and tuned on; heldout42: never read;
heldout43: scored once, then read and tuned on; heldout44: never read; heldout45: scored
once, then read and tuned on; heldout46: never read; heldout47: scored once, then read and
tuned on; heldout48: never read; heldout49: scored once, then read and tuned on;
heldout50: never read; heldout51: scored once, then read and tuned on;
heldout52: never read; heldout53: scored once, then read and tuned on; heldout54: never read;
heldout55: scored once, then read and tuned on; heldout56: never read;
heldout57: scored once, then read and tuned on; heldout58: never read;
heldout59: scored once, then read and tuned on; heldout60: never read;
heldout61: scored once, then read and tuned on; heldout62: never read;
heldout63: scored once, then read and tuned on; heldout64: never read;
heldout65: scored once, then read and tuned on; heldout66: never read;
heldout67: scored once, then read and tuned on; heldout68: never read),
each gold file checked against its topics' corpora."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from factcheck.pipeline import Checker
from factcheck.records import Claim, Label, Span
from factcheck.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SETS = {"topics": (REPO / "benchmarks" / "topics", "t-"),
        "heldout": (REPO / "benchmarks" / "heldout", "h-"),
        "heldout2": (REPO / "benchmarks" / "heldout2", "u-"),
        "heldout3": (REPO / "benchmarks" / "heldout3", "v-"),
        "heldout4": (REPO / "benchmarks" / "heldout4", "w-"),
        "heldout5": (REPO / "benchmarks" / "heldout5", "x-"),
        "heldout6": (REPO / "benchmarks" / "heldout6", "y-"),
        "heldout7": (REPO / "benchmarks" / "heldout7", "z-"),
        "heldout8": (REPO / "benchmarks" / "heldout8", "k-"),
        "heldout9": (REPO / "benchmarks" / "heldout9", "m-"),
        "heldout10": (REPO / "benchmarks" / "heldout10", "n-"),
        "heldout11": (REPO / "benchmarks" / "heldout11", "p-"),
        "heldout12": (REPO / "benchmarks" / "heldout12", "q-"),
        "heldout13": (REPO / "benchmarks" / "heldout13", "r-"),
        "heldout14": (REPO / "benchmarks" / "heldout14", "s-"),
        "heldout15": (REPO / "benchmarks" / "heldout15", "j-"),
        "heldout16": (REPO / "benchmarks" / "heldout16", "g-"),
        "heldout17": (REPO / "benchmarks" / "heldout17", "b-"),
        "heldout18": (REPO / "benchmarks" / "heldout18", "c-"),
        "heldout19": (REPO / "benchmarks" / "heldout19", "d-"),
        "heldout20": (REPO / "benchmarks" / "heldout20", "e-"),
        "heldout21": (REPO / "benchmarks" / "heldout21", "f-"),
        "heldout22": (REPO / "benchmarks" / "heldout22", "a-"),
        "heldout23": (REPO / "benchmarks" / "heldout23", "i-"),
        "heldout24": (REPO / "benchmarks" / "heldout24", "o-"),
        "heldout25": (REPO / "benchmarks" / "heldout25", "l-"),
        "heldout26": (REPO / "benchmarks" / "heldout26", "ab-"),
        "heldout27": (REPO / "benchmarks" / "heldout27", "ac-"),
        "heldout28": (REPO / "benchmarks" / "heldout28", "ad-"),
        "heldout29": (REPO / "benchmarks" / "heldout29", "ae-"),
        "heldout30": (REPO / "benchmarks" / "heldout30", "af-"),
        "heldout31": (REPO / "benchmarks" / "heldout31", "ag-"),
        "heldout32": (REPO / "benchmarks" / "heldout32", "ah-"),
        "heldout33": (REPO / "benchmarks" / "heldout33", "ai-"),
        "heldout34": (REPO / "benchmarks" / "heldout34", "aj-"),
        "heldout35": (REPO / "benchmarks" / "heldout35", "ak-"),
        "heldout36": (REPO / "benchmarks" / "heldout36", "al-"),
        "heldout37": (REPO / "benchmarks" / "heldout37", "am-"),
        "heldout38": (REPO / "benchmarks" / "heldout38", "an-"),
        "heldout39": (REPO / "benchmarks" / "heldout39", "ao-"),
        "heldout40": (REPO / "benchmarks" / "heldout40", "ap-"),
        "heldout41": (REPO / "benchmarks" / "heldout41", "aq-"),
        "heldout42": (REPO / "benchmarks" / "heldout42", "ar-"),
        "heldout43": (REPO / "benchmarks" / "heldout43", "as-"),
        "heldout44": (REPO / "benchmarks" / "heldout44", "at-"),
        "heldout45": (REPO / "benchmarks" / "heldout45", "au-"),
        "heldout46": (REPO / "benchmarks" / "heldout46", "av-"),
        "heldout47": (REPO / "benchmarks" / "heldout47", "aw-"),
        "heldout48": (REPO / "benchmarks" / "heldout48", "ax-"),
        "heldout49": (REPO / "benchmarks" / "heldout49", "ay-"),
        "heldout50": (REPO / "benchmarks" / "heldout50", "az-"),
        "heldout51": (REPO / "benchmarks" / "heldout51", "ba-"),
        "heldout52": (REPO / "benchmarks" / "heldout52", "bb-"),
        "heldout53": (REPO / "benchmarks" / "heldout53", "bc-"),
        "heldout54": (REPO / "benchmarks" / "heldout54", "bd-"),
        "heldout55": (REPO / "benchmarks" / "heldout55", "be-"),
        "heldout56": (REPO / "benchmarks" / "heldout56", "bf-"),
        "heldout57": (REPO / "benchmarks" / "heldout57", "bg-"),
        "heldout58": (REPO / "benchmarks" / "heldout58", "bh-"),
        "heldout59": (REPO / "benchmarks" / "heldout59", "bi-"),
        "heldout60": (REPO / "benchmarks" / "heldout60", "bj-"),
        "heldout61": (REPO / "benchmarks" / "heldout61", "bk-"),
        "heldout62": (REPO / "benchmarks" / "heldout62", "bl-"),
        "heldout63": (REPO / "benchmarks" / "heldout63", "bm-"),
        "heldout64": (REPO / "benchmarks" / "heldout64", "bn-"),
        "heldout65": (REPO / "benchmarks" / "heldout65", "bo-"),
        "heldout66": (REPO / "benchmarks" / "heldout66", "bp-"),
        "heldout67": (REPO / "benchmarks" / "heldout67", "bq-"),
        "heldout68": (REPO / "benchmarks" / "heldout68", "br-")}
ERROR_CLASSES = {"figure", "other-measure", "date", "place", "person", "org", "direction",
                 "qualifier", "negation"}
CLASSES = ERROR_CLASSES | {"restatement", "uncovered"}
CLASS_LABEL = {"restatement": "supported", "uncovered": "unverified"}


def load_gold(root: Path) -> list[dict]:
    path = root / "gold.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def load_corpus(root: Path, topic: str) -> list[dict]:
    path = root / topic / "evidence.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("name", sorted(SETS))
def test_topic_corpora_are_well_formed(name: str):
    root, _ = SETS[name]
    topics = sorted(p.parent.name for p in root.glob("*/evidence.jsonl"))
    assert len(topics) >= 4
    for topic in topics:
        passages = load_corpus(root, topic)
        assert 12 <= len(passages) <= 20, topic
        ids = [p["id"] for p in passages]
        assert len(ids) == len(set(ids)), topic
        for passage in passages:
            assert passage["id"].startswith(f"{topic}-"), passage["id"]
            assert passage["text"] and passage["source"], passage["id"]
            assert passage["url"].startswith(("https://", "http://")), passage["id"]
            if "published" in passage:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", passage["published"]), passage["id"]
        article = (root / topic / "article.txt").read_text(encoding="utf-8").splitlines()
        assert article[0].strip() and not article[1].strip(), f"{topic}: headline, blank line"


@pytest.mark.parametrize("name", sorted(SETS))
def test_topics_gold_file_is_well_formed(name: str):
    root, prefix = SETS[name]
    gold = load_gold(root)
    assert len(gold) >= 50
    assert len({item["id"] for item in gold}) == len(gold)
    corpora = {}
    for item in gold:
        topic = item["topic"]
        assert item["id"].startswith(f"{prefix}{topic}-"), item["id"]
        assert item["article"] == f"{topic}/article.txt", item["id"]
        assert (root / item["article"]).is_file(), item["id"]
        Label(item["label"])
        assert item["class"] in CLASSES, item["id"]
        expected = CLASS_LABEL.get(item["class"], "contradicted")
        assert item["label"] == expected, f"{item['id']}: class {item['class']} is {expected}"
        if topic not in corpora:
            corpora[topic] = {p["id"] for p in load_corpus(root, topic)}
        for passage_id in item["evidence"]:
            assert passage_id in corpora[topic], f"{item['id']}: no passage {passage_id}"
        # a planted error names the passage it contradicts; an uncovered claim names none
        assert bool(item["evidence"]) == (item["class"] != "uncovered"), item["id"]
        assert item["claim"].strip() and item["note"].strip(), item["id"]
    classes = Counter(item["class"] for item in gold)
    assert set(classes) == CLASSES, CLASSES - set(classes)
    assert sum(classes[c] for c in ERROR_CLASSES) >= 0.4 * len(gold)
    assert classes["restatement"] >= 0.25 * len(gold)
    assert classes["uncovered"] >= 0.15 * len(gold)


# Floors a regression would cross; the scores themselves are in the sets' READMEs.
FLOORS = {"topics": 0.85, "heldout": 0.7, "heldout2": 0.55, "heldout3": 0.55, "heldout4": 0.55,
          "heldout5": 0.6, "heldout6": 0.7, "heldout7": 0.5, "heldout8": 0.7,
          "heldout9": 0.5, "heldout10": 0.55, "heldout11": 0.55, "heldout12": 0.55,
          "heldout13": 0.6, "heldout14": 0.55, "heldout15": 0.55, "heldout16": 0.55,
          "heldout17": 0.45, "heldout18": 0.65, "heldout19": 0.6,
          "heldout20": 0.55, "heldout21": 0.55, "heldout22": 0.75, "heldout23": 0.55,
          "heldout24": 0.55, "heldout25": 0.55,
          "heldout26": 0.6, "heldout27": 0.6, "heldout28": 0.65,
          "heldout29": 0.55, "heldout30": 0.55, "heldout31": 0.6, "heldout32": 0.55,
          "heldout33": 0.55, "heldout34": 0.55, "heldout35": 0.6, "heldout36": 0.6,
          "heldout37": 0.6, "heldout38": 0.6, "heldout39": 0.6,
          # (the rules judge's first run on heldout40 was 0.47)
          "heldout40": 0.45,
          # (the rules judge's first runs: heldout41 0.62, heldout42 0.55)
          "heldout41": 0.55, "heldout42": 0.5,
          # (the rules judge's first runs: heldout43 0.71, heldout44 0.68)
          "heldout43": 0.6, "heldout44": 0.6,
          # (the rules judge's first runs: heldout45 0.61, heldout46 0.62)
          "heldout45": 0.55, "heldout46": 0.55,
          # (the rules judge's first runs: heldout47 0.62, heldout48 0.62)
          "heldout47": 0.55, "heldout48": 0.55,
          # (the rules judge's first runs: heldout49 0.50, heldout50 0.54)
          # (the rules judge's first runs: heldout51 0.55, heldout52 0.57)
          # (the rules judge's first runs: heldout53 0.53, heldout54 0.53)
          "heldout49": 0.45, "heldout50": 0.5, "heldout51": 0.5, "heldout52": 0.5,
          "heldout53": 0.45, "heldout54": 0.45,
          # (the rules judge's first runs: heldout55 0.62, heldout56 0.59)
          "heldout55": 0.5, "heldout56": 0.5,
          # (the rules judge's first runs: heldout57 0.61, heldout58 0.49)
          "heldout57": 0.5, "heldout58": 0.4,
          # (the rules judge's first runs: heldout59 0.54, heldout60 0.53)
          "heldout59": 0.45, "heldout60": 0.45,
          # (the rules judge's first runs: heldout61 0.51, heldout62 0.58)
          "heldout61": 0.45, "heldout62": 0.45,
          # (the rules judge's first runs: heldout63 0.61, heldout64 0.57)
          "heldout63": 0.5, "heldout64": 0.45,
          # (the rules judge's first runs: heldout65 0.68, heldout66 0.64)
          "heldout65": 0.55, "heldout66": 0.5,
          # (the rules judge's first runs: heldout67 0.67, heldout68 0.54)
          "heldout67": 0.55, "heldout68": 0.45}


@pytest.mark.integration
@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("judge", ["learned", "rules"])
def test_judge_on_topics_gold(real_embedder, tmp_path: Path, judge: str, name: str):
    root, _ = SETS[name]
    gold = load_gold(root)
    right = 0
    caught = Counter()
    for topic in sorted({item["topic"] for item in gold}):
        items = [item for item in gold if item["topic"] == topic]
        checker = Checker(root / topic / "evidence.jsonl",
                          Settings(cache_dir=tmp_path, judge=judge), embedder=real_embedder)
        claims = [Claim(item["id"], item["article"], item["claim"], 0,
                        (Span(0, len(item["claim"])),), 1.0) for item in items]
        for item, verdict in zip(items, checker.check_claims(claims), strict=True):
            if verdict.label.value == item["label"]:
                right += 1
                caught[item["class"]] += 1
            else:
                print(f"MISS {item['id']} [{item['class']}]: gold {item['label']}, got "
                      f"{verdict.label.value} ({verdict.confidence:.2f}) - {item['claim']}\n"
                      f"    {verdict.rationale}")
    accuracy = right / len(gold)
    totals = Counter(item["class"] for item in gold)
    print(f"{name} gold accuracy ({judge}): {accuracy:.1%} ({right}/{len(gold)}); per class: "
          + ", ".join(f"{c} {caught[c]}/{totals[c]}" for c in sorted(totals)))
    assert accuracy >= FLOORS[name]
