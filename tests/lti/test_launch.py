"""Launches from a simulated platform: single sign-on with the right role, the course as a
class, the learner enrolled and landing on the set to take."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from lti_tool.models import LtiDeployment, LtiUser

from quizzes.models import Classroom, Enrollment
from quizzes.roles import is_teacher
from quizzes_lti.models import CourseClass, PlatformAccount
from tests.conftest import make_student
from tests.lti.conftest import login_initiation, set_url
from tests.lti.platform import COURSE, INSTRUCTOR, LEARNER

User = get_user_model()
PRESENTATION = "https://purl.imsglobal.org/spec/lti/claim/launch_presentation"


def test_instructor_then_learner_launch_make_accounts_class_and_enrolment(
    client, launcher, teachers_set, linked_teacher
):
    response = launcher.teacher(teachers_set)
    classroom = Classroom.objects.get(lti_course__context__id_on_platform=COURSE["id"])
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "teacher_results_detail", args=[classroom.pk, teachers_set.pk]
    )
    assert classroom.teacher == linked_teacher and classroom.name == COURSE["title"]
    assert teachers_set.classrooms.filter(pk=classroom.pk).exists()

    client.logout()
    response = launcher.learner(teachers_set)
    assert response.status_code == 302
    assert response["Location"] == reverse("lti_set", args=[teachers_set.pk])
    pupil = PlatformAccount.objects.get(subject="learner-sub-1").user
    assert pupil.username == "camille.lefevre" and not pupil.has_usable_password()
    assert not is_teacher(pupil) and pupil.groups.filter(name="Élèves").exists()
    assert Enrollment.objects.filter(classroom=classroom, student=pupil).exists()

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.context["user"] == pupil
    assert teachers_set.title in page.content.decode()
    assert reverse("attempt_start", args=[teachers_set.pk]) in page.content.decode()


def test_a_new_instructor_gets_a_teacher_account_and_their_class(launcher):
    response = launcher(
        sub="new-teacher", roles=["Instructor"], given_name="Marie", family_name="Curie"
    )
    assert response.status_code == 302 and response["Location"] == reverse("teacher_sets")
    teacher = PlatformAccount.objects.get(subject="new-teacher").user
    assert teacher.username == "marie.curie" and is_teacher(teacher)
    assert CourseClass.objects.get().classroom.teacher == teacher


def test_second_launch_signs_in_the_same_account_and_enrols_once(
    client, launcher, teachers_set, linked_teacher
):
    launcher.teacher(teachers_set)
    for _ in range(2):
        client.logout()
        launcher.learner(teachers_set)
    assert PlatformAccount.objects.filter(subject="learner-sub-1").count() == 1
    assert Enrollment.objects.count() == 1


def test_a_learner_before_any_teacher_is_told_to_wait_and_no_class_is_made(launcher, teachers_set):
    response = launcher.learner(teachers_set)
    assert response.status_code == 403
    assert "pas encore ouvert quizsite dans ce cours" in response.content.decode()
    assert not Classroom.objects.exists() and not Enrollment.objects.exists()


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_staff_and_administrators_never_sign_in_through_a_platform(
    client, launcher, platform, teacher, flag
):
    setattr(teacher, flag, True)
    teacher.save()
    PlatformAccount.objects.create(issuer=platform.issuer, subject="admin-sub", user=teacher)
    response = launcher(sub="admin-sub", roles=[INSTRUCTOR])
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session
    assert not Classroom.objects.exists()


def test_a_platform_cannot_make_a_pupils_account_a_teacher(launcher, platform):
    pupil = make_student("dominique")
    PlatformAccount.objects.create(issuer=platform.issuer, subject="pupil-sub", user=pupil)
    response = launcher(sub="pupil-sub", roles=[INSTRUCTOR])
    assert response.status_code == 403
    assert "compte d’élève" in response.content.decode()
    assert not is_teacher(pupil) and not Classroom.objects.exists()


def test_a_teacher_enrolled_as_learner_is_never_put_in_the_class(
    client, launcher, platform, teachers_set, linked_teacher, other_teacher
):
    launcher.teacher(teachers_set)
    client.logout()
    PlatformAccount.objects.create(issuer=platform.issuer, subject="colleague", user=other_teacher)
    response = launcher(sub="colleague", roles=[LEARNER])
    assert response.status_code == 302
    assert not Enrollment.objects.filter(student=other_teacher).exists()


def test_an_inactive_deployment_is_refused_before_anything_is_recorded(launcher):
    LtiDeployment.objects.update(is_active=False)
    response = launcher.learner()
    assert response.status_code == 403
    assert "pas encore activé" in response.content.decode()
    assert not PlatformAccount.objects.exists() and User.objects.count() == 0


def test_a_role_without_quizsite_role_is_refused(launcher):
    response = launcher(sub="mentor", roles=["Mentor"])
    assert response.status_code == 403
    assert not PlatformAccount.objects.exists()


def test_login_from_an_unregistered_platform_is_a_clear_400(client, registration):
    registration.issuer = "https://inconnu.example"  # not what is stored
    response = client.get(
        reverse("lti_login", args=[registration.uuid]),
        {
            "iss": registration.issuer,
            "client_id": "x",
            "login_hint": "u",
            "target_link_uri": "http://testserver/lti/lancement/",
        },
    )
    assert response.status_code == 400
    assert "pas enregistrée" in response.content.decode()


def test_a_launch_inside_the_platforms_frame_opens_quizsite_in_a_window_of_its_own(
    client, launcher, platform, teachers_set, linked_teacher
):
    launcher.teacher(teachers_set)
    client.logout()
    framed = {"document_target": "iframe", "return_url": f"{platform.url}/course/view.php?id=42"}
    claims = {**platform.resource_claims(target=set_url(teachers_set)), PRESENTATION: framed}
    response = launcher(sub="learner-sub-1", roles=[LEARNER], claims=claims)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert response["Content-Security-Policy"].endswith(f"frame-ancestors {platform.url}")
    entry = response.context["entry_url"]
    assert f'href="{entry}" target="_blank"' in response.content.decode()

    window = Client()  # a new top-level window: the frame's third-party cookies are not there
    landed = window.get(entry)
    assert landed.status_code == 302
    assert landed["Location"] == reverse("lti_set", args=[teachers_set.pk])
    pupil = PlatformAccount.objects.get(subject="learner-sub-1").user
    assert window.get(landed["Location"]).context["user"] == pupil
    assert window.get(landed["Location"])["X-Frame-Options"] == "DENY"  # the site stays unframed

    again = Client().get(entry)
    assert again.status_code == 403 and "_auth_user_id" not in again.wsgi_request.session


def test_a_forged_or_altered_window_link_signs_nobody_in(client, teachers_set):
    for token in ("forged", "eyJ1c2VyIjoxfQ:1tZ:abc"):
        response = client.get(reverse("lti_enter", args=[token]))
        assert response.status_code == 403
        assert "_auth_user_id" not in response.wsgi_request.session


def test_deleting_an_account_deletes_what_the_platform_said_of_it(launcher):
    launcher(sub="new-teacher", roles=[INSTRUCTOR], email="marie.curie@college.fr")
    account = PlatformAccount.objects.get(subject="new-teacher")
    assert LtiUser.objects.get(sub="new-teacher").email == "marie.curie@college.fr"
    account.user.delete()
    assert not LtiUser.objects.exists() and not PlatformAccount.objects.exists()


def test_the_login_answers_with_the_platforms_auth_request(client, registration):
    auth = login_initiation(client, registration, sub="u-1")
    assert auth["client_id"] == registration.client_id
    assert auth["redirect_uri"] == "http://testserver/lti/lancement/"
    assert auth["response_type"] == "id_token" and auth["response_mode"] == "form_post"
    assert auth["login_hint"] == "u-1" and auth["lti_message_hint"] == "hint-1"
    assert auth["prompt"] == "none" and auth["scope"] == "openid"
    assert len(auth["nonce"]) >= 32 and auth["state"].startswith("state-")


def test_over_https_the_login_cookies_cross_sites_and_the_launch_needs_them(
    client, platform, registration
):
    """In production the platform posts the id_token from its own site: the state and launch
    cookies are SameSite=None and Secure, and a launch without them is refused."""
    params = {
        "iss": registration.issuer,
        "client_id": registration.client_id,
        "login_hint": "u-2",
        "target_link_uri": "https://testserver/lti/lancement/",
    }
    response = client.get(reverse("lti_login", args=[registration.uuid]), params, secure=True)
    cookies = {name: morsel for name, morsel in response.cookies.items() if "lti1p3" in name}
    assert {name.split("-")[1] for name in cookies} == {"state", "session"}
    assert all(m["secure"] and m["samesite"] == "None" and m["httponly"] for m in cookies.values())
    auth = {k: v[0] for k, v in parse_qs(urlsplit(response["Location"]).query).items()}
    assert auth["redirect_uri"] == "https://testserver/lti/lancement/"
    token = platform.id_token(
        nonce=auth["nonce"], sub="u-2", roles=[INSTRUCTOR], **platform.resource_claims(target="")
    )
    post = {"id_token": token, "state": auth["state"]}

    stripped = Client()  # a browser that dropped the cookies (a frame, third-party cookies off)
    assert stripped.post("/lti/lancement/", post, secure=True).status_code == 403
    assert client.post("/lti/lancement/", post, secure=True).status_code == 302
