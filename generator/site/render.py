"""Stage `render`: Site -> Markdown pages through the Jinja templates in site_templates/."""

from __future__ import annotations

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
    Citation,
    Entity,
    Location,
    Page,
    Position,
    Site,
    SpeakerStatements,
    Statement,
    date_label,
)
from ..extract.describe import descriptions
from .jsonld import page_data, serialise
from .knowledge import claim_anchor, knowledge_json
from .markdown import Safe, escape_md, external_link, finalize, front_matter, link, relative_link

SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("groups/index.md", "groups.md.j2", "Groups"),
    ("places/index.md", "places.md.j2", "Places"),
    ("people/index.md", "people.md.j2", "People"),
    ("responses.md", "responses.md.j2", "Official responses"),
    ("claims.md", "claims.md.j2", "Competing claims"),
    ("timeline.md", "timeline.md.j2", "Timeline"),
    ("sources/index.md", "sources.md.j2", "Sources"),
    ("tags.md", "tags.md.j2", "Tags"),
    ("data.md", "data.md.j2", "Data"),
)
"""Section pages: (docs path, template, title). Home comes first, source pages last."""
SIDE_BY_SIDE = 3
"""A question with at most this many positions shows them in columns, side by side."""
KEY_POINTS = 12
"""Sources whose opening sentence the home page shows; the sources page lists them all."""
KNOWLEDGE_PATH = "data/knowledge.json"
KIND_TAGS = {"group": "Group", "place": "Place", "person": "Person"}
"""The tag of each kind of entity page."""
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


def render_pages(site: Site, templates: Sequence[Path]) -> list[Page]:
    """Render every page of the site; a broken template is a problem naming its file and line."""
    try:
        return _render_all(site, make_environment(templates))
    except jinja2.TemplateError as err:
        raise ContentError([template_problem(err)]) from None


def template_problem(err: jinja2.TemplateError) -> Problem:
    """Say in which template file and line an error arose (an event's own template can be wrong)."""
    if isinstance(err, jinja2.TemplateSyntaxError) and err.filename:
        return Problem(err.filename, err.lineno, f"template error: {err.message}")
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename.endswith(".j2")]
    where = (frames[-1].filename, frames[-1].lineno or 0) if frames else ("site_templates", 0)
    return Problem(*where, f"template error: {err}")


def _render_all(site: Site, env: jinja2.Environment) -> list[Page]:
    """Render every page of the site, then the source pages with where each paragraph is cited."""
    cited_on: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    pages = [_render(env, site, "index.md", "home.md.j2", site.config.title, cited_on)]
    for path, template, title in SECTIONS:
        pages.append(_render(env, site, path, template, title, cited_on))
    for entity in site.entities:
        if entity.has_page:
            pages.append(_render(env, site, entity.page, "entity.md.j2", entity.name, cited_on,
                                 entity=entity))
    for article in site.articles:
        pages.append(_render(env, site, article.page, "source.md.j2", article.title, cited_on,
                             article=article, cited_on=cited_on))
    pages.append(Page(KNOWLEDGE_PATH, knowledge_json(site)))
    return pages


def _render(env: jinja2.Environment, site: Site, path: str, template: str, title: str,
            citing: dict[tuple[str, str], list[tuple[str, str]]], **extra: Any) -> Page:
    """Render one template to a page and note which paragraphs it cites."""
    notes = Footnotes(site, path)

    def link_to(text: object, to_page: str, anchor: str = "") -> Safe:
        return link(text, path, to_page, anchor)

    def url_to(to_page: str, anchor: str = "") -> Safe:
        return relative_link(path, to_page, anchor)

    def said(statement: Statement) -> Safe:
        return statement_line(statement, notes.cite)

    def position_lines(position: Position) -> list[Safe]:
        lines = []
        for i, citation in enumerate(position.citations):
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
        link_to=link_to, url_to=url_to, external_link=external_link, sections=SECTIONS,
        said=said, speaker=speaker, named_as=named_as, jointly=jointly, position_lines=position_lines,
        part_of=part_of, coordinates=coordinates,
        claim_anchor=claim_anchor,
        describe=lambda entity: descriptions(entity, site),
        knowledge_path=KNOWLEDGE_PATH, date_label=date_label, KEY_POINTS=KEY_POINTS,
        SIDE_BY_SIDE=SIDE_BY_SIDE, **extra,
    )
    for c in notes.order:
        entry = (path, "Home" if path == "index.md" else title)
        if entry not in citing[(c.source, c.paragraph)]:
            citing[(c.source, c.paragraph)].append(entry)
    data = serialise(page_data(site, path, title, entity=extra.get("entity"), article=extra.get("article")))
    head = front_matter(None if path == "index.md" else title, page_tags(site, path, extra.get("entity")),
                        data)
    return Page(path, (head + _tidy(text)).encode("utf-8"))


def page_tags(site: Site, path: str, entity: Entity | None) -> list[str]:
    """Tags that gather pages for a reader: an entity's kind and camp, the claims' statuses."""
    if entity is not None:
        camp = [f"Camp: {entity.side}"] if entity.side else []
        return [KIND_TAGS.get(entity.kind, entity.kind.title()), *camp]
    if path == "claims.md":
        return [f"Claims: {status}" for status in sorted({c.status for c in site.claims})]
    return []


def coordinates(location: Location) -> str:
    """'50.4767° N, 35.6773° E'."""
    lat = f"{abs(location.lat):.4f}° {'N' if location.lat >= 0 else 'S'}"
    lon = f"{abs(location.lon):.4f}° {'E' if location.lon >= 0 else 'W'}"
    return f"{lat}, {lon}"


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

