"""General knowledge about countries (GeoNames, CC BY 4.0): names, capitals, demonyms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

CREDIT = "Country names and capitals: GeoNames (geonames.org), CC BY 4.0."


@dataclass(frozen=True, order=True)
class Country:
    """A country with its capital."""

    name: str
    """English short name ('Moldova')."""
    iso: str
    """ISO 3166 alpha-2 code."""
    capital: str
    """Capital city, '' if none."""


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of the table, by name."""
    text = files("generator").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return tuple(sorted(Country(name, iso, capital) for iso, name, capital in rows))


@lru_cache(maxsize=4096)
def country_named(word: str) -> Country | None:
    """The country a name, capital or demonym stands for ('Chisinau', 'Moldova', 'Moldovan'), or None."""
    key = word.strip().casefold()
    if not key:
        return None
    for c in countries():
        if key in (c.name.casefold(), c.capital.casefold()):
            return c
    return country_of_demonym(word)


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> Country | None:
    """'Moldovan' -> Moldova, 'Chinese' -> China: the longest country name the demonym extends."""
    key = word.strip().casefold()
    if len(key) < 4 or not key.isalpha():
        return None
    best: Country | None = None
    for c in countries():
        name = c.name.casefold()
        stem = name[:max(4, len(name) - 1)]
        fits = " " not in name and key != name and key.startswith(stem) and len(key) - len(name) <= 4
        if fits and (best is None or len(name) > len(best.name)):
            best = c
    return best
