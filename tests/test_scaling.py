"""No stage may grow as the square of the corpus: the invented one-event corpus of bench/synthetic.py
at N and 4N articles, each stage's time per article compared (bench/scaling.py; `make bench` runs it
at 1,000 and 4,000 with a 1.5x bound). Here, at a size the suite can afford, a looser bound still
catches a quadratic step, which grows 4x."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import scaling  # type: ignore[import-not-found, unused-ignore]
import synthetic  # type: ignore[import-not-found, unused-ignore]

SMALL, LARGE = 150, 600
MAX_GROWTH = 2.0


def test_every_stage_grows_linearly() -> None:
    rows = scaling.growth(SMALL, LARGE)
    judged = {stage: g for stage, _, _, g in rows if g is not None}
    assert {"claims", "render"} <= judged.keys(), rows
    assert all(g <= MAX_GROWTH for g in judged.values()), rows


def test_the_invented_corpus_is_one_story_told_many_times() -> None:
    texts = synthetic.articles(40)
    assert len(texts) == 40 and len(set(texts)) == 40
    assert synthetic.articles(40) == texts
    assert all("denied" in t and "homes" in t for t in texts)
