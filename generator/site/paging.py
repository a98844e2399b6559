"""Where each part of a long page goes: the rule that keeps every generated page readable.

A page holds cited lines (statements, positions' citations, mentions, figure values) up to a
budget of PAGE_WEIGHT characters of Markdown, each line weighed by the words it prints with its
footnote. A section that weighs more is laid out over several pages: the competing claims get one page
per question, the official responses one page per side, and any single list that is still too
long goes on to numbered continuation pages (`people/x.md`, then `people/x/2.md`, ...): entity
and source indexes, the timeline, a long entity page, question or side. A corpus small enough to
fit keeps its sections on one page each, exactly as before.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..core.models import Article, Citation, Claim, Entity, Event, FigureValue, Site, Statement
from ..core.slugs import slugify

PAGE_WEIGHT = 150_000
"""Characters of Markdown the cited lines of one page may take: about 400 KB of built HTML."""
LINE_WEIGHT = 160
"""What a cited line takes besides its words: markup, link, footnote reference and definition."""
CLAIMS_PAGE = "claims.md"
RESPONSES_PAGE = "responses.md"

K = TypeVar("K")
I = TypeVar("I")  # noqa: E741 - the conventional name of an item type


@dataclass(frozen=True)
class Part(Generic[K, I]):
    """A group's share of one page: its key, the items shown there, and whether it began earlier."""

    key: K
    """What the group is (a speaker, a source, a position)."""
    items: Sequence[I]
    """The group's items on this page."""
    start: int = 0
    """Index of the first of them in the whole group."""

    @property
    def continued(self) -> bool:
        """True when the group began on an earlier page."""
        return self.start > 0


def weigh(item: object) -> int:
    """How much Markdown a cited line prints: its words (a quotation is printed twice, in the line
    and in its footnote's tooltip) and a fixed share for the markup."""
    if isinstance(item, Citation):
        return LINE_WEIGHT + 2 * len(item.quote)
    if isinstance(item, Statement | FigureValue | Event):
        return LINE_WEIGHT + len(item.text) + len(item.citation.quote)
    if isinstance(item, Entity):
        return LINE_WEIGHT + len(item.name) + sum(len(a) + 2 for a in item.aliases)
    if isinstance(item, Article):
        return LINE_WEIGHT + len(item.title)
    return LINE_WEIGHT


def pack(groups: Sequence[tuple[K, Sequence[I]]], budget: int | None = None) -> list[list[Part[K, I]]]:
    """Lay groups out on pages of at most `budget` weight, in order; a page is never empty.

    A group is kept whole on one page when it fits there; one heavier than a page is cut, and
    its later parts say where they start. A page holds at least one line, however heavy. No
    groups give one empty page, so a page always exists.
    """
    budget = budget or PAGE_WEIGHT
    pages: list[list[Part[K, I]]] = [[]]
    room = budget
    for key, items in groups:
        weights = [weigh(item) for item in items]
        if pages[-1] and room < sum(weights) <= budget:
            pages.append([])
            room = budget
        start = 0
        while True:
            stop = start
            while stop < len(items) and (weights[stop] <= room or (stop == start and room == budget)):
                room -= weights[stop]
                stop += 1
            if stop > start or not items:
                pages[-1].append(Part(key, tuple(items[start:stop]), start))
            start = stop
            if start >= len(items):
                break
            pages.append([])
            room = budget
    return pages


def continuation(page: str, number: int) -> str:
    """The path of page `number` of a paged page: 'people/x.md', 2 -> 'people/x/2.md'."""
    if number == 1:
        return page
    return f"{posixpath.splitext(page)[0]}/{number}.md"


def pages_of(page: str, count: int) -> tuple[str, ...]:
    """The paths of a page laid out over `count` pages."""
    return tuple(continuation(page, n) for n in range(1, max(count, 1) + 1))


def claim_weight(claim: Claim) -> int:
    """How much a question's positions weigh."""
    return sum(weigh(c) for p in claim.positions for c in p.citations)


@dataclass(frozen=True)
class Layout:
    """Which page shows each question and each side's responses, decided before any is rendered."""

    claims_split: bool
    """True when the questions have a page each (the claims page is then their index)."""
    claim_pages: dict[str, str]
    """Question id -> the page that shows it."""
    responses_split: bool
    """True when each side's responses have a page of their own."""
    side_pages: dict[str | None, str]
    """Official side (None: not stated) -> its page, when split."""
    other_page: str
    """Where statements by people and bodies out of office go, when split."""
    unnamed_page: str
    """Where statements whose speaker the text does not name go, when split."""

    def claim_page(self, claim: Claim) -> str:
        """The page a question is shown on."""
        return self.claim_pages.get(claim.id, CLAIMS_PAGE)


def lay_out(site: Site, budget: int | None = None) -> Layout:
    """Decide which sections need more than one page."""
    budget = budget or PAGE_WEIGHT
    figure_weight = sum(weigh(v) for f in site.figures for v in f.values)
    claims_split = sum(claim_weight(c) for c in site.claims) + figure_weight > budget
    taken = {"figures", "index"}
    claim_pages = {}
    if claims_split:
        for claim in site.claims:
            claim_pages[claim.id] = f"claims/{_unique(slugify(claim.id), taken)}.md"
    responses_split = sum(weigh(s) for s in site.statements) > budget
    side_taken = {"other", "unnamed", "index"}
    side_pages = {side: f"responses/{_unique(slugify(side or 'side not stated'), side_taken)}.md"
                  for side, _ in site.responses(official=True)} if responses_split else {}
    return Layout(claims_split, claim_pages, responses_split, side_pages,
                  "responses/other.md", "responses/unnamed.md")


def _unique(slug: str, taken: set[str]) -> str:
    """The slug, or slug-2, slug-3... when it is taken; remember it as taken."""
    chosen, n = slug, 1
    while chosen in taken:
        n += 1
        chosen = f"{slug}-{n}"
    taken.add(chosen)
    return chosen

