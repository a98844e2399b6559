"""Stage `resolve`: names across the corpus -> one Entity per real-world thing.

Names are merged (union-find) only by general rules that tell spellings of one thing apart from
different things: the same normalised form; an acronym bound to its full name, spelled inside a
name, mistyped by two swapped letters, or the only one ending in a generic name's initials ("the
Police Department"); transliteration variants; the same content words up to synonyms
("Freedom"/"Liberty"/"Free"); a surname (with its particle, or transliterated) after its full
name; a given name before it; a middle initial or a legal form ("Inc") dropped; a head noun ("the
Front") when the corpus has exactly one such name; a name before its "of"/"for" complement. An
editor's split (`not:` in editorial.yml) wins over every rule. Each entity's kind comes from the
votes of all its mentions: head nouns (before any "of" complement), titles, place cues, and for
names without a head noun the evidence only an organisation (legal form, chief executive,
shares, 'the firm', 'the X group'), a person (age, kin, role), a place ('a X store', an
adjective of its people) or a product (version number, 'browser', 'X mode') gives; a person's
role from the words around the name (roles.py). A place named only with its administrative noun
('Lisk province') also answers to its bare name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from ..core.cache import Cache, cached_per_item
from ..core.curation import Editorial, EditorialEntity
from ..core.errors import Problem, did_you_mean, problem_at
from ..core.gazetteer import country_by_name, towns_named
from ..core.lexicon import (
    AREA_HEADS,
    COMPANY_NOUNS,
    GROUP_HEADS,
    INNER_PARTICLES,
    KIN,
    LEGAL_FORMS,
    LOWER_BODY_HEADS,
    ORGANISATION_NOUNS,
    ORGANISATION_PARTS,
    OUTLET_WORDS,
    OUTLETS,
    PLACE_HEADS,
    PLATFORMS,
    PRODUCT_NOUNS,
    ROLE_NOUNS,
    SHORT_GIVEN_NAMES,
    SYNONYMS,
    TITLES,
    demonyms_of,
    is_common_english,
)
from ..core.models import Article, Entity, reading_order
from ..core.parallel import per_item
from ..core.slugs import assign_slugs
from ..core.spelling import (
    CONTENT_SKIP,
    area_parts,
    content_bag,
    initials,
    normal_key,
    sound_key,
    translit_key,
    words_alike,
)
from ..extract.mentions import (
    Name,
    Reads,
    Vocabulary,
    find_names,
    given_name_led,
    vocabulary_of,
    word_uses,
)
from ..extract.roles import OCCUPATIONS, pick_role, role_after, role_before
from .subkinds import BROADCAST, place_cue

PLACE_CUE = re.compile(r"\b(?:in|into|inside|near|across|outside|toward|towards)\s+(?:the\s+)?$",
                       re.IGNORECASE)
"""Prepositions that put a place after them ('from' and 'to' take people as often)."""
PLACE_OF = re.compile(r"\b(?:country\s+of"
                      r"|(?:north|south|east|west)(?:east|west)?\s+of|(?:villages|towns|cities|regions|"
                      r"countries)\s+(?:such\s+as|including|like))\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_LIST = re.compile(r"\b(?:villages|towns|cities|regions|countries|settlements|districts|provinces)\b"
                        r"[^.!?]{0,40}$", re.IGNORECASE)
"""A name listed shortly after a plural place noun ('two villages - X and Y') is likely a place."""
TITLE_BEFORE = re.compile(r"\b(\w+)\.?\s+$")
"""The word before a name, and the full stop of its abbreviation ('Mr. X')."""
ORDINARY_ZIPF = 4.0
"""A word at least this frequent is too ordinary to be part of a personal name."""
SPEECH_AFTER = re.compile(r"^['’]?s?\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|wrote|stated|announced|"
                          r"confirmed|denied|claimed|insisted|posted|tweeted)\b", re.IGNORECASE)
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
SPEECH_BEFORE = re.compile(r"\b(?:according\s+to|said|says|added)\s+the\s+$", re.IGNORECASE)
"""'the X said', 'said the X', 'according to the X': a body speaks; people take no article."""
OWNER_AFTER = re.compile(r"^['’]s?\s")
"""'according to the X's office': the speaker is what X owns."""
STATE_WORDS = frozenset({"federation", "republic", "kingdom", "union", "emirates", "states"})
"""'Moldovan Republic', 'Soviet Union': an adjective and one of these names a country."""
NATIONAL_ENDINGS = ("an", "ian", "ean", "ese", "ish", "ic", "et")
"""Endings of the adjectives that name a union of states ('Soviet', 'European')."""
OWNED = (r"['’]s?\s+(?:own\s+|former\s+|new\s+)?(?:"
         + "|".join(sorted(ORGANISATION_PARTS, key=len, reverse=True)) + ")")
"""'X's chief executive', 'X's shares'."""
CALLED = (r",\s+(?:the|a|an)\s+(?:(?!(?:at|of|for|in|on|with|by|from|to|and|who|which|that|whose)\b)"
          r"[\w’'-]+\s+){0,3}?(?:" + "|".join(sorted(ORGANISATION_NOUNS)) + ")")
"""'X, the company that ...', 'X, a London-based firm' (no preposition in between: 'X, a researcher at
the firm' is a person)."""
BRACKETED_ACRONYM = r"\s*\([A-Z][A-Z&]{1,6}\)"
"""'Full Name (FN)': people have no acronyms."""
BUSINESS_PARTS = frozenset({"arm", "unit", "division", "branch", "affiliate", "subsidiary"})
"""A business's parts, named in an appositive after their owner ('its freight arm, X')."""
NOUN_AFTER = r"\s+(?:" + "|".join(sorted(COMPANY_NOUNS)) + ")"
"""'the X company', 'X's Y firm'."""
ORGANISATION_AFTER = re.compile(rf"^(?:{OWNED}\b|{CALLED}\b|{NOUN_AFTER}\b|{BRACKETED_ACRONYM})")
"""After a name, what only an organisation has or is called."""
ORGANISATION_BEFORE = re.compile(r"(?:\b(?:" + "|".join(sorted(COMPANY_NOUNS)) + r")|\b(?i:shares|stock)\s+"
                                 r"(?:of|in)|\b(?i:analysts|economists|executives|researchers)\s+"
                                 r"(?:at|with)|(?:['’]s?|\b[Ii]ts|\b[Tt]heir)\s+(?:[a-z-]+\s+)?(?:"
                                 + "|".join(sorted(COMPANY_NOUNS | BUSINESS_PARTS)) + r"),)\s+$")
"""Before a name: 'the analytics firm X', 'shares of X', 'analysts at X', 'Y's freight arm, X' (an
appositive naming a business of another)."""
STATEMENT_AFTER = re.compile(r"^(?:\s*(?:said|says|added|announced|confirmed|denied)\s+in\s+a\s+(?:\w+\s+)?"
                             r"statement\b|['’]s?\s+(?:\w+\s+)?spokes(?:man|woman|person)\b)")
"""'X said in a statement', 'X's spokeswoman': how organisations speak, though people do too."""
PRODUCT_AFTER = re.compile(r"^(?:\s+\d{1,2}(?:\.\d+)?\b(?![,.]?\d)"
                           r"|(?:\s*\([A-Z][A-Z&]{1,6}\))?\s+(?:web\s+)?(?:"
                           + "|".join(sorted(PRODUCT_NOUNS, key=len, reverse=True)) + r")\b)")
"""After a name, a version number or a product noun: 'X 9', 'the X (XB) web browser'."""
UNIT_AFTER = re.compile(r"^\s+(?:group|unit|division|committee|panel)\b(?![-'’])")
"""After a name, a lower-case noun for a body: 'the X group', 'the X unit' (of a company or agency).
Not 'office' or 'team': 'its Lisk office', 'the Lisk team' are named after a place."""
OUTLET_AFTER = re.compile(rf"^['’]?,\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?{BROADCAST}\s+"
                          r"(?:station|network|channel|broadcaster|affiliate)\b", re.IGNORECASE)
"""After a name: 'X, a Lisk television station': a broadcaster, cited as a source."""
BRANCH = re.compile(r"^\s+(?:drug\s+|grocery\s+|convenience\s+|department\s+)?(?:store|shop|restaurant|"
                    r"supermarket|pharmacy|branch|outlet)\b")
"""After a name: 'a X store', 'a X drug store': one shop of a chain, a place."""
INDEFINITE_BEFORE = re.compile(r"\ban?\s+(?:local\s+|nearby\s+)?$", re.IGNORECASE)
"""Before a name: 'a X', 'a local X': one of several, as a shop of a chain is."""
PRODUCT_BEFORE = re.compile(r"\b(?:versions?|users|copies)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
"""Before a name: 'older versions of X'."""
CLAUSE_VERB = re.compile(r"^\s+(?:said|says|told|added|wrote|announced|stated|confirmed)\b")
"""A speech verb right after a role phrase: the phrase is the subject of a new clause."""
SPEAKS_OF_SELF = re.compile(r"^\s+(?:said|says|told\s+\w+|added|insisted|claimed)\s+(?:that\s+)?(?:he|she)\b")
"""'X says she saw it': a speaker who is 'he' or 'she' is a person."""
AGED_AFTER = re.compile(r"^,\s*\d{1,3},\s+(?!\d)")
"""'X, 16, ...': an age in apposition."""
KIN_AFTER = re.compile(r"^,\s+(?:the\s+)?(?:[A-Z][\w’'-]*['’]s?|his|her|their)\s+(?:"
                       + "|".join(sorted(KIN - {"parents"})) + r")\b")
"""'X, Y's father', 'X, her sister': a kinship in apposition."""
PERSON_BEFORE = re.compile(r"(?:\b\d{1,3}[- ]year[- ]old(?:\s+(?:man|woman|boy|girl|teenager|teen))?|\b(?:"
                           + "|".join(sorted(KIN)) + r")),?\s+$", re.IGNORECASE)
"""Before a name: '16-year-old X', 'a 23-year-old woman, X', 'his wife, X', 'mother X'."""
ROLE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS | OCCUPATIONS))
                         + r")(?:\s+(?:for|of|to)\s+[^,.;]{1,80})?,\s+$", re.IGNORECASE)
"""Before a full name, a role or occupation set off by a comma: 'his attorney, X', 'a spokesman for
Y, X', 'his barber, X'."""
MAIN_PERSON_SOURCES = 3
"""Sources that must name a person in full before a shared surname alone is read as theirs."""
LARGE_TOWN = 100_000
"""People of a town whose name, shaped like a person's, is read as the town's."""
BODY_SOURCES = 2
"""A bare name that speaks in this many sources, never titled and nobody's surname, is a body."""
CONTEXT = 120
"""Characters of paragraph kept on each side of a name: enough for an appositive role."""


@dataclass(frozen=True)
class Sighting:
    """A name as found, with the paragraph text around it (for typing and roles)."""

    name: Name
    """The name."""
    before: str
    """Up to CONTEXT characters before it in its paragraph."""
    after: str
    """Up to CONTEXT characters after it."""


NO_EDITORIAL = Editorial()
Split = tuple[Collection[str], Collection[str]]
"""Spellings of one curated entity, and spellings its 'not' list keeps out of it."""


def resolve_entities(sightings: Sequence[Sighting],
                     editorial: Editorial = NO_EDITORIAL) -> tuple[tuple[Entity, ...], list[Problem]]:
    """Cluster the sightings into entities of kind group, place or person, as the editor curates."""
    forms = sorted({s.name.mention.text for s in sightings})
    by_key = _by_key(forms)
    splits, problems = _splits(forms, by_key, editorial)
    partition = Partition(forms, splits)
    for a, b in merge_pairs(forms, sightings):
        partition.union(a, b)
    for a, b in _short_forms(forms, partition):
        partition.union(a, b)
    for a, b in _area_short_forms(forms, sightings):
        partition.union(a, b)
    curated, found = _curate(forms, by_key, partition, editorial)
    hidden = {partition.find(f) for f in curated.hidden}
    clusters: dict[str, list[Sighting]] = defaultdict(list)
    for s in sightings:
        root = partition.find(s.name.mention.text)
        if root not in hidden:
            clusters[root].append(s)
    entities = []
    surnames = frozenset(_surname(f) for f in forms if not _lone(f))
    towns = _large_towns(f for f in forms if _person_shape(f)) | _demonym_stems(forms)
    for root, members in clusters.items():
        entry = curated.by_root.get(root)
        kind = entry.kind if entry and entry.kind else kind_of(members, surnames, towns)
        if kind in ("group", "place", "person"):
            entities.append((kind, members, entry))
    return _entities(entities), problems + found


class Partition:
    """Union-find over spellings that refuses every union an editor's split forbids."""

    def __init__(self, forms: Iterable[str], splits: Sequence[Split] = ()) -> None:
        self._parent = {f: f for f in forms}
        self._sides: dict[str, frozenset[tuple[int, bool]]] = defaultdict(frozenset)
        for i, (keep, apart) in enumerate(splits):
            for f in keep:
                self._sides[f] |= {(i, True)}
            for f in apart:
                self._sides[f] |= {(i, False)}

    def find(self, x: str) -> str:
        """Return the root spelling of x's cluster."""
        while self._parent[x] != x:
            self._parent[x] = self._parent[self._parent[x]]
            x = self._parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        """Join the clusters of a and b unless a split keeps them apart; tell whether they are one."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sides_a, sides_b = self._sides[ra], self._sides[rb]
        if any((i, not keep) in sides_b for i, keep in sides_a):
            return False
        root, child = min(ra, rb), max(ra, rb)
        self._parent[child] = root
        self._sides[root] = sides_a | sides_b
        return True


def _by_key(forms: Sequence[str]) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        by_key[normal_key(f)].append(f)
    return by_key


def _spellings(by_key: dict[str, list[str]], names: Iterable[str]) -> list[str]:
    """Every spelling in the sources that folds to one of the names."""
    return [f for n in names for f in by_key.get(normal_key(n), [])]


def _splits(forms: Sequence[str], by_key: dict[str, list[str]],
            editorial: Editorial) -> tuple[list[Split], list[Problem]]:
    """Read each curated entity's 'not' list as spellings to keep out of its cluster."""
    splits: list[Split] = []
    problems: list[Problem] = []
    for entry in editorial.entities:
        apart: list[str] = []
        for name, line in entry.apart:
            found = _spellings(by_key, [name])
            if not found:
                problems.append(_unknown_name(editorial.path, line, name, forms))
            apart += found
        keep = _spellings(by_key, [entry.name, *entry.aliases])
        if keep and apart:
            splits.append((keep, apart))
    return splits, problems


@dataclass(frozen=True)
class _Curated:
    by_root: dict[str, EditorialEntity]
    hidden: tuple[str, ...]


def _curate(forms: Sequence[str], by_key: dict[str, list[str]], partition: Partition,
            editorial: Editorial) -> tuple[_Curated, list[Problem]]:
    """Merge each curated entity's spellings; report names that no source uses."""
    problems: list[Problem] = []
    anchors: list[tuple[str, EditorialEntity]] = []
    for entry in editorial.entities:
        found = _spellings(by_key, [entry.name, *entry.aliases])
        if not found:
            problems.append(_unknown_name(editorial.path, entry.line, entry.name, forms))
            continue
        for f in found[1:]:
            if not partition.union(found[0], f):
                problems.append(problem_at(editorial.path, entry.line,
                                           f"'{f}' cannot join '{entry.name}': a 'not' list keeps it "
                                           "apart from a spelling already in it"))
        anchors.append((found[0], entry))
    hidden: list[str] = []
    for name, line in editorial.hide:
        found = by_key.get(normal_key(name), [])
        if not found:
            problems.append(_unknown_name(editorial.path, line, name, forms))
        hidden += found
    return _Curated({partition.find(f): e for f, e in anchors}, tuple(hidden)), problems


def _unknown_name(path: str, line: int, name: str, forms: Sequence[str]) -> Problem:
    return problem_at(path, line, f"no source names '{name}'{did_you_mean(name, forms)}")


def merge_pairs(forms: Sequence[str], sightings: Sequence[Sighting]) -> Iterable[tuple[str, str]]:
    """Yield pairs of spellings that name the same thing, by every general rule."""
    yield from _same_key(forms)
    yield from _acronyms(forms, sightings)
    yield from _transliterations(forms)
    yield from _synonym_bags(forms)
    yield from _states(forms)
    yield from _islands(forms)
    yield from _of_prefixes(forms)
    people = _people(sightings)
    yield from _surnames(forms, sightings, people)
    yield from _given_names(forms, people)
    yield from _middle_initials(forms)
    yield from _middle_names(forms)
    yield from _short_given_names(forms)
    yield from _inner_heads(forms)
    yield from _area_variants(forms)
    yield from _legal_forms(forms)
    yield from _acronym_tails(forms)
    yield from _acronym_typos(forms, sightings)
    yield from _inner_acronyms(forms)


def _sharing(forms: Iterable[str], key: Callable[[str], Hashable]) -> Iterable[tuple[str, str]]:
    """Pair each form with the first earlier form that has the same key."""
    first: dict[Hashable, str] = {}
    for form in forms:
        found = first.setdefault(key(form), form)
        if found != form:
            yield found, form


def _same_key(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    return _sharing(forms, normal_key)


def _acronyms(forms: Sequence[str], sightings: Sequence[Sighting]) -> Iterable[tuple[str, str]]:
    """'Full Name (FN)' binds FN; otherwise an acronym binds the only name with its initials."""
    acronyms = [f for f in forms if f.isupper() and 2 <= len(f) <= 6]
    for s in sightings:
        bound = re.match(r"^\s*\(([A-Z]{2,6})\)", s.after)
        if bound and bound.group(1) in acronyms:
            yield s.name.mention.text, bound.group(1)
    if not acronyms:
        return
    by_initials: dict[str, set[str]] = {}
    first_form: dict[str, str] = {}
    for f in forms:
        if " " in f:
            key = normal_key(f)
            first_form.setdefault(key, f)
            for letters in {initials(f), _spelled_initials(f), _initials_with_of(f)} - {""}:
                by_initials.setdefault(letters, set()).add(key)
    for acronym in acronyms:
        matches = by_initials.get(acronym.replace(".", ""), set())
        if len(matches) == 1:
            yield first_form[next(iter(matches))], acronym


def _initials_with_of(form: str) -> str:
    """Initials that keep the 'of' of a name: 'Department of Water' -> 'DOW'."""
    words = form.split()
    return "".join(w[0] for w in words if w.lower() == "of" or w.lower() not in CONTENT_SKIP).upper() \
        if "of" in words else ""


def _spelled_initials(form: str) -> str:
    """Initials that keep a short acronym whole: 'US Maritime Survey' -> 'USMS'."""
    short = [w for w in form.split() if w.isupper() and 2 <= len(w) <= 3]
    if not short:
        return ""
    return initials(" ".join(w[0] + " " + " ".join(w[1:]) if w in short else w for w in form.split()))


def _transliterations(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """Spellings whose words agree after transliteration folding and sound alike.

    Only spellings with the same sound key can match, so only those are compared.
    """
    blocks: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for form in forms:
        blocks[tuple(sound_key(w) for w in form.split())].append(form)
    for block in blocks.values():
        for i, a in enumerate(block):
            for b in block[i + 1:]:
                if a.isupper() != b.isupper() and min(len(a), len(b)) <= 6:
                    continue
                if words_alike(a.split(), b.split()):
                    yield a, b


def _synonym_bags(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    return _sharing((f for f in forms if len(f.split()) >= 2), content_bag)


def _is_state(form: str) -> bool:
    """'Moldovan Republic', 'Soviet Union': an adjective of a people and a word for a state.

    A 'Union' needs a national adjective: 'Blue Union' or 'Farmers Union' is a party or a union.
    """
    words = normal_key(form).split()
    if len(words) != 2 or words[1] not in STATE_WORDS:
        return False
    return words[1] != "union" or words[0].endswith(NATIONAL_ENDINGS)


def _states(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Moldovan Republic' joins 'Moldova': the adjective's stem names the same country."""
    for state in filter(_is_state, forms):
        stem = normal_key(state).split()[0][:5]
        countries = [f for f in forms
                     if " " not in normal_key(f) and not f.isupper() and normal_key(f)[:5] == stem]
        if len(countries) == 1:
            yield state, countries[0]


def _islands(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Teskara Island' joins 'Teskara': an island's name is written with and without the noun."""
    keys = {normal_key(f): f for f in forms}
    for form in forms:
        words = normal_key(form).split()
        if len(words) == 2 and words[1] == "island" and words[0] in keys:
            yield keys[words[0]], form


def _of_prefixes(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Water Safety Directorate of the Ministry ...' is the 'Water Safety Directorate';
    'Harbour League for Renewal' is the 'Harbour League': a name of two words or more before its
    'of' or 'for' complement is its short form."""
    keys = {normal_key(f): f for f in forms if len(f.split()) >= 2}
    for form in forms:
        head = re.split(r" (?:of|for) ", form, maxsplit=1)[0]
        if head != form and len(head.split()) >= 2 and normal_key(head) in keys:
            yield form, keys[normal_key(head)]


def _surnames(forms: Sequence[str], sightings: Sequence[Sighting],
              people: Collection[str]) -> Iterable[tuple[str, str]]:
    """A lone surname joins the only full name of a person that ends with it (or, if none does,
    with a transliteration of it: 'Sandkvist' / 'Sandqvist').

    A speaker whose name has a head noun or an 'of' is a body ('the Water Board of Lisk said'),
    whose last word is a place, not a surname. Two people who share the surname keep it apart.
    `people` are the names the text treats as people's (see _people).
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_key: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        if not _lone(f):
            by_last[_surname(f)].append(f)
            by_key[_surname_key(_surname(f))].append(f)
    sources: dict[str, set[str]] = defaultdict(set)
    for s in sightings:
        sources[_initials_dropped(s.name.mention.text)].add(s.name.mention.source)
    for form in forms:
        if not _lone(form):
            continue
        written = by_last.get(form) or by_key.get(_surname_key(form), [])
        fulls = {f for f in written if f in people or _person_shape(f)}
        if len({_initials_dropped(f) for f in fulls}) == 1 and _one_person(written):
            yield form, min(fulls)
        elif named := {f for f in fulls if f in people}:
            main = _main_person(named, sources)
            if main:
                yield form, main


def _surname_key(surname: str) -> str:
    """A surname folded by transliteration, word by word, 'q' read as 'k' as romanisations
    alternate them: 'Sandkvist' and 'Sandqvist' agree."""
    return " ".join(translit_key(w).replace("q", "k") for w in surname.split())


def _surname(form: str) -> str:
    """The last name of a full name, with the particles before it: 'Ana de Lisko' -> 'de Lisko'."""
    words = form.split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in INNER_PARTICLES:
        k -= 1
    return " ".join(words[k:])


def _lone(form: str) -> bool:
    """A name of one word, or a surname written with its particles ('de Lisko', 'van der Berg')."""
    words = form.split()
    return all(w in INNER_PARTICLES for w in words[:-1])


def _main_person(fulls: Collection[str], sources: dict[str, set[str]]) -> str | None:
    """Of several people who share a surname, the one the story is about: named in full in at
    least twice as many sources as any other, or in more sources than another who is only ever
    named beside them (a relative), so the surname alone means them."""
    ranked = sorted(((len(sources[_initials_dropped(f)]), f) for f in fulls), key=lambda x: (-x[0], x[1]))
    top = ranked[0]
    main = sources[_initials_dropped(top[1])]
    others = [(n, sources[_initials_dropped(f)]) for n, f in ranked[1:]
              if _initials_dropped(f) != _initials_dropped(top[1])]
    if top[0] >= MAIN_PERSON_SOURCES and all(top[0] >= 2 * n or (top[0] > n and seen <= main)
                                             for n, seen in others):
        return top[1]
    return None


def _given_names(forms: Sequence[str], people: Collection[str]) -> Iterable[tuple[str, str]]:
    """A lone given name ('Mirela') joins the only full name of a person that starts with it.

    Not a word that ends a longer personal name (a surname; a place ending a body's name, as
    'Lisk' of 'University of Lisk', may still be a given name) and not when two people share the
    given name.
    """
    surnames = {_surname(f) for f in forms if not _lone(f) and not _body_shape(f)}
    by_first: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        if " " in f:
            by_first[f.split()[0]].append(f)
    for form in forms:
        if " " in form or form in surnames or form.isupper():
            continue
        named = by_first.get(form, [])
        fulls = {f for f in named if f in people}
        if fulls and len({normal_key(f).split()[-1] for f in named}) == 1:
            yield form, min(fulls)


def _initials_dropped(form: str) -> str:
    """A name's key without middle initials: 'Mirela D. Danhoff' -> 'mirela danhoff'."""
    words = normal_key(form).split()
    kept = [w for k, w in enumerate(words) if not (0 < k < len(words) - 1 and len(w.rstrip(".")) == 1)]
    return " ".join(kept)


def _middle_initials(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Mirela D. Danhoff' is 'Mirela Danhoff': a middle initial leaves the same person."""
    keys = {normal_key(f): f for f in forms}
    for form in forms:
        short = _initials_dropped(form)
        if short != normal_key(form) and short in keys:
            yield keys[short], form


def _middle_names(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Sarah Jane Baker' is 'Sarah Baker': a personal name of three words is the two-word name
    of its first and last words, where the corpus writes that one."""
    keys = {normal_key(f): f for f in forms if _person_shape(f)}
    for key, form in keys.items():
        words = key.split()
        short = f"{words[0]} {words[-1]}" if len(words) == 3 else ""
        if short in keys:
            yield keys[short], form


def _short_given_names(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Mike Tarrant' is 'Michael Tarrant': a usual short form of a given name before the same
    surname, where the corpus writes just one full form of it before that surname."""
    keys = {key: f for f in forms if _person_shape(f) and len((key := normal_key(f)).split()) == 2}
    for key, form in keys.items():
        given, surname = key.split()
        fulls = (f"{long} {surname}" for long in SHORT_GIVEN_NAMES.get(given, ()))
        longs = [keys[full] for full in fulls if full in keys]
        if len(longs) == 1:
            yield longs[0], form


def _inner_heads(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'the 4th Police Precinct' is 'the 4th Precinct': one head noun inside a name that ends in
    another may be left out ('Lisk Water Board' is not 'Lisk Board': 'Water' is no head noun)."""
    keys = {normal_key(f): f for f in forms}
    for form in forms:
        words = normal_key(form).split()
        inner = [k for k in range(1, len(words) - 1) if words[k] in GROUP_HEADS]
        if len(inner) == 1 and (words[-1] in GROUP_HEADS or words[-1] in PLACE_HEADS):
            short = " ".join(words[:inner[0]] + words[inner[0] + 1:])
            if short in keys:
                yield keys[short], form


def _people(sightings: Sequence[Sighting]) -> set[str]:
    """Names the text treats as people's: titled, aged, kin, with a role, or speaking without a head noun."""
    return {s.name.mention.text for s in sightings
            if _titled(s) or (not _body_shape(s.name.mention.text) and (_speaker(s) or _person_cue(s)))}


def _titled(s: Sighting) -> bool:
    """A title found with the name, or written just before it ('Rev. X', 'Mr X')."""
    title_before = TITLE_BEFORE.search(s.before)
    return bool(s.name.title) or bool(title_before and title_before.group(1).lower() in TITLES)


def _one_person(fulls: Sequence[str]) -> bool:
    """Do these full names, not built on a head noun, all name one person?

    'Mirela Danhoff' and 'Chief Mirela Danhoff' do (one ends with the other); 'Mirela Danhoff' and
    'Ilsa Danhoff' do not.
    """
    names = sorted({tuple(_initials_dropped(f).split()) for f in fulls if not _body_shape(f)}, key=len)
    shortest = names[:1]
    return all(n[len(n) - len(shortest[0]):] == shortest[0] for n in names) if shortest else True


def _short_forms(forms: Sequence[str], partition: Partition) -> Iterable[tuple[str, str]]:
    """'Front' alone joins the only cluster holding a longer name built on that head noun."""
    multiword = [f for f in forms if " " in f]
    for form in forms:
        if " " in form or form.lower() not in GROUP_HEADS:
            continue
        roots = {partition.find(f) for f in multiword if form in f.split()}
        if len(roots) == 1:
            yield form, roots.pop()


def _area_variants(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Liskovsk district' ~ 'Liskov district': one area, its name as noun or as adjective."""
    by_head: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for form in forms:
        parts = area_parts(form)
        if parts:
            by_head[parts[0]].append((form, parts[1]))
    for areas in by_head.values():
        for i, (a, stem_a) in enumerate(areas):
            for b, stem_b in areas[i + 1:]:
                if stem_a == stem_b or words_alike(stem_a, stem_b):
                    yield a, b


def _acronym_tails(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'the Police Department' is the 'LPD' when that is the only acronym ending in its initials.

    Only for a name of common words ending in a head noun, which names no one body on its own:
    reporters shorten 'Lisk Police Department (LPD)' to 'the Police Department'.
    """
    acronyms = [f for f in forms if f.isupper() and f.isalpha() and 3 <= len(f) <= 6]
    for form in forms:
        words = form.split()
        if len(words) < 2 or words[-1].lower() not in GROUP_HEADS \
                or not all(w[:1].isupper() and is_common_english(w) for w in words):
            continue
        letters = initials(form)
        tails = [a for a in acronyms if a.endswith(letters) and len(a) > len(letters)]
        if len(tails) == 1:
            yield tails[0], form


def _acronym_typos(forms: Sequence[str], sightings: Sequence[Sighting]) -> Iterable[tuple[str, str]]:
    """'LSDF' is a typing slip for 'LSFD': two neighbouring letters swapped in a rarer acronym of
    four letters or more, when the corpus writes the other one more often."""
    counts = Counter(s.name.mention.text for s in sightings)
    acronyms = sorted(f for f in forms if f.isupper() and f.isalpha() and 4 <= len(f) <= 6)
    for rare in acronyms:
        for k in range(len(rare) - 1):
            swapped = rare[:k] + rare[k + 1] + rare[k] + rare[k + 2:]
            if swapped != rare and swapped in counts and counts[swapped] > counts[rare]:
                yield swapped, rare


def _inner_acronyms(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Free LSD Church' is the 'Free Church of the Lisk Sela Delta': an acronym inside a name,
    spelled out as words of a longer name, leaves only words of that name."""
    spelling: dict[str, list[tuple[str, list[str]]]] = {}
    """The long names (4 words or more) a run of whose words gives these initials."""
    for long in forms:
        folded = normal_key(long).split()
        if len(long.split()) < 4:
            continue
        codes = {"".join(w[0] for w in folded[k:k + n]).upper()
                 for n in range(2, 7) for k in range(len(folded) - n + 1)}
        for code in codes:
            spelling.setdefault(code, []).append((long, folded))
    for form in forms:
        words = form.split()
        inner = [w for w in words if w.isupper() and w.isalpha() and 2 <= len(w) <= 6]
        if len(words) < 2 or len(inner) != 1:
            continue
        fits = {" ".join(folded): long for long, folded in spelling.get(inner[0], [])
                if long != form and _spelled_inside(words, inner[0], folded)}
        if len(fits) == 1:
            yield next(iter(fits.values())), form


def _spelled_inside(words: list[str], acronym: str, long: list[str]) -> bool:
    """Do the words of a name, its acronym spelled out by a run of the long name's words, all
    belong to the long name?"""
    n, bag = len(acronym), content_bag(" ".join(long))
    runs = (long[k:k + n] for k in range(len(long) - n + 1))
    return any(content_bag(" ".join([*(w for w in words if w != acronym), *run])) <= bag
               for run in runs if "".join(w[0] for w in run).upper() == acronym)


def _legal_forms(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Korvat Inc' is 'Korvat': a legal form after a name leaves the same company."""
    keys = {normal_key(f): f for f in forms}
    for form in forms:
        words = form.split()
        if len(words) >= 2 and words[-1].lower() in LEGAL_FORMS:
            base = keys.get(normal_key(" ".join(words[:-1]).rstrip(",")))
            if base:
                yield base, form


def _area_short_forms(forms: Sequence[str], sightings: Sequence[Sighting]) -> Iterable[tuple[str, str]]:
    """'Sela' alone is the 'Sela region' unless it is a town of its own.

    A town is what the text calls a town, village or city, or what the gazetteer knows as one.
    """
    known = set(forms)
    bases = {}
    for form in forms:
        parts = area_parts(form)
        base = " ".join(form.split()[:-1])
        if parts and base in known:
            bases[base] = form
    if not bases:
        return
    cues = {s.name.mention.text for s in sightings if s.name.mention.text in bases
            and place_cue(s.before, s.after) in ("village", "town", "city")}
    towns = towns_named(bases)
    for base, area in sorted(bases.items()):
        if base not in cues and not towns[base] and not country_by_name(base):
            yield base, area


def _body_shape(form: str) -> bool:
    """A name built on a head noun or joined by 'of'/'for': an organisation or a place."""
    return any(w.lower() in GROUP_HEADS or w.lower() in PLACE_HEADS or w in ("of", "for")
               for w in form.split())


def _person_shape(form: str) -> bool:
    """A personal name's shape: two or three rare capitalised words, or a known given name before a
    surname ('David Brown')."""
    return _rare_person_shape(form) or given_name_led(form.split())


def _rare_person_shape(form: str) -> bool:
    """Two or three capitalised words, none an ordinary word or head noun: a personal name."""
    words = form.split()
    return 2 <= len(words) <= 3 and not any(
        zipf_frequency(w.lower(), "en") >= ORDINARY_ZIPF or w.lower() in GROUP_HEADS
        or w.lower() in PLACE_HEADS or w.isupper() or "-" in w for w in words)


def _speaker(s: Sighting) -> bool:
    return bool(SPEECH_AFTER.match(s.after))


def _large_towns(forms: Iterable[str]) -> frozenset[str]:
    """The names shaped like a person's ('Sela Nova') that the gazetteer knows as a large town."""
    return frozenset(f for f, towns in towns_named(forms).items()
                     if any(t.population >= LARGE_TOWN for t in towns))


def _demonym_stems(forms: Sequence[str]) -> frozenset[str]:
    """One-word names whose adjective of people the corpus also writes ('Lisk' for 'Liskan',
    'Veskaria' for 'Veskarian'): a country or region."""
    words = {w for f in forms for w in f.split()}
    return frozenset(f for f in forms if " " not in f and not f.isupper() and len(f) >= 4
                     and any(d in words for d in demonyms_of(f)))


def kind_of(members: Sequence[Sighting], surnames: Collection[str] = frozenset(),
            towns: Collection[str] = frozenset()) -> str:
    """Vote for a kind over every mention: titles, head nouns, place cues, lexicons.

    An outlet or platform that the sources treat as an organisation in two places or more
    ('X's chief executive', 'shares of X') is an actor of the story. `surnames` are the last
    words of the corpus's longer names, which a bare speaker may be ('the Xs' of a surname X is a
    family, not a group); `towns` the names of large towns and of places whose adjective of
    people the corpus writes, a place wherever no title or role makes them a person.
    """
    votes: Counter[str] = Counter()
    for s in members:
        votes.update(_votes(s))
        if s.name.mention.text in towns and not s.name.title and not _person_cue(s):
            votes.update(["place"] * 3)
    if sum(map(_organisation_cue, members)) >= 2:
        del votes["outlet"], votes["platform"]
    votes.update(["group"] * 2 * _body_speaker_sources(members, surnames))
    if all(f.endswith("s") and f[:-1] in surnames for f in {s.name.mention.text for s in members}):
        return "unknown"
    if not votes:
        return "unknown"
    (kind, top), *rest = votes.most_common()
    return "unknown" if rest and rest[0][1] == top else kind


def _organisation_cue(s: Sighting) -> bool:
    """Words around a name, or a legal form in it, that only an organisation takes."""
    legal = normal_key(s.name.mention.text).split()[-1] in LEGAL_FORMS
    return legal or bool(ORGANISATION_AFTER.match(s.after) or ORGANISATION_BEFORE.search(s.before))


def _body_speaker_sources(members: Sequence[Sighting], surnames: Collection[str]) -> int:
    """How many sources make a bare name speak, when it is never titled and nobody's surname.

    Reporters name a person in full before the surname alone; a one-word name that speaks in
    several sources and is no longer name's last word is a company, agency or party.
    """
    forms = {s.name.mention.text for s in members}
    if any(" " in f or f in surnames for f in forms) or any(s.name.title for s in members):
        return 0
    sources = {s.name.mention.source for s in members if _speaker(s)}
    return len(sources) if len(sources) >= BODY_SOURCES else 0


def _votes(s: Sighting) -> list[str]:
    form = s.name.mention.text
    last = normal_key(form).split()[-1]
    owned = ["group"] * 3 if _organisation_cue(s) else []
    if normal_key(form) in OUTLETS or last in OUTLET_WORDS or OUTLET_AFTER.match(s.after):
        return ["outlet"] * 3 + owned
    if INDEFINITE_BEFORE.search(s.before) and BRANCH.match(s.after):
        return ["place"] * 3
    if normal_key(form) in PLATFORMS:
        return ["platform"] * 3 + owned
    words = normal_key(form).split()
    votes: list[str] = []
    if _titled(s):
        votes += ["person"] * 4
    if THE_BEFORE.search(s.before) and (_speaker(s) or (SPEECH_BEFORE.search(s.before)
                                                         and not OWNER_AFTER.match(s.after))):
        votes += ["group"] * 2
    if PRODUCT_AFTER.match(s.after) or PRODUCT_BEFORE.search(s.before):
        votes += ["product"] * 3
    elif _organisation_cue(s) or (UNIT_AFTER.match(s.after) and not _titled(s)):
        votes += ["group"] * 3
    elif STATEMENT_AFTER.match(s.after) and not (" " not in form and is_common_english(form)):
        votes.append("group")
    head = _head_word(form)
    body = len(words) == 2 and form.split()[-1] in LOWER_BODY_HEADS
    if head in GROUP_HEADS or last in GROUP_HEADS or body:
        votes += ["group"] * 3
    elif any(w in GROUP_HEADS for w in words) and last not in PLACE_HEADS:
        votes += ["group"] * 2
    if _is_state(form):
        votes += ["place"] * 4
    place_head = head in PLACE_HEADS or (last in PLACE_HEADS and head not in GROUP_HEADS)
    if place_head or s.name.dateline or PLACE_OF.search(s.before):
        votes += ["place"] * 3
    if PLACE_CUE.search(s.before) or PLACE_LIST.search(s.before):
        votes.append("place")
    placed = place_cue(s.before, s.after) and not _appositive_role(s)
    if placed or (len(words) <= 3 and country_by_name(form)):
        votes += ["place"] * 3
    if _rare_person_shape(form) or (_person_cue(s) and not _body_shape(form)):
        votes += ["person"] * 2
    elif given_name_led(form.split()) and not THE_BEFORE.search(s.before):
        votes.append("person")  # 'David Brown', though firms bear founders' names; not 'the Rose Garden'
    return votes


def _head_word(form: str) -> str:
    """The head noun of a name: the last word before its first 'of' or 'for' complement, by
    synonym ('Province of Lisk' -> 'province', 'Lisk Ave' -> 'avenue', 'Lisk Board' -> 'board')."""
    words = normal_key(re.split(r" (?:of|for) ", form, maxsplit=1)[0]).split()
    last = words[-1].rstrip(".") if words else ""
    return SYNONYMS.get(last, last)


def _person_cue(s: Sighting) -> bool:
    """An age, a kinship, a role or 'says she' around a name: only people have them."""
    full_name = " " in s.name.mention.text and not s.name.mention.text.isupper()
    return bool(AGED_AFTER.match(s.after) or KIN_AFTER.match(s.after) or SPEAKS_OF_SELF.match(s.after)
                or _appositive_role(s)
                or PERSON_BEFORE.search(s.before) or role_before(s.before)
                or (full_name and _set_off(s.before) and ROLE_BEFORE.search(s.before)))


def _set_off(before: str) -> bool:
    """Whether the words before a name end with a comma and a space, as ROLE_BEFORE needs: checked
    first, because that pattern's long list of roles is slow to try at every position."""
    stripped = before.rstrip()
    return stripped.endswith(",") and len(stripped) < len(before)


def _appositive_role(s: Sighting) -> bool:
    """'X, the deputy chief of Y, ...': a role set off after the name, not the subject of a new
    clause ('in X, the governor of the province said')."""
    role = role_after(s.after)
    if role is None:
        return False
    rest = s.after[s.after.find(role.text) + len(role.text):]
    return not CLAUSE_VERB.match(rest)


Actor = tuple[str, list[Sighting], EditorialEntity | None]
"""An entity before naming: its kind, its sightings and the editor's entry for it."""


def _bare_area_names(actors: list[Actor]) -> dict[int, list[str]]:
    """'Lisk' for a place written only 'Lisk province' or 'the Province of Lisk', by actor index.

    The administrative noun says what sort of place it is; the name without it is the same place,
    unless another entity goes by that bare name (the town the province is named after).
    """
    taken = {normal_key(m.name.mention.text) for _, members, _ in actors for m in members}
    found: dict[int, list[str]] = {}
    for i, (kind, members, _) in enumerate(actors):
        if kind != "place":
            continue
        bare = {b for m in members if (b := _bare_area_name(m.name.mention.text))}
        found[i] = sorted(b for b in bare if normal_key(b) not in taken)
    return found


def _bare_area_name(form: str) -> str | None:
    """The name of an area without its administrative noun, as written: 'Lisk province' -> 'Lisk'."""
    parts = area_parts(form)
    words = form.split()
    if parts is None or not ("of" in words or words[-1].lower() in AREA_HEADS):
        return None
    bare = " ".join(words[words.index("of") + 1:] if "of" in words else words[:-1])
    return bare if normal_key(bare) == " ".join(parts[1]) else None


def _entities(actors: list[Actor]) -> tuple[Entity, ...]:
    bare = _bare_area_names(actors)
    named = [(kind, entry.name if entry else _canonical(members, kind), members, entry)
             for kind, members, entry in actors]
    slugs = assign_slugs(name for _, name, _, _ in named)
    result = []
    for i, (kind, name, members, entry) in enumerate(named):
        spellings = sorted(({m.name.mention.text for m in members} | set(bare.get(i, []))) - {name})
        mentions = tuple(sorted({m.name.mention for m in members}, key=reading_order))
        role = (entry.role if entry else None) or (person_role(members) if kind == "person" else None)
        result.append(Entity(slugs[name], kind, name, tuple(spellings), role,
                             entry.side if entry else None, mentions,
                             entry.description if entry else None,
                             subkind=entry.subkind if entry else None))
    return tuple(sorted(result))


def person_role(members: Sequence[Sighting]) -> str | None:
    """The role the sources give a person, in their words, before or after the name."""
    found = [r for s in members for r in (role_before(s.before, s.name.title), role_after(s.after)) if r]
    return pick_role(found)


def _canonical(members: Sequence[Sighting], kind: str) -> str:
    """The most used spelling, in mixed case; for a person, the most used full name; then the shortest.
    A body named only by what it is ('grand jury') is written as a heading starts: 'Grand jury' (a
    person's name keeps its particle: 'de Lisko')."""
    counts = Counter(m.name.mention.text for m in members)
    mixed_case = any(not f.isupper() for f in counts)
    full_name = kind == "person" and any(" " in f for f in counts)
    name = min(counts, key=lambda f: (mixed_case and f.isupper(), full_name and " " not in f,
                                      -counts[f] - 2 * len(f.split()), len(f), f))
    return name if kind == "person" else name[:1].upper() + name[1:]  # 'de Lisko' stays so


def find_sightings(articles: Sequence[Article], jobs: int = 1, cache: Cache | None = None) -> list[Sighting]:
    """Find every name in the corpus, judged against the corpus's own vocabulary (on `jobs` processes).

    With a cache, an article's names are found again only when the article changed or the
    vocabulary no longer answers what they were found with.
    """
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    if cache is None:
        vocabulary = vocabulary_of(per_item(word_uses, articles, jobs))  # merged in article order
        names = per_item(_names_in, articles, jobs, vocabulary)
    else:
        vocabulary = vocabulary_of(cached_per_item(cache, "vocabulary", word_uses, articles, jobs))
        noted = cached_per_item(cache, "names", _noted_names_in, articles, jobs, vocabulary,
                                valid=lambda found: vocabulary.answers(found[1]))
        names = [found for found, _ in noted]
    return sightings_of((n for found in names for n in found), texts)


def _names_in(article: Article, vocabulary: Vocabulary) -> list[Name]:
    return list(find_names(article, vocabulary))


def _noted_names_in(article: Article, vocabulary: Vocabulary) -> tuple[list[Name], Reads]:
    """The article's names and what they were found with."""
    traced, reads = vocabulary.traced()
    return list(find_names(article, traced)), reads


def sightings_of(names: Iterable[Name], paragraph_text: dict[tuple[str, str], str]) -> list[Sighting]:
    """Attach the surrounding text to each name."""
    result = []
    for n in names:
        text = paragraph_text[(n.mention.source, n.mention.paragraph)]
        end = n.mention.start + len(n.mention.text)
        result.append(Sighting(n, text[max(0, n.mention.start - CONTEXT):n.mention.start],
                               text[end:end + CONTEXT]))
    return result

