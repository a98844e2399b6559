"""content/editorial.yml: what an editor knows that the text alone cannot settle.

    entities:
      - name: Sela Valley Defence Front   # the name to show; must match a spelling in the sources
        aliases: [SVDF, the Front]        # more spellings of the same thing (merged into it)
        kind: group                       # group | place | person
        role: armed group                 # optional
        subkind: armed group              # optional: what sort of group or place
        side: activists                   # optional
        description: One line of editor's context, shown as the editor's.
        not: [Sela Front]                 # spellings of something else: never merged into it
    hide: [Heavy]                         # names that are not entities

Every key is checked; every name must be one the sources use (checked after resolution).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import Problem, problem_at
from .spelling import normal_key
from .yamlio import Field, mapping_fields, parse_yaml, scalar_text, unknown_key

TOP_KEYS = ("entities", "hide")
ENTITY_KEYS = ("name", "aliases", "kind", "subkind", "role", "side", "description", "not")
KINDS = ("group", "place", "person")


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
class Editorial:
    """The whole curation file."""

    path: str = "editorial.yml"
    """The file it came from."""
    entities: tuple[EditorialEntity, ...] = ()
    """Curated entities."""
    hide: tuple[tuple[str, int], ...] = ()
    """Names that are not entities, with their lines."""


def load_editorial(path: Path) -> tuple[Editorial, list[Problem]]:
    """Read and validate editorial.yml; a missing file is an empty curation."""
    if not path.exists():
        return Editorial(str(path)), []
    node, problems = parse_yaml(path.read_text(encoding="utf-8", errors="replace"), str(path))
    if node is None or (isinstance(node, yaml.ScalarNode) and not node.value):
        return Editorial(str(path)), problems
    fields, found = mapping_fields(node, str(path), "editorial.yml")
    problems += found
    entities: list[EditorialEntity] = []
    hide: list[tuple[str, int]] = []
    for f in fields:
        if f.key == "entities":
            entries, found = _entities(f, str(path))
            entities += entries
        elif f.key == "hide":
            names, found = _names(f.node, str(path), "hide")
            hide += names
        else:
            found = [unknown_key(str(path), f, TOP_KEYS, "editorial.yml")]
        problems += found
    return Editorial(str(path), tuple(entities), tuple(hide)), problems


def _entities(f: Field, path: str) -> tuple[list[EditorialEntity], list[Problem]]:
    if not isinstance(f.node, yaml.SequenceNode):
        return [], [problem_at(path, f.line, "'entities' must be a list of '- name: ...' entries")]
    result: list[EditorialEntity] = []
    problems: list[Problem] = []
    for item in f.node.value:
        entry, found = _entry(item, path)
        problems += found
        if entry is not None:
            result.append(entry)
    return result, problems


def _entry(item: yaml.Node, path: str) -> tuple[EditorialEntity | None, list[Problem]]:
    """Read one '- name: ...' entry; None when it has no name."""
    line = item.start_mark.line + 1
    fields, problems = mapping_fields(item, path, "an entities entry")
    values: dict[str, str] = {}
    lists: dict[str, list[tuple[str, int]]] = {"aliases": [], "not": []}
    for g in fields:
        if g.key not in ENTITY_KEYS:
            problems.append(unknown_key(path, g, ENTITY_KEYS, "an entities entry"))
        elif g.key in lists:
            names, found = _names(g.node, path, g.key)
            lists[g.key] += names
            problems += found
        else:
            value, found = scalar_text(g, path)
            problems += found
            if value is not None:
                values[g.key] = value
    if "name" not in values:
        return None, [*problems, problem_at(path, line, "an entities entry needs a 'name'")]
    kind = values.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(problem_at(path, line, f"kind must be one of {', '.join(KINDS)}, got '{kind}'"))
        kind = None
    aliases = tuple(n for n, _ in lists["aliases"])
    apart, found = _apart(path, (values["name"], *aliases), lists["not"])
    return EditorialEntity(values["name"], aliases, kind, values.get("role"), values.get("side"),
                           values.get("description"), line, apart, values.get("subkind")), problems + found


def _apart(path: str, same: tuple[str, ...],
           apart: list[tuple[str, int]]) -> tuple[tuple[tuple[str, int], ...], list[Problem]]:
    """Keep the 'not' names; one that is also the entry's name or alias is an error."""
    keys = {normal_key(n): n for n in same}
    problems = [problem_at(path, line, f"'{name}' is under 'not' but the same entry also names "
                                       f"'{keys[normal_key(name)]}'; keep it in one list")
                for name, line in apart if normal_key(name) in keys]
    return tuple((n, line) for n, line in apart if normal_key(n) not in keys), problems


def _names(node: yaml.Node, path: str, what: str) -> tuple[list[tuple[str, int]], list[Problem]]:
    """A list of names (or one name) with their lines."""
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    names: list[tuple[str, int]] = []
    problems: list[Problem] = []
    for item in items:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
            problems.append(problem_at(path, line, f"'{what}' must list names as plain text"))
            continue
        names.append((" ".join(str(item.value).split()), line))
    return names, problems
