"""Stage `resolve`: names across the corpus -> one Entity per real-world thing.

Names are merged (union-find) only by general rules that tell spellings of one thing apart from
different things: the same normalised form; an acronym bound to its full name; transliteration
variants; the same content words up to synonyms ("Freedom"/"Liberty"/"Free"); a surname after
its full name; a head noun ("the Front") when the corpus has exactly one such name. An editor's
split (`not:` in editorial.yml) wins over every rule. Each entity's kind comes from the votes of
all its mentions; a person's role from the words around the name (roles.py).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from .editorial import Editorial, EditorialEntity
from .errors import Problem, did_you_mean, problem_at
from .gazetteer import country_by_name, towns_named
from .lexicon import GROUP_HEADS, OUTLETS, PLACE_HEADS, PLATFORMS, TITLES
from .mentions import Name, build_vocabulary, find_names
from .models import Article, Entity, reading_order
from .roles import pick_role, role_after, role_before
from .slugs import assign_slugs
from .spelling import area_parts, content_bag, initials, normal_key, sound_key, words_alike
from .subkinds import place_cue

PLACE_CUE = re.compile(r"\b(?:in|into|inside|near|across|outside|toward|towards)\s+(?:the\s+)?$",
                       re.IGNORECASE)
"""Prepositions that put a place after them ('from' and 'to' take people as often)."""
PLACE_OF = re.compile(r"\b(?:country\s+of"
                      r"|(?:north|south|east|west)(?:east|west)?\s+of|(?:villages|towns|cities|regions|"
                      r"countries)\s+(?:such\s+as|including|like))\s+(?:the\s+)?$", re.IGNORECASE)
PLACE_LIST = re.compile(r"\b(?:villages|towns|cities|regions|countries|settlements|districts|provinces)\b"
                        r"[^.!?]{0,40}$", re.IGNORECASE)
"""A name listed shortly after a plural place noun ('two villages - X and Y') is likely a place."""
TITLE_BEFORE = re.compile(r"\b(\w+)\s+$")
ORDINARY_ZIPF = 4.0
"""A word at least this frequent is too ordinary to be part of a personal name."""
SPEECH_AFTER = re.compile(r"^['’]?s?\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|added|wrote|stated|announced|"
                          r"confirmed|denied|claimed|insisted|posted|tweeted)\b", re.IGNORECASE)
STATE_WORDS = frozenset({"federation", "republic", "kingdom", "union", "emirates", "states"})
"""'Moldovan Republic', 'Soviet Union': an adjective and one of these names a country."""
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
    for root, members in clusters.items():
        entry = curated.by_root.get(root)
        kind = entry.kind if entry and entry.kind else kind_of(members)
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
    yield from _of_prefixes(forms)
    yield from _surnames(forms, sightings)
    yield from _area_variants(forms)


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
    for acronym in acronyms:
        matches = {normal_key(f) for f in forms if " " in f and initials(f) == acronym}
        if len(matches) == 1:
            full = next(f for f in forms if normal_key(f) in matches)
            yield full, acronym


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
    words = normal_key(form).split()
    return len(words) == 2 and words[1] in STATE_WORDS


def _states(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Moldovan Republic' joins 'Moldova': the adjective's stem names the same country."""
    for state in filter(_is_state, forms):
        stem = normal_key(state).split()[0][:5]
        countries = [f for f in forms
                     if " " not in normal_key(f) and not f.isupper() and normal_key(f)[:5] == stem]
        if len(countries) == 1:
            yield state, countries[0]


def _of_prefixes(forms: Sequence[str]) -> Iterable[tuple[str, str]]:
    """'Main Intelligence Directorate of the Ministry ...' is the 'Main Intelligence Directorate'."""
    keys = {normal_key(f): f for f in forms if len(f.split()) >= 2}
    for form in forms:
        head = re.split(r" of ", form, maxsplit=1)[0]
        if head != form and len(head.split()) >= 2 and normal_key(head) in keys:
            yield form, keys[normal_key(head)]


def _surnames(forms: Sequence[str], sightings: Sequence[Sighting]) -> Iterable[tuple[str, str]]:
    """A lone surname joins the only full name of a person that ends with it.

    A speaker whose name has a head noun or an 'of' is a body ('the Water Board of Lisk said'),
    whose last word is a place, not a surname.
    """
    people = {s.name.mention.text for s in sightings
              if s.name.title or (_speaker(s) and not _body_shape(s.name.mention.text))}
    by_last: dict[str, list[str]] = defaultdict(list)
    for f in forms:
        if " " in f:
            by_last[f.split()[-1]].append(f)
    for form in forms:
        if " " in form:
            continue
        fulls = {f for f in by_last.get(form, []) if f in people or _person_shape(f)}
        if len({normal_key(f) for f in fulls}) == 1:
            yield form, min(fulls)


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
    """Two or three capitalised words, none an ordinary word or head noun: a personal name."""
    words = form.split()
    return 2 <= len(words) <= 3 and not any(
        zipf_frequency(w.lower(), "en") >= ORDINARY_ZIPF or w.lower() in GROUP_HEADS
        or w.lower() in PLACE_HEADS or w.isupper() or "-" in w for w in words)


def _speaker(s: Sighting) -> bool:
    return bool(SPEECH_AFTER.match(s.after))


def kind_of(members: Sequence[Sighting]) -> str:
    """Vote for a kind over every mention: titles, head nouns, place cues, lexicons."""
    votes: Counter[str] = Counter()
    for s in members:
        votes.update(_votes(s))
    if not votes:
        return "unknown"
    (kind, top), *rest = votes.most_common()
    return "unknown" if rest and rest[0][1] == top else kind


def _votes(s: Sighting) -> list[str]:
    form = s.name.mention.text
    last = normal_key(form).split()[-1]
    if normal_key(form) in OUTLETS:
        return ["outlet"] * 3
    if normal_key(form) in PLATFORMS:
        return ["platform"] * 3
    words = normal_key(form).split()
    votes: list[str] = []
    title_before = TITLE_BEFORE.search(s.before)
    if s.name.title or (title_before and title_before.group(1).lower() in TITLES):
        votes += ["person"] * 4
    if re.search(r"\bthe\s+$", s.before, re.IGNORECASE) and _speaker(s) and " " not in form:
        votes += ["group"] * 2
    if last in GROUP_HEADS:
        votes += ["group"] * 3
    elif any(w in GROUP_HEADS for w in words):
        votes += ["group"] * 2
    if _is_state(form):
        votes += ["place"] * 4
    if last in PLACE_HEADS or s.name.dateline or PLACE_OF.search(s.before):
        votes += ["place"] * 3
    if PLACE_CUE.search(s.before) or PLACE_LIST.search(s.before):
        votes.append("place")
    if place_cue(s.before, s.after) or (len(words) <= 3 and country_by_name(form)):
        votes += ["place"] * 3
    if _person_shape(form):
        votes += ["person"] * 2
    return votes


def _entities(actors: list[tuple[str, list[Sighting], EditorialEntity | None]]) -> tuple[Entity, ...]:
    named = [(kind, entry.name if entry else _canonical(members, kind), members, entry)
             for kind, members, entry in actors]
    slugs = assign_slugs(name for _, name, _, _ in named)
    result = []
    for kind, name, members, entry in named:
        spellings = sorted({m.name.mention.text for m in members} - {name})
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
    """The most used spelling, in mixed case; for a person, the most used full name; then the shortest."""
    counts = Counter(m.name.mention.text for m in members)
    mixed_case = any(not f.isupper() for f in counts)
    full_name = kind == "person" and any(" " in f for f in counts)
    return min(counts, key=lambda f: (mixed_case and f.isupper(), full_name and " " not in f,
                                      -counts[f] - 2 * len(f.split()), len(f), f))


def find_sightings(articles: Sequence[Article]) -> list[Sighting]:
    """Find every name in the corpus, judged against the corpus's own vocabulary."""
    vocabulary = build_vocabulary(articles)
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    return sightings_of((n for a in articles for n in find_names(a, vocabulary)), texts)


def sightings_of(names: Iterable[Name], paragraph_text: dict[tuple[str, str], str]) -> list[Sighting]:
    """Attach the surrounding text to each name."""
    result = []
    for n in names:
        text = paragraph_text[(n.mention.source, n.mention.paragraph)]
        end = n.mention.start + len(n.mention.text)
        result.append(Sighting(n, text[max(0, n.mention.start - CONTEXT):n.mention.start],
                               text[end:end + CONTEXT]))
    return result

