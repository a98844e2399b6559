"""Stage `clean`: split an article into paragraphs with stable ids and set boilerplate aside.

Every rule here is general: it describes a kind of page furniture (teasers, footers, widgets,
spam), never the strings of one corpus. Each removed line keeps its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from ..core.lexicon import WORD, english_share
from ..core.models import Article, Paragraph, RawArticle, Removed
from ..core.text import sentence_spans
from .provenance import (
    AGENCY_TAG,
    AUTHOR_NOTE_REASON,
    COPYRIGHT,
    MASTHEAD_REASON,
    SITE_PROMO,
    author_note,
    byline,
    is_credit,
    is_stamp,
    masthead,
    read_source_meta,
)

BULLET = re.compile(r"^\s*[•·▪●◦‣∙*–—-]\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?:;,…\"'”’»)\]]$")
STANDFIRST_MIN_WORDS = 20
"""A first line longer than this, with several sentences, holds a standfirst too."""
HEADING_MAX_WORDS = 12
TRAILING_FUNCTION_WORDS = frozenset({
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with", "than", "that",
})
"""A line ending in one of these was cut mid-sentence: it is not a subheading."""
MAX_PARAGRAPH_CHARS = 100_000
"""Wrapped lines are re-joined into a paragraph only up to this length, the longest line the loader
accepts: a paragraph of any length would only be pathological input, and every later stage reads a
paragraph as a whole."""
HEADLINE_SECTION = re.compile(r"^(?P<title>.+?)\s+\|\s+(?P<section>[^|]{1,40})$")
BODY_FIRST_LINE_WORDS = 25
"""A first line longer than this whose first sentence ends with a full stop is body text: headlines
do not end with a full stop, and a long one is the article's first paragraph (it has no headline)."""
TITLE_CASE_OPENING = 5
"""A first line whose first words are all capitalised opens with a headline, however long it is."""
HEADLINE_END_MARKS = frozenset('"”’\'?!')
"""Marks a title-case headline may end with, where a standfirst run into it can begin."""
UNTITLED = "Untitled article {id}"
"""The title of an article that has no headline."""


@dataclass(frozen=True)
class LineRule:
    """A kind of boilerplate line, recognised by a whole-line pattern."""

    reason: str
    """What the line is, as shown to the reader."""
    pattern: re.Pattern[str]
    """Matched against the whole line (bullet marker removed, whitespace folded)."""
    widget: bool = False
    """Whether it marks the page furniture that follows an article's end."""


def _rule(reason: str, pattern: str, widget: bool = False) -> LineRule:
    return LineRule(reason, re.compile(pattern, re.IGNORECASE), widget)


OUTLET_FOOTER = re.compile(
    r"(?:read|see|view)\s+(?:the\s+)?(?:full|original)\s+(?:article|story|post|report)\s+"
    r"(?:on|at|from|in)\s+(?P<outlet>[^.!?]{2,60}?)\.?"
    r"|(?:this\s+)?(?:article|story|post)\s+(?:was\s+|is\s+)?(?:originally\s+)?"
    r"(?:appeared|published|first\s+appeared|republished)\s+(?:on|in|at|by|from)\s+"
    r"(?P<outlet2>[^.!?]{2,60}?)\.?"
    r"|originally\s+published\s+(?:on|in|at|by)\s+(?P<outlet3>[^.!?]{2,60}?)\.?",
    re.IGNORECASE,
)

LINE_RULES: tuple[LineRule, ...] = (
    _rule("related-article teaser",
          r"read\s+also\b.*|(?:see\s+also|read\s+more)\s*[:：\-–—|].*"
          r"|(?:also\s+read|related(?:\s+(?:articles?|stories|coverage|news|reading))?"
          r"|recommended(?:\s+for\s+you)?|more\s+on\s+this\s+story|you\s+may\s+also\s+like"
          r"|don'?t\s+miss|must\s+read|trending(?:\s+now)?)\s*[:：\-–—|].*"),
    _rule("link to the scraped source", r"(?:source|original|via)\s*(?:link|url)?\s*:?\s*"),
    _rule("update notice",
          r"(?:this\s+(?:article|story|post|report)\s+(?:has\s+been|was|is\s+being)\s+updated"
          r"(?:\s+[^.]{0,80})?\.?)|(?:last\s+)?updated\s*(?:on|at)?\s*[:\-–]?\s*"
          r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
          r"[\w ,:.+]{0,40}"),
    _rule("comment widget",
          r"(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|cancel\s+reply"
          r"|\d*\s*comments?|(?:view|show|hide|read|see)\s+(?:all\s+)?\d*\s*comments?|we\s+(?:will|would)\s+be\s+happy\s+to\s+hear\s+your\s+thoughts"
          r"|join\s+the\s+(?:conversation|discussion)|share\s+your\s+thoughts|what\s+do\s+you\s+think\??"
          r"|(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+post\s+a\s+comment\.?)",
          widget=True),
    _rule("shop or account widget",
          r"(?:shopping\s+(?:cart|bag|basket)|(?:view\s+)?cart|basket|compare(?:\s+items)?|wish\s*list"
          r"|add\s+to\s+(?:cart|basket)|checkout|total\s*\(\d+\)|my\s+account|sign\s+in|log\s+in"
          r"|register|subscribe(?:\s+now)?|sign\s+up\s+for\s+our\s+newsletter|newsletter)",
          widget=True),
    _rule("share buttons",
          r"(?:share\s+(?:this(?:\s+(?:article|story|post|page|video|report))?|on\s+\w+)(?:\s*:)?|click\s+to\s+(?:share|print|email)[^.]{0,40}"
          r"|tweet|print|email|facebook|twitter|whatsapp|telegram|linkedin|copy\s+link)",
          widget=True),
    # Each word is taken whole (\S++): splitting one could only add words, and trying every
    # split of a long word is exponential.
    _rule("site greeting", r"welcome\s+to\s+(?:\S++\s?){1,5}[.!]?", widget=True),
    _rule("advertisement label", r"(?:advertisement|sponsored(?:\s+content)?|ad)"),
    _rule("story status stamp",
          r"(?:developing(?:\s+story)?|breaking(?:\s+news)?|more\s+to\s+(?:follow|come)"
          r"|this\s+(?:story|article|post|report)\s+is\s+(?:being\s+updated|developing)[^.]{0,60})"
          r"\s*(?:\.{2,3}|…|[.!])?"),
    _rule("newsletter or alerts promo",
          r"(?:breaking\s+)?news\s+(?:e-?mails|alerts)"
          r"|(?:get|sign\s+up\s+for|subscribe\s+to)\s+(?:our\s+|the\s+)?(?:breaking\s+|daily\s+|free\s+)?"
          r"news\s*(?:alerts|e-?mails|letters?|updates)\b[^|]{0,160}"
          r"|get\s+more\s+news\S*(?:\s+\S+){0,4}"),
    _rule("time and source stamp", r"(?:[/|]\s*)*(?:updated\s*)?(?:[/|]\s*)+source\s*:\s*[^.]{1,60}"),
    _rule("browser notice",
          r"(?=.{0,160}\bbrowser\b).{0,40}(?:is\s+not\s+supported|unsupported|out\s+of\s+date)\b.{0,120}"),
    _rule("affiliate-link disclaimer", r"we\s+(?:may\s+)?(?:earn|receive)\s+(?:a\s+)?commission\b.{0,120}"),
    _rule("pointer to a slideshow or video",
          r"(?:here'?s|here\s+is|see|view|watch|click\s+(?:here\s+)?(?:to\s+see|for))\s+(?:a|the|our)\s+"
          r"(?:photo\s+)?(?:slideshow|gallery|photo\s+gallery|video)\s+of\b[^.]{0,120}\.?"),
    _rule("video player", r"watch\s*:.{0,120}"),
    _rule("credit line",
          r"\(\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|research|graphics?)\s+by\s+"
          r"[^()]{2,200}\)"),
    _rule("photo caption",
          r"[^\n]{10,500}?[.!?]\s+(?:photo(?:graph)?|picture|image)s?\s*:\s*[^.,;:!?]{1,60}"),
    _rule("photo credit",
          r"(?:photo(?:graph)?|picture|image|credit|photo\s+credit)s?\s*:\s*[^.,;:!?]{1,60}"
          r"|\((?:[^()]*/[^()]*|[^()]*\b(?:images?|photos?|pictures?|file)\b[^()]*)\)"),
)
CASE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("related-article teaser", re.compile(r"RELATED\s+[A-Z].{0,160}")),
    ("site promo", SITE_PROMO),
    ("copyright line", COPYRIGHT),
    ("agency tag", AGENCY_TAG),
    ("video player", re.compile(r"[^.!?]{3,120}\s\d{1,2}:\d{2}")),
    ("video player", re.compile(r"Watch\s+(?:[Ll]ive\s+)?(?:[A-Z][\w&'.-]*\s*){1,4}")),
    ("photo credit", re.compile(r"(?=.*\b(?:Images?|Photos?|Pictures?|Wire|Pool|File|Stock)\b)"
                                r"[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}\s?/\s?[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,3}")),
)
"""Rules read after date stamps, some of them needing capitals as written: a video's title with its
running time, a player's masthead, an all-capitals label, a credit of names joined by a slash."""
STAMP_REASON = "date or time stamp"
PHOTO_CREDIT_REASON = "photo credit"
CAPTION_REASON = "photo caption"
REPEATED_TITLE_REASON = "player or gallery title repeated by the next line"
IMAGE_TITLE_REASON = "title of the lead image"
LEAD_IMAGE_BLOCKS = 3
"""A lead image's title stands among the first paragraphs of the body."""
IMAGE_TITLE_MIN_WORDS = 5
CAPITALISED_FUNCTION_WORDS = frozenset({
    "At", "The", "Of", "In", "On", "For", "And", "To", "A", "An", "With", "From", "By", "As",
})
CAPTION_MAX_WORDS = 80
"""A caption above a photo credit is at most this long; a longer block is reporting."""
MAX_CAPTION_CHARS = 600
"""Where a caption's position cue is looked for at the start of a paragraph."""
CAPTION_CUE = re.compile(
    r",\s+(?:(?:second|third)\s+(?:from\s+)?)?(?:left|right|centre|center|top|bottom|front|rear)"
    r"(?:\s+to\s+right)?,",
)
"""How a caption tells where a person stands in the picture: ", left,", ", second from right,"."""
BYLINE_REASON = "byline"
CREDIT_REASON = "credit line"
FOOTER_REASON = "attribution footer naming the original outlet"
FOOTER_SOURCE = "attribution footer"
SPAM_REASON = "text in another language (spam)"
TRAILER_REASON = "page furniture after the article's end"
AUTHOR_NOTE_BLOCKS = 3
"""An author's note stands among the last paragraphs of the page."""
INVISIBLE_REASON = "invisible control or formatting characters (zero-width, direction overrides)"


def clean_article(raw: RawArticle, slug: str) -> Article:
    """Split into title and paragraphs, set boilerplate aside, give paragraphs ids p1..pn."""
    lines, removed = _strip_invisible(raw.text.split("\n"), raw.first_line)
    title, title_removed, start = _take_title(raw, lines)
    removed += title_removed
    blocks = _paragraph_candidates(lines[start:], raw.first_line + start)
    title, standfirst = _split_standfirst(title)
    if standfirst:
        blocks.insert(0, (raw.first_line + max(start - 1, 0), standfirst, "text"))
    check_language = english_share(" ".join(text for _, text, _ in blocks)) >= 0.6
    outlet: str | None = None
    kept: list[tuple[int, str, str]] = []
    after_widget = False
    blocks = _split_captions(blocks, removed)
    by_context = _context_reasons([text for _, text, _ in blocks])
    for index, (line, text, kind) in enumerate(blocks):
        reason, footer_outlet = boilerplate_reason(text, check_language)
        reason = reason or by_context.get(index)
        if reason is None and index >= len(blocks) - AUTHOR_NOTE_BLOCKS and author_note(text):
            reason = AUTHOR_NOTE_REASON
        if reason is None and after_widget and _is_fragment(text):
            reason = TRAILER_REASON
        if reason is None:
            kept.append((line, text, kind))
            continue
        removed.append(Removed(line, text, reason))
        outlet = outlet or footer_outlet
        after_widget = after_widget or _is_widget(reason)
    paragraphs = tuple(Paragraph(f"p{i}", text, kind, line)
                       for i, (line, text, kind) in enumerate(kept, start=1))
    meta = raw.meta
    if meta.outlet is None and outlet:
        meta = replace(meta, outlet=outlet, outlet_from=FOOTER_SOURCE)
    named = [r for r in removed if r.reason not in (PHOTO_CREDIT_REASON, CAPTION_REASON)]
    meta = read_source_meta(meta, named, [p.text for p in paragraphs])
    return Article(raw.id, slug, raw.path, title, paragraphs,
                   tuple(sorted(removed)), meta)


def boilerplate_reason(text: str, check_language: bool = True) -> tuple[str | None, str | None]:
    """Say why a line is boilerplate (and which outlet a footer names), or (None, None)."""
    bare = " ".join(BULLET.sub("", text).split())
    footer = OUTLET_FOOTER.fullmatch(bare)
    if footer:
        outlet = footer.group("outlet") or footer.group("outlet2") or footer.group("outlet3")
        return FOOTER_REASON, outlet.strip(" .")
    for rule in LINE_RULES:
        if rule.pattern.fullmatch(bare):
            return rule.reason, None
    shape = _shape_reason(bare)
    if shape:
        return shape, None
    if check_language and _is_foreign(bare):
        return SPAM_REASON, None
    return None, None


def _shape_reason(bare: str) -> str | None:
    """Name the furniture a line is by its shape: a stamp, a byline, a credit, a capitalised label."""
    if is_stamp(bare):
        return STAMP_REASON
    for reason, pattern in CASE_RULES:
        if pattern.fullmatch(bare):
            return reason
    if byline(bare):
        return BYLINE_REASON
    if is_credit(bare):
        return CREDIT_REASON
    return None


def _context_reasons(texts: list[str]) -> dict[int, str]:
    """Name furniture known by its neighbours: a caption above a photo credit (and the same caption
    printed twice), and a player's title that the next line repeats with more words."""
    reasons: dict[int, str] = {}
    for i, text in enumerate(texts):
        nxt = texts[i + 1] if i + 1 < len(texts) else ""
        if nxt and boilerplate_reason(nxt, False)[0] == PHOTO_CREDIT_REASON \
                and len(text.split()) <= CAPTION_MAX_WORDS and boilerplate_reason(text, False)[0] is None:
            reasons[i] = CAPTION_REASON
            if i and texts[i - 1] == text:
                reasons[i - 1] = CAPTION_REASON
        elif nxt.startswith(text + " ") and not SENTENCE_END.search(text) \
                and len(text.split()) <= HEADING_MAX_WORDS:
            reasons.setdefault(i, REPEATED_TITLE_REASON)
        elif i < LEAD_IMAGE_BLOCKS and _is_image_title(text):
            reasons[i] = IMAGE_TITLE_REASON
    return reasons


def _is_image_title(text: str) -> bool:
    """An image library's title: every word capitalised, articles and prepositions too, no full stop.

    An article's own subheading leaves its short words in lower case ("Rescue at the dam") or
    stands among the paragraphs, not above the first of them.
    """
    words = text.split()
    capital_function_words = sum(w in CAPITALISED_FUNCTION_WORDS for w in words)
    return (IMAGE_TITLE_MIN_WORDS <= len(words) <= HEADING_MAX_WORDS and capital_function_words >= 2
            and all(w[0].isupper() or not w[0].isalpha() for w in words) and not SENTENCE_END.search(text))


def _split_captions(blocks: list[tuple[int, str, str]], removed: list[Removed]) -> list[tuple[int, str, str]]:
    """Set aside a photo caption run together with the paragraph after it.

    A caption tells where people stand in the picture (", left,"): when the first sentence of a
    paragraph does and more sentences follow, that sentence is the caption.
    """
    result: list[tuple[int, str, str]] = []
    for line, text, kind in blocks:
        spans = sentence_spans(text) if CAPTION_CUE.search(text[:MAX_CAPTION_CHARS]) else []
        first = text[: spans[0][1]] if spans else ""
        if len(spans) >= 2 and CAPTION_CUE.search(first):
            removed.append(Removed(line, first, CAPTION_REASON))
            text = text[spans[1][0]:]
        result.append((line, text, kind))
    return result


def _is_widget(reason: str) -> bool:
    return any(rule.widget and rule.reason == reason for rule in LINE_RULES)


def _is_fragment(text: str) -> bool:
    """Tell a short widget label from a sentence of the article."""
    return len(text.split()) <= 8 and not SENTENCE_END.search(text.rstrip("!"))


def _is_foreign(text: str) -> bool:
    """A line whose ordinary (lower-case) words are mostly not English is spam in an English page."""
    lower = [w for w in WORD.findall(text) if w[0].islower()]
    return len(lower) >= 4 and english_share(" ".join(lower)) < 0.4


def _strip_invisible(lines: list[str], first_line: int) -> tuple[list[str], list[Removed]]:
    """Remove control, zero-width and bidirectional characters, noting where."""
    removed: list[Removed] = []
    result: list[str] = []
    for offset, line in enumerate(lines):
        kept = "".join(ch for ch in line if not _invisible(ch))
        if kept != line:
            codes = sorted({f"U+{ord(ch):04X}" for ch in line if _invisible(ch)})
            removed.append(Removed(first_line + offset, " ".join(codes), INVISIBLE_REASON))
        result.append(kept)
    return result, removed


def _invisible(ch: str) -> bool:
    """Control and formatting characters: invisible, or able to reorder what a reader sees."""
    return ch != "\t" and unicodedata.category(ch) in ("Cc", "Cf")


def _take_title(raw: RawArticle, lines: list[str]) -> tuple[str, list[Removed], int]:
    """Return the headline (from front matter or the first non-empty line) and where the body starts."""
    removed: list[Removed] = []
    start = 0
    if raw.title is not None:
        title = raw.title
    else:
        title, start = _first_headline(raw, lines, removed)
    line = raw.first_line + max(start - 1, 0)
    suffix = HEADLINE_SECTION.fullmatch(title)
    if suffix and len(suffix.group("section").split()) <= 4:
        removed.append(Removed(line, f"| {suffix.group('section')}", "section name glued to the headline"))
        title = suffix.group("title")
    return title, removed, start


def _first_headline(raw: RawArticle, lines: list[str], removed: list[Removed]) -> tuple[str, int]:
    """Take the first line that looks like a headline, setting aside the furniture before it.

    Returns the headline and the index of the line after it. An article whose first line is body
    text has no headline: it gets UNTITLED, and its body starts at that line.
    """
    start = 0
    while start < len(lines):
        text = " ".join(lines[start].lstrip("#").split())
        if not text:
            start += 1
            continue
        reason, _ = boilerplate_reason(text, check_language=False)
        reason = reason or (MASTHEAD_REASON if masthead(text) else None)
        if reason is None:
            break
        removed.append(Removed(raw.first_line + start, text, reason))
        start += 1
    if start >= len(lines):
        return UNTITLED.format(id=raw.id), start
    text = " ".join(lines[start].lstrip("#").split())
    if _is_body_text(text):
        return UNTITLED.format(id=raw.id), start
    return text, start + 1


def _is_body_text(text: str) -> bool:
    """A long line whose first sentence ends with a full stop is a paragraph, not a headline, unless
    it opens in title case (a headline run into its standfirst)."""
    spans = sentence_spans(text)
    first = text[: spans[0][1]] if spans else text
    words = text.split()
    title_case = all(w[0].isupper() for w in words[:TITLE_CASE_OPENING])
    return len(words) > BODY_FIRST_LINE_WORDS and first.rstrip().endswith(".") and not title_case


def _split_standfirst(title: str) -> tuple[str, str | None]:
    """A long first line of several sentences is a headline followed by its standfirst."""
    spans = sentence_spans(title)
    if len(title.split()) <= STANDFIRST_MIN_WORDS:
        return title, None
    if len(spans) < 2:
        return _split_title_case_run(title)
    return title[: spans[0][1]], title[spans[1][0] :]


def _split_title_case_run(title: str) -> tuple[str, str | None]:
    """A title-case headline ending in a quotation, question or exclamation mark, run into a
    standfirst in sentence case: split after that mark, before the capitalised word that opens
    the standfirst ('... Says It Made "Mistakes" The chief executive said ...')."""
    words = title.split(" ")
    if not all(w[:1].isupper() for w in words[:TITLE_CASE_OPENING]):
        return title, None
    first_lower = next((i for i, w in enumerate(words)
                        if w[:1].islower() and w.lower() not in TRAILING_FUNCTION_WORDS), None)
    if first_lower is None or first_lower < 2:
        return title, None
    end = first_lower - 1
    if words[end][:1].isupper() and words[end - 1][-1:] in HEADLINE_END_MARKS:
        return " ".join(words[:end]), " ".join(words[end:])
    return title, None


def _paragraph_candidates(lines: list[str], first_line: int) -> list[tuple[int, str, str]]:
    """Group lines into (line, text, kind) paragraphs: one per line, re-joining soft-wrapped lines.

    A paragraph's lines are gathered in a list and joined once, so that a paragraph wrapped over many
    lines costs its length, not its length times its lines.
    """
    result: list[tuple[int, list[str], str]] = []
    joinable = False
    length = 0
    for offset, line in enumerate(lines):
        text = " ".join(line.split())
        if not text:
            joinable = False
            continue
        bullet = BULLET.match(line)
        if joinable and not bullet and text[0].islower() and result \
                and length + 1 + len(text) <= MAX_PARAGRAPH_CHARS:
            result[-1][1].append(text)
            length += 1 + len(text)
        elif bullet:
            result.append((first_line + offset, [" ".join(line[bullet.end():].split())], "bullet"))
            length = len(result[-1][1][0])
        else:
            result.append((first_line + offset, [text], "text"))
            length = len(text)
        joinable = not _ends_sentence(result[-1][1][-1])
    joined = [(line, " ".join(parts), kind) for line, parts, kind in result]
    return [(line, text, _kind(text, kind)) for line, text, kind in joined]


def _ends_sentence(text: str) -> bool:
    """SENTENCE_END.search(text), reading only the end of the text (where the pattern is anchored)."""
    return SENTENCE_END.search(text[-2:]) is not None


def _kind(text: str, kind: str) -> str:
    """A short line with no sentence ending is a subheading."""
    words = text.split()
    short = 2 <= len(words) <= HEADING_MAX_WORDS and len(text) <= 100
    unfinished = not SENTENCE_END.search(text) or text.endswith("?")
    cut_off = words[-1].lower() in TRAILING_FUNCTION_WORDS
    starts_like_title = text[0].isupper() or text[0].isdigit()
    if kind == "text" and short and unfinished and starts_like_title and not cut_off:
        return "heading"
    return kind
