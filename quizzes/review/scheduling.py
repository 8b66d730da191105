"""FSRS scheduling of students' memory cards: every graded item of every question rates the
fact it was made from (wrong → Again, partly right → Hard, right → Good), in bulk, in the
transaction that stores the answer. Also what the demo's history replays (`schedule_answers`).

Day-scale intervals suit a class: no minute-level (re)learning steps, so a card goes straight
to FSRS's Review state and its next review is at least a day away; no fuzz, so the same
answers always give the same dates (tests, demo)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from fsrs import Card, Scheduler, State
from fsrs import Rating as FsrsRating

from quizzes import statements
from quizzes.models import Rating, ReviewCard, ReviewLog
from quizzes.statements import moment, read_moment

SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)

# Mastered: FSRS predicts at least this chance of recalling the fact now, the last answer on
# it was not wrong, and the memory holds at least MIN_MASTERED_STABILITY days (a fact just
# answered wrong, or known for a few hours only, is fragile, not mastered).
MASTERED_RETRIEVABILITY = 0.9
MIN_MASTERED_STABILITY = 1.0


def rating_for(credit: float) -> Rating:
    """An item's rating from the share of its points the student earned (0 to 1)."""
    if credit >= 1.0:
        return Rating.GOOD
    return Rating.HARD if credit > 0 else Rating.AGAIN


@dataclass(frozen=True)
class Review:
    user_id: int
    fact_id: int
    rating: Rating
    reviewed_at: datetime  # aware, UTC
    duration_ms: int | None = None


def fsrs_card(card) -> Card:
    """An fsrs.Card from a ReviewCard (or a CardState)."""
    # card_id given: fsrs.Card() without one sleeps a millisecond to make its own.
    return Card(
        card_id=0,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )


def retrievability(card: ReviewCard, moment: datetime) -> float:
    """FSRS's chance that the student recalls the fact at `moment` (0 to 1)."""
    return SCHEDULER.get_card_retrievability(fsrs_card(card), moment)


def mastered_until(card: Card, rating: Rating) -> datetime | None:
    """The first moment the card no longer counts as mastered (None: not mastered now). FSRS
    counts whole days since the last review, so retrievability stays ≥ 0.9 up to the last
    whole day it is still above it (about `stability` days: FSRS's stability is the interval
    at which recall falls to 90 %)."""
    if rating == Rating.AGAIN or card.stability < MIN_MASTERED_STABILITY:
        return None
    days = math.floor(card.stability)
    while days >= 0 and (
        SCHEDULER.get_card_retrievability(card, card.last_review + timedelta(days=days))
        < MASTERED_RETRIEVABILITY
    ):
        days -= 1
    return card.last_review + timedelta(days=days + 1) if days >= 0 else None


def _apply(card: CardState, review: Review) -> None:
    reviewed, _log = SCHEDULER.review_card(
        fsrs_card(card), FsrsRating(int(review.rating)), review_datetime=review.reviewed_at
    )
    card.state = int(reviewed.state)
    card.step = reviewed.step
    card.stability = reviewed.stability
    card.difficulty = reviewed.difficulty
    card.due = reviewed.due
    card.last_review = reviewed.last_review
    card.last_rating = int(review.rating)
    card.mastered_until = mastered_until(reviewed, review.rating)
    card.reps += 1
    card.lapses += review.rating == Rating.AGAIN


@dataclass(slots=True)
class CardState:
    """A card's columns while it is scheduled: lighter than a model instance (whose __init__
    was a third of a class's scheduling time)."""

    user_id: int
    fact_id: int
    pk: int | None = None
    state: int = int(State.Learning)
    step: int | None = 0  # FSRS's new card: Learning, step 0
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    last_rating: int | None = None
    mastered_until: datetime | None = None
    reps: int = 0
    lapses: int = 0


def schedule_reviews(reviews: Sequence[Review]) -> None:
    """Rate every (student, fact) of `reviews`, oldest first, and log each rating: one query
    reads (and locks) the cards concerned, then one statement inserts the new cards, one
    updates the others and one inserts the logs, however many reviews."""
    if not reviews:
        return
    reviews = sorted(reviews, key=lambda review: review.reviewed_at)
    keys = {(review.user_id, review.fact_id) for review in reviews}
    # Inside the answer's transaction no savepoint is needed (nothing catches an error of
    # this block and goes on): two statements fewer per answer.
    with transaction.atomic(savepoint=False):
        users = {user for user, _fact in keys}
        facts = {fact for _user, fact in keys}
        # A read by the (user, fact) keys, locked: no rule of ReviewCardQuerySet, and lists of
        # any length (a PreparedQuery takes a fixed number of values).
        rows = statements.fetch(
            statements.select(
                ReviewCard,
                ("user", "fact", "id", *CARD_FIELDS),
                where_in={"user": users, "fact": facts},
                for_update=True,
            ),
            [*users, *facts],
        )
        cards = {(row[0], row[1]): _card_state(row) for row in rows if (row[0], row[1]) in keys}
        existing = set(cards)
        for review in reviews:
            key = (review.user_id, review.fact_id)
            card = cards.get(key) or cards.setdefault(key, CardState(*key))
            _apply(card, review)
        # ReviewCard.objects.bulk_create(ignore_conflicts=True) as plain SQL; the conflict is
        # one_card_per_student_fact (user, fact): another tab may have created one of them
        # meanwhile, and its rating is logged all the same.
        statements.execute_many(
            statements.insert(ReviewCard, ("user", "fact", *CARD_FIELDS), ignore_conflicts=True),
            [
                (c.user_id, c.fact_id, *_card_values(c))
                for k, c in cards.items()
                if k not in existing
            ],
        )
        # ReviewCard.objects.bulk_update(cards, CARD_FIELDS), one UPDATE by pk per card.
        statements.execute_many(
            statements.update(ReviewCard, CARD_FIELDS),
            [(*_card_values(cards[key]), cards[key].pk) for key in existing],
        )
        # ReviewLog.objects.bulk_create() as plain SQL.
        statements.execute_many(
            statements.insert(ReviewLog, ("user", "fact", "rating", "reviewed_at", "duration_ms")),
            [
                (r.user_id, r.fact_id, int(r.rating), moment(r.reviewed_at), r.duration_ms)
                for r in reviews
            ],
        )


# Written as one executemany() per table rather than bulk_create()/bulk_update(): Django
# compiles every value of every row through its field (three quarters of the time of a class's
# answers, bench/review_scheduling.py), and bulk_update's CASE WHEN grows with the rows.
CARD_FIELDS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "last_rating",
    "mastered_until",
    "reps",
    "lapses",
)


def _card_state(row: tuple) -> CardState:
    """A card read by statements.select of ("user", "fact", "id", *CARD_FIELDS)."""
    card = CardState(*row)
    card.due = read_moment(card.due)
    card.last_review = read_moment(card.last_review)
    card.mastered_until = read_moment(card.mastered_until)
    return card


def _card_values(card: CardState) -> tuple:
    return (
        card.state,
        card.step,
        card.stability,
        card.difficulty,
        moment(card.due),
        moment(card.last_review),
        card.last_rating,
        moment(card.mastered_until),
        card.reps,
        card.lapses,
    )


def schedule_answers(
    *, user, results: Iterable[tuple[int, Rating | int]], reviewed_at: datetime
) -> None:
    """Rate the facts one student answered at one moment: `results` is (fact id, rating)
    pairs, in the order answered. For whatever replays answers outside a request (the demo's
    history): the same cards and logs as the answers themselves would give."""
    schedule_reviews(
        [
            Review(getattr(user, "pk", user), int(fact_id), Rating(rating), reviewed_at)
            for fact_id, rating in results
        ]
    )
