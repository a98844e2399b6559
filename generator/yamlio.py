"""Read hand-typed YAML with line numbers, so every complaint can name file and line."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .errors import Problem, did_you_mean, problem_at

NULL_TAG = "tag:yaml.org,2002:null"


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
    """Compose YAML into a node tree, or report the syntax error with its line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = line_offset + (mark.line + 1 if mark else 1)
        what = err.problem or "is not valid YAML"
        return None, [problem_at(path, line, f"YAML syntax error: {what}")]
    except yaml.YAMLError as err:
        return None, [problem_at(path, line_offset + 1, f"YAML error: {err}")]
    return node, []


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
            problems.append(problem_at(path, key_line, f"{what}: duplicate key '{key_node.value}'"))
            continue
        seen.add(key_node.value)
        fields.append(Field(key_node.value, value_node, key_line))
    return fields, problems


def scalar_text(f: Field, path: str) -> tuple[str | None, list[Problem]]:
    """Return a scalar value as text (None for null), or report a non-scalar."""
    if not isinstance(f.node, yaml.ScalarNode):
        return None, [problem_at(path, f.line, f"'{f.key}' must be a single value, not a list or mapping")]
    if f.node.tag == NULL_TAG:
        return None, []
    value = str(f.node.value).strip()
    return (value or None), []


def unknown_key(path: str, f: Field, allowed: tuple[str, ...], what: str) -> Problem:
    """Report an unknown key, suggesting the closest allowed one."""
    hint = did_you_mean(f.key, allowed) or f" (allowed: {', '.join(allowed)})"
    return problem_at(path, f.line, f"unknown key '{f.key}' in {what}{hint}")
