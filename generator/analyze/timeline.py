"""Stage `analyze` (timeline): the dated developments the sources report, each a cited sentence.

A date is read where a sentence writes one: a full date ("17 September 2013", "Sept. 17, 2013",
"2013-09-17"), a month ("in March 2013"), a date without its year ("on Sept. 17"), a weekday ("on
Tuesday", "Monday night") or a relative day ("yesterday", "today", "last night"). Only a full date or a
month stands alone. The others are resolved against the article's own date, when it is known (the
editor's `published`, else the date line the article carries), and each such entry says what it was
resolved from. When the article's date is unknown they are left out: a date is never guessed.

A weekday is the last such day on or before the article's date, or the next one after it when the
sentence looks ahead ("will", "is due to", "next Monday"). A date written without its year takes the
article's year, or the year before when that would put a past event more than a month after the
article. Each sentence keeps its own date and citation; timeline_dates.py finds the sources that
put what reads as one development on different days.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..core.models import MONTH_NAMES, WEEKDAY_NAMES, Article, Citation, Event
from ..core.text import sentence_spans

MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
              r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
"""A month as news copy writes it, capitalised (so "may" the verb is not one)."""
WEEKDAY_NAME = "(?:" + "|".join(WEEKDAY_NAMES) + ")"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
FULL_DATE = re.compile(
    rf"\b{DAY}\s+(?P<month>{MONTH_NAME}),?\s+{YEAR}\b"
    rf"|\b(?P<month2>{MONTH_NAME})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year2>(?:19|20)\d{{2}})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b")
MONTH_YEAR = re.compile(
    rf"\b(?:in|since|until|by|from|of|during|late|early|mid-)\s+(?P<month>{MONTH_NAME})\s+{YEAR}\b")
DAY_MONTH = re.compile(
    rf"\b(?:on|since|until|by|from|before|after)\s+(?:(?:the\s+)?{DAY}\s+(?:of\s+)?(?P<month>{MONTH_NAME})"
    rf"|(?P<month2>{MONTH_NAME})\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)\b(?!,?\s+(?:19|20)\d{{2}})")
WEEKDAY = re.compile(
    rf"\b(?P<which>on|last|next|this|late|early|since|until|by)\s+(?P<weekday>{WEEKDAY_NAME})\b"
    rf"|\b(?P<weekday2>{WEEKDAY_NAME})(?:\s+(?:night|morning|afternoon|evening)|['’]s)\b")
RELATIVE = re.compile(
    r"\b(?P<word>[Yy]esterday|[Tt]oday|[Tt]onight|last night|this morning|earlier today)\b")
LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|shall|is|are)\s+(?:be\s+)?(?:due|expected|scheduled|set|planned|going)\b|\bwill\b"
    r"|\bplans?\s+to\b|\bnext\b", re.IGNORECASE)
DATE_LINE = re.compile(FULL_DATE.pattern, re.IGNORECASE)
"""A full date in a date line, however it is capitalised ("SEPT. 17, 2013")."""
MAX_SENTENCE_CHARS = 600
"""A longer 'sentence' is a run-on paragraph: too long to stand as one entry."""
PAST_MONTHS_AHEAD = 31
"""A past event without a year more than this many days after the article is from the year before."""


@dataclass(frozen=True)
class Reading:
    """A date found in a sentence."""

    date: str
    """ISO, to the precision known: YYYY-MM-DD or YYYY-MM."""
    precision: str
    """'day' or 'month'."""
    resolved_from: str | None
    """None when the text writes the whole date; else what it was worked out from."""


def month_number(name: str) -> int:
    """1-12 for a month's name or abbreviation."""
    return [m[:3].lower() for m in MONTH_NAMES].index(name.lower()[:3]) + 1


def article_date(article: Article) -> dt.date | None:
    """The article's own date: the editor's `published`, else a full date in its date line."""
    for text in (article.meta.published, article.meta.dateline):
        if text:
            found = _full_date(DATE_LINE.search(text))
            if found:
                return found
    return None


def _full_date(m: re.Match[str] | None) -> dt.date | None:
    """The date a FULL_DATE or DATE_LINE match names, or None if it is no real date."""
    if m is None:
        return None
    try:
        if m.group("iso"):
            return dt.date.fromisoformat(m.group("iso"))
        day, month, year = ((m.group("day"), m.group("month"), m.group("year")) if m.group("day")
                            else (m.group("day2"), m.group("month2"), m.group("year2")))
        return dt.date(int(year), month_number(month), int(day))
    except ValueError:
        return None


QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
"""Quoted words: their "today" and "on Monday" are the speaker's, on a day the sentence may not say."""
AHEAD_WINDOW = 60
"""How far before a weekday a verb looking ahead is searched for ("will vote on Monday")."""


def read_date(sentence: str, published: dt.date | None) -> Reading | None:
    """The first date a sentence gives outside quotation marks, resolved against the article's date."""
    sentence = QUOTED.sub(lambda m: " " * len(m.group()), sentence)
    full = _full_date(FULL_DATE.search(sentence))
    if full:
        return Reading(full.isoformat(), "day", None)
    m = MONTH_YEAR.search(sentence)
    if m:
        return Reading(f"{int(m.group('year')):04d}-{month_number(m.group('month')):02d}", "month", None)
    if published is None:
        return None
    m = DAY_MONTH.search(sentence)
    if m:
        day, month = ((m.group("day"), m.group("month")) if m.group("day")
                      else (m.group("day2"), m.group("month2")))
        return _without_year(int(day), month_number(month), sentence, published)
    m = WEEKDAY.search(sentence)
    if m:
        day = WEEKDAY_NAMES.index(m.group("weekday") or m.group("weekday2"))
        which = m.group("which")
        before = sentence[max(0, m.start() - AHEAD_WINDOW): m.start()]
        ahead = which == "next" or (which != "last" and bool(LOOKS_AHEAD.search(before)))
        return _weekday(day, ahead, published, skip_today=which in ("next", "last"))
    m = RELATIVE.search(sentence)
    if m:
        shift = -1 if m.group("word").lower() in ("yesterday", "last night") else 0
        day = published + dt.timedelta(days=shift)
        how = f"“{m.group('word')}”, from the article's date {published.isoformat()}"
        return Reading(day.isoformat(), "day", how)
    return None


def _without_year(day: int, month: int, sentence: str, published: dt.date) -> Reading | None:
    """A day and month: the article's year, or the year before for a past event that would be later."""
    try:
        date = dt.date(published.year, month, day)
        if (date - published).days > PAST_MONTHS_AHEAD and not LOOKS_AHEAD.search(sentence):
            date = dt.date(published.year - 1, month, day)
    except ValueError:
        return None
    return Reading(date.isoformat(), "day", f"year from the article's date {published.isoformat()}")


def _weekday(weekday: int, ahead: bool, published: dt.date, skip_today: bool = False) -> Reading:
    """The weekday nearest the article's date: on or before it, or after it when the sentence looks
    ahead; "next"/"last" Monday in a Monday article is a week away, "on Monday" is that day."""
    back = (published.weekday() - weekday) % 7
    forward = (7 - back) % 7
    if skip_today:
        back, forward = back or 7, forward or 7
    date = published + dt.timedelta(days=forward if ahead else -back)
    name = WEEKDAY_NAMES[weekday]
    return Reading(date.isoformat(), "day", f"“{name}”, from the article's date {published.isoformat()}")


def find_events(articles: Sequence[Article]) -> tuple[Event, ...]:
    """Every dated sentence of the sources, in date order (then source and paragraph order)."""
    events = [event for article in articles for event in _article_events(article)]
    return tuple(sorted(events, key=lambda e: (e.date, e.citation.source, _paragraph_number(e), e.text)))


def _article_events(article: Article) -> Iterator[Event]:
    published = article_date(article)
    for paragraph in article.paragraphs:
        for start, end in sentence_spans(paragraph.text):
            sentence = paragraph.text[start:end]
            if len(sentence) > MAX_SENTENCE_CHARS:
                continue
            reading = read_date(sentence, published)
            if reading:
                yield Event(reading.date, reading.precision, reading.resolved_from, sentence,
                            Citation(article.id, paragraph.id, sentence))


def _paragraph_number(event: Event) -> int:
    return int(event.citation.paragraph[1:])
