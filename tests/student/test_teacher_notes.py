"""A teacher's note on a fact (where the source is wrong or loose) appears in the feedback under
the quote, marked as the teacher's, never before the student has answered."""

import pytest
from django.urls import reverse

from quizzes.models import Fact
from quizzes.question_builder import pinned_question
from tests.conftest import right_answer_post, wrong_answer_post
from tests.factories import attempt_with_questions, published_set

NOTE_MARK = "Note de l’enseignant :"
WAR_ON_GERMANY = "Le gouvernement Badoglio déclare la guerre à l’Allemagne"


def _attempt_on(student, facts, kind, relation=""):
    # Published and site-wide: a set whose attempts still take answers.
    question_set = published_set(owner=None, title="Notes")
    data = pinned_question(kind, relation, facts, "notes")
    attempt = attempt_with_questions(
        student=student, question_set=question_set, questions=[data], seed="notes"
    )
    return data, reverse("attempt_question", args=[attempt.pk, 1])


@pytest.fixture
def capture(fact_base):
    return Fact.objects.get(text__contains="capturé par des partisans")


def test_the_three_notes_of_the_issue_are_shipped(fact_base):
    notes = dict(Fact.objects.exclude(teacher_note="").values_list("text", "teacher_note"))
    assert len(notes) == 3
    joined = " ".join(notes.values())
    assert "29 avril 1945" in joined and "2 mai" in joined  # the German surrender in Italy
    assert "27 avril 1945" in joined  # Mussolini's capture
    assert "septembre 1944" in joined and "général" in joined  # Montgomery's rank in 1943


def test_a_chronology_feedback_shows_the_note_under_the_quote(student_client, student, capture):
    events = [*Fact.objects.events().filter(text__in=[WAR_ON_GERMANY, "Rome tombe"]), capture]
    data, url = _attempt_on(student, events, "chronology")

    before = student_client.get(url).content.decode()
    assert capture.teacher_note not in before and NOTE_MARK not in before

    page = student_client.post(url, right_answer_post(data)).content.decode()
    quote_at = page.index(capture.quote)
    note_at = page.index(capture.teacher_note)
    assert quote_at < note_at
    assert page.rindex(NOTE_MARK, 0, note_at) > quote_at  # marked, between quote and note
    assert page.count(NOTE_MARK) == 1  # the other event has no note


def test_a_matching_feedback_shows_the_note_of_the_pair(student_client, student, fact_base):
    commands = list(Fact.objects.with_relation("commands").order_by("pk")[:3])
    noted = next(fact for fact in commands if fact.teacher_note)
    data, url = _attempt_on(student, commands, "matching", "commands")

    page = student_client.post(url, wrong_answer_post(data)).content.decode()
    assert f"{NOTE_MARK}</strong> {noted.teacher_note}" in page.replace("&#x27;", "'")
    assert page.index(noted.quote) < page.index(noted.teacher_note)
    assert 'class="teacher-note" role="note"' in page


def test_the_note_is_in_english_when_the_student_reads_english(student_client, student, capture):
    student_client.cookies["django_language"] = "en"
    events = [*Fact.objects.events().filter(text__in=[WAR_ON_GERMANY, "Rome tombe"]), capture]
    data, url = _attempt_on(student, events, "chronology")
    page = student_client.post(url, right_answer_post(data)).content.decode()
    assert "Teacher’s note:" in page and NOTE_MARK not in page
