"""Ordering and matching grading, checked against Moodle's qtype_ordering (no database).

Reference: moodle/moodle question/type/ordering/question.php (grade_response and helpers)
and its own unit tests, question/type/ordering/tests/question_test.php.
"""

import functools
from itertools import permutations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.engine import grading
from quizzes.engine.grading import (
    ABSOLUTE_POSITION,
    ALL_OR_NOTHING,
    LONGEST_CONTIGUOUS_SUBSET,
    LONGEST_ORDERED_SUBSET,
    ORDERING_METHOD_HELP,
    ORDERING_METHOD_LABELS,
    ORDERING_METHODS,
    RELATIVE_ALL_PREVIOUS_AND_NEXT,
    RELATIVE_NEXT_EXCLUDE_LAST,
    RELATIVE_NEXT_INCLUDE_LAST,
    RELATIVE_ONE_PREVIOUS_AND_NEXT,
    RELATIVE_TO_CORRECT,
    MalformedResponse,
    grade_matching,
    grade_matching_detailed,
    grade_ordering,
    grade_ordering_detailed,
)

ABCDE = list("ABCDE")


# --- API -------------------------------------------------------------------------------


def test_constants_are_their_own_names_and_all_have_french_label_and_help():
    assert len(ORDERING_METHODS) == 9
    for method in ORDERING_METHODS:
        assert getattr(grading, method) == method
        assert ORDERING_METHOD_LABELS[method]
        assert ORDERING_METHOD_HELP[method].endswith(".")
    assert ORDERING_METHOD_LABELS[ALL_OR_NOTHING] == "Tout ou rien"
    assert ORDERING_METHOD_LABELS[ABSOLUTE_POSITION] == "Position absolue"
    assert set(ORDERING_METHOD_LABELS) == set(ORDERING_METHOD_HELP) == set(ORDERING_METHODS)


def test_unknown_method_is_a_value_error():
    with pytest.raises(ValueError, match="inconnue"):
        grade_ordering(ABCDE, ABCDE, "ALPHABETICAL")


def test_grade_ordering_is_the_detailed_score():
    for method in ORDERING_METHODS:
        response = list("ACBDE")
        assert grade_ordering(ABCDE, response, method) == (
            grade_ordering_detailed(ABCDE, response, method).score
        )


def test_grades_are_frozen():
    result = grade_ordering_detailed(ABCDE, ABCDE, ABSOLUTE_POSITION)
    with pytest.raises(AttributeError):
        result.score = 0.5


# --- Worked examples, one per method (correct order A B C D E) -------------------------


def test_all_or_nothing():
    # ABCED: A, B, C are in place but D and E are swapped, so the 3/5 is set to 0.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), ALL_OR_NOTHING)
    assert result.score == 0.0
    assert result.points == 0
    assert result.max_points == 5
    # Per item, Moodle's feedback uses the absolute position.
    assert result.item_is_right == {"A": True, "B": True, "C": True, "D": False, "E": False}
    assert grade_ordering(ABCDE, ABCDE, ALL_OR_NOTHING) == 1.0


def test_absolute_position():
    # ABCED: A, B, C in place, E and D not: 3 / 5.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), ABSOLUTE_POSITION)
    assert result.score == pytest.approx(0.6)
    assert result.item_points == {"A": 1, "B": 1, "C": 1, "D": 0, "E": 0}
    # EABCD: everything shifted by one: nothing is in its absolute place.
    assert grade_ordering(ABCDE, list("EABCD"), ABSOLUTE_POSITION) == 0.0


def test_relative_next_exclude_last():
    # ABCED: A→B yes, B→C yes, C→E (should be D) no, D is last (should be followed by E) no.
    # E, the last correct item, is not scored: 2 / (5 - 1) = 0.5.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), RELATIVE_NEXT_EXCLUDE_LAST)
    assert result.score == pytest.approx(0.5)
    assert result.max_points == 4
    assert result.item_points == {"A": 1, "B": 1, "C": 0, "D": 0, "E": 0}
    assert result.item_max_points == {"A": 1, "B": 1, "C": 1, "D": 1, "E": 0}
    assert result.item_is_right == {"A": True, "B": True, "C": False, "D": False, "E": False}
    # EABCD: A→B, B→C, C→D right, D→E broken: 3 / 4.
    assert grade_ordering(ABCDE, list("EABCD"), RELATIVE_NEXT_EXCLUDE_LAST) == pytest.approx(0.75)


def test_relative_next_include_last():
    # ABCED: A→B, B→C right; C→E, D→(end), E→D wrong; E should be last and is not: 2 / 5.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), RELATIVE_NEXT_INCLUDE_LAST)
    assert result.score == pytest.approx(0.4)
    assert result.max_points == 5
    # DABCE: A→B, B→C right, C→E, D→A wrong, E is rightly last: 3 / 5.
    result = grade_ordering_detailed(ABCDE, list("DABCE"), RELATIVE_NEXT_INCLUDE_LAST)
    assert result.score == pytest.approx(0.6)
    assert result.item_is_right == {"A": True, "B": True, "C": False, "D": False, "E": True}


def test_relative_one_previous_and_next():
    # Each item has one right predecessor and one right successor, "nothing" included: max 2 × 5.
    # ABCED: A (nothing, B) 2; B (A, C) 2; C (B ✓, E ✗) 1; E (C ✗, D ✗) 0; D (E ✗, nothing ✗) 0.
    # 5 / 10.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), RELATIVE_ONE_PREVIOUS_AND_NEXT)
    assert result.score == pytest.approx(0.5)
    assert result.max_points == 10
    assert result.item_points == {"A": 2, "B": 2, "C": 1, "D": 0, "E": 0}
    assert result.item_is_right == {"A": True, "B": True, "C": False, "D": False, "E": False}


def test_relative_one_previous_and_next_counts_being_first_or_last():
    # BACDE: B (nothing ✗, A ✗) 0; A (B ✗, C ✗) 0; C (A ✗, D ✓) 1; D (C, E) 2; E (D, nothing) 2.
    # 5 / 10: E earns a point for being last, as Moodle's "0" next id matches.
    result = grade_ordering_detailed(ABCDE, list("BACDE"), RELATIVE_ONE_PREVIOUS_AND_NEXT)
    assert result.item_points == {"A": 0, "B": 0, "C": 1, "D": 2, "E": 2}
    assert result.score == pytest.approx(0.5)


def test_relative_all_previous_and_next():
    # Each item earns a point per other item on its correct side: max 5 × 4 = 20.
    # ABCED: only the pair (D, E) is inverted, so 9 of 10 pairs count twice: 18 / 20.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), RELATIVE_ALL_PREVIOUS_AND_NEXT)
    assert result.score == pytest.approx(0.9)
    assert result.max_points == 20
    assert result.item_points == {"A": 4, "B": 4, "C": 4, "D": 3, "E": 3}
    assert result.item_is_right == {"A": True, "B": True, "C": True, "D": False, "E": False}


def test_longest_ordered_subset():
    # DABCE: the longest subset in the right relative order is A B C E: 4 / 5.
    result = grade_ordering_detailed(ABCDE, list("DABCE"), LONGEST_ORDERED_SUBSET)
    assert result.score == pytest.approx(0.8)
    assert result.item_is_right == {"A": True, "B": True, "C": True, "D": False, "E": True}
    # ACBDE: A C D E (Moodle keeps the first longest subset it finds): 4 / 5.
    result = grade_ordering_detailed(ABCDE, list("ACBDE"), LONGEST_ORDERED_SUBSET)
    assert result.score == pytest.approx(0.8)
    assert result.item_is_right == {"A": True, "B": False, "C": True, "D": True, "E": True}


def test_longest_contiguous_subset():
    # DABCE: A B C are consecutive in the correct order and in that order: 3 / 5
    # (D E is only 2 long; A B C E is ordered but not contiguous).
    result = grade_ordering_detailed(ABCDE, list("DABCE"), LONGEST_CONTIGUOUS_SUBSET)
    assert result.score == pytest.approx(0.6)
    assert result.item_is_right == {"A": True, "B": True, "C": True, "D": False, "E": False}


def test_longest_contiguous_subset_allows_intruders_between_its_items():
    # Moodle only checks that correct positions follow each other (value == end + 1), not that
    # the items sit side by side in the answer. ACBDE: C, D, E are consecutive in the correct
    # order and appear in that order, with B between C and D: 3 / 5 (not 2 / 5 for "D E").
    result = grade_ordering_detailed(ABCDE, list("ACBDE"), LONGEST_CONTIGUOUS_SUBSET)
    assert result.score == pytest.approx(0.6)
    assert result.item_is_right == {"A": False, "B": False, "C": True, "D": True, "E": True}


def test_relative_to_correct():
    # Each item earns (5 - 1) - distance to its correct place, at least 0: max 4 × 5 = 20.
    # ABCED: A 4, B 4, C 4, E (off by 1) 3, D (off by 1) 3: 18 / 20.
    result = grade_ordering_detailed(ABCDE, list("ABCED"), RELATIVE_TO_CORRECT)
    assert result.score == pytest.approx(0.9)
    assert result.item_points == {"A": 4, "B": 4, "C": 4, "D": 3, "E": 3}
    assert result.item_is_right == {"A": True, "B": True, "C": True, "D": False, "E": False}
    # EBCDA: E and A are off by 4 and earn 0; B, C, D earn 4: 12 / 20.
    assert grade_ordering(ABCDE, list("EBCDA"), RELATIVE_TO_CORRECT) == pytest.approx(0.6)


# --- Edge cases -------------------------------------------------------------------------


@pytest.mark.parametrize("method", [LONGEST_ORDERED_SUBSET, LONGEST_CONTIGUOUS_SUBSET])
def test_one_item_subsets_earn_nothing(method):
    # EDCBA: no two items are in the right relative order; Moodle ignores 1-item subsets.
    result = grade_ordering_detailed(ABCDE, list("EDCBA"), method)
    assert result.score == 0.0
    assert not any(result.item_is_right.values())
    # BA: same with two items.
    assert grade_ordering(["A", "B"], ["B", "A"], method) == 0.0


def test_reversed_order():
    # EDCBA: every relative method gives 0; absolute position keeps C in the middle (1 / 5);
    # relative to correct: distances 4, 2, 0, 2, 4 earn 0, 2, 4, 2, 0 = 8 / 20.
    expected = dict.fromkeys(ORDERING_METHODS, 0.0)
    expected[ABSOLUTE_POSITION] = 0.2
    expected[RELATIVE_TO_CORRECT] = 0.4
    for method in ORDERING_METHODS:
        assert grade_ordering(ABCDE, list("EDCBA"), method) == pytest.approx(expected[method])


@pytest.mark.parametrize("method", ORDERING_METHODS)
def test_two_items(method):
    assert grade_ordering(["A", "B"], ["A", "B"], method) == 1.0
    # BA earns nothing anywhere; relative to correct: max 1 per item, distance 1 → 0.
    assert grade_ordering(["A", "B"], ["B", "A"], method) == 0.0


def test_single_item_scores_like_moodle():
    # Moodle: countanswers == 0 → fraction 0 (exclude last, all previous/next, relative to
    # correct), and a 1-item subset is ignored, so a right answer can score 0.
    expected = {
        ALL_OR_NOTHING: 1.0,
        ABSOLUTE_POSITION: 1.0,
        RELATIVE_NEXT_EXCLUDE_LAST: 0.0,
        RELATIVE_NEXT_INCLUDE_LAST: 1.0,
        RELATIVE_ONE_PREVIOUS_AND_NEXT: 1.0,
        RELATIVE_ALL_PREVIOUS_AND_NEXT: 0.0,
        LONGEST_ORDERED_SUBSET: 0.0,
        LONGEST_CONTIGUOUS_SUBSET: 0.0,
        RELATIVE_TO_CORRECT: 0.0,
    }
    for method, score in expected.items():
        assert grade_ordering(["A"], ["A"], method) == score, method


def test_empty_or_repeated_question_items_are_value_errors():
    with pytest.raises(ValueError, match="aucun"):
        grade_ordering([], [], ABSOLUTE_POSITION)
    with pytest.raises(ValueError, match="double"):
        grade_ordering(["A", "A"], ["A", "A"], ABSOLUTE_POSITION)


# --- Moodle's own expectations (tests/question_test.php) --------------------------------

MOODLE = ["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"]
REVERSED = MOODLE[::-1]
EOODLM = ["Environment", "Object", "Oriented", "Dynamic", "Learning", "Modular"]
OODLEM = ["Oriented", "Object", "Dynamic", "Learning", "Environment", "Modular"]
OODLEM2 = ["Object", "Oriented", "Dynamic", "Learning", "Environment", "Modular"]


@pytest.mark.parametrize(
    ("method", "response", "score"),
    [
        (ALL_OR_NOTHING, REVERSED, 0.0),
        (ALL_OR_NOTHING, OODLEM, 0.0),
        (ABSOLUTE_POSITION, REVERSED, 0.0),
        (ABSOLUTE_POSITION, EOODLM, 4 / 6),
        (ABSOLUTE_POSITION, OODLEM, 1 / 6),
        (RELATIVE_NEXT_EXCLUDE_LAST, REVERSED, 0.0),
        (RELATIVE_NEXT_EXCLUDE_LAST, EOODLM, 0.6),
        (RELATIVE_NEXT_EXCLUDE_LAST, OODLEM, 0.4),
        (RELATIVE_NEXT_INCLUDE_LAST, REVERSED, 0.0),
        (RELATIVE_NEXT_INCLUDE_LAST, EOODLM, 0.5),
        (RELATIVE_ONE_PREVIOUS_AND_NEXT, REVERSED, 0.0),
        (RELATIVE_ONE_PREVIOUS_AND_NEXT, OODLEM, 4 / 12),
        (RELATIVE_ALL_PREVIOUS_AND_NEXT, REVERSED, 0.0),
        (RELATIVE_ALL_PREVIOUS_AND_NEXT, OODLEM, 0.6),
        (RELATIVE_ALL_PREVIOUS_AND_NEXT, OODLEM2, 20 / 30),
        (LONGEST_ORDERED_SUBSET, REVERSED, 0.0),
        (LONGEST_ORDERED_SUBSET, OODLEM2, 5 / 6),
        (LONGEST_CONTIGUOUS_SUBSET, REVERSED, 0.0),
        (LONGEST_CONTIGUOUS_SUBSET, OODLEM2, 5 / 6),
        (RELATIVE_TO_CORRECT, REVERSED, 0.4),
        (RELATIVE_TO_CORRECT, OODLEM2, 20 / 30),
    ],
)
def test_moodle_unit_test_expectations(method, response, score):
    assert grade_ordering(MOODLE, MOODLE, method) == 1.0
    assert grade_ordering(MOODLE, response, method) == pytest.approx(score)


def test_moodle_num_parts_right_relative_to_correct():
    # Moodle test_get_num_parts_right: DMOOLE graded relative to correct → 2 right, 4 partial.
    response = ["Dynamic", "Modular", "Object", "Oriented", "Learning", "Environment"]
    result = grade_ordering_detailed(MOODLE, response, RELATIVE_TO_CORRECT)
    assert sum(result.item_is_right.values()) == 2
    partial = [i for i in MOODLE if 0 < result.item_points[i] < result.item_max_points[i]]
    assert len(partial) == 4


# --- Malformed ordering answers ---------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (list("ABCD"), "manquant"),
        (list("ABCDEE"), "répété"),
        (list("ABCDA"), "répété"),
        (list("ABCDEF"), "inconnu"),
        (list("ABCDF"), "inconnu"),
        ([], "manquant"),
    ],
)
@pytest.mark.parametrize("method", ORDERING_METHODS)
def test_malformed_ordering_answers(response, problem, method):
    with pytest.raises(MalformedResponse, match=problem):
        grade_ordering(ABCDE, response, method)


def test_malformed_response_is_a_value_error_naming_the_items():
    with pytest.raises(ValueError, match="« E »"):
        grade_ordering(ABCDE, list("ABCDA"), ABSOLUTE_POSITION)


# --- Properties -------------------------------------------------------------------------


@functools.cache
def _shuffles(n: int) -> st.SearchStrategy:
    """The orders of n items, built once per n (Hypothesis checks every new strategy)."""
    return st.permutations([f"i{k}" for k in range(n)])


@st.composite
def orderings(draw, min_size=1, max_size=9):
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    correct = [f"i{k}" for k in range(n)]
    return correct, draw(_shuffles(n))


@given(orderings(), st.sampled_from(ORDERING_METHODS))
def test_every_score_is_between_0_and_1(case, method):
    correct, response = case
    result = grade_ordering_detailed(correct, response, method)
    assert 0.0 <= result.score <= 1.0
    assert set(result.item_is_right) == set(result.item_points) == set(correct)
    for item in correct:
        assert 0 <= result.item_points[item] <= result.item_max_points[item]
        assert result.item_is_right[item] == (
            result.item_max_points[item] > 0
            and result.item_points[item] == result.item_max_points[item]
        )
    if method != ALL_OR_NOTHING:
        assert result.points == sum(result.item_points.values())
        assert result.max_points == sum(result.item_max_points.values())
    if result.max_points:
        assert result.score == pytest.approx(result.points / result.max_points)


@given(orderings(min_size=2), st.sampled_from(ORDERING_METHODS))
def test_the_right_order_scores_1(case, method):
    correct, _ = case
    result = grade_ordering_detailed(correct, list(correct), method)
    assert result.score == 1.0
    scored = [i for i in correct if result.item_max_points[i] > 0]
    assert all(result.item_is_right[i] for i in scored)


@given(orderings(min_size=2), st.sampled_from(ORDERING_METHODS))
def test_a_wrong_order_never_scores_1(case, method):
    correct, response = case
    if response != correct:
        assert grade_ordering(correct, response, method) < 1.0


def _positions(correct, response):
    index = {item: i for i, item in enumerate(correct)}
    return [index[item] for item in response]


def _lis_length(values):
    best = [1] * len(values)
    for j in range(len(values)):
        for i in range(j):
            if values[i] < values[j]:
                best[j] = max(best[j], best[i] + 1)
    return max(best, default=0)


@given(orderings(max_size=12))
def test_longest_ordered_subset_is_the_longest_increasing_subsequence(case):
    correct, response = case
    length = _lis_length(_positions(correct, response))
    expected = length / len(correct) if length > 1 else 0.0
    assert grade_ordering(correct, response, LONGEST_ORDERED_SUBSET) == pytest.approx(expected)


@given(orderings(min_size=21, max_size=40))
def test_long_answers_use_the_fast_subset_search_with_the_same_score(case):
    correct, response = case
    length = _lis_length(_positions(correct, response))
    expected = length / len(correct) if length > 1 else 0.0
    result = grade_ordering_detailed(correct, response, LONGEST_ORDERED_SUBSET)
    assert result.score == pytest.approx(expected)
    assert sum(result.item_is_right.values()) == (length if length > 1 else 0)


@given(orderings(max_size=12))
def test_fast_subset_search_agrees_on_length_with_moodle_search(case):
    correct, response = case
    positions = _positions(correct, response)
    fast = grading._longest_increasing(positions)
    assert [positions[p] for p in fast] == sorted(positions[p] for p in fast)
    assert len(fast) == max((len(s) for s in grading._ordered_subsets(positions, False)), default=0)


@given(orderings(max_size=12))
def test_longest_contiguous_subset_is_the_longest_run_kept_in_order(case):
    correct, response = case
    where = {item: p for p, item in enumerate(response)}
    longest = run = 1
    for k in range(1, len(correct)):
        run = run + 1 if where[correct[k]] > where[correct[k - 1]] else 1
        longest = max(longest, run)
    expected = longest / len(correct) if longest > 1 else 0.0
    assert grade_ordering(correct, response, LONGEST_CONTIGUOUS_SUBSET) == pytest.approx(expected)


@given(orderings(min_size=2))
def test_all_previous_and_next_counts_pairs_in_the_right_order(case):
    correct, response = case
    where = {item: p for p, item in enumerate(response)}
    n = len(correct)
    kept = sum(
        1 for i in range(n) for j in range(i + 1, n) if where[correct[i]] < where[correct[j]]
    )
    expected = kept / (n * (n - 1) / 2)
    assert grade_ordering(correct, response, RELATIVE_ALL_PREVIOUS_AND_NEXT) == pytest.approx(
        expected
    )


@given(orderings())
def test_absolute_position_counts_items_in_place(case):
    correct, response = case
    in_place = sum(1 for a, b in zip(correct, response, strict=True) if a == b)
    assert grade_ordering(correct, response, ABSOLUTE_POSITION) == pytest.approx(
        in_place / len(correct)
    )
    assert grade_ordering(correct, response, ALL_OR_NOTHING) == (
        1.0 if in_place == len(correct) else 0.0
    )


# --- Matching ---------------------------------------------------------------------------

PAIRS = {"p1": "a1", "p2": "a2", "p3": "a3", "p4": "a4"}


def test_matching_counts_right_pairs():
    # p1, p2 right; p3, p4 wrong: 2 / 4.
    response = {"p1": "a1", "p2": "a2", "p3": "a4", "p4": "a3"}
    result = grade_matching_detailed(PAIRS, response)
    assert result.score == 0.5
    assert result.item_is_right == {"p1": True, "p2": True, "p3": False, "p4": False}
    assert grade_matching(PAIRS, PAIRS) == 1.0


def test_matching_penalty_per_wrong_pair():
    response = {"p1": "a1", "p2": "a2", "p3": "a4", "p4": "a3"}
    # (2 - 0.5 × 2) / 4 = 0.25.
    assert grade_matching(PAIRS, response, penalty=0.5) == pytest.approx(0.25)
    # (2 - 1 × 2) / 4 = 0.
    assert grade_matching(PAIRS, response, penalty=1.0) == 0.0
    # One right, three wrong: (1 - 3) is clipped to 0.
    response = {"p1": "a1", "p2": "a3", "p3": "a4", "p4": "a2"}
    assert grade_matching(PAIRS, response, penalty=1.0) == 0.0


def test_matching_same_answer_twice_is_wrong_not_malformed():
    # p2 gets a1 too: p1 right, p2 wrong, p3 and p4 right: 3 / 4.
    response = {"p1": "a1", "p2": "a1", "p3": "a3", "p4": "a4"}
    assert grade_matching(PAIRS, response) == pytest.approx(0.75)


def test_matching_distractors_from_answer_ids():
    response = {"p1": "a1", "p2": "a2", "p3": "a3", "p4": "leurre"}
    with pytest.raises(MalformedResponse, match="inconnue"):
        grade_matching(PAIRS, response)
    ids = [*PAIRS.values(), "leurre"]
    assert grade_matching(PAIRS, response, answer_ids=ids) == pytest.approx(0.75)


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        ({"p1": "a1", "p2": "a2", "p3": "a3"}, "manquante"),
        ({**PAIRS, "p5": "a1"}, "question inconnue"),
        ({"p1": "a1", "p2": "a2", "p3": "a3", "p4": "zz"}, "réponse inconnue"),
        ({"p1": "a1", "p2": "a2", "p3": "a3", "p4": None}, "réponse inconnue"),
        ({}, "manquante"),
    ],
)
def test_malformed_matching_answers(response, problem):
    with pytest.raises(MalformedResponse, match=problem):
        grade_matching(PAIRS, response)


def test_matching_answers_outside_answer_ids_are_malformed():
    with pytest.raises(MalformedResponse, match="réponse inconnue"):
        grade_matching(PAIRS, {**PAIRS, "p4": "a9"}, answer_ids=["a1", "a2", "a3", "a4", "a5"])


def test_matching_answer_ids_must_contain_the_right_answers():
    with pytest.raises(ValueError, match="absentes"):
        grade_matching(PAIRS, PAIRS, answer_ids=["a1", "a2", "a3"])


@pytest.mark.parametrize("penalty", [-0.1, 1.5, float("nan")])
def test_matching_penalty_must_be_between_0_and_1(penalty):
    with pytest.raises(ValueError, match="pénalité"):
        grade_matching(PAIRS, PAIRS, penalty=penalty)


@given(
    st.integers(min_value=1, max_value=8).flatmap(
        lambda n: st.tuples(st.just(n), st.lists(st.integers(0, n - 1), min_size=n, max_size=n))
    ),
    st.floats(min_value=0.0, max_value=1.0),
)
def test_matching_score_is_between_0_and_1(case, penalty):
    n, chosen = case
    correct = {f"p{k}": f"a{k}" for k in range(n)}
    response = {f"p{k}": f"a{c}" for k, c in enumerate(chosen)}
    result = grade_matching_detailed(correct, response, penalty=penalty)
    assert 0.0 <= result.score <= 1.0
    right = sum(result.item_is_right.values())
    assert result.score == pytest.approx(max(0.0, right - penalty * (n - right)) / n)
    assert result.score <= grade_matching(correct, response)


# --- Default method --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "score"),
    [
        ("BCDA", 0.5),  # B→C, C→D right; D→A, A last wrong: 2/4
        ("ACDB", 0.25),  # only C→D right: 1/4
        ("BACD", 0.5),  # C→D right and D last: 2/4
        ("DABC", 0.5),  # A→B, B→C right: 2/4
        ("ABDC", 0.25),  # only A→B right: 1/4
    ],
)
def test_default_method_gives_partial_credit_for_one_event_moved(response, score):
    assert grade_ordering("ABCD", list(response), grading.DEFAULT_ORDERING_METHOD) == score


def test_default_method_has_many_orders_worth_0_so_the_shown_order_says_nothing():
    worth_0 = [
        order
        for order in permutations("ABCD")
        if grade_ordering("ABCD", list(order), grading.DEFAULT_ORDERING_METHOD) == 0
    ]
    assert len(worth_0) == 9


def test_subset_methods_give_0_only_to_the_reversed_order():
    for method in (LONGEST_ORDERED_SUBSET, LONGEST_CONTIGUOUS_SUBSET):
        worth_0 = [o for o in permutations("ABCD") if grade_ordering("ABCD", list(o), method) == 0]
        assert worth_0 == [tuple("DCBA")]


def test_other_methods_can_give_0_to_one_event_moved():
    # ABSOLUTE_POSITION: BCDA has no event in its place, 0/4.
    assert grade_ordering("ABCD", list("BCDA"), ABSOLUTE_POSITION) == 0.0
    # RELATIVE_NEXT_EXCLUDE_LAST: ACBD keeps none of A→B, B→C, C→D: 0/3.
    assert grade_ordering("ABCD", list("ACBD"), RELATIVE_NEXT_EXCLUDE_LAST) == 0.0
