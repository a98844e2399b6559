"""Suspected merges: near misses of the merge rules, with evidence and YAML that accepts them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.core.curation import Editorial, EditorialEntity
from generator.core.models import Article, Entity, Paragraph, SourceMeta
from generator.ingest.editorial import load_editorial
from generator.resolve.entities import find_sightings, resolve_entities
from generator.resolve.suspects import MAX_SUSPICIONS, format_suspicions, suspect_merges, yaml_scalar

NONE = Editorial()


def entities_of(*texts: str, editorial: Editorial = NONE) -> tuple[Entity, ...]:
    paragraphs = tuple(Paragraph(f"p{j}", t, "text", j) for j, t in enumerate(texts, start=1))
    article = Article("s0", "s0", "s0.txt", "T", paragraphs, (), SourceMeta())
    entities, problems = resolve_entities(find_sightings([article]), editorial)
    assert problems == []
    return entities


@pytest.mark.parametrize(
    ("texts", "pair", "evidence"),
    [
        (["The Valley Guard said so.", "The Sela Valley Guard said so too."],
         ("Sela Valley Guard", "Valley Guard"), "every word of 'Valley Guard' is in 'Sela Valley Guard'"),
        (["The Sela Valley Guard said so.", "The Lisk Town Guard said so.", "The Guard said it was ready."],
         ("Lisk Town Guard", "Guard"), "(and in 1 other name(s), so no rule could choose)"),
        (["Governor Mirela Danhoff spoke.", "Governor Ilsa Danhoff spoke too.", "Governor Danhoff left."],
         ("Ilsa Danhoff", "Danhoff"), "every word of 'Danhoff' is in 'Ilsa Danhoff'"),
        (["The Korvash Water Authority said so.", "The Korvash Wildlife Agency said so.",
          "The KWA said so."],
         ("Korvash Wildlife Agency", "KWA"), "'KWA' is the initials of 'Korvash Wildlife Agency'"),
        (["The Freedom of Sela Brigade said so.", "The Freedom of Sela Army said so.",
          "The Freedom of Sela Brigade said it again."],
         ("Freedom of Sela Brigade", "Freedom of Sela Army"), "the same name on another head noun"),
        (["The Sela Water Board said so.", "The Water Board of Lisk said so."],
         ("Sela Water Board", "Water Board of Lisk"), "share the head noun and a modifier"),
        (["Troops reached the village of Brenovo.", "Troops reached the village of Brenovka.",
          "Troops left the village of Brenovo."],
         ("Brenovo", "Brenovka"),
         "their letters nearly match but they sound different ('Brenovka'/'Brenovo' 0.92"),
    ],
    ids=["word-subset", "short-form-fits-several", "surname-fits-several", "acronym-fits-several",
         "head-noun-swap", "shared-head-and-modifier", "near-spelling"],
)
def test_suspects_finds_near_misses_with_evidence(texts: list[str], pair: tuple[str, str],
                                                  evidence: str) -> None:
    found = {(s.keep.name, s.alias.name): s for s in suspect_merges(entities_of(*texts))}
    assert pair in found, sorted(found)
    assert any(evidence in e for e in found[pair].evidence), found[pair].evidence


@pytest.mark.parametrize(
    "texts",
    [
        ["The Ministry of Defence said so.", "The Ministry of Health said so too."],
        ["The Water Directorate of the Ministry of Works said so.", "The Ministry of Works said so too."],
        ["Governor Mirela Danhoff spoke.", "Governor Ilsa Danhoff spoke too."],
        ["Floods rose in Lisk.", "Floods rose in Ardeny.", "The Lisk Water Board said so.",
         "The Water Board of Ardeny said so."],
        ["The Sela Valley Defence Front said so.", "The Sela Valley Water Board said so."],
        ["Floods rose in Lisk.", "The Lisk Water Board said so."],
        ["Troops reached the village of Dravlovka.", "Troops reached the village of Dravinka."],
    ],
    ids=["other-complement", "name-inside-a-complement", "two-first-names", "different-places",
         "different-heads-and-words", "place-qualifier-of-a-group", "letters-too-far-apart"],
)
def test_suspects_leaves_different_things_alone(texts: list[str]) -> None:
    assert suspect_merges(entities_of(*texts)) == ()


def test_suspects_leaves_out_merged_and_split_pairs() -> None:
    texts = ["The Valley Guard said so.", "The Sela Valley Guard said so too."]
    merge = Editorial("editorial.yml", (EditorialEntity("Sela Valley Guard", ("Valley Guard",), None, None,
                                                        None, None, 2),))
    split = Editorial("editorial.yml", (EditorialEntity("Sela Valley Guard", (), None, None, None, None, 2,
                                                        (("Valley Guard", 3),)),))
    assert suspect_merges(entities_of(*texts, editorial=merge), merge) == ()
    assert suspect_merges(entities_of(*texts, editorial=split), split) == ()


def test_suspects_yaml_accepts_the_merge(tmp_path: Path) -> None:
    texts = ["The Valley Guard said so.", "The Sela Valley Guard said so too."]
    (suspicion,) = suspect_merges(entities_of(*texts))
    assert suspicion.entry_line is None
    assert suspicion.yaml == ("- name: Sela Valley Guard", "  aliases: [Valley Guard]")
    (tmp_path / "editorial.yml").write_text("\n".join(["entities:", *(f"  {x}" for x in suspicion.yaml)]))
    editorial, problems = load_editorial(tmp_path / "editorial.yml")
    assert problems == []
    entities = entities_of(*texts, editorial=editorial)
    assert [(e.name, e.aliases) for e in entities] == [("Sela Valley Guard", ("Valley Guard",))]
    assert suspect_merges(entities, editorial) == ()


def test_suspects_yaml_extends_an_existing_entry() -> None:
    texts = ["The Valley Guard said so.", "The Sela Valley Guard said so too.", "The SVGR said so."]
    editorial = Editorial("editorial.yml", (EditorialEntity("Sela Valley Guard", ("SVGR",), None, None, None,
                                                            None, 4),))
    (suspicion,) = suspect_merges(entities_of(*texts, editorial=editorial), editorial)
    assert (suspicion.entry_line, suspicion.yaml) == (4, ("aliases: [SVGR, Valley Guard]",))
    lines = format_suspicions((suspicion,), "content/editorial.yml")
    assert "    accept, in the entry at content/editorial.yml:4:" in lines
    assert "      aliases: [SVGR, Valley Guard]" in lines


@pytest.mark.parametrize("name", ["Sela Valley Guard", "Yes", "Front: North", "O'Dell Brigade", "[Sela]",
                                  "No. 5 Brigade", "Null", "#1 Corps", "Sela, Lisk", "Ré-Union"])
def test_suspects_yaml_names_read_back_as_themselves(name: str) -> None:
    assert yaml.safe_load(f"aliases: [{yaml_scalar(name)}]") == {"aliases": [name]}


def test_suspects_are_capped_and_strongest_first() -> None:
    texts = [f"The Sela {w} Guard said so." for w in ("North", "South", "East", "West", "Upper", "Lower")]
    found = suspect_merges(entities_of(*texts, "The Guard said it was ready.",
                                      "The Teskany Valley Guard said so.", "The Valley Guard said so."))
    assert 0 < len(found) <= MAX_SUSPICIONS
    assert [s.strength for s in found] == sorted((s.strength for s in found), reverse=True)
    assert found[0].alias.name == "Valley Guard"
