"""The learned judge: model file format, the shipped model, training, held-out groups, verdicts."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from factcheck import pipeline
from factcheck.analysis.names import NameIndex
from factcheck.cli import app
from factcheck.errors import ModelError
from factcheck.judging.compare import compare_all
from factcheck.judging.features import (
    FEATURE_NAMES,
    claim_features,
    conflict_cue,
    decided_by_figures,
)
from factcheck.judging.learned import (
    LABELS,
    MODEL_FORMAT,
    MODEL_VERSION,
    LearnedJudge,
    VerifierModel,
    another_value,
    default_model_path,
    load_model,
    pinned_elsewhere,
    room_for_another,
    save_model,
    stated_elsewhere,
    states_conflict,
    unsaid_rationale,
)
from factcheck.judging.rules import RulesJudge
from factcheck.pipeline import Checker
from factcheck.records import Claim, Hit, Label, Passage, Span
from factcheck.settings import Settings
from factcheck.training.evaluate import load_cases
from factcheck.training.train import (
    TrainingSource,
    fit_logistic,
    held_out_ids,
    holdout_groups,
    is_held_out,
    train_judge,
)


def claim(text: str) -> Claim:
    return Claim("a-c01", "a", text, 0, (Span(0, len(text)),), 0.9)


def hit(text: str, dense: float = 0.85, rank: int = 1) -> Hit:
    passage = Passage(f"p{rank}", text, "Reuters", None, None, "2021-11-27", "t:1")
    return Hit(passage, rank, 0.7 * dense + 0.15, dense, 0.5)


TEAM = "Xiaomi's car research and development team has more than 2,300 members."


# --- the shipped model ---------------------------------------------------------------------------


def test_the_shipped_model_is_small_versioned_json():
    path = default_model_path()
    assert path.stat().st_size <= 25 * 1024 * 1024
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == MODEL_FORMAT and data["version"] == MODEL_VERSION
    assert data["features"] == list(FEATURE_NAMES)
    meta = data["metadata"]
    names = [f["name"] for f in meta["training_files"]]
    assert names and not any("sick" in name for name in names)  # SICK is non-commercial
    assert all(len(f["sha256"]) == 64 and f["held_out"] > 0 for f in meta["training_files"])
    assert meta["holdout"]["fraction"] > 0
    assert meta["cross_validation"]["folds"] >= 2
    assert meta["baseline"]["judge"].startswith("similarity:")
    assert meta["command"].startswith("factcheck train-judge")
    model = load_model()
    assert model.weights.shape == (len(LABELS), len(FEATURE_NAMES))


# --- model files ---------------------------------------------------------------------------------


def test_a_model_round_trips_through_json(tmp_path: Path):
    model = load_model()
    save_model(model, tmp_path / "m.json")
    again = load_model(tmp_path / "m.json")
    x = np.random.default_rng(0).normal(size=(4, len(FEATURE_NAMES)))
    assert np.allclose(model.probabilities(x), again.probabilities(x), atol=1e-5)
    assert again.metadata == model.metadata


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="pickle"), "not a factcheck verifier model"),
        (lambda d: d.update(version=99), "model version 99"),
        (lambda d: d.update(features=d["features"][:-1]), "other features"),
        (lambda d: d.update(weights=[[1.0]]), "malformed model"),
        (lambda d: d.update(scale=[0.0] * len(d["scale"])), "non-positive feature scale"),
    ],
)
def test_bad_model_files_are_refused_with_the_fix(tmp_path: Path, change, message: str):
    data = json.loads(default_model_path().read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "m.json").write_text(json.dumps(data))
    with pytest.raises(ModelError, match=message):
        load_model(tmp_path / "m.json")


def test_missing_or_broken_model_file(tmp_path: Path):
    with pytest.raises(ModelError, match="not found.*train-judge"):
        load_model(tmp_path / "nope.json")
    (tmp_path / "broken.json").write_text("{")
    with pytest.raises(ModelError, match="not valid JSON"):
        load_model(tmp_path / "broken.json")


# --- training ------------------------------------------------------------------------------------


def test_logistic_regression_learns_a_separable_problem():
    rng = np.random.default_rng(1)
    centres = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    y = rng.integers(0, 3, size=300)
    z = centres[y] + rng.normal(scale=0.5, size=(300, 2))
    w, b = fit_logistic(z, y, np.ones(300), l2=0.01)
    assert (np.argmax(z @ w.T + b, axis=1) == y).mean() > 0.95
    w2, b2 = fit_logistic(z, y, np.ones(300), l2=0.01)
    assert np.array_equal(w, w2) and np.array_equal(b, b2)  # deterministic


def pairs_file(path: Path, start: int = 0) -> Path:
    rows = []
    for i in range(start, start + 24):
        team = 2300 + 100 * i
        evidence = f"Team {i} of Xiaomi has more than {team:,} members working on cars."
        rows += [
            {"id": f"s{i}", "claim": f"Team {i} of Xiaomi has more than {team:,} members.",
             "evidence": evidence, "label": "supported"},
            {"id": f"c{i}", "claim": f"Team {i} of Xiaomi has {team // 3:,} members.",
             "evidence": evidence, "label": "contradicted"},
            {"id": f"u{i}", "claim": f"The weather in city {i} was sunny on Tuesday.",
             "evidence": evidence, "label": "unverified"},
        ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_groups_follow_shared_claims_and_passages(tmp_path: Path):
    pairs = load_cases(pairs_file(tmp_path / "pairs.jsonl"))
    claims_path = tmp_path / "claims.jsonl"
    claims_path.write_text(json.dumps({"id": "x", "claim": pairs.cases[0].claim,
                                       "label": "supported"}) + "\n", encoding="utf-8")
    claims = load_cases(claims_path)
    pair_groups, claim_groups = holdout_groups([pairs, claims])
    # the three claims about one passage are one group, and the claims file joins it
    assert len(set(pair_groups[:3])) == 1 and pair_groups[3] != pair_groups[0]
    assert claim_groups[0] == pair_groups[0]
    first, second = held_out_ids([pairs, claims], 0.5), held_out_ids([claims, pairs], 0.5)
    assert first[0] == second[1]  # order of files does not matter
    assert is_held_out("some group", 0.0) is False and is_held_out("some group", 1.0) is True


def test_train_judge_writes_a_model_that_judges(tmp_path: Path, fake_embedder,
                                                tiny_corpus_dir: Path):
    claims_path = tmp_path / "claims.jsonl"
    claims_path.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "g1", "claim": TEAM, "label": "supported"},
        {"id": "g2", "claim": "Xiaomi's team has 900 members.", "label": "contradicted"},
        {"id": "g3", "claim": "Paris was sunny on Tuesday.", "label": "unverified"},
    ]), encoding="utf-8")
    sources = [TrainingSource(pairs_file(tmp_path / "pairs.jsonl")),
               TrainingSource(claims_path, tiny_corpus_dir)]
    lines: list[str] = []
    out = tmp_path / "model.json"
    result = train_judge(sources, out, Settings(cache_dir=tmp_path / "cache"), holdout=0.2,
                         folds=3, command="factcheck train-judge test", embedder=fake_embedder,
                         report=lines.append)
    model = load_model(out)
    assert model.metadata["command"] == "factcheck train-judge test"
    corpus = f"{tiny_corpus_dir.parent.name}/{tiny_corpus_dir.name}"
    assert [f["name"] for f in model.metadata["training_files"]] == [
        f"{tmp_path.name}/pairs.jsonl", f"{tmp_path.name}/claims.jsonl:{corpus}"]
    assert result.cv["per_file"] and any("cross-validation" in line for line in lines)
    judge = LearnedJudge(model)
    verdict = judge.judge(claim("The weather in city 99 was sunny on Tuesday."),
                          [hit("Team 99 of Xiaomi has more than 9,000 members.", dense=0.1)])
    assert verdict.label is Label.UNVERIFIED and verdict.judge == "learned"


@pytest.mark.slow
def test_train_judge_command(tmp_path: Path, fake_embedder, monkeypatch):
    monkeypatch.setattr(pipeline, "make_embedder", lambda settings, **kw: fake_embedder)
    out = tmp_path / "m.json"
    result = CliRunner().invoke(app, ["train-judge", str(pairs_file(tmp_path / "p.jsonl")),
                                      "--out", str(out), "--folds", "2", "--cache-dir",
                                      str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert "cross-validated mean macro-F1" in result.output and out.is_file()
    bad = CliRunner().invoke(app, ["train-judge", str(tmp_path / "p.jsonl"), "--out", str(out),
                                   "--holdout", "1.5"])
    assert bad.exit_code == 1 and "--holdout 1.5" in bad.output


# --- the judge -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    [(TEAM, Label.SUPPORTED),
     ("Xiaomi's car research and development team has 900 members.", Label.CONTRADICTED)],
)
def test_figures_decide_exactly(text: str, label: Label):
    verdict = LearnedJudge(load_model()).judge(claim(text), [hit(TEAM)])
    assert verdict.label is label
    assert verdict.rationale.startswith("figures decide")
    assert verdict.evidence[0].passage.text == TEAM


def test_an_unrelated_passage_is_never_evidence():
    judge = LearnedJudge(load_model())
    verdict = judge.judge(claim("The weather in Paris was sunny on Tuesday."),
                          [hit("Sony showed the Vision-S concept car at CES.", dense=0.05)])
    assert verdict.label is Label.UNVERIFIED
    assert "relevant enough" in verdict.rationale and 0 <= verdict.confidence <= 1
    empty = judge.judge(claim("Xiaomi makes cars."), [])
    assert empty.label is Label.UNVERIFIED and empty.evidence == ()


def test_the_model_decides_claims_without_figures():
    passage = "Sony showed the Vision-S concept car at the electronics show in Las Vegas."
    verdict = LearnedJudge(load_model()).judge(
        claim("Sony showed a concept car in Las Vegas."), [hit(passage, dense=0.8)])
    assert verdict.label in set(Label) and verdict.judge == "learned"
    # plain words: the passage and what it shares, no feature names or raw probabilities
    assert "closest evidence" in verdict.rationale and "of the claim's words" in verdict.rationale
    assert "signals" not in verdict.rationale and "supported 0." not in verdict.rationale
    assert verdict.evidence and verdict.evidence[0].passage.text == passage


def leaning(*order: Label) -> VerifierModel:
    """The shipped model with its bias pushed so far that it prefers labels in ``order``."""
    model = load_model()
    bias = np.full(len(LABELS), -100.0)
    for rank, label in enumerate(order):
        bias[LABELS.index(label)] = 100.0 - 50.0 * rank
    return replace(model, bias=bias)


@pytest.mark.parametrize("second", [Label.SUPPORTED, Label.UNVERIFIED])
def test_a_contradiction_needs_a_stated_conflict(second: Label):
    passage = "Sony showed the Vision-S concept car at the electronics show in Las Vegas."
    judge = LearnedJudge(leaning(Label.CONTRADICTED, second))
    related = judge.judge(claim("Sony showed a concept car in Las Vegas."), [hit(passage)])
    assert related.label is second  # contradicted is ruled out: the next most likely label
    assert "no passage states a figure, negation or opposite that conflicts" in related.rationale
    negated = judge.judge(claim("Sony never showed a concept car in Las Vegas."), [hit(passage)])
    assert negated.label is Label.CONTRADICTED


@pytest.mark.parametrize(("claim_text", "passage"), [
    # the passage's negation is about something the claim does not say
    ("Xiaomi was reported to be in talks to buy the Borgward plant.",
     "Xiaomi was reported to be in talks to buy the Borgward plant; the deal was described as "
     "possibly finalised later, not as completed."),
    # both sides negate: no polarity clash
    ("Xiaomi spent months talking to regulators without winning a licence.",
     "Months of talks between Xiaomi and regulators over a licence had not produced approval."),
])
def test_a_negation_about_something_else_is_no_conflict(claim_text: str, passage: str):
    verdict = LearnedJudge(leaning(Label.CONTRADICTED, Label.UNVERIFIED)).judge(
        claim(claim_text), [hit(passage)])
    assert verdict.label is not Label.CONTRADICTED
    assert "no passage states a figure, negation or opposite that conflicts" in verdict.rationale


def test_a_name_replaced_in_the_same_place_is_a_contradiction_whatever_the_model_says():
    passage = "A unit of BAIC applied to the industry ministry for approval to build cars."
    claim_text = "A unit of Dongfeng applied to the industry ministry for approval to build cars."
    for label in (Label.SUPPORTED, Label.UNVERIFIED):
        verdict = LearnedJudge(leaning(label)).judge(claim(claim_text), [hit(passage)])
        assert verdict.label is Label.CONTRADICTED
        assert verdict.rationale.startswith("names decide")
        assert "Dongfeng" in verdict.rationale and "BAIC" in verdict.rationale


def test_a_passage_silent_on_the_claims_name_cannot_settle_it():
    passage = "The industry ministry received an application for approval to build cars."
    claim_text = "A unit of Dongfeng applied to the industry ministry for approval to build cars."
    for label in (Label.SUPPORTED, Label.CONTRADICTED):
        verdict = LearnedJudge(leaning(label)).judge(claim(claim_text), [hit(passage)])
        assert verdict.label is Label.UNVERIFIED
        assert verdict.rationale.startswith("names and figures decide")
        assert "Dongfeng" in verdict.rationale


TITAN = ("Apple abandoned its electric car effort, Project Titan; COO Jeff Williams and vice "
         "president Kevin Lynch told staff of the decision on 27 February 2024.")


def test_a_report_of_the_same_event_with_another_value_contradicts():
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    verdict = judge.judge(claim("In Feb. 2023 Apple cancelled Project Titan."),
                          [hit(TITAN, dense=0.73)])
    assert verdict.label is Label.CONTRADICTED
    assert verdict.rationale.startswith("the report differs")
    assert "reports the same event" in verdict.rationale
    assert "it gives 27 February 2024 where the claim says Feb. 2023" in verdict.rationale
    assert judge.decide(claim("In Feb. 2023 Apple cancelled Project Titan."),
                        [hit(TITAN, dense=0.73)])[1] == "differs"


def test_a_report_written_before_the_claims_day_tells_of_another_event():
    storm = ("Hurricane Beryl came ashore near Tulum as a Category 2 hurricane early on Friday, "
             "5 July 2024, with maximum winds of 100 mph.")
    landfall = claim("Hurricane Beryl made landfall near Matagorda, Texas, early on Monday, "
                     "July 8, 2024 as a Category 1 hurricane with maximum winds of 80 mph.")
    written = replace(hit(storm, dense=0.9), passage=replace(hit(storm).passage,
                                                             published="2024-07-05"))
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(landfall, [written])
    assert verdict.label is Label.UNVERIFIED  # a report of 5 July cannot tell of 8 July
    later = replace(written, passage=replace(written.passage, published="2024-07-09"))
    assert LearnedJudge(leaning(Label.SUPPORTED)).judge(
        landfall, [later]).label is Label.CONTRADICTED


def test_the_publisher_and_a_point_of_reference_are_no_other_value():
    passage = ("NPR, in a story carried by WBHM, said Spirit filed for Chapter 11 on a Monday. "
               "Spirit was the first major US airline to file since 2011; a judge had blocked "
               "its deal with JetBlue.")
    news = replace(hit(passage, dense=0.9), passage=replace(hit(passage).passage,
                                                            source="WBHM (NPR)"))
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(claim(
        "Spirit Airlines' filing made it the first major US airline to go bankrupt since "
        "American Airlines filed in 2011."), [news])
    assert verdict.label is not Label.CONTRADICTED  # not NPR, WBHM nor JetBlue for American


def test_a_figure_the_passage_writes_in_words_is_no_other_value():
    passage = ("The victory gave Spain four European Championship titles, the most of any nation "
               "and one more than Germany's three.")
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(
        claim("The victory gave Spain 4 European Championship titles, the most of any nation and "
              "one more than Germany's 3."), [hit(passage, dense=0.95)])
    assert verdict.label is not Label.CONTRADICTED  # "three" is no other value than 3


def test_figures_alike_with_another_organisation_in_the_claims_place_contradict():
    passage = ("On 1 September 2021 Xiaomi said its car unit, Xiaomi EV Inc., had finished "
               "business registration with 10 billion yuan of registered capital.")
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(
        claim("On 1 September 2021 Baidu said its car unit, Xiaomi EV Inc., had finished "
              "business registration with 10 billion yuan of registered capital."),
        [hit(passage, dense=0.9)])
    assert verdict.label is Label.CONTRADICTED
    # Xiaomi stands in Baidu's very place (and the claim names Xiaomi elsewhere)
    assert verdict.rationale == ("names decide: claim names Baidu (organisation); evidence "
                                 "(Reuters, 2021-11-27) names Xiaomi")


def test_a_merely_related_passage_with_another_value_stays_silent():
    settings = Settings(same_event_dense=0.8)  # the passage is less similar than a same-event one
    verdict = LearnedJudge(leaning(Label.SUPPORTED), settings).judge(
        claim("In Feb. 2023 Apple cancelled Project Titan."), [hit(TITAN, dense=0.73)])
    assert verdict.label is Label.UNVERIFIED
    assert verdict.rationale.startswith("names and figures decide")


def test_a_date_like_mid_2026_is_a_figure():
    passage = "The second phase of the plant is due to be completed on 15 June 2025."
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(
        claim("The second phase of the plant is due to be completed in mid-2026."), [hit(passage)])
    assert verdict.label is Label.CONTRADICTED
    assert verdict.rationale.startswith("figures decide") and "2026" in verdict.rationale


def test_states_conflict_reads_the_conflict_cues():
    x = claim_features(TEAM, [hit(TEAM)])
    assert not states_conflict(x)[0]
    other = claim_features("Xiaomi's car research and development team has 900 members.",
                           [hit(TEAM)])
    assert states_conflict(np.vstack([x, other])).tolist() == [False, True]


def test_features_have_one_value_per_name():
    x = claim_features(TEAM, [hit(TEAM), hit("Sony makes cameras.", 0.2, rank=2)])
    assert x.shape == (len(FEATURE_NAMES),) and np.all(np.isfinite(x))
    assert np.array_equal(claim_features(TEAM, []), np.zeros(len(FEATURE_NAMES)))


def test_checker_builds_the_judge_named_by_the_settings(tiny_corpus_dir: Path, fake_embedder,
                                                        tmp_path: Path):
    assert Checker(tiny_corpus_dir, embedder=fake_embedder).judge.name == Settings().judge
    learned = Checker(tiny_corpus_dir, Settings(judge="learned"), embedder=fake_embedder)
    assert learned.judge.name == "learned"
    with pytest.raises(ModelError, match="train-judge"):
        Checker(tiny_corpus_dir, Settings(judge=f"learned:{tmp_path / 'none.json'}"),
                embedder=fake_embedder)


def test_a_figure_in_another_organisations_clause_contradicts():
    passage = ("After the storm, Oxfam delivered tents to more than 3,000 families, and the Red "
               "Cross opened 12 clinics in the province.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    moved = claim("The Red Cross delivered tents to more than 3,000 families after the storm.")
    verdict, route = judge.decide(moved, [hit(passage, dense=0.9)])
    assert verdict.label is Label.CONTRADICTED and route == "differs"
    assert "ties 3,000 to Oxfam, not The Red Cross" in verdict.rationale
    for restated in ("Oxfam delivered tents to more than 3,000 families after the storm.",
                     "The Red Cross opened 12 clinics in the province after the storm."):
        assert judge.judge(claim(restated), [hit(passage, dense=0.9)]).label is Label.SUPPORTED


def test_a_title_another_person_holds_in_the_passage_contradicts():
    passage = ("The city's mayor, Maria Keller, and its planning chief, Tom Brandt, opened the "
               "new bridge on 3 May 2021.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    verdict = judge.judge(claim("The city's mayor, Tom Brandt, opened the new bridge on 3 May "
                                "2021."), [hit(passage, dense=0.9)])
    assert verdict.label is Label.CONTRADICTED
    assert "it names Maria Keller as mayor, and Tom Brandt as planning chief" in verdict.rationale
    restated = claim("Planning chief Tom Brandt opened the new bridge on 3 May 2021.")
    assert judge.judge(restated, [hit(passage, dense=0.9)]).label is Label.SUPPORTED



@pytest.mark.parametrize(("claim_text", "decided"), [
    ("Ana Ruiz hit the winning shot in the 2021 Open final.", False),
    ("Ana Ruiz won the Open final on 4 July 2021.", True),
])
def test_a_year_naming_an_event_does_not_decide_by_figures(claim_text, decided):
    passage = Passage("p1", "Ana Ruiz won the 2021 Open final on 4 July 2021, hitting the winning "
                      "shot.", "Wire", None, None, None, "t:1")
    hits = [Hit(passage, 1, 0.8, 0.85, 0.5)]
    claim = Claim("a-c01", "a", claim_text, 0, (Span(0, len(claim_text)),), 0.8)
    verdict = RulesJudge().judge(claim, hits)
    assert verdict.label is Label.SUPPORTED
    assert decided_by_figures(claim_text, verdict) is decided


def test_another_value_is_no_figure_a_hundred_times_off():
    passage = Passage("p1", "About 4.25 million customers in South Carolina, Florida, Georgia, "
                      "North Carolina and Virginia had no power; Florida had 1.07 million.",
                      "Wire", None, None, None, "t:1")
    claim_text = "About 4.25 million customers in five states had no power."
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert "1.07 million" not in another_value(claim_text, comparison)


def test_another_value_is_no_date_a_record_is_reckoned_from():
    passage = Passage("p1", "Gunmen opened fire on concertgoers near Moscow on Friday, the "
                      "deadliest attack in Russia since the 2004 Beslan school siege.", "Wire",
                      None, None, None, "t:1")
    claim_text = "Gunmen opened fire on concertgoers near Moscow on March 22, 2024."
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert "2004" not in another_value(claim_text, comparison)
    # unless the claim reckons from a date too
    since = "It was the deadliest attack in Russia since the 2002 Beslan school siege."
    comparison = compare_all(since, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert "2004" in another_value(since, comparison)


def test_another_value_is_no_figure_that_states_another_of_the_claims_alike():
    passage = Passage("p1", "Apple shares closed up 7% on Tuesday, their biggest one-day gain "
                      "since late 2022.", "Wire", None, None, None, "t:1")
    claim_text = "Apple's 11 June 2024 jump was its biggest one-day gain since late 2022."
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ""


def test_another_value_is_no_number_counting_another_noun():
    passage = Passage("p1", "Ward set the career scoring record with 49 points in her last home "
                      "game.", "Wire", None, None, None, "t:1")
    claim_text = "Ward needed 126 games to set the career scoring record."
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ""  # points are no count of games
    games = Passage("p1", "Ward set the career scoring record after 150 games, with 49 points "
                    "in her last home game.", "Wire", None, None, None, "t:1")
    comparison = compare_all(claim_text, [Hit(games, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == "it gives 150 where the claim says 126"


def test_another_value_is_no_rank_of_another_noun():
    passage = Passage("p1", "Sinan Ogan, who came third in the 14 May vote with 5.17 percent, "
                      "backed Erdogan on 22 May; Kemal Kilicdaroglu came second with 44.88 "
                      "percent.", "Wire", None, None, None, "t:1")
    claim_text = ("Sinan Ogan, third in the first round with 5.17% of the vote, backed Erdogan "
                  "on 22 May.")
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ""  # "second" ranks no round


def test_another_value_is_no_date_where_the_passage_gives_the_claims_more_loosely():
    passage = Passage("p1", "Figma, founded in 2012, had been valued at $10 billion; Adobe said "
                      "its revenue would exceed $400 million by the end of 2022.", "Wire", None,
                      None, None, "t:1")
    claim_text = ("When the deal was unveiled in September 2022, Adobe said Figma's revenue "
                  "would exceed $400 million.")
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ""  # 2022 is stated, 2012 dates another
    founded = Passage("p1", "Figma, founded in 2012, said its revenue would exceed $400 million "
                      "by the end of 2021.", "Wire", None, None, None, "t:1")
    comparison = compare_all(claim_text, [Hit(founded, 1, 0.8, 0.88, 0.5)])[0]
    assert "where the claim says September 2022" in another_value(claim_text, comparison)
    # a finer date within the looser one is another value of the claim's
    finer = Passage("p1", "In 2024 the rules changed: from 1 July 2024 every bank had to report "
                    "its fees.", "Wire", None, None, None, "t:1")
    claim_text = "From 1 March 2024 every bank had to report its fees."
    comparison = compare_all(claim_text, [Hit(finer, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ("it gives 1 July 2024 where the claim says "
                                                     "1 March 2024")
    # a looser date answering another figure of the claim leaves this one's slot open
    shown = Passage("p1", "In January 2023 the firm showed a prototype, with pre-orders planned "
                    "for the first half of 2025.", "Wire", None, None, None, "t:1")
    claim_text = ("In January 2025 the firm showed a prototype, with pre-orders planned for the "
                  "first half of 2025.")
    comparison = compare_all(claim_text, [Hit(shown, 1, 0.8, 0.88, 0.5)])[0]
    assert "it gives January 2023" in another_value(claim_text, comparison)


def test_an_owner_the_recogniser_writes_with_its_possessive_is_not_replaced():
    passage = Passage("p1", "Smer-SD won the election of 30 September 2023 with 42 of the 150 "
                      "seats. Maria Kovac, the commission's head, confirmed the result.", "Wire",
                      None, None, None, "t:1")
    claim_text = ("Robert Fico's Smer won the election of 30 September 2023 with 42 of the 150 "
                  "seats.")
    names = NameIndex()
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)], names)[0]
    assert [n.text for n in comparison.missing_names] == ["Robert Fico's"]
    assert another_value(claim_text, comparison, names) == ""


@pytest.mark.parametrize(("claim_text", "differs"), [
    # an owner the passage leaves unsaid is no slot it fills with another name
    ("Lisbon's Humberto Delgado airport reopened on 3 May 2024, after flights resumed.", False),
    ("The Humberto Delgado airport reopened in Lisbon on 3 May 2024, after flights resumed.",
     True),
    # another owner named in the owner's place is a swap
    ("Lisbon's Humberto Delgado airport reopened on 3 May 2024, after Madrid's flights resumed.",
     True),
])
def test_a_possessive_owner_the_passage_leaves_out_is_not_replaced(claim_text, differs):
    passage = Passage("p1", "The Humberto Delgado airport reopened on 3 May 2024, after flights "
                      "from Madrid resumed." if "Madrid" not in claim_text else
                      "Berlin's Humberto Delgado airport reopened on 3 May 2024, after Madrid's "
                      "flights resumed.", "Wire", None, None, None, "t:1")
    names = NameIndex()
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)], names)[0]
    assert bool(another_value(claim_text, comparison, names)) is differs


@pytest.mark.parametrize("restated", [
    "The eclipse of 8 April 2024 left the continent over the coast of Newfoundland.",
])
def test_a_date_telling_which_event_is_not_bound_to_a_place(restated):
    passage = ("The 8 April 2024 eclipse crossed North America from Mazatlán, Mexico, and left "
               "the continent over the coast of Newfoundland.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    assert judge.judge(claim(restated), [hit(passage, dense=0.9)]).label is Label.SUPPORTED


def test_a_deed_the_passage_tells_of_another_person_or_body_contradicts():
    passage = ("Prime Minister Anna Berg said on public television that the worst of the flood "
               "was still to come, while President Karl Lind sounded more optimistic, saying "
               "lessons had been learned. The Emergency Committee approved aid including 400 "
               "tonnes of food and blankets, while the Gendarmerie sent patrols to deter looting.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    for moved, other in (
            ("President Karl Lind warned on public television that the worst of the flood was "
             "still to come.", "Anna Berg"),
            ("The Gendarmerie approved aid including 400 tonnes of food and blankets.",
             "The Emergency Committee")):
        verdict = judge.judge(claim(moved), [hit(passage, dense=0.9)])
        assert verdict.label is Label.CONTRADICTED, moved
        assert f"tells that of {other}" in verdict.rationale
    for restated in ("Prime Minister Anna Berg warned on public television that the worst of the "
                     "flood was still to come.",
                     "The Emergency Committee approved aid including 400 tonnes of food."):
        assert judge.judge(claim(restated), [hit(passage, dense=0.9)]).label is Label.SUPPORTED


def test_a_region_holding_the_claims_place_is_no_other_place():
    passage = ("On 14 September 2024, 386 mm of rain fell at Lucna in the Olomouc region. The "
               "gauge stands 1,306 metres up in the Jesenik Mountains.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    verdict = judge.judge(claim("On 14 September 2024, 386 mm of rain fell at Lucna in the "
                                "Jesenik Mountains."), [hit(passage, dense=0.9)])
    assert verdict.label is Label.SUPPORTED, verdict.rationale


def test_another_value_is_no_sum_of_another_measure_nor_a_day_for_a_deadline():
    passage = Passage("p1", "Capital One agreed the $35.3 billion purchase of Discover, which is "
                      "expected to close in early 2025.", "Wire", None, None, None, "t:1")
    claim_text = ("Capital One said the combination with Discover would cut about $1.5 billion "
                  "of expenses by 2027.")
    comparison = compare_all(claim_text, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert another_value(claim_text, comparison) == ""
    bigger = "Capital One agreed the purchase of Discover for $53.5 billion."
    comparison = compare_all(bigger, [Hit(passage, 1, 0.8, 0.88, 0.5)])[0]
    assert "$35.3 billion" in another_value(bigger, comparison) + " ".join(
        e.surface for _, e in comparison.conflicts)


def test_a_name_within_the_claims_name_is_no_other_value():
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(
        claim("Dubai International Airport cancelled flights on Tuesday after the storm."),
        [hit("Dubai cancelled flights on Tuesday after the storm flooded its roads.",
             dense=0.8)])
    assert verdict.label is not Label.CONTRADICTED


def test_another_report_of_the_event_answers_the_slot_the_closest_leaves_open():
    closest = ("Channel NewsAsia reported that total prize money at the 2023 US Open was "
               "$65 million, a record for the event, against $60 million in 2022.")
    other = ("The 2023 US Open prize money was set by the tennis association and was 8 percent "
             "higher overall than in 2022.")
    text = ("The 2023 US Open prize money of $65 million was 12 percent higher than the "
            "$60 million of 2022.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    hits = [hit(closest, dense=0.64, rank=1), hit(other, dense=0.6, rank=2)]
    verdict, route = judge.decide(claim(text), hits)
    assert verdict.label is Label.CONTRADICTED and route == "differs"
    assert "'8 percent' where the claim says '12 percent'" in verdict.rationale
    assert verdict.evidence[0].passage.text == other  # the passage that answers decides
    # a passage on another event (another year too) answers nothing
    elsewhere = ("The 2019 US Open prize money was set by the tennis association and was "
                 "8 percent higher overall than in 2018.")
    verdict, route = judge.decide(claim(text), [hits[0], hit(elsewhere, dense=0.6, rank=2)])
    assert verdict.label is not Label.CONTRADICTED


def test_a_model_contradiction_names_the_opposite_or_the_denial_it_rests_on():
    from factcheck.judging.features import conflict_cue

    assert conflict_cue("Exports rose sharply in May.", "Exports fell sharply in May.") == (
        "claim says 'rose', evidence says 'fell'")
    denied = conflict_cue("The board approved the merger.", "The board did not approve the merger.")
    assert denied == "the evidence is negated ('not')"
    assert conflict_cue("The board approved the merger.", "The board approved the merger.") == ""


def test_a_word_the_stemmer_folds_onto_an_opposite_is_no_opposite():
    from factcheck.judging.features import conflict_cue

    assert conflict_cue("The museum stands where the old railway had its terminus.",
                        "The museum is on the site of the old railway's terminus.") == ""
    assert conflict_cue("The final lasted four hours in Los Angeles.",
                        "The final was won in four hours.") == ""
    assert conflict_cue("The museum stands on the hill.", "The museum sits on the hill.") == (
        "claim says 'stands', evidence says 'sits'")
    # a refusal is a denial: "refused to relitigate" is "could not be relitigated"
    assert conflict_cue("The justices refused to relitigate the nomination.",
                        "The nomination could not be relitigated.") == ""


def test_a_figure_another_report_states_alike_is_not_read_as_altered():
    from factcheck.judging.compare import compare_all

    text = "Regulators seized the bank, which held $229.1 billion in assets, on Monday."
    closest = hit("Regulators seized the bank on Monday and sold it to a rival lender.")
    other = hit("The bank held $229.1 billion in assets when regulators seized it.", 0.7, 2)
    comparisons = compare_all(text, [closest, other], NameIndex())
    assert stated_elsewhere(comparisons[0], comparisons, [closest, other]) is comparisons[1]
    assert stated_elsewhere(comparisons[0], comparisons, [closest]) is None
    otherwise = hit("The bank held $212 billion in assets when regulators seized it.", 0.7, 2)
    comparisons = compare_all(text, [closest, otherwise], NameIndex())
    assert stated_elsewhere(comparisons[0], comparisons, [closest, otherwise]) is None


def test_an_unsaid_rationale_with_nothing_unsaid_says_what_differs():
    from factcheck.judging.compare import compare_all

    text = "For both astronauts the Starliner trip was the fourth spaceflight."
    comparison = compare_all(text, [hit("The Starliner test was the third trip to space for "
                                        "both astronauts.")], NameIndex())[0]
    said = unsaid_rationale(Label.CONTRADICTED, comparison)
    assert "'third trip' where the claim says 'fourth spaceflight'" in said
    assert "some of the claim's wording" not in said


def test_a_place_holding_or_held_by_the_claims_is_no_other_value():
    names = NameIndex()
    passage = "Thousands of protesters marched in Athens on 28 February 2025, police said."
    general = "Thousands of protesters marched in Greece on 28 February 2025, police said."
    comparison = compare_all(general, [hit(passage)], names)[0]
    assert "Athens" not in another_value(general, comparison, names)
    # a city where the passage names only its country: the claim says more, and the passage
    # does not deny it; a city of another country does
    country = "Thousands of protesters marched in Japan on 28 February 2025, police said."
    specific = "Thousands of protesters marched in Toyama on 28 February 2025, police said."
    comparison = compare_all(specific, [hit(country)], names)[0]
    assert "Japan" not in another_value(specific, comparison, names)
    abroad = "Thousands of protesters marched in Seoul on 28 February 2025, police said."
    comparison = compare_all(abroad, [hit(country)], names)[0]
    assert "Japan" in another_value(abroad, comparison, names)


def test_a_figure_given_otherwise_is_stated_elsewhere_in_words_that_fit_as_well():
    # the closest passage's "20 extra seats" is another count than the claim's seats; a second
    # report states both of the claim's figures alike, in the claim's words
    text = "On 25 June the ruling party won 158 of the 300 seats in parliament."
    closest = hit("The 25 June vote gave the first party 20 extra seats in parliament, with the "
                  "rest shared out.")
    other = hit("The ruling party won 158 of the 300 seats in parliament in Sunday's vote.",
                0.7, 2)
    comparisons = compare_all(text, [closest, other], NameIndex())
    assert comparisons[0].conflicts
    assert stated_elsewhere(comparisons[0], comparisons, [closest, other]) is comparisons[1]
    # a second report giving the seats otherwise states nothing alike
    otherwise = hit("The ruling party won 146 of the 300 seats in parliament in Sunday's vote.",
                    0.7, 2)
    comparisons = compare_all(text, [closest, otherwise], NameIndex())
    assert stated_elsewhere(comparisons[0], comparisons, [closest, otherwise]) is None


def test_a_figure_another_report_states_with_a_second_one_is_not_replaced():
    names = NameIndex()
    text = ("Maria Lopez, who took over the party in 2011 at the age of 41, said on 12 June 2025 "
            "that she was stepping down as leader.")
    closest = hit("Maria Lopez said on 12 June 2025 that she was stepping down as leader of the "
                  "party, which had come to power in 2019.")
    other = hit("Lopez became leader of the party in 2011, aged 41.", 0.8, 2)
    comparisons = compare_all(text, [closest, other], names)
    assert another_value(text, comparisons[0], names) == "it gives 2019 where the claim says 2011"
    pinned = pinned_elsewhere(comparisons[0], comparisons, [closest, other])
    assert {text[a:b] for a, b in pinned} == {"2011", "41"}
    assert another_value(text, comparisons[0], names, None, pinned) == ""
    # a report stating one figure alike pins nothing
    alone = hit("Lopez became leader of the party in 2011.", 0.8, 2)
    comparisons = compare_all(text, [closest, alone], names)
    assert pinned_elsewhere(comparisons[0], comparisons, [closest, alone]) == frozenset()


def test_a_margin_is_no_value_of_a_level():
    passage = hit("Move Forward took 112 constituency seats and 39 list seats, Pheu Thai 112 "
                  "constituency and 29 list seats.")
    text = ("Move Forward won 151 seats, 112 in constituencies and 39 from party lists, {}.")
    margin = text.format("ten more than Pheu Thai")
    assert another_value(margin, compare_all(margin, [passage])[0]) == ""
    level = text.format("and Pheu Thai won 35 list seats")
    assert another_value(level, compare_all(level, [passage])[0]) == (
        "it gives 29 where the claim says 35")


def test_a_place_another_report_writes_in_the_claims_words_is_not_replaced():
    text = claim("Her twins, who live in Paris with their father, accepted the Nobel prize for her "
                 "in Oslo on Sunday.")
    ceremony = hit("Her children accepted the Nobel prize for her in Oslo on Sunday, reading a "
                   "speech she wrote in a Tehran prison.", dense=0.8)
    family = hit("The twins, who live in Paris with their father, flew to Oslo for the ceremony.",
                 dense=0.6, rank=2)
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    assert judge.judge(text, [ceremony, family]).label is Label.UNVERIFIED
    assert judge.judge(text, [ceremony]).label is Label.CONTRADICTED  # Tehran in Paris's place


def test_a_list_of_places_another_report_names_is_not_replaced():
    text = claim("Putin said Russia would ship 50,000 tonnes of grain to six states, among them "
                 "Mali, Eritrea and Somalia, free of charge.")
    summit = hit("Putin told the summit in St Petersburg that Russia would ship 50,000 tonnes of "
                 "grain to six African states free of charge.", dense=0.8)
    listed = hit("Russia pledged free grain to Burkina Faso, Zimbabwe, Mali, Somalia, the "
                 "Central African Republic and Eritrea.", dense=0.6, rank=2)
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    assert judge.judge(text, [summit, listed]).label is not Label.CONTRADICTED
    assert judge.judge(text, [summit]).label is Label.CONTRADICTED  # St Petersburg for Mali


def test_a_body_doing_the_deed_on_another_day_is_no_swap():
    passage = ("On July 10, 2023 the European Commission adopted its adequacy decision for the "
               "EU-US Data Privacy Framework, a new way to move personal data to the United "
               "States after the dispute over standard contractual clauses.")
    text = ("The European Data Protection Board adopted its binding decision in the dispute over "
            "data transfers on 13 April 2023.")
    verdict = LearnedJudge(leaning(Label.SUPPORTED)).judge(claim(text), [hit(passage, dense=0.61)])
    assert verdict.label is not Label.CONTRADICTED
    # on the claim's day, the other body stands in its place
    same_day = passage.replace("July 10, 2023", "April 13, 2023")
    assert LearnedJudge(leaning(Label.SUPPORTED)).judge(
        claim(text), [hit(same_day, dense=0.61)]).label is Label.CONTRADICTED


def test_how_long_something_lasted_is_no_value_of_a_lapse():
    passage = ("In its live coverage of the briefing on Friday, the newspaper said the Observatory "
               "replaced the black signal with amber at 3.40pm, after the top alert had been in "
               "force for more than 16 hours since 11.05pm on Thursday; the previous longest "
               "black warning, in 1999, had lasted five hours and 47 minutes.")
    text = ("The black signal went up at 11.05pm on Thursday, less than two hours after the "
            "amber warning, and the Observatory replaced it with amber at 3.40pm.")
    verdict = LearnedJudge(leaning(Label.UNVERIFIED)).judge(claim(text), [hit(passage, 0.81)])
    assert "where the claim says two hours" not in verdict.rationale


def test_another_place_after_the_claims_own_words_is_a_contradiction():
    passage = ("The profile said Pezeshkian was born on 29 September 1954 in Mahabad, in "
               "north-western Iran, became a heart surgeon and later headed Tabriz University of "
               "Medical Sciences.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("Masoud Pezeshkian was born in Tabriz on 29 September 1954."),
                        [hit(passage, 0.65)])
    assert wrong.label is Label.CONTRADICTED and "Mahabad" in wrong.rationale
    right = judge.judge(claim("Masoud Pezeshkian was born in Mahabad on 29 September 1954."),
                        [hit(passage, 0.65)])
    assert right.label is Label.SUPPORTED


def test_a_missing_name_is_replaced_only_by_a_name_of_its_kind():
    claim = "Mayor Tom Reyes called the flood a once-in-a-century disaster after touring Riverside."
    names = NameIndex()

    def room(passage_text: str) -> bool:
        hit = Hit(Passage("p1", passage_text, "Reuters", None, None, "2021-11-27", "t:1"),
                  1, 0.8, 0.7, 0.5)
        comparison = compare_all(claim, [hit], names)[0]
        assert [n.text for n in comparison.missing_names] == ["Tom Reyes"]
        return room_for_another(claim, comparison, names)

    assert not room("After touring Riverside, the city's mayor called the flood a "
                    "once-in-a-century disaster, as the Red Cross opened shelters.")
    assert room("After touring Riverside, Governor Ann Cole called the flood a "
                "once-in-a-century disaster.")


def test_a_missing_place_has_no_room_where_the_passage_names_only_people_and_its_outlet():
    names = NameIndex()
    claim = ("In Mumbai, Maharashtra's chief minister Anil Deshmukh announced a "
             "20-million-rupee award for the champion.")

    def room(passage: str) -> bool:
        hit = Hit(Passage("p1", passage, "Deccan Wire", "https://example.com", None, None,
                          "t:1"), 1, 0.8, 0.7, 0.5)
        comparison = compare_all(claim, [hit], names)[0]
        assert [n.text for n in comparison.missing_names] == ["Mumbai"]
        return room_for_another(claim, comparison, names)

    # (the outlet, a day, a currency and people stand in for no place)
    assert not room("Deccan Wire reported that Maharashtra's chief minister Anil Deshmukh "
                    "announced on Friday an award of Rs 2 crore for the champion, praising "
                    "sports minister Vikram Rane.")
    assert room("Maharashtra's chief minister Anil Deshmukh announced in Nagpur an award of "
                "Rs 2 crore for the champion.")


def test_the_closest_report_in_other_words_with_another_place_contradicts():
    passage = ("Mayor Ana Rivera claimed victory, speaking briefly to supporters in the coastal "
               "city of Tacoma while votes were still counted and vowing to rebuild a region "
               "battered by floods and poverty.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("On election night, Ana Rivera addressed supporters in the port "
                              "city of Seattle, promising to rebuild a region hit by floods."),
                        [hit(passage, 0.55)])
    assert wrong.label is Label.CONTRADICTED
    assert "Tacoma" in wrong.rationale and "Seattle" in wrong.rationale
    right = judge.judge(claim("On election night, Ana Rivera addressed supporters in the port "
                              "city of Tacoma, promising to rebuild a region hit by floods."),
                        [hit(passage, 0.55)])
    assert right.label is Label.SUPPORTED


def test_another_bearing_in_the_report_telling_the_claim_overturns_a_supported_lean():
    passage = ("Aid agencies reported that families were leaving by road for Port Halden, the "
               "coastal city about 300 miles northeast of the capital, where ships waited.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("Many families fled by road to Port Halden, the coastal city that "
                              "lies south-west of the capital."), [hit(passage, 0.6)])
    assert wrong.label is Label.CONTRADICTED
    assert "'southwest'" in wrong.rationale and "'northeast'" in wrong.rationale
    right = judge.judge(claim("Many families fled by road to Port Halden, the coastal city that "
                              "lies north-east of the capital."), [hit(passage, 0.6)])
    assert right.label is Label.SUPPORTED
    # (other opposites may tell the same from the other side: the one who lost was beaten)
    told = judge.judge(claim("Ranked 80th, Ruiz beat the 150th-ranked Lopez 6-4, 6-4 to give "
                             "Spain the opening point."),
                       [hit("Lopez, ranked 150th, lost 6-4, 6-4 to the 80th-ranked Ruiz, who "
                            "gave Spain the opening point.", 0.6)])
    assert told.label is Label.SUPPORTED


def test_another_place_after_the_claims_deed_words_contradicts_a_paraphrase():
    passage = ("In a statement dated 3 May, the firm said it had filed the first claim over the "
               "E. coli recall, in Leeds, England. Its client, who lives in York, fell ill "
               "after eating a sandwich.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("The first claim over the recall, brought for a man who lives in "
                              "York, was filed in York, England."), [hit(passage, 0.6)])
    assert wrong.label is Label.CONTRADICTED
    assert "Leeds" in wrong.rationale and "filed ... in" in wrong.rationale


def test_a_denial_in_the_report_telling_the_claim_overturns_a_supported_lean():
    passage = ("The paper said the Japanese company had not yet put aside any money for "
               "compensation and could not give a figure for what it expected to pay.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("The paper said the Japanese company had already put aside money "
                              "for compensation."), [hit(passage, 0.6)])
    assert wrong.label is Label.CONTRADICTED
    assert "negated ('not')" in wrong.rationale
    right = judge.judge(claim("The paper said the Japanese company had not yet put aside any "
                              "money for compensation."), [hit(passage, 0.6)])
    assert right.label is Label.SUPPORTED


def test_the_claims_figure_credited_to_another_in_the_report_overturns_a_supported_lean():
    passage = ("Duplantis cleared 6.24m in the men's pole vault. Sam Kendricks was second at "
               "5.82m and China's Huang Bokai third at 5.72m.")
    judge = LearnedJudge(leaning(Label.SUPPORTED))
    wrong = judge.judge(claim("Huang Bokai finished a distant second with 5.82m."),
                        [hit(passage, 0.6)])
    assert wrong.label is Label.CONTRADICTED
    assert "Sam Kendricks" in wrong.rationale
    right = judge.judge(claim("Huang Bokai finished a distant third with 5.72m."),
                        [hit(passage, 0.6)])
    assert right.label is not Label.CONTRADICTED


def test_the_models_word_cues_read_a_denial_to_its_but_and_an_opposite_with_its_noun():
    # (the cues the model weighs: a denial about the claim's words, an opposite word)
    assert conflict_cue("He copied the stance, a gesture fellow vaulter Kurtis Marschall had "
                        "suggested.", "He said he had not planned it but that fellow vaulter "
                        "Kurtis Marschall had suggested it.") == ""
    assert conflict_cue("At a late-night news conference Putin backed the swap.",
                        "Putin backed the swap; his spokesman called it an idea at a very early "
                        "stage.") == ""
    assert conflict_cue("The storm hit in the late afternoon.",
                        "The storm hit in the early afternoon.") != ""
    assert conflict_cue("He had suggested the gesture.", "He had not suggested the gesture.")
