"""Sentence boundaries and the slug rule."""

from __future__ import annotations

import pytest

from generator.core.slugs import assign_slugs, slugify
from generator.core.text import sentences
from generator.site.knowledge import page_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Mr. Smith left. He was late.", ["Mr. Smith left.", "He was late."]),
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
        ('"Stay home!" he said. Nobody did.', ['"Stay home!" he said.', "Nobody did."]),
        ("“Freedom is near.” The video ended.", ["“Freedom is near.”", "The video ended."]),
        ("It was J. R. Doe. Yes.", ["It was J. R. Doe.", "Yes."]),
        ("At 5 p.m. on Monday it ended.", ["At 5 p.m. on Monday it ended."]),
        ("No end", ["No end"]),
    ],
)
def test_text_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("000_16d59944f984a5f7", "000_16d59944f984a5f7"),
        ("Main Intelligence Directorate", "main-intelligence-directorate"),
        ("Київ", "kiiv"),
        ("Zhelevets / Želevec", "zhelevets-zelevec"),
        ("../../etc/passwd", "etc-passwd"),
        ("index", "index-page"),
        ("CON", "con-page"),
        ("***", "item"),
        ("x" * 200, "x" * 60),
    ],
)
def test_slugs_slugify_is_ascii_and_safe(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slugs_names_that_slugify_alike_get_distinct_slugs_deterministically() -> None:
    names = ["A B", "a-b", "a b", "Ä B"]
    first = assign_slugs(names)
    assert sorted(first.values()) == ["a-b", "a-b-2", "a-b-3", "a-b-4"]
    assert assign_slugs(reversed(names)) == first


@pytest.mark.parametrize(
    ("path", "url"),
    [("index.md", ""), ("sources/index.md", "sources/"), ("sources/a.md", "sources/a/"),
     ("data.md", "data/")],
)
def test_knowledge_page_url(path: str, url: str) -> None:
    assert page_url(path) == url
