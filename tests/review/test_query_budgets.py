"""The review queue and the mastery pages run a fixed number of queries whatever the history:
the same budget for a new student and for one with hundreds of cards and thousands of logs,
for a class of one and a class of 40 who have met every fact."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Fact, Rating, ReviewCard, ReviewLog
from quizzes.review import sessions
from quizzes.review.scheduling import Review, schedule_reviews
from tests.factories import enrolled_pupils
from tests.review.conftest import events

REVIEWS_EACH = 8  # per fact and pupil in the sized-up history


def give_history(users, facts, reviews_each: int):
    """`reviews_each` reviews of every fact by every user, two days apart, through the real
    scheduler (one bulk call per round)."""
    start = timezone.now() - timedelta(days=2 * reviews_each)
    for n in range(reviews_each):
        rating = Rating.AGAIN if n % 3 == 0 else Rating.GOOD
        schedule_reviews(
            [
                Review(user.pk, fact.pk, rating, start + timedelta(days=2 * n))
                for user in users
                for fact in facts
            ]
        )


@pytest.fixture(params=["new", "sized-up"])
def history(request, student, classroom, fact_base):
    if request.param == "new":
        give_history([student], events(1), 1)
        return {"pupils": 1}
    pupils = enrolled_pupils(classroom=classroom, count=39)
    give_history([student, *pupils], list(Fact.objects.all()), REVIEWS_EACH)
    assert ReviewLog.objects.count() == 40 * Fact.objects.count() * REVIEWS_EACH
    return {"pupils": 40}


# Session and user are 2 queries of every logged-in page; the teacher check 1 more.
BUDGETS = {
    "student_home": 5,  # the sets, with scores, and the count of facts due
    "review": 4,  # the cards' scheduling columns, the open session
    "my_mastery": 5,  # cards, facts of their sources, the sources
    "class_mastery": 7,  # teacher, class, class size, per-fact aggregate, facts
    # open session, queue, sources, context, facts, orders, links, sides, the review set (made
    # the first time), attempt, questions, and their savepoints
    "start_session": 18,
}


@pytest.mark.parametrize("page", ["student_home", "review", "my_mastery"])
def test_student_pages_keep_their_budget(
    history, student_client, page, django_assert_max_num_queries
):
    with django_assert_max_num_queries(BUDGETS[page]):
        assert student_client.get(reverse(page)).status_code == 200


def test_class_mastery_keeps_its_budget(
    history, teacher_client, classroom, django_assert_max_num_queries
):
    url = reverse("teacher_class_mastery", args=[classroom.pk])
    with django_assert_max_num_queries(BUDGETS["class_mastery"]):
        page = teacher_client.get(url)
    assert page.status_code == 200
    assert f"sur {history['pupils']})" in page.content.decode()


def test_starting_a_session_keeps_its_budget(
    history, student_client, student, django_assert_max_num_queries
):
    with django_assert_max_num_queries(BUDGETS["start_session"]):
        response = student_client.post(reverse("review_start"))
    assert response.status_code == 302
    assert sessions.open_session(student) is not None
    assert ReviewCard.objects.filter(user=student).exists()
