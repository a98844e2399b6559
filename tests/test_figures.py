"""Figures: numbers read from text, the measures they count, and conflicts between sources.

Every example is invented: a dam failure at Lake Orrin and a dock strike at Hallport.
"""

from __future__ import annotations

import math
import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.core.models import Article, Citation, Figure, FigureValue, Paragraph, SourceMeta
from generator.extract.figures import find_figures


def article(source: str, *texts: str) -> Article:
    """Make a cleaned article whose paragraphs are the texts, p1..pn."""
    paragraphs = tuple(Paragraph(f"p{n}", text, "text", n) for n, text in enumerate(texts, 1))
    return Article(source, source, f"{source}.txt", "Headline", paragraphs, (), SourceMeta())


def values(*texts: str) -> list[tuple[str, FigureValue]]:
    """Find the figures in one article made of the texts, as (measure, value) pairs in reading order."""
    found = [(f.measure, v) for f in find_figures([article("a", *texts)]) for v in f.values]
    return sorted(found, key=lambda pair: (int(pair[1].citation.paragraph[1:]),
                                           pair[1].citation.quote.find(pair[1].text)))


def only(text: str) -> tuple[str, FigureValue]:
    """Find the one figure in a sentence."""
    found = values(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "words", "qualifier", "low", "high"),
    [
        ("Two people were injured when the dam failed.", 2, "Two people", "", 2, 2),
        ("Twenty-one people were injured.", 21, "Twenty-one people", "", 21, 21),
        ("The spill covered 1,500 tonnes of mud.", 1500, "1,500 tonnes", "", 1500, 1500),
        ("Officials said 2.5 million people were affected.", 2.5e6, "2.5 million people", "", 2.5e6, 2.5e6),
        ("The union said two hundred and fifty dockers walked out.", 250, "two hundred and fifty dockers", "",
         250, 250),
        ("A dozen barges were damaged.", 12, "A dozen barges", "", 12, 12),
        ("Zero boats left the harbour.", 0, "Zero boats", "", 0, 0),
        ("At least eight people were injured.", 8, "At least eight people", "at least", 8, None),
        ("More than 300 dockers joined the strike.", 300, "More than 300 dockers", "more than", 300, None),
        ("Up to 40 ships were stranded.", 40, "Up to 40 ships", "up to", None, 40),
        ("About 200 dockers joined the strike.", 200, "About 200 dockers", "about", 150, 250),
        ("Nearly 1,000 homes were flooded.", 1000, "Nearly 1,000 homes", "nearly", 750, 1000),
        ("Several villages were flooded.", 3, "Several villages", "several", 3, 9),
        ("A few hours later the water rose.", 2, "A few hours", "a few", 2, 9),
        ("Dozens of homes were destroyed.", 24, "Dozens of homes", "dozens", 24, 119),
        ("Hundreds of cars queued at the bridge.", 200, "Hundreds of cars", "hundreds", 200, 999),
        ("A few hundred volunteers filled sandbags.", 200, "A few hundred volunteers", "a few hundred", 200,
         999),
        ("Tens of thousands of people fled.", 2e4, "Tens of thousands of people", "tens of thousands", 2e4,
         99999),
        ("No one was killed.", 0, "No one", "no one", 0, 0),
        ("The barge sank without casualties.", 0, "without casualties", "without", 0, 0),
        ("There were no deaths.", 0, "no deaths", "no", 0, 0),
        ("The strike has lasted just over a year.", 1, "just over a year", "just over", 1, None),
        ("Repairs will cost $5m.", 5e6, "$5m", "", 5e6, 5e6),
        ("The port lost 1.5bn euros.", 1.5e9, "1.5bn euros", "", 1.5e9, 1.5e9),
        ("Traffic fell 7.5% in May.", 7.5, "7.5%", "", 7.5, 7.5),
    ],
)
def test_figures_read_numbers(text: str, value: float, words: str, qualifier: str,
                              low: float | None, high: float | None) -> None:
    _, v = only(text)
    assert (v.value, v.text, v.qualifier, v.low, v.high) == (value, words, qualifier, low, high)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Two people were injured when the dam failed.", "people injured"),
        ("Eight people were reportedly wounded.", "people injured"),
        ("Rescuers evacuated 300 residents from the valley.", "residents evacuated"),
        ("The wave killed at least 12 people.", "people killed"),
        ("Police detained five protesters.", "protesters detained"),
        ("Three injured miners were taken to hospital.", "miners injured"),
        ("Four drones were shot down.", "drones shot down"),
        ("The flood left 3 dead.", "people killed"),
        ("There were 14 deaths.", "people killed"),
        ("One person was killed.", "people killed"),
        ("Eight were hurt.", "people injured"),
        ("None of the passengers were hurt.", "passengers injured"),
        ("The rebels announced the liberation of two towns.", "towns liberated"),
        ("The crew posted a video of five of their boats.", "boats"),
        ("Four Hallport tugboats, the largest, stood by.", "tugboats"),
        ("The water rose 5 metres in the night.", "metres"),
        ("The flood has lasted for 11 days.", "days"),
    ],
)
def test_figures_measure(text: str, measure: str) -> None:
    assert only(text)[0] == measure


@pytest.mark.parametrize(
    "text",
    [
        "The dam was built in 1999 and repaired in February 2022.",
        "The inquiry opened on 12 May at 10:30 and closed at 5 pm.",
        "A Mi-8 helicopter and an F-16 flew over the dam.",
        "The engineer is 45 years old.",
        "The 25-year-old keeper won 6-3 6-4.",
        "Channel 4 and Formula One covered the failure.",
        "One of the guards said the gates were open.",
        "The town will one day be rebuilt.",
        "It was the 2nd breach since the 1990s.",
        "Compare items • Total (0)",
        "On several occasions the crew complained.",
        "None of the sirens worked.",
        "The reading was 1e308 on the gauge.",
        "The gauge read ²³⁴⁵ two.",
    ],
)
def test_figures_skip(text: str) -> None:
    assert values(text) == []


def figure_of(*sources: tuple[str, ...]) -> tuple[Figure, ...]:
    """Find the figures of several one-article sources s0, s1, ..."""
    return find_figures([article(f"s{n}", *texts) for n, texts in enumerate(sources)])


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Two people were injured.", "Eight people were injured.", True),
        ("Eight people were injured.", "At least eight people were injured.", False),
        ("Eight people were injured.", "About ten people were injured.", False),
        ("Eight people were injured.", "Several people were injured.", False),
        ("Up to five people were injured.", "At least eight people were injured.", True),
        ("No one was injured.", "Two people were injured.", True),
        ("The barge sank without casualties.", "The barge sank without casualties.", False),
        ("The repair took two hours.", "The repair took five hours.", False),
        ("Orrin is a town of about 9,000 people.", "Police questioned three people.", False),
        ("Twelve casualties were reported.", "The barge sank without casualties.", True),
    ],
)
def test_figures_conflict(first: str, second: str, conflict: bool) -> None:
    figures = figure_of((first,), (second,))
    assert len(figures) == 1
    assert figures[0].conflict is conflict
    assert [v.citation.source for v in figures[0].values] == ["s0", "s1"]


def test_figures_one_source_never_conflicts_with_itself() -> None:
    (figure,) = figure_of(("Two people were injured.", "Eight people were injured."))
    assert not figure.conflict


def test_figures_totals_are_their_own_measure() -> None:
    figures = figure_of(("Two people were killed on Monday.",),
                        ("Since the drought began, 400 people have been killed.",))
    assert [(f.measure, f.scope, f.conflict) for f in figures] == [
        ("people killed", "", False), ("people killed", "cumulative", False)]
    assert [f.id for f in figures] == ["people-killed", "people-killed-cumulative"]


def test_figures_cite_the_sentence_and_ask_for_the_claimant() -> None:
    seen: list[Citation] = []

    def claimant(citation: Citation) -> str | None:
        seen.append(citation)
        return "harbour-master"

    text = "The gates failed at night. At least eight people were injured, the harbour master said."
    (figure,) = find_figures([article("s0", text)], claimant)
    (value,) = figure.values
    quote = "At least eight people were injured, the harbour master said."
    assert value.citation == Citation("s0", "p1", quote)
    assert value.claimant == "harbour-master" and seen == [value.citation]


def test_figures_long_sentence_is_cut_to_the_clause() -> None:
    text = "The dam, " + "which had been patched many times, " * 12 + "failed; two people were hurt."
    _, value = only(text)
    assert value.citation.quote == "two people were hurt."


def test_figures_order_and_determinism() -> None:
    later = article("s1", *["Nothing here."] * 9, "Two people were injured.", "Four people were injured.")
    earlier = article("s0", "Eight people were injured.", "The port closed for three days.")
    once = find_figures([later, earlier])
    assert once == find_figures([earlier, later])
    assert [f.id for f in once] == ["days", "people-injured"]
    assert [(v.citation.source, v.citation.paragraph) for v in once[1].values] == [
        ("s0", "p1"), ("s1", "p10"), ("s1", "p11")]


HOSTILE = {
    "digits": "9" * 100_000,
    "commas": "1," * 50_000,
    "exponent": "1e308 " * 16_000,
    "scales": "nine trillion " * 8_000,
    "vague": "a few hundred of thousands of millions of " * 3_000,
    "figures": "eight people were injured " * 4_000,
    "money": "$" * 50_000 + "5m" * 10_000,
    "noise": "".join(random.Random(7).choice("0123456789 ,.-abc$%£") for _ in range(100_000)),
    "digit forms": "٣٤٥ two ²³⁴⁵ 𝟠 ½ people " * 4_000,
}


def check_values(figures: tuple[Figure, ...], text: str) -> None:
    """Assert every value is finite and quoted verbatim from a short stretch of the text."""
    for value in (v for f in figures for v in f.values):
        numbers = [value.value, *(x for x in (value.low, value.high) if x is not None)]
        assert all(math.isfinite(x) for x in numbers)
        assert value.citation.quote in text and len(value.citation.quote) <= 400
        assert value.text in value.citation.quote


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_figures_hostile_text(name: str) -> None:
    text = HOSTILE[name]
    began = time.perf_counter()
    figures = find_figures([article("h", text)])
    assert time.perf_counter() - began < 10
    check_values(figures, text)


PIECES = [*"0123456789,.-$%£ ²٣½", "one", "two", "dozen", "hundreds", "of", "a", "few", "at least", "people",
          "were", "killed", "million", "no", "without", "casualties", "over", "year", "Mi", "May", ". "]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join) | st.text(max_size=200))
def test_figures_never_fail(text: str) -> None:
    check_values(find_figures([article("r", text)]), text)
