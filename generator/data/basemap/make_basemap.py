"""Write countries.json, the basemap of the map pages, from Natural Earth data in TopoJSON.

Run by hand, once per new source version (the output is committed):

    curl -sL https://registry.npmjs.org/world-atlas/-/world-atlas-2.0.2.tgz | tar xz -C /tmp
    python generator/data/basemap/make_basemap.py /tmp/package/countries-110m.json

Source: the npm package `world-atlas` 2.0.2 (https://github.com/topojson/world-atlas, ISC licence,
copyright 2013-2019 Michael Bostock), file `countries-110m.json`: Natural Earth's 1:110m
"Admin 0 - Countries" (https://www.naturalearthdata.com), which is in the public domain.

TopoJSON stores each outline once as an arc shared by the polygons on both sides of it; an arc's
points are quantized integers, each one a delta from the previous, and the file's transform
(scale, translate) maps them back to degrees. This script rebuilds every country's rings from
its arcs (a negative index ~i means arc i reversed), rounds the points to 0.1 degree and writes
them as integers in tenths of a degree: `{"countries": [[[x0, y0, x1, y1, ...], ...], ...]}` (a
country is a list of rings; x is the longitude, y the latitude), in the source's order. A ring
crossing the antimeridian runs a little past ±180° and is repeated 360° away (see `unwrap`), so
a map clipped to ±180° draws it whole on both sides and no line across the world. Names and
ids are left out: the map draws outlines only. The output is deterministic.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

Point = tuple[float, float]
OUTPUT = Path(__file__).resolve().parent / "countries.json"
SOURCE = "Natural Earth 1:110m Admin 0 countries (public domain), via world-atlas 2.0.2 (ISC)"


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Undo the delta encoding and the quantization of every arc: points in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """Join a ring's arcs; consecutive arcs share their end point, kept once."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def tenths(points: list[Point]) -> list[int]:
    """Round a ring to 0.1 degree as flat integers, dropping points that round onto the last one."""
    flat: list[int] = []
    for lon, lat in points:
        x, y = round(lon * 10), round(lat * 10)
        if flat[-2:] != [x, y]:
            flat += [x, y]
    if flat[:2] == flat[-2:] and len(flat) > 2:
        flat = flat[:-2]
    return flat


def unwrap(ring: list[int]) -> list[int]:
    """Make a ring's longitudes continuous across the antimeridian; close a ring around a pole.

    The source joins the pieces Natural Earth cut at ±180°, so a ring can step from -180° to
    +179°: drawn flat, that step is a line across the whole world. Here each such step becomes
    a step of a few tenths past ±180°. A ring that still ends 360° from where it started goes
    round a pole (Antarctica): it is closed along the pole's edge of the map.
    """
    xs, ys = ring[0::2], ring[1::2]
    out, offset = [xs[0]], 0
    for x in [*xs[1:], xs[0]]:
        step = x + offset - out[-1]
        offset -= 3600 * round(step / 3600) if abs(step) > 1800 else 0
        out.append(x + offset)
    unwrapped = [v for pair in zip(out[:-1], ys, strict=True) for v in pair]
    if offset:
        pole = -900 if sum(ys) < 0 else 900
        unwrapped += [out[-2], pole, xs[0], pole]
    return unwrapped


def copies(ring: list[int]) -> list[list[int]]:
    """The ring, and where it runs past ±180°, the ring shifted by 360° so the other side shows it."""
    xs = ring[0::2]
    shifted = []
    if min(xs) < -1800:
        shifted.append([v + 3600 if i % 2 == 0 else v for i, v in enumerate(ring)])
    if max(xs) > 1800:
        shifted.append([v - 3600 if i % 2 == 0 else v for i, v in enumerate(ring)])
    return [ring, *shifted]


def country_rings(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[int]]:
    """Every ring (outer and holes) of a Polygon or MultiPolygon with at least three points."""
    polygons = geometry.get("arcs", [])
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    rings = [tenths(ring_points(ring, arcs)) for polygon in polygons for ring in polygon]
    return [copy for ring in rings if len(ring) >= 6 for copy in copies(unwrap(ring))]


def convert(topology: dict[str, Any]) -> dict[str, Any]:
    """The basemap: each country's rings, in the source's order."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    countries = [rings for rings in (country_rings(g, arcs) for g in geometries) if rings]
    return {"source": SOURCE, "units": "tenths of a degree: x = longitude, y = latitude",
            "countries": countries}


def main(argv: list[str]) -> None:
    """Convert the TopoJSON file named on the command line into countries.json."""
    topology = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    data = convert(topology)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # One country a line: a new source version then reads as a diff of the countries it changed.
    text = text.replace("]],[[", "]],\n[[").replace('"countries":[[[', '"countries":[\n[[')
    OUTPUT.write_text(text + "\n", encoding="utf-8")
    print(f"{OUTPUT}: {len(data['countries'])} countries, {OUTPUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv)
