"""A student takes a quiz: questions generated and stored at start, graded on the server,
saved the moment they are answered, resumed after a reload."""

import re

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptQuestion, FactResult
from tests.conftest import right_answer_post, wrong_answer_post


def start(client, question_set) -> Attempt:
    response = client.post(reverse("attempt_start", args=[question_set.pk]))
    assert response.status_code == 302
    return Attempt.objects.latest("pk")


def question_url(attempt, position):
    return reverse("attempt_question", args=[attempt.pk, position])


def test_student_home_lists_the_default_sets(student_client, default_sets):
    page = student_client.get(reverse("student_home")).content.decode()
    for title in (
        "Chronologie 1943-1945",
        "Qui a fait quoi ?",
        "Lieux et événements",
        "Quiz mixte",
    ):
        assert title in page
    assert "Commencer" in page


def test_starting_stores_every_question_with_its_answer(student_client, student, default_sets):
    attempt = start(student_client, default_sets["Quiz mixte"])
    assert attempt.user == student
    kinds = list(attempt.questions.order_by("position").values_list("kind", flat=True))
    assert sorted(kinds) == ["chronology", "chronology", "matching", "matching"]
    assert attempt.question_count == 4
    assert all("answer" in q.data for q in attempt.questions.all())


def test_question_page_never_contains_the_right_answer(student_client, default_sets):
    attempt = start(student_client, default_sets["Chronologie 1943-1945"])
    question = attempt.questions.get(position=1).data
    page = student_client.get(question_url(attempt, 1)).content.decode()
    assert "Question 1 sur 5" in page
    for item in question["items"]:
        assert item["label"] in page
        assert item["date_label"] not in page.replace(item["label"], "")
        if item["quote"] not in item["label"]:  # a short quote may be the label itself
            assert item["quote"] not in page
    # Items carry opaque ids in the order shown; nothing ties them to facts or dates.
    shown = [item["id"] for item in question["items"]]
    assert shown == [f"e{n}" for n in range(1, len(shown) + 1)]
    assert "fact" not in page.lower()


def test_matching_page_never_contains_the_pairs_or_quotes(student_client, default_sets):
    attempt = start(student_client, default_sets["Qui a fait quoi ?"])
    question = attempt.questions.get(position=1).data
    page = student_client.get(question_url(attempt, 1)).content.decode()
    for item in question["prompts"] + question["answers"]:
        assert item["label"] in page
    shown = " ".join(item["label"] for item in question["prompts"] + question["answers"])
    for prompt in question["prompts"]:
        if prompt["quote"] not in shown:  # a short quote may be a label itself
            assert prompt["quote"] not in page


def test_right_answer_scores_full_marks_and_shows_the_timeline(student_client, default_sets):
    attempt = start(student_client, default_sets["Chronologie 1943-1945"])
    question = attempt.questions.get(position=1)
    response = student_client.post(question_url(attempt, 1), right_answer_post(question.data))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Votre score pour cette question : 100 %" in page
    for item in question.data["items"]:
        assert item["date_label"] in page  # the right chronology, dated as the source writes it
        assert item["quote"] in page
    question.refresh_from_db()
    attempt.refresh_from_db()
    assert question.score == 1.0
    assert attempt.score == 1.0
    assert attempt.answered_count == 1
    results = FactResult.objects.filter(question=question)
    assert results.count() == len(question.data["items"])
    assert all(result.correct for result in results)


def test_wrong_matching_answer_shows_the_right_pairs_with_quotes(student_client, default_sets):
    attempt = start(student_client, default_sets["Qui a fait quoi ?"])
    question = attempt.questions.get(position=1)
    page = student_client.post(
        question_url(attempt, 1), wrong_answer_post(question.data)
    ).content.decode()
    assert "Votre score pour cette question : 0 %" in page
    assert "Votre réponse" in page
    for prompt in question.data["prompts"]:
        assert prompt["quote"] in page
    assert not FactResult.objects.filter(question=question, correct=True).exists()


def test_completing_every_question_finishes_the_attempt(student_client, default_sets):
    attempt = start(student_client, default_sets["Quiz mixte"])
    for question in attempt.questions.order_by("position"):
        post = (
            right_answer_post(question.data)
            if question.position % 2
            else wrong_answer_post(question.data)
        )
        assert (
            student_client.post(question_url(attempt, question.position), post).status_code == 200
        )
    attempt.refresh_from_db()
    assert attempt.is_finished
    assert attempt.answered_count == 4
    # Questions 1 and 3 right (1 point each); 2 and 4 wrong (0 under the default methods).
    assert attempt.score == pytest.approx(sum(q.score for q in attempt.questions.all()))
    summary = student_client.get(reverse("attempt_summary", args=[attempt.pk])).content.decode()
    assert f"{attempt.percent} %" in summary
    assert "Recommencer avec de nouvelles questions" in summary


def test_reload_resumes_at_the_first_unanswered_question(student_client, default_sets):
    attempt = start(student_client, default_sets["Quiz mixte"])
    first = attempt.questions.get(position=1)
    student_client.post(question_url(attempt, 1), right_answer_post(first.data))
    response = student_client.get(reverse("attempt_resume", args=[attempt.pk]))
    assert response.url == question_url(attempt, 2)
    home = student_client.get(reverse("student_home")).content.decode()
    assert reverse("attempt_resume", args=[attempt.pk]) in home


def test_same_answer_twice_counts_once(student_client, default_sets):
    attempt = start(student_client, default_sets["Chronologie 1943-1945"])
    question = attempt.questions.get(position=1)
    post = right_answer_post(question.data)
    first = student_client.post(question_url(attempt, 1), post)
    second = student_client.post(question_url(attempt, 1), post)
    assert first.status_code == second.status_code == 200
    attempt.refresh_from_db()
    assert (attempt.score, attempt.answered_count) == (1.0, 1)
    assert FactResult.objects.filter(question=question).count() == len(question.data["items"])


def test_htmx_answer_returns_only_the_question_panel(student_client, default_sets):
    attempt = start(student_client, default_sets["Chronologie 1943-1945"])
    question = attempt.questions.get(position=1)
    response = student_client.post(
        question_url(attempt, 1), right_answer_post(question.data), headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<section id="question-panel"')
    assert "<html" not in page
    assert "Question suivante" in page


def test_results_page_shows_attempts_chart_and_facts_to_review(student_client, default_sets):
    for _ in range(2):
        attempt = start(student_client, default_sets["Chronologie 1943-1945"])
        for question in attempt.questions.all():
            student_client.post(
                question_url(attempt, question.position), wrong_answer_post(question.data)
            )
    page = student_client.get(reverse("results")).content.decode()
    assert page.count("<circle") == 2
    assert "À revoir" in page
    assert "Manqué" in page
    assert AttemptQuestion.objects.filter(answered_at__isnull=True).count() == 0
    # Coordinates are SVG numbers (dots), never localised with the French decimal comma.
    for match in re.finditer(r'<circle class="dot" cx="([^"]+)" cy="([^"]+)"', page):
        float(match.group(1))
        float(match.group(2))
    assert "0 %</text>" in page  # each point says its score
