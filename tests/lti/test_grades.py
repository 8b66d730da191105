"""Scores go back to the platform's grade book (AGS) from a background task when an attempt
finishes: the token request is a client-credentials JWT the platform verifies with the tool's
JWKS, the score is the attempt's, and a failing platform is tried again later."""

import logging

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from quizzes.models import Attempt
from quizzes_lti.models import GradeLink, ScoreReport
from tests.conftest import right_answer_post, run_queued_tasks, wrong_answer_post
from tests.lti.conftest import set_url
from tests.lti.platform import SCORE_SCOPE

# The real django-tasks worker runs the queued tasks, and closes the database connection as it
# does in production: these tests commit (answers are announced once their transaction commits).
pytestmark = pytest.mark.django_db(transaction=True)


def course_with_learner(client, launcher, teachers_set, *, ags=True):
    """Mme Durand opens the set's link (the course becomes her class), then Camille does."""
    launcher.teacher(teachers_set)
    client.logout()
    claims = launcher.platform.resource_claims(target=set_url(teachers_set), ags=ags)
    assert launcher.learner(claims=claims).status_code == 302


def take_the_set(client, teachers_set) -> Attempt:
    """First question right, second wrong (which came first? is all or nothing)."""
    response = client.post(reverse("attempt_start", args=[teachers_set.pk]))
    attempt = Attempt.objects.get(question_set=teachers_set)
    assert response["Location"] == reverse("attempt_question", args=[attempt.pk, 1])
    posts = [right_answer_post, wrong_answer_post]
    for question, answer in zip(attempt.questions.order_by("position"), posts, strict=True):
        url = reverse("attempt_question", args=[attempt.pk, question.position])
        assert client.post(url, answer(question.data)).status_code == 200
    attempt.refresh_from_db()
    assert attempt.is_finished and (attempt.score, attempt.question_count) == (1.0, 2)
    return attempt


def test_a_finished_attempt_sends_its_score_to_the_platforms_line_item(
    client,
    launcher,
    platform,
    teachers_set,
    linked_teacher,
    tool_jwks,
):
    course_with_learner(client, launcher, teachers_set)
    link = GradeLink.objects.get()
    assert link.lineitem_url == platform.lineitem and SCORE_SCOPE in link.scopes

    attempt = take_the_set(client, teachers_set)
    assert platform.scores == []  # the answer page did not wait for the platform
    assert DBTaskResult.objects.filter(task_path__endswith="send_attempt_score").count() == 1

    run_queued_tasks()
    (score,) = platform.scores
    assert score["path"] == "/lineitems/7/lineitem/scores"
    # 1 right answer of 2 questions: scoreGiven 1, scoreMaximum 2, for the learner's sub.
    assert (score["scoreGiven"], score["scoreMaximum"]) == (1.0, 2.0)
    assert score["userId"] == "learner-sub-1"
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    assert score["timestamp"] == attempt.finished_at.isoformat()
    (token_request,) = platform.token_requests  # verified against the tool's JWKS
    assert token_request["scope"].split() == link.scopes
    report = ScoreReport.objects.get()
    assert report.status == ScoreReport.Status.SENT and report.tries == 0

    # Run twice (a worker restarted mid-task): the score is not sent again.
    from quizzes_lti.grades import send_scores

    assert send_scores(attempt_id=attempt.pk) == {"sent": 0, "failed": 0}
    assert len(platform.scores) == 1


def test_a_failing_platform_is_logged_and_tried_again_later(
    client,
    launcher,
    platform,
    teachers_set,
    linked_teacher,
    tool_jwks,
    caplog,
):
    course_with_learner(client, launcher, teachers_set)
    platform.score_status = 503
    attempt = take_the_set(client, teachers_set)
    with caplog.at_level(logging.WARNING, logger="quizsite.lti"):
        run_queued_tasks()
    report = ScoreReport.objects.get()
    assert report.status == ScoreReport.Status.PENDING and report.tries == 1
    assert "503" in report.last_error
    assert f"LTI score of attempt {attempt.pk}" in caplog.text
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after is not None and retry.args_kwargs["args"] == [attempt.pk]

    platform.score_status = 200
    from quizzes_lti.grades import send_scores

    assert send_scores(attempt_id=attempt.pk)["sent"] == 1
    assert platform.scores[0]["scoreGiven"] == 1.0


def test_a_token_signed_with_a_key_not_in_the_tools_jwks_gets_no_score_through(
    client,
    launcher,
    platform,
    teachers_set,
    linked_teacher,
    tool_jwks,
):
    course_with_learner(client, launcher, teachers_set)
    platform.tool_jwks = {"keys": []}  # the platform no longer trusts the tool's key
    take_the_set(client, teachers_set)
    run_queued_tasks()
    assert platform.scores == []
    assert "401" in ScoreReport.objects.get().last_error


def test_without_a_line_item_in_the_launch_no_task_is_queued(
    client,
    launcher,
    platform,
    teachers_set,
    linked_teacher,
):
    course_with_learner(client, launcher, teachers_set, ags=False)
    take_the_set(client, teachers_set)
    assert not GradeLink.objects.exists()
    assert not DBTaskResult.objects.exists()
