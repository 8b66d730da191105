"""The site's navigation (`_nav_items.html`), rendered once per kind of visitor and language
instead of on every page: its links, labels and language switcher depend only on the role, the
language and the URL configuration. What belongs to one request (the CSRF token, the username,
the page to come back to after a language change) is put in at each request. The same for the
fragments of every page that are alike for all visitors (`{% same_for_everyone %}`)."""

import functools
import re
from types import SimpleNamespace

from django.conf import settings
from django.core.signals import setting_changed
from django.template import Library
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = Library()

TEMPLATE = "_nav_items.html"

# Stand-ins rendered in place of the per-request values, then replaced: letters and digits
# only, so that escaping leaves them as they are.
CSRF = "qsnav8csrf8token"
NAME = "qsnav8user8name"
PATH = "qsnav8full8path"
_STAND_INS = re.compile(f"{CSRF}|{NAME}|{PATH}")


@register.simple_tag(takes_context=True)
def site_navigation(context) -> str:
    """`_nav_items.html` for this request: the cached rendering of its kind, with this
    request's own values put back in one pass (a username that looks like a stand-in stays
    text)."""
    user = context.get("user")
    request = context.get("request")
    csrf_token = context.get("csrf_token")
    # In development the template may change under a running server: no cache there.
    if user is None or request is None or not csrf_token or settings.DEBUG:
        return render_to_string(TEMPLATE, context.flatten())
    authenticated = bool(user.is_authenticated)
    fragment = _rendered(
        get_language(),
        get_script_prefix(),
        authenticated,
        authenticated and bool(context.get("nav_is_teacher")),
        authenticated and bool(user.is_staff),
    )
    values = {
        CSRF: conditional_escape(str(csrf_token)),
        NAME: conditional_escape(user.get_username()) if authenticated else "",
        PATH: conditional_escape(request.get_full_path()),
    }
    return mark_safe(_STAND_INS.sub(lambda match: values[match.group()], fragment))


@functools.lru_cache(maxsize=64)
def _rendered(language: str, script_prefix: str, authenticated: bool, teacher: bool, staff: bool):
    # The language and the script prefix are arguments only to key the cache: both are
    # already active while the template renders.
    stand_in_user = SimpleNamespace(
        is_authenticated=authenticated, is_staff=staff, get_username=lambda: NAME
    )
    stand_in_request = SimpleNamespace(get_full_path=lambda: PATH)
    return render_to_string(
        TEMPLATE,
        {
            "user": stand_in_user,
            "request": stand_in_request,
            "nav_is_teacher": teacher,
            "csrf_token": CSRF,
        },
    )


@register.simple_tag
def same_for_everyone(template_name: str) -> str:
    """A fragment of every page that depends only on the language and the script prefix (the
    stylesheets and scripts of `<head>`, the footer), rendered once per process for each:
    without any context, so a per-request value cannot reach it."""
    if settings.DEBUG:
        return mark_safe(render_to_string(template_name).strip())
    return _rendered_alike(template_name, get_language(), get_script_prefix())


@functools.lru_cache(maxsize=64)
def _rendered_alike(template_name: str, language: str, script_prefix: str) -> str:
    # The language and the script prefix are arguments only to key the cache.
    return mark_safe(render_to_string(template_name).strip())


def _forget(**kwargs) -> None:
    _rendered.cache_clear()
    _rendered_alike.cache_clear()


# Tests that change settings (languages, URLs, templates) get a fresh rendering.
setting_changed.connect(_forget)
