"""Start attempts: generate (seeded) and store their questions, enforce who may start what."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from quizzes.models import Attempt, AttemptQuestion, QuestionSet
from quizzes.question_builder import build_questions


class CannotStart(Exception):
    """The student may not start this set now (closed, no attempts left...)."""


def attempts_left(question_set: QuestionSet, user) -> int | None:
    """None when unlimited."""
    if not question_set.attempts_allowed or user is None:
        return None
    used = Attempt.objects.filter(question_set=question_set, user=user).count()
    return max(0, question_set.attempts_allowed - used)


def new_seed(question_set: QuestionSet) -> str:
    if not question_set.regenerate_per_attempt:
        return f"set-{question_set.pk}-{question_set.fixed_seed}"
    return secrets.token_hex(8)


def earlier_questions(question_set: QuestionSet, *, user=None, session_key: str = "") -> list:
    """The questions this student was given in earlier attempts on the set, so that a new
    attempt brings questions not yet seen first (none when every student gets the same)."""
    if not question_set.regenerate_per_attempt or not (user or session_key):
        return []
    attempts = Attempt.objects.filter(question_set=question_set)
    if user:
        attempts = attempts.filter(user=user)
    else:
        attempts = attempts.filter(user=None, session_key=session_key)
    return list(AttemptQuestion.objects.filter(attempt__in=attempts).values_list("data", flat=True))


def _refuse_when_no_attempts_left(question_set: QuestionSet, user) -> None:
    if attempts_left(question_set, user) == 0:
        raise CannotStart(_("Vous avez utilisé toutes les tentatives autorisées pour cette série."))


def _serialize_starts_of(user) -> None:
    """Make the student's other starts wait until this transaction ends, so that counting the
    attempts used and creating the new one happen as one step (six tabs pressing « Commencer »
    at once must not each see one attempt left). PostgreSQL locks the student's row; SQLite
    ignores FOR UPDATE but runs write transactions one at a time (settings: IMMEDIATE)."""
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))


def start_attempt(question_set: QuestionSet, *, user=None, session_key: str = "") -> Attempt:
    """Generate and store a new attempt, or raise CannotStart when the student has used every
    attempt the set allows (checked again under a lock: the first check only spares the work
    of generating questions that would be thrown away)."""
    _refuse_when_no_attempts_left(question_set, user)
    seed = new_seed(question_set)
    seen = earlier_questions(question_set, user=user, session_key=session_key)
    questions = build_questions(question_set, seed, seen=seen)
    with transaction.atomic():
        if question_set.attempts_allowed and user is not None:
            _serialize_starts_of(user)
            _refuse_when_no_attempts_left(question_set, user)
        attempt = Attempt.objects.create(
            user=user,
            session_key="" if user else session_key,
            question_set=question_set,
            seed=seed,
            question_count=len(questions),
        )
        AttemptQuestion.objects.bulk_create(
            AttemptQuestion(attempt=attempt, position=index, kind=question["kind"], data=question)
            for index, question in enumerate(questions, start=1)
        )
    return attempt


def unfinished_attempt(question_set: QuestionSet, user) -> Attempt | None:
    return (
        Attempt.objects.filter(question_set=question_set, user=user, finished_at__isnull=True)
        .order_by("-started_at")
        .first()
    )


def next_position(attempt: Attempt) -> int:
    """The first unanswered question, where a student resumes."""
    position = (
        attempt.questions.filter(answered_at__isnull=True)
        .order_by("position")
        .values_list("position", flat=True)
        .first()
    )
    return position or attempt.question_count
