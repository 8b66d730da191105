"""Tampered or malformed posts get a clear 4xx page and store nothing; a student never sees or
touches someone else's attempt."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, FactResult
from tests.conftest import right_answer_post


@pytest.fixture
def attempt(student_client, default_sets):
    student_client.post(reverse("attempt_start", args=[default_sets["Quiz mixte"].pk]))
    return Attempt.objects.latest("pk")


def url(attempt, position=1):
    return reverse("attempt_question", args=[attempt.pk, position])


def snapshot(attempt):
    attempt.refresh_from_db()
    return (
        attempt.score,
        attempt.answered_count,
        attempt.finished_at,
        AttemptQuestion.objects.filter(answered_at__isnull=False).count(),
        FactResult.objects.count(),
    )


def chronology(attempt):
    return attempt.questions.filter(kind="chronology").order_by("position").first()


def matching(attempt):
    return attempt.questions.filter(kind="matching").order_by("position").first()


def tamper_unknown_item(post):
    key = next(iter(post))
    post["position-i99"] = post.pop(key)
    return post


def tamper_missing_item(post):
    post.pop(next(iter(post)))
    return post


def tamper_repeated_position(post):
    keys = list(post)
    post[keys[1]] = post[keys[0]]
    return post


def tamper_not_a_number(post):
    post[next(iter(post))] = "premier"
    return post


def tamper_out_of_range(post):
    post[next(iter(post))] = "42"
    return post


@pytest.mark.parametrize(
    "tamper",
    [
        tamper_unknown_item,
        tamper_missing_item,
        tamper_repeated_position,
        tamper_not_a_number,
        tamper_out_of_range,
    ],
)
def test_malformed_chronology_answer_is_400_and_stores_nothing(student_client, attempt, tamper):
    question = chronology(attempt)
    before = snapshot(attempt)
    response = student_client.post(
        url(attempt, question.position), tamper(right_answer_post(question.data))
    )
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert snapshot(attempt) == before


def tamper_unknown_answer(post):
    post[next(iter(post))] = "a99"
    return post


def tamper_unknown_prompt(post):
    post["match-p99"] = post.pop(next(iter(post)))
    return post


def tamper_blank_answer(post):
    post[next(iter(post))] = ""
    return post


@pytest.mark.parametrize(
    "tamper",
    [tamper_unknown_answer, tamper_unknown_prompt, tamper_missing_item, tamper_blank_answer],
)
def test_malformed_matching_answer_is_400_and_stores_nothing(student_client, attempt, tamper):
    question = matching(attempt)
    before = snapshot(attempt)
    response = student_client.post(
        url(attempt, question.position), tamper(right_answer_post(question.data))
    )
    assert response.status_code == 400
    assert snapshot(attempt) == before


def test_empty_and_oversized_posts_are_400(student_client, attempt):
    before = snapshot(attempt)
    assert student_client.post(url(attempt), {}).status_code == 400
    huge = {f"position-x{n}": "1" for n in range(1000)}
    assert student_client.post(url(attempt), huge).status_code == 400
    assert snapshot(attempt) == before


def test_changing_an_answer_already_given_is_refused(student_client, attempt):
    question = chronology(attempt)
    post = right_answer_post(question.data)
    student_client.post(url(attempt, question.position), post)
    before = snapshot(attempt)
    reordered = dict(zip(post, reversed(list(post.values())), strict=True))
    response = student_client.post(url(attempt, question.position), reordered)
    assert response.status_code == 400
    assert "déjà reçu une réponse" in response.content.decode()
    assert snapshot(attempt) == before


def test_finished_attempt_refuses_new_answers(student_client, attempt):
    for question in attempt.questions.order_by("position"):
        student_client.post(url(attempt, question.position), right_answer_post(question.data))
    before = snapshot(attempt)
    assert before[2] is not None  # finished
    question = chronology(attempt)
    post = right_answer_post(question.data)
    reordered = dict(zip(post, reversed(list(post.values())), strict=True))
    assert student_client.post(url(attempt, question.position), reordered).status_code == 400
    assert snapshot(attempt) == before


def test_someone_elses_attempt_is_403_to_see_and_to_answer(client, attempt, other_student):
    client.force_login(other_student)
    question = chronology(attempt)
    before = snapshot(attempt)
    assert client.get(url(attempt, question.position)).status_code == 403
    post = right_answer_post(question.data)
    assert client.post(url(attempt, question.position), post).status_code == 403
    assert client.get(reverse("attempt_summary", args=[attempt.pk])).status_code == 403
    assert client.get(reverse("attempt_resume", args=[attempt.pk])).status_code == 403
    assert snapshot(attempt) == before


def test_visitor_cannot_touch_a_students_attempt(attempt):
    from django.test import Client

    client = Client()  # a visitor who never logged in
    question = chronology(attempt)
    before = snapshot(attempt)
    assert client.get(url(attempt, question.position)).status_code == 403
    assert (
        client.post(url(attempt, question.position), right_answer_post(question.data)).status_code
        == 403
    )
    assert snapshot(attempt) == before


def test_unknown_attempt_or_question_is_404(student_client, attempt):
    assert student_client.get(reverse("attempt_question", args=[99999, 1])).status_code == 404
    assert student_client.get(url(attempt, 99)).status_code == 404
    assert student_client.post(reverse("attempt_start", args=[99999])).status_code == 404


def test_post_without_csrf_token_is_refused(attempt, student):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(student)
    question = chronology(attempt)
    before = snapshot(attempt)
    response = strict.post(url(attempt, question.position), right_answer_post(question.data))
    assert response.status_code == 403
    assert snapshot(attempt) == before
