"""« L’intrus » by side: the source says the Allies and the Axis were enemies (Opposes), so a
set draws « Lequel de ces acteurs n’était pas dans le camp … ? » among its questions; the
feedback says which side each option acts for, with the quote behind it."""

import re

import pytest
from django.urls import reverse

from quizzes.engine.odd_one_out import BY_SIDE, BY_YEAR
from quizzes.models import Attempt, Fact, FactResult, Opposes, QuestionSet
from quizzes.question_builder import build_questions

# The side each shown entity acts for, as the shipped acts-for links say (directly or through
# its army): the oracle the stored questions are checked against.
SIDES = {
    "Bernard L. Montgomery": "Alliés",
    "George S. Patton": "Alliés",
    "Forces britanniques et américaines": "Alliés",
    "8e armée britannique": "Alliés",
    "7e armée américaine": "Alliés",
    "Allemagne": "Axe",
    "Benito Mussolini": "Axe",
    "Commandos allemands": "Axe",
}
ENEMY = {"Alliés": "Axe", "Axe": "Alliés"}


@pytest.fixture
def side_set(fact_base):
    """Facts about people and groups only (no event): every « l’intrus » is by side."""
    question_set = QuestionSet.objects.create(
        title="Les camps de la campagne",
        status=QuestionSet.Status.PUBLISHED,
        chronology_count=0,
        matching_count=0,
        odd_one_out_count=2,
    )
    question_set.facts.set(Fact.objects.filter(kind=Fact.Kind.ROLE))
    return question_set


def url(question):
    return reverse("attempt_question", args=[question.attempt_id, question.position])


def test_a_set_over_all_the_shipped_facts_draws_questions_by_side_and_by_year(fact_base):
    question_set = QuestionSet(chronology_count=0, matching_count=0, odd_one_out_count=2)
    questions = [
        question
        for seed in range(30)
        for question in build_questions(question_set, f"eleve-{seed}", pinned=[])
    ]
    by_side = [q for q in questions if q["criterion"] == BY_SIDE]
    assert {q["criterion"] for q in questions} == {BY_SIDE, BY_YEAR}
    assert {q["target"] for q in by_side} == {"Alliés", "Axe"}
    for question in by_side:
        intruder = next(i for i in question["items"] if i["id"] == question["answer"])
        assert SIDES[intruder["label"]] == ENEMY[question["target"]] == intruder["side"]
        for item in question["items"]:
            if item is not intruder:
                assert SIDES[item["label"]] == question["target"] == item["side"]


def test_without_the_opposition_no_question_is_asked_by_side(fact_base):
    Opposes.objects.all().delete()
    question_set = QuestionSet(chronology_count=0, matching_count=0, odd_one_out_count=2)
    for seed in range(30):
        questions = build_questions(question_set, f"eleve-{seed}", pinned=[])
        assert {q["criterion"] for q in questions} == {BY_YEAR}


def test_the_page_names_the_side_but_shows_neither_sides_nor_quotes(student_client, side_set):
    student_client.post(reverse("attempt_start", args=[side_set.pk]))
    question = Attempt.objects.latest("pk").questions.get(position=1)
    page = student_client.get(url(question)).content.decode()
    side = question.data["target"]
    prompt = f"Lequel de ces acteurs n’était pas dans le camp « {side} » ?"
    assert prompt in page
    assert page.count('type="radio" ') == 4
    assert ENEMY[side] not in page  # the intruder's side would give it away
    for item in question.data["items"]:
        assert item["label"] in page and item["quote"] not in page
    assert page.count("dans le camp") == page.count(prompt)  # heading and legend, no option


def test_the_feedback_names_each_options_side_with_its_quote(student_client, side_set):
    student_client.post(reverse("attempt_start", args=[side_set.pk]))
    questions = list(Attempt.objects.latest("pk").questions.order_by("position"))
    assert {q.data["target"] for q in questions} == {"Alliés", "Axe"}
    for question in questions:
        response = student_client.post(url(question), {"intruder": question.data["answer"]})
        page = response.content.decode()
        question.refresh_from_db()
        assert question.score == 1.0
        assert FactResult.objects.filter(question=question, correct=True).count() == 4
        intruder = next(i for i in question.data["items"] if i["id"] == question.data["answer"])
        assert f"L’intrus : « {intruder['label']} »." in page
        for item in question.data["items"]:
            side = SIDES[item["label"]]
            assert re.search(
                rf"<strong>{item['label']}</strong>\s*—\s*dans le camp « {side} »", page
            )
            assert f"« {item['quote']} »" in page


def test_the_summary_shows_each_prompt_with_its_side(student_client, side_set):
    student_client.post(reverse("attempt_start", args=[side_set.pk]))
    attempt = Attempt.objects.latest("pk")
    for question in attempt.questions.all():
        student_client.post(url(question), {"intruder": question.data["answer"]})
    page = student_client.get(reverse("attempt_summary", args=[attempt.pk])).content.decode()
    for side in ("Alliés", "Axe"):
        assert f"Lequel de ces acteurs n’était pas dans le camp « {side} » ?" in page
    assert "%(side)s" not in page
