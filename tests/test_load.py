"""Stage load: decoding, front matter, metadata files and every bad-file message."""

from __future__ import annotations

import codecs
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from generator.core.errors import MAX_MESSAGE_CHARS, Problem, problem_at, quote
from generator.core.models import OPTIONAL_PARTS
from generator.ingest import yamlio
from generator.ingest.load import MAX_FILE_BYTES, decode_article, inputs_fingerprint, load_corpus
from generator.ingest.safe_read import MAX_YAML_BYTES, not_regular, read_input
from generator.ingest.yamlio import MAX_DEPTH, parse_yaml

Make = Callable[..., Path]
ARTICLE = "Headline here\n\nFirst paragraph of the article, long enough to read.\n"


def messages(content: Path) -> list[str]:
    return [str(p) for p in load_corpus(content)[1]]


def test_load_reads_articles_sorted_with_file_stem_ids(corpus: Make) -> None:
    content = corpus({"b.txt": ARTICLE, "a.txt": ARTICLE, "README.md": "About this folder"})
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


@pytest.mark.parametrize(("pages", "off"), [
    ("pages:\n  timeline: false\n", {"timeline"}),
    ("pages:\n  map: off\n  tags: no\n  coverage: true\n", {"map", "tags"}),
    ("pages:\n  structured-data: False\n", {"structured-data"}),
    ("pages: {}\n", set()),
    ("title: T\n", set()),
])
def test_load_reads_which_optional_parts_site_yml_turns_off(corpus: Make, pages: str, off: set[str]) -> None:
    loaded, problems = load_corpus(corpus({"a.txt": ARTICLE}, site=pages))
    assert problems == []
    assert loaded.config.turned_off == off
    assert all(loaded.config.shows(part) == (part not in off) for part in OPTIONAL_PARTS)


@pytest.mark.parametrize(("pages", "expected"), [
    ("pages:\n  timelines: false\n",
     "site.yml:2: error: unknown key 'timelines' in pages (did you mean 'timeline'"),
    ("pages:\n  map: maybe\n", "site.yml:2: error: 'map' under pages must be true or false"),
    ("pages:\n  map: [a]\n", "site.yml:2: error: 'map' must be a single value"),
    ("pages: [map]\n", "site.yml:1: error: pages must be a mapping"),
])
def test_load_reports_a_wrong_pages_setting_at_its_line(corpus: Make, pages: str, expected: str) -> None:
    found = messages(corpus({"a.txt": ARTICLE}, site=pages))
    assert len(found) == 1 and expected in found[0], found


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


# --- Hostile and careless input: every refusal is a Problem naming the file, never a hang ---

YAML_FILES = ("site.yml", "sources.yml", "editorial.yml")
T = TypeVar("T")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def finishes(run: Callable[[], T], seconds: float = 10.0) -> T:
    """Run `run` in a daemon thread and fail (instead of hanging the suite) if it blocks."""
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(run()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    return result[0]


def load(content: Path) -> tuple[list[str], list[Problem]]:
    """Load without hanging: the ids read and the problems."""
    loaded, problems = finishes(lambda: load_corpus(content))
    return [a.id for a in loaded.articles], problems


def make_entry(articles: Path, kind: str) -> None:
    """Put an entry of one odd kind at articles/bad.txt."""
    bad = articles / "bad.txt"
    if kind == "link-out":
        outside = articles.parent.parent / "secret.txt"
        outside.write_text("Secret\n\nNot an article of this site.\n", encoding="utf-8")
        os.symlink(outside, bad)
    elif kind == "link-etc":
        os.symlink("/etc/passwd", bad)
    elif kind == "link-dangling":
        os.symlink("missing.txt", bad)
    elif kind == "link-loop":
        os.symlink("bad.txt", bad)
    elif kind == "fifo":
        os.mkfifo(bad)
    elif kind == "folder":
        bad.mkdir()
        (bad / "inner.txt").write_text(ARTICLE, encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX symlinks and FIFOs")
@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        ("link-out", "symbolic link to"),
        ("link-etc", "'/etc/passwd', outside the content folder"),
        ("link-dangling", "does not exist"),
        ("link-loop", "cannot be read"),
        ("fifo", "named pipe (FIFO), not a regular file"),
        ("folder", "is a folder, not a regular file"),
    ],
)
def test_load_refuses_articles_that_are_not_regular_files_inside(corpus: Make, kind: str,
                                                                  needle: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    make_entry(content / "articles", kind)
    ids, problems = load(content)
    assert ids == ["good"]
    assert len(problems) == 1, problems
    assert problems[0].severity == "error" and problems[0].path.endswith("bad.txt")
    assert needle in problems[0].message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@pytest.mark.parametrize("target", ["good.txt", "../extra/other.txt", "../extra/via.txt"],
                         ids=["sibling", "elsewhere-in-content", "link-chain-in-content"])
def test_load_follows_links_that_stay_inside_the_content_folder(corpus: Make, target: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    (content / "extra").mkdir()
    (content / "extra" / "other.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("other.txt", content / "extra" / "via.txt")
    os.symlink(target, content / "articles" / "linked.txt")
    ids, problems = load(content)
    assert problems == [] and ids == ["good", "linked"]


def test_load_refuses_a_link_chain_that_ends_outside(corpus: Make, tmp_path: Path) -> None:
    content = corpus({"good.txt": ARTICLE})
    (tmp_path / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(tmp_path / "outside.txt", content / "hop.txt")
    os.symlink("../hop.txt", content / "articles" / "bad.txt")
    ids, problems = load(content)
    assert ids == ["good"] and len(problems) == 1 and "outside the content folder" in problems[0].message


@pytest.mark.parametrize(
    ("entry", "needle"),
    [
        ("sub/", "not read: articles must be directly in articles/"),
        ("old.txt.d/", "not read: articles must be directly in articles/"),
        (".draft.txt", "hidden file not read"),
        (".cache/", "hidden folder not read"),
        ("notes.csv", "only .txt and .md files are articles"),
        ("story.docx", "only .txt and .md files are articles"),
        ("story.TXT.bak", "only .txt and .md files are articles"),
    ],
)
def test_load_warns_about_every_entry_it_does_not_read(corpus: Make, entry: str, needle: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    target = content / "articles" / entry.rstrip("/")
    if entry.endswith("/"):
        target.mkdir()
        (target / "inner.txt").write_text(ARTICLE, encoding="utf-8")
    else:
        target.write_text(ARTICLE, encoding="utf-8")
    ids, problems = load(content)
    assert ids == ["good"]
    assert [(p.severity, p.path) for p in problems] == [("warning", str(target))]
    assert needle in problems[0].message


@pytest.mark.parametrize("name", ["README", "README.md", "readme.txt", "README.rst", ".gitkeep",
                                  ".DS_Store", ".gitignore", "Thumbs.db"])
def test_load_skips_housekeeping_files_without_a_word(corpus: Make, name: str) -> None:
    ids, problems = load(corpus({"good.txt": ARTICLE, name: "# About this folder\n\nNotes.\n"}))
    assert problems == [] and ids == ["good"]


def test_load_plain_folder_does_not_warn_about_its_yml_files(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "site.yml").write_text("title: T\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    ids, problems = load(tmp_path)
    assert ids == ["x"]
    assert [p.path for p in problems] == [str(tmp_path / "notes.csv")]


@pytest.mark.skipif(IS_ROOT, reason="root can read any file")
@pytest.mark.parametrize("name", ["bad.txt", *YAML_FILES])
def test_load_reports_an_unreadable_file(corpus: Make, name: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    path = content / "articles" / name if name.endswith(".txt") else content / name
    path.write_text(ARTICLE if name.endswith(".txt") else "{}\n", encoding="utf-8")
    path.chmod(0)
    try:
        ids, problems = load(content)
    finally:
        path.chmod(0o644)
    assert ids == ["good"] and [p.path for p in problems] == [str(path)]
    assert "cannot be read: permission denied" in problems[0].message


@pytest.mark.parametrize(
    ("error", "needle"),
    [(PermissionError(13, "Permission denied"), "permission denied"),
     (OSError(5, "Input/output error"), "cannot be read: Input/output error")],
    ids=["permission", "io-error"],
)
def test_load_reports_an_os_error_while_reading(corpus: Make, monkeypatch: pytest.MonkeyPatch,
                                                error: OSError, needle: str) -> None:
    content = corpus({"good.txt": ARTICLE, "bad.txt": ARTICLE})
    real_open = os.open

    def failing_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if str(path).endswith("bad.txt"):
            raise error
        return real_open(path, flags, *args)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", failing_open)
        loaded, problems = load_corpus(content)
    assert [a.id for a in loaded.articles] == ["good"]
    assert len(problems) == 1 and problems[0].path.endswith("bad.txt") and needle in problems[0].message


@pytest.mark.parametrize(("name", "limit"), [("huge.txt", MAX_FILE_BYTES), *((n, MAX_YAML_BYTES)
                                                                            for n in YAML_FILES)])
def test_load_refuses_an_oversized_sparse_file_without_reading_it(corpus: Make, name: str,
                                                                   limit: int) -> None:
    content = corpus({"good.txt": ARTICLE})
    path = content / "articles" / name if name.endswith(".txt") else content / name
    with path.open("wb") as f:
        f.truncate(8 * 1024**3 if name.endswith(".txt") else limit + 1)
    start = time.monotonic()
    ids, problems = load(content)
    assert time.monotonic() - start < 1.0
    assert ids == ["good"] and [p.path for p in problems] == [str(path)]
    assert f"the limit is {limit:,}" in problems[0].message


def test_read_input_reads_at_most_limit_plus_one_bytes(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A file whose stat says 0 bytes (as /proc files do) is still read only up to the limit."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 10_000)
    real_stat, real_fstat, real_read = os.stat, os.fstat, os.read
    read: list[int] = []

    def zero_size(result: os.stat_result) -> os.stat_result:
        return os.stat_result((stat.S_IFREG | 0o644, *result[1:6], 0, *result[7:10]))

    def counting_read(fd: int, n: int) -> bytes:
        data = real_read(fd, n)
        read.append(len(data))
        return data

    with monkeypatch.context() as patch:
        patch.setattr(os, "stat", lambda p, *a, **k: zero_size(real_stat(p, *a, **k)))
        patch.setattr(os, "fstat", lambda fd: zero_size(real_fstat(fd)))
        patch.setattr(os, "read", counting_read)
        data, problems = read_input(path, tmp_path, 100)
    assert data is None and sum(read) == 101
    assert "10" in problems[0].message and "the limit is 100" in problems[0].message
    assert read_input(path, tmp_path, 10_000) == (b"x" * 10_000, [])
    assert read_input(tmp_path / "missing.txt", tmp_path, 100) == (None, [])


@pytest.mark.parametrize(
    ("mode", "needle"),
    [(stat.S_IFREG, None), (stat.S_IFDIR, "a folder"), (stat.S_IFIFO, "a named pipe"),
     (stat.S_IFCHR, "a device"), (stat.S_IFBLK, "a device"), (stat.S_IFSOCK, "a socket")],
    ids=["regular", "folder", "fifo", "char-device", "block-device", "socket"],
)
def test_not_regular_names_what_the_entry_is(mode: int, needle: str | None) -> None:
    found = not_regular("x.txt", mode | 0o644)
    assert (found is None) if needle is None else (found is not None and needle in found.message)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX symlinks and FIFOs")
@pytest.mark.parametrize("name", YAML_FILES)
@pytest.mark.parametrize(
    ("kind", "needle"),
    [("fifo", "named pipe (FIFO)"), ("folder", "is a folder"), ("link-out", "outside the content folder")],
)
def test_load_refuses_odd_yaml_files(corpus: Make, tmp_path: Path, name: str, kind: str,
                                     needle: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    path = content / name
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    else:
        (tmp_path / "elsewhere.yml").write_text("title: x\n", encoding="utf-8")
        os.symlink(tmp_path / "elsewhere.yml", path)
    ids, problems = load(content)
    assert ids == ["good"]
    assert [(p.path, p.severity) for p in problems] == [(str(path), "error")]
    assert needle in problems[0].message


@pytest.mark.parametrize("name", YAML_FILES)
def test_load_follows_a_yaml_link_inside_the_content_folder(corpus: Make, name: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    (content / "curation").mkdir()
    (content / "curation" / name).write_text("{}\n", encoding="utf-8")
    os.symlink(Path("curation") / name, content / name)
    assert load(content) == (["good"], [])


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [("site.yml", b"title: Caf\xe9 news\n", 1),
     ("sources.yml", b"good:\n  outlet: Caf\xe9 Post\n", 2),
     ("editorial.yml", b"hide: []\n# caf\xe9 \xff\n", 2)],
)
def test_load_reads_bad_utf8_in_yaml_with_a_warning(corpus: Make, name: str, data: bytes,
                                                    line: int) -> None:
    content = corpus({"good.txt": ARTICLE})
    (content / name).write_bytes(data)
    ids, problems = load(content)
    assert ids == ["good"]
    assert [(p.path, p.line, p.severity) for p in problems] == [(str(content / name), line, "warning")]
    assert "not valid UTF-8 at column" in problems[0].message


# --- YAML nesting depth ---

NESTED = {
    "flow-list": "[" * 50_000 + "\n" + "]" * 50_000,
    "flow-map": "{a: " * 20_000 + "1\n" + "}" * 20_000,
    "block-list": "- " * 49_999 + "x",
    "block-map": "".join(" " * i + f"k{i}:\n" for i in range(1_000)) + " " * 1_000 + "v",
}


@pytest.mark.parametrize("shape", NESTED)
@pytest.mark.parametrize("where", ["front-matter", *YAML_FILES])
def test_load_refuses_deeply_nested_yaml(corpus: Make, shape: str, where: str) -> None:
    nested = NESTED[shape]
    if where == "front-matter":
        content = corpus({"a.md": f"---\n{nested}\n---\nBody.\n", "good.txt": ARTICLE})
        path, offset = content / "articles" / "a.md", 1
    else:
        content = corpus({"good.txt": ARTICLE})
        path, offset = content / where, 0
        path.write_text(nested, encoding="utf-8")
    _, problems = load(content)
    assert [(p.path, p.severity) for p in problems] == [(str(path), "error")]
    expected_line = offset + (MAX_DEPTH + 1 if shape == "block-map" else 1)
    assert problems[0].line == expected_line and "nested too deeply" in problems[0].message


@pytest.mark.parametrize(("depth", "ok"), [(MAX_DEPTH, True), (MAX_DEPTH + 1, False)])
def test_parse_yaml_bounds_the_depth_exactly(depth: int, ok: bool) -> None:
    node, problems = parse_yaml("[" * depth + "]" * depth, "x.yml")
    assert (node is not None, problems == []) == (ok, ok)


def test_parse_yaml_turns_a_recursion_error_into_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last resort, should the depth check ever miss: PyYAML composes recursively."""
    monkeypatch.setattr(yamlio, "_too_deep", lambda text: None)
    node, problems = parse_yaml("- " * 50_000 + "x", "x.yml")
    assert node is None and "nested too deeply" in problems[0].message


# --- Decoding ---

CAFE = "Café news\n\nThe mayor said the café would reopen on Monday.\n"


@pytest.mark.parametrize(
    ("data", "text", "needles"),
    [
        (CAFE.encode().replace(b"reopen", b"re\xffopen"), "re\ufffdopen", ["line 3", "column 33", "1 bad"]),
        (CAFE.encode() + b"\x80\x81\xfe\n", "\ufffd\ufffd\ufffd", ["line 4", "column 1", "3 bad"]),
        ("Café costs € 5\n\nBody.\n".encode("cp1252"), "Café costs € 5", ["line 1", "cp1252"]),
        (b"Cafe news\n\nThe caf\xe9 reopens.\n", "The café reopens", ["line 3", "cp1252"]),
        (CAFE.encode("utf-32"), CAFE, []),
        (codecs.BOM_UTF32_BE + CAFE.encode("utf-32-be"), CAFE, []),
        (CAFE.encode("utf-16-le"), CAFE, ["UTF-16-LE"]),
        (CAFE.encode("utf-16-be"), CAFE, ["UTF-16-BE"]),
        (CAFE.encode("utf-32-le"), CAFE, ["UTF-32-LE"]),
        (CAFE.encode("utf-32-be"), CAFE, ["UTF-32-BE"]),
        ("Новости\n\nМэр сказал, что кафе откроется.\n".encode("utf-16-le"), "Мэр", ["UTF-16-LE"]),
        ("新闻标题\n\n市长说咖啡馆将在周一重新开业。\n".encode("utf-16-be"), "市长", ["UTF-16-BE"]),
    ],
    ids=["utf8-one-bad-byte", "utf8-three-bad-bytes", "cp1252", "latin1-one-accent", "utf32-le-bom",
         "utf32-be-bom", "utf16-le-no-bom", "utf16-be-no-bom", "utf32-le-no-bom", "utf32-be-no-bom",
         "utf16-cyrillic-no-bom", "utf16-chinese-no-bom"],
)
def test_decode_article_keeps_utf8_and_guesses_wide_encodings(data: bytes, text: str,
                                                              needles: list[str]) -> None:
    decoded, problems = decode_article(data, "a.txt")
    assert decoded is not None and text in decoded and "\x00" not in decoded
    if not needles:
        assert problems == []
        return
    assert [p.severity for p in problems] == ["warning"]
    where = f"line {problems[0].line}, {problems[0].message}"
    assert all(n in where for n in needles), where


@pytest.mark.parametrize(
    ("data", "line", "needle"),
    [
        (b"Title\n\nbody\x00more", 3, "NUL bytes"),
        (b"Title\n\nbody text " * 10 + b"\x00\x00\x00\x00", 21, "NUL bytes"),
        (b"\n\x00" + b"ab" * 300, 2, "NUL bytes"),
        (b"\n\x00\x00\n" + b"ab" * 20, 0, "UTF-16-LE or UTF-16-BE: the encoding is ambiguous"),
        (codecs.BOM_UTF32_LE + b"\xff\xff\xff\xff", 0, "UTF-32 byte-order mark but is not UTF-32"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", 0, "UTF-16 byte-order mark but is not UTF-16"),
    ],
    ids=["stray-nul", "nul-run", "too-few-nuls-for-utf16", "ambiguous", "bad-utf32", "bad-utf16"],
)
def test_decode_article_refuses_what_it_cannot_tell(data: bytes, line: int, needle: str) -> None:
    decoded, problems = decode_article(data, "a.txt")
    assert decoded is None and len(problems) == 1
    assert problems[0].severity == "error" and problems[0].line == line and needle in problems[0].message


# --- Front-matter fences ---

@pytest.mark.parametrize(
    ("opening", "closing"),
    [("---", "---"), ("--- ", "---"), ("---\t \t", "---"), ("---", "--- "), ("---", "..."),
     ("--- ", "...\t")],
    ids=["plain", "open-space", "open-tabs", "close-space", "close-dots", "both"],
)
def test_load_front_matter_fences_may_have_trailing_blanks(corpus: Make, opening: str,
                                                           closing: str) -> None:
    text = f"{opening}\ntitle: The headline\noutlet: Daily Example\n{closing}\nBody paragraph.\n"
    loaded, problems = load_corpus(corpus({"a.md": text}))
    assert problems == []
    (article,) = loaded.articles
    assert article.title == "The headline" and article.meta.outlet == "Daily Example"
    assert article.text.strip() == "Body paragraph." and article.first_line == 5


@pytest.mark.parametrize("opening", ["---", "--- ", "---\t"])
def test_load_unclosed_front_matter_publishes_nothing(corpus: Make, opening: str) -> None:
    loaded, problems = load_corpus(corpus({"a.md": f"{opening}\ntitle: Secret\n--- x\nBody.\n"}))
    assert loaded.articles == ()
    assert [(p.line, p.severity) for p in problems] == [(1, "error")]
    assert "no closing" in problems[0].message


@pytest.mark.parametrize(("name", "first"), [("a.md", "---x"), ("a.md", " ---"), ("a.txt", "---")],
                         ids=["not-a-fence", "indented", "txt-has-no-front-matter"])
def test_load_only_a_md_fence_opens_front_matter(corpus: Make, name: str, first: str) -> None:
    loaded, problems = load_corpus(corpus({name: f"{first}\nHeadline\n\nBody text here.\n"}))
    assert problems == [] and loaded.articles[0].text.startswith(first)


# --- Bounded echo ---

def test_problem_messages_are_one_bounded_line() -> None:
    long = problem_at("a.txt", 1, "x" * 50_000)
    assert len(long.message) == MAX_MESSAGE_CHARS and long.message.endswith("\u2026")
    assert problem_at("a.txt", 1, "short").message == "short"
    shown = str(problem_at("a\x1b[2J.txt", 1, "bad \x1b[31mred\x1b[0m\nnext line"))
    assert "\x1b" not in shown and "\n" not in shown and "\\x1b[31m" in shown


@pytest.mark.parametrize(("value", "expected"), [("VG", "'VG'"), ("a\tb", "'a\\tb'"),
                                                 ("x" * 50_000, "'" + "x" * 79 + "\u2026'")])
def test_quote_escapes_and_cuts_user_values(value: str, expected: str) -> None:
    assert quote(value) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [("site.yml", "? " + "k" * 50_000 + "\n: v\n"),
     ("site.yml", "title: a\n? " + "t" * 50_000 + "\n: v\n? " + "t" * 50_000 + "\n: w\n"),
     ("sources.yml", "good:\n  url: https://example.org/" + "p" * 50_000 + " x\n"),
     ("sources.yml", "good:\n  language: " + "e" * 50_000 + "\n"),
     ("sources.yml", "i" * 50_000 + ":\n  outlet: X\n"),
     ("editorial.yml", "entities:\n  - name: X\n    kind: " + "k" * 50_000 + "\n")],
    ids=["unknown-key", "duplicate-key", "url", "language", "unknown-id", "kind"],
)
def test_load_messages_quote_at_most_80_characters_of_a_value(corpus: Make, name: str,
                                                              text: str) -> None:
    content = corpus({"good.txt": ARTICLE})
    (content / name).write_text(text, encoding="utf-8")
    _, problems = load(content)
    assert problems and all(len(p.message) <= MAX_MESSAGE_CHARS for p in problems)
    assert all(max(map(len, p.message.split("'"))) <= 80 for p in problems), problems
