"""The quality scorer (bench/quality/score.py) on tiny synthetic gold and knowledge documents."""

from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench" / "quality"))

import gold  # type: ignore[import-not-found, unused-ignore]
import metrics  # type: ignore[import-not-found, unused-ignore]
import prediction  # type: ignore[import-not-found, unused-ignore]
import report  # type: ignore[import-not-found, unused-ignore]
import score  # type: ignore[import-not-found, unused-ignore]
import sources  # type: ignore[import-not-found, unused-ignore]

Doc = dict[str, Any]

GOLD: Doc = {
    "version": 1,
    "entities": [
        {"name": "Legion", "kind": "group", "central": True,
         "aliases": [{"text": "Freedom Legion"}, {"text": "Legion of Freedom"},
                     {"text": "FL", "untranslatable": True}]},
        {"name": "Corps", "kind": "group", "central": True, "aliases": [{"text": "Volunteer Corps"}]},
        {"name": "Kremlin", "kind": "group", "central": True, "aliases": [{"text": "Kremlin"}]},
        {"name": "Moscow Kremlin", "kind": "place", "central": False, "aliases": [{"text": "Kremlin"}]},
        {"name": "Red Square", "kind": "place", "central": False, "aliases": [{"text": "Red Square"}]},
        {"name": "Gladkov", "kind": "person", "central": True,
         "aliases": [{"text": "Vyacheslav Gladkov"}, {"text": "Gladkov"}]},
    ],
    "non_entities": [{"text": "Monday", "why": "weekday"}],
    "outlets": [{"name": "CNN", "aliases": ["CNN"]}],
    "statements": [
        {"source": "a", "paragraph_quote": "eight people were injured", "kind": "paraphrase",
         "text": "eight people were injured in the shelling", "speaker": "Gladkov", "official": True},
        {"source": "a", "paragraph_quote": "had liberated the village", "kind": "quote",
         "text": "We have liberated the village of Kozinka", "speaker": "Legion", "official": False},
        {"source": "b", "paragraph_quote": "the sky was red", "kind": "paraphrase",
         "text": "the sky was red all night", "speaker": None, "official": False},
        {"source": "b", "paragraph_quote": "CNN reported", "kind": "paraphrase",
         "text": "fighting went on near the border", "speaker": "CNN", "official": False},
    ],
    "claims": [
        {"topic": "Was Kozinka captured?", "positions": [
            {"citations": [{"source": "a", "quote": "liberated the village of Kozinka"}]},
            {"citations": [{"source": "a", "quote": "denied that the village had fallen"}]}]},
        {"topic": "Is the sky red?", "positions": [
            {"citations": [{"source": "b", "quote": "the sky was red"}]}]},
    ],
    "figures": [
        {"source": "a", "quote": "eight people were injured", "text": "eight people", "value": 8,
         "conflict_group": "injured", "measure": "injured"},
        {"source": "b", "quote": "two people were injured", "text": "two people", "value": 2,
         "conflict_group": "injured", "measure": "injured"},
        {"source": "b", "quote": "several villages", "text": "several villages", "value": [3, 9],
         "conflict_group": "villages", "measure": "villages"},
    ],
}

SOURCES: list[Doc] = [
    {"id": "a", "paragraphs": [
        {"id": "p1", "text": "Gladkov said eight people were injured in the shelling."},
        {"id": "p2", "text": 'The Freedom Legion said it had liberated the village: "We have liberated '
                             'the village of Kozinka."'},
        {"id": "p3", "text": "The Kremlin denied that the village had fallen."}]},
    {"id": "b", "paragraphs": [
        {"id": "p1", "text": "Witnesses said the sky was red all night."},
        {"id": "p2", "text": "RIA said two people were injured. Fighting hit several villages."},
        {"id": "p3", "text": "CNN reported that fighting went on near the border."}]},
]


def parsed_gold() -> gold.Gold:
    """Parse the synthetic gold reading."""
    return gold.parse_gold(GOLD)


def ent(eid: str, kind: str, name: str, *aliases: str, mentions: tuple[str, ...] = ()) -> Doc:
    """Make a predicted entity document."""
    found = [{"source": "a", "paragraph": "p1", "text": m, "start": 0} for m in mentions]
    return {"id": eid, "kind": kind, "name": name, "aliases": list(aliases), "role": None, "side": None,
            "page": "", "mentions": found}


def cite(source: str, paragraph: str, quote: str) -> Doc:
    """Make a citation document."""
    return {"source": source, "paragraph": paragraph, "quote": quote}


def stmt(speaker: str | None, text: str, citation: Doc, kind: str = "paraphrase",
         official: bool = False) -> Doc:
    """Make a predicted statement document."""
    return {"id": "s", "speaker": speaker, "speaker_text": "", "kind": kind, "text": text,
            "official": official, "citation": citation}


def fig(conflict: bool, *values: tuple[float, Doc]) -> Doc:
    """Make a predicted figure document from (value, citation) pairs."""
    return {"id": "f", "measure": "m", "conflict": conflict,
            "values": [{"value": v, "text": "", "claimant": None, "citation": c} for v, c in values]}


def claim(*positions: list[Doc]) -> Doc:
    """Make a predicted claim document, one citation list per position."""
    return {"id": "c", "topic": "t", "status": "disputed",
            "positions": [{"side": "x", "claimants": [], "summary": "", "citations": p} for p in positions]}


def knowledge(**sections: list[Doc]) -> prediction.Knowledge:
    """Parse a knowledge document over the synthetic sources."""
    data: Doc = {"schema_version": 1, "sources": SOURCES, "entities": [], "statements": [], "claims": [],
                 "figures": []}
    return prediction.parse_knowledge(data | sections)


def entity_scores(*entities: Doc) -> metrics.EntityScores:
    """Score predicted entity documents against the synthetic gold."""
    g, k = parsed_gold(), knowledge(entities=list(entities))
    return metrics.score_entities(g, k, metrics.link_entities(g, k))


LEGION = ent("legion", "group", "Freedom Legion", "Legion of Freedom")
GLADKOV = ent("gladkov", "person", "Vyacheslav Gladkov", mentions=("Gladkov",))
KREMLIN = ent("kremlin", "group", "The Kremlin")


# ----------------------------------------------------------------------------- text rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [("The Kremlin's", "kremlin"), ("  Freedom \n Legion ", "freedom legion"), ("Kyiv’s", "kyiv"),
     ("THE HILL", "hill"), ("Theodore", "theodore"),
     ("Kyiv's intelligence department", "kyiv intelligence department")],
)
def test_quality_normalise_folds_surface_forms(text: str, expected: str) -> None:
    assert gold.normalise(text) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("Russia will be free", "russia WILL be free!", 1.0), ("a b", "c d", 0.0), ("a b c", "a b d", 0.5),
     ("", "", 0.0)],
)
def test_quality_overlap_is_jaccard_on_lowercased_words(a: str, b: str, expected: float) -> None:
    assert gold.overlap(a, b) == expected


# ----------------------------------------------------------------------------- entities


@pytest.mark.parametrize(
    ("entity", "kind", "expected"),
    [(LEGION, "group", (1, 1)),
     (ent("x", "place", "Freedom Legion"), "place", (0, 1)),
     (ent("x", "group", "Nobody Corps"), "group", (0, 1)),
     (GLADKOV, "group", (0, 0))],
)
def test_quality_precision_needs_a_gold_hit_of_the_same_kind(entity: Doc, kind: str,
                                                              expected: tuple[int, int]) -> None:
    result = entity_scores(entity)
    assert (result.precision[kind].hit, result.precision[kind].total) == expected
    assert result.precision[metrics.ALL].total == 1


@pytest.mark.parametrize(
    ("entities", "central", "all_gold"),
    [((), (0, 4), (0, 6)),
     ((LEGION, GLADKOV), (2, 4), (2, 6)),
     ((ent("x", "place", "Kremlin"),), (0, 4), (1, 6)),
     ((KREMLIN,), (1, 4), (1, 6))],
)
def test_quality_recall_counts_gold_hit_by_the_same_kind(entities: tuple[Doc, ...], central: tuple[int, int],
                                                        all_gold: tuple[int, int]) -> None:
    result = entity_scores(*entities)
    assert (result.recall_central[metrics.ALL].hit, result.recall_central[metrics.ALL].total) == central
    assert (result.recall_all[metrics.ALL].hit, result.recall_all[metrics.ALL].total) == all_gold


def test_quality_missed_central_entities_are_listed() -> None:
    assert entity_scores(LEGION).missed_central == ("Corps", "Kremlin", "Gladkov")


@pytest.mark.parametrize(
    ("entities", "merges"),
    [((ent("x", "group", "Freedom Legion", "Volunteer Corps"),), ("Freedom Legion = Legion + Corps",)),
     ((ent("x", "place", "Kremlin", "Red Square"),), ("Kremlin = Kremlin + Moscow Kremlin + Red Square",)),
     ((KREMLIN,), ()),
     ((LEGION, GLADKOV), ())],
)
def test_quality_merge_errors_ignore_spellings_gold_shares(entities: tuple[Doc, ...],
                                                          merges: tuple[str, ...]) -> None:
    assert entity_scores(*entities).merges == merges


@pytest.mark.parametrize(
    ("entities", "splits"),
    [((ent("x", "group", "Freedom Legion"), ent("y", "group", "Legion of Freedom")),
      ("Legion = Freedom Legion + Legion of Freedom",)),
     ((LEGION,), ()),
     ((KREMLIN, ent("k2", "place", "Kremlin")), ()),
     ((ent("g1", "person", "Gladkov"), ent("g2", "person", "Vyacheslav Gladkov")),
      ("Gladkov = Gladkov + Vyacheslav Gladkov",))],
)
def test_quality_split_errors_count_predictions_assigned_to_one_central_entity(
        entities: tuple[Doc, ...], splits: tuple[str, ...]) -> None:
    assert entity_scores(*entities).splits == splits


@pytest.mark.parametrize(("kind", "expected"), [("group", 2), ("place", 3)])
def test_quality_assignment_ties_go_to_the_same_kind(kind: str, expected: int) -> None:
    assert metrics.assign(prediction.parse_knowledge({"entities": [ent("k", kind, "Kremlin")]}).entities[0],
                        parsed_gold().entities) == expected


@pytest.mark.parametrize(("forms", "expected"), [(("Belgorod",), 1), (("Belgorod", "Belgorod Oblast"), 0)])
def test_quality_assignment_ties_go_to_the_closer_form_set(forms: tuple[str, ...], expected: int) -> None:
    places = GOLD | {"statements": [], "entities": [
        {"name": "Belgorod region", "kind": "place",
         "aliases": [{"text": "Belgorod Oblast"}, {"text": "Belgorod"}]},
        {"name": "Belgorod", "kind": "place", "aliases": [{"text": "Belgorod"}]}]}
    entity = prediction.parse_knowledge({"entities": [ent("b", "place", *forms)]}).entities[0]
    assert metrics.assign(entity, gold.parse_gold(places).entities) == expected


@pytest.mark.parametrize(
    ("entity", "untranslatable", "other", "missed"),
    [(LEGION, (0, 1), (2, 2), ("Legion: FL (untranslatable)",)),
     (ent("x", "group", "FL", mentions=("Freedom Legion",)), (1, 1), (1, 2), ("Legion: Legion of Freedom",)),
     (ent("x", "group", "Freedom Legion", "FL", "Legion of Freedom"), (1, 1), (2, 2), ())],
)
def test_quality_alias_recall_reports_untranslatable_misses_apart(
        entity: Doc, untranslatable: tuple[int, int], other: tuple[int, int],
        missed: tuple[str, ...]) -> None:
    aliases = entity_scores(entity).aliases
    assert (aliases.untranslatable.hit, aliases.untranslatable.total) == untranslatable
    assert (aliases.other.hit, aliases.other.total) == other
    assert aliases.missed == missed


@pytest.mark.parametrize(
    ("entity", "spurious"),
    [(ent("x", "group", "Monday"), ("Monday: non-entity 'Monday'",)),
     (ent("x", "group", "Cable News", mentions=("CNN",)), ("Cable News: outlet 'CNN'",)),
     (LEGION, ())],
)
def test_quality_spurious_entities_hit_non_entities_or_outlets(entity: Doc,
                                                               spurious: tuple[str, ...]) -> None:
    assert entity_scores(entity).spurious == spurious


# ----------------------------------------------------------------------------- sub-kinds and parent areas

PLACES: Doc = GOLD | {"statements": [], "entities": [
    {"name": "Legion", "kind": "group", "subkind": "armed group", "central": True,
     "aliases": [{"text": "Freedom Legion"}]},
    {"name": "Gladkov", "kind": "person", "central": True, "aliases": [{"text": "Gladkov"}]},
    {"name": "Russia", "kind": "place", "subkind": "country", "central": True,
     "aliases": [{"text": "Russia"}]},
    {"name": "Belgorod region", "kind": "place", "subkind": "region", "central": True, "part_of": ["Russia"],
     "aliases": [{"text": "Belgorod region"}, {"text": "Belgorod Oblast"}]},
    {"name": "Graivoron", "kind": "place", "subkind": "town", "central": True,
     "part_of": ["Belgorod region", "Russia"], "aliases": [{"text": "Graivoron"}]},
    {"name": "Kozinka", "kind": "place", "subkind": "village", "central": True,
     "part_of": ["Belgorod region", "Russia"], "aliases": [{"text": "Kozinka"}]},
    {"name": "Crimea", "kind": "place", "subkind": "region (peninsula)", "part_of": ["Ukraine"],
     "aliases": [{"text": "Crimea"}]},
]}


def place(eid: str, name: str, subkind: str | None = None, *parents: Doc) -> Doc:
    """Make a predicted entity document with a sub-kind and parent areas."""
    return ent(eid, "place", name) | {"subkind": subkind, "part_of": list(parents)}


def parent(name: str, entity: str | None = None) -> Doc:
    """Make a predicted `part_of` entry."""
    return {"name": name, "entity": entity, "basis": "text", "source": None, "paragraph": None}


def place_scores(*entities: Doc) -> metrics.EntityScores:
    """Score predicted entity documents against the gold reading of places."""
    g, k = gold.parse_gold(PLACES), knowledge(entities=list(entities))
    return metrics.score_entities(g, k, metrics.link_entities(g, k))


@pytest.mark.parametrize(
    ("entity", "given", "right", "wrong"),
    [(place("g", "Graivoron", "city"), (1, 1), (1, 1), ()),
     (place("g", "Graivoron", " Town "), (1, 1), (1, 1), ()),
     (place("c", "Crimea", "region"), (1, 1), (1, 1), ()),
     (place("c", "Crimea", "Region (Autonomous Republic)"), (1, 1), (1, 1), ()),
     (place("k", "Kozinka", "town"), (1, 1), (0, 1), ("Kozinka: predicted town, gold village",)),
     (place("k", "Kozinka", None), (0, 1), (0, 0), ()),
     (ent("k", "place", "Kozinka"), (0, 1), (0, 0), ()),
     (ent("l", "group", "Freedom Legion") | {"subkind": "Armed group"}, (1, 1), (1, 1), ()),
     (ent("p", "person", "Gladkov") | {"subkind": "governor"}, (0, 0), (0, 0), ()),
     (place("x", "Nowhere", "city"), (0, 0), (0, 0), ())],
)
def test_quality_subkind_is_judged_on_linked_entities(entity: Doc, given: tuple[int, int],
                                                      right: tuple[int, int], wrong: tuple[str, ...]) -> None:
    subkinds = place_scores(entity).subkinds
    assert (subkinds.given.hit, subkinds.given.total) == given
    assert (subkinds.right.hit, subkinds.right.total) == right
    assert subkinds.wrong == wrong


@pytest.mark.parametrize(
    ("predicted", "gold_subkind", "agree"),
    [("city", "town", True), ("town", "city", True), ("region", "region (peninsula)", True),
     ("village", "town", False), ("country", "country (historical)", True)],
)
def test_quality_subkind_base_ignores_brackets_and_joins_city_and_town(predicted: str, gold_subkind: str,
                                                                       agree: bool) -> None:
    assert (metrics.subkind_base(predicted) == metrics.subkind_base(gold_subkind)) is agree


BELGOROD_REGION = place("belg", "Belgorod Oblast", "region", parent("Russia"))


@pytest.mark.parametrize(
    ("entities", "right", "wrong"),
    [((place("k", "Kozinka", None, parent("Belgorod Oblast")),), (1, 1), ()),
     ((place("k", "Kozinka", None, parent("THE Russia")),), (1, 1), ()),
     ((BELGOROD_REGION, place("k", "Kozinka", None, parent("the oblast", "belg"))), (2, 2), ()),
     ((place("k", "Kozinka", None, parent("Ukraine")),), (0, 1),
      ("Kozinka: predicted Ukraine, gold Belgorod region, Russia",)),
     ((place("k", "Kozinka", None, parent("Russia"), parent("Kharkiv Oblast")),), (1, 2),
      ("Kozinka: predicted Kharkiv Oblast, gold Belgorod region, Russia",)),
     ((place("c", "Crimea", None, parent("ukraine")),), (1, 1), ()),
     ((place("c", "Crimea", None, parent("Russia")),), (0, 1), ("Crimea: predicted Russia, gold Ukraine",)),
     ((place("r", "Russia", None, parent("Europe")),), (0, 0), ()),
     ((place("x", "Nowhere", None, parent("Russia")),), (0, 0), ())],
)
def test_quality_parents_are_judged_by_linked_entity_or_name(entities: tuple[Doc, ...],
                                                             right: tuple[int, int],
                                                             wrong: tuple[str, ...]) -> None:
    parents = place_scores(*entities).parents
    assert (parents.right.hit, parents.right.total) == right
    assert parents.wrong == wrong


@pytest.mark.parametrize(
    ("entities", "central", "missed"),
    [((), (0, 3), ("Belgorod region", "Graivoron", "Kozinka")),
     ((place("k", "Kozinka", None, parent("Russia")),), (1, 3), ("Belgorod region", "Graivoron")),
     ((place("k", "Kozinka", None, parent("Ukraine")),), (0, 3), ("Belgorod region", "Graivoron", "Kozinka")),
     ((BELGOROD_REGION, place("g", "Graivoron", None, parent("Ukraine"), parent("Belgorod", "belg"))),
      (2, 3), ("Kozinka",))],
)
def test_quality_central_places_need_one_right_parent(entities: tuple[Doc, ...], central: tuple[int, int],
                                                      missed: tuple[str, ...]) -> None:
    parents = place_scores(*entities).parents
    assert (parents.central.hit, parents.central.total) == central
    assert parents.missed == missed


def test_quality_older_knowledge_without_subkind_or_parents_reads_as_null() -> None:
    older = ent("k", "place", "Kozinka") | {"part_of": None}
    entity = prediction.parse_knowledge({"entities": [older]}).entities[0]
    assert (entity.subkind, entity.part_of) == (None, ())


def laid_out(g: gold.Gold, k: prediction.Knowledge) -> report.Report:
    """Lay one prediction out as the detailed sections, the same in both modes."""
    return tuple((mode, report.sections(metrics.score(g, k))) for mode in report.MODES)


def quality(detail: report.Report, *runs: report.CorpusRun, notes: tuple[str, ...] = ()) -> report.Quality:
    """Bundle a report: the table rows and the development corpus in detail."""
    return report.Quality(runs, detail, "dev", notes)


def test_quality_wrong_subkinds_and_parents_are_listed_in_the_report() -> None:
    k = knowledge(entities=[place("k", "Kozinka", "city", parent("Ukraine"))])
    detail = laid_out(gold.parse_gold(PLACES), k)
    text = report.render_text(quality(detail))
    assert text.count("sub-kinds wrong (1): Kozinka: predicted city, gold village") == 1
    assert text.count("parents wrong (1): Kozinka: predicted Ukraine, gold Belgorod region, Russia") == 1
    assert "| sub-kind right, of given | 0/1 (0%) | 0/1 (0%) |" in report.render_markdown(quality(detail))


# ----------------------------------------------------------------------------- statements


def statement_scores(*statements: Doc, official: bool = False) -> metrics.StatementScores:
    """Score predicted statements, with a fixed set of predicted entities."""
    g = parsed_gold()
    entities = [LEGION, GLADKOV, KREMLIN, ent("cnn", "group", "CNN")]
    k = knowledge(entities=entities, statements=list(statements))
    return metrics.tally_statements(g, k, metrics.link_entities(g, k), official=official)


INJURED = cite("a", "p1", "eight people were injured")


@pytest.mark.parametrize(
    ("speaker", "verdicts"),
    [("gladkov", (1, 0, 0)), ("kremlin", (0, 1, 0)), (None, (0, 0, 1)), ("no-such-entity", (0, 1, 0))],
)
def test_quality_wrong_speaker_is_counted_apart_from_unresolved(speaker: str | None,
                                                               verdicts: tuple[int, int, int]) -> None:
    result = statement_scores(stmt(speaker, "eight people were injured in the shelling", INJURED))
    assert result.found == 1
    assert (result.right_speaker, result.wrong_speaker, result.unresolved) == verdicts
    assert len(result.wrong) == verdicts[1]


@pytest.mark.parametrize(
    ("statement", "found"),
    [(stmt("gladkov", "eight people were injured", INJURED), 1),
     (stmt("gladkov", "people were hurt badly by shelling", INJURED), 0),
     (stmt("gladkov", "eight people were injured in the shelling", cite("a", "p3", "The Kremlin")), 0),
     (stmt("gladkov", "eight people were injured in the shelling", cite("b", "p1", "Witnesses")), 0),
     (stmt("gladkov", "eight people were injured in the shelling", cite("a", "p9", "eight")), 0)],
)
def test_quality_statement_match_needs_source_paragraph_and_overlap(statement: Doc, found: int) -> None:
    result = statement_scores(statement)
    assert (result.found, result.spurious) == (found, 1 - found)


def test_quality_statements_pair_one_to_one() -> None:
    same = stmt("gladkov", "eight people were injured in the shelling", INJURED)
    result = statement_scores(same, same)
    assert (result.found, result.spurious, result.predicted) == (1, 1, 2)


@pytest.mark.parametrize(
    ("statement", "right"),
    [(stmt(None, "the sky was red all night", cite("b", "p1", "the sky was red")), 1),
     (stmt("legion", "the sky was red all night", cite("b", "p1", "the sky was red")), 0),
     (stmt("cnn", "fighting went on near the border", cite("b", "p3", "CNN reported")), 1)],
)
def test_quality_unnamed_and_outlet_speakers(statement: Doc, right: int) -> None:
    result = statement_scores(statement)
    assert (result.found, result.right_speaker, result.wrong_speaker) == (1, right, 1 - right)


@pytest.mark.parametrize(("kind", "right_kind"), [("quote", 1), ("paraphrase", 0)])
def test_quality_statement_kind_accuracy(kind: str, right_kind: int) -> None:
    quote = cite("a", "p2", "We have liberated the village of Kozinka")
    result = statement_scores(stmt("legion", "We have liberated the village of Kozinka", quote, kind=kind))
    assert (result.found, result.right_kind) == (1, right_kind)


def test_quality_official_statements_are_scored_apart() -> None:
    found = stmt("gladkov", "eight people were injured in the shelling", INJURED, official=True)
    invented = stmt("kremlin", "nothing happened", cite("a", "p3", "The Kremlin"), official=True)
    unofficial = stmt("legion", "a claim nobody made", cite("a", "p2", "Legion"))
    result = statement_scores(found, invented, unofficial, official=True)
    assert (result.gold, result.found, result.predicted, result.spurious) == (1, 1, 2, 1)


def test_quality_headline_statements_are_not_locatable() -> None:
    headline = GOLD["statements"][0] | {"paragraph_quote": "Headline words"}
    g = gold.parse_gold(GOLD | {"statements": [headline]})
    result = metrics.tally_statements(g, knowledge(), metrics.link_entities(g, knowledge()), official=False)
    assert (result.gold, result.locatable) == (1, 0)


# ----------------------------------------------------------------------------- claims and figures

LIBERATED = cite("a", "p2", "We have liberated the village of Kozinka")
DENIED = cite("a", "p3", "denied that the village had fallen")


@pytest.mark.parametrize(
    ("claims", "found", "spurious"),
    [([claim([LIBERATED], [DENIED])], 1, 0),
     ([claim([LIBERATED, DENIED])], 1, 0),
     ([claim([LIBERATED])], 0, 1),
     ([claim([cite("a", "p3", "The Kremlin denied")], [cite("a", "p1", "Gladkov")])], 0, 1),
     ([claim([cite("b", "p1", "sky")])], 1, 0),
     ([claim([cite("b", "p2", "RIA said")])], 0, 1)],
)
def test_quality_claim_topic_needs_citations_in_two_positions(claims: list[Doc], found: int,
                                                              spurious: int) -> None:
    result = metrics.score_claims(parsed_gold(), knowledge(claims=claims))
    assert (result.found.hit, result.spurious.hit) == (found, spurious)
    assert len(result.missed) == 2 - found


def test_quality_claim_citation_inside_the_gold_quote_hits() -> None:
    inside = prediction.Citation("a", "p9", "village had fallen")
    gold_citation = gold.GoldCitation("a", "denied that the village had fallen")
    assert metrics.citation_hits(inside, gold_citation, knowledge())


@pytest.mark.parametrize(
    ("values", "found", "spurious"),
    [([(8, INJURED)], 1, 0),
     ([(7, INJURED)], 0, 1),
     ([(8, cite("a", "p3", "The Kremlin"))], 0, 1),
     ([(5, cite("b", "p2", "several villages"))], 1, 0),
     ([(12, cite("b", "p2", "several villages"))], 0, 1),
     ([(2, cite("b", "p9", "two people were injured"))], 1, 0)],
)
def test_quality_figure_needs_place_and_value_in_range(values: list[tuple[float, Doc]], found: int,
                                                      spurious: int) -> None:
    result = metrics.score_figures(parsed_gold(), knowledge(figures=[fig(False, *values)]))
    assert (result.found.hit, result.spurious.hit, len(result.missed)) == (found, spurious, 3 - found)


TWO = cite("b", "p2", "two people were injured")


@pytest.mark.parametrize(
    ("figure", "found", "spurious"),
    [(fig(True, (8, INJURED), (2, TWO)), 1, 0),
     (fig(False, (8, INJURED), (2, TWO)), 0, 0),
     (fig(True, (8, INJURED), (8, INJURED)), 0, 1),
     (fig(True, (8, INJURED), (5, cite("b", "p2", "several villages"))), 0, 1)],
)
def test_quality_conflict_needs_one_figure_with_two_differing_gold_values(figure: Doc, found: int,
                                                                         spurious: int) -> None:
    result = metrics.score_figures(parsed_gold(), knowledge(figures=[figure]))
    conflicts = result.conflicts
    assert (conflicts.hit, conflicts.total, result.spurious_conflicts.hit) == (found, 1, spurious)
    assert result.missed_conflicts == (() if found else ("injured",))


# ----------------------------------------------------------------------------- gold file and report


@pytest.mark.parametrize(
    "change",
    [{"version": 2}, {"entities": "none"}, {"statements": [{"source": "a"}]},
     {"entities": [{"name": "X", "kind": "army", "aliases": []}]},
     {"figures": [GOLD["figures"][0] | {"value": [9, 3]}]},
     {"figures": [GOLD["figures"][0] | {"value": "many"}]},
     {"statements": [GOLD["statements"][0] | {"speaker": "Nobody"}]},
     {"claims": [{"topic": "t", "positions": [{"citations": [{"source": "a"}]}]}]}],
)
def test_quality_invalid_gold_is_rejected(change: Doc) -> None:
    with pytest.raises(gold.GoldError):
        gold.parse_gold(GOLD | change)


@pytest.mark.parametrize(
    ("index", "change", "where"),
    [(0, {"subkind": 3}, "entities[0]"),
     (0, {"subkind": " "}, "entities[0]"),
     (0, {"part_of": ["Russia"]}, "entities[0]: only a place"),
     (3, {"part_of": "Russia"}, "entities[3]: 'part_of' must be a list"),
     (3, {"part_of": []}, "entities[3]: 'part_of' must be a non-empty list"),
     (3, {"part_of": ["Russia", None]}, "entities[3]: 'part_of' must be a non-empty list"),
     (3, {"part_of": ["Moscow Kremlin"]}, "entities[3]: 'Moscow Kremlin' cannot be part of itself"),
     (3, {"part_of": ["Kremlin"]}, "entities[3]: part_of 'Kremlin' is a gold group")],
)
def test_quality_invalid_subkind_or_parents_are_rejected_with_where(index: int, change: Doc,
                                                                    where: str) -> None:
    entities = [dict(e) for e in GOLD["entities"]]
    entities[index] |= change
    with pytest.raises(gold.GoldError, match=re.escape(where)):
        gold.parse_gold(GOLD | {"entities": entities})


def test_quality_gold_subkind_and_parents_are_read() -> None:
    entities = gold.parse_gold(PLACES).entities
    assert (entities[5].subkind, entities[5].part_of) == ("village", ("Belgorod region", "Russia"))
    assert (entities[1].subkind, entities[1].part_of) == (None, ())


@pytest.mark.parametrize("text", [None, "version: [1\n", "- just a list\n"])
def test_quality_main_exits_2_on_missing_or_invalid_gold(tmp_path: Path, text: str | None,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.yml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    assert score.main(["--gold", str(path), "--content", str(tmp_path)]) == 2
    assert "invalid gold reading" in capsys.readouterr().err


def test_quality_reports_render_the_same_numbers_deterministically() -> None:
    k = knowledge(entities=[LEGION], figures=[fig(True, (8, INJURED), (2, TWO))])
    detail = laid_out(parsed_gold(), k)
    text, markdown = report.render_text(quality(detail, notes=("note",))), \
        report.render_markdown(quality(detail, notes=("note",)))
    assert text == report.render_text(quality(detail, notes=("note",)))
    assert "make quality" in markdown and "## What the metrics mean" in markdown
    for section in detail[0][1]:
        for label, value in section.rows:
            assert f"| {label} | {value} | {value} |" in markdown
    assert text.count("aliases missed (1): Legion: FL (untranslatable)") == 1


DEV_ARTICLE = "Headline here\n\nGladkov said eight people were injured.\n"


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Write a tiny corpus folder with articles/<id>.txt; return the folder."""
    (folder / "articles").mkdir(parents=True)
    for sid, text in articles.items():
        (folder / "articles" / f"{sid}.txt").write_text(text, encoding="utf-8")
    return folder


def test_quality_main_scores_a_content_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = write_corpus(tmp_path / "content", {"a": DEV_ARTICLE})
    gold_path = tmp_path / "gold.yml"
    gold_path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    (tmp_path / "none").mkdir()
    args = ["--gold", str(gold_path), "--content", str(content), "--gold-dir", str(tmp_path / "none"),
            "--write", str(tmp_path / "Q.md")]
    assert score.main(args) == 0
    first = capsys.readouterr().out
    assert score.main(args) == 0
    assert capsys.readouterr().out == first and "does not exist" in first
    assert "make quality" in (tmp_path / "Q.md").read_text(encoding="utf-8")


def test_quality_generator_alone_leaves_the_content_folder_untouched(tmp_path: Path) -> None:
    articles = tmp_path / "content" / "articles"
    articles.mkdir(parents=True)
    (articles / "a.txt").write_text("Headline here\n\nA first paragraph to read.\n", encoding="utf-8")
    (tmp_path / "content" / "editorial.yml").write_text("{}\n", encoding="utf-8")
    result = score.without_editorial(tmp_path / "content")
    assert [p.text for p in result.sources["a"].paragraphs] == ["A first paragraph to read."]
    assert list(result.paragraphs.values()) == ["A first paragraph to read."]
    assert (tmp_path / "content" / "editorial.yml").exists()


# ----------------------------------------------------------------------------- sources: furniture, reporting,
#                                                                               headline and outlet

ARTICLE = """Storm hits the coast

July 2, 2013 07:44

By Jane Doe

The storm hit the coast on Tuesday, officials said.

More from the Gazette: other storms

Photo: a flooded street Two people were hurt, the mayor said.
"""
"""A synthetic article: headline, a time stamp, a byline, reporting, a promo, a caption run into reporting."""

FURNITURE: list[Doc] = [
    {"text": "July 2, 2013 07:44", "why": "timestamp"},
    {"text": "By Jane Doe", "why": "byline"},
    {"text": "More from the Gazette: other storms", "why": "promo"},
    {"text": "Photo: a flooded street", "why": "caption"},
]


def gold_source(**change: Any) -> Doc:
    """A gold `sources:` entry for the synthetic article."""
    return {"headline": "Storm hits the coast", "outlet": "The Gazette", "outlet_named_in_text": True,
            "author": "Jane Doe", "date": "July 2, 2013 07:44", "furniture": FURNITURE} | change


def generated(*kept: tuple[int, str], title: str = "Storm hits the coast", outlet: str | None = None,
              removed: tuple[tuple[str, str], ...] = ()) -> Doc:
    """A generated knowledge.json source: kept paragraphs as (line, text), removed as (text, reason)."""
    return {"id": "s", "title": title, "outlet": outlet, "file": "s.txt",
            "paragraphs": [{"id": f"p{i}", "text": t, "line": n} for i, (n, t) in enumerate(kept, start=1)],
            "removed": [{"text": t, "reason": r, "line": 0} for t, r in removed]}


REPORTING = (7, "The storm hit the coast on Tuesday, officials said.")
CAPTIONED = (11, "Photo: a flooded street Two people were hurt, the mayor said.")
UNCAPTIONED = (11, "Two people were hurt, the mayor said.")


def source_scores(source: Doc, generated_source: Doc, outlets: list[Doc] | None = None,
                  article: str = ARTICLE) -> sources.SourceScores:
    """Score one synthetic generated source against one gold source."""
    g = gold.parse_gold(GOLD | {"sources": {"s": source}, "outlets": outlets or GOLD["outlets"]})
    k = prediction.parse_knowledge({"sources": [generated_source]})
    result = sources.score_sources(g, k, {"s": article})
    assert result is not None
    return result


@pytest.mark.parametrize(
    ("kept", "left"),
    [((REPORTING, UNCAPTIONED), ()),
     (((3, "July 2, 2013 07:44"), REPORTING, UNCAPTIONED), ("s line 3: 'July 2, 2013 07:44' (timestamp)",)),
     ((REPORTING, CAPTIONED), ("s line 11: 'Photo: a flooded street' (caption)",)),
     (((5, "By Jane Doe"), REPORTING, (9, "More from the Gazette: other storms"), UNCAPTIONED),
      ("s line 5: 'By Jane Doe' (byline)", "s line 9: 'More from the Gazette: other storms' (promo)"))],
)
def test_quality_furniture_left_is_gold_furniture_in_a_kept_paragraph(kept: tuple[tuple[int, str], ...],
                                                                      left: tuple[str, ...]) -> None:
    result = source_scores(gold_source(), generated(*kept))
    assert (result.furniture_left.hit, result.furniture_left.total) == (len(left), 4)
    assert result.left == left


def test_quality_furniture_is_judged_on_its_own_line() -> None:
    twice = "Head\n\nWatch the video\n\nWatch the video now, the mayor said.\n"
    source = gold_source(headline="Head", furniture=[{"text": "Watch the video", "why": "player"}])
    result = source_scores(source, generated((5, "Watch the video now, the mayor said."), title="Head"),
                           article=twice)
    assert (result.furniture_left.hit, result.reporting_lost.hit, result.reporting_lost.total) == (0, 0, 1)


def test_quality_furniture_without_paragraph_lines_is_found_anywhere() -> None:
    kept = generated(REPORTING, UNCAPTIONED, (0, "By Jane Doe"))
    for p in kept["paragraphs"]:
        del p["line"]
    assert source_scores(gold_source(), kept).left == ("s line 5: 'By Jane Doe' (byline)",)


@pytest.mark.parametrize(
    ("kept", "removed", "lost"),
    [((REPORTING, UNCAPTIONED), (), ()),
     ((REPORTING, CAPTIONED), (), ()),
     (((7, f"{REPORTING[1]} Two more lines joined."), UNCAPTIONED), (), ()),
     ((REPORTING,), (("Photo: a flooded street Two people were hurt, the mayor said.", "caption"),),
      ("s line 11 (caption): 'Two people were hurt, the mayor said.'",)),
     ((UNCAPTIONED,), (), (f"s line 7 (no removed entry): {REPORTING[1]!r}",))],
)
def test_quality_reporting_lost_is_reporting_in_no_kept_paragraph(kept: tuple[tuple[int, str], ...],
                                                                 removed: tuple[tuple[str, str], ...],
                                                                 lost: tuple[str, ...]) -> None:
    result = source_scores(gold_source(), generated(*kept, removed=removed))
    assert (result.reporting_lost.hit, result.reporting_lost.total) == (len(lost), 2)
    assert result.lost == lost


def test_quality_reporting_taken_for_the_headline_is_listed_not_lost() -> None:
    lead = "Officials said the storm hit the coast."
    result = source_scores(gold_source(headline=None, furniture=[]),
                           generated((3, "Two people were hurt."), title=lead),
                           article=f"{lead}\n\nTwo people were hurt.\n")
    assert (result.reporting_lost.hit, result.reporting_lost.total) == (0, 2)
    assert result.in_headline == ("s line 1: 'Officials said the storm hit the coast.'",)
    assert result.wrong_headlines == ("s: 'Officials said the storm hit the coast.', gold none",)


@pytest.mark.parametrize(
    ("headline", "title", "right"),
    [("Storm hits the coast", "Storm  hits the\ncoast", True),
     ("Storm hits the coast", "July 2, 2013 07:44", False),
     ("Storm hits the coast", "Storm hits the coast | News", False),
     (None, "The storm hit the coast on Tuesday, officials said.", False),
     (None, "By Jane Doe", False),
     (None, "s", True),
     (None, "A title from the metadata", True)],
)
def test_quality_headline_right(headline: str | None, title: str, right: bool) -> None:
    result = source_scores(gold_source(headline=headline), generated(REPORTING, UNCAPTIONED, title=title))
    assert (result.headline_right.hit, result.headline_right.total) == (int(right), 1)
    assert len(result.wrong_headlines) == 1 - right


@pytest.mark.parametrize(
    ("gold_outlet", "outlet", "right"),
    [("The Gazette", "Gazette", True),
     ("The Gazette", "the gazette", True),
     ("Gazette", "THE GAZETTE", True),
     ("The Gazette", None, False),
     ("The Gazette", "Gazette Online", False),
     ("The Gazette", "GZT", True),
     ("Daily Post (Reuters)", "Reuters", True),
     ("Daily Post (Reuters)", "Daily Post", True),
     (["The Gazette", "Coast Gazette"], "Coast Gazette", True)],
)
def test_quality_outlet_right_takes_gold_names_and_aliases(gold_outlet: str | list[str], outlet: str | None,
                                                          right: bool) -> None:
    outlets = [*GOLD["outlets"], {"name": "The Gazette", "aliases": ["GZT"]}]
    result = source_scores(gold_source(outlet=gold_outlet), generated(REPORTING, outlet=outlet), outlets)
    assert (result.outlet_right.hit, result.outlet_right.total) == (int(right), 1)
    named = gold_outlet if isinstance(gold_outlet, str) else " / ".join(gold_outlet)
    assert result.wrong_outlets == (() if right else (f"s: {outlet or 'unknown'}, gold {named}",))


def test_quality_outlet_is_judged_only_where_the_text_names_it() -> None:
    result = source_scores(gold_source(outlet_named_in_text=False), generated(REPORTING))
    assert (result.outlet_right.hit, result.outlet_right.total) == (0, 0)


def test_quality_gold_without_sources_has_no_source_scores() -> None:
    assert gold.parse_gold(GOLD).sources is None
    assert sources.score_sources(parsed_gold(), knowledge(), {}) is None


def test_quality_gold_sources_are_read() -> None:
    read = gold.parse_gold(GOLD | {"sources": {"s": gold_source(outlet=None, outlet_named_in_text=False),
                                               "t": {"headline": None, "furniture": None}}}).sources
    assert read is not None and [s.id for s in read] == ["s", "t"]
    assert read[0].furniture[3] == gold.GoldFurniture("Photo: a flooded street", "caption")
    assert (read[0].headline, read[0].outlets, read[0].author) == ("Storm hits the coast", (), "Jane Doe")
    assert (read[1].headline, read[1].outlets, read[1].furniture) == (None, (), ())
    assert not read[1].outlet_named_in_text


@pytest.mark.parametrize(
    ("entries", "where"),
    [({1: gold_source()}, "source id 1 must be a string"),
     ({"s": gold_source(furniture=[{"text": "x"}])}, "sources[s].furniture[0]: 'why'"),
     ({"s": gold_source(furniture="none")}, "sources[s]: 'furniture' must be a list"),
     ({"s": gold_source(outlet=None)}, "sources[s]: 'outlet_named_in_text' is true"),
     ({"s": gold_source(outlet=3)}, "sources[s]: 'outlet' must be a name"),
     ({"s": gold_source(headline=" ")}, "sources[s]: 'headline'"),
     ({"s": gold_source(outlet_named_in_text="yes")}, "sources[s]: 'outlet_named_in_text'"),
     ([], "sources: expected a mapping")],
)
def test_quality_invalid_gold_sources_are_rejected_with_where(entries: object, where: str) -> None:
    with pytest.raises(gold.GoldError, match=re.escape(where)):
        gold.parse_gold(GOLD | {"sources": entries})


def run(name: str, found: int, left: int | None, summarised: bool = True) -> report.CorpusRun:
    """A table row with some statements found of 10 and, if given, furniture left of 4."""
    scores = metrics.score(parsed_gold(), knowledge())
    statements = dataclasses.replace(scores.statements, gold=10, found=found)
    none, one = metrics.Ratio(0, 0), metrics.Ratio(1, 1)
    src = None if left is None else sources.SourceScores(metrics.Ratio(left, 4), none, one, none,
                                                         (), (), (), (), (), ())
    return report.CorpusRun(name, dataclasses.replace(scores, statements=statements), src, summarised)


def test_quality_table_has_a_row_per_corpus_then_mean_and_worst() -> None:
    rows = report.corpus_table([run("dev, curated", 9, None, summarised=False), run("dev", 8, None),
                                run("one", 4, 3), run("two", 6, 1)])
    header = ["corpus", *(c.header for c in report.COLUMNS)]
    table = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert list(table) == ["dev, curated", "dev", "one", "two", "mean", "worst"]
    assert table["dev"]["furniture left"] == "n/a" and table["dev"]["outlet right"] == "n/a"
    assert table["one"]["furniture left"] == "3/4 (75%)"
    assert table["mean"]["statements found"] == "60%"
    assert table["worst"]["statements found"] == "4/10 (40%)"
    assert table["mean"]["furniture left"] == "50%" and table["worst"]["furniture left"] == "3/4 (75%)"
    assert table["mean"]["reporting lost"] == "n/a" and table["mean"]["splits"] == "0.0"


def test_quality_main_scores_every_corpus_with_a_gold_reading(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    content = write_corpus(tmp_path / "content", {"a": DEV_ARTICLE})
    gold_path = tmp_path / "gold.yml"
    gold_path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    readings = tmp_path / "readings"
    readings.mkdir()
    for name in ("storm", "absent"):
        reading = GOLD | {"statements": [], "sources": {"s": gold_source()}}
        (readings / f"{name}.yml").write_text(yaml.safe_dump(reading), encoding="utf-8")
    write_corpus(tmp_path / "corpora" / "storm", {"s": ARTICLE})
    args = ["--gold", str(gold_path), "--content", str(content), "--gold-dir", str(readings),
            "--corpora", str(tmp_path / "corpora"), "--write", str(tmp_path / "Q.md")]
    assert score.main(args) == 0
    text, markdown = capsys.readouterr().out, (tmp_path / "Q.md").read_text(encoding="utf-8")
    assert "Skipped absent: its folder" in text and "(1 scored)" in text
    table = markdown.split("## Per corpus", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    assert [r.split(" | ")[0] for r in rows[1:]] == [
        "| belgorod-2023, with editorial", "| belgorod-2023, generator alone", "| storm", "| **mean**",
        "| **worst**"]
    storm = rows[3].split(" | ")
    assert storm[-4:] == ["1/4 (25%)", "0/2 (0%)", "1/1 (100%)", "1/1 (100%) |"]
    assert "### storm" in markdown
    assert "furniture left** (1): s line 11: 'Photo: a flooded street'" in markdown
    assert not any(p.name != "articles" for p in (tmp_path / "corpora" / "storm").iterdir())


def test_quality_main_scores_invented_corpora_from_the_second_root(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = write_corpus(tmp_path / "content", {"a": DEV_ARTICLE})
    gold_path = tmp_path / "gold.yml"
    gold_path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    readings = tmp_path / "readings"
    readings.mkdir()
    for name in ("storm", "flood", "absent"):
        reading = GOLD | {"statements": [], "sources": {"s": gold_source()}}
        (readings / f"{name}.yml").write_text(yaml.safe_dump(reading), encoding="utf-8")
    write_corpus(tmp_path / "corpora" / "storm", {"s": ARTICLE})
    write_corpus(tmp_path / "invented" / "flood", {"s": ARTICLE})
    write_corpus(tmp_path / "invented" / "storm", {"s": "Another headline\n\nNot this one.\n"})
    args = ["--gold", str(gold_path), "--content", str(content), "--gold-dir", str(readings),
            "--corpora", str(tmp_path / "corpora"), "--invented", str(tmp_path / "invented"),
            "--write", str(tmp_path / "Q.md")]
    assert score.main(args) == 0
    text, markdown = capsys.readouterr().out, (tmp_path / "Q.md").read_text(encoding="utf-8")
    assert "(2 scored)" in text and "Invented corpora scored: 1" in text
    assert "Skipped absent: its folder is missing" in text
    assert "invented/absent/" in text
    table = markdown.split("## Per corpus", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ")[0] for line in table.splitlines() if line.startswith("| ")]
    assert rows[3:5] == ["| flood (invented)", "| storm"]
    assert "### flood (invented)" in markdown
    assert not any(p.name != "articles" for p in (tmp_path / "invented" / "flood").iterdir())


def test_quality_main_exits_2_on_an_invalid_corpus_reading(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    gold_path = tmp_path / "gold.yml"
    gold_path.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    (tmp_path / "readings").mkdir()
    (tmp_path / "readings" / "bad.yml").write_text(yaml.safe_dump(GOLD | {"sources": []}), encoding="utf-8")
    assert score.main(["--gold", str(gold_path), "--content", str(tmp_path), "--gold-dir",
                       str(tmp_path / "readings")]) == 2
    assert "bad.yml: sources: expected a mapping" in capsys.readouterr().err
