"""Lay the scores out as report sections and render them as text (stdout) and Markdown (QUALITY.md)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gold import KINDS
from metrics import ALL, ClaimScores, EntityScores, FigureScores, Ratio, Scores, StatementScores
from sources import SourceScores

COMMAND = "make quality"
MODES = ("with editorial", "generator alone")


@dataclass(frozen=True)
class Section:
    """One titled table of a report, with the lists that explain it."""

    title: str
    """Section heading."""
    rows: tuple[tuple[str, str], ...]
    """(metric, value) pairs."""
    details: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, items) lists; empty lists are not shown."""


def entity_section(s: EntityScores) -> Section:
    """Lay out the entity metrics."""
    rows = [(f"precision, {k}", str(s.precision[k])) for k in (*KINDS, ALL)]
    rows += [(f"central recall, {k}", str(s.recall_central[k])) for k in (*KINDS, ALL)]
    rows += [(f"recall over all gold, {k}", str(s.recall_all[k])) for k in (*KINDS, ALL)]
    rows += [("spurious non-entities", str(len(s.spurious))), ("merge errors", str(len(s.merges))),
             ("split errors", str(len(s.splits))),
             ("alias recall, untranslatable", str(s.aliases.untranslatable)),
             ("alias recall, other", str(s.aliases.other)),
             ("sub-kind given, of linked", str(s.subkinds.given)),
             ("sub-kind right, of given", str(s.subkinds.right)),
             ("parents right, of predicted", str(s.parents.right)),
             ("places with a parent, of central gold places", str(s.parents.central))]
    return Section("Entities", tuple(rows), (
        ("predicted entities hitting no gold entity of their kind", s.unmatched),
        ("spurious non-entities", s.spurious), ("merge errors", s.merges), ("split errors", s.splits),
        ("central entities missed", s.missed_central), ("aliases missed", s.aliases.missed),
        ("sub-kinds wrong", s.subkinds.wrong), ("parents wrong", s.parents.wrong),
        ("central places without a right parent", s.parents.missed)))


def statement_section(title: str, s: StatementScores) -> Section:
    """Lay out the statement metrics."""
    rows = (("gold statements", str(s.gold)),
            ("gold locatable in exported paragraphs", str(Ratio(s.locatable, s.gold))),
            ("found", str(Ratio(s.found, s.gold))),
            ("right speaker, of found", str(Ratio(s.right_speaker, s.found))),
            ("wrong speaker, of found", str(Ratio(s.wrong_speaker, s.found))),
            ("unresolved speaker, of found", str(Ratio(s.unresolved, s.found))),
            ("right kind, of found", str(Ratio(s.right_kind, s.found))),
            ("spurious, of predicted", str(Ratio(s.spurious, s.predicted))))
    return Section(title, rows, (("wrong speakers", s.wrong),))


def claim_figure_sections(c: ClaimScores, f: FigureScores) -> tuple[Section, Section]:
    """Lay out the claim and the figure metrics."""
    claims = Section("Claims", (
        ("topics found", str(c.found)), ("spurious claims, of predicted", str(c.spurious)),
        ("gold citations locatable", str(c.locatable))), (("topics missed", c.missed),))
    figures = Section("Figures", (
        ("figures found", str(f.found)), ("spurious values, of predicted", str(f.spurious)),
        ("gold figures locatable", str(f.locatable)), ("conflicts found", str(f.conflicts)),
        ("spurious conflicts, of predicted", str(f.spurious_conflicts))),
        (("figures missed", f.missed), ("conflicts missed", f.missed_conflicts)))
    return claims, figures


def sections(s: Scores) -> tuple[Section, ...]:
    """Lay out every metric as report sections."""
    return (entity_section(s.entities), statement_section("Statements", s.statements),
            statement_section("Statements by officials", s.officials),
            *claim_figure_sections(s.claims, s.figures))


Report = tuple[tuple[str, tuple[Section, ...]], ...]
"""(mode name, sections) for each mode, sections in the same order."""


def merged_details(report: Report, index: int) -> list[tuple[str, tuple[str, ...]]]:
    """List the details of one section, once when all modes agree, else per mode."""
    out = []
    for at, (label, _) in enumerate(report[0][1][index].details):
        per_mode = [(mode, secs[index].details[at][1]) for mode, secs in report]
        if all(items == per_mode[0][1] for _, items in per_mode):
            out.append((label, per_mode[0][1]))
        else:
            out += [(f"{label}, {mode}", items) for mode, items in per_mode]
    return [(label, items) for label, items in out if items]


def table_rows(report: Report, index: int) -> list[list[str]]:
    """Return one section's rows as [metric, value in each mode]."""
    return [[label, *(secs[index].rows[r][1] for _, secs in report)]
            for r, (label, _) in enumerate(report[0][1][index].rows)]


def detail_text(report: Report) -> list[str]:
    """Render the detailed sections of one corpus (one column per mode) as plain-text tables."""
    lines: list[str] = []
    for index, section in enumerate(report[0][1]):
        table = [[section.title.upper(), *(mode for mode, _ in report)], *table_rows(report, index)]
        widths = [max(len(row[c]) for row in table) for c in range(len(table[0]))]
        lines += ["", *("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                        for row in table)]
        for label, items in merged_details(report, index):
            lines.append(fill_items(label, items, len(items)))
    return lines


def fill_items(label: str, items: Sequence[str], count: int) -> str:
    """Wrap one labelled detail list for the terminal."""
    return textwrap.fill("; ".join(items), 110, initial_indent=f"  {label} ({count}): ",
                         subsequent_indent="      ", break_on_hyphens=False)


# ----------------------------------------------------------------------------- the table per corpus


@dataclass(frozen=True)
class CorpusRun:
    """One corpus generated once and scored: a row of the table."""

    name: str
    """Row label: the corpus, and the mode for the development corpus."""
    scores: Scores
    """Entity, statement, claim and figure metrics."""
    sources: SourceScores | None
    """Furniture, reporting, headline and outlet metrics; None when the gold reading has no `sources:`."""
    summarised: bool = True
    """Whether the mean and worst rows count it (one run per corpus: the generator alone)."""
    short_details: bool = True
    """Whether it gets a short details section (the development corpus has the full sections)."""


Cell = Ratio | int | None
"""A table cell: a ratio, a count, or None for n/a (the gold reading lacks what the metric needs)."""


def _source_cell(run: CorpusRun, metric: Callable[[SourceScores], Ratio]) -> Cell:
    """A source metric's cell, n/a without gold `sources:`."""
    return None if run.sources is None else metric(run.sources)


def _of_found(run: CorpusRun, count: int) -> Ratio:
    """A count of found statements, out of the found statements."""
    return Ratio(count, run.scores.statements.found)


@dataclass(frozen=True)
class Column:
    """A column of the table."""

    header: str
    """Its heading."""
    cell: Callable[[CorpusRun], Cell]
    """Its value for a run."""
    lower_is_better: bool = False
    """Whether a smaller value is the better one (errors, losses)."""


COLUMNS = (
    Column("central recall", lambda r: r.scores.entities.recall_central[ALL]),
    Column("entity precision", lambda r: r.scores.entities.precision[ALL]),
    Column("splits", lambda r: len(r.scores.entities.splits), lower_is_better=True),
    Column("merges", lambda r: len(r.scores.entities.merges), lower_is_better=True),
    Column("statements found", lambda r: Ratio(r.scores.statements.found, r.scores.statements.gold)),
    Column("right speaker", lambda r: _of_found(r, r.scores.statements.right_speaker)),
    Column("wrong named speaker", lambda r: _of_found(r, r.scores.statements.wrong_speaker), True),
    Column("claims found", lambda r: r.scores.claims.found),
    Column("spurious claims", lambda r: r.scores.claims.spurious, lower_is_better=True),
    Column("figures found", lambda r: r.scores.figures.found),
    Column("conflicts found", lambda r: r.scores.figures.conflicts),
    Column("furniture left", lambda r: _source_cell(r, lambda s: s.furniture_left), lower_is_better=True),
    Column("reporting lost", lambda r: _source_cell(r, lambda s: s.reporting_lost), lower_is_better=True),
    Column("headline right", lambda r: _source_cell(r, lambda s: s.headline_right)),
    Column("outlet right", lambda r: _source_cell(r, lambda s: s.outlet_right)),
)
"""The columns of the table, in order."""
NA = "n/a"


def share(cell: Cell) -> float | None:
    """A cell as a number to average and rank: a ratio's share, a count; None for n/a or 0/0."""
    if isinstance(cell, Ratio):
        return cell.hit / cell.total if cell.total else None
    return None if cell is None else float(cell)


def show(cell: Cell) -> str:
    """A cell as shown: n/a when there is nothing to measure."""
    return NA if share(cell) is None else str(cell)


def mean_cell(column: Column, runs: Sequence[CorpusRun]) -> str:
    """The mean over the summarised runs: of the shares (each corpus weighs the same), or of the counts."""
    cells = [column.cell(r) for r in runs if r.summarised]
    values = [v for v in map(share, cells) if v is not None]
    if not values:
        return NA
    mean = sum(values) / len(values)
    return f"{100 * mean:.0f}%" if any(isinstance(c, Ratio) for c in cells) else f"{mean:.1f}"


def worst_cell(column: Column, runs: Sequence[CorpusRun]) -> str:
    """The worst cell of the summarised runs (lowest share, or highest for errors and losses)."""
    cells = [c for c in (column.cell(r) for r in runs if r.summarised) if share(c) is not None]
    if not cells:
        return NA
    pick = max if column.lower_is_better else min
    return show(pick(cells, key=lambda c: share(c) or 0.0))


def corpus_table(runs: Sequence[CorpusRun]) -> list[list[str]]:
    """The table as rows of cells: one row per run, then the mean and the worst row."""
    rows = [[r.name, *(show(c.cell(r)) for c in COLUMNS)] for r in runs]
    rows.append(["mean", *(mean_cell(c, runs) for c in COLUMNS)])
    rows.append(["worst", *(worst_cell(c, runs) for c in COLUMNS)])
    return rows


def table_text(runs: Sequence[CorpusRun]) -> list[str]:
    """Render the table for the terminal, long headings wrapped over lines."""
    rows = corpus_table(runs)
    headers = ["corpus", *(c.header for c in COLUMNS)]
    widths = [max(max(len(row[i]) for row in rows), *(len(w) for w in h.split()))
              for i, h in enumerate(headers)]
    wrapped = [textwrap.wrap(h, w) for h, w in zip(headers, widths, strict=True)]
    height = max(len(h) for h in wrapped)
    head = [[h[i] if i < len(h) else "" for h in wrapped] for i in range(height)]
    rule = ["-" * w for w in widths]
    return ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in (*head, rule, *rows[:-2], rule, *rows[-2:])]


def table_markdown(runs: Sequence[CorpusRun]) -> list[str]:
    """Render the table as Markdown, the mean and worst rows in bold."""
    rows = corpus_table(runs)
    rows[-2][0], rows[-1][0] = "**mean**", "**worst**"
    return ["| corpus | " + " | ".join(c.header for c in COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|",
            *("| " + " | ".join(row) + " |" for row in rows)]


MAX_ITEMS = 8
"""Most items of one list shown in a short details section."""


def short_details(run: CorpusRun) -> list[tuple[str, tuple[str, ...], int]]:
    """The lists of one corpus's short details section: (label, items shown, how many in all)."""
    s, src = run.scores, run.sources
    lists: list[tuple[str, tuple[str, ...]]] = [
        ("central entities missed", s.entities.missed_central),
        ("entities not in the gold reading", s.entities.unmatched), ("split errors", s.entities.splits),
        ("wrong speakers", s.statements.wrong)]
    if src is not None:
        lists += [("furniture left", src.left), ("reporting lost", src.lost),
                  ("reporting shown only in the headline", src.in_headline),
                  ("wrong headlines", src.wrong_headlines), ("wrong outlets", src.wrong_outlets),
                  ("articles not found", src.unjudged)]
    return [(label, capped(items), len(items)) for label, items in lists if items]


def capped(items: Sequence[str]) -> tuple[str, ...]:
    """The first MAX_ITEMS items, and how many more there are."""
    if len(items) <= MAX_ITEMS:
        return tuple(items)
    return (*items[:MAX_ITEMS], f"... and {len(items) - MAX_ITEMS} more")


# ----------------------------------------------------------------------------- the whole report


@dataclass(frozen=True)
class Quality:
    """Everything `make quality` reports."""

    runs: tuple[CorpusRun, ...]
    """The rows of the table, in order."""
    detail: Report
    """The development corpus's full sections, one column per mode."""
    detail_name: str
    """The development corpus's name."""
    notes: tuple[str, ...]
    """What was read and what was skipped."""


def render_text(quality: Quality) -> str:
    """Render the report for the terminal: the table, the development corpus in full, then the others."""
    lines = [f"Quality against the gold readings ({COMMAND})", *quality.notes, "", "PER CORPUS",
             *table_text(quality.runs), "", f"{quality.detail_name.upper()} IN DETAIL",
             *detail_text(quality.detail)]
    for run in quality.runs:
        if run.short_details:
            lines += ["", run.name.upper(),
                      *(fill_items(label, items, count) for label, items, count in short_details(run))]
    return "\n".join(lines) + "\n"


EXPLANATIONS = (
    ("The table", "One row per corpus with a gold reading. The development corpus in `content/` has two rows "
     "(see *Modes*); every other corpus has no `editorial.yml` and is generated once, from a temporary copy "
     "of its folder. A corpus whose folder is missing is skipped with a note. The columns are the headline "
     "figures of the sections below: central recall and precision over all kinds, split and merge errors "
     "(counts), statements found with right and wrong named speakers (of found), claim topics found and "
     "spurious claims, figures and conflicts found, then the four source metrics. *n/a* means there is "
     "nothing to measure: the gold reading lacks what the metric needs (no `sources:` section, no claims, "
     "no source whose text names its outlet) or nothing was found to judge (a right speaker needs found "
     "statements)."),
    ("Mean and worst", "Over one run per corpus, the generator alone (the development corpus's curated row "
     "is left out), skipping n/a cells. *mean* is the mean of the per-corpus shares, so each corpus weighs "
     "the same, or of the counts; *worst* is the lowest share, or the highest for the columns that count "
     "errors and losses (splits, merges, wrong named speakers, spurious claims, furniture left, reporting "
     "lost)."),
    ("Lines of an article", "The source metrics read each article file line by line and each generated "
     "source's headline, outlet, kept paragraphs and removed pieces from `knowledge.json`. Text is compared "
     "with whitespace folded, invisible characters dropped and a leading bullet marker ignored. The gold "
     "headline and each gold furniture text are cut out of the line equal to them, or else of the first "
     "line holding them (a furniture text may be only part of a physical line, as a caption run together "
     "with the first paragraph). A kept paragraph holds a line when it contains the text and is the "
     "paragraph the line belongs to: the last kept paragraph starting at or before that line (the export "
     "gives each paragraph's first line; soft-wrapped lines are joined into one paragraph)."),
    ("Furniture left", "Gold furniture lines (time stamps, bylines, promos, captions, widgets) still in a "
     "kept paragraph, where a reader takes them for reporting and a citation may quote them; of all gold "
     "furniture lines. Each is listed with its line and what it is. A furniture line taken for the "
     "headline is not counted here but under *headline right*."),
    ("Reporting lost", "Pieces of reporting in no kept paragraph: the lines of an article (or what is left "
     "of a line once its furniture or headline is cut out) that are neither gold furniture nor the gold "
     "headline, of all such pieces; pieces without a letter or digit are left out. A lost piece is listed "
     "with the generator's reason for removing it (\"no removed entry\" if it gave none). Reporting the "
     "generator shows only as (part of) the headline, as a body sentence taken for the headline of an "
     "article that has none, is listed apart and not counted: *headline right* counts it."),
    ("Headline right", "Of the gold sources, those whose generated headline equals the gold headline, "
     "whitespace folded. When the article has no headline (gold `headline: null`), the generated one is "
     "right only when it is not a run of words of the article: a body sentence, date stamp or promo taken "
     "for the headline is wrong, a title from elsewhere (metadata, the file name) is right."),
    ("Outlet right", "Of the sources whose gold `outlet_named_in_text` is true (their own text names the "
     "outlet, so the generator could find it), those whose generated outlet is a name of the gold outlet, "
     "compared case-insensitively and ignoring a leading \"The\". The names of a gold outlet are the name "
     "given, both parts of a name written \"Publisher (agency)\", and the names and aliases of any entry "
     "of the gold `outlets:` list that shares one of them. An outlet shown as unknown is wrong."),
    ("Modes", "*with editorial* generates from `content/` as it is; *generator alone* generates from a "
     "temporary copy without `content/editorial.yml`, so the gap between the columns is what the "
     "hand-written curation adds. Without an `editorial.yml` the two columns are the same run twice."),
    ("Surface forms", "A gold entity's forms are its alias texts; a predicted entity's forms are its name, "
     "aliases and mention texts. Forms are compared after case folding, dropping a possessive 's, folding "
     "whitespace and dropping a leading \"the \". A predicted entity *hits* a gold entity when they share a "
     "form, and is *assigned* to the gold entity it shares the most forms with (ties: same kind first, then "
     "the gold entity with fewer forms the two do not share, then gold order)."),
    ("Entity precision", "Of the predicted entities of a kind, the share that hit a gold entity of the same "
     "kind. The entities that do not are listed, so a reader sees what the extractor invents."),
    ("Entity recall", "*Central recall*: of the gold entities marked `central: true`, the share hit by a "
     "predicted entity of the same kind; *recall over all gold* does the same for every gold entity. "
     "Missed central entities are listed."),
    ("Spurious non-entities", "Predicted entities that hit a string the gold reading lists under "
     "`non_entities` (demonyms, weekdays, headline words, boilerplate) or `outlets` (news outlets are "
     "sources, not actors). Each is listed with the string it hit."),
    ("Merge errors", "A predicted entity that hits two or more gold entities, when no single one of them "
     "has every gold spelling the prediction uses. Gold spells some entities alike (\"Kremlin\" is the "
     "government body and the building), so hitting both through such a shared spelling alone is not a "
     "merge."),
    ("Split errors", "A central gold entity that two or more predicted entities are assigned to: one actor "
     "shown as several, usually because spelling variants were not resolved to one another."),
    ("Alias recall", "For every central gold entity with at least one predicted entity assigned to it: the "
     "share of its distinct (normalised) aliases found among the forms of those predicted entities. It is "
     "split into aliases marked `untranslatable: true` (native acronyms, other-language names, metonyms "
     "such as \"Kyiv\" for the government), which no string rule can link, and the rest (spelling and "
     "translation variants). Every missed alias is listed, the untranslatable ones marked."),
    ("Sub-kinds", "For every predicted entity assigned to a gold entity that has a `subkind`: *given* "
     "counts those that export a sub-kind (a null or missing one is a gap, not an error), and *right* "
     "counts, of those given, the ones equal to the gold sub-kind, both compared by the part before any "
     "\"(\" (\"region (peninsula)\" is a region), case folded; \"city\" and \"town\" agree, since the "
     "sources call the same place both. Wrong sub-kinds are listed."),
    ("Parent areas", "A gold place may list under `part_of` the areas it lies in (gold entity names, or "
     "plain names of areas the gold reading does not hold). A predicted place's `part_of` entry is "
     "*right* when its `entity` is assigned to one of those gold parents or its name, normalised as "
     "above, is a parent's name or alias; entries are judged only for predictions assigned to a gold "
     "place that has parents, and wrong ones are listed. *Places with a parent* counts the central gold "
     "places that have gold parents (countries have none and are left out) for which some assigned "
     "prediction gives at least one right parent; the others are listed."),
    ("Statements found", "A predicted statement matches a gold one when it cites the same source, the "
     "cited paragraph contains the gold `paragraph_quote`, and the word sets of the two texts overlap "
     "(Jaccard) by at least 0.5; pairs are made one to one, best overlap first. *Gold locatable* counts "
     "gold statements whose paragraph is among the exported paragraphs at all (a headline is not), the "
     "ceiling for *found*."),
    ("Speakers", "For a found statement, the predicted speaker is *right* when its entity is assigned to "
     "the gold speaker (or hits the gold outlet that spoke), or when both are unnamed; *wrong* when it "
     "names someone else, which misleads a reader and is worse than *unresolved* (a null speaker where "
     "gold names one). Wrong speakers are listed."),
    ("Kind and spurious statements", "*Right kind*: found statements whose kind (quote or paraphrase) "
     "agrees with gold. *Spurious*: predicted statements that match no gold statement."),
    ("Statements by officials", "The same numbers over the gold statements marked `official: true`; "
     "spurious counts the predicted statements marked official that match no gold statement."),
    ("Claims", "A predicted citation hits a gold citation when it names the same source and its paragraph "
     "contains the gold quote, or the gold quote contains its quote. A gold topic is found when one "
     "predicted claim has citations hitting at least two of the topic's positions (its only position, "
     "for a one-position topic). A predicted claim that finds no topic is spurious."),
    ("Figures", "A gold figure is found when a predicted value cites it as above and equals the gold value "
     "(or lies within the gold range given for a vague quantity such as \"dozens\"). Predicted values that "
     "match no gold figure are spurious."),
    ("Conflicts", "A gold conflict group whose figures hold two or more distinct values is found when one "
     "predicted figure marked `conflict: true` holds values matching two of its figures with different "
     "values. Conflicting predicted figures that find no group are spurious."),
)
"""One paragraph per metric, written into QUALITY.md."""


def markdown_section(report: Report, index: int) -> list[str]:
    """Render one section as a Markdown table and lists."""
    lines = [f"### {report[0][1][index].title}", "", "| metric | " + " | ".join(m for m, _ in report) + " |",
             "|---" * (len(report) + 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(report, index)]
    details = merged_details(report, index)
    if details:
        lines.append("")
    lines += [f"- **{label}** ({len(items)}): " + "; ".join(items) for label, items in details]
    return [*lines, ""]


def short_markdown(run: CorpusRun) -> list[str]:
    """Render one corpus's short details section."""
    lists = short_details(run)
    body = [f"- **{label}** ({count}): " + "; ".join(items) for label, items, count in lists]
    return [f"### {run.name}", "", *(body or ["Nothing to list."]), ""]


def render_markdown(quality: Quality) -> str:
    """Render the report as QUALITY.md."""
    lines = ["# Extraction quality", "",
             f"Produced by `{COMMAND}` (`.venv/bin/python bench/quality/score.py --write QUALITY.md`), "
             "which generates every corpus that has a hand-made gold reading and compares its "
             "`data/knowledge.json` with that reading: the development corpus in `content/` with "
             "`bench/quality/gold.yml`, and each corpus `../shared/corpora/events/<name>/` with "
             "`bench/quality/gold/<name>.yml`. It measures and never fails a build.", "",
             *(line for note in quality.notes for line in (note, "")),
             "## Per corpus", "", *table_markdown(quality.runs), "",
             f"## {quality.detail_name} in detail", ""]
    for index in range(len(quality.detail[0][1])):
        lines += markdown_section(quality.detail, index)
    others = [run for run in quality.runs if run.short_details]
    if others:
        lines += ["## The other corpora", "",
                  f"What each got wrong, at most {MAX_ITEMS} items a list.", ""]
        for run in others:
            lines += short_markdown(run)
    lines += ["## What the metrics mean", ""]
    for title, text in EXPLANATIONS:
        lines += [f"**{title}.** {text}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
