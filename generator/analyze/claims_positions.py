"""Positions for the claims stage: who takes which stance on what, in the words of the sources.

A position is a statement, a sentence of the article that gives someone's denial, accusation or
report, or one of the articles' own hedges (independent reporting). Each has a camp: the speaker's
affiliation (its side; else the group its role names; else itself; for an unnamed speaker, the plain
words that describe it), never the journalists'. `Lookup` finds the positions that may share one's
matter without comparing every pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..core.models import Article, Citation, Entity, Statement
from ..core.text import sentence_spans
from .camps import role_camp
from .claims_signals import (
    ACCUSATION,
    DENIAL,
    HEDGE,
    NEGATION,
    REPORTING,
    ask_clause,
    denied_clause,
    families,
    key_terms,
    signalled,
    stance,
)

INDEPENDENT = "Independent reporting"
UNNAMED = "Speakers the sources do not name"
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
"""Words left out of a description of an unnamed speaker."""
NO_CAMP = frozenset({"he", "she", "they", "it", "we", "i", "you", "one", "statement", "report", "source",
                     "sources", "document", "documents", "filing", "letter", "release", "post", "video",
                     "footage", "indictment", "complaint", "entry", "website", "records", "record", "blog"})
"""Descriptions that say nothing of whose side a speaker is on: pronouns, and what they speak through."""
BACK_REFERENCE = re.compile(r"\b(?:the|these|those|this|that|such) (?:reports?|claims?|allegations?|"
                            r"accounts?|accusations?|suggestions?|characteri[sz]ations?|footage|video|figures?)\b",
                            re.IGNORECASE)
"""Words by which a denial or a hedge points back at what it answers."""


@dataclass(frozen=True)
class Candidate:
    """One position on a matter, before grouping into questions."""

    citation: Citation
    """The words that take it."""
    camp: str | None
    """Whose position it is (the speaker's affiliation), None for independent reporting or unknown."""
    claimant: str | None
    """The speaker entity, if any."""
    stance: str
    """'asserts', 'denies', 'confirms' or 'unverified'."""
    families: frozenset[str]
    """The general matters its words take up."""
    terms: frozenset[str]
    """The key words of what it says."""
    names: frozenset[str]
    """Entities named in its words (not its speaker)."""
    statement: str | None = None
    """The statement it comes from, if any."""
    signal: bool = False
    """Whether its words carry a sign of disagreement (a denial, an accusation, a hedge)."""
    label: str = ""
    """For independent reporting and figures: the outlet or the words that give the value."""
    denied: str | None = None
    """For a denial: what it denies, as a clause to ask about, when the words give one."""
    negated: bool = False
    """Whether its words turn a statement round ('did not', 'never'): it may answer another camp."""


POOL = 200
"""A position is compared with at most this many others (those sharing its rarest words and names,
nearest in reading order first), so that the stage stays linear on long texts."""


@dataclass(frozen=True)
class Lookup:
    """The positions by the key words and names they hold, to find a position's neighbours quickly."""

    candidates: tuple[Candidate, ...]
    """Every position, in reading order."""
    postings: dict[str, tuple[int, ...]]
    """For each key word ('t:...') and name ('e:...'), the positions that hold it, in reading order."""
    at: dict[Candidate, int]
    """Where each position stands in reading order."""
    cache: dict[Candidate, list[Candidate]] = field(default_factory=dict, compare=False)
    """Neighbours already found."""

    @classmethod
    def of(cls, candidates: Sequence[Candidate]) -> Lookup:
        """Index the positions."""
        postings: dict[str, list[int]] = {}
        at: dict[Candidate, int] = {}
        for i, c in enumerate(candidates):
            at.setdefault(c, i)
            for key in sorted({f"t:{t}" for t in c.terms} | {f"e:{e}" for e in c.names}):
                postings.setdefault(key, []).append(i)
        return cls(tuple(candidates), {k: tuple(v) for k, v in postings.items()}, at)

    def near(self, c: Candidate) -> list[Candidate]:
        """The positions that may share c's matter: those holding its rarest key words and names first,
        at most POOL of them, the nearest in reading order when a word is held by too many."""
        if c in self.cache:
            return self.cache[c]
        named = c.names | ({c.claimant} if c.claimant else set())
        keys = {f"t:{t}" for t in c.terms} | {f"e:{e}" for e in named}
        me = self.at.get(c, 0)
        found: set[int] = set()
        for key in sorted(keys, key=lambda k: (len(self.postings.get(k, ())), k)):
            post = self.postings.get(key, ())
            room = POOL - len(found)
            if room <= 0:
                break
            if len(post) <= room:
                found.update(post)
                continue
            middle = bisect_left(post, me)
            nearest = sorted(post[max(0, middle - room): middle + room], key=lambda j: (abs(j - me), j))
            found.update(nearest[:room])
        near = self.cache[c] = [self.candidates[i] for i in sorted(found) if self.candidates[i] != c]
        return near


Spots = dict[tuple[str, str], list[tuple[int, int, str]]]
"""Entity mentions by paragraph: (start, end, entity id), sorted."""


def spots_of(entities: Sequence[Entity]) -> Spots:
    spots: Spots = {}
    for e in entities:
        for m in e.mentions:
            spots.setdefault((m.source, m.paragraph), []).append((m.start, m.start + len(m.text), e.id))
    for found in spots.values():
        found.sort()
    return spots


def named_in(spots: Spots, citation: Citation, text: str, skip: str | None = None) -> frozenset[str]:
    """The entities named inside a quote."""
    at = max(0, text.find(citation.quote))
    end = at + len(citation.quote)
    found = spots.get((citation.source, citation.paragraph), [])
    first = bisect_left(found, (at, -1, ""))
    last = bisect_left(found, (end, -1, ""), lo=first)
    return frozenset(eid for _, stop, eid in found[first:last] if stop <= end and eid != skip)


def camp_of(entity: Entity | None, names: dict[str, Entity], words: str = "") -> str | None:
    """The camp of a speaker: its side, else the group its role names, else itself; for an unnamed
    speaker, the words that describe it ('police', 'prosecutors')."""
    if entity is None:
        described = [w for w in words.split() if w.lower() not in DETERMINERS]
        plain = 0 < len(described) <= 3 and all(w.isalpha() and w.islower() for w in described)
        return " ".join(described) if plain and described[-1] not in NO_CAMP else None
    return entity.side or role_camp(entity, names) or entity.name


def from_statement(s: Statement, names: dict[str, Entity], spots: Spots,
                    texts: dict[tuple[str, str], str]) -> Candidate:
    """A statement as a position: its camp, stance, matters and names."""
    words = s.text if s.kind == "quote" else f"{s.verb} {s.text}"
    speaker = names.get(s.speaker or "")
    camp = s.side or camp_of(speaker, names, s.speaker_text)
    text = texts.get((s.citation.source, s.citation.paragraph), "")
    found = named_in(spots, s.citation, text, s.speaker)
    taken = stance(s.text, s.verb)
    negated = bool(NEGATION.search(s.text))
    denied = denied_clause(s.text, s.verb) if taken == "denies" else None
    if taken != "denies" and negated and s.kind == "paraphrase":
        denied = ask_clause(s.text)
    return Candidate(s.citation, camp, s.speaker, taken, families(words), key_terms(s.text), found, s.id,
                     signalled(s.text, s.verb), denied=denied, negated=negated)


def from_narration(articles: Sequence[Article], statements: Sequence[Statement], names: dict[str, Entity],
                    spots: Spots) -> list[Candidate]:
    """Sentences of the articles themselves that report a denial or an accusation, or hedge.

    A denial or accusation is the position of the party named before its verb (its subject); a
    hedge is independent reporting by the outlet.
    """
    quoted: dict[tuple[str, str], list[str]] = {}
    for s in statements:
        quoted.setdefault((s.citation.source, s.citation.paragraph), []).append(s.citation.quote)
    found = []
    for article in articles:
        for p in article.paragraphs:
            place = (article.id, p.id)
            for start, end in sentence_spans(p.text):
                sentence = p.text[start:end]
                citation = Citation(article.id, p.id, sentence)
                inside = named_in(spots, citation, p.text)
                hedge = HEDGE.search(sentence)
                if hedge:
                    found.append(Candidate(citation, None, None, "unverified", families(sentence),
                                           key_terms(sentence), inside, None, True,
                                           f"{INDEPENDENT} ({article.label})"))
                    continue
                signal = DENIAL.search(sentence) or ACCUSATION.search(sentence) or REPORTING.search(sentence)
                if not signal or any(sentence in q or q in sentence for q in quoted.get(place, [])):
                    continue
                who = _subject(spots.get(place, []), names, start + signal.start(), start + signal.end(),
                               start + len(sentence), bool(signal.groupdict().get("after")))
                if who is None:
                    continue
                taken = stance(sentence)
                found.append(Candidate(citation, camp_of(who, names), who.id, taken, families(sentence),
                                       key_terms(sentence), inside - {who.id}, None, signalled(sentence),
                                       denied=denied_clause(sentence, "") if taken == "denies" else None))
    return found


def _subject(spots: list[tuple[int, int, str]], names: dict[str, Entity], signal: int, signal_end: int,
             end: int, after: bool) -> Entity | None:
    """Whose account a sentence gives: the first group or person named before its signal word, or for
    'according to', the first named after it."""
    found = [eid for s0, _, eid in spots if (signal_end <= s0 < end if after else s0 < signal)
             and names[eid].kind != "place"]
    return names[found[0]] if found else None


def answered_before(articles: Sequence[Article], candidates: list[Candidate],
                    spots: Spots) -> dict[Citation, list[Candidate]]:
    """What a denial or a hedge that points back ('pushed back against the report', 'the claim could
    not be verified') answers: the sentence before it in its paragraph, or the paragraph before it;
    the positions found there, else those sentences as an account of speakers the sources do not name."""
    by_place: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        by_place.setdefault((c.citation.source, c.citation.paragraph), []).append(c)
    paragraphs = {(a.id, p.id): (a, i) for a in articles for i, p in enumerate(a.paragraphs)}
    answers: dict[Citation, list[Candidate]] = {}
    for c in candidates:
        place = (c.citation.source, c.citation.paragraph)
        if c.stance not in ("denies", "unverified") or not BACK_REFERENCE.search(c.citation.quote):
            continue
        article, index = paragraphs[place]
        text = article.paragraphs[index].text
        at = text.find(c.citation.quote)
        spans = [(s0, e0) for s0, e0 in sentence_spans(text) if e0 <= at]
        if spans:
            earlier = [d for d in by_place.get(place, []) if d.camp != c.camp
                       and d.citation.quote != c.citation.quote and text.find(d.citation.quote) < at]
            fallback = [spans[-1]]
            target = article.paragraphs[index]
        elif index:
            target = article.paragraphs[index - 1]
            earlier = [d for d in by_place.get((article.id, target.id), []) if d.camp != c.camp]
            fallback = sentence_spans(target.text)
        else:
            continue
        if not earlier:
            for start, end in fallback:
                citation = Citation(article.id, target.id, target.text[start:end])
                earlier.append(Candidate(citation, None, None, "asserts", families(citation.quote),
                                         key_terms(citation.quote), named_in(spots, citation, target.text)))
        answers[c.citation] = earlier
    return answers
