"""Statements: every speech form news uses, and every speaker-resolution rule, on invented text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.models import Entity, Mention, Site, Statement
from generator.extract.speech import find_quotes
from generator.pipeline import assemble
from generator.resolve.speakers import _cut_name, is_official

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
         [("Ana Ruiz", "quote", "The dam held"), ("Tomas Brandt", "paraphrase", "it as a crime"),
          ("Tomas Brandt", "quote", "We will rebuild")]),
        (['"The dam held," Governor Ana Ruiz said.', "His neighbour, Ivo Mares, agreed.",
          '"It was bad," he said.'],
         [("Ana Ruiz", "quote", "The dam held"), ("Ivo Mares", "quote", "It was bad")]),
        # The subject of the pronoun's own sentence outweighs the last speaker.
        (['"The dam held," Governor Ana Ruiz said.',
          "Later, Mayor Tomas Brandt showed a film of what he described as the worst flood."],
         [("Ana Ruiz", "quote", "The dam held"), ("Tomas Brandt", "paraphrase", "the worst flood")]),
        # Negative: a person after a preposition is not the sentence's subject.
        (['"The dam held," Governor Ana Ruiz said.',
          "In a film by Mayor Tomas Brandt, she said the gates had failed."],
         [("Ana Ruiz", "quote", "The dam held"), ("Ana Ruiz", "paraphrase", "the gates had failed")]),
    ],
    ids=["newer-sentence-subject-wins", "newer-speech-verb-subject-wins", "two-newer-people-leave-it-open",
         "object-of-a-verb-is-no-rival", "same-speaker-named-again", "nearer-described-as-wins",
         "nearer-appositive-subject-agreed-wins", "own-sentence-subject-wins",
         "own-sentence-object-is-no-subject"],
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
        # '..., with X, saying': the participle goes with the clause's subject, never the noun before
        # its comma; a time phrase before that subject is no part of it.
        # The clause before the quote's is a stance of its own.
        (["The Kelby crew is led by Mara Vint.", "Mara Vint blamed the engineers, and in May she feigned "
          "ignorance in an interview with the Valley Post, saying: “I know the rules.”"],
         [("Mara Vint", "paraphrase", "blamed the engineers"), ("Mara Vint", "quote", "I know the rules.")]),
        (["The Kelby crew is led by Mara Vint.", "Farmers met at the Kelby dam, with Mara Vint saying the "
          "water was gone."],
         [("Mara Vint", "paraphrase", "the water was gone")]),
        (["The Kelby crew is led by Mara Vint.", "Mara Vint spoke in an interview with the Valley Post, "
          "saying the gates held."], []),
        (["The Kelby crew is led by Mara Vint and Ivo Mares.", "Mara Vint met Ivo Mares, and later she said "
          "the gates held."], [(None, "paraphrase", "the gates held")]),
    ],
    ids=["fronted-participle", "fronted-writing-on", "with-x-claiming", "name-ending-ing-is-subject",
         "company-ceo-name", "the-company-one-named", "the-company-two-named", "the-company-none-named",
         "spokesperson-for-body", "spokeswoman-not-spokesman", "spokesman-is-spokesman",
         "document-closing-sentence-speaks", "told-without-document", "however-second-speaker",
         "group-pronoun-nearer-subject", "participle-after-comma-is-the-subjects", "with-x-saying-no-comma",
         "interview-with-outlet-is-no-speaker", "pronoun-two-people-before-it"],
)
def test_speaker_rules_of_news_writing(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [("\"We are ready,'' said Ana Ruiz.", ["\"We are ready,''"]),
     ("\"It's the river's fault,'' she said.", ["\"It's the river's fault,''"]),
     ("\"Plain\" and \"another\" quote.", ['"Plain"', '"another"'])],
    ids=["two-apostrophes-close", "apostrophes-inside-stay", "plain-pairs-unchanged"],
)
def test_two_apostrophes_close_a_double_quote(text: str, quoted: list[str]) -> None:
    assert [q.of(text) for q in find_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Wire copy closes quotes with two apostrophes.
        (["\"The dam will hold,'' said Ana Ruiz, the head of the water agency."],
         [("Ana Ruiz", "quote", "The dam will hold")]),
        # 'said' + lower-case role words + name.
        (["Twelve people were rescued from roofs, said water agency spokesman Ivo Mares."],
         [("Ivo Mares", "paraphrase", "Twelve people were rescued from roofs")]),
        (['"The dam will hold," said water agency spokesman Ivo Mares.'],
         [("Ivo Mares", "quote", "The dam will hold")]),
        # An initial inside the name does not end the sentence.
        (['"The dam will hold," said Ana M. Ruiz, the governor of the valley.'],
         [("Ana M. Ruiz", "quote", "The dam will hold")]),
        # 'X, a doctor at Y, told Z late Tuesday.': X speaks the words before.
        (["Five people died in the flood, Ivo Mares, an official from the water agency, "
          "told Reuters late Tuesday."],
         [("Ivo Mares", "paraphrase", "Five people died in the flood")]),
        (["Five people died in the flood, the water agency told Reuters on Tuesday."],
         [(None, "paraphrase", "Five people died in the flood")]),
        # 'X told Outlet: "..."'
        (['Ivo Mares told Reuters: "We have counted five dead."'],
         [("Ivo Mares", "quote", "We have counted five dead.")]),
        # '"...," he said, adding that ...': a second statement by the same speaker.
        (['"The dam held," Governor Ana Ruiz said, adding that two farms were flooded overnight.'],
         [("Ana Ruiz", "quote", "The dam held"),
          ("Ana Ruiz", "paraphrase", "two farms were flooded overnight")]),
        (['"The dam held," Governor Ana Ruiz said, adding "we are safe".'],
         [("Ana Ruiz", "quote", "The dam held"), ("Ana Ruiz", "quote", "we are safe")]),
    ],
    ids=["two-apostrophes-attribution", "verb-first-role-words-name", "quote-said-role-words-name",
         "initial-in-name", "appositive-told-outlet-time", "body-told-outlet-time", "told-outlet-colon-quote",
         "adding-that-after-quote", "adding-quote-is-no-paraphrase"],
)
def test_wire_speech_forms(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A bare surname is the one person of that surname the article named before.
        (["Governor Ana Ruiz visited the dam.", "Ruiz said the gates were closed."],
         [("Ana Ruiz", "paraphrase", "the gates were closed")]),
        (["Governor Ana Ruiz met Tomas Ruiz at the dam.", "Ruiz said the gates were closed."],
         [(None, "paraphrase", "the gates were closed")]),
        (["Ruiz said the gates were closed.", "Governor Ana Ruiz visited the dam later."],
         [(None, "paraphrase", "the gates were closed")]),
        # A name written with other dots is the same name.
        (["The US Water Survey measured the flood.",
          "According to the U.S. Water Survey, the river rose two metres."],
         [("US Water Survey", "paraphrase", "the river rose two metres")]),
        # 'police', 'a police spokeswoman', 'prosecutors': the one body of that sort.
        (["The Valley Police Department sealed off the dam.", "Police said two men were arrested."],
         [("Valley Police Department", "paraphrase", "two men were arrested")]),
        (["The Valley Police Department sealed off the dam.",
          "A police spokeswoman said two men were arrested."],
         [("Valley Police Department", "paraphrase", "two men were arrested")]),
        (["The Valley Police Department and the River Police Service sealed off the dam.",
          "Police said two men were arrested."],
         [(None, "paraphrase", "two men were arrested")]),
        (["The Valley Police Department sealed off the dam.", "A police source said two men were arrested."],
         [(None, "paraphrase", "two men were arrested")]),
        (["The Valley Attorney’s Office opened a case.", "Prosecutors said the gates were never tested."],
         [("Valley Attorney’s Office", "paraphrase", "the gates were never tested")]),
        (["The Water Ministry opened a case.", "Prosecutors said the gates were never tested."],
         [(None, "paraphrase", "the gates were never tested")]),
        # 'they' / 'it' after the body's collective name as the subject of its own clause.
        (["The Valley Attorney’s Office opened a case.",
          "Prosecutors played a recording of what they said was a bribe."],
         [("Valley Attorney’s Office", "paraphrase", "was a bribe")]),
        (["The Valley Attorney’s Office opened a case.",
          "The jury met on the day that the prosecution played a tape of what it alleged was a bribe."],
         [("Valley Attorney’s Office", "paraphrase", "was a bribe")]),
        (["The Valley Attorney’s Office opened a case.",
          "Prosecutors played a recording of what it alleged was a bribe."],
         [(None, "paraphrase", "was a bribe")]),
        (["The Valley Attorney’s Office opened a case.",
          "Prosecutors played a tape seized by the Valley Police Department of what they said was a bribe."],
         [(None, "paraphrase", "was a bribe")]),
        # The board of a company speaks for it.
        (["The board of Hidra Corp said it had suspended its chief executive."],
         [("Hidra Corp", "paraphrase", "it had suspended its chief executive")]),
        # A document naming its issuer speaks for the issuer; unnamed, for no one.
        (["The river rose two metres, according to data from the Water Ministry."],
         [("Water Ministry", "paraphrase", "The river rose two metres")]),
        (['"We will sue," the Water Ministry said.',
          "The river rose two metres, according to the court records."],
         [("Water Ministry", "quote", "We will sue"), (None, "paraphrase", "The river rose two metres")]),
    ],
    ids=["surname-one-person", "surname-two-people", "surname-named-later", "name-with-dots",
         "police-one-body", "police-spokeswoman", "police-two-bodies", "police-source-is-no-body",
         "prosecutors-office", "prosecutors-no-office", "they-prosecutors-in-own-clause",
         "it-the-prosecution-in-own-clause", "it-does-not-agree-with-prosecutors", "group-named-in-between",
         "board-of-company", "data-from-body",
         "records-unnamed"],
)
def test_collective_and_written_names(corpus: Callable[..., Path], paragraphs: list[str],
                                      expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Verbs of speech beyond 'said'.
        (["Engineer Ivo Mares testified that the gates were never tested."],
         [("Ivo Mares", "paraphrase", "the gates were never tested")]),
        (["Governor Ana Ruiz contended that the dam was safe."],
         [("Ana Ruiz", "paraphrase", "the dam was safe")]),
        # 'according to prosecutors' and a trailing appositive.
        (["The Valley Attorney’s Office opened a case.",
          "The gates were never tested, according to prosecutors."],
         [("Valley Attorney’s Office", "paraphrase", "The gates were never tested")]),
        (["The gates were never tested, according to Ivo Mares, spokesman for the Water Ministry."],
         [("Ivo Mares", "paraphrase", "The gates were never tested")]),
        # 'is heard saying': the heard speaker speaks.
        (['"Open the gates," Ivo Mares is heard saying.'],
         [("Ivo Mares", "quote", "Open the gates")]),
        # 'in which X said': X is the subject, not the words before 'in which'.
        (["The report lists ten failures, in which the Water Ministry said the gates were old."],
         [("Water Ministry", "paraphrase", "the gates were old")]),
        # A comma inside the closing quote mark ends the reported clause.
        (['The gates served only "his own interests," Mayor Tomas Brandt said.'],
         [("Tomas Brandt", "paraphrase", 'The gates served only "his own interests')]),
        # 'replied', and 'responded' with a that-clause (not 'responded to the flood').
        (["The Kelby crew is led by Mara Vint.",
          "When asked about the gates, Mara Vint replied that the crew had left.",
          '"Nobody saw it coming, and nobody could have stopped it.'],
         [("Mara Vint", "paraphrase", "the crew had left"),
          ("Mara Vint", "quote", "Nobody saw it coming, and nobody could have stopped it.")]),
        (["The Kelby crew is led by Mara Vint.", "Mara Vint responded that the crew had left early."],
         [("Mara Vint", "paraphrase", "the crew had left early")]),
        (["The Kelby crew is led by Mara Vint.", "Mara Vint responded to the flood within hours."], []),
        # The issuer of a document is the speaker: 'a statement released by X'.
        (["The Water Ministry opened a case.",
          "The gates were never tested, according to a statement released by the Water Ministry."],
         [("Water Ministry", "paraphrase", "The gates were never tested")]),
        (["The Valley Front took hostages.", "The hostages released by the Valley Front said they were fed."],
         [(None, "paraphrase", "they were fed")]),
        # 'described X as', 'depicts X as': speech with 'as'; a participle or a self-description is not.
        (["Mayor Tomas Brandt described the flood as a disaster."],
         [("Tomas Brandt", "paraphrase", "the flood as a disaster")]),
        (["A report by the Water Ministry depicts the dam as poorly kept."],
         [("Water Ministry", "paraphrase", "the dam as poorly kept")]),
        (["Mayor Tomas Brandt, described by neighbours as tireless, stayed at the dam."], []),
        (["Mayor Tomas Brandt was described as furious."], []),
        (["The Valley Front, which describes itself as a militia, took the dam."], []),
    ],
    ids=["testified-that", "contended-that", "according-to-prosecutors", "according-to-name-appositive",
         "is-heard-saying", "in-which-subject", "comma-inside-closing-quote", "replied-that-then-quote",
         "responded-that", "responded-to-is-no-speech", "statement-released-by",
         "people-released-by-not-issuer", "described-as", "depicts-as", "described-by-is-no-speech",
         "was-described-is-no-speech", "describes-itself-is-no-speech"],
)
def test_more_speech_forms(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz said the gates were old."],
         [("Ana Ruiz", "paraphrase", "the gates were old")]),
        (["Hidra Corp CEO Ivo Mares said the gates were old."],
         [("Ivo Mares", "paraphrase", "the gates were old")]),
    ],
    ids=["title-before-name-is-no-cut", "company-and-title-before-name"],
)
def test_cut_names_speak_for_nobody(corpus: Callable[..., Path], paragraphs: list[str],
                                    expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("texts", "name", "kind", "cut"),
    [
        (["The Rev. Ann Lee spoke. Then Lee left."], "Lee", "person", True),
        (["Bill de Souza spoke."], "Souza", "person", True),
        (["Governor Lee spoke. Lee left."], "Lee", "person", False),
        (["After the storm, Mr. Lee spoke."], "Lee", "person", False),
        (["The Board met."], "Board", "group", True),
        (["The Water Board met."], "Water Board", "group", False),
    ],
    ids=["first-name-before", "particle-before", "title-before", "honorific-before", "bare-head-noun-group",
         "named-group"],
)
def test_cut_name(texts: list[str], name: str, kind: str, cut: bool) -> None:
    """A one-word entity that the text writes as the end of a longer name is no speaker's name."""
    paragraphs = {("a", f"p{i}"): t for i, t in enumerate(texts, start=1)}
    mentions = tuple(Mention("a", pid, t.rfind(name), name) for (_, pid), t in paragraphs.items())
    entity = Entity("x", kind, name, (), None, None, mentions)
    assert _cut_name(entity, paragraphs) is cut


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A statement that nothing was said is shown as such.
        (["Hidra Corp declined to comment on the gates."],
         [("Hidra Corp", "paraphrase", "declined to comment on the gates")]),
        (["Hidra Corp said the gates were closed but declined to comment on refunds."],
         [("Hidra Corp", "paraphrase", "the gates were closed"),
          ("Hidra Corp", "paraphrase", "declined to comment on refunds")]),
        (["The Water Ministry did not respond to a request for comment."],
         [("Water Ministry", "paraphrase", "did not respond to a request for comment")]),
        (["The farmers declined an offer of new land."], []),
        # A relative clause inside the speaker phrase is never its head.
        (["Hidra Corp runs the dam.", "The government, which owns Hidra Corp, said it would pay nothing."],
         [(None, "paraphrase", "it would pay nothing")]),
    ],
    ids=["declined-to-comment", "said-but-declined", "did-not-respond", "declined-an-offer-is-no-statement",
         "relative-clause-is-no-head"],
)
def test_declined_and_relative_clauses(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


def test_joint_statement_links_every_speaker_and_says_why(corpus: Callable[..., Path]) -> None:
    site = site_of(corpus, "Governor Ana Ruiz and Mayor Tomas Brandt said the dam held.",
                   '"We will rebuild," she said.')
    names = [[site.entity(i).name for i in s.speakers] for s in site.statements]
    assert names == [["Ana Ruiz", "Tomas Brandt"], ["Ana Ruiz", "Tomas Brandt"], []]
    assert [s.speaker for s in site.statements[:2]] == [s.speakers[0] for s in site.statements[:1]] + \
        [site.statements[1].speakers[1]]
    assert all(s.reason for s in site.statements)
    unnamed = statements(corpus, "One farmer said the gates were old.")
    assert unnamed[0].speaker is None and unnamed[0].speakers == () and unnamed[0].reason


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # An acronym in brackets after a name is part of the subject, not a new clause.
        (['The Valley Water Agency (VWA), which runs the dam, said in a statement on Monday that '
          '"every gate was tested".'],
         [("Valley Water Agency", "quote", "every gate was tested")]),
        # 'said at a hearing on Tuesday that ...': the channel and time are not the words said.
        (["Governor Ana Ruiz said at a council hearing on Tuesday that the gates were old."],
         [("Ana Ruiz", "paraphrase", "the gates were old")]),
        # 'that' as a determiner is not the start of the reported clause.
        (["Governor Ana Ruiz said the engineers crossed a line when they sold that information to a rival."],
         [("Ana Ruiz", "paraphrase",
           "the engineers crossed a line when they sold that information to a rival")]),
        # 'Mr. Surname' is the one person of that surname named before.
        (["Governor Ana Ruiz visited the dam.", '"It will hold," Ms. Ruiz said.'],
         [("Ana Ruiz", "quote", "It will hold")]),
        # A lower-case collective subject.
        (["The Valley Police Department sealed off the dam.",
          "After the blast, police officials said two men were arrested."],
         [("Valley Police Department", "paraphrase", "two men were arrested")]),
        (["The Valley Police Department sealed off the dam.",
          "According to the officers involved in the arrest, the men ran."],
         [(None, "paraphrase", "the men ran")]),
        # 'the board' is a body so named, else the company named just before.
        (["Hidra Corp built the dam.", "The board said the chief executive was suspended."],
         [("Hidra Corp", "paraphrase", "the chief executive was suspended")]),
        (["Hidra Corp built the dam.", "The Valley Safety Board inspected it.",
          "The board said the gates were old."],
         [("Valley Safety Board", "paraphrase", "the gates were old")]),
    ],
    ids=["acronym-in-brackets", "channel-and-time-before-that", "that-determiner", "courtesy-title-surname",
         "lower-case-collective", "specific-officers-are-no-body", "board-of-company", "board-is-a-body"],
)
def test_subjects_and_bodies(corpus: Callable[..., Path], paragraphs: list[str],
                             expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A quote split by its attribution: both halves are the speaker's.
        (['"The gates were old," Governor Ana Ruiz said, "and nobody tested them."'],
         [("Ana Ruiz", "quote", "The gates were old"), ("Ana Ruiz", "quote", "and nobody tested them.")]),
        (['"The gates were old," one farmer said, "and nobody tested them."'],
         [(None, "quote", "The gates were old"), (None, "quote", "and nobody tested them.")]),
        # 'the statement said' goes back to who issued a statement, past other speakers.
        (["The Water Ministry said in a statement that the gates were closed.",
          "Governor Ana Ruiz said the dam held.",
          "The gates will stay closed for a week, the statement said."],
         [("Water Ministry", "paraphrase", "the gates were closed"),
          ("Ana Ruiz", "paraphrase", "the dam held"),
          ("Water Ministry", "paraphrase", "The gates will stay closed for a week")]),
        (["Governor Ana Ruiz said the dam held.",
          "The gates will stay closed for a week, the statement said."],
         [("Ana Ruiz", "paraphrase", "the dam held"),
          (None, "paraphrase", "The gates will stay closed for a week")]),
        # A quote ending in a nested quote is still attributed.
        (["“The farms were labelled ‘safe zones,’” the Water Ministry said."],
         [("Water Ministry", "quote", "The farms were labelled ‘safe zones,’")]),
    ],
    ids=["split-quote", "split-quote-unnamed", "the-statement-goes-back", "the-statement-no-issuer",
         "nested-quote-at-end"],
)
def test_quotes_and_documents(corpus: Callable[..., Path], paragraphs: list[str],
                              expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Judge Ana Ruiz ruled that the gates must stay closed."],
         [("Ana Ruiz", "paraphrase", "the gates must stay closed")]),
        (["Judge Ana Ruiz ordered that the farmers be paid."],
         [("Ana Ruiz", "paraphrase", "the farmers be paid")]),
        (["Judge Ana Ruiz ordered the evacuation of the valley."], []),
        (["Engineers found cracks in the wall of the dam."], []),
    ],
    ids=["ruled-that", "ordered-that", "ordered-without-that", "found-without-that"],
)
def test_verbs_that_need_a_that_clause(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'the commissioner X, who ..., confirmed': X, past the relative clause.
        (["Earlier, the water commissioner Ana Ruiz, who is investigating the breach, confirmed the gates "
          "had failed."],
         [("Ana Ruiz", "paraphrase", "the gates had failed")]),
        # An unclosed quote that runs into its own attribution.
        (['"The dam will hold," Governor Ana Ruiz said.',
          '"All gates are affected, Ivo Mares, a manager at Hidra Corp, says.'],
         [("Ana Ruiz", "quote", "The dam will hold"), ("Ivo Mares", "quote", "All gates are affected")]),
        (['"The dam will hold," Governor Ana Ruiz said.', '"All gates are affected, and more will fail.'],
         [("Ana Ruiz", "quote", "The dam will hold"),
          ("Ana Ruiz", "quote", "All gates are affected, and more will fail.")]),
    ],
    ids=["aside-after-described-name", "unclosed-quote-attribution", "unclosed-quote-continues"],
)
def test_asides_and_unclosed_quotes(corpus: Callable[..., Path], paragraphs: list[str],
                                    expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A request in words is a statement, verb included.
        (["The Water Ministry called for Hidra Corp to open the gates."],
         [("Water Ministry", "paraphrase", "called for Hidra Corp to open the gates")]),
        (["Governor Ana Ruiz asked Hidra Corp to open the gates."],
         [("Ana Ruiz", "paraphrase", "asked Hidra Corp to open the gates")]),
        (["Governor Ana Ruiz asked about the gates at the hearing."], []),
        (["The farmers called the river twice a day."], []),
        # 'wants to hear from Y', 'wants Y to testify': a demand in words; wanting anything else is not.
        (["Governor Ana Ruiz wants to hear from Hidra Corp about the gates."],
         [("Ana Ruiz", "paraphrase", "wants to hear from Hidra Corp about the gates")]),
        (["Governor Ana Ruiz wants Hidra Corp to explain the flood."],
         [("Ana Ruiz", "paraphrase", "wants Hidra Corp to explain the flood")]),
        (["Governor Ana Ruiz wants to rebuild the gates."], []),
        # 'read a statement from X's office': X speaks.
        (['"The dam is safe," read a statement from Governor Ana Ruiz’s office.'],
         [("Ana Ruiz", "quote", "The dam is safe")]),
        # A person's writings speak for the person; 'he' afterwards is no one named in passing.
        (["The gates were never tested, according to testimony from engineer Ivo Mares.",
          '"Open them," he says on the recording.'],
         [("Ivo Mares", "paraphrase", "The gates were never tested"), (None, "quote", "Open them")]),
    ],
    ids=["called-for", "asked-to", "asked-about-is-no-request", "called-is-no-request", "wants-to-hear-from",
         "wants-someone-to-explain", "wants-to-act-is-no-request", "read-a-statement-from-office",
         "testimony-from-person-then-pronoun"],
)
def test_requests_and_writings(corpus: Callable[..., Path], paragraphs: list[str],
                               expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A surname ending in -ly is no adverb.
        (["Governor Ana Kelly visited the dam.", '"Nothing justifies that," Mrs. Kelly said.'],
         [("Ana Kelly", "quote", "Nothing justifies that")]),
        (['"Nothing justifies that," the governor angrily said.'],
         [(None, "quote", "Nothing justifies that")]),
        # 'the spokeswoman' repeats the speaker a statement just before named so.
        (["The Valley Police Department sealed off the dam.",
          "A police spokeswoman said two men were arrested. One man was hurt, the spokeswoman said."],
         [("Valley Police Department", "paraphrase", "two men were arrested"),
          ("Valley Police Department", "paraphrase", "One man was hurt")]),
        (["One man was hurt, the spokeswoman said."],
         [(None, "paraphrase", "One man was hurt")]),
    ],
    ids=["surname-ending-ly", "adverb-before-verb", "the-spokeswoman-again", "the-spokeswoman-unknown"],
)
def test_surnames_and_repeated_descriptions(corpus: Callable[..., Path], paragraphs: list[str],
                                            expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'the inspectorate': the one group named before whose name ends in that noun.
        (["The Dam Safety Inspectorate (DSI) approved the gates in June.",
          "The inspectorate said the gates were safe."],
         [("Dam Safety Inspectorate", "paraphrase", "the gates were safe")]),
        (["The Dam Safety Inspectorate (DSI) and the River Inspectorate (RI) met.",
          "The inspectorate said the gates were safe."],
         [(None, "paraphrase", "the gates were safe")]),
        (["The Dam Safety Inspectorate (DSI) approved the gates.", "The man said the gates were safe."],
         [(None, "paraphrase", "the gates were safe")]),
        # 'X's office' speaks for X.
        (["Governor Ana Ruiz visited the dam.", "Governor Ana Ruiz’s office said the gates were safe."],
         [("Ana Ruiz", "paraphrase", "the gates were safe")]),
        # An age between commas is no part of the name.
        (["Engineer Ivo Mares inspected the dam.", "Mares, 47, said the gates were safe."],
         [("Ivo Mares", "paraphrase", "the gates were safe")]),
        # A stance with a short object or none.
        (["The Water Ministry rejected the findings."],
         [("Water Ministry", "paraphrase", "rejected the findings")]),
        (["The Water Ministry disagrees."], [("Water Ministry", "paraphrase", "disagrees")]),
        (["The Water Ministry denied that the gates had failed."],
         [("Water Ministry", "paraphrase", "the gates had failed")]),
    ],
    ids=["head-noun-group", "head-noun-two-groups", "the-man-is-no-group", "persons-office", "age-appositive",
         "stance-short-object", "stance-no-object", "stance-with-clause"],
)
def test_head_nouns_offices_and_stances(corpus: Callable[..., Path], paragraphs: list[str],
                                        expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'X issued a joint statement urging ...': X speaks, the statement is the channel.
        (["The Water Ministry issued a statement on Monday urging farmers to leave the valley."],
         [("Water Ministry", "paraphrase", "urging farmers to leave the valley")]),
        (["The Water Ministry issued a statement on Monday."], []),
        # 'the two officials said' after a joint statement: each joint speaker again.
        (["Governor Ana Ruiz and Mayor Tomas Brandt said the dam held. "
          '"Nobody will be left behind," the two officials said.'],
         [("Ana Ruiz", "paraphrase", "the dam held"), ("Tomas Brandt", "paraphrase", "the dam held"),
          ("Ana Ruiz", "quote", "Nobody will be left behind"),
          ("Tomas Brandt", "quote", "Nobody will be left behind")]),
        (["Governor Ana Ruiz said the dam held. "
          '"Nobody will be left behind," the two officials said.'],
         [("Ana Ruiz", "paraphrase", "the dam held"), (None, "quote", "Nobody will be left behind")]),
    ],
    ids=["issued-statement-urging", "issued-statement-no-words", "the-two-officials",
         "the-two-without-joint"],
)
def test_issued_and_joint_again(corpus: Callable[..., Path], paragraphs: list[str],
                                expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # "X's coach, Y, said": Y, not X.
        (["Runner Ana Ruiz was suspended.", "Ana Ruiz's coach, Ivo Mares, said the test was wrong."],
         [("Ivo Mares", "paraphrase", "the test was wrong")]),
        (["Runner Ana Ruiz was suspended.", "Ana Ruiz, the champion, said the test was wrong."],
         [("Ana Ruiz", "paraphrase", "the test was wrong")]),
        # 'a spokesman for the board': the board named before.
        (["The Valley Integrity Board (VIB) suspended the runner.",
          "A spokesman for the board said the test was right."],
         [("Valley Integrity Board", "paraphrase", "the test was right")]),
        (["A spokesman for the board said the test was right."],
         [(None, "paraphrase", "the test was right")]),
        # 'repeated the claim that ...'
        (["Lawyer Ivo Mares repeated the claim that the sample was spoiled."],
         [("Ivo Mares", "paraphrase", "the sample was spoiled")]),
    ],
    ids=["possessed-role-then-name", "name-then-role", "spokesman-for-the-board",
         "spokesman-for-unknown-board", "repeated-claim-that"],
)
def test_appositives_and_spokespeople(corpus: Callable[..., Path], paragraphs: list[str],
                                      expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # ', as Y said ...': a second statement.
        (["Hidra Corp has denied that it hid the reports, as the Water Ministry said it was widening "
          "its inquiry."],
         [("Hidra Corp", "paraphrase", "it hid the reports"),
          ("Water Ministry", "paraphrase", "it was widening its inquiry")]),
        # 'told Outlet "..."' with no colon.
        (['Governor Ana Ruiz told Reuters "the dam will hold."'],
         [("Ana Ruiz", "quote", "the dam will hold.")]),
        # A participle after a closing attribution tells what happened, not what was said.
        (["The dam broke at dawn, the Water Ministry said, sending water into the valley."],
         [("Water Ministry", "paraphrase", "The dam broke at dawn")]),
        # A partial quote after an object is no direct quote.
        (['The Water Ministry praised their "quick and brave work."'],
         [("Water Ministry", "paraphrase", 'their "quick and brave work."')]),
    ],
    ids=["as-second-speaker", "told-outlet-quote", "participle-after-attribution", "praised-partial-quote"],
)
def test_clause_edges(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("kind", "name", "role", "subkind", "official"),
    [
        ("group", "Valley Water Commission", None, None, True),
        ("group", "Dam Safety Inspectorate", None, None, True),
        ("group", "Valley Tribunal", None, "court", True),
        ("group", "Hidra Corp", None, "company", False),
        ("person", "Ivo Mares", "City Council Member", None, True),
        ("person", "Ivo Mares", "Police Commissioner", None, True),
        ("person", "Ivo Mares", "chief executive of Hidra Corp", None, False),
        ("person", "Ivo Mares", "former governor", None, False),
    ],
    ids=["commission", "inspectorate", "court-subkind", "company", "council-member", "commissioner",
         "company-executive", "former-office"],
)
def test_official_is_public_office_or_body(kind: str, name: str, role: str | None, subkind: str | None,
                                          official: bool) -> None:
    entity = Entity("x", kind, name, (), role, None, (), subkind=subkind)
    assert is_official(entity, name) is official


@pytest.mark.parametrize(
    ("words", "official"),
    [("a police spokeswoman", True), ("prosecutors", True), ("regulators", True), ("one farmer", False),
     ("a company spokesman", False)],
)
def test_unnamed_official_speakers(words: str, official: bool) -> None:
    assert is_official(None, words) is official


def test_check_explain_prints_each_speaker_and_why(corpus: Callable[..., Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import main

    folder = corpus({"a.txt": "Dam failure\n\nGovernor Ana Ruiz said the dam held.\n\n"
                              "One farmer said the gates were old.\n"})
    main(["check", "--content", str(folder), "--explain"])
    out = capsys.readouterr().out
    assert "a p1: Ana Ruiz <- \"Governor Ana Ruiz\": named in the attribution" in out
    assert "a p2: no speaker <- \"One farmer\":" in out


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A dash and 'but' turn to another side: the statement ends there (and the other side speaks).
        (["The Water Ministry said the gates were closed at dawn — but farmers deny it."],
         [("Water Ministry", "paraphrase", "the gates were closed at dawn"),
          (None, "paraphrase", "deny it")]),
        (["The Water Ministry said the gates — all twelve of them — were closed at dawn."],
         [("Water Ministry", "paraphrase", "the gates — all twelve of them — were closed at dawn")]),
        # A lower-case role before a name is a subject.
        (["Asked about the dam, engineer Ivo Mares said the gates were old."],
         [("Ivo Mares", "paraphrase", "the gates were old")]),
        # 'charged that'
        (["Prosecutor Ana Ruiz charged that the gates were never tested."],
         [("Ana Ruiz", "paraphrase", "the gates were never tested")]),
        (["Prosecutor Ana Ruiz charged the engineers with fraud."], []),
    ],
    ids=["dash-but-ends-statement", "dash-aside-stays", "role-before-name-subject", "charged-that",
         "charged-with-is-no-statement"],
)
def test_dashes_roles_and_charges(corpus: Callable[..., Path], paragraphs: list[str],
                                  expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [('"We are ready,” Ana said.', ['"We are ready,”']),
     ('“The gates,” she said, "are old."', ['“The gates,”', '"are old."']),
     ('He said "yes" and "no".', ['"yes"', '"no"'])],
    ids=["straight-open-curly-close", "curly-then-straight", "straight-pairs-stay"],
)
def test_mixed_quote_marks(text: str, quoted: list[str]) -> None:
    assert [q.of(text) for q in find_quotes(text)] == quoted


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Hidra Corp advised farmers to leave the valley before dawn."],
         [("Hidra Corp", "paraphrase", "farmers to leave the valley before dawn")]),
        (["The Water Ministry recommends that farmers leave the valley."],
         [("Water Ministry", "paraphrase", "farmers leave the valley")]),
        # Words shouted at the scene by some officers are not the police force's statement.
        (["The Valley Police Department sealed off the dam.",
          '"Stay down," police said once the man had fallen.'],
         [(None, "quote", "Stay down")]),
        (["The Valley Police Department sealed off the dam.", '"Stay away from the dam," police said.'],
         [("Valley Police Department", "quote", "Stay away from the dam")]),
    ],
    ids=["advised-to", "recommends-that", "police-at-the-scene", "police-statement"],
)
def test_advice_and_words_at_the_scene(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A request may quote words inside it.
        (["The Water Ministry called for Hidra Corp to explain its “catastrophic failure” at the dam."],
         [("Water Ministry", "paraphrase",
           "called for Hidra Corp to explain its “catastrophic failure” at the dam")]),
        # 'X told Y "...," and stated ...': the quote is X's, and so are the words added.
        (['Governor Ana Ruiz told Reuters "the dam will hold," and added that boats were ready.'],
         [("Ana Ruiz", "quote", "the dam will hold"), ("Ana Ruiz", "paraphrase", "boats were ready")]),
        # A quote cut off mid-sentence carries on no one.
        (['"The dam held," Governor Ana Ruiz said.', "“I think it is time for the engineers to come and"],
         [("Ana Ruiz", "quote", "The dam held"),
          (None, "quote", "I think it is time for the engineers to come and")]),
    ],
    ids=["request-with-quote", "told-quote-and-added", "cut-off-quote"],
)
def test_requests_quotes_and_cut_quotes(corpus: Callable[..., Path], paragraphs: list[str],
                                        expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'the doctor' is the one person the article described as a doctor.
        (["Five people died, said Ana Ruiz, a doctor at the valley clinic.",
          '"We have no more beds," added the doctor.'],
         [("Ana Ruiz", "paraphrase", "Five people died"), ("Ana Ruiz", "quote", "We have no more beds")]),
        (['"We have no more beds," added the doctor.'], [(None, "quote", "We have no more beds")]),
        # 'the company' reaches back to the nearest paragraph that names a company.
        (["Hidra Corp built the dam in 1990.", "The river rose overnight.", "Farmers left the valley.",
          "The company said the gates were closed."],
         [("Hidra Corp", "paraphrase", "the gates were closed")]),
    ],
    ids=["the-doctor", "the-doctor-unknown", "the-company-far-back"],
)
def test_occupations_and_far_companies(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # With no statement before, 'she' is the person who is the subject of a sentence just before.
        (["When the water rose in January, Ana Ruiz thought the dam had failed. Within an hour, she said, "
          "the farms were flooded."],
         [("Ana Ruiz", "paraphrase", "the farms were flooded")]),
        (["Ms Ana Ruiz's farm was flooded in January.", "She said she had never seen such a flood."],
         [("Ana Ruiz", "paraphrase", "she had never seen such a flood")]),
        (["The farms were flooded.", "Ms Ana Ruiz was shocked. She said she had never seen such a flood."],
         [("Ana Ruiz", "paraphrase", "she had never seen such a flood")]),
        # The one person of the sentence just before, the subject of a clause in it, is 'she'.
        (["The water rose after Ana Ruiz left the dam. Within an hour, she said, the farms were flooded."],
         [("Ana Ruiz", "paraphrase", "the farms were flooded")]),
        # Negative: a person named only as an object is not.
        (["The water rose over the farm of Ana Ruiz. Within an hour, she said, the farms were flooded."],
         [(None, "paraphrase", "the farms were flooded")]),
    ],
    ids=["fronted-clause-subject", "possessor-opening-sentence", "courtesy-title-subject",
         "subject-of-a-clause-before", "object-is-no-subject"],
)
def test_pronoun_without_statement_before(corpus: Callable[..., Path], paragraphs: list[str],
                                          expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'The A, B and C said in a joint statement': each of them.
        (["The Water Ministry, Hidra Corp and the Valley Police Department said in a joint statement that "
          "the gates were closed."],
         [("Water Ministry", "paraphrase", "the gates were closed"),
          ("Hidra Corp", "paraphrase", "the gates were closed"),
          ("Valley Police Department", "paraphrase", "the gates were closed")]),
        # A name with its description is one speaker, not a list.
        (["Hidra Corp built the dam.", "Ivo Mares, a Hidra Corp engineer, said the gates were closed."],
         [("Ivo Mares", "paraphrase", "the gates were closed")]),
    ],
    ids=["joint-list-of-three", "name-and-description-is-no-list"],
)
def test_joint_lists(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'Outlet quoted X as saying': X speaks.
        (['"The gates were open," the Valley Times quoted engineer Ivo Mares as saying.'],
         [("Ivo Mares", "quote", "The gates were open")]),
        # 'commented on the case, saying ...': the words after 'saying'.
        (["Engineer Ivo Mares commented on the case, saying the gates were never tested."],
         [("Ivo Mares", "paraphrase", "the gates were never tested")]),
        (["Engineer Ivo Mares commented that the gates, saying nothing else, were old."],
         [("Ivo Mares", "paraphrase", "the gates, saying nothing else, were old")]),
    ],
    ids=["quoted-as-saying", "commented-on-saying", "saying-inside-clause"],
)
def test_quoted_as_and_commented(corpus: Callable[..., Path], paragraphs: list[str],
                                 expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A group's own unit speaks for the group.
        (["The Valley Observers League (VOL) sent monitors.",
          "The Valley Observers League's observer mission said the count was slow."],
         [("Valley Observers League", "paraphrase", "the count was slow")]),
        (["The Valley Observers League (VOL) sent monitors.",
          "The observer mission of the Valley Observers League said the count was slow. "
          "The mission said it would report in May."],
         [("Valley Observers League", "paraphrase", "the count was slow"),
          ("Valley Observers League", "paraphrase", "it would report in May")]),
        (["The mission said it would report in May."], [(None, "paraphrase", "it would report in May")]),
        # 'called on X to ...' is a request.
        (["The Water Ministry called on farmers to leave the valley."],
         [("Water Ministry", "paraphrase", "called on farmers to leave the valley")]),
    ],
    ids=["possessive-unit", "unit-of-group-then-the-mission", "the-mission-unknown", "called-on"],
)
def test_group_units(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Farmers said the gates failed.", "But Governor Ana Ruiz said the gates held."],
         [(None, "paraphrase", "the gates failed"), ("Ana Ruiz", "paraphrase", "the gates held")]),
        (["And the Water Ministry said the gates held."],
         [("Water Ministry", "paraphrase", "the gates held")]),
    ],
    ids=["but-before-subject", "and-before-subject"],
)
def test_conjunction_before_subject(corpus: Callable[..., Path], paragraphs: list[str],
                                    expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'Trade and Industry Minister X': one title, one speaker.
        (["Trade and Industry Minister Ana Ruiz said the gates were old."],
         [("Ana Ruiz", "paraphrase", "the gates were old")]),
        # 'Its election agent in Z, Y, said': Y.
        (["Hidra Corp runs the dam.",
          "Its chief engineer in the valley, Ivo Mares, said the gates were old."],
         [("Ivo Mares", "paraphrase", "the gates were old")]),
        # "X's director, Dr Y, said": Y.
        (["The Valley Water Agency (VWA) runs the dam.",
          "VWA's director general, Dr Ivo Mares, said the gates were old."],
         [("Ivo Mares", "paraphrase", "the gates were old")]),
        # A participle modifier or an acronym in brackets is no part of the head.
        (["The Valley Water Agency (VWA) runs the dam.",
          "The Valley Water Agency (VWA) said the gates were old."],
         [("Valley Water Agency", "paraphrase", "the gates were old")]),
        (["Hidra Corp and Norvik Bank built the dam.",
          "The company, at the heart of the dispute, said the gates were old."],
         [(None, "paraphrase", "the gates were old")]),
    ],
    ids=["one-title-with-and", "owned-role-then-name", "possessed-role-courtesy-name", "acronym-after-name",
         "prepositional-aside-is-no-head"],
)
def test_titles_and_asides(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    "paragraph",
    ["An activist group that has long opposed the dam denied any involvement.",
     "The engineers who built the dam confirmed another inspection.",
     "A farmers' union denied all charges on Monday."],
    ids=["denied-any", "confirmed-another", "denied-all"],
)
def test_statements_take_no_object_of_the_verb_for_its_speaker(corpus: Callable[..., Path],
                                                               paragraph: str) -> None:
    """'X denied any involvement': the words after the verb are what was denied, not who spoke."""
    found = statements(corpus, paragraph)
    assert all(s.speaker_text.split()[0].lower() not in ("any", "another", "all") for s in found)
    assert all(s.text != paragraph.split(" denied")[0] for s in found)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # The participle follows the attributed quote, even when the words it adds hold a quote of their own.
        (['"We are ready," Governor Ana Ruiz said, adding that the agency does not "keep any boats."'],
         [("Ana Ruiz", "quote", "We are ready"),
          ("Ana Ruiz", "paraphrase", 'the agency does not "keep any boats."')]),
        # 'X told Y: "...", adding that ...': the quote stands, and the participle carries on its speaker.
        (['Governor Ana Ruiz told the Valley Times: "We have counted nine dead", adding that '
          'thirty houses were damaged.'],
         [("Ana Ruiz", "quote", "We have counted nine dead"),
          ("Ana Ruiz", "paraphrase", "thirty houses were damaged")]),
        # Negative: a participle that is an act, not words, adds no statement.
        (['"We are ready," Governor Ana Ruiz said, leaving the town hall at noon.'],
         [("Ana Ruiz", "quote", "We are ready")]),
    ],
    ids=["adding-after-quote-with-inner-quote", "told-colon-quote-then-adding",
         "other-participle-after-quote"],
)
def test_participle_after_a_quote(corpus: Callable[..., Path], paragraphs: list[str],
                                  expected: list[Said]) -> None:
    """'"...," X said, adding that ...': the added words are X's, read after the quote X is given."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A verb-first speaker's appositive may run on with a prepositional tail.
        (["Five people died in the flood, said Ivo Mares, a doctor at a clinic in the valley town."],
         [("Ivo Mares", "paraphrase", "Five people died in the flood")]),
        # ... or with a relative clause about the speaker.
        (["Five people died in the flood, said Ivo Mares, 35, a farmer who lives near the dam."],
         [("Ivo Mares", "paraphrase", "Five people died in the flood")]),
        # 'said her lawyer, X': a possessive description with a name; a participle after it ends the speaker.
        (['"The charge is false," said her lawyer, Ivo Mares, noting that he spoke for himself.'],
         [("Ivo Mares", "quote", "The charge is false"),
          ("Ivo Mares", "paraphrase", "he spoke for himself")]),
        # Negative: a possessive description with no name or title is no speaker found after the verb.
        (['"The charge is false," said her cousin.'], []),
    ],
    ids=["verb-first-appositive-tail", "verb-first-relative-about-speaker", "said-possessive-name-noting",
         "said-possessive-without-name"],
)
def test_verb_first_speaker_descriptions(corpus: Callable[..., Path], paragraphs: list[str],
                                         expected: list[Said]) -> None:
    """'..., said X, a doctor at a clinic in Y.': what follows a verb-first speaker may only describe them."""
    assert said(corpus, *paragraphs) == expected


def test_possessive_object_is_no_speaker(corpus: Callable[..., Path]) -> None:
    """'X has maintained his innocence': the possessive object after the verb names no speaker."""
    found = statements(corpus, "The inquiry lasted a year, and the mayor has maintained his innocence.")
    assert all(not s.speaker_text.startswith("his") for s in found)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Water Ministry's position is that it closed the gates in May, which the farmers dispute."],
         [("Water Ministry", "paraphrase", "it closed the gates in May")]),
        (["For those who farm, the Water Ministry's advice is to move the herds to higher ground."],
         [("Water Ministry", "paraphrase", "move the herds to higher ground")]),
        (["Her account differs from Governor Ana Ruiz’s assertion that the dam was inspected in May."],
         [("Ana Ruiz", "paraphrase", "the dam was inspected in May")]),
        # Negative: a noun of speech heading a longer clause is not cut into words said.
        (["Ana Ruiz's claim that the gates were open was false, said Ivo Mares."],
         [("Ivo Mares", "paraphrase", "Ana Ruiz's claim that the gates were open was false")]),
        # Negative: after a possessive, 'claims' is a noun, not a verb.
        (["The Water Ministry's claims were rejected by the court on Monday."], []),
        (["The governor's view of the valley is wide."], []),
    ],
    ids=["position-is-that", "advice-is-to", "assertion-that", "claim-heading-a-clause",
         "possessive-then-noun", "view-of-no-clause"],
)
def test_possessed_nouns_of_speech(corpus: Callable[..., Path], paragraphs: list[str],
                                   expected: list[Said]) -> None:
    """'X's position is that ...', 'X's assertion that ...': X holds the words, reported through a noun."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["However, the Water Ministry cautions that the gates only protect the lower valley."],
         [("Water Ministry", "paraphrase", "the gates only protect the lower valley")]),
        (["Governor Ana Ruiz promises they will see the water fall by Friday."],
         [("Ana Ruiz", "paraphrase", "they will see the water fall by Friday")]),
        (["The Water Ministry's engineers suggest that the gates be opened at night."],
         [(None, "paraphrase", "the gates be opened at night")]),
        (["Ivo Mares revealed to the Valley Times and the River Post that the gates had been left open."],
         [("Ivo Mares", "paraphrase", "the gates had been left open")]),
        (["Governor Ana Ruiz reiterated that the dam was safe."],
         [("Ana Ruiz", "paraphrase", "the dam was safe")]),
        # Negatives: a base form after 'to', a noun, a verb of finding with no clause.
        (["Ivo Mares plans to argue that the search was illegal."], []),
        (["The campaign promises were broken within a year."], []),
        (["The search revealed a pistol in the car."], []),
    ],
    ids=["cautions-that", "promises-they", "plural-suggest-that", "revealed-to-outlets-that", "reiterated",
         "to-argue-is-no-speech", "promises-noun", "revealed-object"],
)
def test_more_verb_forms(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    """Present and plural forms of speech verbs, and verbs of speech that need a clause after them."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Ivo Mares delivered a long speech arguing that the raid on the farm was illegal."],
         [("Ivo Mares", "paraphrase", "the raid on the farm was illegal")]),
        (["Later, the prosecutor, Ana Ruiz, delivered her opening statement, detailing that she will show "
          "a recording of the gates."],
         [("Ana Ruiz", "paraphrase", "she will show a recording of the gates")]),
        (["The River Brigade released a video statement on Monday on its channel, claiming the fighters in "
          "the valley are farmers."],
         [("River Brigade", "paraphrase", "the fighters in the valley are farmers")]),
        (["The River Brigade released a statement accusing the Water Ministry of lying about the gates."],
         [("River Brigade", "paraphrase", "accusing the Water Ministry of lying about the gates")]),
        # Negatives: a speech with no words reported; a participle of an act.
        (["Governor Ana Ruiz gave a speech on Monday."], []),
        (["Governor Ana Ruiz gave a speech on Monday, leaving the hall before the vote."], []),
    ],
    ids=["speech-arguing-that", "opening-statement-detailing", "video-statement-claiming",
         "statement-accusing-keeps-verb", "speech-alone", "speech-then-act"],
)
def test_speeches_and_statements_with_participles(corpus: Callable[..., Path], paragraphs: list[str],
                                                  expected: list[Said]) -> None:
    """'X delivered a speech arguing that ...': X speaks the words after the participle; the speech is
    the channel."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz later visited the town, saying that bins had been overturned in the square."],
         [("Ana Ruiz", "paraphrase", "bins had been overturned in the square")]),
        (["After the flood, the Water Ministry closed the road, saying it was unsafe for cars."],
         [("Water Ministry", "paraphrase", "it was unsafe for cars")]),
        (["The armed men of the River Brigade fired into the air, saying they wanted the dam."],
         [(None, "paraphrase", "they wanted the dam")]),
        # Negatives: a participle of an act; too few words after the participle; an aside before the verb.
        (["The storm hit the coast on Monday, killing five people."], []),
        (["Governor Ana Ruiz appeared in court, denying everything."], []),
        (["Governor Ana Ruiz, who lives nearby, visited the town, saying that the water was falling."], []),
    ],
    ids=["visited-saying-that", "closed-saying", "article-before-adjective", "act-participle",
         "participle-short-object", "aside-before-verb"],
)
def test_participle_after_an_act(corpus: Callable[..., Path], paragraphs: list[str],
                                 expected: list[Said]) -> None:
    """'X closed the road, saying it was unsafe': the participle takes the subject of the clause before."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Attackers could open the gates from afar, the Water Ministry said, and then flood the farms."],
         [("Water Ministry", "paraphrase", "Attackers could open the gates from afar")]),
        (["A guard was hurt when a stone hit him, spokesman Ivo Mares said, and a car window was broken."],
         [("Ivo Mares", "paraphrase", "A guard was hurt when a stone hit him")]),
        # Negative: 'X said A, and B' is no attribution set off inside the sentence.
        (["Ivo Mares said the dam held, and the governor agreed."],
         [("Ivo Mares", "paraphrase", "the dam held, and the governor agreed")]),
    ],
    ids=["mid-attribution-and-then", "mid-attribution-and-clause", "said-then-and"],
)
def test_attribution_inside_a_sentence(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    """'A, X said, and B.': X speaks A, the clause the attribution closes."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (['After he "waved his arms and kept walking to the gates,” officials say the guards stopped him.'],
         [(None, "paraphrase", "the guards stopped him")]),
        (["That happened last week, but today the Water Ministry announced it has opened the gates."],
         [("Water Ministry", "paraphrase", "it has opened the gates")]),
        # Negative: a time word before a subject that says nothing.
        (['The guards shouted "stop the car," and today the gates stayed shut.'], []),
    ],
    ids=["closing-mark-before-subject", "time-word-before-subject", "time-word-alone"],
)
def test_subject_edges(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    """A subject read past a quote's closing mark and past a time word before it ('but today the agency')."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected", "channel"),
    [
        (["The couple used the cash to take trips to the coast, the grand jury said in an indictment "
          "unsealed Tuesday."],
         [("Grand jury", "paraphrase", "The couple used the cash to take trips to the coast")],
         "in an indictment unsealed"),
        (["The River Court said in a ruling on Monday that the gates must stay open."],
         [("River Court", "paraphrase", "the gates must stay open")], "in a ruling"),
        # Negative: a document named in the words said is no channel.
        (["The Water Ministry said the report on the dam was late."],
         [("Water Ministry", "paraphrase", "the report on the dam was late")], None),
    ],
    ids=["indictment-unsealed", "in-a-ruling-that", "report-in-the-words"],
)
def test_documents_as_channels(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said],
                               channel: str | None) -> None:
    """'..., X said in an indictment unsealed Tuesday.': the document is the channel, not the words said."""
    assert said(corpus, *paragraphs) == expected
    assert statements(corpus, *paragraphs)[0].channel == channel


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Governor Ana Ruiz dismissed the claims of the farmers.",
         [("Ana Ruiz", "paraphrase", "the claims of the farmers")]),
        ("Governor Ana Ruiz dismissed the report as a fantasy.",
         [("Ana Ruiz", "paraphrase", "the report as a fantasy")]),
        ("Governor Ana Ruiz dismissed reports that the dam had failed.",
         [("Ana Ruiz", "paraphrase", "the dam had failed")]),
        # Negative: dismissing people is an act, not words.
        ("During the trial Governor Ana Ruiz dismissed her defense team.", []),
    ],
    ids=["dismissed-claims", "dismissed-as", "dismissed-reports-that", "dismissed-people"],
)
def test_dismissed_is_speech_only_of_what_is_said(corpus: Callable[..., Path], paragraph: str,
                                                  expected: list[Said]) -> None:
    """'X dismissed the claims' is a stance in words; 'X dismissed her lawyers' is not speech."""
    assert said(corpus, paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The charges ended an inquiry that lasted a year, during which Governor Ana Ruiz has maintained her "
         "innocence.",
         [("Ana Ruiz", "paraphrase", "maintained her innocence")]),
        ("The vote came after a week in which the Water Ministry said the dam was safe.",
         [("Water Ministry", "paraphrase", "the dam was safe")]),
        ("Governor Ana Ruiz maintained that the dam was safe.",
         [("Ana Ruiz", "paraphrase", "the dam was safe")]),
        # Negative: keeping something up is not speech.
        ("Governor Ana Ruiz maintained the road for years.", []),
    ],
    ids=["during-which-maintained-innocence", "in-which-said", "maintained-that", "maintained-a-road"],
)
def test_relative_clauses_and_maintained(corpus: Callable[..., Path], paragraph: str,
                                         expected: list[Said]) -> None:
    """A subject after 'during which' starts a clause; 'maintained' is speech with a clause or a stance."""
    assert said(corpus, paragraph) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'X told Y "...," and stated that ...': X goes on in the joined clause.
        (['A Water Ministry spokesman told the Valley Times "we broke no rule," and stated the agency had a '
          'letter confirming the gates were shut.'],
         [("Water Ministry", "quote", "we broke no rule"),
          ("Water Ministry", "paraphrase", "the agency had a letter confirming the gates were shut")]),
        # A clause before the one holding the quote has its own speaker.
        (["Governor Ana Ruiz had blamed her deputy for it all, and in May she feigned surprise, saying: "
          "“No, I know the rules.”"],
         [("Ana Ruiz", "paraphrase", "her deputy for it all"),
          ("Ana Ruiz", "quote", "No, I know the rules.")]),
        # A clause after a semicolon, with its own attribution.
        (["“Our focus now is the funeral,” said Ivo Mares, a pastor who helps the family; a date had yet "
          "to be set, he said."],
         [("Ivo Mares", "quote", "Our focus now is the funeral"),
          ("Ivo Mares", "paraphrase", "a date had yet to be set")]),
        # Negative: a joined clause with no speech in it adds nothing.
        (['"The dam held," Governor Ana Ruiz said, and the water fell by a metre overnight.'],
         [("Ana Ruiz", "quote", "The dam held")]),
    ],
    ids=["quote-and-stated", "clause-before-quote", "clause-after-semicolon", "joined-clause-no-speech"],
)
def test_reported_speech_beside_quotes(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    """A sentence that holds an attributed quote may report other words in its other clauses."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz said the water rose fast.",
          "“I said, ‘Oh no! What is going on here?’” she continued."],
         [("Ana Ruiz", "paraphrase", "the water rose fast"),
          ("Ana Ruiz", "quote", "I said, ‘Oh no! What is going on here?’")]),
        (['"Ana made great strides this year," the letter read.'],
         [(None, "quote", "Ana made great strides this year")]),
        (['Governor Ana Ruiz said: "We are ready," and said no more.'],
         [("Ana Ruiz", "quote", "We are ready")]),
        # Negatives: 'read' and 'asked' before a quote are no attribution of it.
        (['Ivo Mares read "War and Peace" on the train.'], []),
    ],
    ids=["quote-she-continued", "quote-the-letter-read", "quote-and-said-no-more", "read-a-title"],
)
def test_verbs_that_attribute_only_after_a_quote(corpus: Callable[..., Path], paragraphs: list[str],
                                                 expected: list[Said]) -> None:
    """'"...," she continued', '"...," the letter read': verbs of how words came, after the quote only."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz said a guard yelled, “What do you have in your hands?” but a source said the "
          "engineer was too far away to see."],
         [("Ana Ruiz", "paraphrase", "a guard yelled, “What do you have in your hands?”"),
          (None, "paraphrase", "the engineer was too far away to see")]),
        (["A police source said the driver had pulled a gun — and a loaded pistol was found at the scene."],
         [(None, "paraphrase", "the driver had pulled a gun")]),
        # Negative: '— and that ...' goes on with the words said.
        (["The Water Ministry said the gates failed — and that the town flooded."],
         [("Water Ministry", "paraphrase", "the gates failed — and that the town flooded")]),
    ],
    ids=["quote-then-but-second-speaker", "dash-and-reporters-fact", "dash-and-that-goes-on"],
)
def test_turns_after_quotes_and_dashes(corpus: Callable[..., Path], paragraphs: list[str],
                                       expected: list[Said]) -> None:
    """A second speaker after a closing quote and 'but'; a dash and 'and' turning to the reporter's facts."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Water Ministry reports that the dam held."],
         [("Water Ministry", "paraphrase", "the dam held")]),
        # Negatives: 'reports' as a noun after an adjective or a verb.
        (["Media reports that the dam failed were wrong."], []),
        (["However, the Water Ministry recently received reports that the gates were open."], []),
        (["Reports of looting spread quickly."], []),
    ],
    ids=["body-reports-that", "media-reports-noun", "received-reports-noun", "reports-of"],
)
def test_reports_as_a_verb(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    """'The agency reports that ...' is the agency's words; 'media reports that ...' is a noun."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Tension grew because the driver’s family contests police allegations that he was armed."],
         [(None, "paraphrase", "he was armed")]),
        (["The Water Ministry contested the claims of the farmers."],
         [("Water Ministry", "paraphrase", "the claims of the farmers")]),
        # A noun ending in -ly is no adverb before the verb: the family speaks, not 'The'.
        (["The family of the driver said the dam held."], [(None, "paraphrase", "the dam held")]),
        # Negative: contesting a seat is running for it.
        (["Governor Ana Ruiz contested the seat in 2019."], []),
    ],
    ids=["family-contests-allegations-that", "contested-the-claims", "family-is-no-adverb",
         "contested-a-seat"],
)
def test_contests_and_nouns_in_ly(corpus: Callable[..., Path], paragraphs: list[str],
                                  expected: list[Said]) -> None:
    """'X contests the allegations that ...' disputes words said; 'family' is a noun, not an adverb."""
    assert said(corpus, *paragraphs) == expected
    assert all(s.speaker_text != "The" for s in statements(corpus, *paragraphs))


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["According to former River Court judge and current Water Ministry counsel Ana Ruiz, the move came "
          "because an app pulled in data."],
         [("Ana Ruiz", "paraphrase", "the move came because an app pulled in data")]),
        (["Hackers pay large sums for flaws in the software, according to security experts who track that "
          "market."],
         [(None, "paraphrase", "Hackers pay large sums for flaws in the software")]),
        # Negative: lower-case words with no name and no people behind them name no speaker.
        (["According to recent figures, the dam holds ten million cubic metres."], []),
        (["The dam holds ten million cubic metres, according to recent figures."], []),
    ],
    ids=["according-to-roles-then-name", "according-to-modified-collective", "according-to-figures",
         "figures-according-to"],
)
def test_according_to_roles_and_collectives(corpus: Callable[..., Path], paragraphs: list[str],
                                            expected: list[Said]) -> None:
    """'According to former X and current Y Ana Ruiz, ...', '..., according to security experts who ...'."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Update: As several readers have noted in the comments, this fix is for the older gates only."],
         [(None, "paraphrase", "this fix is for the older gates only")]),
        (["As Governor Ana Ruiz said on Monday, the dam will hold."],
         [("Ana Ruiz", "paraphrase", "the dam will hold")]),
        # A fronted 'As' clause of time is no part of the subject.
        (["As the water rose, Governor Ana Ruiz said the dam would hold."],
         [("Ana Ruiz", "paraphrase", "the dam would hold")]),
        # Negative: 'As X said A, B': the words are not plain to read.
        (["As Governor Ana Ruiz said the dam would hold, the water rose."], []),
        (["The water rose. As Governor Ana Ruiz said on Monday, the dam will hold."],
         [("Ana Ruiz", "paraphrase", "the dam will hold")]),
    ],
    ids=["as-readers-noted", "as-x-said", "as-clause-of-time", "as-x-said-a-then-b",
         "as-x-said-mid-paragraph"],
)
def test_as_x_said(corpus: Callable[..., Path], paragraphs: list[str], expected: list[Said]) -> None:
    """'As X noted in Y, <clause>': X speaks the clause after the comma."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["However, witnesses to the crash say that the account of the agency is wrong."],
         [(None, "paraphrase", "the account of the agency is wrong")]),
        (["Some said the dam held; others said they had heard it break."],
         [(None, "paraphrase", "the dam held"), (None, "paraphrase", "they had heard it break")]),
        (["By Monday evening, current and former employees briefed on the matter told the Valley Times that "
          "the director was stepping down."],
         [(None, "paraphrase", "the director was stepping down")]),
        (["The River Brigade blew up the bridge.",
          "For the attack on the dam, members of the River Brigade claimed responsibility."],
         [("River Brigade", "paraphrase",
           "For the attack on the dam, members of the River Brigade claimed responsibility")]),
        # Negatives: a possessive before the plural; a plural that is an object.
        (["He stomped on it, while his friends behind him identified themselves as guards."], []),
        (["The mayor thanked the rescuers in the square."], []),
    ],
    ids=["witnesses-to-say-that", "some-others", "current-and-former-employees", "members-of-group",
         "possessive-plural", "plural-object"],
)
def test_bare_plural_subjects(corpus: Callable[..., Path], paragraphs: list[str],
                              expected: list[Said]) -> None:
    """A subject with no article whose head is a plural of people speaks: 'witnesses to the crash say ...'."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Governor Ana Ruiz said the court was unfair.",
          'At one point she mumbled, "I am at rest," and said no more.'],
         [("Ana Ruiz", "paraphrase", "the court was unfair"), ("Ana Ruiz", "quote", "I am at rest")]),
        (['Ivo Mares shouted: "Open the gates now!"'], [("Ivo Mares", "quote", "Open the gates now!")]),
        # Negative: 'read' before a title is no speech.
        (['Ivo Mares read "War and Peace" on the train.'], []),
    ],
    ids=["mumbled-quote-and-said-no-more", "shouted-colon-quote", "read-a-title-before"],
)
def test_verbs_of_how_before_a_quote(corpus: Callable[..., Path], paragraphs: list[str],
                                     expected: list[Said]) -> None:
    """'X mumbled, "..."', 'X shouted: "..."': verbs of how words came introduce a quote too."""
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Harbor Finance Ministry runs the budget.",
          "The Harbor Finance Ministry put the figure at about 25 million marks."],
         [("Harbor Finance Ministry", "paraphrase", "the figure at about 25 million marks")]),
        (["The Harbor Finance Ministry runs the budget.",
          "The Harbor Finance Ministry puts the death toll at 40."],
         [("Harbor Finance Ministry", "paraphrase", "the death toll at 40")]),
        # Negative: putting a thing somewhere says nothing.
        (["Governor Ana Ruiz put the book at the door."], []),
    ],
    ids=["put-the-figure-at", "puts-the-toll-at", "put-a-thing-somewhere"],
)
def test_an_estimate_put_at_a_figure_is_a_statement(corpus: Callable[..., Path], paragraphs: list[str],
                                                    expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["The Harbor Transport Ministry ran the ballot.",
          "By the Harbor Transport Ministry's count, turnout was 47 percent."],
         [("Harbor Transport Ministry", "paraphrase", "turnout was 47 percent")]),
        (["The Harbor Transport Ministry ran the ballot.",
          "According to the Harbor Transport Ministry's tally, turnout was 48 percent."],
         [("Harbor Transport Ministry", "paraphrase", "turnout was 48 percent")]),
        # Negative: 'by' that names no count, and a count set inside a sentence, are read no further.
        (["By train, the trip to the dam takes four hours."], []),
        (["The Harbor Transport Ministry ran the ballot.",
          "Turnout fell, by the Harbor Transport Ministry's estimate, to 40 percent."], []),
    ],
    ids=["by-its-count", "according-to-its-tally", "by-train", "by-inside-a-sentence"],
)
def test_a_count_or_estimate_speaks_for_its_body(corpus: Callable[..., Path], paragraphs: list[str],
                                                 expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A quote paragraph, then a paragraph that only says who said it and when: one statement.
        (["Councilman Tom Varga arrived at nine.", "“The mayor should be down here. Right now!”",
          "Varga, a critic of the police, said before the mayor arrived.", "“They never listen.”"],
         [("Tom Varga", "quote", "The mayor should be down here. Right now!"),
          ("Tom Varga", "quote", "They never listen.")]),
        # Negative: a next paragraph that says something of its own is its own statement.
        (["Councilman Tom Varga arrived at nine.", "“The mayor should be down here. Right now!”",
          "Varga said the mayor was away."],
         [(None, "quote", "The mayor should be down here. Right now!"),
          ("Tom Varga", "paraphrase", "the mayor was away")]),
    ],
    ids=["attribution-in-next-paragraph", "next-paragraph-says-more"],
)
def test_attribution_split_from_its_quote(corpus: Callable[..., Path], paragraphs: list[str],
                                          expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A description that adds a generic word ('military', 'department') to a body's name words.
        (["The Intelligence Board of Norway runs agents abroad.",
          "Norwegian military intelligence said the fighters had left."],
         [("Intelligence Board of Norway", "paraphrase", "the fighters had left")]),
        # Negative: without the generic word, one specific word is too little to name a body.
        (["The Intelligence Board of Norway runs agents abroad.",
          "The military department said the fighters had left."],
         [(None, "paraphrase", "the fighters had left")]),
    ],
    ids=["generic-word-left-out", "too-little-left"],
)
def test_descriptions_with_generic_words(corpus: Callable[..., Path], paragraphs: list[str],
                                         expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # An irregular adjective of a country ('British', 'Dutch') before 'officials' is its government.
        (["British officials said the talks would resume."],
         [("Government of United Kingdom", "paraphrase", "the talks would resume")]),
        (["Dutch officials said the talks would resume."],
         [("Government of Netherlands", "paraphrase", "the talks would resume")]),
        # Negative: a bare adjective of a country is no government, nor is a firm described by one.
        (["Australian mining firm Korvel Resources said it was worth more."],
         [("Korvel Resources", "paraphrase", "it was worth more")]),
    ],
    ids=["british-officials", "dutch-officials", "firm-with-a-country-adjective"],
)
def test_irregular_country_adjectives(corpus: Callable[..., Path], paragraphs: list[str],
                                      expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 'the prime minister' is not the deputy prime minister; 'the deputy prime minister' is.
        (["Deputy Prime Minister Tom Varga met workers.",
          "The prime minister said the plant would stay open."],
         [(None, "paraphrase", "the plant would stay open")]),
        (["Deputy Prime Minister Tom Varga met workers.",
          "The deputy prime minister said the plant would close."],
         [("Tom Varga", "paraphrase", "the plant would close")]),
        # A modifier that says which office: 'the foreign minister' is not the defence minister.
        (["Defence Minister Tom Varga met workers.", "The foreign minister said the plant would close."],
         [(None, "paraphrase", "the plant would close")]),
        # 'what X said' gives no words of X's unless a copula does.
        (["Mayor Tomas Brandt spoke.", "I agree with what Mr Brandt has said - if we act, we win."], []),
        (["Mayor Tomas Brandt spoke.", "Police played a tape of what Brandt said was a bribe."],
         [("Tomas Brandt", "paraphrase", "was a bribe")]),
        # 'they' after a joint statement, with others named since: no one for sure.
        (["The Valley Party and the Coast Party say the sums do not add up.",
          "Critics say Mayor Tomas Brandt and Ivo Mares took too long. Now they have promised a figure."],
         [("Valley Party", "paraphrase", "the sums do not add up"),
          ("Coast Party", "paraphrase", "the sums do not add up"),
          (None, "paraphrase", "Mayor Tomas Brandt and Ivo Mares took too long"),
          (None, "paraphrase", "Now they have promised a figure")]),
    ],
    ids=["prime-minister-is-not-the-deputy", "deputy-prime-minister", "other-ministry", "what-x-said",
         "what-x-said-was", "they-after-a-joint-statement"],
)
def test_offices_free_relatives_and_joint_pronouns(corpus: Callable[..., Path], paragraphs: list[str],
                                                   expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected


def test_the_spokesperson_of_one_article_is_not_another_articles(corpus: Callable[..., Path]) -> None:
    first = "Fryers recalled\n\nHidra Corp spokesman Tom Vell said the fryers were safe.\n"
    second = "Airline fires attendant\n\nThe spokesperson said the rules were clear.\n"
    site, problems = assemble(corpus({"a.txt": first, "b.txt": second}))
    assert site is not None, problems
    assert [(s.citation.source, s.speaker) for s in site.statements] == [("a", "tom-vell"), ("b", None)]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A person of a country ('the New Zealander', 'the Briton') is no government.
        (["Film director Tom Varga spoke in Auckland.", '"It will take years," said the New Zealander.'],
         [(None, "quote", "It will take years")]),
        (['"It will take years," the Briton said.'], [(None, "quote", "It will take years")]),
        # With no statement before, 'he' is the one person the sentence just before names.
        (["Ann Lee and Ivo Mares came first. The loudest cheer was for Tom Varga, who signed autographs. "
          'He said the welcome was "very loud."'],
         [("Tom Varga", "paraphrase", 'the welcome was "very loud."')]),
        # Negative: two people in the sentence just before: the existing rules decide (the last opener).
        (["Ann Lee spoke first. The cheer was for Tom Varga and Ivo Mares. "
          'She said the welcome was "very loud."'],
         [("Ann Lee", "paraphrase", 'the welcome was "very loud."')]),
    ],
    ids=["new-zealander", "briton", "only-person-of-last-sentence", "two-people-in-last-sentence"],
)
def test_nationals_and_the_sentence_before(corpus: Callable[..., Path], paragraphs: list[str],
                                           expected: list[Said]) -> None:
    assert said(corpus, *paragraphs) == expected
