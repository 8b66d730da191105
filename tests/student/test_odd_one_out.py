"""A student answers « l’intrus » questions: graded on the server, all or nothing, the
intruder and the quotes shown only after the answer, tampered posts refused with nothing stored."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, Fact, FactResult, QuestionSet


@pytest.fixture
def odd_set(fact_base):
    """By year only: its facts are the events (the questions by side are in
    test_odd_one_out_by_side.py)."""
    question_set = QuestionSet.objects.create(
        title="Années de la campagne",
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=0,
        matching_count=0,
        odd_one_out_count=3,
    )
    question_set.facts.set(Fact.objects.events())
    return question_set


@pytest.fixture
def question(student_client, odd_set):
    response = student_client.post(reverse("attempt_start", args=[odd_set.pk]))
    assert response.status_code == 302
    attempt = Attempt.objects.latest("pk")
    return attempt.questions.order_by("position").first()


def url(attempt_question):
    return reverse(
        "attempt_question", args=[attempt_question.attempt_id, attempt_question.position]
    )


def intruder(question) -> dict:
    return next(i for i in question.data["items"] if i["id"] == question.data["answer"])


def another(question) -> dict:
    return next(i for i in question.data["items"] if i["id"] != question.data["answer"])


def stored():
    return (
        AttemptQuestion.objects.filter(answered_at__isnull=False).count(),
        FactResult.objects.count(),
    )


def test_the_set_stores_three_odd_one_out_questions_of_four_different_options(
    student_client, odd_set
):
    student_client.post(reverse("attempt_start", args=[odd_set.pk]))
    questions = list(Attempt.objects.latest("pk").questions.all())
    assert [q.kind for q in questions] == ["odd_one_out"] * 3
    for q in questions:
        assert len({item["fact_id"] for item in q.data["items"]}) == 4
    facts = [frozenset(i["fact_id"] for i in q.data["items"]) for q in questions]
    assert all(2 * len(a & b) <= 4 for a in facts for b in facts if a is not b)


def test_the_page_shows_the_year_and_options_but_neither_intruder_dates_nor_quotes(
    student_client, question
):
    page = student_client.get(url(question)).content.decode()
    year = question.data["prompt_params"]["year"]
    assert f"Lequel de ces événements n’a pas eu lieu en {year} ?" in page
    assert page.count('type="radio" ') == 4
    for item in question.data["items"]:
        assert item["label"] in page
        assert item["date_label"] not in page
        assert item["quote"] not in page  # each quote holds its date
    assert "L’intrus :" not in page and "is-intruder" not in page
    assert 'method="post"' in page and "Valider" in page


def test_finding_the_intruder_scores_and_shows_why_with_every_quote(student_client, question):
    response = student_client.post(url(question), {"intruder": question.data["answer"]})
    page = response.content.decode()
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.score == 1.0
    assert FactResult.objects.filter(question=question, correct=True).count() == 4
    assert "Votre score pour cette question : 100 %" in page
    year = question.data["prompt_params"]["year"]
    assert f"L’intrus : « {intruder(question)['label']} »." in page
    assert f"pas en {year}" in page
    for item in question.data["items"]:
        assert item["date_label"] in page
        assert item["quote"][:40] in page


def test_missing_the_intruder_scores_nothing_and_says_which_it_was(student_client, question):
    chosen = another(question)
    response = student_client.post(
        url(question), {"intruder": chosen["id"]}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    question.refresh_from_db()
    assert question.score == 0.0
    assert FactResult.objects.filter(question=question, correct=False).count() == 4
    assert f"Votre réponse : {chosen['label']}" in page
    assert f"L’intrus : « {intruder(question)['label']} »." in page


@pytest.mark.parametrize("post", [{"intruder": "o9"}, {}, {"intruder": ""}, {"first": "o1"}])
def test_tampered_or_missing_answer_is_rejected_and_nothing_stored(student_client, question, post):
    before = stored()
    response = student_client.post(url(question), post)
    assert response.status_code == 400
    assert stored() == before
    assert 'role="alert"' in response.content.decode()


def test_a_second_answer_changes_nothing(student_client, question):
    student_client.post(url(question), {"intruder": question.data["answer"]})
    student_client.post(url(question), {"intruder": another(question)["id"]})
    question.refresh_from_db()
    assert question.score == 1.0
    assert FactResult.objects.filter(question=question).count() == 4


def test_the_summary_shows_the_prompt_with_its_year(student_client, question):
    student_client.post(url(question), {"intruder": question.data["answer"]})
    page = student_client.get(reverse("attempt_summary", args=[question.attempt_id]))
    year = question.data["prompt_params"]["year"]
    assert f"Lequel de ces événements n’a pas eu lieu en {year} ?" in page.content.decode()


def test_an_english_reader_reads_the_prompt_and_the_verdict_in_english(student_client, question):
    student_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = student_client.get(url(question)).content.decode()
    year = question.data["prompt_params"]["year"]
    assert f"Which of these events did not happen in {year}?" in page
    page = student_client.post(url(question), {"intruder": question.data["answer"]})
    assert f"The odd one out: “{intruder(question)['label']}”." in page.content.decode()
