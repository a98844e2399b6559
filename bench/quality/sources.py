"""Metrics on what each article is: furniture left, reporting lost, headline right, outlet right.

They need the optional `sources:` section of a gold reading (per article: headline, outlet and the
furniture lines that are not reporting) and the article texts; the generated knowledge.json gives
each source's headline, outlet, kept paragraphs (with the line each starts on) and removed pieces.
A reading without `sources:` gets no source scores (the report shows n/a).

Lines are compared as a reader reads them: invisible characters dropped, whitespace folded and a
leading bullet marker ignored (the generator drops it from a bullet paragraph).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from gold import Gold, GoldSource, fold
from metrics import Ratio
from prediction import Knowledge, Source

BULLET = re.compile(r"^[•·▪●◦‣∙*–—-]\s+(?=\S)")
"""A bullet marker at the start of a folded line."""
HAS_WORD = re.compile(r"\w")
"""A piece of a line without a letter or digit (a leftover "|" or "--") is not reporting."""
CUT = "\x00"
"""Stands for a cut-out headline or furniture text inside a line (no folded line holds it)."""
OUTLET_PARTS = re.compile(r"(?P<outlet>.+?)\s*\((?P<other>[^()]+)\)")
"""A gold outlet written "Publisher (agency or site)": both parts are names of it."""
SHOWN = 70
"""Longest text quoted in a detail line."""
SHOWN_HEADLINE = 110
"""Longest headline quoted in a detail line (a wrong one often differs only at its end)."""


def fold_line(text: str) -> str:
    """Fold an article line: no invisible characters, single spaces, no leading bullet marker."""
    visible = "".join(ch for ch in text if ch == "\t" or unicodedata.category(ch) not in ("Cc", "Cf"))
    return BULLET.sub("", fold(visible))


def article_lines(text: str) -> list[str]:
    """Split an article file's text into folded lines (line n at index n - 1); front matter is blanked."""
    lines = [fold_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if lines and lines[0] == "---":
        end = next((i for i in range(1, len(lines)) if lines[i] in ("---", "...")), None)
        if end is not None:
            lines[: end + 1] = [""] * (end + 1)
    return lines


def cut_out(lines: Sequence[str], markers: Sequence[str]) -> tuple[list[int | None], list[str]]:
    """Find each marker (headline or furniture text) in the lines and cut it out.

    A marker is found on the first line equal to it, else on the first line that holds it (a gold
    furniture text may be only part of a physical line). Returns each marker's line number (None
    when no line holds it) and the lines with every found marker replaced by CUT.
    """
    work = list(lines)
    where: list[int | None] = []
    for marker in (fold_line(m) for m in markers):
        at = next((i for i, line in enumerate(work) if line == marker), None) if marker else None
        if at is None and marker:
            at = next((i for i, line in enumerate(work) if marker in line), None)
        if at is not None:
            work[at] = work[at].replace(marker, CUT, 1)
        where.append(None if at is None else at + 1)
    return where, work


@dataclass(frozen=True)
class Piece:
    """A run of reporting: a line, or what is left of it once headline and furniture are cut out."""

    line: int
    """Its article line."""
    text: str
    """Its folded words."""


def reporting(lines: Sequence[str]) -> list[Piece]:
    """List the reporting pieces of lines whose headline and furniture are cut out."""
    return [Piece(n, part.strip()) for n, line in enumerate(lines, start=1)
            for part in line.split(CUT) if HAS_WORD.search(part)]


def holders(source: Source, line: int | None) -> list[str]:
    """The folded kept paragraphs that can hold an article line.

    When every kept paragraph carries the line it starts on, that is the last one starting at or
    before the line (soft-wrapped lines are joined into one paragraph); otherwise, or for an
    unknown line, every kept paragraph of the source.
    """
    lines = [p.line for p in source.paragraphs]
    if line is None or None in lines:
        return [fold(p.text) for p in source.paragraphs]
    before = [p for p in source.paragraphs if (p.line or 0) <= line]
    return [fold(before[-1].text)] if before else []


def removal_reason(source: Source, text: str) -> str:
    """Say why the generator removed a piece of reporting: the reason of a removed text holding it."""
    for r in source.removed:
        removed = fold_line(r.text)
        if removed and (text in removed or removed in text):
            return r.reason
    return "no removed entry"


def shown(text: str, width: int = SHOWN) -> str:
    """Quote a text for a detail line, shortened."""
    return repr(textwrap.shorten(text, width, placeholder="..."))


def outlet_key(name: str) -> str:
    """Fold an outlet name: case folded, single spaces, no leading "the"."""
    return " ".join(name.casefold().split()).removeprefix("the ")


def outlet_names(source: GoldSource, gold: Gold) -> frozenset[str]:
    """Every folded name of a source's gold outlet.

    Its names as given, both parts of "Publisher (agency)", and the names and aliases of any
    entry of the gold `outlets:` list that shares one of them.
    """
    names = set(source.outlets)
    for name in source.outlets:
        parts = OUTLET_PARTS.fullmatch(name.strip())
        if parts:
            names |= {parts["outlet"], parts["other"]}
    keys = {outlet_key(n) for n in names}
    for outlet in gold.outlets:
        forms = {outlet_key(n) for n in (outlet.name, *outlet.aliases)}
        if forms & keys:
            keys |= forms
    return frozenset(keys)


def outlet_right(source: GoldSource, generated: Source | None, gold: Gold) -> bool:
    """Tell whether the generated outlet is a name of the gold outlet."""
    outlet = generated.outlet if generated else None
    return outlet is not None and outlet_key(outlet) in outlet_names(source, gold)


def headline_right(source: GoldSource, generated: Source | None, lines: Sequence[str]) -> bool:
    """Tell whether the generated headline is the gold one (whitespace folded).

    When the article has no headline (gold null), the generated one is right only when it is no
    run of words of the article: a body sentence, date stamp or promo taken for a headline is
    wrong, a title from elsewhere (metadata, the file name) is not.
    """
    if generated is None:
        return False
    title = fold(generated.title)
    if source.headline is not None:
        return title == fold(source.headline)
    words = re.compile(rf"(?<!\w){re.escape(title)}(?!\w)")
    return not title or not any(words.search(line) for line in lines)


@dataclass(frozen=True)
class SourceScores:
    """Furniture, reporting, headline and outlet metrics of one prediction."""

    furniture_left: Ratio
    """Gold furniture lines still in a kept paragraph, of all gold furniture lines."""
    reporting_lost: Ratio
    """Reporting pieces in no kept paragraph and not in the headline, of all reporting pieces."""
    headline_right: Ratio
    """Generated headlines equal to the gold one, of the gold sources."""
    outlet_right: Ratio
    """Generated outlets that name the gold outlet, of the sources whose text names it."""
    left: tuple[str, ...]
    """The furniture left, described."""
    lost: tuple[str, ...]
    """The reporting lost, described with the generator's reason."""
    in_headline: tuple[str, ...]
    """Reporting the generator shows only as (part of) the headline."""
    wrong_headlines: tuple[str, ...]
    """The wrong headlines, described."""
    wrong_outlets: tuple[str, ...]
    """The wrong outlets, described."""
    unjudged: tuple[str, ...]
    """Gold sources whose article file was not found (their lines are not judged)."""


@dataclass
class _Tally:
    """Counts and lists gathered source by source."""

    furniture: int = 0
    """Gold furniture lines judged."""
    pieces: int = 0
    """Reporting pieces judged."""
    left: list[str] = field(default_factory=list)
    """Furniture left."""
    lost: list[str] = field(default_factory=list)
    """Reporting lost."""
    in_headline: list[str] = field(default_factory=list)
    """Reporting shown only in the headline."""


def _judge_lines(source: GoldSource, generated: Source | None, lines: Sequence[str], tally: _Tally) -> None:
    """Count one article's furniture left and reporting lost."""
    markers = [source.headline] if source.headline is not None else []
    where, rest = cut_out(lines, [*markers, *(f.text for f in source.furniture)])
    empty = Source(source.id, "", None, "", (), ())
    src = generated or empty
    for furniture, line in zip(source.furniture, where[len(markers):], strict=True):
        tally.furniture += 1
        if any(fold_line(furniture.text) in p for p in holders(src, line)):
            tally.left.append(f"{source.id} line {line or '?'}: {shown(furniture.text)} ({furniture.why})")
    title = fold(src.title)
    for piece in reporting(rest):
        tally.pieces += 1
        near = holders(src, piece.line)
        if any(piece.text in p for p in near):
            continue
        if title and (piece.text in title or any(piece.text in f"{title} {p}" for p in near)):
            tally.in_headline.append(f"{source.id} line {piece.line}: {shown(piece.text)}")
            continue
        reason = removal_reason(src, piece.text) if generated else "source not generated"
        tally.lost.append(f"{source.id} line {piece.line} ({reason}): {shown(piece.text)}")


def score_sources(gold: Gold, knowledge: Knowledge, articles: Mapping[str, str]) -> SourceScores | None:
    """Compare every gold source with its generated source and article; None without gold `sources:`.

    `articles` maps a source id to its article file's text.
    """
    if gold.sources is None:
        return None
    tally = _Tally()
    headlines: list[str] = []
    outlets: list[str] = []
    unjudged: list[str] = []
    named = [s for s in gold.sources if s.outlet_named_in_text]
    for source in gold.sources:
        generated = knowledge.sources.get(source.id)
        lines = article_lines(articles[source.id]) if source.id in articles else []
        if source.id in articles:
            _judge_lines(source, generated, lines, tally)
        else:
            unjudged.append(f"{source.id}: no article file")
        if not headline_right(source, generated, lines):
            title = "not generated" if generated is None else shown(generated.title, SHOWN_HEADLINE)
            gold_title = "none" if source.headline is None else shown(source.headline, SHOWN_HEADLINE)
            headlines.append(f"{source.id}: {title}, gold {gold_title}")
        if source.outlet_named_in_text and not outlet_right(source, generated, gold):
            outlet = generated.outlet if generated and generated.outlet else "unknown"
            outlets.append(f"{source.id}: {outlet}, gold {' / '.join(source.outlets)}")
    return SourceScores(
        furniture_left=Ratio(len(tally.left), tally.furniture),
        reporting_lost=Ratio(len(tally.lost), tally.pieces),
        headline_right=Ratio(len(gold.sources) - len(headlines), len(gold.sources)),
        outlet_right=Ratio(len(named) - len(outlets), len(named)),
        left=tuple(tally.left), lost=tuple(tally.lost), in_headline=tuple(tally.in_headline),
        wrong_headlines=tuple(headlines), wrong_outlets=tuple(outlets), unjudged=tuple(unjudged),
    )
