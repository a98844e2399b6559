"""Entity, statement, claim and figure metrics: one prediction compared with a gold reading.

Each matching rule is one small function; QUALITY.md explains every metric in prose.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from gold import (
    KINDS,
    Gold,
    GoldCitation,
    GoldClaim,
    GoldEntity,
    GoldFigure,
    GoldStatement,
    contains,
    normalise,
    overlap,
)
from prediction import Citation, Entity, Figure, FigureValue, Knowledge, Parent, Statement

MIN_OVERLAP = 0.5
"""Least word overlap (Jaccard) between a gold and a predicted statement text."""

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


# ----------------------------------------------------------------------------- all metrics together


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

