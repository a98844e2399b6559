"""Stage `extract` (names): find the names of groups, places and people, with offsets.

Every rule is general. A name is a run of capitalised words joined by "of", "of the", "for",
"&", hyphens or surname particles ("de", "van der"); after a head noun also by "for the".
Addresses keep their abbreviations ("E. 52nd St", "Ave. K"), and a dotted acronym or "Jr." its
last full stop. A word capitalised only by its position (sentence start, after an opening
quote, in a title-case headline) counts only if it is not an ordinary word of the corpus, unless
the corpus writes the same name mid-sentence. Titles ("President", "Governor") split a run into
affiliation, role and person; a field or court before a title ("Psychology Professor",
"District Judge") belongs to the title. Demonyms, adjectives of a place the corpus names
("Veskarian") and hyphenated adjectives ("Valley-backed") describe rather than name, unless a
head noun follows ("... Corps", "... Federation").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any, Protocol

from wordfreq import zipf_frequency

from ..core.gazetteer import country_by_name, country_of_demonym
from ..core.lexicon import (
    AREA_HEADS,
    GIVEN_NAMES,
    GROUP_HEADS,
    HYPHEN_PARTICLE,
    INNER_PARTICLES,
    LOWER_BODY_HEADS,
    NAME_PARTICLES,
    PLACE_HEADS,
    ROLE_NOUNS,
    STREET_ABBREVIATIONS,
    TIME_WORDS,
    TITLE_QUALIFIERS,
    TITLES,
    UNNAMED_BODIES,
    WEEKDAYS_MONTHS,
    demonyms_of,
    is_common_english,
)
from ..core.models import Article, Mention, Paragraph

TOKEN = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
CONNECTORS = (("of", "the"), ("of",), ("for",))
HEAD_CONNECTORS = (("for", "the"),)
"""Joiners that continue a name only after a group head noun: 'the Court for the Lisk District'."""
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                         "her", "our", "my", "your", "both", "per", "unlike", "what", "as"})
ADJECTIVE_SUFFIXES = ("-backed", "-aligned", "-born", "-based", "-led", "-run", "-held", "-linked",
                      "-controlled", "-occupied", "-style", "-era", "-made", "-funded", "-ism")
ADJECTIVE_PREFIXES = ("pro-", "anti-", "non-", "ex-", "post-", "pre-", "neo-")
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ians", "eans", "ans", "an", "i", "ic")
DEMONYM_STEM = 3
"""Least letters before a demonym ending: shorter words ending so are names ('San')."""
OPENERS = "\"“‘'(«[–—-:"
CLOSERS = "\"”’')]"
"""Marks that may follow a sentence's full stop ('... said." Then')."""
AREA_HEAD = re.compile(rf" ({'|'.join(sorted(AREA_HEADS))})\b(?!-)")
BODY_HEAD = re.compile(rf" ({'|'.join(sorted(LOWER_BODY_HEADS))})\b(?![-'’])")
"""A lower-case 'campaign' or 'family' right after a one-word name is part of the name: 'the Dorn
campaign' is the candidate's organisation, 'the Dorn family' his kin."""
"""A lower-case administrative head right after a name ('X region') is part of the name."""
ABBREVIATION = re.compile(r"(?<![\w.])(\w+)$")
"""The word right before a full stop."""
ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
"""An ordinal before a name ending in a head noun is part of it: '67th Precinct', '3rd Brigade'."""
DIRECTIONS = frozenset({"East", "West", "North", "South"})
"""Before an ordinal, a direction belongs to a street's name: 'East 4th Street'."""
DIRECTION_INITIALS = frozenset({"E", "W", "N", "S"})
"""Directions abbreviated before a numbered street: 'E. 52nd St.'."""
DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")
"""An acronym written with full stops ('U.S', its last stop outside the token)."""
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                     "northwestern", "southeastern", "southwestern", "upper", "lower"})
"""Words that begin the names of parts of an area ('Central Lisk', 'Upper Sela')."""
COMPASS_BEFORE = re.compile(r"(?<![\w-])(" + "|".join(sorted(COMPASS)) + r") $")
"""A lower-case compass word right before a name."""
PERSON_APPOSITIVE = re.compile(r",\s+(?:of|who|\d{1,3},)\s|,\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}(?:"
                               + "|".join(sorted(ROLE_NOUNS)) + r")\b")
"""After a full name: ', of the firm X', ', who ...', ', 43,', ', transport spokesman ...': what
introduces a person."""
BODY_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?P<head>[a-z]+)\s*[,.;]")
"""After a body's full name: ', a consumer rights group,', ', the national carrier.': what it is."""
WORD_BEFORE = re.compile(r"(?<![\w.])(\w+)\.?\s+$")
"""The word right before a name, with the full stop of its abbreviation ('Rep. X')."""
ARTICLE_END = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
"""An article right before a word."""
LOWER_START = re.compile(r"^\s+[a-z]")
"""A lower-case word right after a word."""
SURNAME_ZIPF = 4.0
"""A word this frequent in English is too ordinary to be read as a surname on its own evidence."""
SUFFIXES = frozenset({"jr", "sr"})
"""Generational suffixes written after a personal name, abbreviated with a full stop."""
TITLE_ROLES = ROLE_NOUNS | TITLES | frozenset({
    "advocate", "counsel", "examiner", "councilman", "councilwoman", "congressman", "congresswoman",
    "assemblyman", "assemblywoman", "alderman", "sheriff", "ranger", "trooper", "detective", "officer",
    "agent"})
"""Role nouns that, written capitalised before a personal name, are its title ('General Counsel X')."""
DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]{2,}){0,2})(?:,[^–—-]{0,40})?\s*[–—-]")


@dataclass(frozen=True, order=True)
class Name:
    """A name found in a paragraph, with the title that introduces it."""

    mention: Mention
    """Where it is and how it is written (offsets into the paragraph)."""
    title: str
    """A title or role written just before it ("Brazilian President"), or ''."""
    dateline: bool = False
    """Whether it is an all-caps dateline ("LISBON –"): always a place."""


class Counts(Protocol):
    """All the name rules ask of a count of words: how often one word occurs (0 if never)."""

    def __getitem__(self, word: str, /) -> int: ...


class Words(Protocol):
    """All the name rules ask of a set of words: whether it holds one."""

    def __contains__(self, word: object, /) -> bool: ...


Reads = dict[tuple[str, str], int | bool]
"""What the names of one article were found with: (field of the vocabulary, word) -> the count or
the membership the vocabulary gave."""
COUNTS = ("lower", "capitalised_mid", "capitalised_alone")
"""The fields of a Vocabulary that count words (the others are sets of words)."""


@dataclass(frozen=True)
class Vocabulary:
    """What the whole corpus says about words: how often each is written in lower case.

    The name rules only look words up in it (`Counts`, `Words`), so what one article's names were
    found with can be noted (`traced`) and checked against the vocabulary of a later run
    (`answers`): where it answers the same, the same names are found.
    """

    lower: Counts
    """Occurrences of each word written entirely in lower case."""
    capitalised_mid: Counts
    """Occurrences of each word capitalised where position does not force it."""
    capitalised_alone: Counts
    """Of those, the ones where it stands alone, not inside a longer name."""
    compass_led: Words = frozenset()
    """A capitalised compass word and the word after it in a name, lower-cased as 'central Lisk'."""
    name_ends: Words = frozenset()
    """Last words of the corpus's names of two words or more ('Board' of 'Lisk Water Board')."""
    mid_names: Words = frozenset()
    """Names of two words or more that the corpus writes where position forces no capital."""

    def traced(self) -> tuple[Vocabulary, Reads]:
        """This vocabulary as one that notes every word looked up in it, and the notes."""
        reads: Reads = {}
        noted: dict[str, Any] = {  # every field, each a Counts or Words by COUNTS
            f.name: (_NotedCounts if f.name in COUNTS else _NotedWords)(getattr(self, f.name), f.name, reads)
            for f in fields(self)}
        return replace(self, **noted), reads

    def answers(self, reads: Reads) -> bool:
        """Does this vocabulary give every answer noted in `reads`?"""
        for (name, word), value in reads.items():
            found = getattr(self, name)
            if (found[word] if name in COUNTS else word in found) != value:
                return False
        return True

    def adjective_of_people(self, name: str, before: str, after: str) -> bool:
        """A one-word name that is the adjective of a place the corpus names ('Veskarian' beside
        'Veskaria'), or shaped like one between an article and a noun ('the Calderian port')."""
        if " " in name or name.isupper() or _country(name):
            return False
        stems = [name[:-len(e)] for e in ("ian", "ean", "an", "n", "ese") if name.endswith(e)]
        named = any(name in demonyms_of(v) for s in stems for v in (s, s + "a", s + "e", s + "o")
                    if len(s) >= DEMONYM_STEM and self.capitalised_mid[v] > 0)
        shaped = name.endswith(("ian", "ean", "ese", "ish")) and ARTICLE_END.search(before) is not None \
            and LOWER_START.match(after) is not None
        return named or shaped

    def bare_head(self, word: str) -> bool:
        """A head noun alone that names nothing: ordinary ('the Board' of a quote, where the
        corpus writes 'board' more often) and the end of no longer name it could stand for."""
        return _is_head(word) and self.ordinary(word) and word not in self.name_ends

    def ordinary(self, word: str) -> bool:
        """An ordinary word: common English, not more often capitalised alone than written lower."""
        word = _unowned(word)
        key = word.lower()
        acronym = len(word) > 1 and word.isupper()
        alone = sum(self.capitalised_alone[word + end] for end in ("", "'s", "’s"))
        return not acronym and is_common_english(key) and self.lower[key] >= alone

    def attested_ordinary(self, word: str) -> bool:
        """An ordinary word the corpus itself also writes in lower case ('Said' in 'Danhoff Said')."""
        return self.lower[word.lower()] > 0 and self.ordinary(word)

    def headline_only(self, word: str) -> bool:
        """A common word (or an inflection of one: 'Invades') the body never capitalises: its
        capital in a headline proves nothing."""
        lower = word.lower()
        stems = [lower] + [lower[:-len(end)] for end in ("s", "es", "ed", "d", "ing") if lower.endswith(end)]
        return any(is_common_english(s) for s in stems if len(s) >= 3) and self.capitalised_mid[word] == 0


class _NotedCounts:
    """Counts that note each word looked up in them."""

    def __init__(self, counts: Counts, name: str, reads: Reads) -> None:
        self.counts, self.name, self.reads = counts, name, reads

    def __getitem__(self, word: str, /) -> int:
        value = self.reads[(self.name, word)] = self.counts[word]
        return value


class _NotedWords:
    """A set of words that notes each word asked about."""

    def __init__(self, words: Words, name: str, reads: Reads) -> None:
        self.words, self.name, self.reads = words, name, reads

    def __contains__(self, word: object, /) -> bool:
        value = self.reads[(self.name, str(word))] = word in self.words
        return value


@dataclass(frozen=True)
class WordUses:
    """What one article adds to the vocabulary (the corpus's is the sum of its articles')."""

    lower: tuple[str, ...]
    """Every word written entirely in lower case, as often as it is written."""
    capitalised_mid: tuple[str, ...]
    """Every word capitalised where position does not force it, as often as it is."""
    capitalised_alone: tuple[str, ...]
    """Of those, the ones that stand alone."""
    compass_led: frozenset[str]
    """See Vocabulary."""
    name_ends: frozenset[str]
    """See Vocabulary."""
    mid_names: frozenset[str]
    """See Vocabulary."""


def word_uses(article: Article) -> WordUses:
    """Collect an article's lower-case and mid-sentence capitalised uses of words."""
    lower: list[str] = []
    mid: list[str] = []
    alone: list[str] = []
    led: set[str] = set()
    ends: set[str] = set()
    mid_names: set[str] = set()
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            continue
        lower += (w for _, _, w in _tokens(paragraph.text) if w.islower())
        for run in _capitalised_runs(paragraph.text):
            led.update(f"{a.lower()} {b}" for (_, _, a), (_, _, b) in itertools.pairwise(run)
                       if a.lower() in COMPASS)
            ends.update([_unowned(run[-1][2])] if len(run) > 1 else [])
            if len(run) > 1 and not _positional(paragraph.text, run[0][0]):
                mid_names.add(" ".join(w for _, _, w in run))
            for start, _, word in run:
                if word[0].isupper() and not _positional(paragraph.text, start):
                    mid.append(word)
                    alone += [word] if len(run) == 1 else []
    return WordUses(tuple(lower), tuple(mid), tuple(alone), frozenset(led), frozenset(ends),
                    frozenset(mid_names))


def build_vocabulary(articles: Iterable[Article]) -> Vocabulary:
    """Count lower-case and mid-sentence capitalised uses of every word in the corpus."""
    return vocabulary_of(word_uses(a) for a in articles)


def vocabulary_of(uses: Iterable[WordUses]) -> Vocabulary:
    """The vocabulary of a corpus from its articles' uses of words."""
    lower: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    led: set[str] = set()
    ends: set[str] = set()
    mid_names: set[str] = set()
    for found in uses:
        lower.update(found.lower)
        mid.update(found.capitalised_mid)
        alone.update(found.capitalised_alone)
        led |= found.compass_led
        ends |= found.name_ends
        mid_names |= found.mid_names
    return Vocabulary(lower, mid, alone, frozenset(led), frozenset(ends), frozenset(mid_names))


def find_names(article: Article, vocabulary: Vocabulary) -> tuple[Name, ...]:
    """Find every name in every paragraph of an article."""
    found: list[Name] = []
    for paragraph in article.paragraphs:
        found += _paragraph_names(article.id, paragraph, vocabulary)
    return tuple(found)


def _paragraph_names(source: str, paragraph: Paragraph, vocabulary: Vocabulary) -> list[Name]:
    text = paragraph.text
    names: list[Name] = []
    dateline = DATELINE.match(text)
    if dateline:
        place = dateline.group("place")
        names.append(Name(Mention(source, paragraph.id, 0, place), "", dateline=True))
    skip_to = dateline.end("place") if dateline else 0
    for run in _capitalised_runs(text):
        if run[0][0] < skip_to or _slash_label(text, run):
            continue
        names += _names_in_run(source, paragraph, run, vocabulary)
    taken = [(n.mention.start, n.mention.start + len(n.mention.text)) for n in names]
    names += [Name(Mention(source, paragraph.id, m.start(), m.group()), "")
              for m in UNNAMED_BODY.finditer(text)
              if not any(start < m.end() and m.start() < end for start, end in taken)]
    return names


UNNAMED_BODY = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(UNNAMED_BODIES))) + r")(?![\w-])",
                          re.IGNORECASE)
"""A body named only by what it is ('a federal grand jury'): a mention wherever no name covers it."""


def _slash_label(text: str, run: list[tuple[int, int, str]]) -> bool:
    """Is the run one half of a label joined by a slash, the other half or itself an ordinary word
    ('Lisk Hall Dinner/Fund-raising', 'Gala/Travel')? Such labels (expense lines, categories) name
    nothing. An acronym stays a name ('LPD/KKK')."""
    start, end = run[0][0], run[-1][1]
    before = re.search(r"([\w'’-]+)/$", text[max(0, start - 30):start])
    after = re.match(r"/([\w'’-]+)", text[end:end + 30])
    partners = [m.group(1) for m in (before, after) if m]
    if not partners or (len(run) == 1 and run[0][2].isupper()):
        return False
    return any(map(_ordinary_word, partners)) or (len(run) == 1 and _ordinary_word(run[0][2]))


def _ordinary_word(word: str) -> bool:
    """A lower-case word, or one whose every hyphened part is common English ('Fund-raising')."""
    return word.islower() or all(is_common_english(p) for p in word.split("-") if p)


def _names_in_run(source: str, paragraph: Paragraph, run: list[tuple[int, int, str]],
                  vocabulary: Vocabulary) -> list[Name]:
    """Split a run at titles, trim what is not part of a name, and return the names in it."""
    text, heading = paragraph.text, paragraph.kind == "heading"
    names: list[Name] = []
    title_words: list[tuple[int, int, str]] = []
    part: list[tuple[int, int, str]] = []
    for index, token in enumerate([*run, (-1, -1, "")]):
        if heading and token[2][:1].isupper() and (vocabulary.headline_only(token[2])
                                                   or _hyphen_adjective(token[2])):
            token = (-1, -1, "")
        if token[2] and not _splits_at_title(run, index, part, vocabulary):
            part.append(token)
            continue
        name = _trim(part, text, heading, vocabulary)
        qualifiers = _title_qualifiers(name) if token[2] else 0
        name, qualifying = name[:len(name) - qualifiers], name[len(name) - qualifiers:]
        if name and token[2] and not names and not title_words and len(name) == 1 and _is_head(name[0][2]):
            name = []
        if name:
            title = " ".join(t[2] for t in title_words)
            for piece in _person_of(name, vocabulary, bool(title) or _title_before(text, name[0][0])):
                start, end = piece[0][0], _stop_end(text, _area_end(text, piece, title))
                start = start if title else _compass_start(text, start, piece[0][2], vocabulary)
                names.append(Name(Mention(source, paragraph.id, start, text[start:end]), title))
                title = ""
            title_words = []
        elif part:
            title_words = list(part)
        if token[2]:
            title_words += [*qualifying, token]
        part = []
    return [n for n in names
            if not _not_a_name(n.mention.text) and not _adjective_use(n.mention, text, vocabulary)]


def _adjective_use(mention: Mention, text: str, vocabulary: Vocabulary) -> bool:
    """Is the name an adjective of people where it stands ('the Veskarian team')?"""
    end = mention.start + len(mention.text)
    return vocabulary.adjective_of_people(mention.text, text[max(0, mention.start - 6):mention.start],
                                          text[end:end + 3])


def _title_before(text: str, start: int) -> bool:
    """Is the word right before `start` a title, abbreviated or not ('Rep. X', 'Governor X')?"""
    word = WORD_BEFORE.search(text, max(0, start - 16), start)
    return word is not None and word.group(1).lower() in TITLES


def _title_qualifiers(name: list[tuple[int, int, str]]) -> int:
    """How many last words of a name before a title qualify the title instead: the field or
    office in 'Lisk University Psychology Professor', 'U.S. District Judge'. One word stays."""
    count = 0
    while count < len(name) - 1 and name[len(name) - 1 - count][2].lower() in TITLE_QUALIFIERS \
            and not _connector(name[len(name) - 2 - count][2]):
        count += 1
    return count


def _person_of(name: list[tuple[int, int, str]], vocabulary: Vocabulary,
               titled: bool = False) -> list[list[tuple[int, int, str]]]:
    """Split 'Ivo Marr of the Lisk Water Board' into the person and what they belong to.

    The words before the first 'of' are a personal name when there are two or three of them, none
    a head noun, title or acronym, and the last (the surname) is no ordinary English word, or one
    the corpus never writes in lower case ('Pemberlake'), or a title before it says it is a person
    ('Rep. Ivo Darrow of Lisk'); a body ('Ministry of Defence') or a place ('Gulf of Lisk') has a
    head noun or a common word there.
    """
    k = next((i for i, (_, _, w) in enumerate(name) if w == "of"), None)
    if k is None or not 2 <= k <= 3:
        return [name]
    left, right = name[:k], name[k + 1:]
    while right and _connector(right[0][2]):
        right = right[1:]
    person = all(w.isalpha() and w[:1].isupper() and not w.isupper() and not _is_head(w)
                 and w.lower() not in TITLE_ROLES for _, _, w in left)
    surname = titled or _surname_word(left[-1][2], vocabulary)
    return [left, right] if person and right and surname else [name]


def _surname_word(word: str, vocabulary: Vocabulary) -> bool:
    """A word that can end a personal name: rare in English, or less than very common and never
    written in lower case by the corpus ('Pemberlake')."""
    return not is_common_english(word) or (zipf_frequency(word.lower(), "en") < SURNAME_ZIPF
                                           and vocabulary.lower[word.lower()] == 0)


def _title_as_surname(run: list[tuple[int, int, str]], token: tuple[int, int, str],
                      part: list[tuple[int, int, str]], vocabulary: Vocabulary) -> bool:
    """A title word that ends a run after a rare given name is a surname ('Zenaida King'),
    when the corpus also writes it alone as a name."""
    return (token == run[-1] and len(part) == 1 and part[0] == run[0] and not is_common_english(part[0][2])
            and vocabulary.capitalised_alone[token[2]] > 0)


def _splits_at_title(run: list[tuple[int, int, str]], index: int, part: list[tuple[int, int, str]],
                     vocabulary: Vocabulary) -> bool:
    """Is run[index] a title that ends what comes before it and introduces a person?

    A title word ('Governor') always is, unless it is a surname or names an office. A role noun
    ('Commissioner', 'Counsel') is when a personal name of two or three words ends the run
    ('Police Commissioner Ivo Marr', 'General Counsel Ivo Marr'). A lone head noun before it
    ('Police', 'Council') is part of the role, not a name.
    """
    word = run[index][2].lower()
    if word in TITLES:
        return not (_title_as_surname(run, run[index], part, vocabulary) or _office_of(part))
    if word not in TITLE_ROLES or not 2 <= len(run) - index - 1 <= 3:
        return False
    rest = [_unowned(w) for _, _, w in run[index + 1:] if w not in INNER_PARTICLES]
    return all(
        w[:1].isupper() and not _is_head(w) and not _connector(w) and w.lower() not in TITLE_ROLES
        and w.isalpha() for w in rest) and not vocabulary.attested_ordinary(rest[-1])


def _unowned(word: str) -> str:
    """A word without its possessive 's ('Marr's' -> 'Marr')."""
    return re.sub(r"['’]s$", "", word)


def _office_of(part: list[tuple[int, int, str]]) -> bool:
    """A title right after 'Office of (the)' names the office, not a person ('Office of the Chief
    Examiner', 'Bureau of the Chief Inspector')."""
    words = [w.lower() for _, _, w in part[-3:]]
    if words[-1:] == ["the"]:
        words.pop()
    return len(words) >= 2 and words[-1] == "of" and words[-2] in GROUP_HEADS


def _trim(part: list[tuple[int, int, str]], text: str, heading: bool,
          vocabulary: Vocabulary) -> list[tuple[int, int, str]]:
    """Drop leading determiners, adjectives and positional capitals; trailing ordinary words."""
    first, last = 0, len(part)
    last_head = max((k for k, (_, _, w) in enumerate(part) if _is_head(w)), default=-1)
    while first < last and (_connector(part[first][2])
                            or _drop_leading(part, first, last_head, text, heading, vocabulary)):
        first += 1
    while first < last and (_connector(part[last - 1][2])
                            or _trailing_ordinary(part, first, last, vocabulary)):
        last -= 1
    words = part[first:last]
    if len(words) == 1 and ((vocabulary.ordinary(words[0][2]) and not _is_head(words[0][2]))
                            or vocabulary.bare_head(words[0][2])):
        return []
    if words and re.search(r"['’]s$", words[-1][2]):
        start, end, word = words[-1]
        words[-1] = (start, end - 2, word[:-2])
    return words


def _compass_start(text: str, start: int, first: str, vocabulary: Vocabulary) -> int:
    """Take in a lower-case compass word that the corpus elsewhere capitalises in this name:
    'central Lisk district' where 'Central Lisk' is written too."""
    before = COMPASS_BEFORE.search(text, max(0, start - 16), start)
    return before.start() if before and f"{before.group(1)} {first}" in vocabulary.compass_led else start


def _stop_end(text: str, end: int) -> int:
    """Take in the full stop that ends a dotted acronym or a generational suffix ('U.S.', 'Jr.').

    The tokens leave it out because it may also end the sentence; the name keeps it either way.
    """
    words = text[max(0, end - 12):end].split()
    word = words[-1] if words else ""
    kept = DOTTED_ACRONYM.match(word) is not None or word.lower() in SUFFIXES
    return end + 1 if kept and text[end:end + 1] == "." else end


def _area_end(text: str, name: list[tuple[int, int, str]], title: str) -> int:
    """Where a name ends, taking in a lower-case administrative head: 'the X district'.

    Not after a person's title, a possessive or a name that already ends in a head noun.
    """
    end = name[-1][1]
    head = AREA_HEAD.match(text, end) or (BODY_HEAD.match(text, end) if len(name) == 1 else None)
    if not head or title or _is_head(name[-1][2]) or text[end - 1] in "'’":
        return end
    return head.end()


def _trailing_ordinary(part: list[tuple[int, int, str]], first: int, last: int,
                       vocabulary: Vocabulary) -> bool:
    """A last word (of part[first:last]) that is ordinary ('Danhoff Said') ends no name; after 'of' it does.

    A word the corpus capitalises in more than one place is a name word ('Security').
    """
    word = part[last - 1][2]
    if last - first == 2 and _given_name_led(part[:last], first):
        return False  # 'Sarah Brown' in a corpus that writes 'brown' too
    return (last - first > 1 and not _connector(part[last - 2][2]) and not _is_head(word)
            and vocabulary.attested_ordinary(word) and vocabulary.capitalised_mid[word] <= 1)


def _drop_leading(part: list[tuple[int, int, str]], first: int, last_head: int, text: str, heading: bool,
                  vocabulary: Vocabulary) -> bool:
    """Should the first word of part[first:] go: a determiner, an adjective, a positional capital?

    `last_head` is the index of the run's last head noun (-1 if none).
    """
    start, _, word = part[first]
    lower = word.lower()
    if lower in DETERMINERS or lower in WEEKDAYS_MONTHS or _hyphen_adjective(word):
        return True
    if _demonym(word):
        return not last_head > first and not _given_name(part, first, vocabulary)
    if heading:
        return vocabulary.headline_only(word)
    inside_a_name = (vocabulary.capitalised_mid[word] > 0 and _is_head(part[-1][2])
                     and len(part) - first > 1) or (first + 1 < len(part) and _initial(part[first + 1][2])) \
        or " ".join(w for _, _, w in part[first:]) in vocabulary.mid_names \
        or _introduced_person(part, first, text, vocabulary) or _introduced_body(part, first, text) \
        or _given_name_led(part, first)
    return _positional(text, start) and vocabulary.ordinary(word) and not inside_a_name


def _given_name_led(part: list[tuple[int, int, str]], first: int) -> bool:
    return given_name_led([w for _, _, w in part[first:]])


def given_name_led(words: list[str]) -> bool:
    """'Mark Selden', 'Sarah J Miller': a known given name opening two or three capitalised words,
    the others no head noun, title, role, month, demonym, country or acronym (a middle initial
    aside): a person's full name, though its words are ordinary English."""
    if not 2 <= len(words) <= 3 or words[0] not in GIVEN_NAMES:
        return False
    rest = words[1:]
    initial = len(rest) == 2 and len(rest[0]) == 1 and rest[0].isupper()
    return all(map(_surname_shaped, rest[1:] if initial else rest))


def _surname_shaped(word: str) -> bool:
    """A capitalised word that may be a surname: letters (an apostrophe or hyphen inside), no head
    noun, title, role, month, demonym, country or acronym."""
    bare = word.replace("-", "").replace("'", "").replace("’", "")
    lower = word.lower()
    return bare.isalpha() and word[:1].isupper() and not word.isupper() and not _is_head(word) \
        and lower not in TITLES and lower not in ROLE_NOUNS and lower not in WEEKDAYS_MONTHS \
        and not _demonym(word) and not _country(word) and not _function_word(word)


def _introduced_person(part: list[tuple[int, int, str]], first: int, text: str,
                       vocabulary: Vocabulary) -> bool:
    """Two words opening a sentence, then ', of ...', ', who ...' or an age: a person introduced
    by full name ('Ivo Marr, of the law firm ...'), whose given name the corpus never writes in
    lower case."""
    return (len(part) - first == 2 and vocabulary.lower[part[first][2].lower()] == 0
            and all(w.isalpha() and w[:1].isupper() and not w.isupper() for _, _, w in part[first:])
            and PERSON_APPOSITIVE.match(text, part[-1][1]) is not None)


def _introduced_body(part: list[tuple[int, int, str]], first: int, text: str) -> bool:
    """Three capitalised words or more opening a sentence, then what sort of body they are (', a
    consumer rights group,'): the whole run is the body's name, its ordinary first word too."""
    if len(part) - first < 3 or not all(w[:1].isupper() for _, _, w in part[first:]):
        return False
    m = BODY_APPOSITIVE.match(text, part[-1][1])
    return m is not None and m.group("head") in GROUP_HEADS


def _given_name(part: list[tuple[int, int, str]], first: int, vocabulary: Vocabulary) -> bool:
    """A word shaped like a demonym that is a given name: the next word is a surname the corpus
    uses alone ('Bram' before a 'Cooper' written alone elsewhere; not 'Sela' in 'Selan Guard'), or
    a word rare in English after a word that is no country's adjective ('Stefan Vorlan'; not
    'Moldovan Vorlan', nor 'Christian Aid')."""
    if first + 1 >= len(part):
        return False
    surname = part[first + 1][2]
    if _is_head(surname) or _demonym(surname):
        return False
    rare = first + 2 == len(part) and surname.isalpha() and not is_common_english(surname.lower()) \
        and country_of_demonym(part[first][2]) is None
    return vocabulary.capitalised_alone[surname] > 0 or rare


def _not_a_name(name: str) -> bool:
    """Days, months, clock words, lone adjectives and bare numbers never name an actor or a place,
    nor does the pronoun 'I', which English always capitalises, alone or after a sentence's
    opening function word ('Then I left'; not 'Henry I')."""
    words = name.split()
    if words[-1:] == ["I"] and (len(words) == 1 or (len(words) == 2 and _function_word(words[0]))):
        return True
    return all(w.lower() in WEEKDAYS_MONTHS or w.lower() in TIME_WORDS or _hyphen_adjective(w) or _demonym(w)
               for w in words)


def _function_word(word: str) -> bool:
    """One of English's most common words ('then', 'now', 'but'), not a given name ('Henry')."""
    return zipf_frequency(word, "en") >= 5.5


def _is_head(word: str) -> bool:
    lower = word.lower()
    return lower in GROUP_HEADS or lower in PLACE_HEADS


def _is_group_head(word: str) -> bool:
    return word.lower() in GROUP_HEADS


def _connector(word: str) -> bool:
    return word.lower() in ("of", "the", "for")


def _hyphen_adjective(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(ADJECTIVE_SUFFIXES) or lower.startswith(ADJECTIVE_PREFIXES)


def _demonym(word: str) -> bool:
    """A capitalised adjective of nationality ('Brazilian', 'Moldovans'): common English, -ian etc.

    The stem before the ending has three letters or more ('Thai', not 'San' of 'San Lisko').
    """
    lower = word.lower()
    ending = next((e for e in DEMONYM_ENDINGS if lower.endswith(e)), None)
    return word[:1].isupper() and ending is not None and len(lower) - len(ending) >= DEMONYM_STEM \
        and is_common_english(lower) and not _is_head(word) and not _country(word)


@lru_cache(maxsize=4096)
def _country(word: str) -> bool:
    """A country's name shaped like a demonym ('Sudan', 'Oman')."""
    return country_by_name(word) is not None


def _positional(text: str, start: int) -> bool:
    """Is the word at `start` capitalised by position: sentence start or after an opening quote?

    Reads back from `start` only over spaces and closing marks, never the whole text before it.
    """
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] in OPENERS:
        return True
    mark = end
    while mark > 0 and text[mark - 1] in CLOSERS:
        mark -= 1
    return mark > 0 and text[mark - 1] in ".!?…" and not _abbreviation_before(text, mark - 1)


def _abbreviation_before(text: str, stop: int) -> bool:
    """Does the full stop at `stop` end a title or an initial ('Rep. X', 'Tomas R. X'), not a sentence?

    Reads back a few characters only.
    """
    if text[stop] != ".":
        return False
    found = ABBREVIATION.search(text, max(0, stop - 8), stop)
    word = found.group(1) if found else ""
    return word.lower() in TITLES or (len(word) == 1 and word.isupper())


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(text)]


def _capitalised_runs(text: str) -> Iterable[list[tuple[int, int, str]]]:
    """Yield runs of capitalised tokens (as (start, end, word)), joined by connectors."""
    tokens = _tokens(text)
    joiners = list(itertools.accumulate((t[2].lower() in ("of", "for") for t in tokens), initial=0))
    i = 0
    while i < len(tokens):
        starts = tokens[i][2][0].isupper() or _particle_start(tokens, text, i)
        if not starts or _before_ordinal(tokens, text, i):
            i += 1
            continue
        run = [tokens[i]]
        j = i
        while (nxt := _extend(tokens, text, i, j, joiners)) is not None:
            run += tokens[j + 1:nxt + 1]
            j = nxt
        if i > 0 and ORDINAL.match(tokens[i - 1][2]) and text[tokens[i - 1][1]:tokens[i][0]] == " " \
                and (_is_head(run[-1][2]) or run[-1][2].lower() in STREET_ABBREVIATIONS):
            run.insert(0, tokens[i - 1])
            if i > 1 and _direction(tokens, text, i - 2):
                run.insert(0, tokens[i - 2])
        yield run
        i = j + 1


def _after_particles(tokens: list[tuple[int, int, str]], text: str, k: int,
                     particles: frozenset[str]) -> int | None:
    """The index of the capitalised word after one or two name particles from tokens[k] on
    ('de Lisko', 'van der Berg'), each set off by single spaces; None if there is none."""
    for n in (1, 2):
        if k + n >= len(tokens) or text[tokens[k + n - 1][1]:tokens[k + n][0]] != " ":
            return None
        if tokens[k + n - 1][2] not in particles:
            return None
        if tokens[k + n][2][0].isupper():
            return k + n
    return None


def _particle_start(tokens: list[tuple[int, int, str]], text: str, i: int) -> bool:
    """A surname that opens with its particle, the given name left out: 'de Lisko said', 'al-Marri'."""
    return HYPHEN_PARTICLE.match(tokens[i][2]) is not None \
        or _after_particles(tokens, text, i, NAME_PARTICLES) is not None


def _before_ordinal(tokens: list[tuple[int, int, str]], text: str, i: int) -> bool:
    """A direction right before an ordinal and a name ('East 4th Street'): the name takes it in."""
    return (_direction(tokens, text, i) and i + 2 < len(tokens) and bool(ORDINAL.match(tokens[i + 1][2]))
            and tokens[i + 2][2][0].isupper() and text[tokens[i + 1][1]:tokens[i + 2][0]] == " ")


def _direction(tokens: list[tuple[int, int, str]], text: str, i: int) -> bool:
    """Is tokens[i] a direction right before the next token: 'East 4th', or abbreviated 'E. 4th'?"""
    gap = text[tokens[i][1]:tokens[i + 1][0]] if i + 1 < len(tokens) else ""
    word = tokens[i][2]
    return (word in DIRECTIONS and gap == " ") or (word in DIRECTION_INITIALS and gap == ". ")


def _extend(tokens: list[tuple[int, int, str]], text: str, first: int, j: int,
            joiners: list[int]) -> int | None:
    """Return the index of the capitalised token that continues the run first..j, or None.

    `joiners[k]`: how many of the first k tokens are 'of' or 'for'.
    """
    if j + 1 >= len(tokens):
        return None
    gap = text[tokens[j][1]:tokens[j + 1][0]]
    if gap == ". " and _initial(tokens[j][2]) and j > first and tokens[j + 1][2][0].isupper():
        return j + 1
    if gap == ". " and DOTTED_ACRONYM.match(tokens[j][2]) and _head_ahead(tokens, j + 1):
        return j + 1
    if gap == ". " and j == first and _lettered_street(tokens[j][2], tokens[j + 1][2]):
        return j + 1
    if gap == " & " and tokens[j + 1][2][0].isupper():
        return j + 1
    if gap in ("' ", "’ ") and tokens[j][2].endswith("s") and _head_ahead(tokens, j + 1):
        return j + 1
    if gap != " ":
        return None
    if re.search(r"['’]s$", tokens[j][2]):
        office = _unowned(tokens[j][2]).lower() in TITLE_ROLES and tokens[j + 1][2].lower() in GROUP_HEADS
        if _numbered_after(tokens, text, j + 1):
            return j + 2
        return j + 1 if office and tokens[j + 1][2][0].isupper() else None
    if tokens[j + 1][2][0].isupper() or HYPHEN_PARTICLE.match(tokens[j + 1][2]):
        return j + 1
    if (after := _after_particles(tokens, text, j + 1, INNER_PARTICLES)) is not None:
        return after
    if tokens[j + 1][2] == "and" and _complement_follows(tokens, text, joiners[j] > joiners[first + 1], j):
        return j + 2
    for words in (*CONNECTORS, *(HEAD_CONNECTORS if _is_group_head(tokens[j][2]) else ())):
        k = j + 1 + len(words)
        joined = k < len(tokens) and all(text[tokens[x][1]:tokens[x + 1][0]] == " " for x in range(j, k))
        if joined and tuple(t[2] for t in tokens[j + 1:k]) == words and tokens[k][2][0].isupper():
            return k
    return None


def _numbered_after(tokens: list[tuple[int, int, str]], text: str, k: int) -> bool:
    """An ordinal and a capitalised head noun from tokens[k] on: the numbered district of the
    place before it is named with it ('Lisk's 5th District'); an acronym's is its unit ('the
    LPD's 5th Precinct' is the '5th Precinct')."""
    return (k + 1 < len(tokens) and ORDINAL.match(tokens[k][2]) is not None
            and not _unowned(tokens[k - 1][2]).isupper()
            and text[tokens[k][1]:tokens[k + 1][0]] == " " and tokens[k + 1][2][:1].isupper()
            and _is_head(tokens[k + 1][2]))


def _lettered_street(word: str, after: str) -> bool:
    """'Ave. H', 'St. K': an abbreviated street type and the letter that names the street."""
    return word.lower() in STREET_ABBREVIATIONS and _initial(after)


def _head_ahead(tokens: list[tuple[int, int, str]], k: int) -> bool:
    """Do the capitalised words from tokens[k] on reach a head noun within three words ('U.S.
    Attorney's Office', 'U.N. Refugee Agency')? Then the dotted acronym before them is part of
    the name, not the end of a sentence."""
    for _, _, word in tokens[k:k + 3]:
        if not word[0].isupper():
            return False
        if _is_head(_unowned(word)):
            return True
    return False


def _initial(word: str) -> bool:
    """A middle initial ('A' of 'Tomas R. Ellery')."""
    return len(word) == 1 and word.isupper()


def _complement_follows(tokens: list[tuple[int, int, str]], text: str, joined: bool, j: int) -> bool:
    """'Ministry of Water and Public Works': 'and' joins a complement, not a second organisation.

    `joined`: whether the run so far has 'of' or 'for' after its first word.
    """
    if not joined or j + 2 >= len(tokens):
        return False
    after = []
    for _, _, word in tokens[j + 2:j + 5]:
        if not word[0].isupper():
            break
        after.append(word)
    spaced = text[tokens[j][1]:tokens[j + 2][0]] == " and "
    return spaced and bool(after) and not _is_head(after[-1])

