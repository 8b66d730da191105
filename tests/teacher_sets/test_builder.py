"""The question-set builder: create, edit, publish, assign to classes; limits mirrored from
the database constraints as French form errors, never a 500."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.engine import grading
from quizzes.forms.question_sets import EXAMPLE_ANSWER, EXAMPLE_CORRECT
from quizzes.models import Attempt, PinnedQuestion, QuestionSet
from tests.conftest import make_teacher
from tests.teacher_sets.conftest import set_post

CREATE = "teacher_set_create"


def stored_counts():
    return (QuestionSet.objects.count(), Attempt.objects.count(), PinnedQuestion.objects.count())


def test_teacher_creates_a_draft_owned_by_them_whatever_the_post_says(
    teacher_client, teacher, other_teacher, fact_base
):
    response = teacher_client.post(reverse(CREATE), set_post(owner=str(other_teacher.pk)))
    question_set = QuestionSet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("teacher_set_edit", args=[question_set.pk])
    assert question_set.owner == teacher
    assert question_set.status == QuestionSet.Status.DRAFT
    assert question_set.title == "Italie 1943"


def test_teacher_edits_and_publishes_their_set_for_a_class(teacher_client, fact_base, classroom):
    teacher_client.post(reverse(CREATE), set_post())
    question_set = QuestionSet.objects.get()
    response = teacher_client.post(
        reverse("teacher_set_edit", args=[question_set.pk]),
        set_post(
            title="Italie 1943-1945",
            status="published",
            classrooms=[classroom.pk],
            ordering_method="RELATIVE_TO_CORRECT",
            matching_relations=["role", "commands"],
            regenerate_per_attempt="False",
            opens_at="2026-01-05T08:00",
            closes_at="2026-06-30T18:00",
            closing_grace_minutes="15",
        ),
    )
    assert response.status_code == 302
    question_set.refresh_from_db()
    assert question_set.title == "Italie 1943-1945"
    assert question_set.status == QuestionSet.Status.PUBLISHED
    assert list(question_set.classrooms.all()) == [classroom]
    assert question_set.ordering_method == "RELATIVE_TO_CORRECT"
    assert question_set.matching_relations == ["role", "commands"]
    assert question_set.regenerate_per_attempt is False
    assert question_set.opens_at < question_set.closes_at
    assert question_set.closing_grace_minutes == 15


def test_a_post_without_a_grace_period_means_none(teacher_client, fact_base):
    """A form loaded before the field existed still saves: no answers after closing."""
    response = teacher_client.post(reverse(CREATE), set_post(closing_grace_minutes=None))
    assert response.status_code == 302
    assert QuestionSet.objects.get().closing_grace_minutes == 0


def test_hand_picked_facts_are_saved_and_all_facts_clears_them(teacher_client, orderable_events):
    picked = [fact.pk for fact in orderable_events]
    teacher_client.post(
        reverse(CREATE), set_post(fact_choice="picked", facts=picked, matching_count="0")
    )
    question_set = QuestionSet.objects.get()
    assert sorted(question_set.facts.values_list("pk", flat=True)) == sorted(picked)
    teacher_client.post(reverse("teacher_set_edit", args=[question_set.pk]), set_post(facts=picked))
    assert not question_set.facts.exists()


def test_publishing_is_refused_when_the_hand_picked_events_overlap(teacher_client, events_same_day):
    post = set_post(
        fact_choice="picked",
        facts=[fact.pk for fact in events_same_day],
        chronology_items="8",
        matching_count="0",
        status="published",
    )
    response = teacher_client.post(reverse(CREATE), post)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Publication impossible" in page
    assert "Impossible de composer une chronologie de 8 événements" in page
    assert "au plus 1 ont des dates" in page
    assert QuestionSet.objects.count() == 0
    # The same set may be kept as a draft while the teacher works on it.
    response = teacher_client.post(reverse(CREATE), {**post, "status": "draft"})
    assert response.status_code == 302
    assert QuestionSet.objects.get().status == QuestionSet.Status.DRAFT


def test_a_class_of_another_teacher_is_a_form_error(teacher_client, fact_base, other_classroom):
    response = teacher_client.post(
        reverse(CREATE), set_post(status="published", classrooms=[other_classroom.pk])
    )
    assert response.status_code == 400
    assert "n’est pas l’une des vôtres" in response.content.decode()
    assert QuestionSet.objects.count() == 0


def test_only_the_teachers_own_classes_are_offered(
    teacher_client, fact_base, classroom, other_classroom
):
    page = teacher_client.get(reverse(CREATE)).content.decode()
    assert "3e B" in page
    assert "4e A" not in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"chronology_items": "9"}, "Au plus 8."),
        ({"chronology_items": "2"}, "Au moins 3."),
        ({"matching_pairs": "1"}, "Au moins 2."),
        ({"matching_pairs": "9"}, "Au plus 8."),
        ({"matching_penalty": "2"}, "La pénalité est comprise entre 0 et 1."),
        ({"matching_penalty": "-0.5"}, "La pénalité est comprise entre 0 et 1."),
        ({"chronology_count": "31"}, "Au plus 30."),
        ({"closing_grace_minutes": "121"}, "Au plus 120."),
        ({"closing_grace_minutes": "-5"}, "Au moins 0."),
        ({"closing_grace_minutes": "1e3"}, "Indiquez un nombre entier."),
        ({"chronology_count": "0", "matching_count": "0"}, "Demandez au moins une question"),
        (
            {"opens_at": "2026-03-01T10:00", "closes_at": "2026-02-01T10:00"},
            "La fermeture doit suivre l’ouverture.",
        ),
        (
            {"opens_at": "2026-03-01T10:00", "closes_at": "2026-03-01T10:00"},
            "La fermeture doit suivre l’ouverture.",
        ),
        ({"period_start": "1944-01-01", "period_end": "1943-01-01"}, "La fin de la période"),
        ({"chronology_items": "huit"}, "Indiquez un nombre entier."),
        ({"ordering_method": "MOODLE"}, "Sélectionnez un choix valide"),
        ({"matching_relations": ["alliance"]}, "Type d’association inconnu"),
        ({"title": ""}, "Donnez un titre à la série."),
        ({"fact_choice": "picked"}, "Cochez au moins un fait"),
        ({"facts": ["999999"], "fact_choice": "picked"}, "Fait inconnu"),
    ],
)
def test_posts_breaking_a_limit_get_a_french_form_error_and_store_nothing(
    teacher_client, fact_base, overrides, message
):
    before = stored_counts()
    response = teacher_client.post(reverse(CREATE), set_post(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert stored_counts() == before


def test_a_bad_edit_leaves_the_stored_set_unchanged(teacher_client, fact_base):
    teacher_client.post(reverse(CREATE), set_post())
    question_set = QuestionSet.objects.get()
    response = teacher_client.post(
        reverse("teacher_set_edit", args=[question_set.pk]),
        set_post(title="Changé", chronology_items="9", matching_penalty="2"),
    )
    assert response.status_code == 400
    question_set.refresh_from_db()
    assert (question_set.title, question_set.chronology_items) == ("Italie 1943", 4)


def test_ordering_method_examples_are_computed_by_the_engine(teacher_client, fact_base):
    page = teacher_client.get(reverse(CREATE)).content.decode()
    for method in grading.ORDERING_METHODS:
        assert grading.ORDERING_METHOD_HELP[method].replace("'", "&#x27;") in page
        percent = round(100 * grading.grade_ordering(EXAMPLE_CORRECT, EXAMPLE_ANSWER, method))
        example = re.search(rf'data-method="{method}">([^<]*)<', page).group(1)
        assert f"obtient {percent} %" in example
    # The examples tell the methods apart: B A C D is 0 for all-or-nothing, 50 % by position.
    assert EXAMPLE_CORRECT == ("A", "B", "C", "D") and EXAMPLE_ANSWER == ("B", "A", "C", "D")
    assert 'data-method="ALL_OR_NOTHING">Exemple : B A C D obtient 0 %' in page
    assert 'data-method="ABSOLUTE_POSITION">Exemple : B A C D obtient 50 %' in page


def test_fact_search_partial_narrows_the_list_and_keeps_checked_facts(
    teacher_client, orderable_events
):
    kept = orderable_events[0]
    response = teacher_client.get(
        reverse("teacher_set_facts"), {"q": "Patton", "facts": [kept.pk]}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert f'value="{kept.pk}" id="fact-{kept.pk}" checked' in page
    assert "George S. Patton" in page
    assert "Benito Mussolini" not in page


def test_fact_search_works_without_javascript(teacher_client, fact_base):
    page = teacher_client.get(reverse(CREATE), {"q": "Montgomery"}).content.decode()
    assert "<html" in page
    assert "Bernard L. Montgomery" in page
    assert "Benito Mussolini →" not in page


def test_filter_button_without_javascript_keeps_what_was_typed(teacher_client, orderable_events):
    kept = orderable_events[0]
    response = teacher_client.post(
        reverse(CREATE),
        set_post(title="Brouillon en cours", q="Patton", filter_facts="1", facts=[kept.pk]),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="Brouillon en cours"' in page
    assert f'value="{kept.pk}" id="fact-{kept.pk}" checked' in page
    assert "George S. Patton" in page
    assert QuestionSet.objects.count() == 0


def test_set_list_shows_counts_in_a_fixed_number_of_queries(
    teacher_client, teacher, fact_base, classroom, django_assert_max_num_queries
):
    from quizzes.attempts import start_attempt

    for title in ("Série A", "Série B", "Série C"):
        teacher_client.post(reverse(CREATE), set_post(title=title, classrooms=[classroom.pk]))
    question_set = QuestionSet.objects.get(title="Série B")
    start_attempt(question_set, user=classroom.students.first())
    start_attempt(question_set, user=classroom.students.first())
    make_teacher("autre").question_sets.create(title="Pas la mienne")
    with django_assert_max_num_queries(8):
        page = teacher_client.get(reverse("teacher_sets")).content.decode()
    assert "Pas la mienne" not in page
    row = re.search(r"Série B</a></th>(.*?)</tr>", page, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert "brouillon" in cells[0]
    assert "3e B" in cells[1]
    assert cells[2].strip() == "3"  # 2 chronologies + 1 association
    assert cells[3].strip() == "2"
    assert "Nouvelle série" in page


def test_duplicate_makes_a_draft_copy_with_its_facts_and_classes(
    teacher_client, orderable_events, classroom
):
    teacher_client.post(
        reverse(CREATE),
        set_post(
            fact_choice="picked",
            facts=[f.pk for f in orderable_events],
            chronology_count="1",  # 4 events make one chronology of 4, never two
            matching_count="0",
            status="published",
            classrooms=[classroom.pk],
        ),
    )
    original = QuestionSet.objects.get()
    response = teacher_client.post(reverse("teacher_set_duplicate", args=[original.pk]))
    copy = QuestionSet.objects.exclude(pk=original.pk).get()
    assert response["Location"] == reverse("teacher_set_edit", args=[copy.pk])
    assert copy.status == QuestionSet.Status.DRAFT
    assert copy.title == "Copie de Italie 1943"
    assert set(copy.facts.all()) == set(orderable_events)
    assert list(copy.classrooms.all()) == [classroom]


def test_delete_asks_for_confirmation_then_deletes(teacher_client, fact_base):
    teacher_client.post(reverse(CREATE), set_post())
    question_set = QuestionSet.objects.get()
    url = reverse("teacher_set_delete", args=[question_set.pk])
    page = teacher_client.get(url).content.decode()
    assert "Supprimer définitivement" in page
    assert QuestionSet.objects.exists()
    response = teacher_client.post(url)
    assert response["Location"] == reverse("teacher_sets")
    assert not QuestionSet.objects.exists()


def test_published_set_is_seen_only_by_students_of_its_classes(
    teacher_client, fact_base, classroom, student, other_student
):
    teacher_client.post(
        reverse(CREATE),
        set_post(title="Révisions de la 3e B", status="published", classrooms=[classroom.pk]),
    )
    teacher_client.post(
        reverse(CREATE), set_post(title="Brouillon secret", classrooms=[classroom.pk])
    )
    client = Client()
    client.force_login(student)
    page = client.get(reverse("student_home")).content.decode()
    assert "Révisions de la 3e B" in page
    assert "Brouillon secret" not in page
    client.force_login(other_student)
    page = client.get(reverse("student_home")).content.decode()
    assert "Révisions de la 3e B" not in page


def test_a_new_set_form_starts_from_working_defaults(teacher_client, fact_base):
    """A teacher who only types a title gets a valid set: every number has its default."""
    page = teacher_client.get(reverse(CREATE)).content.decode()
    for name, value in [
        ("chronology_count", "3"),
        ("chronology_items", "4"),
        ("matching_distractors", "1"),
        ("attempts_allowed", "0"),
    ]:
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', page).group(0)
        assert f'value="{value}"' in tag


def test_publishing_is_refused_when_questions_would_repeat(teacher_client, orderable_events):
    post = set_post(
        fact_choice="picked",
        facts=[f.pk for f in orderable_events],
        chronology_count="2",
        matching_count="0",
        status="published",
    )
    response = teacher_client.post(reverse(CREATE), post)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Publication impossible" in page
    assert "Impossible de tirer 2 questions « chronologie » différentes" in page
    assert QuestionSet.objects.count() == 0
