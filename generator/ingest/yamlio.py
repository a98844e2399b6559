"""Read hand-typed YAML with line numbers, so every complaint can name file and line."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..core.errors import Problem, did_you_mean, problem_at, quote

NULL_TAG = "tag:yaml.org,2002:null"
MAX_DEPTH = 50
"""Deepest nesting of lists and mappings read; the files this tool reads need three or four."""
OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


@dataclass(frozen=True)
class Field:
    """A key of a YAML mapping with its value node and line."""

    key: str
    """The key as written."""
    node: yaml.Node
    """The value node."""
    line: int
    """1-based line of the key."""


def parse_yaml(text: str, path: str, line_offset: int = 0) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose YAML into a node tree, or report the syntax error with its line.

    PyYAML composes nested lists and mappings recursively, so `[[[[...` 50,000 deep would
    overflow the stack: the nesting is first measured on the parser's events (an iterative
    walk that stops at the first level too many) and refused beyond MAX_DEPTH.
    """
    try:
        too_deep = _too_deep(text)
        if too_deep is not None:
            return None, [problem_at(path, line_offset + too_deep, "YAML is nested too deeply "
                                     f"(more than {MAX_DEPTH} levels of lists and mappings)")]
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = line_offset + (mark.line + 1 if mark else 1)
        what = err.problem or "is not valid YAML"
        return None, [problem_at(path, line, f"YAML syntax error: {what}")]
    except yaml.reader.ReaderError as err:
        line = line_offset + text.count("\n", 0, err.position) + 1
        return None, [problem_at(path, line, f"YAML error: the character {_codepoint(err.character)} "
                                 "is not allowed in YAML")]
    except yaml.YAMLError as err:
        return None, [problem_at(path, line_offset + 1, f"YAML error: {err}")]
    except RecursionError:  # the depth check should make this impossible; never a traceback
        return None, [problem_at(path, line_offset + 1, "YAML is nested too deeply")]
    return node, []


def _too_deep(text: str) -> int | None:
    """The 1-based line where lists and mappings nest deeper than MAX_DEPTH, or None."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1 if event.start_mark else 1
        elif isinstance(event, CLOSING):
            depth -= 1
    return None


def _codepoint(character: int | str) -> str:
    """U+XXXX of the character PyYAML refused (it gives a str, or an int for a bad byte)."""
    return f"U+{character if isinstance(character, int) else ord(character):04X}"


def mapping_fields(
    node: yaml.Node, path: str, what: str, line_offset: int = 0
) -> tuple[list[Field], list[Problem]]:
    """List the keys of a mapping node, or report that it is not a mapping."""
    line = line_offset + node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        return [], [problem_at(path, line, f"{what} must be a mapping of `key: value` lines")]
    fields: list[Field] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key_line = line_offset + key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(problem_at(path, key_line, f"{what}: keys must be plain text"))
            continue
        if key_node.value in seen:
            problems.append(problem_at(path, key_line, f"{what}: duplicate key {quote(key_node.value)}"))
            continue
        seen.add(key_node.value)
        fields.append(Field(key_node.value, value_node, key_line))
    return fields, problems


def scalar_text(f: Field, path: str) -> tuple[str | None, list[Problem]]:
    """Return a scalar value as text (None for null), or report a non-scalar."""
    if not isinstance(f.node, yaml.ScalarNode):
        return None, [problem_at(path, f.line,
                                 f"{quote(f.key)} must be a single value, not a list or mapping")]
    if f.node.tag == NULL_TAG:
        return None, []
    value = str(f.node.value).strip()
    return (value or None), []


def unknown_key(path: str, f: Field, allowed: tuple[str, ...], what: str) -> Problem:
    """Report an unknown key, suggesting the closest allowed one."""
    hint = did_you_mean(f.key, allowed) or f" (allowed: {', '.join(allowed)})"
    return problem_at(path, f.line, f"unknown key {quote(f.key)} in {what}{hint}")
