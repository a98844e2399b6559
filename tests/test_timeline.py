"""Stage timeline: each date form, resolved against the article's date only when it is known."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.analyze.timeline import article_date, find_events, read_date
from generator.analyze.timeline_dates import date_disagreements
from generator.core.models import Citation, Event, RawArticle, Site, SiteConfig, SourceMeta, date_label
from generator.ingest.clean import clean_article

TUESDAY = dt.date(2031, 3, 18)
"""The article's date in these cases: a Tuesday."""


@pytest.mark.parametrize(
    ("sentence", "date", "precision", "resolved"),
    [
        ("The dam failed on 14 March 2031, officials said.", "2031-03-14", "day", False),
        ("The dam failed on March 14, 2031.", "2031-03-14", "day", False),
        ("The dam failed on Mar. 14th, 2031.", "2031-03-14", "day", False),
        ("The report is dated 2031-03-14.", "2031-03-14", "day", False),
        ("Cracks were first seen in January 2030.", "2030-01", "month", False),
        ("The dam failed on March 14, the authority said.", "2031-03-14", "day", True),
        ("The dam failed on the 14th of March.", "2031-03-14", "day", True),
        ("The inquiry began on 20 December.", "2030-12-20", "day", True),
        ("The inquiry will open on 20 April.", "2031-04-20", "day", True),
        ("The dam failed on Sunday.", "2031-03-16", "day", True),
        ("The dam failed on Sunday night.", "2031-03-16", "day", True),
        ("Sunday's failure flooded the town.", "2031-03-16", "day", True),
        ("The mayor spoke on Tuesday.", "2031-03-18", "day", True),
        ("The council will vote on Thursday.", "2031-03-20", "day", True),
        ("The council is due to vote on Monday.", "2031-03-24", "day", True),
        ("The council will vote next Tuesday.", "2031-03-25", "day", True),
        ("The council voted last Tuesday.", "2031-03-11", "day", True),
        ("The board met yesterday.", "2031-03-17", "day", True),
        ("Rescuers worked through last night.", "2031-03-17", "day", True),
        ("The minister visits today.", "2031-03-18", "day", True),
        ("A Sunday night vigil, which residents say will become weekly, drew hundreds.", "2031-03-16", "day",
         True),
    ],
)
def test_timeline_reads_each_date_form(sentence: str, date: str, precision: str, resolved: bool) -> None:
    reading = read_date(sentence, TUESDAY)
    assert reading is not None
    assert (reading.date, reading.precision) == (date, precision)
    assert (reading.resolved_from is not None) is resolved


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents may return when the water falls.",
        "The council has 14 members and meets in March.",
        "Mondays are market days in the town.",
        "The 2031 budget was cut.",
        "Engineers said the dam was sound.",
        "The dam failed on 31 February 2031.",
        '"We will rebuild it today," the mayor said.',
        "“They came on Monday,” a resident said.",
    ],
)
def test_timeline_reads_no_date_where_there_is_none(sentence: str) -> None:
    assert read_date(sentence, TUESDAY) is None


@pytest.mark.parametrize(
    "sentence",
    ["The dam failed on Sunday.", "The board met yesterday.", "The dam failed on March 14, officials said."],
)
def test_timeline_never_guesses_a_date_the_article_cannot_anchor(sentence: str) -> None:
    assert read_date(sentence, None) is None


def test_timeline_keeps_a_full_date_without_the_articles_date() -> None:
    reading = read_date("The dam failed on 14 March 2031.", None)
    assert reading is not None and reading.resolved_from is None


@pytest.mark.parametrize(
    ("published", "dateline", "date"),
    [("2031-03-18", None, TUESDAY), (None, "March 18, 2031 4:16 PM ET", TUESDAY),
     (None, "Tuesday 18 March 2031", TUESDAY), (None, "March 18", None), (None, None, None)],
)
def test_timeline_takes_the_articles_date_from_the_editor_or_its_date_line(
        published: str | None, dateline: str | None, date: dt.date | None) -> None:
    article = clean_article(RawArticle("a", "a.txt", "Floods\n\nThe river rose.\n", 1, None,
                                       SourceMeta(published=published, dateline=dateline)), "a")
    assert article_date(article) == date


def test_timeline_events_are_cited_sentences_in_date_order_and_key_events_favour_shared_dates() -> None:
    def article(source: str, text: str) -> RawArticle:
        return RawArticle(source, f"{source}.txt", text, 1, None, SourceMeta(published="2031-03-18"))

    articles = [
        clean_article(article("a", "Dam fails\n\nThe dam failed on Sunday. Rescuers came.\n\n"
                                   "The council will vote on Thursday.\n"), "a"),
        clean_article(article("b", "Town flooded\n\nThe dam burst on 16 March 2031.\n\n"
                                   "Cracks were seen in January 2030.\n"), "b"),
    ]
    events = find_events(articles)
    assert [(e.date, e.citation.source, e.citation.paragraph, e.text) for e in events] == [
        ("2030-01", "b", "p2", "Cracks were seen in January 2030."),
        ("2031-03-16", "a", "p1", "The dam failed on Sunday."),
        ("2031-03-16", "b", "p1", "The dam burst on 16 March 2031."),
        ("2031-03-20", "a", "p2", "The council will vote on Thursday."),
    ]
    for e in events:
        assert e.citation.quote == e.text
    site = Site(SiteConfig(), tuple(articles), events=events)
    assert [e.date for e in site.key_events(limit=1)] == ["2031-03-16"]
    assert [e.date for e in site.key_events()] == ["2031-03-16", "2031-03-20"]
    assert [(day, len(on_day)) for day, on_day in site.events_by_day()] == [
        ("January 2030", 1), ("Sunday 16 March 2031", 2), ("Thursday 20 March 2031", 1)]


@pytest.mark.parametrize(("date", "label"), [("2031-03-18", "Tuesday 18 March 2031"),
                                             ("2030-01", "January 2030"), ("2030", "2030")])
def test_timeline_dates_read_as_a_reader_writes_them(date: str, label: str) -> None:
    assert date_label(date) == label


def dated(source: str, sentence: str, date: str) -> Event:
    """A dated sentence of one source, as find_events gives it."""
    return Event(date, "day", None, sentence, Citation(source, "p1", sentence))


SLUICE = "The Ardwen sluice gates jammed and floodwater breached the Kelmby embankment"


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([dated("a", f"{SLUICE} on Sunday.", "2031-03-16"), dated("b", f"{SLUICE} on Monday.", "2031-03-17")],
         [["2031-03-16", "2031-03-17"]]),
        ([dated("a", "Floodwater breached the Kelmby embankment after the Ardwen sluice jammed.",
                "2031-03-16"),
          dated("b", f"{SLUICE} on Saturday.", "2031-03-15"), dated("c", f"{SLUICE}.", "2031-03-16")],
         [["2031-03-15", "2031-03-16", "2031-03-16"]]),
        # the same source twice, the same day, other words, weeks apart, only everyday words
        ([dated("a", f"{SLUICE} on Sunday.", "2031-03-16"), dated("a", f"{SLUICE} on Monday.", "2031-03-17")],
         []),
        ([dated("a", f"{SLUICE} on Sunday.", "2031-03-16"), dated("b", f"{SLUICE} too.", "2031-03-16")], []),
        ([dated("a", f"{SLUICE} on Sunday.", "2031-03-16"),
          dated("b", "The Ardwen council approved a new school budget on Monday.", "2031-03-17")], []),
        ([dated("a", f"{SLUICE} on 2 March.", "2031-03-02"),
          dated("b", f"{SLUICE} on 20 March.", "2031-03-20")], []),
        ([dated("a", "The people of the city said they were very worried.", "2031-03-16"),
          dated("b", "The people of the city said they were very worried.", "2031-03-17")], []),
    ],
    ids=["two-days", "three-sources-one-odd-day", "same-source", "same-day", "other-development",
         "weeks-apart", "everyday-words"],
)
def test_timeline_finds_sources_that_put_one_development_on_different_days(
        events: list[Event], expected: list[list[str]]) -> None:
    found = date_disagreements(sorted(events, key=lambda e: (e.date, e.citation.source)))
    assert [[e.date for e in d.events] for d in found] == expected
    for d in found:
        assert len({e.citation.source for e in d.events}) >= 2
        assert {"ardwen", "kelmby", "sluice"} <= set(d.words)
