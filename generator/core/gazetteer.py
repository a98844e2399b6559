"""General knowledge about countries and towns (GeoNames, CC BY 4.0): names, capitals, demonyms, places."""

from __future__ import annotations

import gzip
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from .spelling import normal_key, translit_key


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
    return _countries_by_name_or_capital().get(key) or country_of_demonym(word)


@cache
def _countries_by_name_or_capital() -> dict[str, Country]:
    """Each country by its name and by its capital in lower case: the first of the list where two
    share one (as a walk down the list would find)."""
    found: dict[str, Country] = {}
    for c in countries():
        found.setdefault(c.name.casefold(), c)
        if c.capital:
            found.setdefault(c.capital.casefold(), c)
    return found


IRREGULAR_DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "french": "France", "dutch": "Netherlands",
    "swiss": "Switzerland", "greek": "Greece", "danish": "Denmark", "swedish": "Sweden",
    "norwegian": "Norway", "polish": "Poland", "spanish": "Spain", "turkish": "Turkey", "irish": "Ireland",
    "finnish": "Finland",
    "filipino": "Philippines", "thai": "Thailand", "saudi": "Saudi Arabia", "afghan": "Afghanistan",
    "czech": "Czechia", "portuguese": "Portugal", "belgian": "Belgium", "lebanese": "Lebanon",
    "emirati": "United Arab Emirates", "ivorian": "Ivory Coast", "burmese": "Myanmar",
    "bosnian": "Bosnia and Herzegovina", "slovak": "Slovakia", "serb": "Serbia", "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan", "tajik": "Tajikistan", "kyrgyz": "Kyrgyzstan", "malagasy": "Madagascar",
}
"""Adjectives of people that do not extend their country's name ('British' -> United Kingdom)."""


@lru_cache(maxsize=4096)
def country_of_demonym(word: str) -> Country | None:
    """'Moldovan' -> Moldova, 'Chinese' -> China: the longest country name the demonym extends, or the
    country of an irregular one ('British', 'Dutch')."""
    key = word.strip().casefold()
    if key in IRREGULAR_DEMONYMS:
        return country_by_name(IRREGULAR_DEMONYMS[key])
    if len(key) < 4 or not key.isalpha():
        return None
    best: Country | None = None
    for c in _demonym_candidates(key[:STEM]):
        name = c.name.casefold()
        stem = name[:max(STEM, len(name) - 1)]
        fits = key != name and key.startswith(stem) and len(key) - len(name) <= 4
        if fits and (best is None or len(name) > len(best.name)):
            best = c
    return best


STEM = 4
"""Letters of a country's name a demonym always begins with ('Moldovan' of 'Moldova')."""


@cache
def _demonym_candidates(start: str) -> tuple[Country, ...]:
    """The countries of one word whose name a demonym beginning with these letters can extend, in
    the list's order (a name shorter than STEM letters is a candidate for every start)."""
    return tuple(c for c in countries() if " " not in c.name
                 and (len(c.name) < STEM or c.name.casefold()[:STEM] == start))


@dataclass(frozen=True, order=True)
class Town:
    """A town or city of the gazetteer."""

    name: str
    """GeoNames' name ('Lisk')."""
    geonameid: int
    """GeoNames id: https://www.geonames.org/<id>."""
    country: str
    """ISO 3166 alpha-2 code."""
    region: str
    """First-level region ('Rhondda'), '' when the gazetteer's tables disagree on it."""
    lat: float
    """Latitude, decimal degrees (WGS 84)."""
    lon: float
    """Longitude, decimal degrees (WGS 84)."""
    population: int
    """Population as GeoNames records it."""


@lru_cache(maxsize=1)
def _town_rows() -> tuple[str, ...]:
    """The lines of the town table (see bench/gazetteer/make_places.py for its columns)."""
    raw = files("generator").joinpath("data/places.tsv.gz").read_bytes()
    return tuple(line for line in gzip.decompress(raw).decode("utf-8").splitlines()
                 if line and not line.startswith("#"))


def towns_named(names: Iterable[str]) -> dict[str, tuple[Town, ...]]:
    """For each name, the towns that have it as name or alternate name: as written (case and
    accents folded), else after transliteration folding ('Shcholkino' finds Shchyolkino).

    One pass over the table answers every name, so ask for all names at once.
    """
    wanted = {n: (normal_key(n), translit_key(n)) for n in names}
    exact_keys = {e for e, _ in wanted.values()}
    folded_keys = {f for _, f in wanted.values()}
    exact: dict[str, list[Town]] = defaultdict(list)
    folded: dict[str, list[Town]] = defaultdict(list)
    for line in _town_rows():
        head, exact_field, folded_field = line.rsplit("\t", 2)
        hit_exact = exact_keys.intersection(exact_field.split(";"))
        hit_folded = folded_keys.intersection(folded_field.split(";"))
        if not hit_exact and not hit_folded:
            continue
        gid, name, country, region, lat, lon, population = head.split("\t")
        town = Town(name, int(gid), country, region, float(lat), float(lon), int(population))
        for key in hit_exact:
            exact[key].append(town)
        for key in hit_folded:
            folded[key].append(town)
    return {n: tuple(exact.get(e) or folded.get(f) or ()) for n, (e, f) in wanted.items()}


def region_countries(stems: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each region name (folded, 'lisk'), the countries whose towns lie in a region so named."""
    wanted = set(stems)
    found: dict[str, set[str]] = defaultdict(set)
    folded: dict[str, str] = {}
    for line in _town_rows() if wanted else ():
        _, _, country, region, _ = line.split("\t", 4)
        if region not in folded:
            folded[region] = normal_key(region)
        if folded[region] in wanted:
            found[folded[region]].add(country)
    return {s: frozenset(found.get(s, ())) for s in wanted}


def country_by_name(name: str) -> Country | None:
    """The country this is the name of ('Moldova'), not its capital or demonym."""
    return _countries_by_name().get(name.strip().casefold())


def country_by_iso(iso: str) -> Country | None:
    """The country with this ISO code."""
    return _countries_by_iso().get(iso)


@cache
def _countries_by_name() -> dict[str, Country]:
    """Each country by its name in lower case (the first of the list, where two share one)."""
    found: dict[str, Country] = {}
    for c in countries():
        found.setdefault(c.name.casefold(), c)
    return found


@cache
def _countries_by_iso() -> dict[str, Country]:
    """Each country by its ISO code (the first of the list, where two share one)."""
    found: dict[str, Country] = {}
    for c in countries():
        found.setdefault(c.iso, c)
    return found
