"""Shared fixtures: the fixture corpora, and one generated and one built mini site per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.models import Generated
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate
from generator.site.build import build_site

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini"
HOSTILE = FIXTURES / "hostile"
DEV_CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def mini_generated() -> Generated:
    """The mini corpus, generated once."""
    return generate(MINI)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """Build a content folder into a fresh folder (once per folder) and return site/."""
    cache: dict[Path, Path] = {}

    def build(content: Path) -> Path:
        if content not in cache:
            out = tmp_path_factory.mktemp(content.name)
            build_site(generate(content), out / "docs", out / "site", MKDOCS_YML)
            cache[content] = out / "site"
        return cache[content]

    return build


@pytest.fixture
def corpus(tmp_path: Path) -> Callable[..., Path]:
    """Make a content folder from {file name: text or bytes}."""

    def make(files: dict[str, str | bytes], **extra: str) -> Path:
        articles = tmp_path / "content" / "articles"
        articles.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            target = articles / name
            if isinstance(data, bytes):
                target.write_bytes(data)
            else:
                target.write_text(data, encoding="utf-8")
        for name, text in extra.items():
            (tmp_path / "content" / f"{name}.yml").write_text(text, encoding="utf-8")
        return tmp_path / "content"

    return make


def chromium() -> str | None:
    """Path of Debian's chromium, or None (CI must have it)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("chromium is not installed; .ci/run installs it")
    return found
