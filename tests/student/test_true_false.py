"""A student answers true-or-false questions: graded on the server, all or nothing; whether the
statement is true, the true statement and its quote shown only after the answer; tampered
posts refused with nothing stored."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from quizzes.engine.true_false import statement
from quizzes.models import Attempt, AttemptQuestion, Fact, FactResult, QuestionSet
from tests.student.test_event_questions import stored, url

# Enough questions that an attempt holds true and false statements (each drawn half and half).
QUESTIONS = 20


@pytest.fixture
def true_false_set(fact_base):
    return QuestionSet.objects.create(
        title="Vrai ou faux : l’Italie en guerre",
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=0,
        matching_count=0,
        true_false_count=QUESTIONS,
    )


@pytest.fixture
def attempt(student_client, true_false_set):
    response = student_client.post(reverse("attempt_start", args=[true_false_set.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def first(attempt, *, true: bool) -> AttemptQuestion:
    return next(q for q in attempt.questions.order_by("position") if q.data["answer"] is true)


def shown(question: AttemptQuestion) -> str:
    return statement(question.data["wording"], question.data["parts"])


def truth(question: AttemptQuestion) -> str:
    return statement(question.data["wording"], question.data["true_parts"])


def test_the_attempt_states_each_fact_once_true_or_false(attempt):
    questions = list(attempt.questions.all())
    assert [q.kind for q in questions] == ["true_false"] * QUESTIONS
    facts = [q.data["items"][0]["fact_id"] for q in questions]
    assert len(set(facts)) == QUESTIONS
    assert {q.data["answer"] for q in questions} == {True, False}


def test_the_page_shows_the_statement_and_nothing_of_the_answer(student_client, attempt):
    question = first(attempt, true=False)
    page = student_client.get(url(question)).content.decode()
    assert escape(shown(question)) in page
    assert escape(truth(question)) not in page
    # The quote itself (the falsified statement may share words with it, never the quote shown
    # as the source's words).
    assert f"« {escape(question.data['items'][0]['quote'])} »" not in page
    assert "Ce que dit la source" not in page
    assert "Cette affirmation est" not in page
    assert "L’affirmation vraie" not in page


def test_the_form_works_without_javascript_with_two_labelled_choices(student_client, attempt):
    question = first(attempt, true=True)
    page = student_client.get(url(question)).content.decode()
    position = question.position
    assert 'method="post"' in page
    assert f'<legend class="true-false-statement">{escape(shown(question))}</legend>' in page
    assert f'for="verdict-true-{position}"' in page and f'for="verdict-false-{position}"' in page
    assert page.count('name="verdict"') == 2


@pytest.mark.parametrize("true", [True, False])
def test_the_right_verdict_scores_and_shows_the_true_statement_and_its_quote(
    student_client, attempt, true
):
    question = first(attempt, true=true)
    verdict = "true" if true else "false"
    response = student_client.post(url(question), {"verdict": verdict})
    page = response.content.decode()
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.score == 1.0
    fact_id = int(question.data["items"][0]["fact_id"])
    assert FactResult.objects.get(question=question).fact_id == fact_id
    assert FactResult.objects.get(question=question).correct
    assert "Votre score pour cette question : 100 %" in page
    assert "L’affirmation vraie" in page
    assert escape(truth(question)) in page
    assert escape(question.data["items"][0]["quote"]) in page
    said = "Cette affirmation est vraie." if true else "Cette affirmation est fausse."
    assert said in page


def test_calling_a_false_statement_true_scores_nothing_and_gives_the_correction(
    student_client, attempt
):
    question = first(attempt, true=False)
    page = student_client.post(url(question), {"verdict": "true"}, HTTP_HX_REQUEST="true")
    question.refresh_from_db()
    assert question.score == 0.0
    assert not FactResult.objects.get(question=question).correct
    content = page.content.decode()
    assert "Votre réponse : vrai." in content
    assert "Cette affirmation est fausse." in content
    assert escape(truth(question)) in content


def test_the_teachers_note_on_the_fact_is_shown_with_the_correction(student_client, attempt):
    question = first(attempt, true=False)
    Fact.objects.filter(pk=question.data["items"][0]["fact_id"]).update(
        teacher_note="La source simplifie ici."
    )
    page = student_client.post(url(question), {"verdict": "false"}).content.decode()
    assert "La source simplifie ici." in page


@pytest.mark.parametrize("post", [{}, {"verdict": ""}, {"verdict": "vrai"}, {"verdict": "1"}])
def test_tampered_or_missing_verdict_is_rejected_and_nothing_stored(student_client, attempt, post):
    question = first(attempt, true=True)
    before = stored()
    response = student_client.post(url(question), post)
    assert response.status_code == 400
    assert stored() == before
    assert 'role="alert"' in response.content.decode()


def test_a_second_different_verdict_is_refused(student_client, attempt):
    question = first(attempt, true=True)
    student_client.post(url(question), {"verdict": "true"})
    response = student_client.post(url(question), {"verdict": "false"})
    assert response.status_code == 400
    question.refresh_from_db()
    assert question.score == 1.0
    assert FactResult.objects.filter(question=question).count() == 1
