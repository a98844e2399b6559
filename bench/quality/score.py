"""Score data/knowledge.json against the hand-made gold reading in gold.yml (`make quality`).

Run from the project root: `.venv/bin/python bench/quality/score.py [--write QUALITY.md]`.
It measures and never gates: the exit code is 0, or 2 when gold.yml is missing or invalid.
Each matching rule below is one small function; QUALITY.md explains every metric in prose.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.pipeline import generate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLD_PATH = HERE / "gold.yml"
CONTENT = ROOT / "content"
EDITORIAL = "editorial.yml"
KNOWLEDGE_PATH = "data/knowledge.json"
COMMAND = "make quality"
KINDS = ("group", "place", "person")
MODES = ("with editorial", "generator alone")
MIN_OVERLAP = 0.5
"""Least word overlap (Jaccard) between a gold and a predicted statement text."""
POSSESSIVE = re.compile(r"['’]s\b")
WORD = re.compile(r"\w+(?:['’]\w+)*")


class GoldError(ValueError):
    """gold.yml is missing or does not have the documented shape."""


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
                section("claims", _claim), section("figures", _figure))
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


def load_gold(path: Path) -> Gold:
    """Read and check gold.yml; raise GoldError if it is missing or invalid."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise GoldError(f"{path}: not found") from err
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise GoldError(f"{path}: cannot read: {err}") from err
    try:
        return parse_gold(data)
    except GoldError as err:
        raise GoldError(f"{path}: {err}") from err


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


def parse_knowledge(data: Mapping[str, Any]) -> Knowledge:
    """Read the parts of a knowledge.json document that the scores need."""
    paragraphs = {(str(s["id"]), str(p["id"])): str(p["text"])
                  for s in data.get("sources", []) for p in s.get("paragraphs", [])}
    claims = tuple(tuple(_citation(c) for p in claim.get("positions", []) for c in p.get("citations", []))
                   for claim in data.get("claims", []))
    return Knowledge(paragraphs, tuple(_entity_of(e) for e in data.get("entities", [])),
                     tuple(_statement_of(s) for s in data.get("statements", [])), claims,
                     tuple(_figure_of(f) for f in data.get("figures", [])))


# ----------------------------------------------------------------------------- entities

ALL = "all"
"""The row that counts every kind together."""


@dataclass(frozen=True)
class Ratio:
    """A count out of a total."""

    hit: int
    """How many passed."""
    total: int
    """How many were tried."""

    def __str__(self) -> str:
        """Show the ratio as hit/total with a rounded percentage."""
        share = f"{100 * self.hit / self.total:.0f}%" if self.total else "-"
        return f"{self.hit}/{self.total} ({share})"


@dataclass(frozen=True)
class Linkage:
    """How each predicted entity relates to the gold entities (indices into gold.entities)."""

    hits: tuple[tuple[int, ...], ...]
    """Per predicted entity: every gold entity it shares a normalised form with."""
    assigned: tuple[int | None, ...]
    """Per predicted entity: the gold entity it shares the most forms with."""


def shared(entity: Entity, gold: GoldEntity) -> int:
    """Count the normalised forms a predicted and a gold entity have in common."""
    return len(entity.forms & gold.forms())


def assign(entity: Entity, gold: Sequence[GoldEntity]) -> int | None:
    """Pick the gold entity sharing most forms; ties go to the same kind, the closer form set, gold order.

    The closer form set (fewer forms outside the shared ones) settles "Belgorod" alone between
    the city (only that spelling) and the region (that spelling and two more).
    """
    ranked = [(-shared(entity, g), g.kind != entity.kind, len(entity.forms ^ g.forms()), i)
              for i, g in enumerate(gold)]
    best = min((r for r in ranked if r[0] < 0), default=None)
    return None if best is None else best[-1]


def link_entities(gold: Gold, knowledge: Knowledge) -> Linkage:
    """Find what every predicted entity hits and the gold entity it is assigned to."""
    hits = tuple(tuple(i for i, g in enumerate(gold.entities) if shared(e, g)) for e in knowledge.entities)
    return Linkage(hits, tuple(assign(e, gold.entities) for e in knowledge.entities))


def kind_hits(gold: Gold, knowledge: Knowledge, link: Linkage) -> tuple[frozenset[int], ...]:
    """Per predicted entity: the gold entities of its own kind that it hits."""
    return tuple(frozenset(g for g in hits if gold.entities[g].kind == e.kind)
                 for e, hits in zip(knowledge.entities, link.hits, strict=True))


def precision(gold: Gold, knowledge: Knowledge, link: Linkage, kind: str) -> Ratio:
    """Share of predicted entities of a kind (or all) that hit a gold entity of their own kind."""
    good = kind_hits(gold, knowledge, link)
    chosen = [i for i, e in enumerate(knowledge.entities) if kind in (ALL, e.kind)]
    return Ratio(sum(1 for i in chosen if good[i]), len(chosen))


def recall(gold: Gold, knowledge: Knowledge, link: Linkage, kind: str, central: bool) -> Ratio:
    """Share of gold entities of a kind (central ones, or all) hit by a prediction of that kind."""
    found = frozenset().union(*kind_hits(gold, knowledge, link))
    chosen = [i for i, g in enumerate(gold.entities) if kind in (ALL, g.kind) and (g.central or not central)]
    return Ratio(sum(1 for i in chosen if i in found), len(chosen))


def missed_central(gold: Gold, knowledge: Knowledge, link: Linkage) -> tuple[str, ...]:
    """List the central gold entities that no prediction of the same kind hits."""
    found = frozenset().union(*kind_hits(gold, knowledge, link))
    return tuple(g.name for i, g in enumerate(gold.entities) if g.central and i not in found)


def unmatched(gold: Gold, knowledge: Knowledge, link: Linkage) -> tuple[str, ...]:
    """List the predicted entities that hit no gold entity of their own kind."""
    good = kind_hits(gold, knowledge, link)
    return tuple(sorted(f"{e.name} ({e.kind})" for e, ok in zip(knowledge.entities, good, strict=True)
                        if not ok))


def spurious_entities(gold: Gold, knowledge: Knowledge) -> tuple[str, ...]:
    """List the predicted entities that hit a gold non-entity or outlet string, with the string."""
    non = {normalise(t): t for t in gold.non_entities}
    outlets = {normalise(a): o.name for o in gold.outlets for a in (o.name, *o.aliases)}
    found = []
    for e in knowledge.entities:
        why = sorted({f"non-entity {non[f]!r}" for f in e.forms & non.keys()})
        why += sorted({f"outlet {outlets[f]!r}" for f in e.forms & outlets.keys()})
        if why:
            found.append(f"{e.name}: {', '.join(why)}")
    return tuple(sorted(found))


def merge_errors(gold: Gold, knowledge: Knowledge, link: Linkage) -> tuple[str, ...]:
    """List predicted entities hitting two or more gold entities that no single one explains.

    Gold spells some entities alike ("Kremlin" is the body and the building), so a prediction
    that hits both only through such shared spellings is not a merge: it is one only when no
    single gold entity has every gold spelling the prediction uses.
    """
    found = []
    for e, hits in zip(knowledge.entities, link.hits, strict=True):
        used = e.forms & frozenset().union(*(gold.entities[g].forms() for g in hits))
        if len(hits) >= 2 and not any(used <= gold.entities[g].forms() for g in hits):
            found.append(f"{e.name} = " + " + ".join(gold.entities[g].name for g in hits))
    return tuple(sorted(found))


def assigned_to(knowledge: Knowledge, link: Linkage) -> dict[int, list[Entity]]:
    """Group the predicted entities by the gold entity they are assigned to."""
    groups: dict[int, list[Entity]] = {}
    for e, g in zip(knowledge.entities, link.assigned, strict=True):
        if g is not None:
            groups.setdefault(g, []).append(e)
    return dict(sorted(groups.items()))


def split_errors(gold: Gold, knowledge: Knowledge, link: Linkage) -> tuple[str, ...]:
    """List central gold entities that two or more predicted entities are assigned to."""
    return tuple(f"{gold.entities[g].name} = " + " + ".join(sorted(e.name for e in preds))
                 for g, preds in assigned_to(knowledge, link).items()
                 if len(preds) >= 2 and gold.entities[g].central)


@dataclass(frozen=True)
class AliasRecall:
    """How many spellings of the found central entities the prediction links to them."""

    untranslatable: Ratio
    """Over aliases marked untranslatable (acronyms, other-language names, metonyms)."""
    other: Ratio
    """Over the other aliases (spelling and translation variants)."""
    missed: tuple[str, ...]
    """Each missed alias as "entity: alias", untranslatable ones marked."""


def distinct_aliases(entity: GoldEntity) -> dict[str, tuple[str, bool]]:
    """Map each normalised alias to its first spelling and whether any spelling is untranslatable."""
    found: dict[str, tuple[str, bool]] = {}
    for a in entity.aliases:
        text, flag = found.get(normalise(a.text), (a.text, False))
        found[normalise(a.text)] = (text, flag or a.untranslatable)
    return found


def alias_recall(gold: Gold, knowledge: Knowledge, link: Linkage) -> AliasRecall:
    """Check every alias of each found central entity against the forms assigned to it."""
    tally = {True: [0, 0], False: [0, 0]}
    missed = []
    for g, preds in assigned_to(knowledge, link).items():
        if not gold.entities[g].central:
            continue
        forms = frozenset().union(*(e.forms for e in preds))
        for form, (text, untranslatable) in distinct_aliases(gold.entities[g]).items():
            tally[untranslatable][1] += 1
            tally[untranslatable][0] += form in forms
            if form not in forms:
                mark = " (untranslatable)" if untranslatable else ""
                missed.append(f"{gold.entities[g].name}: {text}{mark}")
    return AliasRecall(Ratio(*tally[True]), Ratio(*tally[False]), tuple(missed))


SAME_SUBKIND = {"town": "city"}
"""Sub-kinds the sources use for the same places ("the city of Grayvoron", "the town of Grayvoron")."""


def subkind_base(text: str) -> str:
    """Fold a sub-kind for comparison: the part before any "(", casefolded, single spaces, town as city."""
    base = " ".join(text.split("(", 1)[0].casefold().split())
    return SAME_SUBKIND.get(base, base)


def linked_pairs(gold: Gold, knowledge: Knowledge, link: Linkage) -> list[tuple[Entity, GoldEntity]]:
    """Pair every predicted entity assigned to a gold entity with that gold entity."""
    return [(e, gold.entities[g]) for e, g in zip(knowledge.entities, link.assigned, strict=True)
            if g is not None]


@dataclass(frozen=True)
class SubkindScores:
    """How well the linked predictions say what sort of group or place they are."""

    given: Ratio
    """Linked predictions that give a sub-kind, of those whose gold entity has one."""
    right: Ratio
    """Sub-kinds that agree with gold, of those given."""
    wrong: tuple[str, ...]
    """Each wrong one as "gold name: predicted X, gold Y"."""


def subkind_scores(gold: Gold, knowledge: Knowledge, link: Linkage) -> SubkindScores:
    """Compare the sub-kind of every linked prediction with its gold entity's; a null is not given."""
    linked = [(e.subkind, g) for e, g in linked_pairs(gold, knowledge, link) if g.subkind]
    given = [(p, g) for p, g in linked if p is not None]
    wrong = sorted(f"{g.name}: predicted {p}, gold {g.subkind}" for p, g in given
                   if subkind_base(p) != subkind_base(g.subkind or ""))
    return SubkindScores(Ratio(len(given), len(linked)), Ratio(len(given) - len(wrong), len(given)),
                         tuple(wrong))


AREA_WORDS = re.compile(r"\s*(?:\(region\)|\bregion|\boblast|\bprovince)$")
"""'Lisk Oblast', 'Lisk region' and the gazetteer's 'Lisk (region)' name one first-level area."""


def area_name(name: str) -> str:
    """Normalise a region's name without its head word, so translations of 'region' agree."""
    return AREA_WORDS.sub("", normalise(name))


def parent_forms(gold: Gold, names: Iterable[str]) -> frozenset[str]:
    """Return the forms naming gold parents: a gold entity's name and aliases, or a plain name."""
    by_name = {e.name: e for e in gold.entities}
    forms = {normalise(n) for n in names}
    forms = forms.union(*(by_name[n].forms() for n in names if n in by_name))
    return frozenset(area_name(f) for f in forms)


def parent_right(parent: Parent, place: GoldEntity, gold: Gold, gold_of: Mapping[str, int]) -> bool:
    """Tell whether a predicted parent is a gold parent of the place, by its linked entity or its name."""
    linked = gold_of.get(parent.entity or "")
    by_entity = linked is not None and gold.entities[linked].name in place.part_of
    return by_entity or area_name(parent.name) in parent_forms(gold, place.part_of)


@dataclass(frozen=True)
class ParentScores:
    """How well the linked predictions say which areas a place lies in."""

    right: Ratio
    """Right parents, of the parents predicted for places whose gold entity has parents."""
    central: Ratio
    """Central gold places (with gold parents) whose linked prediction has a right parent."""
    wrong: tuple[str, ...]
    """Each wrong parent as "gold name: predicted X, gold Y, Z"."""
    missed: tuple[str, ...]
    """Central gold places (with gold parents) that no linked prediction gives a right parent."""


def parent_scores(gold: Gold, knowledge: Knowledge, link: Linkage) -> ParentScores:
    """Judge every predicted `part_of` entry of a place linked to a gold place with parents."""
    gold_of = {e.id: g for e, g in zip(knowledge.entities, link.assigned, strict=True) if g is not None}
    judged = [(g, p, parent_right(p, g, gold, gold_of))
              for e, g in linked_pairs(gold, knowledge, link) if g.part_of for p in e.part_of]
    placed = {g.name for g, _, ok in judged if ok}
    central = [g.name for g in gold.entities if g.central and g.kind == "place" and g.part_of]
    wrong = sorted(f"{g.name}: predicted {p.name or p.entity}, gold {', '.join(g.part_of)}"
                   for g, p, ok in judged if not ok)
    return ParentScores(Ratio(sum(1 for *_, ok in judged if ok), len(judged)),
                        Ratio(sum(1 for n in central if n in placed), len(central)), tuple(wrong),
                        tuple(n for n in central if n not in placed))


@dataclass(frozen=True)
class EntityScores:
    """Every entity metric of one prediction."""

    precision: Mapping[str, Ratio]
    """By kind, and ALL."""
    recall_central: Mapping[str, Ratio]
    """Over central gold entities, by kind and ALL."""
    recall_all: Mapping[str, Ratio]
    """Over all gold entities, by kind and ALL."""
    unmatched: tuple[str, ...]
    """Predictions that hit no gold entity of their kind."""
    spurious: tuple[str, ...]
    """Predictions that hit a non-entity or outlet string."""
    merges: tuple[str, ...]
    """Predictions that join separate gold entities."""
    splits: tuple[str, ...]
    """Central gold entities spread over several predictions."""
    missed_central: tuple[str, ...]
    """Central gold entities not found."""
    aliases: AliasRecall
    """Alias resolution on the found central entities."""
    subkinds: SubkindScores
    """Sub-kinds of the linked predictions."""
    parents: ParentScores
    """Parent areas of the linked places."""


def score_entities(gold: Gold, knowledge: Knowledge, link: Linkage) -> EntityScores:
    """Compute every entity metric."""
    rows = (*KINDS, ALL)
    return EntityScores(
        precision={k: precision(gold, knowledge, link, k) for k in rows},
        recall_central={k: recall(gold, knowledge, link, k, central=True) for k in rows},
        recall_all={k: recall(gold, knowledge, link, k, central=False) for k in rows},
        unmatched=unmatched(gold, knowledge, link),
        spurious=spurious_entities(gold, knowledge),
        merges=merge_errors(gold, knowledge, link),
        splits=split_errors(gold, knowledge, link),
        missed_central=missed_central(gold, knowledge, link),
        aliases=alias_recall(gold, knowledge, link),
        subkinds=subkind_scores(gold, knowledge, link),
        parents=parent_scores(gold, knowledge, link),
    )


# ----------------------------------------------------------------------------- statements


def speaker_names(gold: Gold, knowledge: Knowledge, link: Linkage) -> dict[str, frozenset[str]]:
    """Map each predicted entity id to the gold names it stands for: its assigned entity, outlets it hits."""
    outlets = {normalise(a): o.name for o in gold.outlets for a in (o.name, *o.aliases)}
    names = {}
    for e, g in zip(knowledge.entities, link.assigned, strict=True):
        own = frozenset() if g is None else frozenset({gold.entities[g].name})
        names[e.id] = own | frozenset(outlets[f] for f in e.forms & outlets.keys())
    return names


def same_statement(g: GoldStatement, p: Statement, knowledge: Knowledge) -> float:
    """Return the word overlap of a gold and a predicted statement, or 0 if they are not the same."""
    if p.citation.source != g.source or not contains(knowledge.paragraph(p.citation), g.paragraph_quote):
        return 0.0
    score = overlap(g.text, p.text)
    return score if score >= MIN_OVERLAP else 0.0


def greedy_pairs(scored: Iterable[tuple[float, int, int]]) -> dict[int, int]:
    """Pair gold with predicted items one to one, best score first, ties in gold then predicted order."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if gi not in pairs and pi not in taken:
            pairs[gi] = pi
            taken.add(pi)
    return pairs


def pair_statements(gold: Gold, knowledge: Knowledge) -> dict[int, int]:
    """Match gold statements to predicted ones (gold index -> predicted index)."""
    scored = ((same_statement(g, p, knowledge), gi, pi)
              for gi, g in enumerate(gold.statements) for pi, p in enumerate(knowledge.statements))
    return greedy_pairs(s for s in scored if s[0] > 0)


def speaker_verdict(g: GoldStatement, p: Statement, names: Mapping[str, frozenset[str]]) -> str:
    """Judge the predicted speaker: "right", "wrong" (names someone else) or "unresolved" (null)."""
    if p.speaker is None:
        return "right" if g.speaker is None else "unresolved"
    return "right" if g.speaker in names.get(p.speaker, frozenset()) else "wrong"


@dataclass(frozen=True)
class StatementScores:
    """Statement metrics over a set of gold statements (all, or the officials' ones)."""

    gold: int
    """Gold statements."""
    locatable: int
    """Gold statements whose paragraph is among the exported paragraphs (headlines are not)."""
    found: int
    """Gold statements matched by a prediction."""
    right_speaker: int
    """Found with the speaker that maps to the gold speaker (or both unnamed)."""
    wrong_speaker: int
    """Found with a speaker that maps to someone else: worse than none."""
    unresolved: int
    """Found with a null speaker where gold names one."""
    right_kind: int
    """Found with the right kind (quote or paraphrase)."""
    predicted: int
    """Predicted statements considered."""
    spurious: int
    """Predicted statements that match no gold statement."""
    wrong: tuple[str, ...]
    """The wrong-speaker statements, described."""


def describe_wrong(g: GoldStatement, p: Statement, names: Mapping[str, frozenset[str]]) -> str:
    """Describe a statement given to the wrong speaker."""
    stands_for = ", ".join(sorted(names.get(p.speaker or "", frozenset()))) or "no gold entity"
    text = textwrap.shorten(g.text, 60, placeholder="...")
    return f"{g.source}: {text!r} by {g.speaker or 'unnamed'}, predicted {p.speaker} ({stands_for})"


def tally_statements(gold: Gold, knowledge: Knowledge, link: Linkage, official: bool) -> StatementScores:
    """Count the statement metrics, over official gold and predicted statements only if asked."""
    pairs, names = pair_statements(gold, knowledge), speaker_names(gold, knowledge, link)
    chosen = [i for i, g in enumerate(gold.statements) if g.official or not official]
    found = {i: (gold.statements[i], knowledge.statements[pairs[i]]) for i in chosen if i in pairs}
    verdicts = [speaker_verdict(g, p, names) for g, p in found.values()]
    predicted = [i for i, p in enumerate(knowledge.statements) if p.official or not official]
    return StatementScores(
        gold=len(chosen),
        locatable=sum(1 for i in chosen if knowledge.locates(gold.statements[i].source,
                                                               gold.statements[i].paragraph_quote)),
        found=len(found),
        right_speaker=verdicts.count("right"),
        wrong_speaker=verdicts.count("wrong"),
        unresolved=verdicts.count("unresolved"),
        right_kind=sum(1 for g, p in found.values() if g.kind == p.kind),
        predicted=len(predicted),
        spurious=sum(1 for i in predicted if i not in pairs.values()),
        wrong=tuple(sorted(describe_wrong(g, p, names) for g, p in found.values()
                           if speaker_verdict(g, p, names) == "wrong")),
    )


# ----------------------------------------------------------------------------- claims and figures


def citation_hits(p: Citation, g: GoldCitation, knowledge: Knowledge) -> bool:
    """Tell whether a predicted citation cites the gold words: same source and one holds the other."""
    return p.source == g.source and (contains(knowledge.paragraph(p), g.quote) or contains(g.quote, p.quote))


def claim_finds(citations: Sequence[Citation], claim: GoldClaim, knowledge: Knowledge) -> bool:
    """Tell whether a predicted claim cites two positions of a gold topic (its only one, if it has one)."""
    hit = sum(1 for position in claim.positions
              if any(citation_hits(p, g, knowledge) for p in citations for g in position))
    needed = min(2, len(claim.positions))
    return needed > 0 and hit >= needed


@dataclass(frozen=True)
class ClaimScores:
    """Claim metrics of one prediction."""

    found: Ratio
    """Gold topics found by some predicted claim."""
    spurious: Ratio
    """Predicted claims that find no gold topic, of all predicted claims."""
    locatable: Ratio
    """Gold citations whose words are in some exported paragraph of their source."""
    missed: tuple[str, ...]
    """The topics not found."""


def score_claims(gold: Gold, knowledge: Knowledge) -> ClaimScores:
    """Compute the claim metrics."""
    finds = [[claim_finds(p, g, knowledge) for p in knowledge.claims] for g in gold.claims]
    cites = [c for claim in gold.claims for position in claim.positions for c in position]
    return ClaimScores(
        found=Ratio(sum(1 for row in finds if any(row)), len(gold.claims)),
        spurious=Ratio(sum(1 for p in knowledge.claims if not any(claim_finds(p, g, knowledge)
                                                                  for g in gold.claims)),
                       len(knowledge.claims)),
        locatable=Ratio(sum(1 for c in cites if knowledge.locates(c.source, c.quote)), len(cites)),
        missed=tuple(g.topic for g, row in zip(gold.claims, finds, strict=True) if not any(row)),
    )


def value_matches(v: FigureValue, g: GoldFigure, knowledge: Knowledge) -> bool:
    """Tell whether a predicted value is the gold figure: cited at its words, value within its range."""
    cited = citation_hits(v.citation, GoldCitation(g.source, g.quote), knowledge)
    return cited and g.low <= v.value <= g.high


def conflict_groups(gold: Gold) -> dict[str, tuple[GoldFigure, ...]]:
    """Group the gold figures by conflict group, keeping groups that hold two or more distinct values."""
    groups: dict[str, list[GoldFigure]] = {}
    for f in gold.figures:
        groups.setdefault(f.conflict_group, []).append(f)
    return {k: tuple(v) for k, v in sorted(groups.items()) if len({(f.low, f.high) for f in v}) >= 2}


def conflict_finds(figure: Figure, group: Sequence[GoldFigure], knowledge: Knowledge) -> bool:
    """Tell whether a conflicting predicted figure holds two differing gold values of the group."""
    values = {(g.low, g.high) for g in group for v in figure.values if value_matches(v, g, knowledge)}
    return figure.conflict and len(values) >= 2


@dataclass(frozen=True)
class FigureScores:
    """Figure and conflict metrics of one prediction."""

    found: Ratio
    """Gold figures matched by some predicted value."""
    spurious: Ratio
    """Predicted values that match no gold figure, of all predicted values."""
    locatable: Ratio
    """Gold figures whose quote is in some exported paragraph of their source."""
    missed: tuple[str, ...]
    """The gold figures not found."""
    conflicts: Ratio
    """Gold conflict groups found by one conflicting predicted figure."""
    spurious_conflicts: Ratio
    """Conflicting predicted figures that find no gold conflict, of all conflicting ones."""
    missed_conflicts: tuple[str, ...]
    """The conflict groups not found."""


def describe_figure(g: GoldFigure) -> str:
    """Describe a gold figure: its words, value and source."""
    value = f"{g.low:g}" if g.low == g.high else f"{g.low:g}-{g.high:g}"
    return f"{g.text!r} = {value} ({g.source})"


def score_figures(gold: Gold, knowledge: Knowledge) -> FigureScores:
    """Compute the figure and conflict metrics."""
    values = [v for f in knowledge.figures for v in f.values]
    found = [any(value_matches(v, g, knowledge) for v in values) for g in gold.figures]
    groups = conflict_groups(gold)
    conflicting = [f for f in knowledge.figures if f.conflict]
    found_groups = {k for k, group in groups.items()
                    if any(conflict_finds(f, group, knowledge) for f in knowledge.figures)}
    spurious = [v for v in values if not any(value_matches(v, g, knowledge) for g in gold.figures)]
    return FigureScores(
        found=Ratio(sum(found), len(gold.figures)),
        spurious=Ratio(len(spurious), len(values)),
        locatable=Ratio(sum(1 for g in gold.figures if knowledge.locates(g.source, g.quote)),
                        len(gold.figures)),
        missed=tuple(describe_figure(g) for g, ok in zip(gold.figures, found, strict=True) if not ok),
        conflicts=Ratio(len(found_groups), len(groups)),
        spurious_conflicts=Ratio(sum(1 for f in conflicting
                                     if not any(conflict_finds(f, g, knowledge) for g in groups.values())),
                                 len(conflicting)),
        missed_conflicts=tuple(k for k in groups if k not in found_groups),
    )


# ----------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Scores:
    """Every metric of one prediction."""

    entities: EntityScores
    """Entity metrics."""
    statements: StatementScores
    """Statement metrics over all gold statements."""
    officials: StatementScores
    """Statement metrics over the officials' statements."""
    claims: ClaimScores
    """Claim metrics."""
    figures: FigureScores
    """Figure and conflict metrics."""


def score(gold: Gold, knowledge: Knowledge) -> Scores:
    """Compare one prediction with the gold reading."""
    link = link_entities(gold, knowledge)
    return Scores(score_entities(gold, knowledge, link),
                  tally_statements(gold, knowledge, link, official=False),
                  tally_statements(gold, knowledge, link, official=True),
                  score_claims(gold, knowledge), score_figures(gold, knowledge))


@dataclass(frozen=True)
class Section:
    """One titled table of a report, with the lists that explain it."""

    title: str
    """Section heading."""
    rows: tuple[tuple[str, str], ...]
    """(metric, value) pairs."""
    details: tuple[tuple[str, tuple[str, ...]], ...]
    """(label, items) lists; empty lists are not shown."""


def entity_section(s: EntityScores) -> Section:
    """Lay out the entity metrics."""
    rows = [(f"precision, {k}", str(s.precision[k])) for k in (*KINDS, ALL)]
    rows += [(f"central recall, {k}", str(s.recall_central[k])) for k in (*KINDS, ALL)]
    rows += [(f"recall over all gold, {k}", str(s.recall_all[k])) for k in (*KINDS, ALL)]
    rows += [("spurious non-entities", str(len(s.spurious))), ("merge errors", str(len(s.merges))),
             ("split errors", str(len(s.splits))),
             ("alias recall, untranslatable", str(s.aliases.untranslatable)),
             ("alias recall, other", str(s.aliases.other)),
             ("sub-kind given, of linked", str(s.subkinds.given)),
             ("sub-kind right, of given", str(s.subkinds.right)),
             ("parents right, of predicted", str(s.parents.right)),
             ("places with a parent, of central gold places", str(s.parents.central))]
    return Section("Entities", tuple(rows), (
        ("predicted entities hitting no gold entity of their kind", s.unmatched),
        ("spurious non-entities", s.spurious), ("merge errors", s.merges), ("split errors", s.splits),
        ("central entities missed", s.missed_central), ("aliases missed", s.aliases.missed),
        ("sub-kinds wrong", s.subkinds.wrong), ("parents wrong", s.parents.wrong),
        ("central places without a right parent", s.parents.missed)))


def statement_section(title: str, s: StatementScores) -> Section:
    """Lay out the statement metrics."""
    rows = (("gold statements", str(s.gold)),
            ("gold locatable in exported paragraphs", str(Ratio(s.locatable, s.gold))),
            ("found", str(Ratio(s.found, s.gold))),
            ("right speaker, of found", str(Ratio(s.right_speaker, s.found))),
            ("wrong speaker, of found", str(Ratio(s.wrong_speaker, s.found))),
            ("unresolved speaker, of found", str(Ratio(s.unresolved, s.found))),
            ("right kind, of found", str(Ratio(s.right_kind, s.found))),
            ("spurious, of predicted", str(Ratio(s.spurious, s.predicted))))
    return Section(title, rows, (("wrong speakers", s.wrong),))


def claim_figure_sections(c: ClaimScores, f: FigureScores) -> tuple[Section, Section]:
    """Lay out the claim and the figure metrics."""
    claims = Section("Claims", (
        ("topics found", str(c.found)), ("spurious claims, of predicted", str(c.spurious)),
        ("gold citations locatable", str(c.locatable))), (("topics missed", c.missed),))
    figures = Section("Figures", (
        ("figures found", str(f.found)), ("spurious values, of predicted", str(f.spurious)),
        ("gold figures locatable", str(f.locatable)), ("conflicts found", str(f.conflicts)),
        ("spurious conflicts, of predicted", str(f.spurious_conflicts))),
        (("figures missed", f.missed), ("conflicts missed", f.missed_conflicts)))
    return claims, figures


def sections(s: Scores) -> tuple[Section, ...]:
    """Lay out every metric as report sections."""
    return (entity_section(s.entities), statement_section("Statements", s.statements),
            statement_section("Statements by officials", s.officials),
            *claim_figure_sections(s.claims, s.figures))


Report = tuple[tuple[str, tuple[Section, ...]], ...]
"""(mode name, sections) for each mode, sections in the same order."""


def merged_details(report: Report, index: int) -> list[tuple[str, tuple[str, ...]]]:
    """List the details of one section, once when all modes agree, else per mode."""
    out = []
    for at, (label, _) in enumerate(report[0][1][index].details):
        per_mode = [(mode, secs[index].details[at][1]) for mode, secs in report]
        if all(items == per_mode[0][1] for _, items in per_mode):
            out.append((label, per_mode[0][1]))
        else:
            out += [(f"{label}, {mode}", items) for mode, items in per_mode]
    return [(label, items) for label, items in out if items]


def table_rows(report: Report, index: int) -> list[list[str]]:
    """Return one section's rows as [metric, value in each mode]."""
    return [[label, *(secs[index].rows[r][1] for _, secs in report)]
            for r, (label, _) in enumerate(report[0][1][index].rows)]


def render_text(report: Report, notes: Sequence[str]) -> str:
    """Render the report as plain-text tables."""
    lines = [f"Quality against the gold reading ({COMMAND})", *notes]
    for index, section in enumerate(report[0][1]):
        table = [[section.title.upper(), *(mode for mode, _ in report)], *table_rows(report, index)]
        widths = [max(len(row[c]) for row in table) for c in range(len(table[0]))]
        lines += ["", *("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
                        for row in table)]
        for label, items in merged_details(report, index):
            lines.append(textwrap.fill("; ".join(items), 110, initial_indent=f"  {label} ({len(items)}): ",
                                       subsequent_indent="      ", break_on_hyphens=False))
    return "\n".join(lines) + "\n"


EXPLANATIONS = (
    ("Modes", "*with editorial* generates from `content/` as it is; *generator alone* generates from a "
     "temporary copy without `content/editorial.yml`, so the gap between the columns is what the "
     "hand-written curation adds. Without an `editorial.yml` the two columns are the same run twice."),
    ("Surface forms", "A gold entity's forms are its alias texts; a predicted entity's forms are its name, "
     "aliases and mention texts. Forms are compared after case folding, dropping a possessive 's, folding "
     "whitespace and dropping a leading \"the \". A predicted entity *hits* a gold entity when they share a "
     "form, and is *assigned* to the gold entity it shares the most forms with (ties: same kind first, then "
     "the gold entity with fewer forms the two do not share, then gold order)."),
    ("Entity precision", "Of the predicted entities of a kind, the share that hit a gold entity of the same "
     "kind. The entities that do not are listed, so a reader sees what the extractor invents."),
    ("Entity recall", "*Central recall*: of the gold entities marked `central: true`, the share hit by a "
     "predicted entity of the same kind; *recall over all gold* does the same for every gold entity. "
     "Missed central entities are listed."),
    ("Spurious non-entities", "Predicted entities that hit a string the gold reading lists under "
     "`non_entities` (demonyms, weekdays, headline words, boilerplate) or `outlets` (news outlets are "
     "sources, not actors). Each is listed with the string it hit."),
    ("Merge errors", "A predicted entity that hits two or more gold entities, when no single one of them "
     "has every gold spelling the prediction uses. Gold spells some entities alike (\"Kremlin\" is the "
     "government body and the building), so hitting both through such a shared spelling alone is not a "
     "merge."),
    ("Split errors", "A central gold entity that two or more predicted entities are assigned to: one actor "
     "shown as several, usually because spelling variants were not resolved to one another."),
    ("Alias recall", "For every central gold entity with at least one predicted entity assigned to it: the "
     "share of its distinct (normalised) aliases found among the forms of those predicted entities. It is "
     "split into aliases marked `untranslatable: true` (native acronyms, other-language names, metonyms "
     "such as \"Kyiv\" for the government), which no string rule can link, and the rest (spelling and "
     "translation variants). Every missed alias is listed, the untranslatable ones marked."),
    ("Sub-kinds", "For every predicted entity assigned to a gold entity that has a `subkind`: *given* "
     "counts those that export a sub-kind (a null or missing one is a gap, not an error), and *right* "
     "counts, of those given, the ones equal to the gold sub-kind, both compared by the part before any "
     "\"(\" (\"region (peninsula)\" is a region), case folded; \"city\" and \"town\" agree, since the "
     "sources call the same place both. Wrong sub-kinds are listed."),
    ("Parent areas", "A gold place may list under `part_of` the areas it lies in (gold entity names, or "
     "plain names of areas the gold reading does not hold). A predicted place's `part_of` entry is "
     "*right* when its `entity` is assigned to one of those gold parents or its name, normalised as "
     "above, is a parent's name or alias; entries are judged only for predictions assigned to a gold "
     "place that has parents, and wrong ones are listed. *Places with a parent* counts the central gold "
     "places that have gold parents (countries have none and are left out) for which some assigned "
     "prediction gives at least one right parent; the others are listed."),
    ("Statements found", "A predicted statement matches a gold one when it cites the same source, the "
     "cited paragraph contains the gold `paragraph_quote`, and the word sets of the two texts overlap "
     "(Jaccard) by at least 0.5; pairs are made one to one, best overlap first. *Gold locatable* counts "
     "gold statements whose paragraph is among the exported paragraphs at all (a headline is not), the "
     "ceiling for *found*."),
    ("Speakers", "For a found statement, the predicted speaker is *right* when its entity is assigned to "
     "the gold speaker (or hits the gold outlet that spoke), or when both are unnamed; *wrong* when it "
     "names someone else, which misleads a reader and is worse than *unresolved* (a null speaker where "
     "gold names one). Wrong speakers are listed."),
    ("Kind and spurious statements", "*Right kind*: found statements whose kind (quote or paraphrase) "
     "agrees with gold. *Spurious*: predicted statements that match no gold statement."),
    ("Statements by officials", "The same numbers over the gold statements marked `official: true`; "
     "spurious counts the predicted statements marked official that match no gold statement."),
    ("Claims", "A predicted citation hits a gold citation when it names the same source and its paragraph "
     "contains the gold quote, or the gold quote contains its quote. A gold topic is found when one "
     "predicted claim has citations hitting at least two of the topic's positions (its only position, "
     "for a one-position topic). A predicted claim that finds no topic is spurious."),
    ("Figures", "A gold figure is found when a predicted value cites it as above and equals the gold value "
     "(or lies within the gold range given for a vague quantity such as \"dozens\"). Predicted values that "
     "match no gold figure are spurious."),
    ("Conflicts", "A gold conflict group whose figures hold two or more distinct values is found when one "
     "predicted figure marked `conflict: true` holds values matching two of its figures with different "
     "values. Conflicting predicted figures that find no group are spurious."),
)
"""One paragraph per metric, written into QUALITY.md."""


def markdown_section(report: Report, index: int) -> list[str]:
    """Render one section as a Markdown table and lists."""
    lines = [f"## {report[0][1][index].title}", "", "| metric | " + " | ".join(m for m, _ in report) + " |",
             "|---" * (len(report) + 1) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in table_rows(report, index)]
    details = merged_details(report, index)
    if details:
        lines.append("")
    lines += [f"- **{label}** ({len(items)}): " + "; ".join(items) for label, items in details]
    return [*lines, ""]


def render_markdown(report: Report, notes: Sequence[str]) -> str:
    """Render the report as QUALITY.md."""
    lines = ["# Extraction quality", "",
             f"Produced by `{COMMAND}` (`.venv/bin/python bench/quality/score.py --write QUALITY.md`), "
             "which compares `data/knowledge.json` with the hand-made gold reading "
             "`bench/quality/gold.yml`. It measures and never fails a build.", "", *notes, ""]
    for index in range(len(report[0][1])):
        lines += markdown_section(report, index)
    lines += ["## What the metrics mean", ""]
    for title, text in EXPLANATIONS:
        lines += [f"**{title}.** {text}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# ----------------------------------------------------------------------------- running


def knowledge_from(content: Path) -> Knowledge:
    """Generate the site in memory from a content folder and read its knowledge.json."""
    pages = generate(content).pages
    return parse_knowledge(json.loads(next(p.content for p in pages if p.path == KNOWLEDGE_PATH)))


def without_editorial(content: Path) -> Knowledge:
    """Generate from a temporary copy of the content folder with editorial.yml removed."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "content"
        shutil.copytree(content, copy)
        (copy / EDITORIAL).unlink(missing_ok=True)
        return knowledge_from(copy)


def editorial_note(content: Path) -> str:
    """Say whether the two modes differ."""
    shown = content.resolve().relative_to(ROOT) if content.resolve().is_relative_to(ROOT) else content
    where = f"{shown.as_posix()}/{EDITORIAL}"
    if (content / EDITORIAL).exists():
        return f"Modes: '{MODES[0]}' reads {where}; '{MODES[1]}' generates without it."
    return f"Modes: {where} does not exist, so '{MODES[0]}' and '{MODES[1]}' read the same content."


def main(argv: Sequence[str] | None = None) -> int:
    """Score both modes, print the report and optionally write it as Markdown; return the exit code."""
    parser = argparse.ArgumentParser(description="Score data/knowledge.json against bench/quality/gold.yml.")
    parser.add_argument("--write", type=Path, metavar="PATH", help="also write the report as Markdown")
    parser.add_argument("--gold", type=Path, default=GOLD_PATH, help="gold reading (default: %(default)s)")
    parser.add_argument("--content", type=Path, default=CONTENT, help="content folder (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        gold = load_gold(args.gold)
    except GoldError as err:
        print(f"score.py: invalid gold reading: {err}", file=sys.stderr)
        return 2
    modes = ((MODES[0], knowledge_from(args.content)), (MODES[1], without_editorial(args.content)))
    report = tuple((name, sections(score(gold, knowledge))) for name, knowledge in modes)
    notes = (editorial_note(args.content),)
    sys.stdout.write(render_text(report, notes))
    if args.write:
        args.write.write_text(render_markdown(report, notes), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
