"""Stage `verify`: every citation resolves and is verbatim; the built HTML is inert and offline."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..core.errors import VerifyError
from ..core.models import Article, Citation, Page, Site
from ..core.parallel import per_item
from .jsonld import URL_KEYS
from .knowledge import page_url

PARAGRAPH_ID = re.compile(r"p\d+")
LOADING = {
    "script": ("src",), "img": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",),
    "image": ("href", "xlink:href"),
}
LOADING_LINK_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "manifest",
                     "prefetch", "preconnect", "dns-prefetch", "apple-touch-icon"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href"}
FORBIDDEN_IN_CONTENT = {"script", "iframe", "frame", "object", "embed", "style", "form", "input",
                        "button", "textarea", "select", "link", "meta", "base", "svg", "math"}
CSS_REMOTE = re.compile(r"(?:url\(\s*['\"]?|@import\s+['\"])\s*(?:https?:)?//", re.IGNORECASE)
MAP_VOCABULARY: dict[str, frozenset[str]] = {
    tag: frozenset(attrs.split()) for tag, attrs in {
        "svg": "aria-label class viewbox", "rect": "class x y width height",
        "image": "class href x y width height preserveaspectratio", "a": "href", "title": "",
        "circle": "class cx cy r", "text": "class x y text-anchor font-size",
    }.items()
}
"""Inside page content, the one SVG allowed is a map (`<svg class="place-map">`, see site/geo.py),
made of these elements and attributes only; its links must stay on the site and resolve."""
THEME_VOCABULARY: dict[str, frozenset[str]] = {
    tag: frozenset(attrs.split()) for tag, attrs in {
        "html": "class lang", "head": "", "title": "", "body": "dir data-md-color-accent "
        "data-md-color-primary data-md-color-scheme", "meta": "charset content name",
        "link": "href rel", "script": "id src type", "a": "aria-label class data-md-component href title",
        "button": "aria-label class data-md-component hidden tabindex title type",
        "div": "class data-md-component data-md-scrollfix data-md-type role tabindex",
        "footer": "class", "header": "class data-md-component", "main": "class data-md-component",
        "form": "class data-md-component name", "label": "class for hidden title", "li": "class",
        "ol": "class role", "ul": "class data-md-component data-md-scrollfix", "span": "class",
        "nav": "aria-label class data-md-component data-md-level", "svg": "viewbox xmlns", "path": "d",
        "input": "aria-label autocapitalize autocomplete autocorrect class data-md-color-accent "
        "data-md-color-media data-md-color-primary data-md-color-scheme data-md-component "
        "data-md-toggle id name placeholder required spellcheck type",
    }.items()
}
"""Outside the page content, the elements and attributes the theme itself writes; anything else
there (a `<base>`, a `<meta http-equiv>`, a `<style>`, a `style=` or `action=`) came from content."""
JSONLD_TYPE = "application/ld+json"
"""The script type of the structured data generator/mkdocs_hooks.py writes into each head."""
THEME_INLINE_SCRIPTS = ("__md_scope=", "var palette=__md_get(", "var target=document.getElementById(")
"""How the theme's own inline scripts begin; its JSON configuration is `type="application/json"`."""
FRONT_MATTER = frozenset({"title", "tags", "jsonld"})
"""The front matter keys the generator writes."""
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def fold(text: str) -> str:
    """Fold whitespace so quotes compare as a reader reads them."""
    return " ".join(text.split())


def check_citations(site: Site) -> None:
    """Fail unless every citation's quote is verbatim in the paragraph it names."""
    failures = []
    folded: dict[tuple[str, str], str] = {}
    for c in site_citations(site):
        key = (c.source, c.paragraph)
        if key not in folded:
            try:
                folded[key] = fold(site.article(c.source).paragraph(c.paragraph).text)
            except KeyError:
                failures.append(f"citation to missing paragraph {c.source}#{c.paragraph}")
                continue
        if fold(c.quote) not in folded[key] or not c.quote.strip():
            failures.append(f"quote not verbatim in {c.source}#{c.paragraph}: {c.quote[:80]!r}")
    if failures:
        raise VerifyError(failures)


def check_pages(pages: Iterable[Page]) -> None:
    """Fail unless every page's front matter reads back (as MkDocs reads it) as escaped values.

    A page title reaches the theme's `<title>` and header unescaped, so it must already be HTML
    text: no raw `<`, `>` or `"` (tags too); the JSON-LD is escaped ASCII JSON; and the whole
    front matter must parse (MkDocs would otherwise publish it as page text).
    """
    from mkdocs.utils.meta import get_data

    failures = []
    for page in pages:
        if not page.path.endswith(".md") or not page.content.startswith(b"---"):
            continue
        _, meta = get_data(page.content.decode("utf-8"))
        failures += [f"{page.path}: {problem}" for problem in _front_matter_problems(page.path, meta)]
    if failures:
        raise VerifyError(failures)


def _front_matter_problems(path: str, meta: dict[str, object]) -> list[str]:
    """What is wrong with one page's front matter as MkDocs read it back."""
    problems = [f"front matter has an unexpected key {key!r}" for key in sorted(set(meta) - FRONT_MATTER)]
    title = meta.get("title", "" if path == "index.md" else None)
    if not _escaped_text(title):
        problems.append("the page title does not read back as escaped text")
    tags = meta.get("tags", [])
    if not isinstance(tags, list) or not all(_escaped_text(tag) for tag in tags):
        problems.append("the page tags do not read back as escaped text")
    jsonld = meta.get("jsonld", "")
    if not isinstance(jsonld, str) or not jsonld.isascii() or any(c in jsonld for c in "<>&") \
            or not _is_json(jsonld or "{}"):
        problems.append("the page JSON-LD does not read back as escaped ASCII JSON")
    return problems


def _is_json(text: str) -> bool:
    """Whether text parses as JSON."""
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _escaped_text(value: object) -> bool:
    """Whether a front matter value is a string of HTML text (no raw `<`, `>` or `"`)."""
    return isinstance(value, str) and not any(c in value for c in '<>"')


def site_citations(site: Site) -> Iterable[Citation]:
    """Every citation the site will show."""
    yield from site.key_points
    for event in site.events:
        yield event.citation
    for s in site.statements:
        yield s.citation
        yield Citation(s.citation.source, s.citation.paragraph, s.text)
    for figure in site.figures:
        for v in figure.values:
            yield v.citation
            yield Citation(v.citation.source, v.citation.paragraph, v.text)
    for claim in site.claims:
        for position in claim.positions:
            yield from position.citations
    for figure in site.figures:
        for value in figure.values:
            yield value.citation


@dataclass
class _Capture:
    key: str
    tag: str
    depth: int = 1
    text: list[str] = field(default_factory=list)


class PageScan(HTMLParser):
    """Collect anchors, paragraph texts, footnotes and anything unsafe from one built page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids: set[str] = set()
        self.paragraphs: dict[str, str] = {}
        self.footnotes: list[tuple[str, str]] = []
        self.unsafe: list[str] = []
        self._captures: list[_Capture] = []
        self._footnote_href: str | None = None
        self._content_depth = 0
        self._in_title = False
        self._inline_script = False
        self._jsonld: list[str] | None = None
        self._title: list[str] = []
        self.map_links: list[str] = []
        self._map_depth = 0
        self.jsonld: list[object] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        self._check_tag(tag, values)
        element_id = values.get("id", "")
        if element_id:
            self.ids.add(element_id)
        if self._content_depth:
            self._content_depth += tag not in VOID
        elif tag == "article" and "md-content__inner" in values.get("class", ""):
            self._content_depth = 1
        for capture in self._captures:
            if capture.tag == tag and tag not in VOID:
                capture.depth += 1
        if PARAGRAPH_ID.fullmatch(element_id):
            self._captures.append(_Capture(f"para:{element_id}", tag))
        if tag == "li" and element_id.startswith("fn:"):
            self._footnote_href = ""
            self._captures.append(_Capture("footnote", tag))
        if tag == "a" and self._footnote_href == "" and "href" in values:
            self._footnote_href = values["href"]
        if tag == "q" and "cite-quote" in values.get("class", ""):
            self._captures.append(_Capture("quote", tag))

    def handle_endtag(self, tag: str) -> None:
        if self._map_depth:
            self._map_depth -= 1
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._inline_script = False
            self._close_jsonld()
        if self._content_depth and tag not in VOID:
            self._content_depth -= 1
        for capture in list(self._captures):
            if capture.tag != tag:
                continue
            capture.depth -= 1
            if capture.depth == 0:
                self._captures.remove(capture)
                self._close(capture)

    @property
    def title(self) -> str:
        """The text of the page's <title>, whitespace folded."""
        return fold("".join(self._title))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._jsonld is not None:
            self._jsonld.append(data)
        if self._inline_script and data.strip() and not data.lstrip().startswith(THEME_INLINE_SCRIPTS):
            self.unsafe.append(f"{self.page}: an inline <script> that is not the theme's: "
                               f"{data.strip()[:60]!r}")
        for capture in self._captures:
            capture.text.append(data)

    def _close_jsonld(self) -> None:
        """Keep a JSON-LD script's data; it must be JSON with no raw `<`, `>` or `&`."""
        if self._jsonld is None:
            return
        text, self._jsonld = "".join(self._jsonld), None
        try:
            self.jsonld.append(json.loads(text))
        except ValueError:
            self.unsafe.append(f"{self.page}: a JSON-LD script that is not JSON: {text[:60]!r}")
            return
        if any(c in text for c in "<>&"):
            self.unsafe.append(f"{self.page}: a JSON-LD script with a raw <, > or &")

    def _close(self, capture: _Capture) -> None:
        text = fold("".join(capture.text))
        if capture.key.startswith("para:"):
            self.paragraphs[capture.key[5:]] = text
        elif capture.key == "quote" and self._footnote_href:
            self.footnotes.append((self._footnote_href, text))
        elif capture.key == "footnote":
            self._footnote_href = None

    def _check_map_tag(self, tag: str, values: dict[str, str]) -> None:
        """Allow a map's own elements and attributes; note its links, which must stay on the site."""
        where = f"{self.page}: <{tag}> in a map"
        self._map_depth += 1
        allowed = MAP_VOCABULARY.get(tag)
        if allowed is None:
            self.unsafe.append(f"{where} is not a map's element")
            return
        for name in sorted(set(values) - allowed):
            self.unsafe.append(f"{where} has a {name}= a map does not have")
        href = values.get("href")
        if href is not None:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                self.unsafe.append(f"{where} links outside the site: {href[:80]}")
            else:
                self.map_links.append(href)

    def _check_tag(self, tag: str, values: dict[str, str]) -> None:
        where = f"{self.page}: <{tag}>"
        for name, value in values.items():
            if name.startswith("on"):
                self.unsafe.append(f"{where} has an event handler attribute {name}=")
            scheme = re.match(r"\s*(javascript|vbscript|data):", value, re.I)
            if name in URL_ATTRS and scheme:
                self.unsafe.append(f"{where} has a {scheme.group(1).lower()}: URL in {name}=")
        loads = list(LOADING.get(tag, ()))
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & LOADING_LINK_RELS:
            loads.append("href")
        for name in loads:
            for url in values.get(name, "").replace(",", " ").split():
                if urlsplit(url).netloc:
                    self.unsafe.append(f"{where} loads {url} from another host")
        if self._content_depth and (self._map_depth or _opens_map(tag, values)):
            self._check_map_tag(tag, values)
        elif self._content_depth and tag in FORBIDDEN_IN_CONTENT:
            self.unsafe.append(f"{where} inside page content")
        if self._in_title:
            self.unsafe.append(f"{where} inside <title>")
        self._in_title = tag == "title" and not self._content_depth
        if self._content_depth or (tag == "article" and "md-content__inner" in values.get("class", "")):
            return
        self._inline_script = (tag == "script" and "src" not in values
                               and values.get("type") not in ("application/json", JSONLD_TYPE))
        if tag == "script" and values.get("type") == JSONLD_TYPE and "src" not in values:
            self._jsonld = []
        allowed = THEME_VOCABULARY.get(tag)
        if allowed is None:
            self.unsafe.append(f"{where} outside the page content is not the theme's")
            return
        for name in sorted(set(values) - allowed):
            self.unsafe.append(f"{where} outside the page content has a {name}= the theme does not write")
        if tag == "a" and urlsplit(values.get("href", "")).netloc:
            self.unsafe.append(f"{where} outside the page content links to another host")


@dataclass(frozen=True)
class Scanned:
    """What the checks across pages need of one scanned page (small enough to send between processes)."""

    ids: frozenset[str]
    paragraphs: dict[str, str]
    footnotes: tuple[tuple[str, str], ...]
    unsafe: tuple[str, ...]
    map_links: tuple[str, ...]
    jsonld: tuple[object, ...]


def scan_file(rel: str, site_dir: Path) -> Scanned:
    """Scan one built page."""
    scan = PageScan(rel)
    scan.feed((site_dir / rel).read_text(encoding="utf-8"))
    scan.close()
    return Scanned(frozenset(scan.ids), scan.paragraphs, tuple(scan.footnotes), tuple(scan.unsafe),
                   tuple(scan.map_links), tuple(scan.jsonld))


def verify_built_site(site_dir: Path, site: Site, jobs: int = 1) -> list[str]:
    """Check every built page; return the failures (empty when the site is sound).

    The pages are read and parsed on `jobs` processes; the checks across pages follow in order, so
    the failures are the same whatever their number.
    """
    pages = [path.relative_to(site_dir).as_posix() for path in sorted(site_dir.rglob("*.html"))]
    scans = dict(zip(pages, per_item(scan_file, pages, jobs, site_dir), strict=True))
    failures: list[str] = []
    for rel, scan in scans.items():
        if scan.unsafe:
            hint = _inputs_shown(rel, site)
            failures += [f"{message} ({hint})" for message in scan.unsafe]
    for path in sorted(site_dir.rglob("*.css")):
        if CSS_REMOTE.search(path.read_text(encoding="utf-8", errors="replace")):
            failures.append(f"{path.relative_to(site_dir).as_posix()} loads a stylesheet "
                            "resource from another host")
    for rel, scan in scans.items():
        for href, quote in scan.footnotes:
            failures += _check_footnote(rel, href, quote, scans)
        failures += [f"{rel}: a map links to a missing page or file {href}"
                     for href in scan.map_links if not _resolves(site_dir, rel, href)]
        failures += [f"{rel}: JSON-LD {problem}" for url in jsonld_urls(scan.jsonld)
                     if (problem := _link_problem(rel, url, scans))]
    for article in site.articles:
        failures += _check_source_text(article, scans)
    return failures


def _opens_map(tag: str, values: dict[str, str]) -> bool:
    """Whether an element starts a map (site/geo.py), the one SVG page content may hold."""
    return tag == "svg" and values.get("class") == "place-map"


def _resolves(site_dir: Path, page: str, href: str) -> bool:
    """Whether a relative link from a built page lands on a file of the built site."""
    path = unquote(urlsplit(href).path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html")
    if target.startswith("../"):
        return False
    return (site_dir / target).is_file()


def _inputs_shown(rel: str, site: Site) -> str:
    """Name the input files whose values a built page shows outside its body, for error messages."""
    folder = Path(site.articles[0].path).parent if site.articles else Path("content")
    if folder.name == "articles":
        folder = folder.parent
    shown = [f"the site title from {folder / 'site.yml'}"]
    for article in site.articles:
        if rel == f"{page_url(article.page)}index.html":
            shown.append(f"the headline or front matter of {article.path}")
    for entity in site.entities:
        if entity.has_page and rel == f"{page_url(entity.page)}index.html":
            shown.append(f"the name {entity.name[:80]!r} from the articles or {folder / 'editorial.yml'}")
    return "this page shows " + " and ".join(shown)


def _check_source_text(article: Article, scans: dict[str, Scanned]) -> list[str]:
    """Each paragraph must show as exactly its text: nothing in it was read as markup."""
    rel = f"{page_url(article.page)}index.html"
    scan = scans.get(rel)
    if scan is None:
        return [f"source page {rel} was not built"]
    failures = []
    for p in article.paragraphs:
        shown = scan.paragraphs.get(p.id)
        marker = f"¶{p.id[1:]}"
        if shown is None:
            failures.append(f"{rel}: paragraph {p.id} is missing")
        elif shown not in (f"{marker} {fold(p.text)}", f"{fold(p.text)}¶", fold(p.text)):
            failures.append(f"{rel}: paragraph {p.id} shows {shown[:80]!r}, "
                            f"not its text {p.text[:80]!r}")
    return failures


def jsonld_urls(data: object) -> Iterator[str]:
    """Every URL value in JSON-LD data (the properties in jsonld.URL_KEYS), depth first."""
    if isinstance(data, dict):
        yield from (v for k, v in data.items() if k in URL_KEYS and isinstance(v, str))
        for value in data.values():
            yield from jsonld_urls(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from jsonld_urls(value)


def _link_problem(page: str, url: str, scans: dict[str, Scanned]) -> str:
    """What is wrong with a link from a page: outside the site, to a missing page or anchor."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return f"links outside the site: {url}"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if not target.endswith(".html"):
        target = posixpath.join(target, "index.html").removeprefix("./")
    if target not in scans:
        return f"links to a missing page {url}"
    if parts.fragment and parts.fragment not in scans[target].ids:
        return f"links to a missing anchor {url}"
    return ""


def _check_footnote(page: str, href: str, quote: str, scans: dict[str, Scanned]) -> list[str]:
    """A footnote must land on an existing paragraph anchor whose text holds the quote."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return [f"{page}: footnote links outside the site: {href}"]
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    if not target.endswith(".html"):
        target = posixpath.join(target, "index.html")
    scan = scans.get(target)
    if scan is None:
        return [f"{page}: footnote links to a missing page {href}"]
    text = scan.paragraphs.get(parts.fragment)
    if text is None:
        return [f"{page}: footnote links to a missing anchor {href}"]
    if fold(quote) not in text:
        return [f"{page}: footnote quote is not verbatim in {href}: {quote[:80]!r}"]
    return []
