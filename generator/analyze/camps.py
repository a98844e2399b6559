"""Camps: whose side or body a speaker speaks for, read from the text.

A camp is the speaker's side where the text or the editor sets one (a country's government); else
the group the speaker's role names ('FDW general secretary' speaks for the federation whose short
name is FDW, 'HCC chief executive' for HCC); and a group speaks in its own name where its people
do. The responses pages group statements by camp, so a strike story reads as the union, the rail
operator and the government, not one list of 'side not stated'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..core.models import Entity, Statement

WORD = re.compile(r"\w+")
"""A run of word characters: a spelling found whole in a role starts with one of the role's runs."""


def role_camp(entity: Entity, names: dict[str, Entity]) -> str | None:
    """The group a speaker's role names (that group's side, or its name), else None."""
    if not entity.role:
        return None
    order = _groups_longest_first(names)
    if entity.id not in order.camps:
        role = entity.role
        words = set(WORD.findall(role.lower()))
        candidates = sorted({i for w in words for i in order.by_first_word.get(w, ())})
        order.camps[entity.id] = next(
            (other.side or other.name for other, spelled in (order.groups[i] for i in candidates)
             if other.id != entity.id and spelled.search(role)), None)
    return order.camps[entity.id]


def with_camps(statements: Sequence[Statement], entities: Sequence[Entity]) -> tuple[Statement, ...]:
    """Give each statement without a side the camp of its speaker, where the text names one.

    A person's camp is the group their role names; a group's is its own name when one of its people
    speaks for it too (a body speaking alone is its own heading already, as a speaker).
    """
    names = {e.id: e for e in entities}
    camps = {s.speaker: role_camp(names[s.speaker], names)
             for s in statements if s.speaker and not s.side and names[s.speaker].kind == "person"}
    represented = {c for c in camps.values() if c}
    result = []
    for s in statements:
        camp = None
        if s.speaker and not s.side:
            speaker = names[s.speaker]
            camp = camps.get(s.speaker) or (speaker.name if speaker.kind == "group"
                                            and speaker.name in represented else None)
        result.append(replace(s, camp=camp) if camp else s)
    return tuple(result)


@dataclass
class _GroupOrder:
    """The groups of one entity table, longest name first, each with a pattern of its spellings, and
    the camps already worked out: asked once per statement, sorting every entity each time was
    quadratic."""

    names: dict[str, Entity]
    groups: list[tuple[Entity, re.Pattern[str]]]
    by_first_word: dict[str, list[int]]
    """For each word, the groups one of whose spellings starts with it: a role is tried only against
    the groups whose spellings could be in it (every group against every role grew as their product)."""
    camps: dict[str, str | None] = field(default_factory=dict)


_group_order: list[_GroupOrder] = []
"""The order of the last entity table asked about."""


def _groups_longest_first(names: dict[str, Entity]) -> _GroupOrder:
    """The groups of an entity table, longest name first, each with its spellings as whole words
    (three letters or more: 'HCC', not 'EU' inside a longer word)."""
    if not _group_order or _group_order[0].names is not names:
        groups = sorted((e for e in names.values() if e.kind == "group"), key=lambda e: (-len(e.name), e.id))
        order: list[tuple[Entity, re.Pattern[str]]] = []
        by_first_word: dict[str, list[int]] = {}
        for g in groups:
            spellings = sorted({n for n in (g.name, *g.aliases) if len(n) >= 3}, key=len, reverse=True)
            if spellings:
                pattern = r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])"
                for first in {m.group() for n in spellings if (m := WORD.search(n.lower()))}:
                    by_first_word.setdefault(first, []).append(len(order))
                order.append((g, re.compile(pattern, re.IGNORECASE)))
        _group_order[:] = [_GroupOrder(names, order, by_first_word)]
    return _group_order[0]
