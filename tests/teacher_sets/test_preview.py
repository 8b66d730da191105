"""The live preview: sample questions from unsaved form data, generated in memory."""

from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, QuestionSet
from tests.teacher_sets.conftest import set_post

PREVIEW = "teacher_set_preview"


def stored_counts():
    return (QuestionSet.objects.count(), Attempt.objects.count(), AttemptQuestion.objects.count())


def test_preview_shows_one_sample_of_each_kind_with_the_expected_answer(teacher_client, fact_base):
    before = stored_counts()
    response = teacher_client.post(reverse(PREVIEW), set_post(), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert "Exemple de chronologie" in page
    assert "Exemple d’association" in page
    assert page.count("Réponse attendue") == 2
    assert page.count('class="card preview-question"') == 2
    assert stored_counts() == before


def test_preview_of_a_chronology_only_set_shows_only_a_chronology(teacher_client, orderable_events):
    post = set_post(
        fact_choice="picked", facts=[f.pk for f in orderable_events], matching_count="0"
    )
    page = teacher_client.post(reverse(PREVIEW), post, HTTP_HX_REQUEST="true").content.decode()
    assert "Exemple d’association" not in page
    expected = page.split("Réponse attendue")[1]
    positions = [expected.index(event.text) for event in orderable_events]
    assert positions == sorted(positions)  # oldest first


def test_preview_explains_why_the_facts_fall_short_and_stores_nothing(
    teacher_client, events_same_day
):
    before = stored_counts()
    post = set_post(
        fact_choice="picked",
        facts=[fact.pk for fact in events_same_day],
        chronology_items="8",
        matching_count="0",
        status="published",
    )
    response = teacher_client.post(reverse(PREVIEW), post, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Impossible de composer une chronologie de 8 événements" in page
    assert "au plus 1 ont des dates qui ne se chevauchent pas" in page
    assert stored_counts() == before


def test_preview_of_an_invalid_form_lists_the_errors(teacher_client, fact_base):
    response = teacher_client.post(
        reverse(PREVIEW), set_post(chronology_items="9"), HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Corrigez le formulaire" in page
    assert "Au plus 8." in page
    assert QuestionSet.objects.count() == 0


def test_preview_without_javascript_renders_the_whole_page(teacher_client, fact_base):
    response = teacher_client.post(reverse(PREVIEW), set_post(title="Pas encore enregistrée"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" in page
    assert 'value="Pas encore enregistrée"' in page
    assert "Réponse attendue" in page
    assert QuestionSet.objects.count() == 0


def test_preview_of_an_existing_set_does_not_change_it(teacher_client, fact_base):
    teacher_client.post(reverse("teacher_set_create"), set_post())
    question_set = QuestionSet.objects.get()
    response = teacher_client.post(
        reverse(PREVIEW, args=[question_set.pk]),
        set_post(title="Autre titre", status="published"),
    )
    assert response.status_code == 200
    question_set.refresh_from_db()
    assert question_set.title == "Italie 1943"
    assert question_set.status == QuestionSet.Status.DRAFT
    assert not Attempt.objects.exists()


def test_builder_form_asks_for_a_live_preview(teacher_client, fact_base):
    page = teacher_client.get(reverse("teacher_set_create")).content.decode()
    assert f'hx-post="{reverse(PREVIEW)}"' in page
    assert 'hx-trigger="change, input delay:400ms" hx-sync="this:replace"' in page
    assert 'hx-target="#set-preview"' in page
    assert f'formaction="{reverse(PREVIEW)}"' in page
    assert "Prévisualiser" in page


def test_preview_says_when_the_facts_cannot_supply_distinct_questions(
    teacher_client, orderable_events
):
    # Four orderable events make one chronology of four: a second would repeat it.
    post = set_post(
        fact_choice="picked",
        facts=[f.pk for f in orderable_events],
        chronology_count="2",
        matching_count="0",
    )
    page = teacher_client.post(reverse(PREVIEW), post, HTTP_HX_REQUEST="true").content.decode()
    assert "Impossible de tirer 2 questions « chronologie » différentes" in page
    assert "n’en permettent que 1 par tentative" in page
