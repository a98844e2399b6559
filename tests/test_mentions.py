"""Name finding: one parametrized case per rule, on small made-up sentences."""

from __future__ import annotations

import pytest

from generator.mentions import Name, build_vocabulary, find_names
from generator.models import Article, Paragraph, SourceMeta

BACKGROUND = [
    "The spokesman said the valley was calm and the dam held.",
    "Officials said residents were evacuated and said more rain was coming.",
    "The Sela Valley Defence Front said its units were in Brenovo.",
    "The Water Ministry tweeted a statement about the freedom of movement.",
    "He said the Front had entered the town.",
    "Reporters saw the Internal Security Service and the Information Security office.",
]


def names(*texts: str, heading: bool = False) -> list[tuple[str, str]]:
    paragraphs = [Paragraph(f"p{i}", t, "heading" if heading and i == 1 else "text", i)
                  for i, t in enumerate((*texts, *BACKGROUND), start=1)]
    article = Article("a", "a", "a.txt", "T", tuple(paragraphs), (), SourceMeta())
    found: tuple[Name, ...] = find_names(article, build_vocabulary([article]))
    wanted = {f"p{i}" for i in range(1, len(texts) + 1)}
    return [(n.mention.text, n.title) for n in found if n.mention.paragraph in wanted]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops reached Brenovo on Monday.", [("Brenovo", "")]),
        ("The Sela Valley Defence Front (SVDF) denied it.",
         [("Sela Valley Defence Front", ""), ("SVDF", "")]),
        ("Governor Mirela Danhoff said so.", [("Mirela Danhoff", "Governor")]),
        ("Teskany Governor Mirela Danhoff said so.",
         [("Teskany", ""), ("Mirela Danhoff", "Governor")]),
        ("Brazilian President Ivo Marr spoke.", [("Ivo Marr", "Brazilian President")]),
        ("Lisk’s mayor spoke to Danhoff's aides.", [("Lisk", ""), ("Danhoff", "")]),
        ("The Ministry of Water and Public Works said it would help.",
         [("Ministry of Water and Public Works", "")]),
        ("The towns of Lisk and Zhelevets flooded.", [("Lisk", ""), ("Zhelevets", "")]),
        ("The Ministry of Defence and Federal Security Service met.",
         [("Ministry of Defence", ""), ("Federal Security Service", "")]),
        ("She works for the Center for Applied Hydrology.", [("Center for Applied Hydrology", "")]),
        ("LISK – Water rose overnight in Ardeny.", [("LISK", ""), ("Ardeny", "")]),
        ("Officials said Gora-Dol was cut off.", [("Gora-Dol", "")]),
        ("The attack was limited to Japan, officials said.", [("Japan", "")]),
    ],
    ids=["single", "acronym-after-name", "title", "place-then-title", "demonym-title",
         "possessive", "and-complement", "and-two-places", "and-two-groups", "for-connector",
         "dateline", "hyphenated", "country-shaped-like-a-demonym"],
)
def test_mentions_find_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, troops moved in March weather.", []),
        ("Brazilian troops crossed the river.", []),
        ("Valley-backed fighters crossed.", []),
        ("Anti-Government protests spread.", []),
        ("Freedom is near, the statement said.", []),
        ("“Stay home,” the video said.", []),
        ("Earlier, Danhoff Said The dam held.", [("Danhoff", "")]),
        ("The Brazilian Volunteer Corps crossed.", [("Brazilian Volunteer Corps", "")]),
        ("The Front said it was ready.", [("Front", "")]),
        ("Internal Security Service agents came.", [("Internal Security Service", "")]),
    ],
    ids=["days-months", "demonym", "hyphen-adjective", "prefix-adjective",
         "sentence-initial-word", "after-opening-quote", "title-case-verbs",
         "demonym-before-head", "head-noun-alone", "sentence-initial-name-word"],
)
def test_mentions_skip_what_is_not_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Sen. Morgan Velk said so.", "Officials said Velk left."], [("Morgan Velk", ""), ("Velk", "")]),
        (["Officials said Mirela D. Danhoff was there."], [("Mirela D. Danhoff", "")]),
        (["Grace D. Danhoff was there."], [("Grace D. Danhoff", "")]),
        (["It was 3:16 PM ET when Brenovo flooded."], [("Brenovo", "")]),
        (["Officials said Tamsir King saw it.", "Police said King left."], [("Tamsir King", "")]),
        (["The Korvat Inc board met.", "Updated 0947 GMT (1747 HKT)."], [("Korvat Inc", "")]),
    ],
    ids=["word-after-title-abbreviation", "middle-initial", "given-name-before-initial",
         "clock-and-time-zone", "title-word-as-surname", "legal-form-and-zones"],
)
def test_mentions_names_around_abbreviations(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


def test_mentions_headline_words_need_body_evidence() -> None:
    assert names("Flood Waters Reach Brenovo", heading=True) == [("Brenovo", "")]


def test_mentions_offsets_point_at_the_text() -> None:
    paragraph = Paragraph("p1", "Yesterday the Sela Valley Defence Front said no.", "text", 1)
    article = Article("a", "a", "a.txt", "T", (paragraph,), (), SourceMeta())
    (name,) = find_names(article, build_vocabulary([article]))
    assert paragraph.text[name.mention.start:].startswith(name.mention.text)
