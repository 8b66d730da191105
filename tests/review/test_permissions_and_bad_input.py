"""Who sees whose cards, and posts nobody should send: a student never sees another's cards or
answers another's review; a teacher sees only their own classes; tampered posts are a 400."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Classroom, QuestionSet, ReviewCard, ReviewLog
from quizzes.review import sessions
from quizzes.review.scheduling import schedule_answers
from tests.conftest import right_answer_post
from tests.review.conftest import answer, events


@pytest.fixture
def session(student, fact_base):
    schedule_answers(
        user=student,
        results=[(f.pk, 1) for f in events(8)],
        reviewed_at=timezone.now() - timedelta(days=2),
    )
    return sessions.start_session(student)


def test_a_student_never_sees_another_students_cards(client, student, other_student, fact_base):
    fact = events(1)[0]
    schedule_answers(user=student, results=[(fact.pk, 3)], reviewed_at=timezone.now())
    client.force_login(other_student)
    assert "Répondez d’abord" in client.get(reverse("my_mastery")).content.decode()
    assert "répondez d’abord" in client.get(reverse("review")).content.decode()
    page = client.get(reverse("student_home")).content.decode()
    assert "Aucun fait à revoir aujourd’hui." in page


def test_another_students_review_session_is_forbidden(client, other_student, session):
    client.force_login(other_student)
    question = session.questions.get(position=1)
    url = reverse("attempt_question", args=[session.pk, 1])
    assert client.get(url).status_code == 403
    assert client.post(url, right_answer_post(question.data)).status_code == 403
    question.refresh_from_db()
    assert not question.is_answered


def test_nobody_starts_a_review_set_as_a_quiz(student_client, student, session):
    review_set = QuestionSet.objects.get(review_for=student)
    response = student_client.post(reverse("attempt_start", args=[review_set.pk]))
    assert response.status_code == 404
    assert review_set.title not in student_client.get(reverse("student_home")).content.decode()


def test_review_pages_need_a_login(client, db):
    for name in ("review", "my_mastery"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    assert client.post(reverse("review_start")).status_code == 302
    assert not QuestionSet.objects.exists()


def test_starting_a_review_by_get_is_refused(student_client, session):
    assert student_client.get(reverse("review_start")).status_code == 405


@pytest.mark.parametrize(
    "post",
    [
        {},
        {"first": "e99"},
        {"verdict": "peut-être"},
        {"year": "dix-neuf cent"},
        {"intruder": "<script>"},
        {"position-e1": "1", "position-e1x": "2"},
        {"match-p1": "a1" * 5000},
    ],
)
def test_tampered_review_answers_are_rejected_and_change_no_card(
    student_client, student, session, post
):
    cards = list(ReviewCard.objects.filter(user=student).values_list("due", "reps"))
    logs = ReviewLog.objects.count()
    question = session.questions.get(position=1)
    response = answer(student_client, question, post)
    assert response.status_code == 400
    assert list(ReviewCard.objects.filter(user=student).values_list("due", "reps")) == cards
    assert ReviewLog.objects.count() == logs


def test_a_teacher_sees_only_their_own_classes_mastery(
    client, other_teacher, classroom, student, fact_base
):
    schedule_answers(user=student, results=[(events(1)[0].pk, 3)], reviewed_at=timezone.now())
    client.force_login(other_teacher)
    url = reverse("teacher_class_mastery", args=[classroom.pk])
    assert client.get(url).status_code == 404
    assert client.post(reverse("teacher_class_review_set", args=[classroom.pk])).status_code == 404
    assert not QuestionSet.objects.filter(owner=other_teacher).exists()


def test_students_may_not_open_a_class_mastery_page(student_client, classroom):
    url = reverse("teacher_class_mastery", args=[classroom.pk])
    assert student_client.get(url).status_code == 403


def test_a_teacher_never_sees_a_colleagues_private_facts_through_a_shared_pupil(
    teacher_client, teacher, other_teacher, classroom, student, fact_base
):
    from quizzes.models import Fact, Source

    private = Source.objects.create(title="Cours de M. Martin", text="…", owner=other_teacher)
    model = events(1)[0]
    secret = Fact.objects.create(
        source=private,
        kind=Fact.Kind.EVENT,
        text="Un fait privé",
        quote="…",
        date_label=model.date_label,
        date_start=model.date_start,
        date_end=model.date_end,
        date_precision=model.date_precision,
    )
    Classroom.objects.create(name="2nde", teacher=other_teacher).students.add(student)
    schedule_answers(user=student, results=[(secret.pk, 1)], reviewed_at=timezone.now())
    page = teacher_client.get(reverse("teacher_class_mastery", args=[classroom.pk]))
    assert "Un fait privé" not in page.content.decode()


def test_the_review_set_button_refuses_get_and_needs_csrf(teacher, classroom, fact_base):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    url = reverse("teacher_class_review_set", args=[classroom.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not QuestionSet.objects.filter(owner=teacher).exists()


def test_a_students_cards_and_ratings_are_in_their_data_export_and_go_with_the_account(
    student_client, student, fact_base
):
    from quizzes import personal_data

    fact = events(1)[0]
    schedule_answers(user=student, results=[(fact.pk, 1)], reviewed_at=timezone.now())
    data = personal_data.export_for(student)["spaced_review"]
    assert [card["fact"] for card in data["cards"]] == [fact.text]
    assert [(r["fact"], r["rating"]) for r in data["ratings"]] == [(fact.text, "à revoir")]
    personal_data.delete_account(user=student)
    assert not ReviewCard.objects.exists() and not ReviewLog.objects.exists()
