"""Grading of ordering and matching answers (plain Python, no Django).

Ordering questions follow Moodle's ``qtype_ordering`` exactly: the reference is
``question/type/ordering/question.php`` in moodle/moodle (class
``qtype_ordering_question``; functions ``grade_response``, ``get_next_answerids``,
``get_previous_and_next_answerids``, ``get_ordered_subset``, ``get_ordered_subsets``,
``get_fraction_maxscore_score_of_item`` and ``get_ordering_item_score``).

Moodle computes ``countcorrect`` and ``countanswers`` and returns
``countcorrect / countanswers`` (0 when ``countanswers == 0``). With n items:

ALL_OR_NOTHING
    1 point per item in its correct absolute position, max n; if any item is
    misplaced the total is set to 0. Per item (feedback), Moodle shows the
    absolute-position result.
ABSOLUTE_POSITION
    1 point per item in its correct absolute position, max n.
RELATIVE_NEXT_EXCLUDE_LAST
    1 point per item (except the last correct item) immediately followed by its
    correct successor, max n - 1. The correct last item is "unscored".
RELATIVE_NEXT_INCLUDE_LAST
    Same, but the last item also scores 1 when it is last in the answer
    (Moodle gives it the successor 0, "nothing"), max n.
RELATIVE_ONE_PREVIOUS_AND_NEXT
    For each item, 1 point if its immediate predecessor is right and 1 point if
    its immediate successor is right; "nothing before" (first item) and
    "nothing after" (last item) count as a predecessor/successor (Moodle's 0),
    so max 2n.
RELATIVE_ALL_PREVIOUS_AND_NEXT
    For each item, 1 point per other item correctly placed before it and 1 per
    other item correctly placed after it, max n(n - 1) (each well-ordered pair
    counts twice).
LONGEST_ORDERED_SUBSET
    The number of items in the longest subset whose relative order is right
    (not necessarily side by side), max n. A subset of a single item earns 0
    (Moodle's ``$bestcount = 1`` "means we ignore single item subsets").
LONGEST_CONTIGUOUS_SUBSET
    Same, but the subset must be a run of items that are consecutive in the
    correct order (k, k+1, k+2, ...) and appear in that order in the answer.
    Subtlety: Moodle only requires ``$value == $end + 1`` on the *correct*
    positions, so other items may sit between them in the answer. A single item
    earns 0.
RELATIVE_TO_CORRECT
    Each item earns ``max(0, (n - 1) - |answer position - correct position|)``,
    max n - 1 per item, n(n - 1) in total. An item moved from one end to the
    other earns 0.

Moodle edge cases reproduced on purpose: with a single item,
RELATIVE_NEXT_EXCLUDE_LAST, RELATIVE_ALL_PREVIOUS_AND_NEXT and RELATIVE_TO_CORRECT
have ``countanswers == 0`` and score 0, and the longest-subset methods score 0
because a one-item subset is ignored, even when the answer is right. (Moodle's edit
form refuses questions with fewer than 2 items: edit_ordering_form.php, "notenoughanswers".)

Per item, ``item_is_right`` is Moodle's "correct" class: the item earned all of
its points (``fraction > 0.999999``) and had some points to earn. Unscored items
(the last correct item under RELATIVE_NEXT_EXCLUDE_LAST) are not right.

Default method (``DEFAULT_ORDERING_METHOD``): RELATIVE_NEXT_INCLUDE_LAST, partial credit
for relative order. Two demands pull apart: a chronology right but for one event moved
should earn much of the credit, and the order first shown must earn 0 (an untouched answer
earns nothing) without being predictable. Over every permutation of 4 events (5 events in
brackets), "one moved" meaning one event taken out and put back elsewhere:

    method                        orders worth 0   one event moved earns
    ABSOLUTE_POSITION             9/24 (44/120)    0 %..50 % (0 %..60 %): BCDA earns 0
    RELATIVE_NEXT_EXCLUDE_LAST    11/24 (53/120)   0 %..67 % (25 %..75 %): ACBD earns 0
    RELATIVE_NEXT_INCLUDE_LAST    9/24 (44/120)    25 %..50 % (40 %..60 %)
    LONGEST_ORDERED_SUBSET        1/24 (1/120)     75 % (80 %)
    RELATIVE_ALL_PREVIOUS_AND_NEXT, LONGEST_CONTIGUOUS_SUBSET: 1/24, 50 %..83 %

The subset methods reward one move best, but the reversal is their only order worth 0: shown
first every time, "reverse the list" would earn full marks without knowing any date.
RELATIVE_NEXT_INCLUDE_LAST never gives 0 to one event moved (4 events or more), and about a
third of all orders are worth 0, so the order shown says nothing about the answer.

Matching questions: fraction of right pairs, each wrong pair costing ``penalty``
of one pair, never below 0.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from quizzes.engine.questions import gettext_noop

ALL_OR_NOTHING = "ALL_OR_NOTHING"
ABSOLUTE_POSITION = "ABSOLUTE_POSITION"
RELATIVE_NEXT_EXCLUDE_LAST = "RELATIVE_NEXT_EXCLUDE_LAST"
RELATIVE_NEXT_INCLUDE_LAST = "RELATIVE_NEXT_INCLUDE_LAST"
RELATIVE_ONE_PREVIOUS_AND_NEXT = "RELATIVE_ONE_PREVIOUS_AND_NEXT"
RELATIVE_ALL_PREVIOUS_AND_NEXT = "RELATIVE_ALL_PREVIOUS_AND_NEXT"
LONGEST_ORDERED_SUBSET = "LONGEST_ORDERED_SUBSET"
LONGEST_CONTIGUOUS_SUBSET = "LONGEST_CONTIGUOUS_SUBSET"
RELATIVE_TO_CORRECT = "RELATIVE_TO_CORRECT"

ORDERING_METHODS = (
    ALL_OR_NOTHING,
    ABSOLUTE_POSITION,
    RELATIVE_NEXT_EXCLUDE_LAST,
    RELATIVE_NEXT_INCLUDE_LAST,
    RELATIVE_ONE_PREVIOUS_AND_NEXT,
    RELATIVE_ALL_PREVIOUS_AND_NEXT,
    LONGEST_ORDERED_SUBSET,
    LONGEST_CONTIGUOUS_SUBSET,
    RELATIVE_TO_CORRECT,
)

# Why this default: see "Default method" in the module docstring.
DEFAULT_ORDERING_METHOD = RELATIVE_NEXT_INCLUDE_LAST

ORDERING_METHOD_LABELS = {
    ALL_OR_NOTHING: gettext_noop("Tout ou rien"),
    ABSOLUTE_POSITION: gettext_noop("Position absolue"),
    RELATIVE_NEXT_EXCLUDE_LAST: gettext_noop("Suivant correct (sans le dernier)"),
    RELATIVE_NEXT_INCLUDE_LAST: gettext_noop("Suivant correct (avec le dernier)"),
    RELATIVE_ONE_PREVIOUS_AND_NEXT: gettext_noop("Voisins immédiats"),
    RELATIVE_ALL_PREVIOUS_AND_NEXT: gettext_noop("Tous les précédents et suivants"),
    LONGEST_ORDERED_SUBSET: gettext_noop("Plus longue suite ordonnée"),
    LONGEST_CONTIGUOUS_SUBSET: gettext_noop("Plus longue suite contiguë"),
    RELATIVE_TO_CORRECT: gettext_noop("Distance à la bonne position"),
}

ORDERING_METHOD_HELP = {
    ALL_OR_NOTHING: gettext_noop(
        "L'élève obtient tous les points si tous les éléments sont à leur place, sinon aucun."
    ),
    ABSOLUTE_POSITION: gettext_noop(
        "Chaque élément placé exactement à sa bonne position rapporte un point."
    ),
    RELATIVE_NEXT_EXCLUDE_LAST: gettext_noop(
        "Chaque élément suivi immédiatement du bon élément rapporte un point ; le dernier élément ne compte pas."
    ),
    RELATIVE_NEXT_INCLUDE_LAST: gettext_noop(
        "Chaque élément suivi immédiatement du bon élément rapporte un point, et le dernier élément rapporte un point s'il est bien placé en dernier."
    ),
    RELATIVE_ONE_PREVIOUS_AND_NEXT: gettext_noop(
        "Chaque élément rapporte un point si son voisin précédent est le bon et un point si son voisin suivant est le bon (être premier ou dernier à juste titre compte aussi)."
    ),
    RELATIVE_ALL_PREVIOUS_AND_NEXT: gettext_noop(
        "Chaque élément rapporte un point pour chaque autre élément correctement placé avant ou après lui, où qu'il soit."
    ),
    LONGEST_ORDERED_SUBSET: gettext_noop(
        "La note est le nombre d'éléments de la plus longue suite placée dans le bon ordre, même avec des intrus entre eux ; un élément isolé ne rapporte rien."
    ),
    LONGEST_CONTIGUOUS_SUBSET: gettext_noop(
        "La note est le nombre d'éléments de la plus longue suite d'éléments consécutifs dans la bonne réponse et placés dans cet ordre ; un élément isolé ne rapporte rien."
    ),
    RELATIVE_TO_CORRECT: gettext_noop(
        "Chaque élément rapporte d'autant plus de points qu'il est proche de sa bonne position, et aucun s'il est à l'autre bout de la liste."
    ),
}


class MalformedResponse(ValueError):
    """The answer does not fit the question (missing, repeated or unknown items)."""


@dataclass(frozen=True)
class OrderingGrade:
    """Result of grading an ordering answer the way Moodle does.

    ``points / max_points`` is ``score`` except for ALL_OR_NOTHING (where
    ``points`` is 0 unless everything is right) and when ``max_points`` is 0.
    ``item_points`` and ``item_max_points`` are Moodle's per-item feedback
    (``get_ordering_item_score``); for every method but ALL_OR_NOTHING they add
    up to ``points`` and ``max_points``.
    """

    score: float
    item_is_right: dict[str, bool]
    item_points: dict[str, int]
    max_points: int
    points: int = 0
    item_max_points: dict[str, int] | None = None


@dataclass(frozen=True)
class MatchingGrade:
    """Result of grading a matching answer."""

    score: float
    item_is_right: dict[str, bool]


# Moodle uses the answer id 0 for "nothing before" / "nothing after".
_NOTHING = object()


def _describe(ids: Iterable[Hashable]) -> str:
    return ", ".join(f"« {item} »" for item in ids)


def _check_ordering(correct: Sequence[str], response: Sequence[str]) -> None:
    if len(correct) == 0:
        raise ValueError("La question de classement ne contient aucun élément.")
    repeated_in_question = [item for item, count in Counter(correct).items() if count > 1]
    if repeated_in_question:
        raise ValueError(
            f"La question de classement contient des éléments en double : {_describe(repeated_in_question)}."
        )
    expected = set(correct)
    counts = Counter(response)
    problems = []
    missing = [item for item in correct if item not in counts]
    if missing:
        problems.append(f"élément manquant : {_describe(missing)}")
    repeated = [item for item, count in counts.items() if count > 1 and item in expected]
    if repeated:
        problems.append(f"élément répété : {_describe(repeated)}")
    unknown = [item for item in counts if item not in expected]
    if unknown:
        problems.append(f"élément inconnu : {_describe(unknown)}")
    if problems:
        raise MalformedResponse("Réponse de classement mal formée — " + " ; ".join(problems) + ".")


def _next_ids(ids: Sequence[str], last_item: bool) -> dict[str, object]:
    """Moodle's get_next_answerids: item -> following item (the last one only if last_item)."""
    following: dict[str, object] = {ids[i]: ids[i + 1] for i in range(len(ids) - 1)}
    if last_item:
        following[ids[-1]] = _NOTHING
    return following


def _previous_and_next_ids(ids: Sequence[str], all_: bool) -> dict[str, tuple[list, list]]:
    """Moodle's get_previous_and_next_answerids: item -> (items before, items after)."""
    result: dict[str, tuple[list, list]] = {}
    for i, item in enumerate(ids):
        before = list(reversed(ids[:i]))
        after = list(ids[i + 1 :])
        if all_:
            result[item] = (before, after)
        else:
            result[item] = (
                [before[0] if before else _NOTHING],
                [after[0] if after else _NOTHING],
            )
    return result


def _ordered_subsets(positions: Sequence[int], contiguous: bool) -> list[list[int]]:
    """Moodle's get_ordered_subsets, line for line (subsets of answer positions).

    The list order matters: Moodle keeps the first longest subset it meets.
    """
    subsets: list[list[int]] = []
    for p, value in enumerate(positions):
        is_new = True
        new: list[list[int]] = []
        for s, subset in enumerate(list(subsets)):
            end = positions[subset[-1]]
            if value == end + 1:
                is_new = False
                subsets[s] = [*subset, p]
            elif contiguous:
                continue
            elif value > end:
                is_new = False
                new.append(subset)
                subsets[s] = [*subset, p]
        if is_new:
            new.append([p])
        subsets.extend(new)
    return subsets


def _longest_increasing(positions: Sequence[int]) -> list[int]:
    """A longest increasing subsequence of ``positions`` (as answer positions), in O(n log n)."""
    tails: list[int] = []  # tails[k]: answer position ending the best subsequence of length k + 1
    tail_values: list[int] = []  # positions[tails[k]], kept sorted for bisect
    previous: list[int | None] = [None] * len(positions)
    for p, value in enumerate(positions):
        k = bisect_left(tail_values, value)
        previous[p] = tails[k - 1] if k else None
        if k == len(tails):
            tails.append(p)
            tail_values.append(value)
        else:
            tails[k] = p
            tail_values[k] = value
    subset: list[int] = []
    p = tails[-1] if tails else None
    while p is not None:
        subset.append(p)
        p = previous[p]
    return subset[::-1]


# Moodle's subset search keeps copies of subsets and grows like the Fibonacci numbers
# on answers such as 1, 0, 3, 2, 5, 4... (10,946 subsets for 20 items); beyond this size
# a standard longest-increasing-subsequence search gives the same length, hence the same
# score, but possibly another subset of that length for the per-item feedback.
_MOODLE_SUBSET_SEARCH_LIMIT = 20


def _ordered_subset(correct: Sequence[str], response: Sequence[str], contiguous: bool) -> list[int]:
    """Moodle's get_ordered_subset: the first longest subset, ignoring one-item subsets."""
    index = {item: i for i, item in enumerate(correct)}
    positions = [index[item] for item in response]
    if not contiguous and len(positions) > _MOODLE_SUBSET_SEARCH_LIMIT:
        subset = _longest_increasing(positions)
        return subset if len(subset) > 1 else []
    best: list[int] = []
    best_count = 1  # Moodle: "initializing this to 1 means we ignore single item subsets".
    for subset in _ordered_subsets(positions, contiguous):
        if len(subset) > best_count:
            best_count = len(subset)
            best = subset
    return best


def _item_scores(
    correct: Sequence[str], response: Sequence[str], method: str
) -> tuple[dict[str, int], dict[str, int | None]]:
    """Per-item (score, max score), as get_fraction_maxscore_score_of_item; None = unscored."""
    n = len(correct)
    points: dict[str, int] = {}
    maxima: dict[str, int | None] = {}
    if method in (ALL_OR_NOTHING, ABSOLUTE_POSITION):
        for position, item in enumerate(response):
            points[item] = int(correct[position] == item)
            maxima[item] = 1
    elif method in (RELATIVE_NEXT_EXCLUDE_LAST, RELATIVE_NEXT_INCLUDE_LAST):
        last_item = method == RELATIVE_NEXT_INCLUDE_LAST
        right_next = _next_ids(correct, last_item)
        given_next = _next_ids(response, last_item)
        for item in response:
            if item in right_next:
                points[item] = int(item in given_next and given_next[item] == right_next[item])
                maxima[item] = 1
            else:
                points[item] = 0
                maxima[item] = None
    elif method in (RELATIVE_ONE_PREVIOUS_AND_NEXT, RELATIVE_ALL_PREVIOUS_AND_NEXT):
        all_ = method == RELATIVE_ALL_PREVIOUS_AND_NEXT
        right = _previous_and_next_ids(correct, all_)
        given = _previous_and_next_ids(response, all_)
        for item in response:
            right_before, right_after = right[item]
            given_before, given_after = given[item]
            points[item] = sum(1 for x in right_before if x in given_before) + sum(
                1 for x in right_after if x in given_after
            )
            maxima[item] = len(right_before) + len(right_after)
    elif method in (LONGEST_ORDERED_SUBSET, LONGEST_CONTIGUOUS_SUBSET):
        subset = set(_ordered_subset(correct, response, method == LONGEST_CONTIGUOUS_SUBSET))
        for position, item in enumerate(response):
            points[item] = int(position in subset)
            maxima[item] = 1
    elif method == RELATIVE_TO_CORRECT:
        index = {item: i for i, item in enumerate(correct)}
        for position, item in enumerate(response):
            points[item] = max(0, (n - 1) - abs(index[item] - position))
            maxima[item] = n - 1
    return points, maxima


def grade_ordering_detailed(
    correct: Sequence[str], response: Sequence[str], method: str
) -> OrderingGrade:
    """Grade an ordering answer exactly like Moodle's qtype_ordering grade_response."""
    if method not in ORDERING_METHODS:
        raise ValueError(f"Méthode de notation du classement inconnue : {method!r}.")
    correct = list(correct)
    response = list(response)
    _check_ordering(correct, response)

    points, maxima = _item_scores(correct, response, method)
    earned = sum(points.values())
    max_points = sum(m for m in maxima.values() if m is not None)
    if method == ALL_OR_NOTHING and earned < max_points:
        earned = 0
    score = earned / max_points if max_points else 0.0
    # Moodle's per-item class "correct": fraction > 0.999999, with a non-zero max score.
    item_is_right = {item: bool(maxima[item]) and points[item] == maxima[item] for item in correct}
    return OrderingGrade(
        score=score,
        item_is_right=item_is_right,
        item_points={item: points[item] for item in correct},
        max_points=max_points,
        points=earned,
        item_max_points={item: maxima[item] or 0 for item in correct},
    )


def grade_ordering(correct: Sequence[str], response: Sequence[str], method: str) -> float:
    """Moodle's fraction (0..1) for an ordering answer; see the module docstring."""
    return grade_ordering_detailed(correct, response, method).score


def grade_matching_detailed(
    correct: Mapping[str, str],
    response: Mapping[str, str],
    *,
    penalty: float = 0.0,
    answer_ids: Iterable[str] | None = None,
) -> MatchingGrade:
    """Grade a matching answer: right pairs minus ``penalty`` per wrong pair, over all pairs."""
    if not 0.0 <= penalty <= 1.0:
        raise ValueError(f"La pénalité doit être comprise entre 0 et 1 (reçu : {penalty!r}).")
    if len(correct) == 0:
        raise ValueError("La question d'association ne contient aucune paire.")
    allowed = set(correct.values()) if answer_ids is None else set(answer_ids)
    outside = [answer for answer in correct.values() if answer not in allowed]
    if outside:
        raise ValueError(
            f"La bonne réponse utilise des réponses absentes de la liste proposée : {_describe(outside)}."
        )
    problems = []
    missing = [prompt for prompt in correct if prompt not in response]
    if missing:
        problems.append(f"question manquante : {_describe(missing)}")
    unknown_prompts = [prompt for prompt in response if prompt not in correct]
    if unknown_prompts:
        problems.append(f"question inconnue : {_describe(unknown_prompts)}")
    unknown_answers = [
        answer for prompt, answer in response.items() if prompt in correct and answer not in allowed
    ]
    if unknown_answers:
        problems.append(f"réponse inconnue : {_describe(unknown_answers)}")
    if problems:
        raise MalformedResponse("Réponse d'association mal formée — " + " ; ".join(problems) + ".")

    item_is_right = {prompt: response[prompt] == answer for prompt, answer in correct.items()}
    right = sum(item_is_right.values())
    wrong = len(correct) - right
    score = max(0.0, right - penalty * wrong) / len(correct)
    return MatchingGrade(score=min(1.0, score), item_is_right=item_is_right)


def grade_matching(
    correct: Mapping[str, str],
    response: Mapping[str, str],
    *,
    penalty: float = 0.0,
    answer_ids: Iterable[str] | None = None,
) -> float:
    """Score (0..1) of a matching answer; see grade_matching_detailed."""
    return grade_matching_detailed(correct, response, penalty=penalty, answer_ids=answer_ids).score
