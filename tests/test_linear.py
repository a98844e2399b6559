"""No text rule may be quadratic: pathological paragraphs cost time in proportion to their length.

Each shape is a paragraph that once made some stage rescan the text before or after every match
('X said that ' repeated took 38 s for 36,000 characters). The whole per-article pipeline runs on it
at n and 4n characters, best of three: the time per character at 4n may be at most 2.5 times that at
n (a quadratic step gives 4), and 100,000 characters (the longest line the loader accepts) must take
well under 20 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from generator.core.gazetteer import region_countries, towns_named
from generator.core.models import Site
from generator.ingest.clean import boilerplate_reason
from generator.pipeline import assemble, generate
from generator.resolve import entities as resolve
from generator.resolve import places

SMALL = 10_000
"""Characters of the smaller paragraph; the larger has four times as many."""
LONGEST = 99_000
"""Characters of the paragraph that must finish under CEILING (lines are capped at 100,000)."""
CEILING = 20.0
MAX_GROWTH = 2.5
"""How much the time per character may grow from n to 4n (1 is linear, 4 quadratic)."""
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
T = TypeVar("T")


def names(count: int) -> list[str]:
    """Distinct invented capitalised names ('Bakode', ...), in a fixed order."""
    found = []
    for i in range(count):
        a, b, c = i % 70, (i // 70) % 70, (i // 4900) % 70
        found.append((SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c]).capitalize())
    return found


def repeat(unit: str) -> Callable[[int], str]:
    """A paragraph of `unit` repeated to n characters."""
    return lambda n: ("Ana Ruiz spoke. " + unit * (n // len(unit) + 1))[:n].rstrip()


def varied(template: str) -> Callable[[int], str]:
    """A paragraph of `template` filled with ever new names ({a}, {b}) and numbers ({k})."""
    def build(n: int) -> str:
        pool = names(n // 8 + 2)
        parts, size = [], 0
        for i in range(n):
            part = template.format(a=pool[i % len(pool)], b=pool[(i * 7 + 1) % len(pool)], k=i % 900 + 2)
            if size + len(part) > n:
                break
            parts.append(part)
            size += len(part)
        return "".join(parts).rstrip()
    return build


def capitals(n: int) -> str:
    """Thousands of capitalised words and no full stop: one run of names."""
    return " ".join(names(n // 7 + 1))[:n].rsplit(" ", 1)[0]


SHAPES: dict[str, Callable[[int], str]] = {
    "said-that": repeat("X said that "),
    "quote-said": repeat('"a," said X. '),
    "no-full-stop": repeat("the water rose over the fields and the people "),
    "capitalised-words": capitals,
    "appositives": repeat("Ana Ruiz, a spokesman for the Water Ministry, said "),
    "according-to": repeat("according to Ana Ruiz, "),
    "unclosed-quote": repeat("“the water rose "),
    "numbers": repeat("12 people were injured, 13 "),
    "mixed": repeat('Ana Ruiz, a spokesman for the Water Ministry in Lisk, said that "12 people were '
                    'injured," according to Governor Tomas Brandt of the Valley region, who told '
                    "reporters that "),
    "verbs-only": repeat("Said "),
    "full-stops": repeat("."),
    "new-names-said": varied("{a} {b} said that "),
    "role-descriptions": varied("Governor {a} {b} spoke. The governor said the dam broke. "),
    "places": repeat("the village of Sela in the Lisk region, near Tarn, "),
    "quotes-and-figures": repeat('"Sela lost 12 homes," said Ana Ruiz. '),
    "wrapped-lines": repeat("and the governor said that\n"),
}


def site_of(tmp_path: Path, text: str) -> Site:
    """Assemble a content folder holding one article whose body is `text`; fail on any error."""
    site, problems = assemble(content(tmp_path, text))
    assert site is not None and not [p for p in problems if p.severity == "error"], problems
    return site


def content(tmp_path: Path, text: str) -> Path:
    """A fresh content folder with one article."""
    folder = tmp_path / f"content{len(list(tmp_path.iterdir()))}"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(f"Dam failure floods the valley\n\n{text}\n", encoding="utf-8")
    return folder


def best_time(tmp_path: Path, text: str, runs: int = 3) -> float:
    """The shortest of `runs` timings of the pipeline on the text."""
    folder = content(tmp_path, text)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        site, _ = assemble(folder)
        best = min(best, time.perf_counter() - start)
        assert site is not None
    return best


def assert_sane(site: Site, text: str) -> None:
    """The text is kept whole, and what the stages quote stands in it verbatim."""
    body = " ".join(p.text for a in site.articles for p in a.paragraphs)
    assert body.split() == text.split()
    quotes = [s.citation.quote for s in site.statements[:50]]
    quotes += [f.values[0].citation.quote for f in site.figures]
    assert all(q and q in body for q in quotes)


def remembered(lookup: Callable[[Iterable[str]], dict[str, T]]) -> Callable[[Iterable[str]], dict[str, T]]:
    """A gazetteer lookup that answers a set of names it was asked about before from memory."""
    answers: dict[frozenset[str], dict[str, T]] = {}

    def ask(names: Iterable[str]) -> dict[str, T]:
        wanted = frozenset(names)
        if wanted not in answers:
            answers[wanted] = lookup(wanted)
        return dict(answers[wanted])

    return ask


@pytest.fixture(scope="module", autouse=True)
def gazetteer_once() -> Iterator[None]:
    """Answer the gazetteer's table scans from memory after the first time.

    Each build reads the whole town table once, whatever its text (about 40 ms); at the smaller
    size that fixed cost would hide how the work on the text grows. The answers are the table's own.
    """
    with pytest.MonkeyPatch.context() as patch:
        towns = remembered(towns_named)
        patch.setattr(places, "towns_named", towns)
        patch.setattr(places, "region_countries", remembered(region_countries))
        patch.setattr(resolve, "towns_named", towns)
        yield


@pytest.fixture(scope="module", autouse=True)
def warm(gazetteer_once: None, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load the word lists and the gazetteer once, outside every timing."""
    site_of(tmp_path_factory.mktemp("warm"), "Governor Ana Ruiz said 12 people were hurt in Sela.")


@pytest.mark.parametrize("shape", SHAPES)
def test_time_grows_linearly(shape: str, tmp_path: Path) -> None:
    small, large = SHAPES[shape](SMALL), SHAPES[shape](4 * SMALL)
    start = time.perf_counter()
    assert_sane(site_of(tmp_path, large), large)
    first = time.perf_counter() - start  # the check's own run counts as one timing of the larger text
    per_char_small = best_time(tmp_path, small, runs=2) / len(small)
    per_char_large = min(first, best_time(tmp_path, large, runs=1)) / len(large)
    assert per_char_large <= MAX_GROWTH * per_char_small, (
        f"{shape}: {per_char_large * 1e6:.1f} µs per character at {len(large):,} characters, "
        f"{per_char_small * 1e6:.1f} at {len(small):,}")
    assert per_char_large * LONGEST < CEILING, f"{shape}: {per_char_large * 1e6:.1f} µs per character"


@pytest.mark.parametrize("shape", ["said-that", "quote-said", "mixed", "role-descriptions"])
def test_longest_paragraph_is_fast(shape: str, tmp_path: Path) -> None:
    text = SHAPES[shape](LONGEST)
    start = time.perf_counter()
    site = site_of(tmp_path, text)
    took = time.perf_counter() - start
    assert took < CEILING, f"{shape}: {took:.1f} s for {len(text):,} characters"
    assert_sane(site, text)


def test_wrapped_lines_join_into_bounded_paragraphs(tmp_path: Path) -> None:
    """Soft-wrapped lines join into paragraphs no longer than the longest line the loader accepts."""
    lines = "and the governor said that\n" * 8_000
    start = time.perf_counter()
    site = site_of(tmp_path, "Ana Ruiz spoke and\n" + lines)
    assert time.perf_counter() - start < 3 * CEILING
    assert all(len(p.text) <= 100_000 for a in site.articles for p in a.paragraphs)
    assert len(site.articles[0].paragraphs) == 3


def test_greeting_rule_does_not_backtrack() -> None:
    """A line that starts like a site greeting but runs on is read at once, not split every way."""
    line = "welcome to " + "x" * 120 + " a b c d e f"
    start = time.perf_counter()
    assert boilerplate_reason(line, check_language=False) == (None, None)
    assert boilerplate_reason("Welcome to our site!", check_language=False)[0] == "site greeting"
    assert time.perf_counter() - start < 1.0


def best_generate_time(tmp_path: Path, text: str, runs: int = 2) -> float:
    """The shortest of `runs` timings of the whole generation: pipeline, pages and their checks."""
    folder = content(tmp_path, text)
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        generate(folder)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("shape", ["said-that", "quotes-and-figures", "mixed"])
def test_whole_generation_grows_linearly(shape: str, tmp_path: Path) -> None:
    """Rendering the pages and checking every citation stay linear too (at 25,000 and 100,000
    characters: below that, the fixed cost of rendering hides a quadratic check)."""
    small, large = SHAPES[shape](LONGEST // 4), SHAPES[shape](LONGEST)
    per_char_small = best_generate_time(tmp_path, small) / len(small)
    per_char_large = best_generate_time(tmp_path, large) / len(large)
    assert per_char_large <= MAX_GROWTH * per_char_small, (
        f"{shape}: {per_char_large * 1e6:.1f} µs per character at {len(large):,} characters, "
        f"{per_char_small * 1e6:.1f} at {len(small):,}")
    assert per_char_large * LONGEST < CEILING, f"{shape}: {per_char_large * 1e6:.1f} µs per character"
