"""Stage `places`: the larger areas each place lies in, and where the gazetteer puts it.

From the text: 'X in (the) Y region', 'X, in Z's Y region' (X lies in both), 'X, Z' (Z a
country) and 'Z's Y region' give a parent when the parent is the larger sort of area (a village in a
district, a district in a region, a region in a country); each is cited to its sentence.

From the gazetteer (GeoNames towns of 5,000 people or more): a place the text does not call a
region or a country is looked up under all its spellings; a district named for a town ('the X
district') lies in that town's region. A match counts only in a country the
corpus names (or the one its text parent lies in), in the region the text gives if it gives one,
and only when one town remains, or one is ten times larger than the next. A town under 100,000
people, or one whose name is also a region's in another country ('Virginia'), counts only if the
text calls the place a village, town or city or says where it lies: a wrong pin is worse than
none. The town's country becomes a parent, and so does its region where the corpus names a
region of that name; its coordinates become a location.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..core.gazetteer import Town, country_by_iso, country_by_name, region_countries, towns_named
from ..core.lexicon import AREA_HEADS, WORLD_REGIONS
from ..core.models import Article, Citation, Entity, Location, Parent
from ..core.spelling import area_stem, normal_key
from ..core.text import sentence_spans

RANK = {"village": 1, "town": 1, "city": 1, "settlement": 1, "landmark": 1, "facility": 1,
        "district": 2, "county": 2, "region": 3, "province": 3, "state": 3, "country": 4}
"""How large each sort of place is: a parent must be larger than its child."""
AREA_OF = r"(?:(?:" + "|".join(sorted(AREA_HEADS | {"state"})) + r")\s+of\s+(?:the\s+)?)?"
IN_GAP = re.compile(r"^,?\s+(?:in|inside|within)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?" + AREA_OF + "$")
"""Between a place and the larger area after it: ' in the ', ', in the southern region of '."""
FUNCTION_WORDS = r"(?!(?:in|on|at|to|from|by|with|for|over|after|and|or|the|a|an)\s)"
OF_GAP = re.compile(r"^['’]s?\s+(?:" + FUNCTION_WORDS + r"[\w’'-]+\s+){0,2}?" + AREA_OF + "$")
"""Between a country and its area: "’s ", "’s southwestern region of "."""
COMMA_GAP = re.compile(r"^,\s+$")
"""'X, Moldova': a country right after a place, set off by a comma (not a list of places)."""
LIST_BEFORE = re.compile(r"(?:,|\band|\bor)\s+$")
LIST_AFTER = re.compile(r"^(?:,\s*[A-Z]|\s+(?:and|or)\s)")
"""'to X, Y and Z', 'X, Y, Z': a comma between list items says nothing about where X lies."""
LIST_WINDOW = 40
"""Characters read on each side of two places for a list mark (a paragraph's spaces are single)."""
REGIONS = frozenset({"region", "province", "state"})
"""Sub-kinds of first-level areas: what a gazetteer region can be."""
SETTLED = frozenset({None, "village", "town", "city", "settlement"})
"""Sub-kinds the town gazetteer may place (a region or a country is never a town)."""
DOMINANT = 10
"""A town this many times larger than the next of its name is the one a reporter means."""
SMALL_TOWN = 100_000
"""Below this population a town shares its name with too much: the text must call it a settlement
or say where it lies before the gazetteer places it. So must a name that is also a region's."""
CITY_SIZE = 100_000
"""From this population the gazetteer's place is called a city, below it a town."""


@dataclass(frozen=True)
class _Areas:
    """What the corpus names that other places can lie in."""

    by_id: dict[str, Entity]
    """Every place, by id."""
    countries: dict[str, Entity]
    """The country entities, by ISO code."""
    regions: tuple[Entity, ...]
    """The first-level areas (sub-kind in REGIONS)."""


def locate_places(entities: Sequence[Entity], articles: Sequence[Article]) -> tuple[Entity, ...]:
    """Give each place its parents (text, then gazetteer) and, where the gazetteer knows it, a location."""
    places = [e for e in entities if e.kind == "place"]
    # The most named entity wins a country named by two (sorted so it comes last).
    country_of = {iso: e for e in sorted(places, key=lambda e: (len(e.mentions), e.id))
                  if e.subkind == "country" for iso in named_countries([e])}
    areas = _Areas({e.id: e for e in places}, country_of,
                   tuple(e for e in places if e.subkind in REGIONS))
    parents = text_parents(places, articles)
    countries = frozenset(country_of)
    spellings = {e.id: (e.name, *e.aliases) for e in places
                 if e.subkind in SETTLED and normal_key(e.name) not in WORLD_REGIONS}
    district_stems = {e.id: [area_stem(n) for n in (e.name, *e.aliases)] for e in places
                      if e.subkind in ("district", "county")}
    towns = towns_named([*(n for names in spellings.values() for n in names),
                         *(n for stems in district_stems.values() for n in stems)])
    districts = {i: {t for n in stems for t in towns[n]} for i, stems in district_stems.items()}
    region_names = region_countries([*(area_stem(e.name) for e in areas.regions),
                                     *(area_stem(e.name) for e in places if e.id in spellings)])
    result = []
    for e in entities:
        if e.kind == "place":
            found = list(parents.get(e.id, ()))
            context = _context(found, areas.by_id, parents) or countries
            town = None
            if e.id in spellings:
                candidates = {t for n in spellings[e.id] for t in towns[n]}
                town = pick_town(candidates, context, [p.name for p in found])
                town = town if town and _text_allows(e, town, found, region_names) else None
            if town:
                found += _gazetteer_parents(town, found, areas)
                region = town.region if _corpus_region(town, areas) else ""
                e = replace(e, location=Location(town.lat, town.lon, town.geonameid, town.name,
                                                 _country_name(town.country), region),
                            subkind=e.subkind or ("city" if town.population >= CITY_SIZE else "town"))
            elif e.subkind in REGIONS:
                found += _region_country(e, found, region_names, countries, areas)
            elif e.id in districts:
                seat = pick_town(districts[e.id], context, [])
                found += _gazetteer_parents(seat, found, areas) if seat else []
            rank = {p: _rank(areas.by_id.get(p.entity or "")) for p in found}
            e = replace(e, part_of=tuple(sorted(found, key=rank.__getitem__)))
        result.append(e)
    return tuple(result)


def _text_allows(place: Entity, town: Town, found: Sequence[Parent],
                 region_names: dict[str, frozenset[str]]) -> bool:
    """A large town whose name no other country uses for a region, or one the text backs:
    it calls the place a village, town or city, or says where it lies."""
    if place.subkind is not None or found:
        return True
    elsewhere = region_names.get(area_stem(place.name), frozenset()) - {town.country}
    return town.population >= SMALL_TOWN and not elsewhere


def text_parents(places: Sequence[Entity], articles: Sequence[Article]) -> dict[str, list[Parent]]:
    """Parents the sentences give, each cited once, per place id, in reading order."""
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    by_paragraph: dict[tuple[str, str], list[tuple[int, int, Entity]]] = defaultdict(list)
    for e in places:
        for m in e.mentions:
            by_paragraph[(m.source, m.paragraph)].append((m.start, m.start + len(m.text), e))
    found: dict[str, list[Parent]] = defaultdict(list)
    linked: set[tuple[str, str]] = set()
    for (source, pid), spots in sorted(by_paragraph.items()):
        text = texts[(source, pid)]
        sentences = _Sentences(text)
        spots.sort(key=lambda s: (s[0], s[1], s[2].id))
        for i, (_, a_end, a) in enumerate(spots[:-1]):
            b_start, b_end, b = spots[i + 1]
            listed = _listed(text, spots[i][0], b_end)
            pairs = [(*_link(text[a_end:b_start], a, b, listed), b_start)]
            if i + 2 < len(spots) and IN_GAP.match(text[a_end:b_start]) and b.subkind == "country":
                c_start, _, c = spots[i + 2]
                if OF_GAP.match(text[b_end:c_start]) and _larger(c, a):
                    pairs.append((a, c, c_start))
            for child, parent, end in pairs:
                if child and parent and (child.id, parent.id) not in linked:
                    linked.add((child.id, parent.id))
                    citation = Citation(source, pid, sentences.around(a_end, end))
                    found[child.id].append(Parent(parent.name, parent.id, "text", citation))
    return found


def _listed(text: str, a_start: int, b_end: int) -> bool:
    """Whether a place stands in a list: a comma, 'and' or 'or' before the first, or after the second.

    Only LIST_WINDOW characters on each side are read: a list mark and its spaces are never longer.
    """
    return bool(LIST_BEFORE.search(text, max(0, a_start - LIST_WINDOW), a_start)
                or LIST_AFTER.match(text[b_end:b_end + LIST_WINDOW]))


def _link(gap: str, a: Entity, b: Entity, listed: bool = False) -> tuple[Entity | None, Entity | None]:
    """Which of two neighbouring places lies in the other, by the words between them."""
    if a.id == b.id:
        return None, None
    if IN_GAP.match(gap) or (COMMA_GAP.match(gap) and b.subkind == "country" and not listed):
        return (a, b) if _larger(b, a) else (None, None)
    if OF_GAP.match(gap) and a.subkind == "country":
        return (b, a) if _larger(a, b) else (None, None)
    return None, None


def _rank(area: Entity | None) -> int:
    """Smallest area first; an area the corpus does not name is the gazetteer's region or country."""
    return RANK.get(area.subkind or "", 3) if area else 3


def _larger(parent: Entity, child: Entity) -> bool:
    return RANK.get(parent.subkind or "", 0) > max(RANK.get(child.subkind or "", 1), 1)


class _Sentences:
    """A paragraph's sentences, split once, for quoting the sentences that hold two places."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = sentence_spans(text)
        self.starts = [a for a, _ in self.spans]
        self.ends = [b for _, b in self.spans]

    def around(self, start: int, end: int) -> str:
        """The sentence (or sentences) of the paragraph that hold both places."""
        first = bisect_left(self.ends, start)
        last = bisect_right(self.starts, end) - 1
        return self.text[self.spans[first][0]:self.spans[last][1]] if first <= last else self.text


def named_countries(places: Iterable[Entity]) -> frozenset[str]:
    """ISO codes of the countries the corpus names as places."""
    found = set()
    for e in places:
        for name in (e.name, *e.aliases):
            country = country_by_name(name)
            if country:
                found.add(country.iso)
    return frozenset(found)


def _context(found: Sequence[Parent], by_id: dict[str, Entity],
             parents: dict[str, list[Parent]]) -> frozenset[str]:
    """The countries the text puts a place in: directly, or through its region."""
    codes: set[str] = set()
    for p in found:
        parent = by_id.get(p.entity or "")
        if parent is None:
            continue
        if parent.subkind == "country":
            codes |= named_countries([parent])
        for grand in parents.get(parent.id, ()):
            grandparent = by_id.get(grand.entity or "")
            if grandparent and grandparent.subkind == "country":
                codes |= named_countries([grandparent])
    return frozenset(codes)


def pick_town(candidates: Iterable[Town], countries: frozenset[str], regions: Sequence[str]) -> Town | None:
    """The one town a reporter means, or None when the gazetteer cannot tell."""
    towns = sorted({t for t in candidates if not countries or t.country in countries},
                   key=lambda t: (-t.population, t.geonameid))
    stems = {area_stem(r) for r in regions}
    in_region = [t for t in towns if normal_key(t.region) in stems]
    towns = in_region or towns
    if len(towns) == 1:
        return towns[0]
    if len(towns) > 1 and towns[0].population >= DOMINANT * towns[1].population:
        return towns[0]
    return None


def _corpus_region(town: Town, areas: _Areas) -> Entity | None:
    """The corpus's entity for the town's region ('Lisk region' for region 'Lisk'), if it names one.

    The gazetteer's region names come from joining two tables and are not always right, so a
    region is shown only when the corpus itself names a region of that name.
    """
    regions = [e for e in areas.regions if town.region and area_stem(e.name) == normal_key(town.region)]
    return min(regions, key=lambda e: (area_stem(e.name) == normal_key(e.name), e.id), default=None)


def _gazetteer_parents(town: Town, found: Sequence[Parent], areas: _Areas) -> list[Parent]:
    """The town's region (where the corpus names it) and country, linked to the corpus's entities."""
    known = {p.entity for p in found} | {normal_key(p.name) for p in found}
    region = _corpus_region(town, areas)
    added = [Parent(region.name, region.id, "gazetteer")] if region else []
    added.append(_country_parent(town.country, areas))
    return [p for p in added if p.entity not in known and normal_key(p.name) not in known]


def _region_country(region: Entity, found: Sequence[Parent], region_names: dict[str, frozenset[str]],
                    countries: frozenset[str], areas: _Areas) -> list[Parent]:
    """A region's country, when the gazetteer's towns put a region of that name in one named country."""
    country_ids = {e.id for e in areas.countries.values()}
    if any(p.entity in country_ids for p in found):
        return []
    codes = region_names.get(area_stem(region.name), frozenset())
    codes = codes & countries if countries else codes
    return [_country_parent(iso, areas) for iso in codes] if len(codes) == 1 else []


def _country_parent(iso: str, areas: _Areas) -> Parent:
    """A country as a gazetteer parent: the corpus's entity for it, or just its name."""
    country = areas.countries.get(iso)
    return Parent(country.name if country else _country_name(iso), country.id if country else None,
                  "gazetteer")


def _country_name(iso: str) -> str:
    country = country_by_iso(iso)
    return country.name if country else iso
