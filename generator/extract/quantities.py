"""Read English quantities from text: digits, number words, vague amounts, and the words that bound them.

"At least eight", "a few hundred", "1.5 million", "$5m", "dozens", "no one" each become a Quantity: the
least and most the words allow. Years, dates, times of day, codes ("F-16", "Mi-8") and numbers inside names
("Channel 4") are not quantities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’.-][^\W\d_]+)*|\S")
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
MAX_DIGITS, MAX_VALUE = 18, 1e15
"""Longer digit strings and larger values are noise, not figures a news article gives."""
APPROX = 0.25
"""How far "about N" may stray from N either way."""

SMALL = {w: n for n, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"))} | {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90}
SCALES = {"dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
PLURAL_SCALES = {"dozens": 12.0, "scores": 20.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6,
                 "billions": 1e9, "tens": 10.0}
"""'dozens' is 2 to 9 dozen (value 24), 'hundreds' 200 to 999; 'tens' only in 'tens of thousands'."""
VAGUE = {("a", "couple", "of"): (2.0, 3.0), ("a", "handful", "of"): (2.0, 9.0), ("a", "few"): (2.0, 9.0),
         ("a", "couple"): (2.0, 3.0), ("several",): (3.0, 9.0)}
"""Vague words as (least, most), longest first; the value is the least. 'a few hundred' is 200 to 999."""
NUMBER_WORDS = frozenset(set(SMALL) | set(SCALES) | set(PLURAL_SCALES))
QUALIFIERS = {
    "at least": "min", "more than": "min", "over": "min", "just over": "min", "well over": "min",
    "upwards of": "min", "in excess of": "min", "no fewer than": "min", "no less than": "min",
    "up to": "max", "at most": "max", "fewer than": "max", "less than": "max", "under": "max",
    "just under": "max", "no more than": "max", "as many as": "max", "about": "about", "around": "about",
    "some": "about", "roughly": "about", "approximately": "about", "an estimated": "about",
    "nearly": "near", "almost": "near", "close to": "near",
}
"""Words that bound a number: min (it or more), max (it or fewer), about (either way), near (a bit under)."""
SPANS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "mile")
UNITS = {u: u + "s" for u in SPANS} | {u + "s": u + "s" for u in SPANS} | {
    "km": "kilometres", "kilometres": "kilometres", "kilometers": "kilometres", "m": "metres",
    "metres": "metres", "meters": "metres", "feet": "feet", "kg": "kilograms", "tonnes": "tonnes",
    "tons": "tonnes", "percent": "percent", "%": "percent", "dollars": "dollars", "pounds": "pounds",
    "euros": "euros"}
"""Units, by the name their measure takes."""
CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
MONEY_SUFFIX = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
ZERO_NOUNS = frozenset({"casualties", "deaths", "injuries", "fatalities", "victims"})
"""'no' and 'without' count zero only before these."""
PLURALS = frozenset({"people", "men", "women", "children", "police", "personnel", "aircraft", "staff",
                     "crew", "cattle", "sheep", "livestock", "fish", "deer"})
NOT_PLURAL = frozenset({
    "news", "series", "species", "means", "politics", "this", "thus", "always", "perhaps", "sometimes",
    "afterwards", "towards", "besides", "nevertheless", "whereas", "overseas", "indoors", "outdoors",
    "upwards", "downwards", "backwards", "forwards", "nowadays", "unless", "ours", "yours", "theirs"})
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
                    "Sep", "Sept", "Oct", "Nov", "Dec"})
CLOCK = frozenset({"am", "pm", "a.m", "p.m", "gmt", "bst", "utc", "cet", "edt", "hrs", "o'clock", "h"})
CUES = frozenset(NUMBER_WORDS | ZERO_NOUNS | set(UNITS) | set("0123456789")
                 | {"several", "few", "couple", "handful", "nobody", "none"})
"""Text with none of these words or digits holds no quantity, so it need not be tokenized."""
CUE = re.compile(r"[a-z]+|\d")
STARTERS = CUES | {q.split()[0] for q in QUALIFIERS} | {"a", "an", "no", "without"} | set(CURRENCY)
"""Words a quantity with its qualifier can start with (besides 'twenty-one')."""


class Token(NamedTuple):
    """A word, number or mark: as written, lower-cased, and its offsets in the text."""

    text: str
    low: str
    start: int
    end: int


@dataclass(frozen=True)
class Quantity:
    """A number read from the tokens, as the least and most it can mean."""

    low: float
    """Least value, which is the value given."""
    high: float
    """Most value (equal to low when exact)."""
    end: int
    """Index of the token after it."""
    words: str = ""
    """The vague or zero words that gave it ('several', 'a few hundred', 'no one'), lower-case."""


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Split text[start:end] into tokens with offsets in text."""
    return [Token(m.group(), m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def may_hold(text: str) -> bool:
    """Tell whether text may hold a quantity: a cheap test that most sentences fail."""
    return not CUES.isdisjoint(CUE.findall(text.lower()))


def may_start(low: str) -> bool:
    """Tell whether a lower-case token may begin a quantity (a cheap test before reading one)."""
    return low in STARTERS or low[0].isdigit() or low.partition("-")[0] in SMALL


def digits_value(token: str) -> float | None:
    """Read '1,500' or '2.5' as a number; None for anything else (or absurdly long)."""
    return float(token.replace(",", "")) if len(token) <= MAX_DIGITS and DIGITS.fullmatch(token) else None


def word_value(word: str) -> float | None:
    """Read 'eight' or 'twenty-one' as a number."""
    tens, _, unit = word.partition("-")
    if unit and SMALL.get(tens, 0) >= 20 and SMALL.get(unit, 10) < 10:
        return float(SMALL[tens] + SMALL[unit])
    return float(SMALL[word]) if word in SMALL else None


def looks_plural(word: str) -> bool:
    """Tell whether a lower-case word reads as a plural noun."""
    return word in PLURALS or (len(word) > 3 and word.endswith("s") and word not in NOT_PLURAL
                               and not word.endswith(("ss", "us", "is", "'s", "’s")))


def skip_digits(text: str, toks: list[Token], i: int, first: int) -> bool:
    """Tell whether digits are part of a code, date, time, year or name rather than a count."""
    tok, prev = toks[i], toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else Token("", "", 0, 0)
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end] if tok.end < len(text) else " "
    if before.isalnum() or before in "-/:.#+№" or after in "-/:°":  # Mi-8, 9/11, 10:30, 2-1, 45-year-old
        return True
    if after.isalpha() and nxt.low not in MONEY_SUFFIX and nxt.low not in UNITS:
        return True  # 1e308, 3pm, 5th
    if nxt.low in CLOCK or nxt.text in MONTHS or (prev is not None and prev.text in MONTHS):
        return True
    if prev is not None and i - 1 > first and prev.text[0].isupper() and prev.low not in WEEKDAYS:
        return True  # Channel 4, Boeing 747
    return len(tok.text) == 4 and tok.text.isdecimal() and 1000 <= int(tok.text) <= 2199  # a year


def is_scaled(text: str, toks: list[Token], i: int) -> bool:
    """Tell whether letters after digits scale them: '$5m', '3m euros', '1.5m people' ('5m' is metres)."""
    after = toks[i + 2].low if i + 2 < len(toks) else ""
    return toks[i + 1].low in ("bn", "tn") or text[toks[i].start - 1 : toks[i].start] in CURRENCY \
        or UNITS.get(after) in CURRENCY.values() or (after not in UNITS and looks_plural(after))


def read_scaled(toks: list[Token], i: int, value: float) -> Quantity | None:
    """Apply the scale words after a number ('two hundred and fifty', '1.5 million', 'two million three')."""
    total, scaled, last = 0.0, False, math.inf
    while i < len(toks) and value <= MAX_VALUE:
        low = toks[i].low
        if low in SCALES and SCALES[low] < last:  # big scales fall: "two million three thousand"
            scale = SCALES[low]
            total, value = (total + value * scale, 0.0) if scale >= 1e3 else (total, value * scale)
            i, scaled, last = i + 1, True, scale if scale >= 1e3 else last
        elif scaled and low == "and" and i + 1 < len(toks) and toks[i + 1].low in SMALL:
            i += 1
        elif scaled and (small := word_value(low)) is not None:
            value, i, scaled = value + small, i + 1, False
        else:
            break
    total += value
    return Quantity(total, total, i) if total <= MAX_VALUE else None


def read_vague(toks: list[Token], i: int) -> Quantity | None:
    """Read 'several', 'a few hundred', 'dozens', 'tens of thousands' as a range."""
    lows = [t.low for t in toks[i : i + 3]]
    key = next((k for k in VAGUE if tuple(lows[: len(k)]) == k), None)
    if key is not None:
        (low, high), j = VAGUE[key], i + len(key)
    elif lows[0] in PLURAL_SCALES:
        scale, j = PLURAL_SCALES[lows[0]], i + 1
        low, high = 2 * scale, 10 * scale - 1
    else:
        return None
    while j < len(toks) and high <= MAX_VALUE:
        if toks[j].low == "of" and j + 1 < len(toks) and toks[j + 1].low in PLURAL_SCALES.keys() - {"tens"}:
            j += 1  # "hundreds of thousands"
        elif toks[j].low not in SCALES:
            break
        scale = SCALES.get(toks[j].low) or PLURAL_SCALES[toks[j].low]
        low, high, j = low * scale, (high + 1) * scale - 1, j + 1
    if (lows[0] == "tens" and j == i + 1) or high > MAX_VALUE:
        return None
    return Quantity(low, high, j, " ".join(t.low for t in toks[i:j]))


def read_quantity(text: str, toks: list[Token], i: int, first: int, qualified: bool) -> Quantity | None:
    """Read the number at token i (`first`: the sentence's first word; `qualified`: after 'at least')."""
    tok, nxt = toks[i], toks[i + 1].low if i + 1 < len(toks) else ""
    if (tok.low in ("no", "without") and nxt in ZERO_NOUNS) or tok.low in ("nobody", "none"):
        return Quantity(0.0, 0.0, i + 1, tok.low)
    if (tok.low, nxt) == ("no", "one"):
        return Quantity(0.0, 0.0, i + 2, "no one")
    if qualified and tok.low in ("a", "an") and nxt in UNITS and nxt.isalpha():
        return Quantity(1.0, 1.0, i + 1)  # "over a year"
    if (vague := read_vague(toks, i)) is not None:
        return vague
    if tok.text[0].isdecimal():  # as \d in TOKEN: not '²', which int() refuses
        value = None if skip_digits(text, toks, i, first) else digits_value(tok.text)
        if value is not None and nxt in MONEY_SUFFIX and toks[i + 1].start == tok.end \
                and is_scaled(text, toks, i):
            return Quantity(value * MONEY_SUFFIX[nxt], value * MONEY_SUFFIX[nxt], i + 2)
    elif tok.low in ("a", "an") and nxt in SCALES:
        value = 1.0
    else:  # a capitalised number word after a word is part of a name: "Formula One"
        named = tok.text[0].isupper() and i > first and toks[i - 1].text[0].isalpha()
        value = None if named else word_value(tok.low)
    return None if value is None else read_scaled(toks, i + 1, value)


def bounds(qualifier: str, q: Quantity) -> tuple[float | None, float | None]:
    """Turn a quantity and its qualifier into the least and most values the words allow (None: no bound)."""
    kind = QUALIFIERS.get(qualifier, "")
    if kind in ("about", "near"):
        return q.low * (1 - APPROX), q.high * (1 + APPROX) if kind == "about" else q.high
    return (None if kind == "max" else q.low), (None if kind == "min" else q.high)
