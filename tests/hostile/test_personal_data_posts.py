"""Hostile input to a pupil's own account deletion (only their exact password deletes) and to
« Essayer » from hostile addresses. Never a 5xx; a rejection stores nothing. (A teacher's
deletion of a pupil with hostile ids: test_teacher_posts.py, beside removing one.)"""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import given
from hypothesis import strategies as st

from quizzes.models import Attempt
from tests.factories import published_set
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
from tests.hostile.strategies import payloads, values

PASSWORD = "mot-de-passe-solide-42"


@SOME
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_account_deletions(student_client, world, draw, htmx, urlencoded):
    body = draw.draw(payloads(["password"], {"password": "pas-le-bon"}))
    with rolled_back():
        before = snapshot()
        response = post(
            student_client,
            "/mes-donnees/supprimer-mon-compte/",
            body,
            htmx=htmx,
            urlencoded=urlencoded,
        )
        assert_no_server_error(response)
        assert body.get("password") != [PASSWORD]
        assert is_rejection(response)
        assert snapshot() == before


def test_the_exact_password_alone_deletes(student_client, world):
    response = post(student_client, "/mes-donnees/supprimer-mon-compte/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=world.student.pk).exists()


@pytest.fixture
def sample(world):
    return published_set(
        owner=None, title="Essai", is_sample=True, chronology_count=1, chronology_items=3
    )


@FEW
@given(address=values, forwarded=values, behind_proxy=st.booleans())
def test_trials_from_hostile_addresses(settings, sample, address, forwarded, behind_proxy):
    settings.BEHIND_PROXY = behind_proxy
    with rolled_back():
        before = Attempt.objects.count()
        client = hostile_client()
        client.defaults.update(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded)
        response = client.post(f"/quiz/series/{sample.pk}/commencer/")
        assert_no_server_error(response)
        assert Attempt.objects.count() - before == (1 if response.status_code == 302 else 0)
