"""Resolution: one parametrized case per merge rule and per typing cue, plus look-alikes kept apart."""

from __future__ import annotations

import pytest

from generator.core.curation import Editorial, EditorialEntity
from generator.core.models import Article, Entity, Paragraph, SourceMeta
from generator.core.spelling import normal_key, translit_key
from generator.resolve.entities import find_sightings, resolve_entities


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
        ([["Crowds gathered on Lisk Avenue.", "Police closed Lisk Ave on Monday."]],
         {"Lisk Avenue", "Lisk Ave"}),
        ([["Korvat Inc said so."], ["Korvat said more."]], {"Korvat Inc", "Korvat"}),
        ([["The TS Seismic Survey said so."], ["The TSSS said more."]], {"TS Seismic Survey", "TSSS"}),
        ([["Officials said Mirela D. Danhoff was there."], ["Mirela Danhoff said more."]],
         {"Mirela D. Danhoff", "Mirela Danhoff"}),
        ([["The 16-year-old Grace Baker was hurt.", "Doctors said Grace was stable."]],
         {"Grace Baker", "Grace"}),
        ([["Police said Grace Baker, 16, was hurt.", "Police said Baker ran."],
          ["Police said Grace Baker, 16, was hurt."],
          ["Police said Grace Baker, 16, was hurt.", "Her mother Ilsa Baker spoke."]],
         {"Grace Baker", "Baker"}),
    ],
    ids=["transliteration", "acronym-in-brackets", "acronym-initials", "synonym-translations",
         "surname", "head-noun-short-form", "state-name", "of-prefix", "dateline-case", "street-abbreviation",
         "legal-form", "acronym-within-acronym", "middle-initial", "given-name",
         "surname-of-the-main-person"],
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
        ([["Police said Grace Baker, 16, was hurt.", "Police said Grace Orrow, 17, was hurt.",
           "Doctors said Grace was stable."]], ("Grace Baker", "Grace")),
        ([["Police said Grace Baker, 16, was hurt.", "Police said Baker ran."],
          ["Her mother Ilsa Baker spoke."]], ("Grace Baker", "Baker")),
    ],
    ids=["similar-villages", "same-head-other-complement", "two-people-one-surname",
         "shared-prefix", "town-vs-derived-name", "two-people-one-given-name",
         "shared-surname-no-main-person"],
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
        # A kinship in apposition names a person, though both words are common English.
        ("“It never ends,” said Frank Baker, Teodor’s father.", "Frank Baker", "person"),
        ("“It never ends,” said Lucky Star, her brother.", "Lucky Star", "person"),
        # 'Chamber' heads a body's name, as 'Council' does.
        ("The Harbor Chamber of Commerce said the port lost trade.", "Harbor Chamber of Commerce", "group"),
        # An occupation set off before a name, as a role is.
        ("His barber, Frank Baker, said the shop was shut.", "Frank Baker", "person"),
    ],
)
def test_resolve_types_entities_from_context(text: str, name: str, kind: str) -> None:
    entities = resolve([text, text])
    (entity,) = [e for e in entities if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("sources", "name", "kind"),
    [
        ([["Korvat said in a statement that it would appeal."]], "Korvat", "group"),
        ([["Shares of Korvat fell on Monday."]], "Korvat", "group"),
        ([["Korvat's chief executive resigned on Monday."]], "Korvat", "group"),
        ([["Velmor Dynamics, the company that built the dam, said nothing."]], "Velmor Dynamics", "group"),
        ([["Velmor Dynamics, a Lisk-based engineering firm, said nothing."]], "Velmor Dynamics", "group"),
        ([["The analytics firm Velmor Dynamics said nothing."]], "Velmor Dynamics", "group"),
        ([["Korvat Inc said nothing."]], "Korvat Inc", "group"),
        ([["Korvat AG said nothing."]], "Korvat AG", "group"),
        ([["The Sela Water Trust (SWT) said nothing."]], "Sela Water Trust", "group"),
        ([["Korvat said the dam held."], ["Korvat said repairs began."]], "Korvat", "group"),
        ([["Reports said Telegram's chief executive resigned.", "Investors said shares of Telegram fell."]],
         "Telegram", "group"),
        ([["The 16-year-old Grace Baker was hurt."]], "Grace Baker", "person"),
        ([["His wife, Grace Baker, said so."]], "Grace Baker", "person"),
        ([["Police said Grace Baker, 45, was hurt."]], "Grace Baker", "person"),
        ([["Ivo Marr, the deputy district chief of Lisk, said so."]], "Ivo Marr", "person"),
        ([["Data from the Velmor Analytics company was used."]], "Velmor Analytics", "group"),
        ([["Police said his attorney, Grace Baker, spoke."]], "Grace Baker", "person"),
        ([["A spokesman for the board, Grace Baker, said so."]], "Grace Baker", "person"),
        ([["Police said Mr. Baker spoke."]], "Baker", "person"),
        ([["Neighbours said Grace Baker says she saw it."]], "Grace Baker", "person"),
        ([["The quake struck at dawn, said the Teskany Seismic Survey."]], "Teskany Seismic Survey", "group"),
        ([["It was deep, according to the Teskany Seismic Survey."]], "Teskany Seismic Survey", "group"),
        ([["Crowds gathered on Church Avenue on Monday."]], "Church Avenue", "place"),
    ],
    ids=["said-in-a-statement", "shares-of", "chief-executive", "the-company-after", "a-firm-after",
         "firm-before", "legal-form-inc", "legal-form-ag", "bracketed-acronym", "speaks-in-two-sources",
         "platform-as-company", "age-before", "kin-before", "age-after", "role-not-place",
         "company-noun-after", "role-and-comma-before", "role-with-complement-before", "title-abbreviation",
         "says-she", "said-the-body", "according-to-the-body",
         "street-head-beats-group-word"],
)
def test_resolve_types_organisations_and_people_from_evidence(sources: list[list[str]], name: str,
                                                               kind: str) -> None:
    entities = resolve(*sources)
    (entity,) = [e for e in entities if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("sources", "name"),
    [
        ([["Korvat said the dam held.", "Korvat said repairs began."]], "Korvat"),
        ([["A flaw in Korvat 9 was found.", "Users of Korvat 9 were warned."]], "Korvat"),
        ([["The bug hit the Korvat (KB) web browser.", "Korvat browser users were warned."]], "Korvat"),
        ([["Followers call him Heaven's spokesman.", "He is Heaven's spokesman."]], "Heaven"),
        ([["It was filed, according to the Teskany Attorney's office."]], "Teskany Attorney"),
        ([["Dara Velk and Ilsa Velk were charged.", "Court papers said the Velks spent it."]], "Velks"),
        ([["The Lisk Herald said the dam held.", "The Lisk Herald said it twice."]], "Lisk Herald"),
        ([["A man said Gavrel Korvat and Korvat met.", "Korvat said so."], ["Korvat said more."]],
         "Korvat"),
    ],
    ids=["speaks-in-one-source-only", "version-number", "product-noun", "common-word-with-spokesman",
         "according-to-what-it-owns", "family-of-a-surname", "newspaper-name", "surname-of-a-longer-name"],
)
def test_resolve_no_organisation_without_evidence(sources: list[list[str]], name: str) -> None:
    assert not [e for e in resolve(*sources) if e.name == name and e.kind == "group"]


def test_resolve_a_list_of_numbers_is_no_age() -> None:
    entities = resolve(["It runs on Teskany XP, Korvat, 7, 8 and 10."])
    assert not [e for e in entities if e.name == "Korvat" and e.kind == "person"]


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
    assert normal_key("The Vela-Dolina") == normal_key("vela dolina") == "vela dolina"


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


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Officials said the Danhoff campaign paid for the ads.", "Danhoff campaign", "group"),
        ("A lawyer for the Danhoff family said so.", "Danhoff family", "group"),
        ("Officials said whistleblower Ivo Danhoff left.", "Ivo Danhoff", "person"),
        ("Officials said Paul Danhoff, water and flood analyst at Korvat, left.", "Paul Danhoff", "person"),
    ],
    ids=["campaign", "family", "whistleblower", "coordinated-role"],
)
def test_resolve_types_campaigns_families_and_people(text: str, name: str, kind: str) -> None:
    entities = resolve([text, text])
    (entity,) = [e for e in entities if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The Lisk Valley campaign began in May.", "Lisk Valley campaign"),
        ("The family of Ivo Danhoff said so.", "family"),
    ],
    ids=["two-word-name", "family-before-name"],
)
def test_resolve_no_campaign_without_a_one_word_name(text: str, absent: str) -> None:
    entities = resolve([text, text])
    assert all(absent not in (e.name, *e.aliases) for e in entities)


MAIN = "Governor Mirela Danhoff spoke."
RELATIVE = "Her sister, Ilsa Danhoff, 40, spoke too."
OTHER = "Governor Ilsa Danhoff spoke too."
ALONE = "Danhoff left."


@pytest.mark.parametrize(
    ("sources", "joined"),
    [
        ([[MAIN, RELATIVE, ALONE], [MAIN, RELATIVE, ALONE], [MAIN, ALONE], [MAIN, ALONE]], True),
        ([[MAIN, RELATIVE, ALONE], [MAIN, ALONE], [MAIN, ALONE], [OTHER, ALONE], [OTHER, ALONE]], False),
        ([[MAIN, RELATIVE, ALONE], [MAIN, RELATIVE, ALONE], [MAIN, RELATIVE, ALONE]], False),
    ],
    ids=["relative-named-only-beside-the-main-person", "other-named-on-their-own",
         "as-often-as-the-main-person"],
)
def test_resolve_surname_of_the_main_person_beside_a_relative(sources: list[list[str]], joined: bool) -> None:
    entities = resolve(*sources)
    assert ("Danhoff" in group_of(entities, "Mirela Danhoff")) == joined
    assert "Danhoff" not in group_of(entities, "Ilsa Danhoff")


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Residents of Brenat Kozar village said the mosque fell.", "Brenat Kozar", "place"),
        ("Officials in Brenat Kozar town said so.", "Brenat Kozar", "place"),
        ("Officials said Brenat Kozar villagers fled.", "Brenat Kozar", "person"),
        ("Officials said Brenat Kozar, 40, left town.", "Brenat Kozar", "person"),
    ],
    ids=["lower-case-village-after", "lower-case-town-after", "villagers-is-no-cue", "person-then-town"],
)
def test_resolve_lower_case_place_noun_after_a_name(text: str, name: str, kind: str) -> None:
    entities = resolve([text, text])
    (entity,) = [e for e in entities if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("forms", "together"),
    [
        (["12th Police Precinct", "12th Precinct"], True),
        (["Lisk Police Board", "Lisk Board"], True),
        (["Lisk Water Board", "Lisk Board"], False),
        (["Lisk Police Council Board", "Lisk Board"], False),
    ],
    ids=["inner-head-dropped", "inner-head-before-head", "inner-word-no-head", "two-inner-heads"],
)
def test_resolve_inner_head_noun_left_out(forms: list[str], together: bool) -> None:
    entities = resolve([f"Crowds marched to the {form} on Monday." for form in forms])
    assert (forms[1] in group_of(entities, forms[0])) == together


@pytest.mark.parametrize(
    ("forms", "acronym", "together"),
    [
        (["Department of Water"], "DOW", True),
        (["Department of Water Works"], "DWW", True),
        (["Department Water Office"], "DOW", False),
        (["Department of Water", "Division of Works"], "DOW", False),
    ],
    ids=["acronym-keeps-of", "acronym-skips-of", "no-of-in-name", "two-names-fit"],
)
def test_resolve_acronym_that_keeps_of(forms: list[str], acronym: str, together: bool) -> None:
    texts = [f"Officials at the {form} met on Monday." for form in forms]
    entities = resolve([*texts, f"Officials at the {acronym} met on Monday."])
    assert (acronym in group_of(entities, forms[0])) == together


@pytest.mark.parametrize(
    ("forms", "together"),
    [
        (["Teskara Island", "Teskara"], True),
        (["Teskara Islands", "Teskara"], False),
        (["North Teskara Island", "Teskara"], False),
    ],
    ids=["island-and-bare-name", "plural-islands", "longer-name"],
)
def test_resolve_island_with_and_without_the_noun(forms: list[str], together: bool) -> None:
    entities = resolve([f"The quake shook {form} on Monday, officials in Lisk said." for form in forms])
    assert (forms[1] in group_of(entities, forms[0])) == together


@pytest.mark.parametrize(
    ("sources", "together"),
    [
        ([["The LPD said so.", "Critics of the Police Department marched."]], {"LPD", "Police Department"}),
        ([["The LSFD said so.", "The LSFD met.", "The LSFD voted.", "Members of the LSDF left."]],
         {"LSFD", "LSDF"}),
        ([["The U.S. Lisk Survey said so."], ["The US Lisk Survey said more."]],
         {"U.S. Lisk Survey", "US Lisk Survey"}),
        ([["Rev. Ivo Marr said so.", "Officials said Marr was there."]], {"Ivo Marr", "Marr"}),
        ([["Police named an unarmed 23-year-old woman, Ana Davis, as the victim.",
           "Officials said Davis's sister spoke."]], {"Ana Davis", "Davis"}),
        ([["Mayor Ana de Lisko said so.", "Later de Lisko said more."]], {"Ana de Lisko", "de Lisko"}),
        ([["The quake hit central Lisk district.", "Aid reached Central Lisk district on Monday."]],
         {"central Lisk district", "Central Lisk district", "Central Lisk"}),
    ],
    ids=["generic-name-ends-one-acronym", "acronym-with-swapped-letters", "acronym-with-stops",
         "surname-of-a-titled-person", "surname-of-a-person-by-age", "surname-with-its-particle",
         "lower-case-compass-word"],
)
def test_resolve_merges_short_and_slipped_spellings(sources: list[list[str]], together: set[str]) -> None:
    assert group_of(resolve(*sources), next(iter(together))) >= together


@pytest.mark.parametrize(
    ("sources", "apart"),
    [
        ([["The LPD said so.", "The SPD said so.", "Critics of the Police Department marched."]],
         ("LPD", "Police Department")),
        ([["The LSB said so.", "Critics of the Police Department marched."]], ("LSB", "Police Department")),
        ([["The LSF said so.", "The LSF met.", "Members of the LFS left."]], ("LSF", "LFS")),
        ([["The LSFD said so.", "The LSDF said more."]], ("LSFD", "LSDF")),
    ],
    ids=["two-acronyms-end-alike", "no-acronym-ends-so", "three-letter-acronyms", "as-often-written"],
)
def test_resolve_keeps_short_and_slipped_look_alikes_apart(sources: list[list[str]],
                                                            apart: tuple[str, str]) -> None:
    assert apart[1] not in group_of(resolve(*sources), apart[0])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Most houses were in the Bel Lisko area of the district.", "Bel Lisko", "place"),
        ("Ana Marr, a manager in the Lisk Computing group, said so.", "Lisk Computing", "group"),
        ("Looters hit a Korvat drug store on Monday.", "Korvat", "place"),
        ("The Province of Teskany flooded on Monday.", "Province of Teskany", "place"),
        ("The Department of State said the talks would go on.", "Department of State", "group"),
        ("He was rushed to Lisk County Hospital on Monday.", "Lisk County Hospital", "place"),
    ],
    ids=["area-of", "unit-of-an-organisation", "store-of-a-chain", "head-before-of-is-a-place",
         "head-before-of-is-a-body", "hospital-is-a-place"],
)
def test_resolve_types_from_nouns_around_and_inside(text: str, name: str, kind: str) -> None:
    (entity,) = [e for e in resolve([text, text]) if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hunter told KLSK-10, a Lisk television station, he was sorry.", "KLSK-10"),
        ("Running the browser in Enhanced Lisk Configuration mode stops it.", "Enhanced Lisk Configuration"),
        ("Mail opens in the Restricted Lisk security zone by default.", "Restricted Lisk"),
    ],
    ids=["broadcaster", "software-mode", "software-zone"],
)
def test_resolve_outlets_and_settings_are_not_places(text: str, name: str) -> None:
    assert not [e for e in resolve([text, text]) if e.name == name and e.kind == "place"]


def test_resolve_normal_key_folds_acronym_stops() -> None:
    assert normal_key("U.S. Lisk Survey") == normal_key("US Lisk Survey") == "us lisk survey"
    assert normal_key("Tomas R. Ellery") == "tomas r. ellery"


@pytest.mark.parametrize(
    ("sources", "together"),
    [
        ([["The Free Church of the Lisk Sela Delta said so.", "The Free LSD Church said more."]],
         {"Free Church of the Lisk Sela Delta", "Free LSD Church"}),
        ([["The Harbour League for Renewal said so.", "The Harbour League said more."]],
         {"Harbour League for Renewal", "Harbour League"}),
        ([["Union leader Arvid Sandqvist said so.", "Officials said Sandkvist was there."]],
         {"Arvid Sandqvist", "Sandkvist"}),
        ([["Lisko Metrics said so.", "Regulators banned Lisko on Monday.",
           "A University of Lisko team spoke."]], {"Lisko Metrics", "Lisko"}),
    ],
    ids=["acronym-spelled-inside-a-longer-name", "name-before-for", "surname-transliterated",
         "first-word-also-ending-a-body-name"],
)
def test_resolve_merges_variant_names(sources: list[list[str]], together: set[str]) -> None:
    assert group_of(resolve(*sources), next(iter(together))) >= together


@pytest.mark.parametrize(
    ("sources", "apart"),
    [
        ([["The Free Church of the Lisk Sela Delta said so.", "The Church of the Lisk Sela Delta said so.",
           "The Free LSD Army said more."]], ("Free Church of the Lisk Sela Delta", "Free LSD Army")),
        ([["Officials said Ivo Kovsky left.", "Officials said Ana Kovskyi left.", "Kovsky said so."]],
         ("Ana Kovskyi", "Kovsky")),
    ],
    ids=["head-noun-outside-the-longer-name", "exact-surname-first"],
)
def test_resolve_keeps_variant_look_alikes_apart(sources: list[list[str]], apart: tuple[str, str]) -> None:
    assert apart[1] not in group_of(resolve(*sources), apart[0])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The Veskarian team left. Officials in Veskaria said so. Fans in Veskaria cheered.", "Veskaria",
         "place"),
        ("Ms Dorn's Harbour League and the smaller Blue Union issued a joint statement.", "Blue Union",
         "group"),
        ("Troops of the Soviet Union crossed the border.", "Soviet Union", "place"),
        ("Chief conciliator Ruth Calloway said in a brief statement that talks would go on.", "Ruth Calloway",
         "person"),
        ("Kestrel Railways spokesman Per Madsen said the trains would run.", "Kestrel Railways", "group"),
    ],
    ids=["adjective-of-people-makes-a-place", "union-without-national-adjective", "union-of-a-people",
         "role-before-a-name", "railways-head"],
)
def test_resolve_types_variant_cases(text: str, name: str, kind: str) -> None:
    (entity,) = [e for e in resolve([text, text]) if name in (e.name, *e.aliases)]
    assert entity.kind == kind


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # A known given name before a surname of ordinary words: a person.
        ("David Brown said the vote was close.", "David Brown", "person"),
        ("The count was slow, said Sarah Miller.", "Sarah Miller", "person"),
        # 'analysts at X' make X an organisation, though its name is a person's.
        ("Analysts at Raymond Pell said the shares fell.", "Raymond Pell", "group"),
    ],
    ids=["given-name-speaks", "given-name-after-verb", "analysts-at-a-firm"],
)
def test_resolve_given_names_make_people(text: str, name: str, kind: str) -> None:
    entities = resolve([text, text])
    assert next(e.kind for e in entities if e.name == name) == kind


def test_resolve_a_given_name_after_the_is_no_person() -> None:
    entities = resolve(["Visitors crowded the Rose Garden on Monday.", "The Rose Garden was shut."])
    assert all(e.kind != "person" for e in entities if e.name == "Rose Garden")


@pytest.mark.parametrize(
    ("sources", "together", "apart"),
    [
        # A middle name left out, and a usual short given name, name the same person.
        ([["Sarah Jane Baker said so.", "Sarah Baker said more."]],
         {"Sarah Jane Baker", "Sarah Baker"}, None),
        ([["His spokesman, Michael Tarrant, said so.", "Mike Tarrant said more."]],
         {"Michael Tarrant", "Mike Tarrant"}, None),
        # Negative: a short form shared by two full names, or unrelated given names, stay apart.
        ([["Michael Tarrant said so.", "Mike Hartley said more."]], {"Michael Tarrant"}, "Mike Hartley"),
        ([["Sarah Tarrant said so.", "Mike Tarrant said more."]], {"Sarah Tarrant"}, "Mike Tarrant"),
    ],
    ids=["middle-name", "short-given-name", "short-given-name-other-surname", "other-given-name"],
)
def test_resolve_middle_and_short_given_names(sources: list[list[str]], together: set[str],
                                              apart: str | None) -> None:
    group = group_of(resolve(*sources), next(iter(together)))
    assert group >= together
    assert apart is None or apart not in group
