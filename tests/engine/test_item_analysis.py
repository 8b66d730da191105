"""Item analysis per fact and per question kind, Cronbach's alpha and the standard error of
measurement (quizzes.item_analysis): worked examples with the arithmetic, a second way of
computing alpha, and properties that hold for any class."""

import functools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import item_analysis
from quizzes.item_analysis import ScoredAttempt

# Five first attempts of a set of two questions, a chronology then a matching:
#
#   attempt  chronology  matching  total   fact 10 (in the chronology)
#   A           1           1        2          right
#   B           1           0.5      1.5        right
#   C           0.5         0        0.5        right
#   D           0.5         0.5      1          wrong
#   E           0           0        0          wrong
CHRONOLOGY = [1, 1, 0.5, 0.5, 0]
MATCHING = [1, 0.5, 0, 0.5, 0]
FACT_10 = [1, 1, 1, 0, 0]
ATTEMPTS = [
    ScoredAttempt(
        questions=(("chronology", chronology), ("matching", matching)),
        facts={10: (fact, frozenset({0})), 11: (matching, frozenset({1}))},
    )
    for chronology, matching, fact in zip(CHRONOLOGY, MATCHING, FACT_10, strict=True)
]


def test_a_fact_is_compared_with_the_questions_that_did_not_ask_it():
    # Fact 10: marks [1, 1, 1, 0, 0], facility 3 / 5 = 60 %. Its rest is the matching alone,
    # [1, 0.5, 0, 0.5, 0], mean 0.4.
    #   mark deviations [0.4, 0.4, 0.4, -0.6, -0.6], rest deviations [0.6, 0.1, -0.4, 0.1, -0.4]
    #   covariance (0.24 + 0.04 - 0.16 - 0.06 + 0.24) / 4 = 0.075
    #   variances 1.2 / 4 = 0.3 and 0.7 / 4 = 0.175
    #   index 100 × 0.075 / √(0.3 × 0.175) = 7.5 / 0.22913 ≈ 32.73
    facts = {item.key: item for item in item_analysis.fact_items(ATTEMPTS)}
    assert facts[10].answers == 5
    assert facts[10].facility == pytest.approx(60)
    assert facts[10].discrimination == pytest.approx(32.733, abs=1e-3)


def test_facts_come_hardest_first():
    # Fact 11 follows the matching: (1 + 0.5 + 0 + 0.5 + 0) / 5 = 40 %, below fact 10's 60 %.
    assert [item.key for item in item_analysis.fact_items(ATTEMPTS)] == [11, 10]


def test_a_question_kind_is_compared_with_the_other_kinds():
    # Chronology: marks [1, 1, 0.5, 0.5, 0], mean 0.6, deviations [0.4, 0.4, -0.1, -0.1, -0.6];
    # rest (the matching) deviations [0.6, 0.1, -0.4, 0.1, -0.4].
    #   covariance (0.24 + 0.04 + 0.04 - 0.01 + 0.24) / 4 = 0.1375
    #   variances 0.7 / 4 = 0.175 both → index 100 × 0.1375 / 0.175 ≈ 78.57
    chronology, matching = item_analysis.kind_items(ATTEMPTS)
    assert (chronology.key, matching.key) == ("chronology", "matching")
    assert chronology.facility == pytest.approx(60) and matching.facility == pytest.approx(40)
    assert chronology.discrimination == pytest.approx(78.571, abs=1e-3)
    assert matching.discrimination == pytest.approx(78.571, abs=1e-3)


def test_alpha_and_standard_error_of_the_worked_example():
    # Item variances 0.175 + 0.175 = 0.35; totals [2, 1.5, 0.5, 1, 0], mean 1, squared
    # deviations 1 + 0.25 + 0.25 + 0 + 1 = 2.5, variance 2.5 / 4 = 0.625.
    #   alpha = 2 / 1 × (1 - 0.35 / 0.625) = 2 × 0.44 = 0.88
    # Scores as percentages: [100, 75, 25, 50, 0], SD = 100 × √0.625 / 2 ≈ 39.53;
    #   SEM = 39.53 × √(1 - 0.88) ≈ 13.69 percentage points.
    result = item_analysis.reliability(ATTEMPTS)
    assert (result.attempts, result.items) == (5, 2)
    assert result.alpha == pytest.approx(0.88)
    assert result.sd == pytest.approx(50 * math.sqrt(0.625))
    assert result.sem == pytest.approx(50 * math.sqrt(0.625) * math.sqrt(0.12))
    assert not result.enough_attempts  # 5 < 10


def test_alpha_of_a_three_item_table_by_hand():
    # Items [1,1,1,0,0], [1,1,0,1,0], [1,0,0,0,0]: variances 0.3, 0.3, 0.2, sum 0.8;
    # totals [3, 2, 1, 1, 0], variance 5.2 / 4 = 1.3.
    #   alpha = 3 / 2 × (1 - 0.8 / 1.3) = 1.5 × 0.5 / 1.3 ≈ 0.5769
    rows = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 0]]
    assert item_analysis.cronbach_alpha(rows) == pytest.approx(0.75 / 1.3)


def test_a_fact_asked_by_every_question_of_an_attempt_counts_for_its_facility_only():
    attempts = [
        ScoredAttempt((("true_false", 1.0),), {7: (1.0, frozenset({0}))}),
        *[
            ScoredAttempt(
                (("true_false", mark), ("which_first", rest)),
                {7: (mark, frozenset({0}))},
            )
            for mark, rest in [(1, 1), (0, 0), (1, 0), (0, 1), (1, 1)]
        ],
    ]
    (fact,) = item_analysis.fact_items(attempts)
    assert fact.answers == 6
    assert fact.facility == pytest.approx(400 / 6)  # 4 right of 6
    # Over the five attempts with a rest: marks [1,0,1,0,1], rests [1,0,0,1,1] → r = 1/6.
    assert fact.discrimination == pytest.approx(100 / 6)


def test_attempts_of_another_shape_are_left_out_of_alpha():
    edited = ScoredAttempt((("chronology", 1.0),), {})
    result = item_analysis.reliability([*ATTEMPTS, edited])
    assert result.attempts == 5 and result.alpha == pytest.approx(0.88)


@pytest.mark.parametrize(
    "rows",
    [
        [],  # no attempt
        [[1, 0]],  # one attempt
        [[1], [0], [1]],  # one item
        [[1, 0], [1, 0], [1, 0]],  # every total the same
        [[1 / 3, 1 / 3], [1 / 3, 1 / 3]],  # the same, with rounding errors
    ],
)
def test_alpha_is_undefined_rather_than_a_division_by_zero(rows):
    assert item_analysis.cronbach_alpha(rows) is None


def test_nothing_to_analyse_gives_no_figures():
    assert item_analysis.fact_items([]) == [] and item_analysis.kind_items([]) == []
    result = item_analysis.reliability([])
    assert (result.attempts, result.alpha, result.sd, result.sem) == (0, None, None, None)


@pytest.mark.parametrize(
    ("alpha", "start"),
    [(0.82, "Au-dessus de 0,7"), (0.7, "Au-dessus de 0,7"), (0.6, "Entre 0,5"), (0.1, "Sous 0,5")],
)
def test_each_alpha_gets_its_reading(alpha, start):
    assert item_analysis.alpha_reading(alpha).startswith(start)


def test_a_negative_discrimination_asks_the_teacher_to_check_the_item():
    reading = item_analysis.discrimination_reading(-12)
    assert reading.startswith("Négative") and "vérifiez" in reading


# --- Properties -----------------------------------------------------------------------------


def reference_alpha(rows):
    """Alpha from the covariance matrix, a second way: k / (k - 1) × (1 - Σ σᵢ² / Σᵢⱼ σᵢⱼ)."""
    n, k = len(rows), len(rows[0])
    means = [sum(row[i] for row in rows) / n for i in range(k)]

    def cov(i, j):
        return sum((r[i] - means[i]) * (r[j] - means[j]) for r in rows) / (n - 1)

    every = sum(cov(i, j) for i in range(k) for j in range(k))
    return k / (k - 1) * (1 - sum(cov(i, i) for i in range(k)) / every)


marks = st.sampled_from([0.0, 0.25, 1 / 3, 0.5, 2 / 3, 0.75, 1.0])


@st.composite
def tables(draw):
    k = draw(st.integers(min_value=1, max_value=6))
    n = draw(st.integers(min_value=0, max_value=30))
    row = st.lists(marks, min_size=k, max_size=k)
    return [draw(row) for _ in range(n)]


@given(tables())
def test_alpha_is_at_most_one_and_agrees_with_the_covariance_formula(rows):
    alpha = item_analysis.cronbach_alpha(rows)
    if alpha is None:
        return
    assert alpha <= 1
    assert alpha == pytest.approx(reference_alpha(rows), abs=1e-9)


@given(st.lists(marks, min_size=1, max_size=6), st.integers(min_value=2, max_value=20))
def test_attempts_with_the_same_marks_have_no_alpha(row, count):
    assert item_analysis.cronbach_alpha([row] * count) is None


kinds = st.sampled_from(["chronology", "matching", "true_false"])


@functools.cache
def _fact_marks(size: int) -> st.SearchStrategy:
    """Facts → (mark, questions of the attempt asking them), built once per number of
    questions (Hypothesis checks every new strategy it is given)."""
    return st.dictionaries(
        st.integers(1, 8),
        st.tuples(marks, st.frozensets(st.integers(0, size - 1), min_size=1)),
        max_size=6,
    )


@st.composite
def scored_attempts(draw):
    size = draw(st.integers(min_value=1, max_value=5))
    questions = tuple((draw(kinds), draw(marks)) for _ in range(size))
    return ScoredAttempt(questions, draw(_fact_marks(size)))


@given(st.lists(scored_attempts(), max_size=25))
def test_item_figures_stay_in_their_ranges_or_are_none(attempts):
    for item in item_analysis.fact_items(attempts) + item_analysis.kind_items(attempts):
        assert item.answers >= 1
        assert item.facility is not None and 0 <= item.facility <= 100 + 1e-9
        assert item.discrimination is None or -100 <= item.discrimination <= 100
        assert item.facility_reading and item.discrimination_reading


@given(st.lists(scored_attempts(), max_size=25))
def test_the_standard_error_is_never_negative_nor_above_the_spread_when_alpha_is(attempts):
    result = item_analysis.reliability(attempts)
    if result.alpha is None:
        assert result.sem is None
    else:
        assert result.alpha <= 1
        assert result.sem >= 0
        if result.alpha >= 0:
            assert result.sem <= result.sd + 1e-9
