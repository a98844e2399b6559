"""The map page and the place pages' small maps: fitting, projection, escaping, links, basemap."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.core.models import Generated, Location, Page, Site
from generator.core.paths import MKDOCS_YML, TEMPLATES
from generator.pipeline import validate
from generator.site.build import build_site
from generator.site.geo import (
    ASPECT,
    BASEMAP_PAGE,
    INSET_HEIGHT,
    LABEL_SIZE,
    LABEL_WIDTH,
    MAX_LABELS,
    MIN_HEIGHT,
    Box,
    MapPoint,
    View,
    basemap_rings,
    bounding_box,
    centred_view,
    fit_view,
    map_svg,
    place_labels,
    world_svg,
    xml_text,
)
from generator.site.knowledge import page_url
from generator.site.markdown import built_link
from generator.site.render import render_pages
from generator.site.verify import PageScan

from .conftest import chromium

HOSTILE = ("<script>document.body.dataset.xss=1</script>\" onload=\"document.body.dataset.xss=2\" "
           "& 'quotes' [a](javascript:b)")
SVG = "{http://www.w3.org/2000/svg}"
INVENTED = [(HOSTILE, 45.5, 12.25), ("Norvel", 46.0, 13.0), ("Quessa Ford", 44.75, 11.5),
            ("Tarrow", 45.25, 12.0)]
"""Names and coordinates given to the mini corpus's places that have a page (all invented)."""


def locate(site: Site, places: list[tuple[str, float, float]]) -> Site:
    """Give the site's places with a page the invented names and coordinates, in order."""
    chosen = iter(places)
    entities = []
    for entity in site.entities:
        spot = next(chosen, None) if entity.kind == "place" and entity.has_page else None
        if spot:
            name, lat, lon = spot
            where = Location(lat, lon, 1, f"gazetteer {name}", "Invented Land", "")
            entity = dataclasses.replace(entity, name=name, location=where)
        entities.append(entity)
    return dataclasses.replace(site, entities=tuple(entities))


@pytest.fixture(scope="module")
def located(mini_generated: Generated) -> Site:
    """The mini site with invented coordinates for its places, one of them named hostilely."""
    return locate(mini_generated.site, INVENTED)


@pytest.fixture(scope="module")
def located_pages(located: Site) -> dict[str, bytes]:
    """The located mini site's pages, by path."""
    return {page.path: page.content for page in render_pages(located, [TEMPLATES])}


@pytest.fixture(scope="module")
def located_built(located: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The located mini site built with MkDocs and verified; returns site/."""
    out = tmp_path_factory.mktemp("located")
    build_site(Generated(located, validate(located), ()), out / "docs", out / "site", MKDOCS_YML)
    return out / "site"


def svg_of(text: str) -> ET.Element:
    """Parse the one map SVG of a page as XML."""
    found = re.search(r"<svg class=\"place-map\".*?</svg>", text, re.DOTALL)
    assert found, "no map on the page"
    return ET.fromstring(found.group(0).replace("<svg ", f"<svg xmlns=\"{SVG[1:-1]}\" ", 1))


def inside(box: Box, lat: float, lon: float) -> bool:
    """Whether a point lies in a box."""
    return box.west <= lon <= box.east and box.south <= lat <= box.north


@pytest.mark.parametrize("points", [
    [(10.0, 20.0)],
    [(50.0, 30.0), (48.0, 38.0)],
    [(-33.9, 18.4), (-26.2, 28.0), (-29.8, 31.0)],
    [(0.0, 179.5), (1.0, 178.0)],
    [(89.5, 0.0)],
    [(70.0, -150.0), (71.0, -140.0), (65.0, -160.0)],
], ids=["one", "two-near", "three-south", "antimeridian-side", "near-pole", "arctic"])
def test_map_fit_view_holds_every_point_with_a_margin(points: list[tuple[float, float]]) -> None:
    view = fit_view(points)
    assert view is not None
    box = view.box
    assert all(inside(box, lat, lon) for lat, lon in points)
    assert -180 <= box.west < box.east <= 180 and -90 <= box.south < box.north <= 90
    assert box.height >= min(MIN_HEIGHT, 180) - 1e-9
    ratio = box.width * view.squeeze / box.height
    assert ASPECT[0] - 1e-9 <= ratio <= ASPECT[1] + 1e-9 or box.width == 360 or box.height == 180
    tight = bounding_box(points)
    assert tight is not None
    if box.north < 90 and box.south > -90:
        assert box.north > tight.north and box.south < tight.south


@pytest.mark.parametrize("points", [
    [(40.0, -100.0), (35.0, 139.0)],
    [(60.0, 10.0), (-46.0, 18.0), (10.0, 15.0)],
    [(-70.0, 0.0), (64.0, -20.0)],
], ids=["across-the-pacific", "north-to-south", "antarctic"])
def test_map_fit_view_is_the_world_when_points_are_spread(points: list[tuple[float, float]]) -> None:
    view = fit_view(points)
    assert view is not None
    assert (view.box.west, view.box.east, view.parallel) == (-180, 180, 0)
    assert all(inside(view.box, lat, lon) for lat, lon in points)


def test_map_fit_view_of_no_points_is_none() -> None:
    assert fit_view([]) is None
    assert bounding_box([]) is None


@pytest.mark.parametrize(("points", "expected"), [
    ([(1.0, 2.0)], Box(2.0, 1.0, 2.0, 1.0)),
    ([(1.0, 2.0), (-3.0, 5.0), (0.0, -4.0)], Box(-4.0, -3.0, 5.0, 1.0)),
])
def test_map_bounding_box(points: list[tuple[float, float]], expected: Box) -> None:
    assert bounding_box(points) == expected


@pytest.mark.parametrize(("parallel", "lat", "lon", "expected"), [
    (0.0, 10.0, 20.0, (200.0, -100.0)),
    (60.0, 10.0, 20.0, (100.0, -100.0)),
    (-60.0, -45.0, -180.0, (-900.0, 450.0)),
])
def test_map_projection_is_plate_carree_true_along_the_parallel(
        parallel: float, lat: float, lon: float, expected: tuple[float, float]) -> None:
    x, y = View(Box(-180, -90, 180, 90), parallel).project(lat, lon)
    assert (round(x, 6), round(y, 6)) == expected


@pytest.mark.parametrize(("lat", "lon"), [(45.0, 12.0), (-10.0, -60.0), (0.0, 0.0)])
def test_map_centred_view_is_centred_on_the_point(lat: float, lon: float) -> None:
    view = centred_view(lat, lon)
    box = view.box
    assert box.height == pytest.approx(INSET_HEIGHT)
    assert (box.north + box.south) / 2 == pytest.approx(lat)
    assert (box.east + box.west) / 2 == pytest.approx(lon)


@pytest.mark.parametrize(("lat", "lon"), [(89.0, 0.0), (-5.0, 179.9), (20.0, -179.9)])
def test_map_centred_view_stays_on_the_globe_near_its_edges(lat: float, lon: float) -> None:
    box = centred_view(lat, lon).box
    assert inside(box, lat, lon)
    assert box.west >= -180 and box.east <= 180 and box.south >= -90 and box.north <= 90


@pytest.mark.parametrize(("from_page", "to", "expected"), [
    ("map.md", "places/norvel.md", "../places/norvel/"),
    ("index.md", "map.md", "map/"),
    ("places/norvel.md", "map.md", "../../map/"),
    ("places/index.md", "map.md", "../map/"),
    ("places/norvel.md", BASEMAP_PAGE, "../../assets/world.svg"),
    ("map.md", "index.md", "../"),
])
def test_map_built_link_follows_directory_urls(from_page: str, to: str, expected: str) -> None:
    assert built_link(from_page, to) == expected


@pytest.mark.parametrize("count", [2, 12, 120])
def test_map_labels_never_overlap_and_the_first_point_keeps_its_label(count: int) -> None:
    points = [MapPoint(40 + (i % 11) * 0.3, 10 + (i // 11) * 0.9, f"Place {i}", f"p{i}/")
              for i in range(count)]
    view = fit_view([(p.lat, p.lon) for p in points])
    assert view is not None
    spots = place_labels(view, points)
    assert spots[0] is not None
    size = view.viewbox()[2] * LABEL_SIZE
    boxes = []
    for point, spot in zip(points, spots, strict=True):
        if spot is not None:
            x, baseline, anchor = spot
            span = size * LABEL_WIDTH * len(point.name)
            left = x if anchor == "start" else x - span
            boxes.append((left, baseline - size, left + span, baseline))
    assert len(boxes) <= MAX_LABELS
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] <= b[0] + 1e-6 or b[2] <= a[0] + 1e-6 or a[3] <= b[1] + 1e-6 or b[3] <= a[1] + 1e-6
            assert apart, (a, b)


@pytest.mark.parametrize("name", [HOSTILE, "<b>\"x\" & 'y'</b>"], ids=["long", "labelled"])
def test_map_svg_keeps_a_hostile_name_as_text(name: str) -> None:
    view = View(Box(0.0, 0.0, 60.0, 10.0), 0.0)
    svg = map_svg(view, [MapPoint(5.0, 10.0, name, "../places/x/?a=1&b=\"2\"")], "../w.svg", name)
    assert "<script" not in svg and "<b>" not in svg and "\" onload" not in svg
    root = ET.fromstring(svg.replace("<svg ", f"<svg xmlns=\"{SVG[1:-1]}\" ", 1))
    assert root.get("aria-label") == name
    link = root.find(f"{SVG}a")
    assert link is not None and link.get("href") == "../places/x/?a=1&b=\"2\""
    assert [t.text for t in root.iter(f"{SVG}title")] == [name]
    assert [t.text for t in root.iter(f"{SVG}text")] == ([] if name == HOSTILE else [name])
    assert xml_text("a  &\n<b>") == "a &amp; &lt;b&gt;"


def test_map_page_draws_every_located_place_linked_to_its_page(
        located: Site, located_pages: dict[str, bytes]) -> None:
    root = svg_of(located_pages["map.md"].decode("utf-8"))
    places = {e.name: e for e in located.located_places()}
    drawn = {a.findtext(f"{SVG}title") or "": a.get("href") for a in root.iter(f"{SVG}a")}
    assert sorted(drawn) == sorted(places) and len(places) == len(INVENTED)
    for name, href in drawn.items():
        assert places[name].page in located_pages
        assert href == built_link("map.md", places[name].page)


def test_map_page_table_shows_a_hostile_name_as_text(located_pages: dict[str, bytes]) -> None:
    text = located_pages["map.md"].decode("utf-8")
    table = text[text.index("| Place |"):]
    assert "&lt;script&gt;document.body.dataset.xss=1&lt;/script&gt;" in table
    outside_map = re.sub(r"<svg .*?</svg>", "", text, flags=re.DOTALL)
    assert "<script" not in text and "[a](javascript" not in outside_map


def test_map_place_page_has_a_small_map_linking_to_the_map_page(
        located: Site, located_pages: dict[str, bytes]) -> None:
    for entity in located.located_places():
        text = located_pages[entity.page].decode("utf-8")
        root = svg_of(text)
        assert [a.get("href") for a in root.iter(f"{SVG}a")] == ["../../map/"]
        assert "(../map.md)" in text
        x, y, width, height = (float(v) for v in (root.get("viewBox") or "").split())
        circle = root.find(f".//{SVG}circle")
        assert circle is not None
        assert float(circle.get("cx") or 0) == pytest.approx(x + width / 2, abs=0.1)
        assert float(circle.get("cy") or 0) == pytest.approx(y + height / 2, abs=0.1)


def test_map_built_site_verifies_and_every_point_lands_on_a_page(located_built: Path) -> None:
    html = (located_built / "map" / "index.html").read_text(encoding="utf-8")
    root = svg_of(html)
    hrefs = [a.get("href") or "" for a in root.iter(f"{SVG}a")]
    assert len(hrefs) == len(INVENTED)
    for href in hrefs:
        assert (located_built / "map" / href / "index.html").resolve().is_file()
    image = root.find(f"{SVG}image")
    assert image is not None and (located_built / "map" / (image.get("href") or "")).is_file()
    assert "<script>document" not in html


def test_map_hostile_name_runs_no_script_in_chromium(located: Site, located_built: Path) -> None:
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    from .test_serve_browser import CHROMIUM_FLAGS

    hostile = next(e for e in located.located_places() if e.name == HOSTILE)
    for page in ("map/index.html", f"{page_url(hostile.page)}index.html"):
        with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
            dom = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom",
                                  (located_built / page).as_uri()],
                                 capture_output=True, text=True, timeout=90).stdout
        assert "place-map" in dom, page
        assert "data-xss=" not in dom, f"a script from a place name ran on {page}"


def test_map_basemap_asset_is_svg_with_the_countries(located_built: Path) -> None:
    root = ET.parse(located_built / BASEMAP_PAGE).getroot()
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox") == "-1800 -900 3600 1800"
    assert len(list(root.iter(f"{SVG}path"))) > 150
    assert (located_built / BASEMAP_PAGE).stat().st_size < 300_000


def test_map_basemap_draws_no_line_across_the_world() -> None:
    for country in basemap_rings():
        for ring in country:
            points = list(zip(ring[0::2], ring[1::2], strict=True))
            for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
                assert abs(x1 - x0) <= 1800 or abs(y0) == abs(y1) == 900, (x0, y0, x1, y1)


def test_map_pages_are_deterministic(located: Site) -> None:
    first, second = render_pages(located, [TEMPLATES]), render_pages(located, [TEMPLATES])
    assert [(p.path, p.content) for p in first] == [(p.path, p.content) for p in second]
    assert world_svg() == world_svg()


def test_map_page_without_located_places_says_so(mini_generated: Generated) -> None:
    pages: dict[str, bytes] = {p.path: p.content for p in mini_generated.pages}
    text = pages["map.md"].decode("utf-8")
    assert "no map" in text and "<svg" not in text
    assert BASEMAP_PAGE not in pages
    assert all(b"place-map" not in content for path, content in pages.items() if path.endswith(".md"))


def scan(html: str) -> PageScan:
    """Scan a page whose content is the given HTML, as the verifier does."""
    page = PageScan("map/index.html")
    page.feed(f"<html><body><article class=\"md-content__inner\">{html}</article></body></html>")
    page.close()
    return page


GOOD = ("<svg class=\"place-map\" viewBox=\"0 0 1 1\" aria-label=\"m\"><rect class=\"s\" x=\"0\" y=\"0\" "
        "width=\"1\" height=\"1\"/><image class=\"l\" href=\"../assets/world.svg\" x=\"0\" y=\"0\" "
        "width=\"1\" height=\"1\" preserveAspectRatio=\"none\"/><a href=\"../places/x/\"><title>x</title>"
        "<circle class=\"p\" cx=\"0\" cy=\"0\" r=\"1\"/></a></svg>")


def test_map_verify_accepts_a_map_and_notes_its_links() -> None:
    page = scan(GOOD)
    assert page.unsafe == []
    assert page.map_links == ["../assets/world.svg", "../places/x/"]
    assert page.title == ""


@pytest.mark.parametrize("bad", [
    GOOD.replace("<title>x</title>", "<script>alert(1)</script>"),
    GOOD.replace("<circle ", "<circle onclick=\"alert(1)\" "),
    GOOD.replace("../places/x/", "https://example.com/"),
    GOOD.replace("../places/x/", "javascript:alert(1)"),
    GOOD.replace("../assets/world.svg", "//example.com/world.svg"),
    GOOD.replace("<title>x</title>", "<foreignObject><p>x</p></foreignObject>"),
    GOOD.replace("class=\"place-map\"", "class=\"other\""),
], ids=["script", "handler", "remote-link", "javascript", "remote-image", "foreign", "not-a-map"])
def test_map_verify_refuses_what_a_map_never_holds(bad: str) -> None:
    assert scan(bad).unsafe


def test_map_page_with_one_located_place(mini_generated: Generated) -> None:
    site = locate(mini_generated.site, [("Norvel", 46.0, 13.0)])
    pages: list[Page] = render_pages(site, [TEMPLATES])
    text = next(p.content for p in pages if p.path == "map.md").decode("utf-8")
    assert text.count("<title>") == 1 and "1 place of the sources" in text


def test_map_verify_fails_a_point_to_a_missing_page(
        located_built: Path, tmp_path_factory: pytest.TempPathFactory,
        mini_generated: Generated) -> None:
    from generator.site.verify import verify_built_site

    html = (located_built / "map" / "index.html").read_text(encoding="utf-8")
    broken = tmp_path_factory.mktemp("broken")
    (broken / "map").mkdir()
    (broken / "map" / "index.html").write_text(html, encoding="utf-8")
    failures = verify_built_site(broken, dataclasses.replace(mini_generated.site, articles=()))
    assert any("a map links to a missing page" in f for f in failures)

