"""Claims: stance, hedges, grouping into questions and their status, on invented text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.claims import HEDGE, _classes
from generator.models import Claim
from generator.pipeline import assemble

ARTICLE = "Dam failure floods the valley\n\n{}\n"


def claims(corpus: Callable[..., Path], *paragraphs: str) -> dict[str, Claim]:
    """The claims of one invented article, by question class."""
    site, problems = assemble(corpus({"a.txt": ARTICLE.format("\n\n".join(paragraphs))}))
    assert site is not None, problems
    return {c.id: c for c in site.claims}


@pytest.mark.parametrize(
    ("text", "classes"),
    [("the militia liberated the village of Orsk", {"control"}),
     ("engineers pushed back the water and repelled the fighters", {"control"}),
     ("fighters crossed the border into the valley", {"entry"}),
     ("Chisinau had nothing to do with the attacks", {"responsibility"}),
     ("the unit consists only of citizens of Moldova", {"identity"}),
     ("the raid was designed to distract attention", {"purpose"}),
     ("four people were injured", {"casualties"}),
     ("hundreds of residents were evacuated", {"evacuation"}),
     ("the court declared the front a terrorist organisation", {"designation"}),
     ("the weather was fine", set())],
    ids=["control-gain", "control-resist", "entry", "responsibility", "identity", "purpose", "casualties",
         "evacuation", "designation", "none"],
)
def test_predicate_classes(text: str, classes: set[str]) -> None:
    assert _classes(text) == classes


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [("Reporters were unable to independently verify these reports.", True),
     ("The capture has not been independently confirmed by journalists.", True),
     ("There were unconfirmed reports of a second breach.", True),
     ("The ministry confirmed the breach.", False)],
    ids=["unable-to-verify", "not-independently-confirmed", "unconfirmed-reports", "plain-confirmation"],
)
def test_hedges(sentence: str, hedged: bool) -> None:
    assert bool(HEDGE.search(sentence)) is hedged


def test_two_sides_denying_make_a_disputed_question(corpus: Callable[..., Path]) -> None:
    found = claims(corpus, "The River Brigade said it had carried out the attack on the dam.",
                   "Chisinau denied any involvement in the attack on the dam.")
    claim = found["responsibility"]
    assert claim.status == "disputed"
    assert [p.stances for p in claim.positions] == [("asserts",), ("denies",)]


def test_one_party_and_a_hedge_is_one_sided_not_fact(corpus: Callable[..., Path]) -> None:
    found = claims(corpus, "The River Brigade said it had captured the village of Orsk on Monday.",
                   "Reporters were unable to independently verify the capture of the village.")
    claim = found["control"]
    assert claim.status == "one-sided"
    assert claim.positions[-1].stances == ("unverified",)
    assert claim.positions[-1].side.startswith("Independent reporting")


def test_two_sides_reporting_the_same_entry_corroborate_it(corpus: Callable[..., Path]) -> None:
    found = claims(corpus, "The River Brigade said its fighters had crossed into the valley.",
                   "Moldovan officials confirmed that fighters had crossed into the valley.")
    assert found["entry"].status == "corroborated"


def test_gain_against_resistance_is_disputed(corpus: Callable[..., Path]) -> None:
    found = claims(corpus, "The River Brigade said it had captured the village of Orsk.",
                   "Moldovan officials said the army had repelled the fighters near Orsk.")
    assert found["control"].status == "disputed"


def test_a_lone_statement_makes_no_question(corpus: Callable[..., Path]) -> None:
    assert claims(corpus, "The River Brigade said it had captured the village of Orsk.") == {}
