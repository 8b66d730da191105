"""The simulated platform, registered in quizsite as an admin registers Moodle, and the browser
side of a launch: the platform's OIDC login initiation, then its post of a signed id_token."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import QuestionSet
from tests.lti.platform import (
    CLIENT_ID,
    DEPLOYMENT_ID,
    INSTRUCTOR,
    LEARNER,
    FakePlatform,
    PlatformServer,
)

LAUNCH_URL = "http://testserver/lti/lancement/"


@pytest.fixture
def platform():
    platform = FakePlatform()
    with PlatformServer(platform):
        yield platform


def register_platform(platform):
    """What an admin types on the registration page, from the platform's « tool details »."""
    from lti_tool.models import LtiDeployment, LtiRegistration

    registration = LtiRegistration.objects.create(
        name="Moodle du collège",
        issuer=platform.issuer,
        client_id=CLIENT_ID,
        auth_url=f"{platform.url}/auth",
        token_url=f"{platform.url}/token",
        keyset_url=f"{platform.url}/jwks",
    )
    LtiDeployment.objects.create(
        registration=registration, deployment_id=DEPLOYMENT_ID, is_active=True
    )
    return registration


@pytest.fixture
def registration(db, platform):
    return register_platform(platform)


def login_initiation(client, registration, *, sub: str, target: str = "") -> dict:
    """The platform's OIDC login initiation; returns the auth request quizsite redirects to."""
    response = client.get(
        reverse("lti_login", args=[registration.uuid]),
        {
            "iss": registration.issuer,
            "client_id": registration.client_id,
            "login_hint": sub,
            "target_link_uri": target or LAUNCH_URL,
            "lti_message_hint": "hint-1",
        },
    )
    assert response.status_code == 302, response.content
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == registration.auth_url
    return {key: values[0] for key, values in parse_qs(location.query).items()}


def set_url(question_set) -> str:
    return "http://testserver" + reverse("lti_set", args=[question_set.pk])


@dataclass
class Launcher:
    """The browser going through a platform's launch: the OIDC login initiation, then the post
    of the id_token the platform signs (or of `token`, forged) to the redirect URI quizsite
    asked for; calls return quizsite's answer."""

    client: Client
    platform: FakePlatform
    registration: object

    def __call__(self, *, sub, roles, target=LAUNCH_URL, claims=None, token=None, **token_args):
        if claims is None:
            claims = self.platform.resource_claims(target=target)
        auth = login_initiation(self.client, self.registration, sub=sub)
        if token is None:
            token = self.platform.id_token(
                nonce=auth["nonce"], sub=sub, roles=roles, **claims, **token_args
            )
        return self.client.post(
            urlsplit(auth["redirect_uri"]).path, {"id_token": token, "state": auth["state"]}
        )

    def teacher(self, question_set=None, **kwargs):
        """Mme Durand (sub teacher-sub-1) opens the set's link, or the tool, as Instructor."""
        target = set_url(question_set) if question_set else LAUNCH_URL
        return self(sub="teacher-sub-1", roles=[INSTRUCTOR], target=target, **kwargs)

    def learner(self, question_set=None, **kwargs):
        """Camille (sub learner-sub-1) opens the set's link, or the tool, as Learner."""
        target = set_url(question_set) if question_set else LAUNCH_URL
        return self(sub="learner-sub-1", roles=[LEARNER], target=target, **kwargs)


@pytest.fixture
def launcher(client, platform, registration):
    return Launcher(client, platform, registration)


@pytest.fixture
def teachers_set(fact_base, teacher):
    """Mme Durand's published set: two « which came first? » questions, all or nothing each."""
    return QuestionSet.objects.create(
        title="Sicile 1943 : qui d’abord ?",
        owner=teacher,
        chronology_count=0,
        matching_count=0,
        which_first_count=2,
        status=QuestionSet.Status.PUBLISHED,
    )


@pytest.fixture
def linked_teacher(teacher):
    """Mme Durand's existing account, linked by an admin to her platform identity."""
    from quizzes_lti.models import PlatformAccount

    PlatformAccount.objects.create(
        issuer="https://moodle.college-exemple.fr", subject="teacher-sub-1", user=teacher
    )
    return teacher


@pytest.fixture
def tool_jwks(client, platform, db):
    """The tool's keys as its JWKS URL serves them, handed to the platform (which would fetch
    them)."""
    from lti_tool.models import Key

    Key.objects.generate()
    platform.tool_jwks = client.get(reverse("lti_jwks")).json()
    return platform.tool_jwks
