"""Sentence boundaries with character offsets, shared by every stage that quotes text."""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "adm", "st",
    "jr", "sr", "rep", "sen", "gov", "pres", "rev", "fr", "u.s", "u.k", "u.n", "e.u", "no", "vs",
    "etc", "e.g", "i.e", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "univ",
})
BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s+[\"“‘'(\[]?[A-Z0-9])")
"""A run of full stops and its closing marks, before a space and a capital.

The run is taken whole and only from its first mark (no backtracking, no retry from inside it):
a shorter run, or one started later, ends before a mark, never before the space the lookahead
needs, so this finds what the plain pattern finds, in time linear in the run."""


PARAGRAPHS_REMEMBERED = 1 << 18
"""About 55,000 articles' paragraphs (some 20 MB of offsets at 10,000 articles)."""


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentences; return (start, end) offsets, stripped of spaces.

    Remembered for up to PARAGRAPHS_REMEMBERED paragraphs: several stages, and every page that cites
    a mention, split the same paragraph again and again, each going over the whole corpus (a cache
    smaller than the corpus misses on every pass: at 1,024, render split 160,000 paragraphs for
    225,000 mentions at 10,000 articles, which have 47,000).
    """
    return list(_sentence_spans(text))


@lru_cache(maxsize=PARAGRAPHS_REMEMBERED)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        word = re.search(r"(\S+)$", text[max(start, match.start() - 40) : match.start()])
        token = word.group(1).lower().rstrip(".") if word else ""
        if match.group(0).startswith(".") and (token in ABBREVIATIONS or re.fullmatch(r"[a-z]", token)):
            continue
        spans.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return tuple(spans)


def sentences(text: str) -> list[str]:
    """Split text into sentences."""
    return [text[a:b] for a, b in sentence_spans(text)]
