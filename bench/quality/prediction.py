"""The parts of a generated data/knowledge.json that the scorer reads (the prediction model)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from gold import contains, normalise

# ----------------------------------------------------------------------------- prediction model


@dataclass(frozen=True)
class Citation:
    """A predicted citation."""

    source: str
    """Source id."""
    paragraph: str
    """Paragraph id."""
    quote: str
    """Words copied from that paragraph."""


@dataclass(frozen=True)
class Parent:
    """An area a predicted place lies in."""

    name: str
    """The area's name as exported."""
    entity: str | None
    """Id of the predicted entity that is the area, or None."""


@dataclass(frozen=True)
class Entity:
    """A predicted entity with every spelling the export gives for it."""

    id: str
    """Entity id."""
    kind: str
    """group, place or person."""
    name: str
    """Display name."""
    forms: frozenset[str]
    """Normalised name, aliases and mention texts."""
    subkind: str | None = None
    """What sort of group or place it is; None when not given."""
    part_of: tuple[Parent, ...] = ()
    """The areas a place lies in."""


@dataclass(frozen=True)
class Statement:
    """A predicted statement."""

    speaker: str | None
    """Speaker entity id, or None when unresolved."""
    kind: str
    """quote or paraphrase."""
    text: str
    """What was said."""
    official: bool
    """Whether the generator calls the speaker official."""
    citation: Citation
    """Where it was said."""


@dataclass(frozen=True)
class FigureValue:
    """One value of a predicted figure."""

    value: float
    """The number."""
    citation: Citation
    """Where it is given."""


@dataclass(frozen=True)
class Figure:
    """A predicted figure."""

    conflict: bool
    """Whether the generator reports its values as conflicting."""
    values: tuple[FigureValue, ...]
    """The values given."""


@dataclass(frozen=True)
class Kept:
    """A paragraph the generator kept."""

    text: str
    """Its text."""
    line: int | None
    """The article line it starts on, or None when the export does not say."""


@dataclass(frozen=True)
class Removed:
    """A piece of an article the generator set aside, with its reason."""

    text: str
    """The removed text."""
    reason: str
    """Why the generator removed it."""


@dataclass(frozen=True)
class Source:
    """One generated source page: its headline, its outlet and what was kept and removed."""

    id: str
    """Source id (the article's file stem)."""
    title: str
    """The headline the generator shows."""
    outlet: str | None
    """The outlet the generator shows, or None (shown as unknown)."""
    file: str
    """The article's file name."""
    paragraphs: tuple[Kept, ...]
    """The kept paragraphs, in order."""
    removed: tuple[Removed, ...]
    """What was set aside."""


@dataclass(frozen=True)
class Knowledge:
    """The parts of knowledge.json the scorer reads."""

    paragraphs: Mapping[tuple[str, str], str]
    """Paragraph text by (source id, paragraph id)."""
    entities: tuple[Entity, ...]
    """Predicted entities, in export order."""
    statements: tuple[Statement, ...]
    """Predicted statements."""
    claims: tuple[tuple[Citation, ...], ...]
    """The citations of each predicted claim, all positions together."""
    figures: tuple[Figure, ...]
    """Predicted figures."""
    sources: Mapping[str, Source] = field(default_factory=dict)
    """Generated sources by id."""

    def paragraph(self, citation: Citation) -> str:
        """Return the text of the cited paragraph, or "" if it does not exist."""
        return self.paragraphs.get((citation.source, citation.paragraph), "")

    def locates(self, source: str, quote: str) -> bool:
        """Tell whether some paragraph of the source contains the quote."""
        return any(s == source and contains(t, quote) for (s, _), t in self.paragraphs.items())


def _citation(node: Mapping[str, Any]) -> Citation:
    """Read a predicted citation."""
    return Citation(str(node.get("source", "")), str(node.get("paragraph", "")), str(node.get("quote", "")))


def _name_or_none(value: object) -> str | None:
    """Return a non-blank string as it is, None for anything else (null, absent, not a string)."""
    return value if isinstance(value, str) and value.strip() else None


def _parent_of(node: Mapping[str, Any]) -> Parent:
    """Read one `part_of` entry of a predicted place."""
    return Parent(str(node.get("name") or ""), _name_or_none(node.get("entity")))


def _entity_of(node: Mapping[str, Any]) -> Entity:
    """Read a predicted entity with its normalised forms, sub-kind and parent areas."""
    mentions = [m.get("text", "") for m in node.get("mentions", [])]
    texts = [node.get("name", ""), *node.get("aliases", []), *mentions]
    forms = frozenset(f for f in (normalise(str(t)) for t in texts) if f)
    parents = tuple(_parent_of(p) for p in node.get("part_of") or [] if isinstance(p, dict))
    return Entity(str(node.get("id", "")), str(node.get("kind", "")), str(node.get("name", "")), forms,
                  _name_or_none(node.get("subkind")), parents)


def _statement_of(node: Mapping[str, Any]) -> Statement:
    """Read a predicted statement."""
    speaker = node.get("speaker")
    return Statement(None if speaker is None else str(speaker), str(node.get("kind", "")),
                     str(node.get("text", "")), bool(node.get("official")),
                     _citation(node.get("citation", {})))


def _number(value: object) -> float:
    """Return a JSON number as a float, NaN (matches nothing) for anything else."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else float("nan")


def _figure_of(node: Mapping[str, Any]) -> Figure:
    """Read a predicted figure."""
    values = tuple(FigureValue(_number(v.get("value")), _citation(v.get("citation", {})))
                   for v in node.get("values", []))
    return Figure(bool(node.get("conflict")), values)


def _line(value: object) -> int | None:
    """Return a positive line number as it is, None for anything else."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _source_of(node: Mapping[str, Any]) -> Source:
    """Read a generated source: headline, outlet, kept paragraphs and removed pieces."""
    removed = tuple(Removed(str(r.get("text", "")), str(r.get("reason", "")))
                    for r in node.get("removed") or [])
    paragraphs = tuple(Kept(str(p.get("text", "")), _line(p.get("line")))
                       for p in node.get("paragraphs", []))
    return Source(str(node.get("id", "")), str(node.get("title") or ""), _name_or_none(node.get("outlet")),
                  str(node.get("file") or ""), paragraphs, removed)


def parse_knowledge(data: Mapping[str, Any]) -> Knowledge:
    """Read the parts of a knowledge.json document that the scores need."""
    paragraphs = {(str(s["id"]), str(p["id"])): str(p["text"])
                  for s in data.get("sources", []) for p in s.get("paragraphs", [])}
    claims = tuple(tuple(_citation(c) for p in claim.get("positions", []) for c in p.get("citations", []))
                   for claim in data.get("claims", []))
    return Knowledge(paragraphs, tuple(_entity_of(e) for e in data.get("entities", [])),
                     tuple(_statement_of(s) for s in data.get("statements", [])), claims,
                     tuple(_figure_of(f) for f in data.get("figures", [])),
                     {str(s["id"]): _source_of(s) for s in data.get("sources", [])})


