"""The one escaping rule: corpus text becomes inert Markdown that shows exactly as written.

Templates print values through Jinja's `finalize`, which escapes every value unless it is
`Safe` (Markdown the generator built itself). So forgetting a filter can never let article
text become markup.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Sequence

from markupsafe import Markup

from .knowledge import page_url

NEEDS_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
"""Raw HTML and entities: shown as text."""
ANYWHERE = re.compile(r"[\\`*_\[\]{}#|]")
"""Inline syntax: emphasis, code, links, footnotes, attribute lists, closing hashes, tables."""
LINE_START = re.compile(r"^(?:[-+=:!?~%]|\d+[.)])")
"""Block syntax that only counts at the start of a line: lists, admonitions, tabs, fences."""


YAML_UNPRINTABLE = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters a YAML double-quoted scalar cannot hold as themselves (controls, line separators)."""


class Safe(str):
    """Markdown the generator produced itself; printed without escaping."""

    __slots__ = ()


def escape_md(text: object) -> Safe:
    """Escape text so Python-Markdown (with pymdownx.escapeall) renders it literally, on one line."""
    if isinstance(text, Safe):
        return text
    folded = " ".join(str(text).split())
    escaped = ANYWHERE.sub(lambda m: "\\" + m.group(0), folded)
    escaped = LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], escaped)
    return Safe(escaped.translate(NEEDS_HTML))


def finalize(value: object) -> object:
    """Jinja finalize hook: escape every printed value that is not Safe."""
    if isinstance(value, Safe):
        return value
    if value is None:
        raise TypeError("a template printed None: use an explicit default such as 'unknown'")
    return escape_md(value)


def relative_link(from_page: str, to_page: str, anchor: str = "") -> Safe:
    """Return the relative link from one docs page to another (and an anchor).

    Both are docs paths as the generator writes them ('people/x.md': no '.', '..' or leading
    '/'), so the link is worked out on their folders alone, as posixpath.relpath would, without
    its look at the current folder (a build makes some 100,000 links).
    """
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    target = "/".join([".."] * (len(here) - shared) + there[shared:])
    return Safe(target + (f"#{anchor}" if anchor else ""))


def built_link(from_page: str, to_path: str) -> Safe:
    """Return the relative URL from a page's built HTML to another page or file of the site.

    For raw HTML (the maps' SVG), whose links MkDocs leaves as written: a `.md` target becomes
    its directory URL (`use_directory_urls`), as does the page linking from.
    """
    here = page_url(from_page)
    target = page_url(to_path) if to_path.endswith(".md") else to_path
    url = posixpath.relpath(target or ".", here or ".")
    return Safe(url + "/" if target.endswith("/") or not target else url)


def link(text: object, from_page: str, to_page: str, anchor: str = "") -> Safe:
    """Return a Markdown link with escaped text to another generated page."""
    return Safe(f"[{escape_md(text)}]({relative_link(from_page, to_page, anchor)})")


def external_link(text: object, url: str) -> Safe:
    """Return a link to an http(s) URL from metadata, or just the escaped text for anything else."""
    if not re.fullmatch(r"https?://[^\s<>()\"'\\]+", url):
        return escape_md(text)
    return Safe(f"[{escape_md(text)}](<{url}>)")


def html_text(text: object) -> Markup:
    """Text as HTML that shows exactly as written, on one line: for the values MkDocs prints raw.

    The theme prints the site name and page titles without escaping in some places (header,
    `<title>`, aria-label) and with `|e` in others; a `Markup` value is escaped once and is left
    alone by `|e`, so it shows as itself everywhere.
    """
    return Markup(html.escape(" ".join(str(text).split()), quote=True))


def front_matter(title: object | None, tags: Sequence[object] = (), jsonld: str = "") -> Safe:
    """YAML front matter that gives MkDocs the page title and tags as HTML text, and its JSON-LD.

    Without a title the theme takes it from the rendered heading and prints it through
    `striptags`, which turns `&lt;` back into `<` inside `<title>`. Titles and tags are escaped
    HTML (the theme prints both raw); characters YAML cannot hold are written as HTML character
    references. `jsonld` is ASCII JSON text, which a YAML double-quoted scalar holds as it is.
    """
    lines = []
    if title is not None:
        lines.append(f"title: {_yaml_html(title)}")
    if tags:
        lines.append("tags:")
        lines += [f"  - {_yaml_html(tag)}" for tag in tags]
    if jsonld:
        if not jsonld.isascii():
            raise ValueError("the JSON-LD front matter must be ASCII JSON")
        lines.append(f"jsonld: {json.dumps(jsonld)}")
    return Safe("---\n" + "\n".join(lines) + "\n---\n\n") if lines else Safe("")


def _yaml_html(text: object) -> str:
    """Text as escaped HTML in a YAML double-quoted scalar."""
    value = YAML_UNPRINTABLE.sub(lambda m: f"&#{ord(m.group(0))};", str(html_text(text)))
    return json.dumps(value, ensure_ascii=False)
