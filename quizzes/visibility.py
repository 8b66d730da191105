"""Which question sets a visitor may see and start, and whether an attempt still takes answers."""

from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from quizsite.prepared import PreparedQuery
from quizzes.models import Attempt, QuestionSet


def sets_open_to(user, *, closing_grace: timedelta = timedelta(0)):
    """Published, open sets: the site-wide ones and those assigned to the student's classes;
    for visitors, only the sample quiz."""
    now = timezone.now()
    student_id = user.pk if user.is_authenticated else None
    return _sets_offered_to(student_id, now=now, closes_after=now - closing_grace)


def _sets_offered_to(student_id: int | None, *, now: datetime, closes_after: datetime):
    """The rule for starting a set, and for answering it (`closes_after`: `now` less the
    set's grace after closing)."""
    sets = QuestionSet.objects.open_at(now, closes_after=closes_after)
    if student_id is None:
        return sets.filter(owner__isnull=True, is_sample=True)
    # EXISTS rather than a join: one row per set, without a DISTINCT over the class's pupils.
    enrolled = QuestionSet.classrooms.through.objects.filter(
        questionset=OuterRef("pk"), classroom__enrollments__student_id=student_id
    )
    return sets.filter(Q(owner__isnull=True) | Exists(enrolled))


def _offered_set(set_id: int, student_id: int | None, now: datetime, closes_after: datetime):
    """The set, if the rule offers it: only its id, unordered (one row at most)."""
    return (
        _sets_offered_to(student_id, now=now, closes_after=closes_after)
        .filter(pk=set_id)
        .only("pk")
        .order_by()
    )


# takes_answers runs at every answer, inside the write transaction (holding SQLite's write
# lock), where building the ORM's query cost more than running it: the rule above, compiled
# once per process (a visitor's form has no student to bind).
_OFFERED_TO_STUDENT = PreparedQuery(_offered_set, int, int, datetime, datetime)
_OFFERED_TO_VISITOR = PreparedQuery(
    lambda set_id, now, closes_after: _offered_set(set_id, None, now, closes_after),
    int,
    datetime,
    datetime,
)


def takes_answers(attempt: Attempt) -> bool:
    """Whether an answer to this attempt may be stored now: the rule for starting, checked again
    at every answer, so that closing or unpublishing a set, or removing the student from the
    class it was offered to, also stops the attempts already open. Only the set's grace period
    after closing is added (the teacher's choice, 0 by default)."""
    question_set = attempt.question_set
    if question_set.review_for_id is not None:  # a student's own review: always theirs to answer
        return attempt.user_id == question_set.review_for_id
    now = timezone.now()
    closes_after = now - timedelta(minutes=question_set.closing_grace_minutes)
    if attempt.user_id is None:
        offered = _OFFERED_TO_VISITOR.get(question_set.pk, now, closes_after)
    else:
        offered = _OFFERED_TO_STUDENT.get(question_set.pk, attempt.user_id, now, closes_after)
    return offered is not None
