"""A platform's course is a quizsite class: made at the first instructor's launch, owned by
them; learners who launch from the course are enrolled in it (pupils only, as everywhere)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from quizzes.models import Classroom, Enrollment
from quizzes.roles import may_be_enrolled
from quizzes_lti.models import CourseClass

NAME_MAX_LENGTH = Classroom._meta.get_field("name").max_length


class NoClassYet(Exception):
    """A learner launched from a course where no teacher has opened quizsite yet (HTTP 403)."""


def class_of_course(context, *, teacher) -> Classroom:
    """The course's class, made (owned by `teacher`) the first time an instructor launches."""
    course = CourseClass.objects.select_related("classroom").filter(context=context).first()
    if course is not None:
        return course.classroom
    try:
        with transaction.atomic():
            classroom = Classroom.objects.create(
                name=_free_name(teacher, context.title or context.label or _("Cours")),
                teacher=teacher,
            )
            CourseClass.objects.create(context=context, classroom=classroom)
    except IntegrityError:  # another instructor's first launch made it meanwhile
        return CourseClass.objects.select_related("classroom").get(context=context).classroom
    return classroom


def _free_name(teacher, wanted: str) -> str:
    """The course's name, numbered when the teacher already has a class of that name."""
    taken = set(Classroom.objects.filter(teacher=teacher).values_list("name", flat=True))
    base = wanted[:NAME_MAX_LENGTH]
    name, n = base, 1
    while name in taken:
        n += 1
        suffix = f" ({n})"
        name = base[: NAME_MAX_LENGTH - len(suffix)] + suffix
    return name


def enrol_learner(context, user) -> Classroom:
    """Enrol the learner in the course's class (once); staff and teachers are never enrolled."""
    course = CourseClass.objects.select_related("classroom").filter(context=context).first()
    if course is None:
        raise NoClassYet(
            _(
                "Votre enseignant n’a pas encore ouvert quizsite dans ce cours. Réessayez quand "
                "il l’aura fait."
            )
        )
    if may_be_enrolled(user):
        Enrollment.objects.get_or_create(classroom=course.classroom, student=user)
    return course.classroom
