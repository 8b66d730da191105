"""The statistics of the teachers' results pages, as plain functions: facility, standard deviation
and discrimination of an item the way Moodle's quiz statistics report computes them, and the
10 % bins of a score histogram. No Django: scores come in as lists of numbers. What the items
are (facts, question kinds) and the test's reliability: quizzes.item_analysis."""

from __future__ import annotations

import math
from collections.abc import Sequence

BIN_WIDTH = 10
# Percentages computed in floating point land a hair below a bin edge (69.99999999 for 70 %).
_EDGE_TOLERANCE = 1e-9


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def variance(values: Sequence[float]) -> float | None:
    """Sample variance (divided by n - 1, as Moodle does); None below two values."""
    if len(values) < 2:
        return None
    average = sum(values) / len(values)
    return sum((value - average) ** 2 for value in values) / (len(values) - 1)


def sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation; None below two values."""
    spread = variance(values)
    return None if spread is None else math.sqrt(spread)


def _is_constant(values: Sequence[float]) -> bool:
    # Equal scores such as 1/3 leave a rounding-error variance, not a zero one.
    return max(values) - min(values) <= _EDGE_TOLERANCE


def facility(scores: Sequence[float]) -> float | None:
    """Mean score on an item worth 1, as a percentage: 100 means everyone got it right."""
    average = mean(scores)
    return None if average is None else 100 * average


def discrimination(item_scores: Sequence[float], rest_scores: Sequence[float]) -> float | None:
    """Pearson correlation × 100 between the item's scores and the scores on the rest of the
    quiz (the other items of the same attempts), as Moodle's discrimination index: the item is
    left out of the total so it does not correlate with itself. None when it is undefined
    (fewer than two attempts, or everyone scored the same on the item or on the rest)."""
    if len(item_scores) != len(rest_scores):
        raise ValueError("item and rest scores must come from the same attempts")
    if len(item_scores) < 2 or _is_constant(item_scores) or _is_constant(rest_scores):
        return None
    item_variance, rest_variance = variance(item_scores), variance(rest_scores)
    item_mean, rest_mean = mean(item_scores), mean(rest_scores)
    covariance = sum(
        (item - item_mean) * (rest - rest_mean)
        for item, rest in zip(item_scores, rest_scores, strict=True)
    ) / (len(item_scores) - 1)
    index = 100 * covariance / math.sqrt(item_variance * rest_variance)
    # Rounding may push a perfect correlation a hair past ±100.
    return max(-100.0, min(100.0, index))


def bin_index(percent: float, width: int = BIN_WIDTH) -> int:
    """The bin of a percentage: [0, 10) is bin 0, ..., [90, 100] is the last bin."""
    last = math.ceil(100 / width) - 1
    return max(0, min(last, int((percent + _EDGE_TOLERANCE) // width)))


def histogram(percents: Sequence[float], width: int = BIN_WIDTH) -> list[int]:
    """How many scores fall in each bin of `width` percentage points (100 % in the last bin)."""
    counts = [0] * math.ceil(100 / width)
    for percent in percents:
        counts[bin_index(percent, width)] += 1
    return counts


def bin_labels(width: int = BIN_WIDTH) -> list[tuple[int, int]]:
    """(low, high) of every bin, high included only in the last one."""
    return [(low, min(100, low + width)) for low in range(0, 100, width)]
