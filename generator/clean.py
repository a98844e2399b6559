"""Stage `clean`: split an article into paragraphs with stable ids and set boilerplate aside.

Every rule here is general: it describes a kind of page furniture (teasers, footers, widgets,
spam), never the strings of one corpus. Each removed line keeps its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .lexicon import WORD, english_share
from .models import Article, Paragraph, RawArticle, Removed, SourceMeta
from .text import sentence_spans

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
          r"|\d*\s*comments?|we\s+(?:will|would)\s+be\s+happy\s+to\s+hear\s+your\s+thoughts"
          r"|join\s+the\s+(?:conversation|discussion)|share\s+your\s+thoughts|what\s+do\s+you\s+think\??"
          r"|(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+post\s+a\s+comment\.?)",
          widget=True),
    _rule("shop or account widget",
          r"(?:shopping\s+(?:cart|bag|basket)|(?:view\s+)?cart|basket|compare(?:\s+items)?|wish\s*list"
          r"|add\s+to\s+(?:cart|basket)|checkout|total\s*\(\d+\)|my\s+account|sign\s+in|log\s+in"
          r"|register|subscribe(?:\s+now)?|sign\s+up\s+for\s+our\s+newsletter|newsletter)",
          widget=True),
    _rule("share buttons",
          r"(?:share\s+(?:this|on\s+\w+)(?:\s*:)?|click\s+to\s+(?:share|print|email)[^.]{0,40}"
          r"|tweet|print|email|facebook|twitter|whatsapp|telegram|linkedin|copy\s+link)",
          widget=True),
    # Each word is taken whole (\S++): splitting one could only add words, and trying every
    # split of a long word is exponential.
    _rule("site greeting", r"welcome\s+to\s+(?:\S++\s?){1,5}[.!]?", widget=True),
    _rule("advertisement label", r"(?:advertisement|sponsored(?:\s+content)?|ad)"),
)
FOOTER_REASON = "attribution footer naming the original outlet"
SPAM_REASON = "text in another language (spam)"
TRAILER_REASON = "page furniture after the article's end"
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
    for line, text, kind in blocks:
        reason, footer_outlet = boilerplate_reason(text, check_language)
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
        meta = SourceMeta(outlet, meta.url, meta.author, meta.published, meta.language,
                          "attribution footer")
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
    if check_language and _is_foreign(bare):
        return SPAM_REASON, None
    return None, None


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
        while start < len(lines) and not lines[start].strip():
            start += 1
        title = " ".join(lines[start].lstrip("#").split()) if start < len(lines) else raw.id
        start += 1
    line = raw.first_line + max(start - 1, 0)
    suffix = HEADLINE_SECTION.fullmatch(title)
    if suffix and len(suffix.group("section").split()) <= 4:
        removed.append(Removed(line, f"| {suffix.group('section')}", "section name glued to the headline"))
        title = suffix.group("title")
    return title, removed, start


def _split_standfirst(title: str) -> tuple[str, str | None]:
    """A long first line of several sentences is a headline followed by its standfirst."""
    spans = sentence_spans(title)
    if len(title.split()) <= STANDFIRST_MIN_WORDS or len(spans) < 2:
        return title, None
    return title[: spans[0][1]], title[spans[1][0] :]


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
