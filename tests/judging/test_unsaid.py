"""The unsaid-slot model: file format, the shipped model, its decisions, and its fit."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from factcheck.errors import ModelError
from factcheck.judging.learned import LearnedJudge, load_model
from factcheck.judging.unsaid import (
    UNSAID_FEATURES,
    UNSAID_LABELS,
    UnsaidModel,
    choose_label,
    default_unsaid_path,
    load_unsaid,
    save_unsaid,
)
from factcheck.records import Claim, Hit, Label, Passage, Span
from factcheck.training.unsaid import fit_unsaid, unsaid_row

MINISTRY = "A unit of a state carmaker applied to the industry ministry for approval to build cars."
# (with an organisation the claim does not name: one could stand in Dongfeng's place)
MINISTRY_TOLD = (MINISTRY[:-1] + ", the China Association of Automobile Manufacturers said.")
RECEIVED = "The industry ministry received an application from a carmaker for approval."
DONGFENG = "A unit of Dongfeng applied to the industry ministry for approval to build cars."
TEAM = "Xiaomi's car research and development team has more than 2,300 members."


def claim(text: str) -> Claim:
    return Claim("a-c01", "a", text, 0, (Span(0, len(text)),), 0.9)


def hit(text: str, dense: float = 0.85) -> Hit:
    passage = Passage("p1", text, "Reuters", None, None, "2021-11-27", "t:1")
    return Hit(passage, 1, 0.7 * dense + 0.15, dense, 0.5)


def leaning(label: Label, floor: float = 0.0) -> UnsaidModel:
    """The shipped model with its bias pushed so far that it prefers ``label``."""
    model = load_unsaid()
    assert model is not None
    bias = np.full(len(UNSAID_LABELS), -50.0)
    bias[UNSAID_LABELS.index(label)] = 50.0
    return replace(model, bias=bias, min_supported=floor, min_contradicted=floor)


def test_the_shipped_model_reads_what_this_version_computes():
    data = json.loads(default_unsaid_path().read_text(encoding="utf-8"))
    assert data["features"] == list(UNSAID_FEATURES)
    meta = data["metadata"]
    assert meta["command"].startswith("python benchmarks/fit_unsaid.py")
    # the calibration's topics and the sets kept for final measurements are not trained on
    assert "wayanad-landslides-2024" in meta["excluded_topics"]
    assert not any("heldout29" in name or "heldout30" in name for name in meta["fitted_on"])
    cv = meta["cross_validation"]
    assert cv["chosen"]["right"] > cv["always_unverified"]  # it beats the rule it replaces
    model = load_unsaid()
    assert model is not None and model.weights.shape == (3, len(UNSAID_FEATURES))


def test_a_model_file_round_trips_and_a_bad_one_names_itself(tmp_path: Path):
    model = load_unsaid()
    assert model is not None
    path = tmp_path / "u.json"
    save_unsaid(model, path)
    again = load_unsaid(path)
    assert again is not None and np.allclose(again.weights, model.weights, rtol=1e-5)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "features": data["features"][:-1]}), encoding="utf-8")
    with pytest.raises(ModelError, match="u.json.*fit_unsaid"):
        load_unsaid(path)
    path.write_text("{", encoding="utf-8")
    with pytest.raises(ModelError, match="u.json.*not valid JSON"):
        load_unsaid(path)
    with pytest.raises(ModelError, match="not found"):
        load_unsaid(tmp_path / "missing.json")


def test_a_label_needs_its_floor_and_to_beat_the_others():
    assert choose_label(np.array([0.5, 0.3, 0.2]), 0.6, 0.4) is Label.UNVERIFIED
    assert choose_label(np.array([0.5, 0.3, 0.2]), 0.5, 0.4) is Label.SUPPORTED
    assert choose_label(np.array([0.2, 0.45, 0.35]), 0.6, 0.4) is Label.CONTRADICTED
    assert choose_label(np.array([0.2, 0.35, 0.45]), 0.6, 0.0) is Label.UNVERIFIED


def test_without_the_model_a_silent_passage_leaves_the_claim_unverified():
    verdict = LearnedJudge(load_model()).judge(claim(DONGFENG), [hit(MINISTRY)])
    assert verdict.label is Label.UNVERIFIED
    assert verdict.rationale.startswith("names and figures decide")


def test_the_model_can_call_a_report_without_the_claims_name_a_contradiction():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED))
    verdict, route = judge.decide(claim(DONGFENG), [hit(MINISTRY_TOLD)])
    assert route == "unsaid" and verdict.label is Label.CONTRADICTED
    # what the passage shares, and what it leaves out, in plain words
    assert verdict.rationale.startswith("the report differs: closest evidence")
    assert "not the claim's 'Dongfeng'" in verdict.rationale
    assert "0." not in verdict.rationale.split("similarity")[0]


def test_a_contradiction_needs_a_passage_sharing_most_of_the_claims_words():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED))
    verdict, route = judge.decide(claim(DONGFENG), [hit(RECEIVED)])  # 38 % of its words
    assert route == "silent" and verdict.label is Label.UNVERIFIED


def test_the_model_can_call_a_report_without_a_detail_supported():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.SUPPORTED))
    verdict, route = judge.decide(claim(DONGFENG), [hit(MINISTRY)])
    assert route.startswith("unsaid") and verdict.label is Label.SUPPORTED
    assert "nothing in it conflicts" in verdict.rationale
    assert "does not state 'Dongfeng'" in verdict.rationale


def test_a_floor_above_the_models_probability_keeps_unverified():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED, floor=1.01))
    verdict, route = judge.decide(claim(DONGFENG), [hit(MINISTRY)])
    assert route == "silent" and verdict.label is Label.UNVERIFIED


def test_figures_stated_alike_never_reach_the_model():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED))
    verdict, route = judge.decide(claim(TEAM), [hit(TEAM)])
    assert route.startswith("figures") and verdict.label is Label.SUPPORTED
    assert unsaid_row(judge, claim(TEAM), [hit(TEAM)]) is None
    row = unsaid_row(judge, claim(DONGFENG), [hit(MINISTRY)])
    assert row is not None and row.shape == (len(UNSAID_FEATURES),)


def test_the_fit_learns_separable_rows_and_records_its_choice():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(90, len(UNSAID_FEATURES)))
    y = np.repeat([0, 1, 2], 30)
    x[:, 0] += 4 * (y == 0) - 4 * (y == 1)  # coverage separates the labels
    groups = [f"set{i % 3}" for i in range(90)]
    model = fit_unsaid(x, y, groups, {"command": "test"})
    predicted = model.probabilities(x).argmax(axis=1)
    assert (predicted == y).mean() > 0.9
    cv = model.metadata["cross_validation"]
    assert cv["chosen"]["right"] > cv["always_unverified"] == 30
    assert model.metadata["rows"] == {"supported": 30, "contradicted": 30, "unverified": 30}


def test_the_fit_needs_two_sets_to_choose_its_floors():
    x = np.zeros((6, len(UNSAID_FEATURES)))
    with pytest.raises(ValueError, match="two or more topic sets"):
        fit_unsaid(x, np.array([0, 1, 2, 0, 1, 2]), ["only"] * 6)



def test_a_report_naming_no_other_person_is_no_contradiction_of_the_claims_person():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED))
    approved = "approved the carmaker's application to build cars at the Tianjin plant."
    verdict, route = judge.decide(claim("Industry minister Wang Tao " + approved),
                                  [hit("The industry ministry " + approved)])
    assert (route, verdict.label) == ("silent", Label.UNVERIFIED)
    verdict, route = judge.decide(claim("Industry minister Wang Tao " + approved),
                                  [hit("Deputy minister Liu Bo " + approved)])
    assert verdict.label is Label.CONTRADICTED


def test_a_slot_another_report_tells_in_the_claims_words_is_no_contradiction():
    judge = LearnedJudge(load_model(), unsaid=leaning(Label.CONTRADICTED))
    other = Hit(Passage("p2", "Shares rose after a unit of Dongfeng applied, traders said.", "AP",
                        None, None, "2021-11-27", "t:2"), 2, 0.5, 0.6, 0.5)
    verdict, route = judge.decide(claim(DONGFENG), [hit(MINISTRY_TOLD), other])
    assert route == "silent" and verdict.label is Label.UNVERIFIED
