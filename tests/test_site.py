"""The whole pipeline: strict build, verification, determinism, safety of failed builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from generator.core.errors import BuildError, ContentError, VerifyError
from generator.core.models import Generated, Page
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate
from generator.site.build import build_site
from generator.site.verify import verify_built_site
from generator.site.write import write_pages

from .conftest import DEV_CONTENT, HOSTILE, MINI, ROOT

SCHEMA = json.loads((ROOT / "generator" / "knowledge.schema.json").read_text())


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("content", [MINI, DEV_CONTENT, HOSTILE], ids=["mini", "dev", "hostile"])
def test_site_builds_strict_and_verifies(built: Callable[[Path], Path], content: Path) -> None:
    site = built(content)
    assert (site / "index.html").is_file()
    generated = generate(content)
    for article in generated.site.articles:
        assert (site / "sources" / article.slug / "index.html").is_file()
    assert verify_built_site(site, generated.site) == []
    assert (site / "data" / "knowledge.json").read_bytes() == next(
        p.content for p in generated.pages if p.path == "data/knowledge.json")


@pytest.mark.parametrize("content", [MINI, DEV_CONTENT, HOSTILE], ids=["mini", "dev", "hostile"])
def test_site_knowledge_json_follows_the_contract(content: Path) -> None:
    generated = generate(content)
    data = json.loads(next(p.content for p in generated.pages if p.path == "data/knowledge.json"))
    jsonschema.validate(data, SCHEMA)
    paragraphs = {(s["id"], p["id"]): p["text"] for s in data["sources"] for p in s["paragraphs"]}
    quotes = [s["citation"] for s in data["statements"]]
    quotes += [c for claim in data["claims"] for pos in claim["positions"] for c in pos["citations"]]
    quotes += [v["citation"] for f in data["figures"] for v in f["values"]]
    for c in quotes:
        assert c["quote"] in paragraphs[(c["source"], c["paragraph"])]


def test_site_generate_is_deterministic(tmp_path: Path) -> None:
    for name in ("one", "two"):
        write_pages(generate(MINI).pages, tmp_path / name)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_site_build_is_deterministic_with_source_date_epoch(tmp_path: Path) -> None:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    for name in ("one", "two"):
        subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(MINI),
                        "--docs", str(tmp_path / name / "docs"), "--site",
                        str(tmp_path / name / "site")], check=True, env=env, capture_output=True)
    one, two = tree(tmp_path / "one" / "site"), tree(tmp_path / "two" / "site")
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_site_failed_build_keeps_previous_docs_and_site(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    good = generate(MINI)
    build_site(good, docs, site, MKDOCS_YML)
    before = tree(docs), tree(site)
    broken_link = Page("index.md", b"# Home\n\n[missing](nowhere.md)\n")
    bad = Generated(good.site, (broken_link, *good.pages[1:]), ())
    with pytest.raises(BuildError, match=r"nowhere\.md"):
        build_site(bad, docs, site, MKDOCS_YML)
    unsafe = Page("index.md", b"# Home\n\n<img src=x onerror=alert(1)>\n")
    with pytest.raises(VerifyError, match="onerror"):
        build_site(Generated(good.site, (unsafe, *good.pages[1:]), ()), docs, site, MKDOCS_YML)
    assert (tree(docs), tree(site)) == before
    assert not list(tmp_path.glob(".explainer-build-*"))


def test_site_content_error_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bad.txt").write_bytes(b"\x00\x01")
    with pytest.raises(ContentError, match=r"bad\.txt"):
        generate(tmp_path)


def test_site_works_for_a_plain_folder_of_articles(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Storm hits coast\n\nA storm hit the coast on Friday, "
                                      "officials said, cutting power to thousands of homes.\n")
    result = subprocess.run([sys.executable, "-m", "generator", "generate", "--content",
                             str(tmp_path), "--docs", str(tmp_path / "out")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "sources" / "one.md").read_text()
    assert "A storm hit the coast" in page and "*unknown*" in page


def test_site_write_touches_only_changed_files(tmp_path: Path) -> None:
    pages = generate(MINI).pages
    write_pages(pages, tmp_path)
    (tmp_path / "stale.md").write_text("old")
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.md")}
    changed = write_pages(pages, tmp_path)
    assert changed == ["stale.md"]
    assert all(p.stat().st_mtime_ns == t for p, t in stamps.items() if p.exists())


@pytest.mark.parametrize("path", ["../x.md", "/etc/x", "a/../../x", "c:x.md", "a\\b.md", ""])
def test_site_write_refuses_paths_outside_docs(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError, match="unsafe"):
        write_pages([Page(path, b"x")], tmp_path)
