"""Which question sets a visitor may see and start, and whether an attempt still takes answers."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from quizzes import statements
from quizzes.models import Attempt, Enrollment, QuestionSet


def sets_open_to(user, *, closing_grace: timedelta = timedelta(0)):
    """Published, open sets: the site-wide ones and those assigned to the student's classes;
    for visitors, only the sample quiz."""
    return _sets_offered_to(user.pk if user.is_authenticated else None, closing_grace)


def _sets_offered_to(student_id: int | None, closing_grace: timedelta):
    sets = QuestionSet.objects.open_now(closing_grace=closing_grace)
    if student_id is None:
        return sets.filter(owner__isnull=True, is_sample=True)
    return sets.filter(
        Q(owner__isnull=True) | Q(classrooms__enrollments__student_id=student_id)
    ).distinct()


def takes_answers(attempt: Attempt) -> bool:
    """Whether an answer to this attempt may be stored now: the rule for starting, checked again
    at every answer, so that closing or unpublishing a set, or removing the student from the
    class it was offered to, also stops the attempts already open. Only the set's grace period
    after closing is added (the teacher's choice, 0 by default)."""
    question_set = attempt.question_set
    if question_set.review_for_id is not None:  # a student's own review: always theirs to answer
        return attempt.user_id == question_set.review_for_id
    grace = timedelta(minutes=question_set.closing_grace_minutes)
    return _offered_now(question_set.pk, attempt.user_id, grace)


def _offered_now(set_id: int, student_id: int | None, closing_grace: timedelta) -> bool:
    """`_sets_offered_to(student_id, closing_grace).filter(pk=set_id).exists()`, as one plain
    statement: it runs at every answer, inside the write transaction (holding SQLite's write
    lock), where building the ORM's joined query cost more than running it. An EXISTS on the
    class assignments replaces the join and its DISTINCT (tests/student/test_answer_window.py
    compares the two for every state of a set)."""
    sets, links, enrollments = (
        statements.table(model)
        for model in (QuestionSet, QuestionSet.classrooms.through, Enrollment)
    )
    now = timezone.now()
    if student_id is None:
        offered, params = "s.owner_id IS NULL AND s.is_sample", []
    else:
        offered = (
            f"(s.owner_id IS NULL OR EXISTS (SELECT 1 FROM {links} l JOIN {enrollments} e"
            " ON e.classroom_id = l.classroom_id"
            " WHERE l.questionset_id = s.id AND e.student_id = %s))"
        )
        params = [student_id]
    rows = statements.fetch(
        f"SELECT 1 FROM {sets} s WHERE s.id = %s AND s.status = %s"
        " AND (s.opens_at IS NULL OR s.opens_at <= %s)"
        f" AND (s.closes_at IS NULL OR s.closes_at > %s) AND {offered}",
        [
            set_id,
            QuestionSet.Status.PUBLISHED,
            statements.moment(now),
            statements.moment(now - closing_grace),
            *params,
        ],
    )
    return bool(rows)
