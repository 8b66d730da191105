"""Personal pages are never kept by a shared cache or by the browser of a shared computer, and
under HTTPS no cookie (the language one included) travels in clear."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt
from tests.production.conftest import production_env, run_python


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def test_a_pupils_pages_are_private_and_not_stored(student_client, default_sets):
    question_set = default_sets["Quiz mixte"]
    student_client.post(reverse("attempt_start", args=[question_set.pk]))
    attempt = Attempt.objects.latest("pk")
    for url in [
        reverse("student_home"),
        reverse("attempt_question", args=[attempt.pk, 1]),
        reverse("results"),
    ]:
        response = student_client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= cache_control(response), url


@pytest.mark.parametrize("name", ["teacher_classes", "teacher_sets", "teacher_results"])
def test_a_teachers_pages_are_private_and_not_stored(teacher_client, default_sets, name):
    response = teacher_client.get(reverse(name))
    assert {"private", "no-store"} <= cache_control(response)


def test_the_public_home_page_of_a_visitor_may_be_cached(db, client):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in cache_control(response)


CHOOSE_ENGLISH = """
import django
django.setup()
from django.test import Client
response = Client().post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
cookie = response.cookies["django_language"]
print(response.status_code, bool(cookie["secure"]), bool(cookie["httponly"]))
"""


@pytest.mark.parametrize(("https", "secure"), [("1", True), ("", False)])
def test_the_language_cookie_is_secure_under_https(https, secure):
    env = production_env(HTTPS=https, DATABASE_URL="sqlite:///:memory:")
    result = run_python(["-c", CHOOSE_ENGLISH], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["302", str(secure), "True"]
