"""Stage `subkinds`: what sort of group or place each entity is, from its name and the text.

A place's sort comes from its own head noun ('the Lisk district'), from the words the sources put
around it ('the village of Sela', 'Sela, a town ...') and from the country table; sources that
disagree ('town' and 'city') are outvoted, and a tie goes to the smaller settlement, since
reporters call villages towns more often than the reverse. A group's sort comes from its head
noun ('Ministry', 'Court', 'Armed Forces'); units ('Legion', 'Corps', 'Group') count as armed
groups only where the text around them speaks of militias, militants, fighters or mercenaries.
An editor's `subkind` wins. Nothing is guessed: no evidence, no sub-kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..core.gazetteer import country_by_name
from ..core.lexicon import COMPANY_NOUNS, LEGAL_FORMS
from ..core.models import Article, Entity, Mention
from ..core.spelling import normal_key

WINDOW = 80
"""Characters on each side of a mention read for cue words."""
SETTLEMENTS = ("village", "town", "city")
"""Settlement words from the smallest: a tie between sources goes to the first."""
PLACE_WORDS = {"village": "village", "hamlet": "village", "town": "town", "city": "city",
               "capital": "city", "settlement": "settlement", "region": "region", "oblast": "region",
               "krai": "region", "province": "province", "district": "district", "raion": "district",
               "rayon": "district", "county": "county", "state": "state", "island": "island",
               "peninsula": "peninsula", "river": "river", "square": "landmark", "street": "landmark",
               "airport": "facility", "port": "facility", "base": "facility", "bridge": "facility",
               "dam": "facility", "plant": "facility", "station": "facility", "hospital": "facility",
               "area": "area", "neighborhood": "neighbourhood", "neighbourhood": "neighbourhood",
               "suburb": "neighbourhood"}
"""Nouns that say what sort of place a name is, and the sub-kind each gives."""
PLURALS = {"villages": "village", "towns": "town", "cities": "city", "settlements": "settlement",
           "regions": "region", "districts": "district", "provinces": "province"}
RANKING = r"(?<!largest )(?<!biggest )(?<!main )(?<!principal )(?<!chief )(?<!second )(?<!populous )"
"""'the main city of X', 'the largest town of X': X holds the settlement, it is not one."""
PLACE_BEFORE = re.compile(r"\b" + RANKING + "(" + "|".join(PLACE_WORDS) + r")\s+of\s+(?:the\s+)?$",
                          re.IGNORECASE)
LIST_BEFORE = re.compile(r"\b(villages|towns|cities|settlements|regions|districts)\s*[–—:-]\s*"
                         r"(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?)*$")
"""'two villages – X and Y', 'the towns: X, Y': each name listed after the plural noun is one."""
AREAS_AFTER = re.compile(r"^(?: and [A-Z][\w’'-]*)? (regions|districts|provinces)\b")
"""'X and Y regions', 'X regions': both names are regions."""
KIND_AFTER = re.compile(r"^ (village|hamlet|town|city|area|neighbou?rhood|suburb)\b(?![-'’])")
"""'X village', 'X town', 'the X area' in lower case: the sources call X a village, a town, an area."""
BROADCAST = r"(?:television|tv|radio|cable|broadcast|news)"
"""Words that make a 'station' or 'channel' an outlet, not a place."""
PLACE_AFTER = re.compile(r"^['’]?,\s+(?:a|an|the)\s+(?:(?!" + BROADCAST + r"\b)[\w’'-]+\s+){0,3}?("
                         + "|".join(PLACE_WORDS) + r")\b", re.IGNORECASE)
GROUP_HEADS = (
    (("government",), "government"),
    (("ministry", "department", "office", "administration", "cabinet", "presidency", "secretariat",
      "commission", "prosecutor"), "government body"),
    (("court", "tribunal", "jury"), "court"),
    (("parliament", "duma", "senate", "congress", "assembly", "legislature", "rada", "knesset"),
     "legislature"),
    (("church", "patriarchate", "diocese", "mosque", "synagogue"), "religious organisation"),
    (("party",), "political party"),
    (("intelligence", "directorate", "guard", "guards", "police", "gendarmerie", "security", "border"),
     "security service"),
    (("army", "navy", "forces", "force", "military", "marines"), "military"),
    (("company", "bank", "corporation", "inc", "ltd", "plc", "group"), ""),
    (("university", "institute", "college", "school"), "university or institute"),
)
"""Head nouns of group names and the sub-kind each gives; '' = decided by the text around it."""
UNITS = frozenset({"legion", "corps", "brigade", "battalion", "regiment", "militia", "group",
                   "front", "movement", "army"})
"""Names of armed formations, which may be a state's or not: the text decides."""
BUSINESS = "|".join(sorted(COMPANY_NOUNS))
COMPANY = re.compile(rf"(?:\b(?:{BUSINESS}|(?i:shares|stock)\s+(?:of|in))\s+$"
                     rf"|^(?:['’]s?\s+(?:chief executive|ceo|shares|stock|shareholders)"
                     rf"|,\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{BUSINESS})|\s+(?:{BUSINESS}))\b)")
"""Around a name, words only a business takes: 'the firm X', 'X's chief executive', 'X, the company'."""
COMPANY_MENTIONS = 2
"""Mentions with such words that make a group without a head noun a company."""
ARMED = re.compile(r"\b(?:militias?|militants?|fighters?|paramilitar\w*|rebels?|insurgents?|mercenar\w*|"
                   r"guerrillas?|armed group|partisans?)\b", re.IGNORECASE)


def with_subkinds(entities: Sequence[Entity], articles: Sequence[Article]) -> tuple[Entity, ...]:
    """Give each group and place the sub-kind its name and the text support, unless the editor did."""
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    result = []
    for e in entities:
        if e.subkind is None and e.kind in ("group", "place"):
            windows = [_window(texts[(m.source, m.paragraph)], m) for m in e.mentions]
            found = place_subkind(e, windows) if e.kind == "place" else group_subkind(e, windows)
            e = replace(e, subkind=found)
        result.append(e)
    return tuple(result)


def _window(text: str, m: Mention) -> tuple[str, str]:
    end = m.start + len(m.text)
    return text[max(0, m.start - WINDOW):m.start], text[end:end + WINDOW]


def place_cue(before: str, after: str) -> str | None:
    """The sort of place the words around a name give it ('the town of X', 'X, a village ...')."""
    cue = (PLACE_BEFORE.search(before) or PLACE_AFTER.match(after) or AREAS_AFTER.match(after)
           or KIND_AFTER.match(after) or LIST_BEFORE.search(before))
    if not cue:
        return None
    word = cue.group(1).lower()
    return PLACE_WORDS.get(word) or PLURALS[word]


def place_subkind(e: Entity, windows: Iterable[tuple[str, str]]) -> str | None:
    """Country table, then the name's own head noun, then the sources' words around it."""
    names = (e.name, *e.aliases)
    if any(country_by_name(n) for n in names):
        return "country"
    for name in names:
        head = PLACE_WORDS.get(normal_key(name).split()[-1])
        if head and " " in normal_key(name):
            return head
    votes: Counter[str] = Counter()
    for before, after in windows:
        cue = place_cue(before, after)
        if cue:
            votes[cue] += 1
    if not votes:
        return None
    if len(votes) > 1:
        votes.pop("settlement", None)
    top = max(votes.values())
    return min((k for k, v in votes.items() if v == top),
               key=lambda k: (SETTLEMENTS.index(k) if k in SETTLEMENTS else len(SETTLEMENTS), k))


def group_subkind(e: Entity, windows: Iterable[tuple[str, str]]) -> str | None:
    """The canonical name's head noun decides; an armed formation needs armed words around it; a
    name with a legal form ('X Inc'), or called a firm or company around two mentions, is a company."""
    windows = list(windows)
    if company(e, windows):
        return "company"
    for name in (e.name, *e.aliases):
        words = normal_key(name).split()
        if not words:
            continue
        found = _by_head(words)
        if found == "" or (words[-1] in UNITS and found in (None, "military")):
            armed = sum(bool(ARMED.search(b) or ARMED.search(a)) for b, a in windows)
            return "armed group" if armed else ("military" if found == "military" else None)
        if found:
            return found
    return None


def company(e: Entity, windows: Sequence[tuple[str, str]]) -> bool:
    """A legal form in a name, or business words around COMPANY_MENTIONS of its mentions."""
    if any(normal_key(n).split()[-1:] in ([f] for f in LEGAL_FORMS) for n in (e.name, *e.aliases)):
        return True
    return sum(bool(COMPANY.search(b) or COMPANY.match(a)) for b, a in windows) >= COMPANY_MENTIONS


def _by_head(words: list[str]) -> str | None:
    """The sub-kind of the head part's last word, else of any word in it.

    The head part is what comes before 'of'/'for' ('Ministry' of 'Ministry of Water').
    """
    head = words[:next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))] or words
    for candidates in ([head[-1]], head):
        for heads, subkind in GROUP_HEADS:
            if any(w in heads for w in candidates):
                return subkind
    return None
