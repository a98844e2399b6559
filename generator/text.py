"""Sentence boundaries with character offsets, shared by every stage that quotes text."""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "cmdr", "adm", "st",
    "jr", "sr", "rep", "sen", "gov", "pres", "rev", "fr", "u.s", "u.k", "u.n", "e.u", "no", "vs",
    "etc", "e.g", "i.e", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "est", "dept", "univ",
})
BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentences; return (start, end) offsets, stripped of spaces."""
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
    return spans


def sentences(text: str) -> list[str]:
    """Split text into sentences."""
    return [text[a:b] for a, b in sentence_spans(text)]
