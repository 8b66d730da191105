"""Who may open teacher pages: one decorator, never checks copied by hand in views."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

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
