"""Visitors' trials of the sample quiz cannot fill the database: each address, and the whole
site, may start only so many per hour (counted in the database), and the housekeeping task, run
by the real django-tasks worker, deletes trials and sessions older than a day."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from quizzes.attempts import start_attempt
from quizzes.housekeeping import HOUSEKEEPING_TASK_PATH, schedule_next
from quizzes.models import Attempt, AttemptQuestion, FailureCount
from tests.conftest import run_queued_tasks


@pytest.fixture
def sample(default_sets):
    return default_sets["Quiz mixte"]


def try_sample(sample, address="203.0.113.7"):
    """One « Essayer » from a client without cookies."""
    return Client(REMOTE_ADDR=address).post(reverse("attempt_start", args=[sample.pk]))


def stored_rows() -> tuple[int, int, int]:
    return Attempt.objects.count(), AttemptQuestion.objects.count(), Session.objects.count()


def test_cookie_less_trials_from_one_address_stop_growing_the_database(sample, settings):
    settings.VISITOR_TRIALS_PER_ADDRESS_PER_HOUR = 3
    for _ in range(3):
        assert try_sample(sample).status_code == 302
    after_limit = stored_rows()
    assert after_limit[0] == 3 and after_limit[2] == 3
    for _ in range(20):
        response = try_sample(sample)
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 3600
        assert "Trop d’essais sans compte" in response.content.decode()
    assert stored_rows() == after_limit


def test_the_whole_site_has_a_cap_whatever_the_number_of_addresses(sample, settings):
    settings.VISITOR_TRIALS_PER_HOUR = 5
    statuses = [try_sample(sample, f"198.51.100.{n}").status_code for n in range(1, 9)]
    assert statuses == [302] * 5 + [429] * 3
    assert Attempt.objects.count() == 5


def test_one_address_hammering_does_not_use_up_everybody_elses_trials(sample, settings):
    settings.VISITOR_TRIALS_PER_ADDRESS_PER_HOUR = 2
    settings.VISITOR_TRIALS_PER_HOUR = 5
    statuses = [try_sample(sample, "203.0.113.66").status_code for _ in range(30)]
    assert statuses.count(302) == 2
    assert try_sample(sample, "203.0.113.67").status_code == 302


def test_an_ipv6_slash_64_counts_as_one_address(sample, settings):
    settings.VISITOR_TRIALS_PER_ADDRESS_PER_HOUR = 2
    assert try_sample(sample, "2001:db8:1:2::1").status_code == 302
    assert try_sample(sample, "2001:db8:1:2:ffff::9").status_code == 302
    assert try_sample(sample, "2001:db8:1:2:abcd::5").status_code == 429
    assert try_sample(sample, "2001:db8:1:3::1").status_code == 302


def test_logged_in_students_are_not_counted_as_visitors(sample, student_client, settings):
    settings.VISITOR_TRIALS_PER_ADDRESS_PER_HOUR = 1
    settings.VISITOR_TRIALS_PER_HOUR = 1
    for _ in range(3):
        response = student_client.post(reverse("attempt_start", args=[sample.pk]))
        assert response.status_code == 302
    assert not FailureCount.objects.exists()


def test_a_visitors_session_lasts_only_as_long_as_their_trial_is_kept(sample, settings):
    client = Client()
    client.post(reverse("attempt_start", args=[sample.pk]))
    session = Session.objects.get()
    lifetime = session.expire_date - timezone.now()
    # Deleted at the first housekeeping run after 23 hours: never kept beyond 24 hours.
    assert timedelta(hours=22, minutes=59) < lifetime <= timedelta(hours=23)
    assert settings.VISITOR_DATA_HOURS == 24 and settings.HOUSEKEEPING_INTERVAL_MINUTES == 60


def age(attempt: Attempt, hours: int) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(started_at=timezone.now() - timedelta(hours=hours))


@pytest.mark.django_db(transaction=True)
def test_the_worker_deletes_visitors_trials_and_sessions_after_a_day(default_sets, student):
    sample = default_sets["Quiz mixte"]
    old_client, new_client = Client(), Client()
    old_client.post(reverse("attempt_start", args=[sample.pk]))
    new_client.post(reverse("attempt_start", args=[sample.pk]))
    old_trial = Attempt.objects.get(session_key=old_client.session.session_key)
    new_trial = Attempt.objects.get(session_key=new_client.session.session_key)
    age(old_trial, 25)
    Session.objects.filter(session_key=old_client.session.session_key).update(
        expire_date=timezone.now() - timedelta(minutes=1)
    )
    students_attempt = start_attempt(sample, user=student)
    age(students_attempt, 24 * 30)

    assert schedule_next(delay=timedelta(0))
    run_queued_tasks()  # the real django-tasks worker, as `manage.py db_worker --batch`

    assert not Attempt.objects.filter(pk=old_trial.pk).exists()
    assert not AttemptQuestion.objects.filter(attempt_id=old_trial.pk).exists()
    assert not Session.objects.filter(session_key=old_client.session.session_key).exists()
    assert Attempt.objects.filter(pk=new_trial.pk).exists()
    assert Session.objects.filter(session_key=new_client.session.session_key).exists()
    assert Attempt.objects.filter(pk=students_attempt.pk).exists()  # a student's history stays
    assert new_client.get(reverse("attempt_question", args=[new_trial.pk, 1])).status_code == 200
    assert old_client.get(reverse("attempt_question", args=[old_trial.pk, 1])).status_code == 404

    run = DBTaskResult.objects.get(
        task_path=HOUSEKEEPING_TASK_PATH, status=TaskResultStatus.SUCCESSFUL
    )
    assert run.return_value["visitor_attempts"] == 1
    assert run.return_value["sessions"] == 1
    following = DBTaskResult.objects.get(
        task_path=HOUSEKEEPING_TASK_PATH, status=TaskResultStatus.READY
    )
    assert timedelta(minutes=59) < following.run_after - timezone.now() <= timedelta(minutes=60)


def test_scheduling_twice_keeps_one_chain_of_runs(db):
    call_command("housekeeping", "--schedule", stdout=StringIO())
    call_command("housekeeping", "--schedule", stdout=StringIO())
    waiting = DBTaskResult.objects.filter(
        task_path=HOUSEKEEPING_TASK_PATH, status=TaskResultStatus.READY
    )
    assert waiting.count() == 1


def test_the_command_purges_at_once_and_says_what_went(sample, capsys):
    client = Client()
    client.post(reverse("attempt_start", args=[sample.pk]))
    age(Attempt.objects.get(), 48)
    call_command("housekeeping")
    assert "visitor_attempts: 1" in capsys.readouterr().out
    assert not Attempt.objects.exists()
