"""Background task of the LTI app (django-tasks, database backend, like quizzes.tasks)."""

from django_tasks import task

from quizzes_lti.grades import send_scores


@task()
def send_attempt_score(attempt_id: int) -> dict[str, int]:
    """Post a finished attempt's score to the platform's grade book (see quizzes_lti.grades)."""
    return send_scores(attempt_id=attempt_id)
