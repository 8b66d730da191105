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

from quizzes.models import Rating, ReviewCard, ReviewLog

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


def fsrs_card(card: ReviewCard) -> Card:
    # card_id given: fsrs.Card() without one sleeps a millisecond to make its own.
    return Card(
        card_id=card.pk or 0,
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


def _apply(card: ReviewCard, review: Review) -> None:
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


def _new_card(review: Review) -> ReviewCard:
    """A card never reviewed: FSRS's new card (Learning, step 0); `_apply` rates it at once."""
    return ReviewCard(
        user_id=review.user_id,
        fact_id=review.fact_id,
        state=int(State.Learning),
        step=0,
        stability=None,
        difficulty=None,
        due=review.reviewed_at,
        last_review=None,
        reps=0,
        lapses=0,
    )


def schedule_reviews(reviews: Sequence[Review]) -> None:
    """Rate every (student, fact) of `reviews`, oldest first, and log each rating: one query
    reads (and locks) the cards concerned, then one bulk insert of new cards, one bulk update
    of the others and one bulk insert of logs, however many reviews."""
    if not reviews:
        return
    reviews = sorted(reviews, key=lambda review: review.reviewed_at)
    keys = {(review.user_id, review.fact_id) for review in reviews}
    with transaction.atomic():
        cards = {
            (card.user_id, card.fact_id): card
            for card in ReviewCard.objects.select_for_update().filter(
                user_id__in={user for user, _fact in keys},
                fact_id__in={fact for _user, fact in keys},
            )
            if (card.user_id, card.fact_id) in keys
        }
        existing = set(cards)
        for review in reviews:
            key = (review.user_id, review.fact_id)
            card = cards.get(key) or cards.setdefault(key, _new_card(review))
            _apply(card, review)
        created = [card for key, card in cards.items() if key not in existing]
        # Another tab may have created one of them meanwhile: its rating is logged all the same.
        ReviewCard.objects.bulk_create(created, ignore_conflicts=True)
        updated = [cards[key] for key in existing]
        if updated:
            # Rewritten rather than bulk_update()d: Django's CASE WHEN per column grows with
            # the rows squared in SQL text; a delete and an insert of the locked rows stay linear.
            ReviewCard.objects.filter(pk__in=[card.pk for card in updated]).delete()
            ReviewCard.objects.bulk_create(updated)
        ReviewLog.objects.bulk_create(
            ReviewLog(
                user_id=review.user_id,
                fact_id=review.fact_id,
                rating=review.rating,
                reviewed_at=review.reviewed_at,
                duration_ms=review.duration_ms,
            )
            for review in reviews
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
