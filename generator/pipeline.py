"""The one place that knows the order of the stages; it reads as the pipeline."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .assets import copy_assets
from .claims import find_claims
from .claims_editorial import apply_claim_edits
from .clean import clean_article
from .errors import ContentError, Problem
from .figures import find_figures
from .load import load_corpus
from .models import Article, Citation, Page, RawArticle, Site, Statement
from .parallel import per_item
from .paths import TEMPLATES
from .places import locate_places
from .render import render_pages
from .resolve import find_sightings, resolve_entities
from .site_title import derive_title
from .slugs import assign_slugs
from .speakers import attribute
from .speech import Utterance, find_utterances
from .subkinds import with_subkinds
from .summary import key_citations
from .timeline import find_events
from .timing import stage
from .verify import check_citations, check_pages


@dataclass(frozen=True)
class Generated:
    """The pages of a site and the warnings met on the way."""

    site: Site
    """The assembled knowledge."""
    pages: tuple[Page, ...]
    """Every file to write into docs/."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""


def claimant_finder(statements: Sequence[Statement]) -> Callable[[Citation], str | None]:
    """Who gives a figure: the resolved speaker of the statement whose sentence holds it."""
    by_place: dict[tuple[str, str], list[Statement]] = {}
    for s in statements:
        if s.speaker:
            by_place.setdefault((s.citation.source, s.citation.paragraph), []).append(s)

    @functools.cache
    def claimant(citation: Citation) -> str | None:
        for s in by_place.get((citation.source, citation.paragraph), []):
            if s.speaker and (citation.quote in s.citation.quote or s.citation.quote in citation.quote):
                return s.speaker
        return None

    return claimant


def generate(content: Path, templates: Sequence[Path] = (TEMPLATES,), jobs: int = 1) -> Generated:
    """Run load -> clean -> extract and resolve -> render; raise ContentError on input errors."""
    site, problems = assemble(content, jobs)
    if site is None or any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    return Generated(site, validate(site, templates), tuple(problems))


def validate(site: Site, templates: Sequence[Path] = (TEMPLATES,)) -> tuple[Page, ...]:
    """Check the citations, render every page, and check what can be checked before MkDocs."""
    with stage("render"):
        check_citations(site)
        pages = (*render_pages(site, templates), *copy_assets(templates))
        check_pages(pages)
    return pages


def assemble(content: Path, jobs: int = 1) -> tuple[Site | None, list[Problem]]:
    """Load, clean, extract and resolve; return the site (None if loading failed) and all problems.

    The per-article stages (clean, names, utterances) run on `jobs` processes; the output is the
    same whatever their number.
    """
    with stage("load"):
        corpus, problems = load_corpus(content)
    if any(p.severity == "error" for p in problems):
        return None, problems
    with stage("clean"):
        slugs = assign_slugs(raw.id for raw in corpus.articles)
        articles = tuple(per_item(_clean, corpus.articles, jobs, slugs))
    with stage("names"):
        sightings = find_sightings(articles, jobs)
    with stage("resolve"):
        entities, found = resolve_entities(sightings, corpus.editorial)
        entities = locate_places(with_subkinds(entities, articles), articles)
    with stage("statements"):
        utterances = [u for found_in in per_item(_utterances, articles, jobs) for u in found_in]
        entities, statements = attribute(articles, entities, utterances)
    with stage("figures"):
        figures = find_figures(articles, claimant_finder(statements))
    with stage("claims"):
        claims, edited = apply_claim_edits(find_claims(articles, entities, statements, figures),
                                           corpus.editorial.claims, corpus.editorial.path)
    with stage("timeline"):
        events = find_events(articles)
    config = corpus.config
    derived = derive_title(articles, entities) if config.title_from == "default" else None
    if derived:
        config = replace(config, title=derived, title_from="derived")
    site = Site(config, articles, key_points=tuple(key_citations(articles)), entities=entities,
                statements=statements, claims=claims, figures=figures, events=events)
    return site, problems + found + edited


def _clean(raw: RawArticle, slugs: dict[str, str]) -> Article:
    return clean_article(raw, slugs[raw.id])


def _utterances(article: Article) -> list[Utterance]:
    return list(find_utterances(article))
