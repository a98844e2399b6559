"""Questions for the claims stage: positions grouped by matter, with their status and their names.

Positions are put under the general matters their words take up (claims_signals.FAMILIES) when two
camps speak to the same matter there. A denial, or a position that turns round what another camp
says ('did not', 'never'), makes a question with what it answers: the positions of other camps that
share most with it, and the account it points back at ('denied the report'). The articles' hedges
join the questions whose matter they share, or make a one-sided question of what could not be
verified; figures the sources disagree on are questions of their own. A question is disputed when
camps answer differently, corroborated when independent camps agree, one-sided when one camp alone
speaks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..core.gazetteer import country_named
from ..core.models import Citation, Claim, Entity, Figure, Position
from .claims_positions import INDEPENDENT, POOL, UNNAMED, Candidate, Lookup, camp_of
from .claims_signals import FAMILIES, WORD, event_like, hedge_question, reported_question

FORMS = {f.name: f for f in FAMILIES}
"""The families by name."""
MATTER = 3.0
"""How much two positions must share (rarity of shared words, weight of shared names) to be on one matter."""
SAME_DENIAL = 6.0
"""How much two denials must share to deny the same thing."""
ANSWERS = 10
"""A denial answers at most this many positions: those that share the most with it."""
ASKING = 5
"""Of the denials of one matter, the first this many bring the positions they answer (later ones deny
the same and would bring the same)."""
FAMILY_MATTER = 2.0
"""Within a family of matters, how much a position must share with another camp's to be on its question."""
MIN_FIGURE_SOURCES = 2
"""A figure makes a question when at least this many sources give values that disagree."""


@dataclass(frozen=True)
class Context:
    """What the grouping needs to know about the corpus."""

    names: dict[str, Entity]
    """Entities by id."""
    weight: dict[str, float]
    """How much sharing each entity says: rarer names say more."""
    term_weight: dict[str, float]
    """How much sharing each key word says: words in fewer paragraphs of the corpus say more."""
    lookup: Lookup
    """The positions by their key words and names."""


@dataclass(frozen=True)
class Question:
    """A question with its positions, before naming and status."""

    key: str
    """The family or kind it comes from."""
    members: tuple[Candidate, ...]
    """The positions taken on it."""
    competing: bool
    """Whether different camps' answers compete."""
    topic: str = ""
    """The question in words, when known from the start (figures)."""
    reported: bool = False
    """Whether the sources themselves give the answers (figures, details), each value a position."""
    hedged: bool = False
    """Whether it is what the articles could not verify (shown even with no camp: one-sided)."""


def shared(a: Candidate, b: Candidate, context: Context) -> float:
    """How much two positions share: the rarity of their common key words and the weight of common names
    (summed exactly, so that the sum never depends on the order of a set)."""
    return math.fsum([*(context.term_weight.get(t, 0.0) for t in a.terms & b.terms),
                      *(context.weight.get(e, 0.0) for e in (a.names | {a.claimant or ""}) & b.names)])


def family_questions(candidates: list[Candidate], context: Context) -> list[Question]:
    """One question per family of matters that positions of at least two parties take up."""
    questions = []
    for family in FAMILIES:
        members = [c for c in candidates if family.name in c.families]
        answered = [c for c in members if any(
            family.name in d.families and d.camp != c.camp and shared(c, d, context) >= FAMILY_MATTER
            for d in (members if len(members) <= POOL else context.lookup.near(c)))]
        if answered:
            questions.append(Question(family.name, tuple(answered), family.competing))
    return questions


def denial_questions(candidates: list[Candidate], context: Context,
                      answers: dict[Citation, list[Candidate]]) -> list[Question]:
    """A denial and the positions it answers: those of other camps that share its matter.

    A denial is a position that denies (stance 'denies') or that turns a statement round ('did not',
    'never') when another named camp says something on the same matter. Denials on one matter
    (sharing enough words and names) make one question; the positions each answers join it, but two
    questions never chain through a position they both answer. Questions that hold mostly the same
    positions are one.
    """
    seeds = [c for c in candidates if (c.stance == "denies" or c.negated) and c.camp]
    clusters: list[list[Candidate]] = []
    first: dict[Candidate, int] = {}
    for seed in seeds:
        home = next((first[c] for c in context.lookup.near(seed)
                     if c in first and shared(seed, c, context) >= SAME_DENIAL), None)
        if home is None:
            first.setdefault(seed, len(clusters))
            clusters.append([seed])
        else:
            clusters[home].append(seed)
    groups: list[list[Candidate]] = []
    for cluster in clusters:
        members = list(cluster)
        held = set(members)
        for seed in cluster[:ASKING]:
            found = [c for c in answers.get(seed.citation, []) if c not in held]
            scored = [(shared(seed, c, context), i, c) for i, c in enumerate(context.lookup.near(seed))
                      if c not in held and c.camp != seed.camp]
            scored.sort(key=lambda t: (-t[0], t[1]))
            found += [c for score, _, c in scored[:ANSWERS] if score >= MATTER and c not in found]
            members += found
            held.update(found)
        denied = any(c.stance == "denies" for c in cluster)
        if (denied and len(members) > len(cluster)) or len(_camps(members)) > 1:
            groups.append(members)
    return [Question("dispute", tuple(g), True) for g in _overlapping(groups)]


def _overlapping(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """Join groups that hold mostly the same positions (half of all they hold, compared with the first
    group of each joined set, so that joins never chain), in first-seen order."""
    cores: list[set[Candidate]] = []
    result: list[list[Candidate]] = []
    for group in groups:
        mine = set(group)
        at = next((i for i, core in enumerate(cores) if len(core & mine) * 2 >= len(core | mine)), None)
        if at is None:
            cores.append(mine)
            result.append(list(group))
        else:
            result[at] += [c for c in group if c not in result[at]]
    return result


def with_hedges(questions: list[Question], hedges: list[Candidate], context: Context,
                answers: dict[Citation, list[Candidate]]) -> list[Question]:
    """Add to each question the articles' hedges on its matter (independent reporting, never a camp);
    a hedge that points back at an account ('the claim could not be verified') joins with it, when the
    account is on the question's matter."""
    index: dict[Candidate, int] = {}

    def key(c: Candidate) -> int:
        return index.setdefault(c, len(index))

    reach = []
    """Per hedge: the hedge with its accounts, its key, and the keys of the positions on its matter
    (worked out once, not once per question: each key hashes a position once)."""
    for h in hedges:
        said = [h, *answers.get(h.citation, [])]
        near = {key(c) for a in said for c in context.lookup.near(a) if shared(a, c, context) >= MATTER}
        reach.append((said, key(h), near))
    result = []
    for q in questions:
        held = {key(c) for c in q.members}
        extra: list[Candidate] = []
        taken: set[int] = set()
        for said, own, near in reach:
            if own not in held and near & held:
                for a in said:
                    if key(a) not in held and key(a) not in taken:
                        extra.append(a)
                        taken.add(key(a))
        result.append(replace(q, members=(*q.members, *extra)))
    return result


def hedge_questions(hedges: list[Candidate], answers: dict[Citation, list[Candidate]],
                    taken: list[Question]) -> list[Question]:
    """What the articles could not verify, where no other question holds it: the hedge with the account
    it points back at ('the claim could not be verified'), or alone when it says what is unconfirmed or
    unclear ('unconfirmed reports that ...'). Independent reporting is no camp: such a question is
    one-sided."""
    held = {c.citation for q in taken for c in q.members}
    questions = []
    for h in hedges:
        if h.citation in held:
            continue
        account = answers.get(h.citation, [])
        wording = hedge_question(h.citation.quote) or next(
            (w for c in account if (w := reported_question(c.citation.quote))), None)
        if account or wording:
            questions.append(Question("unverified", (*account, h), False, wording or "", hedged=True))
    return questions


def figure_questions(figures: Sequence[Figure], names: dict[str, Entity]) -> list[Question]:
    """A figure the sources disagree on: how many, with each value as a position."""
    questions = []
    for f in figures:
        if not f.conflict or len({v.citation.source for v in f.values}) < MIN_FIGURE_SOURCES:
            continue
        members = tuple(
            Candidate(v.citation, camp_of(names[v.claimant], names) if v.claimant in names else None,
                      v.claimant, "asserts", frozenset({"count"}), frozenset(), frozenset(), None, True,
                      f"Figure: {v.value:g}")
            for v in f.values)
        key = f"count-{f.measure}".replace(" ", "-")
        questions.append(Question(key, members, True, f"How many {f.measure}?", reported=True))
    return questions


def _camps(members: Iterable[Candidate]) -> set[str]:
    """The camps that take the positions (not independent reporting, not unknown speakers)."""
    return {c.camp for c in members if c.camp}


def status(question: Question) -> str:
    """Disputed when camps answer differently, corroborated when independent camps agree, else one-sided."""
    camps = _camps(question.members)
    if question.reported or _denial_answers_another(question):
        return "disputed"
    if len(camps) < 2:
        return "one-sided"
    return "disputed" if question.competing else "corroborated"


def _denial_answers_another(question: Question) -> bool:
    """Whether a party denies what someone else (another camp, or a speaker the sources do not name)
    asserts in the same question."""
    denying = _camps(c for c in question.members if c.stance == "denies")
    return bool(denying) and any(c.stance in ("asserts", "confirms") and c.camp not in denying
                                 and not c.label.startswith(INDEPENDENT) for c in question.members)


def _position_key(c: Candidate) -> str:
    """Which position a candidate joins: its camp; else its outlet or value; else the unnamed speakers."""
    if c.camp:
        return c.camp
    return c.label if c.label else UNNAMED


def _positions(members: Sequence[Candidate]) -> tuple[Position, ...]:
    """One position per camp (parties first, then independent reporting, then unnamed speakers)."""
    by_key: dict[str, list[Candidate]] = {}
    for c in members:
        by_key.setdefault(_position_key(c), []).append(c)
    keys = sorted(by_key, key=lambda k: (k == UNNAMED, k.startswith(INDEPENDENT), k))
    positions = []
    for key in keys:
        group = by_key[key]
        claimants = tuple(dict.fromkeys(c.claimant for c in group if c.claimant))
        stances = ", ".join(sorted({c.stance for c in group}))
        positions.append(Position(key, claimants, f"{key}: {stances}", tuple(c.citation for c in group),
                                  tuple(c.statement or "" for c in group), tuple(c.stance for c in group)))
    return tuple(positions)


def topic(question: Question, names: dict[str, Entity], titles: Sequence[str] = ()) -> str:
    """Name a question from its positions with a general question form.

    What the form asks about ({x}) comes from the positions: for matters about what happened (its
    cause, who is to blame, whether it was lawful) the word for the event that the positions and the
    headlines share; for ground, the place the positions name most; for parties, the group or person
    they name most. With nothing shared, the form is asked without it ('What caused it?'); a denial
    whose positions share no name and give no clause to ask about makes no question ('').
    """
    if question.topic:
        return question.topic
    if question.hedged:
        subject, _ = _subjects(question.members, names, "any")
        return f"What is true about {subject}?" if subject else "Can the account be verified?"
    if question.key == "dispute":
        clauses = sorted((c.denied for c in question.members if c.denied), key=lambda t: (len(t), t))
        if clauses:
            return f"Is it true that {clauses[0]}?"
        subject = (_subjects(question.members, names, "party")[0]
                   or _subjects(question.members, names, "any")[0])
        deniers = [names[c.claimant].name for c in question.members
                   if c.stance == "denies" and c.claimant in names]
        event = event_word(question.members, titles)
        subject = subject or (deniers[0] if deniers else None) or (f"the {event}" if event else None)
        return f"What is true about {subject}?" if subject else ""
    family = FORMS[question.key]
    if family.subject == "event":
        event = event_word(question.members, titles)
        return family.form.format(x=f"the {event}") if event else family.bare
    subject, other = _subjects(question.members, names, family.subject)
    if not subject or ("{y}" in family.form and not other):
        return family.bare
    return family.form.format(x=subject, y=other)


@lru_cache(maxsize=4)
def _headline_words(titles: tuple[str, ...]) -> frozenset[str]:
    """The words for events that at least two headlines use (one, for a single article): counted once
    per corpus, not once per question."""
    counts: dict[str, int] = {}
    for title in titles:
        for word in {w.lower() for w in WORD.findall(title)}:
            counts[word] = counts.get(word, 0) + 1
    need = min(2, len(titles))
    return frozenset(w for w, n in counts.items() if n >= need and event_like(w))


def event_word(members: Sequence[Candidate], titles: Sequence[str]) -> str | None:
    """The word for what happened: the one the positions use most among those in at least two headlines
    (one, for a single article)."""
    headline = _headline_words(tuple(titles))
    used: dict[str, int] = {}
    for c in members:
        for word in {w for w in WORD.findall(c.citation.quote) if w.islower()} & headline:
            used[word] = used.get(word, 0) + 1
    best = sorted(used, key=lambda w: (-used[w], w))
    return best[0] if best else None


def _subjects(members: Sequence[Candidate], names: dict[str, Entity],
              kind: str) -> tuple[str | None, str | None]:
    """The two names of a kind ('place', 'party', 'any') the positions speak about most, named in at least
    two positions (not their own speakers, not whole countries)."""
    own = {c.claimant for c in members}
    counts: dict[str, int] = {}
    for c in members:
        for eid in c.names - own:
            entity = names.get(eid)
            if entity is None or country_named(entity.name):
                continue
            if not _of_kind(entity, kind):
                continue
            counts[eid] = counts.get(eid, 0) + 1
    top = sorted((e for e in counts if counts[e] > 1), key=lambda e: (-counts[e], names[e].name))
    picked = [names[e].name for e in top[:2]]
    return (picked[0] if picked else None), (picked[1] if len(picked) > 1 else None)


def _of_kind(entity: Entity, kind: str) -> bool:
    """Whether an entity can be what a question form asks about ('place', 'group', 'party', 'any')."""
    if kind == "any":
        return True
    if kind == "party":
        return entity.kind != "place"
    return entity.kind == kind


def shown(question: Question) -> bool:
    """Whether a question is worth showing: a party speaks, and either some position carries a sign of
    disagreement or two camps speak to it."""
    camps = _camps(question.members)
    if question.reported or question.hedged:
        return True
    if not camps:
        return False
    if question.key == "dispute" and (_denial_answers_another(question) or len(camps) > 1):
        return True
    if question.competing:
        return any(c.signal for c in question.members) and (len(camps) > 1 or any(
            c.stance == "unverified" for c in question.members))
    return len(camps) > 1


def finish(questions: list[Question], names: dict[str, Entity], titles: Sequence[str]) -> tuple[Claim, ...]:
    """Keep the questions worth showing (see `shown`), name them, and make one question of those that
    ask the same thing in the same words; give each a stable id."""
    kept: list[Question] = []
    wordings: list[str] = []
    first_worded: dict[str, int] = {}
    added: dict[int, dict[Candidate, None]] = {}
    seen: set[frozenset[Citation]] = set()
    for q in questions:
        if len(_positions(q.members)) < (1 if q.hedged else 2) or not shown(q):
            continue
        cited = frozenset(c.citation for c in q.members)
        wording = topic(q, names, titles)
        if cited in seen or not wording:
            continue
        seen.add(cited)
        at = first_worded.get(wording)
        if at is not None and q.key == kept[at].key:
            members = added.setdefault(at, dict.fromkeys(kept[at].members))
            members.update(dict.fromkeys(q.members))
            continue
        first_worded.setdefault(wording, len(kept))
        kept.append(q)
        wordings.append(wording)
    for at, members in added.items():
        kept[at] = replace(kept[at], members=tuple(members))
    ids: dict[str, int] = {}
    result = []
    for q, wording in zip(kept, wordings, strict=True):
        n = ids[q.key] = ids.get(q.key, 0) + 1
        result.append(Claim(q.key if n == 1 else f"{q.key}-{n}", wording, status(q), _positions(q.members)))
    return tuple(result)
