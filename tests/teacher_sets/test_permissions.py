"""Who may use the builder: visitors log in, students get a 403, another teacher's set is a
404, and nothing changes for anyone but its owner."""

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import PinnedQuestion, QuestionSet
from tests.conftest import make_student, make_teacher
from tests.teacher_sets.conftest import set_post

OWNER_STATUS = {
    ("teacher_sets", "get"): 200,
    ("teacher_set_create", "get"): 200,
    ("teacher_set_create", "post"): 302,
    ("teacher_set_preview", "post"): 200,
    ("teacher_set_facts", "get"): 200,
    ("teacher_set_edit", "get"): 200,
    ("teacher_set_edit", "post"): 302,
    ("teacher_set_preview_existing", "post"): 200,
    ("teacher_set_delete", "get"): 200,
    ("teacher_set_delete", "post"): 302,
    ("teacher_set_duplicate", "post"): 302,
    ("teacher_set_pin", "post"): 302,
    ("teacher_set_unpin", "post"): 302,
}
ON_A_SET = {name for name, _method in OWNER_STATUS if name.startswith("teacher_set_")} - {
    "teacher_set_create",
    "teacher_set_preview",
    "teacher_set_facts",
}


@pytest.fixture
def world(fact_base, orderable_events):
    owner = make_teacher("proprietaire")
    question_set = QuestionSet.objects.create(title="La série", owner=owner)
    pinned = PinnedQuestion.objects.create(question_set=question_set, kind="chronology")
    pinned.facts.set(orderable_events[:3])
    return {"owner": owner, "set": question_set, "pin": pinned, "events": orderable_events}


def request(client, world, name, method):
    question_set, pinned = world["set"], world["pin"]
    if name == "teacher_set_unpin":
        url = reverse(name, args=[question_set.pk, pinned.pk])
    elif name == "teacher_set_preview_existing":
        url = reverse("teacher_set_preview", args=[question_set.pk])
    elif name in ON_A_SET:
        url = reverse(name, args=[question_set.pk])
    else:
        url = reverse(name)
    if name == "teacher_set_pin":
        data = {"pin-kind": "chronology", "pin-facts": [f.pk for f in world["events"][:3]]}
    elif method == "post":
        data = set_post(title="Piratée")
    else:
        data = {}
    headers = {"HTTP_HX_REQUEST": "true"} if name == "teacher_set_facts" else {}
    return getattr(client, method)(url, data, **headers)


def snapshot(world):
    question_set = QuestionSet.objects.filter(pk=world["set"].pk).values().first()
    return (question_set, QuestionSet.objects.count(), PinnedQuestion.objects.count())


def client_for(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize(("name", "method"), list(OWNER_STATUS))
def test_visitors_are_sent_to_the_login_page(world, name, method):
    before = snapshot(world)
    response = request(client_for(None), world, name, method)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert snapshot(world) == before


@pytest.mark.parametrize(("name", "method"), list(OWNER_STATUS))
def test_students_are_refused(world, name, method):
    before = snapshot(world)
    response = request(client_for(make_student("eleve-curieux")), world, name, method)
    assert response.status_code == 403
    assert snapshot(world) == before


@pytest.mark.parametrize(("name", "method"), [key for key in OWNER_STATUS if key[0] in ON_A_SET])
def test_another_teachers_set_is_not_found(world, name, method):
    before = snapshot(world)
    response = request(client_for(make_teacher("collegue")), world, name, method)
    assert response.status_code == 404
    assert snapshot(world) == before


@pytest.mark.parametrize(("name", "method"), list(OWNER_STATUS))
def test_the_owner_may_use_every_page(world, name, method):
    response = request(client_for(world["owner"]), world, name, method)
    assert response.status_code == OWNER_STATUS[(name, method)]


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("teacher_sets", "post"),
        ("teacher_set_preview", "get"),
        ("teacher_set_duplicate", "get"),
        ("teacher_set_pin", "get"),
        ("teacher_set_unpin", "get"),
    ],
)
def test_wrong_methods_are_refused(world, name, method):
    before = snapshot(world)
    response = request(client_for(world["owner"]), world, name, method)
    assert response.status_code == 405
    assert snapshot(world) == before
