"""Places: area names, their merging, sub-kinds, parents and gazetteer locations, on invented text.

Invented places (Lisk, Teskany, Orvath, Ardeny) carry the text rules; real towns (Chisinau,
Cahul, Springfield) appear only where the gazetteer is the point.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from importlib.resources import files

import pytest

from generator.core.gazetteer import (
    IRREGULAR_DEMONYMS,
    Town,
    countries,
    country_named,
    country_of_demonym,
    towns_named,
)
from generator.core.models import Article, Entity, Mention, Paragraph, SourceMeta
from generator.core.spelling import normal_key, translit_key
from generator.extract.mentions import build_vocabulary, find_names
from generator.resolve.entities import find_sightings, resolve_entities
from generator.resolve.places import locate_places, pick_town, text_parents
from generator.resolve.subkinds import group_subkind, place_cue, with_subkinds

Window = tuple[str, str]
"""Text before and after a mention."""


def articles_of(*sources: list[str]) -> list[Article]:
    """One article per source, one paragraph per string."""
    return [Article(f"s{i}", f"s{i}", f"s{i}.txt", "T",
                    tuple(Paragraph(f"p{j}", t, "text", j) for j, t in enumerate(texts, start=1)), (),
                    SourceMeta())
            for i, texts in enumerate(sources)]


def names(text: str) -> list[str]:
    """The names found in one paragraph."""
    (article,) = articles_of([text])
    return [n.mention.text for n in find_names(article, build_vocabulary([article]))]


def resolve(*sources: list[str]) -> tuple[Entity, ...]:
    entities, problems = resolve_entities(find_sightings(articles_of(*sources)))
    assert problems == []
    return entities


def typed(*sources: list[str]) -> tuple[list[Article], tuple[Entity, ...]]:
    """The articles, and their entities resolved and given sub-kinds."""
    articles = articles_of(*sources)
    entities, problems = resolve_entities(find_sightings(articles))
    assert problems == []
    return articles, with_subkinds(entities, articles)


def by_name(entities: Iterable[Entity]) -> dict[str, Entity]:
    """Each entity under its name and every alias."""
    return {n: e for e in entities for n in (e.name, *e.aliases)}


def located(*sources: list[str]) -> dict[str, Entity]:
    """Entities after the places stage (which reads the gazetteer: slower)."""
    articles, entities = typed(*sources)
    return by_name(locate_places(entities, articles))


def spellings(entities: tuple[Entity, ...], form: str) -> set[str]:
    for e in entities:
        if form == e.name or form in e.aliases:
            return {e.name, *e.aliases}
    raise AssertionError(f"{form} not found in {[e.name for e in entities]}")


def group(name: str) -> Entity:
    return Entity(normal_key(name).replace(" ", "-"), "group", name, (), None, None, ())


# 1. Mentions: a lower-case administrative head joins the name before it.

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling hit the Orvath district on Monday.", ["Orvath district"]),
        ("Floods hit the Lisk region overnight.", ["Lisk region"]),
        ("Troops crossed into the Lisk oblast at dawn.", ["Lisk oblast"]),
        ("Voters in the Teskany province went home.", ["Teskany province"]),
        ("Sirens sounded in the Orvath county on Monday.", ["Orvath county"]),
        ("Shelling hit Lisk district on Monday.", ["Lisk district"]),
        ("Mayor Ivo Marr district officials said so.", ["Ivo Marr"]),
        ("Lisk's district council met.", ["Lisk"]),
        ("Lisk’s region was calm.", ["Lisk"]),
        ("The Lisk regions were calm.", ["Lisk"]),
        ("A Lisk region-wide curfew began.", ["Lisk"]),
        ("The Sela Valley region flooded.", ["Sela Valley"]),
    ],
    ids=["district", "region", "oblast", "province", "county", "no-article",
         "not-after-title", "not-after-possessive", "not-after-curly-possessive", "not-plural",
         "not-hyphenated", "not-after-head-noun"],
)
def test_places_area_head_joins_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# 2. Resolution: spellings of one area merge; different areas stay apart.

@pytest.mark.parametrize(
    ("sources", "together"),
    [
        ([["Troops entered the Liskovsk district."], ["Troops left the Liskov district."]],
         {"Liskovsk district", "Liskov district", "Liskov"}),
        ([["Troops entered the Liskovsky district."], ["Troops left the Liskov district."]],
         {"Liskovsky district", "Liskov district", "Liskov"}),
        ([["Shelling hit the Lisk region."], ["Troops crossed into the Lisk Oblast."]],
         {"Lisk region", "Lisk Oblast", "Lisk"}),
        ([["Shelling hit the Lisk province.", "Troops crossed into the Northern Province of Lisk."]],
         {"Lisk province", "Northern Province of Lisk", "Lisk"}),
        ([["Floods hit the Teskany province.", "Roads in Teskany were closed."]],
         {"Teskany province", "Teskany"}),
    ],
    ids=["adjectival-sk", "adjectival-sky", "oblast-is-region", "province-of", "bare-name-joins-area"],
)
def test_places_area_spellings_merge(sources: list[list[str]], together: set[str]) -> None:
    assert spellings(resolve(*sources), next(iter(together))) == together


@pytest.mark.parametrize(
    ("sources", "apart"),
    [
        ([["Troops entered the Lisk region."], ["Troops left the Lisk district."]],
         ("Lisk region", "Lisk district")),
        ([["Floods hit the Teskany province.", "Roads in the town of Teskany were closed."]],
         ("Teskany", "Teskany province")),
        ([["Floods hit the Orvath district.", "Shelling was heard in Orvath, a village near the dam."]],
         ("Orvath", "Orvath district")),
        ([["Protesters gathered in Cahul.", "Floods hit the Cahul region."]], ("Cahul", "Cahul region")),
        ([["Aid arrived in Moldova.", "Floods hit the Moldova region."]], ("Moldova", "Moldova region")),
    ],
    ids=["other-head", "text-calls-it-a-town", "apposition-calls-it-a-village", "gazetteer-town",
         "country"],
)
def test_places_different_areas_stay_apart(sources: list[list[str]], apart: tuple[str, str]) -> None:
    entities = resolve(*sources)
    assert apart[1] not in spellings(entities, apart[0])


def test_places_cahul_is_a_gazetteer_town() -> None:
    """The gazetteer-town case above relies on this; pick another real town if the table changes."""
    assert [t.country for t in towns_named(["Cahul"])["Cahul"]] == ["MD"]


def test_places_area_variants_take_the_shortest_name() -> None:
    entities = resolve(["Troops entered the Liskovsk district."], ["Troops left the Liskov district."])
    assert [(e.name, e.aliases) for e in entities] == [("Liskov district", ("Liskov", "Liskovsk district"))]


@pytest.mark.parametrize(
    ("sources", "name", "aliases"),
    [
        ([["Floods hit the Teskany province."]], "Teskany province", ("Teskany",)),
        ([["Floods hit the Province of Teskany."]], "Province of Teskany", ("Teskany",)),
        ([["Floods hit the Teskany province.", "Roads in the town of Teskany were closed."]],
         "Teskany province", ()),
        ([["Floods hit the Liskovsky district."]], "Liskovsky district", ()),
    ],
    ids=["bare-name", "province-of", "not-when-a-town-has-the-bare-name", "not-an-adjectival-form"],
)
def test_places_area_gets_its_bare_name(sources: list[list[str]], name: str,
                                        aliases: tuple[str, ...]) -> None:
    places = [e for e in resolve(*sources) if e.name == name]
    assert [e.aliases for e in places] == [aliases]


# 3. Sub-kinds.

@pytest.mark.parametrize(
    ("sources", "name", "subkind"),
    [
        ([["Aid arrived in Moldova."]], "Moldova", "country"),
        ([["Shelling hit the Orvath district on Monday."]], "Orvath district", "district"),
        ([["Troops crossed into the Lisk Oblast."]], "Lisk Oblast", "region"),
        ([["Crowds filled Teskany Square on Monday."]], "Teskany Square", "landmark"),
        ([["Troops reached the village of Ardeny."]], "Ardeny", "village"),
        ([["Shelling was heard in Ardeny.", "Ardeny, a small town on the river, was empty."]],
         "Ardeny", "town"),
        ([["Shelling was heard in the Lisk and Orvath regions."]], "Lisk", "region"),
        ([["Shelling was heard in the Lisk and Orvath regions."]], "Orvath", "region"),
        ([["Orvath, a village near the dam, was cut off."]], "Orvath", "village"),
        ([["Shelling was heard in the town of Ardeny."], ["Residents fled the village of Ardeny."]],
         "Ardeny", "village"),
        ([["Shelling was heard in the city of Ardeny.", "The city of Ardeny was dark."],
          ["Residents fled the town of Ardeny."]], "Ardeny", "city"),
        ([["Shelling was heard in Ardeny."]], "Ardeny", None),
    ],
    ids=["country-table", "head-district", "head-oblast", "head-square", "cue-village-of",
         "cue-apposition", "cue-plural-areas-first", "cue-plural-areas-second", "cue-apposition-only",
         "tie-smaller-wins", "majority-wins", "no-evidence"],
)
def test_places_place_subkind(sources: list[list[str]], name: str, subkind: str | None) -> None:
    assert by_name(typed(*sources)[1])[name].subkind == subkind


@pytest.mark.parametrize(
    ("before", "after", "cue"),
    [
        ("Troops reached the village of ", " on Monday.", "village"),
        ("It lies in the region of the ", ".", "region"),
        ("", ", a small town on the river, was empty.", "town"),
        ("", "’, the regional capital, was calm.", "city"),
        ("Shelling was heard in the ", " and Orvath regions.", "region"),
        ("Shelling was heard in the Lisk and ", " regions.", "region"),
        ("Troops reached ", " on Monday.", None),
        ("The mayor of ", " said so.", None),
        ("", ", the mayor said, was empty.", None),
        ("Rebels took two villages – ", " and Orvath.", "village"),
        ("Rebels took two villages — Orvath, and ", ".", "village"),
        ("Aid reached the cities: Lisk, ", ".", "city"),
        ("Rebels took two villages near ", ".", None),
    ],
    ids=["noun-of", "noun-of-the", "apposition", "apposition-capital", "plural-first", "plural-second",
         "none", "not-a-place-noun", "apposition-not-a-place-noun", "list-first", "list-second",
         "list-colon", "plural-not-a-list"],
)
def test_places_place_cue(before: str, after: str, cue: str | None) -> None:
    assert place_cue(before, after) == cue


@pytest.mark.parametrize(
    ("name", "windows", "subkind"),
    [
        ("Ministry of Water", [], "government body"),
        ("Supreme Court of Teskany", [], "court"),
        ("Teskany Armed Forces", [], "military"),
        ("Teskany Security Service", [], "security service"),
        ("Center for Strategic Security", [], None),
        ("Lisk Legion", [("Militia fighters of the ", " held the bridge.")], "armed group"),
        ("Lisk Legion", [("Soldiers of the ", " held the bridge.")], None),
        ("Orvath Group", [("The ", ", a mercenary outfit, denied it.")], "armed group"),
        ("Orvath Group", [("The ", " reported higher profits.")], None),
        ("Teskany Army", [("The ", " moved north.")], "military"),
        ("Teskany Army", [("Rebels of the ", " moved north.")], "armed group"),
        ("Korvat Inc", [], "company"),
        ("Korvat", [("The analytics firm ", " said so."), ("Shares of ", " fell.")], "company"),
        ("Korvat", [("", ", the company that built it, said so."), ("", "'s chief executive left.")],
         "company"),
        ("Korvat", [("The analytics firm ", " said so.")], None),
        ("Orvath Group", [("Shares in ", " fell."), ("", "'s chief executive left.")], "company"),
    ],
    ids=["ministry", "court-of", "armed-forces", "security-service", "for-complement-not-head",
         "legion-militia", "legion-alone", "group-mercenary", "group-alone", "army", "army-rebels",
         "legal-form", "firm-and-shares", "company-and-chief-executive", "one-mention-is-not-enough",
         "group-that-is-a-company"],
)
def test_places_group_subkind(name: str, windows: list[Window], subkind: str | None) -> None:
    assert group_subkind(group(name), windows) == subkind


@pytest.mark.parametrize(("editor", "expected"), [(None, "armed group"), ("military", "military")],
                         ids=["from-text", "editor-wins"])
def test_places_editor_subkind_wins(editor: str | None, expected: str) -> None:
    (article,) = articles_of(["Militia fighters of the Lisk Legion held the bridge."])
    mention = Mention("s0", "p1", article.paragraphs[0].text.index("Lisk"), "Lisk Legion")
    entity = Entity("lisk-legion", "group", "Lisk Legion", (), None, None, (mention,), subkind=editor)
    assert [e.subkind for e in with_subkinds([entity], [article])] == [expected]


# 4. Parents from the text, towns from the gazetteer.

AID = "Aid arrived in Moldova."
"""Names Moldova as a place elsewhere in the source."""


@pytest.mark.parametrize(
    ("sources", "child", "parents"),
    [
        ([["Shelling was heard in the village of Ardeny in the Lisk region."]], "Ardeny", ["Lisk region"]),
        ([["Shelling was heard in Ardeny in the Lisk region."]], "Ardeny", ["Lisk region"]),
        ([["Shelling was heard in the Orvath district in the Lisk region."]], "Orvath district",
         ["Lisk region"]),
        ([["Troops entered Moldova's Lisk region.", AID]], "Lisk region", ["Moldova"]),
        ([["Troops entered Moldova’s southern Lisk region.", AID]], "Lisk region", ["Moldova"]),
        ([["Shelling was heard in Ardeny, Moldova.", AID]], "Ardeny", ["Moldova"]),
        ([["Shelling was heard in the Lisk region, Moldova.", AID]], "Lisk region", ["Moldova"]),
        ([["Shelling was heard in Ardeny, in Moldova's southern Lisk region.", AID]], "Ardeny",
         ["Moldova", "Lisk region"]),
        ([["Shelling was heard in Ardeny, Moldova."]], "Ardeny", ["Moldova"]),
        ([["Troops reached the Lisk region in the village of Ardeny."]], "Lisk region", []),
        ([["Shelling was heard in the Lisk region in the Orvath district."]], "Lisk region", []),
        ([["Shelling was heard in Ardeny and in the Lisk region."]], "Ardeny", []),
        ([["Troops entered the Lisk region, Ardeny.", "Troops reached the village of Ardeny."]],
         "Lisk region", []),
    ],
    ids=["village-in-region", "bare-in-region", "district-in-region", "country-possessive",
         "country-possessive-adjective", "comma-country", "region-comma-country",
         "in-country-possessive-region", "comma-country-named-once", "region-not-in-village",
         "region-not-in-district", "and-is-no-link", "comma-needs-a-country"],
)
def test_places_text_parents(sources: list[list[str]], child: str, parents: list[str]) -> None:
    articles, entities = typed(*sources)
    places = [e for e in entities if e.kind == "place"]
    found = text_parents(places, articles).get(by_name(places)[child].id, [])
    assert [p.name for p in found] == parents
    for p in found:
        assert p.entity == by_name(places)[p.name].id
        assert p.citation is not None
        assert p.citation.quote == sources[0][0]


def test_places_text_parent_cites_its_sentence() -> None:
    text = "Rain fell all week. Shelling was heard in the village of Ardeny in the Lisk region. Crowds fled."
    (parent,) = located([text])["Ardeny"].part_of
    assert parent.basis == "text"
    assert parent.citation is not None
    assert (parent.citation.source, parent.citation.paragraph) == ("s0", "p1")
    assert parent.citation.quote == "Shelling was heard in the village of Ardeny in the Lisk region."


def town(name: str, gid: int, country: str = "MD", region: str = "", population: int = 10_000) -> Town:
    return Town(name, gid, country, region, 47.0, 28.0, population)


@pytest.mark.parametrize(
    ("candidates", "countries", "regions", "expected"),
    [
        ([town("Lisk", 1)], frozenset(), [], 1),
        ([town("Lisk", 1, "MD"), town("Lisk", 2, "RO")], frozenset({"MD"}), [], 1),
        ([town("Lisk", 1, "MD"), town("Lisk", 2, "RO")], frozenset({"FR"}), [], None),
        ([town("Lisk", 1), town("Lisk", 2)], frozenset({"MD"}), [], None),
        ([town("Lisk", 1, population=5_000), town("Lisk", 2, population=50_000)], frozenset({"MD"}), [], 2),
        ([town("Lisk", 1, population=6_000), town("Lisk", 2, population=50_000)], frozenset({"MD"}), [],
         None),
        ([town("Lisk", 1, region="Orvath"), town("Lisk", 2, region="Sela")], frozenset({"MD"}),
         ["Orvath region"], 1),
        ([town("Lisk", 1, region="Orvath"), town("Lisk", 2, region="Sela")], frozenset({"MD"}),
         ["Teskany region"], None),
        ([], frozenset({"MD"}), [], None),
    ],
    ids=["only-one", "unique-in-named-country", "none-in-named-country", "same-size",
         "ten-times-larger", "under-ten-times", "region-chooses", "unknown-region", "no-candidates"],
)
def test_places_pick_town(candidates: list[Town], countries: frozenset[str], regions: list[str],
                          expected: int | None) -> None:
    picked = pick_town(candidates, countries, regions)
    assert (picked.geonameid if picked else None) == expected


def test_places_gazetteer_town_gets_location_and_parents() -> None:
    (chisinau,) = towns_named(["Chisinau"])["Chisinau"]
    places = located(["Protesters gathered in Chisinau.", AID])
    e = places["Chisinau"]
    assert e.location is not None
    assert (e.location.geonameid, e.location.lat, e.location.lon) == (chisinau.geonameid, chisinau.lat,
                                                                      chisinau.lon)
    # The gazetteer's region is shown only where the corpus names that region.
    assert (e.location.country, e.location.region) == ("Moldova", "")
    assert e.location.geonames == f"https://www.geonames.org/{chisinau.geonameid}"
    assert [(p.name, p.entity, p.basis, p.citation) for p in e.part_of] == [
        ("Moldova", places["Moldova"].id, "gazetteer", None)]
    assert e.subkind == "city"


def test_places_gazetteer_links_the_corpus_region() -> None:
    (chisinau,) = towns_named(["Chisinau"])["Chisinau"]
    assert chisinau.region == "Chisinau"
    places = located(["Protesters gathered in Chisinau.", "Floods hit the Chisinau region.", AID])
    assert [(p.name, p.entity, p.basis) for p in places["Chisinau"].part_of] == [
        ("Chisinau region", places["Chisinau region"].id, "gazetteer"),
        ("Moldova", places["Moldova"].id, "gazetteer")]
    location = places["Chisinau"].location
    assert location is not None and location.region == "Chisinau"
    assert places["Chisinau region"].location is None
    assert [(p.name, p.basis) for p in places["Chisinau region"].part_of] == [("Moldova", "gazetteer")]


def test_places_small_town_needs_the_text() -> None:
    """A town under 100,000 people is placed only where the text calls it a settlement."""
    (small,) = towns_named(["Ocnita"])["Ocnita"]
    assert small.population < 100_000
    bare = located(["Protesters gathered in Ocnita.", AID])["Ocnita"]
    told = located(["Protesters gathered in the town of Ocnita.", AID])["Ocnita"]
    assert bare.location is None
    assert told.location is not None and told.location.geonameid == small.geonameid


@pytest.mark.parametrize(
    ("text", "parents"),
    [
        ("Flights go to Chisinau, Moldova, every day.", ["Moldova"]),
        ("Flights go to Ardeny, Chisinau, Moldova and Lisk.", []),
        ("Flights go to Ardeny, Moldova and Lisk.", []),
    ],
    ids=["comma-country", "list-before", "list-after"],
)
def test_places_comma_country_not_in_a_list(text: str, parents: list[str]) -> None:
    seen = [f"Crowds gathered in {name}." for name in ("Ardeny", "Chisinau", "Lisk")]
    articles, entities = typed([text, *seen, AID])
    places = [e for e in entities if e.kind == "place"]
    first = by_name(places)[text.split(" to ")[1].split(",")[0]]
    assert [p.name for p in text_parents(places, articles).get(first.id, [])] == parents


@pytest.mark.parametrize(
    ("sources", "name", "geonames_region"),
    [
        ([["Floods hit the Chisinau region.", AID]], "Chisinau region", None),
        ([["Protesters gathered in Springfield.", "Aid arrived in the United States."]], "Springfield", None),
        ([["Protesters gathered in Springfield in the Illinois region.",
           "Aid arrived in the United States."]], "Springfield", "Illinois"),
        ([["Shelling was heard in the village of Ardeny.", AID]], "Ardeny", None),
    ],
    ids=["region-is-no-town", "ambiguous-town", "text-region-chooses", "unknown-town"],
)
def test_places_gazetteer_location(sources: list[list[str]], name: str, geonames_region: str | None) -> None:
    location = located(*sources)[name].location
    assert (location.region if location else None) == geonames_region


# 5. The gazetteer table.

def test_places_gazetteer_rows_hold_their_own_keys() -> None:
    raw = files("generator").joinpath("data/places.tsv.gz").read_bytes()
    rows = [line for line in gzip.decompress(raw).decode("utf-8").splitlines()
            if line and not line.startswith("#")]
    stale = []
    for line in rows:
        head, exact, folded = line.rsplit("\t", 2)
        name = head.split("\t")[1]
        if normal_key(name) not in exact.split(";") or translit_key(name) not in folded.split(";"):
            stale.append(name)
    assert len(rows) > 1000
    assert stale == [], ("keys of generator/data/places.tsv.gz no longer match generator.core.spelling: "
                         f"rerun bench/gazetteer/make_places.py ({len(stale)} rows, e.g. {stale[:5]})")


def test_places_continent_is_never_a_town() -> None:
    """The gazetteer lists towns named like continents; a continent in the text is not one."""
    assert towns_named(["Asia"])["Asia"]
    place = located(["Trade grew across Asia.", "Exports to Asia rose in the city of Asia.", AID])["Asia"]
    assert place.location is None


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        ("Ballots were stuffed in Tarrow, the main city of ", ".", None),
        ("Ballots were stuffed in the southern city of ", ".", "city"),
        ("Most houses were in the ", " area of the district.", "area"),
        ("Hunter told ", ", a Lisk television station, he was sorry.", None),
        ("Aid reached ", ", a fishing village.", "village"),
    ],
    ids=["ranking-city-of-contains", "city-of-names", "area", "broadcast-station-is-no-place", "apposition"],
)
def test_places_cue_before_and_after(before: str, after: str, kind: str | None) -> None:
    assert place_cue(before, after) == kind


def _walk_named(word: str) -> object:
    """country_named as a walk down the country list (what its tables must answer)."""
    key = word.strip().casefold()
    if not key:
        return None
    for c in countries():
        if key in (c.name.casefold(), c.capital.casefold()):
            return c
    return _walk_demonym(word)


def _walk_demonym(word: str) -> object:
    key = word.strip().casefold()
    if key in IRREGULAR_DEMONYMS:
        return next(c for c in countries() if c.name == IRREGULAR_DEMONYMS[key])
    if len(key) < 4 or not key.isalpha():
        return None
    best = None
    for c in countries():
        name = c.name.casefold()
        stem = name[:max(4, len(name) - 1)]
        fits = " " not in name and key != name and key.startswith(stem) and len(key) - len(name) <= 4
        if fits and (best is None or len(name) > len(best.name)):
            best = c
    return best


def test_countries_are_looked_up_as_a_walk_down_the_list_finds_them() -> None:
    words = ["", " ", "Xyz", "Lisk", "Chisinau", " moldova ", "MOLDOVAN", "Chinese", "Sudanese", "Omani"]
    for c in countries():
        words += [c.name, c.capital, c.name.upper(), c.name[:-1], c.name[:4]]
        words += [c.name + end for end in ("n", "an", "ian", "ese", "i", "ish", "ians", "anxxxx")]
        words += [c.name[:-1] + end for end in ("n", "an", "ian", "ese")]
    for word in words:
        assert country_named(word) == _walk_named(word), word
        assert country_of_demonym(word) == _walk_demonym(word), word
