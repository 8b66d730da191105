"""Admin for the LTI tool: platforms are registered on django-lti's registration page (shown
here with the URLs to give the platform), the tool's public keys are listed (never the private
ones), and admins see who signs in as whom, which class each course is, and every score sent."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from lti_tool.admin import LtiDeploymentInline, LtiRegistrationAdmin
from lti_tool.models import Key, LtiRegistration

from quizzes_lti.models import CourseClass, GradeLink, PlatformAccount, ScoreReport

admin.site.unregister(LtiRegistration)

# A platform's endpoints are served over HTTPS: an address typed without a scheme gets https://.
HTTPS_URLS = {models.URLField: {"assume_scheme": "https"}}


class DeploymentInline(LtiDeploymentInline):
    formfield_overrides = HTTPS_URLS
    extra = 0


@admin.register(LtiRegistration)
class RegistrationAdmin(LtiRegistrationAdmin):
    """django-lti's page, with the tool's URLs for this registration above the form."""

    change_form_template = "admin/quizzes_lti/registration_change_form.html"
    formfield_overrides = HTTPS_URLS
    inlines = [DeploymentInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        registration = self.get_object(request, object_id)
        extra_context = dict(extra_context or {})
        if registration is not None:
            extra_context["tool_urls"] = tool_urls(request, registration)
        return super().change_view(request, object_id, form_url, extra_context)


def tool_urls(request, registration) -> list[tuple[str, str]]:
    """What the platform's admin types in: the login, launch and keys URLs of this tool."""

    def absolute(name, *args):
        return request.build_absolute_uri(reverse(name, args=args))

    return [
        (_("Connexion (OIDC login initiation URL)"), absolute("lti_login", registration.uuid)),
        (
            _("Lancement et liens profonds (target link, redirect, deep linking URL)"),
            absolute("lti_launch"),
        ),
        (_("Clés publiques de l’outil (public keyset / JWKS URL)"), absolute("lti_jwks")),
    ]


@admin.register(Key)
class KeyAdmin(admin.ModelAdmin):
    """Keys are made by `manage.py rotate_keys`; the private half is never shown."""

    list_display = ("kid", "is_active", "datetime_created")
    list_filter = ("is_active",)
    fields = ("kid", "public_key", "is_active", "datetime_created")
    readonly_fields = ("kid", "public_key", "datetime_created")

    def has_add_permission(self, request):
        return False

    @admin.display(description="kid")
    def kid(self, key):
        return str(key)


def _made_by_launches(self, request):
    return False


@admin.register(PlatformAccount)
class PlatformAccountAdmin(admin.ModelAdmin):
    list_display = ("subject", "issuer", "user", "created_at")
    search_fields = ("subject", "issuer", "user__username")
    autocomplete_fields = ("user",)
    list_select_related = ("user",)


@admin.register(CourseClass)
class CourseClassAdmin(admin.ModelAdmin):
    has_add_permission = _made_by_launches
    list_display = ("context", "classroom")
    list_select_related = ("context", "classroom")
    readonly_fields = ("context", "classroom")


@admin.register(GradeLink)
class GradeLinkAdmin(admin.ModelAdmin):
    has_add_permission = _made_by_launches
    list_display = ("user", "question_set", "lineitem_url", "updated_at")
    list_select_related = ("user", "question_set")
    search_fields = ("user__username", "question_set__title")
    readonly_fields = ("user", "question_set", "registration", "lineitem_url", "subject", "scopes")


@admin.register(ScoreReport)
class ScoreReportAdmin(admin.ModelAdmin):
    has_add_permission = _made_by_launches
    list_display = ("attempt", "grade_link", "status", "tries", "sent_at")
    list_filter = ("status",)
    list_select_related = ("attempt__question_set", "attempt__user", "grade_link__user")
    readonly_fields = ("attempt", "grade_link", "status", "tries", "last_error", "sent_at")
