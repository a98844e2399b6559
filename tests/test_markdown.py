"""The escaping rule: any text, rendered by the site's own Markdown setup, shows as itself."""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser

import markdown  # type: ignore[import-untyped]  # no stubs published for Markdown 3.11
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.site.markdown import Safe, escape_md, external_link, finalize, link, relative_link

from .conftest import ROOT


def site_markdown() -> markdown.Markdown:
    """Python-Markdown configured with the extensions mkdocs.yml enables."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    names: list[str] = []
    options: dict[str, dict[str, object]] = {}
    for entry in config["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        names.append(name)
        if isinstance(entry, dict):
            options[name] = dict(entry[name])
    return markdown.Markdown(extensions=names, extension_configs=options)


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(text: str) -> Tags:
    tags = Tags()
    tags.feed(site_markdown().convert(text))
    return tags


PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1)) and ![img](data:text/html;base64,PHNjcmlwdD4=)",
    "[plain](https://evil.example)",
    '{: onclick="alert(1)" } and {#id .cls onclick=x}',
    "{{ config }} {% include 'x' %} {# c #}",
    '--8<-- "/etc/passwd"',
    "text[^1] and [^1]: evil",
    "*[HTML]: Hyper Text",
    '!!! danger "x"',
    '??? note "y"',
    '=== "Tab"',
    "&lt;script&gt; &#x3C; &amp; &copy;",
    "| a | b |",
    "# Title",
    "## Sub",
    "---",
    "***",
    "___",
    "**bold** _it_ `code` ~~del~~ ==mark== ^^ins^^",
    "```",
    "1. numbered",
    "- bullet",
    "+ plus",
    "> quote",
    "<!-- comment -->",
    "<style>body{display:none}</style>",
    ": definition",
    "Term\\",
    "a  \\",
    "https://example.org/<b>",
    "<https://evil.example>",
    "<mail@example.org>",
    "$x^2$ :smile: H~2~O",
    "ends with #",
    "12) point",
]


@pytest.mark.parametrize("text", PAYLOADS)
def test_escape_md_renders_payload_as_its_own_text(text: str) -> None:
    shown = render(escape_md(text))
    assert shown.tags == ["p"], shown.tags
    assert shown.attrs == []
    assert "".join(shown.text) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_escape_md_any_text_is_inert(text: str) -> None:
    folded = " ".join(text.split())
    if not folded:
        return
    shown = render(escape_md(text))
    assert set(shown.tags) <= {"p"}
    assert shown.attrs == []
    assert "".join(shown.text).strip() == folded


def test_escape_md_leaves_ordinary_prose_readable() -> None:
    text = "Officials in Vela-Dolina said 2 people, aged 40-50, were hurt."
    assert escape_md(text) == text


def test_finalize_escapes_all_but_safe_and_refuses_none() -> None:
    assert finalize("<b>") == "&lt;b&gt;"
    assert finalize(Safe("**ok**")) == "**ok**"
    assert finalize(3) == "3"
    with pytest.raises(TypeError):
        finalize(None)


def test_links_are_relative_and_escaped() -> None:
    assert relative_link("sources/index.md", "sources/a.md", "p2") == "a.md#p2"
    assert relative_link("index.md", "groups/x.md") == "groups/x.md"
    assert link("[x]", "people/a.md", "sources/b.md") == "[\\[x\\]](../sources/b.md)"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "ftp://x.org",
                                 "https://e.org/a b", "https://e.org/a)(b"])
def test_external_link_only_for_plain_http_urls(url: str) -> None:
    assert "](" not in external_link("text", url)


def test_external_link_for_https() -> None:
    shown = render(external_link("Original", "https://example.org/a?b=1&c=2"))
    assert shown.tags == ["p", "a"]
    assert re.search(r"example\.org", html.unescape(site_markdown().convert(
        external_link("x", "https://example.org/a?b=1&c=2"))))


@pytest.mark.parametrize("from_page", ["index.md", "claims.md", "people/x.md", "people/x/2.md",
                                       "sources/coverage.md", "claims/q/3.md"])
@pytest.mark.parametrize("to_page", ["index.md", "people/x.md", "people/y.md", "people/x/2.md",
                                     "places/index.md", "claims/q.md", "assets/world.svg",
                                     "data/knowledge.json"])
def test_relative_link_agrees_with_posixpath(from_page: str, to_page: str) -> None:
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative_link(from_page, to_page) == expected
    assert relative_link(from_page, to_page, "p3") == expected + "#p3"
