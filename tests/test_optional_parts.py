"""The parts of the site an editor can turn off in site.yml are really left out, nav included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def without_timeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site built with the timeline turned off."""
    tmp = tmp_path_factory.mktemp("no-timeline")
    content = content_with(tmp, "title: Test\npages:\n  timeline: false\n")
    generated = generate(content)
    build_site(generated, tmp / "docs", tmp / "site", MKDOCS_YML)
    assert verify_built_site(tmp / "site", generated.site) == []
    return tmp


def test_a_turned_off_timeline_has_no_page_no_nav_entry_and_no_key_dates(without_timeline: Path) -> None:
    assert generate(MINI).site.events, "the mini corpus has dated sentences"
    assert not (without_timeline / "docs" / "timeline.md").exists()
    assert not (without_timeline / "site" / "timeline").exists()
    home = (without_timeline / "site" / "index.html").read_text(encoding="utf-8")
    assert "timeline/" not in home and "Key dates" not in home
    assert "Competing claims" in home  # the rest of the nav is kept


def test_the_timeline_is_built_by_default() -> None:
    pages = {p.path for p in generate(MINI).pages}
    assert "timeline.md" in pages
