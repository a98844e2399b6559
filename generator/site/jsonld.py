"""Structured data: each page's schema.org JSON-LD, built from the site and serialised inertly.

The generator decides what a page is about (it knows the pages); the data travels to MkDocs in
the page's front matter (`jsonld`, one JSON string) and `generator/mkdocs_hooks.py` writes it
into the page head as `<script type="application/ld+json">`, serialised again by `script_tag`.

Every URL is relative to the page it is on (`../../sources/a/#p3`), resolved from the page's
built address, so the site works under any path prefix; none points outside the site (an
article's original address is not a URL here). Metadata the sources do not give stays absent.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Sequence
from itertools import islice
from typing import Any

from ..core.models import Article, Citation, Claim, Entity, Position, Site, Statement
from .knowledge import claim_anchor, page_url

CONTEXT = "https://schema.org"
URL_KEYS = ("url", "isBasedOn")
"""The properties whose values are URLs (each relative to the page, inside the site)."""
MAX_ITEMS = 200
"""At most this many Quotations or Claims on one page, so a large corpus keeps heads small."""
MAX_LIST = 20
"""At most this many values in one list property (alternate names, appearances, authors)."""
UNSAFE_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                  "\u2028": "\\u2028", "\u2029": "\\u2029"})
"""Characters that could end or confuse an inline script; JSON allows them only inside strings,
where the escape means the same character."""
SPEAKER_UNNAMED = "The source does not name the speaker, or names one this site has not identified."
"""Why a Quotation has no spokenByCharacter."""

Node = dict[str, Any]


def serialise(data: object) -> str:
    """Serialise JSON so that no string in it can end an inline script: ASCII, `<>&` escaped."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return text.translate(UNSAFE_IN_SCRIPT)


def script_tag(data: object) -> str:
    """Return the `<script type="application/ld+json">` element holding the data."""
    return f'<script type="application/ld+json">{serialise(data)}</script>'


def site_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """Return the URL of a docs page as seen from another's built address ('../groups/x/#a')."""
    here, there = page_url(from_page) or ".", page_url(to_page) or "."
    rel = posixpath.relpath(there, here)
    return ("./" if rel == "." else rel + "/") + (f"#{anchor}" if anchor else "")


def graph(nodes: list[Node]) -> Node:
    """Wrap nodes in one JSON-LD document."""
    return {"@context": CONTEXT, "@graph": nodes}


def page_data(site: Site, path: str, title: str, *, entity: Entity | None = None,
              article: Article | None = None, claim: Claim | None = None,
              statements: Sequence[Statement] | None = None, whole: bool = True) -> Node:
    """Return the JSON-LD of one page: what kind of page it is decides what it describes.

    `claim` is the question a page of its own shows; `statements` the statements a page of the
    official responses shows when they need more than one page (the whole responses page, and
    the whole claims page, describe what they show themselves; `whole` is False when they have
    become an index of other pages).
    """
    if claim is not None:
        nodes = [web_page(site, path, title)]
        return graph(nodes + [claim_node(site, path, claim, p, "") for p in claim.positions[:MAX_ITEMS]])
    if statements is not None:
        quotes = (s for s in statements if s.kind == "quote")
        return graph([web_page(site, path, title),
                      *(quotation(site, path, s) for s in islice(quotes, MAX_ITEMS))])
    if article is not None:
        return graph([news_article(site, path, article)])
    if entity is not None:
        quotes = (s for s in site.statements_of(entity) if s.kind == "quote")
        return graph([entity_node(site, path, entity),
                      *(quotation(site, path, s) for s in islice(quotes, MAX_ITEMS))])
    if path == "index.md":
        return graph([website(site, path)])
    nodes = [web_page(site, path, title)]
    if path == "responses.md" and whole:
        quotes = (s for s in site.statements if s.official and s.kind == "quote")
        nodes += [quotation(site, path, s) for s in islice(quotes, MAX_ITEMS)]
    elif path == "claims.md" and whole:
        positions = ((c, p) for c in site.claims for p in c.positions)
        nodes += [claim_node(site, path, c, p, claim_anchor(c)) for c, p in islice(positions, MAX_ITEMS)]
    return graph(nodes)


def website(site: Site, path: str) -> Node:
    """The site itself, described on its home page."""
    node: Node = {"@type": "WebSite", "name": site.config.title, "url": site_url(path, "index.md")}
    if site.config.description:
        node["description"] = site.config.description
    return node


def web_page(site: Site, path: str, title: str) -> Node:
    """A section page, part of the site."""
    return {"@type": "WebPage", "name": title, "url": site_url(path, path),
            "isPartOf": website(site, path)}


def news_article(site: Site, path: str, article: Article) -> Node:
    """A source page: the article's headline, and author, publisher and date only when known."""
    meta = article.meta
    node: Node = {"@type": "NewsArticle", "headline": article.title, "url": site_url(path, path)}
    if meta.author:
        node["author"] = {"@type": "Person", "name": meta.author}
    if meta.outlet:
        node["publisher"] = {"@type": "Organization", "name": meta.outlet}
    if meta.published:
        node["datePublished"] = meta.published
    if meta.language:
        node["inLanguage"] = meta.language
    node["isPartOf"] = website(site, path)
    return node


def agent(site: Site, path: str, entity: Entity) -> Node:
    """Describe a speaker or claimant: a Person, else an Organization, linked to its page if any.

    A place that speaks ('X said') speaks through its government, hence an Organization.
    """
    node: Node = {"@type": "Person" if entity.kind == "person" else "Organization", "name": entity.name}
    if entity.has_page:
        node["url"] = site_url(path, entity.page)
    return node


def entity_node(site: Site, path: str, entity: Entity) -> Node:
    """An entity page's subject: Person, Organization or Place, with what the site knows of it."""
    kind = {"person": "Person", "place": "Place"}.get(entity.kind, "Organization")
    node: Node = {"@type": kind, "name": entity.name, "url": site_url(path, entity.page)}
    aliases = [a for a in entity.aliases if a != entity.name][:MAX_LIST]
    if aliases:
        node["alternateName"] = aliases
    if kind == "Person" and entity.role:
        node["jobTitle"] = entity.role
    if entity.side and kind != "Place":
        node["affiliation" if kind == "Person" else "memberOf"] = {"@type": "Organization",
                                                                   "name": entity.side}
    if entity.location is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.location.lat,
                       "longitude": entity.location.lon}
    parents = [_parent_place(site, path, p.entity, p.name) for p in entity.part_of][:MAX_LIST]
    if kind == "Place" and parents:
        node["containedInPlace"] = parents
    return node


def _parent_place(site: Site, path: str, entity_id: str | None, name: str) -> Node:
    """A larger area a place lies in, linked to its page when it has one."""
    node: Node = {"@type": "Place", "name": name}
    area = site.entity(entity_id) if entity_id else None
    if area is not None and area.has_page:
        node["name"], node["url"] = area.name, site_url(path, area.page)
    return node


def cited_url(site: Site, path: str, citation: Citation) -> str:
    """The URL of the source paragraph a citation points to."""
    return site_url(path, site.article(citation.source).page, citation.paragraph)


def quotation(site: Site, path: str, statement: Statement) -> Node:
    """A verbatim statement: its words, its speaker, and the source paragraph it is based on."""
    node: Node = {"@type": "Quotation", "text": statement.text}
    speaker = site.entity(statement.speaker) if statement.speaker else None
    if speaker is not None:
        node["spokenByCharacter"] = agent(site, path, speaker)
    else:
        node["description"] = SPEAKER_UNNAMED
    node["isBasedOn"] = cited_url(site, path, statement.citation)
    return node


def claim_node(site: Site, path: str, claim: Claim, position: Position, anchor: str) -> Node:
    """One position on a disputed question, shown on this page at `anchor` ('' for the page itself):
    its first cited words, who claims it, where it appears."""
    node: Node = {"@type": "Claim", "name": claim.topic, "url": site_url(path, path, anchor)}
    if position.citations:
        node["text"] = position.citations[0].quote
    if position.summary:
        node["description"] = position.summary
    authors = [agent(site, path, site.entity(c)) for c in position.claimants][:MAX_LIST]
    if authors:
        node["author"] = authors
    seen = dict.fromkeys(cited_url(site, path, c) for c in position.citations)
    node["appearance"] = [{"@type": "NewsArticle", "url": url} for url in list(seen)[:MAX_LIST]]
    return node
