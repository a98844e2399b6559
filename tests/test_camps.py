"""Camps: the body a speaker's role names groups the responses pages; union and party general
secretaries hold no state office. Invented text only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.analyze.camps import with_camps
from generator.core.models import Citation, Entity, Statement
from generator.pipeline import assemble, generate
from generator.resolve.speakers import is_official


def entity(eid: str, kind: str, name: str, role: str | None = None, aliases: tuple[str, ...] = (),
           side: str | None = None) -> Entity:
    return Entity(eid, kind, name, aliases, role, side, ())


def statement(sid: str, speaker: str | None, side: str | None = None) -> Statement:
    return Statement(sid, speaker, "", "paraphrase", "it held", False, Citation("a", "p1", "it held"),
                     side=side)


UNION = entity("union", "group", "Federation of Dam Workers", aliases=("FDW",))
OPERATOR = entity("operator", "group", "Harbor Canal Company", aliases=("HCC",))


@pytest.mark.parametrize(
    ("speakers", "side", "expected"),
    [
        # A person's role naming a group (by its short name) puts them in its camp.
        ([entity("tully", "person", "Bren Tully", "FDW general secretary")], None,
         ["Federation of Dam Workers"]),
        ([entity("lass", "person", "Hanna Lass", "chief executive of the Harbor Canal Company")], None,
         ["Harbor Canal Company"]),
        # Negative: a short name inside a longer word is not it; a role naming no group gives no camp.
        ([entity("orr", "person", "Ivo Orr", "FDWX organiser")], None, [None]),
        ([entity("brenn", "person", "Tova Brenn", "commuter")], None, [None]),
        # Negative: a side set by the text or the editor wins, and the camp is left empty.
        ([entity("tully", "person", "Bren Tully", "FDW general secretary")], "Eastland", [None]),
    ],
    ids=["role-names-short-name", "role-names-full-name", "short-name-inside-a-word", "no-group",
         "side-wins"],
)
def test_a_person_speaks_for_the_group_their_role_names(speakers: list[Entity], side: str | None,
                                                        expected: list[str | None]) -> None:
    entities = [UNION, OPERATOR, *speakers]
    camps = [s.camp for s in with_camps([statement(f"s{i}", e.id, side) for i, e in enumerate(speakers)],
                                        entities)]
    assert camps == expected


def test_a_group_is_its_own_camp_only_where_its_people_speak_for_it() -> None:
    tully = entity("tully", "person", "Bren Tully", "FDW general secretary")
    found = with_camps([statement("s1", "union"), statement("s2", "tully"), statement("s3", "operator")],
                       [UNION, OPERATOR, tully])
    assert [s.camp for s in found] == ["Federation of Dam Workers", "Federation of Dam Workers", None]


@pytest.mark.parametrize(
    ("role", "official"),
    [("FDW general secretary", False), ("the union's general secretary", False),
     ("Transport Minister", True), ("press secretary", True),
     ("general secretary and deputy minister", True),
     # A legislator's title, a legislature's speaker and a public prosecutor hold state office; a
     # company's representative, a keynote speaker and a defence lawyer do not.
     ("Representative", True), ("Rep.", True), ("a representative of the company", False),
     ("House Speaker", True), ("Speaker of the House", True), ("keynote speaker", False),
     ("United States attorney for the Western District", True), ("district attorney", True),
     ("Deputy Attorney General", True), ("defense attorney", False), ("his attorney", False),
     # A member of a legislature holds office; a candidate for one does not yet.
     ("the top Democrat on the Senate Farm Committee", True), ("member of parliament", True),
     ("presidential candidate", False), ("Sen.", True), ("shadow home secretary", False)],
)
def test_who_holds_a_state_office(role: str, official: bool) -> None:
    assert is_official(entity("x", "person", "Bren Tully", role), "") is official


def test_responses_pages_group_people_under_the_body_their_role_names(corpus: Callable[..., Path]) -> None:
    text = ("Dam workers strike over pay\n\n"
            "The Federation of Dam Workers (FDW) called the strike on Monday.\n\n"
            '"We have had enough," FDW general secretary Bren Tully told reporters.\n\n'
            "The Federation of Dam Workers said 900 members had walked out.\n")
    pages = {p.path: p.content.decode() for p in generate(corpus({"a.txt": text})).pages}
    responses = pages["responses.md"]
    assert "(people/bren-tully.md) (Federation of Dam Workers)" in responses
    assert "## Side not stated" not in responses.split("## Other statements")[1]


def test_a_hostile_camp_is_text_in_the_responses_headings() -> None:
    """The hostile site's guard has an editor's name full of markup; its spokeswoman's camp is that name,
    shown after her heading as text, never as markup."""
    fixture = Path(__file__).parent / "fixtures" / "hostile_site"
    generated = generate(fixture)
    camps = {s.camp for s in generated.site.statements if s.camp}
    assert any("<script>" in c for c in camps), camps
    responses = next(p.content.decode() for p in generated.pages if p.path == "responses.md")
    heading = next(line for line in responses.splitlines() if line.startswith("### [Mara Tesk]"))
    assert heading.endswith("(&lt;/title&gt;&lt;script&gt;alert('editorial')&lt;/script&gt;"
                            "&lt;b onclick=alert(6)&gt;Guard&lt;/b&gt; &amp;amp; \" onfocus=\"x)"), heading
    assert "<script>" not in responses and "<b " not in responses


@pytest.mark.parametrize(
    ("text", "official"),
    [("Bren Tully, Hidra Corp's vice president, said the fryers were safe.", False),
     ("Bren Tully, vice president of Hidra Corp, said the fryers were safe.", False),
     ("Vice President Bren Tully said the fryers were safe.", True)],
    ids=["company-possessive", "of-company", "vice-president-of-a-state"],
)
def test_a_company_officer_holds_no_public_office(corpus: Callable[..., Path], text: str,
                                                  official: bool) -> None:
    body = f"Fryers recalled\n\nHidra Corp makes fryers in Lisk.\n\n{text}\n"
    site, problems = assemble(corpus({"a.txt": body}))
    assert site is not None, problems
    assert [s.official for s in site.statements if s.speaker == "bren-tully"] == [official]
