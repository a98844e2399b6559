"""A site title derived from the corpus when site.yml gives none (invented events only)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pipeline import assemble

BODY = ("The Korlan Water Board said on Monday that the Tarn reservoir was safe. "
        "Residents of Tarn said the Korlan Water Board had not warned them.\n\n"
        "The Korlan Water Board added that tests would go on in Tarn.\n")


def title_of(make: Callable[..., Path], headlines: list[str], **extra: str) -> tuple[str, str]:
    site, problems = assemble(make({f"a{i}.txt": f"{h}\n\n{BODY}" for i, h in enumerate(headlines)},
                                   **extra))
    assert site is not None, problems
    return site.config.title, site.config.title_from


@pytest.mark.parametrize(("headlines", "noun"), [
    (["Quake shakes Tarn", "Earthquake leaves Tarn without water", "Dam holds after tremor"],
     "Earthquake"),
    (["Board chief indicted over reservoir", "Indictment names board chief", "Tarn waits"],
     "Indictment"),
    (["Protesters march on Tarn board", "Tarn protest grows", "Board answers critics"], "Protest"),
    # The more specific noun wins over a general one that more headlines use.
    (["Fire at Tarn dam after explosion", "Fire spreads", "Fire out"], "Explosion"),
])
def test_site_title_names_what_happened(corpus: Callable[..., Path], headlines: list[str],
                                        noun: str) -> None:
    title, source = title_of(corpus, headlines)
    assert source == "derived"
    assert title.startswith(f"{noun}: ")
    assert "Korlan Water Board" in title and "Tarn" in title


@pytest.mark.parametrize("headlines", [
    ["Board answers critics", "Tarn waits for news", "A long week in Tarn"],  # no event noun
    ["Quake shakes Tarn", "Board answers critics", "Tarn waits", "Residents wait"],  # 1 of 4
])
def test_site_title_without_a_common_event_noun_lists_only_names(
        corpus: Callable[..., Path], headlines: list[str]) -> None:
    title, source = title_of(corpus, headlines)
    assert source == "derived" and ":" not in title
    assert title == "Korlan Water Board, Tarn"


def test_site_title_from_site_yml_wins(corpus: Callable[..., Path]) -> None:
    title, source = title_of(corpus, ["Quake shakes Tarn"], site="title: My own title\n")
    assert (title, source) == ("My own title", "site.yml")


def test_site_title_names_only_what_half_of_the_sources_name(corpus: Callable[..., Path]) -> None:
    site, _ = assemble(corpus({
        "a.txt": f"Quake shakes Tarn\n\n{BODY}",
        "b.txt": "Earthquake felt far away\n\nThe Lisk Mountain Observatory said it recorded the "
                 "earthquake. The Lisk Mountain Observatory said more tremors could come.\n",
        "c.txt": "Earthquake damage counted\n\nCrews counted damaged houses on Tuesday, the "
                 "Brenn Relief Group said. The Brenn Relief Group sent tents.\n",
    }))
    assert site is not None
    assert site.config.title == "Earthquake"


def test_site_title_derived_is_said_on_the_home_page(corpus: Callable[..., Path]) -> None:
    from generator.pipeline import generate

    content = corpus({f"a{i}.txt": f"Quake shakes Tarn, day {i}\n\n{BODY}" for i in range(2)})
    page = next(p for p in generate(content).pages if p.path == "index.md").content.decode()
    home = page.split("\n---\n\n", 1)[-1]
    assert home.startswith("# Earthquake: Korlan Water Board, Tarn\n")
    assert "This title was derived from the sources" in home and "site.yml" in home
