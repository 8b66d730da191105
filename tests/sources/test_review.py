"""The teacher reviews proposals: accept, edit, reject, accept all; hand-written facts; every
fact checked like validate_facts; nothing reaches a set before it is accepted."""

from datetime import date

import pytest
from django.urls import reverse

from quizzes.extraction.dates import find_dates
from quizzes.models import CandidateFact, Fact, Source
from quizzes.question_builder import facts_from


@pytest.fixture
def source(teacher, cuba_text):
    return Source.objects.create(owner=teacher, title="Cuba", language="fr", text=cuba_text)


def propose(source, label: str, text: str, start: date, end: date, precision="day", **extra):
    quote_start = source.text.index(label)
    sentence_end = source.text.index(".", quote_start) + 1
    return CandidateFact.objects.create(
        source=source,
        kind="event",
        text=text,
        quote=source.text[quote_start:sentence_end],
        quote_start=quote_start,
        date_label=label,
        date_start=start,
        date_end=end,
        date_precision=precision,
        **extra,
    )


@pytest.fixture
def blockade(source):
    return propose(
        source, "Le 22 octobre", "Kennedy annonce un blocus", date(1962, 10, 22), date(1962, 10, 22)
    )


@pytest.fixture
def kennedy(source):
    start = source.text.index("président John F. Kennedy")
    quote = "président John F. Kennedy"
    return CandidateFact.objects.create(
        source=source,
        kind="role",
        text="John F. Kennedy : président",
        quote=quote,
        quote_start=start,
        subject="John F. Kennedy",
        subject_kind="person",
        relation="role",
        object="président",
    )


def test_accepting_a_proposal_makes_a_fact_with_its_provenance(
    teacher_client, teacher, source, blockade
):
    response = teacher_client.post(
        reverse("teacher_candidate_accept", args=[source.pk, blockade.pk])
    )
    assert response.status_code == 302
    fact = Fact.objects.get()
    assert (fact.text, fact.date_label, fact.date_start) == (
        "Kennedy annonce un blocus",
        "Le 22 octobre",
        date(1962, 10, 22),
    )
    assert fact.quote == blockade.quote and fact.quote_start == blockade.quote_start
    assert fact.origin == Fact.Origin.ACCEPTED and fact.created_by == teacher
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.ACCEPTED and blockade.fact == fact


def test_accepting_with_htmx_swaps_the_proposal_for_a_confirmation(
    teacher_client, source, blockade
):
    response = teacher_client.post(
        reverse("teacher_candidate_accept", args=[source.pk, blockade.pk]), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="proposition-{blockade.pk}"' in page and "Fait accepté" in page


def test_a_role_proposal_becomes_a_fact_about_a_person(teacher_client, source, kennedy):
    teacher_client.post(reverse("teacher_candidate_accept", args=[source.pk, kennedy.pk]))
    fact = Fact.objects.get()
    assert fact.subject.name == "John F. Kennedy" and fact.subject.kind == "person"
    assert (fact.relation, fact.object) == ("role", "président")


def test_editing_a_date_range_accepts_the_edited_fact(teacher_client, source, blockade):
    post = {
        "kind": "event",
        "text": "Kennedy annonce le blocus de Cuba",
        "quote": blockade.quote,
        "date_label": "Le 22 octobre",
        "date_start": "1962-10-22",
        "date_end": "1962-10-22",
        "date_precision": "day",
        "subject": "",
        "relation": "",
        "object": "",
    }
    response = teacher_client.post(
        reverse("teacher_candidate_edit", args=[source.pk, blockade.pk]), post
    )
    assert response.status_code == 302
    fact = Fact.objects.get()
    assert fact.text == "Kennedy annonce le blocus de Cuba"
    assert fact.origin == Fact.Origin.EDITED


def test_an_edit_that_breaks_the_checks_is_refused_naming_the_problem(
    teacher_client, source, blockade
):
    post = {
        "kind": "event",
        "text": "Kennedy annonce le blocus",
        "quote": blockade.quote,
        "date_label": "Le 22 octobre",
        "date_start": "1962-10-22",
        "date_end": "1962-10-25",  # a day label cannot span four days
        "date_precision": "day",
    }
    response = teacher_client.post(
        reverse("teacher_candidate_edit", args=[source.pk, blockade.pk]), post
    )
    assert response.status_code == 400
    assert "au jour près" in response.content.decode()
    assert not Fact.objects.exists()
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.PROPOSED


def test_a_quote_that_is_not_in_the_text_is_refused(teacher_client, source, blockade):
    post = {
        "kind": "event",
        "text": "Kennedy annonce le blocus",
        "quote": "Le 22 octobre, Kennedy déclare la guerre.",
        "date_label": "Le 22 octobre",
        "date_start": "1962-10-22",
        "date_end": "1962-10-22",
        "date_precision": "day",
    }
    response = teacher_client.post(
        reverse("teacher_candidate_edit", args=[source.pk, blockade.pk]), post
    )
    assert response.status_code == 400
    assert "ne figure pas mot pour mot" in response.content.decode()
    assert not Fact.objects.exists()


def test_rejecting_keeps_the_proposal_out_of_facts_and_sets(teacher_client, source, blockade):
    teacher_client.post(reverse("teacher_candidate_reject", args=[source.pk, blockade.pk]))
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.REJECTED
    assert not Fact.objects.exists()
    page = teacher_client.get(reverse("teacher_source", args=[source.pk])).content.decode()
    assert "1 rejetée" in page


def test_proposals_never_reach_a_set_before_they_are_accepted(teacher, source, blockade, kennedy):
    assert not facts_from(owner=teacher).filter(source=source).exists()


def test_accept_all_accepts_the_sound_ones_and_reports_the_others(
    teacher_client, source, blockade, kennedy
):
    broken = propose(
        source,
        "Le 28 octobre",
        "Khrouchtchev retire les missiles",
        date(1962, 10, 29),  # the label says the 28th
        date(1962, 10, 29),
    )
    response = teacher_client.post(
        reverse("teacher_source_accept_all", args=[source.pk]), follow=True
    )
    page = response.content.decode()
    assert "2 faits acceptés" in page
    assert "Khrouchtchev retire les missiles" in page and "ne correspond pas" in page
    assert source.facts.count() == 2
    broken.refresh_from_db()
    assert broken.status == CandidateFact.Status.PROPOSED


def test_a_proposal_cannot_be_accepted_twice(teacher_client, source, blockade):
    url = reverse("teacher_candidate_accept", args=[source.pk, blockade.pk])
    teacher_client.post(url)
    response = teacher_client.post(url, follow=True)
    assert "déjà été examinée" in response.content.decode()
    assert Fact.objects.count() == 1


def test_a_teacher_adds_a_fact_by_typing_its_quote(teacher_client, teacher, source):
    post = {
        "kind": "event",
        "text": "Les navires soviétiques ralentissent",
        "quote": "Deux jours plus tard, les navires soviétiques ralentissent.",
        "date_label": "Deux jours plus tard",
        "date_start": "1962-10-24",
        "date_end": "1962-10-24",
        "date_precision": "relative",
    }
    response = teacher_client.post(reverse("teacher_fact_create", args=[source.pk]), post)
    assert response.status_code == 302
    fact = source.facts.get()
    assert fact.origin == Fact.Origin.MANUAL and fact.created_by == teacher
    assert source.text[fact.quote_start :].startswith(fact.quote)


def test_the_fact_form_is_prefilled_with_a_selected_passage(teacher_client, source):
    url = reverse("teacher_fact_create", args=[source.pk]) + "?quote=Deux+jours+plus+tard"
    assert "Deux jours plus tard</textarea>" in teacher_client.get(url).content.decode()


def test_a_teacher_edits_and_deletes_facts_of_their_source(teacher_client, source, blockade):
    teacher_client.post(reverse("teacher_candidate_accept", args=[source.pk, blockade.pk]))
    fact = source.facts.get()
    post = {
        "kind": "event",
        "text": "Kennedy annonce à la télévision un blocus naval",
        "quote": fact.quote,
        "date_label": fact.date_label,
        "date_start": "1962-10-22",
        "date_end": "1962-10-22",
        "date_precision": "day",
    }
    response = teacher_client.post(reverse("teacher_fact_edit", args=[source.pk, fact.pk]), post)
    assert response.status_code == 302
    fact.refresh_from_db()
    assert fact.text == "Kennedy annonce à la télévision un blocus naval"
    teacher_client.post(reverse("teacher_fact_delete", args=[source.pk, fact.pk]))
    assert not source.facts.exists()
    blockade.refresh_from_db()
    assert blockade.status == CandidateFact.Status.PROPOSED  # may be reviewed again


def test_the_review_page_highlights_each_quoted_passage(teacher_client, source, blockade):
    page = teacher_client.get(reverse("teacher_source", args=[source.pk])).content.decode()
    assert f'href="#proposition-{blockade.pk}"' in page
    assert "quoted-pending" in page


def test_a_teacher_notes_where_the_source_is_loose_on_their_own_fact(
    teacher_client, source, blockade
):
    teacher_client.post(reverse("teacher_candidate_accept", args=[source.pk, blockade.pk]))
    fact = source.facts.get()
    url = reverse("teacher_fact_edit", args=[source.pk, fact.pk])
    post = {
        "kind": "event",
        "text": fact.text,
        "quote": fact.quote,
        "date_label": fact.date_label,
        "date_start": fact.date_start.isoformat(),
        "date_end": fact.date_end.isoformat(),
        "date_precision": fact.date_precision,
        "teacher_note": "Kennedy parle le soir, à 19 heures (heure de Washington).",
    }
    assert teacher_client.post(url, post).status_code == 302
    fact.refresh_from_db()
    assert fact.teacher_note == post["teacher_note"]
    assert fact.quote == blockade.quote  # the quote stays the source's
    assert post["teacher_note"] in teacher_client.get(url).content.decode()


def test_accepting_a_proposal_unchanged_with_no_note_is_not_an_edit(
    teacher_client, source, blockade
):
    page = teacher_client.get(reverse("teacher_candidate_edit", args=[source.pk, blockade.pk]))
    form = page.context["form"]
    post = {name: form.initial.get(name) or "" for name in form.fields}
    post.update(date_start=blockade.date_start.isoformat(), date_end=blockade.date_end.isoformat())
    response = teacher_client.post(
        reverse("teacher_candidate_edit", args=[source.pk, blockade.pk]), post
    )
    assert response.status_code == 302
    assert Fact.objects.get().origin == Fact.Origin.ACCEPTED


NEW_LABELS_TEXT = (
    "En l'an 800, Charlemagne est couronné à Rome. "
    "Le premier mai 1891, la troupe tire à Fourmies. "
    "Entre le 10 et le 15 mai 1958, Alger s'agite. "
    "En 1914-18, la France perd 1,4 million d'hommes. "
)


@pytest.mark.parametrize(
    "label",
    ["En l'an 800", "Le premier mai 1891", "Entre le 10 et le 15 mai 1958", "En 1914-18"],
)
def test_a_proposal_with_a_label_the_extractor_learnt_is_accepted_as_it_is(
    teacher_client, teacher, label
):
    source = Source.objects.create(
        owner=teacher, title="Dates", language="fr", text=NEW_LABELS_TEXT
    )
    found = next(m for m in find_dates(NEW_LABELS_TEXT, "fr") if m.label == label)
    candidate = propose(
        source, label, "Un événement", found.date_start, found.date_end, found.precision
    )
    response = teacher_client.post(
        reverse("teacher_candidate_accept", args=[source.pk, candidate.pk])
    )
    assert response.status_code == 302
    fact = Fact.objects.get()
    assert (fact.date_label, fact.date_start, fact.date_end) == (
        label,
        found.date_start,
        found.date_end,
    )
