"""Roles: the words before or after a person's name, and the choice across mentions."""

from __future__ import annotations

import pytest

from generator.extract.roles import RoleText, pick_role, role_after, role_before


@pytest.mark.parametrize(
    ("before", "title", "role"),
    [
        ("the dam held, regional governor ", "", "regional governor"),
        ("Floods rose, Palace press secretary ", "", "Palace press secretary"),
        ("he said, Teskany’s water inspection representative ", "",
         "Teskany’s water inspection representative"),
        ("In May, the Lisk-born far-right militia leader ", "", "Lisk-born far-right militia leader"),
        ("Governor ", "Governor", "Governor"),
        ("“We held,” Teskany Governor ", "Governor", "Teskany Governor"),
        ("[Teskany President Arvid] ", "", None),
        ("the dam, said spokesman ", "", "spokesman"),
        ("on Monday the town’s ", "", None),
        ("Mr ", "Mr", None),
        # A past form between a name and a title is the name's verb, not part of the title.
        ("In a speech, Varn echoed President ", "", "President"),
        ("the former President ", "", "former President"),
        ("Teskany's armed forces chief ", "", "Teskany's armed forces chief"),
    ],
    ids=["lower-case", "capitalised-modifier", "possessive", "hyphenated-modifiers", "title",
         "title-with-place", "bracketed-name", "verb-stops", "no-role-noun", "honorific",
         "subject-and-verb-before-title", "former-title", "possessive-then-past-form"],
)
def test_roles_before_the_name(before: str, title: str, role: str | None) -> None:
    found = role_before(before, title)
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("after", "role"),
    [
        (", the governor of Teskany's Sela province, said on Monday.", "governor of Teskany's Sela province"),
        (", a spokesperson for the Sela Valley Defence Front, said.",
         "spokesperson for the Sela Valley Defence Front"),
        (", an exiled Teskany politician who claims to lead the group.", "exiled Teskany politician"),
        (", the adviser.", "adviser"),
        (", Teskany’s water inspection representative, told reporters.",
         "Teskany’s water inspection representative"),
        (", the only member of the Teskany parliament to vote against the dam, left.",
         "member of the Teskany parliament"),
        (", a former adviser to the Teskany president, said.", "former adviser to the Teskany president"),
        (", deputy minister of water, said.", "deputy minister of water"),
        (", 62, who runs a bakery, said.", None),
        (", a schoolteacher whose flat was flooded.", None),
        ("’s spokesman said.", None),
        (", who is the governor, said.", None),
        (", the head of a commission that met in Lisk, said.", "head of a commission"),
        (", the head of the Sela Valley Wat", "head"),
    ],
    ids=["of-complement", "for-complement", "who-clause", "bare", "no-article", "infinitive-stops",
         "to-complement", "compound-noun", "age-then-clause", "not-a-role", "possessive", "clause-first",
         "that-clause", "cut-off-complement"],
)
def test_roles_in_an_appositive(after: str, role: str | None) -> None:
    found = role_after(after)
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("found", "role"),
    [
        ([RoleText("Governor", "governor"), RoleText("Teskany governor", "governor"),
          RoleText("Teskany provincial governor", "governor")], "Teskany provincial governor"),
        ([RoleText("spokesperson for the Front", "spokesperson"),
          RoleText("spokesperson for the Front water wing", "spokesperson"),
          RoleText("Front representative", "representative")], "spokesperson for the Front"),
        ([RoleText("adviser", "adviser"), RoleText("Palace press secretary", "secretary"),
          RoleText("former advisor", "adviser")], "former advisor"),
        ([RoleText("Valley press secretary", "secretary"),
          RoleText("presidential spokesman", "spokesperson")], "Valley press secretary"),
        ([], None),
    ],
    ids=["informative-over-bare", "repeated-wording", "synonym-nouns-count-together", "tie-first", "none"],
)
def test_roles_pick_the_most_frequent_then_most_informative(found: list[RoleText], role: str | None) -> None:
    assert pick_role(found) == role


@pytest.mark.parametrize(
    ("after", "role"),
    [
        (", water and flood analyst at Korvat, said.", "water and flood analyst at Korvat"),
        (", a senior or acting adviser to the mayor, said.", "senior or acting adviser to the mayor"),
        (", and analyst Ivo Marr said.", None),
        (", water and analyst, said.", None),
        (", 62, and an analyst, said.", None),
    ],
    ids=["and-between-modifiers", "or-between-modifiers", "and-first", "and-before-noun", "age-first"],
)
def test_roles_with_coordinated_modifiers(after: str, role: str | None) -> None:
    found = role_after(after)
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("before", "role"),
    [
        ("banned the firm after whistleblower ", "whistleblower"),
        ("banned the firm after the whistle ", None),
    ],
    ids=["whistleblower", "not-a-role"],
)
def test_roles_whistleblower_before_the_name(before: str, role: str | None) -> None:
    found = role_before(before)
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("after", "role"),
    [
        (", a doctor at a health clinic in the valley, told reporters.", "doctor at a health clinic"),
        (", a nurse, said.", "nurse"),
        (", a flooded house, was empty.", None),
    ],
    ids=["doctor-at-clinic", "nurse", "no-occupation"],
)
def test_occupations_are_roles(after: str, role: str | None) -> None:
    found = role_after(after)
    assert (found.text if found else None) == role


@pytest.mark.parametrize(
    ("before", "role", "noun"),
    [
        ("On Monday, Sen. ", "Sen.", "senator"),
        ("the bill, Gov. ", "Gov.", "governor"),
        ("Rep. ", "Rep.", "rep"),
        # A legislator's title spelled out is a seat, not a firm's representative.
        ("Representative ", "Representative", "rep"),
        # Negative: an abbreviation inside a word or after another dot is no title.
        ("the U.S.Sen. ", None, None),
    ],
    ids=["senator", "governor", "representative-short", "representative-long", "inside-a-word"],
)
def test_roles_abbreviated_titles(before: str, role: str | None, noun: str | None) -> None:
    found = role_before(before)
    assert ((found.text, found.noun) if found else (None, None)) == (role, noun)


@pytest.mark.parametrize(
    ("after", "role"),
    [
        (", the top Democrat on the Senate Farm Committee, said",
         "top Democrat on the Senate Farm Committee"),
        (", a Republican, said", "Republican"),
    ],
    ids=["party-member-on-a-committee", "party-member"],
)
def test_roles_party_members(after: str, role: str) -> None:
    found = role_after(after)
    assert found is not None and found.text == role
