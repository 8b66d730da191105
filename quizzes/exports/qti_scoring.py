"""A set's ordering method as QTI response processing can say it: a sum of weighted rules,
each adding its weight when the response holds given items at given positions (QTI's
`qti-index` and `qti-match`). Plain Python, so tests compare it with the engine's grading on
every order of the items.

Every method but the two longest-subset ones is a sum of such rules, exactly. Those two are
exact as a table of every scoring order up to TABLE_MAX_ITEMS items; beyond, they fall back to
RELATIVE_ALL_PREVIOUS_AND_NEXT (docs/exports.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, permutations

from quizzes.engine import grading

# 6 items: 720 orders at most in the table (a few hundred KB of XML); 7 would be 5,040.
TABLE_MAX_ITEMS = 6

Term = tuple[int, str]  # (1-based position in the response, item id)


@dataclass(frozen=True)
class Rule:
    """Add `weight` to the score when any alternative holds: all its (position, item) terms."""

    weight: float
    alternatives: tuple[tuple[Term, ...], ...]


def _adjacent(correct: Sequence[str], k: int) -> tuple[tuple[Term, ...], ...]:
    """correct[k] immediately followed by correct[k + 1], wherever in the response."""
    n = len(correct)
    return tuple(((i, correct[k]), (i + 1, correct[k + 1])) for i in range(1, n))


def _table(correct: Sequence[str], method: str) -> list[Rule]:
    rules = []
    for order in permutations(correct):
        score = grading.grade_ordering(correct, order, method)
        if score > 0:
            rules.append(Rule(score, (tuple(enumerate(order, 1)),)))
    return rules


def ordering_rules(correct: Sequence[str], method: str) -> tuple[list[Rule], bool]:
    """The rules for this method over these items (right order), and whether they reproduce
    the engine's score exactly."""
    n = len(correct)
    first, last = ((1, correct[0]),), ((n, correct[-1]),)
    if method == grading.ALL_OR_NOTHING:
        return [Rule(1.0, (tuple(enumerate(correct, 1)),))], True
    if method == grading.ABSOLUTE_POSITION:
        return [Rule(1 / n, (((k, item),),)) for k, item in enumerate(correct, 1)], True
    if method == grading.RELATIVE_NEXT_EXCLUDE_LAST:
        return [Rule(1 / (n - 1), _adjacent(correct, k)) for k in range(n - 1)], True
    if method == grading.RELATIVE_NEXT_INCLUDE_LAST:
        pairs = [Rule(1 / n, _adjacent(correct, k)) for k in range(n - 1)]
        return [*pairs, Rule(1 / n, (last,))], True
    if method == grading.RELATIVE_ONE_PREVIOUS_AND_NEXT:
        # A right neighbour pair is two points (one item's next, the other's previous) of 2n.
        pairs = [Rule(2 / (2 * n), _adjacent(correct, k)) for k in range(n - 1)]
        return [Rule(1 / (2 * n), (first,)), *pairs, Rule(1 / (2 * n), (last,))], True
    if method == grading.RELATIVE_TO_CORRECT:
        return [
            Rule((n - 1 - abs(i - k)) / (n * (n - 1)), (((i, item),),))
            for k, item in enumerate(correct, 1)
            for i in range(1, n + 1)
            if n - 1 - abs(i - k) > 0
        ], True
    if method in (grading.LONGEST_ORDERED_SUBSET, grading.LONGEST_CONTIGUOUS_SUBSET):
        if n <= TABLE_MAX_ITEMS:
            return _table(correct, method), True
        return ordering_rules(correct, grading.RELATIVE_ALL_PREVIOUS_AND_NEXT)[0], False
    if method == grading.RELATIVE_ALL_PREVIOUS_AND_NEXT:
        # Each pair in the right relative order: two points of n(n - 1).
        return [
            Rule(
                2 / (n * (n - 1)),
                tuple(((i, before), (j, after)) for i, j in combinations(range(1, n + 1), 2)),
            )
            for before, after in combinations(correct, 2)
        ], True
    raise ValueError(f"unknown ordering method {method!r}")


def rules_score(rules: Sequence[Rule], response: Sequence[str]) -> float:
    """What the rules give this response (as a QTI engine running the package would)."""
    held = set(enumerate(response, 1))
    return sum(
        rule.weight
        for rule in rules
        if any(all(term in held for term in alternative) for alternative in rule.alternatives)
    )
