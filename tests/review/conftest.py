"""Fixtures for spaced review and mastery: a student with cards made by answering real
questions, and classes whose cards are built in bulk."""

from datetime import UTC, datetime

import pytest

from quizzes.attempts import start_attempt
from quizzes.models import Fact, QuestionSet
from tests.conftest import right_answer_post, wrong_answer_post

MONDAY = datetime(2026, 3, 9, 8, 0, tzinfo=UTC)


def answer(client, attempt_question, post: dict):
    from django.urls import reverse

    url = reverse("attempt_question", args=[attempt_question.attempt_id, attempt_question.position])
    return client.post(url, post)


@pytest.fixture
def event_set(fact_base, teacher, classroom):
    """« Dates », which-came-first and date-entry questions, given to « 3e B »."""
    question_set = QuestionSet.objects.create(
        title="Dates",
        owner=teacher,
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=1,
        chronology_items=3,
        matching_count=0,
        which_first_count=2,
        date_entry_count=1,
    )
    question_set.classrooms.add(classroom)
    return question_set


@pytest.fixture
def answered(student_client, student, event_set):
    """Camille's attempt on « Dates »: the first question wrong, the rest right."""
    attempt = start_attempt(event_set, user=student)
    for attempt_question in attempt.questions.order_by("position"):
        post = (wrong_answer_post if attempt_question.position == 1 else right_answer_post)(
            attempt_question.data
        )
        assert answer(student_client, attempt_question, post).status_code == 200
    return attempt


def events(count: int) -> list[Fact]:
    return list(Fact.objects.events().order_by("pk")[:count])
