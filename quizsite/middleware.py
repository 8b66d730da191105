"""Glue the framework does not ship: Content-Security-Policy and Permissions-Policy headers
(Django 5.2 has no CSP support), no caching of personal pages, the page shown when a login is
locked out or the database is unreachable, and the page language from the visitor's choice
only.

The facts and their sources are French, so French is the default for everyone, whatever the
browser's Accept-Language says; English is used only after the visitor chose it with the
language switcher (Django's set_language view, which stores the choice in a cookie)."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import REDIRECT_FIELD_NAME
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware:
    """Add the policy headers from settings to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.headers = {
            "Content-Security-Policy": settings.CONTENT_SECURITY_POLICY,
            "Permissions-Policy": settings.PERMISSIONS_POLICY,
        }

    def __call__(self, request):
        response = self.get_response(request)
        for name, value in self.headers.items():
            if value:
                response.headers.setdefault(name, value)
        return response


class PrivatePagesMiddleware:
    """Pages built for one person (a signed-in user, or a visitor whose session holds a trial
    attempt) are marked `Cache-Control: private, no-store`: no shared proxy or school cache keeps
    them, and the browser does not keep a pupil's results on a shared computer after logout.
    A response that sets its own Cache-Control keeps it; static files never reach here
    (whitenoise answers them first)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The cookie first: a session is only read when there is one, so a response built
        # because the session store failed (DatabaseUnavailableMiddleware) does not read it again.
        user = getattr(request, "user", None)
        personal = settings.SESSION_COOKIE_NAME in request.COOKIES or (
            user is not None and user.is_authenticated
        )
        if personal and not response.has_header("Cache-Control"):
            add_never_cache_headers(response)  # no-store, no-cache, private, max-age=0
        return response


def login_lockout_response(request, original_response=None, credentials=None):
    """django-axes' lockout page: the login form again, with the reason, as HTTP 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    form = AuthenticationForm(request)
    form.cleaned_data = {}
    form.add_error(
        None,
        _(
            "Trop de tentatives de connexion échouées. Par sécurité, ce compte est bloqué "
            "depuis cet appareil pendant %(minutes)s minutes. Réessayez plus tard ou demandez "
            "de l’aide à votre enseignant."
        )
        % {"minutes": minutes},
    )
    context = {
        "form": form,
        "next": request.POST.get(REDIRECT_FIELD_NAME, request.GET.get(REDIRECT_FIELD_NAME, "")),
        "locked_out": True,
    }
    return render(request, "registration/login.html", context, status=429)


def _unavailable_errors() -> tuple[type[Exception], ...]:
    """What "a store cannot be reached" looks like: the database's errors and, with REDIS_URL,
    Redis' connection errors (sessions are read through it, so it fails like the database)."""
    from django.db import InterfaceError, OperationalError

    errors: tuple[type[Exception], ...] = (OperationalError, InterfaceError)
    if settings.REDIS_URL:
        from redis.exceptions import ConnectionError, TimeoutError

        errors += (ConnectionError, TimeoutError)
    return errors


RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    """While the database or Redis cannot be reached (a PostgreSQL restart, a failover), answer
    a clean 503 page with Retry-After instead of a 500: nothing was stored, and the student may
    simply try again (an answer repeated after a success is counted once,
    quizzes.answers.submit).

    The page is built here without template, session or database access: all three may be
    what is failing. bench/faults/pg_restart.py and tests/faults check it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.errors = _unavailable_errors()

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, self.errors):
            return None
        return unavailable_page(request, exception)


def unavailable_page(request, exception):
    """The 503 page for a store that cannot be reached (DatabaseUnavailableMiddleware), also for
    middleware that reads the session before any view runs (their errors never reach
    process_exception)."""
    import logging

    from django.http import HttpResponse
    from django.utils.html import format_html
    from django.utils.translation import get_language

    logging.getLogger("quizsite.database").warning(
        "Database unavailable (%s): 503 for %s %s",
        type(exception).__name__,
        request.method,
        request.path,
    )
    title = _("Service momentanément indisponible")
    body = format_html(
        '<!DOCTYPE html><html lang="{}"><head><meta charset="utf-8"><title>{}</title></head>'
        '<body><h1>{}</h1><p>{}</p><p>{}</p><p><a href="{}">{}</a></p></body></html>',
        get_language() or "fr",
        title,
        title,
        _("Le site ne peut pas joindre sa base de données pour l’instant."),
        _(
            "Rien n’a été perdu : si vous étiez en train de répondre, renvoyez votre "
            "réponse dans quelques secondes."
        ),
        request.get_full_path(),
        _("Réessayer"),
    )
    response = HttpResponse(body, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def is_unavailable(exception: Exception) -> bool:
    """Whether the error says a store (the database, Redis) cannot be reached."""
    return isinstance(exception, _unavailable_errors())


def chosen_language(request) -> str:
    """The language the visitor chose with the switcher, or the site's default."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if code and code in dict(settings.LANGUAGES):
        return code
    return settings.LANGUAGE_CODE


class ChosenLanguageMiddleware:
    """Django's LocaleMiddleware without Accept-Language negotiation or URL prefixes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
