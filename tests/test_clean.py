"""Stage clean: each boilerplate rule, paragraph kinds, titles, and nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.clean import (
    FOOTER_REASON,
    INVISIBLE_REASON,
    SPAM_REASON,
    TRAILER_REASON,
    boilerplate_reason,
    clean_article,
)
from generator.load import load_corpus
from generator.models import Article, RawArticle, SourceMeta

from .conftest import DEV_CONTENT


def clean(text: str, title: str | None = None) -> Article:
    return clean_article(RawArticle("a", "a.txt", text, 1, title, SourceMeta()), "a")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read Also : Minister Resigns Over Budget Row", "related-article teaser"),
        ("READ ALSO: Floods hit the coast", "related-article teaser"),
        ("Related: How the storm formed", "related-article teaser"),
        ("You may also like: Ten photos of the week", "related-article teaser"),
        ("Source link", "link to the scraped source"),
        ("Source", "link to the scraped source"),
        ("This article has been updated.", "update notice"),
        ("This story has been updated with comment from the ministry.", "update notice"),
        ("Updated: 12 March 2024, 10:04 GMT", "update notice"),
        ("Read the original article on The Harbor Ledger", FOOTER_REASON),
        ("This article originally appeared on Example Weekly.", FOOTER_REASON),
        ("Originally published by Coast News", FOOTER_REASON),
        ("Leave a reply", "comment widget"),
        ("We will be happy to hear your thoughts", "comment widget"),
        ("12 Comments", "comment widget"),
        ("Shopping cart", "shop or account widget"),
        ("Compare items", "shop or account widget"),
        ("  • Total (0)", "shop or account widget"),
        ("Share this:", "share buttons"),
        ("Welcome to Some Site.", "site greeting"),
        ("Advertisement", "advertisement label"),
        ("istanbul eskort ankara eskort - izmir eskort - bursa eskort", SPAM_REASON),
        ("murah sekali jual obat pelangsing badan asli terpercaya", SPAM_REASON),
    ],
)
def test_clean_rule_removes_boilerplate(line: str, reason: str) -> None:
    assert boilerplate_reason(line)[0] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Read the statement in full before voting, the minister urged.",
        "See more of the damage in the footage released on Monday.",
        "Sources said the talks had stalled.",
        "Updated rules take effect next week.",
        "The source of the leak is unclear.",
        "Welcome to the new normal, one resident said of the curfew.",
        "Comments by the governor drew criticism.",
        "Kozlovka, Vetrino, Zharnovo and Plitsk were evacuated.",
        "Situation in the valley remains tense",
        "“The valley will be free!” the fighters shouted.",
        "He said the cart was overturned by the crowd.",
        "The group posted the video on Telegram.",
    ],
)
def test_clean_rule_keeps_article_text(line: str) -> None:
    assert boilerplate_reason(line) == (None, None)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Read the original article on Business Daily", "Business Daily"),
        ("Read the full story at The Coast Times.", "The Coast Times"),
        ("This article was originally published on The Conversation.", "The Conversation"),
    ],
)
def test_clean_footer_names_the_outlet(line: str, outlet: str) -> None:
    article = clean(f"Headline\n\nBody text of the article.\n\n{line}\n")
    assert article.meta.outlet == outlet
    assert article.meta.outlet_from == "attribution footer"
    assert [p.text for p in article.paragraphs] == ["Body text of the article."]


def test_clean_editor_outlet_wins_over_footer() -> None:
    raw = RawArticle("a", "a.txt", "Headline\n\nBody.\n\nRead the original article on X\n", 1,
                     None, SourceMeta(outlet="Editor Outlet", outlet_from="editor"))
    assert clean_article(raw, "a").meta.outlet == "Editor Outlet"


def test_clean_spam_rule_is_off_for_articles_not_in_english() -> None:
    text = ("Titre\n\nle gouvernement a annoncé mardi une nouvelle série de mesures pour la région.\n"
            "\nles habitants ont été évacués vers les villes voisines selon la préfecture.\n")
    assert len(clean(text).paragraphs) == 2


def test_clean_strips_section_suffix_from_headline() -> None:
    article = clean("Floods cut off mountain towns | World\n\nBody.\n")
    assert article.title == "Floods cut off mountain towns"
    assert article.removed[0].text == "| World"


def test_clean_keeps_a_pipe_that_is_part_of_the_headline() -> None:
    title = "Votes | a history of the long count in the northern districts today"
    assert clean(f"{title}\n\nBody.\n").title == title


def test_clean_splits_a_standfirst_from_a_long_headline() -> None:
    first = ("Is the valley safe after the flood? Engineers and residents disagree sharply about "
             "whether the dam can hold through the spring rains.")
    article = clean(f"{first}\n\nBody.\n")
    assert article.title == "Is the valley safe after the flood?"
    assert article.paragraphs[0].text.startswith("Engineers and residents")


def test_clean_takes_title_from_front_matter() -> None:
    article = clean("First paragraph of text.\n", title="Given title")
    assert article.title == "Given title"
    assert article.paragraphs[0].text == "First paragraph of text."


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Situation in the valley remains tense", "heading"),
        ("What is the Valley Front?", "heading"),
        ("  • Officials say two towns were flooded.", "bullet"),
        (" - Best actor - Jane Doe", "bullet"),
        ("The governor said the dam held.", "text"),
        ("“We will rebuild,” she said", "text"),
        ("His late strike secured a place in the final for", "text"),
        ("after the seventh seed beat the holder in straight sets", "text"),
        ("Engineers are increasingly worried the spillway gates of the dam will not hold longer", "text"),
        ("Monday, 4 March", "heading"),
    ],
)
def test_clean_gives_paragraph_kinds(text: str, kind: str) -> None:
    assert clean(f"Headline\n\n{text}\n").paragraphs[0].kind == kind


def test_clean_gives_ids_in_order_and_line_numbers() -> None:
    article = clean("Headline\n\nOne.\n\nSource link\n\nTwo.\nThree.\n")
    assert [(p.id, p.text, p.line) for p in article.paragraphs] == [
        ("p1", "One.", 3), ("p2", "Two.", 7), ("p3", "Three.", 8)]


def test_clean_rejoins_soft_wrapped_lines() -> None:
    article = clean("Headline\n\nThe minister said the\nvalley would be rebuilt.\n")
    assert [p.text for p in article.paragraphs] == ["The minister said the valley would be rebuilt."]


def test_clean_removes_invisible_characters_and_says_so() -> None:
    article = clean("Headline\n\nThe gov\u200bernor \u202esaid\u202c no.\n")
    assert article.paragraphs[0].text == "The governor said no."
    assert article.removed[0].reason == INVISIBLE_REASON
    assert article.removed[0].text == "U+200B U+202C U+202E"


def test_clean_removes_page_furniture_after_a_widget() -> None:
    article = clean("Headline\n\nBody text.\n\nLeave a reply\n\nPopular posts\n\nCookie settings\n")
    assert [p.text for p in article.paragraphs] == ["Body text."]
    assert [r.reason for r in article.removed][1:] == [TRAILER_REASON, TRAILER_REASON]


def dev_articles() -> list[Article]:
    corpus, problems = load_corpus(DEV_CONTENT)
    assert [p for p in problems if p.severity == "error"] == []
    return [clean_article(raw, raw.id) for raw in corpus.articles]


def test_clean_dev_corpus_keeps_every_line_or_says_why() -> None:
    for article in dev_articles():
        original = Path(article.path).read_text(encoding="utf-8")
        kept = " ".join([article.title] + [p.text for p in article.paragraphs])
        for line in original.split("\n"):
            text = " ".join(line.split()).lstrip("• ")
            if not text:
                continue
            gone = [r for r in article.removed if r.text in text]
            assert gone or text in kept or text.split(" | ")[0] in kept, (article.id, text)


def test_clean_dev_corpus_has_no_boilerplate_left() -> None:
    junk = ("Read Also", "Source link", "has been updated", "Read the original article",
            "Leave a reply", "Shopping cart", "Compare items", "eskort", "Total (0)", "Welcome to")
    for article in dev_articles():
        for p in article.paragraphs:
            assert not any(j in p.text for j in junk), (article.id, p.text)
        assert " | " not in article.title
