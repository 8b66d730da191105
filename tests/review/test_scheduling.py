"""Every graded item rates its fact with FSRS: cards and logs, as the package computes them."""

from datetime import timedelta

import pytest
from fsrs import Card, Rating, Scheduler

from quizzes.answers import fact_ids
from quizzes.models import Rating as StoredRating
from quizzes.models import ReviewCard, ReviewLog
from quizzes.review.scheduling import (
    mastered_until,
    rating_for,
    retrievability,
    schedule_answers,
)
from tests.review.conftest import MONDAY, events

PLAIN_FSRS = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def fsrs_after(*ratings_and_times) -> Card:
    card = Card(card_id=1)
    for rating, moment in ratings_and_times:
        card, _log = PLAIN_FSRS.review_card(card, rating, review_datetime=moment)
    return card


@pytest.mark.parametrize(
    ("credit", "rating"),
    [
        (0.0, StoredRating.AGAIN),
        (0.5, StoredRating.HARD),
        (0.99, StoredRating.HARD),
        (1.0, StoredRating.GOOD),
    ],
)
def test_wrong_partly_right_and_right_items_map_to_again_hard_good(credit, rating):
    assert rating_for(credit) == rating


def test_a_replayed_answer_gives_the_card_fsrs_computes_with_day_scale_intervals(
    fact_base, student
):
    fact = events(1)[0]
    schedule_answers(user=student, results=[(fact.pk, StoredRating.GOOD)], reviewed_at=MONDAY)
    card = ReviewCard.objects.get(user=student, fact=fact)
    expected = fsrs_after((Rating.Good, MONDAY))
    assert card.due == expected.due
    assert card.stability == pytest.approx(expected.stability)
    assert card.difficulty == pytest.approx(expected.difficulty)
    # Day scale: no learning step of minutes, the next review is at least a day away.
    assert card.due - MONDAY >= timedelta(days=1)
    assert (card.reps, card.lapses, card.last_rating) == (1, 0, StoredRating.GOOD)


def test_a_second_review_builds_on_the_stored_card(fact_base, student):
    fact = events(1)[0]
    thursday = MONDAY + timedelta(days=3)
    schedule_answers(user=student, results=[(fact.pk, 3)], reviewed_at=MONDAY)
    schedule_answers(user=student, results=[(fact.pk, 1)], reviewed_at=thursday)
    card = ReviewCard.objects.get(user=student, fact=fact)
    expected = fsrs_after((Rating.Good, MONDAY), (Rating.Again, thursday))
    assert card.due == expected.due
    assert card.stability == pytest.approx(expected.stability)
    assert (card.reps, card.lapses) == (2, 1)
    logs = list(
        ReviewLog.objects.filter(user=student)
        .order_by("reviewed_at")
        .values_list("rating", "reviewed_at")
    )
    assert logs == [(3, MONDAY), (1, thursday)]


def test_a_wrong_answer_makes_the_fact_due_sooner_than_a_right_one(fact_base, student):
    wrong, right, partly = events(3)
    schedule_answers(
        user=student,
        results=[(wrong.pk, 1), (right.pk, 3), (partly.pk, 2)],
        reviewed_at=MONDAY,
    )
    due = dict(ReviewCard.objects.values_list("fact_id", "due"))
    # Again and Hard on a new card both come back the next day (FSRS's 0.2 and 1.3 days of
    # stability, rounded up to a whole day); Good in two.
    assert due[wrong.pk] <= due[partly.pk] < due[right.pk]
    assert due[wrong.pk] == MONDAY + timedelta(days=1)
    assert due[right.pk] == MONDAY + timedelta(days=2)


def test_mastered_until_is_where_fsrs_retrievability_falls_below_90_percent(fact_base, student):
    fact = events(1)[0]
    schedule_answers(user=student, results=[(fact.pk, 3)], reviewed_at=MONDAY)
    card = ReviewCard.objects.get()
    end = card.mastered_until
    assert retrievability(card, end - timedelta(seconds=1)) >= 0.9
    assert retrievability(card, end) < 0.9


def test_a_fact_just_answered_wrong_is_not_mastered(fact_base, student):
    fact = events(1)[0]
    schedule_answers(user=student, results=[(fact.pk, 1)], reviewed_at=MONDAY)
    card = ReviewCard.objects.get()
    # FSRS still gives 100 % on the same day, but the last answer was wrong.
    assert retrievability(card, MONDAY + timedelta(hours=1)) == 1
    assert card.mastered_until is None
    assert mastered_until(fsrs_after((Rating.Again, MONDAY)), StoredRating.AGAIN) is None


def test_scheduling_a_class_takes_a_fixed_number_of_queries(
    fact_base, student, other_student, django_assert_num_queries
):
    facts = events(6)
    schedule_answers(user=student, results=[(facts[0].pk, 3)], reviewed_at=MONDAY)
    from quizzes.review.scheduling import Review, schedule_reviews

    reviews = [
        Review(user.pk, fact.pk, StoredRating.GOOD, MONDAY + timedelta(days=2))
        for user in (student, other_student)
        for fact in facts
    ]
    # Read and lock, insert the new cards, update the old one, insert the logs (no savepoint
    # inside the test's transaction, as inside an answer's).
    with django_assert_num_queries(4):
        schedule_reviews(reviews)
    assert ReviewCard.objects.count() == 12
    assert ReviewLog.objects.count() == 13


def test_answering_a_quiz_rates_every_item_of_every_question(answered, student):
    items = [
        (fact, q.score)
        for q in answered.questions.order_by("position")
        for fact in fact_ids(q.data).values()
    ]
    ratings = dict(ReviewLog.objects.filter(user=student).values_list("fact_id", "rating"))
    assert set(ratings) == {fact for fact, _score in items}
    first = answered.questions.get(position=1)
    wrong_facts = set(fact_ids(first.data).values())
    # The first question was answered wrong: at least one of its facts is rated Again or Hard.
    assert any(ratings[fact] < StoredRating.GOOD for fact in wrong_facts)
    assert ReviewCard.objects.filter(user=student).count() == len(ratings)


def test_visitors_trying_the_sample_quiz_get_no_cards(client, default_sets):
    from django.urls import reverse

    from quizzes.models import Attempt
    from tests.conftest import right_answer_post

    client.post(reverse("attempt_start", args=[default_sets["Quiz mixte"].pk]))
    attempt = Attempt.objects.get()
    question = attempt.questions.get(position=1)
    client.post(reverse("attempt_question", args=[attempt.pk, 1]), right_answer_post(question.data))
    assert attempt.questions.filter(answered_at__isnull=False).count() == 1
    assert not ReviewCard.objects.exists()
    assert not ReviewLog.objects.exists()
