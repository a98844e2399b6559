"""The editor's changes to the questions of the claims page (editorial.yml 'claims'): rename, merge,
split, hide.

A question is named by its id (its anchor on the page without 'claim-') or by its generated
wording. A name that matches no question, a side that the question does not have, or a question
merged twice is an error at its line in editorial.yml, with the closest name when there is one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..core.curation import EditorialClaim, EditorialSplit
from ..core.errors import Problem, did_you_mean, problem_at, quote
from ..core.models import Claim, Position
from .claims_positions import INDEPENDENT, UNNAMED


def apply_claim_edits(claims: Sequence[Claim], edits: Sequence[EditorialClaim],
                      path: str) -> tuple[tuple[Claim, ...], list[Problem]]:
    """Apply the editor's changes in file order; return the questions to show and the problems met."""
    current = {c.id: c for c in claims}
    order = [c.id for c in claims]
    problems: list[Problem] = []
    for edit in edits:
        key = _find(edit.question, current)
        if key is None:
            problems.append(_unknown(path, edit.line, edit.question, current))
            continue
        claim = current[key]
        for name, line in edit.merge:
            other = _find(name, current)
            if other is None or other == key:
                problems.append(_unknown(path, line, name, current) if other is None else
                                problem_at(path, line, f"{quote(name)} cannot be merged into itself"))
                continue
            claim = merged(claim, current.pop(other))
            order.remove(other)
        for n, split in enumerate(edit.split, start=1):
            claim, new, found = _split(claim, split, path, n)
            problems += found
            if new is not None:
                current[new.id] = new
                order.insert(order.index(key) + n, new.id)
        if edit.topic:
            claim = replace(claim, topic=edit.topic)
        current[key] = claim
        if edit.hide:
            current.pop(key)
            order.remove(key)
    return tuple(current[k] for k in order if k in current), problems


def _find(name: str, claims: dict[str, Claim]) -> str | None:
    """The id of the question an editor names, by id, anchor or wording."""
    plain = name.removeprefix("claim-").removeprefix("#claim-")
    if plain in claims:
        return plain
    wording = " ".join(name.split()).casefold()
    return next((k for k, c in claims.items() if c.topic.casefold() == wording), None)


def _unknown(path: str, line: int, name: str, claims: dict[str, Claim]) -> Problem:
    """A problem for a name that matches no question, with the closest id or wording."""
    options = [*claims, *(c.topic for c in claims.values())]
    hint = did_you_mean(name, options)
    return problem_at(path, line, f"no question {quote(name)} on the claims page{hint}")


def merged(first: Claim, second: Claim) -> Claim:
    """One question with the positions of both; positions of the same side are joined."""
    positions: dict[str, Position] = {p.side: p for p in first.positions}
    for p in second.positions:
        had = positions.get(p.side)
        if had is None:
            positions[p.side] = p
            continue
        extra = [i for i, c in enumerate(p.citations) if c not in had.citations]
        positions[p.side] = replace(
            had, claimants=tuple(dict.fromkeys((*had.claimants, *p.claimants))),
            citations=(*had.citations, *(p.citations[i] for i in extra)),
            statements=(*had.statements, *(p.statements[i] for i in extra if i < len(p.statements))),
            stances=(*had.stances, *(p.stances[i] for i in extra if i < len(p.stances))))
    kept = tuple(positions.values())
    statuses = {first.status, second.status}
    return replace(first, positions=kept, status=_status(kept, statuses))


def _split(claim: Claim, split: EditorialSplit, path: str,
           n: int) -> tuple[Claim, Claim | None, list[Problem]]:
    """Move the positions of the named sides into a new question."""
    sides = {p.side.casefold(): p.side for p in claim.positions}
    missing = [s for s in split.sides if s.casefold() not in sides]
    if missing:
        return claim, None, [problem_at(path, split.line, f"the question {quote(claim.topic)} has no side "
                                        f"{quote(missing[0])}{did_you_mean(missing[0], sides.values())}")]
    wanted = {s.casefold() for s in split.sides}
    moved = tuple(p for p in claim.positions if p.side.casefold() in wanted)
    kept = tuple(p for p in claim.positions if p.side.casefold() not in wanted)
    new = Claim(f"{claim.id}-split-{n}", split.topic, _status(moved, {claim.status}), moved)
    return replace(claim, positions=kept, status=_status(kept, {claim.status})), new, []


def _status(positions: Sequence[Position], before: set[str]) -> str:
    """Status after an edit: one-sided with fewer than two parties, else as it was (disputed wins)."""
    parties = {p.side for p in positions if p.side != UNNAMED and not p.side.startswith(INDEPENDENT)}
    if len(parties) < 2 and not any(p.side.startswith("Figure: ") for p in positions):
        return "one-sided"
    if "disputed" in before or any("denies" in p.stances for p in positions):
        return "disputed"
    return "corroborated" if "corroborated" in before else "disputed"
