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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Lisk Office of the Chief Examiner said so.", [("Lisk Office of the Chief Examiner", "")]),
        ("The Bureau of Deputy Inspectors met.", [("Bureau of Deputy Inspectors", "")]),
        ("Officials in Lisk said Chief Examiner Ivo Marr left.",
         [("Lisk", ""), ("Ivo Marr", "Chief Examiner")]),
        ("The Lisk Office said Chief Ivo Marr left.", [("Lisk Office", ""), ("Ivo Marr", "Chief")]),
    ],
    ids=["office-of-the-title", "bureau-of-title", "title-before-person", "title-after-office"],
)
def test_mentions_title_naming_an_office(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said Police Commissioner Ivo Marr left.", [("Ivo Marr", "Police Commissioner")]),
        ("Officials said General Counsel Ivo Marr left.", [("Ivo Marr", "General Counsel")]),
        ("Officials said Council Member Ivo Marr left.", [("Ivo Marr", "Council Member")]),
        ("Officials said Lisk Councilman Ivo Marr left.", [("Lisk", ""), ("Ivo Marr", "Councilman")]),
        ("It contradicts Police Commissioner Ivo Marr’s account.", [("Ivo Marr", "Police Commissioner")]),
        ("Officials said Commissioner Lisk left.", [("Commissioner Lisk", "")]),
        ("The Lisk Commissioner Office said so.", [("Lisk Commissioner Office", "")]),
        ("Officials said the Police Commission met.", [("Police Commission", "")]),
    ],
    ids=["head-and-role", "title-and-role", "council-member", "place-and-role", "possessive-surname",
         "role-before-one-word", "role-inside-a-body", "head-nouns-only"],
)
def test_mentions_role_nouns_as_titles(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials at the U.S. Attorney’s Office in Lisk said so.",
         [("U.S. Attorney’s Office", ""), ("Lisk", "")]),
        ("The Sela Sheriff's Office said so.", [("Sela Sheriff's Office", "")]),
        ("The U.N. Refugee Agency said so.", [("U.N. Refugee Agency", "")]),
        ("Troops left the U.S. Officials in Lisk said so.", [("U.S", ""), ("Lisk", "")]),
        ("Officials said Danhoff's Office Ivo said so.", [("Danhoff", ""), ("Office Ivo", "")]),
    ],
    ids=["dotted-acronym-and-role-office", "role-office", "dotted-acronym-and-head",
         "sentence-ends-after-acronym", "owner-is-a-person"],
)
def test_mentions_offices_and_dotted_acronyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials said Ivo Danhoff of the Lisk Water Board left.",
         [("Ivo Danhoff", ""), ("Lisk Water Board", "")]),
        ("Officials said Ivo Brenat Danhoff of Korvat Labs left.",
         [("Ivo Brenat Danhoff", ""), ("Korvat Labs", "")]),
        ("Officials said Governor Ivo Danhoff of Lisk left.", [("Ivo Danhoff", "Governor"), ("Lisk", "")]),
        ("The Ministry of Defence said so.", [("Ministry of Defence", "")]),
        ("Troops crossed the Gulf of Lisk.", [("Gulf of Lisk", "")]),
        ("Officials said the Sela of Lisk left.", [("Sela of Lisk", "")]),
        ("Officials said Ivo Marr of Lisk left.", [("Ivo Marr of Lisk", "")]),
    ],
    ids=["person-of-body", "three-word-person", "titled-person-of-place", "head-before-of",
         "common-word-before-of", "one-word-before-of",
         "common-surname-before-of"],
)
def test_mentions_person_of_a_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crowds marched to the 12th Precinct on Monday.", [("12th Precinct", "")]),
        ("Crowds gathered on East 41st Street.", [("East 41st Street", "")]),
        ("The 3rd Sela Brigade said so.", [("3rd Sela Brigade", "")]),
        ("On the 3rd Brenovo was hit.", [("Brenovo", "")]),
        ("Crowds marched 3 Precinct blocks.", [("Precinct", "")]),
    ],
    ids=["ordinal-and-head", "direction-ordinal-street", "ordinal-unit", "ordinal-before-plain-name",
         "cardinal-number"],
)
def test_mentions_ordinals_in_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected
