"""Coverage: which source reports which question, position and central entity, on invented sources.

The outlets, people and questions are invented: a ferry strike, a bakery recall, a chess ruling.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest

from generator.analyze.coverage import find_coverage
from generator.core.models import (
    Article,
    Citation,
    Claim,
    Entity,
    Mention,
    Paragraph,
    Position,
    Site,
    SiteConfig,
    SourceMeta,
)
from generator.core.paths import TEMPLATES
from generator.core.slugs import assign_slugs, slugify
from generator.pipeline import generate
from generator.site.coverage_grid import coverage_grids, letter, page_path
from generator.site.knowledge import knowledge_json
from generator.site.render import render_pages

from .conftest import MINI, ROOT
from .test_markdown import site_markdown

SCHEMA = json.loads((ROOT / "generator" / "knowledge.schema.json").read_text())
HOSTILE = "| <b>x</b> [a](b) {: onclick=x } *y*"


def article(source: str, outlet: str | None = None, title: str = "", paragraphs: int = 4) -> Article:
    """An invented article with numbered paragraphs."""
    texts = tuple(Paragraph(f"p{i}", f"Paragraph {i} of the {source} story.", "text", i)
                  for i in range(1, paragraphs + 1))
    return Article(source, slugify(source), f"{source}.txt", title or f"The {source} story", texts, (),
                   SourceMeta(outlet=outlet))


def cited(source: str, paragraph: str = "p1") -> Citation:
    """A citation of one whole invented paragraph."""
    return Citation(source, paragraph, f"Paragraph {paragraph[1:]} of the {source} story.")


def position(side: str, *citations: Citation) -> Position:
    """A position held by `side`, cited where given."""
    return Position(side, (), f"{side} says so", citations)


def claim(cid: str, *positions: Position, topic: str = "") -> Claim:
    """A question with its positions."""
    return Claim(cid, topic or f"Is the {cid} story true?", "disputed", positions)


def entity(eid: str, name: str, *places: tuple[str, str], kind: str = "group") -> Entity:
    """An entity named at each (source, paragraph)."""
    mentions = tuple(Mention(s, p, 0, name) for s, p in places)
    return Entity(eid, kind, name, (), None, None, mentions)


FERRY = (article("gull", "Gull Post"), article("heron", "Heron Daily"), article("ibis"))


@pytest.mark.parametrize("claims", [
    (claim("strike", position("Union", cited("gull", "p2")), position("Ferry Line", cited("gull", "p3"))),),
    (claim("strike", position("Union", cited("gull", "p2"))),
     claim("wages", position("Ferry Line", cited("gull", "p3")), position("Union", cited("heron")))),
], ids=["one-question", "two-questions"])
def test_coverage_source_reporting_two_positions(claims: tuple[Claim, ...]) -> None:
    coverage = find_coverage(FERRY, claims, ())
    gull = coverage.sources[0]
    assert gull.source == "gull"
    assert [(r.side, [c.paragraph for c in r.citations]) for r in gull.reports] == [
        ("Union", ["p2"]), ("Ferry Line", ["p3"])]
    assert [s.source for s in coverage.reporting()] == sorted({c.source for k in claims for p in k.positions
                                                                 for c in p.citations})


@pytest.mark.parametrize(("citations", "only"), [
    ((cited("gull"),), "source"),
    ((cited("gull", "p1"), cited("gull", "p3")), "source"),
    ((cited("gull"), cited("heron")), ""),
    ((cited("ibis"), cited("heron", "p2")), ""),
], ids=["one-citation", "one-source-twice", "two-outlets", "unknown-and-known-outlet"])
def test_coverage_position_only_one_source_reports(citations: tuple[Citation, ...], only: str) -> None:
    claims = (claim("recall", position("Bakery", *citations), position("Regulator", cited("heron", "p4"))),)
    coverage = find_coverage(FERRY, claims, ())
    reports = [r for s in coverage.sources for r in s.reports if r.side == "Bakery"]
    assert {r.only for r in reports} == {only}
    assert [e.side for e in coverage.exclusives if e.side == "Bakery"] == (["Bakery"] if only else [])
    assert len(reports[0].citations) == sum(c.source == reports[0].citations[0].source for c in citations)


@pytest.mark.parametrize(("outlets", "only"), [
    (("Gull Post", "Gull Post", "Heron Daily"), "outlet"),
    (("Gull Post", " gull  POST ", "Heron Daily"), "outlet"),
    (("Gull Post", "Heron Daily", "Heron Daily"), ""),
    ((None, None, "Heron Daily"), ""),
    (("Gull Post", "Gull Post", "Gull Post"), ""),
], ids=["same-outlet", "same-outlet-spelt-apart", "two-outlets", "unknown-outlets", "one-outlet-corpus"])
def test_coverage_outlet_with_two_sources_counts_as_one(outlets: tuple[str | None, ...], only: str) -> None:
    articles = tuple(article(s, o) for s, o in zip(("gull", "gull-2", "heron"), outlets, strict=True))
    claims = (claim("ruling", position("Chess Board", cited("gull"), cited("gull-2", "p2")),
                    position("Player", cited("heron"))),)
    coverage = find_coverage(articles, claims, ())
    board = [r.only for s in coverage.sources for r in s.reports if r.side == "Chess Board"]
    assert board == [only, only]
    exclusive = [e for e in coverage.exclusives if e.side == "Chess Board"]
    assert [(e.scope, e.sources, e.outlet) for e in exclusive] == (
        [("outlet", ("gull", "gull-2"), "Gull Post")] if only else [])


def test_coverage_central_entities_are_those_most_sources_name() -> None:
    entities = (
        entity("captain", "Ada Quill", ("gull", "p1"), ("gull", "p2"), ("heron", "p3"), kind="person"),
        entity("port", "Saltmere", ("gull", "p1"), ("heron", "p1"), ("ibis", "p2"), kind="place"),
        entity("once", "Brine Works", ("ibis", "p1"), ("ibis", "p2")),
        entity("passing", "Tern Bay", ("gull", "p4"), kind="place"),
    )
    coverage = find_coverage(FERRY, (), entities)
    assert coverage.central == ("port", "captain")
    gull = coverage.sources[0]
    assert [(n.entity, n.mentions, n.paragraphs) for n in gull.names] == [
        ("port", 1, ("p1",)), ("captain", 2, ("p1", "p2"))]
    assert find_coverage(FERRY, (), entities, central=1).central == ("port",)


def test_coverage_questions_most_sources_report_come_first() -> None:
    claims = (claim("small", position("A", cited("gull"))),
              claim("wide", position("B", cited("gull"), cited("heron")), position("C", cited("ibis"))),
              claim("mid", position("D", cited("heron"), cited("ibis"))))
    assert find_coverage(FERRY, claims, ()).questions == ("wide", "mid", "small")


@pytest.mark.parametrize("shuffle", [lambda xs: xs, lambda xs: tuple(reversed(xs))],
                         ids=["as-is", "reversed"])
def test_coverage_is_deterministic(shuffle: Callable[[tuple[Entity, ...]], tuple[Entity, ...]]) -> None:
    entities = (entity("tie-b", "Bolt Yard", ("gull", "p1"), ("heron", "p1")),
                entity("tie-a", "Anchor Yard", ("gull", "p2"), ("heron", "p2")))
    claims = (claim("strike", position("Union", cited("gull"), cited("heron"))),)
    site = Site(SiteConfig(), FERRY, entities=entities, claims=claims,
                coverage=find_coverage(FERRY, claims, shuffle(entities)))
    again = replace(site, coverage=find_coverage(FERRY, claims, shuffle(entities)))
    assert site.coverage.central == ("tie-a", "tie-b")
    assert knowledge_json(site) == knowledge_json(again)
    assert render_pages(site, (TEMPLATES,)) == render_pages(again, (TEMPLATES,))


class Grid(HTMLParser):
    """A rendered page: its tables (rows of cell texts), every tag, link and class, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.links: list[str] = []
        self.classes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]
        found = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.tables[-1][-1].append("")
        if tag == "a":
            self.links.append(found.get("href") or "")
        self.classes += (found.get("class") or "").split()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.tables and self.tables[-1] and self.tables[-1][-1]:
            self.tables[-1][-1][-1] += data


def coverage_html(site: Site, path: str = "sources/coverage.md") -> Grid:
    """Render one coverage page with the site's own Markdown configuration."""
    page = next(p for p in render_pages(site, (TEMPLATES,)) if p.path == path)
    grid = Grid()
    grid.feed(site_markdown().convert(page.content.decode().split("---\n", 2)[2]))
    return grid


def hostile_site(field: str) -> Site:
    """A two-source site with HOSTILE in one field the grid prints."""
    def pick(name: str, plain: str) -> str:
        return HOSTILE if field == name else plain

    articles = (article("gull", pick("outlet", "Gull Post"), title=pick("title", "Ferries stop")),
                article("heron", "Heron Daily"))
    claims = (claim("strike", position(pick("side", "Union"), cited("gull")),
                    position("Ferry Line", cited("heron")), topic=pick("topic", "Was the strike lawful?")),)
    entities = (entity("captain", pick("entity", "Ada Quill"), ("gull", "p1"), ("heron", "p2"),
                       kind="person"),)
    return Site(SiteConfig(), articles, entities=entities, claims=claims,
                coverage=find_coverage(articles, claims, entities))


@pytest.mark.parametrize("field", ["title", "outlet", "side", "topic", "entity"])
def test_coverage_hostile_names_stay_text_in_the_grid(field: str) -> None:
    grid = coverage_html(hostile_site(field))
    assert "b" not in grid.tags and "onclick" not in grid.attrs
    assert all(not urlsplit(href).netloc and not href.startswith("b") for href in grid.links)
    assert HOSTILE in " ".join(" ".join(grid.text).split())
    questions, entities = grid.tables
    assert [len(row) for row in questions] == [2, 2, 2]
    assert [len(row) for row in entities] == [2, 2, 2]
    if field in ("title", "outlet"):
        assert HOSTILE in questions[1][0] and HOSTILE in entities[1][0]
    if field == "entity":
        assert HOSTILE in entities[0][1]
    assert "only-here" in grid.classes


def test_coverage_pages_cap_columns_and_page_rows() -> None:
    articles = tuple(article(f"s{i}", f"Outlet {i % 3}") for i in range(5))
    claims = tuple(claim(f"q{k}", position("Side", *(cited(f"s{i}") for i in range(k + 1))))
                   for k in range(4))
    site = Site(SiteConfig(), articles, claims=claims, coverage=find_coverage(articles, claims, ()))
    grids = coverage_grids(site, columns=2, rows=2)
    assert [g.path for g in grids] == ["sources/coverage.md", "sources/coverage-2.md"]
    assert [c.claim.id for c in grids[0].columns] == ["q3", "q2"]
    assert [g.left_out for g in grids] == [2, 2]
    assert [(g.first, g.last, g.listed) for g in grids] == [(1, 2, 4), (3, 4, 4)]
    assert [[r.article.id for r in g.question_rows] for g in grids] == [["s0", "s1"], ["s2", "s3"]]


def test_coverage_pages_link_to_each_other() -> None:
    articles = tuple(article(f"s{i:03}", f"Outlet {i % 7}") for i in range(450))
    claims = (claim("q", position("Side", *(cited(a.id) for a in articles))),)
    site = Site(SiteConfig(), articles, claims=claims, coverage=find_coverage(articles, claims, ()))
    pages = {p.path: p.content.decode() for p in render_pages(site, (TEMPLATES,)) if "coverage" in p.path}
    assert sorted(pages) == ["sources/coverage-2.md", "sources/coverage-3.md", "sources/coverage.md"]
    assert "[2](coverage-2.md)" in pages["sources/coverage.md"]
    assert "[1](coverage.md)" in pages["sources/coverage-3.md"] and "**3**" in pages["sources/coverage-3.md"]
    assert "sources 401 to 450 of 450" in pages["sources/coverage-3.md"]


@pytest.mark.parametrize(("index", "label"), [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")])
def test_coverage_position_letters(index: int, label: str) -> None:
    assert letter(index) == label


@pytest.mark.parametrize("name", ["coverage", "Coverage", "coverage 2", "coverage-17"])
def test_coverage_page_names_are_never_a_source_slug(name: str) -> None:
    slug = assign_slugs([name, "coverage-page"])[name]
    assert slug not in {page_path(n).removeprefix("sources/").removesuffix(".md") for n in range(1, 30)}


@pytest.mark.parametrize("content", ["mini", "invented"])
def test_coverage_knowledge_json_follows_the_schema(content: str, corpus: Callable[..., Path]) -> None:
    folder = MINI if content == "mini" else corpus({
        "gull.txt": "Ferry strike halts crossings\n\nThe Ferry Line said the strike was unlawful.\n\n"
                    "The union denied that the strike was unlawful, Ada Quill said.\n",
        "heron.txt": "Crossings resume\n\nAda Quill said the Ferry Line had agreed to talks.\n",
    })
    data = json.loads(next(p.content for p in generate(folder).pages if p.path == "data/knowledge.json"))
    jsonschema.validate(data, SCHEMA)
    assert [s["source"] for s in data["coverage"]["sources"]] == [s["id"] for s in data["sources"]]
    paragraphs = {(s["id"], p["id"]) for s in data["sources"] for p in s["paragraphs"]}
    for entry in data["coverage"]["sources"]:
        for report in entry["reports"]:
            assert all((entry["source"], p) in paragraphs for p in report["paragraphs"])
    broken = json.loads(json.dumps(data))
    del broken["coverage"]["exclusive"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_coverage_every_grid_link_resolves_on_the_built_site(built: Callable[[Path], Path]) -> None:
    site = built(MINI)
    page = site / "sources" / "coverage" / "index.html"
    grid = Grid()
    grid.feed(page.read_text(encoding="utf-8"))
    main = page.read_text(encoding="utf-8")
    assert "only-here" in main
    links = [h for h in grid.links if h and not urlsplit(h).scheme and not h.startswith("#")]
    assert any(re.search(r"#p\d+$", h) for h in links) and any("claims/#claim-" in h for h in links)
    for href in links:
        parts = urlsplit(href)
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        assert target.is_file(), href
        if parts.fragment:
            assert f'id="{parts.fragment}"' in target.read_text(encoding="utf-8"), href


def test_coverage_key_lists_only_the_positions_of_the_page() -> None:
    articles = tuple(article(f"s{i}") for i in range(4))
    claims = (claim("q", *(position(f"Camp {i}", cited(f"s{i}")) for i in range(4))),)
    site = Site(SiteConfig(), articles, claims=claims, coverage=find_coverage(articles, claims, ()))
    grids = coverage_grids(site, rows=2)
    assert [[(label, p.side) for label, p in g.columns[0].positions] for g in grids] == [
        [("A", "Camp 0"), ("B", "Camp 1")], [("C", "Camp 2"), ("D", "Camp 3")]]
    assert {g.columns[0].total for g in grids} == {4}
