"""Find the figures the articles give (people injured, villages, hours) and group them into measures.

A figure is a quantity (see quantities.py), the thing it counts and, where the text says, what happened to
those things ("injured", "evacuated"): together they name the measure ("people injured"). When two sources
give values of one measure that no reading reconciles, the measure is a conflict: nothing is averaged or
picked. Only counts that say what happened can conflict: "two people" in one place and "9,000 people" in
another are different people, and units (hours, percent, dollars) do not say what they measure.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from wordfreq import zipf_frequency

from ..core.models import Article, Citation, Figure, FigureValue, Paragraph
from ..core.parallel import per_item
from ..core.slugs import assign_slugs
from ..core.text import sentence_spans
from .quantities import (
    CURRENCY,
    NUMBER_WORDS,
    QUALIFIERS,
    UNITS,
    Quantity,
    Token,
    bounds,
    looks_plural,
    may_hold,
    may_start,
    read_quantity,
    tokenize,
)

MAX_QUOTE = 300
"""A sentence longer than this is cut to the clause (or words) around the figure."""
CLAUSE_MARKS = ",;:()–—"
STATES: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "killing", "killings", "dead", "died", "perished", "slain", "deaths", "death",
               "fatalities"),
    "injured": ("injured", "injuring", "injuries", "wounded", "wounding", "hurt"),
    "evacuated": ("evacuated", "evacuating", "evacuation"), "detained": ("detained", "detention"),
    "arrested": ("arrested", "arresting", "arrest", "arrests"), "missing": ("missing",),
    "captured": ("captured", "capturing", "capture", "seized", "seizing"), "rescued": ("rescued", "rescue"),
    "liberated": ("liberated", "liberating", "liberation"), "displaced": ("displaced",),
    "hospitalised": ("hospitalised", "hospitalized"), "kidnapped": ("kidnapped", "abducted"),
    "released": ("released", "freed", "release"), "destroyed": ("destroyed", "destroying", "destruction"),
    "damaged": ("damaged", "damaging"), "shot down": ("downed",), "deployed": ("deployed", "deploying"),
    "affected": ("affected",),
}
"""What happened to the things counted, by canonical participle ('wounded' folds into 'injured')."""
STATE_OF = {form: state for state, forms in STATES.items() for form in forms}
PARTICIPLES = frozenset({"dead", "hurt", "missing", "slain"})
"""States that follow the noun without ending in -ed ('two men were hurt')."""
NOT_HUMAN = frozenset({"liberated", "destroyed", "damaged", "shot down"})
"""States that, after a bare number ('eight were injured'), do not mean people."""
PASSIVE = frozenset({"were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "reportedly",
                     "allegedly", "also", "later", "all", "reported", "believed", "feared", "thought",
                     "said", "confirmed", "known", "to", "now", "still", "seriously", "critically",
                     "badly", "slightly", "fatally"})
"""Words skipped between a counted noun and its state ('were reportedly killed')."""
STOP = PASSIVE | frozenset({
    "the", "a", "an", "of", "in", "on", "at", "for", "from", "by", "with", "and", "or", "but", "as", "than",
    "that", "which", "who", "whom", "whose", "will", "would", "could", "should", "may", "might", "must",
    "can", "did", "do", "does", "after", "before", "into", "over", "under", "about", "since", "per", "this",
    "these", "those", "their", "his", "her", "its", "our", "your", "they", "them", "it", "he", "she", "we",
    "you", "there", "here", "while", "when", "where", "if", "not", "no", "so", "up", "down", "out", "off",
    "ago", "more", "less", "other", "each", "every", "both", "including", "such", "only", "just"})
"""Function words: a noun phrase ends before them."""
DETERMINERS = frozenset({"the", "their", "his", "her", "its", "our", "your", "those", "these", "my",
                         "them", "us"})
"""Words between 'of' and the noun in 'five of their fighters'."""
GENERIC = frozenset({"times", "occasions", "ways", "reasons", "things", "kinds", "sorts", "types",
                     "respects", "aspects", "words", "moments", "instances", "others", "ones", "hundreds",
                     "thousands", "millions", "billions", "dozens"})
"""Plural heads that say how often or in how many ways, not what is counted."""
SELF_MEASURING = frozenset({"casualties", "victims"})
"""Nouns that say what happened by themselves, so that their counts can conflict with no state word."""
SINGULAR_TO_PLURAL = {"person": "people", "man": "men", "woman": "women", "child": "children",
                      "persons": "people", "individuals": "people"}
CUMULATIVE = re.compile(r"\b(?:since|so far|to date|in total|altogether|overall|cumulative)\b", re.I)
RATE = re.compile(r"\b(?:(?:per|every|each|a) (?:day|week|month|year)|daily|weekly|monthly|annually)\b", re.I)


@dataclass(frozen=True)
class Subject:
    """What a quantity counts: a plural noun or a unit, and what happened to the things counted."""

    noun: str
    """Plural noun or unit name."""
    state: str
    """Canonical participle ('injured') or ''."""
    unit: bool
    """Whether the noun is a unit (hours, kilometres, percent)."""
    end: int
    """Index of the token after the words that give the figure."""


@dataclass(frozen=True)
class Found:
    """One value with the measure it belongs to."""

    measure: str
    """What is counted."""
    scope: str
    """'', 'cumulative' or 'rate'."""
    comparable: bool
    """Whether its values can conflict: a count with what happened to it ('people injured'), or casualties."""
    value: FigureValue
    """The value."""
    offset: int
    """Where in the paragraph it starts, for reading order."""


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """Tell whether a word is attested English (a lower bar than lexicon's 'common', to keep 'evacuees')."""
    return zipf_frequency(word, "en") >= 2.0


def pluralise(word: str) -> str:
    """Give the plural of a counted noun, so that 'one person' and 'two people' share a measure."""
    if word in SINGULAR_TO_PLURAL or looks_plural(word):
        return SINGULAR_TO_PLURAL.get(word, word)
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def state_after(toks: list[Token], k: int) -> str:
    """Find the state after a counted noun: 'were reportedly killed', 'shot down'."""
    for j in range(k, min(k + 6, len(toks))):
        low = toks[j].low
        if low == "shot" and j + 1 < len(toks) and toks[j + 1].low == "down":
            return "shot down"
        if low in STATE_OF and (low.endswith("ed") or low in PARTICIPLES):
            return STATE_OF[low]
        if low not in PASSIVE:
            break
    return ""


def state_before(toks: list[Token], start: int) -> str:
    """Find the state before a figure: 'killing 12', 'liberated two', 'the deaths of dozens'."""
    prev = toks[start - 1].low if start > 0 else ""
    if prev in STATE_OF and prev.endswith(("ed", "ing")):
        return STATE_OF[prev]
    before = toks[start - 2].low if start > 1 else ""
    return STATE_OF[before] if prev == "of" and before in STATE_OF else ""


def noun_run(toks: list[Token], k: int) -> list[int]:
    """Index the words of the noun phrase at k: up to four, ending before a function word or verb."""
    run: list[int] = []
    while k < len(toks) and len(run) < 4:
        low = toks[k].low
        if not low[0].isalpha() or low in STOP or low.endswith(("ly", "ing")) or low in NUMBER_WORDS:
            break
        if low in STATE_OF and not (k + 1 < len(toks) and looks_plural(toks[k + 1].low)):
            break  # "eight injured", "one man died"; but "two injured soldiers" goes on
        run.append(k)
        k += 1
    return run


def people(state: str, end: int) -> Subject | None:
    """Count people when a bare number has a human state ('eight were injured', 'killing 12')."""
    return Subject("people", state, False, end) if state and state not in NOT_HUMAN else None


def read_subject(toks: list[Token], start: int, q: Quantity, qualified: bool) -> Subject | None:
    """Read what a quantity counts: a unit, or a noun phrase's head with the state of those things."""
    k, n = q.end, len(toks)
    one = q.low == q.high == 1
    needs_state = one or q.words == "none"  # "one of the guards said", "none of the addresses work"
    idiom = one and not qualified and not toks[q.end - 1].text[0].isdecimal()  # "one day" is not a figure
    state = state_before(toks, start)
    if q.words in ("no one", "nobody"):
        return people(state or state_after(toks, k), k)
    if k + 1 < n and toks[k].low == "of" and (q.words or toks[k + 1].low in DETERMINERS):
        k += 2 if toks[k + 1].low in DETERMINERS else 1
    low, nxt = (toks[k].low if k < n else ""), (toks[k + 1].low if k + 1 < n else "")
    if low in UNITS:  # "45 years old" is an age
        return None if nxt == "old" or idiom else Subject(UNITS[low], "", True, k + 1)
    if (low, nxt) == ("per", "cent"):
        return Subject("percent", "", True, k + 2)
    run = noun_run(toks, k)
    heads = [j for j in run if one or looks_plural(toks[j].low)]
    if not heads:  # "12 deaths", "3 dead", "eight were injured", "killing 12"
        noun_state = STATE_OF.get(low, "")
        return people(state or noun_state or state_after(toks, k), k + 1 if noun_state else q.end)
    head = heads[-1] if one else heads[0]
    word = toks[head].low
    if word in GENERIC or not is_english_word(word):
        return None
    if word in UNITS:
        return None if idiom else Subject(UNITS[word], "", True, head + 1)
    adjectives = [STATE_OF[toks[j].low] for j in run if j < head and toks[j].low in STATE_OF]
    state = state or (adjectives[0] if adjectives else state_after(toks, head + 1))
    return None if needs_state and not state else Subject(pluralise(word), state, False, head + 1)


@dataclass(frozen=True)
class Reading:
    """A figure as read from the tokens: its qualifier, quantity and subject."""

    qualifier: str
    """'at least', 'about', ... or ''."""
    quantity: Quantity
    """The number."""
    subject: Subject
    """What it counts."""


def read_figure(text: str, toks: list[Token], i: int, first: int) -> Reading | None:
    """Read a figure at token i: a qualifier, a currency sign, the quantity, and what it counts."""
    for size in (3, 2, 1, 0):
        qualifier, j = " ".join(t.low for t in toks[i : i + size]), i + size
        if j >= len(toks) or (size and qualifier not in QUALIFIERS):
            continue
        currency = CURRENCY.get(toks[j].text, "")
        j += bool(currency) and j + 1 < len(toks) and toks[j + 1].start == toks[j].end
        q = read_quantity(text, toks, j, first, size > 0) if j < len(toks) else None
        if q is None:
            continue
        subject = Subject(currency, "", True, q.end) if currency else read_subject(toks, i, q, size > 0)
        if subject is not None:
            return Reading(qualifier, q, subject)
    return None


def quote_span(text: str, span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """Narrow a long sentence to the clause (or failing that the words) around text[start:end]."""
    a, b = span
    if b - a > MAX_QUOTE:  # look near the figure only: a huge sentence costs what a short one does
        low, high = max(a, start - MAX_QUOTE // 2), min(b, end + MAX_QUOTE // 2)
        a = max([low] + [text.rfind(c, low, start) + 1 for c in CLAUSE_MARKS])
        b = min([high] + [x for x in (text.find(c, end, high) for c in CLAUSE_MARKS) if x >= 0])
        if a == low > span[0]:  # no clause mark: begin and end at a space
            a = text.find(" ", a, start) + 1 or a
        if b == high < span[1]:
            b = max(text.rfind(" ", end, b), end)
    while a < start and text[a].isspace():
        a += 1
    while b > end and text[b - 1].isspace():
        b -= 1
    return a, b


def scope_of(sentence: str) -> str:
    """Tell whether a sentence gives a running total ('since ...'), a rate ('per day') or neither."""
    return "cumulative" if CUMULATIVE.search(sentence) else "rate" if RATE.search(sentence) else ""


def make_found(source: str, paragraph: Paragraph, span: tuple[int, int], start: int, end: int,
               reading: Reading, claimant_of: Callable[[Citation], str | None]) -> Found:
    """Make the value of a figure read at text[start:end], cited to its sentence (or clause)."""
    text, q, subject = paragraph.text, reading.quantity, reading.subject
    a, b = quote_span(text, span, start, end)
    citation = Citation(source, paragraph.id, text[a:b])
    words = " ".join(w for w in (reading.qualifier, q.words) if w)
    value = FigureValue(q.low, text[start:end], claimant_of(citation), citation, words,
                        *bounds(reading.qualifier, q))
    scope = "" if subject.unit else scope_of(citation.quote)
    comparable = not subject.unit and bool(subject.state or subject.noun in SELF_MEASURING)
    return Found(f"{subject.noun} {subject.state}".strip(), scope, comparable, value, start)


def _article_figures(article: Article,
                     claimant_of: Callable[[Citation], str | None]) -> list[tuple[int, Found]]:
    """An article's figures, each with the number of its paragraph."""
    return [(int(p.id[1:]) if p.id[1:].isdecimal() else 0, f) for p in article.paragraphs
            for f in paragraph_figures(article.id, p, claimant_of)]


def paragraph_figures(source: str, paragraph: Paragraph,
                      claimant_of: Callable[[Citation], str | None]) -> list[Found]:
    """Find the figures in one paragraph, sentence by sentence."""
    text, found = paragraph.text, []
    for span in sentence_spans(text):
        if not may_hold(text[span[0] : span[1]]):
            continue
        toks = tokenize(text, *span)
        first = next((j for j, t in enumerate(toks) if t.text[0].isalnum()), 0)
        i = 0
        while i < len(toks):
            reading = read_figure(text, toks, i, first) if may_start(toks[i].low) else None
            if reading is None:
                i += 1
                continue
            end = toks[reading.subject.end - 1].end
            found.append(make_found(source, paragraph, span, toks[i].start, end, reading, claimant_of))
            i = max(reading.subject.end, i + 1)
    return found


def disagree(values: Sequence[FigureValue]) -> bool:
    """Tell whether two sources give values no reading reconciles: one's most is below the other's least."""
    most: dict[str, float] = {}
    least: dict[str, float] = {}
    for v in values:
        source = v.citation.source
        most[source] = min(most.get(source, math.inf), math.inf if v.high is None else v.high)
        least[source] = max(least.get(source, 0.0), v.low or 0.0)
    lows = sorted(((x, s) for s, x in least.items()), reverse=True)[:2]
    highs = sorted((x, s) for s, x in most.items())[:2]
    return any(s != t and high < low for low, s in lows for high, t in highs)


def find_figures(articles: Sequence[Article], claimant_of: Callable[[Citation], str | None] = lambda c: None,
                 jobs: int = 1) -> tuple[Figure, ...]:
    """Find every figure (each article's on one of `jobs` processes), group them by measure and scope,
    and flag the measures sources disagree on."""
    groups: dict[tuple[str, str], list[tuple[tuple[str, int, int], FigureValue]]] = {}
    loose: set[tuple[str, str]] = set()
    in_articles = per_item(_article_figures, articles, jobs, claimant_of)
    for article, in_article in zip(articles, in_articles, strict=True):
        for number, f in in_article:
            groups.setdefault((f.measure, f.scope), []).append(((article.id, number, f.offset), f.value))
            if not f.comparable:
                loose.add((f.measure, f.scope))
    ids = assign_slugs(f"{measure} {scope}" for measure, scope in groups)
    figures = []
    for (measure, scope), found in groups.items():
        values = tuple(v for _, v in sorted(found, key=lambda pair: pair[0]))
        conflict = (measure, scope) not in loose and disagree(values)
        figures.append(Figure(ids[f"{measure} {scope}"], measure, conflict, values, scope))
    return tuple(sorted(figures, key=lambda f: f.id))
