"""Stage load: decoding, front matter, metadata files and every bad-file message."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.load import MAX_FILE_BYTES, inputs_fingerprint, load_corpus

Make = Callable[..., Path]
ARTICLE = "Headline here\n\nFirst paragraph of the article, long enough to read.\n"


def messages(content: Path) -> list[str]:
    return [str(p) for p in load_corpus(content)[1]]


def test_load_reads_articles_sorted_with_file_stem_ids(corpus: Make) -> None:
    content = corpus({"b.txt": ARTICLE, "a.txt": ARTICLE, "notes.csv": "x"})
    loaded, problems = load_corpus(content)
    assert problems == []
    assert [a.id for a in loaded.articles] == ["a", "b"]


def test_load_accepts_a_folder_of_article_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    loaded, problems = load_corpus(tmp_path)
    assert problems == [] and [a.id for a in loaded.articles] == ["x"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ARTICLE.encode("utf-8"), "First paragraph"),
        (codecs.BOM_UTF8 + "Café news\n\nBody text.\n".encode(), "Café news"),
        ("Café news\n\nBody text.\n".encode("utf-16"), "Café news"),
        ("Café news\r\n\r\nBody text.\r\n".encode(), "Café news\n\nBody"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "crlf"],
)
def test_load_decodes_common_encodings(corpus: Make, data: bytes, expected: str) -> None:
    loaded, problems = load_corpus(corpus({"a.txt": data}))
    assert problems == []
    assert expected in loaded.articles[0].text
    assert not loaded.articles[0].text.startswith("\ufeff")


def test_load_reads_cp1252_with_a_warning(corpus: Make) -> None:
    loaded, problems = load_corpus(corpus({"a.txt": "Café costs € 5\n\nBody.\n".encode("cp1252")}))
    assert "Café costs € 5" in loaded.articles[0].text
    assert [p.severity for p in problems] == ["warning"]
    assert "cp1252" in problems[0].message and problems[0].line == 1


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"Title\n\nbody\x00more", "NUL"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"x" * (MAX_FILE_BYTES + 1), "limit"),
        (b"Title\n\n" + b"word " * 30_000, "characters long"),
    ],
    ids=["empty", "blank", "nul", "binary", "too-big", "long-line"],
)
def test_load_rejects_bad_files_with_a_message(corpus: Make, data: bytes, needle: str) -> None:
    found = messages(corpus({"bad.txt": data, "good.txt": ARTICLE}))
    assert len(found) == 1
    assert "bad.txt" in found[0] and needle in found[0]


def test_load_reads_front_matter_metadata(corpus: Make) -> None:
    text = ("---\ntitle: The headline\noutlet: Daily Example\nurl: https://example.org/a\n"
            "published: 2024-03-05\nauthor: A. Writer\nlanguage: en\n---\nBody paragraph.\n")
    loaded, problems = load_corpus(corpus({"a.md": text}))
    article = loaded.articles[0]
    assert problems == []
    assert article.title == "The headline"
    assert article.meta.outlet == "Daily Example" and article.meta.outlet_from == "editor"
    assert article.meta.published == "2024-03-05"
    assert article.text.strip() == "Body paragraph."
    assert article.first_line == 9


@pytest.mark.parametrize(
    ("front", "line", "needle"),
    [
        ("titel: x", 2, "did you mean 'title'"),
        ("url: javascript:alert(1)", 2, "http(s)"),
        ("url: ftp://example.org/x", 2, "http(s)"),
        ("published: yesterday", 2, "ISO date"),
        ("language: English", 2, "code like"),
        ("title: [a, b", 2, "YAML syntax error"),
        ("- a list", 2, "mapping"),
        ("title: x\ntitle: y", 3, "duplicate"),
        ("outlet: [a, b]", 2, "single value"),
    ],
)
def test_load_reports_bad_front_matter_with_line(corpus: Make, front: str, line: int,
                                                 needle: str) -> None:
    found = load_corpus(corpus({"a.md": f"---\n{front}\n---\nBody.\n"}))[1]
    assert len(found) == 1, found
    assert found[0].line == line and needle in found[0].message
    assert found[0].path.endswith("a.md")


def test_load_reports_unclosed_front_matter(corpus: Make) -> None:
    assert "no closing" in messages(corpus({"a.md": "---\ntitle: x\nBody.\n"}))[0]


def test_load_takes_metadata_from_sources_yml(corpus: Make) -> None:
    content = corpus({"a.txt": ARTICLE}, sources="a:\n  outlet: Example Post\n  url: https://e.org/1\n")
    loaded, problems = load_corpus(content)
    assert problems == []
    assert loaded.articles[0].meta.outlet == "Example Post"


def test_load_reports_sources_yml_problems_all_at_once(corpus: Make) -> None:
    content = corpus({"a.txt": ARTICLE},
                     sources="a:\n  outlett: X\nzz:\n  outlet: Y\n", site="titel: T\n")
    found = messages(content)
    assert len(found) == 3
    assert any("sources.yml:2" in m and "did you mean 'outlet'" in m for m in found)
    assert any("sources.yml:3" in m and "no article file has the id 'zz'" in m for m in found)
    assert any("site.yml:1" in m and "did you mean 'title'" in m for m in found)


def test_load_refuses_two_files_with_one_id(corpus: Make) -> None:
    found = messages(corpus({"a.txt": ARTICLE, "a.md": ARTICLE}))
    assert len(found) == 1 and "a.md" in found[0] and "a.txt" in found[0]


def test_load_reads_site_yml(corpus: Make) -> None:
    loaded, _ = load_corpus(corpus({"a.txt": ARTICLE}, site="title: My event\ndate: 2024\n"))
    assert loaded.config.title == "My event" and loaded.config.date == "2024"


def test_load_reports_missing_folder_and_empty_folder(tmp_path: Path) -> None:
    assert "not found" in str(load_corpus(tmp_path / "nope")[1][0])
    assert "no .txt or .md" in str(load_corpus(tmp_path)[1][0])


def test_load_inputs_fingerprint_changes_with_any_file(corpus: Make) -> None:
    content = corpus({"a.txt": ARTICLE})
    first = inputs_fingerprint(content)
    assert inputs_fingerprint(content) == first
    (content / "articles" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    second = inputs_fingerprint(content)
    assert second != first
    (content / "articles" / "b.txt").write_text(ARTICLE + "More.\n", encoding="utf-8")
    assert inputs_fingerprint(content) != second
    (content / "articles" / "b.txt").unlink()
    assert inputs_fingerprint(content) == first
