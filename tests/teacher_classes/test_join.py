"""Students join a class with its code, typed any way they like."""

import pytest
from django.urls import reverse

from quizzes.models import Enrollment
from tests.conftest import make_student


@pytest.fixture
def code_as_typed(classroom):
    """The code as a student copies it from the board: lowercase, spaces, a dash."""
    code = classroom.join_code.lower()
    return f" {code[:3]} -{code[3:]} "


def test_student_joins_with_the_code_typed_in_lowercase_with_spaces(
    client_as, classroom, other_student, code_as_typed
):
    client = client_as(other_student)
    response = client.post(reverse("join_class"), {"code": code_as_typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("student_home")
    assert classroom.students.filter(pk=other_student.pk).exists()
    home = client.get(reverse("student_home")).content.decode()
    assert "Vous avez rejoint la classe « 3e B »" in home
    assert "<li>3e B</li>" in home


def test_unknown_code_is_a_form_error_and_nothing_is_stored(client_as, classroom, other_student):
    response = client_as(other_student).post(reverse("join_class"), {"code": "ZZZ 999"})
    assert response.status_code == 400
    assert "Code inconnu" in response.content.decode()
    assert Enrollment.objects.filter(student=other_student).count() == 0


@pytest.mark.parametrize("code", ["", "   ", "-", "x" * 41])
def test_empty_or_oversized_code_is_a_form_error(client_as, classroom, other_student, code):
    response = client_as(other_student).post(reverse("join_class"), {"code": code})
    assert response.status_code == 400
    assert not Enrollment.objects.filter(student=other_student).exists()


def test_joining_twice_keeps_a_single_enrollment(client_as, classroom, student):
    client = client_as(student)
    response = client.post(reverse("join_class"), {"code": classroom.join_code}, follow=True)
    assert "Vous faites déjà partie de la classe « 3e B »" in response.content.decode()
    assert Enrollment.objects.filter(classroom=classroom, student=student).count() == 1


def test_a_teacher_cannot_join_a_class(client_as, classroom, other_teacher):
    response = client_as(other_teacher).post(reverse("join_class"), {"code": classroom.join_code})
    assert response.status_code == 400
    assert "Un compte enseignant ne peut pas rejoindre" in response.content.decode()
    assert not Enrollment.objects.filter(student=other_teacher).exists()


def test_joining_requires_logging_in(client_as, classroom):
    client = client_as(None)
    for response in (
        client.get(reverse("join_class")),
        client.post(reverse("join_class"), {"code": classroom.join_code}),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    assert classroom.enrollments.count() == 1


def test_join_page_shows_the_form(student_client):
    response = student_client.get(reverse("join_class"))
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_student_home_offers_to_join_a_class(client_as, other_student):
    page = client_as(other_student).get(reverse("student_home")).content.decode()
    assert f'action="{reverse("join_class")}"' in page
    assert "Vous ne faites partie d’aucune classe." in page


def test_posting_nothing_is_a_form_error(student_client):
    response = student_client.post(reverse("join_class"))
    assert response.status_code == 400
    assert not Enrollment.objects.exists()


def test_wrong_codes_are_refused_for_a_while_after_the_limit_even_the_right_one(
    client_as, classroom, other_student, settings
):
    settings.JOIN_CODE_FAILURES_PER_ACCOUNT = 3
    client = client_as(other_student)
    for _ in range(3):
        assert client.post(reverse("join_class"), {"code": "ZZZ 999"}).status_code == 400
    refused = client.post(reverse("join_class"), {"code": classroom.join_code})
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 15 * 60
    assert "Trop de codes erronés" in refused.content.decode()
    assert not Enrollment.objects.filter(student=other_student).exists()


def test_the_limit_counts_per_account_and_per_address_in_the_database(
    client_as, classroom, student, other_student, settings
):
    # The counts live in the database: every gunicorn worker and every server reads them.
    from quizzes.models import FailureCount

    settings.JOIN_CODE_FAILURES_PER_ACCOUNT = 100
    settings.JOIN_CODE_FAILURES_PER_ADDRESS = 4
    for user in (student, other_student):
        client = client_as(user)
        for _ in range(2):
            client.post(reverse("join_class"), {"code": "ZZZ 999"})
    assert FailureCount.objects.get(key="ip:127.0.0.1").count == 4
    third = make_student("sacha")
    refused = client_as(third).post(reverse("join_class"), {"code": classroom.join_code})
    assert refused.status_code == 429  # same address, a fresh account: still refused


def test_a_mistyped_code_or_two_does_not_stop_a_student(client_as, classroom, other_student):
    client = client_as(other_student)
    for _ in range(2):
        client.post(reverse("join_class"), {"code": "ZZZ 999"})
    response = client.post(reverse("join_class"), {"code": classroom.join_code})
    assert response.status_code == 302
    assert classroom.students.filter(pk=other_student.pk).exists()
