"""quizsite inside a learning platform, in real headless Chromium: the simulated platform's
course page (tests/lti/platform.py) launches quizsite; a teacher places a set by deep linking,
a pupil takes it from the course, and the score reaches the platform's grade book."""

import re

import pytest
import requests
from django.urls import reverse
from lti_tool.models import Key
from playwright.sync_api import Page, expect

from quizzes.models import Attempt, QuestionSet
from quizzes_lti.models import PlatformAccount
from tests.conftest import make_teacher, run_queued_tasks
from tests.lti.conftest import register_platform
from tests.lti.platform import (
    INSTRUCTOR,
    LEARNER,
    FakePlatform,
    PlatformServer,
    verify_with_jwks,
)

pytestmark = pytest.mark.browser
CONTENT_ITEMS = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items"


@pytest.fixture
def platform():
    platform = FakePlatform()
    with PlatformServer(platform):
        yield platform


@pytest.fixture
def course(site, platform, live_server):
    """Moodle registered in quizsite, Mme Durand's account linked to hers, one published set."""
    registration = register_platform(platform)
    Key.objects.generate()
    teacher = make_teacher("mme-durand")
    PlatformAccount.objects.create(issuer=platform.issuer, subject="teacher-sub-1", user=teacher)
    question_set = QuestionSet.objects.create(
        title="Sicile 1943 : qui d’abord ?",
        owner=teacher,
        chronology_count=0,
        matching_count=0,
        which_first_count=2,
        status=QuestionSet.Status.PUBLISHED,
    )
    login_url = live_server.url + reverse("lti_login", args=[registration.uuid])
    return {
        "set": question_set,
        "login_url": login_url,
        "launch_url": live_server.url + "/lti/lancement/",
    }


def offer(platform, course, name, *, sub, roles, button, claims, target):
    platform.launches[name] = {
        "sub": sub,
        "roles": roles,
        "button": button,
        "claims": claims,
        "target": target,
        "login_url": course["login_url"],
    }
    return platform.course_url(name)


def answer_which_first(page: Page, question, *, right: bool):
    labels = {item["id"]: item["label"] for item in question.data["items"]}
    wanted = (
        question.data["answer"]
        if right
        else next(i for i in labels if i != question.data["answer"])
    )
    page.locator("label").filter(has_text=labels[wanted]).click()
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_role("progressbar", name="Questions répondues")).to_have_attribute(
        "value", str(question.position)
    )


def test_a_set_placed_by_deep_linking_is_taken_from_the_course_and_graded_back(
    page: Page, browser, platform, course, live_server
):
    question_set = course["set"]
    page.goto(
        offer(
            platform,
            course,
            "add-activity",
            sub="teacher-sub-1",
            roles=[INSTRUCTOR],
            button="Ajouter une activité quizsite",
            target=course["launch_url"],
            claims=platform.deep_linking_claims(target=course["launch_url"]),
        )
    )
    page.get_by_role("button", name="Ajouter une activité quizsite").click()
    expect(page.get_by_role("heading", name="Ajouter une série au cours")).to_be_visible()
    page.get_by_label(question_set.title).check()
    page.get_by_role("button", name="Ajouter au cours").click()
    expect(page.get_by_role("heading", name="Activité ajoutée")).to_be_visible()  # back home

    (answer,) = platform.deep_link_answers
    platform.tool_jwks = requests.get(live_server.url + "/lti/jwks.json", timeout=10).json()
    (item,) = verify_with_jwks(answer, platform.tool_jwks, audience=platform.issuer)[CONTENT_ITEMS]
    assert item["url"] == live_server.url + reverse("lti_set", args=[question_set.pk])

    pupil = browser.new_context().new_page()  # another person, another browser
    pupil.goto(
        offer(
            platform,
            course,
            "activity",
            sub="learner-sub-1",
            roles=[LEARNER],
            button=item["title"],
            target=item["url"],
            claims=platform.resource_claims(target=item["url"]),
        )
    )
    pupil.get_by_role("button", name=item["title"]).click()
    card = pupil.locator(".set-card").filter(has_text=question_set.title)
    card.get_by_role("button", name=re.compile("Commencer")).click()
    expect(pupil.get_by_text("Question 1 sur 2")).to_be_visible()
    attempt = Attempt.objects.get(question_set=question_set)
    assert PlatformAccount.objects.get(subject="learner-sub-1").user_id == attempt.user_id
    first, second = attempt.questions.order_by("position")
    answer_which_first(pupil, first, right=True)
    pupil.get_by_role("link", name="Question suivante").click()
    answer_which_first(pupil, second, right=False)

    run_queued_tasks()  # the worker, as `manage.py db_worker` runs it beside the site
    (score,) = platform.scores
    assert (score["scoreGiven"], score["scoreMaximum"]) == (1.0, 2.0)
    assert score["userId"] == "learner-sub-1"
