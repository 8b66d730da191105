"""A student answers « which came first? » and date-entry questions: graded on the server, the
dates and quotes shown only after the answer, tampered posts refused with nothing stored."""

from datetime import date

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, Fact, FactResult, QuestionSet

# Two events dated to the season (their year is asked), three to the day (month and year).
LABELS = ("Au printemps 1943", "Le 26 juillet", "Le 17 août", "En octobre")


@pytest.fixture
def event_set(fact_base):
    question_set = QuestionSet.objects.create(
        title="Dates de 1943",
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=0,
        matching_count=0,
        which_first_count=3,
        date_entry_count=5,
    )
    question_set.facts.set(Fact.objects.events().filter(date_label__in=LABELS))
    assert question_set.facts.count() == 5
    return question_set


@pytest.fixture
def attempt(student_client, event_set):
    response = student_client.post(reverse("attempt_start", args=[event_set.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def url(attempt_question):
    return reverse(
        "attempt_question", args=[attempt_question.attempt_id, attempt_question.position]
    )


def first_of(attempt, kind, precision=None):
    questions = attempt.questions.filter(kind=kind).order_by("position")
    return next(q for q in questions if precision in (None, q.data.get("precision")))


def date_post(question: dict, *, year_shift=0, month_shift=0) -> dict:
    start = date.fromisoformat(question["answer"]["start"])
    post = {"year": str(start.year + year_shift)}
    if question["precision"] == "month":
        post["month"] = str((start.month - 1 + month_shift) % 12 + 1)
    return post


def stored():
    return (
        AttemptQuestion.objects.filter(answered_at__isnull=False).count(),
        FactResult.objects.count(),
    )


def test_the_set_stores_both_kinds_without_repeats(attempt):
    kinds = list(attempt.questions.order_by("position").values_list("kind", flat=True))
    assert kinds == ["which_first"] * 3 + ["date_entry"] * 5
    facts = [frozenset(i["fact_id"] for i in q.data["items"]) for q in attempt.questions.all()]
    assert len(set(facts)) == len(facts)


@pytest.mark.parametrize("kind", ["which_first", "date_entry"])
def test_neither_the_dates_nor_the_quotes_reach_the_page_before_the_answer(
    student_client, attempt, kind
):
    question = first_of(attempt, kind)
    page = student_client.get(url(question)).content.decode()
    for item in question.data["items"]:
        assert item["label"] in page
        assert item["date_label"] not in page
        assert item["quote"][:40] not in page
    assert "Valider" in page


def test_which_first_right_answer_scores_and_shows_the_quotes(student_client, attempt):
    question = first_of(attempt, "which_first")
    response = student_client.post(url(question), {"first": question.data["answer"]})
    page = response.content.decode()
    assert response.status_code == 200
    question.refresh_from_db()
    assert question.score == 1.0
    assert FactResult.objects.filter(question=question, correct=True).count() == 2
    assert "Votre score pour cette question : 100 %" in page
    for item in question.data["items"]:
        assert item["date_label"] in page
        assert item["quote"][:40] in page


def test_which_first_wrong_answer_scores_nothing(student_client, attempt):
    question = first_of(attempt, "which_first")
    other = next(i["id"] for i in question.data["items"] if i["id"] != question.data["answer"])
    student_client.post(url(question), {"first": other}, HTTP_HX_REQUEST="true")
    question.refresh_from_db()
    assert question.score == 0.0
    assert FactResult.objects.filter(question=question, correct=False).count() == 2


def test_date_entry_right_month_and_year_scores_full_marks(student_client, attempt):
    question = first_of(attempt, "date_entry", "month")
    page = student_client.post(url(question), date_post(question.data)).content.decode()
    question.refresh_from_db()
    assert question.score == 1.0
    assert question.data["items"][0]["date_label"] in page
    assert question.data["items"][0]["quote"][:40] in page


def test_date_entry_right_year_wrong_month_earns_half(student_client, attempt):
    question = first_of(attempt, "date_entry", "month")
    page = student_client.post(url(question), date_post(question.data, month_shift=1))
    question.refresh_from_db()
    assert question.score == 0.5
    assert "La bonne année sans le bon mois rapporte la moitié des points." in page.content.decode()
    assert not FactResult.objects.get(question=question).correct


def test_date_entry_wrong_year_scores_nothing(student_client, attempt):
    question = first_of(attempt, "date_entry")
    student_client.post(url(question), date_post(question.data, year_shift=1))
    question.refresh_from_db()
    assert question.score == 0.0


@pytest.mark.parametrize(
    ("kind", "post"),
    [
        ("which_first", {"first": "e9"}),
        ("which_first", {}),
        ("date_entry", {"year": "mille neuf cent", "month": "7"}),
        ("date_entry", {"year": "19430", "month": "7"}),
        ("date_entry", {"year": "1943", "month": "13"}),
        ("date_entry", {"year": "1943", "month": ""}),
        ("date_entry", {"year": ""}),
    ],
)
def test_tampered_or_malformed_answer_is_rejected_and_nothing_stored(
    student_client, attempt, kind, post
):
    question = first_of(attempt, kind, "month" if kind == "date_entry" else None)
    before = stored()
    response = student_client.post(url(question), post)
    assert response.status_code == 400
    assert stored() == before
    assert 'role="alert"' in response.content.decode()


def test_a_month_posted_to_a_year_question_is_rejected(student_client, attempt):
    question = first_of(attempt, "date_entry", "year")
    before = stored()
    response = student_client.post(url(question), {"year": "1943", "month": "4"})
    assert response.status_code == 400
    assert stored() == before


def test_the_date_form_works_without_javascript_with_labels(student_client, attempt):
    question = first_of(attempt, "date_entry", "month")
    page = student_client.get(url(question)).content.decode()
    position = question.position
    assert f'<label for="date-year-{position}">Année</label>' in page
    assert f'<label for="date-month-{position}">Mois</label>' in page
    assert '<option value="7">juillet</option>' in page
    assert 'method="post"' in page
