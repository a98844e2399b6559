"""The coverage pages' grids: sources x questions and sources x central entities, paged.

A large corpus has thousands of sources and hundreds of questions, so the page keeps the questions
most sources report (QUESTION_COLUMNS) and pages the rows (ROWS_PER_PAGE sources a page):
sources/coverage.md, sources/coverage-2.md, ... Everything left out is in knowledge.json.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..core.models import Article, Claim, Entity, Naming, Position, Report, Site, SourceCoverage

QUESTION_COLUMNS = 12
"""The grid shows at most this many questions: those most sources report."""
ROWS_PER_PAGE = 200
"""Sources per coverage page."""
FIRST_PAGE = "sources/coverage.md"
"""The first coverage page; the others are sources/coverage-2.md, -3, ..."""


def page_path(number: int) -> str:
    """The docs path of coverage page `number` (1-based)."""
    return FIRST_PAGE if number == 1 else f"sources/coverage-{number}.md"


def letter(index: int) -> str:
    """A position's label within its question: A, B, ... Z, AA, AB, ..."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = chr(ord("A") + rest) + label
    return label


@dataclass(frozen=True)
class Column:
    """One question of the grid, with its short label and its positions' letters."""

    label: str
    """Short column label: Q1, Q2, ..."""
    claim: Claim
    """The question."""
    positions: tuple[tuple[str, Position], ...]
    """The positions the page's sources report, each with its letter (the page's key)."""
    sources: int
    """How many sources report a position on it."""
    total: int
    """How many positions it has, on every page."""


@dataclass(frozen=True)
class Cell:
    """One position a source reports, as the grid shows it."""

    letter: str
    """The position's letter within its question."""
    report: Report
    """The source's report of it (citations, exclusivity)."""

    @property
    def paragraph(self) -> str:
        """The paragraph the cell links to: the source's first citation of the position."""
        return self.report.citations[0].paragraph


@dataclass(frozen=True)
class QuestionRow:
    """One source's row of the questions grid."""

    article: Article
    """The source."""
    cells: tuple[tuple[Cell, ...], ...]
    """Per column, the positions it reports."""


@dataclass(frozen=True)
class EntityRow:
    """One source's row of the entities grid."""

    article: Article
    """The source."""
    cells: tuple[Naming | None, ...]
    """Per central entity, how the source names it (None: not at all)."""


@dataclass(frozen=True)
class CoverageGrid:
    """What one coverage page shows."""

    number: int
    """This page's number, 1-based."""
    pages: tuple[str, ...]
    """Every coverage page, in order."""
    columns: tuple[Column, ...]
    """The questions shown."""
    left_out: int
    """How many questions are not shown."""
    entities: tuple[Entity, ...]
    """The central entities."""
    question_rows: tuple[QuestionRow, ...]
    """Sources on this page that report a position on a shown question."""
    entity_rows: tuple[EntityRow, ...]
    """Sources on this page that name a central entity."""
    first: int
    """1-based number of this page's first listed source."""
    last: int
    """Number of this page's last listed source."""
    listed: int
    """How many sources the grids list, over all pages."""

    @property
    def path(self) -> str:
        """This page's docs path."""
        return self.pages[self.number - 1]


def coverage_grids(site: Site, columns: int = QUESTION_COLUMNS,
                   rows: int = ROWS_PER_PAGE) -> list[CoverageGrid]:
    """Lay the site's coverage out as grid pages (always at least one)."""
    shown = question_columns(site, columns)
    ids = {c.claim.id: i for i, c in enumerate(shown)}
    listed = [s for s in site.coverage.sources if s.names or any(r.claim in ids for r in s.reports)]
    count = max(1, -(-len(listed) // rows))
    pages = tuple(page_path(n) for n in range(1, count + 1))
    entities = tuple(site.entity(e) for e in site.coverage.central)
    grids = []
    for n in range(1, count + 1):
        chunk = listed[(n - 1) * rows: n * rows]
        question_rows = tuple(question_row(site, s, ids) for s in chunk
                              if any(r.claim in ids for r in s.reports))
        grids.append(CoverageGrid(
            n, pages, keyed(shown, question_rows), len(site.coverage.questions) - len(shown), entities,
            question_rows, tuple(entity_row(site, s) for s in chunk if s.names),
            (n - 1) * rows + 1 if chunk else 0, (n - 1) * rows + len(chunk), len(listed)))
    return grids


def keyed(columns: tuple[Column, ...], rows: tuple[QuestionRow, ...]) -> tuple[Column, ...]:
    """The columns with only the positions these rows report in their key (a page's key stays short)."""
    used = [{cell.report.position for row in rows for cell in row.cells[i]} for i in range(len(columns))]
    return tuple(replace(c, positions=tuple(pair for j, pair in enumerate(c.positions) if j in used[i]))
                 for i, c in enumerate(columns))


def question_columns(site: Site, limit: int) -> tuple[Column, ...]:
    """The questions most sources report, as labelled columns."""
    claims = {c.id: c for c in site.claims}
    chosen = [claims[cid] for cid in site.coverage.questions[:limit]]
    return tuple(Column(f"Q{i}", c, tuple((letter(j), p) for j, p in enumerate(c.positions)),
                        site.claim_sources(c), len(c.positions)) for i, c in enumerate(chosen, start=1))


def question_row(site: Site, source: SourceCoverage, ids: dict[str, int]) -> QuestionRow:
    """One source's cells in the questions grid (`ids`: each shown question's column)."""
    cells: list[list[Cell]] = [[] for _ in ids]
    for report in source.reports:
        if report.claim in ids:
            cells[ids[report.claim]].append(Cell(letter(report.position), report))
    return QuestionRow(site.article(source.source), tuple(tuple(c) for c in cells))


def entity_row(site: Site, source: SourceCoverage) -> EntityRow:
    """One source's cells in the entities grid."""
    named = {n.entity: n for n in source.names}
    return EntityRow(site.article(source.source), tuple(named.get(e) for e in site.coverage.central))
