"""How the sources describe an entity: appositives and definitions, quoted verbatim."""

from __future__ import annotations

import re

from ..core.models import Citation, Entity, Site, reading_order

APPOSITIVE = re.compile(
    r"^(?:['’]s?)?,\s+(?P<phrase>(?P<lead>a|an|the|which|who)\s+(?P<next>[\w’'-]+)\s*(?P<then>[\w’'-]*)"
    r"(?:[^,;:.!?“”\"]|(?<=\d)[,.](?=\d))*)(?=[,;.]|$)")
DEFINITION = re.compile(r"^\s+(?:is|was|are|were)\s+(?:a|an)\s+[^.!?]+[.!?]")
MAX_WORDS = 30
WINDOW = 1000
"""Characters read after a name for its description: MAX_WORDS words fit well within this, so a phrase
or sentence still running at the window's end would be refused anyway."""


def descriptions(entity: Entity, site: Site) -> list[Citation]:
    """Quote each phrase that defines the entity where it is named, once, in reading order."""
    found: dict[Citation, None] = {}
    for m in sorted(entity.mentions, key=reading_order):
        text = site.article(m.source).paragraph(m.paragraph).text
        end = m.start + len(m.text)
        quote = _appositive(text, m.start, end, entity.kind) or _definition(text, m.start, end)
        if quote and len(quote.split()) <= MAX_WORDS:
            found.setdefault(Citation(m.source, m.paragraph, quote))
    return list(found)


def _appositive(text: str, start: int, end: int, kind: str) -> str | None:
    """'X, an exiled politician who ...': the phrase after a comma, not a list of names."""
    window = text[end:end + WINDOW]
    match = APPOSITIVE.match(window)
    if not match or (match.end("phrase") == len(window) < len(text) - end):
        return None
    lead = match.group("lead")
    if (lead == "who" and kind != "person") or (lead == "which" and kind == "person"):
        return None
    follower, then = match.group("next"), match.group("then")
    if follower[:1].isupper():
        demonym = follower.endswith(("ian", "ese", "ish", "an"))
        if not demonym or then[:1].isupper():
            return None
    return text[start:end + match.end("phrase")]


def _definition(text: str, start: int, end: int) -> str | None:
    """'X is a militia formed in ...': a sentence that defines its subject."""
    stripped = start
    while stripped > 0 and text[stripped - 1].isspace():
        stripped -= 1
    if stripped and not text.endswith((".", "!", "?", "the", "The"), 0, stripped):
        return None
    match = DEFINITION.match(text[end:end + WINDOW])
    if not match:
        return None
    subject_start = start - 4 if text.endswith(("the", "The"), 0, stripped) else start
    return text[max(0, subject_start):end + match.end()].strip()
