"""Which question sets a visitor may see and start."""

from django.db.models import Q

from quizzes.models import QuestionSet


def sets_open_to(user):
    """Published, open sets: the site-wide ones and those assigned to the student's classes;
    for visitors, only the sample quiz."""
    sets = QuestionSet.objects.open_now()
    if not user.is_authenticated:
        return sets.filter(owner__isnull=True, is_sample=True)
    return sets.filter(Q(owner__isnull=True) | Q(classrooms__enrollments__student=user)).distinct()
