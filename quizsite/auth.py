"""Django's password login and user loading, with the user read of every signed-in request
compiled once per process (quizsite.prepared): the same row, the same checks (an inactive
user is no user; the session's password hash is still verified by django.contrib.auth).

Sessions opened before this backend existed name Django's ModelBackend; they are switched to
this one at their next request, so nobody is logged out by the change."""

from django.contrib.auth import BACKEND_SESSION_KEY, backends, get_user_model, middleware
from django.utils.functional import SimpleLazyObject

from quizsite.prepared import PreparedQuery

BACKEND = "quizsite.auth.ModelBackend"
DJANGO_BACKEND = "django.contrib.auth.backends.ModelBackend"

_USER = PreparedQuery(lambda pk: get_user_model()._default_manager.filter(pk=pk).order_by(), int)


class ModelBackend(backends.ModelBackend):
    def get_user(self, user_id):
        user = _USER.get(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class AuthenticationMiddleware(middleware.AuthenticationMiddleware):
    """Django's; a session naming Django's ModelBackend is switched to this module's (the
    same users, the same passwords) when the user is first read. Lazily, as Django does: the
    session store may be down, and the middleware after this one answer that with a 503.
    (`request.auser`, for async views, is Django's as is: quizsite runs under WSGI.)"""

    def process_request(self, request):
        super().process_request(request)
        request.user = SimpleLazyObject(lambda: middleware.get_user(_with_our_backend(request)))


def _with_our_backend(request):
    if request.session.get(BACKEND_SESSION_KEY) == DJANGO_BACKEND:
        request.session[BACKEND_SESSION_KEY] = BACKEND
    return request
