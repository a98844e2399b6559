"""The one place that knows the order of the stages; it reads as the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assets import copy_assets
from .claims import find_claims
from .clean import clean_article
from .errors import ContentError, Problem
from .load import load_corpus
from .models import Page, Site
from .paths import TEMPLATES
from .render import render_pages
from .resolve import find_sightings, resolve_entities
from .slugs import assign_slugs
from .speakers import attribute
from .speech import find_utterances
from .summary import key_citations
from .verify import check_citations


@dataclass(frozen=True)
class Generated:
    """The pages of a site and the warnings met on the way."""

    site: Site
    """The assembled knowledge."""
    pages: tuple[Page, ...]
    """Every file to write into docs/."""
    warnings: tuple[Problem, ...]
    """Problems that did not stop the build."""


def generate(content: Path, templates: Path = TEMPLATES) -> Generated:
    """Run load -> clean -> extract and resolve -> render; raise ContentError on input errors."""
    site, problems = assemble(content)
    if site is None or any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    check_citations(site)
    pages = (*render_pages(site, templates), *copy_assets(templates))
    return Generated(site, pages, tuple(problems))


def assemble(content: Path) -> tuple[Site | None, list[Problem]]:
    """Load, clean, extract and resolve; return the site (None if loading failed) and all problems."""
    corpus, problems = load_corpus(content)
    if any(p.severity == "error" for p in problems):
        return None, problems
    slugs = assign_slugs(raw.id for raw in corpus.articles)
    articles = tuple(clean_article(raw, slugs[raw.id]) for raw in corpus.articles)
    entities, found = resolve_entities(find_sightings(articles), corpus.editorial)
    entities, statements = attribute(articles, entities, (u for a in articles for u in find_utterances(a)))
    claims = find_claims(articles, entities, statements)
    site = Site(corpus.config, articles, key_points=tuple(key_citations(articles)), entities=entities,
                statements=statements, claims=claims)
    return site, problems + found
