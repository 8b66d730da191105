"""Scheduled clean-up, run as a task on the worker (quizzes.tasks.housekeeping) every
HOUSEKEEPING_INTERVAL_MINUTES: visitors' trial attempts and expired sessions are deleted, so that
nothing of a visitor outlives VISITOR_DATA_HOURS (the privacy page says so)."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from quizzes.models import Attempt, FailureCount
from quizzes.visitors import trial_lifetime

# The housekeeping task's own finished runs are kept this long (one a run), then pruned.
TASK_RESULTS_KEPT = timedelta(days=7)


def purge_expired_data() -> dict[str, int]:
    """Delete what is kept no longer: visitors' attempts (their questions and per-fact results
    go with them) older than quizzes.visitors.trial_lifetime, expired sessions, counting windows
    and failed logins older than a day, this task's runs older than a week. Safe to run twice,
    or on two workers at once. Returns how many rows of each went."""
    now = timezone.now()
    visitor_attempts = Attempt.objects.filter(
        user__isnull=True, started_at__lt=now - trial_lifetime()
    )
    deleted = {"visitor_attempts": _delete(visitor_attempts)}
    sessions_before = Session.objects.count()
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    deleted["sessions"] = max(0, sessions_before - Session.objects.count())
    deleted["counts"] = _delete(
        FailureCount.objects.filter(window_start__lt=now - timedelta(days=1))
    )
    # django-axes' failed logins (username typed, address): a lockout lasts AXES_COOLOFF_TIME.
    deleted["failed_logins"] = _delete(
        AccessAttempt.objects.filter(
            attempt_time__lt=now - max(timedelta(days=1), settings.AXES_COOLOFF_TIME)
        )
    )
    deleted["task_runs"] = _delete(
        DBTaskResult.objects.filter(
            task_path=HOUSEKEEPING_TASK_PATH, finished_at__lt=now - TASK_RESULTS_KEPT
        )
    )
    return deleted


def _delete(queryset) -> int:
    """How many rows of the queryset's own model went (not the cascade's)."""
    with transaction.atomic():
        _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)


HOUSEKEEPING_TASK_PATH = "quizzes.tasks.housekeeping"


def schedule_next(*, delay: timedelta | None = None) -> bool:
    """Queue the next housekeeping run unless one is already waiting (so that the chain of runs,
    each queuing the next, stays one chain however often this is called). Returns whether a run
    was queued."""
    from quizzes.tasks import housekeeping

    waiting = DBTaskResult.objects.filter(
        task_path=HOUSEKEEPING_TASK_PATH, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    if delay is None:
        delay = timedelta(minutes=settings.HOUSEKEEPING_INTERVAL_MINUTES)
    housekeeping.using(run_after=timezone.now() + delay).enqueue()
    return True
