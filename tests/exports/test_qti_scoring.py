"""The QTI rules for each ordering method give the engine's score on every order of the
items (the engine reproduces Moodle's qtype_ordering)."""

from itertools import permutations

import pytest

from quizzes.engine import grading
from quizzes.exports.qti_scoring import TABLE_MAX_ITEMS, ordering_rules, rules_score


@pytest.mark.parametrize("method", grading.ORDERING_METHODS)
@pytest.mark.parametrize("n", [3, 4, 5])
def test_rules_give_the_engines_score_for_every_order(method, n):
    correct = [f"e{k}" for k in range(n)]
    rules, exact = ordering_rules(correct, method)
    assert exact
    for order in permutations(correct):
        assert rules_score(rules, order) == pytest.approx(
            grading.grade_ordering(correct, order, method)
        ), order


@pytest.mark.parametrize(
    "method", [grading.LONGEST_ORDERED_SUBSET, grading.LONGEST_CONTIGUOUS_SUBSET]
)
def test_longest_subset_methods_are_approximated_beyond_the_table(method):
    correct = [f"e{k}" for k in range(TABLE_MAX_ITEMS + 1)]
    rules, exact = ordering_rules(correct, method)
    assert not exact
    # The right order still earns everything and its reversal nothing.
    assert rules_score(rules, correct) == pytest.approx(1.0)
    assert rules_score(rules, correct[::-1]) == pytest.approx(0.0)
