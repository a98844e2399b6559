"""The one place that knows the order of the stages; it reads as the pipeline."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assets import copy_assets
from .clean import clean_article
from .errors import ContentError, Problem
from .load import load_corpus
from .models import Page, Site
from .paths import TEMPLATES
from .render import render_pages
from .resolve import find_sightings, resolve_entities
from .slugs import assign_slugs
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
    """Run load -> clean -> assemble -> render; raise ContentError if the input has errors."""
    corpus, problems = load_corpus(content)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ContentError(problems)
    slugs = assign_slugs(raw.id for raw in corpus.articles)
    articles = tuple(clean_article(raw, slugs[raw.id]) for raw in corpus.articles)
    entities = resolve_entities(find_sightings(articles))
    site = Site(corpus.config, articles, key_points=tuple(key_citations(articles)), entities=entities)
    check_citations(site)
    pages = (*render_pages(site, templates), *copy_assets(templates))
    return Generated(site, pages, tuple(problems))
