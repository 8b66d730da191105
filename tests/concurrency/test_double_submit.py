"""Two submissions of the same answer at the same moment are graded once, and an attempt's
total always equals the sum of its answers. Real threads with their own database connections:
meaningful on PostgreSQL (row locks), also run on SQLite (one writer at a time)."""

from functools import partial

import pytest
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from quizzes.default_sets import ensure_default_sets
from quizzes.models import Attempt, AttemptQuestion, FactResult
from tests.concurrency.threads import at_once, browsers
from tests.conftest import FACT_FIXTURES, make_student, right_answer_post, wrong_answer_post

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def question_sets(transactional_db):
    from django.core.management import call_command

    call_command("loaddata", *FACT_FIXTURES, verbosity=0)
    return {question_set.title: question_set for question_set in ensure_default_sets()}


@pytest.fixture
def student(transactional_db):
    return make_student("camille")


def start_attempt(student, question_set) -> Attempt:
    client = Client()
    client.force_login(student)
    response = client.post(reverse("attempt_start", args=[question_set.pk]))
    assert response.status_code == 302
    return Attempt.objects.filter(user=student).latest("pk")


def post_at_once(student, url: str, data: dict, copies: int = 2) -> list[int]:
    """`copies` browsers of the same student post `data` to `url` at the same instant."""
    return at_once(
        [partial(post_status, client, url, data) for client in browsers(student, copies)]
    )


def post_status(client: Client, url: str, data: dict) -> int:
    return client.post(url, data).status_code


def assert_attempt_adds_up(attempt: Attempt) -> None:
    attempt.refresh_from_db()
    answered = attempt.questions.filter(answered_at__isnull=False)
    assert attempt.answered_count == answered.count()
    total = answered.aggregate(total=Sum("score"))["total"] or 0.0
    assert attempt.score == pytest.approx(total)


def test_the_same_answer_posted_twice_at_once_is_stored_and_graded_once(student, question_sets):
    attempt = start_attempt(student, question_sets["Chronologie 1943-1945"])
    question = attempt.questions.get(position=1)
    url = reverse("attempt_question", args=[attempt.pk, 1])

    statuses = post_at_once(student, url, right_answer_post(question.data))

    assert statuses == [200, 200]  # the second one sees its own answer, already stored
    question.refresh_from_db()
    assert question.score == 1.0
    attempt.refresh_from_db()
    assert attempt.answered_count == 1
    assert attempt.score == 1.0
    assert AttemptQuestion.objects.filter(attempt=attempt, answered_at__isnull=False).count() == 1
    assert FactResult.objects.filter(question=question).count() == len(question.data["items"])
    assert_attempt_adds_up(attempt)


def test_two_different_answers_at_once_keep_exactly_one(student, question_sets):
    attempt = start_attempt(student, question_sets["Qui a fait quoi ?"])
    question = attempt.questions.get(position=1)
    url = reverse("attempt_question", args=[attempt.pk, 1])
    clients_data = [right_answer_post(question.data), wrong_answer_post(question.data)]

    def post(n: int) -> tuple[int, int]:
        client = Client()
        client.force_login(student)
        return n, client.post(url, clients_data[n]).status_code

    results = dict(at_once([partial(post, n) for n in range(len(clients_data))]))

    assert sorted(results.values()) == [200, 400]  # the loser is told the answer is final
    winner = next(n for n, status in results.items() if status == 200)
    question.refresh_from_db()
    assert (question.score == 1.0) == (winner == 0)  # the stored answer is the winner's
    attempt.refresh_from_db()
    assert attempt.answered_count == 1
    assert_attempt_adds_up(attempt)


def test_many_simultaneous_posts_of_a_whole_quiz_keep_the_total_right(student, question_sets):
    """Every question posted by three browsers at once: each counted once, the attempt
    finished, and its total equal to the sum of its answers."""
    attempt = start_attempt(student, question_sets["Quiz mixte"])
    for question in attempt.questions.order_by("position"):
        url = reverse("attempt_question", args=[attempt.pk, question.position])
        data = (right_answer_post if question.position % 2 else wrong_answer_post)(question.data)
        assert post_at_once(student, url, data, copies=3) == [200, 200, 200]

    attempt.refresh_from_db()
    assert attempt.answered_count == attempt.question_count == 4
    assert attempt.finished_at is not None
    assert_attempt_adds_up(attempt)
    fact_count = sum(
        len(q.data["items"] if q.kind == "chronology" else q.data["prompts"])
        for q in attempt.questions.all()
    )
    assert FactResult.objects.filter(question__attempt=attempt).count() == fact_count
