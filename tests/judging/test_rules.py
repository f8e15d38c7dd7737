"""The rules judge labels claims the way a careful checker would, and explains why."""

from __future__ import annotations

import pytest

from factcheck.judging.compare import compare
from factcheck.judging.rules import RulesJudge
from factcheck.records import Claim, Hit, Label, Passage, Span
from factcheck.settings import Settings


def claim(text: str) -> Claim:
    return Claim("a-c01", "a", text, 0, (Span(0, len(text)),), 0.8)


def hit(text: str, dense: float = 0.8, source: str = "Reuters",
        published: str | None = "2021-11-27", rank: int = 1) -> Hit:
    passage = Passage(f"p{rank}", text, source, "https://example.com", None, published, "t:1")
    return Hit(passage, rank, 0.7 * dense + 0.3 * 0.5, dense, 0.5)


FACTORY = ("Xiaomi's Beijing factory will be built in two phases, each with an annual capacity "
           "of 150,000 vehicles, for 300,000 vehicles a year in total.")
INVEST = ("In March 2021 Xiaomi said it would invest US$10 billion in its EV business over "
          "ten years.")
TEAM = "Xiaomi's automotive R&D team had grown to more than 2,300 people."
PRODUCTION = "Xiaomi plans to start mass production of its cars in the first half of 2024."
APPLE = "Apple scrapped its electric car project in February 2024."


@pytest.mark.parametrize(
    ("text", "evidence", "label"),
    [
        ("Xiaomi's Beijing factory can produce 300,000 units annually.", [FACTORY],
         Label.SUPPORTED),
        ("Xiaomi's Beijing factory can produce 500,000 units annually.", [FACTORY],
         Label.CONTRADICTED),
        ("Xiaomi planned to invest 10 billion US dollars in EVs over ten years.", [INVEST],
         Label.SUPPORTED),
        ("Xiaomi planned to invest 20 billion US dollars in EVs over ten years.", [INVEST],
         Label.CONTRADICTED),
        ("In March 2020 Xiaomi said it would invest US$10 billion in EVs.", [INVEST],
         Label.CONTRADICTED),
        ("Xiaomi's R&D team has grown to over 2,300 members.", [TEAM], Label.SUPPORTED),
        ("Xiaomi's R&D team has grown to 1,200 members.", [TEAM], Label.CONTRADICTED),
        ("Xiaomi will start mass production of its cars in the first half of 2024.",
         [PRODUCTION], Label.SUPPORTED),
        # a vaguer date does not confirm a precise one: the first half is not the first quarter
        ("Xiaomi will start mass production of its cars in Q1 2024.", [PRODUCTION],
         Label.UNVERIFIED),
        ("Xiaomi will start mass production of its cars in 2026.", [PRODUCTION],
         Label.CONTRADICTED),
        ("Apple has not scrapped its electric car project.", [APPLE], Label.CONTRADICTED),
        # a negation about something the claim does not say is no clash
        ("Apple scrapped its electric car project in February 2024.",
         [APPLE[:-1] + ", a plan not as widely expected."], Label.SUPPORTED),
        ("Xiaomi has invested $1.5 billion in EV development.", [INVEST], Label.UNVERIFIED),
        ("Tesla opened a factory in Berlin.", [INVEST], Label.UNVERIFIED),
    ],
)
def test_labels(text, evidence, label):
    hits = [hit(e, rank=i) for i, e in enumerate(evidence, start=1)]
    verdict = RulesJudge().judge(claim(text), hits)
    assert verdict.label == label, verdict.rationale
    assert 0.0 <= verdict.confidence <= 1.0


def test_nothing_relevant_is_unverified_never_a_guess():
    settings = Settings()
    weak = hit(FACTORY, dense=settings.min_dense - 0.2)
    weak = Hit(weak.passage, 1, 0.1, weak.dense, 0.0)
    verdict = RulesJudge(settings).judge(claim("Xiaomi's factory can make 500,000 cars."), [weak])
    assert verdict.label == Label.UNVERIFIED
    assert "nothing in the corpus is relevant enough" in verdict.rationale


def test_no_hits_at_all_is_unverified():
    verdict = RulesJudge().judge(claim("Xiaomi makes cars."), [])
    assert verdict.label == Label.UNVERIFIED
    assert verdict.evidence == ()


def test_rationale_quotes_both_figures_and_the_source():
    verdict = RulesJudge().judge(
        claim("Xiaomi's Beijing factory can produce 300,000 units in its first phase."),
        [hit("The first phase of Xiaomi's Beijing factory has an annual capacity of 150,000 "
             "vehicles; a second phase adds another 150,000.", source="SCMP")])
    assert verdict.label == Label.CONTRADICTED
    assert verdict.rationale == ("claim: 300,000 units; evidence (SCMP, 2021-11-27): "
                                 "150,000 vehicles")
    assert verdict.evidence[0].passage.source == "SCMP"


def test_agreeing_passage_beats_one_that_differs_in_context():
    hits = [hit("The plant's first phase can make 150,000 vehicles a year.", dense=0.75, rank=1),
            hit("Xiaomi's Beijing plant will make 300,000 vehicles a year in total.", dense=0.8,
                rank=2)]
    verdict = RulesJudge().judge(
        claim("Xiaomi's Beijing plant will make 300,000 vehicles a year."), hits)
    assert verdict.label == Label.SUPPORTED
    assert verdict.evidence[0].passage.id == "p2"


def test_compare_lists_matched_and_clashing_figures():
    comparison = compare("Xiaomi will invest $10 billion from 2022.", hit(INVEST))
    assert [(c.surface, e.surface) for c, e in comparison.matched] == [
        ("$10 billion", "US$10 billion")]
    assert [c.surface for c, _ in comparison.conflicts] == ["2022"]


def test_two_passages_about_one_event_support_a_claim_together():
    text = ("In a televised address, economy minister Luis Caputo cut the peso's value by 54 per "
            "cent, to 800 pesos per US dollar.")
    rate = hit("Economy minister Luis Caputo said the official exchange rate would move to 800 "
               "pesos per US dollar.", dense=0.8)
    cut = hit("In a televised address, economy minister Luis Caputo announced that the peso was "
              "being devalued by 54%.", dense=0.75, rank=2)
    verdict = RulesJudge().judge(claim(text), [rate, cut])
    assert verdict.label is Label.SUPPORTED
    assert verdict.rationale.startswith("two passages about the same event state it together")
    assert {h.passage.id for h in verdict.evidence} == {"p1", "p2"}


def test_a_second_passage_does_not_fill_a_figure_the_first_gives_otherwise():
    text = "By Sunday, 29 October, the death toll had climbed to 39."
    dated = hit("By Sunday, 29 October 2023, the death toll had climbed to 27 people.")
    later = hit("The death toll later climbed to 39, officials said.", dense=0.75, rank=2)
    assert RulesJudge().judge(claim(text), [dated, later]).label is not Label.SUPPORTED


def test_a_figure_counting_the_claims_noun_outweighs_a_bare_one():
    text = "Ana Ruiz's round in the 2021 Open final contained seven birdies and two bogeys."
    round_ = hit("Spanish golfer Ana Ruiz, the winner of the 2021 Open final, shot 66 in the last "
                 "round, making 7 birdies and two bogeys.", dense=0.73)
    finish = hit("Ana Ruiz was out in 66 in the 2021 Open final when her rival needed just two "
                 "more putts, and Eva Berg sealed the title at the next hole.", dense=0.64, rank=2)
    verdict = RulesJudge().judge(claim(text), [round_, finish])
    assert verdict.label is Label.SUPPORTED
    assert verdict.evidence[0].passage.id == "p1"


@pytest.mark.parametrize(("text", "label"), [
    ("On 12 May 94 per cent of the members voted to strike.", Label.SUPPORTED),
    ("94 per cent of the members voted to strike.", Label.UNVERIFIED),
])
def test_two_figures_stated_alike_pin_a_loosely_worded_passage(text, label):
    passage = hit("Members voted on 12 May to go on strike, with 94% backing it.", dense=0.45)
    assert RulesJudge().judge(claim(text), [passage]).label is label


def test_one_figure_among_every_word_of_the_claim_pins_a_longer_passage():
    passage = hit("After landfall, power cuts hit about 830,000 households on the island; crews "
                  "of 7,000 had restored power to 260,000 homes by Friday. About 400,000 people "
                  "on the island had been evacuated before the storm arrived.", dense=0.45)
    text = "About 400 thousand people on the island had been evacuated before the storm arrived."
    assert RulesJudge().judge(claim(text), [passage]).label is Label.SUPPORTED


def test_a_passage_stating_three_figures_alike_outweighs_one_agreeing_on_fewer():
    text = ("Acme's revenue for the second quarter of 2024 slipped by roughly one percent from a "
            "year earlier, to 12.8 billion dollars.")
    whole = hit("Acme's revenue for the second quarter of 2024 came to $12.8 billion, a decline "
                "of 1% on the same quarter of 2023.", dense=0.86)
    unit = hit("Revenue of Acme's chip unit for the second quarter of 2024 slipped by roughly "
               "1% from a year earlier, to $6.8 billion.", dense=0.84, rank=2)
    verdict = RulesJudge().judge(claim(text), [whole, unit])
    assert verdict.label is Label.SUPPORTED
    assert verdict.evidence[0].passage.id == "p1"


def test_a_passage_pinning_the_event_outweighs_one_about_another_date():
    # the passage on the claim's day states its figures alike, leaving out only "first"; one
    # on a later eruption gives other figures of another day
    text = "The first eruption began on 5 March 2024, when a fissure 3 km long opened."
    same = hit("An eruption began on 5 March 2024 from a fissure about 3 km long.", dense=0.86)
    later = hit("The eruption of 12 June began after earthquakes; lava rose from a fissure "
                "roughly 1 km long.", dense=0.74, rank=2)
    assert RulesJudge().judge(claim(text), [same, later]).label is not Label.CONTRADICTED


def test_a_weekday_the_passage_leaves_unsaid_does_not_hide_a_swapped_place():
    passage = ("Giorgia Meloni spoke in the middle of the night at the Hotel Parco dei Principi in "
               "Rome, calling the win a point of departure.")
    text = ("Giorgia Meloni spoke at the Hotel Parco dei Principi in Milan in the early hours of "
            "Monday, calling the win a point of departure.")
    verdict = RulesJudge().judge(claim(text), [hit(passage, dense=0.75)])
    assert verdict.label is Label.CONTRADICTED and "Rome" in verdict.rationale


def test_a_report_stating_three_figures_alike_counts_below_the_similarity_floor():
    text = ("The commission certified all 500 winners on 19 June, 400 of them elected in "
            "constituencies and 100 through party lists.")
    results = hit("On the unofficial count the winner took 151 seats (112 constituency, 39 "
                  "party-list) and the runner-up 141 (112 and 29); the commission would certify "
                  "the results within 60 days.", dense=0.52)
    certified = ("At 3pm on 19 June the commission's secretary-general announced the official "
                 "endorsement of {} constituency MPs and 100 party-list MPs, the winners of the "
                 "election; complaints would be investigated over the following year.")
    verdict = RulesJudge().judge(claim(text), [results, hit(certified.format(400), dense=0.35,
                                                            rank=2)])
    assert verdict.label is Label.SUPPORTED and verdict.evidence[0].passage.id == "p2"
    # one stating a figure otherwise stays below the floor
    assert RulesJudge().judge(claim(text), [results, hit(certified.format(350), dense=0.35,
                                                         rank=2)]).label is not Label.SUPPORTED


def test_a_person_swapped_under_another_title_is_a_contradiction():
    passage = ("The flood toll in Sikkim rose to 21. Chief Minister Prem Singh Tamang said the "
               "bodies of seven of the 23 army personnel missing from the Bardang area had been "
               "found downstream, one soldier had been rescued and the search went on for 15.")
    text = ("Sikkim Chief Secretary Vijay Bhushan Pathak said the bodies of seven of the 23 "
            "soldiers missing from Bardang had been found downstream, that one soldier had been "
            "rescued and that 15 were still being sought.")
    verdict = RulesJudge().judge(claim(text), [hit(passage, dense=0.65)])
    assert verdict.label is Label.CONTRADICTED and "Prem Singh Tamang" in verdict.rationale


def test_a_name_another_report_writes_in_the_claims_words_is_not_swapped():
    text = ("At Oslo City Hall on Sunday, 10 December 2023, her 17-year-old twins, who live in "
            "Paris with their father, accepted the prize in her place.")
    ceremony = hit("Her 17-year-old twins accepted the prize for her at Oslo City Hall on Sunday, "
                   "10 December 2023, reading a speech she wrote in a Tehran prison.", dense=0.74)
    family = hit("Her 17-year-old twins, who live in Paris with their father, received the award "
                 "at Oslo City Hall.", dense=0.71, rank=2)
    assert RulesJudge().judge(claim(text), [ceremony, family]).label is not Label.CONTRADICTED
    # without that report, the other city stands in the claim's place
    assert RulesJudge().judge(claim(text), [ceremony]).label is Label.CONTRADICTED


def test_a_passage_giving_other_values_for_every_figure_measures_something_else():
    stand = hit("Head reached his century off 95 balls, and he and Labuschagne added 192 for the "
                "fourth wicket as Australia won the final.", dense=0.75)
    text = "Head made 137 runs off 120 balls as Australia won the final."
    assert RulesJudge().judge(claim(text), [stand]).label is not Label.CONTRADICTED
    # one figure stated alike pins the measure: the other then clashes
    innings = hit("Head made 137 runs off 120 balls as Australia won the final.", dense=0.75)
    assert RulesJudge().judge(claim("Head made 137 runs off 150 balls as Australia won the "
                                    "final."), [innings]).label is Label.CONTRADICTED


def test_figures_moving_the_other_way_are_no_other_measure():
    passage = hit("Alphabet's stock fell after the request, trading 5.9% lower by 2:15 p.m. "
                  "Eastern time.", dense=0.9)
    text = "Alphabet's stock fell after the request, trading 5.9% higher by 2:15 p.m. Eastern time."
    assert RulesJudge().judge(claim(text), [passage]).label is Label.CONTRADICTED
    # nor is a passage stating one of the figures alike where it gives another in its place
    deal = hit("Microsoft's biggest purchase had been LinkedIn, bought for $26.2 billion in 2016; "
               "in 2021 it completed a $7.5 billion takeover of Bethesda.", dense=0.9)
    assert RulesJudge().judge(claim(
        "Microsoft's biggest purchase had been LinkedIn, bought for $52.4 billion in 2016; in 2021 "
        "it completed a $7.5 billion takeover of Bethesda."), [deal]).label is Label.CONTRADICTED


def test_a_passage_clashing_only_on_a_time_of_day_tells_of_another_moment():
    text = ("The black signal went up at 11.05pm, less than two hours after the amber warning of "
            "9.25pm, and remained in force for 16 hours and 35 minutes.")
    lowered = hit("At the briefing on Friday the Observatory said it replaced the black signal "
                  "with amber at 3.40pm, after the top alert had been in force for more than 16 "
                  "hours since 11.05pm on Thursday; the previous longest black warning had lasted "
                  "five hours.", dense=0.81)
    raised = hit("The Observatory raised the black rainstorm warning at 11.05pm on Thursday, "
                 "replacing a red signal hoisted at 9.50pm, which had followed an amber signal "
                 "at 9.25pm. A black signal means rain of more than 70mm an hour.",
                 dense=0.49, rank=2)
    assert RulesJudge().judge(claim(text), [lowered, raised]).label is not Label.CONTRADICTED
    # alone, the report of the later amber signal still gives the claim's time otherwise
    assert RulesJudge().judge(claim(text), [lowered]).label is Label.CONTRADICTED


def test_a_report_pinning_the_event_comes_before_one_on_another_event():
    text = ("In the hour to midnight on Thursday, 7 September 2023, the Observatory measured "
            "158.1 mm of rain, its highest hourly reading since records began in 1884.")
    older = hit("On 7 June 2008 the Observatory recorded 145.5 mm of rain in the hour to 8am, the "
                "highest hourly reading since records began.", dense=0.8)
    record = hit("The storm dropped 158.1 millimetres of rain on the Observatory between 11pm and "
                 "midnight on Thursday night, the largest hourly amount since records started "
                 "in 1884.", dense=0.6, rank=2, published=None)
    verdict = RulesJudge().judge(claim(text), [older, record])
    assert verdict.label is Label.UNVERIFIED  # (the record's report leaves the day unsaid)
    assert verdict.evidence[0].passage.id == "p2"


def test_a_figure_among_the_claims_words_around_it_refutes_a_loosely_worded_claim():
    passage = hit("The Tribune reported that as a member of the alliance Norway is bound by its "
                  "mutual defence clause and will benefit from allied help. Norway, which plans "
                  "to raise its defence budget by 40 per cent by 2030, has 5.5 million people "
                  "but only 9,000 professional soldiers. It trains more than 8,000 conscripts a "
                  "year.", dense=0.85)
    wrong = RulesJudge().judge(claim("The Norwegian government intends to increase the "
                                     "country's defence budget by 60 per cent by 2030."),
                               [passage])
    assert wrong.label is Label.CONTRADICTED
    assert "40 per cent" in wrong.rationale
    right = RulesJudge().judge(claim("The Norwegian government intends to increase the "
                                     "country's defence budget by 40 per cent by 2030."),
                               [passage])
    assert right.label is Label.SUPPORTED
