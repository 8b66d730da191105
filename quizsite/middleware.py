"""Security glue the framework does not ship: Content-Security-Policy and Permissions-Policy
headers (Django 5.2 has no CSP support), and the page shown when a login is locked out."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import REDIRECT_FIELD_NAME
from django.shortcuts import render
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
