"""Pinned questions: hand-written from chosen facts, refused when ambiguous, asked first."""

import html

import pytest
from django.urls import reverse

from quizzes.attempts import start_attempt
from quizzes.models import Fact, PinnedQuestion, QuestionSet
from quizzes.question_builder import build_questions
from tests.teacher_sets.conftest import set_post


@pytest.fixture
def question_set(teacher_client, fact_base, classroom):
    teacher_client.post(
        reverse("teacher_set_create"),
        set_post(status="published", classrooms=[classroom.pk]),
    )
    return QuestionSet.objects.get()


def pin(client, question_set, kind, facts, relation=""):
    return client.post(
        reverse("teacher_set_pin", args=[question_set.pk]),
        {"pin-kind": kind, "pin-relation": relation, "pin-facts": [f.pk for f in facts]},
    )


def role_facts(*subjects):
    return [
        Fact.objects.get(relation="role", subject__name=subject, object__startswith=start)
        for subject, start in subjects
    ]


def test_pinned_chronology_is_saved_with_its_facts(teacher_client, question_set, orderable_events):
    response = pin(teacher_client, question_set, "chronology", orderable_events[:3])
    assert response.status_code == 302
    pinned = PinnedQuestion.objects.get()
    assert pinned.question_set == question_set
    assert (pinned.kind, pinned.relation) == ("chronology", "")
    assert set(pinned.facts.all()) == set(orderable_events[:3])
    page = teacher_client.get(reverse("teacher_set_edit", args=[question_set.pk])).content
    assert orderable_events[0].text in page.decode()


def test_pinned_chronology_of_overlapping_events_is_refused_naming_them(
    teacher_client, question_set, events_same_day, orderable_events
):
    chosen = [*events_same_day[:2], orderable_events[-1]]
    response = pin(teacher_client, question_set, "chronology", chosen)
    page = response.content.decode()
    assert response.status_code == 400
    assert "leurs dates se chevauchent" in page
    for fact in events_same_day[:2]:
        assert fact.text.replace("’", "’") in page
    assert not PinnedQuestion.objects.exists()


@pytest.mark.parametrize("count", [2, 9])
def test_pinned_chronology_needs_3_to_8_events(teacher_client, question_set, count):
    events = list(Fact.objects.events().chronological())[:count]
    response = pin(teacher_client, question_set, "chronology", events)
    assert response.status_code == 400
    assert "de 3 à 8 événements" in response.content.decode()
    assert not PinnedQuestion.objects.exists()


def test_pinned_matching_is_saved(teacher_client, question_set):
    facts = role_facts(("Benito Mussolini", "dictateur"), ("Pietro Badoglio", "maréchal"))
    response = pin(teacher_client, question_set, "matching", facts, relation="role")
    assert response.status_code == 302
    assert PinnedQuestion.objects.get().relation == "role"


def test_pinned_matching_with_two_facts_on_one_subject_is_refused(teacher_client, question_set):
    facts = [
        *Fact.objects.filter(relation="happened_at", subject__name="Rome"),
        Fact.objects.get(relation="happened_at", subject__name="Abruzzes"),
    ]
    assert len(facts) == 3
    response = pin(teacher_client, question_set, "matching", facts, relation="happened_at")
    assert response.status_code == 400
    assert "Impossible d’associer 3 paires" in response.content.decode()
    assert not PinnedQuestion.objects.exists()


def test_pinned_matching_needs_a_relation_and_facts_of_it(teacher_client, question_set):
    facts = role_facts(("Benito Mussolini", "dictateur"), ("Pietro Badoglio", "maréchal"))
    assert pin(teacher_client, question_set, "matching", facts).status_code == 400
    response = pin(teacher_client, question_set, "matching", facts, relation="commands")
    assert response.status_code == 400
    assert not PinnedQuestion.objects.exists()


def test_pinned_questions_come_first_in_a_started_attempt(
    teacher_client, question_set, orderable_events, student
):
    pin(teacher_client, question_set, "chronology", orderable_events)
    facts = role_facts(("Benito Mussolini", "dictateur"), ("Pietro Badoglio", "maréchal"))
    pin(teacher_client, question_set, "matching", facts, relation="role")
    attempt = start_attempt(question_set, user=student)
    questions = [q.data for q in attempt.questions.order_by("position")]
    assert attempt.question_count == 2 + question_set.question_count == len(questions)
    first, second = questions[0], questions[1]
    assert first["kind"] == "chronology"
    assert {item["fact_id"] for item in first["items"]} == {str(f.pk) for f in orderable_events}
    by_id = {item["id"]: item["fact_id"] for item in first["items"]}
    assert [by_id[i] for i in first["answer"]] == [str(f.pk) for f in orderable_events]
    assert second["kind"] == "matching"
    assert {item["fact_id"] for item in second["prompts"]} == {str(f.pk) for f in facts}
    assert [q["kind"] for q in questions[2:]] == ["chronology", "chronology", "matching"]


def test_pinned_items_are_shuffled_per_seed(teacher_client, question_set, orderable_events):
    pin(teacher_client, question_set, "chronology", orderable_events)
    orders = {
        tuple(item["fact_id"] for item in build_questions(question_set, f"graine-{n}")[0]["items"])
        for n in range(8)
    }
    assert len(orders) > 1


def test_removing_a_pinned_question(teacher_client, question_set, orderable_events):
    pin(teacher_client, question_set, "chronology", orderable_events[:3])
    pinned = PinnedQuestion.objects.get()
    response = teacher_client.post(reverse("teacher_set_unpin", args=[question_set.pk, pinned.pk]))
    assert response.status_code == 302
    assert not PinnedQuestion.objects.exists()


def test_pin_form_narrows_facts_to_the_chosen_relation(teacher_client, question_set):
    page = teacher_client.get(
        reverse("teacher_set_edit", args=[question_set.pk]),
        {"pin-kind": "matching", "pin-relation": "commands"},
    ).content.decode()
    pin_section = page.split('id="epinglees"')[1]
    assert "Pietro Badoglio → le gouvernement italien" in pin_section
    assert "Patton → général" not in pin_section


def test_pinned_matching_whose_answer_fits_another_prompt_through_acts_for_is_refused(
    teacher_client, question_set
):
    # Badoglio acts for the Italian government: what it does, he may be said to do.
    facts = role_facts(
        ("Pietro Badoglio", "maréchal"), ("Gouvernement italien", "l’acceptation secrète")
    )
    response = pin(teacher_client, question_set, "matching", facts, relation="role")
    page = html.unescape(response.content.decode())
    assert response.status_code == 400
    assert "deux réponses défendables" in page
    assert (
        "« l’acceptation secrète des conditions de reddition des Alliés » vaut aussi pour "
        "« Pietro Badoglio » (lien « agit pour » avec « Gouvernement italien »)"
    ) in page
    assert not PinnedQuestion.objects.exists()


def test_pinned_matching_of_entities_that_do_not_act_for_each_other_is_kept(
    teacher_client, question_set
):
    facts = role_facts(("Pietro Badoglio", "maréchal"), ("Allemagne", "partenaire"))
    response = pin(teacher_client, question_set, "matching", facts, relation="role")
    assert response.status_code == 302
    assert PinnedQuestion.objects.get().facts.count() == 2
