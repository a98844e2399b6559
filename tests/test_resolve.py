"""Resolution: one parametrized case per merge rule and per typing cue, plus look-alikes kept apart."""

from __future__ import annotations

import pytest

from generator.models import Article, Entity, Paragraph, SourceMeta
from generator.resolve import find_sightings, normal_key, resolve_entities, translit_key


def resolve(*sources: list[str]) -> tuple[Entity, ...]:
    articles = [
        Article(f"s{i}", f"s{i}", f"s{i}.txt", "T",
                tuple(Paragraph(f"p{j}", t, "text", j) for j, t in enumerate(texts, start=1)), (),
                SourceMeta())
        for i, texts in enumerate(sources)
    ]
    entities, problems = resolve_entities(find_sightings(articles))
    assert problems == []
    return entities


def group_of(entities: tuple[Entity, ...], form: str) -> set[str]:
    for e in entities:
        if form == e.name or form in e.aliases:
            return {e.name, *e.aliases}
    raise AssertionError(f"{form} not found in {[e.name for e in entities]}")


@pytest.mark.parametrize(
    ("sources", "together"),
    [
        ([["Floods hit Zhelevets on Monday."], ["Water rose in Zelevetz overnight."]],
         {"Zhelevets", "Zelevetz"}),
        ([["The Sela Valley Defence Front (SVDF) denied it."], ["The SVDF said it was not there."]],
         {"Sela Valley Defence Front", "SVDF"}),
        ([["The Korvash Water Authority said the dam held."], ["Engineers at KWA disagreed."]],
         {"Korvash Water Authority", "KWA"}),
        ([["The Freedom of Sela Legion said it held the bridge."],
          ["The Legion of Free Sela said it held the bridge."],
          ["The Liberty of Sela Legion posted a video."]],
         {"Freedom of Sela Legion", "Legion of Free Sela", "Liberty of Sela Legion"}),
        ([["Governor Mirela Danhoff said the dam held.", "Danhoff said more rain was coming."]],
         {"Mirela Danhoff", "Danhoff"}),
        ([["The Freedom of Sela Legion said it held the bridge.", "The Legion said it would stay."]],
         {"Freedom of Sela Legion", "Legion"}),
        ([["Troops entered Moldova on Monday.", "The Moldovan Republic said troops entered Moldova."]],
         {"Moldova", "Moldovan Republic"}),
        ([["The Water Inspection Directorate said so.",
           "The Water Inspection Directorate of the Ministry of Works agreed."]],
         {"Water Inspection Directorate", "Water Inspection Directorate of the Ministry of Works"}),
        ([["ARDENY – Officials met.", "Crowds gathered in Ardeny on Monday."]], {"Ardeny", "ARDENY"}),
    ],
    ids=["transliteration", "acronym-in-brackets", "acronym-initials", "synonym-translations",
         "surname", "head-noun-short-form", "state-name", "of-prefix", "dateline-case"],
)
def test_resolve_merges_spellings_of_one_thing(sources: list[list[str]], together: set[str]) -> None:
    entities = resolve(*sources)
    assert group_of(entities, next(iter(together))) >= together


@pytest.mark.parametrize(
    ("sources", "apart"),
    [
        ([["Troops reached the village of Kozlovka.", "Troops reached the village of Kozinka."]],
         ("Kozlovka", "Kozinka")),
        ([["The Ministry of Defence said so.", "The Ministry of Health said so too."]],
         ("Ministry of Defence", "Ministry of Health")),
        ([["Governor Mirela Danhoff spoke.", "Governor Ilsa Danhoff spoke too.", "Danhoff left."]],
         ("Mirela Danhoff", "Ilsa Danhoff")),
        ([["The Sela Valley Defence Front said so.", "The Sela Valley Water Board said so."]],
         ("Sela Valley Defence Front", "Sela Valley Water Board")),
        ([["Fighting spread in Graivoron.", "The Graivoronsk district was shelled in Graivoron."]],
         ("Graivoron", "Graivoronsk")),
    ],
    ids=["similar-villages", "same-head-other-complement", "two-people-one-surname",
         "shared-prefix", "town-vs-derived-name"],
)
def test_resolve_keeps_look_alikes_apart(sources: list[list[str]], apart: tuple[str, str]) -> None:
    entities = resolve(*sources)
    first = group_of(entities, apart[0])
    assert apart[1] not in first


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Governor Mirela Danhoff said so.", "Mirela Danhoff", "person"),
        ("The provincial spokesman Oren Malek said so.", "Oren Malek", "person"),
        ("The Sela Valley Defence Front said so.", "Sela Valley Defence Front", "group"),
        ("The Ministry of Water and Public Works said so.", "Ministry of Water and Public Works", "group"),
        ("Water reached the village of Brenovo.", "Brenovo", "place"),
        ("Fighting broke out in Lisk on Monday.", "Lisk", "place"),
        ("The town lies just north of Ardeny.", "Ardeny", "place"),
        ("It hit two villages – Brenovo and Kozlovka – overnight.", "Kozlovka", "place"),
        ("ARDENY – Officials met on Monday.", "ARDENY", "place"),
        ("Troops crossed into the Moldovan Republic.", "Moldovan Republic", "place"),
        ("Late on Monday the Citadel said the talks would go on.", "Citadel", "group"),
    ],
)
def test_resolve_types_entities_from_context(text: str, name: str, kind: str) -> None:
    entities = resolve([text, text])
    (entity,) = [e for e in entities if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize("text", ["The video was posted on Telegram and Twitter.",
                                  "Reuters reported the attack, citing CNN."])
def test_resolve_platforms_and_outlets_are_not_actors(text: str) -> None:
    assert resolve([text, text]) == ()


@pytest.mark.parametrize(
    ("word", "key"),
    [("Zhelevets", "zelevez"), ("Zelevetz", "zelevez"), ("Grayvoron", "graivoron"),
     ("Graivoron", "graivoron"), ("Andriy", "andri"), ("Andrey", "andrei")],
)
def test_resolve_translit_key(word: str, key: str) -> None:
    assert translit_key(word) == key


def test_resolve_normal_key_folds_case_script_hyphens_and_article() -> None:
    assert normal_key("The Gora-Podol") == normal_key("gora podol") == "gora podol"
