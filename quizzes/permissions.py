"""Who may open teacher pages: one decorator, and one lookup per thing a teacher owns or may
see, never checks copied by hand in views. Another teacher's class, set or own source is a 404:
its existence is nobody else's business."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from quizzes.models import Classroom, QuestionSet, Source
from quizzes.roles import is_teacher


def teacher_required(view):
    """Visitors go to the login page; logged-in non-teachers get a 403 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_teacher(request.user):
            raise PermissionDenied(_("Cette page est réservée aux enseignants."))
        return view(request, *args, **kwargs)

    return wrapper


def own_classroom(request, class_id: int) -> Classroom:
    """One of the teacher's classes."""
    return get_object_or_404(Classroom.objects.filter(teacher=request.user), pk=class_id)


def own_set(request, set_id: int) -> QuestionSet:
    """One of the teacher's question sets."""
    return get_object_or_404(QuestionSet.objects.filter(owner=request.user), pk=set_id)


def visible_source(request, source_id: int) -> Source:
    """A source the teacher may read: site-wide, or their own."""
    return get_object_or_404(Source.objects.visible_to(request.user), pk=source_id)


def own_source(request, source_id: int) -> Source:
    """A source the teacher may change: their own (site-wide ones are the admins'). One they may
    only read is a 403 that says why; one they may not see is a 404."""
    source = visible_source(request, source_id)
    if not source.is_editable_by(request.user):
        raise PermissionDenied(_("Seul l’enseignant qui a apporté ce texte peut le modifier."))
    return source
