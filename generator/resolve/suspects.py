"""Suspected merges: pairs of entities that the merge rules kept apart but that look like one.

`explainer check` lists them with the evidence and the editorial.yml lines that would accept
each one. The evidence is general: one name's words inside the other's ('Valley Guard' in
'Sela Valley Guard'), a short form or acronym that fits several names so no rule could choose,
the same name on another head noun ('... Front' / '... Brigade'), the same head noun and a shared
word, and spellings that sound alike or nearly match but not both, as the transliteration rule
needs. Pairs the editor merged or split are left out, and so are places of different sizes (a
town and the district named after it).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from ..core.curation import Editorial, EditorialEntity
from ..core.lexicon import GROUP_HEADS, PLACE_HEADS
from ..core.models import Entity
from ..core.spelling import (
    SAME_SOUND_SIMILARITY,
    content_bag,
    content_words,
    initials,
    normal_key,
    similarity,
    sound_key,
    word_alike,
)
from .places import RANK

MAX_SUSPICIONS = 20
"""At most this many are listed, strongest evidence first."""
HEAD_STEMS = frozenset(h[:5] for h in GROUP_HEADS | PLACE_HEADS)
GROUP_STEMS = frozenset(h[:5] for h in GROUP_HEADS)
PLAIN_YAML = re.compile(r"[^\W\d_][\w .'’-]*[\w.'’]|[^\W\d_]")
YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
NO_EDITORIAL = Editorial()


@dataclass(frozen=True)
class Suspicion:
    """Two entities that may be one, why, and the editorial.yml lines that would merge them."""

    keep: Entity
    """The entity whose name would stay."""
    alias: Entity
    """The entity that would become its alias."""
    evidence: tuple[str, ...]
    """Why they look like one, in words."""
    strength: int
    """Weight of the evidence; higher is listed first."""
    entry_line: int | None
    """Line of keep's existing entry in editorial.yml, or None when it has none."""
    yaml: tuple[str, ...]
    """The lines that accept the merge: a new entry, or the new aliases line of the existing one."""


@dataclass(frozen=True)
class _Clue:
    """One piece of evidence that two entities are one."""

    a: Entity
    """The entity whose name is the better one to keep if keep_a."""
    b: Entity
    """The other entity."""
    text: str
    """The evidence in words."""
    weight: int
    """How strong it is."""
    keep_a: bool
    """Whether a's name is the one to keep (the fuller or more used one)."""
    rule: str = ""
    """The rule that found it: a pair counts one piece of evidence per rule."""


def suspect_merges(entities: Sequence[Entity], editorial: Editorial = NO_EDITORIAL) -> tuple[Suspicion, ...]:
    """List the strongest suspected merges, leaving out pairs the editor split."""
    split = _split_pairs(entities, editorial)
    clues: dict[tuple[str, str], list[_Clue]] = defaultdict(list)
    for rule in (_subsets, _acronyms, _head_swaps, _shared_heads, _near_sounds):
        for clue in rule(entities):
            pair = (min(clue.a.id, clue.b.id), max(clue.a.id, clue.b.id))
            if clue.a.id != clue.b.id and pair not in split and not _different_sizes(clue.a, clue.b):
                clues[pair].append(replace(clue, rule=rule.__name__))
    suspicions = sorted((_suspicion(found, editorial) for found in clues.values()),
                        key=lambda s: (-s.strength, -len(s.keep.mentions) - len(s.alias.mentions),
                                       s.keep.name, s.alias.name))
    return tuple(suspicions[:MAX_SUSPICIONS])


def _different_sizes(a: Entity, b: Entity) -> bool:
    """A town and the district named after it are two places: their sorts differ in size."""
    sizes = {RANK.get(e.subkind or "") for e in (a, b)}
    return a.kind == b.kind == "place" and None not in sizes and len(sizes) == 2


def _spellings(e: Entity) -> tuple[str, ...]:
    return (e.name, *e.aliases)


def _split_pairs(entities: Sequence[Entity], editorial: Editorial) -> set[tuple[str, str]]:
    """Pairs of entity ids that an entry's 'not' list keeps apart."""
    by_key = {normal_key(f): e.id for e in entities for f in _spellings(e)}
    pairs: set[tuple[str, str]] = set()
    for entry in editorial.entities:
        own = {by_key[k] for k in map(normal_key, (entry.name, *entry.aliases)) if k in by_key}
        other = {by_key[k] for k in (normal_key(n) for n, _ in entry.apart) if k in by_key}
        pairs |= {(min(a, b), max(a, b)) for a in own for b in other}
    return pairs


def _subsets(entities: Sequence[Entity]) -> Iterable[_Clue]:
    """Every word of one name is in a longer name of the same kind ('Valley Guard' / 'Sela Valley Guard')."""
    by_id = {e.id: e for e in entities}
    index: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entities:
        for f in _spellings(e):
            for w in content_bag(f):
                index[w].add((f, e.id))
    for e in entities:
        for short in _spellings(e):
            bag = content_bag(short)
            holders = set.intersection(*(index[w] for w in bag)) if bag else set()
            fits = sorted((i, f) for f, i in holders
                          if i != e.id and by_id[i].kind == e.kind and _short_form(bag, f))
            others = len({i for i, _ in fits})
            for i, f in fits:
                text = f"every word of '{short}' is in '{f}'"
                if others > 1:
                    text += f" (and in {others - 1} other name(s), so no rule could choose)"
                yield _Clue(by_id[i], e, text, 3 if others == 1 else 2, keep_a=True)


def _short_form(bag: frozenset[str], long: str) -> bool:
    """Can words `bag` be a short form of `long`? They must hold its group head noun, if it has one.

    'Valley Guard' can be 'Sela Valley Guard'; 'Sela' (a qualifier) cannot be 'Sela Water Board',
    nor 'Ministry of Works' be '... Directorate of the Ministry of Works' (a name in the complement).
    """
    if not bag < content_bag(long):
        return False
    head_part = content_words(_head_part(long))
    if head_part and head_part[-1] in GROUP_STEMS:
        return head_part[-1] in bag
    return bool(bag & set(head_part))


def _head_part(form: str) -> str:
    """The name before its first 'of'/'for' complement: 'Water Board of Sela' -> 'Water Board'."""
    return re.split(r" (?:of|for) ", form, maxsplit=1)[0]


def _head_swaps(entities: Sequence[Entity]) -> Iterable[_Clue]:
    """The same words on another head noun ('Free Sela Front' / 'Free Sela Brigade')."""
    places = _place_stems(entities)
    by_rest: dict[tuple[str, frozenset[str]], dict[str, tuple[str, Entity]]] = defaultdict(dict)
    for e in entities:
        for f in _spellings(e):
            words = content_words(f)
            heads = [w for w in words if w in HEAD_STEMS]
            rest = frozenset(w for w in words if w not in HEAD_STEMS)
            if heads and len(rest) >= 2:
                by_rest[(e.kind, rest)].setdefault(e.id, (f, e))
    for group in by_rest.values():
        for (fa, a), (fb, b) in combinations(sorted(group.values(), key=lambda x: x[1].id), 2):
            if not _other_places(fa, fb, places):
                yield _Clue(a, b, f"'{fa}' and '{fb}' are the same name on another head noun", 2,
                            keep_a=len(a.mentions) >= len(b.mentions))


def _shared_heads(entities: Sequence[Entity]) -> Iterable[_Clue]:
    """The same head noun and a shared word, each with words of its own, unless those name places.

    'Sela Water Board' / 'Water Board of Ardeny' are suspect; 'Lisk Water Board' / 'Water Board
    of Ardeny' are not when Lisk and Ardeny are places of the corpus.
    """
    places = _place_stems(entities)
    by_head: dict[tuple[str, str], dict[str, tuple[str, Entity]]] = defaultdict(dict)
    for e in entities:
        for f in _spellings(e):
            head = content_words(_head_part(f))[-1:]
            if head and head[0] in HEAD_STEMS and len(content_words(f)) >= 2:
                by_head[(e.kind, head[0])].setdefault(e.id, (f, e))
    for group in by_head.values():
        for (fa, a), (fb, b) in combinations(sorted(group.values(), key=lambda x: x[1].id), 2):
            bag_a, bag_b = content_bag(fa), content_bag(fb)
            shared = bag_a & bag_b - HEAD_STEMS
            if shared and bag_a - bag_b and bag_b - bag_a and not _other_places(fa, fb, places):
                yield _Clue(a, b, f"'{fa}' and '{fb}' share the head noun and a modifier", 1,
                            keep_a=len(a.mentions) >= len(b.mentions))


def _place_stems(entities: Sequence[Entity]) -> frozenset[str]:
    """Stems of the corpus's one-word place names, as content_words folds them."""
    return frozenset(content_words(f)[0] for e in entities if e.kind == "place"
                     for f in _spellings(e) if len(content_words(f)) == 1)


def _other_places(a: str, b: str, places: frozenset[str]) -> bool:
    """Each name has a place word the other lacks: they belong to different places."""
    bag_a, bag_b = content_bag(a), content_bag(b)
    return bool((bag_a - bag_b) & places) and bool((bag_b - bag_a) & places)


def _acronyms(entities: Sequence[Entity]) -> Iterable[_Clue]:
    """An acronym whose letters are the initials of a full name that no bracket bound to it."""
    by_initials: dict[str, list[tuple[str, Entity]]] = defaultdict(list)
    for e in entities:
        for f in _spellings(e):
            if " " in f:
                by_initials[initials(f)].append((f, e))
    for e in entities:
        for acronym in (f for f in _spellings(e) if f.isupper() and 2 <= len(f) <= 6):
            fits = [(f, o) for f, o in by_initials.get(acronym, []) if o.id != e.id]
            names = {o.id for _, o in fits}
            for f, o in fits:
                text = f"'{acronym}' is the initials of '{f}'"
                if len(names) > 1:
                    text += f" (and of {len(names) - 1} other name(s), so no rule could choose)"
                yield _Clue(o, e, text, 3 if len(names) == 1 else 2, keep_a=True)


def _near_sounds(entities: Sequence[Entity]) -> Iterable[_Clue]:
    """Spellings that sound alike, or nearly match letter for letter, but not both as the rule needs."""
    blocks: dict[tuple[str, int, str], list[tuple[str, Entity]]] = defaultdict(list)
    for e in entities:
        for f in _spellings(e):
            words = f.split()
            blocks[(e.kind, len(words), normal_key(words[0])[:1])].append((f, e))
    for block in blocks.values():
        for (fa, a), (fb, b) in combinations(sorted(block, key=lambda x: x[0]), 2):
            near = _near_words(fa.split(), fb.split()) if a.id != b.id else None
            if near:
                x, y, score = near
                why = ("they sound alike but differ in letters" if sound_key(x) == sound_key(y)
                       else "their letters nearly match but they sound different")
                yield _Clue(a, b, f"'{fa}' and '{fb}': {why} ('{x}'/'{y}' {score:.2f} similar; the "
                                  f"rule needs {SAME_SOUND_SIMILARITY} and the same sound)", 2,
                            keep_a=len(a.mentions) >= len(b.mentions))


def _near_words(a: list[str], b: list[str]) -> tuple[str, str, float] | None:
    """The one pair of words that nearly match when all the others match; None otherwise."""
    misses = [(x, y) for x, y in zip(a, b, strict=True) if not word_alike(x, y)]
    if len(misses) != 1:
        return None
    x, y = misses[0]
    if min(len(x), len(y)) < 4 or x.isupper() or y.isupper():
        return None
    score = similarity(x, y)
    return (x, y, score) if score >= SAME_SOUND_SIMILARITY or sound_key(x) == sound_key(y) else None


def _suspicion(clues: list[_Clue], editorial: Editorial) -> Suspicion:
    """Weigh a pair's clues and write the YAML that accepts it."""
    first = clues[0]
    keep, alias = (first.a, first.b) if first.keep_a else (first.b, first.a)
    entries = {e.id: _entry_of(e, editorial) for e in (keep, alias)}
    if entries[alias.id] and not entries[keep.id]:
        keep, alias = alias, keep
    entry = entries[keep.id]
    first_per_rule = list({c.rule: c for c in reversed(clues)}.values())[::-1]
    evidence = tuple(c.text for c in first_per_rule)
    strength = sum(c.weight for c in first_per_rule)
    if entry is None:
        lines = (f"- name: {yaml_scalar(keep.name)}", f"  aliases: [{yaml_scalar(alias.name)}]")
        return Suspicion(keep, alias, evidence, strength, None, lines)
    names = ", ".join(yaml_scalar(n) for n in (*entry.aliases, alias.name))
    return Suspicion(keep, alias, evidence, strength, entry.line, (f"aliases: [{names}]",))


def _entry_of(entity: Entity, editorial: Editorial) -> EditorialEntity | None:
    keys = {normal_key(f) for f in _spellings(entity)}
    return next((e for e in editorial.entities if normal_key(e.name) in keys), None)


def yaml_scalar(name: str) -> str:
    """Write a name as YAML: plain when it reads back as itself, else double-quoted."""
    plain = PLAIN_YAML.fullmatch(name) and name.lower() not in YAML_WORDS
    return name if plain else json.dumps(name, ensure_ascii=False)


def format_suspicions(suspicions: Sequence[Suspicion], path: str) -> list[str]:
    """Lines that `explainer check` prints: each pair, its evidence, and the YAML that accepts it."""
    if not suspicions:
        return []
    lines = [f"explainer: {len(suspicions)} suspected merge(s) the rules did not make; "
             f"to accept one, add its lines to {path}"]
    for s in suspicions:
        lines.append(f"  {_label(s.keep)}  +  {_label(s.alias)}")
        lines += [f"    why: {text}" for text in s.evidence]
        where = f"in the entry at {path}:{s.entry_line}" if s.entry_line else "under 'entities:'"
        lines.append(f"    accept, {where}:")
        lines += [f"      {line}" for line in s.yaml]
    return lines


def _label(e: Entity) -> str:
    sources = len({m.source for m in e.mentions})
    return f"{e.name} ({e.kind}, {len(e.mentions)} mention(s) in {sources} source(s))"
