"""Which question sets a visitor may see and start, and whether an attempt still takes answers."""

from datetime import timedelta

from django.db.models import Q

from quizzes.models import Attempt, QuestionSet


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
    return _sets_offered_to(attempt.user_id, grace).filter(pk=question_set.pk).exists()
