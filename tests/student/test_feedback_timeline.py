"""The timeline of a feedback (the events as the source dates them, their quotes and notes) is
rendered once per set of events and language, then reused for every student who gets those
events (quizzes/templatetags/timelines.py): it must be exactly the template's rendering, show
an edited teacher's note at once, follow the language, and carry nothing of an answer."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from quizzes.models import Fact
from quizzes.question_builder import pinned_question
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import attempt_with_questions, published_set

TIMELINE = re.compile(r'<ol class="timeline".*?</ol>\s*</li>\s*</ol>', re.S)


@pytest.fixture
def events(fact_base):
    """Three events, one with a teacher's note (Mussolini's capture)."""
    capture = Fact.objects.get(text__contains="capturé par des partisans")
    others = Fact.objects.events().filter(text__in=["Rome tombe", "Mussolini est arrêté"])
    return [*others, capture]


def answer(user, facts, *, right=True, language="fr") -> str:
    """The feedback page of a fresh chronology on these events, answered by this user."""
    data = pinned_question("chronology", "", facts, "frise")
    attempt = attempt_with_questions(
        student=user, question_set=published_set(owner=None, title="Frise"), questions=[data]
    )
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = language
    post = right_answer_post(data) if right else wrong_answer_post(data)
    response = client.post(reverse("attempt_question", args=[attempt.pk, 1]), post)
    assert response.status_code == 200
    return response.content.decode()


def timeline_of(page: str) -> str:
    return TIMELINE.search(page).group()


def test_the_reused_timeline_is_the_templates_own_rendering(student, events, settings):
    reused = timeline_of(answer(student, events))
    reused_again = timeline_of(answer(student, events))
    settings.DEBUG = True  # no reuse in development: the template renders every time
    rendered = timeline_of(answer(student, events))

    assert reused == reused_again == rendered
    assert "La bonne chronologie" in reused and "Voir la citation" in reused


def test_a_note_edited_after_a_feedback_shows_in_the_next_one(student, other_student, events):
    capture = events[-1]
    first = answer(student, events)
    assert capture.teacher_note in first
    Fact.objects.filter(pk=capture.pk).update(teacher_note="Capturé le 27 avril, pas le 28.")

    page = answer(other_student, events)

    assert "Capturé le 27 avril, pas le 28." in page
    assert capture.teacher_note not in page


def test_each_language_gets_its_own_timeline(student, events):
    french = timeline_of(answer(student, events))
    english = timeline_of(answer(student, events, language="en"))

    assert "La bonne chronologie" in french and "Voir la citation" in french
    assert "The correct chronology" in english and "See the quote" in english
    assert "Voir la citation" not in english


def test_two_students_answers_share_the_timeline_and_nothing_else(student, other_student, events):
    right = answer(student, events)
    wrong = answer(other_student, events, right=False)

    assert timeline_of(right) == timeline_of(wrong)
    score = "Votre score pour cette question : 100 %"
    assert score in right and score not in wrong
    # Each page names its own student (the navigation).
    assert student.username in right and student.username not in wrong
    assert other_student.username in wrong and other_student.username not in right
