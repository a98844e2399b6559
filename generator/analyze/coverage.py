"""Stage `analyze` (coverage): which source reports which question, position and central entity.

A source *reports* a position when the position cites one of its paragraphs. A position is
*exclusive* when its citations all come from one source, or (in a corpus of several outlets) from
several sources of one outlet: two articles of the same outlet count as one outlet. An article
whose outlet is unknown counts as an outlet of its own, since nothing says it shares one.
*Central* entities are those with a page that the most sources name.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.models import (
    Article,
    Citation,
    Claim,
    Coverage,
    Entity,
    Exclusive,
    Mention,
    Naming,
    Report,
    SourceCoverage,
    reading_order,
)

CENTRAL = 12
"""How many central entities the coverage keeps."""

Key = tuple[str, int]
"""A position: (claim id, index among the claim's positions)."""


def find_coverage(articles: Sequence[Article], claims: Sequence[Claim], entities: Sequence[Entity],
                  central: int = CENTRAL) -> Coverage:
    """Say, for each source, which positions it reports and which central entities it names."""
    outlets = {a.id: outlet_key(a) for a in articles}
    several_outlets = len(set(outlets.values())) > 1
    named = {a.id: a.meta.outlet for a in articles}
    exclusives = tuple(e for e in (exclusive(c, i, outlets, named, several_outlets) for c in claims
                                   for i in range(len(c.positions))) if e is not None)
    only = {(e.claim, e.position): e.scope for e in exclusives}
    reports = reports_by_source(claims, only)
    chosen = central_entities(entities, len(articles), central)
    names = namings_by_source(chosen)
    sources = tuple(SourceCoverage(a.id, tuple(reports.get(a.id, ())), tuple(names.get(a.id, ())))
                    for a in articles)
    return Coverage(ranked_questions(claims), tuple(e.id for e in chosen), sources, exclusives)


def outlet_key(article: Article) -> str:
    """The outlet an article counts for: its outlet folded, or the article itself when unknown."""
    if article.meta.outlet and article.meta.outlet.strip():
        return "outlet:" + " ".join(article.meta.outlet.casefold().split())
    return "source:" + article.id


def reports_by_source(claims: Sequence[Claim], only: dict[Key, str]) -> dict[str, list[Report]]:
    """Each source's reports, in question order, then position order (one pass over the claims)."""
    reports: dict[str, list[Report]] = {}
    for claim in claims:
        for i, position in enumerate(claim.positions):
            cited: dict[str, list[Citation]] = {}
            for citation in position.citations:
                cited.setdefault(citation.source, []).append(citation)
            for source, citations in cited.items():
                reports.setdefault(source, []).append(
                    Report(claim.id, i, position.side, tuple(citations), only.get((claim.id, i), "")))
    return reports


def exclusive(claim: Claim, index: int, outlets: dict[str, str], named: dict[str, str | None],
              several_outlets: bool) -> Exclusive | None:
    """The position as exclusive to one source or one outlet, or None when more report it.

    In a corpus of one outlet, every position is that outlet's: only one source alone counts then.
    """
    position = claim.positions[index]
    sources = tuple(sorted({c.source for c in position.citations}))
    keys = {outlets.get(s, "source:" + s) for s in sources}
    if not sources or len(keys) > 1 or (len(sources) > 1 and not several_outlets):
        return None
    scope = "source" if len(sources) == 1 else "outlet"
    return Exclusive(claim.id, index, position.side, scope, sources, named.get(sources[0]))


def ranked_questions(claims: Sequence[Claim]) -> tuple[str, ...]:
    """Claim ids, those reported by the most sources first (ties keep the claims' order)."""
    order = {c.id: i for i, c in enumerate(claims)}
    counts = {c.id: len({x.source for p in c.positions for x in p.citations}) for c in claims}
    return tuple(sorted(order, key=lambda cid: (-counts[cid], order[cid])))


def central_entities(entities: Sequence[Entity], sources: int, limit: int) -> list[Entity]:
    """The entities with a page that the most sources name (at least two, when there are two)."""
    least = min(2, sources)
    named = {e.id: len({m.source for m in e.mentions}) for e in entities}
    chosen = [e for e in entities if e.has_page and named[e.id] >= max(1, least)]
    chosen.sort(key=lambda e: (-named[e.id], -len(e.mentions), e.name, e.id))
    return chosen[:limit]


def namings_by_source(chosen: Sequence[Entity]) -> dict[str, list[Naming]]:
    """How often each source names each central entity, and in which paragraphs, in `chosen` order."""
    names: dict[str, list[Naming]] = {}
    for entity in chosen:
        by_source: dict[str, list[Mention]] = {}
        for mention in sorted(entity.mentions, key=reading_order):
            by_source.setdefault(mention.source, []).append(mention)
        for source, mentions in by_source.items():
            paragraphs = tuple(dict.fromkeys(m.paragraph for m in mentions))
            names.setdefault(source, []).append(Naming(entity.id, len(mentions), paragraphs))
    return names
