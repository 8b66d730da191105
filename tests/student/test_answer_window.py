"""An attempt takes answers only while the student could still start its set: closing it
(after the teacher's grace period), unpublishing it or removing the student from its class
also stops the attempts already open. A refused answer is a 403 with a French message and
stores nothing; the summary counts only the answers stored before."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt, Enrollment, FactResult, QuestionSet
from quizzes.visibility import _sets_offered_to, takes_answers
from tests.conftest import right_answer_post

REFUSED = "Cette série n’accepte plus de réponses"


@pytest.fixture
def class_set(default_sets, teacher, classroom):
    """Mme Durand's published set for her class, where Camille is enrolled."""
    question_set = default_sets["Chronologie 1943-1945"]
    question_set.owner = teacher
    question_set.save()
    question_set.classrooms.add(classroom)
    return question_set


@pytest.fixture
def attempt(student_client, student, class_set) -> Attempt:
    """Camille's attempt, its first question answered right."""
    response = student_client.post(reverse("attempt_start", args=[class_set.pk]))
    assert response.status_code == 302
    attempt = Attempt.objects.get(user=student)
    first = attempt.questions.get(position=1)
    assert answer(student_client, attempt, 1).status_code == 200
    first.refresh_from_db()
    assert first.score == 1.0
    return attempt


def answer(client, attempt: Attempt, position: int, **headers):
    question = attempt.questions.get(position=position)
    url = reverse("attempt_question", args=[attempt.pk, position])
    return client.post(url, right_answer_post(question.data), **headers)


def close(question_set: QuestionSet, *, minutes_ago: int, grace: int = 0) -> None:
    question_set.opens_at = timezone.now() - timedelta(days=1)
    question_set.closes_at = timezone.now() - timedelta(minutes=minutes_ago)
    question_set.closing_grace_minutes = grace
    question_set.save()


def unpublish(question_set: QuestionSet) -> None:
    question_set.status = QuestionSet.Status.DRAFT
    question_set.save()


def remove_from_class(question_set: QuestionSet) -> None:
    Enrollment.objects.filter(classroom__in=question_set.classrooms.all()).delete()


def assert_only_the_first_answer_counts(client, attempt: Attempt) -> None:
    attempt.refresh_from_db()
    assert attempt.answered_count == 1
    assert attempt.score == 1.0
    assert attempt.finished_at is None
    second = attempt.questions.get(position=2)
    assert (second.answered_at, second.response, second.score) == (None, None, None)
    assert not FactResult.objects.filter(question=second).exists()
    summary = client.get(reverse("attempt_summary", args=[attempt.pk])).content.decode()
    assert f"Total : 1 point(s) sur {attempt.question_count}" in summary


@pytest.mark.parametrize(
    "withdraw",
    [
        pytest.param(lambda question_set: close(question_set, minutes_ago=1), id="closed"),
        pytest.param(unpublish, id="unpublished"),
        pytest.param(remove_from_class, id="removed-from-class"),
    ],
)
def test_an_open_attempt_takes_no_more_answers_once_its_set_is_withdrawn(
    student_client, attempt, class_set, withdraw
):
    withdraw(class_set)

    response = answer(student_client, attempt, 2)

    assert response.status_code == 403
    page = response.content.decode()
    assert REFUSED in page
    assert "n’a pas été enregistrée" in page
    # No form to post again: the way out is the attempt's result.
    assert 'name="position-' not in page
    assert reverse("attempt_summary", args=[attempt.pk]) in page
    assert_only_the_first_answer_counts(student_client, attempt)


def test_the_refusal_replaces_the_question_panel_under_htmx(student_client, attempt, class_set):
    unpublish(class_set)

    response = answer(student_client, attempt, 2, HTTP_HX_REQUEST="true")

    assert response.status_code == 403
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="question-panel"')
    assert 'role="alert"' in page and REFUSED in page
    assert_only_the_first_answer_counts(student_client, attempt)


def test_the_refusal_is_translated(student_client, attempt, class_set):
    unpublish(class_set)
    student_client.cookies["django_language"] = "en"

    response = answer(student_client, attempt, 2)

    assert response.status_code == 403
    assert "This set no longer takes answers" in response.content.decode()


def test_a_set_site_wide_keeps_taking_answers_from_a_student_who_left_a_class(
    student_client, student, default_sets
):
    """Leaving a class withdraws only that class's sets."""
    site_wide = default_sets["Qui a fait quoi ?"]
    student_client.post(reverse("attempt_start", args=[site_wide.pk]))
    attempt = Attempt.objects.get(user=student)
    Enrollment.objects.filter(student=student).delete()

    assert answer(student_client, attempt, 1).status_code == 200
    attempt.refresh_from_db()
    assert attempt.answered_count == 1


def test_answers_within_the_grace_period_are_stored(student_client, attempt, class_set):
    close(class_set, minutes_ago=5, grace=10)

    response = answer(student_client, attempt, 2)

    assert response.status_code == 200
    attempt.refresh_from_db()
    assert attempt.answered_count == 2
    assert attempt.score == 2.0


def test_answers_after_the_grace_period_are_refused(student_client, attempt, class_set):
    close(class_set, minutes_ago=11, grace=10)

    assert answer(student_client, attempt, 2).status_code == 403
    assert_only_the_first_answer_counts(student_client, attempt)


def test_the_grace_period_starts_no_new_attempt(student_client, student, attempt, class_set):
    close(class_set, minutes_ago=5, grace=10)

    response = student_client.post(reverse("attempt_start", args=[class_set.pk]))

    assert response.status_code == 404
    assert Attempt.objects.filter(user=student).count() == 1


def test_a_visitor_attempt_stops_when_the_sample_quiz_is_unpublished(client, default_sets):
    sample = default_sets["Quiz mixte"]
    assert client.post(reverse("attempt_start", args=[sample.pk])).status_code == 302
    attempt = Attempt.objects.get(user=None)
    unpublish(sample)

    assert answer(client, attempt, 1).status_code == 403
    attempt.refresh_from_db()
    assert attempt.answered_count == 0


def test_the_check_at_each_answer_agrees_with_the_rule_for_starting_in_every_state_of_a_set(
    student, other_student, teacher, classroom, default_sets
):
    """takes_answers runs the rule as a query compiled once per process (it is on every
    answer's write path, quizsite.prepared): for every combination of status, opening, closing, grace, owner, class and sample flag, it
    says what the set list's query says, for a pupil of the class, one outside it and a
    visitor."""
    question_set = default_sets["Chronologie 1943-1945"]
    question_set.classrooms.add(classroom)
    now = timezone.now()
    hour = timedelta(hours=1)
    states = itertools.product(
        QuestionSet.Status.values,
        [None, now - hour, now + hour],  # opens_at
        [None, now + hour, now - timedelta(minutes=5), now - 2 * hour],  # closes_at
        [0, 10],  # closing_grace_minutes
        [None, teacher],  # owner: site-wide or the class's teacher
        [True, False],  # is_sample
    )
    checked = 0
    for status, opens_at, closes_at, grace, owner, is_sample in states:
        if opens_at and closes_at and opens_at >= closes_at:
            continue  # the database refuses a set that closes before it opens
        QuestionSet.objects.filter(pk=question_set.pk).update(
            status=status,
            opens_at=opens_at,
            closes_at=closes_at,
            closing_grace_minutes=grace,
            owner=owner,
            is_sample=is_sample,
        )
        question_set.refresh_from_db()
        for user_id in (student.pk, other_student.pk, None):
            attempt = Attempt(question_set=question_set, user_id=user_id)
            now = timezone.now()
            offered = _sets_offered_to(
                user_id, now=now, closes_after=now - timedelta(minutes=grace)
            )
            assert takes_answers(attempt) == offered.filter(pk=question_set.pk).exists(), (
                status, opens_at, closes_at, grace, owner, is_sample, user_id
            )  # fmt: skip
            checked += takes_answers(attempt)
    assert checked > 0  # some states do take answers
