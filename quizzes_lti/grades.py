"""Scores back to the platform's grade book (LTI Assignment and Grade Services).

A student's launch records where their scores on the set go (the line item of the launch's AGS
claim). When one of their attempts finishes, a background task posts its score there: the
answer page never waits for a platform. A platform that fails is tried again later, a few
times, each try logged and recorded on the ScoreReport.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import requests
from django.utils import timezone
from lti_tool.lti_core.constants import AgsScope
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector

from quizzes.models import Attempt
from quizzes_lti.models import GradeLink, ScoreReport
from quizzes_lti.storage import platform_session

logger = logging.getLogger("quizsite.lti")

# After a failed try, the next one waits this long; after the last, the score is given up on
# (an admin sees it in « Notes envoyées » with the platform's answer).
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1), timedelta(hours=6))
MAX_TRIES = len(RETRY_DELAYS) + 1


def remember_grade_link(*, user, question_set, registration, subject: str, ags_claim) -> None:
    """Keep the launch's line item, when the platform gave one and lets quizsite post scores."""
    lineitem = (ags_claim or {}).get("lineitem")
    if not isinstance(lineitem, str) or not lineitem.startswith(("https://", "http://")):
        return
    if len(lineitem) > GradeLink._meta.get_field("lineitem_url").max_length:
        logger.warning("LTI line item URL too long, scores will not be sent: %s", lineitem[:200])
        return
    scopes = list(ags_claim.get("scope") or [])
    if AgsScope.PUBLISH_SCORES not in scopes:
        return
    GradeLink.objects.update_or_create(
        user=user,
        question_set=question_set,
        lineitem_url=lineitem,
        defaults={"registration": registration, "subject": subject, "scopes": scopes},
    )


def queue_scores(sender, attempt_id: int, **kwargs) -> None:
    """attempt_finished receiver: queue the task when the attempt's score has somewhere to go."""
    from quizzes_lti.tasks import send_attempt_score

    attempt = Attempt.objects.filter(pk=attempt_id).values("user_id", "question_set_id").first()
    if attempt and attempt["user_id"] and GradeLink.objects.filter(**attempt).exists():
        send_attempt_score.enqueue(attempt_id)


def send_scores(*, attempt_id: int) -> dict[str, int]:
    """Post the finished attempt's score to each of its line items not yet sent; returns the
    counts by outcome. Safe to run twice: a score sent is never sent again."""
    attempt = Attempt.objects.filter(pk=attempt_id, finished_at__isnull=False).first()
    counts = {"sent": 0, "failed": 0}
    if attempt is None or attempt.user_id is None:
        return counts
    links = GradeLink.objects.filter(
        user_id=attempt.user_id, question_set_id=attempt.question_set_id
    ).select_related("registration")
    retry_after = None
    for link in links:
        report, _ = ScoreReport.objects.get_or_create(attempt=attempt, grade_link=link)
        if report.status != ScoreReport.Status.PENDING:
            continue
        try:
            post_score(link, attempt)
        except (LtiException, requests.RequestException, ValueError) as error:
            retry_after = _record_failure(report, error) or retry_after
            counts["failed"] += 1
        else:
            report.status, report.sent_at = ScoreReport.Status.SENT, timezone.now()
            report.save(update_fields=["status", "sent_at"])
            counts["sent"] += 1
    if retry_after is not None:
        from quizzes_lti.tasks import send_attempt_score

        send_attempt_score.using(run_after=timezone.now() + retry_after).enqueue(attempt_id)
    return counts


def _record_failure(report: ScoreReport, error: Exception) -> timedelta | None:
    """Note the failure; returns how long to wait before the next try, None when given up."""
    report.tries += 1
    report.last_error = str(error)[:2000]
    given_up = report.tries >= MAX_TRIES
    if given_up:
        report.status = ScoreReport.Status.FAILED
    report.save(update_fields=["tries", "last_error", "status"])
    logger.warning(
        "LTI score of attempt %s to %s failed (try %s of %s%s): %s",
        report.attempt_id,
        report.grade_link.lineitem_url,
        report.tries,
        MAX_TRIES,
        ", given up" if given_up else "",
        error,
    )
    return None if given_up else RETRY_DELAYS[report.tries - 1]


def post_score(link: GradeLink, attempt: Attempt) -> None:
    """POST the score to the line item's /scores, with an access token the platform grants for
    a client-credentials JWT signed with the tool's key (pylti1p3's ServiceConnector)."""
    connector = ServiceConnector(
        link.registration.to_registration(), requests_session=platform_session()
    )
    service = AssignmentsGradesService(
        connector, {"scope": link.scopes, "lineitem": link.lineitem_url}
    )
    grade = (
        Grade()
        .set_score_given(float(attempt.score))
        .set_score_maximum(float(attempt.question_count))
        .set_timestamp(attempt.finished_at.isoformat())
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_user_id(link.subject)
    )
    service.put_grade(grade)
