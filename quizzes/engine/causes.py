"""Cause → consequence matching: which pairs a student could defend besides the source's own.

Consequences that speak of the same thing (« l’effondrement du gouvernement de Mussolini »,
« le régime de Mussolini devenu la marionnette de l’Allemagne ») can each be argued to follow
from the other's cause: a series of defeats also brought Mussolini down. Such causes are never
asked together, and neither consequence is a distractor for the other's cause.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizzes.engine.facts import RelationFact
from quizzes.engine.wording import normalized, shared_words

CAUSES = "causes"


def defensible_pairs(facts: Sequence[RelationFact]) -> set[tuple[str, str]]:
    """(cause, consequence), normalized, that a student could defend although the source pairs
    them otherwise: consequences sharing a content word lend themselves to each other's cause."""
    causes = [fact for fact in facts if fact.relation == CAUSES]
    pairs = set()
    for fact in causes:
        for other in causes:
            if other is not fact and shared_words(fact.object, other.object):
                pairs.add((normalized(fact.subject), normalized(other.object)))
    return pairs
