"""Long pages: the packing rule, and a whole site laid out over many pages still builds and verifies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.core.models import Citation
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate
from generator.site import paging
from generator.site.build import build_site
from generator.site.paging import LINE_WEIGHT, continuation, pack, pages_of, weigh
from generator.site.verify import verify_built_site

from .conftest import HOSTILE, MINI


def items(n: int, words: int = 0) -> list[Citation]:
    """n citations, each weighing LINE_WEIGHT + 2 * words."""
    return [Citation("a", f"p{i}", "x" * words) for i in range(n)]


def flatten(pages: list[list[paging.Part[str, Citation]]]) -> list[tuple[str, Citation]]:
    return [(part.key, item) for page in pages for part in page for item in part.items]


@pytest.mark.parametrize(("sizes", "budget_lines", "expected"), [
    ([3, 2], 10, [[("a", 3), ("b", 2)]]),                          # both fit
    ([3, 4], 5, [[("a", 3)], [("b", 4)]]),                         # b moves whole to a fresh page
    ([2, 7], 5, [[("a", 2), ("b", 3)], [("b", 4)]]),               # b is heavier than a page: cut
    ([5, 1], 5, [[("a", 5)], [("b", 1)]]),                         # a page exactly full
    ([], 5, [[]]),                                                 # nothing: still one page
])
def test_pack_keeps_groups_whole_when_they_fit(sizes: list[int], budget_lines: int,
                                               expected: list[list[tuple[str, int]]]) -> None:
    groups = [(chr(ord("a") + i), items(n)) for i, n in enumerate(sizes)]
    pages = pack(groups, budget_lines * LINE_WEIGHT)
    assert [[(p.key, len(p.items)) for p in page] for page in pages] == expected
    assert flatten(pages) == [(k, c) for k, group in groups for c in group]


def test_pack_marks_where_a_cut_group_goes_on() -> None:
    pages = pack([("a", items(7))], 3 * LINE_WEIGHT)
    assert [(p.start, p.continued) for page in pages for p in page] == [(0, False), (3, True), (6, True)]


def test_pack_puts_a_line_heavier_than_a_page_alone_on_its_page() -> None:
    heavy = items(1, words=10_000)
    pages = pack([("a", items(1)), ("b", heavy), ("c", items(1))], 5 * LINE_WEIGHT)
    assert [[p.key for p in page] for page in pages] == [["a"], ["b"], ["c"]]
    assert weigh(heavy[0]) == LINE_WEIGHT + 20_000


def test_pack_never_exceeds_the_budget_with_lines_that_fit() -> None:
    groups = [(str(i), items(i % 7 + 1, words=i * 13 % 90)) for i in range(60)]
    budget = 20 * LINE_WEIGHT
    for page in pack(groups, budget):
        assert page and sum(weigh(c) for part in page for c in part.items) <= budget


@pytest.mark.parametrize(("page", "number", "expected"), [
    ("people/x.md", 1, "people/x.md"),
    ("people/x.md", 2, "people/x/2.md"),
    ("claims.md", 3, "claims/3.md"),
])
def test_continuation_pages_live_in_a_folder_named_after_the_page(page: str, number: int,
                                                                   expected: str) -> None:
    assert continuation(page, number) == expected


def test_pages_of_always_gives_the_first_page() -> None:
    assert pages_of("a.md", 0) == ("a.md",)
    assert pages_of("a.md", 3) == ("a.md", "a/2.md", "a/3.md")


@pytest.fixture
def tiny_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A page budget so small that the mini corpus needs many pages for every long section."""
    monkeypatch.setattr(paging, "PAGE_WEIGHT", 3 * LINE_WEIGHT + 400)
    yield


def quotes_on(pages: dict[str, bytes]) -> list[str]:
    """Every footnote definition's quoted words on the pages."""
    found = []
    for content in pages.values():
        found += re.findall(r'<q class="cite-quote">(.*?)</q>', content.decode("utf-8"))
    return found


def test_a_small_site_keeps_one_page_per_section() -> None:
    paths = {p.path for p in generate(MINI).pages}
    assert {"claims.md", "responses.md"} <= paths
    assert not any(p.startswith(("claims/", "responses/")) for p in paths)


def test_long_sections_are_laid_out_over_pages_and_lose_nothing(tiny_pages: None) -> None:
    one_page = {p.path: p.content for p in generate(MINI).pages}
    split = generate(MINI)
    pages = {p.path: p.content for p in split.pages}
    site = split.site
    # One page per question, linked from the claims page.
    for claim in site.claims:
        assert any(path.startswith("claims/") and claim.topic.encode() in content
                   for path, content in pages.items())
    assert "responses/other.md" in pages or "responses/unnamed.md" in pages
    # The responses cite the same words, spread over the side pages, as on the single page.
    def responses(of: dict[str, bytes]) -> dict[str, bytes]:
        return {k: v for k, v in of.items() if k == "responses.md" or k.startswith("responses/")}
    assert len(responses(pages)) > 1
    assert sorted(set(quotes_on(responses(one_page)))) == sorted(set(quotes_on(responses(pages))))
    # The same cited words are shown, only spread over more pages.
    assert sorted(set(quotes_on(one_page))) == sorted(set(quotes_on(pages)))
    # Later pages link back to the first and say which page they are.
    later = [p for p in pages if re.search(r"/\d+\.md$", p)]
    assert later
    for path in later:
        text = pages[path].decode()
        assert re.search(r"\(page \d+ of \d+\)", text) and "*Page " in text


def test_lists_go_on_to_numbered_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "PAGE_WEIGHT", 1)  # one line a page
    generated = generate(MINI)
    pages = {p.path: p.content.decode() for p in generated.pages}
    site = generated.site
    assert f"sources/index/{len(site.articles)}.md" in pages
    assert f"sources/index/{len(site.articles) + 1}.md" not in pages
    people = [e for e in site.entities if e.kind == "person"]
    assert f"people/index/{len(people)}.md" in pages
    if len(site.events) > 1:
        assert "timeline/2.md" in pages
    for article in site.articles:  # each source is listed on exactly one page of the index
        listed = [p for p, text in pages.items() if p.startswith("sources/index") and f"]({article.slug}" in
                  text.replace("../", "")]
        assert len(listed) == 1, (article.slug, listed)


def test_the_home_page_lists_the_first_questions_and_links_to_the_rest(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site import render
    monkeypatch.setattr(render, "KEY_CLAIMS", 1)
    generated = generate(MINI)
    home = next(p.content.decode() for p in generated.pages if p.path == "index.md")
    statuses = ("disputed", "one-sided", "corroborated")
    by_status = [s for s in statuses if len(generated.site.claims_with(s)) > 1]
    assert by_status, "the mini corpus has a status with two questions"
    assert "more on the [Competing claims](claims.md) page" in home


@pytest.mark.parametrize("weight", [3 * LINE_WEIGHT + 400, 1], ids=["small pages", "one line a page"])
@pytest.mark.parametrize("content", [MINI, HOSTILE], ids=["mini", "hostile"])
def test_a_site_laid_out_over_many_pages_builds_strict_and_verifies(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: Path, weight: int) -> None:
    monkeypatch.setattr(paging, "PAGE_WEIGHT", weight)
    generated = generate(content)
    build_site(generated, tmp_path / "docs", tmp_path / "site", MKDOCS_YML)
    assert verify_built_site(tmp_path / "site", generated.site) == []
    questions = [p for p in (tmp_path / "site" / "claims").glob("*/index.html") if p.parent.name != "figures"]
    assert questions
    for page in questions:  # each question's page describes its positions as schema.org Claims
        assert '"@type":"Claim"' in page.read_text(encoding="utf-8")
