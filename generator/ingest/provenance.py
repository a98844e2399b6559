"""Read where an article comes from out of its own text: date stamps, bylines, outlet names.

Every rule is general knowledge about news pages: how date and time stamps, bylines, agency
tags, copyright lines, credits and promos are written, and the shape of an outlet's name (a
run of capitalised words ending in a word such as "News", "Times" or "Press", an acronym, or
one word joined of two capitalised parts such as "NewsWire"). No outlet is named here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from ..core.models import Removed, SourceMeta

DATELINE_PARAGRAPHS = 3
"""An agency tag is read at the start of the first few paragraphs only (where a dateline stands)."""
SHORT_LINE_CHARS = 200
"""Furniture lines are short; longer lines are never read by these rules (and stay cheap)."""

MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
         r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
WEEKDAY = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
           r"|sat(?:urday)?|sun(?:day)?)\.?")
STAMP_LABEL = (r"(?:(?:first|last)\s+)?(?:published|posted|updated|modified|edited|created)"
               r"(?:\s+(?:time|date|on|at))*")
STAMP_TOKEN = re.compile(
    rf"(?P<time>\d{{1,2}}[:.]\d{{2}}(?:[:.]\d{{2}})?\s*(?:[ap]\.?m\.?)?(?!\w))"
    rf"|(?P<numdate>\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}(?!\w))"
    rf"|(?P<year>(?:19|20)\d{{2}}(?!\w))"
    rf"|(?P<month>{MONTH}(?![a-z]))"
    rf"|(?P<other>{WEEKDAY}(?![a-z])|{STAMP_LABEL}(?![a-z])|\d{{1,4}}(?:st|nd|rd|th)?(?!\w)"
    rf"|[ap]\.?m\.?(?![a-z])|hrs\b|on\b|at\b|[A-Z]{{2,4}}\b|[-–—|/,:()•·]+)",
    re.IGNORECASE,
)
"""One piece of a date or time stamp: a time, a numeric date, a year, a month, or filler."""
STAMP_PREFIX = re.compile(r"(?P<name>[A-Z]{2,3}|[A-Z][a-z]+)(?:\s*,\s*|\s+)(?=\S)")
"""A credit written before a stamp: an agency's acronym or one capitalised word ("Agency, 2 May 2013")."""
DATE_WORD = re.compile(rf"{MONTH}|{WEEKDAY}|{STAMP_LABEL}|on|at", re.IGNORECASE)
"""A word that starts a stamp itself, never a credit before it."""
PLACE_PREFIX = re.compile(r"[A-Z][A-Z .'-]{3,40},\s+(?=\S)")
"""A dateline's place in capitals before a date ("CAPITAL CITY, 2 May 2013")."""
LEADING_LABEL = re.compile(rf"^(?:{STAMP_LABEL}|on)\b\s*[:\-–]?\s*", re.IGNORECASE)
"""A stamp's label ("Published:", "First Posted:"), left out of the date as written."""

OUTLET_WORDS = (
    "News", "Times", "Post", "Press", "Herald", "Journal", "Tribune", "Telegraph", "Gazette", "Daily",
    "Wire", "Agency", "Radio", "TV", "Television", "Network", "Mail", "Online", "Standard", "Chronicle",
    "Observer", "Guardian", "Express", "Independent", "Review", "Reporter", "Today", "Magazine",
    "Weekly", "Broadcasting", "Media", "Week", "World", "Insider", "Monitor", "Sun", "Star", "Bulletin",
)
"""Words that end an outlet's name ("... News", "... Times"): general English, no outlet."""
_WORDS = "|".join(OUTLET_WORDS)
ORG = (rf"(?:(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9&'.-]*|\d{{1,3}})\s+){{0,3}}(?:{_WORDS})(?![a-z])"
       rf"|(?<![A-Za-z])[A-Z][a-z]+(?:{_WORDS})(?![a-z])")
"""An outlet-shaped name: capitalised words ending in an outlet word, or one joined word."""
ACRONYM_ORG = rf"(?<![A-Z])[A-Z]{{2,5}}\s+(?:{_WORDS})(?![a-z])"
"""An acronym followed by an outlet word, found even inside run-together widget text."""
SELF_NAME = rf"{ORG}|(?<![A-Za-z])[A-Z][a-z]+[A-Z][a-z]+(?![A-Za-z])"
"""How an outlet names itself in its own copy: outlet-shaped or one joined word. A bare acronym is
not taken: "a witness told AGENCY." quotes a news agency as often as the outlet itself."""

NAME_WORD = r"(?:[A-Z][a-zA-Z'’-]*\.?|[A-Z]\.|(?:de|van|von|der|da|del|la|le|bin|al|el)(?=\s))"
PERSON = rf"{NAME_WORD}(?:\s{NAME_WORD}){{1,4}}"
BYLINE = re.compile(
    rf"by\s+(?P<names>{PERSON}(?:\s*(?:,|and|&)\s*{PERSON})*|{ORG})"
    rf"(?:\s*(?:,|\||/|-|–|—)\s*(?:the\s+)?(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){{0,3}}))?"
    rf"(?:\s*\|.*)?",
)
"""A byline: "By Jane Doe", "By Jane Doe and John Roe, Agency", "By Some News"."""
CREDITED_NAMES = re.compile(
    rf"(?P<names>{PERSON}(?:\s*(?:,|and|&)\s*{PERSON})*)\s*,\s*(?P<org>(?:the\s+|The\s+)?{ORG})",
)
"""Names followed by the outlet they write for: "Jane Doe and John Roe, The Example Press"."""
CREDIT = re.compile(
    r"(?:(?:video|audio|photo|photos|pictures?|additional|graphics?)\s+)?"
    r"(?:report(?:ing)?|words|pictures?|photos?|images?|video|footage|graphics?)\s+by\s+[^.!?]{2,100}\.?",
    re.IGNORECASE,
)
"""A credit line: "Video report by ...", "Additional reporting by ..."."""
AGENCY_TAG = re.compile(r"\((?P<agency>[A-Z]{2,6}|[A-Z][a-z]{2,12})\)")
"""An agency's tag standing alone on a line: "(AGENCY)", "(Agency)"."""
DATELINE_AGENCY = re.compile(
    rf"(?:[A-Z][A-Z.' -]{{1,40}}(?:,\s*[A-Z][A-Za-z.' -]{{1,30}})?,?\s)?"
    rf"(?:(?i:{MONTH})\.?\s+\d{{1,2}}(?:,\s*(?:19|20)\d{{2}})?\s)?"
    r"\((?P<agency>[A-Z][A-Za-z&]{1,12}(?:\s[A-Z][a-z]+)?)\)\s*(?:--|—|–|-|:)")
"""An agency tag opening the first paragraph: "CITY (Agency) -", "March 17 (AGENCY) --",
"CITY, Country, May 3 (Agency) -"."""
JOINED_OUTLET = r"(?<![A-Za-z])[A-Z][a-z]{2,}(?:world|week|wire|news|times|post|daily)(?![A-Za-z])"
"""A one-word outlet name whose outlet word is written small: "Harborworld", "Coastweek"."""
OPENING_OUTLET = re.compile(
    rf"(?:(?P<outlet>{ORG})\s+|(?P<joined>{JOINED_OUTLET})\s*)(?:--|—|–|-)\s*(?=[A-Z])")
"""An outlet tag opening the first paragraph in place of a dateline: "Example News - The company said"."""
COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?=(?:19|20)\d{2})))\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<outlet>[^.,;|]{2,60}?)(?:\s+(?:19|20)\d{2})?\s*(?:[.,;|]\s*all\s+rights\s+reserved\.?|\.)?",
    re.IGNORECASE,
)
"""A copyright line naming its holder: "© 2013 Example Media. All rights reserved.", "© Example 2013"."""
SECTION_WORDS = frozenset({
    "Breaking", "Latest", "Local", "National", "Top", "Business", "Sport", "Sports", "Politics",
    "Tech", "Technology", "Health", "Science", "Entertainment", "Opinion", "International", "Live",
    "More", "Related", "Video", "Watch", "Your", "Our", "Good", "Evening", "Morning", "Regional",
})
"""Words of a site's section names ("Breaking News", "Business Today"): general English."""
MASTHEAD = re.compile(rf"(?P<outlet>{ORG})(?:\s*[|:–—-]\s*[A-Z][\w&'-]*(?:\s+[\w&'-]+){{0,3}})?")
"""A masthead above the headline: the outlet's name, alone or with its section ("Example News | World")."""
ROLE_NOUNS = (r"correspondent|editor|reporter|writer|journalist|columnist|contributor|producer|"
              r"critic|commentator|analyst|presenter|anchor|bureau\s+chief")
"""What a journalist is, in an author's note."""
EMPLOYER = r"(?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:of\s+)?[A-Z0-9][\w&'.-]*){0,4}"
AUTHOR_BIO = re.compile(
    rf"{PERSON}\s+(?:is|was)\s+(?:(?:a|an|the)\s+)?(?:(?P<a>{EMPLOYER})['’]s?\s+)?[\w\s,-]{{0,60}}?"
    rf"\b(?:{ROLE_NOUNS})\b(?:\s+(?:at|of|for|with)\s+(?P<b>{EMPLOYER}))?(?:,\s+(?:covering|based|who|where|writing|reporting)\b[^.]{{1,80}})?\."
    rf"|{PERSON}\s+(?:covers|writes\s+about|reports\s+on)\s+[^.]{{1,80}}?\s+(?:for|at)\s+(?P<c>{EMPLOYER})\."
)
"""An author's note closing an article: "Jane Doe is Example News's health correspondent.",
"Jane Doe is the editor of Example Weekly.", "Jane Doe covers courts for Example Review."."""
SITE_PROMO = re.compile(
    r"[Mm]ore\s+from\s+(?:the\s+)?(?P<outlet>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})\s*:.{0,160}")
"""A promo for the site's own pages: "More from Example Post: ..."."""
WATCH = re.compile(rf"[Ww]atch\s+(?:[Ll]ive\s+)?(?:on\s+)?(?P<outlet>{ORG})\s*(?:[Ll]ive|[Nn]ow)?")
"""A video-player masthead: "Watch Example News"."""
INTERVIEW = r"(?:\btold|\bconfirmed\s+to|\bin\s+an\s+interview\s+with|\bspeaking\s+to|\bsaid\s+to)"
"""Words that credit an interview to whoever took it: "she told X", "in an interview with X"."""
AFTER_INTERVIEW = r"(?=\s*(?:[.,;]|$|\s+(?:on|in|last|this|earlier|late|[A-Z][a-z]+day)\b))"
"""What follows the interviewer's name when it ends the credit: a stop, or when it took place."""
SELF_REFERENCE = re.compile(
    rf"{INTERVIEW}\s+(?:the\s+)?(?P<a>{SELF_NAME}){AFTER_INTERVIEW}"
    rf"|\bconfirmed\s+to\s+(?:the\s+)?(?P<c>{SELF_NAME})\s+that\b"
    rf"|(?P<b>{SELF_NAME})\s+(?:has\s+|have\s+|had\s+)?(?:obtained|learned|asked|contacted|reached)\b"
)
"""An outlet naming itself in its copy: "..., she told Example News.", "Example News obtained ..."."""
ACRONYM = r"(?<![A-Za-z&])[A-Z]{2,5}(?![A-Za-z&])"
BARE_REFERENCE = re.compile(rf"{INTERVIEW}\s+(?:the\s+)?(?P<a>{ACRONYM}){AFTER_INTERVIEW}")
"""An interview credited to an acronym: "..., a resident told XYZ." An acronym may be a police force
or an agency as well as an outlet, so it counts only where the article names it nowhere else."""
SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Du|La|Le|Van|Von|O)[A-Z]")
"""The start of a surname written as one joined word ("McX", "DeX"): a person, not an outlet.
One outlet word alone ("Today", "Times") is a programme or an outlet cut short: it counts among the
outlets an article credits, but is never read as the article's own."""


@dataclass(frozen=True)
class Reading:
    """A value read from the article's text, and where in it."""

    value: str
    """The value as written (whitespace folded)."""
    source: str
    """Where it was read, to follow "read from the article's": "byline", "copyright line", ..."""


def short(text: str) -> bool:
    """Tell whether a line is short enough to be page furniture read by these rules."""
    return len(text) <= SHORT_LINE_CHARS


def is_stamp(text: str) -> bool:
    """Tell a date or time stamp line ("Updated: 2 May 2013 10:04 GMT") from article text.

    The line, after an optional credit or dateline place, is made only of date and time pieces,
    labels such as "Published" and separators; it holds a year or a clock time, and a month, a
    numeric date or a clock time.
    """
    if not short(text):
        return False
    rest = _without_prefix(text)
    found: set[str] = set()
    at = 0
    for m in STAMP_TOKEN.finditer(rest):
        if rest[at:m.start()].strip():
            return False
        found.add(m.lastgroup or "")
        at = m.end()
    if rest[at:].strip():
        return False
    has_anchor = bool(found & {"year", "time", "numdate"})
    return has_anchor and bool(found & {"month", "time", "numdate"})


def _without_prefix(text: str) -> str:
    """Drop a credit ("Agency, ") or dateline place ("CITY, ") written before a stamp."""
    place = PLACE_PREFIX.match(text)
    if place:
        return text[place.end():]
    prefix = STAMP_PREFIX.match(text)
    if prefix and not DATE_WORD.fullmatch(prefix.group("name")) and not LEADING_LABEL.match(text):
        return text[prefix.end():]
    return text


def stamp_credit(text: str) -> str | None:
    """The agency credited before a stamp ("Agency, 2 May 2013" -> "Agency"), if any."""
    prefix = STAMP_PREFIX.match(text)
    if prefix is None or DATE_WORD.fullmatch(prefix.group("name")) or PLACE_PREFIX.match(text) \
            or LEADING_LABEL.match(text):
        return None
    return prefix.group("name")


def stamp_date(text: str) -> str:
    """The date of a stamp as written: its first part, without a "Published:" label or credit."""
    rest = _without_prefix(text)
    first = re.split(r"\s+\|\s+|\s+(?=(?:last\s+)?updated\b)", rest, maxsplit=1, flags=re.IGNORECASE)[0]
    return LEADING_LABEL.sub("", first).strip(" |-–—:,")


@dataclass(frozen=True)
class Byline:
    """Who wrote an article and for whom, as its byline says."""

    author: str | None
    outlet: str | None


def byline(text: str) -> Byline | None:
    """Read a byline line: "By Jane Doe", "By Jane Doe, Agency", "By Some News", "Jane Doe, The Press"."""
    if not short(text) or text.rstrip().endswith(("?", "!")):
        return None
    bare = text.strip().rstrip(".")
    m = BYLINE.fullmatch(bare[0].lower() + bare[1:]) if bare[:3].lower() == "by " else None
    if m:
        names = m.group("names")
        if re.fullmatch(ORG, names):
            return Byline(None, names)
        head, _, last = names.rpartition(",")
        if head and re.fullmatch(ORG, last.strip()) and not m.group("org"):
            return Byline(head.strip(), last.strip())
        return Byline(names, m.group("org"))
    credited = CREDITED_NAMES.fullmatch(bare)
    if credited:
        return Byline(credited.group("names"), credited.group("org"))
    return None


def is_credit(text: str) -> bool:
    """Tell a credit line ("Video report by ...") from article text."""
    return short(text) and CREDIT.fullmatch(text.strip()) is not None


def outlet_in_line(text: str) -> Reading | None:
    """Read an outlet from a furniture line: byline, credit, agency tag, copyright, promo, player."""
    if not short(text):
        return None
    bare = text.strip()
    found = byline(bare)
    if found and found.outlet:
        return Reading(_clean_name(found.outlet), "byline")
    for pattern, where in ((COPYRIGHT, "copyright line"), (SITE_PROMO, "promo for its own pages"),
                           (WATCH, "video player masthead")):
        m = pattern.fullmatch(bare)
        if m:
            return Reading(_clean_name(m.group("outlet")), where)
    tag = AGENCY_TAG.fullmatch(bare)
    if tag:
        return Reading(tag.group("agency"), "agency tag")
    if is_stamp(bare):
        credit = stamp_credit(bare)
        return Reading(credit, "credit before its date line") if credit else None
    if is_credit(bare):
        named = re.search(ORG, bare)
        return Reading(_clean_name(named.group()), "credit line") if named else None
    return None


MASTHEAD_REASON = "masthead"
AUTHOR_NOTE_REASON = "author's note"


def masthead(text: str) -> Reading | None:
    """Read a masthead line above the headline: an outlet's name, alone or with its section.

    A section's own name ("World News", "Breaking News") is no outlet's: a name made only of
    outlet and section words is not taken.
    """
    m = MASTHEAD.fullmatch(" ".join(text.split()))
    name = _clean_name(m.group("outlet")) if m else ""
    generic = all(w in OUTLET_WORDS or w in SECTION_WORDS for w in name.removeprefix("The ").split())
    return Reading(name, MASTHEAD_REASON) if name and not generic else None


def author_note(text: str) -> Reading | None:
    """Read an author's note ("Jane Doe is Example News's correspondent."): the employer named, or ""."""
    m = AUTHOR_BIO.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    employer = m.group("a") or m.group("b") or m.group("c") or ""
    return Reading(_clean_name(employer), AUTHOR_NOTE_REASON)


def outlet_in_widget(text: str) -> Reading | None:
    """Read an outlet named in a widget's text ("Get more news live on ABC News Now")."""
    if not short(text):
        return None
    m = re.search(ACRONYM_ORG, text)
    return Reading(m.group(), "page widget") if m else None


def agency_dateline(text: str) -> Reading | None:
    """Read the agency or outlet tag opening a first paragraph: "CITY (Agency) - ", "Example News - "."""
    m = DATELINE_AGENCY.match(text[:80])
    if m:
        return Reading(m.group("agency"), "dateline agency tag")
    m = OPENING_OUTLET.match(text[:80])
    name = _clean_name(m.group("outlet") or m.group("joined")) if m else ""
    return Reading(name, "outlet tag opening the text") if name and name not in OUTLET_WORDS else None


def self_reference(paragraphs: Sequence[str]) -> Reading | None:
    """Read an outlet naming itself in its copy: "..., she told Example News.".

    Only when the copy names one outlet so: a text crediting interviews to several outlets
    ("told Example News", "told The Other Times") is gathering other outlets' reporting. A bare
    acronym counts only where the article names it nowhere else.
    """
    names = [name for text in paragraphs for m in SELF_REFERENCE.finditer(text)
             if not SURNAME_PREFIX.match(name := _clean_name(m.group("a") or m.group("b") or m.group("c")))]
    names += _bare_references(paragraphs)
    if not names:
        return None
    first = names[0]
    if first in OUTLET_WORDS or any(not _same_outlet(first, other) for other in names[1:]):
        return None
    return Reading(first, "mention of itself in its text")


def _bare_references(paragraphs: Sequence[str]) -> list[str]:
    """Acronyms that interviews are credited to ("told XYZ."), when the article names them nowhere
    else: an acronym that also acts, or is introduced ("XYZ news agency"), is somebody else."""
    credited = [m.group("a") for text in paragraphs for m in BARE_REFERENCE.finditer(text)]
    return [name for name in dict.fromkeys(credited)
            if sum(len(re.findall(rf"(?<![A-Za-z&]){name}(?![A-Za-z&])", text)) for text in paragraphs)
            == credited.count(name)]


def _same_outlet(a: str, b: str) -> bool:
    """Two ways of writing one outlet: equal, or one the end of the other ("X Daily News", "Daily News")."""
    a, b = (" ".join(n.casefold().removeprefix("the ").split()) for n in (a, b))
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def outlet_from_url(url: str | None) -> Reading | None:
    """Name the outlet by its web address's host, without a leading "www." ("www.x.com" -> "x.com")."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return Reading(host, "web address") if host else None


def _clean_name(name: str) -> str:
    """Fold whitespace and trim punctuation around a name."""
    return " ".join(name.split()).strip(" .,;:-–—")


def read_source_meta(meta: SourceMeta, removed: Sequence[Removed], paragraphs: Sequence[str]) -> SourceMeta:
    """Fill the outlet, author and date the editor did not give with what the article's text says.

    Editor metadata always wins. The outlet is read, in this order, from the furniture set aside
    (byline, agency tag, copyright line, promo, player, credit, then a widget naming it), from an
    agency tag opening the first paragraphs, from the address's host, and last from the article
    naming itself in its copy. Each value keeps where it was read.
    """
    outlet = None if meta.outlet else _first_outlet(removed, paragraphs, meta.url)
    lines = [r.text for r in removed]
    if outlet:
        meta = replace(meta, outlet=outlet.value, outlet_from=outlet.source)
    author = None if meta.author else next(
        (b.author for b in map(byline, lines) if b and b.author), None)
    if author:
        meta = replace(meta, author=_clean_name(author), author_from="byline")
    stamp = None if meta.published else next((t for t in lines if is_stamp(t)), None)
    if stamp:
        meta = replace(meta, dateline=stamp_date(stamp), dateline_from="date line")
    return meta


def _first_outlet(removed: Sequence[Removed], paragraphs: Sequence[str], url: str | None) -> Reading | None:
    """The first outlet read by the rules, strongest first."""
    lines = [r.text for r in removed]
    for line in lines:
        found = outlet_in_line(line)
        if found:
            return found
    for r in removed:
        found = masthead(r.text) if r.reason == MASTHEAD_REASON else (
            author_note(r.text) if r.reason == AUTHOR_NOTE_REASON else None)
        if found and found.value:
            return found
    for line in lines:
        found = outlet_in_widget(line)
        if found:
            return found
    for text in paragraphs[:DATELINE_PARAGRAPHS]:
        found = agency_dateline(text)
        if found:
            return found
    from_url = outlet_from_url(url)
    if from_url:
        return from_url
    return self_reference(paragraphs)
