"""A teacher deletes a pupil's account with all their attempts, only for pupils of their own
classes who are in no other teacher's class; an administrator deletes any account from the
admin site, with everything it owns."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, Classroom, Enrollment, FactResult
from tests.factories import finished_attempt, make_class, make_student


def delete_url(classroom, student) -> str:
    return reverse("teacher_class_delete_student", args=[classroom.pk, student.pk])


def exists(user) -> bool:
    return get_user_model().objects.filter(pk=user.pk).exists()


@pytest.fixture
def attempts(student, other_student, class_set, classroom):
    Enrollment.objects.create(classroom=classroom, student=other_student)
    return [
        finished_attempt(student=student, question_set=class_set, score=3),
        finished_attempt(student=student, question_set=class_set, score=5),
        finished_attempt(student=other_student, question_set=class_set, score=4),
    ]


def test_the_teacher_confirms_then_deletes_the_pupil_and_all_their_attempts(
    client_as, teacher, classroom, student, attempts
):
    client = client_as(teacher)
    page = client.get(delete_url(classroom, student)).content.decode()
    assert "Supprimer le compte de <strong>camille</strong>" in page and "2 tentatives" in page
    assert exists(student)  # GET only asks
    response = client.post(delete_url(classroom, student), follow=True)
    assert response.redirect_chain[-1][0] == reverse("teacher_class", args=[classroom.pk])
    assert "Le compte de camille et toutes ses tentatives ont été supprimés." in (
        response.content.decode()
    )
    assert not exists(student)
    assert not Attempt.objects.filter(pk__in=[a.pk for a in attempts[:2]]).exists()
    assert Attempt.objects.filter(pk=attempts[2].pk).exists()  # the classmate's stay


def test_the_roster_offers_deletion_only_for_pupils_the_teacher_alone_has(
    client_as, teacher, other_teacher, classroom, student, other_student
):
    Enrollment.objects.create(classroom=classroom, student=other_student)
    make_class(teacher=other_teacher, name="4e A", pupils=[other_student])
    page = client_as(teacher).get(reverse("teacher_class", args=[classroom.pk])).content.decode()
    assert delete_url(classroom, student) in page
    assert delete_url(classroom, other_student) not in page


def test_a_pupil_also_in_another_teachers_class_is_refused(
    client_as, teacher, other_teacher, classroom, student
):
    make_class(teacher=other_teacher, name="4e A", pupils=[student])
    client = client_as(teacher)
    for method in (client.get, client.post):
        response = method(delete_url(classroom, student))
        assert response.status_code == 403
        assert "seul un administrateur peut le supprimer" in response.content.decode()
    assert exists(student)


def test_another_teacher_cannot_delete_the_pupil(client_as, other_teacher, classroom, student):
    client = client_as(other_teacher)
    assert client.post(delete_url(classroom, student)).status_code == 404
    own_room = Classroom.objects.create(name="4e A", teacher=other_teacher)
    assert client.post(delete_url(own_room, student)).status_code == 404
    assert exists(student)


def test_a_staff_account_enrolled_in_the_class_is_never_deleted_by_a_teacher(
    client_as, teacher, classroom
):
    staff = make_student("secretariat")
    staff.is_staff = True
    staff.save()
    Enrollment.objects.create(classroom=classroom, student=staff)
    assert client_as(teacher).post(delete_url(classroom, staff)).status_code == 403
    assert exists(staff)


@pytest.mark.parametrize("who", ["anonymous", "student"])
def test_non_teachers_cannot_delete(client_as, classroom, student, other_student, who):
    response = client_as(None if who == "anonymous" else other_student).post(
        delete_url(classroom, student)
    )
    assert response.status_code in (302, 403)
    assert exists(student)


def test_deleting_needs_a_csrf_token(teacher, classroom, student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert client.post(delete_url(classroom, student)).status_code == 403
    assert exists(student)


def test_the_admin_deletes_a_pupil_with_everything_they_own(admin_client, default_sets, student):
    from quizzes.attempts import start_attempt
    from quizzes.models import Fact

    attempt = start_attempt(default_sets["Quiz mixte"], user=student)
    question = attempt.questions.first()
    FactResult.objects.create(
        question=question, fact=Fact.objects.first(), user=student, correct=True
    )
    url = reverse("admin:auth_user_delete", args=[student.pk])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not exists(student)
    assert not Attempt.objects.filter(pk=attempt.pk).exists()
    assert not AttemptQuestion.objects.filter(attempt_id=attempt.pk).exists()
    assert not FactResult.objects.filter(user_id=student.pk).exists()
