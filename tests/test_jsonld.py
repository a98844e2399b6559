"""Structured data: every built page carries schema.org JSON-LD that is valid, bounded, points
only inside the site and holds hostile text as JSON string data, never as markup."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlsplit

import pytest
from mkdocs.exceptions import PluginError

from generator.core.models import (
    Article,
    Citation,
    Claim,
    Entity,
    Paragraph,
    Position,
    Site,
    SiteConfig,
    SourceMeta,
    Statement,
)
from generator.mkdocs_hooks import on_post_page
from generator.site.jsonld import MAX_ITEMS, page_data, script_tag, serialise, site_url
from generator.site.markdown import front_matter
from generator.site.verify import PageScan, verify_built_site

from .conftest import FIXTURES, HOSTILE, MINI

PAYLOAD = "</script><script>alert(1)</script>"
"""A string that would end the JSON-LD script and start another if written raw."""
PAGE_TYPES = {"sources": "NewsArticle", "groups": "Organization", "places": "Place", "people": "Person"}
"""The type of the main node on an entity or source page, by folder."""
URL_KEYS = ("url", "isBasedOn")
"""The properties whose values are URLs."""


# --- serialisation -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    PAYLOAD, "<!-- <script>", "a & b", "x\u2028y\u2029z", "quote \" and \\ backslash",
    "Ærø – “Dorvan” 🚢", "]]>", "&lt;already escaped&gt;", "",
])
def test_jsonld_serialise_round_trips_and_cannot_end_a_script(text: str) -> None:
    out = serialise({"@type": "Thing", "name": text, "alternateName": [text]})
    assert json.loads(out) == {"@type": "Thing", "name": text, "alternateName": [text]}
    assert out.isascii()
    assert not any(c in out for c in "<>&\u2028\u2029")
    inside = script_tag({"name": text}).removeprefix('<script type="application/ld+json">')
    assert "</" not in inside.removesuffix("</script>")


@pytest.mark.parametrize(("char", "escape"), [("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                                              ("\u2028", "\\u2028"), ("\u2029", "\\u2029")])
def test_jsonld_serialise_escapes_each_unsafe_character(char: str, escape: str) -> None:
    assert serialise(f"a{char}b") == f'"a{escape}b"'


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), {"x": object()}])
def test_jsonld_serialise_refuses_what_is_not_json(bad: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        serialise(bad)


@pytest.mark.parametrize(("from_page", "to_page", "anchor", "url"), [
    ("index.md", "index.md", "", "./"),
    ("index.md", "groups/guild.md", "", "groups/guild/"),
    ("claims.md", "claims.md", "claim-x", "./#claim-x"),
    ("groups/index.md", "index.md", "", "../"),
    ("people/tomas-relk.md", "sources/a.md", "p3", "../../sources/a/#p3"),
    ("sources/a.md", "sources/b.md", "", "../b/"),
])
def test_jsonld_site_url_is_relative_to_the_built_page(from_page: str, to_page: str, anchor: str,
                                                       url: str) -> None:
    assert site_url(from_page, to_page, anchor) == url


def test_jsonld_front_matter_holds_the_json_as_ascii_text() -> None:
    from mkdocs.utils.meta import get_data

    data = serialise({"name": PAYLOAD + " ünïcode \u2028"})
    _, meta = get_data(front_matter("T", ["Camp: <b>x</b>"], data) + "# T\n")
    assert json.loads(meta["jsonld"]) == {"name": PAYLOAD + " ünïcode \u2028"}
    assert meta["tags"] == ["Camp: &lt;b&gt;x&lt;/b&gt;"]
    with pytest.raises(ValueError, match="ASCII"):
        front_matter("T", (), '{"name": "ü"}')


def hook_page(meta: dict[str, Any]) -> SimpleNamespace:
    return SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri="x.md"))


def test_jsonld_hook_writes_the_script_into_the_head_serialised_again() -> None:
    # A hand-written front matter with a raw payload still comes out escaped.
    html = "<html><head><title>t</title></head><body>&lt;/head&gt;</body></html>"
    out = on_post_page(html, hook_page({"jsonld": json.dumps({"name": PAYLOAD})}), None)
    assert out.count('<script type="application/ld+json">') == 1
    assert out.index("application/ld+json") < out.index("</head>")
    assert PAYLOAD not in out and "\\u003c/script\\u003e" in out


@pytest.mark.parametrize("meta", [{}, {"jsonld": 3}, {"title": "t"}])
def test_jsonld_hook_leaves_pages_without_jsonld_alone(meta: dict[str, Any]) -> None:
    html = "<html><head></head><body></body></html>"
    assert on_post_page(html, hook_page(meta), None) == html


def test_jsonld_hook_fails_the_build_on_front_matter_that_is_not_json() -> None:
    with pytest.raises(PluginError, match=r"x\.md"):
        on_post_page("<head></head>", hook_page({"jsonld": "{not json"}), None)


@pytest.mark.parametrize(("script", "needle"), [
    ('<script type="application/ld+json">{"name": "a</b>"}</script>', "raw <, > or &"),
    ('<script type="application/ld+json">{"name": "a &amp; b"}</script>', "raw <, > or &"),
    ('<script type="application/ld+json">{not json}</script>', "not JSON"),
    ('<script type="application/json+ld">{}</script>', "not the theme's"),
])
def test_jsonld_verifier_refuses_a_broken_script(script: str, needle: str) -> None:
    scan = PageScan("x.html")
    scan.feed(f"<html><head>{script}</head><body></body></html>")
    assert any(needle in u for u in scan.unsafe), scan.unsafe


def test_jsonld_verifier_accepts_the_hook_output() -> None:
    scan = PageScan("x.html")
    scan.feed(f"<html><head>{script_tag({'name': PAYLOAD})}</head><body></body></html>")
    assert scan.unsafe == [] and scan.jsonld == [{"name": PAYLOAD}]


@pytest.mark.parametrize(("url", "problem"), [
    ("./", ""), ("sources/a/#p1", ""), ("sources/a/", ""),
    ("https://example.org/story", "links outside the site"), ("//example.org/", "links outside the site"),
    ("/sources/a/", "links outside the site"), ("sources/b/", "missing page"),
    ("sources/a/#p9", "missing anchor"),
])
def test_jsonld_verifier_checks_every_url_lands_in_the_site(tmp_path: Path, url: str, problem: str) -> None:
    (tmp_path / "sources" / "a").mkdir(parents=True)
    source = ('<html><head></head><body><article class="md-content__inner">'
              '<p id="p1">x</p></article></body></html>')
    (tmp_path / "sources" / "a" / "index.html").write_text(source)
    (tmp_path / "index.html").write_text(
        f"<html><head>{script_tag({'@graph': [{'isBasedOn': url}]})}</head><body></body></html>")
    failures = verify_built_site(tmp_path, Site(SiteConfig(), ()))
    assert failures == [] if not problem else any(problem in f for f in failures), failures


# --- what each page says -----------------------------------------------------------------------

def big_site(quotes: int) -> Site:
    """A site whose one speaker said `quotes` things, all in one paragraph."""
    paragraph = Paragraph("p1", "“Sail.” " * quotes, "text", 1)
    article = Article("a", "a", "a.txt", "Ferry strike", (paragraph,), (), SourceMeta())
    speaker = Entity("tomas-relk", "person", "Tomas Relk", (), None, None, (), speaks=True)
    said = tuple(Statement(f"s{i}", speaker.id, "Tomas Relk", "quote", "Sail.", True,
                           Citation("a", "p1", "Sail.")) for i in range(quotes))
    return Site(SiteConfig(), (article,), entities=(speaker,), statements=said)


@pytest.mark.parametrize(("path", "entity"), [("responses.md", False), ("people/tomas-relk.md", True)])
def test_jsonld_pages_hold_a_bounded_number_of_quotations(path: str, entity: bool) -> None:
    site = big_site(MAX_ITEMS * 3)
    data = page_data(site, path, "T", entity=site.entities[0] if entity else None)
    kinds = [node["@type"] for node in data["@graph"]]
    assert kinds.count("Quotation") == MAX_ITEMS
    assert len(serialise(data)) < MAX_ITEMS * 400


def test_jsonld_claims_page_holds_a_bounded_number_of_claims() -> None:
    site = big_site(1)
    cited = (Citation("a", "p1", "Sail."),)
    positions = tuple(Position(f"side {i}", ("tomas-relk",), "asserts", cited) for i in range(MAX_ITEMS))
    claims = (Claim("c1", "Will they sail?", "disputed", positions),
              Claim("c2", "Who pays?", "one-sided", positions))
    site = Site(site.config, site.articles, entities=site.entities, claims=claims)
    graph = page_data(site, "claims.md", "Competing claims")["@graph"]
    assert [n["@type"] for n in graph] == ["WebPage"] + ["Claim"] * MAX_ITEMS
    assert graph[1]["author"] == [{"@type": "Person", "name": "Tomas Relk", "url": "../people/tomas-relk/"}]
    assert graph[1]["appearance"] == [{"@type": "NewsArticle", "url": "../sources/a/#p1"}]
    assert graph[1]["url"] == "./#claim-c1" and graph[1]["text"] == "Sail."


def test_jsonld_unknown_source_metadata_stays_absent() -> None:
    site = big_site(1)
    article = page_data(site, "sources/a.md", "Ferry strike", article=site.articles[0])["@graph"][0]
    assert article["headline"] == "Ferry strike"
    assert not {"author", "publisher", "datePublished", "inLanguage"} & set(article)


def test_jsonld_quotation_without_a_named_speaker_says_why() -> None:
    site = big_site(1)
    unnamed = Statement("s", None, "a spokesman", "quote", "Sail.", True, Citation("a", "p1", "Sail."))
    site = Site(site.config, site.articles, entities=site.entities, statements=(unnamed,))
    quote = page_data(site, "responses.md", "T")["@graph"][1]
    assert "spokenByCharacter" not in quote and quote["description"]
    assert quote["isBasedOn"] == "../sources/a/#p1"


# --- the built sites ---------------------------------------------------------------------------

def jsonld_corpus(root: Path) -> Path:
    """An invented corpus with the payload in a headline, an outlet, an author, a name and a side."""
    content = root / "jsonld_hostile"
    (content / "articles").mkdir(parents=True)
    union = "Dorvan Ferry Union"
    quote = f'"We will not sail until the contract is signed," said Tomas Relk, a spokesman for the {union}.'
    (content / "articles" / "a.txt").write_text(
        f"{PAYLOAD} Ferry strike halts Dorvan crossings\n\n"
        f"Ferries between Dorvan and Kessel stopped on Monday as the {union} began a strike.\n\n{quote}\n\n"
        f"The {union} said the port authority had ignored its letters.\n", encoding="utf-8")
    (content / "articles" / "b.md").write_text(
        f'---\ntitle: "Talks fail at Dorvan port"\noutlet: "{PAYLOAD} Gazette"\n'
        f'author: "{PAYLOAD} Staff"\npublished: 2031-04-02\n---\n\n'
        f"Talks between the {union} and the port authority failed on Tuesday.\n\n"
        f"\"Nobody listened to us,\" Tomas Relk said. The {union} called a second strike.\n",
        encoding="utf-8")
    (content / "site.yml").write_text(f"title: '{PAYLOAD} Ferry strike'\n", encoding="utf-8")
    (content / "editorial.yml").write_text(
        f"entities:\n  - name: '{PAYLOAD} Union'\n    aliases: [{union}]\n    kind: group\n"
        f"    side: '{PAYLOAD} workers'\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def sites(built: Callable[[Path], Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The built mini, hostile, hostile-site and JSON-LD payload sites."""
    payload = jsonld_corpus(tmp_path_factory.mktemp("jsonld"))
    return {"mini": built(MINI), "hostile": built(HOSTILE), "hostile_site": built(FIXTURES / "hostile_site"),
            "payload": built(payload)}


def scans(site: Path) -> dict[str, PageScan]:
    """Every built page, scanned (its ids and its JSON-LD)."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        scan = PageScan(page.relative_to(site).as_posix())
        scan.feed(page.read_text(encoding="utf-8"))
        scan.close()
        found[scan.page] = scan
    return found


def nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the data, depth first."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from nodes(value)
    elif isinstance(data, list):
        for value in data:
            yield from nodes(value)


def strings(data: Any) -> Iterator[str]:
    """Every string value in the data."""
    for node in nodes(data):
        for value in node.values():
            yield from [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] \
                if isinstance(value, list) else []


def main_node(scan: PageScan) -> dict[str, Any]:
    """The first node of a page's JSON-LD graph: what the page is about."""
    data = scan.jsonld[0]
    assert isinstance(data, dict)
    node: dict[str, Any] = data["@graph"][0]
    return node


def expected_type(page: str) -> str:
    """The type of a page's main node, from where it is."""
    folder = page.split("/")[0]
    if page == "index.html":
        return "WebSite"
    if page.startswith("sources/coverage"):
        return "WebPage"  # the coverage grid is a section page kept beside the sources
    return PAGE_TYPES[folder] if page.count("/") == 2 and folder in PAGE_TYPES else "WebPage"


@pytest.mark.parametrize("name", ["mini", "hostile", "hostile_site", "payload"])
def test_jsonld_every_page_has_valid_structured_data(sites: dict[str, Path], name: str) -> None:
    pages = scans(sites[name])
    for page, scan in pages.items():
        assert scan.unsafe == [], scan.unsafe
        if page == "404.html":
            assert scan.jsonld == []
            continue
        assert len(scan.jsonld) == 1, page
        data = scan.jsonld[0]
        assert isinstance(data, dict) and data["@context"] == "https://schema.org"
        graph = data["@graph"]
        assert graph[0]["@type"] == expected_type(page), page
        for node in nodes(graph):
            check_node(node, page)


def check_node(node: dict[str, Any], page: str) -> None:
    """The required properties of each type."""
    kind = node.get("@type")
    required = {"NewsArticle": ("url",), "WebSite": ("name", "url"), "WebPage": ("name", "url"),
                "Quotation": ("text", "isBasedOn"), "Claim": ("name", "appearance", "url"),
                "Person": ("name",), "Organization": ("name",), "Place": ("name",),
                "GeoCoordinates": ("latitude", "longitude")}
    assert kind in required, f"{page}: unexpected type {kind}"
    assert all(node.get(key) for key in required[kind]), f"{page}: {kind} lacks {required[kind]}: {node}"
    if kind == "NewsArticle" and page.startswith("sources/") and page.count("/") == 2:
        assert node["headline"], page
    if kind == "Quotation":
        assert node.get("spokenByCharacter") or node.get("description"), page
    if kind == "Claim":
        assert all(a["@type"] == "NewsArticle" for a in node["appearance"]), page


@pytest.mark.parametrize("name", ["mini", "hostile", "hostile_site", "payload"])
def test_jsonld_every_url_resolves_to_a_built_page_and_anchor(sites: dict[str, Path], name: str) -> None:
    pages = scans(sites[name])
    checked = 0
    for page, scan in pages.items():
        for node in nodes(scan.jsonld):
            for url in [node[k] for k in URL_KEYS if k in node]:
                parts = urlsplit(url)
                assert not parts.scheme and not parts.netloc and not url.startswith("/"), (page, url)
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), parts.path))
                target = posixpath.join(target, "index.html") if url.split("#")[0].endswith("/") else target
                target = target.removeprefix("./")
                assert target in pages, f"{page}: {url} -> {target} was not built"
                assert not parts.fragment or parts.fragment in pages[target].ids, f"{page}: {url}"
                checked += 1
    assert checked > len(pages)


def test_jsonld_mini_site_describes_quotations_claims_and_places(sites: dict[str, Path]) -> None:
    pages = scans(sites["mini"])
    types = {page: {n.get("@type") for n in nodes(scan.jsonld)} for page, scan in pages.items()}
    assert "Quotation" in types["responses/index.html"]
    assert "Claim" in types["claims/index.html"]
    claims = [n for n in nodes(pages["claims/index.html"].jsonld) if n.get("@type") == "Claim"]
    assert any(n.get("author") for n in claims)
    quotes = [n for n in nodes(pages["responses/index.html"].jsonld) if n.get("@type") == "Quotation"]
    assert any("url" in n.get("spokenByCharacter", {}) for n in quotes)
    assert any(n["isBasedOn"].startswith("../sources/") for n in quotes)


@pytest.mark.parametrize("name", ["hostile_site", "payload"])
def test_jsonld_hostile_strings_are_json_string_data_only(sites: dict[str, Path], name: str) -> None:
    needle = PAYLOAD if name == "payload" else "<script>alert("
    reached = 0
    for rel, scan in scans(sites[name]).items():
        html = (sites[name] / rel).read_text(encoding="utf-8")
        assert PAYLOAD not in html, rel
        if rel == "404.html":
            continue
        head = html[:html.index("</head>")]
        script = head[head.index('<script type="application/ld+json">'):]
        assert "<script>alert(" not in script and "</script><script" not in script, rel
        if any(needle in s for s in strings(scan.jsonld)):
            reached += 1
            assert "\\u003cscript\\u003ealert(" in script, rel
    assert reached, "the payload never reached the JSON-LD"


def test_jsonld_payload_site_keeps_source_metadata_as_data(sites: dict[str, Path]) -> None:
    pages = scans(sites["payload"])
    article = main_node(pages["sources/b/index.html"])
    assert article["author"] == {"@type": "Person", "name": f"{PAYLOAD} Staff"}
    assert article["publisher"] == {"@type": "Organization", "name": f"{PAYLOAD} Gazette"}
    assert article["datePublished"] == "2031-04-02"
    groups = [main_node(scan) for page, scan in pages.items()
              if page.startswith("groups/") and page.count("/") == 2]
    assert any(n["name"] == f"{PAYLOAD} Union" and n.get("memberOf", {}).get("name") == f"{PAYLOAD} workers"
               for n in groups), groups


# --- tags --------------------------------------------------------------------------------------

def tag_links(html: str) -> list[tuple[str, str]]:
    """The (href, text) of each tag a page shows in its tag bar."""
    bar = html[html.index('<nav class="md-tags"'):] if '<nav class="md-tags"' in html else ""
    bar = bar[:bar.find("</nav>") + 1]
    return [(href, " ".join(text.split())) for href, text in
            re.findall(r'<a href="([^"]+)" class="md-tag">(.*?)</a>', bar, re.S)]


@pytest.mark.parametrize("name", ["mini", "payload"])
def test_tags_entity_pages_link_to_their_tags_on_the_index(sites: dict[str, Path], name: str) -> None:
    pages = scans(sites[name])
    assert "tags/index.html" in pages
    tagged = 0
    for rel in pages:
        folder = rel.split("/")[0]
        if folder not in ("groups", "places", "people") or rel.count("/") != 2:
            continue
        links = tag_links((sites[name] / rel).read_text(encoding="utf-8"))
        assert not {"Group", "Place", "Person"} & {text for _, text in links}, rel  # kinds are no tags
        for href, _ in links:
            assert href.startswith("../../tags/#tag:"), href
            assert href.split("#")[1] in pages["tags/index.html"].ids, href
        tagged += bool(links)
    assert tagged or name == "mini", "some entity page carries a camp tag"  # mini's entities have no camp


def test_tags_claims_page_carries_its_statuses(sites: dict[str, Path]) -> None:
    links = tag_links((sites["mini"] / "claims" / "index.html").read_text(encoding="utf-8"))
    assert [text for _, text in links] == ["Claims: disputed", "Claims: one-sided"]


def test_tags_index_is_in_the_nav_and_shows_a_hostile_camp_as_text(sites: dict[str, Path]) -> None:
    home = (sites["mini"] / "index.html").read_text(encoding="utf-8")
    assert 'href="tags/"' in home
    index = (sites["payload"] / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Camp: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; workers" in index
    assert PAYLOAD not in index
