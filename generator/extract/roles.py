"""A person's role in the sources' own words: 'regional governor X', 'X, a spokesperson for Y'.

Two general shapes give a role. Before the name: role words ending in a role noun, right before
it ("Palace press secretary X", "regional governor X", "Y's intelligence representative X").
After the name, an appositive: ", the governor of Y's Z region," or ", an exiled politician
who ..." (article, modifiers, role noun, and an "of/for/to/from/at" complement up to a comma or
a clause). Across mentions the most frequent role noun wins; among its phrasings, the one that
other mentions repeat most, then the most informative, then the first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..core.lexicon import ROLE_NOUNS, ROLE_SYNONYMS, WEEKDAYS_MONTHS
from ..core.spelling import normal_key
from .mentions import DETERMINERS, TOKEN

MAX_MODIFIERS = 4
"""Words allowed before the role noun ('Lisk-born far-right militia leader')."""
MAX_COMPLEMENT = 8
"""Words allowed after the role noun's preposition ('of Teskany's northern province')."""
COMPLEMENT_STARTS = frozenset({"of", "for", "to", "from", "at", "on"})
LEADING_SKIP = frozenset({"the", "a", "an", "only", "also", "now", "then", "still"})
STOP_WORDS = frozenset({
    "and", "or", "but", "nor", "of", "for", "to", "from", "in", "on", "at", "by", "with", "as", "into",
    "about", "after", "before", "during", "since", "until", "while", "when", "where", "who", "whom",
    "whose", "which", "that", "what", "said", "says", "say", "told", "tells", "added", "stated", "wrote",
    "announced", "claimed", "confirmed", "denied", "insisted", "posted", "according", "is", "was",
    "were", "are", "be", "been", "has", "had", "have", "will", "would", "could", "should", "may",
    "might", "can", "not", "no", "he", "she", "they", "it", "we", "i", "you", "yesterday", "today",
    "tonight", "tomorrow", "earlier", "later", "meanwhile", "however", "also", "then", "now",
}) | DETERMINERS | WEEKDAYS_MONTHS
"""Words that end a role phrase: clauses, verbs of speech, function words, dates."""
FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "to", "from", "at"})
TERMINATORS = re.compile(r"[,;:.!?()\[\]\"“”«»—–]")
APPOSITIVE = re.compile(r"^\s*,\s+")
ROLE_WINDOW = 400
"""Characters read on each side of a name for its role. A role phrase is a handful of words (at most
MAX_MODIFIERS before the noun, MAX_COMPLEMENT after it), far shorter than this; reading only this much
keeps the cost per name bounded however long its paragraph."""
NOT_TOKEN = re.compile(r"[^\w'’.-]")
"""A character no TOKEN runs across: a window that starts right after one cuts no word in two."""


@dataclass(frozen=True)
class RoleText:
    """A role as one mention writes it."""

    text: str
    """The source's words, without the article: 'governor of Teskany's Sela province'."""
    noun: str
    """The role noun it is built on, folded ('spokesperson' for 'spokesman')."""


def role_before(before: str, title: str = "") -> RoleText | None:
    """The role words right before a name ('regional governor '), or its capitalised title."""
    tokens = list(TOKEN.finditer(before))
    if tokens and not before[tokens[-1].end():].strip(" ") and _is_role(tokens[-1].group()):
        start = len(tokens) - 1
        while (start > 0 and len(tokens) - start <= MAX_MODIFIERS
               and before[tokens[start - 1].end():tokens[start].start()] == " "
               and _modifier(tokens[start - 1].group())
               and not _verb_of_a_subject([t.group() for t in tokens[max(0, start - 2):start + 1]])):
            start -= 1
        noun = tokens[-1].group()  # 'Representative X' is a legislator's title, not a firm's representative
        folded = "rep" if noun == "Representative" else _fold(noun)
        return RoleText(before[tokens[start].start():tokens[-1].end()], folded)
    abbreviated = ABBREVIATED_TITLE.search(before)
    if abbreviated:
        return RoleText(abbreviated.group(1), ABBREVIATED_TITLES[abbreviated.group(2).lower()])
    words = title.split()
    return RoleText(title, _fold(words[-1])) if words and _is_role(words[-1]) else None


ABBREVIATED_TITLES = {"sen": "senator", "rep": "rep", "gov": "governor", "gen": "general", "col": "colonel",
                      "capt": "captain", "sgt": "sergeant", "lt": "lieutenant", "det": "detective",
                      "insp": "inspector", "supt": "superintendent", "amb": "ambassador", "adm": "admiral",
                      "cmdr": "commander"}
"""Titles written short before a name ('Sen. X', 'Gov. X'), with the role noun each stands for."""
ABBREVIATED_TITLE = re.compile(r"(?<![\w.])((" + "|".join(ABBREVIATED_TITLES) + r")\.)\s+$", re.IGNORECASE)


def role_before_name(text: str, start: int, title: str = "") -> RoleText | None:
    """role_before(text[:start], title), reading only the ROLE_WINDOW characters before the name."""
    low = max(0, start - ROLE_WINDOW)
    if low > 0:
        cut = NOT_TOKEN.search(text, low, start)
        low = cut.end() if cut else low
    return role_before(text[low:start], title)


def role_after_name(text: str, end: int) -> RoleText | None:
    """role_after(text[end:]), reading only the ROLE_WINDOW characters after the name.

    When no terminator closes the appositive inside the window, the window is cut at its last
    space, so that no word is read cut in two.
    """
    high = end + ROLE_WINDOW
    after = text[end:high]
    if high < len(text) and not TERMINATORS.search(after):
        after = after[:after.rfind(" ") + 1]
    return role_after(after)


def role_after(after: str) -> RoleText | None:
    """The role in an appositive after a name: ', a spokesperson for the Front, said' -> its words."""
    comma = APPOSITIVE.match(after)
    if comma is None:
        return None
    rest = after[comma.end():]
    end = TERMINATORS.search(rest)
    clause = rest[:end.start()] if end else rest
    words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(clause)]
    first = 0
    while first < len(words) and words[first][2].lower() in LEADING_SKIP:
        first += 1
    head = next((k for k in range(first, min(len(words), first + MAX_MODIFIERS + 1))
                 if _is_role(words[k][2])), None)
    if head is None or not all(_modifier(w) or _coordinated(words, k, first, head)
                               for k, (_, _, w) in enumerate(words[first:head], start=first)):
        return None
    while head + 1 < len(words) and _is_role(words[head + 1][2]):
        head += 1
    last = _complement_end(words, head, complete=end is not None)
    return RoleText(clause[words[first][0]:words[last][1]], _fold(words[head][2]))


def _complement_end(words: list[tuple[int, int, str]], head: int, complete: bool) -> int:
    """Index of the last word of 'of ...'/'for ...' after the role noun (the noun itself if none)."""
    if head + 2 >= len(words) or words[head + 1][2].lower() not in COMPLEMENT_STARTS \
            or _infinitive(words, head + 1):
        return head
    k = head + 2
    while k < len(words) and k - head <= MAX_COMPLEMENT and not _ends_phrase(words, k):
        k += 1
    if (k == len(words) and not complete) or k - head > MAX_COMPLEMENT:
        return head
    while k - 1 > head + 1 and words[k - 1][2].lower() in FUNCTION_WORDS:
        k -= 1
    return k - 1 if k - 1 > head + 1 else head


def _ends_phrase(words: list[tuple[int, int, str]], k: int) -> bool:
    """A clause or a verb starts here ('who', 'said', 'to vote'), not more of the complement."""
    word = words[k][2].lower()
    if word in ("of", "the", "for", "to", "from", "at", "a", "an"):
        return word == "to" and _infinitive(words, k)
    return word in STOP_WORDS


def _infinitive(words: list[tuple[int, int, str]], k: int) -> bool:
    """'to vote' (a verb follows), not 'to the president' or 'to Teskany's governor'."""
    if words[k][2].lower() != "to" or k + 1 >= len(words):
        return False
    nxt = words[k + 1][2]
    return nxt.islower() and nxt not in DETERMINERS


OCCUPATIONS = frozenset({
    "doctor", "physician", "surgeon", "nurse", "paramedic", "teacher", "pastor", "priest", "imam", "rabbi",
    "bishop", "farmer", "engineer", "pilot", "driver", "shopkeeper", "resident", "witness", "student",
    "coach", "trainer", "athlete", "runner", "barber", "detective", "ranger", "agent", "firefighter",
    "owner", "director-general", "democrat", "republican",
})
"""Occupations news uses as a person's description ('X, a doctor at Y', 'the doctor said')."""


def _is_role(word: str) -> bool:
    return word.lower() in ROLE_NOUNS or word.lower() in OCCUPATIONS


def _coordinated(words: list[tuple[int, int, str]], k: int, first: int, head: int) -> bool:
    """An 'and' or 'or' between two modifiers of a role noun ('security and forensic analyst')."""
    return words[k][2] in ("and", "or") and first < k < head - 1 and _modifier(words[k - 1][2]) \
        and _modifier(words[k + 1][2])


def _verb_of_a_subject(words: list[str]) -> bool:
    """'Varn echoed President': a lower-case past form between a capitalised word and a title is
    the verb of that word, not part of the title ('former President', 'Russia's armed forces' are)."""
    if len(words) < 3:
        return False
    subject, word, title = words
    return (word.islower() and word.endswith("ed") and title[:1].isupper() and subject[:1].isupper()
            and not subject.endswith(("'s", "’s")))


def _modifier(word: str) -> bool:
    """A word that can qualify a role noun: not a function word, verb of speech, date or number."""
    return word.lower() not in STOP_WORDS and not any(c.isdigit() for c in word)


def _fold(noun: str) -> str:
    lower = noun.lower()
    return ROLE_SYNONYMS.get(lower, lower)


def pick_role(found: Sequence[RoleText]) -> str | None:
    """The role the sources give most often, in its most repeated, then most informative, words."""
    if not found:
        return None
    nouns = Counter(r.noun for r in found)
    noun = max(nouns, key=nouns.__getitem__)
    same = [r for r in found if r.noun == noun]
    phrased = [r for r in same if len(r.text.split()) > 1] or same
    keys = {t: normal_key(t) for t in dict.fromkeys(r.text for r in phrased)}
    held = _held(keys.values(), [normal_key(r.text) for r in same])
    return max(keys, key=lambda t: (held[keys[t]], _informative(t)))


def _held(wanted: Iterable[str], keys: list[str]) -> Counter[str]:
    """For each wanted phrase, how many keys hold its words in a row.

    Each key is cut only into runs as long as a wanted phrase, so that the count costs the keys'
    length, not their number times the number of phrases.
    """
    phrases = set(wanted)
    sizes = {len(p.split()) for p in phrases} - {0}
    held: Counter[str] = Counter()
    for key in keys:
        words = key.split()
        runs = {" ".join(words[i:i + n]) for n in sizes for i in range(len(words) - n + 1)} if words else {""}
        held.update(runs & phrases)
    return held


def _informative(text: str) -> int:
    return sum(w.lower() not in FUNCTION_WORDS for w in text.split())
