"""Descriptions: appositives and definitions are quoted; lists and misattached clauses are not."""

from __future__ import annotations

import pytest

from generator.core.models import Article, Entity, Mention, Paragraph, Site, SiteConfig, SourceMeta
from generator.extract.describe import descriptions


def describe(text: str, name: str, kind: str) -> list[str]:
    article = Article("a", "a", "a.txt", "T", (Paragraph("p1", text, "text", 1),), (), SourceMeta())
    mention = Mention("a", "p1", text.index(name), name)
    entity = Entity("x", kind, name, (), None, None, (mention,))
    return [c.quote for c in descriptions(entity, Site(SiteConfig(), (article,)))]


@pytest.mark.parametrize(
    ("text", "name", "kind", "expected"),
    [
        ("Officials said Oren Malek, a spokesman for the front, denied it.", "Oren Malek", "person",
         ["Oren Malek, a spokesman for the front"]),
        ("The Valley Front, which describes itself as a civic militia, said so.", "Valley Front",
         "group", ["Valley Front, which describes itself as a civic militia"]),
        ("Residents of Lisk, a farming town of about 9,000 people, fled.", "Lisk", "place",
         ["Lisk, a farming town of about 9,000 people"]),
        ("It hit Lisk, the Moldovan town where the dam stands.", "Lisk", "place",
         ["Lisk, the Moldovan town where the dam stands"]),
        ("The Valley Front is a militia formed in 2021.", "Valley Front", "group",
         ["The Valley Front is a militia formed in 2021."]),
        ("Danhoff, who leads the province, spoke.", "Danhoff", "person",
         ["Danhoff, who leads the province"]),
    ],
    ids=["appositive", "describes-itself", "number-with-comma", "demonym-appositive", "definition",
         "who-for-person"],
)
def test_describe_quotes_what_defines_the_entity(text: str, name: str, kind: str,
                                                 expected: list[str]) -> None:
    assert describe(text, name, kind) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Malek, the Front and the Ministry met.", "Malek", "person"),
        ("The Border Service, the Moldovan Guard and police met.", "Border Service", "group"),
        ("Militants in Lisk, who often claimed towns, left.", "Lisk", "place"),
        ("Danhoff, which surprised many, resigned.", "Danhoff", "person"),
    ],
    ids=["list-of-names", "list-with-demonym", "who-after-place", "which-after-person"],
)
def test_describe_ignores_lists_and_misattached_clauses(text: str, name: str, kind: str) -> None:
    assert describe(text, name, kind) == []
