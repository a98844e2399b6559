"""The mini corpus generates exactly the committed golden pages (regenerate: make golden)."""

from __future__ import annotations

from generator.core.models import Generated

from .golden import GOLDEN


def test_golden_pages_match(mini_generated: Generated) -> None:
    produced = {page.path: page.content for page in mini_generated.pages}
    committed = {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
                 for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(produced) == sorted(committed), "page set changed: run `make golden`"
    for path, content in produced.items():
        assert content == committed[path], f"{path} differs from its golden copy: run `make golden`"
