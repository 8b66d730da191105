"""A set's attempt limit holds when a student presses « Commencer » in several tabs at the same
instant. Real threads with their own database connections: on PostgreSQL the start locks the
student's row, on SQLite every write transaction already runs one at a time (IMMEDIATE)."""

from functools import partial

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from quizzes.default_sets import ensure_default_sets
from quizzes.models import Attempt
from tests.concurrency.threads import at_once, browsers
from tests.conftest import FACT_FIXTURES
from tests.factories import make_class, make_student, make_teacher

pytestmark = pytest.mark.django_db(transaction=True)

TABS = 6
NO_ATTEMPTS_LEFT = "Vous avez utilisé toutes les tentatives autorisées pour cette série."


@pytest.fixture
def student(transactional_db):
    return make_student("camille")


@pytest.fixture
def one_attempt_set(transactional_db, student):
    """A class set allowing one attempt, the same questions for everyone: the case where a
    second attempt, taken after the first one's feedback, scores 100 %."""
    call_command("loaddata", *FACT_FIXTURES, verbosity=0)
    question_set = next(s for s in ensure_default_sets() if s.title == "Chronologie 1943-1945")
    teacher = make_teacher("mme-durand")
    classroom = make_class(teacher=teacher, name="3e B", pupils=[student])
    question_set.owner = teacher
    question_set.attempts_allowed = 1
    question_set.regenerate_per_attempt = False
    question_set.save()
    question_set.classrooms.add(classroom)
    return question_set


def press_start_at_once(student, question_set, tabs: int) -> list[tuple[int, str, str]]:
    """`tabs` logged-in browsers of the same student post « Commencer » at the same instant and
    follow the redirect: (status of the post, where it led, the page it led to)."""
    url = reverse("attempt_start", args=[question_set.pk])
    return at_once([partial(press, client, url) for client in browsers(student, tabs)])


def press(client: Client, url: str) -> tuple[int, str, str]:
    response = client.post(url)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location", ""), page.content.decode()


def test_six_simultaneous_starts_on_a_one_attempt_set_create_exactly_one_attempt(
    student, one_attempt_set
):
    outcomes = press_start_at_once(student, one_attempt_set, TABS)

    assert len(outcomes) == TABS
    assert Attempt.objects.filter(user=student, question_set=one_attempt_set).count() == 1
    attempt = Attempt.objects.get(user=student, question_set=one_attempt_set)
    assert attempt.questions.count() == attempt.question_count > 0
    started = [o for o in outcomes if o[1] == reverse("attempt_question", args=[attempt.pk, 1])]
    refused = [o for o in outcomes if o[1] == reverse("student_home")]
    assert len(started) == 1
    # Every other tab is sent back to the list of sets and told why, never shown an error page.
    assert len(refused) == TABS - 1
    assert all(status == 302 and NO_ATTEMPTS_LEFT in page for status, _, page in refused)


def test_simultaneous_starts_on_a_two_attempt_set_stop_at_two(student, one_attempt_set):
    one_attempt_set.attempts_allowed = 2
    one_attempt_set.save()

    outcomes = press_start_at_once(student, one_attempt_set, TABS)

    assert Attempt.objects.filter(user=student, question_set=one_attempt_set).count() == 2
    assert sum(NO_ATTEMPTS_LEFT in page for _, _, page in outcomes) == TABS - 2


def test_simultaneous_starts_on_an_unlimited_set_all_succeed(student, one_attempt_set):
    """The lock only serializes; it refuses nothing when the set sets no limit."""
    one_attempt_set.attempts_allowed = 0
    one_attempt_set.save()

    outcomes = press_start_at_once(student, one_attempt_set, 3)

    assert Attempt.objects.filter(user=student, question_set=one_attempt_set).count() == 3
    assert not any(NO_ATTEMPTS_LEFT in page for _, _, page in outcomes)
