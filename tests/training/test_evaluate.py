"""Evaluation: reading claims and pairs files, scoring verdicts, the `factcheck eval` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.judging.rules import RulesJudge
from factcheck.records import Label
from factcheck.settings import Settings
from factcheck.training.evaluate import (
    DatasetError,
    PairCase,
    evaluate,
    load_cases,
    pair_hits,
    score,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "datasets"
S, C, U = Label.SUPPORTED, Label.CONTRADICTED, Label.UNVERIFIED

PAIRS = [
    {"id": "p1", "claim": "Xiaomi's car team has more than 2,300 members.",
     "evidence": "Xiaomi's car research and development team has more than 2,300 members.",
     "label": "supported"},
    {"id": "p2", "claim": "Xiaomi's car team has 900 members.",
     "evidence": "Xiaomi's car research and development team has more than 2,300 members.",
     "label": "contradicted"},
    {"id": "p3", "claim": "The weather in Paris was sunny on Tuesday.",
     "evidence": "Sony showed the Vision-S concept car at CES 2020.", "label": "unverified"},
]
CLAIMS = [
    {"id": "g1", "claim": "Xiaomi's car research and development team has more than 2,300 "
     "members.", "label": "supported", "evidence": ["team"], "article": "a.txt"},
    {"id": "g2", "claim": "Xiaomi's car research and development team has 900 members.",
     "label": "contradicted", "evidence": ["team"]},
    {"id": "g3", "claim": "The weather in Paris was sunny on Tuesday.", "label": "unverified"},
]


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_kind_of_file_is_recognised(tmp_path: Path):
    pairs = load_cases(write(tmp_path / "pairs.jsonl", PAIRS))
    claims = load_cases(write(tmp_path / "claims.jsonl", CLAIMS))
    assert pairs.kind == "pairs" and claims.kind == "claims"
    assert isinstance(pairs.cases[0], PairCase)
    assert claims.cases[0].gold_evidence == ("team",) and claims.cases[0].article == "a.txt"
    assert claims.cases[2].gold_evidence == ()
    assert [c.label for c in claims.cases] == [S, C, U]
    assert claims.subset({"g3"}).cases == (claims.cases[2],)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: invalid JSON"),
        ('{"id": "x", "claim": "c"}', "line 2: missing or empty field 'label'"),
        ('{"id": "x", "claim": "c", "label": "true"}', "label 'true' is not one of"),
        ('{"id": "p1", "claim": "c", "label": "supported", "evidence": "e"}',
         "line 2: duplicate id 'p1'"),
        ('{"id": "x", "claim": "c", "label": "supported", "evidence": ["a"]}',
         "must be the passage text in a pairs file"),
    ],
)
def test_malformed_lines_are_named(tmp_path: Path, line: str, message: str):
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(PAIRS[0]) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match=message):
        load_cases(path)


def test_missing_and_empty_files(tmp_path: Path):
    with pytest.raises(DatasetError, match="no such file"):
        load_cases(tmp_path / "nope.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(DatasetError, match="no records"):
        load_cases(tmp_path / "empty.jsonl")


def test_scores_by_hand():
    gold = [S, S, S, C, C, U]
    predicted = [S, S, C, C, U, U]
    scores = score(gold, predicted, seconds=2.0)
    assert scores.n == 6 and scores.accuracy == pytest.approx(4 / 6)
    assert scores.confusion[S] == {S: 2, C: 1, U: 0}
    supported = scores.per_label[S]
    assert supported.precision == 1.0 and supported.support == 3
    assert supported.recall == pytest.approx(2 / 3)
    f1 = {S: 0.8, C: 0.5, U: 2 / 3}
    assert scores.macro_f1 == pytest.approx(sum(f1.values()) / 3)
    assert scores.claims_per_second == 3.0
    data = scores.to_dict()
    assert data["per_label"]["supported"]["support"] == 3
    assert data["confusion"]["contradicted"] == {"supported": 0, "contradicted": 1,
                                                 "unverified": 1}


def test_macro_f1_skips_a_label_neither_gold_nor_predicted():
    assert score([S, C], [S, C]).macro_f1 == 1.0
    assert score([S, C], [S, U]).macro_f1 == pytest.approx(1 / 3)


def test_pairs_become_rank_one_hits(fake_embedder, tmp_path: Path):
    cases = load_cases(write(tmp_path / "pairs.jsonl", PAIRS)).cases
    hits = pair_hits(cases, fake_embedder, cache_dir=None,  # type: ignore[arg-type]
                     lexical_weight=Settings().lexical_weight)
    assert [len(h) for h in hits] == [1, 1, 1]
    first = hits[0][0]
    assert first.rank == 1 and first.passage.text == PAIRS[0]["evidence"]
    assert first.dense > hits[2][0].dense
    assert first.score == pytest.approx(0.7 * first.dense + 0.3 * first.lexical)


def test_evaluate_pairs_with_the_rules_judge(fake_embedder, tmp_path: Path):
    eval_set = load_cases(write(tmp_path / "pairs.jsonl", PAIRS))
    evaluation = evaluate(eval_set, RulesJudge(), fake_embedder,
                          settings=Settings(cache_dir=tmp_path / "cache"))
    assert [v.label for v in evaluation.verdicts] == [S, C, U]
    assert evaluation.scores.accuracy == 1.0 and evaluation.scores.evidence_recall is None
    assert evaluation.to_dict()["judge"] == "rules"


def test_evaluation_as_frames(fake_embedder, tmp_path: Path):
    eval_set = load_cases(write(tmp_path / "pairs.jsonl", PAIRS))
    evaluation = evaluate(eval_set, RulesJudge(), fake_embedder,
                          settings=Settings(cache_dir=tmp_path / "cache"))
    cases = evaluation.to_frame()
    assert list(cases.columns) == ["id", "claim", "gold", "predicted", "correct", "confidence",
                                   "rationale"]
    assert list(cases["predicted"]) == ["supported", "contradicted", "unverified"]
    assert cases["correct"].all()
    confusion = evaluation.confusion_frame()
    assert list(confusion.index) == list(confusion.columns) == [
        "supported", "contradicted", "unverified"]
    assert confusion.to_numpy().trace() == 3 and confusion.to_numpy().sum() == 3
    assert list(evaluation.per_label_frame()["recall"]) == [1.0, 1.0, 1.0]
    assert "accuracy" in str(evaluation)


def test_evaluate_claims_end_to_end_with_evidence_recall(fake_embedder, tmp_path: Path,
                                                         tiny_corpus_dir: Path):
    eval_set = load_cases(write(tmp_path / "claims.jsonl", CLAIMS))
    evaluation = evaluate(eval_set, RulesJudge(), fake_embedder, evidence=tiny_corpus_dir,
                          settings=Settings(cache_dir=tmp_path / "cache"))
    assert [v.label for v in evaluation.verdicts] == [S, C, U]
    assert evaluation.scores.evidence_recall == 1.0
    with pytest.raises(DatasetError, match="--evidence"):
        evaluate(eval_set, RulesJudge(), fake_embedder)


# --- the command ---------------------------------------------------------------------------------

runner = CliRunner()




@pytest.mark.slow
def test_eval_prints_json_with_the_promised_keys(offline_fake_model, tmp_path: Path,
                                                  tiny_corpus_dir: Path):
    path = write(tmp_path / "claims.jsonl", CLAIMS)
    result = runner.invoke(app, ["eval", str(path), "--evidence", str(tiny_corpus_dir),
                                 "--judge", "rules", "--json", "--cache-dir",
                                 str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.strip().splitlines()[-1])
    assert {"accuracy", "macro_f1", "per_label", "confusion", "n", "claims_per_second",
            "evidence_recall"} <= set(data)
    assert data["n"] == 3 and data["accuracy"] == 1.0 and data["judge"] == "rules"


@pytest.mark.slow
def test_eval_prints_a_readable_report(offline_fake_model, tmp_path: Path):
    path = write(tmp_path / "pairs.jsonl", PAIRS)
    result = runner.invoke(app, ["eval", str(path), "--judge", "rules",
                                 "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    for text in ("accuracy", "macro-F1", "precision", "confusion", "claims/s", "unverified"):
        assert text in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["{claims}"], "pass --evidence CORPUS"),
     (["{claims}", "--judge", "oracle"], "unknown judge 'oracle'"),
     (["{missing}"], "no such file")],
)
def test_eval_usage_errors(offline_fake_model, tmp_path: Path, args, message):
    claims = write(tmp_path / "claims.jsonl", CLAIMS)
    args = [a.format(claims=claims, missing=tmp_path / "missing.jsonl") for a in args]
    result = runner.invoke(app, ["eval", *args])
    assert result.exit_code == 1
    assert message in result.output


def test_eval_help_ends_with_an_example():
    assert "Example: factcheck eval" in runner.invoke(app, ["eval", "--help"]).output


# --- the shared development sets (skipped when absent) ------------------------------------------


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/datasets is not present")
@pytest.mark.parametrize("name", ["covidfact/claims.jsonl", "covidfact/pairs.jsonl",
                                  "healthver-dev/pairs.jsonl", "nli/conjnli-dev.jsonl"])
def test_shared_sets_load(name: str):
    path = SHARED / name
    if not path.is_file():
        pytest.skip(f"{name} is not present")
    eval_set = load_cases(path)
    assert eval_set.kind == ("claims" if name.endswith("claims.jsonl") else "pairs")
    assert {c.label for c in eval_set.cases} <= set(Label)
