"""Forged, expired, replayed or mis-addressed id_tokens are refused with a clear page, and
nothing is created: no account, no class, no enrolment, no platform user."""

import time

import jwt
import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from lti_tool.models import LtiUser

from quizzes.models import Classroom, Enrollment
from quizzes_lti.models import PlatformAccount
from tests.lti.conftest import login_initiation
from tests.lti.platform import INSTRUCTOR, new_private_key

TARGET = "http://testserver/lti/lancement/"


def assert_nothing_created():
    assert get_user_model().objects.count() == 0
    assert not PlatformAccount.objects.exists()
    assert not LtiUser.objects.exists()
    assert not Classroom.objects.exists() and not Enrollment.objects.exists()


def refused(response):
    assert response.status_code == 403
    assert "Lancement refusé" in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session
    assert_nothing_created()


def test_a_token_signed_with_another_key_under_the_platforms_kid_is_refused(launcher):
    response = launcher(sub="intruder", roles=[INSTRUCTOR], key=new_private_key())
    refused(response)
    assert "Signature verification failed" in response.content.decode()


def test_a_token_with_an_unknown_kid_is_refused(launcher):
    refused(launcher(sub="intruder", roles=[INSTRUCTOR], kid="stolen-key"))


def test_an_expired_token_is_refused(launcher):
    an_hour_ago = int(time.time()) - 3600
    response = launcher(sub="late", roles=[INSTRUCTOR], iat=an_hour_ago - 300, exp=an_hour_ago)
    refused(response)
    assert "expired" in response.content.decode()


def test_a_token_without_expiry_is_refused(launcher):
    refused(launcher(sub="forever", roles=[INSTRUCTOR], exp=None))


def test_a_token_for_another_tool_is_refused(launcher):
    refused(launcher(sub="elsewhere", roles=[INSTRUCTOR], aud="another-tool"))


def test_a_token_whose_nonce_quizsite_never_issued_is_refused(client, platform, registration):
    auth = login_initiation(client, registration, sub="u")
    token = platform.id_token(
        nonce="made-up", sub="u", roles=[INSTRUCTOR], **platform.resource_claims(target=TARGET)
    )
    refused(client.post("/lti/lancement/", {"id_token": token, "state": auth["state"]}))


def test_a_replayed_launch_is_refused_and_changes_nothing(client, platform, registration):
    auth = login_initiation(client, registration, sub="replayed")
    token = platform.id_token(
        nonce=auth["nonce"],
        sub="replayed",
        roles=[INSTRUCTOR],
        **platform.resource_claims(target=TARGET),
    )
    post = {"id_token": token, "state": auth["state"]}
    assert client.post("/lti/lancement/", post).status_code == 302
    accounts = PlatformAccount.objects.count()
    client.logout()
    response = client.post("/lti/lancement/", post)
    assert response.status_code == 403
    assert "already used nonce" in response.content.decode()
    assert "_auth_user_id" not in response.wsgi_request.session
    assert PlatformAccount.objects.count() == accounts == 1


def test_a_launch_without_the_login_state_cookie_is_refused(client, platform, registration):
    auth = login_initiation(client, registration, sub="u")
    token = platform.id_token(
        nonce=auth["nonce"], sub="u", roles=[INSTRUCTOR], **platform.resource_claims(target=TARGET)
    )
    client.cookies.clear()
    refused(client.post("/lti/lancement/", {"id_token": token, "state": auth["state"]}))


@pytest.mark.parametrize(
    "token", ["", "not-a-jwt", "a.b.c", jwt.encode({"iss": "x"}, "s" * 32, algorithm="HS256")]
)
def test_garbage_instead_of_a_token_is_refused(client, platform, registration, token):
    auth = login_initiation(client, registration, sub="u")
    refused(client.post("/lti/lancement/", {"id_token": token, "state": auth["state"]}))


def test_a_token_signed_with_hs256_and_the_public_key_is_refused(client, platform, registration):
    """The classic algorithm confusion: the platform's public key used as an HMAC secret."""
    auth = login_initiation(client, registration, sub="u")
    body = jwt.decode(
        platform.id_token(
            nonce=auth["nonce"],
            sub="u",
            roles=[INSTRUCTOR],
            **platform.resource_claims(target=TARGET),
        ),
        options={"verify_signature": False},
    )
    public_modulus = platform.jwks()["keys"][0]["n"].encode()
    forged = jwt.encode(body, public_modulus, algorithm="HS256", headers={"kid": platform.kid})
    refused(client.post("/lti/lancement/", {"id_token": forged, "state": auth["state"]}))


def test_a_get_on_the_launch_url_is_refused(client, registration):
    assert client.get("/lti/lancement/").status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"iss": "https://moodle.college-exemple.fr"},
        {"login_hint": "u", "target_link_uri": TARGET},
        {"iss": "https://moodle.college-exemple.fr", "login_hint": "u", "target_link_uri": TARGET},
        {
            "iss": ["a", "b"],
            "login_hint": "u" * 5000,
            "target_link_uri": TARGET,
            "client_id": "\x00",
        },
    ],
)
def test_a_malformed_login_initiation_is_a_400_and_sets_no_state(client, registration, params):
    response = client.post(reverse("lti_login", args=[registration.uuid]), params)
    assert response.status_code == 400
    assert not any(name.startswith("lti1p3") for name in response.cookies)


@pytest.mark.parametrize(
    "post",
    [
        {},
        {"state": "state-x"},
        {"id_token": "a.b.c"},
        {"id_token": ["x", "y"], "state": ["z"]},
        {"id_token": "a.b.c", "state": "state-\x00"},
    ],
)
def test_a_malformed_launch_post_is_refused_without_error(client, registration, post):
    refused(client.post("/lti/lancement/", post))


def test_a_signed_token_with_a_nul_character_is_refused(client, platform, registration):
    auth = login_initiation(client, registration, sub="u")
    token = platform.id_token(
        nonce=auth["nonce"],
        sub="u\x00",
        roles=[INSTRUCTOR],
        **platform.resource_claims(target=TARGET),
    )
    refused(client.post("/lti/lancement/", {"id_token": token, "state": auth["state"]}))
