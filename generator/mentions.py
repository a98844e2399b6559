"""Stage `extract` (names): find the names of groups, places and people, with offsets.

Every rule is general. A name is a run of capitalised words joined by "of", "of the", "for" or
hyphens. A word capitalised only by its position (sentence start, after an opening quote, in a
title-case headline) counts only if it is not an ordinary word of the corpus. Titles
("President", "Governor") split a run into affiliation, role and person. Demonyms and hyphenated
adjectives ("Valley-backed") describe rather than name, unless a head noun follows
("... Corps", "... Federation").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .gazetteer import country_by_name
from .lexicon import (
    AREA_HEADS,
    GROUP_HEADS,
    LOWER_BODY_HEADS,
    PLACE_HEADS,
    ROLE_NOUNS,
    TIME_WORDS,
    TITLES,
    WEEKDAYS_MONTHS,
    is_common_english,
)
from .models import Article, Mention, Paragraph

TOKEN = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
CONNECTORS = (("of", "the"), ("of",), ("for",))
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his",
                         "her", "our", "my", "your", "both", "per", "unlike", "what", "as"})
ADJECTIVE_SUFFIXES = ("-backed", "-aligned", "-born", "-based", "-led", "-run", "-held", "-linked",
                      "-controlled", "-occupied", "-style", "-era", "-made", "-funded", "-ism")
ADJECTIVE_PREFIXES = ("pro-", "anti-", "non-", "ex-", "post-", "pre-", "neo-")
DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ians", "eans", "ans", "an", "i", "ic")
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
DOTTED_ACRONYM = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")
"""An acronym written with full stops ('U.S', its last stop outside the token)."""
TITLE_ROLES = ROLE_NOUNS | TITLES | frozenset({
    "counsel", "examiner", "councilman", "councilwoman", "congressman", "congresswoman", "assemblyman",
    "assemblywoman", "alderman", "sheriff", "ranger", "trooper", "detective", "officer", "agent"})
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


@dataclass(frozen=True)
class Vocabulary:
    """What the whole corpus says about words: how often each is written in lower case."""

    lower: Counter[str]
    """Occurrences of each word written entirely in lower case."""
    capitalised_mid: Counter[str]
    """Occurrences of each word capitalised where position does not force it."""
    capitalised_alone: Counter[str]
    """Of those, the ones where it stands alone, not inside a longer name."""

    def ordinary(self, word: str) -> bool:
        """An ordinary word: common English, not more often capitalised alone than written lower."""
        key = word.lower()
        acronym = len(word) > 1 and word.isupper()
        return not acronym and is_common_english(key) and self.lower[key] >= self.capitalised_alone[word]

    def attested_ordinary(self, word: str) -> bool:
        """An ordinary word the corpus itself also writes in lower case ('Said' in 'Danhoff Said')."""
        return self.lower[word.lower()] > 0 and self.ordinary(word)

    def headline_only(self, word: str) -> bool:
        """A common word (or an inflection of one: 'Invades') the body never capitalises: its
        capital in a headline proves nothing."""
        lower = word.lower()
        stems = [lower] + [lower[:-len(end)] for end in ("s", "es", "ed", "d", "ing") if lower.endswith(end)]
        return any(is_common_english(s) for s in stems if len(s) >= 3) and self.capitalised_mid[word] == 0


def build_vocabulary(articles: Iterable[Article]) -> Vocabulary:
    """Count lower-case and mid-sentence capitalised uses of every word in the corpus."""
    lower: Counter[str] = Counter()
    mid: Counter[str] = Counter()
    alone: Counter[str] = Counter()
    for article in articles:
        for paragraph in article.paragraphs:
            if paragraph.kind == "heading":
                continue
            lower.update(w for _, _, w in _tokens(paragraph.text) if w.islower())
            for run in _capitalised_runs(paragraph.text):
                for start, _, word in run:
                    if word[0].isupper() and not _positional(paragraph.text, start):
                        mid[word] += 1
                        alone[word] += len(run) == 1
    return Vocabulary(lower, mid, alone)


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
        if run[0][0] < skip_to:
            continue
        names += _names_in_run(source, paragraph, run, vocabulary)
    return names


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
        if name and token[2] and not names and not title_words and len(name) == 1 and _is_head(name[0][2]):
            name = []
        if name:
            title = " ".join(t[2] for t in title_words)
            for piece in _person_of(name):
                start, end = piece[0][0], _area_end(text, piece, title)
                names.append(Name(Mention(source, paragraph.id, start, text[start:end]), title))
                title = ""
            title_words = []
        elif part:
            title_words = list(part)
        if token[2]:
            title_words.append(token)
        part = []
    return [n for n in names if not _not_a_name(n.mention.text)]


def _person_of(name: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split 'Ivo Marr of the Lisk Water Board' into the person and what they belong to.

    The words before the first 'of' are a personal name when there are two or three of them, none
    a head noun, title or acronym, and the last (the surname) is no ordinary English word; a body
    ('Ministry of Defence') or a place ('Gulf of Lisk') has a head noun or a common word there.
    """
    k = next((i for i, (_, _, w) in enumerate(name) if w == "of"), None)
    if k is None or not 2 <= k <= 3:
        return [name]
    left, right = name[:k], name[k + 1:]
    while right and _connector(right[0][2]):
        right = right[1:]
    person = all(w.isalpha() and w[:1].isupper() and not w.isupper() and not _is_head(w)
                 and w.lower() not in TITLE_ROLES for _, _, w in left) and not is_common_english(left[-1][2])
    return [left, right] if person and right else [name]


def _title_as_surname(run: list[tuple[int, int, str]], token: tuple[int, int, str],
                      part: list[tuple[int, int, str]], vocabulary: Vocabulary) -> bool:
    """A title word that ends a run after a rare given name is a surname ('Tishana King'),
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
    rest = [_unowned(w) for _, _, w in run[index + 1:]]
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
    if len(words) == 1 and vocabulary.ordinary(words[0][2]) and not _is_head(words[0][2]):
        return []
    if words and re.search(r"['’]s$", words[-1][2]):
        start, end, word = words[-1]
        words[-1] = (start, end - 2, word[:-2])
    return words


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
                     and len(part) - first > 1) or (first + 1 < len(part) and _initial(part[first + 1][2]))
    return _positional(text, start) and vocabulary.ordinary(word) and not inside_a_name


def _given_name(part: list[tuple[int, int, str]], first: int, vocabulary: Vocabulary) -> bool:
    """A word shaped like a demonym that is a given name: the next word is a surname the corpus
    uses alone ('Duncan' before a 'Hunter' written alone elsewhere; not 'Sela' in 'Selan Guard')."""
    if first + 1 >= len(part):
        return False
    surname = part[first + 1][2]
    return not _is_head(surname) and not _demonym(surname) and vocabulary.capitalised_alone[surname] > 0


def _not_a_name(name: str) -> bool:
    """Days, months, clock words, lone adjectives and bare numbers never name an actor or a place."""
    words = name.split()
    return all(w.lower() in WEEKDAYS_MONTHS or w.lower() in TIME_WORDS or _hyphen_adjective(w) or _demonym(w)
               for w in words)


def _is_head(word: str) -> bool:
    lower = word.lower()
    return lower in GROUP_HEADS or lower in PLACE_HEADS


def _connector(word: str) -> bool:
    return word.lower() in ("of", "the", "for")


def _hyphen_adjective(word: str) -> bool:
    lower = word.lower()
    return lower.endswith(ADJECTIVE_SUFFIXES) or lower.startswith(ADJECTIVE_PREFIXES)


def _demonym(word: str) -> bool:
    """A capitalised adjective of nationality ('Brazilian', 'Moldovans'): common English, -ian etc."""
    lower = word.lower()
    return word[:1].isupper() and lower.endswith(DEMONYM_ENDINGS) and is_common_english(lower) \
        and not _is_head(word) and not _country(word)


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
    """Does the full stop at `stop` end a title or an initial ('Rep. X', 'Gregory A. X'), not a sentence?

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
        if not tokens[i][2][0].isupper() or _before_ordinal(tokens, text, i):
            i += 1
            continue
        run = [tokens[i]]
        j = i
        while (nxt := _extend(tokens, text, i, j, joiners)) is not None:
            run += tokens[j + 1:nxt + 1]
            j = nxt
        if i > 0 and ORDINAL.match(tokens[i - 1][2]) and text[tokens[i - 1][1]:tokens[i][0]] == " " \
                and _is_head(run[-1][2]):
            run.insert(0, tokens[i - 1])
            if i > 1 and tokens[i - 2][2] in DIRECTIONS and text[tokens[i - 2][1]:tokens[i - 1][0]] == " ":
                run.insert(0, tokens[i - 2])
        yield run
        i = j + 1


def _before_ordinal(tokens: list[tuple[int, int, str]], text: str, i: int) -> bool:
    """A direction right before an ordinal and a name ('East 4th Street'): the name takes it in."""
    return (tokens[i][2] in DIRECTIONS and i + 2 < len(tokens) and bool(ORDINAL.match(tokens[i + 1][2]))
            and tokens[i + 2][2][0].isupper()
            and text[tokens[i][1]:tokens[i + 2][0]] == f" {tokens[i + 1][2]} ")


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
    if gap != " ":
        return None
    if re.search(r"['’]s$", tokens[j][2]):
        office = _unowned(tokens[j][2]).lower() in TITLE_ROLES and tokens[j + 1][2].lower() in GROUP_HEADS
        return j + 1 if office and tokens[j + 1][2][0].isupper() else None
    if tokens[j + 1][2][0].isupper():
        return j + 1
    if tokens[j + 1][2] == "and" and _complement_follows(tokens, text, joiners[j] > joiners[first + 1], j):
        return j + 2
    for words in CONNECTORS:
        k = j + 1 + len(words)
        joined = k < len(tokens) and all(text[tokens[x][1]:tokens[x + 1][0]] == " " for x in range(j, k))
        if joined and tuple(t[2] for t in tokens[j + 1:k]) == words and tokens[k][2][0].isupper():
            return k
    return None


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
    """A middle initial ('A' of 'Gregory A. Vega')."""
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

