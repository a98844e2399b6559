"""The built-site scanner: it must catch every kind of unsafe or broken output."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.models import Article, Paragraph, Site, SiteConfig, SourceMeta
from generator.site.verify import PageScan, verify_built_site

PAGE = ('<html><head>{head}</head><body><article class="md-content__inner md-typeset">{body}'
        "</article></body></html>")


def scan(body: str = "", head: str = "") -> list[str]:
    page = PageScan("x.html")
    page.feed(PAGE.format(head=head, body=body))
    return page.unsafe


@pytest.mark.parametrize(
    ("head", "body", "needle"),
    [
        ("", "<img src=x onerror=alert(1)>", "event handler"),
        ("", '<a href="javascript:alert(1)">x</a>', "javascript: URL"),
        ("", '<a href=" JaVaScRiPt:alert(1)">x</a>', "javascript: URL"),
        ("", '<iframe src="data:text/html,x"></iframe>', "data: URL"),
        ("", "<script>alert(1)</script>", "<script> inside page content"),
        ("", "<style>body{}</style>", "<style> inside page content"),
        ("", '<img src="https://cdn.example/x.png">', "from another host"),
        ("", '<img srcset="a.png 1x, //cdn.example/b.png 2x">', "from another host"),
        ('<script src="https://cdn.example/x.js"></script>', "", "from another host"),
        ('<link rel="stylesheet" href="https://fonts.example/css">', "", "from another host"),
        ('<link rel="preconnect" href="https://fonts.example">', "", "from another host"),
        ("", '<form action="/x"><input name=a></form>', "<form> inside page content"),
    ],
)
def test_verify_scan_catches_unsafe_html(head: str, body: str, needle: str) -> None:
    found = scan(body, head)
    assert any(needle in f for f in found), found


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<script src="assets/bundle.js"></script><link rel="stylesheet" href="a.css">', ""),
        ("", '<a href="https://example.org/article">original</a>'),
        ("", '<p id="p1">Text with &lt;script&gt; shown as text</p>'),
    ],
)
def test_verify_scan_accepts_safe_html(head: str, body: str) -> None:
    assert scan(body, head) == []


def make_site(tmp_path: Path, footnote: str, paragraph: str = "The dam held on Monday.") -> Site:
    article = Article("a", "a", "a.txt", "Title", (Paragraph("p1", paragraph, "text", 3),), (),
                      SourceMeta())
    (tmp_path / "sources" / "a").mkdir(parents=True)
    (tmp_path / "sources" / "a" / "index.html").write_text(
        PAGE.format(head="", body=f'<p id="p1"><a href="#p1">¶1</a> {paragraph}</p>'))
    (tmp_path / "index.html").write_text(PAGE.format(head="", body=footnote))
    return Site(SiteConfig(), (article,))


def footnote(href: str, quote: str) -> str:
    return (f'<div class="footnote"><ol><li id="fn:1"><p><a href="{href}">Outlet, ¶1</a>: '
            f'<q class="cite-quote">{quote}</q></p></li></ol></div>')


@pytest.mark.parametrize(
    ("href", "quote", "needle"),
    [
        ("sources/a/#p1", "The dam held", None),
        ("sources/a/#p2", "The dam held", "missing anchor"),
        ("sources/b/#p1", "The dam held", "missing page"),
        ("sources/a/#p1", "The dam broke", "not verbatim"),
        ("https://example.org/#p1", "The dam held", "outside the site"),
    ],
)
def test_verify_footnotes_land_on_verbatim_paragraphs(tmp_path: Path, href: str, quote: str,
                                                      needle: str | None) -> None:
    failures = verify_built_site(tmp_path, make_site(tmp_path, footnote(href, quote)))
    if needle is None:
        assert failures == []
    else:
        assert len(failures) == 1 and needle in failures[0]


def test_verify_source_paragraph_must_show_its_own_text(tmp_path: Path) -> None:
    site = make_site(tmp_path, "", paragraph="The dam held on Monday.")
    page = tmp_path / "sources" / "a" / "index.html"
    page.write_text(page.read_text().replace("held on", "<b>held</b> on"))
    assert verify_built_site(tmp_path, site) == []
    page.write_text(page.read_text().replace("held", "broke"))
    assert "not its text" in verify_built_site(tmp_path, site)[0]
