"""Every class page and action, for every kind of visitor: only the class's teacher gets in,
and a refused POST changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from quizzes.models import Classroom, Enrollment

# (url name, method, data, status for the class's teacher)
CLASS_ACTIONS = [
    ("teacher_class", "GET", None, 200),
    ("teacher_class_regenerate_code", "POST", {}, 302),
    ("teacher_class_add_student", "POST", {"username": "dominique"}, 302),
    ("teacher_class_remove_student", "GET", None, 200),
    ("teacher_class_remove_student", "POST", {}, 302),
    ("teacher_class_accounts", "GET", None, 200),
    # The printable cards are the answer itself: never stored, so no redirect.
    ("teacher_class_accounts", "POST", {"names": "Zoé Hervé"}, 200),
    ("teacher_class_reset_password", "GET", None, 200),
    ("teacher_class_reset_password", "POST", {}, 200),
]
STUDENT_ACTIONS = {"teacher_class_remove_student", "teacher_class_reset_password"}
VISITORS = {
    # visitor: expected status for (GET, POST) on a class page or action
    "anonymous": {"GET": 302, "POST": 302},
    "student": {"GET": 403, "POST": 403},
    "other_teacher": {"GET": 404, "POST": 404},
}


def database_state():
    return (
        list(Classroom.objects.order_by("pk").values()),
        list(Enrollment.objects.order_by("pk").values()),
        list(get_user_model().objects.order_by("pk").values()),
    )


@pytest.fixture
def visitors(student, other_teacher, teacher, other_classroom_pupil, created_pupil):
    return {"anonymous": None, "student": student, "other_teacher": other_teacher, "owner": teacher}


def url_for(name, classroom, student):
    args = [classroom.pk, student.pk] if name in STUDENT_ACTIONS else [classroom.pk]
    return reverse(name, args=args)


@pytest.mark.parametrize("visitor", [*VISITORS, "owner"])
@pytest.mark.parametrize(
    ("name", "method", "data", "owner_status"),
    CLASS_ACTIONS,
    ids=[f"{n}-{m}" for n, m, _, _ in CLASS_ACTIONS],
)
def test_class_pages_and_actions_are_the_class_teachers_only(
    client_as, visitors, classroom, student, visitor, name, method, data, owner_status
):
    client = client_as(visitors[visitor])
    url = url_for(name, classroom, student)
    before = database_state()
    response = client.post(url, data) if method == "POST" else client.get(url)
    expected = owner_status if visitor == "owner" else VISITORS[visitor][method]
    assert response.status_code == expected
    if visitor == "anonymous":
        assert response["Location"].startswith(reverse("login") + "?next=")
    if method == "POST" and visitor != "owner":
        assert database_state() == before


@pytest.mark.parametrize(("visitor", "expected"), [("anonymous", 302), ("student", 403)])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_teacher_home_is_for_teachers_only(
    client_as, visitors, classroom, visitor, expected, method
):
    client = client_as(visitors[visitor])
    url = reverse("teacher_classes")
    before = database_state()
    response = client.post(url, {"name": "Classe pirate"}) if method == "POST" else client.get(url)
    assert response.status_code == expected
    assert database_state() == before


def test_another_teacher_sees_only_their_own_classes(client_as, visitors, classroom):
    response = client_as(visitors["other_teacher"]).get(reverse("teacher_classes"))
    assert response.status_code == 200
    assert list(response.context["classes"]) == []


@pytest.mark.parametrize("name", ["teacher_class_regenerate_code", "teacher_class_add_student"])
def test_post_only_actions_refuse_get(teacher_client, classroom, name):
    before = database_state()
    assert teacher_client.get(reverse(name, args=[classroom.pk])).status_code == 405
    assert database_state() == before


def test_unknown_class_is_a_404_for_its_would_be_teacher(teacher_client):
    assert teacher_client.get(reverse("teacher_class", args=[999999])).status_code == 404
