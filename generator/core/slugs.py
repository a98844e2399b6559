"""The one slug rule: ASCII, lower-case, safe as a file name, unique within its folder."""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

MAX_SLUG = 60
RESERVED = frozenset({"index", "con", "prn", "aux", "nul", "assets", "search", "data"}
                     | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)})

PAGED = re.compile(r"coverage(?:-\d+)?")
"""Slugs of the paged coverage pages beside the source pages (sources/coverage.md, coverage-2.md)."""


def slugify(name: str) -> str:
    """Turn a name into lower-case ASCII words joined by hyphens ('item' if nothing is left)."""
    ascii_name = anyascii(name).lower()
    slug = re.sub(r"[^a-z0-9_]+", "-", ascii_name).strip("-_")[:MAX_SLUG].strip("-_")
    if not slug:
        return "item"
    return f"{slug}-page" if slug in RESERVED or PAGED.fullmatch(slug) else slug


def assign_slugs(names: Iterable[str]) -> dict[str, str]:
    """Give each name a unique slug; names that slugify alike get -2, -3... in sorted order."""
    result: dict[str, str] = {}
    taken: set[str] = set()
    for name in sorted(set(names)):
        base = slugify(name)
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        result[name] = slug
    return result
