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
    claims:                               # the questions on the competing-claims page
      - question: dispute-2               # a question's id (its anchor without 'claim-') or its wording
        topic: Did the dam leak?          # optional: new wording
        hide: true                        # optional: leave it out
        merge: [blame]                    # optional: questions whose positions join this one
        split:                            # optional: positions (by their side) moved to a new question
          - topic: Who paid for the repairs?
            sides: [Harbour Board]

Every key is checked; every name must be one the sources use (checked after resolution).
Each spelling may belong to one entry only: two entries with one name, an alias listed under two
entries, or an alias that is another entry's name is an error at its line, naming the entry it
conflicts with. Names are compared as resolution merges them (`spelling.normal_key`: case,
whitespace, script, hyphens and a leading "the" do not count).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from ..core.curation import Editorial, EditorialClaim, EditorialEntity, EditorialSplit
from ..core.errors import Problem, problem_at, quote
from ..core.spelling import normal_key
from .safe_read import read_text
from .yamlio import Field, mapping_fields, parse_yaml, scalar_text, unknown_key

TOP_KEYS = ("entities", "hide", "claims")
CLAIM_KEYS = ("question", "topic", "hide", "merge", "split")
SPLIT_KEYS = ("topic", "sides")
ENTITY_KEYS = ("name", "aliases", "kind", "subkind", "role", "side", "description", "not")
KINDS = ("group", "place", "person")










def load_editorial(path: Path, content: Path | None = None) -> tuple[Editorial, list[Problem]]:
    """Read and validate editorial.yml; a missing file is an empty curation.

    The file is read safely (see safe_read); `content` is the folder a symbolic link must stay
    inside (default: the file's own folder).
    """
    text, problems = read_text(path, content or path.parent)
    if text is None:
        return Editorial(str(path)), problems
    node, found = parse_yaml(text, str(path))
    problems += found
    if node is None or (isinstance(node, yaml.ScalarNode) and not node.value):
        return Editorial(str(path)), problems
    fields, found = mapping_fields(node, str(path), "editorial.yml")
    problems += found
    entities: list[EditorialEntity] = []
    hide: list[tuple[str, int]] = []
    claims: list[EditorialClaim] = []
    for f in fields:
        if f.key == "entities":
            entries, found = _entities(f, str(path))
            entities += entries
        elif f.key == "hide":
            names, found = _names(f.node, str(path), "hide")
            hide += names
        elif f.key == "claims":
            edits, found = _claims(f, str(path))
            claims += edits
        else:
            found = [unknown_key(str(path), f, TOP_KEYS, "editorial.yml")]
        problems += found
    return Editorial(str(path), tuple(entities), tuple(hide), tuple(claims)), problems


def _claims(f: Field, path: str) -> tuple[list[EditorialClaim], list[Problem]]:
    """Read the 'claims' list: one '- question: ...' entry per question the editor changes."""
    if not isinstance(f.node, yaml.SequenceNode):
        return [], [problem_at(path, f.line, "'claims' must be a list of '- question: ...' entries")]
    result: list[EditorialClaim] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for item in f.node.value:
        entry, found = _claim_entry(item, path)
        problems += found
        if entry is None:
            continue
        if entry.question in seen:
            problems.append(problem_at(path, entry.line, f"the question {quote(entry.question)} is already "
                                       f"edited at line {seen[entry.question]}: merge the two entries"))
            continue
        seen[entry.question] = entry.line
        result.append(entry)
    return result, problems


def _claim_entry(item: yaml.Node, path: str) -> tuple[EditorialClaim | None, list[Problem]]:
    """Read one '- question: ...' entry; None when it names no question."""
    line = item.start_mark.line + 1
    fields, problems = mapping_fields(item, path, "a claims entry")
    values: dict[str, str] = {}
    merge: list[tuple[str, int]] = []
    splits: list[EditorialSplit] = []
    for g in fields:
        if g.key not in CLAIM_KEYS:
            problems.append(unknown_key(path, g, CLAIM_KEYS, "a claims entry"))
        elif g.key == "merge":
            names, found = _names(g.node, path, "merge")
            merge += names
            problems += found
        elif g.key == "split":
            found_splits, found = _splits(g, path)
            splits += found_splits
            problems += found
        else:
            value, found = scalar_text(g, path)
            problems += found
            if value is not None:
                values[g.key] = value
    if "question" not in values:
        return None, [*problems, problem_at(path, line, "a claims entry needs a 'question'")]
    hide = values.get("hide", "false").lower()
    if hide not in ("true", "false", "yes", "no"):
        problems.append(problem_at(path, line, f"hide must be true or false, got {quote(values['hide'])}"))
    return EditorialClaim(values["question"], line, values.get("topic"), hide in ("true", "yes"),
                          tuple(merge), tuple(splits)), problems


def _splits(f: Field, path: str) -> tuple[list[EditorialSplit], list[Problem]]:
    """Read a 'split' list: '- topic: ...' with the 'sides' whose positions move to it."""
    if not isinstance(f.node, yaml.SequenceNode):
        return [], [problem_at(path, f.line, "'split' must be a list of '- topic: ...' entries")]
    result: list[EditorialSplit] = []
    problems: list[Problem] = []
    for item in f.node.value:
        line = item.start_mark.line + 1
        fields, found = mapping_fields(item, path, "a split entry")
        problems += found
        topic: str | None = None
        sides: list[tuple[str, int]] = []
        for g in fields:
            if g.key not in SPLIT_KEYS:
                problems.append(unknown_key(path, g, SPLIT_KEYS, "a split entry"))
            elif g.key == "sides":
                names, found = _names(g.node, path, "sides")
                sides += names
                problems += found
            else:
                topic, found = scalar_text(g, path)
                problems += found
        if not topic or not sides:
            problems.append(problem_at(path, line, "a split entry needs a 'topic' and the 'sides' it takes"))
            continue
        result.append(EditorialSplit(topic, tuple(n for n, _ in sides), line))
    return result, problems


def _entities(f: Field, path: str) -> tuple[list[EditorialEntity], list[Problem]]:
    if not isinstance(f.node, yaml.SequenceNode):
        return [], [problem_at(path, f.line, "'entities' must be a list of '- name: ...' entries")]
    result: list[EditorialEntity] = []
    problems: list[Problem] = []
    owners: dict[str, tuple[str, str, int]] = {}
    """normal_key of a spelling -> (how the entry uses it, entry name, line)."""
    for item in f.node.value:
        entry, alias_lines, found = _entry(item, path)
        problems += found
        if entry is None:
            continue
        entry, found = _claim(entry, alias_lines, owners, path)
        problems += found
        if entry is not None:
            result.append(entry)
    return result, problems


def _claim(entry: EditorialEntity, alias_lines: tuple[int, ...], owners: dict[str, tuple[str, str, int]],
           path: str) -> tuple[EditorialEntity | None, list[Problem]]:
    """Check that the entry's name and aliases belong to no earlier entry; drop the ones that do.

    An entry whose name is taken is dropped whole; an alias that is taken is dropped from it.
    """
    key = normal_key(entry.name)
    if key in owners:
        use, owner, line = owners[key]
        return None, [problem_at(path, entry.line, f"the name {quote(entry.name)} is already "
                                 f"{_owned(use, owner, line)}: merge the two entries")]
    owners[key] = ("the name", entry.name, entry.line)
    problems: list[Problem] = []
    kept: list[str] = []
    for alias, line in zip(entry.aliases, alias_lines, strict=True):
        key = normal_key(alias)
        use, owner, owner_line = owners.get(key, ("", "", 0))
        if owner and owner != entry.name:
            problems.append(problem_at(path, line, f"the alias {quote(alias)} of {quote(entry.name)} is "
                                       f"already {_owned(use, owner, owner_line)}: one spelling can "
                                       "name only one entity"))
            continue
        owners.setdefault(key, ("an alias", entry.name, line))
        kept.append(alias)
    return replace(entry, aliases=tuple(kept)), problems


def _owned(use: str, owner: str, line: int) -> str:
    """'the name of the entry at line 3' / "an alias of 'X' (line 5)"."""
    if use == "the name":
        return f"the name of the entry at line {line}"
    return f"an alias of {quote(owner)} (line {line})"


def _entry(item: yaml.Node, path: str) -> tuple[EditorialEntity | None, tuple[int, ...], list[Problem]]:
    """Read one '- name: ...' entry and the lines of its aliases; None when it has no name."""
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
        return None, (), [*problems, problem_at(path, line, "an entities entry needs a 'name'")]
    kind = values.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(problem_at(path, line, f"kind must be one of {', '.join(KINDS)}, got {quote(kind)}"))
        kind = None
    aliases = tuple(n for n, _ in lists["aliases"])
    alias_lines = tuple(n for _, n in lists["aliases"])
    apart, found = _apart(path, (values["name"], *aliases), lists["not"])
    entity = EditorialEntity(values["name"], aliases, kind, values.get("role"), values.get("side"),
                             values.get("description"), line, apart, values.get("subkind"))
    return entity, alias_lines, problems + found


def _apart(path: str, same: tuple[str, ...],
           apart: list[tuple[str, int]]) -> tuple[tuple[tuple[str, int], ...], list[Problem]]:
    """Keep the 'not' names; one that is also the entry's name or alias is an error."""
    keys = {normal_key(n): n for n in same}
    problems = [problem_at(path, line, f"{quote(name)} is under 'not' but the same entry also names "
                                       f"{quote(keys[normal_key(name)])}; keep it in one list")
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
