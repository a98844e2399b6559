"""Hostile input: random text through the whole pipeline stays inert; Ctrl-C never half-writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.core.errors import ContentError
from generator.core.models import Generated
from generator.core.paths import MKDOCS_YML
from generator.pipeline import generate
from generator.site.build import build_site
from generator.site.verify import verify_built_site

from .conftest import MINI
from .test_markdown import render

PAYLOAD_PIECES = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "{: onclick=x }",
                  "{{ config }}", "{% raw %}", "--8<-- '/etc/passwd'", "[^1]: note", "*[T]: t",
                  "!!! danger", "=== \"t\"", "&amp;", "| a | b |", "# ", "---", "\u202e", "\u200b",
                  "`", "**", "_", "<!--", "\\", "\u2028", "\t"]
text_piece = st.one_of(st.sampled_from(PAYLOAD_PIECES), st.text(min_size=1, max_size=20))
line = st.lists(text_piece, min_size=1, max_size=6).map(" ".join)
article = st.lists(line, min_size=2, max_size=6).map(lambda lines: "\n\n".join(lines) + "\n")


def write_corpus(folder: Path, texts: list[str]) -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    for old in (folder / "articles").iterdir():
        old.unlink()
    for i, text in enumerate(texts):
        (folder / "articles" / f"a{i}.txt").write_text(text, encoding="utf-8")
    return folder


def generate_or_reject(content: Path) -> Generated | None:
    """Generate, or return None when the input is refused with a clear ContentError."""
    try:
        return generate(content)
    except ContentError:
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(article, min_size=1, max_size=3))
def test_hostile_random_articles_render_as_their_own_text(tmp_path: Path, texts: list[str]) -> None:
    generated = generate_or_reject(write_corpus(tmp_path / "c", texts))
    if generated is None:
        return
    pages = {p.path: p.content.decode() for p in generated.pages}
    json.loads(pages["data/knowledge.json"])
    for art in generated.site.articles:
        shown = render(pages[art.page])
        assert "script" not in shown.tags and "iframe" not in shown.tags
        assert not [a for a in shown.attrs if a.startswith("on")]
        visible = " ".join("".join(shown.text).split())
        for p in art.paragraphs:
            assert " ".join(p.text.split()) in visible


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(article, min_size=2, max_size=4))
def test_hostile_random_corpus_builds_strict_and_verifies(tmp_path: Path, texts: list[str]) -> None:
    generated = generate_or_reject(write_corpus(tmp_path / "c", texts))
    if generated is None:
        return
    out = tmp_path / "out"
    build_site(generated, out / "docs", out / "site", MKDOCS_YML)
    assert verify_built_site(out / "site", generated.site) == []


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_hostile_interrupted_build_leaves_a_whole_site(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    build_site(generate(MINI), docs, site, MKDOCS_YML)
    old = tree(site)
    command = [sys.executable, "-m", "generator", "build", "--content", str(MINI), "--docs",
               str(docs), "--site", str(site)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    for delay in (0.4, 1.0, 1.6, 2.4):
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
        # -SIGINT: stopped while the interpreter was still starting, before any of our code ran.
        assert process.returncode in (0, 130, -signal.SIGINT), err
        assert b"Traceback" not in err
        now = tree(site)
        assert now == old or ("index.html" in now and "sources/alpha/index.html" in now)
        assert not list(tmp_path.glob(".explainer-build-*")) and not list(tmp_path.glob(".site.old"))
        old = now
