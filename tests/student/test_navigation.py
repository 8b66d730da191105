"""The navigation is rendered once per kind of visitor and language and reused: each page must
still show exactly what rendering `_nav_items.html` for that request gives, with the visitor's
own name, CSRF token and page, never someone else's."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.factories import make_student, make_teacher

CACHED = Template("{% load navigation %}{% site_navigation %}")


class Page:
    """What the navigation reads of a request."""

    def __init__(self, path: str):
        self.path = path

    def get_full_path(self) -> str:
        return self.path


def both_renderings(user, *, teacher: bool, token: str, path: str) -> tuple[str, str]:
    context = {
        "user": user,
        "request": Page(path),
        "nav_is_teacher": teacher,
        "csrf_token": token,
    }
    direct = render_to_string("_nav_items.html", context)
    return direct, CACHED.render(Context(context))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_reused_navigation_is_what_the_template_gives_each_visitor(language):
    staff_teacher = make_teacher("mme-admin")
    staff_teacher.is_staff = True
    # A name that looks like a stand-in stays the name; a path with markup stays escaped.
    tricky_student = make_student("qsnav8full8path")
    cases = [
        (AnonymousUser(), False),
        (make_student("camille"), False),
        (make_teacher("mme-durand"), True),
        (staff_teacher, True),
        (tricky_student, False),
    ]
    with translation.override(language):
        for user, teacher in cases:
            for token, path in [("tokenA1", '/a/?x=<b>&y="1"'), ("tokenB2", "/quiz/")]:
                direct, cached = both_renderings(user, teacher=teacher, token=token, path=path)
                assert cached == direct


@pytest.mark.django_db
def test_each_pupil_sees_their_own_name_and_a_token_that_works():
    for name in ["camille", "dominique"]:
        client = Client(enforce_csrf_checks=True)
        client.force_login(make_student(name))
        page = client.get(reverse("results")).content.decode()
        assert f"Se déconnecter ({name})" in page
        assert ("camille" in page) == (name == "camille")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("fragment", ["_site_head.html", "_site_footer.html"])
def test_fragments_alike_for_everyone_are_the_template_in_the_active_language(fragment, language):
    tag = Template('{% load navigation %}{% same_for_everyone "' + fragment + '" %}')
    with translation.override(language):
        for _ in range(2):  # rendered, then reused
            assert tag.render(Context({})) == render_to_string(fragment).strip()


@pytest.mark.django_db
def test_the_footer_follows_each_visitors_language():
    french, english = Client(), Client()
    english.post(reverse("set_language"), {"language": "en", "next": "/"})
    for _ in range(2):
        assert "Données personnelles" in french.get(reverse("home")).content.decode()
        assert "Personal data" in english.get(reverse("home")).content.decode()
