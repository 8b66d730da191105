"""A teacher places one of their published sets in a course: quizsite answers the platform's
deep-linking request with an LtiResourceLink content item, in a JWT signed with the tool's key
and verifiable with its JWKS."""

import re
from html import unescape

from django.test import Client
from django.urls import reverse

from quizzes.models import Classroom, QuestionSet
from tests.lti.conftest import LAUNCH_URL
from tests.lti.platform import CLIENT_ID, DEPLOYMENT_ID, INSTRUCTOR, LEARNER, verify_with_jwks

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


def deep_linking_launch(launcher, roles=(INSTRUCTOR,)):
    claims = launcher.platform.deep_linking_claims(target=LAUNCH_URL)
    return launcher(sub="teacher-sub-1", roles=list(roles), claims=claims)


def choose(picker, set_id):
    """The teacher's choice, posted from the picker (in the platform's frame: no cookie)."""
    return Client().post(
        reverse("lti_deep_link"), {"state": picker.context["state"], "set": set_id}
    )


def test_the_teacher_picks_a_set_and_the_platform_gets_a_signed_link_to_it(
    launcher, platform, teachers_set, linked_teacher, other_teacher, tool_jwks
):
    QuestionSet.objects.create(title="Brouillon", owner=linked_teacher, which_first_count=1)
    QuestionSet.objects.create(
        title="Série d’un collègue",
        owner=other_teacher,
        which_first_count=1,
        status=QuestionSet.Status.PUBLISHED,
    )
    picker = deep_linking_launch(launcher)
    assert picker.status_code == 200  # the picker answers the launch: no cookie needed
    offered = [question_set.title for question_set in picker.context["question_sets"]]
    assert offered == [teachers_set.title]  # published and hers only
    assert f"frame-ancestors {platform.url}" in picker["Content-Security-Policy"]
    assert "X-Frame-Options" not in picker

    answer = choose(picker, teachers_set.pk)
    assert answer.status_code == 200
    page = answer.content.decode()
    assert f'action="{platform.url}/deep-linking/return"' in page
    assert f"form-action 'self' {platform.url}" in answer["Content-Security-Policy"]
    token = unescape(re.search(r'name="JWT" value="([^"]+)"', page).group(1))

    claims = verify_with_jwks(token, tool_jwks, audience=platform.issuer)
    assert claims["iss"] == CLIENT_ID
    assert claims["https://purl.imsglobal.org/spec/lti/claim/message_type"] == (
        "LtiDeepLinkingResponse"
    )
    assert claims["https://purl.imsglobal.org/spec/lti/claim/deployment_id"] == DEPLOYMENT_ID
    assert claims[DL + "data"] == "opaque-platform-data"
    (item,) = claims[DL + "content_items"]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == teachers_set.title
    assert item["url"] == "http://testserver" + reverse("lti_set", args=[teachers_set.pk])
    assert item["lineItem"]["scoreMaximum"] == 2  # two questions, one point each
    assert item["window"] == {"targetName": "quizsite"}

    classroom = Classroom.objects.get(lti_course__isnull=False)
    assert teachers_set.classrooms.filter(pk=classroom.pk).exists()
    # One answer per request: posting again is refused.
    assert choose(picker, teachers_set.pk).status_code == 403


def test_another_teachers_set_or_a_tampered_id_is_refused_and_nothing_is_signed(
    launcher, platform, teachers_set, linked_teacher, other_teacher
):
    theirs = QuestionSet.objects.create(
        title="Série d’un collègue",
        owner=other_teacher,
        which_first_count=1,
        status=QuestionSet.Status.PUBLISHED,
    )
    picker = deep_linking_launch(launcher)
    for value in (theirs.pk, "999999", "1 OR 1=1", ""):
        response = choose(picker, value)
        assert response.status_code == 400
        assert "JWT" not in response.content.decode()
    assert not theirs.classrooms.exists() and not teachers_set.classrooms.exists()
    assert choose(picker, teachers_set.pk).status_code == 200  # a mistake does not use it up


def test_a_learner_cannot_place_a_set(launcher, platform, teachers_set):
    response = deep_linking_launch(launcher, roles=[LEARNER])
    assert response.status_code == 403
    assert "Seuls les enseignants" in response.content.decode()


def test_the_picker_without_a_signed_request_says_where_to_start(teacher_client, teachers_set):
    for state in ("", "forged:state", "eyJ0ZWFjaGVyIjoxfQ:1abc:def"):
        response = teacher_client.post(
            reverse("lti_deep_link"), {"state": state, "set": teachers_set.pk}
        )
        assert response.status_code == 403
        assert "Ajouter une activité" in response.content.decode()
    assert teacher_client.get(reverse("lti_deep_link")).status_code == 405


def test_the_return_page_posts_itself_with_a_script_file_and_a_button_without_javascript(
    launcher, platform, teachers_set, linked_teacher
):
    picker = deep_linking_launch(launcher)
    page = choose(picker, teachers_set.pk).content.decode()
    assert "js/lti_return" in page and "<script>" not in page
    assert 'type="submit"' in page


def test_a_request_whose_class_was_deleted_meanwhile_is_refused(
    launcher, teachers_set, linked_teacher
):
    picker = deep_linking_launch(launcher)
    Classroom.objects.all().delete()
    response = choose(picker, teachers_set.pk)
    assert response.status_code == 403
    assert "n’est plus valable" in response.content.decode()
    assert not teachers_set.classrooms.exists()
