"""Every main page is sent with the security headers, and its HTML satisfies the
Content-Security-Policy (no inline script, style or handler)."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.conftest import right_answer_post
from tests.production.csp import inline_code

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def assert_secure_headers(response):
    assert response["Content-Security-Policy"] == CSP
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def assert_page_is_csp_clean(response):
    assert_secure_headers(response)
    assert inline_code(response.content.decode()) == []


@pytest.mark.parametrize(
    "url",
    ["/", reverse("login"), reverse("signup"), "/admin/login/", "/nulle-part/", "/healthz"],
)
def test_public_pages_send_the_security_headers(db, client, url):
    response = client.get(url)
    assert response.status_code in {200, 404}
    assert_page_is_csp_clean(response)


def test_source_page_is_csp_clean(client, fact_base):
    response = client.get(reverse("source_detail", args=[fact_base.pk]))
    assert response.status_code == 200
    assert_page_is_csp_clean(response)


def test_student_pages_are_csp_clean(student_client, default_sets):
    assert_page_is_csp_clean(student_client.get(reverse("student_home")))
    question_set = default_sets["Quiz mixte"]
    student_client.post(reverse("attempt_start", args=[question_set.pk]))
    attempt = Attempt.objects.latest("pk")
    url = reverse("attempt_question", args=[attempt.pk, 1])
    assert_page_is_csp_clean(student_client.get(url))
    question = attempt.questions.get(position=1)
    answered = student_client.post(url, right_answer_post(question.data))
    assert_page_is_csp_clean(answered)
    partial = student_client.post(url, right_answer_post(question.data), HTTP_HX_REQUEST="true")
    assert_page_is_csp_clean(partial)
    assert_page_is_csp_clean(student_client.get(reverse("attempt_summary", args=[attempt.pk])))
    assert_page_is_csp_clean(student_client.get(reverse("results")))


@pytest.mark.parametrize("name", ["teacher_classes", "teacher_sets", "teacher_results"])
def test_teacher_pages_are_csp_clean(teacher_client, default_sets, name):
    response = teacher_client.get(reverse(name))
    assert response.status_code == 200
    assert_page_is_csp_clean(response)


def test_admin_pages_are_csp_clean(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert_page_is_csp_clean(response)
