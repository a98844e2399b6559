"""editorial.yml: validated with file and line, and applied to resolution."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.errors import ContentError
from generator.ingest.editorial import load_editorial
from generator.pipeline import generate

Make = Callable[..., Path]
ARTICLE = ("Dam breaks in valley\n\nThe Sela Valley Defence Front said it was not involved.\n\n"
           "Governor Mirela Danhoff said the Valley Guard had been sent to the village of Brenovo.\n\n"
           "The VG and the Front clashed near the village of Brenovo, witnesses said.\n\n"
           "The Front said Heavy rain was to blame. The Front later denied it.\n")


def editorial_problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "editorial.yml").write_text(text, encoding="utf-8")
    return [str(p) for p in load_editorial(tmp_path / "editorial.yml")[1]]


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("entites: []\n", "editorial.yml:1: error: unknown key 'entites' in editorial.yml (did you mean"),
        ("entities:\n  - name: X\n    alias: [Y]\n", "editorial.yml:3: error: unknown key 'alias'"),
        ("entities:\n  - name: X\n    kind: army\n", "editorial.yml:2: error: kind must be one of"),
        ("entities:\n  - aliases: [Y]\n", "editorial.yml:2: error: an entities entry needs a 'name'"),
        ("entities: X\n", "editorial.yml:1: error: 'entities' must be a list"),
        ("hide:\n  - {a: b}\n", "editorial.yml:2: error: 'hide' must list names"),
        ("entities:\n  - name: [x\n", "editorial.yml:3: error: YAML syntax error"),
        ("entities:\n  - name: X\n    not: {a: b}\n", "editorial.yml:3: error: 'not' must list names"),
        ("entities:\n  - name: Valley Guard\n    aliases: [VG]\n    not: [Sela Guard, vg]\n",
         "editorial.yml:4: error: 'vg' is under 'not' but the same entry also names 'VG'"),
        ("entities:\n  - name: Valley Guard\n    not:\n      - the valley guard\n",
         "editorial.yml:4: error: 'the valley guard' is under 'not' but the same entry also names"),
    ],
    ids=["top-key", "entry-key", "kind", "no-name", "not-a-list", "hide-mapping", "syntax", "not-mapping",
         "not-contradicts-alias", "not-contradicts-name"],
)
def test_editorial_reports_bad_files_with_line(tmp_path: Path, text: str, needle: str) -> None:
    found = editorial_problems(tmp_path, text)
    assert len(found) == 1 and needle in found[0], found


def test_editorial_reads_a_valid_file(tmp_path: Path) -> None:
    (tmp_path / "editorial.yml").write_text(
        "entities:\n  - name: Valley Guard\n    aliases: [VG]\n    kind: group\n    side: province\n"
        "    not: [Sela Guard]\nhide: [Heavy]\n", encoding="utf-8")
    editorial, problems = load_editorial(tmp_path / "editorial.yml")
    assert problems == []
    (entry,) = editorial.entities
    assert (entry.name, entry.aliases, entry.kind, entry.side, entry.line, entry.apart) == (
        "Valley Guard", ("VG",), "group", "province", 2, (("Sela Guard", 6),))
    assert editorial.hide == (("Heavy", 7),)


def test_editorial_merges_sets_kind_and_hides(corpus: Make) -> None:
    content = corpus({"a.txt": ARTICLE},
                     editorial="entities:\n  - name: Valley Guard\n    aliases: [VG]\n    kind: group\n"
                               "    side: the province\nhide: [Brenovo]\n")
    entities = {e.name: e for e in generate(content).site.entities}
    assert entities["Valley Guard"].aliases == ("VG",)
    assert entities["Valley Guard"].kind == "group" and entities["Valley Guard"].side == "the province"
    assert "Brenovo" not in entities


def test_editorial_without_it_the_text_decides(corpus: Make) -> None:
    entities = {e.name: e for e in generate(corpus({"a.txt": ARTICLE})).site.entities}
    assert "Brenovo" in entities and "Valley Guard" in entities
    assert entities["Valley Guard"].side is None


def test_editorial_unknown_name_is_an_error_with_a_suggestion(corpus: Make,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    content = corpus({"a.txt": ARTICLE}, editorial="entities:\n  - name: Valley Gaurd\nhide: [Nowhere]\n")
    with pytest.raises(ContentError) as err:
        generate(content)
    messages = [str(p) for p in err.value.problems]
    assert any("editorial.yml:2: error: no source names 'Valley Gaurd' (did you mean 'Valley Guard'?)"
               in m for m in messages)
    assert any("editorial.yml:3: error: no source names 'Nowhere'" in m for m in messages)
    assert main(["check", "--content", str(content)]) == 1
    assert "Valley Gaurd" in capsys.readouterr().err


def test_editorial_not_splits_a_merge_the_rules_made(corpus: Make) -> None:
    merged = {e.name: e for e in generate(corpus({"a.txt": ARTICLE})).site.entities}
    assert "VG" in merged["Valley Guard"].aliases
    content = corpus({"a.txt": ARTICLE}, editorial="entities:\n  - name: Valley Guard\n    not: [VG]\n")
    entities = {e.name: e for e in generate(content).site.entities}
    assert "VG" not in entities["Valley Guard"].aliases


def test_editorial_not_of_an_unknown_name_is_an_error(corpus: Make,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    content = corpus({"a.txt": ARTICLE}, editorial="entities:\n  - name: Valley Guard\n    not: [GV]\n")
    assert main(["check", "--content", str(content)]) == 1
    assert "editorial.yml:3: error: no source names 'GV'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("entities:\n  - name: Valley Guard\n  - name: Valley Guard\n",
         ["editorial.yml:3: error: the name 'Valley Guard' is already the name of the entry at line 2"]),
        ("entities:\n  - name: Valley Guard\n  - name: valley  GUARD\n",
         ["editorial.yml:3: error: the name 'valley  GUARD' is already the name of the entry at line 2"]),
        ("entities:\n  - name: Valley Guard\n    aliases: [VG]\n  - name: Sela Guard\n"
         "    aliases:\n      - Guard\n      - vg\n",
         ["editorial.yml:7: error: the alias 'vg' of 'Sela Guard' is already an alias of 'Valley Guard' "
          "(line 3)"]),
        ("entities:\n  - name: Valley Guard\n  - name: Sela Guard\n    aliases: [the valley guard]\n",
         ["editorial.yml:4: error: the alias 'the valley guard' of 'Sela Guard' is already the name of "
          "the entry at line 2"]),
        ("entities:\n  - name: Sela Guard\n    aliases: [Valley Guard]\n  - name: Valley Guard\n",
         ["editorial.yml:4: error: the name 'Valley Guard' is already an alias of 'Sela Guard' (line 3)"]),
        ("entities:\n  - name: A\n  - name: A\n  - name: B\n    aliases: [A]\n",
         ["editorial.yml:3: error: the name 'A' is already the name of the entry at line 2",
          "editorial.yml:5: error: the alias 'A' of 'B' is already the name of the entry at line 2"]),
    ],
    ids=["same-name", "same-name-case-and-space", "alias-in-two-entries", "alias-is-an-earlier-name",
         "name-is-an-earlier-alias", "several"],
)
def test_editorial_one_spelling_belongs_to_one_entry(tmp_path: Path, text: str, needles: list[str]) -> None:
    found = editorial_problems(tmp_path, text)
    assert len(found) == len(needles), found
    assert all(needle in message for needle, message in zip(needles, found, strict=True)), found


@pytest.mark.parametrize(
    "text",
    [
        "entities:\n  - name: Valley Guard\n    aliases: [VG, vg, Valley Guard]\n",
        "entities:\n  - name: Valley Guard\n    aliases: [VG]\n  - name: Sela Guard\n    aliases: [SG]\n",
        "entities:\n  - name: Valley Guard\n    not: [Sela Guard]\n  - name: Sela Guard\n"
        "    not: [Valley Guard]\n",
    ],
    ids=["repeats-within-one-entry", "distinct-entries", "each-not-the-other"],
)
def test_editorial_distinct_entries_are_no_conflict(tmp_path: Path, text: str) -> None:
    assert editorial_problems(tmp_path, text) == []


def test_editorial_drops_the_conflicting_alias_and_entry(tmp_path: Path) -> None:
    (tmp_path / "editorial.yml").write_text(
        "entities:\n  - name: A\n    aliases: [X, Y]\n  - name: B\n    aliases: [X, Z]\n  - name: a\n",
        encoding="utf-8")
    editorial, problems = load_editorial(tmp_path / "editorial.yml")
    assert [(e.name, e.aliases) for e in editorial.entities] == [("A", ("X", "Y")), ("B", ("Z",))]
    assert [p.line for p in problems] == [5, 6]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX symlinks and FIFOs")
@pytest.mark.parametrize(
    ("kind", "needle"),
    [("fifo", "named pipe (FIFO), not a regular file"), ("folder", "is a folder, not a regular file"),
     ("link-out", "symbolic link to"), ("nested-flow", "nested too deeply"),
     ("nested-block", "nested too deeply")],
)
def test_editorial_odd_files_are_problems_not_tracebacks(tmp_path: Path, kind: str, needle: str) -> None:
    content = tmp_path / "content"
    content.mkdir()
    path = content / "editorial.yml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link-out":
        (tmp_path / "other.yml").write_text("hide: [X]\n", encoding="utf-8")
        os.symlink(tmp_path / "other.yml", path)
    elif kind == "nested-flow":
        path.write_text("hide: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    else:
        path.write_text("entities:\n" + "  - " * 50_000 + "x\n", encoding="utf-8")
    editorial, problems = load_editorial(path)
    assert editorial.entities == () and editorial.hide == ()
    assert len(problems) == 1 and problems[0].severity == "error" and needle in problems[0].message


def test_editorial_missing_file_is_an_empty_curation(tmp_path: Path) -> None:
    editorial, problems = load_editorial(tmp_path / "editorial.yml")
    assert problems == [] and editorial.entities == ()


def test_editorial_bad_utf8_is_a_warning_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "editorial.yml").write_bytes(b"entities:\n  - name: Valley Guard\n    side: caf\xe9\n")
    editorial, problems = load_editorial(tmp_path / "editorial.yml")
    assert [(p.line, p.severity) for p in problems] == [(3, "warning")]
    assert "column 14" in problems[0].message
    assert editorial.entities[0].side == "caf\ufffd"


def test_editorial_echoes_at_most_80_characters_of_a_name(tmp_path: Path) -> None:
    long = "N" * 50_000
    found = editorial_problems(tmp_path, f"entities:\n  - name: X\n    kind: {long}\n"
                                         f"    aliases: [{long}]\n    not: ['{long}']\n")
    assert len(found) == 2 and all(len(m) < 400 for m in found)
    assert all("N" * 81 not in m for m in found)
