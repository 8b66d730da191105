"""Pupils whose account a teacher made, or whose password a teacher reset, choose their own
password before anything else: until they do, every page sends them to the page where they
choose it.

The duty is on the account (AccountProfile.must_change_password) and copied into the session at
login, so the pages pay no query for it. A reset ends the pupil's open sessions (Django signs
sessions with the password), so the next login copies the duty again.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import update_session_auth_hash
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from quizsite.middleware import is_unavailable, unavailable_page
from quizzes.models import AccountProfile

SESSION_KEY = "quizsite_must_change_password"


def remember_password_duty(sender, request, user, **kwargs) -> None:
    """At login (connected to user_logged_in in QuizzesConfig.ready)."""
    if request is None or not hasattr(request, "session"):
        return
    if AccountProfile.objects.filter(user=user, must_change_password=True).exists():
        request.session[SESSION_KEY] = True
    else:
        request.session.pop(SESSION_KEY, None)


def must_choose_password(request) -> bool:
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False  # no session to read: spare cookie-less visitors a Vary: Cookie
    return bool(request.session.get(SESSION_KEY)) and request.user.is_authenticated


def password_chosen(*, request, user, form) -> None:
    """Save the password the pupil chose, keep them logged in, and lift the duty."""
    form.save()
    AccountProfile.objects.filter(user=user).update(must_change_password=False)
    update_session_auth_hash(request, user)
    request.session.pop(SESSION_KEY, None)


class FirstLoginMiddleware:
    """Every page but the one to choose a password, logging out and the language switch sends
    a pupil with a one-time password there."""

    ALLOWED = ("choose_password", "logout", "set_language")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            duty = must_choose_password(request)
        except Exception as error:
            # Sessions read through a store that is down (Redis, the database): the clean 503
            # page, as for views (an error raised here never reaches process_exception).
            if is_unavailable(error):
                return unavailable_page(request, error)
            raise
        if duty:
            target = reverse("choose_password")
            if request.path not in {reverse(name) for name in self.ALLOWED}:
                if request.headers.get("HX-Request"):
                    return HttpResponseClientRedirect(target)
                return redirect(target)
        return self.get_response(request)
