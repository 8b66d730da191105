"""Hostile input to the personal-data forms and to visitors' trials: a pupil's own account
deletion (only their exact password deletes), a teacher's deletion of a pupil (only their own
pupils, by exact ids), and « Essayer » from hostile addresses. Never a 5xx; a rejection stores
nothing."""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import given
from hypothesis import strategies as st

from quizzes.models import Attempt, QuestionSet
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
HUGE_ID = 10**30


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


@FEW
@given(
    draw=st.data(),
    method=st.sampled_from(["get", "post"]),
    class_id=st.sampled_from(["own", "other", 0, 2**63 - 1, 2**63, HUGE_ID]),
    student_id=st.sampled_from(["own", "teacher", 0, 2**63, HUGE_ID]),
)
def test_deleting_pupils_with_hostile_ids(
    teacher_client, world, draw, method, class_id, student_id
):
    class_id = {"own": world.classroom.pk, "other": world.other_classroom.pk}.get(
        class_id, class_id
    )
    student_id = {"own": world.student.pk, "teacher": world.other_teacher.pk}.get(
        student_id, student_id
    )
    body = draw.draw(payloads(["confirm", "password"]))
    url = f"/enseignant/classes/{class_id}/eleves/{student_id}/supprimer-le-compte/"
    with rolled_back():
        before = snapshot()
        response = getattr(teacher_client, method)(url, body)
        assert_no_server_error(response)
        if class_id != world.classroom.pk or student_id != world.student.pk:
            assert response.status_code in (400, 404)
        if method == "get" or response.status_code != 302:
            assert snapshot() == before


@pytest.fixture
def sample(world):
    return QuestionSet.objects.create(
        title="Essai",
        owner=None,
        is_sample=True,
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=1,
        chronology_items=3,
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
