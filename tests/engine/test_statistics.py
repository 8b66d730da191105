"""Item statistics of the teachers' results pages (quizzes.statistics): worked examples on a
small made-up class, with the arithmetic, and properties that hold for any class."""

import functools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes import statistics

# Five students, three items worth 1 point each, one first attempt each:
#
#   student  item 1  item 2  item 3  total
#   A           1       1       1      3
#   B           1       1       0      2
#   C           1       0       0      1
#   D           0       1       0      1
#   E           0       0       0      0
ITEM_1 = [1, 1, 1, 0, 0]
ITEM_2 = [1, 1, 0, 1, 0]
ITEM_3 = [1, 0, 0, 0, 0]
TOTALS = [3, 2, 1, 1, 0]


def rest_of(item: list[int]) -> list[int]:
    return [total - score for total, score in zip(TOTALS, item, strict=True)]


def test_facility_is_the_mean_item_score_as_a_percentage():
    # Item 1: (1 + 1 + 1 + 0 + 0) / 5 = 0.6 → 60 %; item 3: 1 / 5 = 0.2 → 20 %.
    assert statistics.facility(ITEM_1) == pytest.approx(60)
    assert statistics.facility(ITEM_3) == pytest.approx(20)
    assert statistics.facility([]) is None


def test_sd_is_the_sample_standard_deviation():
    # Item 1: mean 0.6, squared deviations 3 × 0.4² + 2 × 0.6² = 0.48 + 0.72 = 1.2,
    # divided by n - 1 = 4 → variance 0.3, sd √0.3 ≈ 0.5477.
    assert statistics.sd(ITEM_1) == pytest.approx(math.sqrt(0.3))
    # Item 3: mean 0.2, 0.8² + 4 × 0.2² = 0.8 → variance 0.2, sd ≈ 0.4472.
    assert statistics.sd(ITEM_3) == pytest.approx(0.4472, abs=1e-4)
    assert statistics.sd([0.5]) is None


def test_discrimination_correlates_the_item_with_the_rest_of_the_quiz():
    # Item 1: rest = total - item = [2, 1, 0, 1, 0], mean 0.8.
    #   item deviations [0.4, 0.4, 0.4, -0.6, -0.6], rest deviations [1.2, 0.2, -0.8, 0.2, -0.8]
    #   covariance (0.48 + 0.08 - 0.32 - 0.12 + 0.48) / 4 = 0.6 / 4 = 0.15
    #   rest variance (1.44 + 0.04 + 0.64 + 0.04 + 0.64) / 4 = 2.8 / 4 = 0.7
    #   index 100 × 0.15 / √(0.3 × 0.7) = 15 / 0.45826 ≈ 32.73
    assert statistics.discrimination(ITEM_1, rest_of(ITEM_1)) == pytest.approx(32.733, abs=1e-3)
    # Item 3: rest [2, 2, 1, 1, 0], mean 1.2, deviations [0.8, 0.8, -0.2, -0.2, -1.2];
    #   item deviations [0.8, -0.2, -0.2, -0.2, -0.2]
    #   covariance (0.64 - 0.16 + 0.04 + 0.04 + 0.24) / 4 = 0.8 / 4 = 0.2, rest variance 0.7
    #   index 100 × 0.2 / √(0.2 × 0.7) = 20 / 0.37417 ≈ 53.45
    assert statistics.discrimination(ITEM_3, rest_of(ITEM_3)) == pytest.approx(53.452, abs=1e-3)


def test_discrimination_leaves_the_item_out_of_the_total():
    # Against the whole total [3, 2, 1, 1, 0] item 1 would correlate with itself:
    # covariance 1.8 / 4 = 0.45, total variance 5.2 / 4 = 1.3, 100 × 0.45 / √0.39 ≈ 72.06.
    with_itself = statistics.discrimination(ITEM_1, TOTALS)
    assert with_itself == pytest.approx(72.058, abs=1e-3)
    assert statistics.discrimination(ITEM_1, rest_of(ITEM_1)) < with_itself


def test_discrimination_is_undefined_without_variance_or_attempts():
    assert statistics.discrimination([1, 1, 1], [0, 1, 2]) is None  # everyone right
    assert statistics.discrimination([1, 0, 1], [2, 2, 2]) is None  # same rest for all
    assert statistics.discrimination([1], [2]) is None
    assert statistics.discrimination([], []) is None


def test_histogram_puts_scores_in_ten_point_bins_with_100_in_the_last():
    # Totals out of 3 as percentages: 100, 66.7, 33.3, 33.3, 0.
    percents = [100 * total / 3 for total in TOTALS]
    assert statistics.histogram(percents) == [1, 0, 0, 2, 0, 0, 1, 0, 0, 1]
    assert statistics.bin_labels()[0] == (0, 10) and statistics.bin_labels()[-1] == (90, 100)


@pytest.mark.parametrize(
    ("percent", "bin_number"),
    [(0, 0), (9.99, 0), (10, 1), (100 * 0.7, 7), (69.99999999999, 7), (99.9, 9), (100, 9)],
)
def test_bin_edges_belong_to_the_upper_bin(percent, bin_number):
    assert statistics.bin_index(percent) == bin_number


scores = st.floats(min_value=0, max_value=1, allow_nan=False)


rest_scores = st.floats(0, 60, allow_nan=False)


@functools.cache
def _columns(size: int) -> tuple[st.SearchStrategy, st.SearchStrategy]:
    """Built once per size: Hypothesis checks every new strategy it is given."""
    return (
        st.lists(scores, min_size=size, max_size=size),
        st.lists(rest_scores, min_size=size, max_size=size),
    )


@st.composite
def item_and_rest(draw):
    items, rests = _columns(draw(st.integers(min_value=0, max_value=40)))
    return draw(items), draw(rests)


@given(st.lists(scores))
def test_facility_stays_within_0_and_100(values):
    result = statistics.facility(values)
    assert result is None if not values else 0 <= result <= 100 + 1e-9


@given(item_and_rest())
def test_discrimination_stays_within_minus_100_and_100_or_is_none(pair):
    result = statistics.discrimination(*pair)
    assert result is None or -100 <= result <= 100


@given(item_and_rest())
def test_discrimination_is_symmetric(pair):
    item, rest = pair
    forward, backward = statistics.discrimination(item, rest), statistics.discrimination(rest, item)
    assert (forward is None) == (backward is None)
    if forward is not None:
        assert forward == pytest.approx(backward, abs=1e-6)


@given(scores, st.lists(st.floats(0, 60, allow_nan=False), min_size=2, max_size=40))
def test_an_item_everyone_scored_the_same_has_no_discrimination(score, rest):
    assert statistics.discrimination([score] * len(rest), rest) is None


@given(st.lists(st.floats(0, 100, allow_nan=False)))
def test_histogram_counts_every_score_once(percents):
    counts = statistics.histogram(percents)
    assert len(counts) == 10 and sum(counts) == len(percents)


@given(st.lists(scores, min_size=2))
def test_sd_is_never_negative(values):
    assert statistics.sd(values) >= 0
