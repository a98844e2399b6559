"""A body named only by what it is (a grand jury) is found, and speaks for the document the law has it
issue (an indictment). Invented text only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.models import Site
from generator.pipeline import assemble

Said = tuple[str | None, str]
"""(speaker entity name or None, words said)."""


def site_of(corpus: Callable[..., Path], *paragraphs: str) -> Site:
    body = "Councillor charged over funds\n\n" + "\n\n".join(paragraphs) + "\n"
    site, problems = assemble(corpus({"a.txt": body}))
    assert site is not None, problems
    return site


def said(site: Site) -> list[Said]:
    return [(site.entity(s.speaker).name if s.speaker else None, s.text) for s in site.statements]


INDICTED = "A federal grand jury in Harbor City indicted Tom Vell on Tuesday."


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([INDICTED, '"The money paid for trips," the indictment said.'],
         [("Grand jury", "The money paid for trips")]),
        ([INDICTED, "According to the 40-page indictment, he spent the money on golf."],
         [("Grand jury", "he spent the money on golf")]),
        # News writes that prosecutors 'indicted' him: the indictment is still the grand jury's.
        ([INDICTED, "Tom Vell was indicted by the Harbor Justice Department on Tuesday.",
          '"He hid the spending," the indictment alleges.'],
         [("Grand jury", "He hid the spending")]),
        # Negative: no grand jury named, so the indictment speaks for no one.
        (["Prosecutors indicted Tom Vell on Tuesday.", '"The money paid for trips," the indictment said.'],
         [(None, "The money paid for trips")]),
        # Negative: another document of the body is not the body's ('the report' names no issuer).
        ([INDICTED, '"The money paid for trips," the report said.'],
         [(None, "The money paid for trips")]),
        # A fronted phrase before the subject is not the speaker.
        ([INDICTED, "Beyond the trips, the indictment said he bought golf clubs."],
         [("Grand jury", "he bought golf clubs")]),
        # The article says who released the indictment: it speaks for them there.
        ([INDICTED, "In an indictment released by the Harbor Justice Department, Tom Vell is charged.",
          '"He hid the spending," the indictment said.'],
         [("Harbor Justice Department", "He hid the spending")]),
        # Negative: two issuers named, so the usual issuer stays.
        ([INDICTED, "An indictment released by the Harbor Justice Department names him.",
          "An indictment filed by the Harbor Attorney's Office names his wife.",
          '"He hid the spending," the indictment said.'],
         [("Grand jury", "He hid the spending")]),
        # 'court documents' right after the indictment spoke, in the same paragraph: the same issuer.
        ([INDICTED, "He spent the money on golf, the indictment said. He charged shorts to the campaign, "
                    "according to court documents."],
         [("Grand jury", "He spent the money on golf"), ("Grand jury", "He charged shorts to the campaign")]),
        # Negative: with no document just before, court documents name no one.
        ([INDICTED, "He charged shorts to the campaign, according to court documents."],
         [(None, "He charged shorts to the campaign")]),
    ],
    ids=["indictment-said", "according-to-the-indictment", "indicted-by-prosecutors-in-news-shorthand",
         "no-grand-jury", "other-document", "fronted-phrase", "released-by-in-article", "two-issuers",
         "court-documents-after-indictment", "court-documents-alone"],
)
def test_the_indictment_speaks_for_the_grand_jury(corpus: Callable[..., Path], paragraphs: list[str],
                                                  expected: list[Said]) -> None:
    assert said(site_of(corpus, *paragraphs)) == expected


def test_a_grand_jury_is_a_court_found_wherever_it_is_written(corpus: Callable[..., Path]) -> None:
    site = site_of(corpus, INDICTED, "The grand jury heard from 20 witnesses.",
                   "Grand jury proceedings are secret.")
    jury = next(e for e in site.entities if e.name == "Grand jury")
    assert (jury.kind, jury.subkind, len(jury.mentions)) == ("group", "court", 3)


@pytest.mark.parametrize("text", ["The jury acquitted him.", "He served on a grand-jury-style panel."])
def test_other_juries_are_no_body(corpus: Callable[..., Path], text: str) -> None:
    site = site_of(corpus, "Tom Vell went on trial in Harbor City.", text)
    assert not [e for e in site.entities if "jury" in e.name.lower()]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'a release from the X District's Attorney's Office': the office issued it.
        (["The Western District of Harbor’s U.S. Attorney’s Office charged him.",
          "He spent the money on trips, according to a press release from the Western District of "
          "Harbor’s U.S. Attorney’s Office."],
         [("U.S. Attorney’s Office", "He spent the money on trips")]),
        # Negative: a release from a place alone names no issuer.
        (["Tom Vell lives in the Western District of Harbor.",
          "He spent the money on trips, according to a press release from the Western District of Harbor."],
         [(None, "He spent the money on trips")]),
    ],
    ids=["office-owned-by-a-district", "place-alone"],
)
def test_a_document_from_a_places_body_is_the_bodys(corpus: Callable[..., Path], paragraphs: list[str],
                                                    expected: list[Said]) -> None:
    assert said(site_of(corpus, *paragraphs)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'the filing' right after a statement made through the indictment, in its paragraph, is it.
        ([INDICTED, "The couple used the money for trips, the indictment alleges. Vell had a card so he "
          "could buy groceries, the filing states."],
         [("Grand jury", "The couple used the money for trips"),
          ("Grand jury", "Vell had a card so he could buy groceries")]),
        # Negative: with no document just before in the paragraph, 'the filing' names no issuer.
        ([INDICTED, "Vell bought a boat. The filing states that he paid cash."],
         [(None, "he paid cash")]),
    ],
    ids=["filing-after-indictment", "filing-alone"],
)
def test_the_document_just_cited_is_cited_again(corpus: Callable[..., Path], paragraphs: list[str],
                                                expected: list[Said]) -> None:
    assert said(site_of(corpus, *paragraphs)) == expected
