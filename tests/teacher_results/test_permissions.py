"""Who may read a class's results: only its teacher, on sets given to the class."""

import pytest
from django.urls import reverse

from quizzes.models import Classroom, QuestionSet

pytestmark = pytest.mark.django_db

PAGES = ["teacher_results_detail", "teacher_results_csv"]


def urls(classroom, question_set):
    return [reverse(name, args=[classroom.pk, question_set.pk]) for name in PAGES]


@pytest.mark.parametrize("name", ["teacher_results", *PAGES])
def test_anonymous_visitors_are_sent_to_the_login_page(client, classroom, assigned_set, name):
    url = reverse(name, args=[] if name == "teacher_results" else [classroom.pk, assigned_set.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", ["teacher_results", *PAGES])
def test_students_get_a_403(student_client, classroom, assigned_set, name):
    url = reverse(name, args=[] if name == "teacher_results" else [classroom.pk, assigned_set.pk])
    assert student_client.get(url).status_code == 403


def test_the_class_teacher_may_open_every_page(teacher_client, classroom, assigned_set):
    assert teacher_client.get(reverse("teacher_results")).status_code == 200
    for url in urls(classroom, assigned_set):
        assert teacher_client.get(url).status_code == 200


def test_another_teacher_gets_a_404_on_someone_elses_class(
    client, other_teacher, classroom, assigned_set
):
    client.force_login(other_teacher)
    for url in urls(classroom, assigned_set):
        assert client.get(url).status_code == 404
    assert "3e B" not in client.get(reverse("teacher_results")).content.decode()


def test_a_set_not_given_to_the_class_is_a_404(teacher_client, teacher, classroom, assigned_set):
    elsewhere = Classroom.objects.create(name="4e A", teacher=teacher)
    not_assigned = QuestionSet.objects.create(title="Brouillon", owner=teacher)
    for url in [*urls(classroom, not_assigned), *urls(elsewhere, assigned_set)]:
        assert teacher_client.get(url).status_code == 404


def test_unknown_ids_are_a_404(teacher_client, classroom, assigned_set):
    for url in urls(classroom, QuestionSet(pk=999_999)) + urls(Classroom(pk=999_999), assigned_set):
        assert teacher_client.get(url).status_code == 404
