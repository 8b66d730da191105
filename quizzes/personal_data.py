"""A pupil's personal data: everything the site holds about one account as a JSON document,
and deleting an account with all it owns (by the pupil, their teacher or an administrator)."""

from __future__ import annotations

import json

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists
from django.utils import timezone

from quizzes.models import Attempt, Enrollment, FactResult, FailureCount, ReviewCard, ReviewLog
from quizzes.progress import facts_to_review
from quizzes.roles import is_teacher

EXPORT_FORMAT = "quizsite-personal-data/1"


def _moment(value):
    return value.isoformat() if value else None


def _account(user) -> dict:
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": _moment(user.date_joined),
        "last_login": _moment(user.last_login),
        "is_active": user.is_active,
        "roles": sorted(user.groups.values_list("name", flat=True)),
    }


def _question(question) -> dict:
    """An answered question with what was asked, the answer given and its score. An unanswered
    one shows only its kind: its stored data holds the right answer, which never reaches the
    student before they answer."""
    row = {"position": question.position, "kind": question.kind}
    if not question.is_answered:
        return {**row, "answered": False}
    return {
        **row,
        "answered": True,
        "question": question.data,
        "response": question.response,
        "score": question.score,
        "answered_at": _moment(question.answered_at),
    }


def _attempts(user) -> list[dict]:
    attempts = (
        Attempt.objects.of_user(user)
        .select_related("question_set")
        .prefetch_related("questions")
        .order_by("started_at", "pk")
    )
    return [
        {
            "id": attempt.pk,
            "question_set": attempt.question_set.title,
            "started_at": _moment(attempt.started_at),
            "finished_at": _moment(attempt.finished_at),
            "question_count": attempt.question_count,
            "answered_count": attempt.answered_count,
            "score": attempt.score,
            "percent": attempt.percent,
            "questions": [
                _question(q) for q in sorted(attempt.questions.all(), key=lambda q: q.position)
            ],
        }
        for attempt in attempts
    ]


def _fact_results(user) -> list[dict]:
    results = (
        FactResult.objects.filter(user=user)
        .select_related("fact", "question")
        .order_by("created_at", "pk")
    )
    return [
        {
            "attempt": result.question.attempt_id,
            "position": result.question.position,
            "fact": result.fact.text,
            "correct": result.correct,
            "at": _moment(result.created_at),
        }
        for result in results
    ]


def _review(user) -> dict:
    """The spaced review's memory cards and every rating they were scheduled from."""
    cards = ReviewCard.objects.of_user(user).select_related("fact").order_by("fact_id")
    logs = ReviewLog.objects.filter(user=user).select_related("fact").order_by("reviewed_at", "pk")
    return {
        "cards": [
            {
                "fact": card.fact.text,
                "due": _moment(card.due),
                "stability_days": card.stability,
                "difficulty": card.difficulty,
                "last_review": _moment(card.last_review),
                "reviews": card.reps,
                "lapses": card.lapses,
            }
            for card in cards
        ],
        "ratings": [
            {
                "fact": log.fact.text,
                "rating": log.get_rating_display(),
                "at": _moment(log.reviewed_at),
            }
            for log in logs
        ],
    }


def export_for(user) -> dict:
    """Everything the site holds about `user` (the password only as the fact that one is set:
    its hash is never given out). Nothing of any other user: classes are named without their
    teacher or classmates, failed logins without the address they came from."""
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _moment(timezone.now()),
        "account": _account(user),
        "classes": [
            {"name": enrollment.classroom.name, "joined_at": _moment(enrollment.joined_at)}
            for enrollment in user.enrollments.select_related("classroom").order_by("joined_at")
        ],
        "attempts": _attempts(user),
        "fact_results": _fact_results(user),
        "spaced_review": _review(user),
        "to_review": [
            {"fact": item.fact.text, "misses": item.misses, "answers": item.answers}
            for item in facts_to_review(user, limit=None)
        ],
        "failed_logins": [
            {"first_at": _moment(first), "failures": failures}
            for first, failures in AccessAttempt.objects.filter(
                username=user.get_username()
            ).values_list("attempt_time", "failures_since_start")
        ],
    }


def export_json(user) -> bytes:
    return json.dumps(export_for(user), ensure_ascii=False, indent=2).encode()


def export_filename(user) -> str:
    return f"quizsite-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"


def may_delete_own_account(user) -> bool:
    """Pupils delete their own account; teachers' and administrators' accounts hold classes,
    sets and texts others rely on: an administrator deletes those."""
    return user.is_authenticated and not (user.is_staff or user.is_superuser or is_teacher(user))


def in_another_teachers_class(teacher, student) -> Exists:
    """Whether `student` (an id or an OuterRef) is enrolled in a class `teacher` does not teach."""
    return Exists(Enrollment.objects.filter(student=student).exclude(classroom__teacher=teacher))


def teacher_may_delete(teacher, student) -> bool:
    """A teacher may delete a pupil's account when the pupil is in one of the teacher's classes
    and in no other teacher's: a pupil shared with a colleague keeps an account that colleague
    still uses. Never a teacher's, a staff member's or a superuser's account."""
    if student.is_staff or student.is_superuser or is_teacher(student):
        return False
    return (
        Enrollment.objects.filter(student=student, classroom__teacher=teacher)
        .exclude(in_another_teachers_class(teacher, student.pk))
        .exists()
    )


def delete_account(*, user) -> dict[str, int]:
    """Delete the account and everything it owns: attempts with their questions and per-fact
    results, enrolments (cascades); its failed-login records (see forget_login_records).
    Returns how many attempts went."""
    with transaction.atomic():
        attempts = Attempt.objects.of_user(user).count()
        get_user_model().objects.filter(pk=user.pk).delete()
    return {"attempts": attempts}


def forget_login_records(sender, instance, **kwargs) -> None:
    """Whoever deletes an account (the pupil, a teacher, the admin site): the login-throttling
    records under its username and its counts go with it (connected to post_delete of the user
    model in QuizzesConfig.ready)."""
    username = instance.get_username()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()
    FailureCount.objects.filter(key=f"user:{instance.pk}").delete()
