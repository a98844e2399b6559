"""The per-article cache: the same pages with it or without it, and only changed articles re-read."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import fields
from pathlib import Path

import pytest

from generator.core.cache import Cache, cached_per_item, generator_version
from generator.core.models import Article, Page, Paragraph, RawArticle, Removed, SourceMeta
from generator.extract.mentions import build_vocabulary, find_names
from generator.pipeline import generate

from .conftest import MINI

STAGES = ("clean", "vocabulary", "names", "statements")
ARTICLES = len(list((MINI / "articles").iterdir()))


@pytest.fixture(scope="module")
def uncached() -> tuple[Page, ...]:
    """The mini corpus's pages, generated without a cache."""
    return generate(MINI).pages


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the mini corpus that a test may edit."""
    return Path(shutil.copytree(MINI, tmp_path / "content"))


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_cold_and_warm_runs_give_the_pages_of_an_uncached_run(uncached: tuple[Page, ...],
                                                             tmp_path: Path) -> None:
    cold = Cache(tmp_path / "cache")
    assert generate(MINI, cache=cold).pages == uncached
    assert cold.misses == Counter(dict.fromkeys(STAGES, ARTICLES))
    assert len(entries(tmp_path / "cache")) == len(STAGES) * ARTICLES
    warm = Cache(tmp_path / "cache")
    assert generate(MINI, cache=warm).pages == uncached
    assert sum(warm.misses.values()) == 0
    assert warm.hits == Counter(dict.fromkeys(STAGES, ARTICLES))


def test_two_jobs_fill_the_cache_and_one_job_reads_it_with_the_same_pages(uncached: tuple[Page, ...],
                                                                          tmp_path: Path) -> None:
    assert generate(MINI, jobs=2, cache=Cache(tmp_path / "cache")).pages == uncached
    warm = Cache(tmp_path / "cache")
    assert generate(MINI, jobs=1, cache=warm).pages == uncached
    assert sum(warm.misses.values()) == 0


def test_an_edit_to_one_article_extracts_that_article_again_and_no_other(content: Path,
                                                                        tmp_path: Path) -> None:
    generate(content, cache=Cache(tmp_path / "cache"))
    article = content / "articles" / "alpha.txt"
    text = article.read_text(encoding="utf-8")
    assert " onto rooftops " in text
    article.write_text(text.replace(" onto rooftops ", " onto roofs "), encoding="utf-8")
    edited = Cache(tmp_path / "cache")
    pages = generate(content, cache=edited).pages
    assert edited.misses == Counter(dict.fromkeys(STAGES, 1))
    assert pages == generate(content).pages
    assert len(entries(tmp_path / "cache")) == len(STAGES) * ARTICLES, "the old entries were pruned"


def test_an_edit_that_changes_how_the_corpus_writes_a_word_finds_other_articles_names_again(
        content: Path, tmp_path: Path) -> None:
    """Names are judged against the whole corpus: an article that now writes 'works' in lower case
    changes what another's 'Public Works' was judged with, and that article is read again."""
    generate(content, cache=Cache(tmp_path / "cache"))
    article = content / "articles" / "bravo.txt"
    article.write_text(article.read_text(encoding="utf-8") + "\nThe repair works went on all night, "
                       "and the works crews stayed until the emergency was over.\n", encoding="utf-8")
    edited = Cache(tmp_path / "cache")
    pages = generate(content, cache=edited).pages
    assert edited.misses["clean"] == 1
    assert edited.misses["names"] > 1
    assert pages == generate(content).pages


def test_damaged_entries_are_misses_never_errors(uncached: tuple[Page, ...], tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    generate(MINI, cache=Cache(folder))
    damage = [b"", b"not a pickle", pickle.dumps(("a", 1))[:7], b"\x80\x05K", b"\x80\x05\x95\xff"]
    for n, entry in enumerate(entries(folder)):
        if n % 4:
            entry.write_bytes(damage[n % len(damage)])
        else:
            entry.unlink()
            entry.mkdir()
    again = Cache(folder)
    assert generate(MINI, cache=again).pages == uncached
    assert again.misses == Counter(dict.fromkeys(STAGES, ARTICLES))


class Planted:
    """A pickle that would run a command when loaded, were its class admitted."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted-ran",))


def test_a_planted_pickle_runs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    cache = Cache(tmp_path / "cache")
    key = cache.key("clean", "anything")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{key}.pickle").write_bytes(pickle.dumps(Planted()))
    assert cache.get(key) is None
    (tmp_path / "cache" / f"{key}.pickle").write_bytes(pickle.dumps(Counter(a=1)))
    assert cache.get(key) is None
    assert not (tmp_path / "planted-ran").exists()


def test_another_generator_version_misses_every_entry(tmp_path: Path) -> None:
    generate(MINI, cache=Cache(tmp_path / "cache"))
    other = Cache(tmp_path / "cache", version="another version")
    generate(MINI, cache=other)
    assert other.misses == Counter(dict.fromkeys(STAGES, ARTICLES))
    assert generator_version() == Cache(tmp_path).version
    assert len(generator_version()) == 64


def test_entries_are_written_whole_and_prune_removes_only_unused_entries(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cache = Cache(folder)
    assert cached_per_item(cache, "square", pow, [2, 3], 1, 2) == [4, 9]
    assert [p.suffix for p in folder.iterdir()] == [".pickle", ".pickle"], "no temporary file is left"
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    later = Cache(folder)
    assert cached_per_item(later, "square", pow, [3], 1, 2) == [9]
    assert later.misses["square"] == 0
    assert later.prune() == 1
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{later.key('square', '3')}.pickle",
                                                               "notes.txt"])


def test_an_unwritable_cache_folder_only_slows_the_run(uncached: tuple[Page, ...], tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    cache = Cache(blocked / "cache")
    assert generate(MINI, cache=cache).pages == uncached
    assert cache.misses["clean"] == ARTICLES


def test_the_traced_vocabulary_finds_the_same_names_and_notes_what_it_answered() -> None:
    text = ("Mirela Danhoff of the Lisk Water Board said the Board met. The board met in central "
            "Lisk, in Central Lisk too.")
    article = Article("a", "a", "a.txt", "Title", (Paragraph("p1", text, "text", 1),), (), SourceMeta())
    vocabulary = build_vocabulary([article])
    traced, reads = vocabulary.traced()
    assert find_names(article, traced) == find_names(article, vocabulary)
    assert reads and vocabulary.answers(reads)
    other = build_vocabulary([article, Article("b", "b", "b.txt", "T", (Paragraph(
        "p1", "the board and the lisk water board and the water and lisk", "text", 1),), (), SourceMeta())])
    assert not other.answers(reads)


def test_the_command_line_keeps_the_cache_beside_docs_and_no_cache_keeps_none(tmp_path: Path) -> None:
    def run(*options: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "generator", "generate", "--content", str(MINI),
                               "--jobs", "1", *options], cwd=tmp_path, capture_output=True, text=True,
                              check=False)

    result = run("--no-cache")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".cache").exists()
    result = run()
    assert result.returncode == 0, result.stderr
    assert len(entries(tmp_path / ".cache" / "explainer")) == len(STAGES) * ARTICLES
    refused = run("--cache", str(MINI / "articles" / "cache"))
    assert refused.returncode == 5
    assert "inside the content folder" in refused.stderr
    assert not (MINI / "articles" / "cache").exists()


@pytest.mark.parametrize("kind", [RawArticle, Article, Paragraph, Removed, SourceMeta])
def test_the_repr_that_keys_an_entry_shows_every_field(kind: type) -> None:
    """An entry is keyed by the repr of the stage's input: a field left out of it would let an
    edit to that field reuse a stale entry."""
    assert all(f.repr for f in fields(kind))


def test_the_default_cache_inside_the_content_folder_is_skipped_not_refused(tmp_path: Path) -> None:
    """Run from the content folder itself ('--content .'): the default cache would sit inside it, so
    the run goes on without one and says so; a --cache chosen there is still refused."""
    content = tmp_path / "event"
    shutil.copytree(MINI, content)
    run = subprocess.run([sys.executable, "-m", "generator", "generate", "--content", ".", "--docs",
                          str(tmp_path / "docs"), "--jobs", "1"], cwd=content, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "no cache this run" in run.stderr
    assert not (content / ".cache").exists()
