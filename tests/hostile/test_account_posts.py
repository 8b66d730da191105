"""Hostile posts to signing up, logging in and choosing one's password after a teacher's
one-time password: never a 5xx, no account created on rejection, no session opened by a bad
password; login throttling (django-axes) still answers cleanly."""

import itertools

from axes.utils import reset
from django.contrib.auth import get_user_model
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import given
from hypothesis import strategies as st

from quizzes.class_accounts import create_class_accounts
from tests.hostile.conftest import (
    FEW,
    SOME,
    assert_no_server_error,
    hostile_client,
    is_rejection,
    post,
    rolled_back,
    snapshot,
)
from tests.hostile.strategies import payloads

PASSWORD = "mot-de-passe-solide-42"
fresh = itertools.count()


def signup_post() -> dict:
    return {
        "username": f"nouvel-eleve-{next(fresh)}",
        "password1": "un-long-mot-de-passe-77",
        "password2": "un-long-mot-de-passe-77",
    }


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_signups(world, no_throttling, draw, htmx, urlencoded):
    body = draw.draw(payloads(["username", "password1", "password2"], signup_post()))
    with rolled_back():
        client = hostile_client()
        before = snapshot()
        response = post(client, "/compte/inscription/", body, htmx=htmx, urlencoded=urlencoded)
        assert_no_server_error(response)
        if is_rejection(response):
            assert snapshot() == before
            assert "_auth_user_id" not in client.session


@SOME
@given(draw=st.data(), urlencoded=st.booleans())
def test_hostile_logins_without_throttling(world, no_throttling, draw, urlencoded):
    base = {"username": world.student.username, "password": PASSWORD}
    body = draw.draw(payloads(["username", "password", "next"], base))
    with rolled_back():
        client = hostile_client()
        before = snapshot()
        response = post(client, "/compte/connexion/", body, urlencoded=urlencoded)
        assert_no_server_error(response)
        assert snapshot() == before
        if response.status_code != 302:
            assert "_auth_user_id" not in client.session
        else:  # only the right password of a real account logs in, and `next` never leaves the site
            assert body.get("password") == [PASSWORD]
            location = response.headers["Location"]
            assert url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})


@FEW
@given(draw=st.data())
def test_hostile_logins_with_throttling_on(world, draw):
    """Axes on: six posts per example for one username, so lockouts (429) happen; still never
    a 5xx, and only axes' own records are stored."""
    reset()
    base = {"username": world.student.username, "password": "mauvais-mot-de-passe"}
    bodies = [draw.draw(payloads(["username", "password"], base)) for _ in range(6)]
    with rolled_back():
        client = hostile_client()
        before = snapshot()
        statuses = []
        for body in bodies:
            response = post(client, "/compte/connexion/", body, urlencoded=True)
            assert_no_server_error(response)
            statuses.append(response.status_code)
        assert set(statuses) <= {200, 400, 403, 429}
        assert snapshot() == before
        assert "_auth_user_id" not in client.session
    reset()


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_first_login_passwords(world, no_throttling, draw, htmx, urlencoded):
    """A pupil with a one-time password posts anything to the page where they choose theirs:
    never a 5xx; refused, the one-time password and the duty stay."""
    chosen = "Vercors-1944-maquis"
    base = {"new_password1": chosen, "new_password2": chosen}
    body = draw.draw(payloads(["new_password1", "new_password2"], base))
    with rolled_back():
        (card,) = create_class_accounts(
            classroom=world.classroom, teacher=world.teacher, names=["Lina Morel"]
        )
        client = hostile_client()
        client.post("/compte/connexion/", {"username": card.username, "password": card.password})
        before = snapshot()
        response = post(client, "/compte/mot-de-passe/", body, htmx=htmx, urlencoded=urlencoded)
        assert_no_server_error(response)
        pupil = get_user_model().objects.get(username=card.username)
        if response.status_code != 302:
            assert snapshot() == before
            assert pupil.account_profile.must_change_password
        else:
            assert body["new_password1"] == body["new_password2"]
            assert pupil.check_password(body["new_password1"][-1])
            assert not pupil.account_profile.must_change_password
