"""A class's roster: enrolling a pupil (never a teacher, staff or an administrator), the
class's students with their results, and a teacher's classes with their counts."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    Max,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from quizzes import personal_data
from quizzes.models import AccountProfile, Attempt, Classroom, Enrollment
from quizzes.models.attempts import score_percent
from quizzes.roles import may_be_enrolled


class NotAPupil(ValueError):
    """Raised when asked to enrol a teacher, staff or an administrator."""


def enroll(*, classroom: Classroom, student) -> bool:
    """Enroll the student once; returns False if they already were (a double click, two tabs)."""
    if not may_be_enrolled(student):
        raise NotAPupil(student.pk)
    try:
        with transaction.atomic():
            _enrollment, created = Enrollment.objects.get_or_create(
                classroom=classroom, student=student
            )
    except IntegrityError:  # the same enrollment created at the same moment by another request
        return False
    return created


def classes_of(teacher) -> QuerySet[Classroom]:
    """The teacher's classes, each with its number of students and of assigned sets."""
    return Classroom.objects.filter(teacher=teacher).annotate(
        student_count=Count("enrollments", distinct=True),
        set_count=Count("question_sets", distinct=True),
    )


def roster(classroom: Classroom) -> QuerySet[Enrollment]:
    """The class's enrollments with, per student, the attempts on the class's sets, the best
    finished score (percent) and whether the teacher made the account (and so may give it a new
    password), in one query whatever the class size."""
    class_attempts = Attempt.objects.filter(
        user=OuterRef("student"), question_set__classrooms=classroom
    ).values("user")
    return (
        Enrollment.objects.filter(classroom=classroom)
        .select_related("student")
        .annotate(
            # A pupil also in a colleague's class: only an administrator deletes their account.
            shared=personal_data.in_another_teachers_class(
                classroom.teacher_id, OuterRef("student")
            ),
            attempt_count=Coalesce(
                Subquery(class_attempts.annotate(n=Count("pk")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
            best_percent=Subquery(
                class_attempts.filter(finished_at__isnull=False)
                .annotate(best=Max(score_percent()))
                .values("best")[:1]
            ),
            created_by_teacher=Exists(
                AccountProfile.objects.filter(
                    user=OuterRef("student"), created_by=classroom.teacher_id
                )
            ),
        )
        .order_by("student__username")
    )
