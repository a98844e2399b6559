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


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (['"The dam held," Governor Ana Ruiz said.', "Mayor Tomas Brandt also came to the dam on Monday.",
          '"We need more boats," he said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Tomas Brandt", "quote", "We need more boats")]),
        (['"The dam held," Governor Ana Ruiz said.',
          "The farms feel forgotten, said Tomas Brandt, a farmer from the valley.",
          '"Nobody called us," he said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Tomas Brandt", "paraphrase", "The farms feel forgotten"),
          ("Tomas Brandt", "quote", "Nobody called us")]),
        (['"The dam held," Governor Ana Ruiz said.',
          "Engineer Tomas Brandt and farmer Piet Olsen inspected the gates on Monday.",
          '"It will hold," she said.'],
         [("Ana Ruiz", "quote", "The dam held"), (None, "quote", "It will hold")]),
        (['"The dam held," Governor Ana Ruiz said.', "She thanked engineer Tomas Brandt for his work.",
          '"We owe him a lot," she said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Ana Ruiz", "quote", "We owe him a lot")]),
        (['"The dam held," Governor Ana Ruiz said.', "Governor Ana Ruiz then flew over the farms.",
          '"It is bad," she said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Ana Ruiz", "quote", "It is bad")]),
        (['"The dam held," Governor Ana Ruiz said.',
          "The collapse was condemned abroad, and in the valley Mayor Tomas Brandt described it as a crime.",
          '"We will rebuild," he said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Tomas Brandt", "quote", "We will rebuild")]),
        (['"The dam held," Governor Ana Ruiz said.', "His neighbour, Ivo Mares, agreed.",
          '"It was bad," he said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Ivo Mares", "quote", "It was bad")]),
    ],
    ids=["newer-sentence-subject-wins", "newer-speech-verb-subject-wins", "two-newer-people-leave-it-open",
         "object-of-a-verb-is-no-rival", "same-speaker-named-again", "nearer-described-as-wins",
         "nearer-appositive-subject-agreed-wins"],
)
def test_pronoun_weighs_people_named_since(corpus: Callable[..., Path], paragraphs: list[str],
                                           expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A fronted participle or an absolute 'with X saying' is not the subject.
        (["Blaming Governor Ana Ruiz for the collapse, Mayor Tomas Brandt said the gates were never tested."],
         [("Tomas Brandt", "paraphrase", "the gates were never tested")]),
        (["Writing on his blog, Mayor Tomas Brandt said the gates were never tested."],
         [("Tomas Brandt", "paraphrase", "the gates were never tested")]),
        (["Governor Ana Ruiz was sued in 2011, with one farmer claiming the dam had flooded his land."],
         [(None, "paraphrase", "the dam had flooded his land")]),
        (["Fleming, the engineer, said the gates were never tested."],
         [(None, "paraphrase", "the gates were never tested")]),
        # The person at the head of 'Company CEO Name' speaks, not the company.
        (["Hidra Corp built the dam.", "Hidra Corp CEO Ivo Mares said the gates were closed."],
         [("Ivo Mares", "paraphrase", "the gates were closed")]),
        # 'the company' is the one company named just before, or nobody.
        (["Hidra Corp built the dam in 1990.", "The company said the gates were closed."],
         [("Hidra Corp", "paraphrase", "the gates were closed")]),
        (["Hidra Corp built the dam with Norvik Bank.", "The company said the gates were closed."],
         [(None, "paraphrase", "the gates were closed")]),
        (["The Water Ministry inspected the dam.", "The company said the gates were closed."],
         [(None, "paraphrase", "the gates were closed")]),
        # 'a spokesperson for X' with no name: X speaks.
        (["A spokesperson for the Water Ministry said the dam held."],
         [("Water Ministry", "paraphrase", "the dam held")]),
        # A spokeswoman is not the spokesman named before.
        (["Water Ministry spokesman Ivo Mares said the dam held.",
          "The spokeswoman said the gates were closed."],
         [("Ivo Mares", "paraphrase", "the dam held"), (None, "paraphrase", "the gates were closed")]),
        (["Water Ministry spokesman Ivo Mares said the dam held.",
          "The spokesman said the gates were closed."],
         [("Ivo Mares", "paraphrase", "the dam held"), ("Ivo Mares", "paraphrase", "the gates were closed")]),
        # The document that closes the sentence speaks for all of it; its issuer is not named here.
        (["In May, Governor Ana Ruiz told her aides that the gates were old, the report said."],
         [(None, "paraphrase", "In May, Governor Ana Ruiz told her aides that the gates were old")]),
        (["Governor Ana Ruiz told her aides that the gates were old."],
         [("Ana Ruiz", "paraphrase", "the gates were old")]),
        # ', however now Y says': a second speaker.
        (["Governor Ana Ruiz said the dam held, however now the Water Ministry says the gates failed."],
         [("Ana Ruiz", "paraphrase", "the dam held"), ("Water Ministry", "paraphrase", "the gates failed")]),
        # 'it' after a nearer group subject is that group, not the group that spoke before.
        (['"We will sue," the Water Ministry said.', "Hidra Corp built the dam. On its website, it says "
          'it "built the safest dam in the valley."'],
         [("Water Ministry", "quote", "We will sue"), ("Hidra Corp", "paraphrase",
                                              'it "built the safest dam in the valley."')]),
    ],
    ids=["fronted-participle", "fronted-writing-on", "with-x-claiming", "name-ending-ing-is-subject",
         "company-ceo-name", "the-company-one-named", "the-company-two-named", "the-company-none-named",
         "spokesperson-for-body", "spokeswoman-not-spokesman", "spokesman-is-spokesman",
         "document-closing-sentence-speaks", "told-without-document", "however-second-speaker",
         "group-pronoun-nearer-subject"],
)
def test_speaker_rules_of_news_writing(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected
