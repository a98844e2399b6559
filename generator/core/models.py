"""The values passed between pipeline stages: frozen, sortable, one line on each field."""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field
from functools import cached_property

from .curation import Editorial
from .errors import Problem
from .text import sentence_spans


@dataclass(frozen=True)
class SiteConfig:
    """Settings from content/site.yml; every field is optional."""

    title: str = "Explainer"
    """Site title shown in the header."""
    description: str = ""
    """One-line description shown on the home page."""
    event: str = ""
    """Name of the event the corpus is about."""
    date: str = ""
    """Date or period of the event, as the editor writes it."""
    title_from: str = "default"
    """Where the title comes from: 'site.yml', 'derived' (from the corpus) or 'default'."""
    turned_off: frozenset[str] = frozenset()
    """Optional parts of the site the editor turned off (`pages:` in site.yml): see OPTIONAL_PARTS."""

    def shows(self, part: str) -> bool:
        """Whether an optional part of the site is built."""
        assert part in OPTIONAL_PARTS, part
        return part not in self.turned_off


OPTIONAL_PARTS = {
    "timeline": "the timeline page and the home page's key dates",
    "map": "the map page and the small map on each located place's page",
    "coverage": "the coverage grid: which source reports which position and names which entity",
    "structured-data": "schema.org JSON-LD in each page's head, for search engines and aggregators",
    "tags": "tags on entity and question pages, and the tags page",
}
"""The parts of the site an editor can turn off in site.yml (`pages: {map: false}`), and what
each is; everything else is always built, because the citations lead to it."""


@dataclass(frozen=True)
class SourceMeta:
    """What is known about where an article comes from; None means unknown."""

    outlet: str | None = None
    """Publication name, from the editor or the article's own attribution footer."""
    url: str | None = None
    """http(s) address of the original article."""
    author: str | None = None
    """Byline."""
    published: str | None = None
    """Publication date, ISO 8601 (YYYY-MM-DD or a full timestamp)."""
    language: str | None = None
    """Language code such as 'en'."""
    outlet_from: str | None = None
    """Where the outlet came from: 'editor', 'attribution footer', or where the text or the address
    names it ('byline', 'agency tag', 'copyright line', 'address', ...)."""
    author_from: str | None = None
    """Where the author came from: 'editor' or 'byline'."""
    dateline: str | None = None
    """The date as the article writes it in its date line or stamp (only when `published` is unknown)."""
    dateline_from: str | None = None
    """Where the dateline was read: 'date line'."""


@dataclass(frozen=True, order=True)
class RawArticle:
    """One article file as decoded text, before cleaning."""

    id: str
    """Source id: the file stem."""
    path: str
    """The file it was read from."""
    text: str
    """Decoded body text with normalised newlines (front matter removed)."""
    first_line: int
    """Line number in the file where `text` starts (after front matter)."""
    title: str | None
    """Headline from front matter, or None to take it from the first line."""
    meta: SourceMeta = field(compare=False)
    """Editor-supplied metadata."""


@dataclass(frozen=True, order=True)
class Paragraph:
    """A kept block of article text with a stable id."""

    id: str
    """Anchor id: p1..pn in reading order."""
    text: str
    """The paragraph text exactly as in the article (whitespace folded)."""
    kind: str
    """'text', 'heading' (a subheading) or 'bullet' (a summary point)."""
    line: int
    """Line number in the article file where it starts."""


@dataclass(frozen=True, order=True)
class Removed:
    """A line the cleaner took out, kept for transparency."""

    line: int
    """Line number in the article file."""
    text: str
    """The removed text."""
    reason: str
    """Why it was removed, in words a reader understands."""


@dataclass(frozen=True, order=True)
class Article:
    """A cleaned article: title, paragraphs with ids, and what was removed."""

    id: str
    """Source id: the file stem."""
    slug: str
    """ASCII page name under sources/."""
    path: str
    """The file it was read from."""
    title: str
    """Headline, without any section suffix."""
    paragraphs: tuple[Paragraph, ...]
    """Kept paragraphs in reading order."""
    removed: tuple[Removed, ...]
    """Boilerplate taken out, in file order."""
    meta: SourceMeta = field(compare=False)
    """Where the article comes from."""

    @property
    def page(self) -> str:
        """Path of the source page inside docs/."""
        return f"sources/{self.slug}.md"

    @property
    def label(self) -> str:
        """How citations name this source: the outlet, or a short title when unknown."""
        if self.meta.outlet:
            return self.meta.outlet
        words = self.title.split()
        short = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
        return f"“{short}” (outlet unknown)"

    def paragraph(self, pid: str) -> Paragraph:
        """Return the paragraph with this id."""
        try:
            return self._paragraph_by_id[pid]
        except KeyError:
            raise KeyError(f"{self.id} has no paragraph {pid}") from None

    @cached_property
    def _paragraph_by_id(self) -> dict[str, Paragraph]:
        return {p.id: p for p in self.paragraphs}


@dataclass(frozen=True, order=True)
class Citation:
    """A verbatim quote from one paragraph of one source."""

    source: str
    """Source id."""
    paragraph: str
    """Paragraph id, p1..pn."""
    quote: str
    """Words copied exactly from that paragraph."""


@dataclass(frozen=True, order=True)
class Mention:
    """A name found in a paragraph."""

    source: str
    """Source id."""
    paragraph: str
    """Paragraph id."""
    start: int
    """Character offset of the name in the paragraph text."""
    text: str
    """The name as written."""


def reading_order(mention: Mention) -> tuple[str, int, int]:
    """Sort key: source, then paragraph number (p2 before p10), then offset."""
    return mention.source, int(mention.paragraph.lstrip("p") or 0), mention.start


@dataclass(frozen=True, order=True)
class Parent:
    """A larger area a place lies in, and what says so."""

    name: str
    """The area's name as shown ('Lisk region', 'Moldova')."""
    entity: str | None
    """Id of the corpus entity that is this area, if any."""
    basis: str
    """'text' (a cited sentence says so) or 'gazetteer'."""
    citation: Citation | None = None
    """The sentence that says so, for basis 'text'."""


@dataclass(frozen=True, order=True)
class Location:
    """Where the gazetteer puts a place."""

    lat: float
    """Latitude, decimal degrees (WGS 84)."""
    lon: float
    """Longitude, decimal degrees."""
    geonameid: int
    """GeoNames id of the place."""
    name: str
    """The gazetteer's name for it."""
    country: str
    """Country name."""
    region: str
    """First-level region, '' when unknown."""

    @property
    def osm(self) -> str:
        """OpenStreetMap address centred on the place."""
        return f"https://www.openstreetmap.org/?mlat={self.lat:.4f}&mlon={self.lon:.4f}#map=12/{self.lat:.4f}/{self.lon:.4f}"

    @property
    def geonames(self) -> str:
        """The place's GeoNames page."""
        return f"https://www.geonames.org/{self.geonameid}"


@dataclass(frozen=True, order=True)
class Entity:
    """A group, place or person, with every spelling the sources use."""

    id: str
    """Stable ASCII id, also the page slug."""
    kind: str
    """'group', 'place' or 'person'."""
    name: str
    """Canonical name."""
    aliases: tuple[str, ...]
    """Other spellings found in the sources."""
    role: str | None
    """Role or sub-kind where the text gives it."""
    side: str | None
    """Whose side it is on, where the text or the editor says."""
    mentions: tuple[Mention, ...]
    """Where it is named."""
    note: str | None = None
    """The editor's own line of context, shown as the editor's."""
    speaks: bool = False
    """Whether a statement is attributed to it (a speaker matters even if named once)."""
    side_by: str = "the editor"
    """Who set the side: 'the editor' (editorial.yml) or 'the text' (a country's government)."""
    subkind: str | None = None
    """What sort of group or place ('armed group', 'village'), where the text or the editor says."""
    part_of: tuple[Parent, ...] = ()
    """For a place: the larger areas it lies in, from the text or the gazetteer."""
    location: Location | None = None
    """For a place the gazetteer knows: where it is."""

    @property
    def has_page(self) -> bool:
        """Entities named once in passing are listed on the index but get no page of their own."""
        return len(self.mentions) >= 2 or self.speaks

    @property
    def page(self) -> str:
        """Path of the entity page inside docs/."""
        return f"{self.kind}s/{self.id}.md" if self.kind != "person" else f"people/{self.id}.md"


@dataclass(frozen=True, order=True)
class Statement:
    """Something a person or body said, as a quote or the outlet's paraphrase."""

    id: str
    """Stable id."""
    speaker: str | None
    """Entity id of the speaker, or None when the text does not say who."""
    speaker_text: str
    """How the article names the speaker."""
    kind: str
    """'quote' (verbatim) or 'paraphrase' (the outlet's words)."""
    text: str
    """The words said."""
    official: bool
    """Whether the speaker holds a state or intergovernmental office."""
    citation: Citation
    """Where it is said."""
    channel: str | None = None
    """How it reached the article, in the article's words ('in a statement', 'told X')."""
    side: str | None = None
    """Whose side the speaker speaks for, where the text or the editor says."""
    verb: str = ""
    """The speech verb the source uses ('said', 'denied', 'claimed'), '' when none."""
    speakers: tuple[str, ...] = ()
    """Entity ids of everyone who made it ('X and Y said in a joint statement'); `speaker` is among them."""
    reason: str = ""
    """Why the speaker (or none) was chosen, for `check --explain` and the export."""
    camp: str | None = None
    """Where no side is set, the group the speaker speaks for as the text names it ('FDW general
    secretary': the federation), or None (analyze/camps.py)."""


@dataclass(frozen=True, order=True)
class Position:
    """One side's position on a claim topic."""

    side: str
    """Who holds it, in words."""
    claimants: tuple[str, ...]
    """Entity ids of those who assert it."""
    summary: str
    """A short, attributed summary."""
    citations: tuple[Citation, ...]
    """Where it is stated."""
    statements: tuple[str, ...] = ()
    """The statements that take it (ids), for showing their words."""
    stances: tuple[str, ...] = ()
    """Per citation: 'asserts', 'denies', 'confirms' or 'unverified'."""


@dataclass(frozen=True, order=True)
class Claim:
    """A question the sources answer differently, with each side's position."""

    id: str
    """Stable id."""
    topic: str
    """The question, in words."""
    status: str
    """'disputed', 'one-sided' or 'corroborated'."""
    positions: tuple[Position, ...]
    """The positions taken."""


@dataclass(frozen=True, order=True)
class FigureValue:
    """One number given by one source for a measure."""

    value: float
    """The number."""
    text: str
    """The words that give it."""
    claimant: str | None
    """Who gives it (entity id), if the text says."""
    citation: Citation
    """Where it is given."""
    qualifier: str = ""
    """The words that bound or soften it ('at least', 'about', 'up to', 'several'), lower-case."""
    low: float | None = None
    """Least value the words allow; None when they set no lower bound."""
    high: float | None = None
    """Greatest value the words allow; None when they set no upper bound."""


@dataclass(frozen=True, order=True)
class Figure:
    """A measure (people injured, ...) with the values the sources give."""

    id: str
    """Stable id."""
    measure: str
    """What is counted."""
    conflict: bool
    """Whether the sources disagree."""
    values: tuple[FigureValue, ...]
    """The values, in source order."""
    scope: str = ""
    """'' for the event itself, 'cumulative' for totals ('since ...', 'so far'), 'rate' for 'per day'."""


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def date_label(date: str) -> str:
    """An ISO date as a reader reads it: "Tuesday 18 March 2031", "March 2031"."""
    parts = [int(p) for p in date.split("-")]
    if len(parts) == 3:
        day = datetime.date(*parts)
        return f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    if len(parts) == 2:
        return f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return str(parts[0])


@dataclass(frozen=True)
class Event:
    """A dated development: one sentence of one source and the date it gives."""

    date: str
    """ISO date to the precision known: YYYY-MM-DD or YYYY-MM."""
    precision: str
    """'day' or 'month'."""
    resolved_from: str | None
    """None when the sentence writes the whole date; else what it was worked out from (a weekday
    or a date without its year, against the article's own date)."""
    text: str
    """The sentence."""
    citation: Citation
    """Where it stands (the quote is the sentence)."""


@dataclass(frozen=True, order=True)
class Report:
    """One source's report of one position on a question."""

    claim: str
    """Id of the question (claim)."""
    position: int
    """Index of the position among the question's positions."""
    side: str
    """Who holds the position, in words (the position's side)."""
    citations: tuple[Citation, ...]
    """This source's citations of the position, in the position's order."""
    only: str = ""
    """'source' when no other source reports the position, 'outlet' when no other outlet does, else ''."""


@dataclass(frozen=True, order=True)
class Naming:
    """How often one source names one central entity."""

    entity: str
    """Entity id."""
    mentions: int
    """How many times the source names it."""
    paragraphs: tuple[str, ...]
    """The paragraphs that name it, in reading order, once each."""


@dataclass(frozen=True, order=True)
class SourceCoverage:
    """What one source reports: positions on questions, and the central entities it names."""

    source: str
    """Source id."""
    reports: tuple[Report, ...]
    """The positions it reports, in question order, then position order."""
    names: tuple[Naming, ...]
    """The central entities it names, in the order of `Coverage.central`."""


@dataclass(frozen=True, order=True)
class Exclusive:
    """A position that only one source, or only one outlet, reports."""

    claim: str
    """Id of the question."""
    position: int
    """Index of the position among the question's positions."""
    side: str
    """Who holds the position, in words."""
    scope: str
    """'source' (one source cites it) or 'outlet' (several sources, all of one outlet)."""
    sources: tuple[str, ...]
    """The sources that report it, sorted."""
    outlet: str | None
    """Their outlet, where known."""


@dataclass(frozen=True)
class Coverage:
    """Which source reports what: the grid behind the coverage page and knowledge.json's `coverage`."""

    questions: tuple[str, ...] = ()
    """Claim ids, the ones most sources report first."""
    central: tuple[str, ...] = ()
    """Central entity ids (those most sources name), most sources first."""
    sources: tuple[SourceCoverage, ...] = ()
    """One entry per source, in source order."""
    exclusives: tuple[Exclusive, ...] = ()
    """Positions only one source or one outlet reports, in question order."""

    def reporting(self) -> list[SourceCoverage]:
        """The sources that report at least one position."""
        return [s for s in self.sources if s.reports]

    def naming(self) -> list[SourceCoverage]:
        """The sources that name at least one central entity."""
        return [s for s in self.sources if s.names]


@dataclass(frozen=True)
class DateDisagreement:
    """Sentences of different sources that read as one development but give different days."""

    words: tuple[str, ...]
    """The distinctive words all of them use."""
    events: tuple[Event, ...]
    """The sentences, in date order: at least two days, from at least two sources."""


@dataclass(frozen=True)
class Corpus:
    """Everything read from the content folder."""

    config: SiteConfig
    """Site settings."""
    articles: tuple[RawArticle, ...]
    """Articles, sorted by id."""
    editorial: Editorial = field(default_factory=Editorial)
    """The editor's curation (editorial.yml)."""


@dataclass(frozen=True)
class Page:
    """One generated file inside docs/."""

    path: str
    """POSIX path relative to docs/."""
    content: bytes
    """Exact bytes to write."""


@dataclass(frozen=True)
class SpeakerStatements:
    """What one speaker said: a resolved entity, or the words that describe an unnamed speaker."""

    entity: Entity | None
    """The speaker, where the text says who."""
    words: str
    """How the sources describe an unresolved speaker ('' when the entity is known)."""
    statements: list[Statement]
    """Their statements, in reading order."""


@dataclass(frozen=True)
class Site:
    """The assembled knowledge with the queries the templates need."""

    config: SiteConfig
    """Site settings."""
    articles: tuple[Article, ...]
    """Cleaned sources, sorted by id."""
    key_points: tuple[Citation, ...] = ()
    """The sentences the home page leads with."""
    entities: tuple[Entity, ...] = ()
    """Resolved entities."""
    statements: tuple[Statement, ...] = ()
    """Statements found."""
    claims: tuple[Claim, ...] = ()
    """Claim topics."""
    figures: tuple[Figure, ...] = ()
    """Figures."""
    events: tuple[Event, ...] = ()
    """Dated developments, in date order."""
    date_disagreements: tuple[DateDisagreement, ...] = ()
    """Developments the sources put on different days."""
    coverage: Coverage = field(default_factory=Coverage)
    """Which source reports which question, position and central entity."""

    def events_by_day(self) -> list[tuple[str, list[Event]]]:
        """The timeline: (a reader's date, the events of that day or month), in date order."""
        days: dict[str, list[Event]] = {}
        for event in self.events:
            days.setdefault(event.date, []).append(event)
        return [(date_label(date), events) for date, events in days.items()]

    def key_events(self, limit: int = 8) -> list[Event]:
        """The days most sources report, one sentence each (the first cited), in date order."""
        by_date: dict[str, list[Event]] = {}
        for event in self.events:
            if event.precision == "day":
                by_date.setdefault(event.date, []).append(event)
        ranked = sorted(by_date, key=lambda d: (-len({e.citation.source for e in by_date[d]}), d))[:limit]
        return [by_date[d][0] for d in sorted(ranked)]

    def index(self) -> None:
        """Build the look-up tables now (they are otherwise built on first use): before worker
        processes are forked, so that each inherits them instead of building its own."""
        for table in ("_by_id", "_by_paragraph", "_entity_by_id", "_statement_by_id", "_claims_by_claimant",
                      "_statements_by_speaker", "_official_responses", "_other_responses"):
            getattr(self, table)

    @cached_property
    def _by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def _by_paragraph(self) -> dict[tuple[str, str], list[Entity]]:
        index: dict[tuple[str, str], list[Entity]] = {}
        for entity in self.entities:
            for place in sorted({(m.source, m.paragraph) for m in entity.mentions}):
                index.setdefault(place, []).append(entity)
        return index

    def article(self, source_id: str) -> Article:
        """Return the source with this id."""
        return self._by_id[source_id]

    def spellings(self, entity: Entity) -> list[tuple[str, list[Article]]]:
        """Each way the sources write an entity, with the sources that write it so."""
        by_form: dict[str, set[str]] = {}
        for m in entity.mentions:
            by_form.setdefault(m.text, set()).add(m.source)
        return [(form, [self.article(i) for i in sorted(ids)]) for form, ids in sorted(by_form.items())]

    def mentions_by_source(self, entity: Entity) -> list[tuple[Article, list[Citation]]]:
        """The sentences naming an entity, once each, grouped by source, in reading order."""
        grouped: dict[str, list[Citation]] = {}
        seen: set[Citation] = set()
        for m in sorted(entity.mentions, key=reading_order):
            cited = grouped.setdefault(m.source, [])
            citation = self.mention_citation(m)
            if citation not in seen:
                seen.add(citation)
                cited.append(citation)
        return [(self.article(source), grouped[source]) for source in sorted(grouped)]

    def mention_citation(self, mention: Mention) -> Citation:
        """Cite the sentence in which a mention stands."""
        text = self.article(mention.source).paragraph(mention.paragraph).text
        spans = sentence_spans(text)
        i = bisect.bisect_right(spans, (mention.start, len(text) + 1)) - 1
        if i >= 0 and spans[i][0] <= mention.start < spans[i][1]:
            start, end = spans[i]
            return Citation(mention.source, mention.paragraph, text[start:end])
        return Citation(mention.source, mention.paragraph, mention.text)

    def related(self, entity: Entity, limit: int = 8) -> list[Entity]:
        """Entities named in the same paragraphs, most often first."""
        counts: dict[str, int] = {}
        for place in {(m.source, m.paragraph) for m in entity.mentions}:
            for other in self._by_paragraph[place]:
                if other.id != entity.id:
                    counts[other.id] = counts.get(other.id, 0) + 1
        ranked = sorted(counts, key=lambda i: (-counts[i], self.entity(i).name, i))
        return [self.entity(i) for i in ranked[:limit]]

    @cached_property
    def _entity_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with this id."""
        return self._entity_by_id[entity_id]

    @cached_property
    def _statement_by_id(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}

    def statement(self, statement_id: str) -> Statement | None:
        """Return the statement with this id, None for ''."""
        return self._statement_by_id.get(statement_id)

    def claims_with(self, status: str) -> list[Claim]:
        """The claim topics with this status."""
        return [c for c in self.claims if c.status == status]

    def claim_sources(self, claim: Claim) -> int:
        """How many sources cite a position on a claim topic."""
        return len({c.source for p in claim.positions for c in p.citations})

    def claims_of(self, entity: Entity) -> list[Claim]:
        """The claim topics an entity takes a position in, in claim order."""
        return self._claims_by_claimant.get(entity.id, [])

    @cached_property
    def _claims_by_claimant(self) -> dict[str, list[Claim]]:
        index: dict[str, list[Claim]] = {}
        for claim in self.claims:
            for claimant in dict.fromkeys(i for p in claim.positions for i in p.claimants):
                index.setdefault(claimant, []).append(claim)
        return index

    @cached_property
    def _statements_by_speaker(self) -> dict[str, list[Statement]]:
        index: dict[str, list[Statement]] = {}
        for s in self.statements:
            if s.speaker:
                index.setdefault(s.speaker, []).append(s)
        return index

    def statements_of(self, entity: Entity) -> list[Statement]:
        """What an entity said, in reading order."""
        return self._statements_by_speaker.get(entity.id, [])

    def responses(self, official: bool) -> list[tuple[str | None, list[SpeakerStatements]]]:
        """Statements grouped by side, else camp (by name, unknown last), then speaker (most statements
        first); grouped once per site, as the layout, the home page and the responses pages all ask."""
        return self._official_responses if official else self._other_responses

    @cached_property
    def _official_responses(self) -> list[tuple[str | None, list[SpeakerStatements]]]:
        return self._grouped(official=True)

    @cached_property
    def _other_responses(self) -> list[tuple[str | None, list[SpeakerStatements]]]:
        return self._grouped(official=False)

    def _grouped(self, official: bool) -> list[tuple[str | None, list[SpeakerStatements]]]:
        by_side: dict[str | None, dict[tuple[str, str], list[Statement]]] = {}
        for s in self.statements:
            if s.official == official:
                who = ("", s.speaker) if s.speaker else ("~", s.speaker_text or "unattributed")
                by_side.setdefault(s.side or s.camp, {}).setdefault(who, []).append(s)
        result = []
        for side in sorted(by_side, key=lambda side: (side is None, side or "")):
            speakers = by_side[side]
            order = sorted(speakers, key=lambda k: (k[0], -len(speakers[k]), k[1]))
            result.append((side, [SpeakerStatements(None if mark else self.entity(key), key if mark else "",
                                                    speakers[(mark, key)]) for mark, key in order]))
        return result

    def unnamed_statements(self, official: bool) -> list[Statement]:
        """Statements whose speaker the text does not resolve, in reading order."""
        return [s for s in self.statements if s.official == official and s.speaker is None]

    def key_responses(self, per_side: int = 2, sides: int = 6) -> list[tuple[str | None, list[Statement]]]:
        """For the most quoted sides (at most `sides`, in their usual order), the first statements
        of each one's most quoted official speakers, quotes first."""
        result = []
        responses = self.responses(official=True)
        counts = [sum(len(g.statements) for g in speakers) for _, speakers in responses]
        chosen = sorted(sorted(range(len(responses)), key=lambda i: -counts[i])[:sides])
        for side, speakers in (responses[i] for i in chosen):
            picks = []
            for group in speakers[:per_side]:
                quotes = [s for s in group.statements if s.kind == "quote"]
                picks.append((quotes or group.statements)[0])
            result.append((side, picks))
        return result

    def entities_of(self, kind: str) -> tuple[Entity, ...]:
        """Entities of one kind, most mentioned first."""
        chosen = [e for e in self.entities if e.kind == kind]
        return tuple(sorted(chosen, key=lambda e: (-len(e.mentions), e.name)))

    def located_places(self) -> tuple[Entity, ...]:
        """Places with a page and coordinates (the ones a map can show), most mentioned first."""
        return tuple(e for e in self.entities_of("place") if e.has_page and e.location is not None)


@dataclass(frozen=True)
class Generated:
    """The pages of a site and the warnings met on the way."""

    site: Site
    """The assembled knowledge."""
    pages: tuple[Page, ...]
    """Every file to write into docs/."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""
