"""The audit suite's pages and the data that fills them.

Every audit (axe-core, the Nu HTML Checker, phone layout) walks `AUDIT_PAGES`: adding a page to
all of them is one `AuditPage(name, url, user)` line. `url` receives the `Scenario` (a student
with one unanswered and one answered attempt; a teacher with a class of three, a second class of
six who all finished the set, a draft set with a pinned question; the teacher's own text, read,
with proposals left to review, accepted and rejected ones, and a second text still being read)
and returns a path. A page
with `post` is requested by POST with that form data (the builder's preview without JavaScript).

Question kinds beyond the main set's chronology and matching each get a set of their own: one
`KIND_SETS` entry adds the kind's question page, its feedback page and the teacher's results for
it to every audit, and the kind to the builder's preview of them all ("set-preview-kinds").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils.crypto import get_random_string

from tests.browser import conftest as browser_fixtures
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import make_class, make_student, make_teacher, published_set
from tests.sources.conftest import CUBA

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

# One entry per question kind asked by a set of its own: page name → the set's fields ("facts":
# which facts the set draws from, all by default). The audits open the kind's first question
# unanswered (<name>), answered partly wrong (<name>-feedback), and the set's results for a
# class of six (<name>-results).
KIND_SETS = {
    "which-first": {"which_first_count": 1},
    # The only fact dated to the day that the set draws from: the month and year are asked.
    "date-entry": {"date_entry_count": 1, "facts": Q(date_label="Le 26 juillet")},
    "causes-matching": {"matching_count": 1, "matching_pairs": 3, "matching_relations": ["causes"]},
    "true-false": {"true_false_count": 1},
    # Events alone: by year. Facts about people and groups alone: by side (Alliés ↔ Axe).
    "odd-one-out": {"odd_one_out_count": 1, "facts": Q(kind="event")},
    "odd-one-out-by-side": {"odd_one_out_count": 1, "facts": Q(kind="role")},
}


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
    results_class: object  # six students who finished the set: histogram and item statistics
    draft_set: object  # the teacher's draft, with a pinned chronology
    own_source: object  # the teacher's text, read: proposals to review, facts, one rejected
    reading_source: object  # another text of theirs, its reading queued: the progress bar
    pending_candidate: object  # a dated proposal of own_source, to edit before accepting
    pupil: object  # made by the teacher's class list, still with a one-time password
    kinds: dict[str, KindScenario] = field(default_factory=dict)  # by KIND_SETS name

    def question_url(self, attempt, kind: str | None = None) -> str:
        questions = attempt.questions.order_by("position")
        position = (questions.filter(kind=kind) if kind else questions).first().position
        return reverse("attempt_question", args=[attempt.pk, position])

    def kind_question_url(self, name: str, *, answered: bool) -> str:
        kind = self.kinds[name]
        return self.question_url(kind.done_attempt if answered else kind.open_attempt)

    def trials_used_up_url(self) -> str:
        """The sample quiz's « Essayer » (a visitor's POST) once the whole site's trials of
        the hour are used up: the 429 page. This hour's window and the next are both full, so
        the page is the same if the clock turns the hour before the request."""
        from django.utils import timezone

        from quizzes.models import FailureCount, QuestionSet
        from quizzes.visitors import TRIAL_WINDOW, VISITOR_TRIAL

        now = timezone.now()
        for moment in (now, now + TRIAL_WINDOW):
            FailureCount.objects.update_or_create(
                scope=VISITOR_TRIAL,
                key="site",
                window_start=FailureCount.window_of(moment, TRIAL_WINDOW),
                defaults={"count": settings.VISITOR_TRIALS_PER_HOUR + 1},
            )
        sample = QuestionSet.objects.get(is_sample=True)
        return reverse("attempt_start", args=[sample.pk])

    def kind_results_url(self, name: str) -> str:
        args = [self.results_class.pk, self.kinds[name].question_set.pk]
        return reverse("teacher_results_detail", args=args)


@dataclass
class KindScenario:
    """A KIND_SETS entry's set, as the scenario's student and results class took it."""

    question_set: object
    open_attempt: object  # nothing answered
    done_attempt: object  # answered partly wrong


@dataclass(frozen=True)
class AuditPage:
    name: str
    url: Callable[[Scenario], str]
    # who is logged in: "anonymous", "student", "teacher" or "pupil" (a one-time password)
    user: str = "anonymous"
    post: Callable[[Scenario], dict] | None = None  # form data: the page is a POST's answer

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
    AuditPage("join-class", lambda s: reverse("join_class"), "student"),
    AuditPage("privacy", lambda s: reverse("privacy")),
    # A visitor's « Essayer » once the hour's trials are used up (HTTP 429, nothing started).
    AuditPage("trial-limit", lambda s: s.trials_used_up_url(), post=lambda s: {}),
    AuditPage("my-data", lambda s: reverse("my_data"), "student"),
    # A wrong password: the page again with the error (HTTP 400, nothing deleted).
    AuditPage(
        "my-data-wrong-password",
        lambda s: reverse("delete_account"),
        "student",
        lambda s: {"password": "pas-le-bon-mot-de-passe"},
    ),
    AuditPage("my-data-teacher", lambda s: reverse("my_data"), "teacher"),
    AuditPage("teacher-classes", lambda s: reverse("teacher_classes"), "teacher"),
    AuditPage("class-roster", lambda s: reverse("teacher_class", args=[s.classroom.pk]), "teacher"),
    AuditPage(
        "class-delete-student",
        lambda s: reverse("teacher_class_delete_student", args=[s.classroom.pk, s.student.pk]),
        "teacher",
    ),
    AuditPage("set-list", lambda s: reverse("teacher_sets"), "teacher"),
    AuditPage("set-new", lambda s: reverse("teacher_set_create"), "teacher"),
    AuditPage(
        "set-new-preview",
        lambda s: reverse("teacher_set_preview"),
        "teacher",
        lambda s: new_set_post(s),
    ),
    AuditPage(
        "set-edit-preview",
        lambda s: reverse("teacher_set_preview", args=[s.draft_set.pk]),
        "teacher",
        lambda s: builder_post(s.draft_set),
    ),
    AuditPage(
        "set-delete", lambda s: reverse("teacher_set_delete", args=[s.question_set.pk]), "teacher"
    ),
    AuditPage(
        "set-import", lambda s: reverse("teacher_set_import", args=[s.question_set.pk]), "teacher"
    ),
    # A tampered number of variants: the explanation page (HTTP 400).
    AuditPage(
        "set-export-refused",
        lambda s: reverse("teacher_set_export_moodle", args=[s.question_set.pk]) + "?variantes=0",
        "teacher",
    ),
    AuditPage("teacher-sources", lambda s: reverse("teacher_sources"), "teacher"),
    AuditPage(
        "teacher-source-new-errors",
        lambda s: reverse("teacher_source_create"),
        "teacher",
        lambda s: {"title": "", "author": "", "language": "auto", "text": ""},
    ),
    AuditPage(
        "teacher-source-reading",
        lambda s: reverse("teacher_source", args=[s.reading_source.pk]),
        "teacher",
    ),
    AuditPage(
        "teacher-source-review",
        lambda s: reverse("teacher_source", args=[s.own_source.pk]),
        "teacher",
    ),
    AuditPage(
        "teacher-candidate-edit",
        lambda s: reverse("teacher_candidate_edit", args=[s.own_source.pk, s.pending_candidate.pk]),
        "teacher",
    ),
    AuditPage("results-overview", lambda s: reverse("teacher_results"), "teacher"),
    # Spaced review and mastery (issue 13): the student's cards come from their answers above.
    AuditPage("review", lambda s: reverse("review"), "student"),
    AuditPage("my-mastery", lambda s: reverse("my_mastery"), "student"),
    AuditPage(
        "class-mastery",
        lambda s: reverse("teacher_class_mastery", args=[s.results_class.pk]),
        "teacher",
    ),
    AuditPage(
        "results-detail",
        lambda s: reverse("teacher_results_detail", args=[s.results_class.pk, s.question_set.pk]),
        "teacher",
    ),
]


for name in KIND_SETS:
    AUDIT_PAGES += [
        AuditPage(name, lambda s, name=name: s.kind_question_url(name, answered=False), "student"),
        AuditPage(
            f"{name}-feedback",
            lambda s, name=name: s.kind_question_url(name, answered=True),
            "student",
        ),
        AuditPage(f"{name}-results", lambda s, name=name: s.kind_results_url(name), "teacher"),
    ]
AUDIT_PAGES += [
    # Pupils' accounts: the class list form, with its errors, the printable cards, a reset, and
    # the page where a pupil with a one-time password chooses their own.
    AuditPage(
        "class-accounts",
        lambda s: reverse("teacher_class_accounts", args=[s.classroom.pk]),
        "teacher",
    ),
    AuditPage(
        "class-accounts-errors",
        lambda s: reverse("teacher_class_accounts", args=[s.classroom.pk]),
        "teacher",
        lambda s: {"names": "Camille Lefèvre\n12345\nCamille Lefèvre"},
    ),
    AuditPage(
        "class-accounts-sheet",
        lambda s: reverse("teacher_class_accounts", args=[s.classroom.pk]),
        "teacher",
        lambda s: {"names": "Camille Lefèvre\nZoé Hervé\nLéo Martin"},
    ),
    AuditPage(
        "reset-password",
        lambda s: reverse("teacher_class_reset_password", args=[s.classroom.pk, s.pupil.pk]),
        "teacher",
    ),
    AuditPage("choose-password", lambda s: reverse("choose_password"), "pupil"),
    AuditPage(
        "choose-password-errors",
        lambda s: reverse("choose_password"),
        "pupil",
        lambda s: {"new_password1": "lina", "new_password2": "autre"},
    ),
    AuditPage(
        "set-preview-kinds",
        lambda s: reverse("teacher_set_preview"),
        "teacher",
        lambda s: kinds_preview_post(s),
    ),
    # A year in words, as a browser without form validation would send it: the form again, with
    # the error (HTTP 400, nothing stored).
    AuditPage(
        "date-entry-error",
        lambda s: s.kind_question_url("date-entry", answered=False),
        "student",
        lambda s: {"year": "mille neuf cent", "month": "7"},
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
    """The right answer with two items (or two answers) swapped: feedback shows both verdicts.
    A question answered in one choice, or one date, gets the wrong answer (for a date asked to
    the month: the right year, the wrong month)."""
    if question["kind"] not in ("chronology", "matching"):
        return wrong_answer_post(question)
    post = right_answer_post(question)
    first, second = list(post)[:2]
    post[first], post[second] = post[second], post[first]
    return post


def _finish(attempt, wrong_positions: set[int]):
    for attempt_question in attempt.questions.order_by("position"):
        question = attempt_question.data
        wrong = attempt_question.position in wrong_positions
        _answer(attempt_question, _partly_wrong(question) if wrong else right_answer_post(question))


def builder_post(question_set) -> dict:
    """The builder form's fields as the page fills them for this set (stored or new)."""
    from quizzes.forms.question_sets import QuestionSetForm

    instance = question_set if question_set.pk else None
    form = QuestionSetForm(owner=question_set.owner, instance=instance)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list | tuple):
            data[name] = [getattr(item, "pk", item) for item in value]
        elif value is not None:
            data[name] = getattr(value, "pk", value)
    data["preview"] = "1"
    return data


def new_set_post(scenario: Scenario) -> dict:
    from quizzes.models import QuestionSet

    return {
        **builder_post(QuestionSet(owner=scenario.teacher)),
        "title": "Libération de Paris",
        "instructions": "Remettez les événements dans l’ordre.",
    }


def kinds_preview_post(scenario: Scenario) -> dict:
    """The builder asking one question of each KIND_SETS kind, and nothing else."""
    post = {**new_set_post(scenario), "chronology_count": 0, "matching_count": 0}
    for fields in KIND_SETS.values():
        post.update({key: value for key, value in fields.items() if key != "facts"})
    return post


def _draft_with_a_pin(teacher, classroom):
    from quizzes.models import Fact, PinnedQuestion, QuestionSet

    draft = QuestionSet.objects.create(
        owner=teacher,
        title="Débarquement : brouillon",
        chronology_count=1,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["role"],
        status=QuestionSet.Status.DRAFT,
    )
    draft.classrooms.add(classroom)
    # Three events whose date ranges follow one another, as a pinned chronology needs.
    events, last_end = [], None
    for fact in Fact.objects.filter(kind=Fact.Kind.EVENT).order_by("date_start", "pk"):
        if last_end is None or fact.date_start > last_end:
            events.append(fact)
            last_end = fact.date_end
        if len(events) == 3:
            break
    pin = PinnedQuestion.objects.create(question_set=draft, kind=PinnedQuestion.Kind.CHRONOLOGY)
    pin.facts.set(events)
    return draft


def _own_sources(teacher):
    """The teacher's text read for real (the worker's job, run here), partly reviewed; and a
    second text whose reading is still queued."""
    from quizzes import fact_review, source_reading
    from quizzes.models import CandidateFact

    source = source_reading.create_source(
        owner=teacher,
        title="La crise de Cuba",
        author="Mme Audit",
        language="fr",
        text=CUBA,
        filename="crise-de-cuba.docx",
    )
    source_reading.run_extraction(job_id=source.extraction_jobs.get().pk)
    candidates = list(source.candidates.in_text_order())
    events = [c for c in candidates if c.kind == "event"]
    others = [c for c in candidates if c.kind != "event"]
    fact_review.accept_candidate(candidate=events[0], user=teacher)
    changes = {"text": "Kennedy réunit ses conseillers"}
    fact_review.accept_candidate(candidate=events[1], user=teacher, changes=changes)
    fact_review.reject_candidate(candidate=others[0])
    reading = source_reading.create_source(
        owner=teacher, title="Cuba, en cours de lecture", author="", language="fr", text=CUBA
    )
    pending = source.candidates.filter(status=CandidateFact.Status.PROPOSED, kind="event")
    return source, reading, pending.order_by("quote_start").first()


def _kind_scenarios(student, classrooms, results_students) -> dict[str, KindScenario]:
    """For each KIND_SETS entry, a published set of that kind alone; two attempts of the
    student (one untouched, one answered partly wrong), and the results class's, some right."""
    from quizzes.attempts import start_attempt
    from quizzes.models import Fact

    kinds = {}
    for name, fields in KIND_SETS.items():
        fields = dict(fields)
        facts = fields.pop("facts", None)
        question_set = published_set(
            owner=None,
            title=f"Audit : {name}",
            classrooms=classrooms,
            **{"chronology_count": 0, "matching_count": 0, **fields},
        )
        if facts is not None:
            question_set.facts.set(Fact.objects.filter(facts))
        done_attempt = start_attempt(question_set, user=student)
        _finish(done_attempt, wrong_positions={1})
        for index, results_student in enumerate(results_students):
            _finish(start_attempt(question_set, user=results_student), {1} if index % 2 else set())
        kinds[name] = KindScenario(
            question_set, start_attempt(question_set, user=student), done_attempt
        )
    return kinds


def build_scenario(student) -> Scenario:
    """Needs the shipped facts loaded."""
    from django.contrib.auth import get_user_model

    from quizzes.attempts import start_attempt
    from quizzes.class_accounts import create_class_accounts
    from quizzes.models import Enrollment, Source

    teacher = make_teacher("mme-audit")
    classroom = make_class(teacher=teacher, name="3e B", pupils=[student])
    # Offered to the class before anyone answers: answers are stored only while it is.
    question_set = published_set(
        owner=teacher,
        title="Campagne d’Italie : audit",
        classrooms=[classroom],
        instructions="Une chronologie, puis une association.",
        chronology_count=1,
        chronology_items=4,
        matching_count=1,
        matching_pairs=3,
        matching_relations=["role"],
    )
    open_attempt = start_attempt(question_set, user=student)
    done_attempt = start_attempt(question_set, user=student)
    for attempt_question in done_attempt.questions.order_by("position"):
        _answer(attempt_question, _partly_wrong(attempt_question.data))
    done_attempt.refresh_from_db()
    other_attempt = start_attempt(question_set, user=make_student("dominique-audit"))

    # The roster: three students, one who has not started yet.
    for username in ("sacha-audit", "lou-audit"):
        Enrollment.objects.create(classroom=classroom, student=make_student(username))
    # Six students who finished (five are needed for item statistics), with varied scores.
    results_class = make_class(teacher=teacher, name="4e A")
    question_set.classrooms.add(results_class)
    own_source, reading_source, pending_candidate = _own_sources(teacher)
    (card,) = create_class_accounts(classroom=classroom, teacher=teacher, names=["Lina Morel"])
    results_students = []
    for index, wrong in enumerate([set(), {1}, {2}, {1, 2}, set(), {2}]):
        results_student = make_student(f"eleve-{index + 1}-audit")
        results_students.append(results_student)
        Enrollment.objects.create(classroom=results_class, student=results_student)
        _finish(start_attempt(question_set, user=results_student), wrong)
    return Scenario(
        student=student,
        teacher=teacher,
        classroom=classroom,
        question_set=question_set,
        source=Source.objects.order_by("pk").first(),
        open_attempt=open_attempt,
        done_attempt=done_attempt,
        other_attempt=other_attempt,
        results_class=results_class,
        draft_set=_draft_with_a_pin(teacher, classroom),
        own_source=own_source,
        reading_source=reading_source,
        pending_candidate=pending_candidate,
        pupil=get_user_model().objects.get(username=card.username),
        kinds=_kind_scenarios(student, [classroom, results_class], results_students),
    )


def user_of(page: AuditPage, scenario: Scenario):
    users = {"anonymous": None, "student": scenario.student, "teacher": scenario.teacher}
    return {**users, "pupil": scenario.pupil}[page.user]


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


def fetch(client, page: AuditPage, scenario: Scenario):
    """The page as the server sends it, to the test client logged in as the page's user."""
    client.logout()
    user = user_of(page, scenario)
    if user is not None:
        client.force_login(user)
    if page.post is not None:
        return client.post(page.url(scenario), page.post(scenario))
    return client.get(page.url(scenario))


def _navigate_by_post(browser_page, url: str, data: dict, site_url: str):
    """Load url as the answer to a form post: Playwright only navigates by GET, so the
    navigation request is rewritten, with a CSRF cookie and its token."""
    token = get_random_string(32)
    browser_page.context.add_cookies(
        [{"name": settings.CSRF_COOKIE_NAME, "value": token, "url": site_url}]
    )
    body = urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)

    def as_post(route):
        headers = {**route.request.headers, "content-type": "application/x-www-form-urlencoded"}
        route.continue_(method="POST", post_data=body, headers=headers)

    browser_page.route(url, as_post, times=1)
    browser_page.goto(url)


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
        url = live_server.url + page.url(audit_scenario)
        if page.post is not None:
            _navigate_by_post(browser_page, url, page.post(audit_scenario), live_server.url)
        else:
            browser_page.goto(url)
        browser_page.wait_for_load_state("load")
        return browser_page

    yield open_page
    for context in contexts:
        context.close()
