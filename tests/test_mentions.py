"""Name finding: one parametrized case per rule, on small made-up sentences."""

from __future__ import annotations

import pytest

from generator.core.models import Article, Paragraph, SourceMeta
from generator.extract.mentions import Name, build_vocabulary, find_names

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
        (["Rates fell, and I think they will fall, Voss said.", "He said I was wrong and I knew it.",
          "Then I left, as I had planned.", "Now I wait."], [("Voss", "")]),
        (["Henry I ruled the valley.", "Later, Henry I built a bridge."], [("Henry I", ""), ("Henry I", "")]),
    ],
    ids=["pronoun-I-never-a-name", "regnal-number-kept"],
)
def test_mentions_the_pronoun_i(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


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
        ("Troops left the U.S. Officials in Lisk said so.", [("U.S.", ""), ("Lisk", "")]),
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
        ("Officials said Ivo Field of Lisk left.", [("Ivo Field of Lisk", "")]),
        ("Officials said Ivo Marr of Lisk left.", [("Ivo Marr", ""), ("Lisk", "")]),
        ("Officials said Ivo Marr of Lisk left.\nThe marr was cut.", [("Ivo Marr of Lisk", "")]),
        ("Officials said Rep. Ivo Field of Lisk left.", [("Ivo Field", ""), ("Lisk", "")]),
    ],
    ids=["person-of-body", "three-word-person", "titled-person-of-place", "head-before-of",
         "common-word-before-of", "one-word-before-of",
         "very-common-word-before-of", "surname-never-written-lower", "surname-also-written-lower",
         "titled-person-with-a-common-surname"],
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vigil was held at E. 41st St. and Lisk Ave., near the school.",
         [("E. 41st St", ""), ("Lisk Ave", "")]),
        ("The looters hit a shop on Lisk Ave. and Ave. K in Brenovo.",
         [("Lisk Ave", ""), ("Ave. K", ""), ("Brenovo", "")]),
        ("Crowds left E. Brenovo on Monday.", [("E", ""), ("Brenovo", "")]),
    ],
    ids=["abbreviated-direction-and-street", "lettered-street", "initial-without-ordinal"],
)
def test_mentions_street_addresses(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters in Lisk's 5th District backed him.", [("Lisk's 5th District", "")]),
        ("Lisk's 5th District is a safe seat.", [("Lisk's 5th District", "")]),
        ("Officers of the LPD's 5th Precinct said so.", [("LPD", ""), ("5th Precinct", "")]),
        ("Lisk's 5th birthday party was fun.", [("Lisk", "")]),
    ],
    ids=["owner-and-numbered-district", "at-sentence-start", "acronym-owner-is-a-body", "no-head-noun"],
)
def test_mentions_numbered_unit_of_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The payment was listed as “Lisk Hall Dinner/Fund-raising.”", []),
        ("The marchers chanted “LPD/KKK/how many more” on Monday.", [("LPD", ""), ("KKK", "")]),
        ("Talks on the Lisko/Sela border went on.", [("Lisko", ""), ("Sela", "")]),
    ],
    ids=["label-with-an-ordinary-word", "acronyms-stay", "two-names"],
)
def test_mentions_slash_labels(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Mayor Ana de Lisko said so."], [("Ana de Lisko", "Mayor")]),
        (["Public Advocate Ana de Lisko spoke."], [("Ana de Lisko", "Public Advocate")]),
        (["Later de Lisko said so."], [("de Lisko", "")]),
        (["The envoy met Ana van der Berg on Monday."], [("Ana van der Berg", "")]),
        (["Officials said al-Marri had left."], [("al-Marri", "")]),
        (["He drove a van Lisko owned."], [("Lisko", "")]),
        (["The ten Sela villages flooded."], [("Sela", "")]),
    ],
    ids=["particle-inside", "particle-after-title", "surname-with-its-particle", "two-particles",
         "hyphened-particle", "van-never-starts-a-name", "number-word-is-no-particle"],
)
def test_mentions_surname_particles(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["The Rev. Ivo Marr spoke.", "Officials said Marr was there."], [("Ivo Marr", ""), ("Marr", "")]),
        (["Officials said Ivo Marr Jr. spoke."], [("Ivo Marr Jr.", "")]),
        (["Troops left the U.S. on Monday."], [("U.S.", "")]),
        (["The U.S. Lisk Survey said so."], [("U.S. Lisk Survey", "")]),
        (["Crowds met in San Lisko on Monday."], [("San Lisko", "")]),
    ],
    ids=["title-abbreviation-is-no-sentence-end", "suffix-keeps-its-stop", "acronym-keeps-its-stop",
         "dotted-acronym-before-survey", "short-word-is-no-demonym"],
)
def test_mentions_abbreviations_and_short_words(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["The quake hit central Lisk district.", "Aid reached Central Lisk on Monday."],
         [("central Lisk district", ""), ("Central Lisk", "")]),
        (["The quake hit central Lisk district."], [("Lisk district", "")]),
        (["The quake hit northern Lisk.", "Aid reached Central Lisk."], [("Lisk", ""), ("Central Lisk", "")]),
    ],
    ids=["capitalised-elsewhere", "never-capitalised", "another-compass-word"],
)
def test_mentions_lower_case_compass_word(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["“In the view of the Board, he must go,” it said.", "The board met on Monday."], []),
        (["“In the view of the Board, he must go,” it said.", "The Lisk Water Board met."],
         [("Board", ""), ("Lisk Water Board", "")]),
        (["Officials said the Congress would vote."], [("Congress", "")]),
    ],
    ids=["ordinary-head-alone", "short-for-a-longer-name", "never-written-lower"],
)
def test_mentions_head_noun_alone(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He cited Lisk University Psychology Professor Ivo Marr.",
         [("Lisk University", ""), ("Ivo Marr", "Psychology Professor")]),
        ("U.S. District Judge Ana Marr ruled.", [("U.S.", ""), ("Ana Marr", "District Judge")]),
        ("Lisk Water Board Chairman Ivo Marr said so.",
         [("Lisk Water Board", ""), ("Ivo Marr", "Chairman")]),
        ("Sela Finance Minister Ivo Marr said so.", [("Sela", ""), ("Ivo Marr", "Finance Minister")]),
        ("The Ministry of Defence Spokesman Ivo Marr said so.",
         [("Ministry of Defence", ""), ("Ivo Marr", "Spokesman")]),
    ],
    ids=["field-of-a-professor", "court-of-a-judge", "body-keeps-its-head", "portfolio-of-a-minister",
         "complement-stays-in-the-name"],
)
def test_mentions_title_qualifiers(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She works at the District Court for the Southern District of Lisk.",
         [("District Court for the Southern District of Lisk", "")]),
        ("He worked at Korvat Labs for the Sela Party.", [("Korvat Labs", ""), ("Sela Party", "")]),
    ],
    ids=["court-for-the-district", "not-after-a-name-without-head"],
)
def test_mentions_for_the_after_a_head(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["The ruling was welcomed by the Veskarian, who left.", "Officials in Veskaria said so."],
         [("Veskaria", "")]),
        (["Goods came from the Calderian port city of Tolvane."], [("Tolvane", "")]),
        (["Officials said Kilian left the Lisk office."], [("Kilian", ""), ("Lisk", "")]),
        (["The Veskarian Athletics Federation said so.", "Officials in Veskaria said so."],
         [("Veskarian Athletics Federation", ""), ("Veskaria", "")]),
    ],
    ids=["adjective-of-a-named-place", "adjective-between-article-and-noun", "given-name-ending-in-ian",
         "adjective-inside-a-name"],
)
def test_mentions_adjectives_of_people(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Citizens for Fair Lisk, a monitoring group, said so.", "Officials cited Citizens for Fair Lisk."],
         [("Citizens for Fair Lisk", ""), ("Citizens for Fair Lisk", "")]),
        (["Citizens for Fair Lisk, a monitoring group, said so."], [("Fair Lisk", "")]),
        (["Ivo Marr, of the law firm Marr & Mensah, said so."], [("Ivo Marr", ""), ("Marr & Mensah", "")]),
        (["Ivo Marr, transport spokesman of the Sela Party, said so."],
         [("Ivo Marr", ""), ("Sela Party", "")]),
        (["Consumer Watch Lisk, a consumer rights group, urged calm.", "The consumer is angry."],
         [("Consumer Watch Lisk", "")]),
        (["Consumer Watch Lisk urged calm.", "The consumer is angry."], [("Watch Lisk", "")]),
        (["Consumer Watch Lisk, a town in the north, is calm.", "The consumer is angry."],
         [("Watch Lisk", "")]),
    ],
    ids=["name-also-written-mid-sentence", "only-at-sentence-start", "person-introduced-and-ampersand-firm",
         "person-introduced-by-role", "body-introduced-by-what-it-is", "no-appositive-no-ordinary-first-word",
         "appositive-that-is-no-body"],
)
def test_mentions_sentence_initial_names(texts: list[str], expected: list[tuple[str, str]]) -> None:
    assert names(*texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The National Fire Officers' Association said so.", [("National Fire Officers' Association", "")]),
        ("The Lisk Engineers’ Guild voted to strike.", [("Lisk Engineers’ Guild", "")]),
        ("It was the Marrs' House of Cards.", [("Marrs", "")]),
    ],
    ids=["plural-possessive-before-head", "curly-apostrophe", "no-head-noun-after"],
)
def test_mentions_plural_possessive_inside_a_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A given name shaped like an adjective of people, before a surname rare in English.
        ("The director, Stefan Vorlan, said there was no loss.", [("Stefan Vorlan", "")]),
        ("On Monday Julian Pettigrove said it held.", [("Julian Pettigrove", "")]),
        # Negative: before a common English word it stays an adjective ('Christian' + 'Aid' is read
        # as no name, as before, not as a person), and a lone demonym-shaped word is no name.
        ("On Monday the Christian Aid group said it held.", []),
        ("On Monday a Christian pastor said it held.", []),
    ],
    ids=["stefan-vorlan", "julian-pettigrove", "christian-aid-no-person", "lone-adjective"],
)
def test_mentions_given_names_shaped_like_demonyms(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A known given name before a capitalised word: a full name, though both are ordinary words.
        ("Mark Baker said the vote was close.", [("Mark Baker", "")]),
        ("Later, Sarah Brown said the count was slow.", [("Sarah Brown", "")]),
        ("Grant Shapps told reporters the trains would run.", [("Grant Shapps", "")]),
        ("John F Kennedy spoke.", [("John F Kennedy", "")]),
        # Negative: an ordinary word that is no given name opens no name; nor a given name before a
        # head noun, a title or a demonym.
        ("Light Rain fell on the dam.", []),
        ("Will Parliament approve it?", [("Parliament", "")]),
    ],
    ids=["given-name-sentence-start", "given-name-after-comma", "given-name-rare-surname", "middle-initial",
         "no-given-name", "modal-will-is-no-given-name"],
)
def test_mentions_known_given_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert names(text) == expected
