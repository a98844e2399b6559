"""Pick the sentences the home page leads with: each source's own opening, quoted."""

from __future__ import annotations

from ..core.models import Article, Citation
from ..core.text import sentences

LEDE_MIN_WORDS = 12


def lede(article: Article) -> Citation | None:
    """Return the first sentence of the article's first full paragraph (its lede)."""
    for paragraph in article.paragraphs:
        if paragraph.kind == "text" and len(paragraph.text.split()) >= LEDE_MIN_WORDS:
            first = sentences(paragraph.text)[0]
            return Citation(article.id, paragraph.id, first)
    return None


def key_citations(articles: tuple[Article, ...]) -> list[Citation]:
    """Return each source's lede, in source order."""
    return [c for c in (lede(a) for a in articles) if c is not None]
