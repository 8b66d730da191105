"""A student reviews: the count of facts due on their home, the « Réviser » page, a session of
real questions about their due facts, graded on the server, that updates their cards."""

import re
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from quizzes.engine.quiz import item_facts
from quizzes.models import Attempt, ReviewCard, ReviewLog
from quizzes.review import sessions
from quizzes.review.scheduling import schedule_answers
from tests.conftest import right_answer_post
from tests.review.conftest import answer, events


def test_a_student_without_cards_is_told_to_answer_a_quiz_first(student_client):
    page = student_client.get(reverse("review")).content.decode()
    assert "répondez d’abord aux questions d’un quiz" in page
    response = student_client.post(reverse("review_start"))
    assert response.status_code == 302
    assert not Attempt.objects.exists()


def test_the_student_home_shows_how_many_facts_are_due(student_client, student, fact_base):
    due, later = events(4)[:3], events(4)[3]
    yesterday = timezone.now() - timedelta(days=3)
    schedule_answers(user=student, results=[(f.pk, 1) for f in due], reviewed_at=yesterday)
    schedule_answers(user=student, results=[(later.pk, 3)], reviewed_at=timezone.now())
    page = student_client.get(reverse("student_home")).content.decode()
    assert "3 faits à revoir aujourd’hui." in page
    assert reverse("review") in page


def test_a_review_session_asks_about_the_due_facts_and_updates_their_cards(
    student_client, student, fact_base
):
    facts = events(30)
    due = facts[:4]
    long_ago = timezone.now() - timedelta(days=5)
    schedule_answers(user=student, results=[(f.pk, 1) for f in due], reviewed_at=long_ago)
    schedule_answers(
        user=student, results=[(f.pk, 3) for f in facts[4:10]], reviewed_at=timezone.now()
    )
    page = student_client.get(reverse("review")).content.decode()
    assert "4 faits à revoir aujourd’hui" in page

    response = student_client.post(reverse("review_start"))
    attempt = Attempt.objects.get(question_set__review_for=student)
    assert response.status_code == 302
    assert response["Location"] == reverse("attempt_resume", args=[attempt.pk])
    questions = list(attempt.questions.order_by("position"))
    assert 1 <= len(questions) <= sessions.SESSION_QUESTIONS
    queued = {str(f.pk) for f in facts[:10]}
    # Every question is about a fact of the queue; the due facts come first.
    assert all(item_facts(q.data) & queued for q in questions)
    assert {str(f.pk) for f in due} & set().union(*(item_facts(q.data) for q in questions))

    # Pressing « Commencer » again resumes the same session.
    student_client.post(reverse("review_start"))
    assert Attempt.objects.filter(question_set__review_for=student).count() == 1

    logs_before = ReviewLog.objects.count()
    for q in questions:
        page = student_client.get(reverse("attempt_question", args=[attempt.pk, q.position]))
        assert page.status_code == 200
        assert answer(student_client, q, right_answer_post(q.data)).status_code == 200
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.score == len(questions)
    answered_facts = {int(f) for q in questions for f in item_facts(q.data)}
    assert ReviewLog.objects.count() > logs_before
    for card in ReviewCard.objects.filter(user=student, fact_id__in=answered_facts):
        assert card.last_rating == 3
        assert card.due > timezone.now() + timedelta(days=1)
    summary = student_client.get(reverse("attempt_summary", args=[attempt.pk])).content.decode()
    assert "Retour à la révision" in summary


def test_the_review_page_never_shows_the_answer_before_it_is_given(
    student_client, student, fact_base
):
    schedule_answers(
        user=student,
        results=[(f.pk, 1) for f in events(8)],
        reviewed_at=timezone.now() - timedelta(days=2),
    )
    attempt = sessions.start_session(student)
    for q in attempt.questions.all():
        page = student_client.get(reverse("attempt_question", args=[attempt.pk, q.position]))
        text = page.content.decode()
        for item in q.data.get("items", []):
            if item.get("quote") and item["quote"] not in item["label"]:
                assert item["quote"] not in text


def test_the_review_nav_link_is_on_every_student_page(student_client):
    page = student_client.get(reverse("student_home")).content.decode()
    assert re.search(r'<a href="/reviser/">Réviser</a>', page)


def test_answering_a_quiz_then_reviewing_the_next_day_draws_its_missed_facts(answered, student):
    tomorrow = timezone.now() + timedelta(days=1, hours=1)
    queue = sessions.review_queue(student, now=tomorrow)
    again = set(
        ReviewCard.objects.filter(user=student, last_rating=1).values_list("fact_id", flat=True)
    )
    assert again, "the first question was answered wrong"
    assert again <= set(queue.due)


def test_a_review_session_is_titled_in_the_students_language(student_client, student, fact_base):
    schedule_answers(
        user=student,
        results=[(f.pk, 1) for f in events(8)],
        reviewed_at=timezone.now() - timedelta(days=2),
    )
    attempt = sessions.start_session(student)
    url = reverse("attempt_question", args=[attempt.pk, 1])
    assert "<h1>Révision</h1>" in student_client.get(url).content.decode()
    student_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "<h1>Review</h1>" in student_client.get(url).content.decode()


def test_the_review_page_counts_every_fact_due_though_a_session_takes_twelve(
    student_client, student, fact_base
):
    schedule_answers(
        user=student,
        results=[(f.pk, 1) for f in events(20)],
        reviewed_at=timezone.now() - timedelta(days=3),
    )
    queue = sessions.review_queue(student)
    assert (len(queue.due), queue.due_count) == (sessions.SESSION_FACTS, 20)
    assert "20 faits à revoir aujourd’hui" in student_client.get(reverse("review")).content.decode()
