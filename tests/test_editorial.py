"""editorial.yml: validated with file and line, and applied to resolution."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.editorial import load_editorial
from generator.errors import ContentError
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
