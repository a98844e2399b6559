"""A site title when site.yml gives none: what happened and who or where, read from the corpus.

What happened is the most specific event noun that a third of the headlines (or, failing that,
of the opening paragraphs) use; then the two entities the most sources name, each named by at
least half of them. Nothing is invented: every word is in the sources, and the home page says
that the title was derived and how to set one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.models import Article, Entity

EVENT_NOUNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("earthquake", ("quake", "quakes")), ("tsunami", ()), ("hurricane", ()), ("typhoon", ()),
    ("cyclone", ()), ("tornado", ()), ("flood", ("flooding",)), ("wildfire", ()), ("landslide", ()),
    ("eruption", ()), ("drought", ()), ("heatwave", ()), ("blizzard", ()), ("explosion", ()),
    ("derailment", ()), ("shooting", ()), ("stabbing", ()), ("bombing", ()), ("airstrike", ()),
    ("raid", ()), ("incursion", ()), ("invasion", ()), ("offensive", ()), ("coup", ()),
    ("uprising", ()), ("riot", ("rioting",)), ("protest", ("protesters", "protestors")),
    ("unrest", ()), ("walkout", ()), ("boycott", ()), ("election", ()), ("referendum", ()),
    ("impeachment", ("impeached",)), ("indictment", ("indicted",)), ("trial", ()),
    ("verdict", ()), ("sentencing", ()), ("conviction", ("convicted",)), ("acquittal", ()),
    ("assassination", ()), ("kidnapping", ()), ("hijacking", ()), ("cyberattack", ()),
    ("hack", ("hacked", "hackers")), ("breach", ()), ("vulnerability", ("zero-day",)), ("flaw", ()),
    ("recall", ()), ("bankruptcy", ()), ("merger", ()), ("takeover", ()), ("bailout", ()),
    ("layoffs", ()), ("resignation", ()), ("outbreak", ()), ("epidemic", ()), ("pandemic", ()),
    ("scandal", ()), ("lawsuit", ()), ("investigation", ()), ("inquiry", ()), ("probe", ()),
    ("summit", ()), ("sanctions", ()), ("ceasefire", ()), ("crash", ()), ("collapse", ()),
    ("outage", ()), ("spill", ()), ("leak", ()), ("fire", ()), ("storm", ()), ("attack", ()),
    ("dispute", ()), ("standoff", ()),
)
"""Nouns that name what happened, most specific first (an earthquake is also a disaster), each
with other forms headlines use for it ('quake', 'indicted'). The title shows the noun itself."""


def _noun_pattern(noun: str, forms: tuple[str, ...]) -> re.Pattern[str]:
    plural = "es" if noun.endswith(("s", "sh", "ch", "x", "z")) else "s"
    words = "|".join(re.escape(w) for w in (f"{noun}{plural}", noun, *forms))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


NOUN_PATTERNS = {noun: _noun_pattern(noun, forms) for noun, forms in EVENT_NOUNS}


def event_noun(articles: Sequence[Article]) -> str | None:
    """The most specific event noun that at least a third of the headlines (failing that, of the
    opening paragraphs) use."""
    for texts in ([a.title for a in articles],
                  [a.paragraphs[0].text if a.paragraphs else "" for a in articles]):
        for noun, pattern in NOUN_PATTERNS.items():
            if sum(1 for text in texts if pattern.search(text)) * 3 >= len(articles):
                return noun
    return None


def _sources(entity: Entity) -> int:
    return len({m.source for m in entity.mentions})


def central(entities: Sequence[Entity], articles: int, limit: int = 2) -> list[Entity]:
    """The entities the most sources name (at least half of them), most widely named first."""
    chosen = [e for e in entities if e.has_page and _sources(e) * 2 >= articles]
    return sorted(chosen, key=lambda e: (-_sources(e), -len(e.mentions), e.name))[:limit]


def derive_title(articles: Sequence[Article], entities: Sequence[Entity]) -> str | None:
    """'Earthquake: X, Y' or just 'X, Y' from the corpus; None when it says too little.

    The names are listed, not joined into a sentence: the title asserts nothing about them.
    """
    if not articles:
        return None
    noun = event_noun(articles)
    names = ", ".join(e.name for e in central(entities, len(articles)))
    if noun is None:
        return names or None
    return f"{noun[0].upper()}{noun[1:]}: {names}" if names else f"{noun[0].upper()}{noun[1:]}"
