"""Reads compiled once per process (quizsite.prepared) give exactly what the ORM gives, and
the sessions read through them stay the database's: nothing is kept between requests."""

from datetime import timedelta

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.models import Session
from django.db.models import F
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from quizsite.prepared import PreparedQuery
from quizzes.attempts import start_attempt
from quizzes.models import Attempt, AttemptQuestion
from quizzes.progress import _missed_facts, facts_to_review
from quizzes.views.student import FINISHED_ATTEMPTS, QUESTION_WITH_ATTEMPT
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import PASSWORD


def fields(instance) -> dict:
    return {k: v for k, v in vars(instance).items() if not k.startswith("_")}


@pytest.fixture
def answered_attempt(student_client, student, default_sets):
    """An attempt of Camille's with its first question answered (right) and the second wrong."""
    attempt = start_attempt(default_sets["Quiz mixte"], user=student)
    for position, post in ((1, right_answer_post), (2, wrong_answer_post)):
        question = attempt.questions.get(position=position)
        url = reverse("attempt_question", args=[attempt.pk, position])
        assert student_client.post(url, post(question.data)).status_code == 200
    return attempt


def test_the_prepared_question_read_equals_the_orm_read_with_its_attempt_and_set(
    answered_attempt,
):
    for position in (1, 2, 3):
        orm = AttemptQuestion.objects.select_related("attempt__question_set").get(
            attempt=answered_attempt, position=position
        )
        prepared = QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, position)
        assert fields(prepared) == fields(orm)
        assert fields(prepared.attempt) == fields(orm.attempt)
        assert fields(prepared.attempt.question_set) == fields(orm.attempt.question_set)
    answered = QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, 1)
    assert answered.answered_at.tzinfo is not None  # an aware datetime, as the ORM gives
    assert answered.response is not None and answered.score == 1.0


def test_a_missing_question_or_an_id_beyond_the_database_range_is_none_not_an_error(
    answered_attempt,
):
    assert QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, 999) is None
    assert QUESTION_WITH_ATTEMPT.get(answered_attempt.pk + 1000, 1) is None
    assert QUESTION_WITH_ATTEMPT.get(2**63, 1) is None
    assert QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, 2**70) is None


def test_the_prepared_results_read_defers_the_same_columns_and_costs_no_later_query(
    answered_attempt, student, django_assert_num_queries
):
    for _ in range(3):
        finished = start_attempt(answered_attempt.question_set, user=student)
        Attempt.objects.filter(pk=finished.pk).update(
            finished_at=timezone.now(), answered_count=F("question_count"), score=2
        )
    orm = list(
        Attempt.objects.filter(user=student, finished_at__isnull=False)
        .select_related("question_set")
        .only("finished_at", "score", "question_count", "question_set__title")
        .order_by("finished_at", "pk")
    )
    with django_assert_num_queries(1):
        prepared = FINISHED_ATTEMPTS.all(student.pk)
        shown = [(a.finished_at, a.percent, a.question_set.title) for a in prepared]
    assert [fields(a) for a in prepared] == [fields(a) for a in orm]
    assert shown == [(a.finished_at, a.percent, a.question_set.title) for a in orm]
    assert prepared[0].get_deferred_fields() == orm[0].get_deferred_fields()


def test_facts_to_review_on_the_page_and_in_the_export_agree(answered_attempt, student):
    on_page = facts_to_review(student)
    everything = facts_to_review(student, limit=None)
    assert on_page, "the wrong answer left facts to review"
    assert [(i.fact.pk, i.misses, i.answers) for i in on_page] == [
        (i.fact.pk, i.misses, i.answers) for i in everything[: len(on_page)]
    ]
    # The same counts as counting the results one by one.
    for item in everything:
        results = item.fact.results.filter(user=student)
        assert item.answers == results.count()
        assert item.misses == results.filter(correct=False).count() > 0
    assert list(_missed_facts(student.pk, None)) == [i.fact for i in everything]


def test_a_second_row_for_get_is_an_error_not_a_silent_choice(answered_attempt):
    by_attempt = PreparedQuery(
        lambda attempt_id: AttemptQuestion.objects.filter(attempt__pk=attempt_id), int
    )
    with pytest.raises(AttemptQuestion.MultipleObjectsReturned):
        by_attempt.get(answered_attempt.pk)
    assert len(by_attempt.all(answered_attempt.pk)) == answered_attempt.question_count


@pytest.mark.django_db
def test_an_argument_the_orm_transforms_is_refused_when_compiled():
    containing = PreparedQuery(lambda text: Session.objects.filter(session_key__contains=text), str)
    with pytest.raises(ValueError, match="do not reach the SQL unchanged"):
        containing.get("abc")


@pytest.mark.django_db
def test_sessions_are_read_through_the_prepared_store_when_there_is_no_redis(settings):
    # With REDIS_URL, sessions are Django's cached_db, shared by every server through Redis.
    expected = (
        "django.contrib.sessions.backends.cached_db" if settings.REDIS_URL else "quizsite.sessions"
    )
    assert expected == settings.SESSION_ENGINE


@pytest.fixture
def prepared_session_client(settings, student):
    """A pupil signed in through the prepared session store, whatever the run's cache (the
    store is the one used without Redis; these tests read it on SQLite and PostgreSQL alike)."""
    settings.SESSION_ENGINE = "quizsite.sessions"
    client = Client()
    client.force_login(student)
    return client


def test_a_session_ended_elsewhere_is_ended_at_the_next_request(prepared_session_client):
    """Another worker process logging the pupil out deletes the row: no copy survives here."""
    assert prepared_session_client.get(reverse("results")).status_code == 200
    Session.objects.all().delete()
    response = prepared_session_client.get(reverse("results"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_an_expired_session_is_not_read(prepared_session_client):
    assert prepared_session_client.get(reverse("results")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = prepared_session_client.get(reverse("results"))
    assert response.status_code == 302


def test_a_changed_setting_forgets_the_compiled_sql(answered_attempt):
    assert QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, 1) is not None
    assert QUESTION_WITH_ATTEMPT._compiled
    with override_settings(TIME_ZONE="America/New_York"):
        assert not QUESTION_WITH_ATTEMPT._compiled
        assert QUESTION_WITH_ATTEMPT.get(answered_attempt.pk, 1) is not None


def test_a_session_opened_with_djangos_backend_stays_signed_in_and_moves_to_ours(
    student_client, student
):
    session = student_client.session
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session.save()
    response = student_client.get(reverse("results"))
    assert response.status_code == 200 and response.wsgi_request.user == student
    assert student_client.session[BACKEND_SESSION_KEY] == "quizsite.auth.ModelBackend"


def test_a_deactivated_user_is_signed_out_at_the_next_request(student_client, student):
    assert student_client.get(reverse("results")).status_code == 200
    type(student).objects.filter(pk=student.pk).update(is_active=False)
    assert student_client.get(reverse("results")).status_code == 302


def test_a_password_changed_elsewhere_ends_the_session(student_client, student):
    assert student_client.get(reverse("results")).status_code == 200
    student.set_password("un-tout-autre-mot-de-passe-17")
    student.save()
    assert student_client.get(reverse("results")).status_code == 302


def test_the_login_form_signs_in_through_our_backend(client, student):
    response = client.post(reverse("login"), {"username": "camille", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == "quizsite.auth.ModelBackend"
    assert client.get(reverse("results")).wsgi_request.user == student
