"""Reading an article's outlet, author and date from its own text: each rule on invented text."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.ingest.provenance import (
    Byline,
    Reading,
    agency_dateline,
    byline,
    is_stamp,
    outlet_from_url,
    outlet_in_line,
    outlet_in_widget,
    self_reference,
    stamp_date,
)
from generator.pipeline import generate


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("May 3, 2019 07:44", "May 3, 2019 07:44"),
        ("Published: Friday, May 3 2019 7:08 p.m. MDT", "Friday, May 3 2019 7:08 p.m. MDT"),
        ("PUBLISHED: 02:31 GMT, 3 May 2019 | UPDATED: 22:19 GMT, 3 May 2019", "02:31 GMT, 3 May 2019"),
        ("3 May 2019 Last updated at 13:38 GMT", "3 May 2019"),
        ("RIVERTON, May 3, 2019", "May 3, 2019"),
        ("Agency May 3, 2019, 02.16PM IST", "May 3, 2019, 02.16PM IST"),
        ("First Posted: 05/03/19 06:44 PM ET", "05/03/19 06:44 PM ET"),
        ("17 May 2019-21:29", "17 May 2019-21:29"),
    ],
)
def test_provenance_reads_a_stamp_and_its_date(line: str, date: str) -> None:
    assert is_stamp(line)
    assert stamp_date(line) == date


@pytest.mark.parametrize(
    "line",
    ["Monday, 4 March", "2019", "On May 3, 2019, the river rose.", "May was the wettest month on record",
     "The dam, built in 2019, held.", "x" * 300 + " May 3, 2019"],
)
def test_provenance_keeps_text_that_is_no_stamp(line: str) -> None:
    assert not is_stamp(line)


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("By Jane Doe", Byline("Jane Doe", None)),
        ("By Jane Q. Doe and John Roe", Byline("Jane Q. Doe and John Roe", None)),
        ("By Jane Doe, Coast Wire", Byline("Jane Doe", "Coast Wire")),
        ("By Jane Doe | Agency", Byline("Jane Doe", "Agency")),
        ("By Harbor News", Byline(None, "Harbor News")),
        ("Jane Doe and John Roe, The Example Press", Byline("Jane Doe and John Roe", "The Example Press")),
        ("By March 2019, when the inquiry opened, the dam had cracked.", None),
        ("By then the water had reached the square", None),
        ("Jane Doe, the mayor, said so.", None),
    ],
)
def test_provenance_reads_a_byline(line: str, found: Byline | None) -> None:
    assert byline(line) == found


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("By Harbor News", Reading("Harbor News", "byline")),
        ("© 2019 Example Media. All rights reserved.", Reading("Example Media", "copyright line")),
        ("Copyright 2019 Harbor Post", Reading("Harbor Post", "copyright line")),
        ("© The Harbor Post 2031", Reading("The Harbor Post", "copyright line")),
        ("More from Harbor Post: Ten years after the flood",
         Reading("Harbor Post", "promo for its own pages")),
        ("Watch Harbor News", Reading("Harbor News", "video player masthead")),
        ("(XYZ)", Reading("XYZ", "agency tag")),
        ("Agency, Friday 3 May 2019", Reading("Agency", "credit before its date line")),
        ("Video report by Harbor News correspondent Jane Doe", Reading("Harbor News", "credit line")),
        ("RIVERTON, May 3, 2019", None),
        ("First Posted: 05/03/19 06:44 PM ET", None),
        ("By Jane Doe", None),
        ("Photo: Jane Doe", None),
        ("(Getty Images)", None),
        ("Copyright law changed last year.", None),
        ("Watch the river news", None),
    ],
)
def test_provenance_reads_an_outlet_from_a_furniture_line(line: str, found: Reading | None) -> None:
    assert outlet_in_line(line) == found


def test_provenance_reads_an_outlet_named_inside_a_widget() -> None:
    assert outlet_in_widget("Get more newsLiveonXYZ News Now") == Reading("XYZ News", "page widget")
    assert outlet_in_widget("Get more news now") is None


@pytest.mark.parametrize(
    ("text", "agency"),
    [("RIVERTON (Agency) - The river rose.", "Agency"), ("May 3 (XYZ) -- The river rose.", "XYZ"),
     ("RIVERTON, May 3 (XYZ) - The river rose.", "XYZ"),
     ("RIVERTON, Eastland, Sept. 13 (XYZ) - The river rose.", "XYZ"),
     ("The river (XYZ) rose - fast.", None), ("The river rose (XYZ) -- sharply.", None),
     ("Harbor News - The river rose.", "Harbor News"),
     ("Harborworld-Acme today said the river rose.", "Harborworld"),
     ("Coastweek — Officials said the river rose.", "Coastweek"),
     ("Anglo-Acme said the river rose.", None), ("Acme-Harborworld said it rose.", None),
     ("News - The river rose.", None), ("Harbor said - Acme rose.", None), ("Framework-Acme rose.", None),
     ("Riverton's Herald-Star said the river rose.", None)],
)
def test_provenance_reads_an_agency_tag_opening_the_first_paragraph(text: str, agency: str | None) -> None:
    found = agency_dateline(text)
    assert (found.value if found else None) == agency


@pytest.mark.parametrize(
    ("paragraphs", "outlet"),
    [
        (['"It rose fast," she told Harbor News.'], "Harbor News"),
        (["Harbor News obtained a copy of the letter."], "Harbor News"),
        (["A resident confirmed to HarborPost that the road was shut."], "HarborPost"),
        (['"It rose," he told the Riverton Daily News.', '"It fell," she told the Daily News on Friday.'],
         "Riverton Daily News"),
        (['"It rose," he told Harbor News.', '"It fell," she told The Coast Times.'], None),
        (['"It rose," a resident told XYZ.'], "XYZ"),
        (['"It rose," a resident told the XYZ on Friday.', "The water fell."], "XYZ"),
        (['"It rose," a resident told XYZ.', "XYZ agents searched the house."], None),
        (['"It rose," a resident told XYZ news agency.', '"It fell," he told XYZ.'], None),
        (['"It rose," a resident told XYZ.', '"It fell," he told Harbor News.'], None),
        (['"It rose," a resident told XYZ officials.'], None),
        (['"It rose," she told Today.'], None),
        (['"It rose," she told the Times.', '"It fell," he told Harbor News.'], None),
        (["Mr McAlder asked whether the road was shut."], None),
        (["Mr McAlder asked whether the road was shut.", '"It rose," he told XYZ.'], "XYZ"),
        (["He told Jane Doe that the road was shut."], None),
        (["The mayor told reporters the dam held."], None),
    ],
)
def test_provenance_reads_an_outlet_naming_itself_only_when_it_is_the_only_one(
        paragraphs: list[str], outlet: str | None) -> None:
    found = self_reference(paragraphs)
    assert (found.value if found else None) == outlet


@pytest.mark.parametrize(
    ("url", "host"),
    [("https://www.example-news.org/2019/flood", "example-news.org"),
     ("http://news.example.com/a", "news.example.com"), (None, None), ("", None)],
)
def test_provenance_names_the_outlet_by_the_address_host(url: str | None, host: str | None) -> None:
    found = outlet_from_url(url)
    assert (found.value if found else None) == host


def test_provenance_source_page_says_where_each_value_was_read(corpus: Callable[..., Path]) -> None:
    text = ("Floods cut off mountain towns\n\nMay 3, 2019 07:44\n\nBy Jane Doe, Coast Wire\n\n"
            "The river rose two metres overnight, officials said on Friday.\n")
    generated = generate(corpus({"a.txt": text}))
    page = next(p for p in generated.pages if p.path == "sources/a.md").content.decode()
    assert "Coast Wire (read from the article's byline)" in page
    assert "Jane Doe (read from the article's byline)" in page
    assert "May 3, 2019 07:44 (as written in the article's date line)" in page
    source = next(s for s in json.loads(next(p for p in generated.pages if p.path.endswith("knowledge.json"))
                                        .content)["sources"] if s["id"] == "a")
    assert (source["outlet_from"], source["author_from"], source["dateline"]) == (
        "byline", "byline", "May 3, 2019 07:44")
