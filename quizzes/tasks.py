"""Background tasks (Django's tasks API through the django-tasks backport, database backend).
A task takes ids, is safe to run twice and records its progress in the database; the worker
(`manage.py db_worker`) loads the language models once, on its first job."""

from django_tasks import task

from quizzes.source_reading import run_extraction


@task()
def extract_source_facts(job_id: int) -> int:
    """Read a teacher's source and propose its facts (see quizzes.source_reading)."""
    return run_extraction(job_id=job_id)


@task()
def housekeeping() -> dict[str, int]:
    """Delete what is no longer kept (see quizzes.housekeeping), then queue the next run: the
    worker runs it every HOUSEKEEPING_INTERVAL_MINUTES once `manage.py housekeeping --schedule`
    (make run, make prod) has queued the first."""
    from quizzes.housekeeping import purge_expired_data, schedule_next

    try:
        return purge_expired_data()
    finally:  # a run that fails must not end the chain of runs
        schedule_next()
