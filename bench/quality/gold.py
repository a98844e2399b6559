"""The gold reading: its model, how gold.yml and gold/<corpus>.yml are read, and their checks.

A gold reading is hand-made from the article texts of one corpus. Its sections are `entities`,
`non_entities`, `outlets`, `statements`, `claims` and `figures`, and optionally `sources` (per
article: headline, outlet, byline, date line and the furniture lines that are not reporting).
`load_gold` raises GoldError, naming the file and the place in it, on any shape error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KINDS = ("group", "place", "person")
POSSESSIVE = re.compile(r"['’]s\b")
WORD = re.compile(r"\w+(?:['’]\w+)*")


class GoldError(ValueError):
    """A gold reading is missing or does not have the documented shape."""


# ----------------------------------------------------------------------------- text rules


def normalise(text: str) -> str:
    """Fold a surface form: casefold, drop possessive 's, single spaces, no leading "the "."""
    folded = " ".join(POSSESSIVE.sub("", text.casefold()).split())
    return folded.removeprefix("the ")


def fold(text: str) -> str:
    """Fold whitespace so quotes compare as a reader reads them."""
    return " ".join(text.split())


def contains(haystack: str, needle: str) -> bool:
    """Tell whether a non-empty needle occurs in the haystack, whitespace folded."""
    return bool(needle.strip()) and fold(needle) in fold(haystack)


def overlap(a: str, b: str) -> float:
    """Return the Jaccard overlap of the lower-cased word sets of two texts."""
    words_a, words_b = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    union = words_a | words_b
    return len(words_a & words_b) / len(union) if union else 0.0


# ----------------------------------------------------------------------------- gold model


@dataclass(frozen=True)
class GoldAlias:
    """One spelling of a gold entity."""

    text: str
    """The spelling as written in the articles."""
    untranslatable: bool
    """Whether the string alone cannot link it to the entity (native acronym, metonymy)."""


@dataclass(frozen=True)
class GoldEntity:
    """A group, place or person of the gold reading."""

    name: str
    """Canonical name; statements name their speaker by it."""
    kind: str
    """group, place or person."""
    central: bool
    """Whether an explainer must show it."""
    aliases: tuple[GoldAlias, ...]
    """Every distinct verbatim spelling."""
    subkind: str | None = None
    """What sort of group or place it is ("armed group", "region (peninsula)"); None if not given."""
    part_of: tuple[str, ...] = ()
    """For a place: the gold entity names (or plain names) of the areas it lies in."""

    def forms(self) -> frozenset[str]:
        """Return the normalised surface forms."""
        return frozenset(normalise(a.text) for a in self.aliases)


@dataclass(frozen=True)
class GoldOutlet:
    """A news outlet named as a source of information."""

    name: str
    """Canonical name; statements name an outlet speaker by it."""
    aliases: tuple[str, ...]
    """Its spellings."""


@dataclass(frozen=True)
class GoldStatement:
    """An attributed statement of the gold reading."""

    source: str
    """Source id."""
    paragraph_quote: str
    """Words of the paragraph that holds the statement."""
    kind: str
    """quote or paraphrase."""
    text: str
    """What was said."""
    speaker: str | None
    """Gold entity or outlet name; None for an unnamed speaker."""
    official: bool
    """Whether a state office holder or body said it."""


@dataclass(frozen=True)
class GoldCitation:
    """A quote that supports a claim position."""

    source: str
    """Source id."""
    quote: str
    """Verbatim words of that source."""


@dataclass(frozen=True)
class GoldClaim:
    """A disputed question with the positions taken on it."""

    topic: str
    """The question."""
    positions: tuple[tuple[GoldCitation, ...], ...]
    """The citations of each position."""


@dataclass(frozen=True)
class GoldFigure:
    """A number an article gives; a vague one is a range."""

    source: str
    """Source id."""
    quote: str
    """Verbatim words around the number."""
    text: str
    """The number as written."""
    low: float
    """Least value that matches."""
    high: float
    """Greatest value that matches."""
    conflict_group: str
    """Figures of one group measure the same thing."""


@dataclass(frozen=True)
class GoldFurniture:
    """A line (or part of a line) of an article that is not reporting: a stamp, promo, caption..."""

    text: str
    """Its words, verbatim."""
    why: str
    """What it is."""


@dataclass(frozen=True)
class GoldSource:
    """What one article is: its headline, its outlet and the lines that are not reporting."""

    id: str
    """Source id (the article's file stem)."""
    headline: str | None
    """The headline as written in the article, or None when the text has none."""
    outlets: tuple[str, ...]
    """The outlet that published it, then any other names of it given in the gold; empty if unknown."""
    outlet_named_in_text: bool
    """Whether the article's own text names that outlet."""
    author: str | None
    """The byline's name(s), or None."""
    date: str | None
    """The date line as written, or None."""
    furniture: tuple[GoldFurniture, ...]
    """Every line (or part of a line) that is not reporting."""


@dataclass(frozen=True)
class Gold:
    """The whole gold reading."""

    entities: tuple[GoldEntity, ...]
    """Groups, places and persons, in file order."""
    non_entities: tuple[str, ...]
    """Strings that are not entities."""
    outlets: tuple[GoldOutlet, ...]
    """Outlets named as sources."""
    statements: tuple[GoldStatement, ...]
    """Attributed statements."""
    claims: tuple[GoldClaim, ...]
    """Disputed questions."""
    figures: tuple[GoldFigure, ...]
    """Numbers."""
    sources: tuple[GoldSource, ...] | None = None
    """Per-article headline, outlet and furniture, in file order; None when the reading has no `sources`."""


# ----------------------------------------------------------------------------- reading gold.yml


def _mapping(node: object, where: str) -> Mapping[str, Any]:
    """Return the node as a mapping or raise GoldError."""
    if not isinstance(node, dict):
        raise GoldError(f"{where}: expected a mapping")
    return node


def _items(node: Mapping[str, Any], key: str, where: str) -> list[Any]:
    """Return the list under a key or raise GoldError."""
    value = node.get(key)
    if not isinstance(value, list):
        raise GoldError(f"{where}: '{key}' must be a list")
    return value


def _text(node: Mapping[str, Any], key: str, where: str, optional: bool = False) -> str:
    """Return the non-empty string under a key ("" for an optional null) or raise GoldError."""
    value = node.get(key)
    if not isinstance(value, str) or not value.strip():
        if optional and key in node and value is None:
            return ""
        raise GoldError(f"{where}: '{key}' must be a non-empty string")
    return value


def _flag(node: Mapping[str, Any], key: str, where: str) -> bool:
    """Return the boolean under a key (false if absent) or raise GoldError."""
    value = node.get(key, False)
    if not isinstance(value, bool):
        raise GoldError(f"{where}: '{key}' must be true or false")
    return value


def _optional(node: Mapping[str, Any], key: str, where: str) -> str | None:
    """Return the non-empty string under a key, None if it is absent or null, or raise GoldError."""
    return None if node.get(key) is None else _text(node, key, where)


def _parents(node: Mapping[str, Any], kind: str, where: str) -> tuple[str, ...]:
    """Return a place's `part_of` names (none if absent) or raise GoldError."""
    if "part_of" not in node:
        return ()
    names = _items(node, "part_of", where)
    if not names or not all(isinstance(n, str) and n.strip() for n in names):
        raise GoldError(f"{where}: 'part_of' must be a non-empty list of names")
    if kind != "place":
        raise GoldError(f"{where}: only a place has 'part_of'")
    return tuple(names)


def _range(node: Mapping[str, Any], where: str) -> tuple[float, float]:
    """Return a figure's value as a (low, high) range or raise GoldError."""
    value = node.get("value")
    if isinstance(value, list) and len(value) == 2:
        low, high = value
    else:
        low = high = value
    if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (low, high)) or low > high:
        raise GoldError(f"{where}: 'value' must be a number or [low, high]")
    return float(low), float(high)


def _entity(node: object, where: str) -> GoldEntity:
    """Read one gold entity."""
    item = _mapping(node, where)
    kind = _text(item, "kind", where)
    if kind not in KINDS:
        raise GoldError(f"{where}: kind must be one of {', '.join(KINDS)}")
    aliases = tuple(
        GoldAlias(_text(a, "text", f"{where}.aliases[{i}]"), _flag(a, "untranslatable", where))
        for i, a in enumerate(_mapping(x, where) for x in _items(item, "aliases", where)))
    return GoldEntity(_text(item, "name", where), kind, _flag(item, "central", where), aliases,
                      _optional(item, "subkind", where), _parents(item, kind, where))


def _outlet(node: object, where: str) -> GoldOutlet:
    """Read one gold outlet."""
    item = _mapping(node, where)
    aliases = _items(item, "aliases", where)
    if not all(isinstance(a, str) for a in aliases):
        raise GoldError(f"{where}: aliases must be strings")
    return GoldOutlet(_text(item, "name", where), tuple(aliases))


def _statement(node: object, where: str) -> GoldStatement:
    """Read one gold statement."""
    item = _mapping(node, where)
    kind = _text(item, "kind", where)
    if kind not in ("quote", "paraphrase"):
        raise GoldError(f"{where}: kind must be quote or paraphrase")
    speaker = _text(item, "speaker", where, optional=True) or None
    return GoldStatement(_text(item, "source", where), _text(item, "paragraph_quote", where), kind,
                         _text(item, "text", where), speaker, _flag(item, "official", where))


def _claim(node: object, where: str) -> GoldClaim:
    """Read one gold claim topic."""
    item = _mapping(node, where)
    positions = []
    for i, raw in enumerate(_items(item, "positions", where)):
        at = f"{where}.positions[{i}]"
        cites = [_mapping(c, at) for c in _items(_mapping(raw, at), "citations", at)]
        positions.append(tuple(GoldCitation(_text(c, "source", at), _text(c, "quote", at)) for c in cites))
    return GoldClaim(_text(item, "topic", where), tuple(positions))


def _figure(node: object, where: str) -> GoldFigure:
    """Read one gold figure."""
    item = _mapping(node, where)
    low, high = _range(item, where)
    return GoldFigure(_text(item, "source", where), _text(item, "quote", where), _text(item, "text", where),
                      low, high, _text(item, "conflict_group", where))


def _non_entity(node: object, where: str) -> str:
    """Read one non-entity string (a bare string or a mapping with text)."""
    return node if isinstance(node, str) and node.strip() else _text(_mapping(node, where), "text", where)


def _names(node: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """Return a name or a list of names under a key (none for null or absent), or raise GoldError."""
    value = node.get(key)
    names = [] if value is None else [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise GoldError(f"{where}: '{key}' must be a name, a list of names or null")
    return tuple(names)


def _furniture(node: object, where: str) -> GoldFurniture:
    """Read one furniture line."""
    item = _mapping(node, where)
    return GoldFurniture(_text(item, "text", where), _text(item, "why", where))


def _source(key: object, node: object) -> GoldSource:
    """Read one entry of the `sources` section."""
    if not isinstance(key, str) or not key.strip():
        raise GoldError(f"sources: source id {key!r} must be a string (quote it: \"001\")")
    where = f"sources[{key}]"
    item = _mapping(node, where)
    furniture = _items(item, "furniture", where) if item.get("furniture") is not None else []
    source = GoldSource(key, _optional(item, "headline", where), _names(item, "outlet", where),
                        _flag(item, "outlet_named_in_text", where), _optional(item, "author", where),
                        _optional(item, "date", where),
                        tuple(_furniture(f, f"{where}.furniture[{i}]") for i, f in enumerate(furniture)))
    if source.outlet_named_in_text and not source.outlets:
        raise GoldError(f"{where}: 'outlet_named_in_text' is true but 'outlet' is not given")
    return source


def _sources(top: Mapping[str, Any]) -> tuple[GoldSource, ...] | None:
    """Read the optional `sources` section (a mapping from source id to source); None if absent."""
    if "sources" not in top:
        return None
    return tuple(_source(key, node) for key, node in _mapping(top["sources"], "sources").items())


def parse_gold(data: object) -> Gold:
    """Build the gold reading from parsed YAML; raise GoldError on any shape error."""
    top = _mapping(data, "gold")
    if top.get("version") != 1:
        raise GoldError("gold: 'version' must be 1")

    def section(key: str, read: Callable[[object, str], Any]) -> tuple[Any, ...]:
        """Read every item of one top-level section."""
        return tuple(read(node, f"{key}[{i}]") for i, node in enumerate(_items(top, key, "gold")))

    gold = Gold(section("entities", _entity), section("non_entities", _non_entity),
                section("outlets", _outlet), section("statements", _statement),
                section("claims", _claim), section("figures", _figure), _sources(top))
    check_speakers(gold)
    check_parents(gold)
    return gold


def check_speakers(gold: Gold) -> None:
    """Raise GoldError if a statement's speaker is neither a gold entity nor an outlet."""
    known = {e.name for e in gold.entities} | {o.name for o in gold.outlets}
    for i, st in enumerate(gold.statements):
        if st.speaker is not None and st.speaker not in known:
            raise GoldError(f"statements[{i}]: speaker {st.speaker!r} is no entity or outlet name")


def check_parents(gold: Gold) -> None:
    """Raise GoldError if a place lies in itself or in a gold entity that is not a place."""
    kinds = {e.name: e.kind for e in gold.entities}
    for i, e in enumerate(gold.entities):
        for parent in e.part_of:
            if parent == e.name:
                raise GoldError(f"entities[{i}]: {e.name!r} cannot be part of itself")
            if kinds.get(parent, "place") != "place":
                raise GoldError(f"entities[{i}]: part_of {parent!r} is a gold {kinds[parent]}, not a place")


SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (it reads the gold readings several times faster)."""


def load_gold(path: Path) -> Gold:
    """Read and check a gold reading; raise GoldError if it is missing or invalid."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError as err:
        raise GoldError(f"{path}: not found") from err
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GoldError(f"{path}: cannot read: {err}") from err
    try:
        return parse_gold(data)
    except GoldError as err:
        raise GoldError(f"{path}: {err}") from err


