"""The admin lists classes, question sets and attempts, and resets a student's attempts."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from quizzes.attempts import start_attempt
from quizzes.models import Attempt, AttemptQuestion, Classroom, Fact, FactResult, QuestionSet


@pytest.fixture
def attempt(default_sets, student, classroom):
    question_set = default_sets["Quiz mixte"]
    question_set.classrooms.add(classroom)
    made = start_attempt(question_set, user=student)
    question = made.questions.order_by("position").first()
    FactResult.objects.create(
        question=question, fact=Fact.objects.order_by("pk").first(), user=student, correct=True
    )
    return made


@pytest.mark.parametrize(
    "model", [Classroom, QuestionSet, Attempt, FactResult], ids=lambda model: model.__name__
)
def test_changelist_and_change_pages_load(admin_client, attempt, model):
    opts = model._meta
    obj = model.objects.order_by("pk").first()
    for url in (
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("model", "params"),
    [
        (Classroom, {"q": "3e"}),
        (QuestionSet, {"status": "published", "difficulty": "medium", "is_sample__exact": "0"}),
        (Attempt, {"q": "camille", "terminee": "non"}),
    ],
)
def test_changelists_search_and_filter(admin_client, attempt, model, params):
    url = reverse(f"admin:quizzes_{model._meta.model_name}_changelist")
    response = admin_client.get(url, params)
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 1


def test_add_pages_for_classes_and_sets_load(admin_client, db):
    for name in ("classroom", "questionset"):
        assert admin_client.get(reverse(f"admin:quizzes_{name}_add")).status_code == 200


def test_classroom_changelist_shows_the_student_count(admin_client, classroom):
    response = admin_client.get(reverse("admin:quizzes_classroom_changelist"))
    [room] = response.context["cl"].result_list
    assert room.student_total == 1
    assert classroom.join_code in response.content.decode()


def test_reset_action_confirms_then_deletes_attempts_with_their_answers(admin_client, attempt):
    url = reverse("admin:quizzes_attempt_changelist")
    selection = {"action": "reset_attempts", ACTION_CHECKBOX_NAME: [attempt.pk]}
    confirmation = admin_client.post(url, selection)
    assert confirmation.status_code == 200
    assert Attempt.objects.filter(pk=attempt.pk).exists()
    # Django's confirmation page posts the selection back with post=yes.
    response = admin_client.post(url, {**selection, "post": "yes"})
    assert response.status_code == 302
    assert not Attempt.objects.exists()
    assert not AttemptQuestion.objects.exists()
    assert not FactResult.objects.exists()


def test_confirmation_page_form_deletes_the_attempts(admin_client, attempt):
    """The standard confirmation form posts back to Django's delete action: same result."""
    url = reverse("admin:quizzes_attempt_changelist")
    admin_client.post(url, {"action": "reset_attempts", ACTION_CHECKBOX_NAME: [attempt.pk]})
    response = admin_client.post(
        url, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [attempt.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert not Attempt.objects.exists()
