"""The tool's keys: served as a JWKS, rotated by `manage.py rotate_keys` (the newest signs, old
ones leave the set after a week), never shown private in the admin; the registration page gives
the URLs the platform needs."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from lti_tool.models import Key, LtiRegistration

from quizzes_lti.launching import ensure_tool_key
from quizzes_lti.models import CourseClass, GradeLink, PlatformAccount, ScoreReport


def kids(client) -> list[str]:
    response = client.get(reverse("lti_jwks"))
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    keys = response.json()["keys"]
    assert all(key["kty"] == "RSA" and key["alg"] == "RS256" and "d" not in key for key in keys)
    return sorted(key["kid"] for key in keys)


def test_rotation_adds_a_key_that_signs_and_retires_keys_older_than_a_week(client, db):
    ensure_tool_key()
    first = Key.objects.get()
    assert kids(client) == [str(first)]

    Key.objects.update(datetime_created=timezone.now() - timedelta(days=3))
    call_command("rotate_keys", stdout=StringIO())
    second = Key.objects.latest()
    assert kids(client) == sorted([str(first), str(second)])  # both verify for a while
    registration = LtiRegistration(
        issuer="i",
        client_id="c",
        auth_url="https://p/a",
        token_url="https://p/t",
        keyset_url="https://p/k",
    )
    assert registration.to_registration().get_kid() == str(second)  # the newest signs

    Key.objects.filter(pk=first.pk).update(datetime_created=timezone.now() - timedelta(days=8))
    call_command("rotate_keys", stdout=StringIO())
    assert str(first) not in kids(client)


def test_the_first_login_makes_a_key_when_the_admin_has_not(db):
    assert not Key.objects.exists()
    ensure_tool_key()
    ensure_tool_key()
    assert Key.objects.active().count() == 1


def test_the_registration_page_gives_the_platform_its_urls(admin_client, registration):
    page = admin_client.get(
        reverse("admin:lti_tool_ltiregistration_change", args=[registration.pk])
    ).content.decode()
    assert f"http://testserver/lti/connexion/{registration.uuid}/" in page
    assert "http://testserver/lti/lancement/" in page
    assert "http://testserver/lti/jwks.json" in page


def test_the_key_admin_never_shows_a_private_key(admin_client, db):
    ensure_tool_key()
    key = Key.objects.get()
    page = admin_client.get(reverse("admin:lti_tool_key_change", args=[key.pk])).content.decode()
    assert "BEGIN PUBLIC KEY" in page and "PRIVATE KEY" not in page


@pytest.mark.parametrize(
    "model",
    [LtiRegistration, Key, PlatformAccount, CourseClass, GradeLink, ScoreReport],
    ids=lambda model: model.__name__,
)
def test_lti_changelists_render(admin_client, db, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert admin_client.get(url).status_code == 200


def test_an_admin_registers_a_platform_and_its_deployment(admin_client, db):
    url = reverse("admin:lti_tool_ltiregistration_add")
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url,
        {
            "name": "Moodle du lycée",
            "uuid": "2b0d3f0e-1c5a-4e0b-9d43-3e1f7b9a6c21",
            "issuer": "https://moodle.lycee.fr",
            "client_id": "AbC123",
            "audience": "",
            "auth_url": "https://moodle.lycee.fr/mod/lti/auth.php",
            "token_url": "https://moodle.lycee.fr/mod/lti/token.php",
            "keyset_url": "https://moodle.lycee.fr/mod/lti/certs.php",
            "is_active": "on",
            "public_key": "",
            "private_key": "",
            "deployments-TOTAL_FORMS": "1",
            "deployments-INITIAL_FORMS": "0",
            "deployments-MIN_NUM_FORMS": "0",
            "deployments-MAX_NUM_FORMS": "1000",
            "deployments-0-deployment_id": "3",
            "deployments-0-is_active": "on",
            "deployments-0-pns_url": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    registration = LtiRegistration.objects.get(issuer="https://moodle.lycee.fr")
    assert registration.deployments.get().deployment_id == "3"
    assert registration.deployments.get().is_active
