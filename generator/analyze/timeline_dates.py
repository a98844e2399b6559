"""Stage `analyze` (timeline): where sources put what reads as one development on different days.

Two dated sentences from different sources are taken to tell of one development when they share
most of their distinctive words (words rarer than everyday English, dates left out): at least
MIN_SHARED of them, and at least MIN_OVERLAP of the smaller sentence's. Such sentences that give
different days, no more than MAX_DAYS_APART apart, are shown side by side like figures, each with
its own date and citation. Nothing says which date is right, and the page says these may be two
developments after all: the match is by wording, not by meaning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from wordfreq import zipf_frequency

from ..core.models import MONTH_NAMES, WEEKDAY_NAMES, DateDisagreement, Event

MIN_SHARED = 3
"""Distinctive words two sentences must share to tell of one development."""
MIN_OVERLAP = 0.6
"""Share of the smaller sentence's distinctive words the other must have."""
MAX_DAYS_APART = 7
"""Days further apart than this are taken to be two developments."""
COMMON = 4.8
"""Zipf frequency from which a word is everyday English ('said', 'people', 'city'), not distinctive."""
MAX_WORD_EVENTS = 40
"""A word in more sentences than this is too common in the corpus to pair sentences by."""
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
POSSESSIVE = re.compile(r"['’]s?$")
DATE_WORDS = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAY_NAMES)) | {
    "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week",
    "weekend", "month", "year", "earlier", "later", "last", "next"}


def distinctive_words(sentence: str) -> frozenset[str]:
    """The words of a sentence that are rarer than everyday English, dates left out."""
    words = {POSSESSIVE.sub("", w.lower()) for w in WORD.findall(sentence)}
    return frozenset(w for w in words
                     if len(w) > 2 and w not in DATE_WORDS and zipf_frequency(w, "en") < COMMON)


def date_disagreements(events: Sequence[Event]) -> tuple[DateDisagreement, ...]:
    """Groups of sentences from different sources that tell of one development on different days."""
    dated = [e for e in events if e.precision == "day"]
    words = [distinctive_words(e.text) for e in dated]
    by_word: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(words):
        for w in found:
            by_word[w].append(i)
    parent = list(range(len(dated)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in sorted(_candidate_pairs(by_word)):
        if _one_development(dated[i], dated[j], words[i], words[j]):
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(dated)):
        groups[root(i)].append(i)
    result = []
    for members in groups.values():
        chosen = [dated[i] for i in members]
        if len({e.date for e in chosen}) > 1:
            shared = frozenset.intersection(*(words[i] for i in members))
            result.append(DateDisagreement(tuple(sorted(shared)), tuple(sorted(chosen, key=_order))))
    return tuple(sorted(result, key=lambda d: _order(d.events[0])))


def _candidate_pairs(by_word: dict[str, list[int]]) -> set[tuple[int, int]]:
    """Pairs of sentences that share a distinctive word the corpus does not use everywhere."""
    pairs: set[tuple[int, int]] = set()
    for members in by_word.values():
        if len(members) <= MAX_WORD_EVENTS:
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
    return pairs


def _one_development(a: Event, b: Event, words_a: frozenset[str], words_b: frozenset[str]) -> bool:
    """Two sentences of different sources, on different days close together, in mostly the same words."""
    if a.citation.source == b.citation.source or a.date == b.date:
        return False
    if abs((date.fromisoformat(a.date) - date.fromisoformat(b.date)).days) > MAX_DAYS_APART:
        return False
    shared = len(words_a & words_b)
    return shared >= MIN_SHARED and shared >= MIN_OVERLAP * min(len(words_a), len(words_b))


def _order(event: Event) -> tuple[str, str, int]:
    return event.date, event.citation.source, int(event.citation.paragraph[1:])
