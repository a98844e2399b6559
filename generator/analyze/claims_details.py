"""Details the sources give nearly but not quite alike, as questions of the claims stage.

A number in digits with a word after it ('48-page', '8.6-magnitude', '.38 caliber') that two sources
give differently by a little, about the same thing, with no source giving both, is a discrepancy
between the sources: each value is a position, cited; nothing says which is right.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.models import Article, Citation
from ..core.text import sentence_spans
from .claims_positions import Candidate
from .claims_questions import Question
from .claims_signals import numbered_units

AROUND = 1
"""Words around two numbers they must share to be on one matter, when what they measure is not named
alike."""
PLACES = 20
"""Of the places that give one value of a detail, the first this many are cited."""
NEAR_MISS = 1.25
"""Two values of one detail are a near miss when the greater is at most this many times the smaller."""
NEIGHBOURS = 8
"""Values each is compared with, the next ones above it in numeric order: near misses link values in
a chain, so a value further up is reached through the ones between."""
SHOWN = 4
"""Values a question names in its words; more are counted ('or 9 more values'), all are positions."""


Given = list[tuple[Citation, frozenset[str], frozenset[str], str, str]]
"""Where a value is given: the sentence, the key words right after the number and around it, the value
and its unit, as written."""


def detail_questions(articles: Sequence[Article]) -> list[Question]:
    """A detail in digits that sources give nearly but not quite alike ('a 48-page indictment', 'the
    47-page indictment'; '8.6-magnitude', '8.7-magnitude'): the same word after the number, the same
    thing measured (named alike right after it, or a word around it in common), values within
    NEAR_MISS of each other, and no source giving both. Two different things measured alike differ by
    more; a near miss is a discrepancy between sources.

    Values linked by near misses make one question, however many there are ('Which is right: 102
    homes, 103 homes or 106 homes?'): a pair each would grow as the square of the values given.
    Each value is compared only with the next NEIGHBOURS values above it, within NEAR_MISS.
    """
    given: dict[str, dict[str, Given]] = {}
    for article in articles:
        for p in article.paragraphs:
            for start, end in sentence_spans(p.text):
                sentence = p.text[start:end]
                for written, unit, word, measured, around in numbered_units(sentence):
                    given.setdefault(unit, {}).setdefault(written, []).append(
                        (Citation(article.id, p.id, sentence), measured, around, written, word))
    questions = []
    for unit in sorted(given):
        values = given[unit]
        ordered = sorted(values, key=lambda v: (float(v), v))
        linked: dict[str, str] = {v: v for v in ordered}
        members: dict[tuple[str, str], list[Candidate]] = {}
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:i + 1 + NEIGHBOURS]:
                low, high = float(a), float(b)
                if low > 0 and high / low > NEAR_MISS:
                    break
                found = _near_miss(values[a], values[b])
                if found:
                    first, second = sorted((a, b))
                    members[(first, second)] = found
                    linked[_root(linked, b)] = _root(linked, a)
        groups: dict[str, dict[Candidate, None]] = {}
        for pair in sorted(members):
            groups.setdefault(_root(linked, pair[0]), {}).update(dict.fromkeys(members[pair]))
        for root in sorted(groups, key=lambda v: (float(v), v)):
            questions.append(_question(unit, list(groups[root])))
    return questions


def _root(linked: dict[str, str], value: str) -> str:
    """The value that stands for all the values linked to this one."""
    while linked[value] != value:
        linked[value] = linked[linked[value]]
        value = linked[value]
    return value


def _question(unit: str, members: list[Candidate]) -> Question:
    """One question over every value of a detail linked by near misses, each value a position."""
    labels = sorted({c.label or "" for c in members}, key=lambda label: (float(label.split()[0]), label))
    named = labels if len(labels) <= SHOWN else [*labels[:SHOWN - 1],
                                                 f"{len(labels) - SHOWN + 1} more values"]
    wording = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
    return Question(f"detail-{unit}", tuple(members), True, f"Which is right: {wording}?", reported=True)


def _near_miss(first: Given, second: Given) -> list[Candidate] | None:
    """The positions two values of one unit give, if they are a near miss on the same matter."""
    low, high = sorted((float(first[0][3]), float(second[0][3])))
    if low <= 0 or high / low > NEAR_MISS or {c.source for c, *_ in first} & {c.source for c, *_ in second}:
        return None
    pairs = [(x, y) for x in first[:PLACES] for y in second[:PLACES]
             if x[1] & y[1] or len(x[2] & y[2]) >= AROUND]
    if not pairs:
        return None
    members: dict[Candidate, None] = {}
    for x, y in pairs:
        for citation, _, _, value, word in (x, y):
            members[Candidate(citation, None, None, "asserts", frozenset({"detail"}), frozenset(),
                              frozenset(), None, True, f"{value} {word}")] = None
    return list(members)
