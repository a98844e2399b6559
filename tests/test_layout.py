"""The package's layout reads as the pipeline: each stage imports only the core and lower stages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "generator"
ORDER = ("core", "ingest", "extract", "resolve", "analyze", "site")
"""The stages from the bottom up; the entry points (cli, pipeline, mkdocs_hooks) sit above them all."""
ENTRY_POINTS = frozenset({"__init__", "__main__", "cli", "pipeline", "mkdocs_hooks"})


def imported_stages(path: Path) -> set[str]:
    """The generator sub-packages one module imports, whatever the import's spelling."""
    own = path.relative_to(PACKAGE).parts
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(own[:-1])[: len(own) - node.level]
                parts = [*base, *(node.module or "").split(".")]
            elif node.module and node.module.split(".")[0] == "generator":
                parts = node.module.split(".")[1:]
            else:
                continue
            names = [a.name for a in node.names]
            found.update(p for p in [parts[0] if parts and parts[0] else None, *names] if p in ORDER)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "generator" and len(parts) > 1:
                    found.add(parts[1])
    return found & set(ORDER)


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "data")
"""The package's modules; generator/data/ holds data files and the scripts run by hand that made them."""


def test_every_module_is_an_entry_point_or_in_a_stage() -> None:
    for path in MODULES:
        parts = path.relative_to(PACKAGE).parts
        entry_point = len(parts) == 1 and path.stem in ENTRY_POINTS
        assert entry_point or (len(parts) == 2 and parts[0] in ORDER), path


@pytest.mark.parametrize("path", [p for p in MODULES if p.parent != PACKAGE], ids=lambda p: p.stem)
def test_a_stage_imports_only_the_core_and_lower_stages(path: Path) -> None:
    stage = path.parent.name
    allowed = set(ORDER[: ORDER.index(stage) + 1]) if stage != "core" else {"core"}
    wrong = imported_stages(path) - allowed
    assert not wrong, f"{path.relative_to(ROOT)} imports the higher stage(s) {sorted(wrong)}"


@pytest.mark.parametrize(
    ("source", "stages"),
    [("from ..core.models import Site\n", {"core"}), ("from ..site import render\n", {"site"}),
     ("from generator.analyze.claims import find_claims\n", {"analyze"}),
     ("import generator.site.build\n", {"site"}), ("from .models import Site\n", {"ingest"}),
     ("import re\n", set())],
)
def test_the_layout_check_reads_every_spelling_of_an_import(
        tmp_path: Path, source: str, stages: set[str], monkeypatch: pytest.MonkeyPatch) -> None:
    module = tmp_path / "generator" / "ingest" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text(source, encoding="utf-8")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", tmp_path / "generator")
    assert imported_stages(module) == stages
