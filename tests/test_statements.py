"""Statements: every speech form news uses, and every speaker-resolution rule, on invented text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.models import Site, Statement
from generator.pipeline import assemble
from generator.speakers import is_official
from generator.speech import find_quotes

Said = tuple[str | None, str, str]
"""(speaker entity name or None, kind, words said)."""


def site_of(corpus: Callable[..., Path], *paragraphs: str) -> Site:
    """The site of one invented article made of these paragraphs."""
    body = "Dam failure floods the valley\n\n" + "\n\n".join(paragraphs) + "\n"
    site, problems = assemble(corpus({"a.txt": body}))
    assert site is not None, problems
    return site


def statements(corpus: Callable[..., Path], *paragraphs: str) -> list[Statement]:
    """Statements found in one invented article."""
    return list(site_of(corpus, *paragraphs).statements)


def said(corpus: Callable[..., Path], *paragraphs: str) -> list[Said]:
    """Each statement as (speaker name, kind, text)."""
    site = site_of(corpus, *paragraphs)
    return [(site.entity(s.speaker).name if s.speaker else None, s.kind, s.text) for s in site.statements]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (['"The dam will hold," Governor Ana Ruiz said.'],
         [("Ana Ruiz", "quote", "The dam will hold")]),
        (['"Water is rising fast," said Mayor Tomas Brandt.'],
         [("Tomas Brandt", "quote", "Water is rising fast")]),
        (['Governor Ana Ruiz said: "We are ready for the night."'],
         [("Ana Ruiz", "quote", "We are ready for the night.")]),
        (['Governor Ana Ruiz wrote that "the spillway failed at dawn."'],
         [("Ana Ruiz", "quote", "the spillway failed at dawn.")]),
        (['Governor Ana Ruiz said the flood was "a disaster" for the farms of the valley.'],
         [("Ana Ruiz", "paraphrase", 'the flood was "a disaster" for the farms of the valley')]),
        (['"We have sent boats to every village," Governor Ana Ruiz said.',
          '"Nobody will be left behind."'],
         [("Ana Ruiz", "quote", "We have sent boats to every village"),
          ("Ana Ruiz", "quote", "Nobody will be left behind.")]),
        (["The Water Ministry said that the dam had been inspected in May."],
         [("Water Ministry", "paraphrase", "the dam had been inspected in May")]),
        (["Twelve people were rescued from roofs overnight, regional governor Ana Ruiz said."],
         [("Ana Ruiz", "paraphrase", "Twelve people were rescued from roofs overnight")]),
        (["The spillway gates were closed on Monday, confirmed the Water Ministry."],
         [("Water Ministry", "paraphrase", "The spillway gates were closed on Monday")]),
        (["According to the Water Ministry, the reservoir was full before the breach."],
         [("Water Ministry", "paraphrase", "the reservoir was full before the breach")]),
        (["The Water Ministry said the dam held, but Moldova stated that the dam had failed."],
         [("Water Ministry", "paraphrase", "the dam held"),
          ("Government of Moldova", "paraphrase", "the dam had failed")]),
        (["Governor Ana Ruiz was informed of the breach by engineers on the night shift."], []),
    ],
    ids=["quote-then-name-said", "quote-then-said-name", "name-said-colon-quote",
         "wrote-that-quote-ends-sentence", "partial-quote-is-paraphrase", "quote-continues-next-paragraph",
         "body-said-that", "end-attribution", "verb-first-end-attribution", "according-to-speaker",
         "but-second-speaker", "passive-is-not-speech"],
)
def test_speech_forms(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz said the dam held for a day.", '"We are safe now," she said.'],
         [("Ana Ruiz", "paraphrase", "the dam held for a day"), ("Ana Ruiz", "quote", "We are safe now")]),
        (["The river rose by two metres in the night.", '"We are safe now," he said.'],
         [(None, "quote", "We are safe now")]),
        (["Regional governor Ana Ruiz visited the flooded farms on Monday.",
          "The governor said that more boats were on their way."],
         [("Ana Ruiz", "paraphrase", "more boats were on their way")]),
        (["Governor Ana Ruiz and Governor Piet Olsen met at the dam.",
          "The governor said that more boats were on their way."],
         [(None, "paraphrase", "more boats were on their way")]),
        (["The River Brigade blew up the bridge near the dam.",
          "The group said it would keep fighting in the valley."],
         [("River Brigade", "paraphrase", "it would keep fighting in the valley")]),
        (["The River Brigade blew up the bridge near the dam.",
          "The regular army said it had retaken the bridge."],
         [(None, "paraphrase", "it had retaken the bridge")]),
        (["Chisinau denied any part in the collapse of the dam."],
         [("Government of Moldova", "paraphrase", "any part in the collapse of the dam")]),
        (["Moldovan officials said the dam was inspected last year."],
         [("Government of Moldova", "paraphrase", "the dam was inspected last year")]),
        (["Both Moldova and Romanian officials have confirmed the flooding of the valley."],
         [("Government of Moldova", "paraphrase", "the flooding of the valley"),
          ("Government of Romania", "paraphrase", "the flooding of the valley")]),
        (["The River Brigade blew up the bridge.",
          "Members of the River Brigade said they had left the dam."],
         [("River Brigade", "paraphrase", "they had left the dam")]),
        (["The River Brigade blew up the bridge.",
          "A member of the River Brigade said he had left the dam."],
         [(None, "paraphrase", "he had left the dam")]),
        (['A presidential adviser wrote that the dam was safe. '
          '"It will hold," wrote Ivo Mares, the adviser.'],
         [("Ivo Mares", "paraphrase", "the dam was safe"), ("Ivo Mares", "quote", "It will hold")]),
        (["Water Ministry spokesman Ivo Mares said the dam held.",
          "Governor Ana Ruiz said that boats were coming.",
          "The Water Ministry’s spokesperson added that the gates were open."],
         [("Ivo Mares", "paraphrase", "the dam held"), ("Ana Ruiz", "paraphrase", "boats were coming"),
          ("Ivo Mares", "paraphrase", "the gates were open")]),
        (['"Run to the hills!" said one man filming from a roof.'],
         [(None, "quote", "Run to the hills!")]),
    ],
    ids=["pronoun-after-speaker", "pronoun-without-antecedent", "definite-role-description",
         "ambiguous-role-description", "the-group-armed", "modified-description-unresolved",
         "capital-speaks-for-government", "demonym-officials", "compound-subject", "members-of-group",
         "a-member-is-not-the-group", "indefinite-adviser-named-in-paragraph", "possessive-role-description",
         "unnamed-witness"],
)
def test_speaker_resolution(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


def test_unnamed_speaker_keeps_its_words_and_channels_are_kept(corpus: Callable[..., Path]) -> None:
    found = statements(corpus, '"Run to the hills!" said one man filming from a roof.',
                       "Governor Ana Ruiz told Reuters that the evacuation would go on all night.",
                       "Governor Ana Ruiz said in a statement that the army had arrived.")
    assert [(s.speaker_text, s.channel) for s in found] == [
        ("one man filming from a roof", None), ("Governor Ana Ruiz", "told Reuters"),
        ("Governor Ana Ruiz", "in a statement")]


def test_official_and_side(corpus: Callable[..., Path]) -> None:
    found = statements(corpus, "Moldovan Governor Ana Ruiz said the dam held.",
                       "The River Brigade said it had opened the gates.",
                       "Chisinau said the army would help.")
    assert [(s.official, s.side) for s in found] == [(True, "Moldova"), (False, None), (True, "Moldova")]
    assert is_official(None, "local authorities") and not is_official(None, "one woman")


def test_every_statement_is_verbatim_in_its_citation(corpus: Callable[..., Path]) -> None:
    found = statements(corpus, '"We have sent boats," Governor Ana Ruiz said. "More will come."',
                       "According to the Water Ministry, the reservoir was full.")
    assert found
    for s in found:
        assert s.text in s.citation.quote


@pytest.mark.parametrize(
    ("text", "quoted"),
    [('He said "yes" and "no".', ['"yes"', '"no"']), ("“Open,” she said.", ["“Open,”"]),
     ("“Unclosed quote runs to the end", ["“Unclosed quote runs to the end"]), ('""', [])],
    ids=["straight-pairs", "curly", "unclosed", "empty"],
)
def test_find_quotes(text: str, quoted: list[str]) -> None:
    assert [q.of(text) for q in find_quotes(text)] == quoted


def test_hostile_text_is_fast_and_safe(corpus: Callable[..., Path]) -> None:
    long = ("said " * 3000) + '"' + ("x " * 5000) + ", according to " * 500
    found = statements(corpus, long, '"' * 999, "“" * 500 + "said")
    assert all(s.text for s in found)
