"""Hostile posts to a teacher's source pages: a new source, reading again, accepting,
rejecting, editing proposals, facts written, edited and deleted by hand. Never a 5xx; a
rejection stores nothing; another teacher's source stays out of reach."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizzes.models import CandidateFact, Entity, ExtractionJob, Fact, Source
from tests.hostile.conftest import (
    FEW,
    assert_no_server_error,
    hostile_client,
    is_rejection,
    post,
    rolled_back,
)
from tests.hostile.strategies import payloads

TEXT = "Le 22 octobre 1962, le président John F. Kennedy annonce un blocus naval de Cuba."
FACT_FIELDS = [
    "kind", "text", "quote", "date_label", "date_start", "date_end", "date_precision",
    "subject", "relation", "object",
]  # fmt: skip
HUGE_ID = 10**30


def source_state() -> dict:
    return {
        "counts": [
            model.objects.count() for model in (Source, ExtractionJob, CandidateFact, Fact, Entity)
        ],
        "candidates": list(CandidateFact.objects.order_by("pk").values_list("pk", "status")),
        "facts": list(Fact.objects.order_by("pk").values_list("pk", "text", "date_end")),
        "sources": list(Source.objects.order_by("pk").values_list("pk", "title", "language")),
    }


@pytest.fixture
def sources(world):
    def make(owner, title):
        source = Source.objects.create(owner=owner, title=title, language="fr", text=TEXT)
        candidate = CandidateFact.objects.create(
            source=source,
            kind="event",
            text="Kennedy annonce un blocus",
            quote=TEXT,
            quote_start=0,
            date_label="Le 22 octobre 1962",
            date_start="1962-10-22",
            date_end="1962-10-22",
            date_precision="day",
        )
        fact = Fact.objects.create(
            source=source,
            kind="role",
            text="Kennedy : président",
            quote="président John F. Kennedy",
            quote_start=TEXT.index("président"),
            subject=Entity.objects.create(source=source, name="John F. Kennedy", kind="person"),
            relation="role",
            object="président",
        )
        return source, candidate, fact

    return {"own": make(world.teacher, "Cuba"), "other": make(world.other_teacher, "Berlin")}


def valid_fact_post() -> dict:
    return {
        "kind": "event",
        "text": "Kennedy annonce le blocus",
        "quote": TEXT,
        "date_label": "Le 22 octobre 1962",
        "date_start": "1962-10-22",
        "date_end": "1962-10-22",
        "date_precision": "day",
        "subject": "",
        "relation": "",
        "object": "",
    }


def check(response, before):
    assert_no_server_error(response)
    if is_rejection(response):
        assert source_state() == before


@FEW
@given(draw=st.data(), htmx=st.booleans(), urlencoded=st.booleans())
def test_hostile_new_source(world, draw, htmx, urlencoded):
    client = hostile_client(world.teacher)
    base = {"title": "Suez", "author": "", "language": "auto", "text": TEXT}
    body = draw.draw(payloads([*base, "file"], base))
    with rolled_back():
        before = source_state()
        response = post(
            client, "/enseignant/sources/nouvelle/", body, htmx=htmx, urlencoded=urlencoded
        )
        check(response, before)


@FEW
@given(draw=st.data(), htmx=st.booleans(), which=st.sampled_from(["own", "other"]))
def test_hostile_proposal_edits_and_fact_forms(world, sources, draw, htmx, which):
    client = hostile_client(world.teacher)
    source, candidate, fact = sources[which]
    source_id = draw.draw(st.sampled_from([source.pk, 0, 2**63, HUGE_ID]))
    url = draw.draw(
        st.sampled_from(
            [
                f"/enseignant/sources/{source_id}/propositions/{candidate.pk}/modifier/",
                f"/enseignant/sources/{source_id}/faits/nouveau/",
                f"/enseignant/sources/{source_id}/faits/{fact.pk}/modifier/",
            ]
        )
    )
    body = draw.draw(payloads(FACT_FIELDS, valid_fact_post()))
    with rolled_back():
        before = source_state()
        response = post(client, url, body, htmx=htmx)
        check(response, before)
        if which == "other":
            assert response.status_code == 404
            assert source_state() == before


@FEW
@given(
    draw=st.data(),
    htmx=st.booleans(),
    action=st.sampled_from(["accepter", "rejeter"]),
)
def test_hostile_accept_and_reject(world, sources, draw, htmx, action):
    client = hostile_client(world.teacher)
    own_source, own_candidate, _fact = sources["own"]
    _other_source, other_candidate, _other_fact = sources["other"]
    source_id = draw.draw(st.sampled_from([own_source.pk, _other_source.pk, 0, HUGE_ID]))
    candidate_id = draw.draw(
        st.sampled_from([own_candidate.pk, other_candidate.pk, 0, 2**63 - 1, HUGE_ID])
    )
    body = draw.draw(payloads(["language"], {}))
    with rolled_back():
        before = source_state()
        url = f"/enseignant/sources/{source_id}/propositions/{candidate_id}/{action}/"
        response = post(client, url, body, htmx=htmx)
        assert_no_server_error(response)
        other = CandidateFact.objects.get(pk=other_candidate.pk)
        assert other.status == CandidateFact.Status.PROPOSED
        # An htmx accept answers its fragment with a 200: only a 4xx is a rejection here.
        if 400 <= response.status_code < 500:
            assert source_state() == before


@FEW
@given(draw=st.data(), which=st.sampled_from(["own", "other"]))
def test_hostile_reread_accept_all_and_delete(world, sources, draw, which):
    client = hostile_client(world.teacher)
    source, _candidate, fact = sources[which]
    url = draw.draw(
        st.sampled_from(
            [
                f"/enseignant/sources/{source.pk}/relire/",
                f"/enseignant/sources/{source.pk}/tout-accepter/",
                f"/enseignant/sources/{source.pk}/faits/{fact.pk}/supprimer/",
            ]
        )
    )
    body = draw.draw(payloads(["language"], {"language": "fr"}))
    with rolled_back():
        before = source_state()
        response = post(client, url, body)
        assert_no_server_error(response)
        if which == "other":
            assert response.status_code == 404
            assert source_state() == before
