"""Resolution: one parametrized case per merge rule and per typing cue, plus look-alikes kept apart."""

from __future__ import annotations

import pytest

from generator.editorial import Editorial, EditorialEntity
from generator.models import Article, Entity, Paragraph, SourceMeta
from generator.resolve import find_sightings, resolve_entities
from generator.spelling import normal_key, translit_key


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
        ([["The Freedom of Sela Brigade said it held the bridge."],
          ["The Brigade of Free Sela said it held the bridge."],
          ["The Liberty of Sela Brigade posted a video."]],
         {"Freedom of Sela Brigade", "Brigade of Free Sela", "Liberty of Sela Brigade"}),
        ([["Governor Mirela Danhoff said the dam held.", "Danhoff said more rain was coming."]],
         {"Mirela Danhoff", "Danhoff"}),
        ([["The Freedom of Sela Brigade said it held the bridge.", "The Brigade said it would stay."]],
         {"Freedom of Sela Brigade", "Brigade"}),
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
        ([["Troops reached the village of Dravlovka.", "Troops reached the village of Dravinka."]],
         ("Dravlovka", "Dravinka")),
        ([["The Ministry of Defence said so.", "The Ministry of Health said so too."]],
         ("Ministry of Defence", "Ministry of Health")),
        ([["Governor Mirela Danhoff spoke.", "Governor Ilsa Danhoff spoke too.", "Danhoff left."]],
         ("Mirela Danhoff", "Ilsa Danhoff")),
        ([["The Sela Valley Defence Front said so.", "The Sela Valley Water Board said so."]],
         ("Sela Valley Defence Front", "Sela Valley Water Board")),
        ([["Fighting spread in Velmoron.", "The Velmoronsk district was shelled in Velmoron."]],
         ("Velmoron", "Velmoronsk")),
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
    [("Zhelevets", "zelevez"), ("Zelevetz", "zelevez"), ("Tarayvel", "taraivel"),
     ("Taraivel", "taraivel"), ("Oleksiy", "oleksi"), ("Aleksey", "aleksei")],
)
def test_resolve_translit_key(word: str, key: str) -> None:
    assert translit_key(word) == key


def test_resolve_normal_key_folds_case_script_hyphens_and_article() -> None:
    assert normal_key("The Gora-Podol") == normal_key("gora podol") == "gora podol"


def resolve_curated(editorial: Editorial, *sources: list[str]) -> tuple[tuple[Entity, ...], list[str]]:
    articles = [
        Article(f"s{i}", f"s{i}", f"s{i}.txt", "T",
                tuple(Paragraph(f"p{j}", t, "text", j) for j, t in enumerate(texts, start=1)), (),
                SourceMeta())
        for i, texts in enumerate(sources)
    ]
    entities, problems = resolve_entities(find_sightings(articles), editorial)
    return entities, [str(p) for p in problems]


def curated(name: str, aliases: tuple[str, ...] = (), apart: tuple[str, ...] = (),
            line: int = 2) -> EditorialEntity:
    return EditorialEntity(name, aliases, None, None, None, None, line,
                           tuple((n, line + 1) for n in apart))


@pytest.mark.parametrize(
    ("sources", "keep", "apart"),
    [
        ([["Governor Mirela Danhoff said the dam held.", "Governor Danhoff said more rain was coming."]],
         "Mirela Danhoff", "Danhoff"),
        ([["The Sela Valley Defence Front (SVDF) denied it."], ["The SVDF said it was not there."]],
         "Sela Valley Defence Front", "SVDF"),
        ([["Floods rose in Zhelevets."], ["Water rose in Zelevetz overnight."]], "Zhelevets", "Zelevetz"),
        ([["The Freedom of Sela Brigade said it held the bridge.", "The Brigade said it would stay."]],
         "Freedom of Sela Brigade", "Brigade"),
        ([["The Freedom of Sela Brigade said it held the bridge."],
          ["The Brigade of Free Sela said it held the bridge."]],
         "Freedom of Sela Brigade", "Brigade of Free Sela"),
        ([["Floods rose in Zhelevets."], ["Water rose in Zelevetz overnight."], ["Rain fell in Zhelevetz."]],
         "Zhelevets", "Zelevetz"),
    ],
    ids=["surname", "acronym-in-brackets", "transliteration", "head-noun-short-form", "synonym-translations",
         "transitive"],
)
def test_resolve_split_wins_over_every_merge_rule(sources: list[list[str]], keep: str, apart: str) -> None:
    editorial = Editorial("editorial.yml", (curated(keep, apart=(apart,)),))
    entities, problems = resolve_curated(editorial, *sources)
    assert problems == []
    assert apart not in group_of(entities, keep)
    assert keep not in group_of(entities, apart)


def test_resolve_split_of_an_unknown_name_is_an_error_with_a_suggestion() -> None:
    editorial = Editorial("editorial.yml", (curated("Zhelevets", apart=("Zelevez",)),))
    _, problems = resolve_curated(editorial, ["Floods hit Zhelevets.", "Water rose in Zelevetz."])
    assert problems == ["editorial.yml:3: error: no source names 'Zelevez' (did you mean 'Zelevetz'?)"]


def test_resolve_alias_that_a_split_forbids_is_an_error() -> None:
    editorial = Editorial("editorial.yml", (curated("Mirela Danhoff", apart=("Danhoff",)),
                                            curated("Danhoff", aliases=("Mirela Danhoff",), line=5)))
    entities, problems = resolve_curated(editorial,
                                         ["Governor Mirela Danhoff said so.", "Governor Danhoff left."])
    assert len(problems) == 1
    assert problems[0].startswith("editorial.yml:5: error: 'Mirela Danhoff' cannot join 'Danhoff'")
    assert "Danhoff" not in group_of(entities, "Mirela Danhoff")


@pytest.mark.parametrize(
    ("sources", "name", "role"),
    [
        ([["Teskany provincial governor Mirela Danhoff said the dam held.",
           "Mirela Danhoff, the governor of Teskany's Sela province, said so.",
           "Governor Mirela Danhoff left."]],
         "Mirela Danhoff", "governor of Teskany's Sela province"),
        ([["Oren Malek, a spokesperson for the Sela Valley Defence Front, said so."],
          ["Front representative Oren Malek said it again."]],
         "Oren Malek", "spokesperson for the Sela Valley Defence Front"),
        ([["Ilan Petrosk, an exiled Teskany politician who lives abroad, said so.", "Ilan Petrosk left."]],
         "Ilan Petrosk", "exiled Teskany politician"),
        ([["“We held,” wrote Arvid Solen, the adviser.", "Arvid Solen left."]], "Arvid Solen", "adviser"),
        ([["Katya Dren, a schoolteacher, said so.", "Katya Dren left."]], "Katya Dren", None),
        ([["Floods rose in Lisk, the governor of the province said.", "Rain fell in Lisk."]], "Lisk", None),
    ],
    ids=["most-informative", "first-of-equals", "who-clause", "bare-noun", "no-role-noun",
         "places-have-none"],
)
def test_resolve_role_from_the_text(sources: list[list[str]], name: str, role: str | None) -> None:
    (entity,) = [e for e in resolve(*sources) if e.name == name]
    assert entity.role == role
