"""Fixtures for the hostile-input tests: a small world (two teachers, two students, classes,
sets, attempts, a pinned question), clients that turn a server error into a 500 response,
per-example rollback, and a snapshot of everything a rejected post must leave untouched."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, settings

from quizzes.attempts import start_attempt
from quizzes.models import (
    AccountProfile,
    Attempt,
    AttemptQuestion,
    Classroom,
    Enrollment,
    Fact,
    FactResult,
    PinnedQuestion,
    QuestionSet,
)
from tests.conftest import right_answer_post
from tests.factories import make_class, make_student, make_teacher, published_set

COUNTED = [
    AccountProfile,
    Attempt,
    AttemptQuestion,
    FactResult,
    Classroom,
    Enrollment,
    QuestionSet,
    PinnedQuestion,
    get_user_model(),
]

# Bounded so the directory runs in about a minute in CI.
FEW = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
SOME = settings(FEW, max_examples=40)


@contextmanager
def rolled_back():
    """Whatever an example stores is undone, so every example starts from the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def hostile_client(user=None) -> Client:
    client = Client(raise_request_exception=False)
    if user is not None:
        client.force_login(user)
    return client


def post(client, url, data, *, htmx=False, urlencoded=False):
    headers = {"HX-Request": "true"} if htmx else {}
    if urlencoded:
        return client.post(
            url,
            urlencode(data, doseq=True),
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        )
    return client.post(url, data, headers=headers)


def snapshot(*attempts) -> dict:
    """Row counts of every model a post could create, plus each attempt's state and answers,
    plus each classroom's join code and each set's stored fields."""
    state = {model.__name__: model.objects.count() for model in COUNTED}
    for attempt in attempts:
        row = Attempt.objects.get(pk=attempt.pk)
        state[f"attempt-{attempt.pk}"] = (row.answered_count, row.score, row.finished_at)
        state[f"answers-{attempt.pk}"] = list(
            AttemptQuestion.objects.filter(attempt=row)
            .order_by("position")
            .values_list("position", "response", "score", "answered_at")
        )
    state["classes"] = list(Classroom.objects.order_by("pk").values_list("pk", "name", "join_code"))
    state["sets"] = list(
        QuestionSet.objects.order_by("pk").values_list(
            "pk", "title", "status", "chronology_count", "matching_count", "matching_penalty"
        )
    )
    state["enrollments"] = list(Enrollment.objects.order_by("pk").values_list("pk", flat=True))
    state["pins"] = list(PinnedQuestion.objects.order_by("pk").values_list("pk", flat=True))
    state["passwords"] = list(get_user_model().objects.order_by("pk").values_list("pk", "password"))
    return state


def assert_no_server_error(response):
    assert response.status_code < 500, (response.status_code, response.content[:2000])


def is_rejection(response) -> bool:
    """A 4xx, or a POST answered by the form again (200 without a redirect of any kind)."""
    if 400 <= response.status_code < 500:
        return True
    return response.status_code == 200 and "HX-Redirect" not in response.headers


@dataclass
class World:
    teacher: object
    other_teacher: object
    student: object
    other_student: object
    classroom: Classroom
    other_classroom: Classroom
    question_set: QuestionSet
    other_set: QuestionSet
    attempt: Attempt
    other_attempt: Attempt
    pin: PinnedQuestion
    unanswered: AttemptQuestion
    answered: AttemptQuestion


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    """Real hashing costs ~0.3 s a password; what is tested does not depend on it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def no_throttling(settings):
    settings.AXES_ENABLED = False


@pytest.fixture
def world(fact_base) -> World:
    teacher = make_teacher("mme-durand")
    other_teacher = make_teacher("m-martin")
    student = make_student("camille")
    other_student = make_student("dominique")
    classroom = make_class(teacher=teacher, name="3e B", pupils=[student, other_student])
    other_classroom = make_class(teacher=other_teacher, name="4e A")
    question_set = published_set(
        owner=teacher,
        title="Débarquements",
        classrooms=[classroom],
        chronology_count=1,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
    )
    other_set = published_set(
        owner=other_teacher, title="Série de M. Martin", classrooms=[other_classroom]
    )
    pin = PinnedQuestion.objects.create(question_set=question_set, kind="chronology")
    orderable = []  # the first events whose date ranges follow one another
    for fact in Fact.objects.events().chronological():
        if not orderable or orderable[-1].date_end < fact.date_start:
            orderable.append(fact)
    pin.facts.set(orderable[:3])
    attempt = start_attempt(question_set, user=student)
    other_attempt = start_attempt(question_set, user=other_student)
    questions = list(attempt.questions.order_by("position"))
    answered = questions[-1]
    hostile_client(student).post(
        f"/quiz/tentatives/{attempt.pk}/questions/{answered.position}/",
        right_answer_post(answered.data),
    )
    answered.refresh_from_db()
    assert answered.is_answered
    return World(
        teacher=teacher,
        other_teacher=other_teacher,
        student=student,
        other_student=other_student,
        classroom=classroom,
        other_classroom=other_classroom,
        question_set=question_set,
        other_set=other_set,
        attempt=attempt,
        other_attempt=other_attempt,
        pin=pin,
        unanswered=questions[0],
        answered=answered,
    )


@pytest.fixture
def student_client(world):
    return hostile_client(world.student)


@pytest.fixture
def teacher_client(world):
    return hostile_client(world.teacher)


@pytest.fixture
def anonymous_client(world):
    return hostile_client()
