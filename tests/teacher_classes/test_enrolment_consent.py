"""Regression tests for issue 12: « A teacher can enrol any account (another teacher's pupil, the
superuser) into their class without consent, and the add-student form tells which usernames
exist and which are teachers. » A teacher now adds only pupils they created or already teach;
everyone else gets one and the same answer; nobody enrols a teacher, staff or an administrator."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from quizzes.class_roster import NotAPupil, enroll
from quizzes.models import AccountProfile, Enrollment
from tests.factories import make_class, make_student

UNIFORM = "Aucun de vos élèves n’a ce nom d’utilisateur."


@pytest.fixture
def strangers(other_teacher):
    """Accounts that are not Mme Durand's pupils: M. Martin's pupil, M. Martin himself, the
    superuser, a staff member, and a pupil in nobody's class."""
    user_model = get_user_model()
    martins_pupil = make_student("lou")
    make_class(teacher=other_teacher, name="4e A", pupils=[martins_pupil])
    AccountProfile.objects.create(user=martins_pupil, created_by=other_teacher)
    return {
        "another teacher's pupil": martins_pupil,
        "another teacher": other_teacher,
        "superuser": user_model.objects.create_superuser("direction", password="x-long-enough-1"),
        "staff": user_model.objects.create_user("secretariat", is_staff=True),
        "pupil of no class": make_student("sacha"),
    }


def add(client, classroom, username):
    return client.post(
        reverse("teacher_class_add_student", args=[classroom.pk]), {"username": username}
    )


@pytest.mark.parametrize(
    "who",
    ["another teacher's pupil", "another teacher", "superuser", "staff", "pupil of no class"],
)
def test_a_teacher_cannot_enrol_an_account_that_is_not_their_pupil(
    teacher_client, classroom, strangers, who
):
    response = add(teacher_client, classroom, strangers[who].username)
    assert response.status_code == 400
    assert response.context["add_form"].errors["username"] == [UNIFORM]
    assert not classroom.enrollments.filter(student=strangers[who]).exists()


def test_the_answer_is_the_same_for_every_account_and_for_none(
    teacher_client, classroom, strangers
):
    """The page with the error is byte for byte the same, but for the name typed: it tells
    nothing about whether an account exists, is a teacher or an administrator."""
    pages = set()
    for username in [*(user.username for user in strangers.values()), "personne-de-ce-nom"]:
        page = add(teacher_client, classroom, username).content.decode()
        page = re.sub(r'(X-CSRFToken": "|name="csrfmiddlewaretoken" value=")[^"]+', "", page)
        pages.add(page.replace(f'value="{username}"', 'value=""'))
    assert len(pages) == 1


def test_a_pupil_the_teacher_created_can_be_added_back_after_removal(
    teacher_client, classroom, created_pupil
):
    classroom.enrollments.all().delete()
    response = add(teacher_client, classroom, created_pupil.username)
    assert response.status_code == 302
    assert classroom.enrollments.filter(student=created_pupil).exists()


def test_an_account_made_pupil_then_given_the_teacher_role_cannot_be_added(
    teacher_client, classroom, created_pupil
):
    from quizzes.roles import assign_role

    classroom.enrollments.all().delete()
    assign_role(created_pupil, "teacher")
    assert add(teacher_client, classroom, created_pupil.username).status_code == 400
    assert not classroom.enrollments.exists()


@pytest.mark.parametrize("who", ["another teacher", "superuser", "staff"])
def test_enrolling_a_teacher_staff_or_administrator_is_refused_at_the_root(
    classroom, strangers, who
):
    with pytest.raises(NotAPupil):
        enroll(classroom=classroom, student=strangers[who])
    assert not classroom.enrollments.filter(student=strangers[who]).exists()


@pytest.mark.parametrize("who", ["superuser", "staff"])
def test_an_administrator_cannot_join_a_class_with_its_code(client_as, classroom, strangers, who):
    response = client_as(strangers[who]).post(reverse("join_class"), {"code": classroom.join_code})
    assert response.status_code == 400
    assert "ne peut pas rejoindre une classe" in response.content.decode()
    assert not classroom.enrollments.filter(student=strangers[who]).exists()


@pytest.mark.parametrize("who", ["another teacher", "superuser", "staff"])
def test_the_admin_cannot_enrol_a_teacher_staff_or_administrator_either(
    admin_client, classroom, strangers, who
):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Seuls les élèves"):
        Enrollment(classroom=classroom, student=strangers[who]).full_clean()
    url = reverse("admin:quizzes_classroom_change", args=[classroom.pk])
    prefix = "enrollments"
    data = {
        "name": classroom.name,
        "teacher": classroom.teacher.pk,
        "join_code": classroom.join_code,
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-id": classroom.enrollments.get().pk,
        f"{prefix}-0-classroom": classroom.pk,
        f"{prefix}-0-student": classroom.enrollments.get().student_id,
        f"{prefix}-1-classroom": classroom.pk,
        f"{prefix}-1-student": strangers[who].pk,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200  # the form again, with the error
    assert "Seuls les élèves s’inscrivent dans une classe" in response.content.decode()
    assert not classroom.enrollments.filter(student=strangers[who]).exists()
