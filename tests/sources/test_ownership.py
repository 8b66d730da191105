"""A teacher's sources and facts are theirs until an admin makes them site-wide."""

import pytest
from django.urls import reverse

from quizzes.models import CandidateFact, Fact, Source
from tests.teacher_sets.conftest import set_post


@pytest.fixture
def own_source(teacher, cuba_text):
    source = Source.objects.create(owner=teacher, title="Cuba", language="fr", text=cuba_text)
    start = cuba_text.index("Le 22 octobre")
    fact = Fact.objects.create(
        source=source,
        kind="event",
        text="Kennedy annonce un blocus",
        quote=cuba_text[start : cuba_text.index(".", start) + 1],
        quote_start=start,
        date_label="Le 22 octobre",
        date_start="1962-10-22",
        date_end="1962-10-22",
        date_precision="day",
    )
    candidate = CandidateFact.objects.create(
        source=source, kind="event", text="x", quote=fact.quote, quote_start=start
    )
    return source, fact, candidate


def pages(source, fact, candidate):
    return [
        ("get", reverse("teacher_source", args=[source.pk])),
        ("get", reverse("teacher_source_progress", args=[source.pk])),
        ("post", reverse("teacher_source_rerun", args=[source.pk])),
        ("post", reverse("teacher_source_accept_all", args=[source.pk])),
        ("post", reverse("teacher_candidate_accept", args=[source.pk, candidate.pk])),
        ("post", reverse("teacher_candidate_reject", args=[source.pk, candidate.pk])),
        ("get", reverse("teacher_candidate_edit", args=[source.pk, candidate.pk])),
        ("get", reverse("teacher_fact_create", args=[source.pk])),
        ("get", reverse("teacher_fact_edit", args=[source.pk, fact.pk])),
        ("post", reverse("teacher_fact_delete", args=[source.pk, fact.pk])),
    ]


def test_another_teacher_sees_nothing_of_a_teachers_source(client, other_teacher, own_source):
    client.force_login(other_teacher)
    for method, url in pages(*own_source):
        assert getattr(client, method)(url).status_code == 404, url
    listing = client.get(reverse("teacher_sources")).content.decode()
    assert "Cuba" not in listing
    _source, fact, candidate = own_source
    assert Fact.objects.filter(pk=fact.pk).exists()
    candidate.refresh_from_db()
    assert candidate.status == CandidateFact.Status.PROPOSED


def test_students_and_visitors_are_kept_out(client, student, own_source):
    for method, url in pages(*own_source):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    client.force_login(student)
    for method, url in pages(*own_source):
        assert getattr(client, method)(url).status_code == 403, url
    assert client.get(reverse("teacher_source_create")).status_code == 403


def test_another_teachers_facts_cannot_be_used_in_a_set(client, other_teacher, own_source):
    source, fact, _candidate = own_source
    client.force_login(other_teacher)
    post = set_post(fact_choice="picked", facts=[fact.pk], sources=[source.pk])
    response = client.post(reverse("teacher_set_create"), post)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Source inconnue" in page or "Fait inconnu" in page
    found = client.get(reverse("teacher_set_facts"), {"q": "blocus"}, HTTP_HX_REQUEST="true")
    assert "Kennedy annonce un blocus" not in found.content.decode()


def test_the_owner_finds_their_facts_in_the_builder(teacher_client, own_source):
    found = teacher_client.get(
        reverse("teacher_set_facts"), {"q": "blocus"}, HTTP_HX_REQUEST="true"
    )
    assert "Kennedy annonce un blocus" in found.content.decode()


def test_a_site_wide_source_is_usable_by_every_teacher_but_edited_by_none(
    client, other_teacher, own_source
):
    source, fact, _candidate = own_source
    Source.objects.filter(pk=source.pk).update(site_wide=True)
    client.force_login(other_teacher)
    assert client.get(reverse("teacher_source", args=[source.pk])).status_code == 200
    assert client.get(reverse("teacher_fact_edit", args=[source.pk, fact.pk])).status_code == 403
    found = client.get(reverse("teacher_set_facts"), {"q": "blocus"}, HTTP_HX_REQUEST="true")
    assert "Kennedy annonce un blocus" in found.content.decode()


def test_a_teachers_source_stays_off_the_public_pages(client, own_source):
    source, _fact, _candidate = own_source
    assert client.get(reverse("source_detail", args=[source.pk])).status_code == 404
    assert "Cuba" not in client.get(reverse("home")).content.decode()
