"""The one place that knows the order of the stages; it reads as the pipeline."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import cast

from .analyze.camps import with_camps
from .analyze.claims import find_claims
from .analyze.claims_editorial import apply_claim_edits
from .analyze.coverage import find_coverage
from .analyze.site_title import derive_title
from .analyze.summary import key_citations
from .analyze.timeline import find_events
from .analyze.timeline_dates import date_disagreements
from .core.cache import Cache, Found, cached_per_item, look_up
from .core.errors import ContentError, Problem
from .core.models import Article, Citation, Event, Generated, Page, RawArticle, Site, Statement
from .core.parallel import Ahead, per_item
from .core.paths import TEMPLATES
from .core.slugs import assign_slugs
from .core.timing import charge, stage
from .extract.figures import find_figures
from .extract.speech import Utterance, find_utterances
from .ingest.clean import clean_article
from .ingest.load import load_corpus
from .resolve.entities import find_sightings, resolve_entities
from .resolve.places import locate_places
from .resolve.speakers import attribute
from .resolve.subkinds import with_subkinds
from .site.assets import copy_assets
from .site.render import render_pages
from .site.verify import check_citations, check_pages


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


def generate(content: Path, templates: Sequence[Path] = (TEMPLATES,), jobs: int = 1,
             cache: Cache | None = None) -> Generated:
    """Run load -> clean -> extract and resolve -> render; raise ContentError on input errors.

    With a cache, the per-article stages reuse what an earlier run found for unchanged articles,
    and a good run ends by removing the entries it did not use.
    """
    site, problems = assemble(content, jobs, cache)
    if site is None or any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    generated = Generated(site, validate(site, templates, jobs), tuple(problems))
    if cache is not None:
        cache.prune()
    return generated


def validate(site: Site, templates: Sequence[Path] = (TEMPLATES,), jobs: int = 1) -> tuple[Page, ...]:
    """Check the citations, render every page (on `jobs` processes), and check what can be checked
    before MkDocs."""
    with stage("render"):
        check_citations(site)
        pages = (*render_pages(site, templates, jobs), *copy_assets(templates))
        check_pages(pages)
    return pages


def assemble(content: Path, jobs: int = 1, cache: Cache | None = None) -> tuple[Site | None, list[Problem]]:
    """Load, clean, extract and resolve; return the site (None if loading failed) and all problems.

    The per-article stages (clean, names, utterances) run on `jobs` processes and, with a cache,
    only for the articles it does not hold; the output is the same whatever their number, with a
    cache or without.
    """
    with stage("load"):
        corpus, problems = load_corpus(content)
    if any(p.severity == "error" for p in problems):
        return None, problems
    with stage("clean"):
        slugs = assign_slugs(raw.id for raw in corpus.articles)
        articles = tuple(cached_per_item(cache, "clean", _clean, corpus.articles, jobs, slugs,
                                         what=lambda raw: f"{raw!r}\0{slugs[raw.id]}"))
    # What needs the articles alone (their utterances, their dated sentences) is done in a process of
    # its own while names and resolve, whose corpus-wide steps use one core, go on.
    found: Found[list[Utterance]] = look_up(cache, "statements", articles)
    missing = found.missing(articles)
    with Ahead([lambda: per_item(_utterances, missing, jobs - 1), lambda: find_events(articles)],
               fork=jobs > 1) as ahead:
        with stage("names"):
            sightings = find_sightings(articles, jobs, cache)
        with stage("resolve"):
            entities, found_problems = resolve_entities(sightings, corpus.editorial)
            entities = locate_places(with_subkinds(entities, articles), articles)
        with stage("statements"):
            fresh = cast(list[list[Utterance]], ahead.result(0))
            utterances = [u for found_in in found.filled(fresh) for u in found_in]
            entities, statements = attribute(articles, entities, utterances)
            statements = with_camps(statements, entities)
        with stage("figures"):
            figures = find_figures(articles, claimant_finder(statements), jobs)
        with stage("claims"):
            claims, edited = apply_claim_edits(find_claims(articles, entities, statements, figures),
                                               corpus.editorial.claims, corpus.editorial.path)
        with stage("coverage"):
            coverage = find_coverage(articles, claims, entities)
        with stage("timeline"):
            events = cast(tuple[Event, ...], ahead.result(1))
            disagreements = date_disagreements(events)
    charge("ahead", ahead.cpu())
    config = corpus.config
    derived = derive_title(articles, entities) if config.title_from == "default" else None
    if derived:
        config = replace(config, title=derived, title_from="derived")
    site = Site(config, articles, key_points=tuple(key_citations(articles)), entities=entities,
                statements=statements, claims=claims, figures=figures, events=events,
                date_disagreements=disagreements, coverage=coverage)
    return site, problems + found_problems + edited


def _clean(raw: RawArticle, slugs: dict[str, str]) -> Article:
    return clean_article(raw, slugs[raw.id])


def _utterances(article: Article) -> list[Utterance]:
    return list(find_utterances(article))
