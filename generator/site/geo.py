"""Maps of the located places: the view that fits them, the basemap asset, the SVG of the points.

The projection is equidistant cylindrical (plate carrée stretched to be true to scale along one
parallel): x = longitude · cos(φ₀), y = -latitude, in tenths of a degree, where φ₀ is the middle
latitude of the view. A world view keeps φ₀ = 0; a regional view at 50° N is narrowed by
cos 50° ≈ 0.64, so its places keep their true shape and distances near the middle of the map,
which plain plate carrée would stretch east-west by half. One basemap (`assets/world.svg`,
drawn in plain plate carrée) serves every view: each map stretches it by cos(φ₀) as an `<image>`.
Views are antimeridian-free: a box never wraps past ±180°.
"""

from __future__ import annotations

import html
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BASEMAP = Path(__file__).resolve().parent.parent / "data" / "basemap" / "countries.json"
"""Natural Earth country outlines in tenths of a degree (written by make_basemap.py)."""
BASEMAP_PAGE = "assets/world.svg"
"""Where the basemap is written in docs/ (and so in the built site)."""
UNIT = 10
"""SVG units per degree."""
MARGIN = 0.2
"""Space around the points, as a share of their extent on each side."""
MIN_HEIGHT = 8.0
"""Degrees of latitude a fitted view shows at least (one point, or points close together)."""
INSET_HEIGHT = 12.0
"""Degrees of latitude of a place page's small map."""
INSET_ASPECT = 2.0
"""Width:height of a place page's small map, a strip under the place's facts."""
INSET_POINT_SIZE = 1 / 75
"""A point's radius on a place page's small map, which is drawn smaller, as a share of its width."""
ASPECT = (1.6, 2.4)
"""Narrowest and widest width:height ratio of a view, so a map is neither a strip nor a tower."""
WORLD = (-180.0, -58.0, 180.0, 84.0)
"""The whole-world view (west, south, east, north): inhabited latitudes, Antarctica left out."""
WORLD_WHEN = (200.0, 100.0)
"""Points spread over more than this many degrees (longitude, latitude) get the whole world."""
MAX_PARALLEL = 60.0
"""φ₀ never goes past this latitude, so a polar view is not squeezed to a sliver."""
POINT_SIZE = 1 / 140
"""A point's radius, as a share of the map's width (maps are drawn as wide as the page)."""
LABEL_SIZE = 1 / 48
"""A label's font size, as a share of the map's width."""
MAX_LABELS = 40
"""Labels a map writes at most (past that a map is a crowd of names; the table lists them all)."""
LABEL_WIDTH = 0.56
"""The width of a label's character, as a share of its font size (a little over the average)."""


@dataclass(frozen=True)
class Box:
    """A rectangle of the globe in degrees, west to east and south to north."""

    west: float
    """Western longitude."""
    south: float
    """Southern latitude."""
    east: float
    """Eastern longitude."""
    north: float
    """Northern latitude."""

    @property
    def width(self) -> float:
        """Degrees of longitude."""
        return self.east - self.west

    @property
    def height(self) -> float:
        """Degrees of latitude."""
        return self.north - self.south


@dataclass(frozen=True)
class View:
    """What a map shows: a box and the parallel along which it is true to scale."""

    box: Box
    """The area shown."""
    parallel: float
    """φ₀, the latitude of true scale (degrees)."""

    @property
    def squeeze(self) -> float:
        """cos(φ₀): how much narrower a degree of longitude is than a degree of latitude."""
        return math.cos(math.radians(self.parallel))

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Return the SVG coordinates of a point."""
        return lon * UNIT * self.squeeze, -lat * UNIT

    def viewbox(self) -> tuple[float, float, float, float]:
        """Return the SVG viewBox (x, y, width, height) of the box."""
        x, y = self.project(self.box.north, self.box.west)
        return x, y, self.box.width * UNIT * self.squeeze, self.box.height * UNIT


@dataclass(frozen=True)
class MapPoint:
    """A place drawn on a map: where, its name, and where its point links to."""

    lat: float
    """Latitude, degrees."""
    lon: float
    """Longitude, degrees."""
    name: str
    """The place's name (untrusted text: escaped when drawn)."""
    href: str
    """URL its point links to, relative to the page."""


def parallel_of(box: Box) -> float:
    """Return φ₀ for a box: its middle latitude, within ±MAX_PARALLEL."""
    middle = (box.south + box.north) / 2
    return max(-MAX_PARALLEL, min(MAX_PARALLEL, middle))


def bounding_box(points: Sequence[tuple[float, float]]) -> Box | None:
    """Return the smallest box holding every (lat, lon) point; None for no points."""
    if not points:
        return None
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    return Box(min(lons), min(lats), max(lons), max(lats))


def fit_view(points: Sequence[tuple[float, float]]) -> View | None:
    """Return the view of (lat, lon) points: their box with a margin, or the world; None if none."""
    box = bounding_box(points)
    if box is None:
        return None
    if box.width > WORLD_WHEN[0] or box.height > WORLD_WHEN[1]:
        world = Box(WORLD[0], min(WORLD[1], box.south - 2), WORLD[2], max(WORLD[3], box.north + 2))
        return View(_inside_globe(world), 0.0)
    pad_x, pad_y = box.width * MARGIN, box.height * MARGIN
    padded = Box(box.west - pad_x, box.south - pad_y, box.east + pad_x, box.north + pad_y)
    grow = max(0.0, MIN_HEIGHT - padded.height) / 2
    padded = Box(padded.west, padded.south - grow, padded.east, padded.north + grow)
    return _shaped(padded)


def centred_view(lat: float, lon: float, height: float = INSET_HEIGHT, aspect: float = INSET_ASPECT) -> View:
    """Return a view `height` degrees of latitude high centred on a point (shifted off the edges)."""
    tall = _inside_globe(Box(lon, lat - height / 2, lon, lat + height / 2))
    half = height * aspect / math.cos(math.radians(parallel_of(tall))) / 2
    return _shaped(Box(lon - half, tall.south, lon + half, tall.north))


def _shaped(box: Box) -> View:
    """Widen or heighten a box to an aspect within ASPECT, keep it on the globe, and fix φ₀."""
    box = _inside_globe(box)
    squeeze = math.cos(math.radians(parallel_of(box)))
    narrowest, widest = ASPECT
    if box.width * squeeze < narrowest * box.height:
        grow = (narrowest * box.height / squeeze - box.width) / 2
        box = Box(box.west - grow, box.south, box.east + grow, box.north)
    elif box.width * squeeze > widest * box.height:
        grow = (box.width * squeeze / widest - box.height) / 2
        box = Box(box.west, box.south - grow, box.east, box.north + grow)
    box = _inside_globe(box)
    return View(box, parallel_of(box))


def _inside_globe(box: Box) -> Box:
    """Shift a box back onto the globe (±180°, ±90°); cut it where it is larger than the globe."""
    west, east = _within(box.west, box.east, -180.0, 180.0)
    south, north = _within(box.south, box.north, -90.0, 90.0)
    return Box(west, south, east, north)


def _within(low: float, high: float, floor: float, ceiling: float) -> tuple[float, float]:
    """Shift the interval [low, high] inside [floor, ceiling], keeping its length where it fits."""
    if high - low >= ceiling - floor:
        return floor, ceiling
    shift = max(0.0, floor - low) - max(0.0, high - ceiling)
    return low + shift, high + shift


def number(value: float) -> str:
    """Write an SVG number with at most one decimal, the same way every time ('-0' as '0')."""
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def xml_text(text: str) -> str:
    """Escape untrusted text for an XML element or attribute (&, <, >, both quotes)."""
    return html.escape(" ".join(text.split()), quote=True)


@cache
def basemap_rings() -> tuple[tuple[tuple[int, ...], ...], ...]:
    """Return the countries of the basemap, each a tuple of rings of flat (x, y) tenths."""
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return tuple(tuple(tuple(ring) for ring in country) for country in data["countries"])


def ring_path(ring: Sequence[int]) -> str:
    """Return the path data of one ring (x = longitude, y = -latitude, in tenths of a degree)."""
    points = [f"{ring[i]} {-ring[i + 1]}" for i in range(0, len(ring), 2)]
    return "M" + "L".join(points) + "Z"


def world_svg() -> bytes:
    """Return the basemap asset: every country filled, its borders drawn, in plain plate carrée."""
    paths = ["<path d=\"" + "".join(ring_path(r) for r in country) + "\"/>" for country in basemap_rings()]
    box = f"{-180 * UNIT} {-90 * UNIT} {360 * UNIT} {180 * UNIT}"
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- Natural Earth 1:110m countries (public domain), via world-atlas 2.0.2 (ISC) -->\n"
            f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{box}\" preserveAspectRatio=\"none\">\n"
            "<g fill=\"#e6e2d8\" stroke=\"#a3a9ad\" stroke-width=\"0.4\" stroke-linejoin=\"round\">\n"
            + "\n".join(paths) + "\n</g>\n</svg>\n").encode("utf-8")


Label = tuple[float, float, str]
"""Where a label is written: x, y and its text-anchor ('start' right of its point, 'end' left)."""


def place_labels(view: View, points: Sequence[MapPoint]) -> list[Label | None]:
    """Place each point's label right of it, else left; None where both would cover a point or label.

    Points are taken in the order given (the most important first), so they keep their labels;
    past MAX_LABELS placed, the rest go without.
    """
    x0, y0, width, height = view.viewbox()
    size, gap = width * LABEL_SIZE, width * POINT_SIZE * 1.6
    frame = (x0, y0, x0 + width, y0 + height)
    taken = [(x - gap / 2, y - gap / 2, x + gap / 2, y + gap / 2)
             for x, y in (view.project(p.lat, p.lon) for p in points)]
    spots: list[Label | None] = [None] * len(points)
    placed = 0
    for i, point in enumerate(points):
        if placed == MAX_LABELS:
            break
        px, py = view.project(point.lat, point.lon)
        span = size * LABEL_WIDTH * len(point.name)
        for left, x, anchor in ((px + gap, px + gap, "start"), (px - gap - span, px - gap, "end")):
            box = (left, py - size * 0.7, left + span, py + size * 0.3)
            if _within_frame(box, frame) and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                spots[i], placed = (x, py + size * 0.35, anchor), placed + 1
                break
    return spots


def _within_frame(box: tuple[float, float, float, float], frame: tuple[float, float, float, float]) -> bool:
    """Whether a (left, top, right, bottom) box lies inside another."""
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    """Whether two (left, top, right, bottom) boxes overlap."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_svg(view: View, points: Sequence[MapPoint], basemap_href: str, label: str,
            labelled: bool = True, point_size: float = POINT_SIZE) -> str:
    """Return an inline SVG of the view: sea, the basemap stretched to the view, a linked point each.

    Each point is an `<a>` to its href whose `<title>` is the place's name, so a pointer or a
    screen reader names it, with the name written beside it where it has room (and `labelled`);
    points come in the order given, which decides who gets a label. Every value from the corpus
    is XML-escaped.
    """
    x, y, width, height = view.viewbox()
    left, top = view.project(90.0, -180.0)
    radius = width * point_size
    parts = [
        f"<svg class=\"place-map\" viewBox=\"{number(x)} {number(y)} {number(width)} {number(height)}\" "
        f"aria-label=\"{xml_text(label)}\">",
        f"<rect class=\"place-map-sea\" x=\"{number(x)}\" y=\"{number(y)}\" width=\"{number(width)}\" "
        f"height=\"{number(height)}\"/>",
        f"<image class=\"place-map-land\" href=\"{xml_text(basemap_href)}\" x=\"{number(left)}\" "
        f"y=\"{number(top)}\" width=\"{number(360 * UNIT * view.squeeze)}\" height=\"{180 * UNIT}\" "
        "preserveAspectRatio=\"none\"/>",
    ]
    spots = place_labels(view, points) if labelled else [None] * len(points)
    for point, spot in zip(points, spots, strict=True):
        cx, cy = view.project(point.lat, point.lon)
        text = "" if spot is None else (
            f"<text class=\"place-map-label\" x=\"{number(spot[0])}\" y=\"{number(spot[1])}\" "
            f"text-anchor=\"{spot[2]}\" font-size=\"{number(width * LABEL_SIZE)}\">"
            f"{xml_text(point.name)}</text>")
        parts.append(f"<a href=\"{xml_text(point.href)}\"><title>{xml_text(point.name)}</title>"
                     f"<circle class=\"place-map-point\" cx=\"{number(cx)}\" cy=\"{number(cy)}\" "
                     f"r=\"{number(radius)}\"/>{text}</a>")
    parts.append("</svg>")
    return "".join(parts)
