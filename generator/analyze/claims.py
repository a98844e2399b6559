"""Stage `analyze` (claims): the questions the sources answer differently, in any kind of story.

A *position* is something one party says on a matter, with its words cited: a statement, a sentence
of the article that reports a denial or an accusation, one of the articles' own hedges ("could not
be independently verified"), or a figure the sources disagree on. Each position has a *camp* (the
speaker's affiliation: a government for a state, otherwise its company, agency, party, court or
group; journalists' hedges are independent reporting, never a camp) and a *stance* (asserts,
denies, confirms, unverified).

Questions come from the positions, not from a list of topics (claims_questions): positions are put
under the general matters their words take up (claims_signals.FAMILIES: cause, blame, what to call
it, lawful, safe, linked, what for, what next, who pays, how many ...); a denial, or a position that
turns round what another camp says, makes a question with what it answers (positions that share its
key words and names, and the account it points back at); what the articles could not verify makes a
one-sided question when no other holds it; figures the sources disagree on, and details they give
nearly alike (claims_details), are questions of their own. Each question is named from its
positions with a general form ('What caused the collapse?', 'Is it true that ...?'). A question is
disputed when two camps answer it differently, corroborated when independent camps agree, one-sided
when one camp alone speaks. Nothing is stated as fact: each position names its claimant and quotes
the words. The editor may rename, merge, split or hide questions (claims_editorial).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ..core.models import Article, Claim, Entity, Figure, Statement
from .claims_details import detail_questions
from .claims_positions import (
    INDEPENDENT,
    UNNAMED,
    Lookup,
    answered_before,
    camp_of,
    from_narration,
    from_statement,
    spots_of,
)
from .claims_questions import (
    Context,
    denial_questions,
    family_questions,
    figure_questions,
    finish,
    hedge_questions,
    with_hedges,
)
from .claims_signals import key_terms

__all__ = ["INDEPENDENT", "UNNAMED", "camp_of", "find_claims"]


def find_claims(articles: Sequence[Article], entities: Sequence[Entity], statements: Sequence[Statement],
                figures: Sequence[Figure] = ()) -> tuple[Claim, ...]:
    """Find the questions the sources answer differently, with each camp's cited position."""
    names = {e.id: e for e in entities}
    spots = spots_of(entities)
    paragraphs = sum(len(a.paragraphs) for a in articles) or 1
    weight = {e.id: math.log(1 + paragraphs / max(1, len({(m.source, m.paragraph) for m in e.mentions})))
              for e in entities}
    texts = {(a.id, p.id): p.text for a in articles for p in a.paragraphs}
    df: dict[str, int] = {}
    for text in texts.values():
        for term in key_terms(text):
            df[term] = df.get(term, 0) + 1
    candidates = [from_statement(s, names, spots, texts) for s in statements]
    candidates += from_narration(articles, statements, names, spots)
    context = Context(names, weight, {t: max(1.0, math.log(1 + paragraphs / n)) for t, n in df.items()},
                      Lookup.of(candidates))
    answers = answered_before(articles, candidates, spots)
    questions = family_questions(candidates, context) + denial_questions(candidates, context, answers)
    hedges = [c for c in candidates if c.stance == "unverified" and not c.camp]
    questions = with_hedges(questions, hedges, context, answers)
    questions += hedge_questions(hedges, answers, questions)
    questions += figure_questions(figures, names) + detail_questions(articles)
    return finish(questions, names, [a.title for a in articles])
