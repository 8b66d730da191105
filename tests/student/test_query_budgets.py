"""Every student page runs a fixed number of SQL queries, whatever the student's history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.attempts import start_attempt
from tests.conftest import right_answer_post
from tests.factories import build_attempts, right_then_wrong, templates_of

HISTORY = 200


def give_history(student, question_set, attempts: int):
    """`attempts` finished attempts, built in bulk from one real generated attempt, which is
    returned open."""
    model = start_attempt(question_set, user=student)
    templates = templates_of(model)
    now = timezone.now()
    build_attempts(
        question_set=question_set,
        templates=templates,
        plan=[
            (
                student,
                right_then_wrong(right=n % (len(templates) + 1), out_of=len(templates)),
                now - timedelta(hours=attempts - n),
            )
            for n in range(attempts)
        ],
        seed="history",
    )
    return model


@pytest.fixture(params=[1, HISTORY], ids=["new-student", f"{HISTORY}-attempts"])
def history(request, student_client, student, default_sets):
    model = give_history(student, default_sets["Quiz mixte"], request.param)
    return {"client": student_client, "open_attempt": model}


# Pinned budgets: session + user are 2 queries of every logged-in page.
BUDGETS = {
    "student_home": 5,  # + the count of facts due for review
    "results": 5,  # attempts with their sets, facts « à revoir » with their counts; one to spare
    "question": 4,  # session, user, the question with its attempt and set; one to spare
    "answered_question": 4,  # the same, and the teacher's notes on the facts
    "summary": 5,
    "home": 6,
}


def test_student_home_budget(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGETS["student_home"]):
        assert history["client"].get(reverse("student_home")).status_code == 200


def test_results_page_budget(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGETS["results"]):
        page = history["client"].get(reverse("results"))
    assert page.status_code == 200


def test_question_page_budget(history, django_assert_max_num_queries):
    attempt = history["open_attempt"]
    with django_assert_max_num_queries(BUDGETS["question"]):
        response = history["client"].get(reverse("attempt_question", args=[attempt.pk, 1]))
    assert response.status_code == 200


def test_answering_and_feedback_budget(history, django_assert_max_num_queries):
    attempt = history["open_attempt"]
    question = attempt.questions.get(position=1)
    url = reverse("attempt_question", args=[attempt.pk, 1])
    history["client"].post(url, right_answer_post(question.data))
    with django_assert_max_num_queries(BUDGETS["answered_question"]):
        assert history["client"].get(url).status_code == 200


def test_summary_budget(history, django_assert_max_num_queries):
    attempt = history["open_attempt"]
    with django_assert_max_num_queries(BUDGETS["summary"]):
        assert (
            history["client"].get(reverse("attempt_summary", args=[attempt.pk])).status_code == 200
        )


def test_home_page_budget(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGETS["home"]):
        assert history["client"].get(reverse("home")).status_code == 200
