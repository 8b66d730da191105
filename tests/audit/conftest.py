"""The audit suite's pages and the data that fills them.

Every audit (axe-core, the Nu HTML Checker, phone layout) walks `AUDIT_PAGES`: adding a page to
all of them is one `AuditPage(name, url, user)` line. `url` receives the `Scenario` (a student
with one unanswered and one answered attempt, a teacher with a class) and returns a path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.browser import conftest as browser_fixtures
from tests.conftest import make_student, make_teacher, right_answer_post

# The browser tests' fixtures (Debian Chromium, the live server with WhiteNoise, the loaded site).
artifacts = browser_fixtures.artifacts
browser_type_launch_args = browser_fixtures.browser_type_launch_args
live_server = browser_fixtures.live_server
site = browser_fixtures.site

VENDOR = Path(__file__).resolve().parent / "vendor"
AXE_JS = VENDOR / "axe.min.js"
VNU_JAR = VENDOR / "vnu.jar"

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


@dataclass
class Scenario:
    student: object
    teacher: object
    classroom: object
    question_set: object
    source: object
    open_attempt: object  # nothing answered yet: the question forms
    done_attempt: object  # every question answered, partly wrong: feedback and summary
    other_attempt: object  # another student's: a 403 page

    def question_url(self, attempt, kind: str) -> str:
        position = attempt.questions.filter(kind=kind).order_by("position").first().position
        return reverse("attempt_question", args=[attempt.pk, position])


@dataclass(frozen=True)
class AuditPage:
    name: str
    url: Callable[[Scenario], str]
    user: str = "anonymous"  # who is logged in: "anonymous", "student" or "teacher"

    def __str__(self) -> str:
        return self.name


AUDIT_PAGES = [
    AuditPage("home", lambda s: reverse("home")),
    AuditPage("source", lambda s: reverse("source_detail", args=[s.source.pk])),
    AuditPage("login", lambda s: reverse("login")),
    AuditPage("signup", lambda s: reverse("signup")),
    AuditPage("not-found", lambda s: "/page-qui-n-existe-pas/"),
    AuditPage("student-home", lambda s: reverse("student_home"), "student"),
    AuditPage("chronology", lambda s: s.question_url(s.open_attempt, "chronology"), "student"),
    AuditPage("matching", lambda s: s.question_url(s.open_attempt, "matching"), "student"),
    AuditPage(
        "chronology-feedback", lambda s: s.question_url(s.done_attempt, "chronology"), "student"
    ),
    AuditPage("matching-feedback", lambda s: s.question_url(s.done_attempt, "matching"), "student"),
    AuditPage("summary", lambda s: reverse("attempt_summary", args=[s.done_attempt.pk]), "student"),
    AuditPage("results", lambda s: reverse("results"), "student"),
    AuditPage(
        "forbidden", lambda s: reverse("attempt_resume", args=[s.other_attempt.pk]), "student"
    ),
]


def audit_page(name: str) -> AuditPage:
    return next(page for page in AUDIT_PAGES if page.name == name)


def _answer(attempt_question, post: dict):
    from quizzes import answers

    question_set = attempt_question.attempt.question_set
    response = answers.parse_response(attempt_question.data, post)
    graded = answers.grade(
        attempt_question.data,
        response,
        ordering_method=question_set.ordering_method,
        matching_penalty=question_set.matching_penalty,
    )
    answers.submit(attempt_question, response, graded)


def _partly_wrong(question: dict) -> dict:
    """The right answer with two items (or two answers) swapped: feedback shows both verdicts."""
    post = right_answer_post(question)
    first, second = list(post)[:2]
    post[first], post[second] = post[second], post[first]
    return post


def build_scenario(student) -> Scenario:
    """Needs the shipped facts loaded."""
    from quizzes.attempts import start_attempt
    from quizzes.models import Classroom, Enrollment, QuestionSet, Source

    teacher = make_teacher("mme-audit")
    classroom = Classroom.objects.create(name="3e B", teacher=teacher)
    Enrollment.objects.create(classroom=classroom, student=student)
    question_set = QuestionSet.objects.create(
        title="Campagne d’Italie : audit",
        instructions="Une chronologie, puis une association.",
        chronology_count=1,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["role"],
        status=QuestionSet.Status.PUBLISHED,
    )
    open_attempt = start_attempt(question_set, user=student)
    done_attempt = start_attempt(question_set, user=student)
    for attempt_question in done_attempt.questions.order_by("position"):
        _answer(attempt_question, _partly_wrong(attempt_question.data))
    done_attempt.refresh_from_db()
    other_attempt = start_attempt(question_set, user=make_student("dominique-audit"))
    return Scenario(
        student=student,
        teacher=teacher,
        classroom=classroom,
        question_set=question_set,
        source=Source.objects.order_by("pk").first(),
        open_attempt=open_attempt,
        done_attempt=done_attempt,
        other_attempt=other_attempt,
    )


def user_of(page: AuditPage, scenario: Scenario):
    return {"anonymous": None, "student": scenario.student, "teacher": scenario.teacher}[page.user]


@pytest.fixture
def audit_scenario(site) -> Scenario:
    """The scenario on the live server (browser audits)."""
    return build_scenario(site["student"])


@pytest.fixture
def client_scenario(default_sets) -> Scenario:
    """The scenario in a rolled-back test transaction (server-side audits)."""
    return build_scenario(make_student("camille"))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe is injected as an inline script, which the site's Content-Security-Policy forbids.
    return {**browser_context_args, "bypass_csp": True}


@pytest.fixture
def open_audit_page(browser, live_server, audit_scenario):
    """open_audit_page(page, **context_args) → a Playwright page showing it, logged in as its
    user. Contexts are closed at teardown."""
    contexts = []

    def open_page(page: AuditPage, **context_args):
        context = browser.new_context(bypass_csp=True, **context_args)
        contexts.append(context)
        user = user_of(page, audit_scenario)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME]
            context.add_cookies(
                [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
            )
        browser_page = context.new_page()
        browser_page.goto(live_server.url + page.url(audit_scenario))
        browser_page.wait_for_load_state("load")
        return browser_page

    yield open_page
    for context in contexts:
        context.close()
