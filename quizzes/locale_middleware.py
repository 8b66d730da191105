"""Pick the page language from the visitor's explicit choice only.

The facts and their sources are French, so French is the default for everyone, whatever the
browser's Accept-Language says; English is used only after the visitor chose it with the
language switcher (Django's set_language view, which stores the choice in a cookie).
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
