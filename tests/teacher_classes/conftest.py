"""Fixtures for classes: a set assigned to the class, finished attempts, a client per role."""

import pytest

from quizzes.models import AccountProfile, Attempt, Enrollment
from tests.factories import finished_attempt, make_class, make_student, published_set


@pytest.fixture(autouse=True)
def test_settings(settings):
    # Every test makes several accounts (60 for the roster budget): hash their passwords fast.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def class_set(classroom, teacher):
    """A published set of five questions, assigned to Mme Durand's class."""
    return published_set(
        owner=teacher,
        title="La campagne d’Italie",
        classrooms=[classroom],
        chronology_count=3,
        matching_count=2,
    )


@pytest.fixture
def other_classroom_pupil(teacher, other_student):
    """Dominique, in another class of Mme Durand's: one of her pupils, not yet in « 3e B »."""
    make_class(teacher=teacher, name="4e A", pupils=[other_student])
    return other_student


@pytest.fixture
def created_pupil(teacher, classroom, student):
    """Camille's account, made by Mme Durand (quizzes.class_accounts), already past her first
    login."""
    AccountProfile.objects.create(user=student, created_by=teacher)
    return student


def enroll_students(classroom, question_set, count: int) -> None:
    """`count` more students in the class, each with two finished attempts and one open."""
    for n in range(count):
        student = make_student(f"eleve-{n:03d}")
        Enrollment.objects.create(classroom=classroom, student=student)
        finished_attempt(student=student, question_set=question_set, score=2)
        finished_attempt(student=student, question_set=question_set, score=4)
        Attempt.objects.create(user=student, question_set=question_set, seed=f"open-{n}")


@pytest.fixture
def client_as(client):
    """Log the test client in as the given user (None: stay anonymous)."""

    def log_in(user):
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return log_in
