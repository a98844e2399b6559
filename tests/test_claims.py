"""Claims in any kind of story: signals, camps, grouping into questions, status and naming, on invented text.

The stories are invented: a product recall, a strike, an election dispute, a stadium collapse.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyze.claims import INDEPENDENT, camp_of, find_claims
from generator.analyze.claims_editorial import apply_claim_edits
from generator.analyze.claims_positions import POOL, Candidate, Lookup
from generator.analyze.claims_questions import Question, event_word, topic
from generator.analyze.claims_signals import (
    ACCUSATION,
    DENIAL,
    HEDGE,
    ask_clause,
    denied_clause,
    event_like,
    families,
    hedge_question,
    key_terms,
    reported_question,
    signalled,
    stance,
)
from generator.core.models import (
    Article,
    Citation,
    Claim,
    Entity,
    Figure,
    FigureValue,
    Mention,
    Paragraph,
    Position,
    SourceMeta,
    Statement,
)
from generator.ingest.editorial import load_editorial

# ----------------------------------------------------------------------------- helpers


def article(source: str, *paragraphs: str, outlet: str = "The Courier") -> Article:
    """An invented cleaned article."""
    kept = tuple(Paragraph(f"p{i}", text, "text", i) for i, text in enumerate(paragraphs, 1))
    return Article(source, source, f"{source}.txt", "Headline", kept, (), SourceMeta(outlet=outlet))


def entity(eid: str, name: str, kind: str, articles: list[Article], role: str | None = None,
           side: str | None = None) -> Entity:
    """An entity with a mention wherever its name is written."""
    mentions = tuple(Mention(a.id, p.id, p.text.find(name), name)
                     for a in articles for p in a.paragraphs if name in p.text)
    return Entity(eid, kind, name, (), role, side, mentions, speaks=True)


def said(sid: str, speaker: Entity | None, art: Article, pid: str, words: str, verb: str = "said",
         speaker_text: str = "") -> Statement:
    """A paraphrase of a speaker, cited in one paragraph."""
    assert words in art.paragraph(pid).text
    return Statement(sid, speaker.id if speaker else None, speaker_text or (speaker.name if speaker else ""),
                     "paraphrase", words, False, Citation(art.id, pid, words), verb=verb)


def by_key(claims: tuple[Claim, ...]) -> dict[str, Claim]:
    return {c.id: c for c in claims}


# ----------------------------------------------------------------------------- signals


@pytest.mark.parametrize(
    ("text", "denies"),
    [("The carmaker denied that the brakes were faulty.", True),
     ("The union rejected claims that the strike was illegal.", True),
     ("The governor dismissed the recount as a stunt.", True),
     ("The club called the engineers' report false.", True),
     ("The mayor called the allegations baseless and politically driven.", True),
     ("Officials disputed the account of the collapse.", True),
     ("The video contradicted the police account.", True),
     ("There is no evidence that the ballots were tampered with.", True),
     ("The company said it had nothing to do with the fire.", True),
     ("The carmaker recalled 40,000 vehicles on Monday.", False),
     ("The union said the strike would continue.", False),
     ("The stand was rebuilt in 2019.", False)],
    ids=["denied", "rejected-claims", "dismissed-as", "called-false", "called-baseless", "disputed",
         "contradicted",
         "no-evidence", "nothing-to-do-with", "plain-recall", "plain-strike", "plain-history"],
)
def test_denial_signal(text: str, denies: bool) -> None:
    assert bool(DENIAL.search(text)) is denies


@pytest.mark.parametrize(
    ("text", "accuses"),
    [("The union accused the board of lying.", True),
     ("Prosecutors alleged that the count was rigged.", True),
     ("The campaign claimed victory in three districts.", True),
     ("Residents blamed the club for the collapse.", True),
     ("The board met on Tuesday.", False)],
    ids=["accused", "alleged", "claimed", "blamed", "plain"],
)
def test_accusation_signal(text: str, accuses: bool) -> None:
    assert bool(ACCUSATION.search(text)) is accuses


@pytest.mark.parametrize(
    ("sentence", "hedged"),
    [("Reporters were unable to independently verify these reports.", True),
     ("The figure could not be independently verified.", True),
     ("The recall has not been independently confirmed.", True),
     ("There were unconfirmed reports of a second collapse.", True),
     ("It was not clear how many ballots were affected.", True),
     ("The ministry confirmed the recall.", False),
     ("The strike is clearly over.", False)],
    ids=["unable-to-verify", "could-not-be-verified", "not-independently-confirmed", "unconfirmed",
         "not-clear", "plain-confirmation", "clearly"],
)
def test_hedge_signal(sentence: str, hedged: bool) -> None:
    assert bool(HEDGE.search(sentence)) is hedged


@pytest.mark.parametrize(
    ("words", "verb", "expected"),
    [("the brakes were not faulty", "denied", "denies"),
     ("the count was rigged", "claimed", "asserts"),
     ("the stand had been inspected", "confirmed", "confirms"),
     ("the number could not be independently verified", "", "unverified"),
     ("there is no evidence that the ballots were altered", "said", "denies")],
    ids=["denied-verb", "claimed", "confirmed", "hedge", "no-evidence"],
)
def test_stance(words: str, verb: str, expected: str) -> None:
    assert stance(words, verb) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [("the count was rigged", "claimed", True),
     ("the strike was illegal", "denied", True),
     ("the stadium opened in 1990", "said", False)],
    ids=["accusation-verb", "denial-verb", "plain"],
)
def test_signalled(text: str, verb: str, expected: bool) -> None:
    assert signalled(text, verb) is expected


@pytest.mark.parametrize(
    ("text", "family"),
    [("the collapse was caused by a cracked beam", "cause"),          # stadium collapse
     ("the club is responsible for the deaths", "blame"),
     ("the recall is linked to a supplier in the north", "link"),     # product recall
     ("the cars are safe to drive", "safe"),
     ("the strike was illegal under the contract", "lawful"),         # strike
     ("the company will pay back the lost wages", "pay"),
     ("the board described the walkout as a riot", "name"),
     ("the count was politically motivated", "lawful"),               # election dispute
     ("the party plans to challenge the result in court", "next"),
     ("the stand collapse killed 12 fans", "harm"),
     ("the aim of the recount was to delay the result", "purpose"),
     ("the manager knew about the cracks", "knew")],
    ids=["cause", "blame", "link", "safe", "lawful", "pay", "name", "motive", "next", "harm", "purpose",
         "knew"],
)
def test_families(text: str, family: str) -> None:
    assert family in families(text)


@pytest.mark.parametrize("text", ["the stadium opened in 1990", "the union met on Tuesday afternoon"],
                         ids=["history", "meeting"])
def test_no_family(text: str) -> None:
    assert families(text) == frozenset()


def test_key_terms_fold_endings_and_drop_signal_words() -> None:
    terms = key_terms("The union denied that the ballots were rigged")
    assert "ballot" in terms and "rigg" in terms
    assert not any(t.startswith("den") for t in terms)


# ----------------------------------------------------------------------------- camps


def test_camp_is_the_side_then_the_group_a_role_names_then_the_entity() -> None:
    a = article("a", "Motorworks recalled cars. Jo Park, a spokesman for Motorworks, spoke. Lee Ames spoke.")
    company = entity("motorworks", "Motorworks", "group", [a])
    spokesman = entity("jo-park", "Jo Park", "person", [a], role="spokesman for Motorworks")
    sided = entity("lee-ames", "Lee Ames", "person", [a], side="Union of Drivers")
    names = {e.id: e for e in (company, spokesman, sided)}
    assert camp_of(spokesman, names) == "Motorworks"
    assert camp_of(sided, names) == "Union of Drivers"
    assert camp_of(company, names) == "Motorworks"


@pytest.mark.parametrize(
    ("words", "camp"),
    [("police", "police"), ("the prosecutors", "prosecutors"), ("Mr Grey", None), ("2005 entry", None),
     ("", None)],
    ids=["police", "prosecutors", "a-name", "digits", "nothing"],
)
def test_camp_of_an_unnamed_speaker_is_a_plain_description(words: str, camp: str | None) -> None:
    assert camp_of(None, {}, words) == camp


# ----------------------------------------------------------------------------- grouping, status, naming


def recall_story() -> tuple[list[Article], list[Entity], list[Statement]]:
    """Two camps on whether the recalled brakes are safe, and an unrelated line."""
    a = article("a", "Motorworks said the braking system was safe and met every standard.",
                "The stadium cafe reopened on Friday.")
    b = article("b", "The Drivers Union claimed the braking system was dangerous and had failed twice.",
                "Reporters could not independently verify that the braking system had failed twice.",
                outlet="The Ledger")
    company = entity("motorworks", "Motorworks", "group", [a, b])
    union = entity("drivers-union", "Drivers Union", "group", [a, b])
    statements = [
        said("s1", company, a, "p1", "the braking system was safe and met every standard"),
        said("s2", union, b, "p1", "the braking system was dangerous and had failed twice", verb="claimed"),
        said("s3", None, a, "p2", "The stadium cafe reopened on Friday.", speaker_text="staff"),
    ]
    return [a, b], [company, union], statements


def test_two_camps_on_one_matter_make_a_disputed_question_with_the_hedge_as_independent_reporting() -> None:
    articles, entities, statements = recall_story()
    claims = by_key(find_claims(articles, entities, statements))
    claim = claims["safe"]
    assert claim.status == "disputed"
    sides = [p.side for p in claim.positions]
    assert sides[:2] == ["Drivers Union", "Motorworks"]
    assert sides[2].startswith(INDEPENDENT)
    assert claim.positions[2].stances == ("unverified",)
    assert all("cafe" not in c.quote for p in claim.positions for c in p.citations)


def test_a_question_is_named_with_a_general_form() -> None:
    articles, entities, statements = recall_story()
    claim = by_key(find_claims(articles, entities, statements))["safe"]
    assert claim.topic == "How serious is the danger?"


def test_a_denial_makes_a_question_with_what_it_denies() -> None:
    a = article("a", "The Harbour Party said the ballots in the east district were counted twice.",
                "The Electoral Board denied that the ballots in the east district were counted twice.")
    party = entity("harbour-party", "Harbour Party", "group", [a])
    board = entity("electoral-board", "Electoral Board", "group", [a])
    statements = [said("s1", party, a, "p1", "the ballots in the east district were counted twice"),
                  said("s2", board, a, "p2", "the ballots in the east district were counted twice",
                       verb="denied")]
    (claim,) = find_claims([a], [party, board], statements)
    assert claim.id == "dispute" and claim.status == "disputed"
    assert {p.side: p.stances for p in claim.positions} == {"Electoral Board": ("denies",),
                                                            "Harbour Party": ("asserts",)}


def test_one_camp_alone_with_no_sign_of_disagreement_makes_no_question() -> None:
    a = article("a", "The Steelworkers said the strike would cost the plant its biggest order.",
                "The Steelworkers said the plant would pay the lost wages.")
    union = entity("steelworkers", "Steelworkers", "group", [a])
    statements = [said("s1", union, a, "p1", "the strike would cost the plant its biggest order"),
                  said("s2", union, a, "p2", "the plant would pay the lost wages")]
    assert find_claims([a], [union], statements) == ()


def test_camps_that_speak_of_different_matters_make_no_question() -> None:
    a = article("a", "The club said the north stand collapsed because of a cracked beam.",
                "The city claimed that parking fees would rise in spring.")
    club = entity("club", "Rovers", "group", [a])
    city = entity("city", "City Hall", "group", [a])
    statements = [said("s1", club, a, "p1", "the north stand collapsed because of a cracked beam"),
                  said("s2", city, a, "p2", "parking fees would rise in spring", verb="claimed")]
    assert find_claims([a], [club, city], statements) == ()


def test_a_figure_the_sources_disagree_on_is_a_disputed_how_many_question() -> None:
    a = article("a", "Twelve fans were injured when the stand fell.")
    b = article("b", "At least thirty fans were injured, the club said.", outlet="The Ledger")
    values = (FigureValue(12, "Twelve fans", None, Citation("a", "p1", "Twelve fans were injured")),
              FigureValue(30, "At least thirty fans", None, Citation("b", "p1",
                                                                     "At least thirty fans were injured")))
    figure = Figure("fans-injured", "fans injured", True, values)
    (claim,) = find_claims([a, b], [], [], [figure])
    assert claim.topic == "How many fans injured?" and claim.status == "disputed"
    assert [p.side for p in claim.positions] == ["Figure: 12", "Figure: 30"]


def test_figures_that_agree_make_no_question() -> None:
    a = article("a", "Twelve fans were injured.")
    values = (FigureValue(12, "Twelve fans", None, Citation("a", "p1", "Twelve fans were injured")),)
    assert find_claims([a], [], [], [Figure("f", "fans injured", False, values)]) == ()


def test_a_denial_pointing_back_answers_the_paragraph_before_it() -> None:
    a = article("a",
                "Staff told the Gazette that the chief engineer was stepping down over the leak.",
                "But Mara Voss, the chief engineer, pushed back against the report.")
    engineer = entity("mara-voss", "Mara Voss", "person", [a])
    (claim,) = find_claims([a], [engineer], [])
    assert claim.status == "disputed"
    quotes = [c.quote for p in claim.positions for c in p.citations]
    assert any("stepping down" in q for q in quotes) and any("pushed back" in q for q in quotes)
    assert claim.topic == "What is true about Mara Voss?"


def test_according_to_gives_the_account_to_the_party_named_after_it() -> None:
    a = article("a",
                "The strike will close the container terminal until spring, according to the Dockers Guild.",
                "The Port Authority denied that the strike will close the container terminal.")
    guild = entity("dockers-guild", "Dockers Guild", "group", [a])
    port = entity("port-authority", "Port Authority", "group", [a])
    (claim,) = find_claims([a], [guild, port], [])
    assert {p.side: p.stances for p in claim.positions} == {"Dockers Guild": ("asserts",),
                                                            "Port Authority": ("denies",)}
    assert claim.topic == "Is it true that the strike will close the container terminal?"


# ----------------------------------------------------------------------------- naming


@pytest.mark.parametrize(
    ("words", "verb", "clause"),
    [("the ballots were counted twice", "denied", "the ballots were counted twice"),
     ("The club denied that the stand had failed an inspection.", "", "the stand had failed an inspection"),
     ("The firm rejected claims that its brakes were faulty.", "", "its brakes were faulty"),
     ("any involvement in the fire", "denied", None),
     ("The union denied the report.", "", None)],
    ids=["paraphrase", "that-clause", "rejected-claims-that", "noun-phrase", "no-clause"],
)
def test_denied_clause(words: str, verb: str, clause: str | None) -> None:
    assert denied_clause(words, verb) == clause


@pytest.mark.parametrize(
    ("word", "event"),
    [("collapse", True), ("recall", True), ("strike", True), ("election", True), ("derailment", True),
     ("following", False), ("police", False), ("monday", False)],
    ids=["collapse", "recall", "strike", "election", "derailment", "following", "police", "monday"],
)
def test_event_like(word: str, event: bool) -> None:
    assert event_like(word) is event


def candidate(quote: str, camp: str | None = "x", names: frozenset[str] = frozenset()) -> Candidate:
    """A position with only its words, camp and names."""
    return Candidate(Citation("a", "p1", quote), camp, None, "asserts", frozenset(), frozenset(), names)


@pytest.mark.parametrize(
    ("key", "quotes", "titles", "expected"),
    [("cause", ["the collapse was caused by rust", "the collapse was caused by wind"],
      ["Stand collapse kills two", "Questions after collapse"], "What caused the collapse?"),
     ("pay", ["the recall will be paid by the supplier", "the recall costs fall on dealers"],
      ["Carmaker recall widens", "Dealers count recall costs"], "Who pays for the recall?"),
     ("lawful", ["the count was illegal", "the count was lawful"],
      ["Election count goes on", "Parties clash over count"], "Was it lawful and justified?"),
     ("harm", ["two fans died", "three fans died"], ["Stand collapse", "Stadium collapse"],
      "How many people were hurt?")],
    ids=["cause-event", "pay-event", "lawful-bare", "harm-bare"],
)
def test_event_questions_are_named_from_the_positions_and_headlines(key: str, quotes: list[str],
                                                                    titles: list[str],
                                                                   expected: str) -> None:
    question = Question(key, tuple(candidate(q) for q in quotes), True)
    assert topic(question, {}, titles) == expected


def test_party_questions_are_named_from_the_names_the_positions_share() -> None:
    a = article("a", "The Red Brigade are volunteers. The Red Brigade are mercenaries.")
    brigade = entity("red-brigade", "Red Brigade", "group", [a])
    members = tuple(candidate(q, camp, frozenset({"red-brigade"}))
                    for q, camp in [("are volunteers", "x"), ("are mercenaries", "y")])
    assert topic(Question("identity", members, True), {brigade.id: brigade}) == "Who are Red Brigade?"
    assert event_word(members, ["Brigade raid", "After the raid"]) is None


# ----------------------------------------------------------------------------- editorial


def two_questions() -> tuple[Claim, ...]:
    cite = Citation("a", "p1", "words")
    other = Citation("a", "p2", "other words")
    union = Position("Drivers Union", ("drivers-union",), "Drivers Union: asserts", (cite,), ("s1",),
                     ("asserts",))
    firm = Position("Motorworks", ("motorworks",), "Motorworks: denies", (other,), ("s2",), ("denies",))
    hedge = Position(f"{INDEPENDENT} (The Ledger)", (), "", (other,), ("",), ("unverified",))
    return (Claim("safe", "How serious is the danger?", "disputed", (union, firm)),
            Claim("dispute", "Is it true that the brakes failed?", "disputed", (union, hedge)))


def edits(tmp_path: Path, text: str) -> tuple[tuple[Claim, ...], list[str]]:
    path = tmp_path / "editorial.yml"
    path.write_text(text, encoding="utf-8")
    editorial, problems = load_editorial(path)
    claims, found = apply_claim_edits(two_questions(), editorial.claims, editorial.path)
    return claims, [str(p) for p in [*problems, *found]]


def test_editor_renames_and_hides_questions(tmp_path: Path) -> None:
    claims, problems = edits(tmp_path, "claims:\n  - question: safe\n    topic: Are the brakes safe?\n"
                                       "  - question: Is it true that the brakes failed?\n    hide: true\n")
    assert problems == []
    assert [(c.id, c.topic) for c in claims] == [("safe", "Are the brakes safe?")]


def test_editor_merges_questions_joining_positions_of_one_side(tmp_path: Path) -> None:
    claims, problems = edits(tmp_path, "claims:\n  - question: safe\n    merge: [claim-dispute]\n")
    assert problems == []
    (claim,) = claims
    assert [p.side for p in claim.positions] == ["Drivers Union", "Motorworks", f"{INDEPENDENT} (The Ledger)"]
    assert claim.status == "disputed"


def test_editor_splits_a_question_by_sides(tmp_path: Path) -> None:
    claims, problems = edits(tmp_path, "claims:\n  - question: safe\n    split:\n"
                                       "      - topic: What does the firm say?\n"
                                       "        sides: [Motorworks]\n")
    assert problems == []
    assert [(c.id, c.status, [p.side for p in c.positions]) for c in claims] == [
        ("safe", "one-sided", ["Drivers Union"]), ("safe-split-1", "one-sided", ["Motorworks"]),
        ("dispute", "disputed", ["Drivers Union", f"{INDEPENDENT} (The Ledger)"])]


@pytest.mark.parametrize(
    ("text", "needle"),
    [("claims:\n  - question: saf\n",
      "editorial.yml:2: error: no question 'saf' on the claims page (did you mean"),
     ("claims:\n  - question: safe\n    merge: [nothing]\n", "editorial.yml:3: error: no question 'nothing'"),
     ("claims:\n  - question: safe\n    split:\n      - topic: T\n        sides: [Nobody]\n",
      "editorial.yml:4: error: the question 'How serious is the danger?' has no side 'Nobody'"),
     ("claims:\n  - question: safe\n    split:\n      - topic: T\n",
      "editorial.yml:4: error: a split entry needs"),
     ("claims:\n  - topic: T\n", "editorial.yml:2: error: a claims entry needs a 'question'"),
     ("claims:\n  - question: safe\n    rename: T\n", "editorial.yml:3: error: unknown key 'rename'"),
     ("claims:\n  - question: safe\n    hide: maybe\n", "editorial.yml:2: error: hide must be true or false"),
     ("claims:\n  - question: safe\n  - question: safe\n",
      "editorial.yml:3: error: the question 'safe' is already"),
     ("claims: safe\n", "editorial.yml:1: error: 'claims' must be a list")],
    ids=["unknown-question", "unknown-merge", "unknown-side", "split-without-sides", "no-question",
         "unknown-key",
         "bad-hide", "twice", "not-a-list"],
)
def test_editor_mistakes_are_errors_at_their_line(tmp_path: Path, text: str, needle: str) -> None:
    _, problems = edits(tmp_path, text)
    assert len(problems) == 1 and needle in problems[0], problems


def test_a_camp_turning_round_what_another_says_makes_a_question() -> None:
    a = article("a", "The Harbour Board said the new sea wall had cracked during the spring storm.",
                "The builder Castell Works said the new sea wall had not cracked during the spring storm.")
    board = entity("harbour-board", "Harbour Board", "group", [a])
    builder = entity("castell-works", "Castell Works", "group", [a])
    statements = [said("s1", board, a, "p1", "the new sea wall had cracked during the spring storm"),
                  said("s2", builder, a, "p2", "the new sea wall had not cracked during the spring storm")]
    (claim,) = find_claims([a], [board, builder], statements)
    assert claim.status == "disputed"
    assert claim.topic == "Is it true that the new sea wall had not cracked during the spring storm?"
    assert [p.side for p in claim.positions] == ["Castell Works", "Harbour Board"]


def test_a_hedge_pointing_back_makes_a_one_sided_question_of_the_account() -> None:
    a = article("a", "A former steward told the Courier that the gates had been locked before kick-off. "
                     "The claim could not be independently verified.")
    (claim,) = find_claims([a], [], [])
    assert claim.status == "one-sided"
    assert claim.topic == "Is it true that the gates had been locked before kick-off?"
    assert claim.positions[0].stances == ("unverified",) and claim.positions[0].side.startswith(INDEPENDENT)


@pytest.mark.parametrize(
    ("words", "clause"),
    [("The turnout was inflated, officials said.", "the turnout was inflated"),
     ("he and his union were being punished, and called a second strike",
      "he and his union were being punished"),
     ("it, saying every driver was qualified", None),
     ('the count was "a fraud"', None),
     ("no", None)],
    ids=["cut-at-comma", "cut-at-comma-2", "pronoun-comma", "quote-inside", "too-short"],
)
def test_ask_clause(words: str, clause: str | None) -> None:
    assert ask_clause(words) == clause


@pytest.mark.parametrize(
    ("sentence", "question"),
    [("There were unconfirmed reports that a second stand had been evacuated.",
      "Is it true that a second stand had been evacuated?"),
     ("It was not clear whether the recall covers older models.",
      "Is it known whether the recall covers older models?"),
     ("The figure could not be independently verified.", None)],
    ids=["unconfirmed-reports", "not-clear-whether", "no-clause"],
)
def test_hedge_question(sentence: str, question: str | None) -> None:
    assert hedge_question(sentence) == question


@pytest.mark.parametrize(
    ("sentence", "question"),
    [("A steward told the Courier that the gates had been locked.",
      "Is it true that the gates had been locked?"),
     ("The gates were locked at noon.", None)],
    ids=["told-that", "no-account"],
)
def test_reported_question(sentence: str, question: str | None) -> None:
    assert reported_question(sentence) == question


@pytest.mark.parametrize(
    ("first", "second", "asked"),
    [("The 48-page indictment lists the purchases.", "The 47-page indictment lists the purchases.",
      "Which is right: 47 page or 48 page?"),
     ("An 8.6-magnitude quake struck off the coast.", "An 8.7-magnitude quake struck off the coast.",
      "Which is right: 8.6 magnitude or 8.7 magnitude?"),
     ("The 48-page indictment lists the purchases.", "The 12-page indictment lists the purchases.", None),
     ("The 48-page indictment was unsealed on Monday.", "Diners get a 47-page menu of sweet dishes.", None)],
    ids=["pages", "magnitude", "too-far-apart", "other-matter"],
)
def test_details_the_sources_nearly_agree_on_are_a_question(first: str, second: str,
                                                            asked: str | None) -> None:
    a = article("a", first)
    b = article("b", second, outlet="The Ledger")
    found = find_claims([a, b], [], [])
    assert [c.topic for c in found] == ([asked] if asked else [])
    if asked:
        assert found[0].status == "disputed"


def test_a_source_giving_both_values_is_no_discrepancy() -> None:
    a = article("a", "The 12-year-old girl and the 15-year-old girl testified.")
    b = article("b", "The 12-year-old girl testified.", outlet="The Ledger")
    assert find_claims([a, b], [], []) == ()


def test_lookup_finds_the_positions_that_share_a_rare_word_and_stays_bounded() -> None:
    many = [candidate(f"the dam at place {i} broke") for i in range(POOL * 3)]
    for i, c in enumerate(many):
        many[i] = replace(c, terms=frozenset({"dam", "broke", f"place{i}"}))
    odd = replace(many[7], terms=frozenset({"dam", "broke", "place7", "spillway"}))
    partner = replace(many[500], terms=frozenset({"spillway"}))
    positions = [*many[:7], odd, *many[8:500], partner, *many[501:]]
    lookup = Lookup.of(positions)
    near = lookup.near(odd)
    assert partner in near and len(near) <= POOL and odd not in near


@pytest.mark.parametrize(
    ("pages", "asked"),
    [([46, 47, 48], ["Which is right: 46 page, 47 page or 48 page?"]),
     ([40, 41, 42, 43, 44, 45], ["Which is right: 40 page, 41 page, 42 page or 3 more values?"]),
     # Negative: values too far apart stay apart, each near miss its own question.
     ([10, 11, 40, 41], ["Which is right: 10 page or 11 page?", "Which is right: 40 page or 41 page?"])],
    ids=["three-values", "six-values", "two-groups"],
)
def test_values_linked_by_near_misses_are_one_question(pages: list[int], asked: list[str]) -> None:
    articles = [article(f"s{i}", f"The {n}-page indictment lists the purchases.", outlet=f"Outlet {i}")
                for i, n in enumerate(pages)]
    found = find_claims(articles, [], [])
    assert [c.topic for c in found] == asked
    assert sum(len(p.citations) for c in found for p in c.positions) == len(pages)


def test_many_values_of_one_detail_cost_time_in_proportion() -> None:
    """A pair question each grew as the square of the values given (10,000 questions at 400 articles)."""
    articles = [article(f"s{i}", f"The {100 + i}-page indictment lists the purchases.", outlet=f"Outlet {i}")
                for i in range(300)]
    found = find_claims(articles, [], [])
    assert len(found) == 1 and len(found[0].positions) == 300
