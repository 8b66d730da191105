"""`manage.py setup_demo --history`: the demo class has about 25 pupils with three weeks of
attempts, consistent with what answering stores, the same on every fresh database, built once,
and the teacher's results page shows real figures from it."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count, Max, Q, Sum
from django.urls import reverse
from django.utils import timezone

from quizzes import demo_history
from quizzes.answers import fact_ids
from quizzes.models import (
    Attempt,
    AttemptQuestion,
    Classroom,
    Enrollment,
    FactResult,
    ReviewCard,
    ReviewLog,
)
from quizzes.review import mastery, sessions

TABLES = [get_user_model(), Enrollment, Attempt, AttemptQuestion, FactResult, ReviewCard, ReviewLog]


@pytest.fixture
def demo(fact_base):
    call_command("setup_demo", history=True, stdout=None)
    classroom = Classroom.objects.get(name="3e B (démo)")
    return {"classroom": classroom, "set": classroom.question_sets.get()}


def scores_by_pupil() -> list[tuple[str, str, float]]:
    return list(
        Attempt.objects.order_by("user__username", "seed").values_list(
            "user__username", "seed", "score"
        )
    )


def test_the_demo_class_has_about_25_pupils_with_three_weeks_of_attempts(demo):
    assert demo["classroom"].enrollments.count() == 25
    attempts = Attempt.objects.filter(question_set=demo["set"])
    starters = attempts.values("user").distinct().count()
    assert starters == 24  # one pupil never started
    now = timezone.now()
    first, last = attempts.order_by("started_at"), attempts.order_by("-started_at")
    assert now - timedelta(days=21) <= first.first().started_at < now - timedelta(days=13)
    assert last.first().started_at <= now
    assert attempts.filter(finished_at__isnull=True).count() == 1  # one left half done


def test_every_attempt_adds_up_like_answered_ones(demo):
    attempts = Attempt.objects.filter(question_set=demo["set"]).annotate(
        question_sum=Sum("questions__score"),
        questions_answered=Count("questions", filter=Q(questions__answered_at__isnull=False)),
        last_answer=Max("questions__answered_at"),
        rows=Count("questions"),
    )
    for attempt in attempts:
        assert attempt.score == pytest.approx(attempt.question_sum or 0)
        assert attempt.answered_count == attempt.questions_answered
        assert attempt.question_count == attempt.rows
        if attempt.finished_at is not None:
            assert attempt.finished_at == attempt.last_answer
            assert attempt.answered_count == attempt.question_count
        assert attempt.started_at < attempt.last_answer
    # Each pupil's attempts carry the seeds their questions were drawn from, in order.
    for user_id in attempts.values_list("user", flat=True).distinct():
        mine = attempts.filter(user=user_id).order_by("started_at")
        name = mine[0].user.username
        assert [a.seed for a in mine] == [f"demo-{name}-{n}" for n in range(len(mine))]
    # One per-fact result per item of every answered question, dated when it was answered.
    for question in AttemptQuestion.objects.filter(answered_at__isnull=False)[:50]:
        results = list(question.fact_results.all())
        assert {r.fact_id for r in results} == set(fact_ids(question.data).values())
        assert all(r.created_at == question.answered_at for r in results)
        assert (question.score == 1.0) == all(r.correct for r in results)


def test_pupils_differ_and_improve(demo):
    finished = Attempt.objects.filter(question_set=demo["set"], finished_at__isnull=False)
    percents = [a.percent for a in finished]
    assert max(percents) - min(percents) >= 50
    firsts, lasts = [], []
    for user_id in finished.values_list("user", flat=True).distinct():
        mine = list(finished.filter(user=user_id).order_by("started_at"))
        if len(mine) > 1:
            firsts.append(mine[0].percent)
            lasts.append(mine[-1].percent)
    assert sum(lasts) / len(lasts) > sum(firsts) / len(firsts) + 5


def test_rerunning_setup_demo_changes_no_row(demo):
    before = {model.__name__: model.objects.count() for model in TABLES}
    scores = scores_by_pupil()
    call_command("setup_demo", history=True, stdout=None)
    assert {model.__name__: model.objects.count() for model in TABLES} == before
    assert scores_by_pupil() == scores


def test_the_history_is_the_same_when_built_again_from_scratch(demo):
    scores = scores_by_pupil()
    Attempt.objects.filter(question_set=demo["set"]).delete()
    assert demo_history.build_history(classroom=demo["classroom"], question_set=demo["set"])
    assert scores_by_pupil() == scores


def test_without_debug_setup_demo_adds_no_pupil(fact_base):
    call_command("setup_demo", stdout=None)  # settings.DEBUG is off under tests, as on a server
    assert Classroom.objects.get(name="3e B (démo)").enrollments.count() == 1
    assert not Attempt.objects.exists()


def test_the_teachers_results_page_shows_the_demo_figures(client, demo):
    client.force_login(get_user_model().objects.get(username="prof"))
    response = client.get(
        reverse("teacher_results_detail", args=[demo["classroom"].pk, demo["set"].pk])
    )
    results = response.context["results"]
    reliability = results.report.reliability
    assert reliability.enough_attempts and reliability.alpha is not None
    assert 0 < reliability.alpha < 1 and reliability.sem > 0
    assert len(results.fact_items) >= 10
    assert all(row.item.facility is not None for row in results.fact_items)
    page = response.content.decode()
    assert "Coefficient de cohérence interne (alpha de Cronbach)" in page
    assert f"{reliability.alpha:.2f}".replace(".", ",") in page
    assert results.fact_items[0].fact.text in page


def test_the_replayed_answers_come_in_time_order_with_their_grades(demo):
    answers = demo_history.history_answers(demo["set"])
    assert len(answers) == FactResult.objects.count()
    assert [a.answered_at for a in answers] == sorted(a.answered_at for a in answers)
    assert {a.correct for a in answers} == {True, False}
    assert any(a.partial for a in answers)
    assert not any(a.partial and a.correct for a in answers)


def test_the_history_feeds_the_review_cards_so_review_and_mastery_show_figures(demo):
    """Every graded fact of the history is one review log, in the pupils' cards: « eleve » has
    facts due and facts mastered, and the class's mastery page has a figure for every fact."""
    assert ReviewLog.objects.count() == FactResult.objects.count()
    eleve = get_user_model().objects.get(username="eleve")
    queue = sessions.review_queue(eleve)
    assert queue.card_count > 0 and queue.due_count > 0
    rows, class_size = mastery.class_mastery(demo["classroom"])
    assert class_size == 25
    assert len(rows) >= 10
    assert any(row.mastered for row in rows) and any(row.mastered < row.seen for row in rows)


def test_a_history_built_before_review_cards_gets_its_cards_once(demo):
    logs = ReviewLog.objects.count()
    ReviewCard.objects.all().delete()
    ReviewLog.objects.all().delete()
    call_command("setup_demo", history=True, stdout=None)
    assert ReviewLog.objects.count() == logs
    call_command("setup_demo", history=True, stdout=None)
    assert ReviewLog.objects.count() == logs
