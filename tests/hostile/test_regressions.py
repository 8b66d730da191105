"""Hostile inputs that once broke PostgreSQL (and not SQLite): kept as plain examples so both
databases check them on every run."""

import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.parametrize("username", ["0" * 5000, "camille\x00", "\x00" * 300])
def test_absurd_usernames_at_login_are_a_failed_login_not_a_crash(db, username):
    client = Client(raise_request_exception=False)
    for _ in range(6):  # through the lockout too
        response = client.post(reverse("login"), {"username": username, "password": "x"})
        assert response.status_code in (200, 429)


def test_nul_bytes_in_the_fact_search_find_nothing_instead_of_crashing(teacher_client, fact_base):
    teacher_client.raise_request_exception = False
    partial = teacher_client.get(
        reverse("teacher_set_facts"), {"q": "Mussolini\x00"}, HTTP_HX_REQUEST="true"
    )
    page = teacher_client.get(reverse("teacher_set_create"), {"q": "Mussolini\x00"})
    assert partial.status_code == page.status_code == 200


@pytest.mark.parametrize("moment", ["0001-01-01T00:00", "9999-12-31T23:59"])
@pytest.mark.parametrize("field", ["opens_at", "closes_at"])
@pytest.mark.parametrize("view", ["teacher_set_create", "teacher_set_preview"])
def test_a_year_1_or_9999_opening_is_a_form_error_not_a_crash(
    teacher_client, default_sets, view, field, moment
):
    from quizzes.models import QuestionSet
    from tests.audit.conftest import builder_post

    teacher_client.raise_request_exception = False
    data = builder_post(default_sets["Quiz mixte"]) | {"title": "Hors du temps", field: moment}
    response = teacher_client.post(reverse(view), data)
    assert response.status_code == 400
    assert "Indiquez une année comprise entre 2000 et 2999." in response.content.decode()
    assert not QuestionSet.objects.filter(title="Hors du temps").exists()


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "cp1252"])
@pytest.mark.parametrize("enforce_csrf", [True, False], ids=["csrf-checked", "csrf-exempt-client"])
@pytest.mark.parametrize(
    "url", ["/compte/connexion/", "/compte/inscription/", "/i18n/setlang/", "/nulle-part/"]
)
def test_a_form_posted_in_another_encoding_than_utf8_is_a_clean_refusal(
    db, url, enforce_csrf, charset
):
    # Django refuses such forms (BadRequest); its own error views then read the form again for
    # their CSRF check and failed a second time, into a 500.
    client = Client(raise_request_exception=False, enforce_csrf_checks=enforce_csrf)
    client.get("/compte/connexion/")  # a CSRF cookie, as a browser would have
    body = "username=zoé&password=été".encode("latin-1")
    response = client.generic(
        "POST", url, body, content_type=f"application/x-www-form-urlencoded; charset={charset}"
    )
    assert response.status_code in (400, 403, 404)
    assert "<html" in response.content.decode()
