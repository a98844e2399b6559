"""The parts of the site an editor can turn off in site.yml are really left out, nav included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.core.models import OPTIONAL_PARTS
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate
from generator.site.build import build_site
from generator.site.verify import verify_built_site

from .conftest import MINI


def content_with(tmp_path: Path, site_yml: str) -> Path:
    """The mini corpus with a site.yml of our own."""
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    (content / "site.yml").write_text(site_yml, encoding="utf-8")
    return content


def pages_with(tmp_path: Path, off: list[str]) -> dict[str, str]:
    """The mini site's generated pages with some parts turned off."""
    lines = "".join(f"  {part}: false\n" for part in off)
    generated = generate(content_with(tmp_path, f"title: Test\npages:\n{lines}" if off else "title: Test\n"))
    return {p.path: p.content.decode("utf-8", "replace") for p in generated.pages}


# What each optional part leaves in the generated pages when it is on (a page, or words on a page).
SIGNS: dict[str, list[tuple[str, str | None]]] = {
    "timeline": [("timeline.md", None), ("index.md", "## Key dates")],
    "map": [("map.md", None)],
    "tags": [("tags.md", None), ("claims.md", "tags:")],
    "structured-data": [("index.md", "jsonld:")],
    "coverage": [("sources/coverage.md", None), ("sources/index.md", "Which source reports what"),
                 ("claims.md", "Which source reports what")],
}


@pytest.mark.parametrize("part", sorted(SIGNS))
def test_a_part_turned_off_leaves_no_trace_and_the_others_stay(tmp_path: Path, part: str) -> None:
    on, off = pages_with(tmp_path / "on", []), pages_with(tmp_path / "off", [part])
    for page, words in SIGNS[part]:
        assert page in on and (words is None or words in on[page]), (part, page)
        assert page not in off or (words is not None and words not in off[page]), (part, page)
    for other in set(SIGNS) - {part}:
        for page, words in SIGNS[other]:
            assert page in off and (words is None or words in off[page]), (part, other, page)


def test_every_optional_part_is_tested() -> None:
    assert set(SIGNS) <= set(OPTIONAL_PARTS)


@pytest.fixture(scope="module")
def all_off(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site built with every optional part turned off."""
    tmp = tmp_path_factory.mktemp("all-off")
    lines = "".join(f"  {part}: false\n" for part in OPTIONAL_PARTS)
    generated = generate(content_with(tmp, f"title: Test\npages:\n{lines}"))
    build_site(generated, tmp / "docs", tmp / "site", MKDOCS_YML)
    assert verify_built_site(tmp / "site", generated.site) == []
    return tmp


def test_turned_off_pages_leave_the_nav_and_the_build_still_verifies(all_off: Path) -> None:
    home = (all_off / "site" / "index.html").read_text(encoding="utf-8")
    for page in ("timeline", "map"):
        assert not (all_off / "docs" / f"{page}.md").exists()
        assert not (all_off / "site" / page).exists()
        assert f'href="{page}/"' not in home
    assert not (all_off / "docs" / "sources" / "coverage.md").exists()
    assert "Key dates" not in home
    assert 'href="claims/"' in home  # the rest of the nav is kept
