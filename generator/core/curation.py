"""What an editor curates (content/editorial.yml), as the stages read it: entities, hidden
names, and the questions of the competing claims. ingest/editorial.py reads the file."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EditorialEntity:
    """One entity as the editor curates it."""

    name: str
    """Canonical name to show."""
    aliases: tuple[str, ...]
    """More spellings that name the same thing."""
    kind: str | None
    """group, place or person; None leaves it to the generator."""
    role: str | None
    """Role or sub-kind."""
    side: str | None
    """Whose side it is on."""
    description: str | None
    """The editor's own line of context (shown as the editor's, not the sources')."""
    line: int
    """Line of the entry in editorial.yml, for error messages."""
    apart: tuple[tuple[str, int], ...] = ()
    """Spellings (with their lines) that name something else: never merged into this entity."""
    subkind: str | None = None
    """What sort of group or place ('armed group', 'village'); None leaves it to the generator."""


@dataclass(frozen=True)
class EditorialSplit:
    """Positions the editor moves out of a question into a new one."""

    topic: str
    """The new question's wording."""
    sides: tuple[str, ...]
    """The sides (as the page shows them) whose positions move."""
    line: int
    """Line of the entry in editorial.yml."""


@dataclass(frozen=True)
class EditorialClaim:
    """The editor's changes to one question of the claims page."""

    question: str
    """The question's id (its anchor without 'claim-') or its wording as generated."""
    line: int
    """Line of the entry in editorial.yml, for error messages."""
    topic: str | None = None
    """New wording; None keeps the generated one."""
    hide: bool = False
    """Whether to leave the question out."""
    merge: tuple[tuple[str, int], ...] = ()
    """Questions (id or wording, with their lines) whose positions join this one."""
    split: tuple[EditorialSplit, ...] = ()
    """Positions moved into new questions."""


@dataclass(frozen=True)
class Editorial:
    """The whole curation file."""

    path: str = "editorial.yml"
    """The file it came from."""
    entities: tuple[EditorialEntity, ...] = ()
    """Curated entities."""
    hide: tuple[tuple[str, int], ...] = ()
    """Names that are not entities, with their lines."""
    claims: tuple[EditorialClaim, ...] = ()
    """Changes to the questions of the claims page."""
