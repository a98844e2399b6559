"""Stage `analyze` (claims): what each side asserts, who denies it, what nobody could verify.

Claims come from the statements and from the articles' own hedges ("could not independently
verify", "has not been independently confirmed"). Each claim is put under the questions its
words answer, by general predicate classes (taking or holding ground, crossing in, who is
behind it, who the fighters are, what it was for, how many were hurt, who was evacuated, what a
group is designated as). Within a question, positions are grouped by side; the question is
disputed when two sides take positions, one-sided when only one does, corroborated when every
side that speaks confirms it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .gazetteer import country_named
from .models import Article, Citation, Claim, Entity, Figure, Position, Statement
from .text import sentence_spans

GAIN_WORDS = r"liberat\w*|captur\w*|seiz\w*|taken over|taken control|overr[au]n|occup\w+"
"""Words that claim ground was taken."""
RESIST_WORDS = (r"push(?:ed)? (?:back|out)|squeeze \w+ out|eliminat\w*|destroy\w*|repel\w*|retak\w*|"
                r"recaptur\w*")
"""Words that claim an attacker was held off or driven out."""
PREDICATES: tuple[tuple[str, str, str], ...] = (
    ("control", "Who controls {places}?",
     rf"{GAIN_WORDS}|{RESIST_WORDS}|in control"),
    ("entry", "Who crossed into {places}, and how far did they get?",
     r"\bentered\b|\bcrossed\b|penetrat\w*|moving into|infiltrat\w*|broke through|break through|"
     r"incursion|arrived in"),
    ("responsibility", "Who is behind the attack?",
     r"responsib\w+|involvement|involved|connection to|nothing to do with|carried out|behind the|"
     r"disavow\w*|proxy|not subject to"),
    ("identity", "Who are the fighters?",
     r"citizens of|consist\w* (?:only )?of|made up (?:entirely )?of|saboteurs|defectors|volunteers|"
     r"mercenaries|nationals of"),
    ("purpose", "What was the operation for?",
     r"purpose|\baim\w*|\bgoals?\b|designed to|in order to|security (?:zone|lane)|buffer zone|"
     r"demilitari[sz]ed zone|distract|divert"),
    ("casualties", "How many people were hurt?",
     r"injur\w+|wounded|killed|\bdead\b|casualt\w+|deaths?\b"),
    ("evacuation", "Were people evacuated?", r"evacuat\w+|left the territory|fled"),
    ("designation", "How is the group designated?",
     r"terrorist organi[sz]ation|designated as|declared \w+ a"),
)
"""(class, question, words that put a claim under it). General conflict-reporting predicates."""
CLASSES = tuple((name, question, re.compile(rf"(?:{words})", re.IGNORECASE))
                for name, question, words in PREDICATES)
DENY = re.compile(r"\b(?:denied|denies|deny|denying|disavow\w*|rejected|dismissed|nothing to do with|"
                  r"not involved)\b", re.IGNORECASE)
CONFIRM = re.compile(r"\b(?:confirmed|confirms|confirming|verified)\b", re.IGNORECASE)
HEDGE = re.compile(
    r"(?:unable|could not|couldn't|cannot|can't|not been able) (?:to )?(?:independently )?(?:verify|confirm)"
    r"|not (?:been |yet been )?independently (?:verified|confirmed)|unconfirmed reports?"
    r"|has not been (?:independently )?(?:verified|confirmed)", re.IGNORECASE)
INDEPENDENT = "Independent reporting"
UNNAMED = "Speakers the sources do not name"
AGREEING = frozenset({"entry", "evacuation", "designation"})
"""Questions where two sides saying the same thing corroborate it; elsewhere two answers compete."""
GAIN = re.compile(GAIN_WORDS, re.IGNORECASE)
RESIST = re.compile(RESIST_WORDS, re.IGNORECASE)
BACK_REFERENCE = re.compile(r"\b(?:these|those|the) (?:reports|claims|accounts)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    """One position taken on one or more questions, before grouping."""

    classes: frozenset[str]
    """The questions it answers."""
    side: str
    """Whose position it is, in words."""
    claimant: str | None
    """The speaker entity, if any."""
    stance: str
    """'asserts', 'denies', 'confirms' or 'unverified'."""
    citation: Citation
    """The words that take it."""
    places: tuple[str, ...]
    """Place entities it names."""
    statement: str | None
    """The statement it comes from, if any."""


def find_claims(articles: Sequence[Article], entities: Sequence[Entity], statements: Sequence[Statement],
                figures: Sequence[Figure] = ()) -> tuple[Claim, ...]:
    """Group statements and hedges into claim topics with their positions."""
    names = {e.id: e for e in entities}
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    places: Places = {}
    for e in entities:
        if e.kind == "place":
            for m in e.mentions:
                places.setdefault((m.source, m.paragraph), []).append((m.start, e.id))
    for spots in places.values():
        spots.sort()
    candidates = [c for s in statements if (c := _from_statement(s, names, places, texts)) is not None]
    candidates += _hedges(articles, candidates)
    conflicts = {v.citation for f in figures if f.conflict for v in f.values}
    return tuple(_topics(candidates, names, conflicts))


def _classes(text: str) -> frozenset[str]:
    return frozenset(name for name, _, pattern in CLASSES if pattern.search(text))


Places = dict[tuple[str, str], list[tuple[int, str]]]
"""Place entity ids by paragraph, with their offsets, sorted."""


def _from_statement(s: Statement, names: dict[str, Entity], places: Places,
                    texts: dict[tuple[str, str], str]) -> Candidate | None:
    """A statement that answers at least one question, with its stance and the places it names."""
    words = s.text if s.kind == "quote" else f"{s.verb} {s.text}"
    classes = _classes(words)
    if not classes:
        return None
    stance = "denies" if DENY.search(words) else "confirms" if CONFIRM.search(s.verb) else "asserts"
    speaker = names.get(s.speaker or "")
    side = s.side or (speaker.name if speaker else s.speaker_text or "Unattributed")
    paragraph_places = places.get((s.citation.source, s.citation.paragraph), [])
    quote_at = max(0, texts.get((s.citation.source, s.citation.paragraph), "").find(s.citation.quote))
    first = bisect_left(paragraph_places, (quote_at, ""))
    last = bisect_left(paragraph_places, (quote_at + len(s.citation.quote), ""))
    named = tuple(dict.fromkeys(pid for _, pid in paragraph_places[first:last]))
    return Candidate(classes, side, s.speaker, stance, s.citation, named, s.id)


def _hedges(articles: Sequence[Article], candidates: list[Candidate]) -> list[Candidate]:
    """The articles' own 'could not verify' sentences: a position of independent reporting."""
    found = []
    classes_at: dict[tuple[str, str], frozenset[str]] = {}
    for c in candidates:
        key = (c.citation.source, c.citation.paragraph)
        classes_at[key] = classes_at.get(key, frozenset()) | c.classes
    for article in articles:
        for index, p in enumerate(article.paragraphs):
            for start, end in sentence_spans(p.text):
                sentence = p.text[start:end]
                if not HEDGE.search(sentence):
                    continue
                classes = _classes(sentence)
                if not classes and BACK_REFERENCE.search(sentence) and index > 0:
                    classes = classes_at.get((article.id, article.paragraphs[index - 1].id), frozenset())
                if classes:
                    found.append(Candidate(classes, f"{INDEPENDENT} ({article.label})", None, "unverified",
                                           Citation(article.id, p.id, sentence), (), None))
    return found


def _topics(candidates: list[Candidate], names: dict[str, Entity],
            conflicts: set[Citation]) -> list[Claim]:
    """One claim per question that at least two positions answer."""
    claims = []
    for name, question, _ in CLASSES:
        members = [c for c in candidates if name in c.classes]
        by_key: dict[tuple[str, str], list[Candidate]] = {}
        for c in members:
            by_key.setdefault(_key(c, names), []).append(c)
        keys = sorted(by_key, key=lambda k: k[0] == UNNAMED)
        sides = {c.side for c in members if c.claimant and not c.side.startswith(INDEPENDENT)}
        if not sides or len(keys) < 2:
            continue
        positions = tuple(_position(key, by_key[key]) for key in keys)
        clash = name == "casualties" and _clash(members, conflicts)
        status = "disputed" if clash else _status(name, members, sides)
        claims.append(Claim(name, question.format(places=_place_names(members, names)), status, positions))
    return claims


def _clash(members: list[Candidate], conflicts: set[Citation]) -> bool:
    """Whether a member's words hold, or are held in, a figure the sources disagree on, in one paragraph.

    Each paragraph's quotes are joined once with a character clean removes from every paragraph
    (NUL), so one search asks about all of them at once.
    """
    quotes: dict[tuple[str, str], set[str]] = {}
    for c in members:
        quotes.setdefault((c.citation.source, c.citation.paragraph), set()).add(c.citation.quote)
    figures: dict[tuple[str, str], set[str]] = {}
    for v in conflicts:
        if (v.source, v.paragraph) in quotes:
            figures.setdefault((v.source, v.paragraph), set()).add(v.quote)
    for place, found in figures.items():
        if any("\0" in q for q in (*found, *quotes[place])):  # not from clean: ask pair by pair
            if any(v in q or q in v for v in found for q in quotes[place]):
                return True
            continue
        said = "\0".join(sorted(quotes[place]))
        held = "\0".join(sorted(found))
        if any(v in said for v in found) or any(q in held for q in quotes[place]):
            return True
    return False


def _key(c: Candidate, names: dict[str, Entity]) -> tuple[str, str]:
    """A position's key: (side, claimant name); unnamed speakers share one position."""
    if c.claimant:
        return c.side, names[c.claimant].name
    if c.side.startswith(INDEPENDENT):
        return c.side, ""
    return UNNAMED, ""


def _status(name: str, members: list[Candidate], sides: set[str]) -> str:
    """Disputed when sides answer differently, corroborated when they agree, else one-sided."""
    if len(sides) < 2:
        return "one-sided"
    if any(c.stance == "denies" for c in members):
        return "disputed"
    if name == "control":
        gains = {c.side for c in members if c.claimant and GAIN.search(c.citation.quote)}
        resists = {c.side for c in members if c.claimant and RESIST.search(c.citation.quote)}
        return "disputed" if gains and resists and gains != resists else "one-sided"
    return "corroborated" if name in AGREEING else "disputed"


def _position(key: tuple[str, str], members: list[Candidate]) -> Position:
    """One side's (or one speaker's) position: its citations with their stances."""
    side, claimant = key
    claimants = tuple(dict.fromkeys(c.claimant for c in members if c.claimant))
    stances = ", ".join(sorted({c.stance for c in members}))
    summary = f"{claimant or side} ({side}): {stances}" if claimant and side != claimant else \
        f"{claimant or side}: {stances}"
    return Position(side, claimants, summary, tuple(c.citation for c in members),
                    tuple(c.statement or "" for c in members), tuple(c.stance for c in members))


def _place_names(members: list[Candidate], names: dict[str, Entity]) -> str:
    """The places the claims of a question name most, up to three; 'the area' if none."""
    counts: dict[str, int] = {}
    for c in members:
        for pid in c.places:
            if country_named(names[pid].name):
                continue
            counts[pid] = counts.get(pid, 0) + 1
    top = sorted(counts, key=lambda p: (-counts[p], names[p].name))[:3]
    if not top:
        return "the area"
    labels = [names[p].name for p in top]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]
