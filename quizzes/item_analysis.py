"""Item analysis of a question set when every attempt draws its own questions: statistics per
fact and per question kind, and the reliability of the set as a test (Cronbach's alpha and the
standard error of measurement), each with a one-line reading for a teacher. Plain Python.

Where this follows Moodle's quiz statistics report (mod/quiz/report/statistics/classes/
calculator.php for the test, question/classes/statistics/questions/calculator.php for items):

- facility index: the mean mark on the item over its maximum, as a percentage;
- discrimination index: 100 × the correlation between the item's mark and the mark on the rest
  of the attempt (the attempt's total minus the item), with sample variances (n − 1);
- coefficient of internal consistency: 100 × p / (p − 1) × (1 − Σ item mark variances /
  variance of the attempts' totals), p the number of slots, over the analysed attempts, one
  per student (Moodle's « first attempt » choice); shown here as alpha between −∞ and 1;
- standard error: SD of the totals × √(1 − alpha) (Moodle: error ratio × SD / 100).

Where it differs, because our questions are drawn for each attempt and a slot holds a
different question every time (Moodle faces this only with random questions, whose drawn
« sub-questions » it reports against the whole attempt just as we report facts):

- an item is a *fact* (its mark in an attempt: the share of its results that were right) or a
  *question kind* (its mark: the mean score of the attempt's questions of that kind), never a
  slot; the rest of the attempt is the mean score of the questions that did not ask the item,
  as a fraction, since a fact may be asked by one question of an attempt and by two of the next
  (with equal counts, as for kinds, this is Moodle's rest-of-test mark divided by a constant,
  which leaves the correlation unchanged);
- alpha needs every item in every attempt, which facts are not: it is computed over slots, as
  Moodle does, and a slot is a fair part of the test here because a set draws the same kind at
  the same place every time; attempts shaped differently (a set edited after some attempts)
  are left out, the most common shape is kept;
- Moodle computes alpha from three attempts on; we wait for ten, and show an item from five
  answers, below which the figures say more about chance than about the item.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from quizzes import statistics
from quizzes.engine.questions import gettext_noop

# Below these, the figures say more about chance than about the item or the set.
MIN_ANSWERS_FOR_ITEM = 5
MIN_ATTEMPTS_FOR_RELIABILITY = 10
# Floating point leaves a tiny variance where every score is equal (1/3 three times).
_ZERO_VARIANCE = 1e-12


@dataclass(frozen=True)
class ScoredAttempt:
    """One finished attempt as item analysis reads it.

    `questions`: (kind, score out of 1) of each question, in position order.
    `facts`: fact id → (share of the fact's results that were right, positions in
    `questions`, counted from 0, of the questions that asked it)."""

    questions: tuple[tuple[str, float], ...]
    facts: Mapping[int, tuple[float, frozenset[int]]]


def _rest_fraction(
    questions: Sequence[tuple[str, float]], left_out: frozenset[int]
) -> float | None:
    rest = [score for index, (_kind, score) in enumerate(questions) if index not in left_out]
    return sum(rest) / len(rest) if rest else None


# --- Readings -------------------------------------------------------------------------------
# Bands after Moodle's documentation of its quiz statistics (« Quiz statistics calculations »):
# facility 35-65 % suits the average student, a discrimination under 20 is weak, a negative one
# says the item is probably faulty.


def facility_reading(facility: float | None) -> str:
    if facility is None:
        return gettext_noop("Aucune réponse.")
    if facility < 20:
        return gettext_noop("Très difficile : peu d’élèves le réussissent.")
    if facility < 35:
        return gettext_noop("Difficile.")
    if facility <= 65:
        return gettext_noop("Adapté à l’élève moyen.")
    if facility <= 80:
        return gettext_noop("Assez facile.")
    return gettext_noop("Très facile : presque tous le réussissent.")


def discrimination_reading(discrimination: float | None) -> str:
    if discrimination is None:
        return gettext_noop("Non calculable : tous les élèves ont eu le même score.")
    if discrimination < 0:
        return gettext_noop(
            "Négative : les élèves forts y échouent plus que les autres ; vérifiez le fait ou "
            "ses questions."
        )
    if discrimination < 20:
        return gettext_noop("Très faible : il ne distingue pas les élèves qui maîtrisent le reste.")
    if discrimination < 30:
        return gettext_noop("Faible.")
    if discrimination < 50:
        return gettext_noop("Correcte : il distingue les élèves forts des autres.")
    return gettext_noop("Très bonne : il distingue nettement les élèves forts des autres.")


def alpha_reading(alpha: float | None) -> str:
    if alpha is None:
        return gettext_noop("Non calculable : tous les élèves ont eu le même score.")
    if alpha >= 0.7:
        return gettext_noop("Au-dessus de 0,7 : le test classe les élèves de façon cohérente.")
    if alpha >= 0.5:
        return gettext_noop(
            "Entre 0,5 et 0,7 : le classement des élèves est à prendre avec prudence."
        )
    return gettext_noop(
        "Sous 0,5 : les questions ne mesurent pas la même chose (ou sont trop peu nombreuses) "
        "pour classer les élèves."
    )


# --- Items ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemAnalysis:
    """A fact (key: its id) or a question kind (key: the kind) over the analysed attempts."""

    key: Hashable
    answers: int  # attempts that asked the item
    facility: float | None  # percentage
    discrimination: float | None  # correlation × 100

    @property
    def enough_answers(self) -> bool:
        return self.answers >= MIN_ANSWERS_FOR_ITEM

    @property
    def facility_reading(self) -> str:
        return facility_reading(self.facility)

    @property
    def discrimination_reading(self) -> str:
        return discrimination_reading(self.discrimination)


def _analyse(key: Hashable, marks: Sequence[float], rests: Sequence[float | None]) -> ItemAnalysis:
    """`marks` and `rests`: the item's mark and the rest-of-attempt mark of every attempt that
    asked it; an attempt without a rest (the item was the whole attempt) counts for the
    facility only."""
    known = [(mark, rest) for mark, rest in zip(marks, rests, strict=True) if rest is not None]
    return ItemAnalysis(
        key=key,
        answers=len(marks),
        facility=statistics.facility(marks),
        discrimination=statistics.discrimination(
            [mark for mark, _rest in known], [rest for _mark, rest in known]
        ),
    )


def _items(found: dict[Hashable, tuple[list[float], list[float | None]]]) -> list[ItemAnalysis]:
    return [_analyse(key, marks, rests) for key, (marks, rests) in found.items()]


def fact_items(attempts: Sequence[ScoredAttempt]) -> list[ItemAnalysis]:
    """Every fact asked in the attempts, hardest first."""
    found: dict[Hashable, tuple[list[float], list[float | None]]] = {}
    for attempt in attempts:
        for fact, (mark, asked_in) in attempt.facts.items():
            marks, rests = found.setdefault(fact, ([], []))
            marks.append(mark)
            rests.append(_rest_fraction(attempt.questions, asked_in))
    return sorted(
        _items(found),
        key=lambda item: (item.facility is None, item.facility or 0, -item.answers, item.key),
    )


def kind_items(attempts: Sequence[ScoredAttempt]) -> list[ItemAnalysis]:
    """Every question kind of the attempts, in the order they first come in the set."""
    found: dict[Hashable, tuple[list[float], list[float | None]]] = {}
    for attempt in attempts:
        positions: dict[str, list[int]] = {}
        for index, (kind, _score) in enumerate(attempt.questions):
            positions.setdefault(kind, []).append(index)
        for kind, indexes in positions.items():
            marks, rests = found.setdefault(kind, ([], []))
            marks.append(sum(attempt.questions[i][1] for i in indexes) / len(indexes))
            rests.append(_rest_fraction(attempt.questions, frozenset(indexes)))
    return _items(found)


# --- The test as a whole --------------------------------------------------------------------


def cronbach_alpha(rows: Sequence[Sequence[float]]) -> float | None:
    """Alpha of a table of marks, one row per attempt, one column per item (every row as long):
    k / (k − 1) × (1 − Σ item variances / variance of the row totals), sample variances.
    None with fewer than two items or two attempts, or when every total is the same."""
    if len(rows) < 2 or not rows[0] or len(rows[0]) < 2:
        return None
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise ValueError("every attempt must have a mark for every item")
    total_variance = statistics.variance([sum(row) for row in rows])
    if total_variance is None or total_variance <= _ZERO_VARIANCE:
        return None
    item_variances = sum(statistics.variance([row[i] for row in rows]) for i in range(width))
    alpha = width / (width - 1) * (1 - item_variances / total_variance)
    # The totals' variance is at most k × Σ item variances, so alpha ≤ 1 but for rounding.
    return min(1.0, alpha)


def standard_error(sd: float | None, alpha: float | None) -> float | None:
    """The standard error of measurement, SD × √(1 − alpha), in the unit of `sd`."""
    if sd is None or alpha is None:
        return None
    return sd * math.sqrt(1 - alpha)


@dataclass(frozen=True)
class Reliability:
    """Cronbach's alpha and the standard error of measurement of the analysed attempts."""

    attempts: int  # attempts of the most common shape, those the figures come from
    items: int  # slots of that shape
    alpha: float | None
    sd: float | None  # of the attempts' scores, in percentage points
    sem: float | None  # in percentage points

    @property
    def enough_attempts(self) -> bool:
        return self.attempts >= MIN_ATTEMPTS_FOR_RELIABILITY

    @property
    def alpha_reading(self) -> str:
        return alpha_reading(self.alpha)


def reliability(attempts: Sequence[ScoredAttempt]) -> Reliability:
    """Alpha over slots and the SEM of the attempts of the set's most common shape (the kinds
    in position order), scores as percentages of the attempt's maximum."""
    shapes = Counter(tuple(kind for kind, _score in a.questions) for a in attempts)
    if not shapes:
        return Reliability(0, 0, None, None, None)
    shape, _count = max(shapes.items(), key=lambda pair: (pair[1], len(pair[0])))
    rows = [
        [score for _kind, score in a.questions]
        for a in attempts
        if tuple(kind for kind, _score in a.questions) == shape
    ]
    alpha = cronbach_alpha(rows)
    percents = [100 * sum(row) / len(row) for row in rows] if shape else []
    spread = statistics.sd(percents)
    return Reliability(
        attempts=len(rows),
        items=len(shape),
        alpha=alpha,
        sd=spread,
        sem=standard_error(spread, alpha),
    )
