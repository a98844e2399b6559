"""Companies as speakers: named after a business noun, named in an appositive after their owner, and
'the company' after a paragraph that names two. Invented text only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pipeline import assemble

Said = tuple[str | None, str]
"""(speaker entity name or None, words said)."""


def said(corpus: Callable[..., Path], *paragraphs: str) -> list[Said]:
    """Each statement of one invented article as (speaker name, text)."""
    body = "Strike halts the trains\n\n" + "\n\n".join(paragraphs) + "\n"
    site, problems = assemble(corpus({"a.txt": body}))
    assert site is not None, problems
    return [(site.entity(s.speaker).name if s.speaker else None, s.text) for s in site.statements]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A business noun before a bare name makes it a company that can speak.
        (["Kestor Rail Freight runs trains in the north.",
          "The private freight operator Kestor Rail Freight said its services were unaffected."],
         [("Kestor Rail Freight", "its services were unaffected")]),
        (["The coffee chain Brevora Kaffe said its shops would stay open."],
         [("Brevora Kaffe", "its shops would stay open")]),
        # A part of a business named in an appositive after its owner.
        (["Kestor State Railways runs the trains.",
          "Kestor State Railways' freight arm, KSR Cargo, said it had run 35 trains."],
         [("KSR Cargo", "it had run 35 trains")]),
        (["Kestor State Railways runs the trains.",
          "Its freight unit, KSR Cargo, said it had run 40 trains."],
         [("KSR Cargo", "it had run 40 trains")]),
        # Negative: an appositive after a person's relative is a person, not a company.
        (["Jane Doe drives trains.", "Her sister, Mary Doe, said the line was shut."],
         [("Mary Doe", "the line was shut")]),
    ],
    ids=["operator-before-name", "chain-before-name", "freight-arm-appositive", "its-unit-appositive",
         "relative-appositive-is-a-person"],
)
def test_companies_named_by_what_they_are(corpus: Callable[..., Path], paragraphs: list[str],
                                          expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Two companies in the paragraph: the one that spoke just before in it speaks again.
        (["Hartwell Appliances Ltd makes fryers.",
          "Hartwell Appliances Ltd says a batch of fuses from its supplier, Pellor Widgets, failed. "
          "The company says other units are safe."],
         [("Hartwell Appliances Ltd", "a batch of fuses from its supplier, Pellor Widgets, failed"),
          ("Hartwell Appliances Ltd", "other units are safe")]),
        # Negative: two companies named and nobody spoke before in the paragraph: no one for sure.
        (["Acme Corp and Bolt Ltd make fryers. The company said units are safe."],
         [(None, "units are safe")]),
        # Negative: the statement before was in another paragraph.
        (["Hartwell Appliances Ltd says the fuses failed.",
          "Acme Corp and Bolt Ltd make fuses. The company said units are safe."],
         [("Hartwell Appliances Ltd", "the fuses failed"), (None, "units are safe")]),
    ],
    ids=["speaker-just-before-speaks-again", "two-companies-none-spoke", "speaker-in-another-paragraph"],
)
def test_the_company_after_two_companies(corpus: Callable[..., Path], paragraphs: list[str],
                                         expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Hartwell Appliances Ltd recalls fryers", [("Hartwell Appliances Ltd", "the recall is voluntary")]),
        # Negative: the headline names two companies, or none.
        ("Hartwell Appliances Ltd and Pellor Widgets Inc recall fryers", [(None, "the recall is voluntary")]),
        ("Fryers recalled after fires", [(None, "the recall is voluntary")]),
    ],
    ids=["one-company-in-headline", "two-companies-in-headline", "no-company-in-headline"],
)
def test_the_company_before_any_is_named_is_the_headlines(corpus: Callable[..., Path], headline: str,
                                                            expected: list[Said]) -> None:
    body = (f"{headline}\n\nThe company, at the centre of a fire scare, says the recall is voluntary.\n\n"
            "Hartwell Appliances Ltd makes fryers. Pellor Widgets Inc makes fuses.\n")
    site, problems = assemble(corpus({"a.txt": body}))
    assert site is not None, problems
    assert [(site.entity(s.speaker).name if s.speaker else None, s.text) for s in site.statements] == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Harbor Securities Inc. is a broker.", "Analysts at Harbor Securities Inc. said the shares fell."],
         [("Harbor Securities Inc", "the shares fell")]),
        (["The Harbor Ministry runs the dam.", "Officials at the Harbor Ministry said the dam held."],
         [("Harbor Ministry", "the dam held")]),
        # Negative: lawyers 'for' a body act for it but are not its voice; 'officials from' a person
        # are nobody's.
        (["Harbor Securities Inc. is a broker.",
          "Lawyers for Harbor Securities Inc. said the claim was false."],
         [(None, "the claim was false")]),
        (["Mayor Jane Doe opened the dam.", "Officials from Jane Doe said the dam held."],
         [(None, "the dam held")]),
    ],
    ids=["analysts-at-company", "officials-at-ministry", "lawyers-for-company", "officials-from-person"],
)
def test_staff_at_a_body_speak_for_it(corpus: Callable[..., Path], paragraphs: list[str],
                                      expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Harbor Affairs Committee held a hearing.",
          "The parliamentary committee said it would summon the chief executive."],
         [("Harbor Affairs Committee", "it would summon the chief executive")]),
        # Negative: a word that sets it apart from the one named, or two bodies of that sort.
        (["The Harbor Affairs Committee held a hearing.", "The other committee said it would wait."],
         [(None, "it would wait")]),
        (["The Harbor Affairs Committee and the Canal Safety Committee held hearings.",
          "The parliamentary committee said it would summon the chief executive."],
         [(None, "it would summon the chief executive")]),
    ],
    ids=["level-word", "other-committee", "two-committees"],
)
def test_a_body_called_by_its_level_of_government(corpus: Callable[..., Path], paragraphs: list[str],
                                                  expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A role with a long 'of ... for ...' before the name it sets off names a person, who speaks.
        (["Director of criminal clinics for the Harbor School of Law, Ivo Pettigrove, said the trial "
          "could not go on.", '"It is over," Pettigrove told reporters.'],
         [("Ivo Pettigrove", "the trial could not go on"), ("Ivo Pettigrove", "It is over")]),
        # Negative: a body named in a role chunk with no name set off after it does not speak for it.
        (["Director of criminal clinics for the Harbor School of Law said the trial could not go on."],
         [(None, "the trial could not go on")]),
    ],
    ids=["role-of-body-then-name", "role-of-body-alone"],
)
def test_a_name_set_off_after_a_long_role_speaks(corpus: Callable[..., Path], paragraphs: list[str],
                                                 expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected
