"""The builder offers the question kinds history teachers ask for, each with its live preview:
cause → consequence matching, which came first, date entry, true or false."""

import re

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from quizzes.models import Fact, QuestionSet
from tests.teacher_sets.conftest import set_post

PREVIEW = "teacher_set_preview"


def preview(client, **overrides) -> str:
    response = client.post(reverse(PREVIEW), set_post(**overrides), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_preview_of_cause_matching_pairs_each_cause_with_its_consequence(teacher_client, fact_base):
    page = preview(
        teacher_client, chronology_count="0", matching_relations="causes", matching_pairs="3"
    )
    assert "Associez chaque cause à sa conséquence." in page
    assert "Conquête alliée de la Sicile" in page or "Série de défaites militaires" in page
    assert "preview-problem" not in page


def test_cause_matching_of_four_pairs_is_refused_with_the_reason(teacher_client, fact_base):
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_relations="causes",
        matching_pairs="4",
        status="published",
    )
    assert "preview-problem" in page
    assert "Impossible d’associer 4 paires" in page


def test_preview_shows_which_came_first_with_the_earlier_event(teacher_client, fact_base):
    page = preview(teacher_client, chronology_count="0", matching_count="0", which_first_count="2")
    assert "Exemple de « lequel d’abord ? »" in page
    assert "Lequel de ces deux événements a eu lieu en premier ?" in page
    assert page.count("Réponse attendue") == 1
    assert "preview-problem" not in page


def test_preview_shows_a_date_entry_with_the_date_and_what_is_asked(teacher_client, fact_base):
    page = preview(teacher_client, chronology_count="0", matching_count="0", date_entry_count="3")
    assert "Exemple de date à écrire" in page
    assert "l’année seule" in page or "le mois et l’année" in page
    # What the student must type, with its year even when the source's label has none.
    typed = re.search(r"(?:l’année seule|le mois et l’année) : <strong>([^<]+)</strong>", page)
    assert typed and re.fullmatch(r"(?:[a-zéû]+ )?194[3-5]", typed.group(1))


def test_asking_more_date_entries_than_the_facts_hold_is_refused_with_the_reason(
    teacher_client, fact_base
):
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_count="0",
        date_entry_count="17",
        status="published",
    )
    assert "preview-problem" in page
    assert "Impossible de tirer 17 questions « date à écrire » différentes" in page


def test_a_set_of_only_the_new_kinds_is_saved_with_its_counts(teacher_client, teacher, fact_base):
    post = set_post(
        chronology_count="0", matching_count="0", which_first_count="2", date_entry_count="1"
    )
    response = teacher_client.post(reverse("teacher_set_create"), post)
    assert response.status_code == 302
    question_set = QuestionSet.objects.get(owner=teacher)
    assert (question_set.which_first_count, question_set.date_entry_count) == (2, 1)
    assert question_set.question_count == 3


def test_a_set_asking_no_question_at_all_is_refused(teacher_client, fact_base):
    page = preview(teacher_client, chronology_count="0", matching_count="0", date_entry_count="0")
    assert "Demandez au moins une question générée" in page


def test_preview_shows_a_true_or_false_statement_with_its_verdict_and_correction(
    teacher_client, fact_base
):
    page = preview(teacher_client, chronology_count="0", matching_count="0", true_false_count="4")
    assert "Exemple de « vrai ou faux »" in page
    assert "Vrai ou faux ?" in page
    assert page.count("Réponse attendue") == 1
    assert "l’affirmation vraie :" in page
    assert "preview-problem" not in page


def test_true_or_false_from_facts_that_cannot_be_falsified_is_refused_with_the_reason(
    teacher_client, fact_base
):
    """Events of one day, no relation: none can be given a date certainly not its own."""
    same_day = Fact.objects.events().filter(
        date_start="1943-07-10", date_end="1943-07-10", relation=""
    )
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_count="0",
        true_false_count="1",
        fact_choice="picked",
        facts=[str(fact.pk) for fact in same_day],
        status="published",
    )
    assert "preview-problem" in page
    assert "aucun fait ne peut être rendu certainement faux" in page


def test_a_set_of_true_or_false_questions_is_saved_with_its_count(
    teacher_client, teacher, fact_base
):
    post = set_post(chronology_count="1", matching_count="0", true_false_count="5")
    response = teacher_client.post(reverse("teacher_set_create"), post)
    assert response.status_code == 302
    question_set = QuestionSet.objects.get(owner=teacher)
    assert question_set.true_false_count == 5
    assert question_set.question_count == 6


def test_results_tables_name_the_true_or_false_kind_in_the_readers_language():
    assert render_to_string("teacher/_results_kind.html", {"kind": "true_false"}) == "vrai ou faux"
    with translation.override("en"):
        name = render_to_string("teacher/_results_kind.html", {"kind": "true_false"})
    assert name == "true or false"


def test_preview_shows_an_odd_one_out_with_the_intruder_and_its_date(teacher_client, fact_base):
    page = preview(teacher_client, chronology_count="0", matching_count="0", odd_one_out_count="2")
    assert "Exemple de « l’intrus »" in page
    assert re.search(r"Lequel de ces événements n’a pas eu lieu en 194[35] \?", page)
    assert page.count("Réponse attendue") == 1
    assert "%(year)s" not in page
    assert "preview-problem" not in page


def test_preview_shows_an_odd_one_out_by_side_with_the_intruders_side(teacher_client, fact_base):
    # Facts about people and groups only, no event: the question is by side.
    people = [str(pk) for pk in Fact.objects.filter(kind="role").values_list("pk", flat=True)]
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_count="0",
        odd_one_out_count="2",
        fact_choice="picked",
        facts=people,
    )
    found = re.search(r"Lequel de ces acteurs n’était pas dans le camp « (Alliés|Axe) » \?", page)
    assert found, page
    enemy = {"Alliés": "Axe", "Axe": "Alliés"}[found.group(1)]
    assert page.count("Réponse attendue") == 1
    assert f"(dans le camp « {enemy} »)" in page  # the intruder, with its side
    assert "%(side)s" not in page and "preview-problem" not in page


def test_asking_more_odd_ones_out_than_the_facts_hold_is_refused_with_the_reason(
    teacher_client, fact_base
):
    page = preview(
        teacher_client,
        chronology_count="0",
        matching_count="0",
        odd_one_out_count="30",
        status="published",
    )
    assert "preview-problem" in page
    assert "Impossible de tirer 30 questions « l’intrus » différentes" in page


def test_a_set_of_odd_ones_out_is_saved_with_its_count(teacher_client, teacher, fact_base):
    post = set_post(chronology_count="0", matching_count="0", odd_one_out_count="3")
    response = teacher_client.post(reverse("teacher_set_create"), post)
    assert response.status_code == 302
    question_set = QuestionSet.objects.get(owner=teacher)
    assert question_set.odd_one_out_count == question_set.question_count == 3
