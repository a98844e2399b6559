"""Stage `render`: Site -> Markdown pages through the Jinja templates in site_templates/."""

from __future__ import annotations

import functools
import re
import traceback
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from ..core.errors import ContentError, Problem
from ..core.models import (
    Article,
    Citation,
    Claim,
    Entity,
    Location,
    Page,
    Position,
    Site,
    SpeakerStatements,
    Statement,
    date_label,
)
from ..core.parallel import per_item
from ..extract.describe import descriptions
from .coverage_grid import coverage_grids
from .geo import (
    BASEMAP_PAGE,
    INSET_POINT_SIZE,
    MapPoint,
    centred_view,
    fit_view,
    map_svg,
    world_svg,
)
from .jsonld import page_data, serialise
from .knowledge import claim_anchor, knowledge_json
from .markdown import (
    Safe,
    built_link,
    escape_md,
    external_link,
    finalize,
    front_matter,
    link,
    relative_link,
)
from .paging import CLAIMS_PAGE, RESPONSES_PAGE, Layout, Part, lay_out, pack, pages_of

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("groups/index.md", "groups.md.j2", "Groups"),
    ("places/index.md", "places.md.j2", "Places"),
    ("map.md", "map.md.j2", "Map"),
    ("people/index.md", "people.md.j2", "People"),
    ("responses.md", "responses.md.j2", "Official responses"),
    ("claims.md", "claims.md.j2", "Competing claims"),
    ("timeline.md", "timeline.md.j2", "Timeline"),
    ("sources/index.md", "sources.md.j2", "Sources"),
    ("tags.md", "tags.md.j2", "Tags"),
    ("data.md", "data.md.j2", "Data"),
)
"""Section pages: (docs path, template, title). Home comes first, source pages last."""
OPTIONAL_SECTIONS = {"timeline.md": "timeline", "map.md": "map", "tags.md": "tags"}
"""Section pages an editor can turn off in site.yml, and the optional part each belongs to."""
LISTS: dict[str, Callable[[Site], Sequence[tuple[Any, Sequence[Any]]]]] = {
    "groups/index.md": lambda site: [(None, site.entities_of("group"))],
    "places/index.md": lambda site: [(None, site.entities_of("place"))],
    "people/index.md": lambda site: [(None, site.entities_of("person"))],
    "timeline.md": lambda site: site.events_by_day(),
    "sources/index.md": lambda site: [(None, site.articles)],
}
"""Section pages that list one thing per line, in groups (days for the timeline): the lines of each
page come as `parts`, and a long list goes on to numbered pages."""
SIDE_BY_SIDE = 3
"""A question with at most this many positions shows them in columns, side by side."""
COVERAGE_TITLE = "Which source reports what"
"""Title of the coverage pages (sources x questions, sources x central entities)."""
SHORT_TITLE = 8
"""Words of a headline the coverage grid shows in its first column."""
KEY_POINTS = 12
"""Sources whose opening sentence the home page shows; the sources page lists them all."""
KEY_CLAIMS = 12
"""Questions the home page lists under each status; the claims page lists them all."""
DATE_DISAGREEMENTS = 20
"""Developments dated differently that the timeline shows; knowledge.json has them all."""
SPELLING_SOURCES = 12
"""Sources an entity page names for one spelling; the rest are counted."""
KNOWLEDGE_PATH = "data/knowledge.json"
FIGURES_PAGE = "claims/figures.md"
"""Where the figures go when the competing claims need more than one page."""
MAP_PAGE = "map.md"
STANCE_LABELS = {"denies": "Denies", "confirms": "Confirms", "unverified": "Could not verify"}
"""How a position's stance is labelled; a plain assertion needs no label (its speaker heads it)."""
NEUTRAL_VERBS = frozenset({"said", "says", "say", "saying", "stated", "told", "added", "adding", "wrote",
                           "writing", "mentioned", "informed"})
"""Speech verbs that add nothing to a paraphrase; others ('denied', 'claimed') are shown with it."""


@dataclass
class Footnotes:
    """The citations of one page, numbered in order of first use."""

    site: Site
    """Where citations point."""
    page: str
    """The page being rendered (links are relative to it)."""
    order: list[Citation] = field(default_factory=list)
    """Citations in footnote order."""
    numbers: dict[Citation, int] = field(default_factory=dict)
    """Each citation's footnote number."""

    def cite(self, citation: Citation) -> Safe:
        """Return the footnote reference for a citation, numbering it on first use."""
        number = self.numbers.get(citation)
        if number is None:
            self.order.append(citation)
            number = self.numbers[citation] = len(self.order)
        return Safe(f"[^{number}]")

    def definitions(self) -> Safe:
        """Return the footnote definitions: outlet, paragraph link, verbatim quote."""
        lines = []
        for number, c in enumerate(self.order, start=1):
            article = self.site.article(c.source)
            target = relative_link(self.page, article.page, c.paragraph)
            lines.append(f"[^{number}]: [{escape_md(article.label)}, ¶{c.paragraph[1:]}]({target}): "
                         f"<q class=\"cite-quote\">{escape_md(c.quote)}</q>")
        return Safe("\n".join(lines))


def make_environment(templates: Sequence[Path]) -> jinja2.Environment:
    """Create the one Jinja environment: strict undefined, every printed value escaped.

    Templates are looked up in each folder in turn, so an event's own template replaces the
    packaged one of the same name.
    """
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(t) for t in templates]),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_pages(site: Site, templates: Sequence[Path], jobs: int = 1) -> list[Page]:
    """Render every page of the site (on `jobs` processes, the same pages for any number); a broken
    template is a problem naming its file and line."""
    try:
        return _render_all(site, make_environment(templates), jobs)
    except jinja2.TemplateError as err:
        raise ContentError([template_problem(err)]) from None


def template_problem(err: jinja2.TemplateError) -> Problem:
    """Say in which template file and line an error arose (an event's own template can be wrong)."""
    if isinstance(err, jinja2.TemplateSyntaxError) and err.filename:
        return Problem(err.filename, err.lineno, f"template error: {err.message}")
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith(".j2")]
    where = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("site_templates", 0)
    return Problem(*where, f"template error: {err}")


Citing = dict[tuple[str, str], list[tuple[str, str]]]
"""For each cited paragraph (source, paragraph id), the pages citing it: (path, title)."""
Render = Callable[..., Page]
"""render(path, template, title, **extra): one page, its citations noted."""
Task = Callable[[Render], list[Page]]
"""Some of the site's pages, rendered with the render function it is given."""


@dataclass(frozen=True)
class _Rendered:
    """What one task gives back from a worker: its pages and the paragraphs they cite, in order, or
    the problem of a broken template (its file and line are read where the error arose)."""

    pages: list[Page]
    citing: Citing
    problem: Problem | None = None


def _run_task(task: Task, env: jinja2.Environment, site: Site, layout: Layout) -> _Rendered:
    citing: Citing = defaultdict(list)

    def render(path: str, template: str, title: str, **extra: Any) -> Page:
        return _render(env, site, layout, path, template, title, citing, **extra)

    try:
        return _Rendered(task(render), dict(citing))
    except jinja2.TemplateError as err:
        return _Rendered([], {}, template_problem(err))


def _run_tasks(tasks: Sequence[Task], jobs: int, env: jinja2.Environment, site: Site, layout: Layout,
               cited_on: Citing) -> list[Page]:
    """Run the tasks on `jobs` processes; return their pages in the tasks' order and add what they
    cite to `cited_on` in that order, as one process rendering them in turn would."""
    pages = []
    for done in per_item(_run_task, tasks, jobs, env, site, layout):
        if done.problem is not None:
            raise ContentError([done.problem])
        pages.extend(done.pages)
        _note(cited_on, done.citing)
    return pages


def _note(cited_on: Citing, citing: Citing) -> None:
    """Add a task's citations to those of the tasks before it."""
    for paragraph, entries in citing.items():
        known = cited_on[paragraph]
        known.extend(e for e in entries if e not in known)


def _render_all(site: Site, env: jinja2.Environment, jobs: int = 1) -> list[Page]:
    """Render every page of the site, then the source pages with where each paragraph is cited.

    The pages are rendered in tasks on `jobs` processes (each task's pages on one): first every page
    but the sources', then the source pages, which show which of those pages cite each paragraph.
    """
    cited_on: Citing = defaultdict(list)
    layout = lay_out(site)
    site.index()  # once, before the workers are forked

    tasks: list[Task] = [lambda render: [render("index.md", "home.md.j2", site.config.title)]]
    for path, template, title in sections(site):
        tasks.append(functools.partial(_section_pages, site=site, layout=layout, path=path,
                                       template=template, title=title))
    if site.config.shows("coverage"):
        grids = coverage_grids(site)
        for grid in grids:
            of = f" (page {grid.number} of {len(grids)})" if len(grids) > 1 else ""
            tasks.append(functools.partial(_coverage_page, grid=grid, title=COVERAGE_TITLE + of))
    tasks += [functools.partial(_entity_pages, site=site, entity=entity) for entity in site.entities
              if entity.has_page]
    pages = _run_tasks(tasks, jobs, env, site, layout, cited_on)

    def knowledge(render: Render) -> list[Page]:  # the longest task: first, beside the sources
        return [Page(KNOWLEDGE_PATH, knowledge_json(site))]

    sources: list[Task] = [functools.partial(_source_page, article=article, cited_on=cited_on)
                           for article in site.articles]
    first, *rendered = per_item(_run_task, [knowledge, *sources], jobs, env, site, layout)
    if any(done.citing for done in rendered):
        # A source page that cites (an event's own template may) changes the source pages after it:
        # they are rendered again, in turn.
        rendered = []
        for task in sources:
            rendered.append(done := _run_task(task, env, site, layout))
            _note(cited_on, done.citing)
    for done in [*rendered, first]:
        if done.problem is not None:
            raise ContentError([done.problem])
        pages.extend(done.pages)
    if site.located_places() and site.config.shows("map"):
        pages.append(Page(BASEMAP_PAGE, world_svg()))
    return pages


def _section_pages(render: Render, site: Site, layout: Layout, path: str, template: str,
                   title: str) -> list[Page]:
    if path == CLAIMS_PAGE:
        return _claims_pages(render, site, layout, title)
    if path == RESPONSES_PAGE:
        return _responses_pages(render, site, layout, title)
    if path in LISTS:
        return _paged(render, path, template, title, pack(LISTS[path](site)))
    return [render(path, template, title)]


def _coverage_page(render: Render, grid: Any, title: str) -> list[Page]:
    return [render(grid.path, "coverage.md.j2", title, grid=grid)]


def _source_page(render: Render, article: Article, cited_on: Citing) -> list[Page]:
    return [render(article.page, "source.md.j2", article.title, article=article, cited_on=cited_on)]


def sections(site: Site) -> tuple[tuple[str, str, str], ...]:
    """The section pages this site has: all but those the editor turned off."""
    return tuple(s for s in SECTIONS
                 if s[0] not in OPTIONAL_SECTIONS or site.config.shows(OPTIONAL_SECTIONS[s[0]]))


def _paged(render: Callable[..., Page], path: str, template: str, title: str,
           laid_out: Sequence[Sequence[Part[Any, Any]]], **extra: Any) -> list[Page]:
    """Render one page per share of `laid_out`, numbered and linked to each other."""
    paths = pages_of(path, len(laid_out))
    result = []
    for number, parts in enumerate(laid_out, start=1):
        named = title if number == 1 else f"{title} (page {number} of {len(paths)})"
        result.append(render(paths[number - 1], template, named, parts=parts, pager=paths,
                             page_number=number, **extra))
    return result


def _claims_pages(render: Callable[..., Page], site: Site, layout: Layout, title: str) -> list[Page]:
    """The competing claims: one page, or an index with a page per question and for the figures."""
    if not layout.claims_split:
        whole = [[Part(p, p.citations) for p in claim.positions] for claim in site.claims]
        figures = [Part(f, f.values) for f in site.figures]
        return [render(CLAIMS_PAGE, "claims.md.j2", title, claim_parts=whole, parts=figures,
                       figure_pages=())]
    figure_pages = pack([(f, f.values) for f in site.figures])
    pages = [render(CLAIMS_PAGE, "claims.md.j2", title, claim_parts=None, parts=[],
                    figure_pages=pages_of(FIGURES_PAGE, len(figure_pages)) if site.figures else ())]
    for claim in site.claims:
        laid_out = pack([(p, p.citations) for p in claim.positions])
        pages.extend(_paged(render, layout.claim_page(claim), "claim.md.j2", claim.topic, laid_out,
                            claim=claim))
    if site.figures:
        pages.extend(_paged(render, FIGURES_PAGE, "figures.md.j2", "Figures the sources give",
                            figure_pages))
    return pages


def _responses_pages(render: Callable[..., Page], site: Site, layout: Layout, title: str) -> list[Page]:
    """The official responses: one page, or an index with a page per side and for the others."""
    official = site.responses(official=True)
    others = [(side, [g for g in groups if g.entity]) for side, groups in site.responses(official=False)]
    unnamed = site.unnamed_statements(official=False)
    if not layout.responses_split:
        def whole(sides: list[tuple[str | None, list[SpeakerStatements]]]) -> list[Any]:
            return [(side, [Part(g, g.statements) for g in groups]) for side, groups in sides]

        return [render(RESPONSES_PAGE, "responses.md.j2", title, kind="whole", official=whole(official),
                       others=whole(others), unnamed=unnamed)]
    pages = [render(RESPONSES_PAGE, "responses_index.md.j2", title, official=official, others=others,
                    unnamed=unnamed)]
    for side, groups in official:
        laid_out = pack([(g, g.statements) for g in groups])
        pages.extend(_paged(render, layout.side_pages[side], "responses.md.j2",
                            f"{title}: {side or 'side not stated'}", laid_out,
                            kind="side", side=side))
    named = [(side, g) for side, groups in others for g in groups]
    if named:
        by_speaker = pack([((side, g), g.statements) for side, g in named])
        pages.extend(_paged(render, layout.other_page, "responses.md.j2", "Other statements", by_speaker,
                            kind="other", side=None))
    if unnamed:
        in_order = pack([(None, unnamed)])
        pages.extend(_paged(render, layout.unnamed_page, "responses.md.j2",
                            "Statements by speakers the sources do not name", in_order,
                            kind="unnamed", side=None))
    return pages


def _entity_pages(render: Callable[..., Page], site: Site, entity: Entity) -> list[Page]:
    """An entity's page, with its statements and mentions going on to more pages when long."""
    mentions = site.mentions_by_source(entity)
    groups: list[tuple[Article | None, Sequence[Any]]] = [(None, site.statements_of(entity))]
    groups.extend(mentions)
    return _paged(render, entity.page, "entity.md.j2", entity.name, pack(groups), entity=entity,
                  sources_named=len(mentions))


def _render(env: jinja2.Environment, site: Site, layout: Layout, path: str, template: str, title: str,
            citing: dict[tuple[str, str], list[tuple[str, str]]], **extra: Any) -> Page:
    """Render one template to a page and note which paragraphs it cites."""
    notes = Footnotes(site, path)

    def link_to(text: object, to_page: str, anchor: str = "") -> Safe:
        return link(text, path, to_page, anchor)

    def url_to(to_page: str, anchor: str = "") -> Safe:
        return relative_link(path, to_page, anchor)

    def said(statement: Statement) -> Safe:
        return statement_line(statement, notes.cite)

    def claim_url(claim: Claim) -> Safe:
        on_own_page = layout.claims_split
        return relative_link(path, layout.claim_page(claim), "" if on_own_page else claim_anchor(claim))

    def claim_link(claim: Claim) -> Safe:
        return Safe(f"[{escape_md(claim.topic)}]({claim_url(claim)})")

    def position_lines(position: Position, start: int = 0, count: int | None = None) -> list[Safe]:
        lines = []
        stop = len(position.citations) if count is None else start + count
        for i, citation in enumerate(position.citations[start:stop], start=start):
            stance = position.stances[i] if i < len(position.stances) else "asserts"
            statement = site.statement(position.statements[i]) if i < len(position.statements) else None
            words = statement_line(statement, notes.cite) if statement else Safe(
                f"“{escape_md(citation.quote)}”{notes.cite(citation)}")
            if statement and statement.speaker is None and statement.speaker_text:
                words = Safe(f"*{escape_md(statement.speaker_text)}*: {words}")
            label = STANCE_LABELS.get(stance)
            lines.append(Safe(f"**{label}:** {words}") if label else words)
        return lines

    def named_as(statement: Statement) -> Safe:
        entity = site.entity(statement.speaker) if statement.speaker else None
        words = statement.speaker_text
        plain = re.sub(r"^the\s+", "", words, flags=re.IGNORECASE)
        if entity is None or not words or plain in (entity.name, *entity.aliases):
            return Safe("")
        return Safe(f" <small>(named as “{escape_md(words)}”)</small>")

    def jointly(statement: Statement) -> Safe:
        others = [site.entity(i) for i in statement.speakers if i != statement.speaker]
        names = [link_to(e.name, e.page) if e.has_page else escape_md(e.name) for e in others]
        return Safe(f" <small>(jointly with {', '.join(names)})</small>") if names else Safe("")

    def part_of(entity: Entity) -> Safe:
        lines = []
        for parent in entity.part_of:
            area = site.entity(parent.entity) if parent.entity else None
            name = link_to(area.name, area.page) if area and area.has_page else escape_md(parent.name)
            basis = notes.cite(parent.citation) if parent.citation else " <small>(gazetteer)</small>"
            lines.append(f"{name}{basis}")
        return Safe("; ".join(lines))

    def speaker(group: SpeakerStatements) -> Safe:
        if group.entity is None:
            return Safe(f"Unnamed: “{escape_md(group.words)}”")
        if group.entity.has_page:
            return link_to(group.entity.name, group.entity.page)
        return escape_md(group.entity.name)

    text = env.get_template(template).render(
        site=site, page=path, title=title, cite=notes.cite, footnotes=notes.definitions,
        link_to=link_to, url_to=url_to, external_link=external_link, sections=sections(site),
        said=said, speaker=speaker, named_as=named_as, jointly=jointly, position_lines=position_lines,
        part_of=part_of, coordinates=coordinates,
        map_of_places=lambda: map_of_places(site, path), map_of_place=lambda e: map_of_place(e, path),
        claim_anchor=claim_anchor, claim_url=claim_url, claim_link=claim_link, layout=layout,
        short_title=short_title,
        describe=lambda entity: descriptions(entity, site),
        knowledge_path=KNOWLEDGE_PATH, date_label=date_label, KEY_POINTS=KEY_POINTS, KEY_CLAIMS=KEY_CLAIMS,
        DATE_DISAGREEMENTS=DATE_DISAGREEMENTS,
        SPELLING_SOURCES=SPELLING_SOURCES, SIDE_BY_SIDE=SIDE_BY_SIDE, **extra,
    )
    for c in notes.order:
        entry = (path, "Home" if path == "index.md" else title)
        if entry not in citing[(c.source, c.paragraph)]:
            citing[(c.source, c.paragraph)].append(entry)
    shown = [s for part in extra.get("parts", ()) for s in part.items if isinstance(s, Statement)] \
        if extra.get("kind") in ("side", "other", "unnamed") else None
    whole = not ((path == CLAIMS_PAGE and layout.claims_split)
                 or (path == RESPONSES_PAGE and layout.responses_split))
    data = serialise(page_data(site, path, title, entity=extra.get("entity"), article=extra.get("article"),
                               claim=extra.get("claim"), statements=shown, whole=whole)) \
        if site.config.shows("structured-data") else ""
    tags = page_tags(site, path, extra.get("entity"), extra.get("claim"), whole)
    head = front_matter(None if path == "index.md" else title, tags, data)
    return Page(path, (head + _tidy(text)).encode("utf-8"))


def page_tags(site: Site, path: str, entity: Entity | None, claim: Claim | None, whole: bool) -> list[str]:
    """Tags that gather pages for a reader: an entity's camp, the claims' statuses (a question's own
    on its page, when the questions have a page each). Kinds are not tags: the Groups, Places and
    People pages already list them, and at newsroom scale a kind's tag would list thousands."""
    if not site.config.shows("tags"):
        return []
    if entity is not None:
        return [f"Camp: {entity.side}"] if entity.side else []
    if claim is not None:
        return [f"Claims: {claim.status}"]
    if path == CLAIMS_PAGE and whole:
        return [f"Claims: {status}" for status in sorted({c.status for c in site.claims})]
    return []


def coordinates(location: Location) -> str:
    """'50.4767° N, 35.6773° E'."""
    lat = f"{abs(location.lat):.4f}° {'N' if location.lat >= 0 else 'S'}"
    lon = f"{abs(location.lon):.4f}° {'E' if location.lon >= 0 else 'W'}"
    return f"{lat}, {lon}"


def map_of_places(site: Site, page: str) -> Safe:
    """The map page's figure: a point for every located place, linking to its page ('' if none)."""
    points = [MapPoint(e.location.lat, e.location.lon, e.name, built_link(page, e.page))
              for e in site.located_places() if e.location]
    view = fit_view([(p.lat, p.lon) for p in points])
    if view is None:
        return Safe("")
    svg = map_svg(view, points, built_link(page, BASEMAP_PAGE), "Map of the places named in the sources")
    return Safe(f"<figure class=\"place-map-figure\">\n{svg}\n</figure>")


def map_of_place(entity: Entity, page: str) -> Safe:
    """A place page's small map, centred on the place, its point linking to the map page."""
    if entity.location is None:
        return Safe("")
    lat, lon = entity.location.lat, entity.location.lon
    point = MapPoint(lat, lon, f"{entity.name}: see every place on the map", built_link(page, MAP_PAGE))
    svg = map_svg(centred_view(lat, lon), [point], built_link(page, BASEMAP_PAGE),
                  f"Where {entity.name} is", labelled=False, point_size=INSET_POINT_SIZE)
    return Safe(f"<figure class=\"place-map-figure place-map-inset\">\n{svg}\n</figure>")


def short_title(title: str) -> str:
    """A headline cut to its first words, for a grid's first column."""
    words = title.split()
    return " ".join(words[:SHORT_TITLE]) + (" …" if len(words) > SHORT_TITLE else "")


def statement_line(s: Statement, cite: Callable[[Citation], Safe]) -> Safe:
    """A statement as Markdown: verbatim words in quotation marks, a paraphrase labelled as one."""
    verb = f" ({escape_md(s.verb)})" if s.verb and s.verb not in NEUTRAL_VERBS else ""
    words = f"“{escape_md(s.text)}”" if s.kind == "quote" else f"*Paraphrase{verb}:* {escape_md(s.text)}"
    channel = f" (*{escape_md(s.channel)}*)" if s.channel else ""
    return Safe(words + channel + cite(s.citation))


def _tidy(text: str) -> str:
    """Collapse runs of blank lines and end with one newline, so pages diff cleanly."""
    lines: list[str] = []
    for line in text.rstrip().split("\n"):
        if line.strip() or (lines and lines[-1].strip()):
            lines.append(line.rstrip() if line.strip() else "")
    return "\n".join(lines) + "\n"

