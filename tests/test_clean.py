"""Stage clean: each boilerplate rule, paragraph kinds, titles, and nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core.models import Article, RawArticle, SourceMeta
from generator.ingest.clean import (
    FOOTER_REASON,
    INVISIBLE_REASON,
    SPAM_REASON,
    TRAILER_REASON,
    boilerplate_reason,
    clean_article,
)
from generator.ingest.load import load_corpus

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


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Updated 09:47 GMT", "update notice"),
        ("May 3, 2019 | 09:47 GMT", "date or time stamp"),
        ("First Posted: 03/05/19 10:12 AM ET", "date or time stamp"),
        ("PUBLISHED: FRIDAY, MAY 3, 2019, 6:15 PM", "date or time stamp"),
        ("Saturday, 4th May 2019 | 11:20 am", "date or time stamp"),
        ("Agency, Friday 3 May 2019", "date or time stamp"),
        ("RIVERTON, May 3, 2019", "date or time stamp"),
        ("on May 03 2019 10:41 AM", "date or time stamp"),
        ("By Jane Q. Doe", "byline"),
        ("By Jane Doe and John Roe, Coast Wire", "byline"),
        ("By Harbor News", "byline"),
        ("Jane Doe and John Roe, The Example Press", "byline"),
        ("Additional reporting by John Roe in the capital", "credit line"),
        ("Video report by Harbor News correspondent Jane Doe", "credit line"),
        ("Developing...", "story status stamp"),
        ("This story is developing.", "story status stamp"),
        ("More to follow", "story status stamp"),
        ("Breaking News Emails", "newsletter or alerts promo"),
        ("Get breaking news alerts and special reports delivered to your inbox.",
         "newsletter or alerts promo"),
        ("/ Updated / Source: Coast Wire", "time and source stamp"),
        ("Version 9 is not supported. Please use another browser.", "browser notice"),
        ("We may earn a commission from links on this page.", "affiliate-link disclaimer"),
        ("Here's a slideshow of images of the flooded valley.", "pointer to a slideshow or video"),
        ("Watch: Floodwater pours through the square", "video player"),
        ("Watch Harbor News", "video player"),
        ("Rescuers reach the valley town 02:15", "video player"),
        ("Photo: Jane Doe/Example Agency", "photo credit"),
        ("(Jane Doe / Example Agency)", "photo credit"),
        ("(Stock Images)", "photo credit"),
        ("Example Wire/Example Images", "photo credit"),
        ("More from Harbor Post: Ten years after the flood", "site promo"),
        ("RELATED Court rules on the dam", "related-article teaser"),
        ("© 2019 Example Media. All rights reserved.", "copyright line"),
        ("(XYZ)", "agency tag"),
        ("View Comments", "comment widget"),
        ("Share this article", "share buttons"),
        ("Share this story:", "share buttons"),
        ("(Writing by Jane Doe; Editing by John Roe)", "credit line"),
        ("(Reporting by Jane Doe in Riverton; Additional reporting by Ann Poe; Editing by John Roe)",
         "credit line"),
        ("Floodwater in the lower town on Friday. Photo: Jane Doe/Example Agency", "photo caption"),
        ("The mayor visits the dam. Picture: Example Wire", "photo caption"),
    ],
)
def test_clean_furniture_rule_removes_page_furniture(line: str, reason: str) -> None:
    assert boilerplate_reason(line)[0] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Monday, 4 March",
        "On May 3, 2019, the river burst its banks.",
        "By March 2019, when the inquiry opened, the dam had cracked.",
        "By then the water had reached the square.",
        "Jane Doe, the mayor, said the town would rebuild.",
        "The report by the river authority was published on Friday.",
        "Developing countries asked for more aid.",
        "Residents said they got no alerts before the flood.",
        "Officials said the warning system is not supported by the budget.",
        "The workers earn a commission on each sale, the firm said.",
        "Watch the water, the engineer told residents.",
        "Photo: a flooded street Two people were hurt, the mayor said.",
        "More from the minister later, the spokesman said.",
        "Related charges were filed against the contractor.",
        "The (XYZ) committee met on Friday.",
        "Comments by the governor drew criticism.",
        "Either/or choices were put to residents.",
        "Copyright law changed last year.",
        "(Reuters and others reported the flood.)",
        "Share this with your neighbours, the mayor urged residents.",
        "(Editing the report took a week, she said.)",
        "The photo: a flooded street, shared widely on Friday.",
        "The mayor shared this picture: the dam at dawn, before it failed.",
    ],
)
def test_clean_furniture_rule_keeps_reporting(line: str) -> None:
    assert boilerplate_reason(line) == (None, None)


@pytest.mark.parametrize(
    "lines",
    [
        ["May 3, 2019 07:44"],
        ["RIVERTON, May 3, 2019", "Updated: May 3, 2019 15:01 GMT"],
        ["Version 9 is not supported. For a better experience use another browser."],
        ["Watch Harbor News"],
        ["Harbor News | Politics"],
        ["Channel 9 News"],
    ],
)
def test_clean_headline_is_the_first_line_after_furniture(lines: list[str]) -> None:
    article = clean("\n\n".join([*lines, "Floods cut off mountain towns", "The river rose."]) + "\n")
    assert article.title == "Floods cut off mountain towns"
    assert [r.text for r in article.removed] == lines
    assert [p.text for p in article.paragraphs] == ["The river rose."]


def test_clean_article_opening_with_body_text_has_no_headline() -> None:
    first = ("The river burst its banks on Friday night, flooding the lower town and forcing hundreds "
             "of residents to leave their homes. Officials said the dam held.")
    article = clean(f"{first}\n\nRescuers reached the town on Saturday.\n")
    assert article.title == "Untitled article a"
    assert article.paragraphs[0].text == first


def test_clean_keeps_a_long_question_headline_with_its_standfirst() -> None:
    first = ("Is the valley safe after the flood? Engineers and residents disagree sharply about "
             "whether the dam can hold through the spring rains.")
    assert clean(f"{first}\n\nBody.\n").title == "Is the valley safe after the flood?"


def test_clean_sets_aside_a_caption_above_a_photo_credit_and_its_repeat() -> None:
    caption = "The mayor walks through the flooded square on Friday."
    text = f"Headline\n\nThe river rose.\n\n{caption}\n{caption}\n(Jane Doe / Example Agency)\n\nIt fell.\n"
    article = clean(text)
    assert [p.text for p in article.paragraphs] == ["The river rose.", "It fell."]
    assert [r.reason for r in article.removed] == ["photo caption", "photo caption", "photo credit"]


def test_clean_keeps_a_long_paragraph_above_a_photo_credit() -> None:
    long = " ".join(["The river rose again overnight."] * 20)
    article = clean(f"Headline\n\n{long}\n(Jane Doe / Example Agency)\n")
    assert [p.text for p in article.paragraphs] == [long]


def test_clean_sets_aside_a_player_title_repeated_by_the_next_line() -> None:
    article = clean("Headline\n\nRescuers reach the valley\nRescuers reach the valley town 02:15\n\nBody.\n")
    assert [p.text for p in article.paragraphs] == ["Body."]
    assert article.removed[0].reason == "player or gallery title repeated by the next line"


def test_clean_keeps_a_subheading_that_the_next_paragraph_does_not_repeat() -> None:
    article = clean("Headline\n\nRescuers reach the valley\n\nRescuers said the road was open.\n")
    assert [p.text for p in article.paragraphs] == ["Rescuers reach the valley",
                                                    "Rescuers said the road was open."]


def test_clean_splits_a_caption_from_the_paragraph_it_runs_into() -> None:
    line = ("The mayor, left, greets rescuers in the square on Friday. The river rose two metres "
            "overnight, officials said.")
    article = clean(f"Headline\n\n{line}\n")
    assert [p.text for p in article.paragraphs] == ["The river rose two metres overnight, officials said."]
    assert article.removed[0].text == "The mayor, left, greets rescuers in the square on Friday."


def test_clean_keeps_a_paragraph_whose_only_sentence_has_a_position_word() -> None:
    line = "The mayor, left, said the town would rebuild."
    assert [p.text for p in clean(f"Headline\n\n{line}\n").paragraphs] == [line]


def test_clean_reads_outlet_author_and_date_from_the_text() -> None:
    text = "Headline\n\nMay 3, 2019 07:44\n\nBy Jane Doe, Coast Wire\n\nThe river rose.\n"
    meta = clean(text).meta
    assert (meta.outlet, meta.outlet_from) == ("Coast Wire", "byline")
    assert (meta.author, meta.author_from) == ("Jane Doe", "byline")
    assert (meta.dateline, meta.dateline_from) == ("May 3, 2019 07:44", "date line")


def test_clean_editor_metadata_wins_over_the_text() -> None:
    meta = SourceMeta(outlet="Editor Outlet", author="Editor Author", published="2019-05-03",
                      outlet_from="editor", author_from="editor")
    text = "Headline\n\nMay 3, 2019\n\nBy Jane Doe, Coast Wire\n\nBody.\n"
    raw = RawArticle("a", "a.txt", text, 1, None, meta)
    got = clean_article(raw, "a").meta
    assert (got.outlet, got.author, got.published, got.dateline) == (
        "Editor Outlet", "Editor Author", "2019-05-03", None)


def test_clean_reads_the_outlet_from_the_address_host() -> None:
    raw = RawArticle("a", "a.txt", "Headline\n\nBody.\n", 1, None,
                     SourceMeta(url="https://www.example-news.org/2019/05/flood.html"))
    meta = clean_article(raw, "a").meta
    assert (meta.outlet, meta.outlet_from) == ("example-news.org", "web address")


@pytest.mark.parametrize(
    ("lines", "removed"),
    [
        (["The town counts the cost.", "Rescue Teams Gather At The Flooded Valley Dam", "The river rose."],
         ["Rescue Teams Gather At The Flooded Valley Dam"]),
        (["The town counts the cost.", "Rescue teams gather at the flooded valley dam",
          "The river rose."], []),
        (["The town counts the cost.", "The river rose.", "It fell.",
          "Rescue Teams Gather At The Flooded Valley Dam"], []),
    ],
)
def test_clean_sets_aside_a_lead_image_title_only_above_the_body(lines: list[str],
                                                                 removed: list[str]) -> None:
    article = clean("Headline\n\n" + "\n\n".join(lines) + "\n")
    assert [r.text for r in article.removed] == removed


def test_clean_keeps_a_long_title_case_first_line_as_the_headline() -> None:
    first = ("Mayor Of Riverton Orders Evacuation As Dam Cracks, Says Town Is Not Safe The mayor ordered "
             "the lower town evacuated on Friday after engineers found cracks.")
    assert clean(f"{first}\n\nBody.\n").title == first


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ('Mayor Of Riverton Says Town Made "Mistakes" Riverton mayor Jane Doe said the dam inspections '
         'had been too rare, in her first comments since the flood.',
         'Mayor Of Riverton Says Town Made "Mistakes"'),
        ("Can The Dam Hold Another Spring? Engineers in the valley said on Friday that the cracks had "
         "widened over the winter months", "Can The Dam Hold Another Spring?"),
        ("Mayor Of Riverton Orders Evacuation As Dam Cracks, Says Town Is Not Safe Jane Doe ordered the "
         "lower town evacuated after engineers found cracks", None),
    ],
)
def test_clean_splits_a_title_case_headline_run_into_its_standfirst(first: str, title: str | None) -> None:
    article = clean(f"{first}\n\nBody.\n")
    assert article.title == (title or first)
    if title:
        assert article.paragraphs[0].text == first[len(title) + 1:]


@pytest.mark.parametrize(
    ("note", "outlet"),
    [
        ("Jane Doe is Harbor News's transport correspondent.", "Harbor News"),
        ("Jane Doe is the editor of Coast Review.", "Coast Review"),
        ("Jane Doe is a senior editor at Valley Weekly, covering the courts.", "Valley Weekly"),
        ("Jane Doe covers water policy for River Report.", "River Report"),
        ("Jane Doe is a freelance journalist.", None),
    ],
)
def test_clean_sets_aside_an_authors_note_at_the_end_and_reads_the_outlet(
        note: str, outlet: str | None) -> None:
    article = clean(f"Floods cut off towns\n\nThe river rose.\n\nThe dam held.\n\n{note}\n")
    assert [r.reason for r in article.removed] == ["author's note"]
    assert [p.text for p in article.paragraphs] == ["The river rose.", "The dam held."]
    assert article.meta.outlet == outlet


@pytest.mark.parametrize(
    "text",
    [
        "Jane Doe is the editor of Coast Review, the mayor said.",
        "Jane Doe, 54, is a former reporter.",
        "The editor of Coast Review resigned on Friday.",
    ],
)
def test_clean_keeps_reporting_about_a_journalist(text: str) -> None:
    article = clean(f"Floods cut off towns\n\nThe river rose.\n\n{text}\n")
    assert [p.text for p in article.paragraphs] == ["The river rose.", text]


def test_clean_keeps_an_authors_note_shape_far_from_the_end() -> None:
    text = "Jane Doe is the editor of Coast Review."
    article = clean(f"Floods cut off towns\n\n{text}\n\nA.\n\nB.\n\nC.\n")
    assert article.paragraphs[0].text == text
